/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The machine builder (include/system/machine-builder.h): creating,
 * configuring, wiring and mapping the parts of a machine at run time,
 * for machine files and QMP construction alike.
 *
 * Invariants: every object the builder created is in @objs (/objects)
 * or @created (children of the machine), oldest first, until the builder
 * is freed, so machine_builder_unwind can remove them; @maps lists the
 * builder's memory mappings for the overlap check; a failing call
 * removes what it started to create before returning.
 */
#include "system/machine-builder.h"

#include "exec/cpu.h"
#include "exec/target-arch.h"
#include "hw/clock.h"
#include "hw/memory-map.h"
#include "hw/resettable.h"
#include "system/memory-backend.h"
#include "util/cutils.h"

typedef struct MbMapping {
    uint64_t addr;              /* guest physical, in @container */
    uint64_t size;              /* bytes, > 0 */
    int priority;
    MemoryRegion *mr;           /* the region mapped */
    MemoryRegion *container;    /* ms->sysmem or a memory-map's root */
    char *where;                /* owned; may be NULL */
} MbMapping;

struct MachineBuilder {
    Object *root;
    MachineState *ms;           /* NULL until new_machine / attach */
    bool own_machine;           /* made by the builder: unwind removes it */
    bool machine_realized;      /* machine_builder_realize_machine ran */
    bool finished;              /* machine_builder_finish succeeded */
    Object *objects;            /* /objects, once needed */
    bool objects_created;       /* the /objects container is ours */
    GPtrArray *objs;            /* Object *: what it put in /objects */
    GPtrArray *created;         /* Object *: children of the machine it
                                   made, oldest first */
    GHashTable *ids;            /* id -> where (owned strings; "" if none) */
    GArray *maps;               /* MbMapping, in mapping order */
    MachineBuilderHints hints;
};

static void mb_bad(const char **bad, const char *key)
{
    if (bad) {
        *bad = key;
    }
}

MachineBuilder *machine_builder_new(Object *root,
                                    const MachineBuilderHints *hints)
{
    MachineBuilder *b = g_new0(MachineBuilder, 1);

    b->root = root;
    b->objs = g_ptr_array_new();
    b->created = g_ptr_array_new();
    b->ids = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    b->maps = g_array_new(false, true, sizeof(MbMapping));
    b->hints = *hints;
    return b;
}

void machine_builder_free(MachineBuilder *b)
{
    if (!b) {
        return;
    }
    for (guint i = 0; i < b->maps->len; i++) {
        g_free(g_array_index(b->maps, MbMapping, i).where);
    }
    g_array_free(b->maps, true);
    g_ptr_array_free(b->objs, true);
    g_ptr_array_free(b->created, true);
    g_hash_table_destroy(b->ids);
    g_free(b);
}

void machine_builder_unwind(MachineBuilder *b)
{
    for (guint i = b->maps->len; i-- > 0;) {
        MbMapping *m = &g_array_index(b->maps, MbMapping, i);

        memory_region_del_subregion(m->container, m->mr);
        g_free(m->where);
    }
    g_array_set_size(b->maps, 0);
    if (b->own_machine && b->ms) {
        /* its children go with it */
        object_unparent(OBJECT(b->ms));
        b->ms = NULL;
    } else {
        for (guint i = b->created->len; i-- > 0;) {
            object_unparent(b->created->pdata[i]);
        }
    }
    g_ptr_array_set_size(b->created, 0);
    for (guint i = b->objs->len; i-- > 0;) {
        object_unparent(b->objs->pdata[i]);
    }
    g_ptr_array_set_size(b->objs, 0);
    if (b->objects_created) {
        object_unparent(b->objects);
        b->objects = NULL;
        b->objects_created = false;
    }
    g_hash_table_remove_all(b->ids);
}

MachineState *machine_builder_machine(MachineBuilder *b)
{
    return b->ms;
}

/* Remove @obj (just made by a failing call). */
static void mb_drop(MachineBuilder *b, Object *obj)
{
    g_ptr_array_remove(b->created, obj);
    object_unparent(obj);
}

