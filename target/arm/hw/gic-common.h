/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The GICv3 model's state and its C API inside target/arm/: the
 * distributor and redistributors (gicv3.c, gicv3-redist.c), the CPU
 * interface (gicv3-cpuif.c) that the ICC_* system registers
 * (sysreg-gic.c) and the unit tests call.
 *
 * Invariants:
 * - Every field below the lock is read and written with s->lock held;
 *   after any change that can alter a CPU's highest-priority pending
 *   interrupt, arm_gicv3_update() runs before the lock is released, so the
 *   IRQ/FIQ outputs always reflect the current state.
 * - INTIDs 0..31 live in the redistributor of each CPU (cpu->priv,
 *   cpu->prio); INTIDs 32..num_irq-1 in the distributor (s->spi[n / 32],
 *   s->prio[n]).  Affinity routing is always on (GICD_CTLR.ARE RAO/WI) and
 *   there is one security state (GICD_CTLR.DS RAO/WI).
 * - 5 priority bits are implemented: priorities, PMR and the group
 *   priority of every active interrupt are multiples of 8, so one 32-bit
 *   active-priorities register per group (AP0R0, AP1R0) has a bit per
 *   preemption level (priority >> 3).
 *
 * Spec: Arm IHI 0069 (GICv3/v4): 2 (distribution, affinity routing),
 * 4 (interrupt handling and prioritization), 12 (registers).
 */
#ifndef TARGET_ARM_HW_GIC_COMMON_H
#define TARGET_ARM_HW_GIC_COMMON_H

#include "cpu.h"
#include "hw/qdev.h"
#include "system/memory.h"

/* The board contract (type, property, GPIO and MMIO names and sizes). */
#include "hw/intc/arm-gic.h"

/* The implemented priority bits: values are masked with this. */
#define GICV3_PRIO_MASK 0xf8
/* The lowest (idle) priority: no interrupt active, "nothing pending". */
#define GICV3_PRIO_IDLE 0xff
/* Special INTID returned when nothing can be acknowledged. */
#define GICV3_INTID_SPURIOUS 1023
/* PIDR2.ArchRev = 3 (GICv3), JEDEC bit and DES_1 = 0b011 (Arm). */
#define GICV3_PIDR2 0x3b
/* GICD_IIDR and GICR_IIDR: implementer 0x43b (Arm's JEP106 code),
   ProductID 'H' (hemu), variant and revision 0. */
#define GICV3_IIDR (0x48u << 24 | 0x43b)
/* The lowest value BPR0 and BPR1 may hold (5 group priority bits). */
#define GICV3_BPR0_MIN 2
#define GICV3_BPR1_MIN 3

/* One 32-INTID slice of interrupt state; bit i is INTID base + i. */
typedef struct GICv3Bits {
    uint32_t group;             /* 1: Group 1 (IRQ), 0: Group 0 (FIQ) */
    uint32_t enable;            /* forwarding enabled (ISENABLER) */
    uint32_t pending;           /* latched pending (edge, ISPENDR) */
    uint32_t active;
    uint32_t level;             /* the input line is high */
    uint32_t edge;              /* 1: edge-triggered (ICFGR 0b10) */
} GICv3Bits;

typedef struct GICv3State GICv3State;

/* The redistributor and CPU interface of one CPU. */
typedef struct GICv3CPU {
    GICv3State *gic;
    ARMCPU *cpu;                /* holds a reference */
    int index;                  /* 0..num_cpu-1 */
    uint32_t affinity;          /* Aff3:Aff2:Aff1:Aff0, as GICR_TYPER[63:32]
                                   (Aff3 always 0 here) */
    /* redistributor */
    GICv3Bits priv;             /* INTIDs 0..31 */
    uint8_t prio[GIC_NR_PRIVATE];
    uint32_t waker;             /* GICR_WAKER: ProcessorSleep (bit 1); bit
                                   2 ChildrenAsleep mirrors it */
    /* CPU interface */
    uint32_t pmr;               /* ICC_PMR_EL1, & GICV3_PRIO_MASK */
    uint32_t bpr[2];            /* ICC_BPR0/1_EL1, >= the minimums */
    uint32_t igrpen[2];         /* ICC_IGRPEN0/1_EL1 bit 0 */
    bool eoimode;               /* ICC_CTLR_EL1.EOImode */
    uint32_t apr[2];            /* ICC_AP0R0/AP1R0: bit p: an interrupt of
                                   group priority p << 3 is active */
    /* the highest-priority pending interrupt, from arm_gicv3_update() */
    int hppi;                   /* INTID, or -1 when none */
    uint32_t hppi_prio;
    int hppi_group;
    int out_level[2];           /* last levels driven on IRQ, FIQ */
} GICv3CPU;

