/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * QMP commands over the object model (schema qapi/qom.json): walking the
 * composition tree, reading and writing properties, listing types and
 * their properties, and creating or deleting user-creatable objects at
 * /objects/<id> of the session's run.
 *
 * Property values cross as JSON by kind: bool as true/false, integers
 * and sizes as numbers (a uint64 above INT64_MAX as a JSON number that
 * may lose precision), strings and enums as strings, links and children
 * as canonical paths ("" for an empty link).  Writing also accepts any
 * value as a string in the property's user text ("4K", "on", a path).
 * User reference: docs/user/qmp.md.
 */
#include "qapi/qapi-commands.h"

#include "hw/qdev.h"

static Object *qmp_resolve(QmpSession *s, const char *path, Error **errp)
{
    Object *obj = object_resolve_path(s->root, path);

    if (!obj) {
        error_set(errp, ERROR_CLASS_DEVICE_NOT_FOUND,
                  "Device '%s' not found (qom-list / lists the tree)", path);
    }
    return obj;
}

static json_t *qmp_prop_value_to_json(ObjectProperty *prop,
                                      const PropValue *val)
{
    g_autofree char *path = NULL;

    switch (val->kind) {
    case PROP_KIND_BOOL:
        return json_boolean(val->b);
    case PROP_KIND_INT:
        return json_integer(val->i);
    case PROP_KIND_UINT:
    case PROP_KIND_SIZE:
        return val->u <= INT64_MAX ? json_integer((json_int_t)val->u)
                                   : json_real((double)val->u);
    case PROP_KIND_STRING:
        return val->s ? qapi_out_str(val->s) : json_null();
    case PROP_KIND_ENUM:
        return prop->enum_names && val->i >= 0
               ? qapi_out_str(prop->enum_names[val->i]) : json_null();
    case PROP_KIND_LINK:
    case PROP_KIND_CHILD:
        path = val->obj ? object_get_canonical_path(val->obj) : NULL;
        return qapi_out_str(path ? path : "");
    }
    return json_null();
}

/* Set property @name of @obj from the JSON @value (see the top). */
static bool qmp_prop_set_json(Object *obj, const char *name, json_t *value,
                              Error **errp)
{
    ObjectProperty *prop = object_property_find_err(obj, name, errp);
    PropValue val = { .kind = prop ? prop->kind : PROP_KIND_BOOL };
    bool is_uint = val.kind == PROP_KIND_UINT || val.kind == PROP_KIND_SIZE;

    if (!prop) {
        return false;
    }
    if (json_is_string(value)) {
        return object_property_parse(obj, name, json_string_value(value),
                                     errp);
    }
    if (val.kind == PROP_KIND_BOOL && json_is_boolean(value)) {
        val.b = json_is_true(value);
    } else if (val.kind == PROP_KIND_INT && json_is_integer(value)) {
        val.i = json_integer_value(value);
    } else if (is_uint && json_is_integer(value) &&
               json_integer_value(value) >= 0) {
        val.u = (uint64_t)json_integer_value(value);
    } else {
        error_setg(errp, "Property '%s' of '%s' (type %s) cannot take the "
                   "JSON value given (expected %s, or a string in the "
                   "property's text form)", name, object_get_typename(obj),
                   prop->type_name,
                   val.kind == PROP_KIND_BOOL ? "a boolean"
                   : val.kind == PROP_KIND_INT ? "an integer"
                   : is_uint ? "a non-negative integer" : "a string");
        return false;
    }
    return object_property_set(obj, name, &val, errp);
}

static ObjectPropertyInfo *qmp_prop_info(ObjectProperty *p)
{
    ObjectPropertyInfo *info = g_new0(ObjectPropertyInfo, 1);

    info->name = g_strdup(p->name);
    info->type = g_strdup(p->type_name);
    info->description = g_strdup(p->description);
    if (p->has_default) {
        PropValue def = p->defval;

        def.kind = p->kind;
        info->default_value = qmp_prop_value_to_json(p, &def);
    }
    return info;
}

bool qmp_qom_list(const char *path, GPtrArray **ret, QmpSession *s,
                  Error **errp)
{
    Object *obj = qmp_resolve(s, path, errp);
    g_autoptr(GPtrArray) props = NULL;
    GPtrArray *list;

    if (!obj) {
        return false;
    }
    props = object_property_list(obj);
    list = qapi_object_property_info_list_new();
    for (guint i = 0; i < props->len; i++) {
        ObjectProperty *p = props->pdata[i];
        ObjectPropertyInfo *info = g_new0(ObjectPropertyInfo, 1);

        info->name = g_strdup(p->name);
        info->type = g_strdup(p->type_name);
        info->description = g_strdup(p->description);
        g_ptr_array_add(list, info);
    }
    *ret = list;
    return true;
}

bool qmp_qom_get(const char *path, const char *property, json_t **ret,
                 QmpSession *s, Error **errp)
{
    Object *obj = qmp_resolve(s, path, errp);
    ObjectProperty *prop;
    PropValue val = { 0 };

    if (!obj) {
        return false;
    }
    prop = object_property_find_err(obj, property, errp);
    if (!prop || !object_property_get(obj, property, &val, errp)) {
        return false;
    }
    *ret = qmp_prop_value_to_json(prop, &val);
    prop_value_clear(&val);
    return true;
}

