/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The AArch64 system registers (op0 = 2, 3): one declarative table of
 * ARMSysReg rows (sysreg.h), the lookup by encoding, the run-time access
 * checks and the reset.  The system instructions (op0 = 1: DC, IC, AT,
 * TLBI) have their own rows in sysreg-insn.c; the lookup searches both.
 *
 * Invariants: a register absent from the model (feature predicate, EL2
 * or EL3 not implemented) is not found, so its access is UNDEFINED;
 * every unallocated encoding of the ID space (op0 3, op1 0, CRn 0, CRm
 * 1..7) reads as zero, as the architecture requires; registers that only
 * exist as state for software (debug, PMU, AArch32 ID) are RAZ/WI or
 * plain storage and say so in their comment.  Secure and Non-secure
 * copies are not banked: one copy serves both states.
 *
 * Spec: Arm ARM DDI 0487, D17.2 (general system registers), D17.3
 * (debug), D17.4 (PMU), D17.10 (generic timer); D1.7 (PSTATE).
 */
#include "sysreg.h"
#include "cpu-models.h"
#include "helper-excp.h"
#include "helper-fp.h"
#include "hw/gic-common.h"
#include "exec/cputlb.h"

/* HCR_EL2 bits (D17.2.48) */
#define HCR_VM      (1ull << 0)
#define HCR_IMO     (1ull << 4)
#define HCR_FMO     (1ull << 3)
#define HCR_TID1    (1ull << 16)
#define HCR_TID2    (1ull << 17)
#define HCR_TID3    (1ull << 18)
#define HCR_TACR    (1ull << 21)
#define HCR_TSW     (1ull << 22)
#define HCR_TPCP    (1ull << 23)
#define HCR_TPU     (1ull << 24)
#define HCR_TTLB    (1ull << 25)
#define HCR_TVM     (1ull << 26)
#define HCR_TRVM    (1ull << 30)
#define HCR_RW      (1ull << 31)

#define SCR_NS      (1ull << 0)
#define SCR_ST      (1ull << 11)

#define K(op0, op1, crn, crm, op2) ARM_SYSREG_KEY(op0, op1, crn, crm, op2)
#define ENV(f) ((int32_t)offsetof(CPUARMState, f))
#define MODEL(f) ((int32_t)offsetof(ARMCPUModel, f))
#define NEVER ARM_SR_NEVER

/* One row: name, key, lowest read EL, lowest write EL, flags, offset. */
#define REG(nm, k, rd, wr, fl, off, ...) \
    { .key = (k), .name = (nm), .rd_el = (rd), .wr_el = (wr), \
      .flags = (fl), .offset = (off), __VA_ARGS__ }

bool arm_el2_enabled(CPUARMState *env)
{
    return arm_have_el2(env) &&
           (!arm_have_el3(env) || (env->cp.scr_el3 & SCR_NS));
}

bool arm_secure_below_el3(CPUARMState *env)
{
    return arm_have_el3(env) && !(env->cp.scr_el3 & SCR_NS);
}

/* The translation regime (1..3) a register of @key belongs to: op1. */
static unsigned key_regime_el(uint32_t key)
{
    unsigned op1 = (key >> 11) & 7;

    return op1 == 6 ? 3 : op1 == 4 ? 2 : 1;
}

static uint32_t regime_mask(unsigned el)
{
    return el == 3 ? ARM_MMU_MASK_E3 : el == 2 ? ARM_MMU_MASK_E2
                                               : ARM_MMU_MASK_E10;
}

static uint64_t *env_word(CPUARMState *env, int32_t offset)
{
    return (uint64_t *)((char *)env + offset);
}

/* --- write functions with side effects --------------------------------- */

/*
 * SCTLR, TCR, TTBRn: the regime's translation changes.  ASIDs are not
 * tagged in the softmmu TLB, so any change (including an ASID switch in
 * TTBRn) flushes every MMU index of the regime on this vCPU.
 */
static void write_flush_regime(CPUARMState *env, const ARMSysReg *r,
                               uint64_t v, uintptr_t ra)
{
    uint64_t *p = env_word(env, r->offset);

    if (*p != v) {
        *p = v;
        tlb_flush_by_mmuidx(arm_env_cs(env), regime_mask(key_regime_el(r->key)));
    }
}

/* VTTBR, VTCR: stage 2 of the EL1&0 regime. */
static void write_flush_e10(CPUARMState *env, const ARMSysReg *r,
                            uint64_t v, uintptr_t ra)
{
    uint64_t *p = env_word(env, r->offset);

    if (*p != v) {
        *p = v;
        tlb_flush_by_mmuidx(arm_env_cs(env), ARM_MMU_MASK_E10);
    }
}

/* HCR_EL2: RW is RAO/WI (EL1 is AArch64 only); VM etc. change stage 2. */
static void write_hcr(CPUARMState *env, const ARMSysReg *r, uint64_t v,
                      uintptr_t ra)
{
    write_flush_e10(env, r, v | HCR_RW, ra);
    /* HCR_EL2.VI/VF/VSE raise or drop virtual interrupts */
    arm_cpu_update_virq(arm_env_cpu(env));
}

/*
 * SCR_EL3: bits 5:4 RES1, RW (10) RAO/WI (lower ELs AArch64 only), only
 * the ARMv8.0 fields 13:0 exist.  NS changes which regimes are live.
 */
static void write_scr(CPUARMState *env, const ARMSysReg *r, uint64_t v,
                      uintptr_t ra)
{
    env->cp.scr_el3 = (v & 0x3fbf) | 0x430;
    tlb_flush(arm_env_cs(env));
}

/* VBAR_ELx: bits 10:0 are RES0. */
static void write_vbar(CPUARMState *env, const ARMSysReg *r, uint64_t v,
                       uintptr_t ra)
{
    *env_word(env, r->offset) = v & ~0x7ffull;
}

/* CSSELR_EL1: Level [3:1] and InD [0]. */
static void write_csselr(CPUARMState *env, const ARMSysReg *r, uint64_t v,
                         uintptr_t ra)
{
    env->cp.csselr_el1 = v & 0xf;
}

