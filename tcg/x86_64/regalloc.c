/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Register allocation for the x86-64 JIT: a local allocator driven by the
 * liveness pass (tcg/liveness.c).
 *
 * Every temp has a home: globals at env (RBP) + offset, TB and EBB temps
 * at RSP + 8 * index in the frame the prologue reserves.  A temp's value
 * is dead, in its home, a constant, or in one host register (possibly
 * newer than its home: mem_coherent false).  Registers free at a temp's
 * last use (TCG_LIFE_DEAD); when none is free the first unlocked one is
 * spilled.  Constants are materialized into a locked scratch register for
 * one op and never cached.  At block boundaries (jit.c) globals and TB
 * temps are written home, so every label starts with all of them in
 * memory.  RBP (env), RSP, R10 and R11 (code generator scratch) are never
 * allocated.
 */
#include "regalloc.h"

#define ALLOCATABLE ((1u << RBX) | (1u << R12) | (1u << R13) | (1u << R14) |  \
                     (1u << R15) | (1u << RSI) | (1u << RDI) | (1u << R8) |   \
                     (1u << R9) | (1u << RAX) | (1u << RCX) | (1u << RDX))

const uint16_t jit_regs_all = ALLOCATABLE;
const uint16_t jit_regs_callee_saved = (1u << RBX) | (1u << R12) |
    (1u << R13) | (1u << R14) | (1u << R15);
/* allocation order: callee-saved first (they survive calls) */
static const uint8_t alloc_order[] = {
    RBX, R12, R13, R14, R15, RSI, RDI, R8, R9, RCX, RAX, RDX,
};

void jit_temp_home(JitState *j, TCGTemp *t, int *base, int32_t *disp)
{
    if (t->kind == TEMP_GLOBAL) {
        *base = RBP;
        *disp = t->mem_offset;
    } else {
        *base = RSP;
        *disp = t->index * 8;
    }
}

static int temp_opc_w(const TCGTemp *t)
{
    return t->type == TCG_TYPE_I64 ? P_REXW : 0;
}

void jit_movi(TCGContext *s, int reg, uint64_t v)
{
    if (v == 0) {
        emit_rr(s, OPC_XOR, reg, reg);
    } else if (v <= UINT32_MAX) {
        emit_opc(s, 0xb8 + (reg & 7), 0, reg, 0);
        emit32(s, v);
    } else if ((int64_t)v == (int32_t)v) {
        emit_rr(s, 0xc7 | P_REXW, 0, reg);
        emit32(s, v);
    } else {
        emit_opc(s, (0xb8 + (reg & 7)) | P_REXW, 0, reg, 0);
        emit64(s, v);
    }
}

void jit_mov(TCGContext *s, bool w64, int dst, int src)
{
    if (dst != src) {
        emit_rr(s, OPC_STORE | (w64 ? P_REXW : 0), src, dst);
    }
}

/* Emit code putting @t's value in @reg without changing the state. */
void jit_load_value(JitState *j, TCGTemp *t, int reg)
{
    TCGContext *s = j->s;
    int base;
    int32_t disp;

    if (t->kind == TEMP_FIXED) {
        jit_mov(s, true, reg, RBP);
    } else if (t->kind == TEMP_CONST) {
        jit_movi(s, reg, t->type == TCG_TYPE_I32 ? (uint32_t)t->val
                                                 : (uint64_t)t->val);
    } else if (t->val_type == TEMP_VAL_REG) {
        jit_mov(s, true, reg, t->reg);
    } else {
        jit_temp_home(j, t, &base, &disp);
        emit_rm(s, OPC_LOAD | temp_opc_w(t), reg, base, disp);
    }
}

void jit_temp_sync(JitState *j, TCGTemp *t)
{
    int base;
    int32_t disp;

    if (t->val_type == TEMP_VAL_REG && !t->mem_coherent) {
        jit_temp_home(j, t, &base, &disp);
        emit_rm(j->s, OPC_STORE | temp_opc_w(t), t->reg, base, disp);
        t->mem_coherent = true;
    }
}

