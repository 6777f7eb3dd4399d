/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Unit tests of virtio (hw/virtio/) and the block backend (system/
 * block.c), driving the virtio-mmio transport from the test exactly as a
 * guest driver would, through the memory API and with no CPU: a "none"
 * machine with 1 MiB of RAM at 0x40000000 and two transports at
 * 0x0a000000 and 0x0a000200; the test writes descriptors and rings into
 * RAM, rings QueueNotify and reads the used ring, InterruptStatus and
 * the irq line back.
 *
 * Expected values come from the VIRTIO 1.2 specification, written here
 * independently of the model: register offsets (4.2.2 table 4.1), status
 * bits (2.1), feature bits (6, 5.2.3, 5.3.3), ring layouts (2.7),
 * block request format and status codes (5.2.6), block and console
 * configuration layouts (5.2.4, 5.3.4).
 */
#include "hemu/osdep.h"
#include "hw/boards.h"
#include "hw/qdev.h"
#include "system/block.h"
#include "system/chardev.h"
#include "system/cli.h"
#include "system/memory.h"

#include <fcntl.h>

#define RAM_BASE 0x40000000ull
#define RAM_SIZE 0x100000ull
#define SLOT0 0x0a000000ull
#define SLOT1 0x0a000200ull
/*
 * Guest memory plan: queue q has its descriptor table, driver ring,
 * device ring and an indirect table in the 16 KiB at RAM_BASE + q * 16K;
 * data buffers start at BUF.
 */
#define Q_DESC(q) (RAM_BASE + (q) * 0x4000ull)
#define Q_AVAIL(q) (Q_DESC(q) + 0x1000)
#define Q_USED(q) (Q_DESC(q) + 0x2000)
#define Q_INDIRECT(q) (Q_DESC(q) + 0x3000)
#define BUF (RAM_BASE + 0x10000)
#define QNUM 8

/* virtio-mmio registers (spec 4.2.2). */
#define R_MAGIC 0x000
#define R_VERSION 0x004
#define R_DEVICE_ID 0x008
#define R_VENDOR_ID 0x00c
#define R_DEV_FEAT 0x010
#define R_DEV_FEAT_SEL 0x014
#define R_DRV_FEAT 0x020
#define R_DRV_FEAT_SEL 0x024
#define R_QUEUE_SEL 0x030
#define R_QUEUE_NUM_MAX 0x034
#define R_QUEUE_NUM 0x038
#define R_QUEUE_READY 0x044
#define R_QUEUE_NOTIFY 0x050
#define R_ISR 0x060
#define R_ISR_ACK 0x064
#define R_STATUS 0x070
#define R_DESC_LO 0x080
#define R_DESC_HI 0x084
#define R_DRIVER_LO 0x090
#define R_DRIVER_HI 0x094
#define R_DEVICE_LO 0x0a0
#define R_DEVICE_HI 0x0a4
#define R_CONFIG 0x100

/* Status bits (2.1) and descriptor flags (2.7.5). */
#define S_ACK 1
#define S_DRIVER 2
#define S_DRIVER_OK 4
#define S_FEATURES_OK 8
#define S_NEEDS_RESET 64
#define D_NEXT 1
#define D_WRITE 2
#define D_INDIRECT 4

/* Feature bits: reserved (6) and block (5.2.3). */
#define F_INDIRECT (1ull << 28)
#define F_EVENT_IDX (1ull << 29)
#define F_VERSION_1 (1ull << 32)
#define F_BLK_SEG_MAX (1ull << 2)
#define F_BLK_RO (1ull << 5)
#define F_BLK_BLK_SIZE (1ull << 6)
#define F_BLK_FLUSH (1ull << 9)

typedef struct Rig {
    Object *root;
    MachineState *ms;
    MemoryRegion ram;
    DeviceState *slot[2];
    IRQLine *line[2];
    int level[2];               /* last level of each slot's irq */
    AddressSpace as;
    char *image;                /* path of the temporary disk image */
} Rig;

/* The driver side of one device. */
typedef struct Drv {
    Rig *r;
    hwaddr base;                /* the transport */
    uint16_t avail_idx[2];      /* per queue: next avail slot we fill */
    uint16_t used_seen[2];      /* per queue: used entries consumed */
} Drv;

static void irq_seen(void *opaque, int n, int level)
{
    ((Rig *)opaque)->level[n] = level;
}

/* 64 KiB image; byte i holds (i * 7 + i / 256) & 0xff. */
static uint8_t pattern(uint64_t i)
{
    return (uint8_t)(i * 7 + i / 256);
}

