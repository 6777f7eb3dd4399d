/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The memory API: memory regions, address spaces and their flat views.
 *
 * A MemoryRegion is a plain C struct, usually embedded in its owner (a
 * device or a machine).  Regions form trees: containers hold subregions at
 * offsets with priorities; leaves are RAM, ROM or MMIO (callbacks); an
 * alias shows a window of another region.  An AddressSpace renders its root
 * region into a FlatView (sorted, non-overlapping ranges) that readers use
 * without taking a lock: views are published with RCU (liburcu) and freed
 * after a grace period.  There is no global root and no global address
 * space; two machines in one process share nothing.
 *
 * Invariants: a region is in at most one container; region trees are
 * changed only through the functions below, which serialise on one update
 * mutex and re-render the affected address spaces at the end of the
 * outermost transaction.  Threads that read through an address space while
 * another thread may change it must be registered with
 * memory_rcu_register_thread().
 *
 * Design, dispatch rules and examples: docs/devel/memory.md.
 */
#ifndef SYSTEM_MEMORY_H
#define SYSTEM_MEMORY_H

#include "hemu/osdep.h"
#include "exec/memop.h"
#include "qom/object.h"
#include "util/error.h"

typedef struct MemoryRegion MemoryRegion;
typedef struct AddressSpace AddressSpace;
typedef struct MemoryListener MemoryListener;
/* A rendered view of an address space; private to system/memory*.c. */
typedef struct FlatView FlatView;

/* ---------------------------------------------------------------------- */
/* Transactions: attributes and results                                   */

/* Who makes an access, as a bus would tell the target. */
typedef struct MemTxAttrs {
    unsigned secure : 1;        /* from the secure world (TrustZone) */
    unsigned user : 1;          /* unprivileged access */
    unsigned debug : 1;         /* debugger / monitor access */
    uint16_t requester_id;      /* bus master id (CPU index, DMA master) */
} MemTxAttrs;

#define MEMTXATTRS_UNSPECIFIED ((MemTxAttrs){ 0 })

/* The outcome of an access: a bit mask, MEMTX_OK when zero. */
typedef uint32_t MemTxResult;
#define MEMTX_OK 0
#define MEMTX_ERROR (1u << 0)        /* device returned an error, or the
                                        access broke the device's rules */
#define MEMTX_DECODE_ERROR (1u << 1) /* nothing mapped there */

/* Byte order of an MMIO device's registers. */
typedef enum DeviceEndian {
    DEVICE_LITTLE_ENDIAN,
    DEVICE_BIG_ENDIAN,
} DeviceEndian;

/*
 * Callbacks of an MMIO region.  @addr is the offset in the region, @size
 * the access size in bytes (a power of two within impl below).  Use either
 * read/write or the *_with_attrs forms (which win when both are set).  A
 * NULL read returns 0, a NULL write ignores the data.
 */
typedef struct MemoryRegionOps {
    uint64_t (*read)(void *opaque, hwaddr addr, unsigned size);
    void (*write)(void *opaque, hwaddr addr, uint64_t data, unsigned size);
    MemTxResult (*read_with_attrs)(void *opaque, hwaddr addr, uint64_t *data,
                                   unsigned size, MemTxAttrs attrs);
    MemTxResult (*write_with_attrs)(void *opaque, hwaddr addr, uint64_t data,
                                    unsigned size, MemTxAttrs attrs);
    /* Register byte order; decides how split/combined accesses assemble. */
    DeviceEndian endianness;
    /*
     * What the bus accepts: sizes in bytes (0 means 1 for min, 4 for max)
     * and whether unaligned accesses are allowed.  Others fail with
     * MEMTX_ERROR, logged under `-d guest_errors`.
     */
    struct {
        unsigned min_access_size, max_access_size;
        bool unaligned;
    } valid;
    /*
     * What the callbacks implement (0 means 1 for min, 4 for max).  The
     * core splits larger accesses and widens smaller ones (a 1-byte read of
     * a 4-byte-only device reads 4 bytes and extracts; a narrow write is
     * widened with the other bytes zero, never read-modify-write).
     */
    struct {
        unsigned min_access_size, max_access_size;
        bool unaligned;
    } impl;
} MemoryRegionOps;

