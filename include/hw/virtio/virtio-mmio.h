/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The virtio-mmio transport (modern, version 2), as machines wire it.
 *
 * A "virtio-mmio" device is one transport slot.  A machine creates as
 * many as it offers (QEMU's virt: 32, at 0x0a000000 + 0x200 * n, SPI
 * 16 + n) and maps each; virtio devices ("virtio-blk-device",
 * "virtio-rng-device", "virtio-console-device", include/hw/virtio/)
 * plug into them at realize, from -device or C code.  An empty slot
 * reads DeviceID 0, which drivers skip.
 *
 * A "virtio-mmio" device exposes:
 *   MMIO region 0   the VIRTIO_MMIO_SIZE-byte register block: registers
 *                   at 0x000-0x0ff (32-bit accesses), the device's
 *                   configuration space from 0x100;
 *   GPIO out "irq"  one level-triggered line, high while the
 *                   InterruptStatus register is non-zero.
 * It has no properties.  Which slot a -device lands in: the device's
 * "transport" property (a QOM path) if set, else the free virtio-mmio
 * that comes last in the machine's tree order, so a machine that creates
 * its slots in ascending address order gives the first -device the
 * highest address, as QEMU's virt does.
 *
 * Spec: VIRTIO 1.2 section 4.2 (Virtio Over MMIO).  User documentation
 * and the device tree node to generate: docs/user/virtio.md.
 */
#ifndef HW_VIRTIO_VIRTIO_MMIO_H
#define HW_VIRTIO_VIRTIO_MMIO_H

#define TYPE_VIRTIO_MMIO "virtio-mmio"

/* Size of the register block (MMIO region 0) in bytes. */
#define VIRTIO_MMIO_SIZE 0x200

/* MagicValue ("virt") and the VendorID hemu reports ("HEMU"). */
#define VIRTIO_MMIO_MAGIC 0x74726976
#define VIRTIO_MMIO_VENDOR_ID 0x554d4548

#endif
