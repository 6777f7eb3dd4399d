/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Private to hw/virtio/: the split virtqueue state, and the calls between
 * the transport (virtio-mmio.c) and the device core (virtio.c,
 * virtqueue.c).  Every function here runs with VirtIODevice.lock held
 * unless it says otherwise.
 *
 * Spec: VIRTIO 1.2 section 2.7 (split virtqueues), 4.2 (MMIO transport).
 */
#ifndef HW_VIRTIO_INTERNAL_H
#define HW_VIRTIO_INTERNAL_H

#include "hw/virtio/virtio.h"

/* Descriptor flags (spec 2.7.5). */
#define VIRTQ_DESC_F_NEXT 1
#define VIRTQ_DESC_F_WRITE 2
#define VIRTQ_DESC_F_INDIRECT 4
/* Available ring flags (spec 2.7.6). */
#define VIRTQ_AVAIL_F_NO_INTERRUPT 1

struct VirtQueue {
    VirtIODevice *vdev;
    unsigned index;             /* in vdev->vqs */
    uint32_t num;               /* QueueNum: entries, a power of two
                                   <= VIRTIO_QUEUE_MAX_SIZE once ready */
    bool ready;                 /* QueueReady */
    uint64_t desc;              /* guest physical: descriptor table */
    uint64_t avail;             /* guest physical: driver (available) ring */
    uint64_t used;              /* guest physical: device (used) ring */
    uint16_t last_avail_idx;    /* next available ring slot to take */
    uint16_t used_idx;          /* the used ring's idx as last written */
    uint16_t signalled_used;    /* used_idx at the last notification */
    bool pushed;                /* something was pushed since the last
                                   virtqueue_notify */
};

/* ---- core (virtio.c, virtqueue.c), for the transport ---- */

/* Reset device status, features, interrupt status and queues. */
void virtio_reset(VirtIODevice *vdev);
/* The driver wrote @val to Status (0 resets). */
void virtio_set_status(VirtIODevice *vdev, uint8_t val);
/* The driver wrote @word to DriverFeatures with DriverFeaturesSel @sel. */
void virtio_set_driver_features(VirtIODevice *vdev, uint32_t sel,
                                uint32_t word);
/* The driver wrote @n to QueueNotify. */
void virtio_queue_kick(VirtIODevice *vdev, uint32_t n);
/* The driver wrote @ready to QueueReady of queue @vq (checks the setup). */
void virtio_queue_set_ready(VirtQueue *vq, bool ready);
/* Acknowledge (clear) interrupt status bits @bits. */
void virtio_ack_interrupt(VirtIODevice *vdev, uint32_t bits);
/* Configuration space access of @size bytes at @off (little-endian). */
uint32_t virtio_config_read(VirtIODevice *vdev, uint32_t off, unsigned size);
void virtio_config_write(VirtIODevice *vdev, uint32_t off, unsigned size,
                         uint32_t val);
/* Drive the transport's interrupt line from vdev->isr. */
void virtio_update_irq(VirtIODevice *vdev);

/* Forget a queue's setup and ring positions. */
void virtqueue_reset(VirtQueue *vq);

/* ---- transport (virtio-mmio.c), for the core ---- */

/*
 * The transport @vdev should plug into: the one at @path (relative to
 * @vdev or absolute), or with @path NULL the last free virtio-mmio in
 * tree order under @vdev's machine.  Errors name the device and say why
 * (no such transport, taken, none free).  Lock not held.
 */
DeviceState *virtio_mmio_find_transport(VirtIODevice *vdev, const char *path,
                                        Error **errp);
/* Attach @vdev to @transport (free, checked above); lock not held. */
void virtio_mmio_plug(DeviceState *transport, VirtIODevice *vdev);
/* Detach whatever device @transport carries; lock not held. */
void virtio_mmio_unplug(DeviceState *transport);
/* Drive @transport's "irq" output. */
void virtio_mmio_set_irq(DeviceState *transport, bool level);

#endif
