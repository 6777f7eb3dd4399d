/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The system register table (sysreg.c) as the translator and the
 * run-time helpers see it: one ARMSysReg row per register or system
 * instruction, keyed by ARM_SYSREG_KEY(op0, op1, CRn, CRm, op2).
 *
 * A row says who may access it (the lowest EL that may read and the
 * lowest that may write: checked at translation time, EL being part of
 * the TB key), which traps apply (flags, checked at run time by
 * arm_sysreg_check()), where its state lives (a uint64_t of CPUARMState
 * or of the model) or which functions read and write it, its reset
 * value and the feature it needs.  Rows are const and process-wide.
 * Spec: Arm ARM DDI 0487, D17 (register descriptions, access
 * pseudocode), C5.3 (system instructions).
 */
#ifndef TARGET_ARM_SYSREG_H
#define TARGET_ARM_SYSREG_H

#include "internals.h"

/* rd_el/wr_el value: no EL may do this access (UNDEFINED). */
#define ARM_SR_NEVER 4

/* ARMSysReg.flags */
enum {
    ARM_SRF_MODEL = 1u << 0,    /* offset is into ARMCPUModel (RO) */
    ARM_SRF_ENDTB = 1u << 1,    /* a write changes TB-key state: the block
                                   ends after it */
    ARM_SRF_EL2 = 1u << 2,      /* exists only when EL2 is implemented */
    ARM_SRF_TVM = 1u << 3,      /* EL1 writes trap on HCR_EL2.TVM, reads
                                   on HCR_EL2.TRVM */
    ARM_SRF_TID1 = 1u << 4,     /* EL1 reads trap on HCR_EL2.TID1 */
    ARM_SRF_TID2 = 1u << 5,     /* EL0/EL1 accesses trap on HCR_EL2.TID2 */
    ARM_SRF_TID3 = 1u << 6,     /* EL1 reads trap on HCR_EL2.TID3 */
    ARM_SRF_TACR = 1u << 7,     /* EL1 accesses trap on HCR_EL2.TACR */
    ARM_SRF_FP = 1u << 8,       /* FP/SIMD access rules (CPACR, CPTR) */
    ARM_SRF_PMU = 1u << 9,      /* PMUSERENR_EL0.EN at EL0, MDCR_ELx.TPM */
    ARM_SRF_TTLB = 1u << 10,    /* EL1 TLBI: HCR_EL2.TTLB */
    ARM_SRF_TPU = 1u << 11,     /* IC/DC to PoU: HCR_EL2.TPU */
    ARM_SRF_TPC = 1u << 12,     /* DC to PoC: HCR_EL2.TPCP */
    ARM_SRF_TSW = 1u << 13,     /* DC by set/way: HCR_EL2.TSW */
    ARM_SRF_EL3 = 1u << 14,     /* exists only when EL3 is implemented */
};

/* Outcome of the run-time access checks. */
typedef enum ARMSysRegCheck {
    ARM_SR_OK = 0,
    ARM_SR_UNDEF,               /* UNDEFINED, EC 0 */
    ARM_SR_TRAP_EL1,            /* EC 0x18 to EL1 (EL2 with HCR.TGE at
                                   EL0) */
    ARM_SR_TRAP_EL2,            /* EC 0x18 to EL2 */
    ARM_SR_TRAP_EL3,            /* EC 0x18 to EL3 */
    ARM_SR_FP_EL1,              /* EC 0x07 (FP access) to EL1/EL2/EL3 */
    ARM_SR_FP_EL2,
    ARM_SR_FP_EL3,
} ARMSysRegCheck;

typedef ARMSysRegCheck ARMSysRegAccessFn(CPUARMState *env,
                                         const ARMSysReg *r, bool is_read);
typedef uint64_t ARMSysRegReadFn(CPUARMState *env, const ARMSysReg *r);
/* @ra: the helper's return address, for a fault raised by the write. */
typedef void ARMSysRegWriteFn(CPUARMState *env, const ARMSysReg *r,
                              uint64_t value, uintptr_t ra);

struct ARMSysReg {
    uint32_t key;               /* ARM_SYSREG_KEY() */
    const char *name;           /* the Arm name, "SCTLR_EL1", "DC ZVA" */
    uint8_t rd_el, wr_el;       /* lowest EL that may read / write;
                                   ARM_SR_NEVER: none */
    uint16_t flags;             /* ARM_SRF_* */
    uint32_t feature;           /* ARM_FEAT_* needed; 0: always */
    int32_t offset;             /* of a uint64_t in CPUARMState (or in
                                   ARMCPUModel with ARM_SRF_MODEL);
                                   -1: none (RAZ/WI without functions) */
    uint64_t reset;             /* reset value of the state at offset */
    ARMSysRegAccessFn *access;  /* extra run-time checks; NULL: none */
    ARMSysRegReadFn *read;      /* NULL: the word at offset */
    ARMSysRegWriteFn *write;    /* NULL: the word at offset */
};

/*
 * The run-time checks of an access from the current EL (traps by HCR,
 * CPACR/CPTR, PMUSERENR, the row's access function).  The EL checks of
 * rd_el/wr_el are done by the translator and not repeated.
 */
ARMSysRegCheck arm_sysreg_check(CPUARMState *env, const ARMSysReg *r,
                                bool is_read);
/* Does this access need the run-time helper at @el (else: ld/st env)? */
bool arm_sysreg_needs_helper(const ARMSysReg *r, unsigned el, bool is_read);
/* Perform the access (no checks). */
uint64_t arm_sysreg_read(CPUARMState *env, const ARMSysReg *r);
void arm_sysreg_write(CPUARMState *env, const ARMSysReg *r, uint64_t value,
                      uintptr_t ra);

/* EL2Enabled(): EL2 implemented and (no EL3 or SCR_EL3.NS). */
bool arm_el2_enabled(CPUARMState *env);
/* Secure state below EL3 (no EL3: Non-secure, as on the virt machine). */
bool arm_secure_below_el3(CPUARMState *env);

/* The rows of the other tables, which arm_sysreg_lookup() also searches:
   the system instructions (sysreg-insn.c), the generic timer registers
   (sysreg-timer.c). */
extern const ARMSysReg arm_sysinsn_table[];
extern const size_t arm_sysinsn_count;
extern const ARMSysReg arm_timer_sysreg_table[];
extern const size_t arm_timer_sysreg_count;
/* The GICv3 CPU interface registers ICC_* (sysreg-gic.c). */
extern const ARMSysReg arm_gic_sysreg_table[];
extern const size_t arm_gic_sysreg_count;

#endif
