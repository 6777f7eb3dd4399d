/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * TYPE_MEMORY_MAP ("memory-map"): a QOM object that owns one address map
 * (a 2^64 container MemoryRegion), so boards can give a cpu-cluster an
 * address map of its own through the cluster's link property "memory"
 * (default: its machine's sysmem).  -M hetero-virt's DSP sees its TCM at
 * 0 and the shared carveout at 0x80000000 through one.
 *
 * The region is named after the object's child name when made with
 * memory_map_new().  Design: docs/devel/memory.md ("One map per cluster").
 */
#ifndef HW_MEMORY_MAP_H
#define HW_MEMORY_MAP_H

#include "qom/object.h"
#include "system/memory.h"
#include "util/error.h"

#define TYPE_MEMORY_MAP "memory-map"

/* Create a memory-map as child @name of @parent; NULL with an error. */
Object *memory_map_new(Object *parent, const char *name, Error **errp);

/* The container region of the memory-map @map (asserts the type). */
MemoryRegion *memory_map_root(Object *map);

/*
 * The memory root @cluster renders: its "memory" link's map, or its
 * machine's sysmem; NULL with an error when @cluster is not a
 * cpu-cluster or belongs to no machine.
 */
MemoryRegion *cpu_cluster_memory_root(Object *cluster, Error **errp);

#endif
