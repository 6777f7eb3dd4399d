/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Unit tests of the PL031 real-time clock (hw/rtc/pl031.c) through the
 * memory API, with no CPU: the device sits in a "none" machine, mapped at
 * 0x09010000 (its address on virt), its irq output an IRQLine of the
 * test, and the machine's virtual clock driven by a fake time source the
 * test advances.
 *
 * Expected values come from the PL031 TRM (ARM DDI 0224): register
 * offsets (table 3-1), the ID bytes (part number 0x031, designer 0x41,
 * PrimeCell ID 0xB105F00D), the 1 Hz counting and the match interrupt;
 * the arithmetic is worked in the comments.
 */
#include "hemu/osdep.h"
#include "hw/boards.h"
#include "hw/qdev.h"
#include "hw/resettable.h"
#include "system/memory.h"
#include "util/timer.h"

#define BASE 0x09010000ull
#define DR 0x000
#define MR 0x004
#define LR 0x008
#define CR 0x00c
#define IMSC 0x010
#define RIS 0x014
#define MIS 0x018
#define ICR 0x01c
#define SEC 1000000000ll

typedef struct Rig {
    Object *root;
    MachineState *ms;
    DeviceState *rtc;
    AddressSpace as;
    IRQLine *line;
    int level;                  /* last level of the irq output */
    int64_t fake_ns;            /* the virtual clock's source */
    int64_t wall_before;        /* host Unix seconds around realize */
    int64_t wall_after;
} Rig;

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
    memset(r, 0, sizeof(*r));
    r->root = object_new(TYPE_CONTAINER);
    r->ms = machine_create(r->root, "none", NULL, &error_abort);
    timer_clock_set_source(r->ms->virtual_clock, fake_now, r);
    timer_clock_start(r->ms->virtual_clock);
    r->rtc = qdev_new_child(OBJECT(r->ms), "rtc", "pl031", &error_abort);
    r->line = irq_new(irq_seen, r, 0);
    qdev_connect_gpio_out_named(r->rtc, "irq", 0, r->line);
    r->wall_before = g_get_real_time() / G_USEC_PER_SEC;
    g_assert_true(qdev_realize(r->rtc, &error_abort));
    r->wall_after = g_get_real_time() / G_USEC_PER_SEC;
    memory_region_add_subregion(&r->ms->sysmem, BASE,
                                qdev_get_mmio(r->rtc, 0));
    address_space_init(&r->as, &r->ms->sysmem, "test");
}

static void rig_free(Rig *r)
{
    address_space_destroy(&r->as);
    memory_region_del_subregion(&r->ms->sysmem, qdev_get_mmio(r->rtc, 0));
    timer_clock_stop(r->ms->virtual_clock);
    object_unref(r->root);
    irq_free(r->line);
}

