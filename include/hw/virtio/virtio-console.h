/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * virtio-console: one console port over a chardev.
 *
 * A "virtio-console-device" (a virtio device, include/hw/virtio/
 * virtio.h) is a virtio console without VIRTIO_CONSOLE_F_MULTIPORT: port
 * 0 only (Linux's hvc0), queue 0 receiveq and queue 1 transmitq.  It
 * offers VIRTIO_CONSOLE_F_EMERG_WRITE (a byte written to emerg_wr goes to
 * the chardev).  QEMU models the same guest view as a
 * "virtio-serial-device" bus carrying a "virtconsole"; hemu folds both
 * into one device since only the console port is wanted.
 * Properties:
 *   chardev   (string) id of a -chardev; unset: output is dropped and no
 *             input arrives;
 *   transport (string) the virtio-mmio slot (virtio.h).
 *
 * Spec: VIRTIO 1.2 section 5.3 (Console Device).
 */
#ifndef HW_VIRTIO_VIRTIO_CONSOLE_H
#define HW_VIRTIO_VIRTIO_CONSOLE_H

#define TYPE_VIRTIO_CONSOLE "virtio-console-device"

#endif
