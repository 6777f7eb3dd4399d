/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Unit tests for machine files (include/system/machine-file.h): a board
 * from tests/machines/board.yaml is built with its backend mapped and its
 * IRQs wired, clocks are wired, an include with overrides merges as documented in
 * docs/user/machine-files.md, and every malformed file in
 * tests/machines/bad/ fails with the error listed in its expected.txt
 * (file:line:column counted by hand) and leaves nothing in the root.
 * unit-maps.yaml: a cluster's own memory map, device MMIO regions and
 * aliases in either map, a loader-filled read-only backend, CPU
 * properties (cpus:, "all" before numbered CPUs) read at the cluster's
 * reset, and IRQ endpoints on CPUs (CLUSTER.cpu[K].NAME[N], ...[K][N]).
 */
#include "system/machine-file.h"

#include "exec/cpu.h"
#include "exec/target-arch.h"
#include "hw/clock.h"
#include "hw/irq.h"
#include "hw/memory-map.h"
#include "hw/qdev.h"
#include "system/memory-backend.h"

/* Levels seen on two sink lines. */
typedef struct Sink {
    int level[2];
} Sink;

static void sink_handler(void *opaque, int n, int level)
{
    Sink *s = opaque;

    s->level[n] = level;
}

static char *machines_path(const char *name)
{
    return g_test_build_filename(G_TEST_DIST, "..", "machines", name, NULL);
}

static DeviceState *child_dev(MachineState *ms, const char *id)
{
    Object *o = object_get_child(OBJECT(ms), id);

    g_assert_nonnull(o);
    return DEVICE(o);
}

/* Write through @ms's memory map at @addr, read the backend's RAM. */
static void check_mapped(MachineState *ms, const char *backend, hwaddr addr)
{
    g_autofree char *path = g_strdup_printf("/objects/%s", backend);
    Object *obj = object_resolve_path(OBJECT(ms), path);
    uint32_t val = 0xcafe1234, back = 0;
    uint8_t *ram;
    AddressSpace as;

    g_assert_nonnull(obj);
    ram = memory_region_get_ram_ptr(memory_backend_get_region(obj,
                                                              &error_abort));
    address_space_init(&as, &ms->sysmem, "test");
    g_assert_cmpuint(address_space_write(&as, addr + 8,
                     MEMTXATTRS_UNSPECIFIED, &val, 4), ==, MEMTX_OK);
    /* The backend holds the bytes at offset 8: the mapping's base is addr. */
    memcpy(&back, ram + 8, 4);
    g_assert_cmphex(back, ==, 0xcafe1234);
    /* One byte below the mapping is a hole (nothing else is there). */
    g_assert_cmpuint(address_space_read(&as, addr - 1,
                     MEMTXATTRS_UNSPECIFIED, &back, 1), !=, MEMTX_OK);
    address_space_destroy(&as);
}

/* gate (or-irq) drives fan (split-irq) input 0: raising any gate input
   must reach both fan outputs, wired here to a sink. */
static void check_irqs(MachineState *ms, int gate_inputs)
{
    DeviceState *gate = child_dev(ms, "gate"), *fan = child_dev(ms, "fan");
    Sink sink = { { 0, 0 } };
    IRQLine *l0 = irq_new(sink_handler, &sink, 0);
    IRQLine *l1 = irq_new(sink_handler, &sink, 1);

    g_assert_cmpint(qdev_gpio_in_count(gate, NULL), ==, gate_inputs);
    g_assert_cmpint(qdev_gpio_out_count(fan, NULL), ==, 2);
    qdev_connect_gpio_out(fan, 0, l0);
    qdev_connect_gpio_out(fan, 1, l1);
    irq_raise(qdev_get_gpio_in(gate, gate_inputs - 1));
    g_assert_cmpint(sink.level[0], ==, 1);
    g_assert_cmpint(sink.level[1], ==, 1);
    irq_lower(qdev_get_gpio_in(gate, gate_inputs - 1));
    g_assert_cmpint(sink.level[0], ==, 0);
    g_assert_cmpint(sink.level[1], ==, 0);
    qdev_connect_gpio_out(fan, 0, NULL);
    qdev_connect_gpio_out(fan, 1, NULL);
    irq_free(l0);
    irq_free(l1);
}

