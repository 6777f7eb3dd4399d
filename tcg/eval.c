/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The value semantics of the pure IR ops, written once in C and used by
 * the interpreter and by the optimizer's constant folding (the JIT emits
 * host code with the same results; the unit tests hold an independent
 * reference).  Every op is total (docs/devel/tcg.md "Semantics"):
 * shift and rotate counts are taken modulo the width, x / 0 == 0,
 * x % 0 == x, MIN / -1 == MIN, MIN % -1 == 0, clz/ctz of 0 give the
 * second operand.  i32 results are returned zero-extended.
 */
#include "tcg/tcg.h"
#include "util/bitops.h"
#include "internal.h"

static uint32_t eval_binop32(TCGOpcode opc, uint32_t a, uint32_t b)
{
    int32_t sa = (int32_t)a, sb = (int32_t)b;

    switch (opc) {
    case INDEX_op_add_i32: return a + b;
    case INDEX_op_sub_i32: return a - b;
    case INDEX_op_mul_i32: return a * b;
    case INDEX_op_div_i32:
        return b == 0 ? 0 : sb == -1 ? -a : (uint32_t)(sa / sb);
    case INDEX_op_divu_i32: return b == 0 ? 0 : a / b;
    case INDEX_op_rem_i32:
        return b == 0 ? a : sb == -1 ? 0 : (uint32_t)(sa % sb);
    case INDEX_op_remu_i32: return b == 0 ? a : a % b;
    case INDEX_op_and_i32: return a & b;
    case INDEX_op_or_i32: return a | b;
    case INDEX_op_xor_i32: return a ^ b;
    case INDEX_op_andc_i32: return a & ~b;
    case INDEX_op_orc_i32: return a | ~b;
    case INDEX_op_nand_i32: return ~(a & b);
    case INDEX_op_nor_i32: return ~(a | b);
    case INDEX_op_eqv_i32: return ~(a ^ b);
    case INDEX_op_shl_i32: return a << (b & 31);
    case INDEX_op_shr_i32: return a >> (b & 31);
    case INDEX_op_sar_i32: return (uint32_t)(sa >> (b & 31));
    case INDEX_op_rotl_i32: return rol32(a, b & 31);
    case INDEX_op_rotr_i32: return ror32(a, b & 31);
    case INDEX_op_clz_i32: return a ? (uint32_t)clz32(a) : b;
    case INDEX_op_ctz_i32: return a ? (uint32_t)ctz32(a) : b;
    default:
        g_assert_not_reached();
    }
}

static uint64_t eval_binop64(TCGOpcode opc, uint64_t a, uint64_t b)
{
    int64_t sa = (int64_t)a, sb = (int64_t)b;

    switch (opc) {
    case INDEX_op_add_i64: return a + b;
    case INDEX_op_sub_i64: return a - b;
    case INDEX_op_mul_i64: return a * b;
    case INDEX_op_div_i64:
        return b == 0 ? 0 : sb == -1 ? -a : (uint64_t)(sa / sb);
    case INDEX_op_divu_i64: return b == 0 ? 0 : a / b;
    case INDEX_op_rem_i64:
        return b == 0 ? a : sb == -1 ? 0 : (uint64_t)(sa % sb);
    case INDEX_op_remu_i64: return b == 0 ? a : a % b;
    case INDEX_op_and_i64: return a & b;
    case INDEX_op_or_i64: return a | b;
    case INDEX_op_xor_i64: return a ^ b;
    case INDEX_op_andc_i64: return a & ~b;
    case INDEX_op_orc_i64: return a | ~b;
    case INDEX_op_nand_i64: return ~(a & b);
    case INDEX_op_nor_i64: return ~(a | b);
    case INDEX_op_eqv_i64: return ~(a ^ b);
    case INDEX_op_shl_i64: return a << (b & 63);
    case INDEX_op_shr_i64: return a >> (b & 63);
    case INDEX_op_sar_i64: return (uint64_t)(sa >> (b & 63));
    case INDEX_op_rotl_i64: return rol64(a, b & 63);
    case INDEX_op_rotr_i64: return ror64(a, b & 63);
    case INDEX_op_clz_i64: return a ? (uint64_t)clz64(a) : b;
    case INDEX_op_ctz_i64: return a ? (uint64_t)ctz64(a) : b;
    default:
        g_assert_not_reached();
    }
}

uint64_t tcg_eval_binop(TCGOpcode opc, uint64_t a, uint64_t b)
{
    if (tcg_op_defs[opc].flags & TCG_OPF_64BIT) {
        return eval_binop64(opc, a, b);
    }
    return eval_binop32(opc, (uint32_t)a, (uint32_t)b);
}

uint64_t tcg_eval_unop(TCGOpcode opc, uint64_t a)
{
    uint32_t a32 = (uint32_t)a;

    switch (opc) {
    case INDEX_op_mov_i32: return a32;
    case INDEX_op_mov_i64: return a;
    case INDEX_op_neg_i32: return (uint32_t)-a32;
    case INDEX_op_neg_i64: return -a;
    case INDEX_op_not_i32: return (uint32_t)~a32;
    case INDEX_op_not_i64: return ~a;
    case INDEX_op_bswap16_i32:
    case INDEX_op_bswap16_i64: return bswap16((uint16_t)a);
    case INDEX_op_bswap32_i32:
    case INDEX_op_bswap32_i64: return bswap32(a32);
    case INDEX_op_bswap64_i64: return bswap64(a);
    case INDEX_op_ctpop_i32: return ctpop32(a32);
    case INDEX_op_ctpop_i64: return ctpop64(a);
    case INDEX_op_extu_i32_i64: return a32;
    case INDEX_op_exts_i32_i64: return (uint64_t)(int64_t)(int32_t)a32;
    case INDEX_op_extrl_i64_i32: return a32;
    case INDEX_op_extrh_i64_i32: return a >> 32;
    default:
        g_assert_not_reached();
    }
}

bool tcg_eval_cond(TCGCond c, uint64_t a, uint64_t b, bool is64)
{
    if (!is64) {
        a = (uint64_t)(int64_t)(int32_t)a;
        b = (uint64_t)(int64_t)(int32_t)b;
    }
    switch (c) {
    case TCG_COND_NEVER: return false;
    case TCG_COND_ALWAYS: return true;
    case TCG_COND_EQ: return a == b;
    case TCG_COND_NE: return a != b;
    case TCG_COND_LT: return (int64_t)a < (int64_t)b;
    case TCG_COND_GE: return (int64_t)a >= (int64_t)b;
    case TCG_COND_LE: return (int64_t)a <= (int64_t)b;
    case TCG_COND_GT: return (int64_t)a > (int64_t)b;
    case TCG_COND_LTU: return a < b;
    case TCG_COND_GEU: return a >= b;
    case TCG_COND_LEU: return a <= b;
    case TCG_COND_GTU: return a > b;
    case TCG_COND_TSTEQ: return (a & b) == 0;
    case TCG_COND_TSTNE: return (a & b) != 0;
    default:
        g_assert_not_reached();
    }
}
