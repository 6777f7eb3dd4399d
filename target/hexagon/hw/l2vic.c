/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Hexagon L2VIC: 1024 interrupt inputs, four VID groups, eight core
 * interrupt outputs (target/hexagon/hw/l2vic.h for the device's pins).
 *
 * Registers (32-bit, little endian; "n" registers are 32 words, one bit
 * per input, input i at word i / 32, bit i % 32):
 *   0x000-0x00c VID_GRP_0..3   RO  input last delivered by group g
 *   0x010       VID_0          RW  the VID system register (groups 0, 1)
 *   0x014       VID_1          RW  the VID1 system register (groups 2, 3)
 *   0x100 INT_ENABLEn RW, 0x180 INT_ENABLE_CLEARn W1C, 0x200
 *   INT_ENABLE_SETn W1S, 0x280 INT_TYPEn RW (1 = edge, 0 = level),
 *   0x380 INT_STATUSn RO (delivered, not yet re-armed), 0x400 INT_CLEARn
 *   W1C of INT_STATUS, 0x480 SOFT_INTn W1S (edge inputs), 0x500
 *   INT_PENDINGn RW, 0x600/0x680/0x700/0x780 INT_GRPn_0..3 RW.
 *   Write-only registers read 0.
 * Group of input i: a 4-bit field, (i % 8) * 4 of word i / 32 of
 * INT_GRPn_((i / 8) % 4); bit 3 enables the choice, bits 2:0 name the
 * group (0..3); disabled or out of range means group 0.
 *
 * Delivery, as QEMU's model (so programs written for it run unchanged):
 * one interrupt is active at a time.  While no INT_STATUS bit is set,
 * the lowest-numbered input that is pending and enabled is delivered: its
 * status bit is set, its pending bit cleared, an edge input is disabled
 * (a level one stays enabled), VID_GRP of its group and the "last
 * delivered" vector take its number, and output 2 + group goes high.
 * An output is high while an interrupt of its group is active (status
 * set), so the core sees one rising edge per delivery (it latches IPEND
 * on the edge; QEMU's model pulses instead, which a level-sensitive CPU
 * input would miss).
 * `ciad` (hex_l2vic_rearm, "rearm" input) clears the status bit of the
 * last delivered input; INT_CLEAR clears any; then the next is delivered.
 *
 * Inputs: an edge input (INT_TYPE 1) becomes pending on a rising level
 * or a SOFT_INT write; a level input (INT_TYPE 0) is pending while its
 * line is high (its INT_PENDING bit reads the line) - unlike QEMU, which
 * latches it.  SOFT_INT on a level input does nothing (as QEMU), logged.
 *
 * fast-L2VIC (MMIO 1): a 32-bit write at offset 0 of (cmd << 16) | irq,
 * cmd 0 = enable, 1 = disable, 2 = soft interrupt; reads return 0.
 *
 * Threads: registers are written by vCPU threads and inputs driven from
 * any thread; the state is under s->lock, which is held while the outputs
 * are driven (so levels leave in order).  A line's consumer must not call
 * back into the L2VIC from its handler (a CPU records the request and
 * returns).
 */
#include "l2vic.h"

#include "hw/qdev.h"
#include "system/memory.h"
#include "util/bitops.h"
#include "util/log.h"

OBJECT_DECLARE_SIMPLE_TYPE(HexL2VICState, HEX_L2VIC)

#define L2VIC_WORDS (L2VIC_NUM_IRQS / 32)
#define L2VIC_VID_BITS 10
#define L2VIC_ARRAY_BYTES (L2VIC_WORDS * 4)

enum {
    L2VIC_VID_GRP_0 = 0x000,
    L2VIC_VID_0 = 0x010,
    L2VIC_VID_1 = 0x014,
    L2VIC_INT_ENABLE = 0x100,
    L2VIC_INT_ENABLE_CLEAR = 0x180,
    L2VIC_INT_ENABLE_SET = 0x200,
    L2VIC_INT_TYPE = 0x280,
    L2VIC_INT_STATUS = 0x380,
    L2VIC_INT_CLEAR = 0x400,
    L2VIC_SOFT_INT = 0x480,
    L2VIC_INT_PENDING = 0x500,
    L2VIC_INT_GRP_0 = 0x600,
    L2VIC_INT_GRP_END = 0x800,
};

#define FAST_CMD_ENABLE 0
#define FAST_CMD_DISABLE 1
#define FAST_CMD_SOFT 2

struct HexL2VICState {
    DeviceState parent_obj;
    MemoryRegion iomem;             /* MMIO 0: registers */
    MemoryRegion fast_iomem;        /* MMIO 1: fast-L2VIC */
    IRQLine *out[L2VIC_NUM_OUTPUTS]; /* unnamed outputs: core irqs 0..7 */
    GMutex lock;                    /* guards everything below */

    uint32_t enable[L2VIC_WORDS];
    uint32_t type[L2VIC_WORDS];     /* 1: edge, 0: level */
    uint32_t status[L2VIC_WORDS];   /* delivered, not re-armed */
    uint32_t pending[L2VIC_WORDS];  /* latched (edge, soft, written) */
    uint32_t line[L2VIC_WORDS];     /* input levels (not reset) */
    uint32_t grp[L2VIC_NUM_GROUPS][L2VIC_WORDS]; /* INT_GRPn_0..3 */
    uint32_t vid_group[L2VIC_NUM_GROUPS]; /* 10 bits: last per group */
    uint32_t vid;                   /* last delivered input, < 1024 */
    uint32_t driven;                /* output i is high iff bit i */
};

/* ---------------------------------------------------------------------- */
/* Delivery (s->lock held)                                                */

static unsigned l2vic_group(HexL2VICState *s, unsigned irq)
{
    uint32_t word = s->grp[(irq / 8) % 4][irq / 32];
    unsigned field = extract32(word, (irq % 8) * 4, 4);

    if (!(field & 8)) {
        return 0;
    }
    if ((field & 7) >= L2VIC_NUM_GROUPS) {
        log_mask(LOG_GUEST_ERROR, "l2vic: input %u selects group %u "
                 "(accepted: 0-3); using group 0\n", irq, field & 7);
        return 0;
    }
    return field & 7;
}

/* What INT_PENDING word @w reads: latched bits and high level inputs. */
static uint32_t l2vic_pending_word(HexL2VICState *s, unsigned w)
{
    return s->pending[w] | (s->line[w] & ~s->type[w]);
}

/* Deliver the next interrupt if none is active: its output, or -1. */
static int l2vic_deliver(HexL2VICState *s)
{
    for (unsigned w = 0; w < L2VIC_WORDS; w++) {
        if (s->status[w]) {
            return -1;
        }
    }
    for (unsigned w = 0; w < L2VIC_WORDS; w++) {
        uint32_t ready = l2vic_pending_word(s, w) & s->enable[w];
        unsigned irq, bit, g;

        if (!ready) {
            continue;
        }
        bit = ctz32(ready);
        irq = w * 32 + bit;
        g = l2vic_group(s, irq);
        s->status[w] |= 1u << bit;
        s->pending[w] &= ~(1u << bit);
        if (s->type[w] & (1u << bit)) {
            s->enable[w] &= ~(1u << bit);
        }
        s->vid_group[g] = irq;
        s->vid = irq;
        return L2VIC_FIRST_CORE_IRQ + g;
    }
    return -1;
}

/* Deliver, drive each output to "its group has an active input", unlock. */
static void l2vic_unlock_and_deliver(HexL2VICState *s)
{
    int fresh = l2vic_deliver(s);
    uint32_t want = 0;

    if (fresh >= 0 && (s->driven & (1u << fresh))) {
        /* delivered again at once (a level input still high, re-armed) */
        irq_set_level(s->out[fresh], 0);
        s->driven &= ~(1u << fresh);
    }
    for (unsigned w = 0; w < L2VIC_WORDS; w++) {
        for (uint32_t bits = s->status[w]; bits; bits &= bits - 1) {
            want |= 1u << (L2VIC_FIRST_CORE_IRQ +
                           l2vic_group(s, w * 32 + ctz32(bits)));
        }
    }
    /* lower first, so a new delivery is a fresh rising edge */
    for (int pass = 0; pass < 2; pass++) {
        for (int i = 0; i < L2VIC_NUM_OUTPUTS; i++) {
            bool on = want & (1u << i), was = s->driven & (1u << i);

            if (on != was && on == (pass == 1)) {
                irq_set_level(s->out[i], on);
            }
        }
    }
    s->driven = want;
    g_mutex_unlock(&s->lock);
}

/* ---------------------------------------------------------------------- */
/* Registers (s->lock held)                                               */

static void l2vic_soft_int(HexL2VICState *s, unsigned w, uint32_t bits)
{
    uint32_t level = bits & ~s->type[w];

    s->pending[w] |= bits & s->type[w];
    if (level) {
        log_mask(LOG_GUEST_ERROR, "l2vic: SOFT_INT of level-triggered "
                 "inputs (word %u, bits 0x%08x) ignored; set INT_TYPE to "
                 "edge for soft interrupts\n", w, level);
    }
}

static uint32_t l2vic_vid_value(HexL2VICState *s, HexL2VICVidReg reg)
{
    unsigned g = reg == HEX_L2VIC_VID1 ? 2 : 0;

    return s->vid_group[g] | s->vid_group[g + 1] << 16;
}

static void l2vic_set_vid(HexL2VICState *s, HexL2VICVidReg reg,
                          uint32_t value)
{
    unsigned g = reg == HEX_L2VIC_VID1 ? 2 : 0;

    s->vid_group[g] = extract32(value, 0, L2VIC_VID_BITS);
    s->vid_group[g + 1] = extract32(value, 16, L2VIC_VID_BITS);
}

/* The bit array behind an "n" register at @off, or NULL. */
static uint32_t *l2vic_array(HexL2VICState *s, hwaddr off)
{
    switch (off & ~(hwaddr)(L2VIC_ARRAY_BYTES - 1)) {
    case L2VIC_INT_ENABLE:
        return s->enable;
    case L2VIC_INT_TYPE:
        return s->type;
    case L2VIC_INT_STATUS:
        return s->status;
    case L2VIC_INT_PENDING:
        return s->pending;
    default:
        if (off >= L2VIC_INT_GRP_0 && off < L2VIC_INT_GRP_END) {
            return s->grp[(off - L2VIC_INT_GRP_0) / L2VIC_ARRAY_BYTES];
        }
        return NULL;
    }
}

static uint32_t l2vic_reg_read(HexL2VICState *s, hwaddr off)
{
    hwaddr base = off & ~(hwaddr)(L2VIC_ARRAY_BYTES - 1);
    unsigned w = (off % L2VIC_ARRAY_BYTES) / 4;
    uint32_t *array;

    if (off < L2VIC_VID_0) {
        return s->vid_group[off / 4];
    }
    if (off == L2VIC_VID_0 || off == L2VIC_VID_1) {
        return l2vic_vid_value(s, off == L2VIC_VID_0 ? HEX_L2VIC_VID
                                                     : HEX_L2VIC_VID1);
    }
    if (base == L2VIC_INT_PENDING) {
        return l2vic_pending_word(s, w);
    }
    if (base == L2VIC_INT_ENABLE_CLEAR || base == L2VIC_INT_ENABLE_SET ||
        base == L2VIC_INT_CLEAR || base == L2VIC_SOFT_INT) {
        return 0;               /* write-only */
    }
    array = l2vic_array(s, off);
    if (array) {
        return array[w];
    }
    log_mask(LOG_GUEST_ERROR, "l2vic: read of reserved offset 0x%03x\n",
             (unsigned)off);
    return 0;
}

static void l2vic_reg_write(HexL2VICState *s, hwaddr off, uint32_t value)
{
    hwaddr base = off & ~(hwaddr)(L2VIC_ARRAY_BYTES - 1);
    unsigned w = (off % L2VIC_ARRAY_BYTES) / 4;
    uint32_t *array;

    if (off == L2VIC_VID_0 || off == L2VIC_VID_1) {
        l2vic_set_vid(s, off == L2VIC_VID_0 ? HEX_L2VIC_VID : HEX_L2VIC_VID1,
                      value);
        return;
    }
    switch (base) {
    case L2VIC_INT_ENABLE_CLEAR:
        s->enable[w] &= ~value;
        return;
    case L2VIC_INT_ENABLE_SET:
        s->enable[w] |= value;
        return;
    case L2VIC_INT_CLEAR:
        s->status[w] &= ~value;
        return;
    case L2VIC_SOFT_INT:
        l2vic_soft_int(s, w, value);
        return;
    case L2VIC_INT_STATUS:
        break;
    default:
        array = off >= L2VIC_INT_ENABLE ? l2vic_array(s, off) : NULL;
        if (array) {
            array[w] = value;
            return;
        }
        break;
    }
    log_mask(LOG_GUEST_ERROR, "l2vic: write of 0x%x to %s offset 0x%03x\n",
             value, off < L2VIC_VID_0 || base == L2VIC_INT_STATUS
             ? "read-only" : "reserved", (unsigned)off);
}

static uint64_t l2vic_read(void *opaque, hwaddr addr, unsigned size)
{
    HexL2VICState *s = opaque;
    uint32_t value;

    g_mutex_lock(&s->lock);
    value = l2vic_reg_read(s, addr);
    g_mutex_unlock(&s->lock);
    return value;
}

static void l2vic_write(void *opaque, hwaddr addr, uint64_t data,
                        unsigned size)
{
    HexL2VICState *s = opaque;

    g_mutex_lock(&s->lock);
    l2vic_reg_write(s, addr, (uint32_t)data);
    l2vic_unlock_and_deliver(s);
}

static const MemoryRegionOps l2vic_ops = {
    .read = l2vic_read,
    .write = l2vic_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 4, .max_access_size = 4 },
    .impl = { .min_access_size = 4, .max_access_size = 4 },
};