/* ---------------------------------------------------------------------- */
/* Regions                                                                */

/* What a region is; private to the memory core (use the predicates). */
typedef enum MemoryRegionKind {
    MEMORY_REGION_CONTAINER,
    MEMORY_REGION_RAM,
    MEMORY_REGION_ROM,
    MEMORY_REGION_IO,
    MEMORY_REGION_ALIAS,
} MemoryRegionKind;

/*
 * A memory region.  All fields are private to the memory core; they are
 * visible only so that regions can be embedded in their owners.  Fields
 * marked "constant" are set by memory_region_init_* and never change; the
 * others change only under the update mutex.
 */
struct MemoryRegion {
    Object *owner;              /* constant; for names only; may be NULL */
    char *name;                 /* constant; owned */
    MemoryRegionKind kind;      /* constant */
    uint64_t size;              /* constant; bytes; UINT64_MAX = 2^64 */
    void *ram_ptr;              /* constant; RAM/ROM: host memory */
    bool ram_owned;             /* constant; ram_ptr mmap'ed by us */
    const MemoryRegionOps *ops; /* constant; IO only */
    void *opaque;               /* constant; IO only: passed to ops */
    MemoryRegion *alias;        /* constant; ALIAS only: the target */
    hwaddr alias_offset;        /* constant; ALIAS only: window start */

    bool enabled;               /* false: the region and its subtree vanish */
    bool readonly;              /* writes through address_space_write are
                                   ignored (RAM, ROM, aliases) */
    bool may_overlap;           /* added with _overlap */
    bool warned_overlap;        /* container: overlap warning printed */
    bool ever_mapped;           /* was in some rendered view */
    int priority;               /* among siblings; higher wins */
    hwaddr addr;                /* offset in the container */
    MemoryRegion *container;    /* NULL when not mapped in a container */
    MemoryRegion *subregions;   /* sorted: priority desc, then newest
                                   first (the dispatch order) */
    MemoryRegion *next_sibling;
    GSList *aliased_by;         /* aliases whose target is this region */
    GSList *address_spaces;     /* AddressSpaces with this region as root */
};

/*
 * Initialise a container: a region with no content of its own that holds
 * subregions.  @owner names the region in `info mtree` and errors (may be
 * NULL); @size is in bytes, UINT64_MAX meaning the whole 64-bit space.
 */
void memory_region_init(MemoryRegion *mr, Object *owner, const char *name,
                        uint64_t size);
/* Initialise a RAM region with @size bytes of zeroed host memory. */
bool memory_region_init_ram(MemoryRegion *mr, Object *owner,
                            const char *name, uint64_t size, Error **errp);
/*
 * Initialise a ROM: host memory that reads like RAM, ignores writes made
 * through address_space_write and accepts address_space_write_rom.
 */
bool memory_region_init_rom(MemoryRegion *mr, Object *owner,
                            const char *name, uint64_t size, Error **errp);
/* A RAM region over caller-provided host memory (not freed by us). */
void memory_region_init_ram_ptr(MemoryRegion *mr, Object *owner,
                                const char *name, uint64_t size, void *host);
/* An MMIO region: accesses call @ops with @opaque. */
void memory_region_init_io(MemoryRegion *mr, Object *owner,
                           const MemoryRegionOps *ops, void *opaque,
                           const char *name, uint64_t size);
/*
 * An alias: a window of @size bytes of @orig starting at @offset.  Where
 * the alias is mapped, accesses reach @orig; @orig need not be mapped
 * anywhere itself.  The alias must be finalized before @orig.
 */
void memory_region_init_alias(MemoryRegion *mr, Object *owner,
                              const char *name, MemoryRegion *orig,
                              hwaddr offset, uint64_t size);
