/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * virtio-rng: an entropy source for the guest.
 *
 * A "virtio-rng-device" (a virtio device, include/hw/virtio/virtio.h)
 * fills each device-writable buffer the driver offers with bytes from the
 * host's getrandom(2), at most VIRTIO_RNG_MAX_REQUEST bytes per buffer.
 * Its only property is "transport" (virtio.h).
 *
 * Spec: VIRTIO 1.2 section 5.4 (Entropy Device).
 */
#ifndef HW_VIRTIO_VIRTIO_RNG_H
#define HW_VIRTIO_VIRTIO_RNG_H

#define TYPE_VIRTIO_RNG "virtio-rng-device"

/* Most bytes written into one request (the rest of the buffer is unused). */
#define VIRTIO_RNG_MAX_REQUEST 65536

#endif
