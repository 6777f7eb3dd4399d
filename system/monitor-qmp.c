/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Monitors: the QOM type "monitor-qmp", which speaks QMP on one chardev
 * (include/qapi/qmp.h) or, with mode=readline, the human monitor
 * (system/hmp.c: a "(hemu)" prompt, one command per line), and the
 * broadcast of events (to QMP clients only).
 *
 * Each monitor keeps one QmpSession, reset when a client connects (the
 * greeting is sent then) so a client that disconnects and another that
 * connects each start with negotiation.  Input is split into JSON values
 * by a small scanner that tracks brackets and strings, so requests may
 * arrive in pieces or several at once; a value that does not parse, an
 * unbalanced bracket or more than QMP_INPUT_MAX bytes pending gets an
 * error reply and the scanner starts over.  Everything runs in the main
 * loop.  Protocol: docs/user/qmp.md.
 */
#include "qapi/qmp.h"

#include "qapi/qapi-events.h"
#include "system/chardev.h"
#include "system/hmp.h"
#include "system/main-loop.h"

/* The longest pending request, in bytes; more is an error. */
#define QMP_INPUT_MAX (1024 * 1024)

OBJECT_DECLARE_SIMPLE_TYPE(MonitorQmp, MONITOR_QMP)

/* "mode": what the monitor speaks. */
enum { MONITOR_MODE_CONTROL, MONITOR_MODE_READLINE };
static const char *const monitor_mode_names[] = { "control", "readline",
                                                  NULL };

struct MonitorQmp {
    Object parent_obj;
    char *chardev_id;           /* property "chardev": an existing chardev */
    char *spec;                 /* property "spec": a chardev to create */
    bool pretty;                /* property "pretty": indented replies;
                                   may change while running (qom-set) */
    int mode;                   /* property "mode": MONITOR_MODE_* */
    Chardev *chr;               /* after realize; a reference is held */
    QmpSession session;
    GString *in;                /* bytes of the value being scanned */
    int depth;                  /* open brackets in @in */
    bool in_string;             /* inside a JSON string */
    bool escape;                /* after a backslash inside a string */
    bool scalar;                /* a top-level non-container value began */
};

static void monitor_send(MonitorQmp *mon, json_t *msg)
{
    g_autofree char *text = json_dumps(msg, JSON_ENCODE_ANY |
                                       (mon->pretty ? JSON_INDENT(4) : 0));
    g_autofree char *line = NULL;

    if (!text) {
        return;
    }
    line = g_strconcat(text, "\r\n", NULL);
    chardev_write(mon->chr, (const uint8_t *)line, strlen(line));
}

static void monitor_scan_reset(MonitorQmp *mon)
{
    g_string_truncate(mon->in, 0);
    mon->depth = 0;
    mon->in_string = mon->escape = mon->scalar = false;
}

/* Parse and answer one complete value; then the optional quit. */
static void monitor_handle(MonitorQmp *mon)
{
    json_error_t jerr;
    json_t *req, *reply;

    req = json_loadb(mon->in->str, mon->in->len,
                     JSON_DECODE_ANY | JSON_REJECT_DUPLICATES, &jerr);
    monitor_scan_reset(mon);
    if (!req) {
        g_autofree char *desc = g_strdup_printf("JSON parse error: %s",
                                                jerr.text);

        reply = qmp_error_reply(ERROR_CLASS_GENERIC_ERROR, desc, NULL);
    } else {
        mon->session.preconfig = qmp_machine_in_preconfig(mon->session.root);
        reply = qmp_dispatch(&mon->session, req);
        json_decref(req);
    }
    monitor_send(mon, reply);
    json_decref(reply);
    if (mon->session.quit_after_reply) {
        mon->session.quit_after_reply = false;
        qapi_event_send_shutdown(mon->session.root, false, "host-qmp-quit");
        main_loop_request_quit(0);
    }
}

