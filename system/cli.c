/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Command-line parsing (include/system/cli.h).
 *
 * One table lists every option with its argument name, help text and
 * handler; parsing and --help both read it, so an option cannot exist
 * without being documented.  Options are written "-name" or "--name".
 * Handlers only record and check; cli-run.c builds and runs.  Help
 * requests ("-M help", "-object TYPE,help"...) print to stdout and end
 * parsing with o->exit_now set.  User documentation: docs/user/cli.md.
 */
#include "system/cli.h"

#include "exec/target-arch.h"
#include "hw/qdev.h"
#include "qapi/qmp.h"
#include "system/chardev.h"
#include "system/gdbstub.h"
#include "util/cutils.h"
#include "util/log.h"

typedef struct CliOption {
    const char *name;           /* without dashes */
    const char *alias;          /* another name, or NULL */
    const char *arg;            /* argument name for help; NULL: none */
    const char *help;           /* one line */
    bool (*handler)(CliOptions *o, const char *arg, Error **errp);
    bool hidden;                /* not in --help (tool-facing options) */
} CliOption;

/* ---------------------------------------------------------------------- */
/* Help                                                                   */

void cli_print_type_properties(FILE *out, const char *typename)
{
    ObjectClass *oc = object_class_by_name(typename);
    g_autoptr(GPtrArray) props = NULL;

    fprintf(out, "%s options:\n", typename);
    props = object_class_property_list(oc);
    for (guint i = 0; i < props->len; i++) {
        ObjectProperty *p = g_ptr_array_index(props, i);
        g_autofree char *def = object_property_default_str(p);
        g_autofree char *left = g_strdup_printf("%s=<%s>", p->name,
                                                p->type_name);

        if (p->kind == PROP_KIND_CHILD || !p->set) {
            continue;
        }
        fprintf(out, "  %-24s - %s%s%s%s\n", left,
                p->description ? p->description : "",
                def ? " (default: " : "", def ? def : "", def ? ")" : "");
    }
    if (!props->len) {
        fprintf(out, "  (no properties)\n");
    }
}

/* A type users may name after @option: exists, concrete, a @must_be. */
static bool cli_check_type(const char *option, const char *type,
                           const char *must_be, const char *what,
                           Error **errp)
{
    ObjectClass *oc = object_class_by_name(type);

    if (!oc || object_class_is_abstract(oc) ||
        !object_class_dynamic_cast(oc, must_be)) {
        error_setg(errp, "%s: unknown %s type '%s' (%s help lists them)",
                   option, what, type, option);
        return false;
    }
    return true;
}

static void cli_list_objects(FILE *out)
{
    GSList *list = object_class_get_list(TYPE_USER_CREATABLE, false);

    fprintf(out, "List of user creatable objects:\n");
    for (GSList *l = list; l; l = l->next) {
        const char *desc = object_class_get_description(l->data);

        fprintf(out, "  %-24s %s\n", object_class_get_name(l->data),
                desc ? desc : "");
    }
    g_slist_free(list);
}

static void cli_list_devices(FILE *out)
{
    GSList *list = object_class_get_list(TYPE_DEVICE, false);
    int shown = 0;

    fprintf(out, "Devices (for -device TYPE,id=ID,...):\n");
    for (int cat = 0; cat < DEVICE_CATEGORY__MAX; cat++) {
        bool header = false;

        for (GSList *l = list; l; l = l->next) {
            DeviceClass *dc = DEVICE_CLASS(l->data);
            const char *desc = dc->desc ? dc->desc
                               : object_class_get_description(l->data);

            if (!dc->user_creatable || (int)dc->category != cat) {
                continue;
            }
            if (!header) {
                fprintf(out, "\n%s devices:\n", device_category_name(cat));
                header = true;
            }
            fprintf(out, "  %-24s %s\n", object_class_get_name(l->data),
                    desc ? desc : "");
            shown++;
        }
    }
    if (!shown) {
        fprintf(out, "  (no user-creatable devices are built in yet)\n");
    }
    g_slist_free(list);
}

/* ---------------------------------------------------------------------- */
/* Handlers                                                               */

static bool cli_version(CliOptions *o, const char *arg, Error **errp)
{
    printf("hemu version " HEMU_VERSION "\n");
    o->exit_now = true;
    return true;
}

static bool cli_help(CliOptions *o, const char *arg, Error **errp)
{
    cli_print_help(stdout);
    o->exit_now = true;
    return true;
}

