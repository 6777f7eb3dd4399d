/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The AArch64 vCPU QOM types (one per model of cpu-models.c, named
 * "<model>-aarch64-cpu", under the abstract "aarch64-cpu"), its reset,
 * PSTATE and stack-pointer bookkeeping, the TB key and MMU index, and the
 * frontend table `aarch64_arch`.
 *
 * Properties are read at reset, so a machine may set them after the
 * cluster realized its CPUs (they are runtime-settable): rvbar,
 * mp-affinity, start-powered-off, has-el2, has-el3, psci-conduit,
 * semihosting, semihosting-root, cntfrq.
 * Spec: Arm ARM DDI 0487, D1.2 (PSTATE), D1.9 (reset), D17 (MPIDR).
 */
#include "translate.h"
#include "cpu-models.h"
#include "sysreg.h"
#include "helper-fp.h"
#include "exec/cputlb.h"
#include "hw/boards.h"
#include "util/log.h"
#include <capstone/capstone.h>

/* ------------------------------------------------------------------ */
/* PSTATE and SP                                                        */

uint32_t arm_pstate_read(const CPUARMState *env)
{
    uint32_t nzcv = ((env->NF >> 63) ? PSTATE_N : 0) |
                    (env->ZF == 0 ? PSTATE_Z : 0) |
                    (env->CF ? PSTATE_C : 0) |
                    ((env->VF >> 63) ? PSTATE_V : 0);

    return nzcv | (env->daif & PSTATE_DAIF) |
           (env->pstate & ~(PSTATE_NZCV | PSTATE_DAIF));
}

void arm_pstate_write(CPUARMState *env, uint32_t spsr)
{
    env->NF = (spsr & PSTATE_N) ? UINT64_MAX : 0;
    env->ZF = (spsr & PSTATE_Z) ? 0 : 1;
    env->CF = (spsr & PSTATE_C) ? 1 : 0;
    env->VF = (spsr & PSTATE_V) ? (UINT64_C(1) << 63) : 0;
    env->daif = spsr & PSTATE_DAIF;
    env->pstate = spsr & (PSTATE_SP | PSTATE_EL_MASK | PSTATE_BTYPE |
                          PSTATE_SSBS | PSTATE_IL | PSTATE_SS | PSTATE_PAN |
                          PSTATE_UAO | PSTATE_DIT);
}

/* The sp_el[] slot of the stack pointer selected by @el and @spsel. */
static unsigned sp_slot(unsigned el, bool spsel)
{
    return spsel ? el : 0;
}

void arm_swap_sp(CPUARMState *env, unsigned old_el, bool old_sp)
{
    unsigned new_slot = sp_slot(arm_current_el(env),
                                env->pstate & PSTATE_SP);

    env->sp_el[sp_slot(old_el, old_sp)] = env->xregs[31];
    env->xregs[31] = env->sp_el[new_slot];
}

unsigned arm_highest_el(const CPUARMState *env)
{
    return arm_have_el3(env) ? 3 : arm_have_el2(env) ? 2 : 1;
}

bool arm_have_el2(const CPUARMState *env)
{
    return env->features & ARM_FEAT_EL2;
}

bool arm_have_el3(const CPUARMState *env)
{
    return env->features & ARM_FEAT_EL3;
}

/* ------------------------------------------------------------------ */
/* MMU indexes and the TB key                                           */

ARMMMUIdx arm_mmu_idx(CPUARMState *env)
{
    switch (arm_current_el(env)) {
    case 0:
        return ARM_MMU_E10_0;
    case 1:
        return (env->pstate & PSTATE_PAN) ? ARM_MMU_E10_1_PAN
                                          : ARM_MMU_E10_1;
    case 2:
        return ARM_MMU_E2;
    default:
        return ARM_MMU_E3;
    }
}

ARMMMUIdx arm_mmu_idx_unpriv(CPUARMState *env)
{
    unsigned el = arm_current_el(env);

    if (el == 1 && (env->pstate & PSTATE_UAO)) {
        return arm_mmu_idx(env);
    }
    return el <= 1 ? ARM_MMU_E10_0 : arm_mmu_idx(env);
}

unsigned arm_mmu_idx_regime_el(ARMMMUIdx idx)
{
    switch (idx) {
    case ARM_MMU_E2:
    case ARM_MMU_E20_0:
    case ARM_MMU_E20_2:
        return 2;
    case ARM_MMU_E3:
        return 3;
    default:
        return 1;
    }
}

static unsigned arm_cpu_mmu_index(CPUState *cs, bool ifetch)
{
    CPUARMState *env = arm_env(cs);
    ARMMMUIdx idx = arm_mmu_idx(env);

    /* PAN restricts data accesses only */
    return ifetch && idx == ARM_MMU_E10_1_PAN ? ARM_MMU_E10_1 : idx;
}