struct GICv3State {
    DeviceState parent_obj;
    /* configuration */
    uint32_t num_cpu;           /* "num-cpu", 1..GICV3_NUM_CPU_MAX */
    uint32_t num_irq;           /* "num-irq", 64..1020 */
    Object *cluster;            /* "cpus" link: the cpu-cluster */
    /* after realize */
    MemoryRegion dist_mr, redist_mr;
    GMutex lock;
    GICv3CPU *cpus;             /* num_cpu */
    uint32_t ctlr;              /* GICD_CTLR EnableGrp0 (0), EnableGrp1 (1) */
    GICv3Bits *spi;             /* DIV_ROUND_UP(num_irq, 32) slices; [0]
                                   unused (private INTIDs) */
    uint8_t *prio;              /* num_irq; [0..31] unused */
    uint64_t *irouter;          /* num_irq; [0..31] unused */
    int16_t *target;            /* num_irq: the CPU index IROUTER names,
                                   -1: none; [0..31] unused */
    IRQLine *out[GICV3_NUM_CPU_MAX * GIC_OUTS_PER_CPU];
};

OBJECT_DECLARE_SIMPLE_TYPE(GICv3State, ARM_GICV3)

/* The ICC_* registers the CPU interface implements (sysreg-gic.c). */
typedef enum GICv3ICCReg {
    ICC_REG_PMR,
    ICC_REG_IAR0, ICC_REG_IAR1,
    ICC_REG_EOIR0, ICC_REG_EOIR1,
    ICC_REG_HPPIR0, ICC_REG_HPPIR1,
    ICC_REG_BPR0, ICC_REG_BPR1,
    ICC_REG_AP0R0, ICC_REG_AP1R0,
    ICC_REG_DIR,
    ICC_REG_RPR,
    ICC_REG_SGI0R, ICC_REG_SGI1R,
    ICC_REG_CTLR,
    ICC_REG_SRE,                /* SRE_EL1/EL2/EL3: SRE fixed at 1 */
    ICC_REG_IGRPEN0, ICC_REG_IGRPEN1,
    ICC_REG_IGRPEN1_EL3,
    ICC_REG__MAX
} GICv3ICCReg;

/* ---- gicv3.c: shared by the distributor, redistributor, CPU interface */

/* The state slice and the priority byte of @intid as @c sees it. */
GICv3Bits *arm_gicv3_bits(GICv3State *s, GICv3CPU *c, int intid);
uint8_t *arm_gicv3_prio(GICv3State *s, GICv3CPU *c, int intid);
/* Recompute every CPU's HPPI and outputs (lock held). */
void arm_gicv3_update(GICv3State *s);
/* Redistributor MMIO ops (gicv3-redist.c); opaque is the GICv3State. */
extern const MemoryRegionOps arm_gicv3_redist_ops;
/* Read or write one 32-bit word of a GICD/GICR register bank of 32-bit
   per-INTID bitmaps (IGROUPR .. ICACTIVER) at @reg_off from the bank
   start, for INTIDs @base..@base+31 (lock held). */
uint32_t arm_gicv3_bitmap_read(GICv3State *s, GICv3CPU *c, hwaddr reg_off,
                           int base);
void arm_gicv3_bitmap_write(GICv3State *s, GICv3CPU *c, hwaddr reg_off,
                        int base, uint32_t value);
/* ICFGR word for INTIDs @base..@base+15, and its write. */
uint32_t arm_gicv3_icfgr_read(GICv3State *s, GICv3CPU *c, int base);
void arm_gicv3_icfgr_write(GICv3State *s, GICv3CPU *c, int base, uint32_t v);

/* ---- gicv3-cpuif.c: the CPU interface (ICC_*), from @c's vCPU -------- */

/*
 * The CPU interface serving @cpu, or NULL when no GICv3 is attached to
 * it (the ICC_* registers are then UNDEFINED and ID_AA64PFR0.GIC reads
 * 0).
 */
GICv3CPU *arm_gicv3_cpuif_of(ARMCPU *cpu);
/* True when a GICv3 CPU interface serves @env's vCPU: sysreg.c ORs
   ID_AA64PFR0_EL1.GIC = 1 into the model's value then. */
bool arm_gicv3_has_cpuif(CPUARMState *env);
/*
 * Read / write ICC register @reg of CPU interface @c (acknowledge,
 * priority drop, SGI generation, ...), with the Arm IHI 0069 semantics.
 * Called by the MRS/MSR helpers and by tests; takes the GIC lock.
 */
uint64_t arm_gicv3_icc_read(GICv3CPU *c, GICv3ICCReg reg);
void arm_gicv3_icc_write(GICv3CPU *c, GICv3ICCReg reg, uint64_t value);
/* Attach / detach the CPU interface lookup to @c->cpu (gicv3.c realize
   and finalize). */
bool arm_gicv3_cpuif_attach(GICv3CPU *c, Error **errp);
void arm_gicv3_cpuif_detach(GICv3CPU *c);
/* Reset the CPU interface registers of @c (lock held). */
void arm_gicv3_cpuif_reset(GICv3CPU *c);
/* The running priority of @c: the highest active group priority, or
   GICV3_PRIO_IDLE (lock held). */
uint32_t arm_gicv3_running_prio(GICv3CPU *c);
/* The group priority of @prio in @group under @c's binary points. */
uint32_t arm_gicv3_group_prio(GICv3CPU *c, uint32_t prio, int group);

#endif
