/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The Hexagon MMU: the software-managed TLB shared by the threads of a
 * core (64-bit entries written by tlbw/ctlbw, read by tlbr, searched by
 * tlbp/tlboc), translation with page sizes 4 KiB-16 MiB, ASIDs, global
 * entries and the X/W/R/U permission bits, and the events a miss or a
 * permission fault raises (TLB miss X: event 4, cause 0x60; TLB miss RW:
 * event 6, causes 0x70/0x71; permissions: precise event 2 with causes
 * 0x11/0x12/0x22-0x25; misaligned data: 0x20/0x21).  The hardware walks
 * no page table (V6x).
 *
 * Entry layout (reference 1.9): V 63, G 62, PA35 61, ATR 60:59, ASID
 * 58:52, VPN 51:32 (VA[31:12]) | X 31, W 30, R 29, U 28, C 27:24,
 * PPD 23:0 where the lowest set bit k of PPD gives the size 4K * 4^k and
 * PPD[23:k+1] the physical page.
 * Spec: V6x System-Level Architecture, "Memory management".
 */
#include "translate.h"
#include "exec/cputlb.h"
#include "util/log.h"

#define TLB_V (UINT64_C(1) << 63)
#define TLB_G (UINT64_C(1) << 62)
#define TLB_PA35 (UINT64_C(1) << 61)
#define TLB_X (1u << 31)
#define TLB_W (1u << 30)
#define TLB_R (1u << 29)
#define TLB_U (1u << 28)

/* log2 of the page size of @e in 4 KiB pages times 2 (0 for 4 KiB). */
static unsigned tlb_size_shift(uint64_t e)
{
    uint32_t ppd = (uint32_t)e & 0x7f;

    return ppd ? 2 * __builtin_ctz(ppd) : 0;
}

/* First and last virtual page number (4 KiB units) of @e. */
static void tlb_vpn_range(uint64_t e, uint32_t *first, uint32_t *last)
{
    unsigned s = tlb_size_shift(e);
    uint32_t vpn = (uint32_t)(e >> 32) & 0xfffff;

    *first = vpn & ~((1u << s) - 1);
    *last = *first + (1u << s) - 1;
}

static unsigned tlb_asid(uint64_t e)
{
    return (unsigned)(e >> 52) & 0x7f;
}

/* Physical address of virtual page @vpn (4 KiB units) under @e. */
static hwaddr tlb_paddr(uint64_t e, uint32_t vpn)
{
    unsigned s = tlb_size_shift(e);
    uint32_t ppd = (uint32_t)e & 0xffffff;
    hwaddr pa = (hwaddr)(ppd & ~((2u << (s / 2)) - 1)) << 11;

    if (e & TLB_PA35) {
        pa |= (hwaddr)1 << 35;
    }
    return pa + ((hwaddr)(vpn & ((1u << s) - 1)) << 12);
}

/* Index of the entry matching @vpn in @asid, or -1. */
static int tlb_lookup(HexagonShared *sh, uint32_t vpn, unsigned asid)
{
    for (int i = 0; i < HEX_TLB_ENTRIES; i++) {
        uint64_t e = sh->tlb[i];
        uint32_t first, last;

        if (!(e & TLB_V) || (!(e & TLB_G) && tlb_asid(e) != asid)) {
            continue;
        }
        tlb_vpn_range(e, &first, &last);
        if (vpn >= first && vpn <= last) {
            return i;
        }
    }
    return -1;
}

/* Raise a data fault from a TLB fill: BADVA and the event. */
static void hex_mmu_fault(CPUHexagonState *env, vaddr addr, unsigned event,
                          unsigned cause, uintptr_t retaddr)
{
    env->sreg[HEX_SREG_BADVA] = (uint32_t)addr;
    env->sreg[HEX_SREG_BADVA0] = (uint32_t)addr;
    env->sreg[HEX_SREG_SSR] &= ~HEX_SSR_BVS;
    log_mask(LOG_MMU, "hexagon: fault at 0x%08x event %u cause 0x%02x\n",
             (uint32_t)addr, event, cause);
    hex_raise_event(env, event, cause, retaddr);
}

