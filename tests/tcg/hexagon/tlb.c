/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * tlb.c: the Hexagon software-managed TLB and the MMU in system mode.
 *
 * Entry 0 maps the first 16 MiB of DDR 1:1 (global, X/W/R/U), so the
 * image, the stacks and the vector table stay reachable once SYSCFG.MMUEN
 * is set.  The test then maps other virtual pages onto scratch physical
 * memory at 8 MiB (above the image) and checks:
 *  - data written through a 4 KiB and a 64 KiB mapping lands at the
 *    physical address the entry names (read back through the 1:1 view
 *    and with memw_phys);
 *  - TLB misses: a load (event 6, cause 0x70), a store (event 6, cause
 *    0x71) and a fetch (event 4, cause 0x60) from an unmapped page; BADVA
 *    = the data address, ELR = the faulting packet; the handler writes
 *    the missing entry and returns, and the packet is re-executed;
 *  - permissions in user mode (SSR.UM = 1): load / store on a supervisor
 *    page (U = 0: causes 0x24 / 0x25), store to a read-only page (0x23),
 *    fetch from a page without X (0x11), all precise (event 2, ELR = the
 *    packet); monitor mode ignores the permission bits;
 *  - ASIDs: two non-global entries for the same VA with ASIDs 5 and 6
 *    select different physical pages by SSR.ASID; ASID 7 misses;
 *    tlbinvasid drops only its ASID's entries;
 *  - tlbp (index, or bit 31 on a miss; honours ASID and page size),
 *    tlbr (the 64-bit entry as written), ctlbw and tlboc (index of an
 *    overlapping entry, or 0x80000000).
 *
 * Entry format (V6x System-Level Architecture, "Memory management";
 * /work/shared/reference/hexagon-system.md 1.9): high word V 31, G 30,
 * PA35 29, ATR 28:27, ASID 26:20, VPN 19:0 (VA[31:12]); low word X 31,
 * W 30, R 29, U 28, C 27:24, PPD 23:0 = (PA >> 11) | (1 << k) for a page
 * of 4 KiB * 4^k.  Causes: reference 1.7.
 */
#include "testlib.h"

#define HI_V        (1u << 31)
#define HI_G        (1u << 30)
#define LO_X        (1u << 31)
#define LO_W        (1u << 30)
#define LO_R        (1u << 29)
#define LO_U        (1u << 28)
#define LO_CWB      (7u << 24)      /* cacheable, write-back */
#define XWRU        (LO_X | LO_W | LO_R | LO_U)

#define SZ_4K       0               /* k: page = 4 KiB * 4^k */
#define SZ_64K      2
#define SZ_16M      6

#define SYSCFG_MMUEN 1u
#define SSR_ASID_SHIFT 8
#define TLB_MISS    0x80000000u

#define CAUSE_FETCH_NO_X 0x11
#define CAUSE_NO_W       0x23
#define CAUSE_NO_UR      0x24
#define CAUSE_NO_UW      0x25

/* Scratch physical memory: DDR at 8 MiB, inside the 1:1 window. */
#define PA_SCRATCH  0x00800000u
#define VA_4K       0x40000000u     /* -> PA_SCRATCH, 4 KiB */
#define VA_64K      0x40100000u     /* -> PA_SCRATCH + 64K, 64 KiB */
#define VA_RMISS    0x50000000u     /* unmapped until the read miss */
#define VA_WMISS    0x50400000u     /* unmapped until the write miss */
#define VA_XMISS    0x60000000u     /* unmapped until the fetch miss */
#define VA_NOX      0x61000000u     /* code page without X */
#define VA_SUPER    0x62000000u     /* U = 0 */
#define VA_RO       0x63000000u     /* R, no W */
#define VA_ASID     0x70000000u     /* ASID 5 and ASID 6 entries */

static uint32_t tlb_hi(uint32_t va, unsigned asid, bool global)
{
    return HI_V | (global ? HI_G : 0) | ((asid & 0x7f) << 20) | (va >> 12);
}

static uint32_t tlb_lo(uint32_t pa, unsigned k, uint32_t perm)
{
    return perm | LO_CWB | (pa >> 11) | (1u << k);
}

