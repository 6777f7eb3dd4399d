/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Building and running what the command line describes
 * (include/system/cli.h): chardevs, user objects, serial ports, the
 * machine and devices, created in one root container per run, then the
 * main loop until a quit request, a signal or the run timeout.
 *
 * Order matters only for references: objects may name chardevs, the
 * machine may name objects (memory-backend=) and serial chardevs, devices
 * sit in the machine.  Everything is torn down by dropping the root.
 */
#include "system/cli.h"
#include "hw/boards.h"
#include "hw/resettable.h"

#include "hw/qdev.h"
#include "system/chardev.h"
#include "system/machine-file.h"
#include "system/main-loop.h"
#include "util/log.h"

/* Set the properties in @kv (but @skip keys) on @obj, named @what. */
static bool cli_set_props(Object *obj, const Keyval *kv, const char *skip1,
                          const char *skip2, const char *what, Error **errp)
{
    for (size_t i = 0; i < keyval_count(kv); i++) {
        const char *key = keyval_key(kv, i);

        if (!strcmp(key, skip1) || !strcmp(key, skip2)) {
            continue;
        }
        if (!object_property_parse(obj, key, keyval_value(kv, i), errp)) {
            error_prepend(errp, "%s: ", what);
            return false;
        }
    }
    return true;
}

/* The folder @name of @parent, created on first use. */
static Object *cli_container(Object *parent, const char *name, Error **errp)
{
    Object *c = object_get_child(parent, name);

    return c ? c : object_new_child(parent, name, TYPE_CONTAINER, errp);
}

/*
 * Create an object of the type in @kv[@type_key] as child "id" of
 * @parent, configure and realize it.  @option names the option.
 */
static Object *cli_new_object(Object *parent, const char *option,
                              const char *arg, const char *type_key,
                              Error **errp)
{
    g_autoptr(Keyval) kv = keyval_parse(arg, type_key, option, NULL, errp);
    g_autofree char *what = NULL;
    const char *type, *id;
    Object *obj;

    if (!kv) {
        return NULL;
    }
    type = keyval_get(kv, type_key);
    id = keyval_get(kv, "id");
    if (!id || !*id) {
        error_setg(errp, "%s %s: missing id=ID (it names the object in the "
                   "tree)", option, type);
        return NULL;
    }
    what = g_strdup_printf("%s %s,id=%s", option, type, id);
    if (object_get_child(parent, id)) {
        error_setg(errp, "%s: id '%s' is already in use", what, id);
        return NULL;
    }
    obj = object_new_checked(type, NULL, errp);
    if (!obj) {
        return NULL;
    }
    if (!cli_set_props(obj, kv, type_key, "id", what, errp) ||
        !object_property_add_child(parent, id, obj, errp)) {
        object_unref(obj);
        return NULL;
    }
    object_unref(obj);
    if (!object_realize_tree(obj, errp)) {
        error_prepend(errp, "%s: ", what);
        object_unparent(obj);
        return NULL;
    }
    return obj;
}

static bool cli_build_serials(const CliOptions *o, Object *root,
                              MachineState *ms, Error **errp)
{
    const char *def = o->nographic ? "stdio" : "none";
    guint n = o->serials->len ? o->serials->len : 1;

    for (guint i = 0; i < n; i++) {
        const char *spec = o->serials->len ? o->serials->pdata[i] : def;
        g_autofree char *id = g_strdup_printf("serial%u", i);
        Chardev *chr;

        if (!chardev_new_serial(root, spec, id, &chr, errp)) {
            return false;
        }
        if (chr && !object_property_set_link(OBJECT(ms), id, OBJECT(chr),
                                             errp)) {
            return false;
        }
    }
    return true;
}

static bool cli_build_device(Object *machine, const char *arg, Error **errp)
{
    g_autoptr(Keyval) kv = keyval_parse(arg, "driver", "-device", NULL,
                                        errp);
    ObjectClass *oc;
    Object *folder;

    if (!kv) {
        return false;
    }
    oc = object_class_by_name(keyval_get(kv, "driver"));
    if (!DEVICE_CLASS(oc)->user_creatable) {
        error_setg(errp, "-device %s: this device cannot be created by "
                   "users (the machine creates it)",
                   keyval_get(kv, "driver"));
        return false;
    }
    folder = cli_container(machine, "peripheral", errp);
    return folder && cli_new_object(folder, "-device", arg, "driver", errp);
}

/*
 * -M file:PATH: the file describes the whole machine, so command-line
 * options that would configure it are refused rather than ignored.
 */
static MachineState *cli_build_from_file(const CliOptions *o, Object *root,
                                         Error **errp)
{
    if (keyval_count(o->machine_props)) {
        error_setg(errp, "-M file:%s: machine property '%s' (from -m, "
                   "-smp, -cpu, -kernel, -initrd, -append or -dtb) cannot be "
                   "combined with a machine file (set it in the file's "
                   "machine: mapping)", o->machine_file,
                   keyval_key(o->machine_props, 0));
        return NULL;
    }
    if (o->serials->len) {
        error_setg(errp, "-M file:%s: -serial cannot be combined with a "
                   "machine file yet (link serial0..3 to -chardev ids in the "
                   "file's machine: mapping)", o->machine_file);
        return NULL;
    }
    return machine_file_create(root, o->machine_file, errp);
}

