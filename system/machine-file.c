/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Machine files, building: walk the merged tree that machine-file-load.c
 * made and create the board through the calls C machines use
 * (include/system/machine-file.h, docs/user/machine-files.md).
 *
 * Order: user objects under /objects (realized, so the machine and the
 * memory mappings can name them), the machine (machine_new, properties),
 * CPU clusters and devices as children of the machine, GPIO and clock
 * wiring, memory mappings into ms->sysmem, then machine_build, which realizes
 * the tree.  Invariant: on error everything this file created is removed
 * again, so @root looks as it did before the call.
 */
#include "system/machine-file.h"

#include "exec/cpu.h"
#include "exec/target-arch.h"
#include "hw/clock.h"
#include "hw/qdev.h"
#include "system/memory-backend.h"
#include "util/cutils.h"

typedef struct MfMapping {
    uint64_t addr;              /* guest physical, in ms->sysmem */
    uint64_t size;              /* bytes, > 0 */
    int priority;               /* memory_region_add_subregion_overlap */
    MemoryRegion *mr;           /* the backend's region, mapped */
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
    MachineState *ms;           /* NULL until machine_new */
} MfBuild;

static const char *const mf_top_keys[] = {
    "include", "machine", "objects", "memory", "devices", "irqs",
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

/* Create the child device @type (NULL: from key "type") for entry @e. */
static bool mf_build_device(MfBuild *b, MachineFileNode *e, const char *list,
                            const char *type, Error **errp)
{
    static const char *const skip[] = { "id", "type", NULL };
    MachineFileNode *idn, *prev;
    g_autofree char *what = NULL;
    const char *id;
    DeviceState *dev;

    if (!(id = mf_get_scalar(e, "id", list, errp)) ||
        (!type && !(type = mf_get_scalar(e, "type", list, errp)))) {
        return false;
    }
    idn = machine_file_lookup(e, "id");
    prev = g_hash_table_lookup(b->ids, id);
    if (prev) {
        g_autofree char *where = machine_file_where(prev);

        mf_error(errp, idn, "duplicate id '%s' (first used at %s)", id,
                 where);
        return false;
    }
    what = g_strdup_printf("%s '%s'", list, id);
    dev = qdev_new_child(OBJECT(b->ms), id, type, errp);
    if (!dev) {
        mf_prepend(errp, machine_file_lookup(e, "type") ?: idn, what);
        return false;
    }
    g_hash_table_insert(b->ids, (char *)id, idn);
    return mf_set_props(OBJECT(dev), e, skip, what, errp);
}

static bool mf_build_cluster(MfBuild *b, MachineFileNode *e, Error **errp)
{
    MachineFileNode *arch = machine_file_lookup(e, "arch");

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
    /* the cluster sees the machine's memory map (its default) */
    return mf_build_device(b, e, "clusters", TYPE_CPU_CLUSTER, errp);
}

static bool mf_build_children(MfBuild *b, MachineFileNode *top, Error **errp)
{
    MachineFileNode *clusters, *devices;

    if (!mf_get_list(top, "clusters", &clusters, errp) ||
        !mf_get_list(top, "devices", &devices, errp)) {
        return false;
    }
    for (guint i = 0; clusters && i < clusters->items->len; i++) {
        if (!mf_build_cluster(b, clusters->items->pdata[i], errp)) {
            return false;
        }
    }
    for (guint i = 0; devices && i < devices->items->len; i++) {
        if (!mf_build_device(b, devices->items->pdata[i], "devices", NULL,
                             errp)) {
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
 * Parse "DEV.NAME[N]" or "DEV[N]" (@n a scalar): the device (a child of
 * the machine), the GPIO list name (NULL: unnamed; g_free it) and index.
 */
static bool mf_parse_gpio(MfBuild *b, MachineFileNode *n, DeviceState **dev,
                          char **name, int *index, Error **errp)
{
    const char *s = n->scalar, *open = strrchr(s, '[');
    g_autofree char *head = NULL;
    g_autofree char *num = NULL;
    uint64_t v;
    char *dot;

    if (!open || open == s || s[strlen(s) - 1] != ']') {
        mf_error(errp, n, "'%s': expected DEVICE[N] or DEVICE.NAME[N]", s);
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
    dot = strchr(head, '.');
    if (dot) {
        *dot = '\0';
    }
    *dev = mf_find_device(b, n, head, errp);
    if (!*dev) {
        return false;
    }
    *name = dot ? g_strdup(dot + 1) : NULL;
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

/* An earlier mapping at the same priority that overlaps @m, or NULL. */
static MfMapping *mf_find_overlap(MfBuild *b, const MfMapping *m)
{
    for (guint i = 0; i < b->maps->len; i++) {
        MfMapping *o = &g_array_index(b->maps, MfMapping, i);

        if (o->priority == m->priority &&
            m->addr <= o->addr + (o->size - 1) &&
            o->addr <= m->addr + (m->size - 1)) {
            return o;
        }
    }
    return NULL;
}

static bool mf_parse_mapping(MfBuild *b, MachineFileNode *e, MfMapping *m,
                             Error **errp)
{
    static const char *const keys[] = { "object", "address", "priority",
                                        NULL };
    MachineFileNode *prio = machine_file_lookup(e, "priority");
    const char *id, *addr;
    Object *obj;

    if (!mf_check_keys(e, keys, "memory entry", errp) ||
        !(id = mf_get_scalar(e, "object", "memory entry", errp)) ||
        !(addr = mf_get_scalar(e, "address", "memory entry", errp))) {
        return false;
    }
    obj = object_get_child(b->objects, id);
    if (!obj) {
        mf_error(errp, machine_file_lookup(e, "object"), "memory: no object "
                 "'%s' (declare it under objects:)", id);
        return false;
    }
    if (!parse_uint64(addr, &m->addr, "address", errp)) {
        mf_prepend(errp, machine_file_lookup(e, "address"), "memory");
        return false;
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
    m->mr = memory_backend_get_region(obj, errp);
    if (!m->mr) {
        mf_prepend(errp, machine_file_lookup(e, "object"), "memory");
        return false;
    }
    m->size = memory_region_size(m->mr);
    m->where = e;
    return true;
}

static bool mf_map_one(MfBuild *b, MachineFileNode *e, Error **errp)
{
    MfMapping m = { 0 };
    MfMapping *o;

    if (!mf_parse_mapping(b, e, &m, errp)) {
        return false;
    }
    if (m.size == 0 || m.addr + (m.size - 1) < m.addr) {
        mf_error(errp, machine_file_lookup(e, "address"), "memory: object "
                 "'%s' (0x%" PRIx64 " bytes) at 0x%" PRIx64 " does not fit "
                 "in the 64-bit address space",
                 machine_file_lookup(e, "object")->scalar, m.size, m.addr);
        return false;
    }
    if (m.mr->container) {
        mf_error(errp, machine_file_lookup(e, "object"), "memory: object "
                 "'%s' is already mapped (map each backend once)",
                 machine_file_lookup(e, "object")->scalar);
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
    memory_region_add_subregion_overlap(&b->ms->sysmem, m.addr, m.mr,
                                        m.priority);
    g_array_append_val(b->maps, m);
    return true;
}

/* ---------------------------------------------------------------------- */
/* Entry point                                                            */

/* Undo everything @b created (error path). */
static void mf_unwind(MfBuild *b)
{
    for (guint i = b->maps->len; i-- > 0;) {
        MfMapping *m = &g_array_index(b->maps, MfMapping, i);

        memory_region_del_subregion(&b->ms->sysmem, m->mr);
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
        !mf_build_children(b, top, errp) ||
        !mf_build_each(b, top, "irqs", mf_build_irq, errp) ||
        !mf_build_each(b, top, "clocks", mf_build_clock, errp) ||
        !mf_build_each(b, top, "memory", mf_map_one, errp)) {
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
    ok = mf_build(&b, doc->root, errp);
    if (!ok) {
        mf_unwind(&b);
    }
    g_ptr_array_free(b.created, true);
    g_hash_table_destroy(b.ids);
    g_array_free(b.maps, true);
    return ok ? b.ms : NULL;
}
