/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Machine files, building: walk the merged tree that machine-file-load.c
 * made and create the board through the calls C machines use
 * (include/system/machine-file.h, docs/user/machine-files.md).
 *
 * Order: user objects under /objects (realized, so the machine and the
 * memory mappings can name them), the machine (machine_new, properties),
 * memory maps (memory-map objects /machine/NAME), devices and CPU
 * clusters (realized at once, so their CPUs exist for what follows) as
 * children of the machine, CPU properties (then each such cluster is reset: CPUs
 * read their properties at reset), GPIO and clock wiring, the machine
 * object's own realize (RAM, the base machine's init), memory mappings
 * into ms->sysmem or a map (backends, device MMIO regions, aliases),
 * then machine_build, which realizes the rest of the tree.  Invariant: on
 * error everything this file created is removed again, so @root looks as
 * it did before the call.
 */
#include "system/machine-file.h"

#include "exec/cpu.h"
#include "exec/target-arch.h"
#include "hw/clock.h"
#include "hw/memory-map.h"
#include "hw/qdev.h"
#include "hw/resettable.h"
#include "system/memory-backend.h"
#include "util/cutils.h"

typedef struct MfMapping {
    uint64_t addr;              /* guest physical, in @container */
    uint64_t size;              /* bytes, > 0 */
    int priority;               /* memory_region_add_subregion_overlap */
    MemoryRegion *mr;           /* the region mapped (backend, device MMIO
                                   or an alias we own) */
    MemoryRegion *container;    /* ms->sysmem or a memory-map's root */
    MachineFileNode *where;     /* the memory: entry */
} MfMapping;

typedef struct MfBuild {
    Object *root;
    Object *objects;            /* /objects */
    bool objects_created;       /* the /objects container is ours */
    GPtrArray *created;         /* Object *: what we put in /objects */
    GHashTable *ids;            /* device/cluster id -> MachineFileNode *
                                   of its entry (not owned) */
    GArray *maps;               /* MfMapping, in mapping order */
    GPtrArray *cpu_clusters;    /* MachineFileNode *: clusters entries
                                   with a cpus: key, in file order */
    MachineState *ms;           /* NULL until machine_new */
} MfBuild;

static const char *const mf_top_keys[] = {
    "include", "machine", "objects", "maps", "memory", "devices", "irqs",
    "clocks", "clusters", NULL
};

/* Set an error "FILE:LINE:COL: message" located at @n. */
static void G_GNUC_PRINTF(3, 4) mf_error(Error **errp,
                                         const MachineFileNode *n,
                                         const char *fmt, ...)
{
    g_autofree char *where = machine_file_where(n);
    g_autofree char *msg = NULL;
    va_list ap;

    va_start(ap, fmt);
    msg = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    error_setg(errp, "%s: %s", where, msg);
}

/* Prefix an existing error with @n's location and @what. */
static void mf_prepend(Error **errp, const MachineFileNode *n,
                       const char *what)
{
    g_autofree char *where = machine_file_where(n);

    error_prepend(errp, "%s: %s: ", where, what);
}

static bool mf_expect(const MachineFileNode *n, MachineFileNodeKind kind,
                      const char *what, Error **errp)
{
    if (n->kind != kind) {
        mf_error(errp, n, "%s: expected %s, found %s", what,
                 machine_file_kind_name(kind),
                 machine_file_kind_name(n->kind));
        return false;
    }
    return true;
}

static bool mf_in_list(const char *const *list, const char *s)
{
    for (; *list; list++) {
        if (!strcmp(*list, s)) {
            return true;
        }
    }
    return false;
}

/* Every key of @map must be in @accepted. */
static bool mf_check_keys(MachineFileNode *map, const char *const *accepted,
                          const char *what, Error **errp)
{
    for (guint i = 0; i < map->keys->len; i++) {
        MachineFileNode *k = map->keys->pdata[i];

        if (!mf_in_list(accepted, k->scalar)) {
            g_autofree char *list = g_strjoinv(", ", (char **)accepted);

            mf_error(errp, k, "%s: unknown key '%s' (accepted: %s)", what,
                     k->scalar, list);
            return false;
        }
    }
    return true;
}

/* The scalar value of required key @key of @map. */
static const char *mf_get_scalar(MachineFileNode *map, const char *key,
                                 const char *what, Error **errp)
{
    MachineFileNode *v = machine_file_lookup(map, key);
    g_autofree char *ctx = g_strdup_printf("%s key '%s'", what, key);

    if (!v) {
        mf_error(errp, map, "%s: missing key '%s'", what, key);
        return NULL;
    }
    if (!mf_expect(v, MF_SCALAR, ctx, errp)) {
        return NULL;
    }
    if (!*v->scalar) {
        mf_error(errp, v, "%s: must not be empty", ctx);
        return NULL;
    }
    return v->scalar;
}

