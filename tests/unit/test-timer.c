/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Unit tests for clocks and timers (include/util/timer.h).
 *
 * Most tests drive a virtual clock from a fake source the test advances by
 * hand, so expected values are exact: a clock started at source time S and
 * read at source time T reads (T - S) plus whatever it had when stopped.
 */
#include "util/timer.h"

typedef struct FakeSource {
    int64_t now;                /* ns the fake source reports */
} FakeSource;

static int64_t fake_now(void *opaque)
{
    return ((FakeSource *)opaque)->now;
}

/* A clock on a fake source starting at 1000 ns (an arbitrary base). */
static TimerClock *fake_clock(FakeSource *src)
{
    TimerClock *c = timer_clock_new_virtual("test");

    src->now = 1000;
    timer_clock_set_source(c, fake_now, src);
    return c;
}

static void test_virtual_frozen_when_stopped(void)
{
    FakeSource src;
    TimerClock *c = fake_clock(&src);

    /* Created stopped at 0: source time passing changes nothing. */
    g_assert_false(timer_clock_is_running(c));
    src.now += 500;
    g_assert_cmpint(timer_clock_get_ns(c), ==, 0);

    timer_clock_start(c);
    src.now += 300;
    g_assert_cmpint(timer_clock_get_ns(c), ==, 300);

    timer_clock_stop(c);
    src.now += 10000;                   /* frozen: stays at 300 */
    g_assert_cmpint(timer_clock_get_ns(c), ==, 300);

    timer_clock_start(c);
    src.now += 50;                      /* continues: 300 + 50 */
    g_assert_cmpint(timer_clock_get_ns(c), ==, 350);
    timer_clock_free(c);
}

static void test_virtual_real_source(void)
{
    TimerClock *c = timer_clock_new_virtual("real");
    int64_t a, b;

    g_assert_cmpint(timer_clock_get_ns(c), ==, 0);
    g_usleep(2000);
    g_assert_cmpint(timer_clock_get_ns(c), ==, 0);   /* still stopped */
    timer_clock_start(c);
    g_usleep(2000);
    a = timer_clock_get_ns(c);
    g_assert_cmpint(a, >=, 2000000);    /* at least the 2 ms slept */
    timer_clock_stop(c);
    g_usleep(2000);
    b = timer_clock_get_ns(c);
    g_assert_cmpint(b, >=, a);
    g_assert_cmpint(b, ==, timer_clock_get_ns(c));   /* frozen */
    timer_clock_free(c);

    /* The host clock runs and follows CLOCK_MONOTONIC. */
    a = timer_clock_get_ns(timer_clock_host());
    g_usleep(1000);
    g_assert_cmpint(timer_clock_get_ns(timer_clock_host()), >=, a + 1000000);
    g_assert_true(timer_clock_is_running(timer_clock_host()));
}

typedef struct Log {
    GString *order;             /* one letter per callback run */
} Log;

typedef struct Tagged {
    Log *log;
    char tag;
} Tagged;

static void log_cb(void *opaque)
{
    Tagged *t = opaque;

    g_string_append_c(t->log->order, t->tag);
}

static void test_expiry_order(void)
{
    FakeSource src;
    TimerClock *c = fake_clock(&src);
    Log log = { g_string_new(NULL) };
    Tagged ta = { &log, 'a' }, tb = { &log, 'b' }, tc = { &log, 'c' },
           td = { &log, 'd' };
    Timer *a = timer_new_ns(c, log_cb, &ta);
    Timer *b = timer_new_ns(c, log_cb, &tb);
    Timer *t3 = timer_new_ns(c, log_cb, &tc);
    Timer *d = timer_new_ns(c, log_cb, &td);

    timer_clock_start(c);
    /* Armed out of order; c and d tie at 200 and keep arming order. */
    timer_mod_ns(a, 300);
    timer_mod_ns(t3, 200);
    timer_mod_ns(b, 100);
    timer_mod_ns(d, 200);
    g_assert_true(timer_pending(a));
    g_assert_cmpint(timer_expire_ns(b), ==, 100);

    g_assert_false(timer_clock_run_expired(c));     /* clock at 0 */
    src.now += 250;                                 /* clock at 250 */
    g_assert_true(timer_clock_run_expired(c));
    g_assert_cmpstr(log.order->str, ==, "bcd");
    g_assert_false(timer_pending(b));
    g_assert_cmpint(timer_expire_ns(b), ==, -1);
    g_assert_true(timer_pending(a));

    /* Moving a timer later, and deleting one, are honoured. */
    timer_mod_ns(a, 1000);
    timer_mod_ns(b, 400);
    timer_del(b);
    src.now += 500;                                 /* clock at 750 */
    g_assert_false(timer_clock_run_expired(c));
    src.now += 250;                                 /* clock at 1000 */
    g_assert_true(timer_clock_run_expired(c));
    g_assert_cmpstr(log.order->str, ==, "bcda");

    timer_free(a);
    timer_free(b);
    timer_free(t3);
    timer_free(d);
    timer_clock_free(c);
    g_string_free(log.order, TRUE);
}