static uint32_t rd(Rig *r, hwaddr off)
{
    MemTxResult res;
    uint32_t v = address_space_ld(&r->as, BASE + off, MO_32,
                                  MEMTXATTRS_UNSPECIFIED, &res);

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

static void advance(Rig *r, int64_t ns)
{
    r->fake_ns += ns;
    timer_clock_run_expired(r->ms->virtual_clock);
}

static void test_ids(void)
{
    /* TRM 3.3.9-3.3.10: PeriphID0-3 = 0x31 0x10 0x04 0x00 (part 0x031,
       designer 0x41, revision 0); PCellID0-3 = 0x0d 0xf0 0x05 0xb1 */
    static const uint32_t ids[8] = { 0x31, 0x10, 0x04, 0x00,
                                     0x0d, 0xf0, 0x05, 0xb1 };
    Rig r;

    rig_init(&r);
    for (int i = 0; i < 8; i++) {
        g_assert_cmphex(rd(&r, 0xfe0 + 4 * i), ==, ids[i]);
    }
    rig_free(&r);
}

static void test_wall_clock_and_counting(void)
{
    Rig r;
    uint32_t t0;

    rig_init(&r);
    /* the counter starts at the host's Unix time of realize */
    t0 = rd(&r, DR);
    g_assert_cmpint(t0, >=, (uint32_t)r.wall_before);
    g_assert_cmpint(t0, <=, (uint32_t)r.wall_after);
    /* then counts whole seconds of virtual time: 5.5 s -> +5 */
    advance(&r, 5 * SEC + SEC / 2);
    g_assert_cmpuint(rd(&r, DR), ==, t0 + 5);
    /* RTCStart reads 1 (running) and cannot be cleared */
    g_assert_cmphex(rd(&r, CR), ==, 1);
    wr(&r, CR, 0);
    g_assert_cmphex(rd(&r, CR), ==, 1);
    advance(&r, SEC);
    g_assert_cmpuint(rd(&r, DR), ==, t0 + 6);
    rig_free(&r);
}

static void test_load(void)
{
    Rig r;

    rig_init(&r);
    advance(&r, SEC / 3);       /* mid-second: a load restarts the second */
    wr(&r, LR, 1000);
    g_assert_cmpuint(rd(&r, DR), ==, 1000);
    g_assert_cmpuint(rd(&r, LR), ==, 1000);
    advance(&r, SEC - 1);       /* 0.999999999 s after the load */
    g_assert_cmpuint(rd(&r, DR), ==, 1000);
    advance(&r, 1);             /* exactly 1 s after the load */
    g_assert_cmpuint(rd(&r, DR), ==, 1001);
    /* the counter wraps at 32 bits: 0xffffffff + 2 s = 1 */
    wr(&r, LR, 0xffffffff);
    advance(&r, 2 * SEC);
    g_assert_cmpuint(rd(&r, DR), ==, 1);
    rig_free(&r);
}

static void test_match_interrupt(void)
{
    Rig r;

    rig_init(&r);
    wr(&r, LR, 100);
    wr(&r, MR, 103);            /* the counter reaches 103 at +3 s */
    wr(&r, IMSC, 1);
    g_assert_cmphex(rd(&r, MR), ==, 103);
    advance(&r, 3 * SEC - 1);
    g_assert_cmphex(rd(&r, RIS), ==, 0);
    g_assert_cmpint(r.level, ==, 0);
    advance(&r, 1);
    g_assert_cmpuint(rd(&r, DR), ==, 103);
    g_assert_cmphex(rd(&r, RIS), ==, 1);
    g_assert_cmphex(rd(&r, MIS), ==, 1);
    g_assert_cmpint(r.level, ==, 1);
    /* RTCICR clears it; no new match a second later (104 != 103) */
    wr(&r, ICR, 1);
    g_assert_cmphex(rd(&r, RIS), ==, 0);
    g_assert_cmpint(r.level, ==, 0);
    advance(&r, SEC);
    g_assert_cmphex(rd(&r, RIS), ==, 0);

    /* masked: the raw status rises, the line does not */
    wr(&r, IMSC, 0);
    wr(&r, MR, 106);            /* now 104: match at +2 s */
    advance(&r, 2 * SEC);
    g_assert_cmphex(rd(&r, RIS), ==, 1);
    g_assert_cmphex(rd(&r, MIS), ==, 0);
    g_assert_cmpint(r.level, ==, 0);
    /* unmasking a pending match raises the line */
    wr(&r, IMSC, 1);
    g_assert_cmpint(r.level, ==, 1);
    rig_free(&r);
}

static void test_reset(void)
{
    Rig r;

    rig_init(&r);
    wr(&r, LR, 5000);
    wr(&r, MR, 5001);
    wr(&r, IMSC, 1);
    advance(&r, SEC);
    g_assert_cmpint(r.level, ==, 1);
    resettable_reset(OBJECT(r.rtc), RESET_TYPE_COLD);
    /* TRM reset values: RTCMR, RTCLR, RTCIMSC, RTCRIS = 0; the time
       itself survives */
    g_assert_cmphex(rd(&r, MR), ==, 0);
    g_assert_cmphex(rd(&r, LR), ==, 0);
    g_assert_cmphex(rd(&r, IMSC), ==, 0);
    g_assert_cmphex(rd(&r, RIS), ==, 0);
    g_assert_cmpint(r.level, ==, 0);
    g_assert_cmpuint(rd(&r, DR), ==, 5001);
    rig_free(&r);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/pl031/ids", test_ids);
    g_test_add_func("/pl031/wall-clock-and-counting",
                    test_wall_clock_and_counting);
    g_test_add_func("/pl031/load", test_load);
    g_test_add_func("/pl031/match-interrupt", test_match_interrupt);
    g_test_add_func("/pl031/reset", test_reset);
    return g_test_run();
}
