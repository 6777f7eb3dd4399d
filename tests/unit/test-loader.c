/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Unit tests for the image loaders (include/hw/loader.h).
 *
 * ELF files are built in memory from glibc's <elf.h> structures (filled
 * field by field, byte-swapped for big endian), written to a temporary
 * directory, and loaded into an address space with RAM at 0x10000
 * (64 KiB, pre-filled with 0xaa so zero-filling is visible), ROM at
 * 0x40000 (4 KiB) and MMIO at 0x50000.  Loaded bytes are checked one by
 * one against the segment data.  Every malformed case the loader must
 * reject is built by patching one field of a valid file, and a small
 * seeded fuzz loop mutates a valid file a few thousand times, checking
 * only that loading returns cleanly (meaningful under ASan/UBSan).
 */
#include "hemu/osdep.h"
#include <elf.h>
#include <glib/gstdio.h>
#include "hw/loader.h"
#include "system/memory.h"

#define RAM_BASE 0x10000
#define RAM_SIZE 0x10000
#define ROM_BASE 0x40000
#define ROM_SIZE 0x1000
#define IO_BASE 0x50000

typedef struct TestMem {
    MemoryRegion root, ram, rom, io;
    AddressSpace as;
} TestMem;

static const MemoryRegionOps io_ops = {
    .endianness = DEVICE_LITTLE_ENDIAN,
};

static void mem_init(TestMem *m)
{
    memory_region_init(&m->root, NULL, "root", UINT64_MAX);
    memory_region_init_ram(&m->ram, NULL, "ram", RAM_SIZE, &error_abort);
    memset(memory_region_get_ram_ptr(&m->ram), 0xaa, RAM_SIZE);
    memory_region_add_subregion(&m->root, RAM_BASE, &m->ram);
    memory_region_init_rom(&m->rom, NULL, "rom", ROM_SIZE, &error_abort);
    memory_region_add_subregion(&m->root, ROM_BASE, &m->rom);
    memory_region_init_io(&m->io, NULL, &io_ops, NULL, "io", 0x1000);
    memory_region_add_subregion(&m->root, IO_BASE, &m->io);
    address_space_init(&m->as, &m->root, "dsp");
}

static void mem_destroy(TestMem *m)
{
    address_space_destroy(&m->as);
    memory_region_finalize(&m->io);
    memory_region_finalize(&m->rom);
    memory_region_finalize(&m->ram);
    memory_region_finalize(&m->root);
}

static uint8_t *ram(TestMem *m, hwaddr addr)
{
    return (uint8_t *)memory_region_get_ram_ptr(&m->ram) + (addr - RAM_BASE);
}

static uint8_t *rom(TestMem *m, hwaddr addr)
{
    return (uint8_t *)memory_region_get_ram_ptr(&m->rom) + (addr - ROM_BASE);
}

/* ---------------------------------------------------------------------- */
/* Building ELF files                                                     */

typedef struct Seg {
    uint32_t type;              /* PT_LOAD unless set */
    uint64_t paddr, vaddr;
    const uint8_t *data;
    uint64_t filesz, memsz;
} Seg;

typedef struct ElfSpec {
    bool is64, be;
    uint16_t machine;
    uint32_t flags;
    uint64_t entry;
    const Seg *segs;
    int nseg;
} ElfSpec;

static uint16_t e16(const ElfSpec *s, uint16_t v)
{
    return s->be ? GUINT16_TO_BE(v) : GUINT16_TO_LE(v);
}

static uint32_t e32(const ElfSpec *s, uint32_t v)
{
    return s->be ? GUINT32_TO_BE(v) : GUINT32_TO_LE(v);
}

static uint64_t e64(const ElfSpec *s, uint64_t v)
{
    return s->be ? GUINT64_TO_BE(v) : GUINT64_TO_LE(v);
}