static bool cli_machine(CliOptions *o, const char *arg, Error **errp)
{
    bool help;
    g_autoptr(Keyval) kv = keyval_parse(arg, "type", "-M", &help, errp);
    const char *type;

    if (!kv) {
        return false;
    }
    type = keyval_get(kv, "type");
    if (help && !type) {
        machine_print_list(stdout);
        printf("A machine file: -M file:PATH or -M PATH.yaml "
               "(docs/user/machine-files.md)\n");
        o->exit_now = true;
        return true;
    }
    if (type && (g_str_has_prefix(type, "file:") ||
                 g_str_has_suffix(type, ".yaml"))) {
        if (keyval_count(kv) > 1 || help) {
            error_setg(errp, "-M %s: a machine file takes no other -M "
                       "parameters (set them in its machine: mapping)", type);
            return false;
        }
        g_free(o->machine_file);
        o->machine_file = g_strdup(g_str_has_prefix(type, "file:") ?
                                   type + 5 : type);
        return true;
    }
    if (type) {
        MachineClass *mc = machine_find_class(type, errp);

        if (!mc) {
            error_prepend(errp, "-M: ");
            return false;
        }
        if (help) {
            cli_print_type_properties(stdout,
                                      object_class_get_name(OBJECT_CLASS(mc)));
            o->exit_now = true;
            return true;
        }
        g_free(o->machine_type);
        o->machine_type = g_strdup(type);
    }
    for (size_t i = 0; i < keyval_count(kv); i++) {
        if (strcmp(keyval_key(kv, i), "type")) {
            keyval_set(o->machine_props, keyval_key(kv, i),
                       keyval_value(kv, i));
        }
    }
    return true;
}

/*
 * `-cpu help`: the models of every built-in frontend, the concrete
 * subtypes of its cpu_type, named without the "-<cpu_type>" suffix (the
 * name -cpu takes on the boards of that architecture).
 */
static void cli_list_cpus(FILE *out)
{
    for (const TargetArch *const *a = hemu_target_list; *a; a++) {
        GSList *list = object_class_get_list((*a)->cpu_type, false);
        size_t suffix = strlen((*a)->cpu_type) + 1;

        fprintf(out, "Available CPU models for %s:\n", (*a)->name);
        for (GSList *l = list; l; l = l->next) {
            const char *name = object_class_get_name(l->data);
            DeviceClass *dc = DEVICE_CLASS(l->data);
            const char *desc = dc->desc ? dc->desc
                               : object_class_get_description(l->data);
            int len = (int)(strlen(name) > suffix ? strlen(name) - suffix
                                                  : strlen(name));

            fprintf(out, "  %-20.*s %s\n", len, name, desc ? desc : "");
        }
        g_slist_free(list);
    }
}

static bool cli_cpu(CliOptions *o, const char *arg, Error **errp)
{
    if (!strcmp(arg, "help") || !strcmp(arg, "?")) {
        cli_list_cpus(stdout);
        o->exit_now = true;
        return true;
    }
    keyval_set(o->machine_props, "cpu-type", arg);
    return true;
}

static bool cli_smp(CliOptions *o, const char *arg, Error **errp)
{
    g_autoptr(Keyval) kv = keyval_parse(arg, "cpus", "-smp", NULL, errp);

    if (!kv) {
        return false;
    }
    for (size_t i = 0; i < keyval_count(kv); i++) {
        const char *key = keyval_key(kv, i);
        g_autofree char *what = g_strdup_printf("-smp %s", key);
        uint64_t n;

        if (strcmp(key, "cpus") && strcmp(key, "maxcpus")) {
            error_setg(errp, "-smp: unknown parameter '%s' (accepted: cpus, "
                       "maxcpus)", key);
            return false;
        }
        if (!parse_uint64(keyval_value(kv, i), &n, what, errp)) {
            return false;
        }
        if (n > UINT32_MAX) {
            error_setg(errp, "-smp: %s=%" PRIu64 " is too large", key, n);
            return false;
        }
        keyval_set(o->machine_props,
                   strcmp(key, "cpus") ? "smp-max-cpus" : "smp-cpus",
                   keyval_value(kv, i));
    }
    return true;
}

