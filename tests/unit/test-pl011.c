/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Unit tests of the PL011 UART (hw/char/pl011.c) through the memory API,
 * with no CPU: the device sits in a "none" machine, mapped at 0x09000000
 * of the machine's memory map, its chardev a pipe, its irq output an
 * IRQLine of the test, its UARTCLK a 24 MHz clock, and the machine's
 * virtual clock driven by a fake time source the test advances.
 *
 * Expected values come from the PL011 TRM (ARM DDI 0183): register
 * offsets (table 3-1), reset values, bit positions, the ID bytes, and the
 * interrupt rules of section 2.8; arithmetic is worked in the comments.
 */
#include "hemu/osdep.h"
#include "hw/boards.h"
#include "hw/clock.h"
#include "hw/qdev.h"
#include "hw/resettable.h"
#include "system/chardev.h"
#include "system/memory.h"
#include "util/timer.h"

#include <fcntl.h>

#define BASE 0x09000000ull
/* Offsets and bits from the TRM, written independently of the model. */
#define DR 0x000
#define RSR 0x004
#define FR 0x018
#define IBRD 0x024
#define FBRD 0x028
#define LCR_H 0x02c
#define CR 0x030
#define IFLS 0x034
#define IMSC 0x038
#define RIS 0x03c
#define MIS 0x040
#define ICR 0x044
#define FR_RXFE 0x10
#define FR_RXFF 0x40
#define FR_TXFE 0x80
#define LCR_H_FEN 0x10
#define CR_EN_TX_RX 0x301       /* UARTEN | TXE | RXE */
#define CR_LBE 0x80
#define INT_RX 0x10
#define INT_TX 0x20
#define INT_RT 0x40

typedef struct Rig {
    Object *root;
    MachineState *ms;
    DeviceState *uart;
    Chardev *chr;
    AddressSpace as;
    IRQLine *line;
    int level;                  /* last level of the irq output */
    int64_t fake_ns;            /* the virtual clock's source */
    GString *out;               /* everything the UART transmitted */
} Rig;

/*
 * A chardev whose output goes into a pipe the test drains: a backend of
 * our own, so the test needs no backend from system/.
 */
#define TYPE_TEST_SINK "chardev-test-sink"
OBJECT_DECLARE_SIMPLE_TYPE(TestSink, TEST_SINK)

struct TestSink {
    Chardev parent_obj;
    int fds[2];                 /* pipe: [0] test reads, [1] UART writes */
};

static bool sink_open(Chardev *chr, Error **errp)
{
    TestSink *t = TEST_SINK(chr);

    g_assert_cmpint(pipe2(t->fds, O_CLOEXEC | O_NONBLOCK), ==, 0);
    chardev_set_fds(chr, -1, t->fds[1]);
    return true;
}

static void sink_close(Chardev *chr)
{
    TestSink *t = TEST_SINK(chr);

    chardev_set_fds(chr, -1, -1);
    for (int i = 0; i < 2; i++) {
        if (t->fds[i] >= 0) {
            close(t->fds[i]);
            t->fds[i] = -1;
        }
    }
}

static void sink_init(Object *obj)
{
    TEST_SINK(obj)->fds[0] = TEST_SINK(obj)->fds[1] = -1;
}

static void sink_class_init(ObjectClass *oc, const void *data)
{
    CHARDEV_CLASS(oc)->open = sink_open;
    CHARDEV_CLASS(oc)->close = sink_close;
}

static const TypeInfo sink_types[] = {
    {
        .name = TYPE_TEST_SINK,
        .parent = TYPE_CHARDEV,
        .instance_size = sizeof(TestSink),
        .instance_init = sink_init,
        .class_init = sink_class_init,
    },
};

DEFINE_TYPES(sink_types)

static int64_t fake_now(void *opaque)
{
    return ((Rig *)opaque)->fake_ns;
}

static void irq_seen(void *opaque, int n, int level)
{
    ((Rig *)opaque)->level = level;
}

