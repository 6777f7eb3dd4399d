/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * crt0.S: entry code and event vector table of the Hexagon guest tests in
 * tests/tcg/hexagon/ (see testlib.h and README.md there).
 *
 * The image is linked at physical address 0 (DDR base of V66G_1024), and
 * tl_vectors is placed there first, so EVB = 0 already at reset.  Every
 * event n enters at EVB + 4*n (Hexagon V6x System-Level Architecture,
 * "Event vectors"; summary in /work/shared/reference/hexagon-system.md
 * 1.7): each slot is one 4-byte `jump`.  Slot 0 (reset) goes to _start;
 * slot 8 (trap0) goes to a handler that only does `rte`, because the
 * emulator performs the semihosting call of `trap0(#0)` before it takes
 * the event; every other slot goes to a stub that saves the interrupted
 * context in a struct tl_regs on the thread's exception stack and calls
 * tl_event_dispatch() (testlib.c).
 *
 * Reset (all threads; `start` soft-resets secondary threads to EVB too):
 * SSR = 0 (monitor mode, SSR.EX = 0 so trap0 is not a double exception,
 * ASID 0, interrupts off), SGP0 = top of the thread's exception stack
 * (the handlers swap it with SP by `crswap`), SP, then thread 0 sets EVB,
 * zeroes BSS, calls main() and passes its return value to tl_exit();
 * other threads run the function tl_thread_start() recorded for them and
 * then `stop`.  The MMU, caches and interrupts stay as reset (off).
 *
 * A double exception (event 2, cause 0x03: a fault inside a handler)
 * prints a fixed message and exits 1 without calling C.
 *
 * Invariants: the frame layout below matches struct tl_regs in testlib.h
 * (TL_REGS_SIZE bytes, 8-byte aligned); SGP0 holds the exception stack top
 * whenever a thread is outside an event handler and the interrupted SP
 * while it is inside one.  Handlers cannot nest.
 */

#define FRAME       176     /* sizeof(struct tl_regs) */
#define OFF_R28     112
#define OFF_R29     116
#define OFF_R31_30  120
#define OFF_SA0     128     /* c1:0 = lc0:sa0 */
#define OFF_SA1     136     /* c3:2 = lc1:sa1 */
#define OFF_P3_0    144     /* p3:0, then usr */
#define OFF_M0      152     /* c7:6 = m1:m0 */
#define OFF_ELR     160     /* elr, then ssr */
#define OFF_BADVA   168
#define OFF_EVENT   172
#define SSR_EX_BIT  17

/* ---- the event vector table (at 0) -------------------------------- */

        .section .text.vectors, "ax", @progbits
        .p2align 8                      /* EVB[7:0] are read-only zero */
        .globl tl_vectors
tl_vectors:
        { jump _start }                 /* 0: reset */
        .irp n, 1, 2, 3, 4, 5, 6, 7
        { jump tl_ev_\n }               /* NMI, error, TLB misses, ... */
        .endr
        { jump tl_ev_trap0 }            /* 8: trap0 */
        .irp n, 9, 10, 11, 12, 13, 14, 15
        { jump tl_ev_\n }               /* trap1, FP, debug, reserved */
        .endr
        .irp n, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
        { jump tl_ev_\n }               /* interrupts 0..15 */
        .endr
        .irp n, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47
        { jump tl_ev_\n }               /* reserved interrupt slots */
        .endr

/* ---- reset ---------------------------------------------------------- */

        .section .text.boot, "ax", @progbits
        .p2align 2
        .globl _start
        .type _start, @function
