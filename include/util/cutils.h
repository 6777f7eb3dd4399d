/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Parsing of numbers and sizes as users type them on the command line,
 * in machine files and in QMP strings.  Each returns false with *errp set
 * (naming what was given and what is accepted) on bad input; none of them
 * accepts trailing garbage, a sign where none is allowed, or overflow.
 */
#ifndef UTIL_CUTILS_H
#define UTIL_CUTILS_H

#include "hemu/osdep.h"
#include "util/error.h"

/*
 * Parse an unsigned integer in C syntax (decimal, 0x hex, 0 octal, 0b
 * binary).  @what names the option or property in error messages.
 */
bool parse_uint64(const char *str, uint64_t *val, const char *what,
                  Error **errp);
/* As parse_uint64, with an optional leading '-'. */
bool parse_int64(const char *str, int64_t *val, const char *what,
                 Error **errp);
/*
 * Parse a size: a number with an optional suffix B, K, M, G, T, P, E
 * (powers of 1024, case insensitive, optional trailing "iB" or "B").
 * A bare number is taken in @default_unit bytes (1 for bytes, 1 << 20
 * for -m's megabytes).  Fractions such as "1.5G" are accepted when the
 * result is a whole number of bytes.
 */
bool parse_size(const char *str, uint64_t *val, uint64_t default_unit,
                const char *what, Error **errp);
/* Parse on/off, yes/no, true/false, 1/0. */
bool parse_bool(const char *str, bool *val, const char *what, Error **errp);
/* Format a size for humans ("512 MiB", "4 KiB", "1.5 GiB"); g_free it. */
char *size_to_str(uint64_t val);

#endif
