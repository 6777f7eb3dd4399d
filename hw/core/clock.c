/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Clock tree (include/hw/clock.h): TYPE_CLOCK and the device clock helpers.
 *
 * Invariants: the source links form a forest (no loops); a clock holds a
 * reference on its source and is listed (without a reference) in the
 * source's children, so a clock with children is never finalised; every
 * period is source period * mul / div computed in 128 bits and saturated
 * to 64.  Periods are in units of 2^-32 ns, so a 1 GHz clock has period
 * 2^32 and the slowest representable clock is about 0.23 Hz.
 */
#include "hemu/osdep.h"
#include "hw/clock.h"
#include "internal.h"

struct Clock {
    Object parent_obj;
    uint64_t period;            /* 2^-32 ns units; 0: stopped */
    Clock *source;              /* referenced; NULL for a root clock */
    GPtrArray *children;        /* Clock * fed by this one; not referenced */
    uint32_t mul, div;          /* period = source * mul / div; both >= 1 */
    ClockCallback *cb;          /* may be NULL */
    void *cb_opaque;
    unsigned cb_events;         /* ClockEvent mask */
};

static uint64_t sat64(unsigned __int128 v)
{
    return v > UINT64_MAX ? UINT64_MAX : (uint64_t)v;
}

Clock *clock_new(void)
{
    return CLOCK(object_new(TYPE_CLOCK));
}

void clock_set_callback(Clock *clk, ClockCallback *cb, void *opaque,
                        unsigned events)
{
    clk->cb = cb;
    clk->cb_opaque = opaque;
    clk->cb_events = cb ? events : 0;
}

bool clock_set(Clock *clk, uint64_t period)
{
    bool changed = clk->period != period;

    clk->period = period;
    return changed;
}

bool clock_set_hz(Clock *clk, uint64_t hz)
{
    return clock_set(clk, hz ? CLOCK_PERIOD_1SEC / hz : 0);
}

bool clock_set_ns(Clock *clk, uint64_t ns)
{
    return clock_set(clk, sat64((unsigned __int128)ns << 32));
}

void clock_update_hz(Clock *clk, uint64_t hz)
{
    clock_set_hz(clk, hz);
    clock_propagate(clk);
}

uint64_t clock_get(const Clock *clk)
{
    return clk->period;
}

uint64_t clock_get_hz(const Clock *clk)
{
    unsigned __int128 p = clk->period;

    if (!p) {
        return 0;
    }
    return (uint64_t)(((unsigned __int128)CLOCK_PERIOD_1SEC + p / 2) / p);
}

uint64_t clock_get_ns(const Clock *clk)
{
    return (uint64_t)(((unsigned __int128)clk->period + (1u << 31)) >> 32);
}

bool clock_is_enabled(const Clock *clk)
{
    return clk->period != 0;
}

uint64_t clock_ticks_to_ns(const Clock *clk, uint64_t ticks)
{
    return sat64(((unsigned __int128)ticks * clk->period) >> 32);
}

uint64_t clock_ns_to_ticks(const Clock *clk, uint64_t ns)
{
    if (!clk->period) {
        return 0;
    }
    return sat64(((unsigned __int128)ns << 32) / clk->period);
}

Clock *clock_get_source(const Clock *clk)
{
    return clk->source;
}

/* The period @clk should have given its source (its own if none). */
static uint64_t clock_derived_period(const Clock *clk)
{
    if (!clk->source) {
        return clk->period;
    }
    return sat64((unsigned __int128)clk->source->period * clk->mul /
                 clk->div);
}

/* Set @clk's period from its source, notifying it if @notify. */
static void clock_update_one(Clock *clk, bool notify)
{
    uint64_t period = clock_derived_period(clk);

    if (period == clk->period) {
        return;
    }
    if (notify && (clk->cb_events & CLOCK_PRE_UPDATE)) {
        clk->cb(clk->cb_opaque, CLOCK_PRE_UPDATE);
    }
    clk->period = period;
    if (notify && (clk->cb_events & CLOCK_UPDATE)) {
        clk->cb(clk->cb_opaque, CLOCK_UPDATE);
    }
}

static void clock_propagate_children(Clock *clk, bool notify)
{
    for (guint i = 0; i < clk->children->len; i++) {
        Clock *child = g_ptr_array_index(clk->children, i);

        clock_update_one(child, notify);
        clock_propagate_children(child, notify);
    }
}

void clock_propagate(Clock *clk)
{
    clock_propagate_children(clk, true);
}

void clock_set_source(Clock *clk, Clock *src)
{
    for (Clock *c = src; c; c = c->source) {
        assert(c != clk);       /* a loop in the clock tree is a bug */
    }
    if (clk->source) {
        g_ptr_array_remove(clk->source->children, clk);
        object_unref(OBJECT(clk->source));
    }
    clk->source = src;
    if (src) {
        object_ref(OBJECT(src));
        g_ptr_array_add(src->children, clk);
        clock_update_one(clk, false);
        clock_propagate_children(clk, false);
    }
}