static void rig_init(Rig *r)
{
    static const hwaddr bases[2] = { SLOT0, SLOT1 };
    g_autofree uint8_t *data = g_malloc(65536);
    int fd;

    memset(r, 0, sizeof(*r));
    r->root = object_new(TYPE_CONTAINER);
    r->ms = machine_create(r->root, "none", NULL, &error_abort);
    g_assert_true(memory_region_init_ram(&r->ram, OBJECT(r->ms), "test-ram",
                                         RAM_SIZE, &error_abort));
    memory_region_add_subregion(&r->ms->sysmem, RAM_BASE, &r->ram);
    for (int i = 0; i < 2; i++) {
        g_autofree char *name = g_strdup_printf("virtio-mmio[%d]", i);

        r->slot[i] = qdev_new_child(OBJECT(r->ms), name, "virtio-mmio",
                                    &error_abort);
        r->line[i] = irq_new(irq_seen, r, i);
        qdev_connect_gpio_out_named(r->slot[i], "irq", 0, r->line[i]);
        g_assert_true(qdev_realize(r->slot[i], &error_abort));
        memory_region_add_subregion(&r->ms->sysmem, bases[i],
                                    qdev_get_mmio(r->slot[i], 0));
    }
    address_space_init(&r->as, &r->ms->sysmem, "test");

    for (int i = 0; i < 65536; i++) {
        data[i] = pattern(i);
    }
    fd = g_file_open_tmp("hemu-virtio-XXXXXX.img", &r->image, NULL);
    g_assert_cmpint(fd, >=, 0);
    g_assert_cmpint(write(fd, data, 65536), ==, 65536);
    close(fd);
}

static void rig_free(Rig *r)
{
    address_space_destroy(&r->as);
    for (int i = 0; i < 2; i++) {
        memory_region_del_subregion(&r->ms->sysmem,
                                    qdev_get_mmio(r->slot[i], 0));
    }
    memory_region_del_subregion(&r->ms->sysmem, &r->ram);
    object_unref(r->root);
    memory_region_finalize(&r->ram);
    for (int i = 0; i < 2; i++) {
        irq_free(r->line[i]);
    }
    unlink(r->image);
    g_free(r->image);
}

/* A device of @type plugged into the machine as @name, with @props. */
static DeviceState *add_dev(Rig *r, const char *name, const char *type,
                            const char *const *props)
{
    DeviceState *dev = qdev_new_child(OBJECT(r->ms), name, type,
                                      &error_abort);

    for (; props && props[0]; props += 2) {
        g_assert_true(object_property_parse(OBJECT(dev), props[0], props[1],
                                            &error_abort));
    }
    g_assert_true(qdev_realize(dev, &error_abort));
    return dev;
}

/* ---- guest memory and registers ---- */

static uint32_t rd(Rig *r, hwaddr a)
{
    MemTxResult res;
    uint32_t v = address_space_ld(&r->as, a, MO_LEUL, MEMTXATTRS_UNSPECIFIED,
                                  &res);

    g_assert_cmpuint(res, ==, MEMTX_OK);
    return v;
}

static void wr(Rig *r, hwaddr a, uint32_t v)
{
    MemTxResult res;

    address_space_st(&r->as, a, v, MO_LEUL, MEMTXATTRS_UNSPECIFIED, &res);
    g_assert_cmpuint(res, ==, MEMTX_OK);
}

static uint64_t ld(Rig *r, hwaddr a, MemOp op)
{
    return address_space_ld(&r->as, a, op, MEMTXATTRS_UNSPECIFIED, NULL);
}

static void st(Rig *r, hwaddr a, uint64_t v, MemOp op)
{
    address_space_st(&r->as, a, v, op, MEMTXATTRS_UNSPECIFIED, NULL);
}

static void put_desc(Rig *r, hwaddr table, unsigned i, uint64_t addr,
                     uint32_t len, uint16_t flags, uint16_t next)
{
    hwaddr d = table + 16 * i;

    st(r, d, addr, MO_LEUQ);
    st(r, d + 8, len, MO_LEUL);
    st(r, d + 12, flags, MO_LEUW);
    st(r, d + 14, next, MO_LEUW);
}

/* ---- the driver ---- */

/* Set up queue @q with QNUM entries at Q_DESC(q), Q_AVAIL(q), Q_USED(q). */
static void drv_queue(Drv *d, unsigned q)
{
    Rig *r = d->r;
    hwaddr base = d->base;

    /* zero the rings, as a driver allocating them would */
    for (hwaddr a = Q_DESC(q); a < Q_DESC(q) + 0x4000; a += 8) {
        st(r, a, 0, MO_LEUQ);
    }
    wr(r, base + R_QUEUE_SEL, q);
    g_assert_cmpuint(rd(r, base + R_QUEUE_NUM_MAX), ==, 256);
    g_assert_cmpuint(rd(r, base + R_QUEUE_READY), ==, 0);
    wr(r, base + R_QUEUE_NUM, QNUM);
    wr(r, base + R_DESC_LO, (uint32_t)Q_DESC(q));
    wr(r, base + R_DESC_HI, Q_DESC(q) >> 32);
    wr(r, base + R_DRIVER_LO, (uint32_t)Q_AVAIL(q));
    wr(r, base + R_DRIVER_HI, Q_AVAIL(q) >> 32);
    wr(r, base + R_DEVICE_LO, (uint32_t)Q_USED(q));
    wr(r, base + R_DEVICE_HI, Q_USED(q) >> 32);
    wr(r, base + R_QUEUE_READY, 1);
    g_assert_cmpuint(rd(r, base + R_QUEUE_READY), ==, 1);
}

/*
 * Initialise the device at @base (spec 3.1.1) accepting @features, set up
 * queues 0..@nq-1, set DRIVER_OK.
 */