static void monitor_scan_error(MonitorQmp *mon, const char *desc)
{
    json_t *reply = qmp_error_reply(ERROR_CLASS_GENERIC_ERROR, desc, NULL);

    monitor_scan_reset(mon);
    monitor_send(mon, reply);
    json_decref(reply);
}

/* Feed one byte; returns true when a value is complete in mon->in. */
static bool monitor_scan_byte(MonitorQmp *mon, char c)
{
    bool space = c == ' ' || c == '\t' || c == '\r' || c == '\n';

    if (mon->in_string) {
        g_string_append_c(mon->in, c);
        if (mon->escape) {
            mon->escape = false;
        } else if (c == '\\') {
            mon->escape = true;
        } else if (c == '"') {
            mon->in_string = false;
            return mon->depth == 0;
        }
        return false;
    }
    if (space) {
        if (mon->depth == 0 && mon->scalar) {
            return true;
        }
        if (mon->in->len) {
            g_string_append_c(mon->in, c);
        }
        return false;
    }
    g_string_append_c(mon->in, c);
    if (c == '"') {
        mon->in_string = true;
    } else if (c == '{' || c == '[') {
        mon->depth++;
    } else if (c == '}' || c == ']') {
        if (mon->depth == 0) {
            monitor_scan_error(mon, "JSON parse error: unbalanced '}' or "
                               "']'");
            return false;
        }
        return --mon->depth == 0;
    } else if (mon->depth == 0) {
        mon->scalar = true;
    }
    return false;
}

static int monitor_can_read(void *opaque)
{
    return 4096;
}

/* Human monitor: send text, turning "\n" into "\r\n" for terminals. */
static void monitor_puts(MonitorQmp *mon, const char *text)
{
    g_autoptr(GString) t = g_string_new(NULL);

    for (const char *p = text; *p; p++) {
        if (*p == '\n') {
            g_string_append_c(t, '\r');
        }
        g_string_append_c(t, *p);
    }
    chardev_write(mon->chr, (const uint8_t *)t->str, (int)t->len);
}

/* Human monitor: one complete line in mon->in. */
static void monitor_hmp_line(MonitorQmp *mon)
{
    g_autoptr(GString) out = g_string_new(NULL);
    Error *err = NULL;

    if (!hmp_execute(&mon->session, mon->in->str, out, &err)) {
        g_string_append_printf(out, "%s\n", error_get_pretty(err));
        error_free(err);
    }
    g_string_truncate(mon->in, 0);
    monitor_puts(mon, out->str);
    if (mon->session.quit_after_reply) {
        mon->session.quit_after_reply = false;
        qapi_event_send_shutdown(mon->session.root, false, "host-qmp-quit");
        main_loop_request_quit(0);
        return;
    }
    monitor_puts(mon, "(hemu) ");
}

static void monitor_hmp_read(MonitorQmp *mon, const uint8_t *buf, int len)
{
    for (int i = 0; i < len; i++) {
        if (buf[i] == '\n' || buf[i] == '\r') {
            if (buf[i] == '\n' || mon->in->len) {
                monitor_hmp_line(mon);
            }
        } else if (mon->in->len < 4096) {
            g_string_append_c(mon->in, (char)buf[i]);
        }
    }
}

static void monitor_read(void *opaque, const uint8_t *buf, int len)
{
    MonitorQmp *mon = opaque;

    if (mon->mode == MONITOR_MODE_READLINE) {
        monitor_hmp_read(mon, buf, len);
        return;
    }
    for (int i = 0; i < len; i++) {
        if (monitor_scan_byte(mon, (char)buf[i])) {
            monitor_handle(mon);
        } else if (mon->in->len > QMP_INPUT_MAX) {
            monitor_scan_error(mon, "QMP input too large (more than 1 MiB "
                               "in one request)");
        }
    }
}

