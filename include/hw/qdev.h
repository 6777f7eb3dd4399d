/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Devices (qdev): the base type of every device model, its GPIO/IRQ pins,
 * the MMIO regions it exposes, and the device tree listing.
 *
 * A device is a QOM object of TYPE_DEVICE and goes through the object life
 * cycle of qom/object.h: created, configured (properties), wired (GPIOs,
 * clocks, links, MMIO mappings), realized, reset, running.  Realize is
 * ObjectClass.realize; a subclass that overrides it keeps the parent's
 * pointer (in its own class struct, or DeviceClass.parent_realize for one
 * level) and calls it first.  There is no bus singleton: a device exposes
 * its MMIO regions with qdev_init_mmio() and the machine maps them into
 * whichever address spaces see them.
 *
 * GPIOs are grouped in named lists; the NULL name is the unnamed default
 * list.  Inputs and outputs are separate namespaces (a device may have an
 * unnamed input list and an unnamed output list).  Inputs are
 * IRQLines owned by the device (qdev_init_gpio_in_named); outputs are
 * `IRQLine *` slots in the device struct (qdev_init_gpio_out_named) that
 * qdev_connect_gpio_out_named() fills with some other device's input.
 * GPIOs must exist once the device is configured (created in instance_init,
 * or in the setter of the property that sizes them), since wiring happens
 * before realize.  The unchecked functions are for C machine code, where a
 * bad name is a bug (asserted); names and indexes coming from users go
 * through the *_checked variants, which return an Error.
 *
 * Reset: TYPE_DEVICE implements the "resettable" interface (hw/
 * resettable.h) and forwards its phases to DeviceClass.reset_enter/hold/
 * exit, so a device sets those hooks and never touches ResettableClass.
 *
 * Clocks of a device (qdev_init_clock_in, ...) are declared in hw/clock.h.
 *
 * Design: docs/devel/device-core.md.
 */
#ifndef HW_QDEV_H
#define HW_QDEV_H

#include "qom/object.h"
#include "hw/irq.h"
#include "hw/resettable.h"

typedef struct MemoryRegion MemoryRegion;

#define TYPE_DEVICE "device"

/* What a device is, for `-device help` groups and `info qtree`. */
typedef enum DeviceCategory {
    DEVICE_CATEGORY_MISC,
    DEVICE_CATEGORY_CPU,
    DEVICE_CATEGORY_INTC,
    DEVICE_CATEGORY_TIMER,
    DEVICE_CATEGORY_CHAR,
    DEVICE_CATEGORY_STORAGE,
    DEVICE_CATEGORY_NETWORK,
    DEVICE_CATEGORY_INPUT,
    DEVICE_CATEGORY_DISPLAY,
    DEVICE_CATEGORY_MEMORY,
    DEVICE_CATEGORY_BRIDGE,
    DEVICE_CATEGORY_IPC,
    DEVICE_CATEGORY__MAX
} DeviceCategory;

/*
 * Human name of a category: "Misc", "CPU", "Interrupt controller",
 * "Timer", "Character", "Storage", "Network", "Input", "Display",
 * "Memory", "Bridge", "IPC"; "Unknown" outside the enum.
 */
const char *device_category_name(DeviceCategory c);

OBJECT_DECLARE_TYPE(DeviceState, DeviceClass, DEVICE)

struct DeviceClass {
    ObjectClass parent_class;
    const char *desc;           /* one line for help; NULL: TypeInfo's */
    DeviceCategory category;    /* DEVICE_CATEGORY_MISC by default */
    bool user_creatable;        /* -device / device_add may create it;
                                   false by default */
    /*
     * Free slot for a direct subclass of TYPE_DEVICE to keep the realize
     * it overrides; deeper hierarchies keep theirs in their own class.
     */
    bool (*parent_realize)(Object *obj, Error **errp);
    /*
     * Reset phases (hw/resettable.h for what belongs in each); any may be
     * NULL.  A subclass overriding one keeps and calls the parent's.
     */
    ResettablePhase *reset_enter;
    ResettablePhase *reset_hold;
    ResettablePhase *reset_exit;
};

struct DeviceState {
    Object parent_obj;
    /* private: use the qdev_* functions */
    GPtrArray *gpios;           /* QdevGPIOList *, in definition order */
    GPtrArray *mmio;            /* MemoryRegion *; index = mmio number */
    GPtrArray *clocks;          /* QdevClockEntry *, in definition order */
    ResettableState reset;      /* the reset tree's bookkeeping */
};

/*
 * Create a device of @type as child @name of @parent (the parent owns it;
 * no reference for the caller).  Errors: unknown or abstract type, a type
 * that is not a device, a bad or taken name.
 */
DeviceState *qdev_new_child(Object *parent, const char *name,
                            const char *type, Error **errp);

/* Realize @dev (object_realize); here for symmetry with QEMU code. */
bool qdev_realize(DeviceState *dev, Error **errp);

