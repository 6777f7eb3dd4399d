/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Run-time helpers of the second part of Advanced SIMD (helper-simd2.c:
 * integer; helper-fp2.c: floating point), called by translate-simd2.c.
 * Like helper-simd.h's, each helper takes env and one i32 descriptor
 * built with arm_simd_desc() (rd, rn, rm, size, Q, U, opcode, scalar,
 * extra), reads its sources from env->vregs, computes the whole result
 * and then writes V<d> (so Vd may be a source).  Saturating forms set
 * FPSR.QC; FP forms use env->fp_status and its sticky flags.
 *
 * The translator validates the (U, size, opcode, Q, scalar) combination
 * before calling; helpers trust the descriptor.
 * Spec: Arm ARM DDI 0487, C4.1.95 (encodings), C7.2 (each instruction's
 * pseudocode), J1 (SatQ, FPRecipEstimate, FPRSqrtEstimate, SHA*).
 */
#ifndef TARGET_ARM_HELPER_SIMD2_H
#define TARGET_ARM_HELPER_SIMD2_H

#include "helper-simd.h"
#include "util/bitops.h"

/* ---- 128-bit vector values and their elements (helpers only) ---------- */

typedef struct ArmVec {
    uint64_t d[2];              /* d[0] bits 63:0, d[1] bits 127:64 */
} ArmVec;

static inline ArmVec arm_vec_get(const CPUARMState *env, unsigned r)
{
    ArmVec v = { { env->vregs[r & 31][0], env->vregs[r & 31][1] } };
    return v;
}

/* All ones in the low 8 << @sz bits (@sz 0..3). */
static inline uint64_t arm_vec_mask(unsigned sz)
{
    return sz >= 3 ? UINT64_MAX : (UINT64_C(1) << (8u << sz)) - 1;
}

/* Element @i of 2^@sz bytes, zero-extended. */
static inline uint64_t arm_vec_elem(const ArmVec *v, unsigned i,
                                    unsigned sz)
{
    unsigned bit = i << (sz + 3);

    return (v->d[bit >> 6] >> (bit & 63)) & arm_vec_mask(sz);
}

/* Element @i of 2^@sz bytes, sign-extended. */
static inline int64_t arm_vec_selem(const ArmVec *v, unsigned i,
                                    unsigned sz)
{
    unsigned sh = 64 - (8u << sz);

    return (int64_t)(arm_vec_elem(v, i, sz) << sh) >> sh;
}

static inline void arm_vec_set(ArmVec *v, unsigned i, unsigned sz,
                               uint64_t x)
{
    unsigned bit = i << (sz + 3);
    uint64_t m = arm_vec_mask(sz) << (bit & 63);

    v->d[bit >> 6] = (v->d[bit >> 6] & ~m) | ((x << (bit & 63)) & m);
}

/* Write V@r = @v keeping only its low @bytes (16, 8 or one element's
   size), the rest zeroed. */
static inline void arm_vec_put(CPUARMState *env, unsigned r, const ArmVec *v,
                               unsigned bytes)
{
    env->vregs[r][0] = bytes >= 8 ? v->d[0]
                                  : v->d[0] & arm_vec_mask(ctz32(bytes));
    env->vregs[r][1] = bytes == 16 ? v->d[1] : 0;
}

/* ---- integer helpers (helper-simd2.c) ---------------------------------- */

/*
 * Three different (op = opcode 15:12; Q selects the upper source halves,
 * and for ADDHN-likes the upper destination half); scalar forms are the
 * SQDML{A,S}L/SQDMULL ones.
 */
extern const TCGHelperInfo arm_helper_simd_3diff;
/*
 * Integer x indexed element: op = opcode 15:12 with U, size 1 (H) or 2
 * (S), rm = the full register number, x = the element index.
 */
extern const TCGHelperInfo arm_helper_simd_elem;
/*
 * Three same, the opcodes translate-simd.c does not do: 0x09 [SU]QSHL,
 * 0x0a [SU]RSHL, 0x0b [SU]QRSHL (by register), 0x16 SQDMULH/SQRDMULH.
 */
extern const TCGHelperInfo arm_helper_simd_3same2;
/*
 * Two-register misc: 0x03 SUQADD/USQADD, 0x07 SQABS/SQNEG, 0x12 (U=1)
 * SQXTUN, 0x13 (U=1) SHLL, 0x14 SQXTN/UQXTN (size = narrow size).
 */
extern const TCGHelperInfo arm_helper_simd_2misc2;
/*
 * Shift by immediate: 0x0c SQSHLU, 0x0e SQSHL/UQSHL (x = left shift),
 * 0x10/0x11 (U=0) SHRN/RSHRN, (U=1) SQSHRUN/SQRSHRUN, 0x12/0x13
 * [SU]Q[R]SHRN (x = right shift 1..esize; size = the narrow size).
 */
extern const TCGHelperInfo arm_helper_simd_shift2;
/*
 * SHA1/SHA256 (FEAT_SHA1, FEAT_SHA256): op 0..6 the three-register
 * opcodes (SHA1C, SHA1P, SHA1M, SHA1SU0, SHA256H, SHA256H2, SHA256SU1),
 * op 8 + the two-register opcode (SHA1H, SHA1SU1, SHA256SU0).
 */
#define ARM_SHA_2REG 8
extern const TCGHelperInfo arm_helper_simd_sha;
/*
 * SHA512 (FEAT_SHA512) on 64-bit lanes: op 0 SHA512H, 1 SHA512H2,
 * 2 SHA512SU1 (V<d>, V<n>, V<m>), ARM_SHA512SU0 SHA512SU0 (V<d>, V<n>).
 * The SHA3 instructions are IR (translate-simd2.c).
 */
#define ARM_SHA512SU0 4
extern const TCGHelperInfo arm_helper_simd_sha512;

/* ---- floating-point helpers (helper-fp2.c) ----------------------------- */

/*
 * Descriptor size = fsz of the lanes (2 single, 3 double); for the
 * conversions fsz of the wider side.  x carries the 'a' bit (size<1>).
 *
 * arm_helper_simd_fp3b: three same FMULX (U=0 a=0 0x1b), FRECPS (U=0 a=0
 * 0x1f), FRSQRTS (U=0 a=1 0x1f), vector and scalar.
 * arm_helper_simd_fp2b: two-register misc FRECPE, FRSQRTE (0x1d, a=1),
 * URECPE, URSQRTE (0x1c, a=1, fsz 2), FRECPX (U=0 a=1 0x1f), FCVTN/
 * FCVTXN (0x16) and FCVTL (0x17).
 * arm_helper_simd_fpelem: FMLA (op 1), FMLS (5), FMUL (9), FMULX (U=1, 9)
 * by element, x = index.
 * arm_helper_simd_fppair: scalar FMAXNMP/FMINNMP (0x0c), FADDP (0x0d),
 * FMAXP/FMINP (0x0f); x = a.
 */
extern const TCGHelperInfo arm_helper_simd_fp3b;
extern const TCGHelperInfo arm_helper_simd_fp2b;
extern const TCGHelperInfo arm_helper_simd_fpelem;
extern const TCGHelperInfo arm_helper_simd_fppair;
/* SCVTF/UCVTF (op 0x1c), FCVTZS/FCVTZU (op 0x1f) by immediate (shift by
   immediate group): x = the number of fraction bits, 1..esize. */
extern const TCGHelperInfo arm_helper_simd_fpfixed;

#endif
