/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Helpers called from Hexagon generated code: raising events (at a packet
 * or after it, for traps), rte, the probe of deferred stores, system
 * register transfers, the thread and interrupt instructions (start, stop,
 * wait, resume, swi, cswi, ciad, siad, iassignw/r, setimask/getimask,
 * setprio, the k0lock/tlblock locks), memw_phys, cycle counters and the
 * semihosting entry.  (FP is in xtype2-fp.c and fp.c.)
 * Spec: V6x System-Level Architecture ("System instructions");
 * /work/shared/reference/hexagon-system.md 1.4, 1.8, 1.10.
 */
#include "translate.h"
#include "exec/cputlb.h"
#include "hw/irq.h"
#include "util/log.h"

static CPUState *env_cs(CPUHexagonState *env)
{
    return &hex_env_cpu(env)->parent_obj;
}

/* Raise @event/@cause at the packet (nothing of it is committed). */
static void helper_raise(void *envp, uint32_t event, uint32_t cause)
{
    hex_raise_event(envp, event, cause, GETPC());
}

const TCGHelperInfo hex_helper_raise_info = {
    .func = (const void *)helper_raise, .name = "raise",
    .flags = TCG_CALL_MAY_RAISE | TCG_CALL_NO_WRITE_GLOBALS, .nb_args = 3,
    .ret = TCG_CALL_VOID, .args = { TCG_CALL_PTR, TCG_CALL_I32, TCG_CALL_I32 },
};

/* After a packet committed (trap0/trap1): ELR = @next_pc. */
static void helper_end_event(void *envp, uint32_t event, uint32_t cause,
                             uint32_t next_pc)
{
    CPUHexagonState *env = envp;
    CPUState *cs = env_cs(env);

    cpu_restore_state(cs, GETPC(), true);
    env->pc = next_pc;
    env->event = event;
    env->cause = cause;
    cs->exception_index = HEX_EXCP_EVENT;
    cpu_loop_exit(cs);
}

const TCGHelperInfo hex_helper_end_event_info = {
    .func = (const void *)helper_end_event, .name = "end_event",
    .flags = TCG_CALL_MAY_RAISE, .nb_args = 4, .ret = TCG_CALL_VOID,
    .args = { TCG_CALL_PTR, TCG_CALL_I32, TCG_CALL_I32, TCG_CALL_I32 },
};

/* rte: PC = ELR, SSR.EX = 0; pending interrupts may now qualify. */
static void helper_rte(void *envp)
{
    CPUHexagonState *env = envp;

    env->pc = env->sreg[HEX_SREG_ELR];
    env->sreg[HEX_SREG_SSR] &= ~HEX_SSR_EX;
    hex_kick_interrupts(env);
}

const TCGHelperInfo hex_helper_rte_info = {
    .func = (const void *)helper_rte, .name = "rte",
    .flags = 0, .nb_args = 1, .ret = TCG_CALL_VOID,
    .args = { TCG_CALL_PTR },
};

/* Fault now if a store of @op at @addr would fault at the packet end. */
static void helper_probe_store(void *envp, uint64_t addr, uint32_t op)
{
    CPUHexagonState *env = envp;
    CPUState *cs = env_cs(env);
    unsigned size = memop_size((MemOp)op);

    if (addr & (size - 1)) {
        hex_cpu_do_unaligned_access(cs, addr, MMU_DATA_STORE, hex_mode(env),
                                    GETPC());
    }
    hex_cpu_tlb_fill(cs, addr, size, MMU_DATA_STORE, hex_mode(env), false,
                     GETPC());
}

const TCGHelperInfo hex_helper_probe_store_info = {
    .func = (const void *)helper_probe_store, .name = "probe_store",
    .flags = TCG_CALL_MAY_RAISE | TCG_CALL_NO_WRITE_GLOBALS, .nb_args = 3,
    .ret = TCG_CALL_VOID, .args = { TCG_CALL_PTR, TCG_CALL_I64, TCG_CALL_I32 },
};

