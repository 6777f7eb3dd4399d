/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * console.c: output of the demo DSP firmware.  On hetero-virt through
 * the DSP's PL011 at DEMO_DSP_UART (hemu prefixes its lines "[dsp] "):
 * enable it with UARTCR = 0x301, then write each byte to UARTDR while
 * UARTFR.TXFF is clear.  In the standalone build (V66G_1024 has no
 * UART) through Hexagon semihosting WRITEC (trap0(#0), r0 = 3, r1 =
 * pointer to the character; /work/shared/reference/hexagon-system.md
 * 1.12).  Only thread 0 prints, and never from an event handler in the
 * standalone build (a trap0 there is a double exception).
 */
#include "fw.h"

#include "tl-format.h"

#define SEMI_WRITEC 0x03

void fw_console_init(void)
{
#ifndef DEMO_DSP_STANDALONE
    fw_write32(DEMO_DSP_UART + PL011_CR, PL011_CR_ENABLE);
#endif
}

void fw_putc(char c)
{
#ifdef DEMO_DSP_STANDALONE
    register uint32_t r0 __asm__("r0") = SEMI_WRITEC;
    register uint32_t r1 __asm__("r1") = (uint32_t)(uintptr_t)&c;

    __asm__ volatile("trap0(#0)" : "+r"(r0), "+r"(r1) : : "memory");
#else
    for (unsigned i = 0; i < 1000000; i++) {
        if (!(fw_read32(DEMO_DSP_UART + PL011_FR) & PL011_FR_TXFF)) {
            break;
        }
    }
    fw_write32(DEMO_DSP_UART + PL011_DR, (uint8_t)c);
#endif
}

static void fw_putc_sink(void *opaque __attribute__((unused)), char c)
{
    fw_putc(c);
}

void fw_printf(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    tl_vformat(fw_putc_sink, (void *)0, fmt, ap);
    va_end(ap);
}
