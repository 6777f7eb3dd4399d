/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * VMSAv8-64 address translation: the stage 1 walks of the EL1&0, EL2 and
 * EL3 regimes, the stage 2 walk of the EL1&0 regime (HCR_EL2.VM), the
 * permission model (AP, APTable, UXN/PXN and their table forms, WXN, PAN),
 * and the TargetArch hooks that turn a translation into a softmmu TLB
 * entry or into the guest's abort (tlb_fill, alignment fault, external
 * abort).
 *
 * Invariants and choices:
 * - The walk is one loop per stage, without allocation; stage 1 reads its
 *   descriptors through stage 2 when stage 2 is on (S1PTW faults), which
 *   is the only recursion (depth one).
 * - Descriptors are read from the cluster's address space, little- or
 *   big-endian by SCTLR_ELx.EE of the regime (SCTLR_EL2.EE for stage 2).
 *   A failed read is a synchronous external abort on the walk.
 * - No hardware update of AF or DBM: AF = 0 is an Access flag fault.
 * - The softmmu TLB is not tagged with ASID or VMID: sysreg.c flushes the
 *   affected MMU indexes on writes to TTBRx/TCR/SCTLR/HCR/VTTBR/VTCR and
 *   on TLBI, so a TLB entry is always the translation of the current
 *   context.  A block or a 64 KiB page enters the TLB one cluster page
 *   (4 KiB) at a time; the cluster page must not exceed 4 KiB.
 * - TxSZ outside 16..39 is treated as the nearest limit; a TGx encoding
 *   the model does not implement selects a granule it does (both are the
 *   CONSTRAINED UNPREDICTABLE choices the Arm ARM allows).  No 52-bit
 *   addresses (FEAT_LVA/LPA), no HPD, no FEAT_XNX, no EPAN, no VHE
 *   (EL2&0) regime.  Memory attributes (MAIR, shareability) are not
 *   modelled: there are no caches, and Device memory does not force
 *   alignment checks.
 * Spec: Arm ARM DDI 0487, D8 (The AArch64 Virtual Memory System
 * Architecture), pseudocode AArch64.TranslateAddress and its callees;
 * register fields: D17 (TCR_ELx, VTCR_EL2, SCTLR_ELx, HCR_EL2).
 */
#include "internals.h"
#include "cpu-models.h"
#include "sysreg.h"
#include "exec/cputlb.h"
#include "system/memory.h"
#include "util/log.h"

/* Register fields (D17.2) used here. */
#define MMU_SCTLR_M         (UINT64_C(1) << 0)
#define MMU_SCTLR_WXN       (UINT64_C(1) << 19)
#define MMU_SCTLR_EE        (UINT64_C(1) << 25)
#define MMU_HCR_VM          (UINT64_C(1) << 0)
#define MMU_HCR_DC          (UINT64_C(1) << 12)
#define MMU_HCR_TGE         (UINT64_C(1) << 27)
#define MMU_HCR_TEA         (UINT64_C(1) << 37)
#define MMU_SCR_EA          (UINT64_C(1) << 3)
/* TCR_EL1 */
#define MMU_TCR_EPD0        (UINT64_C(1) << 7)
#define MMU_TCR_EPD1        (UINT64_C(1) << 23)
#define MMU_TCR_TBI0        (UINT64_C(1) << 37)
#define MMU_TCR_TBI1        (UINT64_C(1) << 38)
/* TCR_EL2 (non-VHE) and TCR_EL3 */
#define MMU_TCR_ELX_TBI     (UINT64_C(1) << 20)

/* Descriptor fields (D8.3). */
#define DESC_AF         (UINT64_C(1) << 10)
#define DESC_PXN        (UINT64_C(1) << 53)
#define DESC_XN         (UINT64_C(1) << 54)     /* UXN in EL1&0 stage 1 */
#define DESC_PXNTABLE   (UINT64_C(1) << 59)
#define DESC_XNTABLE    (UINT64_C(1) << 60)     /* UXNTable in EL1&0 */
#define DESC_APTABLE_SHIFT 61
#define DESC_NSTABLE    (UINT64_C(1) << 63)
#define DESC_NS         (UINT64_C(1) << 5)
/* Output address bits held by a descriptor without FEAT_LPA: [47:x]. */
#define DESC_OA_TOP     48

