/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Unit tests for TYPE_DEVICE (include/hw/qdev.h): named GPIO lists and
 * their wiring between two devices, MMIO region lists, qdev_new_child
 * errors, realize chaining in a subclass, category names, and the
 * qdev_print_tree listing.
 *
 * A small test device type ("test-gpio-dev") is defined here with a named
 * input list, a named output list, an unnamed input, one MMIO container
 * region and one input clock.
 */
#include "hemu/osdep.h"
#include "hw/qdev.h"
#include "hw/clock.h"
#include "system/memory.h"

#define TYPE_TEST_GPIO_DEV "test-gpio-dev"
OBJECT_DECLARE_SIMPLE_TYPE(TestGpioDev, TEST_GPIO_DEV)

struct TestGpioDev {
    DeviceState parent_obj;
    IRQLine *out[2];            /* output list "irq-out" */
    int in_levels[4];           /* last level seen on "irq-in" n */
    int default_level;          /* last level on the unnamed input 0 */
    int realize_calls;
    bool fail_realize;          /* property "fail" */
    MemoryRegion mmio;
};

static void test_dev_irq_in(void *opaque, int n, int level)
{
    TEST_GPIO_DEV(opaque)->in_levels[n] = level;
}

static void test_dev_default_in(void *opaque, int n, int level)
{
    TEST_GPIO_DEV(opaque)->default_level = level;
}

static void test_dev_init(Object *obj)
{
    TestGpioDev *s = TEST_GPIO_DEV(obj);
    DeviceState *dev = DEVICE(obj);

    qdev_init_gpio_in_named(dev, test_dev_irq_in, "irq-in", 4);
    qdev_init_gpio_out_named(dev, s->out, "irq-out", 2);
    qdev_init_gpio_in(dev, test_dev_default_in, 1);
    memory_region_init(&s->mmio, obj, "test-regs", 0x1000);
    qdev_init_mmio(dev, &s->mmio);
    qdev_init_clock_in(dev, "clk", NULL, NULL, 0);
}

static void test_dev_finalize(Object *obj)
{
    memory_region_finalize(&TEST_GPIO_DEV(obj)->mmio);
}

static bool test_dev_realize(Object *obj, Error **errp)
{
    TestGpioDev *s = TEST_GPIO_DEV(obj);

    if (!DEVICE_GET_CLASS(obj)->parent_realize(obj, errp)) {
        return false;
    }
    s->realize_calls++;
    if (s->fail_realize) {
        error_setg(errp, "test-gpio-dev: asked to fail");
        return false;
    }
    return true;
}

static const PropDef test_dev_props[] = {
    DEFINE_PROP_BOOL("fail", TestGpioDev, fail_realize, false,
                     "make realize fail"),
    PROP_END
};

static void test_dev_class_init(ObjectClass *oc, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);

    dc->parent_realize = oc->realize;
    oc->realize = test_dev_realize;
    dc->category = DEVICE_CATEGORY_TIMER;
    object_class_add_field_props(oc, test_dev_props);
}

static const TypeInfo test_types[] = {
    {
        .name = TYPE_TEST_GPIO_DEV,
        .parent = TYPE_DEVICE,
        .instance_size = sizeof(TestGpioDev),
        .instance_init = test_dev_init,
        .instance_finalize = test_dev_finalize,
        .class_init = test_dev_class_init,
    },
};

DEFINE_TYPES(test_types)

