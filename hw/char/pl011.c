/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Arm PrimeCell UART (PL011) model (include/hw/char/pl011.h).
 *
 * Spec: Arm PrimeCell UART (PL011) Technical Reference Manual, ARM DDI
 * 0183, chapter 3 (registers) and section 2.8 (interrupts).  The ID
 * registers say revision 1 (UARTPeriphID2 = 0x14), whose FIFOs are 16
 * entries deep (the 32-entry FIFOs came with revision 3, r1p5); with
 * UARTLCR_H.FEN clear the FIFOs are one-entry holding registers.
 *
 * What is modelled and how:
 *  - Transmission takes no time: a write to UARTDR goes straight to the
 *    chardev (or, with UARTCR.LBE, into the receive FIFO), so the
 *    transmit FIFO always reads empty (TXFE = 1, TXFF = BUSY = 0) and each
 *    write leaves it at or below any trigger level: UARTTXINTR is set
 *    (UARTRIS.TXRIS) after every write, until cleared through UARTICR.
 *    Writing with UARTEN or TXE clear still transmits (bare-metal programs
 *    rely on it, as on QEMU) but is logged under -d guest_errors.
 *  - Reception: the chardev offers bytes only while UARTEN and RXE are set
 *    and the FIFO has room, so nothing is lost and there is no overrun.
 *    UARTRXINTR rises when the FIFO reaches the UARTIFLS level (FEN set) or
 *    holds a character (FEN clear), and falls when reads take it below
 *    that level, or by UARTICR.  The receive timeout UARTRTINTR rises when
 *    the FIFO is not empty 32 bit periods (at the programmed baud rate,
 *    UARTCLK / (16 * (IBRD + FBRD / 64))) after the last character came
 *    in, on the machine's virtual clock, and falls when the FIFO empties or
 *    by UARTICR.  IBRD, FBRD and LCR_H form one register updated by the
 *    write to LCR_H (TRM 3.3.6), so the baud rate is latched there.
 *  - Changing FEN flushes the receive FIFO.  The modem lines, IrDA and
 *    DMA are not modelled: their registers read back what was written
 *    and the modem status bits read 0.
 *  - Registers are 32 bits wide; narrower accesses are logged under
 *    -d guest_errors and act on the register holding them (Linux's early
 *    console writes bytes to UARTDR).
 *
 * Threads: MMIO comes from vCPU threads, input and the timeout from the
 * main loop; the register state is under s->lock, which is also held
 * while the irq line is driven and output is written (so levels and bytes
 * leave in order).
 */
#include "hw/char/pl011.h"

#include "hemu/osdep.h"
#include "hw/boards.h"
#include "hw/clock.h"
#include "hw/qdev.h"
#include "system/chardev.h"
#include "system/memory.h"
#include "util/log.h"
#include "util/timer.h"

OBJECT_DECLARE_SIMPLE_TYPE(PL011State, PL011)

/* Register offsets (TRM table 3-1). */
enum {
    PL011_DR = 0x000,
    PL011_RSR = 0x004,          /* read: UARTRSR; write: UARTECR */
    PL011_FR = 0x018,
    PL011_ILPR = 0x020,
    PL011_IBRD = 0x024,
    PL011_FBRD = 0x028,
    PL011_LCR_H = 0x02c,
    PL011_CR = 0x030,
    PL011_IFLS = 0x034,
    PL011_IMSC = 0x038,
    PL011_RIS = 0x03c,
    PL011_MIS = 0x040,
    PL011_ICR = 0x044,
    PL011_DMACR = 0x048,
    PL011_ID_BASE = 0xfe0,      /* PeriphID0..3, PCellID0..3 */
};

#define FR_BUSY (1u << 3)
#define FR_RXFE (1u << 4)
#define FR_TXFF (1u << 5)
#define FR_RXFF (1u << 6)
#define FR_TXFE (1u << 7)
#define LCR_H_FEN (1u << 4)
#define CR_UARTEN (1u << 0)
#define CR_LBE (1u << 7)
#define CR_TXE (1u << 8)
#define CR_RXE (1u << 9)
#define INT_RX (1u << 4)
#define INT_TX (1u << 5)
#define INT_RT (1u << 6)
#define INT_OE (1u << 10)
#define INT_ALL 0x7ffu
#define RSR_OE (1u << 3)
#define DR_OE (1u << 11)

