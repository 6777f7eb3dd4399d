/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The Hexagon frontend on hand-assembled packets: a cluster of Hexagon
 * threads on 1 MiB of RAM runs small programs under both TCG backends
 * and the tests check registers, memory and events.
 *
 * The words below were assembled once with
 *   llvm-mc-19 --triple=hexagon -mcpu=hexagonv68 -filetype=obj
 * and the comments are llvm-objdump-19's disassembly of them (offsets
 * from the program's load address).  Expected values are derived by hand
 * from the Hexagon V68 PRM next to each check.  Every program ends with
 * stop(r0), which stops the thread (the run loop waits for that).
 */
#include "hemu/osdep.h"
#include "exec/cpu.h"
#include "system/memory.h"
#include "hw/irq.h"
#include "cpu.h"
#include <glib/gstdio.h>

#define RAM_SIZE 0x100000
#define BASE 0x1000             /* programs */
#define EVB 0x100               /* event vectors */
#define DATA 0x8000

#define STOP_R0 0x6460c000u     /* { stop(r0) } */
#define RTE 0x57e0c000u         /* { rte } */

typedef struct HexRig {
    Object *root;
    MemoryRegion sysmem, ram;
    CPUCluster *cl;
} HexRig;

static const TCGBackendKind backends[2] = { TCG_BACKEND_INTERP,
                                            TCG_BACKEND_JIT };

static uint8_t *ram(HexRig *r)
{
    return memory_region_get_ram_ptr(&r->ram);
}

static void poke(HexRig *r, uint32_t addr, uint32_t v)
{
    v = GUINT32_TO_LE(v);
    memcpy(ram(r) + addr, &v, 4);
}

static uint32_t peek(HexRig *r, uint32_t addr)
{
    uint32_t v;

    memcpy(&v, ram(r) + addr, 4);
    return GUINT32_FROM_LE(v);
}

static void load(HexRig *r, uint32_t addr, const uint32_t *w, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        poke(r, addr + 4 * i, w[i]);
    }
}


static CPUHexagonState *env_of(HexRig *r, unsigned i)
{
    return hex_env(r->cl->cpus[i]);
}

/*
 * A cluster of @n threads with RAM at 0, every event vector a stop(r0)
 * (so a thread stops right after taking an event), EVB = 0x100 and
 * thread 0 starting at BASE in monitor mode.
 */
static void rig_init(HexRig *r, unsigned n, TCGBackendKind backend)
{
    memset(r, 0, sizeof(*r));
    r->root = object_new(TYPE_CONTAINER);
    memory_region_init(&r->sysmem, NULL, "hexagon", UINT64_MAX);
    g_assert_true(memory_region_init_ram(&r->ram, NULL, "ram", RAM_SIZE,
                                         &error_abort));
    memory_region_add_subregion(&r->sysmem, 0, &r->ram);
    r->cl = CPU_CLUSTER(object_new_child(r->root, "dsp", TYPE_CPU_CLUSTER,
                                         &error_abort));
    object_property_set_uint(OBJECT(r->cl), "num-cpus", n, &error_abort);
    object_property_set_str(OBJECT(r->cl), "cpu-type", "v68-hexagon-cpu",
                            &error_abort);
    cpu_cluster_set_arch(r->cl, &hexagon_arch);
    cpu_cluster_set_memory(r->cl, &r->sysmem);
    g_assert_true(object_realize(OBJECT(r->cl), &error_abort));
    g_assert_true(cpu_cluster_start_tcg(r->cl, backend, &error_abort));
    for (unsigned i = 0; i < 48; i++) {
        poke(r, EVB + 4 * i, STOP_R0);
    }
    for (unsigned i = 0; i < n; i++) {
        object_property_set_uint(OBJECT(r->cl->cpus[i]), "evb", EVB,
                                 &error_abort);
        object_property_set_uint(OBJECT(r->cl->cpus[i]), "reset-pc", BASE,
                                 &error_abort);
    }
    for (unsigned i = 0; i < n; i++) {
        cpu_reset(r->cl->cpus[i]);
        /* as if a reset handler had left the reset event: monitor mode
           with SSR.EX clear, so a fault is not a double exception */
        env_of(r, i)->sreg[HEX_SREG_SSR] = 0;
    }
}

static void rig_free(HexRig *r)
{
    object_unref(r->root);
    memory_region_del_subregion(&r->sysmem, &r->ram);
    memory_region_finalize(&r->ram);
    memory_region_finalize(&r->sysmem);
}

/* Run the threads round-robin until none can run. */
static void rig_run(HexRig *r)
{
    for (int it = 0; it < 10000; it++) {
        bool ran = false;

        for (unsigned i = 0; i < r->cl->num_cpus; i++) {
            CPUState *cpu = r->cl->cpus[i];

            if (g_atomic_int_get(&cpu->halted) &&
                !hexagon_arch.has_work(cpu)) {
                continue;
            }
            cpu_set_budget(cpu, 1000);
            cpu_exec(cpu);
            ran = true;
        }
        if (!ran) {
            return;
        }
    }
    g_assert_not_reached();
}

