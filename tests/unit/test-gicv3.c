/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Unit tests of the GICv3 model (target/arm/hw/gicv3*.c): the
 * distributor and redistributors through the memory API at the virt
 * machine's addresses, the interrupt inputs and IRQ/FIQ outputs as GPIO
 * lines, and the CPU interface through its C API (arm_gicv3_icc_read/
 * write) and through the system register table (ICC_* rows, ID_AA64PFR0).
 * No vCPU runs: the GIC's outputs go to lines of the test.
 *
 * The rig: a "none" machine, a cluster of 3 cortex-a57 CPUs (affinity =
 * index), a GICv3 serving CPUs 0 and 1 with num-irq 96 (64 SPIs, INTIDs
 * 32..95).  Expected values come from Arm IHI 0069 (register layouts in
 * chapter 12, the priority rules of 4.8), worked by hand in comments.
 */
#include "hemu/osdep.h"
#include "hw/boards.h"
#include "hw/intc/arm-gic.h"
#include "hw/irq.h"
#include "hw/qdev.h"
#include "system/memory.h"
#include "util/bitops.h"
#include "sysreg.h"
#include "hw/gic-common.h"

#define GICD 0x08000000ull
#define GICR 0x080a0000ull
#define NUM_IRQ 96
/* SGI_base frame of CPU c: RD_base + 64 KiB, frames 128 KiB apart. */
#define SGI_BASE(c) (GICR + (c) * 0x20000ull + 0x10000)

/* GICD offsets (IHI 0069 table 12-25). */
#define D_CTLR 0x0
#define D_TYPER 0x4
#define D_IGROUPR(n) (0x80 + 4 * (n))
#define D_ISENABLER(n) (0x100 + 4 * (n))
#define D_ICENABLER(n) (0x180 + 4 * (n))
#define D_ISPENDR(n) (0x200 + 4 * (n))
#define D_ISACTIVER(n) (0x300 + 4 * (n))
#define D_IPRIORITYR 0x400
#define D_ICFGR(n) (0xc00 + 4 * (n))
#define D_IROUTER(i) (0x6000 + 8 * (i))
#define PIDR2 0xffe8
/* GICR offsets (RD_base, SGI_base). */
#define R_TYPER 0x8
#define R_WAKER 0x14

typedef struct Rig {
    Object *root;
    MachineState *ms;
    CPUCluster *cl;
    DeviceState *gic;
    AddressSpace as;
    IRQLine *line[2 * GIC_OUTS_PER_CPU];
    int level[2 * GIC_OUTS_PER_CPU];
} Rig;

static void out_seen(void *opaque, int n, int level)
{
    ((Rig *)opaque)->level[n] = level;
}

static void rig_init(Rig *r)
{
    memset(r, 0, sizeof(*r));
    r->root = object_new(TYPE_CONTAINER);
    r->ms = machine_create(r->root, "none", NULL, &error_abort);
    r->cl = CPU_CLUSTER(object_new_child(OBJECT(r->ms), "cpus",
                                         TYPE_CPU_CLUSTER, &error_abort));
    object_property_set_uint(OBJECT(r->cl), "num-cpus", 3, &error_abort);
    object_property_set_str(OBJECT(r->cl), "cpu-type",
                            "cortex-a57" ARM_CPU_TYPE_SUFFIX, &error_abort);
    cpu_cluster_set_arch(r->cl, &aarch64_arch);
    cpu_cluster_set_memory(r->cl, &r->ms->sysmem);
    g_assert_true(object_realize(OBJECT(r->cl), &error_abort));
    for (int c = 0; c < 3; c++) {
        /* Aff0 = index, as the virt machine numbers its CPUs */
        object_property_set_uint(OBJECT(r->cl->cpus[c]), "mp-affinity", c,
                                 &error_abort);
    }
    r->gic = qdev_new_child(OBJECT(r->ms), "gic", TYPE_ARM_GICV3,
                            &error_abort);
    object_property_set_uint(OBJECT(r->gic), GIC_PROP_NUM_CPU, 2,
                             &error_abort);
    object_property_set_uint(OBJECT(r->gic), GIC_PROP_NUM_IRQ, NUM_IRQ,
                             &error_abort);
    object_property_set_link(OBJECT(r->gic), GIC_PROP_CPUS, OBJECT(r->cl),
                             &error_abort);
    for (int i = 0; i < 2 * GIC_OUTS_PER_CPU; i++) {
        r->line[i] = irq_new(out_seen, r, i);
        qdev_connect_gpio_out(r->gic, i, r->line[i]);
    }
    g_assert_true(qdev_realize(r->gic, &error_abort));
    memory_region_add_subregion(&r->ms->sysmem, GICD,
                                qdev_get_mmio(r->gic, 0));
    memory_region_add_subregion(&r->ms->sysmem, GICR,
                                qdev_get_mmio(r->gic, 1));
    address_space_init(&r->as, &r->ms->sysmem, "test");
}

