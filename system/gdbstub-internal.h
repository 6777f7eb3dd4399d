/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Private to the gdbstub (system/gdbstub.c: servers, framing and run
 * control; system/gdbstub-packets.c: what each packet does).
 *
 * Invariants: a server is "running" while its client resumed and waits
 * for a stop reply; the machine runs only when every connected server is
 * running.  stop_cpu is the first vCPU that stopped for the debugger
 * since the machine last resumed (written by vCPU threads under @lock).
 */
#ifndef SYSTEM_GDBSTUB_INTERNAL_H
#define SYSTEM_GDBSTUB_INTERNAL_H

#include "system/gdbstub.h"
#include "exec/cpu.h"
#include "system/chardev.h"

/* Largest packet we accept or send, in bytes of payload (qSupported). */
#define GDB_MAX_PACKET 4096

/* Errors in replies: errno values, as gdbserver uses them. */
#define GDB_EFAULT "E14"
#define GDB_EINVAL "E22"

typedef enum GdbRxState {
    GDB_RX_IDLE,                /* between packets */
    GDB_RX_DATA,                /* after '$' */
    GDB_RX_CSUM1,               /* after '#' */
    GDB_RX_CSUM2,               /* after the first checksum digit */
} GdbRxState;

typedef struct GdbServer {
    GdbStub *stub;
    CPUCluster *cl;             /* the inferior; its vCPUs are threads */
    Chardev *chr;               /* socket server chardev */
    bool connected;             /* a client is there */
    bool running;               /* client resumed, waits for a stop */
    unsigned g_cpu;             /* cpu index for g/G/p/P/m/M (Hg) */
    int c_cpu;                  /* cpu index for c/s (Hc); -1: all */
    unsigned stop_cpu;          /* cpu index of the last stop reply */
    GdbRxState rx;
    GString *pkt;               /* payload being received */
    uint8_t sum;                /* running checksum of @pkt */
    uint8_t rx_csum;            /* checksum digits received */
    bool overflow;              /* @pkt exceeded GDB_MAX_PACKET */
    GString *last;              /* last frame sent, for a '-' resend */
} GdbServer;

struct GdbStub {
    Object *root;               /* the run's root (chardevs) */
    MachineState *ms;
    GPtrArray *servers;         /* GdbServer *, owned */
    GMutex lock;                /* protects stop_cpu and stop_source */
    CPUState *stop_cpu;         /* see above; NULL: none */
    GSource *stop_source;       /* pending hand-over to the main loop */
};

/* gdbstub.c */
/* Send one packet with payload @data (escaped as needed). */
void gdb_send_packet(GdbServer *s, const char *data, size_t len);
void gdb_reply(GdbServer *s, const char *text);
/* Pause the machine (no-op when paused); the vCPUs stop stepping. */
void gdb_machine_stop(GdbStub *g);
/* Mark @s resumed, and run the machine if every client has. */
void gdb_resume(GdbServer *s);
/* Forget @s's breakpoints and steps, and stop waiting for its client. */
void gdb_detach(GdbServer *s);
/* "T05thread:N;" for @cpu_index with signal @sig, as a reply. */
void gdb_send_stop_reply(GdbServer *s, int sig, unsigned cpu_index);

/* gdbstub-packets.c */
/* Act on one received packet (NUL-terminated @p). */
void gdb_handle_packet(GdbServer *s, const char *p);

#endif
