/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The Arm Generic Interrupt Controllers (GICv3 "arm-gicv3", GICv2
 * "arm-gic"), as machines wire them.  The models live in target/arm/hw/
 * (they reach the AArch64 vCPUs directly); boards in hw/ know only the
 * names and the layout below.
 *
 * Both devices have:
 *   properties   "num-cpu" (uint32, 1..256 for v3, 1..8 for v2,
 *                default 1), "num-irq" (uint32, every INTID including
 *                the 32 private ones, 64..1020, default 288 = 256 SPIs),
 *                link "cpus" (the cpu-cluster whose cpus[0..num-cpu-1]
 *                the GIC serves; required), v2 only: "revision" (2);
 *   GPIO inputs  (unnamed) 0 .. num-irq-33: SPI n = INTID 32+n; then for
 *                CPU c, 32 private inputs at GIC_PPI_INPUT(num-irq, c, k)
 *                for INTID k (the board uses k = 16..31, PPIs);
 *   GPIO outputs (unnamed) 4 per CPU at GIC_CPU_OUTPUT(c, GIC_OUT_*),
 *                to be connected to the CPU's inputs 0..3 (IRQ, FIQ,
 *                VIRQ, VFIQ; the virtual ones are never driven).
 *   MMIO         v3: region 0 the distributor (GICV3_DIST_SIZE), region
 *                1 the redistributors (GICV3_REDIST_SIZE per CPU,
 *                contiguous, CPU 0 first);
 *                v2: region 0 the distributor (GICV2_DIST_SIZE), region
 *                1 the CPU interface (GICV2_CPU_SIZE, banked by the
 *                accessing CPU).
 *
 * Spec: Arm IHI 0069 (GICv3/v4), Arm IHI 0048B (GICv2).  Design and
 * limits: docs/devel/gic.md.
 */
#ifndef HW_INTC_ARM_GIC_H
#define HW_INTC_ARM_GIC_H

#define TYPE_ARM_GICV3 "arm-gicv3"
#define TYPE_ARM_GIC "arm-gic"

/* Property names. */
#define GIC_PROP_NUM_CPU "num-cpu"
#define GIC_PROP_NUM_IRQ "num-irq"
#define GIC_PROP_CPUS "cpus"
#define GIC_PROP_REVISION "revision"

/* Defaults and limits of num-irq (INTIDs 0..num-irq-1 exist). */
#define GIC_NUM_IRQ_DEFAULT 288
#define GIC_NUM_IRQ_MIN 64
#define GIC_NUM_IRQ_MAX 1020
/* Private INTIDs per CPU: SGIs 0..15 and PPIs 16..31. */
#define GIC_NR_PRIVATE 32
#define GIC_NR_SGI 16

/* The GPIO input carrying private INTID @k (0..31) of CPU @c. */
#define GIC_PPI_INPUT(num_irq, c, k) \
    ((num_irq) - GIC_NR_PRIVATE + (c) * GIC_NR_PRIVATE + (k))

/* GPIO outputs: 4 per CPU. */
#define GIC_OUT_IRQ 0
#define GIC_OUT_FIQ 1
#define GIC_OUT_VIRQ 2
#define GIC_OUT_VFIQ 3
#define GIC_OUTS_PER_CPU 4
#define GIC_CPU_OUTPUT(c, o) ((c) * GIC_OUTS_PER_CPU + (o))

/* GICv3 MMIO sizes (bytes). */
#define GICV3_DIST_SIZE 0x10000
#define GICV3_REDIST_SIZE 0x20000       /* per CPU: RD_base + SGI_base */
#define GICV3_NUM_CPU_MAX 256
/* GICv2 MMIO sizes (bytes). */
#define GICV2_DIST_SIZE 0x1000
#define GICV2_CPU_SIZE 0x2000
#define GICV2_NUM_CPU_MAX 8

#endif
