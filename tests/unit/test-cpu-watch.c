/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Watchpoints in the engine (include/exec/cpu-debug.h) with the test-only
 * frontend "testarch": the per-cluster list (kinds, overlap, limits), and
 * stops on both backends, whose inline TLB fast path must hand accesses
 * to watched pages to the slow path: a store, load or atomic that touches
 * a watched byte completes, then cpu_exec() returns EXCP_DEBUG with the pc
 * after it and cpu_watchpoint_hit() naming the data address; accesses to
 * other bytes of a watched page, and kinds not watched, run on; removing
 * a watchpoint unmarks its page; single steps and watchpoints combine.
 *
 * Expected values are derived by hand from the programs next to them.
 */
#include "exec/cpu-debug.h"
#include "testarch/rig.h"

#define DATA 0x800              /* the data word the programs use */

/*
 * r1 = DATA; r2 = 7; mem[DATA] = 7; r3 = 1; r4 = mem[DATA + 4]; HALT.
 * After the ST at 8 the pc is 12; after the LD at 16 it is 20.
 */
static const uint32_t prog[] = {
    I(ADDI, 1, 0, 0, DATA),     /* 0 */
    I(ADDI, 2, 0, 0, 7),        /* 4 */
    I(ST, 2, 1, 0, 0),          /* 8: store at DATA */
    I(ADDI, 3, 0, 0, 1),        /* 12 */
    I(LD, 4, 1, 0, 4),          /* 16: load from DATA + 4 */
    I(HALT, 0, 0, 0, 0),        /* 20 */
};

static void setup(Rig *r, TCGBackendKind b)
{
    rig_init(r, 12, b);
    rig_load(r, 0, prog, G_N_ELEMENTS(prog));
    rig_load(r, DATA + 4, (const uint32_t[]){ 0x1234 }, 1);
    cpu_set_budget(r->cl->cpus[0], 1 << 30);
}

/* cpu_exec stops for a watchpoint of @kind at @addr with pc @pc. */
static void expect_hit(CPUState *cpu, vaddr addr, CPUWatchKind kind,
                       uint32_t pc)
{
    CPUWatchKind k;
    vaddr a;

    g_assert_cmpint(cpu_exec(cpu), ==, EXCP_DEBUG);
    g_assert_cmpuint(ta_env(cpu)->pc, ==, pc);
    g_assert_true(cpu_watchpoint_hit(cpu, &a, &k));
    g_assert_cmphex(a, ==, addr);
    g_assert_cmpint(k, ==, kind);
}

/* cpu_exec runs to HALT without stopping. */
static void expect_halt(CPUState *cpu)
{
    vaddr a;
    CPUWatchKind k;

    g_assert_cmpint(cpu_exec(cpu), ==, EXCP_HLT);
    g_assert_cmpuint(ta_env(cpu)->stopped, ==, 1);
    g_assert_false(cpu_watchpoint_hit(cpu, &a, &k));
}

