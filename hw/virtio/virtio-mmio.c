/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The virtio-mmio transport, modern interface (Version 2)
 * (include/hw/virtio/virtio-mmio.h).
 *
 * A transport is a slot: its registers exist whether or not a virtio
 * device is plugged in; without one it reads as DeviceID 0 and ignores
 * writes.  With one, every register access runs under the device's lock
 * and goes to the device core (virtio.c) for status, features, queues and
 * configuration; the transport keeps only its selectors.  The legacy
 * interface (Version 1: GuestPageSize, QueuePFN) is not offered; shared
 * memory regions do not exist (SHMLen reads all ones).
 *
 * Registers (spec 4.2.2, table 4.1) are 32 bits wide: other sizes are
 * logged guest errors and read 0 / are ignored.  The configuration space
 * at 0x100 takes 1-, 2- and 4-byte accesses.
 *
 * Plugging: the device holds a reference on its transport while plugged;
 * the transport points back at the device without one.
 */
#include "hw/virtio/virtio-mmio.h"

#include "hw/boards.h"
#include "hw/qdev.h"
#include "internal.h"
#include "util/log.h"

OBJECT_DECLARE_SIMPLE_TYPE(VirtIOMMIOState, VIRTIO_MMIO)

/* Register offsets (spec 4.2.2). */
enum {
    MMIO_MAGIC = 0x000,
    MMIO_VERSION = 0x004,
    MMIO_DEVICE_ID = 0x008,
    MMIO_VENDOR_ID = 0x00c,
    MMIO_DEVICE_FEATURES = 0x010,
    MMIO_DEVICE_FEATURES_SEL = 0x014,
    MMIO_DRIVER_FEATURES = 0x020,
    MMIO_DRIVER_FEATURES_SEL = 0x024,
    MMIO_QUEUE_SEL = 0x030,
    MMIO_QUEUE_NUM_MAX = 0x034,
    MMIO_QUEUE_NUM = 0x038,
    MMIO_QUEUE_READY = 0x044,
    MMIO_QUEUE_NOTIFY = 0x050,
    MMIO_INTERRUPT_STATUS = 0x060,
    MMIO_INTERRUPT_ACK = 0x064,
    MMIO_STATUS = 0x070,
    MMIO_QUEUE_DESC_LOW = 0x080,
    MMIO_QUEUE_DESC_HIGH = 0x084,
    MMIO_QUEUE_DRIVER_LOW = 0x090,
    MMIO_QUEUE_DRIVER_HIGH = 0x094,
    MMIO_QUEUE_DEVICE_LOW = 0x0a0,
    MMIO_QUEUE_DEVICE_HIGH = 0x0a4,
    MMIO_SHM_SEL = 0x0ac,
    MMIO_SHM_LEN_LOW = 0x0b0,
    MMIO_SHM_LEN_HIGH = 0x0b4,
    MMIO_SHM_BASE_LOW = 0x0b8,
    MMIO_SHM_BASE_HIGH = 0x0bc,
    MMIO_QUEUE_RESET = 0x0c0,
    MMIO_CONFIG_GENERATION = 0x0fc,
    MMIO_CONFIG = 0x100,
};

#define MMIO_VERSION_MODERN 2

struct VirtIOMMIOState {
    DeviceState parent_obj;
    MemoryRegion iomem;         /* MMIO region 0, VIRTIO_MMIO_SIZE bytes */
    IRQLine *irq;               /* output "irq": InterruptStatus != 0 */
    VirtIODevice *vdev;         /* plugged device; NULL: empty slot.  Set
                                   and cleared only at configuration time */
    /* The selectors below are guarded by vdev->lock. */
    uint32_t device_features_sel;
    uint32_t driver_features_sel;
    uint32_t queue_sel;
};

/* ---------------------------------------------------------------------- */
/* Registers (vdev->lock held)                                            */

/* The selected queue, or NULL (logged) when QueueSel names none. */
static VirtQueue *mmio_queue(VirtIOMMIOState *s, const char *reg)
{
    if (s->queue_sel >= s->vdev->num_queues) {
        log_mask(LOG_GUEST_ERROR, "virtio-mmio: %s with QueueSel %u, the "
                 "device has %u queues\n", reg, s->queue_sel,
                 s->vdev->num_queues);
        return NULL;
    }
    return virtio_get_queue(s->vdev, s->queue_sel);
}

