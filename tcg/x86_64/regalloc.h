/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Interface between the x86-64 code generator (jit.c) and its register
 * allocator (regalloc.c).  Private to tcg/x86_64.
 */
#ifndef TCG_X86_64_REGALLOC_H
#define TCG_X86_64_REGALLOC_H

#include "emit.h"

/* Per-translation state of the JIT; lives on the generator's stack. */
typedef struct JitState {
    TCGContext *s;
    uint8_t *start;             /* first byte of this translation */
    TCGTemp *reg_to_temp[16];   /* NULL: free (or a constant for one op) */
    uint16_t locked;            /* registers in use by the current op */
} JitState;

extern const uint16_t jit_regs_all;
extern const uint16_t jit_regs_callee_saved;

void jit_movi(TCGContext *s, int reg, uint64_t v);
void jit_mov(TCGContext *s, bool w64, int dst, int src);
void jit_temp_home(JitState *j, TCGTemp *t, int *base, int32_t *disp);
void jit_load_value(JitState *j, TCGTemp *t, int reg);
/* Write @t home if its register copy is newer. */
void jit_temp_sync(JitState *j, TCGTemp *t);
/* Spill whatever lives in @reg. */
void jit_reg_free(JitState *j, int reg);
/* A free (or freed) register in @allowed, not locked. */
int jit_reg_alloc(JitState *j, uint16_t allowed);
/* Load @t into a register of @allowed and lock it for the current op. */
int jit_temp_load(JitState *j, TCGTemp *t, uint16_t allowed);
void jit_temp_dead(JitState *j, TCGTemp *t);
/* @t's new value is in @reg (not yet written home). */
void jit_temp_set_reg(JitState *j, TCGTemp *t, int reg);
void jit_sync_globals(JitState *j, bool tb_temps_too);
/* Spill registers in @mask (and every global if @globals_everywhere). */
void jit_free_regs(JitState *j, uint16_t mask, bool globals_everywhere);
/* State at a label: globals and TB temps home, EBB temps dead. */
void jit_block_reset(JitState *j);

/* vec.c: host code for one env-memory vector op (TCG_OPF_VECTOR). */
void jit_gen_vec(JitState *j, TCGOp *op);

#endif
