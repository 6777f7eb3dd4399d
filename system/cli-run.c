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
#include "exec/cpu.h"
#include "hw/boards.h"
#include "hw/resettable.h"

#include "hw/qdev.h"
#include "hw/virtio/virtio-blk.h"
#include "system/block.h"
#include "system/chardev.h"
#include "system/gdbstub.h"
#include "system/machine-file.h"
#include "system/main-loop.h"
#include "system/net.h"
#include "system/qdev-monitor.h"
#include "system/smoke.h"
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

/* The smoke-boot runner watches a serial port (docs/user/ci.md). */
static bool cli_smoke_wanted(const CliOptions *o)
{
    return smoke_config_active(&o->smoke) || o->run_timeout_s;
}

/*
 * Serial ports from -serial (or the -nographic default for port 0).  The
 * port the smoke-boot runner watches gets a null chardev rather than none,
 * so its output can be observed without being shown.
 */
static bool cli_build_serials(const CliOptions *o, Object *root,
                              MachineState *ms, Error **errp)
{
    const char *def = o->nographic ? "stdio" : "none";
    bool smoke = cli_smoke_wanted(o);
    guint n = o->serials->len ? o->serials->len : 1;

    if (smoke) {
        n = HEMU_MAX(n, o->smoke.serial + 1);
    }
    for (guint i = 0; i < n; i++) {
        const char *spec = i < o->serials->len ? o->serials->pdata[i]
                         : i == 0 && !o->serials->len ? def : "none";
        g_autofree char *id = g_strdup_printf("serial%u", i);
        Chardev *chr;

        if (smoke && i == o->smoke.serial && !strcmp(spec, "none")) {
            spec = "null";
        }

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

/* Block backends from -drive and -blockdev, at /drives/<id>. */
static bool cli_build_drives(const CliOptions *o, Object *root, Error **errp)
{
    for (guint i = 0; i < o->drives->len; i++) {
        BlockDriveOpts *d = o->drives->pdata[i];

        if (!blk_new(root, d->id, d->filename, d->read_only, errp)) {
            error_prepend(errp, "-drive/-blockdev: ");
            return false;
        }
    }
    return true;
}

/*
 * -drive if=virtio: a virtio-blk-device for each such drive, at
 * /machine/peripheral-drive/<drive id>, after the -device devices (so
 * those get the first virtio-mmio slots, as with QEMU).
 */
static bool cli_build_drive_devices(const CliOptions *o, MachineState *ms,
                                    Error **errp)
{
    Object *folder = NULL;

    for (guint i = 0; i < o->drives->len; i++) {
        BlockDriveOpts *d = o->drives->pdata[i];
        Object *dev;

        if (d->interface != BLOCK_IF_VIRTIO) {
            continue;
        }
        if (!folder) {
            folder = cli_container(OBJECT(ms), "peripheral-drive", errp);
            if (!folder) {
                return false;
            }
        }
        dev = object_new_child(folder, d->id, TYPE_VIRTIO_BLK, errp);
        if (!dev || !object_property_set_str(dev, "drive", d->id, errp) ||
            !object_realize(dev, errp)) {
            error_prepend(errp, "-drive id=%s,if=virtio: ", d->id);
            if (dev) {
                object_unparent(dev);
            }
            return false;
        }
    }
    return true;
}

/* Network backends from -netdev and -nic, at /netdevs/<id>. */
static bool cli_build_netdevs(const CliOptions *o, Object *root, Error **errp)
{
    for (guint i = 0; i < o->netdevs->len; i++) {
        NetdevOpts *n = o->netdevs->pdata[i];

        if (!netdev_new(root, n->type, n->id, n->props, errp)) {
            error_prepend(errp, "%s: ", n->nic ? "-nic" : "-netdev");
            return false;
        }
    }
    return true;
}

/*
 * -nic: a NIC model on each such netdev, at /machine/peripheral-nic/<id>,
 * after the -device devices (as -drive if=virtio).
 */
static bool cli_build_nic_devices(const CliOptions *o, MachineState *ms,
                                  Error **errp)
{
    Object *folder = NULL;

    for (guint i = 0; i < o->netdevs->len; i++) {
        NetdevOpts *n = o->netdevs->pdata[i];
        Object *dev;

        if (!n->nic) {
            continue;
        }
        if (!folder) {
            folder = cli_container(OBJECT(ms), "peripheral-nic", errp);
            if (!folder) {
                return false;
            }
        }
        dev = object_new_child(folder, n->id, n->model, errp);
        if (!dev || !object_property_set_str(dev, "netdev", n->id, errp) ||
            (n->mac && !object_property_set_str(dev, "mac", n->mac, errp)) ||
            !object_realize(dev, errp)) {
            error_prepend(errp, "-nic (netdev %s): ", n->id);
            if (dev) {
                object_unparent(dev);
            }
            return false;
        }
    }
    return true;
}

/* -device: the same code as QMP device_add (system/qdev-monitor.c). */
static bool cli_build_device(Object *machine, const char *arg, Error **errp)
{
    g_autoptr(Keyval) kv = keyval_parse(arg, "driver", "-device", NULL,
                                        errp);
    g_autofree char *driver = NULL;
    g_autofree char *id = NULL;

    if (!kv) {
        return false;
    }
    driver = g_strdup(keyval_get(kv, "driver"));
    id = g_strdup(keyval_get(kv, "id"));
    keyval_remove(kv, "driver");
    keyval_remove(kv, "id");
    return qdev_device_add(machine, "-device", driver ? driver : "", id, kv,
                           errp) != NULL;
}

/*
 * -M file:PATH: the file describes the whole machine, so command-line
 * options that would configure it are refused rather than ignored.
 */
/*
 * -semihosting on a machine file: the CPUs' own "semihosting" property
 * (a file board has no machine property for it), then their clusters are
 * reset, since CPUs read it at reset.
 */
static int cli_file_semihosting(Object *obj, void *opaque)
{
    const char *on = opaque;
    bool any = false;

    if (!object_dynamic_cast(obj, "cpu-cluster")) {
        return 0;
    }
    for (unsigned i = 0;; i++) {
        g_autofree char *name = g_strdup_printf("cpu[%u]", i);
        Object *cpu = object_get_child(obj, name);

        if (!cpu) {
            break;
        }
        if (object_property_find(cpu, "semihosting")) {
            /* the frontends' CPU properties are runtime-settable */
            any |= object_property_parse(cpu, "semihosting", on, NULL);
        }
    }
    if (any) {
        resettable_reset(obj, RESET_TYPE_COLD);
    }
    return 0;
}

static MachineState *cli_build_from_file(const CliOptions *o, Object *root,
                                         Error **errp)
{
    const char *semihosting = NULL;
    MachineState *ms;

    for (size_t i = 0; i < keyval_count(o->machine_props); i++) {
        const char *key = keyval_key(o->machine_props, i);

        if (!strcmp(key, "semihosting")) {
            semihosting = keyval_get(o->machine_props, key);
            continue;
        }
        error_setg(errp, "-M file:%s: machine property '%s' (from -m, "
                   "-smp, -cpu, -kernel, -initrd, -append or -dtb) cannot be "
                   "combined with a machine file (set it in the file's "
                   "machine: mapping)", o->machine_file, key);
        return NULL;
    }
    if (o->serials->len) {
        error_setg(errp, "-M file:%s: -serial cannot be combined with a "
                   "machine file yet (link serial0..3 to -chardev ids in the "
                   "file's machine: mapping)", o->machine_file);
        return NULL;
    }
    ms = machine_file_create(root, o->machine_file, errp);
    if (ms && semihosting) {
        object_child_foreach(OBJECT(ms), cli_file_semihosting,
                             (void *)semihosting);
    }
    return ms;
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
    if (!cli_build_drives(o, root, errp) ||
        !cli_build_netdevs(o, root, errp)) {
        return NULL;
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
                   (!o->preconfig && !machine_build(ms, errp)))) {
            ms = NULL;
        }
    }
    if (!ms || o->preconfig) {
        return ms;              /* -preconfig: cli_build_late after QMP */
    }
    return cli_build_late(o, ms, errp) ? ms : NULL;
}