static void test_stopped_clock_runs_nothing(void)
{
    FakeSource src;
    TimerClock *c = fake_clock(&src);
    Log log = { g_string_new(NULL) };
    Tagged ta = { &log, 'a' };
    Timer *a = timer_new_ns(c, log_cb, &ta);

    timer_mod_ns(a, 0);                 /* due at once, but clock stopped */
    g_assert_cmpint(timer_clock_deadline_ns(c), ==, -1);
    g_assert_false(timer_clock_run_expired(c));
    g_assert_cmpstr(log.order->str, ==, "");
    timer_clock_start(c);
    g_assert_cmpint(timer_clock_deadline_ns(c), ==, 0);
    g_assert_true(timer_clock_run_expired(c));
    g_assert_cmpstr(log.order->str, ==, "a");
    timer_free(a);
    timer_clock_free(c);
    g_string_free(log.order, TRUE);
}

static void test_deadline(void)
{
    FakeSource src;
    TimerClock *c = fake_clock(&src);
    Log log = { g_string_new(NULL) };
    Tagged ta = { &log, 'a' }, tb = { &log, 'b' };
    Timer *a = timer_new_ns(c, log_cb, &ta);
    Timer *b = timer_new_ns(c, log_cb, &tb);

    timer_clock_start(c);
    g_assert_cmpint(timer_clock_deadline_ns(c), ==, -1);   /* none armed */
    timer_mod_ns(a, 5000);
    g_assert_cmpint(timer_clock_deadline_ns(c), ==, 5000);
    timer_mod_ns(b, 2000);              /* earlier one wins */
    g_assert_cmpint(timer_clock_deadline_ns(c), ==, 2000);
    src.now += 1500;                    /* 2000 - 1500 left */
    g_assert_cmpint(timer_clock_deadline_ns(c), ==, 500);
    src.now += 1000;                    /* overdue: 0, not negative */
    g_assert_cmpint(timer_clock_deadline_ns(c), ==, 0);
    timer_del(b);                       /* back to a: 5000 - 2500 */
    g_assert_cmpint(timer_clock_deadline_ns(c), ==, 2500);
    timer_free(a);                      /* freeing disarms */
    g_assert_cmpint(timer_clock_deadline_ns(c), ==, -1);
    timer_free(b);
    timer_clock_free(c);
    g_string_free(log.order, TRUE);
}

typedef struct Periodic {
    Timer *timer;
    TimerClock *clock;
    int runs;                   /* callbacks so far */
    int64_t period;             /* ns */
    int64_t seen[8];            /* clock value at each run */
} Periodic;

static void periodic_cb(void *opaque)
{
    Periodic *p = opaque;

    p->seen[p->runs++] = timer_clock_get_ns(p->clock);
    if (p->runs < 3) {
        /* Re-arm from inside the callback, relative to the last expiry. */
        timer_mod_ns(p->timer, p->runs * p->period);
    }
}

