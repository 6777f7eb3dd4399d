/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * QOM core: the type registry, lazy class creation, interfaces, casts, and
 * object creation, reference counting and finalisation.
 *
 * The registry is the one process-wide table of QOM: a hash table from
 * type name to TypeImpl, filled by type_init() constructors (and by
 * loadable target modules), protected by types_lock.  Classes are built on
 * first use under a recursive lock (a class_init may look up other
 * classes); a class pointer is published with release semantics once its
 * class_init has finished, so the fast path is one acquire load.
 *
 * Interfaces: every class keeps, in oc->interfaces, one InterfaceClass per
 * interface it implements (own or inherited), allocated for that class and
 * pointing back with concrete_class; casting a class to an interface
 * returns that InterfaceClass.  Contract: include/qom/object.h; design
 * notes: docs/devel/qom.md.
 */
#include "hemu/osdep.h"
#include "qom/object.h"
#include "internal.h"

static GMutex types_lock;    /* protects types */
static GHashTable *types;    /* name -> TypeImpl *, never shrinks */
static GRecMutex class_lock; /* serialises class creation */

/* ---------------------------------------------------------------------- */
/* Registry                                                               */

Type type_register_static(const TypeInfo *info)
{
    Type t;

    assert(info->name);
    assert(info->parent || !strcmp(info->name, TYPE_OBJECT) ||
           !strcmp(info->name, TYPE_INTERFACE));
    t = g_new0(struct TypeImpl, 1);
    t->info = info;
    t->name = info->name;
    t->props = g_ptr_array_new();

    g_mutex_lock(&types_lock);
    if (!types) {
        types = g_hash_table_new(g_str_hash, g_str_equal);
    }
    if (g_hash_table_lookup(types, info->name)) {
        fprintf(stderr, "hemu: type '%s' registered twice\n", info->name);
        abort();
    }
    g_hash_table_insert(types, (gpointer)info->name, t);
    g_mutex_unlock(&types_lock);
    return t;
}

void type_register_static_array(const TypeInfo *infos, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        type_register_static(&infos[i]);
    }
}

Type qom_type_lookup(const char *name)
{
    Type t = NULL;

    if (!name) {
        return NULL;
    }
    g_mutex_lock(&types_lock);
    if (types) {
        t = g_hash_table_lookup(types, name);
    }
    g_mutex_unlock(&types_lock);
    return t;
}

/* Every registered type, in no particular order; g_ptr_array_unref. */
static GPtrArray *type_list_all(void)
{
    GPtrArray *all = g_ptr_array_new();
    GHashTableIter it;
    gpointer value;

    g_mutex_lock(&types_lock);
    if (types) {
        g_hash_table_iter_init(&it, types);
        while (g_hash_table_iter_next(&it, NULL, &value)) {
            g_ptr_array_add(all, value);
        }
    }
    g_mutex_unlock(&types_lock);
    return all;
}

/* ---------------------------------------------------------------------- */
/* Classes                                                                */

/* Find @iface in the InterfaceClass list @list (exact type). */
static InterfaceClass *iface_list_find(GSList *list, Type iface)
{
    for (GSList *l = list; l; l = l->next) {
        InterfaceClass *ic = l->data;
        if (ic->interface_type == iface) {
            return ic;
        }
    }
    return NULL;
}

/*
 * Give @oc its own InterfaceClass for @iface, copied from @template (the
 * parent class's copy, which keeps inherited method overrides, or the
 * interface's own class).
 */
static void class_add_interface(ObjectClass *oc, Type iface,
                                ObjectClass *template, size_t size)
{
    InterfaceClass *ic = g_malloc0(size);

    memcpy(ic, template, size);
    ic->parent_class.type = iface;
    ic->parent_class.interfaces = NULL;
    ic->concrete_class = oc;
    ic->interface_type = iface;
    oc->interfaces = g_slist_append(oc->interfaces, ic);
}