static uint64_t tlb_entry(uint32_t hi, uint32_t lo)
{
    return ((uint64_t)hi << 32) | lo;
}

static void tlbw(unsigned idx, uint64_t e)
{
    __asm__ volatile("tlbw(%0,%1)\n\tisync" : : "r"(e), "r"(idx) : "memory");
}

static uint64_t tlbr(unsigned idx)
{
    uint64_t e;

    __asm__ volatile("%0 = tlbr(%1)" : "=r"(e) : "r"(idx));
    return e;
}

static uint32_t tlbp(uint32_t hi)
{
    uint32_t r;

    __asm__ volatile("%0 = tlbp(%1)" : "=r"(r) : "r"(hi));
    return r;
}

static uint32_t ctlbw(uint64_t e, unsigned idx)
{
    uint32_t r;

    __asm__ volatile("%0 = ctlbw(%1,%2)\n\tisync"
                     : "=r"(r) : "r"(e), "r"(idx) : "memory");
    return r;
}

static uint32_t tlboc(uint64_t e)
{
    uint32_t r;

    __asm__ volatile("%0 = tlboc(%1)" : "=r"(r) : "r"(e));
    return r;
}

static uint32_t phys_read(uint32_t pa)
{
    uint32_t v;

    /* memw_phys: PA = (Rt << 11) + Rs[10:0] */
    __asm__ volatile("%0 = memw_phys(%1,%2)"
                     : "=r"(v) : "r"(pa & 0x7ff), "r"(pa >> 11) : "memory");
    return v;
}

static void set_asid(unsigned asid)
{
    uint32_t ssr = tl_read_reg(ssr);

    tl_write_reg(ssr, (ssr & ~(0x7fu << SSR_ASID_SHIFT)) |
                      (asid << SSR_ASID_SHIFT));
}

/* ---- what the handlers saw ------------------------------------------ */

struct seen {
    uint32_t event, cause, elr, badva, count;
};

static volatile struct seen seen;
static volatile uint64_t refill;        /* entry the miss handler writes */
static volatile uint32_t refill_idx;

static void record(struct tl_regs *r)
{
    seen.event = r->event;
    seen.cause = tl_ssr_cause(r->ssr);
    seen.elr = r->elr;
    seen.badva = r->badva;
    seen.count++;
}

/* Miss handler: record, write the missing entry, re-execute the packet. */
static void on_miss_refill(struct tl_regs *r)
{
    record(r);
    tlbw(refill_idx, refill);
}

/* Fault handler: record and skip the one-word faulting packet. */
static void on_fault_skip(struct tl_regs *r)
{
    record(r);
    r->elr += 4;
}

/*
 * Fetch fault on a call target: record, return to the caller (ELR = LR,
 * which the call wrote before the fetch of the target faulted) with
 * r0 = 0xfe7c4 as the "result".
 */
static void on_fetch_fault_return(struct tl_regs *r)
{
    record(r);
    r->r[0] = 0xfe7c4;
    r->elr = r->r[31];
}

/* trap1(#1) from user mode: back to monitor mode (SSR.UM = 0). */
static void on_trap1_to_monitor(struct tl_regs *r)
{
    r->ssr &= ~TL_SSR_UM;
}

static void clear_seen(void)
{
    seen.event = seen.cause = seen.elr = seen.badva = seen.count = 0;
}

/* ---- accesses whose packet address is known ------------------------- */

/* *va as one packet; *pkt = the packet's address. */
static uint32_t load_at(uint32_t va, uint32_t *pkt)
{
    uint32_t v = 0xdead, at;

    __asm__ volatile("%1 = ##1f\n\t"
                     "1: %0 = memw(%2)"
                     : "+r"(v), "=&r"(at) : "r"(va) : "memory");
    *pkt = at;
    return v;
}

static void store_at(uint32_t va, uint32_t val, uint32_t *pkt)
{
    uint32_t at;

    __asm__ volatile("%0 = ##1f\n\t"
                     "1: memw(%1) = %2"
                     : "=&r"(at) : "r"(va), "r"(val) : "memory");
    *pkt = at;
}

