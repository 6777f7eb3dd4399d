/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A64 scalar floating point, one trans_ function per pattern of
 * a64-fp.isa: arithmetic, fused multiply-add, min/max, square root,
 * round to integral, conversions between the FP formats and to/from
 * integers and fixed point, compares (NZCV), conditional compare and
 * select, FMOV (register, immediate, general).
 *
 * Bit operations (FMOV, FABS, FNEG, FCSEL, the operand negations of the
 * fused forms) are IR; everything that rounds, compares or raises
 * exception flags calls helper-fp.c, which uses the soft-float library
 * with the vCPU's FloatStatus.  Scalar results clear the rest of the
 * vector register.  Half precision arithmetic needs FEAT_FP16.
 * Spec: Arm ARM DDI 0487, C7.2 (FABS .. UCVTF), J1 VFPExpandImm.
 */
#include "translate-simd.h"
#include "helper-fp.h"

#include "decode-a64-fp.c.inc"

/*
 * The format of an ftype field (log2 bytes: 1 H, 2 S, 3 D), or -1 when
 * it is unallocated (10) or half precision without FEAT_FP16 and
 * @half_ok is false.
 */
static int fp_size(DisasContext *s, int64_t ftype, bool half_ok)
{
    switch (ftype) {
    case 0:
        return 2;
    case 1:
        return 3;
    case 3:
        return half_ok || (s->features & ARM_FEAT_FP16) ? 1 : -1;
    default:
        return -1;
    }
}

static uint64_t fp_sign_bit(unsigned fsz)
{
    return UINT64_C(1) << ((8u << fsz) - 1);
}

static TCGArg d32(DisasContext *s, uint32_t v)
{
    return tcgv_i32_arg(tcg_constant_i32(s->tcg, (int32_t)v));
}

/* NZCV from the nibble @nzcv (N 3, Z 2, C 1, V 0) in a temp. */
static void gen_set_nzcv_reg(DisasContext *s, TCGv_i64 nzcv)
{
    TCGContext *t = s->tcg;
    A64Globals *g = s->g;

    tcg_gen_shli_i64(t, g->NF, nzcv, 60);
    tcg_gen_andi_i64(t, g->ZF, nzcv, 4);
    tcg_gen_xori_i64(t, g->ZF, g->ZF, 4);
    tcg_gen_extract_i64(t, g->CF, nzcv, 1, 1);
    tcg_gen_shli_i64(t, g->VF, nzcv, 63);
}

/* --- data processing -------------------------------------------------- */

static bool trans_FP_2SRC(DisasContext *s, arg_FP_2SRC *a)
{
    int fsz = fp_size(s, a->ftype, false);
    TCGv_i64 x, y;

    if (fsz < 0) {
        return false;
    }
    if (!a64_fp_access_check(s)) {
        return true;
    }
    x = a64_read_fp(s, a->rn, fsz);
    y = a64_read_fp(s, a->rm, fsz);
    gen_helper_call(s, &arm_helper_fp_2op, tcgv_i64_arg(x), 3,
                    tcgv_i64_arg(x), tcgv_i64_arg(y),
                    d32(s, fsz | a->op << 4));
    a64_write_fp(s, a->rd, fsz, x);
    return true;
}

/* The FRINT* opcodes 8..15: rounding mode, or -1 (unallocated). */
static int frint_rmode(unsigned op)
{
    static const int8_t rm[8] = {
        FLOAT_ROUND_NEAREST_EVEN, FLOAT_ROUND_UP, FLOAT_ROUND_DOWN,
        FLOAT_ROUND_TO_ZERO, FLOAT_ROUND_TIES_AWAY, -1,
        ARM_FP_RMODE_FPCR, ARM_FP_RMODE_FPCR,    /* FRINTX, FRINTI */
    };

    return rm[op & 7];
}