static void rig_init(Rig *r)
{
    Clock *clk;

    memset(r, 0, sizeof(*r));
    r->root = object_new(TYPE_CONTAINER);
    r->ms = machine_create(r->root, "none", NULL, &error_abort);
    timer_clock_set_source(r->ms->virtual_clock, fake_now, r);
    timer_clock_start(r->ms->virtual_clock);

    r->out = g_string_new(NULL);
    r->chr = CHARDEV(object_new_child(r->root, "ser0", TYPE_TEST_SINK,
                                      &error_abort));
    g_assert_true(object_realize(OBJECT(r->chr), &error_abort));

    clk = clock_new();
    object_property_add_child(OBJECT(r->ms), "clk24", OBJECT(clk),
                              &error_abort);
    object_unref(OBJECT(clk));
    clock_set_hz(clk, 24000000);

    r->uart = qdev_new_child(OBJECT(r->ms), "uart0", "pl011", &error_abort);
    object_property_set_link(OBJECT(r->uart), "chardev", OBJECT(r->chr),
                             &error_abort);
    g_assert_true(qdev_connect_clock_in(r->uart, "clk", clk, &error_abort));
    r->line = irq_new(irq_seen, r, 0);
    qdev_connect_gpio_out_named(r->uart, "irq", 0, r->line);
    g_assert_true(qdev_realize(r->uart, &error_abort));
    memory_region_add_subregion(&r->ms->sysmem, BASE,
                                qdev_get_mmio(r->uart, 0));
    address_space_init(&r->as, &r->ms->sysmem, "test");
}

static void rig_free(Rig *r)
{
    address_space_destroy(&r->as);
    memory_region_del_subregion(&r->ms->sysmem, qdev_get_mmio(r->uart, 0));
    timer_clock_stop(r->ms->virtual_clock);
    object_unref(r->root);
    irq_free(r->line);
    g_string_free(r->out, TRUE);
}

static uint32_t rd(Rig *r, hwaddr off)
{
    MemTxResult res;
    uint32_t v = address_space_ld(&r->as, BASE + off, MO_32, MEMTXATTRS_UNSPECIFIED,
                                  &res);

    g_assert_cmpuint(res, ==, MEMTX_OK);
    return v;
}

static void wr(Rig *r, hwaddr off, uint32_t v)
{
    MemTxResult res;

    address_space_st(&r->as, BASE + off, v, MO_32, MEMTXATTRS_UNSPECIFIED,
                     &res);
    g_assert_cmpuint(res, ==, MEMTX_OK);
}

/* What the UART sent to its chardev so far; g_free. */
static char *sent(Rig *r)
{
    char buf[64];
    ssize_t n;

    while ((n = read(TEST_SINK(r->chr)->fds[0], buf, sizeof(buf))) > 0) {
        g_string_append_len(r->out, buf, n);
    }
    return g_strdup(r->out->str);
}

/* Bytes arriving on the line, as the chardev delivers them. */
static int room(Rig *r)
{
    return r->chr->can_read ? r->chr->can_read(r->chr->fe_opaque) : 0;
}

static void feed(Rig *r, const char *s)
{
    int len = strlen(s);

    g_assert_cmpint(room(r), >=, len);
    r->chr->read(r->chr->fe_opaque, (const uint8_t *)s, len);
}

static void advance(Rig *r, int64_t ns)
{
    r->fake_ns += ns;
    timer_clock_run_expired(r->ms->virtual_clock);
}

static void test_ids_and_reset_values(void)
{
    /* TRM 3.3.14-3.3.17: PeriphID0-3 then PCellID0-3 at 0xFE0-0xFFC */
    static const uint32_t ids[8] = { 0x11, 0x10, 0x14, 0x00,
                                     0x0d, 0xf0, 0x05, 0xb1 };
    Rig r;

    rig_init(&r);
    for (int i = 0; i < 8; i++) {
        g_assert_cmphex(rd(&r, 0xfe0 + 4 * i), ==, ids[i]);
    }
    /* reset: TX and RX FIFOs empty, TXE|RXE, both levels 1/2, no ints */
    g_assert_cmphex(rd(&r, FR), ==, FR_TXFE | FR_RXFE);
    g_assert_cmphex(rd(&r, CR), ==, 0x300);
    g_assert_cmphex(rd(&r, IFLS), ==, 0x12);
    g_assert_cmphex(rd(&r, IMSC), ==, 0);
    g_assert_cmphex(rd(&r, RIS), ==, 0);
    g_assert_cmpint(r.level, ==, 0);
    /* a register reads back what was written, within its width */
    wr(&r, IBRD, 0x12345);      /* 16 bits */
    wr(&r, FBRD, 0xff);         /* 6 bits */
    g_assert_cmphex(rd(&r, IBRD), ==, 0x2345);
    g_assert_cmphex(rd(&r, FBRD), ==, 0x3f);
    rig_free(&r);
}