static void drv_init(Drv *d, Rig *r, hwaddr base, uint64_t features,
                     unsigned nq)
{
    memset(d, 0, sizeof(*d));
    d->r = r;
    d->base = base;
    wr(r, base + R_STATUS, 0);
    wr(r, base + R_STATUS, S_ACK);
    wr(r, base + R_STATUS, S_ACK | S_DRIVER);
    wr(r, base + R_DRV_FEAT_SEL, 0);
    wr(r, base + R_DRV_FEAT, (uint32_t)features);
    wr(r, base + R_DRV_FEAT_SEL, 1);
    wr(r, base + R_DRV_FEAT, features >> 32);
    wr(r, base + R_STATUS, S_ACK | S_DRIVER | S_FEATURES_OK);
    g_assert_cmphex(rd(r, base + R_STATUS), ==,
                    S_ACK | S_DRIVER | S_FEATURES_OK);
    for (unsigned q = 0; q < nq; q++) {
        drv_queue(d, q);
    }
    wr(r, base + R_STATUS, S_ACK | S_DRIVER | S_FEATURES_OK | S_DRIVER_OK);
}

/* Offer the chain starting at descriptor @head on queue @q, notify. */
static void drv_kick(Drv *d, unsigned q, uint16_t head)
{
    st(d->r, Q_AVAIL(q) + 4 + 2 * (d->avail_idx[q] % QNUM), head, MO_LEUW);
    d->avail_idx[q]++;
    st(d->r, Q_AVAIL(q) + 2, d->avail_idx[q], MO_LEUW);
    wr(d->r, d->base + R_QUEUE_NOTIFY, q);
}

/* The next used entry of queue @q: asserts it is @expect_id, returns its
   len. */
static uint32_t drv_used(Drv *d, unsigned q, uint16_t expect_id)
{
    hwaddr e = Q_USED(q) + 4 + 8 * (d->used_seen[q] % QNUM);

    g_assert_cmpuint(ld(d->r, Q_USED(q) + 2, MO_LEUW), ==,
                     (uint16_t)(d->used_seen[q] + 1));
    g_assert_cmpuint(ld(d->r, e, MO_LEUL), ==, expect_id);
    d->used_seen[q]++;
    return ld(d->r, e + 4, MO_LEUL);
}

/* ---- block requests ---- */

/*
 * A block request as a direct chain from descriptor 0: header, then the
 * data in @nseg equal pieces at BUF (device-writable if @in), then the
 * status byte at BUF + 0x8000.  Returns the status byte.
 */
static uint8_t blk_request(Drv *d, uint32_t type, uint64_t sector,
                           uint32_t len, unsigned nseg, bool in,
                           uint32_t *used_len)
{
    Rig *r = d->r;
    hwaddr hdr = BUF + 0x7000, status = BUF + 0x8000;
    unsigned i = 0;

    st(r, hdr, type, MO_LEUL);
    st(r, hdr + 4, 0, MO_LEUL);
    st(r, hdr + 8, sector, MO_LEUQ);
    st(r, status, 0xff, MO_UB);
    put_desc(r, Q_DESC(0), i, hdr, 16, D_NEXT, i + 1);
    i++;
    for (unsigned s = 0; s < nseg; s++, i++) {
        put_desc(r, Q_DESC(0), i, BUF + s * (len / nseg), len / nseg,
                 D_NEXT | (in ? D_WRITE : 0), i + 1);
    }
    put_desc(r, Q_DESC(0), i, status, 1, D_WRITE, 0);
    drv_kick(d, 0, 0);
    *used_len = drv_used(d, 0, 0);
    return ld(r, status, MO_UB);
}

static void test_transport_registers(void)
{
    static const char *const blk_props[] = { "drive", "d0", NULL };
    Rig r;

    rig_init(&r);
    /* empty slot: MagicValue "virt", Version 2, DeviceID 0 (4.2.2) */
    g_assert_cmphex(rd(&r, SLOT0 + R_MAGIC), ==, 0x74726976);
    g_assert_cmphex(rd(&r, SLOT0 + R_VERSION), ==, 2);
    g_assert_cmphex(rd(&r, SLOT0 + R_DEVICE_ID), ==, 0);
    /* VendorID: hemu's "HEMU", bytes 'H' 'E' 'M' 'U' little-endian */
    g_assert_cmphex(rd(&r, SLOT0 + R_VENDOR_ID), ==, 0x554d4548);

    g_assert_nonnull(blk_new(r.root, "d0", r.image, false, &error_abort));
    add_dev(&r, "blk", "virtio-blk-device", blk_props);
    /* no transport named: the last free one in tree order (slot 1) */
    g_assert_cmphex(rd(&r, SLOT1 + R_DEVICE_ID), ==, 2);
    g_assert_cmphex(rd(&r, SLOT0 + R_DEVICE_ID), ==, 0);
    /* features: SEG_MAX 2, BLK_SIZE 6, FLUSH 9, INDIRECT 28, EVENT_IDX 29 */
    wr(&r, SLOT1 + R_DEV_FEAT_SEL, 0);
    g_assert_cmphex(rd(&r, SLOT1 + R_DEV_FEAT), ==, 0x30000244);
    wr(&r, SLOT1 + R_DEV_FEAT_SEL, 1);    /* VERSION_1 is bit 32 */
    g_assert_cmphex(rd(&r, SLOT1 + R_DEV_FEAT), ==, 1);
    wr(&r, SLOT1 + R_DEV_FEAT_SEL, 2);
    g_assert_cmphex(rd(&r, SLOT1 + R_DEV_FEAT), ==, 0);
    /* config (5.2.4): capacity 65536 / 512 = 128 sectors at 0, seg_max
       at 12 (256 entries - header - status = 254), blk_size 512 at 20 */
    g_assert_cmpuint(rd(&r, SLOT1 + R_CONFIG + 0), ==, 128);
    g_assert_cmpuint(rd(&r, SLOT1 + R_CONFIG + 4), ==, 0);
    g_assert_cmpuint(rd(&r, SLOT1 + R_CONFIG + 12), ==, 254);
    g_assert_cmpuint(rd(&r, SLOT1 + R_CONFIG + 20), ==, 512);
    /* a byte read of the capacity's low byte */
    g_assert_cmpuint(ld(&r, SLOT1 + R_CONFIG, MO_UB), ==, 128);
    /* QueueNumMax: 256 for queue 0, 0 for a queue that does not exist */
    wr(&r, SLOT1 + R_QUEUE_SEL, 1);
    g_assert_cmpuint(rd(&r, SLOT1 + R_QUEUE_NUM_MAX), ==, 0);
    wr(&r, SLOT1 + R_QUEUE_SEL, 0);
    g_assert_cmpuint(rd(&r, SLOT1 + R_QUEUE_NUM_MAX), ==, 256);
    rig_free(&r);
}

