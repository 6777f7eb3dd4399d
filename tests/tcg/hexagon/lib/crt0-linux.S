/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * crt0-linux.S: entry code of the Linux-ABI build of the user-level
 * Hexagon guest tests (int-compute, packet), run by qemu-hexagon in user
 * mode to compare with hemu (tests/tcg/hexagon/meson.build, suite
 * tcg-qemu).  The kernel (here: QEMU's user-mode loader) has set SP and
 * zeroed BSS; main()'s return value goes to tl_exit(), which testlib.c
 * implements with exit_group when built with -DTL_LINUX_USER.  No
 * vector table: events belong to the kernel in this build.
 */
        .text
        .p2align 2
        .globl _start
        .type _start, @function
_start:
        { r29 = and(r29, #-8) }         /* the ABI wants 8-byte alignment */
        { r30 = #0 }
        { r31 = #0 }
        { call main }
        { call tl_exit }                /* r0 = main's return value */
.Lhang:
        { jump .Lhang }
        .size _start, . - _start