static void monitor_event(void *opaque, ChardevEvent event)
{
    MonitorQmp *mon = opaque;

    monitor_scan_reset(mon);
    mon->session.negotiated = false;
    mon->session.quit_after_reply = false;
    if (event == CHARDEV_EVENT_OPENED &&
        mon->mode == MONITOR_MODE_READLINE) {
        monitor_puts(mon, "hemu " HEMU_VERSION " monitor - type 'help' for "
                     "more information\n(hemu) ");
    } else if (event == CHARDEV_EVENT_OPENED) {
        json_t *greeting = qmp_greeting();

        monitor_send(mon, greeting);
        json_decref(greeting);
    }
}

static bool monitor_qmp_realize(Object *obj, Error **errp)
{
    MonitorQmp *mon = MONITOR_QMP(obj);
    Object *root = object_get_root(obj);
    const char *id = object_get_name(obj);
    Chardev *chr = NULL;

    if (!!mon->chardev_id == !!mon->spec) {
        error_setg(errp, "monitor '%s': give exactly one of chardev=ID and "
                   "spec=SPEC", id ? id : "?");
        return false;
    }
    if (mon->chardev_id) {
        chr = chardev_find(root, mon->chardev_id);
        if (!chr) {
            error_setg(errp, "monitor '%s': no chardev with id '%s' (define "
                       "it first with -chardev BACKEND,id=ID)", id,
                       mon->chardev_id);
            return false;
        }
    } else if (!chardev_new_serial(root, mon->spec, id, &chr, errp)) {
        error_prepend(errp, "%s %s: ", mon->mode == MONITOR_MODE_READLINE ?
                      "-monitor" : "-qmp", mon->spec);
        return false;
    } else if (!chr) {
        error_setg(errp, "%s %s: a monitor needs a chardev (none is not "
                   "accepted)", mon->mode == MONITOR_MODE_READLINE ?
                   "-monitor" : "-qmp", mon->spec);
        return false;
    }
    mon->chr = chr;
    object_ref(OBJECT(chr));
    mon->session.root = root;
    chardev_set_handlers(chr, monitor_can_read, monitor_read, monitor_event,
                         mon);
    return true;
}

static void monitor_qmp_unrealize(Object *obj)
{
    MonitorQmp *mon = MONITOR_QMP(obj);

    if (mon->chr) {
        chardev_set_handlers(mon->chr, NULL, NULL, NULL, NULL);
        object_unref(OBJECT(mon->chr));
        mon->chr = NULL;
    }
}

static void monitor_qmp_init(Object *obj)
{
    MONITOR_QMP(obj)->in = g_string_new(NULL);
}

static void monitor_qmp_finalize(Object *obj)
{
    MonitorQmp *mon = MONITOR_QMP(obj);

    monitor_qmp_unrealize(obj);
    g_string_free(mon->in, true);
}

static const PropDef monitor_qmp_props[] = {
    DEFINE_PROP_STRING("chardev", MonitorQmp, chardev_id,
                       "id of the chardev the monitor talks on"),
    DEFINE_PROP_STRING("spec", MonitorQmp, spec,
                       "-qmp spec: unix:PATH,... or tcp:HOST:PORT,..."),
    { .name = "pretty", .kind = PROP_KIND_BOOL, .type_name = "bool",
      .offset = offsetof(MonitorQmp, pretty), .size = sizeof(bool),
      .description = "indent replies and events over several lines",
      .flags = PROP_F_CONFIG | PROP_F_RUNTIME, .has_default = true,
      .def_u = false },
    DEFINE_PROP_ENUM("mode", MonitorQmp, mode, MONITOR_MODE_CONTROL,
                     "MonitorMode", monitor_mode_names,
                     "control: QMP (JSON); readline: the human monitor"),
    PROP_END
};

static void monitor_qmp_class_init(ObjectClass *oc, const void *data)
{
    oc->realize = monitor_qmp_realize;
    oc->unrealize = monitor_qmp_unrealize;
    object_class_add_field_props(oc, monitor_qmp_props);
}