static bool trans_FP_1SRC(DisasContext *s, arg_FP_1SRC *a)
{
    TCGContext *t = s->tcg;
    bool is_cvt = (a->op & ~3) == 4;
    int fsz = fp_size(s, a->ftype, is_cvt);
    int dsz = 0;
    uint32_t desc;
    TCGv_i64 x;

    if (fsz < 0) {
        return false;
    }
    if (is_cvt) {
        dsz = fp_size(s, a->op & 3, true);
        if (dsz < 0 || dsz == fsz) {
            return false;
        }
        desc = fsz | ARM_FP1_CVT << 4 | dsz << 12;
    } else if (a->op >= 8 && a->op <= 15 && frint_rmode(a->op) >= 0) {
        desc = fsz | ARM_FP1_RINT << 4 | frint_rmode(a->op) << 8 |
               (a->op == 14 ? 1u << 11 : 0);
    } else if (a->op <= 3) {
        desc = fsz | ARM_FP1_SQRT << 4;
    } else {
        return false;
    }
    if (!a64_fp_access_check(s)) {
        return true;
    }
    x = a64_read_fp(s, a->rn, fsz);
    switch (a->op) {
    case 0:                                     /* FMOV (register) */
        break;
    case 1:                                     /* FABS */
        tcg_gen_andi_i64(t, x, x, ~fp_sign_bit(fsz));
        break;
    case 2:                                     /* FNEG */
        tcg_gen_xori_i64(t, x, x, fp_sign_bit(fsz));
        break;
    default:
        gen_helper_call(s, &arm_helper_fp_1op, tcgv_i64_arg(x), 2,
                        tcgv_i64_arg(x), d32(s, desc));
        break;
    }
    a64_write_fp(s, a->rd, is_cvt ? dsz : fsz, x);
    return true;
}

/* FMADD, FMSUB, FNMADD, FNMSUB: the pseudocode negates the operands
   (addend when o1, the first factor when o0 != o1), NaNs included. */
static bool trans_FP_3SRC(DisasContext *s, arg_FP_3SRC *a)
{
    TCGContext *t = s->tcg;
    int fsz = fp_size(s, a->ftype, false);
    TCGv_i64 x, y, z;

    if (fsz < 0) {
        return false;
    }
    if (!a64_fp_access_check(s)) {
        return true;
    }
    x = a64_read_fp(s, a->rn, fsz);
    y = a64_read_fp(s, a->rm, fsz);
    z = a64_read_fp(s, a->ra, fsz);
    if (a->o1) {
        tcg_gen_xori_i64(t, z, z, fp_sign_bit(fsz));
    }
    if (a->o0 != a->o1) {
        tcg_gen_xori_i64(t, x, x, fp_sign_bit(fsz));
    }
    gen_helper_call(s, &arm_helper_fp_3op, tcgv_i64_arg(x), 4,
                    tcgv_i64_arg(x), tcgv_i64_arg(y), tcgv_i64_arg(z),
                    d32(s, fsz));
    a64_write_fp(s, a->rd, fsz, x);
    return true;
}

/* --- compares and selects --------------------------------------------- */

/* NZCV = FPCompare(V@rn, V@rm or +0.0), signalling for FCMPE. */
static void gen_fp_compare(DisasContext *s, int fsz, unsigned rn,
                           unsigned rm, bool zero, bool e)
{
    TCGv_i64 x = a64_read_fp(s, rn, fsz);
    TCGv_i64 y = zero ? tcg_constant_i64(s->tcg, 0) : a64_read_fp(s, rm, fsz);

    gen_helper_call(s, &arm_helper_fp_cmp, tcgv_i64_arg(x), 3,
                    tcgv_i64_arg(x), tcgv_i64_arg(y),
                    d32(s, fsz | (e ? 1u << 4 : 0)));
    gen_set_nzcv_reg(s, x);
}

static bool trans_FP_CMP(DisasContext *s, arg_FP_CMP *a)
{
    int fsz = fp_size(s, a->ftype, false);

    if (fsz < 0) {
        return false;
    }
    if (a64_fp_access_check(s)) {
        gen_fp_compare(s, fsz, a->rn, a->rm, a->zero, a->e);
    }
    return true;
}

