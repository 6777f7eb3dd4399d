/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The smoke-boot runner (include/system/smoke.h): -expect, -expect-fail,
 * -expect-serial and -junit, the console tail printed on failure, and the
 * JUnit XML report.
 *
 * Invariants: everything the tap touches (line, tail, verdict) is under
 * SmokeRunner.lock; the verdict changes once, from SMOKE_RUNNING, and
 * the one that sets it is the one that asks the main loop to quit, so
 * smoke_finish() can tell which event ended the run by comparing the
 * verdict with the status (a guest exit may have come first).
 *
 * JUnit format: the de-facto schema read by Jenkins, GitLab and GitHub
 * reporters (testsuites > testsuite > testcase, with failure or error
 * elements carrying type and message attributes).  User documentation:
 * docs/user/ci.md.
 */
#include "system/smoke.h"

#include "system/cli.h"
#include "system/main-loop.h"
#include "util/cutils.h"

/* Partial lines up to this many bytes are matched after every write. */
#define SMOKE_PARTIAL_MAX 256

typedef enum SmokeVerdict {
    SMOKE_RUNNING,
    SMOKE_PASSED,               /* -expect matched */
    SMOKE_FAILED,               /* an -expect-fail pattern matched */
    SMOKE_TIMED_OUT,            /* -run-timeout fired */
} SmokeVerdict;

struct SmokeRunner {
    GRegex *expect;             /* NULL: no -expect */
    GPtrArray *fail;            /* GRegex * of -expect-fail */
    unsigned serial;            /* watched port */
    char *junit;                /* report file; NULL: none */
    uint64_t timeout_s;         /* -run-timeout; 0: none */
    char *machine;              /* test case name parts */
    char *kernel;               /* NULL: no -kernel */
    gint64 start_us;            /* monotonic time of smoke_new */
    GDateTime *started;         /* wall clock of smoke_new (UTC) */
    Chardev *chr;               /* tapped chardev (a reference); NULL */

    GMutex lock;                /* protects the fields below */
    GString *line;              /* the line being written, no '\n' */
    char *tail[SMOKE_TAIL_LINES]; /* ring of complete lines */
    unsigned tail_next;         /* slot the next complete line takes */
    unsigned tail_count;        /* valid slots, <= SMOKE_TAIL_LINES */
    GRegex *pending;            /* failure pattern the unfinished line
                                   matched; decided when it ends */
    SmokeVerdict verdict;       /* set once */
    GRegex *matched;            /* the pattern behind the verdict */
    char *matched_line;         /* the (raw) line it matched */
};

/* ---------------------------------------------------------------------- */
/* Options                                                                */

void smoke_config_init(SmokeConfig *c)
{
    memset(c, 0, sizeof(*c));
    c->expect_fail = g_ptr_array_new_with_free_func(g_free);
}

void smoke_config_clear(SmokeConfig *c)
{
    g_free(c->expect);
    g_free(c->junit);
    if (c->expect_fail) {
        g_ptr_array_unref(c->expect_fail);
    }
    memset(c, 0, sizeof(*c));
}

bool smoke_config_active(const SmokeConfig *c)
{
    return c->expect || c->expect_fail->len || c->serial_set || c->junit;
}

/* Compile @pattern of @option, or fail with GLib's reason. */
static GRegex *smoke_compile(const char *option, const char *pattern,
                             Error **errp)
{
    GError *gerr = NULL;
    GRegex *re;

    if (!*pattern) {
        error_setg(errp, "%s: the pattern is empty (give a regular "
                   "expression, e.g. %s 'login:')", option, option);
        return NULL;
    }
    re = g_regex_new(pattern, G_REGEX_RAW | G_REGEX_OPTIMIZE, 0, &gerr);
    if (!re) {
        error_setg(errp, "%s: '%s' is not a valid regular expression: %s "
                   "(PCRE syntax, see docs/user/ci.md)", option, pattern,
                   gerr->message);
        g_error_free(gerr);
    }
    return re;
}

static bool smoke_check_pattern(const char *option, const char *pattern,
                                Error **errp)
{
    GRegex *re = smoke_compile(option, pattern, errp);

    if (!re) {
        return false;
    }
    g_regex_unref(re);
    return true;
}

