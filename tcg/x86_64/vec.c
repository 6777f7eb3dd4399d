/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * x86-64 JIT code for the env-memory vector ops (tcg/vec.c has their
 * semantics): load the sources from [RBP + offset] into XMM0..XMM3,
 * operate, store the result (zeroing up to maxsz).  The register
 * allocator never sees these registers: nothing lives in an XMM register
 * between ops, and helpers may clobber them (all caller-saved).  R11 is
 * the scratch GPR for constants.
 *
 * Sequences by instruction set (s->vec_isa, probed once per process):
 * SSE2 is always there; SSE4.1 (with SSSE3/SSE4.2) adds the 8/32-bit
 * min/max, pmulld, pabs*, pcmpeqq/pcmpgtq and pshufb; AVX2 adds the
 * vpbroadcast* used by dup (guest vectors are at most 128 bits, so the
 * 256-bit forms have nothing to do).  What no level has (64-bit min/max
 * and abs, 8-bit shifts and multiply, 64-bit arithmetic shift, unsigned
 * compares) is emulated with the identities noted at each sequence.
 * Unaligned accesses only (movdqu/movq loads into registers, never a
 * 16-byte memory operand of a legacy SSE op, which would need
 * alignment).  Spec: Intel SDM vol. 2 (instruction encodings, VEX).
 */
#include "regalloc.h"

/* Prefix, opcode map and REX.W above the opcode byte. */
#define P66 (1u << 8)
#define PF3 (2u << 8)
#define PF2 (3u << 8)
#define M38 (1u << 10)      /* 0F 38 map */
#define VW (1u << 12)       /* REX.W (movq xmm, r64) */

enum { X0, X1, X2, X3 };

enum {
    PADD = 0xfc | P66,      /* + vece: b, w, d; q is D4 */
    PSUB = 0xf8 | P66,      /* + vece: b, w, d, q */
    PADDQ = 0xd4 | P66,
    PMULLW = 0xd5 | P66,
    PMULUDQ = 0xf4 | P66,
    PMULLD = 0x40 | P66 | M38,
    PAND = 0xdb | P66,
    PANDN = 0xdf | P66,
    POR = 0xeb | P66,
    PXOR = 0xef | P66,
    PCMPEQ = 0x74 | P66,    /* + vece: b, w, d */
    PCMPEQQ = 0x29 | P66 | M38,
    PCMPGT = 0x64 | P66,    /* + vece: b, w, d */
    PCMPGTQ = 0x37 | P66 | M38,
    PABS = 0x1c | P66 | M38, /* + vece: b, w, d */
    PSHUFB = 0x00 | P66 | M38,
    PSHUFD = 0x70 | P66,
    PSHUFLW = 0x70 | PF2,
    PUNPCKLBW = 0x60 | P66,
    PUNPCKLDQ = 0x62 | P66,
    PUNPCKLQDQ = 0x6c | P66,
    PSHIFT_W = 0x71 | P66,  /* + vece - 1: w, d, q; ModRM.reg below */
    MOVDQA = 0x6f | P66,    /* register copies only */
    MOVDQU_LD = 0x6f | PF3,
    MOVDQU_ST = 0x7f | PF3,
    MOVQ_LD = 0x7e | PF3,   /* also xmm <- xmm, zeroing bits 127:64 */
    MOVQ_ST = 0xd6 | P66,
    MOVQ_FROM_GPR = 0x6e | P66 | VW,
};
enum { SH_SRL = 2, SH_SRA = 4, SH_SLL = 6 };

static void sse_head(TCGContext *s, unsigned op, int r, int rm)
{
    static const uint8_t pfx[4] = { 0, 0x66, 0xf3, 0xf2 };
    int rex = ((op & VW) ? 8 : 0) | (r & 8) >> 1 | (rm & 8) >> 3;

    if ((op >> 8) & 3) {
        emit8(s, pfx[(op >> 8) & 3]);
    }
    if (rex) {
        emit8(s, 0x40 | rex);
    }
    emit8(s, 0x0f);
    if (op & M38) {
        emit8(s, 0x38);
    }
    emit8(s, op & 0xff);
}

