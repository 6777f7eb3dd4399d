/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Hexagon events, interrupts and hardware threads: entering an event
 * (SSR.EX, CAUSE, ELR, PC = EVB + 4n, the double-exception rule), the
 * interrupt model (IPEND/IAD shared by the threads in s20, per-thread
 * IMASK, SSR.IE, SYSCFG.GIE, auto-disable on acceptance), waking waiting
 * threads, and the end of the run when every thread is stopped.
 *
 * The 16 IRQ lines of each thread are the core interrupts 0-15: a raised
 * line latches into the shared IPEND and any qualified thread takes it.
 * The NMI (event 1) is per thread and not maskable: nmi(Rs) or QMP
 * inject-nmi sets the thread's nmi_pending flag from any thread and
 * raises CPU_INTERRUPT_NMI; the thread itself enters the event in
 * cpu_exec_interrupt as soon as it is not in a handler (SSR.EX = 0), so
 * ELR and SSR are never clobbered (rte raises the bit again for an NMI
 * that had to wait).
 * Spec: V6x System-Level Architecture, "Events" and "Interrupts";
 * /work/shared/reference/hexagon-system.md 1.4, 1.7, 1.8.
 */
#include "translate.h"
#include "hw/boards.h"
#include "util/log.h"

static CPUState *hex_cs(CPUHexagonState *env)
{
    return &hex_env_cpu(env)->parent_obj;
}

void hex_enter_event(CPUHexagonState *env, unsigned event, unsigned cause)
{
    uint32_t ssr = env->sreg[HEX_SREG_SSR];
    uint32_t evb = env->shared->sreg[HEX_SREG_EVB] & ~0xffu;

    if ((ssr & HEX_SSR_EX) && event != HEX_EVENT_RESET &&
        event < HEX_EVENT_INT0) {
        /* an exception while handling one: double exception */
        g_atomic_int_set(&env->shared->sreg[HEX_SREG_DIAG], cause);
        event = HEX_EVENT_PRECISE;
        cause = HEX_CAUSE_DOUBLE;
    }
    log_mask(LOG_INT, "%s: hexagon event %u cause 0x%02x at pc 0x%08x\n",
             hex_cs(env)->log_name ? hex_cs(env)->log_name : "hexagon",
             event, cause, env->pc);
    env->sreg[HEX_SREG_SSR] = (ssr & ~HEX_SSR_CAUSE_MASK) | HEX_SSR_EX |
                              (cause & HEX_SSR_CAUSE_MASK);
    env->sreg[HEX_SREG_ELR] = env->pc;
    env->pc = evb + 4 * event;
    /* every event (exception or interrupt) drops the LL/SC reservation */
    env->llsc_addr = UINT64_MAX;
}

void hex_raise_event(CPUHexagonState *env, unsigned event, unsigned cause,
                     uintptr_t retaddr)
{
    env->event = event;
    env->cause = cause;
    cpu_raise_exception(hex_cs(env), HEX_EXCP_EVENT, retaddr);
}

void hex_cpu_do_exception(CPUState *cs)
{
    CPUHexagonState *env = hex_env(cs);

    if (cs->exception_index == HEX_EXCP_EVENT) {
        hex_enter_event(env, env->event, env->cause);
    }
}

/* ------------------------------------------------------------------ */
/* Interrupts                                                           */

/* The interrupts thread @env may take now (reference 1.8). */
static uint32_t hex_qualified(CPUHexagonState *env)
{
    HexagonShared *sh = env->shared;
    uint32_t ipendad = g_atomic_int_get(&sh->sreg[HEX_SREG_IPENDAD]);
    uint32_t ssr = env->sreg[HEX_SREG_SSR];

    if (env->stopped || !(sh->sreg[HEX_SREG_SYSCFG] & HEX_SYSCFG_GIE) ||
        !(ssr & HEX_SSR_IE) || (ssr & HEX_SSR_EX)) {
        return 0;
    }
    return ipendad & ~(ipendad >> 16) & ~env->sreg[HEX_SREG_IMASK] & 0xffff;
}

void hex_kick_interrupts(CPUHexagonState *env)
{
    CPUCluster *cl = hex_cs(env)->cluster;
    uint32_t ipend = g_atomic_int_get(&env->shared->sreg[HEX_SREG_IPENDAD]) &
                     0xffff;

    /* an NMI that waited for the handler's end (rte) */
    if (g_atomic_int_get(&env->nmi_pending)) {
        cpu_interrupt(hex_cs(env), CPU_INTERRUPT_NMI);
    }
    if (!ipend) {
        return;
    }
    if (!cl) {
        cpu_interrupt(hex_cs(env), ipend);
        return;
    }
    for (unsigned i = 0; i < cl->num_cpus; i++) {
        if (hex_qualified(hex_env(cl->cpus[i]))) {
            cpu_interrupt(cl->cpus[i], ipend);
        }
    }
}

