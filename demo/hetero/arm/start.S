/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * start.S: entry code, EL1 exception vectors and the semihosting call of
 * the demo's AArch64 program (demo/hetero/arm/).
 *
 * _start: only the CPU with MPIDR affinity 0 continues (others park in
 * WFE); it selects SP_ELx, zeroes BSS, sets SP to the top of a 64 KiB
 * stack in BSS, installs the vector table below in VBAR_EL1 when it runs
 * at EL1 (hetero-virt's default), calls main() and passes its return
 * value to demo_exit() (semihosting SYS_EXIT_EXTENDED).
 *
 * Vectors (Arm ARM D1.10.2: 16 entries of 0x80 bytes, 2 KiB aligned):
 * entry 5 (IRQ from the current EL with SP_ELx) saves the caller-saved
 * registers x0-x18, x29, x30 and ELR/SPSR, calls demo_irq() and returns
 * with ERET; every other entry calls demo_exception(kind, ESR, ELR, FAR),
 * which reports it and ends the run.  IRQs do not nest (PSTATE.I is set
 * on entry and the handler does not clear it).
 */

#define IRQ_FRAME 192           /* 21 registers + ELR + SPSR, 16-aligned */

    .section .text.boot, "ax"
    .global _start
    .type _start, %function
_start:
    mrs     x0, mpidr_el1
    ubfx    x1, x0, #32, #8     /* Aff3 */
    and     x0, x0, #0xffffff   /* Aff2..Aff0 */
    orr     x0, x0, x1
    cbz     x0, 1f
0:  wfe
    b       0b
1:  msr     spsel, #1
    adrp    x10, __bss_start
    add     x10, x10, :lo12:__bss_start
    adrp    x11, __bss_end
    add     x11, x11, :lo12:__bss_end
2:  cmp     x10, x11
    b.hs    3f
    stp     xzr, xzr, [x10], #16
    b       2b
3:  adrp    x0, demo_stack_top
    add     x0, x0, :lo12:demo_stack_top
    mov     sp, x0
    mrs     x0, CurrentEL
    ubfx    x0, x0, #2, #2
    cmp     x0, #1
    b.ne    4f
    adrp    x1, demo_vectors
    add     x1, x1, :lo12:demo_vectors
    msr     vbar_el1, x1
    isb
4:  bl      main
    bl      demo_exit
    .size _start, . - _start

    .text
/* uint64_t demo_semihost(uint64_t op, const void *param) */
    .global demo_semihost
    .type demo_semihost, %function
demo_semihost:
    hlt     #0xf000
    ret
    .size demo_semihost, . - demo_semihost

.macro VFATAL kind
    .balign 0x80
    mov     x0, #\kind
    mrs     x1, esr_el1
    mrs     x2, elr_el1
    mrs     x3, far_el1
    bl      demo_exception
.endm

    .balign 0x800
    .global demo_vectors
demo_vectors:
    VFATAL  0                   /* current EL, SP_EL0: sync */
    VFATAL  1                   /* IRQ */
    VFATAL  2                   /* FIQ */
    VFATAL  3                   /* SError */
    VFATAL  4                   /* current EL, SP_ELx: sync */
    .balign 0x80                /* 5: current EL, SP_ELx: IRQ */
    b       demo_irq_entry
    VFATAL  6                   /* FIQ */
    VFATAL  7                   /* SError */
    VFATAL  8                   /* lower EL, AArch64 */
    VFATAL  9
    VFATAL  10
    VFATAL  11
    VFATAL  12                  /* lower EL, AArch32 */
    VFATAL  13
    VFATAL  14
    VFATAL  15

    .balign 0x80
demo_irq_entry:
    sub     sp, sp, #IRQ_FRAME
    stp     x0, x1, [sp, #0]
    stp     x2, x3, [sp, #16]
    stp     x4, x5, [sp, #32]
    stp     x6, x7, [sp, #48]
    stp     x8, x9, [sp, #64]
    stp     x10, x11, [sp, #80]
    stp     x12, x13, [sp, #96]
    stp     x14, x15, [sp, #112]
    stp     x16, x17, [sp, #128]
    stp     x18, x29, [sp, #144]
    mrs     x0, elr_el1
    mrs     x1, spsr_el1
    stp     x30, x0, [sp, #160]
    str     x1, [sp, #176]
    bl      demo_irq
    ldr     x1, [sp, #176]
    ldp     x30, x0, [sp, #160]
    msr     spsr_el1, x1
    msr     elr_el1, x0
    ldp     x18, x29, [sp, #144]
    ldp     x16, x17, [sp, #128]
    ldp     x14, x15, [sp, #112]
    ldp     x12, x13, [sp, #96]
    ldp     x10, x11, [sp, #80]
    ldp     x8, x9, [sp, #64]
    ldp     x6, x7, [sp, #48]
    ldp     x4, x5, [sp, #32]
    ldp     x2, x3, [sp, #16]
    ldp     x0, x1, [sp, #0]
    add     sp, sp, #IRQ_FRAME
    eret

    .bss
    .balign 16
demo_stack:
    .space  65536
    .global demo_stack_top
demo_stack_top:
