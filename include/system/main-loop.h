/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The main loop: the host's event loop, one per process.
 *
 * It is GLib's default GMainContext, iterated by main_loop_run() in the
 * thread that called main() (the "main thread").  It dispatches, in that
 * thread:
 *  - the expiries of every TimerClock registered with it (each machine
 *    registers its virtual clock; the host clock is always registered),
 *    waking up early when a timer is moved earlier from another thread;
 *  - file-descriptor handlers (chardev input, sockets accepting clients);
 *  - SIGINT and SIGTERM (after main_loop_install_signals()), which request
 *    a quit with exit status 0;
 *  - quit requests from any thread (main_loop_request_quit()).
 * Being one per process is not machine state: two machines in one process
 * share the host's event loop the way they share its file descriptors,
 * and each keeps its own clock, chardevs and devices.
 *
 * Design: docs/devel/system.md ("Main loop").
 */
#ifndef SYSTEM_MAIN_LOOP_H
#define SYSTEM_MAIN_LOOP_H

#include "hemu/osdep.h"
#include "util/timer.h"

/*
 * Set up the loop (idempotent).  Called by main() before anything else
 * registers with it, and by tests that iterate it.
 */
void main_loop_init(void);
/* The GMainContext fd handlers attach to (GLib's default context). */
GMainContext *main_loop_context(void);
/* Quit on SIGINT and SIGTERM with exit status 0. */
void main_loop_install_signals(void);

/* Run @c's expired timers from the loop; @c must outlive the registration. */
void main_loop_add_clock(TimerClock *c);
/* Stop running @c's timers (before the clock is freed); no-op if absent. */
void main_loop_remove_clock(TimerClock *c);

/*
 * Ask main_loop_run() to return @exit_code.  Safe from any thread and from
 * callbacks; the first request wins.
 */
void main_loop_request_quit(int exit_code);
/* True once a quit was requested (and not yet consumed by a new run). */
bool main_loop_quit_requested(void);

/* The exit code x-exit-preconfig ends the preconfig phase's loop with
   (never an exit status: those are 0..255). */
#define MAIN_LOOP_PRECONFIG_DONE (-1)

/*
 * Dispatch events until a quit is requested; return its exit code and
 * clear the request, so the loop can run again (tests do).
 */
int main_loop_run(void);
/*
 * One iteration: dispatch what is ready, waiting for something when
 * @blocking.  Returns true if anything was dispatched.  For tests and for
 * code that waits for one event (a socket server with wait=on).
 */
bool main_loop_iterate(bool blocking);

#endif
