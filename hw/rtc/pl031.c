/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Arm PrimeCell real-time clock (PL031) model (include/hw/rtc/pl031.h).
 *
 * Spec: Arm PrimeCell Real Time Clock (PL031) Technical Reference Manual,
 * ARM DDI 0224, chapter 3 (registers RTCDR, RTCMR, RTCLR, RTCCR,
 * RTCIMSC, RTCRIS, RTCMIS, RTCICR and the identification registers).
 *
 * What is modelled and how:
 *  - The 32-bit counter is not stored: it is computed as
 *    base_s + whole seconds of virtual time since base_ns (mod 2^32).
 *    Realize sets base_s to the host's wall clock (Unix seconds), a write
 *    to RTCLR sets base_s to the value and base_ns to now, so the counter
 *    increments one second after the load, as the TRM's 1 Hz CLK1HZ does.
 *  - RTCCR.RTCStart reads 1 from reset: the RTC is running, as a
 *    battery-backed RTC started before the guest.  The TRM says writes to
 *    the bit have no effect once started, so they are ignored.
 *  - The match interrupt: a timer on the machine's virtual clock fires at
 *    the second the counter next becomes RTCMR and sets RTCRIS; RTCINTR =
 *    RTCRIS & RTCIMSC; RTCICR bit 0 clears RTCRIS.  Writing RTCMR or RTCLR
 *    re-arms the timer.
 *  - Reset (cold or warm) clears RTCMR, RTCLR, RTCIMSC and RTCRIS but not
 *    the counter (the time survives a reset, as on a real board).
 *  - Registers are 32 bits wide; narrower accesses are logged under
 *    -d guest_errors and act on the register holding them.
 *
 * Threads: MMIO comes from vCPU threads, the match timer from the thread
 * running the virtual clock; the state is under s->lock, also held while
 * the irq line is driven.
 */
#include "hw/rtc/pl031.h"

#include "hemu/osdep.h"
#include "hw/boards.h"
#include "hw/qdev.h"
#include "system/memory.h"
#include "util/log.h"
#include "util/timer.h"

OBJECT_DECLARE_SIMPLE_TYPE(PL031State, PL031)

/* Register offsets (TRM table 3-1). */
enum {
    PL031_DR = 0x000,
    PL031_MR = 0x004,
    PL031_LR = 0x008,
    PL031_CR = 0x00c,
    PL031_IMSC = 0x010,
    PL031_RIS = 0x014,
    PL031_MIS = 0x018,
    PL031_ICR = 0x01c,
    PL031_ID_BASE = 0xfe0,      /* PeriphID0..3, PCellID0..3 */
};

#define PL031_INT 1u            /* the one interrupt bit */
#define PL031_CR_START 1u

/* RTCPeriphID0-3 (part 0x031, designer 0x41 Arm, revision 0), then
   RTCPCellID0-3 (TRM 3.3.9-3.3.10). */
static const uint8_t pl031_id[8] = {
    0x31, 0x10, 0x04, 0x00, 0x0d, 0xf0, 0x05, 0xb1
};

struct PL031State {
    DeviceState parent_obj;
    MemoryRegion iomem;         /* MMIO region 0, PL031_MMIO_SIZE bytes */
    GMutex lock;                /* guards everything below */
    IRQLine *irq;               /* output "irq": RTCINTR */
    TimerClock *vclock;         /* the machine's; set at realize */
    Timer *match;               /* fires when the counter becomes mr;
                                   NULL until realized */
    uint32_t base_s;            /* counter value at base_ns */
    int64_t base_ns;            /* virtual-clock ns of the last load */
    uint32_t mr;                /* RTCMR */
    uint32_t lr;                /* RTCLR: the last value loaded */
    uint32_t imsc;              /* RTCIMSC, bit 0 */
    uint32_t ris;               /* RTCRIS, bit 0 */
};

/* ---------------------------------------------------------------------- */
/* The counter (s->lock held)                                             */

