/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The "virt" machine (-M virt): an AArch64 board with QEMU's virt memory
 * map, for the parts hemu has so far:
 *
 *   0x00000000  flash (128 MiB)      not yet: -kernel is required
 *   0x09000000  PL011 UART (4 KiB)   serial0; UARTCLK 24 MHz; its
 *                                    interrupt goes nowhere (no GIC yet)
 *   0x40000000  RAM (-m, default 128 MiB, at most 255 GiB)
 *
 * The CPUs form one cpu-cluster at /machine/cpus (arch "aarch64",
 * cpu-type from -cpu, num-cpus from -smp).  CPU properties are read at
 * reset, so init realizes the cluster, sets each CPU's properties by
 * name (rvbar, mp-affinity, start-powered-off, has-el2, has-el3,
 * psci-conduit, semihosting, semihosting-root) and resets it.  cpu[0]
 * starts at the kernel's entry, the others stay off until PSCI CPU_ON.
 * Until the GIC exists, each CPU's virtual timer output ("gtimer" 1) drives
 * that CPU's IRQ input (line 0).
 *
 * -kernel: an ELF file is loaded by its program headers and entered at
 * e_entry; a Linux arm64 Image (magic "ARM\x64" at byte 56) is loaded at
 * RAM + text_offset (0x80000 when its image_size is 0), per the kernel's
 * Documentation/arch/arm64/booting.rst; anything else is a raw image at
 * the start of RAM, entered at its first byte.
 *
 * Properties beyond the machine's: virtualization (EL2), secure (EL3),
 * semihosting, semihosting-root.  PSCI is served by hemu over SMC when EL2
 * is emulated and over HVC otherwise, as QEMU does without firmware.
 *
 * User documentation: docs/user/virt.md.
 */
#include "hemu/osdep.h"
#include "hw/boards.h"
#include "hw/char/pl011.h"
#include "hw/clock.h"
#include "hw/loader.h"
#include "hw/qdev.h"
#include "hw/resettable.h"
#include "util/cutils.h"

#define TYPE_VIRT_MACHINE MACHINE_TYPE_NAME("virt")
OBJECT_DECLARE_SIMPLE_TYPE(VirtMachineState, VIRT_MACHINE)

#define VIRT_UART_BASE 0x09000000ull
#define VIRT_RAM_BASE 0x40000000ull
#define VIRT_RAM_MAX (255ull << 30)         /* up to the 256 GiB line */
#define VIRT_RAM_DEFAULT (128ull << 20)
#define VIRT_MAX_CPUS 256                   /* the cluster's limit */
#define VIRT_UART_CLK_HZ 24000000           /* QEMU's "apb-pclk" */
#define VIRT_IMAGE_OFFSET 0x80000ull        /* Image with image_size 0 */
#define VIRT_EM_AARCH64 183                 /* ELF e_machine */
#define VIRT_CPU_SUFFIX "-aarch64-cpu"
#define VIRT_CPU_BASE "aarch64-cpu"

/* The cluster's CPU interface the machine uses (target/arm/cpu.c). */
#define VIRT_GTIMER_VIRT 1                  /* "gtimer" output index */
#define VIRT_CPU_IRQ 0                      /* IRQ input line */
#define VIRT_PSCI_HVC "hvc"
#define VIRT_PSCI_SMC "smc"

struct VirtMachineState {
    MachineState parent_obj;
    bool virtualization;        /* EL2 implemented */
    bool secure;                /* EL3 implemented */
    bool semihosting;           /* HLT #0xF000 serves semihosting calls */
    char *semihosting_root;     /* OPEN paths relative to it; NULL: cwd;
                                   owned by the property */
    Clock *uart_clk;            /* child "apb-pclk": the PL011's UARTCLK */
};

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

/* Timer output "gtimer"[1] of @cpu to its own IRQ input (no GIC yet). */
static bool virt_wire_timer(Object *cpu, Error **errp)
{
    DeviceState *dev = DEVICE(cpu);
    IRQLine *in = qdev_get_gpio_in_checked(dev, NULL, VIRT_CPU_IRQ, errp);

    return in && qdev_connect_gpio_out_checked(dev, "gtimer",
                                               VIRT_GTIMER_VIRT, in, errp);
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
    for (unsigned i = 0; i < ms->smp.cpus; i++) {
        g_autofree char *name = g_strdup_printf("cpu[%u]", i);
        Object *cpu = object_get_child(cl, name);

        assert(cpu);            /* the cluster made cpu[0..num-cpus-1] */
        if (!virt_set_cpu_props(vms, cpu, i, entry, errp) ||
            !virt_wire_timer(cpu, errp)) {
            error_prepend(errp, "machine virt: /machine/cpus/%s: ", name);
            return false;
        }
    }
    resettable_reset(cl, RESET_TYPE_COLD);
    return true;
}

/* ---------------------------------------------------------------------- */
/* Devices                                                                */

