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
 * which thread takes an interrupt.  The subsystem (threads, config
 * table, VTCM, L2VIC, QTimer) is built by hw/hexagon/hexagon-dsp.c, which
 * -M hetero-virt's DSP shares; this file adds the DDR RAM and -kernel.
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
#include "hw/hexagon/hexagon-dsp.h"
#include "hw/irq.h"
#include "hw/loader.h"
#include "hw/qdev.h"
#include "system/memory.h"
#include "util/cutils.h"

#define TYPE_V66G_MACHINE MACHINE_TYPE_NAME("V66G_1024")
OBJECT_DECLARE_SIMPLE_TYPE(V66GMachineState, V66G_MACHINE)

#define V66G_RAM_MAX (4ull << 30)
#define V66G_DEFAULT_CPUS 4
#define V66G_EM_HEXAGON 164

struct V66GMachineState {
    MachineState parent_obj;
    bool semihosting;           /* trap0(#0) serves semihosting calls */
    char *semihosting_root;     /* OPEN's directory; NULL: cwd; owned by
                                   the property */
    HexagonDsp dsp;             /* threads, config table, VTCM, L2VIC,
                                   QTimer in sysmem */
};

/* ---------------------------------------------------------------------- */
/* The kernel                                                             */

static bool v66g_load_kernel(MachineState *ms, uint64_t *entry,
                             Error **errp)
{
    LoadElfOptions opts = { .machine = V66G_EM_HEXAGON };
    LoadElfResult res;
    AddressSpace as;
    bool ok;

    address_space_init(&as, &ms->sysmem, "v66g-loader");
    ok = load_elf_as(ms->kernel, &as, &opts, &res, errp);
    address_space_destroy(&as);
    if (!ok) {
        error_prepend(errp, "machine V66G_1024: -kernel: ");
        return false;
    }
    *entry = res.entry_paddr;
    return true;
}

/* ---------------------------------------------------------------------- */
/* The machine                                                            */

/* The DSP subsystem's description for this machine. */
static HexagonDspConfig v66g_dsp_config(V66GMachineState *vms)
{
    MachineState *ms = MACHINE(vms);

    return (HexagonDspConfig) {
        .board = "machine V66G_1024",
        .cluster_name = "hexagon",
        .prefix = "",
        .cpu_model = ms->cpu_type,
        .threads = ms->smp.cpus,
        .map = &ms->sysmem,
        .semihosting = vms->semihosting,
        .semihosting_root = vms->semihosting_root,
        .cmdline = ms->append,
    };
}

static bool v66g_init(MachineState *ms, Error **errp)
{
    V66GMachineState *vms = V66G_MACHINE(ms);
    HexagonDspConfig cfg = v66g_dsp_config(vms);
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
    memory_region_add_subregion_overlap(&ms->sysmem, 0, ms->ram, 0);
    if (!hexagon_dsp_create_devices(&vms->dsp, OBJECT(ms), &cfg, errp) ||
        !v66g_load_kernel(ms, &entry, errp)) {
        return false;
    }
    cfg.reset_pc = (uint32_t)entry;
    return hexagon_dsp_create_cpus(&vms->dsp, OBJECT(ms), &cfg, errp);
}

static void v66g_instance_init(Object *obj)
{
    /* QEMU's V66G_1024 runs 4 threads unless -smp says otherwise */
    MACHINE(obj)->smp.cpus = V66G_DEFAULT_CPUS;
}

static void v66g_instance_finalize(Object *obj)
{
    hexagon_dsp_finalize(&V66G_MACHINE(obj)->dsp);
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
    mc->max_cpus = HEXAGON_DSP_MAX_THREADS;
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
