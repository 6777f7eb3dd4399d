/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Error objects: creation, propagation, context and reporting.
 * See include/util/error.h for the calling convention.
 */
#include "util/error.h"

struct Error {
    char *msg;          /* the message, never NULL */
    GString *hint;      /* extra lines for humans, or NULL */
    ErrorClass cls;
    const char *src;    /* source file that created the error */
    int line;
    const char *func;
};

/* A sentinel: only its address is used (errp == &error_abort). */
Error *error_abort;

static const char *progname = "hemu";

void error_set_progname(const char *name)
{
    progname = name;
}

static void error_handle(Error **errp, Error *err)
{
    if (errp == &error_abort) {
        fprintf(stderr, "%s: unexpected error at %s:%d (%s): %s\n", progname,
                err->src, err->line, err->func, err->msg);
        abort();
    }
    if (errp && !*errp) {
        *errp = err;
    } else {
        error_free(err);
    }
}

static Error *error_new(ErrorClass cls, const char *file, int line,
                        const char *func, char *msg)
{
    Error *err = g_new0(Error, 1);

    err->msg = msg;
    err->cls = cls;
    err->src = file;
    err->line = line;
    err->func = func;
    return err;
}

void error_setg_internal(Error **errp, ErrorClass cls, const char *file,
                         int line, const char *func, const char *fmt, ...)
{
    va_list ap;
    char *msg;

    if (!errp) {
        return;
    }
    va_start(ap, fmt);
    msg = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    error_handle(errp, error_new(cls, file, line, func, msg));
}

void error_setg_errno_internal(Error **errp, const char *file, int line,
                               const char *func, int os_errno,
                               const char *fmt, ...)
{
    va_list ap;
    char *base, *msg;

    if (!errp) {
        return;
    }
    va_start(ap, fmt);
    base = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    msg = g_strdup_printf("%s: %s", base, g_strerror(os_errno));
    g_free(base);
    error_handle(errp, error_new(ERROR_CLASS_GENERIC_ERROR, file, line, func,
                                 msg));
}

void error_propagate(Error **dst, Error *local_err)
{
    if (!local_err) {
        return;
    }
    error_handle(dst, local_err);
}

void error_prepend(Error **errp, const char *fmt, ...)
{
    va_list ap;
    char *prefix, *msg;

    if (!errp || !*errp) {
        return;
    }
    va_start(ap, fmt);
    prefix = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    msg = g_strconcat(prefix, (*errp)->msg, NULL);
    g_free(prefix);
    g_free((*errp)->msg);
    (*errp)->msg = msg;
}

void error_append_hint(Error **errp, const char *fmt, ...)
{
    va_list ap;

    if (!errp || !*errp) {
        return;
    }
    if (!(*errp)->hint) {
        (*errp)->hint = g_string_new(NULL);
    }
    va_start(ap, fmt);
    g_string_append_vprintf((*errp)->hint, fmt, ap);
    va_end(ap);
}

const char *error_get_pretty(const Error *err)
{
    return err->msg;
}

const char *error_get_hint(const Error *err)
{
    return err->hint ? err->hint->str : NULL;
}

ErrorClass error_get_class(const Error *err)
{
    return err->cls;
}

const char *error_class_name(ErrorClass cls)
{
    static const char *const names[ERROR_CLASS__MAX] = {
        [ERROR_CLASS_GENERIC_ERROR] = "GenericError",
        [ERROR_CLASS_COMMAND_NOT_FOUND] = "CommandNotFound",
        [ERROR_CLASS_DEVICE_NOT_ACTIVE] = "DeviceNotActive",
        [ERROR_CLASS_DEVICE_NOT_FOUND] = "DeviceNotFound",
        [ERROR_CLASS_KVM_MISSING_CAP] = "KVMMissingCap",
    };

    return (unsigned)cls < ERROR_CLASS__MAX ? names[cls] : "GenericError";
}

Error *error_copy(const Error *err)
{
    Error *copy = error_new(err->cls, err->src, err->line, err->func,
                            g_strdup(err->msg));

    if (err->hint) {
        copy->hint = g_string_new(err->hint->str);
    }
    return copy;
}

void error_free(Error *err)
{
    if (!err) {
        return;
    }
    g_free(err->msg);
    if (err->hint) {
        g_string_free(err->hint, TRUE);
    }
    g_free(err);
}

void error_free_or_abort(Error **errp)
{
    assert(errp && *errp);
    error_free(*errp);
    *errp = NULL;
}

void error_report_err(Error *err)
{
    fprintf(stderr, "%s: %s\n", progname, err->msg);
    if (err->hint) {
        fputs(err->hint->str, stderr);
        if (err->hint->len && err->hint->str[err->hint->len - 1] != '\n') {
            fputc('\n', stderr);
        }
    }
    error_free(err);
}

static void vreport(const char *kind, const char *fmt, va_list ap)
{
    char *msg = g_strdup_vprintf(fmt, ap);

    fprintf(stderr, "%s: %s%s\n", progname, kind, msg);
    g_free(msg);
}

void error_report(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vreport("", fmt, ap);
    va_end(ap);
}

void warn_report(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vreport("warning: ", fmt, ap);
    va_end(ap);
}

void info_report(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vreport("info: ", fmt, ap);
    va_end(ap);
}
