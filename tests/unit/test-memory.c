/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Unit tests of the memory API (include/system/memory.h): RAM and ROM,
 * MMIO dispatch with access-size splitting and both endiannesses,
 * priorities, aliases across address spaces, re-rendering, holes,
 * translate(), printing, listeners, concurrent readers, and the memory
 * backends (ram, file, memfd) with their errors.
 *
 * Expected values are derived by hand in the comments next to them from
 * the byte model in docs/devel/memory.md (byte-invariant bus; a
 * little-endian device's value holds its lowest-addressed byte in bits
 * 0-7).
 */
#include "hemu/osdep.h"
#include "system/memory.h"
#include "system/memory-backend.h"

#include <sys/stat.h>

/* ---------------------------------------------------------------------- */
/* A test device that records every access                               */

typedef struct Access {
    bool is_write;
    hwaddr addr;
    unsigned size;
    uint64_t data;
} Access;

typedef struct TestDev {
    MemoryRegion mmio;
    uint8_t regs[64];           /* backing bytes, in address order */
    bool be;                    /* register byte order */
    Access log[64];
    unsigned n;                 /* entries used in log */
} TestDev;

static uint64_t testdev_read(void *opaque, hwaddr addr, unsigned size)
{
    TestDev *d = opaque;
    uint64_t v = 0;

    for (unsigned k = 0; k < size; k++) {
        unsigned shift = 8 * (d->be ? size - 1 - k : k);

        v |= (uint64_t)d->regs[(addr + k) % sizeof(d->regs)] << shift;
    }
    g_assert_cmpuint(d->n, <, G_N_ELEMENTS(d->log));
    d->log[d->n++] = (Access){ false, addr, size, v };
    return v;
}

static void testdev_write(void *opaque, hwaddr addr, uint64_t data,
                          unsigned size)
{
    TestDev *d = opaque;

    for (unsigned k = 0; k < size; k++) {
        unsigned shift = 8 * (d->be ? size - 1 - k : k);

        d->regs[(addr + k) % sizeof(d->regs)] = (uint8_t)(data >> shift);
    }
    g_assert_cmpuint(d->n, <, G_N_ELEMENTS(d->log));
    d->log[d->n++] = (Access){ true, addr, size, data };
}

static const MemoryRegionOps testdev_le4_ops = {
    .read = testdev_read,
    .write = testdev_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 1, .max_access_size = 8 },
    .impl = { .min_access_size = 4, .max_access_size = 4 },
};

static const MemoryRegionOps testdev_be4_ops = {
    .read = testdev_read,
    .write = testdev_write,
    .endianness = DEVICE_BIG_ENDIAN,
    .valid = { .min_access_size = 1, .max_access_size = 8 },
    .impl = { .min_access_size = 4, .max_access_size = 4 },
};

/* Accepts only aligned 4-byte accesses. */
static const MemoryRegionOps testdev_strict_ops = {
    .read = testdev_read,
    .write = testdev_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 4, .max_access_size = 4 },
    .impl = { .min_access_size = 4, .max_access_size = 4 },
};

/* Implements 1-byte accesses only. */
static const MemoryRegionOps testdev_byte_ops = {
    .read = testdev_read,
    .write = testdev_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 1, .max_access_size = 8 },
    .impl = { .min_access_size = 1, .max_access_size = 1 },
};

static void testdev_init(TestDev *d, const MemoryRegionOps *ops, bool be)
{
    memset(d, 0, sizeof(*d));
    d->be = be;
    for (unsigned i = 0; i < sizeof(d->regs); i++) {
        d->regs[i] = 0x10 + i;  /* byte at offset i is 0x10 + i */
    }
    memory_region_init_io(&d->mmio, NULL, ops, d, "testdev",
                          sizeof(d->regs));
}

/* A machine: a root container and an address space over it. */
typedef struct TestMachine {
    MemoryRegion root;
    AddressSpace as;
} TestMachine;

static void machine_init(TestMachine *m, const char *name)
{
    memory_region_init(&m->root, NULL, name, UINT64_MAX);
    address_space_init(&m->as, &m->root, name);
}

static void machine_destroy(TestMachine *m)
{
    address_space_destroy(&m->as);
    memory_region_finalize(&m->root);
}

/* ---------------------------------------------------------------------- */
/* RAM and ROM                                                            */

static void test_ram_rw(void)
{
    TestMachine m;
    MemoryRegion ram;
    uint8_t in[16], out[16];
    uint8_t *host;

    machine_init(&m, "sys");
    g_assert_true(memory_region_init_ram(&ram, NULL, "ram", 0x10000,
                                         &error_abort));
    memory_region_add_subregion(&m.root, 0x80000000, &ram);
    g_assert_true(memory_region_is_ram(&ram));
    g_assert_false(memory_region_is_rom(&ram));
    g_assert_cmpuint(memory_region_size(&ram), ==, 0x10000);
    g_assert_cmpstr(memory_region_name(&ram), ==, "ram");

    for (unsigned i = 0; i < sizeof(in); i++) {
        in[i] = 0xa0 + i;
    }
    g_assert_cmpuint(address_space_write(&m.as, 0x80000100,
                                         MEMTXATTRS_UNSPECIFIED, in,
                                         sizeof(in)), ==, MEMTX_OK);
    /* The bytes land at offset 0x100 of the host block. */
    host = memory_region_get_ram_ptr(&ram);
    g_assert_cmpmem(host + 0x100, sizeof(in), in, sizeof(in));
    g_assert_cmpuint(address_space_read(&m.as, 0x80000100,
                                        MEMTXATTRS_UNSPECIFIED, out,
                                        sizeof(out)), ==, MEMTX_OK);
    g_assert_cmpmem(out, sizeof(out), in, sizeof(in));

    /* ld/st: bytes a0 a1 a2 a3 read LE are 0xa3a2a1a0, BE 0xa0a1a2a3. */
    g_assert_cmphex(address_space_ld(&m.as, 0x80000100, MO_LEUL,
                                     MEMTXATTRS_UNSPECIFIED, NULL), ==,
                    0xa3a2a1a0);
    g_assert_cmphex(address_space_ld(&m.as, 0x80000100, MO_BEUL,
                                     MEMTXATTRS_UNSPECIFIED, NULL), ==,
                    0xa0a1a2a3);
    /* 0xa0 sign-extended from 8 bits. */
    g_assert_cmphex(address_space_ld(&m.as, 0x80000100, MO_SB,
                                     MEMTXATTRS_UNSPECIFIED, NULL), ==,
                    0xffffffffffffffa0ull);
    address_space_st(&m.as, 0x80000200, 0x1122334455667788ull, MO_BEUQ,
                     MEMTXATTRS_UNSPECIFIED, NULL);
    g_assert_cmphex(host[0x200], ==, 0x11);
    g_assert_cmphex(host[0x207], ==, 0x88);

    memory_region_finalize(&ram);
    machine_destroy(&m);
}

