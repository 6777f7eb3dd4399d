/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * What a frontend's translate hook uses: the translation context, code
 * fetch through the vCPU's code TLB, instruction-start records, the
 * block-ending rules (instruction budget, page crossing) and the ways to
 * leave a block (chained direct jump, indirect jump through the jump
 * cache, plain exit).
 *
 * accel/tcg wraps every block: before the frontend's ops it emits the
 * exit-request and instruction-budget check, after them the exit the
 * check branches to.  The frontend emits only guest semantics.
 * See docs/devel/accel.md ("Translating a block").
 */
#ifndef EXEC_TRANSLATOR_H
#define EXEC_TRANSLATOR_H

#include "hemu/osdep.h"
#include "tcg/tcg-op.h"
#include "exec/target-arch.h"

typedef struct TranslationBlock TranslationBlock;

struct TranslatorCtx {
    CPUState *cpu;              /* the vCPU translating (code TLB) */
    TCGContext *tcg;            /* where the ops go */
    void *globals;              /* what the frontend's tcg_init returned */
    TBKey key;                  /* pc, flags, extra of the block */
    unsigned max_insns;         /* stop after this many, >= 1 */
    unsigned page_bits;         /* the cluster's page size (log2) */
    /* out */
    unsigned num_insns;         /* insn_start records emitted */
    vaddr pc_next;              /* pc after the last translated insn */
    /* private to accel */
    TranslationBlock *tb_;
    hwaddr phys_pc_;            /* guest physical address of key.pc */
    const uint8_t *host_page_;  /* host memory of the first page or NULL */
    GArray *insn_data_;         /* uint64_t x 3 per insn_start */
};

/* Start guest instruction number ctx->num_insns: record @d0 (its pc) and
   up to two more frontend words for restore_state. */
void translator_insn_start(TranslatorCtx *ctx, uint64_t d0, uint64_t d1,
                           uint64_t d2);

/*
 * Fetch code at @pc (little- or big-endian as @op says; MO_8..MO_64)
 * through the code TLB.  A fetch from the block's first page reads host
 * memory directly.  A fault raises the frontend's exception.
 */
uint64_t translator_ld(TranslatorCtx *ctx, vaddr pc, MemOp op);

/*
 * Call right after translator_insn_start(ctx, @pc, ...): true when a
 * debugger breakpoint is set at @pc (include/exec/cpu-debug.h).  Then a
 * call raising EXCP_DEBUG before the instruction has been emitted and
 * ctx->pc_next set past it: the frontend ends the block there, emitting
 * nothing more.
 */
bool translator_breakpoint(TranslatorCtx *ctx, vaddr pc);

/*
 * True when the block must end before the next instruction: max_insns
 * reached, or ctx->pc_next starts another page than ctx->key.pc.
 */
bool translator_should_stop(const TranslatorCtx *ctx);

/* True if a direct jump to @dest may be chained (same page as the block
   start, chaining enabled). */
bool translator_use_goto_tb(const TranslatorCtx *ctx, vaddr dest);

/*
 * Leave the block through goto_tb slot @n (0 or 1): emit after
 * tcg_gen_goto_tb(s, n) and the pc update; the loop chains the slot to
 * the next block.
 */
void translator_exit_tb(TranslatorCtx *ctx, unsigned n);
/* Leave the block with no successor known (after updating the pc). */
void translator_exit_tb_nochain(TranslatorCtx *ctx);
/* Jump to the block for the current state via the jump cache, or leave
   when it is not translated yet (after updating the pc). */
void translator_lookup_and_goto_ptr(TranslatorCtx *ctx);

#endif