static void fill_ident(const ElfSpec *s, unsigned char *id)
{
    memcpy(id, ELFMAG, SELFMAG);
    id[EI_CLASS] = s->is64 ? ELFCLASS64 : ELFCLASS32;
    id[EI_DATA] = s->be ? ELFDATA2MSB : ELFDATA2LSB;
    id[EI_VERSION] = EV_CURRENT;
}

/* Headers, then the program headers, then each segment's file data. */
static GByteArray *build_elf(const ElfSpec *s)
{
    GByteArray *b = g_byte_array_new();
    size_t ehsz = s->is64 ? sizeof(Elf64_Ehdr) : sizeof(Elf32_Ehdr);
    size_t phsz = s->is64 ? sizeof(Elf64_Phdr) : sizeof(Elf32_Phdr);
    uint64_t off = ehsz + phsz * s->nseg;

    if (s->is64) {
        Elf64_Ehdr h = { 0 };

        fill_ident(s, h.e_ident);
        h.e_type = e16(s, ET_EXEC);
        h.e_machine = e16(s, s->machine);
        h.e_version = e32(s, EV_CURRENT);
        h.e_entry = e64(s, s->entry);
        h.e_phoff = e64(s, ehsz);
        h.e_flags = e32(s, s->flags);
        h.e_ehsize = e16(s, ehsz);
        h.e_phentsize = e16(s, phsz);
        h.e_phnum = e16(s, s->nseg);
        g_byte_array_append(b, (uint8_t *)&h, sizeof(h));
    } else {
        Elf32_Ehdr h = { 0 };

        fill_ident(s, h.e_ident);
        h.e_type = e16(s, ET_EXEC);
        h.e_machine = e16(s, s->machine);
        h.e_version = e32(s, EV_CURRENT);
        h.e_entry = e32(s, s->entry);
        h.e_phoff = e32(s, ehsz);
        h.e_flags = e32(s, s->flags);
        h.e_ehsize = e16(s, ehsz);
        h.e_phentsize = e16(s, phsz);
        h.e_phnum = e16(s, s->nseg);
        g_byte_array_append(b, (uint8_t *)&h, sizeof(h));
    }
    for (int i = 0; i < s->nseg; i++) {
        const Seg *g = &s->segs[i];
        uint32_t type = g->type ? g->type : PT_LOAD;

        if (s->is64) {
            Elf64_Phdr p = {
                .p_type = e32(s, type), .p_flags = e32(s, PF_R | PF_X),
                .p_offset = e64(s, off), .p_vaddr = e64(s, g->vaddr),
                .p_paddr = e64(s, g->paddr), .p_filesz = e64(s, g->filesz),
                .p_memsz = e64(s, g->memsz), .p_align = e64(s, 4),
            };
            g_byte_array_append(b, (uint8_t *)&p, sizeof(p));
        } else {
            Elf32_Phdr p = {
                .p_type = e32(s, type), .p_flags = e32(s, PF_R | PF_X),
                .p_offset = e32(s, off), .p_vaddr = e32(s, g->vaddr),
                .p_paddr = e32(s, g->paddr), .p_filesz = e32(s, g->filesz),
                .p_memsz = e32(s, g->memsz), .p_align = e32(s, 4),
            };
            g_byte_array_append(b, (uint8_t *)&p, sizeof(p));
        }
        off += g->filesz;
    }
    for (int i = 0; i < s->nseg; i++) {
        g_byte_array_append(b, s->segs[i].data, s->segs[i].filesz);
    }
    return b;
}

static char *tmpdir;

static char *write_tmp(const char *name, const void *data, size_t len)
{
    char *path = g_build_filename(tmpdir, name, NULL);

    g_assert_true(g_file_set_contents(path, data, len, NULL));
    return path;
}

/* Segment data: 16 bytes of code for RAM, 8 bytes of data for ROM. */
static const uint8_t code[16] = {
    0x10, 0x21, 0x32, 0x43, 0x54, 0x65, 0x76, 0x87,
    0x98, 0xa9, 0xba, 0xcb, 0xdc, 0xed, 0xfe, 0x0f,
};
static const uint8_t rodata[8] = { 1, 2, 3, 4, 5, 6, 7, 8 };