bool smoke_config_expect(SmokeConfig *c, const char *arg, Error **errp)
{
    if (c->expect) {
        error_setg(errp, "-expect: given twice ('%s', then '%s'); one "
                   "pattern is accepted (alternatives: 'A|B')",
                   c->expect, arg);
        return false;
    }
    if (!smoke_check_pattern("-expect", arg, errp)) {
        return false;
    }
    c->expect = g_strdup(arg);
    return true;
}

bool smoke_config_expect_fail(SmokeConfig *c, const char *arg,
                              Error **errp)
{
    if (!smoke_check_pattern("-expect-fail", arg, errp)) {
        return false;
    }
    g_ptr_array_add(c->expect_fail, g_strdup(arg));
    return true;
}

bool smoke_config_serial(SmokeConfig *c, const char *arg, Error **errp)
{
    uint64_t n;

    if (!parse_uint64(arg, &n, "-expect-serial", errp)) {
        return false;
    }
    if (n >= MACHINE_MAX_SERIAL) {
        error_setg(errp, "-expect-serial: port %s does not exist "
                   "(accepted: 0 to %d, as serial0..serial%d)", arg,
                   MACHINE_MAX_SERIAL - 1, MACHINE_MAX_SERIAL - 1);
        return false;
    }
    c->serial = n;
    c->serial_set = true;
    return true;
}

bool smoke_config_junit(SmokeConfig *c, const char *arg, Error **errp)
{
    g_autofree char *dir = g_path_get_dirname(arg);

    if (!*arg || g_file_test(arg, G_FILE_TEST_IS_DIR)) {
        error_setg(errp, "-junit: '%s' is not a file name (give the report "
                   "file to write, e.g. -junit report.xml)", arg);
        return false;
    }
    if (!g_file_test(dir, G_FILE_TEST_IS_DIR)) {
        error_setg(errp, "-junit %s: the directory '%s' does not exist",
                   arg, dir);
        return false;
    }
    g_free(c->junit);
    c->junit = g_strdup(arg);
    return true;
}

/* ---------------------------------------------------------------------- */
/* The runner                                                             */

SmokeRunner *smoke_new(const SmokeConfig *c, uint64_t timeout_s,
                       const char *machine, const char *kernel)
{
    SmokeRunner *s = g_new0(SmokeRunner, 1);

    /* the patterns compiled when the options were parsed */
    s->expect = c->expect ? smoke_compile("-expect", c->expect, &error_abort)
                          : NULL;
    s->fail = g_ptr_array_new_with_free_func((GDestroyNotify)g_regex_unref);
    for (guint i = 0; i < c->expect_fail->len; i++) {
        g_ptr_array_add(s->fail, smoke_compile("-expect-fail",
                                               c->expect_fail->pdata[i],
                                               &error_abort));
    }
    s->serial = c->serial;
    s->junit = g_strdup(c->junit);
    s->timeout_s = timeout_s;
    s->machine = g_strdup(machine ? machine : "default");
    s->kernel = g_strdup(kernel);
    s->start_us = g_get_monotonic_time();
    s->started = g_date_time_new_now_utc();
    g_mutex_init(&s->lock);
    s->line = g_string_new(NULL);
    return s;
}

void smoke_set_machine(SmokeRunner *s, const char *machine)
{
    g_free(s->machine);
    s->machine = g_strdup(machine);
}

void smoke_free(SmokeRunner *s)
{
    if (!s) {
        return;
    }
    smoke_detach(s);
    if (s->expect) {
        g_regex_unref(s->expect);
    }
    g_ptr_array_unref(s->fail);
    g_free(s->junit);
    g_free(s->machine);
    g_free(s->kernel);
    g_date_time_unref(s->started);
    g_mutex_clear(&s->lock);
    g_string_free(s->line, TRUE);
    for (unsigned i = 0; i < SMOKE_TAIL_LINES; i++) {
        g_free(s->tail[i]);
    }
    g_free(s->matched_line);
    g_free(s);
}

static void smoke_tap(void *opaque, const uint8_t *buf, int len)
{
    smoke_feed(opaque, buf, len);
}

bool smoke_attach(SmokeRunner *s, MachineState *ms, Error **errp)
{
    Object *chr = ms->serial[s->serial];

    if (!chr) {
        if (s->expect || s->fail->len) {
            error_setg(errp, "-expect-serial %u: serial port %u of the "
                       "machine has no chardev (connect it with -serial, "
                       "or link serial%u in the machine file)", s->serial,
                       s->serial, s->serial);
            return false;
        }
        return true;
    }
    smoke_detach(s);
    object_ref(chr);
    s->chr = CHARDEV(chr);
    chardev_set_tap(s->chr, smoke_tap, s);
    return true;
}