static uint32_t mmio_read_queue(VirtIOMMIOState *s, hwaddr off)
{
    VirtQueue *vq;

    if (off == MMIO_QUEUE_NUM_MAX) {
        /* 0: no such queue (spec 4.2.2), not an error */
        return s->queue_sel < s->vdev->num_queues ? VIRTIO_QUEUE_MAX_SIZE
                                                  : 0;
    }
    vq = mmio_queue(s, "queue register read");
    if (!vq) {
        return 0;
    }
    switch (off) {
    case MMIO_QUEUE_NUM:
        return vq->num;
    case MMIO_QUEUE_READY:
        return vq->ready;
    case MMIO_QUEUE_DESC_LOW:
        return (uint32_t)vq->desc;
    case MMIO_QUEUE_DESC_HIGH:
        return vq->desc >> 32;
    case MMIO_QUEUE_DRIVER_LOW:
        return (uint32_t)vq->avail;
    case MMIO_QUEUE_DRIVER_HIGH:
        return vq->avail >> 32;
    case MMIO_QUEUE_DEVICE_LOW:
        return (uint32_t)vq->used;
    default:                    /* MMIO_QUEUE_DEVICE_HIGH */
        return vq->used >> 32;
    }
}

static uint32_t mmio_reg_read(VirtIOMMIOState *s, hwaddr off)
{
    VirtIODevice *vdev = s->vdev;

    switch (off) {
    case MMIO_DEVICE_ID:
        return VIRTIO_DEVICE_GET_CLASS(vdev)->device_id;
    case MMIO_DEVICE_FEATURES:
        return s->device_features_sel > 1 ? 0
               : vdev->host_features >> (32 * s->device_features_sel);
    case MMIO_QUEUE_NUM_MAX:
    case MMIO_QUEUE_NUM:
    case MMIO_QUEUE_READY:
    case MMIO_QUEUE_DESC_LOW:
    case MMIO_QUEUE_DESC_HIGH:
    case MMIO_QUEUE_DRIVER_LOW:
    case MMIO_QUEUE_DRIVER_HIGH:
    case MMIO_QUEUE_DEVICE_LOW:
    case MMIO_QUEUE_DEVICE_HIGH:
        return mmio_read_queue(s, off);
    case MMIO_INTERRUPT_STATUS:
        return vdev->isr;
    case MMIO_STATUS:
        return vdev->status;
    case MMIO_SHM_LEN_LOW:
    case MMIO_SHM_LEN_HIGH:
    case MMIO_SHM_BASE_LOW:
    case MMIO_SHM_BASE_HIGH:
        return 0xffffffff;      /* no shared memory region is selected */
    case MMIO_QUEUE_RESET:
        return 0;
    case MMIO_CONFIG_GENERATION:
        return vdev->generation;
    default:
        log_mask(LOG_GUEST_ERROR, "virtio-mmio: read of %s offset 0x%03x\n",
                 off == MMIO_DEVICE_FEATURES_SEL ||
                 off == MMIO_DRIVER_FEATURES ||
                 off == MMIO_DRIVER_FEATURES_SEL || off == MMIO_QUEUE_SEL ||
                 off == MMIO_QUEUE_NOTIFY || off == MMIO_INTERRUPT_ACK ||
                 off == MMIO_SHM_SEL ? "write-only" : "reserved",
                 (unsigned)off);
        return 0;
    }
}

/* Queue setup registers: only while the queue is not ready. */
static void mmio_write_queue(VirtIOMMIOState *s, hwaddr off, uint32_t val)
{
    VirtQueue *vq = mmio_queue(s, "queue register write");
    uint64_t *addr;

    if (!vq) {
        return;
    }
    if (off == MMIO_QUEUE_READY) {
        virtio_queue_set_ready(vq, val & 1);
        return;
    }
    if (vq->ready) {
        log_mask(LOG_GUEST_ERROR, "virtio-mmio: queue %u setup register "
                 "0x%03x written while QueueReady is 1; ignored\n",
                 s->queue_sel, (unsigned)off);
        return;
    }
    if (off == MMIO_QUEUE_NUM) {
        vq->num = val;          /* checked when the queue is made ready */
        return;
    }
    addr = off < MMIO_QUEUE_DRIVER_LOW ? &vq->desc
         : off < MMIO_QUEUE_DEVICE_LOW ? &vq->avail : &vq->used;
    if (off & 4) {
        *addr = (*addr & 0xffffffffull) | (uint64_t)val << 32;
    } else {
        *addr = (*addr & ~0xffffffffull) | val;
    }
}