static void test_rom_rules(void)
{
    TestMachine m;
    MemoryRegion rom, ram;
    const uint8_t img[4] = { 1, 2, 3, 4 };
    uint8_t out[4], junk[4] = { 9, 9, 9, 9 };

    machine_init(&m, "sys");
    g_assert_true(memory_region_init_rom(&rom, NULL, "boot", 0x1000,
                                         &error_abort));
    g_assert_true(memory_region_init_ram(&ram, NULL, "ram", 0x1000,
                                         &error_abort));
    memory_region_add_subregion(&m.root, 0, &rom);
    memory_region_add_subregion(&m.root, 0x1000, &ram);
    g_assert_true(memory_region_is_rom(&rom));
    g_assert_true(memory_region_is_ram(&rom));

    /* Loaders write ROM... */
    g_assert_cmpuint(address_space_write_rom(&m.as, 0x10,
                                             MEMTXATTRS_UNSPECIFIED, img, 4),
                     ==, MEMTX_OK);
    /* ...the guest cannot: the write is ignored, and not an error. */
    g_assert_cmpuint(address_space_write(&m.as, 0x10, MEMTXATTRS_UNSPECIFIED,
                                         junk, 4), ==, MEMTX_OK);
    address_space_read(&m.as, 0x10, MEMTXATTRS_UNSPECIFIED, out, 4);
    g_assert_cmpmem(out, 4, img, 4);

    /* RAM made read-only behaves the same. */
    memory_region_set_readonly(&ram, true);
    g_assert_true(memory_region_is_readonly(&ram));
    address_space_write(&m.as, 0x1000, MEMTXATTRS_UNSPECIFIED, junk, 4);
    g_assert_cmphex(((uint8_t *)memory_region_get_ram_ptr(&ram))[0], ==, 0);
    memory_region_set_readonly(&ram, false);
    address_space_write(&m.as, 0x1000, MEMTXATTRS_UNSPECIFIED, junk, 4);
    g_assert_cmphex(((uint8_t *)memory_region_get_ram_ptr(&ram))[0], ==, 9);

    /* write_rom into a hole is a decode error. */
    g_assert_cmpuint(address_space_write_rom(&m.as, 0x5000,
                                             MEMTXATTRS_UNSPECIFIED, img, 4),
                     ==, MEMTX_DECODE_ERROR);
    /* is_backed: ROM + RAM contiguous yes, running into the hole no. */
    g_assert_true(address_space_is_backed(&m.as, 0xff0, 0x20));
    g_assert_false(address_space_is_backed(&m.as, 0x1ff0, 0x20));

    memory_region_finalize(&ram);
    memory_region_finalize(&rom);
    machine_destroy(&m);
}

static void test_ram_errors(void)
{
    MemoryRegion mr;
    Error *err = NULL;

    g_assert_false(memory_region_init_ram(&mr, NULL, "empty", 0, &err));
    g_assert_nonnull(err);
    g_assert_nonnull(strstr(error_get_pretty(err), "'empty'"));
    g_assert_nonnull(strstr(error_get_pretty(err), "size 0"));
    error_free(err);
}

/* ---------------------------------------------------------------------- */
/* MMIO                                                                   */

static void test_mmio_le_split_combine(void)
{
    TestMachine m;
    TestDev d;
    uint8_t out[8];
    MemTxResult r;
    uint64_t v;

    machine_init(&m, "sys");
    testdev_init(&d, &testdev_le4_ops, false);
    memory_region_add_subregion(&m.root, 0x9000, &d.mmio);

    /*
     * 1-byte read at offset 5 of a 4-byte-only LE device: one 4-byte
     * read at offset 4 returning bytes 14 15 16 17 = 0x17161514; byte 5
     * is bits 8-15: 0x15.
     */
    v = address_space_ld(&m.as, 0x9005, MO_UB, MEMTXATTRS_UNSPECIFIED, &r);
    g_assert_cmpuint(r, ==, MEMTX_OK);
    g_assert_cmphex(v, ==, 0x15);
    g_assert_cmpuint(d.n, ==, 1);
    g_assert_false(d.log[0].is_write);
    g_assert_cmpuint(d.log[0].addr, ==, 4);
    g_assert_cmpuint(d.log[0].size, ==, 4);

    /*
     * 8-byte LE load at offset 8: split into two 4-byte reads at 8 and
     * 12; bytes 18..1f assembled little-endian = 0x1f1e1d1c1b1a1918.
     */
    d.n = 0;
    v = address_space_ld(&m.as, 0x9008, MO_LEUQ, MEMTXATTRS_UNSPECIFIED, &r);
    g_assert_cmphex(v, ==, 0x1f1e1d1c1b1a1918ull);
    g_assert_cmpuint(d.n, ==, 2);
    g_assert_cmpuint(d.log[0].addr, ==, 8);
    g_assert_cmpuint(d.log[1].addr, ==, 12);

    /*
     * 2-byte store of 0xbeef at offset 0x22: widened to a 4-byte write at
     * 0x20; LE lanes put 0xef at byte 2 and 0xbe at byte 3, the other
     * bytes zero: data 0xbeef0000.
     */
    d.n = 0;
    address_space_st(&m.as, 0x9022, 0xbeef, MO_LEUW, MEMTXATTRS_UNSPECIFIED,
                     &r);
    g_assert_cmpuint(d.n, ==, 1);
    g_assert_true(d.log[0].is_write);
    g_assert_cmpuint(d.log[0].addr, ==, 0x20);
    g_assert_cmphex(d.log[0].data, ==, 0xbeef0000);
    g_assert_cmphex(d.regs[0x22], ==, 0xef);
    g_assert_cmphex(d.regs[0x23], ==, 0xbe);

    /* Buffer copies see the bytes in address order: 10 11 12 ... */
    d.n = 0;
    address_space_read(&m.as, 0x9000, MEMTXATTRS_UNSPECIFIED, out, 8);
    for (unsigned i = 0; i < 8; i++) {
        g_assert_cmphex(out[i], ==, 0x10 + i);
    }

    memory_region_finalize(&d.mmio);
    machine_destroy(&m);
}

