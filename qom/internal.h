/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Private declarations shared by the files of the QOM library (object.c,
 * property.c, tree.c).  Nothing outside qom/ includes this.
 *
 * Invariants: a TypeImpl is created by type_register_static() and never
 * freed or changed afterwards except for the lazily filled fields
 * (parent, klass, sizes), which are written once under the class lock
 * before klass is published.  Class properties live in the TypeImpl of the
 * class that added them, in the order added, and are never removed.
 * See include/qom/object.h for the public contract.
 */
#ifndef QOM_INTERNAL_H
#define QOM_INTERNAL_H

#include "qom/object.h"

struct TypeImpl {
    const TypeInfo *info;        /* the registered description */
    const char *name;            /* == info->name */
    Type parent;                 /* resolved at class creation; NULL at root */
    bool is_interface;           /* TYPE_INTERFACE or below it */
    size_t instance_size;        /* bytes; resolved at class creation */
    size_t class_size;           /* bytes; resolved at class creation */
    ObjectClass *klass;          /* published (release) once initialised */
    ObjectClass *klass_building; /* set while class_init runs */
    GPtrArray *props;            /* ObjectProperty * added by this class */
};

/* The type called @name, or NULL (thread-safe). */
Type qom_type_lookup(const char *name);
/* @t's class, created (parent first) on first use; thread-safe. */
ObjectClass *qom_type_get_class(Type t);

/* A fresh zeroed property with owned copies of the strings. */
ObjectProperty *qom_property_new(const char *name, PropKind kind,
                                 const char *type_name,
                                 const char *description);
/* Call the release hook of @prop (if any) and free it. */
void qom_property_free(Object *obj, ObjectProperty *prop);
/* Write the field property defaults of every class of @obj, root first. */
void qom_field_props_init(Object *obj);
/* Free STRING fields and drop LINK field references of @obj. */
void qom_field_props_finalize(Object *obj);
/* Index of instance property @name in obj->properties, or -1. */
int qom_instance_prop_index(Object *obj, const char *name);
/* Drop the references @obj holds through generic link properties. */
void qom_links_drop(Object *obj);
/* Human name of a property kind ("bool", "int", "uint", ...). */
const char *qom_kind_name(PropKind kind);
/* Whether a parentless @obj counts as the root of a tree. */
bool qom_is_root(Object *obj);

#endif
