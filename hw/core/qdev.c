/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * TYPE_DEVICE (include/hw/qdev.h): the base of every device model, with
 * its named GPIO lists and the MMIO regions it exposes.
 *
 * Invariants: a device has at most one input list and one output list
 * per name (inputs and outputs are separate namespaces); input lines are
 * owned by their list and freed with the device; output slots belong to the device struct and
 * are only written by qdev_connect_gpio_out*.  Devices hold no pointer to
 * a machine or bus: everything is reached through the composition tree.
 *
 * The device tree listing is in qdev-print.c; device clocks in clock.c.
 */
#include "hemu/osdep.h"
#include "hw/qdev.h"
#include "internal.h"
#include "util/log.h"

static const char *const device_category_names[DEVICE_CATEGORY__MAX] = {
    [DEVICE_CATEGORY_MISC] = "Misc",
    [DEVICE_CATEGORY_CPU] = "CPU",
    [DEVICE_CATEGORY_INTC] = "Interrupt controller",
    [DEVICE_CATEGORY_TIMER] = "Timer",
    [DEVICE_CATEGORY_CHAR] = "Character",
    [DEVICE_CATEGORY_STORAGE] = "Storage",
    [DEVICE_CATEGORY_NETWORK] = "Network",
    [DEVICE_CATEGORY_INPUT] = "Input",
    [DEVICE_CATEGORY_DISPLAY] = "Display",
    [DEVICE_CATEGORY_MEMORY] = "Memory",
    [DEVICE_CATEGORY_BRIDGE] = "Bridge",
    [DEVICE_CATEGORY_IPC] = "IPC",
};

const char *device_category_name(DeviceCategory c)
{
    if ((unsigned)c >= DEVICE_CATEGORY__MAX) {
        return "Unknown";
    }
    return device_category_names[c];
}

DeviceState *qdev_new_child(Object *parent, const char *name,
                            const char *type, Error **errp)
{
    Object *obj = object_new_checked(type, TYPE_DEVICE, errp);

    if (!obj) {
        return NULL;
    }
    if (!object_property_add_child(parent, name, obj, errp)) {
        object_unref(obj);
        return NULL;
    }
    object_unref(obj);          /* the parent holds the reference now */
    return DEVICE(obj);
}

bool qdev_realize(DeviceState *dev, Error **errp)
{
    return object_realize(OBJECT(dev), errp);
}

/* ---------------------------------------------------------------------- */
/* GPIOs                                                                  */

static const char *gpio_display_name(const char *name)
{
    return name ? name : "(unnamed)";
}

static QdevGPIOList *gpio_list_find(DeviceState *dev, const char *name,
                                    bool is_output)
{
    for (guint i = 0; i < dev->gpios->len; i++) {
        QdevGPIOList *gl = g_ptr_array_index(dev->gpios, i);

        if (gl->is_output == is_output && g_strcmp0(gl->name, name) == 0) {
            return gl;
        }
    }
    return NULL;
}

static QdevGPIOList *gpio_list_new(DeviceState *dev, const char *name,
                                   bool is_output)
{
    QdevGPIOList *gl = g_new0(QdevGPIOList, 1);

    gl->name = g_strdup(name);
    gl->is_output = is_output;
    g_ptr_array_add(dev->gpios, gl);
    return gl;
}

static void gpio_list_free(gpointer p)
{
    QdevGPIOList *gl = p;

    if (!gl->is_output) {
        for (int i = 0; i < gl->count; i++) {
            irq_free(gl->in[i]);
        }
        g_free(gl->in);
    }
    g_free(gl->name);
    g_free(gl);
}

void qdev_init_gpio_in_named(DeviceState *dev, IRQHandler *handler,
                             const char *name, int n)
{
    QdevGPIOList *gl = gpio_list_find(dev, name, false);

    assert(n >= 0 && handler);
    if (!gl) {
        gl = gpio_list_new(dev, name, false);
        gl->handler = handler;
    }
    /* Resizing with another handler is a bug in the device. */
    assert(gl->handler == handler);
    for (int i = n; i < gl->count; i++) {
        irq_free(gl->in[i]);
    }
    gl->in = g_renew(IRQLine *, gl->in, n);
    for (int i = gl->count; i < n; i++) {
        gl->in[i] = irq_new(handler, dev, i);
        irq_set_owner(gl->in[i], OBJECT(dev), gl->name);
    }
    gl->count = n;
}