static void test_feature_negotiation(void)
{
    static const char *const props[] = { NULL };
    Rig r;

    rig_init(&r);
    add_dev(&r, "rng", "virtio-rng-device", props);
    g_assert_cmphex(rd(&r, SLOT1 + R_DEVICE_ID), ==, 4);
    /* without VERSION_1 the device refuses FEATURES_OK (legacy driver) */
    wr(&r, SLOT1 + R_STATUS, S_ACK | S_DRIVER);
    wr(&r, SLOT1 + R_STATUS, S_ACK | S_DRIVER | S_FEATURES_OK);
    g_assert_cmphex(rd(&r, SLOT1 + R_STATUS), ==, S_ACK | S_DRIVER);
    /* a bit the device did not offer (bit 7) is refused too */
    wr(&r, SLOT1 + R_STATUS, 0);
    g_assert_cmphex(rd(&r, SLOT1 + R_STATUS), ==, 0);
    wr(&r, SLOT1 + R_STATUS, S_ACK | S_DRIVER);
    wr(&r, SLOT1 + R_DRV_FEAT_SEL, 1);
    wr(&r, SLOT1 + R_DRV_FEAT, 1);
    wr(&r, SLOT1 + R_DRV_FEAT_SEL, 0);
    wr(&r, SLOT1 + R_DRV_FEAT, 1u << 7);
    wr(&r, SLOT1 + R_STATUS, S_ACK | S_DRIVER | S_FEATURES_OK);
    g_assert_cmphex(rd(&r, SLOT1 + R_STATUS), ==, S_ACK | S_DRIVER);
    /* VERSION_1 alone is fine */
    wr(&r, SLOT1 + R_STATUS, 0);
    wr(&r, SLOT1 + R_STATUS, S_ACK | S_DRIVER);
    wr(&r, SLOT1 + R_DRV_FEAT_SEL, 1);
    wr(&r, SLOT1 + R_DRV_FEAT, 1);
    wr(&r, SLOT1 + R_STATUS, S_ACK | S_DRIVER | S_FEATURES_OK);
    g_assert_cmphex(rd(&r, SLOT1 + R_STATUS), ==,
                    S_ACK | S_DRIVER | S_FEATURES_OK);
    rig_free(&r);
}

/* Read a whole image file (g_free). */
static uint8_t *read_image(const char *path)
{
    gchar *data;
    gsize len;

    g_assert_true(g_file_get_contents(path, &data, &len, NULL));
    g_assert_cmpuint(len, ==, 65536);
    return (uint8_t *)data;
}

