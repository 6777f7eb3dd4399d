/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The x86-64 JIT backend: prologue/epilogue, and host code for every op,
 * with the softmmu TLB fast path inlined for guest memory ops.
 *
 * Frame: the prologue (entered as uintptr_t fn(env, code)) saves the
 * callee-saved registers, puts env in RBP, reserves 8 bytes per temp at
 * RSP (keeping RSP 16-byte aligned for helper calls) and jumps to the
 * code; exit_tb loads RAX and jumps to the epilogue.  Every TB uses the
 * same frame, so goto_tb can jump straight from one TB into another.
 * Division guards its operands so the host never traps (#DE) whatever
 * the guest computes (docs/devel/tcg.md "Semantics").
 */
#include "regalloc.h"

#include <cpuid.h>

#define FRAME_SIZE (TCG_MAX_TEMPS * 8 + 8)

static const int call_arg_regs[6] = { RDI, RSI, RDX, RCX, R8, R9 };
#define CALLER_SAVED ((1u << RAX) | (1u << RCX) | (1u << RDX) | (1u << RSI) | \
                      (1u << RDI) | (1u << R8) | (1u << R9) | (1u << R10) |  \
                      (1u << R11))

static void emit_push_pop(TCGContext *s, int base, int reg)
{
    if (reg & 8) {
        emit8(s, 0x41);
    }
    emit8(s, base + (reg & 7));
}

/* jmp/jcc rel32 to an absolute address inside the buffer */
static void emit_jmp_abs(TCGContext *s, int jcc, const uint8_t *target)
{
    if (jcc < 0) {
        emit8(s, 0xe9);
    } else {
        emit8(s, 0x0f);
        emit8(s, 0x80 + jcc);
    }
    emit32(s, (uint32_t)(target - (s->code_ptr + 4)));
}

/* jcc rel8 forward; returns the byte to patch with jit_patch8 */
static uint8_t *emit_jcc8(TCGContext *s, int jcc)
{
    emit8(s, jcc < 0 ? 0xeb : 0x70 + jcc);
    emit8(s, 0);
    return s->code_ptr - 1;
}

static void patch8(TCGContext *s, uint8_t *at)
{
    ptrdiff_t d = s->code_ptr - (at + 1);

    assert(d >= 0 && d < 128);
    *at = d;
}

bool tcg_jit_init(TCGContext *s, Error **errp)
{
    static const int saved[] = { RBP, RBX, R12, R13, R14, R15 };
    unsigned a, b, c, d;

    if (!__get_cpuid(1, &a, &b, &c, &d) || !(c & bit_POPCNT)) {
        error_setg(errp, "TCG context: backend 'jit' needs the POPCNT "
                   "instruction, which this host lacks (accepted: interp)");
        return false;
    }
    s->prologue = s->code_ptr;
    for (size_t i = 0; i < ARRAY_SIZE(saved); i++) {
        emit_push_pop(s, 0x50, saved[i]);
    }
    jit_mov(s, true, RBP, RDI);
    emit_rr(s, OPC_GRP1_IMM32 | P_REXW, 5 /* sub */, RSP);
    emit32(s, FRAME_SIZE);
    emit_rr(s, 0xff, 4, RSI);               /* jmp *%rsi */
    /* goto_ptr of 0 lands here: return 0 */
    s->epilogue_zero = s->code_ptr;
    emit_rr(s, OPC_XOR, RAX, RAX);
    s->epilogue = s->code_ptr;
    emit_rr(s, OPC_GRP1_IMM32 | P_REXW, 0 /* add */, RSP);
    emit32(s, FRAME_SIZE);
    for (size_t i = ARRAY_SIZE(saved); i-- > 0;) {
        emit_push_pop(s, 0x58, saved[i]);
    }
    emit8(s, 0xc3);
    s->host_has_popcnt = true;
    return true;
}

static int cond_to_jcc(TCGCond c)
{
    static const int8_t map[TCG_COND_COUNT] = {
        [TCG_COND_EQ] = JCC_E, [TCG_COND_NE] = JCC_NE,
        [TCG_COND_LT] = JCC_L, [TCG_COND_GE] = JCC_GE,
        [TCG_COND_LE] = JCC_LE, [TCG_COND_GT] = JCC_G,
        [TCG_COND_LTU] = JCC_B, [TCG_COND_GEU] = JCC_AE,
        [TCG_COND_LEU] = JCC_BE, [TCG_COND_GTU] = JCC_A,
        [TCG_COND_TSTEQ] = JCC_E, [TCG_COND_TSTNE] = JCC_NE,
    };

    assert(c >= TCG_COND_EQ && c < TCG_COND_COUNT);
    return map[c];
}

/* Compare for @c; returns the jcc code that is true when @c holds. */
static int emit_cmp(TCGContext *s, TCGCond c, int w, int ra, int rb)
{
    if (c == TCG_COND_TSTEQ || c == TCG_COND_TSTNE) {
        emit_rr(s, OPC_TEST | w, rb, ra);
    } else {
        emit_rr(s, OPC_CMP | w, rb, ra);
    }
    return cond_to_jcc(c);
}