bool qmp_qom_set(const char *path, const char *property, json_t *value,
                 QmpSession *s, Error **errp)
{
    Object *obj = qmp_resolve(s, path, errp);

    return obj && qmp_prop_set_json(obj, property, value, errp);
}

static ObjectClass *qmp_find_class(const char *what, const char *name,
                                   Error **errp)
{
    ObjectClass *oc = object_class_by_name(name);

    if (!oc) {
        error_setg(errp, "Parameter '%s': unknown type '%s' (qom-list-types "
                   "lists them)", what, name);
    }
    return oc;
}

bool qmp_qom_list_types(const char *implements, bool has_abstract,
                        bool abstract, GPtrArray **ret, QmpSession *s,
                        Error **errp)
{
    GSList *classes;
    GPtrArray *list;

    if (implements && !qmp_find_class("implements", implements, errp)) {
        return false;
    }
    classes = object_class_get_list(implements, has_abstract && abstract);
    list = qapi_object_type_info_list_new();
    for (GSList *l = classes; l; l = l->next) {
        ObjectTypeInfo *info = g_new0(ObjectTypeInfo, 1);
        ObjectClass *parent = object_class_get_parent(l->data);

        info->name = g_strdup(object_class_get_name(l->data));
        info->has_abstract = object_class_is_abstract(l->data);
        info->abstract = info->has_abstract;
        info->parent = parent ? g_strdup(object_class_get_name(parent))
                              : NULL;
        g_ptr_array_add(list, info);
    }
    g_slist_free(classes);
    *ret = list;
    return true;
}

static GPtrArray *qmp_class_props(ObjectClass *oc, bool settable_only)
{
    g_autoptr(GPtrArray) props = object_class_property_list(oc);
    GPtrArray *list = qapi_object_property_info_list_new();

    for (guint i = 0; i < props->len; i++) {
        ObjectProperty *p = props->pdata[i];

        if (settable_only && (p->kind == PROP_KIND_CHILD || !p->set)) {
            continue;
        }
        g_ptr_array_add(list, qmp_prop_info(p));
    }
    return list;
}

bool qmp_qom_list_properties(const char *typename, GPtrArray **ret,
                             QmpSession *s, Error **errp)
{
    ObjectClass *oc = qmp_find_class("typename", typename, errp);

    if (!oc) {
        return false;
    }
    *ret = qmp_class_props(oc, false);
    return true;
}

bool qmp_device_list_properties(const char *typename, GPtrArray **ret,
                                QmpSession *s, Error **errp)
{
    ObjectClass *oc = qmp_find_class("typename", typename, errp);

    if (!oc) {
        return false;
    }
    if (!object_class_dynamic_cast(oc, TYPE_DEVICE) ||
        object_class_is_abstract(oc)) {
        error_setg(errp, "Parameter 'typename': '%s' is not a concrete "
                   "device type (qom-list-types with implements=device "
                   "lists them)", typename);
        return false;
    }
    *ret = qmp_class_props(oc, true);
    return true;
}

/* ---------------------------------------------------------------------- */
/* User-creatable objects                                                 */

static Object *qmp_objects(QmpSession *s, Error **errp)
{
    Object *c = object_get_child(s->root, "objects");

    return c ? c : object_new_child(s->root, "objects", TYPE_CONTAINER,
                                    errp);
}

bool qmp_object_add(const char *qom_type, const char *id, json_t *extra,
                    QmpSession *s, Error **errp)
{
    Object *folder = qmp_objects(s, errp);
    const char *key;
    json_t *value;
    Object *obj;

    if (!folder) {
        return false;
    }
    if (!*id || object_get_child(folder, id)) {
        error_setg(errp, "object-add: id '%s' is %s under /objects", id,
                   *id ? "already in use" : "empty: give a name");
        return false;
    }
    obj = object_new_checked(qom_type, TYPE_USER_CREATABLE, errp);
    if (!obj) {
        return false;
    }
    json_object_foreach(extra, key, value) {
        if (!qmp_prop_set_json(obj, key, value, errp)) {
            goto fail;
        }
    }
    if (!object_property_add_child(folder, id, obj, errp)) {
        goto fail;
    }
    object_unref(obj);
    if (!object_realize_tree(obj, errp)) {
        error_prepend(errp, "object-add %s,id=%s: ", qom_type, id);
        object_unparent(obj);
        return false;
    }
    return true;

fail:
    error_prepend(errp, "object-add %s,id=%s: ", qom_type, id);
    object_unref(obj);
    return false;
}

bool qmp_object_del(const char *id, QmpSession *s, Error **errp)
{
    Object *folder = object_get_child(s->root, "objects");
    Object *obj = folder ? object_get_child(folder, id) : NULL;

    if (!obj) {
        error_setg(errp, "object-del: no object with id '%s' under /objects",
                   id);
        return false;
    }
    if (!object_dynamic_cast(obj, TYPE_USER_CREATABLE)) {
        error_setg(errp, "object-del: '%s' (%s) was not created by "
                   "object-add or -object and cannot be deleted", id,
                   object_get_typename(obj));
        return false;
    }
    if (obj->ref > 1) {
        error_setg(errp, "object-del: '%s' is in use by another object",
                   id);
        return false;
    }
    object_unparent(obj);
    return true;
}
