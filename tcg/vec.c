/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Env-memory vector ops: the builder (argument checks and the aliasing
 * invariant), the host instruction-set probe the x86-64 JIT selects its
 * sequences with, and the value semantics the interpreter runs (the JIT
 * emits SSE/AVX2 code with the same results, tcg/x86_64/vec.c).
 *
 * A vector op reads its sources and writes its destination directly in
 * the CPU state, at constant byte offsets from env; element i of a
 * vector of 2^vece-byte elements is the host-order integer at byte
 * offset i << vece (hemu's hosts are little-endian, which is the A64
 * V-register layout too).  Sources are read completely before the
 * destination is written, so any operand may overlap any other.
 *
 * Invariant: a vector op never touches the bytes of a registered global.
 * The JIT may keep globals in host registers across ops; vector ops do
 * not sync them, so an overlap would read stale values or be overwritten
 * later.  tcg_gen_vec_op() asserts it (debug builds).
 * Spec: docs/devel/tcg.md "Vector operations".
 */
#include "tcg/tcg.h"
#include "tcg/tcg-op.h"
#include "util/bitops.h"
#include "internal.h"

#if defined(__x86_64__)
#include <cpuid.h>
#endif

static TCGVecIsa probe_host_isa(void)
{
#if defined(__x86_64__)
    unsigned a, b, c, d;
    unsigned need41 = bit_SSSE3 | bit_SSE4_1 | bit_SSE4_2;
    uint32_t lo, hi;
    uint64_t xcr0;

    if (!__get_cpuid(1, &a, &b, &c, &d) || (c & need41) != need41) {
        return TCG_VEC_ISA_SSE2;
    }
    /* AVX2 needs the OS to save YMM state (OSXSAVE, XCR0 bits 1-2). */
    if (!(c & bit_OSXSAVE) || !(c & bit_AVX)) {
        return TCG_VEC_ISA_SSE41;
    }
    __asm__("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
    xcr0 = (uint64_t)hi << 32 | lo;
    if ((xcr0 & 6) != 6 || !__get_cpuid_count(7, 0, &a, &b, &c, &d) ||
        !(b & bit_AVX2)) {
        return TCG_VEC_ISA_SSE41;
    }
    return TCG_VEC_ISA_AVX2;
#else
    return TCG_VEC_ISA_SSE2;
#endif
}

TCGVecIsa tcg_vec_host_isa(void)
{
    /* Process-wide and immutable once probed: a host fact, not state. */
    static gsize isa;

    if (g_once_init_enter(&isa)) {
        g_once_init_leave(&isa, (gsize)probe_host_isa());
    }
    return (TCGVecIsa)isa;
}

const char *tcg_vec_isa_name(TCGVecIsa isa)
{
    static const char *const names[TCG_VEC_ISA_COUNT] = {
        "auto", "sse2", "sse4.1", "avx2",
    };

    return isa < TCG_VEC_ISA_COUNT ? names[isa] : "?";
}

/* ---- the builder ---- */

static unsigned vec_nb_srcs(TCGOpcode opc)
{
    switch (opc) {
    case INDEX_op_dup_vec:
        return 0;
    case INDEX_op_mov_vec: case INDEX_op_not_vec: case INDEX_op_neg_vec:
    case INDEX_op_abs_vec: case INDEX_op_cmpz_vec: case INDEX_op_shli_vec:
    case INDEX_op_shri_vec: case INDEX_op_sari_vec:
        return 1;
    case INDEX_op_bitsel_vec:
        return 3;
    default:
        return 2;
    }
}

#ifndef NDEBUG
/* True if [ofs, ofs + len) overlaps no global of @s. */
static bool vec_range_clear(TCGContext *s, ptrdiff_t ofs, unsigned len)
{
    for (unsigned i = 1; i < s->nb_globals; i++) {
        const TCGTemp *g = &s->temps[i];
        ptrdiff_t gsz = g->type == TCG_TYPE_I64 ? 8 : 4;

        if (ofs < g->mem_offset + gsz && g->mem_offset < ofs + (ptrdiff_t)len) {
            return false;
        }
    }
    return true;
}
#endif

void tcg_gen_vec_op(TCGContext *s, TCGOpcode opc, TCGv_i64 scalar,
                    const TCGArg vargs[TCG_VEC_NB_ARGS])
{
    unsigned oprsz = vargs[TCG_VEC_ARG_OPRSZ];
    unsigned maxsz = vargs[TCG_VEC_ARG_MAXSZ];
    unsigned vece = vargs[TCG_VEC_ARG_VECE];
    unsigned imm = vargs[TCG_VEC_ARG_IMM];
    TCGOp *op;
    unsigned n = 0;

    /* All of these are hemu's own choices (frontend code), not input. */
    assert(tcg_op_defs[opc].flags & TCG_OPF_VECTOR);
    assert((oprsz == 8 || oprsz == 16) && (maxsz == 8 || maxsz == 16) &&
           maxsz >= oprsz && vece <= 3);
    assert((opc != INDEX_op_shli_vec && opc != INDEX_op_shri_vec &&
            opc != INDEX_op_sari_vec) || imm < (8u << vece));
    assert((opc != INDEX_op_cmp_vec && opc != INDEX_op_cmpz_vec) ||
           (imm >= TCG_COND_EQ && imm < TCG_COND_COUNT));
    assert(opc != INDEX_op_mul_vec || vece <= 2);
    assert((opc == INDEX_op_dup_vec) == (scalar != NULL));
#ifndef NDEBUG
    assert(vec_range_clear(s, vargs[TCG_VEC_ARG_DOFS], maxsz));
    for (unsigned i = 0; i < vec_nb_srcs(opc); i++) {
        assert(vec_range_clear(s, vargs[TCG_VEC_ARG_AOFS + i], oprsz));
    }
#endif
    op = tcg_op_new(s, opc);
    if (scalar) {
        op->args[n++] = tcgv_i64_arg(scalar);
    }
    for (unsigned i = 0; i < TCG_VEC_NB_ARGS; i++) {
        op->args[n++] = vargs[i];
    }
}

/* ---- value semantics (the interpreter) ---- */

static uint64_t elem_get(const uint8_t *v, unsigned i, unsigned vece)
{
    uint8_t b;
    uint16_t h;
    uint32_t w;
    uint64_t d;

    switch (vece) {
    case 0:
        memcpy(&b, v + i, 1);
        return b;
    case 1:
        memcpy(&h, v + i * 2, 2);
        return h;
    case 2:
        memcpy(&w, v + i * 4, 4);
        return w;
    default:
        memcpy(&d, v + i * 8, 8);
        return d;
    }
}

static void elem_set(uint8_t *v, unsigned i, unsigned vece, uint64_t x)
{
    uint8_t b = x;
    uint16_t h = x;
    uint32_t w = x;

    switch (vece) {
    case 0:
        memcpy(v + i, &b, 1);
        break;
    case 1:
        memcpy(v + i * 2, &h, 2);
        break;
    case 2:
        memcpy(v + i * 4, &w, 4);
        break;
    default:
        memcpy(v + i * 8, &x, 8);
        break;
    }
}

/* One element: @a, @b, @c zero-extended; @bits the element width. */
static uint64_t vec_elem(TCGOpcode opc, uint64_t a, uint64_t b, uint64_t c,
                         unsigned bits, unsigned imm)
{
    int64_t sa = sextract64(a, 0, bits), sb = sextract64(b, 0, bits);

    switch (opc) {
    case INDEX_op_mov_vec: return a;
    case INDEX_op_add_vec: return a + b;
    case INDEX_op_sub_vec: return a - b;
    case INDEX_op_mul_vec: return a * b;
    case INDEX_op_and_vec: return a & b;
    case INDEX_op_or_vec: return a | b;
    case INDEX_op_xor_vec: return a ^ b;
    case INDEX_op_andc_vec: return a & ~b;
    case INDEX_op_orc_vec: return a | ~b;
    case INDEX_op_not_vec: return ~a;
    case INDEX_op_neg_vec: return -a;
    case INDEX_op_abs_vec: return sa < 0 ? -a : a;
    case INDEX_op_smin_vec: return sa < sb ? a : b;
    case INDEX_op_smax_vec: return sa > sb ? a : b;
    case INDEX_op_umin_vec: return a < b ? a : b;
    case INDEX_op_umax_vec: return a > b ? a : b;
    case INDEX_op_cmp_vec:
        /* sign extension keeps both the signed and the unsigned order */
        return tcg_eval_cond(imm, sa, sb, true) ? ~UINT64_C(0) : 0;
    case INDEX_op_cmpz_vec:
        return tcg_eval_cond(imm, sa, 0, true) ? ~UINT64_C(0) : 0;
    case INDEX_op_shli_vec: return a << imm;
    case INDEX_op_shri_vec: return a >> imm;
    case INDEX_op_sari_vec: return (uint64_t)(sa >> imm);
    case INDEX_op_bitsel_vec: return (a & b) | (~a & c);
    default:
        g_assert_not_reached();
    }
}

void tcg_vec_eval(void *env, TCGOpcode opc, const TCGArg *vargs,
                  uint64_t scalar)
{
    uint8_t *base = env;
    unsigned oprsz = vargs[TCG_VEC_ARG_OPRSZ];
    unsigned maxsz = vargs[TCG_VEC_ARG_MAXSZ];
    unsigned vece = vargs[TCG_VEC_ARG_VECE];
    unsigned imm = vargs[TCG_VEC_ARG_IMM];
    unsigned nsrc = vec_nb_srcs(opc), bits = 8u << vece;
    uint8_t src[3][16], res[16] = { 0 };

    for (unsigned k = 0; k < nsrc; k++) {
        memcpy(src[k], base + (ptrdiff_t)vargs[TCG_VEC_ARG_AOFS + k], oprsz);
    }
    for (unsigned i = 0; i < oprsz >> vece; i++) {
        uint64_t a = opc == INDEX_op_dup_vec ? scalar
                                             : elem_get(src[0], i, vece);
        uint64_t b = nsrc > 1 ? elem_get(src[1], i, vece) : 0;
        uint64_t c = nsrc > 2 ? elem_get(src[2], i, vece) : 0;

        elem_set(res, i, vece, opc == INDEX_op_dup_vec
                 ? a : vec_elem(opc, a, b, c, bits, imm));
    }
    memcpy(base + (ptrdiff_t)vargs[TCG_VEC_ARG_DOFS], res, maxsz);
}
