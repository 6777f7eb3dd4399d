/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Typed convenience setters and getters, and the text forms of property
 * values: object_property_parse() (what users type on the command line,
 * in machine files and QMP strings) and object_property_print() (its
 * inverse), plus the enum name helpers.
 *
 * Text rules: bool is on/off/yes/no/true/false/1/0 (parse_bool) and prints
 * "on"/"off"; integers take C syntax; sizes take suffixes and print as
 * decimal bytes; enums are names; links are object paths resolved from
 * the object itself (absolute or relative), printed as canonical paths,
 * the empty string meaning "no object".  Every value parsed here goes
 * through object_property_set(), so ranges and life-cycle rules apply.
 */
#include "hemu/osdep.h"
#include "qom/object.h"
#include "util/cutils.h"
#include "internal.h"

static char *value_to_text(ObjectProperty *prop, const PropValue *val);

/* ---------------------------------------------------------------------- */
/* Typed setters and getters                                              */

bool object_property_set_bool(Object *obj, const char *name, bool value,
                              Error **errp)
{
    PropValue v = {.kind = PROP_KIND_BOOL, .b = value};

    return object_property_set(obj, name, &v, errp);
}

bool object_property_set_int(Object *obj, const char *name, int64_t value,
                             Error **errp)
{
    PropValue v = {.kind = PROP_KIND_INT, .i = value};

    return object_property_set(obj, name, &v, errp);
}

bool object_property_set_uint(Object *obj, const char *name, uint64_t value,
                              Error **errp)
{
    PropValue v = {.kind = PROP_KIND_UINT, .u = value};

    return object_property_set(obj, name, &v, errp);
}

bool object_property_set_str(Object *obj, const char *name, const char *value,
                             Error **errp)
{
    PropValue v = {.kind = PROP_KIND_STRING, .s = (char *)value};

    return object_property_set(obj, name, &v, errp);
}

bool object_property_set_link(Object *obj, const char *name, Object *target,
                              Error **errp)
{
    PropValue v = {.kind = PROP_KIND_LINK, .obj = target};

    return object_property_set(obj, name, &v, errp);
}

/* Get @name and check its kind is one of @kinds (a bit mask). */
static bool get_kind(Object *obj, const char *name, unsigned kinds,
                     const char *want, PropValue *val, Error **errp)
{
    if (!object_property_get(obj, name, val, errp)) {
        return false;
    }
    if (!(kinds & (1u << val->kind))) {
        ObjectProperty *prop = object_property_find(obj, name);
        g_autofree char *desc = object_describe(obj);
        error_setg(errp, "property '%s' of %s is a %s, not a %s", name, desc,
                   prop->type_name, want);
        prop_value_clear(val);
        return false;
    }
    return true;
}

#define KIND_BIT(k) (1u << (k))

bool object_property_get_bool(Object *obj, const char *name, Error **errp)
{
    PropValue v;

    return get_kind(obj, name, KIND_BIT(PROP_KIND_BOOL), "bool", &v, errp) &&
           v.b;
}

int64_t object_property_get_int(Object *obj, const char *name, Error **errp)
{
    unsigned kinds = KIND_BIT(PROP_KIND_INT) | KIND_BIT(PROP_KIND_UINT) |
                     KIND_BIT(PROP_KIND_SIZE) | KIND_BIT(PROP_KIND_ENUM);
    PropValue v;

    if (!get_kind(obj, name, kinds, "int", &v, errp)) {
        return 0;
    }
    if ((v.kind == PROP_KIND_UINT || v.kind == PROP_KIND_SIZE) &&
        v.u > INT64_MAX) {
        g_autofree char *desc = object_describe(obj);
        error_setg(errp,
                   "value %" PRIu64 " of property '%s' of %s does not "
                   "fit an int64",
                   v.u, name, desc);
        return 0;
    }
    return v.kind == PROP_KIND_UINT || v.kind == PROP_KIND_SIZE ? (int64_t)v.u
                                                                : v.i;
}

uint64_t object_property_get_uint(Object *obj, const char *name, Error **errp)
{
    unsigned kinds = KIND_BIT(PROP_KIND_INT) | KIND_BIT(PROP_KIND_UINT) |
                     KIND_BIT(PROP_KIND_SIZE) | KIND_BIT(PROP_KIND_ENUM);
    PropValue v;

    if (!get_kind(obj, name, kinds, "uint", &v, errp)) {
        return 0;
    }
    if (v.kind == PROP_KIND_UINT || v.kind == PROP_KIND_SIZE) {
        return v.u;
    }
    if (v.i < 0) {
        g_autofree char *desc = object_describe(obj);
        error_setg(errp,
                   "value %" PRId64 " of property '%s' of %s is "
                   "negative",
                   v.i, name, desc);
        return 0;
    }
    return (uint64_t)v.i;
}