/* The cause of a permission fault for @access in @mmu_idx, or 0. */
static unsigned tlb_perm_cause(uint64_t e, MMUAccessType access,
                               unsigned mmu_idx)
{
    uint32_t lo = (uint32_t)e;
    bool user = mmu_idx == HEX_MMU_USER;

    if (mmu_idx == HEX_MMU_MONITOR) {
        return 0;               /* monitor ignores the permission bits */
    }
    switch (access) {
    case MMU_INST_FETCH:
        return !(lo & TLB_X) ? HEX_CAUSE_FETCH_NO_X
             : user && !(lo & TLB_U) ? HEX_CAUSE_FETCH_NO_U : 0;
    case MMU_DATA_LOAD:
        return !(lo & TLB_R) ? HEX_CAUSE_NO_R
             : user && !(lo & TLB_U) ? HEX_CAUSE_NO_UR : 0;
    default:
        return !(lo & TLB_W) ? HEX_CAUSE_NO_W
             : user && !(lo & TLB_U) ? HEX_CAUSE_NO_UW : 0;
    }
}

bool hex_mmu_translate(CPUHexagonState *env, vaddr addr,
                       MMUAccessType access, unsigned mmu_idx,
                       HexTranslation *out)
{
    HexagonShared *sh = env->shared;
    uint32_t vpn = (uint32_t)(addr >> 12) & 0xfffff;
    unsigned asid = (env->sreg[HEX_SREG_SSR] & HEX_SSR_ASID_MASK) >>
                    HEX_SSR_ASID_SHIFT;
    uint64_t e;
    int i;

    memset(out, 0, sizeof(*out));
    addr &= UINT32_MAX;
    if (mmu_idx == HEX_MMU_PHYS ||
        !(sh->sreg[HEX_SREG_SYSCFG] & HEX_SYSCFG_MMUEN)) {
        out->paddr = addr & ~(hwaddr)0xfff;
        out->prot = PAGE_READ | PAGE_WRITE | PAGE_EXEC;
        out->size_bits = 12;
        return true;
    }
    g_mutex_lock(&sh->lock);
    i = tlb_lookup(sh, vpn, asid);
    e = i >= 0 ? sh->tlb[i] : 0;
    g_mutex_unlock(&sh->lock);
    if (i < 0) {
        if (access == MMU_INST_FETCH) {
            out->event = HEX_EVENT_TLBMISS_X;
            out->cause = HEX_CAUSE_TLBMISS_X;
        } else {
            out->event = HEX_EVENT_TLBMISS_RW;
            out->cause = access == MMU_DATA_STORE ? HEX_CAUSE_TLBMISS_W
                                                  : HEX_CAUSE_TLBMISS_R;
        }
        return false;
    }
    out->cause = tlb_perm_cause(e, access, mmu_idx);
    if (out->cause) {
        out->event = HEX_EVENT_PRECISE;
        return false;
    }
    out->prot = PAGE_READ | PAGE_WRITE | PAGE_EXEC;
    if (mmu_idx != HEX_MMU_MONITOR) {
        out->prot = ((uint32_t)e & TLB_R ? PAGE_READ : 0) |
                    ((uint32_t)e & TLB_W ? PAGE_WRITE : 0) |
                    ((uint32_t)e & TLB_X ? PAGE_EXEC : 0);
        if (mmu_idx == HEX_MMU_USER && !((uint32_t)e & TLB_U)) {
            out->prot = 0;
        }
    }
    out->paddr = tlb_paddr(e, vpn);
    out->size_bits = 12 + tlb_size_shift(e);
    return true;
}

bool hex_cpu_tlb_fill(CPUState *cs, vaddr addr, unsigned size,
                      MMUAccessType access, unsigned mmu_idx, bool probe,
                      uintptr_t retaddr)
{
    CPUHexagonState *env = hex_env(cs);
    HexTranslation t;

    addr &= UINT32_MAX;
    if (!hex_mmu_translate(env, addr, access, mmu_idx, &t)) {
        if (probe) {
            return false;
        }
        hex_mmu_fault(env, addr, t.event, t.cause, retaddr);
    }
    if (t.size_bits > 12) {
        tlb_set_page_sized(cs, addr & ~(vaddr)0xfff, t.paddr,
                           MEMTXATTRS_UNSPECIFIED, t.prot, mmu_idx,
                           t.size_bits);
    } else {
        tlb_set_page(cs, addr & ~(vaddr)0xfff, t.paddr,
                     MEMTXATTRS_UNSPECIFIED, t.prot, mmu_idx);
    }
    return true;
}

/* Raise a fetch fault found at translation time (BADVA = @addr). */
static void helper_fetch_fault(void *envp, uint32_t event, uint32_t cause,
                               uint32_t addr)
{
    hex_mmu_fault(envp, addr, event, cause, GETPC());
}