#define T(i) arg_temp(op->args[i])

/* Post-op bookkeeping: free dead inputs, bind outputs. */
static void finish_op(JitState *j, TCGOp *op, const int *oregs)
{
    unsigned no = op_nb_oargs(op), ni = op_nb_iargs(op);

    j->locked = 0;
    for (unsigned i = no; i < no + ni; i++) {
        if (op->life & TCG_LIFE_DEAD(i)) {
            jit_temp_dead(j, T(i));
        }
    }
    for (unsigned i = 0; i < no; i++) {
        jit_temp_set_reg(j, T(i), oregs[i]);
        if (op->life & TCG_LIFE_DEAD(i)) {
            jit_temp_dead(j, T(i));
        }
    }
}

static int out_alloc(JitState *j, uint16_t allowed)
{
    int r = jit_reg_alloc(j, allowed);

    j->locked |= 1u << r;
    return r;
}

/* Reserve fixed registers (RAX, RCX, RDX) for the current op. */
static void reserve(JitState *j, uint16_t mask)
{
    for (int r = 0; r < 16; r++) {
        if (mask & (1u << r)) {
            jit_reg_free(j, r);
        }
    }
    j->locked |= mask;
}

static void gen_alu(JitState *j, TCGOp *op, int w, int ra, int rb, int o)
{
    TCGContext *s = j->s;
    bool w64 = w != 0;

    switch (op->opc) {
    case INDEX_op_add_i32: case INDEX_op_add_i64:
        jit_mov(s, w64, o, ra);
        emit_rr(s, OPC_ADD | w, rb, o);
        break;
    case INDEX_op_sub_i32: case INDEX_op_sub_i64:
        jit_mov(s, w64, o, ra);
        emit_rr(s, OPC_SUB | w, rb, o);
        break;
    case INDEX_op_and_i32: case INDEX_op_and_i64:
    case INDEX_op_nand_i32: case INDEX_op_nand_i64:
        jit_mov(s, w64, o, ra);
        emit_rr(s, OPC_AND | w, rb, o);
        break;
    case INDEX_op_or_i32: case INDEX_op_or_i64:
    case INDEX_op_nor_i32: case INDEX_op_nor_i64:
        jit_mov(s, w64, o, ra);
        emit_rr(s, OPC_OR | w, rb, o);
        break;
    case INDEX_op_xor_i32: case INDEX_op_xor_i64:
    case INDEX_op_eqv_i32: case INDEX_op_eqv_i64:
        jit_mov(s, w64, o, ra);
        emit_rr(s, OPC_XOR | w, rb, o);
        break;
    case INDEX_op_andc_i32: case INDEX_op_andc_i64:
        jit_mov(s, w64, o, rb);
        emit_rr(s, OPC_GRP3 | w, EXT_NOT, o);
        emit_rr(s, OPC_AND | w, ra, o);
        break;
    case INDEX_op_orc_i32: case INDEX_op_orc_i64:
        jit_mov(s, w64, o, rb);
        emit_rr(s, OPC_GRP3 | w, EXT_NOT, o);
        emit_rr(s, OPC_OR | w, ra, o);
        break;
    case INDEX_op_mul_i32: case INDEX_op_mul_i64:
        jit_mov(s, w64, o, ra);
        emit_rr(s, OPC_IMUL | w, o, rb);
        break;
    default:
        g_assert_not_reached();
    }
    switch (op->opc) {
    case INDEX_op_nand_i32: case INDEX_op_nand_i64:
    case INDEX_op_nor_i32: case INDEX_op_nor_i64:
    case INDEX_op_eqv_i32: case INDEX_op_eqv_i64:
        emit_rr(s, OPC_GRP3 | w, EXT_NOT, o);
        break;
    default:
        break;
    }
}

static void gen_binary(JitState *j, TCGOp *op)
{
    int w = (op_def(op)->flags & TCG_OPF_64BIT) ? P_REXW : 0;
    int ra = jit_temp_load(j, T(1), jit_regs_all);
    int rb = jit_temp_load(j, T(2), jit_regs_all);
    int o = out_alloc(j, jit_regs_all);

    gen_alu(j, op, w, ra, rb, o);
    finish_op(j, op, &o);
}