void smoke_detach(SmokeRunner *s)
{
    if (s->chr) {
        chardev_set_tap(s->chr, NULL, NULL);
        object_unref(OBJECT(s->chr));
        s->chr = NULL;
    }
}

/* ---------------------------------------------------------------------- */
/* Matching (any thread, s->lock held)                                    */

static void smoke_decide(SmokeRunner *s, SmokeVerdict v, GRegex *re,
                         const char *text, size_t len, int status)
{
    s->verdict = v;
    s->matched = re;
    s->matched_line = g_strndup(text, len);
    main_loop_request_quit(status);
}

static bool smoke_match(GRegex *re, const char *text, size_t len)
{
    return g_regex_match_full(re, text, len, 0, 0, NULL, NULL);
}

/*
 * Match the current line @text; @complete: its end came.  Failure
 * patterns first: a line matching both fails the run.  A failure found in
 * an unfinished line is held (pending) until the line ends, so the report
 * shows the whole line; -expect decides at once (prompts have no end).
 */
static void smoke_check(SmokeRunner *s, const char *text, size_t len,
                        bool complete)
{
    GRegex *fail = s->pending;

    if (s->verdict != SMOKE_RUNNING) {
        return;
    }
    for (guint i = 0; !fail && i < s->fail->len; i++) {
        if (smoke_match(s->fail->pdata[i], text, len)) {
            fail = s->fail->pdata[i];
        }
    }
    if (fail && complete) {
        smoke_decide(s, SMOKE_FAILED, fail, text, len, CLI_EXIT_ERROR);
    } else if (fail) {
        s->pending = fail;
    } else if (s->expect && smoke_match(s->expect, text, len)) {
        smoke_decide(s, SMOKE_PASSED, s->expect, text, len, CLI_EXIT_OK);
    }
}

static void smoke_end_line(SmokeRunner *s)
{
    smoke_check(s, s->line->str, s->line->len, true);
    s->pending = NULL;
    g_free(s->tail[s->tail_next]);
    s->tail[s->tail_next] = g_strndup(s->line->str, s->line->len);
    s->tail_next = (s->tail_next + 1) % SMOKE_TAIL_LINES;
    s->tail_count = HEMU_MIN(s->tail_count + 1, SMOKE_TAIL_LINES);
    g_string_truncate(s->line, 0);
}

void smoke_feed(SmokeRunner *s, const uint8_t *buf, size_t len)
{
    g_mutex_lock(&s->lock);
    for (size_t i = 0; i < len; i++) {
        if (buf[i] == '\n') {
            smoke_end_line(s);
        } else if (buf[i] != '\r' && buf[i] != '\0') {
            g_string_append_c(s->line, (char)buf[i]);
            if (s->line->len >= SMOKE_LINE_MAX) {
                smoke_end_line(s);
            }
        }
    }
    if (s->line->len && s->line->len <= SMOKE_PARTIAL_MAX) {
        smoke_check(s, s->line->str, s->line->len, false);
    }
    g_mutex_unlock(&s->lock);
}

void smoke_note_timeout(SmokeRunner *s)
{
    g_mutex_lock(&s->lock);
    if (s->verdict == SMOKE_RUNNING) {
        s->verdict = SMOKE_TIMED_OUT;
    }
    g_mutex_unlock(&s->lock);
}

/* ---------------------------------------------------------------------- */
/* Reporting (main thread)                                                */

/*
 * @raw as printable UTF-8 that XML 1.0 accepts: invalid sequences become
 * U+FFFD, control characters but tab (terminal escapes) '?'.
 */
static char *smoke_clean(const char *raw)
{
    g_autofree char *valid = g_utf8_make_valid(raw, -1);
    GString *out = g_string_sized_new(strlen(valid));

    for (const char *p = valid; *p; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);

        if ((c < 0x20 && c != '\t') || c == 0x7f || c == 0xfffe ||
            c == 0xffff) {
            c = '?';
        }
        g_string_append_unichar(out, c);
    }
    return g_string_free(out, FALSE);
}