/* Whether FP/SIMD instructions may execute now (CPACR, CPTR). */
static bool arm_fp_enabled(CPUARMState *env, unsigned el)
{
    unsigned fpen = (env->cp.cpacr_el1 >> 20) & 3;

    if (el == 0 && fpen != 3) {
        return false;
    }
    if (el == 1 && !(fpen & 1)) {
        return false;
    }
    if (el <= 2 && arm_el2_enabled(env) &&
        (env->cp.cptr_el[2] & (1u << 10))) {
        return false;
    }
    return !(arm_have_el3(env) && (env->cp.cptr_el[3] & (1u << 10)));
}

static void arm_get_tb_key(CPUState *cs, TBKey *key)
{
    ARMCPU *cpu = ARM_CPU(cs);
    CPUARMState *env = &cpu->env;
    unsigned el = arm_current_el(env);
    unsigned rel = el ? el : 1;
    uint64_t sctlr = env->cp.sctlr_el[rel];
    uint64_t tcr = env->cp.tcr_el[rel];
    uint64_t f = 0;

    f |= (uint64_t)el << TB_FLAG_EL_SHIFT;
    f |= (uint64_t)arm_mmu_idx(env) << TB_FLAG_MMUIDX_SHIFT;
    f |= (uint64_t)arm_mmu_idx_unpriv(env) << TB_FLAG_UNPRIV_SHIFT;
    if (rel == 1) {
        f |= (tcr & (UINT64_C(1) << 37)) ? TB_FLAG_TBI0 : 0;
        f |= (tcr & (UINT64_C(1) << 38)) ? TB_FLAG_TBI1 : 0;
    } else if (tcr & (UINT64_C(1) << 20)) {
        f |= TB_FLAG_TBI0 | TB_FLAG_TBI1;
    }
    f |= (sctlr & 2) ? TB_FLAG_ALIGN : 0;
    if (el == 0 ? (sctlr & (1u << 24)) : (sctlr & (1u << 25))) {
        f |= TB_FLAG_BE_DATA;
    }
    f |= arm_fp_enabled(env, el) ? TB_FLAG_FPEN : 0;
    f |= (cpu->semihosting && el > 0) ? TB_FLAG_SEMIHOST : 0;
    key->pc = env->pc;
    key->flags = f;
    key->extra = 0;
}

static void arm_restore_state(CPUState *cs, const uint64_t *data)
{
    arm_env(cs)->pc = data[0];
}

/* ------------------------------------------------------------------ */
/* Requests to the machine                                              */

static void arm_stop_self(ARMCPU *cpu)
{
    CPUState *cs = &cpu->parent_obj;

    cpu->env.powered_off = true;
    g_atomic_int_set(&cs->halted, 1);
    cpu_exit(cs);
}

void arm_request_shutdown(ARMCPU *cpu, int exit_code)
{
    MachineState *ms = machine_of(OBJECT(cpu));

    cpu->semihosting_exit_code = exit_code;
    arm_stop_self(cpu);
    if (ms) {
        machine_request_shutdown(ms, exit_code);
    }
}

void arm_request_reset(ARMCPU *cpu)
{
    MachineState *ms = machine_of(OBJECT(cpu));

    arm_stop_self(cpu);
    if (ms) {
        machine_request_reset(ms);
    }
}

/* ------------------------------------------------------------------ */
/* Reset                                                                */

static void arm_cpu_reset(CPUState *cs)
{
    ARMCPU *cpu = ARM_CPU(cs);
    CPUARMState *env = &cpu->env;
    const ARMCPUModel *m = env->model;
    unsigned el;

    memset(env->xregs, 0, sizeof(env->xregs));
    memset(env->vregs, 0, sizeof(env->vregs));
    memset(env->sp_el, 0, sizeof(env->sp_el));
    memset(&env->cp, 0, sizeof(env->cp));
    memset(&env->exception, 0, sizeof(env->exception));
    env->features = arm_model_features(m);
    if (!cpu->has_el2 || m->highest_el < 2) {
        env->features &= ~ARM_FEAT_EL2;
    }
    if (!cpu->has_el3 || m->highest_el < 3) {
        env->features &= ~ARM_FEAT_EL3;
    }
    el = arm_highest_el(env);
    /* D1.9: reset into the highest EL, SP_ELx selected, DAIF masked */
    arm_pstate_write(env, PSTATE_DAIF | PSTATE_SP |
                     (el << PSTATE_EL_SHIFT));
    env->pc = cpu->rvbar;
    env->exclusive_addr = UINT64_MAX;
    env->exclusive_val = 0;
    env->exclusive_high = 0;
    env->event_register = false;
    arm_sysreg_reset(env);
    arm_fp_reset(env);              /* FloatStatus for FPCR = 0 */
    env->cp.mpidr = (UINT64_C(1) << 31) | cpu->mp_affinity;
    env->cp.cntfrq_el0 = cpu->gt_freq ? cpu->gt_freq
                       : m->cntfrq ? m->cntfrq : 62500000;
    env->cp.rvbar_el3 = cpu->rvbar;
    env->powered_off = cpu->start_powered_off;
    g_atomic_int_set(&cs->halted, cpu->start_powered_off ? 1 : 0);
    cpu->semihosting_exit_code = 0;
    if (cpu->timers) {
        arm_gt_reset(cpu);
    }
    arm_psci_reset(cpu);
}