/* ---------------------------------------------------------------------- */
/* Objects and the machine                                                */

static bool mb_objects_container(MachineBuilder *b, Error **errp)
{
    if (b->objects) {
        return true;
    }
    b->objects = object_get_child(b->root, "objects");
    if (!b->objects) {
        b->objects = object_new_child(b->root, "objects", TYPE_CONTAINER,
                                      errp);
        if (!b->objects) {
            return false;
        }
        b->objects_created = true;
    }
    return true;
}

Object *machine_builder_add_object(MachineBuilder *b, const char *id,
                                   const char *type, const char *what,
                                   MachineBuilderConfigure configure,
                                   void *opaque, const char **bad,
                                   Error **errp)
{
    Object *obj;

    if (!mb_objects_container(b, errp)) {
        mb_bad(bad, "");
        return NULL;
    }
    if (object_get_child(b->objects, id)) {
        error_setg(errp, "duplicate id '%s': /objects/%s already exists", id,
                   id);
        mb_bad(bad, "id");
        return NULL;
    }
    obj = object_new_checked(type, TYPE_USER_CREATABLE, errp);
    if (!obj) {
        error_prepend(errp, "%s: ", what);
        mb_bad(bad, "type");
        return NULL;
    }
    if (configure && !configure(obj, opaque, errp)) {
        object_unref(obj);
        mb_bad(bad, NULL);
        return NULL;
    }
    if (!object_property_add_child(b->objects, id, obj, errp)) {
        error_prepend(errp, "%s: ", what);
        object_unref(obj);
        mb_bad(bad, "id");
        return NULL;
    }
    object_unref(obj);
    g_ptr_array_add(b->objs, obj);
    if (!object_realize_tree(obj, errp)) {
        error_prepend(errp, "%s: ", what);
        g_ptr_array_remove(b->objs, obj);
        object_unparent(obj);
        mb_bad(bad, "");
        return NULL;
    }
    return obj;
}

MachineState *machine_builder_new_machine(MachineBuilder *b,
                                          const char *type,
                                          MachineBuilderConfigure configure,
                                          void *opaque, const char **bad,
                                          Error **errp)
{
    MachineState *ms = machine_new(b->root, type, NULL, errp);

    if (!ms) {
        error_prepend(errp, "machine: ");
        mb_bad(bad, "type");
        return NULL;
    }
    if (configure && !configure(OBJECT(ms), opaque, errp)) {
        object_unparent(OBJECT(ms));
        mb_bad(bad, NULL);
        return NULL;
    }
    b->ms = ms;
    b->own_machine = true;
    return ms;
}

void machine_builder_attach(MachineBuilder *b, MachineState *ms)
{
    b->ms = ms;
    b->own_machine = false;
    b->machine_realized = object_is_realized(OBJECT(ms));
}

bool machine_builder_claim_id(MachineBuilder *b, const char *id,
                              const char *where, Error **errp)
{
    const char *prev = g_hash_table_lookup(b->ids, id);

    if (prev) {
        if (*prev) {
            error_setg(errp, "duplicate id '%s' (first used at %s)", id,
                       prev);
        } else {
            error_setg(errp, "duplicate id '%s' (already used)", id);
        }
        return false;
    }
    if (object_get_child(OBJECT(b->ms), id)) {
        error_setg(errp, "duplicate id '%s': /machine/%s already exists", id,
                   id);
        return false;
    }
    g_hash_table_insert(b->ids, g_strdup(id), g_strdup(where ? where : ""));
    return true;
}

/* ---------------------------------------------------------------------- */
/* Maps, devices, clusters                                                */

bool machine_builder_add_map(MachineBuilder *b, const char *id,
                             const char *where, const char **bad,
                             Error **errp)
{
    Object *map;

    if (!machine_builder_claim_id(b, id, where, errp)) {
        mb_bad(bad, "id");
        return false;
    }
    map = memory_map_new(OBJECT(b->ms), id, errp);
    if (!map) {
        g_hash_table_remove(b->ids, id);
        error_prepend(errp, "maps: ");
        mb_bad(bad, "id");
        return false;
    }
    g_ptr_array_add(b->created, map);
    return true;
}

