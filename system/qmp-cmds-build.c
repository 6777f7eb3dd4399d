/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Building a machine over QMP (schema qapi/build.json, user reference
 * docs/user/preconfig.md).  With -preconfig, the command line makes and
 * configures the machine (machine_new) but does not build it; clients
 * then add maps, clusters, devices, wiring and memory mappings through
 * the machine builder (include/system/machine-builder.h), the same calls
 * machine files use, and x-exit-preconfig builds the machine, after
 * which the run goes on as without -preconfig.
 *
 * State: the builder lives in the machine (MachineState.builder), made
 * on the first builder command, so two machines never share one.  The
 * preconfig state is "the machine exists and is not built" (not realized,
 * or realized by the builder, which does that early for its RAM, but not
 * finished); the dispatcher refuses commands without allow-preconfig then.
 */
#include "qapi/qapi-commands.h"

#include "hw/boards.h"
#include "hw/resettable.h"
#include "system/chardev.h"
#include "system/machine-builder.h"
#include "system/main-loop.h"
#include "util/keyval.h"

bool qmp_machine_in_preconfig(Object *root)
{
    Object *obj = root ? object_get_child(root, "machine") : NULL;
    MachineState *ms;

    if (!obj || !object_dynamic_cast(obj, TYPE_MACHINE)) {
        return false;
    }
    /* the builder realizes the machine object itself early (its RAM) */
    ms = MACHINE(obj);
    return !object_is_realized(obj) ||
           (ms->builder && !machine_builder_finished(ms->builder));
}

static void qmp_builder_free(void *builder)
{
    machine_builder_free(builder);
}

/* The builder of the session's machine in the preconfig state. */
static MachineBuilder *qmp_builder(QmpSession *s, const char *cmd,
                                   Error **errp)
{
    static const MachineBuilderHints hints = {
        .device = "add it with machine-add-device",
        .map = "add it with machine-add-map",
        .object = "add it with object-add",
    };
    Object *obj = object_get_child(s->root, "machine");
    MachineState *ms;

    if (!qmp_machine_in_preconfig(s->root)) {
        error_setg(errp, "%s: the machine is already built (start hemu "
                   "with -preconfig to build one over QMP)", cmd);
        return NULL;
    }
    ms = MACHINE(obj);
    if (!ms->builder) {
        ms->builder = machine_builder_new(s->root, &hints);
        ms->builder_free = qmp_builder_free;
        machine_builder_attach(ms->builder, ms);
    }
    return ms->builder;
}

/* Prefix @cmd and, if known, the argument at fault. */
static void qmp_builder_error(Error **errp, const char *cmd, const char *bad)
{
    if (bad && *bad) {
        error_prepend(errp, "%s: '%s': ", cmd, bad);
    } else {
        error_prepend(errp, "%s: ", cmd);
    }
}

/*
 * Properties from the extra members of a command: JSON scalars in their
 * text form, parsed as on the command line and in machine files.
 */
static bool qmp_configure(Object *obj, void *opaque, Error **errp)
{
    json_t *props = opaque;
    const char *key;
    json_t *v;

    json_object_foreach(props, key, v) {
        g_autofree char *text = qapi_scalar_text(v);

        if (!text) {
            error_setg(errp, "property '%s': expected a string, an integer "
                       "or a boolean", key);
            return false;
        }
        if (!object_property_parse(obj, key, text, errp)) {
            return false;
        }
    }
    return true;
}

bool qmp_machine_add_map(const char *id, QmpSession *s, Error **errp)
{
    MachineBuilder *b = qmp_builder(s, "machine-add-map", errp);
    const char *bad = NULL;

    if (!b) {
        return false;
    }
    if (!machine_builder_add_map(b, id, NULL, &bad, errp)) {
        qmp_builder_error(errp, "machine-add-map", NULL);
        return false;
    }
    return true;
}

