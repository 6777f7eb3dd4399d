/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * accel/tcg unit tests on one thread, with the test-only frontend
 * "testarch" (tests/unit/testarch/testarch.h has its ISA): translation and
 * execution of a loop, TB chaining seen in the counters, self-modifying
 * code, precise exceptions from helpers, MMIO, TLB fills and flushes,
 * logging and configuration errors; each on both backends where the
 * backend matters.  Threads and icount: test-accel-threads.c.
 *
 * Every expected value is derived by hand from the guest program next to
 * it (instruction counts included).
 */
#include "exec/cpu.h"
#include "exec/cpus.h"
#include "exec/cputlb.h"
#include "util/log.h"
#include "testarch/rig.h"
#include <glib/gstdio.h>


/* sum 100..1 into r2: 2 + 100 * 3 + HALT = 303 instructions. */
static const uint32_t prog_loop[] = {
    I(ADDI, 1, 0, 0, 100),      /* 0:  r1 = 100 */
    I(ADDI, 2, 0, 0, 0),        /* 4:  r2 = 0 */
    I(ADD, 2, 2, 1, 0),         /* 8:  r2 += r1 */
    I(ADDI, 1, 1, 0, -1),       /* 12: r1 -= 1 */
    I(BNE, 1, 0, 0, -3),        /* 16: if r1 != 0 goto 8 (16+4-12) */
    I(HALT, 0, 0, 0, 0),        /* 20 */
};


static void test_loop(void)
{
    for (int b = 0; b < 2; b++) {
        Rig r;
        TBStats st;
        CPUState *cpu;

        if (!tcg_backend_available(rig_backends[b])) {
            continue;
        }
        rig_init(&r, 12, rig_backends[b]);
        cpu = r.cl->cpus[0];
        rig_load(&r, 0, prog_loop, G_N_ELEMENTS(prog_loop));
        rig_run(&r);
        /* 100 + 99 + ... + 1 */
        g_assert_cmpuint(ta_env(cpu)->regs[2], ==, 5050);
        g_assert_cmpuint(ta_env(cpu)->regs[1], ==, 0);
        g_assert_cmpuint(ta_env(cpu)->pc, ==, 24);
        g_assert_cmpuint(cpu_get_insn_count(cpu), ==, 303);
        g_assert_cmpuint(cpu_cluster_get_insn_count(r.cl), ==, 303);
        cpu_cluster_get_tb_stats(r.cl, &st);
        /* TBs at 0 (to the BNE), 8 (the loop body) and 20 (HALT). */
        g_assert_cmpuint(st.translations, ==, 3);
        /* 0 -> 8 (taken), 8 -> 8 (taken), 8 -> 20 (fallthrough). */
        g_assert_cmpuint(st.chains, ==, 3);
        g_assert_cmpuint(st.invalidations, ==, 0);
        rig_free(&r);
    }
}

static void test_chaining_counts(void)
{
    Rig r;
    CPUState *cpu;
    uint64_t chained, unchained;

    rig_init(&r, 12, TCG_BACKEND_INTERP);
    cpu = r.cl->cpus[0];
    rig_load(&r, 0, prog_loop, G_N_ELEMENTS(prog_loop));
    rig_run(&r);
    chained = cpu->nb_exec_entries;
    rig_free(&r);

    log_set_mask(LOG_NOCHAIN);
    rig_init(&r, 12, TCG_BACKEND_INTERP);
    cpu = r.cl->cpus[0];
    rig_load(&r, 0, prog_loop, G_N_ELEMENTS(prog_loop));
    rig_run(&r);
    unchained = cpu->nb_exec_entries;
    g_assert_cmpuint(ta_env(cpu)->regs[2], ==, 5050);
    rig_free(&r);
    log_set_mask(0);

    /*
     * Without chaining the loop enters generated code once per TB run:
     * TB 0 (which also runs the first iteration), TB 8 for the other 99
     * iterations, TB 20: 101 times.  Chained, the loop body jumps to itself: only a
     * handful of entries (the first run of each TB before it is linked).
     */
    g_assert_cmpuint(unchained, ==, 101);
    g_assert_cmpuint(chained, <=, 6);
}

