/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The AArch64 exception model: taking an exception (synchronous ones
 * raised by helpers with env->exception filled, and interrupts), the
 * routing and masking of IRQ/FIQ and their virtual forms, has_work for
 * a halted vCPU, and exception return (ERET), including the illegal
 * return that sets PSTATE.IL.
 *
 * Invariants: the preferred return address is env->pc when an exception
 * is delivered (raisers set it: the faulting instruction, or the next one
 * for SVC/HVC/SMC); exceptions are only taken to an implemented EL at or
 * above the current one; every AArch64 state is AArch64 (no AArch32).
 * Spec: Arm ARM DDI 0487, D1.3 (exception levels, routing and masking of
 * asynchronous exceptions, table "Physical interrupt masking"), D1.10
 * (exception entry), D1.11 (exception return), pseudocode
 * AArch64.TakeException, AArch64.ExceptionReturn, IllegalExceptionReturn.
 */
#include "helper-excp.h"
#include "cpu-models.h"
#include "util/bitops.h"
#include "util/log.h"

/* ------------------------------------------------------------------ */
/* Routing helpers shared with helper-excp.c                            */

bool arm_in_host(CPUARMState *env)
{
    uint64_t hcr = env->cp.hcr_el2;

    return arm_el2_enabled(env) && (hcr & ARM_HCR_E2H) && (hcr & ARM_HCR_TGE);
}

uint64_t arm_sctlr_current(CPUARMState *env)
{
    unsigned el = arm_current_el(env);

    if (el == 0) {
        el = arm_in_host(env) ? 2 : 1;
    }
    return env->cp.sctlr_el[el];
}

unsigned arm_exception_target_el(CPUARMState *env)
{
    unsigned el = arm_current_el(env);

    /* D1.3.4: HCR_EL2.TGE routes what would go to EL1 from EL0 to EL2 */
    if (el == 0 && arm_el2_enabled(env) && (env->cp.hcr_el2 & ARM_HCR_TGE)) {
        return 2;
    }
    return el ? el : 1;
}

unsigned arm_debug_target_el(CPUARMState *env)
{
    unsigned el = arm_current_el(env);

    if (el <= 1 && arm_el2_enabled(env) &&
        ((env->cp.hcr_el2 & ARM_HCR_TGE) ||
         (env->cp.mdcr_el2 & ARM_MDCR_TDE))) {
        return 2;
    }
    return el ? el : 1;
}

void arm_raise_exception(CPUARMState *env, int excp, uint32_t syndrome,
                         unsigned target_el, uintptr_t retaddr)
{
    CPUState *cs = arm_env_cs(env);

    assert(target_el >= 1 && target_el <= 3);
    env->exception.syndrome = syndrome;
    env->exception.target_el = target_el;
    cpu_raise_exception(cs, excp, retaddr);
}

/* ------------------------------------------------------------------ */
/* Exception entry                                                      */

static const char *arm_excp_name(int excp)
{
    static const char *const names[] = {
        [EXCP_UDEF] = "Undefined Instruction",
        [EXCP_SWI] = "SVC",
        [EXCP_PREFETCH_ABORT] = "Prefetch Abort",
        [EXCP_DATA_ABORT] = "Data Abort",
        [EXCP_IRQ] = "IRQ",
        [EXCP_FIQ] = "FIQ",
        [EXCP_BKPT] = "Breakpoint",
        [EXCP_HVC] = "Hypervisor Call",
        [EXCP_SMC] = "Secure Monitor Call",
        [EXCP_VIRQ] = "Virtual IRQ",
        [EXCP_VFIQ] = "Virtual FIQ",
        [EXCP_SEMIHOST] = "Semihosting call",
        [EXCP_VSERR] = "Virtual SError",
        [EXCP_UNALIGNED] = "Alignment Fault",
        [EXCP_SYNC] = "Synchronous Exception",
    };

    if (excp >= 0 && (size_t)excp < G_N_ELEMENTS(names) && names[excp]) {
        return names[excp];
    }
    return "unknown";
}

static bool arm_excp_is_irq(int excp)
{
    return excp == EXCP_IRQ || excp == EXCP_FIQ || excp == EXCP_VIRQ ||
           excp == EXCP_VFIQ;
}