/* Whole seconds since the last load; the clock never runs backwards. */
static int64_t pl031_elapsed(PL031State *s, int64_t now)
{
    return now > s->base_ns ? (now - s->base_ns) / NANOSECONDS_PER_SECOND
                            : 0;
}

static uint32_t pl031_count(PL031State *s)
{
    int64_t now = timer_clock_get_ns(s->vclock);

    return s->base_s + (uint32_t)pl031_elapsed(s, now);
}

static void pl031_update_irq(PL031State *s)
{
    irq_set_level(s->irq, (s->ris & s->imsc & PL031_INT) != 0);
}

/* Arm the match timer for the next second at which the counter == mr. */
static void pl031_arm(PL031State *s)
{
    int64_t now = timer_clock_get_ns(s->vclock);
    int64_t elapsed = pl031_elapsed(s, now);
    uint32_t count = s->base_s + (uint32_t)elapsed;
    /* seconds until the next increment that makes count == mr */
    uint64_t delta = (uint32_t)(s->mr - count);

    if (!delta) {
        delta = 1ull << 32;     /* it is equal now: next time round */
    }
    timer_mod_ns(s->match, s->base_ns +
                 (elapsed + (int64_t)delta) * NANOSECONDS_PER_SECOND);
}

static void pl031_match(void *opaque)
{
    PL031State *s = opaque;

    g_mutex_lock(&s->lock);
    s->ris |= PL031_INT;
    pl031_update_irq(s);
    pl031_arm(s);
    g_mutex_unlock(&s->lock);
}

/* ---------------------------------------------------------------------- */
/* Registers                                                              */

static uint32_t pl031_reg_read(PL031State *s, hwaddr off)
{
    switch (off) {
    case PL031_DR:
        return pl031_count(s);
    case PL031_MR:
        return s->mr;
    case PL031_LR:
        return s->lr;
    case PL031_CR:
        return PL031_CR_START;
    case PL031_IMSC:
        return s->imsc;
    case PL031_RIS:
        return s->ris;
    case PL031_MIS:
        return s->ris & s->imsc;
    default:
        if (off >= PL031_ID_BASE && off < PL031_MMIO_SIZE) {
            return pl031_id[(off - PL031_ID_BASE) / 4];
        }
        log_mask(LOG_GUEST_ERROR, "pl031: read of %s offset 0x%03x\n",
                 off == PL031_ICR ? "write-only" : "reserved",
                 (unsigned)off);
        return 0;
    }
}

static void pl031_reg_write(PL031State *s, hwaddr off, uint32_t value)
{
    switch (off) {
    case PL031_MR:
        s->mr = value;
        pl031_arm(s);
        break;
    case PL031_LR:
        s->lr = value;
        s->base_s = value;
        s->base_ns = timer_clock_get_ns(s->vclock);
        pl031_arm(s);
        break;
    case PL031_CR:
        /* RTCStart is set from reset; writes have no effect (TRM 3.3.4) */
        break;
    case PL031_IMSC:
        s->imsc = value & PL031_INT;
        break;
    case PL031_ICR:
        s->ris &= ~(value & PL031_INT);
        break;
    default:
        log_mask(LOG_GUEST_ERROR, "pl031: write of 0x%x to %s offset "
                 "0x%03x\n", value,
                 off == PL031_DR || off == PL031_RIS || off == PL031_MIS ||
                 off >= PL031_ID_BASE ? "read-only" : "reserved",
                 (unsigned)off);
        return;
    }
    pl031_update_irq(s);
}

static uint64_t pl031_read(void *opaque, hwaddr addr, unsigned size)
{
    PL031State *s = opaque;
    uint32_t value;

    qdev_reg32_access_ok("pl031", addr, size, false);
    g_mutex_lock(&s->lock);
    value = pl031_reg_read(s, addr & ~(hwaddr)3);
    g_mutex_unlock(&s->lock);
    return value >> ((addr & 3) * 8);
}