static void test_transmit_and_tx_interrupt(void)
{
    g_autofree char *out1 = NULL, *out2 = NULL;
    Rig r;

    rig_init(&r);
    wr(&r, CR, CR_EN_TX_RX);
    wr(&r, DR, 'h');
    wr(&r, DR, 0x100 | 'i');    /* only bits 7:0 are data */
    out1 = sent(&r);
    g_assert_cmpstr(out1, ==, "hi");
    /* TX FIFO drained at or below its level: TXRIS, masked so far */
    g_assert_cmphex(rd(&r, RIS), ==, INT_TX);
    g_assert_cmphex(rd(&r, MIS), ==, 0);
    g_assert_cmpint(r.level, ==, 0);
    wr(&r, IMSC, INT_TX);
    g_assert_cmphex(rd(&r, MIS), ==, INT_TX);
    g_assert_cmpint(r.level, ==, 1);
    wr(&r, ICR, INT_TX);
    g_assert_cmphex(rd(&r, RIS), ==, 0);
    g_assert_cmpint(r.level, ==, 0);
    /* a byte write (Linux's early console) still transmits */
    address_space_st(&r.as, BASE + DR, '!', MO_8, MEMTXATTRS_UNSPECIFIED,
                     NULL);
    out2 = sent(&r);
    g_assert_cmpstr(out2, ==, "hi!");
    g_assert_cmpint(r.level, ==, 1);
    rig_free(&r);
}

static void test_receive_without_fifo(void)
{
    Rig r;

    rig_init(&r);
    /* reset CR has UARTEN clear: the receiver takes nothing */
    g_assert_cmpint(room(&r), ==, 0);
    wr(&r, CR, CR_EN_TX_RX);
    wr(&r, IMSC, INT_RX);
    /* FEN clear: a one-character holding register */
    g_assert_cmpint(room(&r), ==, 1);
    feed(&r, "a");
    g_assert_cmphex(rd(&r, FR), ==, FR_TXFE | FR_RXFF);
    g_assert_cmphex(rd(&r, RIS), ==, INT_RX);
    g_assert_cmpint(r.level, ==, 1);
    g_assert_cmpint(room(&r), ==, 0);
    g_assert_cmphex(rd(&r, DR), ==, 'a');
    g_assert_cmphex(rd(&r, RSR), ==, 0);
    g_assert_cmphex(rd(&r, FR), ==, FR_TXFE | FR_RXFE);
    g_assert_cmphex(rd(&r, RIS), ==, 0);
    g_assert_cmpint(r.level, ==, 0);
    rig_free(&r);
}

static void test_receive_fifo_level(void)
{
    Rig r;

    rig_init(&r);
    wr(&r, CR, CR_EN_TX_RX);
    wr(&r, LCR_H, LCR_H_FEN);
    wr(&r, IMSC, INT_RX);
    /* 16-entry FIFO (revision 1); level 1/2 (IFLS reset) = 8 entries */
    g_assert_cmpint(room(&r), ==, 16);
    feed(&r, "0123456");
    g_assert_cmphex(rd(&r, RIS), ==, 0);
    feed(&r, "7");
    g_assert_cmphex(rd(&r, RIS), ==, INT_RX);
    g_assert_cmpint(r.level, ==, 1);
    g_assert_cmphex(rd(&r, DR), ==, '0');   /* 7 left: below the level */
    g_assert_cmphex(rd(&r, RIS), ==, 0);
    g_assert_cmpint(r.level, ==, 0);
    feed(&r, "89abcdefg");                  /* 7 + 9 = 16: full */
    g_assert_cmphex(rd(&r, FR) & (FR_RXFF | FR_RXFE), ==, FR_RXFF);
    g_assert_cmpint(room(&r), ==, 0);
    for (const char *c = "123456789abcdefg"; *c; c++) {
        g_assert_cmphex(rd(&r, DR), ==, *c);
    }
    g_assert_cmphex(rd(&r, FR) & (FR_RXFF | FR_RXFE), ==, FR_RXFE);
    /* level 1/8 (RXIFLSEL = 0): 2 entries */
    wr(&r, IFLS, 0x00);
    feed(&r, "x");
    g_assert_cmphex(rd(&r, RIS), ==, 0);
    feed(&r, "y");
    g_assert_cmphex(rd(&r, RIS), ==, INT_RX);
    rig_free(&r);
}

