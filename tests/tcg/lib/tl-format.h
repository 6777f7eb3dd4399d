/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * tl-format.h: the printf-style formatter every bare-metal guest program
 * shares (tests/tcg/aarch64/lib, tests/tcg/hexagon/lib, demo/hetero),
 * over a character sink each program provides (semihosting buffer, a
 * UART).  Freestanding: no libc; integer arithmetic only (Hexagon gets
 * its 64-bit division helpers from tests/tcg/hexagon/lib/runtime.c).
 *
 * Conversions: %d %i %u %x %X %p %s %c %%, with an optional '0' flag, a
 * field width and 'l' / 'll' modifiers; anything else is printed
 * verbatim.  A NULL %s prints "(null)".
 */
#ifndef TL_FORMAT_H
#define TL_FORMAT_H

#include <stdarg.h>

/* Take one character of output. */
typedef void tl_format_putc(void *opaque, char c);

/* Format @fmt with @ap, handing each character to @out(@opaque, c). */
void tl_vformat(tl_format_putc *out, void *opaque, const char *fmt,
                va_list ap);

#endif /* TL_FORMAT_H */