static void rig_free(Rig *r)
{
    address_space_destroy(&r->as);
    memory_region_del_subregion(&r->ms->sysmem, qdev_get_mmio(r->gic, 0));
    memory_region_del_subregion(&r->ms->sysmem, qdev_get_mmio(r->gic, 1));
    object_unref(r->root);
    for (int i = 0; i < 2 * GIC_OUTS_PER_CPU; i++) {
        irq_free(r->line[i]);
    }
}

static uint32_t rd(Rig *r, hwaddr a)
{
    return address_space_ld(&r->as, a, MO_LEUL, MEMTXATTRS_UNSPECIFIED,
                            NULL);
}

static void wr(Rig *r, hwaddr a, uint32_t v)
{
    address_space_st(&r->as, a, v, MO_LEUL, MEMTXATTRS_UNSPECIFIED, NULL);
}

static void wr8(Rig *r, hwaddr a, uint8_t v)
{
    address_space_st(&r->as, a, v, MO_8, MEMTXATTRS_UNSPECIFIED, NULL);
}

static ARMCPU *cpu_of(Rig *r, int c)
{
    return ARM_CPU(r->cl->cpus[c]);
}

static GICv3CPU *cpuif(Rig *r, int c)
{
    return arm_gicv3_cpuif_of(cpu_of(r, c));
}

static uint64_t icc_rd(Rig *r, int c, GICv3ICCReg reg)
{
    return arm_gicv3_icc_read(cpuif(r, c), reg);
}

static void icc_wr(Rig *r, int c, GICv3ICCReg reg, uint64_t v)
{
    arm_gicv3_icc_write(cpuif(r, c), reg, v);
}

static int irq_out(Rig *r, int c)
{
    return r->level[GIC_CPU_OUTPUT(c, GIC_OUT_IRQ)];
}

static int fiq_out(Rig *r, int c)
{
    return r->level[GIC_CPU_OUTPUT(c, GIC_OUT_FIQ)];
}

static void set_input(Rig *r, int n, int level)
{
    irq_set_level(qdev_get_gpio_in(r->gic, n), level);
}

/* Both CPU interfaces: Group 0 and 1 on, PMR 0xf0 (Linux's value). */
static void cpuifs_on(Rig *r)
{
    for (int c = 0; c < 2; c++) {
        icc_wr(r, c, ICC_REG_PMR, 0xf0);
        icc_wr(r, c, ICC_REG_IGRPEN0, 1);
        icc_wr(r, c, ICC_REG_IGRPEN1, 1);
    }
}

/* A Group 1 SPI @intid with priority @prio routed to Aff0 @aff0. */
static void spi_setup(Rig *r, int intid, uint8_t prio, int aff0)
{
    wr(r, GICD + D_IGROUPR(intid / 32),
       rd(r, GICD + D_IGROUPR(intid / 32)) | 1u << (intid % 32));
    wr8(r, GICD + D_IPRIORITYR + intid, prio);
    wr(r, GICD + D_IROUTER(intid), aff0);
    wr(r, GICD + D_ISENABLER(intid / 32), 1u << (intid % 32));
}

