/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The helpers of helper-excp.c that translate-branch.c calls from
 * generated code (exception generation, ERET, WFI/WFE/YIELD/SEV, PSTATE
 * writes that need a run-time check), and excp.c's hook for the virtual
 * interrupt bits of HCR_EL2.  Private to target/arm/.
 *
 * Every helper takes env first; the comment on each TCGHelperInfo gives
 * the remaining arguments.  Helpers that raise restore the pc from their
 * return address, so the translator need not sync it first.
 * Spec: Arm ARM DDI 0487, C6 (instruction pseudocode), D1.10-D1.12.
 */
#ifndef TARGET_ARM_HELPER_EXCP_H
#define TARGET_ARM_HELPER_EXCP_H

#include "sysreg.h"        /* arm_el2_enabled() */

/*
 * (i32 excp, i32 syndrome, i32 target_el, i32 done): raise @excp.  A
 * target_el of 0 means the default routing for the current EL (debug
 * routing for EXCP_BKPT).  @done: the instruction completed and the
 * preferred return address is the next one (SVC); else it is this one.
 */
extern const TCGHelperInfo arm_helper_raise;
/* (i32 imm16): HVC, or a PSCI call when the conduit is HVC. */
extern const TCGHelperInfo arm_helper_hvc;
/* (i32 imm16): SMC, or a PSCI call when the conduit is SMC. */
extern const TCGHelperInfo arm_helper_smc;
/* (): HLT #0xF000 as a semihosting call. */
extern const TCGHelperInfo arm_helper_semihost;
/* (): ERET: sets pc, PSTATE and SP from ELR/SPSR of the current EL. */
extern const TCGHelperInfo arm_helper_eret;
/* (): WFI: trap checks, then sleep until an interrupt. */
extern const TCGHelperInfo arm_helper_wfi;
/* (): WFE: trap checks, then consume the event or yield the host CPU. */
extern const TCGHelperInfo arm_helper_wfe;
/* (): YIELD: let the other vCPUs of a single-threaded run go first. */
extern const TCGHelperInfo arm_helper_yield;
/* (): SEV: set the event register of every vCPU of the cluster. */
extern const TCGHelperInfo arm_helper_sev;
/* (i32 op2, i32 crm): MSR DAIFSet/DAIFClr at EL0: trap unless UMA. */
extern const TCGHelperInfo arm_helper_daif_el0;
/* (i32 imm): MSR SPSel, #imm: select SP_EL0 or SP_ELx. */
extern const TCGHelperInfo arm_helper_spsel;

/* System register bits the exception model reads (Arm ARM D17.2). */
#define ARM_HCR_FMO     (UINT64_C(1) << 3)
#define ARM_HCR_IMO     (UINT64_C(1) << 4)
#define ARM_HCR_AMO     (UINT64_C(1) << 5)
#define ARM_HCR_VF      (UINT64_C(1) << 6)
#define ARM_HCR_VI      (UINT64_C(1) << 7)
#define ARM_HCR_VSE     (UINT64_C(1) << 8)
#define ARM_HCR_TWI     (UINT64_C(1) << 13)
#define ARM_HCR_TWE     (UINT64_C(1) << 14)
#define ARM_HCR_TSC     (UINT64_C(1) << 19)
#define ARM_HCR_TGE     (UINT64_C(1) << 27)
#define ARM_HCR_HCD     (UINT64_C(1) << 29)
#define ARM_HCR_E2H     (UINT64_C(1) << 34)
#define ARM_SCR_NS      (UINT64_C(1) << 0)
#define ARM_SCR_IRQ     (UINT64_C(1) << 1)
#define ARM_SCR_FIQ     (UINT64_C(1) << 2)
#define ARM_SCR_SMD     (UINT64_C(1) << 7)
#define ARM_SCR_HCE     (UINT64_C(1) << 8)
#define ARM_SCR_TWI     (UINT64_C(1) << 12)
#define ARM_SCR_TWE     (UINT64_C(1) << 13)
#define ARM_SCR_EEL2    (UINT64_C(1) << 18)
#define ARM_SCTLR_UMA   (UINT64_C(1) << 9)
#define ARM_SCTLR_NTWI  (UINT64_C(1) << 16)
#define ARM_SCTLR_NTWE  (UINT64_C(1) << 18)
#define ARM_SCTLR_SPAN  (UINT64_C(1) << 23)
#define ARM_SCTLR_DSSBS (UINT64_C(1) << 44)
#define ARM_MDCR_TDE    (UINT64_C(1) << 8)

/* ELIsInHost(EL0): HCR_EL2.{E2H,TGE} = {1,1} with EL2 enabled. */
bool arm_in_host(CPUARMState *env);
/* The SCTLR_ELx that controls the current EL (EL0: EL1's or, in host, EL2's). */
uint64_t arm_sctlr_current(CPUARMState *env);
/*
 * The EL a debug exception (BRK) from the current EL goes to: as
 * arm_exception_target_el, plus MDCR_EL2.TDE routing to EL2.
 */
unsigned arm_debug_target_el(CPUARMState *env);

/*
 * CPU interrupt_request bit standing for "HCR_EL2 asks for a virtual
 * IRQ/FIQ/SError" (beyond the four input lines of ARM_CPU_*).
 */
#define ARM_CPU_INTERRUPT_VIRT_HCR (1u << ARM_CPU_NB_IRQ_LINES)

/*
 * After a write to HCR_EL2 (VI, VF, VSE, IMO, FMO, AMO, TGE): make the
 * execution loop look at the virtual interrupts again.  Call from the
 * vCPU's own thread.
 */
void arm_cpu_update_virq(ARMCPU *cpu);

#endif
