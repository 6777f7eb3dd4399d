/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * hetero-virt IPC mailbox model (include/hw/misc/hetero-mailbox.h).
 *
 * Spec and user documentation (register by register):
 * docs/user/hetero-devices.md, "IPC mailbox".
 *
 * State: per side, the doorbells pending for it (status), its enable mask,
 * the count of non-zero RAISE writes its peer made, and its OUT words.
 * Everything a view shows is derived from those: RAISED is the peer's
 * status, PENDING is status & enable, IN[] is the peer's OUT[].  Side i's
 * interrupt output is (status & enable) != 0 of side i.
 *
 * Threads: the two views are accessed concurrently from different vCPU
 * threads (AArch64 and Hexagon under MTTCG).  Two mutexes:
 *  - s->lock guards the register state; it is never held while a line is
 *    driven, so whatever a line's consumer does (an interrupt controller
 *    taking its own lock, kicking a CPU) cannot wait on it, and reads
 *    never wait for a drive;
 *  - s->drive_lock serialises "change the state, then drive the lines":
 *    a write takes it first, updates the state under s->lock, drops
 *    s->lock and drives the levels it computed.  Two writes therefore
 *    drive their levels in the order they changed the state, so a line
 *    cannot end at a stale level.  s->driven[] (under drive_lock) remembers
 *    the levels driven last, so unchanged levels are not driven again.
 * Consequence: a consumer of our lines must not write to this device from
 * its line handler (it would wait on drive_lock); reading is fine.
 */
#include "hw/misc/hetero-mailbox.h"

#include "hemu/osdep.h"
#include "hw/qdev.h"
#include "system/memory.h"
#include "util/log.h"

OBJECT_DECLARE_SIMPLE_TYPE(HeteroMailboxState, HETERO_MAILBOX)

/* One side: its view and the state that belongs to it. */
typedef struct HeteroMailboxSide {
    HeteroMailboxState *mbox;   /* back pointer; the ops' opaque is us */
    unsigned index;             /* HETERO_MBOX_SIDE_APPS or _DSP */
    MemoryRegion iomem;         /* MMIO region <index>, this side's view */
    uint32_t status;            /* doorbells pending for this side */
    uint32_t enable;            /* this side's interrupt enable mask */
    uint32_t count;             /* non-zero RAISE writes of the peer to us,
                                   modulo 2^32 */
    uint32_t out[HETERO_MBOX_NUM_MSG_WORDS]; /* OUT[]: this side -> peer */
} HeteroMailboxSide;

struct HeteroMailboxState {
    DeviceState parent_obj;
    GMutex drive_lock;          /* taken before lock; see the file comment */
    GMutex lock;                /* guards side[].status/enable/count/out */
    HeteroMailboxSide side[HETERO_MBOX_NUM_SIDES];
    IRQLine *irq[HETERO_MBOX_NUM_SIDES]; /* unnamed GPIO out 0 and 1 */
    int driven[HETERO_MBOX_NUM_SIDES]; /* under drive_lock: level last
                                          driven, -1 before the first */
};

static const char *const mbox_side_name[HETERO_MBOX_NUM_SIDES] = {
    [HETERO_MBOX_SIDE_APPS] = "apps",
    [HETERO_MBOX_SIDE_DSP] = "dsp",
};

static HeteroMailboxSide *mbox_peer(HeteroMailboxSide *self)
{
    return &self->mbox->side[self->index ^ 1];
}

/* The level side @i's output should have (s->lock held). */
static int mbox_level(HeteroMailboxState *s, unsigned i)
{
    return (s->side[i].status & s->side[i].enable) != 0;
}

/*
 * Drive both outputs to @levels (s->drive_lock held, s->lock not held);
 * @force drives even lines whose level did not change (reset).
 */
static void mbox_drive(HeteroMailboxState *s,
                       const int levels[HETERO_MBOX_NUM_SIDES], bool force)
{
    for (unsigned i = 0; i < HETERO_MBOX_NUM_SIDES; i++) {
        if (force || s->driven[i] != levels[i]) {
            s->driven[i] = levels[i];
            irq_set_level(s->irq[i], levels[i]);
        }
    }
}

/* ---------------------------------------------------------------------- */
/* Registers (s->lock held)                                               */

static bool mbox_msg_index(hwaddr off, hwaddr base, unsigned *idx)
{
    if (off >= base && off < base + 4 * HETERO_MBOX_NUM_MSG_WORDS) {
        *idx = (unsigned)(off - base) / 4;
        return true;
    }
    return false;
}

