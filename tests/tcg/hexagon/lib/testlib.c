/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * testlib.c: C half of the Hexagon guest test library (see testlib.h):
 * semihosting output and exit, check bookkeeping, a small printf, the
 * event dispatcher the stubs in crt0.S call, and hardware thread start.
 *
 * Semihosting ("angel" numbering, as QEMU's Hexagon system emulation and
 * picolibc use it; /work/shared/reference/hexagon-system.md 1.12):
 * `trap0(#0)`, r0 = operation, r1 = parameter, result in r0, errno in r1.
 * WRITEC 0x03 (r1 = pointer to the char), WRITE0 0x04 (r1 = pointer to
 * the string), EXIT 0x18 (exit code in r2, not in a block).
 *
 * Built with -DTL_LINUX_USER (and crt0-linux.S instead of crt0.S), output
 * and exit use Linux system calls instead, for running the same
 * user-level test under qemu-hexagon (user mode); events, threads and
 * semihosting are then unavailable.
 *
 * Invariant: all state is per program; the check counters and the
 * handler table are shared by all hardware threads (only thread 0 should
 * call tl_check* and tl_set_event_handler).
 */
#include "testlib.h"
#include "tl-format.h"

#define SEMI_WRITEC  0x03
#define SEMI_WRITE0  0x04
#define SEMI_EXIT    0x18

#define TL_MAX_THREADS   8
#define TL_EXC_STACK     2048    /* bytes of a secondary thread's stack */

/* Read by crt0.S (tl_secondary_start); layout fixed: 4 words each. */
struct tl_thread_boot_rec {
    uint32_t fn;
    uint32_t arg;
    uint32_t stack_top;
    uint32_t exc_stack_top;
};
extern struct tl_thread_boot_rec tl_thread_boot[TL_MAX_THREADS];
struct tl_thread_boot_rec tl_thread_boot[TL_MAX_THREADS];

/* Called from crt0.S only. */
void tl_event_dispatch(struct tl_regs *r);

_Static_assert(sizeof(struct tl_regs) == 176, "crt0.S FRAME");
_Static_assert(offsetof(struct tl_regs, sa0) == 128, "crt0.S OFF_SA0");
_Static_assert(offsetof(struct tl_regs, p3_0) == 144, "crt0.S OFF_P3_0");
_Static_assert(offsetof(struct tl_regs, m0) == 152, "crt0.S OFF_M0");
_Static_assert(offsetof(struct tl_regs, elr) == 160, "crt0.S OFF_ELR");
_Static_assert(offsetof(struct tl_regs, event) == 172, "crt0.S OFF_EVENT");

static unsigned tl_nchecks;
static unsigned tl_nfail;
static tl_event_handler tl_hooks[TL_NEVENTS];

/* ---- semihosting ----------------------------------------------------- */

uint32_t tl_semihost(uint32_t op, const void *param, uint32_t *errno_out)
{
    register uint32_t r0 __asm__("r0") = op;
    register uint32_t r1 __asm__("r1") = (uint32_t)(uintptr_t)param;

    __asm__ volatile("trap0(#0)" : "+r"(r0), "+r"(r1) : : "memory");
    if (errno_out) {
        *errno_out = r1;
    }
    return r0;
}

#ifdef TL_LINUX_USER
/*
 * The Linux-ABI build (crt0-linux.S, for qemu-hexagon in user mode):
 * `trap0(#1)` with r6 = syscall number, arguments in r0..r2, result in
 * r0 (Linux generic syscall numbers: write 64, exit_group 94).
 */
#define LINUX_WRITE       64
#define LINUX_EXIT_GROUP  94

static uint32_t tl_linux_call(uint32_t nr, uint32_t a0, uint32_t a1,
                              uint32_t a2)
{
    register uint32_t r0 __asm__("r0") = a0;
    register uint32_t r1 __asm__("r1") = a1;
    register uint32_t r2 __asm__("r2") = a2;
    register uint32_t r6 __asm__("r6") = nr;

    __asm__ volatile("trap0(#1)" : "+r"(r0) : "r"(r1), "r"(r2), "r"(r6)
                     : "memory");
    return r0;
}

void tl_puts(const char *s)
{
    tl_linux_call(LINUX_WRITE, 1, (uint32_t)(uintptr_t)s, strlen(s));
}

void tl_putc(char c)
{
    tl_linux_call(LINUX_WRITE, 1, (uint32_t)(uintptr_t)&c, 1);
}