static void test_ids(void)
{
    Rig r;

    rig_init(&r);
    /* region sizes: 64 KiB distributor, 2 x 128 KiB redistributors */
    g_assert_cmphex(memory_region_size(qdev_get_mmio(r.gic, 0)), ==,
                    0x10000);
    g_assert_cmphex(memory_region_size(qdev_get_mmio(r.gic, 1)), ==,
                    0x40000);
    /* ITLinesNumber = 96 / 32 - 1 = 2; CPUNumber = 2 - 1 = 1 (bits 7:5);
       IDbits = 9 (bits 23:19); A3V bit 24, No1N bit 25:
       2 | 1 << 5 | 9 << 19 | 3 << 24 = 0x03480022 */
    g_assert_cmphex(rd(&r, GICD + D_TYPER), ==, 0x03480022);
    g_assert_cmphex(rd(&r, GICD + PIDR2), ==, 0x3b);
    g_assert_cmphex(rd(&r, GICR + PIDR2), ==, 0x3b);
    g_assert_cmphex(rd(&r, GICR + 0x20000 + PIDR2), ==, 0x3b);
    /* ARE (4) and DS (6) read as one: 0x50 */
    g_assert_cmphex(rd(&r, GICD + D_CTLR), ==, 0x50);
    /* GICR_TYPER: CPU 0 affinity 0, number 0, not last: 0; CPU 1:
       affinity 1 << 32, number 1 << 8, Last 1 << 4 */
    g_assert_cmphex(address_space_ld(&r.as, GICR + R_TYPER, MO_LEUQ,
                                     MEMTXATTRS_UNSPECIFIED, NULL), ==, 0);
    g_assert_cmphex(address_space_ld(&r.as, GICR + 0x20000 + R_TYPER,
                                     MO_LEUQ, MEMTXATTRS_UNSPECIFIED, NULL),
                    ==, 0x100000110ull);
    /* GICR_WAKER: asleep at reset (ProcessorSleep 2 | ChildrenAsleep 4),
       awake once ProcessorSleep is cleared */
    g_assert_cmphex(rd(&r, GICR + R_WAKER), ==, 6);
    wr(&r, GICR + R_WAKER, 0);
    g_assert_cmphex(rd(&r, GICR + R_WAKER), ==, 0);
    /* 5 priority bits: 0xff reads back 0xf8 in GICD and PMR */
    wr8(&r, GICD + D_IPRIORITYR + 40, 0xff);
    g_assert_cmphex(rd(&r, GICD + D_IPRIORITYR + 40), ==, 0xf8);
    icc_wr(&r, 0, ICC_REG_PMR, 0xff);
    g_assert_cmphex(icc_rd(&r, 0, ICC_REG_PMR), ==, 0xf8);
    /* BPR minimums 2 and 3; ICC_CTLR: PRIbits 4 << 8 | A3V 1 << 15 */
    icc_wr(&r, 0, ICC_REG_BPR0, 0);
    icc_wr(&r, 0, ICC_REG_BPR1, 0);
    g_assert_cmpuint(icc_rd(&r, 0, ICC_REG_BPR0), ==, 2);
    g_assert_cmpuint(icc_rd(&r, 0, ICC_REG_BPR1), ==, 3);
    g_assert_cmphex(icc_rd(&r, 0, ICC_REG_CTLR), ==, 0x8400);
    g_assert_cmphex(icc_rd(&r, 0, ICC_REG_SRE), ==, 7);
    rig_free(&r);
}

/* A level SPI: signalled, acknowledged, EOIed, pending again while the
   line stays high. */
