/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Hexagon duplex sub-instructions (hex-sub.isa): the 13-bit halves of a
 * duplex word, in groups A (ALU), L1/L2 (loads, deallocframe, returns)
 * and S1/S2 (stores, allocframe).  Each is the short form of a 32-bit
 * instruction and shares its semantics (and the frame helpers of
 * translate-j.c).  Registers are 4-bit sub-register numbers (0-7: r0-r7,
 * 8-15: r16-r23), pairs 3-bit (0-3: r1:0..r7:6, 4-7: r17:16..r23:22).
 * Spec: Hexagon V68 PRM, "Duplexes" and "Sub-instructions".
 */
#include "translate.h"

#include "decode-hexagon-sub.c.inc"

bool hex_decode_sub(DisasContext *ctx, int group, uint32_t half)
{
    switch (group) {
    case 0:
        return decode_hex_sub_l1(ctx, half);
    case 1:
        return decode_hex_sub_l2(ctx, half);
    case 2:
        return decode_hex_sub_s1(ctx, half);
    case 3:
        return decode_hex_sub_s2(ctx, half);
    default:
        return decode_hex_sub_a(ctx, half);
    }
}

static unsigned sreg(int64_t v)
{
    return v < 8 ? (unsigned)v : (unsigned)v + 8;
}

static unsigned spair(int64_t v)
{
    return v < 4 ? 2 * (unsigned)v : 16 + 2 * ((unsigned)v - 4);
}

static TCGv_i32 cst(DisasContext *ctx, int64_t v)
{
    return tcg_constant_i32(ctx->tcg, (int32_t)v);
}

/* Group A */

static bool trans_SA1_ADDI(DisasContext *ctx, arg_ri *a)
{
    tcg_gen_addi_i32(ctx->tcg, dest_gpr(ctx, sreg(a->rd)),
                     get_gpr(ctx, sreg(a->rd)), (int32_t)a->imm);
    return true;
}

static bool trans_SA1_SETI(DisasContext *ctx, arg_ri *a)
{
    tcg_gen_movi_i32(ctx->tcg, dest_gpr(ctx, sreg(a->rd)), (int32_t)a->imm);
    return true;
}

static bool trans_SA1_ADDSP(DisasContext *ctx, arg_ri *a)
{
    tcg_gen_addi_i32(ctx->tcg, dest_gpr(ctx, sreg(a->rd)), get_gpr(ctx, 29),
                     (int32_t)a->imm);
    return true;
}

enum { A_TFR, A_INC, A_AND1, A_DEC, A_SXTH, A_SXTB, A_ZXTH, A_ZXTB, A_ADDRX };

static bool do_a_rr(DisasContext *ctx, arg_rr *a, int op)
{
    TCGContext *t = ctx->tcg;
    TCGv_i32 s = get_gpr(ctx, sreg(a->rs));
    TCGv_i32 d = dest_gpr(ctx, sreg(a->rd));

    switch (op) {
    case A_TFR:
        tcg_gen_mov_i32(t, d, s);
        break;
    case A_INC:
        tcg_gen_addi_i32(t, d, s, 1);
        break;
    case A_AND1:
        tcg_gen_andi_i32(t, d, s, 1);
        break;
    case A_DEC:
        tcg_gen_subi_i32(t, d, s, 1);
        break;
    case A_SXTH:
        tcg_gen_ext16s_i32(t, d, s);
        break;
    case A_SXTB:
        tcg_gen_ext8s_i32(t, d, s);
        break;
    case A_ZXTH:
        tcg_gen_ext16u_i32(t, d, s);
        break;
    case A_ZXTB:
        tcg_gen_ext8u_i32(t, d, s);
        break;
    default:
        tcg_gen_add_i32(t, d, get_gpr(ctx, sreg(a->rd)), s);
        break;
    }
    return true;
}

#define A_RR(NAME, OP)                                                       \
static bool trans_##NAME(DisasContext *ctx, arg_rr *a)                      \
{                                                                            \
    return do_a_rr(ctx, a, OP);                                              \
}

A_RR(SA1_TFR, A_TFR)
A_RR(SA1_INC, A_INC)
A_RR(SA1_AND1, A_AND1)
A_RR(SA1_DEC, A_DEC)
A_RR(SA1_SXTH, A_SXTH)
A_RR(SA1_SXTB, A_SXTB)
A_RR(SA1_ZXTH, A_ZXTH)
A_RR(SA1_ZXTB, A_ZXTB)
A_RR(SA1_ADDRX, A_ADDRX)

