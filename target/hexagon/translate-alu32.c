/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Hexagon ALU32 (hex-alu32.isa): arithmetic and logic, transfers,
 * combine, mux, half-word shifts and extensions, compares to predicates
 * and registers, and their predicated forms.  Every result goes to the
 * packet's destination temporaries (translate.h).
 * Spec: Hexagon V68 PRM, "ALU32".
 */
#include "translate.h"

#include "decode-hexagon-alu32.c.inc"

bool hex_decode_alu32(DisasContext *ctx, uint32_t insn)
{
    return decode_hex_alu32(ctx, insn);
}

typedef void GenRRR(TCGContext *t, TCGv_i32 d, TCGv_i32 a, TCGv_i32 b);

static bool do_rrr(DisasContext *ctx, unsigned rd, TCGv_i32 a, TCGv_i32 b,
                   GenRRR *fn)
{
    fn(ctx->tcg, dest_gpr(ctx, rd), a, b);
    return true;
}

static void gen_andn(TCGContext *t, TCGv_i32 d, TCGv_i32 a, TCGv_i32 b)
{
    tcg_gen_andc_i32(t, d, a, b);
}

static void gen_orn(TCGContext *t, TCGv_i32 d, TCGv_i32 a, TCGv_i32 b)
{
    tcg_gen_orc_i32(t, d, a, b);
}

#define RRR(NAME, FN, A, B)                                                  \
static bool trans_##NAME(DisasContext *ctx, arg_rrr *a)                     \
{                                                                            \
    return do_rrr(ctx, a->rd, get_gpr(ctx, a->A), get_gpr(ctx, a->B), FN);  \
}

RRR(ADD, tcg_gen_add_i32, rs, rt)
RRR(SUB, tcg_gen_sub_i32, rt, rs)
RRR(AND, tcg_gen_and_i32, rs, rt)
RRR(OR, tcg_gen_or_i32, rs, rt)
RRR(XOR, tcg_gen_xor_i32, rs, rt)
RRR(ANDN, gen_andn, rt, rs)
RRR(ORN, gen_orn, rt, rs)

/* Saturating 32-bit add/sub: the 64-bit result saturated, USR.OVF. */
static bool do_addsub_sat(DisasContext *ctx, arg_rrr *a, bool sub)
{
    TCGContext *t = ctx->tcg;
    TCGv_i64 x = tmp64(ctx), y = tmp64(ctx);

    tcg_gen_ext_i32_i64(t, x, get_gpr(ctx, sub ? a->rt : a->rs));
    tcg_gen_ext_i32_i64(t, y, get_gpr(ctx, sub ? a->rs : a->rt));
    if (sub) {
        tcg_gen_sub_i64(t, x, x, y);
    } else {
        tcg_gen_add_i64(t, x, x, y);
    }
    tcg_gen_mov_i32(t, dest_gpr(ctx, a->rd), gen_sat32(ctx, x));
    return true;
}

static bool trans_ADD_SAT(DisasContext *ctx, arg_rrr *a)
{
    return do_addsub_sat(ctx, a, false);
}

static bool trans_SUB_SAT(DisasContext *ctx, arg_rrr *a)
{
    return do_addsub_sat(ctx, a, true);
}

/* combine(Rt.X, Rs.Y): high half from Rt, low half from Rs. */
static bool do_combine_h(DisasContext *ctx, arg_rrr *a, bool th, bool sh)
{
    TCGContext *t = ctx->tcg;
    TCGv_i32 hi = tmp32(ctx), lo = tmp32(ctx);

    tcg_gen_extract_i32(t, hi, get_gpr(ctx, a->rt), th ? 16 : 0, 16);
    tcg_gen_extract_i32(t, lo, get_gpr(ctx, a->rs), sh ? 16 : 0, 16);
    tcg_gen_deposit_i32(t, dest_gpr(ctx, a->rd), lo, hi, 16, 16);
    return true;
}

