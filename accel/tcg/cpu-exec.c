/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The execution loop of one vCPU: deliver pending exceptions and
 * interrupts at TB boundaries, find or translate the next TB (jump cache,
 * then the cluster's hash table), chain it to the previous one, run it.
 * Helpers and slow paths leave translated code with siglongjmp back to
 * cpu_exec(), after restoring the guest state of the faulting instruction
 * through tcg_restore_state and the frontend's restore_state.
 *
 * Instruction counting: cpu->icount_budget is charged a TB's whole
 * instruction count at its entry, and refunded the instructions an early
 * exit (exception, SMC restart) did not execute; so counts are exact.
 */
#include "internal.h"
#include "util/log.h"

/* The vCPU the calling thread runs (the one allowed writable TLS). */
static __thread CPUState *tcg_current_cpu;

CPUState *cpu_current(void)
{
    return tcg_current_cpu;
}

void cpu_set_current(CPUState *cpu)
{
    tcg_current_cpu = cpu;
}

void tb_jmp_cache_clear(CPUState *cpu)
{
    memset(cpu->jmp_cache, 0, sizeof(*cpu->jmp_cache) * CPU_JMP_CACHE_SIZE);
}

void cpu_restore_state(CPUState *cpu, uintptr_t retaddr, bool insn_done)
{
    CPUCluster *cl = cpu->cluster;
    TranslationBlock *tb;
    uint64_t data[3] = { 0 };
    int idx = -1;

    if (!retaddr) {
        return;
    }
    if (!cpu->tb_locked) {
        g_mutex_lock(&cl->tb_lock);
    }
    /* a host address inside the calling guest instruction */
    retaddr = tcg_call_site(cl->tcg, retaddr);
    tb = tb_cache_find_by_host_pc(cl, retaddr);
    if (tb) {
        idx = tcg_restore_state(cl->tcg, &tb->tr, retaddr, data);
    }
    if (!cpu->tb_locked) {
        g_mutex_unlock(&cl->tb_lock);
    }
    if (idx < 0) {
        return;
    }
    cpu->arch->restore_state(cpu, data);
    /* The TB paid for all its insns; give back those not executed. */
    cpu->icount_budget += (int32_t)tb->num_insns - idx - (insn_done ? 1 : 0);
}

void cpu_loop_exit(CPUState *cpu)
{
    assert(cpu->in_exec);
    siglongjmp(cpu->jmp_env, 1);
}

void cpu_loop_exit_restore(CPUState *cpu, uintptr_t retaddr)
{
    cpu_restore_state(cpu, retaddr, false);
    cpu_loop_exit(cpu);
}

void cpu_raise_exception(CPUState *cpu, int excp, uintptr_t retaddr)
{
    cpu->exception_index = excp;
    cpu_loop_exit_restore(cpu, retaddr);
}

/* Find or translate the TB for the current state; NULL: flush needed. */
TranslationBlock *tb_lookup(CPUState *cpu, uint32_t max_insns)
{
    CPUCluster *cl = cpu->cluster;
    TranslationBlock *tb, k;
    unsigned h;
    TBKey key;

    cpu->arch->get_tb_key(cpu, &key);
    h = tb_jmp_cache_hash(key.pc);
    tb = cpu->jmp_cache[h];
    if (max_insns == 0 && tb && !tb->invalid && tb->pc == key.pc &&
        tb->flags == key.flags && tb->extra == key.extra &&
        tb->max_insns == 0) {
        return tb;
    }
    memset(&k, 0, sizeof(k));
    k.pc = key.pc;
    k.flags = key.flags;
    k.extra = key.extra;
    k.max_insns = max_insns;
    g_mutex_lock(&cl->tb_lock);
    cpu->tb_locked = true;
    k.phys_pc = tb_get_phys_pc(cpu, key.pc);
    tb = tb_cache_lookup(cl, &k);
    if (!tb) {
        tb = tb_gen_code(cpu, &key, k.phys_pc, max_insns);
    }
    cpu->tb_locked = false;
    g_mutex_unlock(&cl->tb_lock);
    if (tb && max_insns == 0) {
        cpu->jmp_cache[h] = tb;
    }
    return tb;
}

/* Flush the code buffer with every vCPU of the cluster out of its code. */
static void cpu_exec_flush_code(CPUState *cpu)
{
    CPUCluster *cl = cpu->cluster;

    for (uint32_t i = 0; i < cl->num_cpus; i++) {
        g_atomic_int_set(&cl->cpus[i]->exit_request, 1);
    }
    g_rw_lock_writer_lock(&cl->exec_lock);
    g_mutex_lock(&cl->tb_lock);
    tb_cache_flush(cl);
    for (uint32_t i = 0; i < cl->num_cpus; i++) {
        tb_jmp_cache_clear(cl->cpus[i]);
    }
    g_mutex_unlock(&cl->tb_lock);
    g_rw_lock_writer_unlock(&cl->exec_lock);
}

/* Exceptions and interrupts at a TB boundary; >= 0: leave with it. */
static int cpu_handle_events(CPUState *cpu, TranslationBlock **last_tb)
{
    uint32_t req;

    if (cpu->exception_index >= EXCP_FIRST_ACCEL) {
        int r = cpu->exception_index;
        cpu->exception_index = EXCP_NONE;
        return r;
    }
    if (cpu->exception_index >= 0) {
        log_mask(LOG_INT, "%s: exception %d\n", cpu->log_name,
                 cpu->exception_index);
        cpu->arch->do_exception(cpu);
        cpu->exception_index = EXCP_NONE;
        *last_tb = NULL;
    }
    g_atomic_int_set(&cpu->exit_request, 0);
    tlb_process_pending(cpu);
    req = g_atomic_int_get(&cpu->interrupt_request);
    if (req & CPU_INTERRUPT_EXITTB) {
        cpu_reset_interrupt(cpu, CPU_INTERRUPT_EXITTB);
        *last_tb = NULL;
    }
    /* a single step is not diverted into an interrupt handler */
    if ((req & (0xffff | CPU_INTERRUPT_NMI)) && !cpu->singlestep &&
        !cpu->watch_step &&
        cpu->arch->cpu_exec_interrupt(cpu, req)) {
        *last_tb = NULL;
        if (cpu->exception_index >= EXCP_FIRST_ACCEL) {
            return cpu_handle_events(cpu, last_tb);
        }
    }
    if (g_atomic_int_get(&cpu->exit_loop)) {
        g_atomic_int_set(&cpu->exit_loop, 0);
        return EXCP_INTERRUPT;
    }
    if (cpu->icount_budget <= 0) {
        return EXCP_BUDGET;
    }
    return -1;
}

static int cpu_exec_loop(CPUState *cpu)
{
    CPUCluster *cl = cpu->cluster;
    TranslationBlock *last_tb = NULL, *tb;
    unsigned slot = 0;
    uint64_t flush_gen = 0;     /* flushes seen when last_tb was valid */

    for (;;) {
        uint32_t max_insns;
        uintptr_t ret;
        int r = cpu_handle_events(cpu, &last_tb);

        if (r >= 0) {
            return r;
        }
        max_insns = cpu->cflags_next_tb;
        cpu->cflags_next_tb = 0;
        if (cpu->singlestep || cpu->watch_step) {
            /*
             * one instruction (or the exception it took), then stop; a
             * watchpoint hit re-runs its instruction the same way
             */
            if (cpu->step_taken) {
                cpu->step_taken = false;
                cpu->watch_step = false;
                return EXCP_DEBUG;
            }
            max_insns = 1;
        }
        g_rw_lock_reader_lock(&cl->exec_lock);
        cpu->exec_locked = true;
        tb = tb_lookup(cpu, max_insns);
        if (!tb) {
            cpu->exec_locked = false;
            g_rw_lock_reader_unlock(&cl->exec_lock);
            cpu_exec_flush_code(cpu);
            cpu->cflags_next_tb = max_insns;
            last_tb = NULL;
            continue;
        }
        /*
         * A flush by another vCPU since then freed last_tb.  A count-
         * limited TB never chains out: single steps reuse it.
         */
        if (last_tb && max_insns == 0 && last_tb->max_insns == 0 &&
            cl->tbs->stats.flushes == flush_gen) {
            g_mutex_lock(&cl->tb_lock);
            tb_add_jump(cl, last_tb, slot, tb);
            g_mutex_unlock(&cl->tb_lock);
        }
        log_mask(LOG_EXEC, "%s: exec pc 0x%" VADDR_PRIx "\n",
                 cpu->log_name, tb->pc);
        if (log_enabled(LOG_CPU) && cpu->arch->dump_state) {
            g_autoptr(GString) st = g_string_new(NULL);
            cpu->arch->dump_state(cpu, st);
            log_printf("%s", st->str);
        }
        cpu->nb_exec_entries++;
        cpu->step_taken = cpu->singlestep || cpu->watch_step;
        ret = tcg_exec(cl->tcg, cpu_env(cpu), tb->tr.code);
        /* Stable: flushes change only under exec_lock held for writing. */
        flush_gen = cl->tbs->stats.flushes;
        cpu->exec_locked = false;
        g_rw_lock_reader_unlock(&cl->exec_lock);
        last_tb = (TranslationBlock *)(ret & ~TCG_EXIT_SLOT_MASK);
        slot = ret & TCG_EXIT_SLOT_MASK;
        if (last_tb && slot == TB_EXIT_REQUESTED) {
            /*
             * Not run: exit requested, or budget too small for it.  It
             * may have been entered by a chained jump, which skips the
             * pc update of the unchained path: set the state to its start.
             */
            cpu->arch->restore_state(cpu, last_tb->insn_data);
            cpu->step_taken = false;
            if (!g_atomic_int_get(&cpu->exit_request) &&
                cpu->icount_budget > 0 &&
                (uint32_t)cpu->icount_budget < last_tb->num_insns) {
                cpu->cflags_next_tb = (uint32_t)cpu->icount_budget;
            }
            last_tb = NULL;
        }
    }
}

/* Locks a siglongjmp left held are released at the landing point. */
static void cpu_exec_longjmp_cleanup(CPUState *cpu)
{
    CPUCluster *cl = cpu->cluster;

    if (cpu->tb_locked) {
        cpu->tb_locked = false;
        g_mutex_unlock(&cl->tb_lock);
    }
    if (cpu->exec_locked) {
        cpu->exec_locked = false;
        g_rw_lock_reader_unlock(&cl->exec_lock);
    }
    if (cpu->atomic_locked) {
        cpu->atomic_locked = false;
        g_mutex_unlock(&cl->atomic_lock);
    }
    if (cpu->gen_tb) {
        /* a code fetch fault during translation: drop the partial block */
        g_free(cpu->gen_tb);
        g_array_free(cpu->gen_insn_data, TRUE);
        cpu->gen_tb = NULL;
        cpu->gen_insn_data = NULL;
    }
}

/* The setjmp landing point; helpers siglongjmp to it. */
static int __attribute__((noinline)) cpu_exec_setjmp(void)
{
    if (sigsetjmp(cpu_current()->jmp_env, 0) != 0) {
        cpu_exec_longjmp_cleanup(cpu_current());
    }
    return cpu_exec_loop(cpu_current());
}

int cpu_exec(CPUState *cpu)
{
    int ret;

    assert(cpu->cluster->tcg);
    if (g_atomic_int_get(&cpu->reset_held)) {
        return EXCP_HLT;        /* held by its "reset" input */
    }
    if (g_atomic_int_get(&cpu->reset_pending)) {
        g_atomic_int_set(&cpu->reset_pending, 0);
        cpu_reset(cpu);
    }
    if (g_atomic_int_get(&cpu->halted)) {
        if (!cpu->arch->has_work(cpu)) {
            return EXCP_HLT;
        }
        g_atomic_int_set(&cpu->halted, 0);
    }
    cpu->watch_hit_kind = 0;    /* the debugger has seen it (paused) */
    cpu_set_current(cpu);
    cpu->in_exec = true;
    ret = cpu_exec_setjmp();
    cpu->in_exec = false;
    cpu_set_current(NULL);
    return ret;
}