/* The granule sizes as log2 of bytes. */
#define GRANULE_4K      12
#define GRANULE_16K     14
#define GRANULE_64K     16

/* One translation regime and who asks (fixed by the MMU index). */
typedef struct MMURegime {
    unsigned el;                /* 1 (EL1&0), 2 or 3 */
    bool user;                  /* EL0 permissions (ARM_MMU_E10_0) */
    bool pan;                   /* PSTATE.PAN: data accesses only */
    uint64_t sctlr;             /* SCTLR_ELx of the regime */
    uint64_t tcr;               /* TCR_ELx of the regime */
} MMURegime;

/* The parameters of one stage's walk, from TCR/VTCR and the TTBR. */
typedef struct MMUWalk {
    uint64_t base;              /* start table address, aligned */
    unsigned inputsize;         /* input bits translated: 64 - TxSZ */
    unsigned gbits;             /* granule: GRANULE_4K/16K/64K */
    unsigned start_level;       /* 0..3 */
    unsigned oa_bits;           /* output address size, <= PAMax */
    bool big_endian;            /* descriptor byte order */
    bool stage2;
    bool valid;                 /* stage 2: VTCR_EL2 is consistent */
    const struct MMUWalk *s2;   /* stage 1 only: stage 2 for the
                                   descriptor reads, or NULL */
} MMUWalk;

/* The outcome of a successful walk. */
typedef struct MMUDesc {
    uint64_t desc;              /* the block or page descriptor */
    uint64_t oa;                /* output address of the input address */
    unsigned level;             /* lookup level of @desc */
    unsigned page_bits;         /* log2 of the block or page size */
    unsigned ap_table;          /* APTable bits of the tables, ORed */
    bool xn_table;              /* XNTable / UXNTable seen */
    bool pxn_table;             /* PXNTable seen */
    bool ns_table;              /* NSTable seen */
} MMUDesc;

static uint64_t mmu_bits(uint64_t v, unsigned lo, unsigned len)
{
    return (v >> lo) & ((UINT64_C(1) << len) - 1);
}

/* Mask of the address bits [DESC_OA_TOP-1:lo]. */
static uint64_t mmu_oa_mask(unsigned lo)
{
    return ((UINT64_C(1) << DESC_OA_TOP) - 1) & ~((UINT64_C(1) << lo) - 1);
}

static void mmu_fault(ARMFault *f, uint32_t fsc, bool stage2, uint64_t ipa)
{
    f->fsc = fsc;
    f->stage2 = stage2;
    f->ipa = ipa;
}

/* The implemented physical address size (ID_AA64MMFR0.PARange). */
static unsigned mmu_pamax(const CPUARMState *env)
{
    return env->model ? env->model->pa_bits : 48;
}

/* IPS/PS encodings (D17.2: TCR_EL1.IPS), limited to PAMax. */
static unsigned mmu_oa_bits(const CPUARMState *env, unsigned ps)
{
    static const uint8_t size[8] = { 32, 36, 40, 42, 44, 48, 48, 48 };

    return MIN(size[ps & 7], mmu_pamax(env));
}

/* Does the model implement the granule of @gbits (ID_AA64MMFR0.TGranN)? */
static bool mmu_granule_ok(const CPUARMState *env, unsigned gbits)
{
    uint64_t mmfr0 = env->model ? env->model->id_aa64mmfr0 : 0;

    switch (gbits) {
    case GRANULE_4K:
        return arm_id_field(mmfr0, 28) != 0xf;
    case GRANULE_16K:
        return arm_id_field(mmfr0, 20) != 0;
    default:
        return arm_id_field(mmfr0, 24) != 0xf;
    }
}

/*
 * The granule of a TGx field: @tg1 selects the TG1 encoding (01 16K,
 * 10 4K, 11 64K) over the TG0 one (00 4K, 01 64K, 10 16K).
 */
static unsigned mmu_granule(const CPUARMState *env, unsigned tg, bool tg1)
{
    static const uint8_t tg0_bits[4] = { GRANULE_4K, GRANULE_64K,
                                         GRANULE_16K, 0 };
    static const uint8_t tg1_bits[4] = { 0, GRANULE_16K, GRANULE_4K,
                                         GRANULE_64K };
    unsigned g = tg1 ? tg1_bits[tg & 3] : tg0_bits[tg & 3];

    if (g && mmu_granule_ok(env, g)) {
        return g;
    }
    return mmu_granule_ok(env, GRANULE_4K) ? GRANULE_4K : GRANULE_64K;
}