static void class_init_interfaces(ObjectClass *oc, Type t)
{
    const InterfaceInfo *ii = t->info->interfaces;

    if (t->parent) {
        for (GSList *l = t->parent->klass->interfaces; l; l = l->next) {
            InterfaceClass *pic = l->data;
            class_add_interface(oc, pic->interface_type, OBJECT_CLASS(pic),
                                pic->interface_type->class_size);
        }
    }
    for (; ii && ii->type; ii++) {
        Type iface = qom_type_lookup(ii->type);
        ObjectClass *ioc = iface ? qom_type_get_class(iface) : NULL;

        if (!iface || !iface->is_interface) {
            fprintf(stderr,
                    "hemu: type '%s' implements '%s', which is not "
                    "a registered interface\n",
                    t->name, ii->type);
            abort();
        }
        if (!iface_list_find(oc->interfaces, iface)) {
            class_add_interface(oc, iface, ioc, iface->class_size);
        }
    }
}

/* Build @t's class; called with class_lock held. */
static void type_build_class(Type t)
{
    const TypeInfo *info = t->info;
    ObjectClass *pc = NULL;
    ObjectClass *oc;

    if (info->parent) {
        t->parent = qom_type_lookup(info->parent);
        if (!t->parent) {
            fprintf(stderr, "hemu: type '%s' has unknown parent '%s'\n",
                    t->name, info->parent);
            abort();
        }
        pc = qom_type_get_class(t->parent);
    }
    t->is_interface = !strcmp(t->name, TYPE_INTERFACE) ||
                      (t->parent && t->parent->is_interface);
    t->class_size = info->class_size  ? info->class_size
                    : t->parent       ? t->parent->class_size
                    : t->is_interface ? sizeof(InterfaceClass)
                                      : sizeof(ObjectClass);
    t->instance_size = info->instance_size ? info->instance_size
                       : t->parent         ? t->parent->instance_size
                                           : sizeof(Object);
    assert(!t->parent || t->class_size >= t->parent->class_size);
    assert(!t->parent || t->instance_size >= t->parent->instance_size);
    assert(!t->is_interface || !info->instance_size);

    oc = g_malloc0(t->class_size);
    if (pc) {
        memcpy(oc, pc, t->parent->class_size);
    }
    oc->type = t;
    oc->interfaces = NULL;
    t->klass_building = oc;
    if (!t->is_interface) {
        class_init_interfaces(oc, t);
    }
    if (info->class_init) {
        info->class_init(oc, info->class_data);
    }
    t->klass_building = NULL;
    __atomic_store_n(&t->klass, oc, __ATOMIC_RELEASE);
}

ObjectClass *qom_type_get_class(Type t)
{
    ObjectClass *oc = __atomic_load_n(&t->klass, __ATOMIC_ACQUIRE);

    if (oc) {
        return oc;
    }
    g_rec_mutex_lock(&class_lock);
    if (t->klass) {
        oc = t->klass;
    } else if (t->klass_building) {
        /* class_init of @t (or of its interfaces) asking for itself */
        oc = t->klass_building;
    } else {
        type_build_class(t);
        oc = t->klass;
    }
    g_rec_mutex_unlock(&class_lock);
    return oc;
}

ObjectClass *object_class_by_name(const char *typename)
{
    Type t = qom_type_lookup(typename);

    return t ? qom_type_get_class(t) : NULL;
}

ObjectClass *object_class_get_parent(ObjectClass *oc)
{
    return oc->type->parent ? qom_type_get_class(oc->type->parent) : NULL;
}

const char *object_class_get_name(ObjectClass *oc)
{
    return oc->type->name;
}

const char *object_class_get_description(ObjectClass *oc)
{
    return oc->type->info->description;
}

bool object_class_is_abstract(ObjectClass *oc)
{
    return oc->type->info->abstract || oc->type->is_interface;
}

/* Whether @t or one of its ancestors is called @name. */
static bool type_name_is_a(Type t, const char *name)
{
    for (; t; t = t->parent) {
        if (t->name == name || !strcmp(t->name, name)) {
            return true;
        }
    }
    return false;
}

ObjectClass *object_class_dynamic_cast(ObjectClass *oc, const char *typename)
{
    if (!oc || !typename) {
        return NULL;
    }
    if (type_name_is_a(oc->type, typename)) {
        return oc;
    }
    for (GSList *l = oc->interfaces; l; l = l->next) {
        InterfaceClass *ic = l->data;
        if (type_name_is_a(ic->interface_type, typename)) {
            return OBJECT_CLASS(ic);
        }
    }
    return NULL;
}