/* Run @prog on each available backend; @check sees the finished rig. */
static void run_each_backend(const uint32_t *prog, size_t n,
                             void (*check)(Rig *r))
{
    for (int b = 0; b < 2; b++) {
        Rig r;

        if (!tcg_backend_available(rig_backends[b])) {
            continue;
        }
        rig_init(&r, 12, rig_backends[b]);
        rig_load(&r, 0, prog, n);
        rig_run(&r);
        check(&r);
        rig_free(&r);
    }
}

/*
 * The store at 8 rewrites the instruction at 16, in the same TB: the new
 * instruction (ADDI r5, r0, 42) must run, not the translated old one.
 */
static const uint32_t prog_smc[] = {
    I(ADDI, 5, 0, 0, 1),        /* 0:  r5 = 1 */
    I(LD, 4, 0, 0, 0x400),      /* 4:  r4 = mem[0x400] (new insn) */
    I(ST, 4, 0, 0, 16),         /* 8:  mem[16] = r4 */
    I(ADDI, 6, 0, 0, 7),        /* 12: r6 = 7 */
    I(ADDI, 5, 0, 0, 1),        /* 16: replaced by ADDI r5, r0, 42 */
    I(HALT, 0, 0, 0, 0),        /* 20 */
};

static void check_smc(Rig *r)
{
    CPUState *cpu = r->cl->cpus[0];
    TBStats st;

    g_assert_cmpuint(ta_env(cpu)->regs[5], ==, 42);
    g_assert_cmpuint(ta_env(cpu)->regs[6], ==, 7);
    /* 5 instructions before HALT plus HALT: the restart is not counted. */
    g_assert_cmpuint(cpu_get_insn_count(cpu), ==, 6);
    cpu_cluster_get_tb_stats(r->cl, &st);
    g_assert_cmpuint(st.invalidations, >=, 1);
}

static void test_smc_same_tb(void)
{
    uint32_t ram_insn = I(ADDI, 5, 0, 0, 42);
    uint32_t prog[G_N_ELEMENTS(prog_smc) + 0];

    memcpy(prog, prog_smc, sizeof(prog));
    for (int b = 0; b < 2; b++) {
        Rig r;

        if (!tcg_backend_available(rig_backends[b])) {
            continue;
        }
        rig_init(&r, 12, rig_backends[b]);
        rig_load(&r, 0, prog, G_N_ELEMENTS(prog));
        rig_load(&r, 0x400, &ram_insn, 1);
        rig_run(&r);
        check_smc(&r);
        rig_free(&r);
    }
}

/*
 * A loop storing to data at 0x200, on the code's page but not near any
 * code: no TB may be invalidated and the loop stays three TBs.
 */
static const uint32_t prog_data_same_page[] = {
    I(ADDI, 1, 0, 0, 50),       /* 0:  r1 = 50 */
    I(ADDI, 2, 0, 0, 0x200),    /* 4:  r2 = 0x200 */
    I(ST, 1, 2, 0, 0),          /* 8:  mem[r2] = r1 */
    I(ADDI, 1, 1, 0, -1),       /* 12: r1 -= 1 */
    I(BNE, 1, 0, 0, -3),        /* 16: if r1 != 0 goto 8 */
    I(HALT, 0, 0, 0, 0),        /* 20 */
};

static void check_data_same_page(Rig *r)
{
    TBStats st;

    /* The last store ran with r1 == 1. */
    g_assert_cmpuint(rig_peek(r, 0x200), ==, 1);
    cpu_cluster_get_tb_stats(r->cl, &st);
    g_assert_cmpuint(st.invalidations, ==, 0);
    g_assert_cmpuint(st.translations, ==, 3);
    /* 2 + 50 * 3 + HALT */
    g_assert_cmpuint(cpu_get_insn_count(r->cl->cpus[0]), ==, 153);
}