Object *machine_builder_find_map(MachineBuilder *b, const char *id,
                                 Error **errp)
{
    Object *map = object_get_child(OBJECT(b->ms), id);

    if (!map || !object_dynamic_cast(map, TYPE_MEMORY_MAP)) {
        error_setg(errp, "no memory map '%s' (%s)", id, b->hints.map);
        return NULL;
    }
    return map;
}

DeviceState *machine_builder_add_device(MachineBuilder *b, const char *id,
                                        const char *type, const char *where,
                                        const char *what,
                                        MachineBuilderConfigure configure,
                                        void *opaque, const char **bad,
                                        Error **errp)
{
    DeviceState *dev;

    if (!machine_builder_claim_id(b, id, where, errp)) {
        mb_bad(bad, "id");
        return NULL;
    }
    dev = qdev_new_child(OBJECT(b->ms), id, type, errp);
    if (!dev) {
        g_hash_table_remove(b->ids, id);
        error_prepend(errp, "%s: ", what);
        mb_bad(bad, "type");
        return NULL;
    }
    g_ptr_array_add(b->created, dev);
    if (configure && !configure(OBJECT(dev), opaque, errp)) {
        mb_drop(b, OBJECT(dev));
        g_hash_table_remove(b->ids, id);
        mb_bad(bad, NULL);
        return NULL;
    }
    return dev;
}

DeviceState *machine_builder_add_cluster(MachineBuilder *b, const char *id,
                                         const char *arch, const char *map,
                                         const char *where, const char *what,
                                         MachineBuilderConfigure configure,
                                         void *opaque, const char **bad,
                                         Error **errp)
{
    Object *mo = NULL;
    DeviceState *cl;

    if (!target_arch_lookup(arch, errp)) {
        error_prepend(errp, "%s: arch: ", what);
        mb_bad(bad, "arch");
        return NULL;
    }
    if (map && !(mo = machine_builder_find_map(b, map, errp))) {
        mb_bad(bad, "memory");
        return NULL;
    }
    cl = machine_builder_add_device(b, id, TYPE_CPU_CLUSTER, where, what,
                                    NULL, NULL, bad, errp);
    if (!cl) {
        return NULL;
    }
    if (!object_property_parse(OBJECT(cl), "arch", arch, errp)) {
        error_prepend(errp, "%s: arch: ", what);
        mb_bad(bad, "arch");
        goto fail;
    }
    /* without a map the cluster sees the machine's (its default) */
    if (mo && !object_property_set_link(OBJECT(cl), "memory", mo, errp)) {
        error_prepend(errp, "%s: ", what);
        mb_bad(bad, "memory");
        goto fail;
    }
    if (configure && !configure(OBJECT(cl), opaque, errp)) {
        mb_bad(bad, NULL);
        goto fail;
    }
    if (!object_realize(OBJECT(cl), errp)) {
        error_prepend(errp, "%s: ", what);
        mb_bad(bad, "");
        goto fail;
    }
    return cl;

fail:
    mb_drop(b, OBJECT(cl));
    g_hash_table_remove(b->ids, id);
    return NULL;
}

DeviceState *machine_builder_find_cluster(MachineBuilder *b, const char *id,
                                          Error **errp)
{
    Object *obj = object_get_child(OBJECT(b->ms), id);

    if (!obj || !object_dynamic_cast(obj, TYPE_CPU_CLUSTER)) {
        error_setg(errp, "no CPU cluster '%s' in this machine", id);
        return NULL;
    }
    return DEVICE(obj);
}

unsigned machine_builder_cluster_cpus(DeviceState *cluster)
{
    return (unsigned)object_property_get_uint(OBJECT(cluster), "num-cpus",
                                              &error_abort);
}