static void gen_shift(JitState *j, TCGOp *op)
{
    TCGContext *s = j->s;
    int w = (op_def(op)->flags & TCG_OPF_64BIT) ? P_REXW : 0;
    int ext, ra, o;

    switch (op->opc) {
    case INDEX_op_shl_i32: case INDEX_op_shl_i64: ext = EXT_SHL; break;
    case INDEX_op_shr_i32: case INDEX_op_shr_i64: ext = EXT_SHR; break;
    case INDEX_op_sar_i32: case INDEX_op_sar_i64: ext = EXT_SAR; break;
    case INDEX_op_rotl_i32: case INDEX_op_rotl_i64: ext = EXT_ROL; break;
    default: ext = EXT_ROR; break;
    }
    if (temp_is_const(T(2))) {
        ra = jit_temp_load(j, T(1), jit_regs_all);
        o = out_alloc(j, jit_regs_all);
        jit_mov(s, w != 0, o, ra);
        emit_rr(s, OPC_SHIFT_IMM | w, ext, o);
        emit8(s, T(2)->val & (w ? 63 : 31));
    } else {
        /* the count goes in CL; x86 masks it modulo the width itself */
        reserve(j, 1u << RCX);
        jit_load_value(j, T(2), RCX);
        ra = jit_temp_load(j, T(1), jit_regs_all & ~(1u << RCX));
        o = out_alloc(j, jit_regs_all & ~(1u << RCX));
        jit_mov(s, w != 0, o, ra);
        emit_rr(s, OPC_SHIFT_CL | w, ext, o);
    }
    finish_op(j, op, &o);
}

/* div/divu/rem/remu with the total semantics: never #DE */
static void gen_div(JitState *j, TCGOp *op)
{
    TCGContext *s = j->s;
    int w = (op_def(op)->flags & TCG_OPF_64BIT) ? P_REXW : 0;
    bool sgn = op->opc == INDEX_op_div_i32 || op->opc == INDEX_op_div_i64 ||
               op->opc == INDEX_op_rem_i32 || op->opc == INDEX_op_rem_i64;
    bool rem = op->opc == INDEX_op_rem_i32 || op->opc == INDEX_op_rem_i64 ||
               op->opc == INDEX_op_remu_i32 || op->opc == INDEX_op_remu_i64;
    uint16_t other = jit_regs_all & ~((1u << RAX) | (1u << RDX));
    uint8_t *jz, *jm1 = NULL, *jdone, *jdone2 = NULL;
    int ra, rb, o;

    reserve(j, (1u << RAX) | (1u << RDX));
    ra = jit_temp_load(j, T(1), other);
    rb = jit_temp_load(j, T(2), other);
    jit_mov(s, w != 0, RAX, ra);
    emit_rr(s, OPC_TEST | w, rb, rb);
    jz = emit_jcc8(s, JCC_E);
    if (sgn) {
        emit_rr(s, OPC_GRP1_IMM8 | w, EXT_CMPI, rb);
        emit8(s, 0xff);
        jm1 = emit_jcc8(s, JCC_E);
        if (w) {
            emit8(s, 0x48);
        }
        emit8(s, 0x99);                     /* cdq / cqo */
    } else {
        emit_rr(s, OPC_XOR, RDX, RDX);
    }
    emit_rr(s, OPC_GRP3 | w, sgn ? EXT_IDIV : EXT_DIV, rb);
    jdone = emit_jcc8(s, -1);
    patch8(s, jz);                          /* by zero: 0, or the dividend */
    if (rem) {
        jit_mov(s, true, RDX, RAX);
    } else {
        emit_rr(s, OPC_XOR, RAX, RAX);
    }
    if (sgn) {
        jdone2 = emit_jcc8(s, -1);
        patch8(s, jm1);                     /* by -1: -a (MIN stays), 0 */
        if (rem) {
            emit_rr(s, OPC_XOR, RDX, RDX);
        } else {
            emit_rr(s, OPC_GRP3 | w, EXT_NEG, RAX);
        }
        patch8(s, jdone2);
    }
    patch8(s, jdone);
    o = rem ? RDX : RAX;
    finish_op(j, op, &o);
}

static void gen_mul2(JitState *j, TCGOp *op)
{
    TCGContext *s = j->s;
    int w = (op_def(op)->flags & TCG_OPF_64BIT) ? P_REXW : 0;
    bool sgn = op->opc == INDEX_op_muls2_i32 || op->opc == INDEX_op_muls2_i64;
    uint16_t other = jit_regs_all & ~((1u << RAX) | (1u << RDX));
    int ra, rb, o[2] = { RAX, RDX };

    reserve(j, (1u << RAX) | (1u << RDX));
    ra = jit_temp_load(j, T(2), other);
    rb = jit_temp_load(j, T(3), other);
    jit_mov(s, w != 0, RAX, ra);
    emit_rr(s, OPC_GRP3 | w, sgn ? EXT_IMUL : EXT_MUL, rb);
    finish_op(j, op, o);
}

