/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * main(): the only place hemu exits.  Everything else, including option
 * parsing, building the machine and running the main loop, is in
 * cli_main() (system/cli-run.c), which returns the exit status:
 * 0 success or SIGINT/SIGTERM, 1 bad options or failed start, 2 run
 * timeout.  User documentation: docs/user/cli.md.
 */
#include "hemu/osdep.h"

#include "system/cli.h"

int main(int argc, char **argv)
{
    int status = cli_main(argc, argv);

    fflush(stdout);
    exit(status);
}
