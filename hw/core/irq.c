/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * IRQ lines (include/hw/irq.h): the input end of a wire between devices.
 *
 * A line is three words: the handler, its opaque and the line number.
 * Setting a level is one indirect call with no allocation and no lock, so
 * it is cheap enough for devices that toggle interrupts per access; the
 * NULL line (an unconnected output) is accepted and ignored.
 */
#include "hemu/osdep.h"
#include "hw/irq.h"
#include "internal.h"

struct IRQLine {
    IRQHandler *handler;        /* never NULL */
    void *opaque;               /* passed to handler */
    int n;                      /* passed to handler: the line's index */
    Object *owner;              /* device whose GPIO input this is, or NULL;
                                   for listings only (no reference) */
    const char *owner_gpio;     /* that input list's name (NULL: unnamed) */
    int level;                  /* atomic: the last level driven */
    uint64_t raises;            /* atomic: times driven to a non-zero level
                                   (statistics for `info irq`) */
};

IRQLine *irq_new(IRQHandler *handler, void *opaque, int n)
{
    IRQLine *line = g_new(IRQLine, 1);

    assert(handler);
    line->handler = handler;
    line->opaque = opaque;
    line->n = n;
    line->owner = NULL;
    line->owner_gpio = NULL;
    line->level = 0;
    line->raises = 0;
    return line;
}

void irq_free(IRQLine *line)
{
    g_free(line);
}

void irq_set_level(IRQLine *line, int level)
{
    if (line) {
        g_atomic_int_set(&line->level, level);
        if (level) {
            __atomic_fetch_add(&line->raises, 1, __ATOMIC_RELAXED);
        }
        line->handler(line->opaque, line->n, level);
    }
}

void *irq_get_opaque(IRQLine *line)
{
    return line->opaque;
}

int irq_get_n(IRQLine *line)
{
    return line->n;
}

int irq_get_level(IRQLine *line)
{
    return g_atomic_int_get(&line->level);
}

uint64_t irq_get_raises(IRQLine *line)
{
    return __atomic_load_n(&line->raises, __ATOMIC_RELAXED);
}

void irq_set_owner(IRQLine *line, Object *owner, const char *name)
{
    line->owner = owner;
    line->owner_gpio = name;
}

Object *irq_get_owner(IRQLine *line, const char **name)
{
    *name = line->owner_gpio;
    return line->owner;
}