static void gen_unary(JitState *j, TCGOp *op)
{
    TCGContext *s = j->s;
    int w = (op_def(op)->flags & TCG_OPF_64BIT) ? P_REXW : 0;
    int ra = jit_temp_load(j, T(1), jit_regs_all);
    int o = out_alloc(j, jit_regs_all);

    switch (op->opc) {
    case INDEX_op_mov_i32: case INDEX_op_mov_i64:
    case INDEX_op_extrl_i64_i32: case INDEX_op_extu_i32_i64:
        emit_rr(s, OPC_STORE | (op->opc == INDEX_op_mov_i64 ? P_REXW : 0),
                ra, o);
        break;
    case INDEX_op_neg_i32: case INDEX_op_neg_i64:
    case INDEX_op_not_i32: case INDEX_op_not_i64:
        jit_mov(s, w != 0, o, ra);
        emit_rr(s, OPC_GRP3 | w, (op->opc == INDEX_op_neg_i32 ||
                                  op->opc == INDEX_op_neg_i64)
                ? EXT_NEG : EXT_NOT, o);
        break;
    case INDEX_op_bswap16_i32: case INDEX_op_bswap16_i64:
        jit_mov(s, false, o, ra);
        emit_rr(s, OPC_SHIFT_IMM | P_DATA16, EXT_ROL, o);
        emit8(s, 8);
        emit_rr(s, OPC_MOVZW, o, o);
        break;
    case INDEX_op_bswap32_i32: case INDEX_op_bswap32_i64:
    case INDEX_op_bswap64_i64:
        jit_mov(s, op->opc == INDEX_op_bswap64_i64, o, ra);
        emit_opc(s, (0xc8 + (o & 7)) | P_EXT |
                 (op->opc == INDEX_op_bswap64_i64 ? P_REXW : 0), 0, o, 0);
        break;
    case INDEX_op_ctpop_i32: case INDEX_op_ctpop_i64:
        emit_rr(s, OPC_POPCNT | w, o, ra);
        break;
    case INDEX_op_exts_i32_i64:
        emit_rr(s, OPC_MOVSXD | P_REXW, o, ra);
        break;
    case INDEX_op_extrh_i64_i32:
        jit_mov(s, true, o, ra);
        emit_rr(s, OPC_SHIFT_IMM | P_REXW, EXT_SHR, o);
        emit8(s, 32);
        break;
    default:
        g_assert_not_reached();
    }
    finish_op(j, op, &o);
}

static void gen_count(JitState *j, TCGOp *op)
{
    TCGContext *s = j->s;
    int w = (op_def(op)->flags & TCG_OPF_64BIT) ? P_REXW : 0;
    bool clz = op->opc == INDEX_op_clz_i32 || op->opc == INDEX_op_clz_i64;
    int ra = jit_temp_load(j, T(1), jit_regs_all);
    int rb = jit_temp_load(j, T(2), jit_regs_all);
    int o = out_alloc(j, jit_regs_all);

    /* o = default; r11 = bit index; if the input was not 0, o = count */
    jit_mov(s, w != 0, o, rb);
    emit_rr(s, (clz ? OPC_BSR : OPC_BSF) | w, R11, ra);
    if (clz) {
        uint8_t *jz = emit_jcc8(s, JCC_E);

        emit_rr(s, OPC_GRP1_IMM8 | w, 6 /* xor */, R11);
        emit8(s, w ? 63 : 31);
        jit_mov(s, w != 0, o, R11);
        patch8(s, jz);
    } else {
        emit_rr(s, (OPC_CMOVCC + JCC_NE) | w, o, R11);
    }
    finish_op(j, op, &o);
}

static void gen_field(JitState *j, TCGOp *op)
{
    TCGContext *s = j->s;
    bool is64 = op_def(op)->flags & TCG_OPF_64BIT;
    int w = is64 ? P_REXW : 0, width = is64 ? 64 : 32;
    bool dep = op->opc == INDEX_op_deposit_i32 ||
               op->opc == INDEX_op_deposit_i64;
    unsigned pos = op->args[dep ? 3 : 2], len = op->args[dep ? 4 : 3];
    int ra = jit_temp_load(j, T(1), jit_regs_all);
    int rb = dep ? jit_temp_load(j, T(2), jit_regs_all) : -1;
    int o = out_alloc(j, jit_regs_all);

    if (dep) {
        uint64_t mask = (len == 64 ? ~UINT64_C(0)
                                   : ((UINT64_C(1) << len) - 1)) << pos;

        if (!is64) {
            mask &= 0xffffffff;
        }
        jit_mov(s, is64, R11, rb);
        if (pos) {
            emit_rr(s, OPC_SHIFT_IMM | w, EXT_SHL, R11);
            emit8(s, pos);
        }
        jit_movi(s, R10, mask);
        emit_rr(s, OPC_AND | w, R10, R11);
        jit_movi(s, R10, ~mask & (is64 ? ~UINT64_C(0) : 0xffffffff));
        jit_mov(s, is64, o, ra);
        emit_rr(s, OPC_AND | w, R10, o);
        emit_rr(s, OPC_OR | w, R11, o);
    } else {
        bool sgn = op->opc == INDEX_op_sextract_i32 ||
                   op->opc == INDEX_op_sextract_i64;
        unsigned left = width - pos - len;

        jit_mov(s, is64, o, ra);
        if (left) {
            emit_rr(s, OPC_SHIFT_IMM | w, EXT_SHL, o);
            emit8(s, left);
        }
        if (width - len) {
            emit_rr(s, OPC_SHIFT_IMM | w, sgn ? EXT_SAR : EXT_SHR, o);
            emit8(s, width - len);
        }
    }
    finish_op(j, op, &o);
}

