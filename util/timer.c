/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Clocks and timers (include/util/timer.h).
 *
 * A clock's value is source() + offset while running and a frozen value
 * while stopped; start and stop move between the two so the value never
 * jumps.  Armed timers form a singly linked list sorted by expiry (ties in
 * arming order) under the clock's mutex; the list head is the deadline.
 * Callbacks run with the mutex released, so they may arm and delete timers.
 */
#include "util/timer.h"

#include <time.h>

struct Timer {
    TimerClock *clock;          /* never changes */
    TimerCallback *cb;
    void *opaque;
    int64_t expire;             /* in the clock's ns; -1 when not armed */
    bool pending;               /* on the clock's list */
    Timer *next;                /* next armed timer, later or equal expiry */
};

struct TimerClock {
    char *name;
    GMutex lock;                /* protects every field below */
    TimerClockSource *source;   /* NULL: host monotonic time */
    void *source_opaque;
    bool running;
    bool is_host;               /* the process-wide clock: never freed */
    int64_t offset;             /* running: value = source + offset, ns */
    int64_t frozen;             /* stopped: the value, ns */
    Timer *armed;               /* sorted by expiry; NULL when none */
    unsigned ntimers;           /* timers allocated on this clock */
    TimerClockNotify *notify;
    void *notify_opaque;
};

int64_t timer_host_now_ns(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * NANOSECONDS_PER_SECOND + ts.tv_nsec;
}

static int64_t clock_raw_locked(TimerClock *c)
{
    return c->source ? c->source(c->source_opaque) : timer_host_now_ns();
}

static int64_t clock_now_locked(TimerClock *c)
{
    return c->running ? clock_raw_locked(c) + c->offset : c->frozen;
}

static TimerClock *clock_alloc(const char *name)
{
    TimerClock *c = g_new0(TimerClock, 1);

    c->name = g_strdup(name);
    g_mutex_init(&c->lock);
    return c;
}

TimerClock *timer_clock_new_virtual(const char *name)
{
    return clock_alloc(name);
}

TimerClock *timer_clock_host(void)
{
    static gsize once;
    static TimerClock *host;

    if (g_once_init_enter(&once)) {
        TimerClock *c = clock_alloc("host");

        c->is_host = true;
        c->running = true;
        c->offset = 0;
        host = c;
        g_once_init_leave(&once, 1);
    }
    return host;
}

void timer_clock_set_source(TimerClock *c, TimerClockSource *now,
                            void *opaque)
{
    int64_t cur;

    g_mutex_lock(&c->lock);
    cur = clock_now_locked(c);
    c->source = now;
    c->source_opaque = opaque;
    if (c->running) {
        c->offset = cur - clock_raw_locked(c);
    }
    g_mutex_unlock(&c->lock);
}

void timer_clock_set_notify(TimerClock *c, TimerClockNotify *fn,
                            void *opaque)
{
    g_mutex_lock(&c->lock);
    c->notify = fn;
    c->notify_opaque = opaque;
    g_mutex_unlock(&c->lock);
}

const char *timer_clock_get_name(TimerClock *c)
{
    return c->name;
}

int64_t timer_clock_get_ns(TimerClock *c)
{
    int64_t now;

    g_mutex_lock(&c->lock);
    now = clock_now_locked(c);
    g_mutex_unlock(&c->lock);
    return now;
}

/* Call the notifier, if any; the lock must not be held. */
static void clock_notify(TimerClock *c)
{
    TimerClockNotify *fn;
    void *opaque;

    g_mutex_lock(&c->lock);
    fn = c->notify;
    opaque = c->notify_opaque;
    g_mutex_unlock(&c->lock);
    if (fn) {
        fn(opaque, c);
    }
}

void timer_clock_start(TimerClock *c)
{
    bool changed = false;

    g_mutex_lock(&c->lock);
    if (!c->running) {
        c->offset = c->frozen - clock_raw_locked(c);
        c->running = true;
        changed = true;
    }
    g_mutex_unlock(&c->lock);
    if (changed) {
        clock_notify(c);
    }
}

