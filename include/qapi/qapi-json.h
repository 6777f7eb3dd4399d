/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Runtime helpers for the code scripts/qapi/qapigen.py generates: reading
 * typed values out of jansson JSON with errors that name the member and
 * the expected type ("Parameter 'path' expects a string"), and writing
 * values back.  Handwritten QMP commands use them too.
 *
 * @what is the member's name as users wrote it: "path" for a command
 * argument, "qemu.major" inside a struct, "list[2]" in an array; NULL for
 * a command's whole argument object.  Every function sets *errp and
 * returns false (or NULL) on bad input; nothing here asserts on input.
 *
 * Design and the schema format: docs/devel/qapi.md.
 */
#ifndef QAPI_QAPI_JSON_H
#define QAPI_QAPI_JSON_H

#include <jansson.h>

#include "hemu/osdep.h"
#include "util/error.h"

/* "prefix.name", or "name" when @prefix is NULL; g_free it. */
char *qapi_member_what(const char *prefix, const char *name);
/* Set "Parameter '<what>' is missing". */
void qapi_missing(const char *what, Error **errp);

/* Check that @j is an object / an array. */
bool qapi_in_object(json_t *j, const char *what, Error **errp);
bool qapi_in_array(json_t *j, const char *what, Error **errp);
/*
 * Check that every member of the object @j is in the NULL-terminated
 * @known (NULL: none allowed): "Parameter 'x' is unexpected".  A NULL
 * @j counts as an empty object.
 */
bool qapi_check_members(json_t *j, const char *what,
                        const char *const *known, Error **errp);
/* A new object with the members of @j not in @known. */
json_t *qapi_extra_members(json_t *j, const char *const *known);

/* Typed reads: a string (copied, g_free), an integer, a boolean, a
   number (integers accepted), one of the NULL-terminated @names. */
bool qapi_in_str(json_t *j, const char *what, char **out, Error **errp);
bool qapi_in_int(json_t *j, const char *what, int64_t *out, Error **errp);
bool qapi_in_bool(json_t *j, const char *what, bool *out, Error **errp);
bool qapi_in_number(json_t *j, const char *what, double *out,
                    Error **errp);
bool qapi_in_enum(json_t *j, const char *what, const char *const *names,
                  int *out, Error **errp);
/* An array of strings as a GPtrArray of g_strdup'ed strings. */
bool qapi_in_str_list(json_t *j, const char *what, GPtrArray **out,
                      Error **errp);

/* A JSON string of @s ("" for NULL; invalid UTF-8 becomes U+FFFD). */
json_t *qapi_out_str(const char *s);
/* A JSON array of the strings in @list (NULL: empty). */
json_t *qapi_out_str_list(GPtrArray *list);
/* A new empty string list for results (frees its strings). */
GPtrArray *qapi_str_list_new(void);

/*
 * A property value given as a JSON scalar, in the text form the command
 * line uses: a string as it is, an integer in decimal, a boolean as "on"
 * or "off" (g_free it); NULL for other JSON values.
 */
char *qapi_scalar_text(json_t *v);

#endif