/* D1.10.2: offset from VBAR_ELx by origin and type. */
static uint32_t arm_vector_offset(int excp, unsigned from_el,
                                  unsigned target_el, bool from_spx)
{
    uint32_t off;

    if (target_el > from_el) {
        off = 0x400;                /* lower EL, AArch64 */
    } else {
        off = from_spx ? 0x200 : 0x000;
    }
    switch (excp) {
    case EXCP_IRQ:
    case EXCP_VIRQ:
        return off + 0x080;
    case EXCP_FIQ:
    case EXCP_VFIQ:
        return off + 0x100;
    case EXCP_VSERR:
        return off + 0x180;
    default:
        return off;
    }
}

/*
 * The exception classes that come in a "lower EL" / "same EL" pair
 * (aborts, debug) must say which one happened: fix the EC of @syn for
 * an exception from @from_el to @target_el (the lower variant is even).
 */
static uint32_t arm_fix_ec(uint32_t syn, unsigned from_el, unsigned target_el)
{
    uint32_t ec = syn_ec(syn);
    bool lower = target_el > from_el;

    switch (ec & ~1u) {
    case EC_INSN_ABORT_LOWER:
    case EC_DATA_ABORT_LOWER:
    case EC_BREAKPOINT_LOWER:
    case EC_SOFTSTEP_LOWER:
    case EC_WATCHPOINT_LOWER:
        ec = (ec & ~1u) | (lower ? 0 : 1);
        return (syn & ~(0x3fu << ARM_EL_EC_SHIFT)) | ec << ARM_EL_EC_SHIFT;
    default:
        return syn;
    }
}

/* Does this syndrome report a faulting address in FAR_ELx? */
static bool arm_syn_has_far(uint32_t syn)
{
    switch (syn_ec(syn)) {
    case EC_INSN_ABORT_LOWER:
    case EC_INSN_ABORT:
    case EC_PC_ALIGN:
    case EC_DATA_ABORT_LOWER:
    case EC_DATA_ABORT:
    case EC_WATCHPOINT_LOWER:
    case EC_WATCHPOINT:
        return true;
    default:
        return false;
    }
}

/* ESR_ELx, FAR_ELx and HPFAR_EL2 for a synchronous exception or SError. */
static void arm_report_exception(CPUARMState *env, unsigned from_el,
                                 unsigned target_el)
{
    uint32_t syn = arm_fix_ec(env->exception.syndrome, from_el, target_el);
    uint32_t ec = syn_ec(syn);

    env->cp.esr_el[target_el] = syn;
    if (arm_syn_has_far(syn)) {
        env->cp.far_el[target_el] = env->exception.vaddress;
    }
    if (target_el == 2 &&
        (ec == EC_INSN_ABORT_LOWER || ec == EC_DATA_ABORT_LOWER)) {
        /* HPFAR_EL2.FIPA [43:4] = IPA[55:12]; meaningful for stage 2 */
        env->cp.hpfar_el2 = (env->exception.ipa >> 12) << 4;
    }
}

/* PSTATE after entry to @target_el (D1.10.1 and TakeException). */
static void arm_enter_pstate(CPUARMState *env, unsigned target_el)
{
    uint64_t sctlr = env->cp.sctlr_el[target_el];
    uint32_t ps = env->pstate;

    ps &= ~(PSTATE_EL_MASK | PSTATE_SP | PSTATE_nRW | PSTATE_IL |
            PSTATE_SS | PSTATE_BTYPE | PSTATE_UAO);
    ps |= target_el << PSTATE_EL_SHIFT | PSTATE_SP;
    if (arm_feature(env, ARM_FEAT_PAN) && !(sctlr & ARM_SCTLR_SPAN) &&
        (target_el == 1 || (target_el == 2 && arm_in_host(env)))) {
        ps |= PSTATE_PAN;
    }
    if (env->model && arm_id_field(env->model->id_aa64pfr1, 4)) {
        /* FEAT_SSBS: PSTATE.SSBS = SCTLR_ELx.DSSBS */
        ps = (ps & ~PSTATE_SSBS) | ((sctlr & ARM_SCTLR_DSSBS) ? PSTATE_SSBS
                                                             : 0);
    }
    env->pstate = ps;
    env->daif = PSTATE_DAIF;
}