static bool cli_mem(CliOptions *o, const char *arg, Error **errp)
{
    g_autoptr(Keyval) kv = keyval_parse(arg, "size", "-m", NULL, errp);
    g_autofree char *bytes = NULL;
    const char *size;
    uint64_t val;

    if (!kv) {
        return false;
    }
    for (size_t i = 0; i < keyval_count(kv); i++) {
        if (strcmp(keyval_key(kv, i), "size")) {
            error_setg(errp, "-m: unknown parameter '%s' (accepted: size)",
                       keyval_key(kv, i));
            return false;
        }
    }
    size = keyval_get(kv, "size");
    if (!size || !parse_size(size, &val, 1 << 20, "-m", errp)) {
        if (!size) {
            error_setg(errp, "-m: missing size (e.g. -m 512M)");
        }
        return false;
    }
    if (!val) {
        error_setg(errp, "-m: size must be more than 0 (e.g. -m 512M)");
        return false;
    }
    bytes = g_strdup_printf("%" PRIu64, val);
    keyval_set(o->machine_props, "ram-size", bytes);
    return true;
}

/* -kernel, -initrd, -append, -dtb: a machine property each. */
static bool cli_machine_string(CliOptions *o, const char *prop,
                               const char *arg)
{
    keyval_set(o->machine_props, prop, arg);
    return true;
}

static bool cli_kernel(CliOptions *o, const char *arg, Error **errp)
{
    return cli_machine_string(o, "kernel", arg);
}

static bool cli_initrd(CliOptions *o, const char *arg, Error **errp)
{
    return cli_machine_string(o, "initrd", arg);
}

static bool cli_append(CliOptions *o, const char *arg, Error **errp)
{
    return cli_machine_string(o, "append", arg);
}

static bool cli_dtb(CliOptions *o, const char *arg, Error **errp)
{
    return cli_machine_string(o, "dtb", arg);
}

/*
 * -semihosting and -semihosting-config: the machine property
 * "semihosting" (boards that offer it, e.g. virt).  Only the native
 * target exists: calls are served by hemu itself.
 */
static bool cli_semihosting(CliOptions *o, const char *arg, Error **errp)
{
    return cli_machine_string(o, "semihosting", "on");
}

static bool cli_semihosting_config(CliOptions *o, const char *arg,
                                   Error **errp)
{
    g_autoptr(Keyval) kv = keyval_parse(arg, "enable", "-semihosting-config",
                                        NULL, errp);
    const char *enable, *target;
    bool on = true;

    if (!kv) {
        return false;
    }
    for (size_t i = 0; i < keyval_count(kv); i++) {
        const char *key = keyval_key(kv, i);

        if (strcmp(key, "enable") && strcmp(key, "target")) {
            error_setg(errp, "-semihosting-config: parameter '%s' is not "
                       "supported (accepted: enable=on|off, target=native)",
                       key);
            return false;
        }
    }
    enable = keyval_get(kv, "enable");
    target = keyval_get(kv, "target");
    if (enable && !parse_bool(enable, &on, "-semihosting-config enable",
                              errp)) {
        return false;
    }
    if (target && strcmp(target, "native")) {
        error_setg(errp, "-semihosting-config: target '%s' is not supported "
                   "(accepted: native; hemu serves the calls itself)", target);
        return false;
    }
    return cli_machine_string(o, "semihosting", on ? "on" : "off");
}

/*
 * -object and -device: help requests are answered now; the rest is
 * checked for a known type and kept for cli_build().
 */
static bool cli_typed(CliOptions *o, const char *option, const char *arg,
                      const char *implied, const char *must_be,
                      const char *what, GPtrArray *store, Error **errp)
{
    bool help;
    g_autoptr(Keyval) kv = keyval_parse(arg, implied, option, &help, errp);
    const char *type;

    if (!kv) {
        return false;
    }
    type = keyval_get(kv, implied);
    if (!type) {
        if (help) {
            if (!strcmp(option, "-device")) {
                cli_list_devices(stdout);
            } else {
                cli_list_objects(stdout);
            }
            o->exit_now = true;
            return true;
        }
        error_setg(errp, "%s: missing the %s type (%s TYPE,id=ID,...; "
                   "%s help lists them)", option, what, option, option);
        return false;
    }
    if (!cli_check_type(option, type, must_be, what, errp)) {
        return false;
    }
    if (help) {
        cli_print_type_properties(stdout, type);
        o->exit_now = true;
        return true;
    }
    g_ptr_array_add(store, g_strdup(arg));
    return true;
}