static bool trans_COMBINE_HH(DisasContext *ctx, arg_rrr *a)
{
    return do_combine_h(ctx, a, true, true);
}

static bool trans_COMBINE_HL(DisasContext *ctx, arg_rrr *a)
{
    return do_combine_h(ctx, a, true, false);
}

static bool trans_COMBINE_LH(DisasContext *ctx, arg_rrr *a)
{
    return do_combine_h(ctx, a, false, true);
}

static bool trans_COMBINE_LL(DisasContext *ctx, arg_rrr *a)
{
    return do_combine_h(ctx, a, false, false);
}

static bool trans_CMP_EQ_R(DisasContext *ctx, arg_rrr *a)
{
    tcg_gen_setcond_i32(ctx->tcg, TCG_COND_EQ, dest_gpr(ctx, a->rd),
                        get_gpr(ctx, a->rs), get_gpr(ctx, a->rt));
    return true;
}

static bool trans_CMP_NE_R(DisasContext *ctx, arg_rrr *a)
{
    tcg_gen_setcond_i32(ctx->tcg, TCG_COND_NE, dest_gpr(ctx, a->rd),
                        get_gpr(ctx, a->rs), get_gpr(ctx, a->rt));
    return true;
}

/* Half-word vector operations (each lane of 16 bits). */
enum { VH_ADD, VH_ADD_SAT, VH_ADDU_SAT, VH_SUB, VH_SUB_SAT, VH_SUBU_SAT,
       VH_AVG, VH_AVG_RND, VH_NAVG };

static bool do_vh(DisasContext *ctx, unsigned rd, unsigned ra, unsigned rb,
                  int op)
{
    TCGContext *t = ctx->tcg;
    TCGv_i32 res = tmp32(ctx), x = tmp32(ctx), y = tmp32(ctx);
    TCGv_i32 ovf = tmp32(ctx), o = tmp32(ctx);
    bool uns = op == VH_ADDU_SAT || op == VH_SUBU_SAT;
    bool sat = op == VH_ADD_SAT || op == VH_SUB_SAT || uns;

    tcg_gen_movi_i32(t, ovf, 0);
    for (int lane = 0; lane < 2; lane++) {
        if (uns) {
            tcg_gen_extract_i32(t, x, get_gpr(ctx, ra), 16 * lane, 16);
            tcg_gen_extract_i32(t, y, get_gpr(ctx, rb), 16 * lane, 16);
        } else {
            tcg_gen_sextract_i32(t, x, get_gpr(ctx, ra), 16 * lane, 16);
            tcg_gen_sextract_i32(t, y, get_gpr(ctx, rb), 16 * lane, 16);
        }
        switch (op) {
        case VH_SUB: case VH_SUB_SAT: case VH_SUBU_SAT: case VH_NAVG:
            tcg_gen_sub_i32(t, x, x, y);
            break;
        default:
            tcg_gen_add_i32(t, x, x, y);
            break;
        }
        if (op == VH_AVG_RND) {
            tcg_gen_addi_i32(t, x, x, 1);
        }
        if (op == VH_AVG || op == VH_AVG_RND || op == VH_NAVG) {
            tcg_gen_sari_i32(t, x, x, 1);
        }
        if (sat) {
            int32_t lo = uns ? 0 : INT16_MIN, hi = uns ? UINT16_MAX
                                                        : INT16_MAX;

            tcg_gen_setcond_i32(t, TCG_COND_LT, o, x,
                                tcg_constant_i32(t, lo));
            tcg_gen_or_i32(t, ovf, ovf, o);
            tcg_gen_movcond_i32(t, TCG_COND_LT, x, x,
                                tcg_constant_i32(t, lo),
                                tcg_constant_i32(t, lo), x);
            tcg_gen_setcond_i32(t, TCG_COND_GT, o, x,
                                tcg_constant_i32(t, hi));
            tcg_gen_or_i32(t, ovf, ovf, o);
            tcg_gen_movcond_i32(t, TCG_COND_GT, x, x,
                                tcg_constant_i32(t, hi),
                                tcg_constant_i32(t, hi), x);
        }
        if (lane == 0) {
            tcg_gen_mov_i32(t, res, x);
        } else {
            tcg_gen_deposit_i32(t, res, res, x, 16, 16);
        }
    }
    if (sat) {
        gen_set_ovf(ctx, ovf);
    }
    tcg_gen_mov_i32(t, dest_gpr(ctx, rd), res);
    return true;
}