/* As probe_store, for a load (a store of the packet is done before it). */
static void helper_probe_load(void *envp, uint64_t addr, uint32_t op)
{
    CPUHexagonState *env = envp;
    CPUState *cs = env_cs(env);
    unsigned size = memop_size((MemOp)op);

    if (size > 1 && (addr & (size - 1))) {
        hex_cpu_do_unaligned_access(cs, addr, MMU_DATA_LOAD, hex_mode(env),
                                    GETPC());
    }
    hex_cpu_tlb_fill(cs, addr, size, MMU_DATA_LOAD, hex_mode(env), false,
                     GETPC());
}

const TCGHelperInfo hex_helper_probe_load_info = {
    .func = (const void *)helper_probe_load, .name = "probe_load",
    .flags = TCG_CALL_MAY_RAISE | TCG_CALL_NO_WRITE_GLOBALS, .nb_args = 3,
    .ret = TCG_CALL_VOID, .args = { TCG_CALL_PTR, TCG_CALL_I64, TCG_CALL_I32 },
};

static uint32_t helper_sreg_read(void *envp, uint32_t reg)
{
    return hex_sreg_read(envp, reg);
}

const TCGHelperInfo hex_helper_sreg_read_info = {
    .func = (const void *)helper_sreg_read, .name = "sreg_read",
    .flags = TCG_CALL_NO_RWG, .nb_args = 2, .ret = TCG_CALL_I32,
    .args = { TCG_CALL_PTR, TCG_CALL_I32 },
};

static void helper_sreg_write(void *envp, uint32_t reg, uint32_t val)
{
    hex_sreg_write(envp, reg, val);
}

const TCGHelperInfo hex_helper_sreg_write_info = {
    .func = (const void *)helper_sreg_write, .name = "sreg_write",
    .flags = TCG_CALL_NO_RWG, .nb_args = 3, .ret = TCG_CALL_VOID,
    .args = { TCG_CALL_PTR, TCG_CALL_I32, TCG_CALL_I32 },
};

/* ------------------------------------------------------------------ */
/* Threads                                                              */

static void modectl_update(HexagonShared *sh, uint32_t set, uint32_t clr)
{
    g_mutex_lock(&sh->lock);
    sh->sreg[HEX_SREG_MODECTL] = (sh->sreg[HEX_SREG_MODECTL] & ~clr) | set;
    g_mutex_unlock(&sh->lock);
}

/* start(mask): soft-reset and run the stopped threads of @mask. */
static void hex_start_threads(CPUHexagonState *env, uint32_t mask)
{
    CPUCluster *cl = env_cs(env)->cluster;

    for (unsigned t = 0; cl && t < cl->num_cpus; t++) {
        CPUHexagonState *te = hex_env(cl->cpus[t]);

        if (!(mask & (1u << t)) || !te->stopped) {
            continue;
        }
        te->sreg[HEX_SREG_SSR] = HEX_SSR_EX;    /* cause 0: reset */
        te->pc = env->shared->sreg[HEX_SREG_EVB] & ~0xffu;
        te->waiting = false;
        modectl_update(env->shared, 1u << t, 0);
        te->stopped = false;
        cpu_interrupt(cl->cpus[t], CPU_INTERRUPT_EXITTB);
    }
}

static void hex_resume_threads(CPUHexagonState *env, uint32_t mask)
{
    CPUCluster *cl = env_cs(env)->cluster;

    for (unsigned t = 0; cl && t < cl->num_cpus; t++) {
        CPUHexagonState *te = hex_env(cl->cpus[t]);

        if ((mask & (1u << t)) && te->waiting) {
            modectl_update(env->shared, 0, 1u << (16 + t));
            te->waiting = false;
            cpu_interrupt(cl->cpus[t], CPU_INTERRUPT_EXITTB);
        }
    }
}

/* stop/wait: this thread sleeps after its packet (pc = @next_pc). */
static void hex_sleep(CPUHexagonState *env, bool stop, uint32_t next_pc,
                      uintptr_t ra)
{
    CPUState *cs = env_cs(env);
    unsigned t = hex_htid(env);

    cpu_restore_state(cs, ra, true);
    env->pc = next_pc;
    if (stop) {
        env->stopped = true;
        modectl_update(env->shared, 0, 1u << t);
        hex_check_all_stopped(env);
    } else {
        env->waiting = true;
        modectl_update(env->shared, 1u << (16 + t), 0);
    }
    g_atomic_int_set(&cs->halted, 1);
    cs->exception_index = EXCP_HLT;
    cpu_loop_exit(cs);
}