/* op r, rm (registers) */
static void sse_rr(TCGContext *s, unsigned op, int r, int rm)
{
    sse_head(s, op, r, rm);
    emit8(s, 0xc0 | (r & 7) << 3 | (rm & 7));
}

/* op r, [rbp + disp32] */
static void sse_env(TCGContext *s, unsigned op, int r, int32_t disp)
{
    sse_head(s, op, r, RBP);
    emit8(s, 0x80 | (r & 7) << 3 | (RBP & 7));
    emit32(s, disp);
}

static void sse_rri(TCGContext *s, unsigned op, int r, int rm, uint8_t imm)
{
    sse_rr(s, op, r, rm);
    emit8(s, imm);
}

/* psll/psrl/psra of 16/32/64-bit lanes (vece 1..3) by @imm */
static void sse_shift(TCGContext *s, int ext, unsigned vece, int x,
                      unsigned imm)
{
    sse_rri(s, PSHIFT_W + vece - 1, ext, x, imm);
}

static void vld(TCGContext *s, int x, int32_t ofs, unsigned oprsz)
{
    sse_env(s, oprsz == 8 ? MOVQ_LD : MOVDQU_LD, x, ofs);
}

static void vst(TCGContext *s, int x, int32_t ofs, unsigned oprsz,
                unsigned maxsz)
{
    if (oprsz == 8 && maxsz == 8) {
        sse_env(s, MOVQ_ST, x, ofs);
        return;
    }
    if (oprsz == 8) {
        sse_rr(s, MOVQ_LD, x, x);           /* zero bits 127:64 */
    }
    sse_env(s, MOVDQU_ST, x, ofs);
}

static void ones(TCGContext *s, int x)
{
    sse_rr(s, PCMPEQ, x, x);
}

static void zero(TCGContext *s, int x)
{
    sse_rr(s, PXOR, x, x);
}

/* @x = the 64-bit pattern @v in both halves */
static void splat64(TCGContext *s, int x, uint64_t v)
{
    jit_movi(s, R11, v);
    sse_rr(s, MOVQ_FROM_GPR, x, R11);
    sse_rr(s, PUNPCKLQDQ, x, x);
}

/* The 64-bit pattern repeating the low 8 << vece bits of @v. */
static uint64_t rep64(unsigned vece, uint64_t v)
{
    static const uint64_t rep[4] = {
        0x0101010101010101ull, 0x0001000100010001ull,
        0x0000000100000001ull, 1,
    };

    return (vece < 3 ? v & ((1ull << (8u << vece)) - 1) : v) * rep[vece];
}

/* Broadcast each 64-bit lane's sign to all its bits (x86 lacks psraq). */
static void sign64(TCGContext *s, int x)
{
    sse_shift(s, SH_SRA, 2, x, 31);
    sse_rri(s, PSHUFD, x, x, 0xf5);         /* dwords 1,1,3,3 */
}

/* X0 = X0 == X1 per element (clobbers X1) */
static void emit_eq(TCGContext *s, TCGVecIsa isa, unsigned vece)
{
    if (vece < 3) {
        sse_rr(s, PCMPEQ + vece, X0, X1);
    } else if (isa >= TCG_VEC_ISA_SSE41) {
        sse_rr(s, PCMPEQQ, X0, X1);
    } else {
        /* both 32-bit halves equal */
        sse_rr(s, PCMPEQ + 2, X0, X1);
        sse_rri(s, PSHUFD, X1, X0, 0xb1);   /* swap dword pairs */
        sse_rr(s, PAND, X0, X1);
    }
}