static void test_spi_level(void)
{
    Rig r;

    rig_init(&r);
    spi_setup(&r, 37, 0x80, 0);
    set_input(&r, 37 - 32, 1);
    /* distributor Group 1 disabled: nothing signalled */
    g_assert_cmpint(irq_out(&r, 0), ==, 0);
    wr(&r, GICD + D_CTLR, 2);
    /* CPU interface still off (PMR 0 masks everything) */
    g_assert_cmpint(irq_out(&r, 0), ==, 0);
    cpuifs_on(&r);
    g_assert_cmpint(irq_out(&r, 0), ==, 1);
    g_assert_cmpint(irq_out(&r, 1), ==, 0);
    g_assert_cmpint(fiq_out(&r, 0), ==, 0);
    /* ISPENDR shows a level interrupt as pending: bit 37 - 32 = 5 */
    g_assert_cmphex(rd(&r, GICD + D_ISPENDR(1)), ==, 1u << 5);
    g_assert_cmpuint(icc_rd(&r, 0, ICC_REG_HPPIR1), ==, 37);
    g_assert_cmpuint(icc_rd(&r, 0, ICC_REG_IAR1), ==, 37);
    g_assert_cmpint(irq_out(&r, 0), ==, 0);
    g_assert_cmphex(rd(&r, GICD + D_ISACTIVER(1)), ==, 1u << 5);
    /* running priority 0x80; AP1R0 bit 0x80 >> 3 = 16 */
    g_assert_cmphex(icc_rd(&r, 0, ICC_REG_RPR), ==, 0x80);
    g_assert_cmphex(icc_rd(&r, 0, ICC_REG_AP1R0), ==, 1u << 16);
    /* nothing else to acknowledge while it is active */
    g_assert_cmpuint(icc_rd(&r, 0, ICC_REG_IAR1), ==, 1023);
    icc_wr(&r, 0, ICC_REG_EOIR1, 37);
    g_assert_cmphex(rd(&r, GICD + D_ISACTIVER(1)), ==, 0);
    g_assert_cmphex(icc_rd(&r, 0, ICC_REG_RPR), ==, 0xff);
    /* the line is still high: pending and signalled again */
    g_assert_cmpint(irq_out(&r, 0), ==, 1);
    set_input(&r, 37 - 32, 0);
    g_assert_cmpint(irq_out(&r, 0), ==, 0);
    g_assert_cmpuint(icc_rd(&r, 0, ICC_REG_IAR1), ==, 1023);
    /* ICENABLER: a disabled interrupt is not signalled */
    set_input(&r, 37 - 32, 1);
    wr(&r, GICD + D_ICENABLER(1), 1u << 5);
    g_assert_cmpint(irq_out(&r, 0), ==, 0);
    g_assert_cmphex(rd(&r, GICD + D_ISENABLER(1)), ==, 0);
    rig_free(&r);
}

/* IROUTER sends an SPI to the CPU with that affinity. */
static void test_spi_routing(void)
{
    Rig r;

    rig_init(&r);
    wr(&r, GICD + D_CTLR, 2);
    cpuifs_on(&r);
    spi_setup(&r, 40, 0x40, 1);
    set_input(&r, 40 - 32, 1);
    g_assert_cmpint(irq_out(&r, 0), ==, 0);
    g_assert_cmpint(irq_out(&r, 1), ==, 1);
    g_assert_cmpuint(icc_rd(&r, 0, ICC_REG_IAR1), ==, 1023);
    /* re-route to CPU 0 (IROUTER Aff0 = 0) */
    wr(&r, GICD + D_IROUTER(40), 0);
    g_assert_cmpint(irq_out(&r, 0), ==, 1);
    g_assert_cmpint(irq_out(&r, 1), ==, 0);
    /* an affinity no CPU has: delivered nowhere */
    wr(&r, GICD + D_IROUTER(40), 7);
    g_assert_cmpint(irq_out(&r, 0) | irq_out(&r, 1), ==, 0);
    rig_free(&r);
}

/* PMR masking, preemption by group priority, BPR. */
static void test_priority(void)
{
    Rig r;

    rig_init(&r);
    wr(&r, GICD + D_CTLR, 2);
    cpuifs_on(&r);
    spi_setup(&r, 33, 0x80, 0);
    spi_setup(&r, 34, 0x40, 0);
    spi_setup(&r, 35, 0x88, 0);
    /* priority must be strictly below (higher than) the mask */
    icc_wr(&r, 0, ICC_REG_PMR, 0x80);
    set_input(&r, 1, 1);
    g_assert_cmpint(irq_out(&r, 0), ==, 0);
    icc_wr(&r, 0, ICC_REG_PMR, 0xf0);
    g_assert_cmpint(irq_out(&r, 0), ==, 1);
    g_assert_cmpuint(icc_rd(&r, 0, ICC_REG_IAR1), ==, 33);
    /* 0x88 in group priority 0x88 (BPR1 = 3 keeps bits 7:3) does not
       preempt running priority 0x80 */
    set_input(&r, 3, 1);
    g_assert_cmpint(irq_out(&r, 0), ==, 0);
    /* 0x40 does; it wins over 0x88 */
    set_input(&r, 2, 1);
    g_assert_cmpint(irq_out(&r, 0), ==, 1);
    g_assert_cmpuint(icc_rd(&r, 0, ICC_REG_IAR1), ==, 34);
    /* AP1R0: bits 0x40 >> 3 = 8 and 0x80 >> 3 = 16 */
    g_assert_cmphex(icc_rd(&r, 0, ICC_REG_AP1R0), ==, 1u << 8 | 1u << 16);
    g_assert_cmphex(icc_rd(&r, 0, ICC_REG_RPR), ==, 0x40);
    /* EOI drops the highest active priority: 0x40, back to 0x80 */
    set_input(&r, 2, 0);
    icc_wr(&r, 0, ICC_REG_EOIR1, 34);
    g_assert_cmphex(icc_rd(&r, 0, ICC_REG_RPR), ==, 0x80);
    g_assert_cmpint(irq_out(&r, 0), ==, 0);
    /* BPR1 = 7: group priority is bit 7 only, so 0x88 -> 0x80, and
       0x80 -> 0x80: still no preemption; with BPR1 = 3, none either */
    icc_wr(&r, 0, ICC_REG_BPR1, 7);
    g_assert_cmpint(irq_out(&r, 0), ==, 0);
    set_input(&r, 1, 0);
    icc_wr(&r, 0, ICC_REG_EOIR1, 33);
    /* idle: 0x88 is signalled */
    g_assert_cmpint(irq_out(&r, 0), ==, 1);
    g_assert_cmpuint(icc_rd(&r, 0, ICC_REG_HPPIR1), ==, 35);
    rig_free(&r);
}