bool clock_set_mul_div(Clock *clk, uint32_t mul, uint32_t div)
{
    assert(mul && div);
    if (clk->mul == mul && clk->div == div) {
        return false;
    }
    clk->mul = mul;
    clk->div = div;
    if (clk->source) {
        clock_update_one(clk, true);
        clock_propagate_children(clk, true);
    }
    return true;
}

/* ---------------------------------------------------------------------- */
/* Device clocks                                                          */

void qdev_clock_entry_free(gpointer p)
{
    QdevClockEntry *e = p;

    g_free(e->name);
    g_free(e);
}

static Clock *qdev_add_clock(DeviceState *dev, const char *name,
                             bool is_output)
{
    Clock *clk = clock_new();
    QdevClockEntry *e = g_new0(QdevClockEntry, 1);

    /* A clock name clash in a device's own init is a bug in the device. */
    object_property_add_child(OBJECT(dev), name, OBJECT(clk), &error_abort);
    object_unref(OBJECT(clk));
    e->name = g_strdup(name);
    e->clk = clk;
    e->is_output = is_output;
    g_ptr_array_add(dev->clocks, e);
    return clk;
}

Clock *qdev_init_clock_in(DeviceState *dev, const char *name,
                          ClockCallback *cb, void *opaque, unsigned events)
{
    Clock *clk = qdev_add_clock(dev, name, false);

    clock_set_callback(clk, cb, opaque, events);
    return clk;
}

Clock *qdev_init_clock_out(DeviceState *dev, const char *name)
{
    return qdev_add_clock(dev, name, true);
}

static QdevClockEntry *qdev_find_clock(DeviceState *dev, const char *name)
{
    for (guint i = 0; i < dev->clocks->len; i++) {
        QdevClockEntry *e = g_ptr_array_index(dev->clocks, i);

        if (strcmp(e->name, name) == 0) {
            return e;
        }
    }
    return NULL;
}

static char *qdev_clock_names(DeviceState *dev, bool is_output)
{
    GString *s = g_string_new(NULL);

    for (guint i = 0; i < dev->clocks->len; i++) {
        QdevClockEntry *e = g_ptr_array_index(dev->clocks, i);

        if (e->is_output == is_output) {
            g_string_append_printf(s, "%s'%s'", s->len ? ", " : "", e->name);
        }
    }
    if (!s->len) {
        g_string_append(s, "none");
    }
    return g_string_free(s, false);
}

bool qdev_connect_clock_in(DeviceState *dev, const char *name, Clock *source,
                           Error **errp)
{
    QdevClockEntry *e = qdev_find_clock(dev, name);
    g_autofree char *who = object_describe(OBJECT(dev));

    if (!e || e->is_output) {
        g_autofree char *names = qdev_clock_names(dev, false);

        error_setg(errp, "%s: no input clock '%s'%s; input clocks: %s", who,
                   name, e ? " (it is an output)" : "", names);
        return false;
    }
    if (object_is_realized(OBJECT(dev))) {
        error_setg(errp, "%s: cannot connect input clock '%s': the device "
                   "is already realized (connect clocks before realize)",
                   who, name);
        return false;
    }
    clock_set_source(e->clk, source);
    return true;
}

Clock *qdev_get_clock_out(DeviceState *dev, const char *name)
{
    QdevClockEntry *e = qdev_find_clock(dev, name);

    return e && e->is_output ? e->clk : NULL;
}

Clock *qdev_get_clock_in(DeviceState *dev, const char *name)
{
    QdevClockEntry *e = qdev_find_clock(dev, name);

    return e && !e->is_output ? e->clk : NULL;
}

/* ---------------------------------------------------------------------- */
/* The type                                                               */

static bool clock_prop_get_hz(Object *obj, ObjectProperty *prop,
                              PropValue *val, Error **errp)
{
    val->kind = PROP_KIND_UINT;
    val->u = clock_get_hz(CLOCK(obj));
    return true;
}

static void clock_instance_init(Object *obj)
{
    Clock *clk = CLOCK(obj);

    clk->children = g_ptr_array_new();
    clk->mul = 1;
    clk->div = 1;
}

static void clock_instance_finalize(Object *obj)
{
    Clock *clk = CLOCK(obj);

    /* Each child holds a reference on us, so there can be none left. */
    assert(clk->children->len == 0);
    clock_set_source(clk, NULL);
    g_ptr_array_unref(clk->children);
}

static void clock_class_init(ObjectClass *oc, const void *data)
{
    ObjectProperty *p;

    p = object_class_property_add(oc, "frequency", PROP_KIND_UINT, "uint64",
                                  clock_prop_get_hz, NULL, NULL,
                                  "frequency in Hz (0: stopped), rounded");
    p->flags |= PROP_F_READONLY;
}

static const TypeInfo clock_types[] = {
    {
        .name = TYPE_CLOCK,
        .parent = TYPE_OBJECT,
        .description = "a clock signal (period in 2^-32 ns units)",
        .instance_size = sizeof(Clock),
        .instance_init = clock_instance_init,
        .instance_finalize = clock_instance_finalize,
        .class_init = clock_class_init,
    },
};

DEFINE_TYPES(clock_types)
