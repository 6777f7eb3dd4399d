/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Machine files, building: walk the merged tree that machine-file-load.c
 * made and create the board through the calls C machines use
 * (include/system/machine-file.h, docs/user/machine-files.md).
 *
 * The building itself is the machine builder's
 * (include/system/machine-builder.h), which QMP construction shares;
 * this file checks the document's shape, turns entries into builder
 * calls and locates the builder's errors (file:line:column).
 *
 * Order: user objects under /objects (realized, so the machine and the
 * memory mappings can name them), the machine (machine_new, properties)
 * and its own realize (RAM, the base machine's init: the file adds to
 * the base as a C board does), memory maps (memory-map objects
 * /machine/NAME), devices (all but their link properties) and CPU
 * clusters (realized at once, so their CPUs exist for what follows) as
 * children of the machine, the devices' links (which may name CPUs), CPU
 * properties (then each such cluster is reset: CPUs read their properties
 * at reset), GPIO and clock wiring, memory mappings into ms->sysmem or a
 * map (backends, device MMIO regions, aliases), then machine_build, which
 * realizes the rest of the tree.  Invariant: on error everything this
 * file created is removed again, so @root looks as it did before the
 * call.
 */
#include "system/machine-file.h"

#include "exec/cpu.h"
#include "system/machine-builder.h"
#include "util/cutils.h"