/*
 * The reference file: segment 0 (code + 16 bytes of bss) at physical
 * 0x10100, linked at virtual 0x80000100; segment 1 (a PT_NOTE, skipped);
 * segment 2 (rodata) at 0x40010 in ROM.
 */
static ElfSpec ref_spec(bool is64, bool be, Seg *segs)
{
    segs[0] = (Seg){ .paddr = 0x10100, .vaddr = 0x80000100, .data = code,
                     .filesz = sizeof(code), .memsz = 32 };
    segs[1] = (Seg){ .type = PT_NOTE, .paddr = 0x90000000, .data = rodata,
                     .filesz = 4, .memsz = 4 };
    segs[2] = (Seg){ .paddr = 0x40010, .vaddr = 0x80040010, .data = rodata,
                     .filesz = sizeof(rodata), .memsz = sizeof(rodata) };
    return (ElfSpec){ .is64 = is64, .be = be, .machine = EM_QDSP6,
                      .flags = 0x73, .entry = 0x80000100, .segs = segs,
                      .nseg = 3 };
}

static void check_loaded(TestMem *m)
{
    /* Code byte by byte, then 16 zeroed bss bytes, then untouched RAM. */
    for (int i = 0; i < 16; i++) {
        g_assert_cmphex(*ram(m, 0x10100 + i), ==, code[i]);
        g_assert_cmphex(*ram(m, 0x10110 + i), ==, 0);
    }
    g_assert_cmphex(*ram(m, 0x100ff), ==, 0xaa);
    g_assert_cmphex(*ram(m, 0x10120), ==, 0xaa);
    for (int i = 0; i < 8; i++) {
        g_assert_cmphex(*rom(m, 0x40010 + i), ==, rodata[i]);
    }
    g_assert_cmphex(*rom(m, 0x40018), ==, 0);
}

static void do_load_ref(bool is64, bool be)
{
    TestMem m;
    Seg segs[3];
    ElfSpec spec = ref_spec(is64, be, segs);
    g_autoptr(GByteArray) elf = build_elf(&spec);
    g_autofree char *path = write_tmp("ref.elf", elf->data, elf->len);
    LoadElfOptions opts = { .machine = EM_QDSP6 };
    LoadElfResult res;

    mem_init(&m);
    g_assert_true(load_elf_as(path, &m.as, &opts, &res, &error_abort));
    check_loaded(&m);
    g_assert_cmphex(res.entry, ==, 0x80000100);
    g_assert_cmphex(res.lowest, ==, 0x10100);
    g_assert_cmphex(res.highest, ==, 0x40017);  /* 0x40010 + 8 - 1 */
    g_assert_cmpuint(res.machine, ==, EM_QDSP6);
    g_assert_cmphex(res.flags, ==, 0x73);
    g_assert_cmpint(res.elf_class, ==, is64 ? 64 : 32);
    g_assert_cmpint(res.big_endian, ==, be);
    mem_destroy(&m);
}

static void test_elf32_le(void)
{
    do_load_ref(false, false);
}

static void test_elf32_be(void)
{
    do_load_ref(false, true);
}

static void test_elf64_le(void)
{
    do_load_ref(true, false);
}

static void test_elf64_be(void)
{
    do_load_ref(true, true);
}

/* Translation for a machine that sees the image's 0x8000xxxx at 0x1xxxx. */
static bool xlate(void *opaque, hwaddr addr, hwaddr *out)
{
    int *calls = opaque;

    (*calls)++;
    if (addr < 0x80000000 || addr >= 0x80100000) {
        return false;
    }
    *out = addr - 0x80000000 + 0x10000;
    return true;
}