#define CR_RESET 0x300          /* TXE | RXE */
#define IFLS_RESET 0x12         /* both levels 1/2 */
#define PL011_FIFO_DEPTH 16
/* Receive timeout when no baud rate can be computed: 32 bits at 115200. */
#define PL011_DEFAULT_TIMEOUT_NS (32ull * 1000000000ull / 115200)

/* UARTPeriphID0-3 and UARTPCellID0-3 (TRM 3.3.14-3.3.17). */
static const uint8_t pl011_id[8] = {
    0x11, 0x10, 0x14, 0x00, 0x0d, 0xf0, 0x05, 0xb1
};

struct PL011State {
    DeviceState parent_obj;
    MemoryRegion iomem;         /* MMIO region 0, PL011_MMIO_SIZE bytes */
    GMutex lock;                /* guards everything below */
    Object *chr;                /* link "chardev"; NULL: no line */
    Clock *clk;                 /* input "clk": UARTCLK */
    IRQLine *irq;               /* output "irq": UARTINTR */
    Timer *rx_timeout;          /* on the machine's virtual clock; NULL
                                   until realized */
    TimerClock *vclock;         /* the machine's; set at realize */
    bool input_stalled;         /* can_read said 0 since the last read */
    char *line_prefix;          /* property "line-prefix"; NULL: none */
    GString *line;              /* line-prefix mode: the pending line */

    uint32_t rsr;               /* UARTRSR bits 3:0 */
    uint32_t ilpr;              /* 8 bits */
    uint32_t ibrd;              /* 16 bits, as written */
    uint32_t fbrd;              /* 6 bits, as written */
    uint32_t baud_div;          /* IBRD * 64 + FBRD latched by LCR_H */
    uint32_t lcr_h;             /* 8 bits */
    uint32_t cr;                /* 16 bits */
    uint32_t ifls;              /* 6 bits */
    uint32_t imsc;              /* 11 bits */
    uint32_t ris;               /* 11 bits, raw interrupt status */
    uint32_t dmacr;             /* 3 bits */
    uint16_t rx_fifo[PL011_FIFO_DEPTH]; /* char in 7:0, errors in 11:8 */
    unsigned rx_head;           /* index of the oldest entry */
    unsigned rx_count;          /* entries held, <= pl011_depth() */
};

/* ---------------------------------------------------------------------- */
/* State helpers (s->lock held)                                           */

static unsigned pl011_depth(PL011State *s)
{
    return (s->lcr_h & LCR_H_FEN) ? PL011_FIFO_DEPTH : 1;
}

/* The RX trigger level in entries (TRM 3.3.10, UARTIFLS.RXIFLSEL). */
static unsigned pl011_rx_level(PL011State *s)
{
    static const unsigned eighths[] = { 1, 2, 4, 6, 7 };
    unsigned sel = (s->ifls >> 3) & 7;

    if (!(s->lcr_h & LCR_H_FEN)) {
        return 1;
    }
    /* 5-7 are reserved; they were rejected (kept at 1/2) on write */
    return PL011_FIFO_DEPTH * eighths[sel < 5 ? sel : 2] / 8;
}

static void pl011_update_irq(PL011State *s)
{
    irq_set_level(s->irq, (s->ris & s->imsc) != 0);
}

static uint64_t pl011_timeout_ns(PL011State *s)
{
    /* 32 bits of 16 * (baud_div / 64) UARTCLK cycles each */
    uint64_t ticks = 8ull * s->baud_div;
    uint64_t ns = s->baud_div >= 64 && s->clk ? clock_ticks_to_ns(s->clk, ticks)
                                              : 0;

    return ns ? ns : PL011_DEFAULT_TIMEOUT_NS;
}

/* A character entered the receive FIFO (from the line or loopback). */
static void pl011_push_rx(PL011State *s, uint16_t value)
{
    if (s->rx_count >= pl011_depth(s)) {
        s->rsr |= RSR_OE;
        s->ris |= INT_OE;
        return;
    }
    s->rx_fifo[(s->rx_head + s->rx_count) % PL011_FIFO_DEPTH] = value;
    s->rx_count++;
    if (s->rx_count >= pl011_rx_level(s)) {
        s->ris |= INT_RX;
    }
    if (s->rx_timeout) {
        timer_mod_ns(s->rx_timeout,
                     timer_clock_get_ns(s->vclock) + pl011_timeout_ns(s));
    }
}