/* Set every key of @map but those in @skip as a property of @obj. */
static bool mf_set_props(Object *obj, MachineFileNode *map,
                         const char *const *skip, const char *what,
                         Error **errp)
{
    for (guint i = 0; i < map->keys->len; i++) {
        MachineFileNode *k = map->keys->pdata[i];
        MachineFileNode *v = map->items->pdata[i];
        g_autofree char *ctx = NULL;

        if (mf_in_list(skip, k->scalar)) {
            continue;
        }
        ctx = g_strdup_printf("%s property '%s'", what, k->scalar);
        if (!mf_expect(v, MF_SCALAR, ctx, errp)) {
            return false;
        }
        if (!object_property_parse(obj, k->scalar, v->scalar, errp)) {
            mf_prepend(errp, v, what);
            return false;
        }
    }
    return true;
}

/*
 * The list under top-level @key in *@out (NULL when absent), each entry
 * checked to be a mapping.
 */
static bool mf_get_list(MachineFileNode *top, const char *key,
                        MachineFileNode **out, Error **errp)
{
    MachineFileNode *l = machine_file_lookup(top, key);

    *out = NULL;
    if (!l) {
        return true;
    }
    if (!mf_expect(l, MF_SEQUENCE, key, errp)) {
        return false;
    }
    for (guint i = 0; i < l->items->len; i++) {
        g_autofree char *what = g_strdup_printf("%s entry %u", key, i);

        if (!mf_expect(l->items->pdata[i], MF_MAPPING, what, errp)) {
            return false;
        }
    }
    *out = l;
    return true;
}

/* ---------------------------------------------------------------------- */
/* Objects                                                                */

static bool mf_build_object(MfBuild *b, MachineFileNode *e, Error **errp)
{
    static const char *const skip[] = { "id", "type", NULL };
    const char *id, *type;
    g_autofree char *what = NULL;
    Object *obj;

    if (!(id = mf_get_scalar(e, "id", "objects entry", errp)) ||
        !(type = mf_get_scalar(e, "type", "objects entry", errp))) {
        return false;
    }
    what = g_strdup_printf("object '%s'", id);
    if (object_get_child(b->objects, id)) {
        mf_error(errp, machine_file_lookup(e, "id"),
                 "duplicate id '%s': /objects/%s already exists", id, id);
        return false;
    }
    obj = object_new_checked(type, TYPE_USER_CREATABLE, errp);
    if (!obj) {
        mf_prepend(errp, machine_file_lookup(e, "type"), what);
        return false;
    }
    if (!mf_set_props(obj, e, skip, what, errp)) {
        object_unref(obj);
        return false;
    }
    if (!object_property_add_child(b->objects, id, obj, errp)) {
        mf_prepend(errp, machine_file_lookup(e, "id"), what);
        object_unref(obj);
        return false;
    }
    object_unref(obj);
    g_ptr_array_add(b->created, obj);
    if (!object_realize_tree(obj, errp)) {
        mf_prepend(errp, e, what);
        return false;
    }
    return true;
}

