/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The "virt" machine (-M virt): an AArch64 board with QEMU's virt memory
 * map and interrupt numbers, for the parts hemu has so far:
 *
 *   0x08000000  GIC distributor      GICv3 (default) or GICv2
 *   0x08010000  GICv2 CPU interface  (gic-version=2)
 *   0x080a0000  GICv3 redistributors 128 KiB per CPU (gic-version=3)
 *   0x09000000  PL011 UART (4 KiB)   serial0, UARTCLK 24 MHz, SPI 1
 *   0x09010000  PL031 RTC (4 KiB)    SPI 2
 *   0x40000000  RAM (-m, default 128 MiB, at most 255 GiB)
 *
 * The CPUs form one cpu-cluster at /machine/cpus (arch "aarch64",
 * cpu-type from -cpu, num-cpus from -smp).  CPU properties are read at
 * reset, so init realizes the cluster, sets each CPU's properties by
 * name (rvbar, mp-affinity, start-powered-off, has-el2, has-el3,
 * psci-conduit, semihosting, semihosting-root) and resets it.  cpu[0]
 * starts at the boot entry (virt-boot.c), the others stay off until PSCI
 * CPU_ON.
 *
 * Interrupts: the GIC (types "arm-gicv3" / "arm-gic" of target/arm/hw/,
 * reached only by the names of include/hw/intc/arm-gic.h) has inputs 0..255 for SPIs
 * (INTID 32 + n), then 32 per CPU c at 256 + 32c + k for INTID k; its
 * outputs 4c + {0,1,2,3} drive CPU c's inputs IRQ, FIQ, VIRQ, VFIQ.  Each
 * CPU's "gtimer" outputs 0..3 (physical, virtual, hypervisor, secure)
 * go to PPIs 30, 27, 26, 29.  When the GIC type is not built in, each
 * CPU's virtual timer drives that CPU's IRQ input directly (logged under
 * -d unimp) and the UART and RTC interrupts go nowhere.
 *
 * Properties beyond the machine's: virtualization (EL2), secure (EL3),
 * semihosting, semihosting-root, gic-version, dumpdtb, carveout-size (RAM
 * at the top kept from the boot and reserved in the device tree, for
 * memory another cluster shares: hetero-virt and machine files built on
 * virt).  PSCI is served by
 * hemu over SMC when EL2 is emulated and over HVC otherwise, as QEMU does
 * without firmware.
 *
 * User documentation: docs/user/virt.md.
 */
#include "virt.h"

#include "hemu/osdep.h"
#include "hw/char/pl011.h"
#include "hw/intc/arm-gic.h"
#include "hw/resettable.h"
#include "hw/rtc/pl031.h"
#include "hw/virtio/virtio-mmio.h"
#include "system/memory.h"
#include "util/cutils.h"
#include "util/log.h"

#define VIRT_RAM_DEFAULT (128ull << 20)
#define VIRT_MAX_CPUS 256                   /* the cluster's limit */
#define VIRT_GICV2_MAX_CPUS 8               /* GICv2 targets 8 CPUs */
#define VIRT_CPU_SUFFIX "-aarch64-cpu"
#define VIRT_CPU_BASE "aarch64-cpu"

#define VIRT_CARVEOUT_ALIGN 0x1000ull           /* a page: DT and loader */
#define VIRT_GIC_NUM_IRQ 288                /* 256 SPIs + 32 private */
#define VIRT_GIC_PPI_BASE 16                /* INTID of PPI 0 */

/* The CPU's interface the machine uses (target/arm/cpu.c, gtimer.c). */
#define VIRT_GTIMER_COUNT 4                 /* "gtimer" outputs */
#define VIRT_GTIMER_VIRT 1                  /* virtual timer output */
#define VIRT_CPU_IRQ 0                      /* IRQ input line */
#define VIRT_PSCI_HVC "hvc"
#define VIRT_PSCI_SMC "smc"

/* ---------------------------------------------------------------------- */
/* CPU models                                                             */

