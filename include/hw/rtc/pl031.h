/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The Arm PrimeCell real-time clock (PL031), as machines wire it.
 *
 * A "pl031" device exposes:
 *   MMIO region 0   the 4 KiB register block;
 *   GPIO out "irq"  one line, RTCINTR: high while RTCRIS & RTCIMSC, i.e.
 *                   after the counter reached the match register (RTCMR)
 *                   and until the guest clears it through RTCICR.
 * Its counter (RTCDR) holds seconds: the host's wall-clock time (Unix
 * seconds, UTC) when the device is realized, plus the guest time elapsed
 * on the machine's virtual clock since; a write to RTCLR loads it.  The
 * device must sit inside a machine (the virtual clock is the machine's).
 * Everything else is private to hw/rtc/pl031.c.
 *
 * Spec: Arm PrimeCell Real Time Clock (PL031) Technical Reference Manual,
 * ARM DDI 0224.  User documentation: docs/user/virt.md.
 */
#ifndef HW_RTC_PL031_H
#define HW_RTC_PL031_H

#define TYPE_PL031 "pl031"

/* Size of the register block (MMIO region 0) in bytes. */
#define PL031_MMIO_SIZE 0x1000

#endif
