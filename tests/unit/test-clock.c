/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Unit tests for the clock tree (include/hw/clock.h): period units,
 * Hz/ns conversions with rounding, ticks<->ns in 128 bits, mul/div
 * children, propagation with PRE_UPDATE/UPDATE callbacks and event masks,
 * stopped clocks, and the device clock helpers with their errors.
 *
 * Expected values are derived by hand from the definition: period is in
 * units of 2^-32 ns, so a clock of f Hz has period floor(1e9 * 2^32 / f).
 */
#include "hemu/osdep.h"
#include "hw/clock.h"

#define P_1NS 4294967296ull     /* 2^32: the period of a 1 GHz clock */

typedef struct CbLog {
    Clock *clk;
    int n;
    ClockEvent ev[8];
    uint64_t hz[8];             /* clock_get_hz at the time of the event */
} CbLog;

static void log_cb(void *opaque, ClockEvent ev)
{
    CbLog *l = opaque;

    g_assert_cmpint(l->n, <, 8);
    l->ev[l->n] = ev;
    l->hz[l->n] = clock_get_hz(l->clk);
    l->n++;
}

static void test_units(void)
{
    Clock *c = clock_new();

    g_assert_false(clock_is_enabled(c));      /* new clocks are stopped */
    g_assert_true(clock_set_hz(c, 1000000000));
    g_assert_cmpuint(clock_get(c), ==, P_1NS);
    g_assert_cmpuint(clock_get_ns(c), ==, 1);
    g_assert_cmpuint(clock_get_hz(c), ==, 1000000000);
    g_assert_false(clock_set_hz(c, 1000000000));   /* unchanged */
    g_assert_true(clock_set_ns(c, 10));
    g_assert_cmpuint(clock_get(c), ==, 10 * P_1NS);
    g_assert_cmpuint(clock_get_hz(c), ==, 100000000);
    /* 3 MHz: period = floor(2^32 * 1000 / 3) = floor(1431655765333.33). */
    clock_set_hz(c, 3000000);
    g_assert_cmpuint(clock_get(c), ==, 1431655765333ull);
    g_assert_cmpuint(clock_get_hz(c), ==, 3000000);
    g_assert_cmpuint(clock_get_ns(c), ==, 333);    /* 333.33 rounds down */
    /* 1.5 MHz: period = floor(2^32 * 2000 / 3) = 2863311530666; 666.67 ns
       rounds up to 667. */
    clock_set_hz(c, 1500000);
    g_assert_cmpuint(clock_get(c), ==, 2863311530666ull);
    g_assert_cmpuint(clock_get_ns(c), ==, 667);
    g_assert_cmpuint(clock_get_hz(c), ==, 1500000);
    object_unref(OBJECT(c));
}

static void test_ticks_ns(void)
{
    Clock *c = clock_new();

    clock_set_hz(c, 250000000);                    /* 4 ns period */
    g_assert_cmpuint(clock_ticks_to_ns(c, 1000), ==, 4000);
    g_assert_cmpuint(clock_ns_to_ticks(c, 1001), ==, 250); /* floor */
    g_assert_cmpuint(clock_ns_to_ticks(c, 4000), ==, 1000);
    /* 3 MHz: 3 ticks = 3 * 1431655765333 / 2^32 = 999.9999999998 ns: the
       period was rounded down, and so is the result. */
    clock_set_hz(c, 3000000);
    g_assert_cmpuint(clock_ticks_to_ns(c, 3), ==, 999);
    g_assert_cmpuint(clock_ticks_to_ns(c, 3000000), ==, 999999999);
    /* 1 Hz: 2^34 ticks = 2^34 * 1e9 ns = 17179869184000000000 (fits 64
       bits, but ticks * period = 2^66 * 1e9 needs 128-bit arithmetic). */
    clock_set_hz(c, 1);
    g_assert_cmpuint(clock_ticks_to_ns(c, 1ull << 34), ==,
                     17179869184000000000ull);
    /* 2^40 s does not fit in 64-bit ns: saturates. */
    g_assert_cmpuint(clock_ticks_to_ns(c, 1ull << 40), ==, UINT64_MAX);
    g_assert_cmpuint(clock_ns_to_ticks(c, 5000000000ull), ==, 5);
    /* 8 GHz (period 2^29): 2^62 ns = 2^65 ticks, saturates. */
    clock_set(c, P_1NS / 8);
    g_assert_cmpuint(clock_get_hz(c), ==, 8000000000ull);
    g_assert_cmpuint(clock_ns_to_ticks(c, 1ull << 62), ==, UINT64_MAX);
    g_assert_cmpuint(clock_ns_to_ticks(c, 1ull << 58), ==, 1ull << 61);
    object_unref(OBJECT(c));
}

