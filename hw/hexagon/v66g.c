/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The "V66G_1024" machine (-M V66G_1024): a Hexagon DSP subsystem laid
 * out as QEMU's machine of that name, so DSP programs built for QEMU's
 * Hexagon system emulation run unchanged:
 *
 *   0x00000000  DDR RAM (-m, default 4 GiB, at most 4 GiB); the regions
 *               below sit above it (higher priority) where they overlap
 *   0xd8180000  config table ROM (4 KiB; fields below, 32-bit words)
 *   0xd81e0000  fast-L2VIC port (64 KiB, L2VIC MMIO 1)
 *   0xd8200000  VTCM RAM (256 KiB)
 *   0xfc910000  L2VIC registers (4 KiB)
 *   0xfc920000  QTimer access-control block (4 KiB)
 *   0xfc921000  QTimer frames 0 and 1 (4 KiB each; IRQ to L2VIC 3 and 4)
 *
 * The threads form one cpu-cluster at /machine/hexagon (arch "hexagon",
 * cpu-type "<-cpu>-hexagon-cpu", default v66; num-cpus from -smp, default
 * 4, at most 8).  The L2VIC's outputs 0..7 reach input n of every thread
 * through split-irq devices /machine/l2vic-irq[n]; the frontend decides
 * which thread takes an interrupt.  CPU properties are read at reset, so
 * init realizes the cluster, sets them by name (reset-pc, evb,
 * start-powered-off, cfgbase, semihosting, semihosting-root, cmdline, and
 * the links l2vic / qtimer when the CPU type has them) and resets it.
 *
 * -kernel (required): an ELF32 file for EM_HEXAGON, its segments loaded
 * at their physical addresses (p_paddr); thread 0 starts at e_entry
 * translated to a physical address through the segment that holds it
 * (p_vaddr != p_paddr, e.g. hexagonMVM's 0xffff0000 -> 0xd0000000).
 *
 * Spec: QEMU's hw/hexagon V66G_1024 configuration (memory map, config
 * table values), summarised in /work/shared/reference/hexagon-system.md
 * 1.2-1.4 and 1.11.  User documentation: docs/user/hexagon.md.
 */
#include "hemu/osdep.h"
#include "hw/boards.h"
#include "hw/irq.h"
#include "hw/loader.h"
#include "hw/qdev.h"
#include "hw/resettable.h"
#include "system/memory.h"
#include "util/cutils.h"

#define TYPE_V66G_MACHINE MACHINE_TYPE_NAME("V66G_1024")
OBJECT_DECLARE_SIMPLE_TYPE(V66GMachineState, V66G_MACHINE)

/* Device types of target/hexagon/hw/ (by name: hw/ cannot include them). */
#define V66G_L2VIC_TYPE "l2vic"
#define V66G_QTIMER_TYPE "qct-qtimer"
#define V66G_L2VIC_OUTPUTS 8
#define V66G_QTIMER_FRAMES 2
static const unsigned v66g_qtimer_irq[V66G_QTIMER_FRAMES] = { 3, 4 };

#define V66G_CFGBASE 0xd8180000ull
#define V66G_CFGTABLE_SIZE 0x1000ull
#define V66G_FASTL2VIC_BASE 0xd81e0000ull
#define V66G_VTCM_BASE 0xd8200000ull
#define V66G_VTCM_SIZE (256ull << 10)
#define V66G_L2VIC_BASE 0xfc910000ull
#define V66G_QTIMER_BASE 0xfc920000ull
#define V66G_QTIMER_FRAME_BASE 0xfc921000ull
#define V66G_RAM_MAX (4ull << 30)
#define V66G_MAX_CPUS 8
#define V66G_DEFAULT_CPUS 4
#define V66G_EM_HEXAGON 164
#define V66G_CPU_SUFFIX "-hexagon-cpu"
#define V66G_CPU_BASE "hexagon-cpu"

struct V66GMachineState {
    MachineState parent_obj;
    bool semihosting;           /* trap0(#0) serves semihosting calls */
    char *semihosting_root;     /* OPEN's directory; NULL: cwd; owned by
                                   the property */
    MemoryRegion cfgtable;      /* ROM at V66G_CFGBASE */
    MemoryRegion vtcm;          /* RAM at V66G_VTCM_BASE */
    bool regions_init;          /* cfgtable and vtcm initialised */
};