static void gen_setcond(JitState *j, TCGOp *op)
{
    TCGContext *s = j->s;
    bool mov = op->opc == INDEX_op_movcond_i32 ||
               op->opc == INDEX_op_movcond_i64;
    int w = (op_def(op)->flags & TCG_OPF_64BIT) ? P_REXW : 0;
    int ra = jit_temp_load(j, T(1), jit_regs_all);
    int rb = jit_temp_load(j, T(2), jit_regs_all);
    int o, jcc;

    if (mov) {
        int r1 = jit_temp_load(j, T(3), jit_regs_all);
        int r2 = jit_temp_load(j, T(4), jit_regs_all);

        o = out_alloc(j, jit_regs_all);
        jit_mov(s, true, o, r2);
        jcc = emit_cmp(s, op->args[5], w, ra, rb);
        emit_rr(s, (OPC_CMOVCC + jcc) | w, o, r1);
    } else {
        o = out_alloc(j, jit_regs_all);
        jcc = emit_cmp(s, op->args[3], w, ra, rb);
        emit_rr(s, OPC_SETCC + jcc, 0, o);
        emit_rr(s, OPC_MOVZB | P_REXB, o, o);
    }
    finish_op(j, op, &o);
}

static void gen_host_ldst(JitState *j, TCGOp *op)
{
    TCGContext *s = j->s;
    static const int opcs[NB_OPS] = {
        [INDEX_op_ld8u_i32] = OPC_MOVZB, [INDEX_op_ld8s_i32] = OPC_MOVSB,
        [INDEX_op_ld16u_i32] = OPC_MOVZW, [INDEX_op_ld16s_i32] = OPC_MOVSW,
        [INDEX_op_ld_i32] = OPC_LOAD,
        [INDEX_op_ld8u_i64] = OPC_MOVZB,
        [INDEX_op_ld8s_i64] = OPC_MOVSB | P_REXW,
        [INDEX_op_ld16u_i64] = OPC_MOVZW,
        [INDEX_op_ld16s_i64] = OPC_MOVSW | P_REXW,
        [INDEX_op_ld32u_i64] = OPC_LOAD,
        [INDEX_op_ld32s_i64] = OPC_MOVSXD | P_REXW,
        [INDEX_op_ld_i64] = OPC_LOAD | P_REXW,
        [INDEX_op_st8_i32] = OPC_STORE8, [INDEX_op_st16_i32] = OPC_STORE | P_DATA16,
        [INDEX_op_st_i32] = OPC_STORE,
        [INDEX_op_st8_i64] = OPC_STORE8, [INDEX_op_st16_i64] = OPC_STORE | P_DATA16,
        [INDEX_op_st32_i64] = OPC_STORE, [INDEX_op_st_i64] = OPC_STORE | P_REXW,
    };
    int64_t off = (int64_t)op->args[2];
    int rv, rbase, o;

    assert(off == (int32_t)off);
    if (op_nb_oargs(op) == 0) {
        rv = jit_temp_load(j, T(0), jit_regs_all);
        rbase = jit_temp_load(j, T(1), jit_regs_all);
        emit_rm(s, opcs[op->opc], rv, rbase, off);
        finish_op(j, op, NULL);
        return;
    }
    rbase = jit_temp_load(j, T(1), jit_regs_all);
    o = out_alloc(j, jit_regs_all);
    emit_rm(s, opcs[op->opc], o, rbase, off);
    finish_op(j, op, &o);
}

/*
 * Guest memory with the softmmu fast path (include/tcg/tcg-runtime.h):
 *   r10 = &table[(addr >> page_bits) & mask]
 *   r11 = tcg_tlb_cmp_addr(addr); if r11 != r10->addr_xxx goto slow
 *   access [addr + r10->addend], byte-swapping if the MemOp says BE
 * The slow path calls ld_slow/st_slow.  Both paths need the same
 * register state, so the op first spills the caller-saved registers and
 * stores globals (the slow path may raise an exception).
 */
