/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The "hetero-virt" machine (-M hetero-virt): the AArch64 `virt` board
 * (everything of hw/arm/virt.c, unchanged: what boots on virt boots here)
 * plus a Hexagon compute-DSP subsystem, in one process, on one virtual
 * clock, sharing a DRAM carveout, an IPC mailbox and interrupt lines.
 *
 * ARM physical map additions (virt's map otherwise):
 *   0x0b000000  IPC mailbox, apps view        (GIC SPI 48)
 *   0x0b010000  DSP subsystem controller      (GIC SPI 49)
 *   0x0b100000  window onto the DSP's 1 MiB TCM
 *   RAM_END-16M the shared carveout (last 16 MiB of RAM; kept from the
 *               boot loader, /reserved-memory no-map in the device tree)
 *
 * The DSP's own map (a memory-map object /machine/dsp-memory that the
 * cluster /machine/dsp renders): TCM at 0, the carveout at 0x80000000,
 * the V66G_1024 subsystem devices (hw/hexagon/hexagon-dsp.c: config
 * table, VTCM, L2VIC, QTimer), the mailbox's DSP view at 0xfc940000
 * (L2VIC input 30), the controller's DSP view at 0xfc941000 and a PL011
 * at 0xfc950000 (L2VIC input 31) whose lines go to serial1, or, without
 * one, to serial0 prefixed "[dsp] ".
 *
 * Boot: the DSP threads are held in reset by the controller's
 * "dsp-reset" line (split to every thread's "reset" input) until the ARM
 * side sets its CTRL.RUN, or at once with dsp-autostart=on; thread 0
 * then starts at BOOT_ADDR, the entry of the ELF given with dsp-kernel=
 * or `-device loader,file=F,cluster=dsp` (set_cluster_entry below).
 *
 * Neither frontend is known here: CPUs, GIC, L2VIC and QTimer are QOM
 * types reached by name and wired with IRQ lines.  User documentation:
 * docs/user/hetero.md; device registers: docs/user/hetero-devices.md.
 */
#include "virt.h"

#include "hemu/osdep.h"
#include "hw/char/pl011.h"
#include "hw/hexagon/hexagon-dsp.h"
#include "hw/intc/arm-gic.h"
#include "hw/irq.h"
#include "hw/loader.h"
#include "hw/memory-map.h"
#include "hw/misc/hetero-dsp-ctrl.h"
#include "hw/misc/hetero-mailbox.h"
#include "hw/resettable.h"
#include "system/memory.h"
#include "util/cutils.h"

#define TYPE_HETERO_VIRT_MACHINE MACHINE_TYPE_NAME("hetero-virt")
OBJECT_DECLARE_SIMPLE_TYPE(HeteroVirtState, HETERO_VIRT_MACHINE)

/* ARM side. */
#define HV_MBOX_BASE 0x0b000000ull
#define HV_CTRL_BASE 0x0b010000ull
#define HV_TCM_WINDOW_BASE 0x0b100000ull
#define HV_SPI_MBOX 48
#define HV_SPI_CTRL 49
#define HV_CARVEOUT_SIZE (16ull << 20)
#define HV_RAM_MIN (64ull << 20)
/* DSP side. */
#define HV_DSP_TCM_SIZE (1ull << 20)
#define HV_DSP_CARVEOUT_BASE 0x80000000ull
#define HV_DSP_MBOX_BASE 0xfc940000ull
#define HV_DSP_CTRL_BASE 0xfc941000ull
#define HV_DSP_UART_BASE 0xfc950000ull
#define HV_L2VIC_MBOX 30
#define HV_L2VIC_UART 31
#define HV_DSP_CLUSTER "dsp"
#define HV_DSP_PREFIX "dsp-"
#define HV_DSP_CONSOLE_PREFIX "[dsp] "
#define HV_DEFAULT_DSP_THREADS 4
#define HV_DEFAULT_DSP_CPU "v68"
#define HV_EM_HEXAGON 164

struct HeteroVirtState {
    VirtMachineState parent_obj;
    uint32_t dsp_threads;       /* "dsp-threads": 1..8 */
    char *dsp_cpu;              /* "dsp-cpu": Hexagon model; owned by the
                                   property */
    bool dsp_autostart;         /* "dsp-autostart" */
    char *dsp_kernel;           /* "dsp-kernel": ELF for the DSP, or NULL */
    Object *dsp_map;            /* /machine/dsp-memory */
    MemoryRegion tcm;           /* DSP 0; ARM HV_TCM_WINDOW_BASE */
    MemoryRegion tcm_window;    /* alias of tcm in sysmem */
    MemoryRegion carveout;      /* alias of the top of RAM in dsp_map */
    bool regions_init;
    HexagonDsp dsp;             /* threads, config table, VTCM, L2VIC, QTimer */
    DeviceState *mbox;          /* /machine/mailbox */
    DeviceState *ctrl;          /* /machine/dsp-ctrl */
};

/* ---------------------------------------------------------------------- */
/* Memory                                                                 */

static bool hv_map_memory(HeteroVirtState *hs, Error **errp)
{
    MachineState *ms = MACHINE(hs);
    Object *owner = OBJECT(hs);
    MemoryRegion *dmap;

    hs->dsp_map = memory_map_new(owner, "dsp-memory", errp);
    if (!hs->dsp_map ||
        !memory_region_init_ram(&hs->tcm, owner, "dsp.tcm", HV_DSP_TCM_SIZE,
                                errp)) {
        return false;
    }
    memory_region_init_alias(&hs->tcm_window, owner, "dsp.tcm-window",
                             &hs->tcm, 0, HV_DSP_TCM_SIZE);
    memory_region_init_alias(&hs->carveout, owner, "dsp.carveout", ms->ram,
                             ms->ram_size - HV_CARVEOUT_SIZE,
                             HV_CARVEOUT_SIZE);
    hs->regions_init = true;
    dmap = memory_map_root(hs->dsp_map);
    memory_region_add_subregion(dmap, 0, &hs->tcm);
    memory_region_add_subregion(dmap, HV_DSP_CARVEOUT_BASE, &hs->carveout);
    memory_region_add_subregion(&ms->sysmem, HV_TCM_WINDOW_BASE,
                                &hs->tcm_window);
    return true;
}

/* ---------------------------------------------------------------------- */
/* Devices                                                                */

static bool hv_gic_in(HeteroVirtState *hs, int spi, IRQLine **line,
                      Error **errp)
{
    DeviceState *gic = VIRT_MACHINE(hs)->gic;

    if (!gic) {
        error_setg(errp, "machine hetero-virt: the GIC is not built in "
                   "(the mailbox and controller need it)");
        return false;
    }
    *line = qdev_get_gpio_in_checked(gic, NULL, spi, errp);
    return *line != NULL;
}

static bool hv_create_mailbox(HeteroVirtState *hs, Error **errp)
{
    MachineState *ms = MACHINE(hs);
    IRQLine *gic_in;

    hs->mbox = qdev_new_child(OBJECT(hs), "mailbox", TYPE_HETERO_MAILBOX,
                              errp);
    if (!hs->mbox || !hv_gic_in(hs, HV_SPI_MBOX, &gic_in, errp)) {
        return false;
    }
    memory_region_add_subregion(&ms->sysmem, HV_MBOX_BASE,
                                qdev_get_mmio(hs->mbox,
                                              HETERO_MBOX_SIDE_APPS));
    memory_region_add_subregion(memory_map_root(hs->dsp_map),
                                HV_DSP_MBOX_BASE,
                                qdev_get_mmio(hs->mbox,
                                              HETERO_MBOX_SIDE_DSP));
    qdev_connect_gpio_out(hs->mbox, HETERO_MBOX_SIDE_APPS, gic_in);
    qdev_connect_gpio_out(hs->mbox, HETERO_MBOX_SIDE_DSP,
                          qdev_get_gpio_in(hs->dsp.l2vic, HV_L2VIC_MBOX));
    return true;
}

/* The DSP console: serial1, or serial0's chardev with a line prefix. */
static bool hv_create_dsp_uart(HeteroVirtState *hs, Error **errp)
{
    MachineState *ms = MACHINE(hs);
    VirtMachineState *vms = VIRT_MACHINE(hs);
    Object *chr = ms->serial[1] ? ms->serial[1] : ms->serial[0];
    DeviceState *uart = qdev_new_child(OBJECT(hs), HV_DSP_PREFIX "uart",
                                       TYPE_PL011, errp);

    if (!uart ||
        (chr && !object_property_set_link(OBJECT(uart), "chardev", chr,
                                          errp)) ||
        (!ms->serial[1] &&
         !object_property_set_str(OBJECT(uart), "line-prefix",
                                  HV_DSP_CONSOLE_PREFIX, errp)) ||
        !qdev_connect_clock_in(uart, "clk", vms->apb_pclk, errp)) {
        return false;
    }
    memory_region_add_subregion(memory_map_root(hs->dsp_map),
                                HV_DSP_UART_BASE, qdev_get_mmio(uart, 0));
    return qdev_connect_gpio_out_checked(
        uart, "irq", 0, qdev_get_gpio_in(hs->dsp.l2vic, HV_L2VIC_UART),
        errp);
}

/* The controller, its reset line to every DSP thread, its IRQ. */
static bool hv_create_ctrl(HeteroVirtState *hs, uint32_t boot_addr,
                           Error **errp)
{
    MachineState *ms = MACHINE(hs);
    Object *ctrl;
    DeviceState *split;
    IRQLine *gic_in;

    hs->ctrl = qdev_new_child(OBJECT(hs), "dsp-ctrl", TYPE_HETERO_DSP_CTRL,
                              errp);
    if (!hs->ctrl) {
        return false;
    }
    ctrl = OBJECT(hs->ctrl);
    split = qdev_new_child(OBJECT(hs), HV_DSP_PREFIX "reset-split",
                           TYPE_SPLIT_IRQ, errp);
    if (!split ||
        !object_property_set_uint(OBJECT(split), "num-lines",
                                  hs->dsp_threads, errp) ||
        !object_realize(OBJECT(split), errp) ||
        !object_property_set_uint(ctrl, "boot-addr", boot_addr, errp) ||
        !object_property_set_bool(ctrl, "autostart", hs->dsp_autostart,
                                  errp) ||
        !object_property_set_uint(ctrl, "shared-base",
                                  VIRT_RAM_BASE + ms->ram_size -
                                  HV_CARVEOUT_SIZE, errp) ||
        !object_property_set_uint(ctrl, "shared-size", HV_CARVEOUT_SIZE,
                                  errp) ||
        !object_property_set_link(ctrl, "boot-cpu",
                                  OBJECT(hexagon_dsp_thread(&hs->dsp, 0)),
                                  errp) ||
        !hv_gic_in(hs, HV_SPI_CTRL, &gic_in, errp)) {
        return false;
    }
    /* every CPU's GPIO input "reset" (include/exec/cpu.h) holds it */
    for (unsigned t = 0; t < hs->dsp_threads; t++) {
        IRQLine *in = qdev_get_gpio_in_checked(hexagon_dsp_thread(&hs->dsp,
                                                                  t),
                                               "reset", 0, errp);

        if (!in) {
            return false;
        }
        qdev_connect_gpio_out(split, t, in);
    }
    qdev_connect_gpio_out_named(hs->ctrl, HETERO_DSP_CTRL_GPIO_DSP_RESET, 0,
                                qdev_get_gpio_in(split, 0));
    qdev_connect_gpio_out(hs->ctrl, 0, gic_in);
    memory_region_add_subregion(&ms->sysmem, HV_CTRL_BASE,
                                qdev_get_mmio(hs->ctrl,
                                              HETERO_DSP_CTRL_VIEW_APPS));
    memory_region_add_subregion(memory_map_root(hs->dsp_map),
                                HV_DSP_CTRL_BASE,
                                qdev_get_mmio(hs->ctrl,
                                              HETERO_DSP_CTRL_VIEW_DSP));
    /*
     * Hold the threads now (the controller drives the line from its
     * first reset on): they must not run before the release.
     */
    irq_set_level(qdev_get_gpio_in(split, 0), !hs->dsp_autostart);
    return true;
}

/* ---------------------------------------------------------------------- */
/* The DSP's program                                                      */

static bool hv_load_dsp_kernel(HeteroVirtState *hs, uint32_t *entry,
                               Error **errp)
{
    LoadElfOptions opts = { .machine = HV_EM_HEXAGON };
    LoadElfResult res;
    AddressSpace as;
    bool ok;

    address_space_init(&as, memory_map_root(hs->dsp_map), "dsp-loader");
    ok = load_elf_as(hs->dsp_kernel, &as, &opts, &res, errp);
    address_space_destroy(&as);
    if (!ok) {
        error_prepend(errp, "machine hetero-virt: dsp-kernel: ");
        return false;
    }
    *entry = (uint32_t)res.entry_paddr;
    return true;
}

/* A loader put an image into a cluster: the DSP's becomes BOOT_ADDR. */
static bool hv_set_cluster_entry(MachineState *ms, Object *cluster,
                                 uint64_t entry, Error **errp)
{
    HeteroVirtState *hs = HETERO_VIRT_MACHINE(ms);

    if (cluster != hs->dsp.cluster) {
        return true;            /* the ARM side boots from -kernel */
    }
    if (!object_property_set_uint(OBJECT(hs->ctrl), "boot-addr",
                                  (uint32_t)entry, errp)) {
        return false;
    }
    resettable_reset(OBJECT(hs->ctrl), RESET_TYPE_COLD);
    return true;
}

/* ---------------------------------------------------------------------- */
/* The machine                                                            */

static HexagonDspConfig hv_dsp_config(HeteroVirtState *hs)
{
    return (HexagonDspConfig) {
        .board = "machine hetero-virt",
        .cluster_name = HV_DSP_CLUSTER,
        .prefix = HV_DSP_PREFIX,
        .cpu_model = hs->dsp_cpu ? hs->dsp_cpu : HV_DEFAULT_DSP_CPU,
        .threads = hs->dsp_threads,
        .map = memory_map_root(hs->dsp_map),
        .map_obj = hs->dsp_map,
        .keep_running = true,
    };
}

static bool hv_init(MachineState *ms, Error **errp)
{
    HeteroVirtState *hs = HETERO_VIRT_MACHINE(ms);
    HexagonDspConfig cfg;
    uint32_t entry = 0;

    if (ms->ram_size < HV_RAM_MIN) {
        g_autofree char *have = size_to_str(ms->ram_size);

        error_setg(errp, "machine hetero-virt: -m %s is too small (at least "
                   "64 MiB: the top 16 MiB are the DSP's shared carveout)",
                   have);
        return false;
    }
    VIRT_MACHINE(hs)->carveout_size = HV_CARVEOUT_SIZE;
    if (!virt_machine_init(ms, errp) || !hv_map_memory(hs, errp)) {
        return false;
    }
    cfg = hv_dsp_config(hs);
    if (!hexagon_dsp_create_devices(&hs->dsp, OBJECT(hs), &cfg, errp) ||
        (hs->dsp_kernel && !hv_load_dsp_kernel(hs, &entry, errp))) {
        return false;
    }
    cfg.reset_pc = entry;
    return hexagon_dsp_create_cpus(&hs->dsp, OBJECT(hs), &cfg, errp) &&
           hv_create_mailbox(hs, errp) && hv_create_dsp_uart(hs, errp) &&
           hv_create_ctrl(hs, entry, errp);
}

static void hv_instance_init(Object *obj)
{
    HETERO_VIRT_MACHINE(obj)->dsp_threads = HV_DEFAULT_DSP_THREADS;
}

static void hv_instance_finalize(Object *obj)
{
    HeteroVirtState *hs = HETERO_VIRT_MACHINE(obj);

    hexagon_dsp_finalize(&hs->dsp);
    if (hs->regions_init) {
        memory_region_finalize(&hs->carveout);
        memory_region_finalize(&hs->tcm_window);
        memory_region_finalize(&hs->tcm);
    }
}

static const PropDef hv_props[] = {
    DEFINE_PROP_UINT32_RANGE("dsp-threads", HeteroVirtState, dsp_threads,
                             HV_DEFAULT_DSP_THREADS, 1,
                             HEXAGON_DSP_MAX_THREADS,
                             "Hexagon hardware threads of the DSP"),
    DEFINE_PROP_STRING("dsp-cpu", HeteroVirtState, dsp_cpu,
                       "Hexagon CPU model of the DSP (default v68)"),
    DEFINE_PROP_BOOL("dsp-autostart", HeteroVirtState, dsp_autostart, false,
                     "release the DSP at reset instead of waiting for the "
                     "ARM side"),
    DEFINE_PROP_STRING("dsp-kernel", HeteroVirtState, dsp_kernel,
                       "ELF program for the DSP (loaded into its address "
                       "space; its entry is the boot address)"),
    PROP_END
};

static void hv_class_init(ObjectClass *oc, const void *data)
{
    MachineClass *mc = MACHINE_CLASS(oc);

    mc->name = "hetero-virt";
    mc->desc = "Arm virt board plus a Hexagon DSP subsystem (shared DRAM "
               "carveout, IPC mailbox, DSP controller)";
    mc->init = hv_init;
    mc->set_cluster_entry = hv_set_cluster_entry;
    object_class_add_field_props(oc, hv_props);
}

static const TypeInfo hv_types[] = {
    {
        .name = TYPE_HETERO_VIRT_MACHINE,
        .parent = TYPE_VIRT_MACHINE,
        .description = "Arm virt board plus a Hexagon compute DSP",
        .instance_size = sizeof(HeteroVirtState),
        .instance_init = hv_instance_init,
        .instance_finalize = hv_instance_finalize,
        .class_init = hv_class_init,
    },
};

DEFINE_TYPES(hv_types)
