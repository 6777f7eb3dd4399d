/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * "or-irq": merges several IRQ lines into one (include/hw/irq.h).
 *
 * Unnamed inputs 0..num-lines-1, one unnamed output 0.  The device
 * remembers each input's level and keeps a count of high inputs, so an
 * input change costs O(1); the output is driven (with the OR of all
 * inputs) on every input change.  num-lines is a configuration property
 * whose setter resizes the input list, so inputs exist before wiring.
 */
#include "hemu/osdep.h"
#include "hw/qdev.h"

OBJECT_DECLARE_SIMPLE_TYPE(OrIRQState, OR_IRQ)

struct OrIRQState {
    DeviceState parent_obj;
    uint32_t num_lines;             /* inputs in use, 1..IRQ_MAX_LINES */
    uint32_t num_high;              /* inputs with level != 0 */
    bool level[IRQ_MAX_LINES];      /* last level of each input */
    IRQLine *out;                   /* output 0 */
};

#define OR_IRQ_DEFAULT_LINES 2

static void or_irq_handler(void *opaque, int n, int level)
{
    OrIRQState *s = opaque;
    bool high = level != 0;

    if (s->level[n] != high) {
        s->level[n] = high;
        s->num_high += high ? 1 : -1;
    }
    irq_set_level(s->out, s->num_high != 0);
}

static void or_irq_resize(OrIRQState *s, uint32_t n)
{
    for (uint32_t i = n; i < s->num_lines; i++) {
        if (s->level[i]) {
            s->level[i] = false;
            s->num_high--;
        }
    }
    s->num_lines = n;
    qdev_init_gpio_in(DEVICE(s), or_irq_handler, n);
}

static bool or_irq_get_num_lines(Object *obj, ObjectProperty *prop,
                                 PropValue *val, Error **errp)
{
    val->kind = PROP_KIND_UINT;
    val->u = OR_IRQ(obj)->num_lines;
    return true;
}

static bool or_irq_set_num_lines(Object *obj, ObjectProperty *prop,
                                 const PropValue *val, Error **errp)
{
    /* QOM has checked val->u against umin..umax (1..IRQ_MAX_LINES). */
    or_irq_resize(OR_IRQ(obj), val->u);
    return true;
}

static void or_irq_instance_init(Object *obj)
{
    OrIRQState *s = OR_IRQ(obj);

    or_irq_resize(s, OR_IRQ_DEFAULT_LINES);
    qdev_init_gpio_out(DEVICE(s), &s->out, 1);
}

static void or_irq_class_init(ObjectClass *oc, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);
    ObjectProperty *p;

    dc->desc = "OR of several IRQ lines";
    dc->category = DEVICE_CATEGORY_MISC;
    dc->user_creatable = true;
    p = object_class_property_add(oc, "num-lines", PROP_KIND_UINT, "uint32",
                                  or_irq_get_num_lines, or_irq_set_num_lines,
                                  NULL, "number of input lines (1..256)");
    p->flags |= PROP_F_CONFIG;
    p->umin = 1;
    p->umax = IRQ_MAX_LINES;
    p->has_default = true;
    p->defval.kind = PROP_KIND_UINT;
    p->defval.u = OR_IRQ_DEFAULT_LINES;
}

static const TypeInfo or_irq_types[] = {
    {
        .name = TYPE_OR_IRQ,
        .parent = TYPE_DEVICE,
        .description = "OR of several IRQ lines",
        .instance_size = sizeof(OrIRQState),
        .instance_init = or_irq_instance_init,
        .class_init = or_irq_class_init,
    },
};

DEFINE_TYPES(or_irq_types)