static void mmio_reg_write(VirtIOMMIOState *s, hwaddr off, uint32_t val)
{
    VirtIODevice *vdev = s->vdev;

    switch (off) {
    case MMIO_DEVICE_FEATURES_SEL:
        s->device_features_sel = val;
        break;
    case MMIO_DRIVER_FEATURES:
        virtio_set_driver_features(vdev, s->driver_features_sel, val);
        break;
    case MMIO_DRIVER_FEATURES_SEL:
        s->driver_features_sel = val;
        break;
    case MMIO_QUEUE_SEL:
        s->queue_sel = val;
        break;
    case MMIO_QUEUE_NUM:
    case MMIO_QUEUE_READY:
    case MMIO_QUEUE_DESC_LOW:
    case MMIO_QUEUE_DESC_HIGH:
    case MMIO_QUEUE_DRIVER_LOW:
    case MMIO_QUEUE_DRIVER_HIGH:
    case MMIO_QUEUE_DEVICE_LOW:
    case MMIO_QUEUE_DEVICE_HIGH:
        mmio_write_queue(s, off, val);
        break;
    case MMIO_QUEUE_NOTIFY:
        virtio_queue_kick(vdev, val & 0xffff);
        break;
    case MMIO_INTERRUPT_ACK:
        virtio_ack_interrupt(vdev, val);
        break;
    case MMIO_STATUS:
        if (val == 0) {
            s->device_features_sel = s->driver_features_sel = 0;
            s->queue_sel = 0;
        }
        virtio_set_status(vdev, val & 0xff);
        break;
    case MMIO_SHM_SEL:
        break;                  /* selects nothing: there are no regions */
    default:
        log_mask(LOG_GUEST_ERROR, "virtio-mmio: write of 0x%x to %s offset "
                 "0x%03x\n", val, off < MMIO_DEVICE_FEATURES_SEL ||
                 off == MMIO_QUEUE_NUM_MAX ||
                 off == MMIO_INTERRUPT_STATUS ||
                 off == MMIO_CONFIG_GENERATION ? "read-only" : "reserved",
                 (unsigned)off);
        break;
    }
}

/* ---------------------------------------------------------------------- */
/* Access                                                                 */

static uint64_t virtio_mmio_read(void *opaque, hwaddr addr, unsigned size)
{
    VirtIOMMIOState *s = opaque;
    uint32_t val;

    if (addr < MMIO_CONFIG && (size != 4 || (addr & 3))) {
        log_mask(LOG_GUEST_ERROR, "virtio-mmio: %u-byte read at 0x%03x "
                 "(registers take aligned 32-bit accesses)\n", size,
                 (unsigned)addr);
        return 0;
    }
    switch (addr) {
    case MMIO_MAGIC:
        return VIRTIO_MMIO_MAGIC;
    case MMIO_VERSION:
        return MMIO_VERSION_MODERN;
    case MMIO_VENDOR_ID:
        return VIRTIO_MMIO_VENDOR_ID;
    }
    if (!s->vdev) {
        return 0;               /* empty slot: DeviceID 0, nothing else */
    }
    g_mutex_lock(&s->vdev->lock);
    val = addr >= MMIO_CONFIG
        ? virtio_config_read(s->vdev, addr - MMIO_CONFIG, size)
        : mmio_reg_read(s, addr);
    g_mutex_unlock(&s->vdev->lock);
    return val;
}

static void virtio_mmio_write(void *opaque, hwaddr addr, uint64_t data,
                              unsigned size)
{
    VirtIOMMIOState *s = opaque;

    if (addr < MMIO_CONFIG && (size != 4 || (addr & 3))) {
        log_mask(LOG_GUEST_ERROR, "virtio-mmio: %u-byte write at 0x%03x "
                 "(registers take aligned 32-bit accesses)\n", size,
                 (unsigned)addr);
        return;
    }
    if (!s->vdev) {
        return;
    }
    g_mutex_lock(&s->vdev->lock);
    if (addr >= MMIO_CONFIG) {
        virtio_config_write(s->vdev, addr - MMIO_CONFIG, size, data);
    } else {
        mmio_reg_write(s, addr, data);
    }
    g_mutex_unlock(&s->vdev->lock);
}

static const MemoryRegionOps virtio_mmio_ops = {
    .read = virtio_mmio_read,
    .write = virtio_mmio_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 1, .max_access_size = 4 },
    .impl = { .min_access_size = 1, .max_access_size = 4 },
};

/* ---------------------------------------------------------------------- */
/* Plugging (configuration time)                                          */

typedef struct FindFree {
    Object *found;              /* the last free transport seen */
    unsigned total;             /* transports seen */
} FindFree;

