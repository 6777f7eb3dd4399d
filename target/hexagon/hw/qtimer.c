/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The Hexagon QTimer (target/hexagon/hw/qtimer.h for the device's pins):
 * an Arm memory-mapped generic timer with nr-frames physical timers.
 *
 * Access-control block (MMIO 0, CNTCTLBase layout):
 *   0x000 CNTFRQ  RW  frequency reported by the frames (reset: freq-hz);
 *                     as on Arm, writing it does not change the rate
 *   0x004 CNTSR   RW  one bit per frame (secure frames; no effect here)
 *   0x008 CNTTID  RO  0x1 per implemented frame (FI; no virtual timer,
 *                     no EL0 view)
 *   0x040 + 4n CNTACR<n> RW, 6 bits, reset 0x3f: bit 0 RPCT gates CNTPCT,
 *                     bit 2 RFRQ gates CNTFRQ, bit 5 RWPT gates CNTP_*;
 *                     the virtual-timer bits are kept but gate nothing
 *   0xfd0 version RO  0x20020000
 * Timer frame n (MMIO 1 at n * 0x1000, CNTBase layout):
 *   0x00/0x04 CNTPCT_LO/HI RO  the count, 56 bits (HI holds bits 55:32)
 *   0x10 CNTFRQ RO, 0x14 CNTPL0ACR RW (kept; there is no EL0 view)
 *   0x20/0x24 CNTP_CVAL_LO/HI RW (56 bits), 0x28 CNTP_TVAL RW (signed
 *   32-bit CVAL - CNTPCT; a write sets CVAL = CNTPCT + TVAL), 0x2c CNTP_CTL
 *   (bit 0 EN, bit 1 IMASK, bit 2 ISTAT read-only), 0xfd0 version RO.
 * A register its CNTACR bit does not allow reads as zero and ignores
 * writes (logged).  Registers are 32-bit; 64-bit accesses to CNTPCT and
 * CNTP_CVAL read or write the whole value at once.
 *
 * Time: count = (virtual ns - ns at reset) * freq-hz / 1e9, in 128 bits,
 * so it is frozen while the machine is paused.  ISTAT = EN and count >=
 * CVAL (Arm ARM D11.2.4), computed when read; a Timer on the virtual
 * clock fires at the first ns where the count reaches CVAL to raise the
 * level.  Changing CVAL, TVAL or CTL, or reading CTL, recomputes the level
 * at once (so a guest that polls ISTAT sees the line agree with it).
 *
 * Threads: MMIO comes from vCPU threads, expiries from the thread running
 * the virtual clock; the state is under s->lock, which is held while the
 * outputs are driven (so levels leave in order).  A line's consumer must
 * not call back into the QTimer from its handler.
 */
#include "qtimer.h"

#include "hw/boards.h"
#include "hw/qdev.h"
#include "system/memory.h"
#include "util/bitops.h"
#include "util/log.h"
#include "util/timer.h"

OBJECT_DECLARE_SIMPLE_TYPE(HexQTimerState, HEX_QTIMER)

__extension__ typedef unsigned __int128 QTimerU128;

#define QTIMER_VERSION_VALUE 0x20020000u
#define QTIMER_COUNT_BITS 56
#define QTIMER_COUNT_MASK ((1ull << QTIMER_COUNT_BITS) - 1)

enum {
    AC_CNTFRQ = 0x000,
    AC_CNTSR = 0x004,
    AC_CNTTID = 0x008,
    AC_CNTACR = 0x040,
    QT_VERSION = 0xfd0,
    FR_CNTPCT_LO = 0x00,
    FR_CNTPCT_HI = 0x04,
    FR_CNTFRQ = 0x10,
    FR_CNTPL0ACR = 0x14,
    FR_CVAL_LO = 0x20,
    FR_CVAL_HI = 0x24,
    FR_TVAL = 0x28,
    FR_CTL = 0x2c,
};

#define CNTACR_RPCT (1u << 0)
#define CNTACR_RFRQ (1u << 2)
#define CNTACR_RWPT (1u << 5)
#define CNTACR_ALL 0x3fu
#define CTL_EN (1u << 0)
#define CTL_IMASK (1u << 1)
#define CTL_ISTAT (1u << 2)

typedef struct HexQTimerFrame {
    struct HexQTimerState *qt;
    Timer *timer;               /* fires when the count reaches cval */
    uint64_t cval;              /* CNTP_CVAL, 56 bits */
    uint32_t ctl;               /* CNTP_CTL EN | IMASK */
    uint32_t cntpl0acr;         /* as written (10 bits) */
    uint32_t cntacr;            /* CNTACR<n>, 6 bits */
    int level;                  /* level last driven on the output */
} HexQTimerFrame;

struct HexQTimerState {
    DeviceState parent_obj;
    MemoryRegion ac_iomem;      /* MMIO 0 */
    MemoryRegion frame_iomem;   /* MMIO 1, QTIMER_MAX_FRAMES frames */
    IRQLine *out[QTIMER_MAX_FRAMES]; /* unnamed outputs */
    uint32_t freq_hz;           /* property; counter rate, >= 1 */
    uint32_t nr_frames;         /* property; 1..QTIMER_MAX_FRAMES */
    TimerClock *vclock;         /* the machine's; set at realize */
    GMutex lock;                /* guards everything below */
    int64_t base_ns;            /* virtual ns at which the count was 0 */
    uint32_t cntfrq;            /* AC CNTFRQ as written */
    uint32_t cntsr;             /* AC CNTSR */
    HexQTimerFrame frame[QTIMER_MAX_FRAMES];
};

/* ---------------------------------------------------------------------- */
/* Time (s->lock held)                                                    */

static uint64_t qtimer_count(HexQTimerState *s)
{
    int64_t ns = s->vclock ? timer_clock_get_ns(s->vclock) - s->base_ns : 0;

    if (ns <= 0) {                      /* also: not realized yet */
        return 0;
    }
    return (uint64_t)((QTimerU128)ns * s->freq_hz / NANOSECONDS_PER_SECOND)
           & QTIMER_COUNT_MASK;
}

/* The first virtual ns at which the count reaches @ticks, or -1. */
static int64_t qtimer_deadline(HexQTimerState *s, uint64_t ticks)
{
    QTimerU128 ns = ((QTimerU128)ticks * NANOSECONDS_PER_SECOND +
                     s->freq_hz - 1) / s->freq_hz;

    if (ns > (QTimerU128)(INT64_MAX - s->base_ns)) {
        return -1;
    }
    return s->base_ns + (int64_t)ns;
}

static bool qtimer_istat(HexQTimerFrame *f)
{
    return (f->ctl & CTL_EN) && qtimer_count(f->qt) >= f->cval;
}

/* Recompute the output of @f and arm its timer for the next change. */
static void qtimer_update(HexQTimerFrame *f)
{
    bool istat = qtimer_istat(f);
    int level = istat && !(f->ctl & CTL_IMASK);
    int64_t when = -1;

    if (level != f->level) {
        f->level = level;
        irq_set_level(f->qt->out[f - f->qt->frame], level);
    }
    if ((f->ctl & CTL_EN) && !istat) {
        when = qtimer_deadline(f->qt, f->cval);
    }
    if (!f->timer) {
        return;                         /* not realized: nothing runs */
    }
    if (when >= 0) {
        timer_mod_ns(f->timer, when);
    } else {
        timer_del(f->timer);
    }
}

static void qtimer_expired(void *opaque)
{
    HexQTimerFrame *f = opaque;

    g_mutex_lock(&f->qt->lock);
    qtimer_update(f);
    g_mutex_unlock(&f->qt->lock);
}

/* ---------------------------------------------------------------------- */
/* Access-control block                                                   */

static uint32_t qtimer_cnttid(HexQTimerState *s)
{
    uint32_t v = 0;

    for (unsigned i = 0; i < s->nr_frames; i++) {
        v |= 1u << (4 * i);
    }
    return v;
}

static uint64_t qtimer_ac_read(void *opaque, hwaddr addr, unsigned size)
{
    HexQTimerState *s = opaque;
    uint32_t v = 0;

    g_mutex_lock(&s->lock);
    if (addr == AC_CNTFRQ) {
        v = s->cntfrq;
    } else if (addr == AC_CNTSR) {
        v = s->cntsr;
    } else if (addr == AC_CNTTID) {
        v = qtimer_cnttid(s);
    } else if (addr == QT_VERSION) {
        v = QTIMER_VERSION_VALUE;
    } else if (addr >= AC_CNTACR && addr < AC_CNTACR + 4 * s->nr_frames) {
        v = s->frame[(addr - AC_CNTACR) / 4].cntacr;
    } else {
        log_mask(LOG_GUEST_ERROR, "qct-qtimer: read of reserved "
                 "access-control offset 0x%03x\n", (unsigned)addr);
    }
    g_mutex_unlock(&s->lock);
    return v;
}

static void qtimer_ac_write(void *opaque, hwaddr addr, uint64_t data,
                            unsigned size)
{
    HexQTimerState *s = opaque;
    uint32_t v = data;

    g_mutex_lock(&s->lock);
    if (addr == AC_CNTFRQ) {
        s->cntfrq = v;
    } else if (addr == AC_CNTSR) {
        s->cntsr = v & ((1u << s->nr_frames) - 1);
    } else if (addr >= AC_CNTACR && addr < AC_CNTACR + 4 * s->nr_frames) {
        s->frame[(addr - AC_CNTACR) / 4].cntacr = v & CNTACR_ALL;
    } else {
        log_mask(LOG_GUEST_ERROR, "qct-qtimer: write of 0x%x to %s "
                 "access-control offset 0x%03x\n", v,
                 addr == AC_CNTTID || addr == QT_VERSION ? "read-only"
                                                         : "reserved",
                 (unsigned)addr);
    }
    g_mutex_unlock(&s->lock);
}

static const MemoryRegionOps qtimer_ac_ops = {
    .read = qtimer_ac_read,
    .write = qtimer_ac_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 4, .max_access_size = 4 },
    .impl = { .min_access_size = 4, .max_access_size = 4 },
};

