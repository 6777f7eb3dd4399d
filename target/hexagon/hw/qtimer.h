/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The Qualcomm QTimer of Hexagon subsystems: an Arm memory-mapped generic
 * timer (a CNTCTLBase access-control block and CNTBase timer frames)
 * counting at 19.2 MHz on the machine's virtual clock.
 *
 * Device "qct-qtimer" (TYPE_HEX_QTIMER):
 *   properties  freq-hz    counter rate in Hz (default 19200000, >= 1)
 *               nr-frames  timer frames 1..QTIMER_MAX_FRAMES (default 2)
 *   MMIO 0      the access-control block, QTIMER_FRAME_SIZE bytes
 *               (V66G: 0xfc920000)
 *   MMIO 1      the frames, QTIMER_FRAME_SIZE bytes each, frame n at
 *               n * QTIMER_FRAME_SIZE (V66G: 0xfc921000); the region is
 *               sized for QTIMER_MAX_FRAMES, frames past nr-frames read as
 *               zero and ignore writes
 *   GPIO out    unnamed 0..QTIMER_MAX_FRAMES-1: frame n's physical timer
 *               interrupt (level), high while CNTP_CTL has EN and ISTAT set
 *               and IMASK clear (V66G: frames 0, 1 to L2VIC inputs 3, 4)
 *
 * The device must be a child of a machine (it runs on its virtual clock).
 * Registers: target/hexagon/hw/qtimer.c.  Spec: Arm ARM DDI 0487, I2
 * "System Level Implementation of the Generic Timer" (CNTCTLBase, CNTBase
 * frames), and QEMU's Hexagon QTimer (the version register, the rate).
 */
#ifndef TARGET_HEXAGON_HW_QTIMER_H
#define TARGET_HEXAGON_HW_QTIMER_H

#include "hemu/osdep.h"
#include "hw/qdev.h"

#define TYPE_HEX_QTIMER "qct-qtimer"

#define QTIMER_FRAME_SIZE 0x1000
#define QTIMER_MAX_FRAMES 8
#define QTIMER_DEFAULT_FREQ_HZ 19200000u

/*
 * The physical count (CNTPCT, 56 bits) of @qtimer now: the value behind
 * the TIMERLO/TIMERHI system registers and UTIMERLO/UTIMERHI.  Any thread.
 */
uint64_t hex_qtimer_read_count(DeviceState *qtimer);

#endif