/* Lowest input address bit resolved at @level. */
static unsigned mmu_level_lsb(unsigned gbits, unsigned level)
{
    return gbits + (gbits - 3) * (3 - level);
}

/* May a block descriptor appear at @level (no 52-bit addresses)? */
static bool mmu_block_ok(unsigned gbits, unsigned level)
{
    return level == 2 || (level == 1 && gbits == GRANULE_4K);
}

/* The start table address from a TTBR's BADDR [47:1]. */
static uint64_t mmu_table_base(const MMUWalk *w, uint64_t ttbr)
{
    unsigned lsb = mmu_level_lsb(w->gbits, w->start_level);

    return ttbr & mmu_oa_mask(3 + w->inputsize - lsb);
}

/* Start level of a stage 1 walk: the fewest levels that cover the input. */
static unsigned mmu_s1_start_level(unsigned inputsize, unsigned gbits)
{
    unsigned stride = gbits - 3;

    return 4 - (inputsize - gbits + stride - 1) / stride;
}

/* ------------------------------------------------------------------ */
/* The walk                                                             */

static bool mmu_walk(CPUARMState *env, const MMUWalk *w, uint64_t ia,
                     MMUDesc *out, ARMFault *f);

/*
 * Stage 2 for @ipa: the input range check (an IPA beyond 64 - T0SZ bits,
 * or an inconsistent VTCR_EL2, is a level 0 translation fault), then the
 * walk.
 */
static bool mmu_s2_walk(CPUARMState *env, const MMUWalk *w, uint64_t ipa,
                        MMUDesc *out, ARMFault *f)
{
    if (!w->valid || (ipa >> w->inputsize)) {
        mmu_fault(f, ARM_FSC_TRANSLATION(0), true, ipa);
        return false;
    }
    return mmu_walk(env, w, ipa, out, f);
}

/*
 * Read the descriptor at @addr (a PA, or an IPA when stage 1 runs over
 * stage 2) for a lookup at @level.
 */
static bool mmu_read_desc(CPUARMState *env, const MMUWalk *w, uint64_t addr,
                          unsigned level, uint64_t *desc, ARMFault *f)
{
    AddressSpace *as = &arm_env_cs(env)->cluster->as;
    MemTxResult res = MEMTX_OK;
    MemOp op = MO_64 | (w->big_endian ? MO_BE : 0);

    if (w->s2) {
        MMUDesc d2;

        /* D8.2.11: the walk's reads are data reads at stage 2 */
        if (!mmu_s2_walk(env, w->s2, addr, &d2, f)) {
            f->s1ptw = true;
            return false;
        }
        if (!(d2.desc & (UINT64_C(1) << 6))) {  /* S2AP[0]: read */
            mmu_fault(f, ARM_FSC_PERMISSION(d2.level), true, addr);
            f->s1ptw = true;
            return false;
        }
        addr = d2.oa;
    }
    *desc = address_space_ld(as, addr, op, MEMTXATTRS_UNSPECIFIED, &res);
    if (res != MEMTX_OK) {
        mmu_fault(f, ARM_FSC_SEA_WALK(level), w->stage2, 0);
        return false;
    }
    return true;
}

/*
 * Walk the tables of one stage for input address @ia (already checked
 * against the input size).  On success *@out holds the final descriptor
 * and the table attributes met on the way.  Faults: translation (invalid
 * or misplaced descriptor), address size (output beyond oa_bits), access
 * flag; permissions are the caller's.
 */
