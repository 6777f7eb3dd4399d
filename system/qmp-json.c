/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Typed JSON reads and writes for the generated QAPI code and the QMP
 * commands (include/qapi/qapi-json.h).
 *
 * Error messages follow QEMU's wording so QMP users recognise them:
 * "Parameter 'path' expects a string", "Parameter 'id' is missing",
 * "Parameter 'foo' is unexpected".  Input is never trusted: every type
 * is checked before it is read.
 */
#include "qapi/qapi-json.h"

char *qapi_member_what(const char *prefix, const char *name)
{
    return prefix ? g_strdup_printf("%s.%s", prefix, name) : g_strdup(name);
}

void qapi_missing(const char *what, Error **errp)
{
    error_setg(errp, "Parameter '%s' is missing", what);
}

static bool qapi_expects(json_t *j, bool ok, const char *what,
                         const char *type, Error **errp)
{
    if (!ok) {
        if (what) {
            error_setg(errp, "Parameter '%s' expects %s", what, type);
        } else {
            error_setg(errp, "QMP input member 'arguments' must be %s", type);
        }
    }
    return ok;
}

bool qapi_in_object(json_t *j, const char *what, Error **errp)
{
    return qapi_expects(j, json_is_object(j), what, "an object", errp);
}

bool qapi_in_array(json_t *j, const char *what, Error **errp)
{
    return qapi_expects(j, json_is_array(j), what, "an array", errp);
}

static bool qapi_known(const char *key, const char *const *known)
{
    for (size_t i = 0; known && known[i]; i++) {
        if (!strcmp(known[i], key)) {
            return true;
        }
    }
    return false;
}

bool qapi_check_members(json_t *j, const char *what,
                        const char *const *known, Error **errp)
{
    const char *key;
    json_t *v;

    if (!j) {
        return true;
    }
    if (!qapi_in_object(j, what, errp)) {
        return false;
    }
    json_object_foreach(j, key, v) {
        if (!qapi_known(key, known)) {
            g_autofree char *w = qapi_member_what(what, key);

            error_setg(errp, "Parameter '%s' is unexpected", w);
            return false;
        }
    }
    return true;
}

json_t *qapi_extra_members(json_t *j, const char *const *known)
{
    json_t *extra = json_object();
    const char *key;
    json_t *v;

    json_object_foreach(j, key, v) {
        if (!qapi_known(key, known)) {
            json_object_set(extra, key, v);
        }
    }
    return extra;
}

bool qapi_in_str(json_t *j, const char *what, char **out, Error **errp)
{
    if (!qapi_expects(j, json_is_string(j), what, "a string", errp)) {
        return false;
    }
    *out = g_strndup(json_string_value(j), json_string_length(j));
    return true;
}

bool qapi_in_int(json_t *j, const char *what, int64_t *out, Error **errp)
{
    if (!qapi_expects(j, json_is_integer(j), what, "an integer", errp)) {
        return false;
    }
    *out = json_integer_value(j);
    return true;
}

bool qapi_in_bool(json_t *j, const char *what, bool *out, Error **errp)
{
    if (!qapi_expects(j, json_is_boolean(j), what, "a boolean", errp)) {
        return false;
    }
    *out = json_is_true(j);
    return true;
}

bool qapi_in_number(json_t *j, const char *what, double *out, Error **errp)
{
    if (!qapi_expects(j, json_is_number(j), what, "a number", errp)) {
        return false;
    }
    *out = json_number_value(j);
    return true;
}

bool qapi_in_enum(json_t *j, const char *what, const char *const *names,
                  int *out, Error **errp)
{
    g_autofree char *list = NULL;
    GString *accepted;

    if (json_is_string(j)) {
        for (int i = 0; names[i]; i++) {
            if (!strcmp(names[i], json_string_value(j))) {
                *out = i;
                return true;
            }
        }
    }
    accepted = g_string_new(NULL);
    for (int i = 0; names[i]; i++) {
        g_string_append_printf(accepted, "%s'%s'", i ? ", " : "", names[i]);
    }
    list = g_string_free(accepted, false);
    if (json_is_string(j)) {
        error_setg(errp, "Parameter '%s' does not accept value '%s' "
                   "(accepted: %s)", what, json_string_value(j), list);
    } else {
        error_setg(errp, "Parameter '%s' expects one of %s", what, list);
    }
    return false;
}

bool qapi_in_str_list(json_t *j, const char *what, GPtrArray **out,
                      Error **errp)
{
    g_autoptr(GPtrArray) list = NULL;
    size_t i;
    json_t *v;

    if (!qapi_in_array(j, what, errp)) {
        return false;
    }
    list = qapi_str_list_new();
    json_array_foreach(j, i, v) {
        g_autofree char *w = g_strdup_printf("%s[%zu]", what, i);
        char *s;

        if (!qapi_in_str(v, w, &s, errp)) {
            return false;
        }
        g_ptr_array_add(list, s);
    }
    *out = g_steal_pointer(&list);
    return true;
}

json_t *qapi_out_str(const char *s)
{
    g_autofree char *fixed = NULL;
    json_t *j;

    j = json_string(s ? s : "");
    if (j) {
        return j;
    }
    fixed = g_utf8_make_valid(s, -1);
    return json_string(fixed);
}

json_t *qapi_out_str_list(GPtrArray *list)
{
    json_t *a = json_array();

    for (guint i = 0; list && i < list->len; i++) {
        json_array_append_new(a, qapi_out_str(list->pdata[i]));
    }
    return a;
}

GPtrArray *qapi_str_list_new(void)
{
    return g_ptr_array_new_with_free_func(g_free);
}

char *qapi_scalar_text(json_t *v)
{
    if (json_is_string(v)) {
        return g_strdup(json_string_value(v));
    }
    if (json_is_integer(v)) {
        return g_strdup_printf("%" JSON_INTEGER_FORMAT,
                               json_integer_value(v));
    }
    if (json_is_boolean(v)) {
        return g_strdup(json_is_true(v) ? "on" : "off");
    }
    return NULL;
}
