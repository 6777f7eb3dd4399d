/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * IR builders: one inline function per op and width, plus convenience
 * forms (immediate operands, zero/sign extensions) that expand to the
 * core ops.  Every builder takes the TCGContext first, then the outputs,
 * then the inputs, then constant arguments.  Semantics of every op (total:
 * no input makes the host trap) are in docs/devel/tcg.md.
 */
#ifndef TCG_TCG_OP_H
#define TCG_TCG_OP_H

#include "tcg/tcg.h"

static inline TCGArg tcgv_i32_arg(TCGv_i32 v)
{
    return (TCGArg)(uintptr_t)v;
}

static inline TCGArg tcgv_i64_arg(TCGv_i64 v)
{
    return (TCGArg)(uintptr_t)v;
}

static inline TCGArg tcgv_ptr_arg(TCGv_ptr v)
{
    return (TCGArg)(uintptr_t)v;
}

static inline TCGArg tcg_label_arg(TCGLabel *l)
{
    return (TCGArg)(uintptr_t)l;
}

/* A pointer temp is an i64 temp on the 64-bit hosts hemu supports. */
static inline TCGv_i64 tcgv_ptr_as_i64(TCGv_ptr v)
{
    return (TCGv_i64)(void *)v;
}

/* ret = op(a, b) and ret = op(a, imm) for both widths */
#define TCG_BUILD_BIN(name)                                                  \
static inline void tcg_gen_##name##_i32(TCGContext *s, TCGv_i32 r,           \
                                        TCGv_i32 a, TCGv_i32 b)              \
{                                                                            \
    tcg_gen_op3(s, INDEX_op_##name##_i32, tcgv_i32_arg(r), tcgv_i32_arg(a),  \
                tcgv_i32_arg(b));                                            \
}                                                                            \
static inline void tcg_gen_##name##i_i32(TCGContext *s, TCGv_i32 r,          \
                                         TCGv_i32 a, int32_t b)              \
{                                                                            \
    tcg_gen_##name##_i32(s, r, a, tcg_constant_i32(s, b));                   \
}                                                                            \
static inline void tcg_gen_##name##_i64(TCGContext *s, TCGv_i64 r,           \
                                        TCGv_i64 a, TCGv_i64 b)              \
{                                                                            \
    tcg_gen_op3(s, INDEX_op_##name##_i64, tcgv_i64_arg(r), tcgv_i64_arg(a),  \
                tcgv_i64_arg(b));                                            \
}                                                                            \
static inline void tcg_gen_##name##i_i64(TCGContext *s, TCGv_i64 r,          \
                                         TCGv_i64 a, int64_t b)              \
{                                                                            \
    tcg_gen_##name##_i64(s, r, a, tcg_constant_i64(s, b));                   \
}

TCG_BUILD_BIN(add)
TCG_BUILD_BIN(sub)
TCG_BUILD_BIN(mul)
TCG_BUILD_BIN(div)
TCG_BUILD_BIN(divu)
TCG_BUILD_BIN(rem)
TCG_BUILD_BIN(remu)
TCG_BUILD_BIN(and)
TCG_BUILD_BIN(or)
TCG_BUILD_BIN(xor)
TCG_BUILD_BIN(andc)
TCG_BUILD_BIN(orc)
TCG_BUILD_BIN(nand)
TCG_BUILD_BIN(nor)
TCG_BUILD_BIN(eqv)
TCG_BUILD_BIN(shl)
TCG_BUILD_BIN(shr)
TCG_BUILD_BIN(sar)
TCG_BUILD_BIN(rotl)
TCG_BUILD_BIN(rotr)