/* An edge-triggered SPI latches; ISPENDR/ICPENDR; Group 0 is FIQ. */
static void test_edge_and_group0(void)
{
    Rig r;

    rig_init(&r);
    wr(&r, GICD + D_CTLR, 3);
    cpuifs_on(&r);
    spi_setup(&r, 50, 0x20, 0);
    /* INTID 50: ICFGR3 (INTIDs 48..63), field 2, bit 2 * 2 + 1 = 5 */
    wr(&r, GICD + D_ICFGR(3), 1u << 5);
    g_assert_cmphex(rd(&r, GICD + D_ICFGR(3)), ==, 1u << 5);
    set_input(&r, 50 - 32, 1);
    set_input(&r, 50 - 32, 0);
    g_assert_cmpint(irq_out(&r, 0), ==, 1);
    g_assert_cmpuint(icc_rd(&r, 0, ICC_REG_IAR1), ==, 50);
    icc_wr(&r, 0, ICC_REG_EOIR1, 50);
    g_assert_cmpint(irq_out(&r, 0), ==, 0);
    /* ISPENDR sets it pending by software: bit 50 - 32 = 18 */
    wr(&r, GICD + D_ISPENDR(1), 1u << 18);
    g_assert_cmpint(irq_out(&r, 0), ==, 1);
    wr(&r, GICD + 0x280 + 4, 1u << 18);     /* ICPENDR1 */
    g_assert_cmpint(irq_out(&r, 0), ==, 0);
    /* move it to Group 0: FIQ, acknowledged by IAR0 only */
    wr(&r, GICD + D_IGROUPR(1), 0);
    wr(&r, GICD + D_ISPENDR(1), 1u << 18);
    g_assert_cmpint(irq_out(&r, 0), ==, 0);
    g_assert_cmpint(fiq_out(&r, 0), ==, 1);
    g_assert_cmpuint(icc_rd(&r, 0, ICC_REG_IAR1), ==, 1023);
    g_assert_cmpuint(icc_rd(&r, 0, ICC_REG_HPPIR0), ==, 50);
    g_assert_cmpuint(icc_rd(&r, 0, ICC_REG_IAR0), ==, 50);
    g_assert_cmpint(fiq_out(&r, 0), ==, 0);
    /* AP0R0 bit 0x20 >> 3 = 4 */
    g_assert_cmphex(icc_rd(&r, 0, ICC_REG_AP0R0), ==, 1u << 4);
    icc_wr(&r, 0, ICC_REG_EOIR0, 50);
    g_assert_cmphex(icc_rd(&r, 0, ICC_REG_AP0R0), ==, 0);
    rig_free(&r);
}

