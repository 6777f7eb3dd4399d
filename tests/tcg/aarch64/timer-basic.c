/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * timer-basic.c: the Generic Timer seen from EL1 without interrupts.
 *
 * - CNTFRQ_EL0 is nonzero (firmware/emulator programs the rate);
 * - CNTPCT_EL0 and CNTVCT_EL0 increase, and with no EL2 (CNTVOFF_EL2 = 0,
 *   Arm ARM D11.1.2) a virtual count read between two physical ones lies
 *   between them;
 * - for the EL1 virtual and physical timers with ENABLE = 1, IMASK = 1:
 *   TVAL counts down (TVAL = CVAL - count, D11.2.4), ISTATUS is 0 while
 *   the count is below CVAL and becomes 1 once it reaches it (polled,
 *   bounded by about one second of counter time), and goes back to 0
 *   when CVAL is moved into the future.
 * Expected values follow from those definitions; no interrupt is taken
 * (IMASK = 1 and PSTATE.I stays masked).
 */
#include "testlib.h"

#define CTL_ENABLE  1u
#define CTL_IMASK   2u
#define CTL_ISTATUS 4u

/* One EL1 timer's registers, by name. */
struct timer_ops {
    const char *name;
    uint64_t (*count)(void);
    uint64_t (*get_ctl)(void);
    void (*set_ctl)(uint64_t);
    int64_t (*get_tval)(void);
    void (*set_tval)(uint64_t);
};

#define TIMER_OPS(pfx, cnt)                                                 \
    static uint64_t pfx##_count(void)                                       \
    {                                                                       \
        __asm__ volatile("isb");                                            \
        return tl_read_sysreg(cnt);                                         \
    }                                                                       \
    static uint64_t pfx##_get_ctl(void)                                     \
    {                                                                       \
        return tl_read_sysreg(pfx##_ctl_el0);                               \
    }                                                                       \
    static void pfx##_set_ctl(uint64_t v)                                   \
    {                                                                       \
        tl_write_sysreg(pfx##_ctl_el0, v);                                  \
        __asm__ volatile("isb");                                            \
    }                                                                       \
    static int64_t pfx##_get_tval(void)                                     \
    {                                                                       \
        /* TVAL is a signed 32-bit view of CVAL - count */                  \
        return (int32_t)tl_read_sysreg(pfx##_tval_el0);                     \
    }                                                                       \
    static void pfx##_set_tval(uint64_t v)                                  \
    {                                                                       \
        tl_write_sysreg(pfx##_tval_el0, v);                                 \
        __asm__ volatile("isb");                                            \
    }                                                                       \
    static const struct timer_ops pfx##_ops = {                             \
        #pfx, pfx##_count, pfx##_get_ctl, pfx##_set_ctl, pfx##_get_tval,    \
        pfx##_set_tval,                                                     \
    };

TIMER_OPS(cntv, cntvct_el0)
TIMER_OPS(cntp, cntpct_el0)

static void check(int ok, const char *timer, const char *what)
{
    if (!ok) {
        tl_printf("  (%s timer)\n", timer);
    }
    tl_check(ok, what);
}

static void test_counter(void)
{
    uint64_t p1, v, p2;
    volatile uint64_t spin = 0;

    tl_check(tl_read_sysreg(cntfrq_el0) != 0, "cntfrq nonzero");
    p1 = cntp_count();
    v = cntv_count();
    p2 = cntp_count();
    tl_check(p1 <= v && v <= p2, "cntvct between two cntpct (no offset)");
    for (unsigned i = 0; i < 100000; i++) {
        spin += i;
    }
    tl_check(cntv_count() > v, "cntvct increases");
    tl_check(cntp_count() > p2, "cntpct increases");
}

static void test_timer(const struct timer_ops *t)
{
    uint64_t freq = tl_read_sysreg(cntfrq_el0);
    volatile uint64_t spin = 0;
    int64_t t1, t2;
    uint64_t start, ctl;

    /* one second ahead: far enough not to expire during these reads */
    t->set_tval(freq);
    t->set_ctl(CTL_ENABLE | CTL_IMASK);
    check(!(t->get_ctl() & CTL_ISTATUS), t->name, "istatus 0 before cval");
    t1 = t->get_tval();
    for (unsigned i = 0; i < 100000; i++) {
        spin += i;
    }
    t2 = t->get_tval();
    check(t1 > 0 && t1 <= (int64_t)freq, t->name, "tval in (0, freq]");
    check(t2 < t1, t->name, "tval counts down");

    /* 1 ms ahead, then poll until ISTATUS or about one second passed */
    t->set_tval(freq / 1000);
    start = t->count();
    do {
        ctl = t->get_ctl();
    } while (!(ctl & CTL_ISTATUS) && t->count() - start < freq);
    check(ctl & CTL_ISTATUS, t->name, "istatus set after expiry");
    check(t->get_tval() <= 0, t->name, "tval <= 0 after expiry");

    /* CVAL moved one second ahead: the condition no longer holds */
    t->set_tval(freq);
    check(!(t->get_ctl() & CTL_ISTATUS), t->name, "istatus cleared");
    /* (with ENABLE = 0 ISTATUS is UNKNOWN: not checked) */
    t->set_ctl(CTL_IMASK);
}

int main(void)
{
    test_counter();
    test_timer(&cntv_ops);
    test_timer(&cntp_ops);
    return tl_done();
}