/* ret = op(a) */
#define TCG_BUILD_UN(name)                                                   \
static inline void tcg_gen_##name##_i32(TCGContext *s, TCGv_i32 r,           \
                                        TCGv_i32 a)                          \
{                                                                            \
    tcg_gen_op2(s, INDEX_op_##name##_i32, tcgv_i32_arg(r), tcgv_i32_arg(a)); \
}                                                                            \
static inline void tcg_gen_##name##_i64(TCGContext *s, TCGv_i64 r,           \
                                        TCGv_i64 a)                          \
{                                                                            \
    tcg_gen_op2(s, INDEX_op_##name##_i64, tcgv_i64_arg(r), tcgv_i64_arg(a)); \
}

TCG_BUILD_UN(mov)
TCG_BUILD_UN(neg)
TCG_BUILD_UN(not)
TCG_BUILD_UN(bswap16)
TCG_BUILD_UN(bswap32)
TCG_BUILD_UN(ctpop)

static inline void tcg_gen_bswap64_i64(TCGContext *s, TCGv_i64 r, TCGv_i64 a)
{
    tcg_gen_op2(s, INDEX_op_bswap64_i64, tcgv_i64_arg(r), tcgv_i64_arg(a));
}

static inline void tcg_gen_movi_i32(TCGContext *s, TCGv_i32 r, int32_t v)
{
    tcg_gen_mov_i32(s, r, tcg_constant_i32(s, v));
}

static inline void tcg_gen_movi_i64(TCGContext *s, TCGv_i64 r, int64_t v)
{
    tcg_gen_mov_i64(s, r, tcg_constant_i64(s, v));
}

/* clz/ctz r, a, z: z is the result when a is 0 */
TCG_BUILD_BIN(clz)
TCG_BUILD_BIN(ctz)

/* (rh:rl) = a * b, full unsigned or signed product */
static inline void tcg_gen_mulu2_i32(TCGContext *s, TCGv_i32 rl, TCGv_i32 rh,
                                     TCGv_i32 a, TCGv_i32 b)
{
    tcg_gen_op4(s, INDEX_op_mulu2_i32, tcgv_i32_arg(rl), tcgv_i32_arg(rh),
                tcgv_i32_arg(a), tcgv_i32_arg(b));
}

static inline void tcg_gen_muls2_i32(TCGContext *s, TCGv_i32 rl, TCGv_i32 rh,
                                     TCGv_i32 a, TCGv_i32 b)
{
    tcg_gen_op4(s, INDEX_op_muls2_i32, tcgv_i32_arg(rl), tcgv_i32_arg(rh),
                tcgv_i32_arg(a), tcgv_i32_arg(b));
}

static inline void tcg_gen_mulu2_i64(TCGContext *s, TCGv_i64 rl, TCGv_i64 rh,
                                     TCGv_i64 a, TCGv_i64 b)
{
    tcg_gen_op4(s, INDEX_op_mulu2_i64, tcgv_i64_arg(rl), tcgv_i64_arg(rh),
                tcgv_i64_arg(a), tcgv_i64_arg(b));
}

static inline void tcg_gen_muls2_i64(TCGContext *s, TCGv_i64 rl, TCGv_i64 rh,
                                     TCGv_i64 a, TCGv_i64 b)
{
    tcg_gen_op4(s, INDEX_op_muls2_i64, tcgv_i64_arg(rl), tcgv_i64_arg(rh),
                tcgv_i64_arg(a), tcgv_i64_arg(b));
}

/* Bit fields at constant positions: 0 <= pos, 0 < len <= width - pos. */
static inline void tcg_gen_extract_i32(TCGContext *s, TCGv_i32 r, TCGv_i32 a,
                                       unsigned pos, unsigned len)
{
    assert(len > 0 && len <= 32 && pos <= 32 - len);
    tcg_gen_op4(s, INDEX_op_extract_i32, tcgv_i32_arg(r), tcgv_i32_arg(a),
                pos, len);
}

static inline void tcg_gen_sextract_i32(TCGContext *s, TCGv_i32 r,
                                        TCGv_i32 a, unsigned pos,
                                        unsigned len)
{
    assert(len > 0 && len <= 32 && pos <= 32 - len);
    tcg_gen_op4(s, INDEX_op_sextract_i32, tcgv_i32_arg(r), tcgv_i32_arg(a),
                pos, len);
}

static inline void tcg_gen_extract_i64(TCGContext *s, TCGv_i64 r, TCGv_i64 a,
                                       unsigned pos, unsigned len)
{
    assert(len > 0 && len <= 64 && pos <= 64 - len);
    tcg_gen_op4(s, INDEX_op_extract_i64, tcgv_i64_arg(r), tcgv_i64_arg(a),
                pos, len);
}

static inline void tcg_gen_sextract_i64(TCGContext *s, TCGv_i64 r,
                                        TCGv_i64 a, unsigned pos,
                                        unsigned len)
{
    assert(len > 0 && len <= 64 && pos <= 64 - len);
    tcg_gen_op4(s, INDEX_op_sextract_i64, tcgv_i64_arg(r), tcgv_i64_arg(a),
                pos, len);
}

/* r = a with bits [pos, pos+len) replaced by the low bits of b */
static inline void tcg_gen_deposit_i32(TCGContext *s, TCGv_i32 r, TCGv_i32 a,
                                       TCGv_i32 b, unsigned pos,
                                       unsigned len)
{
    assert(len > 0 && len <= 32 && pos <= 32 - len);
    tcg_gen_op5(s, INDEX_op_deposit_i32, tcgv_i32_arg(r), tcgv_i32_arg(a),
                tcgv_i32_arg(b), pos, len);
}

static inline void tcg_gen_deposit_i64(TCGContext *s, TCGv_i64 r, TCGv_i64 a,
                                       TCGv_i64 b, unsigned pos,
                                       unsigned len)
{
    assert(len > 0 && len <= 64 && pos <= 64 - len);
    tcg_gen_op5(s, INDEX_op_deposit_i64, tcgv_i64_arg(r), tcgv_i64_arg(a),
                tcgv_i64_arg(b), pos, len);
}

/* Extensions within one width, expressed as (s)extract. */
static inline void tcg_gen_ext8s_i32(TCGContext *s, TCGv_i32 r, TCGv_i32 a)
{
    tcg_gen_sextract_i32(s, r, a, 0, 8);
}

static inline void tcg_gen_ext8u_i32(TCGContext *s, TCGv_i32 r, TCGv_i32 a)
{
    tcg_gen_extract_i32(s, r, a, 0, 8);
}

static inline void tcg_gen_ext16s_i32(TCGContext *s, TCGv_i32 r, TCGv_i32 a)
{
    tcg_gen_sextract_i32(s, r, a, 0, 16);
}

static inline void tcg_gen_ext16u_i32(TCGContext *s, TCGv_i32 r, TCGv_i32 a)
{
    tcg_gen_extract_i32(s, r, a, 0, 16);
}

static inline void tcg_gen_ext8s_i64(TCGContext *s, TCGv_i64 r, TCGv_i64 a)
{
    tcg_gen_sextract_i64(s, r, a, 0, 8);
}

static inline void tcg_gen_ext8u_i64(TCGContext *s, TCGv_i64 r, TCGv_i64 a)
{
    tcg_gen_extract_i64(s, r, a, 0, 8);
}

static inline void tcg_gen_ext16s_i64(TCGContext *s, TCGv_i64 r, TCGv_i64 a)
{
    tcg_gen_sextract_i64(s, r, a, 0, 16);
}

static inline void tcg_gen_ext16u_i64(TCGContext *s, TCGv_i64 r, TCGv_i64 a)
{
    tcg_gen_extract_i64(s, r, a, 0, 16);
}

static inline void tcg_gen_ext32s_i64(TCGContext *s, TCGv_i64 r, TCGv_i64 a)
{
    tcg_gen_sextract_i64(s, r, a, 0, 32);
}

static inline void tcg_gen_ext32u_i64(TCGContext *s, TCGv_i64 r, TCGv_i64 a)
{
    tcg_gen_extract_i64(s, r, a, 0, 32);
}

/* Between the widths. */
static inline void tcg_gen_extu_i32_i64(TCGContext *s, TCGv_i64 r,
                                        TCGv_i32 a)
{
    tcg_gen_op2(s, INDEX_op_extu_i32_i64, tcgv_i64_arg(r), tcgv_i32_arg(a));
}

static inline void tcg_gen_ext_i32_i64(TCGContext *s, TCGv_i64 r, TCGv_i32 a)
{
    tcg_gen_op2(s, INDEX_op_exts_i32_i64, tcgv_i64_arg(r), tcgv_i32_arg(a));
}

static inline void tcg_gen_extrl_i64_i32(TCGContext *s, TCGv_i32 r,
                                         TCGv_i64 a)
{
    tcg_gen_op2(s, INDEX_op_extrl_i64_i32, tcgv_i32_arg(r), tcgv_i64_arg(a));
}

static inline void tcg_gen_extrh_i64_i32(TCGContext *s, TCGv_i32 r,
                                         TCGv_i64 a)
{
    tcg_gen_op2(s, INDEX_op_extrh_i64_i32, tcgv_i32_arg(r), tcgv_i64_arg(a));
}

/* Comparisons: r = cond(a, b) ? 1 : 0; r = cond(c1, c2) ? v1 : v2. */
static inline void tcg_gen_setcond_i32(TCGContext *s, TCGCond c, TCGv_i32 r,
                                       TCGv_i32 a, TCGv_i32 b)
{
    tcg_gen_op4(s, INDEX_op_setcond_i32, tcgv_i32_arg(r), tcgv_i32_arg(a),
                tcgv_i32_arg(b), c);
}

static inline void tcg_gen_setcond_i64(TCGContext *s, TCGCond c, TCGv_i64 r,
                                       TCGv_i64 a, TCGv_i64 b)
{
    tcg_gen_op4(s, INDEX_op_setcond_i64, tcgv_i64_arg(r), tcgv_i64_arg(a),
                tcgv_i64_arg(b), c);
}

static inline void tcg_gen_movcond_i32(TCGContext *s, TCGCond c, TCGv_i32 r,
                                       TCGv_i32 c1, TCGv_i32 c2, TCGv_i32 v1,
                                       TCGv_i32 v2)
{
    tcg_gen_op6(s, INDEX_op_movcond_i32, tcgv_i32_arg(r), tcgv_i32_arg(c1),
                tcgv_i32_arg(c2), tcgv_i32_arg(v1), tcgv_i32_arg(v2), c);
}

static inline void tcg_gen_movcond_i64(TCGContext *s, TCGCond c, TCGv_i64 r,
                                       TCGv_i64 c1, TCGv_i64 c2, TCGv_i64 v1,
                                       TCGv_i64 v2)
{
    tcg_gen_op6(s, INDEX_op_movcond_i64, tcgv_i64_arg(r), tcgv_i64_arg(c1),
                tcgv_i64_arg(c2), tcgv_i64_arg(v1), tcgv_i64_arg(v2), c);
}

/* Control flow. */
static inline void tcg_gen_brcond_i32(TCGContext *s, TCGCond c, TCGv_i32 a,
                                      TCGv_i32 b, TCGLabel *l)
{
    tcg_gen_op4(s, INDEX_op_brcond_i32, tcgv_i32_arg(a), tcgv_i32_arg(b), c,
                tcg_label_arg(l));
}

static inline void tcg_gen_brcond_i64(TCGContext *s, TCGCond c, TCGv_i64 a,
                                      TCGv_i64 b, TCGLabel *l)
{
    tcg_gen_op4(s, INDEX_op_brcond_i64, tcgv_i64_arg(a), tcgv_i64_arg(b), c,
                tcg_label_arg(l));
}

static inline void tcg_gen_br(TCGContext *s, TCGLabel *l)
{
    tcg_gen_op1(s, INDEX_op_br, tcg_label_arg(l));
}

static inline void gen_set_label(TCGContext *s, TCGLabel *l)
{
    tcg_gen_op1(s, INDEX_op_set_label, tcg_label_arg(l));
}

/* Leave the TB returning @val to tcg_exec's caller (tcg-runtime.h). */
static inline void tcg_gen_exit_tb(TCGContext *s, uintptr_t val)
{
    tcg_gen_op1(s, INDEX_op_exit_tb, val);
}

/* Patchable direct jump slot @n (0 or 1); falls through until chained. */
static inline void tcg_gen_goto_tb(TCGContext *s, unsigned n)
{
    assert(n < 2);
    tcg_gen_op1(s, INDEX_op_goto_tb, n);
}

/* Jump to host code @ptr, or leave with 0 when @ptr is 0. */
static inline void tcg_gen_goto_ptr(TCGContext *s, TCGv_ptr ptr)
{
    tcg_gen_op1(s, INDEX_op_goto_ptr, tcgv_ptr_arg(ptr));
}

/* Start of a guest instruction with 1..3 words of frontend data. */
static inline void tcg_gen_insn_start(TCGContext *s, uint64_t d0,
                                      uint64_t d1, uint64_t d2)
{
    tcg_gen_op3(s, INDEX_op_insn_start, d0, d1, d2);
}

static inline void tcg_gen_mb(TCGContext *s, unsigned type)
{
    tcg_gen_op1(s, INDEX_op_mb, type);
}

/* Host memory: loads/stores at @base + @off (base usually tcg_env). */
#define TCG_BUILD_LDST(W, name)                                              \
static inline void tcg_gen_##name##_##W(TCGContext *s, TCGv_##W v,           \
                                        TCGv_ptr base, ptrdiff_t off)        \
{                                                                            \
    tcg_gen_op3(s, INDEX_op_##name##_##W, tcgv_##W##_arg(v),                 \
                tcgv_ptr_arg(base), (TCGArg)off);                            \
}

