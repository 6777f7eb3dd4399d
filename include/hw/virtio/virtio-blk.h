/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * virtio-blk: a disk over a raw block backend (include/system/block.h).
 *
 * A "virtio-blk-device" (a virtio device, include/hw/virtio/virtio.h)
 * has the properties
 *   drive     (string, required) id of the block backend, i.e. the id of
 *             a -drive or the node-name of a -blockdev;
 *   serial    (string) what VIRTIO_BLK_T_GET_ID returns (at most 20
 *             bytes; default: empty);
 *   transport (string) the virtio-mmio slot (virtio.h).
 * It offers VIRTIO_BLK_F_SEG_MAX, F_BLK_SIZE (512), F_FLUSH and, for a
 * read-only backend, F_RO; its capacity is the image size in 512-byte
 * sectors (a partial last sector is not visible).  Requests: IN, OUT,
 * FLUSH (fdatasync of the image) and GET_ID, served synchronously in the
 * notifying vCPU thread.
 *
 * Spec: VIRTIO 1.2 section 5.2 (Block Device).
 */
#ifndef HW_VIRTIO_VIRTIO_BLK_H
#define HW_VIRTIO_VIRTIO_BLK_H

#define TYPE_VIRTIO_BLK "virtio-blk-device"

#endif