/* Load @prog at BASE, run a one-thread core; the caller checks and frees. */
static void run_prog(HexRig *r, TCGBackendKind be, const uint32_t *prog,
                     size_t n)
{
    rig_init(r, 1, be);
    load(r, BASE, prog, n);
}

/* Check that thread 0 took event @event with @cause at packet @elr. */
static void check_event(HexRig *r, unsigned event, unsigned cause,
                        uint32_t elr)
{
    CPUHexagonState *env = env_of(r, 0);

    g_assert_true(env->stopped);
    /* the vector's stop(r0) ran: pc is the slot after it */
    g_assert_cmphex(env->pc, ==, EVB + 4 * event + 4);
    g_assert_cmphex(env->sreg[HEX_SREG_SSR] & 0xff, ==, cause);
    g_assert_true(env->sreg[HEX_SREG_SSR] & HEX_SSR_EX);
    g_assert_cmphex(env->sreg[HEX_SREG_ELR], ==, elr);
}

/* ------------------------------------------------------------------ */

static const uint32_t prog_alu[] = {
    0x28502871, /*   0: { r0 = #0x5; r1 = #0x7 } */
    0xf3004102, /*   4: { r2 = add(r0,r1) */
    0xf320c103, /*   8: r3 = sub(r1,r0) } */
    0x30103001, /*   c: { r0 = r1; r1 = r0 } */
    0x01235159, /*  10: { immext(#0x12345640) */
    0x7800c704, /*  14: r4 = ##0x12345678 } */
    0xed00c106, /*  18: { r6 = mpyi(r0,r1) } */
    0x8c00c347, /*  1c: { r7 = asl(r0,#0x3) } */
    0x7c01ffe8, /*  20: { r9:8 = combine(#-0x1,#0x3) } */
    0x76045fea, /*  24: { r10 = and(r4,#0xff) */
    0x70e4c00b, /*  28: r11 = sxth(r4) } */
    0xe500c10c, /*  2c: { r13:12 = mpy(r0,r1) } */
    0x8d04c88e, /*  30: { r14 = extractu(r4,#0x8,#0x4) } */
    STOP_R0,    /*  34: { stop(r0) } */
};

static void test_alu(void)
{
    for (int b = 0; b < 2; b++) {
        HexRig r;
        CPUHexagonState *env;

        run_prog(&r, backends[b], prog_alu, G_N_ELEMENTS(prog_alu));
        rig_run(&r);
        env = env_of(&r, 0);
        g_assert_cmphex(env->pc, ==, BASE + 0x38);
        g_assert_cmpuint(env->gpr[2], ==, 12);      /* 5 + 7 */
        g_assert_cmpuint(env->gpr[3], ==, 2);       /* 7 - 5 */
        /* one packet swaps: both read the old values */
        g_assert_cmpuint(env->gpr[0], ==, 7);
        g_assert_cmpuint(env->gpr[1], ==, 5);
        g_assert_cmphex(env->gpr[4], ==, 0x12345678);   /* immext */
        g_assert_cmpuint(env->gpr[6], ==, 35);      /* 7 * 5 */
        g_assert_cmpuint(env->gpr[7], ==, 56);      /* 7 << 3 */
        g_assert_cmphex(env->gpr[9], ==, 0xffffffff);
        g_assert_cmpuint(env->gpr[8], ==, 3);
        g_assert_cmphex(env->gpr[10], ==, 0x78);
        g_assert_cmphex(env->gpr[11], ==, 0x5678);  /* sxth(0x5678) */
        g_assert_cmpuint(env->gpr[12], ==, 35);     /* 64-bit 7 * 5 */
        g_assert_cmpuint(env->gpr[13], ==, 0);
        g_assert_cmphex(env->gpr[14], ==, 0x67);    /* bits 11:4 */
        rig_free(&r);
    }
}

static const uint32_t prog_pred[] = {
    0x28502871, /*   0: { r0 = #0x5; r1 = #0x7 } */
    0x750040a0, /*   4: { p0 = cmp.eq(r0,#0x5) */
    0x7e006022, /*   8: if (p0.new) r2 = #0x1 */
    0x7e80e023, /*   c: if (!p0.new) r3 = #0x1 } */
    0x750140a1, /*  10: { p1 = cmp.eq(r1,#0x5) */
    0x7500c0a1, /*  14: p1 = cmp.eq(r0,#0x5) } */
    0xf241c002, /*  18: { p2 = cmp.gt(r1,r0) } */
    0xfb00c144, /*  1c: { if (p2) r4 = add(r0,r1) } */
    0xfb00c1c5, /*  20: { if (!p2) r5 = add(r0,r1) } */
    0x6a04c006, /*  24: { r6 = p3:0 } */
    STOP_R0,    /*  28: { stop(r0) } */
};

