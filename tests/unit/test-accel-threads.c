/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * accel/tcg unit tests with vCPU threads, with the test-only frontend
 * "testarch": two clusters with 4K and 64K pages running at once
 * (multi-threaded and single-threaded round-robin), an interrupt raised
 * through a CPU's IRQ line from another thread waking a WFI'd vCPU, and
 * icount: the virtual clock counts instructions, runs repeat exactly and
 * an MMIO access in the middle of a TB sees the exact count.
 *
 * Every expected value is derived by hand from the guest program next to
 * it (instruction counts included).
 */
#include "exec/cpu.h"
#include "exec/cpus.h"
#include "hw/irq.h"
#include "testarch/rig.h"

/* ---- MMU: two clusters with different page sizes at once ---------- */

static void run_two_clusters(bool single, TCGBackendKind backend)
{
    Rig a, b;
    Object *root = object_new(TYPE_CONTAINER);
    AccelConfig cfg;
    TBStats st;

    memset(&a, 0, sizeof(a));
    memset(&b, 0, sizeof(b));
    /* two vCPUs share apps' code cache and memory */
    rig_cluster(&a, root, "apps", 2, 12, backend);
    rig_cluster(&b, root, "dsp", 1, 16, backend);
    rig_mmu_setup(&a, 12);
    rig_mmu_setup(&b, 16);
    accel_config_init(&cfg);
    cfg.backend = backend;
    cfg.single_thread = single;
    cfg.quantum = 3;
    g_assert_true(cpus_start(root, &cfg, &error_abort));
    g_assert_true(rig_wait_for(&ta_env(a.cl->cpus[0])->stopped, 5000));
    g_assert_true(rig_wait_for(&ta_env(a.cl->cpus[1])->stopped, 5000));
    g_assert_true(rig_wait_for(&ta_env(b.cl->cpus[0])->stopped, 5000));
    cpus_stop(root);
    /*
     * apps' two vCPUs ran the same code, translated once for both.
     * Multi-threaded (no quantum): TB 0 (7 insns to the faulting LD) and
     * TB 0x100.  Single-threaded with 3-insn turns, a TB longer than the
     * budget left is retranslated with a count limit: (0), (0, max 3),
     * (12), (12, max 3), (24: LD + HALT fit), (0x100): 6.
     */
    cpu_cluster_get_tb_stats(a.cl, &st);
    g_assert_cmpuint(st.translations, ==, single ? 6 : 2);
    g_assert_cmpuint(cpu_cluster_get_insn_count(a.cl), ==, 14);
    g_assert_null(object_get_child(root, "accel"));
    rig_mmu_check(&a, 12);
    rig_mmu_check(&b, 16);
    object_unref(root);
    rig_cleanup_memory(&a);
    rig_cleanup_memory(&b);
}

static void test_mmu_two_clusters(void)
{
    for (int i = 0; i < 2; i++) {
        if (!tcg_backend_available(rig_backends[i])) {
            continue;
        }
        run_two_clusters(true, rig_backends[i]);
        run_two_clusters(false, rig_backends[i]);
    }
}

/* ---- interrupts across threads -------------------------------------- */

static gpointer raise_irq_thread(gpointer opaque)
{
    CPUState *cpu = opaque;

    g_usleep(20000);
    irq_raise(qdev_get_gpio_in(DEVICE(cpu), 0));
    return NULL;
}

