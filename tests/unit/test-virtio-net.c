/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Unit tests of virtio-net (hw/virtio/virtio-net.c) and the network
 * backend core (system/net.c, system/net-slirp.c).
 *
 * The device is driven through the virtio-mmio transport as a guest
 * driver would, through the memory API and with no CPU: a "none" machine
 * with 1 MiB of RAM at 0x40000000 and one transport at 0x0a000000.  Its
 * netdev is a fake backend ("test-netdev") that records what the device
 * sends; the test delivers frames with netdev_deliver() as a backend
 * would, and iterates the main loop where the netdev core defers work.
 * One test talks to libslirp itself (an ARP exchange and a hostfwd
 * listener), with no device.
 *
 * Expected values come from the VIRTIO 1.2 specification, written here
 * independently of the model: register offsets (4.2.2), status bits
 * (2.1), feature bits (6, 5.1.3), ring layouts (2.7), the network
 * configuration layout (5.1.4) and struct virtio_net_hdr (5.1.6); ARP
 * from RFC 826.
 */
#include "hemu/osdep.h"
#include "hw/boards.h"
#include "hw/qdev.h"
#include "system/cli.h"
#include "system/main-loop.h"
#include "system/memory.h"
#include "system/net.h"

#include <arpa/inet.h>
#include <sys/socket.h>

#define RAM_BASE 0x40000000ull
#define RAM_SIZE 0x100000ull
#define SLOT 0x0a000000ull
/* Queue q: descriptors, driver ring, device ring in 12 KiB at 16K * q. */
#define Q_DESC(q) (RAM_BASE + (q) * 0x4000ull)
#define Q_AVAIL(q) (Q_DESC(q) + 0x1000)
#define Q_USED(q) (Q_DESC(q) + 0x2000)
/* Buffers: receive buffer i at RX_BUF(i), transmit data at TX_BUF. */
#define RX_BUF(i) (RAM_BASE + 0x10000 + (i) * 0x1000ull)
#define TX_BUF (RAM_BASE + 0x20000)
#define QNUM 8
/* Spec 5.1.6.3.1: without mergeable buffers, at least 1526 bytes each. */
#define RX_LEN 1526

/* virtio-mmio registers (spec 4.2.2). */
#define R_DEVICE_ID 0x008
#define R_DEV_FEAT 0x010
#define R_DEV_FEAT_SEL 0x014
#define R_DRV_FEAT 0x020
#define R_DRV_FEAT_SEL 0x024
#define R_QUEUE_SEL 0x030
#define R_QUEUE_NUM 0x038
#define R_QUEUE_READY 0x044
#define R_QUEUE_NOTIFY 0x050
#define R_ISR 0x060
#define R_ISR_ACK 0x064
#define R_STATUS 0x070
#define R_DESC_LO 0x080
#define R_DRIVER_LO 0x090
#define R_DEVICE_LO 0x0a0
#define R_GENERATION 0x0fc
#define R_CONFIG 0x100

#define S_ACK 1
#define S_DRIVER 2
#define S_DRIVER_OK 4
#define S_FEATURES_OK 8
#define D_NEXT 1
#define D_WRITE 2

/* ---------------------------------------------------------------------- */
/* The fake backend: records transmitted frames                          */

typedef struct TestNetdev {
    NetDev parent_obj;
    GPtrArray *sent;            /* GBytes *, in transmit order */
} TestNetdev;

#define TEST_NETDEV(obj) ((TestNetdev *)(obj))

static void test_netdev_transmit(NetDev *nd, const uint8_t *buf, size_t len)
{
    g_ptr_array_add(TEST_NETDEV(nd)->sent, g_bytes_new(buf, len));
}

static void test_netdev_init(Object *obj)
{
    TEST_NETDEV(obj)->sent = g_ptr_array_new_with_free_func(
        (GDestroyNotify)g_bytes_unref);
}

static void test_netdev_finalize(Object *obj)
{
    g_ptr_array_unref(TEST_NETDEV(obj)->sent);
}

static void test_netdev_class_init(ObjectClass *oc, const void *data)
{
    NETDEV_CLASS(oc)->transmit = test_netdev_transmit;
}