static void test_smc_data_same_page(void)
{
    run_each_backend(prog_data_same_page,
                     G_N_ELEMENTS(prog_data_same_page),
                     check_data_same_page);
}

/*
 * Self-modifying code across TBs: the loop body at 12 is patched by the
 * store at 20 after the first iteration, from "r3 += 1" to "r3 += 10".
 */
static const uint32_t prog_smc_loop[] = {
    I(ADDI, 1, 0, 0, 3),        /* 0:  r1 = 3 (iterations) */
    I(LD, 4, 0, 0, 0x400),      /* 4:  r4 = new insn */
    I(ADDI, 3, 0, 0, 0),        /* 8:  r3 = 0 */
    I(ADDI, 3, 3, 0, 1),        /* 12: loop: r3 += 1 (patched) */
    I(ADDI, 1, 1, 0, -1),       /* 16: r1 -= 1 */
    I(ST, 4, 0, 0, 12),         /* 20: mem[12] = r4 */
    I(BNE, 1, 0, 0, -4),        /* 24: if r1 != 0 goto 12 (24+4-16) */
    I(HALT, 0, 0, 0, 0),        /* 28 */
};

static void test_smc_loop(void)
{
    uint32_t patch = I(ADDI, 3, 3, 0, 10);

    for (int b = 0; b < 2; b++) {
        Rig r;

        if (!tcg_backend_available(rig_backends[b])) {
            continue;
        }
        rig_init(&r, 12, rig_backends[b]);
        rig_load(&r, 0, prog_smc_loop, G_N_ELEMENTS(prog_smc_loop));
        rig_load(&r, 0x400, &patch, 1);
        rig_run(&r);
        /* first iteration +1, then two patched ones +10 each */
        g_assert_cmpuint(ta_env(r.cl->cpus[0])->regs[3], ==, 21);
        rig_free(&r);
    }
}

/* RAISE from a helper: epc is exactly the RAISE, r1 saw only two adds. */
static const uint32_t prog_raise[] = {
    I(ADDI, 1, 0, 0, 5),        /* 0:  r1 = 5 */
    I(ADDI, 1, 1, 0, 1),        /* 4:  r1 = 6 */
    I(RAISE, 0, 0, 0, 3),       /* 8:  exception 0x203 */
    I(ADDI, 1, 1, 0, 100),      /* 12: never runs */
};

static void test_exception_pc(void)
{
    uint32_t handler = I(HALT, 0, 0, 0, 0);

    for (int b = 0; b < 2; b++) {
        Rig r;
        TestArchEnv *env;
        CPUState *cpu;

        if (!tcg_backend_available(rig_backends[b])) {
            continue;
        }
        rig_init(&r, 12, rig_backends[b]);
        cpu = r.cl->cpus[0];
        env = ta_env(cpu);
        rig_load(&r, 0, prog_raise, G_N_ELEMENTS(prog_raise));
        rig_load(&r, 0x100, &handler, 1);
        env->vector = 0x100;
        rig_run(&r);
        g_assert_cmpuint(env->epc, ==, 8);
        g_assert_cmpuint(env->cause, ==, TA_EXCP_RAISE_BASE + 3);
        g_assert_cmpuint(env->regs[1], ==, 6);
        g_assert_cmpuint(env->pc, ==, 0x104);
        /* two ADDIs and the handler's HALT; the faulting RAISE is not */
        g_assert_cmpuint(cpu_get_insn_count(cpu), ==, 3);
        rig_free(&r);
    }
}

