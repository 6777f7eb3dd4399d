/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * QOM property machinery: adding and finding class and instance
 * properties, field properties (a property mapped onto a struct field),
 * link properties, and the generic set/get path that converts values
 * between compatible kinds, checks ranges, link types and the life-cycle
 * rule "configuration is rejected after realize".
 *
 * Invariants: names are unique across an object's instance properties and
 * its class chain; class properties are never removed; instance
 * properties keep the order they were added in (introspection is stable).
 * A setter is only ever called with a value of its own kind, in range.
 * Text forms (parse/print) live in prop-text.c.  Contract:
 * include/qom/object.h.
 */
#include "hemu/osdep.h"
#include "qom/object.h"
#include "internal.h"

void prop_value_clear(PropValue *val)
{
    if (val->kind == PROP_KIND_STRING) {
        g_free(val->s);
    }
    memset(val, 0, sizeof(*val));
}

const char *qom_kind_name(PropKind kind)
{
    static const char *const names[] = {
        [PROP_KIND_BOOL] = "bool",     [PROP_KIND_INT] = "int",
        [PROP_KIND_UINT] = "uint",     [PROP_KIND_SIZE] = "size",
        [PROP_KIND_STRING] = "string", [PROP_KIND_ENUM] = "enum",
        [PROP_KIND_LINK] = "link",     [PROP_KIND_CHILD] = "child",
    };

    return (unsigned)kind < ARRAY_SIZE(names) ? names[kind] : "?";
}

ObjectProperty *qom_property_new(const char *name, PropKind kind,
                                 const char *type_name, const char *description)
{
    ObjectProperty *prop = g_new0(ObjectProperty, 1);

    prop->name = g_strdup(name);
    prop->kind = kind;
    prop->type_name = g_strdup(type_name ? type_name : qom_kind_name(kind));
    prop->description = g_strdup(description);
    prop->min = INT64_MIN;
    prop->max = INT64_MAX;
    prop->umin = 0;
    prop->umax = UINT64_MAX;
    return prop;
}

void qom_property_free(Object *obj, ObjectProperty *prop)
{
    if (prop->release) {
        prop->release(obj, prop);
    }
    g_free(prop->name);
    g_free(prop->type_name);
    g_free(prop->description);
    g_free(prop);
}

/* ---------------------------------------------------------------------- */
/* Lookup and listing                                                     */

static ObjectProperty *props_find(GPtrArray *props, const char *name)
{
    for (guint i = 0; i < props->len; i++) {
        ObjectProperty *prop = g_ptr_array_index(props, i);
        if (!strcmp(prop->name, name)) {
            return prop;
        }
    }
    return NULL;
}

int qom_instance_prop_index(Object *obj, const char *name)
{
    for (guint i = 0; i < obj->properties->len; i++) {
        ObjectProperty *prop = g_ptr_array_index(obj->properties, i);
        if (!strcmp(prop->name, name)) {
            return (int)i;
        }
    }
    return -1;
}

ObjectProperty *object_class_property_find(ObjectClass *oc, const char *name)
{
    for (Type t = oc->type; t; t = t->parent) {
        ObjectProperty *prop = props_find(t->props, name);
        if (prop) {
            return prop;
        }
    }
    return NULL;
}

ObjectProperty *object_property_find(Object *obj, const char *name)
{
    int i = qom_instance_prop_index(obj, name);

    if (i >= 0) {
        return g_ptr_array_index(obj->properties, i);
    }
    return object_class_property_find(obj->klass, name);
}

static void class_props_append(GPtrArray *out, Type t)
{
    if (t->parent) {
        class_props_append(out, t->parent);
    }
    for (guint i = 0; i < t->props->len; i++) {
        g_ptr_array_add(out, g_ptr_array_index(t->props, i));
    }
}

GPtrArray *object_class_property_list(ObjectClass *oc)
{
    GPtrArray *out = g_ptr_array_new();

    class_props_append(out, oc->type);
    return out;
}

GPtrArray *object_property_list(Object *obj)
{
    GPtrArray *out = object_class_property_list(obj->klass);

    for (guint i = 0; i < obj->properties->len; i++) {
        g_ptr_array_add(out, g_ptr_array_index(obj->properties, i));
    }
    return out;
}

