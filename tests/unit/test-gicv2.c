/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Unit tests of the GICv2 model (target/arm/hw/gicv2.c) through the
 * memory API at the virt machine's addresses (GICD 0x08000000, GICC
 * 0x08010000), the accessing CPU given as MemTxAttrs.requester_id, with
 * the interrupt inputs and IRQ/FIQ outputs as GPIO lines.  No vCPU runs.
 *
 * The rig: a "none" machine, a cluster of 2 cortex-a57 CPUs, an
 * "arm-gic" with num-cpu 2 and num-irq 96 (INTIDs 32..95 are SPIs).
 * Expected values come from Arm IHI 0048B (register layouts in 4.3 and
 * 4.4, priorities in 3.3), worked by hand in comments.
 */
#include "hemu/osdep.h"
#include "hw/boards.h"
#include "hw/intc/arm-gic.h"
#include "hw/irq.h"
#include "hw/qdev.h"
#include "system/memory.h"
#include "cpu.h"

#define GICD 0x08000000ull
#define GICC 0x08010000ull
#define NUM_IRQ 96

/* GICD (IHI 0048B table 4-1) and GICC (table 4-2) offsets. */
#define D_CTLR 0x000
#define D_TYPER 0x004
#define D_IGROUPR(n) (0x080 + 4 * (n))
#define D_ISENABLER(n) (0x100 + 4 * (n))
#define D_ISPENDR(n) (0x200 + 4 * (n))
#define D_ISACTIVER(n) (0x300 + 4 * (n))
#define D_IPRIORITYR 0x400
#define D_ITARGETSR 0x800
#define D_ICFGR(n) (0xc00 + 4 * (n))
#define D_SGIR 0xf00
#define D_SPENDSGIR 0xf20
#define D_PIDR2 0xfe8
#define C_CTLR 0x00
#define C_PMR 0x04
#define C_IAR 0x0c
#define C_EOIR 0x10
#define C_RPR 0x14
#define C_HPPIR 0x18
#define C_AIAR 0x20
#define C_AEOIR 0x24
#define C_APR0 0xd0
#define C_IIDR 0xfc
#define C_DIR 0x1000

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
    object_property_set_uint(OBJECT(r->cl), "num-cpus", 2, &error_abort);
    object_property_set_str(OBJECT(r->cl), "cpu-type",
                            "cortex-a57" ARM_CPU_TYPE_SUFFIX, &error_abort);
    cpu_cluster_set_arch(r->cl, &aarch64_arch);
    cpu_cluster_set_memory(r->cl, &r->ms->sysmem);
    g_assert_true(object_realize(OBJECT(r->cl), &error_abort));
    r->gic = qdev_new_child(OBJECT(r->ms), "gic", TYPE_ARM_GIC,
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
    memory_region_add_subregion(&r->ms->sysmem, GICC,
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

/* A 32-bit access by CPU @c. */
static uint32_t rd(Rig *r, int c, hwaddr a)
{
    MemTxAttrs at = { .requester_id = c };

    return address_space_ld(&r->as, a, MO_LEUL, at, NULL);
}

static void wr(Rig *r, int c, hwaddr a, uint32_t v)
{
    MemTxAttrs at = { .requester_id = c };

    address_space_st(&r->as, a, v, MO_LEUL, at, NULL);
}

static void wr8(Rig *r, int c, hwaddr a, uint8_t v)
{
    MemTxAttrs at = { .requester_id = c };

    address_space_st(&r->as, a, v, MO_8, at, NULL);
}

static uint32_t rd8(Rig *r, int c, hwaddr a)
{
    MemTxAttrs at = { .requester_id = c };

    return address_space_ld(&r->as, a, MO_8, at, NULL);
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

/* Distributor on (both groups), both CPU interfaces on, PMR 0xf0. */
static void all_on(Rig *r)
{
    wr(r, 0, GICD + D_CTLR, 3);
    for (int c = 0; c < 2; c++) {
        wr(r, c, GICC + C_CTLR, 3);
        wr(r, c, GICC + C_PMR, 0xf0);
    }
}

static void test_ids(void)
{
    Rig r;

    rig_init(&r);
    /* ITLinesNumber = 96 / 32 - 1 = 2, CPUNumber = 1 << 5: 0x22 */
    g_assert_cmphex(rd(&r, 0, GICD + D_TYPER), ==, 0x22);
    g_assert_cmphex(rd(&r, 0, GICD + D_PIDR2) >> 4 & 0xf, ==, 2);
    /* GICC_IIDR.ArchitectureVersion (19:16) = 2 */
    g_assert_cmphex(rd(&r, 1, GICC + C_IIDR) >> 16 & 0xf, ==, 2);
    /* ITARGETSR0..7 read the reading CPU's own bit */
    g_assert_cmphex(rd8(&r, 0, GICD + D_ITARGETSR + 27), ==, 1);
    g_assert_cmphex(rd8(&r, 1, GICD + D_ITARGETSR + 27), ==, 2);
    /* SGIs are edge-triggered: ICFGR0 = 0b10 in each field */
    g_assert_cmphex(rd(&r, 0, GICD + D_ICFGR(0)), ==, 0xaaaaaaaa);
    /* banked PMR: CPU 1's write is not CPU 0's; 5 bits: 0xff -> 0xf8 */
    wr(&r, 1, GICC + C_PMR, 0xff);
    g_assert_cmphex(rd(&r, 1, GICC + C_PMR), ==, 0xf8);
    g_assert_cmphex(rd(&r, 0, GICC + C_PMR), ==, 0);
    g_assert_cmpuint(object_property_get_uint(OBJECT(r.gic), "revision",
                                              &error_abort), ==, 2);
    rig_free(&r);
}

/* An SPI targeted by ITARGETSR, acknowledged, EOIed; Group 0 = IRQ
   unless FIQEn. */
static void test_spi(void)
{
    Rig r;

    rig_init(&r);
    all_on(&r);
    /* INTID 40: Group 0 (reset), priority 0x80, target CPU 1 */
    wr8(&r, 0, GICD + D_IPRIORITYR + 40, 0x80);
    wr8(&r, 0, GICD + D_ITARGETSR + 40, 2);
    wr(&r, 0, GICD + D_ISENABLER(1), 1u << 8);
    set_input(&r, 40 - 32, 1);
    g_assert_cmpint(irq_out(&r, 0), ==, 0);
    g_assert_cmpint(irq_out(&r, 1), ==, 1);
    g_assert_cmpint(fiq_out(&r, 1), ==, 0);
    /* FIQEn (bit 3): Group 0 becomes FIQ */
    wr(&r, 1, GICC + C_CTLR, 3 | 8);
    g_assert_cmpint(irq_out(&r, 1), ==, 0);
    g_assert_cmpint(fiq_out(&r, 1), ==, 1);
    wr(&r, 1, GICC + C_CTLR, 3);
    g_assert_cmpuint(rd(&r, 0, GICC + C_IAR), ==, 1023);
    g_assert_cmpuint(rd(&r, 1, GICC + C_HPPIR), ==, 40);
    g_assert_cmpuint(rd(&r, 1, GICC + C_IAR), ==, 40);
    g_assert_cmpint(irq_out(&r, 1), ==, 0);
    g_assert_cmphex(rd(&r, 1, GICC + C_RPR), ==, 0x80);
    /* APR0 bit 0x80 >> 3 = 16 */
    g_assert_cmphex(rd(&r, 1, GICC + C_APR0), ==, 1u << 16);
    g_assert_cmphex(rd(&r, 0, GICD + D_ISACTIVER(1)), ==, 1u << 8);
    set_input(&r, 40 - 32, 0);
    wr(&r, 1, GICC + C_EOIR, 40);
    g_assert_cmphex(rd(&r, 1, GICC + C_RPR), ==, 0xff);
    g_assert_cmphex(rd(&r, 0, GICD + D_ISACTIVER(1)), ==, 0);
    g_assert_cmpint(irq_out(&r, 1), ==, 0);
    /* targets both CPUs, edge, set pending by ISPENDR: both see it, the
       first to acknowledge takes it */
    wr(&r, 0, GICD + D_ICFGR(2), 1u << 17);        /* 40 = 32 + 8: 2*8+1 */
    wr8(&r, 0, GICD + D_ITARGETSR + 40, 3);
    wr(&r, 0, GICD + D_ISPENDR(1), 1u << 8);
    g_assert_cmpint(irq_out(&r, 0) & irq_out(&r, 1), ==, 1);
    g_assert_cmpuint(rd(&r, 0, GICC + C_IAR), ==, 40);
    g_assert_cmpint(irq_out(&r, 1), ==, 0);
    g_assert_cmpuint(rd(&r, 1, GICC + C_IAR), ==, 1023);
    wr(&r, 0, GICC + C_EOIR, 40);
    rig_free(&r);
}

/* Group 1 with AckCtl: IAR reads 1022; AIAR acknowledges. */
static void test_group1(void)
{
    Rig r;

    rig_init(&r);
    all_on(&r);
    wr(&r, 0, GICD + D_IGROUPR(1), 1u << 12);      /* INTID 44: Group 1 */
    wr8(&r, 0, GICD + D_IPRIORITYR + 44, 0x40);
    wr8(&r, 0, GICD + D_ITARGETSR + 44, 1);
    wr(&r, 0, GICD + D_ISENABLER(1), 1u << 12);
    set_input(&r, 44 - 32, 1);
    g_assert_cmpint(irq_out(&r, 0), ==, 1);
    g_assert_cmpuint(rd(&r, 0, GICC + C_IAR), ==, 1022);
    g_assert_cmpuint(rd(&r, 0, GICC + C_AIAR), ==, 44);
    g_assert_cmpint(irq_out(&r, 0), ==, 0);
    set_input(&r, 44 - 32, 0);
    wr(&r, 0, GICC + C_AEOIR, 44);
    g_assert_cmphex(rd(&r, 0, GICD + D_ISACTIVER(1)), ==, 0);
    /* with AckCtl (bit 2) IAR acknowledges Group 1 too */
    wr(&r, 0, GICC + C_CTLR, 3 | 4);
    set_input(&r, 44 - 32, 1);
    g_assert_cmpuint(rd(&r, 0, GICC + C_IAR), ==, 44);
    rig_free(&r);
}

/* SGIs: GICD_SGIR with a target list, source CPU in IAR 12:10;
   SPENDSGIR; EOImode and DIR. */
static void test_sgi(void)
{
    Rig r;

    rig_init(&r);
    all_on(&r);
    /* SGI 5 enabled on CPU 1 (banked ISENABLER0), priority 0x20 */
    wr(&r, 1, GICD + D_ISENABLER(0), 1u << 5);
    wr8(&r, 1, GICD + D_IPRIORITYR + 5, 0x20);
    /* CPU 0 sends SGI 5 to list {1}: filter 0, list 2 << 16, ID 5 */
    wr(&r, 0, GICD + D_SGIR, 2u << 16 | 5);
    g_assert_cmpint(irq_out(&r, 0), ==, 0);
    g_assert_cmpint(irq_out(&r, 1), ==, 1);
    /* SPENDSGIR byte 5 of CPU 1: source bit 0 */
    g_assert_cmphex(rd8(&r, 1, GICD + D_SPENDSGIR + 5), ==, 1);
    /* CPU 1 sends it to itself too (filter 2): sources 0 and 1 */
    wr(&r, 1, GICD + D_SGIR, 2u << 24 | 5);
    g_assert_cmphex(rd8(&r, 1, GICD + D_SPENDSGIR + 5), ==, 3);
    /* IAR: INTID 5, source CPU 0 in 12:10 -> 5 */
    g_assert_cmphex(rd(&r, 1, GICC + C_IAR), ==, 5);
    wr(&r, 1, GICC + C_EOIR, 5);
    /* the one from CPU 1 remains: 5 | 1 << 10 = 0x405 */
    g_assert_cmphex(rd(&r, 1, GICC + C_IAR), ==, 0x405);
    g_assert_cmphex(rd8(&r, 1, GICD + D_SPENDSGIR + 5), ==, 0);
    /* EOImode (bit 9): EOIR drops the priority, DIR deactivates */
    wr(&r, 1, GICC + C_CTLR, 3 | 1u << 9);
    wr(&r, 1, GICC + C_EOIR, 0x405);
    g_assert_cmphex(rd(&r, 1, GICC + C_RPR), ==, 0xff);
    g_assert_cmphex(rd(&r, 1, GICD + D_ISACTIVER(0)), ==, 1u << 5);
    wr(&r, 1, GICC + C_DIR, 0x405);
    g_assert_cmphex(rd(&r, 1, GICD + D_ISACTIVER(0)), ==, 0);
    /* a PPI through CPU 0's input for INTID 30 */
    wr(&r, 0, GICD + D_ISENABLER(0), 1u << 30);
    set_input(&r, GIC_PPI_INPUT(NUM_IRQ, 0, 30), 1);
    g_assert_cmpint(irq_out(&r, 0), ==, 1);
    g_assert_cmpuint(rd(&r, 0, GICC + C_IAR), ==, 30);
    rig_free(&r);
}

static void test_errors(void)
{
    Rig r;
    DeviceState *g;
    Error *err = NULL;

    rig_init(&r);
    g = qdev_new_child(OBJECT(r.ms), "gic2", TYPE_ARM_GIC, &error_abort);
    /* at most 8 CPUs; revision 2 only */
    g_assert_false(object_property_set_uint(OBJECT(g), GIC_PROP_NUM_CPU, 9,
                                            &err));
    error_free(err);
    err = NULL;
    g_assert_false(object_property_set_uint(OBJECT(g), GIC_PROP_REVISION, 1,
                                            &err));
    error_free(err);
    err = NULL;
    object_property_set_link(OBJECT(g), GIC_PROP_CPUS, OBJECT(r.cl),
                             &error_abort);
    object_property_set_uint(OBJECT(g), GIC_PROP_NUM_CPU, 3, &error_abort);
    g_assert_false(qdev_realize(g, &err));
    g_assert_nonnull(strstr(error_get_pretty(err), "num-cpu"));
    error_free(err);
    object_unparent(OBJECT(g));
    rig_free(&r);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/gicv2/ids", test_ids);
    g_test_add_func("/gicv2/spi", test_spi);
    g_test_add_func("/gicv2/group1", test_group1);
    g_test_add_func("/gicv2/sgi", test_sgi);
    g_test_add_func("/gicv2/errors", test_errors);
    return g_test_run();
}
