/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Character devices: byte streams between the guest's serial ports and the
 * host (stdio, files, sockets, ptys), as QOM objects.
 *
 * A chardev has one frontend (a UART model) and one backend type:
 *   chardev-null    discards output, never has input
 *   chardev-file    output to path=FILE (truncated, or append=on); input
 *                   from in=FILE if given
 *   chardev-stdio   the process's stdin/stdout; stdin in raw mode when it
 *                   is a terminal (restored when the chardev goes and at
 *                   exit); signal=off passes ^C to the guest
 *   chardev-socket  unix path=PATH or tcp host=HOST,port=PORT; server=on
 *                   listens and accepts one client at a time (a new one
 *                   after the previous hangs up); wait=on (default for
 *                   servers) blocks at realize until the first client
 *   chardev-pty     a new pseudo-terminal; prints "char device redirected
 *                   to /dev/pts/N (label ID)" on stderr
 * Chardevs live at /chardevs/<id> in the tree of one run (the root a
 * machine builder makes), so two machines in one process have their own.
 *
 * Threads: chardev_write() may be called from any thread (vCPU threads
 * write UART output); it never blocks longer than the backend's write
 * timeout and drops what it cannot deliver, counting it.  Input handlers
 * and events run in the main loop (system/main-loop.h).
 *
 * Layering note: the frontend API below needs only util/ and qom/, so
 * device models may use it once the layering table admits this header
 * for hw/ (see docs/devel/system.md).
 *
 * Spec: docs/user/cli.md (-chardev, -serial); design: docs/devel/system.md.
 */
#ifndef SYSTEM_CHARDEV_H
#define SYSTEM_CHARDEV_H

#include "hemu/osdep.h"
#include "qom/object.h"
#include "util/error.h"
#include "util/keyval.h"

#define TYPE_CHARDEV "chardev"
#define TYPE_CHARDEV_NULL "chardev-null"
#define TYPE_CHARDEV_FILE "chardev-file"
#define TYPE_CHARDEV_STDIO "chardev-stdio"
#define TYPE_CHARDEV_SOCKET "chardev-socket"
#define TYPE_CHARDEV_PTY "chardev-pty"

OBJECT_DECLARE_TYPE(Chardev, ChardevClass, CHARDEV)

typedef enum ChardevEvent {
    CHARDEV_EVENT_OPENED,       /* a peer is there (socket client came) */
    CHARDEV_EVENT_CLOSED,       /* the peer went away */
} ChardevEvent;

/* How many bytes the frontend can take now (0: none, input waits). */
typedef int ChardevCanReadHandler(void *opaque);
/* Bytes for the frontend; @len is at most what can_read returned. */
typedef void ChardevReadHandler(void *opaque, const uint8_t *buf, int len);
typedef void ChardevEventHandler(void *opaque, ChardevEvent event);
/*
 * An output tap: sees every byte the frontend writes, before the backend
 * (so also with the null backend or no peer).  Called from the writing
 * thread (often a vCPU thread) with the chardev's lock held: it must be
 * quick, thread-safe, and must not call back into this chardev.
 */
typedef void ChardevTapFunc(void *opaque, const uint8_t *buf, int len);

struct Chardev {
    Object parent_obj;
    GMutex lock;                /* serializes writes against fd changes */
    int out_fd;                 /* where writes go; -1: nowhere (dropped) */
    int in_fd;                  /* input; -1: none */
    bool out_is_socket;         /* use send(MSG_NOSIGNAL) on out_fd */
    bool discard;               /* null: output vanishes, not counted */
    int write_timeout_ms;       /* longest wait for a full peer, in ms */
    uint64_t dropped;           /* bytes the frontend wrote that were lost */
    GSource *in_source;         /* watches in_fd while a reader is set */
    ChardevCanReadHandler *can_read; /* frontend; NULL: none attached */
    ChardevReadHandler *read;
    ChardevEventHandler *event;
    void *fe_opaque;
    bool connected;             /* a peer is there (always, but sockets) */
    ChardevTapFunc *tap;        /* output observer; NULL: none (lock) */
    void *tap_opaque;
    bool mid_line;              /* the last byte written was not '\n' */
    GString *held;              /* chardev_write_line output waiting for
                                   the end of another writer's line */
    GSource *held_flush;        /* writes @held out after a while anyway;
                                   NULL: none pending */
};

