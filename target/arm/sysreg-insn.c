/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The A64 system instructions (SYS, op0 = 1) as rows of the system
 * register table (sysreg.h): cache maintenance (DC, IC), address
 * translation (AT) and TLB maintenance (TLBI).  Each is a write-only row
 * whose write function gets Xt; SYSL of any of them is UNDEFINED.
 *
 * Behaviour, where hemu has no caches to maintain:
 * - DC ZVA zeroes the DCZID_EL0-sized aligned block with ordinary
 *   stores through the softmmu TLB (faults as a store).
 * - DC IVAC needs write permission and faults like a store (data abort
 *   with CM = 1, WnR = 1), because invalidation may discard data; it
 *   then does nothing.  DC CVAC/CVAU/CIVAC and the set/way forms do
 *   nothing and never fault: memory is always coherent.
 * - IC IALLU(IS)/IVAU do nothing: self-modifying code detection keeps
 *   translated code coherent with memory.
 * - AT uses arm_translate() and writes PAR_EL1 (ATTR and SH are not
 *   reported: 0).  The S1E1/S1E0 forms report the final PA when stage 2
 *   is on, as the S12 forms do.
 * - TLBI: the softmmu TLB does not tag ASIDs or VMIDs and holds combined
 *   stage 1+2 entries, so by-ASID and by-IPA forms flush every MMU index
 *   of the regime; by-VA forms flush the page on this vCPU (the whole
 *   regime when the regime has TBI on, since tagged addresses of the
 *   page may be cached); the Inner Shareable forms (and every EL1 form
 *   with HCR_EL2.FB) flush the regime on every vCPU of the cluster.
 *
 * Spec: Arm ARM DDI 0487, C5.3 (system instructions), D7.4 (caches),
 * D8.13 (TLB maintenance), D17.2.101 (PAR_EL1).
 */
#include "sysreg.h"
#include "exec/cputlb.h"

#define K(op0, op1, crn, crm, op2) ARM_SYSREG_KEY(op0, op1, crn, crm, op2)
#define NEVER ARM_SR_NEVER

/* --- DC, IC ------------------------------------------------------------- */

/* EL0 cache maintenance by VA: SCTLR_EL1.UCI (bit 26), else trap. */
static ARMSysRegCheck access_uci(CPUARMState *env, const ARMSysReg *r,
                                 bool is_read)
{
    if (arm_current_el(env) == 0 && !(env->cp.sctlr_el[1] & (1u << 26))) {
        return ARM_SR_TRAP_EL1;
    }
    return ARM_SR_OK;
}

/* DC ZVA: SCTLR_EL1.DZE (bit 14) at EL0, HCR_EL2.TDZ (bit 28) at EL0/1. */
static ARMSysRegCheck access_zva(CPUARMState *env, const ARMSysReg *r,
                                 bool is_read)
{
    unsigned el = arm_current_el(env);

    if (el == 0 && !(env->cp.sctlr_el[1] & (1u << 14))) {
        return ARM_SR_TRAP_EL1;
    }
    if (el <= 1 && arm_el2_enabled(env) &&
        (env->cp.hcr_el2 & (1ull << 28))) {
        return ARM_SR_TRAP_EL2;
    }
    return ARM_SR_OK;
}

static void write_dc_zva(CPUARMState *env, const ARMSysReg *r, uint64_t va,
                         uintptr_t ra)
{
    uint64_t size = 4ull << (env->model->dczid & 0xf);
    uint64_t base = va & ~(size - 1);
    unsigned idx = arm_mmu_idx(env);
    CPUState *cs = arm_env_cs(env);

    /* The block lies in one page: the first store takes any fault. */
    for (uint64_t off = 0; off < size; off += 8) {
        cpu_st_mmu(cs, base + off, 0, MO_LEUQ, idx, ra);
    }
}

/* Raise the data abort of a cache maintenance instruction at @va. */
static HEMU_NORETURN void raise_cm_abort(CPUARMState *env, uint64_t va,
                                         const ARMFault *f, uintptr_t ra)
{
    unsigned target = f->stage2 ? 2 : arm_exception_target_el(env);
    bool same = target == arm_current_el(env);

    env->exception.vaddress = va;
    env->exception.ipa = f->ipa;
    arm_raise_exception(env, EXCP_DATA_ABORT,
                        syn_data_abort(same, f->s1ptw, true, true, f->fsc),
                        target, ra);
}

