/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The process's event loop (include/system/main-loop.h).
 *
 * Timer clocks are served by one custom GSource: its prepare hook returns
 * the earliest deadline over the registered clocks (rounded up to the
 * millisecond GLib polls with), its check hook says whether one has
 * passed, and dispatch runs the expired timers.  A clock's notifier wakes
 * the context so a timer armed earlier from a vCPU thread is not missed.
 * The state below is the loop's own, one per process by design (it is the
 * host's event loop, not a machine's); the mutex protects the clock list.
 */
#include "system/main-loop.h"
#include "system/memory.h"

#include <glib-unix.h>
#include <signal.h>

typedef struct MainLoopState {
    GMutex lock;                /* static, so no init; protects clocks,
                                   quit_requested and exit_code */
    GPtrArray *clocks;          /* of TimerClock *, registered */
    GSource *timer_source;      /* attached to the default context */
    bool quit_requested;
    int exit_code;              /* valid when quit_requested */
    bool signals_installed;
} MainLoopState;

static MainLoopState main_loop;

GMainContext *main_loop_context(void)
{
    return g_main_context_default();
}

/* Snapshot of the registered clocks; g_ptr_array_unref it. */
static GPtrArray *main_loop_clocks(void)
{
    GPtrArray *copy;

    g_mutex_lock(&main_loop.lock);
    copy = g_ptr_array_copy(main_loop.clocks, NULL, NULL);
    g_mutex_unlock(&main_loop.lock);
    return copy;
}

/* Earliest deadline over all clocks in ns; -1 when none. */
static int64_t main_loop_deadline_ns(void)
{
    g_autoptr(GPtrArray) clocks = main_loop_clocks();
    int64_t best = -1;

    for (guint i = 0; i < clocks->len; i++) {
        int64_t d = timer_clock_deadline_ns(g_ptr_array_index(clocks, i));

        if (d >= 0 && (best < 0 || d < best)) {
            best = d;
        }
    }
    return best;
}

static gboolean timer_source_prepare(GSource *source, gint *timeout)
{
    int64_t ns = main_loop_deadline_ns();

    if (ns < 0) {
        *timeout = -1;
    } else {
        int64_t ms = (ns + 999999) / 1000000;   /* never wake too early */

        *timeout = ms > INT_MAX ? INT_MAX : (gint)ms;
    }
    return ns == 0;
}

static gboolean timer_source_check(GSource *source)
{
    return main_loop_deadline_ns() == 0;
}

static gboolean timer_source_dispatch(GSource *source, GSourceFunc cb,
                                      gpointer data)
{
    g_autoptr(GPtrArray) clocks = main_loop_clocks();

    for (guint i = 0; i < clocks->len; i++) {
        timer_clock_run_expired(g_ptr_array_index(clocks, i));
    }
    return G_SOURCE_CONTINUE;
}

static GSourceFuncs timer_source_funcs = {
    .prepare = timer_source_prepare,
    .check = timer_source_check,
    .dispatch = timer_source_dispatch,
};

void main_loop_init(void)
{
    static gsize once;

    if (g_once_init_enter(&once)) {
        main_loop.clocks = g_ptr_array_new();
        main_loop.timer_source = g_source_new(&timer_source_funcs,
                                              sizeof(GSource));
        g_source_set_name(main_loop.timer_source, "hemu-timers");
        g_source_attach(main_loop.timer_source, main_loop_context());
        g_once_init_leave(&once, 1);
        main_loop_add_clock(timer_clock_host());
        /* devices run here (chardev input, timers) may read guest memory
           through RCU-protected flat views: the loop thread is a reader */
        memory_rcu_register_thread();
    }
}

static void main_loop_wake(void *opaque, TimerClock *c)
{
    g_main_context_wakeup(main_loop_context());
}

void main_loop_add_clock(TimerClock *c)
{
    main_loop_init();
    g_mutex_lock(&main_loop.lock);
    if (!g_ptr_array_find(main_loop.clocks, c, NULL)) {
        g_ptr_array_add(main_loop.clocks, c);
    }
    g_mutex_unlock(&main_loop.lock);
    timer_clock_set_notify(c, main_loop_wake, NULL);
    g_main_context_wakeup(main_loop_context());
}

void main_loop_remove_clock(TimerClock *c)
{
    bool found;

    main_loop_init();
    g_mutex_lock(&main_loop.lock);
    found = g_ptr_array_remove(main_loop.clocks, c);
    g_mutex_unlock(&main_loop.lock);
    if (found) {
        timer_clock_set_notify(c, NULL, NULL);
    }
}

void main_loop_request_quit(int exit_code)
{
    g_mutex_lock(&main_loop.lock);
    if (!main_loop.quit_requested) {
        main_loop.quit_requested = true;
        main_loop.exit_code = exit_code;
    }
    g_mutex_unlock(&main_loop.lock);
    g_main_context_wakeup(main_loop_context());
}

bool main_loop_quit_requested(void)
{
    bool q;

    g_mutex_lock(&main_loop.lock);
    q = main_loop.quit_requested;
    g_mutex_unlock(&main_loop.lock);
    return q;
}

static gboolean main_loop_on_signal(gpointer data)
{
    main_loop_request_quit(0);
    return G_SOURCE_CONTINUE;
}

void main_loop_install_signals(void)
{
    main_loop_init();
    if (main_loop.signals_installed) {
        return;
    }
    main_loop.signals_installed = true;
    g_unix_signal_add(SIGINT, main_loop_on_signal, NULL);
    g_unix_signal_add(SIGTERM, main_loop_on_signal, NULL);
}

bool main_loop_iterate(bool blocking)
{
    main_loop_init();
    return g_main_context_iteration(main_loop_context(), blocking);
}

int main_loop_run(void)
{
    int code;

    main_loop_init();
    while (!main_loop_quit_requested()) {
        g_main_context_iteration(main_loop_context(), TRUE);
    }
    g_mutex_lock(&main_loop.lock);
    code = main_loop.exit_code;
    main_loop.quit_requested = false;
    g_mutex_unlock(&main_loop.lock);
    return code;
}