static bool cli_object(CliOptions *o, const char *arg, Error **errp)
{
    return cli_typed(o, "-object", arg, "qom-type", TYPE_USER_CREATABLE,
                     "object", o->objects, errp);
}

static bool cli_device(CliOptions *o, const char *arg, Error **errp)
{
    return cli_typed(o, "-device", arg, "driver", TYPE_DEVICE, "device",
                     o->devices, errp);
}

/* -drive and -blockdev: parsed now, backends made by cli_build(). */
static bool cli_drive(CliOptions *o, const char *arg, Error **errp)
{
    unsigned n_virtio = 0;
    BlockDriveOpts *d;

    for (guint i = 0; i < o->drives->len; i++) {
        BlockDriveOpts *prev = o->drives->pdata[i];

        n_virtio += prev->interface == BLOCK_IF_VIRTIO;
    }
    d = blk_drive_parse(arg, n_virtio, errp);
    if (!d) {
        return false;
    }
    g_ptr_array_add(o->drives, d);
    return true;
}

static bool cli_blockdev(CliOptions *o, const char *arg, Error **errp)
{
    BlockDriveOpts *d = blk_blockdev_parse(arg, errp);

    if (!d) {
        return false;
    }
    g_ptr_array_add(o->drives, d);
    return true;
}

/* -netdev and -nic: parsed now, backends made by cli_build(). */
static bool cli_netdev_or_nic(CliOptions *o, const char *arg, bool nic,
                              Error **errp)
{
    unsigned n_nic = 0;
    NetdevOpts *n;

    if (!strcmp(arg, "help") || !strcmp(arg, "?")) {
        netdev_print_backends(stdout);
        o->exit_now = true;
        return true;
    }
    for (guint i = 0; i < o->netdevs->len; i++) {
        n_nic += ((NetdevOpts *)o->netdevs->pdata[i])->nic;
    }
    n = nic ? netdev_nic_parse(arg, n_nic, errp) : netdev_parse(arg, errp);
    if (!n) {
        return false;
    }
    g_ptr_array_add(o->netdevs, n);
    return true;
}

static bool cli_netdev(CliOptions *o, const char *arg, Error **errp)
{
    return cli_netdev_or_nic(o, arg, false, errp);
}

static bool cli_nic(CliOptions *o, const char *arg, Error **errp)
{
    return cli_netdev_or_nic(o, arg, true, errp);
}

static bool cli_log(CliOptions *o, const char *arg, Error **errp)
{
    uint32_t mask;
    bool help;

    if (!log_parse_items(arg, &mask, &help, errp)) {
        return false;
    }
    if (help) {
        log_print_items(stdout);
        o->exit_now = true;
        return true;
    }
    log_set_mask(mask);
    return true;
}

static bool cli_logfile(CliOptions *o, const char *arg, Error **errp)
{
    if (!log_set_file(arg, errp)) {
        error_prepend(errp, "-D: ");
        return false;
    }
    return true;
}

static bool cli_dfilter(CliOptions *o, const char *arg, Error **errp)
{
    return log_parse_dfilter(arg, errp);
}

static bool cli_serial(CliOptions *o, const char *arg, Error **errp)
{
    if (!strcmp(arg, "help") || !strcmp(arg, "?")) {
        printf("-serial accepts: stdio, null, none, pty, file:PATH,\n"
               "  unix:PATH[,server=on][,wait=off],\n"
               "  tcp:HOST:PORT[,server=on][,wait=off], chardev:ID\n");
        o->exit_now = true;
        return true;
    }
    if (o->serials->len >= MACHINE_MAX_SERIAL) {
        error_setg(errp, "-serial %s: too many serial ports (at most %d)",
                   arg, MACHINE_MAX_SERIAL);
        return false;
    }
    g_ptr_array_add(o->serials, g_strdup(arg));
    return true;
}

static bool cli_chardev(CliOptions *o, const char *arg, Error **errp)
{
    bool help;
    g_autoptr(Keyval) kv = keyval_parse(arg, "backend", "-chardev", &help,
                                        errp);
    const char *backend;

    if (!kv) {
        return false;
    }
    backend = keyval_get(kv, "backend");
    if (help) {
        g_autofree char *type = backend ? g_strdup_printf("chardev-%s",
                                                          backend) : NULL;

        if (!backend) {
            chardev_print_backends(stdout);
        } else if (!cli_check_type("-chardev", type, TYPE_CHARDEV,
                                   "chardev backend", errp)) {
            return false;
        } else {
            cli_print_type_properties(stdout, type);
        }
        o->exit_now = true;
        return true;
    }
    g_ptr_array_add(o->chardevs, g_strdup(arg));
    return true;
}