static HEMU_NORETURN void cast_failed(const char *have, const char *want,
                                      const char *file, int line)
{
    fprintf(stderr, "hemu: %s:%d: object of type '%s' is not a '%s'\n", file,
            line, have, want);
    abort();
}

ObjectClass *object_class_dynamic_cast_assert(ObjectClass *oc,
                                              const char *typename,
                                              const char *file, int line,
                                              const char *func)
{
    ObjectClass *ret;

    if (!oc) {
        return NULL;
    }
    ret = object_class_dynamic_cast(oc, typename);
    if (!ret) {
        cast_failed(oc->type->name, typename, file, line);
    }
    return ret;
}

static gint class_name_cmp(gconstpointer a, gconstpointer b)
{
    const ObjectClass *x = a;
    const ObjectClass *y = b;

    return strcmp(x->type->name, y->type->name);
}

GSList *object_class_get_list(const char *implements_type,
                              bool include_abstract)
{
    GPtrArray *all = type_list_all();
    GSList *list = NULL;

    for (guint i = 0; i < all->len; i++) {
        Type t = g_ptr_array_index(all, i);
        ObjectClass *oc = qom_type_get_class(t);

        if (!include_abstract && object_class_is_abstract(oc)) {
            continue;
        }
        if (implements_type &&
            !object_class_dynamic_cast(oc, implements_type)) {
            continue;
        }
        list = g_slist_prepend(list, oc);
    }
    g_ptr_array_unref(all);
    return g_slist_sort(list, class_name_cmp);
}

char **object_class_get_interface_names(ObjectClass *oc)
{
    GPtrArray *names = g_ptr_array_new();

    for (GSList *l = oc->interfaces; l; l = l->next) {
        InterfaceClass *ic = l->data;
        for (Type t = ic->interface_type; t && t->parent; t = t->parent) {
            bool seen = false;
            for (guint i = 0; i < names->len; i++) {
                seen |= !strcmp(g_ptr_array_index(names, i), t->name);
            }
            if (!seen) {
                g_ptr_array_add(names, g_strdup(t->name));
            }
        }
    }
    g_ptr_array_add(names, NULL);
    return (char **)g_ptr_array_free(names, FALSE);
}

/* ---------------------------------------------------------------------- */
/* Objects                                                                */

ObjectClass *object_get_class(Object *obj)
{
    return obj->klass;
}

const char *object_get_typename(const Object *obj)
{
    return obj->klass->type->name;
}

Object *object_dynamic_cast(Object *obj, const char *typename)
{
    if (obj && object_class_dynamic_cast(obj->klass, typename)) {
        return obj;
    }
    return NULL;
}

Object *object_dynamic_cast_assert(Object *obj, const char *typename,
                                   const char *file, int line, const char *func)
{
    if (obj && !object_class_dynamic_cast(obj->klass, typename)) {
        cast_failed(object_get_typename(obj), typename, file, line);
    }
    return obj;
}

static void object_init_with_type(Object *obj, Type t)
{
    if (t->parent) {
        object_init_with_type(obj, t->parent);
    }
    if (t->info->instance_init) {
        t->info->instance_init(obj);
    }
}

static void object_post_init_with_type(Object *obj, Type t)
{
    if (t->parent) {
        object_post_init_with_type(obj, t->parent);
    }
    if (t->info->instance_post_init) {
        t->info->instance_post_init(obj);
    }
}

static Object *object_new_with_type(Type t)
{
    ObjectClass *oc = qom_type_get_class(t);
    Object *obj;

    assert(!object_class_is_abstract(oc));
    obj = g_malloc0(t->instance_size);
    obj->klass = oc;
    obj->ref = 1;
    obj->state = OBJECT_STATE_CREATED;
    obj->properties = g_ptr_array_new();
    qom_field_props_init(obj);
    object_init_with_type(obj, t);
    object_post_init_with_type(obj, t);
    return obj;
}

