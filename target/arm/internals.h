/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The interfaces between the parts of the AArch64 frontend.  Each block
 * names the file that implements it.  Private to target/arm/.
 *
 * Who owns what:
 *   cpu.c          QOM type, reset, the TargetArch table, PSTATE helpers
 *   cpu-models.c   the model table (ID registers, features)
 *   translate.c    the block loop, DisasContext helpers (translate.h)
 *   translate-dp.c data processing (immediate and register)
 *   translate-ldst.c loads and stores, exclusives, atomics
 *   translate-branch.c branches, exception generation, hints, barriers,
 *                  PSTATE MSR (immediate), calls into translate-sysreg.c
 *   translate-sysreg.c MRS/MSR (register), SYS/SYSL via the sysreg table
 *   sysreg.c       the system register table and its accessors
 *   excp.c         exception entry and return, interrupts, has_work
 *   mmu.c          VMSAv8-64 translation, tlb_fill, AT
 *   psci.c, semihosting.c   firmware services in the emulator
 *   hw/gtimer.c    the generic timers of one vCPU
 * Spec: Arm ARM DDI 0487.
 */
#ifndef TARGET_ARM_INTERNALS_H
#define TARGET_ARM_INTERNALS_H

#include "cpu.h"
#include "syndrome.h"

/* ---------------------------------------------------------------------
 * cpu.c
 */

/* The MMU index for data accesses in the current state (EL, PAN). */
ARMMMUIdx arm_mmu_idx(CPUARMState *env);
/* The MMU index of the unprivileged accesses (LDTR/STTR) now. */
ARMMMUIdx arm_mmu_idx_unpriv(CPUARMState *env);
/* The translation regime's EL (1, 2 or 3) of an MMU index. */
unsigned arm_mmu_idx_regime_el(ARMMMUIdx idx);
/* TLB flush masks: every index of the EL1&0, EL2, EL3 regimes. */
#define ARM_MMU_MASK_E10 ((1u << ARM_MMU_E10_0) | (1u << ARM_MMU_E10_1) | \
                          (1u << ARM_MMU_E10_1_PAN))
#define ARM_MMU_MASK_E2 (1u << ARM_MMU_E2)
#define ARM_MMU_MASK_E3 (1u << ARM_MMU_E3)

/* Is EL2 / EL3 implemented on this vCPU (model and has-el2/has-el3)? */
bool arm_have_el2(const CPUARMState *env);
bool arm_have_el3(const CPUARMState *env);

/*
 * Request a guest power-off of the whole machine with @exit_code
 * (semihosting EXIT, PSCI SYSTEM_OFF) or a reset (PSCI SYSTEM_RESET);
 * any thread.  The vCPU then stops at its next TB boundary.
 */
void arm_request_shutdown(ARMCPU *cpu, int exit_code);
void arm_request_reset(ARMCPU *cpu);

/* ---------------------------------------------------------------------
 * excp.c: exceptions.  Synchronous exceptions are raised from helpers
 * with the syndrome; the TB is left and do_exception delivers it.
 */

/*
 * Raise exception @excp (EXCP_*) with ESR @syndrome to @target_el,
 * restoring the pc from the helper return address @retaddr (GETPC(),
 * or 0 when env->pc is already the faulting instruction).
 */
HEMU_NORETURN void arm_raise_exception(CPUARMState *env, int excp,
                                       uint32_t syndrome, unsigned target_el,
                                       uintptr_t retaddr);
/*
 * The EL a synchronous exception from the current EL goes to:
 * max(1, EL), or EL2 when HCR_EL2.TGE routes EL0 exceptions there.
 */
unsigned arm_exception_target_el(CPUARMState *env);
/* TargetArch hooks. */
void arm_cpu_do_exception(CPUState *cs);
bool arm_cpu_exec_interrupt(CPUState *cs, uint32_t interrupt_request);
bool arm_cpu_has_work(CPUState *cs);
/* ERET: return from the current EL using ELR/SPSR (illegal returns as
   the Arm ARM says: PSTATE.IL set). */
void arm_exception_return(CPUARMState *env, uint64_t new_pc);

/* ---------------------------------------------------------------------
 * mmu.c: VMSAv8-64 (D8).
 */

/* The result of a translation. */
typedef struct ARMTranslation {
    hwaddr pa;
    int prot;                   /* PAGE_READ | PAGE_WRITE | PAGE_EXEC */
    unsigned page_bits;         /* size of the mapping (block or page) */
    MemTxAttrs attrs;
} ARMTranslation;

/* Why a translation failed: fault status code (DFSC/IFSC) and level. */
typedef struct ARMFault {
    uint32_t fsc;               /* ISS[5:0]: 0b0001LL translation, ... */
    bool stage2;                /* the fault was in stage 2 */
    bool s1ptw;                 /* on a stage-1 table walk */
    uint64_t ipa;               /* faulting IPA for stage-2 faults */
} ARMFault;