/* --- PSTATE as registers (D1.7, C5.2) ---------------------------------- */

static uint64_t read_nzcv(CPUARMState *env, const ARMSysReg *r)
{
    return (env->NF >> 63) << 31 | (uint64_t)(env->ZF == 0) << 30 |
           (env->CF & 1) << 29 | (env->VF >> 63) << 28;
}

static void write_nzcv(CPUARMState *env, const ARMSysReg *r, uint64_t v,
                       uintptr_t ra)
{
    env->NF = ((v >> 31) & 1) << 63;
    env->ZF = !((v >> 30) & 1);
    env->CF = (v >> 29) & 1;
    env->VF = ((v >> 28) & 1) << 63;
}

static uint64_t read_daif(CPUARMState *env, const ARMSysReg *r)
{
    return env->daif & PSTATE_DAIF;
}

static void write_daif(CPUARMState *env, const ARMSysReg *r, uint64_t v,
                       uintptr_t ra)
{
    env->daif = v & PSTATE_DAIF;
}

/* DAIF at EL0: SCTLR_EL1.UMA (bit 9) allows it, else trap to EL1. */
static ARMSysRegCheck access_daif(CPUARMState *env, const ARMSysReg *r,
                                  bool is_read)
{
    if (arm_current_el(env) == 0 && !(env->cp.sctlr_el[1] & (1u << 9))) {
        return ARM_SR_TRAP_EL1;
    }
    return ARM_SR_OK;
}

static uint64_t read_currentel(CPUARMState *env, const ARMSysReg *r)
{
    return (uint64_t)arm_current_el(env) << 2;
}

static uint64_t read_spsel(CPUARMState *env, const ARMSysReg *r)
{
    return env->pstate & PSTATE_SP;
}

static void write_spsel(CPUARMState *env, const ARMSysReg *r, uint64_t v,
                        uintptr_t ra)
{
    bool old_sp = env->pstate & PSTATE_SP;

    env->pstate = (env->pstate & ~PSTATE_SP) | (v & PSTATE_SP);
    arm_swap_sp(env, arm_current_el(env), old_sp);
}

static uint64_t read_pan(CPUARMState *env, const ARMSysReg *r)
{
    return env->pstate & PSTATE_PAN;
}

static void write_pan(CPUARMState *env, const ARMSysReg *r, uint64_t v,
                      uintptr_t ra)
{
    env->pstate = (env->pstate & ~PSTATE_PAN) | (v & PSTATE_PAN);
}

/* SP_EL0 from EL1 and above: UNDEFINED while SP_EL0 is the current SP. */
static ARMSysRegCheck access_sp_el0(CPUARMState *env, const ARMSysReg *r,
                                    bool is_read)
{
    return env->pstate & PSTATE_SP ? ARM_SR_OK : ARM_SR_UNDEF;
}

/* FPCR: AHP, DN, FZ, RMode, Stride, Len (+ FZ16); no trapped FP
   exceptions, so the trap enables are RAZ/WI.  FPSR: NZCV, QC, flags. */
static void write_fpcr(CPUARMState *env, const ARMSysReg *r, uint64_t v,
                       uintptr_t ra)
{
    uint64_t mask = 0x07f70000 |
                    (arm_feature(env, ARM_FEAT_FP16) ? 1u << 19 : 0);

    env->cp.fpcr = v & mask;
    arm_fpcr_changed(env);          /* the FloatStatus modes (helper-fp.c) */
}

static void write_fpsr(CPUARMState *env, const ARMSysReg *r, uint64_t v,
                       uintptr_t ra)
{
    arm_fpsr_write(env, v & 0xf800009full);
}

/* FPSR: the cumulative flags live in the FloatStatus objects. */
static uint64_t read_fpsr(CPUARMState *env, const ARMSysReg *r)
{
    return arm_fpsr_read(env);
}

/* --- identification ----------------------------------------------------- */

/* MIDR/MPIDR at EL1 with EL2 enabled read VPIDR_EL2/VMPIDR_EL2. */
static uint64_t read_midr(CPUARMState *env, const ARMSysReg *r)
{
    if (arm_current_el(env) == 1 && arm_el2_enabled(env)) {
        return env->cp.vpidr_el2;
    }
    return env->model->midr;
}

static uint64_t read_mpidr(CPUARMState *env, const ARMSysReg *r)
{
    if (arm_current_el(env) == 1 && arm_el2_enabled(env)) {
        return env->cp.vmpidr_el2;
    }
    return env->cp.mpidr;
}

/* ID_AA64PFR0: EL2/EL3 fields as this vCPU has them (has-el2/-el3). */
static uint64_t read_pfr0(CPUARMState *env, const ARMSysReg *r)
{
    uint64_t v = env->model->id_aa64pfr0;

    if (!arm_have_el2(env)) {
        v &= ~(0xfull << ID_AA64PFR0_EL2_SHIFT);
    }
    if (!arm_have_el3(env)) {
        v &= ~(0xfull << ID_AA64PFR0_EL3_SHIFT);
    }
    /* GIC (27:24) = 1: the ICC_* system registers exist (a GICv3 serves
       this vCPU: hw/gicv3-cpuif.c) */
    v &= ~(0xfull << 24);
    if (arm_gicv3_has_cpuif(env)) {
        v |= 1ull << 24;
    }
    return v;
}

static uint64_t read_ccsidr(CPUARMState *env, const ARMSysReg *r)
{
    return env->model->ccsidr[env->cp.csselr_el1 & 0xf];
}

/* CTR_EL0 at EL0: SCTLR_EL1.UCT (bit 15), else trap to EL1. */
static ARMSysRegCheck access_ctr(CPUARMState *env, const ARMSysReg *r,
                                 bool is_read)
{
    if (arm_current_el(env) == 0 && !(env->cp.sctlr_el[1] & (1u << 15))) {
        return ARM_SR_TRAP_EL1;
    }
    return ARM_SR_OK;
}

/*
 * DCZID_EL0: BS from the model; DZP (bit 4) set when DC ZVA is not
 * permitted now: at EL0 without SCTLR_EL1.DZE, or with HCR_EL2.TDZ.
 */