/*
 * A position-independent leaf function on its own 4 KiB page, so that
 * the page can be mapped at other virtual addresses and called there.
 */
__attribute__((noinline, aligned(4096)))
static uint32_t far_fn(uint32_t x)
{
    return x * 3 + 1;
}

static uint32_t call_at(uint32_t va, uint32_t x)
{
    uint32_t (*fn)(uint32_t) = (uint32_t (*)(uint32_t))(uintptr_t)va;

    return fn(x);
}

/* ---- user mode -------------------------------------------------------- */

static void enter_user(void)
{
    tl_write_reg(ssr, tl_read_reg(ssr) | TL_SSR_UM);
}

static void leave_user(void)
{
    __asm__ volatile("trap1(#1)" : : : "memory");
}

/* ---- the tests -------------------------------------------------------- */

static void setup_mmu(void)
{
    for (unsigned i = 0; i < 128; i++) {
        tlbw(i, 0);
    }
    tlbw(0, tlb_entry(tlb_hi(0, 0, true), tlb_lo(0, SZ_16M, XWRU)));
    tl_write_reg(syscfg, tl_read_reg(syscfg) | SYSCFG_MMUEN);
    tl_check_eq(tl_read_reg(syscfg) & SYSCFG_MMUEN, 1, "SYSCFG.MMUEN set");
}

static void test_mapping(void)
{
    volatile uint32_t *v4k = (volatile uint32_t *)VA_4K;
    volatile uint32_t *v64k = (volatile uint32_t *)VA_64K;
    volatile uint32_t *phys = (volatile uint32_t *)PA_SCRATCH; /* 1:1 */

    tlbw(1, tlb_entry(tlb_hi(VA_4K, 0, true),
                      tlb_lo(PA_SCRATCH, SZ_4K, XWRU)));
    tlbw(2, tlb_entry(tlb_hi(VA_64K, 0, true),
                      tlb_lo(PA_SCRATCH + 0x10000, SZ_64K, XWRU)));
    phys[4] = 0x11111111;
    v4k[4] = 0xcafe0010;            /* VA 0x40000010 -> PA 0x00800010 */
    tl_check_eq(phys[4], 0xcafe0010, "4K page: store lands at its PA");
    tl_check_eq(phys_read(PA_SCRATCH + 0x10), 0xcafe0010,
                "4K page: memw_phys sees it");
    /* VA 0x4010abc0 -> PA 0x00810000 + 0xabc0 = 0x0081abc0 */
    v64k[0xabc0 / 4] = 0x64646464;
    tl_check_eq(phys_read(PA_SCRATCH + 0x1abc0), 0x64646464,
                "64K page: offset 0xabc0 kept");
    tl_check_eq(phys[(0x1abc0) / 4], 0x64646464, "64K page: 1:1 view");
}

