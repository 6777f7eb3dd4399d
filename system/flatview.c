/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Flat views: rendering a region tree into sorted, disjoint ranges, looking
 * addresses up in them, and the `info mtree` printers.
 *
 * Rendering walks the tree in dispatch order and lets each leaf claim only
 * the addresses nobody claimed before it: subregions come before their
 * parent's own content, siblings in priority order (higher first, equal
 * priority newest first), so whatever renders first wins.  A disabled
 * region renders nothing, a container claims only what its subregions
 * cover, and an alias renders its target shifted and clipped to its window.
 * Positions are computed in 128-bit arithmetic so that windows at the top
 * of the 64-bit space and alias offsets below zero need no special cases.
 *
 * Called with the update mutex held (system/memory.c).  The design is in
 * docs/devel/memory.md.
 */
#include "hemu/osdep.h"
#include "memory-internal.h"

__extension__ typedef __int128 MemI128;

#define MEM_2_64 (((MemI128)1) << 64)
/* Aliases pointing (indirectly) at themselves stop rendering here. */
#define RENDER_MAX_DEPTH 64

static MemI128 region_size128(const MemoryRegion *mr)
{
    return mr->size == UINT64_MAX ? MEM_2_64 : (MemI128)mr->size;
}

const char *memory_region_kind_name(const MemoryRegion *mr)
{
    switch (mr->kind) {
    case MEMORY_REGION_CONTAINER:
        return "container";
    case MEMORY_REGION_RAM:
        return "ram";
    case MEMORY_REGION_ROM:
        return "rom";
    case MEMORY_REGION_IO:
        return "i/o";
    case MEMORY_REGION_ALIAS:
        return "alias";
    }
    return "?";
}

/*
 * Claim the unclaimed parts of [lo, hi) for leaf @mr whose offset 0 sits
 * at @base.  @arr is sorted and disjoint and stays so.
 */
static void render_claim(GArray *arr, MemI128 lo, MemI128 hi,
                         MemoryRegion *mr, MemI128 base, bool readonly)
{
    guint i = 0;
    MemI128 cur = lo;

    while (i < arr->len &&
           (MemI128)g_array_index(arr, FlatRange, i).last < lo) {
        i++;
    }
    while (cur < hi) {
        MemI128 gap_end = hi;
        FlatRange fr;

        if (i < arr->len) {
            const FlatRange *next = &g_array_index(arr, FlatRange, i);

            if ((MemI128)next->start <= cur) {
                cur = (MemI128)next->last + 1;
                i++;
                continue;
            }
            gap_end = HEMU_MIN(hi, (MemI128)next->start);
        }
        fr.start = (hwaddr)cur;
        fr.last = (hwaddr)(gap_end - 1);
        fr.mr = mr;
        fr.offset = (hwaddr)(cur - base);
        fr.readonly = readonly;
        g_array_insert_val(arr, i, fr);
        i++;
        cur = gap_end;
    }
}

static void render_region(GArray *arr, MemoryRegion *mr, MemI128 base,
                          MemI128 clip_lo, MemI128 clip_hi, bool readonly,
                          int depth)
{
    MemI128 lo, hi;
    MemoryRegion *sub;

    if (!mr->enabled) {
        return;
    }
    if (depth > RENDER_MAX_DEPTH) {
        warn_report("memory region '%s': nested deeper than %d levels "
                    "(an alias loop?); not rendered", mr->name,
                    RENDER_MAX_DEPTH);
        return;
    }
    lo = HEMU_MAX(base, clip_lo);
    hi = HEMU_MIN(base + region_size128(mr), clip_hi);
    if (lo >= hi) {
        return;
    }
    mr->ever_mapped = true;
    readonly = readonly || mr->readonly;

    for (sub = mr->subregions; sub; sub = sub->next_sibling) {
        render_region(arr, sub, base + sub->addr, lo, hi, readonly,
                      depth + 1);
    }
    switch (mr->kind) {
    case MEMORY_REGION_CONTAINER:
        break;
    case MEMORY_REGION_ALIAS:
        render_region(arr, mr->alias, base - (MemI128)mr->alias_offset, lo,
                      hi, readonly, depth + 1);
        break;
    case MEMORY_REGION_ROM:
        render_claim(arr, lo, hi, mr, base, true);
        break;
    case MEMORY_REGION_RAM:
    case MEMORY_REGION_IO:
        render_claim(arr, lo, hi, mr, base, readonly);
        break;
    }
}

