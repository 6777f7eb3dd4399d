/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Unit tests of the Hexagon L2VIC (target/hexagon/hw/l2vic.c) through the
 * memory API, with no CPU: the device sits in a "none" machine, its
 * register block mapped at 0xfc910000 and its fast-L2VIC port at
 * 0xd81e0000 (the V66G_1024 addresses), its eight outputs connected to
 * lines of the test that record levels and count rising edges.
 *
 * Expected values are derived by hand from the register layout of the
 * reference (/work/shared/reference/hexagon-system.md 1.3) and QEMU's
 * documented behaviour (docs/devel/hexagon-l2vic.rst): one bit per input
 * in 32-bit words, a 4-bit group field per input, group g -> output 2+g.
 */
#include "hemu/osdep.h"
#include "hw/boards.h"
#include "hw/irq.h"
#include "hw/qdev.h"
#include "hw/resettable.h"
#include "system/memory.h"
#include "l2vic.h"

#define BASE 0xfc910000ull
#define FAST 0xd81e0000ull
/* Offsets from the reference, written independently of the model. */
#define VID_GRP(g) (0x000 + 4 * (g))
#define VID_0 0x010
#define VID_1 0x014
#define INT_ENABLE 0x100
#define INT_ENABLE_CLEAR 0x180
#define INT_ENABLE_SET 0x200
#define INT_TYPE 0x280
#define INT_STATUS 0x380
#define INT_CLEAR 0x400
#define SOFT_INT 0x480
#define INT_PENDING 0x500
#define INT_GRP0 0x600

typedef struct Rig {
    Object *root;
    MachineState *ms;
    DeviceState *vic;
    AddressSpace as;
    IRQLine *line[8];
    int level[8];
    int rises[8];               /* rising edges seen per output */
} Rig;

static void out_seen(void *opaque, int n, int level)
{
    Rig *r = opaque;

    if (level && !r->level[n]) {
        r->rises[n]++;
    }
    r->level[n] = level;
}

static void rig_init(Rig *r)
{
    memset(r, 0, sizeof(*r));
    r->root = object_new(TYPE_CONTAINER);
    r->ms = machine_create(r->root, "none", NULL, &error_abort);
    r->vic = qdev_new_child(OBJECT(r->ms), "l2vic", TYPE_HEX_L2VIC,
                            &error_abort);
    for (int i = 0; i < 8; i++) {
        r->line[i] = irq_new(out_seen, r, i);
        qdev_connect_gpio_out(r->vic, i, r->line[i]);
    }
    g_assert_true(qdev_realize(r->vic, &error_abort));
    memory_region_add_subregion(&r->ms->sysmem, BASE,
                                qdev_get_mmio(r->vic, 0));
    memory_region_add_subregion(&r->ms->sysmem, FAST,
                                qdev_get_mmio(r->vic, 1));
    address_space_init(&r->as, &r->ms->sysmem, "test");
}

static void rig_free(Rig *r)
{
    address_space_destroy(&r->as);
    memory_region_del_subregion(&r->ms->sysmem, qdev_get_mmio(r->vic, 0));
    memory_region_del_subregion(&r->ms->sysmem, qdev_get_mmio(r->vic, 1));
    object_unref(r->root);
    for (int i = 0; i < 8; i++) {
        irq_free(r->line[i]);
    }
}

static uint32_t rd(Rig *r, hwaddr off)
{
    MemTxResult res;
    uint32_t v = address_space_ld(&r->as, BASE + off, MO_32,
                                  MEMTXATTRS_UNSPECIFIED, &res);

    g_assert_cmpuint(res, ==, MEMTX_OK);
    return v;
}

static void wr_at(Rig *r, hwaddr addr, uint32_t v)
{
    MemTxResult res;

    address_space_st(&r->as, addr, v, MO_32, MEMTXATTRS_UNSPECIFIED, &res);
    g_assert_cmpuint(res, ==, MEMTX_OK);
}

static void wr(Rig *r, hwaddr off, uint32_t v)
{
    wr_at(r, BASE + off, v);
}