static void test_mmio_be(void)
{
    TestMachine m;
    TestDev d;
    uint8_t out[4];
    uint64_t v;

    machine_init(&m, "sys");
    testdev_init(&d, &testdev_be4_ops, true);
    memory_region_add_subregion(&m.root, 0x9000, &d.mmio);

    /*
     * BE device, 1-byte read at offset 1: the 4-byte read at 0 returns
     * bytes 10 11 12 13 as 0x10111213 (byte 0 most significant); byte 1
     * is bits 16-23: 0x11.
     */
    v = address_space_ld(&m.as, 0x9001, MO_UB, MEMTXATTRS_UNSPECIFIED, NULL);
    g_assert_cmphex(v, ==, 0x11);
    g_assert_cmphex(d.log[0].data, ==, 0x10111213);

    /* A BE 4-byte load of a BE device sees the register value as is. */
    v = address_space_ld(&m.as, 0x9004, MO_BEUL, MEMTXATTRS_UNSPECIFIED,
                         NULL);
    g_assert_cmphex(v, ==, 0x14151617);
    /* An LE load of the same bytes is byte-swapped: 0x17161514. */
    v = address_space_ld(&m.as, 0x9004, MO_LEUL, MEMTXATTRS_UNSPECIFIED,
                         NULL);
    g_assert_cmphex(v, ==, 0x17161514);

    /*
     * 8-byte BE load at 8: two reads; the first (offset 8) is the most
     * significant half: 0x18191a1b1c1d1e1f.
     */
    v = address_space_ld(&m.as, 0x9008, MO_BEUQ, MEMTXATTRS_UNSPECIFIED,
                         NULL);
    g_assert_cmphex(v, ==, 0x18191a1b1c1d1e1full);

    /*
     * 1-byte write of 0xaa at offset 0x11: widened to offset 0x10, BE
     * lane of byte 1 is bits 16-23: data 0x00aa0000.
     */
    d.n = 0;
    address_space_st(&m.as, 0x9011, 0xaa, MO_UB, MEMTXATTRS_UNSPECIFIED,
                     NULL);
    g_assert_cmpuint(d.log[0].addr, ==, 0x10);
    g_assert_cmphex(d.log[0].data, ==, 0x00aa0000);
    address_space_read(&m.as, 0x9010, MEMTXATTRS_UNSPECIFIED, out, 4);
    g_assert_cmphex(out[1], ==, 0xaa);

    memory_region_finalize(&d.mmio);
    machine_destroy(&m);
}

static void test_mmio_valid(void)
{
    TestMachine m;
    TestDev d, b;
    MemTxResult r;
    uint64_t v;

    machine_init(&m, "sys");
    testdev_init(&d, &testdev_strict_ops, false);
    testdev_init(&b, &testdev_byte_ops, false);
    memory_region_add_subregion(&m.root, 0x9000, &d.mmio);
    memory_region_add_subregion(&m.root, 0xa000, &b.mmio);

    /* A 1-byte access to a 4-byte-only bus interface is refused. */
    v = address_space_ld(&m.as, 0x9000, MO_UB, MEMTXATTRS_UNSPECIFIED, &r);
    g_assert_cmpuint(r, ==, MEMTX_ERROR);
    g_assert_cmphex(v, ==, 0);
    /* So is an unaligned 4-byte one. */
    address_space_ld(&m.as, 0x9002, MO_LEUL, MEMTXATTRS_UNSPECIFIED, &r);
    g_assert_cmpuint(r, ==, MEMTX_ERROR);
    g_assert_cmpuint(d.n, ==, 0);
    /* An aligned 4-byte one passes. */
    v = address_space_ld(&m.as, 0x9004, MO_LEUL, MEMTXATTRS_UNSPECIFIED, &r);
    g_assert_cmpuint(r, ==, MEMTX_OK);
    g_assert_cmphex(v, ==, 0x17161514);

    /* A byte-only device sees a 4-byte store as 4 byte writes, LE. */
    address_space_st(&m.as, 0xa000, 0x44332211, MO_LEUL,
                     MEMTXATTRS_UNSPECIFIED, &r);
    g_assert_cmpuint(b.n, ==, 4);
    for (unsigned i = 0; i < 4; i++) {
        g_assert_cmpuint(b.log[i].addr, ==, i);
        g_assert_cmpuint(b.log[i].size, ==, 1);
        g_assert_cmphex(b.log[i].data, ==, 0x11 * (i + 1));
    }

    memory_region_finalize(&b.mmio);
    memory_region_finalize(&d.mmio);
    machine_destroy(&m);
}

