/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Hexagon XTYPE and FP, the subset in hex-xtype.isa: shifts by immediate
 * and by register (with their accumulating and logical forms),
 * multiplies and multiply-accumulates, 64-bit arithmetic, logic and
 * compares, min/max/abs/neg, bit counts, extract/insert, bit set/clear/
 * toggle/test and mask tests, predicate transfers, addasl, logical
 * accumulates, and a few single/double float operations (evaluated by
 * xtype2-fp.c, like the second table's).
 * Spec: Hexagon V68 PRM, "XTYPE" (register shift amounts are signed
 * 7-bit: a negative amount shifts the other way) and "FP".
 */
#include "translate.h"
#include "xtype2.h"

#include "decode-hexagon-xtype.c.inc"

bool hex_decode_xtype(DisasContext *ctx, uint32_t insn)
{
    return decode_hex_xtype(ctx, insn);
}

/* How a shift result @r combines with the old Rx (the accumulating and
   logical forms: Rx += / -= / &= / |= / ^= shift). */
enum { ACC_NONE, ACC_ADD, ACC_SUB, ACC_AND, ACC_OR, ACC_XOR };

static void gen_acc32(TCGContext *t, int op, TCGv_i32 d, TCGv_i32 x,
                      TCGv_i32 r)
{
    switch (op) {
    case ACC_ADD:
        tcg_gen_add_i32(t, d, x, r);
        break;
    case ACC_SUB:
        tcg_gen_sub_i32(t, d, x, r);
        break;
    case ACC_AND:
        tcg_gen_and_i32(t, d, x, r);
        break;
    case ACC_OR:
        tcg_gen_or_i32(t, d, x, r);
        break;
    case ACC_XOR:
        tcg_gen_xor_i32(t, d, x, r);
        break;
    default:
        tcg_gen_mov_i32(t, d, r);
        break;
    }
}

static void gen_acc64(TCGContext *t, int op, TCGv_i64 d, TCGv_i64 x,
                      TCGv_i64 r)
{
    switch (op) {
    case ACC_ADD:
        tcg_gen_add_i64(t, d, x, r);
        break;
    case ACC_SUB:
        tcg_gen_sub_i64(t, d, x, r);
        break;
    case ACC_AND:
        tcg_gen_and_i64(t, d, x, r);
        break;
    case ACC_OR:
        tcg_gen_or_i64(t, d, x, r);
        break;
    case ACC_XOR:
        tcg_gen_xor_i64(t, d, x, r);
        break;
    default:
        tcg_gen_mov_i64(t, d, r);
        break;
    }
}

/* Shifts by immediate: @kind 0 asr, 1 lsr, 2 asl, 3 rol; @acc ACC_* */

static bool do_shift_ri(DisasContext *ctx, arg_xri *a, int kind, int acc)
{
    TCGContext *t = ctx->tcg;
    TCGv_i32 s = get_gpr(ctx, a->rs), r = tmp32(ctx);
    TCGv_i32 d = dest_gpr(ctx, a->rd);

    switch (kind) {
    case 0:
        tcg_gen_sari_i32(t, r, s, a->imm);
        break;
    case 1:
        tcg_gen_shri_i32(t, r, s, a->imm);
        break;
    case 2:
        tcg_gen_shli_i32(t, r, s, a->imm);
        break;
    default:
        tcg_gen_rotli_i32(t, r, s, a->imm);
        break;
    }
    gen_acc32(t, acc, d, get_gpr(ctx, a->rd), r);
    return true;
}

static bool trans_ASR_RI(DisasContext *ctx, arg_xri *a)
{
    return do_shift_ri(ctx, a, 0, ACC_NONE);
}

static bool trans_LSR_RI(DisasContext *ctx, arg_xri *a)
{
    return do_shift_ri(ctx, a, 1, ACC_NONE);
}

static bool trans_ASL_RI(DisasContext *ctx, arg_xri *a)
{
    return do_shift_ri(ctx, a, 2, ACC_NONE);
}

static bool trans_ROL_RI(DisasContext *ctx, arg_xri *a)
{
    return do_shift_ri(ctx, a, 3, ACC_NONE);
}

static bool trans_ASL_RI_ACC(DisasContext *ctx, arg_xri *a)
{
    return do_shift_ri(ctx, a, 2, ACC_ADD);
}

static bool do_shift_pi_acc(DisasContext *ctx, arg_xri *a, int kind,
                            int acc)
{
    TCGContext *t = ctx->tcg;
    TCGv_i64 v = get_gpr_pair(ctx, a->rs), r = tmp64(ctx);

    if (kind == 0) {
        tcg_gen_sari_i64(t, r, v, a->imm);
    } else if (kind == 1) {
        tcg_gen_shri_i64(t, r, v, a->imm);
    } else if (kind == 2) {
        tcg_gen_shli_i64(t, r, v, a->imm);
    } else {
        tcg_gen_rotli_i64(t, r, v, a->imm);
    }
    gen_acc64(t, acc, r, get_gpr_pair(ctx, a->rd), r);
    set_gpr_pair(ctx, a->rd, r);
    return true;
}

static bool do_shift_pi(DisasContext *ctx, arg_xri *a, int kind)
{
    return do_shift_pi_acc(ctx, a, kind, ACC_NONE);
}

static bool trans_ASR_PI(DisasContext *ctx, arg_xri *a)
{
    return do_shift_pi(ctx, a, 0);
}

static bool trans_LSR_PI(DisasContext *ctx, arg_xri *a)
{
    return do_shift_pi(ctx, a, 1);
}

static bool trans_ASL_PI(DisasContext *ctx, arg_xri *a)
{
    return do_shift_pi(ctx, a, 2);
}

/* Shifts by register: @kind 0 asr, 1 lsr, 2 asl, 3 lsl. */
static uint32_t helper_shift_rr(void *env, uint32_t kind, uint32_t rs,
                                uint32_t rt)
{
    int amt = (int8_t)(rt << 1) >> 1;     /* signed Rt[6:0] */
    bool right = kind < 2;
    int64_t v = (kind == 0 || kind == 2) ? (int64_t)(int32_t)rs
                                         : (int64_t)rs;

    if (amt < 0) {
        right = !right;
        amt = -amt;
    }
    if (right) {
        if (amt > 63) {
            amt = 63;
        }
        return (uint32_t)(v >> amt);
    }
    return amt > 31 ? 0 : (uint32_t)((uint64_t)v << amt);
}

static const TCGHelperInfo helper_shift_rr_info = {
    .func = (const void *)helper_shift_rr, .name = "shift_rr",
    .flags = TCG_CALL_PURE, .nb_args = 4, .ret = TCG_CALL_I32,
    .args = { TCG_CALL_PTR, TCG_CALL_I32, TCG_CALL_I32, TCG_CALL_I32 },
};

static bool do_shift_rr(DisasContext *ctx, arg_rrr *a, int kind)
{
    gen_helper(ctx, &helper_shift_rr_info,
               tcgv_i32_arg(dest_gpr(ctx, a->rd)), 3,
               tcgv_i32_arg(tcg_constant_i32(ctx->tcg, kind)),
               tcgv_i32_arg(get_gpr(ctx, a->rs)),
               tcgv_i32_arg(get_gpr(ctx, a->rt)));
    return true;
}

static bool trans_ASR_RR(DisasContext *ctx, arg_rrr *a)
{
    return do_shift_rr(ctx, a, 0);
}

static bool trans_LSR_RR(DisasContext *ctx, arg_rrr *a)
{
    return do_shift_rr(ctx, a, 1);
}

static bool trans_ASL_RR(DisasContext *ctx, arg_rrr *a)
{
    return do_shift_rr(ctx, a, 2);
}

static bool trans_LSL_RR(DisasContext *ctx, arg_rrr *a)
{
    return do_shift_rr(ctx, a, 3);
}

/* Multiplies */

static bool trans_MPYI(DisasContext *ctx, arg_rrr *a)
{
    tcg_gen_mul_i32(ctx->tcg, dest_gpr(ctx, a->rd), get_gpr(ctx, a->rs),
                    get_gpr(ctx, a->rt));
    return true;
}

static bool trans_MPYI_ACC(DisasContext *ctx, arg_rrr *a)
{
    TCGv_i32 p = tmp32(ctx);

    tcg_gen_mul_i32(ctx->tcg, p, get_gpr(ctx, a->rs), get_gpr(ctx, a->rt));
    tcg_gen_add_i32(ctx->tcg, dest_gpr(ctx, a->rd), get_gpr(ctx, a->rd), p);
    return true;
}

/* Rd = +/-mpyi(Rs, #u8); with @acc, Rx +/-= mpyi(Rs, #u8). */
static bool do_mpyi_imm(DisasContext *ctx, arg_xri *a, bool neg, bool acc)
{
    TCGContext *t = ctx->tcg;
    TCGv_i32 p = tmp32(ctx);

    tcg_gen_muli_i32(t, p, get_gpr(ctx, a->rs), (int32_t)a->imm);
    if (acc) {
        if (neg) {
            tcg_gen_sub_i32(t, dest_gpr(ctx, a->rd), get_gpr(ctx, a->rd), p);
        } else {
            tcg_gen_add_i32(t, dest_gpr(ctx, a->rd), get_gpr(ctx, a->rd), p);
        }
    } else if (neg) {
        tcg_gen_neg_i32(t, dest_gpr(ctx, a->rd), p);
    } else {
        tcg_gen_mov_i32(t, dest_gpr(ctx, a->rd), p);
    }
    return true;
}

static bool trans_MPYI_IP(DisasContext *ctx, arg_xri *a)
{
    return do_mpyi_imm(ctx, a, false, false);
}

static bool trans_MPYI_IN(DisasContext *ctx, arg_xri *a)
{
    return do_mpyi_imm(ctx, a, true, false);
}

static bool trans_MPYI_ACC_IP(DisasContext *ctx, arg_xri *a)
{
    return do_mpyi_imm(ctx, a, false, true);
}

static bool trans_MPYI_ACC_IN(DisasContext *ctx, arg_xri *a)
{
    return do_mpyi_imm(ctx, a, true, true);
}

static bool do_mpy_hi(DisasContext *ctx, arg_rrr *a, bool sign)
{
    TCGv_i32 lo = tmp32(ctx);

    if (sign) {
        tcg_gen_muls2_i32(ctx->tcg, lo, dest_gpr(ctx, a->rd),
                          get_gpr(ctx, a->rs), get_gpr(ctx, a->rt));
    } else {
        tcg_gen_mulu2_i32(ctx->tcg, lo, dest_gpr(ctx, a->rd),
                          get_gpr(ctx, a->rs), get_gpr(ctx, a->rt));
    }
    return true;
}

static bool trans_MPY(DisasContext *ctx, arg_rrr *a)
{
    return do_mpy_hi(ctx, a, true);
}

static bool trans_MPYU(DisasContext *ctx, arg_rrr *a)
{
    return do_mpy_hi(ctx, a, false);
}

static bool do_mpy64(DisasContext *ctx, arg_rrr *a, bool sign, int acc)
{
    TCGContext *t = ctx->tcg;
    TCGv_i64 x = tmp64(ctx), y = tmp64(ctx);

    if (sign) {
        tcg_gen_ext_i32_i64(t, x, get_gpr(ctx, a->rs));
        tcg_gen_ext_i32_i64(t, y, get_gpr(ctx, a->rt));
    } else {
        tcg_gen_extu_i32_i64(t, x, get_gpr(ctx, a->rs));
        tcg_gen_extu_i32_i64(t, y, get_gpr(ctx, a->rt));
    }
    tcg_gen_mul_i64(t, x, x, y);
    gen_acc64(t, acc, x, get_gpr_pair(ctx, a->rd), x);
    set_gpr_pair(ctx, a->rd, x);
    return true;
}

static bool trans_MPY64(DisasContext *ctx, arg_rrr *a)
{
    return do_mpy64(ctx, a, true, ACC_NONE);
}

static bool trans_MPYU64(DisasContext *ctx, arg_rrr *a)
{
    return do_mpy64(ctx, a, false, ACC_NONE);
}

static bool trans_MPY64_ACC(DisasContext *ctx, arg_rrr *a)
{
    return do_mpy64(ctx, a, true, ACC_ADD);
}

/* 64-bit arithmetic and logic */

typedef void GenPP(TCGContext *t, TCGv_i64 d, TCGv_i64 a, TCGv_i64 b);

static bool do_pp(DisasContext *ctx, arg_rrr *a, GenPP *fn, bool swap)
{
    TCGv_i64 x = get_gpr_pair(ctx, a->rs), y = get_gpr_pair(ctx, a->rt);
    TCGv_i64 r = tmp64(ctx);

    fn(ctx->tcg, r, swap ? y : x, swap ? x : y);
    set_gpr_pair(ctx, a->rd, r);
    return true;
}

static bool trans_ADD_PP(DisasContext *ctx, arg_rrr *a)
{
    return do_pp(ctx, a, tcg_gen_add_i64, false);
}

static bool trans_SUB_PP(DisasContext *ctx, arg_rrr *a)
{
    return do_pp(ctx, a, tcg_gen_sub_i64, true);
}

static bool trans_AND_PP(DisasContext *ctx, arg_rrr *a)
{
    return do_pp(ctx, a, tcg_gen_and_i64, false);
}

static bool trans_OR_PP(DisasContext *ctx, arg_rrr *a)
{
    return do_pp(ctx, a, tcg_gen_or_i64, false);
}

static bool trans_XOR_PP(DisasContext *ctx, arg_rrr *a)
{
    return do_pp(ctx, a, tcg_gen_xor_i64, false);
}

/* Min, max, abs */

static bool do_minmax(DisasContext *ctx, arg_rrr *a, TCGCond c)
{
    TCGv_i32 x = get_gpr(ctx, a->rs), y = get_gpr(ctx, a->rt);

    tcg_gen_movcond_i32(ctx->tcg, c, dest_gpr(ctx, a->rd), x, y, x, y);
    return true;
}

static bool trans_MAX(DisasContext *ctx, arg_rrr *a)
{
    return do_minmax(ctx, a, TCG_COND_GT);
}

static bool trans_MIN(DisasContext *ctx, arg_rrr *a)
{
    return do_minmax(ctx, a, TCG_COND_LT);
}

static bool trans_MAXU(DisasContext *ctx, arg_rrr *a)
{
    return do_minmax(ctx, a, TCG_COND_GTU);
}

static bool trans_MINU(DisasContext *ctx, arg_rrr *a)
{
    return do_minmax(ctx, a, TCG_COND_LTU);
}

static bool trans_ABS(DisasContext *ctx, arg_rr *a)
{
    TCGContext *t = ctx->tcg;
    TCGv_i32 s = get_gpr(ctx, a->rs), n = tmp32(ctx);

    tcg_gen_neg_i32(t, n, s);
    tcg_gen_movcond_i32(t, TCG_COND_LT, dest_gpr(ctx, a->rd), s,
                        tcg_constant_i32(t, 0), n, s);
    return true;
}

/* Bit counts */
enum { BC_CLB, BC_CL0, BC_CL1, BC_CT0, BC_CT1 };

static bool do_bitcount(DisasContext *ctx, arg_rr *a, int op)
{
    TCGContext *t = ctx->tcg;
    TCGv_i32 s = get_gpr(ctx, a->rs), x = tmp32(ctx), y = tmp32(ctx);
    TCGv_i32 d = dest_gpr(ctx, a->rd);
    TCGv_i32 k32 = tcg_constant_i32(t, 32);

    switch (op) {
    case BC_CL0:
        tcg_gen_clz_i32(t, d, s, k32);
        break;
    case BC_CL1:
        tcg_gen_not_i32(t, x, s);
        tcg_gen_clz_i32(t, d, x, k32);
        break;
    case BC_CT0:
        tcg_gen_ctz_i32(t, d, s, k32);
        break;
    case BC_CT1:
        tcg_gen_not_i32(t, x, s);
        tcg_gen_ctz_i32(t, d, x, k32);
        break;
    default:
        tcg_gen_clz_i32(t, x, s, k32);
        tcg_gen_not_i32(t, y, s);
        tcg_gen_clz_i32(t, y, y, k32);
        tcg_gen_movcond_i32(t, TCG_COND_GTU, d, x, y, x, y);
        break;
    }
    return true;
}

static bool trans_CLB(DisasContext *ctx, arg_rr *a)
{
    return do_bitcount(ctx, a, BC_CLB);
}

static bool trans_CL0(DisasContext *ctx, arg_rr *a)
{
    return do_bitcount(ctx, a, BC_CL0);
}

static bool trans_CL1(DisasContext *ctx, arg_rr *a)
{
    return do_bitcount(ctx, a, BC_CL1);
}

static bool trans_CT0(DisasContext *ctx, arg_rr *a)
{
    return do_bitcount(ctx, a, BC_CT0);
}

static bool trans_CT1(DisasContext *ctx, arg_rr *a)
{
    return do_bitcount(ctx, a, BC_CT1);
}

static bool trans_POPCOUNT(DisasContext *ctx, arg_rr *a)
{
    TCGv_i64 v = get_gpr_pair(ctx, a->rs), r = tmp64(ctx);

    tcg_gen_ctpop_i64(ctx->tcg, r, v);
    tcg_gen_extrl_i64_i32(ctx->tcg, dest_gpr(ctx, a->rd), r);
    return true;
}

/* extractu(Rs,#width,#offset) and insert(Rs,#width,#offset) */
static bool trans_EXTRACTU(DisasContext *ctx, arg_xrri *a)
{
    unsigned w = a->imm, off = a->imm2;
    TCGv_i32 d = dest_gpr(ctx, a->rd);

    if (w == 0) {
        tcg_gen_movi_i32(ctx->tcg, d, 0);
    } else {
        tcg_gen_extract_i32(ctx->tcg, d, get_gpr(ctx, a->rs), off,
                            MIN(w, 32 - off));
    }
    return true;
}

static bool trans_INSERT(DisasContext *ctx, arg_xrri *a)
{
    unsigned w = a->imm, off = a->imm2;
    TCGv_i32 d = dest_gpr(ctx, a->rd);

    if (w) {
        tcg_gen_deposit_i32(ctx->tcg, d, get_gpr(ctx, a->rd),
                            get_gpr(ctx, a->rs), off, MIN(w, 32 - off));
    }
    return true;
}

static bool trans_SETBIT_I(DisasContext *ctx, arg_xri *a)
{
    tcg_gen_ori_i32(ctx->tcg, dest_gpr(ctx, a->rd), get_gpr(ctx, a->rs),
                    1u << a->imm);
    return true;
}

static bool trans_CLRBIT_I(DisasContext *ctx, arg_xri *a)
{
    tcg_gen_andi_i32(ctx->tcg, dest_gpr(ctx, a->rd), get_gpr(ctx, a->rs),
                     ~(1u << a->imm));
    return true;
}

static bool trans_TOGGLEBIT_I(DisasContext *ctx, arg_xri *a)
{
    tcg_gen_xori_i32(ctx->tcg, dest_gpr(ctx, a->rd), get_gpr(ctx, a->rs),
                     1u << a->imm);
    return true;
}

static bool do_tstbit(DisasContext *ctx, arg_xri *a, bool neg)
{
    TCGv_i32 b = tmp32(ctx);

    tcg_gen_extract_i32(ctx->tcg, b, get_gpr(ctx, a->rs), a->imm, 1);
    if (neg) {
        tcg_gen_xori_i32(ctx->tcg, b, b, 1);
    }
    set_pred_bool(ctx, a->rd, b);
    return true;
}

static bool trans_TSTBIT_I(DisasContext *ctx, arg_xri *a)
{
    return do_tstbit(ctx, a, false);
}

static bool trans_NTSTBIT_I(DisasContext *ctx, arg_xri *a)
{
    return do_tstbit(ctx, a, true);
}

/*
 * Floating point.  Evaluated by hex_xt2_fp() (xtype2-fp.c), the code of
 * the second table's FP patterns: util/softfloat under the packet's
 * USR.FPRND, NaN results as Hexagon's default NaN (all ones).  A second
 * pure call returns the IEEE exception bits, ORed into USR's sticky bits
 * at the end of the packet (gen_set_ovf).
 */
static uint64_t helper_xfp(void *env, uint32_t op, uint32_t usr, uint64_t s,
                           uint64_t t, uint64_t x)
{
    uint32_t flags = 0;

    return hex_xt2_fp(op, usr, s, t, x, &flags);
}

static uint32_t helper_xfp_flags(void *env, uint32_t op, uint32_t usr,
                                 uint64_t s, uint64_t t, uint64_t x)
{
    uint32_t flags = 0;

    hex_xt2_fp(op, usr, s, t, x, &flags);
    return flags;
}

HEX_OP6_HELPER_INFO(helper_xfp_info, helper_xfp, "xfp", TCG_CALL_I64);

HEX_OP6_HELPER_INFO(helper_xfp_flags_info, helper_xfp_flags, "xfp_flags",
                    TCG_CALL_I32);

/* Rd (or Rdd when @pair) = op(@s, @t); the sources zero-extended. */
static bool do_fp(DisasContext *ctx, unsigned rd, uint32_t op, TCGv_i64 s,
                  TCGv_i64 t, bool pair)
{
    TCGContext *tc = ctx->tcg;
    TCGv_i64 r = tmp64(ctx);
    TCGv_i32 flags = tmp32(ctx);
    TCGArg args[5] = {
        tcgv_i32_arg(tcg_constant_i32(tc, op)),
        tcgv_i32_arg(get_cr(ctx, HEX_CR_USR)),
        tcgv_i64_arg(s), tcgv_i64_arg(t),
        tcgv_i64_arg(tcg_constant_i64(tc, 0)),
    };

    gen_helper(ctx, &helper_xfp_info, tcgv_i64_arg(r), 5, args[0], args[1],
               args[2], args[3], args[4]);
    gen_helper(ctx, &helper_xfp_flags_info, tcgv_i32_arg(flags), 5,
               args[0], args[1], args[2], args[3], args[4]);
    gen_set_ovf(ctx, flags);
    if (pair) {
        set_gpr_pair(ctx, rd, r);
    } else {
        tcg_gen_extrl_i64_i32(tc, dest_gpr(ctx, rd), r);
    }
    return true;
}

/* Register @r zero-extended to 64 bits. */
static TCGv_i64 fp_reg(DisasContext *ctx, unsigned r)
{
    TCGv_i64 v = tmp64(ctx);

    tcg_gen_extu_i32_i64(ctx->tcg, v, get_gpr(ctx, r));
    return v;
}

static bool do_fp_rrr(DisasContext *ctx, arg_rrr *a, uint32_t op)
{
    return do_fp(ctx, a->rd, op, fp_reg(ctx, a->rs), fp_reg(ctx, a->rt),
                 false);
}

static bool do_fp_rr(DisasContext *ctx, arg_rr *a, uint32_t op, bool pair)
{
    return do_fp(ctx, a->rd, op, fp_reg(ctx, a->rs),
                 tcg_constant_i64(ctx->tcg, 0), pair);
}

static bool trans_SFADD(DisasContext *ctx, arg_rrr *a)
{
    return do_fp_rrr(ctx, a, X2_SFADD);
}

static bool trans_SFSUB(DisasContext *ctx, arg_rrr *a)
{
    return do_fp_rrr(ctx, a, X2_SFSUB);
}

static bool trans_SFMPY(DisasContext *ctx, arg_rrr *a)
{
    return do_fp_rrr(ctx, a, X2_SFMPY);
}

static bool trans_CONV_W2SF(DisasContext *ctx, arg_rr *a)
{
    return do_fp_rr(ctx, a, X2_CONV_W2SF, false);
}

static bool trans_CONV_SF2W(DisasContext *ctx, arg_rr *a)
{
    return do_fp_rr(ctx, a, X2_CONV_SF2W, false);
}

static bool trans_CONV_SF2DF(DisasContext *ctx, arg_rr *a)
{
    return do_fp_rr(ctx, a, X2_CONV_SF2DF, true);
}

static bool trans_DFADD(DisasContext *ctx, arg_rrr *a)
{
    return do_fp(ctx, a->rd, X2_DFADD, get_gpr_pair(ctx, a->rs),
                 get_gpr_pair(ctx, a->rt), true);
}

/* ------------------------------------------------------------------ */
/* Accumulating and logical shifts (PRM "Shift and accumulate")         */

#define SHIFT_RI_ACC(NAME, KIND, ACC)                                        \
static bool trans_##NAME(DisasContext *ctx, arg_xri *a)                     \
{                                                                            \
    return do_shift_ri(ctx, a, KIND, ACC);                                   \
}
#define SHIFT_PI_ACC(NAME, KIND, ACC)                                        \
static bool trans_##NAME(DisasContext *ctx, arg_xri *a)                     \
{                                                                            \
    return do_shift_pi_acc(ctx, a, KIND, ACC);                               \
}

SHIFT_RI_ACC(ASR_RI_SUB, 0, ACC_SUB)
SHIFT_RI_ACC(LSR_RI_SUB, 1, ACC_SUB)
SHIFT_RI_ACC(ASL_RI_SUB, 2, ACC_SUB)
SHIFT_RI_ACC(ROL_RI_SUB, 3, ACC_SUB)
SHIFT_RI_ACC(ASR_RI_ACC, 0, ACC_ADD)
SHIFT_RI_ACC(LSR_RI_ACC, 1, ACC_ADD)
SHIFT_RI_ACC(ROL_RI_ACC, 3, ACC_ADD)
SHIFT_RI_ACC(ASR_RI_AND, 0, ACC_AND)
SHIFT_RI_ACC(LSR_RI_AND, 1, ACC_AND)
SHIFT_RI_ACC(ASL_RI_AND, 2, ACC_AND)
SHIFT_RI_ACC(ROL_RI_AND, 3, ACC_AND)
SHIFT_RI_ACC(ASR_RI_OR, 0, ACC_OR)
SHIFT_RI_ACC(LSR_RI_OR, 1, ACC_OR)
SHIFT_RI_ACC(ASL_RI_OR, 2, ACC_OR)
SHIFT_RI_ACC(ROL_RI_OR, 3, ACC_OR)
SHIFT_RI_ACC(LSR_RI_XOR, 1, ACC_XOR)
SHIFT_RI_ACC(ASL_RI_XOR, 2, ACC_XOR)
SHIFT_RI_ACC(ROL_RI_XOR, 3, ACC_XOR)
SHIFT_PI_ACC(ASR_PI_SUB, 0, ACC_SUB)
SHIFT_PI_ACC(LSR_PI_SUB, 1, ACC_SUB)
SHIFT_PI_ACC(ASL_PI_SUB, 2, ACC_SUB)
SHIFT_PI_ACC(ROL_PI_SUB, 3, ACC_SUB)
SHIFT_PI_ACC(ASR_PI_ACC, 0, ACC_ADD)
SHIFT_PI_ACC(LSR_PI_ACC, 1, ACC_ADD)
SHIFT_PI_ACC(ASL_PI_ACC, 2, ACC_ADD)
SHIFT_PI_ACC(ROL_PI_ACC, 3, ACC_ADD)
SHIFT_PI_ACC(ASR_PI_AND, 0, ACC_AND)
SHIFT_PI_ACC(LSR_PI_AND, 1, ACC_AND)
SHIFT_PI_ACC(ASL_PI_AND, 2, ACC_AND)
SHIFT_PI_ACC(ROL_PI_AND, 3, ACC_AND)
SHIFT_PI_ACC(ASR_PI_OR, 0, ACC_OR)
SHIFT_PI_ACC(LSR_PI_OR, 1, ACC_OR)
SHIFT_PI_ACC(ASL_PI_OR, 2, ACC_OR)
SHIFT_PI_ACC(ROL_PI_OR, 3, ACC_OR)
SHIFT_PI_ACC(LSR_PI_XOR, 1, ACC_XOR)
SHIFT_PI_ACC(ASL_PI_XOR, 2, ACC_XOR)
SHIFT_PI_ACC(ROL_PI_XOR, 3, ACC_XOR)

/* Rx op= shift(Rs,Rt): the shift of helper_shift_rr, then @acc. */
static bool do_shift_rr_acc(DisasContext *ctx, arg_rrr *a, int kind, int acc)
{
    TCGv_i32 r = tmp32(ctx);

    gen_helper(ctx, &helper_shift_rr_info, tcgv_i32_arg(r), 3,
               tcgv_i32_arg(tcg_constant_i32(ctx->tcg, kind)),
               tcgv_i32_arg(get_gpr(ctx, a->rs)),
               tcgv_i32_arg(get_gpr(ctx, a->rt)));
    gen_acc32(ctx->tcg, acc, dest_gpr(ctx, a->rd), get_gpr(ctx, a->rd), r);
    return true;
}

/* 64-bit shift by a signed 7-bit register amount: @kind as above. */
static uint64_t helper_shift_pr(void *env, uint32_t kind, uint64_t rss,
                                uint32_t rt)
{
    int amt = (int8_t)(rt << 1) >> 1;     /* signed Rt[6:0] */
    bool right = kind < 2;
    bool arith = kind == 0 || kind == 2;

    if (amt < 0) {
        right = !right;
        amt = -amt;
    }
    if (right) {
        if (arith) {
            return (uint64_t)((int64_t)rss >> MIN(amt, 63));
        }
        return amt > 63 ? 0 : rss >> amt;
    }
    return amt > 63 ? 0 : rss << amt;
}

static const TCGHelperInfo helper_shift_pr_info = {
    .func = (const void *)helper_shift_pr, .name = "shift_pr",
    .flags = TCG_CALL_PURE, .nb_args = 4, .ret = TCG_CALL_I64,
    .args = { TCG_CALL_PTR, TCG_CALL_I32, TCG_CALL_I64, TCG_CALL_I32 },
};

static bool do_shift_pr(DisasContext *ctx, arg_rrr *a, int kind, int acc)
{
    TCGv_i64 r = tmp64(ctx);

    gen_helper(ctx, &helper_shift_pr_info, tcgv_i64_arg(r), 3,
               tcgv_i32_arg(tcg_constant_i32(ctx->tcg, kind)),
               tcgv_i64_arg(get_gpr_pair(ctx, a->rs)),
               tcgv_i32_arg(get_gpr(ctx, a->rt)));
    gen_acc64(ctx->tcg, acc, r, get_gpr_pair(ctx, a->rd), r);
    set_gpr_pair(ctx, a->rd, r);
    return true;
}

#define SHIFT_RR_ACC(NAME, KIND, ACC)                                        \
static bool trans_##NAME(DisasContext *ctx, arg_rrr *a)                     \
{                                                                            \
    return do_shift_rr_acc(ctx, a, KIND, ACC);                               \
}
#define SHIFT_PR(NAME, KIND, ACC)                                            \
static bool trans_##NAME(DisasContext *ctx, arg_rrr *a)                     \
{                                                                            \
    return do_shift_pr(ctx, a, KIND, ACC);                                   \
}

SHIFT_RR_ACC(ASR_RR_OR, 0, ACC_OR)
SHIFT_RR_ACC(LSR_RR_OR, 1, ACC_OR)
SHIFT_RR_ACC(ASL_RR_OR, 2, ACC_OR)
SHIFT_RR_ACC(LSL_RR_OR, 3, ACC_OR)
SHIFT_RR_ACC(ASR_RR_AND, 0, ACC_AND)
SHIFT_RR_ACC(LSR_RR_AND, 1, ACC_AND)
SHIFT_RR_ACC(ASL_RR_AND, 2, ACC_AND)
SHIFT_RR_ACC(LSL_RR_AND, 3, ACC_AND)
SHIFT_RR_ACC(ASR_RR_SUB, 0, ACC_SUB)
SHIFT_RR_ACC(LSR_RR_SUB, 1, ACC_SUB)
SHIFT_RR_ACC(ASL_RR_SUB, 2, ACC_SUB)
SHIFT_RR_ACC(LSL_RR_SUB, 3, ACC_SUB)
SHIFT_RR_ACC(ASR_RR_ACC, 0, ACC_ADD)
SHIFT_RR_ACC(LSR_RR_ACC, 1, ACC_ADD)
SHIFT_RR_ACC(ASL_RR_ACC, 2, ACC_ADD)
SHIFT_RR_ACC(LSL_RR_ACC, 3, ACC_ADD)
SHIFT_PR(ASR_PR, 0, ACC_NONE)
SHIFT_PR(LSR_PR, 1, ACC_NONE)
SHIFT_PR(ASL_PR, 2, ACC_NONE)
SHIFT_PR(LSL_PR, 3, ACC_NONE)
SHIFT_PR(ASR_PR_OR, 0, ACC_OR)
SHIFT_PR(LSR_PR_OR, 1, ACC_OR)
SHIFT_PR(ASL_PR_OR, 2, ACC_OR)
SHIFT_PR(LSL_PR_OR, 3, ACC_OR)
SHIFT_PR(ASR_PR_AND, 0, ACC_AND)
SHIFT_PR(LSR_PR_AND, 1, ACC_AND)
SHIFT_PR(ASL_PR_AND, 2, ACC_AND)
SHIFT_PR(LSL_PR_AND, 3, ACC_AND)
SHIFT_PR(ASR_PR_XOR, 0, ACC_XOR)
SHIFT_PR(LSR_PR_XOR, 1, ACC_XOR)
SHIFT_PR(ASL_PR_XOR, 2, ACC_XOR)
SHIFT_PR(LSL_PR_XOR, 3, ACC_XOR)
SHIFT_PR(ASR_PR_SUB, 0, ACC_SUB)
SHIFT_PR(LSR_PR_SUB, 1, ACC_SUB)
SHIFT_PR(ASL_PR_SUB, 2, ACC_SUB)
SHIFT_PR(LSL_PR_SUB, 3, ACC_SUB)
SHIFT_PR(ASR_PR_ACC, 0, ACC_ADD)
SHIFT_PR(LSR_PR_ACC, 1, ACC_ADD)
SHIFT_PR(ASL_PR_ACC, 2, ACC_ADD)
SHIFT_PR(LSL_PR_ACC, 3, ACC_ADD)

/* Rd = lsl(#s6,Rt): the immediate shifted by the signed amount Rt. */
static bool trans_LSL_IR(DisasContext *ctx, arg_rri *a)
{
    gen_helper(ctx, &helper_shift_rr_info,
               tcgv_i32_arg(dest_gpr(ctx, a->rd)), 3,
               tcgv_i32_arg(tcg_constant_i32(ctx->tcg, 3)),
               tcgv_i32_arg(tcg_constant_i32(ctx->tcg, (int32_t)a->rs)),
               tcgv_i32_arg(get_gpr(ctx, a->imm)));
    return true;
}

/* ------------------------------------------------------------------ */
/* Compares, predicate transfers, mask tests                           */

static bool do_cmp64(DisasContext *ctx, arg_rrr *a, TCGCond c)
{
    TCGv_i64 r = tmp64(ctx);
    TCGv_i32 b = tmp32(ctx);

    tcg_gen_setcond_i64(ctx->tcg, c, r, get_gpr_pair(ctx, a->rs),
                        get_gpr_pair(ctx, a->rt));
    tcg_gen_extrl_i64_i32(ctx->tcg, b, r);
    set_pred_bool(ctx, a->rd, b);
    return true;
}

static bool trans_CMPP_EQ64(DisasContext *ctx, arg_rrr *a)
{
    return do_cmp64(ctx, a, TCG_COND_EQ);
}

static bool trans_CMPP_GT64(DisasContext *ctx, arg_rrr *a)
{
    return do_cmp64(ctx, a, TCG_COND_GT);
}

static bool trans_CMPP_GTU64(DisasContext *ctx, arg_rrr *a)
{
    return do_cmp64(ctx, a, TCG_COND_GTU);
}

/* Rd = Ps: the 8 predicate bits, zero-extended */
static bool trans_TFR_PR(DisasContext *ctx, arg_rr *a)
{
    tcg_gen_andi_i32(ctx->tcg, dest_gpr(ctx, a->rd), get_pred(ctx, a->rs),
                     0xff);
    return true;
}

/* Pd = Rs: the low 8 bits */
static bool trans_TFR_RP(DisasContext *ctx, arg_rr *a)
{
    set_pred(ctx, a->rd, get_gpr(ctx, a->rs));
    return true;
}

/* (Rs & mask) == 0 (bitsclr) or == mask (bitsset), optionally negated */
static bool do_bits(DisasContext *ctx, unsigned pd, TCGv_i32 rs,
                    TCGv_i32 mask, bool set, bool neg)
{
    TCGv_i32 x = tmp32(ctx), b = tmp32(ctx);
    TCGCond c = neg ? TCG_COND_NE : TCG_COND_EQ;

    tcg_gen_and_i32(ctx->tcg, x, rs, mask);
    tcg_gen_setcond_i32(ctx->tcg, c, b, x,
                        set ? mask : tcg_constant_i32(ctx->tcg, 0));
    set_pred_bool(ctx, pd, b);
    return true;
}

static bool trans_BITSCLR_I(DisasContext *ctx, arg_xri *a)
{
    return do_bits(ctx, a->rd, get_gpr(ctx, a->rs),
                   tcg_constant_i32(ctx->tcg, a->imm), false, false);
}

static bool trans_NBITSCLR_I(DisasContext *ctx, arg_xri *a)
{
    return do_bits(ctx, a->rd, get_gpr(ctx, a->rs),
                   tcg_constant_i32(ctx->tcg, a->imm), false, true);
}

#define BITS_RR(NAME, SET, NEG)                                              \
static bool trans_##NAME(DisasContext *ctx, arg_rrr *a)                     \
{                                                                            \
    return do_bits(ctx, a->rd, get_gpr(ctx, a->rs), get_gpr(ctx, a->rt),     \
                   SET, NEG);                                                \
}

BITS_RR(BITSSET, true, false)
BITS_RR(NBITSSET, true, true)
BITS_RR(BITSCLR, false, false)
BITS_RR(NBITSCLR, false, true)

/* ------------------------------------------------------------------ */
/* Multiply-accumulate, add/shift, logical accumulates                  */

static bool trans_MPY64_NAC(DisasContext *ctx, arg_rrr *a)
{
    return do_mpy64(ctx, a, true, ACC_SUB);
}

static bool trans_MPYU64_ACC(DisasContext *ctx, arg_rrr *a)
{
    return do_mpy64(ctx, a, false, ACC_ADD);
}

static bool trans_MPYU64_NAC(DisasContext *ctx, arg_rrr *a)
{
    return do_mpy64(ctx, a, false, ACC_SUB);
}

/* Rd = addasl(Rt,Rs,#u3) = Rt + (Rs << u3) */
static bool trans_ADDASL(DisasContext *ctx, arg_rrri *a)
{
    TCGv_i32 x = tmp32(ctx);

    tcg_gen_shli_i32(ctx->tcg, x, get_gpr(ctx, a->rs), a->imm);
    tcg_gen_add_i32(ctx->tcg, dest_gpr(ctx, a->rd), get_gpr(ctx, a->rt), x);
    return true;
}

/* Rd = add(Rs,add(Ru,#s6)) (rt holds Ru) */
static bool trans_ADD_ADD_I(DisasContext *ctx, arg_rrri *a)
{
    TCGv_i32 x = tmp32(ctx);

    tcg_gen_addi_i32(ctx->tcg, x, get_gpr(ctx, a->rt), (int32_t)a->imm);
    tcg_gen_add_i32(ctx->tcg, dest_gpr(ctx, a->rd), get_gpr(ctx, a->rs), x);
    return true;
}

/* Rd = add(Rs,sub(#s6,Ru)) */
static bool trans_ADD_SUB_I(DisasContext *ctx, arg_rrri *a)
{
    TCGv_i32 x = tmp32(ctx);

    tcg_gen_sub_i32(ctx->tcg, x, tcg_constant_i32(ctx->tcg, (int32_t)a->imm),
                    get_gpr(ctx, a->rt));
    tcg_gen_add_i32(ctx->tcg, dest_gpr(ctx, a->rd), get_gpr(ctx, a->rs), x);
    return true;
}

/* Rx @acc= @op(Rs,Rt); @op: 0 and, 1 or, 2 xor, 3 and with ~Rt */
static bool do_logic_acc(DisasContext *ctx, arg_rrr *a, int op, int acc)
{
    TCGContext *t = ctx->tcg;
    TCGv_i32 s = get_gpr(ctx, a->rs), u = get_gpr(ctx, a->rt);
    TCGv_i32 r = tmp32(ctx);

    switch (op) {
    case 0:
        tcg_gen_and_i32(t, r, s, u);
        break;
    case 1:
        tcg_gen_or_i32(t, r, s, u);
        break;
    case 2:
        tcg_gen_xor_i32(t, r, s, u);
        break;
    default:
        tcg_gen_andc_i32(t, r, s, u);
        break;
    }
    gen_acc32(t, acc, dest_gpr(ctx, a->rd), get_gpr(ctx, a->rd), r);
    return true;
}

#define LOGIC_ACC(NAME, OP, ACC)                                             \
static bool trans_##NAME(DisasContext *ctx, arg_rrr *a)                     \
{                                                                            \
    return do_logic_acc(ctx, a, OP, ACC);                                    \
}

LOGIC_ACC(AND_AND_ACC, 0, ACC_AND)
LOGIC_ACC(OR_AND_ACC, 1, ACC_AND)
LOGIC_ACC(XOR_AND_ACC, 2, ACC_AND)
LOGIC_ACC(AND_OR_ACC, 0, ACC_OR)
LOGIC_ACC(OR_OR_ACC, 1, ACC_OR)
LOGIC_ACC(XOR_OR_ACC, 2, ACC_OR)
LOGIC_ACC(AND_XOR_ACC, 0, ACC_XOR)
LOGIC_ACC(OR_XOR_ACC, 1, ACC_XOR)
LOGIC_ACC(XOR_XOR_ACC, 2, ACC_XOR)
LOGIC_ACC(ANDN_OR_ACC, 3, ACC_OR)
LOGIC_ACC(ANDN_AND_ACC, 3, ACC_AND)
LOGIC_ACC(ANDN_XOR_ACC, 3, ACC_XOR)

/* ------------------------------------------------------------------ */
/* 64-bit unary operations, pair bit counts, extract, min/max           */

static bool trans_NOT_PP(DisasContext *ctx, arg_rr *a)
{
    TCGv_i64 r = tmp64(ctx);

    tcg_gen_not_i64(ctx->tcg, r, get_gpr_pair(ctx, a->rs));
    set_gpr_pair(ctx, a->rd, r);
    return true;
}

static bool trans_NEG_PP(DisasContext *ctx, arg_rr *a)
{
    TCGv_i64 r = tmp64(ctx);

    tcg_gen_neg_i64(ctx->tcg, r, get_gpr_pair(ctx, a->rs));
    set_gpr_pair(ctx, a->rd, r);
    return true;
}

/* abs of INT64_MIN is INT64_MIN (the non-saturating form) */
static bool trans_ABS_PP(DisasContext *ctx, arg_rr *a)
{
    TCGContext *t = ctx->tcg;
    TCGv_i64 s = get_gpr_pair(ctx, a->rs), n = tmp64(ctx);

    tcg_gen_neg_i64(t, n, s);
    tcg_gen_movcond_i64(t, TCG_COND_LT, n, s, tcg_constant_i64(t, 0), n, s);
    set_gpr_pair(ctx, a->rd, n);
    return true;
}

/* Leading zeros (@op 0), ones (1) or the larger of both (2) of Rss */
static bool do_bitcount_p(DisasContext *ctx, arg_rr *a, int op)
{
    TCGContext *t = ctx->tcg;
    TCGv_i64 s = get_gpr_pair(ctx, a->rs), x = tmp64(ctx), y = tmp64(ctx);
    TCGv_i64 k64 = tcg_constant_i64(t, 64);

    tcg_gen_clz_i64(t, x, s, k64);
    tcg_gen_not_i64(t, y, s);
    tcg_gen_clz_i64(t, y, y, k64);
    if (op == 1) {
        tcg_gen_mov_i64(t, x, y);
    } else if (op == 2) {
        tcg_gen_movcond_i64(t, TCG_COND_GTU, x, x, y, x, y);
    }
    tcg_gen_extrl_i64_i32(t, dest_gpr(ctx, a->rd), x);
    return true;
}

static bool trans_CL0_P(DisasContext *ctx, arg_rr *a)
{
    return do_bitcount_p(ctx, a, 0);
}

static bool trans_CL1_P(DisasContext *ctx, arg_rr *a)
{
    return do_bitcount_p(ctx, a, 1);
}

static bool trans_CLB_P(DisasContext *ctx, arg_rr *a)
{
    return do_bitcount_p(ctx, a, 2);
}

/* Bits [off, off + w) of Rss (zero above bit 63), zero- or sign-extended
   from w bits; w == 0 gives 0. */
static bool do_extract_p(DisasContext *ctx, arg_xrri *a, bool sign)
{
    TCGContext *t = ctx->tcg;
    unsigned w = a->imm, off = a->imm2;
    TCGv_i64 r = tmp64(ctx);

    if (w == 0) {
        tcg_gen_movi_i64(t, r, 0);
    } else {
        tcg_gen_shri_i64(t, r, get_gpr_pair(ctx, a->rs), off);
        if (sign) {
            tcg_gen_sextract_i64(t, r, r, 0, w);
        } else {
            tcg_gen_extract_i64(t, r, r, 0, w);
        }
    }
    set_gpr_pair(ctx, a->rd, r);
    return true;
}

static bool trans_EXTRACTU_P(DisasContext *ctx, arg_xrri *a)
{
    return do_extract_p(ctx, a, false);
}

static bool trans_EXTRACT_P(DisasContext *ctx, arg_xrri *a)
{
    return do_extract_p(ctx, a, true);
}

/* Rd = extract(Rs,#w,#off): signed form of EXTRACTU */
static bool trans_EXTRACT(DisasContext *ctx, arg_xrri *a)
{
    TCGContext *t = ctx->tcg;
    unsigned w = a->imm, off = a->imm2;
    TCGv_i32 d = dest_gpr(ctx, a->rd), x = tmp32(ctx);

    if (w == 0) {
        tcg_gen_movi_i32(t, d, 0);
    } else {
        tcg_gen_shri_i32(t, x, get_gpr(ctx, a->rs), off);
        tcg_gen_sextract_i32(t, d, x, 0, w);
    }
    return true;
}

static bool do_minmax_p(DisasContext *ctx, arg_rrr *a, TCGCond c)
{
    TCGv_i64 x = get_gpr_pair(ctx, a->rs), y = get_gpr_pair(ctx, a->rt);
    TCGv_i64 r = tmp64(ctx);

    tcg_gen_movcond_i64(ctx->tcg, c, r, x, y, x, y);
    set_gpr_pair(ctx, a->rd, r);
    return true;
}

static bool trans_MAX_P(DisasContext *ctx, arg_rrr *a)
{
    return do_minmax_p(ctx, a, TCG_COND_GT);
}

static bool trans_MAXU_P(DisasContext *ctx, arg_rrr *a)
{
    return do_minmax_p(ctx, a, TCG_COND_GTU);
}

static bool trans_MIN_P(DisasContext *ctx, arg_rrr *a)
{
    return do_minmax_p(ctx, a, TCG_COND_LT);
}

static bool trans_MINU_P(DisasContext *ctx, arg_rrr *a)
{
    return do_minmax_p(ctx, a, TCG_COND_LTU);
}