/* ---------------------------------------------------------------------- */
/* Timer frames (s->lock held)                                            */

/* The CNTACR bit a frame register needs; 0 for ungated ones. */
static uint32_t qtimer_gate(hwaddr reg)
{
    switch (reg) {
    case FR_CNTPCT_LO:
    case FR_CNTPCT_HI:
        return CNTACR_RPCT;
    case FR_CNTFRQ:
        return CNTACR_RFRQ;
    case FR_CVAL_LO:
    case FR_CVAL_HI:
    case FR_TVAL:
    case FR_CTL:
        return CNTACR_RWPT;
    default:
        return 0;
    }
}

/* NULL (logged) when the access to @reg of frame @n is not allowed. */
static HexQTimerFrame *qtimer_frame(HexQTimerState *s, unsigned n,
                                    hwaddr reg, bool write)
{
    uint32_t gate = qtimer_gate(reg);

    if (n >= s->nr_frames) {
        log_mask(LOG_GUEST_ERROR, "qct-qtimer: %s of frame %u, which is "
                 "not implemented (%u frames)\n", write ? "write" : "read",
                 n, s->nr_frames);
        return NULL;
    }
    if (gate && !(s->frame[n].cntacr & gate)) {
        log_mask(LOG_GUEST_ERROR, "qct-qtimer: %s of frame %u offset 0x%02x "
                 "denied by CNTACR%u 0x%x\n", write ? "write" : "read", n,
                 (unsigned)reg, n, s->frame[n].cntacr);
        return NULL;
    }
    return &s->frame[n];
}