static void test_rearm_from_callback(void)
{
    FakeSource src;
    Periodic p = { .period = 100 };

    p.clock = fake_clock(&src);
    p.timer = timer_new_ns(p.clock, periodic_cb, &p);
    timer_clock_start(p.clock);
    timer_mod_ns(p.timer, 0);

    g_assert_true(timer_clock_run_expired(p.clock));
    /* Ran once at 0 and re-armed itself at 100, not yet due. */
    g_assert_cmpint(p.runs, ==, 1);
    g_assert_true(timer_pending(p.timer));
    g_assert_cmpint(timer_expire_ns(p.timer), ==, 100);

    src.now += 250;         /* clock 250: runs at 100, re-arms at 200 which
                               is already due, runs again, stops at 3 */
    g_assert_true(timer_clock_run_expired(p.clock));
    g_assert_cmpint(p.runs, ==, 3);
    g_assert_cmpint(p.seen[1], ==, 250);
    g_assert_false(timer_pending(p.timer));
    timer_free(p.timer);
    timer_clock_free(p.clock);
}

typedef struct Notified {
    int count;
} Notified;

static void notify_cb(void *opaque, TimerClock *c)
{
    ((Notified *)opaque)->count++;
}

static void test_notify_on_earlier_deadline(void)
{
    FakeSource src;
    TimerClock *c = fake_clock(&src);
    Notified n = { 0 };
    Log log = { g_string_new(NULL) };
    Tagged ta = { &log, 'a' }, tb = { &log, 'b' };
    Timer *a = timer_new_ns(c, log_cb, &ta);
    Timer *b = timer_new_ns(c, log_cb, &tb);

    timer_clock_set_notify(c, notify_cb, &n);
    timer_clock_start(c);               /* starting notifies */
    g_assert_cmpint(n.count, ==, 1);
    timer_mod_ns(a, 500);               /* first deadline: notify */
    g_assert_cmpint(n.count, ==, 2);
    timer_mod_ns(b, 900);               /* later than a: no notify */
    g_assert_cmpint(n.count, ==, 2);
    timer_mod_ns(b, 100);               /* moved before a: notify */
    g_assert_cmpint(n.count, ==, 3);
    timer_free(a);
    timer_free(b);
    timer_clock_free(c);
    g_string_free(log.order, TRUE);
}

typedef struct ThreadArg {
    TimerClock *clock;
    Timer *timers[16];
} ThreadArg;

static void count_cb(void *opaque)
{
    g_atomic_int_inc((gint *)opaque);
}

static gpointer arm_thread(gpointer opaque)
{
    ThreadArg *arg = opaque;

    for (int round = 0; round < 200; round++) {
        for (int i = 0; i < 16; i++) {
            timer_mod_ns(arg->timers[i], (round * 7 + i * 13) % 97);
        }
    }
    return NULL;
}

static void test_threads(void)
{
    FakeSource src;
    TimerClock *c = fake_clock(&src);
    ThreadArg args[2];
    GThread *th[2];
    gint fired = 0;

    for (int t = 0; t < 2; t++) {
        args[t].clock = c;
        for (int i = 0; i < 16; i++) {
            args[t].timers[i] = timer_new_ns(c, count_cb, &fired);
        }
    }
    timer_clock_start(c);
    for (int t = 0; t < 2; t++) {
        th[t] = g_thread_new("arm", arm_thread, &args[t]);
    }
    for (int t = 0; t < 2; t++) {
        g_thread_join(th[t]);
    }
    /* Every one of the 32 timers ends armed at some time < 97. */
    src.now += 97;
    timer_clock_run_expired(c);
    g_assert_cmpint(fired, ==, 32);
    for (int t = 0; t < 2; t++) {
        for (int i = 0; i < 16; i++) {
            timer_free(args[t].timers[i]);
        }
    }
    timer_clock_free(c);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/timer/virtual/frozen", test_virtual_frozen_when_stopped);
    g_test_add_func("/timer/virtual/real-source", test_virtual_real_source);
    g_test_add_func("/timer/expiry-order", test_expiry_order);
    g_test_add_func("/timer/stopped", test_stopped_clock_runs_nothing);
    g_test_add_func("/timer/deadline", test_deadline);
    g_test_add_func("/timer/rearm-from-callback", test_rearm_from_callback);
    g_test_add_func("/timer/notify", test_notify_on_earlier_deadline);
    g_test_add_func("/timer/threads", test_threads);
    return g_test_run();
}