static void test_pred(void)
{
    for (int b = 0; b < 2; b++) {
        HexRig r;
        CPUHexagonState *env;

        run_prog(&r, backends[b], prog_pred, G_N_ELEMENTS(prog_pred));
        rig_run(&r);
        env = env_of(&r, 0);
        /* .new: the compare of the same packet decides */
        g_assert_cmpuint(env->gpr[2], ==, 1);
        g_assert_cmpuint(env->gpr[3], ==, 0);
        /* two writes of p1 in one packet are ANDed: 0 & 0xff (the last
           one alone would give 0xff) */
        g_assert_cmphex(env->pred[1], ==, 0);
        g_assert_cmphex(env->pred[2], ==, 0xff);    /* 7 > 5 */
        g_assert_cmpuint(env->gpr[4], ==, 12);
        g_assert_cmpuint(env->gpr[5], ==, 0);
        /* P3:0 = p3 . p2 . p1 . p0 */
        g_assert_cmphex(env->gpr[6], ==, 0x00ff00ff);
        rig_free(&r);
    }
}

/*
 * The packet of prog_pred at 4 with the producer last: the .new consumers
 * come first in memory (parse bits rewritten: 01, 01, 11).  The engine
 * translates them after the compare, so the result is the same.
 */
static const uint32_t prog_pred_order[] = {
    0x28502871, /*   0: { r0 = #0x5; r1 = #0x7 } */
    0x7e006022, /*   4: { if (p0.new) r2 = #0x1 */
    0x7e806023, /*   8: if (!p0.new) r3 = #0x1 */
    0x7500c0a0, /*   c: p0 = cmp.eq(r0,#0x5) } */
    STOP_R0,    /*  10: { stop(r0) } */
};

static void test_pred_new_order(void)
{
    HexRig r;
    CPUHexagonState *env;

    run_prog(&r, TCG_BACKEND_INTERP, prog_pred_order,
             G_N_ELEMENTS(prog_pred_order));
    rig_run(&r);
    env = env_of(&r, 0);
    g_assert_cmphex(env->pc, ==, BASE + 0x14);
    g_assert_cmpuint(env->gpr[2], ==, 1);
    g_assert_cmpuint(env->gpr[3], ==, 0);
    rig_free(&r);
}

/* { r2 = #9; r2 = #1 }: two unconditional writes of r2 (hand-joined from
   "r2 = #0x9" 0x78004122 and "r2 = #0x1" 0x7800c022). */
static const uint32_t prog_conflict[] = {
    0x28502871, /*   0: { r0 = #0x5; r1 = #0x7 } */
    0x78004122, /*   4: { r2 = #0x9 */
    0x7800c022, /*   8: r2 = #0x1 } */
    STOP_R0,    /*   c: { stop(r0) } */
};

static void test_conflict(void)
{
    HexRig r;

    run_prog(&r, TCG_BACKEND_INTERP, prog_conflict,
             G_N_ELEMENTS(prog_conflict));
    rig_run(&r);
    /* precise event, cause 0x1D, at the packet; nothing committed */
    check_event(&r, 2, 0x1d, BASE + 4);
    g_assert_cmpuint(env_of(&r, 0)->gpr[2], ==, 0);
    g_assert_cmpuint(env_of(&r, 0)->gpr[1], ==, 7);
    rig_free(&r);
}

static const uint32_t prog_mem[] = {
    0x00004200, /*   0: { immext(#0x8000) */
    0x78004005, /*   4: r5 = ##0x8000 */
    0x7800caa1, /*   8: r1 = #0x55 } */
    0x80560051, /*   c: { r6 = memw(r5+#0x0); memw(r5+#0x0) = r1 } */
    0x9185c007, /*  10: { r7 = memw(r5+#0x0) } */
    0x9b85c029, /*  14: { r9 = memw(r5++#0x4) } */
    0xa1454101, /*  18: { memh(r5+#0x2) = r1 */
    0xa105c700, /*  1c: memb(r5+#0x0) = r7 } */
    0x9185c00a, /*  20: { r10 = memw(r5+#0x0) } */
    0x3e45c081, /*  24: { memw(r5+#0x4) += r1 } */
    0x9185c02c, /*  28: { r12 = memw(r5+#0x4) } */
    0xf501ca0e, /*  2c: { r15:14 = combine(r1,r10) } */
    0x00004200, /*  30: { immext(#0x8000) */
    0x7800c214, /*  34: r20 = ##0x8010 } */
    0xa1d4ce00, /*  38: { memd(r20+#0x0) = r15:14 } */
    0x91d4c010, /*  3c: { r17:16 = memd(r20+#0x0) } */
    0x9154c012, /*  40: { r18 = memh(r20+#0x0) } */
    STOP_R0,    /*  44: { stop(r0) } */
};