static void test_wiring(void)
{
    Object *root = object_new(TYPE_CONTAINER);
    DeviceState *a = qdev_new_child(root, "a", TYPE_TEST_GPIO_DEV,
                                    &error_abort);
    DeviceState *b = qdev_new_child(root, "b", TYPE_TEST_GPIO_DEV,
                                    &error_abort);
    TestGpioDev *sa = TEST_GPIO_DEV(a), *sb = TEST_GPIO_DEV(b);

    g_assert_cmpint(qdev_gpio_in_count(b, "irq-in"), ==, 4);
    g_assert_cmpint(qdev_gpio_out_count(a, "irq-out"), ==, 2);
    g_assert_cmpint(qdev_gpio_in_count(a, NULL), ==, 1);
    g_assert_cmpint(qdev_gpio_out_count(a, "irq-in"), ==, 0);

    /* a.irq-out[1] -> b.irq-in[2]; a.irq-out[0] -> b's unnamed input. */
    qdev_connect_gpio_out_named(a, "irq-out", 1,
                                qdev_get_gpio_in_named(b, "irq-in", 2));
    qdev_connect_gpio_out_named(a, "irq-out", 0, qdev_get_gpio_in(b, 0));
    irq_raise(sa->out[1]);
    g_assert_cmpint(sb->in_levels[2], ==, 1);
    g_assert_cmpint(sb->in_levels[1], ==, 0);
    irq_raise(sa->out[0]);
    g_assert_cmpint(sb->default_level, ==, 1);
    irq_lower(sa->out[1]);
    g_assert_cmpint(sb->in_levels[2], ==, 0);
    g_assert(qdev_get_gpio_out_connection(a, "irq-out", 1) ==
             qdev_get_gpio_in_named(b, "irq-in", 2));
    /* Disconnect: the output slot is NULL again and drives nothing. */
    qdev_connect_gpio_out_named(a, "irq-out", 1, NULL);
    irq_raise(sa->out[1]);
    g_assert_cmpint(sb->in_levels[2], ==, 0);
    object_unref(root);
}

static void test_gpio_errors(void)
{
    Object *root = object_new(TYPE_CONTAINER);
    DeviceState *a = qdev_new_child(root, "a", TYPE_TEST_GPIO_DEV,
                                    &error_abort);
    Error *err = NULL;
    const char *msg;

    /* An input list used as an output: error lists the output names. */
    g_assert_false(qdev_connect_gpio_out_checked(a, "irq-in", 0, NULL,
                                                 &err));
    msg = error_get_pretty(err);
    g_assert_nonnull(strstr(msg, "'/a' (test-gpio-dev)"));
    g_assert_nonnull(strstr(msg, "no GPIO output list 'irq-in'"));
    g_assert_nonnull(strstr(msg, "'irq-out'"));
    error_free_or_abort(&err);
    g_assert_null(qdev_get_gpio_in_checked(a, "irq-in", 4, &err));
    msg = error_get_pretty(err);
    g_assert_nonnull(strstr(msg, "GPIO input 'irq-in' index 4 out of range "
                            "(0..3)"));
    error_free_or_abort(&err);
    object_unref(root);
}

static void test_mmio(void)
{
    Object *root = object_new(TYPE_CONTAINER);
    DeviceState *a = qdev_new_child(root, "a", TYPE_TEST_GPIO_DEV,
                                    &error_abort);
    Error *err = NULL;

    g_assert_cmpint(qdev_num_mmio(a), ==, 1);
    g_assert(qdev_get_mmio(a, 0) == &TEST_GPIO_DEV(a)->mmio);
    g_assert_cmpuint(memory_region_size(qdev_get_mmio(a, 0)), ==, 0x1000);
    g_assert_null(qdev_get_mmio(a, 1));
    g_assert_null(qdev_get_mmio(a, -1));
    g_assert_null(qdev_get_mmio_checked(a, 3, &err));
    g_assert_nonnull(strstr(error_get_pretty(err), "MMIO region 3 out of "
                            "range (0..0)"));
    error_free_or_abort(&err);
    object_unref(root);
}

static void test_new_child_and_realize(void)
{
    Object *root = object_new(TYPE_CONTAINER);
    DeviceState *dev;
    Error *err = NULL;

    g_assert_null(qdev_new_child(root, "x", "no-such-type", &err));
    g_assert_nonnull(strstr(error_get_pretty(err), "no-such-type"));
    error_free_or_abort(&err);
    /* A clock is an object but not a device. */
    g_assert_null(qdev_new_child(root, "x", TYPE_CLOCK, &err));
    g_assert_nonnull(err);
    error_free_or_abort(&err);
    g_assert_null(object_get_child(root, "x"));
    /* Abstract TYPE_DEVICE itself cannot be created. */
    g_assert_null(qdev_new_child(root, "x", TYPE_DEVICE, &err));
    error_free_or_abort(&err);

    dev = qdev_new_child(root, "ok", TYPE_TEST_GPIO_DEV, &error_abort);
    g_assert(object_get_child(root, "ok") == OBJECT(dev));
    /* Name taken. */
    g_assert_null(qdev_new_child(root, "ok", TYPE_TEST_GPIO_DEV, &err));
    error_free_or_abort(&err);
    g_assert_true(qdev_realize(dev, &error_abort));
    g_assert_cmpint(TEST_GPIO_DEV(dev)->realize_calls, ==, 1);
    g_assert_true(object_is_realized(OBJECT(dev)));

    dev = qdev_new_child(root, "bad", TYPE_TEST_GPIO_DEV, &error_abort);
    object_property_set_bool(OBJECT(dev), "fail", true, &error_abort);
    g_assert_false(qdev_realize(dev, &err));
    g_assert_nonnull(strstr(error_get_pretty(err), "asked to fail"));
    error_free_or_abort(&err);
    g_assert_false(object_is_realized(OBJECT(dev)));
    object_unref(root);
}