/* Edit distance between two short names (for "did you mean"). */
static size_t name_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    g_autofree size_t *row = g_new(size_t, lb + 1);

    for (size_t j = 0; j <= lb; j++) {
        row[j] = j;
    }
    for (size_t i = 1; i <= la; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t up = row[j];
            size_t best = diag + (a[i - 1] != b[j - 1]);
            best = HEMU_MIN(best, up + 1);
            best = HEMU_MIN(best, row[j - 1] + 1);
            row[j] = best;
            diag = up;
        }
    }
    return row[lb];
}

static bool name_is_close(const char *want, const char *have)
{
    return name_distance(want, have) <= 2 ||
           (strlen(want) >= 3 && strstr(have, want));
}

ObjectProperty *object_property_find_err(Object *obj, const char *name,
                                         Error **errp)
{
    ObjectProperty *prop = object_property_find(obj, name);
    g_autoptr(GPtrArray) all = NULL;
    g_autofree char *desc = NULL;
    GString *close, *any;

    if (prop) {
        return prop;
    }
    desc = object_describe(obj);
    error_setg(errp, "%s has no property '%s'", desc, name);
    all = object_property_list(obj);
    close = g_string_new(NULL);
    any = g_string_new(NULL);
    for (guint i = 0; i < all->len; i++) {
        ObjectProperty *p = g_ptr_array_index(all, i);
        g_string_append_printf(any, "%s%s", any->len ? ", " : "", p->name);
        if (name_is_close(name, p->name)) {
            g_string_append_printf(close, "%s'%s'", close->len ? ", " : "",
                                   p->name);
        }
    }
    if (close->len) {
        error_append_hint(errp, "Did you mean %s?\n", close->str);
    } else if (any->len) {
        error_append_hint(errp, "Properties of %s: %s\n",
                          object_get_typename(obj), any->str);
    }
    g_string_free(close, TRUE);
    g_string_free(any, TRUE);
    return NULL;
}

/* ---------------------------------------------------------------------- */
/* Adding and removing                                                    */

ObjectProperty *object_class_property_add(ObjectClass *oc, const char *name,
                                          PropKind kind, const char *type_name,
                                          ObjectPropertyGet *get,
                                          ObjectPropertySet *set, void *opaque,
                                          const char *description)
{
    ObjectProperty *prop;

    if (object_class_property_find(oc, name)) {
        fprintf(stderr, "hemu: class '%s' already has a property '%s'\n",
                object_class_get_name(oc), name);
        abort();
    }
    prop = qom_property_new(name, kind, type_name, description);
    prop->get = get;
    prop->set = set;
    prop->opaque = opaque;
    if (!set) {
        prop->flags |= PROP_F_READONLY;
    }
    g_ptr_array_add(oc->type->props, prop);
    return prop;
}

ObjectProperty *object_class_property_add_uint(ObjectClass *oc,
                                               const char *name,
                                               const char *type_name,
                                               ObjectPropertyGet *get,
                                               ObjectPropertySet *set,
                                               void *opaque, uint64_t min,
                                               uint64_t max, uint64_t def,
                                               const char *description)
{
    ObjectProperty *prop = object_class_property_add(oc, name, PROP_KIND_UINT,
                                                     type_name, get, set,
                                                     opaque, description);

    prop->flags |= PROP_F_CONFIG;
    prop->umin = min;
    prop->umax = max;
    prop->has_default = true;
    prop->defval.kind = PROP_KIND_UINT;
    prop->defval.u = def;
    return prop;
}

ObjectProperty *
object_property_add(Object *obj, const char *name, PropKind kind,
                    const char *type_name, ObjectPropertyGet *get,
                    ObjectPropertySet *set, ObjectPropertyRelease *release,
                    void *opaque, const char *description, Error **errp)
{
    ObjectProperty *prop;

    if (object_property_find(obj, name)) {
        g_autofree char *desc = object_describe(obj);
        error_setg(errp, "%s already has a property '%s'", desc, name);
        return NULL;
    }
    prop = qom_property_new(name, kind, type_name, description);
    prop->get = get;
    prop->set = set;
    prop->release = release;
    prop->opaque = opaque;
    if (!set) {
        prop->flags |= PROP_F_READONLY;
    }
    g_ptr_array_add(obj->properties, prop);
    return prop;
}

void object_property_del(Object *obj, const char *name)
{
    int i = qom_instance_prop_index(obj, name);

    if (i >= 0) {
        qom_property_free(obj, g_ptr_array_steal_index(obj->properties, i));
    }
}

/* ---------------------------------------------------------------------- */
/* Instance link properties                                               */