static void test_mem(void)
{
    for (int b = 0; b < 2; b++) {
        HexRig r;
        CPUHexagonState *env;

        run_prog(&r, backends[b], prog_mem, G_N_ELEMENTS(prog_mem));
        poke(&r, DATA, 0x11111111);
        poke(&r, DATA + 4, 0x22222222);
        rig_run(&r);
        env = env_of(&r, 0);
        /* the load of the storing packet sees memory before the store */
        g_assert_cmphex(env->gpr[6], ==, 0x11111111);
        g_assert_cmphex(env->gpr[7], ==, 0x55);
        g_assert_cmphex(env->gpr[9], ==, 0x55);
        g_assert_cmphex(env->gpr[5], ==, DATA + 4);     /* post-increment */
        /* 0x22222222 with byte 0 = 0x55 and half-word 1 = 0x0055 */
        g_assert_cmphex(env->gpr[10], ==, 0x00552255);
        g_assert_cmphex(peek(&r, DATA + 8), ==, 0x55);  /* 0 += 0x55 */
        g_assert_cmphex(env->gpr[12], ==, 0x55);
        g_assert_cmphex(peek(&r, DATA + 0x10), ==, 0x00552255);
        g_assert_cmphex(peek(&r, DATA + 0x14), ==, 0x55);
        g_assert_cmphex(env->gpr[16], ==, 0x00552255);
        g_assert_cmphex(env->gpr[17], ==, 0x55);
        g_assert_cmphex(env->gpr[18], ==, 0x2255);      /* memh, signed */
        rig_free(&r);
    }
}

static const uint32_t prog_fault[] = {
    0x00004200, /*   0: { immext(#0x8000) */
    0x78004005, /*   4: r5 = ##0x8000 */
    0x00004200, /*   8: immext(#0x8000) */
    0x7800c047, /*   c: r7 = ##0x8002 } */
    0x78004cc1, /*  10: { r1 = #0x66 */
    0x7800c022, /*  14: r2 = #0x1 } */
    0x78004122, /*  18: { r2 = #0x9 */
    0xa0510071, /*  1c: memw(r5+#0x0) = r1; memw(r7+#0x0) = r1 } */
    STOP_R0,    /*  20: { stop(r0) } */
};

static void test_store_fault(void)
{
    for (int b = 0; b < 2; b++) {
        HexRig r;

        run_prog(&r, backends[b], prog_fault, G_N_ELEMENTS(prog_fault));
        poke(&r, DATA, 0x11111111);
        rig_run(&r);
        /* the second store is misaligned: cause 0x21 at the packet */
        check_event(&r, 2, 0x21, BASE + 0x18);
        g_assert_cmphex(env_of(&r, 0)->sreg[HEX_SREG_BADVA], ==, DATA + 2);
        /* ... and the packet changed nothing: not the first store, not r2 */
        g_assert_cmphex(peek(&r, DATA), ==, 0x11111111);
        g_assert_cmpuint(env_of(&r, 0)->gpr[2], ==, 1);
        rig_free(&r);
    }
}

static const uint32_t prog_loop[] = {
    0x28002801, /*   0: { r0 = #0x0; r1 = #0x0 } */
    0x6900c029, /*   4: { loop0(0x8,#0x5) } */
    0x7f008000, /*   8: { nop */
    0x20213100, /*   c: r1 = add(r1,#0x2); r0 = add(r0,#1) } :endloop0 */
    0x7800c002, /*  10: { r2 = #0x0 } */
    0x6920c00b, /*  14: { loop1(0x18,#0x3) } */
    0x6900c028, /*  18: { loop0(0x1c,#0x4) } */
    0xb0028022, /*  1c: { r2 = add(r2,#0x1) */
    0x7f00c000, /*  20: nop } :endloop0 */
    0x7f004000, /*  24: { nop */
    0x7f008000, /*  28: nop */
    0x7f00c000, /*  2c: nop } :endloop1 */
    0x28032804, /*  30: { r3 = #0x0; r4 = #0x0 } */
    0x69a0c00b, /*  34: { p3 = sp1loop0(0x38,#0x3) } */
    0x74638023, /*  38: { if (p3) r3 = add(r3,#0x1) */
    0xb004c024, /*  3c: r4 = add(r4,#0x1) } :endloop0 */
    STOP_R0,    /*  40: { stop(r0) } */
};

static void test_hwloop(void)
{
    for (int b = 0; b < 2; b++) {
        HexRig r;
        CPUHexagonState *env;

        run_prog(&r, backends[b], prog_loop, G_N_ELEMENTS(prog_loop));
        rig_run(&r);
        env = env_of(&r, 0);
        g_assert_cmphex(env->pc, ==, BASE + 0x44);
        g_assert_cmpuint(env->gpr[0], ==, 5);       /* 5 iterations */
        g_assert_cmpuint(env->gpr[1], ==, 10);
        g_assert_cmpuint(env->gpr[2], ==, 12);      /* 3 x 4 nested */
        /* sp1loop0: P3 false in the first of 3 iterations */
        g_assert_cmpuint(env->gpr[4], ==, 3);
        g_assert_cmpuint(env->gpr[3], ==, 2);
        rig_free(&r);
    }
}