TCG_BUILD_LDST(i32, ld8u)
TCG_BUILD_LDST(i32, ld8s)
TCG_BUILD_LDST(i32, ld16u)
TCG_BUILD_LDST(i32, ld16s)
TCG_BUILD_LDST(i32, ld)
TCG_BUILD_LDST(i32, st8)
TCG_BUILD_LDST(i32, st16)
TCG_BUILD_LDST(i32, st)
TCG_BUILD_LDST(i64, ld8u)
TCG_BUILD_LDST(i64, ld8s)
TCG_BUILD_LDST(i64, ld16u)
TCG_BUILD_LDST(i64, ld16s)
TCG_BUILD_LDST(i64, ld32u)
TCG_BUILD_LDST(i64, ld32s)
TCG_BUILD_LDST(i64, ld)
TCG_BUILD_LDST(i64, st8)
TCG_BUILD_LDST(i64, st16)
TCG_BUILD_LDST(i64, st32)
TCG_BUILD_LDST(i64, st)

static inline void tcg_gen_ld_ptr(TCGContext *s, TCGv_ptr v, TCGv_ptr base,
                                  ptrdiff_t off)
{
    tcg_gen_ld_i64(s, tcgv_ptr_as_i64(v), base, off);
}

/*
 * Guest memory at virtual address @addr through the softmmu TLB of
 * @mmu_idx.  i32 loads take MO_8..MO_32; i64 loads MO_8..MO_64.
 */
