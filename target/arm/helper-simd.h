/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Run-time helpers of the Advanced SIMD integer, AES and PMULL
 * instructions (helper-simd.c), called by translate-simd.c.  Each helper
 * takes env and one i32 descriptor naming the registers and the
 * operation, reads its sources from env->vregs, computes the whole
 * result first and then writes V<d> (so Vd may be a source), clearing
 * bits 127:64 for the 64-bit forms and bits above the element for the
 * scalar forms.  The saturating forms set FPSR.QC (env->cp.fpsr).
 *
 * The translator asks the *_valid() functions at translation time which
 * (U, size, opcode, Q, scalar) combinations exist, so the table of what
 * is implemented lives in one place; the others are UNDEFINED.
 * Spec: Arm ARM DDI 0487, C4.1.95 (encodings), C7.2 (the instructions).
 */
#ifndef TARGET_ARM_HELPER_SIMD_H
#define TARGET_ARM_HELPER_SIMD_H

#include "internals.h"
#include "tcg/tcg.h"

/*
 * The common descriptor: rd [4:0], rn [9:5], rm [14:10], size [16:15]
 * (log2 bytes of the element), Q [17], U [18], opcode [23:19], scalar
 * [24], and an extra operand [31:25] (shift amount, EXT index, TBL
 * length/TBX, permute opcode).
 */
static inline uint32_t arm_simd_desc(unsigned rd, unsigned rn, unsigned rm,
                                     unsigned size, bool q, bool u,
                                     unsigned op, bool scalar, unsigned x)
{
    return (rd & 31) | (rn & 31) << 5 | (rm & 31) << 10 | (size & 3) << 15 |
           (unsigned)q << 17 | (unsigned)u << 18 | (op & 31) << 19 |
           (unsigned)scalar << 24 | (x & 127) << 25;
}

/* Is this "three same" integer form implemented (and allocated)? */
bool arm_simd_3same_valid(bool u, unsigned size, unsigned op, bool q,
                          bool scalar);
/* Is this "two-register misc" integer form implemented? */
bool arm_simd_2misc_valid(bool u, unsigned size, unsigned op, bool q,
                          bool scalar);
/* Is this "across lanes" form implemented? */
bool arm_simd_across_valid(bool u, unsigned size, unsigned op, bool q);
/* Is this "shift by immediate" form implemented (@size from immh)? */
bool arm_simd_shift_valid(bool u, unsigned size, unsigned op, bool q,
                          bool scalar);

/* Each: (env, i32 desc) -> void. */
extern const TCGHelperInfo arm_helper_simd_3same;
extern const TCGHelperInfo arm_helper_simd_2misc;
extern const TCGHelperInfo arm_helper_simd_across;
/* x = shift amount (right shifts: 1..esize; left: 0..esize-1). */
extern const TCGHelperInfo arm_helper_simd_shift;
/* op = permute opcode (ZIP/UZP/TRN), or 0 with x = EXT's index. */
extern const TCGHelperInfo arm_helper_simd_perm;
/* x = len (number of table registers - 1) | TBX << 2. */
extern const TCGHelperInfo arm_helper_simd_tbl;

/*
 * AES (FEAT_AES: op 0 AESE, 1 AESD, 2 AESMC, 3 AESIMC on V<d>, V<n>)
 * and PMULL{2} (op ARM_SIMD_PMULL; size 0: 8 x 8 -> 16 bits per lane,
 * size 3: 64 x 64 -> 128 bits, FEAT_PMULL; Q selects the upper halves).
 * Is the form present on this CPU?  (env, i32 desc) -> void.
 */
#define ARM_SIMD_PMULL 4
bool arm_simd_crypto_valid(const CPUARMState *env, unsigned op,
                           unsigned size);
extern const TCGHelperInfo arm_helper_simd_crypto;

#endif