static uint32_t mbox_reg_read(HeteroMailboxSide *self, hwaddr off)
{
    HeteroMailboxSide *peer = mbox_peer(self);
    unsigned idx;

    switch (off) {
    case HETERO_MBOX_ID:
        return HETERO_MBOX_ID_VALUE;
    case HETERO_MBOX_VERSION:
        return HETERO_MBOX_VERSION_VALUE;
    case HETERO_MBOX_SIDE:
        return self->index;
    case HETERO_MBOX_NUM_MSG:
        return HETERO_MBOX_NUM_MSG_WORDS;
    case HETERO_MBOX_RAISE:
    case HETERO_MBOX_CLEAR:
        return 0;               /* write-only; defined to read 0 */
    case HETERO_MBOX_RAISED:
        return peer->status;
    case HETERO_MBOX_STATUS:
        return self->status;
    case HETERO_MBOX_ENABLE:
        return self->enable;
    case HETERO_MBOX_PENDING:
        return self->status & self->enable;
    case HETERO_MBOX_COUNT:
        return self->count;
    }
    if (mbox_msg_index(off, HETERO_MBOX_OUT_BASE, &idx)) {
        return self->out[idx];
    }
    if (mbox_msg_index(off, HETERO_MBOX_IN_BASE, &idx)) {
        return peer->out[idx];
    }
    log_mask(LOG_GUEST_ERROR, "hetero-mailbox: %s view: read of reserved "
             "offset 0x%03x\n", mbox_side_name[self->index], (unsigned)off);
    return 0;
}

/* True for the offsets of read-only registers (for the log message). */
static bool mbox_is_read_only(hwaddr off)
{
    unsigned idx;

    switch (off) {
    case HETERO_MBOX_ID:
    case HETERO_MBOX_VERSION:
    case HETERO_MBOX_SIDE:
    case HETERO_MBOX_NUM_MSG:
    case HETERO_MBOX_RAISED:
    case HETERO_MBOX_STATUS:
    case HETERO_MBOX_PENDING:
    case HETERO_MBOX_COUNT:
        return true;
    }
    return mbox_msg_index(off, HETERO_MBOX_IN_BASE, &idx);
}

static void mbox_reg_write(HeteroMailboxSide *self, hwaddr off,
                           uint32_t value)
{
    HeteroMailboxSide *peer = mbox_peer(self);
    unsigned idx;

    switch (off) {
    case HETERO_MBOX_RAISE:
        if (value) {
            peer->status |= value;
            peer->count++;
        }
        return;
    case HETERO_MBOX_CLEAR:
        self->status &= ~value;
        return;
    case HETERO_MBOX_ENABLE:
        self->enable = value;
        return;
    }
    if (mbox_msg_index(off, HETERO_MBOX_OUT_BASE, &idx)) {
        self->out[idx] = value;
        return;
    }
    log_mask(LOG_GUEST_ERROR, "hetero-mailbox: %s view: write of 0x%x to "
             "%s offset 0x%03x ignored\n", mbox_side_name[self->index],
             value, mbox_is_read_only(off) ? "read-only" : "reserved",
             (unsigned)off);
}

/* ---------------------------------------------------------------------- */
/* MMIO                                                                   */

/* Registers take aligned 32-bit accesses only; log anything else. */
static bool mbox_access_ok(HeteroMailboxSide *self, hwaddr addr,
                           unsigned size, bool write)
{
    static const char *const what[HETERO_MBOX_NUM_SIDES] = {
        [HETERO_MBOX_SIDE_APPS] = "hetero-mailbox: apps view",
        [HETERO_MBOX_SIDE_DSP] = "hetero-mailbox: dsp view",
    };

    return qdev_reg32_access_ok(what[self->index], addr, size, write);
}

static uint64_t mbox_read(void *opaque, hwaddr addr, unsigned size)
{
    HeteroMailboxSide *self = opaque;
    HeteroMailboxState *s = self->mbox;
    uint32_t value;

    if (!mbox_access_ok(self, addr, size, false)) {
        return 0;
    }
    g_mutex_lock(&s->lock);
    value = mbox_reg_read(self, addr);
    g_mutex_unlock(&s->lock);
    return value;
}