static bool mmu_walk(CPUARMState *env, const MMUWalk *w, uint64_t ia,
                     MMUDesc *out, ARMFault *f)
{
    unsigned level = w->start_level;
    unsigned top = w->inputsize;
    uint64_t table = w->base;
    uint64_t fipa = w->stage2 ? ia : 0;

    out->ap_table = 0;
    out->xn_table = out->pxn_table = out->ns_table = false;
    for (;;) {
        unsigned lsb = mmu_level_lsb(w->gbits, level);
        uint64_t desc, oa;

        if (!mmu_read_desc(env, w, table + 8 * mmu_bits(ia, lsb, top - lsb),
                           level, &desc, f)) {
            if (w->stage2 && !f->s1ptw) {
                f->ipa = fipa;
            }
            return false;
        }
        if (!(desc & 1) || (level == 3 && !(desc & 2))) {
            mmu_fault(f, ARM_FSC_TRANSLATION(level), w->stage2, fipa);
            return false;
        }
        if (level < 3 && (desc & 2)) {
            /* table descriptor: next level */
            oa = desc & mmu_oa_mask(w->gbits);
            if (oa >> w->oa_bits) {
                mmu_fault(f, ARM_FSC_ADDR_SIZE(level), w->stage2, fipa);
                return false;
            }
            if (!w->stage2) {
                out->ap_table |= mmu_bits(desc, DESC_APTABLE_SHIFT, 2);
                out->xn_table |= !!(desc & DESC_XNTABLE);
                out->pxn_table |= !!(desc & DESC_PXNTABLE);
                out->ns_table |= !!(desc & DESC_NSTABLE);
            }
            table = oa;
            top = lsb;
            level++;
            continue;
        }
        if (level < 3 && !mmu_block_ok(w->gbits, level)) {
            mmu_fault(f, ARM_FSC_TRANSLATION(level), w->stage2, fipa);
            return false;
        }
        oa = desc & mmu_oa_mask(lsb);
        if (oa >> w->oa_bits) {
            mmu_fault(f, ARM_FSC_ADDR_SIZE(level), w->stage2, fipa);
            return false;
        }
        if (!(desc & DESC_AF)) {
            mmu_fault(f, ARM_FSC_ACCESS_FLAG(level), w->stage2, fipa);
            return false;
        }
        out->desc = desc;
        out->oa = oa | mmu_bits(ia, 0, lsb);
        out->level = level;
        out->page_bits = lsb;
        return true;
    }
}

/* ------------------------------------------------------------------ */
/* Regimes and their walk parameters                                    */

/* The regime of @idx; false for the indexes hemu does not implement. */
static bool mmu_regime(CPUARMState *env, ARMMMUIdx idx, MMURegime *r)
{
    switch (idx) {
    case ARM_MMU_E10_0:
    case ARM_MMU_E10_1:
    case ARM_MMU_E10_1_PAN:
        r->el = 1;
        break;
    case ARM_MMU_E2:
        r->el = 2;
        break;
    case ARM_MMU_E3:
        r->el = 3;
        break;
    default:
        return false;
    }
    r->user = idx == ARM_MMU_E10_0;
    r->pan = idx == ARM_MMU_E10_1_PAN;
    r->sctlr = env->cp.sctlr_el[r->el];
    r->tcr = env->cp.tcr_el[r->el];
    return true;
}

/* Stage 2 of the EL1&0 regime: HCR_EL2.VM, or DC which implies it. */
static bool mmu_s2_enabled(CPUARMState *env, const MMURegime *r)
{
    return r->el == 1 && arm_el2_enabled(env) &&
           (env->cp.hcr_el2 & (MMU_HCR_VM | MMU_HCR_DC));
}

/* Stage 1: SCTLR_ELx.M, treated as 0 in EL1&0 by HCR_EL2.TGE and DC. */
static bool mmu_s1_enabled(CPUARMState *env, const MMURegime *r)
{
    if (r->el == 1 && arm_el2_enabled(env) &&
        (env->cp.hcr_el2 & (MMU_HCR_TGE | MMU_HCR_DC))) {
        return false;
    }
    return r->sctlr & MMU_SCTLR_M;
}

/* AddrTop(): the highest VA bit that takes part in translation. */
static unsigned mmu_addr_top(const MMURegime *r, uint64_t va)
{
    if (r->el == 1) {
        bool hi = (va >> 55) & 1;

        return r->tcr & (hi ? MMU_TCR_TBI1 : MMU_TCR_TBI0) ? 55 : 63;
    }
    return r->tcr & MMU_TCR_ELX_TBI ? 55 : 63;
}

/*
 * The stage 1 walk for @va: in EL1&0 TTBR0 or TTBR1 by VA bit 55, the
 * input range check with top-byte-ignore, EPDx.  These faults are at
 * level 0 (translation, or address size for a TTBR beyond the output
 * size).
 */