/* UART output through the MMIO slow path. */
static const uint32_t prog_uart[] = {
    I(ADDI, 1, 0, 0, 0x20),     /* 0:  r1 = 0x20 */
    I(SHLI, 1, 1, 0, 16),       /* 4:  r1 = 0x200000 (UART_BASE) */
    I(ADDI, 2, 0, 0, 'h'),      /* 8 */
    I(STB, 2, 1, 0, 0),         /* 12 */
    I(ADDI, 2, 0, 0, 'i'),      /* 16 */
    I(STB, 2, 1, 0, 0),         /* 20 */
    I(HALT, 0, 0, 0, 0),        /* 24 */
};

static void check_uart(Rig *r)
{
    g_assert_cmpstr(r->out->str, ==, "hi");
}

static void test_mmio(void)
{
    run_each_backend(prog_uart, G_N_ELEMENTS(prog_uart), check_uart);
}

/*
 * A jump to a page without a mapping: the fault comes from the code fetch
 * at the start of translation, which leaves tb_gen_code by siglongjmp.
 * The guest sees a page fault at the target (epc = badaddr = page 2);
 * under the sanitizers the partial block must not leak.
 */
static void test_fetch_fault(void)
{
    const uint32_t prog[] = {
        I(ADDI, 2, 0, 0, 2),    /* 0: r2 = 2 */
        I(SHLI, 2, 2, 0, 12),   /* 4: r2 = virtual page 2 (PTE invalid) */
        I(JR, 0, 2, 0, 0),      /* 8: jump there: fetch fault */
    };
    Rig r;
    TestArchEnv *env;

    for (int b = 0; b < 2; b++) {
        if (!tcg_backend_available(rig_backends[b])) {
            continue;
        }
        rig_init(&r, 12, rig_backends[b]);
        rig_mmu_setup(&r, 12);
        rig_load(&r, 0, prog, G_N_ELEMENTS(prog));
        rig_run(&r);
        env = ta_env(r.cl->cpus[0]);
        g_assert_cmpuint(env->cause, ==, TA_EXCP_PAGEFAULT);
        g_assert_cmpuint(env->badaddr, ==, 2u << 12);
        g_assert_cmpuint(env->epc, ==, 2u << 12);
        rig_free(&r);
    }
}

/* ---- TLB flushes ---------------------------------------------------- */

static void test_tlb_flush(void)
{
    Rig r;
    CPUState *cpu;
    uint32_t other = 0x5555aaaa, pte_new = (5u << 12) | 3;

    rig_init(&r, 12, TCG_BACKEND_INTERP);
    cpu = r.cl->cpus[0];
    rig_mmu_setup(&r, 12);
    rig_load(&r, (5u << 12) + 8, &other, 1);
    /* idx 0 and 1 both cache virtual page 1 -> physical page 4 */
    g_assert_cmpuint(cpu_ld_mmu(cpu, 0x1008, MO_LEUL, 0, 0), ==, MAGIC);
    g_assert_cmpuint(cpu_ld_mmu(cpu, 0x1008, MO_LEUL, 1, 0), ==, MAGIC);
    g_assert_cmpuint(cpu->tlb.nb_fills, ==, 2);
    /* The guest remaps page 1 to page 5: the TLB still has the old one. */
    rig_load(&r, PT_BASE + 4, &pte_new, 1);
    g_assert_cmpuint(cpu_ld_mmu(cpu, 0x1008, MO_LEUL, 0, 0), ==, MAGIC);
    /* Flushing index 1 only: index 0 still hits the stale entry. */
    tlb_flush_by_mmuidx(cpu, 1u << 1);
    g_assert_cmpuint(cpu_ld_mmu(cpu, 0x1008, MO_LEUL, 0, 0), ==, MAGIC);
    g_assert_cmpuint(cpu_ld_mmu(cpu, 0x1008, MO_LEUL, 1, 0), ==, other);
    g_assert_cmpuint(cpu->tlb.nb_fills, ==, 3);
    /* A page flush of another page leaves page 1 alone. */
    tlb_flush_page(cpu, 0x3000);
    g_assert_cmpuint(cpu_ld_mmu(cpu, 0x1008, MO_LEUL, 0, 0), ==, MAGIC);
    tlb_flush_page(cpu, 0x1fff);
    g_assert_cmpuint(cpu_ld_mmu(cpu, 0x1008, MO_LEUL, 0, 0), ==, other);
    g_assert_cmpuint(cpu->tlb.nb_fills, ==, 4);
    /* An asynchronous flush waits for the vCPU's next TB boundary. */
    rig_load(&r, PT_BASE + 4, &(uint32_t){ (4u << 12) | 3 }, 1);
    tlb_flush_async(cpu, UINT32_MAX);
    g_assert_cmpuint(cpu->tlb.flush_pending, ==, UINT32_MAX);
    g_assert_cmpuint(cpu_ld_mmu(cpu, 0x1008, MO_LEUL, 0, 0), ==, other);
    rig_run(&r);
    g_assert_cmpuint(cpu->tlb.flush_pending, ==, 0);
    g_assert_cmpuint(ta_env(cpu)->regs[1], ==, MAGIC);
    rig_free(&r);
}