static void gen_tlb_lookup(JitState *j, int ra, MemOp mop, unsigned mmu,
                           bool store, uint8_t **jslow)
{
    TCGContext *s = j->s;
    int32_t desc = s->cfg.tlb_offset + mmu * sizeof(TLBDesc);
    unsigned amask = (1u << memop_alignment_bits(mop)) - 1;
    unsigned smask = memop_size(mop) - 1;
    int32_t cmp_mask = (int32_t)(~((1u << s->cfg.page_bits) - 1) | amask);

    jit_mov(s, true, R10, ra);
    emit_rr(s, OPC_SHIFT_IMM | P_REXW, EXT_SHR, R10);
    emit8(s, s->cfg.page_bits);
    emit_rm(s, 0x23 | P_REXW, R10, RBP, desc + offsetof(TLBDesc, mask));
    emit_rr(s, OPC_SHIFT_IMM | P_REXW, EXT_SHL, R10);
    emit8(s, 5);
    emit_rm(s, 0x03 | P_REXW, R10, RBP, desc + offsetof(TLBDesc, table));
    if (amask < smask) {
        emit_rm(s, OPC_LEA | P_REXW, R11, ra, smask - amask);
    } else {
        jit_mov(s, true, R11, ra);
    }
    emit_rr(s, OPC_GRP1_IMM32 | P_REXW, EXT_AND, R11);
    emit32(s, cmp_mask);
    emit_rm(s, OPC_CMP_LOAD | P_REXW, R11, R10,
            store ? offsetof(TLBEntry, addr_write)
                  : offsetof(TLBEntry, addr_read));
    emit8(s, 0x0f);
    emit8(s, 0x80 + JCC_NE);
    emit32(s, 0);
    *jslow = s->code_ptr - 4;
    emit_rm(s, OPC_LOAD | P_REXW, R10, R10, offsetof(TLBEntry, addend));
}

static void patch32_here(TCGContext *s, uint8_t *at)
{
    uint32_t d = s->code_ptr - (at + 4);

    memcpy(at, &d, 4);
}

static void emit_bswap(TCGContext *s, int reg, unsigned size)
{
    if (size == 2) {
        emit_rr(s, OPC_SHIFT_IMM | P_DATA16, EXT_ROL, reg);
        emit8(s, 8);
        emit_rr(s, OPC_MOVZW, reg, reg);
    } else if (size >= 4) {
        emit_opc(s, (0xc8 + (reg & 7)) | P_EXT | (size == 8 ? P_REXW : 0),
                 0, reg, 0);
    }
}

/* Call @fn after the argument registers are set; RSP stays aligned. */
static void emit_call(TCGContext *s, const void *fn)
{
    jit_movi(s, R11, (uintptr_t)fn);
    emit_rr(s, 0xff, 2, R11);
}

/* lea reg, [rip + 0]: a host address inside this TB, for retaddr */
static void emit_lea_pc(TCGContext *s, int reg)
{
    emit_opc(s, OPC_LEA | P_REXW, reg, 0, 0);
    emit8(s, 0x05 | (reg & 7) << 3);
    emit32(s, 0);
}

static void gen_qemu_ld(JitState *j, TCGOp *op)
{
    TCGContext *s = j->s;
    TCGMemOpIdx oi = op->args[2];
    MemOp mop = tcg_oi_memop(oi);
    unsigned size = memop_size(mop);
    static const int ld_opc[4] = {
        OPC_MOVZB, OPC_MOVZW, OPC_LOAD, OPC_LOAD | P_REXW };
    uint8_t *jslow, *jdone;
    int ra, o;

    jit_sync_globals(j, false);
    jit_free_regs(j, CALLER_SAVED, false);
    ra = jit_temp_load(j, T(1), jit_regs_callee_saved);
    o = out_alloc(j, jit_regs_callee_saved);
    gen_tlb_lookup(j, ra, mop, tcg_oi_mmu_idx(oi), false, &jslow);
    emit_rmx(s, ld_opc[memop_log2_size(mop)], o, ra, R10);
    if (memop_is_be(mop)) {
        emit_bswap(s, o, size);
    }
    if (memop_is_signed(mop) && size < 8) {
        emit_rr(s, (size == 1 ? OPC_MOVSB : size == 2 ? OPC_MOVSW
                                                      : OPC_MOVSXD) | P_REXW,
                o, o);
    }
    jdone = emit_jcc8(s, -1);
    patch32_here(s, jslow);
    jit_mov(s, true, RDI, RBP);
    jit_mov(s, true, RSI, ra);
    jit_movi(s, RDX, oi);
    emit_lea_pc(s, RCX);
    emit_call(s, s->cfg.ld_slow);
    jit_mov(s, true, o, RAX);
    patch8(s, jdone);
    finish_op(j, op, &o);
}

