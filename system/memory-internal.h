/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Private interface between the files of the memory library
 * (system/memory.c: region trees, transactions, address spaces;
 * system/flatview.c: rendering and printing; system/memory-access.c:
 * dispatch).  Nothing outside system/memory*.c and system/flatview.c may
 * include it.
 *
 * A FlatView is the rendering of one root region: sorted, non-overlapping
 * ranges with inclusive ends (so a range may cover all 2^64 addresses).
 * Views are immutable once published; readers find them with
 * rcu_dereference() inside an RCU read-side critical section.
 */
#ifndef SYSTEM_MEMORY_INTERNAL_H
#define SYSTEM_MEMORY_INTERNAL_H

#define _LGPL_SOURCE
#include <urcu/urcu-memb.h>

#include "system/memory.h"

/* One contiguous piece of one leaf region (RAM, ROM or IO). */
typedef struct FlatRange {
    hwaddr start;               /* first address in the address space */
    hwaddr last;                /* last address (inclusive), >= start */
    MemoryRegion *mr;           /* the leaf region seen there */
    hwaddr offset;              /* offset within mr of @start */
    bool readonly;              /* writes ignored (ROM, read-only RAM or
                                   alias on the way) */
} FlatRange;

struct FlatView {
    struct rcu_head rcu;        /* for call_rcu when retired in a reader */
    unsigned nr;                /* number of ranges */
    FlatRange ranges[];         /* sorted by start, disjoint */
};

/* Render the tree under @root (seen at address 0) into a new view. */
FlatView *memory_flatview_render(MemoryRegion *root);
/* True when two views dispatch every address identically. */
bool memory_flatview_equal(const FlatView *a, const FlatView *b);
/*
 * The range holding @addr, or NULL in a hole; then *@hole_last is set to
 * the last address of the hole.
 */
const FlatRange *memory_flatview_lookup(const FlatView *v, hwaddr addr,
                                        hwaddr *hole_last);
void memory_flatview_free(FlatView *v);

/* Kind of a leaf or region for printing: "ram", "rom", "i/o"... */
const char *memory_region_kind_name(const MemoryRegion *mr);

#endif