/*
 * A code buffer too small for the program: translation flushes it and
 * goes on.  4096 ADDIs (r1 += 1 each) then HALT with a 64 KiB buffer,
 * run twice from the start.
 */
static void test_code_flush(void)
{
    enum { N = 4096 };
    g_autofree uint32_t *prog = g_new(uint32_t, N + 1);

    for (size_t i = 0; i < N; i++) {
        prog[i] = I(ADDI, 1, 1, 0, 1);
    }
    prog[N] = I(HALT, 0, 0, 0, 0);
    for (int b = 0; b < 2; b++) {
        Rig r;
        CPUState *cpu;
        TBStats st;

        if (!tcg_backend_available(rig_backends[b])) {
            continue;
        }
        memset(&r, 0, sizeof(r));
        r.root = object_new(TYPE_CONTAINER);
        r.tb_size = 64 * 1024;
        rig_cluster(&r, r.root, "apps", 1, 12, rig_backends[b]);
        cpu = r.cl->cpus[0];
        rig_load(&r, 0, prog, N + 1);
        for (int run = 0; run < 2; run++) {
            ta_env(cpu)->stopped = 0;
            ta_env(cpu)->pc = 0;
            g_atomic_int_set(&cpu->halted, 0);
            rig_run(&r);
        }
        /* two passes of 4096 increments, each pass N + 1 insns */
        g_assert_cmpuint(ta_env(cpu)->regs[1], ==, 2 * N);
        g_assert_cmpuint(cpu_get_insn_count(cpu), ==, 2 * (N + 1));
        cpu_cluster_get_tb_stats(r.cl, &st);
        g_assert_cmpuint(st.flushes, >=, 1);
        rig_free(&r);
    }
}

/*
 * The same program in instruction slices of any size runs the same:
 * blocks longer than the budget left are retranslated with a count
 * limit, and a block whose entry check fails (entered by a chained jump)
 * restarts at its own pc.  1 + 3000 * 2 + 5 = 6006 instructions.
 */
static void test_budget_slices(void)
{
    static const uint32_t prog[] = {
        I(ADDI, 1, 0, 0, 3000), /* 0:  r1 = 3000 */
        I(ADDI, 1, 1, 0, -1),   /* 4:  r1 -= 1 */
        I(BNE, 1, 0, 0, -2),    /* 8:  if r1 != 0 goto 4 (8+4-8) */
        I(ADDI, 2, 0, 0, 0x20), /* 12 */
        I(SHLI, 2, 2, 0, 16),   /* 16: r2 = UART_BASE */
        I(ADDI, 3, 0, 0, 'b'),  /* 20 */
        I(STB, 3, 2, 0, 0),     /* 24: print 'b' */
        I(HALT, 0, 0, 0, 0),    /* 28 */
    };
    static const int32_t quanta[] = { 1 << 30, 1000, 7, 2, 1 };

    for (size_t q = 0; q < G_N_ELEMENTS(quanta); q++) {
        for (int b = 0; b < 2; b++) {
            Rig r;
            CPUState *cpu;

            if (!tcg_backend_available(rig_backends[b])) {
                continue;
            }
            rig_init(&r, 16, rig_backends[b]);
            cpu = r.cl->cpus[0];
            rig_load(&r, 0, prog, G_N_ELEMENTS(prog));
            while (!ta_env(cpu)->stopped) {
                cpu_set_budget(cpu, quanta[q]);
                cpu_exec(cpu);
            }
            g_assert_cmpuint(cpu_get_insn_count(cpu), ==, 6006);
            g_assert_cmpuint(ta_env(cpu)->regs[1], ==, 0);
            g_assert_cmpstr(r.out->str, ==, "b");
            rig_free(&r);
        }
    }
}

