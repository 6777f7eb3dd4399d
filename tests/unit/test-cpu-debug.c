/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The engine's debugger support (include/exec/cpu-debug.h) with the
 * test-only frontend "testarch": single-stepping runs exactly one
 * instruction per cpu_exec() even through code that was chained while
 * running normally, interrupts wait while stepping, the breakpoint list
 * and its code-cache flushes, and a vCPU thread that stops for the
 * debugger tells the cluster's hook and parks until the vCPUs pause.
 * (Breakpoint hits need a frontend that calls translator_breakpoint():
 * tests/functional/test-gdbstub.py checks them on AArch64.)
 *
 * Expected values are derived by hand from the programs next to them.
 */
#include "exec/cpu-debug.h"
#include "exec/cpus.h"
#include "testarch/rig.h"

/*
 * r1 counts up to r2 = 1000: the loop body is the two instructions at 4
 * and 8 (BNE at 8 jumps back by 4 + (-2) * 4 = -4 bytes, to 4).
 */
static const uint32_t loop_prog[] = {
    I(ADDI, 2, 0, 0, 1000),     /* 0: r2 = 1000 (r0 = 0) */
    I(ADDI, 1, 1, 0, 1),        /* 4: r1 += 1 */
    I(BNE, 1, 2, 0, -2),        /* 8: r1 != r2: back to 4 */
    I(HALT, 0, 0, 0, 0),        /* 12 */
};

/* One step: EXCP_DEBUG after exactly one more instruction. */
static void step_once(CPUState *cpu)
{
    uint64_t n = cpu_get_insn_count(cpu);

    g_assert_cmpint(cpu_exec(cpu), ==, EXCP_DEBUG);
    g_assert_cmpuint(cpu_get_insn_count(cpu), ==, n + 1);
}

static void test_single_step(void)
{
    for (int b = 0; b < 2; b++) {
        Rig r;
        CPUState *cpu;
        TestArchEnv *env;

        if (!tcg_backend_available(rig_backends[b])) {
            continue;
        }
        rig_init(&r, 12, rig_backends[b]);
        cpu = r.cl->cpus[0];
        env = ta_env(cpu);
        rig_load(&r, 0, loop_prog, G_N_ELEMENTS(loop_prog));
        /* run normally first: the loop's TB gets chained to itself */
        cpu_set_budget(cpu, 101);
        g_assert_cmpint(cpu_exec(cpu), ==, EXCP_BUDGET);
        /* 101 insns: the ADDI at 0, then 50 iterations: r1 = 50, pc 4 */
        g_assert_cmpuint(env->regs[1], ==, 50);
        g_assert_cmpuint(env->pc, ==, 4);
        cpu_single_step(cpu, true);
        cpu_set_budget(cpu, 1 << 30);
        for (int i = 0; i < 20; i++) {
            step_once(cpu);
            /* even steps end after the ADDI at 4, odd after the BNE */
            g_assert_cmpuint(env->pc, ==, i % 2 ? 4 : 8);
            g_assert_cmpuint(env->regs[1], ==, 51 + i / 2);
        }
        /* stepping off: the rest of the loop runs to HALT */
        cpu_single_step(cpu, false);
        rig_run(&r);
        g_assert_cmpuint(env->regs[1], ==, 1000);
        rig_free(&r);
    }
}

/*
 * The same through an indirect jump: the JR leaves its TB through the
 * jump cache (goto_ptr), which must not enter the loop's normal TB while
 * stepping.  Per iteration: ADDI at 8, BEQ at 12 (not taken), JR at 16.
 */
