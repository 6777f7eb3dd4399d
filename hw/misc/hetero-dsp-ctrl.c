/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * hetero-virt DSP subsystem controller model
 * (include/hw/misc/hetero-dsp-ctrl.h).
 *
 * Spec and user documentation (register by register):
 * docs/user/hetero-devices.md, "DSP subsystem controller".
 *
 * State: BOOT_ADDR, CTRL.RUN, the firmware's FW_STATE and FW_CODE, the
 * BOOT_ADDR latched at the last release, BOOT_COUNT, INT_STATUS and
 * INT_ENABLE.  STATUS is derived (IN_RESET = !RUN, FW_READY/FW_FATAL from
 * FW_STATE) and so is the apps interrupt (INT_STATUS & INT_ENABLE != 0).
 * Invariant: dsp-reset was last driven to !RUN (once reset has run).
 *
 * A release (RUN 0->1, or a reset with autostart) sets the boot CPU's
 * <boot-pc-property> to BOOT_ADDR and then lowers dsp-reset; the CPU side
 * picks the PC up when it leaves reset on its own thread.
 *
 * With boot-addr-from-cpu=on, BOOT_ADDR's reset value is not the
 * "boot-addr" property but whatever the boot CPU's <boot-pc-property>
 * holds (a `-device loader,...,cpu-num=0` sets a CPU's "boot-pc" after
 * the machine was built and reset, so the value is read when needed, as
 * long as the apps side has not written BOOT_ADDR since reset).  A
 * release that changed that property (the apps side chose another
 * BOOT_ADDR) is undone at the next reset, so the reset value stays the
 * loader's.  This lets a machine file boot the DSP without board code.  If setting the
 * property fails, that is a wiring bug of the machine, not guest misuse:
 * it is reported once per device with warn_report and the DSP is released
 * anyway.
 *
 * Threads: the apps view is written by an AArch64 vCPU thread, the DSP view
 * by Hexagon vCPU threads, concurrently.  As in hetero-mailbox.c, s->lock
 * guards the registers and is never held while a line is driven or the
 * boot CPU's property is set; s->drive_lock is taken first by every write
 * and held from the state change until its lines are driven, so two RUN
 * edges (or two interrupt changes) reach the lines in the order they
 * happened.  A consumer of our lines must not write to this device from
 * its line handler (the CPU "reset" input only records the level and kicks
 * the vCPU, include/exec/cpu.h).
 */
#include "hw/misc/hetero-dsp-ctrl.h"

#include "hemu/osdep.h"
#include "hw/qdev.h"
#include "system/memory.h"
#include "util/log.h"

OBJECT_DECLARE_SIMPLE_TYPE(HeteroDspCtrlState, HETERO_DSP_CTRL)

struct HeteroDspCtrlState {
    DeviceState parent_obj;
    MemoryRegion iomem[2];      /* HETERO_DSP_CTRL_VIEW_APPS, _VIEW_DSP */
    IRQLine *irq;               /* unnamed GPIO out 0: apps interrupt */
    IRQLine *dsp_reset;         /* GPIO out "dsp-reset": 1 = held */

    /* Properties (configuration; constant once realized). */
    uint32_t boot_addr_reset;   /* "boot-addr": BOOT_ADDR after reset */
    bool autostart;             /* "autostart" */
    uint64_t shared_base;       /* "shared-base": ARM PA of the carveout */
    uint64_t shared_size;       /* "shared-size": bytes, <= UINT32_MAX */
    uint32_t dsp_shared_base;   /* "dsp-shared-base": its DSP address */
    Object *boot_cpu;           /* "boot-cpu": NULL when not wired */
    char *boot_pc_property;     /* "boot-pc-property" */
    bool boot_addr_from_cpu;    /* "boot-addr-from-cpu": BOOT_ADDR's reset
                                   value is the boot CPU's property */

    GMutex drive_lock;          /* taken before lock; see file comment */
    int driven_irq;             /* under drive_lock: last level driven on
                                   irq, -1 before the first */
    bool boot_pc_warned;        /* under drive_lock: failure reported */
    bool pc_restore;            /* under drive_lock: a release changed the
                                   boot CPU's property (from-cpu mode) */
    uint64_t pc_before;         /* under drive_lock: its value before */
    uint64_t pc_written;        /* under drive_lock: the value we wrote */