/* SGIs by ICC_SGI1R_EL1 and a PPI through its GPIO input. */
static void test_sgi_ppi(void)
{
    Rig r;

    rig_init(&r);
    wr(&r, GICD + D_CTLR, 2);
    cpuifs_on(&r);
    for (int c = 0; c < 2; c++) {
        /* SGI 3 and PPI 27 in Group 1, enabled, priority 0xa0 */
        wr(&r, SGI_BASE(c) + 0x80, 1u << 3 | 1u << 27);
        wr(&r, SGI_BASE(c) + 0x100, 1u << 3 | 1u << 27);
        wr8(&r, SGI_BASE(c) + 0x400 + 3, 0xa0);
        wr8(&r, SGI_BASE(c) + 0x400 + 27, 0xa0);
    }
    /* SGIs are edge: ICFGR0 reads 0b10 in every field */
    g_assert_cmphex(rd(&r, SGI_BASE(0) + 0xc00), ==, 0xaaaaaaaa);
    /* CPU 0 sends SGI 3 to target list {Aff0 1}: INTID 3 << 24 | 1 << 1 */
    icc_wr(&r, 0, ICC_REG_SGI1R, 3u << 24 | 1u << 1);
    g_assert_cmpint(irq_out(&r, 0), ==, 0);
    g_assert_cmpint(irq_out(&r, 1), ==, 1);
    g_assert_cmpuint(icc_rd(&r, 1, ICC_REG_IAR1), ==, 3);
    icc_wr(&r, 1, ICC_REG_EOIR1, 3);
    g_assert_cmpint(irq_out(&r, 1), ==, 0);
    /* IRM (bit 40): every PE but the sender */
    icc_wr(&r, 1, ICC_REG_SGI1R, 3u << 24 | 1ull << 40);
    g_assert_cmpint(irq_out(&r, 0), ==, 1);
    g_assert_cmpint(irq_out(&r, 1), ==, 0);
    g_assert_cmpuint(icc_rd(&r, 0, ICC_REG_IAR1), ==, 3);
    icc_wr(&r, 0, ICC_REG_EOIR1, 3);
    /* Aff1 = 1 names no CPU here: nothing */
    icc_wr(&r, 0, ICC_REG_SGI1R, 3u << 24 | 1u << 16 | 3u);
    g_assert_cmpint(irq_out(&r, 0) | irq_out(&r, 1), ==, 0);
    /* SGI0R generates Group 0 SGIs: SGI 3 is Group 1 on both: nothing */
    icc_wr(&r, 0, ICC_REG_SGI0R, 3u << 24 | 3u);
    g_assert_cmpint(irq_out(&r, 0) | irq_out(&r, 1), ==, 0);
    /* PPI 27 of CPU 1, level, through its input */
    set_input(&r, GIC_PPI_INPUT(NUM_IRQ, 1, 27), 1);
    g_assert_cmpint(irq_out(&r, 0), ==, 0);
    g_assert_cmpint(irq_out(&r, 1), ==, 1);
    g_assert_cmpuint(icc_rd(&r, 1, ICC_REG_IAR1), ==, 27);
    set_input(&r, GIC_PPI_INPUT(NUM_IRQ, 1, 27), 0);
    icc_wr(&r, 1, ICC_REG_EOIR1, 27);
    g_assert_cmpint(irq_out(&r, 1), ==, 0);
    rig_free(&r);
}

/* EOImode 1: EOIR drops the priority only, DIR deactivates. */
static void test_eoimode(void)
{
    Rig r;

    rig_init(&r);
    wr(&r, GICD + D_CTLR, 2);
    cpuifs_on(&r);
    icc_wr(&r, 0, ICC_REG_CTLR, 2);
    g_assert_cmphex(icc_rd(&r, 0, ICC_REG_CTLR), ==, 0x8402);
    spi_setup(&r, 60, 0x50, 0);
    wr(&r, GICD + D_ISPENDR(1), 1u << 28);
    g_assert_cmpuint(icc_rd(&r, 0, ICC_REG_IAR1), ==, 60);
    icc_wr(&r, 0, ICC_REG_EOIR1, 60);
    g_assert_cmphex(icc_rd(&r, 0, ICC_REG_RPR), ==, 0xff);
    g_assert_cmphex(rd(&r, GICD + D_ISACTIVER(1)), ==, 1u << 28);
    icc_wr(&r, 0, ICC_REG_DIR, 60);
    g_assert_cmphex(rd(&r, GICD + D_ISACTIVER(1)), ==, 0);
    rig_free(&r);
}

/* The ICC_* rows and ID_AA64PFR0.GIC follow whether a GICv3 serves the
   CPU: CPUs 0 and 1 are served, CPU 2 is not. */