static gint virt_strcmp_ptr(gconstpointer a, gconstpointer b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* "cortex-a53, cortex-a57, max": the -cpu names, sorted; g_free. */
static char *virt_cpu_names(void)
{
    GSList *list = object_class_get_list(VIRT_CPU_BASE, false);
    g_autoptr(GPtrArray) names = g_ptr_array_new();
    GString *s = g_string_new(NULL);

    for (GSList *l = list; l; l = l->next) {
        const char *type = object_class_get_name(l->data);

        if (g_str_has_suffix(type, VIRT_CPU_SUFFIX)) {
            g_ptr_array_add(names, (gpointer)type);
        }
    }
    g_ptr_array_sort(names, virt_strcmp_ptr);
    for (guint i = 0; i < names->len; i++) {
        const char *t = names->pdata[i];

        g_string_append_printf(s, "%s%.*s", i ? ", " : "",
                               (int)(strlen(t) - strlen(VIRT_CPU_SUFFIX)), t);
    }
    g_slist_free(list);
    return g_string_free(s, FALSE);
}

/* The QOM type of -cpu @model ("cortex-a57" or its type name); g_free. */
static char *virt_cpu_type(const char *model, Error **errp)
{
    g_autofree char *type = g_str_has_suffix(model, VIRT_CPU_SUFFIX)
                            ? g_strdup(model)
                            : g_strconcat(model, VIRT_CPU_SUFFIX, NULL);
    ObjectClass *oc = object_class_by_name(type);
    g_autofree char *names = NULL;

    if (oc && !object_class_is_abstract(oc) &&
        object_class_dynamic_cast(oc, VIRT_CPU_BASE)) {
        return g_steal_pointer(&type);
    }
    names = virt_cpu_names();
    error_setg(errp, "machine virt: unknown CPU model '%s' (accepted: %s)",
               model, *names ? names : "none: the aarch64 frontend is not "
               "built in");
    return NULL;
}

/* ---------------------------------------------------------------------- */
/* CPUs                                                                   */

static bool virt_set_cpu_props(VirtMachineState *vms, Object *cpu,
                               unsigned idx, uint64_t entry, Error **errp)
{
    /* Aff0 = index in a group of 8, Aff1 = group: QEMU's virt with GICv2 */
    uint32_t aff = (idx % 8) | (idx / 8) << 8;
    const char *conduit = vms->virtualization ? VIRT_PSCI_SMC
                                              : VIRT_PSCI_HVC;

    return object_property_set_uint(cpu, "rvbar", entry, errp) &&
           object_property_set_uint(cpu, "mp-affinity", aff, errp) &&
           object_property_set_bool(cpu, "start-powered-off", idx != 0,
                                    errp) &&
           object_property_set_bool(cpu, "has-el2", vms->virtualization,
                                    errp) &&
           object_property_set_bool(cpu, "has-el3", vms->secure, errp) &&
           object_property_set_str(cpu, "psci-conduit", conduit, errp) &&
           object_property_set_bool(cpu, "semihosting", vms->semihosting,
                                    errp) &&
           (!vms->semihosting_root ||
            object_property_set_str(cpu, "semihosting-root",
                                    vms->semihosting_root, errp));
}

/* cpu[@idx] of the cluster (which made cpu[0..num-cpus-1]). */
static DeviceState *virt_cpu(VirtMachineState *vms, unsigned idx)
{
    g_autofree char *name = g_strdup_printf("cpu[%u]", idx);
    Object *cpu = object_get_child(vms->cluster, name);

    assert(cpu);
    return DEVICE(cpu);
}

static bool virt_create_cpus(VirtMachineState *vms, uint64_t entry,
                             Error **errp)
{
    MachineState *ms = MACHINE(vms);
    g_autofree char *type = virt_cpu_type(ms->cpu_type, errp);
    Object *cl;

    if (!type) {
        return false;
    }
    cl = object_new_child(OBJECT(ms), "cpus", "cpu-cluster", errp);
    if (!cl ||
        !object_property_set_str(cl, "arch", "aarch64", errp) ||
        !object_property_set_str(cl, "cpu-type", type, errp) ||
        !object_property_set_uint(cl, "num-cpus", ms->smp.cpus, errp)) {
        return false;
    }
    /* a cluster without a memory root sees its machine's sysmem */
    if (!object_realize(cl, errp)) {
        return false;
    }
    vms->cluster = cl;
    for (unsigned i = 0; i < ms->smp.cpus; i++) {
        if (!virt_set_cpu_props(vms, OBJECT(virt_cpu(vms, i)), i, entry,
                                errp)) {
            error_prepend(errp, "machine virt: /machine/cpus/cpu[%u]: ", i);
            return false;
        }
    }
    return true;
}

/* ---------------------------------------------------------------------- */
/* Interrupts                                                             */

/* Without a GIC: each CPU's virtual timer drives its own IRQ input. */
static bool virt_wire_timers_direct(VirtMachineState *vms, Error **errp)
{
    for (unsigned i = 0; i < MACHINE(vms)->smp.cpus; i++) {
        DeviceState *cpu = virt_cpu(vms, i);
        IRQLine *in = qdev_get_gpio_in_checked(cpu, NULL, VIRT_CPU_IRQ,
                                               errp);

        if (!in || !qdev_connect_gpio_out_checked(cpu, "gtimer",
                                                  VIRT_GTIMER_VIRT, in,
                                                  errp)) {
            error_prepend(errp, "machine virt: /machine/cpus/cpu[%u]: ", i);
            return false;
        }
    }
    return true;
}

/* Output @out_name[@out] of @dev to the GIC's input @in. */
static bool virt_to_gic(VirtMachineState *vms, DeviceState *dev,
                        const char *out_name, int out, int in, Error **errp)
{
    IRQLine *line = qdev_get_gpio_in_checked(vms->gic, NULL, in, errp);

    return line && qdev_connect_gpio_out_checked(dev, out_name, out, line,
                                                 errp);
}

/* CPU @c: the GIC's outputs to its inputs, its timers to the GIC's PPIs. */
static bool virt_wire_cpu(VirtMachineState *vms, unsigned c, Error **errp)
{
    /* "gtimer" outputs: physical, virtual, hypervisor, secure */
    static const int ppi[VIRT_GTIMER_COUNT] = {
        VIRT_PPI_TIMER_PHYS, VIRT_PPI_TIMER_VIRT, VIRT_PPI_TIMER_HYP,
        VIRT_PPI_TIMER_SEC,
    };
    DeviceState *cpu = virt_cpu(vms, c);

    for (int k = 0; k < GIC_OUTS_PER_CPU; k++) {
        IRQLine *in = qdev_get_gpio_in_checked(cpu, NULL, k, errp);

        if (!in || !qdev_connect_gpio_out_checked(
                vms->gic, NULL, GIC_CPU_OUTPUT(c, k), in, errp)) {
            return false;
        }
    }
    for (int t = 0; t < VIRT_GTIMER_COUNT; t++) {
        if (!virt_to_gic(vms, cpu, "gtimer", t,
                         GIC_PPI_INPUT(VIRT_GIC_NUM_IRQ, c,
                                       VIRT_GIC_PPI_BASE + ppi[t]),
                         errp)) {
            return false;
        }
    }
    return true;
}

static bool virt_create_gic(VirtMachineState *vms, Error **errp)
{
    MachineState *ms = MACHINE(vms);
    bool v3 = vms->gic_version == 3;
    const char *type = v3 ? TYPE_ARM_GICV3 : TYPE_ARM_GIC;
    MemoryRegion *dist, *cpuif;

    if (!object_class_by_name(type)) {
        log_mask(LOG_UNIMP, "virt: no '%s' device is built in: each CPU's "
                 "virtual timer drives its IRQ input directly; the UART "
                 "and RTC interrupts are not connected\n", type);
        return virt_wire_timers_direct(vms, errp);
    }
    vms->gic = qdev_new_child(OBJECT(ms), "gic", type, errp);
    if (!vms->gic ||
        !object_property_set_uint(OBJECT(vms->gic), GIC_PROP_NUM_CPU,
                                  ms->smp.cpus, errp) ||
        !object_property_set_uint(OBJECT(vms->gic), GIC_PROP_NUM_IRQ,
                                  VIRT_GIC_NUM_IRQ, errp) ||
        !object_property_set_link(OBJECT(vms->gic), GIC_PROP_CPUS,
                                  vms->cluster, errp) ||
        !(dist = qdev_get_mmio_checked(vms->gic, 0, errp)) ||
        !(cpuif = qdev_get_mmio_checked(vms->gic, 1, errp))) {
        error_prepend(errp, "machine virt: /machine/gic: ");
        return false;
    }
    memory_region_add_subregion(&ms->sysmem, VIRT_GICD_BASE, dist);
    memory_region_add_subregion(&ms->sysmem,
                                v3 ? VIRT_GICR_BASE : VIRT_GICC_BASE, cpuif);
    for (unsigned c = 0; c < ms->smp.cpus; c++) {
        if (!virt_wire_cpu(vms, c, errp)) {
            error_prepend(errp, "machine virt: wiring cpu[%u] and the GIC: ",
                          c);
            return false;
        }
    }
    if (!virt_to_gic(vms, vms->uart, "irq", 0, VIRT_SPI_UART, errp) ||
        !virt_to_gic(vms, vms->rtc, "irq", 0, VIRT_SPI_RTC, errp)) {
        error_prepend(errp, "machine virt: wiring the GIC's SPIs: ");
        return false;
    }
    return true;
}

/* ---------------------------------------------------------------------- */
/* Devices                                                                */

static bool virt_create_uart(VirtMachineState *vms, Error **errp)
{
    MachineState *ms = MACHINE(vms);
    DeviceState *uart;

    vms->apb_pclk = clock_new();
    if (!object_property_add_child(OBJECT(ms), "apb-pclk",
                                   OBJECT(vms->apb_pclk), errp)) {
        return false;
    }
    object_unref(OBJECT(vms->apb_pclk));        /* the machine holds it */
    clock_set_hz(vms->apb_pclk, VIRT_APB_PCLK_HZ);
    uart = qdev_new_child(OBJECT(ms), "uart0", TYPE_PL011, errp);
    if (!uart ||
        (ms->serial[0] && !object_property_set_link(OBJECT(uart), "chardev",
                                                    ms->serial[0], errp)) ||
        !qdev_connect_clock_in(uart, "clk", vms->apb_pclk, errp)) {
        return false;
    }
    memory_region_add_subregion(&ms->sysmem, VIRT_UART_BASE,
                                qdev_get_mmio(uart, 0));
    vms->uart = uart;
    return true;
}

static bool virt_create_rtc(VirtMachineState *vms, Error **errp)
{
    MachineState *ms = MACHINE(vms);

    vms->rtc = qdev_new_child(OBJECT(ms), "rtc", TYPE_PL031, errp);
    if (!vms->rtc) {
        return false;
    }
    memory_region_add_subregion(&ms->sysmem, VIRT_RTC_BASE,
                                qdev_get_mmio(vms->rtc, 0));
    return true;
}

/*
 * The 32 virtio-mmio slots (empty until a -device virtio-*-device plugs
 * into one), created in ascending address order so the first -device
 * takes the highest slot, as on QEMU.  Their interrupts need the GIC.
 */
static bool virt_create_virtio(VirtMachineState *vms, Error **errp)
{
    MachineState *ms = MACHINE(vms);

    for (int n = 0; n < VIRT_VIRTIO_COUNT; n++) {
        g_autofree char *name = g_strdup_printf("virtio-mmio[%d]", n);
        DeviceState *dev = qdev_new_child(OBJECT(ms), name,
                                          TYPE_VIRTIO_MMIO, errp);

        if (!dev) {
            return false;
        }
        memory_region_add_subregion(&ms->sysmem, VIRT_VIRTIO_BASE +
                                    n * VIRT_VIRTIO_STRIDE,
                                    qdev_get_mmio(dev, 0));
        if (vms->gic && !virt_to_gic(vms, dev, "irq", 0,
                                     VIRT_SPI_VIRTIO + n, errp)) {
            return false;
        }
    }
    return true;
}

/* ---------------------------------------------------------------------- */
/* The machine                                                            */

static bool virt_check_options(VirtMachineState *vms, Error **errp)
{
    MachineState *ms = MACHINE(vms);

    if (ms->ram_size > VIRT_RAM_MAX) {
        g_autofree char *have = size_to_str(ms->ram_size);
        g_autofree char *max = size_to_str(VIRT_RAM_MAX);

        error_setg(errp, "machine virt: -m %s is more than the memory map "
                   "holds (at most %s at 0x40000000)", have, max);
        return false;
    }
    if (vms->carveout_size >= ms->ram_size ||
        vms->carveout_size % VIRT_CARVEOUT_ALIGN) {
        g_autofree char *have = size_to_str(vms->carveout_size);
        g_autofree char *ram = size_to_str(ms->ram_size);

        error_setg(errp, "machine virt: carveout-size %s does not fit "
                   "(accepted: a multiple of 4 KiB below ram-size %s)",
                   have, ram);
        return false;
    }
    if (vms->gic_version == 2 && ms->smp.cpus > VIRT_GICV2_MAX_CPUS) {
        error_setg(errp, "machine virt: gic-version=2 serves at most %d "
                   "CPUs, not %u (use gic-version=3)", VIRT_GICV2_MAX_CPUS,
                   ms->smp.cpus);
        return false;
    }
    if (!ms->kernel && !vms->dumpdtb) {
        error_setg(errp, "machine virt: -M virt needs -kernel until flash is "
                   "implemented (there is nothing to run at address 0)");
        return false;
    }
    return true;
}

/* Kernel, initrd, DTB and stub (or dumpdtb) into RAM; fills @bi. */
static bool virt_boot(VirtMachineState *vms, VirtBootInfo *bi, Error **errp)
{
    MachineState *ms = MACHINE(vms);
    g_autofree void *fdt = NULL;
    AddressSpace as;
    bool ok;

    address_space_init(&as, &ms->sysmem, "virt-loader");
    if (vms->dumpdtb) {
        memset(bi, 0, sizeof(*bi));
        ok = virt_fdt_build(vms, bi, &fdt, errp) &&
             virt_boot_dumpdtb(vms, &as, fdt, bi, errp);
    } else {
        ok = virt_boot_load(vms, &as, bi, errp) &&
             (!bi->linux_boot ||
              (virt_fdt_build(vms, bi, &fdt, errp) &&
               virt_boot_write_dtb(vms, &as, bi, fdt, errp)));
    }
    address_space_destroy(&as);
    return ok;
}

bool virt_machine_init(MachineState *ms, Error **errp)
{
    VirtMachineState *vms = VIRT_MACHINE(ms);
    VirtBootInfo bi;

    if (!virt_check_options(vms, errp)) {
        return false;
    }
    memory_region_add_subregion(&ms->sysmem, VIRT_RAM_BASE, ms->ram);
    if (!virt_create_uart(vms, errp) || !virt_create_rtc(vms, errp) ||
        !virt_boot(vms, &bi, errp) ||
        !virt_create_cpus(vms, bi.entry, errp) ||
        !virt_create_gic(vms, errp) || !virt_create_virtio(vms, errp)) {
        return false;
    }
    resettable_reset(vms->cluster, RESET_TYPE_COLD);
    return true;
}

static const PropDef virt_props[] = {
    DEFINE_PROP_BOOL("virtualization", VirtMachineState, virtualization,
                     false, "implement EL2 (PSCI then uses SMC)"),
    DEFINE_PROP_BOOL("secure", VirtMachineState, secure, false,
                     "implement EL3 (the CPUs then reset into EL3)"),
    DEFINE_PROP_BOOL("semihosting", VirtMachineState, semihosting, false,
                     "Arm semihosting through HLT #0xF000 (-semihosting)"),
    DEFINE_PROP_STRING("semihosting-root", VirtMachineState,
                       semihosting_root,
                       "directory semihosting file names are relative to"),
    DEFINE_PROP_UINT32_RANGE("gic-version", VirtMachineState, gic_version,
                             3, 2, 3, "interrupt controller: 2 (GICv2) or "
                             "3 (GICv3)"),
    DEFINE_PROP_STRING("dumpdtb", VirtMachineState, dumpdtb,
                       "write the device tree to this file and exit"),
    DEFINE_PROP_SIZE("carveout-size", VirtMachineState, carveout_size, 0,
                     "bytes at the top of RAM kept from the boot and "
                     "reserved (no-map) in the device tree, e.g. memory "
                     "shared with another cluster; 0: none"),
    PROP_END
};

static void virt_class_init(ObjectClass *oc, const void *data)
{
    MachineClass *mc = MACHINE_CLASS(oc);

    mc->name = "virt";
    mc->desc = "Arm virtual board (QEMU's virt memory map; GIC, PL011, "
               "PL031, virtio-mmio, RAM)";
    mc->default_cpu_type = "cortex-a57";
    mc->max_cpus = VIRT_MAX_CPUS;
    mc->default_ram_size = VIRT_RAM_DEFAULT;
    mc->init = virt_machine_init;
    object_class_add_field_props(oc, virt_props);
}

static const TypeInfo virt_types[] = {
    {
        .name = TYPE_VIRT_MACHINE,
        .parent = TYPE_MACHINE,
        .description = "Arm virtual board (QEMU's virt memory map)",
        .instance_size = sizeof(VirtMachineState),
        .class_init = virt_class_init,
    },
};

DEFINE_TYPES(virt_types)