static bool trans_FP_CCMP(DisasContext *s, arg_FP_CCMP *a)
{
    TCGContext *t = s->tcg;
    int fsz = fp_size(s, a->ftype, false);
    DisasCompare c;
    TCGLabel *holds, *done;

    if (fsz < 0) {
        return false;
    }
    if (!a64_fp_access_check(s)) {
        return true;
    }
    arm_test_cc(s, &c, a->cond);
    if (c.cond == TCG_COND_ALWAYS) {
        gen_fp_compare(s, fsz, a->rn, a->rm, false, a->e);
        return true;
    }
    holds = gen_new_label(t);
    done = gen_new_label(t);
    tcg_gen_brcond_i64(t, c.cond, c.value, tcg_constant_i64(t, 0), holds);
    gen_set_nzcv(s, a->nzcv);
    tcg_gen_br(t, done);
    gen_set_label(t, holds);
    gen_fp_compare(s, fsz, a->rn, a->rm, false, a->e);
    gen_set_label(t, done);
    return true;
}

static bool trans_FP_CSEL(DisasContext *s, arg_FP_CSEL *a)
{
    TCGContext *t = s->tcg;
    int fsz = fp_size(s, a->ftype, false);
    DisasCompare c;
    TCGv_i64 x, y;

    if (fsz < 0) {
        return false;
    }
    if (!a64_fp_access_check(s)) {
        return true;
    }
    x = a64_read_fp(s, a->rn, fsz);
    y = a64_read_fp(s, a->rm, fsz);
    arm_test_cc(s, &c, a->cond);
    if (c.cond != TCG_COND_ALWAYS) {    /* AL, NV: Rn (no movcond) */
        tcg_gen_movcond_i64(t, c.cond, x, c.value, tcg_constant_i64(t, 0),
                            x, y);
    }
    a64_write_fp(s, a->rd, fsz, x);
    return true;
}

/* --- immediates and moves ------------------------------------------- */

/*
 * VFPExpandImm(imm8) for format @fsz: sign a, exponent NOT(b) :
 * Replicate(b, E-3) : c:d, fraction e:f:g:h followed by zeros.
 */
static uint64_t vfp_expand_imm(unsigned fsz, unsigned imm8)
{
    unsigned ebits = fsz == 1 ? 5 : fsz == 2 ? 8 : 11;
    unsigned fbits = (8u << fsz) - 1 - ebits;
    uint64_t b = (imm8 >> 6) & 1;
    uint64_t exp = (b ^ 1) << (ebits - 1);

    if (b) {
        exp |= ((UINT64_C(1) << (ebits - 3)) - 1) << 2;
    }
    exp |= (imm8 >> 4) & 3;
    return (uint64_t)(imm8 >> 7) << ((8u << fsz) - 1) | exp << fbits |
           (uint64_t)(imm8 & 15) << (fbits - 4);
}

static bool trans_FP_IMM(DisasContext *s, arg_FP_IMM *a)
{
    int fsz = fp_size(s, a->ftype, false);

    if (fsz < 0) {
        return false;
    }
    if (a64_fp_access_check(s)) {
        a64_write_fp(s, a->rd, fsz,
                     tcg_constant_i64(s->tcg,
                                      (int64_t)vfp_expand_imm(fsz, a->imm)));
    }
    return true;
}

/* --- conversions with general registers ------------------------------ */

/* FMOV between a general register and V@vreg (or its top half). */
static bool do_fmov_gen(DisasContext *s, arg_FP_INT *a, int fsz, bool top)
{
    TCGContext *t = s->tcg;
    bool to_vec = a->op == 7;
    TCGv_i64 v;

    if (!a64_fp_access_check(s)) {
        return true;
    }
    if (to_vec) {
        v = tcg_temp_new_i64(t);
        tcg_gen_mov_i64(t, v, cpu_reg(s, a->rn));
        if (top) {
            a64_write_vreg(s, a->rd, 1, v);
        } else {
            if (fsz < 3) {
                tcg_gen_extract_i64(t, v, v, 0, 8u << fsz);
            }
            a64_write_fp(s, a->rd, fsz, v);
        }
    } else {
        v = top ? a64_read_vreg(s, a->rn, 1) : a64_read_fp(s, a->rn, fsz);
        gen_set_reg(s, a->rd, v, a->sf);
    }
    return true;
}