    GMutex lock;                /* guards the registers below */
    uint32_t boot_addr;         /* BOOT_ADDR (apps view); in from-cpu
                                   mode only once boot_addr_written */
    bool boot_addr_written;     /* the apps side wrote BOOT_ADDR since
                                   reset */
    bool run;                   /* CTRL.RUN */
    uint32_t fw_state;          /* 0, READY or FATAL: last valid write */
    uint32_t fw_code;           /* FW_CODE */
    uint32_t boot_addr_latched; /* BOOT_ADDR of the current boot (DSP
                                   view); 0 until the first release */
    uint32_t boot_count;        /* releases since reset, modulo 2^32 */
    uint32_t int_status;        /* INT_STATUS, only INT_MASK bits */
    uint32_t int_enable;        /* INT_ENABLE, only INT_MASK bits */
};

/* What a write asks the drive step to do with dsp-reset. */
typedef enum DspCtrlEdge {
    DSPC_EDGE_NONE,
    DSPC_EDGE_RELEASE,          /* set the boot PC, then dsp-reset low */
    DSPC_EDGE_HOLD,             /* dsp-reset high */
} DspCtrlEdge;

/* What a register write leaves for the drive step (computed under lock). */
typedef struct DspCtrlUpdate {
    DspCtrlEdge edge;
    uint32_t boot_pc;           /* DSPC_EDGE_RELEASE: where thread 0 starts */
    int irq_level;              /* the apps interrupt's new level */
} DspCtrlUpdate;

/* ---------------------------------------------------------------------- */
/* State helpers (s->lock held)                                           */

static uint32_t dspc_status(HeteroDspCtrlState *s)
{
    uint32_t v = s->run ? 0 : HETERO_DSP_CTRL_STATUS_IN_RESET;

    if (s->fw_state == HETERO_DSP_CTRL_FW_STATE_READY) {
        v |= HETERO_DSP_CTRL_STATUS_FW_READY;
    } else if (s->fw_state == HETERO_DSP_CTRL_FW_STATE_FATAL) {
        v |= HETERO_DSP_CTRL_STATUS_FW_FATAL;
    }
    return v;
}

static int dspc_irq_level(HeteroDspCtrlState *s)
{
    return (s->int_status & s->int_enable) != 0;
}

/*
 * The boot CPU's <boot-pc-property> as a BOOT_ADDR: values that are no
 * 32-bit start address (0xffffffff and above: the properties' "none")
 * count as 0.  Only reads the CPU (no callback into us): safe under lock.
 */
static uint32_t dspc_cpu_boot_addr(HeteroDspCtrlState *s)
{
    uint64_t v = object_property_get_uint(s->boot_cpu, s->boot_pc_property,
                                          NULL);

    return v >= UINT32_MAX ? 0 : (uint32_t)v;
}

/* BOOT_ADDR as the apps side reads it. */
static uint32_t dspc_boot_addr(HeteroDspCtrlState *s)
{
    if (s->boot_addr_from_cpu && !s->boot_addr_written) {
        return dspc_cpu_boot_addr(s);
    }
    return s->boot_addr;
}

/* Start a boot: the register side of a release. */
static void dspc_start_boot(HeteroDspCtrlState *s, DspCtrlUpdate *u)
{
    s->run = true;
    s->fw_state = 0;
    s->fw_code = 0;
    s->boot_count++;
    s->boot_addr_latched = dspc_boot_addr(s);
    u->edge = DSPC_EDGE_RELEASE;
    u->boot_pc = s->boot_addr_latched;
}

/* ---------------------------------------------------------------------- */
/* Driving (s->drive_lock held, s->lock not held)                         */

