/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The `-d` mask, `-D` destination and `-dfilter` ranges.
 * See include/util/log.h.
 */
#include "util/log.h"

uint32_t hemu_log_mask;

static GMutex log_mutex;
static FILE *log_file;      /* NULL means stderr */
static GArray *dfilter;     /* of LogRange; NULL means no filter */

typedef struct LogRange {
    uint64_t first, last;   /* inclusive */
} LogRange;

typedef struct LogItem {
    uint32_t mask;
    const char *name;
    const char *help;
} LogItem;

static const LogItem log_items[] = {
    { LOG_IN_ASM, "in_asm", "show guest code as it is translated" },
    { LOG_OP, "op", "show the IR of each translation block" },
    { LOG_OP_OPT, "op_opt", "show the IR after optimization" },
    { LOG_OUT_ASM, "out_asm", "show the host code generated" },
    { LOG_EXEC, "exec", "show each translation block as it runs" },
    { LOG_CPU, "cpu", "show CPU registers before each block" },
    { LOG_INT, "int", "show interrupts and exceptions" },
    { LOG_MMU, "mmu", "show MMU faults and page table walks" },
    { LOG_GUEST_ERROR, "guest_errors",
      "log guest accesses the hardware would reject or ignore" },
    { LOG_UNIMP, "unimp", "log use of features hemu does not implement" },
    { LOG_NOCHAIN, "nochain", "do not chain blocks (with exec: every block)" },
    { LOG_PAGE, "page", "show pages holding translated code" },
    { LOG_TRACE_DEV, "trace", "log device register accesses" },
    { LOG_STATS, "stats", "at exit, print each cluster's retired "
      "instructions and translation statistics" },
};

void log_print_items(FILE *out)
{
    fprintf(out, "Log items (comma separated, for -d):\n");
    for (size_t i = 0; i < ARRAY_SIZE(log_items); i++) {
        fprintf(out, "%-14s %s\n", log_items[i].name, log_items[i].help);
    }
    fprintf(out, "%-14s %s\n", "help", "show this list");
}

bool log_parse_items(const char *str, uint32_t *mask, bool *help,
                     Error **errp)
{
    g_auto(GStrv) parts = g_strsplit(str, ",", -1);
    uint32_t m = 0;

    *help = false;
    for (char **p = parts; *p; p++) {
        size_t i;

        if (!**p) {
            continue;
        }
        if (!strcmp(*p, "help")) {
            *help = true;
            continue;
        }
        for (i = 0; i < ARRAY_SIZE(log_items); i++) {
            if (!strcmp(*p, log_items[i].name)) {
                m |= log_items[i].mask;
                break;
            }
        }
        if (i == ARRAY_SIZE(log_items)) {
            g_autoptr(GString) names = g_string_new(NULL);

            for (i = 0; i < ARRAY_SIZE(log_items); i++) {
                g_string_append_printf(names, "%s%s", i ? ", " : "",
                                       log_items[i].name);
            }
            error_setg(errp, "-d: unknown log item '%s' (accepted: %s, help)",
                       *p, names->str);
            return false;
        }
    }
    *mask = m;
    return true;
}

void log_set_mask(uint32_t mask)
{
    __atomic_store_n(&hemu_log_mask, mask, __ATOMIC_RELAXED);
}

bool log_set_file(const char *path, Error **errp)
{
    FILE *f = NULL;

    if (path) {
        f = fopen(path, "w");
        if (!f) {
            error_setg_errno(errp, errno, "-D: cannot open log file '%s'",
                             path);
            return false;
        }
        setvbuf(f, NULL, _IOLBF, 0);
    }
    g_mutex_lock(&log_mutex);
    if (log_file) {
        fclose(log_file);
    }
    log_file = f;
    g_mutex_unlock(&log_mutex);
    return true;
}

void log_close(void)
{
    g_mutex_lock(&log_mutex);
    if (log_file) {
        fclose(log_file);
        log_file = NULL;
    } else {
        fflush(stderr);
    }
    g_mutex_unlock(&log_mutex);
}

FILE *log_lock(void)
{
    g_mutex_lock(&log_mutex);
    return log_file ? log_file : stderr;
}

void log_unlock(FILE *f)
{
    fflush(f);
    g_mutex_unlock(&log_mutex);
}

void log_printf(const char *fmt, ...)
{
    va_list ap;
    FILE *f = log_lock();

    va_start(ap, fmt);
    vfprintf(f, fmt, ap);
    va_end(ap);
    log_unlock(f);
}

/* Parse one "START..END", "START+LEN" or "ADDR" (numbers in C syntax). */
static bool parse_range(const char *s, LogRange *r, Error **errp)
{
    char *end;
    uint64_t a, b;

    errno = 0;
    a = g_ascii_strtoull(s, &end, 0);
    if (errno || end == s) {
        goto bad;
    }
    if (!*end) {
        r->first = r->last = a;
        return true;
    }
    if (end[0] == '.' && end[1] == '.') {
        const char *t = end + 2;

        b = g_ascii_strtoull(t, &end, 0);
        if (errno || end == t || *end || b < a) {
            goto bad;
        }
        r->first = a;
        r->last = b;
        return true;
    }
    if (end[0] == '+' || end[0] == '-') {
        char sign = end[0];
        const char *t = end + 1;

        b = g_ascii_strtoull(t, &end, 0);
        if (errno || end == t || *end || b == 0) {
            goto bad;
        }
        if (sign == '+') {
            r->first = a;
            r->last = a + b - 1;
        } else {
            r->first = a - b + 1;
            r->last = a;
        }
        return r->first <= r->last || (error_setg(errp, "-dfilter: range "
                                        "'%s' wraps around", s), false);
    }
bad:
    error_setg(errp, "-dfilter: bad range '%s' (accepted: ADDR, "
               "START..END, START+LEN, END-LEN; comma separated)", s);
    return false;
}

bool log_parse_dfilter(const char *str, Error **errp)
{
    g_auto(GStrv) parts = g_strsplit(str, ",", -1);
    GArray *ranges = g_array_new(FALSE, FALSE, sizeof(LogRange));

    for (char **p = parts; *p; p++) {
        LogRange r;

        if (!parse_range(*p, &r, errp)) {
            g_array_free(ranges, TRUE);
            return false;
        }
        g_array_append_val(ranges, r);
    }
    if (dfilter) {
        g_array_free(dfilter, TRUE);
    }
    dfilter = ranges;
    return true;
}

bool log_in_dfilter(uint64_t addr)
{
    if (!dfilter) {
        return true;
    }
    for (guint i = 0; i < dfilter->len; i++) {
        LogRange *r = &g_array_index(dfilter, LogRange, i);

        if (addr >= r->first && addr <= r->last) {
            return true;
        }
    }
    return false;
}