/*
 * Undo memory_region_init_*: unmap the region from its container, detach
 * its subregions, wait for readers of old views (an RCU grace period, so
 * never call it from an MMIO callback) and free RAM it allocated.  The
 * region must not be the root of an address space.
 */
void memory_region_finalize(MemoryRegion *mr);

/*
 * Map @sub at @offset in @mr, at priority 0.  @mr is usually a container;
 * subregions of a RAM or MMIO region cover its own content where they
 * are.  @sub must not be mapped elsewhere.  Overlapping
 * siblings mapped this way are a machine bug: a warning is printed once
 * per container and the later-added region wins.
 */
void memory_region_add_subregion(MemoryRegion *mr, hwaddr offset,
                                 MemoryRegion *sub);
/*
 * Map @sub at @offset in @mr, allowed to overlap siblings.  Where regions
 * overlap the higher @priority wins; at equal priority the later-added
 * wins.  A container only claims the addresses its own subregions cover:
 * through its holes lower-priority siblings show.
 */
void memory_region_add_subregion_overlap(MemoryRegion *mr, hwaddr offset,
                                         MemoryRegion *sub, int priority);
/* Unmap @sub from the container @mr (where it must be mapped). */
void memory_region_del_subregion(MemoryRegion *mr, MemoryRegion *sub);
/* Show or hide a region (and its subtree); a hidden region vanishes. */
void memory_region_set_enabled(MemoryRegion *mr, bool enabled);
/* Move a mapped region to offset @addr of its container. */
void memory_region_set_address(MemoryRegion *mr, hwaddr addr);
/* Make a RAM region or alias read-only (writes ignored) or writable. */
void memory_region_set_readonly(MemoryRegion *mr, bool readonly);

/* Size in bytes (UINT64_MAX for a region covering the 64-bit space). */
uint64_t memory_region_size(MemoryRegion *mr);
const char *memory_region_name(MemoryRegion *mr);
/* True for regions backed by host memory: RAM and ROM (not aliases). */
bool memory_region_is_ram(MemoryRegion *mr);
bool memory_region_is_rom(MemoryRegion *mr);
/* True if writes to the region are ignored (ROM, or set read-only). */
bool memory_region_is_readonly(MemoryRegion *mr);
/*
 * Host pointer of offset 0 of a RAM/ROM region, or of an alias of one
 * (the target's pointer plus the alias offset); NULL otherwise.
 */
void *memory_region_get_ram_ptr(MemoryRegion *mr);

/*
 * Batch region-tree changes: the affected address spaces are re-rendered
 * once, at the outermost commit.  Transactions nest; the depth is kept per
 * thread, and the thread holds the update mutex from the outermost begin
 * to its commit, so one machine's transaction never defers another's
 * rendering (it only makes the other's updates wait for the mutex).
 * Listener callbacks run at the outermost commit.
 */
void memory_region_transaction_begin(void);
void memory_region_transaction_commit(void);

/* ---------------------------------------------------------------------- */
/* Address spaces                                                         */

struct AddressSpace {
    char *name;                 /* owned */
    MemoryRegion *root;
    FlatView *current_map;      /* RCU-published; readers only */
    GSList *listeners;          /* MemoryListener *, update mutex */
    bool dirty;                 /* needs re-rendering at commit */
};

/*
 * Create an address space that sees @root at address 0 (the root's own
 * address is ignored).  A root may serve several address spaces; a region
 * may be in several trees through aliases.  Created by machines and
 * clusters, never globally.
 */
void address_space_init(AddressSpace *as, MemoryRegion *root,
                        const char *name);
/*
 * Tear down @as: unregister its listeners and free its view after a grace
 * period.  Not from an MMIO callback.
 */
void address_space_destroy(AddressSpace *as);

/*
 * Copy @len bytes from guest physical @addr into @buf.  Accesses spanning
 * several regions are done piece by piece; MMIO is accessed in the largest
 * naturally aligned chunks the device accepts.  Holes read as zero and
 * return MEMTX_DECODE_ERROR.  The result ORs every piece's result.
 */
