/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * TYPE_CPU: the abstract vCPU device.  Frontend CPU types derive from it
 * and embed their env at TargetArch.env_offset.  This file holds its QOM
 * life cycle (realize sizes the TLB and jump cache from the cluster,
 * creates the IRQ inputs as qdev GPIOs) and the cross-thread controls:
 * cpu_interrupt, cpu_exit and the halt wake-up.
 *
 * Invariant: a CPU is realized only as a child of a realized-in-progress
 * cluster, which set cpu->cluster and cpu->arch first.
 */
#include "exec/cpu.h"
#include "internal.h"

static void cpu_kick(CPUState *cpu)
{
    g_atomic_int_set(&cpu->exit_request, 1);
    g_mutex_lock(&cpu->lock);
    g_cond_broadcast(&cpu->cond);
    g_mutex_unlock(&cpu->lock);
}

void cpu_exit(CPUState *cpu)
{
    g_atomic_int_set(&cpu->exit_loop, 1);
    cpu_kick(cpu);
}

void cpu_interrupt(CPUState *cpu, uint32_t mask)
{
    g_atomic_int_or(&cpu->interrupt_request, mask);
    cpu_kick(cpu);
}

void cpu_reset_interrupt(CPUState *cpu, uint32_t mask)
{
    g_atomic_int_and(&cpu->interrupt_request, ~mask);
}

void cpu_reset(CPUState *cpu)
{
    cpu->exception_index = EXCP_NONE;
    g_atomic_int_set(&cpu->halted, 0);
    cpu->cflags_next_tb = 0;
    if (cpu->tlb.page_bits) {
        tlb_flush(cpu);
    }
    if (cpu->jmp_cache) {
        tb_jmp_cache_clear(cpu);
    }
    if (cpu->arch && cpu->arch->reset) {
        cpu->arch->reset(cpu);
    }
}

void cpu_set_budget(CPUState *cpu, int32_t budget)
{
    assert(budget > 0);
    cpu->insns_executed += (int64_t)cpu->slice_budget - cpu->icount_budget;
    cpu->slice_budget = budget;
    cpu->icount_budget = budget;
}

uint64_t cpu_get_insn_count(CPUState *cpu)
{
    return cpu->insns_executed + (int64_t)cpu->slice_budget -
           cpu->icount_budget;
}

bool cpu_can_run(CPUState *cpu)
{
    if (g_atomic_int_get(&cpu->reset_held)) {
        return false;
    }
    return g_atomic_int_get(&cpu->reset_pending) ||
           !g_atomic_int_get(&cpu->halted) || cpu->arch->has_work(cpu);
}

/*
 * The "reset" input: high holds the vCPU (it stops at its next TB
 * entry); the falling edge asks it to reset itself before running again.
 */
static void cpu_reset_line_handler(void *opaque, int n, int level)
{
    CPUState *cpu = opaque;

    if (level) {
        if (!g_atomic_int_get(&cpu->reset_held)) {
            g_atomic_int_set(&cpu->reset_held, 1);
            cpu_exit(cpu);
        }
    } else if (g_atomic_int_get(&cpu->reset_held)) {
        g_atomic_int_set(&cpu->reset_pending, 1);
        g_atomic_int_set(&cpu->reset_held, 0);
        cpu_kick(cpu);
    }
}

/* qdev GPIO input @n: level-sensitive interrupt bit 1 << n. */
static void cpu_irq_handler(void *opaque, int n, int level)
{
    CPUState *cpu = opaque;

    if (level) {
        cpu_interrupt(cpu, 1u << n);
    } else {
        cpu_reset_interrupt(cpu, 1u << n);
    }
}

static bool cpu_realize(Object *obj, Error **errp)
{
    CPUState *cpu = CPU(obj);
    CPUClass *cc = CPU_GET_CLASS(obj);

    if (!cpu->cluster || !cpu->arch) {
        error_setg(errp, "cpu '%s' (%s): a CPU must be created by a "
                   "cpu-cluster", object_get_name(obj) ?
                   object_get_name(obj) : "?", object_get_typename(obj));
        return false;
    }
    if (cc->parent_realize && !cc->parent_realize(obj, errp)) {
        return false;
    }
    tlb_init(cpu, cpu->cluster->page_bits, cpu->arch->nb_mmu_idx);
    cpu->jmp_cache = g_new0(TranslationBlock *, CPU_JMP_CACHE_SIZE);
    if (cpu->arch->nb_irq_lines) {
        qdev_init_gpio_in(DEVICE(cpu), cpu_irq_handler,
                          (int)cpu->arch->nb_irq_lines);
    }
    qdev_init_gpio_in_named(DEVICE(cpu), cpu_reset_line_handler,
                            CPU_RESET_INPUT, 1);
    cpu_reset(cpu);
    return true;
}

static void cpu_instance_init(Object *obj)
{
    CPUState *cpu = CPU(obj);

    cpu->exception_index = EXCP_NONE;
    g_mutex_init(&cpu->lock);
    g_cond_init(&cpu->cond);
}

static void cpu_instance_finalize(Object *obj)
{
    CPUState *cpu = CPU(obj);

    tlb_destroy(cpu);
    g_free(cpu->log_name);
    g_free(cpu->jmp_cache);
    cpu->jmp_cache = NULL;
    g_mutex_clear(&cpu->lock);
    g_cond_clear(&cpu->cond);
}

/* The reset tree's hold phase resets the vCPU (cold or warm alike). */
static void cpu_reset_hold(Object *obj, ResetType type)
{
    cpu_reset(CPU(obj));
}

static void cpu_class_init(ObjectClass *oc, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);
    CPUClass *cc = CPU_CLASS(oc);

    dc->category = DEVICE_CATEGORY_CPU;
    dc->desc = "a virtual CPU (abstract)";
    dc->reset_hold = cpu_reset_hold;
    cc->parent_realize = oc->realize;
    oc->realize = cpu_realize;
}

static const TypeInfo cpu_types[] = {
    {
        .name = TYPE_CPU,
        .parent = TYPE_DEVICE,
        .description = "virtual CPU (abstract; frontends derive from it)",
        .instance_size = sizeof(CPUState),
        .instance_init = cpu_instance_init,
        .instance_finalize = cpu_instance_finalize,
        .abstract = true,
        .class_size = sizeof(CPUClass),
        .class_init = cpu_class_init,
    },
};

DEFINE_TYPES(cpu_types)