static void pl031_write(void *opaque, hwaddr addr, uint64_t data,
                        unsigned size)
{
    PL031State *s = opaque;

    qdev_reg32_access_ok("pl031", addr, size, true);
    g_mutex_lock(&s->lock);
    pl031_reg_write(s, addr & ~(hwaddr)3, (uint32_t)(data << ((addr & 3) * 8)));
    g_mutex_unlock(&s->lock);
}

static const MemoryRegionOps pl031_ops = {
    .read = pl031_read,
    .write = pl031_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 1, .max_access_size = 4 },
    .impl = { .min_access_size = 1, .max_access_size = 4 },
};

/* ---------------------------------------------------------------------- */
/* Life cycle                                                             */

static void pl031_reset_enter(Object *obj, ResetType type)
{
    PL031State *s = PL031(obj);

    g_mutex_lock(&s->lock);
    s->mr = 0;
    s->lr = 0;
    s->imsc = 0;
    s->ris = 0;
    if (s->match) {
        pl031_arm(s);
    }
    g_mutex_unlock(&s->lock);
}

static void pl031_reset_hold(Object *obj, ResetType type)
{
    PL031State *s = PL031(obj);

    g_mutex_lock(&s->lock);
    pl031_update_irq(s);
    g_mutex_unlock(&s->lock);
}

static bool pl031_realize(Object *obj, Error **errp)
{
    PL031State *s = PL031(obj);
    MachineState *ms = machine_of(obj);

    if (DEVICE_GET_CLASS(obj)->parent_realize &&
        !DEVICE_GET_CLASS(obj)->parent_realize(obj, errp)) {
        return false;
    }
    if (!ms) {
        g_autofree char *what = object_describe(obj);

        error_setg(errp, "%s: a pl031 must be inside a machine (its "
                   "counter runs on the machine's virtual clock)", what);
        return false;
    }
    s->vclock = ms->virtual_clock;
    s->match = timer_new_ns(s->vclock, pl031_match, s);
    g_mutex_lock(&s->lock);
    s->base_s = (uint32_t)(g_get_real_time() / G_USEC_PER_SEC);
    s->base_ns = timer_clock_get_ns(s->vclock);
    g_mutex_unlock(&s->lock);
    pl031_reset_enter(obj, RESET_TYPE_COLD);
    return true;
}

static void pl031_unrealize(Object *obj)
{
    PL031State *s = PL031(obj);

    timer_free(s->match);
    s->match = NULL;
}

static void pl031_instance_init(Object *obj)
{
    PL031State *s = PL031(obj);
    DeviceState *dev = DEVICE(obj);

    g_mutex_init(&s->lock);
    memory_region_init_io(&s->iomem, obj, &pl031_ops, s, "pl031",
                          PL031_MMIO_SIZE);
    qdev_init_mmio(dev, &s->iomem);
    qdev_init_gpio_out_named(dev, &s->irq, "irq", 1);
}

static void pl031_instance_finalize(Object *obj)
{
    PL031State *s = PL031(obj);

    if (s->match) {
        pl031_unrealize(obj);
    }
    memory_region_finalize(&s->iomem);
    g_mutex_clear(&s->lock);
}

static void pl031_class_init(ObjectClass *oc, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);

    dc->desc = "Arm PrimeCell real-time clock (PL031)";
    dc->category = DEVICE_CATEGORY_TIMER;
    dc->parent_realize = oc->realize;
    dc->reset_enter = pl031_reset_enter;
    dc->reset_hold = pl031_reset_hold;
    oc->realize = pl031_realize;
    oc->unrealize = pl031_unrealize;
}

static const TypeInfo pl031_types[] = {
    {
        .name = TYPE_PL031,
        .parent = TYPE_DEVICE,
        .description = "Arm PrimeCell real-time clock (PL031)",
        .instance_size = sizeof(PL031State),
        .instance_init = pl031_instance_init,
        .instance_finalize = pl031_instance_finalize,
        .class_init = pl031_class_init,
    },
};

DEFINE_TYPES(pl031_types)
