/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * sysreg-el0: the EL0 access rules of system registers.  An EL1
 * register (SCTLR_EL1, TPIDR_EL1) read or written at EL0 is UNDEFINED
 * (EC 0); TPIDRRO_EL0 is readable but a write is UNDEFINED; TPIDR_EL0 is
 * read/write; CNTVCT_EL0 traps with EC 0x18 to EL1 while
 * CNTKCTL_EL1.EL0VCTEN is 0 and is readable when it is 1; CTR_EL0
 * traps unless SCTLR_EL1.UCT; DC ZVA traps unless SCTLR_EL1.DZE, and
 * DCZID_EL0.DZP reports whether it would.
 *
 * Expected syndromes, hand-assembled from the Arm ARM (DDI 0487,
 * D17.2.37, ISS for EC 0x18: Op0 [21:20], Op2 [19:17], Op1 [16:14],
 * CRn [13:10], Rt [9:5], CRm [4:1], Direction [0] = 1 for a read), with
 * IL = 1 (bit 25): see the comment at each constant.
 */
#include "testlib.h"

static volatile uint64_t last_esr;
static volatile unsigned n_traps;
static uint64_t el0_stack[512] __attribute__((aligned(16)));

static void on_sync(struct tl_regs *r)
{
    last_esr = r->esr;
    n_traps++;
    r->elr += 4;
}

static volatile uint64_t got[9];

/* EL1 registers from EL0: all UNDEFINED */
static void el0_el1_regs(void)
{
    uint64_t v;

    __asm__ volatile("mrs %0, sctlr_el1" : "=r"(v));
    got[0] = last_esr;
    last_esr = ~0ull;
    __asm__ volatile("msr tpidr_el1, %0" :: "r"(v));
    got[1] = last_esr;
    last_esr = ~0ull;
    __asm__ volatile("msr tpidrro_el0, %0" :: "r"(v));
    got[2] = last_esr;
    __asm__ volatile("mrs %0, tpidrro_el0" : "=r"(v));
    got[3] = v;
    __asm__ volatile("msr tpidr_el0, %0\n\tmrs %0, tpidr_el0"
                     : "+r"(v) :: "memory");
    got[4] = v;
    tl_el0_return();
}

/* CNTVCT_EL0 into x3 (Rt = 3, for the syndrome) */
static void el0_cntvct(void)
{
    uint64_t v;

    __asm__ volatile("mov x3, #0\n\tmrs x3, cntvct_el0\n\tmov %0, x3"
                     : "=r"(v) :: "x3");
    got[5] = v;
    tl_el0_return();
}

/*
 * CTR_EL0 into x2, then (when do_zva: only where it traps, since with
 * the MMU off memory is Device and a permitted DC ZVA would take an
 * alignment fault) DC ZVA x4.
 */
static uint8_t zbuf[64] __attribute__((aligned(64)));
static volatile int do_zva;

static void el0_ctr_zva(void)
{
    uint64_t v;

    __asm__ volatile("mrs x2, ctr_el0\n\tmov %0, x2" : "=r"(v) :: "x2");
    got[6] = v;
    got[7] = last_esr;
    __asm__ volatile("mrs %0, dczid_el0" : "=r"(v));
    got[8] = v;
    last_esr = ~0ull;
    if (do_zva) {
        __asm__ volatile("mov x4, %0\n\tdc zva, x4" :: "r"(zbuf) : "x4",
                         "memory");
    }
    tl_el0_return();
}

