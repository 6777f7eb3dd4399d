/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * crt0.S: entry code and exception vectors of the AArch64 guest tests.
 *
 * _start runs at whatever EL the machine starts the ELF at (EL1, EL2 or
 * EL3): it selects SP_ELx, zeroes BSS, sets SP to the top of a 64 KiB
 * stack in BSS, points VBAR_ELx of the current EL at the library's vector
 * table, calls main() and passes its return value to tl_exit().  Only the
 * CPU whose MPIDR affinity is 0 runs it; any other CPU the machine starts
 * at the entry point (e.g. all of them with EL3 and no firmware) parks in
 * a WFE loop.  Nothing
 * else is enabled: no MMU, caches, FP access or interrupt unmasking.
 *
 * The vector tables (one per EL, Arm ARM D1.10.2 "Exception vectors")
 * save x0-x30 and the exception registers of that EL into a struct
 * tl_regs frame (testlib.h; 288 bytes, offsets below) on the stack of
 * the EL taken to, call tl_exception_dispatch(frame, kind) where kind is
 * the vector index 0..15 (source group * 4 + type), write ELR and SPSR
 * back from the frame (the handler may have changed them), restore the
 * registers and ERET.
 *
 * tl_secondary_entry is the PSCI CPU_ON entry point of tl_cpu_on(); x0
 * (the context id) points to a struct tl_cpu_boot.
 *
 * tl_run_el0 / tl_el0_resume implement tl_run_el0(): the caller's
 * callee-saved registers and DAIF are kept on its stack, whose address is
 * parked in tl_el0_saved_sp[MPIDR.Aff0 & 7] until the EL0 code executes
 * `svc #0xff`; tl_exception_dispatch then calls tl_el0_resume to return.
 */

#define FRAME      288      /* sizeof(struct tl_regs) */
#define OFF_ELR    256
#define OFF_ESR    272

/* ---- entry ---------------------------------------------------------- */

    .section .text.boot, "ax"
    .global _start
    .type _start, %function
_start:
    mrs     x0, mpidr_el1       /* only Aff0-Aff3 == 0 boots; others park */
    ubfx    x1, x0, #32, #8     /* Aff3 */
    and     x0, x0, #0xffffff   /* Aff2..Aff0 */
    orr     x0, x0, x1
    cbz     x0, 0f
9:  wfe
    b       9b
0:  msr     spsel, #1
    adrp    x10, __bss_start
    add     x10, x10, :lo12:__bss_start
    adrp    x11, __bss_end
    add     x11, x11, :lo12:__bss_end
1:  cmp     x10, x11
    b.hs    2f
    stp     xzr, xzr, [x10], #16
    b       1b
2:  adrp    x0, tl_stack_top
    add     x0, x0, :lo12:tl_stack_top
    mov     sp, x0
    bl      tl_setup_vbar
    bl      main
    bl      tl_exit
    .size _start, . - _start

    .text
/* Point VBAR_ELx of the current EL at our table.  Clobbers x0, x1. */
    .type tl_setup_vbar, %function
tl_setup_vbar:
    mrs     x0, CurrentEL
    ubfx    x0, x0, #2, #2
    cmp     x0, #3
    b.eq    3f
    cmp     x0, #2
    b.eq    2f
    adrp    x1, tl_vectors_el1
    add     x1, x1, :lo12:tl_vectors_el1
    msr     vbar_el1, x1
    isb
    ret
2:  adrp    x1, tl_vectors_el2
    add     x1, x1, :lo12:tl_vectors_el2
    msr     vbar_el2, x1
    isb
    ret
3:  adrp    x1, tl_vectors_el3
    add     x1, x1, :lo12:tl_vectors_el3
    msr     vbar_el3, x1
    isb
    ret
    .size tl_setup_vbar, . - tl_setup_vbar

/* PSCI CPU_ON entry: x0 = struct tl_cpu_boot *. */
    .global tl_secondary_entry
    .type tl_secondary_entry, %function
