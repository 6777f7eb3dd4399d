/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Debugger support in the engine (include/exec/cpu-debug.h): the
 * per-cluster breakpoint list, the translator's breakpoint check and the
 * helper it emits, single-step control, whole-cache flushes, and the
 * per-cluster watchpoint list the softmmu slow path checks (cputlb.c
 * marks watched pages TLB_WATCH).
 *
 * Invariants: the breakpoint list changes under cluster->tb_lock, which
 * translation also holds, and every change flushes the code cache, so a
 * TB never outlives the list it was translated against.  The breakpoint
 * helper raises EXCP_DEBUG with the state restored to the instruction
 * (not executed), so resuming re-runs it.  The watchpoint list also
 * changes under tb_lock, and every change flushes the TLBs of the
 * cluster's vCPUs (at their next TB boundary), so a page is marked for
 * slow-path checks exactly while a watchpoint covers it.  A watchpoint
 * hit re-runs its instruction alone (watch_step) and stops after it.
 */
#include "exec/cpu-debug.h"
#include "internal.h"

/* The index of @pc in @cl's list, or -1; under tb_lock. */
static int breakpoint_find(CPUCluster *cl, vaddr pc)
{
    for (unsigned i = 0; i < cl->nb_breakpoints; i++) {
        if (cl->breakpoints[i] == pc) {
            return (int)i;
        }
    }
    return -1;
}

bool cpu_breakpoint_test(CPUCluster *cl, vaddr pc)
{
    bool r;

    g_mutex_lock(&cl->tb_lock);
    r = breakpoint_find(cl, pc) >= 0;
    g_mutex_unlock(&cl->tb_lock);
    return r;
}

bool cpu_breakpoint_insert(CPUCluster *cl, vaddr pc)
{
    bool changed = false, ok = true;

    g_mutex_lock(&cl->tb_lock);
    if (breakpoint_find(cl, pc) < 0) {
        if (cl->nb_breakpoints < CPU_MAX_BREAKPOINTS) {
            cl->breakpoints[cl->nb_breakpoints++] = pc;
            changed = true;
        } else {
            ok = false;
        }
    }
    g_mutex_unlock(&cl->tb_lock);
    if (changed) {
        tb_flush(cl);
    }
    return ok;
}

bool cpu_breakpoint_remove(CPUCluster *cl, vaddr pc)
{
    int i;

    g_mutex_lock(&cl->tb_lock);
    i = breakpoint_find(cl, pc);
    if (i >= 0) {
        cl->breakpoints[i] = cl->breakpoints[--cl->nb_breakpoints];
    }
    g_mutex_unlock(&cl->tb_lock);
    if (i >= 0) {
        tb_flush(cl);
    }
    return i >= 0;
}

void cpu_breakpoint_remove_all(CPUCluster *cl)
{
    unsigned n;

    g_mutex_lock(&cl->tb_lock);
    n = cl->nb_breakpoints;
    cl->nb_breakpoints = 0;
    g_mutex_unlock(&cl->tb_lock);
    if (n) {
        tb_flush(cl);
    }
}

void cpu_single_step(CPUState *cpu, bool on)
{
    cpu->singlestep = on;
    cpu->step_taken = false;
}

void cpu_cluster_set_debug_stop(CPUCluster *cl, CPUDebugStopFn *fn,
                                void *opaque)
{
    cl->debug_stop = fn;
    cl->debug_opaque = opaque;
}