static bool link_get(Object *obj, ObjectProperty *prop, PropValue *val,
                     Error **errp)
{
    val->kind = PROP_KIND_LINK;
    val->obj = *(Object **)prop->opaque;
    return true;
}

static bool link_set(Object *obj, ObjectProperty *prop, const PropValue *val,
                     Error **errp)
{
    Object **targetp = prop->opaque;
    Object *old = *targetp;

    if (val->obj) {
        object_ref(val->obj);
    }
    *targetp = val->obj;
    object_unref(old);
    return true;
}

static void link_release(Object *obj, ObjectProperty *prop)
{
    Object **targetp = prop->opaque;
    Object *old = *targetp;

    *targetp = NULL;
    object_unref(old);
}

ObjectProperty *object_property_add_link(Object *obj, const char *name,
                                         const char *type, Object **targetp,
                                         unsigned flags,
                                         const char *description, Error **errp)
{
    g_autofree char *tn = g_strdup_printf("link<%s>", type);
    ObjectProperty *prop;

    prop =
        object_property_add(obj, name, PROP_KIND_LINK, tn, link_get, link_set,
                            link_release, targetp, description, errp);
    if (prop) {
        prop->flags = flags;
        prop->link_type = g_intern_string(type);
    }
    return prop;
}

/* Drop every link @obj holds through a generic link property. */
void qom_links_drop(Object *obj)
{
    g_autoptr(GPtrArray) all = object_property_list(obj);

    for (guint i = 0; i < all->len; i++) {
        ObjectProperty *prop = g_ptr_array_index(all, i);
        Object **slot = NULL;
        Object *old;

        if (prop->kind != PROP_KIND_LINK) {
            continue;
        }
        if (prop->size) {
            slot = (Object **)((char *)obj + prop->offset);
        } else if (prop->get == link_get) {
            slot = prop->opaque;
        }
        if (slot && *slot) {
            old = *slot;
            *slot = NULL;
            object_unref(old);
        }
    }
}

/* ---------------------------------------------------------------------- */
/* Setting and getting                                                    */

static bool range_error(Object *obj, ObjectProperty *prop, bool neg,
                        uint64_t mag, Error **errp)
{
    g_autofree char *desc = object_describe(obj);

    if (prop->kind == PROP_KIND_INT) {
        error_setg(errp,
                   "value %s%" PRIu64 " out of range for property "
                   "'%s' of %s (accepted: %" PRId64 " to %" PRId64 ")",
                   neg ? "-" : "", mag, prop->name, desc, prop->min, prop->max);
    } else {
        error_setg(errp,
                   "value %s%" PRIu64 " out of range for property "
                   "'%s' of %s (accepted: %" PRIu64 " to %" PRIu64 ")",
                   neg ? "-" : "", mag, prop->name, desc, prop->umin,
                   prop->umax);
    }
    return false;
}

static bool kind_error(Object *obj, ObjectProperty *prop, PropKind have,
                       Error **errp)
{
    g_autofree char *desc = object_describe(obj);

    error_setg(errp, "property '%s' of %s is a %s, not a %s", prop->name, desc,
               prop->type_name, qom_kind_name(have));
    return false;
}

/* The magnitude of a signed value, for messages. */
static uint64_t int_mag(int64_t v)
{
    return v < 0 ? -(uint64_t)v : (uint64_t)v;
}

static bool coerce_number(Object *obj, ObjectProperty *prop,
                          const PropValue *in, PropValue *out, Error **errp)
{
    bool neg = in->kind == PROP_KIND_INT && in->i < 0;
    uint64_t mag = in->kind == PROP_KIND_INT ? int_mag(in->i) : in->u;

    if (prop->kind == PROP_KIND_INT) {
        if (!neg && mag > INT64_MAX) {
            return range_error(obj, prop, neg, mag, errp);
        }
        out->i = neg ? in->i : (int64_t)mag;
        if (out->i < prop->min || out->i > prop->max) {
            return range_error(obj, prop, neg, mag, errp);
        }
        return true;
    }
    if (neg || mag < prop->umin || mag > prop->umax) {
        return range_error(obj, prop, neg, mag, errp);
    }
    out->u = mag;
    return true;
}