_start:
        { r0 = #0 }
        { ssr = r0 }                    /* monitor mode, EX = 0, IE = 0 */
        { isync }
        { r1 = htid }
        { p0 = cmp.eq(r1, #0) }
        { if (!p0) jump tl_secondary_start }
        { r0 = ##tl_vectors }
        { evb = r0 }
        { isync }
        { r0 = ##__tl_exc_stack_top }
        { sgp0 = r0 }
        { r29 = ##__tl_stack_top }
        { r30 = #0 }
        { r31 = #0 }
        /* Zero BSS, 8 bytes at a time (link.ld aligns both ends to 8). */
        { r2 = ##__bss_start }
        { r3 = ##__bss_end }
        { r5:4 = combine(#0, #0) }
.Lbss_loop:
        { p0 = cmp.gtu(r3, r2) }
        { if (!p0) jump .Lbss_done }
        { memd(r2++#8) = r5:4 }
        { jump .Lbss_loop }
.Lbss_done:
        { call main }
        { call tl_exit }                /* r0 = main's return value */
.Lhang:
        { jump .Lhang }
        .size _start, . - _start

/*
 * Secondary threads (r1 = HTID): tl_thread_boot[HTID] = { fn, arg,
 * stack_top, exc_stack_top } was filled in by tl_thread_start().
 */
        .type tl_secondary_start, @function
tl_secondary_start:
        { r2 = ##tl_thread_boot }
        { r2 = addasl(r2, r1, #4) }
        { r3 = memw(r2 + #12) }
        { sgp0 = r3 }
        { r29 = memw(r2 + #8) }
        { r30 = #0 }
        { r31 = #0 }
        { r3 = memw(r2 + #0) }
        { r0 = memw(r2 + #4) }
        { callr r3 }
        { r0 = #0 }
        { stop(r0) }
.Lsec_hang:
        { jump .Lsec_hang }
        .size tl_secondary_start, . - tl_secondary_start

/* ---- event handlers --------------------------------------------------- */

        .text
        .p2align 2
/* trap0: the semihosting call (if any) is already done; just return. */
tl_ev_trap0:
        { rte }

/*
 * Event 2 with SSR.CAUSE = 0x03 is a double exception: a fault while
 * SSR.EX = 1, i.e. inside a handler (or in this code).  The handler
 * state cannot be trusted then, so leave it (SSR = 0), print a fixed
 * message with raw semihosting calls and exit 1, instead of faulting
 * again forever.
 */
tl_ev_2:
        { crswap(r29, sgp0) }
        { r29 = add(r29, #-FRAME) }
        { memd(r29 + #0) = r1:0 }
        { r1 = p3:0 }                   /* r1:0 is saved; keep P3:0 */
        { r0 = ssr }
        { r0 = and(r0, #0xff) }
        { p0 = cmp.eq(r0, #3) }
        { if (p0) jump tl_double_exception }
        { p3:0 = r1 }
        { r0 = #2 }
        { jump tl_ev_common }

tl_double_exception:
        { r0 = #0 }
        { ssr = r0 }
        { isync }
        { r0 = #4 }                     /* WRITE0 */
        { r1 = ##tl_double_msg }
        { trap0(#0) }
        { r0 = #0x18 }                  /* EXIT, code in r2 */
        { r2 = #1 }
        { trap0(#0) }
        { stop(r0) }
.Ldouble_hang:
        { jump .Ldouble_hang }

        .irp n, 1, 3, 4, 5, 6, 7, 9, 10, 11, 12, 13, 14, 15, \
                16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, \
                32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47
tl_ev_\n:
        { crswap(r29, sgp0) }
        { r29 = add(r29, #-FRAME) }
        { memd(r29 + #0) = r1:0 }
        { r0 = #\n }
        { jump tl_ev_common }
        .endr

/*
 * r29 = the frame on the exception stack, r1:0 saved, r0 = event number,
 * SGP0 = the interrupted SP.  Save the rest, call
 * tl_event_dispatch(struct tl_regs *), restore, return with rte.
 */
        .type tl_ev_common, @function
tl_ev_common:
        { memw(r29 + #OFF_EVENT) = r0 }
        { memd(r29 + #8) = r3:2 }
        { memd(r29 + #16) = r5:4 }
        { memd(r29 + #24) = r7:6 }
        { memd(r29 + #32) = r9:8 }
        { memd(r29 + #40) = r11:10 }
        { memd(r29 + #48) = r13:12 }
        { memd(r29 + #56) = r15:14 }
        { memd(r29 + #64) = r17:16 }
        { memd(r29 + #72) = r19:18 }
        { memd(r29 + #80) = r21:20 }
        { memd(r29 + #88) = r23:22 }
        { memd(r29 + #96) = r25:24 }
        { memd(r29 + #104) = r27:26 }
        { memw(r29 + #OFF_R28) = r28 }
        { memd(r29 + #OFF_R31_30) = r31:30 }
        { r2 = sgp0 }
        { memw(r29 + #OFF_R29) = r2 }
        { r3:2 = c1:0 }
        { memd(r29 + #OFF_SA0) = r3:2 }
        { r3:2 = c3:2 }
        { memd(r29 + #OFF_SA1) = r3:2 }
        { r2 = p3:0 }
        { r3 = usr }
        { memd(r29 + #OFF_P3_0) = r3:2 }
        { r3:2 = c7:6 }
        { memd(r29 + #OFF_M0) = r3:2 }
        { r2 = elr }
        { r3 = ssr }
        { memd(r29 + #OFF_ELR) = r3:2 }
        { r2 = badva }
        { memw(r29 + #OFF_BADVA) = r2 }
        { r0 = r29 }
        { call tl_event_dispatch }
        { r3:2 = memd(r29 + #OFF_M0) }
        { c7:6 = r3:2 }
        { r3:2 = memd(r29 + #OFF_P3_0) }
        { p3:0 = r2 }
        { usr = r3 }
        { r3:2 = memd(r29 + #OFF_SA1) }
        { c3:2 = r3:2 }
        { r3:2 = memd(r29 + #OFF_SA0) }
        { c1:0 = r3:2 }
        { r3:2 = memd(r29 + #OFF_ELR) }
        { elr = r2 }
        { r3 = setbit(r3, #SSR_EX_BIT) }  /* stay in the handler until rte */
        { ssr = r3 }
        { r3:2 = memd(r29 + #8) }
        { r5:4 = memd(r29 + #16) }
        { r7:6 = memd(r29 + #24) }
        { r9:8 = memd(r29 + #32) }
        { r11:10 = memd(r29 + #40) }
        { r13:12 = memd(r29 + #48) }
        { r15:14 = memd(r29 + #56) }
        { r17:16 = memd(r29 + #64) }
        { r19:18 = memd(r29 + #72) }
        { r21:20 = memd(r29 + #80) }
        { r23:22 = memd(r29 + #88) }
        { r25:24 = memd(r29 + #96) }
        { r27:26 = memd(r29 + #104) }
        { r28 = memw(r29 + #OFF_R28) }
        { r31:30 = memd(r29 + #OFF_R31_30) }
        { r1:0 = memd(r29 + #0) }
        { r29 = add(r29, #FRAME) }
        { crswap(r29, sgp0) }
        { rte }
        .size tl_ev_common, . - tl_ev_common

        .section .rodata.str1.1, "aMS", @progbits, 1
tl_double_msg:
        .ascii "unexpected double exception "
        .string "(a fault inside an event handler; see -d int)\n"
