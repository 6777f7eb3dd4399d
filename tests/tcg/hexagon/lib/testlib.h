/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * testlib.h: the support library of the bare-metal Hexagon guest tests in
 * tests/tcg/hexagon/ (same output/check API as tests/tcg/aarch64/lib/).
 * A test is one C file whose main() returns tl_done(); crt0.S enters
 * main() on hardware thread 0 in monitor mode (SSR = 0: EX = 0, UM = 0,
 * ASID 0) with a 64 KiB stack, BSS zeroed, EVB = the library's vector
 * table (at physical 0) and SGP0 = a 4 KiB exception stack; the MMU,
 * caches and interrupts stay off as reset.  main's return value becomes
 * the emulator's exit code (semihosting EXIT 0x18, code in r2).
 *
 * Output goes through Hexagon semihosting ("angel" calls, `trap0(#0)`
 * with r0 = operation, r1 = parameter block; the emulator performs the
 * call before taking the trap0 event, whose handler only does `rte`), so
 * every program must be run with -semihosting.  ABI summary:
 * /work/shared/reference/hexagon-system.md 1.12; events and SSR fields:
 * Hexagon V6x System-Level Architecture (summary in 1.5-1.7 there).
 *
 * README.md in this folder describes the build and the conventions.
 */
#ifndef TESTLIB_H
#define TESTLIB_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ---- output and result bookkeeping ---------------------------------- */

/* Write a NUL-terminated string (semihosting WRITE0). */
void tl_puts(const char *s);

/* Write one character (semihosting WRITEC). */
void tl_putc(char c);

/*
 * Minimal printf: %d %i %u %x %X %p %s %c %%, with 'l' (32-bit long) and
 * 'll' (64-bit) modifiers, an optional '0' flag and a field width (e.g.
 * %016llx).  Output longer than 255 characters per call is flushed in
 * pieces.
 */
void tl_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void tl_vprintf(const char *fmt, va_list ap);

/*
 * Stop the machine with exit code @code: semihosting EXIT (0x18, code in
 * r2); if that returns (no semihosting), `stop` the thread with the code
 * still in r2, which ends the run once every thread has stopped.
 */
void tl_exit(int code) __attribute__((noreturn));

/* Record one check; on failure prints "FAIL name". */
void tl_check(int ok, const char *name);

/*
 * Record one equality check; on failure prints
 * "FAIL name: got 0x... expected 0x...".
 */
void tl_check_eq(uint64_t got, uint64_t want, const char *name);

/* Number of failed checks so far. */
unsigned tl_failures(void);

/*
 * Print the final line, "PASS" or "FAIL (n failures)", and return 0 or 1.
 * Use as `return tl_done();` at the end of main().
 */
int tl_done(void);

/*
 * One semihosting call: `trap0(#0)` with r0 = @op, r1 = @param (usually
 * a block of 32-bit words).  Returns r0 after the call; *errno_out (if
 * not NULL) gets r1, where the emulator reports the host errno.
 */
uint32_t tl_semihost(uint32_t op, const void *param, uint32_t *errno_out);

/* ---- events (exceptions, traps, interrupts) ------------------------- */

/* Event numbers: the vector of event n is at EVB + 4 * n. */
#define TL_EV_RESET        0
#define TL_EV_NMI          1
#define TL_EV_ERROR        2   /* precise exceptions */
#define TL_EV_TLBMISS_X    4
#define TL_EV_TLBMISS_RW   6
#define TL_EV_TRAP0        8   /* always just `rte` (semihosting) */
#define TL_EV_TRAP1        9
#define TL_EV_FP          11
#define TL_EV_DEBUG       12
#define TL_EV_INT(i)      (16 + (i))   /* core interrupt i, 0..15 */
#define TL_NEVENTS        48

/* SSR.CAUSE values the tests use (V6x System-Level Architecture). */
#define TL_CAUSE_DOUBLE         0x03
#define TL_CAUSE_FETCH_NOX      0x11
#define TL_CAUSE_INVALID_PACKET 0x15
#define TL_CAUSE_PRIV_USER      0x1b
#define TL_CAUSE_REG_CONFLICT   0x1d
#define TL_CAUSE_PC_MISALIGNED  0x1e
#define TL_CAUSE_LOAD_MISALIGN  0x20
#define TL_CAUSE_STORE_MISALIGN 0x21
#define TL_CAUSE_TLBMISS_X      0x60
#define TL_CAUSE_TLBMISS_READ   0x70
#define TL_CAUSE_TLBMISS_WRITE  0x71
#define TL_CAUSE_INT(i)         (0xc0 + (i))

/* SSR fields. */
#define TL_SSR_UM   (1u << 16)
#define TL_SSR_EX   (1u << 17)
#define TL_SSR_IE   (1u << 18)
#define TL_SSR_GM   (1u << 19)

static inline unsigned tl_ssr_cause(uint32_t ssr)
{
    return ssr & 0xff;
}

