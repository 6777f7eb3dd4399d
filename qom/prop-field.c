/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Field properties: class properties declared in a PropDef table, each
 * mapped onto a field of the instance struct at a fixed offset.
 *
 * Storage by kind: UINT and INT fields of 1, 2, 4 or 8 bytes (prop->size),
 * BOOL as bool, SIZE as uint64_t, STRING as an owned char * (set dups,
 * finalize frees), ENUM as int (the index), LINK as Object * holding a
 * reference.  Defaults are written when an object is created, root class
 * first, before any instance_init runs.  The range of an integer field is
 * clamped to what its C type can hold, so a setter never truncates.
 * Contract: include/qom/object.h ("Field properties").
 */
#include "hemu/osdep.h"
#include "qom/object.h"
#include "internal.h"

static void *field_ptr(Object *obj, ObjectProperty *prop)
{
    return (char *)obj + prop->offset;
}

static uint64_t field_read_u(const void *p, size_t size)
{
    switch (size) {
    case 1:
        return *(const uint8_t *)p;
    case 2:
        return *(const uint16_t *)p;
    case 4:
        return *(const uint32_t *)p;
    default:
        return *(const uint64_t *)p;
    }
}

static int64_t field_read_i(const void *p, size_t size)
{
    switch (size) {
    case 1:
        return *(const int8_t *)p;
    case 2:
        return *(const int16_t *)p;
    case 4:
        return *(const int32_t *)p;
    default:
        return *(const int64_t *)p;
    }
}

/* Store the low @size bytes of @v (callers range-checked it). */
static void field_write(void *p, size_t size, uint64_t v)
{
    switch (size) {
    case 1:
        *(uint8_t *)p = (uint8_t)v;
        break;
    case 2:
        *(uint16_t *)p = (uint16_t)v;
        break;
    case 4:
        *(uint32_t *)p = (uint32_t)v;
        break;
    default:
        *(uint64_t *)p = v;
        break;
    }
}

static bool field_get(Object *obj, ObjectProperty *prop, PropValue *val,
                      Error **errp)
{
    void *p = field_ptr(obj, prop);

    *val = (PropValue){.kind = prop->kind};
    switch (prop->kind) {
    case PROP_KIND_BOOL:
        val->b = *(bool *)p;
        break;
    case PROP_KIND_INT:
        val->i = field_read_i(p, prop->size);
        break;
    case PROP_KIND_UINT:
    case PROP_KIND_SIZE:
        val->u = field_read_u(p, prop->size);
        break;
    case PROP_KIND_STRING:
        val->s = g_strdup(*(char **)p);
        break;
    case PROP_KIND_ENUM:
        val->i = *(int *)p;
        break;
    case PROP_KIND_LINK:
    case PROP_KIND_CHILD:
        val->obj = *(Object **)p;
        break;
    }
    return true;
}

static void field_store(Object *obj, ObjectProperty *prop, const PropValue *val)
{
    void *p = field_ptr(obj, prop);

    switch (prop->kind) {
    case PROP_KIND_BOOL:
        *(bool *)p = val->b;
        break;
    case PROP_KIND_INT:
        field_write(p, prop->size, (uint64_t)val->i);
        break;
    case PROP_KIND_UINT:
    case PROP_KIND_SIZE:
        field_write(p, prop->size, val->u);
        break;
    case PROP_KIND_STRING: {
        char *old = *(char **)p;
        *(char **)p = g_strdup(val->s);
        g_free(old);
        break;
    }
    case PROP_KIND_ENUM:
        *(int *)p = (int)val->i;
        break;
    case PROP_KIND_LINK:
    case PROP_KIND_CHILD: {
        Object *old = *(Object **)p;
        if (val->obj) {
            object_ref(val->obj);
        }
        *(Object **)p = val->obj;
        object_unref(old);
        break;
    }
    }
}

static bool field_set(Object *obj, ObjectProperty *prop, const PropValue *val,
                      Error **errp)
{
    field_store(obj, prop, val);
    return true;
}