static int find_free_one(Object *obj, void *opaque)
{
    FindFree *f = opaque;

    if (object_dynamic_cast(obj, TYPE_VIRTIO_MMIO)) {
        f->total++;
        if (!VIRTIO_MMIO(obj)->vdev) {
            f->found = obj;
        }
    }
    return 0;
}

DeviceState *virtio_mmio_find_transport(VirtIODevice *vdev, const char *path,
                                        Error **errp)
{
    g_autofree char *what = object_describe(OBJECT(vdev));
    FindFree f = { 0 };
    Object *obj;

    if (!path) {
        object_child_foreach_recursive(OBJECT(machine_of(OBJECT(vdev))),
                                       find_free_one, &f);
        if (!f.found) {
            error_setg(errp, "%s: no free virtio-mmio transport (the "
                       "machine has %u, all in use)", what, f.total);
            return NULL;
        }
        return DEVICE(f.found);
    }
    obj = object_resolve_path_type(OBJECT(vdev), path, TYPE_VIRTIO_MMIO,
                                   errp);
    if (!obj) {
        error_prepend(errp, "%s: property 'transport': ", what);
        return NULL;
    }
    if (VIRTIO_MMIO(obj)->vdev) {
        g_autofree char *other = object_describe(OBJECT(
                                     VIRTIO_MMIO(obj)->vdev));

        error_setg(errp, "%s: transport '%s' already carries %s", what, path,
                   other);
        return NULL;
    }
    return DEVICE(obj);
}

void virtio_mmio_plug(DeviceState *transport, VirtIODevice *vdev)
{
    VirtIOMMIOState *s = VIRTIO_MMIO(transport);

    assert(!s->vdev && !vdev->transport);
    object_ref(OBJECT(transport));
    s->vdev = vdev;
    s->device_features_sel = s->driver_features_sel = s->queue_sel = 0;
    vdev->transport = transport;
}

void virtio_mmio_unplug(DeviceState *transport)
{
    VirtIOMMIOState *s = VIRTIO_MMIO(transport);
    VirtIODevice *vdev = s->vdev;

    if (!vdev) {
        return;
    }
    g_mutex_lock(&vdev->lock);
    irq_set_level(s->irq, 0);
    s->vdev = NULL;
    vdev->transport = NULL;
    g_mutex_unlock(&vdev->lock);
    object_unref(OBJECT(transport));
}

void virtio_mmio_set_irq(DeviceState *transport, bool level)
{
    irq_set_level(VIRTIO_MMIO(transport)->irq, level);
}

/* ---------------------------------------------------------------------- */
/* Life cycle                                                             */

static void virtio_mmio_reset_enter(Object *obj, ResetType type)
{
    VirtIOMMIOState *s = VIRTIO_MMIO(obj);

    if (s->vdev) {
        g_mutex_lock(&s->vdev->lock);
        s->device_features_sel = s->driver_features_sel = 0;
        s->queue_sel = 0;
        virtio_reset(s->vdev);
        g_mutex_unlock(&s->vdev->lock);
    }
}

static void virtio_mmio_instance_init(Object *obj)
{
    VirtIOMMIOState *s = VIRTIO_MMIO(obj);
    DeviceState *dev = DEVICE(obj);

    memory_region_init_io(&s->iomem, obj, &virtio_mmio_ops, s, "virtio-mmio",
                          VIRTIO_MMIO_SIZE);
    qdev_init_mmio(dev, &s->iomem);
    qdev_init_gpio_out_named(dev, &s->irq, "irq", 1);
}

static void virtio_mmio_instance_finalize(Object *obj)
{
    VirtIOMMIOState *s = VIRTIO_MMIO(obj);

    assert(!s->vdev);           /* a plugged device holds a reference */
    memory_region_finalize(&s->iomem);
}

static void virtio_mmio_class_init(ObjectClass *oc, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);

    dc->desc = "virtio-mmio transport slot (virtio 1.2, version 2)";
    dc->category = DEVICE_CATEGORY_BRIDGE;
    dc->reset_enter = virtio_mmio_reset_enter;
}

static const TypeInfo virtio_mmio_types[] = {
    {
        .name = TYPE_VIRTIO_MMIO,
        .parent = TYPE_DEVICE,
        .description = "virtio-mmio transport slot",
        .instance_size = sizeof(VirtIOMMIOState),
        .instance_init = virtio_mmio_instance_init,
        .instance_finalize = virtio_mmio_instance_finalize,
        .class_init = virtio_mmio_class_init,
    },
};

DEFINE_TYPES(virtio_mmio_types)