bool machine_builder_configure_cpu(MachineBuilder *b, DeviceState *cluster,
                                   unsigned index,
                                   MachineBuilderConfigure configure,
                                   void *opaque, Error **errp)
{
    g_autofree char *name = g_strdup_printf("cpu[%u]", index);
    Object *cpu = object_get_child(OBJECT(cluster), name);

    if (!cpu) {
        error_setg(errp, "'%s' is not a CPU of the cluster (accepted: 0 to "
                   "%u)", name, machine_builder_cluster_cpus(cluster) - 1);
        return false;
    }
    return configure(cpu, opaque, errp);
}

void machine_builder_reset_cluster(MachineBuilder *b, DeviceState *cluster)
{
    resettable_reset(OBJECT(cluster), RESET_TYPE_COLD);
}

/* ---------------------------------------------------------------------- */
/* Wiring                                                                 */

/* The device @name of the machine, named in the reference @ref. */
static DeviceState *mb_find_device(MachineBuilder *b, const char *ref,
                                   const char *name, Error **errp)
{
    Object *obj = object_get_child(OBJECT(b->ms), name);

    if (!obj || !object_dynamic_cast(obj, TYPE_DEVICE)) {
        error_setg(errp, "'%s': no device '%s' in this machine (%s)", ref,
                   name, b->hints.device);
        return NULL;
    }
    return DEVICE(obj);
}

/*
 * The device and GPIO list name of endpoint @head of reference @ref
 * ("DEV", "DEV.NAME", "DEV.CHILD" or "DEV.CHILD.NAME", CHILD a device
 * child such as a cluster's "cpu[1]", at any depth): components after DEV
 * name child devices as long as they do; the rest, joined by dots, is the
 * list name (NULL: unnamed; g_free it).
 */
static bool mb_resolve_endpoint(MachineBuilder *b, const char *ref,
                                const char *head, DeviceState **dev,
                                char **name, Error **errp)
{
    g_auto(GStrv) parts = g_strsplit(head, ".", -1);
    guint i = 1;

    *dev = mb_find_device(b, ref, parts[0], errp);
    if (!*dev) {
        return false;
    }
    for (; parts[i]; i++) {
        Object *c = object_get_child(OBJECT(*dev), parts[i]);

        if (!c || !object_dynamic_cast(c, TYPE_DEVICE)) {
            break;
        }
        *dev = DEVICE(c);
    }
    *name = parts[i] ? g_strjoinv(".", parts + i) : NULL;
    return true;
}

/* Parse GPIO endpoint @s: the device, list name (g_free it) and index. */
static bool mb_parse_gpio(MachineBuilder *b, const char *s, DeviceState **dev,
                          char **name, int *index, Error **errp)
{
    const char *open = strrchr(s, '[');
    g_autofree char *head = NULL;
    g_autofree char *num = NULL;
    uint64_t v;

    if (!open || open == s || s[strlen(s) - 1] != ']') {
        error_setg(errp, "'%s': expected DEVICE[N], DEVICE.NAME[N], "
                   "CLUSTER.cpu[K][N] or CLUSTER.cpu[K].NAME[N]", s);
        return false;
    }
    head = g_strndup(s, open - s);
    num = g_strndup(open + 1, strlen(open) - 2);
    if (!parse_uint64(num, &v, "GPIO index", errp)) {
        error_prepend(errp, "%s: ", s);
        return false;
    }
    if (v > INT_MAX) {
        error_setg(errp, "%s: GPIO index %s does not fit (at most %d)", s,
                   num, INT_MAX);
        return false;
    }
    if (!mb_resolve_endpoint(b, s, head, dev, name, errp)) {
        return false;
    }
    *index = (int)v;
    return true;
}

