/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Private to hw/core: the bookkeeping qdev.c, clock.c and irq.c share.
 *
 * A device's GPIO lists and clock entries live in GPtrArrays of
 * DeviceState (include/hw/qdev.h); their element types are here so that
 * only hw/core sees inside them.
 */
#ifndef HW_CORE_INTERNAL_H
#define HW_CORE_INTERNAL_H

#include "hw/qdev.h"
#include "hw/clock.h"
#include "system/memory.h"

/* One named GPIO list of a device: its inputs, or its outputs. */
typedef struct QdevGPIOList {
    char *name;                 /* NULL: the unnamed list */
    bool is_output;
    int count;                  /* lines in the list, >= 0 */
    IRQHandler *handler;        /* inputs: the device's handler */
    IRQLine **in;               /* inputs: @count lines owned by the list */
    IRQLine **out;              /* outputs: @count slots in the device */
} QdevGPIOList;

/* One clock of a device; the Clock is a child of the device. */
typedef struct QdevClockEntry {
    char *name;                 /* child name under the device */
    Clock *clk;                 /* no reference: the child property owns it */
    bool is_output;
} QdevClockEntry;

/*
 * Tell @line which device input it is (for `info qtree` listings of what
 * an output is connected to): @owner's GPIO input @name (NULL: unnamed).
 * @name must live as long as the line.
 */
void irq_set_owner(IRQLine *line, Object *owner, const char *name);
/* The owner recorded by irq_set_owner, or NULL; *@name gets its name. */
Object *irq_get_owner(IRQLine *line, const char **name);

/* Register the clock entries' cleanup for @dev's finalize. */
void qdev_clock_entry_free(gpointer entry);

/*
 * Loaders: check that [@addr, @addr + @len) (@len >= 1, no wrap) is RAM or
 * ROM in @as, else "<file>: <what> at 0xA..0xB is not backed by RAM or ROM
 * in address space '<as>'".
 */
bool loader_check_backed(const char *file, const char *what,
                         AddressSpace *as, hwaddr addr, uint64_t len,
                         Error **errp);
/* Write @len bytes of @data (NULL: zeros) at @addr with write_rom. */
bool loader_write(const char *file, const char *what, AddressSpace *as,
                  hwaddr addr, const void *data, uint64_t len, Error **errp);
/* Map @path read-only; empty files give data NULL and size 0. */
GMappedFile *loader_map_file(const char *path, Error **errp);

#endif