/* X0 = X0 > X1 signed per element (clobbers X1..X3) */
static void emit_gt(TCGContext *s, TCGVecIsa isa, unsigned vece)
{
    if (vece < 3) {
        sse_rr(s, PCMPGT + vece, X0, X1);
    } else if (isa >= TCG_VEC_ISA_SSE41) {
        sse_rr(s, PCMPGTQ, X0, X1);
    } else {
        /*
         * Hacker's Delight 2-12: y < x is the sign of
         * d ^ ((y ^ x) & (d ^ y)) with d = y - x; here x = a, y = b.
         */
        sse_rr(s, MOVDQA, X2, X1);
        sse_rr(s, PSUB + 3, X2, X0);        /* X2 = d = b - a */
        sse_rr(s, MOVDQA, X3, X1);
        sse_rr(s, PXOR, X3, X0);            /* X3 = b ^ a */
        sse_rr(s, MOVDQA, X0, X2);
        sse_rr(s, PXOR, X0, X1);            /* X0 = d ^ b */
        sse_rr(s, PAND, X0, X3);
        sse_rr(s, PXOR, X0, X2);
        sign64(s, X0);
    }
}

/*
 * X0 = cond(a, b) ? ones : 0, b from @bofs or zero (@bofs < 0).
 * LT/LE/GE (and unsigned) swap the operands or invert GT; unsigned
 * compares bias both operands by the sign bit first.
 */
static void emit_cmp(TCGContext *s, TCGVecIsa isa, TCGCond c, unsigned vece,
                     int32_t aofs, int32_t bofs, bool bzero, unsigned oprsz)
{
    bool swap = false, inv = false, uns = false;
    int xa, xb;

    switch (c) {
    case TCG_COND_NE: inv = true; break;
    case TCG_COND_TSTEQ: break;
    case TCG_COND_TSTNE: inv = true; break;
    case TCG_COND_LT: swap = true; break;
    case TCG_COND_GE: swap = true; inv = true; break;
    case TCG_COND_LE: inv = true; break;
    case TCG_COND_LTU: swap = true; uns = true; break;
    case TCG_COND_GEU: swap = true; inv = true; uns = true; break;
    case TCG_COND_LEU: inv = true; uns = true; break;
    case TCG_COND_GTU: uns = true; break;
    default: break;
    }
    xa = swap ? X1 : X0;
    xb = swap ? X0 : X1;
    vld(s, xa, aofs, oprsz);
    if (bzero) {
        zero(s, xb);
    } else {
        vld(s, xb, bofs, oprsz);
    }
    if (c == TCG_COND_TSTEQ || c == TCG_COND_TSTNE) {
        sse_rr(s, PAND, X0, X1);
        zero(s, X1);
        emit_eq(s, isa, vece);
    } else if (c == TCG_COND_EQ || c == TCG_COND_NE) {
        emit_eq(s, isa, vece);
    } else {
        if (uns) {
            splat64(s, X2, rep64(vece, 1ull << ((8u << vece) - 1)));
            sse_rr(s, PXOR, X0, X2);
            sse_rr(s, PXOR, X1, X2);
        }
        emit_gt(s, isa, vece);
    }
    if (inv) {
        ones(s, X1);
        sse_rr(s, PXOR, X0, X1);
    }
}

/* The native min/max opcode for (op, vece) at @isa, or 0. */
static unsigned minmax_native(TCGOpcode opc, unsigned vece, TCGVecIsa isa)
{
    bool s41 = isa >= TCG_VEC_ISA_SSE41;

    switch (opc) {
    case INDEX_op_umin_vec:
        return vece == 0 ? 0xda | P66 : vece < 3 && s41 ? (0x39 + vece) |
               P66 | M38 : 0;
    case INDEX_op_umax_vec:
        return vece == 0 ? 0xde | P66 : vece < 3 && s41 ? (0x3d + vece) |
               P66 | M38 : 0;
    case INDEX_op_smin_vec:
        return vece == 1 ? 0xea | P66 : vece == 0 && s41 ? 0x38 | P66 | M38
               : vece == 2 && s41 ? 0x39 | P66 | M38 : 0;
    default:
        return vece == 1 ? 0xee | P66 : vece == 0 && s41 ? 0x3c | P66 | M38
               : vece == 2 && s41 ? 0x3d | P66 | M38 : 0;
    }
}