bool machine_builder_connect_irq(MachineBuilder *b, const char *from,
                                 const char *to, const char *what,
                                 const char **bad, Error **errp)
{
    g_autofree char *out_name = NULL;
    g_autofree char *in_name = NULL;
    DeviceState *src, *dst;
    int out_n, in_n;
    IRQLine *line;

    if (!machine_builder_realize_machine(b, errp)) {
        mb_bad(bad, "");
        return false;
    }
    if (!mb_parse_gpio(b, from, &src, &out_name, &out_n, errp)) {
        mb_bad(bad, "from");
        return false;
    }
    if (!mb_parse_gpio(b, to, &dst, &in_name, &in_n, errp)) {
        mb_bad(bad, "to");
        return false;
    }
    line = qdev_get_gpio_in_checked(dst, in_name, in_n, errp);
    if (!line) {
        error_prepend(errp, "%s%sto: ", what ? what : "",
                      what ? ": " : "");
        mb_bad(bad, "to");
        return false;
    }
    if (!qdev_connect_gpio_out_checked(src, out_name, out_n, line, errp)) {
        error_prepend(errp, "%s%sfrom: ", what ? what : "",
                      what ? ": " : "");
        mb_bad(bad, "from");
        return false;
    }
    return true;
}

/* Parse clock endpoint "DEV.NAME": a device of the machine and a clock
   name (g_free it). */
static bool mb_parse_clock(MachineBuilder *b, const char *s,
                           DeviceState **dev, char **name, Error **errp)
{
    const char *dot = strchr(s, '.');
    g_autofree char *head = NULL;

    if (!dot || dot == s || !dot[1]) {
        error_setg(errp, "'%s': expected DEVICE.CLOCK", s);
        return false;
    }
    head = g_strndup(s, dot - s);
    *dev = mb_find_device(b, s, head, errp);
    if (!*dev) {
        return false;
    }
    *name = g_strdup(dot + 1);
    return true;
}

bool machine_builder_connect_clock(MachineBuilder *b, const char *from,
                                   const char *to, const char *what,
                                   const char **bad, Error **errp)
{
    g_autofree char *out_name = NULL;
    g_autofree char *in_name = NULL;
    DeviceState *src, *dst;
    Clock *clk;

    if (!machine_builder_realize_machine(b, errp)) {
        mb_bad(bad, "");
        return false;
    }
    if (!mb_parse_clock(b, from, &src, &out_name, errp)) {
        mb_bad(bad, "from");
        return false;
    }
    if (!mb_parse_clock(b, to, &dst, &in_name, errp)) {
        mb_bad(bad, "to");
        return false;
    }
    clk = qdev_get_clock_out(src, out_name);
    if (!clk) {
        g_autofree char *desc = object_describe(OBJECT(src));

        error_setg(errp, "%s%sfrom: %s has no output clock '%s'",
                   what ? what : "", what ? ": " : "", desc, out_name);
        mb_bad(bad, "from");
        return false;
    }
    if (!qdev_connect_clock_in(dst, in_name, clk, errp)) {
        error_prepend(errp, "%s%sto: ", what ? what : "",
                      what ? ": " : "");
        mb_bad(bad, "to");
        return false;
    }
    return true;
}

/* ---------------------------------------------------------------------- */
/* Memory mappings                                                        */

/*
 * TYPE_MB_ALIAS: owns the alias region of one alias mapping
 * (/machine/memory-alias[N]) and a reference to the object whose region
 * it aliases, so the target outlives it; it is a child of the machine,
 * so it goes before the machine's RAM.
 */
#define TYPE_MB_ALIAS "machine-memory-alias"

typedef struct MbAlias {
    Object parent_obj;
    MemoryRegion mr;            /* the alias; initialised when target set */
    Object *target;             /* referenced backend; NULL: the RAM */
    bool mr_init;
} MbAlias;

static void mb_alias_finalize(Object *obj)
{
    MbAlias *a = (MbAlias *)obj;

    if (a->mr_init) {
        memory_region_finalize(&a->mr);
    }
    object_unref(a->target);
}

static const TypeInfo mb_alias_types[] = {
    {
        .name = TYPE_MB_ALIAS,
        .parent = TYPE_OBJECT,
        .description = "a memory alias made by the machine builder",
        .instance_size = sizeof(MbAlias),
        .instance_finalize = mb_alias_finalize,
    },
};