char *object_property_get_str(Object *obj, const char *name, Error **errp)
{
    unsigned kinds = KIND_BIT(PROP_KIND_STRING) | KIND_BIT(PROP_KIND_ENUM);
    ObjectProperty *prop;
    PropValue v;

    if (!get_kind(obj, name, kinds, "string", &v, errp)) {
        return NULL;
    }
    if (v.kind == PROP_KIND_STRING) {
        return v.s;
    }
    prop = object_property_find(obj, name);
    return value_to_text(prop, &v);
}

Object *object_property_get_link(Object *obj, const char *name, Error **errp)
{
    unsigned kinds = KIND_BIT(PROP_KIND_LINK) | KIND_BIT(PROP_KIND_CHILD);
    PropValue v;

    if (!get_kind(obj, name, kinds, "link", &v, errp)) {
        return NULL;
    }
    return v.obj;
}

/* ---------------------------------------------------------------------- */
/* Text                                                                   */

static bool parse_link(Object *obj, ObjectProperty *prop, const char *text,
                       PropValue *v, Error **errp)
{
    v->kind = PROP_KIND_LINK;
    v->obj = NULL;
    if (!*text) {
        return true;
    }
    v->obj = object_resolve_path(obj, text);
    if (!v->obj) {
        g_autofree char *desc = object_describe(obj);
        error_setg(errp, "%s: property '%s': no object at path '%s'", desc,
                   prop->name, text);
        return false;
    }
    return true;
}

bool object_property_parse(Object *obj, const char *name, const char *text,
                           Error **errp)
{
    ObjectProperty *prop = object_property_find_err(obj, name, errp);
    g_autofree char *what = NULL;
    g_autofree char *desc = NULL;
    PropValue v = {0};
    bool ok = false;

    if (!prop) {
        return false;
    }
    desc = object_describe(obj);
    what = g_strdup_printf("%s: property '%s'", desc, name);
    v.kind = prop->kind;
    switch (prop->kind) {
    case PROP_KIND_BOOL:
        ok = parse_bool(text, &v.b, what, errp);
        break;
    case PROP_KIND_INT:
        ok = parse_int64(text, &v.i, what, errp);
        break;
    case PROP_KIND_UINT:
        ok = parse_uint64(text, &v.u, what, errp);
        break;
    case PROP_KIND_SIZE:
        ok = parse_size(text, &v.u, 1, what, errp);
        break;
    case PROP_KIND_STRING:
    case PROP_KIND_ENUM:
        v.kind = PROP_KIND_STRING;
        v.s = (char *)text;
        ok = true;
        break;
    case PROP_KIND_LINK:
        ok = parse_link(obj, prop, text, &v, errp);
        break;
    case PROP_KIND_CHILD:
        error_setg(errp, "%s: property '%s' is read-only", desc, name);
        break;
    }
    return ok && object_property_set(obj, name, &v, errp);
}

/* @val (of @prop's kind) as text; g_free it. */
static char *value_to_text(ObjectProperty *prop, const PropValue *val)
{
    switch (val->kind) {
    case PROP_KIND_BOOL:
        return g_strdup(val->b ? "on" : "off");
    case PROP_KIND_INT:
        return g_strdup_printf("%" PRId64, val->i);
    case PROP_KIND_UINT:
    case PROP_KIND_SIZE:
        return g_strdup_printf("%" PRIu64, val->u);
    case PROP_KIND_STRING:
        return g_strdup(val->s ? val->s : "");
    case PROP_KIND_ENUM:
        if (prop->enum_names && val->i >= 0 &&
            val->i < g_strv_length((char **)prop->enum_names)) {
            return g_strdup(prop->enum_names[val->i]);
        }
        return g_strdup_printf("%" PRId64, val->i);
    case PROP_KIND_LINK:
    case PROP_KIND_CHILD:
        if (!val->obj) {
            return g_strdup("");
        }
        return object_get_canonical_path(val->obj);
    }
    return NULL;
}

char *object_property_print(Object *obj, const char *name, Error **errp)
{
    ObjectProperty *prop = object_property_find_err(obj, name, errp);
    PropValue v;
    char *text;

    if (!prop || !object_property_get(obj, name, &v, errp)) {
        return NULL;
    }
    text = value_to_text(prop, &v);
    if (!text) {
        g_autofree char *desc = object_describe(obj);
        g_autofree char *target = object_describe(v.obj);
        error_setg(errp, "%s: property '%s' links to %s, which has no path",
                   desc, name, target);
    }
    prop_value_clear(&v);
    return text;
}

char *object_property_default_str(ObjectProperty *prop)
{
    if (!prop->has_default) {
        return NULL;
    }
    return value_to_text(prop, &prop->defval);
}

/* ---------------------------------------------------------------------- */
/* Enums                                                                  */

int qom_enum_lookup(const char *const *names, const char *name)
{
    for (int i = 0; names && names[i]; i++) {
        if (!strcmp(names[i], name)) {
            return i;
        }
    }
    return -1;
}

char *qom_enum_list(const char *const *names)
{
    GString *s = g_string_new(NULL);

    for (int i = 0; names && names[i]; i++) {
        g_string_append_printf(s, "%s%s", i ? ", " : "", names[i]);
    }
    return g_string_free(s, FALSE);
}