static void test_categories(void)
{
    DeviceClass *dc = DEVICE_CLASS(object_class_by_name(TYPE_TEST_GPIO_DEV));

    g_assert_cmpstr(device_category_name(DEVICE_CATEGORY_MISC), ==, "Misc");
    g_assert_cmpstr(device_category_name(DEVICE_CATEGORY_CPU), ==, "CPU");
    g_assert_cmpstr(device_category_name(DEVICE_CATEGORY_IPC), ==, "IPC");
    g_assert_cmpstr(device_category_name(DEVICE_CATEGORY__MAX), ==,
                    "Unknown");
    for (int c = 0; c < DEVICE_CATEGORY__MAX; c++) {
        g_assert_cmpstr(device_category_name(c), !=, "Unknown");
    }
    g_assert_cmpint(dc->category, ==, DEVICE_CATEGORY_TIMER);
    g_assert_false(dc->user_creatable);
    /* or-irq inherits the defaults but sets user_creatable. */
    dc = DEVICE_CLASS(object_class_by_name(TYPE_OR_IRQ));
    g_assert_true(dc->user_creatable);
    g_assert_cmpint(dc->category, ==, DEVICE_CATEGORY_MISC);
}

static void test_print_tree(void)
{
    Object *root = object_new(TYPE_CONTAINER);
    DeviceState *a = qdev_new_child(root, "a", TYPE_TEST_GPIO_DEV,
                                    &error_abort);
    DeviceState *b = qdev_new_child(root, "b", TYPE_TEST_GPIO_DEV,
                                    &error_abort);
    Clock *src = clock_new();
    g_autoptr(GString) out = g_string_new(NULL);

    clock_set_hz(src, 24000000);
    qdev_connect_clock_in(a, "clk", src, &error_abort);
    qdev_connect_gpio_out_named(a, "irq-out", 1,
                                qdev_get_gpio_in_named(b, "irq-in", 3));
    qdev_print_tree(out, root);
    /* Lines as documented in qdev-print.c, values from the setup above. */
    g_assert_nonnull(strstr(out->str, "/a (test-gpio-dev)\n"));
    g_assert_nonnull(strstr(out->str, "/b (test-gpio-dev)\n"));
    g_assert_nonnull(strstr(out->str, "  gpio-in 'irq-in' [4]\n"));
    g_assert_nonnull(strstr(out->str, "  gpio-out 'irq-out' [2]\n"));
    g_assert_nonnull(strstr(out->str,
                            "    1 -> /b (test-gpio-dev) in 'irq-in'[3]\n"));
    g_assert_nonnull(strstr(out->str, "  mmio[0] 'test-regs' size 0x1000\n"));
    g_assert_nonnull(strstr(out->str, "  clock-in 'clk' 24000000 Hz\n"));
    g_assert_nonnull(strstr(out->str, "  fail = off\n"));
    /* a is listed before b (insertion order). */
    g_assert(strstr(out->str, "/a (") < strstr(out->str, "/b ("));
    object_unref(root);
    object_unref(OBJECT(src));
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/qdev/wiring", test_wiring);
    g_test_add_func("/qdev/gpio-errors", test_gpio_errors);
    g_test_add_func("/qdev/mmio", test_mmio);
    g_test_add_func("/qdev/new-child-and-realize",
                    test_new_child_and_realize);
    g_test_add_func("/qdev/categories", test_categories);
    g_test_add_func("/qdev/print-tree", test_print_tree);
    return g_test_run();
}
