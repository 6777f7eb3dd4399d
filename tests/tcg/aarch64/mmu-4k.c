/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * mmu-4k: the VMSAv8-64 stage 1 walk of the EL1&0 regime with the 4 KiB
 * granule, tables built at run time.  TCR_EL1: T0SZ = T1SZ = 25 (39-bit
 * VA ranges, so the walk starts at level 1: 39 - 12 = 27 bits = 3 levels
 * of 9), TG0 = 4K (0b00), TG1 = 4K (0b10), IPS = 40 bits.
 *
 * TTBR0 map (index of level 1 = VA[38:30], level 2 = VA[29:21], level 3
 * = VA[20:12]):
 *   0x40000000 + 2 MiB  L1[1] -> L2a[0] -> L3a: 4K pages, identity (the
 *                       image, its stack and these tables live here)
 *   0x40200000..        L2a[1..63]: 2 MiB blocks, identity
 *   0x50000000          L2a[128] -> L3b: [0] read/write page aliasing
 *                       `alias`, [1] read-only page aliasing `ro_page`,
 *                       [2] invalid, [3] AF = 0 aliasing `alias`
 *   0x50200000          L2a[129]: 2 MiB block aliasing PA 0x40000000
 *   0x50400000          L2a[130]: invalid (level 2 fault)
 *   0x80000000          L1[2]: invalid (level 1 fault)
 *   0xC0000000          L1[3]: 1 GiB block aliasing PA 0x40000000
 * TTBR1: 0xFFFFFF8000000000 (VA[63:39] all ones, L1h[0]) is a 1 GiB
 * block aliasing PA 0x40000000.
 *
 * Expected syndromes from the Arm ARM (DDI 0487, D17.2.37 ESR_ELx): a
 * data abort taken to EL1 from EL1 is EC 0x25, IL = 1, ISS.WnR bit 6,
 * DFSC [5:0] = translation 0b0001LL, access flag 0b0010LL, permission
 * 0b0011LL (LL = level).  So 0x96000000 | WnR | DFSC.  FAR_EL1 = the VA.
 */
#include "testlib.h"

/* Descriptor bits (D8.3): valid, table/page, AF, SH inner, AP[2:1]. */
#define D_VALID   1ull
#define D_TABLE   3ull
#define D_BLOCK   1ull
#define D_PAGE    3ull
#define D_AF      (1ull << 10)
#define D_SH_IS   (3ull << 8)
#define D_AP_RO   (2ull << 6)       /* AP[2:1] = 0b10: EL1 read-only */
#define D_NORMAL  (D_AF | D_SH_IS)  /* AttrIndx 0: MAIR attr0 */

#define ESR_DABT(wnr, dfsc) (0x96000000ull | ((wnr) ? 0x40u : 0) | (dfsc))

static uint64_t l1[512] __attribute__((aligned(4096)));
static uint64_t l1h[512] __attribute__((aligned(4096)));
static uint64_t l2a[512] __attribute__((aligned(4096)));
static uint64_t l3a[512] __attribute__((aligned(4096)));
static uint64_t l3b[512] __attribute__((aligned(4096)));
static volatile uint64_t alias[512] __attribute__((aligned(4096)));
static volatile uint64_t ro_page[512] __attribute__((aligned(4096)));

static volatile uint64_t fault_esr, fault_far;
static volatile unsigned n_faults;

static void on_sync(struct tl_regs *r)
{
    fault_esr = r->esr;
    fault_far = r->far;
    n_faults++;
    r->elr += 4;
}

/* A load / store whose fault is skipped; returns the value or ~0. */
static uint64_t load(uint64_t va)
{
    uint64_t v = ~0ull;

    __asm__ volatile("ldr %0, [%1]" : "+r"(v) : "r"(va) : "memory");
    return v;
}

static void store(uint64_t va, uint64_t v)
{
    __asm__ volatile("str %0, [%1]" :: "r"(v), "r"(va) : "memory");
}

static void fault_reset(void)
{
    n_faults = 0;
    fault_esr = fault_far = 0;
}

static void build_tables(void)
{
    uint64_t ram = 0x40000000ull;

    l1[1] = (uint64_t)l2a | D_TABLE;
    l1[3] = ram | D_NORMAL | D_BLOCK;               /* 1 GiB block */
    l1h[0] = ram | D_NORMAL | D_BLOCK;
    l2a[0] = (uint64_t)l3a | D_TABLE;
    for (unsigned i = 0; i < 512; i++) {
        l3a[i] = (ram + i * 4096ull) | D_NORMAL | D_PAGE;
    }
    for (unsigned i = 1; i < 64; i++) {
        l2a[i] = (ram + i * 0x200000ull) | D_NORMAL | D_BLOCK;
    }
    l2a[128] = (uint64_t)l3b | D_TABLE;
    l2a[129] = ram | D_NORMAL | D_BLOCK;            /* 2 MiB block */
    l3b[0] = (uint64_t)alias | D_NORMAL | D_PAGE;
    l3b[1] = (uint64_t)ro_page | D_NORMAL | D_AP_RO | D_PAGE;
    l3b[3] = (uint64_t)alias | D_SH_IS | D_PAGE;    /* AF = 0 */
}