static const TypeInfo test_netdev_info = {
    .name = "test-netdev",
    .parent = TYPE_NETDEV,
    .instance_size = sizeof(TestNetdev),
    .instance_init = test_netdev_init,
    .instance_finalize = test_netdev_finalize,
    .class_init = test_netdev_class_init,
};

/* ---------------------------------------------------------------------- */
/* The rig                                                                */

typedef struct Rig {
    Object *root;
    MachineState *ms;
    MemoryRegion ram;
    DeviceState *slot;
    IRQLine *line;
    int level;                  /* the slot's irq */
    AddressSpace as;
    NetDev *nd;                 /* the fake netdev "n0" */
    uint16_t avail_idx[2];      /* per queue: next avail slot we fill */
    uint16_t used_seen[2];      /* per queue: used entries consumed */
} Rig;

static void irq_seen(void *opaque, int n, int level)
{
    ((Rig *)opaque)->level = level;
}

static void rig_init(Rig *r)
{
    memset(r, 0, sizeof(*r));
    main_loop_init();
    r->root = object_new(TYPE_CONTAINER);
    r->ms = machine_create(r->root, "none", NULL, &error_abort);
    g_assert_true(memory_region_init_ram(&r->ram, OBJECT(r->ms), "test-ram",
                                         RAM_SIZE, &error_abort));
    memory_region_add_subregion(&r->ms->sysmem, RAM_BASE, &r->ram);
    r->slot = qdev_new_child(OBJECT(r->ms), "virtio-mmio[0]", "virtio-mmio",
                             &error_abort);
    r->line = irq_new(irq_seen, r, 0);
    qdev_connect_gpio_out_named(r->slot, "irq", 0, r->line);
    g_assert_true(qdev_realize(r->slot, &error_abort));
    memory_region_add_subregion(&r->ms->sysmem, SLOT,
                                qdev_get_mmio(r->slot, 0));
    address_space_init(&r->as, &r->ms->sysmem, "test");
    r->nd = netdev_new(r->root, "test-netdev", "n0", NULL, &error_abort);
}

/* Run what the netdev core deferred to the main loop. */
static void drain_main_loop(void)
{
    while (main_loop_iterate(false)) {
    }
}

static void rig_free(Rig *r)
{
    drain_main_loop();
    address_space_destroy(&r->as);
    memory_region_del_subregion(&r->ms->sysmem, qdev_get_mmio(r->slot, 0));
    memory_region_del_subregion(&r->ms->sysmem, &r->ram);
    object_unref(r->root);
    memory_region_finalize(&r->ram);
    irq_free(r->line);
}

/* A virtio-net-device as child @name of the machine, with @props. */
static DeviceState *add_nic(Rig *r, const char *name,
                            const char *const *props)
{
    DeviceState *dev = qdev_new_child(OBJECT(r->ms), name,
                                      "virtio-net-device", &error_abort);

    for (; props && props[0]; props += 2) {
        g_assert_true(object_property_parse(OBJECT(dev), props[0], props[1],
                                            &error_abort));
    }
    g_assert_true(qdev_realize(dev, &error_abort));
    return dev;
}

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

static void put_desc(Rig *r, unsigned q, unsigned i, uint64_t addr,
                     uint32_t len, uint16_t flags, uint16_t next)
{
    hwaddr d = Q_DESC(q) + 16 * i;

    st(r, d, addr, MO_LEUQ);
    st(r, d + 8, len, MO_LEUL);
    st(r, d + 12, flags, MO_LEUW);
    st(r, d + 14, next, MO_LEUW);
}

/* ---------------------------------------------------------------------- */
/* The driver                                                             */

static void drv_queue(Rig *r, unsigned q)
{
    for (hwaddr a = Q_DESC(q); a < Q_DESC(q) + 0x3000; a += 8) {
        st(r, a, 0, MO_LEUQ);
    }
    wr(r, SLOT + R_QUEUE_SEL, q);
    wr(r, SLOT + R_QUEUE_NUM, QNUM);
    wr(r, SLOT + R_DESC_LO, (uint32_t)Q_DESC(q));
    wr(r, SLOT + R_DRIVER_LO, (uint32_t)Q_AVAIL(q));
    wr(r, SLOT + R_DEVICE_LO, (uint32_t)Q_USED(q));
    wr(r, SLOT + R_QUEUE_READY, 1);
}

