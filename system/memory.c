/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The memory API, update side: region initialisation and trees,
 * transactions, address spaces, listeners and the RCU publication of flat
 * views.
 *
 * Locking: every change to a region tree runs inside a transaction, and a
 * thread holds the one update mutex from its outermost
 * memory_region_transaction_begin() to the matching commit.  The nesting
 * depth, the list of address spaces to re-render and the list of views to
 * retire are per thread (the mutex holder's), so nothing here couples two
 * machines beyond making their updates take turns.  A change marks every
 * address space whose tree contains the changed region dirty (walking up
 * through containers and through aliases that show the region); the
 * outermost commit renders each dirty space once, publishes the new view
 * with rcu_assign_pointer and tells the listeners if it differs.
 *
 * Old views are freed after a grace period, once the mutex is released
 * (so that a reader blocked on the mutex in an MMIO callback cannot
 * deadlock the grace period): synchronously when the committing thread is
 * not itself inside a read-side critical section, else with call_rcu.
 *
 * Readers (system/memory-access.c) take no lock.  Design:
 * docs/devel/memory.md.
 */
#include "hemu/osdep.h"
#include "memory-internal.h"

#include <sys/mman.h>

static GMutex memory_update_mutex;
static __thread unsigned memory_txn_depth;
static __thread GSList *memory_txn_dirty;    /* AddressSpace * */
static __thread GSList *memory_txn_retired;  /* FlatView * */

/* ---------------------------------------------------------------------- */
/* RCU                                                                    */

void memory_rcu_register_thread(void)
{
    urcu_memb_register_thread();
}

void memory_rcu_unregister_thread(void)
{
    urcu_memb_unregister_thread();
}

static void flatview_free_rcu(struct rcu_head *head)
{
    memory_flatview_free(container_of(head, FlatView, rcu));
}

/* Free views retired by the last commit, after a grace period. */
static void memory_free_retired(GSList *views)
{
    bool in_reader = urcu_memb_read_ongoing();
    GSList *l;

    if (!views) {
        return;
    }
    if (!in_reader) {
        urcu_memb_synchronize_rcu();
    }
    for (l = views; l; l = l->next) {
        FlatView *v = l->data;

        if (in_reader) {
            urcu_memb_call_rcu(&v->rcu, flatview_free_rcu);
        } else {
            memory_flatview_free(v);
        }
    }
    g_slist_free(views);
}

/* ---------------------------------------------------------------------- */
/* Transactions                                                           */

static void address_space_rerender(AddressSpace *as)
{
    FlatView *old = as->current_map;
    FlatView *new = memory_flatview_render(as->root);
    GSList *l;

    if (old && memory_flatview_equal(old, new)) {
        memory_flatview_free(new);
        return;
    }
    rcu_assign_pointer(as->current_map, new);
    if (old) {
        memory_txn_retired = g_slist_prepend(memory_txn_retired, old);
    }
    for (l = as->listeners; l; l = l->next) {
        MemoryListener *ml = l->data;

        if (ml->commit) {
            ml->commit(ml);
        }
    }
}

void memory_region_transaction_begin(void)
{
    if (memory_txn_depth++ == 0) {
        g_mutex_lock(&memory_update_mutex);
    }
}

void memory_region_transaction_commit(void)
{
    GSList *retired;

    assert(memory_txn_depth > 0);
    if (memory_txn_depth > 1) {
        memory_txn_depth--;
        return;
    }
    /* Listeners may start nested transactions: keep depth 1 meanwhile. */
    while (memory_txn_dirty) {
        AddressSpace *as = memory_txn_dirty->data;

        memory_txn_dirty = g_slist_delete_link(memory_txn_dirty,
                                               memory_txn_dirty);
        as->dirty = false;
        address_space_rerender(as);
    }
    retired = memory_txn_retired;
    memory_txn_retired = NULL;
    memory_txn_depth = 0;
    g_mutex_unlock(&memory_update_mutex);
    memory_free_retired(retired);
}

static void mark_dirty_walk(MemoryRegion *mr, GHashTable *seen)
{
    GSList *l;

    if (!g_hash_table_add(seen, mr)) {
        return;
    }
    for (l = mr->address_spaces; l; l = l->next) {
        AddressSpace *as = l->data;

        if (!as->dirty) {
            as->dirty = true;
            memory_txn_dirty = g_slist_prepend(memory_txn_dirty, as);
        }
    }
    for (l = mr->aliased_by; l; l = l->next) {
        mark_dirty_walk(l->data, seen);
    }
    if (mr->container) {
        mark_dirty_walk(mr->container, seen);
    }
}

/* Mark every address space that can see @mr for re-rendering. */
static void memory_mark_dirty(MemoryRegion *mr)
{
    GHashTable *seen = g_hash_table_new(NULL, NULL);

    assert(memory_txn_depth > 0);
    mark_dirty_walk(mr, seen);
    g_hash_table_destroy(seen);
}

/* ---------------------------------------------------------------------- */
/* Initialisation                                                         */

static void region_init_common(MemoryRegion *mr, Object *owner,
                               const char *name, uint64_t size,
                               MemoryRegionKind kind)
{
    memset(mr, 0, sizeof(*mr));
    mr->owner = owner;
    mr->name = g_strdup(name ? name : "(anonymous)");
    mr->size = size;
    mr->kind = kind;
    mr->enabled = true;
}

void memory_region_init(MemoryRegion *mr, Object *owner, const char *name,
                        uint64_t size)
{
    region_init_common(mr, owner, name, size, MEMORY_REGION_CONTAINER);
}

static bool region_alloc_ram(MemoryRegion *mr, Object *owner,
                             const char *name, uint64_t size,
                             MemoryRegionKind kind, Error **errp)
{
    void *p;

    if (size == 0 || size == UINT64_MAX) {
        error_setg(errp, "memory region '%s': size %" PRIu64 " is not "
                   "valid for %s (need 1 byte up to the host's limit)",
                   name ? name : "(anonymous)", size,
                   kind == MEMORY_REGION_ROM ? "ROM" : "RAM");
        return false;
    }
    p = mmap(NULL, size, PROT_READ | PROT_WRITE,
             MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (p == MAP_FAILED) {
        error_setg_errno(errp, errno, "memory region '%s': cannot allocate "
                         "%" PRIu64 " bytes", name ? name : "(anonymous)",
                         size);
        return false;
    }
    region_init_common(mr, owner, name, size, kind);
    mr->ram_ptr = p;
    mr->ram_owned = true;
    return true;
}

bool memory_region_init_ram(MemoryRegion *mr, Object *owner,
                            const char *name, uint64_t size, Error **errp)
{
    return region_alloc_ram(mr, owner, name, size, MEMORY_REGION_RAM, errp);
}

bool memory_region_init_rom(MemoryRegion *mr, Object *owner,
                            const char *name, uint64_t size, Error **errp)
{
    return region_alloc_ram(mr, owner, name, size, MEMORY_REGION_ROM, errp);
}

void memory_region_init_ram_ptr(MemoryRegion *mr, Object *owner,
                                const char *name, uint64_t size, void *host)
{
    assert(host && size != 0 && size != UINT64_MAX);
    region_init_common(mr, owner, name, size, MEMORY_REGION_RAM);
    mr->ram_ptr = host;
}

void memory_region_init_io(MemoryRegion *mr, Object *owner,
                           const MemoryRegionOps *ops, void *opaque,
                           const char *name, uint64_t size)
{
    assert(ops);
    region_init_common(mr, owner, name, size, MEMORY_REGION_IO);
    mr->ops = ops;
    mr->opaque = opaque;
}

void memory_region_init_alias(MemoryRegion *mr, Object *owner,
                              const char *name, MemoryRegion *orig,
                              hwaddr offset, uint64_t size)
{
    assert(orig && orig != mr);
    region_init_common(mr, owner, name, size, MEMORY_REGION_ALIAS);
    mr->alias = orig;
    mr->alias_offset = offset;
    memory_region_transaction_begin();
    orig->aliased_by = g_slist_prepend(orig->aliased_by, mr);
    memory_region_transaction_commit();
}

void memory_region_finalize(MemoryRegion *mr)
{
    bool wait;

    memory_region_transaction_begin();
    assert(mr->address_spaces == NULL);
    assert(mr->aliased_by == NULL);
    if (mr->container) {
        memory_region_del_subregion(mr->container, mr);
    }
    while (mr->subregions) {
        memory_region_del_subregion(mr, mr->subregions);
    }
    if (mr->kind == MEMORY_REGION_ALIAS) {
        mr->alias->aliased_by = g_slist_remove(mr->alias->aliased_by, mr);
    }
    wait = mr->ever_mapped;
    memory_region_transaction_commit();

    if (wait) {
        /* Readers of views that showed @mr may still be using it. */
        assert(!urcu_memb_read_ongoing());
        urcu_memb_synchronize_rcu();
    }
    if (mr->ram_owned) {
        munmap(mr->ram_ptr, mr->size);
    }
    g_free(mr->name);
    memset(mr, 0, sizeof(*mr));
}

/* ---------------------------------------------------------------------- */
/* Trees                                                                  */

__extension__ typedef __int128 MemI128;

static MemI128 region_end128(const MemoryRegion *mr, hwaddr at)
{
    return (MemI128)at + (mr->size == UINT64_MAX ? ((MemI128)1 << 64)
                                                 : (MemI128)mr->size);
}

/* Warn (once per container) about plain subregions that overlap. */
static void check_overlap(MemoryRegion *mr, MemoryRegion *sub)
{
    MemoryRegion *o;

    if (sub->may_overlap || mr->warned_overlap) {
        return;
    }
    for (o = mr->subregions; o; o = o->next_sibling) {
        if (o == sub || o->may_overlap || !o->enabled) {
            continue;
        }
        if ((MemI128)sub->addr < region_end128(o, o->addr) &&
            (MemI128)o->addr < region_end128(sub, sub->addr)) {
            warn_report("memory region '%s': subregion '%s' at 0x%"
                        HWADDR_PRIx " overlaps '%s' at 0x%" HWADDR_PRIx
                        " without add_subregion_overlap; the later-added "
                        "'%s' wins", mr->name, sub->name, sub->addr,
                        o->name, o->addr, sub->name);
            mr->warned_overlap = true;
            return;
        }
    }
}

static void add_subregion_common(MemoryRegion *mr, hwaddr offset,
                                 MemoryRegion *sub, int priority,
                                 bool may_overlap)
{
    MemoryRegion **pp;

    assert(mr && sub && mr != sub);
    memory_region_transaction_begin();
    assert(sub->container == NULL);
    sub->container = mr;
    sub->addr = offset;
    sub->priority = priority;
    sub->may_overlap = may_overlap;
    /* Before the first sibling it beats: higher or equal priority. */
    for (pp = &mr->subregions; *pp; pp = &(*pp)->next_sibling) {
        if ((*pp)->priority <= priority) {
            break;
        }
    }
    sub->next_sibling = *pp;
    *pp = sub;
    check_overlap(mr, sub);
    memory_mark_dirty(mr);
    memory_region_transaction_commit();
}

void memory_region_add_subregion(MemoryRegion *mr, hwaddr offset,
                                 MemoryRegion *sub)
{
    add_subregion_common(mr, offset, sub, 0, false);
}

void memory_region_add_subregion_overlap(MemoryRegion *mr, hwaddr offset,
                                         MemoryRegion *sub, int priority)
{
    add_subregion_common(mr, offset, sub, priority, true);
}

void memory_region_del_subregion(MemoryRegion *mr, MemoryRegion *sub)
{
    MemoryRegion **pp;

    memory_region_transaction_begin();
    assert(sub->container == mr);
    for (pp = &mr->subregions; *pp != sub; pp = &(*pp)->next_sibling) {
        assert(*pp);
    }
    *pp = sub->next_sibling;
    sub->next_sibling = NULL;
    sub->container = NULL;
    memory_mark_dirty(mr);
    memory_region_transaction_commit();
}

void memory_region_set_enabled(MemoryRegion *mr, bool enabled)
{
    memory_region_transaction_begin();
    if (mr->enabled != enabled) {
        mr->enabled = enabled;
        memory_mark_dirty(mr);
    }
    memory_region_transaction_commit();
}

void memory_region_set_address(MemoryRegion *mr, hwaddr addr)
{
    memory_region_transaction_begin();
    if (mr->addr != addr) {
        mr->addr = addr;
        memory_mark_dirty(mr);
    }
    memory_region_transaction_commit();
}

void memory_region_set_readonly(MemoryRegion *mr, bool readonly)
{
    memory_region_transaction_begin();
    if (mr->readonly != readonly) {
        mr->readonly = readonly;
        memory_mark_dirty(mr);
    }
    memory_region_transaction_commit();
}

/* ---------------------------------------------------------------------- */
/* Accessors                                                              */

uint64_t memory_region_size(MemoryRegion *mr)
{
    return mr->size;
}

const char *memory_region_name(MemoryRegion *mr)
{
    return mr->name;
}

bool memory_region_is_ram(MemoryRegion *mr)
{
    return mr->kind == MEMORY_REGION_RAM || mr->kind == MEMORY_REGION_ROM;
}

bool memory_region_is_rom(MemoryRegion *mr)
{
    return mr->kind == MEMORY_REGION_ROM;
}

bool memory_region_is_readonly(MemoryRegion *mr)
{
    return mr->kind == MEMORY_REGION_ROM || mr->readonly;
}

void *memory_region_get_ram_ptr(MemoryRegion *mr)
{
    hwaddr offset = 0;

    while (mr->kind == MEMORY_REGION_ALIAS) {
        offset += mr->alias_offset;
        mr = mr->alias;
    }
    if (!memory_region_is_ram(mr)) {
        return NULL;
    }
    return (uint8_t *)mr->ram_ptr + offset;
}

/* ---------------------------------------------------------------------- */
/* Address spaces and listeners                                           */

void address_space_init(AddressSpace *as, MemoryRegion *root,
                        const char *name)
{
    assert(root);
    memset(as, 0, sizeof(*as));
    as->name = g_strdup(name ? name : "(anonymous)");
    as->root = root;
    memory_region_transaction_begin();
    root->address_spaces = g_slist_prepend(root->address_spaces, as);
    as->dirty = true;
    memory_txn_dirty = g_slist_prepend(memory_txn_dirty, as);
    memory_region_transaction_commit();
}

void address_space_destroy(AddressSpace *as)
{
    FlatView *old;
    GSList *l;

    memory_region_transaction_begin();
    as->root->address_spaces = g_slist_remove(as->root->address_spaces, as);
    if (as->dirty) {
        memory_txn_dirty = g_slist_remove(memory_txn_dirty, as);
        as->dirty = false;
    }
    for (l = as->listeners; l; l = l->next) {
        ((MemoryListener *)l->data)->as = NULL;
    }
    g_slist_free(as->listeners);
    as->listeners = NULL;
    old = as->current_map;
    rcu_assign_pointer(as->current_map, NULL);
    if (old) {
        memory_txn_retired = g_slist_prepend(memory_txn_retired, old);
    }
    memory_region_transaction_commit();
    g_free(as->name);
    as->name = NULL;
}

void memory_listener_register(MemoryListener *l, AddressSpace *as)
{
    memory_region_transaction_begin();
    assert(l->as == NULL);
    l->as = as;
    as->listeners = g_slist_append(as->listeners, l);
    memory_region_transaction_commit();
}

void memory_listener_unregister(MemoryListener *l)
{
    memory_region_transaction_begin();
    if (l->as) {
        l->as->listeners = g_slist_remove(l->as->listeners, l);
        l->as = NULL;
    }
    memory_region_transaction_commit();
}