static uint32_t pl011_pop_rx(PL011State *s)
{
    uint16_t value;

    if (!s->rx_count) {
        return 0;
    }
    value = s->rx_fifo[s->rx_head];
    s->rx_head = (s->rx_head + 1) % PL011_FIFO_DEPTH;
    s->rx_count--;
    s->rsr = (s->rsr & RSR_OE) | ((value >> 8) & 7);
    if (s->rx_count < pl011_rx_level(s)) {
        s->ris &= ~INT_RX;
    }
    if (!s->rx_count) {
        s->ris &= ~INT_RT;
        if (s->rx_timeout) {
            timer_del(s->rx_timeout);
        }
    }
    if (s->input_stalled) {
        /* the chardev waits for room: make the main loop ask again */
        s->input_stalled = false;
        g_main_context_wakeup(NULL);
    }
    return value;
}

static void pl011_flush_rx(PL011State *s)
{
    s->rx_head = 0;
    s->rx_count = 0;
    s->ris &= ~(INT_RX | INT_RT);
    if (s->rx_timeout) {
        timer_del(s->rx_timeout);
    }
}

/*
 * line-prefix mode: collect a line and write it, prefixed, in one
 * chardev_write, so lines of UARTs sharing a chardev never interleave.
 */
#define PL011_LINE_MAX 256

static void pl011_line_putc(PL011State *s, uint8_t ch)
{
    if (!s->line->len) {
        g_string_append(s->line, s->line_prefix);
    }
    g_string_append_c(s->line, (char)ch);
    if (ch == '\n' || s->line->len >= PL011_LINE_MAX) {
        if (ch != '\n') {
            g_string_append_c(s->line, '\n');
        }
        chardev_write_line(CHARDEV(s->chr), (const uint8_t *)s->line->str,
                           (int)s->line->len);
        g_string_truncate(s->line, 0);
    }
}

static void pl011_transmit(PL011State *s, uint8_t ch)
{
    if ((s->cr & (CR_UARTEN | CR_TXE)) != (CR_UARTEN | CR_TXE)) {
        log_mask(LOG_GUEST_ERROR, "pl011: UARTDR written with the "
                 "transmitter disabled (UARTCR 0x%x)\n", s->cr);
    }
    if (s->cr & CR_LBE) {
        pl011_push_rx(s, ch);
    } else if (s->chr && s->line_prefix) {
        pl011_line_putc(s, ch);
    } else if (s->chr) {
        chardev_write(CHARDEV(s->chr), &ch, 1);
    }
    s->ris |= INT_TX;
}

static uint32_t pl011_flags(PL011State *s)
{
    uint32_t fr = FR_TXFE;

    if (!s->rx_count) {
        fr |= FR_RXFE;
    }
    if (s->rx_count >= pl011_depth(s)) {
        fr |= FR_RXFF;
    }
    return fr;
}

/* ---------------------------------------------------------------------- */
/* Registers                                                              */

static uint32_t pl011_reg_read(PL011State *s, hwaddr off)
{
    switch (off) {
    case PL011_DR:
        return pl011_pop_rx(s);
    case PL011_RSR:
        return s->rsr;
    case PL011_FR:
        return pl011_flags(s);
    case PL011_ILPR:
        return s->ilpr;
    case PL011_IBRD:
        return s->ibrd;
    case PL011_FBRD:
        return s->fbrd;
    case PL011_LCR_H:
        return s->lcr_h;
    case PL011_CR:
        return s->cr;
    case PL011_IFLS:
        return s->ifls;
    case PL011_IMSC:
        return s->imsc;
    case PL011_RIS:
        return s->ris;
    case PL011_MIS:
        return s->ris & s->imsc;
    case PL011_DMACR:
        return s->dmacr;
    default:
        if (off >= PL011_ID_BASE && off < PL011_MMIO_SIZE) {
            return pl011_id[(off - PL011_ID_BASE) / 4];
        }
        log_mask(LOG_GUEST_ERROR, "pl011: read of %s offset 0x%03x\n",
                 off == PL011_ICR ? "write-only" : "reserved",
                 (unsigned)off);
        return 0;
    }
}

static void pl011_write_lcr_h(PL011State *s, uint32_t value)
{
    if ((s->lcr_h ^ value) & LCR_H_FEN) {
        pl011_flush_rx(s);
    }
    s->lcr_h = value & 0xff;
    s->baud_div = s->ibrd * 64 + s->fbrd;
}