static const uint32_t prog_call[] = {
    0x28102804, /*   0: { r0 = #0x1; r4 = #0x0 } */
    0x5a00c014, /*   4: { call 0x2c } */
    0x7800c062, /*   8: { r2 = #0x3 } */
    0x1002e304, /*   c: { p0 = cmp.eq(r2,#0x3); if (p0.new) jump:t 0x14 } */
    0x7800c024, /*  10: { r4 = #0x1 } */
    0x7800c045, /*  14: { r5 = #0x2 } */
    0x12c5c704, /*  18: { p1 = cmp.gt(r5,#0x7); if (!p1.new) jump:nt 0x20 } */
    0x7800c044, /*  1c: { r4 = #0x2 } */
    0x1606c604, /*  20: { r6 = #0x6 ; jump 0x28 } */
    0x7800c064, /*  24: { r4 = #0x3 } */
    STOP_R0,    /*  28: { stop(r0) } */
    0x7800c041, /*  2c: { r1 = #0x2 } */
    0x529fc000, /*  30: { jumpr r31 } */
};

static void test_branches(void)
{
    for (int b = 0; b < 2; b++) {
        HexRig r;
        CPUHexagonState *env;

        run_prog(&r, backends[b], prog_call, G_N_ELEMENTS(prog_call));
        rig_run(&r);
        env = env_of(&r, 0);
        g_assert_cmphex(env->pc, ==, BASE + 0x2c);
        g_assert_cmpuint(env->gpr[1], ==, 2);       /* the callee ran */
        g_assert_cmphex(env->gpr[31], ==, BASE + 8);    /* LR */
        g_assert_cmpuint(env->gpr[2], ==, 3);       /* and returned */
        g_assert_cmpuint(env->gpr[4], ==, 0);       /* every jump taken */
        g_assert_cmpuint(env->gpr[6], ==, 6);
        g_assert_cmphex(env->pred[0], ==, 0xff);
        g_assert_cmphex(env->pred[1], ==, 0);
        rig_free(&r);
    }
}

static const uint32_t prog_trap[] = {
    0x7800c020, /*   0: { r0 = #0x1 } */
    0x5400c00c, /*   4: { trap0(#0x3) } */
    0x7800c081, /*   8: { r1 = #0x4 } */
    STOP_R0,    /*   c: { stop(r0) } */
};

static void test_trap(void)
{
    HexRig r;

    run_prog(&r, TCG_BACKEND_INTERP, prog_trap, G_N_ELEMENTS(prog_trap));
    rig_run(&r);
    /* event 8, cause = the immediate, ELR = the next packet */
    check_event(&r, 8, 3, BASE + 8);
    g_assert_cmpuint(env_of(&r, 0)->gpr[1], ==, 0);
    rig_free(&r);

    /* with an rte at the trap0 vector the program goes on */
    run_prog(&r, TCG_BACKEND_JIT, prog_trap, G_N_ELEMENTS(prog_trap));
    poke(&r, EVB + 4 * 8, RTE);
    rig_run(&r);
    g_assert_cmpuint(env_of(&r, 0)->gpr[1], ==, 4);
    g_assert_cmphex(env_of(&r, 0)->pc, ==, BASE + 0x10);
    g_assert_false(env_of(&r, 0)->sreg[HEX_SREG_SSR] & HEX_SSR_EX);
    rig_free(&r);
}

static const uint32_t prog_priv[] = {
    0x6e86c000, /*   0: { r0 = ssr } */
    STOP_R0,    /*   4: { stop(r0) } */
};

static void test_privilege(void)
{
    HexRig r;

    run_prog(&r, TCG_BACKEND_INTERP, prog_priv, G_N_ELEMENTS(prog_priv));
    /* user mode: SSR.UM = 1, EX = 0 */
    env_of(&r, 0)->sreg[HEX_SREG_SSR] = HEX_SSR_UM;
    rig_run(&r);
    check_event(&r, 2, 0x1b, BASE);
    rig_free(&r);
}

static const uint32_t prog_semi[] = {
    0x00004200, /*   0: { immext(#0x8000) */
    0x28012810, /*   4: r1 = ##0x8000; r0 = #0x1 } */
    0x5400c000, /*   8: { trap0(#0x0) } */
    0x7060400a, /*   c: { r10 = r0 */
    0x00004200, /*  10: immext(#0x8000) */
    0x7800c20b, /*  14: r11 = ##0x8010 } */
    0xa18bca00, /*  18: { memw(r11+#0x0) = r10 } */
    0x780040a0, /*  1c: { r0 = #0x5 */
    0x706bc001, /*  20: r1 = r11 } */
    0x5400c000, /*  24: { trap0(#0x0) } */
    0x7060400c, /*  28: { r12 = r0 */
    0x00004200, /*  2c: immext(#0x8000) */
    0x7800c40b, /*  30: r11 = ##0x8020 } */
    0xa18bca00, /*  34: { memw(r11+#0x0) = r10 } */
    0x78004040, /*  38: { r0 = #0x2 */
    0x706bc001, /*  3c: r1 = r11 } */
    0x5400c000, /*  40: { trap0(#0x0) } */
    0x7060400d, /*  44: { r13 = r0 */
    0x7800c542, /*  48: r2 = #0x2a } */
    0x7800c300, /*  4c: { r0 = #0x18 } */
    0x5400c000, /*  50: { trap0(#0x0) } */
    0x7800c02e, /*  54: { r14 = #0x1 } */
    STOP_R0,    /*  58: { stop(r0) } */
};

