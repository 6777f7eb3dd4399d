/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Split virtqueues (include/hw/virtio/virtio.h): queue setup checks,
 * taking descriptor chains (direct and indirect) from the available ring,
 * returning them through the used ring, interrupt suppression
 * (VIRTQ_AVAIL_F_NO_INTERRUPT and VIRTIO_F_EVENT_IDX), and copies between
 * hemu buffers and a chain's guest segments.
 *
 * Guest memory layout (all little-endian, spec 2.7):
 *   descriptor table  num x { le64 addr; le32 len; le16 flags; le16 next }
 *   available ring    le16 flags; le16 idx; le16 ring[num]; le16 used_event
 *   used ring         le16 flags; le16 idx; { le32 id; le32 len }[num];
 *                     le16 avail_event
 * Invariants: a chain never visits more than num descriptors in total
 * (the driver may not make longer ones, spec 2.7.5.3.1), which also
 * bounds loops; device-writable descriptors follow the readable ones.
 * Any violation, and any guest memory error, is virtio_error().
 *
 * Ordering: the driver fills descriptors before publishing avail->idx, so
 * an acquire fence separates reading idx from reading the ring; the device
 * writes used entries before used->idx (release), and a full fence
 * separates publishing used->idx (or avail_event) from reading the
 * driver's suppression fields (spec 2.7.7 and 2.7.10).
 */
#include "hw/virtio/virtio.h"

#include "internal.h"
#include "util/log.h"

#define DESC_SIZE 16
/*
 * Longest chain accepted through an indirect table: Linux may exceed the
 * queue size there (it only bounds direct chains by it).
 */
#define VIRTQ_MAX_INDIRECT_CHAIN 1024

void virtqueue_reset(VirtQueue *vq)
{
    vq->num = VIRTIO_QUEUE_MAX_SIZE;
    vq->ready = false;
    vq->desc = vq->avail = vq->used = 0;
    vq->last_avail_idx = 0;
    vq->used_idx = 0;
    vq->signalled_used = 0;
    vq->pushed = false;
}

void virtio_queue_set_ready(VirtQueue *vq, bool ready)
{
    VirtIODevice *vdev = vq->vdev;

    if (!ready) {
        vq->ready = false;
        return;
    }
    if (!vq->num || (vq->num & (vq->num - 1)) ||
        vq->num > VIRTIO_QUEUE_MAX_SIZE) {
        virtio_error(vdev, "queue %u: QueueNum %u is not a power of two "
                     "from 1 to %u", vq->index, vq->num,
                     VIRTIO_QUEUE_MAX_SIZE);
        return;
    }
    if ((vq->desc & 15) || (vq->avail & 1) || (vq->used & 3)) {
        virtio_error(vdev, "queue %u: misaligned rings (descriptors 0x%"
                     PRIx64 " need 16, driver 0x%" PRIx64 " 2, device 0x%"
                     PRIx64 " 4 bytes)", vq->index, vq->desc, vq->avail,
                     vq->used);
        return;
    }
    vq->ready = true;
}

/* ---------------------------------------------------------------------- */
/* Guest memory                                                           */

static uint16_t vq_ld16(VirtQueue *vq, uint64_t addr, bool *ok)
{
    MemTxResult res;
    uint16_t v = address_space_ld(&vq->vdev->dma_as, addr, MO_LEUW,
                                  MEMTXATTRS_UNSPECIFIED, &res);

    if (res != MEMTX_OK) {
        virtio_error(vq->vdev, "queue %u: cannot read guest memory at 0x%"
                     PRIx64, vq->index, addr);
        *ok = false;
    }
    return v;
}

static void vq_st(VirtQueue *vq, uint64_t addr, uint32_t val, MemOp op)
{
    MemTxResult res;

    address_space_st(&vq->vdev->dma_as, addr, val, op,
                     MEMTXATTRS_UNSPECIFIED, &res);
    if (res != MEMTX_OK) {
        virtio_error(vq->vdev, "queue %u: cannot write guest memory at 0x%"
                     PRIx64, vq->index, addr);
    }
}

typedef struct VringDesc {
    uint64_t addr;
    uint32_t len;
    uint16_t flags;
    uint16_t next;
} VringDesc;

static bool vq_read_desc(VirtQueue *vq, uint64_t table, unsigned i,
                         VringDesc *d)
{
    uint8_t b[DESC_SIZE];
    uint64_t addr = table + (uint64_t)i * DESC_SIZE;

    if (address_space_read(&vq->vdev->dma_as, addr, MEMTXATTRS_UNSPECIFIED,
                           b, sizeof(b)) != MEMTX_OK) {
        virtio_error(vq->vdev, "queue %u: cannot read descriptor at 0x%"
                     PRIx64, vq->index, addr);
        return false;
    }
    d->addr = 0;
    for (int k = 7; k >= 0; k--) {
        d->addr = (d->addr << 8) | b[k];
    }
    d->len = b[8] | b[9] << 8 | b[10] << 16 | (uint32_t)b[11] << 24;
    d->flags = b[12] | b[13] << 8;
    d->next = b[14] | b[15] << 8;
    return true;
}