static void mbox_write(void *opaque, hwaddr addr, uint64_t data,
                       unsigned size)
{
    HeteroMailboxSide *self = opaque;
    HeteroMailboxState *s = self->mbox;
    int levels[HETERO_MBOX_NUM_SIDES];

    if (!mbox_access_ok(self, addr, size, true)) {
        return;
    }
    g_mutex_lock(&s->drive_lock);
    g_mutex_lock(&s->lock);
    mbox_reg_write(self, addr, (uint32_t)data);
    for (unsigned i = 0; i < HETERO_MBOX_NUM_SIDES; i++) {
        levels[i] = mbox_level(s, i);
    }
    g_mutex_unlock(&s->lock);
    mbox_drive(s, levels, false);
    g_mutex_unlock(&s->drive_lock);
}

/*
 * The bus lets every size and alignment through (valid and impl 1..8,
 * unaligned) so that the device itself logs bad accesses and answers 0,
 * as the spec asks, instead of the bus failing them.
 */
static const MemoryRegionOps mbox_ops = {
    .read = mbox_read,
    .write = mbox_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 1, .max_access_size = 8,
               .unaligned = true },
    .impl = { .min_access_size = 1, .max_access_size = 8,
              .unaligned = true },
};

/* ---------------------------------------------------------------------- */
/* Life cycle                                                             */

static void mbox_reset_enter(Object *obj, ResetType type)
{
    HeteroMailboxState *s = HETERO_MAILBOX(obj);

    g_mutex_lock(&s->lock);
    for (unsigned i = 0; i < HETERO_MBOX_NUM_SIDES; i++) {
        HeteroMailboxSide *side = &s->side[i];

        side->status = 0;
        side->enable = 0;
        side->count = 0;
        memset(side->out, 0, sizeof(side->out));
    }
    g_mutex_unlock(&s->lock);
}

static void mbox_reset_hold(Object *obj, ResetType type)
{
    HeteroMailboxState *s = HETERO_MAILBOX(obj);
    int levels[HETERO_MBOX_NUM_SIDES];

    g_mutex_lock(&s->drive_lock);
    g_mutex_lock(&s->lock);
    for (unsigned i = 0; i < HETERO_MBOX_NUM_SIDES; i++) {
        levels[i] = mbox_level(s, i);
    }
    g_mutex_unlock(&s->lock);
    mbox_drive(s, levels, true);
    g_mutex_unlock(&s->drive_lock);
}

static void mbox_instance_init(Object *obj)
{
    HeteroMailboxState *s = HETERO_MAILBOX(obj);
    DeviceState *dev = DEVICE(obj);

    g_mutex_init(&s->drive_lock);
    g_mutex_init(&s->lock);
    for (unsigned i = 0; i < HETERO_MBOX_NUM_SIDES; i++) {
        HeteroMailboxSide *side = &s->side[i];
        g_autofree char *name = g_strdup_printf("hetero-mailbox.%s",
                                                mbox_side_name[i]);

        side->mbox = s;
        side->index = i;
        memory_region_init_io(&side->iomem, obj, &mbox_ops, side, name,
                              HETERO_MBOX_MMIO_SIZE);
        qdev_init_mmio(dev, &side->iomem);
        s->driven[i] = -1;
    }
    qdev_init_gpio_out(dev, s->irq, HETERO_MBOX_NUM_SIDES);
}

static void mbox_instance_finalize(Object *obj)
{
    HeteroMailboxState *s = HETERO_MAILBOX(obj);

    for (unsigned i = 0; i < HETERO_MBOX_NUM_SIDES; i++) {
        memory_region_finalize(&s->side[i].iomem);
    }
    g_mutex_clear(&s->lock);
    g_mutex_clear(&s->drive_lock);
}

static void mbox_class_init(ObjectClass *oc, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);

    dc->desc = "hetero-virt IPC mailbox (apps <-> DSP doorbells)";
    dc->category = DEVICE_CATEGORY_IPC;
    dc->reset_enter = mbox_reset_enter;
    dc->reset_hold = mbox_reset_hold;
}

static const TypeInfo mbox_types[] = {
    {
        .name = TYPE_HETERO_MAILBOX,
        .parent = TYPE_DEVICE,
        .description = "hetero-virt IPC mailbox (apps <-> DSP doorbells)",
        .instance_size = sizeof(HeteroMailboxState),
        .instance_init = mbox_instance_init,
        .instance_finalize = mbox_instance_finalize,
        .class_init = mbox_class_init,
    },
};

DEFINE_TYPES(mbox_types)
