/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The memory API, read side: address_space_read/write/ld/st, translate,
 * and MMIO dispatch with the access-size rules of MemoryRegionOps.
 *
 * Readers take no lock: each call enters an RCU read-side critical
 * section, loads the address space's current FlatView and works on that
 * immutable snapshot (system/memory.c publishes new ones).  MMIO callbacks
 * run inside that section.
 *
 * Byte model: the bus is byte-addressed and byte-invariant.  An MMIO
 * value of N bytes at offset A holds the bytes of A..A+N-1 in the device's
 * register order (DEVICE_LITTLE_ENDIAN: byte A is the least significant).
 * Copies to and from buffers, MemOp byte orders, and the splitting or
 * widening of accesses to the sizes a device implements all go through
 * this one mapping, so they agree with each other.  See
 * docs/devel/memory.md "MMIO access rules".
 */
#include "hemu/osdep.h"
#include "memory-internal.h"
#include "util/log.h"

typedef enum AccessKind {
    ACCESS_READ,
    ACCESS_WRITE,
    ACCESS_WRITE_ROM,
} AccessKind;

static const char *const access_names[] = {
    [ACCESS_READ] = "read",
    [ACCESS_WRITE] = "write",
    [ACCESS_WRITE_ROM] = "ROM write",
};

/* ---------------------------------------------------------------------- */
/* Byte lanes                                                             */

/* Byte @k (0 = lowest address) of the @size-byte value @v in order @be. */
static uint8_t lane_get(uint64_t v, unsigned size, unsigned k, bool be)
{
    unsigned shift = 8 * (be ? size - 1 - k : k);

    return (uint8_t)(v >> shift);
}

/* @v with byte @k of a @size-byte value in order @be set to @b. */
static uint64_t lane_set(uint64_t v, unsigned size, unsigned k, bool be,
                         uint8_t b)
{
    unsigned shift = 8 * (be ? size - 1 - k : k);

    return (v & ~((uint64_t)0xff << shift)) | ((uint64_t)b << shift);
}

static uint64_t bytes_to_value(const uint8_t *buf, unsigned size, bool be)
{
    uint64_t v = 0;

    for (unsigned k = 0; k < size; k++) {
        v = lane_set(v, size, k, be, buf[k]);
    }
    return v;
}

static void value_to_bytes(uint64_t v, unsigned size, bool be, uint8_t *buf)
{
    for (unsigned k = 0; k < size; k++) {
        buf[k] = lane_get(v, size, k, be);
    }
}

static uint64_t size_mask(unsigned size)
{
    return size >= 8 ? UINT64_MAX : ((uint64_t)1 << (8 * size)) - 1;
}

/* ---------------------------------------------------------------------- */
/* MMIO                                                                   */

static bool mmio_be(const MemoryRegion *mr)
{
    return mr->ops->endianness == DEVICE_BIG_ENDIAN;
}

static MemTxResult mmio_call_read(MemoryRegion *mr, hwaddr off,
                                  unsigned size, uint64_t *val,
                                  MemTxAttrs attrs)
{
    const MemoryRegionOps *ops = mr->ops;
    MemTxResult r = MEMTX_OK;
    uint64_t data = 0;

    if (ops->read_with_attrs) {
        r = ops->read_with_attrs(mr->opaque, off, &data, size, attrs);
    } else if (ops->read) {
        data = ops->read(mr->opaque, off, size);
    }
    *val = data & size_mask(size);
    return r;
}

static MemTxResult mmio_call_write(MemoryRegion *mr, hwaddr off,
                                   unsigned size, uint64_t val,
                                   MemTxAttrs attrs)
{
    const MemoryRegionOps *ops = mr->ops;

    val &= size_mask(size);
    if (ops->write_with_attrs) {
        return ops->write_with_attrs(mr->opaque, off, val, size, attrs);
    }
    if (ops->write) {
        ops->write(mr->opaque, off, val, size);
    }
    return MEMTX_OK;
}

