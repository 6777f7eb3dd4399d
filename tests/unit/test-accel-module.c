/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Loadable frontends: the test frontend built as
 * libhemu-target-testarch.so is found through HEMU_MODULE_DIR by
 * target_arch_lookup(), registers its CPU type when loaded, and runs a
 * program in a cluster created by name; a corrupt module and an unknown
 * name are errors returned to the caller; `-target help` lists modules.
 * This binary does not link the test frontend: it can only come from the
 * module.
 */
#include "exec/cpu.h"
#include "testarch/testarch.h"

#define I(op, a, b, c, imm) TA_INSN(TA_##op, a, b, c, imm)

static void test_load_and_run(void)
{
    static const uint32_t prog[] = {
        I(ADDI, 1, 0, 0, 10),   /* 0:  r1 = 10 */
        I(ADD, 2, 2, 1, 0),     /* 4:  r2 += r1 */
        I(ADDI, 1, 1, 0, -1),   /* 8:  r1 -= 1 */
        I(BNE, 1, 0, 0, -3),    /* 12: if r1 != 0 goto 4 */
        I(HALT, 0, 0, 0, 0),    /* 16 */
    };
    Object *root = object_new(TYPE_CONTAINER);
    MemoryRegion sysmem, ram;
    const TargetArch *arch;
    Object *cl;
    CPUState *cpu;

    /* Not linked in: the CPU type appears only with the module. */
    g_assert_null(object_class_by_name(TYPE_TESTARCH_CPU));
    arch = target_arch_lookup("testarch", &error_abort);
    g_assert_nonnull(arch);
    g_assert_cmpstr(arch->name, ==, "testarch");
    g_assert_nonnull(object_class_by_name(TYPE_TESTARCH_CPU));
    /* A second lookup returns the same table. */
    g_assert_true(target_arch_lookup("testarch", &error_abort) == arch);

    memory_region_init(&sysmem, NULL, "sysmem", UINT64_MAX);
    g_assert_true(memory_region_init_ram(&ram, NULL, "ram", 0x10000,
                                         &error_abort));
    memory_region_add_subregion(&sysmem, 0, &ram);
    for (size_t i = 0; i < G_N_ELEMENTS(prog); i++) {
        uint32_t w = GUINT32_TO_LE(prog[i]);
        memcpy((uint8_t *)memory_region_get_ram_ptr(&ram) + 4 * i, &w, 4);
    }
    cl = object_new_child(root, "dsp", TYPE_CPU_CLUSTER, &error_abort);
    g_assert_true(object_property_set_str(cl, "arch", "testarch",
                                          &error_abort));
    cpu_cluster_set_memory(CPU_CLUSTER(cl), &sysmem);
    g_assert_true(object_realize(cl, &error_abort));
    g_assert_true(cpu_cluster_start_tcg(CPU_CLUSTER(cl), TCG_BACKEND_INTERP,
                                        &error_abort));
    cpu = CPU_CLUSTER(cl)->cpus[0];
    g_assert_true(CPU_CLUSTER(cl)->arch == arch);
    while (!ta_env(cpu)->stopped) {
        cpu_set_budget(cpu, 1000000);
        cpu_exec(cpu);
    }
    /* 10 + 9 + ... + 1 */
    g_assert_cmpuint(ta_env(cpu)->regs[2], ==, 55);
    /* 1 + 10 * 3 + HALT */
    g_assert_cmpuint(cpu_get_insn_count(cpu), ==, 32);
    object_unref(root);
    memory_region_del_subregion(&sysmem, &ram);
    memory_region_finalize(&ram);
    memory_region_finalize(&sysmem);
}

static void test_corrupt_and_missing(void)
{
    Error *err = NULL;

    g_assert_null(target_arch_lookup("corrupt", &err));
    g_assert_nonnull(err);
    g_assert_nonnull(strstr(error_get_pretty(err),
                            "cannot load frontend module"));
    g_assert_nonnull(strstr(error_get_pretty(err),
                            "libhemu-target-corrupt.so"));
    error_free(err);
    err = NULL;
    g_assert_null(target_arch_lookup("missing", &err));
    g_assert_nonnull(strstr(error_get_pretty(err), "unknown target "
                            "'missing'"));
    error_free(err);
    err = NULL;
    g_assert_null(target_arch_lookup("../etc", &err));
    g_assert_nonnull(strstr(error_get_pretty(err), "unknown target"));
    error_free(err);
}

static void test_print_list(void)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);

    target_arch_print_list(f);
    fclose(f);
    g_assert_nonnull(strstr(buf, "testarch"));
    g_assert_nonnull(strstr(buf, "loadable"));
    free(buf);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/accel/module/load-and-run", test_load_and_run);
    g_test_add_func("/accel/module/corrupt-and-missing",
                    test_corrupt_and_missing);
    g_test_add_func("/accel/module/print-list", test_print_list);
    return g_test_run();
}