static bool mmu_s1_setup(CPUARMState *env, const MMURegime *r, uint64_t va,
                         MMUWalk *w, ARMFault *f)
{
    uint64_t tcr = r->tcr, ttbr, range;
    unsigned top = mmu_addr_top(r, va), txsz;
    bool hi = false, disabled = false;

    if (r->el == 1) {
        hi = (va >> 55) & 1;
        txsz = mmu_bits(tcr, hi ? 16 : 0, 6);
        w->gbits = mmu_granule(env, mmu_bits(tcr, hi ? 30 : 14, 2), hi);
        disabled = tcr & (hi ? MMU_TCR_EPD1 : MMU_TCR_EPD0);
        ttbr = hi ? env->cp.ttbr1_el[1] : env->cp.ttbr0_el[1];
        w->oa_bits = mmu_oa_bits(env, mmu_bits(tcr, 32, 3));
    } else {
        txsz = mmu_bits(tcr, 0, 6);
        w->gbits = mmu_granule(env, mmu_bits(tcr, 14, 2), false);
        ttbr = env->cp.ttbr0_el[r->el];
        w->oa_bits = mmu_oa_bits(env, mmu_bits(tcr, 16, 3));
    }
    w->inputsize = 64 - MIN(MAX(txsz, 16u), 39u);
    w->start_level = mmu_s1_start_level(w->inputsize, w->gbits);
    w->big_endian = r->sctlr & MMU_SCTLR_EE;
    w->stage2 = false;
    w->valid = true;
    range = mmu_bits(va, w->inputsize, top + 1 - w->inputsize);
    if (disabled ||
        range != (hi ? mmu_bits(UINT64_MAX, 0, top + 1 - w->inputsize) : 0)) {
        mmu_fault(f, ARM_FSC_TRANSLATION(0), false, 0);
        return false;
    }
    if ((ttbr & mmu_oa_mask(0)) >> w->oa_bits) {
        mmu_fault(f, ARM_FSC_ADDR_SIZE(0), false, 0);
        return false;
    }
    w->base = mmu_table_base(w, ttbr);
    return true;
}

/*
 * Stage 2 from VTCR_EL2/VTTBR_EL2.  The start level is SL0's (4K: 0 is
 * level 2, 1 level 1, 2 level 0; 16K/64K: 0 is level 3, 1 level 2, 2
 * level 1; 3 reserved); it must leave 1 to stride + 4 bits (up to 16
 * concatenated tables) to the first lookup, and the IPA size must not
 * exceed PAMax.  Otherwise @w is marked invalid.
 */
static void mmu_s2_setup(CPUARMState *env, MMUWalk *w)
{
    uint64_t vtcr = env->cp.vtcr_el2, vttbr = env->cp.vttbr_el2;
    unsigned sl0 = mmu_bits(vtcr, 6, 2), lsb;

    w->gbits = mmu_granule(env, mmu_bits(vtcr, 14, 2), false);
    w->inputsize = 64 - MIN(MAX((unsigned)mmu_bits(vtcr, 0, 6), 16u), 39u);
    w->oa_bits = mmu_oa_bits(env, mmu_bits(vtcr, 16, 3));
    w->big_endian = env->cp.sctlr_el[2] & MMU_SCTLR_EE;
    w->stage2 = true;
    w->s2 = NULL;
    w->valid = false;
    if (sl0 == 3 || w->inputsize > mmu_pamax(env)) {
        return;
    }
    w->start_level = (w->gbits == GRANULE_4K ? 2 : 3) - sl0;
    lsb = mmu_level_lsb(w->gbits, w->start_level);
    if (w->inputsize <= lsb || w->inputsize - lsb > w->gbits - 3 + 4) {
        return;
    }
    if ((vttbr & mmu_oa_mask(0)) >> w->oa_bits) {
        return;
    }
    w->base = mmu_table_base(w, vttbr);
    w->valid = true;
}

/* ------------------------------------------------------------------ */
/* Permissions                                                          */

/*
 * Stage 1 permissions (D8.4) of descriptor @d for the regime's accessor:
 * AP[2:1] with APTable, UXN/PXN (XN in EL2/EL3) with their table forms,
 * WXN, no EL1 execution of EL0-writable memory, and PAN for EL1 data
 * accesses to EL0-accessible memory.
 */