static void test_receive_timeout(void)
{
    Rig r;

    rig_init(&r);
    wr(&r, CR, CR_EN_TX_RX);
    /*
     * 115200 baud from 24 MHz: divisor 24e6 / (16 * 115200) = 13.0208,
     * IBRD = 13, FBRD = round(0.0208 * 64) = 1.  Latched by LCR_H.
     * One bit = 16 * (13 + 1/64) cycles = 833/4 cycles; 32 bits = 6664
     * cycles = 6664 / 24 MHz = 277666.7 ns.
     */
    wr(&r, IBRD, 13);
    wr(&r, FBRD, 1);
    wr(&r, LCR_H, LCR_H_FEN);
    wr(&r, IBRD, 26);           /* not latched: no LCR_H write after it */
    wr(&r, IMSC, INT_RT);
    feed(&r, "ab");
    advance(&r, 277000);
    g_assert_cmphex(rd(&r, RIS), ==, 0);
    g_assert_cmpint(r.level, ==, 0);
    advance(&r, 1000);
    g_assert_cmphex(rd(&r, RIS), ==, INT_RT);
    g_assert_cmpint(r.level, ==, 1);
    /* reading one leaves the FIFO non-empty: still asserted */
    g_assert_cmphex(rd(&r, DR), ==, 'a');
    g_assert_cmphex(rd(&r, RIS), ==, INT_RT);
    /* emptying the FIFO clears it */
    g_assert_cmphex(rd(&r, DR), ==, 'b');
    g_assert_cmphex(rd(&r, RIS), ==, 0);
    g_assert_cmpint(r.level, ==, 0);
    /* a new character restarts the 32-bit wait; ICR clears it too */
    feed(&r, "c");
    advance(&r, 300000);
    g_assert_cmphex(rd(&r, RIS), ==, INT_RT);
    wr(&r, ICR, INT_RT);
    g_assert_cmphex(rd(&r, RIS), ==, 0);
    g_assert_cmpint(r.level, ==, 0);
    rig_free(&r);
}

static void test_loopback_and_reset(void)
{
    g_autofree char *out = NULL;
    Rig r;

    rig_init(&r);
    wr(&r, CR, CR_EN_TX_RX | CR_LBE);
    wr(&r, LCR_H, LCR_H_FEN);
    wr(&r, DR, 'x');
    out = sent(&r);
    g_assert_cmpstr(out, ==, "");
    g_assert_cmphex(rd(&r, FR) & FR_RXFE, ==, 0);
    wr(&r, IMSC, INT_TX);
    g_assert_cmpint(r.level, ==, 1);
    resettable_reset(OBJECT(r.uart), RESET_TYPE_COLD);
    g_assert_cmpint(r.level, ==, 0);
    g_assert_cmphex(rd(&r, FR), ==, FR_TXFE | FR_RXFE);
    g_assert_cmphex(rd(&r, CR), ==, 0x300);
    g_assert_cmphex(rd(&r, LCR_H), ==, 0);
    g_assert_cmphex(rd(&r, IMSC), ==, 0);
    g_assert_cmphex(rd(&r, RIS), ==, 0);
    rig_free(&r);
}

static void test_needs_machine(void)
{
    Object *root = object_new(TYPE_CONTAINER);
    DeviceState *uart = qdev_new_child(root, "uart0", "pl011", &error_abort);
    Error *err = NULL;

    g_assert_false(qdev_realize(uart, &err));
    g_assert_nonnull(strstr(error_get_pretty(err), "inside a machine"));
    error_free(err);
    object_unref(root);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/pl011/ids-and-reset-values",
                    test_ids_and_reset_values);
    g_test_add_func("/pl011/transmit", test_transmit_and_tx_interrupt);
    g_test_add_func("/pl011/receive-without-fifo",
                    test_receive_without_fifo);
    g_test_add_func("/pl011/receive-fifo-level", test_receive_fifo_level);
    g_test_add_func("/pl011/receive-timeout", test_receive_timeout);
    g_test_add_func("/pl011/loopback-and-reset", test_loopback_and_reset);
    g_test_add_func("/pl011/needs-machine", test_needs_machine);
    return g_test_run();
}