static bool mmio_access_valid(MemoryRegion *mr, hwaddr off, unsigned size,
                              bool is_write)
{
    const MemoryRegionOps *ops = mr->ops;
    unsigned vmin = ops->valid.min_access_size ? : 1;
    unsigned vmax = ops->valid.max_access_size ? : 4;

    if (size >= vmin && size <= vmax &&
        (ops->valid.unaligned || (off & (size - 1)) == 0)) {
        return true;
    }
    log_mask(LOG_GUEST_ERROR, "MMIO region '%s': invalid %s of %u bytes at "
             "offset 0x%" HWADDR_PRIx " (accepts %u to %u bytes, %s)\n",
             mr->name, is_write ? "write" : "read", size, off, vmin, vmax,
             ops->valid.unaligned ? "unaligned allowed" : "aligned only");
    return false;
}

/*
 * One access of @size bytes (1, 2, 4 or 8) at offset @off of MMIO region
 * @mr; *@val is in the device's byte order.  Checks `valid`, then reaches
 * the callbacks with chunks of the size `impl` allows: larger accesses
 * are split, smaller ones widened to an aligned chunk (reads extract their
 * bytes; writes put theirs in place with the other bytes zero).
 */
static MemTxResult mmio_access(MemoryRegion *mr, hwaddr off, unsigned size,
                               uint64_t *val, bool is_write,
                               MemTxAttrs attrs)
{
    const MemoryRegionOps *ops = mr->ops;
    unsigned imin = ops->impl.min_access_size ? : 1;
    unsigned imax = ops->impl.max_access_size ? : 4;
    bool be = mmio_be(mr);
    MemTxResult r = MEMTX_OK;
    unsigned a = HEMU_MAX(imin, HEMU_MIN(size, imax));
    hwaddr start, end = off + size, c;
    uint64_t v = 0;

    if (!mmio_access_valid(mr, off, size, is_write)) {
        if (!is_write) {
            *val = 0;
        }
        return MEMTX_ERROR;
    }
    if (a == size && (ops->impl.unaligned || (off & (size - 1)) == 0)) {
        return is_write ? mmio_call_write(mr, off, size, *val, attrs)
                        : mmio_call_read(mr, off, size, val, attrs);
    }
    start = ops->impl.unaligned ? off : off & ~(hwaddr)(a - 1);
    for (c = start; c < end; c += a) {
        hwaddr lo = HEMU_MAX(c, off), hi = HEMU_MIN(c + a, end), x;
        uint64_t w = 0;

        if (is_write) {
            for (x = lo; x < hi; x++) {
                w = lane_set(w, a, x - c, be,
                             lane_get(*val, size, x - off, be));
            }
            r |= mmio_call_write(mr, c, a, w, attrs);
        } else {
            r |= mmio_call_read(mr, c, a, &w, attrs);
            for (x = lo; x < hi; x++) {
                v = lane_set(v, size, x - off, be,
                             lane_get(w, a, x - c, be));
            }
        }
    }
    if (!is_write) {
        *val = v;
    }
    return r;
}

/*
 * The size of the next MMIO access when copying @len bytes at @off: the
 * largest power of two the device accepts that fits, naturally aligned
 * unless the device takes unaligned accesses.
 */
static unsigned mmio_chunk_size(MemoryRegion *mr, hwaddr off, hwaddr len)
{
    const MemoryRegionOps *ops = mr->ops;
    unsigned vmax = ops->valid.max_access_size ? : 4;
    unsigned s = 8;

    while (s > 1 && (s > len || s > vmax)) {
        s >>= 1;
    }
    if (!ops->valid.unaligned) {
        while (s > 1 && (off & (s - 1))) {
            s >>= 1;
        }
    }
    return s;
}

static MemTxResult mmio_copy(MemoryRegion *mr, hwaddr off, uint8_t *buf,
                             hwaddr len, bool is_write, MemTxAttrs attrs)
{
    MemTxResult r = MEMTX_OK;
    bool be = mmio_be(mr);

    while (len > 0) {
        unsigned s = mmio_chunk_size(mr, off, len);
        uint64_t v = 0;

        if (is_write) {
            v = bytes_to_value(buf, s, be);
            r |= mmio_access(mr, off, s, &v, true, attrs);
        } else {
            r |= mmio_access(mr, off, s, &v, false, attrs);
            value_to_bytes(v, s, be, buf);
        }
        off += s;
        buf += s;
        len -= s;
    }
    return r;
}

