/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Number, size and boolean parsing for user input.  See
 * include/util/cutils.h.
 */
#include "util/cutils.h"
#include "util/bitops.h"

static bool parse_u64_base(const char *str, uint64_t *val, const char **end)
{
    const char *s = str;
    int base = 10;
    uint64_t v = 0;
    bool any = false;

    if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
        base = 16;
        s += 2;
    } else if (s[0] == '0' && (s[1] == 'b' || s[1] == 'B')) {
        base = 2;
        s += 2;
    } else if (s[0] == '0' && s[1]) {
        base = 8;
        s += 1;
    }
    for (;; s++) {
        int d;

        if (*s >= '0' && *s <= '9') {
            d = *s - '0';
        } else if (*s >= 'a' && *s <= 'f') {
            d = *s - 'a' + 10;
        } else if (*s >= 'A' && *s <= 'F') {
            d = *s - 'A' + 10;
        } else {
            break;
        }
        if (d >= base) {
            break;
        }
        if (v > (UINT64_MAX - d) / base) {
            return false;
        }
        v = v * base + d;
        any = true;
    }
    if (!any && base != 8) {
        return false;
    }
    *val = v;
    *end = s;
    return true;
}

bool parse_uint64(const char *str, uint64_t *val, const char *what,
                  Error **errp)
{
    const char *end;

    if (!str || !*str || !parse_u64_base(str, val, &end) || *end) {
        error_setg(errp, "%s: '%s' is not an unsigned number (accepted: "
                   "decimal, 0x hex, 0 octal, 0b binary, up to 2^64-1)",
                   what, str ? str : "");
        return false;
    }
    return true;
}

bool parse_int64(const char *str, int64_t *val, const char *what,
                 Error **errp)
{
    bool neg = str && str[0] == '-';
    uint64_t u;
    const char *end;

    if (!str || !parse_u64_base(str + neg, &u, &end) || *end ||
        u > (uint64_t)INT64_MAX + neg) {
        error_setg(errp, "%s: '%s' is not a number (accepted: decimal, 0x "
                   "hex, 0 octal, 0b binary, from -2^63 to 2^63-1)",
                   what, str ? str : "");
        return false;
    }
    *val = neg ? (int64_t)(0 - u) : (int64_t)u;
    return true;
}

static int size_shift(char c)
{
    switch (g_ascii_tolower(c)) {
    case 'b':
        return 0;
    case 'k':
        return 10;
    case 'm':
        return 20;
    case 'g':
        return 30;
    case 't':
        return 40;
    case 'p':
        return 50;
    case 'e':
        return 60;
    default:
        return -1;
    }
}

bool parse_size(const char *str, uint64_t *val, uint64_t default_unit,
                const char *what, Error **errp)
{
    const char *s = str, *end;
    uint64_t whole = 0, frac_num = 0, frac_den = 1, mult;
    int shift;

    if (!s || !*s || *s == '-') {
        goto bad;
    }
    if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
        if (!parse_u64_base(s, &whole, &end)) {
            goto bad;
        }
    } else {
        for (end = s; *end >= '0' && *end <= '9'; end++) {
            if (whole > (UINT64_MAX - 9) / 10) {
                goto bad;
            }
            whole = whole * 10 + (*end - '0');
        }
        if (end == s) {
            goto bad;
        }
        if (*end == '.') {
            end++;
            while (*end >= '0' && *end <= '9') {
                if (frac_den < 1000000000ull) {
                    frac_num = frac_num * 10 + (*end - '0');
                    frac_den *= 10;
                }
                end++;
            }
        }
    }
    if (!*end) {
        mult = default_unit;
    } else {
        shift = size_shift(*end);
        if (shift < 0) {
            goto bad;
        }
        end++;
        if (shift && (*end == 'i' || *end == 'I')) {
            end++;
            if (*end != 'B' && *end != 'b') {
                goto bad;
            }
        }
        if (shift && (*end == 'B' || *end == 'b')) {
            end++;
        }
        if (*end) {
            goto bad;
        }
        mult = 1ull << shift;
    }
    if (whole && mult > UINT64_MAX / whole) {
        goto big;
    }
    {
        unsigned __int128 f = (unsigned __int128)frac_num * mult;

        if (f % frac_den) {
            error_setg(errp, "%s: '%s' is not a whole number of bytes",
                       what, str);
            return false;
        }
        f /= frac_den;
        if (whole * mult > UINT64_MAX - (uint64_t)f) {
            goto big;
        }
        *val = whole * mult + (uint64_t)f;
    }
    return true;
big:
    error_setg(errp, "%s: size '%s' is too large (at most 2^64-1 bytes)",
               what, str);
    return false;
bad:
    error_setg(errp, "%s: '%s' is not a size (accepted: a number with an "
               "optional suffix B, K, M, G, T, P or E, e.g. 512M, 4G, 1.5G)",
               what, str ? str : "");
    return false;
}

bool parse_bool(const char *str, bool *val, const char *what, Error **errp)
{
    static const char *const yes[] = { "on", "yes", "true", "1" };
    static const char *const no[] = { "off", "no", "false", "0" };

    for (size_t i = 0; str && i < ARRAY_SIZE(yes); i++) {
        if (!g_ascii_strcasecmp(str, yes[i])) {
            *val = true;
            return true;
        }
        if (!g_ascii_strcasecmp(str, no[i])) {
            *val = false;
            return true;
        }
    }
    error_setg(errp, "%s: '%s' is not a boolean (accepted: on, off, yes, no, "
               "true, false, 1, 0)", what, str ? str : "");
    return false;
}

char *size_to_str(uint64_t val)
{
    static const char *const units[] = { "B", "KiB", "MiB", "GiB", "TiB",
                                         "PiB", "EiB" };
    int i = 0;

    while (i < 6 && val >= (1ull << (10 * (i + 1)))) {
        i++;
    }
    if (!(val & ((1ull << (10 * i)) - 1))) {
        return g_strdup_printf("%" PRIu64 " %s", val >> (10 * i), units[i]);
    }
    return g_strdup_printf("%.3g %s", (double)val / (double)(1ull << (10 * i)),
                           units[i]);
}
