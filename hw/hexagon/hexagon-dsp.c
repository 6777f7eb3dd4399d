/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The Hexagon DSP subsystem boards share (include/hw/hexagon/hexagon-dsp.h):
 * threads, config table, VTCM, L2VIC and QTimer in a DSP address map.
 *
 * Invariants: the config table is filled once at creation and is ROM to
 * the guest; the threads' properties are set before the cluster's reset
 * (they are read at reset).  Spec: QEMU's V66G_1024 configuration (memory
 * map, config table values), /work/shared/reference/hexagon-system.md.
 */
#include "hw/hexagon/hexagon-dsp.h"

#include "hemu/osdep.h"
#include "hw/irq.h"
#include "hw/resettable.h"

/* Device types of target/hexagon/hw/ (by name: hw/ cannot include them). */
#define DSP_L2VIC_TYPE "l2vic"
#define DSP_QTIMER_TYPE "qct-qtimer"
#define DSP_L2VIC_OUTPUTS 8
#define DSP_QTIMER_FRAMES 2
static const unsigned dsp_qtimer_irq[DSP_QTIMER_FRAMES] = { 3, 4 };

#define DSP_CFGTABLE_SIZE 0x1000ull
#define DSP_CPU_SUFFIX "-hexagon-cpu"
#define DSP_CPU_BASE "hexagon-cpu"
#define DSP_DEFAULT_MODEL "v66"

/*
 * The config table (read by guests with memw_phys): byte offset and value
 * of each non-zero 32-bit word; base fields hold address bits 31:16.
 */
typedef struct DspCfgField {
    uint32_t offset;
    uint32_t value;
} DspCfgField;