const TCGHelperInfo hex_helper_fetch_fault_info = {
    .func = (const void *)helper_fetch_fault, .name = "fetch_fault",
    .flags = TCG_CALL_MAY_RAISE | TCG_CALL_NO_WRITE_GLOBALS, .nb_args = 4,
    .ret = TCG_CALL_VOID,
    .args = { TCG_CALL_PTR, TCG_CALL_I32, TCG_CALL_I32, TCG_CALL_I32 },
};

void hex_cpu_do_unaligned_access(CPUState *cs, vaddr addr,
                                 MMUAccessType access, unsigned mmu_idx,
                                 uintptr_t retaddr)
{
    hex_mmu_fault(hex_env(cs), addr, HEX_EVENT_PRECISE,
                  access == MMU_DATA_STORE ? HEX_CAUSE_MISALIGNED_STORE
                                           : HEX_CAUSE_MISALIGNED_LOAD,
                  retaddr);
}

/* ------------------------------------------------------------------ */
/* TLB instructions                                                     */

/* Index of a valid entry other than @skip overlapping @e, or -1. */
static int tlb_overlap(HexagonShared *sh, uint64_t e, int skip)
{
    uint32_t f, l;

    tlb_vpn_range(e, &f, &l);
    for (int i = 0; i < HEX_TLB_ENTRIES; i++) {
        uint64_t o = sh->tlb[i];
        uint32_t of, ol;

        if (i == skip || !(o & TLB_V)) {
            continue;
        }
        if (!(o & TLB_G) && !(e & TLB_G) && tlb_asid(o) != tlb_asid(e)) {
            continue;
        }
        tlb_vpn_range(o, &of, &ol);
        if (of <= l && f <= ol) {
            return i;
        }
    }
    return -1;
}

/* Helper of tlbw/tlbr/tlbp/ctlbw/tlboc; see HEX_TLB_*. */
static uint64_t helper_tlb(void *envp, uint32_t op, uint64_t entry,
                           uint32_t arg)
{
    CPUHexagonState *env = envp;
    HexagonShared *sh = env->shared;
    CPUState *cs = &hex_env_cpu(env)->parent_obj;
    uint64_t ret = 0;
    bool flush = false;
    int i;

    g_mutex_lock(&sh->lock);
    switch (op) {
    case HEX_TLB_W:
        sh->tlb[arg % HEX_TLB_ENTRIES] = entry;
        flush = true;
        break;
    case HEX_TLB_R:
        ret = sh->tlb[arg % HEX_TLB_ENTRIES];
        break;
    case HEX_TLB_P:
        /* probe with the high-word format: ASID 26:20, VPN 19:0 */
        i = tlb_lookup(sh, arg & 0xfffff, (arg >> 20) & 0x7f);
        ret = i >= 0 ? (uint32_t)i : 0x80000000u;
        break;
    case HEX_TLB_CTLBW:
        i = tlb_overlap(sh, entry, -1);
        if (i >= 0) {
            ret = (uint32_t)i;
        } else {
            sh->tlb[arg % HEX_TLB_ENTRIES] = entry;
            ret = 0x80000000u;
            flush = true;
        }
        break;
    case HEX_TLB_OC:
        i = tlb_overlap(sh, entry, -1);
        ret = i >= 0 ? (uint32_t)i : 0x80000000u;
        break;
    default:
        break;
    }
    g_mutex_unlock(&sh->lock);
    if (flush) {
        tlb_flush_all_cpus(cs, UINT32_MAX);
    }
    return ret;
}

const TCGHelperInfo hex_helper_tlb_info = {
    .func = (const void *)helper_tlb, .name = "tlb",
    .flags = TCG_CALL_NO_RWG, .nb_args = 4, .ret = TCG_CALL_I64,
    .args = { TCG_CALL_PTR, TCG_CALL_I32, TCG_CALL_I64, TCG_CALL_I32 },
};

/* tlbinvasid(Rs): drop the non-global entries of ASID Rs[26:20]. */
void hex_tlb_invalidate_asid(CPUHexagonState *env, uint32_t rs)
{
    HexagonShared *sh = env->shared;

    g_mutex_lock(&sh->lock);
    for (int i = 0; i < HEX_TLB_ENTRIES; i++) {
        uint64_t e = sh->tlb[i];

        if ((e & TLB_V) && !(e & TLB_G) && tlb_asid(e) == ((rs >> 20) & 0x7f)) {
            sh->tlb[i] = e & ~TLB_V;
        }
    }
    g_mutex_unlock(&sh->lock);
    tlb_flush_all_cpus(&hex_env_cpu(env)->parent_obj, UINT32_MAX);
}
