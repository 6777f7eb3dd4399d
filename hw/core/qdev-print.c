/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qdev_print_tree (include/hw/qdev.h): the device listing behind
 * `info qtree`.
 *
 * One block per device, depth first in insertion order, each line
 * indented by two spaces under the device's "<path> (<type>)" header:
 * GPIO lists with their counts and what each connected output drives,
 * MMIO regions with their sizes, clocks with their frequencies, then the
 * properties (children excluded: they are listed as devices themselves).
 * The format is for people, not parsers; QMP has typed queries.
 */
#include "hemu/osdep.h"
#include "hw/qdev.h"
#include "hw/clock.h"
#include "system/memory.h"
#include "internal.h"

static void print_gpio_target(GString *out, IRQLine *line)
{
    const char *name;
    Object *owner = irq_get_owner(line, &name);

    if (owner) {
        g_autofree char *path = object_get_canonical_path(owner);

        g_string_append_printf(out, "%s (%s) in '%s'[%d]\n",
                               path ? path : "(not in a tree)",
                               object_get_typename(owner), name ? name : "",
                               irq_get_n(line));
    } else {
        g_string_append_printf(out, "a line (n=%d) outside qdev\n",
                               irq_get_n(line));
    }
}

static void print_gpios(GString *out, DeviceState *dev)
{
    for (guint i = 0; i < dev->gpios->len; i++) {
        QdevGPIOList *gl = g_ptr_array_index(dev->gpios, i);

        g_string_append_printf(out, "  gpio-%s '%s' [%d]\n",
                               gl->is_output ? "out" : "in",
                               gl->name ? gl->name : "", gl->count);
        if (!gl->is_output) {
            continue;
        }
        for (int n = 0; n < gl->count; n++) {
            if (gl->out[n]) {
                g_string_append_printf(out, "    %d -> ", n);
                print_gpio_target(out, gl->out[n]);
            }
        }
    }
}

static void print_mmio_and_clocks(GString *out, DeviceState *dev)
{
    for (guint i = 0; i < dev->mmio->len; i++) {
        MemoryRegion *mr = g_ptr_array_index(dev->mmio, i);

        g_string_append_printf(out, "  mmio[%u] '%s' size 0x%" PRIx64 "\n",
                               i, memory_region_name(mr),
                               memory_region_size(mr));
    }
    for (guint i = 0; i < dev->clocks->len; i++) {
        QdevClockEntry *e = g_ptr_array_index(dev->clocks, i);

        g_string_append_printf(out, "  clock-%s '%s' %" PRIu64 " Hz\n",
                               e->is_output ? "out" : "in", e->name,
                               clock_get_hz(e->clk));
    }
}

static void print_props(GString *out, Object *obj)
{
    g_autoptr(GPtrArray) props = object_property_list(obj);

    for (guint i = 0; i < props->len; i++) {
        ObjectProperty *p = g_ptr_array_index(props, i);
        g_autofree char *val = NULL;

        if (p->kind == PROP_KIND_CHILD) {
            continue;
        }
        val = object_property_print(obj, p->name, NULL);
        g_string_append_printf(out, "  %s = %s\n", p->name,
                               val ? val : "(unreadable)");
    }
}

static int print_one(Object *obj, void *opaque)
{
    GString *out = opaque;
    DeviceState *dev = (DeviceState *)object_dynamic_cast(obj, TYPE_DEVICE);
    g_autofree char *path = NULL;

    if (!dev) {
        return 0;
    }
    path = object_get_canonical_path(obj);
    g_string_append_printf(out, "%s (%s)\n", path ? path : "(not in a tree)",
                           object_get_typename(obj));
    print_gpios(out, dev);
    print_mmio_and_clocks(out, dev);
    print_props(out, obj);
    return 0;
}

void qdev_print_tree(GString *out, Object *root)
{
    print_one(root, out);
    object_child_foreach_recursive(root, print_one, out);
}

/* `info irq`: the GPIO inputs of one device that were ever driven. */
static int print_irqs_one(Object *obj, void *opaque)
{
    GString *out = opaque;
    DeviceState *dev = (DeviceState *)object_dynamic_cast(obj, TYPE_DEVICE);
    g_autofree char *path = NULL;

    if (!dev) {
        return 0;
    }
    for (guint i = 0; i < dev->gpios->len; i++) {
        QdevGPIOList *gl = g_ptr_array_index(dev->gpios, i);

        for (int n = 0; !gl->is_output && n < gl->count; n++) {
            IRQLine *line = gl->in[n];

            if (!irq_get_raises(line) && !irq_get_level(line)) {
                continue;
            }
            if (!path) {
                path = object_get_canonical_path(obj);
            }
            g_string_append_printf(out, "%s in '%s'[%d]: level %d, raised "
                                   "%" PRIu64 " times\n", path,
                                   gl->name ? gl->name : "", n,
                                   irq_get_level(line),
                                   irq_get_raises(line));
        }
    }
    return 0;
}

void qdev_print_irqs(GString *out, Object *root)
{
    gsize len = out->len;

    print_irqs_one(root, out);
    object_child_foreach_recursive(root, print_irqs_one, out);
    if (out->len == len) {
        g_string_append(out, "(no interrupt line was ever raised)\n");
    }
}

/* `info clocks`: every clock of one device with its source. */
static int print_clocks_one(Object *obj, void *opaque)
{
    GString *out = opaque;
    DeviceState *dev = (DeviceState *)object_dynamic_cast(obj, TYPE_DEVICE);
    g_autofree char *path = NULL;

    if (!dev || !dev->clocks->len) {
        return 0;
    }
    path = object_get_canonical_path(obj);
    for (guint i = 0; i < dev->clocks->len; i++) {
        QdevClockEntry *e = g_ptr_array_index(dev->clocks, i);
        Clock *src = clock_get_source(e->clk);
        g_autofree char *src_path = src ? object_get_canonical_path(
                                              OBJECT(src)) : NULL;

        g_string_append_printf(out, "%s/%s (%s): %" PRIu64 " Hz, period %"
                               PRIu64 " ns%s%s\n", path, e->name,
                               e->is_output ? "out" : "in",
                               clock_get_hz(e->clk), clock_get_ns(e->clk),
                               src_path ? " <- " : "",
                               src_path ? src_path : "");
    }
    return 0;
}

void qdev_print_clocks(GString *out, Object *root)
{
    gsize len = out->len;

    print_clocks_one(root, out);
    object_child_foreach_recursive(root, print_clocks_one, out);
    if (out->len == len) {
        g_string_append(out, "(no clocks)\n");
    }
}