static void test_semihosting(void)
{
    g_autofree char *dir = g_dir_make_tmp("hexsemi-XXXXXX", NULL);
    g_autofree char *path = g_build_filename(dir, "out.txt", NULL);
    g_autofree char *text = NULL;
    HexagonCPU *cpu;
    HexRig r;

    g_assert_nonnull(dir);
    run_prog(&r, TCG_BACKEND_JIT, prog_semi, G_N_ELEMENTS(prog_semi));
    cpu = HEXAGON_CPU(r.cl->cpus[0]);
    object_property_set_bool(OBJECT(cpu), "semihosting", true, &error_abort);
    object_property_set_str(OBJECT(cpu), "semihosting-root", dir,
                            &error_abort);
    poke(&r, EVB + 4 * 8, RTE);
    /* OPEN {name, mode 4 ("w"), length}, WRITE {fd, buf, 3}, CLOSE {fd} */
    poke(&r, DATA, DATA + 0x100);
    poke(&r, DATA + 4, 4);
    poke(&r, DATA + 8, 7);
    memcpy(ram(&r) + DATA + 0x100, "out.txt", 8);
    poke(&r, DATA + 0x14, DATA + 0x200);
    poke(&r, DATA + 0x18, 3);
    memcpy(ram(&r) + DATA + 0x200, "hi\n", 4);
    rig_run(&r);
    g_assert_cmpuint(env_of(&r, 0)->gpr[10], ==, 3);    /* first handle */
    g_assert_cmpuint(env_of(&r, 0)->gpr[12], ==, 0);    /* all written */
    g_assert_cmpuint(env_of(&r, 0)->gpr[13], ==, 0);    /* closed */
    /* EXIT: status from r2, the thread stops, the trap0 event is taken */
    g_assert_true(cpu->exit_requested);
    g_assert_cmpint(cpu->exit_code, ==, 42);
    g_assert_cmpuint(env_of(&r, 0)->gpr[14], ==, 0);
    g_assert_cmphex(env_of(&r, 0)->sreg[HEX_SREG_ELR], ==, BASE + 0x54);
    g_assert_true(g_file_get_contents(path, &text, NULL, NULL));
    g_assert_cmpstr(text, ==, "hi\n");
    rig_free(&r);
    g_unlink(path);
    g_rmdir(dir);
}

static const uint32_t prog_tlb[] = {
    0x0c004000, /*   0: { immext(#0xc0000000) */
    0x78004001, /*   4: r1 = ##-0x40000000 */
    0x0f004000, /*   8: immext(#0xf0000000) */
    0x7800c200, /*   c: r0 = ##-0xffffff0 } */
    0x7800c002, /*  10: { r2 = #0x0 } */
    0x6c00c200, /*  14: { tlbw(r1:0,r2) } */
    0x0c004400, /*  18: { immext(#0xc0010000) */
    0x78004001, /*  1c: r1 = ##-0x3fff0000 */
    0x0f004000, /*  20: immext(#0xf0000000) */
    0x7800c260, /*  24: r0 = ##-0xfffffed } */
    0x7800c022, /*  28: { r2 = #0x1 } */
    0x6c00c200, /*  2c: { tlbw(r1:0,r2) } */
    0x6e92c003, /*  30: { r3 = syscfg } */
    0x8cc3c003, /*  34: { r3 = setbit(r3,#0x0) } */
    0x6703c012, /*  38: { syscfg = r3 } */
    0x01004000, /*  3c: { immext(#0x10000000) */
    0x7800c004, /*  40: r4 = ##0x10000000 } */
    0x9184c025, /*  44: { r5 = memw(r4+#0x4) } */
    0x00004400, /*  48: { immext(#0x10000) */
    0x7800c008, /*  4c: r8 = ##0x10000 } */
    0x6c88c009, /*  50: { r9 = tlbp(r8) } */
    0x02004000, /*  54: { immext(#0x20000000) */
    0x7800c006, /*  58: r6 = ##0x20000000 } */
    0x9186c007, /*  5c: { r7 = memw(r6+#0x0) } */
    STOP_R0,    /*  60: { stop(r0) } */
};

/*
 * Entry 0: V, G, VA 0 -> PA 0, 1 MiB (PPD bit 4), XWRU: the identity map
 * of code and vectors.  Entry 1: V, G, VA 0x10000000 -> PA 0x9000, 4 KiB
 * (PPD = 0x9000 >> 11 | 1 = 0x13).  Then a load through entry 1 and one
 * from the unmapped 0x20000000.
 */