static void test_wfi_irq(void)
{
    static const uint32_t prog[] = {
        I(WFI, 0, 0, 0, 0),     /* 0: sleep */
        I(HALT, 0, 0, 0, 0),    /* 4: woken without an interrupt */
    };
    static const uint32_t handler[] = {
        I(ADDI, 7, 0, 0, 77),   /* 0x100: r7 = 77 */
        I(HALT, 0, 0, 0, 0),
    };
    Rig r;
    CPUState *cpu;
    AccelConfig cfg;
    GThread *t;

    rig_init(&r, 12, TCG_BACKEND_INTERP);
    cpu = r.cl->cpus[0];
    rig_load(&r, 0, prog, G_N_ELEMENTS(prog));
    rig_load(&r, 0x100, handler, G_N_ELEMENTS(handler));
    ta_env(cpu)->ie = 1;
    ta_env(cpu)->vector = 0x100;
    accel_config_init(&cfg);
    g_assert_true(cpus_start(r.root, &cfg, &error_abort));
    g_assert_true(rig_wait_for(&cpu->halted, 5000));
    g_assert_cmpuint(ta_env(cpu)->regs[7], ==, 0);
    t = g_thread_new("irq", raise_irq_thread, cpu);
    g_assert_true(rig_wait_for(&ta_env(cpu)->stopped, 5000));
    g_thread_join(t);
    cpus_stop(r.root);
    g_assert_cmpuint(ta_env(cpu)->regs[7], ==, 77);
    /* WFI completed: the interrupt was taken on the insn after it. */
    g_assert_cmpuint(ta_env(cpu)->epc, ==, 4);
    g_assert_cmpuint(ta_env(cpu)->cause, ==, TA_EXCP_IRQ);
    rig_free(&r);
}

/*
 * An interrupt from another thread into two TBs chained to each other:
 * the vCPU must take it at a TB boundary with the exact state there.
 * T0 = [0, 4] jumps to T12 = [12, 16], which jumps back; chained, neither
 * stores pc.  At T0's entry r3 == r4; at T12's entry r3 == r4 + 1.
 */
static void test_irq_chained(void)
{
    static const uint32_t prog[] = {
        I(ADDI, 3, 3, 0, 1),    /* 0:  r3 += 1 */
        I(BEQ, 0, 0, 0, 1),     /* 4:  goto 12 (4+4+4) */
        I(HALT, 0, 0, 0, 0),    /* 8:  never */
        I(ADDI, 4, 4, 0, 1),    /* 12: r4 += 1 */
        I(BEQ, 0, 0, 0, -5),    /* 16: goto 0 (16+4-20) */
    };
    uint32_t handler = I(HALT, 0, 0, 0, 0);

    for (int b = 0; b < 2; b++) {
        Rig r;
        CPUState *cpu;
        TestArchEnv *env;
        AccelConfig cfg;
        GThread *t;

        if (!tcg_backend_available(rig_backends[b])) {
            continue;
        }
        rig_init(&r, 12, rig_backends[b]);
        cpu = r.cl->cpus[0];
        env = ta_env(cpu);
        rig_load(&r, 0, prog, G_N_ELEMENTS(prog));
        rig_load(&r, 0x100, &handler, 1);
        env->ie = 1;
        env->vector = 0x100;
        accel_config_init(&cfg);
        cfg.backend = rig_backends[b];
        g_assert_true(cpus_start(r.root, &cfg, &error_abort));
        t = g_thread_new("irq", raise_irq_thread, cpu);
        g_assert_true(rig_wait_for(&env->stopped, 5000));
        g_thread_join(t);
        cpus_stop(r.root);
        g_assert_cmpuint(env->cause, ==, TA_EXCP_IRQ);
        g_assert_true(env->epc == 0 || env->epc == 12);
        g_assert_cmpuint(env->regs[3], ==,
                         env->regs[4] + (env->epc == 12 ? 1 : 0));
        /* both loops ran a while: chaining was in use */
        g_assert_cmpuint(env->regs[4], >, 100);
        rig_free(&r);
    }
}

/* ---- icount: deterministic, clock driven by instructions ----------- */

static void icount_timer_cb(void *opaque)
{
    cpu_interrupt(opaque, CPU_INTERRUPT_HARD);
}

/* What one icount run produced. */
typedef struct IcountRun {
    uint32_t a_r3;              /* A's counter when the timer hit */
    uint64_t a_insns, b_insns;
    int64_t clock_ns;           /* the virtual clock at the end */
    char out[8];                /* A's UART output, then B's */
} IcountRun;

/*
 * Cluster A counts in r3 until the virtual timer at 10000 ns interrupts
 * it; its handler stores r3 at 0x300, prints 'a' and halts.  Cluster B
 * counts down 3000 iterations, prints 'b' and halts.  shift 0 (1 ns per
 * insn), quantum 1000: A and B alternate 1000-insn turns; the timer fires
 * after the 5th turn of each, when A has run 5000 insns = 2500 iterations
 * of its two-insn loop.  A: 5000 + 6 handler insns = 5006.  B: 1 + 3000 *
 * 2 + 5 = 6006.  The clock ends at 5006 + 6006 = 11012 ns.
 */