bool cli_build_late(const CliOptions *o, MachineState *ms, Error **errp)
{
    for (guint i = 0; i < o->devices->len; i++) {
        if (!cli_build_device(OBJECT(ms), o->devices->pdata[i], errp)) {
            return false;
        }
    }
    return cli_build_drive_devices(o, ms, errp) &&
           cli_build_nic_devices(o, ms, errp);
}

/* ---------------------------------------------------------------------- */
/* Running                                                                */

typedef struct CliRun {
    uint64_t timeout_s;         /* -run-timeout */
    const CliOptions *o;
    MachineState *ms;
    SmokeRunner *smoke;         /* NULL: no smoke-boot options */
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
        /* stop every vCPU now: with -icount the counts stay exact */
        cpus_request_shutdown(OBJECT(run->ms));
        if (run->o->no_shutdown) {
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
    if (run->smoke) {
        smoke_note_timeout(run->smoke);
    }
    main_loop_request_quit(CLI_EXIT_TIMEOUT);
}

/* The -gdb servers (none: NULL and no error), before the vCPUs start. */
static bool cli_gdb_start(const CliOptions *o, MachineState *ms,
                          GdbStub **gdb, Error **errp)
{
    *gdb = NULL;
    if (!o->gdbs->len) {
        return true;
    }
    *gdb = gdbstub_new(object_get_parent(OBJECT(ms)), ms);
    for (guint i = 0; i < o->gdbs->len; i++) {
        if (!gdbstub_add_server(*gdb, o->gdbs->pdata[i], errp)) {
            gdbstub_free(*gdb);
            *gdb = NULL;
            return false;
        }
    }
    return true;
}

/* -d stats: one line per cpu-cluster of @obj's subtree. */
static int cli_log_cluster_stats(Object *obj, void *opaque)
{
    CPUCluster *cl = (CPUCluster *)object_dynamic_cast(obj, TYPE_CPU_CLUSTER);
    g_autofree char *path = NULL;
    TBStats st;

    if (!cl || !object_is_realized(obj)) {
        return 0;
    }
    path = object_get_canonical_path(obj);
    cpu_cluster_get_tb_stats(cl, &st);
    log_printf("stats: %s (%s): %" PRIu64 " instructions, %" PRIu64
               " TBs translated\n", path ? path : "?",
               cl->arch ? cl->arch->name : "?",
               cpu_cluster_get_insn_count(cl), st.translations);
    return 0;
}

static int cli_run(const CliOptions *o, MachineState *ms, SmokeRunner *smoke)
{
    CliRun run = { .timeout_s = o->run_timeout_s, .o = o, .ms = ms,
                   .smoke = smoke };
    Timer *timeout = NULL;
    GdbStub *gdb = NULL;
    bool icount = o->accel.icount_shift >= 0;
    int rc;

    machine_set_request_handler(ms, cli_run_request, &run);
    /*
     * The virtual clock's timers run on the main loop, except with
     * -icount: then the vCPU thread runs them between instructions, at
     * the same instruction counts in every run (determinism).
     */
    if (!icount) {
        main_loop_add_clock(ms->virtual_clock);
    }
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
        /*
         * The guest's time runs from its first instruction; with -icount
         * the instruction count drives it from 0 (cpus_start).
         */
        if (!o->start_stopped && !icount) {
            timer_clock_start(ms->virtual_clock);
        }
        if (!cli_gdb_start(o, ms, &gdb, &err) ||
            !cpus_start(OBJECT(ms), &cfg, &err)) {
            error_report_err(err);
            gdbstub_free(gdb);
            timer_clock_stop(ms->virtual_clock);
            timer_free(timeout);
            if (!icount) {
                main_loop_remove_clock(ms->virtual_clock);
            }
            return CLI_EXIT_ERROR;
        }
    }
    rc = main_loop_run();
    machine_set_request_handler(ms, NULL, NULL);
    cpus_stop(OBJECT(ms));
    if (log_enabled(LOG_STATS)) {
        object_child_foreach_recursive(OBJECT(ms), cli_log_cluster_stats,
                                       NULL);
    }
    gdbstub_free(gdb);
    timer_clock_stop(ms->virtual_clock);
    timer_free(timeout);
    if (!icount) {
        main_loop_remove_clock(ms->virtual_clock);
    }
    return rc;
}