#define VH(NAME, OP, A, B)                                                   \
static bool trans_##NAME(DisasContext *ctx, arg_rrr *a)                     \
{                                                                            \
    return do_vh(ctx, a->rd, a->A, a->B, OP);                                \
}

VH(VADDH, VH_ADD, rs, rt)
VH(VADDH_SAT, VH_ADD_SAT, rs, rt)
VH(VADDUH_SAT, VH_ADDU_SAT, rs, rt)
VH(VSUBH, VH_SUB, rt, rs)
VH(VSUBH_SAT, VH_SUB_SAT, rt, rs)
VH(VSUBUH_SAT, VH_SUBU_SAT, rt, rs)
VH(VAVGH, VH_AVG, rs, rt)
VH(VAVGH_RND, VH_AVG_RND, rs, rt)
VH(VNAVGH, VH_NAVG, rt, rs)

/* Rdd = hi:lo from two 32-bit values. */
static void set_pair32(DisasContext *ctx, unsigned rdd, TCGv_i32 hi,
                       TCGv_i32 lo)
{
    tcg_gen_mov_i32(ctx->tcg, dest_gpr(ctx, rdd & 30), lo);
    tcg_gen_mov_i32(ctx->tcg, dest_gpr(ctx, (rdd & 30) + 1), hi);
}

static bool trans_COMBINE_RR(DisasContext *ctx, arg_rrr *a)
{
    set_pair32(ctx, a->rd, get_gpr(ctx, a->rs), get_gpr(ctx, a->rt));
    return true;
}

static bool trans_PACKHL(DisasContext *ctx, arg_rrr *a)
{
    TCGContext *t = ctx->tcg;
    TCGv_i32 hi = tmp32(ctx), lo = tmp32(ctx), x = tmp32(ctx);

    /* hi = Rs.h : Rt.h, lo = Rs.l : Rt.l */
    tcg_gen_shri_i32(t, x, get_gpr(ctx, a->rt), 16);
    tcg_gen_andi_i32(t, hi, get_gpr(ctx, a->rs), 0xffff0000);
    tcg_gen_or_i32(t, hi, hi, x);
    tcg_gen_deposit_i32(t, lo, get_gpr(ctx, a->rt), get_gpr(ctx, a->rs),
                        16, 16);
    set_pair32(ctx, a->rd, hi, lo);
    return true;
}

/* mux(Pu, a, b): a when Pu's bit 0 is set. */
static void gen_mux(DisasContext *ctx, unsigned rd, unsigned pu, TCGv_i32 x,
                    TCGv_i32 y)
{
    TCGContext *t = ctx->tcg;

    tcg_gen_movcond_i32(t, TCG_COND_TSTNE, dest_gpr(ctx, rd),
                        get_pred(ctx, pu), tcg_constant_i32(t, 1), x, y);
}

static bool trans_MUX_RR(DisasContext *ctx, arg_prrr *a)
{
    gen_mux(ctx, a->rd, a->pc, get_gpr(ctx, a->rs), get_gpr(ctx, a->rt));
    return true;
}

static bool do_cmpp(DisasContext *ctx, unsigned pd, TCGCond c, TCGv_i32 x,
                    TCGv_i32 y)
{
    TCGv_i32 b = tmp32(ctx);

    tcg_gen_setcond_i32(ctx->tcg, c, b, x, y);
    set_pred_bool(ctx, pd, b);
    return true;
}