static void test_misses(void)
{
    volatile uint32_t *phys = (volatile uint32_t *)PA_SCRATCH;
    uint32_t pkt, v;
    uint32_t fn_pa = (uint32_t)(uintptr_t)far_fn;

    tl_set_event_handler(TL_EV_TLBMISS_RW, on_miss_refill);
    tl_set_event_handler(TL_EV_TLBMISS_X, on_miss_refill);

    /* read miss: refill maps VA_RMISS -> PA_SCRATCH + 0x3000 */
    phys[0x3000 / 4 + 9] = 0x7e57da7a;
    refill_idx = 3;
    refill = tlb_entry(tlb_hi(VA_RMISS, 0, true),
                       tlb_lo(PA_SCRATCH + 0x3000, SZ_4K, XWRU));
    clear_seen();
    v = load_at(VA_RMISS + 0x24, &pkt);
    tl_check_eq(seen.count, 1, "read miss: one event");
    tl_check_eq(seen.event, TL_EV_TLBMISS_RW, "read miss: event 6");
    tl_check_eq(seen.cause, TL_CAUSE_TLBMISS_READ, "read miss: cause 0x70");
    tl_check_eq(seen.badva, VA_RMISS + 0x24, "read miss: BADVA");
    tl_check_eq(seen.elr, pkt, "read miss: ELR = the load packet");
    tl_check_eq(v, 0x7e57da7a, "read miss: re-executed load after refill");

    /* write miss: refill maps VA_WMISS -> PA_SCRATCH + 0x4000 */
    refill_idx = 4;
    refill = tlb_entry(tlb_hi(VA_WMISS, 0, true),
                       tlb_lo(PA_SCRATCH + 0x4000, SZ_4K, XWRU));
    clear_seen();
    store_at(VA_WMISS + 0x108, 0x51070000, &pkt);
    tl_check_eq(seen.count, 1, "write miss: one event");
    tl_check_eq(seen.event, TL_EV_TLBMISS_RW, "write miss: event 6");
    tl_check_eq(seen.cause, TL_CAUSE_TLBMISS_WRITE, "write miss: cause 0x71");
    tl_check_eq(seen.badva, VA_WMISS + 0x108, "write miss: BADVA");
    tl_check_eq(seen.elr, pkt, "write miss: ELR = the store packet");
    tl_check_eq(phys[(0x4000 + 0x108) / 4], 0x51070000,
                "write miss: re-executed store after refill");

    /* fetch miss: refill maps VA_XMISS -> the page of far_fn */
    refill_idx = 5;
    refill = tlb_entry(tlb_hi(VA_XMISS, 0, true),
                       tlb_lo(fn_pa, SZ_4K, XWRU));
    clear_seen();
    v = call_at(VA_XMISS, 10);
    tl_check_eq(seen.count, 1, "fetch miss: one event");
    tl_check_eq(seen.event, TL_EV_TLBMISS_X, "fetch miss: event 4");
    tl_check_eq(seen.cause, TL_CAUSE_TLBMISS_X, "fetch miss: cause 0x60");
    tl_check_eq(seen.elr, VA_XMISS, "fetch miss: ELR = the target packet");
    tl_check_eq(v, 31, "fetch miss: far_fn(10) = 10 * 3 + 1 at its alias");

    /* mapped now: no more events */
    clear_seen();
    tl_check_eq(call_at(VA_XMISS, 1), 4, "alias call after refill");
    tl_check_eq(load_at(VA_RMISS + 0x24, &pkt), 0x7e57da7a, "mapped read");
    tl_check_eq(seen.count, 0, "no event once mapped");
    tl_set_event_handler(TL_EV_TLBMISS_RW, NULL);
    tl_set_event_handler(TL_EV_TLBMISS_X, NULL);
}

