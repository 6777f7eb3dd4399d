/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * What the A64 SIMD&FP translators share: translate-simd.c (the entry
 * point a64_translate_simd(), the access trap, moves, permutes, vector
 * arithmetic; a64-simd.isa), translate-simd-ldst.c (SIMD&FP loads and
 * stores; a64-simdls.isa) and translate-fp.c (scalar floating point;
 * a64-fp.isa).
 *
 * The vector registers are not IR globals: V<n> is env->vregs[n][0]
 * (bits 63:0) and env->vregs[n][1] (bits 127:64), read and written with
 * host loads/stores at fixed env offsets, so helpers may also access
 * them through env (such helpers read nothing the IR caches).
 * Every instruction of the class first calls a64_fp_access_check():
 * with FP/SIMD disabled (CPACR/CPTR, TB_FLAG_FPEN clear) it raises the
 * EC 0x07 trap instead.
 * Spec: Arm ARM DDI 0487, C3.5/C4.1.95 (SIMD&FP encodings), D1.10 / the
 * pseudocode CheckFPAdvSIMDEnabled64 (the access trap).
 */
#ifndef TARGET_ARM_TRANSLATE_SIMD_H
#define TARGET_ARM_TRANSLATE_SIMD_H

#include "translate.h"

/* The env offset of 64-bit half @half (0: bits 63:0) of V@reg. */
static inline ptrdiff_t a64_vreg_off(unsigned reg, unsigned half)
{
    return offsetof(CPUARMState, vregs) + (reg & 31) * 16 + half * 8;
}

/*
 * The FP/SIMD access check of every instruction of the class: returns
 * true when the instruction may go on; otherwise generates the EC 0x07
 * trap (to EL1, EL2 or EL3 as CPACR_EL1/CPTR_EL2/CPTR_EL3 say, decided
 * at run time) and returns false: the caller returns true (handled).
 */
bool a64_fp_access_check(DisasContext *s);

/* A new temp with 64-bit half @half of V@reg. */
TCGv_i64 a64_read_vreg(DisasContext *s, unsigned reg, unsigned half);
/* Write half @half of V@reg. */
void a64_write_vreg(DisasContext *s, unsigned reg, unsigned half,
                    TCGv_i64 v);
/*
 * A new temp with the low 2^@fsz bytes of V@reg (a scalar FP or element
 * 0), zero-extended; @fsz 0..3.
 */
TCGv_i64 a64_read_fp(DisasContext *s, unsigned reg, unsigned fsz);
/*
 * Write a scalar of 2^@fsz bytes (@fsz 0..3) to V@reg, zeroing bits
 * 127:8<<fsz (the scalar forms clear the rest of the vector).
 */
void a64_write_fp(DisasContext *s, unsigned reg, unsigned fsz, TCGv_i64 v);
/* Zero bits 127:64 of V@reg (results of 64-bit vector forms). */
void a64_clear_high(DisasContext *s, unsigned reg);

/* A new temp with element @idx (of 2^@sz bytes) of V@reg, zero- or
   (@sign) sign-extended. */
TCGv_i64 a64_read_elem(DisasContext *s, unsigned reg, unsigned idx,
                       unsigned sz, bool sign);
/* Element @idx of V@reg = the low bits of @v; the other elements stay. */
void a64_write_elem(DisasContext *s, unsigned reg, unsigned idx,
                    unsigned sz, TCGv_i64 v);
/* Fill V@reg with copies of the element of 2^@sz bytes in @v's low
   bits: all 128 bits for @q, else the low 64 (the rest zeroed). */
void a64_gen_dup(DisasContext *s, unsigned reg, unsigned sz, bool q,
                 TCGv_i64 v);

/*
 * translate-simd-vec.c: the integer forms done with IR vector ops.  Each
 * takes the decoded fields of an encoding translate-simd.c has already
 * checked (and the access check done) and returns false, having
 * generated nothing, for the forms it leaves to the helpers.
 */
bool a64_vec_3same(DisasContext *s, bool u, unsigned size, unsigned op,
                   bool q, bool scalar, unsigned rd, unsigned rn,
                   unsigned rm);
bool a64_vec_2misc(DisasContext *s, bool u, unsigned size, unsigned op,
                   bool q, bool scalar, unsigned rd, unsigned rn);
/* @sh as the instruction means it: left 0..esize-1, right 1..esize. */
bool a64_vec_shift_imm(DisasContext *s, bool u, unsigned size, unsigned op,
                       bool q, bool scalar, unsigned rd, unsigned rn,
                       unsigned sh);

/* The scalar FP class (translate-fp.c): false when not one of its
   instructions (the caller then tries the others). */
bool a64_translate_fp(DisasContext *s, uint32_t insn);
/* SIMD&FP loads and stores (translate-simd-ldst.c), V = 1 words of the
   load/store class. */
bool a64_translate_simdls(DisasContext *s, uint32_t insn);
/* The second part of Advanced SIMD (translate-simd2.c, a64-simd2.isa):
   false, with no code generated, for the words it does not own; tried
   before a64-simd.isa's decoder. */
bool a64_translate_simd2(DisasContext *s, uint32_t insn);

#endif