/* AArch64.TakeException for exception @excp to @target_el. */
static void arm_take_exception(CPUState *cs, int excp, unsigned target_el)
{
    CPUARMState *env = arm_env(cs);
    unsigned from_el = arm_current_el(env);
    bool from_spx = env->pstate & PSTATE_SP;
    uint32_t spsr = arm_pstate_read(env);
    uint32_t off = arm_vector_offset(excp, from_el, target_el, from_spx);

    /* hemu's own routing never targets a lower or missing EL */
    assert(target_el >= 1 && target_el <= 3 && target_el >= from_el);
    assert(target_el != 2 || arm_have_el2(env));
    assert(target_el != 3 || arm_have_el3(env));
    if (!arm_excp_is_irq(excp)) {
        arm_report_exception(env, from_el, target_el);
    }
    env->cp.spsr_el[target_el] = spsr;
    env->cp.elr_el[target_el] = env->pc;
    arm_enter_pstate(env, target_el);
    arm_swap_sp(env, from_el, from_spx);
    env->exclusive_addr = UINT64_MAX;
    env->pc = (env->cp.vbar_el[target_el] & ~UINT64_C(0x7ff)) | off;
    log_mask(LOG_INT, "%s: Taking exception %d [%s] from EL%u to EL%u: "
             "ESR 0x%" PRIx64 " FAR 0x%" PRIx64 " ELR 0x%" PRIx64
             " SPSR 0x%08x -> vector 0x%" PRIx64 "\n",
             cs->log_name ? cs->log_name : "cpu", excp, arm_excp_name(excp),
             from_el, target_el,
             arm_excp_is_irq(excp) ? 0 : env->cp.esr_el[target_el],
             env->cp.far_el[target_el], env->cp.elr_el[target_el], spsr,
             env->pc);
}

void arm_cpu_do_exception(CPUState *cs)
{
    CPUARMState *env = arm_env(cs);
    int excp = cs->exception_index;

    if (excp == EXCP_SEMIHOST) {
        /* raised at the HLT: perform the call and go on after it */
        arm_semihosting_call(ARM_CPU(cs));
        env->pc += 4;
        return;
    }
    arm_take_exception(cs, excp, env->exception.target_el);
}

/* ------------------------------------------------------------------ */
/* Interrupts                                                           */

/* Levels of the ARM_CPU_* input lines. */
static uint32_t arm_irq_lines(CPUState *cs)
{
    uint32_t req = g_atomic_int_get(&cs->interrupt_request);

    return arm_env(cs)->irq_lines |
           (req & ((1u << ARM_CPU_NB_IRQ_LINES) - 1));
}

/* D1.3.6: the EL a physical IRQ (@fiq false) or FIQ is routed to. */
static unsigned arm_phys_irq_target(CPUARMState *env, bool fiq)
{
    uint64_t hcr = env->cp.hcr_el2;

    if (arm_have_el3(env) &&
        (env->cp.scr_el3 & (fiq ? ARM_SCR_FIQ : ARM_SCR_IRQ))) {
        return 3;
    }
    if (arm_el2_enabled(env) &&
        (hcr & (ARM_HCR_TGE | (fiq ? ARM_HCR_FMO : ARM_HCR_IMO)))) {
        return 2;
    }
    return 1;
}

/*
 * Can a physical interrupt be taken now, and where?  One routed below
 * the current EL stays pending; one routed above it is not masked by
 * PSTATE, except EL0 -> EL1 (and EL0 -> EL2 in host) which are.
 */
static bool arm_phys_irq_takeable(CPUARMState *env, bool fiq,
                                  unsigned *target)
{
    unsigned el = arm_current_el(env);
    unsigned t = arm_phys_irq_target(env, fiq);
    bool maskable = t == el || (el == 0 && t == 1) ||
                    (el == 0 && t == 2 && arm_in_host(env));

    if (t < el) {
        return false;
    }
    if (maskable && (env->daif & (fiq ? PSTATE_F : PSTATE_I))) {
        return false;
    }
    *target = t;
    return true;
}

/* Are virtual interrupts of the kind HCR_EL2.@mo_bit enables active? */
static bool arm_virt_enabled(CPUARMState *env, uint64_t mo_bit)
{
    uint64_t hcr = env->cp.hcr_el2;

    return arm_el2_enabled(env) && (hcr & mo_bit) && !(hcr & ARM_HCR_TGE);
}