static void l2vic_fast_write(void *opaque, hwaddr addr, uint64_t data,
                             unsigned size)
{
    HexL2VICState *s = opaque;
    unsigned cmd = extract32(data, 16, 2);
    unsigned irq = extract32(data, 0, 10);
    uint32_t bit = 1u << (irq % 32);

    if (addr != 0 || cmd > FAST_CMD_SOFT) {
        log_mask(LOG_GUEST_ERROR, "l2vic: fast-L2VIC write of 0x%x at "
                 "offset 0x%x (accepted: offset 0, (cmd << 16) | irq with "
                 "cmd 0 enable, 1 disable, 2 soft interrupt)\n",
                 (uint32_t)data, (unsigned)addr);
        return;
    }
    g_mutex_lock(&s->lock);
    if (cmd == FAST_CMD_ENABLE) {
        s->enable[irq / 32] |= bit;
    } else if (cmd == FAST_CMD_DISABLE) {
        s->enable[irq / 32] &= ~bit;
    } else {
        l2vic_soft_int(s, irq / 32, bit);
    }
    l2vic_unlock_and_deliver(s);
}

static const MemoryRegionOps l2vic_fast_ops = {
    .write = l2vic_fast_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 4, .max_access_size = 4 },
    .impl = { .min_access_size = 4, .max_access_size = 4 },
};