static void test_sysregs(void)
{
    Rig r;
    const uint32_t pmr_key = ARM_SYSREG_KEY(3, 0, 4, 6, 0);
    const uint32_t iar1_key = ARM_SYSREG_KEY(3, 0, 12, 12, 0);
    const uint32_t pfr0_key = ARM_SYSREG_KEY(3, 0, 0, 4, 0);
    CPUARMState *env0, *env2;
    const ARMSysReg *pmr, *iar1, *pfr0;

    rig_init(&r);
    env0 = &cpu_of(&r, 0)->env;
    env2 = &cpu_of(&r, 2)->env;
    pmr = arm_sysreg_lookup(env0, pmr_key);
    iar1 = arm_sysreg_lookup(env0, iar1_key);
    pfr0 = arm_sysreg_lookup(env0, pfr0_key);
    g_assert_nonnull(pmr);
    g_assert_nonnull(iar1);
    g_assert_cmpstr(arm_sysreg_name(iar1), ==, "ICC_IAR1_EL1");
    g_assert_cmpint(arm_sysreg_check(env0, pmr, true), ==, ARM_SR_OK);
    g_assert_cmpint(arm_sysreg_check(env2, pmr, true), ==, ARM_SR_UNDEF);
    /* ID_AA64PFR0_EL1.GIC is bits 27:24 */
    g_assert_cmpuint(extract64(arm_sysreg_read(env0, pfr0), 24, 4), ==, 1);
    g_assert_cmpuint(extract64(arm_sysreg_read(env2, pfr0), 24, 4), ==, 0);
    /* MSR ICC_PMR_EL1 / MRS ICC_IAR1_EL1 through the table */
    wr(&r, GICD + D_CTLR, 2);
    spi_setup(&r, 45, 0x10, 0);
    wr(&r, GICD + D_ISPENDR(1), 1u << 13);
    arm_sysreg_write(env0, pmr, 0xf0, 0);
    g_assert_cmphex(icc_rd(&r, 0, ICC_REG_PMR), ==, 0xf0);
    icc_wr(&r, 0, ICC_REG_IGRPEN1, 1);
    g_assert_cmpuint(arm_sysreg_read(env0, iar1), ==, 45);
    rig_free(&r);
}

/* Realize errors: more GIC CPUs than the cluster has; a CPU served twice. */
static void test_errors(void)
{
    Rig r;
    DeviceState *g;
    Error *err = NULL;

    rig_init(&r);
    g = qdev_new_child(OBJECT(r.ms), "gic2", TYPE_ARM_GICV3, &error_abort);
    object_property_set_link(OBJECT(g), GIC_PROP_CPUS, OBJECT(r.cl),
                             &error_abort);
    /* num-irq out of range (64..1020) is refused by the property */
    g_assert_false(object_property_set_uint(OBJECT(g), GIC_PROP_NUM_IRQ,
                                            2000, &err));
    error_free(err);
    err = NULL;
    object_property_set_uint(OBJECT(g), GIC_PROP_NUM_CPU, 4, &error_abort);
    g_assert_false(qdev_realize(g, &err));
    g_assert_nonnull(strstr(error_get_pretty(err), "num-cpu"));
    error_free(err);
    err = NULL;
    object_unparent(OBJECT(g));
    /* CPU 0 already has the first GIC's CPU interface */
    g = qdev_new_child(OBJECT(r.ms), "gic3", TYPE_ARM_GICV3, &error_abort);
    object_property_set_link(OBJECT(g), GIC_PROP_CPUS, OBJECT(r.cl),
                             &error_abort);
    g_assert_false(qdev_realize(g, &err));
    g_assert_nonnull(strstr(error_get_pretty(err), "already"));
    error_free(err);
    object_unparent(OBJECT(g));
    /* the first GIC still serves CPU 0 */
    g_assert_true(arm_gicv3_cpuif_of(cpu_of(&r, 0)) != NULL);
    rig_free(&r);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/gicv3/ids", test_ids);
    g_test_add_func("/gicv3/spi-level", test_spi_level);
    g_test_add_func("/gicv3/spi-routing", test_spi_routing);
    g_test_add_func("/gicv3/priority", test_priority);
    g_test_add_func("/gicv3/edge-group0", test_edge_and_group0);
    g_test_add_func("/gicv3/sgi-ppi", test_sgi_ppi);
    g_test_add_func("/gicv3/eoimode", test_eoimode);
    g_test_add_func("/gicv3/sysregs", test_sysregs);
    g_test_add_func("/gicv3/errors", test_errors);
    return g_test_run();
}
