/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The virt machine's flattened device tree (libfdt, sequential write).
 *
 * It describes what Linux needs to boot on the machine and nothing else:
 * /memory, /cpus (cpu@N, reg = the MPIDR affinity, enable-method psci),
 * /psci, /timer, /intc (GICv3 or GICv2), the PL011 and PL031 with their
 * fixed 24 MHz /apb-pclk, and /chosen (stdout-path, bootargs, the initrd
 * range).  Node names, addresses, interrupt numbers and flags are those a
 * guest sees on QEMU's virt (interrupt flags: level-high, 4, for SPIs and
 * the timer PPIs, with the GICv2 CPU mask in bits 15:8 of PPI flags).
 * With -dtb the user's blob is used instead, and only its /chosen is
 * changed, as QEMU does.
 *
 * Facts: the Devicetree Specification v0.4 (/memory, /cpus, /chosen) and
 * the Linux bindings: arm/cpus.yaml, arm/psci.yaml, timer/arm,arch_timer
 * .yaml, interrupt-controller/arm,gic-v3.yaml and arm,gic.yaml,
 * serial/pl011.yaml, rtc/arm,pl031.yaml, clock/fixed-clock.yaml.
 */
#include "virt.h"

#include "hemu/osdep.h"
#include "hw/intc/arm-gic.h"
#include "util/cutils.h"

#include <libfdt.h>

#define VIRT_FDT_SIZE 0x10000               /* ample for our nodes */
#define VIRT_FDT_CHOSEN_ROOM 0x1000         /* added to a -dtb blob */
#define VIRT_PHANDLE_GIC 1
#define VIRT_PHANDLE_CLK 2

/* GIC interrupt specifier cells (arm,gic.yaml). */
#define GIC_SPI 0
#define GIC_PPI 1
#define IRQ_LEVEL_HIGH 4

/* The sequential writer; the first libfdt error sticks in err. */
typedef struct VirtFdt {
    void *fdt;
    int err;                    /* 0 or a negative FDT_ERR_* */
} VirtFdt;

static void vfdt_begin(VirtFdt *w, const char *name)
{
    if (!w->err) {
        w->err = fdt_begin_node(w->fdt, name);
    }
}

static void vfdt_end(VirtFdt *w)
{
    if (!w->err) {
        w->err = fdt_end_node(w->fdt);
    }
}

static void vfdt_prop(VirtFdt *w, const char *name, const void *val, int len)
{
    if (!w->err) {
        w->err = fdt_property(w->fdt, name, val, len);
    }
}

/* A string, or a string list written as "a\0b" with sizeof. */
static void vfdt_str(VirtFdt *w, const char *name, const char *s, int len)
{
    vfdt_prop(w, name, s, len < 0 ? (int)strlen(s) + 1 : len);
}
#define VFDT_STRS(w, name, lit) vfdt_str((w), (name), (lit), sizeof(lit))

static void vfdt_cells(VirtFdt *w, const char *name, const uint32_t *v,
                      int n)
{
    fdt32_t be[12];

    assert(n <= (int)ARRAY_SIZE(be));
    for (int i = 0; i < n; i++) {
        be[i] = cpu_to_fdt32(v[i]);
    }
    vfdt_prop(w, name, be, n * 4);
}

static void vfdt_u32(VirtFdt *w, const char *name, uint32_t v)
{
    vfdt_cells(w, name, &v, 1);
}

/* reg = <addr size> pairs with #address-cells = #size-cells = 2. */
static void vfdt_reg2(VirtFdt *w, const uint64_t *pairs, int npairs)
{
    uint32_t c[8];

    assert(npairs <= 2);
    for (int i = 0; i < 2 * npairs; i++) {
        c[2 * i] = pairs[i] >> 32;
        c[2 * i + 1] = (uint32_t)pairs[i];
    }
    vfdt_cells(w, "reg", c, 4 * npairs);
}

/* ---------------------------------------------------------------------- */
/* Nodes                                                                  */

/* "arm,cortex-a57" for cortex-*, the generic "arm,armv8" otherwise. */
static char *virt_fdt_cpu_compat(const char *cpu_type)
{
    g_autofree char *model = g_strdup(cpu_type);
    char *suffix = strstr(model, "-aarch64-cpu");

    if (suffix) {
        *suffix = 0;
    }
    if (g_str_has_prefix(model, "cortex-")) {
        return g_strconcat("arm,", model, NULL);
    }
    return g_strdup("arm,armv8");
}