/* Spec 3.1.1 with features MAC (5), STATUS (16) and VERSION_1 (32). */
static void drv_init(Rig *r)
{
    wr(r, SLOT + R_STATUS, 0);
    wr(r, SLOT + R_STATUS, S_ACK | S_DRIVER);
    wr(r, SLOT + R_DRV_FEAT_SEL, 0);
    wr(r, SLOT + R_DRV_FEAT, (1u << 5) | (1u << 16));
    wr(r, SLOT + R_DRV_FEAT_SEL, 1);
    wr(r, SLOT + R_DRV_FEAT, 1);
    wr(r, SLOT + R_STATUS, S_ACK | S_DRIVER | S_FEATURES_OK);
    g_assert_cmphex(rd(r, SLOT + R_STATUS), ==,
                    S_ACK | S_DRIVER | S_FEATURES_OK);
    drv_queue(r, 0);
    drv_queue(r, 1);
    wr(r, SLOT + R_STATUS, S_ACK | S_DRIVER | S_FEATURES_OK | S_DRIVER_OK);
}

static void drv_kick(Rig *r, unsigned q, uint16_t head)
{
    st(r, Q_AVAIL(q) + 4 + 2 * (r->avail_idx[q] % QNUM), head, MO_LEUW);
    r->avail_idx[q]++;
    st(r, Q_AVAIL(q) + 2, r->avail_idx[q], MO_LEUW);
    wr(r, SLOT + R_QUEUE_NOTIFY, q);
}

/* Used entries of queue @q not consumed yet. */
static unsigned drv_used_pending(Rig *r, unsigned q)
{
    return (uint16_t)(ld(r, Q_USED(q) + 2, MO_LEUW) - r->used_seen[q]);
}

/* Consume the next used entry of @q: asserts its id, returns its len. */
static uint32_t drv_used(Rig *r, unsigned q, uint16_t expect_id)
{
    hwaddr e = Q_USED(q) + 4 + 8 * (r->used_seen[q] % QNUM);

    g_assert_cmpuint(drv_used_pending(r, q), >, 0);
    g_assert_cmpuint(ld(r, e, MO_LEUL), ==, expect_id);
    r->used_seen[q]++;
    return ld(r, e + 4, MO_LEUL);
}

/* Post receive buffer @i (descriptor @i of queue 0, RX_LEN bytes). */
static void drv_post_rx(Rig *r, unsigned i)
{
    put_desc(r, 0, i, RX_BUF(i), RX_LEN, D_WRITE, 0);
    drv_kick(r, 0, i);
}

/* A 60-byte Ethernet frame whose bytes are @seed + i. */
static void make_frame(uint8_t *f, size_t len, uint8_t seed)
{
    for (size_t i = 0; i < len; i++) {
        f[i] = (uint8_t)(seed + i);
    }
}

/* Receive buffer @i holds header + the frame make_frame(@len, @seed). */
static void check_rx_buffer(Rig *r, unsigned i, size_t len, uint8_t seed)
{
    /* struct virtio_net_hdr (5.1.6): flags, gso_type, hdr_len, gso_size,
       csum_start, csum_offset all 0; num_buffers (le16 at 10) 1 */
    for (unsigned b = 0; b < 10; b++) {
        g_assert_cmpuint(ld(r, RX_BUF(i) + b, MO_UB), ==, 0);
    }
    g_assert_cmpuint(ld(r, RX_BUF(i) + 10, MO_LEUW), ==, 1);
    for (size_t b = 0; b < len; b++) {
        g_assert_cmpuint(ld(r, RX_BUF(i) + 12 + b, MO_UB), ==,
                         (uint8_t)(seed + b));
    }
}

/* ---------------------------------------------------------------------- */
/* Tests                                                                  */