/* ---------------------------------------------------------------------- */
/* Inputs and the frontend's interface                                    */

static void l2vic_set_input(void *opaque, int n, int level)
{
    HexL2VICState *s = opaque;
    unsigned w = n / 32;
    uint32_t bit = 1u << (n % 32);

    g_mutex_lock(&s->lock);
    if (level && !(s->line[w] & bit) && (s->type[w] & bit)) {
        s->pending[w] |= bit;           /* rising edge of an edge input */
    }
    s->line[w] = level ? s->line[w] | bit : s->line[w] & ~bit;
    l2vic_unlock_and_deliver(s);
}

static void l2vic_rearm_locked(HexL2VICState *s)
{
    s->status[s->vid / 32] &= ~(1u << (s->vid % 32));
}

static void l2vic_rearm_input(void *opaque, int n, int level)
{
    if (level) {
        hex_l2vic_rearm(DEVICE(opaque));
    }
}

uint32_t hex_l2vic_read_vid(DeviceState *l2vic, HexL2VICVidReg reg)
{
    HexL2VICState *s = HEX_L2VIC(l2vic);
    uint32_t value;

    g_mutex_lock(&s->lock);
    value = l2vic_vid_value(s, reg);
    g_mutex_unlock(&s->lock);
    return value;
}