#define CMPP(NAME, COND)                                                     \
static bool trans_##NAME(DisasContext *ctx, arg_rrr *a)                     \
{                                                                            \
    return do_cmpp(ctx, a->rd, COND, get_gpr(ctx, a->rs),                    \
                   get_gpr(ctx, a->rt));                                     \
}

CMPP(CMPP_EQ, TCG_COND_EQ)
CMPP(CMPP_NE, TCG_COND_NE)
CMPP(CMPP_GT, TCG_COND_GT)
CMPP(CMPP_NGT, TCG_COND_LE)
CMPP(CMPP_GTU, TCG_COND_GTU)
CMPP(CMPP_NGTU, TCG_COND_LEU)

/* if (cond) Rd = fn(A, B) */
static bool do_prrr(DisasContext *ctx, arg_prrr *a, TCGv_i32 x, TCGv_i32 y,
                    GenRRR *fn)
{
    TCGv_i32 c = pred_cond(ctx, a->pc);
    TCGv_i32 d;
    TCGLabel *skip;

    if (!c) {
        return true;
    }
    d = dest_gpr(ctx, a->rd);
    skip = gen_skip_unless(ctx, c);
    fn(ctx->tcg, d, x, y);
    gen_set_label(ctx->tcg, skip);
    return true;
}

#define PRRR(NAME, FN, A, B)                                                 \
static bool trans_##NAME(DisasContext *ctx, arg_prrr *a)                    \
{                                                                            \
    return do_prrr(ctx, a, get_gpr(ctx, a->A), get_gpr(ctx, a->B), FN);     \
}

PRRR(PADD, tcg_gen_add_i32, rs, rt)
PRRR(PSUB, tcg_gen_sub_i32, rt, rs)
PRRR(PAND, tcg_gen_and_i32, rs, rt)
PRRR(POR, tcg_gen_or_i32, rs, rt)
PRRR(PXOR, tcg_gen_xor_i32, rs, rt)

static bool trans_PCOMBINE(DisasContext *ctx, arg_prrr *a)
{
    TCGv_i32 c = pred_cond(ctx, a->pc);
    TCGv_i32 lo, hi;
    TCGLabel *skip;

    if (!c) {
        return true;
    }
    lo = dest_gpr(ctx, a->rd & 30);
    hi = dest_gpr(ctx, (a->rd & 30) + 1);
    skip = gen_skip_unless(ctx, c);
    tcg_gen_mov_i32(ctx->tcg, lo, get_gpr(ctx, a->rt));
    tcg_gen_mov_i32(ctx->tcg, hi, get_gpr(ctx, a->rs));
    gen_set_label(ctx->tcg, skip);
    return true;
}

/* Immediate forms */

#define RRI(NAME, FN)                                                        \
static bool trans_##NAME(DisasContext *ctx, arg_rri *a)                     \
{                                                                            \
    return do_rrr(ctx, a->rd, get_gpr(ctx, a->rs),                           \
                  tcg_constant_i32(ctx->tcg, (int32_t)a->imm), FN);         \
}

RRI(ADDI, tcg_gen_add_i32)
RRI(ANDI, tcg_gen_and_i32)
RRI(ORI, tcg_gen_or_i32)

static bool trans_SUBRI(DisasContext *ctx, arg_rri *a)
{
    return do_rrr(ctx, a->rd, tcg_constant_i32(ctx->tcg, (int32_t)a->imm),
                  get_gpr(ctx, a->rs), tcg_gen_sub_i32);
}

static bool trans_TFRSI(DisasContext *ctx, arg_ri *a)
{
    tcg_gen_movi_i32(ctx->tcg, dest_gpr(ctx, a->rd), (int32_t)a->imm);
    return true;
}