FlatView *memory_flatview_render(MemoryRegion *root)
{
    GArray *arr = g_array_new(false, false, sizeof(FlatRange));
    FlatView *v;

    render_region(arr, root, 0, 0, MEM_2_64, false, 0);
    v = g_malloc0(sizeof(*v) + arr->len * sizeof(FlatRange));
    v->nr = arr->len;
    if (arr->len) {
        memcpy(v->ranges, arr->data, arr->len * sizeof(FlatRange));
    }
    g_array_free(arr, true);
    return v;
}

bool memory_flatview_equal(const FlatView *a, const FlatView *b)
{
    if (!a || !b) {
        return a == b;
    }
    if (a->nr != b->nr) {
        return false;
    }
    for (unsigned i = 0; i < a->nr; i++) {
        const FlatRange *x = &a->ranges[i], *y = &b->ranges[i];

        if (x->start != y->start || x->last != y->last || x->mr != y->mr ||
            x->offset != y->offset || x->readonly != y->readonly) {
            return false;
        }
    }
    return true;
}

const FlatRange *memory_flatview_lookup(const FlatView *v, hwaddr addr,
                                        hwaddr *hole_last)
{
    unsigned lo = 0, hi = v ? v->nr : 0;

    /* Find the first range starting after @addr. */
    while (lo < hi) {
        unsigned mid = lo + (hi - lo) / 2;

        if (v->ranges[mid].start <= addr) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    if (lo > 0 && v->ranges[lo - 1].last >= addr) {
        return &v->ranges[lo - 1];
    }
    *hole_last = lo < (v ? v->nr : 0) ? v->ranges[lo].start - 1 : HWADDR_MAX;
    return NULL;
}

void memory_flatview_free(FlatView *v)
{
    g_free(v);
}

/* ---------------------------------------------------------------------- */
/* info mtree                                                             */

static hwaddr print_last(MemI128 base, const MemoryRegion *mr)
{
    MemI128 last = base + region_size128(mr) - 1;

    return (hwaddr)(last < 0 ? 0 : HEMU_MIN(last, MEM_2_64 - 1));
}

static void print_region(GString *out, MemoryRegion *mr, MemI128 base,
                         int indent)
{
    MemoryRegion *sub;

    if (indent > RENDER_MAX_DEPTH) {
        return;
    }
    g_string_append_printf(out, "%*s%016" HWADDR_PRIx "-%016" HWADDR_PRIx
                           " (prio %d, %s%s): %s", indent * 2, "",
                           (hwaddr)base, print_last(base, mr), mr->priority,
                           memory_region_kind_name(mr),
                           mr->readonly ? ", ro" : "", mr->name);
    if (mr->kind == MEMORY_REGION_ALIAS) {
        g_string_append_printf(out, " @%s %016" HWADDR_PRIx "-%016"
                               HWADDR_PRIx, mr->alias->name,
                               mr->alias_offset,
                               mr->alias_offset + (mr->size - 1));
    }
    g_string_append(out, mr->enabled ? "\n" : " [disabled]\n");
    for (sub = mr->subregions; sub; sub = sub->next_sibling) {
        print_region(out, sub, base + sub->addr, indent + 1);
    }
}

void memory_region_print_tree(GString *out, MemoryRegion *root)
{
    print_region(out, root, 0, 0);
}

void address_space_print_flatview(GString *out, AddressSpace *as)
{
    FlatView *v;

    urcu_memb_read_lock();
    v = rcu_dereference(as->current_map);
    g_string_append_printf(out, "address space '%s' (root '%s'):\n",
                           as->name, as->root->name);
    for (unsigned i = 0; v && i < v->nr; i++) {
        const FlatRange *fr = &v->ranges[i];

        g_string_append_printf(out, "  %016" HWADDR_PRIx "-%016" HWADDR_PRIx
                               " (%s%s): %s @%016" HWADDR_PRIx "\n",
                               fr->start, fr->last,
                               memory_region_kind_name(fr->mr),
                               fr->readonly ? ", ro" : "", fr->mr->name,
                               fr->offset);
    }
    urcu_memb_read_unlock();
}