static void test_config(void)
{
    static const char *const nic0[] = { "netdev", "n0", NULL };
    Rig r;

    rig_init(&r);
    add_nic(&r, "nic0", nic0);
    /* DeviceID 1: network card (spec 5) */
    g_assert_cmphex(rd(&r, SLOT + R_DEVICE_ID), ==, 1);
    /* features: MAC 5, STATUS 16, INDIRECT_DESC 28, EVENT_IDX 29 */
    wr(&r, SLOT + R_DEV_FEAT_SEL, 0);
    g_assert_cmphex(rd(&r, SLOT + R_DEV_FEAT), ==, 0x30010020);
    wr(&r, SLOT + R_DEV_FEAT_SEL, 1);    /* VERSION_1 is bit 32 */
    g_assert_cmphex(rd(&r, SLOT + R_DEV_FEAT), ==, 1);
    /* config (5.1.4): mac 52:54:00:12:34:56 (QEMU's first NIC), then le16
       status 1 (VIRTIO_NET_S_LINK_UP) */
    g_assert_cmphex(rd(&r, SLOT + R_CONFIG), ==, 0x12005452);
    g_assert_cmphex(ld(&r, SLOT + R_CONFIG + 4, MO_LEUW), ==, 0x5634);
    g_assert_cmphex(ld(&r, SLOT + R_CONFIG + 6, MO_LEUW), ==, 1);

    /* the link goes down: status 0, a configuration change interrupt
       (ISR bit 1) and a new generation, once the driver is up */
    drv_init(&r);
    {
        uint32_t gen = rd(&r, SLOT + R_GENERATION);

        netdev_set_link(r.nd, false);
        g_assert_cmphex(ld(&r, SLOT + R_CONFIG + 6, MO_LEUW), ==, 0);
        g_assert_cmphex(rd(&r, SLOT + R_ISR), ==, 2);
        g_assert_cmpint(r.level, ==, 1);
        g_assert_cmpuint(rd(&r, SLOT + R_GENERATION), !=, gen);
        wr(&r, SLOT + R_ISR_ACK, 2);
        netdev_set_link(r.nd, true);
        g_assert_cmphex(ld(&r, SLOT + R_CONFIG + 6, MO_LEUW), ==, 1);
    }
    /* the config space is read-only: a write changes nothing */
    wr(&r, SLOT + R_CONFIG, 0);
    g_assert_cmphex(rd(&r, SLOT + R_CONFIG), ==, 0x12005452);
    rig_free(&r);

    /* without a free slot a second NIC is an error naming it */
    rig_init(&r);
    add_nic(&r, "nic0", NULL);
    {
        DeviceState *b = qdev_new_child(OBJECT(r.ms), "nic1",
                                        "virtio-net-device", &error_abort);
        Error *err = NULL;

        /* no free slot: an error naming the device */
        g_assert_false(qdev_realize(b, &err));
        g_assert_nonnull(strstr(error_get_pretty(err), "nic1"));
        error_free(err);
        object_unparent(OBJECT(b));
    }
    rig_free(&r);
}

static void test_default_mac_bump(void)
{
    Rig r;
    DeviceState *dev;

    rig_init(&r);
    /* two slots: the second NIC in the machine gets ...:57 */
    {
        DeviceState *slot1 = qdev_new_child(OBJECT(r.ms), "virtio-mmio[1]",
                                            "virtio-mmio", &error_abort);
        IRQLine *l = irq_new(irq_seen, &r, 1);

        qdev_connect_gpio_out_named(slot1, "irq", 0, l);
        g_assert_true(qdev_realize(slot1, &error_abort));
        memory_region_add_subregion(&r.ms->sysmem, SLOT + 0x200,
                                    qdev_get_mmio(slot1, 0));
        add_nic(&r, "nic0", NULL);      /* takes slot 1 (the last free) */
        dev = add_nic(&r, "nic1", NULL);        /* slot 0 */
        /* byte 5 of the mac: 0x56 + 1 */
        g_assert_cmphex(ld(&r, SLOT + R_CONFIG + 5, MO_UB), ==, 0x57);
        g_assert_cmphex(ld(&r, SLOT + 0x200 + R_CONFIG + 5, MO_UB), ==,
                        0x56);
        object_unparent(OBJECT(dev));
        /* an explicit mac */
        {
            static const char *const props[] = {
                "mac", "02:00:00:aa:bb:cc", NULL
            };

            add_nic(&r, "nic2", props);
            g_assert_cmphex(rd(&r, SLOT + R_CONFIG), ==, 0xaa000002);
            g_assert_cmphex(ld(&r, SLOT + R_CONFIG + 4, MO_LEUW), ==,
                            0xccbb);
        }
        memory_region_del_subregion(&r.ms->sysmem, qdev_get_mmio(slot1, 0));
        rig_free(&r);
        irq_free(l);
    }
}

