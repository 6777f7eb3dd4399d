/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * mmu-el2: stage 1 of the EL2 translation regime (TTBR0_EL2, TCR_EL2,
 * SCTLR_EL2), run with -M virt,virtualization=on (the program starts at
 * EL2).  One privilege level: AP[2] alone decides writes (AP[1] is
 * ignored), XN (bit 54) alone decides execution, APTable[1] makes a
 * subtree read-only, and TCR_EL2.TBI (bit 20) makes the top byte of data
 * addresses ignored.
 *
 * TCR_EL2: T0SZ = 25 (39-bit VA, start level 1 with the 4K granule),
 * TG0 = 4K, PS = 0b010 (40 bits), bits 31 and 23 RES1.  Map:
 *   0x40000000  1 GiB block, identity (the image)
 *   0x80000000  L3[0] `pg` AP 10 (read-only); L3[1] `pg` XN; L3[2] `pg`
 *               AP 01 (AP[1] ignored: read/write); L3[3] `pg` AP 00
 *   0x80200000  table with APTable = 10: L3[0] `pg` AP 00
 *
 * Syndromes (Arm ARM DDI 0487, D17.2.37): data / instruction abort taken
 * to EL2 from EL2: EC 0x25 / 0x21, IL = 1, WnR bit 6, FSC permission
 * level 3 = 0b001111, translation level 0 = 0b000100.  ESR bits checked:
 * EC, IL, ISS[9:0]; the instruction syndrome (ISV, ISS[24:10]), which
 * hardware may report for data aborts taken to EL2, is not compared
 * (hemu reports ISV = 0).
 */
#include "testlib.h"

#define D_TABLE   3ull
#define D_BLOCK   1ull
#define D_PAGE    3ull
#define D_NORMAL  ((1ull << 10) | (3ull << 8))
#define D_AP(n)   ((uint64_t)(n) << 6)
#define D_XN      (1ull << 54)
#define T_AP(n)   ((uint64_t)(n) << 61)

#define ESR(ec, iss) (((uint64_t)(ec) << 26) | (1u << 25) | (iss))
#define PERM3     0x0f
#define WNR       0x40
#define ESR_MASK  0xfe0003ffull

static uint64_t l1[512] __attribute__((aligned(4096)));
static uint64_t l2[512] __attribute__((aligned(4096)));
static uint64_t l3[512] __attribute__((aligned(4096)));
static uint64_t l3t[512] __attribute__((aligned(4096)));
static volatile uint64_t pg[512] __attribute__((aligned(4096)));

static volatile uint64_t fault_esr, fault_far;
static volatile unsigned n_faults;

static void on_sync(struct tl_regs *r)
{
    fault_esr = r->esr & ESR_MASK;
    fault_far = r->far;
    n_faults++;
    r->elr = tl_esr_ec(r->esr) == TL_EC_IABT_CUR ? r->x[30] : r->elr + 4;
}

static void access(uint64_t va, int op)
{
    uint64_t v = 0;

    if (op == 0) {
        __asm__ volatile("ldr %0, [%1]" : "+r"(v) : "r"(va) : "memory");
    } else if (op == 1) {
        __asm__ volatile("str %0, [%1]" :: "r"(v), "r"(va) : "memory");
    } else {
        __asm__ volatile("blr %0" :: "r"(va) : "x30", "memory");
    }
}

static void check(uint64_t va, int op, uint64_t esr, const char *what)
{
    n_faults = 0;
    fault_esr = fault_far = 0;
    access(va, op);
    tl_check_eq(n_faults, esr ? 1 : 0, what);
    if (esr) {
        tl_check_eq(fault_esr, esr, what);
        tl_check_eq(fault_far, va, what);
    }
}

static void set_tcr(uint64_t tbi)
{
    /* T0SZ 25, IRGN0/ORGN0 WB, SH0 IS, TG0 4K, PS 40 bits, RES1 */
    tl_write_sysreg(tcr_el2, 25 | 1u << 8 | 1u << 10 | 3u << 12 |
                    2u << 16 | tbi << 20 | 1u << 23 | 1ull << 31);
    __asm__ volatile("isb\n\ttlbi alle2\n\tdsb sy\n\tisb" ::: "memory");
}

int main(void)
{
    uint64_t dabt = ESR(TL_EC_DABT_CUR, PERM3);
    uint64_t iabt = ESR(TL_EC_IABT_CUR, PERM3);
    uint64_t sctlr;

    if (tl_current_el() != 2) {
        tl_printf("mmu-el2: needs EL2 (-M virt,virtualization=on)\n");
        return 1;
    }
    tl_set_sync_handler(on_sync);
    l1[1] = 0x40000000ull | D_NORMAL | D_BLOCK;
    l1[2] = (uint64_t)l2 | D_TABLE;
    l2[0] = (uint64_t)l3 | D_TABLE;
    l2[1] = (uint64_t)l3t | T_AP(2) | D_TABLE;
    l3[0] = (uint64_t)pg | D_NORMAL | D_AP(2) | D_PAGE;
    l3[1] = (uint64_t)pg | D_NORMAL | D_XN | D_PAGE;
    l3[2] = (uint64_t)pg | D_NORMAL | D_AP(1) | D_PAGE;
    l3[3] = (uint64_t)pg | D_NORMAL | D_AP(3) | D_PAGE;
    l3t[0] = (uint64_t)pg | D_NORMAL | D_PAGE;
    pg[0] = 0xd65f03c0;                 /* ret */
    pg[2] = 0x4242;

    tl_write_sysreg(mair_el2, 0xff);
    tl_write_sysreg(ttbr0_el2, (uint64_t)l1);
    set_tcr(1);
    sctlr = tl_read_sysreg(sctlr_el2);
    tl_write_sysreg(sctlr_el2, sctlr | 1);
    tl_isb();

    check(0x80000008ull, 0, 0, "AP 10: load allowed");
    check(0x80000008ull, 1, dabt | WNR, "AP 10: store faults");
    check(0x80000000ull, 2, 0, "AP 10: exec allowed");
    check(0x80001000ull, 2, iabt, "XN: exec faults");
    check(0x80002008ull, 1, 0, "AP 01: store allowed (AP[1] ignored)");
    check(0x80002000ull, 2, 0, "AP 01: exec allowed at EL2");
    check(0x80003008ull, 1, dabt | WNR, "AP 11: store faults");
    check(0x80200008ull, 0, 0, "APTable 10: load allowed");
    check(0x80200008ull, 1, dabt | WNR, "APTable 10: store faults");
    /* TBI: a tag in VA[63:56] is ignored for data accesses */
    n_faults = 0;
    tl_check_eq(*(volatile uint64_t *)(0x5a00000080000010ull), 0x4242,
                "TBI: tagged address reads the page");
    tl_check_eq(n_faults, 0, "TBI: no fault");
    set_tcr(0);
    /* without TBI, VA[63:39] != 0: translation fault, level 0 */
    check(0x5a00000080000008ull, 0, ESR(TL_EC_DABT_CUR, 0x04),
          "no TBI: tagged address faults at level 0");
    return tl_done();
}