/* -d in_asm,op,op_opt,out_asm,cpu,exec write what they promise. */
static void test_logging(void)
{
    g_autofree char *dir = g_dir_make_tmp("test-accel-XXXXXX", NULL);
    g_autofree char *path = g_build_filename(dir, "log", NULL);
    g_autofree char *text = NULL;
    Rig r;

    g_assert_true(log_set_file(path, &error_abort));
    log_set_mask(LOG_IN_ASM | LOG_OP | LOG_OP_OPT | LOG_OUT_ASM | LOG_CPU |
                 LOG_EXEC);
    rig_init(&r, 12, TCG_BACKEND_INTERP);
    rig_load(&r, 0, prog_loop, G_N_ELEMENTS(prog_loop));
    rig_run(&r);
    g_assert_cmpuint(ta_env(r.cl->cpus[0])->regs[2], ==, 5050);
    rig_free(&r);
    log_set_mask(0);
    log_close();
    g_assert_true(g_file_get_contents(path, &text, NULL, NULL));
    g_assert_nonnull(strstr(text, "IN: apps/cpu[0] (testarch): pc 0x0 (5 insns)"));
    g_assert_nonnull(strstr(text, "0x00000010:  "));
    g_assert_nonnull(strstr(text, "bne a=r1 b=r0"));
    g_assert_nonnull(strstr(text, "exec pc 0x8"));
    g_assert_nonnull(strstr(text, "r2  "));
    g_assert_nonnull(strstr(text, "OP: apps/cpu[0] (testarch): pc 0x0"));
    g_assert_nonnull(strstr(text, "OP after optimization: apps/cpu[0] (testarch)"));
    g_assert_nonnull(strstr(text, "OUT: apps/cpu[0] (testarch): pc 0x0"));
    g_unlink(path);
    g_clear_pointer(&text, g_free);

    /* Under the JIT, out_asm is x86-64 disassembled by capstone. */
    if (tcg_backend_available(TCG_BACKEND_JIT)) {
        g_assert_true(log_set_file(path, &error_abort));
        log_set_mask(LOG_OUT_ASM);
        rig_init(&r, 12, TCG_BACKEND_JIT);
        rig_load(&r, 0, prog_loop, G_N_ELEMENTS(prog_loop));
        rig_run(&r);
        rig_free(&r);
        log_set_mask(0);
        log_close();
        g_assert_true(g_file_get_contents(path, &text, NULL, NULL));
        g_assert_nonnull(strstr(text, "OUT: apps/cpu[0] (testarch): pc 0x0"));
        /* Every block ends by jumping or returning to the epilogue. */
        g_assert_true(strstr(text, "jmp") || strstr(text, "ret"));
        g_assert_nonnull(strstr(text, "mov"));
        g_unlink(path);
    }
    g_rmdir(dir);
}

/* ---- atomic read-modify-write (cpu_atomic_*) ------------------------- */