/* Clamp the declared range of an integer field to its C type. */
static void field_clamp_range(ObjectProperty *prop, const PropDef *d)
{
    unsigned bits = (unsigned)prop->size * 8;
    uint64_t umax = bits >= 64 ? UINT64_MAX : (UINT64_C(1) << bits) - 1;
    int64_t smax = (int64_t)(umax >> 1);

    if (prop->kind == PROP_KIND_INT) {
        bool given = d->min || d->max;
        prop->min = given ? HEMU_MAX(d->min, -smax - 1) : -smax - 1;
        prop->max = given ? HEMU_MIN(d->max, smax) : smax;
    } else {
        bool given = d->umin || d->umax;
        prop->umin = given ? d->umin : 0;
        prop->umax = given ? HEMU_MIN(d->umax, umax) : umax;
    }
}

static void field_prop_check(ObjectClass *oc, const PropDef *d)
{
    bool ok = d->size > 0;

    switch (d->kind) {
    case PROP_KIND_INT:
    case PROP_KIND_UINT:
        ok &= d->size == 1 || d->size == 2 || d->size == 4 || d->size == 8;
        break;
    case PROP_KIND_SIZE:
        ok &= d->size == sizeof(uint64_t);
        break;
    case PROP_KIND_BOOL:
        ok &= d->size == sizeof(bool);
        break;
    case PROP_KIND_ENUM:
        ok &= d->size == sizeof(int) && d->enum_names;
        break;
    case PROP_KIND_STRING:
    case PROP_KIND_LINK:
        ok &= d->size == sizeof(void *);
        break;
    case PROP_KIND_CHILD:
        ok = false;
        break;
    }
    if (!ok) {
        fprintf(stderr,
                "hemu: class '%s': field property '%s' has a bad "
                "kind or size\n",
                object_class_get_name(oc), d->name);
        abort();
    }
}

static void field_prop_default(ObjectProperty *prop, const PropDef *d)
{
    prop->has_default =
        d->has_default || (d->kind == PROP_KIND_STRING && d->def_s);
    prop->defval.kind = d->kind;
    switch (d->kind) {
    case PROP_KIND_BOOL:
        prop->defval.b = d->def_u != 0;
        break;
    case PROP_KIND_INT:
    case PROP_KIND_ENUM:
        prop->defval.i = d->def_i;
        break;
    case PROP_KIND_UINT:
    case PROP_KIND_SIZE:
        prop->defval.u = d->def_u;
        break;
    case PROP_KIND_STRING:
        prop->defval.s = g_strdup(d->def_s);
        break;
    case PROP_KIND_LINK:
    case PROP_KIND_CHILD:
        prop->has_default = false;
        break;
    }
}

void object_class_add_field_props(ObjectClass *oc, const PropDef *defs)
{
    for (const PropDef *d = defs; d->name; d++) {
        ObjectProperty *prop;

        field_prop_check(oc, d);
        prop = object_class_property_add(oc, d->name, d->kind, d->type_name,
                                         field_get, field_set, NULL,
                                         d->description);
        prop->flags = d->flags;
        prop->offset = d->offset;
        prop->size = d->size;
        prop->enum_names = d->enum_names;
        prop->link_type = d->link_type;
        if (d->kind == PROP_KIND_INT || d->kind == PROP_KIND_UINT ||
            d->kind == PROP_KIND_SIZE) {
            field_clamp_range(prop, d);
        }
        field_prop_default(prop, d);
    }
}

/* Whether @prop is a field property created by this file. */
static bool is_field_prop(const ObjectProperty *prop)
{
    return prop->get == field_get;
}

static void field_props_init_type(Object *obj, Type t)
{
    if (t->parent) {
        field_props_init_type(obj, t->parent);
    }
    for (guint i = 0; i < t->props->len; i++) {
        ObjectProperty *prop = g_ptr_array_index(t->props, i);
        if (is_field_prop(prop) && prop->has_default) {
            field_store(obj, prop, &prop->defval);
        }
    }
}

void qom_field_props_init(Object *obj)
{
    field_props_init_type(obj, obj->klass->type);
}

void qom_field_props_finalize(Object *obj)
{
    for (Type t = obj->klass->type; t; t = t->parent) {
        for (guint i = 0; i < t->props->len; i++) {
            ObjectProperty *prop = g_ptr_array_index(t->props, i);
            void **slot = field_ptr(obj, prop);

            if (!is_field_prop(prop)) {
                continue;
            }
            if (prop->kind == PROP_KIND_STRING) {
                g_free(*slot);
                *slot = NULL;
            } else if (prop->kind == PROP_KIND_LINK && *slot) {
                Object *old = *slot;
                *slot = NULL;
                object_unref(old);
            }
        }
    }
}