static void test_permissions(void)
{
    volatile uint32_t *phys = (volatile uint32_t *)PA_SCRATCH;
    uint32_t fn_pa = (uint32_t)(uintptr_t)far_fn;
    uint32_t pkt_ur, pkt_uw, pkt_ro, v_ur, v_nox;
    struct seen s_ur, s_uw, s_ro, s_nox;
    uint32_t pkt;

    tlbw(6, tlb_entry(tlb_hi(VA_SUPER, 0, true),
                      tlb_lo(PA_SCRATCH + 0x5000, SZ_4K, LO_R | LO_W)));
    tlbw(7, tlb_entry(tlb_hi(VA_RO, 0, true),
                      tlb_lo(PA_SCRATCH + 0x6000, SZ_4K, LO_R | LO_U)));
    tlbw(8, tlb_entry(tlb_hi(VA_NOX, 0, true),
                      tlb_lo(fn_pa, SZ_4K, LO_R | LO_W | LO_U)));
    phys[0x5000 / 4] = 0x5e5e5e5e;
    phys[0x6000 / 4] = 0x0f0f0f0f;

    /* monitor mode ignores the permission bits */
    tl_check_eq(load_at(VA_SUPER, &pkt), 0x5e5e5e5e, "monitor reads U=0");
    store_at(VA_RO + 4, 0x12345678, &pkt);
    tl_check_eq(phys[0x6004 / 4], 0x12345678, "monitor writes a R-only page");
    tl_check_eq(call_at(VA_NOX, 2), 7, "monitor executes an X=0 page");

    tl_set_event_handler(TL_EV_ERROR, on_fault_skip);
    tl_set_event_handler(TL_EV_TRAP1, on_trap1_to_monitor);
    clear_seen();
    enter_user();
    v_ur = load_at(VA_SUPER, &pkt_ur);
    s_ur = seen;
    store_at(VA_SUPER + 8, 0xbad, &pkt_uw);
    s_uw = seen;
    store_at(VA_RO, 0xbad, &pkt_ro);
    s_ro = seen;
    leave_user();
    tl_check_eq(tl_read_reg(ssr) & TL_SSR_UM, 0, "back in monitor mode");

    tl_set_event_handler(TL_EV_ERROR, NULL);
    tl_check_eq(s_ur.count, 1, "user read of U=0: one event");
    tl_check_eq(s_ur.event, TL_EV_ERROR, "user read of U=0: event 2");
    tl_check_eq(s_ur.cause, CAUSE_NO_UR, "user read of U=0: cause 0x24");
    tl_check_eq(s_ur.badva, VA_SUPER, "user read of U=0: BADVA");
    tl_check_eq(s_ur.elr, pkt_ur, "user read of U=0: ELR = packet");
    tl_check_eq(v_ur, 0xdead, "user read of U=0: no value loaded");
    tl_check_eq(s_uw.count, 2, "user write of U=0: one event");
    tl_check_eq(s_uw.cause, CAUSE_NO_UW, "user write of U=0: cause 0x25");
    tl_check_eq(s_uw.badva, VA_SUPER + 8, "user write of U=0: BADVA");
    tl_check_eq(s_uw.elr, pkt_uw, "user write of U=0: ELR = packet");
    tl_check_eq(phys[0x5008 / 4], 0, "user write of U=0: nothing stored");
    tl_check_eq(s_ro.count, 3, "user write of R-only: one event");
    tl_check_eq(s_ro.cause, CAUSE_NO_W, "user write of R-only: cause 0x23");
    tl_check_eq(s_ro.badva, VA_RO, "user write of R-only: BADVA");
    tl_check_eq(s_ro.elr, pkt_ro, "user write of R-only: ELR = packet");
    tl_check_eq(phys[0x6000 / 4], 0x0f0f0f0f, "R-only page unchanged");

    /* user fetch from an X=0 page: record and return to the caller */
    tl_set_event_handler(TL_EV_ERROR, on_fetch_fault_return);
    clear_seen();
    enter_user();
    v_nox = call_at(VA_NOX, 5);
    s_nox = seen;
    leave_user();
    tl_set_event_handler(TL_EV_ERROR, NULL);
    tl_set_event_handler(TL_EV_TRAP1, NULL);
    tl_check_eq(s_nox.count, 1, "user fetch of X=0: one event");
    tl_check_eq(s_nox.event, TL_EV_ERROR, "user fetch of X=0: event 2");
    tl_check_eq(s_nox.cause, CAUSE_FETCH_NO_X, "user fetch of X=0: 0x11");
    tl_check_eq(s_nox.elr, VA_NOX, "user fetch of X=0: ELR = target");
    tl_check_eq(v_nox, 0xfe7c4, "user fetch of X=0: handler's r0");
}

