/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The accel unit tests' rig (rig.h): memory, clusters and the MMU
 * scenario.  Expected values are derived by hand next to the programs.
 */
#include "rig.h"

const TCGBackendKind rig_backends[2] = { TCG_BACKEND_INTERP,
                                         TCG_BACKEND_JIT };

static void uart_write(void *opaque, hwaddr addr, uint64_t val, unsigned size)
{
    Rig *r = opaque;

    g_string_append_c(r->out, (char)val);
}

static uint64_t uart_read(void *opaque, hwaddr addr, unsigned size)
{
    Rig *r = opaque;

    return r->clock ? (uint64_t)timer_clock_get_ns(r->clock) : 0;
}

static const MemoryRegionOps uart_ops = {
    .read = uart_read,
    .write = uart_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 1, .max_access_size = 4 },
    .impl = { .min_access_size = 1, .max_access_size = 4 },
};

/* A cluster of @ncpus testarch vCPUs on its own RAM and UART. */
CPUCluster *rig_cluster(Rig *r, Object *parent, const char *name,
                        unsigned ncpus, unsigned page_bits,
                        TCGBackendKind backend)
{
    CPUCluster *cl;

    r->out = g_string_new(NULL);
    memory_region_init(&r->sysmem, NULL, name, UINT64_MAX);
    g_assert_true(memory_region_init_ram(&r->ram, NULL, "ram", RAM_SIZE,
                                         &error_abort));
    memory_region_init_io(&r->uart, NULL, &uart_ops, r, "uart", 0x100);
    memory_region_add_subregion(&r->sysmem, 0, &r->ram);
    memory_region_add_subregion(&r->sysmem, UART_BASE, &r->uart);
    cl = CPU_CLUSTER(object_new_child(parent, name, TYPE_CPU_CLUSTER,
                                      &error_abort));
    object_property_set_uint(OBJECT(cl), "num-cpus", ncpus, &error_abort);
    object_property_set_uint(OBJECT(cl), "page-bits", page_bits,
                             &error_abort);
    if (r->tb_size) {
        object_property_set_uint(OBJECT(cl), "tb-size", r->tb_size,
                                 &error_abort);
    }
    cpu_cluster_set_arch(cl, &testarch_arch);
    cpu_cluster_set_memory(cl, &r->sysmem);
    g_assert_true(object_realize(OBJECT(cl), &error_abort));
    g_assert_true(cpu_cluster_start_tcg(cl, backend, &error_abort));
    r->cl = cl;
    return cl;
}

void rig_init(Rig *r, unsigned page_bits, TCGBackendKind backend)
{
    memset(r, 0, sizeof(*r));
    r->root = object_new(TYPE_CONTAINER);
    rig_cluster(r, r->root, "apps", 1, page_bits, backend);
}

void rig_cleanup_memory(Rig *r)
{
    memory_region_del_subregion(&r->sysmem, &r->ram);
    memory_region_del_subregion(&r->sysmem, &r->uart);
    memory_region_finalize(&r->ram);
    memory_region_finalize(&r->uart);
    memory_region_finalize(&r->sysmem);
    g_string_free(r->out, TRUE);
}

void rig_free(Rig *r)
{
    object_unref(r->root);
    rig_cleanup_memory(r);
}

static uint8_t *rig_ram(Rig *r)
{
    return memory_region_get_ram_ptr(&r->ram);
}

void rig_load(Rig *r, uint32_t addr, const uint32_t *words, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        uint32_t w = GUINT32_TO_LE(words[i]);
        memcpy(rig_ram(r) + addr + 4 * i, &w, 4);
    }
}

uint32_t rig_peek(Rig *r, uint32_t addr)
{
    uint32_t w;

    memcpy(&w, rig_ram(r) + addr, 4);
    return GUINT32_FROM_LE(w);
}

/* Run vCPU 0 on this thread until it executes HALT. */
void rig_run(Rig *r)
{
    CPUState *cpu = r->cl->cpus[0];

    for (int i = 0; i < 100000 && !ta_env(cpu)->stopped; i++) {
        cpu_set_budget(cpu, 1 << 30);
        cpu_exec(cpu);
    }
    g_assert_true(ta_env(cpu)->stopped);
}

/* Page table and program of the MMU test for a cluster of 2^pb pages. */
void rig_mmu_setup(Rig *r, unsigned pb)
{
    const uint32_t prog[] = {
        I(ADDI, 2, 0, 0, 1),    /* 0:  r2 = 1 */
        I(SHLI, 2, 2, 0, pb),   /* 4:  r2 = virtual page 1 */
        I(LD, 1, 2, 0, 8),      /* 8:  r1 = mem[page1 + 8] */
        I(ST, 1, 2, 0, 12),     /* 12: mem[page1 + 12] = r1 */
        I(ADDI, 4, 0, 0, 2),    /* 16: r4 = 2 */
        I(SHLI, 4, 4, 0, pb),   /* 20: r4 = virtual page 2 */
        I(LD, 5, 4, 0, 0),      /* 24: page fault: PTE 2 invalid */
        I(HALT, 0, 0, 0, 0),    /* 28: not reached */
    };
    uint32_t handler = I(HALT, 0, 0, 0, 0);
    uint32_t pte[3] = { 0 | 3, (4u << pb) | 3, 0 };
    uint32_t magic = MAGIC;

    rig_load(r, 0, prog, G_N_ELEMENTS(prog));
    rig_load(r, 0x100, &handler, 1);
    rig_load(r, PT_BASE, pte, 3);
    rig_load(r, (4u << pb) + 8, &magic, 1);
    for (uint32_t i = 0; i < r->cl->num_cpus; i++) {
        TestArchEnv *env = ta_env(r->cl->cpus[i]);
        env->mmu_on = 1;
        env->ptbase = PT_BASE;
        env->vector = 0x100;
    }
}

static void mmu_check_cpu(Rig *r, unsigned pb, CPUState *cpu)
{
    TestArchEnv *env = ta_env(cpu);

    g_assert_cmpuint(env->stopped, ==, 1);
    g_assert_cmpuint(env->regs[1], ==, MAGIC);
    /* The store went to physical page 4, not to virtual page 1's frame. */
    g_assert_cmpuint(rig_peek(r, (4u << pb) + 12), ==, MAGIC);
    g_assert_cmpuint(rig_peek(r, (1u << pb) + 12), ==, 0);
    g_assert_cmpuint(env->cause, ==, TA_EXCP_PAGEFAULT);
    g_assert_cmpuint(env->badaddr, ==, 2u << pb);
    g_assert_cmpuint(env->epc, ==, 24);
    /* Fills: page 0 (code, then data hits it) and page 1; page 2 faults. */
    g_assert_cmpuint(cpu->tlb.nb_fills, ==, 2);
    /* 6 insns before the fault, HALT in the handler */
    g_assert_cmpuint(cpu_get_insn_count(cpu), ==, 7);
}

void rig_mmu_check(Rig *r, unsigned pb)
{
    for (uint32_t i = 0; i < r->cl->num_cpus; i++) {
        mmu_check_cpu(r, pb, r->cl->cpus[i]);
    }
}

bool rig_wait_for(volatile uint32_t *flag, int ms)
{
    for (int i = 0; i < ms && !__atomic_load_n(flag, __ATOMIC_ACQUIRE); i++) {
        g_usleep(1000);
    }
    return __atomic_load_n(flag, __ATOMIC_ACQUIRE) != 0;
}
