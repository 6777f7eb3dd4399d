/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A64 SIMD&FP: the class entry point, the FP/SIMD access trap, the
 * vector register accessors shared with translate-fp.c and
 * translate-simd-ldst.c, and one trans_ function per pattern of
 * a64-simd.isa: the moves (DUP, INS, UMOV, SMOV, MOVI/MVNI/ORR/BIC and
 * FMOV vector immediates), permutes (ZIP/UZP/TRN, EXT, TBL/TBX), the
 * integer vector groups (three same, two-register misc, across lanes,
 * shift by immediate), their floating-point forms, AES and PMULL.
 * Logical ops and ADD/SUB are IR on the two 64-bit halves; the other
 * vector groups call helper-simd.c / helper-fp.c with a descriptor.
 *
 * Invariants: the access check comes after decoding (an unallocated
 * encoding is UNDEFINED even with FP disabled) and before any code of
 * the instruction; a result is complete before Vd is written, so Vd may
 * be a source.
 * Spec: Arm ARM DDI 0487, C4.1.95 (encodings), C7.2 (DUP .. ZIP2), J1
 * AdvSIMDExpandImm, D1.10 / CheckFPAdvSIMDEnabled64 (the trap).
 */
#include "translate-simd.h"
#include "helper-fp.h"
#include "helper-simd.h"
#include "sysreg.h"
#include "exec/cputlb.h"

#include "decode-a64-simd.c.inc"

/* ------------------------------------------------------------------ */
/* The access trap                                                      */

/*
 * EC 0x07 to the EL whose control disabled FP (CheckFPAdvSIMDEnabled64):
 * CPACR_EL1.FPEN at EL0/EL1 (to EL1, or EL2 when HCR_EL2.TGE routes EL0
 * there), CPTR_EL2.TFP below EL3 with EL2 enabled, CPTR_EL3.TFP.
 */
static void helper_fp_access(void *envp)
{
    CPUARMState *env = envp;
    unsigned el = arm_current_el(env);
    unsigned fpen = (env->cp.cpacr_el1 >> 20) & 3;
    unsigned target;

    if ((el == 0 && fpen != 3) || (el == 1 && !(fpen & 1))) {
        target = arm_exception_target_el(env);
    } else if (el <= 2 && arm_el2_enabled(env) &&
               (env->cp.cptr_el[2] & (1u << 10))) {
        target = 2;
    } else if (arm_have_el3(env) && (env->cp.cptr_el[3] & (1u << 10))) {
        target = 3;
    } else {
        /* TB_FLAG_FPEN also counts CPTR_EL2.TFP in Secure EL0/EL1 */
        target = 2;
    }
    arm_raise_exception(env, EXCP_UDEF, syn_fp_access(), target, GETPC());
}

static const TCGHelperInfo helper_fp_access_info = {
    .func = (const void *)helper_fp_access, .name = "fp_access",
    .flags = TCG_CALL_MAY_RAISE | TCG_CALL_NO_WRITE_GLOBALS, .nb_args = 1,
    .ret = TCG_CALL_VOID, .args = { TCG_CALL_PTR },
};

bool a64_fp_access_check(DisasContext *s)
{
    if (s->fpen) {
        return true;
    }
    gen_helper_call(s, &helper_fp_access_info, 0, 0);
    s->is_jmp = DISAS_NORETURN;
    return false;
}

/* ------------------------------------------------------------------ */
/* Vector registers                                                     */

TCGv_i64 a64_read_vreg(DisasContext *s, unsigned reg, unsigned half)
{
    TCGv_i64 v = tcg_temp_new_i64(s->tcg);

    tcg_gen_ld_i64(s->tcg, v, tcg_env(s->tcg), a64_vreg_off(reg, half));
    return v;
}

void a64_write_vreg(DisasContext *s, unsigned reg, unsigned half, TCGv_i64 v)
{
    tcg_gen_st_i64(s->tcg, v, tcg_env(s->tcg), a64_vreg_off(reg, half));
}