static void test_stopped(void)
{
    Clock *p = clock_new(), *c = clock_new();

    clock_set_source(c, p);
    clock_set_mul_div(c, 4, 1);
    clock_set_hz(p, 0);
    clock_propagate(p);
    g_assert_false(clock_is_enabled(p));
    g_assert_false(clock_is_enabled(c));
    g_assert_cmpuint(clock_get_hz(c), ==, 0);
    g_assert_cmpuint(clock_get_ns(c), ==, 0);
    g_assert_cmpuint(clock_ticks_to_ns(c, 100), ==, 0);
    g_assert_cmpuint(clock_ns_to_ticks(c, 100), ==, 0);
    object_unref(OBJECT(c));
    object_unref(OBJECT(p));
}

static void test_mul_div(void)
{
    Clock *p = clock_new(), *quarter = clock_new(), *x8 = clock_new();
    Clock *gc = clock_new();

    clock_set_hz(p, 1000000000);
    clock_set_source(quarter, p);
    /* Wiring alone copies the parent's period (ratio 1:1). */
    g_assert_cmpuint(clock_get(quarter), ==, P_1NS);
    /* A hardware /4 divider is mul = 4: period 4 ns, 250 MHz. */
    clock_set_mul_div(quarter, 4, 1);
    g_assert_cmpuint(clock_get(quarter), ==, 4 * P_1NS);
    g_assert_cmpuint(clock_get_hz(quarter), ==, 250000000);
    /* div = 8 speeds up: period 2^32 / 8 = 2^29, 8 GHz. */
    clock_set_source(x8, p);
    clock_set_mul_div(x8, 1, 8);
    g_assert_cmpuint(clock_get(x8), ==, P_1NS / 8);
    g_assert_cmpuint(clock_get_hz(x8), ==, 8000000000ull);
    /* A grandchild wired after the ratio follows it: 250 MHz * 2/5 ->
       period 4 ns * 2 / 5 = 1.6 ns, 625 MHz. */
    clock_set_source(gc, quarter);
    clock_set_mul_div(gc, 2, 5);
    g_assert_cmpuint(clock_get(gc), ==, 4 * P_1NS * 2 / 5);
    g_assert_cmpuint(clock_get_hz(gc), ==, 625000000);
    g_assert(clock_get_source(gc) == quarter);
    object_unref(OBJECT(gc));
    object_unref(OBJECT(x8));
    object_unref(OBJECT(quarter));
    object_unref(OBJECT(p));
}

static void test_propagate_callbacks(void)
{
    Clock *p = clock_new(), *c = clock_new(), *gc = clock_new();
    CbLog lc = { .clk = c }, lgc = { .clk = gc };

    clock_set_hz(p, 1000000000);
    clock_set_source(c, p);
    clock_set_source(gc, c);
    clock_set_callback(c, log_cb, &lc, CLOCK_PRE_UPDATE | CLOCK_UPDATE);
    clock_set_callback(gc, log_cb, &lgc, CLOCK_UPDATE);
    clock_set_mul_div(c, 4, 1);
    /* The ratio change notifies c itself and its child. */
    g_assert_cmpint(lc.n, ==, 2);
    g_assert_cmpint(lc.ev[0], ==, CLOCK_PRE_UPDATE);
    g_assert_cmpuint(lc.hz[0], ==, 1000000000);
    g_assert_cmpint(lc.ev[1], ==, CLOCK_UPDATE);
    g_assert_cmpuint(lc.hz[1], ==, 250000000);
    g_assert_cmpint(lgc.n, ==, 1);            /* UPDATE only, by its mask */
    g_assert_cmpint(lgc.ev[0], ==, CLOCK_UPDATE);
    g_assert_cmpuint(lgc.hz[0], ==, 250000000);

    lc.n = lgc.n = 0;
    clock_update_hz(p, 2000000000);
    g_assert_cmpint(lc.n, ==, 2);
    g_assert_cmpuint(lc.hz[0], ==, 250000000);   /* before */
    g_assert_cmpuint(lc.hz[1], ==, 500000000);   /* after */
    g_assert_cmpint(lgc.n, ==, 1);
    g_assert_cmpuint(lgc.hz[0], ==, 500000000);

    /* Same frequency again: nothing changes, no callbacks. */
    lc.n = lgc.n = 0;
    clock_update_hz(p, 2000000000);
    g_assert_cmpint(lc.n, ==, 0);
    g_assert_cmpint(lgc.n, ==, 0);
    /* clock_set without propagate leaves children alone. */
    clock_set_hz(p, 1000000);
    g_assert_cmpuint(clock_get_hz(c), ==, 500000000);
    g_assert_cmpint(lc.n, ==, 0);
    /* Re-sourcing is silent (wiring time) but recomputes the subtree. */
    clock_set_source(c, NULL);
    clock_set_source(c, p);
    g_assert_cmpint(lc.n, ==, 0);
    g_assert_cmpuint(clock_get_hz(c), ==, 250000);
    g_assert_cmpuint(clock_get_hz(gc), ==, 250000);
    object_unref(OBJECT(gc));
    object_unref(OBJECT(c));
    object_unref(OBJECT(p));
}