/* ---------------------------------------------------------------------- */
/* Priorities, aliases, re-rendering                                     */

static uint8_t read8(AddressSpace *as, hwaddr addr, MemTxResult *r)
{
    return (uint8_t)address_space_ld(as, addr, MO_UB, MEMTXATTRS_UNSPECIFIED,
                                     r);
}

/* A RAM region of @size bytes all set to @fill. */
static void ram_filled(MemoryRegion *mr, const char *name, uint64_t size,
                       uint8_t fill)
{
    g_assert_true(memory_region_init_ram(mr, NULL, name, size,
                                         &error_abort));
    memset(memory_region_get_ram_ptr(mr), fill, size);
}

static void test_priorities(void)
{
    TestMachine m;
    MemoryRegion low, high, same, box, inbox;

    machine_init(&m, "sys");
    ram_filled(&low, "low", 0x4000, 0x11);
    ram_filled(&high, "high", 0x1000, 0x22);
    ram_filled(&same, "same", 0x1000, 0x33);
    ram_filled(&inbox, "inbox", 0x1000, 0x44);
    memory_region_init(&box, NULL, "box", 0x4000);

    memory_region_add_subregion_overlap(&m.root, 0, &low, 0);
    memory_region_add_subregion_overlap(&m.root, 0x1000, &high, 1);
    /* Added later at the same priority as 'low': wins over 'low'. */
    memory_region_add_subregion_overlap(&m.root, 0x2000, &same, 0);
    /* A container at priority 2 covering all, with one page in it. */
    memory_region_add_subregion(&box, 0x3000, &inbox);
    memory_region_add_subregion_overlap(&m.root, 0, &box, 2);

    g_assert_cmphex(read8(&m.as, 0x0000, NULL), ==, 0x11);
    g_assert_cmphex(read8(&m.as, 0x1000, NULL), ==, 0x22);
    g_assert_cmphex(read8(&m.as, 0x2000, NULL), ==, 0x33);
    /* The box has content only at 0x3000; elsewhere lower ones show. */
    g_assert_cmphex(read8(&m.as, 0x3000, NULL), ==, 0x44);

    /* Raising 'low' above 'high' by re-adding it at priority 5. */
    memory_region_del_subregion(&m.root, &low);
    memory_region_add_subregion_overlap(&m.root, 0, &low, 5);
    g_assert_cmphex(read8(&m.as, 0x1000, NULL), ==, 0x11);
    g_assert_cmphex(read8(&m.as, 0x3000, NULL), ==, 0x11);

    memory_region_finalize(&box);
    memory_region_finalize(&inbox);
    memory_region_finalize(&same);
    memory_region_finalize(&high);
    memory_region_finalize(&low);
    machine_destroy(&m);
}

static void test_plain_overlap_later_wins(void)
{
    TestMachine m;
    MemoryRegion a, b;

    machine_init(&m, "sys");
    ram_filled(&a, "a", 0x2000, 0xaa);
    ram_filled(&b, "b", 0x1000, 0xbb);
    memory_region_add_subregion(&m.root, 0, &a);
    /* Overlap without _overlap: a warning (once), the later one wins. */
    memory_region_add_subregion(&m.root, 0x1000, &b);
    g_assert_true(m.root.warned_overlap);
    g_assert_cmphex(read8(&m.as, 0x0fff, NULL), ==, 0xaa);
    g_assert_cmphex(read8(&m.as, 0x1000, NULL), ==, 0xbb);

    memory_region_finalize(&b);
    memory_region_finalize(&a);
    machine_destroy(&m);
}

static void test_alias_two_address_spaces(void)
{
    TestMachine m1, m2;
    MemoryRegion dram, alias_hi, alias_dsp;
    uint8_t *host;

    machine_init(&m1, "apps");
    machine_init(&m2, "dsp");
    ram_filled(&dram, "dram", 0x10000, 0);
    host = memory_region_get_ram_ptr(&dram);
    host[0x8010] = 0x5a;

    /* apps: dram at 0x40000000 and its upper half again at 0x80000000. */
    memory_region_add_subregion(&m1.root, 0x40000000, &dram);
    memory_region_init_alias(&alias_hi, NULL, "dram-hi", &dram, 0x8000,
                             0x8000);
    memory_region_add_subregion(&m1.root, 0x80000000, &alias_hi);
    /* dsp: the upper half at 0 through another alias. */
    memory_region_init_alias(&alias_dsp, NULL, "dram-dsp", &dram, 0x8000,
                             0x8000);
    memory_region_add_subregion(&m2.root, 0, &alias_dsp);

    g_assert_cmphex(read8(&m1.as, 0x40008010, NULL), ==, 0x5a);
    g_assert_cmphex(read8(&m1.as, 0x80000010, NULL), ==, 0x5a);
    g_assert_cmphex(read8(&m2.as, 0x10, NULL), ==, 0x5a);
    /* A write through the DSP view is visible to the apps cluster. */
    address_space_st(&m2.as, 0x20, 0x77, MO_UB, MEMTXATTRS_UNSPECIFIED,
                     NULL);
    g_assert_cmphex(read8(&m1.as, 0x40008020, NULL), ==, 0x77);
    g_assert_true(memory_region_get_ram_ptr(&alias_dsp) == host + 0x8000);

    /* Disabling dram removes it (and the aliases' view of it) in both. */
    memory_region_set_enabled(&dram, false);
    address_space_ld(&m2.as, 0x10, MO_UB, MEMTXATTRS_UNSPECIFIED, NULL);
    {
        MemTxResult r1, r2;

        read8(&m1.as, 0x80000010, &r1);
        read8(&m2.as, 0x10, &r2);
        g_assert_cmpuint(r1, ==, MEMTX_DECODE_ERROR);
        g_assert_cmpuint(r2, ==, MEMTX_DECODE_ERROR);
    }
    memory_region_set_enabled(&dram, true);
    g_assert_cmphex(read8(&m2.as, 0x10, NULL), ==, 0x5a);

    memory_region_finalize(&alias_dsp);
    memory_region_finalize(&alias_hi);
    memory_region_finalize(&dram);
    machine_destroy(&m2);
    machine_destroy(&m1);
}