void a64_clear_high(DisasContext *s, unsigned reg)
{
    a64_write_vreg(s, reg, 1, tcg_constant_i64(s->tcg, 0));
}

TCGv_i64 a64_read_fp(DisasContext *s, unsigned reg, unsigned fsz)
{
    TCGv_i64 v = a64_read_vreg(s, reg, 0);

    if (fsz < 3) {
        tcg_gen_extract_i64(s->tcg, v, v, 0, 8u << fsz);
    }
    return v;
}

void a64_write_fp(DisasContext *s, unsigned reg, unsigned fsz, TCGv_i64 v)
{
    TCGv_i64 w = v;

    if (fsz < 3) {
        w = tcg_temp_new_i64(s->tcg);
        tcg_gen_extract_i64(s->tcg, w, v, 0, 8u << fsz);
    }
    a64_write_vreg(s, reg, 0, w);
    a64_clear_high(s, reg);
}

TCGv_i64 a64_read_elem(DisasContext *s, unsigned reg, unsigned idx,
                       unsigned sz, bool sign)
{
    unsigned bit = idx << (sz + 3);
    TCGv_i64 v = a64_read_vreg(s, reg, bit >> 6);

    if (sz < 3) {
        if (sign) {
            tcg_gen_sextract_i64(s->tcg, v, v, bit & 63, 8u << sz);
        } else {
            tcg_gen_extract_i64(s->tcg, v, v, bit & 63, 8u << sz);
        }
    }
    return v;
}

void a64_write_elem(DisasContext *s, unsigned reg, unsigned idx,
                    unsigned sz, TCGv_i64 v)
{
    unsigned bit = idx << (sz + 3);
    TCGv_i64 h;

    if (sz == 3) {
        a64_write_vreg(s, reg, bit >> 6, v);
        return;
    }
    h = a64_read_vreg(s, reg, bit >> 6);
    tcg_gen_deposit_i64(s->tcg, h, h, v, bit & 63, 8u << sz);
    a64_write_vreg(s, reg, bit >> 6, h);
}

/* The 64-bit pattern repeating an element of 2^@sz bytes. */
static uint64_t dup_const(unsigned sz, uint64_t v)
{
    static const uint64_t rep[4] = {
        0x0101010101010101ull, 0x0001000100010001ull,
        0x0000000100000001ull, 1,
    };

    return (sz < 3 ? v & ((1ull << (8u << sz)) - 1) : v) * rep[sz];
}

void a64_gen_dup(DisasContext *s, unsigned reg, unsigned sz, bool q,
                 TCGv_i64 v)
{
    tcg_gen_vec_dup_i64(s->tcg, sz, a64_vreg_off(reg, 0), q ? 16 : 8, 16, v);
}

/* ------------------------------------------------------------------ */
/* Copies                                                               */

/* imm5 of the copy group: element size (lowest set bit) and index. */
static bool copy_elem(int64_t imm5, unsigned *sz, unsigned *idx)
{
    if (!(imm5 & 15)) {
        return false;
    }
    *sz = __builtin_ctz((unsigned)imm5);
    *idx = (unsigned)imm5 >> (*sz + 1);
    return true;
}

static bool trans_DUP_elem(DisasContext *s, arg_DUP_elem *a)
{
    unsigned sz, idx;

    if (!copy_elem(a->imm5, &sz, &idx) || (sz == 3 && !a->q && !a->scalar)) {
        return false;
    }
    if (a64_fp_access_check(s)) {
        TCGv_i64 v = a64_read_elem(s, a->rn, idx, sz, false);

        if (a->scalar) {
            a64_write_fp(s, a->rd, sz, v);          /* DUP (scalar), MOV */
        } else {
            a64_gen_dup(s, a->rd, sz, a->q, v);
        }
    }
    return true;
}