/*
 * -qmp and -mon: a QMP monitor is a "monitor-qmp" object; cli_build
 * creates them at /monitors/monitorN after the chardevs.  N counts the
 * monitors so far, in command-line order.
 */
static char *cli_monitor_id(const CliOptions *o)
{
    return g_strdup_printf("monitor%u", o->monitors->len);
}

static bool cli_qmp(CliOptions *o, const char *arg, Error **errp)
{
    g_autofree char *id = cli_monitor_id(o);

    if (!g_str_has_prefix(arg, "unix:") && !g_str_has_prefix(arg, "tcp:")) {
        error_setg(errp, "-qmp %s: unknown monitor address (accepted: "
                   "unix:PATH,server=on,wait=off, "
                   "tcp:HOST:PORT,server=on,wait=off)", arg);
        return false;
    }
    g_ptr_array_add(o->monitors, monitor_qmp_object_arg(id, arg));
    return true;
}

/* -monitor SPEC: the human monitor on a -serial style chardev spec. */
static bool cli_monitor(CliOptions *o, const char *arg, Error **errp)
{
    g_autofree char *id = cli_monitor_id(o);
    g_autofree char *obj = NULL;

    if (!strcmp(arg, "none")) {
        return true;
    }
    if (!strcmp(arg, "help") || !strcmp(arg, "?")) {
        printf("-monitor accepts the -serial specs (stdio, pty, "
               "unix:PATH,server=on,wait=off, tcp:HOST:PORT,server=on,"
               "wait=off, chardev:ID) and none\n");
        o->exit_now = true;
        return true;
    }
    obj = monitor_qmp_object_arg(id, arg);
    g_ptr_array_add(o->monitors, g_strconcat(obj, ",mode=readline", NULL));
    return true;
}

static bool cli_mon(CliOptions *o, const char *arg, Error **errp)
{
    g_autofree char *id = cli_monitor_id(o);
    char *obj = monitor_mon_object_arg(id, arg, errp);

    if (!obj) {
        return false;
    }
    g_ptr_array_add(o->monitors, obj);
    return true;
}

static bool cli_nographic(CliOptions *o, const char *arg, Error **errp)
{
    o->nographic = true;
    return true;
}

static bool cli_stopped(CliOptions *o, const char *arg, Error **errp)
{
    o->start_stopped = true;
    return true;
}

static bool cli_preconfig(CliOptions *o, const char *arg, Error **errp)
{
    o->preconfig = true;
    return true;
}

static bool cli_gdb(CliOptions *o, const char *arg, Error **errp)
{
    if (!gdbstub_check_spec(arg, errp)) {
        return false;
    }
    g_ptr_array_add(o->gdbs, g_strdup(arg));
    return true;
}

static bool cli_gdb_default(CliOptions *o, const char *arg, Error **errp)
{
    return cli_gdb(o, GDBSTUB_DEFAULT_SPEC, errp);
}

static bool cli_no_reboot(CliOptions *o, const char *arg, Error **errp)
{
    o->no_reboot = true;
    return true;
}

static bool cli_no_shutdown(CliOptions *o, const char *arg, Error **errp)
{
    o->no_shutdown = true;
    return true;
}

static bool cli_run_timeout(CliOptions *o, const char *arg, Error **errp)
{
    if (!parse_uint64(arg, &o->run_timeout_s, "-run-timeout", errp)) {
        return false;
    }
    if (!o->run_timeout_s || o->run_timeout_s > 1000000000) {
        error_setg(errp, "-run-timeout: '%s' is out of range (accepted: 1 "
                   "to 1000000000 seconds)", arg);
        return false;
    }
    return true;
}

static bool cli_help_man(CliOptions *o, const char *arg, Error **errp)
{
    cli_print_help_man(stdout);
    o->exit_now = true;
    return true;
}

/* The smoke-boot runner's options (system/smoke.c, docs/user/ci.md). */
static bool cli_expect(CliOptions *o, const char *arg, Error **errp)
{
    return smoke_config_expect(&o->smoke, arg, errp);
}

static bool cli_expect_fail(CliOptions *o, const char *arg, Error **errp)
{
    return smoke_config_expect_fail(&o->smoke, arg, errp);
}