/* X0 = min/max(a, b); without a native op: a ^ ((a > b) & (a ^ b)) etc. */
static void emit_minmax(TCGContext *s, TCGVecIsa isa, TCGOpcode opc,
                        unsigned vece, int32_t aofs, int32_t bofs,
                        unsigned oprsz)
{
    unsigned native = minmax_native(opc, vece, isa);
    bool uns = opc == INDEX_op_umin_vec || opc == INDEX_op_umax_vec;
    bool min = opc == INDEX_op_umin_vec || opc == INDEX_op_smin_vec;

    if (native) {
        vld(s, X0, aofs, oprsz);
        vld(s, X1, bofs, oprsz);
        sse_rr(s, native, X0, X1);
        return;
    }
    emit_cmp(s, isa, uns ? TCG_COND_GTU : TCG_COND_GT, vece, aofs, bofs,
             false, oprsz);                 /* X0 = a > b */
    vld(s, X1, min ? aofs : bofs, oprsz);   /* the result when not a > b */
    vld(s, X2, aofs, oprsz);
    vld(s, X3, bofs, oprsz);
    sse_rr(s, PXOR, X2, X3);
    sse_rr(s, PAND, X2, X0);
    sse_rr(s, PXOR, X1, X2);                /* swap where a > b */
    sse_rr(s, MOVDQA, X0, X1);
}

static void emit_abs(TCGContext *s, TCGVecIsa isa, unsigned vece)
{
    if (vece < 3 && isa >= TCG_VEC_ISA_SSE41) {
        sse_rr(s, PABS + vece, X0, X0);
        return;
    }
    /* m = a < 0 ? -1 : 0; |a| = (a ^ m) - m */
    if (vece < 3) {
        zero(s, X1);
        sse_rr(s, PCMPGT + vece, X1, X0);
    } else {
        sse_rr(s, MOVDQA, X1, X0);
        sign64(s, X1);
    }
    sse_rr(s, PXOR, X0, X1);
    sse_rr(s, PSUB + vece, X0, X1);
}

/* X0 = X0 * X1 per element, vece 0..2 (clobbers X1..X3) */
static void emit_mul(TCGContext *s, TCGVecIsa isa, unsigned vece)
{
    if (vece == 1) {
        sse_rr(s, PMULLW, X0, X1);
    } else if (vece == 2 && isa >= TCG_VEC_ISA_SSE41) {
        sse_rr(s, PMULLD, X0, X1);
    } else if (vece == 2) {
        /* even and odd lanes with pmuludq, then interleave the lows */
        sse_rr(s, MOVDQA, X2, X0);
        sse_rr(s, MOVDQA, X3, X1);
        sse_rr(s, PMULUDQ, X0, X1);
        sse_shift(s, SH_SRL, 3, X2, 32);
        sse_shift(s, SH_SRL, 3, X3, 32);
        sse_rr(s, PMULUDQ, X2, X3);
        sse_rri(s, PSHUFD, X0, X0, 0x08);
        sse_rri(s, PSHUFD, X2, X2, 0x08);
        sse_rr(s, PUNPCKLDQ, X0, X2);
    } else {
        /* bytes: low byte of each word's product, and of the high bytes */
        sse_rr(s, MOVDQA, X2, X0);
        sse_rr(s, MOVDQA, X3, X1);
        sse_rr(s, PMULLW, X0, X1);
        sse_shift(s, SH_SRL, 1, X2, 8);
        sse_shift(s, SH_SRL, 1, X3, 8);
        sse_rr(s, PMULLW, X2, X3);
        sse_shift(s, SH_SLL, 1, X2, 8);
        ones(s, X1);
        sse_shift(s, SH_SRL, 1, X1, 8);
        sse_rr(s, PAND, X0, X1);
        sse_rr(s, POR, X0, X2);
    }
}