static bool trans_DUP_gen(DisasContext *s, arg_DUP_gen *a)
{
    unsigned sz, idx;

    if (!copy_elem(a->imm5, &sz, &idx) || (sz == 3 && !a->q)) {
        return false;
    }
    if (a64_fp_access_check(s)) {
        a64_gen_dup(s, a->rd, sz, a->q, cpu_reg(s, a->rn));
    }
    return true;
}

static bool trans_INS_gen(DisasContext *s, arg_INS_gen *a)
{
    unsigned sz, idx;

    if (!copy_elem(a->imm5, &sz, &idx)) {
        return false;
    }
    if (a64_fp_access_check(s)) {
        a64_write_elem(s, a->rd, idx, sz, cpu_reg(s, a->rn));
    }
    return true;
}

static bool trans_INS_elem(DisasContext *s, arg_INS_elem *a)
{
    unsigned sz, idx;

    if (!copy_elem(a->imm5, &sz, &idx)) {
        return false;
    }
    if (a64_fp_access_check(s)) {
        TCGv_i64 v = a64_read_elem(s, a->rn, (unsigned)a->imm4 >> sz, sz,
                                   false);

        a64_write_elem(s, a->rd, idx, sz, v);
    }
    return true;
}

/* SMOV: to W (Q = 0) from B/H, to X (Q = 1) from B/H/S. */
static bool trans_SMOV(DisasContext *s, arg_SMOV *a)
{
    unsigned sz, idx;

    if (!copy_elem(a->imm5, &sz, &idx) || sz > (a->q ? 2u : 1u)) {
        return false;
    }
    if (a64_fp_access_check(s)) {
        gen_set_reg(s, a->rd, a64_read_elem(s, a->rn, idx, sz, true), a->q);
    }
    return true;
}

/* UMOV: to W (Q = 0) from B/H/S, to X (Q = 1) from D. */
static bool trans_UMOV(DisasContext *s, arg_UMOV *a)
{
    unsigned sz, idx;

    if (!copy_elem(a->imm5, &sz, &idx) || (a->q ? sz != 3 : sz == 3)) {
        return false;
    }
    if (a64_fp_access_check(s)) {
        gen_set_reg(s, a->rd, a64_read_elem(s, a->rn, idx, sz, false), a->q);
    }
    return true;
}

/* ------------------------------------------------------------------ */
/* Modified immediate                                                   */

/* VFPExpandImm for single (@dbl false) or double precision. */
static uint64_t fp_imm(unsigned imm8, bool dbl)
{
    uint64_t sign = imm8 >> 7, b = (imm8 >> 6) & 1, cd = (imm8 >> 4) & 3;
    uint64_t frac = imm8 & 15;

    if (dbl) {
        return sign << 63 | (b ^ 1) << 62 | (b ? 0xffull << 54 : 0) |
               cd << 52 | frac << 48;
    }
    return sign << 31 | (b ^ 1) << 30 | (b ? 0x1full << 25 : 0) |
           cd << 23 | frac << 19;
}

/* AdvSIMDExpandImm(op, cmode, imm8) (J1), or false when unallocated. */
static bool expand_imm(unsigned op, unsigned cmode, unsigned imm8, bool q,
                       uint64_t *out)
{
    uint64_t imm = 0;

    switch (cmode >> 1) {
    case 0: case 1: case 2: case 3:
        imm = dup_const(2, (uint64_t)imm8 << (8 * (cmode >> 1)));
        break;
    case 4: case 5:
        imm = dup_const(1, (uint64_t)imm8 << (8 * ((cmode >> 1) & 1)));
        break;
    case 6:
        imm = dup_const(2, cmode & 1 ? (uint64_t)imm8 << 16 | 0xffff
                                     : (uint64_t)imm8 << 8 | 0xff);
        break;
    default:
        if (!(cmode & 1)) {
            if (!op) {
                imm = dup_const(0, imm8);
            } else {
                for (int i = 0; i < 8; i++) {
                    imm |= (imm8 >> i & 1) ? 0xffull << (8 * i) : 0;
                }
            }
        } else if (!op) {
            imm = dup_const(2, fp_imm(imm8, false));
        } else {
            if (!q) {
                return false;
            }
            imm = fp_imm(imm8, true);
        }
        break;
    }
    *out = imm;
    return true;
}