static void test_board(void)
{
    g_autofree char *path = machines_path("board.yaml");
    Object *root = object_new(TYPE_CONTAINER);
    MachineState *ms = machine_file_create(root, path, &error_abort);

    g_assert_true(object_get_child(root, "machine") == OBJECT(ms));
    g_assert_true(object_is_realized(OBJECT(ms)));
    g_assert_cmpuint(ms->ram_size, ==, 1 << 20);
    check_mapped(ms, "sram", 0x10000000);
    check_irqs(ms, 3);
    object_unref(root);
}

/* A test-only device with an output clock "out" and an input "in". */
#define TYPE_MF_TEST_CLOCK "mf-test-clock"

static void mf_test_clock_init(Object *obj)
{
    qdev_init_clock_out(DEVICE(obj), "out");
    qdev_init_clock_in(DEVICE(obj), "in", NULL, NULL, 0);
}

static const TypeInfo mf_test_clock_info = {
    .name = TYPE_MF_TEST_CLOCK,
    .parent = TYPE_DEVICE,
    .instance_size = sizeof(DeviceState),
    .instance_init = mf_test_clock_init,
};

static void test_clocks(void)
{
    g_autofree char *path = machines_path("unit-clocks.yaml");
    Object *root = object_new(TYPE_CONTAINER);
    MachineState *ms = machine_file_create(root, path, &error_abort);
    Clock *out = qdev_get_clock_out(child_dev(ms, "osc"), "out");
    Clock *in = qdev_get_clock_in(child_dev(ms, "timer"), "in");

    g_assert_nonnull(out);
    g_assert_nonnull(in);
    g_assert_true(clock_get_source(in) == out);
    /* The file wired timer.in to osc.out: a rate set on osc reaches it. */
    clock_update_hz(out, 1000000);
    g_assert_cmpuint(clock_get_hz(in), ==, 1000000);
    /* osc.in was not wired. */
    g_assert_null(clock_get_source(qdev_get_clock_in(child_dev(ms, "osc"),
                                                     "in")));
    object_unref(root);
}

static void test_include_override(void)
{
    g_autofree char *path = machines_path("override.yaml");
    Object *root = object_new(TYPE_CONTAINER);
    MachineState *ms = machine_file_create(root, path, &error_abort);

    /* machine: merged key by key: ram-size from override, type kept. */
    g_assert_cmpstr(object_get_typename(OBJECT(ms)), ==, "none-machine");
    g_assert_cmpuint(ms->ram_size, ==, 2 << 20);
    /* Lists: base entries kept, "boot" appended, "gate" replaced. */
    check_mapped(ms, "sram", 0x10000000);
    check_mapped(ms, "boot", 0x20000000);
    check_irqs(ms, 5);
    object_unref(root);
}

/* Building into a root that already has /machine fails and keeps it. */
static void test_existing_machine(void)
{
    g_autofree char *path = machines_path("board.yaml");
    Object *root = object_new(TYPE_CONTAINER);
    Object *objects = object_new_child(root, "objects", TYPE_CONTAINER,
                                       &error_abort);
    Error *err = NULL;

    machine_file_create(root, path, &error_abort);
    g_assert_null(machine_file_create(root, path, &err));
    g_assert_nonnull(err);
    error_free(err);
    g_assert_nonnull(object_get_child(root, "machine"));
    g_assert_true(object_get_child(root, "objects") == objects);
    g_assert_nonnull(object_get_child(objects, "sram"));
    object_unref(root);
}