/* ---------------------------------------------------------------------- */
/* Taking chains                                                          */

/* Where the driver's avail->idx stands; *ok cleared on a memory error. */
static uint16_t vq_avail_idx(VirtQueue *vq, bool *ok)
{
    return vq_ld16(vq, vq->avail + 2, ok);
}

/* With EVENT_IDX: ask to be notified once the driver passes @idx. */
static void vq_set_avail_event(VirtQueue *vq, uint16_t idx)
{
    if (virtio_has_feature(vq->vdev, VIRTIO_F_EVENT_IDX)) {
        vq_st(vq, vq->used + 4 + 8ull * vq->num, idx, MO_LEUW);
    }
}

/* Is a chain waiting?  Re-checks after publishing avail_event. */
static bool vq_has_work(VirtQueue *vq, bool *ok)
{
    uint16_t idx = vq_avail_idx(vq, ok);

    if (*ok && idx == vq->last_avail_idx &&
        virtio_has_feature(vq->vdev, VIRTIO_F_EVENT_IDX)) {
        vq_set_avail_event(vq, vq->last_avail_idx);
        __atomic_thread_fence(__ATOMIC_SEQ_CST);
        idx = vq_avail_idx(vq, ok);
    }
    if (*ok && (uint16_t)(idx - vq->last_avail_idx) > vq->num) {
        virtio_error(vq->vdev, "queue %u: avail idx %u is more than %u "
                     "ahead of the device's %u", vq->index, idx, vq->num,
                     vq->last_avail_idx);
        *ok = false;
    }
    return *ok && idx != vq->last_avail_idx;
}

/*
 * Add descriptor @d to *@pelem (which has room for *@cap segments and is
 * grown as needed), checking the readable-then-writable rule.
 */
static bool vq_add_seg(VirtQueue *vq, VirtQueueElement **pelem,
                       unsigned *cap, const VringDesc *d)
{
    VirtQueueElement *elem = *pelem;
    VirtQueueSeg *seg;

    if (elem->out_num + elem->in_num == *cap) {
        *cap *= 2;
        elem = *pelem = g_realloc(elem, sizeof(*elem) +
                                  *cap * sizeof(VirtQueueSeg));
    }
    seg = &elem->segs[elem->out_num + elem->in_num];

    if (d->flags & VIRTQ_DESC_F_WRITE) {
        elem->in_num++;
        elem->in_len += d->len;
    } else if (elem->in_num) {
        virtio_error(vq->vdev, "queue %u: chain %u has a device-readable "
                     "descriptor after a device-writable one", vq->index,
                     elem->head);
        return false;
    } else {
        elem->out_num++;
        elem->out_len += d->len;
    }
    seg->addr = d->addr;
    seg->len = d->len;
    return true;
}

/* Walk the chain at @head into *@pelem (room for @cap segments). */
static bool vq_walk_chain(VirtQueue *vq, uint16_t head,
                          VirtQueueElement **pelem, unsigned cap)
{
    uint64_t table = vq->desc;
    unsigned table_len = vq->num, i = head, visited = 0, limit = vq->num;
    bool indirect = false;
    VringDesc d;

    for (;;) {
        if (++visited > limit) {
            virtio_error(vq->vdev, "queue %u: chain %u is longer than %u "
                         "descriptors or loops", vq->index, head, limit);
            return false;
        }
        if (!vq_read_desc(vq, table, i, &d)) {
            return false;
        }
        if (d.flags & VIRTQ_DESC_F_INDIRECT) {
            if (indirect || (d.flags & VIRTQ_DESC_F_NEXT) ||
                !virtio_has_feature(vq->vdev, VIRTIO_F_INDIRECT_DESC) ||
                !d.len || d.len % DESC_SIZE) {
                virtio_error(vq->vdev, "queue %u: bad indirect descriptor "
                             "in chain %u (flags 0x%x, len %u)", vq->index,
                             head, d.flags, d.len);
                return false;
            }
            indirect = true;
            table = d.addr;
            table_len = d.len / DESC_SIZE;
            i = 0;
            visited = 0;        /* count the table's entries */
            limit = VIRTQ_MAX_INDIRECT_CHAIN;
            continue;
        }
        if (!vq_add_seg(vq, pelem, &cap, &d)) {
            return false;
        }
        if (!(d.flags & VIRTQ_DESC_F_NEXT)) {
            return true;
        }
        i = d.next;
        if (i >= table_len) {
            virtio_error(vq->vdev, "queue %u: chain %u links to descriptor "
                         "%u of a %u-entry table", vq->index, head, i,
                         table_len);
            return false;
        }
    }
}