void qdev_init_gpio_out_named(DeviceState *dev, IRQLine **pins,
                              const char *name, int n)
{
    QdevGPIOList *gl = gpio_list_find(dev, name, true);

    assert(n >= 0 && (pins || n == 0));
    if (!gl) {
        gl = gpio_list_new(dev, name, true);
    }
    gl->out = pins;
    gl->count = n;
}

/*
 * Find line @n of list @name in direction @is_output, or set an error
 * naming the device, the GPIO and the accepted names or range.
 */
static QdevGPIOList *gpio_lookup(DeviceState *dev, const char *name, int n,
                                 bool is_output, Error **errp)
{
    const char *dir = is_output ? "output" : "input";
    QdevGPIOList *gl = gpio_list_find(dev, name, is_output);
    g_autofree char *who = NULL;

    if (gl && n >= 0 && n < gl->count) {
        return gl;
    }
    who = object_describe(OBJECT(dev));
    if (!gl) {
        g_autoptr(GString) names = g_string_new(NULL);

        for (guint i = 0; i < dev->gpios->len; i++) {
            QdevGPIOList *o = g_ptr_array_index(dev->gpios, i);

            if (o->is_output == is_output) {
                g_string_append_printf(names, "%s'%s'", names->len ? ", " : "",
                                       o->name ? o->name : "");
            }
        }
        error_setg(errp, "%s: no GPIO %s list '%s'; %s lists: %s", who, dir,
                   name ? name : "", dir,
                   names->len ? names->str : "none");
        return NULL;
    }
    if (gl->count == 0) {
        error_setg(errp, "%s: GPIO %s '%s' index %d: the list is empty", who,
                   dir, gpio_display_name(name), n);
    } else {
        error_setg(errp, "%s: GPIO %s '%s' index %d out of range (0..%d)",
                   who, dir, gpio_display_name(name), n, gl->count - 1);
    }
    return NULL;
}

IRQLine *qdev_get_gpio_in_named(DeviceState *dev, const char *name, int n)
{
    return qdev_get_gpio_in_checked(dev, name, n, &error_abort);
}

IRQLine *qdev_get_gpio_in_checked(DeviceState *dev, const char *name, int n,
                                  Error **errp)
{
    QdevGPIOList *gl = gpio_lookup(dev, name, n, false, errp);

    return gl ? gl->in[n] : NULL;
}

void qdev_connect_gpio_out_named(DeviceState *dev, const char *name, int n,
                                 IRQLine *target)
{
    QdevGPIOList *gl = gpio_lookup(dev, name, n, true, &error_abort);

    /* C wiring code connecting an output twice is a bug. */
    assert(!target || !gl->out[n]);
    gl->out[n] = target;
}

bool qdev_connect_gpio_out_checked(DeviceState *dev, const char *name,
                                   int n, IRQLine *target, Error **errp)
{
    QdevGPIOList *gl = gpio_lookup(dev, name, n, true, errp);

    if (!gl) {
        return false;
    }
    if (target && gl->out[n]) {
        g_autofree char *who = object_describe(OBJECT(dev));

        error_setg(errp, "%s: GPIO output '%s' index %d is already "
                   "connected (one output drives one input; fan out "
                   "with a split-irq device)", who, gpio_display_name(name),
                   n);
        return false;
    }
    gl->out[n] = target;
    return true;
}

IRQLine *qdev_get_gpio_out_connection(DeviceState *dev, const char *name,
                                      int n)
{
    QdevGPIOList *gl = gpio_lookup(dev, name, n, true, &error_abort);

    return gl->out[n];
}

int qdev_gpio_in_count(DeviceState *dev, const char *name)
{
    QdevGPIOList *gl = gpio_list_find(dev, name, false);

    return gl ? gl->count : 0;
}

int qdev_gpio_out_count(DeviceState *dev, const char *name)
{
    QdevGPIOList *gl = gpio_list_find(dev, name, true);

    return gl ? gl->count : 0;
}

/* ---------------------------------------------------------------------- */
/* MMIO                                                                   */

