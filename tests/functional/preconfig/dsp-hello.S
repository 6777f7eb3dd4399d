/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * dsp-hello.S: the Hexagon half of test-preconfig.py's machine, built over
 * QMP.  Writes a line to the PL011 data register at 0x10000000 of the
 * DSP's own address map, then waits (`stop` would power the machine off,
 * the threads' default; the test quits hemu once both programs' lines
 * arrived).  Linked at 0 (the test maps the DSP's RAM
 * there); runs from reset in monitor mode with the MMU off.
 */
    .text
    .global _start
    .type _start, @function
_start:
    { r1 = ##0x10000000 }
    { r2 = ##msg }
1:  { r3 = memub(r2++#1) }
    { p0 = cmp.eq(r3, #0) }
    { if (p0) jump 2f }
    { memw(r1+#0) = r3 }
    { jump 1b }
2:  { wait(r0) }                     /* no interrupts: sleeps for good */
    { jump 2b }

    /* in .text: one segment at the link address */
msg:
    .string "hello from hexagon\n"
