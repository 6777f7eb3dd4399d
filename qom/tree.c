/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The composition tree (children, names, paths, resolution), how error
 * messages name objects, and the realize/unrealize life cycle.
 *
 * Invariants: a child is an instance property of kind PROP_KIND_CHILD
 * named like the child, read-only, holding one reference; obj->parent and
 * obj->name are set exactly while that property exists.  There is no
 * global root: a parentless object is the root of its own tree when it is
 * a container or has children, and absolute paths resolve from the root of
 * the tree the lookup starts in, so two trees never see each other.
 * Children are visited in the order they were added.  Life cycle rules:
 * ARCHITECTURE.md "Object life cycle"; contract: include/qom/object.h.
 */
#include "hemu/osdep.h"
#include "qom/object.h"
#include "internal.h"

/* ---------------------------------------------------------------------- */
/* Children                                                               */

/* Letters, digits, '-', '_', '.', then at most one "[N]"; not "." or "..". */
static bool child_name_valid(const char *name)
{
    const char *p = name;

    if (!*name || !strcmp(name, ".") || !strcmp(name, "..")) {
        return false;
    }
    while (g_ascii_isalnum(*p) || *p == '-' || *p == '_' || *p == '.') {
        p++;
    }
    if (!*p) {
        return true;
    }
    if (*p != '[' || p == name || !g_ascii_isdigit(p[1])) {
        return false;
    }
    for (p++; g_ascii_isdigit(*p); p++) {
        /* the index */
    }
    return p[0] == ']' && p[1] == '\0';
}

static bool child_get(Object *obj, ObjectProperty *prop, PropValue *val,
                      Error **errp)
{
    val->kind = PROP_KIND_CHILD;
    val->obj = prop->opaque;
    return true;
}

static void child_release(Object *obj, ObjectProperty *prop)
{
    Object *child = prop->opaque;

    child->parent = NULL;
    g_free(child->name);
    child->name = NULL;
    object_unref(child);
}

bool object_property_add_child(Object *parent, const char *name, Object *child,
                               Error **errp)
{
    g_autofree char *pdesc = object_describe(parent);
    g_autofree char *tn = NULL;
    ObjectProperty *prop;

    if (!child_name_valid(name)) {
        error_setg(errp,
                   "%s: invalid child name '%s' (accepted: letters, "
                   "digits, '-', '_', '.', and one '[N]' suffix)",
                   pdesc, name);
        return false;
    }
    if (child->parent) {
        g_autofree char *cdesc = object_describe(child);
        error_setg(errp,
                   "%s: cannot add %s as child '%s': it already has "
                   "a parent",
                   pdesc, cdesc, name);
        return false;
    }
    for (Object *o = parent; o; o = o->parent) {
        if (o == child) {
            error_setg(errp,
                       "%s: cannot add child '%s': it is the object "
                       "itself or one of its ancestors",
                       pdesc, name);
            return false;
        }
    }
    if (object_property_find(parent, name)) {
        error_setg(errp, "%s already has a %s named '%s'", pdesc,
                   object_get_child(parent, name) ? "child" : "property", name);
        return false;
    }
    tn = g_strdup_printf("child<%s>", object_get_typename(child));
    prop = object_property_add(parent, name, PROP_KIND_CHILD, tn, child_get,
                               NULL, child_release, child, NULL, &error_abort);
    prop->link_type = g_intern_string(object_get_typename(child));
    object_ref(child);
    child->parent = parent;
    child->name = g_strdup(name);
    return true;
}

Object *object_new_child(Object *parent, const char *name, const char *typename,
                         Error **errp)
{
    Object *obj = object_new_checked(typename, NULL, errp);
    bool ok;

    if (!obj) {
        return NULL;
    }
    ok = object_property_add_child(parent, name, obj, errp);
    object_unref(obj);
    return ok ? obj : NULL;
}

void object_unparent(Object *obj)
{
    Object *parent = obj->parent;

    if (!parent) {
        return;
    }
    object_unrealize(obj);
    qom_links_drop(obj);
    object_property_del(parent, obj->name);
}

Object *object_get_parent(Object *obj)
{
    return obj->parent;
}

Object *object_get_root(Object *obj)
{
    while (obj->parent) {
        obj = obj->parent;
    }
    return obj;
}

const char *object_get_name(Object *obj)
{
    return obj->name;
}

Object *object_get_child(Object *parent, const char *name)
{
    int i = qom_instance_prop_index(parent, name);
    ObjectProperty *prop;

    if (i < 0) {
        return NULL;
    }
    prop = g_ptr_array_index(parent->properties, i);
    return prop->kind == PROP_KIND_CHILD ? prop->opaque : NULL;
}

/* The children of @obj in order, each with a reference held. */
static GPtrArray *children_snapshot(Object *obj)
{
    GPtrArray *kids =
        g_ptr_array_new_with_free_func((GDestroyNotify)object_unref);

    for (guint i = 0; i < obj->properties->len; i++) {
        ObjectProperty *prop = g_ptr_array_index(obj->properties, i);
        if (prop->kind == PROP_KIND_CHILD) {
            object_ref(prop->opaque);
            g_ptr_array_add(kids, prop->opaque);
        }
    }
    return kids;
}

int object_child_foreach(Object *obj, int (*fn)(Object *child, void *opaque),
                         void *opaque)
{
    g_autoptr(GPtrArray) kids = children_snapshot(obj);
    int ret = 0;

    for (guint i = 0; i < kids->len && !ret; i++) {
        ret = fn(g_ptr_array_index(kids, i), opaque);
    }
    return ret;
}