static void gen_qemu_st(JitState *j, TCGOp *op)
{
    TCGContext *s = j->s;
    TCGMemOpIdx oi = op->args[2];
    MemOp mop = tcg_oi_memop(oi);
    unsigned size = memop_size(mop);
    static const int st_opc[4] = {
        OPC_STORE8, OPC_STORE | P_DATA16, OPC_STORE, OPC_STORE | P_REXW };
    uint8_t *jslow, *jdone;
    int ra, rv, src;

    jit_sync_globals(j, false);
    jit_free_regs(j, CALLER_SAVED, false);
    rv = jit_temp_load(j, T(0), jit_regs_callee_saved);
    ra = jit_temp_load(j, T(1), jit_regs_callee_saved);
    gen_tlb_lookup(j, ra, mop, tcg_oi_mmu_idx(oi), true, &jslow);
    src = rv;
    if (memop_is_be(mop) && size > 1) {
        jit_mov(s, true, R11, rv);
        emit_bswap(s, R11, size);
        src = R11;
    }
    emit_rmx(s, st_opc[memop_log2_size(mop)], src, ra, R10);
    jdone = emit_jcc8(s, -1);
    patch32_here(s, jslow);
    jit_mov(s, true, RDI, RBP);
    jit_mov(s, true, RSI, ra);
    jit_mov(s, true, RDX, rv);
    jit_movi(s, RCX, oi);
    emit_lea_pc(s, R8);
    emit_call(s, s->cfg.st_slow);
    patch8(s, jdone);
    finish_op(j, op, NULL);
}

static void gen_call(JitState *j, TCGOp *op)
{
    TCGContext *s = j->s;
    const TCGHelperInfo *info = op_call_info(op);
    unsigned no = op->call_o;
    int o = RAX;

    if (!(info->flags & TCG_CALL_NO_READ_GLOBALS) ||
        (info->flags & TCG_CALL_MAY_RAISE)) {
        jit_sync_globals(j, false);
    }
    jit_free_regs(j, CALLER_SAVED,
                  !(info->flags & TCG_CALL_NO_WRITE_GLOBALS));
    for (unsigned i = 0; i < op->call_i; i++) {
        jit_load_value(j, T(no + i), call_arg_regs[i]);
    }
    emit_call(s, info->func);
    finish_op(j, op, &o);
}

/* Branch to @l: a rel32 patched when the generation ends. */
static void emit_jmp_label(JitState *j, int jcc, TCGLabel *l)
{
    TCGContext *s = j->s;

    if (jcc < 0) {
        emit8(s, 0xe9);
    } else {
        emit8(s, 0x0f);
        emit8(s, 0x80 + jcc);
    }
    tcg_label_add_ref(l, s->code_ptr - j->start);
    emit32(s, 0);
}

static void gen_brcond(JitState *j, TCGOp *op)
{
    int w = (op_def(op)->flags & TCG_OPF_64BIT) ? P_REXW : 0;
    int ra = jit_temp_load(j, T(0), jit_regs_all);
    int rb = jit_temp_load(j, T(1), jit_regs_all);
    int jcc;

    /* the target expects globals and TB temps at home */
    jit_sync_globals(j, true);
    jcc = emit_cmp(j->s, op->args[2], w, ra, rb);
    emit_jmp_label(j, jcc, arg_label(op->args[3]));
    finish_op(j, op, NULL);
}

static void gen_goto_tb(JitState *j, TCGOp *op, TCGTranslation *tr)
{
    TCGContext *s = j->s;
    unsigned n = op->args[0];

    jit_sync_globals(j, false);
    /* the rel32 must be 4-byte aligned so patching it is atomic */
    while (((uintptr_t)s->code_ptr + 1) & 3) {
        emit8(s, 0x90);
    }
    emit8(s, 0xe9);
    tr->jmp_insn_offset[n] = s->code_ptr - j->start;
    emit32(s, 0);
    tr->jmp_reset_offset[n] = s->code_ptr - j->start;
}

static void gen_goto_ptr(JitState *j, TCGOp *op)
{
    TCGContext *s = j->s;
    int r = jit_temp_load(j, T(0), jit_regs_all);

    jit_sync_globals(j, false);
    emit_rr(s, OPC_TEST | P_REXW, r, r);
    emit_jmp_abs(s, JCC_E, s->epilogue_zero);
    emit_rr(s, 0xff, 4, r);
    finish_op(j, op, NULL);
}