static void pl011_write_ifls(PL011State *s, uint32_t value)
{
    if (((value >> 3) & 7) > 4 || (value & 7) > 4) {
        log_mask(LOG_GUEST_ERROR, "pl011: UARTIFLS 0x%x selects a reserved "
                 "FIFO level (accepted: 0-4 in bits 2:0 and 5:3); ignored\n",
                 value);
        return;
    }
    s->ifls = value & 0x3f;
    if (s->rx_count >= pl011_rx_level(s)) {
        s->ris |= INT_RX;
    }
}

static void pl011_reg_write(PL011State *s, hwaddr off, uint32_t value)
{
    switch (off) {
    case PL011_DR:
        pl011_transmit(s, value & 0xff);
        break;
    case PL011_RSR:             /* UARTECR: any write clears the errors */
        s->rsr = 0;
        break;
    case PL011_ILPR:
        s->ilpr = value & 0xff;
        break;
    case PL011_IBRD:
        s->ibrd = value & 0xffff;
        break;
    case PL011_FBRD:
        s->fbrd = value & 0x3f;
        break;
    case PL011_LCR_H:
        pl011_write_lcr_h(s, value);
        break;
    case PL011_CR:
        s->cr = value & 0xff87;  /* bits 6:3 are reserved */
        if ((s->cr & (CR_UARTEN | CR_RXE)) == (CR_UARTEN | CR_RXE) &&
            s->input_stalled) {
            s->input_stalled = false;
            g_main_context_wakeup(NULL);
        }
        break;
    case PL011_IFLS:
        pl011_write_ifls(s, value);
        break;
    case PL011_IMSC:
        s->imsc = value & INT_ALL;
        break;
    case PL011_ICR:
        s->ris &= ~value;
        break;
    case PL011_DMACR:
        s->dmacr = value & 7;
        if (value & 7) {
            log_mask(LOG_UNIMP, "pl011: DMA (UARTDMACR 0x%x) is not "
                     "implemented\n", value);
        }
        break;
    default:
        log_mask(LOG_GUEST_ERROR, "pl011: write of 0x%x to %s offset "
                 "0x%03x\n", value,
                 off == PL011_FR || off == PL011_RIS || off == PL011_MIS ||
                 off >= PL011_ID_BASE ? "read-only" : "reserved",
                 (unsigned)off);
        return;
    }
    pl011_update_irq(s);
}

static uint64_t pl011_read(void *opaque, hwaddr addr, unsigned size)
{
    PL011State *s = opaque;
    uint32_t value;

    qdev_reg32_access_ok("pl011", addr, size, false);
    g_mutex_lock(&s->lock);
    value = pl011_reg_read(s, addr & ~(hwaddr)3);
    pl011_update_irq(s);
    g_mutex_unlock(&s->lock);
    return value >> ((addr & 3) * 8);
}

static void pl011_write(void *opaque, hwaddr addr, uint64_t data,
                        unsigned size)
{
    PL011State *s = opaque;

    qdev_reg32_access_ok("pl011", addr, size, true);
    g_mutex_lock(&s->lock);
    pl011_reg_write(s, addr & ~(hwaddr)3, (uint32_t)(data << ((addr & 3) * 8)));
    g_mutex_unlock(&s->lock);
}

static const MemoryRegionOps pl011_ops = {
    .read = pl011_read,
    .write = pl011_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 1, .max_access_size = 4 },
    .impl = { .min_access_size = 1, .max_access_size = 4 },
};

/* ---------------------------------------------------------------------- */
/* Input and the receive timeout                                          */

static int pl011_can_read(void *opaque)
{
    PL011State *s = opaque;
    int room = 0;

    g_mutex_lock(&s->lock);
    if ((s->cr & (CR_UARTEN | CR_RXE)) == (CR_UARTEN | CR_RXE)) {
        room = pl011_depth(s) - s->rx_count;
    }
    s->input_stalled = room == 0;
    g_mutex_unlock(&s->lock);
    return room;
}

static void pl011_receive(void *opaque, const uint8_t *buf, int len)
{
    PL011State *s = opaque;

    g_mutex_lock(&s->lock);
    for (int i = 0; i < len; i++) {
        pl011_push_rx(s, buf[i]);
    }
    pl011_update_irq(s);
    g_mutex_unlock(&s->lock);
}

static void pl011_timeout(void *opaque)
{
    PL011State *s = opaque;

    g_mutex_lock(&s->lock);
    if (s->rx_count) {
        s->ris |= INT_RT;
        pl011_update_irq(s);
    }
    g_mutex_unlock(&s->lock);
}

/* ---------------------------------------------------------------------- */
/* Life cycle                                                             */