static void test_blk_read_write_flush_id(void)
{
    static const char *const props[] = { "drive", "d0", "serial",
                                         "hemu-disk-1", NULL };
    g_autofree uint8_t *image = NULL;
    uint8_t got[1024];
    char id[21] = { 0 };
    uint32_t used;
    Drv d;
    Rig r;

    rig_init(&r);
    g_assert_nonnull(blk_new(r.root, "d0", r.image, false, &error_abort));
    add_dev(&r, "blk", "virtio-blk-device", props);
    drv_init(&d, &r, SLOT1, F_VERSION_1 | F_BLK_FLUSH, 1);

    /* IN, sector 2, one 512-byte segment: image bytes 1024..1535 */
    g_assert_cmpint(r.level[1], ==, 0);
    g_assert_cmpuint(blk_request(&d, 0, 2, 512, 1, true, &used), ==, 0);
    g_assert_cmpuint(used, ==, 513);    /* data + status byte */
    address_space_read(&r.as, BUF, MEMTXATTRS_UNSPECIFIED, got, 512);
    for (int i = 0; i < 512; i++) {
        g_assert_cmpuint(got[i], ==, pattern(1024 + i));
    }
    /* a used buffer notification: InterruptStatus bit 0, line high */
    g_assert_cmphex(rd(&r, SLOT1 + R_ISR), ==, 1);
    g_assert_cmpint(r.level[1], ==, 1);
    wr(&r, SLOT1 + R_ISR_ACK, 1);
    g_assert_cmphex(rd(&r, SLOT1 + R_ISR), ==, 0);
    g_assert_cmpint(r.level[1], ==, 0);

    /* OUT, sectors 5-6, two 512-byte segments of 0xab and 0xcd */
    for (int i = 0; i < 1024; i++) {
        st(&r, BUF + i, i < 512 ? 0xab : 0xcd, MO_UB);
    }
    g_assert_cmpuint(blk_request(&d, 1, 5, 1024, 2, false, &used), ==, 0);
    g_assert_cmpuint(used, ==, 1);
    image = read_image(r.image);
    g_assert_cmpuint(image[5 * 512 - 1], ==, pattern(5 * 512 - 1));
    g_assert_cmpuint(image[5 * 512], ==, 0xab);
    g_assert_cmpuint(image[6 * 512], ==, 0xcd);
    g_assert_cmpuint(image[7 * 512 - 1], ==, 0xcd);
    g_assert_cmpuint(image[7 * 512], ==, pattern(7 * 512));

    /* FLUSH (type 4): no data */
    g_assert_cmpuint(blk_request(&d, 4, 0, 0, 0, false, &used), ==, 0);
    /* GET_ID (type 8): 20 writable bytes, the serial NUL-padded */
    g_assert_cmpuint(blk_request(&d, 8, 0, 20, 1, true, &used), ==, 0);
    address_space_read(&r.as, BUF, MEMTXATTRS_UNSPECIFIED, id, 20);
    g_assert_cmpstr(id, ==, "hemu-disk-1");
    /* past the end: 128 sectors, so sector 127 + 2 sectors is IOERR (1) */
    g_assert_cmpuint(blk_request(&d, 0, 127, 1024, 1, true, &used), ==, 1);
    /* not a whole sector: IOERR */
    g_assert_cmpuint(blk_request(&d, 0, 0, 100, 1, true, &used), ==, 1);
    /* unknown type 99: UNSUPP (2) */
    g_assert_cmpuint(blk_request(&d, 99, 0, 0, 0, false, &used), ==, 2);
    rig_free(&r);
}

static void test_blk_indirect_readonly(void)
{
    static const char *const props[] = { "drive", "ro", NULL };
    g_autofree uint8_t *image = NULL;
    hwaddr hdr = BUF + 0x7000, status = BUF + 0x8000;
    uint32_t used;
    Drv d;
    Rig r;

    rig_init(&r);
    g_assert_nonnull(blk_new(r.root, "ro", r.image, true, &error_abort));
    add_dev(&r, "blk", "virtio-blk-device", props);
    /* F_RO (bit 5) offered for a read-only drive */
    wr(&r, SLOT1 + R_DEV_FEAT_SEL, 0);
    g_assert_cmphex(rd(&r, SLOT1 + R_DEV_FEAT) & F_BLK_RO, ==, F_BLK_RO);
    drv_init(&d, &r, SLOT1, F_VERSION_1 | F_INDIRECT, 1);

    /* IN of sector 1 through one indirect descriptor to a 3-entry table */
    st(&r, hdr, 0, MO_LEUL);
    st(&r, hdr + 8, 1, MO_LEUQ);
    put_desc(&r, Q_INDIRECT(0), 0, hdr, 16, D_NEXT, 1);
    put_desc(&r, Q_INDIRECT(0), 1, BUF, 512, D_NEXT | D_WRITE, 2);
    put_desc(&r, Q_INDIRECT(0), 2, status, 1, D_WRITE, 0);
    put_desc(&r, Q_DESC(0), 3, Q_INDIRECT(0), 48, D_INDIRECT, 0);
    drv_kick(&d, 0, 3);
    g_assert_cmpuint(drv_used(&d, 0, 3), ==, 513);
    g_assert_cmpuint(ld(&r, status, MO_UB), ==, 0);
    g_assert_cmpuint(ld(&r, BUF, MO_UB), ==, pattern(512));
    g_assert_cmpuint(ld(&r, BUF + 511, MO_UB), ==, pattern(1023));

    /* a write to a read-only disk: IOERR, image unchanged */
    for (int i = 0; i < 512; i++) {
        st(&r, BUF + i, 0x5a, MO_UB);
    }
    g_assert_cmpuint(blk_request(&d, 1, 0, 512, 1, false, &used), ==, 1);
    image = read_image(r.image);
    g_assert_cmpuint(image[0], ==, pattern(0));
    g_assert_cmpuint(image[511], ==, pattern(511));
    rig_free(&r);
}

static void test_rng(void)
{
    static const char *const props[] = { NULL };
    uint8_t a[64], b[64], zero[64] = { 0 };
    Drv d;
    Rig r;

    rig_init(&r);
    add_dev(&r, "rng", "virtio-rng-device", props);
    g_assert_cmphex(rd(&r, SLOT1 + R_DEVICE_ID), ==, 4);
    drv_init(&d, &r, SLOT1, F_VERSION_1, 1);
    put_desc(&r, Q_DESC(0), 0, BUF, 64, D_WRITE, 0);
    drv_kick(&d, 0, 0);
    g_assert_cmpuint(drv_used(&d, 0, 0), ==, 64);
    address_space_read(&r.as, BUF, MEMTXATTRS_UNSPECIFIED, a, 64);
    put_desc(&r, Q_DESC(0), 1, BUF + 64, 64, D_WRITE, 0);
    drv_kick(&d, 0, 1);
    g_assert_cmpuint(drv_used(&d, 0, 1), ==, 64);
    address_space_read(&r.as, BUF + 64, MEMTXATTRS_UNSPECIFIED, b, 64);
    /* 512 random bits: equal to zero or to each other with p = 2^-512 */
    g_assert_true(memcmp(a, zero, 64) != 0);
    g_assert_true(memcmp(a, b, 64) != 0);
    g_assert_cmpint(r.level[1], ==, 1);
    rig_free(&r);
}