/*
 * The config table (read by guests with memw_phys): byte offset and value
 * of each non-zero 32-bit word; base fields hold address bits 31:16.
 */
typedef struct V66GCfgField {
    uint32_t offset;
    uint32_t value;
} V66GCfgField;

#define V66G_CFG_THREAD_ENABLE_MASK 0x48
static const V66GCfgField v66g_cfgtable[] = {
    { 0x00, 0xd800 },           /* l2tcm_base */
    { 0x04, 0xd400 },           /* reserved */
    { 0x08, 0xfc90 },           /* subsystem_base (CSR) */
    { 0x0c, 0xd805 },           /* etm_base */
    { 0x10, 0xd81a },           /* l2cfg_base */
    { 0x18, 0xd820 },           /* l1s0_base */
    { 0x1c, 0x3000 },           /* axi2_lowaddr */
    { 0x24, 0xd819 },           /* reserved */
    { 0x28, 0xd81e },           /* fastl2vic_base */
    { 0x2c, 0x80 },             /* jtlb_size_entries */
    { 0x30, 1 },                /* coproc_present (HVX) */
    { 0x34, 4 },                /* ext_contexts */
    { 0x38, 0xd820 },           /* vtcm_base */
    { 0x3c, 0x100 },            /* vtcm_size_kb */
    { 0x40, 0x400 },            /* l2tag_size */
    { 0x44, 0x400 },            /* l2ecomem_size */
    { 0x4c, 0xd81f },           /* eccreg_base */
    { 0x50, 0x80 },             /* l2line_size */
    { 0x5c, 0xd820 },           /* l2itcm_base */
    { 0x6c, 0x80 },             /* hvx_vec_log_length */
};

/* ---------------------------------------------------------------------- */
/* Memory map                                                             */

static void v66g_fill_cfgtable(V66GMachineState *vms, unsigned threads)
{
    uint8_t *p = memory_region_get_ram_ptr(&vms->cfgtable);

    for (size_t i = 0; i < G_N_ELEMENTS(v66g_cfgtable); i++) {
        uint32_t le = GUINT32_TO_LE(v66g_cfgtable[i].value);

        memcpy(p + v66g_cfgtable[i].offset, &le, 4);
    }
    /* QEMU writes 0xf (its 4 default threads); we name the -smp threads */
    {
        uint32_t le = GUINT32_TO_LE((1u << threads) - 1);

        memcpy(p + V66G_CFG_THREAD_ENABLE_MASK, &le, 4);
    }
}

static bool v66g_map_memory(V66GMachineState *vms, Error **errp)
{
    MachineState *ms = MACHINE(vms);
    Object *owner = OBJECT(vms);

    if (!memory_region_init_rom(&vms->cfgtable, owner, "v66g.cfgtable",
                                V66G_CFGTABLE_SIZE, errp)) {
        return false;
    }
    if (!memory_region_init_ram(&vms->vtcm, owner, "v66g.vtcm",
                                V66G_VTCM_SIZE, errp)) {
        memory_region_finalize(&vms->cfgtable);
        return false;
    }
    vms->regions_init = true;
    v66g_fill_cfgtable(vms, ms->smp.cpus);
    memory_region_add_subregion_overlap(&ms->sysmem, 0, ms->ram, 0);
    memory_region_add_subregion_overlap(&ms->sysmem, V66G_CFGBASE,
                                        &vms->cfgtable, 1);
    memory_region_add_subregion_overlap(&ms->sysmem, V66G_VTCM_BASE,
                                        &vms->vtcm, 1);
    return true;
}

/* ---------------------------------------------------------------------- */
/* Devices                                                                */

static void v66g_map_mmio(MachineState *ms, DeviceState *dev, int n,
                          hwaddr base)
{
    memory_region_add_subregion_overlap(&ms->sysmem, base,
                                        qdev_get_mmio(dev, n), 1);
}