static const TypeInfo monitor_qmp_types[] = {
    {
        .name = TYPE_MONITOR_QMP,
        .parent = TYPE_OBJECT,
        .description = "QMP or human monitor on a chardev (-qmp, -mon, "
                       "-monitor)",
        .instance_size = sizeof(MonitorQmp),
        .instance_init = monitor_qmp_init,
        .instance_finalize = monitor_qmp_finalize,
        .class_init = monitor_qmp_class_init,
    },
};

DEFINE_TYPES(monitor_qmp_types)

/* ---------------------------------------------------------------------- */
/* Events                                                                 */

typedef struct MonitorBroadcast {
    json_t *msg;
} MonitorBroadcast;

static int monitor_broadcast_one(Object *obj, void *opaque)
{
    MonitorBroadcast *b = opaque;
    MonitorQmp *mon = (MonitorQmp *)object_dynamic_cast(obj,
                                                        TYPE_MONITOR_QMP);

    if (mon && mon->chr && mon->session.negotiated) {
        monitor_send(mon, b->msg);
    }
    return 0;
}

void qmp_event_broadcast(Object *root, const char *name, json_t *data)
{
    gint64 now = g_get_real_time();
    MonitorBroadcast b;

    b.msg = json_pack("{s:s, s:{s:I, s:I}}", "event", name, "timestamp",
                      "seconds", (json_int_t)(now / G_USEC_PER_SEC),
                      "microseconds", (json_int_t)(now % G_USEC_PER_SEC));
    if (data && json_object_size(data)) {
        json_object_set(b.msg, "data", data);
    }
    json_decref(data);
    object_child_foreach_recursive(root, monitor_broadcast_one, &b);
    json_decref(b.msg);
}

/* ---------------------------------------------------------------------- */
/* Command-line helpers                                                   */

/* @text with ',' doubled, as keyval needs inside a value. */
static char *monitor_escape_commas(const char *text)
{
    GString *s = g_string_new(NULL);

    for (const char *p = text; *p; p++) {
        g_string_append_c(s, *p);
        if (*p == ',') {
            g_string_append_c(s, ',');
        }
    }
    return g_string_free(s, false);
}

char *monitor_qmp_object_arg(const char *id, const char *spec)
{
    g_autofree char *esc = monitor_escape_commas(spec);

    return g_strdup_printf(TYPE_MONITOR_QMP ",id=%s,spec=%s", id, esc);
}

char *monitor_mon_object_arg(const char *id, const char *arg, Error **errp)
{
    g_autoptr(Keyval) kv = keyval_parse(arg, "chardev", "-mon", NULL, errp);
    const char *chardev, *mode;

    if (!kv) {
        return NULL;
    }
    for (size_t i = 0; i < keyval_count(kv); i++) {
        const char *key = keyval_key(kv, i);

        if (strcmp(key, "chardev") && strcmp(key, "mode") &&
            strcmp(key, "pretty")) {
            error_setg(errp, "-mon: unknown parameter '%s' (accepted: "
                       "chardev, mode, pretty)", key);
            return NULL;
        }
    }
    chardev = keyval_get(kv, "chardev");
    mode = keyval_get(kv, "mode");
    if (!chardev || !*chardev) {
        error_setg(errp, "-mon: missing chardev=ID (the -chardev to use)");
        return NULL;
    }
    if (mode && strcmp(mode, "control") && strcmp(mode, "readline")) {
        error_setg(errp, "-mon: unknown mode '%s' (accepted: control, "
                   "readline)", mode);
        return NULL;
    }
    return g_strdup_printf(TYPE_MONITOR_QMP ",id=%s,chardev=%s,pretty=%s,"
                           "mode=%s", id, chardev,
                           keyval_get(kv, "pretty") ?: "off",
                           mode ? mode : "control");
}