static bool cli_expect_serial(CliOptions *o, const char *arg, Error **errp)
{
    return smoke_config_serial(&o->smoke, arg, errp);
}

static bool cli_junit(CliOptions *o, const char *arg, Error **errp)
{
    return smoke_config_junit(&o->smoke, arg, errp);
}

static bool cli_target(CliOptions *o, const char *arg, Error **errp)
{
    if (strcmp(arg, "help") && strcmp(arg, "?")) {
        error_setg(errp, "-target: '%s' is not accepted (accepted: help; "
                   "a machine chooses its frontends)", arg);
        return false;
    }
    target_arch_print_list(stdout);
    o->exit_now = true;
    return true;
}

static bool cli_accel(CliOptions *o, const char *arg, Error **errp)
{
    const char *rest;

    if (!strcmp(arg, "help") || !strcmp(arg, "?")) {
        printf("Accelerators:\n  tcg   dynamic translation "
               "(backend=jit|interp, thread=multi|single, quantum=N)\n");
        o->exit_now = true;
        return true;
    }
    if (strncmp(arg, "tcg", 3) || (arg[3] && arg[3] != ',')) {
        error_setg(errp, "-accel: unknown accelerator in '%s' (accepted: "
                   "tcg; -accel help)", arg);
        return false;
    }
    rest = arg[3] ? arg + 4 : "";
    return accel_config_parse(&o->accel, rest, errp);
}

static bool cli_icount(CliOptions *o, const char *arg, Error **errp)
{
    return accel_config_parse_icount(&o->accel, arg, errp);
}

static const CliOption cli_options[] = {
    { "help", "h", NULL, "print this help and exit", cli_help },
    { "version", NULL, NULL, "print the version and exit", cli_version },
    { "machine", "M", "NAME[,prop=val...]",
      "machine to build (-M help lists them, -M NAME,help its properties)",
      cli_machine },
    { "cpu", NULL, "MODEL", "CPU model (-cpu help lists them)", cli_cpu },
    { "smp", NULL, "[cpus=]N[,maxcpus=N]", "number of CPUs", cli_smp },
    { "m", NULL, "[size=]SIZE",
      "RAM size; suffixes K, M, G, T; a bare number is MiB", cli_mem },
    { "kernel", NULL, "FILE", "guest kernel image", cli_kernel },
    { "initrd", NULL, "FILE", "initial ram disk", cli_initrd },
    { "append", NULL, "CMDLINE", "kernel command line", cli_append },
    { "dtb", NULL, "FILE", "device tree blob for the guest", cli_dtb },
    { "semihosting", NULL, NULL,
      "serve Arm semihosting calls (HLT #0xF000) of the guest",
      cli_semihosting },
    { "semihosting-config", NULL, "[enable=]on|off[,target=native]",
      "configure semihosting (only the native target exists)",
      cli_semihosting_config },
    { "device", NULL, "TYPE[,id=ID][,prop=val...]",
      "add a device (-device help lists them, TYPE,help its properties)",
      cli_device },
    { "object", NULL, "TYPE,id=ID[,prop=val...]",
      "add an object (-object help lists them, TYPE,help its properties)",
      cli_object },
    { "drive", NULL, "file=FILE[,if=virtio|none][,format=raw][,id=ID]"
      "[,readonly=on]",
      "add a raw disk image; if=virtio also adds a virtio-blk-device",
      cli_drive },
    { "blockdev", NULL, "driver=file,filename=FILE,node-name=ID[,read-only=on]",
      "add a raw disk image for -device virtio-blk-device,drive=ID",
      cli_blockdev },
    { "netdev", NULL, "user,id=ID[,net=A/M][,host=A][,hostfwd=RULE]...",
      "add a network backend for -device virtio-net-device,netdev=ID",
      cli_netdev },
    { "nic", NULL, "user[,model=virtio-net-device][,mac=MAC][,hostfwd=RULE]...",
      "add a network backend and a virtio-net-device on it", cli_nic },
    { "chardev", NULL, "BACKEND,id=ID[,prop=val...]",
      "add a character device (-chardev help lists backends)", cli_chardev },
    { "serial", NULL, "SPEC",
      "connect the next serial port (-serial help lists specs)",
      cli_serial },
    { "qmp", NULL, "unix:PATH|tcp:HOST:PORT[,server=on][,wait=off]",
      "QMP monitor on a socket (docs/user/qmp.md)", cli_qmp },
    { "mon", NULL, "chardev=ID[,mode=control|readline][,pretty=on]",
      "a monitor (QMP, or the human one) on the chardev ID", cli_mon },
    { "monitor", NULL, "SPEC",
      "the human monitor on a -serial style SPEC (e.g. stdio, unix:PATH,...)",
      cli_monitor },
    { "nographic", NULL, NULL,
      "no display: serial port 0 on stdio unless -serial says otherwise",
      cli_nographic },
    { "d", NULL, "ITEM[,ITEM...]", "debug log items (-d help lists them)",
      cli_log },
    { "D", NULL, "FILE", "write the debug log to FILE instead of stderr",
      cli_logfile },
    { "dfilter", NULL, "RANGE[,RANGE...]",
      "log only guest addresses in these ranges (ADDR+LEN, ADDR..END)",
      cli_dfilter },
    { "S", NULL, NULL, "do not start the machine (virtual clock stopped)",
      cli_stopped },
    { "preconfig", NULL, NULL,
      "do not build the machine: build it over QMP, then x-exit-preconfig "
      "(docs/user/preconfig.md)", cli_preconfig },
    { "gdb", NULL, "tcp:[HOST]:PORT|unix:PATH[,cluster=ID]",
      "GDB server for the first (or the ID) CPU cluster (docs/user/gdb.md)",
      cli_gdb },
    { "s", NULL, NULL, "shorthand for -gdb " GDBSTUB_DEFAULT_SPEC,
      cli_gdb_default },
    { "no-reboot", NULL, NULL, "exit instead of rebooting the guest",
      cli_no_reboot },
    { "no-shutdown", NULL, NULL,
      "stay (stopped) when the guest powers off", cli_no_shutdown },
    { "accel", NULL, "tcg[,backend=jit|interp][,thread=multi|single][,quantum=N]",
      "how to run the vCPUs (-accel help)", cli_accel },
    { "icount", NULL, "[shift=]N",
      "virtual time from instruction counts (2^N ns each); deterministic",
      cli_icount },
    { "target", NULL, "help",
      "list the CPU architectures (frontends) built in and loadable",
      cli_target },
    { "run-timeout", NULL, "SECONDS",
      "exit with status 2 if still running after SECONDS",
      cli_run_timeout },
    { "expect", NULL, "REGEX",
      "exit 0 when REGEX appears on the console (docs/user/ci.md)",
      cli_expect },
    { "expect-fail", NULL, "REGEX",
      "exit 1 when REGEX appears on the console (repeatable)",
      cli_expect_fail },
    { "expect-serial", NULL, "N",
      "the serial port that is the console for -expect (default 0)",
      cli_expect_serial },
    { "junit", NULL, "FILE", "write a JUnit XML report of the run to FILE",
      cli_junit },
    { "help-man", NULL, NULL, "the options as man page source",
      cli_help_man, true },
    { NULL },
};