/* MOVI, MVNI, ORR, BIC (vector, immediate), FMOV (vector, immediate). */
static bool trans_MOVI(DisasContext *s, arg_MOVI *a)
{
    TCGContext *t = s->tcg;
    unsigned cmode = a->cmode;
    bool shifted = cmode < 12;                  /* 0xxx, 10xx */
    bool orr_bic = shifted && (cmode & 1);
    bool invert = a->op && cmode < 14;          /* MVNI, BIC */
    uint64_t imm;

    if (a->o2 || !expand_imm(a->op, cmode, a->abc << 5 | a->defgh, a->q,
                             &imm)) {
        return false;
    }
    if (!a64_fp_access_check(s)) {
        return true;
    }
    if (invert) {
        imm = ~imm;
    }
    if (!orr_bic) {                             /* MOVI, MVNI, FMOV */
        tcg_gen_vec_dupi(t, 3, a64_vreg_off(a->rd, 0), a->q ? 16 : 8, 16,
                         imm);
        return true;
    }
    for (unsigned h = 0; h < (a->q ? 2u : 1u); h++) {
        TCGv_i64 v = tcg_temp_new_i64(t);

        if (orr_bic) {
            tcg_gen_ld_i64(t, v, tcg_env(t), a64_vreg_off(a->rd, h));
            if (a->op) {
                tcg_gen_andi_i64(t, v, v, (int64_t)imm);    /* BIC */
            } else {
                tcg_gen_ori_i64(t, v, v, (int64_t)imm);     /* ORR */
            }
        } else {
            tcg_gen_movi_i64(t, v, (int64_t)imm);
        }
        a64_write_vreg(s, a->rd, h, v);
    }
    if (!a->q) {
        a64_clear_high(s, a->rd);
    }
    return true;
}

/* ------------------------------------------------------------------ */
/* The integer vector groups (helper-simd.c)                            */

static void gen_simd_helper(DisasContext *s, const TCGHelperInfo *info,
                            uint32_t desc)
{
    gen_helper_call(s, info, 0, 1,
                    tcgv_i32_arg(tcg_constant_i32(s->tcg, (int32_t)desc)));
}

/* Shift by immediate: esize from immh, shift from immh:immb. */
static bool trans_SHIFT_imm(DisasContext *s, arg_SHIFT_imm *a)
{
    unsigned sz = 31 - __builtin_clz((unsigned)a->immh);
    unsigned esize = 8u << sz, immhb = a->immh << 3 | a->immb;
    bool left = a->op == 0x0a || a->op == 0x14;
    unsigned sh = left ? immhb - esize : 2 * esize - immhb;

    if (!arm_simd_shift_valid(a->u, sz, a->op, a->q, a->scalar)) {
        return false;
    }
    if (a64_fp_access_check(s) &&
        !a64_vec_shift_imm(s, a->u, sz, a->op, a->q, a->scalar, a->rd,
                           a->rn, sh)) {
        gen_simd_helper(s, &arm_helper_simd_shift,
                        arm_simd_desc(a->rd, a->rn, 0, sz, a->q, a->u, a->op,
                                      a->scalar, sh));
    }
    return true;
}

/*
 * The FP forms of three same / two-register misc (opcode 11xxx, and
 * 011xx for the compares with zero): size<1> is 'a', size<0> picks
 * single or double lanes; double lanes need Q in vector forms.
 */