static void mmu_on(void)
{
    /* T0SZ 25, IRGN/ORGN0 WB, SH0 IS, TG0 4K; T1SZ 25, same, TG1 4K
       (0b10 << 30); IPS 0b010 = 40 bits */
    uint64_t tcr = 25 | 1u << 8 | 1u << 10 | 3u << 12 |
                   25ull << 16 | 1ull << 24 | 1ull << 26 | 3ull << 28 |
                   2ull << 30 | 2ull << 32;

    tl_write_sysreg(mair_el1, 0xff);                /* attr0 Normal WB */
    tl_write_sysreg(tcr_el1, tcr);
    tl_write_sysreg(ttbr0_el1, (uint64_t)l1);
    tl_write_sysreg(ttbr1_el1, (uint64_t)l1h);
    tl_dsb_sy();
    tl_isb();
    tl_write_sysreg(sctlr_el1, tl_read_sysreg(sctlr_el1) | 1 | 1 << 2 |
                    1 << 12);                       /* M, C, I */
    tl_isb();
}

static void test_aliases(void)
{
    uint64_t off = (uint64_t)&alias[5] - 0x40000000ull;

    alias[5] = 0x1122334455667788ull;
    tl_check_eq(load(0x50000000ull + 5 * 8), 0x1122334455667788ull,
                "4K page alias reads the aliased data");
    store(0x50000000ull + 6 * 8, 0xabcdull);
    tl_check_eq(alias[6], 0xabcd, "4K page alias write seen at the PA");
    tl_check_eq(load(0x50200000ull + off), 0x1122334455667788ull,
                "2M block alias at level 2");
    tl_check_eq(load(0xC0000000ull + off), 0x1122334455667788ull,
                "1G block alias at level 1");
    tl_check_eq(load(0xFFFFFF8000000000ull + off), 0x1122334455667788ull,
                "TTBR1 high address");
    tl_check_eq(n_faults, 0, "no faults on mapped addresses");
}

static void test_read_only(void)
{
    ro_page[1] = 77;
    fault_reset();
    tl_check_eq(load(0x50001008ull), 77, "read-only page is readable");
    tl_check_eq(n_faults, 0, "load from read-only page: no fault");
    store(0x50001008ull, 5);
    tl_check_eq(n_faults, 1, "store to read-only page faults");
    /* permission fault level 3 = 0b001111, WnR = 1 */
    tl_check_eq(fault_esr, ESR_DABT(1, 0x0f), "read-only store: ESR");
    tl_check_eq(fault_far, 0x50001008ull, "read-only store: FAR");
    tl_check_eq(ro_page[1], 77, "read-only page unchanged");
}

static void check_fault(uint64_t va, uint64_t esr, const char *what)
{
    fault_reset();
    load(va);
    tl_check_eq(n_faults, 1, what);
    tl_check_eq(fault_esr, esr, what);
    tl_check_eq(fault_far, va, what);
}

static void test_unmapped(void)
{
    /* translation fault level 3/2/1 = 0b000111/0b000110/0b000101 */
    check_fault(0x50002010ull, ESR_DABT(0, 0x07), "invalid L3 entry");
    check_fault(0x50400020ull, ESR_DABT(0, 0x06), "invalid L2 entry");
    check_fault(0x80000030ull, ESR_DABT(0, 0x05), "invalid L1 entry");
    /* VA[63:39] neither all 0 nor all 1: translation fault level 0 */
    check_fault(0x0000008000000000ull, ESR_DABT(0, 0x04),
                "VA outside both ranges");
    /* AF = 0: access flag fault level 3 = 0b001011 */
    check_fault(0x50003018ull, ESR_DABT(0, 0x0b), "access flag fault");
    /* set AF, invalidate the TLB: now it maps `alias` */
    l3b[3] |= D_AF;
    __asm__ volatile("dsb ishst\n\ttlbi vmalle1\n\tdsb ish\n\tisb"
                     ::: "memory");
    alias[3] = 0x5151;
    fault_reset();
    tl_check_eq(load(0x50003018ull), 0x5151, "AF set: page maps");
    tl_check_eq(n_faults, 0, "AF set: no fault");
}

int main(void)
{
    tl_set_sync_handler(on_sync);
    build_tables();
    mmu_on();
    test_aliases();
    test_read_only();
    test_unmapped();
    return tl_done();
}