/* Every value below is worked out by hand from the bytes at 0x3000. */
static void test_atomic_ops(void)
{
    Rig r;
    CPUState *cpu;
    uint8_t *ram;

    rig_init(&r, 12, TCG_BACKEND_INTERP);
    cpu = r.cl->cpus[0];
    ram = memory_region_get_ram_ptr(&r.ram);
    ram[0x3000] = 5;                        /* LE word 5 */

    g_assert_cmpuint(cpu_atomic_rmw(cpu, 0x3000, 3, ATOMIC_RMW_ADD,
                                    MO_LEUL, 0, 0), ==, 5);
    g_assert_cmpuint(rig_peek(&r, 0x3000), ==, 8);
    /* signed max(8, -1) keeps 8; unsigned max takes 0xffffffff */
    g_assert_cmpuint(cpu_atomic_rmw(cpu, 0x3000, 0xffffffff,
                                    ATOMIC_RMW_SMAX, MO_LESL, 0, 0), ==, 8);
    g_assert_cmpuint(rig_peek(&r, 0x3000), ==, 8);
    g_assert_cmpuint(cpu_atomic_rmw(cpu, 0x3000, 0xffffffff,
                                    ATOMIC_RMW_UMAX, MO_LEUL, 0, 0), ==, 8);
    g_assert_cmpuint(rig_peek(&r, 0x3000), ==, 0xffffffff);
    /* signed min(-1, 1) keeps -1, returned sign-extended (MO_SIGN) */
    g_assert_cmpuint(cpu_atomic_rmw(cpu, 0x3000, 1, ATOMIC_RMW_SMIN,
                                    MO_LESL, 0, 0), ==, UINT64_MAX);
    g_assert_cmpuint(cpu_atomic_rmw(cpu, 0x3000, 0xf0f0f0f0,
                                    ATOMIC_RMW_AND, MO_LEUL, 0, 0), ==,
                     0xffffffff);
    g_assert_cmpuint(cpu_atomic_rmw(cpu, 0x3000, 0x0000ffff,
                                    ATOMIC_RMW_XOR, MO_LEUL, 0, 0), ==,
                     0xf0f0f0f0);
    g_assert_cmpuint(rig_peek(&r, 0x3000), ==, 0xf0f00f0f);
    /* big-endian exchange: bytes become 11 22 33 44 */
    g_assert_cmpuint(cpu_atomic_rmw(cpu, 0x3000, 0x11223344,
                                    ATOMIC_RMW_XCHG, MO_BEUL, 0, 0), ==,
                     0x0f0ff0f0);
    g_assert_cmpuint(rig_peek(&r, 0x3000), ==, 0x44332211);
    /* big-endian halfword CAS: 11 22 -> ab cd; then a failing one */
    g_assert_cmpuint(cpu_atomic_cmpxchg(cpu, 0x3000, 0x1122, 0xabcd,
                                        MO_BEUW, 0, 0), ==, 0x1122);
    g_assert_cmpuint(rig_peek(&r, 0x3000), ==, 0x4433cdab);
    g_assert_cmpuint(cpu_atomic_cmpxchg(cpu, 0x3000, 0, 0x5555, MO_BEUW,
                                        0, 0), ==, 0xabcd);
    g_assert_cmpuint(rig_peek(&r, 0x3000), ==, 0x4433cdab);
    /* misaligned word at 0x3001 (bytes cd 33 44 00): the locked path */
    g_assert_cmpuint(cpu_atomic_cmpxchg(cpu, 0x3001, 0x004433cd,
                                        0x01020304, MO_LEUL, 0, 0), ==,
                     0x004433cd);
    g_assert_cmpuint(rig_peek(&r, 0x3000), ==, 0x020304ab);
    g_assert_cmpuint(rig_peek(&r, 0x3004), ==, 0x01);
    /* ADD wraps within the access size: 0xff + 1 in a byte is 0 */
    ram[0x3010] = 0xff;
    g_assert_cmpuint(cpu_atomic_rmw(cpu, 0x3010, 1, ATOMIC_RMW_ADD, MO_UB,
                                    0, 0), ==, 0xff);
    g_assert_cmpuint(rig_peek(&r, 0x3010), ==, 0);
    rig_free(&r);
}

