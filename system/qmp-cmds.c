/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * QMP commands about the monitor, the run state and machines (schemas
 * qapi/control.json, qapi/run-state.json, qapi/machine.json).
 *
 * The run state is the machine's virtual clock: running while it runs,
 * paused while it is stopped (-S, or stop).  stop and cont emit STOP and
 * RESUME only when the state changes, as QEMU does.  Commands reach the
 * machine through the session's root (/machine), never through a global.
 * device_add and device_del share -device's code (system/qdev-monitor.c)
 * and keep the vCPUs paused while the tree changes.
 * User reference: docs/user/qmp.md.
 */
#include "qapi/qapi-commands.h"
#include "qapi/qapi-events.h"

#include "exec/target-arch.h"
#include "hw/boards.h"
#include "exec/cpus.h"
#include "hw/resettable.h"
#include "system/hmp.h"
#include "system/main-loop.h"
#include "system/qdev-monitor.h"

/* The run's machine, or an error when none is built. */
static MachineState *qmp_machine(QmpSession *s, Error **errp)
{
    Object *obj = object_resolve_path(s->root, "/machine");

    if (!object_dynamic_cast(obj, TYPE_MACHINE)) {
        error_set(errp, ERROR_CLASS_DEVICE_NOT_ACTIVE,
                  "No machine is built in this run");
        return NULL;
    }
    return MACHINE(obj);
}

bool qmp_qmp_capabilities(QmpSession *s, Error **errp)
{
    s->negotiated = true;
    return true;
}

bool qmp_query_version(VersionInfo **ret, QmpSession *s, Error **errp)
{
    VersionInfo *v = g_new0(VersionInfo, 1);

    v->qemu = g_new0(VersionTriple, 1);
    qmp_version(&v->qemu->major, &v->qemu->minor, &v->qemu->micro);
    v->package = g_strdup("hemu " HEMU_VERSION);
    *ret = v;
    return true;
}

bool qmp_query_commands(GPtrArray **ret, QmpSession *s, Error **errp)
{
    GPtrArray *list = qapi_command_info_list_new();

    for (size_t i = 0; i < qapi_commands_count; i++) {
        CommandInfo *ci = g_new0(CommandInfo, 1);

        ci->name = g_strdup(qapi_commands[i].name);
        g_ptr_array_add(list, ci);
    }
    *ret = list;
    return true;
}

bool qmp_query_qmp_schema(json_t **ret, QmpSession *s, Error **errp)
{
    json_error_t jerr;

    *ret = json_loads(qapi_introspection_json, 0, &jerr);
    /* The text is generated from the schema by json.dumps: a bug if bad. */
    assert(*ret);
    return true;
}

bool qmp_quit(QmpSession *s, Error **errp)
{
    s->quit_after_reply = true;
    return true;
}

bool qmp_human_monitor_command(const char *command_line, bool has_cpu_index,
                               int64_t cpu_index, char **ret, QmpSession *s,
                               Error **errp)
{
    g_autoptr(GString) out = g_string_new(NULL);

    if (has_cpu_index) {
        error_setg(errp, "human-monitor-command: cpu-index is not accepted "
                   "yet (no machine has CPUs to select)");
        return false;
    }
    if (!hmp_execute(s, command_line, out, errp)) {
        return false;
    }
    *ret = g_string_free(g_steal_pointer(&out), false);
    return true;
}

/* ---------------------------------------------------------------------- */
/* Run state                                                              */

bool qmp_query_status(StatusInfo **ret, QmpSession *s, Error **errp)
{
    MachineState *ms = qmp_machine(s, errp);
    StatusInfo *info;

    if (!ms) {
        return false;
    }
    info = g_new0(StatusInfo, 1);
    info->running = timer_clock_is_running(ms->virtual_clock);
    info->status = info->running ? RUN_STATUS_RUNNING : RUN_STATUS_PAUSED;
    if (s->preconfig) {
        info->status = RUN_STATUS_PRECONFIG;
    }
    *ret = info;
    return true;
}

bool qmp_stop(QmpSession *s, Error **errp)
{
    MachineState *ms = qmp_machine(s, errp);

    if (!ms) {
        return false;
    }
    if (timer_clock_is_running(ms->virtual_clock)) {
        cpus_pause(OBJECT(ms));
        timer_clock_stop(ms->virtual_clock);
        qapi_event_send_stop(s->root);
    }
    return true;
}

