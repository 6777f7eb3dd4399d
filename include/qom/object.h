/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The hemu object model (QOM): types, classes, interfaces, typed
 * properties, the composition tree and the object life cycle.
 *
 * Types form a single-inheritance tree rooted at TYPE_OBJECT; a type may
 * also implement interfaces.  Types register at program start through
 * type_init() constructors and the registry is immutable afterwards, so it
 * is the one process-wide table QOM keeps; everything else (objects, the
 * composition tree, machines) is reached through pointers passed
 * explicitly.  There is no global root: each tree's root is an object
 * without a parent (a machine builder makes one per machine), so two
 * machines in one process never see each other.
 *
 * Life cycle (ARCHITECTURE.md "Object life cycle"): created (object_new),
 * configured (properties set), wired (links, IRQs, clocks, mappings),
 * realized (object_realize: validation, then live), reset, running, then
 * unrealized and finalised when the last reference goes.  Configuration
 * properties (PROP_F_CONFIG, the default for class field properties) are
 * rejected once the object is realized.
 *
 * Design notes and examples: docs/devel/qom.md.
 */
#ifndef QOM_OBJECT_H
#define QOM_OBJECT_H

#include "hemu/osdep.h"
#include "util/error.h"

typedef struct Object Object;
typedef struct ObjectClass ObjectClass;
typedef struct InterfaceClass InterfaceClass;
typedef struct TypeImpl *Type;
typedef struct ObjectProperty ObjectProperty;
typedef struct TypeInfo TypeInfo;

#define TYPE_OBJECT "object"
#define TYPE_INTERFACE "interface"
/* Objects that `-object TYPE,...` and `object-add` may create. */
#define TYPE_USER_CREATABLE "user-creatable"
/* A plain object used as a tree root or a folder in the tree. */
#define TYPE_CONTAINER "container"

/* ---------------------------------------------------------------------- */
/* Types                                                                  */

typedef struct InterfaceInfo {
    const char *type;
} InterfaceInfo;

struct TypeInfo {
    const char *name;           /* unique, lower-case with dashes */
    const char *parent;         /* NULL only for TYPE_OBJECT/TYPE_INTERFACE */
    const char *description;    /* one line for `help` listings; optional */
    size_t instance_size;       /* 0: same as parent */
    void (*instance_init)(Object *obj);     /* after the parent's */
    void (*instance_post_init)(Object *obj); /* after all instance_init */
    void (*instance_finalize)(Object *obj); /* before the parent's */
    bool abstract;              /* no objects of exactly this type */
    size_t class_size;          /* 0: same as parent */
    /* After the parent's class_init; @data is class_data. */
    void (*class_init)(ObjectClass *oc, const void *data);
    const void *class_data;
    const InterfaceInfo *interfaces; /* terminated by { NULL }; optional */
};

/* Register a type; the TypeInfo must outlive the program. */
Type type_register_static(const TypeInfo *info);
/* Register an array of @n types. */
void type_register_static_array(const TypeInfo *infos, size_t n);

/* Run @fn at program start (a constructor); use it to register types. */
#define type_init(fn)                                                        \
    static void __attribute__((constructor)) hemu_type_init_##fn(void)       \
    {                                                                        \
        fn();                                                                \
    }

