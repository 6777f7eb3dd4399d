/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * arm-hello.S: the AArch64 half of test-preconfig.py's machine, built over
 * QMP.  Writes a line to the PL011 data register at 0x09000000 (UARTDR,
 * offset 0; hemu's PL011 transmits whatever a program writes there) and
 * then waits for interrupts forever; the test quits hemu once both
 * programs' lines arrived.  Linked at 0x40000000 (the test maps its RAM
 * there); runs at the CPU's reset exception level with the MMU off.
 */
    .text
    .global _start
    .type _start, %function
_start:
    movz    x1, #0x0900, lsl #16        /* UARTDR */
    adr     x2, msg
1:  ldrb    w3, [x2], #1
    cbz     w3, 2f
    str     w3, [x1]
    b       1b
2:  wfi
    b       2b

    /* in .text: one segment at the link address */
msg:
    .asciz  "hello from aarch64\n"
