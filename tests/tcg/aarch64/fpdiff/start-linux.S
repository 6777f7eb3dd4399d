/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * start-linux.S: entry of the Linux-ABI build of the FP/SIMD differential
 * test (driver.c with FPDIFF_LINUX), run by qemu-aarch64 in user mode:
 * no C library, so _start calls main() on the stack the kernel gave
 * and passes its return value to exit_group(2) (syscall 94).
 */
    .text
    .global _start
    .type _start, %function
_start:
    mov x29, #0
    mov x30, #0
    bl main
    mov x8, #94
    svc #0
    b .
    .size _start, . - _start
    .section .note.GNU-stack, "", %progbits
