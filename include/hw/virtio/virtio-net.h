/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * virtio-net: an Ethernet card on a network backend (-netdev).
 *
 * A "virtio-net-device" (a virtio device, include/hw/virtio/virtio.h)
 * with queue 0 receiveq and queue 1 transmitq (no multiqueue, no control
 * queue).  It offers VIRTIO_NET_F_MAC and VIRTIO_NET_F_STATUS and no
 * offloads and no mergeable receive buffers, so every buffer starts with
 * the 12-byte struct virtio_net_hdr of VIRTIO_F_VERSION_1 (spec 5.1.6),
 * all zero on receive but num_buffers 1.  Frames go to and come from the
 * netdev through include/system/net.h.
 * Properties:
 *   netdev    (string) id of a -netdev; unset: frames sent are dropped and
 *             none arrive;
 *   mac       (string) "52:54:00:12:34:56" form; unset: QEMU's first NIC
 *             address with the last byte plus the number of virtio-net
 *             devices realized before in the machine;
 *   transport (string) the virtio-mmio slot (virtio.h).
 *
 * Spec: VIRTIO 1.2 section 5.1 (Network Device).
 */
#ifndef HW_VIRTIO_VIRTIO_NET_H
#define HW_VIRTIO_VIRTIO_NET_H

#define TYPE_VIRTIO_NET "virtio-net-device"

/* Device ID (spec 5); with the others' in virtio.h once that is shared. */
#define VIRTIO_ID_NET 1

/* Feature bits (spec 5.1.3). */
#define VIRTIO_NET_F_MAC 5
#define VIRTIO_NET_F_STATUS 16
/* Configuration status bits (spec 5.1.4). */
#define VIRTIO_NET_S_LINK_UP 1
/* Bytes of struct virtio_net_hdr with VIRTIO_F_VERSION_1 (spec 5.1.6). */
#define VIRTIO_NET_HDR_SIZE 12

#endif