bool hex_cpu_exec_interrupt(CPUState *cs, uint32_t req)
{
    CPUHexagonState *env = hex_env(cs);
    HexagonShared *sh = env->shared;
    uint32_t lines = req & 0xffff;
    uint32_t q, old, bit;
    int i;

    if (req & CPU_INTERRUPT_NMI) {
        cpu_reset_interrupt(cs, CPU_INTERRUPT_NMI);
        if (hex_take_nmi(env)) {
            return true;
        }
    }
    if (!lines) {
        return false;
    }
    cpu_reset_interrupt(cs, lines);
    g_mutex_lock(&sh->lock);
    old = sh->sreg[HEX_SREG_IPENDAD];
    sh->sreg[HEX_SREG_IPENDAD] = old | lines;
    q = hex_qualified(env);
    if (!q) {
        g_mutex_unlock(&sh->lock);
        if ((old | lines) != old) {
            hex_kick_interrupts(env);   /* another thread may take it */
        }
        return false;
    }
    i = __builtin_ctz(q);
    bit = 1u << i;
    /* accept: IPEND[i] = 0, IAD[i] = 1 (auto-disable) */
    sh->sreg[HEX_SREG_IPENDAD] = (sh->sreg[HEX_SREG_IPENDAD] & ~bit) |
                                 (bit << 16);
    if (env->waiting) {
        env->waiting = false;
        sh->sreg[HEX_SREG_MODECTL] &= ~(1u << (16 + hex_htid(env)));
    }
    g_mutex_unlock(&sh->lock);
    hex_enter_event(env, HEX_EVENT_INT0 + i, HEX_CAUSE_INT0 + i);
    return true;
}

/* An NMI is pending and @env may take it now. */
static bool hex_nmi_takeable(CPUHexagonState *env)
{
    return g_atomic_int_get(&env->nmi_pending) && !env->stopped &&
           !(env->sreg[HEX_SREG_SSR] & HEX_SSR_EX);
}

bool hex_cpu_has_work(CPUState *cs)
{
    CPUHexagonState *env = hex_env(cs);

    if (env->stopped) {
        return false;
    }
    if (!env->waiting || hex_nmi_takeable(env)) {
        return true;
    }
    if (g_atomic_int_get(&cs->interrupt_request) & 0xffff) {
        g_mutex_lock(&env->shared->lock);
        env->shared->sreg[HEX_SREG_IPENDAD] |=
            g_atomic_int_get(&cs->interrupt_request) & 0xffff;
        g_mutex_unlock(&env->shared->lock);
    }
    return hex_qualified(env) != 0;
}

/* ------------------------------------------------------------------ */
/* NMI                                                                  */

void hex_raise_nmi(CPUState *cs)
{
    CPUHexagonState *env = hex_env(cs);

    if (env->stopped) {
        return;
    }
    g_atomic_int_set(&env->nmi_pending, 1);
    cpu_interrupt(cs, CPU_INTERRUPT_NMI);
}

bool hex_inject_nmi(CPUState *cs, Error **errp)
{
    hex_raise_nmi(cs);
    return true;
}

bool hex_take_nmi(CPUHexagonState *env)
{
    if (!hex_nmi_takeable(env)) {
        return false;
    }
    g_atomic_int_set(&env->nmi_pending, 0);
    if (env->waiting) {
        g_mutex_lock(&env->shared->lock);
        env->waiting = false;
        env->shared->sreg[HEX_SREG_MODECTL] &= ~(1u << (16 + hex_htid(env)));
        g_mutex_unlock(&env->shared->lock);
    }
    hex_enter_event(env, HEX_EVENT_NMI, HEX_CAUSE_NMI);
    return true;
}

/* nmi(Rs): bit t of @mask raises the NMI on thread t of the core. */
static void helper_nmi(void *envp, uint32_t mask)
{
    CPUHexagonState *env = envp;
    CPUCluster *cl = hex_cs(env)->cluster;

    if (!cl) {
        if (mask & 1) {
            hex_raise_nmi(hex_cs(env));
        }
        return;
    }
    for (unsigned t = 0; t < cl->num_cpus && t < 32; t++) {
        if (mask & (1u << t)) {
            hex_raise_nmi(cl->cpus[t]);
        }
    }
}

const TCGHelperInfo hex_helper_nmi_info = {
    .func = (const void *)helper_nmi, .name = "nmi",
    .flags = 0, .nb_args = 2, .ret = TCG_CALL_VOID,
    .args = { TCG_CALL_PTR, TCG_CALL_I32 },
};

/* ------------------------------------------------------------------ */
/* Threads                                                              */

void hex_check_all_stopped(CPUHexagonState *env)
{
    CPUState *cs = hex_cs(env);
    CPUState *t0 = cs->cluster ? cs->cluster->cpus[0] : cs;
    HexagonCPU *cpu0 = HEXAGON_CPU(t0);
    MachineState *ms;
    uint32_t e = g_atomic_int_get(&env->shared->sreg[HEX_SREG_MODECTL]) &
                 0xff;

    if (e || !cpu0->stop_powers_off) {
        return;
    }
    /* reference 1.4: the run ends with thread 0's r2 as the exit code */
    cpu0->exit_code = (int)cpu0->env.gpr[2];
    cpu0->exit_requested = true;
    ms = machine_of(OBJECT(t0));
    if (ms) {
        machine_request_shutdown(ms, cpu0->exit_code);
    }
}