static void arm_dump_state(CPUState *cs, GString *out)
{
    CPUARMState *env = arm_env(cs);
    uint32_t ps = arm_pstate_read(env);

    g_string_append_printf(out, " PC=%016" PRIx64 "  SP=%016" PRIx64 "\n",
                           env->pc, env->xregs[31]);
    for (int i = 0; i < 31; i++) {
        g_string_append_printf(out, "X%02d=%016" PRIx64 "%s", i,
                               env->xregs[i], i % 4 == 3 ? "\n" : " ");
    }
    g_string_append_printf(out, "\nPSTATE=%08x %c%c%c%c EL%u%c DAIF=%x\n",
                           ps, ps & PSTATE_N ? 'N' : '-',
                           ps & PSTATE_Z ? 'Z' : '-',
                           ps & PSTATE_C ? 'C' : '-',
                           ps & PSTATE_V ? 'V' : '-', arm_current_el(env),
                           ps & PSTATE_SP ? 'h' : 't', env->daif >> 6);
}

/* One instruction with capstone (-d in_asm); false if it cannot. */
static bool arm_disas_capstone(const uint8_t *code, vaddr pc, GString *out)
{
    csh h;
    cs_insn *insn;
    size_t n;

    if (cs_open(CS_ARCH_ARM64, CS_MODE_LITTLE_ENDIAN, &h) != CS_ERR_OK) {
        return false;
    }
    n = cs_disasm(h, code, 4, pc, 1, &insn);
    if (n == 1) {
        g_string_append_printf(out, "%-8s %s", insn->mnemonic, insn->op_str);
        cs_free(insn, n);
    }
    cs_close(&h);
    return n == 1;
}

static unsigned arm_disas(const uint8_t *code, size_t len, vaddr pc,
                          GString *out)
{
    uint32_t insn;

    if (len < 4) {
        return 0;
    }
    insn = (uint32_t)code[0] | (uint32_t)code[1] << 8 |
           (uint32_t)code[2] << 16 | (uint32_t)code[3] << 24;
    g_string_append_printf(out, "%08x  ", insn);
    if (arm_disas_capstone(code, pc, out)) {
        return 4;
    }
    /* capstone missing or silent: our table-driven disassembler */
    if (!arm_a64_disas_insn(insn, pc, A64_FEAT_ALL, out)) {
        g_string_append(out, ".inst (unknown)");
    }
    return 4;
}

/* TargetArch.set_pc: the next instruction, in the reset EL. */
static void arm_cpu_set_pc(CPUState *cs, uint64_t pc)
{
    ARM_CPU(cs)->env.pc = pc;
}

const TargetArch aarch64_arch = {
    .name = "aarch64",
    .description = "Arm AArch64 (ARMv8-A, EL0-EL3)",
    .insn_align = 4,
    .min_page_bits = 12,
    .max_page_bits = 12,
    .default_page_bits = 12,
    .vaddr_bits = 64,
    .paddr_bits = 48,
    .big_endian = false,
    .mem_order = TARGET_MO_WEAK,
    .nb_mmu_idx = ARM_MMU_IDX_COUNT,
    .nb_irq_lines = ARM_CPU_NB_IRQ_LINES,
    .insn_start_words = 1,
    .cpu_type = TYPE_ARM_CPU,
    .default_cpu_model = "cortex-a57" ARM_CPU_TYPE_SUFFIX,
    .env_offset = offsetof(ARMCPU, env),
    .tcg_init = arm_tcg_init,
    .tcg_free = arm_tcg_free,
    .translate = arm_translate_block,
    .get_tb_key = arm_get_tb_key,
    .cpu_mmu_index = arm_cpu_mmu_index,
    .restore_state = arm_restore_state,
    .cpu_exec_interrupt = arm_cpu_exec_interrupt,
    .do_exception = arm_cpu_do_exception,
    .tlb_fill = arm_cpu_tlb_fill,
    .do_unaligned_access = arm_cpu_do_unaligned_access,
    .do_transaction_failed = arm_cpu_do_transaction_failed,
    .reset = arm_cpu_reset,
    .has_work = arm_cpu_has_work,
    .set_pc = arm_cpu_set_pc,
    .dump_state = arm_dump_state,
    .disas = arm_disas,
    .gdb_read_register = arm_gdb_read_register,
    .gdb_write_register = arm_gdb_write_register,
    .gdb_num_regs = 34,         /* x0-x30, sp, pc, cpsr (gdbstub.c) */
    .gdb_core_xml = arm_gdb_core_xml,
    .debug_translate = arm_cpu_debug_translate,
};