static void test_vaddr_and_translate(void)
{
    TestMem m;
    Seg seg = { .paddr = 0, .vaddr = 0x80000200, .data = code,
                .filesz = 16, .memsz = 16 };
    ElfSpec spec = { .is64 = true, .machine = EM_AARCH64, .entry = 1,
                     .segs = &seg, .nseg = 1 };
    g_autoptr(GByteArray) elf = build_elf(&spec);
    int calls = 0;
    LoadElfOptions opts = { .use_vaddr = true, .translate = xlate,
                            .translate_opaque = &calls };
    LoadElfResult res;
    Error *err = NULL;

    mem_init(&m);
    g_assert_true(load_elf_buffer_as(elf->data, elf->len, "v.elf", &m.as,
                                     &opts, &res, &error_abort));
    g_assert_cmpint(calls, ==, 1);
    /* 0x80000200 -> 0x10200 */
    g_assert_cmphex(res.lowest, ==, 0x10200);
    g_assert_cmphex(res.highest, ==, 0x1020f);
    g_assert_cmpmem(ram(&m, 0x10200), 16, code, 16);
    /* Without use_vaddr the paddr (0) is given to translate: refused. */
    opts.use_vaddr = false;
    g_assert_false(load_elf_buffer_as(elf->data, elf->len, "v.elf", &m.as,
                                      &opts, NULL, &err));
    g_assert_nonnull(strstr(error_get_pretty(err),
                            "v.elf: segment 0 at 0x0 is outside"));
    error_free_or_abort(&err);
    mem_destroy(&m);
}

/* Load @elf (patched by the caller) and expect @msg in the error. */
static void expect_fail(GByteArray *elf, const LoadElfOptions *opts,
                        const char *msg)
{
    TestMem m;
    Error *err = NULL;
    g_autofree char *path = write_tmp("bad.elf", elf->data, elf->len);

    mem_init(&m);
    g_assert_false(load_elf_as(path, &m.as, opts, NULL, &err));
    g_assert_nonnull(err);
    if (!strstr(error_get_pretty(err), msg)) {
        g_error("expected '%s' in '%s'", msg, error_get_pretty(err));
    }
    g_assert_nonnull(strstr(error_get_pretty(err), path));
    /* Validation happens before any write: RAM is untouched. */
    g_assert_cmphex(*ram(&m, 0x10100), ==, 0xaa);
    error_free(err);
    mem_destroy(&m);
}

/* A valid little-endian ELF64 file, to patch. */
static GByteArray *ref64(void)
{
    Seg segs[3];
    ElfSpec spec = ref_spec(true, false, segs);

    return build_elf(&spec);
}

static Elf64_Ehdr *ehdr64(GByteArray *b)
{
    return (Elf64_Ehdr *)b->data;
}

static Elf64_Phdr *phdr64(GByteArray *b, int i)
{
    return (Elf64_Phdr *)(b->data + sizeof(Elf64_Ehdr)) + i;
}