void jit_reg_free(JitState *j, int reg)
{
    TCGTemp *t = j->reg_to_temp[reg];

    if (t) {
        jit_temp_sync(j, t);
        t->val_type = TEMP_VAL_MEM;
        j->reg_to_temp[reg] = NULL;
    }
}

int jit_reg_alloc(JitState *j, uint16_t allowed)
{
    allowed &= ~j->locked;
    for (size_t i = 0; i < ARRAY_SIZE(alloc_order); i++) {
        int r = alloc_order[i];

        if ((allowed & (1u << r)) && !j->reg_to_temp[r]) {
            return r;
        }
    }
    for (size_t i = 0; i < ARRAY_SIZE(alloc_order); i++) {
        int r = alloc_order[i];

        if (allowed & (1u << r)) {
            jit_reg_free(j, r);
            return r;
        }
    }
    g_assert_not_reached();
}

int jit_temp_load(JitState *j, TCGTemp *t, uint16_t allowed)
{
    int r;

    if (t->kind == TEMP_FIXED) {
        return RBP;
    }
    if (t->val_type == TEMP_VAL_REG && (allowed & (1u << t->reg))) {
        j->locked |= 1u << t->reg;
        return t->reg;
    }
    r = jit_reg_alloc(j, allowed);
    j->locked |= 1u << r;
    jit_load_value(j, t, r);
    if (t->kind == TEMP_CONST) {
        return r;
    }
    if (t->val_type == TEMP_VAL_REG) {
        /* moved to an allowed register */
        j->reg_to_temp[t->reg] = NULL;
    } else {
        t->mem_coherent = true;
    }
    t->val_type = TEMP_VAL_REG;
    t->reg = r;
    j->reg_to_temp[r] = t;
    return r;
}

void jit_temp_dead(JitState *j, TCGTemp *t)
{
    if (t->kind != TEMP_TB && t->kind != TEMP_EBB) {
        return;
    }
    if (t->val_type == TEMP_VAL_REG) {
        j->reg_to_temp[t->reg] = NULL;
    }
    t->val_type = TEMP_VAL_DEAD;
}

void jit_temp_set_reg(JitState *j, TCGTemp *t, int reg)
{
    assert(t->kind != TEMP_FIXED && t->kind != TEMP_CONST);
    if (j->reg_to_temp[reg] && j->reg_to_temp[reg] != t) {
        jit_reg_free(j, reg);
    }
    if (t->val_type == TEMP_VAL_REG && t->reg != reg) {
        j->reg_to_temp[t->reg] = NULL;
    }
    t->val_type = TEMP_VAL_REG;
    t->reg = reg;
    t->mem_coherent = false;
    j->reg_to_temp[reg] = t;
}

void jit_sync_globals(JitState *j, bool tb_temps_too)
{
    for (unsigned i = 0; i < j->s->nb_temps; i++) {
        TCGTemp *t = &j->s->temps[i];

        if (t->kind == TEMP_GLOBAL || (tb_temps_too && t->kind == TEMP_TB)) {
            jit_temp_sync(j, t);
        }
    }
}

void jit_free_regs(JitState *j, uint16_t mask, bool globals_everywhere)
{
    for (int r = 0; r < 16; r++) {
        TCGTemp *t = j->reg_to_temp[r];

        if (t && ((mask & (1u << r)) ||
                  (globals_everywhere && t->kind == TEMP_GLOBAL))) {
            jit_reg_free(j, r);
        }
    }
}

void jit_block_reset(JitState *j)
{
    for (unsigned i = 0; i < j->s->nb_temps; i++) {
        TCGTemp *t = &j->s->temps[i];

        switch (t->kind) {
        case TEMP_GLOBAL:
        case TEMP_TB:
            t->val_type = TEMP_VAL_MEM;
            break;
        case TEMP_EBB:
            t->val_type = TEMP_VAL_DEAD;
            break;
        default:
            t->val_type = TEMP_VAL_CONST;
            break;
        }
        t->mem_coherent = true;
    }
    memset(j->reg_to_temp, 0, sizeof(j->reg_to_temp));
    j->locked = 0;
}