/* ---------------------------------------------------------------------- */
/* Copies                                                                 */

static MemTxResult copy_piece(AddressSpace *as, const FlatRange *fr,
                              hwaddr addr, uint8_t *buf, hwaddr len,
                              AccessKind kind, MemTxAttrs attrs)
{
    MemoryRegion *mr = fr->mr;
    hwaddr off = fr->offset + (addr - fr->start);

    if (mr->kind == MEMORY_REGION_IO) {
        if (kind == ACCESS_WRITE_ROM) {
            log_mask(LOG_GUEST_ERROR, "address space '%s': ROM write of %"
                     PRIu64 " bytes at 0x%" HWADDR_PRIx " reaches MMIO "
                     "region '%s'; not written\n", as->name, len, addr,
                     mr->name);
            return MEMTX_ERROR;
        }
        return mmio_copy(mr, off, buf, len, kind != ACCESS_READ, attrs);
    }
    if (kind == ACCESS_READ) {
        memcpy(buf, (uint8_t *)mr->ram_ptr + off, len);
    } else if (kind == ACCESS_WRITE && fr->readonly) {
        log_mask(LOG_GUEST_ERROR, "address space '%s': write of %" PRIu64
                 " bytes at 0x%" HWADDR_PRIx " to read-only region '%s' "
                 "ignored\n", as->name, len, addr, mr->name);
    } else {
        memcpy((uint8_t *)mr->ram_ptr + off, buf, len);
    }
    return MEMTX_OK;
}

static MemTxResult address_space_copy(AddressSpace *as, hwaddr addr,
                                      MemTxAttrs attrs, uint8_t *buf,
                                      hwaddr len, AccessKind kind)
{
    MemTxResult r = MEMTX_OK;
    FlatView *v;

    urcu_memb_read_lock();
    v = rcu_dereference(as->current_map);
    while (len > 0) {
        hwaddr last, l;
        const FlatRange *fr = memory_flatview_lookup(v, addr, &last);

        if (fr) {
            last = fr->last;
        }
        /* Bytes left in this run: last - addr + 1, which may be 2^64. */
        l = (len - 1 <= last - addr) ? len : last - addr + 1;
        if (fr) {
            r |= copy_piece(as, fr, addr, buf, l, kind, attrs);
        } else {
            log_mask(LOG_GUEST_ERROR, "address space '%s': %s of %" PRIu64
                     " bytes at 0x%" HWADDR_PRIx " hits no region\n",
                     as->name, access_names[kind], l, addr);
            if (kind == ACCESS_READ) {
                memset(buf, 0, l);
            }
            r |= MEMTX_DECODE_ERROR;
        }
        addr += l;
        buf += l;
        len -= l;
    }
    urcu_memb_read_unlock();
    return r;
}

MemTxResult address_space_read(AddressSpace *as, hwaddr addr,
                               MemTxAttrs attrs, void *buf, hwaddr len)
{
    return address_space_copy(as, addr, attrs, buf, len, ACCESS_READ);
}

MemTxResult address_space_write(AddressSpace *as, hwaddr addr,
                                MemTxAttrs attrs, const void *buf,
                                hwaddr len)
{
    /* Not written through: the copy only reads @buf for writes. */
    return address_space_copy(as, addr, attrs, (uint8_t *)buf, len,
                              ACCESS_WRITE);
}

MemTxResult address_space_write_rom(AddressSpace *as, hwaddr addr,
                                    MemTxAttrs attrs, const void *buf,
                                    hwaddr len)
{
    return address_space_copy(as, addr, attrs, (uint8_t *)buf, len,
                              ACCESS_WRITE_ROM);
}

/* ---------------------------------------------------------------------- */
/* Fixed-size accesses                                                    */

/*
 * If [addr, addr + size) lies in one MMIO range, do it as one device
 * access (so `valid` applies to the whole access) and return true.
 */