static void test_tx(void)
{
    static const char *const props[] = { "netdev", "n0", NULL };
    TestNetdev *t;
    uint8_t frame[60];
    Rig r;

    rig_init(&r);
    t = TEST_NETDEV(r.nd);
    add_nic(&r, "nic0", props);
    drv_init(&r);
    /* header (12 bytes, zeros) then the frame in two pieces: 20 + 40 */
    make_frame(frame, sizeof(frame), 0x30);
    for (unsigned i = 0; i < 12; i++) {
        st(&r, TX_BUF + i, 0, MO_UB);
    }
    for (unsigned i = 0; i < sizeof(frame); i++) {
        st(&r, TX_BUF + 0x100 + i, frame[i], MO_UB);
    }
    put_desc(&r, 1, 0, TX_BUF, 12, D_NEXT, 1);
    put_desc(&r, 1, 1, TX_BUF + 0x100, 20, D_NEXT, 2);
    put_desc(&r, 1, 2, TX_BUF + 0x114, 40, 0, 0);
    drv_kick(&r, 1, 0);
    /* the chain is returned at once, used length 0 */
    g_assert_cmpuint(drv_used(&r, 1, 0), ==, 0);
    g_assert_cmpint(r.level, ==, 1);
    /* the backend gets the frame from the main loop, without header */
    g_assert_cmpuint(t->sent->len, ==, 0);
    drain_main_loop();
    g_assert_cmpuint(t->sent->len, ==, 1);
    {
        gsize len;
        const uint8_t *p = g_bytes_get_data(t->sent->pdata[0], &len);

        g_assert_cmpmem(p, len, frame, sizeof(frame));
    }
    /* a chain shorter than the header is returned but sends nothing */
    put_desc(&r, 1, 3, TX_BUF, 8, 0, 0);
    drv_kick(&r, 1, 3);
    g_assert_cmpuint(drv_used(&r, 1, 3), ==, 0);
    drain_main_loop();
    g_assert_cmpuint(t->sent->len, ==, 1);
    /* with the link down, frames are dropped and counted */
    netdev_set_link(r.nd, false);
    drv_kick(&r, 1, 0);
    g_assert_cmpuint(drv_used(&r, 1, 0), ==, 0);
    drain_main_loop();
    g_assert_cmpuint(t->sent->len, ==, 1);
    g_assert_cmpuint(netdev_get_tx_dropped(r.nd), ==, 1);
    rig_free(&r);
}

static void test_rx(void)
{
    static const char *const props[] = { "netdev", "n0", NULL };
    uint8_t frame[60];
    Rig r;

    rig_init(&r);
    add_nic(&r, "nic0", props);
    drv_init(&r);
    drv_post_rx(&r, 0);
    drain_main_loop();
    g_assert_cmpuint(drv_used_pending(&r, 0), ==, 0);
    make_frame(frame, sizeof(frame), 0x80);
    netdev_deliver(r.nd, frame, sizeof(frame));
    /* written at once: used length 12 + 60 */
    g_assert_cmpuint(drv_used(&r, 0, 0), ==, 12 + 60);
    check_rx_buffer(&r, 0, sizeof(frame), 0x80);
    g_assert_cmphex(rd(&r, SLOT + R_ISR), ==, 1);
    g_assert_cmpint(r.level, ==, 1);
    g_assert_cmpuint(netdev_get_rx_dropped(r.nd), ==, 0);
    rig_free(&r);
}

