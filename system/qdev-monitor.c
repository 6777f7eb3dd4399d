/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Devices made by users (include/system/qdev-monitor.h): what -device
 * and QMP device_add / device_del share.
 *
 * Invariants: a user device lives at /machine/peripheral/<id> or, without
 * an id, /machine/peripheral-anon/device[N] (N the first free number),
 * as with QEMU; only types whose DeviceClass.user_creatable is set are
 * made; a failed request leaves nothing in the tree.  The machine's own
 * devices are never reachable from here.
 */
#include "system/qdev-monitor.h"
#include "hw/qdev.h"

/* The folder @name of @parent, created on first use. */
static Object *qdev_user_folder(Object *parent, const char *name,
                                Error **errp)
{
    Object *c = object_get_child(parent, name);

    return c ? c : object_new_child(parent, name, TYPE_CONTAINER, errp);
}

/* The device class @driver names, if users may create it. */
static bool qdev_user_check_type(const char *what, const char *driver,
                                 Error **errp)
{
    ObjectClass *oc = object_class_by_name(driver);

    if (!oc || object_class_is_abstract(oc) ||
        !object_class_dynamic_cast(oc, TYPE_DEVICE)) {
        error_setg(errp, "%s: unknown device type '%s' (-device help, or "
                   "qom-list-types with implements=device, lists them)",
                   what, driver);
        return false;
    }
    if (!DEVICE_CLASS(oc)->user_creatable) {
        error_setg(errp, "%s: device '%s' cannot be created by users (the "
                   "machine creates it; -device help lists those that can)",
                   what, driver);
        return false;
    }
    return true;
}

/* "device[N]" with the first N not taken in @anon. */
static char *qdev_anon_name(Object *anon)
{
    for (unsigned n = 0;; n++) {
        char *name = g_strdup_printf("device[%u]", n);

        if (!object_get_child(anon, name)) {
            return name;
        }
        g_free(name);
    }
}

static bool qdev_set_user_props(Object *dev, const Keyval *props,
                                Error **errp)
{
    for (size_t i = 0; props && i < keyval_count(props); i++) {
        if (!object_property_parse(dev, keyval_key(props, i),
                                   keyval_value(props, i), errp)) {
            return false;
        }
    }
    return true;
}

Object *qdev_device_add(Object *machine, const char *what,
                        const char *driver, const char *id,
                        const Keyval *props, Error **errp)
{
    g_autofree char *anon_id = NULL;
    g_autofree char *desc = NULL;
    Object *folder, *dev;

    if (!qdev_user_check_type(what, driver, errp)) {
        return NULL;
    }
    folder = qdev_user_folder(machine, id && *id ? "peripheral"
                                                 : "peripheral-anon", errp);
    if (!folder) {
        return NULL;
    }
    if (!id || !*id) {
        id = anon_id = qdev_anon_name(folder);
    }
    desc = g_strdup_printf("%s %s,id=%s", what, driver, id);
    if (object_get_child(folder, id)) {
        error_setg(errp, "%s: id '%s' is already in use", desc, id);
        return NULL;
    }
    dev = object_new_checked(driver, TYPE_DEVICE, errp);
    if (!dev) {
        return NULL;
    }
    if (!qdev_set_user_props(dev, props, errp) ||
        !object_property_add_child(folder, id, dev, errp)) {
        error_prepend(errp, "%s: ", desc);
        object_unref(dev);
        return NULL;
    }
    object_unref(dev);
    if (object_is_realized(machine) && !object_realize_tree(dev, errp)) {
        error_prepend(errp, "%s: ", desc);
        object_unparent(dev);
        return NULL;
    }
    return dev;
}

bool qdev_device_del(Object *machine, const char *id, Error **errp)
{
    Object *folder = object_get_child(machine, "peripheral");
    Object *dev = folder ? object_get_child(folder, id) : NULL;

    if (!dev) {
        folder = object_get_child(machine, "peripheral-anon");
        dev = folder ? object_get_child(folder, id) : NULL;
    }
    if (!dev) {
        error_set(errp, ERROR_CLASS_DEVICE_NOT_FOUND, "device_del: no device "
                  "with id '%s' made by -device or device_add (they are "
                  "under /machine/peripheral and /machine/peripheral-anon)",
                  id);
        return false;
    }
    if (dev->ref > 1) {
        error_setg(errp, "device_del: '%s' (%s) is in use by another object",
                   id, object_get_typename(dev));
        return false;
    }
    object_unparent(dev);
    return true;
}