/* The IPENDAD update of swi/cswi/ciad/siad. */
static void ipendad_update(CPUHexagonState *env, uint32_t set, uint32_t clr)
{
    HexagonShared *sh = env->shared;

    g_mutex_lock(&sh->lock);
    sh->sreg[HEX_SREG_IPENDAD] = (sh->sreg[HEX_SREG_IPENDAD] & ~clr) | set;
    g_mutex_unlock(&sh->lock);
    hex_kick_interrupts(env);
}

/* Thread/interrupt/lock instructions with one register operand. */
static uint32_t helper_sys1(void *envp, uint32_t op, uint32_t rs,
                            uint32_t next_pc)
{
    CPUHexagonState *env = envp;
    CPUCluster *cl = env_cs(env)->cluster;
    uint32_t ret = 0;

    switch (op) {
    case HEX_SYS_SWI:
        ipendad_update(env, rs & 0xffff, 0);
        break;
    case HEX_SYS_CSWI:
        ipendad_update(env, 0, rs & 0xffff);
        break;
    case HEX_SYS_CIAD:
        ipendad_update(env, 0, (rs & 0xffff) << 16);
        /* the L2VIC may deliver its next interrupt (its "rearm" input) */
        irq_pulse(HEXAGON_CPU(env_cs(env))->ciad_out);
        break;
    case HEX_SYS_SIAD:
        ipendad_update(env, (rs & 0xffff) << 16, 0);
        break;
    case HEX_SYS_IASSIGNW:
        /* interrupt Rs[19:16]: thread t's IMASK bit := Rs[t] */
        for (unsigned t = 0; cl && t < cl->num_cpus; t++) {
            CPUHexagonState *te = hex_env(cl->cpus[t]);
            uint32_t bit = 1u << ((rs >> 16) & 15);

            te->sreg[HEX_SREG_IMASK] = (te->sreg[HEX_SREG_IMASK] & ~bit) |
                                       ((rs >> t) & 1 ? bit : 0);
        }
        hex_kick_interrupts(env);
        break;
    case HEX_SYS_IASSIGNR:
        for (unsigned t = 0; cl && t < cl->num_cpus; t++) {
            ret |= ((hex_env(cl->cpus[t])->sreg[HEX_SREG_IMASK] >>
                     (rs & 15)) & 1) << t;
        }
        break;
    case HEX_SYS_GETIMASK:
        if (cl && (rs & 7) < cl->num_cpus) {
            ret = hex_env(cl->cpus[rs & 7])->sreg[HEX_SREG_IMASK];
        }
        break;
    case HEX_SYS_START:
        hex_start_threads(env, rs);
        break;
    case HEX_SYS_RESUME:
        hex_resume_threads(env, rs);
        break;
    case HEX_SYS_STOP:
        hex_sleep(env, true, next_pc, GETPC());
        break;
    case HEX_SYS_WAIT:
        hex_sleep(env, false, next_pc, GETPC());
        break;
    case HEX_SYS_TLBINVASID:
        hex_tlb_invalidate_asid(env, rs);
        break;
    default:
        /* locks: one thread runs at a time per lock; with no contention
           modelled the lock and unlock only flip the SYSCFG bits */
        g_mutex_lock(&env->shared->lock);
        if (op == HEX_SYS_TLBLOCK || op == HEX_SYS_TLBUNLOCK) {
            env->shared->sreg[HEX_SREG_SYSCFG] =
                (env->shared->sreg[HEX_SREG_SYSCFG] & ~HEX_SYSCFG_TLBLOCK) |
                (op == HEX_SYS_TLBLOCK ? HEX_SYSCFG_TLBLOCK : 0);
        } else if (op == HEX_SYS_K0LOCK || op == HEX_SYS_K0UNLOCK) {
            env->shared->sreg[HEX_SREG_SYSCFG] =
                (env->shared->sreg[HEX_SREG_SYSCFG] & ~HEX_SYSCFG_K0LOCK) |
                (op == HEX_SYS_K0LOCK ? HEX_SYSCFG_K0LOCK : 0);
        }
        g_mutex_unlock(&env->shared->lock);
        break;
    }
    return ret;
}

