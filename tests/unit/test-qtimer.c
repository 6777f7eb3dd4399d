/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Unit tests of the Hexagon QTimer (target/hexagon/hw/qtimer.c) through
 * the memory API, with no CPU: the device sits in a "none" machine whose
 * virtual clock runs on a fake time source the test advances; its
 * access-control block is mapped at 0xfc920000 and its frames at
 * 0xfc921000 (the V66G_1024 addresses); its outputs are lines of the test.
 *
 * Expected values: offsets and bits from the reference (hexagon-system.md
 * 1.3: CNTPCT 0x00/0x04, CNTFRQ 0x10, CVAL 0x20/0x24, TVAL 0x28, CTL 0x2c
 * with EN/IMASK/ISTAT, version 0x20020000 at 0xfd0, CNTTID 0x08, CNTACR
 * 0x40+4n) and the Arm generic timer rules; counts are worked at 19.2 MHz
 * in the comments (19.2 ticks per microsecond).
 */
#include "hemu/osdep.h"
#include "hw/boards.h"
#include "hw/irq.h"
#include "hw/qdev.h"
#include "hw/resettable.h"
#include "system/memory.h"
#include "util/timer.h"
#include "qtimer.h"

#define AC 0xfc920000ull
#define FRAME(n) (0xfc921000ull + 0x1000 * (n))
#define CNTFRQ_AC 0x000
#define CNTTID 0x008
#define CNTACR(n) (0x040 + 4 * (n))
#define VERSION 0xfd0
#define CNTPCT_LO 0x00
#define CNTPCT_HI 0x04
#define CNTFRQ 0x10
#define CVAL_LO 0x20
#define CVAL_HI 0x24
#define TVAL 0x28
#define CTL 0x2c
#define CTL_EN 1
#define CTL_IMASK 2
#define CTL_ISTAT 4
#define NS_PER_S 1000000000ll

typedef struct Rig {
    Object *root;
    MachineState *ms;
    DeviceState *qt;
    AddressSpace as;
    IRQLine *line[2];
    int level[2];
    int64_t fake_ns;
} Rig;

static int64_t fake_now(void *opaque)
{
    return ((Rig *)opaque)->fake_ns;
}

static void out_seen(void *opaque, int n, int level)
{
    ((Rig *)opaque)->level[n] = level;
}

static void rig_init(Rig *r)
{
    memset(r, 0, sizeof(*r));
    r->root = object_new(TYPE_CONTAINER);
    r->ms = machine_create(r->root, "none", NULL, &error_abort);
    timer_clock_set_source(r->ms->virtual_clock, fake_now, r);
    timer_clock_start(r->ms->virtual_clock);
    r->qt = qdev_new_child(OBJECT(r->ms), "qtimer", TYPE_HEX_QTIMER,
                           &error_abort);
    for (int i = 0; i < 2; i++) {
        r->line[i] = irq_new(out_seen, r, i);
        qdev_connect_gpio_out(r->qt, i, r->line[i]);
    }
    g_assert_true(qdev_realize(r->qt, &error_abort));
    memory_region_add_subregion(&r->ms->sysmem, AC, qdev_get_mmio(r->qt, 0));
    memory_region_add_subregion(&r->ms->sysmem, FRAME(0),
                                qdev_get_mmio(r->qt, 1));
    address_space_init(&r->as, &r->ms->sysmem, "test");
}

static void rig_free(Rig *r)
{
    address_space_destroy(&r->as);
    memory_region_del_subregion(&r->ms->sysmem, qdev_get_mmio(r->qt, 0));
    memory_region_del_subregion(&r->ms->sysmem, qdev_get_mmio(r->qt, 1));
    timer_clock_stop(r->ms->virtual_clock);
    object_unref(r->root);
    for (int i = 0; i < 2; i++) {
        irq_free(r->line[i]);
    }
}

static uint64_t ld(Rig *r, hwaddr addr, MemOp op)
{
    MemTxResult res;
    uint64_t v = address_space_ld(&r->as, addr, op, MEMTXATTRS_UNSPECIFIED,
                                  &res);

    g_assert_cmpuint(res, ==, MEMTX_OK);
    return v;
}

static uint32_t rd(Rig *r, hwaddr addr)
{
    return ld(r, addr, MO_32);
}

static void wr(Rig *r, hwaddr addr, uint64_t v, MemOp op)
{
    MemTxResult res;

    address_space_st(&r->as, addr, v, op, MEMTXATTRS_UNSPECIFIED, &res);
    g_assert_cmpuint(res, ==, MEMTX_OK);
}

static void advance(Rig *r, int64_t ns)
{
    r->fake_ns += ns;
    timer_clock_run_expired(r->ms->virtual_clock);
}