static void write_dc_ivac(CPUARMState *env, const ARMSysReg *r, uint64_t va,
                          uintptr_t ra)
{
    ARMTranslation res;
    ARMFault fault = { 0 };

    if (!arm_translate(env, va, MMU_DATA_STORE, arm_mmu_idx(env), &res,
                       &fault)) {
        raise_cm_abort(env, va, &fault, ra);
    }
}

/* Cache maintenance with nothing to do (see the file comment). */
static void write_nop(CPUARMState *env, const ARMSysReg *r, uint64_t v,
                      uintptr_t ra)
{
}

/* --- AT ------------------------------------------------------------------ */

/* PAR_EL1 bit 11 is RES1 in both formats. */
#define PAR_RES1 (1ull << 11)

static void at_common(CPUARMState *env, uint64_t va, ARMMMUIdx idx,
                      MMUAccessType access)
{
    ARMTranslation res;
    ARMFault f = { 0 };

    if (arm_translate(env, va, access, idx, &res, &f)) {
        /* PA [47:12], NS [9]; ATTR [63:56] and SH [8:7] reported as 0 */
        env->cp.par_el1 = (res.pa & 0xfffffffff000ull) | PAR_RES1 |
                          (res.attrs.secure ? 0 : 1u << 9);
    } else {
        /* F [0], FST [6:1], PTW [8], S [9] */
        env->cp.par_el1 = 1 | (uint64_t)(f.fsc & 0x3f) << 1 |
                          (f.s1ptw ? 1u << 8 : 0) |
                          (f.stage2 ? 1u << 9 : 0) | PAR_RES1;
    }
}

/* op1:op2 of AT (CRn 7, CRm 8) name the regime, EL and access. */
static void write_at(CPUARMState *env, const ARMSysReg *r, uint64_t va,
                     uintptr_t ra)
{
    unsigned op1 = (r->key >> 11) & 7, op2 = r->key & 7;
    MMUAccessType access = op2 & 1 ? MMU_DATA_STORE : MMU_DATA_LOAD;
    ARMMMUIdx idx;

    if (op1 == 6) {
        idx = ARM_MMU_E3;
    } else if (op1 == 4 && op2 < 2) {
        idx = ARM_MMU_E2;               /* S1E2R/W */
    } else {
        /* S1E1R/W, S1E0R/W (op1 0); S12E1R/W, S12E0R/W (op1 4, op2 4-7) */
        idx = (op2 & 2) ? ARM_MMU_E10_0 : ARM_MMU_E10_1;
    }
    at_common(env, va, idx, access);
}

/* --- TLBI ------------------------------------------------------------- */

/* The VA of a TLBI by VA: Xt[43:0] is VA[55:12], sign-extended from 55. */
static uint64_t tlbi_va(uint64_t xt)
{
    return (uint64_t)((int64_t)(xt << 20) >> 8);
}

/* Inner Shareable: CRm 3 (or 0 for IPAS2*IS); EL1 forms with HCR.FB. */
static bool tlbi_is(CPUARMState *env, const ARMSysReg *r)
{
    unsigned crm = (r->key >> 3) & 15;

    if (crm == 3 || crm == 0) {
        return true;
    }
    return arm_current_el(env) == 1 && arm_el2_enabled(env) &&
           (env->cp.hcr_el2 & (1u << 9));
}

/* Regime of a TLBI: EL1&0 for op1 0 and the op1 4 forms ALLE1,
   VMALLS12E1 (op2 4, 6) and IPAS2* (CRm 0, 4); else op1's EL. */
static unsigned tlbi_regime(const ARMSysReg *r)
{
    unsigned op1 = (r->key >> 11) & 7, crm = (r->key >> 3) & 15;
    unsigned op2 = r->key & 7;

    if (op1 == 6) {
        return 3;
    }
    if (op1 == 4 && (crm == 3 || crm == 7) && op2 != 4 && op2 != 6) {
        return 2;
    }
    return 1;
}

static uint32_t tlbi_mask(unsigned regime)
{
    return regime == 3 ? ARM_MMU_MASK_E3 : regime == 2 ? ARM_MMU_MASK_E2
                                                       : ARM_MMU_MASK_E10;
}

