/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Unit tests for the machine builder (include/hw/boards.h): two machines
 * in one process do not see each other, RAM comes from ram-size or from a
 * memory backend, and bad options give errors naming what is wrong.
 */
#include "hw/boards.h"
#include "hw/clock.h"
#include "hw/irq.h"
#include "hw/qdev.h"
#include "system/memory-backend.h"

static Keyval *props(const char *text)
{
    return keyval_parse(text, NULL, "test", NULL, &error_abort);
}

static char *create_err(Object *root, const char *name, const char *text)
{
    g_autoptr(Keyval) kv = props(text);
    Error *err = NULL;
    char *msg;

    g_assert_null(machine_create(root, name, kv, &err));
    g_assert_nonnull(err);
    msg = g_strdup(error_get_pretty(err));
    error_free(err);
    /* A failed build leaves nothing behind. */
    g_assert_null(object_get_child(root, "machine"));
    return msg;
}

static void test_two_machines(void)
{
    Object *r1 = object_new(TYPE_CONTAINER);
    Object *r2 = object_new(TYPE_CONTAINER);
    g_autoptr(Keyval) p1 = props("ram-size=1M");
    g_autoptr(Keyval) p2 = props("ram-size=2M,kernel=Image");
    MachineState *m1 = machine_create(r1, "none", p1, &error_abort);
    MachineState *m2 = machine_create(r2, NULL, p2, &error_abort);
    g_autofree char *path = object_get_canonical_path(OBJECT(m1));
    uint8_t *ram1, *ram2;

    g_assert_cmpstr(path, ==, "/machine");
    g_assert_cmpstr(object_get_typename(OBJECT(m2)), ==, "none-machine");
    /* Each has its own RAM of its own size, mapped at 0. */
    g_assert_cmpuint(m1->ram_size, ==, 1 << 20);
    g_assert_cmpuint(m2->ram_size, ==, 2 << 20);
    g_assert_cmpuint(memory_region_size(m1->ram), ==, 1 << 20);
    g_assert_true(m1->ram->container == &m1->sysmem);
    g_assert_cmpuint(m1->ram->addr, ==, 0);
    ram1 = memory_region_get_ram_ptr(m1->ram);
    ram2 = memory_region_get_ram_ptr(m2->ram);
    g_assert_true(ram1 != ram2);
    ram1[0] = 0x5a;
    g_assert_cmpint(ram2[0], ==, 0);
    g_assert_cmpstr(m2->kernel, ==, "Image");
    g_assert_null(m1->kernel);
    /* Own clocks: starting one leaves the other stopped. */
    g_assert_true(m1->virtual_clock != m2->virtual_clock);
    timer_clock_start(m1->virtual_clock);
    g_assert_true(timer_clock_is_running(m1->virtual_clock));
    g_assert_false(timer_clock_is_running(m2->virtual_clock));
    g_usleep(1000);
    g_assert_cmpint(timer_clock_get_ns(m2->virtual_clock), ==, 0);
    /* Trees are separate. */
    g_assert_null(object_resolve_path(OBJECT(m1), "/objects"));
    g_assert_true(object_resolve_path(OBJECT(m2), "/machine") ==
                  OBJECT(m2));
    object_unref(r1);
    object_unref(r2);
}

/* Records the level seen on each input of a sink. */
typedef struct Sink {
    int level[2];
} Sink;

static void sink_handler(void *opaque, int n, int level)
{
    ((Sink *)opaque)->level[n] = level;
}

/*
 * Two machines each get an or-irq gate, a clock and IRQ wiring of their
 * own: resolving the same path in each tree finds each
 * machine's own object, raising one machine's line or changing its clock
 * leaves the other machine's untouched.
 */