static void dspc_set_boot_pc(HeteroDspCtrlState *s, uint32_t pc)
{
    Error *err = NULL;

    if (!s->boot_cpu) {
        return;
    }
    if (s->boot_addr_from_cpu && !s->pc_restore) {
        uint64_t cur = object_property_get_uint(s->boot_cpu,
                                                s->boot_pc_property, NULL);

        if (cur != pc) {
            s->pc_before = cur;
            s->pc_restore = true;
        }
    }
    s->pc_written = pc;
    if (!object_property_set_uint(s->boot_cpu, s->boot_pc_property, pc,
                                  &err)) {
        if (!s->boot_pc_warned) {
            g_autofree char *what = object_describe(OBJECT(s));

            warn_report("%s: cannot set the boot CPU's start address to "
                        "0x%08x (%s); releasing the DSP anyway",
                        what, pc, error_get_pretty(err));
            s->boot_pc_warned = true;
        }
        error_free(err);
    }
}

static void dspc_drive(HeteroDspCtrlState *s, const DspCtrlUpdate *u,
                       bool force)
{
    switch (u->edge) {
    case DSPC_EDGE_RELEASE:
        dspc_set_boot_pc(s, u->boot_pc);
        irq_lower(s->dsp_reset);
        break;
    case DSPC_EDGE_HOLD:
        irq_raise(s->dsp_reset);
        break;
    case DSPC_EDGE_NONE:
        break;
    }
    if (force || s->driven_irq != u->irq_level) {
        s->driven_irq = u->irq_level;
        irq_set_level(s->irq, u->irq_level);
    }
}

/* ---------------------------------------------------------------------- */
/* Apps view (s->lock held)                                               */

static uint32_t dspc_apps_read(HeteroDspCtrlState *s, hwaddr off)
{
    switch (off) {
    case HETERO_DSP_CTRL_APPS_ID:
        return HETERO_DSP_CTRL_ID_VALUE;
    case HETERO_DSP_CTRL_APPS_VERSION:
        return HETERO_DSP_CTRL_VERSION_VALUE;
    case HETERO_DSP_CTRL_APPS_BOOT_ADDR:
        return dspc_boot_addr(s);
    case HETERO_DSP_CTRL_APPS_CTRL:
        return s->run ? HETERO_DSP_CTRL_CTRL_RUN : 0;
    case HETERO_DSP_CTRL_APPS_STATUS:
        return dspc_status(s);
    case HETERO_DSP_CTRL_APPS_FW_CODE:
        return s->fw_code;
    case HETERO_DSP_CTRL_APPS_BOOT_COUNT:
        return s->boot_count;
    case HETERO_DSP_CTRL_APPS_INT_STATUS:
        return s->int_status;
    case HETERO_DSP_CTRL_APPS_INT_ENABLE:
        return s->int_enable;
    case HETERO_DSP_CTRL_APPS_SHARED_BASE_LO:
        return (uint32_t)s->shared_base;
    case HETERO_DSP_CTRL_APPS_SHARED_BASE_HI:
        return (uint32_t)(s->shared_base >> 32);
    case HETERO_DSP_CTRL_APPS_SHARED_SIZE:
        return (uint32_t)s->shared_size;
    case HETERO_DSP_CTRL_APPS_DSP_SHARED_BASE:
        return s->dsp_shared_base;
    }
    log_mask(LOG_GUEST_ERROR, "hetero-dsp-ctrl: apps view: read of "
             "reserved offset 0x%03x\n", (unsigned)off);
    return 0;
}

/* True for the apps view's read-only registers (for the log message). */
static bool dspc_apps_is_read_only(hwaddr off)
{
    switch (off) {
    case HETERO_DSP_CTRL_APPS_ID:
    case HETERO_DSP_CTRL_APPS_VERSION:
    case HETERO_DSP_CTRL_APPS_STATUS:
    case HETERO_DSP_CTRL_APPS_FW_CODE:
    case HETERO_DSP_CTRL_APPS_BOOT_COUNT:
    case HETERO_DSP_CTRL_APPS_SHARED_BASE_LO:
    case HETERO_DSP_CTRL_APPS_SHARED_BASE_HI:
    case HETERO_DSP_CTRL_APPS_SHARED_SIZE:
    case HETERO_DSP_CTRL_APPS_DSP_SHARED_BASE:
        return true;
    }
    return false;
}

