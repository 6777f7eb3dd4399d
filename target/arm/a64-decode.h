/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A64 decode context and the hooks the generated decoder calls: feature
 * predicates, computed fields (bitmask immediates, move-wide values,
 * bitfield alias operands).  Private to target/arm/ and to the decode
 * check tool; everything is static inline so each user of the generated
 * decoder gets its own copy and no symbol leaks into the one link.
 *
 * Spec: Arm ARM (DDI 0487), C4 "A64 Instruction Set Encoding" and the
 * shared pseudocode DecodeBitMasks() and MoveWidePreferred() (J1).
 */
#ifndef TARGET_ARM_A64_DECODE_H
#define TARGET_ARM_A64_DECODE_H

#include "hemu/osdep.h"
#include "util/bitops.h"
#include "disas.h"

/* Instruction classes by op0 (bits 28:25), Arm ARM C4.1 table C4-1. */
typedef enum A64Class {
    A64_CLASS_NONE,      /* reserved, SME, SVE, unallocated: not decoded */
    A64_CLASS_DPIMM,     /* 100x: data processing (immediate) */
    A64_CLASS_BRANCH,    /* 101x: branches, exception generation, system */
    A64_CLASS_LDST,      /* x1x0: loads and stores */
    A64_CLASS_DPREG,     /* x101: data processing (register) */
    A64_CLASS_SIMD,      /* x111: SIMD and floating point (not decoded) */
} A64Class;

static inline A64Class a64_insn_class(uint32_t insn)
{
    unsigned op0 = extract32(insn, 25, 4);

    if ((op0 & 0xe) == 0x8) {
        return A64_CLASS_DPIMM;
    }
    if ((op0 & 0xe) == 0xa) {
        return A64_CLASS_BRANCH;
    }
    if ((op0 & 0x5) == 0x4) {
        return A64_CLASS_LDST;
    }
    if ((op0 & 0x7) == 0x5) {
        return A64_CLASS_DPREG;
    }
    if ((op0 & 0x7) == 0x7) {
        return A64_CLASS_SIMD;
    }
    return A64_CLASS_NONE;
}

/*
 * What the decoder and disassembler need to know about the instruction
 * being looked at.  The translator will use its own DisasContext with
 * the same hook names; this one serves disassembly and tests.
 */
typedef struct A64DisasContext {
    uint64_t pc;          /* guest virtual address of the instruction */
    uint32_t features;    /* A64_FEAT_* enabled on this CPU model */
    const char *pattern;  /* tool only: name of the pattern decoded */
} A64DisasContext;

/*
 * The context type the generated decoder passes to the hooks below: the
 * disassembler's A64DisasContext unless the includer (the translator)
 * defines A64_DECODE_CTX to its own type, which must have a `features`
 * member holding A64_FEAT_* bits.
 */
#ifndef A64_DECODE_CTX
#define A64_DECODE_CTX A64DisasContext
#endif

static inline bool dc_feature_crc32(A64_DECODE_CTX *ctx)
{
    return ctx->features & A64_FEAT_CRC32;
}

static inline bool dc_feature_lse(A64_DECODE_CTX *ctx)
{
    return ctx->features & A64_FEAT_LSE;
}

static inline bool dc_feature_pauth(A64_DECODE_CTX *ctx)
{
    return ctx->features & A64_FEAT_PAUTH;
}

static inline bool dc_feature_bti(A64_DECODE_CTX *ctx)
{
    return ctx->features & A64_FEAT_BTI;
}

/* Width in bits of the register the sf bit (31) selects. */
static inline int a64_regsize(uint32_t insn)
{
    return extract32(insn, 31, 1) ? 64 : 32;
}

/*
 * Computed fields: register numbers with the sf bit (31) as bit 5, so
 * one pattern serves the W and X forms and the disassembler can print
 * wN or xN from the member alone.
 */
static inline int64_t a64_sRd(A64_DECODE_CTX *ctx, uint32_t insn)
{
    return extract32(insn, 31, 1) << 5 | extract32(insn, 0, 5);
}

static inline int64_t a64_sRn(A64_DECODE_CTX *ctx, uint32_t insn)
{
    return extract32(insn, 31, 1) << 5 | extract32(insn, 5, 5);
}

