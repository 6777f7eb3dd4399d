/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * printf.c: demo_vformat() for the two bare-metal demo programs (see
 * printf.h).  Built once per target; it uses only integer arithmetic
 * (the Hexagon build gets its division helpers from
 * tests/tcg/hexagon/lib/runtime.c).
 */
#include "printf.h"

#include <stdbool.h>
#include <stdint.h>

static void fmt_number(demo_putc_fn out, uint64_t v, unsigned base,
                       bool neg, bool upper, unsigned width, char pad)
{
    const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    char tmp[24];
    unsigned n = 0;

    do {
        tmp[n++] = digits[v % base];
        v /= base;
    } while (v);
    if (neg) {
        if (pad == '0') {
            out('-');
        } else {
            tmp[n++] = '-';
        }
        width = width ? width - 1 : 0;
    }
    for (; width > n; width--) {
        out(pad);
    }
    while (n) {
        out(tmp[--n]);
    }
}

static uint64_t fmt_arg(va_list *ap, unsigned lng, bool is_signed)
{
    if (lng >= 2) {
        return is_signed ? (uint64_t)va_arg(*ap, long long)
                         : va_arg(*ap, unsigned long long);
    }
    if (lng == 1) {
        return is_signed ? (uint64_t)(int64_t)va_arg(*ap, long)
                         : (uint64_t)va_arg(*ap, unsigned long);
    }
    return is_signed ? (uint64_t)(int64_t)va_arg(*ap, int)
                     : (uint64_t)va_arg(*ap, unsigned int);
}

/* One conversion starting after the '%'; returns the rest of @f. */
static const char *fmt_conv(demo_putc_fn out, const char *f, va_list *ap)
{
    unsigned width = 0, lng = 0;
    char pad = ' ';
    uint64_t v;
    const char *s;

    if (*f == '0') {
        pad = '0';
        f++;
    }
    while (*f >= '0' && *f <= '9') {
        width = width * 10 + (unsigned)(*f++ - '0');
    }
    while (*f == 'l') {
        lng++;
        f++;
    }
    switch (*f) {
    case 'd':
        v = fmt_arg(ap, lng, true);
        fmt_number(out, (int64_t)v < 0 ? -v : v, 10, (int64_t)v < 0, false,
                   width, pad);
        break;
    case 'u':
        fmt_number(out, fmt_arg(ap, lng, false), 10, false, false, width,
                   pad);
        break;
    case 'x':
    case 'X':
        fmt_number(out, fmt_arg(ap, lng, false), 16, false, *f == 'X',
                   width, pad);
        break;
    case 's':
        s = va_arg(*ap, const char *);
        while (s && *s) {
            out(*s++);
        }
        break;
    case 'c':
        out((char)va_arg(*ap, int));
        break;
    case '\0':
        out('%');
        return f;
    default:
        out('%');
        out(*f);
        break;
    }
    return f + 1;
}

void demo_vformat(demo_putc_fn out, const char *fmt, va_list ap)
{
    va_list aq;

    va_copy(aq, ap);
    while (*fmt) {
        if (*fmt != '%') {
            out(*fmt++);
            continue;
        }
        fmt = fmt_conv(out, fmt + 1, &aq);
    }
    va_end(aq);
}