static void test_tlb(void)
{
    for (int b = 0; b < 2; b++) {
        HexRig r;
        CPUHexagonState *env;

        run_prog(&r, backends[b], prog_tlb, G_N_ELEMENTS(prog_tlb));
        poke(&r, 0x9004, 0xabcd1234);
        rig_run(&r);
        env = env_of(&r, 0);
        g_assert_cmphex(env->gpr[5], ==, 0xabcd1234);
        g_assert_cmpuint(env->gpr[9], ==, 1);       /* tlbp: entry 1 */
        /* TLB miss RW, read: event 6, cause 0x70, BADVA */
        check_event(&r, 6, 0x70, BASE + 0x5c);
        g_assert_cmphex(env->sreg[HEX_SREG_BADVA], ==, 0x20000000);
        g_assert_cmpuint(env->gpr[7], ==, 0);
        rig_free(&r);
    }
}

static const uint32_t prog_xpage[] = {
    0x0c004000, /*   0: { immext(#0xc0000000) */
    0x78004001, /*   4: r1 = ##-0x40000000 */
    0x0f004000, /*   8: immext(#0xf0000000) */
    0x7800c020, /*   c: r0 = ##-0xfffffff } */
    0x7800c002, /*  10: { r2 = #0x0 } */
    0x6c00c200, /*  14: { tlbw(r1:0,r2) } */
    0x0c004000, /*  18: { immext(#0xc0000000) */
    0x78004021, /*  1c: r1 = ##-0x3fffffff */
    0x0f004000, /*  20: immext(#0xf0000000) */
    0x7800c060, /*  24: r0 = ##-0xffffffd } */
    0x7800c022, /*  28: { r2 = #0x1 } */
    0x6c00c200, /*  2c: { tlbw(r1:0,r2) } */
    0x6e92c003, /*  30: { r3 = syscfg } */
    0x8cc3c003, /*  34: { r3 = setbit(r3,#0x0) } */
    0x6703c012, /*  38: { syscfg = r3 } */
    0x28002801, /*  3c: { r0 = #0x0; r1 = #0x0 } */
    0x0000407f, /*  40: { immext(#0x1fc0) */
    0x7800c704, /*  44: r4 = ##0x1ff8 } */
    0x5284c000, /*  48: { jumpr r4 } */
};

/* At 0xff8 of the page: a packet, then one whose second word is on the
   next page ("r1 = #0x2" 0x7800c041 with parse bits 01, then
   "r2 = #0x3"). */
static const uint32_t prog_xpage_end[] = {
    0x7800c020, /* 1ff8: { r0 = #0x1 } */
    0x78004041, /* 1ffc: { r1 = #0x2 */
    0x7800c062, /* 2000: r2 = #0x3 } */
};

/*
 * 4 KiB pages 0 (vectors) and 1 (code) mapped one to one (PPD = page
 * number << 1 | 1), page 2 not: the packet at 0x1ffc misses when its
 * second word is fetched, and the event names that packet (the one
 * before it completed), with BADVA the missing word.
 */
static void test_fetch_fault_next_page(void)
{
    for (int b = 0; b < 2; b++) {
        HexRig r;

        run_prog(&r, backends[b], prog_xpage, G_N_ELEMENTS(prog_xpage));
        load(&r, 0x1ff8, prog_xpage_end, G_N_ELEMENTS(prog_xpage_end));
        rig_run(&r);
        /* TLB miss X, "next page" cause 0x61 */
        check_event(&r, 4, 0x61, 0x1ffc);
        g_assert_cmphex(env_of(&r, 0)->sreg[HEX_SREG_BADVA], ==, 0x2000);
        g_assert_cmpuint(env_of(&r, 0)->gpr[0], ==, 1);
        g_assert_cmpuint(env_of(&r, 0)->gpr[1], ==, 0);
        rig_free(&r);
    }
}

static const uint32_t prog_thread0[] = {
    0x28202aa2, /*   0: { r0 = #0x2; r2 = #0x2a } */
    0x6460c020, /*   4: { start(r0) } */
    STOP_R0,    /*   8: { stop(r0) } */
};

static const uint32_t prog_thread1[] = {
    0x2b332852, /*   0: { r3 = #0x33; r2 = #0x5 } */
    STOP_R0,    /*   4: { stop(r0) } */
};

static void test_threads(void)
{
    HexRig r;
    HexagonCPU *cpu0;

    rig_init(&r, 2, TCG_BACKEND_JIT);
    load(&r, BASE, prog_thread0, G_N_ELEMENTS(prog_thread0));
    /* thread 1 starts at EVB (the reset event) */
    load(&r, EVB, prog_thread1, G_N_ELEMENTS(prog_thread1));
    g_assert_true(env_of(&r, 1)->stopped);  /* until start() */
    rig_run(&r);
    cpu0 = HEXAGON_CPU(r.cl->cpus[0]);
    g_assert_cmphex(env_of(&r, 1)->gpr[3], ==, 0x33);
    g_assert_true(env_of(&r, 0)->stopped && env_of(&r, 1)->stopped);
    /* all stopped: the run ends with thread 0's r2 */
    g_assert_true(cpu0->exit_requested);
    g_assert_cmpint(cpu0->exit_code, ==, 42);
    g_assert_cmpuint(hex_sreg_read(env_of(&r, 1), HEX_SREG_HTID), ==, 1);
    g_assert_cmphex(hex_sreg_read(env_of(&r, 0), HEX_SREG_REV), ==, 0x8d68);
    rig_free(&r);
}

