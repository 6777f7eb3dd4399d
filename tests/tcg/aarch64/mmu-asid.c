/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * mmu-asid: switching address spaces by ASID.  Two EL1&0 stage 1 table
 * sets share an identity map of the image (global pages, nG = 0) and map
 * the same non-global page VA 0x50000000 (nG = 1, bit 11) to different
 * frames: set A (ASID 1) to page_a, set B (ASID 2) to page_b.  Writing
 * TTBR0_EL1 with the other table and ASID (TTBR0[63:48], TCR_EL1.A1 = 0)
 * and an ISB, with no TLBI, must switch what VA 0x50000000 reads, each
 * way, several times (a TLB that ignored the ASID would return the
 * previous frame).  TCR: T0SZ = 25 (3 levels from level 1), TG0 = 4K,
 * IPS 40 bits, AS = 0 (8-bit ASIDs).  Values: page_a holds 0xAAAA...,
 * page_b 0xBBBB... (written before the MMU is on).
 */
#include "testlib.h"

#define D_TABLE   3ull
#define D_BLOCK   1ull
#define D_PAGE    3ull
#define D_AF      (1ull << 10)
#define D_SH_IS   (3ull << 8)
#define D_NG      (1ull << 11)
#define D_NORMAL  (D_AF | D_SH_IS)
#define VA_SHARED 0x50000000ull

static uint64_t l1_a[512] __attribute__((aligned(4096)));
static uint64_t l1_b[512] __attribute__((aligned(4096)));
static uint64_t l2_a[512] __attribute__((aligned(4096)));
static uint64_t l2_b[512] __attribute__((aligned(4096)));
static uint64_t l3_a[512] __attribute__((aligned(4096)));
static uint64_t l3_b[512] __attribute__((aligned(4096)));
static volatile uint64_t page_a[512] __attribute__((aligned(4096)));
static volatile uint64_t page_b[512] __attribute__((aligned(4096)));

static void build(uint64_t *l1, uint64_t *l2, uint64_t *l3,
                  volatile uint64_t *frame)
{
    uint64_t ram = 0x40000000ull;

    /* VA 0x40000000..0x47ffffff: identity, 2 MiB global blocks */
    l1[1] = (uint64_t)l2 | D_TABLE;
    for (unsigned i = 0; i < 64; i++) {
        l2[i] = (ram + i * 0x200000ull) | D_NORMAL | D_BLOCK;
    }
    /* VA 0x50000000 (L2 index 128): one non-global 4K page */
    l2[128] = (uint64_t)l3 | D_TABLE;
    l3[0] = (uint64_t)frame | D_NORMAL | D_NG | D_PAGE;
}

static uint64_t read_shared(void)
{
    return *(volatile uint64_t *)VA_SHARED;
}

static void switch_to(uint64_t *l1, uint64_t asid)
{
    tl_write_sysreg(ttbr0_el1, (uint64_t)l1 | asid << 48);
    tl_isb();
}

int main(void)
{
    uint64_t tcr = 25 | 1u << 8 | 1u << 10 | 3u << 12 | 2ull << 32 |
                   1ull << 23;                      /* EPD1: no TTBR1 */

    page_a[0] = 0xaaaaaaaaaaaaaaaaull;
    page_b[0] = 0xbbbbbbbbbbbbbbbbull;
    build(l1_a, l2_a, l3_a, page_a);
    build(l1_b, l2_b, l3_b, page_b);
    tl_write_sysreg(mair_el1, 0xff);
    tl_write_sysreg(tcr_el1, tcr);
    switch_to(l1_a, 1);
    tl_dsb_sy();
    tl_write_sysreg(sctlr_el1, tl_read_sysreg(sctlr_el1) | 1 | 1 << 2 |
                    1 << 12);
    tl_isb();
    for (int round = 0; round < 3; round++) {
        switch_to(l1_a, 1);
        tl_check_eq(read_shared(), 0xaaaaaaaaaaaaaaaaull, "ASID 1 sees A");
        switch_to(l1_b, 2);
        tl_check_eq(read_shared(), 0xbbbbbbbbbbbbbbbbull, "ASID 2 sees B");
    }
    /* a store through ASID 2 lands in page_b only */
    *(volatile uint64_t *)VA_SHARED = 0x1234;
    switch_to(l1_a, 1);
    tl_check_eq(read_shared(), 0xaaaaaaaaaaaaaaaaull, "A untouched");
    tl_check_eq(page_b[0], 0x1234, "B written through ASID 2");
    tl_write_sysreg(sctlr_el1, tl_read_sysreg(sctlr_el1) & ~1ull);
    tl_isb();
    return tl_done();
}