static void dspc_apps_write(HeteroDspCtrlState *s, hwaddr off,
                            uint32_t value, DspCtrlUpdate *u)
{
    bool run = value & HETERO_DSP_CTRL_CTRL_RUN;

    switch (off) {
    case HETERO_DSP_CTRL_APPS_BOOT_ADDR:
        s->boot_addr = value;
        s->boot_addr_written = true;
        return;
    case HETERO_DSP_CTRL_APPS_CTRL:
        if (run && !s->run) {
            dspc_start_boot(s, u);
        } else if (!run && s->run) {
            s->run = false;
            u->edge = DSPC_EDGE_HOLD;
        }
        return;
    case HETERO_DSP_CTRL_APPS_INT_STATUS:
        s->int_status &= ~value;
        return;
    case HETERO_DSP_CTRL_APPS_INT_ENABLE:
        s->int_enable = value & HETERO_DSP_CTRL_INT_MASK;
        return;
    }
    log_mask(LOG_GUEST_ERROR, "hetero-dsp-ctrl: apps view: write of 0x%x "
             "to %s offset 0x%03x ignored\n", value,
             dspc_apps_is_read_only(off) ? "read-only" : "reserved",
             (unsigned)off);
}

/* ---------------------------------------------------------------------- */
/* DSP view (s->lock held)                                                */

static uint32_t dspc_dsp_read(HeteroDspCtrlState *s, hwaddr off)
{
    switch (off) {
    case HETERO_DSP_CTRL_DSP_ID:
        return HETERO_DSP_CTRL_ID_VALUE;
    case HETERO_DSP_CTRL_DSP_FW_STATE:
        return s->fw_state;
    case HETERO_DSP_CTRL_DSP_FW_CODE:
        return s->fw_code;
    case HETERO_DSP_CTRL_DSP_BOOT_ADDR:
        return s->boot_addr_latched;
    case HETERO_DSP_CTRL_DSP_BOOT_COUNT:
        return s->boot_count;
    }
    log_mask(LOG_GUEST_ERROR, "hetero-dsp-ctrl: dsp view: read of reserved "
             "offset 0x%03x\n", (unsigned)off);
    return 0;
}

static void dspc_dsp_write(HeteroDspCtrlState *s, hwaddr off,
                           uint32_t value)
{
    switch (off) {
    case HETERO_DSP_CTRL_DSP_FW_STATE:
        if (value == HETERO_DSP_CTRL_FW_STATE_READY) {
            s->int_status |= HETERO_DSP_CTRL_INT_READY;
        } else if (value == HETERO_DSP_CTRL_FW_STATE_FATAL) {
            s->int_status |= HETERO_DSP_CTRL_INT_FATAL;
        } else {
            log_mask(LOG_GUEST_ERROR, "hetero-dsp-ctrl: dsp view: FW_STATE "
                     "0x%x ignored (accepted: 1 READY, 2 FATAL)\n", value);
            return;
        }
        s->fw_state = value;
        return;
    case HETERO_DSP_CTRL_DSP_FW_CODE:
        s->fw_code = value;
        return;
    }
    log_mask(LOG_GUEST_ERROR, "hetero-dsp-ctrl: dsp view: write of 0x%x to "
             "%s offset 0x%03x ignored\n", value,
             off == HETERO_DSP_CTRL_DSP_ID ||
             off == HETERO_DSP_CTRL_DSP_BOOT_ADDR ||
             off == HETERO_DSP_CTRL_DSP_BOOT_COUNT ? "read-only" :
             "reserved", (unsigned)off);
}

/* ---------------------------------------------------------------------- */
/* MMIO                                                                   */

/* Registers take aligned 32-bit accesses only; log anything else. */
static bool dspc_access_ok(bool apps, hwaddr addr, unsigned size,
                           bool write)
{
    return qdev_reg32_access_ok(apps ? "hetero-dsp-ctrl: apps view"
                                     : "hetero-dsp-ctrl: dsp view",
                                addr, size, write);
}

static uint64_t dspc_read(HeteroDspCtrlState *s, bool apps, hwaddr addr,
                          unsigned size)
{
    uint32_t value;

    if (!dspc_access_ok(apps, addr, size, false)) {
        return 0;
    }
    g_mutex_lock(&s->lock);
    value = apps ? dspc_apps_read(s, addr) : dspc_dsp_read(s, addr);
    g_mutex_unlock(&s->lock);
    return value;
}

