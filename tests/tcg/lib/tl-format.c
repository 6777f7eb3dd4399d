/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * tl-format.c: tl_vformat() (tl-format.h), built once per guest target.
 */
#include "tl-format.h"

#include <stdbool.h>
#include <stdint.h>

typedef struct TlFormat {
    tl_format_putc *out;
    void *opaque;
} TlFormat;

static void fmt_putc(TlFormat *f, char c)
{
    f->out(f->opaque, c);
}

static void fmt_number(TlFormat *f, uint64_t v, unsigned base, bool neg,
                       bool upper, unsigned width, char pad)
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
            fmt_putc(f, '-');
        } else {
            tmp[n++] = '-';
        }
        width = width ? width - 1 : 0;
    }
    while (width > n) {
        fmt_putc(f, pad);
        width--;
    }
    while (n) {
        fmt_putc(f, tmp[--n]);
    }
}

/* The argument of a %d-like conversion with @lng 'l' modifiers. */
static uint64_t fmt_arg(va_list *ap, unsigned lng, bool is_signed)
{
    if (lng >= 2) {
        return is_signed ? (uint64_t)va_arg(*ap, long long)
                         : va_arg(*ap, unsigned long long);
    }
    if (lng == 1) {
        return is_signed ? (uint64_t)(int64_t)va_arg(*ap, long)
                         : va_arg(*ap, unsigned long);
    }
    return is_signed ? (uint64_t)(int64_t)va_arg(*ap, int)
                     : va_arg(*ap, unsigned int);
}

static void fmt_string(TlFormat *f, const char *s, unsigned width)
{
    unsigned n = 0;

    if (!s) {
        s = "(null)";
    }
    while (s[n]) {
        n++;
    }
    while (width > n) {
        fmt_putc(f, ' ');
        width--;
    }
    while (*s) {
        fmt_putc(f, *s++);
    }
}

/* One conversion at *@pf (just after the '%'); advances *@pf past it. */
static void fmt_conv(TlFormat *f, const char **pf, va_list *ap)
{
    const char *p = *pf;
    unsigned width = 0, lng = 0;
    char pad = ' ';
    uint64_t v;

    if (*p == '0') {
        pad = '0';
        p++;
    }
    while (*p >= '0' && *p <= '9') {
        width = width * 10 + (unsigned)(*p++ - '0');
    }
    while (*p == 'l') {
        lng++;
        p++;
    }
    switch (*p) {
    case 'd':
    case 'i':
        v = fmt_arg(ap, lng, true);
        fmt_number(f, (int64_t)v < 0 ? -v : v, 10, (int64_t)v < 0, false,
                   width, pad);
        break;
    case 'u':
        fmt_number(f, fmt_arg(ap, lng, false), 10, false, false, width, pad);
        break;
    case 'x':
    case 'X':
        fmt_number(f, fmt_arg(ap, lng, false), 16, false, *p == 'X', width,
                   pad);
        break;
    case 'p':
        fmt_putc(f, '0');
        fmt_putc(f, 'x');
        fmt_number(f, (uintptr_t)va_arg(*ap, void *), 16, false, false,
                   width, pad);
        break;
    case 's':
        fmt_string(f, va_arg(*ap, const char *), width);
        break;
    case 'c':
        fmt_putc(f, (char)va_arg(*ap, int));
        break;
    case '%':
        fmt_putc(f, '%');
        break;
    default:               /* unknown conversion: print it verbatim */
        fmt_putc(f, '%');
        if (*p) {
            fmt_putc(f, *p);
        }
        break;
    }
    *pf = *p ? p + 1 : p;
}

void tl_vformat(tl_format_putc *out, void *opaque, const char *fmt,
                va_list ap)
{
    TlFormat f = { out, opaque };
    va_list aq;

    va_copy(aq, ap);
    while (*fmt) {
        if (*fmt != '%') {
            fmt_putc(&f, *fmt++);
            continue;
        }
        fmt++;
        fmt_conv(&f, &fmt, &aq);
    }
    va_end(aq);
}