struct ChardevClass {
    ObjectClass parent_class;
    /* Open the backend (from realize): set out_fd/in_fd, or fail. */
    bool (*open)(Chardev *chr, Error **errp);
    /* Close the backend (from unrealize and finalize); idempotent. */
    void (*close)(Chardev *chr);
    /* Input hit end of file or an error; default: stop reading. */
    void (*input_closed)(Chardev *chr);
};

/* ---- frontend API (device models) ---- */

/*
 * Write @len bytes of guest output.  Returns @len: every byte is either
 * delivered or, if there is no peer or it does not drain within the
 * backend's write timeout, dropped and counted (chardev_get_dropped()).
 * Never logs: losing output when nobody listens is not a guest error.
 */
int chardev_write(Chardev *chr, const uint8_t *buf, int len);
/* How long chardev_write_line output waits for another writer's newline. */
#define CHARDEV_LINE_WAIT_MS 50

/*
 * Write @len bytes holding whole lines, for a device that shares the
 * chardev with another (hetero-virt's DSP console beside the ARM
 * console): when the other writer is in the middle of a line, the lines
 * wait for its newline (at most CHARDEV_LINE_WAIT_MS, then they go out
 * anyway), so neither splits the other's lines.
 */
int chardev_write_line(Chardev *chr, const uint8_t *buf, int len);
/*
 * Attach the frontend's input and event handlers (NULL @read detaches).
 * Call from the main thread.  If a peer is already connected, @event
 * receives CHARDEV_EVENT_OPENED at once.
 */
void chardev_set_handlers(Chardev *chr, ChardevCanReadHandler *can_read,
                          ChardevReadHandler *read,
                          ChardevEventHandler *event, void *opaque);
/* Bytes dropped so far. */
uint64_t chardev_get_dropped(Chardev *chr);
/* The chardev's id (its name under /chardevs). */
const char *chardev_get_label(Chardev *chr);
/*
 * Install (or, with NULL @fn, remove) the output tap of @chr: one per
 * chardev, for observers such as the smoke-boot runner (system/smoke.h)
 * that watch guest output without changing the device model or backend.
 * After it returns, the previous tap is no longer running.
 */
void chardev_set_tap(Chardev *chr, ChardevTapFunc *fn, void *opaque);

/* ---- backend helpers (system/chardev-*.c) ---- */

/* Replace the fds used for I/O (-1 for none); the chardev does not close
   the old ones.  Restarts input watching when a reader is attached. */
void chardev_set_fds(Chardev *chr, int in_fd, int out_fd);
/* Deliver an event to the frontend and track connected. */
void chardev_send_event(Chardev *chr, ChardevEvent event);

/* ---- creation (CLI, machine files, tests) ---- */

/*
 * Create, configure and realize a chardev of backend @backend ("file" or
 * "chardev-file") at /chardevs/<id> of @root.  @props holds "id"
 * (required) and the backend's properties as user text; unknown keys are
 * errors naming the chardev and listing what is accepted.
 */
Chardev *chardev_new(Object *root, const char *backend, const Keyval *props,
                     Error **errp);
/*
 * Create the chardev a -serial SPEC asks for, with id @id: stdio, null,
 * file:PATH, pty, unix:PATH[,server=on,wait=off...],
 * tcp:HOST:PORT[,server=on,...], or chardev:ID (an existing chardev,
 * returned as is).  "none" gives *chr = NULL.  Returns false on error.
 */
bool chardev_new_serial(Object *root, const char *spec, const char *id,
                        Chardev **chr, Error **errp);
/* The chardev with id @id in @root's tree, or NULL. */
Chardev *chardev_find(Object *root, const char *id);
/* Print the backends ("-chardev help") to @out. */
void chardev_print_backends(FILE *out);

#endif