static void dspc_write(HeteroDspCtrlState *s, bool apps, hwaddr addr,
                       uint64_t data, unsigned size)
{
    DspCtrlUpdate u = { .edge = DSPC_EDGE_NONE };

    if (!dspc_access_ok(apps, addr, size, true)) {
        return;
    }
    g_mutex_lock(&s->drive_lock);
    g_mutex_lock(&s->lock);
    if (apps) {
        dspc_apps_write(s, addr, (uint32_t)data, &u);
    } else {
        dspc_dsp_write(s, addr, (uint32_t)data);
    }
    u.irq_level = dspc_irq_level(s);
    g_mutex_unlock(&s->lock);
    dspc_drive(s, &u, false);
    g_mutex_unlock(&s->drive_lock);
}

static uint64_t dspc_apps_mmio_read(void *opaque, hwaddr addr, unsigned size)
{
    return dspc_read(opaque, true, addr, size);
}

static void dspc_apps_mmio_write(void *opaque, hwaddr addr, uint64_t data,
                                 unsigned size)
{
    dspc_write(opaque, true, addr, data, size);
}

static uint64_t dspc_dsp_mmio_read(void *opaque, hwaddr addr, unsigned size)
{
    return dspc_read(opaque, false, addr, size);
}

static void dspc_dsp_mmio_write(void *opaque, hwaddr addr, uint64_t data,
                                unsigned size)
{
    dspc_write(opaque, false, addr, data, size);
}

/*
 * The bus lets every size and alignment through so that the device logs
 * bad accesses and answers 0 itself, as the spec asks.
 */
static const MemoryRegionOps dspc_ops[2] = {
    [HETERO_DSP_CTRL_VIEW_APPS] = {
        .read = dspc_apps_mmio_read,
        .write = dspc_apps_mmio_write,
        .endianness = DEVICE_LITTLE_ENDIAN,
        .valid = { .min_access_size = 1, .max_access_size = 8,
                   .unaligned = true },
        .impl = { .min_access_size = 1, .max_access_size = 8,
                  .unaligned = true },
    },
    [HETERO_DSP_CTRL_VIEW_DSP] = {
        .read = dspc_dsp_mmio_read,
        .write = dspc_dsp_mmio_write,
        .endianness = DEVICE_LITTLE_ENDIAN,
        .valid = { .min_access_size = 1, .max_access_size = 8,
                   .unaligned = true },
        .impl = { .min_access_size = 1, .max_access_size = 8,
                  .unaligned = true },
    },
};

/* ---------------------------------------------------------------------- */
/* Life cycle                                                             */

/*
 * From-cpu mode: put back the boot CPU's property that a release changed,
 * unless someone else (a loader) set it since.  drive_lock held.
 */
static void dspc_restore_boot_pc(HeteroDspCtrlState *s)
{
    if (s->pc_restore &&
        object_property_get_uint(s->boot_cpu, s->boot_pc_property, NULL) ==
        s->pc_written) {
        object_property_set_uint(s->boot_cpu, s->boot_pc_property,
                                 s->pc_before, NULL);
    }
    s->pc_restore = false;
}

static void dspc_reset_enter(Object *obj, ResetType type)
{
    HeteroDspCtrlState *s = HETERO_DSP_CTRL(obj);
    DspCtrlUpdate unused = { .edge = DSPC_EDGE_NONE };

    g_mutex_lock(&s->drive_lock);
    dspc_restore_boot_pc(s);
    g_mutex_unlock(&s->drive_lock);
    g_mutex_lock(&s->lock);
    s->boot_addr = s->boot_addr_reset;
    s->boot_addr_written = false;
    s->run = false;
    s->fw_state = 0;
    s->fw_code = 0;
    s->boot_addr_latched = 0;
    s->boot_count = 0;
    s->int_status = 0;
    s->int_enable = 0;
    if (s->autostart) {
        dspc_start_boot(s, &unused);    /* RUN = 1, BOOT_COUNT = 1 */
    }
    g_mutex_unlock(&s->lock);
}