Object *object_new(const char *typename)
{
    Type t = qom_type_lookup(typename);

    if (!t) {
        fprintf(stderr, "hemu: object_new: unknown type '%s'\n", typename);
        abort();
    }
    return object_new_with_type(t);
}

/* "a, b, c": the concrete types that are a @must_be (all if NULL). */
static char *concrete_type_list(const char *must_be)
{
    GSList *list = object_class_get_list(must_be, false);
    GString *s = g_string_new(NULL);

    for (GSList *l = list; l; l = l->next) {
        g_string_append_printf(s, "%s%s", s->len ? ", " : "",
                               object_class_get_name(l->data));
    }
    g_slist_free(list);
    return g_string_free(s, FALSE);
}

Object *object_new_checked(const char *typename, const char *must_be,
                           Error **errp)
{
    Type t = qom_type_lookup(typename);
    g_autofree char *accepted = NULL;
    ObjectClass *oc;

    if (t) {
        oc = qom_type_get_class(t);
        if (!object_class_is_abstract(oc) &&
            (!must_be || object_class_dynamic_cast(oc, must_be))) {
            return object_new_with_type(t);
        }
    }
    accepted = concrete_type_list(must_be);
    if (!t) {
        error_setg(errp, "unknown type '%s'%s%s (accepted: %s)", typename,
                   must_be ? " of " : "", must_be ? must_be : "", accepted);
    } else if (object_class_is_abstract(oc)) {
        error_setg(errp,
                   "type '%s' is abstract and cannot be created "
                   "(accepted: %s)",
                   typename, accepted);
    } else {
        error_setg(errp, "type '%s' is not a '%s' (accepted: %s)", typename,
                   must_be, accepted);
    }
    return NULL;
}

void object_ref(Object *obj)
{
    uint32_t old = __atomic_fetch_add(&obj->ref, 1, __ATOMIC_RELAXED);

    assert(old > 0);
}

static void object_finalize_with_type(Object *obj, Type t)
{
    for (; t; t = t->parent) {
        if (t->info->instance_finalize) {
            t->info->instance_finalize(obj);
        }
    }
}

/*
 * Tear down an object nobody references: unrealize, drop children and
 * instance properties (newest first), finalize leaf type first, then free
 * what field properties own.
 */
static void object_finalize(Object *obj)
{
    assert(!obj->parent);
    if (obj->state == OBJECT_STATE_REALIZED) {
        object_unrealize(obj);
    }
    for (int i = (int)obj->properties->len - 1; i >= 0; i--) {
        ObjectProperty *prop = g_ptr_array_index(obj->properties, i);
        if (prop->kind == PROP_KIND_CHILD) {
            object_unparent(prop->opaque);
        }
    }
    while (obj->properties->len) {
        ObjectProperty *prop =
            g_ptr_array_steal_index(obj->properties, obj->properties->len - 1);
        qom_property_free(obj, prop);
    }
    object_finalize_with_type(obj, obj->klass->type);
    qom_field_props_finalize(obj);
    g_ptr_array_unref(obj->properties);
    g_free(obj);
}

void object_unref(Object *obj)
{
    if (!obj) {
        return;
    }
    assert(obj->ref > 0);
    if (__atomic_sub_fetch(&obj->ref, 1, __ATOMIC_ACQ_REL) == 0) {
        object_finalize(obj);
    }
}

/* ---------------------------------------------------------------------- */
/* Base types                                                             */

static const TypeInfo qom_base_types[] = {
    {
        .name = TYPE_OBJECT,
        .description = "the root of all object types",
        .instance_size = sizeof(Object),
        .class_size = sizeof(ObjectClass),
        .abstract = true,
    },
    {
        .name = TYPE_INTERFACE,
        .description = "the root of all interfaces",
        .class_size = sizeof(InterfaceClass),
        .abstract = true,
    },
    {
        .name = TYPE_CONTAINER,
        .parent = TYPE_OBJECT,
        .description = "a folder in the composition tree",
    },
    {
        .name = TYPE_USER_CREATABLE,
        .parent = TYPE_INTERFACE,
        .description = "objects that -object and object-add may create",
    },
};

DEFINE_TYPES(qom_base_types)
