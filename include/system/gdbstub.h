/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The gdbstub: GDB Remote Serial Protocol servers, one per CPU cluster,
 * for one machine (`-gdb tcp::1234`, `-gdb tcp::1235,cluster=dsp`, `-s`).
 *
 * Each server listens on a socket chardev (at /chardevs/gdbN of the
 * run's root) and shows its cluster as one inferior whose threads are
 * the cluster's vCPUs (thread ids 1..N, cpu[0] is 1).  All servers of a
 * machine share one all-stop state: when a vCPU of any cluster hits a
 * breakpoint or a watchpoint or ends a single step, or a client
 * interrupts (^C) or connects, the whole machine pauses (every vCPU of
 * every cluster, and the virtual clock), and every client waiting for its
 * inferior gets a stop reply.  The machine runs again once every
 * connected client has resumed (c, s, vCont) or detached.
 *
 * Threads: everything here runs in the main loop; vCPU threads only hand
 * their stop over (through exec/cpu-debug.h's hook).
 * User documentation: docs/user/gdb.md; protocol: GDB manual, "Remote
 * Protocol".
 */
#ifndef SYSTEM_GDBSTUB_H
#define SYSTEM_GDBSTUB_H

#include "hemu/osdep.h"
#include "hw/boards.h"
#include "util/error.h"

/* The port -s listens on (QEMU's). */
#define GDBSTUB_DEFAULT_SPEC "tcp::1234"

typedef struct GdbStub GdbStub;

/*
 * Check the syntax of a -gdb argument: tcp:[HOST]:PORT or unix:PATH,
 * optionally followed by ",cluster=ID".  Errors name the argument and
 * list the accepted forms.  (Whether the cluster exists is checked by
 * gdbstub_add_server.)
 */
bool gdbstub_check_spec(const char *spec, Error **errp);

/* The gdbstub of machine @ms, whose chardevs go under @root; no server. */
GdbStub *gdbstub_new(Object *root, MachineState *ms);

/*
 * Start a server as @spec says (see gdbstub_check_spec): for the cluster
 * ID under the machine, else for the first cluster in tree order.  Fails
 * when the cluster is unknown or already served, or the socket cannot
 * listen.  Call before the main loop runs.
 */
bool gdbstub_add_server(GdbStub *g, const char *spec, Error **errp);

/*
 * Close every server and forget the machine's breakpoints; only when the
 * vCPUs are stopped (after cpus_stop).  NULL is accepted.
 */
void gdbstub_free(GdbStub *g);

#endif
