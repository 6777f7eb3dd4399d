/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Virtio devices: the transport-independent part (device status, feature
 * negotiation, configuration space, split virtqueues) that every virtio
 * device model (virtio-blk, virtio-rng, virtio-console) builds on.
 *
 * Model: a virtio device is a QOM device of abstract type "virtio-device"
 * that, at realize, plugs itself into a transport: a "virtio-mmio" device
 * the machine created and mapped (include/hw/virtio/virtio-mmio.h).  The
 * transport owns the registers and the interrupt line; the device owns
 * everything the specification calls device state (status, features,
 * queues, configuration).  Guest memory is reached through an address
 * space over the machine's memory map (MachineState.sysmem), made at
 * realize.
 *
 * Threads and locking: requests are served synchronously, in the vCPU
 * thread that writes QueueNotify; input (virtio-console) arrives in the
 * main loop.  VirtIODevice.lock guards all device and queue state: the
 * transport takes it around every register access and devices take it
 * around input, so a device's handle_queue and every virtqueue_* call
 * run with it held.
 *
 * Guest errors (bad rings, descriptors pointing at nothing) never crash
 * hemu: virtio_error() logs them under -d guest_errors, sets
 * DEVICE_NEEDS_RESET in the status and stops the device until the driver
 * resets it.
 *
 * Spec: Virtual I/O Device (VIRTIO) Version 1.2, chapter 2 (basic
 * facilities: status 2.1, features 2.2, configuration 2.5, split
 * virtqueues 2.7) and chapter 3 (initialization).  Design and wiring:
 * docs/user/virtio.md.
 */
#ifndef HW_VIRTIO_VIRTIO_H
#define HW_VIRTIO_VIRTIO_H

#include "hemu/osdep.h"
#include "hw/qdev.h"
#include "system/memory.h"

#define TYPE_VIRTIO_DEVICE "virtio-device"

/* Device IDs (spec 5). */
#define VIRTIO_ID_BLOCK 2
#define VIRTIO_ID_CONSOLE 3
#define VIRTIO_ID_RNG 4

/* Device status bits (spec 2.1). */
#define VIRTIO_STATUS_ACKNOWLEDGE 1
#define VIRTIO_STATUS_DRIVER 2
#define VIRTIO_STATUS_DRIVER_OK 4
#define VIRTIO_STATUS_FEATURES_OK 8
#define VIRTIO_STATUS_NEEDS_RESET 64
#define VIRTIO_STATUS_FAILED 128

/* Reserved (device-independent) feature bits (spec 6). */
#define VIRTIO_F_INDIRECT_DESC 28
#define VIRTIO_F_EVENT_IDX 29
#define VIRTIO_F_VERSION_1 32

/* Interrupt status bits (spec 4.2.2, InterruptStatus). */
#define VIRTIO_ISR_QUEUE 1      /* a used buffer notification */
#define VIRTIO_ISR_CONFIG 2     /* a configuration change notification */

/* Largest queue a device offers (QueueNumMax); a power of two. */
#define VIRTIO_QUEUE_MAX_SIZE 256

OBJECT_DECLARE_TYPE(VirtIODevice, VirtioDeviceClass, VIRTIO_DEVICE)

/* One split virtqueue; private to hw/virtio/. */
typedef struct VirtQueue VirtQueue;

/* A guest buffer: @len bytes at guest physical @addr. */
typedef struct VirtQueueSeg {
    uint64_t addr;
    uint32_t len;
} VirtQueueSeg;

/*
 * A descriptor chain taken from the available ring: the device-readable
 * segments first (out_sg, in chain order), then the device-writable ones
 * (in_sg).  Allocated by virtqueue_pop(); g_free() it.
 */
typedef struct VirtQueueElement {
    uint16_t head;              /* index of the chain's first descriptor */
    unsigned out_num;           /* device-readable segments */
    unsigned in_num;            /* device-writable segments */
    uint64_t out_len;           /* bytes in out_sg, summed */
    uint64_t in_len;            /* bytes in in_sg, summed */
    VirtQueueSeg *out_sg;       /* points into segs */
    VirtQueueSeg *in_sg;        /* points into segs, after out_sg */
    VirtQueueSeg segs[];
} VirtQueueElement;