static const uint32_t prog_int[] = {
    0x00005000, /*   0: { immext(#0x40000) */
    0x7800c000, /*   4: r0 = ##0x40000 } */
    0x6700c006, /*   8: { ssr = r0 } */
    0x6e92c001, /*   c: { r1 = syscfg } */
    0x8cc1c401, /*  10: { r1 = setbit(r1,#0x4) } */
    0x6701c012, /*  14: { syscfg = r1 } */
    0x7800c082, /*  18: { r2 = #0x4 } */
    0x6402c000, /*  1c: { swi(r2) } */
    0x7800c023, /*  20: { r3 = #0x1 } */
    0x7800c104, /*  24: { r4 = #0x8 } */
    0x6444c000, /*  28: { wait(r4) } */
    0x7800c025, /*  2c: { r5 = #0x1 } */
    STOP_R0,    /*  30: { stop(r0) } */
};

/*
 * SSR.IE and SYSCFG.GIE on, swi(1 << 2): interrupt 2 is taken (event 18,
 * cause 0xC2, IAD[2] set) and its handler returns; then the thread waits
 * until IRQ line 3 rises (event 19), whose handler returns after the wait.
 */
static void test_interrupts(void)
{
    for (int b = 0; b < 2; b++) {
        HexRig r;
        CPUHexagonState *env;

        run_prog(&r, backends[b], prog_int, G_N_ELEMENTS(prog_int));
        env = env_of(&r, 0);
        poke(&r, EVB + 4 * 18, RTE);
        poke(&r, EVB + 4 * 19, RTE);
        rig_run(&r);
        g_assert_true(env->waiting);
        g_assert_false(env->stopped);
        g_assert_cmpuint(env->gpr[3], ==, 1);
        g_assert_cmpuint(env->gpr[5], ==, 0);
        /* interrupt 2 accepted: IPEND[2] clear, IAD[2] set; ELR was the
           packet after swi, where rte went back to */
        g_assert_cmphex(hex_sreg_read(env, HEX_SREG_IPENDAD), ==, 0x40000);
        g_assert_cmphex(env->sreg[HEX_SREG_ELR], ==, BASE + 0x20);
        g_assert_cmphex(env->sreg[HEX_SREG_SSR] & 0xff, ==, 0xc2);
        g_assert_cmphex(hex_sreg_read(env, HEX_SREG_MODECTL), ==,
                        0x10001);       /* E[0], W[0] */

        irq_raise(qdev_get_gpio_in(DEVICE(r.cl->cpus[0]), 3));
        rig_run(&r);
        g_assert_false(env->waiting);
        g_assert_true(env->stopped);
        g_assert_cmpuint(env->gpr[5], ==, 1);
        g_assert_cmphex(env->sreg[HEX_SREG_ELR], ==, BASE + 0x2c);
        g_assert_cmphex(env->sreg[HEX_SREG_SSR] & 0xff, ==, 0xc3);
        g_assert_cmphex(hex_sreg_read(env, HEX_SREG_IPENDAD), ==, 0xc0000);
        g_assert_cmphex(env->pc, ==, BASE + 0x34);
        rig_free(&r);
    }
}

static void test_disas(void)
{
    /* prog_alu's packet at 4: two words */
    const uint8_t code[8] = { 0x02, 0x41, 0x00, 0xf3, 0x03, 0xc1, 0x20, 0xf3 };
    g_autoptr(GString) out = g_string_new(NULL);

    g_assert_cmpuint(hexagon_arch.disas(code, sizeof(code), 0x1004, out), ==,
                     8);
    g_assert_nonnull(strstr(out->str, "r2 = add(r0,r1)"));
    g_assert_nonnull(strstr(out->str, "r3 = sub(r1,r0) }"));
    g_assert_true(out->str[0] == '{');
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/hexagon/alu", test_alu);
    g_test_add_func("/hexagon/pred", test_pred);
    g_test_add_func("/hexagon/pred-new-order", test_pred_new_order);
    g_test_add_func("/hexagon/conflict", test_conflict);
    g_test_add_func("/hexagon/mem", test_mem);
    g_test_add_func("/hexagon/store-fault", test_store_fault);
    g_test_add_func("/hexagon/hwloop", test_hwloop);
    g_test_add_func("/hexagon/branches", test_branches);
    g_test_add_func("/hexagon/trap", test_trap);
    g_test_add_func("/hexagon/privilege", test_privilege);
    g_test_add_func("/hexagon/semihosting", test_semihosting);
    g_test_add_func("/hexagon/tlb", test_tlb);
    g_test_add_func("/hexagon/fetch-fault-next-page",
                    test_fetch_fault_next_page);
    g_test_add_func("/hexagon/threads", test_threads);
    g_test_add_func("/hexagon/interrupts", test_interrupts);
    g_test_add_func("/hexagon/disas", test_disas);
    return g_test_run();
}