static void test_list(void)
{
    Rig r;
    vaddr hit;
    CPUWatchKind k;

    rig_init(&r, 12, TCG_BACKEND_INTERP);
    g_assert_false(cpu_watchpoint_insert(r.cl, 0x100, 0, CPU_WATCH_WRITE));
    g_assert_false(cpu_watchpoint_insert(r.cl, UINT64_MAX - 2, 4,
                                         CPU_WATCH_WRITE));
    g_assert_true(cpu_watchpoint_insert(r.cl, 0x100, 8, CPU_WATCH_WRITE));
    g_assert_true(cpu_watchpoint_insert(r.cl, 0x100, 8, CPU_WATCH_WRITE));
    g_assert_cmpuint(r.cl->nb_watchpoints, ==, 1);
    /* [0x100, 0x108): a 4-byte store at 0xfe touches 0x100..0x101 */
    g_assert_true(cpu_watchpoint_match(r.cl, 0xfe, 4, true, &hit, &k));
    g_assert_cmphex(hit, ==, 0x100);
    g_assert_cmpint(k, ==, CPU_WATCH_WRITE);
    g_assert_true(cpu_watchpoint_match(r.cl, 0x107, 1, true, &hit, &k));
    g_assert_cmphex(hit, ==, 0x107);
    g_assert_false(cpu_watchpoint_match(r.cl, 0x108, 4, true, &hit, &k));
    g_assert_false(cpu_watchpoint_match(r.cl, 0xfc, 4, true, &hit, &k));
    /* a write watchpoint ignores loads; a read one ignores stores */
    g_assert_false(cpu_watchpoint_match(r.cl, 0x100, 4, false, &hit, &k));
    g_assert_true(cpu_watchpoint_insert(r.cl, 0x200, 4, CPU_WATCH_READ));
    g_assert_true(cpu_watchpoint_match(r.cl, 0x200, 1, false, &hit, &k));
    g_assert_cmpint(k, ==, CPU_WATCH_READ);
    g_assert_false(cpu_watchpoint_match(r.cl, 0x200, 1, true, &hit, &k));
    /* removal needs the same range and kind */
    g_assert_false(cpu_watchpoint_remove(r.cl, 0x200, 4, CPU_WATCH_WRITE));
    g_assert_false(cpu_watchpoint_remove(r.cl, 0x200, 2, CPU_WATCH_READ));
    g_assert_true(cpu_watchpoint_remove(r.cl, 0x200, 4, CPU_WATCH_READ));
    g_assert_false(cpu_watchpoint_match(r.cl, 0x200, 1, false, &hit, &k));
    /* CPU_MAX_WATCHPOINTS fit (one is there), one more does not */
    for (vaddr i = 1; i < CPU_MAX_WATCHPOINTS; i++) {
        g_assert_true(cpu_watchpoint_insert(r.cl, 0x1000 + 16 * i, 4,
                                            CPU_WATCH_ACCESS));
    }
    g_assert_false(cpu_watchpoint_insert(r.cl, 0x2000, 4, CPU_WATCH_READ));
    cpu_watchpoint_remove_all(r.cl);
    g_assert_cmpuint(r.cl->nb_watchpoints, ==, 0);
    g_assert_false(cpu_watchpoint_match(r.cl, 0x100, 4, true, &hit, &k));
    rig_free(&r);
}

/* A write watchpoint stops after the store, once; the rest runs on. */
static void test_write(void)
{
    for (int b = 0; b < 2; b++) {
        Rig r;
        CPUState *cpu;

        if (!tcg_backend_available(rig_backends[b])) {
            continue;
        }
        setup(&r, rig_backends[b]);
        cpu = r.cl->cpus[0];
        g_assert_true(cpu_watchpoint_insert(r.cl, DATA, 4, CPU_WATCH_WRITE));
        expect_hit(cpu, DATA, CPU_WATCH_WRITE, 12);
        /* the store completed, the ADDI after it did not run */
        g_assert_cmphex(rig_peek(&r, DATA), ==, 7);
        g_assert_cmpuint(ta_env(cpu)->regs[3], ==, 0);
        /* ADDI r1, ADDI r2, ST */
        g_assert_cmpuint(cpu_get_insn_count(cpu), ==, 3);
        /* the load at DATA + 4 is on the watched page but not watched */
        expect_halt(cpu);
        g_assert_cmpuint(ta_env(cpu)->regs[3], ==, 1);
        g_assert_cmphex(ta_env(cpu)->regs[4], ==, 0x1234);
        rig_free(&r);
    }
}

/* Read and access watchpoints; the hit address is the first watched byte. */
static void test_read_access(void)
{
    for (int b = 0; b < 2; b++) {
        Rig r;
        CPUState *cpu;

        if (!tcg_backend_available(rig_backends[b])) {
            continue;
        }
        setup(&r, rig_backends[b]);
        cpu = r.cl->cpus[0];
        /* the LD reads DATA + 4..7: watching DATA + 6..7 catches it */
        g_assert_true(cpu_watchpoint_insert(r.cl, DATA + 6, 2,
                                            CPU_WATCH_READ));
        expect_hit(cpu, DATA + 6, CPU_WATCH_READ, 20);
        g_assert_cmphex(ta_env(cpu)->regs[4], ==, 0x1234);
        expect_halt(cpu);
        rig_free(&r);

        /* an access watchpoint over both words stops twice */
        setup(&r, rig_backends[b]);
        cpu = r.cl->cpus[0];
        g_assert_true(cpu_watchpoint_insert(r.cl, DATA, 8,
                                            CPU_WATCH_ACCESS));
        expect_hit(cpu, DATA, CPU_WATCH_ACCESS, 12);
        expect_hit(cpu, DATA + 4, CPU_WATCH_ACCESS, 20);
        expect_halt(cpu);
        rig_free(&r);
    }
}

