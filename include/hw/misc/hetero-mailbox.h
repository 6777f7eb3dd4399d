/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The hetero-virt IPC mailbox: doorbells and message words between the
 * application cluster (side A, "apps") and the DSP cluster (side B).
 *
 * A "hetero-mailbox" device exposes:
 *   MMIO region 0   the apps view (side A), HETERO_MBOX_MMIO_SIZE bytes;
 *                   hetero-virt maps it at ARM PA 0x0b000000;
 *   MMIO region 1   the DSP view (side B), same layout; hetero-virt maps
 *                   it at DSP address 0xfc940000;
 *   GPIO out 0      (unnamed list) side A's interrupt: a level, high while
 *                   side A's STATUS & ENABLE != 0 (hetero-virt: GIC SPI 48);
 *   GPIO out 1      side B's interrupt, likewise (hetero-virt: L2VIC 30).
 * It has no properties.  Both views have the registers below; "self" is
 * the side whose view is accessed, "peer" the other one.  Registers are
 * 32 bits wide and take only aligned 32-bit accesses: other sizes or
 * misaligned offsets, and unassigned offsets, are logged under
 * `-d guest_errors`, read 0 and ignore writes.  Reset clears everything.
 *
 * The numbers are the contract documented in docs/user/hetero-devices.md
 * (the hetero-virt machine and the demo programs use the same values).
 * Everything else is private to hw/misc/hetero-mailbox.c.
 */
#ifndef HW_MISC_HETERO_MAILBOX_H
#define HW_MISC_HETERO_MAILBOX_H

#define TYPE_HETERO_MAILBOX "hetero-mailbox"

/* Size of each view (MMIO regions 0 and 1) in bytes. */
#define HETERO_MBOX_MMIO_SIZE 0x1000

/* Sides: the MMIO region number of a view and the GPIO out it drives. */
#define HETERO_MBOX_SIDE_APPS 0
#define HETERO_MBOX_SIDE_DSP 1
#define HETERO_MBOX_NUM_SIDES 2

/* Message words per direction (OUT[] of self, IN[] showing the peer's). */
#define HETERO_MBOX_NUM_MSG_WORDS 16

/* Register offsets, the same in both views. */
#define HETERO_MBOX_ID 0x000        /* RO: HETERO_MBOX_ID_VALUE */
#define HETERO_MBOX_VERSION 0x004   /* RO: HETERO_MBOX_VERSION_VALUE */
#define HETERO_MBOX_SIDE 0x008      /* RO: 0 apps view, 1 DSP view */
#define HETERO_MBOX_NUM_MSG 0x00c   /* RO: HETERO_MBOX_NUM_MSG_WORDS */
#define HETERO_MBOX_RAISE 0x010     /* WO: bits ORed into the peer's
                                       STATUS; reads 0 */
#define HETERO_MBOX_RAISED 0x014    /* RO: the peer's STATUS */
#define HETERO_MBOX_STATUS 0x020    /* RO: doorbells pending for self */
#define HETERO_MBOX_CLEAR 0x024     /* W1C on self's STATUS; reads 0 */
#define HETERO_MBOX_ENABLE 0x028    /* RW: self's interrupt enable mask */
#define HETERO_MBOX_PENDING 0x02c   /* RO: STATUS & ENABLE */
#define HETERO_MBOX_COUNT 0x030     /* RO: non-zero RAISE writes the peer
                                       made to self, modulo 2^32 */
#define HETERO_MBOX_OUT_BASE 0x100  /* RW: OUT[0..15], self -> peer */
#define HETERO_MBOX_IN_BASE 0x180   /* RO: IN[0..15], the peer's OUT */
#define HETERO_MBOX_OUT(i) (HETERO_MBOX_OUT_BASE + 4 * (i))
#define HETERO_MBOX_IN(i) (HETERO_MBOX_IN_BASE + 4 * (i))

/* Constant register values. */
#define HETERO_MBOX_ID_VALUE 0x4d424f58u        /* "MBOX" */
#define HETERO_MBOX_VERSION_VALUE 0x00010000u   /* 1.0 */

#endif