static void run_icount(TCGBackendKind backend, IcountRun *res)
{
    static const uint32_t prog_a[] = {
        I(ADDI, 3, 3, 0, 1),    /* 0: r3 += 1 */
        I(BEQ, 0, 0, 0, -2),    /* 4: goto 0 (4+4-8) */
    };
    static const uint32_t handler_a[] = {
        I(ST, 3, 0, 0, 0x300),  /* 0x100: mem[0x300] = r3 */
        I(ADDI, 2, 0, 0, 0x20), /* 0x104 */
        I(SHLI, 2, 2, 0, 16),   /* 0x108: r2 = UART_BASE */
        I(ADDI, 4, 0, 0, 'a'),  /* 0x10c */
        I(STB, 4, 2, 0, 0),     /* 0x110: print 'a' */
        I(HALT, 0, 0, 0, 0),    /* 0x114 */
    };
    static const uint32_t prog_b[] = {
        I(ADDI, 1, 0, 0, 3000), /* 0:  r1 = 3000 */
        I(ADDI, 1, 1, 0, -1),   /* 4:  r1 -= 1 */
        I(BNE, 1, 0, 0, -2),    /* 8:  if r1 != 0 goto 4 (8+4-8) */
        I(ADDI, 2, 0, 0, 0x20), /* 12 */
        I(SHLI, 2, 2, 0, 16),   /* 16: r2 = UART_BASE */
        I(ADDI, 3, 0, 0, 'b'),  /* 20 */
        I(STB, 3, 2, 0, 0),     /* 24: print 'b' */
        I(HALT, 0, 0, 0, 0),    /* 28 */
    };
    Rig a, b;
    Object *root = object_new(TYPE_CONTAINER);
    TimerClock *clock = timer_clock_new_virtual("icount-test");
    Timer *timer;
    AccelConfig cfg;

    memset(&a, 0, sizeof(a));
    memset(&b, 0, sizeof(b));
    rig_cluster(&a, root, "apps", 1, 12, backend);
    rig_cluster(&b, root, "dsp", 1, 16, backend);
    rig_load(&a, 0, prog_a, G_N_ELEMENTS(prog_a));
    rig_load(&a, 0x100, handler_a, G_N_ELEMENTS(handler_a));
    rig_load(&b, 0, prog_b, G_N_ELEMENTS(prog_b));
    ta_env(a.cl->cpus[0])->ie = 1;
    ta_env(a.cl->cpus[0])->vector = 0x100;
    timer = timer_new_ns(clock, icount_timer_cb, a.cl->cpus[0]);
    timer_mod_ns(timer, 10000);
    accel_config_init(&cfg);
    cfg.backend = backend;
    cfg.single_thread = true;
    cfg.quantum = 1000;
    cfg.icount_shift = 0;
    cfg.clock = clock;
    g_assert_true(cpus_start(root, &cfg, &error_abort));
    g_assert_true(rig_wait_for(&ta_env(a.cl->cpus[0])->stopped, 5000));
    g_assert_true(rig_wait_for(&ta_env(b.cl->cpus[0])->stopped, 5000));
    cpus_stop(root);
    res->a_r3 = rig_peek(&a, 0x300);
    res->a_insns = cpu_get_insn_count(a.cl->cpus[0]);
    res->b_insns = cpu_get_insn_count(b.cl->cpus[0]);
    res->clock_ns = timer_clock_get_ns(clock);
    g_snprintf(res->out, sizeof(res->out), "%s%s", a.out->str, b.out->str);
    timer_free(timer);
    timer_clock_free(clock);
    object_unref(root);
    rig_cleanup_memory(&a);
    rig_cleanup_memory(&b);
}