#define DSP_CFG_THREAD_ENABLE_MASK 0x48
static const DspCfgField dsp_cfgtable[] = {
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

static void dsp_put_le32(uint8_t *p, uint32_t v)
{
    uint32_t le = GUINT32_TO_LE(v);

    memcpy(p, &le, 4);
}

static void dsp_fill_cfgtable(HexagonDsp *dsp, unsigned threads)
{
    uint8_t *p = memory_region_get_ram_ptr(&dsp->cfgtable);

    for (size_t i = 0; i < G_N_ELEMENTS(dsp_cfgtable); i++) {
        dsp_put_le32(p + dsp_cfgtable[i].offset, dsp_cfgtable[i].value);
    }
    /* QEMU writes 0xf (its 4 default threads); we name the threads made */
    dsp_put_le32(p + DSP_CFG_THREAD_ENABLE_MASK, (1u << threads) - 1);
}

static void dsp_map(const HexagonDspConfig *cfg, MemoryRegion *mr,
                    hwaddr base)
{
    memory_region_add_subregion_overlap(cfg->map, base, mr, 1);
}

static char *dsp_child(const HexagonDspConfig *cfg, const char *name)
{
    return g_strconcat(cfg->prefix ? cfg->prefix : "", name, NULL);
}

bool hexagon_dsp_create_devices(HexagonDsp *dsp, Object *owner,
                                const HexagonDspConfig *cfg, Error **errp)
{
    g_autofree char *rom_name = dsp_child(cfg, "cfgtable");
    g_autofree char *vtcm_name = dsp_child(cfg, "vtcm");
    g_autofree char *l2vic_name = dsp_child(cfg, "l2vic");
    g_autofree char *qtimer_name = dsp_child(cfg, "qtimer");

    if (!memory_region_init_rom(&dsp->cfgtable, owner, rom_name,
                                DSP_CFGTABLE_SIZE, errp)) {
        return false;
    }
    if (!memory_region_init_ram(&dsp->vtcm, owner, vtcm_name,
                                HEXAGON_DSP_VTCM_SIZE, errp)) {
        memory_region_finalize(&dsp->cfgtable);
        return false;
    }
    dsp->regions_init = true;
    dsp_fill_cfgtable(dsp, cfg->threads);
    dsp_map(cfg, &dsp->cfgtable, HEXAGON_DSP_CFGBASE);
    dsp_map(cfg, &dsp->vtcm, HEXAGON_DSP_VTCM_BASE);

    dsp->l2vic = qdev_new_child(owner, l2vic_name, DSP_L2VIC_TYPE, errp);
    if (!dsp->l2vic) {
        return false;
    }
    dsp->qtimer = qdev_new_child(owner, qtimer_name, DSP_QTIMER_TYPE, errp);
    if (!dsp->qtimer ||
        !object_property_set_uint(OBJECT(dsp->qtimer), "nr-frames",
                                  DSP_QTIMER_FRAMES, errp)) {
        return false;
    }
    for (int i = 0; i < DSP_QTIMER_FRAMES; i++) {
        qdev_connect_gpio_out(dsp->qtimer, i,
                              qdev_get_gpio_in(dsp->l2vic,
                                               dsp_qtimer_irq[i]));
    }
    dsp_map(cfg, qdev_get_mmio(dsp->l2vic, 0), HEXAGON_DSP_L2VIC_BASE);
    dsp_map(cfg, qdev_get_mmio(dsp->l2vic, 1), HEXAGON_DSP_FASTL2VIC_BASE);
    dsp_map(cfg, qdev_get_mmio(dsp->qtimer, 0), HEXAGON_DSP_QTIMER_BASE);
    dsp_map(cfg, qdev_get_mmio(dsp->qtimer, 1),
            HEXAGON_DSP_QTIMER_FRAME_BASE);
    return true;
}

/* ---------------------------------------------------------------------- */
/* Threads                                                                */

static gint dsp_strcmp_ptr(gconstpointer a, gconstpointer b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

char *hexagon_dsp_cpu_names(void)
{
    GSList *list = object_class_get_list(DSP_CPU_BASE, false);
    g_autoptr(GPtrArray) names = g_ptr_array_new();
    GString *s = g_string_new(NULL);

    for (GSList *l = list; l; l = l->next) {
        const char *type = object_class_get_name(l->data);

        if (g_str_has_suffix(type, DSP_CPU_SUFFIX)) {
            g_ptr_array_add(names, (gpointer)type);
        }
    }
    g_ptr_array_sort(names, dsp_strcmp_ptr);
    for (guint i = 0; i < names->len; i++) {
        const char *t = names->pdata[i];

        g_string_append_printf(s, "%s%.*s", i ? ", " : "",
                               (int)(strlen(t) - strlen(DSP_CPU_SUFFIX)), t);
    }
    g_slist_free(list);
    return g_string_free(s, FALSE);
}

/* The QOM type of CPU model @model ("v68" or its type name); g_free. */
static char *dsp_cpu_type(const HexagonDspConfig *cfg, Error **errp)
{
    const char *model = cfg->cpu_model ? cfg->cpu_model : DSP_DEFAULT_MODEL;
    g_autofree char *type = g_str_has_suffix(model, DSP_CPU_SUFFIX)
                            ? g_strdup(model)
                            : g_strconcat(model, DSP_CPU_SUFFIX, NULL);
    ObjectClass *oc = object_class_by_name(type);
    g_autofree char *names = NULL;

    if (oc && !object_class_is_abstract(oc) &&
        object_class_dynamic_cast(oc, DSP_CPU_BASE)) {
        return g_steal_pointer(&type);
    }
    names = hexagon_dsp_cpu_names();
    error_setg(errp, "%s: unknown Hexagon CPU model '%s' (accepted: %s)",
               cfg->board, model, *names ? names : "none: the hexagon "
               "frontend is not built in");
    return NULL;
}

DeviceState *hexagon_dsp_thread(HexagonDsp *dsp, unsigned idx)
{
    g_autofree char *name = g_strdup_printf("cpu[%u]", idx);
    Object *cpu = object_get_child(dsp->cluster, name);

    assert(cpu);            /* the cluster made cpu[0..num-cpus-1] */
    return DEVICE(cpu);
}

static bool dsp_set_cpu_props(HexagonDsp *dsp, const HexagonDspConfig *cfg,
                              Object *cpu, unsigned idx, Error **errp)
{
    return (idx != 0 ||
            object_property_set_uint(cpu, "reset-pc", cfg->reset_pc,
                                     errp)) &&
           object_property_set_uint(cpu, "evb", 0, errp) &&
           object_property_set_bool(cpu, "start-powered-off", idx != 0,
                                    errp) &&
           object_property_set_uint(cpu, "cfgbase", HEXAGON_DSP_CFGBASE,
                                    errp) &&
           object_property_set_bool(cpu, "stop-powers-off",
                                    !cfg->keep_running, errp) &&
           object_property_set_bool(cpu, "semihosting", cfg->semihosting,
                                    errp) &&
           (!cfg->semihosting_root ||
            object_property_set_str(cpu, "semihosting-root",
                                    cfg->semihosting_root, errp)) &&
           (!cfg->cmdline ||
            object_property_set_str(cpu, "cmdline", cfg->cmdline, errp)) &&
           (!object_property_find(cpu, "l2vic") ||
            object_property_set_link(cpu, "l2vic", OBJECT(dsp->l2vic),
                                     errp)) &&
           (!object_property_find(cpu, "qtimer") ||
            object_property_set_link(cpu, "qtimer", OBJECT(dsp->qtimer),
                                     errp));
}

/*
 * Every thread's "ciad" pulse re-arms the L2VIC (its "rearm" input takes
 * pulses from all of them: a level-1 edge is all it looks at).
 */
static void dsp_wire_ciad(HexagonDsp *dsp, const HexagonDspConfig *cfg)
{
    IRQLine *rearm = qdev_get_gpio_in_named(dsp->l2vic, "rearm", 0);

    for (unsigned t = 0; t < cfg->threads; t++) {
        DeviceState *cpu = hexagon_dsp_thread(dsp, t);

        if (qdev_gpio_out_count(cpu, "ciad") == 1) {
            qdev_connect_gpio_out_named(cpu, "ciad", 0, rearm);
        }
    }
}

/* L2VIC output n -> input n of every thread, through split-irq n. */
static bool dsp_wire_irqs(HexagonDsp *dsp, Object *owner,
                          const HexagonDspConfig *cfg, Error **errp)
{
    for (int n = 0; n < DSP_L2VIC_OUTPUTS; n++) {
        g_autofree char *base = g_strdup_printf("l2vic-irq[%d]", n);
        g_autofree char *name = dsp_child(cfg, base);
        DeviceState *split = qdev_new_child(owner, name, TYPE_SPLIT_IRQ,
                                            errp);

        if (!split ||
            !object_property_set_uint(OBJECT(split), "num-lines",
                                      cfg->threads, errp)) {
            return false;
        }
        qdev_connect_gpio_out(dsp->l2vic, n, qdev_get_gpio_in(split, 0));
        if (n == 0) {
            dsp_wire_ciad(dsp, cfg);
        }
        for (unsigned t = 0; t < cfg->threads; t++) {
            IRQLine *in = qdev_get_gpio_in_checked(hexagon_dsp_thread(dsp, t),
                                                   NULL, n, errp);

            if (!in) {
                error_prepend(errp, "%s: wiring L2VIC output %d to thread "
                              "%u: ", cfg->board, n, t);
                return false;
            }
            qdev_connect_gpio_out(split, t, in);
        }
    }
    return true;
}

bool hexagon_dsp_create_cpus(HexagonDsp *dsp, Object *owner,
                             const HexagonDspConfig *cfg, Error **errp)
{
    g_autofree char *type = dsp_cpu_type(cfg, errp);
    Object *cl;

    if (!type) {
        return false;
    }
    cl = object_new_child(owner, cfg->cluster_name, "cpu-cluster", errp);
    if (!cl ||
        !object_property_set_str(cl, "arch", "hexagon", errp) ||
        !object_property_set_str(cl, "cpu-type", type, errp) ||
        !object_property_set_uint(cl, "num-cpus", cfg->threads, errp) ||
        (cfg->map_obj &&
         !object_property_set_link(cl, "memory", cfg->map_obj, errp)) ||
        !object_realize(cl, errp)) {
        error_prepend(errp, "%s: the Hexagon cluster: ", cfg->board);
        return false;
    }
    dsp->cluster = cl;
    for (unsigned i = 0; i < cfg->threads; i++) {
        if (!dsp_set_cpu_props(dsp, cfg, OBJECT(hexagon_dsp_thread(dsp, i)),
                               i, errp)) {
            error_prepend(errp, "%s: %s/cpu[%u]: ", cfg->board,
                          cfg->cluster_name, i);
            return false;
        }
    }
    if (!dsp_wire_irqs(dsp, owner, cfg, errp)) {
        return false;
    }
    resettable_reset(cl, RESET_TYPE_COLD);
    return true;
}

void hexagon_dsp_finalize(HexagonDsp *dsp)
{
    if (dsp->regions_init) {
        memory_region_finalize(&dsp->cfgtable);
        memory_region_finalize(&dsp->vtcm);
        dsp->regions_init = false;
    }
}