static void test_single_step_indirect(void)
{
    const uint32_t prog[] = {
        I(ADDI, 2, 0, 0, 1000), /* 0: r2 = 1000 */
        I(ADDI, 3, 0, 0, 8),    /* 4: r3 = 8 */
        I(ADDI, 1, 1, 0, 1),    /* 8: r1 += 1 */
        I(BEQ, 1, 2, 0, 1),     /* 12: r1 == r2: to 12 + 4 + 4 = 20 */
        I(JR, 0, 3, 0, 0),      /* 16: pc = r3 = 8 */
        I(HALT, 0, 0, 0, 0),    /* 20 */
    };
    static const uint32_t pcs[3] = { 8, 12, 16 };   /* after JR, ADDI, BEQ */

    for (int b = 0; b < 2; b++) {
        Rig r;
        CPUState *cpu;
        TestArchEnv *env;

        if (!tcg_backend_available(rig_backends[b])) {
            continue;
        }
        rig_init(&r, 12, rig_backends[b]);
        cpu = r.cl->cpus[0];
        env = ta_env(cpu);
        rig_load(&r, 0, prog, G_N_ELEMENTS(prog));
        /* 34 = the TB at 0 (4 insns) + 10 x (JR, then ADDI + BEQ) */
        cpu_set_budget(cpu, 34);
        g_assert_cmpint(cpu_exec(cpu), ==, EXCP_BUDGET);
        g_assert_cmpuint(env->regs[1], ==, 11);
        g_assert_cmpuint(env->pc, ==, 16);
        cpu_single_step(cpu, true);
        cpu_set_budget(cpu, 1 << 30);
        for (int i = 0; i < 30; i++) {
            step_once(cpu);
            g_assert_cmpuint(env->pc, ==, pcs[i % 3]);
            /* the ADDI runs on the second step of every three */
            g_assert_cmpuint(env->regs[1], ==, 11 + (i + 2) / 3);
        }
        cpu_single_step(cpu, false);
        rig_run(&r);
        g_assert_cmpuint(env->regs[1], ==, 1000);
        rig_free(&r);
    }
}

/* A pending interrupt is not taken by a step, and is once stepping ends. */
static void test_step_masks_interrupts(void)
{
    const uint32_t handler[] = { I(ADDI, 7, 0, 0, 77), I(HALT, 0, 0, 0, 0) };
    Rig r;
    CPUState *cpu;
    TestArchEnv *env;

    rig_init(&r, 12, TCG_BACKEND_INTERP);
    cpu = r.cl->cpus[0];
    env = ta_env(cpu);
    rig_load(&r, 0, loop_prog, G_N_ELEMENTS(loop_prog));
    rig_load(&r, 0x100, handler, G_N_ELEMENTS(handler));
    env->ie = 1;
    env->vector = 0x100;
    cpu_interrupt(cpu, CPU_INTERRUPT_HARD);
    cpu_single_step(cpu, true);
    cpu_set_budget(cpu, 1 << 30);
    step_once(cpu);
    /* the ADDI at 0 ran, no exception was taken */
    g_assert_cmpuint(env->pc, ==, 4);
    g_assert_cmpuint(env->nb_exceptions, ==, 0);
    cpu_single_step(cpu, false);
    rig_run(&r);
    /* taken at the next TB boundary: before the insn at 4 ran */
    g_assert_cmpuint(env->regs[7], ==, 77);
    g_assert_cmpuint(env->cause, ==, TA_EXCP_IRQ);
    g_assert_cmpuint(env->epc, ==, 4);
    rig_free(&r);
}

static uint64_t flushes(CPUCluster *cl)
{
    TBStats st;

    cpu_cluster_get_tb_stats(cl, &st);
    return st.flushes;
}