/* The L2VIC and the QTimer, mapped, the QTimer's frames wired to it. */
static DeviceState *v66g_create_devices(MachineState *ms, Error **errp)
{
    DeviceState *l2vic = qdev_new_child(OBJECT(ms), "l2vic",
                                        V66G_L2VIC_TYPE, errp);
    DeviceState *qtimer;

    if (!l2vic) {
        return NULL;
    }
    qtimer = qdev_new_child(OBJECT(ms), "qtimer", V66G_QTIMER_TYPE, errp);
    if (!qtimer ||
        !object_property_set_uint(OBJECT(qtimer), "nr-frames",
                                  V66G_QTIMER_FRAMES, errp)) {
        return NULL;
    }
    for (int i = 0; i < V66G_QTIMER_FRAMES; i++) {
        qdev_connect_gpio_out(qtimer, i,
                              qdev_get_gpio_in(l2vic, v66g_qtimer_irq[i]));
    }
    v66g_map_mmio(ms, l2vic, 0, V66G_L2VIC_BASE);
    v66g_map_mmio(ms, l2vic, 1, V66G_FASTL2VIC_BASE);
    v66g_map_mmio(ms, qtimer, 0, V66G_QTIMER_BASE);
    v66g_map_mmio(ms, qtimer, 1, V66G_QTIMER_FRAME_BASE);
    return l2vic;
}

/* ---------------------------------------------------------------------- */
/* The kernel                                                             */

static uint32_t v66g_le32(const uint8_t *p)
{
    return p[0] | p[1] << 8 | p[2] << 16 | (uint32_t)p[3] << 24;
}

/*
 * @entry (a virtual address) as the physical address the PT_LOAD segment
 * holding it was loaded at; @entry itself when no segment holds it.  The
 * loader has validated the headers; ranges are checked again anyway.
 */
static uint64_t v66g_entry_paddr(const uint8_t *elf, size_t len,
                                 uint64_t entry)
{
    uint32_t phoff, phentsize, phnum;

    if (len < 52 || elf[4] != 1 || elf[5] != 1) {   /* ELF32 LSB only */
        return entry;
    }
    phoff = v66g_le32(elf + 28);
    phentsize = elf[42] | elf[43] << 8;
    phnum = elf[44] | elf[45] << 8;
    if (phentsize < 32) {
        return entry;
    }
    for (uint32_t i = 0; i < phnum; i++) {
        uint64_t at = (uint64_t)phoff + (uint64_t)i * phentsize;
        const uint8_t *ph = elf + at;
        uint32_t vaddr, memsz;

        if (at + 32 > len) {
            break;
        }
        vaddr = v66g_le32(ph + 8);
        memsz = v66g_le32(ph + 20);
        if (v66g_le32(ph) == 1 /* PT_LOAD */ && entry >= vaddr &&
            entry - vaddr < memsz) {
            return (uint32_t)(entry - vaddr + v66g_le32(ph + 12));
        }
    }
    return entry;
}

static bool v66g_load_kernel(MachineState *ms, uint64_t *entry,
                             Error **errp)
{
    LoadElfOptions opts = { .machine = V66G_EM_HEXAGON };
    g_autofree char *data = NULL;
    LoadElfResult res;
    GError *gerr = NULL;
    AddressSpace as;
    gsize len = 0;
    bool ok;

    if (!g_file_get_contents(ms->kernel, &data, &len, &gerr)) {
        error_setg(errp, "machine V66G_1024: -kernel %s: %s", ms->kernel,
                   gerr->message);
        g_error_free(gerr);
        return false;
    }
    address_space_init(&as, &ms->sysmem, "v66g-loader");
    ok = load_elf_buffer_as(data, len, ms->kernel, &as, &opts, &res, errp);
    address_space_destroy(&as);
    if (!ok) {
        error_prepend(errp, "machine V66G_1024: -kernel: ");
        return false;
    }
    *entry = v66g_entry_paddr((const uint8_t *)data, len, res.entry);
    return true;
}

/* ---------------------------------------------------------------------- */
/* CPUs                                                                   */