static void test_console(void)
{
    static const char *const props[] = { "chardev", "con0", NULL };
    g_autoptr(Keyval) kv = keyval_new();
    g_autofree char *out_path = NULL, *out = NULL;
    char in[8] = { 0 };
    Chardev *chr;
    int fd;
    Drv d;
    Rig r;

    rig_init(&r);
    fd = g_file_open_tmp("hemu-virtio-con-XXXXXX", &out_path, NULL);
    close(fd);
    keyval_set(kv, "id", "con0");
    keyval_set(kv, "path", out_path);
    chr = chardev_new(r.root, "file", kv, &error_abort);
    add_dev(&r, "con", "virtio-console-device", props);
    g_assert_cmphex(rd(&r, SLOT1 + R_DEVICE_ID), ==, 3);
    /* config (5.3.4): max_nr_ports (le32 at 4) is 1 */
    g_assert_cmpuint(rd(&r, SLOT1 + R_CONFIG + 4), ==, 1);
    /* no receive buffer yet: the device takes no input */
    g_assert_cmpint(chr->can_read(chr->fe_opaque), ==, 0);
    /* queue 0 receiveq, queue 1 transmitq (5.3.2) */
    drv_init(&d, &r, SLOT1, F_VERSION_1, 2);

    /* transmit "hello" from two segments */
    st(&r, BUF, 0x6c6c6568, MO_LEUL);           /* "hell" */
    st(&r, BUF + 0x100, 'o', MO_UB);
    put_desc(&r, Q_DESC(1), 0, BUF, 4, D_NEXT, 1);
    put_desc(&r, Q_DESC(1), 1, BUF + 0x100, 1, 0, 0);
    drv_kick(&d, 1, 0);
    g_assert_cmpuint(drv_used(&d, 1, 0), ==, 0);
    /* emerg_wr (le32 at 8, F_EMERG_WRITE) sends one byte */
    wr(&r, SLOT1 + R_CONFIG + 8, '!');
    g_assert_true(g_file_get_contents(out_path, &out, NULL, NULL));
    g_assert_cmpstr(out, ==, "hello!");

    /* receive: post an 8-byte buffer; the chardev may deliver 8 bytes */
    put_desc(&r, Q_DESC(0), 0, BUF + 0x200, 8, D_WRITE, 0);
    drv_kick(&d, 0, 0);
    g_assert_cmpint(chr->can_read(chr->fe_opaque), ==, 8);
    chr->read(chr->fe_opaque, (const uint8_t *)"ls\n", 3);
    g_assert_cmpuint(drv_used(&d, 0, 0), ==, 3);
    address_space_read(&r.as, BUF + 0x200, MEMTXATTRS_UNSPECIFIED, in, 3);
    g_assert_cmpstr(in, ==, "ls\n");
    g_assert_cmpint(chr->can_read(chr->fe_opaque), ==, 0);
    unlink(out_path);
    rig_free(&r);
}

static void test_guest_errors_need_reset(void)
{
    static const char *const props[] = { NULL };
    Drv d;
    Rig r;

    rig_init(&r);
    add_dev(&r, "rng", "virtio-rng-device", props);
    drv_init(&d, &r, SLOT1, F_VERSION_1, 1);
    /* a buffer in a hole of the memory map (nothing at 0x100000000) */
    put_desc(&r, Q_DESC(0), 0, 0x100000000ull, 64, D_WRITE, 0);
    drv_kick(&d, 0, 0);
    /* DEVICE_NEEDS_RESET (64) and a configuration change interrupt (2) */
    g_assert_cmphex(rd(&r, SLOT1 + R_STATUS) & S_NEEDS_RESET, ==,
                    S_NEEDS_RESET);
    g_assert_cmphex(rd(&r, SLOT1 + R_ISR), ==, 2);
    g_assert_cmpint(r.level[1], ==, 1);
    g_assert_cmpuint(ld(&r, Q_USED(0) + 2, MO_LEUW), ==, 0);
    /* a broken device serves nothing, even good buffers */
    put_desc(&r, Q_DESC(0), 1, BUF, 64, D_WRITE, 0);
    drv_kick(&d, 0, 1);
    g_assert_cmpuint(ld(&r, Q_USED(0) + 2, MO_LEUW), ==, 0);

    /* reset (Status 0) clears it all; then a looping chain breaks it */
    wr(&r, SLOT1 + R_STATUS, 0);
    g_assert_cmphex(rd(&r, SLOT1 + R_STATUS), ==, 0);
    g_assert_cmphex(rd(&r, SLOT1 + R_ISR), ==, 0);
    g_assert_cmpint(r.level[1], ==, 0);
    drv_init(&d, &r, SLOT1, F_VERSION_1, 1);
    put_desc(&r, Q_DESC(0), 0, BUF, 8, D_WRITE | D_NEXT, 1);
    put_desc(&r, Q_DESC(0), 1, BUF, 8, D_WRITE | D_NEXT, 0);
    drv_kick(&d, 0, 0);
    g_assert_cmphex(rd(&r, SLOT1 + R_STATUS) & S_NEEDS_RESET, ==,
                    S_NEEDS_RESET);
    /* a queue made ready with a size that is not a power of two */
    wr(&r, SLOT1 + R_STATUS, 0);
    wr(&r, SLOT1 + R_QUEUE_SEL, 0);
    wr(&r, SLOT1 + R_QUEUE_NUM, 6);
    wr(&r, SLOT1 + R_QUEUE_READY, 1);
    g_assert_cmpuint(rd(&r, SLOT1 + R_QUEUE_READY), ==, 0);
    g_assert_cmphex(rd(&r, SLOT1 + R_STATUS), ==, S_NEEDS_RESET);
    rig_free(&r);
}