static bool gen_simd_fp(DisasContext *s, bool three, bool u, int64_t size,
                        unsigned op, bool q, bool scalar, unsigned rd,
                        unsigned rn, unsigned rm)
{
    bool fa = size >> 1;
    unsigned fsz = 2 + (size & 1);

    if ((!scalar && fsz == 3 && !q) ||
        !(three ? arm_simd_fp3_valid(u, fa, op, scalar)
                : arm_simd_fp2misc_valid(u, fa, op, scalar))) {
        return false;
    }
    if (a64_fp_access_check(s)) {
        gen_simd_helper(s, three ? &arm_helper_simd_fp3
                                 : &arm_helper_simd_fp2misc,
                        arm_simd_desc(rd, rn, rm, fsz, q, u, op, scalar, fa));
    }
    return true;
}

/*
 * One 64-bit half of the three-same ops done in IR: the logical ops
 * (size:U selects) and ADD/SUB per lane, carries kept inside each lane
 * by working on the lanes without their top bit (H) and fixing the top
 * bits with XORs.  @d is Vd's half (BSL/BIT/BIF), the result goes there.
 */
static void gen_3same_half(DisasContext *s, arg_THREE_same *a, TCGv_i64 d,
                           TCGv_i64 n, TCGv_i64 m)
{
    TCGContext *t = s->tcg;
    TCGv_i64 x = tcg_temp_new_i64(t), y = tcg_temp_new_i64(t);
    int64_t h = (int64_t)dup_const(a->size, 1ull << ((8u << a->size) - 1));

    if (a->op == 0x03) {
        switch (a->size | a->u << 2) {
        case 0: tcg_gen_and_i64(t, d, n, m); break;
        case 1: tcg_gen_andc_i64(t, d, n, m); break;
        case 2: tcg_gen_or_i64(t, d, n, m); break;
        case 3: tcg_gen_orc_i64(t, d, n, m); break;
        case 4: tcg_gen_xor_i64(t, d, n, m); break;
        case 5:                                 /* BSL: d ? n : m */
            tcg_gen_xor_i64(t, x, n, m);
            tcg_gen_and_i64(t, x, x, d);
            tcg_gen_xor_i64(t, d, x, m);
            break;
        case 6:                                 /* BIT: m ? n : d */
            tcg_gen_xor_i64(t, x, n, d);
            tcg_gen_and_i64(t, x, x, m);
            tcg_gen_xor_i64(t, d, d, x);
            break;
        default:                                /* BIF: m ? d : n */
            tcg_gen_xor_i64(t, x, n, d);
            tcg_gen_andc_i64(t, x, x, m);
            tcg_gen_xor_i64(t, d, d, x);
            break;
        }
    } else if (a->size == 3) {
        if (a->u) {
            tcg_gen_sub_i64(t, d, n, m);
        } else {
            tcg_gen_add_i64(t, d, n, m);
        }
    } else if (!a->u) {                         /* ADD */
        tcg_gen_andi_i64(t, x, n, ~h);
        tcg_gen_andi_i64(t, y, m, ~h);
        tcg_gen_add_i64(t, d, x, y);
        tcg_gen_xor_i64(t, x, n, m);
        tcg_gen_andi_i64(t, x, x, h);
        tcg_gen_xor_i64(t, d, d, x);
    } else {                                    /* SUB */
        tcg_gen_ori_i64(t, x, n, h);
        tcg_gen_andi_i64(t, y, m, ~h);
        tcg_gen_sub_i64(t, d, x, y);
        tcg_gen_eqv_i64(t, x, n, m);
        tcg_gen_andi_i64(t, x, x, h);
        tcg_gen_xor_i64(t, d, d, x);
    }
    tcg_temp_free_i64(t, x);
    tcg_temp_free_i64(t, y);
}