/* ---- configuration errors ------------------------------------------ */

static void test_cluster_errors(void)
{
    Object *root = object_new(TYPE_CONTAINER);
    Object *cl = object_new_child(root, "c", TYPE_CPU_CLUSTER, &error_abort);
    MemoryRegion mem;
    Error *err = NULL;
    AccelConfig cfg;

    memory_region_init(&mem, NULL, "m", UINT64_MAX);
    /* testarch pages are 1K..64K (page-bits 10..16): 128K is refused */
    object_property_set_uint(cl, "page-bits", 17, &error_abort);
    cpu_cluster_set_arch(CPU_CLUSTER(cl), &testarch_arch);
    cpu_cluster_set_memory(CPU_CLUSTER(cl), &mem);
    g_assert_false(object_realize(cl, &err));
    g_assert_nonnull(strstr(error_get_pretty(err), "'page-bits': 17"));
    g_assert_nonnull(strstr(error_get_pretty(err), "10..16"));
    error_free(err);
    err = NULL;
    g_assert_false(object_property_set_uint(cl, "num-cpus", 0, &err));
    error_free(err);
    err = NULL;
    {
        TargetArch bad = testarch_arch;
        bad.nb_mmu_idx = 0;
        g_assert_false(target_arch_validate(&bad, &err));
        g_assert_nonnull(strstr(error_get_pretty(err), "nb_mmu_idx is 0"));
        error_free(err);
        err = NULL;
        bad = testarch_arch;
        bad.tlb_fill = NULL;
        g_assert_false(target_arch_validate(&bad, &err));
        g_assert_nonnull(strstr(error_get_pretty(err), "tlb_fill"));
        error_free(err);
        err = NULL;
    }
    g_assert_null(target_arch_lookup("no-such-arch", &err));
    g_assert_nonnull(strstr(error_get_pretty(err), "'no-such-arch'"));
    error_free(err);
    err = NULL;
    accel_config_init(&cfg);
    g_assert_true(accel_config_parse(&cfg, "tcg,thread=single,quantum=7,"
                                     "backend=interp", &error_abort));
    g_assert_true(cfg.single_thread);
    g_assert_cmpuint(cfg.quantum, ==, 7);
    g_assert_cmpint(cfg.backend, ==, TCG_BACKEND_INTERP);
    g_assert_false(accel_config_parse(&cfg, "thread=triple", &err));
    g_assert_nonnull(strstr(error_get_pretty(err), "single, multi"));
    error_free(err);
    err = NULL;
    g_assert_true(accel_config_parse_icount(&cfg, "shift=3", &error_abort));
    g_assert_cmpint(cfg.icount_shift, ==, 3);
    g_assert_false(accel_config_parse_icount(&cfg, "shift=11", &err));
    error_free(err);
    object_unref(root);
    memory_region_finalize(&mem);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/accel/loop", test_loop);
    g_test_add_func("/accel/chaining", test_chaining_counts);
    g_test_add_func("/accel/smc/same-tb", test_smc_same_tb);
    g_test_add_func("/accel/smc/loop", test_smc_loop);
    g_test_add_func("/accel/smc/data-same-page", test_smc_data_same_page);
    g_test_add_func("/accel/exception-pc", test_exception_pc);
    g_test_add_func("/accel/mmio", test_mmio);
    g_test_add_func("/accel/tlb-flush", test_tlb_flush);
    g_test_add_func("/accel/fetch-fault", test_fetch_fault);
    g_test_add_func("/accel/cluster-errors", test_cluster_errors);
    g_test_add_func("/accel/logging", test_logging);
    g_test_add_func("/accel/atomic-ops", test_atomic_ops);
    g_test_add_func("/accel/code-flush", test_code_flush);
    g_test_add_func("/accel/budget-slices", test_budget_slices);
    return g_test_run();
}