static void test_interrupt_suppression(void)
{
    static const char *const props[] = { NULL };
    Drv d;
    Rig r;

    rig_init(&r);
    add_dev(&r, "rng", "virtio-rng-device", props);

    /* without EVENT_IDX: VIRTQ_AVAIL_F_NO_INTERRUPT (1) suppresses */
    drv_init(&d, &r, SLOT1, F_VERSION_1, 1);
    st(&r, Q_AVAIL(0), 1, MO_LEUW);
    put_desc(&r, Q_DESC(0), 0, BUF, 16, D_WRITE, 0);
    drv_kick(&d, 0, 0);
    g_assert_cmpuint(drv_used(&d, 0, 0), ==, 16);
    g_assert_cmphex(rd(&r, SLOT1 + R_ISR), ==, 0);
    g_assert_cmpint(r.level[1], ==, 0);

    /*
     * With EVENT_IDX (2.7.10): used_event (after the QNUM ring entries
     * of the driver ring) = 3 asks for an interrupt only once used idx
     * passes 3.  The first request makes used idx 1: none.  The device
     * publishes avail_event (after the QNUM used entries) = its next
     * avail index, 1.
     */
    drv_init(&d, &r, SLOT1, F_VERSION_1 | F_EVENT_IDX, 1);
    st(&r, Q_AVAIL(0) + 4 + 2 * QNUM, 3, MO_LEUW);
    put_desc(&r, Q_DESC(0), 0, BUF, 16, D_WRITE, 0);
    drv_kick(&d, 0, 0);
    g_assert_cmpuint(drv_used(&d, 0, 0), ==, 16);
    g_assert_cmphex(rd(&r, SLOT1 + R_ISR), ==, 0);
    g_assert_cmpuint(ld(&r, Q_USED(0) + 4 + 8 * QNUM, MO_LEUW), ==, 1);
    /* used_event = 1: the next request (used idx 1 -> 2) interrupts */
    st(&r, Q_AVAIL(0) + 4 + 2 * QNUM, 1, MO_LEUW);
    drv_kick(&d, 0, 0);
    g_assert_cmpuint(drv_used(&d, 0, 0), ==, 16);
    g_assert_cmphex(rd(&r, SLOT1 + R_ISR), ==, 1);
    g_assert_cmpint(r.level[1], ==, 1);
    rig_free(&r);
}

static void test_plugging(void)
{
    static const char *const rng0[] = { "transport", "/machine/virtio-mmio[0]",
                                        NULL };
    static const char *const none[] = { NULL };
    DeviceState *dev;
    Error *err = NULL;
    Rig r;

    rig_init(&r);
    /* an explicit transport */
    add_dev(&r, "rng0", "virtio-rng-device", rng0);
    g_assert_cmphex(rd(&r, SLOT0 + R_DEVICE_ID), ==, 4);
    g_assert_cmphex(rd(&r, SLOT1 + R_DEVICE_ID), ==, 0);
    /* the same transport again: an error naming it */
    dev = qdev_new_child(OBJECT(r.ms), "rng1", "virtio-rng-device",
                         &error_abort);
    g_assert_true(object_property_parse(OBJECT(dev), "transport",
                                        "/machine/virtio-mmio[0]",
                                        &error_abort));
    g_assert_false(qdev_realize(dev, &err));
    g_assert_nonnull(strstr(error_get_pretty(err), "already carries"));
    error_free(err);
    err = NULL;
    object_unparent(OBJECT(dev));
    /* automatic: the remaining free slot, then none is left */
    add_dev(&r, "rng2", "virtio-rng-device", none);
    g_assert_cmphex(rd(&r, SLOT1 + R_DEVICE_ID), ==, 4);
    dev = qdev_new_child(OBJECT(r.ms), "rng3", "virtio-rng-device",
                         &error_abort);
    g_assert_false(qdev_realize(dev, &err));
    g_assert_nonnull(strstr(error_get_pretty(err),
                            "no free virtio-mmio transport"));
    error_free(err);
    err = NULL;
    object_unparent(OBJECT(dev));
    /* a blk device whose drive does not exist */
    dev = qdev_new_child(OBJECT(r.ms), "blk", "virtio-blk-device",
                         &error_abort);
    g_assert_true(object_property_parse(OBJECT(dev), "drive", "nope",
                                        &error_abort));
    g_assert_false(qdev_realize(dev, &err));
    g_assert_nonnull(strstr(error_get_pretty(err), "drive 'nope' not found"));
    error_free(err);
    object_unparent(OBJECT(dev));
    /* unplugging frees the slot: it reads DeviceID 0 again */
    object_unparent(object_resolve_path(r.root, "/machine/rng2"));
    g_assert_cmphex(rd(&r, SLOT1 + R_DEVICE_ID), ==, 0);
    rig_free(&r);
}