static inline int64_t a64_sRm(A64_DECODE_CTX *ctx, uint32_t insn)
{
    return extract32(insn, 31, 1) << 5 | extract32(insn, 16, 5);
}

static inline int64_t a64_sRa(A64_DECODE_CTX *ctx, uint32_t insn)
{
    return extract32(insn, 31, 1) << 5 | extract32(insn, 10, 5);
}

/*
 * Computed field: shifted-register operand, shift type (bits 23:22) << 6
 * | imm6 (bits 15:10).  Types: 0 LSL, 1 LSR, 2 ASR, 3 ROR.
 */
static inline int64_t a64_shift(A64_DECODE_CTX *ctx, uint32_t insn)
{
    return extract32(insn, 22, 2) << 6 | extract32(insn, 10, 6);
}

/*
 * Shifted-register operands that exist: a 32-bit form (rd bit 5 clear)
 * cannot shift by 32 or more, and add/subtract has no ROR.
 */
static inline bool a64_shift_ok(int64_t rd, int64_t shift, bool ror_ok)
{
    if (!(rd & 32) && (shift & 32)) {
        return false;
    }
    return ror_ok || (shift >> 6) != 3;
}

/*
 * Computed field: extended-register operand of ADD/SUB (extended):
 * option (15:13) << 3 | imm3 (12:10), plus bit 6 when the manual prefers
 * "LSL" for it (C6.2.5): option is UXTW/UXTX for the register width and
 * Rd (ADD/SUB only) or Rn is SP.
 */
static inline int64_t a64_ext(A64_DECODE_CTX *ctx, uint32_t insn)
{
    unsigned option = extract32(insn, 13, 3);
    bool sp = extract32(insn, 5, 5) == 31 ||
              (!extract32(insn, 29, 1) && extract32(insn, 0, 5) == 31);
    bool lsl = sp && option == (extract32(insn, 31, 1) ? 3u : 2u);

    return lsl << 6 | option << 3 | extract32(insn, 10, 3);
}

/* Computed field: Rm of ADD/SUB (extended), bit 5 set for an X register. */
static inline int64_t a64_ext_rm(A64_DECODE_CTX *ctx, uint32_t insn)
{
    bool x = extract32(insn, 31, 1) && (extract32(insn, 13, 2) == 3);

    return x << 5 | extract32(insn, 16, 5);
}

/*
 * DecodeBitMasks(N, imms, immr, immediate=TRUE) for the logical
 * (immediate) class, register width from sf.  Returns false for the
 * reserved encodings (no element size, or an all-ones element).
 */
static inline bool a64_bitmask_decode(uint32_t insn, uint64_t *wmask)
{
    unsigned n = extract32(insn, 22, 1);
    unsigned immr = extract32(insn, 16, 6);
    unsigned imms = extract32(insn, 10, 6);
    int len = 31 - clz32((n << 6) | (~imms & 0x3f));
    unsigned levels, s, r, esize;
    uint64_t welem;
    int i;

    if (len < 1) {
        return false;
    }
    levels = (1u << len) - 1;
    if ((imms & levels) == levels) {
        return false;
    }
    s = imms & levels;
    r = immr & levels;
    esize = 1u << len;
    welem = (1ull << (s + 1)) - 1;     /* s + 1 < esize <= 64 */
    if (r) {
        welem = (welem >> r) | (welem << (esize - r));
    }
    if (esize < 64) {
        welem &= (1ull << esize) - 1;
    }
    *wmask = 0;
    for (i = 0; i < a64_regsize(insn); i += esize) {
        *wmask |= welem << i;
    }
    return true;
}

/* Computed field: the logical immediate (0 when reserved). */
static inline int64_t a64_bimm(A64_DECODE_CTX *ctx, uint32_t insn)
{
    uint64_t m = 0;

    a64_bitmask_decode(insn, &m);
    return (int64_t)m;
}

/* Computed field: 1 when N:immr:imms is a valid bitmask immediate. */
static inline int64_t a64_bimm_ok(A64_DECODE_CTX *ctx, uint32_t insn)
{
    uint64_t m;

    return a64_bitmask_decode(insn, &m);
}

/* True when @v, of @width bits, has its set bits in one aligned halfword. */
static inline bool a64_in_one_halfword(uint64_t v, int width)
{
    int i;

    if (width == 32) {
        v &= 0xffffffffull;
    }
    for (i = 0; i < width; i += 16) {
        if ((v & ~(0xffffull << i)) == 0) {
            return true;
        }
    }
    return false;
}