/* X0 = X0 shifted by @sh per element */
static void emit_shift(TCGContext *s, TCGOpcode opc, unsigned vece,
                       unsigned sh)
{
    unsigned bits = 8u << vece;

    if (opc == INDEX_op_shli_vec) {
        sse_shift(s, SH_SLL, vece ? vece : 1, X0, sh);
        if (vece == 0) {                    /* drop bits from the next byte */
            splat64(s, X1, rep64(0, 0xffu << sh));
            sse_rr(s, PAND, X0, X1);
        }
        return;
    }
    if (opc == INDEX_op_sari_vec && (vece == 1 || vece == 2)) {
        sse_shift(s, SH_SRA, vece, X0, sh);
        return;
    }
    sse_shift(s, SH_SRL, vece ? vece : 1, X0, sh);
    if (vece == 0) {
        splat64(s, X1, rep64(0, 0xffu >> sh));
        sse_rr(s, PAND, X0, X1);
    }
    if (opc == INDEX_op_sari_vec) {
        /* sign-extend from bit bits-1-sh: (u ^ m) - m, m that bit */
        splat64(s, X1, rep64(vece, 1ull << (bits - 1 - sh)));
        sse_rr(s, PXOR, X0, X1);
        sse_rr(s, PSUB + vece, X0, X1);
    }
}

/* X0 = the element in the low bits of GPR @r (or constant), replicated */
static void emit_dup(JitState *j, TCGOp *op, TCGVecIsa isa, unsigned vece)
{
    TCGContext *s = j->s;
    TCGTemp *t = arg_temp(op->args[0]);
    int r;

    if (temp_is_const(t)) {
        splat64(s, X0, rep64(vece, t->val));
        return;
    }
    r = jit_temp_load(j, t, jit_regs_all);
    sse_rr(s, MOVQ_FROM_GPR, X0, r);
    if (isa >= TCG_VEC_ISA_AVX2) {
        /* VEX.128.66.0F38.W0 78+: vpbroadcastb/w (78, 79), d/q (58, 59) */
        emit8(s, 0xc4);
        emit8(s, 0xe2);
        emit8(s, 0x79);
        emit8(s, (vece < 2 ? 0x78 : 0x56) + vece);
        emit8(s, 0xc0);
        return;
    }
    switch (vece) {
    case 0:
        if (isa >= TCG_VEC_ISA_SSE41) {
            zero(s, X1);
            sse_rr(s, PSHUFB, X0, X1);
            return;
        }
        sse_rr(s, PUNPCKLBW, X0, X0);
        /* fall through */
    case 1:
        sse_rri(s, PSHUFLW, X0, X0, 0);
        sse_rr(s, PUNPCKLQDQ, X0, X0);
        break;
    case 2:
        sse_rri(s, PSHUFD, X0, X0, 0);
        break;
    default:
        sse_rr(s, PUNPCKLQDQ, X0, X0);
        break;
    }
}

