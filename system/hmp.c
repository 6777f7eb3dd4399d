/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The human monitor (HMP): one command line in, text out, as QEMU users
 * type it at "(hemu)".  It serves `-monitor SPEC`, `-mon ...,mode=readline`
 * and QMP's human-monitor-command, all through hmp_execute().
 *
 * Commands act through the same implementations as their QMP twins
 * (qmp_stop, qmp_cont, ...), so both monitors always agree; the `info`
 * commands print the trees the subsystems already know how to print.
 * The session names the run's tree root: there is no global machine.
 * User documentation: docs/user/cli.md ("Monitors").
 */
#include "system/hmp.h"
#include "hmp-cpu.h"

#include "qapi/qapi-commands.h"
#include "hw/boards.h"
#include "hw/qdev.h"
#include "system/memory.h"

typedef struct HmpCommand {
    const char *name;
    const char *alias;          /* a short form, or NULL */
    const char *args;           /* for help; "" when none */
    const char *help;
    bool (*fn)(QmpSession *s, const char *arg, GString *out, Error **errp);
    bool rest_of_line;          /* arg is the whole rest of the line */
} HmpCommand;

static MachineState *hmp_machine(QmpSession *s, Error **errp)
{
    MachineState *ms = (MachineState *)object_dynamic_cast(
        object_resolve_path(s->root, "/machine"), TYPE_MACHINE);

    if (!ms) {
        error_setg(errp, "there is no machine in this run");
    }
    return ms;
}

/* ---- info subcommands ------------------------------------------------ */

static bool info_status(QmpSession *s, GString *out, Error **errp)
{
    StatusInfo *info = NULL;

    if (!qmp_query_status(&info, s, errp)) {
        return false;
    }
    g_string_append_printf(out, "VM status: %s\n",
                           info->running ? "running" : "paused");
    qapi_status_info_free(info);
    return true;
}

static bool info_version(QmpSession *s, GString *out, Error **errp)
{
    g_string_append(out, HEMU_VERSION "\n");
    return true;
}

static bool info_mtree(QmpSession *s, GString *out, Error **errp)
{
    MachineState *ms = hmp_machine(s, errp);

    if (!ms) {
        return false;
    }
    g_string_append(out, "machine memory map:\n");
    memory_region_print_tree(out, &ms->sysmem);
    hmp_mtree_clusters(s, out);
    return true;
}

static bool info_irq(QmpSession *s, GString *out, Error **errp)
{
    MachineState *ms = hmp_machine(s, errp);

    if (!ms) {
        return false;
    }
    qdev_print_irqs(out, OBJECT(ms));
    return true;
}

static bool info_clocks(QmpSession *s, GString *out, Error **errp)
{
    MachineState *ms = hmp_machine(s, errp);

    if (!ms) {
        return false;
    }
    qdev_print_clocks(out, OBJECT(ms));
    return true;
}

static bool info_qtree(QmpSession *s, GString *out, Error **errp)
{
    MachineState *ms = hmp_machine(s, errp);
    gsize before;

    if (!ms) {
        return false;
    }
    before = out->len;

    qdev_print_tree(out, OBJECT(ms));
    if (out->len == before) {
        g_string_append(out, "(no devices)\n");
    }
    return true;
}

static int qom_tree_one(Object *obj, GString *out, int depth)
{
    g_string_append_printf(out, "%*s%s (%s)\n", depth * 2, "",
                           object_get_parent(obj) ? object_get_name(obj) : "/",
                           object_get_typename(obj));
    return 0;
}

typedef struct QomTreeWalk {
    GString *out;
    int depth;
} QomTreeWalk;

static int qom_tree_child(Object *child, void *opaque)
{
    QomTreeWalk *w = opaque;
    QomTreeWalk sub = { w->out, w->depth + 1 };

    qom_tree_one(child, w->out, sub.depth);
    return object_child_foreach(child, qom_tree_child, &sub);
}

static bool info_qom_tree(QmpSession *s, GString *out, Error **errp)
{
    QomTreeWalk w = { out, 0 };

    qom_tree_one(s->root, out, 0);
    object_child_foreach(s->root, qom_tree_child, &w);
    return true;
}

static const struct {
    const char *name;
    const char *help;
    bool (*fn)(QmpSession *s, GString *out, Error **errp);
} hmp_info_cmds[] = {
    { "status", "whether the machine runs or is paused", info_status },
    { "version", "the hemu version", info_version },
    { "mtree", "the machine's memory map", info_mtree },
    { "qtree", "the devices of the machine", info_qtree },
    { "qom-tree", "the whole composition tree of this run", info_qom_tree },
    { "cpus", "the vCPUs, their pc and state", hmp_info_cpus },
    { "registers", "the current vCPU's registers", hmp_info_registers },
    { "irq", "interrupt lines ever raised: level and count", info_irq },
    { "clocks", "every device clock: frequency, period, source",
      info_clocks },
};