static void input(Rig *r, int n, int level)
{
    irq_set_level(qdev_get_gpio_in(r->vic, n), level);
}

static void test_registers(void)
{
    Rig r;

    rig_init(&r);
    /* reset: everything clear */
    for (int w = 0; w < 32; w++) {
        g_assert_cmphex(rd(&r, INT_ENABLE + 4 * w), ==, 0);
        g_assert_cmphex(rd(&r, INT_STATUS + 4 * w), ==, 0);
        g_assert_cmphex(rd(&r, INT_PENDING + 4 * w), ==, 0);
    }
    /* INT_ENABLE reads back; SET / CLEAR change only the written ones */
    wr(&r, INT_ENABLE + 8, 0x0000f0f0);
    wr(&r, INT_ENABLE_SET + 8, 0x00000003);
    wr(&r, INT_ENABLE_CLEAR + 8, 0x00000090);
    g_assert_cmphex(rd(&r, INT_ENABLE + 8), ==, 0x0000f063);
    g_assert_cmphex(rd(&r, INT_ENABLE_SET + 8), ==, 0);    /* write-only */
    g_assert_cmphex(rd(&r, INT_ENABLE_CLEAR + 8), ==, 0);
    /* INT_TYPE and INT_GRP read back */
    wr(&r, INT_TYPE + 0x7c, 0x80000001);
    g_assert_cmphex(rd(&r, INT_TYPE + 0x7c), ==, 0x80000001);
    wr(&r, INT_GRP0 + 0x180 + 0x7c, 0xdeadbeef);
    g_assert_cmphex(rd(&r, INT_GRP0 + 0x180 + 0x7c), ==, 0xdeadbeef);
    /* VID_GRP and INT_STATUS are read-only */
    wr(&r, VID_GRP(1), 55);
    wr(&r, INT_STATUS, 1);
    g_assert_cmphex(rd(&r, VID_GRP(1)), ==, 0);
    g_assert_cmphex(rd(&r, INT_STATUS), ==, 0);
    /* 4-byte registers: a 1-byte access is refused by the bus */
    {
        MemTxResult res;

        address_space_ld(&r.as, BASE + INT_ENABLE, MO_8,
                         MEMTXATTRS_UNSPECIFIED, &res);
        g_assert_cmpuint(res, !=, MEMTX_OK);
    }
    /* cold reset clears the configuration */
    resettable_reset(OBJECT(r.vic), RESET_TYPE_COLD);
    g_assert_cmphex(rd(&r, INT_ENABLE + 8), ==, 0);
    g_assert_cmphex(rd(&r, INT_TYPE + 0x7c), ==, 0);
    rig_free(&r);
}

static void test_level_input(void)
{
    Rig r;

    rig_init(&r);
    /* input 40 = word 1, bit 8; level-triggered (INT_TYPE 0) */
    input(&r, 40, 1);
    g_assert_cmphex(rd(&r, INT_PENDING + 4), ==, 1u << 8);
    g_assert_cmpint(r.rises[2], ==, 0);         /* not enabled yet */
    wr(&r, INT_ENABLE_SET + 4, 1u << 8);
    /* delivered on group 0 = core interrupt 2 */
    g_assert_cmpint(r.rises[2], ==, 1);
    g_assert_cmpint(r.level[2], ==, 1);         /* high while active */
    g_assert_cmphex(rd(&r, VID_GRP(0)), ==, 40);
    g_assert_cmphex(rd(&r, VID_0), ==, 40);     /* VID: group 0 in 9:0 */
    g_assert_cmphex(rd(&r, INT_STATUS + 4), ==, 1u << 8);
    g_assert_cmphex(rd(&r, INT_ENABLE + 4), ==, 1u << 8); /* stays on */
    /* the line is still high: ciad re-arms and it is delivered again,
       as a new rising edge */
    hex_l2vic_rearm(r.vic);
    g_assert_cmpint(r.rises[2], ==, 2);
    g_assert_cmpint(r.level[2], ==, 1);
    /* low line: the re-arm delivers nothing and nothing is pending */
    input(&r, 40, 0);
    hex_l2vic_rearm(r.vic);
    g_assert_cmpint(r.rises[2], ==, 2);
    g_assert_cmpint(r.level[2], ==, 0);
    g_assert_cmphex(rd(&r, INT_STATUS + 4), ==, 0);
    g_assert_cmphex(rd(&r, INT_PENDING + 4), ==, 0);
    for (int i = 0; i < 8; i++) {
        g_assert_cmpint(r.rises[i], ==, i == 2 ? 2 : 0);
    }
    rig_free(&r);
}