static void test_malformed(void)
{
    GByteArray *b;
    LoadElfOptions opts = { 0 };

    b = ref64();
    b->data[1] = 'X';
    expect_fail(b, NULL, "not an ELF file (bad magic)");
    g_byte_array_unref(b);

    b = ref64();
    g_byte_array_set_size(b, 40);
    expect_fail(b, NULL, "truncated ELF header (40 bytes, need 64)");
    g_byte_array_unref(b);

    b = ref64();
    ehdr64(b)->e_ident[EI_CLASS] = 7;
    expect_fail(b, NULL, "unknown ELF class 7");
    g_byte_array_unref(b);

    b = ref64();
    ehdr64(b)->e_phoff = b->len - 8;
    expect_fail(b, NULL, "extend beyond the end of the file");
    g_byte_array_unref(b);

    b = ref64();
    ehdr64(b)->e_phnum = 0;
    expect_fail(b, NULL, "no program headers");
    g_byte_array_unref(b);

    b = ref64();
    phdr64(b, 0)->p_offset = b->len - 4;
    expect_fail(b, NULL, "segment 0: file data at offset");
    g_byte_array_unref(b);

    b = ref64();
    phdr64(b, 2)->p_filesz = 9;
    expect_fail(b, NULL, "segment 2: file size 0x9 is larger than its "
                "memory size 0x8");
    g_byte_array_unref(b);

    b = ref64();
    phdr64(b, 0)->p_paddr = 0xfffffffffffffff0ull;
    expect_fail(b, NULL, "segment 0 at 0xfffffffffffffff0 (0x20 bytes) "
                "runs past the end of the 64-bit address space");
    g_byte_array_unref(b);

    b = ref64();
    opts.machine = EM_AARCH64;
    expect_fail(b, &opts, "ELF machine 164 (e_machine) does not match the "
                "CPU's 183");
    g_byte_array_unref(b);

    b = ref64();
    phdr64(b, 2)->p_paddr = 0x80000000;
    phdr64(b, 2)->p_memsz = 0x2000;
    expect_fail(b, NULL, "segment 2 at 0x80000000..0x80001fff is not "
                "backed by RAM or ROM in address space 'dsp'");
    g_byte_array_unref(b);

    b = ref64();                        /* MMIO is not RAM or ROM either */
    phdr64(b, 2)->p_paddr = IO_BASE;
    expect_fail(b, NULL, "segment 2 at 0x50000..0x50007 is not backed");
    g_byte_array_unref(b);

    b = ref64();                        /* straddles the end of RAM */
    phdr64(b, 0)->p_paddr = RAM_BASE + RAM_SIZE - 8;
    expect_fail(b, NULL, "segment 0 at 0x1fff8..0x20017 is not backed");
    g_byte_array_unref(b);

    b = ref64();
    ehdr64(b)->e_type = ET_REL;
    expect_fail(b, NULL, "ELF type 1 is not loadable");
    g_byte_array_unref(b);
}

static void test_malformed32(void)
{
    Seg segs[3];
    ElfSpec spec = ref_spec(false, true, segs);
    GByteArray *b;

    /* ELF32 addresses wrap at 4 GiB: 0xfffffff0 + 0x20 bytes overflows. */
    segs[0].paddr = 0xfffffff0;
    b = build_elf(&spec);
    expect_fail(b, NULL, "runs past the end of the 32-bit address space");
    g_byte_array_unref(b);
}

static void test_missing_file(void)
{
    TestMem m;
    Error *err = NULL;
    g_autofree char *path = g_build_filename(tmpdir, "nope.elf", NULL);

    mem_init(&m);
    g_assert_false(load_elf_as(path, &m.as, NULL, NULL, &err));
    g_assert_nonnull(strstr(error_get_pretty(err), "cannot read the file"));
    g_assert_nonnull(strstr(error_get_pretty(err), "nope.elf"));
    error_free_or_abort(&err);
    g_assert_false(load_image_as(path, RAM_BASE, &m.as, RAM_SIZE, NULL,
                                 &err));
    error_free_or_abort(&err);
    mem_destroy(&m);
}

static void test_fuzz(void)
{
    TestMem m;
    g_autoptr(GByteArray) ref = ref64();
    g_autoptr(GRand) rnd = g_rand_new_with_seed(20240607);
    g_autofree uint8_t *buf = g_malloc(ref->len);
    int ok = 0;

    mem_init(&m);
    for (int iter = 0; iter < 3000; iter++) {
        int nmut = g_rand_int_range(rnd, 1, 5);
        size_t len = ref->len;

        memcpy(buf, ref->data, ref->len);
        for (int k = 0; k < nmut; k++) {
            /* Mostly the headers, where the interesting fields are. */
            size_t limit = g_rand_boolean(rnd) ? 64 + 3 * 56 : ref->len;

            buf[g_rand_int_range(rnd, 0, limit)] = g_rand_int(rnd);
        }
        if (g_rand_int_range(rnd, 0, 8) == 0) {
            len = g_rand_int_range(rnd, 0, ref->len);   /* truncate */
        }
        Error *err = NULL;
        bool r = load_elf_buffer_as(buf, len, "fuzz.elf", &m.as, NULL, NULL,
                                    &err);
        /* Exactly one of: success, or failure with an error. */
        g_assert_true(r == (err == NULL));
        ok += r;
        error_free(err);
    }
    /* Some mutations hit unused bytes, so some loads succeed. */
    g_assert_cmpint(ok, >, 0);
    mem_destroy(&m);
}