int object_child_foreach_recursive(Object *obj,
                                   int (*fn)(Object *child, void *opaque),
                                   void *opaque)
{
    g_autoptr(GPtrArray) kids = children_snapshot(obj);
    int ret = 0;

    for (guint i = 0; i < kids->len && !ret; i++) {
        Object *child = g_ptr_array_index(kids, i);
        ret = fn(child, opaque);
        if (!ret) {
            ret = object_child_foreach_recursive(child, fn, opaque);
        }
    }
    return ret;
}

/* ---------------------------------------------------------------------- */
/* Paths                                                                  */

static bool has_children(Object *obj)
{
    for (guint i = 0; i < obj->properties->len; i++) {
        ObjectProperty *prop = g_ptr_array_index(obj->properties, i);
        if (prop->kind == PROP_KIND_CHILD) {
            return true;
        }
    }
    return false;
}

bool qom_is_root(Object *obj)
{
    return !obj->parent &&
           (has_children(obj) || object_dynamic_cast(obj, TYPE_CONTAINER));
}

char *object_get_canonical_path(Object *obj)
{
    GPtrArray *parts;
    GString *path;

    if (!obj->parent) {
        return qom_is_root(obj) ? g_strdup("/") : NULL;
    }
    parts = g_ptr_array_new();
    for (Object *o = obj; o->parent; o = o->parent) {
        g_ptr_array_add(parts, o->name);
    }
    path = g_string_new(NULL);
    for (guint i = parts->len; i > 0; i--) {
        g_string_append_printf(path, "/%s",
                               (char *)g_ptr_array_index(parts, i - 1));
    }
    g_ptr_array_free(parts, TRUE);
    return g_string_free(path, FALSE);
}

Object *object_resolve_path(Object *from, const char *path)
{
    g_auto(GStrv) parts = NULL;
    Object *cur;

    if (!from || !path || !*path) {
        return NULL;
    }
    cur = path[0] == '/' ? object_get_root(from) : from;
    parts = g_strsplit(path, "/", -1);
    for (char **p = parts; *p && cur; p++) {
        if (!**p || !strcmp(*p, ".")) {
            continue;
        }
        cur = !strcmp(*p, "..") ? cur->parent : object_get_child(cur, *p);
    }
    return cur;
}

Object *object_resolve_path_type(Object *from, const char *path,
                                 const char *typename, Error **errp)
{
    Object *obj = object_resolve_path(from, path);
    g_autofree char *fdesc = NULL;

    if (obj && (!typename || object_dynamic_cast(obj, typename))) {
        return obj;
    }
    fdesc = object_describe(from);
    if (!obj) {
        error_setg(errp, "no object at path '%s' (resolved from %s)", path,
                   fdesc);
    } else {
        error_setg(errp, "object at path '%s' is a '%s', not a '%s'", path,
                   object_get_typename(obj), typename);
    }
    return NULL;
}

char *object_describe(Object *obj)
{
    g_autofree char *path = NULL;

    if (!obj) {
        return g_strdup("no object");
    }
    path = object_get_canonical_path(obj);
    if (path) {
        return g_strdup_printf("'%s' (%s)", path, object_get_typename(obj));
    }
    return g_strdup_printf("a %s object", object_get_typename(obj));
}

/* ---------------------------------------------------------------------- */
/* Life cycle                                                             */

static bool check_required_links(Object *obj, Error **errp)
{
    g_autoptr(GPtrArray) all = object_property_list(obj);

    for (guint i = 0; i < all->len; i++) {
        ObjectProperty *prop = g_ptr_array_index(all, i);
        PropValue v = {0};

        if (prop->kind != PROP_KIND_LINK || !(prop->flags & PROP_F_REQUIRED)) {
            continue;
        }
        if (!prop->get(obj, prop, &v, errp)) {
            return false;
        }
        if (!v.obj) {
            g_autofree char *desc = object_describe(obj);
            error_setg(errp, "%s: required link '%s' (%s) is not set", desc,
                       prop->name, prop->type_name);
            return false;
        }
    }
    return true;
}

bool object_realize(Object *obj, Error **errp)
{
    ObjectClass *oc = obj->klass;

    if (obj->state != OBJECT_STATE_CREATED) {
        g_autofree char *desc = object_describe(obj);
        error_setg(errp, "%s is %s and cannot be realized again", desc,
                   obj->state == OBJECT_STATE_REALIZED ? "already realized"
                                                       : "unrealized");
        return false;
    }
    if (!check_required_links(obj, errp)) {
        return false;
    }
    if (oc->realize && !oc->realize(obj, errp)) {
        return false;
    }
    obj->state = OBJECT_STATE_REALIZED;
    return true;
}

static int realize_one(Object *child, void *opaque)
{
    Error **errp = opaque;

    if (child->state == OBJECT_STATE_CREATED && !object_realize(child, errp)) {
        return -1;
    }
    return 0;
}

bool object_realize_tree(Object *obj, Error **errp)
{
    if (obj->state == OBJECT_STATE_CREATED && !object_realize(obj, errp)) {
        return false;
    }
    return object_child_foreach_recursive(obj, realize_one, errp) == 0;
}

void object_unrealize(Object *obj)
{
    g_autoptr(GPtrArray) kids = children_snapshot(obj);

    /* Newest child first; a snapshot, as unrealize hooks may unparent. */
    for (guint i = kids->len; i > 0; i--) {
        object_unrealize(g_ptr_array_index(kids, i - 1));
    }
    if (obj->state == OBJECT_STATE_REALIZED) {
        if (obj->klass->unrealize) {
            obj->klass->unrealize(obj);
        }
        obj->state = OBJECT_STATE_UNREALIZED;
    }
}

bool object_is_realized(Object *obj)
{
    return obj->state == OBJECT_STATE_REALIZED;
}