static void test_two_machines_devices(void)
{
    Object *root[2] = { object_new(TYPE_CONTAINER),
                        object_new(TYPE_CONTAINER) };
    MachineState *m[2];
    DeviceState *gate[2];
    Clock *clk[2];
    IRQLine *sink_lines[2];
    Sink sink[2] = { { { 0 } }, { { 0 } } };

    for (int i = 0; i < 2; i++) {
        g_autoptr(Keyval) kv = props("ram-size=1M");

        m[i] = machine_new(root[i], "none", kv, &error_abort);
        gate[i] = qdev_new_child(OBJECT(m[i]), "gate", TYPE_OR_IRQ,
                                 &error_abort);
        clk[i] = clock_new();
        g_assert_true(object_property_add_child(OBJECT(m[i]), "sysclk",
                                                OBJECT(clk[i]),
                                                &error_abort));
        object_unref(OBJECT(clk[i]));
        sink_lines[i] = irq_new(sink_handler, &sink[i], 0);
        qdev_connect_gpio_out(gate[i], 0, sink_lines[i]);
        g_assert_true(machine_build(m[i], &error_abort));
    }

    /* The same absolute path names each machine's own device. */
    for (int i = 0; i < 2; i++) {
        g_assert_true(object_resolve_path(OBJECT(m[i]), "/machine/gate") ==
                      OBJECT(gate[i]));
        g_assert_true(object_resolve_path(OBJECT(m[i]), "/machine/sysclk") ==
                      OBJECT(clk[i]));
        g_assert_true(object_is_realized(OBJECT(gate[i])));
    }
    g_assert_true(gate[0] != gate[1]);

    /* IRQs: machine 0's gate drives only machine 0's sink. */
    irq_raise(qdev_get_gpio_in(gate[0], 1));
    g_assert_cmpint(sink[0].level[0], ==, 1);
    g_assert_cmpint(sink[1].level[0], ==, 0);

    /* Clocks: setting machine 1's clock leaves machine 0's stopped. */
    clock_set_hz(clk[1], 19200000);
    g_assert_cmpuint(clock_get_hz(clk[1]), ==, 19200000);
    g_assert_cmpuint(clock_get(clk[0]), ==, 0);

    /* Memory: the same guest address holds different bytes. */
    {
        uint8_t a = 0x11, b = 0x22, r0 = 0, r1 = 0;
        AddressSpace as[2];

        for (int i = 0; i < 2; i++) {
            address_space_init(&as[i], &m[i]->sysmem,
                               i ? "machine1" : "machine0");
        }
        g_assert_cmpuint(address_space_write(&as[0], 0x100,
                         MEMTXATTRS_UNSPECIFIED, &a, 1), ==, MEMTX_OK);
        g_assert_cmpuint(address_space_write(&as[1], 0x100,
                         MEMTXATTRS_UNSPECIFIED, &b, 1), ==, MEMTX_OK);
        address_space_read(&as[0], 0x100, MEMTXATTRS_UNSPECIFIED, &r0, 1);
        address_space_read(&as[1], 0x100, MEMTXATTRS_UNSPECIFIED, &r1, 1);
        g_assert_cmpuint(r0, ==, 0x11);
        g_assert_cmpuint(r1, ==, 0x22);
        for (int i = 0; i < 2; i++) {
            address_space_destroy(&as[i]);
        }
    }

    for (int i = 0; i < 2; i++) {
        object_unref(root[i]);
        irq_free(sink_lines[i]);
    }
}

static void test_no_ram(void)
{
    Object *root = object_new(TYPE_CONTAINER);
    MachineState *ms = machine_create(root, "none-machine", NULL,
                                      &error_abort);

    /* none has no default RAM and no CPUs. */
    g_assert_null(ms->ram);
    g_assert_cmpuint(ms->ram_size, ==, 0);
    g_assert_cmpuint(ms->smp.cpus, ==, 0);
    object_unref(root);
}

static Object *new_backend(Object *root, const char *id, const char *size)
{
    Object *objects = object_new_child(root, "objects", TYPE_CONTAINER,
                                       &error_abort);
    Object *be = object_new_child(objects, id, TYPE_MEMORY_BACKEND_RAM,
                                  &error_abort);

    object_property_parse(be, "size", size, &error_abort);
    object_realize(be, &error_abort);
    return be;
}

static void test_memory_backend(void)
{
    Object *root = object_new(TYPE_CONTAINER);
    Object *be = new_backend(root, "m0", "4M");
    g_autoptr(Keyval) p = props("memory-backend=m0");
    g_autoptr(Keyval) same = props("memory-backend=m0,ram-size=4M");
    g_autofree char *msg = NULL;
    MachineState *ms;

    msg = create_err(root, "none", "memory-backend=m0,ram-size=8M");
    g_assert_nonnull(strstr(msg, "does not match"));
    g_assert_nonnull(strstr(msg, "'m0'"));
    g_free(g_steal_pointer(&msg));
    msg = create_err(root, "none", "memory-backend=m9");
    g_assert_nonnull(strstr(msg, "no memory backend with id 'm9'"));

    ms = machine_create(root, "none", same, &error_abort);
    g_assert_true(ms->ram == memory_backend_get_region(be, &error_abort));
    g_assert_cmpuint(ms->ram_size, ==, 4 << 20);
    object_unparent(OBJECT(ms));
    ms = machine_create(root, "none", p, &error_abort);
    g_assert_cmpuint(ms->ram_size, ==, 4 << 20);
    object_unref(root);
}

static void test_errors(void)
{
    Object *root = object_new(TYPE_CONTAINER);
    g_autofree char *m1 = create_err(root, "pdp11", "");
    g_autofree char *m2 = create_err(root, "none", "smp-cpus=2");
    g_autofree char *m3 = create_err(root, "none", "ram-size=lots");
    g_autofree char *m4 = create_err(root, "none", "colour=red");

    g_assert_nonnull(strstr(m1, "unknown machine 'pdp11'"));
    g_assert_nonnull(strstr(m1, "none"));           /* lists machines */
    g_assert_nonnull(strstr(m2, "at most 0"));
    g_assert_nonnull(strstr(m3, "lots"));
    g_assert_nonnull(strstr(m4, "colour"));
    object_unref(root);
}

static void test_class_list(void)
{
    Error *err = NULL;
    MachineClass *def = machine_find_class(NULL, &error_abort);
    MachineClass *none = machine_find_class("none", &error_abort);

    g_assert_true(def == none);
    g_assert_true(def->is_default);
    g_assert_true(machine_find_class("none-machine", &error_abort) == none);
    g_assert_null(machine_find_class("nonesuch", &err));
    error_free_or_abort(&err);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/machine/two-in-one-process", test_two_machines);
    g_test_add_func("/machine/two-with-devices", test_two_machines_devices);
    g_test_add_func("/machine/no-ram", test_no_ram);
    g_test_add_func("/machine/memory-backend", test_memory_backend);
    g_test_add_func("/machine/errors", test_errors);
    g_test_add_func("/machine/class-list", test_class_list);
    return g_test_run();
}