VirtQueueElement *virtqueue_pop(VirtQueue *vq)
{
    VirtQueueElement *elem;
    bool ok = true;
    uint16_t head;

    if (!virtio_queue_ready(vq) || !vq_has_work(vq, &ok)) {
        return NULL;
    }
    __atomic_thread_fence(__ATOMIC_ACQUIRE);
    head = vq_ld16(vq, vq->avail + 4 + 2ull * (vq->last_avail_idx %
                                                vq->num), &ok);
    if (!ok) {
        return NULL;
    }
    if (head >= vq->num) {
        virtio_error(vq->vdev, "queue %u: available ring names descriptor "
                     "%u of %u", vq->index, head, vq->num);
        return NULL;
    }
    elem = g_malloc0(sizeof(*elem) + vq->num * sizeof(VirtQueueSeg));
    elem->head = head;
    if (!vq_walk_chain(vq, head, &elem, vq->num)) {
        g_free(elem);
        return NULL;
    }
    elem->out_sg = elem->segs;
    elem->in_sg = elem->segs + elem->out_num;
    vq->last_avail_idx++;
    vq_set_avail_event(vq, vq->last_avail_idx);
    return elem;
}

/* ---------------------------------------------------------------------- */
/* Returning chains                                                       */

void virtqueue_push(VirtQueue *vq, const VirtQueueElement *elem,
                    uint32_t len)
{
    uint64_t entry = vq->used + 4 + 8ull * (vq->used_idx % vq->num);

    if (vq->vdev->broken) {
        return;
    }
    vq_st(vq, entry, elem->head, MO_LEUL);
    vq_st(vq, entry + 4, len, MO_LEUL);
    __atomic_thread_fence(__ATOMIC_RELEASE);
    vq->used_idx++;
    vq_st(vq, vq->used + 2, vq->used_idx, MO_LEUW);
    vq->pushed = true;
}

/* Does the driver want an interrupt for what was pushed? */
static bool vq_should_notify(VirtQueue *vq)
{
    bool ok = true;
    uint16_t old = vq->signalled_used, new = vq->used_idx;

    __atomic_thread_fence(__ATOMIC_SEQ_CST);
    vq->signalled_used = new;
    if (virtio_has_feature(vq->vdev, VIRTIO_F_EVENT_IDX)) {
        /* used_event follows the ring; notify if it is in (old, new] */
        uint16_t event = vq_ld16(vq, vq->avail + 4 + 2ull * vq->num, &ok);

        return ok && (uint16_t)(new - event - 1) < (uint16_t)(new - old);
    }
    return !(vq_ld16(vq, vq->avail, &ok) & VIRTQ_AVAIL_F_NO_INTERRUPT) && ok;
}

void virtqueue_notify(VirtQueue *vq)
{
    VirtIODevice *vdev = vq->vdev;

    if (!vq->pushed || vdev->broken) {
        return;
    }
    vq->pushed = false;
    if (vq_should_notify(vq)) {
        vdev->isr |= VIRTIO_ISR_QUEUE;
        virtio_update_irq(vdev);
    }
}

/* ---------------------------------------------------------------------- */
/* Copies                                                                 */

/* Copy between @buf and the segments @sg[0..n) from byte @off on. */
static bool vq_copy(VirtIODevice *vdev, const VirtQueueSeg *sg, unsigned n,
                    uint64_t off, uint8_t *buf, size_t len, bool to_guest)
{
    for (unsigned i = 0; i < n && len; i++) {
        uint64_t chunk, addr;
        MemTxResult res;

        if (off >= sg[i].len) {
            off -= sg[i].len;
            continue;
        }
        chunk = HEMU_MIN((uint64_t)sg[i].len - off, (uint64_t)len);
        addr = sg[i].addr + off;
        res = to_guest
            ? address_space_write(&vdev->dma_as, addr,
                                  MEMTXATTRS_UNSPECIFIED, buf, chunk)
            : address_space_read(&vdev->dma_as, addr,
                                 MEMTXATTRS_UNSPECIFIED, buf, chunk);
        if (res != MEMTX_OK) {
            virtio_error(vdev, "buffer at 0x%" PRIx64 "+%" PRIu64 " is not "
                         "guest memory the device can %s", addr, chunk,
                         to_guest ? "write" : "read");
            return false;
        }
        buf += chunk;
        len -= chunk;
        off = 0;
    }
    assert(!len);
    return true;
}

bool virtqueue_elem_read(VirtIODevice *vdev, const VirtQueueElement *elem,
                         uint64_t off, void *buf, size_t len)
{
    assert(off + len <= elem->out_len);
    return vq_copy(vdev, elem->out_sg, elem->out_num, off, buf, len, false);
}

bool virtqueue_elem_write(VirtIODevice *vdev, const VirtQueueElement *elem,
                          uint64_t off, const void *buf, size_t len)
{
    assert(off + len <= elem->in_len);
    return vq_copy(vdev, elem->in_sg, elem->in_num, off, (uint8_t *)buf, len,
                   true);
}
