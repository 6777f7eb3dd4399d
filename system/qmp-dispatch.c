/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The QMP dispatcher (include/qapi/qmp.h): checks a request's shape,
 * enforces capabilities negotiation, finds the command in the generated
 * table and turns its result or error into a reply object.
 *
 * Invariants: every request gets exactly one reply; the request's "id",
 * whatever JSON value it is, is echoed unchanged; errors carry a class
 * from util/error.h's ErrorClass.  Protocol: docs/user/qmp.md.
 */
#include "qapi/qmp.h"

const QmpCommand *qmp_find_command(const char *name)
{
    for (size_t i = 0; i < qapi_commands_count; i++) {
        if (!strcmp(qapi_commands[i].name, name)) {
            return &qapi_commands[i];
        }
    }
    return NULL;
}

json_t *qmp_error_reply(ErrorClass cls, const char *desc, json_t *id)
{
    json_t *reply = json_object();

    json_object_set_new(reply, "error",
                        json_pack("{s:s, s:o}", "class",
                                  error_class_name(cls), "desc",
                                  qapi_out_str(desc)));
    if (id) {
        json_object_set(reply, "id", id);
    }
    return reply;
}

void qmp_version(int64_t *major, int64_t *minor, int64_t *micro)
{
    int a = 0, b = 0, c = 0;

    if (sscanf(HEMU_VERSION, "%d.%d.%d", &a, &b, &c) < 1) {
        a = b = c = 0;
    }
    *major = a;
    *minor = b;
    *micro = c;
}

json_t *qmp_greeting(void)
{
    int64_t major, minor, micro;

    qmp_version(&major, &minor, &micro);
    return json_pack("{s:{s:{s:{s:I, s:I, s:I}, s:s}, s:[]}}", "QMP",
                     "version", "qemu", "major", (json_int_t)major,
                     "minor", (json_int_t)minor, "micro", (json_int_t)micro,
                     "package", "hemu " HEMU_VERSION, "capabilities");
}

/* The request's shape: an object with execute, optional arguments, id. */
static bool qmp_check_request(json_t *req, const char **name, json_t **args,
                              Error **errp)
{
    const char *key;
    json_t *v, *exec;

    if (!json_is_object(req)) {
        error_setg(errp, "QMP input must be a JSON object");
        return false;
    }
    json_object_foreach(req, key, v) {
        if (strcmp(key, "execute") && strcmp(key, "arguments") &&
            strcmp(key, "id")) {
            error_setg(errp, "QMP input member '%s' is unexpected "
                       "(accepted: execute, arguments, id)", key);
            return false;
        }
    }
    exec = json_object_get(req, "execute");
    if (!exec) {
        error_setg(errp, "QMP input lacks member 'execute'");
        return false;
    }
    if (!json_is_string(exec)) {
        error_setg(errp, "QMP input member 'execute' must be a string");
        return false;
    }
    *name = json_string_value(exec);
    *args = json_object_get(req, "arguments");
    if (*args && !json_is_object(*args)) {
        error_setg(errp, "QMP input member 'arguments' must be an object");
        return false;
    }
    return true;
}

/* Negotiation first: QEMU answers CommandNotFound either way round. */
static bool qmp_check_negotiation(QmpSession *s, const char *name,
                                  Error **errp)
{
    bool is_caps = !strcmp(name, "qmp_capabilities");

    if (!s->negotiated && !is_caps) {
        error_set(errp, ERROR_CLASS_COMMAND_NOT_FOUND,
                  "Expecting capabilities negotiation with "
                  "'qmp_capabilities' before '%s'", name);
        return false;
    }
    if (s->negotiated && is_caps) {
        error_set(errp, ERROR_CLASS_COMMAND_NOT_FOUND,
                  "Capabilities negotiation is already complete, command "
                  "ignored");
        return false;
    }
    return true;
}

json_t *qmp_dispatch(QmpSession *s, json_t *request)
{
    json_t *id = json_is_object(request) ? json_object_get(request, "id")
                                         : NULL;
    json_auto_t *empty = json_object();
    const QmpCommand *cmd;
    const char *name = NULL;
    json_t *args = NULL, *ret = NULL, *reply;
    Error *err = NULL;

    if (!qmp_check_request(request, &name, &args, &err) ||
        !qmp_check_negotiation(s, name, &err)) {
        goto fail;
    }
    cmd = qmp_find_command(name);
    if (!cmd) {
        error_set(&err, ERROR_CLASS_COMMAND_NOT_FOUND,
                  "The command %s has not been found", name);
        goto fail;
    }
    if (s->preconfig && !cmd->allow_preconfig) {
        error_setg(&err, "The command %s is not available before the "
                   "machine is built (preconfig state; x-exit-preconfig "
                   "builds it)", name);
        goto fail;
    }
    if (!cmd->fn(args ? args : empty, &ret, s, &err)) {
        goto fail;
    }
    reply = json_object();
    json_object_set_new(reply, "return", ret ? ret : json_object());
    if (id) {
        json_object_set(reply, "id", id);
    }
    return reply;

fail:
    reply = qmp_error_reply(error_get_class(err), error_get_pretty(err), id);
    error_free(err);
    return reply;
}