static bool trans_FP_INT(DisasContext *s, arg_FP_INT *a)
{
    static const int8_t cvt_rmode[4] = {
        FLOAT_ROUND_NEAREST_EVEN, FLOAT_ROUND_UP, FLOAT_ROUND_DOWN,
        FLOAT_ROUND_TO_ZERO,
    };
    unsigned op = a->op;
    int fsz;
    TCGv_i64 v;

    if (a->rmode == 1 && op >= 6 && a->sf && a->ftype == 2) {
        return do_fmov_gen(s, a, 3, true);      /* FMOV Xd <-> Vn.D[1] */
    }
    fsz = fp_size(s, a->ftype, false);
    if (fsz < 0 || (a->rmode && op >= 2)) {
        return false;
    }
    if (op >= 6) {                              /* FMOV (general) */
        if (fsz != 1 && (fsz == 3) != a->sf) {
            return false;
        }
        return do_fmov_gen(s, a, fsz, false);
    }
    if (!a64_fp_access_check(s)) {
        return true;
    }
    if (op == 2 || op == 3) {                   /* SCVTF, UCVTF */
        v = tcg_temp_new_i64(s->tcg);
        tcg_gen_mov_i64(s->tcg, v, cpu_reg(s, a->rn));
        gen_helper_call(s, &arm_helper_int_to_fp, tcgv_i64_arg(v), 2,
                        tcgv_i64_arg(v),
                        d32(s, fsz | (op & 1) << 7 | a->sf << 8));
        a64_write_fp(s, a->rd, fsz, v);
        return true;
    }
    /* FCVT{N,P,M,Z}{S,U} by rmode; FCVTA{S,U} are opcodes 100/101 */
    v = a64_read_fp(s, a->rn, fsz);
    gen_helper_call(s, &arm_helper_fp_to_int, tcgv_i64_arg(v), 2,
                    tcgv_i64_arg(v),
                    d32(s, fsz | (op >= 4 ? FLOAT_ROUND_TIES_AWAY
                                          : cvt_rmode[a->rmode]) << 4 |
                           (op & 1) << 7 | a->sf << 8));
    gen_set_reg(s, a->rd, v, a->sf);
    return true;
}

/* SCVTF/UCVTF/FCVTZS/FCVTZU (fixed point): fbits = 64 - scale. */
static bool trans_FP_FIXED(DisasContext *s, arg_FP_FIXED *a)
{
    int fsz = fp_size(s, a->ftype, false);
    unsigned fbits = 64 - a->scale;
    bool to_fp = a->rmode == 0 && (a->op == 2 || a->op == 3);
    bool to_int = a->rmode == 3 && a->op <= 1;
    uint32_t desc;
    TCGv_i64 v;

    if (fsz < 0 || (!to_fp && !to_int) || (!a->sf && a->scale < 32)) {
        return false;
    }
    if (!a64_fp_access_check(s)) {
        return true;
    }
    desc = fsz | (a->op & 1) << 7 | a->sf << 8 | fbits << 9;
    if (to_fp) {
        v = tcg_temp_new_i64(s->tcg);
        tcg_gen_mov_i64(s->tcg, v, cpu_reg(s, a->rn));
        gen_helper_call(s, &arm_helper_int_to_fp, tcgv_i64_arg(v), 2,
                        tcgv_i64_arg(v), d32(s, desc));
        a64_write_fp(s, a->rd, fsz, v);
    } else {
        v = a64_read_fp(s, a->rn, fsz);
        gen_helper_call(s, &arm_helper_fp_to_int, tcgv_i64_arg(v), 2,
                        tcgv_i64_arg(v),
                        d32(s, desc | FLOAT_ROUND_TO_ZERO << 4));
        gen_set_reg(s, a->rd, v, a->sf);
    }
    return true;
}

bool a64_translate_fp(DisasContext *s, uint32_t insn)
{
    return decode_a64_fp(s, insn);
}
