/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * arm.h: internal interfaces of the demo's AArch64 program
 * (demo/hetero/arm/): console and exit (uart.c), the GICv3 and the
 * virtual timer (gic.c), entry points start.S calls, and small register
 * helpers.  The program runs at EL1 with the MMU off; it only touches
 * the devices of the hetero-virt contract (../proto.h).
 */
#ifndef DEMO_HETERO_ARM_H
#define DEMO_HETERO_ARM_H

#include <stdbool.h>
#include <stdint.h>

#include "proto.h"

static inline uint32_t demo_read32(uint64_t addr)
{
    return *(volatile uint32_t *)addr;
}

static inline void demo_write32(uint64_t addr, uint32_t v)
{
    *(volatile uint32_t *)addr = v;
}

#define demo_read_sysreg(reg) ({                                 \
        uint64_t v_;                                             \
        __asm__ volatile("mrs %0, " #reg : "=r"(v_));            \
        v_; })
#define demo_write_sysreg(reg, val) do {                         \
        uint64_t v_ = (val);                                     \
        __asm__ volatile("msr " #reg ", %0" :: "r"(v_));         \
    } while (0)

#define demo_dmb() __asm__ volatile("dmb ish" ::: "memory")
#define demo_dsb() __asm__ volatile("dsb sy" ::: "memory")
#define demo_isb() __asm__ volatile("isb" ::: "memory")

/* ---- uart.c ------------------------------------------------------------- */

/* Enable the PL011 at DEMO_ARM_UART (UARTCR = 0x301). */
void demo_uart_init(void);
void demo_putc(char c);
void demo_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* End the run with @code (Arm semihosting SYS_EXIT_EXTENDED). */
void demo_exit(int code) __attribute__((noreturn));

/* start.S: one semihosting call (HLT #0xF000). */
uint64_t demo_semihost(uint64_t op, const void *param);

/* start.S -> C: an exception other than an IRQ (never returns). */
void demo_exception(uint64_t kind, uint64_t esr, uint64_t elr, uint64_t far)
    __attribute__((noreturn));

/* ---- gic.c -------------------------------------------------------------- */

#define DEMO_INTID_VTIMER 27     /* EL1 virtual timer PPI */
#define DEMO_INTID_SPURIOUS 1023

/*
 * Bring up the GICv3 (distributor, this CPU's redistributor, CPU
 * interface) and enable the PPI/SPIs in @intids (Group 1, level, to this
 * CPU).  False when the distributor is not a GICv3.
 */
bool demo_gic_init(const unsigned *intids, unsigned n);

/* Acknowledge the highest priority pending interrupt: its INTID. */
unsigned demo_gic_ack(void);

/* End the handling of @intid. */
void demo_gic_eoi(unsigned intid);

/* start.S -> C: an IRQ was taken. */
void demo_irq(void);

#endif /* DEMO_HETERO_ARM_H */
