/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Devices made by users: the one implementation behind -device
 * (system/cli-run.c) and QMP device_add / device_del (system/qmp-cmds.c),
 * so both accept the same types, names and properties and place the
 * device at the same path.  Implementation: system/qdev-monitor.c;
 * user reference: docs/user/cli.md (-device) and docs/user/qmp.md.
 */
#ifndef SYSTEM_QDEV_MONITOR_H
#define SYSTEM_QDEV_MONITOR_H

#include "hemu/osdep.h"
#include "qom/object.h"
#include "util/error.h"
#include "util/keyval.h"

/*
 * Create a device of type @driver as -device does: only user-creatable
 * device types (`-device help`), as /machine/peripheral/@id, or as
 * /machine/peripheral-anon/device[N] when @id is NULL; @props (may be
 * NULL) are its properties as user text, set in order.  When @machine is
 * realized the device is realized at once; otherwise it stays configured
 * and machine_build() realizes it with the tree.  @what names the
 * request in errors ("-device", "device_add").  Returns the device
 * (owned by the tree) or NULL with nothing left behind.
 */
Object *qdev_device_add(Object *machine, const char *what,
                        const char *driver, const char *id,
                        const Keyval *props, Error **errp);

/*
 * Remove the user-made device @id (/machine/peripheral/@id or
 * /machine/peripheral-anon/@id): unrealize and drop it.  Devices the
 * machine made itself, and devices other objects hold a reference to,
 * are refused.  The caller keeps the vCPUs paused around it.
 */
bool qdev_device_del(Object *machine, const char *id, Error **errp);

#endif
