/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Unit tests for IRQ lines and the or-irq / split-irq devices
 * (include/hw/irq.h): handler delivery, unconnected outputs, the OR truth
 * table, remembered input levels, fan-out, num-lines validation, and the
 * errors of checked GPIO wiring.
 *
 * Each test builds its own tree under a fresh container root, so no state
 * is shared between tests.
 */
#include "hemu/osdep.h"
#include "hw/irq.h"
#include "hw/qdev.h"

/* What a recording handler saw; levels[] indexed by line number. */
typedef struct Recorder {
    int calls;
    int last_n;
    int last_level;
    int levels[8];
    int calls_per_line[8];
} Recorder;

static void record(void *opaque, int n, int level)
{
    Recorder *r = opaque;

    r->calls++;
    r->last_n = n;
    r->last_level = level;
    if (n >= 0 && n < 8) {
        r->levels[n] = level;
        r->calls_per_line[n]++;
    }
}

static Object *new_root(void)
{
    return object_new(TYPE_CONTAINER);
}

static DeviceState *new_dev(Object *root, const char *name, const char *type,
                            unsigned lines)
{
    DeviceState *dev = qdev_new_child(root, name, type, &error_abort);

    object_property_set_uint(OBJECT(dev), "num-lines", lines, &error_abort);
    qdev_realize(dev, &error_abort);
    return dev;
}

static void test_line_basics(void)
{
    Recorder r = { 0 };
    IRQLine *line = irq_new(record, &r, 5);

    irq_raise(line);
    g_assert_cmpint(r.calls, ==, 1);
    g_assert_cmpint(r.last_n, ==, 5);
    g_assert_cmpint(r.last_level, ==, 1);
    irq_set_level(line, 7);          /* a value is passed through as is */
    g_assert_cmpint(r.last_level, ==, 7);
    irq_lower(line);
    g_assert_cmpint(r.last_level, ==, 0);
    g_assert_cmpint(r.calls, ==, 3);
    g_assert(irq_get_opaque(line) == &r);
    g_assert_cmpint(irq_get_n(line), ==, 5);
    /* for `info irq`: the last level, and two non-zero drives (1, 7) */
    g_assert_cmpint(irq_get_level(line), ==, 0);
    g_assert_cmpuint(irq_get_raises(line), ==, 2);
    irq_free(line);
}

static void test_pulse_and_null(void)
{
    Recorder r = { 0 };
    IRQLine *line = irq_new(record, &r, 0);
    int seen[2];

    irq_pulse(line);
    /* A pulse is exactly two calls: high, then low. */
    g_assert_cmpint(r.calls, ==, 2);
    g_assert_cmpint(r.last_level, ==, 0);
    irq_free(line);

    /* An unconnected output is a NULL line: setting it is a no-op. */
    irq_set_level(NULL, 1);
    irq_raise(NULL);
    irq_pulse(NULL);
    irq_free(NULL);

    /* Same handler, two lines: each delivers its own number. */
    IRQLine *a = irq_new(record, &r, 1), *b = irq_new(record, &r, 2);
    irq_raise(b);
    seen[0] = r.last_n;
    irq_raise(a);
    seen[1] = r.last_n;
    g_assert_cmpint(seen[0], ==, 2);
    g_assert_cmpint(seen[1], ==, 1);
    irq_free(a);
    irq_free(b);
}

static void test_or_irq_truth_table(void)
{
    Object *root = new_root();
    DeviceState *or = new_dev(root, "or0", TYPE_OR_IRQ, 3);
    Recorder r = { 0 };
    IRQLine *sink = irq_new(record, &r, 0);

    g_assert_cmpint(qdev_gpio_in_count(or, NULL), ==, 3);
    g_assert_cmpint(qdev_gpio_out_count(or, NULL), ==, 1);
    qdev_connect_gpio_out(or, 0, sink);
    /* All 8 input combinations; output must be high iff any bit is set. */
    for (unsigned combo = 0; combo < 8; combo++) {
        for (int i = 0; i < 3; i++) {
            irq_set_level(qdev_get_gpio_in(or, i), (combo >> i) & 1);
        }
        g_assert_cmpint(r.last_level, ==, combo != 0);
    }
    irq_free(sink);
    object_unref(root);
}

static void test_or_irq_remembers(void)
{
    Object *root = new_root();
    DeviceState *or = new_dev(root, "or0", TYPE_OR_IRQ, 4);
    Recorder r = { 0 };
    IRQLine *sink = irq_new(record, &r, 0);

    qdev_connect_gpio_out(or, 0, sink);
    irq_raise(qdev_get_gpio_in(or, 0));
    irq_raise(qdev_get_gpio_in(or, 3));
    irq_lower(qdev_get_gpio_in(or, 0));
    g_assert_cmpint(r.last_level, ==, 1);      /* input 3 still high */
    irq_raise(qdev_get_gpio_in(or, 3));        /* same level again */
    irq_lower(qdev_get_gpio_in(or, 3));
    g_assert_cmpint(r.last_level, ==, 0);
    /* Non-zero levels count as high. */
    irq_set_level(qdev_get_gpio_in(or, 2), 5);
    g_assert_cmpint(r.last_level, ==, 1);
    irq_free(sink);
    object_unref(root);
}

