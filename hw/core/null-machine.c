/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The "none" machine: no CPUs and no devices; RAM at address 0 of its
 * memory map when -m (or a memory backend) gives it some.  It realizes
 * and then just runs the main loop, which makes it the machine for
 * testing the CLI, backends and QMP without a guest.  It is the default
 * machine until a real board claims that role.
 */
#include "hw/boards.h"

static bool none_machine_init(MachineState *ms, Error **errp)
{
    if (ms->ram) {
        memory_region_add_subregion(&ms->sysmem, 0, ms->ram);
    }
    return true;
}

static void none_machine_class_init(ObjectClass *oc, const void *data)
{
    MachineClass *mc = MACHINE_CLASS(oc);

    mc->name = "none";
    mc->desc = "empty machine (no CPUs; RAM at 0 with -m)";
    mc->is_default = true;
    mc->max_cpus = 0;
    mc->default_ram_size = 0;
    mc->init = none_machine_init;
}

static const TypeInfo none_machine_types[] = {
    {
        .name = MACHINE_TYPE_NAME("none"),
        .parent = TYPE_MACHINE,
        .description = "empty machine (no CPUs; RAM at 0 with -m)",
        .class_init = none_machine_class_init,
    },
};

DEFINE_TYPES(none_machine_types)
