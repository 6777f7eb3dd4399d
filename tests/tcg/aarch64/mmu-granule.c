/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * mmu-granule: the 16 KiB and 64 KiB granules of the EL1&0 stage 1 walk,
 * and the different TG0/TG1 encodings (TG0: 00 4K, 01 64K, 10 16K; TG1:
 * 01 16K, 10 4K, 11 64K; Arm ARM DDI 0487, D17.2.131 TCR_EL1).  Needs a
 * CPU with both granules (max: ID_AA64MMFR0.TGran16 = 1, TGran64 = 0).
 *
 * Level geometry (D8.2): a granule of 2^g bytes resolves g - 3 bits per
 * level, level 3 resolves VA[g+(g-3)-1:g]; the walk starts at the level
 * that leaves the fewest bits, 4 - ceil((inputsize - g) / (g - 3)).
 *
 * Phase A: TG0 = 64K (0b01), T0SZ = 25: 39 - 16 = 23 bits, 2 levels,
 *   start level 2 (VA[38:29], 1024 entries; blocks of 2^29 = 512 MiB),
 *   level 3 VA[28:16].
 *     L2[2] (0x40000000): 512 MiB block, identity (the image)
 *     L2[3] (0x60000000) -> L3: [0] 64K page aliasing buf64, [1] invalid
 *     L2[4] (0x80000000): invalid
 *   TG1 = 16K (0b01), T1SZ = 28: 36 - 14 = 22 bits, 2 levels, start
 *   level 2 (VA[35:25], blocks of 2^25 = 32 MiB), level 3 VA[24:14].
 *   Base 0xFFFFFFF000000000 (VA[63:36] all ones).
 *     L2h[0]: 32 MiB block aliasing PA 0x40000000
 *     L2h[1] -> L3h: [0] 16K page aliasing buf16, [1] AF = 0
 *     L2h[2]: invalid
 * Phase B: TG0 = 16K (0b10), T0SZ = 25: 39 - 14 = 25 bits, 3 levels,
 *   start level 1 (VA[38:36], 8 entries).
 *     L1[0] -> L2[32] (0x40000000): 32 MiB block, identity
 *     L1[1] (0x1000000000): invalid
 *   TG1 = 64K (0b11), T1SZ = 16: 48 - 16 = 32 bits, 3 levels, start
 *   level 1 (VA[47:42], 64 entries).  Base 0xFFFF000000000000.
 *     L1h[0] -> L2h[0]: 512 MiB block aliasing PA 0x40000000
 *
 * Data aborts at EL1 from EL1: ESR = 0x96000000 | DFSC (EC 0x25, IL),
 * DFSC translation 0b0001LL, access flag 0b0010LL (D17.2.37).
 */
#include "testlib.h"

#define D_TABLE   3ull
#define D_BLOCK   1ull
#define D_PAGE    3ull
#define D_AF      (1ull << 10)
#define D_NORMAL  (D_AF | (3ull << 8))

#define ESR_DABT(dfsc) (0x96000000ull | (dfsc))
#define RAM 0x40000000ull

#define ALIGN64K __attribute__((aligned(65536)))
/* phase A */
static uint64_t a_l2[1024] ALIGN64K;
static uint64_t a_l3[8192] ALIGN64K;
static uint64_t a_l2h[2048] ALIGN64K;
static uint64_t a_l3h[2048] ALIGN64K;
/* phase B */
static uint64_t b_l1[8] ALIGN64K;
static uint64_t b_l2[2048] ALIGN64K;
static uint64_t b_l1h[64] ALIGN64K;
static uint64_t b_l2h[8192] ALIGN64K;
static volatile uint64_t buf64[8192] ALIGN64K;
static volatile uint64_t buf16[2048] ALIGN64K;
static volatile uint64_t marker;

static volatile uint64_t fault_esr, fault_far;
static volatile unsigned n_faults;

static void on_sync(struct tl_regs *r)
{
    fault_esr = r->esr;
    fault_far = r->far;
    n_faults++;
    r->elr += 4;
}

static uint64_t load(uint64_t va)
{
    uint64_t v = ~0ull;

    __asm__ volatile("ldr %0, [%1]" : "+r"(v) : "r"(va) : "memory");
    return v;
}

static void check_fault(uint64_t va, uint64_t esr, const char *what)
{
    n_faults = 0;
    fault_esr = fault_far = 0;
    load(va);
    tl_check_eq(n_faults, 1, what);
    tl_check_eq(fault_esr, esr, what);
    tl_check_eq(fault_far, va, what);
}