void timer_clock_stop(TimerClock *c)
{
    assert(!c->is_host);
    g_mutex_lock(&c->lock);
    if (c->running) {
        c->frozen = clock_raw_locked(c) + c->offset;
        c->running = false;
    }
    g_mutex_unlock(&c->lock);
}

bool timer_clock_is_running(TimerClock *c)
{
    bool running;

    g_mutex_lock(&c->lock);
    running = c->running;
    g_mutex_unlock(&c->lock);
    return running;
}

void timer_clock_free(TimerClock *c)
{
    if (!c) {
        return;
    }
    assert(!c->is_host);
    assert(c->ntimers == 0 && !c->armed);
    g_mutex_clear(&c->lock);
    g_free(c->name);
    g_free(c);
}

int64_t timer_clock_deadline_ns(TimerClock *c)
{
    int64_t delta = -1;

    g_mutex_lock(&c->lock);
    if (c->running && c->armed) {
        delta = c->armed->expire - clock_now_locked(c);
        if (delta < 0) {
            delta = 0;
        }
    }
    g_mutex_unlock(&c->lock);
    return delta;
}

/* Unlink @t from its clock's list; the lock is held. */
static void timer_unlink_locked(Timer *t)
{
    Timer **pp;

    if (!t->pending) {
        return;
    }
    for (pp = &t->clock->armed; *pp; pp = &(*pp)->next) {
        if (*pp == t) {
            *pp = t->next;
            break;
        }
    }
    t->next = NULL;
    t->pending = false;
}

bool timer_clock_run_expired(TimerClock *c)
{
    bool ran = false;

    for (;;) {
        Timer *t;
        TimerCallback *cb;
        void *opaque;

        g_mutex_lock(&c->lock);
        t = c->armed;
        if (!c->running || !t || t->expire > clock_now_locked(c)) {
            g_mutex_unlock(&c->lock);
            return ran;
        }
        c->armed = t->next;
        t->next = NULL;
        t->pending = false;
        t->expire = -1;
        cb = t->cb;
        opaque = t->opaque;
        g_mutex_unlock(&c->lock);

        cb(opaque);
        ran = true;
    }
}

Timer *timer_new_ns(TimerClock *c, TimerCallback *cb, void *opaque)
{
    Timer *t = g_new0(Timer, 1);

    t->clock = c;
    t->cb = cb;
    t->opaque = opaque;
    t->expire = -1;
    g_mutex_lock(&c->lock);
    c->ntimers++;
    g_mutex_unlock(&c->lock);
    return t;
}

void timer_mod_ns(Timer *t, int64_t expire_ns)
{
    TimerClock *c = t->clock;
    Timer **pp;
    bool first;

    g_mutex_lock(&c->lock);
    timer_unlink_locked(t);
    t->expire = expire_ns;
    for (pp = &c->armed; *pp && (*pp)->expire <= expire_ns;
         pp = &(*pp)->next) {
        /* skip earlier and equal expiries: equal ones keep arming order */
    }
    t->next = *pp;
    *pp = t;
    t->pending = true;
    first = c->armed == t;
    g_mutex_unlock(&c->lock);
    if (first) {
        clock_notify(c);
    }
}

void timer_del(Timer *t)
{
    g_mutex_lock(&t->clock->lock);
    timer_unlink_locked(t);
    t->expire = -1;
    g_mutex_unlock(&t->clock->lock);
}

bool timer_pending(Timer *t)
{
    bool pending;

    g_mutex_lock(&t->clock->lock);
    pending = t->pending;
    g_mutex_unlock(&t->clock->lock);
    return pending;
}

int64_t timer_expire_ns(Timer *t)
{
    int64_t expire;

    g_mutex_lock(&t->clock->lock);
    expire = t->expire;
    g_mutex_unlock(&t->clock->lock);
    return expire;
}

void timer_free(Timer *t)
{
    TimerClock *c;

    if (!t) {
        return;
    }
    c = t->clock;
    g_mutex_lock(&c->lock);
    timer_unlink_locked(t);
    assert(c->ntimers > 0);
    c->ntimers--;
    g_mutex_unlock(&c->lock);
    g_free(t);
}
