/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A64 Advanced SIMD, second part: one trans_ function per pattern of
 * a64-simd2.isa.  Each checks that the (U, size, opcode, Q, scalar)
 * combination is one this file implements and is allocated, then does
 * the FP/SIMD access check and calls one helper of helper-simd2.c or
 * helper-fp2.c with an arm_simd_desc() descriptor.
 *
 * Invariant: a trans_ function that returns false has generated no
 * code, so the class entry point (translate-simd.c) can try the
 * a64-simd.isa decoder next on the same word; an encoding neither table
 * accepts is UNDEFINED (and logged under -d unimp by the block loop).
 * Spec: Arm ARM DDI 0487, C4.1.95 (the encoding tables: "Advanced SIMD
 * three different", "x indexed element", "shift by immediate", "two-
 * register miscellaneous", "scalar pairwise", "Cryptographic three-
 * register SHA", "two-register SHA", "Cryptographic three-register
 * SHA512", "two-register SHA512", "four-register" and "three-register,
 * imm6"), C7.2 (the instructions).
 */
#include "translate-simd.h"
#include "helper-simd2.h"

#include "decode-a64-simd2.c.inc"

static bool gen_simd2(DisasContext *s, const TCGHelperInfo *info,
                      unsigned rd, unsigned rn, unsigned rm, unsigned size,
                      bool q, bool u, unsigned op, bool scalar, unsigned x)
{
    if (a64_fp_access_check(s)) {
        uint32_t desc = arm_simd_desc(rd, rn, rm, size, q, u, op, scalar,
                                      x);

        gen_helper_call(s, info, 0, 1,
                        tcgv_i32_arg(tcg_constant_i32(s->tcg,
                                                      (int32_t)desc)));
    }
    return true;
}

/* ------------------------------------------------------------------ */
/* Three different                                                      */

static bool trans_THREE_diff(DisasContext *s, arg_THREE_diff *a)
{
    bool sqd = a->op == 9 || a->op == 11 || a->op == 13;

    if (a->op >= 14 || a->size == 3) {          /* PMULL: a64-simd.isa */
        return false;
    }
    if (sqd ? a->u || a->size == 0 : a->scalar) {
        return false;                           /* SQDM*: U=0, H or S */
    }
    return gen_simd2(s, &arm_helper_simd_3diff, a->rd, a->rn, a->rm,
                     a->size, a->q, a->u, a->op, a->scalar, 0);
}

/* ------------------------------------------------------------------ */
/* x indexed element                                                    */

/* FMLA (op 1), FMLS (5), FMUL (9), FMULX (U=1, 9) by element. */
static bool trans_fp_elem(DisasContext *s, arg_BY_elem *a)
{
    unsigned fsz = a->size, idx = a->h << 1 | a->l;

    if (a->u ? a->op != 9 : (a->op != 1 && a->op != 5 && a->op != 9)) {
        return false;
    }
    if (fsz < 2) {                              /* FP16 forms: no FEAT_FP16 */
        return false;
    }
    if (fsz == 3) {
        if (a->l || (!a->q && !a->scalar)) {
            return false;
        }
        idx = a->h;
    }
    return gen_simd2(s, &arm_helper_simd_fpelem, a->rd, a->rn,
                     a->m << 4 | a->rm, fsz, a->q, a->u, a->op, a->scalar,
                     idx);
}

static bool trans_BY_elem(DisasContext *s, arg_BY_elem *a)
{
    static const uint16_t int_ops[2] = {
        /* U=0: SMLAL SQDMLAL SMLSL SQDMLSL MUL SMULL SQDMULL SQ[R]DMULH */
        1 << 2 | 1 << 3 | 1 << 6 | 1 << 7 | 1 << 8 | 1 << 10 | 1 << 11 |
        1 << 12 | 1 << 13,
        /* U=1: MLA UMLAL MLS UMLSL UMULL */
        1 << 0 | 1 << 2 | 1 << 4 | 1 << 6 | 1 << 10,
    };
    /* the scalar forms: SQDMLAL SQDMLSL SQDMULL SQDMULH SQRDMULH */
    static const uint16_t scalar_ops = 1 << 3 | 1 << 7 | 1 << 11 |
                                       1 << 12 | 1 << 13;
    unsigned rm = a->rm, idx;

    if (!(int_ops[a->u] >> a->op & 1)) {
        return trans_fp_elem(s, a);
    }
    if (a->size == 0 || a->size == 3 ||
        (a->scalar && (a->u || !(scalar_ops >> a->op & 1)))) {
        return false;
    }
    if (a->size == 1) {                         /* H: index H:L:M, V0-V15 */
        idx = a->h << 2 | a->l << 1 | a->m;
    } else {                                    /* S: index H:L */
        idx = a->h << 1 | a->l;
        rm |= a->m << 4;
    }
    return gen_simd2(s, &arm_helper_simd_elem, a->rd, a->rn, rm, a->size,
                     a->q, a->u, a->op, a->scalar, idx);
}

/* ------------------------------------------------------------------ */
/* Three same, two-register misc, scalar pairwise                      */

static bool trans_SAME2(DisasContext *s, arg_SAME2 *a)
{
    bool fa = a->size >> 1;
    unsigned fsz = 2 + (a->size & 1);

    switch (a->op) {
    case 0x09: case 0x0b:                       /* [SU]Q[R]SHL */
    case 0x0a:                                  /* [SU]RSHL */
        if (a->scalar ? a->op == 0x0a && a->size != 3
                      : a->size == 3 && !a->q) {
            return false;
        }
        break;
    case 0x16:                                  /* SQDMULH, SQRDMULH */
        if (a->size == 0 || a->size == 3) {
            return false;
        }
        break;
    case 0x1b: case 0x1f:                       /* FMULX; FRECPS, FRSQRTS */
        if (a->u || (a->op == 0x1b && fa) ||
            (!a->scalar && fsz == 3 && !a->q)) {
            return false;
        }
        return gen_simd2(s, &arm_helper_simd_fp3b, a->rd, a->rn, a->rm, fsz,
                         a->q, false, a->op, a->scalar, fa);
    default:
        return false;
    }
    return gen_simd2(s, &arm_helper_simd_3same2, a->rd, a->rn, a->rm,
                     a->size, a->q, a->u, a->op, a->scalar, 0);
}

/* The FP opcodes of two-register misc this file does. */
static bool trans_misc2_fp(DisasContext *s, arg_MISC2 *a)
{
    bool fa = a->size >> 1;
    unsigned fsz = 2 + (a->size & 1);

    switch (a->op) {
    case 0x16: case 0x17:                       /* FCVTN, FCVTXN, FCVTL */
        if (fa || (a->op == 0x17 && a->u) ||
            (a->u && fsz != 3) || (a->scalar && !a->u)) {
            return false;
        }
        break;
    case 0x1c:                                  /* URECPE, URSQRTE */
        if (!fa || fsz != 2 || a->scalar) {
            return false;
        }
        break;
    case 0x1d:                                  /* FRECPE, FRSQRTE */
        if (!fa) {
            return false;
        }
        break;
    case 0x1f:                                  /* FRECPX */
        if (!fa || a->u || !a->scalar) {
            return false;
        }
        break;
    default:
        return false;
    }
    if (!a->scalar && fsz == 3 && !a->q && a->op >= 0x1c) {
        return false;
    }
    return gen_simd2(s, &arm_helper_simd_fp2b, a->rd, a->rn, 0, fsz, a->q,
                     a->u, a->op, a->scalar, fa);
}

static bool trans_MISC2(DisasContext *s, arg_MISC2 *a)
{
    switch (a->op) {
    case 0x03: case 0x07:       /* SUQADD/USQADD, SQABS/SQNEG */
        if (!a->scalar && a->size == 3 && !a->q) {
            return false;
        }
        break;
    case 0x12:                  /* SQXTUN (U = 1; XTN is a64-simd.isa's) */
    case 0x13:                  /* SHLL (U = 1) */
        if (!a->u || a->size == 3 || (a->op == 0x13 && a->scalar)) {
            return false;
        }
        break;
    case 0x14:                  /* SQXTN, UQXTN */
        if (a->size == 3) {
            return false;
        }
        break;
    default:
        return trans_misc2_fp(s, a);
    }
    return gen_simd2(s, &arm_helper_simd_2misc2, a->rd, a->rn, 0, a->size,
                     a->q, a->u, a->op, a->scalar, 0);
}

/* Scalar FMAXNMP/FMINNMP (0x0c), FADDP (0x0d), FMAXP/FMINP (0x0f). */
static bool trans_PAIR2(DisasContext *s, arg_PAIR2 *a)
{
    bool fa = a->size >> 1;

    if (!a->u || (a->op != 0x0c && a->op != 0x0d && a->op != 0x0f) ||
        (a->op == 0x0d && fa)) {
        return false;           /* U = 0 is ADDP or the FP16 forms */
    }
    return gen_simd2(s, &arm_helper_simd_fppair, a->rd, a->rn, 0,
                     2 + (a->size & 1), false, true, a->op, true, fa);
}

/* ------------------------------------------------------------------ */
/* Shift by immediate                                                   */

static bool trans_SHIFT2(DisasContext *s, arg_SHIFT2 *a)
{
    unsigned sz, esize, immhb = a->immh << 3 | a->immb, sh;

    if (a->immh == 0) {
        return false;
    }
    sz = 31 - __builtin_clz((unsigned)a->immh);
    esize = 8u << sz;
    switch (a->op) {
    case 0x0c: case 0x0e:                       /* SQSHLU, [SU]QSHL #imm */
        if ((a->op == 0x0c && !a->u) ||
            (!a->scalar && sz == 3 && !a->q)) {
            return false;
        }
        sh = immhb - esize;
        break;
    case 0x10: case 0x11:       /* SHRN RSHRN (U=0), SQ[R]SHRUN (U=1) */
    case 0x12: case 0x13:       /* [SU]Q[R]SHRN */
        if (sz == 3 || (a->op == 0x10 && !a->u) ||
            (a->scalar && !a->u && a->op <= 0x11)) {
            return false;       /* SHRN is a64-simd.isa's */
        }
        sh = 2 * esize - immhb;
        break;
    case 0x1c: case 0x1f:       /* [SU]CVTF, FCVTZ[SU] (fixed point) */
        if (sz < 2 || (!a->scalar && sz == 3 && !a->q)) {
            return false;       /* immh 001x is FP16: no FEAT_FP16 */
        }
        return gen_simd2(s, &arm_helper_simd_fpfixed, a->rd, a->rn, 0, sz,
                         a->q, a->u, a->op, a->scalar, 2 * esize - immhb);
    default:
        return false;
    }
    return gen_simd2(s, &arm_helper_simd_shift2, a->rd, a->rn, 0, sz, a->q,
                     a->u, a->op, a->scalar, sh);
}

/* ------------------------------------------------------------------ */
/* SHA1, SHA256                                                         */

static bool trans_SHA_3reg(DisasContext *s, arg_SHA_3reg *a)
{
    if (a->op == 7 ||
        !arm_feature(s->env, a->op < 4 ? ARM_FEAT_SHA1 : ARM_FEAT_SHA256)) {
        return false;
    }
    return gen_simd2(s, &arm_helper_simd_sha, a->rd, a->rn, a->rm, 2, true,
                     false, a->op, false, 0);
}

static bool trans_SHA_2reg(DisasContext *s, arg_SHA_2reg *a)
{
    if (a->op > 2 ||
        !arm_feature(s->env, a->op < 2 ? ARM_FEAT_SHA1 : ARM_FEAT_SHA256)) {
        return false;
    }
    return gen_simd2(s, &arm_helper_simd_sha, a->rd, a->rn, 0, 2, true,
                     false, ARM_SHA_2REG + a->op, false, 0);
}

/* ------------------------------------------------------------------ */
/* SHA512 (FEAT_SHA512) and SHA3 (FEAT_SHA3)                           */

/*
 * The SHA3 instructions are bitwise on the two 64-bit halves: V@rd half
 * h = ((Vn ^ Vm) ror @ror) for XAR, Vn ^ (Vm rol 1) for RAX1 (@rax1),
 * Vn ^ Vm ^ Va for EOR3, Vn ^ (Vm & ~Va) for BCAX (@bcax).  Both halves
 * are computed before either is written, so Vd may be a source.
 */
typedef enum Sha3Op { SHA3_EOR3, SHA3_BCAX, SHA3_XAR, SHA3_RAX1 } Sha3Op;

static bool gen_sha3(DisasContext *s, Sha3Op op, unsigned rd, unsigned rn,
                     unsigned rm, unsigned ra, unsigned ror)
{
    TCGContext *t = s->tcg;
    TCGv_i64 res[2];

    if (!arm_feature(s->env, ARM_FEAT_SHA3)) {
        return false;
    }
    if (!a64_fp_access_check(s)) {
        return true;
    }
    for (unsigned h = 0; h < 2; h++) {
        TCGv_i64 n = a64_read_vreg(s, rn, h), m = a64_read_vreg(s, rm, h);

        switch (op) {
        case SHA3_EOR3:
            tcg_gen_xor_i64(t, n, n, m);
            tcg_gen_xor_i64(t, n, n, a64_read_vreg(s, ra, h));
            break;
        case SHA3_BCAX:
            tcg_gen_andc_i64(t, m, m, a64_read_vreg(s, ra, h));
            tcg_gen_xor_i64(t, n, n, m);
            break;
        case SHA3_XAR:
            tcg_gen_xor_i64(t, n, n, m);
            tcg_gen_rotri_i64(t, n, n, ror);
            break;
        case SHA3_RAX1:
            tcg_gen_rotli_i64(t, m, m, 1);
            tcg_gen_xor_i64(t, n, n, m);
            break;
        }
        res[h] = n;
    }
    a64_write_vreg(s, rd, 0, res[0]);
    a64_write_vreg(s, rd, 1, res[1]);
    return true;
}

/* SHA512H, SHA512H2, SHA512SU1 (op 0..2); RAX1 (op 3) is SHA3's. */
static bool trans_SHA512_3reg(DisasContext *s, arg_SHA512_3reg *a)
{
    if (a->op == 3) {
        return gen_sha3(s, SHA3_RAX1, a->rd, a->rn, a->rm, 0, 0);
    }
    if (!arm_feature(s->env, ARM_FEAT_SHA512)) {
        return false;
    }
    return gen_simd2(s, &arm_helper_simd_sha512, a->rd, a->rn, a->rm, 3,
                     true, false, a->op, false, 0);
}

static bool trans_SHA512SU0(DisasContext *s, arg_SHA512SU0 *a)
{
    if (!arm_feature(s->env, ARM_FEAT_SHA512)) {
        return false;
    }
    return gen_simd2(s, &arm_helper_simd_sha512, a->rd, a->rn, 0, 3, true,
                     false, ARM_SHA512SU0, false, 0);
}

static bool trans_EOR3(DisasContext *s, arg_EOR3 *a)
{
    return gen_sha3(s, SHA3_EOR3, a->rd, a->rn, a->rm, a->ra, 0);
}

static bool trans_BCAX(DisasContext *s, arg_BCAX *a)
{
    return gen_sha3(s, SHA3_BCAX, a->rd, a->rn, a->rm, a->ra, 0);
}

static bool trans_XAR(DisasContext *s, arg_XAR *a)
{
    return gen_sha3(s, SHA3_XAR, a->rd, a->rn, a->rm, 0, a->imm6);
}

bool a64_translate_simd2(DisasContext *s, uint32_t insn)
{
    return decode_a64_simd2(s, insn);
}