static bool hmp_info(QmpSession *s, const char *arg, GString *out,
                     Error **errp)
{
    g_autoptr(GString) names = g_string_new(NULL);

    for (size_t i = 0; i < G_N_ELEMENTS(hmp_info_cmds); i++) {
        if (arg && !strcmp(arg, hmp_info_cmds[i].name)) {
            return hmp_info_cmds[i].fn(s, out, errp);
        }
        g_string_append_printf(names, "%s%s", i ? ", " : "",
                               hmp_info_cmds[i].name);
    }
    if (!arg) {
        for (size_t i = 0; i < G_N_ELEMENTS(hmp_info_cmds); i++) {
            g_string_append_printf(out, "info %-10s -- %s\n",
                                   hmp_info_cmds[i].name,
                                   hmp_info_cmds[i].help);
        }
        return true;
    }
    error_setg(errp, "info: unknown item '%s' (accepted: %s)", arg,
               names->str);
    return false;
}

/* ---- commands ---------------------------------------------------------- */

static bool hmp_stop(QmpSession *s, const char *arg, GString *out,
                     Error **errp)
{
    return qmp_stop(s, errp);
}

static bool hmp_cont(QmpSession *s, const char *arg, GString *out,
                     Error **errp)
{
    return qmp_cont(s, errp);
}

static bool hmp_system_reset(QmpSession *s, const char *arg, GString *out,
                             Error **errp)
{
    return qmp_system_reset(s, errp);
}

static bool hmp_system_powerdown(QmpSession *s, const char *arg,
                                 GString *out, Error **errp)
{
    return qmp_system_powerdown(s, errp);
}

static bool hmp_quit(QmpSession *s, const char *arg, GString *out,
                     Error **errp)
{
    return qmp_quit(s, errp);
}

static bool hmp_help(QmpSession *s, const char *arg, GString *out,
                     Error **errp);

static const HmpCommand hmp_cmds[] = {
    { "help", "?", "[command]", "list the commands", hmp_help },
    { "info", NULL, "[item]", "show something (info alone lists items)",
      hmp_info },
    { "cpu", NULL, "N", "make vCPU N (see info cpus) the current one",
      hmp_cpu },
    { "xp", NULL, "/[count][x|d|u][b|h|w|g] addr",
      "show guest physical memory as the current vCPU sees it", hmp_xp,
      true },
    { "x", NULL, "/[count][x|d|u][b|h|w|g] addr",
      "show guest virtual memory as the current vCPU maps it now", hmp_x,
      true },
    { "stop", NULL, "", "pause the machine", hmp_stop },
    { "cont", "c", "", "resume the machine", hmp_cont },
    { "system_reset", NULL, "", "reset the machine", hmp_system_reset },
    { "system_powerdown", NULL, "", "ask the guest to power off",
      hmp_system_powerdown },
    { "quit", "q", "", "end hemu", hmp_quit },
};

static bool hmp_help(QmpSession *s, const char *arg, GString *out,
                     Error **errp)
{
    for (size_t i = 0; i < G_N_ELEMENTS(hmp_cmds); i++) {
        const HmpCommand *c = &hmp_cmds[i];
        g_autofree char *left = g_strdup_printf(
            "%s%s%s%s%s", c->name, c->alias ? "|" : "",
            c->alias ? c->alias : "", *c->args ? " " : "", c->args);

        if (!arg || !strcmp(arg, c->name)) {
            g_string_append_printf(out, "%-24s -- %s\n", left, c->help);
        }
    }
    return true;
}

bool hmp_execute(QmpSession *s, const char *line, GString *out,
                 Error **errp)
{
    g_auto(GStrv) words = g_strsplit_set(line, " \t\r\n", -1);
    const char *cmd = NULL, *arg = NULL, *extra = NULL;

    for (char **w = words; *w; w++) {
        if (!**w) {
            continue;
        }
        if (!cmd) {
            cmd = *w;
        } else if (!arg) {
            arg = *w;
        } else if (!extra) {
            extra = *w;
        }
    }
    if (!cmd) {
        return true;            /* an empty line does nothing */
    }
    for (size_t i = 0; i < G_N_ELEMENTS(hmp_cmds); i++) {
        const HmpCommand *c = &hmp_cmds[i];

        if (strcmp(cmd, c->name) && (!c->alias || strcmp(cmd, c->alias))) {
            continue;
        }
        if (c->rest_of_line && arg) {
            /* the line from the first argument on, trimmed */
            g_autofree char *rest = g_strstrip(g_strdup(strstr(line, cmd) +
                                                        strlen(cmd)));

            return c->fn(s, rest, out, errp);
        }
        if ((arg && !*c->args) || extra) {
            error_setg(errp, "%s: too many arguments (usage: %s %s)",
                       c->name, c->name, c->args);
            return false;
        }
        return c->fn(s, arg, out, errp);
    }
    error_setg(errp, "unknown command: '%s' (help lists the commands)", cmd);
    return false;
}
