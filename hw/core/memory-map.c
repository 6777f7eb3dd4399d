/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * TYPE_MEMORY_MAP: an object owning one address map (include/hw/
 * memory-map.h), and the lookup of the map a cpu-cluster renders.
 *
 * Invariant: the container is initialised by memory_map_new() (named
 * after the child) and finalized with the object; a map object made
 * with object_new() alone gets the name "memory-map".
 */
#include "hw/memory-map.h"

#include "hemu/osdep.h"
#include "hw/boards.h"

#define CPU_CLUSTER_TYPE "cpu-cluster"      /* accel's; named, not included */

typedef struct MemoryMapState {
    Object parent_obj;
    MemoryRegion root;          /* the map: a 2^64 container */
    bool root_init;
} MemoryMapState;

static MemoryMapState *memory_map_cast(Object *obj)
{
    MemoryMapState *m = (MemoryMapState *)object_dynamic_cast(
        obj, TYPE_MEMORY_MAP);

    assert(m);
    return m;
}

static void memory_map_init_root(MemoryMapState *m, const char *name)
{
    memory_region_init(&m->root, OBJECT(m), name, UINT64_MAX);
    m->root_init = true;
}

Object *memory_map_new(Object *parent, const char *name, Error **errp)
{
    Object *obj = object_new_child(parent, name, TYPE_MEMORY_MAP, errp);

    if (obj) {
        MemoryMapState *m = memory_map_cast(obj);

        memory_region_finalize(&m->root);
        memory_map_init_root(m, name);
    }
    return obj;
}

MemoryRegion *memory_map_root(Object *map)
{
    return &memory_map_cast(map)->root;
}

MemoryRegion *cpu_cluster_memory_root(Object *cluster, Error **errp)
{
    g_autofree char *path = cluster ? object_get_canonical_path(cluster)
                                    : NULL;
    MachineState *ms;
    Object *map;

    if (!cluster || !object_dynamic_cast(cluster, CPU_CLUSTER_TYPE)) {
        error_setg(errp, "'%s' is not a %s", path ? path : "(none)",
                   CPU_CLUSTER_TYPE);
        return NULL;
    }
    map = object_property_get_link(cluster, "memory", NULL);
    if (map) {
        return memory_map_root(map);
    }
    ms = machine_of(cluster);
    if (!ms) {
        error_setg(errp, "cpu-cluster '%s' belongs to no machine and has "
                   "no memory map", path ? path : "?");
        return NULL;
    }
    return &ms->sysmem;
}

static void memory_map_instance_init(Object *obj)
{
    memory_map_init_root(memory_map_cast(obj), TYPE_MEMORY_MAP);
}

static void memory_map_instance_finalize(Object *obj)
{
    MemoryMapState *m = memory_map_cast(obj);

    if (m->root_init) {
        memory_region_finalize(&m->root);
    }
}

static const TypeInfo memory_map_types[] = {
    {
        .name = TYPE_MEMORY_MAP,
        .parent = TYPE_OBJECT,
        .description = "an address map a cpu-cluster can render",
        .instance_size = sizeof(MemoryMapState),
        .instance_init = memory_map_instance_init,
        .instance_finalize = memory_map_instance_finalize,
    },
};

DEFINE_TYPES(memory_map_types)
