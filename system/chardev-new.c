/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Creating chardevs from user options: "-chardev BACKEND,id=ID,..." and
 * the "-serial SPEC" shorthands (include/system/chardev.h).
 *
 * Every chardev becomes /chardevs/<id> of the run's root, configured with
 * object_property_parse() and realized (opened) at once, so an error
 * names the option, the chardev and the bad value before the machine is
 * built.  Spec: docs/user/cli.md.
 */
#include "system/chardev.h"

#define CHARDEV_CONTAINER "chardevs"

/* /chardevs of @root, created on first use. */
static Object *chardev_container(Object *root, Error **errp)
{
    Object *c = object_get_child(root, CHARDEV_CONTAINER);

    return c ? c : object_new_child(root, CHARDEV_CONTAINER, TYPE_CONTAINER,
                                    errp);
}

Chardev *chardev_find(Object *root, const char *id)
{
    Object *c = object_get_child(root, CHARDEV_CONTAINER);
    Object *obj = c ? object_get_child(c, id) : NULL;

    return obj ? (Chardev *)object_dynamic_cast(obj, TYPE_CHARDEV) : NULL;
}

/* "file, null, pty, socket, stdio"; g_free it. */
static char *chardev_backend_names(void)
{
    GSList *list = object_class_get_list(TYPE_CHARDEV, false);
    GString *s = g_string_new(NULL);

    for (GSList *l = list; l; l = l->next) {
        const char *name = object_class_get_name(l->data);

        g_string_append_printf(s, "%s%s", s->len ? ", " : "",
                               name + strlen(TYPE_CHARDEV "-"));
    }
    g_slist_free(list);
    return g_string_free(s, FALSE);
}

void chardev_print_backends(FILE *out)
{
    GSList *list = object_class_get_list(TYPE_CHARDEV, false);

    fprintf(out, "Available chardev backends:\n");
    for (GSList *l = list; l; l = l->next) {
        const char *name = object_class_get_name(l->data);
        const char *desc = object_class_get_description(l->data);

        fprintf(out, "  %-10s %s\n", name + strlen(TYPE_CHARDEV "-"),
                desc ? desc : "");
    }
    g_slist_free(list);
}

/* "path, in, append" for errors; g_free it. */
static char *chardev_prop_names(Object *obj)
{
    g_autoptr(GPtrArray) props = object_property_list(obj);
    GString *s = g_string_new(NULL);

    for (guint i = 0; i < props->len; i++) {
        ObjectProperty *p = g_ptr_array_index(props, i);

        if (p->set && p->kind != PROP_KIND_CHILD) {
            g_string_append_printf(s, "%s, ", p->name);
        }
    }
    g_string_append(s, "id");
    return g_string_free(s, FALSE);
}

static bool chardev_apply_props(Object *obj, const char *id,
                                const Keyval *props, Error **errp)
{
    for (size_t i = 0; i < keyval_count(props); i++) {
        const char *key = keyval_key(props, i);
        Error *local = NULL;

        if (!strcmp(key, "id")) {
            continue;
        }
        if (!object_property_find(obj, key)) {
            g_autofree char *names = chardev_prop_names(obj);

            error_setg(errp, "chardev '%s': backend %s has no parameter "
                       "'%s' (accepted: %s)", id,
                       object_get_typename(obj) + strlen(TYPE_CHARDEV "-"),
                       key, names);
            return false;
        }
        if (!object_property_parse(obj, key, keyval_value(props, i),
                                   &local)) {
            error_propagate(errp, local);
            error_prepend(errp, "chardev '%s': ", id);
            return false;
        }
    }
    return true;
}

