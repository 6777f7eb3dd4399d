/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Running the vCPUs of a machine: `-accel tcg,backend=jit|interp,
 * thread=multi|single,quantum=N` and `-icount shift=N`, and the one API
 * machines use to start and stop all vCPUs of all clusters.
 *
 * Multi-threaded (default): one host thread per vCPU; a halted vCPU
 * sleeps on its condition variable until an interrupt.  Single: one
 * thread runs every vCPU of every cluster round-robin, `quantum`
 * instructions each.  With icount the machine's virtual clock is driven
 * by the executed instruction count (2^shift ns per instruction), and
 * the single-threaded schedule (which icount requires) makes runs
 * deterministic; when every vCPU sleeps, the clock jumps to the next
 * timer deadline.
 * See docs/devel/accel.md ("Threads and time").
 */
#ifndef EXEC_CPUS_H
#define EXEC_CPUS_H

#include "hemu/osdep.h"
#include "qom/object.h"
#include "tcg/tcg.h"
#include "util/timer.h"

#define TYPE_ACCEL_TCG "accel-tcg"
/* Default instructions per vCPU turn in single-threaded mode. */
#define ACCEL_DEFAULT_QUANTUM 4096

typedef struct AccelConfig {
    TCGBackendKind backend;     /* for clusters that chose none */
    bool single_thread;         /* thread=single */
    uint32_t quantum;           /* insns per turn, 1..2^30 */
    int icount_shift;           /* -1: off; 0..10: ns per insn = 2^shift */
    bool start_paused;          /* cpus_start leaves them paused (-S):
                                   cpus_resume runs them */
    TimerClock *clock;          /* virtual clock icount drives; NULL: the
                                   machine's, if @machine is a machine.
                                   cpus_start starts it, cpus_stop stops
                                   it */
} AccelConfig;

/* The defaults: JIT where available, multi-threaded, no icount. */
void accel_config_init(AccelConfig *cfg);

/*
 * Parse `-accel` options after "tcg" ("backend=jit,thread=single,
 * quantum=100") into @cfg; errors name the option and accepted values.
 */
bool accel_config_parse(AccelConfig *cfg, const char *opts, Error **errp);
/* Parse `-icount shift=N` (or "N"); implies thread=single. */
bool accel_config_parse_icount(AccelConfig *cfg, const char *opts,
                               Error **errp);

/*
 * Start every vCPU of every cluster under @machine (the QOM subtree)
 * with @cfg (copied).  Creates /machine/accel holding the run state.
 */
bool cpus_start(Object *machine, const AccelConfig *cfg, Error **errp);
/*
 * Pause every vCPU of @machine (each finishes its current TB; their
 * threads end) keeping the run state, and resume them with the same
 * configuration.  QMP stop/cont use them; no-ops when not running or
 * already in that state.  Main thread only.
 */
void cpus_pause(Object *machine);
void cpus_resume(Object *machine);
/* Stop all vCPUs (they finish their current TB) and join the threads. */
void cpus_stop(Object *machine);
/*
 * Wait until every vCPU has stopped by itself (halted with no interrupt
 * source left is not stopped: use cpus_stop) or cpus_stop was called.
 * Returns when all threads ended.
 */
void cpus_wait_shutdown(Object *machine);
/* Ask all vCPUs of @machine to stop from any thread (a guest poweroff). */
void cpus_request_shutdown(Object *machine);

#endif