void tb_flush(CPUCluster *cl)
{
    if (!cl->tcg || !cl->tbs) {
        return;                 /* nothing translated yet */
    }
    /* running vCPUs leave their chains and release exec_lock */
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

/* ------------------------------------------------------------------ */
/* The translator's side                                                */

/* Emitted at a breakpoint: stop before the instruction runs. */
static void helper_debug_breakpoint(void *env)
{
    CPUState *cpu = cpu_current();

    cpu->exception_index = EXCP_DEBUG;
    cpu_loop_exit_restore(cpu, GETPC());
}

static const TCGHelperInfo helper_debug_breakpoint_info = {
    .func = (const void *)helper_debug_breakpoint,
    .name = "debug_breakpoint",
    .flags = TCG_CALL_MAY_RAISE,
    .nb_args = 1,
    .ret = TCG_CALL_VOID,
    .args = { TCG_CALL_PTR },
};

bool translator_breakpoint(TranslatorCtx *ctx, vaddr pc)
{
    CPUCluster *cl = ctx->cpu->cluster;
    TCGArg args[1] = { tcgv_ptr_arg(tcg_env(ctx->tcg)) };

    /* tb_gen_code runs under tb_lock: the list is stable */
    if (!cl->nb_breakpoints || breakpoint_find(cl, pc) < 0) {
        return false;
    }
    tcg_gen_callN(ctx->tcg, &helper_debug_breakpoint_info, 0, args);
    /* the block covers the instruction, so SMC on it is still seen */
    ctx->pc_next = pc + ctx->cpu->arch->insn_align;
    return true;
}

/* ------------------------------------------------------------------ */
/* Watchpoints                                                          */

/* Flush every TLB of @cl so pages are marked (or unmarked) TLB_WATCH. */
static void watchpoint_flush_tlbs(CPUCluster *cl)
{
    for (uint32_t i = 0; cl->cpus && i < cl->num_cpus; i++) {
        tlb_flush_async(cl->cpus[i], UINT32_MAX);
    }
}

/* The index of the exact watchpoint, or -1; under tb_lock. */
static int watchpoint_find(CPUCluster *cl, vaddr addr, vaddr len,
                           CPUWatchKind kind)
{
    for (unsigned i = 0; i < cl->nb_watchpoints; i++) {
        const CPUWatchpoint *w = &cl->watchpoints[i];

        if (w->addr == addr && w->len == len && w->kind == kind) {
            return (int)i;
        }
    }
    return -1;
}

bool cpu_watchpoint_insert(CPUCluster *cl, vaddr addr, vaddr len,
                           CPUWatchKind kind)
{
    bool ok = true, changed = false;

    if (len == 0 || addr + (len - 1) < addr ||
        (kind & ~CPU_WATCH_ACCESS) || !kind) {
        return false;
    }
    g_mutex_lock(&cl->tb_lock);
    if (watchpoint_find(cl, addr, len, kind) < 0) {
        if (cl->nb_watchpoints < CPU_MAX_WATCHPOINTS) {
            cl->watchpoints[cl->nb_watchpoints++] =
                (CPUWatchpoint){ .addr = addr, .len = len, .kind = kind };
            changed = true;
        } else {
            ok = false;
        }
    }
    g_mutex_unlock(&cl->tb_lock);
    if (changed) {
        watchpoint_flush_tlbs(cl);
    }
    return ok;
}

bool cpu_watchpoint_remove(CPUCluster *cl, vaddr addr, vaddr len,
                           CPUWatchKind kind)
{
    int i;

    g_mutex_lock(&cl->tb_lock);
    i = watchpoint_find(cl, addr, len, kind);
    if (i >= 0) {
        cl->watchpoints[i] = cl->watchpoints[--cl->nb_watchpoints];
    }
    g_mutex_unlock(&cl->tb_lock);
    if (i >= 0) {
        watchpoint_flush_tlbs(cl);
    }
    return i >= 0;
}

void cpu_watchpoint_remove_all(CPUCluster *cl)
{
    unsigned n;

    g_mutex_lock(&cl->tb_lock);
    n = cl->nb_watchpoints;
    cl->nb_watchpoints = 0;
    g_mutex_unlock(&cl->tb_lock);
    if (n) {
        watchpoint_flush_tlbs(cl);
    }
}

/* Does [a, a + alen) overlap the watchpoint @w?  (No range wraps.) */
static bool watchpoint_overlaps(const CPUWatchpoint *w, vaddr a, vaddr alen)
{
    return a <= w->addr + (w->len - 1) && w->addr <= a + (alen - 1);
}

unsigned cpu_watchpoint_page_kinds(CPUCluster *cl, vaddr page, vaddr len)
{
    unsigned kinds = 0;

    for (unsigned i = 0; i < cl->nb_watchpoints; i++) {
        if (watchpoint_overlaps(&cl->watchpoints[i], page, len)) {
            kinds |= cl->watchpoints[i].kind;
        }
    }
    return kinds;
}

/* cpu_watchpoint_match with tb_lock held. */
static bool watchpoint_match_locked(CPUCluster *cl, vaddr addr,
                                    unsigned size, bool write, vaddr *hit,
                                    CPUWatchKind *kind)
{
    unsigned want = write ? CPU_WATCH_WRITE : CPU_WATCH_READ;

    for (unsigned i = 0; i < cl->nb_watchpoints; i++) {
        const CPUWatchpoint *w = &cl->watchpoints[i];

        if ((w->kind & want) && watchpoint_overlaps(w, addr, size)) {
            *hit = HEMU_MAX(addr, w->addr);
            *kind = w->kind;
            return true;
        }
    }
    return false;
}

bool cpu_watchpoint_match(CPUCluster *cl, vaddr addr, unsigned size,
                          bool write, vaddr *hit, CPUWatchKind *kind)
{
    bool r;

    if (size == 0) {
        return false;
    }
    g_mutex_lock(&cl->tb_lock);
    r = watchpoint_match_locked(cl, addr, size, write, hit, kind);
    g_mutex_unlock(&cl->tb_lock);
    return r;
}

void cpu_watchpoint_check(CPUState *cpu, vaddr addr, unsigned size,
                          bool write, uintptr_t retaddr)
{
    CPUWatchKind kind;
    vaddr hit;

    if (cpu->watch_step ||
        !cpu_watchpoint_match(cpu->cluster, addr, size, write, &hit,
                              &kind)) {
        return;
    }
    cpu->watch_hit_addr = hit;
    cpu->watch_hit_kind = (uint8_t)kind;
    cpu->watch_step = true;
    /* the instruction did not complete: run it again, alone */
    cpu_restore_state(cpu, retaddr, false);
    cpu->step_taken = false;
    cpu->exception_index = EXCP_NONE;
    cpu_loop_exit(cpu);
}

bool cpu_watchpoint_hit(CPUState *cpu, vaddr *addr, CPUWatchKind *kind)
{
    if (!cpu->watch_hit_kind) {
        return false;
    }
    *addr = cpu->watch_hit_addr;
    *kind = (CPUWatchKind)cpu->watch_hit_kind;
    return true;
}