static int mmu_s1_prot(const MMURegime *r, const MMUDesc *d, bool ifetch)
{
    unsigned ap = mmu_bits(d->desc, 6, 2);      /* AP[2:1] */
    bool wxn = r->sctlr & MMU_SCTLR_WXN;
    bool rd, wr, xn;

    if (d->ap_table & 2) {
        ap |= 2;                                /* APTable[1]: read-only */
    }
    if (r->el != 1) {
        /* one privilege level: AP[1], APTable[0], PXN(Table) are RES1/0 */
        rd = true;
        wr = !(ap & 2);
        xn = (d->desc & DESC_XN) || d->xn_table || (wr && wxn);
    } else {
        bool uxn = (d->desc & DESC_XN) || d->xn_table;
        bool pxn = (d->desc & DESC_PXN) || d->pxn_table;
        bool ur, uw;

        if (d->ap_table & 1) {
            ap &= ~1u;                          /* APTable[0]: no EL0 */
        }
        ur = ap & 1;
        uw = ap == 1;
        if (r->user) {
            rd = ur;
            wr = uw;
            xn = uxn || (uw && wxn);
        } else {
            rd = true;
            wr = !(ap & 2);
            xn = pxn || uw || (wr && wxn);
            if (r->pan && ur && !ifetch) {
                rd = wr = false;
            }
        }
    }
    return (rd ? PAGE_READ : 0) | (wr ? PAGE_WRITE : 0) |
           (xn ? 0 : PAGE_EXEC);
}

/* Stage 2 permissions: S2AP[1:0] (bit 7 write, bit 6 read) and XN. */
static int mmu_s2_prot(const MMUDesc *d)
{
    return (d->desc & (UINT64_C(1) << 6) ? PAGE_READ : 0) |
           (d->desc & (UINT64_C(1) << 7) ? PAGE_WRITE : 0) |
           (d->desc & DESC_XN ? 0 : PAGE_EXEC);
}

/* The PAGE_* bit an access needs. */
static int mmu_access_prot(MMUAccessType access)
{
    switch (access) {
    case MMU_DATA_STORE:
        return PAGE_WRITE;
    case MMU_INST_FETCH:
        return PAGE_EXEC;
    default:
        return PAGE_READ;
    }
}

/* ------------------------------------------------------------------ */
/* Translation                                                          */

/*
 * Stage 1 disabled (AArch64.TranslateAddressS1Off): the identity, with
 * every permission, for addresses below PAMax (after top-byte-ignore);
 * above it, a level 0 address size fault.
 */
static bool mmu_s1_off(CPUARMState *env, const MMURegime *r, uint64_t va,
                       uint64_t *ipa, ARMFault *f)
{
    unsigned top = mmu_addr_top(r, va), pamax = mmu_pamax(env);

    if (mmu_bits(va, pamax, top + 1 - pamax)) {
        mmu_fault(f, ARM_FSC_ADDR_SIZE(0), false, 0);
        return false;
    }
    *ipa = mmu_bits(va, 0, pamax);
    return true;
}

/* Stage 1 with the MMU on: the walk, then the permission check. */
static bool mmu_s1_translate(CPUARMState *env, const MMURegime *r,
                             const MMUWalk *s2, uint64_t va,
                             MMUAccessType access, MMUDesc *d, int *prot,
                             ARMFault *f)
{
    MMUWalk w;

    if (!mmu_s1_setup(env, r, va, &w, f)) {
        return false;
    }
    w.s2 = s2;
    if (!mmu_walk(env, &w, mmu_bits(va, 0, w.inputsize), d, f)) {
        return false;
    }
    *prot = mmu_s1_prot(r, d, access == MMU_INST_FETCH);
    if (!(*prot & mmu_access_prot(access))) {
        mmu_fault(f, ARM_FSC_PERMISSION(d->level), false, 0);
        return false;
    }
    return true;
}

