/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Clock tree: clock signals between devices (frequencies, not time).
 *
 * A Clock is a QOM object (TYPE_CLOCK) holding a period in units of 2^-32
 * ns; 0 means the clock is stopped.  A clock may have a source: its period
 * is then the source's period * mul / div (mul and div default to 1).  In
 * frequency terms, mul divides the frequency (a hardware "/4" divider is
 * mul = 4, div = 1) and div multiplies it (a PLL "x8" is mul = 1, div = 8).
 *
 * Changes flow down the tree: set the period of a clock (clock_set_hz,
 * clock_set_ns), then call clock_propagate() on it; every descendant whose
 * period changes is updated and its callback runs, with CLOCK_PRE_UPDATE
 * before the change and CLOCK_UPDATE after, if it asked for those events.
 * Callbacks run in the caller's thread and may read any clock's period.
 *
 * Devices declare their clocks with qdev_init_clock_in/out; those clocks
 * are children of the device in the composition tree under the given name
 * (/machine/uart0/clk).  A source is referenced by the clocks it drives.
 *
 * Design: docs/devel/device-core.md ("Clocks").
 */
#ifndef HW_CLOCK_H
#define HW_CLOCK_H

#include "hw/qdev.h"

#define TYPE_CLOCK "clock"
OBJECT_DECLARE_SIMPLE_TYPE(Clock, CLOCK)

/* Period units per ns, and the period of a 1 Hz clock. */
#define CLOCK_PERIOD_1NS ((uint64_t)1 << 32)
#define CLOCK_PERIOD_1SEC (1000000000ull << 32)

/* Events a clock callback may ask for (a bit mask). */
typedef enum ClockEvent {
    CLOCK_PRE_UPDATE = 1u << 0, /* period about to change (old value) */
    CLOCK_UPDATE = 1u << 1,     /* period changed (new value) */
} ClockEvent;

typedef void ClockCallback(void *opaque, ClockEvent event);

/* A new unparented clock (one reference for the caller), stopped. */
Clock *clock_new(void);

/*
 * Set the callback of @clk: @cb(@opaque, ev) for each event in @events
 * (a mask of ClockEvent).  @cb NULL removes it.
 */
void clock_set_callback(Clock *clk, ClockCallback *cb, void *opaque,
                        unsigned events);

/*
 * Set the period (2^-32 ns units; 0 stops the clock) of a clock.  Does not
 * propagate (call clock_propagate).  Returns true if it changed.  A clock
 * with a source gets the source's period again at the next propagation.
 */
bool clock_set(Clock *clk, uint64_t period);
/* As clock_set with a frequency in Hz (0 stops); the period is
   CLOCK_PERIOD_1SEC / hz rounded down. */
bool clock_set_hz(Clock *clk, uint64_t hz);
/* As clock_set with a period in ns (saturating at 2^32 - 1 ns). */
bool clock_set_ns(Clock *clk, uint64_t ns);

/* clock_set then clock_propagate, for a clock without a source. */
void clock_update_hz(Clock *clk, uint64_t hz);

/* The period in 2^-32 ns units (0: stopped). */
uint64_t clock_get(const Clock *clk);
/* The frequency in Hz, rounded to nearest; 0 when stopped. */
uint64_t clock_get_hz(const Clock *clk);
/* The period in ns, rounded to nearest; 0 when stopped. */
uint64_t clock_get_ns(const Clock *clk);
/* True unless stopped. */
bool clock_is_enabled(const Clock *clk);

/*
 * The duration of @ticks periods of @clk in ns, rounded down, computed in
 * 128 bits; saturates at UINT64_MAX.  0 when the clock is stopped.
 */
uint64_t clock_ticks_to_ns(const Clock *clk, uint64_t ticks);
/*
 * The number of whole periods of @clk in @ns nanoseconds (rounded down,
 * 128-bit); saturates at UINT64_MAX.  0 when the clock is stopped.
 */
uint64_t clock_ns_to_ticks(const Clock *clk, uint64_t ns);

/*
 * Make @src the source of @clk (replacing any previous one; NULL detaches)
 * and recompute the periods of @clk and its descendants without running
 * callbacks (wiring happens before devices run).  Asserts against loops.
 */
void clock_set_source(Clock *clk, Clock *src);
Clock *clock_get_source(const Clock *clk);

/*
 * Set the ratio of @clk to its source: period = source period * @mul /
 * @div (both non-zero; saturating at UINT64_MAX).  If @clk has a source its
 * period is recomputed at once and the change propagated, with callbacks,
 * to @clk and its descendants.  Returns true if the ratio changed.
 */
bool clock_set_mul_div(Clock *clk, uint32_t mul, uint32_t div);

/*
 * Recompute the period of every descendant of @clk from its source and
 * run the callbacks of those whose period changed (not @clk's own).
 */
void clock_propagate(Clock *clk);

/* ---------------------------------------------------------------------- */
/* Device clocks                                                          */

/*
 * Create an input clock of @dev, child @name of the device, with callback
 * @cb(@opaque, ev) for @events.  Call from instance_init.
 */
Clock *qdev_init_clock_in(DeviceState *dev, const char *name,
                          ClockCallback *cb, void *opaque, unsigned events);
/* Create an output clock of @dev, child @name of the device. */
Clock *qdev_init_clock_out(DeviceState *dev, const char *name);

/*
 * Drive input clock @name of @dev from @source.  Errors, naming the device
 * and clock: no clock @name (listing the inputs), @name is an output,
 * the device is already realized.
 */
bool qdev_connect_clock_in(DeviceState *dev, const char *name, Clock *source,
                           Error **errp);
/* Output clock @name of @dev, or NULL if there is none. */
Clock *qdev_get_clock_out(DeviceState *dev, const char *name);
/* Input clock @name of @dev, or NULL if there is none. */
Clock *qdev_get_clock_in(DeviceState *dev, const char *name);

#endif
