/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Error reporting for configuration, realize and QMP paths.
 *
 * A function that can fail takes `Error **errp` last and returns false (or
 * NULL) on failure after setting *errp with error_setg().  Callers pass
 * NULL to ignore the error, &local to inspect it, or &error_abort when a
 * failure would be a bug in hemu.  Nothing here prints and continues: the
 * caller decides whether to report (error_report_err) or propagate.
 * Hot paths (translation, execution) never use Error (STYLE.md "Errors").
 */
#ifndef UTIL_ERROR_H
#define UTIL_ERROR_H

#include "hemu/osdep.h"

typedef struct Error Error;

/* QMP error classes (the "class" member of a QMP error reply). */
typedef enum ErrorClass {
    ERROR_CLASS_GENERIC_ERROR,
    ERROR_CLASS_COMMAND_NOT_FOUND,
    ERROR_CLASS_DEVICE_NOT_ACTIVE,
    ERROR_CLASS_DEVICE_NOT_FOUND,
    ERROR_CLASS_KVM_MISSING_CAP,
    ERROR_CLASS__MAX
} ErrorClass;

/*
 * Pass &error_abort as errp when an error would be a bug in hemu: setting
 * it prints the message with its source location and aborts.
 */
extern Error *error_abort;

void error_setg_internal(Error **errp, ErrorClass cls, const char *file,
                         int line, const char *func, const char *fmt, ...)
    HEMU_PRINTF(6, 7);

/* Set *errp (if errp is non-NULL and *errp is still NULL) to a new error. */
#define error_setg(errp, ...)                                                \
    error_setg_internal((errp), ERROR_CLASS_GENERIC_ERROR, __FILE__,        \
                        __LINE__, __func__, __VA_ARGS__)
/* As error_setg, with a QMP error class. */
#define error_set(errp, cls, ...)                                            \
    error_setg_internal((errp), (cls), __FILE__, __LINE__, __func__,        \
                        __VA_ARGS__)
/* As error_setg, appending ": <strerror(os_errno)>". */
#define error_setg_errno(errp, os_errno, ...)                                \
    error_setg_errno_internal((errp), __FILE__, __LINE__, __func__,         \
                              (os_errno), __VA_ARGS__)
void error_setg_errno_internal(Error **errp, const char *file, int line,
                               const char *func, int os_errno,
                               const char *fmt, ...) HEMU_PRINTF(6, 7);

/*
 * Move @local_err into *dst: if dst is NULL the error is freed, if *dst is
 * already set the new error is freed (the first error wins).
 */
void error_propagate(Error **dst, Error *local_err);

/* Prefix the message of *errp (if set) with the formatted text. */
void error_prepend(Error **errp, const char *fmt, ...) HEMU_PRINTF(2, 3);

/* Add a hint line printed after the message by error_report_err. */
void error_append_hint(Error **errp, const char *fmt, ...) HEMU_PRINTF(2, 3);

const char *error_get_pretty(const Error *err);
const char *error_get_hint(const Error *err);
ErrorClass error_get_class(const Error *err);
/* The QMP name of an error class, e.g. "GenericError". */
const char *error_class_name(ErrorClass cls);
Error *error_copy(const Error *err);
void error_free(Error *err);
/* Free *errp if set and reset it to NULL. */
void error_free_or_abort(Error **errp);

/* Print "hemu: <message>" (and hints) on stderr, then free the error. */
void error_report_err(Error *err);
/* Print "hemu: <formatted message>" on stderr. */
void error_report(const char *fmt, ...) HEMU_PRINTF(1, 2);
/* Print "hemu: warning: <formatted message>" on stderr. */
void warn_report(const char *fmt, ...) HEMU_PRINTF(1, 2);
/* Print "hemu: info: <formatted message>" on stderr. */
void info_report(const char *fmt, ...) HEMU_PRINTF(1, 2);

/* Change the program name used as prefix ("hemu" by default). */
void error_set_progname(const char *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(Error, error_free)

#endif