static void mmu_log(uint64_t va, ARMMMUIdx idx, MMUAccessType access,
                    const ARMTranslation *res, const ARMFault *f, bool ok)
{
    static const char acc[3] = { 'r', 'w', 'x' };

    if (ok) {
        log_printf("mmu: idx %d %c va 0x%016" PRIx64 " -> pa 0x%" PRIx64
                   " prot %c%c%c size 2^%u\n", idx, acc[access % 3], va,
                   (uint64_t)res->pa, res->prot & PAGE_READ ? 'r' : '-',
                   res->prot & PAGE_WRITE ? 'w' : '-',
                   res->prot & PAGE_EXEC ? 'x' : '-', res->page_bits);
    } else {
        log_printf("mmu: idx %d %c va 0x%016" PRIx64 " -> fault fsc 0x%02x"
                   "%s%s ipa 0x%" PRIx64 "\n", idx, acc[access % 3], va,
                   f->fsc, f->stage2 ? " stage 2" : " stage 1",
                   f->s1ptw ? " s1ptw" : "", f->ipa);
    }
}

static bool mmu_translate(CPUARMState *env, uint64_t va,
                          MMUAccessType access, ARMMMUIdx idx,
                          ARMTranslation *res, ARMFault *f)
{
    MMURegime r;
    MMUWalk s2;
    MMUDesc d;
    bool s2on;
    uint64_t ipa;
    int prot = PAGE_READ | PAGE_WRITE | PAGE_EXEC;

    res->attrs = MEMTXATTRS_UNSPECIFIED;
    /* banked device registers (GICv2 CPU interface) key on the vCPU */
    res->attrs.requester_id = (uint16_t)arm_env_cs(env)->cpu_index;
    res->page_bits = GRANULE_4K;
    if (idx == ARM_MMU_PHYS) {
        res->pa = va;
        res->prot = prot;
        return true;
    }
    if (!mmu_regime(env, idx, &r)) {
        log_mask(LOG_UNIMP, "mmu: MMU index %d (EL2&0 regime) is not "
                 "implemented\n", idx);
        mmu_fault(f, ARM_FSC_TRANSLATION(0), false, 0);
        return false;
    }
    res->attrs.user = r.user;
    /* Secure regimes: EL3, and EL1&0 while SCR_EL3.NS = 0 */
    res->attrs.secure = r.el == 3 ||
                        (r.el == 1 && arm_secure_below_el3(env));
    s2on = mmu_s2_enabled(env, &r);
    if (s2on) {
        mmu_s2_setup(env, &s2);
    }
    if (!mmu_s1_enabled(env, &r)) {
        if (!mmu_s1_off(env, &r, va, &ipa, f)) {
            return false;
        }
    } else {
        if (!mmu_s1_translate(env, &r, s2on ? &s2 : NULL, va, access, &d,
                              &prot, f)) {
            return false;
        }
        ipa = d.oa;
        res->page_bits = d.page_bits;
        if (d.ns_table || (d.desc & DESC_NS)) {
            res->attrs.secure = false;  /* NSTable/NS: Non-secure PA */
        }
    }
    if (s2on) {
        if (!mmu_s2_walk(env, &s2, ipa, &d, f)) {
            return false;
        }
        prot &= mmu_s2_prot(&d);
        if (!(prot & mmu_access_prot(access))) {
            mmu_fault(f, ARM_FSC_PERMISSION(d.level), true, ipa);
            return false;
        }
        ipa = d.oa;
        res->page_bits = MIN(res->page_bits, d.page_bits);
    }
    res->pa = ipa;
    res->prot = prot;
    return true;
}

bool arm_translate(CPUARMState *env, uint64_t va, MMUAccessType access,
                   ARMMMUIdx idx, ARMTranslation *res, ARMFault *fault)
{
    bool ok;

    fault->fsc = 0;
    fault->stage2 = fault->s1ptw = false;
    fault->ipa = 0;
    ok = mmu_translate(env, va, access, idx, res, fault);
    if (log_enabled(LOG_MMU)) {
        mmu_log(va, idx, access, res, fault, ok);
    }
    return ok;
}

/* ------------------------------------------------------------------ */
/* TargetArch hooks                                                     */

/*
 * TargetArch.debug_translate: the current regime at its privileged level
 * (a debugger reads what the kernel could, PAN aside), no log, no fault.
 */