static void test_enable_and_move(void)
{
    TestMachine m;
    MemoryRegion ram;
    MemTxResult r;

    machine_init(&m, "sys");
    ram_filled(&ram, "ram", 0x1000, 0x66);
    memory_region_add_subregion(&m.root, 0x1000, &ram);
    g_assert_cmphex(read8(&m.as, 0x1000, &r), ==, 0x66);

    memory_region_set_enabled(&ram, false);
    g_assert_cmphex(read8(&m.as, 0x1000, &r), ==, 0);
    g_assert_cmpuint(r, ==, MEMTX_DECODE_ERROR);
    memory_region_set_enabled(&ram, true);

    memory_region_set_address(&ram, 0x5000);
    read8(&m.as, 0x1000, &r);
    g_assert_cmpuint(r, ==, MEMTX_DECODE_ERROR);
    g_assert_cmphex(read8(&m.as, 0x5fff, &r), ==, 0x66);
    g_assert_cmpuint(r, ==, MEMTX_OK);

    memory_region_finalize(&ram);
    machine_destroy(&m);
}

static void test_holes_and_spanning(void)
{
    TestMachine m;
    MemoryRegion a, b;
    uint8_t buf[0x30];
    MemTxResult r;

    machine_init(&m, "sys");
    ram_filled(&a, "a", 0x10, 0xaa);
    ram_filled(&b, "b", 0x10, 0xbb);
    memory_region_add_subregion(&m.root, 0x100, &a);
    memory_region_add_subregion(&m.root, 0x120, &b);

    /* [0x100, 0x130): 16 bytes a, 16 bytes hole, 16 bytes b. */
    memset(buf, 0xee, sizeof(buf));
    r = address_space_read(&m.as, 0x100, MEMTXATTRS_UNSPECIFIED, buf,
                           sizeof(buf));
    g_assert_cmpuint(r, ==, MEMTX_DECODE_ERROR);
    for (unsigned i = 0; i < 0x30; i++) {
        g_assert_cmphex(buf[i], ==, i < 0x10 ? 0xaa : i < 0x20 ? 0 : 0xbb);
    }

    /* A write spanning both pieces writes both. */
    memset(buf, 0x01, sizeof(buf));
    r = address_space_write(&m.as, 0x108, MEMTXATTRS_UNSPECIFIED, buf,
                            0x20);
    g_assert_cmpuint(r, ==, MEMTX_DECODE_ERROR);
    g_assert_cmphex(((uint8_t *)memory_region_get_ram_ptr(&a))[0x7], ==,
                    0xaa);
    g_assert_cmphex(((uint8_t *)memory_region_get_ram_ptr(&a))[0x8], ==, 1);
    g_assert_cmphex(((uint8_t *)memory_region_get_ram_ptr(&b))[0x7], ==, 1);
    g_assert_cmphex(((uint8_t *)memory_region_get_ram_ptr(&b))[0x8], ==,
                    0xbb);

    memory_region_finalize(&b);
    memory_region_finalize(&a);
    machine_destroy(&m);
}

static void test_translate(void)
{
    TestMachine m;
    MemoryRegion ram, rom, alias;
    TestDev d;
    hwaddr xlat, plen;
    bool ro;

    machine_init(&m, "sys");
    ram_filled(&ram, "ram", 0x10000, 0);
    g_assert_true(memory_region_init_rom(&rom, NULL, "rom", 0x1000,
                                         &error_abort));
    testdev_init(&d, &testdev_le4_ops, false);
    memory_region_add_subregion(&m.root, 0x10000, &ram);
    memory_region_add_subregion(&m.root, 0x0, &rom);
    /* MMIO on top of RAM at 0x14000: splits the RAM run in two. */
    memory_region_add_subregion_overlap(&m.root, 0x14000, &d.mmio, 1);
    memory_region_init_alias(&alias, NULL, "ram-ro", &ram, 0x100, 0x100);
    memory_region_set_readonly(&alias, true);
    memory_region_add_subregion(&m.root, 0x30000, &alias);

    /* 0x10010: ram offset 0x10, run to 0x13fff: 0x3ff0 bytes. */
    plen = 0x100000;
    g_assert_true(address_space_translate(&m.as, 0x10010, &xlat, &plen,
                                          false, MEMTXATTRS_UNSPECIFIED)
                  == &ram);
    g_assert_cmphex(xlat, ==, 0x10);
    g_assert_cmphex(plen, ==, 0x3ff0);
    /* A short request is not lengthened. */
    plen = 4;
    address_space_translate(&m.as, 0x10010, &xlat, &plen, false,
                            MEMTXATTRS_UNSPECIFIED);
    g_assert_cmphex(plen, ==, 4);
    /* After the device (0x14000 + 0x40): RAM offset 0x4040, to 0x1ffff. */
    plen = 0x100000;
    g_assert_true(address_space_translate(&m.as, 0x14040, &xlat, &plen,
                                          true, MEMTXATTRS_UNSPECIFIED)
                  == &ram);
    g_assert_cmphex(xlat, ==, 0x4040);
    g_assert_cmphex(plen, ==, 0x20000 - 0x14040);
    /* The device itself. */
    plen = 0x100;
    g_assert_true(address_space_translate(&m.as, 0x14008, &xlat, &plen,
                                          false, MEMTXATTRS_UNSPECIFIED)
                  == &d.mmio);
    g_assert_cmphex(xlat, ==, 8);
    g_assert_cmphex(plen, ==, 0x38);
    /* A hole: NULL, clipped to the hole [0x1000, 0xffff]. */
    plen = 0x100000;
    g_assert_null(address_space_translate(&m.as, 0x1000, &xlat, &plen, false,
                                          MEMTXATTRS_UNSPECIFIED));
    g_assert_cmphex(plen, ==, 0xf000);
    /* ROM and the read-only alias are flagged; RAM is not. */
    plen = 1;
    g_assert_true(address_space_translate_ro(&m.as, 0x10, &xlat, &plen, &ro,
                                             MEMTXATTRS_UNSPECIFIED) == &rom);
    g_assert_true(ro);
    g_assert_true(address_space_translate_ro(&m.as, 0x30008, &xlat, &plen,
                                             &ro, MEMTXATTRS_UNSPECIFIED)
                  == &ram);
    g_assert_true(ro);
    g_assert_cmphex(xlat, ==, 0x108);
    address_space_translate_ro(&m.as, 0x10000, &xlat, &plen, &ro,
                               MEMTXATTRS_UNSPECIFIED);
    g_assert_false(ro);

    memory_region_finalize(&alias);
    memory_region_finalize(&d.mmio);
    memory_region_finalize(&rom);
    memory_region_finalize(&ram);
    machine_destroy(&m);
}

