/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * printf.h: the small formatted-output routine both demo programs use
 * (demo/hetero/printf.c), over a per-program character sink (the ARM's
 * PL011, the DSP's PL011 or semihosting).  Freestanding: no libc.
 *
 * Conversions: %d %u %x %X %s %c %%, with an optional '0' flag, a field
 * width and 'l' / 'll' modifiers (%lu, %llx); anything else is printed
 * verbatim.
 */
#ifndef DEMO_HETERO_PRINTF_H
#define DEMO_HETERO_PRINTF_H

#include <stdarg.h>

/* Write one character to the program's console. */
typedef void (*demo_putc_fn)(char c);

/* Format @fmt with @ap and send the characters to @out. */
void demo_vformat(demo_putc_fn out, const char *fmt, va_list ap);

#endif /* DEMO_HETERO_PRINTF_H */
