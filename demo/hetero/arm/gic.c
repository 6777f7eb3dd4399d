/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * gic.c: the GICv3 setup of the demo's AArch64 program, one CPU, one
 * security state as seen from EL1 (Arm IHI 0069, "GICv3 and GICv4
 * architecture specification"): distributor at DEMO_ARM_GICD with
 * affinity routing (GICD_CTLR.ARE_NS) and Group 1 enabled, CPU 0's
 * redistributor at DEMO_ARM_GICR woken (GICR_WAKER.ProcessorSleep = 0),
 * the wanted interrupts in Group 1 at priority 0xa0, SPIs routed to
 * affinity 0.0.0.0, and the system register CPU interface enabled
 * (ICC_SRE_EL1.SRE, ICC_PMR_EL1 = 0xf0, ICC_IGRPEN1_EL1 = 1).
 */
#include "arm.h"

#define GICD_CTLR        0x0000
#define GICD_CTLR_RWP    (1u << 31)
#define GICD_CTLR_ARE_NS (1u << 4)
#define GICD_CTLR_G1A    (1u << 1)
#define GICD_IGROUPR     0x0080
#define GICD_ISENABLER   0x0100
#define GICD_IPRIORITYR  0x0400
#define GICD_ICFGR       0x0c00
#define GICD_IROUTER     0x6000
#define GICD_PIDR2       0xffe8
#define GICR_WAKER       0x0014
#define GICR_WAKER_SLEEP (1u << 1)
#define GICR_WAKER_ASLEEP (1u << 2)
#define GICR_SGI         0x10000     /* SGI_base frame */
#define GIC_PRIO         0xa0

/* ICC system registers by encoding (the assembler knows no GIC names). */
#define ICC_IAR1_EL1    S3_0_C12_C12_0
#define ICC_EOIR1_EL1   S3_0_C12_C12_1
#define ICC_BPR1_EL1    S3_0_C12_C12_3
#define ICC_SRE_EL1     S3_0_C12_C12_5
#define ICC_IGRPEN1_EL1 S3_0_C12_C12_7
#define ICC_PMR_EL1     S3_0_C4_C6_0
#define SYSREG_R(r) demo_read_sysreg(r)
#define SYSREG_W(r, v) demo_write_sysreg(r, v)

static void gic_set_bit(uint64_t base, unsigned reg, unsigned intid)
{
    uint64_t a = base + reg + 4 * (intid / 32);

    demo_write32(a, demo_read32(a) | 1u << (intid % 32));
}

static void gic_enable_intid(unsigned intid)
{
    uint64_t base = intid < 32 ? DEMO_ARM_GICR + GICR_SGI : DEMO_ARM_GICD;
    uint64_t cfg = base + GICD_ICFGR + 4 * (intid / 16);

    gic_set_bit(base, GICD_IGROUPR, intid);
    *(volatile uint8_t *)(base + GICD_IPRIORITYR + intid) = GIC_PRIO;
    if (intid >= 32) {
        /* level-sensitive (Int_config 0b00), routed to affinity 0 */
        demo_write32(cfg, demo_read32(cfg) & ~(3u << (2 * (intid % 16))));
        *(volatile uint64_t *)(DEMO_ARM_GICD + GICD_IROUTER + 8 * intid) = 0;
    }
    demo_write32(base + GICD_ISENABLER + 4 * (intid / 32),
                 1u << (intid % 32));
}

bool demo_gic_init(const unsigned *intids, unsigned n)
{
    /* ID_AA64PFR0_EL1.GIC (27:24) = 1: the GICv3 system registers exist;
       only then is the 64 KiB GICv3 distributor's PIDR2 there to read */
    if (((demo_read_sysreg(id_aa64pfr0_el1) >> 24) & 0xf) != 1 ||
        ((demo_read32(DEMO_ARM_GICD + GICD_PIDR2) >> 4) & 0xf) != 3) {
        return false;
    }
    demo_write32(DEMO_ARM_GICD + GICD_CTLR, GICD_CTLR_ARE_NS | GICD_CTLR_G1A);
    for (unsigned i = 0; i < 1000000 &&
         (demo_read32(DEMO_ARM_GICD + GICD_CTLR) & GICD_CTLR_RWP); i++) {
    }
    demo_write32(DEMO_ARM_GICR + GICR_WAKER,
                 demo_read32(DEMO_ARM_GICR + GICR_WAKER) & ~GICR_WAKER_SLEEP);
    for (unsigned i = 0; i < 1000000 &&
         (demo_read32(DEMO_ARM_GICR + GICR_WAKER) & GICR_WAKER_ASLEEP); i++) {
    }
    for (unsigned i = 0; i < n; i++) {
        gic_enable_intid(intids[i]);
    }
    SYSREG_W(ICC_SRE_EL1, SYSREG_R(ICC_SRE_EL1) | 1);
    demo_isb();
    SYSREG_W(ICC_PMR_EL1, 0xf0);
    SYSREG_W(ICC_BPR1_EL1, 0);
    SYSREG_W(ICC_IGRPEN1_EL1, 1);
    demo_isb();
    return true;
}

unsigned demo_gic_ack(void)
{
    return (unsigned)(SYSREG_R(ICC_IAR1_EL1) & 0xffffff);
}

void demo_gic_eoi(unsigned intid)
{
    SYSREG_W(ICC_EOIR1_EL1, intid);
    demo_isb();
}