static void test_print(void)
{
    TestMachine m;
    MemoryRegion ram, alias;
    TestDev d;
    g_autoptr(GString) tree = g_string_new("");
    g_autoptr(GString) flat = g_string_new("");

    machine_init(&m, "sys");
    ram_filled(&ram, "dram", 0x2000, 0);
    testdev_init(&d, &testdev_le4_ops, false);
    memory_region_add_subregion(&m.root, 0x80000000, &ram);
    memory_region_add_subregion_overlap(&m.root, 0x80001000, &d.mmio, 3);
    memory_region_init_alias(&alias, NULL, "lo", &ram, 0x1000, 0x1000);
    memory_region_add_subregion(&m.root, 0, &alias);

    memory_region_print_tree(tree, &m.root);
    g_assert_nonnull(strstr(tree->str, "0000000000000000-ffffffffffffffff "
                            "(prio 0, container): sys\n"));
    g_assert_nonnull(strstr(tree->str, "  0000000080001000-000000008000103f "
                            "(prio 3, i/o): testdev\n"));
    g_assert_nonnull(strstr(tree->str, "  0000000000000000-0000000000000fff "
                            "(prio 0, alias): lo @dram "
                            "0000000000001000-0000000000001fff\n"));

    /*
     * Flat view: the alias maps dram offset 0x1000 at 0; dram shows at
     * 0x80000000 up to where the device (64 bytes) covers it, then again
     * after the device from dram offset 0x1040.
     */
    address_space_print_flatview(flat, &m.as);
    g_assert_true(g_str_has_prefix(flat->str,
                                   "address space 'sys' (root 'sys'):\n"));
    g_assert_nonnull(strstr(flat->str, "  0000000000000000-0000000000000fff "
                            "(ram): dram @0000000000001000\n"));
    g_assert_nonnull(strstr(flat->str, "  0000000080000000-0000000080000fff "
                            "(ram): dram @0000000000000000\n"));
    g_assert_nonnull(strstr(flat->str, "  0000000080001000-000000008000103f "
                            "(i/o): testdev @0000000000000000\n"));
    g_assert_nonnull(strstr(flat->str, "  0000000080001040-0000000080001fff "
                            "(ram): dram @0000000000001040\n"));

    memory_region_finalize(&alias);
    memory_region_finalize(&d.mmio);
    memory_region_finalize(&ram);
    machine_destroy(&m);
}

/* ---------------------------------------------------------------------- */
/* Listeners                                                              */

typedef struct CountListener {
    MemoryListener l;
    unsigned commits;
} CountListener;

static void count_commit(MemoryListener *l)
{
    container_of(l, CountListener, l)->commits++;
}

static void test_listener(void)
{
    TestMachine m1, m2;
    MemoryRegion a, b;
    CountListener c1 = { .l = { .commit = count_commit } };
    CountListener c2 = { .l = { .commit = count_commit } };

    machine_init(&m1, "m1");
    machine_init(&m2, "m2");
    memory_listener_register(&c1.l, &m1.as);
    memory_listener_register(&c2.l, &m2.as);
    ram_filled(&a, "a", 0x1000, 0);
    ram_filled(&b, "b", 0x1000, 0);

    memory_region_add_subregion(&m1.root, 0, &a);
    g_assert_cmpuint(c1.commits, ==, 1);
    /* Three changes in one transaction: one commit. */
    memory_region_transaction_begin();
    memory_region_add_subregion(&m1.root, 0x1000, &b);
    memory_region_set_address(&a, 0x4000);
    memory_region_set_enabled(&b, false);
    memory_region_transaction_commit();
    g_assert_cmpuint(c1.commits, ==, 2);
    /* A change that leaves the view as it was: no commit. */
    memory_region_set_address(&b, 0x2000);
    g_assert_cmpuint(c1.commits, ==, 2);
    /* The other machine never heard of any of it. */
    g_assert_cmpuint(c2.commits, ==, 0);

    memory_listener_unregister(&c1.l);
    memory_region_set_enabled(&b, true);
    g_assert_cmpuint(c1.commits, ==, 2);

    memory_region_finalize(&b);
    memory_region_finalize(&a);
    memory_listener_unregister(&c2.l);
    machine_destroy(&m2);
    machine_destroy(&m1);
}

/* ---------------------------------------------------------------------- */
/* Concurrent readers                                                     */