DEFINE_TYPES(mb_alias_types)

/* An earlier mapping in the same map at the same priority that overlaps
   @m, or NULL. */
static MbMapping *mb_find_overlap(MachineBuilder *b, const MbMapping *m)
{
    for (guint i = 0; i < b->maps->len; i++) {
        MbMapping *o = &g_array_index(b->maps, MbMapping, i);

        if (o->container == m->container && o->priority == m->priority &&
            m->addr <= o->addr + (o->size - 1) &&
            o->addr <= m->addr + (m->size - 1)) {
            return o;
        }
    }
    return NULL;
}

/* The region of the /objects backend @id. */
static MemoryRegion *mb_backend_region(MachineBuilder *b, const char *id,
                                       Object **obj, Error **errp)
{
    Object *objects = b->objects ? b->objects
                                 : object_get_child(b->root, "objects");
    MemoryRegion *mr;

    *obj = objects ? object_get_child(objects, id) : NULL;
    if (!*obj) {
        error_setg(errp, "memory: no object '%s' (%s)", id,
                   b->hints.object);
        return NULL;
    }
    mr = memory_backend_get_region(*obj, errp);
    if (!mr) {
        error_prepend(errp, "memory: ");
    }
    return mr;
}

/* An alias of RAM or a backend, owned by a new /machine/memory-alias[N]. */
static MemoryRegion *mb_alias_region(MachineBuilder *b,
                                     const MachineBuilderMapping *m,
                                     const char **bad, Error **errp)
{
    g_autofree char *name = NULL;
    uint64_t tsize, size;
    Object *target = NULL;
    MemoryRegion *orig;
    MbAlias *a;

    if (!strcmp(m->name, "ram")) {
        orig = b->ms->ram;
        if (!orig) {
            error_setg(errp, "memory: alias 'ram': the machine has no RAM "
                       "(set its ram-size)");
            mb_bad(bad, "alias");
            return NULL;
        }
    } else {
        orig = mb_backend_region(b, m->name, &target, errp);
        if (!orig) {
            mb_bad(bad, "alias");
            return NULL;
        }
    }
    tsize = memory_region_size(orig);
    size = m->size ? m->size : (m->offset < tsize ? tsize - m->offset : 0);
    if (m->offset >= tsize || size == 0 || size > tsize - m->offset) {
        error_setg(errp, "memory: alias of '%s' (0x%" PRIx64 " bytes): "
                   "offset 0x%" PRIx64 " size 0x%" PRIx64 " is not inside it "
                   "(need offset + size <= 0x%" PRIx64 ", size > 0)",
                   m->name, tsize, m->offset, size, tsize);
        mb_bad(bad, "");
        return NULL;
    }
    for (unsigned i = 0;; i++) {
        g_free(name);
        name = g_strdup_printf("memory-alias[%u]", i);
        if (!object_get_child(OBJECT(b->ms), name)) {
            break;
        }
    }
    a = (MbAlias *)object_new_child(OBJECT(b->ms), name, TYPE_MB_ALIAS,
                                    errp);
    if (!a) {
        error_prepend(errp, "memory: ");
        mb_bad(bad, "alias");
        return NULL;
    }
    g_ptr_array_add(b->created, a);
    if (target) {
        object_ref(target);
        a->target = target;
    }
    memory_region_init_alias(&a->mr, OBJECT(a), name, orig, m->offset, size);
    a->mr_init = true;
    return &a->mr;
}