static void gen_op(JitState *j, TCGOp *op, TCGTranslation *tr)
{
    TCGContext *s = j->s;

    switch (op->opc) {
    case INDEX_op_set_label:
        jit_sync_globals(j, true);
        jit_block_reset(j);
        arg_label(op->args[0])->value = s->code_ptr - j->start;
        break;
    case INDEX_op_br:
        jit_sync_globals(j, true);
        emit_jmp_label(j, -1, arg_label(op->args[0]));
        break;
    case INDEX_op_exit_tb:
        jit_sync_globals(j, false);
        jit_movi(s, RAX, op->args[0]);
        emit_jmp_abs(s, -1, s->epilogue);
        break;
    case INDEX_op_goto_tb:
        gen_goto_tb(j, op, tr);
        break;
    case INDEX_op_goto_ptr:
        gen_goto_ptr(j, op);
        break;
    case INDEX_op_insn_start:
        tcg_note_insn_start(s, op, s->code_ptr - j->start);
        break;
    case INDEX_op_mb:
        if (op->args[0] & TCG_MO_ST_LD) {
            emit8(s, 0x0f);         /* mfence */
            emit8(s, 0xae);
            emit8(s, 0xf0);
        }
        break;
    case INDEX_op_call:
        gen_call(j, op);
        break;
    case INDEX_op_qemu_ld_i32: case INDEX_op_qemu_ld_i64:
        gen_qemu_ld(j, op);
        break;
    case INDEX_op_qemu_st_i32: case INDEX_op_qemu_st_i64:
        gen_qemu_st(j, op);
        break;
    case INDEX_op_brcond_i32: case INDEX_op_brcond_i64:
        gen_brcond(j, op);
        break;
    case INDEX_op_setcond_i32: case INDEX_op_setcond_i64:
    case INDEX_op_movcond_i32: case INDEX_op_movcond_i64:
        gen_setcond(j, op);
        break;
    case INDEX_op_shl_i32: case INDEX_op_shl_i64:
    case INDEX_op_shr_i32: case INDEX_op_shr_i64:
    case INDEX_op_sar_i32: case INDEX_op_sar_i64:
    case INDEX_op_rotl_i32: case INDEX_op_rotl_i64:
    case INDEX_op_rotr_i32: case INDEX_op_rotr_i64:
        gen_shift(j, op);
        break;
    case INDEX_op_div_i32: case INDEX_op_div_i64:
    case INDEX_op_divu_i32: case INDEX_op_divu_i64:
    case INDEX_op_rem_i32: case INDEX_op_rem_i64:
    case INDEX_op_remu_i32: case INDEX_op_remu_i64:
        gen_div(j, op);
        break;
    case INDEX_op_mulu2_i32: case INDEX_op_mulu2_i64:
    case INDEX_op_muls2_i32: case INDEX_op_muls2_i64:
        gen_mul2(j, op);
        break;
    case INDEX_op_clz_i32: case INDEX_op_clz_i64:
    case INDEX_op_ctz_i32: case INDEX_op_ctz_i64:
        gen_count(j, op);
        break;
    case INDEX_op_extract_i32: case INDEX_op_extract_i64:
    case INDEX_op_sextract_i32: case INDEX_op_sextract_i64:
    case INDEX_op_deposit_i32: case INDEX_op_deposit_i64:
        gen_field(j, op);
        break;
    default:
        if (op_def(op)->flags & TCG_OPF_VECTOR) {
            jit_gen_vec(j, op);
        } else if (op_def(op)->nb_cargs == 1) {
            gen_host_ldst(j, op);
        } else if (op_def(op)->nb_iargs == 2) {
            gen_binary(j, op);
        } else {
            gen_unary(j, op);
        }
        break;
    }
}

static void patch_labels(JitState *j)
{
    TCGContext *s = j->s;

    for (unsigned i = 0; i < s->nb_labels; i++) {
        TCGLabel *l = s->labels[i];
        unsigned n = l->nb_refs + (l->more_refs ? l->more_refs->len : 0);

        for (unsigned k = 0; k < n; k++) {
            uint32_t off = k < l->nb_refs ? l->refs[k]
                : g_array_index(l->more_refs, uint32_t, k - l->nb_refs);
            uint32_t rel = l->value - (off + 4);

            memcpy(j->start + off, &rel, 4);
        }
    }
}

static bool jit_gen(TCGContext *s, TCGTranslation *tr)
{
    JitState j = { .s = s, .start = s->code_ptr };

    jit_block_reset(&j);
    for (unsigned i = 0; i < s->nb_ops; i++) {
        TCGOp *op = &s->ops[i];

        if (op->opc == INDEX_op_nop) {
            continue;
        }
        gen_op(&j, op, tr);
        if (s->code_ptr > s->code_end) {
            return false;
        }
    }
    patch_labels(&j);
    return true;
}

static void jit_set_jmp(TCGContext *s, const TCGTranslation *tr, int n,
                        const void *target)
{
    uint8_t *at = (uint8_t *)tr->code + tr->jmp_insn_offset[n];
    const uint8_t *dest = target ? target
                                 : (const uint8_t *)tr->code +
                                   tr->jmp_reset_offset[n];
    uint32_t rel = dest - (at + 4);

    /* aligned 4-byte store: a concurrent executor sees old or new */
    __atomic_store_n((uint32_t *)(void *)at, rel, __ATOMIC_RELEASE);
}

/*
 * Enter through the prologue.  A helper that siglongjmp()s out unwinds
 * this C frame and the JIT frame below it together; the jmp_buf restores
 * the callee-saved registers the prologue had pushed, and all guest state
 * the accel needs is in env because globals are stored before every call
 * that may raise (see gen_call, gen_qemu_ld/st).
 */
static uintptr_t jit_exec(TCGContext *s, void *env, const void *code)
{
    uintptr_t (*enter)(void *, const void *) =
        (uintptr_t (*)(void *, const void *))(uintptr_t)s->prologue;

    return enter(env, code);
}

const TCGBackend tcg_backend_jit = {
    .kind = TCG_BACKEND_JIT,
    .gen = jit_gen,
    .set_jmp = jit_set_jmp,
    .exec = jit_exec,
};