static inline void tcg_gen_qemu_ld_i32(TCGContext *s, TCGv_i32 v,
                                       TCGv_i64 addr, unsigned mmu_idx,
                                       MemOp op)
{
    assert(memop_log2_size(op) <= MO_32);
    tcg_gen_op3(s, INDEX_op_qemu_ld_i32, tcgv_i32_arg(v), tcgv_i64_arg(addr),
                tcg_make_oi(op, mmu_idx));
}

static inline void tcg_gen_qemu_st_i32(TCGContext *s, TCGv_i32 v,
                                       TCGv_i64 addr, unsigned mmu_idx,
                                       MemOp op)
{
    assert(memop_log2_size(op) <= MO_32);
    tcg_gen_op3(s, INDEX_op_qemu_st_i32, tcgv_i32_arg(v), tcgv_i64_arg(addr),
                tcg_make_oi(op & ~MO_SIGN, mmu_idx));
}

static inline void tcg_gen_qemu_ld_i64(TCGContext *s, TCGv_i64 v,
                                       TCGv_i64 addr, unsigned mmu_idx,
                                       MemOp op)
{
    assert(memop_log2_size(op) <= MO_64);
    tcg_gen_op3(s, INDEX_op_qemu_ld_i64, tcgv_i64_arg(v), tcgv_i64_arg(addr),
                tcg_make_oi(op, mmu_idx));
}