static bool trans_SA1_CMPEQI(DisasContext *ctx, arg_rr *a)
{
    TCGv_i32 b = tmp32(ctx);

    tcg_gen_setcond_i32(ctx->tcg, TCG_COND_EQ, b, get_gpr(ctx, sreg(a->rs)),
                        cst(ctx, a->rd));
    set_pred_bool(ctx, 0, b);
    return true;
}

static bool trans_SA1_SETIN1(DisasContext *ctx, arg_SA1_SETIN1 *a)
{
    tcg_gen_movi_i32(ctx->tcg, dest_gpr(ctx, sreg(a->rd)), -1);
    return true;
}

/* if ([!]p0[.new]) Rd = #0; @pc as in translate.h */
static bool do_clr(DisasContext *ctx, unsigned rd, unsigned pc)
{
    TCGv_i32 c = pred_cond(ctx, pc);
    TCGv_i32 d;

    if (c) {
        d = dest_gpr(ctx, sreg(rd));
        tcg_gen_movcond_i32(ctx->tcg, TCG_COND_NE, d, c, cst(ctx, 0),
                            cst(ctx, 0), d);
    }
    return true;
}

static bool trans_SA1_CLRTNEW(DisasContext *ctx, arg_SA1_CLRTNEW *a)
{
    return do_clr(ctx, a->rd, 4);
}

static bool trans_SA1_CLRFNEW(DisasContext *ctx, arg_SA1_CLRFNEW *a)
{
    return do_clr(ctx, a->rd, 12);
}

static bool trans_SA1_CLRT(DisasContext *ctx, arg_SA1_CLRT *a)
{
    return do_clr(ctx, a->rd, 0);
}

static bool trans_SA1_CLRF(DisasContext *ctx, arg_SA1_CLRF *a)
{
    return do_clr(ctx, a->rd, 8);
}

static void set_subpair(DisasContext *ctx, int64_t rdd, TCGv_i32 hi,
                        TCGv_i32 lo)
{
    unsigned r = spair(rdd);

    tcg_gen_mov_i32(ctx->tcg, dest_gpr(ctx, r), lo);
    tcg_gen_mov_i32(ctx->tcg, dest_gpr(ctx, r + 1), hi);
}

static bool trans_SA1_COMBINEKI(DisasContext *ctx, arg_rri *a)
{
    set_subpair(ctx, a->rd, cst(ctx, a->rs), cst(ctx, a->imm));
    return true;
}

static bool trans_SA1_COMBINEZR(DisasContext *ctx, arg_rr *a)
{
    set_subpair(ctx, a->rd, cst(ctx, 0), get_gpr(ctx, sreg(a->rs)));
    return true;
}

static bool trans_SA1_COMBINERZ(DisasContext *ctx, arg_rr *a)
{
    set_subpair(ctx, a->rd, get_gpr(ctx, sreg(a->rs)), cst(ctx, 0));
    return true;
}

/* Groups L1, L2 */

static bool do_sub_load(DisasContext *ctx, unsigned rd, TCGv_i32 base,
                        int64_t off, MemOp op)
{
    TCGv_i64 addr = gen_addr(ctx, base, (int32_t)off);

    if (memop_log2_size(op) == MO_64) {
        set_gpr_pair(ctx, rd, gen_load64(ctx, addr));
    } else {
        tcg_gen_mov_i32(ctx->tcg, dest_gpr(ctx, rd),
                        gen_load32(ctx, addr, op));
    }
    return true;
}

#define SUB_LD(NAME, OP)                                                     \
static bool trans_##NAME(DisasContext *ctx, arg_rri *a)                     \
{                                                                            \
    return do_sub_load(ctx, sreg(a->rd), get_gpr(ctx, sreg(a->rs)), a->imm, \
                       OP);                                                  \
}

SUB_LD(SL1_LOADRI, MO_LEUL)
SUB_LD(SL1_LOADRUB, MO_UB)
SUB_LD(SL2_LOADRH, MO_LESW)
SUB_LD(SL2_LOADRUH, MO_LEUW)
SUB_LD(SL2_LOADRB, MO_SB)

static bool trans_SL2_LOADRI_SP(DisasContext *ctx, arg_ri *a)
{
    return do_sub_load(ctx, sreg(a->rd), get_gpr(ctx, 29), a->imm, MO_LEUL);
}

static bool trans_SL2_LOADRD_SP(DisasContext *ctx, arg_ri *a)
{
    return do_sub_load(ctx, spair(a->rd), get_gpr(ctx, 29), a->imm,
                       MO_LEUQ);
}