static bool mf_build_objects(MfBuild *b, MachineFileNode *top, Error **errp)
{
    MachineFileNode *list;

    if (!mf_get_list(top, "objects", &list, errp)) {
        return false;
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
    for (guint i = 0; list && i < list->items->len; i++) {
        if (!mf_build_object(b, list->items->pdata[i], errp)) {
            return false;
        }
    }
    return true;
}

/* ---------------------------------------------------------------------- */
/* Machine, clusters, devices                                             */

static bool mf_build_machine(MfBuild *b, MachineFileNode *top, Error **errp)
{
    static const char *const skip[] = { "type", NULL };
    MachineFileNode *m = machine_file_lookup(top, "machine");
    const char *type;

    if (!m) {
        mf_error(errp, top, "missing key 'machine' (a mapping with at "
                 "least 'type:', e.g. 'type: none')");
        return false;
    }
    if (!mf_expect(m, MF_MAPPING, "machine", errp) ||
        !(type = mf_get_scalar(m, "type", "machine", errp))) {
        return false;
    }
    b->ms = machine_new(b->root, type, NULL, errp);
    if (!b->ms) {
        mf_prepend(errp, machine_file_lookup(m, "type"), "machine");
        return false;
    }
    return mf_set_props(OBJECT(b->ms), m, skip, "machine", errp);
}

/* Record @id (node @idn) as used; false with an error if it was. */
static bool mf_claim_id(MfBuild *b, const char *id, MachineFileNode *idn,
                        Error **errp)
{
    MachineFileNode *prev = g_hash_table_lookup(b->ids, id);

    if (prev) {
        g_autofree char *where = machine_file_where(prev);

        mf_error(errp, idn, "duplicate id '%s' (first used at %s)", id,
                 where);
        return false;
    }
    g_hash_table_insert(b->ids, (char *)id, idn);
    return true;
}

/*
 * Create the child device @type (NULL: from key "type") for entry @e;
 * keys in @skip (NULL: id and type) are not properties.  *@out (may be
 * NULL) gets the device.
 */
static bool mf_build_device(MfBuild *b, MachineFileNode *e, const char *list,
                            const char *type, const char *const *skip,
                            DeviceState **out, Error **errp)
{
    static const char *const def_skip[] = { "id", "type", NULL };
    MachineFileNode *idn;
    g_autofree char *what = NULL;
    const char *id;
    DeviceState *dev;

    if (!(id = mf_get_scalar(e, "id", list, errp)) ||
        (!type && !(type = mf_get_scalar(e, "type", list, errp)))) {
        return false;
    }
    idn = machine_file_lookup(e, "id");
    if (g_hash_table_lookup(b->ids, id)) {
        return mf_claim_id(b, id, idn, errp);
    }
    what = g_strdup_printf("%s '%s'", list, id);
    dev = qdev_new_child(OBJECT(b->ms), id, type, errp);
    if (!dev) {
        mf_prepend(errp, machine_file_lookup(e, "type") ?: idn, what);
        return false;
    }
    mf_claim_id(b, id, idn, &error_abort);
    if (out) {
        *out = dev;
    }
    return mf_set_props(OBJECT(dev), e, skip ? skip : def_skip, what, errp);
}

/* ---------------------------------------------------------------------- */
/* Memory maps                                                            */

static bool mf_build_map(MfBuild *b, MachineFileNode *e, Error **errp)
{
    static const char *const keys[] = { "id", NULL };
    const char *id;

    if (!mf_check_keys(e, keys, "maps entry", errp) ||
        !(id = mf_get_scalar(e, "id", "maps entry", errp)) ||
        !mf_claim_id(b, id, machine_file_lookup(e, "id"), errp)) {
        return false;
    }
    if (!memory_map_new(OBJECT(b->ms), id, errp)) {
        mf_prepend(errp, machine_file_lookup(e, "id"), "maps");
        return false;
    }
    return true;
}

/* The memory-map /machine/@name, named by the scalar @n. */
static Object *mf_find_map(MfBuild *b, MachineFileNode *n, Error **errp)
{
    Object *map = object_get_child(OBJECT(b->ms), n->scalar);

    if (!map || !object_dynamic_cast(map, TYPE_MEMORY_MAP)) {
        mf_error(errp, n, "no memory map '%s' (declare it under maps:)",
                 n->scalar);
        return NULL;
    }
    return map;
}

static bool mf_build_cluster(MfBuild *b, MachineFileNode *e, Error **errp)
{
    static const char *const skip[] = { "id", "memory", "cpus", NULL };
    MachineFileNode *arch = machine_file_lookup(e, "arch");
    MachineFileNode *mem = machine_file_lookup(e, "memory");
    MachineFileNode *cpus = machine_file_lookup(e, "cpus");
    DeviceState *cl;
    Object *map = NULL;

    if (!mf_get_scalar(e, "arch", "clusters entry", errp)) {
        return false;
    }
    if (!target_arch_lookup(arch->scalar, errp)) {
        mf_prepend(errp, arch, "clusters: arch");
        return false;
    }
    if (machine_file_lookup(e, "type")) {
        mf_error(errp, machine_file_lookup(e, "type"), "clusters: no 'type' "
                 "key here (a cluster is always a %s)", TYPE_CPU_CLUSTER);
        return false;
    }
    if (mem && (!mf_expect(mem, MF_SCALAR, "clusters key 'memory'", errp) ||
                !(map = mf_find_map(b, mem, errp)))) {
        return false;
    }
    if (cpus && !mf_expect(cpus, MF_MAPPING, "clusters key 'cpus'", errp)) {
        return false;
    }
    if (!mf_build_device(b, e, "clusters", TYPE_CPU_CLUSTER, skip, &cl,
                         errp)) {
        return false;
    }
    /* without memory: the cluster sees the machine's map (its default) */
    if (map && !object_property_set_link(OBJECT(cl), "memory", map, errp)) {
        mf_prepend(errp, mem, "clusters");
        return false;
    }
    if (!object_realize(OBJECT(cl), errp)) {
        mf_prepend(errp, e, "clusters");
        return false;
    }
    if (cpus) {
        g_ptr_array_add(b->cpu_clusters, e);
    }
    return true;
}

/* ---------------------------------------------------------------------- */
/* CPU properties                                                         */

/* Set the properties of mapping @props on CPU @idx of @cl. */
static bool mf_set_cpu_props(Object *cl, const char *id, unsigned idx,
                             MachineFileNode *props, Error **errp)
{
    static const char *const skip[] = { NULL };
    g_autofree char *name = g_strdup_printf("cpu[%u]", idx);
    g_autofree char *what = g_strdup_printf("clusters '%s' cpu %u", id, idx);
    Object *cpu = object_get_child(cl, name);

    assert(cpu);                /* the realized cluster made cpu[0..n-1] */
    return mf_expect(props, MF_MAPPING, what, errp) &&
           mf_set_props(cpu, props, skip, what, errp);
}

/* The index of CPU key @k ("0".."num-cpus - 1") of cluster @id. */
static bool mf_cpu_index(MachineFileNode *k, const char *id, unsigned n,
                         unsigned *idx, Error **errp)
{
    uint64_t v;

    if (!parse_uint64(k->scalar, &v, "CPU index", NULL) || v >= n) {
        mf_error(errp, k, "clusters '%s' cpus: '%s' is not a CPU of the "
                 "cluster (accepted: all, 0 to %u)", id, k->scalar, n - 1);
        return false;
    }
    *idx = (unsigned)v;
    return true;
}

/*
 * cpus: of cluster entry @e: first "all" for every CPU, then the
 * numbered CPUs in file order; then reset the cluster so the CPUs read
 * them (they are reset-time properties).
 */
static bool mf_build_cpus(MfBuild *b, MachineFileNode *e, Error **errp)
{
    MachineFileNode *cpus = machine_file_lookup(e, "cpus");
    const char *id = machine_file_lookup(e, "id")->scalar;
    Object *cl = object_get_child(OBJECT(b->ms), id);
    unsigned n = (unsigned)object_property_get_uint(cl, "num-cpus",
                                                    &error_abort);
    MachineFileNode *all = machine_file_lookup(cpus, "all");

    for (unsigned i = 0; all && i < n; i++) {
        if (!mf_set_cpu_props(cl, id, i, all, errp)) {
            return false;
        }
    }
    for (guint i = 0; i < cpus->keys->len; i++) {
        MachineFileNode *k = cpus->keys->pdata[i];
        unsigned idx;

        if (!strcmp(k->scalar, "all")) {
            continue;
        }
        if (!mf_cpu_index(k, id, n, &idx, errp) ||
            !mf_set_cpu_props(cl, id, idx, cpus->items->pdata[i], errp)) {
            return false;
        }
    }
    resettable_reset(cl, RESET_TYPE_COLD);
    return true;
}

static bool mf_build_children(MfBuild *b, MachineFileNode *top, Error **errp)
{
    MachineFileNode *clusters, *devices;

    if (!mf_get_list(top, "clusters", &clusters, errp) ||
        !mf_get_list(top, "devices", &devices, errp)) {
        return false;
    }
    /*
     * Devices first: CPU properties may link to them (a link holds a
     * reference), and children go newest first, so the clusters and
     * their references go before the devices, while the machine (and
     * the maps their regions are in) is still there.
     */
    for (guint i = 0; devices && i < devices->items->len; i++) {
        if (!mf_build_device(b, devices->items->pdata[i], "devices", NULL,
                             NULL, NULL, errp)) {
            return false;
        }
    }
    for (guint i = 0; clusters && i < clusters->items->len; i++) {
        if (!mf_build_cluster(b, clusters->items->pdata[i], errp)) {
            return false;
        }
    }
    for (guint i = 0; i < b->cpu_clusters->len; i++) {
        if (!mf_build_cpus(b, b->cpu_clusters->pdata[i], errp)) {
            return false;
        }
    }
    return true;
}

/* ---------------------------------------------------------------------- */
/* IRQ wiring                                                             */

/* The device @name of the machine, named in the reference at @n. */
static DeviceState *mf_find_device(MfBuild *b, MachineFileNode *n,
                                   const char *name, Error **errp)
{
    Object *obj = object_get_child(OBJECT(b->ms), name);

    if (!obj || !object_dynamic_cast(obj, TYPE_DEVICE)) {
        mf_error(errp, n, "'%s': no device '%s' in this machine (declare it "
                 "under devices:)", n->scalar, name);
        return NULL;
    }
    return DEVICE(obj);
}

/*
 * The device and GPIO list name of endpoint @head ("DEV", "DEV.NAME",
 * "DEV.CHILD" or "DEV.CHILD.NAME", CHILD a device child such as a
 * cluster's "cpu[1]", at any depth): components after DEV name child
 * devices as long as they do; the rest, joined by dots, is the list
 * name (NULL: unnamed; g_free it).
 */
static bool mf_resolve_endpoint(MfBuild *b, MachineFileNode *n,
                                const char *head, DeviceState **dev,
                                char **name, Error **errp)
{
    g_auto(GStrv) parts = g_strsplit(head, ".", -1);
    guint i = 1;

    *dev = mf_find_device(b, n, parts[0], errp);
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

/*
 * Parse "DEV.NAME[N]" or "DEV[N]" (@n a scalar), DEV possibly followed by
 * child devices ("CLUSTER.cpu[K]"): the device, the GPIO list name (NULL:
 * unnamed; g_free it) and index.
 */
static bool mf_parse_gpio(MfBuild *b, MachineFileNode *n, DeviceState **dev,
                          char **name, int *index, Error **errp)
{
    const char *s = n->scalar, *open = strrchr(s, '[');
    g_autofree char *head = NULL;
    g_autofree char *num = NULL;
    uint64_t v;

    if (!open || open == s || s[strlen(s) - 1] != ']') {
        mf_error(errp, n, "'%s': expected DEVICE[N], DEVICE.NAME[N], "
                 "CLUSTER.cpu[K][N] or CLUSTER.cpu[K].NAME[N]", s);
        return false;
    }
    head = g_strndup(s, open - s);
    num = g_strndup(open + 1, strlen(open) - 2);
    if (!parse_uint64(num, &v, "GPIO index", errp)) {
        mf_prepend(errp, n, s);
        return false;
    }
    if (v > INT_MAX) {
        mf_error(errp, n, "%s: GPIO index %s does not fit (at most %d)", s,
                 num, INT_MAX);
        return false;
    }
    if (!mf_resolve_endpoint(b, n, head, dev, name, errp)) {
        return false;
    }
    *index = (int)v;
    return true;
}

static bool mf_build_irq(MfBuild *b, MachineFileNode *e, Error **errp)
{
    static const char *const keys[] = { "from", "to", NULL };
    MachineFileNode *from, *to;
    g_autofree char *out_name = NULL;
    g_autofree char *in_name = NULL;
    DeviceState *src, *dst;
    int out_n, in_n;
    IRQLine *line;

    if (!mf_check_keys(e, keys, "irqs entry", errp) ||
        !mf_get_scalar(e, "from", "irqs entry", errp) ||
        !mf_get_scalar(e, "to", "irqs entry", errp)) {
        return false;
    }
    from = machine_file_lookup(e, "from");
    to = machine_file_lookup(e, "to");
    if (!mf_parse_gpio(b, from, &src, &out_name, &out_n, errp) ||
        !mf_parse_gpio(b, to, &dst, &in_name, &in_n, errp)) {
        return false;
    }
    line = qdev_get_gpio_in_checked(dst, in_name, in_n, errp);
    if (!line) {
        mf_prepend(errp, to, "irqs: to");
        return false;
    }
    if (!qdev_connect_gpio_out_checked(src, out_name, out_n, line, errp)) {
        mf_prepend(errp, from, "irqs: from");
        return false;
    }
    return true;
}

/* ---------------------------------------------------------------------- */
/* Clock wiring                                                           */

/* Parse "DEV.NAME" (@n a scalar): a device of the machine and a clock
   name (g_free it). */
static bool mf_parse_clock(MfBuild *b, MachineFileNode *n, DeviceState **dev,
                           char **name, Error **errp)
{
    const char *s = n->scalar, *dot = strchr(s, '.');
    g_autofree char *head = NULL;

    if (!dot || dot == s || !dot[1]) {
        mf_error(errp, n, "'%s': expected DEVICE.CLOCK", s);
        return false;
    }
    head = g_strndup(s, dot - s);
    *dev = mf_find_device(b, n, head, errp);
    if (!*dev) {
        return false;
    }
    *name = g_strdup(dot + 1);
    return true;
}

static bool mf_build_clock(MfBuild *b, MachineFileNode *e, Error **errp)
{
    static const char *const keys[] = { "from", "to", NULL };
    MachineFileNode *from, *to;
    g_autofree char *out_name = NULL;
    g_autofree char *in_name = NULL;
    DeviceState *src, *dst;
    Clock *clk;

    if (!mf_check_keys(e, keys, "clocks entry", errp) ||
        !mf_get_scalar(e, "from", "clocks entry", errp) ||
        !mf_get_scalar(e, "to", "clocks entry", errp)) {
        return false;
    }
    from = machine_file_lookup(e, "from");
    to = machine_file_lookup(e, "to");
    if (!mf_parse_clock(b, from, &src, &out_name, errp) ||
        !mf_parse_clock(b, to, &dst, &in_name, errp)) {
        return false;
    }
    clk = qdev_get_clock_out(src, out_name);
    if (!clk) {
        g_autofree char *desc = object_describe(OBJECT(src));

        mf_error(errp, from, "clocks: from: %s has no output clock '%s'",
                 desc, out_name);
        return false;
    }
    if (!qdev_connect_clock_in(dst, in_name, clk, errp)) {
        mf_prepend(errp, to, "clocks: to");
        return false;
    }
    return true;
}

/* ---------------------------------------------------------------------- */
/* Memory mappings                                                        */

/*
 * TYPE_MF_ALIAS: owns the alias region of one `alias:` memory entry
 * (/machine/memory-alias[N]) and a reference to the object whose region
 * it aliases, so the target outlives it; it is a child of the machine,
 * so it goes before the machine's RAM.
 */
#define TYPE_MF_ALIAS "machine-file-alias"

typedef struct MfAlias {
    Object parent_obj;
    MemoryRegion mr;            /* the alias; initialised when target set */
    Object *target;             /* referenced backend; NULL: the RAM */
    bool mr_init;
} MfAlias;

static void mf_alias_finalize(Object *obj)
{
    MfAlias *a = (MfAlias *)obj;

    if (a->mr_init) {
        memory_region_finalize(&a->mr);
    }
    object_unref(a->target);
}

static const TypeInfo mf_alias_types[] = {
    {
        .name = TYPE_MF_ALIAS,
        .parent = TYPE_OBJECT,
        .description = "a memory alias made by a machine file",
        .instance_size = sizeof(MfAlias),
        .instance_finalize = mf_alias_finalize,
    },
};

DEFINE_TYPES(mf_alias_types)

/* An earlier mapping in the same map at the same priority that overlaps
   @m, or NULL. */
static MfMapping *mf_find_overlap(MfBuild *b, const MfMapping *m)
{
    for (guint i = 0; i < b->maps->len; i++) {
        MfMapping *o = &g_array_index(b->maps, MfMapping, i);

        if (o->container == m->container && o->priority == m->priority &&
            m->addr <= o->addr + (o->size - 1) &&
            o->addr <= m->addr + (m->size - 1)) {
            return o;
        }
    }
    return NULL;
}

/* Optional uint64 key @key of @e into *@v (unchanged when absent). */
static bool mf_get_u64(MachineFileNode *e, const char *key, uint64_t *v,
                       Error **errp)
{
    MachineFileNode *n = machine_file_lookup(e, key);
    g_autofree char *ctx = g_strdup_printf("memory entry key '%s'", key);

    if (!n) {
        return true;
    }
    if (!mf_expect(n, MF_SCALAR, ctx, errp)) {
        return false;
    }
    if (!parse_size(n->scalar, v, 1, key, errp)) {
        mf_prepend(errp, n, "memory");
        return false;
    }
    return true;
}

/* The region of an /objects backend named by scalar @n. */
static MemoryRegion *mf_backend_region(MfBuild *b, MachineFileNode *n,
                                       Error **errp)
{
    Object *obj = object_get_child(b->objects, n->scalar);
    MemoryRegion *mr;

    if (!obj) {
        mf_error(errp, n, "memory: no object '%s' (declare it under "
                 "objects:)", n->scalar);
        return NULL;
    }
    mr = memory_backend_get_region(obj, errp);
    if (!mr) {
        mf_prepend(errp, n, "memory");
    }
    return mr;
}

/* `device: ID` (and `region: N`): the device's MMIO region N. */
static MemoryRegion *mf_device_region(MfBuild *b, MachineFileNode *e,
                                      MachineFileNode *n, Error **errp)
{
    DeviceState *dev = mf_find_device(b, n, n->scalar, errp);
    uint64_t region = 0;
    MemoryRegion *mr;

    if (!dev || !mf_get_u64(e, "region", &region, errp)) {
        return NULL;
    }
    mr = qdev_get_mmio_checked(dev, region > INT_MAX ? -1 : (int)region,
                               errp);
    if (!mr) {
        mf_prepend(errp, machine_file_lookup(e, "region") ?: n, "memory");
    }
    return mr;
}

/*
 * `alias: ram|OBJECT` with `offset:` (default 0) and `size:` (default:
 * the rest): an alias owned by /machine/memory-alias[@idx].
 */
static MemoryRegion *mf_alias_region(MfBuild *b, MachineFileNode *e,
                                     MachineFileNode *n, unsigned idx,
                                     Error **errp)
{
    g_autofree char *name = g_strdup_printf("memory-alias[%u]", idx);
    uint64_t offset = 0, size, tsize;
    Object *target = NULL;
    MemoryRegion *orig;
    MfAlias *a;

    if (!strcmp(n->scalar, "ram")) {
        orig = b->ms->ram;
        if (!orig) {
            mf_error(errp, n, "memory: alias 'ram': the machine has no RAM "
                     "(set machine: ram-size:)");
            return NULL;
        }
    } else {
        orig = mf_backend_region(b, n, errp);
        if (!orig) {
            return NULL;
        }
        target = object_get_child(b->objects, n->scalar);
    }
    tsize = memory_region_size(orig);
    size = tsize;
    if (!mf_get_u64(e, "offset", &offset, errp) ||
        (size = offset < tsize ? tsize - offset : 0,
         !mf_get_u64(e, "size", &size, errp))) {
        return NULL;
    }
    if (offset >= tsize || size == 0 || size > tsize - offset) {
        mf_error(errp, e, "memory: alias of '%s' (0x%" PRIx64 " bytes): "
                 "offset 0x%" PRIx64 " size 0x%" PRIx64 " is not inside it "
                 "(need offset + size <= 0x%" PRIx64 ", size > 0)",
                 n->scalar, tsize, offset, size, tsize);
        return NULL;
    }
    a = (MfAlias *)object_new_child(OBJECT(b->ms), name, TYPE_MF_ALIAS,
                                    errp);
    if (!a) {
        mf_prepend(errp, n, "memory");
        return NULL;
    }
    if (target) {
        object_ref(target);
        a->target = target;
    }
    memory_region_init_alias(&a->mr, OBJECT(a), name, orig, offset, size);
    a->mr_init = true;
    return &a->mr;
}

/* The region entry @e maps: exactly one of object:, device:, alias:. */
static MemoryRegion *mf_entry_region(MfBuild *b, MachineFileNode *e,
                                     unsigned idx, Error **errp)
{
    static const char *const kinds[] = { "object", "device", "alias" };
    MachineFileNode *src = NULL;
    unsigned kind = 0;

    for (unsigned i = 0; i < G_N_ELEMENTS(kinds); i++) {
        MachineFileNode *n = machine_file_lookup(e, kinds[i]);

        if (n && src) {
            mf_error(errp, n, "memory: '%s' and '%s' in one entry (give one "
                     "of object:, device:, alias:)", kinds[kind], kinds[i]);
            return NULL;
        }
        if (n) {
            src = n;
            kind = i;
        }
    }
    if (!src) {
        mf_error(errp, e, "memory entry: missing key 'object', 'device' or "
                 "'alias' (what to map)");
        return NULL;
    }
    if (!mf_get_scalar(e, kinds[kind], "memory entry", errp)) {
        return NULL;
    }
    if (kind != 1 && machine_file_lookup(e, "region")) {
        mf_error(errp, machine_file_lookup(e, "region"), "memory: 'region' "
                 "goes with device: only");
        return NULL;
    }
    if (kind != 2 && (machine_file_lookup(e, "offset") ||
                      machine_file_lookup(e, "size"))) {
        mf_error(errp, machine_file_lookup(e, "offset") ?:
                 machine_file_lookup(e, "size"), "memory: 'offset' and "
                 "'size' go with alias: only");
        return NULL;
    }
    return kind == 0 ? mf_backend_region(b, src, errp)
         : kind == 1 ? mf_device_region(b, e, src, errp)
         : mf_alias_region(b, e, src, idx, errp);
}

static bool mf_parse_mapping(MfBuild *b, MachineFileNode *e, unsigned idx,
                             MfMapping *m, Error **errp)
{
    static const char *const keys[] = { "object", "device", "region",
                                        "alias", "offset", "size",
                                        "address", "priority", "map", NULL };
    MachineFileNode *prio = machine_file_lookup(e, "priority");
    MachineFileNode *map = machine_file_lookup(e, "map");
    const char *addr;

    if (!mf_check_keys(e, keys, "memory entry", errp) ||
        !(addr = mf_get_scalar(e, "address", "memory entry", errp))) {
        return false;
    }
    if (!parse_uint64(addr, &m->addr, "address", errp)) {
        mf_prepend(errp, machine_file_lookup(e, "address"), "memory");
        return false;
    }
    m->container = &b->ms->sysmem;
    if (map) {
        Object *mo;

        if (!mf_expect(map, MF_SCALAR, "memory entry key 'map'", errp) ||
            !(mo = mf_find_map(b, map, errp))) {
            return false;
        }
        m->container = memory_map_root(mo);
    }
    if (prio) {
        int64_t p;

        if (!mf_expect(prio, MF_SCALAR, "memory entry key 'priority'",
                       errp)) {
            return false;
        }
        if (!parse_int64(prio->scalar, &p, "priority", errp)) {
            mf_prepend(errp, prio, "memory");
            return false;
        }
        if (p < INT_MIN || p > INT_MAX) {
            mf_error(errp, prio, "memory: priority %s does not fit (%d..%d)",
                     prio->scalar, INT_MIN, INT_MAX);
            return false;
        }
        m->priority = (int)p;
    }
    m->mr = mf_entry_region(b, e, idx, errp);
    if (!m->mr) {
        return false;
    }
    m->size = memory_region_size(m->mr);
    m->where = e;
    return true;
}

/* "object 'sram'" / "device 'uart' region 0" / "alias of 'ram'" */
static char *mf_describe_entry(MachineFileNode *e)
{
    MachineFileNode *n;

    if ((n = machine_file_lookup(e, "object"))) {
        return g_strdup_printf("object '%s'", n->scalar);
    }
    if ((n = machine_file_lookup(e, "device"))) {
        return g_strdup_printf("device '%s'", n->scalar);
    }
    n = machine_file_lookup(e, "alias");
    return g_strdup_printf("alias of '%s'", n ? n->scalar : "?");
}

static bool mf_map_one(MfBuild *b, MachineFileNode *e, unsigned idx,
                       Error **errp)
{
    MfMapping m = { 0 };
    g_autofree char *desc = NULL;
    MfMapping *o;

    if (!mf_parse_mapping(b, e, idx, &m, errp)) {
        return false;
    }
    desc = mf_describe_entry(e);
    if (m.size == 0 || m.addr + (m.size - 1) < m.addr) {
        mf_error(errp, machine_file_lookup(e, "address"), "memory: %s "
                 "(0x%" PRIx64 " bytes) at 0x%" PRIx64 " does not fit "
                 "in the 64-bit address space", desc, m.size, m.addr);
        return false;
    }
    if (m.mr->container) {
        mf_error(errp, e, "memory: %s is already mapped (map each region "
                 "once; map an alias: for a second view)", desc);
        return false;
    }
    o = mf_find_overlap(b, &m);
    if (o) {
        g_autofree char *where = machine_file_where(o->where);

        mf_error(errp, e, "memory: [0x%" PRIx64 ", 0x%" PRIx64 "] overlaps "
                 "[0x%" PRIx64 ", 0x%" PRIx64 "] mapped at %s at the same "
                 "priority %d (use different priorities to overlay)",
                 m.addr, m.addr + (m.size - 1), o->addr,
                 o->addr + (o->size - 1), where, m.priority);
        return false;
    }
    memory_region_add_subregion_overlap(m.container, m.addr, m.mr,
                                        m.priority);
    g_array_append_val(b->maps, m);
    return true;
}

static bool mf_build_memory(MfBuild *b, MachineFileNode *top, Error **errp)
{
    MachineFileNode *list;

    if (!mf_get_list(top, "memory", &list, errp)) {
        return false;
    }
    for (guint i = 0; list && i < list->items->len; i++) {
        if (!mf_map_one(b, list->items->pdata[i], i, errp)) {
            return false;
        }
    }
    return true;
}

/* ---------------------------------------------------------------------- */
/* Entry point                                                            */

/* Undo everything @b created (error path). */
static void mf_unwind(MfBuild *b)
{
    for (guint i = b->maps->len; i-- > 0;) {
        MfMapping *m = &g_array_index(b->maps, MfMapping, i);

        memory_region_del_subregion(m->container, m->mr);
    }
    if (b->ms) {
        object_unparent(OBJECT(b->ms));
    }
    for (guint i = b->created->len; i-- > 0;) {
        object_unparent(b->created->pdata[i]);
    }
    if (b->objects_created) {
        object_unparent(b->objects);
    }
}

/* Run @fn on each entry of the optional list @key of @top. */
static bool mf_build_each(MfBuild *b, MachineFileNode *top, const char *key,
                          bool (*fn)(MfBuild *b, MachineFileNode *e,
                                     Error **errp),
                          Error **errp)
{
    MachineFileNode *list;

    if (!mf_get_list(top, key, &list, errp)) {
        return false;
    }
    for (guint i = 0; list && i < list->items->len; i++) {
        if (!fn(b, list->items->pdata[i], errp)) {
            return false;
        }
    }
    return true;
}

static bool mf_build(MfBuild *b, MachineFileNode *top, Error **errp)
{
    if (!mf_check_keys(top, mf_top_keys, "top level", errp) ||
        !mf_build_objects(b, top, errp) ||
        !mf_build_machine(b, top, errp) ||
        !mf_build_each(b, top, "maps", mf_build_map, errp) ||
        !mf_build_children(b, top, errp) ||
        !mf_build_each(b, top, "irqs", mf_build_irq, errp) ||
        !mf_build_each(b, top, "clocks", mf_build_clock, errp)) {
        return false;
    }
    /* the machine's own realize provides its RAM (for alias: ram) */
    if (!object_realize(OBJECT(b->ms), errp)) {
        error_prepend(errp, "%s: ", top->file);
        return false;
    }
    if (!mf_build_memory(b, top, errp)) {
        return false;
    }
    if (!machine_build(b->ms, errp)) {
        error_prepend(errp, "%s: ", top->file);
        return false;
    }
    return true;
}

MachineState *machine_file_create(Object *root, const char *path,
                                  Error **errp)
{
    g_autoptr(MachineFileDoc) doc = machine_file_load(path, errp);
    MfBuild b = { .root = root };
    bool ok;

    if (!doc) {
        return NULL;
    }
    b.created = g_ptr_array_new();
    b.ids = g_hash_table_new(g_str_hash, g_str_equal);
    b.maps = g_array_new(false, true, sizeof(MfMapping));
    b.cpu_clusters = g_ptr_array_new();
    ok = mf_build(&b, doc->root, errp);
    if (!ok) {
        mf_unwind(&b);
    }
    g_ptr_array_free(b.created, true);
    g_hash_table_destroy(b.ids);
    g_array_free(b.maps, true);
    g_ptr_array_free(b.cpu_clusters, true);
    return ok ? b.ms : NULL;
}