static void test_rx_backpressure(void)
{
    static const char *const props[] = { "netdev", "n0", NULL };
    uint8_t frame[60];
    Rig r;

    rig_init(&r);
    add_nic(&r, "nic0", props);
    drv_init(&r);
    /* three frames, no receive buffer: all queued, none lost */
    for (unsigned k = 0; k < 3; k++) {
        make_frame(frame, sizeof(frame), 0x10 * k);
        netdev_deliver(r.nd, frame, sizeof(frame));
    }
    drain_main_loop();
    g_assert_cmpuint(drv_used_pending(&r, 0), ==, 0);
    g_assert_cmpuint(netdev_get_rx_dropped(r.nd), ==, 0);
    /* two buffers: the first two frames, in order, from the main loop */
    drv_post_rx(&r, 0);
    drv_post_rx(&r, 1);
    g_assert_cmpuint(drv_used_pending(&r, 0), ==, 0);
    drain_main_loop();
    g_assert_cmpuint(drv_used(&r, 0, 0), ==, 72);
    g_assert_cmpuint(drv_used(&r, 0, 1), ==, 72);
    check_rx_buffer(&r, 0, sizeof(frame), 0x00);
    check_rx_buffer(&r, 1, sizeof(frame), 0x10);
    g_assert_cmpuint(drv_used_pending(&r, 0), ==, 0);
    /* a new frame queues behind the third, never overtaking it */
    make_frame(frame, sizeof(frame), 0x70);
    netdev_deliver(r.nd, frame, sizeof(frame));
    drv_post_rx(&r, 2);
    drain_main_loop();
    g_assert_cmpuint(drv_used(&r, 0, 2), ==, 72);
    check_rx_buffer(&r, 2, sizeof(frame), 0x20);
    drv_post_rx(&r, 3);
    drain_main_loop();
    g_assert_cmpuint(drv_used(&r, 0, 3), ==, 72);
    check_rx_buffer(&r, 3, sizeof(frame), 0x70);
    /* the queue is bounded: NETDEV_RX_QUEUE_MAX + 5 frames, 5 dropped */
    for (unsigned k = 0; k < NETDEV_RX_QUEUE_MAX + 5; k++) {
        netdev_deliver(r.nd, frame, sizeof(frame));
    }
    g_assert_cmpuint(netdev_get_rx_dropped(r.nd), ==, 5);
    /* a device reset forgets nothing queued in the netdev, and a new
       driver gets the queued frames */
    drv_init(&r);
    memset(r.avail_idx, 0, sizeof(r.avail_idx));
    memset(r.used_seen, 0, sizeof(r.used_seen));
    drv_post_rx(&r, 4);
    drain_main_loop();
    g_assert_cmpuint(drv_used(&r, 0, 4), ==, 72);
    rig_free(&r);
}

/* ---------------------------------------------------------------------- */
/* libslirp, through a fake frontend                                     */

typedef struct Catch {
    GPtrArray *frames;          /* GBytes *, delivered to "the device" */
} Catch;

static bool catch_can_receive(void *opaque)
{
    return true;
}

static bool catch_receive(void *opaque, const uint8_t *buf, size_t len)
{
    g_ptr_array_add(((Catch *)opaque)->frames, g_bytes_new(buf, len));
    return true;
}

static const NetDevFrontend catch_fe = {
    .can_receive = catch_can_receive,
    .receive = catch_receive,
};

/* A TCP port on 127.0.0.1 nobody listens on right now. */
static int free_port(void)
{
    struct sockaddr_in a = { .sin_family = AF_INET };
    socklen_t alen = sizeof(a);
    int fd = socket(AF_INET, SOCK_STREAM, 0), port;

    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    g_assert_cmpint(bind(fd, (struct sockaddr *)&a, sizeof(a)), ==, 0);
    g_assert_cmpint(getsockname(fd, (struct sockaddr *)&a, &alen), ==, 0);
    port = ntohs(a.sin_port);
    close(fd);
    return port;
}