Chardev *chardev_new(Object *root, const char *backend, const Keyval *props,
                     Error **errp)
{
    const char *id = keyval_get(props, "id");
    g_autofree char *type = NULL;
    ObjectClass *oc;
    Object *container, *obj;

    if (!id || !*id) {
        error_setg(errp, "chardev %s: missing id=ID (every chardev needs "
                   "a name)", backend);
        return NULL;
    }
    type = g_str_has_prefix(backend, TYPE_CHARDEV "-")
               ? g_strdup(backend)
               : g_strdup_printf(TYPE_CHARDEV "-%s", backend);
    oc = object_class_by_name(type);
    if (!oc || !object_class_dynamic_cast(oc, TYPE_CHARDEV) ||
        object_class_is_abstract(oc)) {
        g_autofree char *names = chardev_backend_names();

        error_setg(errp, "chardev '%s': unknown backend '%s' (accepted: %s)",
                   id, backend, names);
        return NULL;
    }
    if (chardev_find(root, id)) {
        error_setg(errp, "chardev '%s': the id is already in use", id);
        return NULL;
    }
    container = chardev_container(root, errp);
    if (!container) {
        return NULL;
    }
    obj = object_new(type);
    if (!chardev_apply_props(obj, id, props, errp) ||
        !object_property_add_child(container, id, obj, errp)) {
        object_unref(obj);
        return NULL;
    }
    object_unref(obj);          /* the container holds it now */
    if (!object_realize(obj, errp)) {
        object_unparent(obj);
        return NULL;
    }
    return CHARDEV(obj);
}

/* tcp:HOST:PORT[,opts] and unix:PATH[,opts] */
static Chardev *chardev_new_serial_socket(Object *root, const char *id,
                                          bool tcp, const char *rest,
                                          Error **errp)
{
    g_autoptr(Keyval) kv = keyval_parse(rest, "addr", "-serial", NULL, errp);
    const char *addr, *colon;
    g_autofree char *host = NULL;

    if (!kv) {
        return NULL;
    }
    addr = keyval_get(kv, "addr");
    if (!addr || !*addr) {
        error_setg(errp, "-serial: '%s:' needs %s", tcp ? "tcp" : "unix",
                   tcp ? "HOST:PORT" : "a socket path");
        return NULL;
    }
    if (tcp) {
        colon = strrchr(addr, ':');
        if (!colon || !colon[1]) {
            error_setg(errp, "-serial: 'tcp:%s' has no port (expected "
                       "tcp:HOST:PORT)", addr);
            return NULL;
        }
        host = g_strndup(addr, colon - addr);
        keyval_set(kv, "host", host);
        keyval_set(kv, "port", colon + 1);
    } else {
        keyval_set(kv, "path", addr);
    }
    keyval_remove(kv, "addr");
    keyval_set(kv, "id", id);
    return chardev_new(root, "socket", kv, errp);
}

bool chardev_new_serial(Object *root, const char *spec, const char *id,
                        Chardev **chr, Error **errp)
{
    g_autoptr(Keyval) kv = keyval_new();
    const char *backend = spec;

    *chr = NULL;
    if (!strcmp(spec, "none")) {
        return true;
    }
    if (g_str_has_prefix(spec, "chardev:")) {
        *chr = chardev_find(root, spec + strlen("chardev:"));
        if (!*chr) {
            error_setg(errp, "-serial %s: no chardev with id '%s' (define "
                       "it first with -chardev BACKEND,id=ID)", spec,
                       spec + strlen("chardev:"));
        }
        return *chr != NULL;
    }
    if (g_str_has_prefix(spec, "unix:") || g_str_has_prefix(spec, "tcp:")) {
        bool tcp = spec[0] == 't';

        *chr = chardev_new_serial_socket(root, id, tcp,
                                         strchr(spec, ':') + 1, errp);
        return *chr != NULL;
    }
    if (g_str_has_prefix(spec, "file:")) {
        backend = "file";
        keyval_set(kv, "path", spec + strlen("file:"));
    } else if (strcmp(spec, "stdio") && strcmp(spec, "null") &&
               strcmp(spec, "pty")) {
        error_setg(errp, "-serial: unknown serial device '%s' (accepted: "
                   "stdio, null, none, pty, file:PATH, unix:PATH[,...], "
                   "tcp:HOST:PORT[,...], chardev:ID)", spec);
        return false;
    }
    keyval_set(kv, "id", id);
    *chr = chardev_new(root, backend, kv, errp);
    return *chr != NULL;
}