typedef struct MfBuild {
    MachineBuilder *mb;
    GPtrArray *cpu_clusters;    /* MachineFileNode *: clusters entries
                                   with a cpus: key, in file order */
    MachineState *ms;           /* NULL until the machine is made */
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

typedef enum MfLinks {
    MF_LINKS_TOO,               /* every property */
    MF_LINKS_LATER,             /* all but links (set with MF_LINKS_ONLY) */
    MF_LINKS_ONLY,              /* only links */
} MfLinks;

/*
 * Set every key of @map but those in @skip as a property of @obj (@links:
 * all of them, all but the links, or only the links).
 */
static bool mf_set_props(Object *obj, MachineFileNode *map,
                         const char *const *skip, const char *what,
                         MfLinks links, Error **errp)
{
    for (guint i = 0; i < map->keys->len; i++) {
        MachineFileNode *k = map->keys->pdata[i];
        MachineFileNode *v = map->items->pdata[i];
        ObjectProperty *prop = object_property_find(obj, k->scalar);
        bool is_link = prop && prop->kind == PROP_KIND_LINK;
        g_autofree char *ctx = NULL;

        if (mf_in_list(skip, k->scalar) ||
            (links == MF_LINKS_LATER && is_link) ||
            (links == MF_LINKS_ONLY && !is_link)) {
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

/*
 * Locate a builder error: @bad is the key of @e at fault ("" for @e
 * itself; NULL: the error is complete, from mf_configure).
 */
static void mf_locate(Error **errp, MachineFileNode *e, const char *bad)
{
    MachineFileNode *n;
    g_autofree char *where = NULL;

    if (!bad) {
        return;
    }
    n = *bad ? machine_file_lookup(e, bad) : e;
    where = machine_file_where(n ? n : e);
    error_prepend(errp, "%s: ", where);
}

/* The builder's configure callback: the properties of a file entry. */
typedef struct MfProps {
    MachineFileNode *map;
    const char *const *skip;
    const char *what;
    MfLinks links;
} MfProps;

static bool mf_configure(Object *obj, void *opaque, Error **errp)
{
    MfProps *p = opaque;

    return mf_set_props(obj, p->map, p->skip, p->what, p->links, errp);
}

/* ---------------------------------------------------------------------- */
/* Objects, the machine, maps, devices, clusters                          */

static bool mf_build_object(MfBuild *b, MachineFileNode *e, Error **errp)
{
    static const char *const skip[] = { "id", "type", NULL };
    const char *id, *type, *bad;
    g_autofree char *what = NULL;
    MfProps p = { .map = e, .skip = skip };

    if (!(id = mf_get_scalar(e, "id", "objects entry", errp)) ||
        !(type = mf_get_scalar(e, "type", "objects entry", errp))) {
        return false;
    }
    what = g_strdup_printf("object '%s'", id);
    p.what = what;
    if (!machine_builder_add_object(b->mb, id, type, what, mf_configure, &p,
                                    &bad, errp)) {
        mf_locate(errp, e, bad);
        return false;
    }
    return true;
}

static bool mf_build_machine(MfBuild *b, MachineFileNode *top, Error **errp)
{
    static const char *const skip[] = { "type", NULL };
    MachineFileNode *m = machine_file_lookup(top, "machine");
    MfProps p = { .map = m, .skip = skip, .what = "machine" };
    const char *type, *bad;

    if (!m) {
        mf_error(errp, top, "missing key 'machine' (a mapping with at "
                 "least 'type:', e.g. 'type: none')");
        return false;
    }
    if (!mf_expect(m, MF_MAPPING, "machine", errp) ||
        !(type = mf_get_scalar(m, "type", "machine", errp))) {
        return false;
    }
    b->ms = machine_builder_new_machine(b->mb, type, mf_configure, &p, &bad,
                                        errp);
    if (!b->ms) {
        mf_locate(errp, m, bad);
        return false;
    }
    return true;
}

static bool mf_build_map(MfBuild *b, MachineFileNode *e, Error **errp)
{
    static const char *const keys[] = { "id", NULL };
    g_autofree char *where = NULL;
    const char *id, *bad;

    if (!mf_check_keys(e, keys, "maps entry", errp) ||
        !(id = mf_get_scalar(e, "id", "maps entry", errp))) {
        return false;
    }
    where = machine_file_where(machine_file_lookup(e, "id"));
    if (!machine_builder_add_map(b->mb, id, where, &bad, errp)) {
        mf_locate(errp, e, bad);
        return false;
    }
    return true;
}

static bool mf_build_device(MfBuild *b, MachineFileNode *e, Error **errp)
{
    static const char *const skip[] = { "id", "type", NULL };
    g_autofree char *what = NULL;
    g_autofree char *where = NULL;
    const char *id, *type, *bad;
    MfProps p = { .map = e, .skip = skip };

    if (!(id = mf_get_scalar(e, "id", "devices", errp)) ||
        !(type = mf_get_scalar(e, "type", "devices", errp))) {
        return false;
    }
    what = g_strdup_printf("devices '%s'", id);
    where = machine_file_where(machine_file_lookup(e, "id"));
    p.what = what;
    p.links = MF_LINKS_LATER;   /* links may name CPUs: mf_build_links */
    if (!machine_builder_add_device(b->mb, id, type, where, what,
                                    mf_configure, &p, &bad, errp)) {
        mf_locate(errp, e, bad);
        return false;
    }
    return true;
}

static bool mf_build_cluster(MfBuild *b, MachineFileNode *e, Error **errp)
{
    static const char *const skip[] = { "id", "arch", "memory", "cpus",
                                        NULL };
    MachineFileNode *mem = machine_file_lookup(e, "memory");
    MachineFileNode *cpus = machine_file_lookup(e, "cpus");
    g_autofree char *where = NULL;
    const char *id, *arch, *bad;
    MfProps p = { .map = e, .skip = skip, .what = "clusters" };

    if (!(arch = mf_get_scalar(e, "arch", "clusters entry", errp)) ||
        !(id = mf_get_scalar(e, "id", "clusters", errp))) {
        return false;
    }
    if (machine_file_lookup(e, "type")) {
        mf_error(errp, machine_file_lookup(e, "type"), "clusters: no 'type' "
                 "key here (a cluster is always a %s)", TYPE_CPU_CLUSTER);
        return false;
    }
    if (mem && !mf_expect(mem, MF_SCALAR, "clusters key 'memory'", errp)) {
        return false;
    }
    if (cpus && !mf_expect(cpus, MF_MAPPING, "clusters key 'cpus'", errp)) {
        return false;
    }
    where = machine_file_where(machine_file_lookup(e, "id"));
    if (!machine_builder_add_cluster(b->mb, id, arch,
                                     mem ? mem->scalar : NULL, where,
                                     "clusters", mf_configure, &p, &bad,
                                     errp)) {
        mf_locate(errp, e, bad);
        return false;
    }
    if (cpus) {
        g_ptr_array_add(b->cpu_clusters, e);
    }
    return true;
}

/* The link properties of device entry @e, once the clusters exist. */
static bool mf_build_links(MfBuild *b, MachineFileNode *e, Error **errp)
{
    static const char *const skip[] = { "id", "type", NULL };
    const char *id = machine_file_lookup(e, "id")->scalar;
    g_autofree char *what = g_strdup_printf("devices '%s'", id);
    MfProps p = { .map = e, .skip = skip, .what = what,
                  .links = MF_LINKS_ONLY };

    return mf_configure(object_get_child(OBJECT(b->ms), id), &p, errp);
}

/* ---------------------------------------------------------------------- */
/* CPU properties                                                         */

/* Set the properties of mapping @props on CPU @idx of @cl. */
static bool mf_set_cpu_props(MfBuild *b, DeviceState *cl, const char *id,
                             unsigned idx, MachineFileNode *props,
                             Error **errp)
{
    static const char *const skip[] = { NULL };
    g_autofree char *what = g_strdup_printf("clusters '%s' cpu %u", id, idx);
    MfProps p = { .map = props, .skip = skip, .what = what };

    return mf_expect(props, MF_MAPPING, what, errp) &&
           machine_builder_configure_cpu(b->mb, cl, idx, mf_configure, &p,
                                         errp);
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
    DeviceState *cl = machine_builder_find_cluster(b->mb, id, &error_abort);
    unsigned n = machine_builder_cluster_cpus(cl);
    MachineFileNode *all = machine_file_lookup(cpus, "all");

    for (unsigned i = 0; all && i < n; i++) {
        if (!mf_set_cpu_props(b, cl, id, i, all, errp)) {
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
            !mf_set_cpu_props(b, cl, id, idx, cpus->items->pdata[i], errp)) {
            return false;
        }
    }
    machine_builder_reset_cluster(b->mb, cl);
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
     * the maps their regions are in) is still there.  The devices' own
     * links come after the clusters: they may name CPUs.
     */
    for (guint i = 0; devices && i < devices->items->len; i++) {
        if (!mf_build_device(b, devices->items->pdata[i], errp)) {
            return false;
        }
    }
    for (guint i = 0; clusters && i < clusters->items->len; i++) {
        if (!mf_build_cluster(b, clusters->items->pdata[i], errp)) {
            return false;
        }
    }
    for (guint i = 0; devices && i < devices->items->len; i++) {
        if (!mf_build_links(b, devices->items->pdata[i], errp)) {
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
/* IRQ and clock wiring                                                   */

static bool mf_build_wire(MfBuild *b, MachineFileNode *e, const char *list,
                          Error **errp)
{
    static const char *const keys[] = { "from", "to", NULL };
    g_autofree char *entry = g_strdup_printf("%s entry", list);
    const char *from, *to, *bad;
    bool ok;

    if (!mf_check_keys(e, keys, entry, errp) ||
        !(from = mf_get_scalar(e, "from", entry, errp)) ||
        !(to = mf_get_scalar(e, "to", entry, errp))) {
        return false;
    }
    ok = !strcmp(list, "irqs")
         ? machine_builder_connect_irq(b->mb, from, to, list, &bad, errp)
         : machine_builder_connect_clock(b->mb, from, to, list, &bad, errp);
    if (!ok) {
        mf_locate(errp, e, bad);
    }
    return ok;
}

static bool mf_build_irq(MfBuild *b, MachineFileNode *e, Error **errp)
{
    return mf_build_wire(b, e, "irqs", errp);
}

static bool mf_build_clock(MfBuild *b, MachineFileNode *e, Error **errp)
{
    return mf_build_wire(b, e, "clocks", errp);
}

/* ---------------------------------------------------------------------- */
/* Memory mappings                                                        */

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

/* What entry @e maps: exactly one of object:, device:, alias:. */
static bool mf_parse_kind(MachineFileNode *e, MachineBuilderMapping *m,
                          Error **errp)
{
    static const char *const kinds[] = { "object", "device", "alias" };
    MachineFileNode *src = NULL;
    unsigned kind = 0;

    for (unsigned i = 0; i < G_N_ELEMENTS(kinds); i++) {
        MachineFileNode *n = machine_file_lookup(e, kinds[i]);

        if (n && src) {
            mf_error(errp, n, "memory: '%s' and '%s' in one entry (give one "
                     "of object:, device:, alias:)", kinds[kind], kinds[i]);
            return false;
        }
        if (n) {
            src = n;
            kind = i;
        }
    }
    if (!src) {
        mf_error(errp, e, "memory entry: missing key 'object', 'device' or "
                 "'alias' (what to map)");
        return false;
    }
    if (!(m->name = mf_get_scalar(e, kinds[kind], "memory entry", errp))) {
        return false;
    }
    if (kind != 1 && machine_file_lookup(e, "region")) {
        mf_error(errp, machine_file_lookup(e, "region"), "memory: 'region' "
                 "goes with device: only");
        return false;
    }
    if (kind != 2 && (machine_file_lookup(e, "offset") ||
                      machine_file_lookup(e, "size"))) {
        mf_error(errp, machine_file_lookup(e, "offset") ?:
                 machine_file_lookup(e, "size"), "memory: 'offset' and "
                 "'size' go with alias: only");
        return false;
    }
    m->kind = kind == 0 ? MACHINE_BUILDER_MAP_OBJECT
            : kind == 1 ? MACHINE_BUILDER_MAP_DEVICE
            : MACHINE_BUILDER_MAP_ALIAS;
    return true;
}

static bool mf_parse_mapping(MachineFileNode *e, MachineBuilderMapping *m,
                             Error **errp)
{
    static const char *const keys[] = { "object", "device", "region",
                                        "alias", "offset", "size",
                                        "address", "priority", "map", NULL };
    MachineFileNode *prio = machine_file_lookup(e, "priority");
    MachineFileNode *map = machine_file_lookup(e, "map");
    MachineFileNode *size = machine_file_lookup(e, "size");
    const char *addr;

    if (!mf_check_keys(e, keys, "memory entry", errp) ||
        !(addr = mf_get_scalar(e, "address", "memory entry", errp))) {
        return false;
    }
    if (!parse_uint64(addr, &m->address, "address", errp)) {
        mf_prepend(errp, machine_file_lookup(e, "address"), "memory");
        return false;
    }
    if (map) {
        if (!mf_expect(map, MF_SCALAR, "memory entry key 'map'", errp)) {
            return false;
        }
        m->map = map->scalar;
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
    if (!mf_parse_kind(e, m, errp) ||
        !mf_get_u64(e, "region", &m->region, errp) ||
        !mf_get_u64(e, "offset", &m->offset, errp) ||
        !mf_get_u64(e, "size", &m->size, errp)) {
        return false;
    }
    if (size && m->size == 0) {
        mf_error(errp, size, "memory: alias size must be greater than 0");
        return false;
    }
    return true;
}

static bool mf_map_one(MfBuild *b, MachineFileNode *e, Error **errp)
{
    MachineBuilderMapping m = { 0 };
    g_autofree char *where = machine_file_where(e);
    const char *bad;

    if (!mf_parse_mapping(e, &m, errp)) {
        return false;
    }
    m.where = where;
    if (!machine_builder_map(b->mb, &m, &bad, errp)) {
        mf_locate(errp, e, bad);
        return false;
    }
    return true;
}

/* ---------------------------------------------------------------------- */
/* Entry point                                                            */

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
        !mf_build_each(b, top, "objects", mf_build_object, errp) ||
        !mf_build_machine(b, top, errp)) {
        return false;
    }
    /*
     * The machine's own realize (its RAM, the base machine's init) comes
     * first: the file adds to the base machine as a C board adds to the
     * one it builds on (its children come after the base's, so they are
     * realized, reset and scheduled in the same order), and its wiring
     * may name the base machine's devices and aliases its RAM.
     */
    if (!machine_builder_realize_machine(b->mb, errp)) {
        error_prepend(errp, "%s: ", top->file);
        return false;
    }
    if (!mf_build_each(b, top, "maps", mf_build_map, errp) ||
        !mf_build_children(b, top, errp) ||
        !mf_build_each(b, top, "irqs", mf_build_irq, errp) ||
        !mf_build_each(b, top, "clocks", mf_build_clock, errp) ||
        !mf_build_each(b, top, "memory", mf_map_one, errp)) {
        return false;
    }
    if (!machine_builder_finish(b->mb, errp)) {
        error_prepend(errp, "%s: ", top->file);
        return false;
    }
    return true;
}

MachineState *machine_file_create(Object *root, const char *path,
                                  Error **errp)
{
    static const MachineBuilderHints hints = {
        .device = "declare it under devices:",
        .map = "declare it under maps:",
        .object = "declare it under objects:",
    };
    g_autoptr(MachineFileDoc) doc = machine_file_load(path, errp);
    MfBuild b = { 0 };
    bool ok;

    if (!doc) {
        return NULL;
    }
    b.mb = machine_builder_new(root, &hints);
    b.cpu_clusters = g_ptr_array_new();
    ok = mf_build(&b, doc->root, errp);
    if (!ok) {
        machine_builder_unwind(b.mb);
    }
    machine_builder_free(b.mb);
    g_ptr_array_free(b.cpu_clusters, true);
    return ok ? b.ms : NULL;
}