void cli_print_help(FILE *out)
{
    fprintf(out, "usage: hemu [options]\n\n"
            "hemu " HEMU_VERSION ": a heterogeneous system emulator.\n"
            "Options may be written -name or --name; 'help' as an option "
            "argument lists what it accepts.\n\nOptions:\n");
    for (const CliOption *opt = cli_options; opt->name; opt++) {
        if (opt->hidden) {
            continue;
        }
        g_autofree char *left = g_strdup_printf(
            "-%s%s%s%s%s", opt->name, opt->alias ? ", -" : "",
            opt->alias ? opt->alias : "", opt->arg ? " " : "",
            opt->arg ? opt->arg : "");

        if (strlen(left) > 28) {
            fprintf(out, "  %s\n  %-28s %s\n", left, "", opt->help);
        } else {
            fprintf(out, "  %-28s %s\n", left, opt->help);
        }
    }
    fprintf(out, "\nSee docs/user/cli.md for details and examples.\n");
}

/* @text for troff: backslashes, minus signs, a leading control char. */
static void cli_man_text(FILE *out, const char *text)
{
    if (*text == '.' || *text == '\'') {
        fputs("\\&", out);
    }
    for (const char *p = text; *p; p++) {
        if (*p == '\\') {
            fputs("\\e", out);
        } else if (*p == '-') {
            fputs("\\-", out);
        } else {
            fputc(*p, out);
        }
    }
}