static uint32_t qtimer_frame_read(HexQTimerFrame *f, hwaddr reg)
{
    switch (reg) {
    case FR_CNTPCT_LO:
        return (uint32_t)qtimer_count(f->qt);
    case FR_CNTPCT_HI:
        return (uint32_t)(qtimer_count(f->qt) >> 32);
    case FR_CNTFRQ:
        return f->qt->cntfrq;
    case FR_CNTPL0ACR:
        return f->cntpl0acr;
    case FR_CVAL_LO:
        return (uint32_t)f->cval;
    case FR_CVAL_HI:
        return (uint32_t)(f->cval >> 32);
    case FR_TVAL:
        return (uint32_t)(f->cval - qtimer_count(f->qt));
    case FR_CTL:
        /* the guest sees ISTAT: the line follows it even if the
           expiry callback has not run yet on the clock's thread */
        qtimer_update(f);
        return f->ctl | (qtimer_istat(f) ? CTL_ISTAT : 0);
    case QT_VERSION:
        return QTIMER_VERSION_VALUE;
    default:
        log_mask(LOG_GUEST_ERROR, "qct-qtimer: read of reserved frame "
                 "offset 0x%03x\n", (unsigned)reg);
        return 0;
    }
}

static void qtimer_frame_write(HexQTimerFrame *f, hwaddr reg, uint32_t v)
{
    switch (reg) {
    case FR_CNTPL0ACR:
        f->cntpl0acr = v & 0x3ff;
        return;
    case FR_CVAL_LO:
        f->cval = deposit64(f->cval, 0, 32, v);
        break;
    case FR_CVAL_HI:
        f->cval = deposit64(f->cval, 32, QTIMER_COUNT_BITS - 32, v);
        break;
    case FR_TVAL:
        f->cval = (qtimer_count(f->qt) + (int64_t)(int32_t)v)
                  & QTIMER_COUNT_MASK;
        break;
    case FR_CTL:
        f->ctl = v & (CTL_EN | CTL_IMASK);
        break;
    default:
        log_mask(LOG_GUEST_ERROR, "qct-qtimer: write of 0x%x to %s frame "
                 "offset 0x%03x\n", v, reg == FR_CNTPCT_LO ||
                 reg == FR_CNTPCT_HI || reg == FR_CNTFRQ ||
                 reg == QT_VERSION ? "read-only" : "reserved",
                 (unsigned)reg);
        return;
    }
    qtimer_update(f);
}