/* ---------------------------------------------------------------------- */
/* GPIOs                                                                  */

/*
 * Define @n input lines named @name (NULL: the unnamed list) delivering to
 * @handler(dev, index, level).  Calling it again for the same name resizes
 * the list to @n lines (lines past @n are freed): only while nothing is
 * wired, e.g. from the setter of a "num-lines" configuration property.
 */
void qdev_init_gpio_in_named(DeviceState *dev, IRQHandler *handler,
                             const char *name, int n);
static inline void qdev_init_gpio_in(DeviceState *dev, IRQHandler *handler,
                                     int n)
{
    qdev_init_gpio_in_named(dev, handler, NULL, n);
}

/*
 * Define @n output lines named @name backed by the slots @pins[0..n-1] in
 * the device struct (zeroed: unconnected).  Calling it again for the same
 * name replaces the slots and count (same rule as for inputs).
 */
void qdev_init_gpio_out_named(DeviceState *dev, IRQLine **pins,
                              const char *name, int n);
static inline void qdev_init_gpio_out(DeviceState *dev, IRQLine **pins,
                                      int n)
{
    qdev_init_gpio_out_named(dev, pins, NULL, n);
}

/* Input line @n of list @name; asserts it exists (C wiring code). */
IRQLine *qdev_get_gpio_in_named(DeviceState *dev, const char *name, int n);
static inline IRQLine *qdev_get_gpio_in(DeviceState *dev, int n)
{
    return qdev_get_gpio_in_named(dev, NULL, n);
}

/*
 * As qdev_get_gpio_in_named for user input: an unknown list or an index
 * out of range is an error naming the device, the GPIO name, the index
 * and the valid range (or the defined input names).
 */
IRQLine *qdev_get_gpio_in_checked(DeviceState *dev, const char *name, int n,
                                  Error **errp);

/*
 * Connect output @n of list @name to @target (an input line of another
 * device, or NULL to disconnect).  Asserts the output exists and is not
 * connected yet (C wiring code).
 */
void qdev_connect_gpio_out_named(DeviceState *dev, const char *name, int n,
                                 IRQLine *target);
static inline void qdev_connect_gpio_out(DeviceState *dev, int n,
                                         IRQLine *target)
{
    qdev_connect_gpio_out_named(dev, NULL, n, target);
}

/*
 * As qdev_connect_gpio_out_named for user input: unknown list, index out
 * of range, or an output already connected is an error naming the device,
 * the GPIO name, the index and the valid range.  One output drives one
 * input; fan out with a split-irq device, merge with or-irq.
 */
bool qdev_connect_gpio_out_checked(DeviceState *dev, const char *name,
                                   int n, IRQLine *target, Error **errp);

/* What output @n of list @name is connected to (NULL: nothing); asserts
   the output exists. */
IRQLine *qdev_get_gpio_out_connection(DeviceState *dev, const char *name,
                                      int n);

/* Number of input (output) lines in list @name; 0 if there is none. */
int qdev_gpio_in_count(DeviceState *dev, const char *name);
int qdev_gpio_out_count(DeviceState *dev, const char *name);

/* ---------------------------------------------------------------------- */
/* MMIO regions                                                           */

/*
 * Expose @mr as the device's next MMIO region (numbered from 0 in call
 * order), for a machine to map into an address space.  The device keeps
 * owning @mr.
 */
void qdev_init_mmio(DeviceState *dev, MemoryRegion *mr);
/* MMIO region @n, or NULL if the device has no region @n. */
MemoryRegion *qdev_get_mmio(DeviceState *dev, int n);
/* As qdev_get_mmio, with an error naming the device and the valid range. */
MemoryRegion *qdev_get_mmio_checked(DeviceState *dev, int n, Error **errp);

/*
 * A guest access of @size bytes at offset @addr of a block of 32-bit
 * registers: true when it is an aligned 32-bit access; otherwise it is
 * logged under -d guest_errors as "@what: N-byte read|write at offset
 * ..." (@what names the device, and its view when it has several) and
 * the result is false.  Devices decide what such an access does.
 */
bool qdev_reg32_access_ok(const char *what, hwaddr addr, unsigned size,
                          bool write);
int qdev_num_mmio(DeviceState *dev);

/* ---------------------------------------------------------------------- */
/* Introspection                                                          */

/*
 * Append to @out a listing of every device in @root's subtree (@root
 * included if it is a device), depth first in insertion order, one block
 * per device: its canonical path and type, then indented lines for its
 * GPIO lists (name, direction, count, connected outputs), MMIO regions,
 * clocks and properties with their values.  For `info qtree`.
 */
void qdev_print_tree(GString *out, Object *root);
/*
 * `info irq`: every device GPIO input in @root's subtree that was ever
 * driven, with its current level and how often it was raised.
 */
void qdev_print_irqs(GString *out, Object *root);
/* `info clocks`: every device clock in the subtree: Hz, period, source. */
void qdev_print_clocks(GString *out, Object *root);

#endif
