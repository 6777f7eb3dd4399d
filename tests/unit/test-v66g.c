/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Unit tests of the V66G_1024 machine (hw/hexagon/v66g.c) without the
 * Hexagon frontend: its option errors, and its memory map, config table,
 * devices and kernel loading, inspected after a build that stops where the
 * CPUs would be created (this binary has no "hexagon-cpu" types, so the
 * build fails there and leaves the machine in the tree).
 *
 * Expected values: addresses and config table words from the reference
 * (/work/shared/reference/hexagon-system.md 1.2-1.3, QEMU's V66G_1024);
 * the ELF image is built here byte by byte (System V ABI ELF32 layout).
 */
#include "hemu/osdep.h"
#include "hw/boards.h"
#include "system/memory.h"
#include "util/keyval.h"

#define CFGBASE 0xd8180000ull
#define L2VIC 0xfc910000ull
#define FASTL2VIC 0xd81e0000ull
#define QTIMER_AC 0xfc920000ull
#define QTIMER_FRAME0 0xfc921000ull
#define VTCM 0xd8200000ull

static void put32(uint8_t *p, uint32_t v)
{
    p[0] = v;
    p[1] = v >> 8;
    p[2] = v >> 16;
    p[3] = v >> 24;
}

static void put16(uint8_t *p, uint16_t v)
{
    p[0] = v;
    p[1] = v >> 8;
}

/*
 * An ELF32 LSB executable for @machine with one PT_LOAD segment of 16
 * bytes (0x00..0x0f) at @vaddr / @paddr, entry @entry; returns its path.
 */
static char *write_elf(uint16_t machine, uint32_t vaddr, uint32_t paddr,
                       uint32_t entry)
{
    uint8_t f[52 + 32 + 16] = { 0x7f, 'E', 'L', 'F', 1, 1, 1 };
    GError *gerr = NULL;
    char *path = NULL;
    int fd = g_file_open_tmp("v66g-XXXXXX.elf", &path, &gerr);

    g_assert_no_error(gerr);
    put16(f + 16, 2);           /* ET_EXEC */
    put16(f + 18, machine);
    put32(f + 20, 1);           /* EV_CURRENT */
    put32(f + 24, entry);
    put32(f + 28, 52);          /* e_phoff */
    put32(f + 36, 0x68);        /* e_flags: v68 */
    put16(f + 40, 52);          /* e_ehsize */
    put16(f + 42, 32);          /* e_phentsize */
    put16(f + 44, 1);           /* e_phnum */
    put32(f + 52, 1);           /* PT_LOAD */
    put32(f + 56, 84);          /* p_offset */
    put32(f + 60, vaddr);
    put32(f + 64, paddr);
    put32(f + 68, 16);          /* p_filesz */
    put32(f + 72, 16);          /* p_memsz */
    put32(f + 76, 7);           /* RWX */
    put32(f + 80, 4);
    for (int i = 0; i < 16; i++) {
        f[84 + i] = i;
    }
    g_assert_cmpint(write(fd, f, sizeof(f)), ==, sizeof(f));
    close(fd);
    return path;
}

/* Build V66G_1024 with @props ("k=v" pairs); the error, or NULL. */
static char *build(Object *root, MachineState **out, const char *const *kv)
{
    g_autoptr(Keyval) props = keyval_new();
    Error *err = NULL;
    MachineState *ms;
    char *msg = NULL;

    for (; kv && kv[0]; kv += 2) {
        keyval_set(props, kv[0], kv[1]);
    }
    ms = machine_new(root, "V66G_1024", props, &error_abort);
    if (!machine_build(ms, &err)) {
        msg = g_strdup(error_get_pretty(err));
        error_free(err);
    }
    *out = ms;
    return msg;
}

static void test_errors(void)
{
    static const char *const big[] = { "ram-size", "8G", NULL };
    static const char *const smp[] = { "smp-cpus", "9", "kernel", "x",
                                       NULL };
    Object *root = object_new(TYPE_CONTAINER);
    MachineState *ms;
    g_autofree char *e1 = build(root, &ms, NULL);

    g_assert_nonnull(strstr(e1, "V66G_1024: -kernel is required"));
    object_unparent(OBJECT(ms));
    {
        g_autofree char *e2 = build(root, &ms, big);

        g_assert_nonnull(strstr(e2, "at most 4 GiB"));
        object_unparent(OBJECT(ms));
    }
    {
        g_autofree char *e3 = build(root, &ms, smp);

        g_assert_nonnull(strstr(e3, "at most 8"));
        object_unparent(OBJECT(ms));
    }
    object_unref(root);
}

static void test_wrong_elf_machine(void)
{
    g_autofree char *elf = write_elf(183 /* EM_AARCH64 */, 0x1000, 0x1000,
                                     0x1000);
    const char *const kv[] = { "ram-size", "16M", "kernel", elf, NULL };
    Object *root = object_new(TYPE_CONTAINER);
    MachineState *ms;
    g_autofree char *err = build(root, &ms, kv);

    g_assert_nonnull(strstr(err, "machine V66G_1024: -kernel: "));
    object_unref(root);
    unlink(elf);
}

static uint32_t ld32(AddressSpace *as, hwaddr addr)
{
    MemTxResult res;
    uint32_t v = address_space_ld(as, addr, MO_32, MEMTXATTRS_UNSPECIFIED,
                                  &res);

    g_assert_cmpuint(res, ==, MEMTX_OK);
    return v;
}

static void st32(AddressSpace *as, hwaddr addr, uint32_t v)
{
    MemTxResult res;

    address_space_st(as, addr, v, MO_32, MEMTXATTRS_UNSPECIFIED, &res);
    g_assert_cmpuint(res, ==, MEMTX_OK);
}

static void test_memory_map(void)
{
    /* hexagonMVM-like: linked at 0xffff0000, loaded at 0x00100000 */
    g_autofree char *elf = write_elf(164, 0xffff0000, 0x00100000,
                                     0xffff0004);
    const char *const kv[] = { "ram-size", "16M", "kernel", elf,
                               "smp-cpus", "2", NULL };
    Object *root = object_new(TYPE_CONTAINER);
    MachineState *ms;
    g_autofree char *err = build(root, &ms, kv);
    AddressSpace as;

    /* the frontend is not in this binary: the CPUs are where it stops */
    g_assert_nonnull(strstr(err, "unknown Hexagon CPU model 'v66'"));
    g_assert_nonnull(object_get_child(OBJECT(ms), "l2vic"));
    g_assert_nonnull(object_get_child(OBJECT(ms), "qtimer"));
    address_space_init(&as, &ms->sysmem, "test");
    /* the segment landed at its physical address */
    g_assert_cmphex(ld32(&as, 0x00100000), ==, 0x03020100);
    g_assert_cmphex(ld32(&as, 0x0010000c), ==, 0x0f0e0d0c);
    /* config table words (byte offsets; bases are address bits 31:16) */
    g_assert_cmphex(ld32(&as, CFGBASE + 0x08), ==, 0xfc90);
    g_assert_cmphex(ld32(&as, CFGBASE + 0x28), ==, 0xd81e);
    g_assert_cmphex(ld32(&as, CFGBASE + 0x2c), ==, 0x80);
    g_assert_cmphex(ld32(&as, CFGBASE + 0x38), ==, 0xd820);
    g_assert_cmphex(ld32(&as, CFGBASE + 0x40), ==, 0x400);
    g_assert_cmphex(ld32(&as, CFGBASE + 0x48), ==, 0x3);   /* 2 threads */
    g_assert_cmphex(ld32(&as, CFGBASE + 0x6c), ==, 0x80);
    /* the table is ROM: a guest write does not change it */
    st32(&as, CFGBASE + 0x2c, 0);
    g_assert_cmphex(ld32(&as, CFGBASE + 0x2c), ==, 0x80);
    /* VTCM is RAM */
    st32(&as, VTCM + 0x3fffc, 0x12345678);
    g_assert_cmphex(ld32(&as, VTCM + 0x3fffc), ==, 0x12345678);
    /* the L2VIC registers and its fast port */
    st32(&as, FASTL2VIC, 70);                   /* enable input 70 */
    g_assert_cmphex(ld32(&as, L2VIC + 0x100 + 8), ==, 1u << 6);
    /* the QTimer: version in both blocks, 2 frames in CNTTID */
    g_assert_cmphex(ld32(&as, QTIMER_AC + 0xfd0), ==, 0x20020000);
    g_assert_cmphex(ld32(&as, QTIMER_FRAME0 + 0xfd0), ==, 0x20020000);
    g_assert_cmphex(ld32(&as, QTIMER_AC + 0x08), ==, 0x11);
    /* QTimer frame 0 drives L2VIC input 3: EN with CVAL 0 holds it high */
    st32(&as, QTIMER_FRAME0 + 0x2c, 1);
    g_assert_cmphex(ld32(&as, L2VIC + 0x500), ==, 1u << 3);
    /* and frame 1 input 4 */
    st32(&as, QTIMER_FRAME0 + 0x1000 + 0x2c, 1);
    g_assert_cmphex(ld32(&as, L2VIC + 0x500), ==, 3u << 3);
    address_space_destroy(&as);
    object_unref(root);
    unlink(elf);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/v66g/errors", test_errors);
    g_test_add_func("/v66g/wrong-elf-machine", test_wrong_elf_machine);
    g_test_add_func("/v66g/memory-map", test_memory_map);
    return g_test_run();
}