/*
 * Translate @va for @access in @idx without touching the TLB.  Returns
 * false and fills @fault on a fault.  Used by tlb_fill and AT.
 */
bool arm_translate(CPUARMState *env, uint64_t va, MMUAccessType access,
                   ARMMMUIdx idx, ARMTranslation *res, ARMFault *fault);
/* gdbstub.c: the GDB view of the registers (TargetArch.gdb_*). */
extern const char arm_gdb_core_xml[];
int arm_gdb_read_register(CPUState *cs, GByteArray *buf, int reg);
int arm_gdb_write_register(CPUState *cs, const uint8_t *buf, int reg);

/* TargetArch.debug_translate: @va for a debugger, no fault raised. */
bool arm_cpu_debug_translate(CPUState *cs, vaddr va, hwaddr *pa);
/* TargetArch.tlb_fill */
bool arm_cpu_tlb_fill(CPUState *cs, vaddr addr, unsigned size,
                      MMUAccessType access, unsigned mmu_idx, bool probe,
                      uintptr_t retaddr);
/* TargetArch.do_unaligned_access: alignment fault (data abort). */
HEMU_NORETURN void arm_cpu_do_unaligned_access(CPUState *cs, vaddr addr,
                                               MMUAccessType access,
                                               unsigned mmu_idx,
                                               uintptr_t retaddr);
/* TargetArch.do_transaction_failed: synchronous external abort. */
void arm_cpu_do_transaction_failed(CPUState *cs, hwaddr paddr, vaddr addr,
                                   MMUAccessType access, uintptr_t retaddr);

/* ---------------------------------------------------------------------
 * sysreg.c: the system register table (D17).
 */

/* A system register's encoding as one key: op0:op1:CRn:CRm:op2. */
#define ARM_SYSREG_KEY(op0, op1, crn, crm, op2) \
    ((uint32_t)(op0) << 14 | (uint32_t)(op1) << 11 | (uint32_t)(crn) << 7 | \
     (uint32_t)(crm) << 3 | (uint32_t)(op2))

typedef struct ARMSysReg ARMSysReg;
/* The register at @key for this vCPU's model, or NULL (UNDEFINED). */
const ARMSysReg *arm_sysreg_lookup(CPUARMState *env, uint32_t key);
/* Its name ("SCTLR_EL1") for logs and -d unimp. */
const char *arm_sysreg_name(const ARMSysReg *r);
/* Reset every register to its architectural reset value. */
void arm_sysreg_reset(CPUARMState *env);

/* ---------------------------------------------------------------------
 * psci.c, semihosting.c
 */

/* Is this HVC/SMC immediate+X0 a PSCI call we serve?  Perform it. */
bool arm_psci_call(ARMCPU *cpu);
/* HLT #0xF000 with semihosting on: perform the call in X0/X1. */
void arm_semihosting_call(ARMCPU *cpu);
/* Create the per-vCPU state of the two services (CPU realize). */
bool arm_psci_realize(ARMCPU *cpu, Error **errp);
bool arm_semihosting_realize(ARMCPU *cpu, Error **errp);

/*
 * The interrupt_request bit a CPU_ON sets on its target: the target's
 * arm_cpu_exec_interrupt then calls arm_psci_apply_on (clearing the
 * bit), and arm_cpu_has_work returns true while arm_psci_pending_on().
 * Bit 4 is ARM_CPU_INTERRUPT_VIRT_HCR (excp.c).
 */
#define ARM_CPU_INTERRUPT_PSCI (1u << (ARM_CPU_NB_IRQ_LINES + 1))
/* Is a CPU_ON waiting for @cpu's thread?  Any thread. */
bool arm_psci_pending_on(ARMCPU *cpu);
/* From @cpu's own thread, outside translated code: power on as the
   pending CPU_ON asked (no-op when none is pending). */
void arm_psci_apply_on(ARMCPU *cpu);
/* Forget a pending CPU_ON (machine reset). */
void arm_psci_reset(ARMCPU *cpu);

/* ---------------------------------------------------------------------
 * hw/gtimer.c: the generic timers of one vCPU (D11).  The outputs are
 * the CPU's qdev GPIO outputs "gtimer" 0..3 (GTIMER_*), level-sensitive.
 */

/* Create the timers of @cpu at realize (needs the machine's clock). */
bool arm_gt_realize(ARMCPU *cpu, Error **errp);
void arm_gt_reset(ARMCPU *cpu);
/* The physical count CNTPCT_EL0 now. */
uint64_t arm_gt_count(ARMCPU *cpu);
/* After a write to timer @t's CVAL/TVAL/CTL or CNTVOFF: recompute
   ISTATUS, the output level and the next expiry. */
void arm_gt_update(ARMCPU *cpu, int t);

#endif