/* A virtual interrupt pending, active and unmasked: taken at EL1. */
static bool arm_virt_takeable(CPUARMState *env, bool pending,
                              uint64_t mo_bit, uint32_t mask)
{
    return pending && arm_current_el(env) <= 1 &&
           arm_virt_enabled(env, mo_bit) && !(env->daif & mask);
}

static bool arm_deliver_irq(CPUState *cs, int excp, unsigned target_el)
{
    cs->exception_index = excp;
    arm_take_exception(cs, excp, target_el);
    cs->exception_index = EXCP_NONE;
    return true;
}

bool arm_cpu_exec_interrupt(CPUState *cs, uint32_t interrupt_request)
{
    CPUARMState *env = arm_env(cs);
    uint32_t lines = arm_irq_lines(cs);
    uint64_t hcr = env->cp.hcr_el2;
    unsigned t;

    if (interrupt_request & ARM_CPU_INTERRUPT_PSCI) {
        /* apply the CPU_ON on this vCPU's own thread */
        cpu_reset_interrupt(cs, ARM_CPU_INTERRUPT_PSCI);
        arm_psci_apply_on(ARM_CPU(cs));
        return true;
    }
    if (env->powered_off) {
        return false;
    }
    /* the priority among these is IMPLEMENTATION DEFINED (D1.3.7) */
    if ((lines & (1u << ARM_CPU_FIQ)) && arm_phys_irq_takeable(env, true, &t)) {
        return arm_deliver_irq(cs, EXCP_FIQ, t);
    }
    if ((lines & (1u << ARM_CPU_IRQ)) &&
        arm_phys_irq_takeable(env, false, &t)) {
        return arm_deliver_irq(cs, EXCP_IRQ, t);
    }
    if (arm_virt_takeable(env, (hcr & ARM_HCR_VF) ||
                          (lines & (1u << ARM_CPU_VFIQ)), ARM_HCR_FMO,
                          PSTATE_F)) {
        return arm_deliver_irq(cs, EXCP_VFIQ, 1);
    }
    if (arm_virt_takeable(env, (hcr & ARM_HCR_VI) ||
                          (lines & (1u << ARM_CPU_VIRQ)), ARM_HCR_IMO,
                          PSTATE_I)) {
        return arm_deliver_irq(cs, EXCP_VIRQ, 1);
    }
    if (arm_virt_takeable(env, hcr & ARM_HCR_VSE, ARM_HCR_AMO, PSTATE_A)) {
        /* a virtual SError is consumed when taken; no RAS: ISS 0 */
        env->cp.hcr_el2 &= ~ARM_HCR_VSE;
        env->exception.syndrome = syn_make(EC_SERROR, 0);
        arm_cpu_update_virq(ARM_CPU(cs));
        return arm_deliver_irq(cs, EXCP_VSERR, 1);
    }
    return false;
}

bool arm_cpu_has_work(CPUState *cs)
{
    CPUARMState *env = arm_env(cs);
    uint32_t lines = arm_irq_lines(cs);
    uint64_t hcr = env->cp.hcr_el2;

    /* a PSCI CPU_ON for this vCPU wakes it even when powered off */
    if (arm_psci_pending_on(ARM_CPU(cs))) {
        return true;
    }
    if (env->powered_off) {
        return false;
    }
    /* WFI wakes on a pending interrupt even when PSTATE masks it */
    if (lines & (1u << ARM_CPU_IRQ | 1u << ARM_CPU_FIQ)) {
        return true;
    }
    if (arm_current_el(env) > 1) {
        return false;
    }
    return (arm_virt_enabled(env, ARM_HCR_IMO) &&
            ((hcr & ARM_HCR_VI) || (lines & (1u << ARM_CPU_VIRQ)))) ||
           (arm_virt_enabled(env, ARM_HCR_FMO) &&
            ((hcr & ARM_HCR_VF) || (lines & (1u << ARM_CPU_VFIQ)))) ||
           (arm_virt_enabled(env, ARM_HCR_AMO) && (hcr & ARM_HCR_VSE));
}

void arm_cpu_update_virq(ARMCPU *cpu)
{
    CPUState *cs = &cpu->parent_obj;

    if (cpu->env.cp.hcr_el2 & (ARM_HCR_VI | ARM_HCR_VF | ARM_HCR_VSE)) {
        cpu_interrupt(cs, ARM_CPU_INTERRUPT_VIRT_HCR);
    } else {
        cpu_reset_interrupt(cs, ARM_CPU_INTERRUPT_VIRT_HCR);
    }
}