static void test_ids(void)
{
    Rig r;

    rig_init(&r);
    g_assert_cmphex(rd(&r, AC + VERSION), ==, 0x20020000);
    g_assert_cmphex(rd(&r, FRAME(0) + VERSION), ==, 0x20020000);
    /* CNTTID: FI (0x1) in the nibble of each of the 2 frames */
    g_assert_cmphex(rd(&r, AC + CNTTID), ==, 0x11);
    g_assert_cmpuint(rd(&r, AC + CNTFRQ_AC), ==, 19200000);
    g_assert_cmpuint(rd(&r, FRAME(1) + CNTFRQ), ==, 19200000);
    g_assert_cmphex(rd(&r, AC + CNTACR(0)), ==, 0x3f);
    g_assert_cmphex(rd(&r, FRAME(0) + CTL), ==, 0);
    /* CNTFRQ is informational: rewriting it does not change the rate */
    wr(&r, AC + CNTFRQ_AC, 1000, MO_32);
    g_assert_cmpuint(rd(&r, FRAME(0) + CNTFRQ), ==, 1000);
    advance(&r, NS_PER_S);
    g_assert_cmpuint(rd(&r, FRAME(0) + CNTPCT_LO), ==, 19200000);
    rig_free(&r);
}

static void test_counter(void)
{
    Rig r;

    rig_init(&r);
    g_assert_cmpuint(rd(&r, FRAME(0) + CNTPCT_LO), ==, 0);
    advance(&r, NS_PER_S);                      /* 1 s: 19.2e6 ticks */
    g_assert_cmpuint(rd(&r, FRAME(0) + CNTPCT_LO), ==, 19200000);
    advance(&r, 1000);                          /* +1 us: +19.2 -> 19 */
    g_assert_cmpuint(rd(&r, FRAME(0) + CNTPCT_LO), ==, 19200019);
    /* 300 s: 5.76e9 = 0x1_5752_a000, past 32 bits */
    advance(&r, 299 * NS_PER_S - 1000);
    g_assert_cmphex(rd(&r, FRAME(0) + CNTPCT_LO), ==, 0x5752a000);
    g_assert_cmphex(rd(&r, FRAME(0) + CNTPCT_HI), ==, 1);
    g_assert_cmphex(ld(&r, FRAME(1) + CNTPCT_LO, MO_64), ==, 0x15752a000ull);
    g_assert_cmphex(hex_qtimer_read_count(r.qt), ==, 0x15752a000ull);
    /* reset restarts the count from the current time */
    resettable_reset(OBJECT(r.qt), RESET_TYPE_COLD);
    g_assert_cmpuint(rd(&r, FRAME(0) + CNTPCT_LO), ==, 0);
    advance(&r, 1000000);                       /* 1 ms: 19200 */
    g_assert_cmpuint(rd(&r, FRAME(0) + CNTPCT_LO), ==, 19200);
    rig_free(&r);
}

static void test_compare_expiry(void)
{
    Rig r;

    rig_init(&r);
    advance(&r, 1000000);                       /* count 19200 */
    /* fire 192 ticks (10 us) later: CVAL = 19392 */
    wr(&r, FRAME(0) + CVAL_LO, 19392, MO_32);
    wr(&r, FRAME(0) + CVAL_HI, 0, MO_32);
    wr(&r, FRAME(0) + CTL, CTL_EN, MO_32);
    g_assert_cmphex(rd(&r, FRAME(0) + CTL), ==, CTL_EN);
    g_assert_cmpint(r.level[0], ==, 0);
    advance(&r, 9999);                          /* 191.98 -> 191 ticks */
    g_assert_cmpint(r.level[0], ==, 0);
    advance(&r, 1);                             /* exactly 192 */
    g_assert_cmpint(r.level[0], ==, 1);
    g_assert_cmphex(rd(&r, FRAME(0) + CTL), ==, CTL_EN | CTL_ISTAT);
    g_assert_cmpint(r.level[1], ==, 0);         /* frame 1 untouched */
    /* IMASK drops the line, ISTAT stays */
    wr(&r, FRAME(0) + CTL, CTL_EN | CTL_IMASK, MO_32);
    g_assert_cmpint(r.level[0], ==, 0);
    g_assert_cmphex(rd(&r, FRAME(0) + CTL), ==, CTL_EN | CTL_IMASK |
                    CTL_ISTAT);
    /* a later compare value clears the condition; ISTAT is read-only */
    wr(&r, FRAME(0) + CTL, CTL_EN | CTL_ISTAT, MO_32);
    g_assert_cmpint(r.level[0], ==, 1);
    wr(&r, FRAME(0) + CVAL_LO, 0x100000, MO_64);
    g_assert_cmpint(r.level[0], ==, 0);
    g_assert_cmphex(ld(&r, FRAME(0) + CVAL_LO, MO_64), ==, 0x100000);
    /* disabling clears ISTAT */
    wr(&r, FRAME(0) + CTL, 0, MO_32);
    g_assert_cmphex(rd(&r, FRAME(0) + CTL), ==, 0);
    /*
     * A deadline between nanoseconds: now = 1,010,000 ns, count 19392;
     * one tick more is 19393 = 1,010,052.08 ns, reached at ns 1,010,053
     * (at 1,010,052 the count is still 19392.998 -> 19392).
     */
    wr(&r, FRAME(0) + CVAL_LO, 19393, MO_64);
    wr(&r, FRAME(0) + CTL, CTL_EN, MO_32);
    advance(&r, 52);
    g_assert_cmpint(r.level[0], ==, 0);
    advance(&r, 1);
    g_assert_cmpint(r.level[0], ==, 1);
    rig_free(&r);
}