/* The region @m maps. */
static MemoryRegion *mb_mapping_region(MachineBuilder *b,
                                       const MachineBuilderMapping *m,
                                       const char **bad, Error **errp)
{
    DeviceState *dev;
    MemoryRegion *mr;
    Object *obj;

    switch (m->kind) {
    case MACHINE_BUILDER_MAP_OBJECT:
        mr = mb_backend_region(b, m->name, &obj, errp);
        if (!mr) {
            mb_bad(bad, "object");
        }
        return mr;
    case MACHINE_BUILDER_MAP_DEVICE:
        dev = mb_find_device(b, m->name, m->name, errp);
        if (!dev) {
            mb_bad(bad, "device");
            return NULL;
        }
        mr = qdev_get_mmio_checked(dev, m->region > INT_MAX ? -1
                                        : (int)m->region, errp);
        if (!mr) {
            error_prepend(errp, "memory: ");
            mb_bad(bad, "region");
        }
        return mr;
    case MACHINE_BUILDER_MAP_ALIAS:
        return mb_alias_region(b, m, bad, errp);
    }
    g_assert_not_reached();
}

static const char *const mb_kind_names[] = { "object", "device", "alias" };

bool machine_builder_map(MachineBuilder *b, const MachineBuilderMapping *m,
                         const char **bad, Error **errp)
{
    MbMapping mm = { .addr = m->address, .priority = m->priority };
    g_autofree char *desc = NULL;
    MbMapping *o;

    if (!machine_builder_realize_machine(b, errp)) {
        mb_bad(bad, "");
        return false;
    }
    desc = m->kind == MACHINE_BUILDER_MAP_ALIAS
           ? g_strdup_printf("alias of '%s'", m->name)
           : g_strdup_printf("%s '%s'", mb_kind_names[m->kind], m->name);
    mm.container = &b->ms->sysmem;
    if (m->map) {
        Object *mo = machine_builder_find_map(b, m->map, errp);

        if (!mo) {
            mb_bad(bad, "map");
            return false;
        }
        mm.container = memory_map_root(mo);
    }
    mm.mr = mb_mapping_region(b, m, bad, errp);
    if (!mm.mr) {
        return false;
    }
    mm.size = memory_region_size(mm.mr);
    if (mm.size == 0 || mm.addr + (mm.size - 1) < mm.addr) {
        error_setg(errp, "memory: %s (0x%" PRIx64 " bytes) at 0x%" PRIx64
                   " does not fit in the 64-bit address space", desc,
                   mm.size, mm.addr);
        mb_bad(bad, "address");
        goto fail;
    }
    if (mm.mr->container) {
        error_setg(errp, "memory: %s is already mapped (map each region "
                   "once; map an alias for a second view)", desc);
        mb_bad(bad, "");
        goto fail;
    }
    o = mb_find_overlap(b, &mm);
    if (o) {
        error_setg(errp, "memory: [0x%" PRIx64 ", 0x%" PRIx64 "] overlaps "
                   "[0x%" PRIx64 ", 0x%" PRIx64 "] mapped %s%s at the same "
                   "priority %d (use different priorities to overlay)",
                   mm.addr, mm.addr + (mm.size - 1), o->addr,
                   o->addr + (o->size - 1), o->where ? "at " : "before",
                   o->where ? o->where : "", mm.priority);
        mb_bad(bad, "");
        goto fail;
    }
    mm.where = g_strdup(m->where);
    memory_region_add_subregion_overlap(mm.container, mm.addr, mm.mr,
                                        mm.priority);
    g_array_append_val(b->maps, mm);
    return true;

fail:
    if (m->kind == MACHINE_BUILDER_MAP_ALIAS) {
        mb_drop(b, OBJECT(mm.mr->owner));
    }
    return false;
}

/* ---------------------------------------------------------------------- */
/* Realizing                                                              */

bool machine_builder_realize_machine(MachineBuilder *b, Error **errp)
{
    if (b->machine_realized) {
        return true;
    }
    if (!object_realize(OBJECT(b->ms), errp)) {
        return false;
    }
    b->machine_realized = true;
    return true;
}

bool machine_builder_finish(MachineBuilder *b, Error **errp)
{
    b->finished = machine_builder_realize_machine(b, errp) &&
                  machine_build(b->ms, errp);
    return b->finished;
}

bool machine_builder_finished(MachineBuilder *b)
{
    return b->finished;
}