static bool trans_SL2_DEALLOCFRAME(DisasContext *ctx, arg_empty *a)
{
    hex_gen_deallocframe(ctx, NULL, false);
    return true;
}

/* dealloc_return and jumpr r31, when @pc >= 0 only if p0 says so. */
static bool do_sub_ret(DisasContext *ctx, int pc, bool dealloc)
{
    TCGv_i32 c = NULL;

    if (pc >= 0) {
        c = pred_cond(ctx, (unsigned)pc);
        if (!c) {
            return true;
        }
    }
    if (dealloc) {
        hex_gen_deallocframe(ctx, c, true);
    } else {
        gen_branch_reg(ctx, get_gpr(ctx, 31), c);
    }
    return true;
}

static bool trans_SL2_RETURN(DisasContext *ctx, arg_empty *a)
{
    return do_sub_ret(ctx, -1, true);
}

static bool trans_SL2_RETURN_T(DisasContext *ctx, arg_empty *a)
{
    return do_sub_ret(ctx, 0, true);
}

static bool trans_SL2_RETURN_F(DisasContext *ctx, arg_empty *a)
{
    return do_sub_ret(ctx, 8, true);
}

static bool trans_SL2_RETURN_TNEW(DisasContext *ctx, arg_empty *a)
{
    return do_sub_ret(ctx, 4, true);
}

static bool trans_SL2_RETURN_FNEW(DisasContext *ctx, arg_empty *a)
{
    return do_sub_ret(ctx, 12, true);
}

static bool trans_SL2_JUMPR31(DisasContext *ctx, arg_empty *a)
{
    return do_sub_ret(ctx, -1, false);
}

static bool trans_SL2_JUMPR31_T(DisasContext *ctx, arg_empty *a)
{
    return do_sub_ret(ctx, 0, false);
}

static bool trans_SL2_JUMPR31_F(DisasContext *ctx, arg_empty *a)
{
    return do_sub_ret(ctx, 8, false);
}

static bool trans_SL2_JUMPR31_TNEW(DisasContext *ctx, arg_empty *a)
{
    return do_sub_ret(ctx, 4, false);
}

static bool trans_SL2_JUMPR31_FNEW(DisasContext *ctx, arg_empty *a)
{
    return do_sub_ret(ctx, 12, false);
}

/* Groups S1, S2 */

static bool do_sub_store(DisasContext *ctx, TCGv_i32 base, int64_t off,
                         TCGv_i32 val, MemOp op)
{
    gen_store32(ctx, gen_addr(ctx, base, (int32_t)off), val, op, NULL);
    return true;
}

#define SUB_ST(NAME, OP)                                                     \
static bool trans_##NAME(DisasContext *ctx, arg_srri *a)                    \
{                                                                            \
    return do_sub_store(ctx, get_gpr(ctx, sreg(a->rs)), a->imm,             \
                        get_gpr(ctx, sreg(a->rt)), OP);                      \
}

SUB_ST(SS1_STOREW, MO_LEUL)
SUB_ST(SS1_STOREB, MO_UB)
SUB_ST(SS2_STOREH, MO_LEUW)

#define SUB_STI(NAME, OP)                                                    \
static bool trans_##NAME(DisasContext *ctx, arg_srri *a)                    \
{                                                                            \
    return do_sub_store(ctx, get_gpr(ctx, sreg(a->rs)), a->imm,             \
                        cst(ctx, a->rt), OP);                                \
}

SUB_STI(SS2_STOREWI0, MO_LEUL)
SUB_STI(SS2_STOREWI1, MO_LEUL)
SUB_STI(SS2_STOREBI0, MO_UB)
SUB_STI(SS2_STOREBI1, MO_UB)

static bool trans_SS2_STOREW_SP(DisasContext *ctx, arg_sri *a)
{
    return do_sub_store(ctx, get_gpr(ctx, 29), a->imm,
                        get_gpr(ctx, sreg(a->rt)), MO_LEUL);
}

static bool trans_SS2_STORED_SP(DisasContext *ctx, arg_sri *a)
{
    gen_store64(ctx, gen_addr(ctx, get_gpr(ctx, 29), (int32_t)a->imm),
                get_gpr_pair(ctx, spair(a->rt)), NULL);
    return true;
}

static bool trans_SS2_ALLOCFRAME(DisasContext *ctx, arg_SS2_ALLOCFRAME *a)
{
    hex_gen_allocframe(ctx, (uint32_t)a->imm);
    return true;
}