MachineState *cli_build(const CliOptions *o, Object *root, Error **errp)
{
    Object *objects;
    MachineState *ms;

    for (guint i = 0; i < o->chardevs->len; i++) {
        g_autoptr(Keyval) kv = keyval_parse(o->chardevs->pdata[i], "backend",
                                            "-chardev", NULL, errp);
        g_autofree char *backend = NULL;

        if (!kv) {
            return NULL;
        }
        backend = g_strdup(keyval_get(kv, "backend") ?: "");
        keyval_remove(kv, "backend");
        if (!chardev_new(root, backend, kv, errp)) {
            error_prepend(errp, "-chardev: ");
            return NULL;
        }
    }
    objects = cli_container(root, "objects", errp);
    if (!objects) {
        return NULL;
    }
    for (guint i = 0; i < o->objects->len; i++) {
        if (!cli_new_object(objects, "-object", o->objects->pdata[i],
                            "qom-type", errp)) {
            return NULL;
        }
    }
    if (o->monitors->len) {
        Object *monitors = cli_container(root, "monitors", errp);

        if (!monitors) {
            return NULL;
        }
        for (guint i = 0; i < o->monitors->len; i++) {
            if (!cli_new_object(monitors, "monitor", o->monitors->pdata[i],
                                "qom-type", errp)) {
                return NULL;
            }
        }
    }
    if (o->machine_file) {
        ms = cli_build_from_file(o, root, errp);
    } else {
        ms = machine_new(root, o->machine_type, o->machine_props, errp);
        if (ms && (!cli_build_serials(o, root, ms, errp) ||
                   !machine_build(ms, errp))) {
            ms = NULL;
        }
    }
    if (!ms) {
        return NULL;
    }
    for (guint i = 0; i < o->devices->len; i++) {
        if (!cli_build_device(OBJECT(ms), o->devices->pdata[i], errp)) {
            return NULL;
        }
    }
    return ms;
}

/* ---------------------------------------------------------------------- */
/* Running                                                                */

typedef struct CliRun {
    uint64_t timeout_s;         /* -run-timeout */
    const CliOptions *o;
    MachineState *ms;
} CliRun;

/* A guest reset, run from the main loop: stop, reset, start again. */
static gboolean cli_run_reset(gpointer opaque)
{
    CliRun *run = opaque;
    Error *err = NULL;

    cpus_stop(OBJECT(run->ms));
    resettable_reset(OBJECT(run->ms), RESET_TYPE_COLD);
    if (!cpus_start(OBJECT(run->ms), &run->o->accel, &err)) {
        error_report_err(err);
        main_loop_request_quit(CLI_EXIT_ERROR);
    }
    return G_SOURCE_REMOVE;
}

/* Guest power-off and reset requests (any thread). */
static void cli_run_request(void *opaque, MachineRequestKind kind,
                            int exit_code)
{
    CliRun *run = opaque;

    if (kind == MACHINE_REQUEST_SHUTDOWN) {
        if (run->o->no_shutdown) {
            cpus_request_shutdown(OBJECT(run->ms));
            return;
        }
        main_loop_request_quit(exit_code);
    } else if (run->o->no_reboot) {
        main_loop_request_quit(0);
    } else {
        g_main_context_invoke(main_loop_context(), cli_run_reset, run);
    }
}

static void cli_run_timeout(void *opaque)
{
    CliRun *run = opaque;

    error_report("run timeout of %" PRIu64 " s reached", run->timeout_s);
    main_loop_request_quit(CLI_EXIT_TIMEOUT);
}

static int cli_run(const CliOptions *o, MachineState *ms)
{
    CliRun run = { .timeout_s = o->run_timeout_s, .o = o, .ms = ms };
    Timer *timeout = NULL;
    int rc;

    machine_set_request_handler(ms, cli_run_request, &run);
    main_loop_add_clock(ms->virtual_clock);
    if (o->run_timeout_s) {
        TimerClock *host = timer_clock_host();

        timeout = timer_new_ns(host, cli_run_timeout, &run);
        timer_mod_ns(timeout, timer_clock_get_ns(host) +
                     (int64_t)o->run_timeout_s * NANOSECONDS_PER_SECOND);
    }
    {
        Error *err = NULL;
        AccelConfig cfg = o->accel;

        /* -S: the vCPUs exist but wait for `cont` */
        cfg.start_paused = o->start_stopped;
        /* the guest's time runs from its first instruction */
        if (!o->start_stopped) {
            timer_clock_start(ms->virtual_clock);
        }
        if (!cpus_start(OBJECT(ms), &cfg, &err)) {
            error_report_err(err);
            timer_clock_stop(ms->virtual_clock);
            timer_free(timeout);
            main_loop_remove_clock(ms->virtual_clock);
            return CLI_EXIT_ERROR;
        }
    }
    rc = main_loop_run();
    machine_set_request_handler(ms, NULL, NULL);
    cpus_stop(OBJECT(ms));
    timer_clock_stop(ms->virtual_clock);
    timer_free(timeout);
    main_loop_remove_clock(ms->virtual_clock);
    return rc;
}

int cli_main(int argc, char **argv)
{
    g_autoptr(CliOptions) o = cli_options_new();
    Error *err = NULL;
    Object *root;
    MachineState *ms;
    int rc;

    if (!cli_parse(o, argc, argv, &err)) {
        error_report_err(err);
        return CLI_EXIT_ERROR;
    }
    if (o->exit_now) {
        return CLI_EXIT_OK;
    }
    main_loop_init();
    main_loop_install_signals();
    root = object_new(TYPE_CONTAINER);
    ms = cli_build(o, root, &err);
    if (!ms) {
        error_report_err(err);
        object_unref(root);
        log_close();
        return CLI_EXIT_ERROR;
    }
    rc = cli_run(o, ms);
    object_unref(root);
    log_close();
    return rc;
}
