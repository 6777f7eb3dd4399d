/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The command line: a table of options (one entry each: name, argument,
 * help text, handler) from which --help is generated, the parsed result,
 * and the run that builds a machine from it.
 *
 * Parsing (cli_parse) only reads and checks the options; options that ask
 * for help or the version print it and mark the result "exit now".
 * Building (cli_build) then creates, in this order: chardevs (-chardev),
 * user objects (-object, at /objects/<id>), serial chardevs (-serial,
 * -nographic), the machine (-M and the options that set its properties),
 * and devices (-device, at /machine/peripheral/<id>), all in one root
 * container per run (QMP monitors from -qmp and -mon at
 * /monitors/monitorN, after the chardevs they use).  cli_main() does both
 * and runs the main loop; it
 * returns the process's exit status, which only main() turns into exit().
 *
 * Exit statuses: 0 success (also on SIGINT/SIGTERM), 1 bad option or
 * failed start, 2 run timeout (-run-timeout); with the smoke-boot options
 * (-expect...) see include/system/smoke.h.
 * User documentation: docs/user/cli.md.
 */
#ifndef SYSTEM_CLI_H
#define SYSTEM_CLI_H

#include "hemu/osdep.h"
#include "exec/cpus.h"
#include "hw/boards.h"
#include "system/block.h"
#include "system/net.h"
#include "system/smoke.h"
#include "util/error.h"
#include "util/keyval.h"

#define CLI_EXIT_OK 0
#define CLI_EXIT_ERROR 1
#define CLI_EXIT_TIMEOUT 2

/* What the command line asked for. */
typedef struct CliOptions {
    bool exit_now;              /* help or version was printed: stop */
    char *machine_type;         /* -M NAME; NULL: the default machine */
    char *machine_file;         /* -M file:PATH or -M PATH.yaml; NULL:
                                   none (docs/user/machine-files.md) */
    Keyval *machine_props;      /* machine properties from -M, -m, -smp,
                                   -cpu, -kernel, -initrd, -append, -dtb,
                                   -semihosting(-config) */
    GPtrArray *chardevs;        /* -chardev arguments, in order (char *) */
    GPtrArray *objects;         /* -object arguments */
    GPtrArray *monitors;        /* -qmp/-mon, as monitor-qmp object
                                   arguments (created at /monitors/<id>) */
    GPtrArray *devices;         /* -device arguments */
    GPtrArray *serials;         /* -serial specs */
    GPtrArray *drives;          /* -drive and -blockdev, parsed
                                   (BlockDriveOpts *), in order
                                   (docs/user/virtio.md) */
    GPtrArray *netdevs;         /* -netdev and -nic, parsed (NetdevOpts *),
                                   in order (docs/user/virtio.md) */
    GPtrArray *gdbs;            /* -gdb specs (-s adds tcp::1234), in
                                   order (include/system/gdbstub.h) */
    bool nographic;             /* -nographic */
    bool start_stopped;         /* -S: virtual clock not started */
    bool preconfig;             /* -preconfig: build over QMP first
                                   (docs/user/preconfig.md) */
    bool no_reboot;             /* -no-reboot: a guest reset exits */
    bool no_shutdown;           /* -no-shutdown: stay after guest power-off */
    uint64_t run_timeout_s;     /* -run-timeout; 0: none */
    SmokeConfig smoke;          /* -expect, -expect-fail, -expect-serial,
                                   -junit (docs/user/ci.md) */
    AccelConfig accel;          /* -accel tcg,... and -icount */
} CliOptions;

/* A parsed command line with nothing set; free with cli_options_free. */
CliOptions *cli_options_new(void);
void cli_options_free(CliOptions *o);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(CliOptions, cli_options_free)

/*
 * Parse @argv (argv[0] is the program).  Help and version requests print
 * to stdout and set o->exit_now.  Errors name the option, the value and
 * what is accepted.
 */
bool cli_parse(CliOptions *o, int argc, char **argv, Error **errp);
/* Print the generated option list (--help) to @out. */
void cli_print_help(FILE *out);
/*
 * Print the same option list as the OPTIONS entries of a man page (troff
 * -man), for docs/man/gen-man.py (hidden option --help-man).
 */
void cli_print_help_man(FILE *out);

/*
 * Create everything @o describes in @root (a fresh TYPE_CONTAINER) and
 * return the built machine, its virtual clock still stopped; under
 * -preconfig the machine is configured but not built.
 */
MachineState *cli_build(const CliOptions *o, Object *root, Error **errp);
/*
 * What the command line adds to a built machine (-device, -drive and -nic
 * devices); cli_build does it, except under -preconfig, where the caller
 * does once x-exit-preconfig built the machine.
 */
bool cli_build_late(const CliOptions *o, MachineState *ms, Error **errp);

/*
 * Print the properties of type @typename as "-object TYPE,help" and
 * "-device TYPE,help" do: name, type, default and description.
 */
void cli_print_type_properties(FILE *out, const char *typename);

/* The whole program: parse, build, run.  Returns the exit status. */
int cli_main(int argc, char **argv);

#endif