const TCGHelperInfo hex_helper_sys1_info = {
    .func = (const void *)helper_sys1, .name = "sys1",
    .flags = TCG_CALL_MAY_RAISE, .nb_args = 4, .ret = TCG_CALL_I32,
    .args = { TCG_CALL_PTR, TCG_CALL_I32, TCG_CALL_I32, TCG_CALL_I32 },
};

/* setimask(Pt,Rs) / setprio(Pt,Rs): thread Pt's IMASK or STID.PRIO. */
static void helper_sys2(void *envp, uint32_t op, uint32_t thread,
                        uint32_t rs)
{
    CPUHexagonState *env = envp;
    CPUCluster *cl = env_cs(env)->cluster;
    CPUHexagonState *te;

    if (!cl || (thread & 7) >= cl->num_cpus) {
        return;
    }
    te = hex_env(cl->cpus[thread & 7]);
    if (op == HEX_SYS_SETIMASK) {
        te->sreg[HEX_SREG_IMASK] = rs & 0xffff;
        hex_kick_interrupts(env);
    } else {
        te->sreg[HEX_SREG_STID] = (te->sreg[HEX_SREG_STID] & ~0xff0000u) |
                                  ((rs & 0xff) << 16);
    }
}

const TCGHelperInfo hex_helper_sys2_info = {
    .func = (const void *)helper_sys2, .name = "sys2",
    .flags = TCG_CALL_NO_RWG, .nb_args = 4, .ret = TCG_CALL_VOID,
    .args = { TCG_CALL_PTR, TCG_CALL_I32, TCG_CALL_I32, TCG_CALL_I32 },
};

/* Rd = memw_phys(Rs, Rt): the word at physical (Rt << 11) + Rs[10:0]. */
static uint32_t helper_memw_phys(void *envp, uint32_t rs, uint32_t rt)
{
    CPUHexagonState *env = envp;
    CPUState *cs = env_cs(env);
    hwaddr pa = ((hwaddr)rt << 11) + (rs & 0x7ff);

    return (uint32_t)address_space_ld(&cs->cluster->as, pa & ~(hwaddr)3,
                                      MO_LEUL, MEMTXATTRS_UNSPECIFIED, NULL);
}

const TCGHelperInfo hex_helper_memw_phys_info = {
    .func = (const void *)helper_memw_phys, .name = "memw_phys",
    .flags = TCG_CALL_NO_RWG, .nb_args = 3, .ret = TCG_CALL_I32,
    .args = { TCG_CALL_PTR, TCG_CALL_I32, TCG_CALL_I32 },
};

/* The semihosting call of trap0(#0), before the trap0 event. */
static void helper_semihost(void *envp)
{
    hex_semihosting_call(envp);
}

const TCGHelperInfo hex_helper_semihost_info = {
    .func = (const void *)helper_semihost, .name = "semihost",
    .flags = TCG_CALL_MAY_RAISE, .nb_args = 1, .ret = TCG_CALL_VOID,
    .args = { TCG_CALL_PTR },
};

/* UPCYCLE, PKTCOUNT, UTIMER: halves of the thread's packet count. */
static uint32_t helper_pcycle(void *envp, uint32_t reg)
{
    CPUState *cs = env_cs(envp);
    uint64_t n = cpu_get_insn_count(cs);

    return (reg & 1) ? (uint32_t)(n >> 32) : (uint32_t)n;
}

const TCGHelperInfo hex_helper_pcycle_info = {
    .func = (const void *)helper_pcycle, .name = "pcycle",
    .flags = TCG_CALL_NO_RWG, .nb_args = 2, .ret = TCG_CALL_I32,
    .args = { TCG_CALL_PTR, TCG_CALL_I32 },
};