tl_secondary_entry:
    msr     spsel, #1
    ldr     x1, [x0]            /* stack_top */
    ldr     x19, [x0, #8]       /* fn */
    ldr     x20, [x0, #16]      /* arg */
    mov     sp, x1
    bl      tl_setup_vbar
    mov     x0, x20
    blr     x19
    bl      tl_cpu_off
    .size tl_secondary_entry, . - tl_secondary_entry

/* ---- EL0 round trip ------------------------------------------------- */

/* void tl_run_el0(void (*fn)(void), void *stack_top); EL1 only. */
    .global tl_run_el0
    .type tl_run_el0, %function
tl_run_el0:
    sub     sp, sp, #112
    stp     x19, x20, [sp, #0]
    stp     x21, x22, [sp, #16]
    stp     x23, x24, [sp, #32]
    stp     x25, x26, [sp, #48]
    stp     x27, x28, [sp, #64]
    stp     x29, x30, [sp, #80]
    mrs     x2, daif
    str     x2, [sp, #96]
    mrs     x3, CurrentEL
    cmp     x3, #(1 << 2)
    b.ne    tl_run_el0_bad_el
    mrs     x3, mpidr_el1
    and     x3, x3, #7
    adrp    x4, tl_el0_saved_sp
    add     x4, x4, :lo12:tl_el0_saved_sp
    mov     x5, sp
    str     x5, [x4, x3, lsl #3]
    msr     sp_el0, x1
    msr     elr_el1, x0
    and     x2, x2, #0x3c0      /* SPSR: current DAIF, M = EL0t */
    msr     spsr_el1, x2
    adrp    x30, tl_el0_exit_stub
    add     x30, x30, :lo12:tl_el0_exit_stub
    eret
    .size tl_run_el0, . - tl_run_el0

/* EL0 code that returns from fn lands here. */
    .type tl_el0_exit_stub, %function
tl_el0_exit_stub:
    svc     #0xff
    b       tl_el0_exit_stub
    .size tl_el0_exit_stub, . - tl_el0_exit_stub

/* void tl_el0_resume(uint64_t saved_sp): return from tl_run_el0. */
    .global tl_el0_resume
    .type tl_el0_resume, %function
tl_el0_resume:
    mov     sp, x0
    ldr     x2, [sp, #96]
    msr     daif, x2
    ldp     x19, x20, [sp, #0]
    ldp     x21, x22, [sp, #16]
    ldp     x23, x24, [sp, #32]
    ldp     x25, x26, [sp, #48]
    ldp     x27, x28, [sp, #64]
    ldp     x29, x30, [sp, #80]
    add     sp, sp, #112
    ret
    .size tl_el0_resume, . - tl_el0_resume

/* ---- semihosting / PSCI conduits ------------------------------------ */

/* uint64_t tl_semihost(uint64_t op, const void *param) */
    .global tl_semihost
    .type tl_semihost, %function
tl_semihost:
    hlt     #0xf000
    ret
    .size tl_semihost, . - tl_semihost

/*
 * int64_t tl_psci_call(uint64_t fid, uint64_t a1, uint64_t a2, uint64_t a3):
 * HVC at EL1, SMC at EL2; -1 (NOT_SUPPORTED) at EL3.
 */
    .global tl_psci_call
    .type tl_psci_call, %function
tl_psci_call:
    mrs     x4, CurrentEL
    cmp     x4, #(1 << 2)
    b.eq    1f
    cmp     x4, #(2 << 2)
    b.eq    2f
    mov     x0, #-1
    ret
1:  hvc     #0
    ret
2:  smc     #0
    ret
    .size tl_psci_call, . - tl_psci_call

/* ---- vectors -------------------------------------------------------- */

.macro VENTRY el, kind
    .balign 0x80
    stp     x0, x1, [sp, #-FRAME]!
    mov     x1, #\kind
    b       tl_vec_common_el\el
.endm

.macro VTABLE el
    .balign 0x800
    .global tl_vectors_el\el
tl_vectors_el\el:
    VENTRY \el, 0
    VENTRY \el, 1
    VENTRY \el, 2
    VENTRY \el, 3
    VENTRY \el, 4
    VENTRY \el, 5
    VENTRY \el, 6
    VENTRY \el, 7
    VENTRY \el, 8
    VENTRY \el, 9
    VENTRY \el, 10
    VENTRY \el, 11
    VENTRY \el, 12
    VENTRY \el, 13
    VENTRY \el, 14
    VENTRY \el, 15

    .balign 0x80
tl_vec_common_el\el:
    stp     x2, x3, [sp, #16]
    stp     x4, x5, [sp, #32]
    stp     x6, x7, [sp, #48]
    stp     x8, x9, [sp, #64]
    stp     x10, x11, [sp, #80]
    stp     x12, x13, [sp, #96]
    stp     x14, x15, [sp, #112]
    stp     x16, x17, [sp, #128]
    stp     x18, x19, [sp, #144]
    stp     x20, x21, [sp, #160]
    stp     x22, x23, [sp, #176]
    stp     x24, x25, [sp, #192]
    stp     x26, x27, [sp, #208]
    stp     x28, x29, [sp, #224]
    add     x2, sp, #FRAME
    stp     x30, x2, [sp, #240]
    mrs     x2, elr_el\el
    mrs     x3, spsr_el\el
    stp     x2, x3, [sp, #OFF_ELR]
    mrs     x2, esr_el\el
    mrs     x3, far_el\el
    stp     x2, x3, [sp, #OFF_ESR]
    mov     x0, sp
    bl      tl_exception_dispatch
    ldp     x2, x3, [sp, #OFF_ELR]
    msr     elr_el\el, x2
    msr     spsr_el\el, x3
    ldp     x2, x3, [sp, #16]
    ldp     x4, x5, [sp, #32]
    ldp     x6, x7, [sp, #48]
    ldp     x8, x9, [sp, #64]
    ldp     x10, x11, [sp, #80]
    ldp     x12, x13, [sp, #96]
    ldp     x14, x15, [sp, #112]
    ldp     x16, x17, [sp, #128]
    ldp     x18, x19, [sp, #144]
    ldp     x20, x21, [sp, #160]
    ldp     x22, x23, [sp, #176]
    ldp     x24, x25, [sp, #192]
    ldp     x26, x27, [sp, #208]
    ldp     x28, x29, [sp, #224]
    ldr     x30, [sp, #240]
    ldp     x0, x1, [sp], #FRAME
    eret
.endm

    .section .text.vectors, "ax"
    VTABLE 1
    VTABLE 2
    VTABLE 3

/* ---- stack ---------------------------------------------------------- */

    .bss
    .balign 16
    .global tl_stack_top
tl_stack:
    .space  65536
tl_stack_top:

    .global tl_el0_saved_sp
    .balign 8
tl_el0_saved_sp:
    .space  64