static void write_tlbi_all(CPUARMState *env, const ARMSysReg *r, uint64_t v,
                           uintptr_t ra)
{
    CPUState *cs = arm_env_cs(env);
    uint32_t mask = tlbi_mask(tlbi_regime(r));

    if (tlbi_is(env, r)) {
        tlb_flush_all_cpus(cs, mask);
    } else {
        tlb_flush_by_mmuidx(cs, mask);
    }
}

/* TCR_ELx has TBI on for either half: tagged VAs may be in the TLB. */
static bool regime_has_tbi(CPUARMState *env, unsigned regime)
{
    uint64_t tcr = env->cp.tcr_el[regime];

    return regime == 1 ? (tcr & (3ull << 37)) != 0 : (tcr & (1u << 20)) != 0;
}

static void write_tlbi_va(CPUARMState *env, const ARMSysReg *r, uint64_t v,
                          uintptr_t ra)
{
    unsigned regime = tlbi_regime(r);

    if (tlbi_is(env, r) || regime_has_tbi(env, regime)) {
        write_tlbi_all(env, r, v, ra);
        return;
    }
    tlb_flush_page_by_mmuidx(arm_env_cs(env), tlbi_va(v), tlbi_mask(regime));
}

/* --- the rows ------------------------------------------------------------ */

#define SYS(nm, op1, crn, crm, op2, el, fl, fn, acc) \
    { .key = K(1, op1, crn, crm, op2), .name = nm, .rd_el = NEVER, \
      .wr_el = el, .flags = fl, .offset = -1, .access = acc, .write = fn }
#define EL2ONLY ARM_SRF_EL2
#define EL3ONLY ARM_SRF_EL3
#define TLB1 (ARM_SRF_TTLB | ARM_SRF_ENDTB)
#define TLB2 (ARM_SRF_EL2 | ARM_SRF_ENDTB)
#define TLB3 (ARM_SRF_EL3 | ARM_SRF_ENDTB)

const ARMSysReg arm_sysinsn_table[] = {
    SYS("IC IALLUIS", 0, 7, 1, 0, 1, ARM_SRF_TPU, write_nop, NULL),
    SYS("IC IALLU", 0, 7, 5, 0, 1, ARM_SRF_TPU, write_nop, NULL),
    SYS("IC IVAU", 3, 7, 5, 1, 0, ARM_SRF_TPU, write_nop, access_uci),
    SYS("DC IVAC", 0, 7, 6, 1, 1, ARM_SRF_TPC, write_dc_ivac, NULL),
    SYS("DC ISW", 0, 7, 6, 2, 1, ARM_SRF_TSW, write_nop, NULL),
    SYS("DC CSW", 0, 7, 10, 2, 1, ARM_SRF_TSW, write_nop, NULL),
    SYS("DC CISW", 0, 7, 14, 2, 1, ARM_SRF_TSW, write_nop, NULL),
    SYS("DC ZVA", 3, 7, 4, 1, 0, 0, write_dc_zva, access_zva),
    SYS("DC CVAC", 3, 7, 10, 1, 0, ARM_SRF_TPC, write_nop, access_uci),
    SYS("DC CVAU", 3, 7, 11, 1, 0, ARM_SRF_TPU, write_nop, access_uci),
    SYS("DC CIVAC", 3, 7, 14, 1, 0, ARM_SRF_TPC, write_nop, access_uci),

    SYS("AT S1E1R", 0, 7, 8, 0, 1, 0, write_at, NULL),
    SYS("AT S1E1W", 0, 7, 8, 1, 1, 0, write_at, NULL),
    SYS("AT S1E0R", 0, 7, 8, 2, 1, 0, write_at, NULL),
    SYS("AT S1E0W", 0, 7, 8, 3, 1, 0, write_at, NULL),
    SYS("AT S1E2R", 4, 7, 8, 0, 2, EL2ONLY, write_at, NULL),
    SYS("AT S1E2W", 4, 7, 8, 1, 2, EL2ONLY, write_at, NULL),
    SYS("AT S12E1R", 4, 7, 8, 4, 2, EL2ONLY, write_at, NULL),
    SYS("AT S12E1W", 4, 7, 8, 5, 2, EL2ONLY, write_at, NULL),
    SYS("AT S12E0R", 4, 7, 8, 6, 2, EL2ONLY, write_at, NULL),
    SYS("AT S12E0W", 4, 7, 8, 7, 2, EL2ONLY, write_at, NULL),
    SYS("AT S1E3R", 6, 7, 8, 0, 3, EL3ONLY, write_at, NULL),
    SYS("AT S1E3W", 6, 7, 8, 1, 3, EL3ONLY, write_at, NULL),

    SYS("TLBI VMALLE1IS", 0, 8, 3, 0, 1, TLB1, write_tlbi_all, NULL),
    SYS("TLBI VAE1IS", 0, 8, 3, 1, 1, TLB1, write_tlbi_va, NULL),
    SYS("TLBI ASIDE1IS", 0, 8, 3, 2, 1, TLB1, write_tlbi_all, NULL),
    SYS("TLBI VAAE1IS", 0, 8, 3, 3, 1, TLB1, write_tlbi_va, NULL),
    SYS("TLBI VALE1IS", 0, 8, 3, 5, 1, TLB1, write_tlbi_va, NULL),
    SYS("TLBI VAALE1IS", 0, 8, 3, 7, 1, TLB1, write_tlbi_va, NULL),
    SYS("TLBI VMALLE1", 0, 8, 7, 0, 1, TLB1, write_tlbi_all, NULL),
    SYS("TLBI VAE1", 0, 8, 7, 1, 1, TLB1, write_tlbi_va, NULL),
    SYS("TLBI ASIDE1", 0, 8, 7, 2, 1, TLB1, write_tlbi_all, NULL),
    SYS("TLBI VAAE1", 0, 8, 7, 3, 1, TLB1, write_tlbi_va, NULL),
    SYS("TLBI VALE1", 0, 8, 7, 5, 1, TLB1, write_tlbi_va, NULL),
    SYS("TLBI VAALE1", 0, 8, 7, 7, 1, TLB1, write_tlbi_va, NULL),
    SYS("TLBI IPAS2E1IS", 4, 8, 0, 1, 2, TLB2, write_tlbi_all, NULL),
    SYS("TLBI IPAS2LE1IS", 4, 8, 0, 5, 2, TLB2, write_tlbi_all, NULL),
    SYS("TLBI ALLE2IS", 4, 8, 3, 0, 2, TLB2, write_tlbi_all, NULL),
    SYS("TLBI VAE2IS", 4, 8, 3, 1, 2, TLB2, write_tlbi_va, NULL),
    SYS("TLBI ALLE1IS", 4, 8, 3, 4, 2, TLB2, write_tlbi_all, NULL),
    SYS("TLBI VALE2IS", 4, 8, 3, 5, 2, TLB2, write_tlbi_va, NULL),
    SYS("TLBI VMALLS12E1IS", 4, 8, 3, 6, 2, TLB2, write_tlbi_all, NULL),
    SYS("TLBI IPAS2E1", 4, 8, 4, 1, 2, TLB2, write_tlbi_all, NULL),
    SYS("TLBI IPAS2LE1", 4, 8, 4, 5, 2, TLB2, write_tlbi_all, NULL),
    SYS("TLBI ALLE2", 4, 8, 7, 0, 2, TLB2, write_tlbi_all, NULL),
    SYS("TLBI VAE2", 4, 8, 7, 1, 2, TLB2, write_tlbi_va, NULL),
    SYS("TLBI ALLE1", 4, 8, 7, 4, 2, TLB2, write_tlbi_all, NULL),
    SYS("TLBI VALE2", 4, 8, 7, 5, 2, TLB2, write_tlbi_va, NULL),
    SYS("TLBI VMALLS12E1", 4, 8, 7, 6, 2, TLB2, write_tlbi_all, NULL),
    SYS("TLBI ALLE3IS", 6, 8, 3, 0, 3, TLB3, write_tlbi_all, NULL),
    SYS("TLBI VAE3IS", 6, 8, 3, 1, 3, TLB3, write_tlbi_va, NULL),
    SYS("TLBI VALE3IS", 6, 8, 3, 5, 3, TLB3, write_tlbi_va, NULL),
    SYS("TLBI ALLE3", 6, 8, 7, 0, 3, TLB3, write_tlbi_all, NULL),
    SYS("TLBI VAE3", 6, 8, 7, 1, 3, TLB3, write_tlbi_va, NULL),
    SYS("TLBI VALE3", 6, 8, 7, 5, 3, TLB3, write_tlbi_va, NULL),
};

const size_t arm_sysinsn_count = G_N_ELEMENTS(arm_sysinsn_table);
