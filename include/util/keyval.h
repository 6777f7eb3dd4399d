/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Parsing of "key=value,key=value" option strings as users type them after
 * -object, -device, -chardev, -M, -m and friends.
 *
 * Syntax (one level, no nesting):
 *   list    := [element {',' element}] [',']
 *   element := key '=' value | value-of-implied-key | 'help' | '?'
 * - Keys are letters, digits, '-', '_' and '.'.
 * - A value runs to the next single ','; ",," stands for a literal ','
 *   (in values only).  Empty values ("key=") are allowed.
 * - The first element may omit "key=" when the caller names an implied
 *   key ("memory-backend-ram,id=m0" has type=memory-backend-ram).
 * - "help" or "?" as a whole element asks for help; the caller prints it.
 * - A key given twice is an error; so is a missing key.
 * Every error names the option (@what), the offending text and what is
 * accepted.  The result keeps the order of the input.
 */
#ifndef UTIL_KEYVAL_H
#define UTIL_KEYVAL_H

#include "hemu/osdep.h"
#include "util/error.h"

/* An ordered list of (key, value) string pairs; keys are unique. */
typedef struct Keyval Keyval;

/*
 * Parse @str.  @implied_key (or NULL) names the key of a first element
 * without '='.  @what names the option in error messages ("-object").
 * @help (may be NULL, then "help" is an ordinary value) is set when a help
 * element was present.  Returns NULL with *errp set on error.
 */
Keyval *keyval_parse(const char *str, const char *implied_key,
                     const char *what, bool *help, Error **errp);
/* An empty list, to fill with keyval_set(). */
Keyval *keyval_new(void);
void keyval_free(Keyval *kv);

/* Number of pairs, and the pair at @i (0 <= i < count), in input order. */
size_t keyval_count(const Keyval *kv);
const char *keyval_key(const Keyval *kv, size_t i);
const char *keyval_value(const Keyval *kv, size_t i);
/* The value of @key, or NULL when absent. */
const char *keyval_get(const Keyval *kv, const char *key);
/* Add or replace @key (appended at the end when new). */
void keyval_set(Keyval *kv, const char *key, const char *value);
/* Remove @key; returns whether it was present. */
bool keyval_remove(Keyval *kv, const char *key);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(Keyval, keyval_free)

#endif