static void test_split_irq_fanout(void)
{
    Object *root = new_root();
    DeviceState *split = new_dev(root, "split0", TYPE_SPLIT_IRQ, 4);
    Recorder r = { 0 };
    IRQLine *sinks[3];

    g_assert_cmpint(qdev_gpio_out_count(split, NULL), ==, 4);
    g_assert_cmpint(qdev_gpio_in_count(split, NULL), ==, 1);
    /* Outputs 0..2 connected, output 3 left unconnected. */
    for (int i = 0; i < 3; i++) {
        sinks[i] = irq_new(record, &r, i);
        qdev_connect_gpio_out(split, i, sinks[i]);
    }
    irq_raise(qdev_get_gpio_in(split, 0));
    g_assert_cmpint(r.calls, ==, 3);
    for (int i = 0; i < 3; i++) {
        g_assert_cmpint(r.levels[i], ==, 1);
        g_assert_cmpint(r.calls_per_line[i], ==, 1);
    }
    irq_lower(qdev_get_gpio_in(split, 0));
    for (int i = 0; i < 3; i++) {
        g_assert_cmpint(r.levels[i], ==, 0);
        irq_free(sinks[i]);
    }
    object_unref(root);
}

static void test_num_lines_range(void)
{
    Object *root = new_root();
    DeviceState *or = qdev_new_child(root, "or0", TYPE_OR_IRQ, &error_abort);
    DeviceState *sp = qdev_new_child(root, "sp0", TYPE_SPLIT_IRQ,
                                     &error_abort);
    Error *err = NULL;

    g_assert_false(object_property_set_uint(OBJECT(or), "num-lines", 0,
                                            &err));
    g_assert_nonnull(strstr(error_get_pretty(err), "num-lines"));
    error_free_or_abort(&err);
    g_assert_false(object_property_set_uint(OBJECT(sp), "num-lines", 257,
                                            &err));
    g_assert_nonnull(err);
    error_free_or_abort(&err);
    /* The maximum is accepted and makes 256 lines. */
    g_assert_true(object_property_set_uint(OBJECT(or), "num-lines", 256,
                                           &error_abort));
    g_assert_cmpint(qdev_gpio_in_count(or, NULL), ==, 256);
    /* Shrinking keeps the count consistent. */
    g_assert_true(object_property_set_uint(OBJECT(or), "num-lines", 5,
                                           &error_abort));
    g_assert_cmpint(qdev_gpio_in_count(or, NULL), ==, 5);
    g_assert_cmpuint(object_property_get_uint(OBJECT(or), "num-lines",
                                              &error_abort), ==, 5);
    object_unref(root);
}

static void test_gpio_connect_errors(void)
{
    Object *root = new_root();
    DeviceState *or = new_dev(root, "or0", TYPE_OR_IRQ, 2);
    Recorder r = { 0 };
    IRQLine *sink = irq_new(record, &r, 0);
    Error *err = NULL;

    /* Unknown output list: names device and GPIO. */
    g_assert_false(qdev_connect_gpio_out_checked(or, "nope", 0, sink, &err));
    g_assert_nonnull(strstr(error_get_pretty(err), "or0"));
    g_assert_nonnull(strstr(error_get_pretty(err), "'nope'"));
    error_free_or_abort(&err);
    /* Index out of range: names the index and the range 0..0. */
    g_assert_false(qdev_connect_gpio_out_checked(or, NULL, 1, sink, &err));
    g_assert_nonnull(strstr(error_get_pretty(err), "index 1"));
    g_assert_nonnull(strstr(error_get_pretty(err), "(0..0)"));
    error_free_or_abort(&err);
    g_assert_false(qdev_connect_gpio_out_checked(or, NULL, -1, sink, &err));
    error_free_or_abort(&err);
    /* Connect once, then a second connection is refused. */
    g_assert_true(qdev_connect_gpio_out_checked(or, NULL, 0, sink, &err));
    g_assert(qdev_get_gpio_out_connection(or, NULL, 0) == sink);
    g_assert_false(qdev_connect_gpio_out_checked(or, NULL, 0, sink, &err));
    g_assert_nonnull(strstr(error_get_pretty(err), "already connected"));
    error_free_or_abort(&err);
    /* Input index out of range. */
    g_assert_null(qdev_get_gpio_in_checked(or, NULL, 2, &err));
    g_assert_nonnull(strstr(error_get_pretty(err), "(0..1)"));
    error_free_or_abort(&err);
    irq_free(sink);
    object_unref(root);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/irq/line-basics", test_line_basics);
    g_test_add_func("/irq/pulse-and-null", test_pulse_and_null);
    g_test_add_func("/irq/or-irq/truth-table", test_or_irq_truth_table);
    g_test_add_func("/irq/or-irq/remembers", test_or_irq_remembers);
    g_test_add_func("/irq/split-irq/fanout", test_split_irq_fanout);
    g_test_add_func("/irq/num-lines-range", test_num_lines_range);
    g_test_add_func("/irq/gpio-connect-errors", test_gpio_connect_errors);
    return g_test_run();
}