/* ------------------------------------------------------------------ */
/* QOM                                                                  */

static const char *const arm_psci_conduit_names[] = {
    "disabled", "hvc", "smc", NULL
};

static const PropDef arm_cpu_props[] = {
    DEFINE_PROP_UINT64("rvbar", ARMCPU, rvbar, 0,
                       "reset address (the first instruction)"),
    DEFINE_PROP_UINT32("mp-affinity", ARMCPU, mp_affinity, 0,
                       "MPIDR_EL1 affinity fields Aff2:Aff1:Aff0"),
    DEFINE_PROP_BOOL("start-powered-off", ARMCPU, start_powered_off, false,
                     "stay off until PSCI CPU_ON"),
    DEFINE_PROP_BOOL("has-el2", ARMCPU, has_el2, false,
                     "implement EL2 (when the model has it)"),
    DEFINE_PROP_BOOL("has-el3", ARMCPU, has_el3, false,
                     "implement EL3 (when the model has it)"),
    DEFINE_PROP_ENUM("psci-conduit", ARMCPU, psci_conduit, 0, "psci-conduit",
                     arm_psci_conduit_names,
                     "PSCI calls served by hemu: disabled, hvc or smc"),
    DEFINE_PROP_BOOL("semihosting", ARMCPU, semihosting, false,
                     "HLT #0xF000 at EL1 and above is a semihosting call"),
    DEFINE_PROP_STRING("semihosting-root", ARMCPU, semihosting_root,
                       "directory semihosting OPEN paths are relative to"),
    DEFINE_PROP_UINT64("cntfrq", ARMCPU, gt_freq, 0,
                       "system counter frequency in Hz (0: the model's)"),
    PROP_END,
};

static bool arm_cpu_realize(Object *obj, Error **errp)
{
    ARMCPU *cpu = ARM_CPU(obj);
    ARMCPUClass *acc = ARM_CPU_GET_CLASS(obj);

    if (acc->parent_realize && !acc->parent_realize(obj, errp)) {
        return false;
    }
    if (!arm_gt_realize(cpu, errp) || !arm_psci_realize(cpu, errp) ||
        !arm_semihosting_realize(cpu, errp)) {
        return false;
    }
    arm_cpu_reset(&cpu->parent_obj);
    return true;
}

static void arm_cpu_instance_init(Object *obj)
{
    ARMCPU *cpu = ARM_CPU(obj);
    ARMCPUClass *acc = ARM_CPU_GET_CLASS(obj);

    cpu->env.model = acc->model;
    cpu->env.features = acc->model ? arm_model_features(acc->model) : 0;
    cpu->env.exclusive_addr = UINT64_MAX;
}

static void arm_cpu_class_init(ObjectClass *oc, const void *data)
{
    ARMCPUClass *acc = ARM_CPU_CLASS(oc);

    acc->parent_realize = oc->realize;
    oc->realize = arm_cpu_realize;
    object_class_add_field_props(oc, arm_cpu_props);
    for (const PropDef *d = arm_cpu_props; d->name; d++) {
        ObjectProperty *p = object_class_property_find(oc, d->name);

        if (p) {
            p->flags |= PROP_F_RUNTIME;
        }
    }
}

static void arm_cpu_model_class_init(ObjectClass *oc, const void *data)
{
    ARM_CPU_CLASS(oc)->model = data;
    DEVICE_CLASS(oc)->desc = ((const ARMCPUModel *)data)->description;
}

static void arm_cpu_register_types(void)
{
    static const TypeInfo base = {
        .name = TYPE_ARM_CPU,
        .parent = TYPE_CPU,
        .description = "AArch64 CPU (abstract; one subtype per model)",
        .instance_size = sizeof(ARMCPU),
        .instance_init = arm_cpu_instance_init,
        .class_size = sizeof(ARMCPUClass),
        .class_init = arm_cpu_class_init,
        .abstract = true,
    };

    type_register_static(&base);
    for (const ARMCPUModel *const *m = arm_cpu_models; *m; m++) {
        /* the registry keeps the TypeInfo: allocate it, once per model */
        TypeInfo *ti = g_new0(TypeInfo, 1);

        ti->name = g_strconcat((*m)->name, ARM_CPU_TYPE_SUFFIX, NULL);
        ti->parent = TYPE_ARM_CPU;
        ti->description = (*m)->description;
        ti->class_init = arm_cpu_model_class_init;
        ti->class_data = *m;
        type_register_static(ti);
    }
}

type_init(arm_cpu_register_types)
