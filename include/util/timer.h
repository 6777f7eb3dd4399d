/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Clocks and timers: sources of nanoseconds, and callbacks that run when a
 * clock reaches a deadline.
 *
 * A TimerClock reads a "now" in nanoseconds.  Two kinds exist:
 *  - the host clock (timer_clock_host()), one per process, always running,
 *    monotonic host time (CLOCK_MONOTONIC): for things that must follow
 *    the wall, such as the run timeout or a chardev reconnect delay;
 *  - virtual clocks (timer_clock_new_virtual()), one per machine, owned by
 *    the MachineState: stopped when created, frozen while stopped, and
 *    continuing from where they stopped when started again.  Guest-visible
 *    time (device timers, the CPUs' generic timers) runs on it.
 * What a clock counts is pluggable (timer_clock_set_source()): by default
 * host monotonic nanoseconds, later an instruction counter for -icount.
 *
 * A Timer belongs to one clock and holds an absolute expiry in that
 * clock's nanoseconds.  Whoever runs the clock (the main loop, see
 * system/main-loop.h, or a vCPU thread in -icount mode) calls
 * timer_clock_run_expired(); callbacks run in that thread, in expiry
 * order, and may re-arm or delete timers, including their own.
 *
 * Thread safety: every function may be called from any thread (timers are
 * armed from vCPU threads).  A clock's list is protected by its own lock;
 * callbacks run without it.  timer_free() and timer_clock_free() must not
 * race with the thread that runs the clock's expiries.  Nothing here is
 * global except the host clock, which holds no machine state itself.
 *
 * Design: docs/devel/system.md ("Clocks and timers").
 */
#ifndef UTIL_TIMER_H
#define UTIL_TIMER_H

#include "hemu/osdep.h"

typedef struct TimerClock TimerClock;
typedef struct Timer Timer;

/* A timer's callback; runs in the thread that runs the clock. */
typedef void TimerCallback(void *opaque);
/* A clock source: the current count in ns, monotonic non-decreasing. */
typedef int64_t TimerClockSource(void *opaque);
/*
 * Called, without any clock lock held, when the clock's earliest deadline
 * moved earlier (a timer armed before all others) or the clock started:
 * whoever sleeps until the old deadline must wake up and look again.
 */
typedef void TimerClockNotify(void *opaque, TimerClock *clock);

#define NANOSECONDS_PER_SECOND 1000000000LL

/* Host monotonic time in ns (CLOCK_MONOTONIC). */
int64_t timer_host_now_ns(void);

/*
 * A new virtual clock named @name (for messages), stopped at 0 ns.  The
 * caller (a machine) owns it and frees it with timer_clock_free().
 */
TimerClock *timer_clock_new_virtual(const char *name);
/* The process-wide host clock: running, never freed. */
TimerClock *timer_clock_host(void);
/*
 * Replace what the clock counts.  @now(@opaque) must be monotonic.  The
 * clock's own value continues from where it is (no jump), and stopping
 * freezes it as before.  NULL @now restores host monotonic time.
 */
void timer_clock_set_source(TimerClock *c, TimerClockSource *now,
                            void *opaque);
/* Install the clock's one notifier (NULL to remove). */
void timer_clock_set_notify(TimerClock *c, TimerClockNotify *fn,
                            void *opaque);
const char *timer_clock_get_name(TimerClock *c);

/* The clock's current value in ns (frozen while stopped). */
int64_t timer_clock_get_ns(TimerClock *c);
/* Let the clock run on from its frozen value; no-op when running. */
void timer_clock_start(TimerClock *c);
/* Freeze the clock at its current value; no-op when stopped. */
void timer_clock_stop(TimerClock *c);
bool timer_clock_is_running(TimerClock *c);
/*
 * Free a virtual clock.  Its timers must have been freed already (an
 * armed or allocated timer left behind is a bug in the owner; asserted).
 * Freeing the host clock is a bug.
 */
void timer_clock_free(TimerClock *c);

/*
 * Nanoseconds from now until the earliest armed timer expires: 0 when one
 * has expired already, -1 when no timer is armed or the clock is stopped
 * (a frozen clock never reaches a deadline).
 */
int64_t timer_clock_deadline_ns(TimerClock *c);
/*
 * Run the callbacks of every timer whose expiry is <= the clock's value,
 * earliest first (equal expiries in arming order).  A timer re-armed by a
 * callback to a time that has already passed runs again in the same call.
 * Returns true if at least one callback ran.
 */
bool timer_clock_run_expired(TimerClock *c);

/* A new, unarmed timer on @c calling @cb(@opaque) at expiry. */
Timer *timer_new_ns(TimerClock *c, TimerCallback *cb, void *opaque);
/* Arm (or move) @t to expire when its clock reaches @expire_ns. */
void timer_mod_ns(Timer *t, int64_t expire_ns);
/* Disarm @t; no-op if not armed. */
void timer_del(Timer *t);
/* True while @t is armed and has not run. */
bool timer_pending(Timer *t);
/* The expiry @t was last armed with; -1 when it is not armed. */
int64_t timer_expire_ns(Timer *t);
/* Disarm and free @t; NULL-safe. */
void timer_free(Timer *t);

#endif