static bool trans_THREE_same(DisasContext *s, arg_THREE_same *a)
{
    unsigned halves = a->q && !a->scalar ? 2 : 1;
    TCGv_i64 d[2];

    if (a->op >= 0x18) {
        return gen_simd_fp(s, true, a->u, a->size, a->op, a->q, a->scalar,
                           a->rd, a->rn, a->rm);
    }
    if (!arm_simd_3same_valid(a->u, a->size, a->op, a->q, a->scalar)) {
        return false;
    }
    if (!a64_fp_access_check(s) ||
        a64_vec_3same(s, a->u, a->size, a->op, a->q, a->scalar, a->rd,
                      a->rn, a->rm)) {
        return true;
    }
    if (a->op != 0x03 && a->op != 0x10) {
        gen_simd_helper(s, &arm_helper_simd_3same,
                        arm_simd_desc(a->rd, a->rn, a->rm, a->size, a->q,
                                      a->u, a->op, a->scalar, 0));
        return true;
    }
    for (unsigned i = 0; i < halves; i++) {
        d[i] = a64_read_vreg(s, a->rd, i);
        gen_3same_half(s, a, d[i], a64_read_vreg(s, a->rn, i),
                       a64_read_vreg(s, a->rm, i));
    }
    for (unsigned i = 0; i < halves; i++) {
        a64_write_vreg(s, a->rd, i, d[i]);
    }
    if (halves == 1) {
        a64_clear_high(s, a->rd);
    }
    return true;
}

static bool trans_TWO_misc(DisasContext *s, arg_TWO_misc *a)
{
    if (a->op >= 0x18 || (a->op >= 0x0c && a->op <= 0x0f)) {
        return gen_simd_fp(s, false, a->u, a->size, a->op, a->q, a->scalar,
                           a->rd, a->rn, 0);
    }
    if (!arm_simd_2misc_valid(a->u, a->size, a->op, a->q, a->scalar)) {
        return false;
    }
    if (a64_fp_access_check(s) &&
        !a64_vec_2misc(s, a->u, a->size, a->op, a->q, a->scalar, a->rd,
                       a->rn)) {
        gen_simd_helper(s, &arm_helper_simd_2misc,
                        arm_simd_desc(a->rd, a->rn, 0, a->size, a->q, a->u,
                                      a->op, a->scalar, 0));
    }
    return true;
}

/*
 * FMAXNMV, FMINNMV (opcode 0x0c), FMAXV, FMINV (0x0f), single precision
 * (U = 1, sz = 0, Q = 1 only; the U = 0 half-precision forms need
 * FEAT_FP16): Reduce() of the Arm ARM (C7.2.98 .. C7.2.117) splits the
 * vector in halves recursively, so Sd = op(op(e0, e1), op(e2, e3)),
 * each step one FPMax/FPMin/FPMaxNum/FPMinNum with its NaN rules and
 * flags (the scalar helper).
 */
static bool gen_fp_across(DisasContext *s, arg_ACROSS *a)
{
    TCGContext *t = s->tcg;
    unsigned fop = (a->op == 0x0c ? ARM_FP2_MAXNM : ARM_FP2_MAX) +
                   (a->size >> 1);
    TCGArg desc;
    TCGv_i64 e[4];

    if (!a->u || (a->size & 1) || !a->q) {
        return false;
    }
    if (!a64_fp_access_check(s)) {
        return true;
    }
    desc = tcgv_i32_arg(tcg_constant_i32(t, (int32_t)(2 | fop << 4)));
    for (unsigned i = 0; i < 4; i++) {
        e[i] = tcg_temp_new_i64(t);
        if (i & 1) {
            tcg_gen_shri_i64(t, e[i], a64_read_vreg(s, a->rn, i >> 1), 32);
        } else {
            tcg_gen_ext32u_i64(t, e[i], a64_read_vreg(s, a->rn, i >> 1));
        }
    }
    for (unsigned i = 0; i < 4; i += 2) {
        gen_helper_call(s, &arm_helper_fp_2op, tcgv_i64_arg(e[i]), 3,
                        tcgv_i64_arg(e[i]), tcgv_i64_arg(e[i + 1]), desc);
    }
    gen_helper_call(s, &arm_helper_fp_2op, tcgv_i64_arg(e[0]), 3,
                    tcgv_i64_arg(e[0]), tcgv_i64_arg(e[2]), desc);
    a64_write_fp(s, a->rd, 2, e[0]);
    for (unsigned i = 0; i < 4; i++) {
        tcg_temp_free_i64(t, e[i]);
    }
    return true;
}