static void test_icount(void)
{
    for (int i = 0; i < 2; i++) {
        IcountRun r1, r2;

        if (!tcg_backend_available(rig_backends[i])) {
            continue;
        }
        run_icount(rig_backends[i], &r1);
        run_icount(rig_backends[i], &r2);
        g_assert_cmpuint(r1.a_r3, ==, 2500);
        g_assert_cmpuint(r1.a_insns, ==, 5006);
        g_assert_cmpuint(r1.b_insns, ==, 6006);
        g_assert_cmpint(r1.clock_ns, ==, 11012);
        g_assert_cmpstr(r1.out, ==, "ab");
        /* the second run is the same in every respect */
        g_assert_cmpuint(r2.a_r3, ==, r1.a_r3);
        g_assert_cmpuint(r2.a_insns, ==, r1.a_insns);
        g_assert_cmpuint(r2.b_insns, ==, r1.b_insns);
        g_assert_cmpint(r2.clock_ns, ==, r1.clock_ns);
        g_assert_cmpstr(r2.out, ==, r1.out);
    }
}

/*
 * A device reading the virtual clock in the middle of a TB sees exactly
 * the instructions before the access: shift 2 (4 ns per insn), the first
 * load is the 6th instruction (5 before it: 20 ns), the second the 7th
 * (24 ns).  Charging the whole 8-insn TB at entry would give 32.
 */
static void test_icount_mmio(void)
{
    static const uint32_t prog[] = {
        I(ADDI, 1, 0, 0, 0x20), /* 0:  r1 = 0x20 */
        I(SHLI, 1, 1, 0, 16),   /* 4:  r1 = UART_BASE */
        I(ADDI, 2, 0, 0, 1),    /* 8 */
        I(ADDI, 2, 2, 0, 1),    /* 12 */
        I(ADDI, 2, 2, 0, 1),    /* 16 */
        I(LD, 3, 1, 0, 0),      /* 20: r3 = clock */
        I(LD, 4, 1, 0, 0),      /* 24: r4 = clock */
        I(HALT, 0, 0, 0, 0),    /* 28 */
    };

    for (int i = 0; i < 2; i++) {
        Rig r;
        AccelConfig cfg;
        CPUState *cpu;

        if (!tcg_backend_available(rig_backends[i])) {
            continue;
        }
        rig_init(&r, 12, rig_backends[i]);
        cpu = r.cl->cpus[0];
        r.clock = timer_clock_new_virtual("icount-mmio");
        rig_load(&r, 0, prog, G_N_ELEMENTS(prog));
        accel_config_init(&cfg);
        cfg.single_thread = true;
        cfg.icount_shift = 2;
        cfg.clock = r.clock;
        g_assert_true(cpus_start(r.root, &cfg, &error_abort));
        g_assert_true(rig_wait_for(&ta_env(cpu)->stopped, 5000));
        cpus_stop(r.root);
        g_assert_cmpuint(ta_env(cpu)->regs[3], ==, 20);
        g_assert_cmpuint(ta_env(cpu)->regs[4], ==, 24);
        g_assert_cmpint(timer_clock_get_ns(r.clock), ==, 8 * 4);
        timer_clock_free(r.clock);
        rig_free(&r);
    }
}


/*
 * icount with the only vCPU asleep in WFI: the clock jumps to the timer
 * at 5000 ns (shift 1: 2 ns per insn), whose interrupt wakes the vCPU.
 * The clock is then exactly 5000 (WFI's 2 ns plus a 4998 ns jump); the
 * handler's ADDI and SHLI add 4 ns before its LD reads the clock through
 * the UART: 5004.  Instructions: WFI + 4 in the handler = 5.
 * Multi-threaded icount is refused.
 */