static uint64_t qtimer_frames_read(void *opaque, hwaddr addr, unsigned size)
{
    HexQTimerState *s = opaque;
    hwaddr reg = addr % QTIMER_FRAME_SIZE;
    HexQTimerFrame *f;
    uint64_t v = 0;

    g_mutex_lock(&s->lock);
    f = qtimer_frame(s, addr / QTIMER_FRAME_SIZE, reg, false);
    if (f && size == 8 && reg == FR_CNTPCT_LO) {
        v = qtimer_count(s);
    } else if (f && size == 8 && reg == FR_CVAL_LO) {
        v = f->cval;
    } else if (f) {
        v = qtimer_frame_read(f, reg);
        if (size == 8) {
            v |= (uint64_t)qtimer_frame_read(f, reg + 4) << 32;
        }
    }
    g_mutex_unlock(&s->lock);
    return v;
}

static void qtimer_frames_write(void *opaque, hwaddr addr, uint64_t data,
                                unsigned size)
{
    HexQTimerState *s = opaque;
    hwaddr reg = addr % QTIMER_FRAME_SIZE;
    HexQTimerFrame *f;

    g_mutex_lock(&s->lock);
    f = qtimer_frame(s, addr / QTIMER_FRAME_SIZE, reg, true);
    if (f && size == 8 && reg == FR_CVAL_LO) {
        f->cval = data & QTIMER_COUNT_MASK;
        qtimer_update(f);
    } else if (f) {
        qtimer_frame_write(f, reg, (uint32_t)data);
        if (size == 8) {
            qtimer_frame_write(f, reg + 4, (uint32_t)(data >> 32));
        }
    }
    g_mutex_unlock(&s->lock);
}

static const MemoryRegionOps qtimer_frame_ops = {
    .read = qtimer_frames_read,
    .write = qtimer_frames_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 4, .max_access_size = 8 },
    .impl = { .min_access_size = 4, .max_access_size = 8 },
};

uint64_t hex_qtimer_read_count(DeviceState *qtimer)
{
    HexQTimerState *s = HEX_QTIMER(qtimer);
    uint64_t v;

    g_mutex_lock(&s->lock);
    v = qtimer_count(s);
    g_mutex_unlock(&s->lock);
    return v;
}

/* ---------------------------------------------------------------------- */
/* Life cycle                                                             */

static void qtimer_reset_enter(Object *obj, ResetType type)
{
    HexQTimerState *s = HEX_QTIMER(obj);

    g_mutex_lock(&s->lock);
    s->base_ns = s->vclock ? timer_clock_get_ns(s->vclock) : 0;
    s->cntfrq = s->freq_hz;
    s->cntsr = 0;
    for (unsigned i = 0; i < QTIMER_MAX_FRAMES; i++) {
        HexQTimerFrame *f = &s->frame[i];

        f->cval = 0;
        f->ctl = 0;
        f->cntpl0acr = 0;
        f->cntacr = CNTACR_ALL;
        if (f->timer) {
            timer_del(f->timer);
        }
    }
    g_mutex_unlock(&s->lock);
}