int main(void)
{
    uint64_t sctlr = tl_read_sysreg(sctlr_el1);
    uint64_t before;

    tl_set_sync_handler(on_sync);
    tl_write_sysreg(tpidrro_el0, 0x1234);

    last_esr = ~0ull;
    n_traps = 0;
    tl_run_el0(el0_el1_regs, &el0_stack[512]);
    tl_check_eq(got[0], 0x02000000, "MRS SCTLR_EL1 at EL0: UNDEFINED");
    tl_check_eq(got[1], 0x02000000, "MSR TPIDR_EL1 at EL0: UNDEFINED");
    tl_check_eq(got[2], 0x02000000, "MSR TPIDRRO_EL0 at EL0: UNDEFINED");
    tl_check_eq(got[3], 0x1234, "MRS TPIDRRO_EL0 at EL0");
    tl_check_eq(got[4], tl_read_sysreg(tpidr_el0), "TPIDR_EL0 at EL0");
    tl_check_eq(n_traps, 3, "three traps from EL1 registers");

    /* CNTKCTL_EL1 = 0: EL0VCTEN clear, CNTVCT_EL0 traps to EL1 */
    tl_write_sysreg(cntkctl_el1, 0);
    tl_isb();
    last_esr = ~0ull;
    tl_run_el0(el0_cntvct, &el0_stack[512]);
    /* EC 0x18, IL; Op0 3, Op2 2, Op1 3, CRn 14, Rt 3, CRm 0, read:
       0x18 << 26 | 1 << 25 | 3 << 20 | 2 << 17 | 3 << 14 | 14 << 10 |
       3 << 5 | 0 << 1 | 1 = 0x6234f861 */
    tl_check_eq(last_esr, 0x6234f861, "CNTVCT_EL0 at EL0 traps (EC 0x18)");
    tl_check_eq(got[5], 0, "trapped CNTVCT_EL0 wrote nothing");

    /* EL0VCTEN (bit 1) set: readable, and counting */
    tl_write_sysreg(cntkctl_el1, 2);
    tl_isb();
    last_esr = ~0ull;
    before = tl_read_sysreg(cntvct_el0);
    tl_run_el0(el0_cntvct, &el0_stack[512]);
    tl_check_eq(last_esr, ~0ull, "CNTVCT_EL0 with EL0VCTEN: no trap");
    tl_check(got[5] >= before && got[5] != 0,
             "CNTVCT_EL0 at EL0 reads the count");

    /* UCT (15) and DZE (14) clear: CTR_EL0 and DC ZVA trap */
    tl_write_sysreg(sctlr_el1, sctlr & ~(3ull << 14));
    tl_isb();
    last_esr = ~0ull;
    do_zva = 1;
    tl_run_el0(el0_ctr_zva, &el0_stack[512]);
    /* CTR_EL0: Op0 3, Op2 1, Op1 3, CRn 0, Rt 2, CRm 0, read:
       0x62000000 | 3 << 20 | 1 << 17 | 3 << 14 | 2 << 5 | 1 = 0x6232c041 */
    tl_check_eq(got[7], 0x6232c041, "CTR_EL0 at EL0 without UCT traps");
    /* DCZID_EL0: BS 4, DZP (bit 4) set as DC ZVA is prohibited */
    tl_check_eq(got[8], 0x14, "DCZID_EL0.DZP at EL0 without DZE");
    /* DC ZVA is SYS #3, C7, C4, #1, x4: Op0 1, Op2 1, Op1 3, CRn 7,
       Rt 4, CRm 4, write: 0x62000000 | 1 << 20 | 1 << 17 | 3 << 14 |
       7 << 10 | 4 << 5 | 4 << 1 = 0x6212dc88 */
    tl_check_eq(last_esr, 0x6212dc88, "DC ZVA at EL0 without DZE traps");

    /* with UCT and DZE: CTR_EL0 works at EL0, DCZID_EL0.DZP is 0 */
    tl_write_sysreg(sctlr_el1, sctlr | (3ull << 14));
    tl_isb();
    last_esr = ~0ull;
    n_traps = 0;
    do_zva = 0;
    tl_run_el0(el0_ctr_zva, &el0_stack[512]);
    tl_check_eq(got[6], tl_read_sysreg(ctr_el0), "CTR_EL0 at EL0 with UCT");
    tl_check_eq(n_traps, 0, "no trap with UCT and DZE");
    tl_check_eq(got[8], 0x4, "DCZID_EL0.DZP clear at EL0 with DZE");
    tl_write_sysreg(sctlr_el1, sctlr);
    tl_isb();
    return tl_done();
}