static inline void tcg_gen_qemu_st_i64(TCGContext *s, TCGv_i64 v,
                                       TCGv_i64 addr, unsigned mmu_idx,
                                       MemOp op)
{
    assert(memop_log2_size(op) <= MO_64);
    tcg_gen_op3(s, INDEX_op_qemu_st_i64, tcgv_i64_arg(v), tcgv_i64_arg(addr),
                tcg_make_oi(op & ~MO_SIGN, mmu_idx));
}

/*
 * Env-memory vector ops (docs/devel/tcg.md "Vector operations"): the
 * operands are byte offsets from env, so no temps and no register
 * allocation are involved.  @vece is log2 of the element size in bytes
 * (MO_8..MO_64), @oprsz the bytes operated on (8 or 16), @maxsz the
 * bytes of the destination written (8 or 16, >= oprsz; the bytes past
 * oprsz are zeroed, as an A64 64-bit vector write clears bits 127:64).
 * The ranges must not overlap any registered global (asserted in debug
 * builds): the JIT caches globals in registers across vector ops.
 * Sources are read before the destination is written.
 */

/* Append vector op @opc with its TCG_VEC_ARG_* arguments; @scalar is
   dup_vec's input (NULL for every other op). */
void tcg_gen_vec_op(TCGContext *s, TCGOpcode opc, TCGv_i64 scalar,
                    const TCGArg vargs[TCG_VEC_NB_ARGS]);