static bool do_tfri_half(DisasContext *ctx, arg_ri *a, unsigned pos)
{
    TCGv_i32 d = dest_gpr(ctx, a->rd);

    tcg_gen_deposit_i32(ctx->tcg, d, d,
                        tcg_constant_i32(ctx->tcg, (int32_t)a->imm), pos, 16);
    return true;
}

static bool trans_TFRIH(DisasContext *ctx, arg_ri *a)
{
    return do_tfri_half(ctx, a, 16);
}

static bool trans_TFRIL(DisasContext *ctx, arg_ri *a)
{
    return do_tfri_half(ctx, a, 0);
}

static bool trans_TFR(DisasContext *ctx, arg_rr *a)
{
    tcg_gen_mov_i32(ctx->tcg, dest_gpr(ctx, a->rd), get_gpr(ctx, a->rs));
    return true;
}

static bool trans_NOP(DisasContext *ctx, arg_empty *a)
{
    return true;
}

static bool trans_COMBINE_II(DisasContext *ctx, arg_rri *a)
{
    set_pair32(ctx, a->rd, tcg_constant_i32(ctx->tcg, (int32_t)a->imm),
               tcg_constant_i32(ctx->tcg, (int32_t)a->rs));
    return true;
}

/* Rdd = combine(#s8,#U6): imm (high) and the extendable rs (low) */
static bool trans_COMBINE_IU(DisasContext *ctx, arg_rri *a)
{
    set_pair32(ctx, a->rd, tcg_constant_i32(ctx->tcg, (int32_t)a->imm),
               tcg_constant_i32(ctx->tcg, (int32_t)a->rs));
    return true;
}

static bool trans_COMBINE_IR(DisasContext *ctx, arg_rri *a)
{
    set_pair32(ctx, a->rd, tcg_constant_i32(ctx->tcg, (int32_t)a->imm),
               get_gpr(ctx, a->rs));
    return true;
}

static bool trans_COMBINE_RI(DisasContext *ctx, arg_rri *a)
{
    set_pair32(ctx, a->rd, get_gpr(ctx, a->rs),
               tcg_constant_i32(ctx->tcg, (int32_t)a->imm));
    return true;
}

static bool trans_MUX_RI(DisasContext *ctx, arg_prri *a)
{
    gen_mux(ctx, a->rd, a->pc, get_gpr(ctx, a->rs),
            tcg_constant_i32(ctx->tcg, (int32_t)a->imm));
    return true;
}

static bool trans_MUX_IR(DisasContext *ctx, arg_prri *a)
{
    gen_mux(ctx, a->rd, a->pc, tcg_constant_i32(ctx->tcg, (int32_t)a->imm),
            get_gpr(ctx, a->rs));
    return true;
}

static bool trans_MUX_II(DisasContext *ctx, arg_prri *a)
{
    gen_mux(ctx, a->rd, a->pc, tcg_constant_i32(ctx->tcg, (int32_t)a->imm),
            tcg_constant_i32(ctx->tcg, (int32_t)a->rs));
    return true;
}

/* Half-word shifts and extensions */
enum { EXT_ASLH, EXT_ASRH, EXT_SXTB, EXT_SXTH, EXT_ZXTB, EXT_ZXTH };

static void gen_ext(TCGContext *t, TCGv_i32 d, TCGv_i32 s, int op)
{
    switch (op) {
    case EXT_ASLH:
        tcg_gen_shli_i32(t, d, s, 16);
        break;
    case EXT_ASRH:
        tcg_gen_sari_i32(t, d, s, 16);
        break;
    case EXT_SXTB:
        tcg_gen_ext8s_i32(t, d, s);
        break;
    case EXT_SXTH:
        tcg_gen_ext16s_i32(t, d, s);
        break;
    case EXT_ZXTB:
        tcg_gen_ext8u_i32(t, d, s);
        break;
    default:
        tcg_gen_ext16u_i32(t, d, s);
        break;
    }
}

static bool do_ext(DisasContext *ctx, arg_rr *a, int op)
{
    gen_ext(ctx->tcg, dest_gpr(ctx, a->rd), get_gpr(ctx, a->rs), op);
    return true;
}

