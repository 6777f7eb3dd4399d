/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The QMP protocol engine: one session per connected client, the
 * dispatcher that turns a request object into a reply object, and the
 * broadcast of events to every monitor of a run.
 *
 * Wire protocol (QEMU's, so existing clients work; docs/user/qmp.md):
 * the server greets with {"QMP": {"version": ..., "capabilities": []}};
 * the client must first run qmp_capabilities (other commands get a
 * CommandNotFound error until then); then {"execute": NAME, "arguments":
 * {...}, "id": ANY} is answered by {"return": ..., "id": ANY} or
 * {"error": {"class": ..., "desc": ...}, "id": ANY}; events arrive as
 * {"event": NAME, "data": {...}, "timestamp": {"seconds", "microseconds"}}.
 *
 * A session belongs to one monitor and names the run's tree root, which
 * is how commands find /machine and /objects: there is no global machine.
 * The commands themselves are generated from the qapi/ schema files into
 * a table (qapi_commands[]) and implemented in system/qmp-cmds*.c.
 */
#ifndef QAPI_QMP_H
#define QAPI_QMP_H

#include "hemu/osdep.h"
#include "qapi/qapi-json.h"
#include "qom/object.h"
#include "util/error.h"

/* One client's protocol state; commands receive it. */
typedef struct QmpSession {
    Object *root;               /* the run's tree root (not referenced) */
    bool negotiated;            /* qmp_capabilities done: commands allowed */
    bool quit_after_reply;      /* quit ran: after its reply, SHUTDOWN and
                                   end the main loop with status 0 */
    unsigned hmp_cpu;           /* HMP's current vCPU (`cpu N`) */
    bool preconfig;             /* set by the monitor before each request:
                                   the machine is not built yet, only
                                   allow_preconfig commands run */
} QmpSession;

/*
 * True while the machine of @root exists but is not built (-preconfig);
 * system/qmp-cmds-build.c.
 */
bool qmp_machine_in_preconfig(Object *root);

/*
 * A generated marshaller: convert the argument object @args (never NULL)
 * to C, run the command and convert its result to *ret (a new reference).
 */
typedef bool QmpMarshalFn(json_t *args, json_t **ret, QmpSession *s,
                          Error **errp);

/* One entry of the generated dispatch table. */
typedef struct QmpCommand {
    const char *name;           /* "query-status" */
    QmpMarshalFn *fn;
    bool allow_preconfig;       /* runs before the machine is built */
} QmpCommand;

/*
 * The generated dispatch table (qapi-commands.c from the schema), in
 * schema order, qapi_commands_count entries.
 */
extern const QmpCommand qapi_commands[];
extern const size_t qapi_commands_count;

/* The command called @name, or NULL. */
const QmpCommand *qmp_find_command(const char *name);

/*
 * Answer one request (any parsed JSON value; a non-object is an error
 * reply).  Returns the reply object, a new reference.  Never fails: bad
 * input gets an error reply naming what is wrong.
 */
json_t *qmp_dispatch(QmpSession *s, json_t *request);

/* An error reply {"error": {"class", "desc"}} with @id echoed if set. */
json_t *qmp_error_reply(ErrorClass cls, const char *desc, json_t *id);

/* The greeting a monitor sends when a client connects. */
json_t *qmp_greeting(void);

/* hemu's version as numbers, parsed from HEMU_VERSION. */
void qmp_version(int64_t *major, int64_t *minor, int64_t *micro);

/*
 * Send event @name with @data (stolen; NULL or empty: no "data" member)
 * and a timestamp to every monitor in @root's tree whose client has
 * finished negotiation.  The generated qapi_event_send_*() call this.
 */
void qmp_event_broadcast(Object *root, const char *name, json_t *data);

/* ---- QMP monitors (system/monitor-qmp.c) ---- */

/*
 * A monitor speaking QMP on a chardev.  Properties: chardev=ID (an
 * existing chardev of the run) or spec=SPEC (a -serial style spec the
 * monitor creates a chardev for: unix:PATH,server=on,wait=off or
 * tcp:HOST:PORT,server=on,wait=off).  Exactly one of them.  pretty=on
 * indents what it sends (settable while running, with qom-set).
 */
#define TYPE_MONITOR_QMP "monitor-qmp"

/*
 * Turn "-qmp SPEC" into the -object argument that creates monitor @id
 * (commas in SPEC escaped for keyval).  g_free the result.
 */
char *monitor_qmp_object_arg(const char *id, const char *spec);
/*
 * Turn "-mon chardev=ID[,mode=control][,pretty=on]" into the -object
 * argument that creates monitor @id.  Errors name the option, the bad
 * key or mode and what is accepted.  g_free the result.
 */
char *monitor_mon_object_arg(const char *id, const char *arg, Error **errp);

#endif
