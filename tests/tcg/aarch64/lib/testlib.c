/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * testlib.c: C half of the AArch64 guest test library (see testlib.h):
 * semihosting output and exit, check bookkeeping, a small printf, the
 * exception dispatcher the vectors in crt0.S call, PSCI helpers and the
 * freestanding string functions the compiler may call.
 *
 * Semihosting operations (Arm IHI 0056 "Semihosting for AArch32 and
 * AArch64"): SYS_WRITEC 0x03 (X1 = pointer to the char), SYS_WRITE0 0x04
 * (X1 = pointer to the string), SYS_EXIT_EXTENDED 0x20 (X1 = pointer to
 * {reason, subcode}; reason ADP_Stopped_ApplicationExit = 0x20026,
 * subcode = exit code).  PSCI function ids come from Arm DEN 0022.
 *
 * Invariant: all state is per program; the check counters are shared by
 * all CPUs (secondary CPUs should report through memory, not tl_check).
 */
#include "testlib.h"
#include "tl-format.h"

#define SEMI_WRITEC         0x03
#define SEMI_WRITE0         0x04
#define SEMI_EXIT_EXTENDED  0x20
#define ADP_STOPPED_APP_EXIT 0x20026

#define PSCI_CPU_OFF        0x84000002u
#define PSCI_CPU_ON_64      0xc4000003u

/* In crt0.S. */
uint64_t tl_semihost(uint64_t op, const void *param);
int64_t tl_psci_call(uint64_t fid, uint64_t a1, uint64_t a2, uint64_t a3);
void tl_secondary_entry(void);
void tl_el0_resume(uint64_t saved_sp) __attribute__((noreturn));
extern uint64_t tl_el0_saved_sp[8];
/* Called from crt0.S only. */
void tl_exception_dispatch(struct tl_regs *r, uint64_t kind);
void tl_cpu_off(void) __attribute__((noreturn));
void tl_run_el0_bad_el(void) __attribute__((noreturn));

static unsigned tl_nchecks;
static unsigned tl_nfail;
static tl_sync_handler tl_sync_hook;
static tl_irq_handler tl_irq_hook;

/* ---- output ---------------------------------------------------------- */

void tl_puts(const char *s)
{
    tl_semihost(SEMI_WRITE0, s);
}

void tl_putc(char c)
{
    tl_semihost(SEMI_WRITEC, &c);
}

void tl_exit(int code)
{
    uint64_t block[2] = { ADP_STOPPED_APP_EXIT, (uint64_t)(int64_t)code };

    for (;;) {
        tl_semihost(SEMI_EXIT_EXTENDED, block);
    }
}

/* printf output buffer: flushed with SYS_WRITE0 when full or at the end. */
struct tl_outbuf {
    char buf[256];
    unsigned len;
};

static void ob_putc(struct tl_outbuf *ob, char c)
{
    if (ob->len == sizeof(ob->buf) - 1) {
        ob->buf[ob->len] = 0;
        tl_puts(ob->buf);
        ob->len = 0;
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
    if (ob.len) {
        ob.buf[ob.len] = 0;
        tl_puts(ob.buf);
    }
}

void tl_printf(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    tl_vprintf(fmt, ap);
    va_end(ap);
}

/* ---- checks ---------------------------------------------------------- */

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
    if (tl_nfail) {
        tl_printf("FAIL (%u failures)\n", tl_nfail);
        return 1;
    }
    tl_puts("PASS\n");
    return 0;
}

/* ---- exceptions ------------------------------------------------------ */

unsigned tl_current_el(void)
{
    return (unsigned)(tl_read_sysreg(CurrentEL) >> 2) & 3;
}

tl_sync_handler tl_set_sync_handler(tl_sync_handler h)
{
    tl_sync_handler old = tl_sync_hook;

    tl_sync_hook = h;
    return old;
}

tl_irq_handler tl_set_irq_handler(tl_irq_handler h)
{
    tl_irq_handler old = tl_irq_hook;

    tl_irq_hook = h;
    return old;
}

/* The interrupted context's SP, from SPSR.M (Arm ARM C5.2.19). */
static uint64_t interrupted_sp(const struct tl_regs *r)
{
    unsigned m = r->spsr & 0xf;
    unsigned from_el = m >> 2;

    if (!(m & 1)) {
        return tl_read_sysreg(sp_el0);
    }
    if (from_el == tl_current_el()) {
        return r->sp;
    }
    if (from_el == 1) {
        return tl_read_sysreg(sp_el1);
    }
    return tl_read_sysreg(sp_el2);
}

static void __attribute__((noreturn)) unexpected(const struct tl_regs *r,
                                                 const char *what)
{
    tl_printf("unexpected %s ESR=0x%llx ELR=0x%llx FAR=0x%llx\n", what,
              (unsigned long long)r->esr, (unsigned long long)r->elr,
              (unsigned long long)r->far);
    tl_exit(1);
}

/* kind = vector index: (0 cur SP0, 1 cur SPx, 2 lower A64, 3 lower A32) * 4
 * + (0 sync, 1 IRQ, 2 FIQ, 3 SError). */
void tl_exception_dispatch(struct tl_regs *r, uint64_t kind)
{
    unsigned type = kind & 3;

    r->sp = interrupted_sp(r);
    if (type == 0) {
        unsigned slot = tl_read_sysreg(mpidr_el1) & 7;

        if (kind == 8 && tl_esr_ec(r->esr) == TL_EC_SVC64 &&
            (r->esr & 0xffff) == 0xff && tl_el0_saved_sp[slot]) {
            uint64_t sp = tl_el0_saved_sp[slot];

            tl_el0_saved_sp[slot] = 0;
            tl_el0_resume(sp);
        }
        if (tl_sync_hook) {
            tl_sync_hook(r);
            return;
        }
        unexpected(r, "exception");
    }
    if (type == 1 && tl_irq_hook) {
        tl_irq_hook(r);
        return;
    }
    unexpected(r, type == 1 ? "IRQ" : type == 2 ? "FIQ" : "SError");
}

void tl_run_el0_bad_el(void)
{
    tl_printf("tl_run_el0: must be called at EL1, not EL%u\n",
              tl_current_el());
    tl_exit(1);
}

/* ---- CPUs ------------------------------------------------------------ */

uint64_t tl_mpidr(void)
{
    return tl_read_sysreg(mpidr_el1) & 0xff00ffffffull;
}

int64_t tl_cpu_on(uint64_t mpidr, struct tl_cpu_boot *boot)
{
    tl_dsb_sy();
    return tl_psci_call(PSCI_CPU_ON_64, mpidr,
                        (uint64_t)(uintptr_t)tl_secondary_entry,
                        (uint64_t)(uintptr_t)boot);
}

void tl_cpu_off(void)
{
    for (;;) {
        tl_psci_call(PSCI_CPU_OFF, 0, 0, 0);
    }
}

/* ---- freestanding C -------------------------------------------------- */

/*
 * Byte loops on purpose: with the MMU off all data accesses are to Device
 * memory, where unaligned accesses fault; the compiler is told
 * -mstrict-align and these must not undo that.
 */
void *memset(void *d, int c, size_t n)
{
    volatile unsigned char *p = d;

    while (n--) {
        *p++ = (unsigned char)c;
    }
    return d;
}

void *memcpy(void *d, const void *s, size_t n)
{
    volatile unsigned char *p = d;
    const unsigned char *q = s;

    while (n--) {
        *p++ = *q++;
    }
    return d;
}

void *memmove(void *d, const void *s, size_t n)
{
    volatile unsigned char *p = d;
    const unsigned char *q = s;

    if (p <= q) {
        while (n--) {
            *p++ = *q++;
        }
    } else {
        while (n--) {
            p[n] = q[n];
        }
    }
    return d;
}

int memcmp(const void *a, const void *b, size_t n)
{
    const unsigned char *p = a, *q = b;

    for (; n; n--, p++, q++) {
        if (*p != *q) {
            return *p - *q;
        }
    }
    return 0;
}

size_t strlen(const char *s)
{
    size_t n = 0;

    while (s[n]) {
        n++;
    }
    return n;
}

int strcmp(const char *a, const char *b)
{
    while (*a && *a == *b) {
        a++;
        b++;
    }
    return (unsigned char)*a - (unsigned char)*b;
}