struct VirtioDeviceClass {
    DeviceClass parent_class;
    uint16_t device_id;         /* spec 5; required */
    /*
     * Device-specific realize: validate properties, then virtio_init()
     * (queues, configuration size, device features).  The base realize
     * calls it before plugging into a transport.
     */
    bool (*device_realize)(VirtIODevice *vdev, Error **errp);
    /*
     * Undo device_realize (may be NULL).  Not called when a realized
     * device is finalized without unrealize: the subclass's
     * instance_finalize must then undo it (idempotently).
     */
    void (*device_unrealize)(VirtIODevice *vdev);
    /*
     * The driver made buffers available on @vq (QueueNotify), or the
     * device became ready (DRIVER_OK) with @vq ready.  Lock held.
     */
    void (*handle_queue)(VirtIODevice *vdev, VirtQueue *vq);
    /* Device-specific reset (driver wrote 0 to Status; machine reset);
       lock held; may be NULL. */
    void (*reset)(VirtIODevice *vdev);
    /*
     * The driver wrote @size bytes (@val, little-endian) at offset @off of
     * the configuration space (bounds checked).  NULL: the space is
     * read-only and writes are logged guest errors.  Lock held.
     */
    void (*config_write)(VirtIODevice *vdev, uint32_t off, unsigned size,
                         uint32_t val);
};

struct VirtIODevice {
    DeviceState parent_obj;
    GMutex lock;                /* guards everything below */
    char *transport_path;       /* property "transport": QOM path of the
                                   virtio-mmio to plug into; NULL: the
                                   machine's last free one */
    DeviceState *transport;     /* where plugged; NULL until realized */
    AddressSpace dma_as;        /* guest memory as the device sees it */
    bool dma_as_live;           /* dma_as was initialised */
    uint64_t host_features;     /* offered (device and reserved bits) */
    uint64_t guest_features;    /* accepted by the driver */
    uint8_t status;             /* VIRTIO_STATUS_* */
    uint32_t isr;               /* VIRTIO_ISR_*; interrupt line = isr != 0 */
    uint32_t generation;        /* ConfigGeneration; bumped on changes */
    uint8_t *config;            /* configuration space, little-endian */
    uint32_t config_len;        /* bytes */
    VirtQueue *vqs;             /* num_queues queues */
    unsigned num_queues;
    bool broken;                /* NEEDS_RESET raised: serve nothing */
};

/*
 * Set up @vdev (from device_realize): @num_queues queues of at most
 * VIRTIO_QUEUE_MAX_SIZE entries, a zeroed configuration space of
 * @config_len bytes, and the device-specific @features (the transport
 * adds VERSION_1, INDIRECT_DESC and EVENT_IDX).
 */
void virtio_init(VirtIODevice *vdev, unsigned num_queues,
                 uint32_t config_len, uint64_t features);

/* Queue @n of @vdev (n < num_queues). */
VirtQueue *virtio_get_queue(VirtIODevice *vdev, unsigned n);
/* The index of @vq in its device. */
unsigned virtio_queue_index(VirtQueue *vq);
/* True when the driver negotiated feature bit @bit. */
bool virtio_has_feature(VirtIODevice *vdev, unsigned bit);
/*
 * True when the device may use @vq: it is ready, the driver set
 * DRIVER_OK, and the device is not broken.
 */
bool virtio_queue_ready(VirtQueue *vq);

/*
 * Take the next available descriptor chain of @vq (lock held), or NULL
 * when there is none or the chain is malformed (then the device is marked
 * broken: check virtio_is_broken()).
 */
VirtQueueElement *virtqueue_pop(VirtQueue *vq);
/*
 * Return @elem to the driver through the used ring, saying @len bytes
 * were written into its device-writable part.  Does not free @elem.
 */
void virtqueue_push(VirtQueue *vq, const VirtQueueElement *elem,
                    uint32_t len);
/*
 * Send a used buffer notification for what was pushed since the last
 * call, unless the driver suppressed it (VIRTQ_AVAIL_F_NO_INTERRUPT, or
 * used_event with VIRTIO_F_EVENT_IDX).
 */
void virtqueue_notify(VirtQueue *vq);

/*
 * Copy @len bytes at byte @off of @elem's device-readable part into @buf
 * (off + len <= out_len), or @buf into its device-writable part
 * (off + len <= in_len).  A guest memory error marks the device broken
 * and returns false.
 */
bool virtqueue_elem_read(VirtIODevice *vdev, const VirtQueueElement *elem,
                         uint64_t off, void *buf, size_t len);
bool virtqueue_elem_write(VirtIODevice *vdev, const VirtQueueElement *elem,
                          uint64_t off, const void *buf, size_t len);

/*
 * A guest error: log @fmt under -d guest_errors, set NEEDS_RESET, stop
 * serving requests and (after DRIVER_OK) send a configuration change
 * notification.  Lock held.
 */
void virtio_error(VirtIODevice *vdev, const char *fmt, ...) HEMU_PRINTF(2, 3);
bool virtio_is_broken(VirtIODevice *vdev);
/* The configuration space changed: bump ConfigGeneration, notify. */
void virtio_config_changed(VirtIODevice *vdev);

/* Little-endian stores into the configuration space (device code). */
void virtio_config_set16(VirtIODevice *vdev, uint32_t off, uint16_t val);
void virtio_config_set32(VirtIODevice *vdev, uint32_t off, uint32_t val);
void virtio_config_set64(VirtIODevice *vdev, uint32_t off, uint64_t val);

#endif
