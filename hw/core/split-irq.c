/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * "split-irq": fans one IRQ line out to several (include/hw/irq.h).
 *
 * One unnamed input 0, unnamed outputs 0..num-lines-1; every input change
 * is copied to every connected output in index order.  An output drives
 * one input, so this is how a machine wires one source to several sinks.
 * num-lines is a configuration property whose setter resizes the output
 * list, so outputs exist before wiring.
 */
#include "hemu/osdep.h"
#include "hw/qdev.h"

OBJECT_DECLARE_SIMPLE_TYPE(SplitIRQState, SPLIT_IRQ)

struct SplitIRQState {
    DeviceState parent_obj;
    uint32_t num_lines;             /* outputs in use, 1..IRQ_MAX_LINES */
    IRQLine *out[IRQ_MAX_LINES];    /* output slots; NULL: unconnected */
};

#define SPLIT_IRQ_DEFAULT_LINES 2

static void split_irq_handler(void *opaque, int n, int level)
{
    SplitIRQState *s = opaque;

    for (uint32_t i = 0; i < s->num_lines; i++) {
        irq_set_level(s->out[i], level);
    }
}

static void split_irq_resize(SplitIRQState *s, uint32_t n)
{
    for (uint32_t i = n; i < s->num_lines; i++) {
        s->out[i] = NULL;
    }
    s->num_lines = n;
    qdev_init_gpio_out(DEVICE(s), s->out, n);
}

static bool split_irq_get_num_lines(Object *obj, ObjectProperty *prop,
                                    PropValue *val, Error **errp)
{
    val->kind = PROP_KIND_UINT;
    val->u = SPLIT_IRQ(obj)->num_lines;
    return true;
}

static bool split_irq_set_num_lines(Object *obj, ObjectProperty *prop,
                                    const PropValue *val, Error **errp)
{
    /* QOM has checked val->u against umin..umax (1..IRQ_MAX_LINES). */
    split_irq_resize(SPLIT_IRQ(obj), val->u);
    return true;
}

static void split_irq_instance_init(Object *obj)
{
    SplitIRQState *s = SPLIT_IRQ(obj);

    qdev_init_gpio_in(DEVICE(s), split_irq_handler, 1);
    split_irq_resize(s, SPLIT_IRQ_DEFAULT_LINES);
}

static void split_irq_class_init(ObjectClass *oc, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);
    dc->desc = "copy one IRQ line to several";
    dc->category = DEVICE_CATEGORY_MISC;
    dc->user_creatable = true;
    object_class_property_add_uint(oc, "num-lines", "uint32",
                                   split_irq_get_num_lines,
                                   split_irq_set_num_lines, NULL, 1,
                                   IRQ_MAX_LINES, SPLIT_IRQ_DEFAULT_LINES,
                                   "number of output lines (1..256)");
}

static const TypeInfo split_irq_types[] = {
    {
        .name = TYPE_SPLIT_IRQ,
        .parent = TYPE_DEVICE,
        .description = "copy one IRQ line to several",
        .instance_size = sizeof(SplitIRQState),
        .instance_init = split_irq_instance_init,
        .class_init = split_irq_class_init,
    },
};

DEFINE_TYPES(split_irq_types)
