/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * uart.c: console and exit of the demo's AArch64 program.  Output goes to
 * the PL011 at DEMO_ARM_UART (the machine's serial0): each byte to UARTDR
 * once UARTFR.TXFF is clear.  The run ends through Arm semihosting
 * SYS_EXIT_EXTENDED (op 0x20, X1 -> {reason ADP_Stopped_ApplicationExit
 * 0x20026, exit code}; "Semihosting for AArch32 and AArch64", Arm IHI
 * 0056), so the program needs -semihosting.
 */
#include "arm.h"

#include <stdarg.h>

#include "tl-format.h"

#define SEMI_EXIT_EXTENDED   0x20
#define ADP_STOPPED_APP_EXIT 0x20026

void demo_uart_init(void)
{
    demo_write32(DEMO_ARM_UART + PL011_CR, PL011_CR_ENABLE);
}

void demo_putc(char c)
{
    for (unsigned i = 0; i < 1000000; i++) {
        if (!(demo_read32(DEMO_ARM_UART + PL011_FR) & PL011_FR_TXFF)) {
            break;
        }
    }
    demo_write32(DEMO_ARM_UART + PL011_DR, (uint8_t)c);
}

static void demo_putc_sink(void *opaque __attribute__((unused)), char c)
{
    demo_putc(c);
}

void demo_printf(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    tl_vformat(demo_putc_sink, (void *)0, fmt, ap);
    va_end(ap);
}

void demo_exit(int code)
{
    uint64_t block[2] = { ADP_STOPPED_APP_EXIT, (uint64_t)(int64_t)code };

    for (;;) {
        demo_semihost(SEMI_EXIT_EXTENDED, block);
    }
}

void demo_exception(uint64_t kind, uint64_t esr, uint64_t elr, uint64_t far)
{
    demo_printf("unexpected exception %u: ESR 0x%llx ELR 0x%llx FAR 0x%llx\n",
                (unsigned)kind, (unsigned long long)esr,
                (unsigned long long)elr, (unsigned long long)far);
    if (far >= DEMO_ARM_MAILBOX && far < DEMO_ARM_DSP_TCM) {
        demo_printf("(a fault on the mailbox or DSP controller: is this "
                    "-M hetero-virt?)\n");
    }
    demo_printf("DEMO FAILED: ARM exception\n");
    demo_exit(1);
}