static void virt_fdt_cpus(VirtFdt *w, VirtMachineState *vms)
{
    MachineState *ms = MACHINE(vms);
    g_autofree char *compat = virt_fdt_cpu_compat(ms->cpu_type);

    vfdt_begin(w, "cpus");
    vfdt_u32(w, "#address-cells", 1);
    vfdt_u32(w, "#size-cells", 0);
    for (unsigned i = 0; i < ms->smp.cpus; i++) {
        g_autofree char *name = NULL;
        /* the affinity virt.c gives cpu[i]: Aff0 = i % 8, Aff1 = i / 8 */
        uint32_t aff = (i % 8) | (i / 8) << 8;

        name = g_strdup_printf("cpu@%x", aff);
        vfdt_begin(w, name);
        vfdt_str(w, "device_type", "cpu", -1);
        vfdt_str(w, "compatible", compat, -1);
        vfdt_u32(w, "reg", aff);
        vfdt_str(w, "enable-method", "psci", -1);
        vfdt_end(w);
    }
    vfdt_end(w);
}

static void virt_fdt_gic(VirtFdt *w, VirtMachineState *vms)
{
    MachineState *ms = MACHINE(vms);
    uint64_t reg[4] = { VIRT_GICD_BASE, VIRT_GICD_SIZE };

    vfdt_begin(w, "intc@8000000");
    if (vms->gic_version == 3) {
        reg[2] = VIRT_GICR_BASE;
        reg[3] = VIRT_GICR_STRIDE * ms->smp.cpus;
        vfdt_str(w, "compatible", "arm,gic-v3", -1);
        vfdt_u32(w, "#redistributor-regions", 1);
    } else {
        reg[2] = VIRT_GICC_BASE;
        reg[3] = VIRT_GICC_SIZE;
        vfdt_str(w, "compatible", "arm,cortex-a15-gic", -1);
    }
    vfdt_reg2(w, reg, 2);
    vfdt_u32(w, "#interrupt-cells", 3);
    vfdt_prop(w, "interrupt-controller", NULL, 0);
    vfdt_u32(w, "phandle", VIRT_PHANDLE_GIC);
    vfdt_end(w);
}

static void virt_fdt_timer(VirtFdt *w, VirtMachineState *vms)
{
    unsigned ncpu = MACHINE(vms)->smp.cpus;
    /* GICv2 PPI flags carry the mask of CPUs the PPI goes to (15:8) */
    uint32_t fl = IRQ_LEVEL_HIGH |
                  (vms->gic_version == 2 ? ((1u << ncpu) - 1) << 8 : 0);
    /* order of arm,arch_timer.yaml: secure phys, phys, virt, hyp */
    const uint32_t irqs[12] = {
        GIC_PPI, VIRT_PPI_TIMER_SEC, fl, GIC_PPI, VIRT_PPI_TIMER_PHYS, fl,
        GIC_PPI, VIRT_PPI_TIMER_VIRT, fl, GIC_PPI, VIRT_PPI_TIMER_HYP, fl,
    };

    vfdt_begin(w, "timer");
    VFDT_STRS(w, "compatible", "arm,armv8-timer\0arm,armv7-timer");
    vfdt_cells(w, "interrupts", irqs, 12);
    vfdt_prop(w, "always-on", NULL, 0);
    vfdt_end(w);
}

static void virt_fdt_primecell(VirtFdt *w, const char *name,
                               const char *compat, int compat_len,
                               uint64_t base, uint32_t spi, bool uart)
{
    const uint64_t reg[2] = { base, 0x1000 };
    const uint32_t irq[3] = { GIC_SPI, spi, IRQ_LEVEL_HIGH };
    const uint32_t clocks[2] = { VIRT_PHANDLE_CLK, VIRT_PHANDLE_CLK };

    vfdt_begin(w, name);
    vfdt_str(w, "compatible", compat, compat_len);
    vfdt_reg2(w, reg, 1);
    vfdt_cells(w, "interrupts", irq, 3);
    if (uart) {
        vfdt_cells(w, "clocks", clocks, 2);
        VFDT_STRS(w, "clock-names", "uartclk\0apb_pclk");
    } else {
        vfdt_cells(w, "clocks", clocks, 1);
        vfdt_str(w, "clock-names", "apb_pclk", -1);
    }
    vfdt_end(w);
}

/* The virtio-mmio slots, last first so the lowest address comes first in
   the blob (Linux numbers the devices in that order, as with QEMU). */