void cli_print_help_man(FILE *out)
{
    for (const CliOption *opt = cli_options; opt->name; opt++) {
        if (opt->hidden) {
            continue;
        }
        fprintf(out, ".TP\n\\fB\\-");
        cli_man_text(out, opt->name);
        if (opt->alias) {
            fprintf(out, "\\fR, \\fB\\-");
            cli_man_text(out, opt->alias);
        }
        fprintf(out, "\\fR");
        if (opt->arg) {
            fprintf(out, " \\fI");
            cli_man_text(out, opt->arg);
            fprintf(out, "\\fR");
        }
        fprintf(out, "\n");
        cli_man_text(out, opt->help);
        fprintf(out, "\n");
    }
}

/* ---------------------------------------------------------------------- */
/* Parsing                                                                */

CliOptions *cli_options_new(void)
{
    CliOptions *o = g_new0(CliOptions, 1);

    o->machine_props = keyval_new();
    accel_config_init(&o->accel);
    smoke_config_init(&o->smoke);
    o->chardevs = g_ptr_array_new_with_free_func(g_free);
    o->objects = g_ptr_array_new_with_free_func(g_free);
    o->monitors = g_ptr_array_new_with_free_func(g_free);
    o->devices = g_ptr_array_new_with_free_func(g_free);
    o->serials = g_ptr_array_new_with_free_func(g_free);
    o->drives = g_ptr_array_new_with_free_func(
        (GDestroyNotify)blk_drive_opts_free);
    o->netdevs = g_ptr_array_new_with_free_func(
        (GDestroyNotify)netdev_opts_free);
    o->gdbs = g_ptr_array_new_with_free_func(g_free);
    return o;
}

void cli_options_free(CliOptions *o)
{
    if (!o) {
        return;
    }
    g_free(o->machine_type);
    g_free(o->machine_file);
    keyval_free(o->machine_props);
    g_ptr_array_unref(o->chardevs);
    g_ptr_array_unref(o->objects);
    g_ptr_array_unref(o->monitors);
    g_ptr_array_unref(o->devices);
    g_ptr_array_unref(o->serials);
    g_ptr_array_unref(o->drives);
    g_ptr_array_unref(o->netdevs);
    g_ptr_array_unref(o->gdbs);
    smoke_config_clear(&o->smoke);
    g_free(o);
}

static const CliOption *cli_find(const char *name)
{
    for (const CliOption *opt = cli_options; opt->name; opt++) {
        if (!strcmp(opt->name, name) ||
            (opt->alias && !strcmp(opt->alias, name))) {
            return opt;
        }
    }
    return NULL;
}

/* -preconfig needs a QMP monitor to build through, and no machine file. */
static bool cli_check_preconfig(const CliOptions *o, Error **errp)
{
    bool qmp = false;

    if (!o->preconfig || o->exit_now) {
        return true;
    }
    for (guint i = 0; i < o->monitors->len; i++) {
        qmp |= !strstr(o->monitors->pdata[i], "mode=readline");
    }
    if (!qmp) {
        error_setg(errp, "-preconfig: the machine is built over QMP, so a "
                   "QMP monitor is needed (-qmp unix:PATH,server=on,wait=off "
                   "or -chardev ... -mon chardev=ID,mode=control)");
        return false;
    }
    if (o->machine_file) {
        error_setg(errp, "-preconfig cannot be combined with -M file:%s (the "
                   "file builds the whole machine; use -M none and build "
                   "over QMP, or the file alone)", o->machine_file);
        return false;
    }
    return true;
}

bool cli_parse(CliOptions *o, int argc, char **argv, Error **errp)
{
    for (int i = 1; i < argc && !o->exit_now; i++) {
        const char *a = argv[i];
        const char *name = a + (a[0] == '-') + (a[0] == '-' && a[1] == '-');
        const CliOption *opt;
        const char *arg = NULL;

        if (a[0] != '-' || !*name) {
            error_setg(errp, "unexpected argument '%s' (options start with "
                       "'-'; hemu --help lists them)", a);
            return false;
        }
        opt = cli_find(name);
        if (!opt) {
            error_setg(errp, "unknown option '%s' (hemu --help lists the "
                       "options)", a);
            return false;
        }
        if (opt->arg) {
            if (i + 1 >= argc) {
                error_setg(errp, "option '%s' needs an argument: %s", a,
                           opt->arg);
                return false;
            }
            arg = argv[++i];
        }
        if (!opt->handler(o, arg, errp)) {
            return false;
        }
    }
    return cli_check_preconfig(o, errp);
}