static uint64_t read_dczid(CPUARMState *env, const ARMSysReg *r)
{
    unsigned el = arm_current_el(env);
    bool dzp = (el == 0 && !(env->cp.sctlr_el[1] & (1u << 14))) ||
               (el <= 1 && arm_el2_enabled(env) &&
                (env->cp.hcr_el2 & (1ull << 28)));

    return (env->model->dczid & 0xf) | (dzp ? 1u << 4 : 0);
}

/* RVBAR_ELx exists only at the highest implemented EL. */
static ARMSysRegCheck access_rvbar(CPUARMState *env, const ARMSysReg *r,
                                   bool is_read)
{
    return key_regime_el(r->key) == arm_highest_el(env) ? ARM_SR_OK
                                                        : ARM_SR_UNDEF;
}

static uint64_t read_rvbar(CPUARMState *env, const ARMSysReg *r)
{
    return arm_env_cpu(env)->rvbar;
}

/* ISR_EL1: pending IRQ (I, bit 7) and FIQ (F, bit 6), virtual at EL1
   when HCR_EL2.IMO/FMO route the physical ones to EL2. */
static uint64_t read_isr(CPUARMState *env, const ARMSysReg *r)
{
    bool virt = arm_current_el(env) == 1 && arm_el2_enabled(env);
    uint64_t hcr = env->cp.hcr_el2, v = 0;
    unsigned irq = virt && (hcr & HCR_IMO) ? ARM_CPU_VIRQ : ARM_CPU_IRQ;
    unsigned fiq = virt && (hcr & HCR_FMO) ? ARM_CPU_VFIQ : ARM_CPU_FIQ;

    if (env->irq_lines & (1u << irq)) {
        v |= PSTATE_I;
    }
    if (env->irq_lines & (1u << fiq)) {
        v |= PSTATE_F;
    }
    return v;
}

/* CPACR_EL1 / CPTR_EL2 accesses: CPTR_EL2.TCPAC, CPTR_EL3.TCPAC (31). */
static ARMSysRegCheck access_cpacr(CPUARMState *env, const ARMSysReg *r,
                                   bool is_read)
{
    unsigned el = arm_current_el(env);

    if (el == 1 && arm_el2_enabled(env) &&
        (env->cp.cptr_el[2] & (1ull << 31))) {
        return ARM_SR_TRAP_EL2;
    }
    if (el < 3 && arm_have_el3(env) && (env->cp.cptr_el[3] & (1ull << 31))) {
        return ARM_SR_TRAP_EL3;
    }
    return ARM_SR_OK;
}

/* --- debug (state only: no breakpoint or watchpoint fires) ------------- */

/* DBGBxRn/DBGWxRn exist for n < the model's BRPs/WRPs + 1. */
static ARMSysRegCheck access_dbg(CPUARMState *env, const ARMSysReg *r,
                                 bool is_read)
{
    unsigned n = (r->key >> 3) & 15, op2 = r->key & 7;
    unsigned shift = op2 >= 6 ? ID_AA64DFR0_WRPS_SHIFT
                              : ID_AA64DFR0_BRPS_SHIFT;

    return n <= arm_id_field(env->model->id_aa64dfr0, shift) ? ARM_SR_OK
                                                             : ARM_SR_UNDEF;
}

/* OSLAR_EL1 writes OSLSR_EL1.OSLK (bit 1) from bit 0. */
static void write_oslar(CPUARMState *env, const ARMSysReg *r, uint64_t v,
                        uintptr_t ra)
{
    env->cp.oslsr_el1 = (env->cp.oslsr_el1 & ~2ull) | ((v & 1) << 1);
}

#define DBG_ROWS(n) \
    REG("DBGBVR" #n "_EL1", K(2, 0, 0, n, 4), 1, 1, 0, ENV(cp.dbgbvr[n]), \
        .access = access_dbg), \
    REG("DBGBCR" #n "_EL1", K(2, 0, 0, n, 5), 1, 1, 0, ENV(cp.dbgbcr[n]), \
        .access = access_dbg), \
    REG("DBGWVR" #n "_EL1", K(2, 0, 0, n, 6), 1, 1, 0, ENV(cp.dbgwvr[n]), \
        .access = access_dbg), \
    REG("DBGWCR" #n "_EL1", K(2, 0, 0, n, 7), 1, 1, 0, ENV(cp.dbgwcr[n]), \
        .access = access_dbg)

/* --- PMU: no event counters (PMCR_EL0.N = 0), everything RAZ/WI ------- */

static uint64_t read_pmcr(CPUARMState *env, const ARMSysReg *r)
{
    /* IMP [31:24] is the MIDR implementer; N [15:11] = 0 counters. */
    return (env->model->midr & 0xff000000u) | env->cp.pmcr_el0;
}

/* PMCR_EL0: E, D, X, DP, LC are stored; P and C (resets) read as 0. */
static void write_pmcr(CPUARMState *env, const ARMSysReg *r, uint64_t v,
                       uintptr_t ra)
{
    env->cp.pmcr_el0 = v & 0x79;
}

static void write_pmuserenr(CPUARMState *env, const ARMSysReg *r,
                            uint64_t v, uintptr_t ra)
{
    env->cp.pmuserenr_el0 = v & 0xf;
}

#define PMU_RAZ(nm, k, rd, wr) REG(nm, k, rd, wr, ARM_SRF_PMU, -1)

#define TVM_FLUSH (ARM_SRF_TVM | ARM_SRF_ENDTB)
#define ID3(nm, crm, op2, f) \
    REG(nm, K(3, 0, 0, crm, op2), 1, NEVER, ARM_SRF_MODEL | ARM_SRF_TID3, \
        MODEL(f))
#define ID3_RAZ(nm, crm, op2) \
    REG(nm, K(3, 0, 0, crm, op2), 1, NEVER, ARM_SRF_TID3, -1)
#define EL2R(nm, k, fl, off, ...) REG(nm, k, 2, 2, (fl) | ARM_SRF_EL2, off, \
                                      __VA_ARGS__)
#define EL3R(nm, k, fl, off, ...) REG(nm, k, 3, 3, (fl) | ARM_SRF_EL3, off, \
                                      __VA_ARGS__)

