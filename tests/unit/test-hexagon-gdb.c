/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The Hexagon frontend's debugger hooks (target/hexagon/gdbstub.c): the
 * target description is well-formed XML whose registers are numbered
 * 0..63 with the names LLDB's Hexagon numbering gives them (R0-R31, then
 * the control registers C0-C31 in order: docs/user/gdb.md), register
 * reads and writes in that numbering (P3:0 packing the predicates,
 * read-only and reserved control registers ignoring writes), and the
 * debugger's address translation with the MMU off.
 *
 * Expected values are hand-derived: P3:0 holds P0 in bits 7:0 up to P3
 * in 31:24 (Hexagon V68 PRM, 2.2.5); values are little-endian.
 */
#include "hemu/osdep.h"
#include "exec/cpu.h"
#include "system/memory.h"
#include "gdbstub.h"

typedef struct GdbRig {
    Object *root;
    MemoryRegion sysmem;
    CPUCluster *cl;
} GdbRig;

static void rig_init(GdbRig *r)
{
    memset(r, 0, sizeof(*r));
    r->root = object_new(TYPE_CONTAINER);
    memory_region_init(&r->sysmem, NULL, "hexagon", UINT64_MAX);
    r->cl = CPU_CLUSTER(object_new_child(r->root, "dsp", TYPE_CPU_CLUSTER,
                                         &error_abort));
    object_property_set_uint(OBJECT(r->cl), "num-cpus", 2, &error_abort);
    object_property_set_str(OBJECT(r->cl), "cpu-type", "v68-hexagon-cpu",
                            &error_abort);
    cpu_cluster_set_arch(r->cl, &hexagon_arch);
    cpu_cluster_set_memory(r->cl, &r->sysmem);
    g_assert_true(object_realize(OBJECT(r->cl), &error_abort));
}

static void rig_free(GdbRig *r)
{
    object_unref(r->root);
    memory_region_finalize(&r->sysmem);
}

/* What the XML says: regnum -> name, and the <architecture> text. */
typedef struct XmlSeen {
    char *names[HEX_GDB_NUM_REGS];
    int generic_pc;             /* regnum with generic="pc", or -1 */
    int generic_sp;
    unsigned nregs;
    GString *text;              /* character data of the last element */
    char *arch;
} XmlSeen;

static void xml_start(GMarkupParseContext *ctx, const char *element,
                      const char **names, const char **values,
                      gpointer data, GError **err)
{
    XmlSeen *x = data;
    const char *name = NULL, *generic = NULL;
    long regnum = -1;

    g_string_truncate(x->text, 0);
    if (strcmp(element, "reg")) {
        return;
    }
    for (unsigned i = 0; names[i]; i++) {
        if (!strcmp(names[i], "name")) {
            name = values[i];
        } else if (!strcmp(names[i], "regnum")) {
            regnum = strtol(values[i], NULL, 10);
        } else if (!strcmp(names[i], "generic")) {
            generic = values[i];
        } else if (!strcmp(names[i], "bitsize")) {
            g_assert_cmpstr(values[i], ==, "32");
        }
    }
    g_assert_nonnull(name);
    /* every register says its number, and they come in order */
    g_assert_cmpint(regnum, ==, x->nregs);
    g_assert_cmpint(regnum, <, HEX_GDB_NUM_REGS);
    x->names[regnum] = g_strdup(name);
    if (generic && !strcmp(generic, "pc")) {
        x->generic_pc = (int)regnum;
    }
    if (generic && !strcmp(generic, "sp")) {
        x->generic_sp = (int)regnum;
    }
    x->nregs++;
}

static void xml_text(GMarkupParseContext *ctx, const char *text, gsize len,
                     gpointer data, GError **err)
{
    g_string_append_len(((XmlSeen *)data)->text, text, (gssize)len);
}

static void xml_end(GMarkupParseContext *ctx, const char *element,
                    gpointer data, GError **err)
{
    XmlSeen *x = data;

    if (!strcmp(element, "architecture")) {
        x->arch = g_strdup(x->text->str);
    }
}

static void test_xml(void)
{
    static const GMarkupParser p = {
        .start_element = xml_start, .end_element = xml_end,
        .text = xml_text,
    };
    /* the numbering of docs/user/gdb.md (C0..C31 from 32) */
    static const struct { unsigned n; const char *name; } want[] = {
        { 0, "r0" }, { 29, "r29" }, { 31, "r31" }, { 32, "sa0" },
        { 33, "lc0" }, { 34, "sa1" }, { 35, "lc1" }, { 36, "p3_0" },
        { 37, "c5" }, { 38, "m0" }, { 39, "m1" }, { 40, "usr" },
        { 41, "pc" }, { 42, "ugp" }, { 43, "gp" }, { 44, "cs0" },
        { 45, "cs1" }, { 46, "upcyclelo" }, { 47, "upcyclehi" },
        { 48, "framelimit" }, { 49, "framekey" }, { 50, "pktcountlo" },
        { 51, "pktcounthi" }, { 52, "c20" }, { 61, "c29" },
        { 62, "utimerlo" }, { 63, "utimerhi" },
    };
    XmlSeen x = { .generic_pc = -1, .generic_sp = -1,
                  .text = g_string_new(NULL) };
    GMarkupParseContext *ctx = g_markup_parse_context_new(&p, 0, &x, NULL);
    const char *xml = hexagon_arch.gdb_core_xml;
    GError *err = NULL;

    g_assert_true(xml == hex_gdb_core_xml);
    g_assert_cmpuint(hexagon_arch.gdb_num_regs, ==, 64);
    /* GMarkup rejects a DOCTYPE: parse from the <target> element */
    xml = strstr(xml, "<target");
    g_assert_nonnull(xml);
    g_assert_true(g_markup_parse_context_parse(ctx, xml, -1, &err));
    g_assert_true(g_markup_parse_context_end_parse(ctx, &err));
    g_assert_no_error(err);
    g_assert_cmpstr(x.arch, ==, "hexagon");
    g_assert_cmpuint(x.nregs, ==, 64);
    for (size_t i = 0; i < G_N_ELEMENTS(want); i++) {
        g_assert_cmpstr(x.names[want[i].n], ==, want[i].name);
    }
    g_assert_cmpint(x.generic_pc, ==, 41);
    g_assert_cmpint(x.generic_sp, ==, 29);
    for (unsigned i = 0; i < HEX_GDB_NUM_REGS; i++) {
        g_free(x.names[i]);
    }
    g_free(x.arch);
    g_string_free(x.text, true);
    g_markup_parse_context_free(ctx);
}