/* The smoke-boot runner for @o, or NULL when no option asks for it. */
static SmokeRunner *cli_smoke_new(const CliOptions *o)
{
    g_autofree char *machine = NULL;

    if (!cli_smoke_wanted(o)) {
        return NULL;
    }
    machine = o->machine_file ? g_path_get_basename(o->machine_file)
                              : g_strdup(o->machine_type);
    return smoke_new(&o->smoke, o->run_timeout_s, machine,
                     keyval_get(o->machine_props, "kernel"));
}

/* A failed start: report it (and to the smoke runner); status 1. */
static int cli_start_failed(Error *err, SmokeRunner *smoke)
{
    int rc = CLI_EXIT_ERROR;

    error_report_err(error_copy(err));
    if (smoke) {
        rc = smoke_finish(smoke, rc, error_get_pretty(err));
    }
    error_free(err);
    return rc;
}

/* Name the default machine in the report once it is built. */
static void cli_smoke_name(const CliOptions *o, SmokeRunner *smoke,
                           MachineState *ms)
{
    const char *type = object_get_typename(OBJECT(ms));

    if (smoke && !o->machine_type && !o->machine_file) {
        g_autofree char *name = g_strndup(type, strlen(type) -
            (g_str_has_suffix(type, TYPE_MACHINE_SUFFIX) ?
             strlen(TYPE_MACHINE_SUFFIX) : 0));

        smoke_set_machine(smoke, name);
    }
}

int cli_main(int argc, char **argv)
{
    g_autoptr(CliOptions) o = cli_options_new();
    Error *err = NULL;
    SmokeRunner *smoke;
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
    smoke = cli_smoke_new(o);
    root = object_new(TYPE_CONTAINER);
    ms = cli_build(o, root, &err);
    if (ms && o->preconfig) {
        /* serve the monitors until x-exit-preconfig built the machine */
        rc = main_loop_run();
        if (rc != MAIN_LOOP_PRECONFIG_DONE) {
            smoke_free(smoke);  /* quit or a signal before the build */
            object_unref(root);
            log_close();
            return rc;
        }
        if (!cli_build_late(o, ms, &err)) {
            ms = NULL;
        }
    }
    if (ms) {
        cli_smoke_name(o, smoke, ms);
    }
    if (!ms || (smoke && !smoke_attach(smoke, ms, &err))) {
        rc = cli_start_failed(err, smoke);
        smoke_free(smoke);
        object_unref(root);
        log_close();
        return rc;
    }
    rc = cli_run(o, ms, smoke);
    if (smoke) {
        rc = smoke_finish(smoke, rc, NULL);
        smoke_free(smoke);
    }
    object_unref(root);
    log_close();
    return rc;
}