void hex_l2vic_write_vid(DeviceState *l2vic, HexL2VICVidReg reg,
                         uint32_t value)
{
    HexL2VICState *s = HEX_L2VIC(l2vic);

    g_mutex_lock(&s->lock);
    l2vic_set_vid(s, reg, value);
    l2vic_unlock_and_deliver(s);
}

void hex_l2vic_rearm(DeviceState *l2vic)
{
    HexL2VICState *s = HEX_L2VIC(l2vic);

    g_mutex_lock(&s->lock);
    l2vic_rearm_locked(s);
    l2vic_unlock_and_deliver(s);
}

/* ---------------------------------------------------------------------- */
/* Life cycle                                                             */

static void l2vic_reset_enter(Object *obj, ResetType type)
{
    HexL2VICState *s = HEX_L2VIC(obj);

    g_mutex_lock(&s->lock);
    memset(s->enable, 0, sizeof(s->enable));
    memset(s->type, 0, sizeof(s->type));
    memset(s->status, 0, sizeof(s->status));
    memset(s->pending, 0, sizeof(s->pending));
    memset(s->grp, 0, sizeof(s->grp));
    memset(s->vid_group, 0, sizeof(s->vid_group));
    s->vid = 0;
    g_mutex_unlock(&s->lock);
}

