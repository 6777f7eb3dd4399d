/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Unit tests of the hetero-virt IPC mailbox (hw/misc/hetero-mailbox.c)
 * through the memory API, with no CPU: both views are mapped where
 * hetero-virt puts them (apps view at 0x0b000000, DSP view at 0xfc940000)
 * in one address space of the test, and the two interrupt outputs are
 * IRQLines of the test that record their level.
 *
 * Expected values are the register contract of docs/user/hetero-devices.md ("IPC
 * mailbox"), worked by hand in the comments; the register offsets are
 * written out as numbers here on purpose, so a wrong #define in the
 * device's header would not go unnoticed.
 */
#include "hemu/osdep.h"
#include "hw/misc/hetero-mailbox.h"
#include "hw/qdev.h"
#include "hw/resettable.h"
#include "system/memory.h"

#define APPS 0x0b000000ull      /* side A view */
#define DSP 0xfc940000ull       /* side B view */

#define ID 0x000
#define VERSION 0x004
#define SIDE 0x008
#define NUM_MSG 0x00c
#define RAISE 0x010
#define RAISED 0x014
#define STATUS 0x020
#define CLEAR 0x024
#define ENABLE 0x028
#define PENDING 0x02c
#define COUNT 0x030
#define OUT(i) (0x100 + 4 * (i))
#define IN(i) (0x180 + 4 * (i))

typedef struct Rig {
    Object *root;
    DeviceState *mbox;
    MemoryRegion sys;
    AddressSpace as;
    IRQLine *line[2];
    int level[2];               /* last level driven on output 0 / 1 */
    int drives[2];              /* how often each was driven */
} Rig;

static void irq_seen(void *opaque, int n, int level)
{
    Rig *r = opaque;

    r->level[n] = level;
    r->drives[n]++;
}

static void rig_init(Rig *r)
{
    memset(r, 0, sizeof(*r));
    r->root = object_new(TYPE_CONTAINER);
    r->mbox = qdev_new_child(r->root, "mbox", TYPE_HETERO_MAILBOX,
                             &error_abort);
    for (int i = 0; i < 2; i++) {
        r->line[i] = irq_new(irq_seen, r, i);
        qdev_connect_gpio_out(r->mbox, i, r->line[i]);
        r->level[i] = -1;       /* not driven yet */
    }
    g_assert_true(qdev_realize(r->mbox, &error_abort));
    memory_region_init(&r->sys, NULL, "sys", UINT64_MAX);
    memory_region_add_subregion(&r->sys, APPS, qdev_get_mmio(r->mbox, 0));
    memory_region_add_subregion(&r->sys, DSP, qdev_get_mmio(r->mbox, 1));
    address_space_init(&r->as, &r->sys, "test");
    resettable_reset(OBJECT(r->mbox), RESET_TYPE_COLD);
}

static void rig_free(Rig *r)
{
    address_space_destroy(&r->as);
    memory_region_del_subregion(&r->sys, qdev_get_mmio(r->mbox, 0));
    memory_region_del_subregion(&r->sys, qdev_get_mmio(r->mbox, 1));
    memory_region_finalize(&r->sys);
    object_unref(r->root);
    irq_free(r->line[0]);
    irq_free(r->line[1]);
}

static uint64_t ld(Rig *r, hwaddr addr, MemOp op)
{
    MemTxResult res;
    uint64_t v = address_space_ld(&r->as, addr, op, MEMTXATTRS_UNSPECIFIED,
                                  &res);

    g_assert_cmpuint(res, ==, MEMTX_OK);
    return v;
}

static void st(Rig *r, hwaddr addr, uint64_t v, MemOp op)
{
    MemTxResult res;

    address_space_st(&r->as, addr, v, op, MEMTXATTRS_UNSPECIFIED, &res);
    g_assert_cmpuint(res, ==, MEMTX_OK);
}

static uint32_t rd(Rig *r, hwaddr view, hwaddr off)
{
    return (uint32_t)ld(r, view + off, MO_32);
}

static void wr(Rig *r, hwaddr view, hwaddr off, uint32_t v)
{
    st(r, view + off, v, MO_32);
}

static void test_ids(void)
{
    Rig r;

    rig_init(&r);
    /* "MBOX" = 0x4d 0x42 0x4f 0x58; version 1.0; 16 words */
    g_assert_cmphex(rd(&r, APPS, ID), ==, 0x4d424f58);
    g_assert_cmphex(rd(&r, DSP, ID), ==, 0x4d424f58);
    g_assert_cmphex(rd(&r, APPS, VERSION), ==, 0x00010000);
    g_assert_cmphex(rd(&r, DSP, VERSION), ==, 0x00010000);
    g_assert_cmpuint(rd(&r, APPS, SIDE), ==, 0);
    g_assert_cmpuint(rd(&r, DSP, SIDE), ==, 1);
    g_assert_cmpuint(rd(&r, APPS, NUM_MSG), ==, 16);
    g_assert_cmpuint(rd(&r, DSP, NUM_MSG), ==, 16);
    /* the reset hold phase drove both lines low */
    g_assert_cmpint(r.level[0], ==, 0);
    g_assert_cmpint(r.level[1], ==, 0);
    rig_free(&r);
}

/*
 * One direction of doorbells: @self rings @peer, whose interrupt is
 * output @peer_irq; the other output (@self_irq) must not move.
 */
static void check_doorbell(Rig *r, hwaddr self, hwaddr peer, int self_irq,
                           int peer_irq)
{
    /* ring bits 0 and 2 (0x5): the peer sees them, self does not */
    wr(r, self, RAISE, 0x5);
    g_assert_cmphex(rd(r, peer, STATUS), ==, 0x5);
    g_assert_cmphex(rd(r, self, RAISED), ==, 0x5);
    g_assert_cmphex(rd(r, self, STATUS), ==, 0);
    g_assert_cmphex(rd(r, peer, RAISED), ==, 0);
    g_assert_cmpuint(rd(r, peer, COUNT), ==, 1);
    g_assert_cmpuint(rd(r, self, COUNT), ==, 0);
    /* the peer's enable is 0: nothing pending, line low */
    g_assert_cmphex(rd(r, peer, PENDING), ==, 0);
    g_assert_cmpint(r->level[peer_irq], ==, 0);
    /* RAISE and CLEAR read 0 */
    g_assert_cmphex(rd(r, self, RAISE), ==, 0);
    g_assert_cmphex(rd(r, peer, CLEAR), ==, 0);

    /* enable bit 2 only: PENDING = 0x5 & 0x4 = 0x4, the line rises */
    wr(r, peer, ENABLE, 0x4);
    g_assert_cmphex(rd(r, peer, ENABLE), ==, 0x4);
    g_assert_cmphex(rd(r, peer, PENDING), ==, 0x4);
    g_assert_cmpint(r->level[peer_irq], ==, 1);
    g_assert_cmpint(r->level[self_irq], ==, 0);

    /* clear bit 2: STATUS 0x1, PENDING 0, the line falls */
    wr(r, peer, CLEAR, 0x4);
    g_assert_cmphex(rd(r, peer, STATUS), ==, 0x1);
    g_assert_cmphex(rd(r, self, RAISED), ==, 0x1);
    g_assert_cmphex(rd(r, peer, PENDING), ==, 0);
    g_assert_cmpint(r->level[peer_irq], ==, 0);

    /* CLEAR from self's view acts on self's STATUS, not the peer's */
    wr(r, self, CLEAR, 0x1);
    g_assert_cmphex(rd(r, peer, STATUS), ==, 0x1);

    /* a zero RAISE does not count; ringing a set bit counts again */
    wr(r, self, RAISE, 0);
    g_assert_cmpuint(rd(r, peer, COUNT), ==, 1);
    wr(r, self, RAISE, 0x1);
    g_assert_cmpuint(rd(r, peer, COUNT), ==, 2);
    g_assert_cmphex(rd(r, peer, STATUS), ==, 0x1);

    /* enabling a pending bit raises the line; all 32 bits are doorbells */
    wr(r, peer, ENABLE, 0xffffffff);
    g_assert_cmphex(rd(r, peer, ENABLE), ==, 0xffffffff);
    g_assert_cmpint(r->level[peer_irq], ==, 1);
    wr(r, self, RAISE, 0x80000000);
    g_assert_cmphex(rd(r, peer, PENDING), ==, 0x80000001);
    wr(r, peer, CLEAR, 0xffffffff);
    g_assert_cmphex(rd(r, peer, STATUS), ==, 0);
    g_assert_cmpint(r->level[peer_irq], ==, 0);
    g_assert_cmpint(r->level[self_irq], ==, 0);
    /* STATUS is read-only: a write does not set doorbells */
    wr(r, peer, STATUS, 0x3);
    g_assert_cmphex(rd(r, peer, STATUS), ==, 0);
}

static void test_doorbell_apps_to_dsp(void)
{
    Rig r;

    rig_init(&r);
    check_doorbell(&r, APPS, DSP, 0, 1);
    rig_free(&r);
}

static void test_doorbell_dsp_to_apps(void)
{
    Rig r;

    rig_init(&r);
    check_doorbell(&r, DSP, APPS, 1, 0);
    rig_free(&r);
}

static void test_both_directions(void)
{
    Rig r;

    rig_init(&r);
    wr(&r, APPS, ENABLE, 0x1);
    wr(&r, DSP, ENABLE, 0x2);
    wr(&r, APPS, RAISE, 0x2);   /* DSP: STATUS 0x2 & ENABLE 0x2 -> high */
    wr(&r, DSP, RAISE, 0x1);    /* apps: STATUS 0x1 & ENABLE 0x1 -> high */
    g_assert_cmpint(r.level[0], ==, 1);
    g_assert_cmpint(r.level[1], ==, 1);
    wr(&r, APPS, CLEAR, 0x1);
    g_assert_cmpint(r.level[0], ==, 0);
    g_assert_cmpint(r.level[1], ==, 1);
    /* a write that changes no level drives nothing */
    {
        int before0 = r.drives[0], before1 = r.drives[1];

        wr(&r, APPS, OUT(0), 42);
        g_assert_cmpint(r.drives[0], ==, before0);
        g_assert_cmpint(r.drives[1], ==, before1);
    }
    rig_free(&r);
}

static void test_messages(void)
{
    Rig r;

    rig_init(&r);
    for (int i = 0; i < 16; i++) {
        wr(&r, APPS, OUT(i), 0xa0000000u + i);
        wr(&r, DSP, OUT(i), 0xd0000000u + i);
    }
    for (int i = 0; i < 16; i++) {
        g_assert_cmphex(rd(&r, APPS, OUT(i)), ==, 0xa0000000u + i);
        g_assert_cmphex(rd(&r, DSP, IN(i)), ==, 0xa0000000u + i);
        g_assert_cmphex(rd(&r, DSP, OUT(i)), ==, 0xd0000000u + i);
        g_assert_cmphex(rd(&r, APPS, IN(i)), ==, 0xd0000000u + i);
    }
    /* IN is read-only: writing it changes neither side */
    wr(&r, APPS, IN(3), 0x12345678);
    g_assert_cmphex(rd(&r, APPS, IN(3)), ==, 0xd0000003);
    g_assert_cmphex(rd(&r, DSP, OUT(3)), ==, 0xd0000003);
    /* message words do not ring anything */
    g_assert_cmphex(rd(&r, APPS, STATUS), ==, 0);
    g_assert_cmphex(rd(&r, DSP, STATUS), ==, 0);
    rig_free(&r);
}

static void test_bad_accesses(void)
{
    Rig r;

    rig_init(&r);
    wr(&r, APPS, OUT(0), 0x11223344);
    wr(&r, APPS, ENABLE, 0xf0);
    /* only aligned 32-bit accesses: 1, 2 and 8 bytes read 0 */
    g_assert_cmphex(ld(&r, APPS + ID, MO_8), ==, 0);
    g_assert_cmphex(ld(&r, APPS + ID, MO_16), ==, 0);
    g_assert_cmphex(ld(&r, APPS + ID, MO_64), ==, 0);
    g_assert_cmphex(ld(&r, APPS + OUT(0) + 2, MO_16), ==, 0);
    /* misaligned 32-bit: 0 */
    g_assert_cmphex(ld(&r, APPS + OUT(0) + 1, MO_32), ==, 0);
    /* and such writes are ignored */
    st(&r, APPS + ENABLE, 0x1, MO_8);
    st(&r, APPS + ENABLE, 0x1, MO_16);
    st(&r, APPS + ENABLE, 0x1, MO_64);
    st(&r, APPS + ENABLE + 1, 0x1, MO_32);
    st(&r, APPS + RAISE, 0x1, MO_8);
    g_assert_cmphex(rd(&r, APPS, ENABLE), ==, 0xf0);
    g_assert_cmphex(rd(&r, DSP, STATUS), ==, 0);
    g_assert_cmpuint(rd(&r, DSP, COUNT), ==, 0);
    /* reserved offsets read 0 and ignore writes */
    static const hwaddr reserved[] = { 0x018, 0x01c, 0x034, 0x0fc, 0x140,
                                       0x17c, 0x1c0, 0xffc };
    for (size_t i = 0; i < ARRAY_SIZE(reserved); i++) {
        wr(&r, APPS, reserved[i], 0xffffffff);
        g_assert_cmphex(rd(&r, APPS, reserved[i]), ==, 0);
        g_assert_cmphex(rd(&r, DSP, reserved[i]), ==, 0);
    }
    /* read-only registers ignore writes */
    wr(&r, APPS, ID, 0);
    wr(&r, APPS, SIDE, 1);
    wr(&r, APPS, COUNT, 7);
    wr(&r, APPS, RAISED, 7);
    g_assert_cmphex(rd(&r, APPS, ID), ==, 0x4d424f58);
    g_assert_cmpuint(rd(&r, APPS, SIDE), ==, 0);
    g_assert_cmpuint(rd(&r, APPS, COUNT), ==, 0);
    g_assert_cmphex(rd(&r, APPS, RAISED), ==, 0);
    g_assert_cmphex(rd(&r, APPS, OUT(0)), ==, 0x11223344);
    rig_free(&r);
}

static void test_reset(void)
{
    Rig r;

    rig_init(&r);
    wr(&r, APPS, ENABLE, 0x3);
    wr(&r, DSP, ENABLE, 0x3);
    wr(&r, APPS, RAISE, 0x1);
    wr(&r, DSP, RAISE, 0x2);
    wr(&r, APPS, OUT(5), 5);
    wr(&r, DSP, OUT(15), 15);
    g_assert_cmpint(r.level[0], ==, 1);
    g_assert_cmpint(r.level[1], ==, 1);
    resettable_reset(OBJECT(r.mbox), RESET_TYPE_COLD);
    /* everything 0, both lines low */
    g_assert_cmpint(r.level[0], ==, 0);
    g_assert_cmpint(r.level[1], ==, 0);
    for (int v = 0; v < 2; v++) {
        hwaddr view = v ? DSP : APPS;

        g_assert_cmphex(rd(&r, view, STATUS), ==, 0);
        g_assert_cmphex(rd(&r, view, RAISED), ==, 0);
        g_assert_cmphex(rd(&r, view, ENABLE), ==, 0);
        g_assert_cmphex(rd(&r, view, PENDING), ==, 0);
        g_assert_cmpuint(rd(&r, view, COUNT), ==, 0);
        for (int i = 0; i < 16; i++) {
            g_assert_cmphex(rd(&r, view, OUT(i)), ==, 0);
            g_assert_cmphex(rd(&r, view, IN(i)), ==, 0);
        }
    }
    rig_free(&r);
}

/* Two threads ring each other at once, as two vCPU threads would. */
#define RINGS 20000

typedef struct Ringer {
    Rig *r;
    hwaddr self;
} Ringer;

static gpointer ringer(gpointer opaque)
{
    Ringer *g = opaque;

    memory_rcu_register_thread();
    for (int i = 0; i < RINGS; i++) {
        wr(g->r, g->self, RAISE, 1u << (i & 31));
        wr(g->r, g->self, OUT(i & 15), (uint32_t)i);
    }
    memory_rcu_unregister_thread();
    return NULL;
}

static void test_concurrent(void)
{
    Rig r;
    Ringer a, b;
    GThread *ta, *tb;

    rig_init(&r);
    a = (Ringer){ .r = &r, .self = APPS };
    b = (Ringer){ .r = &r, .self = DSP };
    wr(&r, APPS, ENABLE, 0xffffffff);
    wr(&r, DSP, ENABLE, 0xffffffff);
    ta = g_thread_new("apps", ringer, &a);
    tb = g_thread_new("dsp", ringer, &b);
    g_thread_join(ta);
    g_thread_join(tb);
    /* every non-zero RAISE counted once; all 32 bits rung on both sides;
       both lines ended high (STATUS & ENABLE = 0xffffffff) */
    g_assert_cmpuint(rd(&r, APPS, COUNT), ==, RINGS);
    g_assert_cmpuint(rd(&r, DSP, COUNT), ==, RINGS);
    g_assert_cmphex(rd(&r, APPS, STATUS), ==, 0xffffffff);
    g_assert_cmphex(rd(&r, DSP, STATUS), ==, 0xffffffff);
    g_assert_cmpint(r.level[0], ==, 1);
    g_assert_cmpint(r.level[1], ==, 1);
    /* the last OUT[15] write of each side was i = RINGS - 1 = 19999
       (19999 & 15 = 15) */
    g_assert_cmpuint(rd(&r, DSP, IN(15)), ==, RINGS - 1);
    g_assert_cmpuint(rd(&r, APPS, IN(15)), ==, RINGS - 1);
    rig_free(&r);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/hetero-mailbox/ids", test_ids);
    g_test_add_func("/hetero-mailbox/doorbell-apps-to-dsp",
                    test_doorbell_apps_to_dsp);
    g_test_add_func("/hetero-mailbox/doorbell-dsp-to-apps",
                    test_doorbell_dsp_to_apps);
    g_test_add_func("/hetero-mailbox/both-directions",
                    test_both_directions);
    g_test_add_func("/hetero-mailbox/messages", test_messages);
    g_test_add_func("/hetero-mailbox/bad-accesses", test_bad_accesses);
    g_test_add_func("/hetero-mailbox/reset", test_reset);
    g_test_add_func("/hetero-mailbox/concurrent", test_concurrent);
    return g_test_run();
}