static bool coerce_enum(Object *obj, ObjectProperty *prop, const PropValue *in,
                        PropValue *out, Error **errp)
{
    g_autofree char *desc = NULL;
    g_autofree char *list = NULL;
    int64_t n = 0;

    while (prop->enum_names && prop->enum_names[n]) {
        n++;
    }
    if (in->kind == PROP_KIND_STRING) {
        out->i = in->s ? qom_enum_lookup(prop->enum_names, in->s) : -1;
        if (out->i >= 0) {
            return true;
        }
    } else if (in->kind == PROP_KIND_ENUM || in->kind == PROP_KIND_INT) {
        out->i = in->i;
        if (in->i >= 0 && in->i < n) {
            return true;
        }
    } else if (in->kind == PROP_KIND_UINT && in->u < (uint64_t)n) {
        out->i = (int64_t)in->u;
        return true;
    } else if (in->kind != PROP_KIND_UINT) {
        return kind_error(obj, prop, in->kind, errp);
    }
    desc = object_describe(obj);
    list = qom_enum_list(prop->enum_names);
    if (in->kind == PROP_KIND_STRING) {
        error_setg(errp,
                   "invalid value '%s' for property '%s' of %s "
                   "(accepted: %s)",
                   in->s ? in->s : "", prop->name, desc, list);
    } else {
        g_autofree char *idx = in->kind == PROP_KIND_UINT
                                   ? g_strdup_printf("%" PRIu64, in->u)
                                   : g_strdup_printf("%" PRId64, in->i);
        error_setg(errp,
                   "invalid index %s for property '%s' of %s "
                   "(accepted: 0 to %" PRId64 " for %s)",
                   idx, prop->name, desc, n - 1, list);
    }
    return false;
}

/*
 * Convert @in to @prop's kind into @out (strings are borrowed, not
 * copied), checking ranges, enum indexes and link types.
 */
static bool coerce_value(Object *obj, ObjectProperty *prop, const PropValue *in,
                         PropValue *out, Error **errp)
{
    bool numeric = in->kind == PROP_KIND_INT || in->kind == PROP_KIND_UINT ||
                   in->kind == PROP_KIND_SIZE;

    *out = (PropValue){.kind = prop->kind};
    switch (prop->kind) {
    case PROP_KIND_INT:
    case PROP_KIND_UINT:
    case PROP_KIND_SIZE:
        if (!numeric) {
            return kind_error(obj, prop, in->kind, errp);
        }
        return coerce_number(obj, prop, in, out, errp);
    case PROP_KIND_ENUM:
        return coerce_enum(obj, prop, in, out, errp);
    case PROP_KIND_BOOL:
    case PROP_KIND_STRING:
    case PROP_KIND_LINK:
    case PROP_KIND_CHILD:
        if (in->kind != prop->kind) {
            return kind_error(obj, prop, in->kind, errp);
        }
        *out = *in;
        break;
    }
    if (prop->kind == PROP_KIND_LINK && out->obj && prop->link_type &&
        !object_dynamic_cast(out->obj, prop->link_type)) {
        g_autofree char *desc = object_describe(obj);
        error_setg(errp, "%s: property '%s' needs a '%s', not a '%s'", desc,
                   prop->name, prop->link_type, object_get_typename(out->obj));
        return false;
    }
    return true;
}

bool object_property_set(Object *obj, const char *name, const PropValue *val,
                         Error **errp)
{
    ObjectProperty *prop = object_property_find_err(obj, name, errp);
    PropValue v;

    if (!prop) {
        return false;
    }
    if (!prop->set || (prop->flags & PROP_F_READONLY)) {
        g_autofree char *desc = object_describe(obj);
        error_setg(errp, "%s: property '%s' is read-only", desc, name);
        return false;
    }
    if ((prop->flags & PROP_F_CONFIG) && !(prop->flags & PROP_F_RUNTIME) &&
        obj->state != OBJECT_STATE_CREATED) {
        g_autofree char *desc = object_describe(obj);
        error_setg(errp, "%s: property '%s' cannot be changed after realize",
                   desc, name);
        return false;
    }
    if (!coerce_value(obj, prop, val, &v, errp)) {
        return false;
    }
    return prop->set(obj, prop, &v, errp);
}

bool object_property_get(Object *obj, const char *name, PropValue *val,
                         Error **errp)
{
    ObjectProperty *prop = object_property_find_err(obj, name, errp);

    *val = (PropValue){.kind = prop ? prop->kind : PROP_KIND_BOOL};
    if (!prop) {
        return false;
    }
    if (!prop->get) {
        g_autofree char *desc = object_describe(obj);
        error_setg(errp, "%s: property '%s' is write-only", desc, name);
        return false;
    }
    return prop->get(obj, prop, val, errp);
}