static void l2vic_reset_hold(Object *obj, ResetType type)
{
    HexL2VICState *s = HEX_L2VIC(obj);

    g_mutex_lock(&s->lock);
    for (int i = 0; i < L2VIC_NUM_OUTPUTS; i++) {
        irq_set_level(s->out[i], 0);
    }
    s->driven = 0;
    g_mutex_unlock(&s->lock);
}

static void l2vic_instance_init(Object *obj)
{
    HexL2VICState *s = HEX_L2VIC(obj);
    DeviceState *dev = DEVICE(obj);

    g_mutex_init(&s->lock);
    memory_region_init_io(&s->iomem, obj, &l2vic_ops, s, "l2vic",
                          L2VIC_MMIO_SIZE);
    memory_region_init_io(&s->fast_iomem, obj, &l2vic_fast_ops, s,
                          "l2vic-fast", L2VIC_FAST_MMIO_SIZE);
    qdev_init_mmio(dev, &s->iomem);
    qdev_init_mmio(dev, &s->fast_iomem);
    qdev_init_gpio_in(dev, l2vic_set_input, L2VIC_NUM_IRQS);
    qdev_init_gpio_in_named(dev, l2vic_rearm_input, "rearm", 1);
    qdev_init_gpio_out(dev, s->out, L2VIC_NUM_OUTPUTS);
}

static void l2vic_instance_finalize(Object *obj)
{
    HexL2VICState *s = HEX_L2VIC(obj);

    memory_region_finalize(&s->iomem);
    memory_region_finalize(&s->fast_iomem);
    g_mutex_clear(&s->lock);
}

static void l2vic_class_init(ObjectClass *oc, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);

    dc->desc = "Hexagon L2 vectored interrupt controller (1024 inputs)";
    dc->category = DEVICE_CATEGORY_INTC;
    dc->reset_enter = l2vic_reset_enter;
    dc->reset_hold = l2vic_reset_hold;
}

static const TypeInfo l2vic_types[] = {
    {
        .name = TYPE_HEX_L2VIC,
        .parent = TYPE_DEVICE,
        .description = "Hexagon L2 vectored interrupt controller",
        .instance_size = sizeof(HexL2VICState),
        .instance_init = l2vic_instance_init,
        .instance_finalize = l2vic_instance_finalize,
        .class_init = l2vic_class_init,
    },
};

DEFINE_TYPES(l2vic_types)
