/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The smoke-boot runner: hemu as a pass/fail step in CI.
 *
 * It watches the console output of one serial port (-expect-serial N,
 * default 0) through the chardev's output tap (chardev_set_tap), so it
 * works whatever the backend (stdio, file, null, socket).  Output is cut
 * into lines ('\r' is ignored, lines longer than SMOKE_LINE_MAX bytes are
 * split); each line is matched when it is complete and, while it is short,
 * after every write, so a prompt without a newline matches -expect at
 * once.  A failure pattern found in an unfinished line is decided when the
 * line ends (so the report has the whole line), or when the run ends.
 * Patterns are GLib regular expressions (PCRE syntax) on raw bytes.
 *
 * Verdicts and exit statuses (the first event wins):
 *   -expect REGEX matched         0
 *   -expect-fail REGEX matched    1 (checked before -expect on a line;
 *                                   also after a timeout or power-off
 *                                   when the unfinished line matched)
 *   guest exit code N != 0        N (semihosting SYS_EXIT and the like)
 *   the run ended, -expect unmet  1
 *   -run-timeout reached          2
 * On every status but 0 the last SMOKE_TAIL_LINES lines of the watched
 * port go to stderr; -junit FILE writes a JUnit XML report in any case.
 *
 * Threads: smoke_feed() runs in the writing (vCPU) thread; it takes the
 * runner's own lock and asks the main loop to quit, nothing else.  The
 * rest runs in the main thread.  A runner belongs to one run: nothing here
 * is global.  User documentation: docs/user/ci.md.
 */
#ifndef SYSTEM_SMOKE_H
#define SYSTEM_SMOKE_H

#include "hemu/osdep.h"
#include "hw/boards.h"
#include "system/chardev.h"
#include "util/error.h"

/* Console lines kept for the failure report. */
#define SMOKE_TAIL_LINES 20
/* Longest line kept whole, in bytes; longer ones are split. */
#define SMOKE_LINE_MAX 4096

/* What -expect, -expect-fail, -expect-serial and -junit asked for. */
typedef struct SmokeConfig {
    char *expect;               /* -expect REGEX; NULL: none */
    GPtrArray *expect_fail;     /* -expect-fail REGEXes (char *), any
                                   of them fails the run */
    unsigned serial;            /* -expect-serial N; < MACHINE_MAX_SERIAL */
    bool serial_set;            /* -expect-serial was given */
    char *junit;                /* -junit FILE; NULL: no report */
} SmokeConfig;

typedef struct SmokeRunner SmokeRunner;

/* An empty configuration; release it with smoke_config_clear. */
void smoke_config_init(SmokeConfig *c);
void smoke_config_clear(SmokeConfig *c);
/* True when any smoke option was given. */
bool smoke_config_active(const SmokeConfig *c);

/*
 * The option handlers: record @arg for -expect (once), -expect-fail
 * (repeatable), -expect-serial (0..3) and -junit.  A regular expression
 * that does not compile is an error naming the option, the pattern and
 * GLib's reason.
 */
bool smoke_config_expect(SmokeConfig *c, const char *arg, Error **errp);
bool smoke_config_expect_fail(SmokeConfig *c, const char *arg,
                              Error **errp);
bool smoke_config_serial(SmokeConfig *c, const char *arg, Error **errp);
bool smoke_config_junit(SmokeConfig *c, const char *arg, Error **errp);

/*
 * A runner for one run of @c (copied), with the run timeout
 * @timeout_s (0: none) for messages.  @machine and @kernel (may be NULL)
 * name the JUnit test case.
 */
SmokeRunner *smoke_new(const SmokeConfig *c, uint64_t timeout_s,
                       const char *machine, const char *kernel);
void smoke_free(SmokeRunner *s);
/* Rename the test case's machine (once the default machine is known). */
void smoke_set_machine(SmokeRunner *s, const char *machine);

/*
 * Start watching the chardev of @ms's watched serial port.  Fails when
 * -expect or -expect-fail was given and that port has no chardev; with
 * only -junit or -run-timeout, a missing chardev just means no console
 * output to report.
 */
bool smoke_attach(SmokeRunner *s, MachineState *ms, Error **errp);
/* Stop watching (before the chardev goes away); idempotent. */
void smoke_detach(SmokeRunner *s);

/* Console bytes of the watched port (the chardev tap; any thread). */
void smoke_feed(SmokeRunner *s, const uint8_t *buf, size_t len);
/* The run timeout fired (main thread); the caller quits with status 2. */
void smoke_note_timeout(SmokeRunner *s);

/*
 * The run ended with main-loop status @status, or could not start
 * (@start_error: the message, status is then 1).  Reports the verdict
 * (message and console tail on stderr unless it passed), writes the
 * JUnit report, and returns hemu's exit status.
 */
int smoke_finish(SmokeRunner *s, int status, const char *start_error);

#endif