/*
 * The frame crt0.S saves on the thread's exception stack (SGP0) before
 * calling a handler; the layout is fixed (crt0.S uses the offsets).
 * The handler may change r[] (except r[29]), the control registers, elr
 * and ssr (SSR.EX is forced back to 1 until `rte`): they are written back
 * before `rte`.  badva and event are for information only.
 */
struct tl_regs {
    uint32_t r[32];        /* r0..r31; r[29] = interrupted SP (read-only) */
    uint32_t sa0, lc0;     /* hardware loop 0: start address, count */
    uint32_t sa1, lc1;     /* hardware loop 1 */
    uint32_t p3_0;         /* predicates, p0 in bits 7:0 */
    uint32_t usr;
    uint32_t m0, m1;       /* modifier registers */
    uint32_t elr;          /* where `rte` resumes */
    uint32_t ssr;          /* SSR at entry: CAUSE, EX = 1, ... */
    uint32_t badva;        /* BADVA at entry (data faults) */
    uint32_t event;        /* event number (vector index), 1..47 */
};

typedef void (*tl_event_handler)(struct tl_regs *r);

/*
 * Install @h as the handler of event @ev (1..47 except TL_EV_TRAP0; any
 * other value is ignored and NULL returned).  NULL restores the default,
 * which prints "unexpected event N cause=0x.. ELR=0x.. BADVA=0x.." and
 * exits with code 1.  Returns the previous handler.
 *
 * Handlers run with SSR.EX = 1: they must not fault and must not print
 * or call tl_check* (a trap0 there would be a double exception); record
 * what they saw in memory and check it after they returned.  To skip a
 * faulting packet, advance r->elr past it (ELR points at the faulting
 * packet for precise exceptions and TLB misses, after the trap for trap1).
 */
tl_event_handler tl_set_event_handler(unsigned ev, tl_event_handler h);

/* ---- hardware threads ---------------------------------------------- */

/* Number of this hardware thread (HTID). */
static inline unsigned tl_htid(void)
{
    uint32_t v;

    __asm__ volatile("%0 = htid" : "=r"(v));
    return v;
}

/*
 * Start hardware thread @tid (1..7) with `start(1 << tid)`: it resets
 * into crt0.S, which runs @fn(@arg) in monitor mode with SP = @stack_top
 * - 2048 and its exception stack ending at @stack_top (so the area must
 * be at least 8 KiB, 8-byte aligned), then `stop`s the thread.  Returns
 * false (and starts nothing) for a bad @tid.  The counters of tl_check*
 * are not atomic: threads report through memory, thread 0 checks.
 */
bool tl_thread_start(unsigned tid, void (*fn)(uint32_t arg), uint32_t arg,
                     void *stack_top);

/* ---- register access ------------------------------------------------ */

/* Compiler barrier. */
#define tl_barrier() __asm__ volatile("" ::: "memory")

/* Read / write a control or system register by name: tl_read_reg(ssr). */
#define tl_read_reg(reg) ({                                      \
        uint32_t v_;                                             \
        __asm__ volatile("%0 = " #reg : "=r"(v_));               \
        v_; })
#define tl_write_reg(reg, val) do {                              \
        uint32_t v_ = (val);                                     \
        __asm__ volatile(#reg " = %0\n\tisync" :: "r"(v_) : "memory"); \
    } while (0)

/* ---- freestanding C support (runtime.c) ----------------------------- */

/* Provided by the library because the compiler emits calls to them. */
void *memset(void *d, int c, size_t n);
void *memcpy(void *d, const void *s, size_t n);
void *memmove(void *d, const void *s, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
int strcmp(const char *a, const char *b);

/*
 * The integer division helpers clang calls for `/` and `%` (Hexagon has
 * no divide instruction; Debian ships no Hexagon compiler-rt).  C
 * semantics: quotients truncate toward zero, remainders take the sign of
 * the dividend.  Division by zero (undefined in C) gives quotient ~0 for
 * the unsigned forms and the dividend as remainder; it does not trap.
 */
int32_t __hexagon_divsi3(int32_t a, int32_t b);
uint32_t __hexagon_udivsi3(uint32_t a, uint32_t b);
int32_t __hexagon_modsi3(int32_t a, int32_t b);
uint32_t __hexagon_umodsi3(uint32_t a, uint32_t b);
int64_t __hexagon_divdi3(int64_t a, int64_t b);
uint64_t __hexagon_udivdi3(uint64_t a, uint64_t b);
int64_t __hexagon_moddi3(int64_t a, int64_t b);
uint64_t __hexagon_umoddi3(uint64_t a, uint64_t b);

/* Struct copies of >= 32 bytes, a multiple of 8, 8-byte aligned. */
void *__hexagon_memcpy_likely_aligned_min32bytes_mult8bytes(
    void *d, const void *s, size_t n);

#endif /* TESTLIB_H */