/*
 * A watchpoint elsewhere on the page does not stop; one removed after its
 * page was mapped watched does not stop either (the TLB was flushed).
 */
static void test_same_page_and_remove(void)
{
    for (int b = 0; b < 2; b++) {
        Rig r;
        CPUState *cpu;

        if (!tcg_backend_available(rig_backends[b])) {
            continue;
        }
        setup(&r, rig_backends[b]);
        cpu = r.cl->cpus[0];
        g_assert_true(cpu_watchpoint_insert(r.cl, DATA + 0x100, 4,
                                            CPU_WATCH_ACCESS));
        expect_halt(cpu);
        g_assert_cmphex(rig_peek(&r, DATA), ==, 7);
        rig_free(&r);

        setup(&r, rig_backends[b]);
        cpu = r.cl->cpus[0];
        g_assert_true(cpu_watchpoint_insert(r.cl, DATA, 4, CPU_WATCH_WRITE));
        expect_hit(cpu, DATA, CPU_WATCH_WRITE, 12);
        g_assert_true(cpu_watchpoint_remove(r.cl, DATA, 4, CPU_WATCH_WRITE));
        /* run the program again from 0: the store no longer stops */
        ta_env(cpu)->pc = 0;
        expect_halt(cpu);
        rig_free(&r);
    }
}

/* An atomic compare-and-swap writing a watched word stops after it. */
static void test_atomic(void)
{
    const uint32_t cas_prog[] = {
        I(ADDI, 1, 0, 0, DATA), /* 0 */
        I(ADDI, 2, 0, 0, 0),    /* 4: expected old value 0 */
        I(ADDI, 3, 0, 0, 9),    /* 8: new value */
        I(CAS, 2, 1, 3, 0),     /* 12: mem[DATA] 0 -> 9, r2 = 0 */
        I(HALT, 0, 0, 0, 0),    /* 16 */
    };

    for (int b = 0; b < 2; b++) {
        Rig r;
        CPUState *cpu;

        if (!tcg_backend_available(rig_backends[b])) {
            continue;
        }
        rig_init(&r, 12, rig_backends[b]);
        rig_load(&r, 0, cas_prog, G_N_ELEMENTS(cas_prog));
        cpu = r.cl->cpus[0];
        cpu_set_budget(cpu, 1 << 30);
        g_assert_true(cpu_watchpoint_insert(r.cl, DATA, 4, CPU_WATCH_WRITE));
        expect_hit(cpu, DATA, CPU_WATCH_WRITE, 16);
        g_assert_cmphex(rig_peek(&r, DATA), ==, 9);
        expect_halt(cpu);
        rig_free(&r);
    }
}

/* Stepping onto a watched store: that step stops with the hit, once. */
static void test_step(void)
{
    Rig r;
    CPUState *cpu;
    vaddr a;
    CPUWatchKind k;

    setup(&r, TCG_BACKEND_INTERP);
    cpu = r.cl->cpus[0];
    g_assert_true(cpu_watchpoint_insert(r.cl, DATA, 4, CPU_WATCH_WRITE));
    cpu_single_step(cpu, true);
    g_assert_cmpint(cpu_exec(cpu), ==, EXCP_DEBUG);     /* ADDI at 0 */
    g_assert_cmpint(cpu_exec(cpu), ==, EXCP_DEBUG);     /* ADDI at 4 */
    g_assert_cmpuint(ta_env(cpu)->pc, ==, 8);
    g_assert_false(cpu_watchpoint_hit(cpu, &a, &k));
    expect_hit(cpu, DATA, CPU_WATCH_WRITE, 12);         /* the ST */
    g_assert_cmpuint(cpu_get_insn_count(cpu), ==, 3);
    g_assert_cmpint(cpu_exec(cpu), ==, EXCP_DEBUG);     /* ADDI at 12 */
    g_assert_cmpuint(ta_env(cpu)->pc, ==, 16);
    g_assert_false(cpu_watchpoint_hit(cpu, &a, &k));
    cpu_single_step(cpu, false);
    expect_halt(cpu);
    rig_free(&r);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/cpu-watch/list", test_list);
    g_test_add_func("/cpu-watch/write", test_write);
    g_test_add_func("/cpu-watch/read-access", test_read_access);
    g_test_add_func("/cpu-watch/same-page-and-remove",
                    test_same_page_and_remove);
    g_test_add_func("/cpu-watch/atomic", test_atomic);
    g_test_add_func("/cpu-watch/step", test_step);
    return g_test_run();
}
