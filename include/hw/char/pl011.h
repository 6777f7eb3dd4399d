/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The Arm PrimeCell UART (PL011), as machines wire it.
 *
 * A "pl011" device exposes:
 *   MMIO region 0   the 4 KiB register block (map it where the board's
 *                   memory map puts the UART);
 *   GPIO out "irq"  one line, the combined interrupt UARTINTR: high while
 *                   (UARTRIS & UARTIMSC) != 0;
 *   clock in "clk"  UARTCLK; sets the bit time of the receive timeout
 *                   (16 * (IBRD + FBRD/64) cycles per bit); stopped or
 *                   absent: 115200 baud is assumed for that timeout;
 *   link "chardev"  the character device carrying the line (may be
 *                   unset: output is dropped, no input arrives);
 *   "line-prefix"   string; when set the UART is output-only and writes
 *                   each line (at most 256 bytes) prefixed, in one
 *                   write, so it can share a chardev with another UART
 *                   (hetero-virt's DSP console: "[dsp] ").
 * The device must sit inside a machine (its receive timeout runs on the
 * machine's virtual clock).  Everything else is private to
 * hw/char/pl011.c.
 *
 * Spec: Arm PrimeCell UART (PL011) Technical Reference Manual, ARM DDI
 * 0183.  User documentation: docs/user/virt.md.
 */
#ifndef HW_CHAR_PL011_H
#define HW_CHAR_PL011_H

#define TYPE_PL011 "pl011"

/* Size of the register block (MMIO region 0) in bytes. */
#define PL011_MMIO_SIZE 0x1000

#endif
