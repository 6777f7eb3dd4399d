/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ESR_ELx syndromes: exception classes and the ISS encodings hemu
 * produces, as small constructors.  Layout: EC [31:26], IL [25] (1: a
 * 32-bit instruction), ISS [24:0].  Spec: Arm ARM DDI 0487, D17.2.37
 * "ESR_EL1" (ISS encodings per EC) and D8 (fault status codes).
 */
#ifndef TARGET_ARM_SYNDROME_H
#define TARGET_ARM_SYNDROME_H

#include "hemu/osdep.h"

enum {
    EC_UNCATEGORIZED = 0x00,
    EC_WFX = 0x01,
    EC_FP_ACCESS = 0x07,
    EC_BTI = 0x0d,
    EC_ILLEGAL_STATE = 0x0e,
    EC_SVC = 0x15,
    EC_HVC = 0x16,
    EC_SMC = 0x17,
    EC_SYSREG = 0x18,
    EC_PAC = 0x1c,
    EC_INSN_ABORT_LOWER = 0x20,
    EC_INSN_ABORT = 0x21,
    EC_PC_ALIGN = 0x22,
    EC_DATA_ABORT_LOWER = 0x24,
    EC_DATA_ABORT = 0x25,
    EC_SP_ALIGN = 0x26,
    EC_FP_EXC = 0x2c,
    EC_SERROR = 0x2f,
    EC_BREAKPOINT_LOWER = 0x30,
    EC_BREAKPOINT = 0x31,
    EC_SOFTSTEP_LOWER = 0x32,
    EC_SOFTSTEP = 0x33,
    EC_WATCHPOINT_LOWER = 0x34,
    EC_WATCHPOINT = 0x35,
    EC_BRK = 0x3c,
};

#define ARM_EL_EC_SHIFT 26
#define ARM_EL_IL (1u << 25)

/* Fault status codes (DFSC/IFSC, ISS[5:0]); @lvl is the lookup level. */
#define ARM_FSC_ADDR_SIZE(lvl)   (0x00u | ((lvl) & 3))
#define ARM_FSC_TRANSLATION(lvl) (0x04u | ((lvl) & 3))
#define ARM_FSC_ACCESS_FLAG(lvl) (0x08u | ((lvl) & 3))
#define ARM_FSC_PERMISSION(lvl)  (0x0cu | ((lvl) & 3))
#define ARM_FSC_SEA              0x10u      /* external, not on a walk */
#define ARM_FSC_SEA_WALK(lvl)    (0x14u | ((lvl) & 3))
#define ARM_FSC_ALIGNMENT        0x21u
#define ARM_FSC_TLB_CONFLICT     0x30u

static inline uint32_t syn_ec(uint32_t syn)
{
    return syn >> ARM_EL_EC_SHIFT;
}

static inline uint32_t syn_make(unsigned ec, uint32_t iss)
{
    return (uint32_t)ec << ARM_EL_EC_SHIFT | ARM_EL_IL | (iss & 0x1ffffff);
}

static inline uint32_t syn_uncategorized(void)
{
    return syn_make(EC_UNCATEGORIZED, 0);
}

static inline uint32_t syn_svc(uint32_t imm16)
{
    return syn_make(EC_SVC, imm16 & 0xffff);
}

static inline uint32_t syn_hvc(uint32_t imm16)
{
    return syn_make(EC_HVC, imm16 & 0xffff);
}

static inline uint32_t syn_smc(uint32_t imm16)
{
    return syn_make(EC_SMC, imm16 & 0xffff);
}

static inline uint32_t syn_brk(uint32_t imm16)
{
    return syn_make(EC_BRK, imm16 & 0xffff);
}

/* WFI (ti 0) / WFE (ti 1) trapped: CV = 1, COND = 0b1110 from AArch64. */
static inline uint32_t syn_wfx(unsigned ti)
{
    return syn_make(EC_WFX, 1u << 24 | 0xeu << 20 | (ti & 3));
}

/* FP/SIMD access trapped by CPACR/CPTR: CV = 1, COND = 0b1110. */
static inline uint32_t syn_fp_access(void)
{
    return syn_make(EC_FP_ACCESS, 1u << 24 | 0xeu << 20);
}

/* MSR, MRS or system instruction trapped; @is_read: MRS/SYSL. */
static inline uint32_t syn_sysreg(unsigned op0, unsigned op1, unsigned crn,
                                  unsigned crm, unsigned op2, unsigned rt,
                                  bool is_read)
{
    return syn_make(EC_SYSREG, (op0 & 3) << 20 | (op2 & 7) << 17 |
                    (op1 & 7) << 14 | (crn & 15) << 10 | (rt & 31) << 5 |
                    (crm & 15) << 1 | (is_read ? 1 : 0));
}

/* Instruction abort; @same_el picks EC 0x21 over 0x20. */
static inline uint32_t syn_insn_abort(bool same_el, bool s1ptw, uint32_t fsc)
{
    return syn_make(same_el ? EC_INSN_ABORT : EC_INSN_ABORT_LOWER,
                    (s1ptw ? 1u << 7 : 0) | (fsc & 0x3f));
}

/*
 * Data abort without instruction syndrome (ISV = 0); @wnr: a write,
 * @cm: a cache maintenance instruction.
 */
static inline uint32_t syn_data_abort(bool same_el, bool s1ptw, bool cm,
                                      bool wnr, uint32_t fsc)
{
    return syn_make(same_el ? EC_DATA_ABORT : EC_DATA_ABORT_LOWER,
                    (cm ? 1u << 8 : 0) | (s1ptw ? 1u << 7 : 0) |
                    (wnr ? 1u << 6 : 0) | (fsc & 0x3f));
}

static inline uint32_t syn_pc_align(void)
{
    return syn_make(EC_PC_ALIGN, 0);
}

static inline uint32_t syn_sp_align(void)
{
    return syn_make(EC_SP_ALIGN, 0);
}

static inline uint32_t syn_illegal_state(void)
{
    return syn_make(EC_ILLEGAL_STATE, 0);
}

static inline uint32_t syn_bti(unsigned btype)
{
    return syn_make(EC_BTI, btype & 3);
}

#endif