bool qmp_machine_add_cluster(const char *id, const char *arch,
                             const char *memory, json_t *extra,
                             QmpSession *s, Error **errp)
{
    MachineBuilder *b = qmp_builder(s, "machine-add-cluster", errp);
    const char *bad = NULL;

    if (!b) {
        return false;
    }
    if (!machine_builder_add_cluster(b, id, arch, memory, NULL,
                                     "machine-add-cluster", qmp_configure,
                                     extra, &bad, errp)) {
        if (!bad) {
            qmp_builder_error(errp, "machine-add-cluster", NULL);
        }
        return false;
    }
    return true;
}

bool qmp_machine_set_cpu(const char *cluster, bool has_cpu, int64_t cpu,
                         json_t *extra, QmpSession *s, Error **errp)
{
    MachineBuilder *b = qmp_builder(s, "machine-set-cpu", errp);
    DeviceState *cl;
    unsigned n;

    if (!b) {
        return false;
    }
    cl = machine_builder_find_cluster(b, cluster, errp);
    if (!cl) {
        qmp_builder_error(errp, "machine-set-cpu", NULL);
        return false;
    }
    n = machine_builder_cluster_cpus(cl);
    if (has_cpu && (cpu < 0 || cpu >= n)) {
        error_setg(errp, "machine-set-cpu: cpu %" PRId64 " is not a CPU of "
                   "cluster '%s' (accepted: 0 to %u, or no cpu for all)",
                   cpu, cluster, n - 1);
        return false;
    }
    for (unsigned i = has_cpu ? (unsigned)cpu : 0;
         i < (has_cpu ? (unsigned)cpu + 1 : n); i++) {
        if (!machine_builder_configure_cpu(b, cl, i, qmp_configure, extra,
                                           errp)) {
            error_prepend(errp, "machine-set-cpu: cluster '%s' cpu %u: ",
                          cluster, i);
            return false;
        }
    }
    machine_builder_reset_cluster(b, cl);
    return true;
}

bool qmp_machine_add_device(const char *id, const char *type, json_t *extra,
                            QmpSession *s, Error **errp)
{
    MachineBuilder *b = qmp_builder(s, "machine-add-device", errp);
    g_autofree char *what = g_strdup_printf("device '%s'", id);
    const char *bad = NULL;

    if (!b) {
        return false;
    }
    if (!machine_builder_add_device(b, id, type, NULL, what, qmp_configure,
                                    extra, &bad, errp)) {
        qmp_builder_error(errp, "machine-add-device", NULL);
        return false;
    }
    return true;
}

bool qmp_machine_connect_irq(const char *from, const char *to, QmpSession *s,
                             Error **errp)
{
    MachineBuilder *b = qmp_builder(s, "machine-connect-irq", errp);
    const char *bad = NULL;

    if (!b) {
        return false;
    }
    if (!machine_builder_connect_irq(b, from, to, NULL, &bad, errp)) {
        qmp_builder_error(errp, "machine-connect-irq", NULL);
        return false;
    }
    return true;
}

bool qmp_machine_connect_clock(const char *from, const char *to,
                               QmpSession *s, Error **errp)
{
    MachineBuilder *b = qmp_builder(s, "machine-connect-clock", errp);
    const char *bad = NULL;

    if (!b) {
        return false;
    }
    if (!machine_builder_connect_clock(b, from, to, NULL, &bad, errp)) {
        qmp_builder_error(errp, "machine-connect-clock", NULL);
        return false;
    }
    return true;
}

/* A non-negative integer argument @name, or an error. */
static bool qmp_u64_arg(const char *name, int64_t v, uint64_t *out,
                        Error **errp)
{
    if (v < 0) {
        error_setg(errp, "machine-map-memory: '%s' must not be negative "
                   "(got %" PRId64 ")", name, v);
        return false;
    }
    *out = (uint64_t)v;
    return true;
}