/* X0 = the result of the plain two-operand ops */
static void emit_logic_arith(TCGContext *s, TCGVecIsa isa, TCGOpcode opc,
                             unsigned vece, int32_t aofs, int32_t bofs,
                             unsigned oprsz)
{
    switch (opc) {
    case INDEX_op_andc_vec:                 /* ~b & a */
    case INDEX_op_orc_vec:
        vld(s, X0, bofs, oprsz);
        vld(s, X1, aofs, oprsz);
        if (opc == INDEX_op_andc_vec) {
            sse_rr(s, PANDN, X0, X1);
        } else {
            ones(s, X2);
            sse_rr(s, PXOR, X0, X2);
            sse_rr(s, POR, X0, X1);
        }
        return;
    default:
        break;
    }
    vld(s, X0, aofs, oprsz);
    vld(s, X1, bofs, oprsz);
    switch (opc) {
    case INDEX_op_add_vec:
        sse_rr(s, vece == 3 ? PADDQ : PADD + vece, X0, X1);
        break;
    case INDEX_op_sub_vec:
        sse_rr(s, PSUB + vece, X0, X1);
        break;
    case INDEX_op_and_vec:
        sse_rr(s, PAND, X0, X1);
        break;
    case INDEX_op_or_vec:
        sse_rr(s, POR, X0, X1);
        break;
    case INDEX_op_xor_vec:
        sse_rr(s, PXOR, X0, X1);
        break;
    case INDEX_op_mul_vec:
        emit_mul(s, isa, vece);
        break;
    default:
        g_assert_not_reached();
    }
}

void jit_gen_vec(JitState *j, TCGOp *op)
{
    TCGContext *s = j->s;
    TCGVecIsa isa = s->vec_isa;
    unsigned ni = op_nb_iargs(op);
    const TCGArg *v = &op->args[ni];
    int32_t dofs = v[TCG_VEC_ARG_DOFS], aofs = v[TCG_VEC_ARG_AOFS];
    int32_t bofs = v[TCG_VEC_ARG_BOFS], cofs = v[TCG_VEC_ARG_COFS];
    unsigned oprsz = v[TCG_VEC_ARG_OPRSZ], maxsz = v[TCG_VEC_ARG_MAXSZ];
    unsigned vece = v[TCG_VEC_ARG_VECE], imm = v[TCG_VEC_ARG_IMM];
    TCGOpcode opc = op->opc;

    switch (opc) {
    case INDEX_op_dup_vec:
        emit_dup(j, op, isa, vece);
        break;
    case INDEX_op_mov_vec:
        vld(s, X0, aofs, oprsz);
        break;
    case INDEX_op_not_vec:
        vld(s, X0, aofs, oprsz);
        ones(s, X1);
        sse_rr(s, PXOR, X0, X1);
        break;
    case INDEX_op_neg_vec:
        vld(s, X1, aofs, oprsz);
        zero(s, X0);
        sse_rr(s, PSUB + vece, X0, X1);
        break;
    case INDEX_op_abs_vec:
        vld(s, X0, aofs, oprsz);
        emit_abs(s, isa, vece);
        break;
    case INDEX_op_shli_vec: case INDEX_op_shri_vec: case INDEX_op_sari_vec:
        vld(s, X0, aofs, oprsz);
        emit_shift(s, opc, vece, imm);
        break;
    case INDEX_op_cmp_vec: case INDEX_op_cmpz_vec:
        emit_cmp(s, isa, imm, vece, aofs, bofs, opc == INDEX_op_cmpz_vec,
                 oprsz);
        break;
    case INDEX_op_smin_vec: case INDEX_op_smax_vec:
    case INDEX_op_umin_vec: case INDEX_op_umax_vec:
        emit_minmax(s, isa, opc, vece, aofs, bofs, oprsz);
        break;
    case INDEX_op_bitsel_vec:               /* c ^ (a & (b ^ c)) */
        vld(s, X0, bofs, oprsz);
        vld(s, X1, cofs, oprsz);
        vld(s, X2, aofs, oprsz);
        sse_rr(s, PXOR, X0, X1);
        sse_rr(s, PAND, X0, X2);
        sse_rr(s, PXOR, X0, X1);
        break;
    default:
        emit_logic_arith(s, isa, opc, vece, aofs, bofs, oprsz);
        break;
    }
    vst(s, X0, dofs, oprsz, maxsz);
    j->locked = 0;
    if (ni && (op->life & TCG_LIFE_DEAD(0))) {
        jit_temp_dead(j, arg_temp(op->args[0]));
    }
}