static void test_asids(void)
{
    volatile uint32_t *phys = (volatile uint32_t *)PA_SCRATCH;
    uint32_t pkt, v5, v6, v7;
    struct seen s7, s5;

    phys[0x7000 / 4] = 0xa5a5a5a5;
    phys[0x8000 / 4] = 0xa6a6a6a6;
    tlbw(10, tlb_entry(tlb_hi(VA_ASID, 5, false),
                       tlb_lo(PA_SCRATCH + 0x7000, SZ_4K, XWRU)));
    tlbw(11, tlb_entry(tlb_hi(VA_ASID, 6, false),
                       tlb_lo(PA_SCRATCH + 0x8000, SZ_4K, XWRU)));
    tl_set_event_handler(TL_EV_TLBMISS_RW, on_fault_skip);
    clear_seen();
    set_asid(5);
    v5 = load_at(VA_ASID, &pkt);
    set_asid(6);
    v6 = load_at(VA_ASID, &pkt);
    set_asid(7);
    v7 = load_at(VA_ASID, &pkt);
    s7 = seen;
    set_asid(0);
    tl_check_eq(v5, 0xa5a5a5a5, "ASID 5 selects its entry");
    tl_check_eq(v6, 0xa6a6a6a6, "ASID 6 selects its entry");
    tl_check_eq(v7, 0xdead, "ASID 7: no value");
    tl_check_eq(s7.count, 1, "ASID 7: one miss");
    tl_check_eq(s7.cause, TL_CAUSE_TLBMISS_READ, "ASID 7: read miss");
    tl_check_eq(s7.badva, VA_ASID, "ASID 7: BADVA");

    /* tlbp: hi-word format (ASID 26:20, VPN 19:0) */
    tl_check_eq(tlbp((5u << 20) | (VA_ASID >> 12)), 10, "tlbp ASID 5");
    tl_check_eq(tlbp((6u << 20) | (VA_ASID >> 12)), 11, "tlbp ASID 6");
    tl_check_eq(tlbp((7u << 20) | (VA_ASID >> 12)) & TLB_MISS, TLB_MISS,
                "tlbp ASID 7 misses (bit 31)");
    tl_check_eq(tlbp((7u << 20) | (VA_4K >> 12)), 1,
                "tlbp global entry, any ASID");
    /* VA 0x4010a000 lies in the 64 KiB page of entry 2 */
    tl_check_eq(tlbp(0x4010a000u >> 12), 2, "tlbp inside a 64K page");
    tl_check_eq(tlbp(0x4011a000u >> 12) & TLB_MISS, TLB_MISS,
                "tlbp past the 64K page misses");
    tl_check_eq(tlbr(11), tlb_entry(tlb_hi(VA_ASID, 6, false),
                                    tlb_lo(PA_SCRATCH + 0x8000, SZ_4K, XWRU)),
                "tlbr returns the entry written");

    /* tlbinvasid(ASID 5 in bits 26:20): only entry 10 goes */
    __asm__ volatile("tlbinvasid(%0)\n\tisync" : : "r"(5u << 20) : "memory");
    tl_check_eq(tlbp((5u << 20) | (VA_ASID >> 12)) & TLB_MISS, TLB_MISS,
                "tlbinvasid dropped ASID 5");
    tl_check_eq(tlbp((6u << 20) | (VA_ASID >> 12)), 11,
                "tlbinvasid kept ASID 6");
    tl_check_eq(tlbp(VA_4K >> 12), 1, "tlbinvasid kept global entries");
    clear_seen();
    set_asid(5);
    load_at(VA_ASID, &pkt);
    s5 = seen;
    set_asid(0);
    tl_check_eq(s5.count, 1, "ASID 5 misses after tlbinvasid");
    tl_set_event_handler(TL_EV_TLBMISS_RW, NULL);
}

static void test_ctlbw_tlboc(void)
{
    /* overlaps entry 1 (VA_4K, global) */
    uint64_t clash = tlb_entry(tlb_hi(VA_4K, 3, false),
                               tlb_lo(PA_SCRATCH + 0x9000, SZ_4K, XWRU));
    uint64_t fresh = tlb_entry(tlb_hi(0x48000000u, 3, false),
                               tlb_lo(PA_SCRATCH + 0x9000, SZ_4K, XWRU));

    tl_check_eq(tlboc(clash), 1, "tlboc finds the overlapping entry");
    tl_check_eq(tlboc(fresh), TLB_MISS, "tlboc: no overlap");
    tl_check_eq(ctlbw(clash, 20), 1, "ctlbw refuses an overlap");
    tl_check_eq(tlbr(20), 0, "ctlbw wrote nothing");
    tl_check_eq(ctlbw(fresh, 20), TLB_MISS, "ctlbw writes when free");
    tl_check_eq(tlbr(20), fresh, "ctlbw wrote the entry");
}

int main(void)
{
    setup_mmu();
    test_mapping();
    test_misses();
    test_permissions();
    test_asids();
    test_ctlbw_tlboc();
    tl_write_reg(syscfg, tl_read_reg(syscfg) & ~SYSCFG_MMUEN);
    return tl_done();
}