static void test_edge_one_at_a_time(void)
{
    Rig r;

    rig_init(&r);
    /* inputs 3 and 4 (the QTimer's): edge-triggered, enabled */
    wr(&r, INT_TYPE, 0x18);
    wr(&r, INT_ENABLE, 0x18);
    irq_pulse(qdev_get_gpio_in(r.vic, 4));
    g_assert_cmpint(r.rises[2], ==, 1);
    g_assert_cmphex(rd(&r, VID_GRP(0)), ==, 4);
    /* an edge input is disabled when delivered */
    g_assert_cmphex(rd(&r, INT_ENABLE), ==, 0x08);
    /* while 4 is active, 3 only becomes pending */
    irq_pulse(qdev_get_gpio_in(r.vic, 3));
    g_assert_cmpint(r.rises[2], ==, 1);
    g_assert_cmphex(rd(&r, INT_PENDING), ==, 0x08);
    g_assert_cmphex(rd(&r, INT_STATUS), ==, 0x10);
    /* ciad through the "rearm" input: 4 retires, 3 is delivered */
    irq_pulse(qdev_get_gpio_in_named(r.vic, "rearm", 0));
    g_assert_cmpint(r.rises[2], ==, 2);
    g_assert_cmphex(rd(&r, VID_GRP(0)), ==, 3);
    g_assert_cmphex(rd(&r, INT_STATUS), ==, 0x08);
    g_assert_cmphex(rd(&r, INT_PENDING), ==, 0);
    g_assert_cmphex(rd(&r, INT_ENABLE), ==, 0);
    /* an edge while disabled is kept pending until enabled again */
    irq_pulse(qdev_get_gpio_in(r.vic, 4));
    hex_l2vic_rearm(r.vic);
    g_assert_cmpint(r.rises[2], ==, 2);
    g_assert_cmphex(rd(&r, INT_PENDING), ==, 0x10);
    wr(&r, INT_ENABLE_SET, 0x10);
    g_assert_cmpint(r.rises[2], ==, 3);
    /* INT_CLEAR retires the active one as well, lowering the output */
    g_assert_cmpint(r.level[2], ==, 1);
    wr(&r, INT_CLEAR, 0x10);
    g_assert_cmphex(rd(&r, INT_STATUS), ==, 0);
    g_assert_cmpint(r.level[2], ==, 0);
    /* a reset while one is active lowers the output too */
    wr(&r, INT_ENABLE_SET, 0x10);
    irq_pulse(qdev_get_gpio_in(r.vic, 4));
    g_assert_cmpint(r.level[2], ==, 1);
    resettable_reset(OBJECT(r.vic), RESET_TYPE_COLD);
    g_assert_cmpint(r.level[2], ==, 0);
    g_assert_cmphex(rd(&r, INT_STATUS), ==, 0);
    rig_free(&r);
}