/* Register a static array of TypeInfo at program start. */
#define DEFINE_TYPES(infos)                                                  \
    static void hemu_register_types_##infos(void)                           \
    {                                                                        \
        type_register_static_array(infos, ARRAY_SIZE(infos));               \
    }                                                                        \
    type_init(hemu_register_types_##infos)

/* ---------------------------------------------------------------------- */
/* Classes and instances                                                  */

struct ObjectClass {
    Type type;                  /* private */
    GSList *interfaces;         /* private: InterfaceClass * */
    /*
     * Realize: validate the configuration and go live.  Called by
     * object_realize() after the generic checks (required links set).
     * Subclasses that override it keep the parent's pointer and call it.
     */
    bool (*realize)(Object *obj, Error **errp);
    /* Undo realize; called by object_unrealize() and on unparent. */
    void (*unrealize)(Object *obj);
};

/* The life-cycle phase an object is in (only these are tracked). */
typedef enum ObjectState {
    OBJECT_STATE_CREATED,       /* created, configured and wired */
    OBJECT_STATE_REALIZED,      /* live */
    OBJECT_STATE_UNREALIZED,    /* was live, torn down; cannot return */
} ObjectState;

struct Object {
    ObjectClass *klass;         /* private; use object_get_class() */
    GPtrArray *properties;      /* private: instance ObjectProperty *, in
                                   the order they were added */
    uint32_t ref;               /* reference count; freed at 0 */
    ObjectState state;
    Object *parent;             /* composition parent; NULL for a root */
    char *name;                 /* name under the parent; NULL for a root */
};

struct InterfaceClass {
    ObjectClass parent_class;
    ObjectClass *concrete_class; /* private: the class implementing it */
    Type interface_type;         /* private */
};

/*
 * Cast macros.  OBJECT_DECLARE_TYPE(MyDev, MyDevClass, MY_DEV) expects
 * TYPE_MY_DEV to be defined and declares MY_DEV(obj), MY_DEV_CLASS(oc) and
 * MY_DEV_GET_CLASS(obj), each checking the type (a failed check is a bug
 * in hemu and aborts with both type names).
 */
#define OBJECT(obj) ((Object *)(obj))
#define OBJECT_CLASS(oc) ((ObjectClass *)(oc))

#define OBJECT_CHECK(type, obj, name)                                        \
    ((type *)object_dynamic_cast_assert(OBJECT(obj), (name), __FILE__,      \
                                        __LINE__, __func__))
#define OBJECT_CLASS_CHECK(class_type, oc, name)                             \
    ((class_type *)object_class_dynamic_cast_assert(OBJECT_CLASS(oc),       \
                                                    (name), __FILE__,        \
                                                    __LINE__, __func__))
#define OBJECT_GET_CLASS(class_type, obj, name)                              \
    OBJECT_CLASS_CHECK(class_type, object_get_class(OBJECT(obj)), name)

#define OBJECT_DECLARE_TYPE(InstanceType, ClassType, UPPER)                  \
    typedef struct InstanceType InstanceType;                                \
    typedef struct ClassType ClassType;                                      \
    G_GNUC_UNUSED static inline InstanceType *UPPER(const void *obj)         \
    {                                                                        \
        return OBJECT_CHECK(InstanceType, obj, TYPE_##UPPER);                \
    }                                                                        \
    G_GNUC_UNUSED static inline ClassType *UPPER##_CLASS(const void *oc)     \
    {                                                                        \
        return OBJECT_CLASS_CHECK(ClassType, oc, TYPE_##UPPER);              \
    }                                                                        \
    G_GNUC_UNUSED static inline ClassType *UPPER##_GET_CLASS(const void *o)  \
    {                                                                        \
        return OBJECT_GET_CLASS(ClassType, o, TYPE_##UPPER);                 \
    }

/* As OBJECT_DECLARE_TYPE for a type that adds nothing to its class. */
#define OBJECT_DECLARE_SIMPLE_TYPE(InstanceType, UPPER)                      \
    typedef struct InstanceType InstanceType;                                \
    G_GNUC_UNUSED static inline InstanceType *UPPER(const void *obj)         \
    {                                                                        \
        return OBJECT_CHECK(InstanceType, obj, TYPE_##UPPER);                \
    }

/*
 * Create an object of a registered, non-abstract type, with one reference
 * owned by the caller.  Asserts on an unknown or abstract type (a bug).
 */
Object *object_new(const char *typename);
/*
 * As object_new for names that come from users: an unknown type, an
 * abstract type, or one that is not a @must_be (if non-NULL) is an error
 * naming the type and saying what is accepted.
 */
Object *object_new_checked(const char *typename, const char *must_be,
                           Error **errp);
void object_ref(Object *obj);
/* Drop a reference; at zero the object is unrealized and finalised. */
void object_unref(Object *obj);

ObjectClass *object_get_class(Object *obj);
const char *object_get_typename(const Object *obj);
/* @obj as @typename (a class or interface) or NULL; NULL-safe. */
Object *object_dynamic_cast(Object *obj, const char *typename);
Object *object_dynamic_cast_assert(Object *obj, const char *typename,
                                   const char *file, int line,
                                   const char *func);

ObjectClass *object_class_by_name(const char *typename);
ObjectClass *object_class_get_parent(ObjectClass *oc);
const char *object_class_get_name(ObjectClass *oc);
const char *object_class_get_description(ObjectClass *oc);
bool object_class_is_abstract(ObjectClass *oc);
ObjectClass *object_class_dynamic_cast(ObjectClass *oc, const char *typename);
ObjectClass *object_class_dynamic_cast_assert(ObjectClass *oc,
                                              const char *typename,
                                              const char *file, int line,
                                              const char *func);
/*
 * Every class that is (or implements) @implements_type (NULL for all),
 * sorted by name; abstract ones only if @include_abstract.  Free the list
 * with g_slist_free (the classes are not copied).
 */
GSList *object_class_get_list(const char *implements_type,
                              bool include_abstract);
/* Names of the interfaces @oc implements, own and inherited; g_strfreev. */
char **object_class_get_interface_names(ObjectClass *oc);

/* ---------------------------------------------------------------------- */
/* Properties                                                             */

typedef enum PropKind {
    PROP_KIND_BOOL,
    PROP_KIND_INT,      /* signed, range [min, max] */
    PROP_KIND_UINT,     /* unsigned, range [umin, umax] */
    PROP_KIND_SIZE,     /* unsigned byte count; text accepts 4K, 512M... */
    PROP_KIND_STRING,
    PROP_KIND_ENUM,     /* one of enum_names; value is the index */
    PROP_KIND_LINK,     /* a reference to another object (by path in text) */
    PROP_KIND_CHILD,    /* a child in the composition tree (read-only) */
} PropKind;

/* A property value in transit; strings are owned by the PropValue. */
typedef struct PropValue {
    PropKind kind;
    union {
        bool b;
        int64_t i;      /* INT, and ENUM (the index) */
        uint64_t u;     /* UINT, SIZE */
        char *s;        /* STRING (may be NULL) */
        Object *obj;    /* LINK, CHILD (no reference held) */
    };
} PropValue;

/* Free what a PropValue owns (its string) and zero it. */
void prop_value_clear(PropValue *val);

enum {
    /* Settable only before realize (configuration). */
    PROP_F_CONFIG = 1u << 0,
    /* A link that must be set before realize. */
    PROP_F_REQUIRED = 1u << 1,
    /* No setter: reading only. */
    PROP_F_READONLY = 1u << 2,
    /* Settable after realize even though config (rare: runtime knobs). */
    PROP_F_RUNTIME = 1u << 3,
};

/*
 * Accessors.  The generic layer converts and range-checks values before
 * calling set, so a setter receives a value of the property's kind within
 * its range; it may still refuse it with an error.
 */
typedef bool ObjectPropertyGet(Object *obj, ObjectProperty *prop,
                               PropValue *val, Error **errp);
typedef bool ObjectPropertySet(Object *obj, ObjectProperty *prop,
                               const PropValue *val, Error **errp);
typedef void ObjectPropertyRelease(Object *obj, ObjectProperty *prop);

struct ObjectProperty {
    char *name;
    PropKind kind;
    char *type_name;            /* "bool", "uint32", "size", "string",
                                   enum type name, "link<TYPE>",
                                   "child<TYPE>" */
    char *description;          /* for help and introspection */
    unsigned flags;             /* PROP_F_* */
    bool has_default;
    PropValue defval;           /* meaningful if has_default */
    int64_t min, max;           /* INT range */
    uint64_t umin, umax;        /* UINT/SIZE range */
    const char *const *enum_names; /* ENUM: NULL-terminated */
    const char *link_type;      /* LINK/CHILD: the required type */
    ObjectPropertyGet *get;
    ObjectPropertySet *set;     /* NULL when read-only */
    ObjectPropertyRelease *release;
    void *opaque;
    size_t offset;              /* field properties: offset in instance */
    size_t size;                /* field properties: field size in bytes */
};

/*
 * Field properties, declared in a table and added to a class with
 * object_class_add_field_props().  Each maps a property onto a field of
 * the instance struct; the field is set to the default when the object is
 * created (before instance_init of the declaring type runs).  All are
 * PROP_F_CONFIG.  The table ends with PROP_END.
 */
typedef struct PropDef {
    const char *name;
    PropKind kind;
    const char *type_name;      /* for UINT/INT: "uint8".."int64" */
    size_t offset;
    size_t size;
    const char *description;
    unsigned flags;
    bool has_default;
    int64_t def_i;
    uint64_t def_u;
    const char *def_s;
    int64_t min, max;
    uint64_t umin, umax;
    const char *const *enum_names;
    const char *link_type;
} PropDef;

/* Compile-time check that a field has the C type a property expects. */
#define PROP_TYPECHECK_(_state, _field, _ctype)                              \
    (0 * sizeof(char[__builtin_types_compatible_p(                           \
                         __typeof__(((_state *)0)->_field), _ctype)          \
                         ? 1 : -1]))
#define PROP_FIELD_(_state, _field)                                          \
    .offset = offsetof(_state, _field),                                      \
    .size = sizeof(((_state *)0)->_field)
#define PROP_FIELD_CHECKED_(_state, _field, _ctype)                          \
    .offset = offsetof(_state, _field) +                                     \
              PROP_TYPECHECK_(_state, _field, _ctype),                       \
    .size = sizeof(((_state *)0)->_field)

#define DEFINE_PROP_BOOL(_n, _state, _field, _def, _desc)                    \
    { .name = (_n), .kind = PROP_KIND_BOOL, .type_name = "bool",             \
      PROP_FIELD_CHECKED_(_state, _field, bool), .description = (_desc),     \
      .flags = PROP_F_CONFIG, .has_default = true, .def_u = (_def) }

#define DEFINE_PROP_UINT_RANGE_(_n, _tn, _ctype, _state, _field, _def, _lo,  \
                                _hi, _desc)                                  \
    { .name = (_n), .kind = PROP_KIND_UINT, .type_name = (_tn),              \
      PROP_FIELD_CHECKED_(_state, _field, _ctype), .description = (_desc),   \
      .flags = PROP_F_CONFIG, .has_default = true, .def_u = (_def),          \
      .umin = (_lo), .umax = (_hi) }

#define DEFINE_PROP_UINT8(_n, _s, _f, _def, _desc)                           \
    DEFINE_PROP_UINT_RANGE_(_n, "uint8", uint8_t, _s, _f, _def, 0,           \
                            UINT8_MAX, _desc)
#define DEFINE_PROP_UINT16(_n, _s, _f, _def, _desc)                          \
    DEFINE_PROP_UINT_RANGE_(_n, "uint16", uint16_t, _s, _f, _def, 0,         \
                            UINT16_MAX, _desc)
#define DEFINE_PROP_UINT32(_n, _s, _f, _def, _desc)                          \
    DEFINE_PROP_UINT_RANGE_(_n, "uint32", uint32_t, _s, _f, _def, 0,         \
                            UINT32_MAX, _desc)
#define DEFINE_PROP_UINT64(_n, _s, _f, _def, _desc)                          \
    DEFINE_PROP_UINT_RANGE_(_n, "uint64", uint64_t, _s, _f, _def, 0,         \
                            UINT64_MAX, _desc)
/* A uint32 limited to [lo, hi]; out-of-range values are an error. */
#define DEFINE_PROP_UINT32_RANGE(_n, _s, _f, _def, _lo, _hi, _desc)          \
    DEFINE_PROP_UINT_RANGE_(_n, "uint32", uint32_t, _s, _f, _def, _lo, _hi,  \
                            _desc)

#define DEFINE_PROP_INT_RANGE_(_n, _tn, _ctype, _state, _field, _def, _lo,   \
                               _hi, _desc)                                   \
    { .name = (_n), .kind = PROP_KIND_INT, .type_name = (_tn),               \
      PROP_FIELD_CHECKED_(_state, _field, _ctype), .description = (_desc),   \
      .flags = PROP_F_CONFIG, .has_default = true, .def_i = (_def),          \
      .min = (_lo), .max = (_hi) }

#define DEFINE_PROP_INT32(_n, _s, _f, _def, _desc)                           \
    DEFINE_PROP_INT_RANGE_(_n, "int32", int32_t, _s, _f, _def, INT32_MIN,    \
                           INT32_MAX, _desc)
#define DEFINE_PROP_INT64(_n, _s, _f, _def, _desc)                           \
    DEFINE_PROP_INT_RANGE_(_n, "int64", int64_t, _s, _f, _def, INT64_MIN,    \
                           INT64_MAX, _desc)

/* A byte count in a uint64_t field; text accepts size suffixes. */
#define DEFINE_PROP_SIZE(_n, _s, _f, _def, _desc)                            \
    { .name = (_n), .kind = PROP_KIND_SIZE, .type_name = "size",             \
      PROP_FIELD_CHECKED_(_s, _f, uint64_t), .description = (_desc),         \
      .flags = PROP_F_CONFIG, .has_default = true, .def_u = (_def),          \
      .umin = 0, .umax = UINT64_MAX }

/* A char * field owned by the object (freed at finalize); default NULL. */
#define DEFINE_PROP_STRING(_n, _s, _f, _desc)                                \
    { .name = (_n), .kind = PROP_KIND_STRING, .type_name = "string",         \
      PROP_FIELD_CHECKED_(_s, _f, char *), .description = (_desc),           \
      .flags = PROP_F_CONFIG }

/* An int field holding an index into @_names (NULL-terminated). */
#define DEFINE_PROP_ENUM(_n, _s, _f, _def, _tn, _names, _desc)               \
    { .name = (_n), .kind = PROP_KIND_ENUM, .type_name = (_tn),              \
      PROP_FIELD_CHECKED_(_s, _f, int), .description = (_desc),              \
      .flags = PROP_F_CONFIG, .has_default = true, .def_i = (_def),          \
      .enum_names = (_names) }

/*
 * An Object * field linking to an object of type @_type (or a subtype);
 * the link holds a reference while set.  _REQUIRED links must be set
 * before realize.
 */
#define DEFINE_PROP_LINK(_n, _s, _f, _type, _desc)                           \
    { .name = (_n), .kind = PROP_KIND_LINK, .type_name = "link<" _type ">",  \
      PROP_FIELD_(_s, _f), .description = (_desc),                 \
      .flags = PROP_F_CONFIG, .link_type = (_type) }
#define DEFINE_PROP_LINK_REQUIRED(_n, _s, _f, _type, _desc)                  \
    { .name = (_n), .kind = PROP_KIND_LINK, .type_name = "link<" _type ">",  \
      PROP_FIELD_(_s, _f), .description = (_desc),                 \
      .flags = PROP_F_CONFIG | PROP_F_REQUIRED, .link_type = (_type) }

#define PROP_END { .name = NULL }

/* Add the field properties of @defs (ending with PROP_END) to @oc. */
void object_class_add_field_props(ObjectClass *oc, const PropDef *defs);

/*
 * Add a property with accessors to a class (inherited by subclasses) or to
 * one object.  The returned property may be adjusted before use
 * (description, flags, range, default).  Adding a name that exists is an
 * error (for objects) or a bug (for classes).
 */
ObjectProperty *object_class_property_add(ObjectClass *oc, const char *name,
                                          PropKind kind,
                                          const char *type_name,
                                          ObjectPropertyGet *get,
                                          ObjectPropertySet *set,
                                          void *opaque,
                                          const char *description);
/*
 * An unsigned configuration property (PROP_F_CONFIG) with accessors, of
 * @type_name ("uint32", ...), accepting @min..@max, default @def: the
 * accessor twin of DEFINE_PROP_UINT32_RANGE for a setter that must do
 * more than store (resize arrays, validate against other state).
 */
ObjectProperty *object_class_property_add_uint(ObjectClass *oc,
                                               const char *name,
                                               const char *type_name,
                                               ObjectPropertyGet *get,
                                               ObjectPropertySet *set,
                                               void *opaque, uint64_t min,
                                               uint64_t max, uint64_t def,
                                               const char *description);
ObjectProperty *object_property_add(Object *obj, const char *name,
                                    PropKind kind, const char *type_name,
                                    ObjectPropertyGet *get,
                                    ObjectPropertySet *set,
                                    ObjectPropertyRelease *release,
                                    void *opaque, const char *description,
                                    Error **errp);
/* Remove an instance property (calling its release hook). */
void object_property_del(Object *obj, const char *name);

/*
 * A link property on one object storing into *targetp (which must live
 * as long as @obj).  The link holds a reference while set.
 */
ObjectProperty *object_property_add_link(Object *obj, const char *name,
                                         const char *type, Object **targetp,
                                         unsigned flags,
                                         const char *description,
                                         Error **errp);

/* Find a property (instance first, then class chain) or NULL. */
ObjectProperty *object_property_find(Object *obj, const char *name);
/* As object_property_find, with an error naming object and property. */
ObjectProperty *object_property_find_err(Object *obj, const char *name,
                                         Error **errp);
ObjectProperty *object_class_property_find(ObjectClass *oc,
                                           const char *name);

/*
 * All properties of @obj (class chain from the root type down, then
 * instance ones, each in the order added).  g_ptr_array_unref the result.
 */
GPtrArray *object_property_list(Object *obj);
/* All class properties of @oc, inherited first. */
GPtrArray *object_class_property_list(ObjectClass *oc);

/*
 * Set and get.  Every setter: unknown property, wrong kind, out of range,
 * read-only, or a config property on a realized object is an error that
 * names the object (its path or type), the property and the problem.
 */
bool object_property_set(Object *obj, const char *name, const PropValue *val,
                         Error **errp);
bool object_property_get(Object *obj, const char *name, PropValue *val,
                         Error **errp);
bool object_property_set_bool(Object *obj, const char *name, bool value,
                              Error **errp);
bool object_property_set_int(Object *obj, const char *name, int64_t value,
                             Error **errp);
bool object_property_set_uint(Object *obj, const char *name, uint64_t value,
                              Error **errp);
bool object_property_set_str(Object *obj, const char *name,
                             const char *value, Error **errp);
bool object_property_set_link(Object *obj, const char *name, Object *target,
                              Error **errp);
bool object_property_get_bool(Object *obj, const char *name, Error **errp);
int64_t object_property_get_int(Object *obj, const char *name, Error **errp);
uint64_t object_property_get_uint(Object *obj, const char *name,
                                  Error **errp);
/* A STRING property's value, or NULL; g_free it. */
char *object_property_get_str(Object *obj, const char *name, Error **errp);
Object *object_property_get_link(Object *obj, const char *name,
                                 Error **errp);

/*
 * Set from user text, whatever the kind: "on"/"off" for bool, C numbers
 * for int/uint (range-checked), sizes with suffixes, enum names, and
 * object paths for links (resolved in @obj's tree).
 */
bool object_property_parse(Object *obj, const char *name, const char *text,
                           Error **errp);
/* The value as user text (the inverse of parse); g_free it. */
char *object_property_print(Object *obj, const char *name, Error **errp);
/* A default value as user text, or NULL when there is none; g_free it. */
char *object_property_default_str(ObjectProperty *prop);

/* ---------------------------------------------------------------------- */
/* Composition tree                                                       */

/*
 * Make @child a child of @parent under @name (letters, digits, '-', '_',
 * '.', and one "[N]" suffix).  The parent takes a reference.  Fails if the
 * name is taken or invalid, or @child already has a parent.
 */
bool object_property_add_child(Object *parent, const char *name,
                               Object *child, Error **errp);
/* Create an object of @typename as child @name of @parent (no ref kept
   for the caller: the parent owns it).  Returns NULL with an error. */
Object *object_new_child(Object *parent, const char *name,
                         const char *typename, Error **errp);
/* Remove @obj from its parent: unrealize it, drop the parent's ref. */
void object_unparent(Object *obj);
Object *object_get_parent(Object *obj);
/* The root of @obj's tree (itself if it has no parent). */
Object *object_get_root(Object *obj);
/* Name under the parent, or NULL for a root. */
const char *object_get_name(Object *obj);
/* "/machine/apps/cpu[1]"; "/" for a root; NULL if not in a tree.  g_free. */
char *object_get_canonical_path(Object *obj);
/*
 * The object at @path: absolute ("/machine/uart0") from the root of @from's
 * tree, or relative to @from ("uart0", "../dsp").  NULL if none.
 */
Object *object_resolve_path(Object *from, const char *path);
/* As object_resolve_path, also checking the type; errors name the path. */
Object *object_resolve_path_type(Object *from, const char *path,
                                 const char *typename, Error **errp);
Object *object_get_child(Object *parent, const char *name);
/* Call @fn on each child in the order added; stops at a non-zero return. */
int object_child_foreach(Object *obj, int (*fn)(Object *child, void *opaque),
                         void *opaque);
/* As object_child_foreach, depth first, parents before children. */
int object_child_foreach_recursive(Object *obj,
                                   int (*fn)(Object *child, void *opaque),
                                   void *opaque);

/*
 * "'/machine/uart0' (pl011)" for objects in a tree, "a pl011 object"
 * otherwise: how error messages name an object.  g_free it.
 */
char *object_describe(Object *obj);

/* ---------------------------------------------------------------------- */
/* Life cycle                                                             */

/*
 * Realize @obj: check every PROP_F_REQUIRED link is set (error: "<obj>:
 * required link '<name>' (link<TYPE>) is not set"), then call the class's
 * realize.  Realizing twice is an error.  Does not touch children.
 */
bool object_realize(Object *obj, Error **errp);
/*
 * Realize @obj (if not yet) and then every unrealized descendant, parents
 * before children, children in the order added.
 */
bool object_realize_tree(Object *obj, Error **errp);
/* Unrealize @obj and its realized descendants (children first). */
void object_unrealize(Object *obj);
bool object_is_realized(Object *obj);

/* ---------------------------------------------------------------------- */
/* Enums                                                                  */

/* Index of @name in the NULL-terminated @names, or -1. */
int qom_enum_lookup(const char *const *names, const char *name);
/* "a, b, c" for error messages; g_free it. */
char *qom_enum_list(const char *const *names);

#endif
