/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The Hexagon L2 vectored interrupt controller (L2VIC): 1024 interrupt
 * inputs steered in four groups to core interrupts 2..5 of a Hexagon core.
 *
 * Device "l2vic" (TYPE_HEX_L2VIC):
 *   MMIO 0   the register block, L2VIC_MMIO_SIZE bytes (V66G: 0xfc910000)
 *   MMIO 1   the fast-L2VIC single-write port, L2VIC_FAST_MMIO_SIZE bytes
 *            (V66G: fastl2vic_base << 16 = 0xd81e0000)
 *   GPIO in  unnamed 0..1023: the interrupt inputs (levels)
 *   GPIO in  "rearm" 0: a non-zero level re-arms, as the core's `ciad`
 *   GPIO out unnamed 0..7: core interrupt lines 0..7; line 2 + g is high
 *            while an interrupt of group g is active (delivered, not yet
 *            re-armed): one rising edge per delivery
 *
 * The frontend reaches the VID/VID1 system registers and `ciad` through
 * the functions below, given the device by a QOM link (the machine sets
 * the CPU's "l2vic" link when the CPU has one); a frontend that prefers a
 * wire can raise the "rearm" input instead of calling hex_l2vic_rearm().
 *
 * Register semantics: target/hexagon/hw/l2vic.c; the user-visible summary
 * is in docs/user/hexagon.md.  Spec: QEMU's Hexagon system emulation
 * (docs/devel/hexagon-l2vic.rst) and the V6x System-Level Architecture.
 */
#ifndef TARGET_HEXAGON_HW_L2VIC_H
#define TARGET_HEXAGON_HW_L2VIC_H

#include "hemu/osdep.h"
#include "hw/qdev.h"

#define TYPE_HEX_L2VIC "l2vic"

#define L2VIC_NUM_IRQS 1024         /* interrupt inputs */
#define L2VIC_NUM_GROUPS 4          /* VID groups */
#define L2VIC_NUM_OUTPUTS 8         /* core interrupt lines driven */
#define L2VIC_FIRST_CORE_IRQ 2      /* group g drives core interrupt 2 + g */
#define L2VIC_MMIO_SIZE 0x1000
#define L2VIC_FAST_MMIO_SIZE 0x10000

/* The VID system registers (s21, s22) as the L2VIC backs them. */
typedef enum HexL2VICVidReg {
    HEX_L2VIC_VID = 0,          /* VID: group 0 in 9:0, group 1 in 25:16 */
    HEX_L2VIC_VID1 = 1,         /* VID1: group 2 in 9:0, group 3 in 25:16 */
} HexL2VICVidReg;

/*
 * The value of system register VID or VID1 (@reg): the interrupt number
 * last delivered by each of its two groups.  Any thread.
 */
uint32_t hex_l2vic_read_vid(DeviceState *l2vic, HexL2VICVidReg reg);

/*
 * A write of @value to VID or VID1: sets the two groups' vectors (10 bits
 * each, as read back) and re-evaluates delivery.  Any thread.
 */
void hex_l2vic_write_vid(DeviceState *l2vic, HexL2VICVidReg reg,
                         uint32_t value);

/*
 * The core executed `ciad`: the interrupt last delivered is no longer
 * active, so the next pending one may be delivered (on its group's line).
 * Any thread; the same as raising the "rearm" input.  Not from the
 * handler of an L2VIC output line.
 */
void hex_l2vic_rearm(DeviceState *l2vic);

#endif
