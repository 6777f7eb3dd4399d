/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * IRQ lines: the wires between devices and between devices and CPUs.
 *
 * An IRQLine is the input end of a wire: a handler, its opaque and a line
 * number.  An output is an `IRQLine *` slot inside the driving device that
 * the wiring fills (qdev_connect_gpio_out in hw/qdev.h); an unconnected
 * output is a NULL slot and setting it does nothing.  Levels are ints:
 * 0 is low, non-zero is high (a few consumers take a value, e.g. a
 * priority, but most only care about zero versus non-zero).
 *
 * Setting a level calls the handler directly, in the caller's thread, with
 * no allocation and no lock: consumers that can be driven from vCPU
 * threads protect their own state.  Lines do not remember levels (or-irq
 * does, for its inputs).
 *
 * Two helper devices are registered here (state private to hw/core):
 *   "or-irq"    property num-lines (1..256, default 2): unnamed inputs
 *               0..num-lines-1, one unnamed output 0, high while any
 *               input is high;
 *   "split-irq" property num-lines (1..256, default 2): one unnamed input
 *               0 copied to unnamed outputs 0..num-lines-1 (fan-out).
 *
 * Design: docs/devel/device-core.md ("GPIOs and IRQ lines").
 */
#ifndef HW_IRQ_H
#define HW_IRQ_H

#include "hemu/osdep.h"

typedef struct IRQLine IRQLine;

/*
 * Called when a line is set: @opaque and @n as given to irq_new, @level
 * the new level.  Called on every set, also when the level is unchanged.
 */
typedef void IRQHandler(void *opaque, int n, int level);

#define TYPE_OR_IRQ "or-irq"
#define TYPE_SPLIT_IRQ "split-irq"
/* Upper bound of num-lines for or-irq and split-irq. */
#define IRQ_MAX_LINES 256

/* A new line delivering to @handler(@opaque, @n, level).  Free with
   irq_free (devices' GPIO inputs are freed by their device). */
IRQLine *irq_new(IRQHandler *handler, void *opaque, int n);

/* Free a line from irq_new; NULL is a no-op. */
void irq_free(IRQLine *line);

/* Drive @line to @level; a NULL line (unconnected output) is a no-op. */
void irq_set_level(IRQLine *line, int level);

/* Drive @line high (level 1). */
static inline void irq_raise(IRQLine *line)
{
    irq_set_level(line, 1);
}

/* Drive @line low. */
static inline void irq_lower(IRQLine *line)
{
    irq_set_level(line, 0);
}

/* A high then low edge, for edge-triggered consumers. */
static inline void irq_pulse(IRQLine *line)
{
    irq_set_level(line, 1);
    irq_set_level(line, 0);
}

/* The handler's opaque and line number of @line (introspection, tests). */
void *irq_get_opaque(IRQLine *line);
int irq_get_n(IRQLine *line);
/* The level last driven on @line, and how often it was driven non-zero
   (`info irq`); any thread. */
int irq_get_level(IRQLine *line);
uint64_t irq_get_raises(IRQLine *line);

#endif