static void test_breakpoint_list(void)
{
    Rig r;
    uint64_t f0;

    rig_init(&r, 12, TCG_BACKEND_INTERP);
    rig_load(&r, 0, loop_prog, G_N_ELEMENTS(loop_prog));
    rig_run(&r);                /* translate something */
    f0 = flushes(r.cl);
    g_assert_true(cpu_breakpoint_insert(r.cl, 8));
    g_assert_true(cpu_breakpoint_test(r.cl, 8));
    g_assert_false(cpu_breakpoint_test(r.cl, 4));
    /* each change drops the translated code, a repeat changes nothing */
    g_assert_cmpuint(flushes(r.cl), ==, f0 + 1);
    g_assert_true(cpu_breakpoint_insert(r.cl, 8));
    g_assert_cmpuint(flushes(r.cl), ==, f0 + 1);
    g_assert_true(cpu_breakpoint_remove(r.cl, 8));
    g_assert_false(cpu_breakpoint_remove(r.cl, 8));
    g_assert_cmpuint(flushes(r.cl), ==, f0 + 2);
    /* CPU_MAX_BREAKPOINTS fit, one more does not */
    for (vaddr pc = 0; pc < CPU_MAX_BREAKPOINTS; pc++) {
        g_assert_true(cpu_breakpoint_insert(r.cl, pc * 4));
    }
    g_assert_false(cpu_breakpoint_insert(r.cl, CPU_MAX_BREAKPOINTS * 4));
    cpu_breakpoint_remove_all(r.cl);
    g_assert_false(cpu_breakpoint_test(r.cl, 0));
    g_assert_cmpuint(r.cl->nb_breakpoints, ==, 0);
    rig_free(&r);
}

typedef struct StopSeen {
    uint32_t calls;             /* atomic */
    CPUState *cpu;
} StopSeen;

static void stop_hook(CPUState *cpu, void *opaque)
{
    StopSeen *seen = opaque;

    seen->cpu = cpu;
    g_atomic_int_inc(&seen->calls);
}

/* A stepping vCPU thread tells the hook once, then parks until paused. */
static void test_thread_parks(gconstpointer data)
{
    bool single = GPOINTER_TO_INT(data);
    StopSeen seen = { 0 };
    AccelConfig cfg;
    CPUState *cpu;
    Rig r;

    rig_init(&r, 12, TCG_BACKEND_INTERP);
    cpu = r.cl->cpus[0];
    rig_load(&r, 0, loop_prog, G_N_ELEMENTS(loop_prog));
    cpu_cluster_set_debug_stop(r.cl, stop_hook, &seen);
    cpu_single_step(cpu, true);
    accel_config_init(&cfg);
    cfg.backend = TCG_BACKEND_INTERP;
    cfg.single_thread = single;
    g_assert_true(cpus_start(r.root, &cfg, &error_abort));
    g_assert_true(rig_wait_for(&seen.calls, 5000));
    g_usleep(20000);            /* a spinning vCPU would step again */
    cpus_pause(r.root);
    g_assert_cmpuint(g_atomic_int_get(&seen.calls), ==, 1);
    g_assert_true(seen.cpu == cpu);
    /* exactly the ADDI at 0 ran */
    g_assert_cmpuint(ta_env(cpu)->pc, ==, 4);
    g_assert_cmpuint(ta_env(cpu)->regs[2], ==, 1000);
    cpu_single_step(cpu, false);
    cpu_cluster_set_debug_stop(r.cl, NULL, NULL);
    cpus_resume(r.root);
    g_assert_true(rig_wait_for(&ta_env(cpu)->stopped, 5000));
    cpus_stop(r.root);
    g_assert_cmpuint(ta_env(cpu)->regs[1], ==, 1000);
    rig_free(&r);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/cpu-debug/single-step", test_single_step);
    g_test_add_func("/cpu-debug/single-step-indirect",
                    test_single_step_indirect);
    g_test_add_func("/cpu-debug/step-masks-interrupts",
                    test_step_masks_interrupts);
    g_test_add_func("/cpu-debug/breakpoint-list", test_breakpoint_list);
    g_test_add_data_func("/cpu-debug/thread-parks/multi",
                         GINT_TO_POINTER(0), test_thread_parks);
    g_test_add_data_func("/cpu-debug/thread-parks/single",
                         GINT_TO_POINTER(1), test_thread_parks);
    return g_test_run();
}