typedef struct ReaderCtx {
    AddressSpace *as;
    volatile bool stop;
    unsigned bad;               /* reads with an unexpected value */
    unsigned reads;
} ReaderCtx;

static gpointer reader_thread(gpointer opaque)
{
    ReaderCtx *ctx = opaque;
    unsigned bad = 0, reads = 0;

    memory_rcu_register_thread();
    while (!ctx->stop) {
        uint64_t v = address_space_ld(ctx->as, 0x1000, MO_LEUL,
                                      MEMTXATTRS_UNSPECIFIED, NULL);

        if (v != 0x11111111 && v != 0x22222222) {
            bad++;
        }
        reads++;
    }
    memory_rcu_unregister_thread();
    __atomic_add_fetch(&ctx->bad, bad, __ATOMIC_SEQ_CST);
    __atomic_add_fetch(&ctx->reads, reads, __ATOMIC_SEQ_CST);
    return NULL;
}

static void test_concurrent_readers(void)
{
    TestMachine m;
    MemoryRegion a, b;
    ReaderCtx ctx = { 0 };
    GThread *t[2];
    gint64 deadline;
    unsigned remaps = 0;

    machine_init(&m, "sys");
    ram_filled(&a, "a", 0x1000, 0x11);
    ram_filled(&b, "b", 0x1000, 0x22);
    memory_region_add_subregion_overlap(&m.root, 0x1000, &a, 0);
    memory_region_add_subregion_overlap(&m.root, 0x1000, &b, 1);
    ctx.as = &m.as;

    t[0] = g_thread_new("reader0", reader_thread, &ctx);
    t[1] = g_thread_new("reader1", reader_thread, &ctx);
    /* Alternate which region is on top: hide b, show b, move b... */
    deadline = g_get_monotonic_time() + 300 * 1000;
    while (g_get_monotonic_time() < deadline || remaps < 50) {
        memory_region_set_enabled(&b, remaps & 1);
        remaps++;
    }
    ctx.stop = true;
    g_thread_join(t[0]);
    g_thread_join(t[1]);

    g_assert_cmpuint(ctx.bad, ==, 0);
    g_assert_cmpuint(ctx.reads, >, 0);
    g_assert_cmpuint(remaps, >=, 50);

    memory_region_finalize(&b);
    memory_region_finalize(&a);
    machine_destroy(&m);
}

/* ---------------------------------------------------------------------- */
/* Backends                                                               */

/* Create backend @type as child "mem0" of a fresh root; size 0 = unset. */
static Object *backend_new(Object **root, const char *type, uint64_t size)
{
    Object *obj;

    *root = object_new(TYPE_CONTAINER);
    obj = object_new_child(*root, "mem0", type, &error_abort);
    if (size) {
        g_assert_true(object_property_set_uint(obj, "size", size,
                                               &error_abort));
    }
    return obj;
}

/* Map the backend at 0x1000 of a machine, write @s through it, unmap. */
static void backend_write_through(Object *obj, hwaddr off, const char *s)
{
    TestMachine m;
    MemoryRegion *mr = memory_backend_get_region(obj, &error_abort);

    machine_init(&m, "sys");
    memory_region_add_subregion(&m.root, 0x1000, mr);
    g_assert_cmpuint(address_space_write(&m.as, 0x1000 + off,
                                         MEMTXATTRS_UNSPECIFIED, s,
                                         strlen(s)), ==, MEMTX_OK);
    memory_region_del_subregion(&m.root, mr);
    machine_destroy(&m);
}

static void test_backend_ram(void)
{
    Object *root, *obj = backend_new(&root, TYPE_MEMORY_BACKEND_RAM, 0x10000);
    Error *err = NULL;
    MemoryRegion *mr;

    /* User-creatable, and the abstract type cannot be created. */
    g_assert_nonnull(object_class_dynamic_cast(
        object_class_by_name(TYPE_MEMORY_BACKEND_RAM), TYPE_USER_CREATABLE));
    g_assert_null(object_new_checked(TYPE_MEMORY_BACKEND,
                                     TYPE_USER_CREATABLE, &err));
    error_free_or_abort(&err);

    /* No region before realize. */
    g_assert_null(memory_backend_get_region(obj, &err));
    g_assert_nonnull(strstr(error_get_pretty(err), "not realized"));
    error_free_or_abort(&err);

    g_assert_true(object_realize(obj, &error_abort));
    mr = memory_backend_get_region(obj, &error_abort);
    g_assert_cmpuint(memory_region_size(mr), ==, 0x10000);
    g_assert_cmpstr(memory_region_name(mr), ==, "mem0");
    backend_write_through(obj, 0x20, "ram!");
    g_assert_cmpmem((uint8_t *)memory_region_get_ram_ptr(mr) + 0x20, 4,
                    "ram!", 4);
    /* A non-backend object is refused. */
    g_assert_null(memory_backend_get_region(root, &err));
    error_free_or_abort(&err);
    object_unref(root);
}