/* Drive dsp-reset to !RUN (setting the boot PC first) and the irq. */
static void dspc_reset_hold(Object *obj, ResetType type)
{
    HeteroDspCtrlState *s = HETERO_DSP_CTRL(obj);
    DspCtrlUpdate u;

    g_mutex_lock(&s->drive_lock);
    g_mutex_lock(&s->lock);
    u.edge = s->run ? DSPC_EDGE_RELEASE : DSPC_EDGE_HOLD;
    u.boot_pc = s->boot_addr_latched;
    u.irq_level = dspc_irq_level(s);
    g_mutex_unlock(&s->lock);
    dspc_drive(s, &u, true);
    g_mutex_unlock(&s->drive_lock);
}

/* dsp-reset to !RUN, as the reset's hold phase does (at realize). */
static void dspc_drive_reset_line(HeteroDspCtrlState *s)
{
    DspCtrlUpdate u = { .edge = DSPC_EDGE_NONE };

    g_mutex_lock(&s->drive_lock);
    g_mutex_lock(&s->lock);
    u.edge = s->run ? DSPC_EDGE_RELEASE : DSPC_EDGE_HOLD;
    u.boot_pc = s->boot_addr_latched;
    g_mutex_unlock(&s->lock);
    if (u.edge == DSPC_EDGE_RELEASE) {
        dspc_set_boot_pc(s, u.boot_pc);
    }
    irq_set_level(s->dsp_reset, u.edge == DSPC_EDGE_HOLD);
    g_mutex_unlock(&s->drive_lock);
}

static bool dspc_realize(Object *obj, Error **errp)
{
    HeteroDspCtrlState *s = HETERO_DSP_CTRL(obj);
    g_autofree char *what = NULL;

    if (DEVICE_GET_CLASS(obj)->parent_realize &&
        !DEVICE_GET_CLASS(obj)->parent_realize(obj, errp)) {
        return false;
    }
    what = object_describe(obj);
    if (s->shared_size > UINT32_MAX) {
        error_setg(errp, "%s: shared-size 0x%" PRIx64 " is too large "
                   "(SHARED_SIZE is 32-bit: at most 0xffffffff)", what,
                   s->shared_size);
        return false;
    }
    if (s->boot_addr_from_cpu && !s->boot_cpu) {
        error_setg(errp, "%s: boot-addr-from-cpu=on needs a boot-cpu (the "
                   "CPU whose boot-pc-property gives BOOT_ADDR)", what);
        return false;
    }
    if (s->boot_cpu) {
        if (!s->boot_pc_property || !*s->boot_pc_property) {
            error_setg(errp, "%s: boot-pc-property is empty (it names the "
                       "boot-cpu property that receives BOOT_ADDR)", what);
            return false;
        }
        if (!object_property_find(s->boot_cpu, s->boot_pc_property)) {
            g_autofree char *cpu = object_describe(s->boot_cpu);

            error_setg(errp, "%s: boot-cpu %s has no property '%s' "
                       "(boot-pc-property) to receive BOOT_ADDR", what, cpu,
                       s->boot_pc_property);
            return false;
        }
    }
    /*
     * Registers at their reset values and dsp-reset driven, so the DSP is
     * held from the start even where no board code holds it (a machine
     * file) and no machine reset comes before the run.  Its receiver
     * must be realized first; the apps interrupt (low) waits for reset.
     */
    dspc_reset_enter(obj, RESET_TYPE_COLD);
    dspc_drive_reset_line(s);
    return true;
}

static void dspc_instance_init(Object *obj)
{
    HeteroDspCtrlState *s = HETERO_DSP_CTRL(obj);
    DeviceState *dev = DEVICE(obj);

    g_mutex_init(&s->drive_lock);
    g_mutex_init(&s->lock);
    s->driven_irq = -1;
    memory_region_init_io(&s->iomem[HETERO_DSP_CTRL_VIEW_APPS], obj,
                          &dspc_ops[HETERO_DSP_CTRL_VIEW_APPS], s,
                          "hetero-dsp-ctrl.apps", HETERO_DSP_CTRL_MMIO_SIZE);
    memory_region_init_io(&s->iomem[HETERO_DSP_CTRL_VIEW_DSP], obj,
                          &dspc_ops[HETERO_DSP_CTRL_VIEW_DSP], s,
                          "hetero-dsp-ctrl.dsp", HETERO_DSP_CTRL_MMIO_SIZE);
    qdev_init_mmio(dev, &s->iomem[HETERO_DSP_CTRL_VIEW_APPS]);
    qdev_init_mmio(dev, &s->iomem[HETERO_DSP_CTRL_VIEW_DSP]);
    qdev_init_gpio_out(dev, &s->irq, 1);
    qdev_init_gpio_out_named(dev, &s->dsp_reset,
                             HETERO_DSP_CTRL_GPIO_DSP_RESET, 1);
}