static void test_slirp_arp_and_hostfwd(void)
{
    /* RFC 826 request: who has 10.0.2.2?  tell 10.0.2.15 */
    static const uint8_t arp_req[42] = {
        0xff, 0xff, 0xff, 0xff, 0xff, 0xff,     /* dst: broadcast */
        0x52, 0x54, 0x00, 0x12, 0x34, 0x56,     /* src */
        0x08, 0x06,                             /* ARP */
        0x00, 0x01, 0x08, 0x00, 6, 4,           /* Ethernet, IPv4 */
        0x00, 0x01,                             /* request */
        0x52, 0x54, 0x00, 0x12, 0x34, 0x56, 10, 0, 2, 15,
        0, 0, 0, 0, 0, 0, 10, 0, 2, 2,
    };
    Catch c = { .frames = g_ptr_array_new_with_free_func(
                    (GDestroyNotify)g_bytes_unref) };
    Object *root = object_new(TYPE_CONTAINER);
    Object *dev = object_new(TYPE_CONTAINER);
    g_autoptr(Keyval) props = keyval_new();
    int port = free_port();
    g_autofree char *rule = g_strdup_printf("tcp:127.0.0.1:%d-:7777", port);
    struct sockaddr_in a = { .sin_family = AF_INET };
    const uint8_t *p;
    gsize len;
    NetDev *nd;
    int fd;

    main_loop_init();
    keyval_set(props, "hostfwd", rule);
    nd = netdev_new(root, TYPE_NETDEV_USER, "u0", props, &error_abort);
    g_assert_true(netdev_attach(nd, dev, &catch_fe, &c, &error_abort));
    netdev_send(nd, arp_req, sizeof(arp_req));
    for (int i = 0; i < 1000 && !c.frames->len; i++) {
        main_loop_iterate(false);
        g_usleep(1000);
    }
    g_assert_cmpuint(c.frames->len, >=, 1);
    p = g_bytes_get_data(c.frames->pdata[0], &len);
    g_assert_cmpuint(len, >=, 42);
    /* to us, an ARP reply (op 2) saying 10.0.2.2 is at the sender MAC,
       addressed to 10.0.2.15 */
    g_assert_cmpmem(p, 6, arp_req + 6, 6);
    g_assert_cmphex(p[12] << 8 | p[13], ==, 0x0806);
    g_assert_cmphex(p[20] << 8 | p[21], ==, 2);
    g_assert_cmpmem(p + 28, 4, arp_req + 38, 4);
    g_assert_cmpmem(p + 38, 4, arp_req + 28, 4);
    g_assert_cmpmem(p + 6, 6, p + 22, 6);

    /* the hostfwd rule listens on the host */
    fd = socket(AF_INET, SOCK_STREAM, 0);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = htons(port);
    g_assert_cmpint(connect(fd, (struct sockaddr *)&a, sizeof(a)), ==, 0);
    close(fd);
    drain_main_loop();

    netdev_detach(nd, dev);
    object_unref(dev);
    object_unref(root);
    g_ptr_array_unref(c.frames);
}