static void virt_fdt_virtio(VirtFdt *w)
{
    for (int n = VIRT_VIRTIO_COUNT - 1; n >= 0; n--) {
        uint64_t base = VIRT_VIRTIO_BASE + n * VIRT_VIRTIO_STRIDE;
        const uint64_t reg[2] = { base, VIRT_VIRTIO_STRIDE };
        const uint32_t irq[3] = { GIC_SPI, VIRT_SPI_VIRTIO + n,
                                  IRQ_LEVEL_HIGH };
        g_autofree char *name = g_strdup_printf("virtio_mmio@%" PRIx64,
                                                base);

        vfdt_begin(w, name);
        vfdt_str(w, "compatible", "virtio,mmio", -1);
        vfdt_reg2(w, reg, 1);
        vfdt_cells(w, "interrupts", irq, 3);
        vfdt_prop(w, "dma-coherent", NULL, 0);
        vfdt_end(w);
    }
}

static void virt_fdt_chosen(VirtFdt *w, MachineState *ms,
                            const VirtBootInfo *bi)
{
    vfdt_begin(w, "chosen");
    vfdt_str(w, "stdout-path", "/pl011@9000000", -1);
    if (ms->append) {
        vfdt_str(w, "bootargs", ms->append, -1);
    }
    if (bi->initrd_start) {
        uint32_t s[2] = { bi->initrd_start >> 32, (uint32_t)bi->initrd_start };
        uint32_t e[2] = { bi->initrd_end >> 32, (uint32_t)bi->initrd_end };

        vfdt_cells(w, "linux,initrd-start", s, 2);
        vfdt_cells(w, "linux,initrd-end", e, 2);
    }
    vfdt_end(w);
}

/* /reserved-memory: the top-of-RAM carveout, which Linux must not map. */
static void virt_fdt_carveout(VirtFdt *w, VirtMachineState *vms)
{
    MachineState *ms = MACHINE(vms);
    const uint64_t reg[2] = {
        VIRT_RAM_BASE + ms->ram_size - vms->carveout_size, vms->carveout_size
    };
    g_autofree char *name = g_strdup_printf("carveout@%" PRIx64, reg[0]);

    vfdt_begin(w, "reserved-memory");
    vfdt_u32(w, "#address-cells", 2);
    vfdt_u32(w, "#size-cells", 2);
    vfdt_prop(w, "ranges", NULL, 0);
    vfdt_begin(w, name);
    vfdt_reg2(w, reg, 1);
    vfdt_prop(w, "no-map", NULL, 0);
    vfdt_end(w);
    vfdt_end(w);
}

static void virt_fdt_nodes(VirtFdt *w, VirtMachineState *vms,
                           const VirtBootInfo *bi)
{
    MachineState *ms = MACHINE(vms);
    const uint64_t mem[2] = { VIRT_RAM_BASE, ms->ram_size };

    vfdt_begin(w, "");
    vfdt_str(w, "compatible", "linux,dummy-virt", -1);
    vfdt_str(w, "model", "hemu virt", -1);
    vfdt_u32(w, "#address-cells", 2);
    vfdt_u32(w, "#size-cells", 2);
    vfdt_u32(w, "interrupt-parent", VIRT_PHANDLE_GIC);

    vfdt_begin(w, "memory@40000000");
    vfdt_str(w, "device_type", "memory", -1);
    vfdt_reg2(w, mem, 1);
    vfdt_end(w);
    if (vms->carveout_size) {
        virt_fdt_carveout(w, vms);
    }
    virt_fdt_cpus(w, vms);
    vfdt_begin(w, "psci");
    VFDT_STRS(w, "compatible", "arm,psci-1.0\0arm,psci-0.2");
    vfdt_str(w, "method", vms->virtualization ? "smc" : "hvc", -1);
    vfdt_end(w);
    virt_fdt_gic(w, vms);
    virt_fdt_timer(w, vms);
    vfdt_begin(w, "apb-pclk");
    vfdt_str(w, "compatible", "fixed-clock", -1);
    vfdt_u32(w, "#clock-cells", 0);
    vfdt_u32(w, "clock-frequency", VIRT_APB_PCLK_HZ);
    vfdt_str(w, "clock-output-names", "clk24mhz", -1);
    vfdt_u32(w, "phandle", VIRT_PHANDLE_CLK);
    vfdt_end(w);
    virt_fdt_primecell(w, "pl011@9000000", "arm,pl011\0arm,primecell",
                       sizeof("arm,pl011\0arm,primecell"), VIRT_UART_BASE,
                       VIRT_SPI_UART, true);
    virt_fdt_primecell(w, "pl031@9010000", "arm,pl031\0arm,primecell",
                       sizeof("arm,pl031\0arm,primecell"), VIRT_RTC_BASE,
                       VIRT_SPI_RTC, false);
    /* the slots' interrupts need the GIC (created after the boot) */
    if (object_class_by_name(vms->gic_version == 3 ? TYPE_ARM_GICV3
                                                   : TYPE_ARM_GIC)) {
        virt_fdt_virtio(w);
    }
    virt_fdt_chosen(w, ms, bi);
    vfdt_end(w);
}