/* The last lines (and the unfinished one), cleaned, oldest first. */
static GPtrArray *smoke_tail(SmokeRunner *s)
{
    GPtrArray *lines = g_ptr_array_new_with_free_func(g_free);
    unsigned first;

    g_mutex_lock(&s->lock);
    first = (s->tail_next + SMOKE_TAIL_LINES - s->tail_count) %
            SMOKE_TAIL_LINES;
    for (unsigned i = 0; i < s->tail_count; i++) {
        g_ptr_array_add(lines,
                        smoke_clean(s->tail[(first + i) % SMOKE_TAIL_LINES]));
    }
    if (s->line->len) {
        g_ptr_array_add(lines, smoke_clean(s->line->str));
    }
    /* keep SMOKE_TAIL_LINES in all */
    if (lines->len > SMOKE_TAIL_LINES) {
        g_ptr_array_remove_index(lines, 0);
    }
    g_mutex_unlock(&s->lock);
    return lines;
}

static void smoke_print_tail(SmokeRunner *s, GPtrArray *tail)
{
    if (!tail->len) {
        error_report("no console output on serial%u", s->serial);
        return;
    }
    error_report("last %u line%s of console output (serial%u):", tail->len,
                 tail->len == 1 ? "" : "s", s->serial);
    for (guint i = 0; i < tail->len; i++) {
        fprintf(stderr, "  | %s\n", (char *)tail->pdata[i]);
    }
}

/* The outcome of a run: NULL kind means it passed. */
typedef struct SmokeOutcome {
    int status;                 /* hemu's exit status */
    const char *kind;           /* "failure", "error" or NULL */
    const char *type;           /* JUnit type attribute */
    char *message;              /* one line; NULL when passed */
    bool already_said;          /* the message was printed elsewhere */
} SmokeOutcome;

static void smoke_judge(SmokeRunner *s, int status, const char *start_error,
                        SmokeOutcome *out)
{
    const char *pattern = s->matched ? g_regex_get_pattern(s->matched) : "";
    g_autofree char *line = s->matched_line ? smoke_clean(s->matched_line)
                                            : NULL;

    *out = (SmokeOutcome){ .status = status };
    if (start_error) {
        *out = (SmokeOutcome){ CLI_EXIT_ERROR, "error", "start",
                               g_strdup(start_error), true };
    } else if (s->verdict == SMOKE_PASSED && status == CLI_EXIT_OK) {
        return;
    } else if (s->verdict == SMOKE_FAILED && status == CLI_EXIT_ERROR) {
        *out = (SmokeOutcome){ status, "failure", "expect-fail",
            g_strdup_printf("serial%u: failure pattern /%s/ matched: %s",
                            s->serial, pattern, line), false };
    } else if (s->verdict == SMOKE_TIMED_OUT && status == CLI_EXIT_TIMEOUT) {
        *out = (SmokeOutcome){ status, "error", "timeout",
            s->expect ? g_strdup_printf("run timeout of %" PRIu64 " s "
                                        "reached before /%s/ appeared on "
                                        "serial%u", s->timeout_s,
                                        g_regex_get_pattern(s->expect),
                                        s->serial)
                      : g_strdup_printf("run timeout of %" PRIu64
                                        " s reached", s->timeout_s),
            !s->expect };
    } else if (status != CLI_EXIT_OK) {
        *out = (SmokeOutcome){ status, "failure", "exit-status",
            g_strdup_printf("the run ended with exit status %d", status),
            false };
    } else if (s->expect) {
        *out = (SmokeOutcome){ CLI_EXIT_ERROR, "failure", "expect-missing",
            g_strdup_printf("the run ended before /%s/ appeared on "
                            "serial%u", g_regex_get_pattern(s->expect),
                            s->serial), false };
    }
}

/* name="val", @val made valid XML (it may hold user or file text). */
static void smoke_xml_attr(GString *x, const char *name, const char *val)
{
    g_autofree char *clean = smoke_clean(val);
    g_autofree char *esc = g_markup_escape_text(clean, -1);

    g_string_append_printf(x, " %s=\"%s\"", name, esc);
}

static void smoke_xml_text(GString *x, GPtrArray *tail)
{
    for (guint i = 0; i < tail->len; i++) {
        g_autofree char *esc = g_markup_escape_text(tail->pdata[i], -1);

        g_string_append_printf(x, "%s\n", esc);
    }
}