static void test_tval(void)
{
    Rig r;

    rig_init(&r);
    advance(&r, 1000000);                       /* count 19200 */
    /* TVAL 1920 (100 us): CVAL = 19200 + 1920 = 21120 */
    wr(&r, FRAME(1) + TVAL, 1920, MO_32);
    g_assert_cmpuint(rd(&r, FRAME(1) + CVAL_LO), ==, 21120);
    wr(&r, FRAME(1) + CTL, CTL_EN, MO_32);
    advance(&r, 50000);                         /* 960 ticks later */
    g_assert_cmpuint(rd(&r, FRAME(1) + TVAL), ==, 960);
    g_assert_cmpint(r.level[1], ==, 0);
    advance(&r, 100000);                        /* 960 past CVAL */
    g_assert_cmphex(rd(&r, FRAME(1) + TVAL), ==, (uint32_t)-960);
    g_assert_cmpint(r.level[1], ==, 1);
    g_assert_cmpint(r.level[0], ==, 0);
    /* a negative TVAL puts CVAL in the past: the condition holds */
    wr(&r, FRAME(1) + TVAL, (uint32_t)-5, MO_32);
    g_assert_cmpint(r.level[1], ==, 1);
    /* reset lowers the output and disarms */
    resettable_reset(OBJECT(r.qt), RESET_TYPE_COLD);
    g_assert_cmpint(r.level[1], ==, 0);
    advance(&r, NS_PER_S);
    g_assert_cmpint(r.level[1], ==, 0);
    rig_free(&r);
}

static void test_access_control(void)
{
    Rig r;

    rig_init(&r);
    advance(&r, NS_PER_S);
    /* CNTACR0 = 0: frame 0 reads zero and ignores writes */
    wr(&r, AC + CNTACR(0), 0, MO_32);
    g_assert_cmpuint(rd(&r, FRAME(0) + CNTPCT_LO), ==, 0);
    g_assert_cmpuint(rd(&r, FRAME(0) + CNTFRQ), ==, 0);
    wr(&r, FRAME(0) + CTL, CTL_EN, MO_32);
    wr(&r, AC + CNTACR(0), 0x3f, MO_32);
    g_assert_cmphex(rd(&r, FRAME(0) + CTL), ==, 0);
    /* only RPCT (bit 0): the count reads, the timer does not */
    wr(&r, AC + CNTACR(1), 0x01, MO_32);
    g_assert_cmpuint(rd(&r, FRAME(1) + CNTPCT_LO), ==, 19200000);
    wr(&r, FRAME(1) + CVAL_LO, 5, MO_32);
    wr(&r, AC + CNTACR(1), 0x3f, MO_32);
    g_assert_cmpuint(rd(&r, FRAME(1) + CVAL_LO), ==, 0);
    /* frame 2 is not implemented (2 frames): reads zero */
    g_assert_cmpuint(rd(&r, FRAME(2) + VERSION), ==, 0);
    rig_free(&r);
}

static void test_needs_machine(void)
{
    Object *root = object_new(TYPE_CONTAINER);
    DeviceState *qt = qdev_new_child(root, "qt", TYPE_HEX_QTIMER,
                                     &error_abort);
    Error *err = NULL;

    g_assert_false(qdev_realize(qt, &err));
    g_assert_nonnull(strstr(error_get_pretty(err), "inside a machine"));
    error_free(err);
    object_unref(root);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/qtimer/ids", test_ids);
    g_test_add_func("/qtimer/counter", test_counter);
    g_test_add_func("/qtimer/compare-expiry", test_compare_expiry);
    g_test_add_func("/qtimer/tval", test_tval);
    g_test_add_func("/qtimer/access-control", test_access_control);
    g_test_add_func("/qtimer/needs-machine", test_needs_machine);
    return g_test_run();
}