bool qmp_machine_map_memory(const char *object, const char *device,
                            bool has_region, int64_t region,
                            const char *alias, bool has_offset,
                            int64_t offset, bool has_size, int64_t size,
                            int64_t address, const char *map,
                            bool has_priority, int64_t priority,
                            QmpSession *s, Error **errp)
{
    MachineBuilder *b = qmp_builder(s, "machine-map-memory", errp);
    MachineBuilderMapping m = { .map = map };
    const char *bad = NULL;
    unsigned kinds = !!object + !!device + !!alias;

    if (!b) {
        return false;
    }
    if (kinds != 1) {
        error_setg(errp, "machine-map-memory: give exactly one of 'object', "
                   "'device' and 'alias' (got %u)", kinds);
        return false;
    }
    if ((has_region && !device) || ((has_offset || has_size) && !alias)) {
        error_setg(errp, "machine-map-memory: 'region' goes with 'device', "
                   "'offset' and 'size' with 'alias'");
        return false;
    }
    if (has_priority && (priority < INT_MIN || priority > INT_MAX)) {
        error_setg(errp, "machine-map-memory: priority %" PRId64 " does not "
                   "fit (%d..%d)", priority, INT_MIN, INT_MAX);
        return false;
    }
    if (!qmp_u64_arg("address", address, &m.address, errp) ||
        (has_region && !qmp_u64_arg("region", region, &m.region, errp)) ||
        (has_offset && !qmp_u64_arg("offset", offset, &m.offset, errp)) ||
        (has_size && !qmp_u64_arg("size", size, &m.size, errp))) {
        return false;
    }
    if (has_size && size == 0) {
        error_setg(errp, "machine-map-memory: 'size' must be greater than 0");
        return false;
    }
    m.kind = object ? MACHINE_BUILDER_MAP_OBJECT
           : device ? MACHINE_BUILDER_MAP_DEVICE : MACHINE_BUILDER_MAP_ALIAS;
    m.name = object ? object : device ? device : alias;
    m.priority = (int)priority;
    if (!machine_builder_map(b, &m, &bad, errp)) {
        qmp_builder_error(errp, "machine-map-memory", NULL);
        return false;
    }
    return true;
}

bool qmp_chardev_add(const char *id, ChardevBackend *backend, QmpSession *s,
                     Error **errp)
{
    g_autoptr(Keyval) kv = keyval_new();
    const char *key;
    json_t *v;

    if (!json_is_object(backend->data)) {
        error_setg(errp, "chardev-add: 'backend.data' must be an object");
        return false;
    }
    keyval_set(kv, "id", id);
    json_object_foreach(backend->data, key, v) {
        if (backend->type == CHARDEV_BACKEND_KIND_FILE &&
            !strcmp(key, "out") && json_is_string(v)) {
            keyval_set(kv, "path", json_string_value(v));
        } else if (backend->type == CHARDEV_BACKEND_KIND_FILE &&
                   !strcmp(key, "append") && json_is_boolean(v)) {
            keyval_set(kv, "append", json_is_true(v) ? "on" : "off");
        } else {
            error_setg(errp, "chardev-add: backend '%s': unexpected member "
                       "'%s' in 'data' (accepted: %s)",
                       backend->type == CHARDEV_BACKEND_KIND_FILE ? "file"
                                                                : "null",
                       key,
                       backend->type == CHARDEV_BACKEND_KIND_FILE
                       ? "'out' (a string), 'append' (a boolean)" : "none");
            return false;
        }
    }
    if (backend->type == CHARDEV_BACKEND_KIND_FILE &&
        !json_object_get(backend->data, "out")) {
        error_setg(errp, "chardev-add: backend 'file' needs 'out' (the "
                   "file's path) in 'data'");
        return false;
    }
    if (!chardev_new(s->root, backend->type == CHARDEV_BACKEND_KIND_FILE
                              ? "file" : "null", kv, errp)) {
        error_prepend(errp, "chardev-add: ");
        return false;
    }
    return true;
}

bool qmp_x_exit_preconfig(QmpSession *s, Error **errp)
{
    MachineBuilder *b = qmp_builder(s, "x-exit-preconfig", errp);
    MachineState *ms;

    if (!b) {
        return false;
    }
    ms = machine_builder_machine(b);
    if (!machine_builder_finish(b, errp)) {
        error_prepend(errp, "x-exit-preconfig: building the machine "
                      "failed: ");
        return false;
    }
    /* every part from its reset state, as at any start */
    resettable_reset(OBJECT(ms), RESET_TYPE_COLD);
    main_loop_request_quit(MAIN_LOOP_PRECONFIG_DONE);
    return true;
}