static bool do_pext(DisasContext *ctx, arg_prr *a, int op)
{
    TCGv_i32 c = pred_cond(ctx, a->pc);
    TCGv_i32 d;
    TCGLabel *skip;

    if (!c) {
        return true;
    }
    d = dest_gpr(ctx, a->rd);
    skip = gen_skip_unless(ctx, c);
    gen_ext(ctx->tcg, d, get_gpr(ctx, a->rs), op);
    gen_set_label(ctx->tcg, skip);
    return true;
}

#define EXT(NAME, OP)                                                        \
static bool trans_##NAME(DisasContext *ctx, arg_rr *a)                      \
{                                                                            \
    return do_ext(ctx, a, OP);                                               \
}                                                                            \
static bool trans_P##NAME(DisasContext *ctx, arg_prr *a)                    \
{                                                                            \
    return do_pext(ctx, a, OP);                                              \
}

EXT(ASLH, EXT_ASLH)
EXT(ASRH, EXT_ASRH)
EXT(SXTB, EXT_SXTB)
EXT(SXTH, EXT_SXTH)
EXT(ZXTH, EXT_ZXTH)

static bool trans_PZXTB(DisasContext *ctx, arg_prr *a)
{
    return do_pext(ctx, a, EXT_ZXTB);
}

/* Compares with immediates */
#define CMPI(NAME, COND)                                                     \
static bool trans_##NAME(DisasContext *ctx, arg_rri *a)                     \
{                                                                            \
    return do_cmpp(ctx, a->rd, COND, get_gpr(ctx, a->rs),                    \
                   tcg_constant_i32(ctx->tcg, (int32_t)a->imm));             \
}

CMPI(CMPI_EQ, TCG_COND_EQ)
CMPI(CMPI_NE, TCG_COND_NE)
CMPI(CMPI_GT, TCG_COND_GT)
CMPI(CMPI_NGT, TCG_COND_LE)
CMPI(CMPI_GTU, TCG_COND_GTU)
CMPI(CMPI_NGTU, TCG_COND_LEU)

static bool trans_CMPR_EQI(DisasContext *ctx, arg_rri *a)
{
    tcg_gen_setcond_i32(ctx->tcg, TCG_COND_EQ, dest_gpr(ctx, a->rd),
                        get_gpr(ctx, a->rs),
                        tcg_constant_i32(ctx->tcg, (int32_t)a->imm));
    return true;
}

static bool trans_CMPR_NEI(DisasContext *ctx, arg_rri *a)
{
    tcg_gen_setcond_i32(ctx->tcg, TCG_COND_NE, dest_gpr(ctx, a->rd),
                        get_gpr(ctx, a->rs),
                        tcg_constant_i32(ctx->tcg, (int32_t)a->imm));
    return true;
}

static bool trans_PADDI(DisasContext *ctx, arg_prri *a)
{
    TCGv_i32 c = pred_cond(ctx, a->pc);
    TCGv_i32 d;
    TCGLabel *skip;

    if (!c) {
        return true;
    }
    d = dest_gpr(ctx, a->rd);
    skip = gen_skip_unless(ctx, c);
    tcg_gen_addi_i32(ctx->tcg, d, get_gpr(ctx, a->rs), (int32_t)a->imm);
    gen_set_label(ctx->tcg, skip);
    return true;
}

static bool trans_PTFRI(DisasContext *ctx, arg_pri *a)
{
    TCGv_i32 c = pred_cond(ctx, a->pc);
    TCGv_i32 d;

    if (!c) {
        return true;
    }
    d = dest_gpr(ctx, a->rd);
    tcg_gen_movcond_i32(ctx->tcg, TCG_COND_NE, d, c,
                        tcg_constant_i32(ctx->tcg, 0),
                        tcg_constant_i32(ctx->tcg, (int32_t)a->imm), d);
    return true;
}