static inline void tcg_gen_vec_gen(TCGContext *s, TCGOpcode opc,
                                   TCGv_i64 scalar, unsigned vece,
                                   ptrdiff_t dofs, ptrdiff_t aofs,
                                   ptrdiff_t bofs, ptrdiff_t cofs,
                                   unsigned oprsz, unsigned maxsz,
                                   unsigned imm)
{
    const TCGArg v[TCG_VEC_NB_ARGS] = {
        [TCG_VEC_ARG_DOFS] = (TCGArg)dofs, [TCG_VEC_ARG_AOFS] = (TCGArg)aofs,
        [TCG_VEC_ARG_BOFS] = (TCGArg)bofs, [TCG_VEC_ARG_COFS] = (TCGArg)cofs,
        [TCG_VEC_ARG_OPRSZ] = oprsz, [TCG_VEC_ARG_MAXSZ] = maxsz,
        [TCG_VEC_ARG_VECE] = vece, [TCG_VEC_ARG_IMM] = imm,
    };

    tcg_gen_vec_op(s, opc, scalar, v);
}

/* d[i] = op(a[i], b[i]); mul_vec takes vece MO_8..MO_32. */
#define TCG_BUILD_VEC2(name)                                                 \
static inline void tcg_gen_vec_##name(TCGContext *s, unsigned vece,          \
                                      ptrdiff_t dofs, ptrdiff_t aofs,        \
                                      ptrdiff_t bofs, unsigned oprsz,        \
                                      unsigned maxsz)                        \
{                                                                            \
    tcg_gen_vec_gen(s, INDEX_op_##name##_vec, NULL, vece, dofs, aofs, bofs,  \
                    0, oprsz, maxsz, 0);                                     \
}

TCG_BUILD_VEC2(add)
TCG_BUILD_VEC2(sub)
TCG_BUILD_VEC2(mul)
TCG_BUILD_VEC2(and)
TCG_BUILD_VEC2(or)
TCG_BUILD_VEC2(xor)
TCG_BUILD_VEC2(andc)
TCG_BUILD_VEC2(orc)
TCG_BUILD_VEC2(smin)
TCG_BUILD_VEC2(smax)
TCG_BUILD_VEC2(umin)
TCG_BUILD_VEC2(umax)