bool arm_cpu_debug_translate(CPUState *cs, vaddr va, hwaddr *pa)
{
    CPUARMState *env = arm_env(cs);
    ARMMMUIdx idx = arm_mmu_idx(env);
    ARMTranslation res;
    ARMFault f = { 0 };

    if (idx == ARM_MMU_E10_0 || idx == ARM_MMU_E10_1_PAN) {
        idx = ARM_MMU_E10_1;
    }
    if (!mmu_translate(env, va, MMU_DATA_LOAD, idx, &res, &f)) {
        return false;
    }
    *pa = res.pa;               /* the full address, offset included */
    return true;
}

/*
 * The EL a stage 1 fault (or an alignment fault) in @idx is taken to:
 * the regime's EL, but at least where the current EL's synchronous
 * exceptions go (EL2 from EL0 with HCR_EL2.TGE).
 */
static unsigned mmu_fault_target_el(CPUARMState *env, ARMMMUIdx idx)
{
    return MAX(arm_mmu_idx_regime_el(idx), arm_exception_target_el(env));
}

static HEMU_NORETURN void mmu_raise_abort(CPUARMState *env, vaddr addr,
                                          MMUAccessType access,
                                          unsigned target_el,
                                          const ARMFault *f,
                                          uintptr_t retaddr)
{
    bool same_el = target_el == arm_current_el(env);
    uint32_t syn;

    env->exception.vaddress = addr;
    env->exception.ipa = f->stage2 ? f->ipa : 0;
    if (access == MMU_INST_FETCH) {
        syn = syn_insn_abort(same_el, f->s1ptw, f->fsc);
        arm_raise_exception(env, EXCP_PREFETCH_ABORT, syn, target_el,
                            retaddr);
    }
    /* a fault on the stage 1 walk is the walk's read: WnR = 0 */
    syn = syn_data_abort(same_el, f->s1ptw, false,
                         access == MMU_DATA_STORE && !f->s1ptw, f->fsc);
    arm_raise_exception(env, EXCP_DATA_ABORT, syn, target_el, retaddr);
}

bool arm_cpu_tlb_fill(CPUState *cs, vaddr addr, unsigned size,
                      MMUAccessType access, unsigned mmu_idx, bool probe,
                      uintptr_t retaddr)
{
    CPUARMState *env = arm_env(cs);
    ARMTranslation res;
    ARMFault f;
    uint64_t mask = (UINT64_C(1) << cs->tlb.page_bits) - 1;

    if (arm_translate(env, addr, access, mmu_idx, &res, &f)) {
        /* a block or large page enters one TLB page at a time */
        tlb_set_page_sized(cs, addr & ~mask, res.pa & ~mask, res.attrs,
                           res.prot, mmu_idx, res.page_bits);
        return true;
    }
    if (probe) {
        return false;
    }
    mmu_raise_abort(env, addr, access,
                    f.stage2 ? 2 : mmu_fault_target_el(env, mmu_idx), &f,
                    retaddr);
}

void arm_cpu_do_unaligned_access(CPUState *cs, vaddr addr,
                                 MMUAccessType access, unsigned mmu_idx,
                                 uintptr_t retaddr)
{
    CPUARMState *env = arm_env(cs);
    ARMFault f = { .fsc = ARM_FSC_ALIGNMENT };

    mmu_raise_abort(env, addr, access, mmu_fault_target_el(env, mmu_idx),
                    &f, retaddr);
}

/*
 * An access that reached nothing: a synchronous external abort, taken
 * to EL3 with SCR_EL3.EA, to EL2 from EL0/EL1 with HCR_EL2.TEA, else as
 * other synchronous exceptions.
 */
void arm_cpu_do_transaction_failed(CPUState *cs, hwaddr paddr, vaddr addr,
                                   MMUAccessType access, uintptr_t retaddr)
{
    CPUARMState *env = arm_env(cs);
    ARMFault f = { .fsc = ARM_FSC_SEA };
    unsigned target = arm_exception_target_el(env);

    if (arm_have_el3(env) && (env->cp.scr_el3 & MMU_SCR_EA)) {
        target = 3;
    } else if (target < 2 && arm_el2_enabled(env) &&
               (env->cp.hcr_el2 & MMU_HCR_TEA)) {
        target = 2;
    }
    log_mask(LOG_MMU, "mmu: external abort at va 0x%" PRIx64 " pa 0x%"
             PRIx64 "\n", (uint64_t)addr, (uint64_t)paddr);
    mmu_raise_abort(env, addr, access, target, &f, retaddr);
}