static gint v66g_strcmp_ptr(gconstpointer a, gconstpointer b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* "v66, v67, v68": the -cpu names, sorted; g_free. */
static char *v66g_cpu_names(void)
{
    GSList *list = object_class_get_list(V66G_CPU_BASE, false);
    g_autoptr(GPtrArray) names = g_ptr_array_new();
    GString *s = g_string_new(NULL);

    for (GSList *l = list; l; l = l->next) {
        const char *type = object_class_get_name(l->data);

        if (g_str_has_suffix(type, V66G_CPU_SUFFIX)) {
            g_ptr_array_add(names, (gpointer)type);
        }
    }
    g_ptr_array_sort(names, v66g_strcmp_ptr);
    for (guint i = 0; i < names->len; i++) {
        const char *t = names->pdata[i];

        g_string_append_printf(s, "%s%.*s", i ? ", " : "",
                               (int)(strlen(t) - strlen(V66G_CPU_SUFFIX)), t);
    }
    g_slist_free(list);
    return g_string_free(s, FALSE);
}

/* The QOM type of -cpu @model ("v68" or its type name); g_free. */
static char *v66g_cpu_type(const char *model, Error **errp)
{
    g_autofree char *type = g_str_has_suffix(model, V66G_CPU_SUFFIX)
                            ? g_strdup(model)
                            : g_strconcat(model, V66G_CPU_SUFFIX, NULL);
    ObjectClass *oc = object_class_by_name(type);
    g_autofree char *names = NULL;

    if (oc && !object_class_is_abstract(oc) &&
        object_class_dynamic_cast(oc, V66G_CPU_BASE)) {
        return g_steal_pointer(&type);
    }
    names = v66g_cpu_names();
    error_setg(errp, "machine V66G_1024: unknown CPU model '%s' (accepted: "
               "%s)", model, *names ? names : "none: the hexagon frontend "
               "is not built in");
    return NULL;
}

static bool v66g_set_cpu_props(V66GMachineState *vms, Object *cpu,
                               unsigned idx, uint64_t entry,
                               DeviceState *l2vic, Error **errp)
{
    MachineState *ms = MACHINE(vms);
    Object *qtimer = object_get_child(OBJECT(ms), "qtimer");

    return (idx != 0 ||
            object_property_set_uint(cpu, "reset-pc", entry, errp)) &&
           object_property_set_uint(cpu, "evb", 0, errp) &&
           object_property_set_bool(cpu, "start-powered-off", idx != 0,
                                    errp) &&
           object_property_set_uint(cpu, "cfgbase", V66G_CFGBASE, errp) &&
           object_property_set_bool(cpu, "semihosting", vms->semihosting,
                                    errp) &&
           (!vms->semihosting_root ||
            object_property_set_str(cpu, "semihosting-root",
                                    vms->semihosting_root, errp)) &&
           (!ms->append ||
            object_property_set_str(cpu, "cmdline", ms->append, errp)) &&
           (!object_property_find(cpu, "l2vic") ||
            object_property_set_link(cpu, "l2vic", OBJECT(l2vic), errp)) &&
           (!object_property_find(cpu, "qtimer") ||
            object_property_set_link(cpu, "qtimer", qtimer, errp));
}

/* L2VIC output n -> input n of every thread, through split-irq n. */
static bool v66g_wire_irqs(MachineState *ms, Object *cl, DeviceState *l2vic,
                           Error **errp)
{
    for (int n = 0; n < V66G_L2VIC_OUTPUTS; n++) {
        g_autofree char *name = g_strdup_printf("l2vic-irq[%d]", n);
        DeviceState *split = qdev_new_child(OBJECT(ms), name, TYPE_SPLIT_IRQ,
                                            errp);

        if (!split ||
            !object_property_set_uint(OBJECT(split), "num-lines",
                                      ms->smp.cpus, errp)) {
            return false;
        }
        qdev_connect_gpio_out(l2vic, n, qdev_get_gpio_in(split, 0));
        for (unsigned t = 0; t < ms->smp.cpus; t++) {
            g_autofree char *cpu_name = g_strdup_printf("cpu[%u]", t);
            Object *cpu = object_get_child(cl, cpu_name);
            IRQLine *in = qdev_get_gpio_in_checked(DEVICE(cpu), NULL, n,
                                                   errp);

            if (!in) {
                error_prepend(errp, "machine V66G_1024: wiring L2VIC output "
                              "%d to /machine/hexagon/%s: ", n, cpu_name);
                return false;
            }
            qdev_connect_gpio_out(split, t, in);
        }
    }
    return true;
}

static bool v66g_create_cpus(V66GMachineState *vms, uint64_t entry,
                             DeviceState *l2vic, Error **errp)
{
    MachineState *ms = MACHINE(vms);
    g_autofree char *type = v66g_cpu_type(ms->cpu_type, errp);
    Object *cl;

    if (!type) {
        return false;
    }
    cl = object_new_child(OBJECT(ms), "hexagon", "cpu-cluster", errp);
    if (!cl ||
        !object_property_set_str(cl, "arch", "hexagon", errp) ||
        !object_property_set_str(cl, "cpu-type", type, errp) ||
        !object_property_set_uint(cl, "num-cpus", ms->smp.cpus, errp) ||
        !object_realize(cl, errp)) {
        return false;
    }
    for (unsigned i = 0; i < ms->smp.cpus; i++) {
        g_autofree char *name = g_strdup_printf("cpu[%u]", i);
        Object *cpu = object_get_child(cl, name);

        assert(cpu);            /* the cluster made cpu[0..num-cpus-1] */
        if (!v66g_set_cpu_props(vms, cpu, i, entry, l2vic, errp)) {
            error_prepend(errp, "machine V66G_1024: /machine/hexagon/%s: ",
                          name);
            return false;
        }
    }
    if (!v66g_wire_irqs(ms, cl, l2vic, errp)) {
        return false;
    }
    resettable_reset(cl, RESET_TYPE_COLD);
    return true;
}

/* ---------------------------------------------------------------------- */
/* The machine                                                            */

static bool v66g_init(MachineState *ms, Error **errp)
{
    V66GMachineState *vms = V66G_MACHINE(ms);
    DeviceState *l2vic;
    uint64_t entry = 0;

    if (ms->ram_size > V66G_RAM_MAX) {
        g_autofree char *have = size_to_str(ms->ram_size);

        error_setg(errp, "machine V66G_1024: -m %s is more than the DDR "
                   "window holds (at most 4 GiB at address 0)", have);
        return false;
    }
    if (!ms->kernel) {
        error_setg(errp, "machine V66G_1024: -kernel is required (an ELF "
                   "program for the DSP; the machine has no boot ROM)");
        return false;
    }
    if (!v66g_map_memory(vms, errp)) {
        return false;
    }
    l2vic = v66g_create_devices(ms, errp);
    return l2vic && v66g_load_kernel(ms, &entry, errp) &&
           v66g_create_cpus(vms, entry, l2vic, errp);
}

static void v66g_instance_init(Object *obj)
{
    /* QEMU's V66G_1024 runs 4 threads unless -smp says otherwise */
    MACHINE(obj)->smp.cpus = V66G_DEFAULT_CPUS;
}

static void v66g_instance_finalize(Object *obj)
{
    V66GMachineState *vms = V66G_MACHINE(obj);

    if (vms->regions_init) {
        memory_region_finalize(&vms->cfgtable);
        memory_region_finalize(&vms->vtcm);
    }
}

static const PropDef v66g_props[] = {
    DEFINE_PROP_BOOL("semihosting", V66GMachineState, semihosting, false,
                     "serve semihosting calls on trap0(#0) (-semihosting)"),
    DEFINE_PROP_STRING("semihosting-root", V66GMachineState,
                       semihosting_root,
                       "directory semihosting file names are relative to"),
    PROP_END
};

static void v66g_class_init(ObjectClass *oc, const void *data)
{
    MachineClass *mc = MACHINE_CLASS(oc);

    mc->name = "V66G_1024";
    mc->desc = "Hexagon V66G_1024 DSP subsystem (QEMU's map; L2VIC, QTimer)";
    mc->default_cpu_type = "v66";
    mc->max_cpus = V66G_MAX_CPUS;
    mc->default_ram_size = V66G_RAM_MAX;
    mc->init = v66g_init;
    object_class_add_field_props(oc, v66g_props);
}

static const TypeInfo v66g_types[] = {
    {
        .name = TYPE_V66G_MACHINE,
        .parent = TYPE_MACHINE,
        .description = "Hexagon V66G_1024 DSP subsystem",
        .instance_size = sizeof(V66GMachineState),
        .instance_init = v66g_instance_init,
        .instance_finalize = v66g_instance_finalize,
        .class_init = v66g_class_init,
    },
};

DEFINE_TYPES(v66g_types)