static bool trans_ACROSS(DisasContext *s, arg_ACROSS *a)
{
    if (a->op == 0x0c || a->op == 0x0f) {
        return gen_fp_across(s, a);
    }
    if (!arm_simd_across_valid(a->u, a->size, a->op, a->q)) {
        return false;
    }
    if (a64_fp_access_check(s)) {
        gen_simd_helper(s, &arm_helper_simd_across,
                        arm_simd_desc(a->rd, a->rn, 0, a->size, a->q, a->u,
                                      a->op, false, 0));
    }
    return true;
}

/* ADDP (scalar): Dd = Vn.D[0] + Vn.D[1]. */
static bool trans_PAIR_scalar(DisasContext *s, arg_PAIR_scalar *a)
{
    TCGv_i64 lo, hi;

    if (a->u || a->op != 0x1b || a->size != 3) {
        return false;
    }
    if (a64_fp_access_check(s)) {
        lo = a64_read_vreg(s, a->rn, 0);
        hi = a64_read_vreg(s, a->rn, 1);
        tcg_gen_add_i64(s->tcg, lo, lo, hi);
        a64_write_fp(s, a->rd, 3, lo);
    }
    return true;
}

static bool trans_PERMUTE(DisasContext *s, arg_PERMUTE *a)
{
    if (!(a->op & 3) || (a->size == 3 && !a->q)) {
        return false;
    }
    if (a64_fp_access_check(s)) {
        gen_simd_helper(s, &arm_helper_simd_perm,
                        arm_simd_desc(a->rd, a->rn, a->rm, a->size, a->q,
                                      false, a->op, false, 0));
    }
    return true;
}

static bool trans_EXT(DisasContext *s, arg_EXT *a)
{
    if (!a->q && (a->imm4 & 8)) {
        return false;
    }
    if (a64_fp_access_check(s)) {
        gen_simd_helper(s, &arm_helper_simd_perm,
                        arm_simd_desc(a->rd, a->rn, a->rm, 0, a->q, false, 0,
                                      false, a->imm4));
    }
    return true;
}

static bool trans_TBL(DisasContext *s, arg_TBL *a)
{
    if (a64_fp_access_check(s)) {
        gen_simd_helper(s, &arm_helper_simd_tbl,
                        arm_simd_desc(a->rd, a->rn, a->rm, 0, a->q, false, 0,
                                      false, a->len | a->tbx << 2));
    }
    return true;
}

/* AESE, AESD, AESMC, AESIMC (FEAT_AES). */
static bool trans_AES(DisasContext *s, arg_AES *a)
{
    if (!arm_simd_crypto_valid(s->env, a->op, 0)) {
        return false;
    }
    if (a64_fp_access_check(s)) {
        gen_simd_helper(s, &arm_helper_simd_crypto,
                        arm_simd_desc(a->rd, a->rn, 0, 0, true, false, a->op,
                                      false, 0));
    }
    return true;
}

/* PMULL{2}: 8-bit lanes always, 64-bit with FEAT_PMULL. */
static bool trans_PMULL(DisasContext *s, arg_PMULL *a)
{
    if (!arm_simd_crypto_valid(s->env, ARM_SIMD_PMULL, a->size)) {
        return false;
    }
    if (a64_fp_access_check(s)) {
        gen_simd_helper(s, &arm_helper_simd_crypto,
                        arm_simd_desc(a->rd, a->rn, a->rm, a->size, a->q,
                                      false, ARM_SIMD_PMULL, false, 0));
    }
    return true;
}

/* ------------------------------------------------------------------ */

bool a64_translate_simd(DisasContext *s, uint32_t insn)
{
    if (a64_insn_class(insn) == A64_CLASS_LDST) {
        return a64_translate_simdls(s, insn);
    }
    return a64_translate_fp(s, insn) || a64_translate_simd2(s, insn) ||
           decode_a64_simd(s, insn);
}