static const ARMSysReg sysreg_table[] = {
    /* identification (D17.2) */
    REG("MIDR_EL1", K(3, 0, 0, 0, 0), 1, NEVER, 0, -1, .read = read_midr),
    REG("MPIDR_EL1", K(3, 0, 0, 0, 5), 1, NEVER, 0, -1, .read = read_mpidr),
    REG("REVIDR_EL1", K(3, 0, 0, 0, 6), 1, NEVER,
        ARM_SRF_MODEL | ARM_SRF_TID1, MODEL(revidr)),
    /* AArch32 ID registers: AArch32 is not implemented, they read 0 */
    ID3_RAZ("ID_PFR0_EL1", 1, 0), ID3_RAZ("ID_PFR1_EL1", 1, 1),
    ID3_RAZ("ID_DFR0_EL1", 1, 2), ID3_RAZ("ID_AFR0_EL1", 1, 3),
    ID3_RAZ("ID_MMFR0_EL1", 1, 4), ID3_RAZ("ID_MMFR1_EL1", 1, 5),
    ID3_RAZ("ID_MMFR2_EL1", 1, 6), ID3_RAZ("ID_MMFR3_EL1", 1, 7),
    ID3_RAZ("ID_ISAR0_EL1", 2, 0), ID3_RAZ("ID_ISAR1_EL1", 2, 1),
    ID3_RAZ("ID_ISAR2_EL1", 2, 2), ID3_RAZ("ID_ISAR3_EL1", 2, 3),
    ID3_RAZ("ID_ISAR4_EL1", 2, 4), ID3_RAZ("ID_ISAR5_EL1", 2, 5),
    ID3_RAZ("ID_MMFR4_EL1", 2, 6),
    ID3_RAZ("MVFR0_EL1", 3, 0), ID3_RAZ("MVFR1_EL1", 3, 1),
    ID3_RAZ("MVFR2_EL1", 3, 2),
    REG("ID_AA64PFR0_EL1", K(3, 0, 0, 4, 0), 1, NEVER, ARM_SRF_TID3, -1,
        .read = read_pfr0),
    ID3("ID_AA64PFR1_EL1", 4, 1, id_aa64pfr1),
    ID3("ID_AA64ZFR0_EL1", 4, 4, id_aa64zfr0),
    ID3("ID_AA64SMFR0_EL1", 4, 5, id_aa64smfr0),
    ID3("ID_AA64DFR0_EL1", 5, 0, id_aa64dfr0),
    ID3("ID_AA64DFR1_EL1", 5, 1, id_aa64dfr1),
    ID3_RAZ("ID_AA64AFR0_EL1", 5, 4), ID3_RAZ("ID_AA64AFR1_EL1", 5, 5),
    ID3("ID_AA64ISAR0_EL1", 6, 0, id_aa64isar0),
    ID3("ID_AA64ISAR1_EL1", 6, 1, id_aa64isar1),
    ID3("ID_AA64ISAR2_EL1", 6, 2, id_aa64isar2),
    ID3("ID_AA64MMFR0_EL1", 7, 0, id_aa64mmfr0),
    ID3("ID_AA64MMFR1_EL1", 7, 1, id_aa64mmfr1),
    ID3("ID_AA64MMFR2_EL1", 7, 2, id_aa64mmfr2),
    REG("CCSIDR_EL1", K(3, 1, 0, 0, 0), 1, NEVER, ARM_SRF_TID2, -1,
        .read = read_ccsidr),
    REG("CLIDR_EL1", K(3, 1, 0, 0, 1), 1, NEVER,
        ARM_SRF_MODEL | ARM_SRF_TID2, MODEL(clidr)),
    REG("AIDR_EL1", K(3, 1, 0, 0, 7), 1, NEVER,
        ARM_SRF_MODEL | ARM_SRF_TID1, MODEL(aidr)),
    REG("CSSELR_EL1", K(3, 2, 0, 0, 0), 1, 1, ARM_SRF_TID2,
        ENV(cp.csselr_el1), .write = write_csselr),
    REG("CTR_EL0", K(3, 3, 0, 0, 1), 0, NEVER,
        ARM_SRF_MODEL | ARM_SRF_TID2, MODEL(ctr), .access = access_ctr),
    REG("DCZID_EL0", K(3, 3, 0, 0, 7), 0, NEVER, 0, -1, .read = read_dczid),
    EL2R("VPIDR_EL2", K(3, 4, 0, 0, 0), 0, ENV(cp.vpidr_el2)),
    EL2R("VMPIDR_EL2", K(3, 4, 0, 0, 5), 0, ENV(cp.vmpidr_el2)),

    /* EL1 system control and the EL1&0 translation regime */
    REG("SCTLR_EL1", K(3, 0, 1, 0, 0), 1, 1, TVM_FLUSH, ENV(cp.sctlr_el[1]),
        .write = write_flush_regime),
    REG("ACTLR_EL1", K(3, 0, 1, 0, 1), 1, 1, ARM_SRF_TACR,
        ENV(cp.actlr_el[1])),
    REG("CPACR_EL1", K(3, 0, 1, 0, 2), 1, 1, ARM_SRF_ENDTB,
        ENV(cp.cpacr_el1), .access = access_cpacr),
    REG("TTBR0_EL1", K(3, 0, 2, 0, 0), 1, 1, TVM_FLUSH, ENV(cp.ttbr0_el[1]),
        .write = write_flush_regime),
    REG("TTBR1_EL1", K(3, 0, 2, 0, 1), 1, 1, TVM_FLUSH, ENV(cp.ttbr1_el[1]),
        .write = write_flush_regime),
    REG("TCR_EL1", K(3, 0, 2, 0, 2), 1, 1, TVM_FLUSH, ENV(cp.tcr_el[1]),
        .write = write_flush_regime),
    REG("SPSR_EL1", K(3, 0, 4, 0, 0), 1, 1, 0, ENV(cp.spsr_el[1])),
    REG("ELR_EL1", K(3, 0, 4, 0, 1), 1, 1, 0, ENV(cp.elr_el[1])),
    REG("SP_EL0", K(3, 0, 4, 1, 0), 1, 1, 0, ENV(sp_el[0]),
        .access = access_sp_el0),
    REG("SPSel", K(3, 0, 4, 2, 0), 1, 1, 0, -1,
        .read = read_spsel, .write = write_spsel),
    REG("CurrentEL", K(3, 0, 4, 2, 2), 1, NEVER, 0, -1,
        .read = read_currentel),
    REG("PAN", K(3, 0, 4, 2, 3), 1, 1, ARM_SRF_ENDTB, -1,
        .feature = ARM_FEAT_PAN, .read = read_pan, .write = write_pan),
    REG("AFSR0_EL1", K(3, 0, 5, 1, 0), 1, 1, ARM_SRF_TVM,
        ENV(cp.afsr0_el[1])),
    REG("AFSR1_EL1", K(3, 0, 5, 1, 1), 1, 1, ARM_SRF_TVM,
        ENV(cp.afsr1_el[1])),
    REG("ESR_EL1", K(3, 0, 5, 2, 0), 1, 1, ARM_SRF_TVM, ENV(cp.esr_el[1])),
    REG("FAR_EL1", K(3, 0, 6, 0, 0), 1, 1, ARM_SRF_TVM, ENV(cp.far_el[1])),
    REG("PAR_EL1", K(3, 0, 7, 4, 0), 1, 1, 0, ENV(cp.par_el1)),
    REG("MAIR_EL1", K(3, 0, 10, 2, 0), 1, 1, ARM_SRF_TVM,
        ENV(cp.mair_el[1])),
    REG("AMAIR_EL1", K(3, 0, 10, 3, 0), 1, 1, ARM_SRF_TVM,
        ENV(cp.amair_el[1])),
    REG("VBAR_EL1", K(3, 0, 12, 0, 0), 1, 1, 0, ENV(cp.vbar_el[1]),
        .write = write_vbar),
    REG("RVBAR_EL1", K(3, 0, 12, 0, 1), 1, NEVER, 0, -1,
        .access = access_rvbar, .read = read_rvbar),
    REG("ISR_EL1", K(3, 0, 12, 1, 0), 1, NEVER, 0, -1, .read = read_isr),
    REG("CONTEXTIDR_EL1", K(3, 0, 13, 0, 1), 1, 1, ARM_SRF_TVM,
        ENV(cp.contextidr_el1)),
    REG("TPIDR_EL1", K(3, 0, 13, 0, 4), 1, 1, 0, ENV(cp.tpidr_el[1])),

    /* EL0-accessible state */
    REG("NZCV", K(3, 3, 4, 2, 0), 0, 0, 0, -1,
        .read = read_nzcv, .write = write_nzcv),
    REG("DAIF", K(3, 3, 4, 2, 1), 0, 0, ARM_SRF_ENDTB, -1,
        .access = access_daif, .read = read_daif, .write = write_daif),
    REG("FPCR", K(3, 3, 4, 4, 0), 0, 0, ARM_SRF_FP, ENV(cp.fpcr),
        .write = write_fpcr),
    REG("FPSR", K(3, 3, 4, 4, 1), 0, 0, ARM_SRF_FP, ENV(cp.fpsr),
        .read = read_fpsr, .write = write_fpsr),
    REG("TPIDR_EL0", K(3, 3, 13, 0, 2), 0, 0, 0, ENV(cp.tpidr_el[0])),
    REG("TPIDRRO_EL0", K(3, 3, 13, 0, 3), 0, 1, 0, ENV(cp.tpidrro_el0)),

    /* EL2 */
    EL2R("SCTLR_EL2", K(3, 4, 1, 0, 0), ARM_SRF_ENDTB, ENV(cp.sctlr_el[2]),
         .write = write_flush_regime, .reset = 0x30c50830),
    EL2R("ACTLR_EL2", K(3, 4, 1, 0, 1), 0, ENV(cp.actlr_el[2])),
    EL2R("HCR_EL2", K(3, 4, 1, 1, 0), ARM_SRF_ENDTB, ENV(cp.hcr_el2),
         .write = write_hcr, .reset = HCR_RW),
    EL2R("MDCR_EL2", K(3, 4, 1, 1, 1), 0, ENV(cp.mdcr_el2)),
    EL2R("CPTR_EL2", K(3, 4, 1, 1, 2), ARM_SRF_ENDTB, ENV(cp.cptr_el[2]),
         .access = access_cpacr, .reset = 0x33ff),
    EL2R("HSTR_EL2", K(3, 4, 1, 1, 3), 0, ENV(cp.hstr_el2)),
    EL2R("HACR_EL2", K(3, 4, 1, 1, 7), 0, ENV(cp.hacr_el2)),
    EL2R("TTBR0_EL2", K(3, 4, 2, 0, 0), ARM_SRF_ENDTB, ENV(cp.ttbr0_el[2]),
         .write = write_flush_regime),
    EL2R("TCR_EL2", K(3, 4, 2, 0, 2), ARM_SRF_ENDTB, ENV(cp.tcr_el[2]),
         .write = write_flush_regime),
    EL2R("VTTBR_EL2", K(3, 4, 2, 1, 0), ARM_SRF_ENDTB, ENV(cp.vttbr_el2),
         .write = write_flush_e10),
    EL2R("VTCR_EL2", K(3, 4, 2, 1, 2), ARM_SRF_ENDTB, ENV(cp.vtcr_el2),
         .write = write_flush_e10),
    EL2R("SPSR_EL2", K(3, 4, 4, 0, 0), 0, ENV(cp.spsr_el[2])),
    EL2R("ELR_EL2", K(3, 4, 4, 0, 1), 0, ENV(cp.elr_el[2])),
    REG("SP_EL1", K(3, 4, 4, 1, 0), 2, 2, 0, ENV(sp_el[1])),
    EL2R("AFSR0_EL2", K(3, 4, 5, 1, 0), 0, ENV(cp.afsr0_el[2])),
    EL2R("AFSR1_EL2", K(3, 4, 5, 1, 1), 0, ENV(cp.afsr1_el[2])),
    EL2R("ESR_EL2", K(3, 4, 5, 2, 0), 0, ENV(cp.esr_el[2])),
    EL2R("FAR_EL2", K(3, 4, 6, 0, 0), 0, ENV(cp.far_el[2])),
    EL2R("HPFAR_EL2", K(3, 4, 6, 0, 4), 0, ENV(cp.hpfar_el2)),
    EL2R("MAIR_EL2", K(3, 4, 10, 2, 0), 0, ENV(cp.mair_el[2])),
    EL2R("AMAIR_EL2", K(3, 4, 10, 3, 0), 0, ENV(cp.amair_el[2])),
    EL2R("VBAR_EL2", K(3, 4, 12, 0, 0), 0, ENV(cp.vbar_el[2]),
         .write = write_vbar),
    REG("RVBAR_EL2", K(3, 4, 12, 0, 1), 2, NEVER, ARM_SRF_EL2, -1,
        .access = access_rvbar, .read = read_rvbar),
    EL2R("TPIDR_EL2", K(3, 4, 13, 0, 2), 0, ENV(cp.tpidr_el[2])),

    /* EL3 */
    EL3R("SCTLR_EL3", K(3, 6, 1, 0, 0), ARM_SRF_ENDTB, ENV(cp.sctlr_el[3]),
         .write = write_flush_regime, .reset = 0x30c50830),
    EL3R("ACTLR_EL3", K(3, 6, 1, 0, 1), 0, ENV(cp.actlr_el[3])),
    EL3R("SCR_EL3", K(3, 6, 1, 1, 0), ARM_SRF_ENDTB, ENV(cp.scr_el3),
         .write = write_scr, .reset = 0x430),
    EL3R("CPTR_EL3", K(3, 6, 1, 1, 2), ARM_SRF_ENDTB, ENV(cp.cptr_el[3])),
    EL3R("MDCR_EL3", K(3, 6, 1, 3, 1), 0, ENV(cp.mdcr_el3)),
    EL3R("TTBR0_EL3", K(3, 6, 2, 0, 0), ARM_SRF_ENDTB, ENV(cp.ttbr0_el[3]),
         .write = write_flush_regime),
    EL3R("TCR_EL3", K(3, 6, 2, 0, 2), ARM_SRF_ENDTB, ENV(cp.tcr_el[3]),
         .write = write_flush_regime),
    EL3R("SPSR_EL3", K(3, 6, 4, 0, 0), 0, ENV(cp.spsr_el[3])),
    EL3R("ELR_EL3", K(3, 6, 4, 0, 1), 0, ENV(cp.elr_el[3])),
    REG("SP_EL2", K(3, 6, 4, 1, 0), 3, 3, ARM_SRF_EL2, ENV(sp_el[2])),
    EL3R("AFSR0_EL3", K(3, 6, 5, 1, 0), 0, ENV(cp.afsr0_el[3])),
    EL3R("AFSR1_EL3", K(3, 6, 5, 1, 1), 0, ENV(cp.afsr1_el[3])),
    EL3R("ESR_EL3", K(3, 6, 5, 2, 0), 0, ENV(cp.esr_el[3])),
    EL3R("FAR_EL3", K(3, 6, 6, 0, 0), 0, ENV(cp.far_el[3])),
    EL3R("MAIR_EL3", K(3, 6, 10, 2, 0), 0, ENV(cp.mair_el[3])),
    EL3R("AMAIR_EL3", K(3, 6, 10, 3, 0), 0, ENV(cp.amair_el[3])),
    EL3R("VBAR_EL3", K(3, 6, 12, 0, 0), 0, ENV(cp.vbar_el[3]),
         .write = write_vbar),
    REG("RVBAR_EL3", K(3, 6, 12, 0, 1), 3, NEVER, ARM_SRF_EL3, -1,
        .access = access_rvbar, .read = read_rvbar),
    EL3R("TPIDR_EL3", K(3, 6, 13, 0, 2), 0, ENV(cp.tpidr_el[3])),

    /* debug: state for software, nothing fires (D17.3) */
    REG("MDCCINT_EL1", K(2, 0, 0, 2, 0), 1, 1, 0, -1),
    REG("MDSCR_EL1", K(2, 0, 0, 2, 2), 1, 1, ARM_SRF_ENDTB,
        ENV(cp.mdscr_el1)),
    REG("MDCCSR_EL0", K(2, 3, 0, 1, 0), 0, NEVER, 0, -1),
    REG("MDRAR_EL1", K(2, 0, 1, 0, 0), 1, NEVER, 0, -1),
    REG("OSLAR_EL1", K(2, 0, 1, 0, 4), NEVER, 1, 0, -1,
        .write = write_oslar),
    /* OSLSR: OSLM = 0b10 (bit 3), OSLK (bit 1) set at cold reset */
    REG("OSLSR_EL1", K(2, 0, 1, 1, 4), 1, NEVER, 0, ENV(cp.oslsr_el1),
        .reset = 0xa),
    REG("OSDLR_EL1", K(2, 0, 1, 3, 4), 1, 1, 0, -1),
    REG("DBGPRCR_EL1", K(2, 0, 1, 4, 4), 1, 1, 0, -1),
    REG("DBGCLAIMSET_EL1", K(2, 0, 7, 8, 6), 1, 1, 0, -1),
    REG("DBGCLAIMCLR_EL1", K(2, 0, 7, 9, 6), 1, 1, 0, -1),
    REG("DBGAUTHSTATUS_EL1", K(2, 0, 7, 14, 6), 1, NEVER, 0, -1),
    DBG_ROWS(0), DBG_ROWS(1), DBG_ROWS(2), DBG_ROWS(3),
    DBG_ROWS(4), DBG_ROWS(5), DBG_ROWS(6), DBG_ROWS(7),
    DBG_ROWS(8), DBG_ROWS(9), DBG_ROWS(10), DBG_ROWS(11),
    DBG_ROWS(12), DBG_ROWS(13), DBG_ROWS(14), DBG_ROWS(15),

    /* PMU (D17.4): a PMU with no event counters */
    PMU_RAZ("PMINTENSET_EL1", K(3, 0, 9, 14, 1), 1, 1),
    PMU_RAZ("PMINTENCLR_EL1", K(3, 0, 9, 14, 2), 1, 1),
    REG("PMCR_EL0", K(3, 3, 9, 12, 0), 0, 0, ARM_SRF_PMU, ENV(cp.pmcr_el0),
        .read = read_pmcr, .write = write_pmcr),
    PMU_RAZ("PMCNTENSET_EL0", K(3, 3, 9, 12, 1), 0, 0),
    PMU_RAZ("PMCNTENCLR_EL0", K(3, 3, 9, 12, 2), 0, 0),
    PMU_RAZ("PMOVSCLR_EL0", K(3, 3, 9, 12, 3), 0, 0),
    PMU_RAZ("PMSWINC_EL0", K(3, 3, 9, 12, 4), NEVER, 0),
    PMU_RAZ("PMSELR_EL0", K(3, 3, 9, 12, 5), 0, 0),
    PMU_RAZ("PMCEID0_EL0", K(3, 3, 9, 12, 6), 0, NEVER),
    PMU_RAZ("PMCEID1_EL0", K(3, 3, 9, 12, 7), 0, NEVER),
    PMU_RAZ("PMCCNTR_EL0", K(3, 3, 9, 13, 0), 0, 0),
    PMU_RAZ("PMXEVTYPER_EL0", K(3, 3, 9, 13, 1), 0, 0),
    PMU_RAZ("PMXEVCNTR_EL0", K(3, 3, 9, 13, 2), 0, 0),
    REG("PMUSERENR_EL0", K(3, 3, 9, 14, 0), 0, 1, ARM_SRF_PMU,
        ENV(cp.pmuserenr_el0), .write = write_pmuserenr),
    PMU_RAZ("PMOVSSET_EL0", K(3, 3, 9, 14, 3), 0, 0),
    PMU_RAZ("PMCCFILTR_EL0", K(3, 3, 14, 15, 7), 0, 0),
};

