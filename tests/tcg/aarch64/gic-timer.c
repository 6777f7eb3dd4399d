/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * gic-timer.c: the GICv3 with the EL1 virtual timer and an SGI, at EL1 on
 * `-M virt,gic-version=3` (one security state as seen from EL1).
 *
 * Bring-up as Linux does it (Arm IHI 0069): GICD_CTLR.ARE + EnableGrp1,
 * wake the redistributor (clear GICR_WAKER.ProcessorSleep, wait for
 * ChildrenAsleep = 0), put SGI 1 and PPI 27 (the virtual timer's, virt's
 * device tree) in Group 1 at priority 0xa0 and enable them, then
 * ICC_SRE_EL1.SRE, ICC_PMR_EL1 = 0xf0, ICC_IGRPEN1_EL1 = 1.
 *
 * Checks (expected values from the spec, not from an emulator):
 * - ID_AA64PFR0_EL1.GIC (27:24) = 1: the system register interface;
 * - GICD_PIDR2.ArchRev (7:4) = 3 (GICv3), GICR_TYPER.Last on CPU 0
 *   (one CPU);
 * - the virtual timer with TVAL = 1 ms, IMASK = 0 raises PPI 27: WFI wakes,
 *   the handler reads ICC_IAR1_EL1 = 27, disables the timer by writing
 *   CNTV_CTL_EL0 (the timer condition, hence the level, is gone: the
 *   redistributor's ISPENDR0 bit 27 reads 0 after it), EOIs; exactly one
 *   interrupt is taken and the running priority is idle (0xff) after;
 * - ICC_SGI1R_EL1 with INTID 1 and this CPU's Aff0 in the target list
 *   raises SGI 1 on this CPU: ICC_IAR1_EL1 = 1.
 */
#include "testlib.h"

#define GICD 0x08000000ull
#define GICR 0x080a0000ull
#define GICR_SGI (GICR + 0x10000)

#define GICD_CTLR 0x0
#define GICD_CTLR_RWP (1u << 31)
#define GICD_CTLR_ARE (1u << 4)
#define GICD_CTLR_ENABLE_G1 (1u << 1)
#define GICR_TYPER 0x8
#define GICR_WAKER 0x14
#define PIDR2 0xffe8
#define IGROUPR0 0x80
#define ISENABLER0 0x100
#define ISPENDR0 0x200
#define IPRIORITYR 0x400

#define PPI_VTIMER 27
#define SGI_TEST 1
#define SPURIOUS 1023

static volatile uint32_t *reg32(uint64_t a)
{
    return (volatile uint32_t *)a;
}

static volatile uint8_t *reg8(uint64_t a)
{
    return (volatile uint8_t *)a;
}

static volatile unsigned irq_count;
static volatile uint64_t last_intid = SPURIOUS;
static volatile uint64_t pend_after_ctl = 0xdead;

static void irq_handler(struct tl_regs *r)
{
    uint64_t intid = tl_read_sysreg(S3_0_C12_C12_0) & 0xffffff; /* IAR1 */

    if (intid == PPI_VTIMER) {
        /* disable the timer: its output (PPI 27's level) drops */
        tl_write_sysreg(cntv_ctl_el0, 0);
        tl_isb();
        pend_after_ctl = (*reg32(GICR_SGI + ISPENDR0) >> PPI_VTIMER) & 1;
    }
    last_intid = intid;
    irq_count++;
    if (intid != SPURIOUS) {
        tl_write_sysreg(S3_0_C12_C12_1, intid);             /* EOIR1 */
        tl_isb();
    }
}

static void gic_init(void)
{
    *reg32(GICD + GICD_CTLR) = GICD_CTLR_ARE | GICD_CTLR_ENABLE_G1;
    while (*reg32(GICD + GICD_CTLR) & GICD_CTLR_RWP) {
    }
    *reg32(GICR + GICR_WAKER) &= ~2u;                   /* ProcessorSleep */
    for (int i = 0; i < 100000 && (*reg32(GICR + GICR_WAKER) & 4u); i++) {
    }
    tl_check_eq(*reg32(GICR + GICR_WAKER) & 4u, 0, "GICR_WAKER awake");
    *reg32(GICR_SGI + IGROUPR0) = 1u << PPI_VTIMER | 1u << SGI_TEST;
    *reg8(GICR_SGI + IPRIORITYR + PPI_VTIMER) = 0xa0;
    *reg8(GICR_SGI + IPRIORITYR + SGI_TEST) = 0xa0;
    *reg32(GICR_SGI + ISENABLER0) = 1u << PPI_VTIMER | 1u << SGI_TEST;

    tl_write_sysreg(S3_0_C12_C12_5, tl_read_sysreg(S3_0_C12_C12_5) | 1);
    tl_isb();                                           /* ICC_SRE_EL1 */
    tl_write_sysreg(S3_0_C4_C6_0, 0xf0);                /* ICC_PMR_EL1 */
    tl_write_sysreg(S3_0_C12_C12_3, 0);                 /* ICC_BPR1_EL1 */
    tl_write_sysreg(S3_0_C12_C12_7, 1);                 /* ICC_IGRPEN1_EL1 */
    tl_isb();
}

/* Wait (IRQs masked in WFI, unmasked between) until an IRQ was taken. */
static void wait_irq(unsigned before)
{
    for (int i = 0; i < 2000 && irq_count == before; i++) {
        __asm__ volatile("wfi");
        __asm__ volatile("msr daifclr, #2; isb; msr daifset, #2" ::: "memory");
    }
}

static void test_ids(void)
{
    uint64_t pfr0 = tl_read_sysreg(id_aa64pfr0_el1);

    tl_check_eq((pfr0 >> 24) & 0xf, 1, "ID_AA64PFR0_EL1.GIC");
    tl_check_eq((*reg32(GICD + PIDR2) >> 4) & 0xf, 3, "GICD_PIDR2.ArchRev");
    tl_check_eq((*reg32(GICR + GICR_TYPER) >> 4) & 1, 1, "GICR_TYPER.Last");
    tl_check_eq(tl_read_sysreg(S3_0_C12_C12_5) & 1, 1, "ICC_SRE_EL1.SRE");
}

static void test_timer(void)
{
    uint64_t freq = tl_read_sysreg(cntfrq_el0);

    tl_write_sysreg(cntv_tval_el0, freq / 1000);        /* 1 ms */
    tl_write_sysreg(cntv_ctl_el0, 1);                   /* ENABLE, !IMASK */
    tl_isb();
    wait_irq(0);
    tl_check_eq(irq_count, 1, "timer: one IRQ taken");
    tl_check_eq(last_intid, PPI_VTIMER, "timer: ICC_IAR1_EL1");
    tl_check_eq(pend_after_ctl, 0, "timer: PPI 27 not pending after CTL");
    tl_check_eq(tl_read_sysreg(S3_0_C12_C11_3), 0xff,  /* ICC_RPR_EL1 */
                "timer: running priority idle after EOI");
    tl_check_eq(tl_read_sysreg(S3_0_C12_C12_2) & 0xffffff, SPURIOUS,
                "timer: nothing pending (ICC_HPPIR1_EL1)");
}

static void test_sgi(void)
{
    uint64_t mpidr = tl_read_sysreg(mpidr_el1);
    uint64_t aff1 = (mpidr >> 8) & 0xff, aff2 = (mpidr >> 16) & 0xff;
    uint64_t aff3 = (mpidr >> 32) & 0xff, aff0 = mpidr & 0xff;
    unsigned before = irq_count;

    /* ICC_SGI1R_EL1: Aff3 55:48, Aff2 39:32, INTID 27:24, Aff1 23:16,
       TargetList 15:0 (bit Aff0 % 16, RS = Aff0 / 16 in 47:44) */
    tl_write_sysreg(S3_0_C12_C11_5,
                    aff3 << 48 | (aff0 / 16) << 44 | aff2 << 32 |
                    (uint64_t)SGI_TEST << 24 | aff1 << 16 |
                    1ull << (aff0 % 16));
    tl_isb();
    wait_irq(before);
    tl_check_eq(irq_count, before + 1, "sgi: one IRQ taken");
    tl_check_eq(last_intid, SGI_TEST, "sgi: ICC_IAR1_EL1");
}

int main(void)
{
    tl_set_irq_handler(irq_handler);
    test_ids();
    gic_init();
    test_timer();
    test_sgi();
    return tl_done();
}