static bool single_mmio(AddressSpace *as, hwaddr addr, unsigned size,
                        uint8_t *bytes, bool is_write, MemTxAttrs attrs,
                        MemTxResult *r)
{
    const FlatRange *fr;
    hwaddr hole_last;
    uint64_t v = 0;
    bool be;

    fr = memory_flatview_lookup(rcu_dereference(as->current_map), addr,
                                &hole_last);
    if (!fr || fr->mr->kind != MEMORY_REGION_IO ||
        fr->last - addr < size - 1) {
        return false;
    }
    be = mmio_be(fr->mr);
    if (is_write) {
        v = bytes_to_value(bytes, size, be);
    }
    *r = mmio_access(fr->mr, fr->offset + (addr - fr->start), size, &v,
                     is_write, attrs);
    if (!is_write) {
        value_to_bytes(v, size, be, bytes);
    }
    return true;
}

uint64_t address_space_ld(AddressSpace *as, hwaddr addr, MemOp op,
                          MemTxAttrs attrs, MemTxResult *res)
{
    unsigned size = memop_size(op);
    uint8_t bytes[8];
    MemTxResult r;
    uint64_t v;

    assert(size <= 8);
    urcu_memb_read_lock();
    if (!single_mmio(as, addr, size, bytes, false, attrs, &r)) {
        r = address_space_read(as, addr, attrs, bytes, size);
    }
    urcu_memb_read_unlock();
    v = bytes_to_value(bytes, size, memop_is_be(op));
    if (memop_is_signed(op) && size < 8) {
        v = (uint64_t)((int64_t)(v << (64 - 8 * size)) >> (64 - 8 * size));
    }
    if (res) {
        *res = r;
    }
    return v;
}

void address_space_st(AddressSpace *as, hwaddr addr, uint64_t val, MemOp op,
                      MemTxAttrs attrs, MemTxResult *res)
{
    unsigned size = memop_size(op);
    uint8_t bytes[8];
    MemTxResult r;

    assert(size <= 8);
    value_to_bytes(val, size, memop_is_be(op), bytes);
    urcu_memb_read_lock();
    if (!single_mmio(as, addr, size, bytes, true, attrs, &r)) {
        r = address_space_write(as, addr, attrs, bytes, size);
    }
    urcu_memb_read_unlock();
    if (res) {
        *res = r;
    }
}

/* ---------------------------------------------------------------------- */
/* Translation                                                            */

MemoryRegion *address_space_translate_ro(AddressSpace *as, hwaddr addr,
                                         hwaddr *xlat, hwaddr *plen,
                                         bool *readonly, MemTxAttrs attrs)
{
    const FlatRange *fr;
    MemoryRegion *mr = NULL;
    hwaddr last;

    urcu_memb_read_lock();
    fr = memory_flatview_lookup(rcu_dereference(as->current_map), addr,
                                &last);
    *readonly = false;
    *xlat = addr;
    if (fr) {
        last = fr->last;
        mr = fr->mr;
        *xlat = fr->offset + (addr - fr->start);
        *readonly = fr->readonly;
    }
    if (*plen > 0 && *plen - 1 > last - addr) {
        *plen = last - addr + 1;
    }
    urcu_memb_read_unlock();
    return mr;
}

MemoryRegion *address_space_translate(AddressSpace *as, hwaddr addr,
                                      hwaddr *xlat, hwaddr *plen,
                                      bool is_write, MemTxAttrs attrs)
{
    bool readonly;

    return address_space_translate_ro(as, addr, xlat, plen, &readonly,
                                      attrs);
}

bool address_space_is_backed(AddressSpace *as, hwaddr addr, hwaddr len)
{
    bool ok = true;

    urcu_memb_read_lock();
    while (len > 0 && ok) {
        hwaddr last, l;
        const FlatRange *fr;

        fr = memory_flatview_lookup(rcu_dereference(as->current_map), addr,
                                    &last);
        ok = fr && memory_region_is_ram(fr->mr);
        if (ok) {
            last = fr->last;
            l = (len - 1 <= last - addr) ? len : last - addr + 1;
            addr += l;
            len -= l;
        }
    }
    urcu_memb_read_unlock();
    return ok;
}