/* Every other encoding of the ID space: RAZ, trapped by TID3 (D17.1). */
static const ARMSysReg id_raz_row = {
    .key = K(3, 0, 0, 0, 0), .name = "ID space (reserved)", .rd_el = 1,
    .wr_el = NEVER, .flags = ARM_SRF_TID3, .offset = -1,
};

/* --- lookup --------------------------------------------------------- */

typedef struct ARMSysRegIndex {
    const ARMSysReg **rows;     /* both tables, sorted by key */
    size_t n;
} ARMSysRegIndex;

static int cmp_rows(const void *a, const void *b)
{
    uint32_t ka = (*(const ARMSysReg *const *)a)->key;
    uint32_t kb = (*(const ARMSysReg *const *)b)->key;

    return ka < kb ? -1 : ka > kb;
}

/* The row tables: registers here, system instructions, timers. */
typedef struct ARMSysRegTable {
    const ARMSysReg *rows;
    const size_t *count;
} ARMSysRegTable;

static const size_t sysreg_count = G_N_ELEMENTS(sysreg_table);

static const ARMSysRegTable all_tables[] = {
    { sysreg_table, &sysreg_count },
    { arm_sysinsn_table, &arm_sysinsn_count },
    { arm_timer_sysreg_table, &arm_timer_sysreg_count },
    { arm_gic_sysreg_table, &arm_gic_sysreg_count },
};