/* A device with one input and one output clock. */
#define TYPE_TEST_CLK_DEV "test-clk-dev"
OBJECT_DECLARE_SIMPLE_TYPE(TestClkDev, TEST_CLK_DEV)

struct TestClkDev {
    DeviceState parent_obj;
    Clock *in, *out;
    int updates;
};

static void test_clk_dev_cb(void *opaque, ClockEvent ev)
{
    TestClkDev *s = opaque;

    s->updates++;
    /* The device forwards its input at half rate. */
    clock_set(s->out, clock_get(s->in) * 2);
    clock_propagate(s->out);
}

static void test_clk_dev_init(Object *obj)
{
    TestClkDev *s = TEST_CLK_DEV(obj);

    s->in = qdev_init_clock_in(DEVICE(obj), "clk-in", test_clk_dev_cb, s,
                               CLOCK_UPDATE);
    s->out = qdev_init_clock_out(DEVICE(obj), "clk-out");
}

static const TypeInfo test_types[] = {
    {
        .name = TYPE_TEST_CLK_DEV,
        .parent = TYPE_DEVICE,
        .instance_size = sizeof(TestClkDev),
        .instance_init = test_clk_dev_init,
    },
};

DEFINE_TYPES(test_types)

static void test_device_clocks(void)
{
    Object *root = object_new(TYPE_CONTAINER);
    DeviceState *a = qdev_new_child(root, "a", TYPE_TEST_CLK_DEV,
                                    &error_abort);
    DeviceState *b = qdev_new_child(root, "b", TYPE_TEST_CLK_DEV,
                                    &error_abort);
    Clock *sys = CLOCK(object_new_child(root, "sysclk", TYPE_CLOCK,
                                        &error_abort));
    Error *err = NULL;

    /* Clocks are children of their device under their names. */
    g_assert(object_resolve_path(root, "/a/clk-in") ==
             OBJECT(TEST_CLK_DEV(a)->in));
    g_assert(qdev_get_clock_out(a, "clk-out") == TEST_CLK_DEV(a)->out);
    g_assert_null(qdev_get_clock_out(a, "clk-in"));
    g_assert(qdev_get_clock_in(a, "clk-in") == TEST_CLK_DEV(a)->in);

    g_assert_true(qdev_connect_clock_in(a, "clk-in", sys, &error_abort));
    g_assert_true(qdev_connect_clock_in(b, "clk-in",
                                        qdev_get_clock_out(a, "clk-out"),
                                        &error_abort));
    /* 100 MHz -> a.out 50 MHz -> b.out 25 MHz through the callbacks. */
    clock_update_hz(sys, 100000000);
    g_assert_cmpuint(clock_get_hz(qdev_get_clock_out(a, "clk-out")), ==,
                     50000000);
    g_assert_cmpuint(clock_get_hz(qdev_get_clock_out(b, "clk-out")), ==,
                     25000000);
    g_assert_cmpuint(object_property_get_uint(OBJECT(sys), "frequency",
                                              &error_abort), ==, 100000000);

    g_assert_false(qdev_connect_clock_in(a, "nope", sys, &err));
    g_assert_nonnull(strstr(error_get_pretty(err), "'/a' (test-clk-dev)"));
    g_assert_nonnull(strstr(error_get_pretty(err), "'nope'"));
    g_assert_nonnull(strstr(error_get_pretty(err), "input clocks: 'clk-in'"));
    error_free_or_abort(&err);
    g_assert_false(qdev_connect_clock_in(a, "clk-out", sys, &err));
    g_assert_nonnull(strstr(error_get_pretty(err), "is an output"));
    error_free_or_abort(&err);
    qdev_realize(a, &error_abort);
    g_assert_false(qdev_connect_clock_in(a, "clk-in", sys, &err));
    g_assert_nonnull(strstr(error_get_pretty(err), "already realized"));
    error_free_or_abort(&err);
    object_unref(root);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/clock/units", test_units);
    g_test_add_func("/clock/ticks-ns", test_ticks_ns);
    g_test_add_func("/clock/stopped", test_stopped);
    g_test_add_func("/clock/mul-div", test_mul_div);
    g_test_add_func("/clock/propagate-callbacks", test_propagate_callbacks);
    g_test_add_func("/clock/device-clocks", test_device_clocks);
    return g_test_run();
}