static void dspc_instance_finalize(Object *obj)
{
    HeteroDspCtrlState *s = HETERO_DSP_CTRL(obj);

    memory_region_finalize(&s->iomem[HETERO_DSP_CTRL_VIEW_APPS]);
    memory_region_finalize(&s->iomem[HETERO_DSP_CTRL_VIEW_DSP]);
    g_mutex_clear(&s->lock);
    g_mutex_clear(&s->drive_lock);
}

static const PropDef dspc_props[] = {
    DEFINE_PROP_UINT32("boot-addr", HeteroDspCtrlState, boot_addr_reset, 0,
                       "BOOT_ADDR after reset: where DSP thread 0 starts"),
    DEFINE_PROP_BOOL("autostart", HeteroDspCtrlState, autostart, false,
                     "release the DSP at reset instead of waiting for "
                     "CTRL.RUN"),
    DEFINE_PROP_UINT64("shared-base", HeteroDspCtrlState, shared_base, 0,
                       "apps physical address of the shared carveout"),
    DEFINE_PROP_UINT64("shared-size", HeteroDspCtrlState, shared_size, 0,
                       "size of the shared carveout in bytes "
                       "(at most 0xffffffff)"),
    DEFINE_PROP_UINT32("dsp-shared-base", HeteroDspCtrlState,
                       dsp_shared_base,
                       HETERO_DSP_CTRL_DEFAULT_DSP_SHARED_BASE,
                       "DSP address of the shared carveout"),
    DEFINE_PROP_LINK("boot-cpu", HeteroDspCtrlState, boot_cpu, TYPE_OBJECT,
                     "the DSP's thread 0, told BOOT_ADDR on each release"),
    {
        .name = "boot-pc-property", .kind = PROP_KIND_STRING,
        .type_name = "string",
        PROP_FIELD_CHECKED_(HeteroDspCtrlState, boot_pc_property, char *),
        .description = "property of boot-cpu that receives BOOT_ADDR",
        .flags = PROP_F_CONFIG, .has_default = true,
        .def_s = HETERO_DSP_CTRL_DEFAULT_BOOT_PC_PROPERTY,
    },
    DEFINE_PROP_BOOL("boot-addr-from-cpu", HeteroDspCtrlState,
                     boot_addr_from_cpu, false,
                     "BOOT_ADDR's reset value is boot-cpu's "
                     "boot-pc-property (e.g. set by -device "
                     "loader,cpu-num=0) instead of boot-addr"),
    PROP_END
};

static void dspc_class_init(ObjectClass *oc, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);

    dc->desc = "hetero-virt DSP subsystem controller (boot and status)";
    dc->category = DEVICE_CATEGORY_MISC;
    dc->parent_realize = oc->realize;
    dc->reset_enter = dspc_reset_enter;
    dc->reset_hold = dspc_reset_hold;
    oc->realize = dspc_realize;
    object_class_add_field_props(oc, dspc_props);
    /* boards set it again when a loader brings the DSP's image later */
    object_class_property_find(oc, "boot-addr")->flags |= PROP_F_RUNTIME;
}

static const TypeInfo dspc_types[] = {
    {
        .name = TYPE_HETERO_DSP_CTRL,
        .parent = TYPE_DEVICE,
        .description = "hetero-virt DSP subsystem controller",
        .instance_size = sizeof(HeteroDspCtrlState),
        .instance_init = dspc_instance_init,
        .instance_finalize = dspc_instance_finalize,
        .class_init = dspc_class_init,
    },
};

DEFINE_TYPES(dspc_types)