/*
 * Computed field: 1 when ORR (immediate) with Rn = ZR is shown as MOV,
 * i.e. not MoveWidePreferred(): neither MOVZ nor MOVN can build the value.
 */
static inline int64_t a64_orr_is_mov(A64_DECODE_CTX *ctx, uint32_t insn)
{
    int width = a64_regsize(insn);
    uint64_t v;

    if (!a64_bitmask_decode(insn, &v)) {
        return false;
    }
    return !a64_in_one_halfword(v, width) && !a64_in_one_halfword(~v, width);
}

/* Computed field: MOVZ's value, imm16 << (hw * 16), as the register. */
static inline int64_t a64_movz_val(A64_DECODE_CTX *ctx, uint32_t insn)
{
    int shift = 16 * extract32(insn, 21, 2);
    uint64_t v = (uint64_t)extract32(insn, 5, 16) << shift;

    return a64_regsize(insn) == 64 ? (int64_t)v : (int64_t)(int32_t)v;
}

/* Computed field: MOVN's value, NOT(imm16 << (hw * 16)). */
static inline int64_t a64_movn_val(A64_DECODE_CTX *ctx, uint32_t insn)
{
    int shift = 16 * extract32(insn, 21, 2);
    uint64_t v = ~((uint64_t)extract32(insn, 5, 16) << shift);

    return a64_regsize(insn) == 64 ? (int64_t)v : (int64_t)(int32_t)v;
}

/* Computed field: LSL alias of UBFM: shift = regsize - 1 - imms. */
static inline int64_t a64_bfm_shl(A64_DECODE_CTX *ctx, uint32_t insn)
{
    return a64_regsize(insn) - 1 - extract32(insn, 10, 6);
}

/* Computed field: insert aliases (BFI, SBFIZ, UBFIZ): -immr MOD size. */
static inline int64_t a64_bfm_ilsb(A64_DECODE_CTX *ctx, uint32_t insn)
{
    int size = a64_regsize(insn);

    return (size - extract32(insn, 16, 6)) & (size - 1);
}

/* Computed field: insert aliases (BFI, SBFIZ, UBFIZ): width = imms + 1. */
static inline int64_t a64_bfm_iwidth(A64_DECODE_CTX *ctx, uint32_t insn)
{
    return extract32(insn, 10, 6) + 1;
}

/* Computed field: extract aliases (BFXIL, SBFX, UBFX): imms - immr + 1. */
static inline int64_t a64_bfm_xwidth(A64_DECODE_CTX *ctx, uint32_t insn)
{
    return (int64_t)extract32(insn, 10, 6) - extract32(insn, 16, 6) + 1;
}

/* Load/store register forms, for a64_ls_ok(). */
enum {
    A64_LS_INDEX = 0,     /* post/pre-index, unprivileged: no PRFM */
    A64_LS_PRFM_OK = 1,   /* unscaled, register, unsigned offset */
};

/* Computed field: load/store register selector, size << 2 | opc. */
static inline int64_t a64_ls_op(A64_DECODE_CTX *ctx, uint32_t insn)
{
    return extract32(insn, 30, 2) << 2 | extract32(insn, 22, 2);
}

/*
 * Whether a load/store register size:opc exists in a form: opc = 11
 * (load signed to W) exists only for bytes and halfwords, and size:opc =
 * 11:10 is PRFM, which the index and unprivileged forms lack.
 */
static inline bool a64_ls_ok(int64_t op, int form)
{
    if (op == 11 || op == 15) {
        return false;
    }
    return op != 14 || form == A64_LS_PRFM_OK;
}

/*
 * Computed field: Rt of a load/store register, bit 5 set for an X
 * register (size 11, or a signed load to X), bit 6 set when Rt is a
 * PRFM prefetch operation instead.
 */
static inline int64_t a64_ls_rt(A64_DECODE_CTX *ctx, uint32_t insn)
{
    unsigned size = extract32(insn, 30, 2), opc = extract32(insn, 22, 2);
    bool x = opc == 2 || (size == 3 && opc < 2);
    bool prfm = size == 3 && opc == 2;

    return prfm << 6 | x << 5 | extract32(insn, 0, 5);
}