static bool virt_create_uart(VirtMachineState *vms, Error **errp)
{
    MachineState *ms = MACHINE(vms);
    DeviceState *uart;

    vms->uart_clk = clock_new();
    if (!object_property_add_child(OBJECT(ms), "apb-pclk",
                                   OBJECT(vms->uart_clk), errp)) {
        return false;
    }
    object_unref(OBJECT(vms->uart_clk));        /* the machine holds it */
    clock_set_hz(vms->uart_clk, VIRT_UART_CLK_HZ);
    uart = qdev_new_child(OBJECT(ms), "uart0", TYPE_PL011, errp);
    if (!uart ||
        (ms->serial[0] && !object_property_set_link(OBJECT(uart), "chardev",
                                                    ms->serial[0], errp)) ||
        !qdev_connect_clock_in(uart, "clk", vms->uart_clk, errp)) {
        return false;
    }
    memory_region_add_subregion(&ms->sysmem, VIRT_UART_BASE,
                                qdev_get_mmio(uart, 0));
    return true;
}

/* ---------------------------------------------------------------------- */
/* The kernel                                                             */

/* Where a Linux arm64 Image goes in RAM (booting.rst "Image header"). */
static bool virt_image_offset(const uint8_t *hdr, size_t len,
                              uint64_t *offset)
{
    uint64_t text_offset = 0, image_size = 0;

    if (len < 64 || memcmp(hdr + 56, "ARM\x64", 4)) {
        return false;
    }
    for (int i = 7; i >= 0; i--) {
        text_offset = text_offset << 8 | hdr[8 + i];
        image_size = image_size << 8 | hdr[16 + i];
    }
    *offset = image_size ? text_offset : VIRT_IMAGE_OFFSET;
    return true;
}

static bool virt_load_kernel(MachineState *ms, AddressSpace *as,
                             uint64_t *entry, Error **errp)
{
    g_autofree char *head = NULL;
    gsize len = 0;
    GError *gerr = NULL;
    uint64_t offset = 0;

    if (!g_file_get_contents(ms->kernel, &head, &len, &gerr)) {
        error_setg(errp, "machine virt: -kernel %s: %s", ms->kernel,
                   gerr->message);
        g_error_free(gerr);
        return false;
    }
    if (len >= 4 && !memcmp(head, "\x7f" "ELF", 4)) {
        LoadElfOptions opts = { .machine = VIRT_EM_AARCH64 };
        LoadElfResult res;

        if (!load_elf_buffer_as(head, len, ms->kernel, as, &opts, &res,
                                errp)) {
            error_prepend(errp, "machine virt: -kernel: ");
            return false;
        }
        *entry = res.entry;
        return true;
    }
    virt_image_offset((const uint8_t *)head, len, &offset);
    if (offset >= ms->ram_size || len > ms->ram_size - offset) {
        g_autofree char *ram = size_to_str(ms->ram_size);

        error_setg(errp, "machine virt: -kernel %s: %" G_GSIZE_FORMAT
                   " bytes at RAM offset 0x%" PRIx64 " do not fit in %s of "
                   "RAM (raise -m)", ms->kernel, len, offset, ram);
        return false;
    }
    if (!load_image_as(ms->kernel, VIRT_RAM_BASE + offset, as,
                       ms->ram_size - offset, NULL, errp)) {
        error_prepend(errp, "machine virt: -kernel: ");
        return false;
    }
    *entry = VIRT_RAM_BASE + offset;
    return true;
}

/* ---------------------------------------------------------------------- */
/* The machine                                                            */

static bool virt_init(MachineState *ms, Error **errp)
{
    VirtMachineState *vms = VIRT_MACHINE(ms);
    AddressSpace as;
    uint64_t entry = 0;
    bool ok;

    if (ms->ram_size > VIRT_RAM_MAX) {
        g_autofree char *have = size_to_str(ms->ram_size);
        g_autofree char *max = size_to_str(VIRT_RAM_MAX);

        error_setg(errp, "machine virt: -m %s is more than the memory map "
                   "holds (at most %s at 0x40000000)", have, max);
        return false;
    }
    if (!ms->kernel) {
        error_setg(errp, "machine virt: -M virt needs -kernel until flash is "
                   "implemented (there is nothing to run at address 0)");
        return false;
    }
    memory_region_add_subregion(&ms->sysmem, VIRT_RAM_BASE, ms->ram);
    if (!virt_create_uart(vms, errp)) {
        return false;
    }
    address_space_init(&as, &ms->sysmem, "virt-loader");
    ok = virt_load_kernel(ms, &as, &entry, errp);
    address_space_destroy(&as);
    return ok && virt_create_cpus(vms, entry, errp);
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
    PROP_END
};

static void virt_class_init(ObjectClass *oc, const void *data)
{
    MachineClass *mc = MACHINE_CLASS(oc);

    mc->name = "virt";
    mc->desc = "Arm virtual board (QEMU's virt memory map; PL011, RAM)";
    mc->default_cpu_type = "cortex-a57";
    mc->max_cpus = VIRT_MAX_CPUS;
    mc->default_ram_size = VIRT_RAM_DEFAULT;
    mc->init = virt_init;
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