static void test_raw_image(void)
{
    TestMem m;
    uint8_t data[100];
    uint64_t size = 0;
    Error *err = NULL;
    g_autofree char *path = NULL;

    for (int i = 0; i < 100; i++) {
        data[i] = i * 7 + 3;
    }
    path = write_tmp("raw.bin", data, sizeof(data));
    mem_init(&m);
    g_assert_true(load_image_as(path, RAM_BASE + 0x10, &m.as, RAM_SIZE,
                                &size, &error_abort));
    g_assert_cmpuint(size, ==, 100);
    g_assert_cmpmem(ram(&m, RAM_BASE + 0x10), 100, data, 100);
    g_assert_cmphex(*ram(&m, RAM_BASE + 0xf), ==, 0xaa);
    g_assert_cmphex(*ram(&m, RAM_BASE + 0x10 + 100), ==, 0xaa);
    /* Into ROM as well. */
    g_assert_true(load_image_as(path, ROM_BASE, &m.as, ROM_SIZE, NULL,
                                &error_abort));
    g_assert_cmpmem(rom(&m, ROM_BASE), 100, data, 100);

    g_assert_false(load_image_as(path, RAM_BASE, &m.as, 99, NULL, &err));
    g_assert_nonnull(strstr(error_get_pretty(err), "the image is 100 bytes, "
                            "larger than the 99 bytes allowed"));
    error_free_or_abort(&err);
    /* 100 bytes at 0x1ffd0 end at 0x20033, past RAM's end 0x1ffff. */
    g_assert_false(load_image_as(path, 0x1ffd0, &m.as, RAM_SIZE, NULL,
                                 &err));
    g_assert_nonnull(strstr(error_get_pretty(err), "image at 0x1ffd0..0x20033"
                            " is not backed by RAM or ROM in address space "
                            "'dsp'"));
    error_free_or_abort(&err);
    g_assert_false(load_image_as(path, UINT64_MAX - 10, &m.as, RAM_SIZE,
                                 NULL, &err));
    g_assert_nonnull(strstr(error_get_pretty(err), "past the end"));
    error_free_or_abort(&err);
    mem_destroy(&m);
}

static void remove_tmpdir(void)
{
    GDir *d = g_dir_open(tmpdir, 0, NULL);
    const char *name;

    while (d && (name = g_dir_read_name(d))) {
        g_autofree char *p = g_build_filename(tmpdir, name, NULL);

        g_unlink(p);
    }
    if (d) {
        g_dir_close(d);
    }
    g_rmdir(tmpdir);
    g_free(tmpdir);
}

int main(int argc, char **argv)
{
    int ret;

    g_test_init(&argc, &argv, NULL);
    tmpdir = g_dir_make_tmp("hemu-test-loader-XXXXXX", NULL);
    g_assert_nonnull(tmpdir);
    g_test_add_func("/loader/elf32-le", test_elf32_le);
    g_test_add_func("/loader/elf32-be", test_elf32_be);
    g_test_add_func("/loader/elf64-le", test_elf64_le);
    g_test_add_func("/loader/elf64-be", test_elf64_be);
    g_test_add_func("/loader/vaddr-and-translate", test_vaddr_and_translate);
    g_test_add_func("/loader/malformed", test_malformed);
    g_test_add_func("/loader/malformed32", test_malformed32);
    g_test_add_func("/loader/missing-file", test_missing_file);
    g_test_add_func("/loader/fuzz", test_fuzz);
    g_test_add_func("/loader/raw-image", test_raw_image);
    ret = g_test_run();
    remove_tmpdir();
    return ret;
}