/* The JUnit XML document for @o; g_free it. */
static char *smoke_junit_xml(SmokeRunner *s, const SmokeOutcome *o,
                             GPtrArray *tail, double secs)
{
    GString *x = g_string_new("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    g_autofree char *kernel = s->kernel ? g_path_get_basename(s->kernel)
                                        : g_strdup("(no kernel)");
    g_autofree char *name = g_strdup_printf("%s %s", s->machine, kernel);
    g_autofree char *cls = g_strdup_printf("hemu.%s", s->machine);
    g_autofree char *stamp = g_date_time_format(s->started,
                                                "%Y-%m-%dT%H:%M:%S");
    const char *failures = o->kind && !strcmp(o->kind, "failure") ? "1"
                                                                  : "0";
    const char *errors = o->kind && !strcmp(o->kind, "error") ? "1" : "0";
    char time[G_ASCII_DTOSTR_BUF_SIZE];

    g_ascii_formatd(time, sizeof(time), "%.3f", secs);
    g_string_append(x, "<testsuites");
    smoke_xml_attr(x, "tests", "1");
    smoke_xml_attr(x, "failures", failures);
    smoke_xml_attr(x, "errors", errors);
    smoke_xml_attr(x, "time", time);
    g_string_append(x, ">\n  <testsuite");
    smoke_xml_attr(x, "name", "hemu");
    smoke_xml_attr(x, "tests", "1");
    smoke_xml_attr(x, "failures", failures);
    smoke_xml_attr(x, "errors", errors);
    smoke_xml_attr(x, "skipped", "0");
    smoke_xml_attr(x, "time", time);
    smoke_xml_attr(x, "timestamp", stamp);
    smoke_xml_attr(x, "hostname", g_get_host_name());
    g_string_append(x, ">\n    <testcase");
    smoke_xml_attr(x, "classname", cls);
    smoke_xml_attr(x, "name", name);
    smoke_xml_attr(x, "time", time);
    g_string_append(x, ">\n");
    if (o->kind) {
        g_string_append_printf(x, "      <%s", o->kind);
        smoke_xml_attr(x, "type", o->type);
        smoke_xml_attr(x, "message", o->message);
        g_string_append(x, ">");
        smoke_xml_text(x, tail);
        g_string_append_printf(x, "</%s>\n", o->kind);
    }
    g_string_append(x, "      <system-out>");
    smoke_xml_text(x, tail);
    g_string_append(x, "</system-out>\n    </testcase>\n  </testsuite>\n"
                    "</testsuites>\n");
    return g_string_free(x, FALSE);
}

static bool smoke_write_junit(SmokeRunner *s, const SmokeOutcome *o,
                              GPtrArray *tail)
{
    double secs = (g_get_monotonic_time() - s->start_us) / 1e6;
    g_autofree char *xml = smoke_junit_xml(s, o, tail, secs);
    GError *gerr = NULL;

    if (!g_file_set_contents(s->junit, xml, -1, &gerr)) {
        error_report("-junit %s: cannot write the report: %s", s->junit,
                     gerr->message);
        g_error_free(gerr);
        return false;
    }
    return true;
}

/*
 * An unfinished line that matched a failure pattern fails a run that
 * ended otherwise (timeout, power-off with code 0).  Returns the status.
 */
static int smoke_settle(SmokeRunner *s, int status)
{
    if (s->pending && s->verdict != SMOKE_PASSED &&
        (status == CLI_EXIT_OK || status == CLI_EXIT_TIMEOUT)) {
        s->verdict = SMOKE_FAILED;
        s->matched = s->pending;
        s->matched_line = g_strndup(s->line->str, s->line->len);
        return CLI_EXIT_ERROR;
    }
    return status;
}

int smoke_finish(SmokeRunner *s, int status, const char *start_error)
{
    g_autoptr(GPtrArray) tail = NULL;
    SmokeOutcome o;

    smoke_detach(s);
    if (!start_error) {
        status = smoke_settle(s, status);
    }
    smoke_judge(s, status, start_error, &o);
    tail = smoke_tail(s);
    if (o.message && !o.already_said) {
        error_report("%s", o.message);
    }
    if (o.status != CLI_EXIT_OK && !start_error) {
        smoke_print_tail(s, tail);
    }
    if (s->junit && !smoke_write_junit(s, &o, tail) &&
        o.status == CLI_EXIT_OK) {
        o.status = CLI_EXIT_ERROR;
    }
    g_free(o.message);
    return o.status;
}