static void test_options(void)
{
    Error *err = NULL;
    NetdevOpts *o;
    Object *root;

    o = netdev_parse("user,id=n0,hostfwd=tcp::5555-:22,net=10.1.0.0/16,"
                     "hostfwd=udp:127.0.0.1:6000-10.1.0.9:53", &error_abort);
    g_assert_cmpstr(o->type, ==, TYPE_NETDEV_USER);
    g_assert_cmpstr(o->id, ==, "n0");
    g_assert_false(o->nic);
    g_assert_cmpstr(keyval_get(o->props, "net"), ==, "10.1.0.0/16");
    g_assert_cmpstr(keyval_get(o->props, "hostfwd"), ==,
                    "tcp::5555-:22 udp:127.0.0.1:6000-10.1.0.9:53");
    netdev_opts_free(o);

    o = netdev_nic_parse("user,mac=52:54:00:00:00:09", 2, &error_abort);
    g_assert_true(o->nic);
    g_assert_cmpstr(o->id, ==, "nic2");
    g_assert_cmpstr(o->model, ==, "virtio-net-device");
    g_assert_cmpstr(o->mac, ==, "52:54:00:00:00:09");
    g_assert_cmpuint(keyval_count(o->props), ==, 0);
    netdev_opts_free(o);

    /* errors name the option and what is accepted */
    g_assert_null(netdev_parse("user", &err));
    g_assert_nonnull(strstr(error_get_pretty(err), "id=ID"));
    g_clear_pointer(&err, error_free);
    g_assert_null(netdev_parse("tap,id=t0", &err));
    g_assert_nonnull(strstr(error_get_pretty(err), "accepted: user"));
    g_clear_pointer(&err, error_free);
    g_assert_null(netdev_parse("user,id=n0,smb=/tmp", &err));
    g_assert_nonnull(strstr(error_get_pretty(err), "'smb'"));
    g_clear_pointer(&err, error_free);
    g_assert_null(netdev_nic_parse("user,model=e1000", 0, &err));
    g_assert_nonnull(strstr(error_get_pretty(err), "e1000"));
    g_clear_pointer(&err, error_free);

    /* backend configuration errors, at creation */
    root = object_new(TYPE_CONTAINER);
    {
        /* property, value, what the message must contain */
        static const char *const bad[][3] = {
            { "net", "10.0.2.1/24", "host bits" },
            { "net", "10.0.2.0/33", "10.0.2.0/33" },
            { "host", "10.0.3.2", "outside" },  /* not in 10.0.2.0/24 */
            { "dns", "ten", "'ten'" },
            { "hostfwd", "tcp::0-:22", "bad port '0'" },
            { "hostfwd", "sctp::22-:22", "'sctp'" },
            { "hostfwd", "tcp:22", "malformed" },
            { "net", "10.0.2.0/29", "too small" },  /* no net + 15 */
        };

        for (size_t i = 0; i < G_N_ELEMENTS(bad); i++) {
            g_autoptr(Keyval) kv = keyval_new();

            keyval_set(kv, bad[i][0], bad[i][1]);
            g_assert_null(netdev_new(root, TYPE_NETDEV_USER, "u", kv, &err));
            g_assert_nonnull(strstr(error_get_pretty(err), bad[i][2]));
            g_assert_nonnull(strstr(error_get_pretty(err), "netdevs/u"));
            g_clear_pointer(&err, error_free);
        }
    }
    object_unref(root);
}

/* -netdev and -nic through the command line, on a machine without slots */
static void test_cli(void)
{
    g_autoptr(CliOptions) o = cli_options_new();
    Object *root = object_new(TYPE_CONTAINER);
    Error *err = NULL;
    char *argv[] = { (char *)"hemu", (char *)"-M", (char *)"none",
                     (char *)"-netdev", (char *)"user,id=n0,net=10.9.0.0/16",
                     (char *)"-nic", (char *)"user", NULL };
    NetDev *nd;

    g_assert_true(cli_parse(o, 5, argv, &error_abort));
    g_assert_nonnull(cli_build(o, root, &error_abort));
    nd = netdev_find(root, "n0");
    g_assert_nonnull(nd);
    g_assert_cmpstr(object_get_typename(OBJECT(nd)), ==, TYPE_NETDEV_USER);
    g_assert_true(netdev_link_is_up(nd));
    object_unref(root);

    /* -nic wants a virtio-net-device, and "none" has no transport: the
       error names -nic and the reason */
    root = object_new(TYPE_CONTAINER);
    {
        g_autoptr(CliOptions) o2 = cli_options_new();

        g_assert_true(cli_parse(o2, 7, argv, &error_abort));
        g_assert_null(cli_build(o2, root, &err));
        g_assert_nonnull(strstr(error_get_pretty(err), "-nic"));
        g_assert_nonnull(strstr(error_get_pretty(err),
                                "no free virtio-mmio transport"));
        g_clear_pointer(&err, error_free);
        /* the backend was made before the device failed */
        g_assert_nonnull(netdev_find(root, "nic0"));
    }
    object_unref(root);
    drain_main_loop();
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    type_register_static(&test_netdev_info);
    g_test_add_func("/virtio-net/config", test_config);
    g_test_add_func("/virtio-net/default-mac", test_default_mac_bump);
    g_test_add_func("/virtio-net/tx", test_tx);
    g_test_add_func("/virtio-net/rx", test_rx);
    g_test_add_func("/virtio-net/rx-backpressure", test_rx_backpressure);
    g_test_add_func("/virtio-net/options", test_options);
    g_test_add_func("/virtio-net/slirp", test_slirp_arp_and_hostfwd);
    g_test_add_func("/virtio-net/cli", test_cli);
    return g_test_run();
}