/* ------------------------------------------------------------------ */
/* Exception return                                                     */

/* IllegalExceptionReturn(): can @spsr be returned to from @el? */
static bool arm_illegal_return(CPUARMState *env, uint32_t spsr,
                               unsigned el)
{
    unsigned target = (spsr & PSTATE_EL_MASK) >> PSTATE_EL_SHIFT;

    if (spsr & PSTATE_nRW) {
        return true;                /* AArch32 is not implemented */
    }
    if (spsr & 2) {
        return true;                /* M[1] is reserved */
    }
    if (target == 0 && (spsr & PSTATE_SP)) {
        return true;                /* M[3:0] = 0b0001 is reserved */
    }
    if (target > el) {
        return true;
    }
    if (target == 2 && (!arm_have_el2(env) || !arm_el2_enabled(env))) {
        return true;                /* EL2 absent, or Secure without EEL2 */
    }
    return target == 1 && arm_el2_enabled(env) &&
           (env->cp.hcr_el2 & ARM_HCR_TGE);
}

/* The PSTATE bits SPSR may restore on this vCPU (its features). */
static uint32_t arm_spsr_restorable(CPUARMState *env)
{
    uint32_t m = PSTATE_NZCV | PSTATE_DAIF | PSTATE_EL_MASK | PSTATE_SP |
                 PSTATE_IL;
    const ARMCPUModel *mo = env->model;

    if (arm_feature(env, ARM_FEAT_PAN)) {
        m |= PSTATE_PAN;
    }
    if (arm_feature(env, ARM_FEAT_BTI)) {
        m |= PSTATE_BTYPE;
    }
    if (mo && arm_id_field(mo->id_aa64mmfr2, 4)) {
        m |= PSTATE_UAO;
    }
    if (mo && arm_id_field(mo->id_aa64pfr0, 48)) {
        m |= PSTATE_DIT;
    }
    if (mo && arm_id_field(mo->id_aa64pfr1, 4)) {
        m |= PSTATE_SSBS;
    }
    /* PSTATE.SS stays 0: software step is not implemented */
    return m;
}

/* AArch64.BranchAddr() of the return address in the new regime (TBI). */
static uint64_t arm_return_addr(CPUARMState *env, uint64_t pc)
{
    unsigned el = arm_current_el(env);
    bool tbi;

    if (el <= 1) {
        tbi = env->cp.tcr_el[1] & (UINT64_C(1) << (pc >> 55 & 1 ? 38 : 37));
        return tbi ? (uint64_t)sextract64(pc, 0, 56) : pc;
    }
    tbi = env->cp.tcr_el[el] & (UINT64_C(1) << 20);
    return tbi ? extract64(pc, 0, 56) : pc;
}

void arm_exception_return(CPUARMState *env, uint64_t new_pc)
{
    unsigned el = arm_current_el(env);
    bool spx = env->pstate & PSTATE_SP;
    uint32_t spsr = (uint32_t)env->cp.spsr_el[el];
    bool illegal = arm_illegal_return(env, spsr, el);

    spsr &= arm_spsr_restorable(env);
    if (illegal) {
        /* D1.11.4: EL and SP unchanged, PSTATE.IL set, the rest from SPSR */
        spsr &= ~(PSTATE_EL_MASK | PSTATE_SP);
        spsr |= el << PSTATE_EL_SHIFT | (spx ? PSTATE_SP : 0) | PSTATE_IL;
    }
    arm_pstate_write(env, spsr);
    arm_swap_sp(env, el, spx);
    env->exclusive_addr = UINT64_MAX;   /* ClearExclusiveLocal() */
    env->event_register = true;         /* SendEventLocal() */
    env->pc = arm_return_addr(env, new_pc);
    log_mask(LOG_INT, "%s: Exception return from EL%u to EL%u%s: pc 0x%"
             PRIx64 " SPSR 0x%08x\n",
             arm_env_cs(env)->log_name ? arm_env_cs(env)->log_name : "cpu",
             el, arm_current_el(env), illegal ? " (illegal)" : "", env->pc,
             (uint32_t)env->cp.spsr_el[el]);
}