static void test_drive_options(void)
{
    Error *err = NULL;
    BlockDriveOpts *o;

    o = blk_drive_parse("file=a.img,if=none,id=d0,format=raw,readonly=on", 0,
                        &error_abort);
    g_assert_cmpstr(o->id, ==, "d0");
    g_assert_cmpstr(o->filename, ==, "a.img");
    g_assert_true(o->read_only);
    g_assert_cmpint(o->interface, ==, BLOCK_IF_NONE);
    blk_drive_opts_free(o);
    /* if defaults to virtio; the id to virtio<N> */
    o = blk_drive_parse("file=b.img", 2, &error_abort);
    g_assert_cmpstr(o->id, ==, "virtio2");
    g_assert_false(o->read_only);
    g_assert_cmpint(o->interface, ==, BLOCK_IF_VIRTIO);
    blk_drive_opts_free(o);
    o = blk_blockdev_parse("driver=file,filename=c.img,node-name=n0,"
                           "read-only=on", &error_abort);
    g_assert_cmpstr(o->id, ==, "n0");
    g_assert_cmpstr(o->filename, ==, "c.img");
    g_assert_true(o->read_only);
    blk_drive_opts_free(o);
    o = blk_blockdev_parse("driver=raw,node-name=n1,file.driver=file,"
                           "file.filename=d.img", &error_abort);
    g_assert_cmpstr(o->filename, ==, "d.img");
    blk_drive_opts_free(o);

    g_assert_null(blk_drive_parse("file=a.img,if=none", 0, &err));
    g_assert_nonnull(strstr(error_get_pretty(err), "needs id=ID"));
    error_free(err);
    err = NULL;
    g_assert_null(blk_drive_parse("file=a.img,format=qcow2", 0, &err));
    g_assert_nonnull(strstr(error_get_pretty(err), "accepted: raw"));
    error_free(err);
    err = NULL;
    g_assert_null(blk_drive_parse("file=a.img,cache=none", 0, &err));
    g_assert_nonnull(strstr(error_get_pretty(err), "'cache'"));
    error_free(err);
    err = NULL;
    g_assert_null(blk_drive_parse("if=virtio", 0, &err));
    error_free(err);
    err = NULL;
    g_assert_null(blk_blockdev_parse("driver=qcow2,node-name=x", &err));
    error_free(err);
}

/* The CLI builds backends at /drives/<id> and if=virtio devices. */
static void test_cli(void)
{
    g_autofree char *path = NULL, *drive = NULL;
    g_autoptr(CliOptions) o = cli_options_new();
    Object *root = object_new(TYPE_CONTAINER);
    Error *err = NULL;
    int fd = g_file_open_tmp("hemu-virtio-cli-XXXXXX", &path, NULL);
    char *argv[] = { (char *)"hemu", (char *)"-M", (char *)"none",
                     (char *)"-drive", NULL, NULL };

    g_assert_cmpint(ftruncate(fd, 4096), ==, 0);
    close(fd);
    drive = g_strdup_printf("file=%s,if=none,id=disk0", path);
    argv[4] = drive;
    g_assert_true(cli_parse(o, 5, argv, &error_abort));
    g_assert_nonnull(cli_build(o, root, &error_abort));
    g_assert_nonnull(blk_find(root, "disk0"));
    g_assert_cmpuint(blk_get_length(blk_find(root, "disk0")), ==, 4096);
    object_unref(root);

    /* if=virtio on a machine without transports: a clear error */
    g_free(drive);
    drive = g_strdup_printf("file=%s", path);
    argv[4] = drive;
    root = object_new(TYPE_CONTAINER);
    {
        g_autoptr(CliOptions) o2 = cli_options_new();

        g_assert_true(cli_parse(o2, 5, argv, &error_abort));
        g_assert_null(cli_build(o2, root, &err));
        g_assert_nonnull(strstr(error_get_pretty(err),
                                "no free virtio-mmio transport"));
        error_free(err);
    }
    object_unref(root);
    unlink(path);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/virtio/transport-registers", test_transport_registers);
    g_test_add_func("/virtio/feature-negotiation", test_feature_negotiation);
    g_test_add_func("/virtio/blk/read-write-flush-id",
                    test_blk_read_write_flush_id);
    g_test_add_func("/virtio/blk/indirect-readonly",
                    test_blk_indirect_readonly);
    g_test_add_func("/virtio/rng", test_rng);
    g_test_add_func("/virtio/console", test_console);
    g_test_add_func("/virtio/guest-errors", test_guest_errors_need_reset);
    g_test_add_func("/virtio/interrupt-suppression",
                    test_interrupt_suppression);
    g_test_add_func("/virtio/plugging", test_plugging);
    g_test_add_func("/virtio/drive-options", test_drive_options);
    g_test_add_func("/virtio/cli", test_cli);
    return g_test_run();
}