void tl_exit(int code)
{
    for (;;) {
        tl_linux_call(LINUX_EXIT_GROUP, (uint32_t)code, 0, 0);
    }
}

#else /* !TL_LINUX_USER */

void tl_puts(const char *s)
{
    tl_semihost(SEMI_WRITE0, s, NULL);
}

void tl_putc(char c)
{
    tl_semihost(SEMI_WRITEC, &c, NULL);
}

void tl_exit(int code)
{
    register uint32_t r2 __asm__("r2") = (uint32_t)code;

    for (;;) {
        __asm__ volatile("r0 = #%1\n\t"
                         "r1 = #0\n\t"
                         "trap0(#0)\n\t"
                         "stop(r0)"
                         : : "r"(r2), "i"(SEMI_EXIT) : "r0", "r1", "memory");
    }
}

#endif /* TL_LINUX_USER */

/* ---- printf ----------------------------------------------------------- */

/* Output buffer: flushed with WRITE0 when full or at the end. */
struct tl_outbuf {
    char buf[256];
    unsigned len;
};

static void ob_flush(struct tl_outbuf *ob)
{
    if (ob->len) {
        ob->buf[ob->len] = 0;
        tl_puts(ob->buf);
        ob->len = 0;
    }
}

static void ob_putc(struct tl_outbuf *ob, char c)
{
    if (ob->len == sizeof(ob->buf) - 1) {
        ob_flush(ob);
    }
    ob->buf[ob->len++] = c;
}

static void ob_sink(void *opaque, char c)
{
    ob_putc(opaque, c);
}

void tl_vprintf(const char *fmt, va_list ap)
{
    struct tl_outbuf ob = { .len = 0 };

    tl_vformat(ob_sink, &ob, fmt, ap);
    ob_flush(&ob);
}

void tl_printf(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    tl_vprintf(fmt, ap);
    va_end(ap);
}

/* ---- checks ------------------------------------------------------------ */

void tl_check(int ok, const char *name)
{
    tl_nchecks++;
    if (!ok) {
        tl_nfail++;
        tl_printf("FAIL %s\n", name);
    }
}

void tl_check_eq(uint64_t got, uint64_t want, const char *name)
{
    tl_nchecks++;
    if (got != want) {
        tl_nfail++;
        tl_printf("FAIL %s: got 0x%llx expected 0x%llx\n", name,
                  (unsigned long long)got, (unsigned long long)want);
    }
}

unsigned tl_failures(void)
{
    return tl_nfail;
}

int tl_done(void)
{
    if (tl_nchecks == 0) {
        tl_puts("FAIL (no checks ran)\n");
        return 1;
    }
    if (tl_nfail) {
        tl_printf("FAIL (%u failures)\n", tl_nfail);
        return 1;
    }
    tl_puts("PASS\n");
    return 0;
}

/* ---- events ------------------------------------------------------------ */

tl_event_handler tl_set_event_handler(unsigned ev, tl_event_handler h)
{
    tl_event_handler old;

    if (ev == TL_EV_RESET || ev == TL_EV_TRAP0 || ev >= TL_NEVENTS) {
        return NULL;
    }
    old = tl_hooks[ev];
    tl_hooks[ev] = h;
    return old;
}

void tl_event_dispatch(struct tl_regs *r)
{
    tl_event_handler h = r->event < TL_NEVENTS ? tl_hooks[r->event] : NULL;

    if (h) {
        h(r);
        return;
    }
    /* Leave the handler state (SSR.EX) so that semihosting works. */
    tl_write_reg(ssr, 0);
    tl_printf("unexpected event %u cause=0x%x ELR=0x%x BADVA=0x%x\n",
              (unsigned)r->event, tl_ssr_cause(r->ssr), (unsigned)r->elr,
              (unsigned)r->badva);
    tl_exit(1);
}

/* ---- hardware threads --------------------------------------------------- */

bool tl_thread_start(unsigned tid, void (*fn)(uint32_t arg), uint32_t arg,
                     void *stack_top)
{
    uint32_t top = (uint32_t)(uintptr_t)stack_top;

    if (tid == 0 || tid >= TL_MAX_THREADS) {
        return false;
    }
    tl_thread_boot[tid].fn = (uint32_t)(uintptr_t)fn;
    tl_thread_boot[tid].arg = arg;
    tl_thread_boot[tid].stack_top = top - TL_EXC_STACK;
    tl_thread_boot[tid].exc_stack_top = top;
    __asm__ volatile("barrier\n\t"
                     "start(%0)" : : "r"(1u << tid) : "memory");
    return true;
}