MemTxResult address_space_read(AddressSpace *as, hwaddr addr,
                               MemTxAttrs attrs, void *buf, hwaddr len);
/* As address_space_read, for writes; writes to ROM are ignored (logged). */
MemTxResult address_space_write(AddressSpace *as, hwaddr addr,
                                MemTxAttrs attrs, const void *buf,
                                hwaddr len);
/*
 * Write RAM and ROM alike (image loaders); MMIO and holes are errors
 * (MEMTX_ERROR / MEMTX_DECODE_ERROR) and are not written.
 */
MemTxResult address_space_write_rom(AddressSpace *as, hwaddr addr,
                                    MemTxAttrs attrs, const void *buf,
                                    hwaddr len);
/*
 * One access of memop_size(@op) bytes with @op's byte order and sign
 * extension (for DMA-capable devices and the TCG slow path).  An access
 * within one MMIO region reaches the device as one access of that size (so
 * its `valid` rules apply).  *@res (may be NULL) receives the result.
 */
uint64_t address_space_ld(AddressSpace *as, hwaddr addr, MemOp op,
                          MemTxAttrs attrs, MemTxResult *res);
void address_space_st(AddressSpace *as, hwaddr addr, uint64_t val, MemOp op,
                      MemTxAttrs attrs, MemTxResult *res);

/*
 * Resolve @addr for the TLB: return the region (RAM, ROM or MMIO; never a
 * container or alias) and in *@xlat the offset within it; clip *@plen to
 * the contiguous run of that region from @addr.  In a hole, return NULL
 * and clip *@plen to the hole.  @is_write is accepted for symmetry; use
 * address_space_translate_ro to learn whether writes are ignored there.
 * The region stays valid while the caller's view could (RCU read side, or
 * until the machine changes its memory map).
 */
MemoryRegion *address_space_translate(AddressSpace *as, hwaddr addr,
                                      hwaddr *xlat, hwaddr *plen,
                                      bool is_write, MemTxAttrs attrs);
/*
 * As address_space_translate, also setting *@readonly when writes to the
 * range are ignored (ROM, read-only RAM, or a read-only alias): the TLB
 * maps such pages for reading only.
 */
MemoryRegion *address_space_translate_ro(AddressSpace *as, hwaddr addr,
                                         hwaddr *xlat, hwaddr *plen,
                                         bool *readonly, MemTxAttrs attrs);
/* True if all of [addr, addr + len) is RAM or ROM (used by loaders). */
bool address_space_is_backed(AddressSpace *as, hwaddr addr, hwaddr len);

/* ---------------------------------------------------------------------- */
/* Listeners                                                              */

/*
 * Change notification: @commit runs (under the update mutex, so it must
 * not wait for other threads that may change memory maps) after a new
 * view of the listened address space has been published and differs from
 * the old one.  accel/tcg flushes TLBs from it.
 */
struct MemoryListener {
    void (*commit)(struct MemoryListener *l);
    const char *name;           /* for debugging; may be NULL */
    AddressSpace *as;           /* private: set while registered */
};

void memory_listener_register(MemoryListener *l, AddressSpace *as);
void memory_listener_unregister(MemoryListener *l);

/* ---------------------------------------------------------------------- */
/* RCU                                                                    */

/*
 * Register / unregister the calling thread as an RCU reader.  Every thread
 * that accesses an address space while another thread may change memory
 * maps must be registered (vCPU threads, device worker threads).
 */
void memory_rcu_register_thread(void);
void memory_rcu_unregister_thread(void);

/* ---------------------------------------------------------------------- */
/* info mtree                                                             */

/* Append the region tree under @root, one line per region, indented. */
void memory_region_print_tree(GString *out, MemoryRegion *root);
/* Append the current flat view of @as, one line per range. */
void address_space_print_flatview(GString *out, AddressSpace *as);

#endif