static void test_groups_and_vid(void)
{
    Rig r;

    rig_init(&r);
    /*
     * input 100: INT_GRPn_((100 / 8) % 4) = _0, word 100 / 32 = 3, field
     * 100 % 8 = 4 (bits 19:16); 0xa = enabled (bit 3), group 2
     */
    wr(&r, INT_GRP0 + 0x000 + 12, 0xa << 16);
    /* input 13: INT_GRPn_1 (0x680), word 0, field 5 (23:20); group 3 */
    wr(&r, INT_GRP0 + 0x080, 0xb << 20);
    /* input 14: INT_GRPn_1, field 6: group 1 but the enable bit clear */
    wr(&r, INT_GRP0 + 0x080, 0xb << 20 | 0x1 << 24);
    wr(&r, INT_TYPE, 0xffffffff);
    wr(&r, INT_TYPE + 12, 0xffffffff);
    wr(&r, INT_ENABLE, 0xffffffff);
    wr(&r, INT_ENABLE + 12, 0xffffffff);

    irq_pulse(qdev_get_gpio_in(r.vic, 100));
    g_assert_cmpint(r.rises[4], ==, 1);         /* core irq 2 + 2 */
    g_assert_cmphex(rd(&r, VID_GRP(2)), ==, 100);
    hex_l2vic_rearm(r.vic);
    irq_pulse(qdev_get_gpio_in(r.vic, 13));
    g_assert_cmpint(r.rises[5], ==, 1);         /* core irq 2 + 3 */
    g_assert_cmphex(rd(&r, VID_GRP(3)), ==, 13);
    /* VID1 = group 2 in 9:0, group 3 in 25:16 */
    g_assert_cmphex(rd(&r, VID_1), ==, 13u << 16 | 100);
    g_assert_cmphex(hex_l2vic_read_vid(r.vic, HEX_L2VIC_VID1), ==,
                    13u << 16 | 100);
    hex_l2vic_rearm(r.vic);
    irq_pulse(qdev_get_gpio_in(r.vic, 14));
    g_assert_cmpint(r.rises[2], ==, 1);         /* group 0 by default */
    g_assert_cmpint(r.rises[3], ==, 0);
    /* writing VID sets the two groups' vectors (10 bits each) */
    hex_l2vic_write_vid(r.vic, HEX_L2VIC_VID, 0xffff0000 | 0x2345);
    g_assert_cmphex(rd(&r, VID_GRP(0)), ==, 0x345);
    g_assert_cmphex(rd(&r, VID_GRP(1)), ==, 0x3ff);
    g_assert_cmphex(hex_l2vic_read_vid(r.vic, HEX_L2VIC_VID), ==,
                    0x3ffu << 16 | 0x345);
    rig_free(&r);
}

static void test_soft_and_fast(void)
{
    Rig r;

    rig_init(&r);
    /* input 70 = word 2, bit 6 */
    wr(&r, INT_TYPE + 8, 1u << 6);
    /* fast-L2VIC: (0 << 16) | 70 enables it */
    wr_at(&r, FAST, 70);
    g_assert_cmphex(rd(&r, INT_ENABLE + 8), ==, 1u << 6);
    /* (1 << 16) | 70 disables it; (0 << 16) enables it again */
    wr_at(&r, FAST, 1u << 16 | 70);
    g_assert_cmphex(rd(&r, INT_ENABLE + 8), ==, 0);
    wr_at(&r, FAST, 70);
    /* (2 << 16) | 70 is a soft interrupt: delivered on group 0 */
    wr_at(&r, FAST, 2u << 16 | 70);
    g_assert_cmpint(r.rises[2], ==, 1);
    g_assert_cmphex(rd(&r, VID_GRP(0)), ==, 70);
    hex_l2vic_rearm(r.vic);
    /* SOFT_INT register on the same (edge) input */
    wr(&r, INT_ENABLE_SET + 8, 1u << 6);
    wr(&r, SOFT_INT + 8, 1u << 6);
    g_assert_cmpint(r.rises[2], ==, 2);
    hex_l2vic_rearm(r.vic);
    /* a soft interrupt of a level input does nothing (as on QEMU) */
    wr(&r, INT_ENABLE_SET + 8, 1u << 7);
    wr(&r, SOFT_INT + 8, 1u << 7);
    g_assert_cmpint(r.rises[2], ==, 2);
    g_assert_cmphex(rd(&r, INT_PENDING + 8), ==, 0);
    rig_free(&r);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/l2vic/registers", test_registers);
    g_test_add_func("/l2vic/level-input", test_level_input);
    g_test_add_func("/l2vic/edge-one-at-a-time", test_edge_one_at_a_time);
    g_test_add_func("/l2vic/groups-and-vid", test_groups_and_vid);
    g_test_add_func("/l2vic/soft-and-fast", test_soft_and_fast);
    return g_test_run();
}
