/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * tcg-micro: a compute loop of the test frontend (tests/unit/testarch)
 * run on the JIT and on the interpreter; prints guest instructions per
 * second for each, and the translation speed (IR ops translated per
 * second) on straight-line code that runs once, so translation dominates.  A benchmark, not a
 * test: nothing here fails on a time.
 *   tcg-micro [ITERATIONS]   (default 20000000 loop iterations)
 */
#include "exec/cpu.h"
#include "testarch/testarch.h"

#define I(op, a, b, c, imm) TA_INSN(TA_##op, a, b, c, imm)

/*
 * A mix of ALU ops and a load/store per iteration: 7 insns.  The data
 * address is patched: 0x1000 (its own page) or 0x400 (on the code's
 * page, the self-modifying-code detection trap of ARCHITECTURE.md).
 */
static const uint32_t bench_prog[] = {
    I(ADDI, 5, 0, 0, 0x1000),   /* 0:  r5 = data */
    I(ADD, 2, 2, 1, 0),         /* 4:  loop: r2 += r1 */
    I(SUB, 3, 3, 2, 0),         /* 8:  r3 -= r2 */
    I(AND, 4, 2, 3, 0),         /* 12: r4 = r2 & r3 */
    I(ST, 4, 5, 0, 0),          /* 16: mem[r5] = r4 */
    I(LD, 6, 5, 0, 0),          /* 20: r6 = mem[r5] */
    I(ADDI, 1, 1, 0, -1),       /* 24: r1 -= 1 */
    I(BNE, 1, 0, 0, -7),        /* 28: if r1 != 0 goto 4 */
    I(HALT, 0, 0, 0, 0),        /* 32 */
};

#define RAM_SIZE 0x40000
/* Straight-line code for the translation phase: this many insns. */
#define LINE_INSNS 16384

typedef struct BenchRun {
    uint64_t insns;             /* guest instructions executed */
    TBStats st;
    double secs;                /* wall time of the run */
} BenchRun;

/* Run @words at 0 on a fresh cluster until HALT, r1 = @r1. */
static void bench_run(TCGBackendKind backend, const uint32_t *words,
                      size_t n, uint32_t r1, BenchRun *out)
{
    Object *root = object_new(TYPE_CONTAINER);
    MemoryRegion sysmem, ram;
    Object *cl;
    CPUState *cpu;
    int64_t t0;

    memory_region_init(&sysmem, NULL, "sysmem", UINT64_MAX);
    memory_region_init_ram(&ram, NULL, "ram", RAM_SIZE, &error_abort);
    memory_region_add_subregion(&sysmem, 0, &ram);
    for (size_t i = 0; i < n; i++) {
        uint32_t w = GUINT32_TO_LE(words[i]);
        memcpy((uint8_t *)memory_region_get_ram_ptr(&ram) + 4 * i, &w, 4);
    }
    cl = object_new_child(root, "bench", TYPE_CPU_CLUSTER, &error_abort);
    cpu_cluster_set_arch(CPU_CLUSTER(cl), &testarch_arch);
    cpu_cluster_set_memory(CPU_CLUSTER(cl), &sysmem);
    object_realize(cl, &error_abort);
    cpu_cluster_start_tcg(CPU_CLUSTER(cl), backend, &error_abort);
    cpu = CPU_CLUSTER(cl)->cpus[0];
    ta_env(cpu)->regs[1] = r1;
    t0 = g_get_monotonic_time();
    while (!ta_env(cpu)->stopped) {
        cpu_set_budget(cpu, INT32_MAX / 2);
        cpu_exec(cpu);
    }
    out->secs = (double)(g_get_monotonic_time() - t0) / 1e6;
    out->insns = cpu_get_insn_count(cpu);
    cpu_cluster_get_tb_stats(CPU_CLUSTER(cl), &out->st);
    object_unref(root);
    memory_region_del_subregion(&sysmem, &ram);
    memory_region_finalize(&ram);
    memory_region_finalize(&sysmem);
}

static void run_one(TCGBackendKind backend, uint32_t iters)
{
    g_autofree uint32_t *line = g_new(uint32_t, LINE_INSNS + 1);
    uint32_t same_page[G_N_ELEMENTS(bench_prog)];
    BenchRun loop, shared, tr;

    bench_run(backend, bench_prog, G_N_ELEMENTS(bench_prog), iters, &loop);
    memcpy(same_page, bench_prog, sizeof(same_page));
    same_page[0] = I(ADDI, 5, 0, 0, 0x400);
    bench_run(backend, same_page, G_N_ELEMENTS(same_page), iters, &shared);
    for (size_t i = 0; i < LINE_INSNS; i++) {
        line[i] = I(ADDI, 1 + i % 14, 2 + i % 13, 0, (int)(i & 0xff));
    }
    line[LINE_INSNS] = I(HALT, 0, 0, 0, 0);
    bench_run(backend, line, LINE_INSNS + 1, 0, &tr);
    printf("%-7s loop: %" PRIu64 " insns in %.3f s = %.1f M guest insns/s "
           "(data on the code page: %.1f M/s); translation: %" PRIu64
           " TBs, %" PRIu64 " IR ops in %.3f s = %.1f M ops/s\n",
           tcg_backend_name(backend), loop.insns, loop.secs,
           (double)loop.insns / loop.secs / 1e6,
           (double)shared.insns / shared.secs / 1e6,
           tr.st.translations, tr.st.ops, tr.secs,
           (double)tr.st.ops / tr.secs / 1e6);
}

int main(int argc, char **argv)
{
    uint32_t iters = argc > 1 ? (uint32_t)strtoul(argv[1], NULL, 0)
                              : 20000000;

    if (iters == 0) {
        fprintf(stderr, "tcg-micro: ITERATIONS must be a positive number\n");
        return 1;
    }
    for (int b = 0; b < 2; b++) {
        TCGBackendKind k = b ? TCG_BACKEND_INTERP : TCG_BACKEND_JIT;
        if (tcg_backend_available(k)) {
            run_one(k, iters);
        }
    }
    return 0;
}
