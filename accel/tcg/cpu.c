/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * TYPE_CPU: the abstract vCPU device.  Frontend CPU types derive from it
 * and embed their env at TargetArch.env_offset.  This file holds its QOM
 * life cycle (realize sizes the TLB and jump cache from the cluster,
 * creates the IRQ inputs as qdev GPIOs) and the cross-thread controls:
 * cpu_interrupt, cpu_exit and the halt wake-up, and the property
 * "boot-pc" (applied by cpu_reset through TargetArch.set_pc).
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
    if (cpu->boot_pc != UINT64_MAX && cpu->arch && cpu->arch->set_pc) {
        cpu->arch->set_pc(cpu, cpu->boot_pc);
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

/* ---------------------------------------------------------------------- */
/* "boot-pc"                                                              */

static bool cpu_get_boot_pc(Object *obj, ObjectProperty *prop, PropValue *val,
                            Error **errp)
{
    val->kind = PROP_KIND_UINT;
    val->u = CPU(obj)->boot_pc;
    return true;
}

/*
 * Refuse what the frontend could not start at: no set_pc hook, an
 * address wider than its virtual addresses or not instruction-aligned.
 * Before the cluster gives the CPU its frontend, only UINT64_MAX is
 * certain to be accepted; the value is checked again at realize.
 */
static bool cpu_check_boot_pc(CPUState *cpu, uint64_t pc, Error **errp)
{
    const TargetArch *a = cpu->arch;
    g_autofree char *desc = NULL;

    if (pc == UINT64_MAX || !a) {
        return true;
    }
    desc = object_describe(OBJECT(cpu));
    if (!a->set_pc) {
        error_setg(errp, "%s: property 'boot-pc': the %s frontend cannot "
                   "set a CPU's pc (no set_pc hook)", desc, a->name);
        return false;
    }
    if ((a->vaddr_bits < 64 && pc >> a->vaddr_bits) ||
        pc % a->insn_align) {
        error_setg(errp, "%s: property 'boot-pc': 0x%" PRIx64 " is not an "
                   "instruction address of %s (accepted: %u-byte aligned, "
                   "below 2^%u)", desc, pc, a->name, a->insn_align,
                   a->vaddr_bits);
        return false;
    }
    return true;
}

static bool cpu_set_boot_pc(Object *obj, ObjectProperty *prop,
                            const PropValue *val, Error **errp)
{
    CPUState *cpu = CPU(obj);

    if (!cpu_check_boot_pc(cpu, val->u, errp)) {
        return false;
    }
    cpu->boot_pc = val->u;
    return true;
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
    if (!cpu_check_boot_pc(cpu, cpu->boot_pc, errp) ||
        (cc->parent_realize && !cc->parent_realize(obj, errp))) {
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

    cpu->boot_pc = UINT64_MAX;
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
    ObjectProperty *p;

    dc->category = DEVICE_CATEGORY_CPU;
    dc->desc = "a virtual CPU (abstract)";
    dc->reset_hold = cpu_reset_hold;
    cc->parent_realize = oc->realize;
    oc->realize = cpu_realize;
    p = object_class_property_add_uint(oc, "boot-pc", "uint64",
                                       cpu_get_boot_pc, cpu_set_boot_pc,
                                       NULL, 0, UINT64_MAX, UINT64_MAX,
                                       "pc after every reset, overriding "
                                       "the frontend's (e.g. an ELF "
                                       "entry); 18446744073709551615 "
                                       "(2^64-1): none");
    p->flags |= PROP_F_RUNTIME;
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