/* d[i] = op(a[i]) */
#define TCG_BUILD_VEC1(name)                                                 \
static inline void tcg_gen_vec_##name(TCGContext *s, unsigned vece,          \
                                      ptrdiff_t dofs, ptrdiff_t aofs,        \
                                      unsigned oprsz, unsigned maxsz)        \
{                                                                            \
    tcg_gen_vec_gen(s, INDEX_op_##name##_vec, NULL, vece, dofs, aofs, 0, 0,  \
                    oprsz, maxsz, 0);                                        \
}

TCG_BUILD_VEC1(mov)
TCG_BUILD_VEC1(not)
TCG_BUILD_VEC1(neg)
TCG_BUILD_VEC1(abs)

/* d[i] = a[i] << / >> (logical) / >> (arithmetic) @sh, 0 <= sh < 8 << vece */
#define TCG_BUILD_VECSH(name)                                                \
static inline void tcg_gen_vec_##name(TCGContext *s, unsigned vece,          \
                                      ptrdiff_t dofs, ptrdiff_t aofs,        \
                                      unsigned sh, unsigned oprsz,           \
                                      unsigned maxsz)                        \
{                                                                            \
    tcg_gen_vec_gen(s, INDEX_op_##name##_vec, NULL, vece, dofs, aofs, 0, 0,  \
                    oprsz, maxsz, sh);                                       \
}

TCG_BUILD_VECSH(shli)
TCG_BUILD_VECSH(shri)
TCG_BUILD_VECSH(sari)

#undef TCG_BUILD_VEC2
#undef TCG_BUILD_VEC1
#undef TCG_BUILD_VECSH

/* d[i] = cond(a[i], b[i]) ? all ones : 0 (any condition but never/always) */
static inline void tcg_gen_vec_cmp(TCGContext *s, TCGCond cond,
                                   unsigned vece, ptrdiff_t dofs,
                                   ptrdiff_t aofs, ptrdiff_t bofs,
                                   unsigned oprsz, unsigned maxsz)
{
    tcg_gen_vec_gen(s, INDEX_op_cmp_vec, NULL, vece, dofs, aofs, bofs, 0,
                    oprsz, maxsz, cond);
}

/* d[i] = cond(a[i], 0) ? all ones : 0 */
static inline void tcg_gen_vec_cmpz(TCGContext *s, TCGCond cond,
                                    unsigned vece, ptrdiff_t dofs,
                                    ptrdiff_t aofs, unsigned oprsz,
                                    unsigned maxsz)
{
    tcg_gen_vec_gen(s, INDEX_op_cmpz_vec, NULL, vece, dofs, aofs, 0, 0,
                    oprsz, maxsz, cond);
}

/* d = (a & b) | (~a & c): bits of b where a is set, of c elsewhere */
static inline void tcg_gen_vec_bitsel(TCGContext *s, unsigned vece,
                                      ptrdiff_t dofs, ptrdiff_t aofs,
                                      ptrdiff_t bofs, ptrdiff_t cofs,
                                      unsigned oprsz, unsigned maxsz)
{
    tcg_gen_vec_gen(s, INDEX_op_bitsel_vec, NULL, vece, dofs, aofs, bofs,
                    cofs, oprsz, maxsz, 0);
}

/* d[i] = the low 8 << vece bits of @v */
static inline void tcg_gen_vec_dup_i64(TCGContext *s, unsigned vece,
                                       ptrdiff_t dofs, unsigned oprsz,
                                       unsigned maxsz, TCGv_i64 v)
{
    tcg_gen_vec_gen(s, INDEX_op_dup_vec, v, vece, dofs, 0, 0, 0, oprsz,
                    maxsz, 0);
}

/* d[i] = the low 8 << vece bits of @x */
static inline void tcg_gen_vec_dupi(TCGContext *s, unsigned vece,
                                    ptrdiff_t dofs, unsigned oprsz,
                                    unsigned maxsz, uint64_t x)
{
    tcg_gen_vec_dup_i64(s, vece, dofs, oprsz, maxsz,
                        tcg_constant_i64(s, (int64_t)x));
}

#endif