static void check_bad(const char *file, const char *fragment)
{
    g_autofree char *name = g_strdup_printf("bad/%s", file);
    g_autofree char *path = machines_path(name);
    Object *root = object_new(TYPE_CONTAINER);
    Error *err = NULL;

    g_assert_null(machine_file_create(root, path, &err));
    g_assert_nonnull(err);
    g_test_message("%s: got '%s'", file, error_get_pretty(err));
    if (!strstr(error_get_pretty(err), fragment)) {
        g_error("%s: got '%s', expected it to contain '%s'", file,
                error_get_pretty(err), fragment);
    }
    error_free(err);
    /* Nothing is left behind. */
    g_assert_null(object_get_child(root, "machine"));
    g_assert_null(object_get_child(root, "objects"));
    object_unref(root);
}

/* The frontend's dump of @cpu contains @want (" PC=..."). */
static void check_dump(Object *cpu, const char *want)
{
    CPUState *cs = CPU(cpu);
    g_autoptr(GString) out = g_string_new(NULL);

    cs->arch->dump_state(cs, out);
    if (!strstr(out->str, want)) {
        g_error("%s: dump '%s' lacks '%s'", object_get_name(cpu), out->str,
                want);
    }
}

static uint32_t read32(MemoryRegion *root, hwaddr addr)
{
    AddressSpace as;
    uint32_t v = 0;

    address_space_init(&as, root, "test-read");
    g_assert_cmpuint(address_space_read(&as, addr, MEMTXATTRS_UNSPECIFIED,
                                        &v, 4), ==, MEMTX_OK);
    address_space_destroy(&as);
    return v;
}

static void write32(MemoryRegion *root, hwaddr addr, uint32_t v)
{
    AddressSpace as;

    address_space_init(&as, root, "test-write");
    g_assert_cmpuint(address_space_write(&as, addr, MEMTXATTRS_UNSPECIFIED,
                                         &v, 4), ==, MEMTX_OK);
    address_space_destroy(&as);
}

static void test_maps(void)
{
    g_autofree char *path = machines_path("unit-maps.yaml");
    Object *root = object_new(TYPE_CONTAINER);
    MachineState *ms = machine_file_create(root, path, &error_abort);
    Object *dspmap = object_resolve_path(root, "/machine/dspmap");
    Object *dsp = object_resolve_path(root, "/machine/dsp");
    Object *apps = object_resolve_path(root, "/machine/apps");
    Object *cpu1 = object_get_child(apps, "cpu[1]");
    Object *dspcpu = object_get_child(dsp, "cpu[0]");
    DeviceState *mbox = child_dev(ms, "mbox");
    DeviceState *rst = child_dev(ms, "rst");
    MemoryRegion *dmap;

    g_assert_nonnull(dspmap);
    dmap = memory_map_root(dspmap);
    /* the cluster renders the file's map, the other one the machine's */
    g_assert_true(cpu_cluster_memory_root(dsp, &error_abort) == dmap);
    g_assert_true(cpu_cluster_memory_root(apps, &error_abort) ==
                  &ms->sysmem);
    /* dspram at dspmap 0, seen by the machine at 0x50000000 (alias) */
    write32(dmap, 0x40, 0x11112222);
    g_assert_cmphex(read32(&ms->sysmem, 0x50000040), ==, 0x11112222);
    /* alias: ram, offset 0x1000: dspmap 0x80000010 is RAM 0x1010 */
    write32(&ms->sysmem, 0x1010, 0xabcd0123);
    g_assert_cmphex(read32(dmap, 0x80000010), ==, 0xabcd0123);
    /* the mailbox's two views, one in each map */
    g_assert_true(qdev_get_mmio(mbox, 1)->container == dmap);
    g_assert_true(qdev_get_mmio(mbox, 0)->container == &ms->sysmem);
    g_assert_cmphex(qdev_get_mmio(mbox, 0)->addr, ==, 0x20000000);
    /* the ROM: filled by the loader, guest-style writes ignored */
    g_assert_cmphex(read32(&ms->sysmem, 0x30000004), ==, 0x12345678);
    write32(&ms->sysmem, 0x30000004, 0);
    g_assert_cmphex(read32(&ms->sysmem, 0x30000004), ==, 0x12345678);
    /* cpus: "all" first, then cpu 1's own boot-pc; read at reset */
    check_dump(object_get_child(apps, "cpu[0]"), "PC=0000000040000000");
    check_dump(cpu1, "PC=0000000040000400");
    g_assert_true(object_property_get_bool(cpu1, "start-powered-off",
                                           &error_abort));
    check_dump(dspcpu, " PC=00000100");     /* reset at EVB 0x100 */
    /* IRQ endpoints on CPUs: the split-irq's input fans out to rst[0],
       wired to apps cpu 1's reset line (held while high), and rst[1],
       wired to the DSP thread's interrupt line 2 (bit 1 << 2) */
    g_assert_cmpint(CPU(cpu1)->reset_held, ==, 0);
    g_assert_cmphex(CPU(dspcpu)->interrupt_request & 4, ==, 0);
    irq_raise(qdev_get_gpio_in(rst, 0));
    g_assert_cmpint(CPU(cpu1)->reset_held, ==, 1);
    g_assert_cmphex(CPU(dspcpu)->interrupt_request & 4, ==, 4);
    irq_lower(qdev_get_gpio_in(rst, 0));
    g_assert_cmphex(CPU(dspcpu)->interrupt_request & 4, ==, 0);
    object_unref(root);
}