/*
 * The process-wide sorted index of the constant tables, built once and
 * immutable afterwards (tests/arch/globals-allowlist.txt).
 */
static ARMSysRegIndex arm_sysreg_index_data;
static gsize arm_sysreg_index_once;

static const ARMSysRegIndex *sysreg_index(void)
{
    ARMSysRegIndex *index = &arm_sysreg_index_data;

    if (g_once_init_enter(&arm_sysreg_index_once)) {
        size_t n = 0, i = 0;

        for (size_t t = 0; t < G_N_ELEMENTS(all_tables); t++) {
            n += *all_tables[t].count;
        }
        index->rows = g_new(const ARMSysReg *, n);
        for (size_t t = 0; t < G_N_ELEMENTS(all_tables); t++) {
            for (size_t j = 0; j < *all_tables[t].count; j++) {
                index->rows[i++] = &all_tables[t].rows[j];
            }
        }
        qsort(index->rows, n, sizeof(index->rows[0]), cmp_rows);
        for (i = 1; i < n; i++) {
            assert(index->rows[i - 1]->key != index->rows[i]->key);
        }
        index->n = n;
        g_once_init_leave(&arm_sysreg_index_once, 1);
    }
    return index;
}

const ARMSysReg *arm_sysreg_lookup(CPUARMState *env, uint32_t key)
{
    const ARMSysRegIndex *ix = sysreg_index();
    size_t lo = 0, hi = ix->n;
    const ARMSysReg *r = NULL;

    while (lo < hi) {
        size_t mid = (lo + hi) / 2;

        if (ix->rows[mid]->key == key) {
            r = ix->rows[mid];
            break;
        }
        if (ix->rows[mid]->key < key) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    if (!r) {
        unsigned crm = (key >> 3) & 15;

        /* op0 3, op1 0, CRn 0, CRm 1..7: the ID space */
        return (key >> 7) == (K(3, 0, 0, 0, 0) >> 7) && crm >= 1 && crm <= 7
               ? &id_raz_row : NULL;
    }
    if ((r->feature && !arm_feature(env, r->feature)) ||
        ((r->flags & ARM_SRF_EL2) && !arm_have_el2(env)) ||
        ((r->flags & ARM_SRF_EL3) && !arm_have_el3(env))) {
        return NULL;
    }
    return r;
}

const char *arm_sysreg_name(const ARMSysReg *r)
{
    return r->name;
}

/* --- access checks -------------------------------------------------- */

/* FP/SIMD enables (CheckFPAdvSIMDEnabled64): CPACR_EL1.FPEN, TFP. */
static ARMSysRegCheck check_fp(CPUARMState *env, unsigned el)
{
    unsigned fpen = (env->cp.cpacr_el1 >> 20) & 3;

    if ((el == 0 && fpen != 3) || (el == 1 && !(fpen & 1))) {
        return ARM_SR_FP_EL1;
    }
    if (el <= 2 && arm_el2_enabled(env) &&
        (env->cp.cptr_el[2] & (1u << 10))) {
        return ARM_SR_FP_EL2;
    }
    if (arm_have_el3(env) && (env->cp.cptr_el[3] & (1u << 10))) {
        return ARM_SR_FP_EL3;
    }
    return ARM_SR_OK;
}

/* PMU: PMUSERENR_EL0.EN at EL0 (PMUSERENR itself is always readable),
   MDCR_EL2.TPM and MDCR_EL3.TPM (bit 6). */
static ARMSysRegCheck check_pmu(CPUARMState *env, const ARMSysReg *r,
                                unsigned el)
{
    if (el == 0 && r->key != K(3, 3, 9, 14, 0) &&
        !(env->cp.pmuserenr_el0 & 1)) {
        return ARM_SR_TRAP_EL1;
    }
    if (el <= 1 && arm_el2_enabled(env) && (env->cp.mdcr_el2 & (1u << 6))) {
        return ARM_SR_TRAP_EL2;
    }
    if (el <= 2 && arm_have_el3(env) && (env->cp.mdcr_el3 & (1u << 6))) {
        return ARM_SR_TRAP_EL3;
    }
    return ARM_SR_OK;
}

/* The HCR_EL2 trap bits of the row's flags, for an access at EL0/EL1. */
static bool hcr_traps(CPUARMState *env, const ARMSysReg *r, unsigned el,
                      bool is_read)
{
    uint64_t hcr = env->cp.hcr_el2;
    unsigned f = r->flags;

    if (el == 1) {
        if (((f & ARM_SRF_TVM) && (hcr & (is_read ? HCR_TRVM : HCR_TVM))) ||
            ((f & ARM_SRF_TID1) && (hcr & HCR_TID1)) ||
            ((f & ARM_SRF_TID3) && (hcr & HCR_TID3)) ||
            ((f & ARM_SRF_TACR) && (hcr & HCR_TACR)) ||
            ((f & ARM_SRF_TTLB) && (hcr & HCR_TTLB)) ||
            ((f & ARM_SRF_TSW) && (hcr & HCR_TSW))) {
            return true;
        }
    }
    return ((f & ARM_SRF_TID2) && (hcr & HCR_TID2)) ||
           ((f & ARM_SRF_TPU) && (hcr & HCR_TPU)) ||
           ((f & ARM_SRF_TPC) && (hcr & HCR_TPCP));
}

ARMSysRegCheck arm_sysreg_check(CPUARMState *env, const ARMSysReg *r,
                                bool is_read)
{
    unsigned el = arm_current_el(env);
    ARMSysRegCheck c;

    if (r->flags & ARM_SRF_FP) {
        c = check_fp(env, el);
        if (c != ARM_SR_OK) {
            return c;
        }
    }
    if (r->access) {
        c = r->access(env, r, is_read);
        if (c != ARM_SR_OK) {
            return c;
        }
    }
    if (el <= 1 && arm_el2_enabled(env) && hcr_traps(env, r, el, is_read)) {
        return ARM_SR_TRAP_EL2;
    }
    if (r->flags & ARM_SRF_PMU) {
        return check_pmu(env, r, el);
    }
    return ARM_SR_OK;
}

bool arm_sysreg_needs_helper(const ARMSysReg *r, unsigned el, bool is_read)
{
    const unsigned hcr_flags = ARM_SRF_TVM | ARM_SRF_TID1 | ARM_SRF_TID2 |
                               ARM_SRF_TID3 | ARM_SRF_TACR | ARM_SRF_TTLB |
                               ARM_SRF_TPU | ARM_SRF_TPC | ARM_SRF_TSW;

    if (r->access || (r->flags & (ARM_SRF_MODEL | ARM_SRF_FP | ARM_SRF_PMU))) {
        return true;
    }
    if (el <= 1 && (r->flags & hcr_flags)) {
        return true;
    }
    return is_read ? r->read != NULL : r->write != NULL;
}

uint64_t arm_sysreg_read(CPUARMState *env, const ARMSysReg *r)
{
    if (r->read) {
        return r->read(env, r);
    }
    if (r->offset < 0) {
        return 0;
    }
    if (r->flags & ARM_SRF_MODEL) {
        return *(const uint64_t *)((const char *)env->model + r->offset);
    }
    return *env_word(env, r->offset);
}

void arm_sysreg_write(CPUARMState *env, const ARMSysReg *r, uint64_t value,
                      uintptr_t ra)
{
    if (r->write) {
        r->write(env, r, value, ra);
    } else if (r->offset >= 0 && !(r->flags & ARM_SRF_MODEL)) {
        *env_word(env, r->offset) = value;
    }
}

/* --- reset ------------------------------------------------------------ */

void arm_sysreg_reset(CPUARMState *env)
{
    ARMCPU *cpu = arm_env_cpu(env);
    const ARMCPUModel *m = env->model;

    for (size_t t = 0; t < G_N_ELEMENTS(all_tables); t++) {
        for (size_t i = 0; i < *all_tables[t].count; i++) {
            const ARMSysReg *r = &all_tables[t].rows[i];

            if (r->offset >= 0 && !(r->flags & ARM_SRF_MODEL)) {
                *env_word(env, r->offset) = r->reset;
            }
        }
    }
    memset(env->cp.cnt, 0, sizeof(env->cp.cnt));
    env->cp.sctlr_el[1] = m->reset_sctlr ? m->reset_sctlr : 0x30d00800;
    /* MPIDR: bit 31 RES1, U (30) = 0: part of a multiprocessor system;
       Aff2:Aff1:Aff0 from the "mp-affinity" property. */
    env->cp.mpidr = 1ull << 31 | (cpu->mp_affinity & 0xffffff);
    env->cp.vpidr_el2 = m->midr;
    env->cp.vmpidr_el2 = env->cp.mpidr;
    env->cp.cntfrq_el0 = cpu->gt_freq ? cpu->gt_freq
                         : m->cntfrq ? m->cntfrq : 62500000;
}