/* Computed field: unsigned offset in bytes, imm12 << size. */
static inline int64_t a64_ls_uimm(A64_DECODE_CTX *ctx, uint32_t insn)
{
    return (int64_t)extract32(insn, 10, 12) << extract32(insn, 30, 2);
}

/*
 * Computed field: register offset, size << 9 | S << 8 | option << 5 | Rm
 * (option 010 UXTW, 011 LSL, 110 SXTW, 111 SXTX; the shift is size).
 */
static inline int64_t a64_ls_regoff(A64_DECODE_CTX *ctx, uint32_t insn)
{
    return extract32(insn, 30, 2) << 9 | extract32(insn, 12, 1) << 8 |
           extract32(insn, 13, 3) << 5 | extract32(insn, 16, 5);
}

/*
 * Computed field: RPRFM operation, option<2>:option<0>:S:Rt<2:0> of the
 * PRFM (register) encodings with Rt<4:3> = 11 and option<1> = 1.
 */
static inline int64_t a64_rprfop(A64_DECODE_CTX *ctx, uint32_t insn)
{
    return extract32(insn, 15, 1) << 5 | extract32(insn, 13, 1) << 4 |
           extract32(insn, 12, 1) << 3 | extract32(insn, 0, 3);
}

/* Computed field: load/store pair selector, opc << 1 | L. */
static inline int64_t a64_pair_op(A64_DECODE_CTX *ctx, uint32_t insn)
{
    return extract32(insn, 30, 2) << 1 | extract32(insn, 22, 1);
}

/*
 * Whether a pair selector exists: STP/LDP of W (0, 1) and X (4, 5)
 * registers, and LDPSW (3) except in the non-temporal form.
 */
static inline bool a64_pair_ok(int64_t op, bool nontemporal)
{
    return op == 0 || op == 1 || op == 4 || op == 5 ||
           (op == 3 && !nontemporal);
}

/* Whether a pair moves X registers (opc = 10, or LDPSW). */
static inline bool a64_pair_x(uint32_t insn)
{
    return extract32(insn, 31, 1) ||
           (extract32(insn, 30, 1) && extract32(insn, 22, 1));
}

/* Computed fields: Rt and Rt2 of a pair, bit 5 set for X registers. */
static inline int64_t a64_pair_rt(A64_DECODE_CTX *ctx, uint32_t insn)
{
    return a64_pair_x(insn) << 5 | extract32(insn, 0, 5);
}

static inline int64_t a64_pair_rt2(A64_DECODE_CTX *ctx, uint32_t insn)
{
    return a64_pair_x(insn) << 5 | extract32(insn, 10, 5);
}

/* Computed field: pair offset in bytes, imm7 scaled by 4 or 8 (opc<1>). */
static inline int64_t a64_pair_imm(A64_DECODE_CTX *ctx, uint32_t insn)
{
    /* A multiply: shifting a negative value left is undefined in C. */
    return (int64_t)sextract32(insn, 15, 7) * (4 << extract32(insn, 31, 1));
}

/* Computed fields: Rt/Rs of exclusives and atomics, X when size = 11. */
static inline int64_t a64_sz_rt(A64_DECODE_CTX *ctx, uint32_t insn)
{
    return (extract32(insn, 30, 2) == 3) << 5 | extract32(insn, 0, 5);
}

static inline int64_t a64_sz_rs(A64_DECODE_CTX *ctx, uint32_t insn)
{
    return (extract32(insn, 30, 2) == 3) << 5 | extract32(insn, 16, 5);
}

/* Computed fields: registers of exclusive pairs and CASP, X when bit 30. */
static inline int64_t a64_b30_rt(A64_DECODE_CTX *ctx, uint32_t insn)
{
    return extract32(insn, 30, 1) << 5 | extract32(insn, 0, 5);
}

static inline int64_t a64_b30_rt2(A64_DECODE_CTX *ctx, uint32_t insn)
{
    return extract32(insn, 30, 1) << 5 | extract32(insn, 10, 5);
}

static inline int64_t a64_b30_rs(A64_DECODE_CTX *ctx, uint32_t insn)
{
    return extract32(insn, 30, 1) << 5 | extract32(insn, 16, 5);
}

#endif