/* Turn the MMU off, load TCR/TTBRs, invalidate, turn it on. */
static void mmu_switch(uint64_t tcr, uint64_t ttbr0, uint64_t ttbr1)
{
    uint64_t sctlr = tl_read_sysreg(sctlr_el1);

    tl_write_sysreg(sctlr_el1, sctlr & ~1ull);
    tl_isb();
    tl_write_sysreg(mair_el1, 0xff);
    tl_write_sysreg(tcr_el1, tcr);
    tl_write_sysreg(ttbr0_el1, ttbr0);
    tl_write_sysreg(ttbr1_el1, ttbr1);
    __asm__ volatile("dsb ish\n\ttlbi vmalle1\n\tdsb ish\n\tisb"
                     ::: "memory");
    tl_write_sysreg(sctlr_el1, sctlr | 1);
    tl_isb();
}

/* IRGN/ORGN WB, SH IS for both halves; IPS 0b010 (40 bits) */
#define TCR_ATTRS (1ull << 8 | 1ull << 10 | 3ull << 12 | \
                   1ull << 24 | 1ull << 26 | 3ull << 28 | 2ull << 32)

static void phase_a(void)
{
    uint64_t off = (uint64_t)&marker - RAM;
    uint64_t hi = 0xFFFFFFF000000000ull;

    a_l2[2] = RAM | D_NORMAL | D_BLOCK;
    a_l2[3] = (uint64_t)a_l3 | D_TABLE;
    a_l3[0] = (uint64_t)buf64 | D_NORMAL | D_PAGE;
    a_l2h[0] = RAM | D_NORMAL | D_BLOCK;
    a_l2h[1] = (uint64_t)a_l3h | D_TABLE;
    a_l3h[0] = (uint64_t)buf16 | D_NORMAL | D_PAGE;
    a_l3h[1] = (uint64_t)buf16 | (3ull << 8) | D_PAGE;     /* AF = 0 */
    buf64[0x1238 / 8] = 0x6464;
    buf64[0xf008 / 8] = 0x64f0;
    buf16[0x3ff8 / 8] = 0x1616;
    marker = 0xfeedface;
    /* TG0 64K = 0b01 << 14, T0SZ 25; TG1 16K = 0b01 << 30, T1SZ 28 */
    mmu_switch(TCR_ATTRS | 25 | 1ull << 14 | 28ull << 16 | 1ull << 30,
               (uint64_t)a_l2, (uint64_t)a_l2h);
    n_faults = 0;
    tl_check_eq(load(0x60001238ull), 0x6464, "64K page, offset 0x1238");
    tl_check_eq(load(0x6000f008ull), 0x64f0, "64K page, offset 0xf008");
    tl_check_eq(load(RAM + off), 0xfeedface, "64K: 512M block identity");
    tl_check_eq(load(hi + off), 0xfeedface, "16K TTBR1: 32M block");
    tl_check_eq(load(hi + 0x2000000ull + 0x3ff8), 0x1616,
                "16K TTBR1: 16K page, offset 0x3ff8");
    tl_check_eq(n_faults, 0, "phase A: no faults on mapped addresses");
    check_fault(0x60010000ull, ESR_DABT(0x07), "64K: invalid L3 entry");
    check_fault(0x80000000ull, ESR_DABT(0x06), "64K: invalid L2 entry");
    check_fault(hi + 0x2004000ull, ESR_DABT(0x0b), "16K: AF = 0 at L3");
    check_fault(hi + 0x4000000ull, ESR_DABT(0x06), "16K: invalid L2 entry");
}

static void phase_b(void)
{
    uint64_t off = (uint64_t)&marker - RAM;
    uint64_t hi = 0xFFFF000000000000ull;

    b_l1[0] = (uint64_t)b_l2 | D_TABLE;
    b_l2[32] = RAM | D_NORMAL | D_BLOCK;
    b_l1h[0] = (uint64_t)b_l2h | D_TABLE;
    b_l2h[0] = RAM | D_NORMAL | D_BLOCK;
    marker = 0xc0ffee;
    /* TG0 16K = 0b10 << 14, T0SZ 25; TG1 64K = 0b11 << 30, T1SZ 16 */
    mmu_switch(TCR_ATTRS | 25 | 2ull << 14 | 16ull << 16 | 3ull << 30,
               (uint64_t)b_l1, (uint64_t)b_l1h);
    n_faults = 0;
    tl_check_eq(load(RAM + off), 0xc0ffee, "16K from level 1: identity");
    tl_check_eq(load(hi + off), 0xc0ffee, "64K from level 1: TTBR1 block");
    tl_check_eq(n_faults, 0, "phase B: no faults on mapped addresses");
    check_fault(0x1000000000ull, ESR_DABT(0x05), "16K: invalid L1 entry");
    check_fault(hi + (1ull << 42), ESR_DABT(0x05), "64K: invalid L1 entry");
}

int main(void)
{
    tl_set_sync_handler(on_sync);
    phase_a();
    phase_b();
    return tl_done();
}