static void test_backend_file(void)
{
    g_autofree char *dir = g_dir_make_tmp("hemu-mem-XXXXXX", NULL);
    g_autofree char *path = g_build_filename(dir, "guest-ram", NULL);
    g_autofree char *contents = NULL;
    gsize len = 0;
    Object *root, *obj;
    struct stat st;

    g_assert_nonnull(dir);
    /* share=on: written bytes reach the file, which is created at size. */
    obj = backend_new(&root, TYPE_MEMORY_BACKEND_FILE, 0x2000);
    g_assert_true(object_property_set_str(obj, "mem-path", path,
                                          &error_abort));
    g_assert_true(object_property_set_bool(obj, "share", true,
                                           &error_abort));
    g_assert_true(object_realize(obj, &error_abort));
    g_assert_cmpint(stat(path, &st), ==, 0);
    g_assert_cmpint(st.st_size, ==, 0x2000);
    backend_write_through(obj, 0x100, "hello file");
    object_unref(root);
    g_assert_true(g_file_get_contents(path, &contents, &len, NULL));
    g_assert_cmpuint(len, ==, 0x2000);
    g_assert_cmpmem(contents + 0x100, 10, "hello file", 10);

    /* share=off (the default): the file keeps its old bytes. */
    obj = backend_new(&root, TYPE_MEMORY_BACKEND_FILE, 0x2000);
    g_assert_true(object_property_set_str(obj, "mem-path", path,
                                          &error_abort));
    g_assert_true(object_realize(obj, &error_abort));
    /* The mapping starts from the file's contents... */
    g_assert_cmpmem((uint8_t *)memory_region_get_ram_ptr(
                        memory_backend_get_region(obj, &error_abort)) + 0x100,
                    10, "hello file", 10);
    backend_write_through(obj, 0x100, "PRIVATE!!!");
    object_unref(root);
    g_free(contents);
    g_assert_true(g_file_get_contents(path, &contents, &len, NULL));
    /* ...but private writes never reach it. */
    g_assert_cmpmem(contents + 0x100, 10, "hello file", 10);

    /* A directory gets an unlinked temporary file: nothing new remains. */
    obj = backend_new(&root, TYPE_MEMORY_BACKEND_FILE, 0x1000);
    g_assert_true(object_property_set_str(obj, "mem-path", dir,
                                          &error_abort));
    g_assert_true(object_realize(obj, &error_abort));
    backend_write_through(obj, 0, "tmp");
    object_unref(root);
    {
        GDir *d = g_dir_open(dir, 0, NULL);
        unsigned n = 0;

        while (g_dir_read_name(d)) {
            n++;
        }
        g_dir_close(d);
        g_assert_cmpuint(n, ==, 1);     /* only guest-ram */
    }
    g_assert_cmpint(unlink(path), ==, 0);
    g_assert_cmpint(rmdir(dir), ==, 0);
}

static void test_backend_memfd(void)
{
    Object *root, *obj = backend_new(&root, TYPE_MEMORY_BACKEND_MEMFD,
                                     0x4000);
    MemoryRegion *mr;

    g_assert_true(object_property_get_bool(obj, "share", &error_abort));
    g_assert_true(object_realize(obj, &error_abort));
    g_assert_cmpint(MEMORY_BACKEND(obj)->fd, >=, 0);
    mr = memory_backend_get_region(obj, &error_abort);
    backend_write_through(obj, 0x3ffc, "mfd!");
    g_assert_cmpmem((uint8_t *)memory_region_get_ram_ptr(mr) + 0x3ffc, 4,
                    "mfd!", 4);
    {
        /* Shared: the bytes are in the memfd itself. */
        char buf[4];

        g_assert_cmpint(pread(MEMORY_BACKEND(obj)->fd, buf, 4, 0x3ffc), ==,
                        4);
        g_assert_cmpmem(buf, 4, "mfd!", 4);
    }
    object_unref(root);
}

static void test_backend_errors(void)
{
    Object *root, *obj;
    Error *err = NULL;

    /* Missing size. */
    obj = backend_new(&root, TYPE_MEMORY_BACKEND_RAM, 0);
    g_assert_false(object_realize(obj, &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "memory-backend 'mem0': property 'size' must be set");
    error_free_or_abort(&err);
    object_unref(root);

    /* Missing mem-path. */
    obj = backend_new(&root, TYPE_MEMORY_BACKEND_FILE, 0x1000);
    g_assert_false(object_realize(obj, &err));
    g_assert_nonnull(strstr(error_get_pretty(err), "memory-backend-file "
                            "'mem0': property 'mem-path' must be set"));
    error_free_or_abort(&err);
    object_unref(root);

    /* A directory that does not exist. */
    obj = backend_new(&root, TYPE_MEMORY_BACKEND_FILE, 0x1000);
    g_assert_true(object_property_set_str(obj, "mem-path",
                                          "/nonexistent-hemu-dir/ram",
                                          &error_abort));
    g_assert_false(object_realize(obj, &err));
    g_assert_nonnull(strstr(error_get_pretty(err), "cannot open mem-path "
                            "'/nonexistent-hemu-dir/ram'"));
    g_assert_nonnull(strstr(error_get_pretty(err), "No such file"));
    error_free_or_abort(&err);
    object_unref(root);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/memory/ram-rw", test_ram_rw);
    g_test_add_func("/memory/rom-rules", test_rom_rules);
    g_test_add_func("/memory/ram-errors", test_ram_errors);
    g_test_add_func("/memory/mmio/le-split-combine",
                    test_mmio_le_split_combine);
    g_test_add_func("/memory/mmio/be", test_mmio_be);
    g_test_add_func("/memory/mmio/valid", test_mmio_valid);
    g_test_add_func("/memory/priorities", test_priorities);
    g_test_add_func("/memory/plain-overlap", test_plain_overlap_later_wins);
    g_test_add_func("/memory/alias-two-address-spaces",
                    test_alias_two_address_spaces);
    g_test_add_func("/memory/enable-and-move", test_enable_and_move);
    g_test_add_func("/memory/holes-and-spanning", test_holes_and_spanning);
    g_test_add_func("/memory/translate", test_translate);
    g_test_add_func("/memory/print", test_print);
    g_test_add_func("/memory/listener", test_listener);
    g_test_add_func("/memory/concurrent-readers", test_concurrent_readers);
    g_test_add_func("/memory/backend/ram", test_backend_ram);
    g_test_add_func("/memory/backend/file", test_backend_file);
    g_test_add_func("/memory/backend/memfd", test_backend_memfd);
    g_test_add_func("/memory/backend/errors", test_backend_errors);
    return g_test_run();
}