void qdev_init_mmio(DeviceState *dev, MemoryRegion *mr)
{
    assert(mr);
    g_ptr_array_add(dev->mmio, mr);
}

MemoryRegion *qdev_get_mmio(DeviceState *dev, int n)
{
    if (n < 0 || (guint)n >= dev->mmio->len) {
        return NULL;
    }
    return g_ptr_array_index(dev->mmio, n);
}

MemoryRegion *qdev_get_mmio_checked(DeviceState *dev, int n, Error **errp)
{
    MemoryRegion *mr = qdev_get_mmio(dev, n);
    g_autofree char *who = NULL;

    if (mr) {
        return mr;
    }
    who = object_describe(OBJECT(dev));
    if (dev->mmio->len == 0) {
        error_setg(errp, "%s: MMIO region %d requested, but the device has "
                   "no MMIO regions", who, n);
    } else {
        error_setg(errp, "%s: MMIO region %d out of range (0..%u)", who, n,
                   dev->mmio->len - 1);
    }
    return NULL;
}

int qdev_num_mmio(DeviceState *dev)
{
    return dev->mmio->len;
}

/* ---------------------------------------------------------------------- */
/* The type                                                               */

static void device_reset_enter(Object *obj, ResetType type)
{
    DeviceClass *dc = DEVICE_GET_CLASS(obj);

    if (dc->reset_enter) {
        dc->reset_enter(obj, type);
    }
}

static void device_reset_hold(Object *obj, ResetType type)
{
    DeviceClass *dc = DEVICE_GET_CLASS(obj);

    if (dc->reset_hold) {
        dc->reset_hold(obj, type);
    }
}

static void device_reset_exit(Object *obj, ResetType type)
{
    DeviceClass *dc = DEVICE_GET_CLASS(obj);

    if (dc->reset_exit) {
        dc->reset_exit(obj, type);
    }
}

static ResettableState *device_get_reset_state(Object *obj)
{
    return &DEVICE(obj)->reset;
}

static bool device_realize(Object *obj, Error **errp)
{
    return true;
}

static void device_instance_init(Object *obj)
{
    DeviceState *dev = DEVICE(obj);

    dev->gpios = g_ptr_array_new_with_free_func(gpio_list_free);
    dev->mmio = g_ptr_array_new();
    dev->clocks = g_ptr_array_new_with_free_func(qdev_clock_entry_free);
}

static void device_instance_finalize(Object *obj)
{
    DeviceState *dev = DEVICE(obj);

    g_ptr_array_unref(dev->gpios);
    g_ptr_array_unref(dev->mmio);
    g_ptr_array_unref(dev->clocks);
}

static void device_class_init(ObjectClass *oc, const void *data)
{
    ResettableClass *rc = RESETTABLE_CLASS(oc);
    DeviceClass *dc = DEVICE_CLASS(oc);

    oc->realize = device_realize;
    dc->category = DEVICE_CATEGORY_MISC;
    rc->phases.enter = device_reset_enter;
    rc->phases.hold = device_reset_hold;
    rc->phases.exit = device_reset_exit;
    rc->get_state = device_get_reset_state;
}

static const InterfaceInfo device_interfaces[] = {
    { TYPE_RESETTABLE_INTERFACE },
    { NULL }
};

static const TypeInfo device_types[] = {
    {
        .name = TYPE_DEVICE,
        .parent = TYPE_OBJECT,
        .description = "base type of every device",
        .instance_size = sizeof(DeviceState),
        .instance_init = device_instance_init,
        .instance_finalize = device_instance_finalize,
        .abstract = true,
        .class_size = sizeof(DeviceClass),
        .class_init = device_class_init,
        .interfaces = device_interfaces,
    },
};

DEFINE_TYPES(device_types)

bool qdev_reg32_access_ok(const char *what, hwaddr addr, unsigned size,
                          bool write)
{
    if (size == 4 && (addr & 3) == 0) {
        return true;
    }
    log_mask(LOG_GUEST_ERROR, "%s: %u-byte %s at offset 0x%03" PRIx64
             " (registers take aligned 32-bit accesses)\n", what, size,
             write ? "write" : "read", (uint64_t)addr);
    return false;
}
