/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Unit tests of the hetero-virt DSP subsystem controller
 * (hw/misc/hetero-dsp-ctrl.c) through the memory API, with no CPU: the
 * apps view is mapped at 0x0b010000 and the DSP view at 0xfc941000 (their
 * hetero-virt addresses) in one address space of the test, the outputs go
 * to IRQLines of the test, and "boot-cpu" links to a small object type
 * defined here with a uint32 property "reset-pc" (settable once realized,
 * as the Hexagon CPU's), standing in for the Hexagon thread 0.
 *
 * Expected values are the register contract of docs/user/hetero-devices.md ("DSP
 * subsystem controller"), worked by hand in the comments; offsets are
 * written out as numbers on purpose (a wrong #define would show).
 */
#include "hemu/osdep.h"
#include "hw/misc/hetero-dsp-ctrl.h"
#include "hw/qdev.h"
#include "hw/resettable.h"
#include "system/memory.h"

#define APPS 0x0b010000ull
#define DSPV 0xfc941000ull

/* apps view */
#define A_ID 0x000
#define A_VERSION 0x004
#define A_BOOT_ADDR 0x008
#define A_CTRL 0x00c
#define A_STATUS 0x010
#define A_FW_CODE 0x014
#define A_BOOT_COUNT 0x018
#define A_INT_STATUS 0x020
#define A_INT_ENABLE 0x024
#define A_SHARED_BASE_LO 0x030
#define A_SHARED_BASE_HI 0x034
#define A_SHARED_SIZE 0x038
#define A_DSP_SHARED_BASE 0x03c
/* DSP view */
#define D_ID 0x000
#define D_FW_STATE 0x004
#define D_FW_CODE 0x008
#define D_BOOT_ADDR 0x00c
#define D_BOOT_COUNT 0x010

/* STATUS bits: 0 IN_RESET, 1 FW_READY, 2 FW_FATAL */
#define ST_IN_RESET 0x1
#define ST_READY 0x2
#define ST_FATAL 0x4

/* ---------------------------------------------------------------------- */
/* A stand-in for the DSP's thread 0                                      */

#define TYPE_TEST_BOOT_CPU "test-boot-cpu"
/* Its "reset-pc" only accepts 0..0xffff: setting 0x10000 fails. */
#define TYPE_TEST_NARROW_CPU "test-narrow-cpu"
#define NO_PC 0xffffffffu       /* reset-pc default: never set */

typedef struct TestBootCpu {
    Object parent_obj;
    uint32_t reset_pc;
} TestBootCpu;

static const PropDef test_boot_cpu_props[] = {
    DEFINE_PROP_UINT32("reset-pc", TestBootCpu, reset_pc, NO_PC,
                       "where thread 0 starts"),
    PROP_END
};

static const PropDef test_narrow_cpu_props[] = {
    DEFINE_PROP_UINT32_RANGE("reset-pc", TestBootCpu, reset_pc, 0, 0,
                             0xffff, "where thread 0 starts"),
    PROP_END
};

/* As on the Hexagon CPU, reset-pc stays settable once realized. */
static void test_boot_cpu_class_init(ObjectClass *oc, const void *data)
{
    object_class_add_field_props(oc, data);
    object_class_property_find(oc, "reset-pc")->flags |= PROP_F_RUNTIME;
}

static const TypeInfo test_types[] = {
    {
        .name = TYPE_TEST_BOOT_CPU,
        .parent = TYPE_OBJECT,
        .instance_size = sizeof(TestBootCpu),
        .class_init = test_boot_cpu_class_init,
        .class_data = test_boot_cpu_props,
    },
    {
        .name = TYPE_TEST_NARROW_CPU,
        .parent = TYPE_OBJECT,
        .instance_size = sizeof(TestBootCpu),
        .class_init = test_boot_cpu_class_init,
        .class_data = test_narrow_cpu_props,
    },
};

DEFINE_TYPES(test_types)

/* ---------------------------------------------------------------------- */
/* The rig                                                                */

typedef struct Rig {
    Object *root;
    DeviceState *ctrl;
    Object *cpu;                /* boot-cpu, or NULL */
    MemoryRegion sys;
    AddressSpace as;
    IRQLine *reset_line;
    IRQLine *irq_line;
    int reset_level;            /* last level of dsp-reset; -1: never */
    int reset_drives;           /* how often dsp-reset was driven */
    int releases;               /* how often dsp-reset fell from high */
    uint32_t pc_at_release;     /* cpu's reset-pc when dsp-reset fell */
    int irq_level;              /* last level of the apps irq; -1: never */
} Rig;

/* Options of the device under test. */
typedef struct RigOpts {
    const char *cpu_type;       /* NULL: no boot-cpu link */
    bool autostart;
    uint32_t boot_addr;
} RigOpts;

static uint32_t cpu_pc(Rig *r)
{
    return (uint32_t)object_property_get_uint(r->cpu, "reset-pc",
                                              &error_abort);
}

static void reset_seen(void *opaque, int n, int level)
{
    Rig *r = opaque;

    if (r->reset_level != 0 && level == 0) {
        r->releases++;
        if (r->cpu) {
            r->pc_at_release = cpu_pc(r);
        }
    }
    r->reset_level = level;
    r->reset_drives++;
}

static void irq_seen(void *opaque, int n, int level)
{
    ((Rig *)opaque)->irq_level = level;
}

static void rig_create(Rig *r, const RigOpts *o)
{
    Object *dev;

    memset(r, 0, sizeof(*r));
    r->reset_level = -1;
    r->irq_level = -1;
    r->pc_at_release = NO_PC;
    r->root = object_new(TYPE_CONTAINER);
    if (o->cpu_type) {
        r->cpu = object_new_child(r->root, "cpu0", o->cpu_type,
                                  &error_abort);
        g_assert_true(object_realize(r->cpu, &error_abort));
    }
    r->ctrl = qdev_new_child(r->root, "ctrl", TYPE_HETERO_DSP_CTRL,
                             &error_abort);
    dev = OBJECT(r->ctrl);
    object_property_set_uint(dev, "boot-addr", o->boot_addr, &error_abort);
    object_property_set_bool(dev, "autostart", o->autostart, &error_abort);
    /* hetero-virt with -m 4G+: a carveout above 4 GiB tests the HI word */
    object_property_set_uint(dev, "shared-base", 0x147000000ull,
                             &error_abort);
    object_property_set_uint(dev, "shared-size", 16u << 20, &error_abort);
    if (r->cpu) {
        object_property_set_link(dev, "boot-cpu", r->cpu, &error_abort);
    }
    r->reset_line = irq_new(reset_seen, r, 0);
    r->irq_line = irq_new(irq_seen, r, 0);
    qdev_connect_gpio_out_named(r->ctrl, "dsp-reset", 0, r->reset_line);
    qdev_connect_gpio_out(r->ctrl, 0, r->irq_line);
}

static void rig_start(Rig *r)
{
    g_assert_true(qdev_realize(r->ctrl, &error_abort));
    memory_region_init(&r->sys, NULL, "sys", UINT64_MAX);
    memory_region_add_subregion(&r->sys, APPS, qdev_get_mmio(r->ctrl, 0));
    memory_region_add_subregion(&r->sys, DSPV, qdev_get_mmio(r->ctrl, 1));
    address_space_init(&r->as, &r->sys, "test");
    resettable_reset(OBJECT(r->ctrl), RESET_TYPE_COLD);
}

static void rig_init(Rig *r, const RigOpts *o)
{
    rig_create(r, o);
    rig_start(r);
}

static void rig_free(Rig *r)
{
    address_space_destroy(&r->as);
    memory_region_del_subregion(&r->sys, qdev_get_mmio(r->ctrl, 0));
    memory_region_del_subregion(&r->sys, qdev_get_mmio(r->ctrl, 1));
    memory_region_finalize(&r->sys);
    object_unref(r->root);
    irq_free(r->reset_line);
    irq_free(r->irq_line);
}

static uint64_t ld(Rig *r, hwaddr addr, MemOp op)
{
    MemTxResult res;
    uint64_t v = address_space_ld(&r->as, addr, op, MEMTXATTRS_UNSPECIFIED,
                                  &res);

    g_assert_cmpuint(res, ==, MEMTX_OK);
    return v;
}

static void st(Rig *r, hwaddr addr, uint64_t v, MemOp op)
{
    MemTxResult res;

    address_space_st(&r->as, addr, v, op, MEMTXATTRS_UNSPECIFIED, &res);
    g_assert_cmpuint(res, ==, MEMTX_OK);
}

static uint32_t rd(Rig *r, hwaddr view, hwaddr off)
{
    return (uint32_t)ld(r, view + off, MO_32);
}

static void wr(Rig *r, hwaddr view, hwaddr off, uint32_t v)
{
    st(r, view + off, v, MO_32);
}

static const RigOpts default_opts = {
    .cpu_type = TYPE_TEST_BOOT_CPU, .boot_addr = 0x1234,
};

/* ---------------------------------------------------------------------- */
/* Tests                                                                  */

static void test_reset_values(void)
{
    Rig r;

    rig_init(&r, &default_opts);
    /* "HDSP" = 0x48 0x44 0x53 0x50 in both views; version 1.0 */
    g_assert_cmphex(rd(&r, APPS, A_ID), ==, 0x48445350);
    g_assert_cmphex(rd(&r, DSPV, D_ID), ==, 0x48445350);
    g_assert_cmphex(rd(&r, APPS, A_VERSION), ==, 0x00010000);
    /* BOOT_ADDR = boot-addr; RUN = autostart = 0; held in reset */
    g_assert_cmphex(rd(&r, APPS, A_BOOT_ADDR), ==, 0x1234);
    g_assert_cmphex(rd(&r, APPS, A_CTRL), ==, 0);
    g_assert_cmphex(rd(&r, APPS, A_STATUS), ==, ST_IN_RESET);
    g_assert_cmphex(rd(&r, APPS, A_FW_CODE), ==, 0);
    g_assert_cmpuint(rd(&r, APPS, A_BOOT_COUNT), ==, 0);
    g_assert_cmphex(rd(&r, APPS, A_INT_STATUS), ==, 0);
    g_assert_cmphex(rd(&r, APPS, A_INT_ENABLE), ==, 0);
    g_assert_cmphex(rd(&r, DSPV, D_FW_STATE), ==, 0);
    g_assert_cmphex(rd(&r, DSPV, D_FW_CODE), ==, 0);
    g_assert_cmphex(rd(&r, DSPV, D_BOOT_ADDR), ==, 0);
    g_assert_cmpuint(rd(&r, DSPV, D_BOOT_COUNT), ==, 0);
    /* the hold phase drove dsp-reset high and the irq low; no release */
    g_assert_cmpint(r.reset_level, ==, 1);
    g_assert_cmpint(r.irq_level, ==, 0);
    g_assert_cmphex(cpu_pc(&r), ==, NO_PC);
    /* carveout: 0x1_4700_0000 -> LO 0x47000000, HI 0x1; 16 MiB =
       0x01000000; dsp-shared-base left at its default 0x80000000 */
    g_assert_cmphex(rd(&r, APPS, A_SHARED_BASE_LO), ==, 0x47000000);
    g_assert_cmphex(rd(&r, APPS, A_SHARED_BASE_HI), ==, 0x1);
    g_assert_cmphex(rd(&r, APPS, A_SHARED_SIZE), ==, 0x01000000);
    g_assert_cmphex(rd(&r, APPS, A_DSP_SHARED_BASE), ==, 0x80000000);
    rig_free(&r);
}

static void test_dsp_shared_base_property(void)
{
    Rig r;

    rig_create(&r, &default_opts);
    object_property_set_uint(OBJECT(r.ctrl), "dsp-shared-base", 0x90000000,
                             &error_abort);
    rig_start(&r);
    g_assert_cmphex(rd(&r, APPS, A_DSP_SHARED_BASE), ==, 0x90000000);
    rig_free(&r);
}

static void test_run_edges(void)
{
    Rig r;
    int drives;

    rig_init(&r, &default_opts);
    wr(&r, APPS, A_BOOT_ADDR, 0x400);
    g_assert_cmphex(rd(&r, APPS, A_BOOT_ADDR), ==, 0x400);
    /* RUN 0->1: the CPU's reset-pc is 0x400 by the time dsp-reset falls */
    wr(&r, APPS, A_CTRL, 1);
    g_assert_cmpint(r.reset_level, ==, 0);
    g_assert_cmphex(r.pc_at_release, ==, 0x400);
    g_assert_cmphex(cpu_pc(&r), ==, 0x400);
    g_assert_cmphex(rd(&r, APPS, A_CTRL), ==, 1);
    g_assert_cmphex(rd(&r, APPS, A_STATUS), ==, 0);
    g_assert_cmpuint(rd(&r, APPS, A_BOOT_COUNT), ==, 1);
    g_assert_cmpuint(rd(&r, DSPV, D_BOOT_COUNT), ==, 1);
    g_assert_cmphex(rd(&r, DSPV, D_BOOT_ADDR), ==, 0x400);

    /* RUN 1->1 is no edge: nothing driven, nothing counted */
    drives = r.reset_drives;
    wr(&r, APPS, A_CTRL, 1);
    g_assert_cmpint(r.reset_drives, ==, drives);
    g_assert_cmpuint(rd(&r, APPS, A_BOOT_COUNT), ==, 1);

    /* a new BOOT_ADDR waits for the next release; the DSP view keeps
       the one this boot started from */
    wr(&r, APPS, A_BOOT_ADDR, 0x800);
    g_assert_cmphex(rd(&r, DSPV, D_BOOT_ADDR), ==, 0x400);
    g_assert_cmphex(cpu_pc(&r), ==, 0x400);

    /* RUN 1->0 holds the DSP again; other CTRL bits are RAZ/WI, so
       0xfffffffe is RUN = 0 */
    wr(&r, APPS, A_CTRL, 0xfffffffe);
    g_assert_cmpint(r.reset_level, ==, 1);
    g_assert_cmphex(rd(&r, APPS, A_CTRL), ==, 0);
    g_assert_cmphex(rd(&r, APPS, A_STATUS), ==, ST_IN_RESET);
    g_assert_cmpuint(rd(&r, APPS, A_BOOT_COUNT), ==, 1);
    /* RUN 0->0: no edge */
    drives = r.reset_drives;
    wr(&r, APPS, A_CTRL, 0);
    g_assert_cmpint(r.reset_drives, ==, drives);

    /* second release from 0x800; 0xffffffff has RUN set and reads 1 */
    wr(&r, APPS, A_CTRL, 0xffffffff);
    g_assert_cmpint(r.reset_level, ==, 0);
    g_assert_cmphex(r.pc_at_release, ==, 0x800);
    g_assert_cmphex(rd(&r, APPS, A_CTRL), ==, 1);
    g_assert_cmpuint(rd(&r, APPS, A_BOOT_COUNT), ==, 2);
    g_assert_cmphex(rd(&r, DSPV, D_BOOT_ADDR), ==, 0x800);
    rig_free(&r);
}

static void test_firmware_state(void)
{
    Rig r;

    rig_init(&r, &default_opts);
    wr(&r, APPS, A_CTRL, 1);
    /* READY: STATUS bit 1 and INT_STATUS bit 1; INT_ENABLE 0: irq low */
    wr(&r, DSPV, D_FW_STATE, 1);
    g_assert_cmphex(rd(&r, DSPV, D_FW_STATE), ==, 1);
    g_assert_cmphex(rd(&r, APPS, A_STATUS), ==, ST_READY);
    g_assert_cmphex(rd(&r, APPS, A_INT_STATUS), ==, 0x2);
    g_assert_cmpint(r.irq_level, ==, 0);
    /* INT_ENABLE keeps bits 1..2 only: 0xffffffff reads 0x6; irq high */
    wr(&r, APPS, A_INT_ENABLE, 0xffffffff);
    g_assert_cmphex(rd(&r, APPS, A_INT_ENABLE), ==, 0x6);
    g_assert_cmpint(r.irq_level, ==, 1);
    /* W1C: writing 0x4 leaves bit 1; writing 0x2 clears it, irq low;
       STATUS keeps FW_READY (it follows FW_STATE) */
    wr(&r, APPS, A_INT_STATUS, 0x4);
    g_assert_cmphex(rd(&r, APPS, A_INT_STATUS), ==, 0x2);
    g_assert_cmpint(r.irq_level, ==, 1);
    wr(&r, APPS, A_INT_STATUS, 0x2);
    g_assert_cmphex(rd(&r, APPS, A_INT_STATUS), ==, 0);
    g_assert_cmpint(r.irq_level, ==, 0);
    g_assert_cmphex(rd(&r, APPS, A_STATUS), ==, ST_READY);

    /* FATAL with a cause in FW_CODE */
    wr(&r, DSPV, D_FW_CODE, 0xdead0001);
    g_assert_cmphex(rd(&r, DSPV, D_FW_CODE), ==, 0xdead0001);
    g_assert_cmphex(rd(&r, APPS, A_FW_CODE), ==, 0xdead0001);
    wr(&r, DSPV, D_FW_STATE, 2);
    g_assert_cmphex(rd(&r, APPS, A_STATUS), ==, ST_FATAL);
    g_assert_cmphex(rd(&r, APPS, A_INT_STATUS), ==, 0x4);
    g_assert_cmpint(r.irq_level, ==, 1);
    /* only the READY event is masked: irq follows the FATAL bit */
    wr(&r, APPS, A_INT_ENABLE, 0x2);
    g_assert_cmpint(r.irq_level, ==, 0);
    wr(&r, APPS, A_INT_ENABLE, 0x4);
    g_assert_cmpint(r.irq_level, ==, 1);

    /* other values are ignored: FW_STATE stays 2 */
    wr(&r, DSPV, D_FW_STATE, 3);
    wr(&r, DSPV, D_FW_STATE, 0);
    g_assert_cmphex(rd(&r, DSPV, D_FW_STATE), ==, 2);
    g_assert_cmphex(rd(&r, APPS, A_STATUS), ==, ST_FATAL);

    /* holding keeps the firmware's report for the apps side to read */
    wr(&r, APPS, A_CTRL, 0);
    g_assert_cmphex(rd(&r, APPS, A_STATUS), ==, ST_IN_RESET | ST_FATAL);
    g_assert_cmphex(rd(&r, APPS, A_FW_CODE), ==, 0xdead0001);
    /* a release clears FW_STATE and FW_CODE (STATUS 0) but not the
       pending event, which the apps side acknowledges itself */
    wr(&r, APPS, A_CTRL, 1);
    g_assert_cmphex(rd(&r, APPS, A_STATUS), ==, 0);
    g_assert_cmphex(rd(&r, DSPV, D_FW_STATE), ==, 0);
    g_assert_cmphex(rd(&r, DSPV, D_FW_CODE), ==, 0);
    g_assert_cmphex(rd(&r, APPS, A_FW_CODE), ==, 0);
    g_assert_cmphex(rd(&r, APPS, A_INT_STATUS), ==, 0x4);
    g_assert_cmpint(r.irq_level, ==, 1);
    rig_free(&r);
}

static void test_reset(void)
{
    Rig r;

    rig_init(&r, &default_opts);
    wr(&r, APPS, A_BOOT_ADDR, 0x4000);
    wr(&r, APPS, A_CTRL, 1);
    wr(&r, DSPV, D_FW_CODE, 7);
    wr(&r, DSPV, D_FW_STATE, 1);
    wr(&r, APPS, A_INT_ENABLE, 0x2);
    g_assert_cmpint(r.irq_level, ==, 1);
    resettable_reset(OBJECT(r.ctrl), RESET_TYPE_COLD);
    /* back to BOOT_ADDR = boot-addr, held, everything else 0 */
    g_assert_cmpint(r.reset_level, ==, 1);
    g_assert_cmpint(r.irq_level, ==, 0);
    g_assert_cmphex(rd(&r, APPS, A_BOOT_ADDR), ==, 0x1234);
    g_assert_cmphex(rd(&r, APPS, A_CTRL), ==, 0);
    g_assert_cmphex(rd(&r, APPS, A_STATUS), ==, ST_IN_RESET);
    g_assert_cmphex(rd(&r, APPS, A_FW_CODE), ==, 0);
    g_assert_cmpuint(rd(&r, APPS, A_BOOT_COUNT), ==, 0);
    g_assert_cmphex(rd(&r, APPS, A_INT_STATUS), ==, 0);
    g_assert_cmphex(rd(&r, APPS, A_INT_ENABLE), ==, 0);
    g_assert_cmphex(rd(&r, DSPV, D_FW_STATE), ==, 0);
    g_assert_cmphex(rd(&r, DSPV, D_BOOT_ADDR), ==, 0);
    rig_free(&r);
}

static void test_autostart(void)
{
    static const RigOpts opts = {
        .cpu_type = TYPE_TEST_BOOT_CPU, .autostart = true,
        .boot_addr = 0x100,
    };
    Rig r;

    rig_init(&r, &opts);
    /* reset itself released the DSP at boot-addr: one boot */
    g_assert_cmpint(r.reset_level, ==, 0);
    g_assert_cmphex(r.pc_at_release, ==, 0x100);
    g_assert_cmphex(rd(&r, APPS, A_CTRL), ==, 1);
    g_assert_cmphex(rd(&r, APPS, A_STATUS), ==, 0);
    g_assert_cmpuint(rd(&r, APPS, A_BOOT_COUNT), ==, 1);
    g_assert_cmphex(rd(&r, DSPV, D_BOOT_ADDR), ==, 0x100);
    /* held, then machine reset: running again, BOOT_COUNT back to 1, and
       the CPU told boot-addr again although BOOT_ADDR was changed */
    wr(&r, APPS, A_BOOT_ADDR, 0x200);
    wr(&r, APPS, A_CTRL, 0);
    g_assert_cmpint(r.reset_level, ==, 1);
    object_property_set_uint(r.cpu, "reset-pc", 0, &error_abort);
    resettable_reset(OBJECT(r.ctrl), RESET_TYPE_COLD);
    g_assert_cmpint(r.reset_level, ==, 0);
    g_assert_cmphex(r.pc_at_release, ==, 0x100);
    g_assert_cmphex(rd(&r, APPS, A_BOOT_ADDR), ==, 0x100);
    g_assert_cmpuint(rd(&r, APPS, A_BOOT_COUNT), ==, 1);
    rig_free(&r);
}

static void test_no_boot_cpu(void)
{
    static const RigOpts opts = { .boot_addr = 0x10 };
    Rig r;

    rig_init(&r, &opts);
    wr(&r, APPS, A_CTRL, 1);
    g_assert_cmpint(r.reset_level, ==, 0);
    g_assert_cmpuint(rd(&r, APPS, A_BOOT_COUNT), ==, 1);
    g_assert_cmphex(rd(&r, DSPV, D_BOOT_ADDR), ==, 0x10);
    rig_free(&r);
}

/*
 * The boot CPU refuses BOOT_ADDR (reset-pc limited to 0..0xffff): the DSP
 * is released anyway and the failure is reported once, on stderr.
 */
static void test_boot_pc_failure(void)
{
    static const RigOpts opts = {
        .cpu_type = TYPE_TEST_NARROW_CPU, .boot_addr = 0x10000,
    };
    Rig r;

    if (!g_test_subprocess()) {
        g_test_trap_subprocess(NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
        g_test_trap_assert_passed();
        g_test_trap_assert_stderr("*cannot set the boot CPU's start "
                                  "address to 0x00010000*");
        /* once only, although there were two releases */
        g_test_trap_assert_stderr_unmatched("*cannot set*cannot set*");
        return;
    }
    rig_init(&r, &opts);
    wr(&r, APPS, A_CTRL, 1);
    g_assert_cmpint(r.reset_level, ==, 0);
    g_assert_cmpuint(rd(&r, APPS, A_BOOT_COUNT), ==, 1);
    g_assert_cmphex(cpu_pc(&r), ==, 0);         /* unchanged default */
    wr(&r, APPS, A_CTRL, 0);
    wr(&r, APPS, A_CTRL, 1);
    g_assert_cmpint(r.reset_level, ==, 0);
    g_assert_cmpuint(rd(&r, APPS, A_BOOT_COUNT), ==, 2);
    rig_free(&r);
}

static void test_realize_errors(void)
{
    Object *root = object_new(TYPE_CONTAINER);
    Object *plain = object_new_child(root, "plain", TYPE_CONTAINER,
                                     &error_abort);
    DeviceState *a = qdev_new_child(root, "a", TYPE_HETERO_DSP_CTRL,
                                    &error_abort);
    DeviceState *b = qdev_new_child(root, "b", TYPE_HETERO_DSP_CTRL,
                                    &error_abort);
    Error *err = NULL;

    /* a boot-cpu without the property named by boot-pc-property */
    object_property_set_link(OBJECT(a), "boot-cpu", plain, &error_abort);
    g_assert_false(qdev_realize(a, &err));
    g_assert_nonnull(strstr(error_get_pretty(err), "'reset-pc'"));
    g_assert_nonnull(strstr(error_get_pretty(err), "/a"));
    error_free(err);
    err = NULL;
    /* SHARED_SIZE is 32 bits: 4 GiB does not fit */
    object_property_set_uint(OBJECT(b), "shared-size", 1ull << 32,
                             &error_abort);
    g_assert_false(qdev_realize(b, &err));
    g_assert_nonnull(strstr(error_get_pretty(err), "shared-size"));
    g_assert_nonnull(strstr(error_get_pretty(err), "0x100000000"));
    error_free(err);
    object_unref(root);
}

static void test_bad_accesses(void)
{
    Rig r;

    rig_init(&r, &default_opts);
    wr(&r, APPS, A_INT_ENABLE, 0x2);
    /* only aligned 32-bit accesses: others read 0, writes are ignored */
    g_assert_cmphex(ld(&r, APPS + A_ID, MO_8), ==, 0);
    g_assert_cmphex(ld(&r, APPS + A_ID, MO_16), ==, 0);
    g_assert_cmphex(ld(&r, APPS + A_ID, MO_64), ==, 0);
    g_assert_cmphex(ld(&r, DSPV + D_ID + 2, MO_16), ==, 0);
    g_assert_cmphex(ld(&r, APPS + A_BOOT_ADDR + 1, MO_32), ==, 0);
    st(&r, APPS + A_CTRL, 1, MO_8);
    st(&r, APPS + A_CTRL, 1, MO_16);
    st(&r, APPS + A_CTRL, 1, MO_64);
    st(&r, APPS + A_CTRL + 1, 1, MO_32);
    st(&r, DSPV + D_FW_STATE, 1, MO_8);
    g_assert_cmphex(rd(&r, APPS, A_CTRL), ==, 0);
    g_assert_cmpint(r.reset_level, ==, 1);
    g_assert_cmphex(rd(&r, DSPV, D_FW_STATE), ==, 0);
    /* reserved offsets: 0 */
    static const hwaddr a_reserved[] = { 0x01c, 0x028, 0x02c, 0x040,
                                         0xffc };
    static const hwaddr d_reserved[] = { 0x014, 0x020, 0xffc };
    for (size_t i = 0; i < ARRAY_SIZE(a_reserved); i++) {
        wr(&r, APPS, a_reserved[i], 0xffffffff);
        g_assert_cmphex(rd(&r, APPS, a_reserved[i]), ==, 0);
    }
    for (size_t i = 0; i < ARRAY_SIZE(d_reserved); i++) {
        wr(&r, DSPV, d_reserved[i], 0xffffffff);
        g_assert_cmphex(rd(&r, DSPV, d_reserved[i]), ==, 0);
    }
    /* read-only registers ignore writes */
    wr(&r, APPS, A_ID, 0);
    wr(&r, APPS, A_STATUS, 0x6);
    wr(&r, APPS, A_FW_CODE, 9);
    wr(&r, APPS, A_BOOT_COUNT, 9);
    wr(&r, APPS, A_SHARED_BASE_LO, 0);
    wr(&r, APPS, A_SHARED_SIZE, 0);
    wr(&r, DSPV, D_BOOT_ADDR, 0x55);
    wr(&r, DSPV, D_BOOT_COUNT, 9);
    g_assert_cmphex(rd(&r, APPS, A_ID), ==, 0x48445350);
    g_assert_cmphex(rd(&r, APPS, A_STATUS), ==, ST_IN_RESET);
    g_assert_cmphex(rd(&r, APPS, A_FW_CODE), ==, 0);
    g_assert_cmpuint(rd(&r, APPS, A_BOOT_COUNT), ==, 0);
    g_assert_cmphex(rd(&r, APPS, A_SHARED_BASE_LO), ==, 0x47000000);
    g_assert_cmphex(rd(&r, APPS, A_SHARED_SIZE), ==, 0x01000000);
    g_assert_cmphex(rd(&r, DSPV, D_BOOT_ADDR), ==, 0);
    g_assert_cmpuint(rd(&r, DSPV, D_BOOT_COUNT), ==, 0);
    g_assert_cmphex(rd(&r, APPS, A_INT_ENABLE), ==, 0x2);
    g_assert_cmpint(r.irq_level, ==, 0);
    rig_free(&r);
}

/*
 * Two apps vCPUs toggle RUN while the DSP reports its state, all at once:
 * the lines must reflect the register state in order, so at the end
 * dsp-reset == !RUN and every counted release (BOOT_COUNT) reached the
 * line as one falling edge.
 */
#define TOGGLES 4000

typedef struct Worker {
    Rig *r;
    int kind;                   /* 0, 1: apps togglers; 2: the DSP */
} Worker;

static gpointer worker(gpointer opaque)
{
    Worker *w = opaque;

    memory_rcu_register_thread();
    for (int i = 0; i < TOGGLES; i++) {
        if (w->kind < 2) {
            wr(w->r, APPS, A_CTRL, (uint32_t)((i + w->kind) & 1));
        } else {
            wr(w->r, DSPV, D_FW_CODE, (uint32_t)i);
            wr(w->r, DSPV, D_FW_STATE, 1 + (i & 1));
        }
    }
    memory_rcu_unregister_thread();
    return NULL;
}

static void test_concurrent(void)
{
    Rig r;
    Worker w[3];
    GThread *t[3];
    uint32_t run;

    rig_init(&r, &default_opts);
    wr(&r, APPS, A_INT_ENABLE, 0x6);
    for (int i = 0; i < 3; i++) {
        w[i] = (Worker){ .r = &r, .kind = i };
        t[i] = g_thread_new("worker", worker, &w[i]);
    }
    for (int i = 0; i < 3; i++) {
        g_thread_join(t[i]);
    }
    run = rd(&r, APPS, A_CTRL);
    g_assert_cmpint(r.reset_level, ==, !run);
    g_assert_cmpuint(rd(&r, APPS, A_BOOT_COUNT), ==, r.releases);
    /* the DSP wrote both READY and FATAL: both events are pending */
    g_assert_cmphex(rd(&r, APPS, A_INT_STATUS), ==, 0x6);
    g_assert_cmpint(r.irq_level, ==, 1);
    rig_free(&r);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/hetero-dsp-ctrl/reset-values", test_reset_values);
    g_test_add_func("/hetero-dsp-ctrl/dsp-shared-base-property",
                    test_dsp_shared_base_property);
    g_test_add_func("/hetero-dsp-ctrl/run-edges", test_run_edges);
    g_test_add_func("/hetero-dsp-ctrl/firmware-state", test_firmware_state);
    g_test_add_func("/hetero-dsp-ctrl/reset", test_reset);
    g_test_add_func("/hetero-dsp-ctrl/autostart", test_autostart);
    g_test_add_func("/hetero-dsp-ctrl/no-boot-cpu", test_no_boot_cpu);
    g_test_add_func("/hetero-dsp-ctrl/boot-pc-failure",
                    test_boot_pc_failure);
    g_test_add_func("/hetero-dsp-ctrl/realize-errors", test_realize_errors);
    g_test_add_func("/hetero-dsp-ctrl/bad-accesses", test_bad_accesses);
    g_test_add_func("/hetero-dsp-ctrl/concurrent", test_concurrent);
    return g_test_run();
}