static void pl011_reset_enter(Object *obj, ResetType type)
{
    PL011State *s = PL011(obj);

    g_mutex_lock(&s->lock);
    s->rsr = 0;
    s->ilpr = 0;
    s->ibrd = 0;
    s->fbrd = 0;
    s->baud_div = 0;
    s->lcr_h = 0;
    s->cr = CR_RESET;
    s->ifls = IFLS_RESET;
    s->imsc = 0;
    s->ris = 0;
    s->dmacr = 0;
    pl011_flush_rx(s);
    g_mutex_unlock(&s->lock);
}

static void pl011_reset_hold(Object *obj, ResetType type)
{
    PL011State *s = PL011(obj);

    g_mutex_lock(&s->lock);
    pl011_update_irq(s);
    g_mutex_unlock(&s->lock);
}

static bool pl011_realize(Object *obj, Error **errp)
{
    PL011State *s = PL011(obj);
    MachineState *ms = machine_of(obj);

    if (DEVICE_GET_CLASS(obj)->parent_realize &&
        !DEVICE_GET_CLASS(obj)->parent_realize(obj, errp)) {
        return false;
    }
    if (!ms) {
        g_autofree char *what = object_describe(obj);

        error_setg(errp, "%s: a pl011 must be inside a machine (its "
                   "receive timeout runs on the machine's virtual clock)",
                   what);
        return false;
    }
    s->vclock = ms->virtual_clock;
    s->rx_timeout = timer_new_ns(s->vclock, pl011_timeout, s);
    pl011_reset_enter(obj, RESET_TYPE_COLD);
    if (s->line_prefix) {
        s->line = g_string_new(NULL);
    }
    if (s->chr && !s->line_prefix) {
        chardev_set_handlers(CHARDEV(s->chr), pl011_can_read, pl011_receive,
                             NULL, s);
    }
    return true;
}

static void pl011_unrealize(Object *obj)
{
    PL011State *s = PL011(obj);

    if (s->chr && !s->line_prefix) {
        chardev_set_handlers(CHARDEV(s->chr), NULL, NULL, NULL, NULL);
    }
    if (s->line) {
        g_string_free(s->line, TRUE);
        s->line = NULL;
    }
    timer_free(s->rx_timeout);
    s->rx_timeout = NULL;
}

static void pl011_instance_init(Object *obj)
{
    PL011State *s = PL011(obj);
    DeviceState *dev = DEVICE(obj);

    g_mutex_init(&s->lock);
    memory_region_init_io(&s->iomem, obj, &pl011_ops, s, "pl011",
                          PL011_MMIO_SIZE);
    qdev_init_mmio(dev, &s->iomem);
    qdev_init_gpio_out_named(dev, &s->irq, "irq", 1);
    s->clk = qdev_init_clock_in(dev, "clk", NULL, NULL, 0);
    s->cr = CR_RESET;
    s->ifls = IFLS_RESET;
}

static void pl011_instance_finalize(Object *obj)
{
    PL011State *s = PL011(obj);

    if (s->rx_timeout) {
        pl011_unrealize(obj);
    }
    memory_region_finalize(&s->iomem);
    g_mutex_clear(&s->lock);
}

static const PropDef pl011_props[] = {
    DEFINE_PROP_LINK("chardev", PL011State, chr, TYPE_CHARDEV,
                     "character device of the serial line"),
    DEFINE_PROP_STRING("line-prefix", PL011State, line_prefix,
                       "output only, written a line at a time with this "
                       "prefix (a UART sharing another's chardev)"),
    PROP_END
};

static void pl011_class_init(ObjectClass *oc, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);

    dc->desc = "Arm PrimeCell UART (PL011)";
    dc->category = DEVICE_CATEGORY_CHAR;
    dc->parent_realize = oc->realize;
    dc->reset_enter = pl011_reset_enter;
    dc->reset_hold = pl011_reset_hold;
    oc->realize = pl011_realize;
    oc->unrealize = pl011_unrealize;
    object_class_add_field_props(oc, pl011_props);
}

static const TypeInfo pl011_types[] = {
    {
        .name = TYPE_PL011,
        .parent = TYPE_DEVICE,
        .description = "Arm PrimeCell UART (PL011)",
        .instance_size = sizeof(PL011State),
        .instance_init = pl011_instance_init,
        .instance_finalize = pl011_instance_finalize,
        .class_init = pl011_class_init,
    },
};

DEFINE_TYPES(pl011_types)