static void test_icount_warp(void)
{
    static const uint32_t prog[] = {
        I(WFI, 0, 0, 0, 0),     /* 0 */
        I(HALT, 0, 0, 0, 0),    /* 4: not reached */
    };
    static const uint32_t handler[] = {
        I(ADDI, 1, 0, 0, 0x20),  /* 0x100: r1 = 0x20 */
        I(SHLI, 1, 1, 0, 16),    /* 0x104: r1 = UART_BASE */
        I(LD, 3, 1, 0, 0),       /* 0x108: r3 = clock */
        I(HALT, 0, 0, 0, 0),
    };
    Rig r;
    AccelConfig cfg;
    CPUState *cpu;
    Timer *timer;
    Error *err = NULL;

    rig_init(&r, 12, TCG_BACKEND_INTERP);
    cpu = r.cl->cpus[0];
    r.clock = timer_clock_new_virtual("icount-warp");
    rig_load(&r, 0, prog, G_N_ELEMENTS(prog));
    rig_load(&r, 0x100, handler, G_N_ELEMENTS(handler));
    ta_env(cpu)->ie = 1;
    ta_env(cpu)->vector = 0x100;
    timer = timer_new_ns(r.clock, icount_timer_cb, cpu);
    timer_mod_ns(timer, 5000);
    accel_config_init(&cfg);
    g_assert_true(accel_config_parse_icount(&cfg, "shift=1", &error_abort));
    cfg.clock = r.clock;
    cfg.single_thread = false;
    g_assert_false(cpus_start(r.root, &cfg, &err));
    g_assert_nonnull(strstr(error_get_pretty(err), "thread=single"));
    error_free(err);
    cfg.single_thread = true;
    g_assert_true(cpus_start(r.root, &cfg, &error_abort));
    g_assert_true(rig_wait_for(&ta_env(cpu)->stopped, 5000));
    cpus_stop(r.root);
    g_assert_cmpuint(ta_env(cpu)->regs[3], ==, 5004);
    g_assert_cmpuint(cpu_get_insn_count(cpu), ==, 5);
    timer_free(timer);
    timer_clock_free(r.clock);
    rig_free(&r);
}

/* ---- atomics: CAS from two vCPU threads ---------------------------- */

/*
 * Both vCPUs of one cluster increment the word at COUNTER N times each
 * with a load / CAS retry loop.  With a real atomic compare-and-swap no
 * increment is lost: the word ends at 2 * N.  (A CAS made of a separate
 * load and store loses updates when the two threads interleave, which on
 * two host cores happens within a few thousand iterations.)
 */
#define CAS_ITERS 10000
#define COUNTER 0x2000

static const uint32_t prog_cas[] = {
    I(ORI, 5, 0, 0, CAS_ITERS),  /*  0: r5 = N (r0 is 0; N < 2^14)     */
    I(ORI, 10, 0, 0, COUNTER),   /*  4: r10 = &counter                 */
    I(LD, 1, 10, 0, 0),          /*  8: r1 = *counter                  */
    I(ADDI, 3, 1, 0, 0),         /* 12: r3 = expected                  */
    I(ADDI, 2, 1, 0, 1),         /* 16: r2 = expected + 1              */
    I(CAS, 1, 10, 2, 0),         /* 20: r1 = old; stored if old == r1  */
    I(BNE, 1, 3, 0, -5),         /* 24: lost the race: retry at 8      */
    I(ADDI, 5, 5, 0, -1),        /* 28: one increment done             */
    I(BNE, 5, 0, 0, -7),         /* 32: more to do: back to 8          */
    I(HALT, 0, 0, 0, 0),         /* 36 */
};

static void test_cas_threads(void)
{
    for (int bi = 0; bi < 2; bi++) {
        TCGBackendKind backend = rig_backends[bi];
        Object *root;
        AccelConfig cfg;
        Rig r;

        if (!tcg_backend_available(backend)) {
            continue;
        }
        memset(&r, 0, sizeof(r));
        root = object_new(TYPE_CONTAINER);
        rig_cluster(&r, root, "apps", 2, 12, backend);
        rig_load(&r, 0, prog_cas, G_N_ELEMENTS(prog_cas));
        accel_config_init(&cfg);
        cfg.backend = backend;
        g_assert_true(cpus_start(root, &cfg, &error_abort));
        g_assert_true(rig_wait_for(&ta_env(r.cl->cpus[0])->stopped, 20000));
        g_assert_true(rig_wait_for(&ta_env(r.cl->cpus[1])->stopped, 20000));
        cpus_stop(root);
        g_assert_cmpuint(rig_peek(&r, COUNTER), ==, 2 * CAS_ITERS);
        object_unref(root);
        rig_cleanup_memory(&r);
    }
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/accel/mmu/two-clusters", test_mmu_two_clusters);
    g_test_add_func("/accel/wfi-irq", test_wfi_irq);
    g_test_add_func("/accel/irq-chained", test_irq_chained);
    g_test_add_func("/accel/cas-threads", test_cas_threads);
    g_test_add_func("/accel/icount", test_icount);
    g_test_add_func("/accel/icount-mmio", test_icount_mmio);
    g_test_add_func("/accel/icount-warp", test_icount_warp);
    return g_test_run();
}