/* ---------------------------------------------------------------------- */
/* Building or patching                                                   */

static bool virt_fdt_generate(VirtMachineState *vms, const VirtBootInfo *bi,
                              void **out, Error **errp)
{
    VirtFdt w = { .fdt = g_malloc0(VIRT_FDT_SIZE) };

    w.err = fdt_create(w.fdt, VIRT_FDT_SIZE);
    if (!w.err) {
        w.err = fdt_finish_reservemap(w.fdt);
    }
    virt_fdt_nodes(&w, vms, bi);
    if (!w.err) {
        w.err = fdt_finish(w.fdt);
    }
    if (!w.err) {
        w.err = fdt_pack(w.fdt);
    }
    if (w.err) {
        error_setg(errp, "machine virt: building the device tree: %s",
                   fdt_strerror(w.err));
        g_free(w.fdt);
        return false;
    }
    *out = w.fdt;
    return true;
}

/* Set /chosen of @fdt (room already made) from -append and the initrd. */
static int virt_fdt_patch_chosen(void *fdt, MachineState *ms,
                                 const VirtBootInfo *bi)
{
    int node = fdt_path_offset(fdt, "/chosen");
    int err = 0;

    if (node == -FDT_ERR_NOTFOUND) {
        node = fdt_add_subnode(fdt, 0, "chosen");
    }
    if (node < 0) {
        return node;
    }
    if (ms->append) {
        err = fdt_setprop_string(fdt, node, "bootargs", ms->append);
    }
    if (!err && bi->initrd_start) {
        err = fdt_setprop_u64(fdt, node, "linux,initrd-start",
                              bi->initrd_start);
        if (!err) {
            err = fdt_setprop_u64(fdt, node, "linux,initrd-end",
                                  bi->initrd_end);
        }
    }
    return err;
}

static bool virt_fdt_load(MachineState *ms, const VirtBootInfo *bi,
                          void **out, Error **errp)
{
    g_autofree char *data = NULL;
    gsize len = 0;
    GError *gerr = NULL;
    void *fdt;
    int err;

    if (!g_file_get_contents(ms->dtb, &data, &len, &gerr)) {
        error_setg(errp, "machine virt: -dtb %s: %s", ms->dtb, gerr->message);
        g_error_free(gerr);
        return false;
    }
    err = len < sizeof(struct fdt_header) ? -FDT_ERR_TRUNCATED
                                          : fdt_check_header(data);
    if (!err && fdt_totalsize(data) > len) {
        err = -FDT_ERR_TRUNCATED;
    }
    if (err) {
        error_setg(errp, "machine virt: -dtb %s: not a flattened device "
                   "tree (%s)", ms->dtb, fdt_strerror(err));
        return false;
    }
    len = fdt_totalsize(data) + VIRT_FDT_CHOSEN_ROOM +
          (ms->append ? strlen(ms->append) : 0);
    fdt = g_malloc0(len);
    err = fdt_open_into(data, fdt, len);
    if (!err) {
        err = virt_fdt_patch_chosen(fdt, ms, bi);
    }
    if (!err) {
        err = fdt_pack(fdt);
    }
    if (err) {
        error_setg(errp, "machine virt: -dtb %s: cannot set /chosen: %s",
                   ms->dtb, fdt_strerror(err));
        g_free(fdt);
        return false;
    }
    *out = fdt;
    return true;
}

bool virt_fdt_build(VirtMachineState *vms, const VirtBootInfo *bi,
                    void **fdt, Error **errp)
{
    MachineState *ms = MACHINE(vms);

    if (ms->dtb) {
        return virt_fdt_load(ms, bi, fdt, errp);
    }
    return virt_fdt_generate(vms, bi, fdt, errp);
}