static void qtimer_reset_hold(Object *obj, ResetType type)
{
    HexQTimerState *s = HEX_QTIMER(obj);

    g_mutex_lock(&s->lock);
    for (unsigned i = 0; i < QTIMER_MAX_FRAMES; i++) {
        s->frame[i].level = 0;
        irq_set_level(s->out[i], 0);
    }
    g_mutex_unlock(&s->lock);
}

static bool qtimer_realize(Object *obj, Error **errp)
{
    HexQTimerState *s = HEX_QTIMER(obj);
    MachineState *ms = machine_of(obj);

    if (DEVICE_GET_CLASS(obj)->parent_realize &&
        !DEVICE_GET_CLASS(obj)->parent_realize(obj, errp)) {
        return false;
    }
    if (!ms) {
        g_autofree char *what = object_describe(obj);

        error_setg(errp, "%s: a qct-qtimer must be inside a machine (it "
                   "counts on the machine's virtual clock)", what);
        return false;
    }
    s->vclock = ms->virtual_clock;
    for (unsigned i = 0; i < s->nr_frames; i++) {
        s->frame[i].timer = timer_new_ns(s->vclock, qtimer_expired,
                                         &s->frame[i]);
    }
    qtimer_reset_enter(obj, RESET_TYPE_COLD);
    return true;
}

static void qtimer_unrealize(Object *obj)
{
    HexQTimerState *s = HEX_QTIMER(obj);

    for (unsigned i = 0; i < QTIMER_MAX_FRAMES; i++) {
        timer_free(s->frame[i].timer);
        s->frame[i].timer = NULL;
    }
    s->vclock = NULL;
}

static void qtimer_instance_init(Object *obj)
{
    HexQTimerState *s = HEX_QTIMER(obj);
    DeviceState *dev = DEVICE(obj);

    g_mutex_init(&s->lock);
    for (unsigned i = 0; i < QTIMER_MAX_FRAMES; i++) {
        s->frame[i].qt = s;
        s->frame[i].cntacr = CNTACR_ALL;
    }
    memory_region_init_io(&s->ac_iomem, obj, &qtimer_ac_ops, s,
                          "qct-qtimer-ac", QTIMER_FRAME_SIZE);
    memory_region_init_io(&s->frame_iomem, obj, &qtimer_frame_ops, s,
                          "qct-qtimer-frames",
                          QTIMER_MAX_FRAMES * QTIMER_FRAME_SIZE);
    qdev_init_mmio(dev, &s->ac_iomem);
    qdev_init_mmio(dev, &s->frame_iomem);
    qdev_init_gpio_out(dev, s->out, QTIMER_MAX_FRAMES);
}

static void qtimer_instance_finalize(Object *obj)
{
    HexQTimerState *s = HEX_QTIMER(obj);

    if (s->vclock) {
        qtimer_unrealize(obj);
    }
    memory_region_finalize(&s->ac_iomem);
    memory_region_finalize(&s->frame_iomem);
    g_mutex_clear(&s->lock);
}

static const PropDef qtimer_props[] = {
    DEFINE_PROP_UINT32_RANGE("freq-hz", HexQTimerState, freq_hz,
                             QTIMER_DEFAULT_FREQ_HZ, 1, UINT32_MAX,
                             "counter rate in Hz (CNTFRQ at reset)"),
    DEFINE_PROP_UINT32_RANGE("nr-frames", HexQTimerState, nr_frames, 2, 1,
                             QTIMER_MAX_FRAMES,
                             "number of timer frames (1-8)"),
    PROP_END
};

static void qtimer_class_init(ObjectClass *oc, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);

    dc->desc = "Qualcomm QTimer (memory-mapped generic timer, 19.2 MHz)";
    dc->category = DEVICE_CATEGORY_TIMER;
    dc->parent_realize = oc->realize;
    dc->reset_enter = qtimer_reset_enter;
    dc->reset_hold = qtimer_reset_hold;
    oc->realize = qtimer_realize;
    oc->unrealize = qtimer_unrealize;
    object_class_add_field_props(oc, qtimer_props);
}

static const TypeInfo qtimer_types[] = {
    {
        .name = TYPE_HEX_QTIMER,
        .parent = TYPE_DEVICE,
        .description = "Qualcomm QTimer",
        .instance_size = sizeof(HexQTimerState),
        .instance_init = qtimer_instance_init,
        .instance_finalize = qtimer_instance_finalize,
        .class_init = qtimer_class_init,
    },
};

DEFINE_TYPES(qtimer_types)