bool qmp_cont(QmpSession *s, Error **errp)
{
    MachineState *ms = qmp_machine(s, errp);

    if (!ms) {
        return false;
    }
    if (!timer_clock_is_running(ms->virtual_clock)) {
        timer_clock_start(ms->virtual_clock);
        cpus_resume(OBJECT(ms));
        qapi_event_send_resume(s->root);
    }
    return true;
}

bool qmp_system_reset(QmpSession *s, Error **errp)
{
    MachineState *ms = qmp_machine(s, errp);

    if (!ms) {
        return false;
    }
    resettable_reset(OBJECT(ms), RESET_TYPE_COLD);
    qapi_event_send_reset(s->root, false, "host-qmp-system-reset");
    return true;
}

bool qmp_system_powerdown(QmpSession *s, Error **errp)
{
    if (!qmp_machine(s, errp)) {
        return false;
    }
    qapi_event_send_powerdown(s->root);
    return true;
}

/* ---------------------------------------------------------------------- */
/* Machines and architectures                                             */

bool qmp_query_machines(GPtrArray **ret, QmpSession *s, Error **errp)
{
    GPtrArray *list = qapi_machine_info_list_new();
    GSList *classes = machine_class_list();

    for (GSList *l = classes; l; l = l->next) {
        MachineClass *mc = l->data;
        MachineInfo *mi = g_new0(MachineInfo, 1);

        mi->name = g_strdup(mc->name);
        mi->description = g_strdup(mc->desc);
        mi->is_default = mc->is_default;
        mi->cpu_max = mc->max_cpus;
        mi->default_cpu_type = g_strdup(mc->default_cpu_type);
        mi->has_default_ram_size = mc->default_ram_size != 0;
        mi->default_ram_size = (int64_t)mc->default_ram_size;
        g_ptr_array_add(list, mi);
    }
    g_slist_free(classes);
    *ret = list;
    return true;
}

bool qmp_query_target(TargetInfo **ret, QmpSession *s, Error **errp)
{
    TargetInfo *ti = g_new0(TargetInfo, 1);

    ti->built_in = qapi_str_list_new();
    ti->machine = qapi_str_list_new();
    for (size_t i = 0; hemu_target_list[i]; i++) {
        g_ptr_array_add(ti->built_in, g_strdup(hemu_target_list[i]->name));
    }
    /*
     * "machine" lists the architectures of the machine's CPU clusters and
     * "arch" is its first; machines have no clusters yet, so both stay
     * empty until the cluster objects land.
     */
    *ret = ti;
    return true;
}

/* ---------------------------------------------------------------------- */
/* Devices                                                                */

/* A device_add property value as -device text ("on", "12", "abc"). */
static bool qmp_device_prop_text(const char *key, json_t *v, Keyval *kv,
                                 Error **errp)
{
    g_autofree char *text = qapi_scalar_text(v);

    if (!text) {
        error_setg(errp, "device_add: property '%s' must be a string, an "
                   "integer or a boolean", key);
        return false;
    }
    keyval_set(kv, key, text);
    return true;
}

/* Pause running vCPUs around a change of the tree; true if it did. */
static bool qmp_pause_for_change(MachineState *ms)
{
    if (!object_is_realized(OBJECT(ms)) ||
        !timer_clock_is_running(ms->virtual_clock)) {
        return false;
    }
    cpus_pause(OBJECT(ms));
    return true;
}

bool qmp_device_add(const char *driver, const char *id, json_t *extra,
                    QmpSession *s, Error **errp)
{
    MachineState *ms = qmp_machine(s, errp);
    g_autoptr(Keyval) kv = keyval_new();
    const char *key;
    json_t *value;
    bool paused, ok;

    if (!ms) {
        return false;
    }
    json_object_foreach(extra, key, value) {
        if (!qmp_device_prop_text(key, value, kv, errp)) {
            return false;
        }
    }
    paused = qmp_pause_for_change(ms);
    ok = qdev_device_add(OBJECT(ms), "device_add", driver, id, kv, errp);
    if (paused) {
        cpus_resume(OBJECT(ms));
    }
    return ok;
}

bool qmp_device_del(const char *id, QmpSession *s, Error **errp)
{
    MachineState *ms = qmp_machine(s, errp);
    bool paused, ok;

    if (!ms) {
        return false;
    }
    paused = qmp_pause_for_change(ms);
    ok = qdev_device_del(OBJECT(ms), id, errp);
    if (paused) {
        cpus_resume(OBJECT(ms));
    }
    return ok;
}