static void test_bad_files(void)
{
    g_autofree char *list = machines_path("bad/expected.txt");
    g_autofree char *dir = machines_path("bad");
    g_autofree char *text = NULL;
    g_auto(GStrv) lines = NULL;
    g_autoptr(GHashTable) seen = g_hash_table_new_full(g_str_hash,
                                                       g_str_equal,
                                                       g_free, NULL);
    GDir *d;
    const char *ent;

    g_assert_true(g_file_get_contents(list, &text, NULL, NULL));
    lines = g_strsplit(text, "\n", -1);
    for (int i = 0; lines[i]; i++) {
        char *bar = strchr(lines[i], '|');

        if (lines[i][0] == '#' || !bar) {
            continue;
        }
        *bar = '\0';
        check_bad(lines[i], bar + 1);
        g_hash_table_add(seen, g_strdup(lines[i]));
    }
    g_assert_cmpuint(g_hash_table_size(seen), >=, 20);
    /* Every malformed file is checked. */
    d = g_dir_open(dir, 0, NULL);
    g_assert_nonnull(d);
    while ((ent = g_dir_read_name(d))) {
        if (g_str_has_suffix(ent, ".yaml") &&
            !g_hash_table_contains(seen, ent)) {
            g_error("bad/%s has no line in expected.txt", ent);
        }
    }
    g_dir_close(d);
}

static void test_missing_file(void)
{
    Object *root = object_new(TYPE_CONTAINER);
    Error *err = NULL;

    g_assert_null(machine_file_create(root, "/nonexistent/m.yaml", &err));
    g_assert_nonnull(strstr(error_get_pretty(err),
                            "/nonexistent/m.yaml: cannot open machine file"));
    error_free(err);
    object_unref(root);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    type_register_static(&mf_test_clock_info);
    g_test_add_func("/machine-file/board", test_board);
    g_test_add_func("/machine-file/include-override", test_include_override);
    g_test_add_func("/machine-file/clocks", test_clocks);
    g_test_add_func("/machine-file/existing-machine", test_existing_machine);
    g_test_add_func("/machine-file/maps", test_maps);
    g_test_add_func("/machine-file/bad-files", test_bad_files);
    g_test_add_func("/machine-file/missing-file", test_missing_file);
    return g_test_run();
}