/* Register @reg of @cpu through the hook, as a little-endian value. */
static uint32_t rd(CPUState *cpu, int reg)
{
    g_autoptr(GByteArray) b = g_byte_array_new();

    g_assert_cmpint(hex_gdb_read_register(cpu, b, reg), ==, 4);
    g_assert_cmpuint(b->len, ==, 4);
    return b->data[0] | b->data[1] << 8 | b->data[2] << 16 |
           (uint32_t)b->data[3] << 24;
}

static void wr(CPUState *cpu, int reg, uint32_t v)
{
    uint8_t b[4] = { v, v >> 8, v >> 16, v >> 24 };

    g_assert_cmpint(hex_gdb_write_register(cpu, b, reg), ==, 4);
}

static void test_registers(void)
{
    GdbRig r;
    CPUState *cpu;
    CPUHexagonState *env;
    g_autoptr(GByteArray) b = g_byte_array_new();

    rig_init(&r);
    cpu = r.cl->cpus[1];
    env = hex_env(cpu);
    env->gpr[29] = 0x31f88;
    env->pred[0] = 0x01;
    env->pred[1] = 0xff;
    env->pred[3] = 0x80;
    env->pc = 0x1110;
    env->cr[HEX_CR_USR] = 0x00000101;
    g_assert_cmphex(rd(cpu, 29), ==, 0x31f88);
    g_assert_cmphex(rd(cpu, 36), ==, 0x8000ff01);   /* P3 P2 P1 P0 */
    g_assert_cmphex(rd(cpu, 41), ==, 0x1110);
    g_assert_cmphex(rd(cpu, 40), ==, 0x101);
    g_assert_cmphex(rd(cpu, 37), ==, 0);             /* c5: reserved */
    /* the bytes on the wire: little-endian */
    hex_gdb_read_register(cpu, b, 41);
    g_assert_cmpmem(b->data, 4, ((const uint8_t[]){ 0x10, 0x11, 0, 0 }), 4);
    /* writes */
    wr(cpu, 5, 0x12345678);
    g_assert_cmphex(env->gpr[5], ==, 0x12345678);
    wr(cpu, 36, 0x01020304);
    g_assert_cmphex(env->pred[0], ==, 4);
    g_assert_cmphex(env->pred[3], ==, 1);
    wr(cpu, 32, 0x2000);                              /* sa0 */
    g_assert_cmphex(env->cr[HEX_CR_SA0], ==, 0x2000);
    wr(cpu, 41, 0x2000);
    g_assert_cmphex(env->pc, ==, 0x2000);
    /* upcyclelo, pktcountlo, utimerhi are read-only; c5, c20: reserved */
    wr(cpu, 46, 0xdead);
    wr(cpu, 50, 0xdead);
    wr(cpu, 63, 0xdead);
    wr(cpu, 37, 0xdead);
    wr(cpu, 52, 0xdead);
    g_assert_cmphex(rd(cpu, 37), ==, 0);
    g_assert_cmphex(rd(cpu, 52), ==, 0);
    for (unsigned i = 0; i < 32; i++) {
        g_assert_cmphex(env->cr[i], !=, 0xdead);
    }
    /* other thread untouched; out of range is refused */
    g_assert_cmphex(hex_env(r.cl->cpus[0])->gpr[5], ==, 0);
    g_assert_cmpint(hex_gdb_read_register(cpu, b, 64), ==, 0);
    g_assert_cmpint(hex_gdb_write_register(cpu, (const uint8_t *)"abcd",
                                           -1), ==, 0);
    rig_free(&r);
}

static void test_translate(void)
{
    GdbRig r;
    hwaddr pa = 0;

    rig_init(&r);
    /* MMU off at reset (SYSCFG.MMUEN = 0): virtual is physical */
    g_assert_true(hexagon_arch.debug_translate(r.cl->cpus[0], 0x80000104,
                                               &pa));
    g_assert_cmphex(pa, ==, 0x80000104);
    rig_free(&r);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/hexagon-gdb/xml", test_xml);
    g_test_add_func("/hexagon-gdb/registers", test_registers);
    g_test_add_func("/hexagon-gdb/translate", test_translate);
    return g_test_run();
}
