/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * virtio-net (include/hw/virtio/virtio-net.h): an Ethernet card whose
 * frames go to and come from a network backend (include/system/net.h).
 *
 * Transmit: on a notify of the transmitq (queue 1), in the vCPU thread,
 * each chain's readable bytes are a virtio_net_hdr (ignored: no offloads
 * were offered, so flags and gso_type are 0) and one frame, handed to
 * netdev_send(), which queues it for the backend in the main loop; the
 * used length is 0.
 * Receive: the netdev calls can_receive/receive from the main loop.  The
 * device takes one receiveq (queue 0) buffer and holds it until a frame
 * arrives, writes the header (zeros, num_buffers 1: no mergeable
 * buffers) and the frame, and returns it.  With no buffer it refuses and
 * the netdev queues the frame; a later notify of the receiveq (the
 * driver posted buffers) calls netdev_rx_ready() so the queue drains.
 * A reset drops the held buffer.
 *
 * Configuration (spec 5.1.4): u8 mac[6], le16 status; read-only.
 * status is VIRTIO_NET_S_LINK_UP while the netdev's link is up; a change
 * is a configuration change notification.
 *
 * Spec: VIRTIO 1.2 section 5.1 (Network Device).
 */
#include "hw/virtio/virtio-net.h"

#include "hw/boards.h"
#include "hw/virtio/virtio.h"
#include "system/net.h"
#include "util/log.h"

OBJECT_DECLARE_SIMPLE_TYPE(VirtIONet, VIRTIO_NET)

#define NET_CFG_MAC 0
#define NET_CFG_STATUS 6
#define NET_CFG_SIZE 8
/* Offset of num_buffers in struct virtio_net_hdr (spec 5.1.6). */
#define NET_HDR_NUM_BUFFERS 10

#define NET_RXQ 0
#define NET_TXQ 1

/* QEMU's first NIC address (52:54:00 is its locally administered OUI). */
static const uint8_t net_default_mac[6] = { 0x52, 0x54, 0x00, 0x12, 0x34,
                                            0x56 };

struct VirtIONet {
    VirtIODevice parent_obj;
    char *netdev_id;            /* property "netdev": id, or NULL */
    char *mac_str;              /* property "mac", or NULL: default */
    NetDev *nd;                 /* resolved at realize; NULL: none */
    uint8_t mac[6];             /* set at realize */
    VirtQueueElement *rx_elem;  /* receive buffer held for the next frame;
                                   NULL: none (vdev lock) */
};

/* ---------------------------------------------------------------------- */
/* Transmit (vCPU thread, lock held)                                      */

/* Send one transmit chain; false after a guest memory error. */
static bool net_transmit(VirtIONet *s, const VirtQueueElement *elem)
{
    VirtIODevice *vdev = VIRTIO_DEVICE(s);
    g_autofree uint8_t *frame = NULL;
    uint64_t len;

    if (elem->out_len < VIRTIO_NET_HDR_SIZE) {
        log_mask(LOG_GUEST_ERROR, "virtio-net: transmit buffer %u of %" PRIu64
                 " bytes has no room for the %d-byte header; dropped\n",
                 elem->head, elem->out_len, VIRTIO_NET_HDR_SIZE);
        return true;
    }
    len = elem->out_len - VIRTIO_NET_HDR_SIZE;
    if (len > NETDEV_MAX_FRAME) {
        log_mask(LOG_GUEST_ERROR, "virtio-net: transmitted frame of %" PRIu64
                 " bytes is over %d; dropped\n", len, NETDEV_MAX_FRAME);
        return true;
    }
    frame = g_malloc(len + 1);
    if (!virtqueue_elem_read(vdev, elem, VIRTIO_NET_HDR_SIZE, frame, len)) {
        return false;
    }
    if (s->nd) {
        netdev_send(s->nd, frame, len);
    }
    return true;
}

static void virtio_net_handle_queue(VirtIODevice *vdev, VirtQueue *vq)
{
    VirtIONet *s = VIRTIO_NET(vdev);
    VirtQueueElement *elem;

    if (virtio_queue_index(vq) == NET_RXQ) {
        if (s->nd) {
            netdev_rx_ready(s->nd);     /* new buffers: drain the queue */
        }
        return;
    }
    while ((elem = virtqueue_pop(vq))) {
        bool ok = net_transmit(s, elem);

        if (ok) {
            virtqueue_push(vq, elem, 0);
        }
        g_free(elem);
        if (!ok) {
            return;
        }
    }
    virtqueue_notify(vq);
}

/* ---------------------------------------------------------------------- */
/* Receive (main loop)                                                    */

/* Hold a usable receive buffer if the driver posted one; lock held. */
static bool net_take_rx(VirtIONet *s)
{
    VirtIODevice *vdev = VIRTIO_DEVICE(s);
    VirtQueue *vq = virtio_get_queue(vdev, NET_RXQ);

    if (!virtio_queue_ready(vq)) {
        return false;
    }
    while (!s->rx_elem && (s->rx_elem = virtqueue_pop(vq))) {
        if (s->rx_elem->in_len < VIRTIO_NET_HDR_SIZE) {
            log_mask(LOG_GUEST_ERROR, "virtio-net: receive buffer %u has %"
                     PRIu64 " device-writable bytes, less than the header\n",
                     s->rx_elem->head, s->rx_elem->in_len);
            virtqueue_push(vq, s->rx_elem, 0);
            virtqueue_notify(vq);
            g_clear_pointer(&s->rx_elem, g_free);
        }
    }
    return s->rx_elem != NULL;
}

static bool virtio_net_can_receive(void *opaque)
{
    VirtIONet *s = opaque;
    VirtIODevice *vdev = VIRTIO_DEVICE(s);
    bool ok;

    g_mutex_lock(&vdev->lock);
    ok = net_take_rx(s);
    g_mutex_unlock(&vdev->lock);
    return ok;
}

/* Write header and frame into the held buffer and return it; lock held. */
static void net_fill_rx(VirtIONet *s, const uint8_t *buf, size_t len)
{
    VirtIODevice *vdev = VIRTIO_DEVICE(s);
    VirtQueue *vq = virtio_get_queue(vdev, NET_RXQ);
    uint8_t hdr[VIRTIO_NET_HDR_SIZE] = { 0 };

    hdr[NET_HDR_NUM_BUFFERS] = 1;       /* le16 1: the frame is all here */
    if (virtqueue_elem_write(vdev, s->rx_elem, 0, hdr, sizeof(hdr)) &&
        virtqueue_elem_write(vdev, s->rx_elem, sizeof(hdr), buf, len)) {
        virtqueue_push(vq, s->rx_elem, sizeof(hdr) + len);
        virtqueue_notify(vq);
    }
    g_clear_pointer(&s->rx_elem, g_free);
}

static bool virtio_net_receive(void *opaque, const uint8_t *buf, size_t len)
{
    VirtIONet *s = opaque;
    VirtIODevice *vdev = VIRTIO_DEVICE(s);

    g_mutex_lock(&vdev->lock);
    if (!net_take_rx(s)) {
        g_mutex_unlock(&vdev->lock);
        return false;
    }
    if (VIRTIO_NET_HDR_SIZE + len > s->rx_elem->in_len) {
        /* spec 5.1.6.3.1: without mergeable buffers they must fit a frame */
        log_mask(LOG_GUEST_ERROR, "virtio-net: receive buffer %u of %" PRIu64
                 " bytes is too small for a %zu-byte frame; frame dropped\n",
                 s->rx_elem->head, s->rx_elem->in_len, len);
    } else {
        net_fill_rx(s, buf, len);
    }
    g_mutex_unlock(&vdev->lock);
    return true;
}

static void virtio_net_link_changed(void *opaque, bool up)
{
    VirtIODevice *vdev = VIRTIO_DEVICE(opaque);

    g_mutex_lock(&vdev->lock);
    virtio_config_set16(vdev, NET_CFG_STATUS, up ? VIRTIO_NET_S_LINK_UP : 0);
    virtio_config_changed(vdev);
    g_mutex_unlock(&vdev->lock);
}

static const NetDevFrontend virtio_net_frontend = {
    .can_receive = virtio_net_can_receive,
    .receive = virtio_net_receive,
    .link_changed = virtio_net_link_changed,
};

/* ---------------------------------------------------------------------- */
/* Life cycle                                                             */

static void virtio_net_reset(VirtIODevice *vdev)
{
    g_clear_pointer(&VIRTIO_NET(vdev)->rx_elem, g_free);
}

/* Parse "xx:xx:xx:xx:xx:xx" (@what names the device) into @mac. */
static bool net_parse_mac(const char *what, const char *text, uint8_t *mac,
                          Error **errp)
{
    unsigned b[6];
    char end;

    if (sscanf(text, "%2x:%2x:%2x:%2x:%2x:%2x%c", &b[0], &b[1], &b[2], &b[3],
               &b[4], &b[5], &end) != 6 || strlen(text) != 17) {
        error_setg(errp, "%s: mac '%s' is not a MAC address (accepted: six "
                   "hex bytes, e.g. 52:54:00:12:34:56)", what, text);
        return false;
    }
    if (b[0] & 1) {
        error_setg(errp, "%s: mac '%s' is a multicast address (the first "
                   "byte must be even)", what, text);
        return false;
    }
    for (int i = 0; i < 6; i++) {
        mac[i] = b[i];
    }
    return true;
}

typedef struct NicCount {
    Object *self;
    unsigned n;                 /* realized virtio-net devices but self */
} NicCount;

static int net_count_nics(Object *child, void *opaque)
{
    NicCount *c = opaque;

    if (child != c->self && object_dynamic_cast(child, TYPE_VIRTIO_NET) &&
        object_is_realized(child)) {
        c->n++;
    }
    return 0;
}

/* QEMU's default address, bumped by the NICs the machine already has. */
static void net_default_address(VirtIONet *s)
{
    NicCount c = { .self = OBJECT(s) };
    MachineState *ms = machine_of(OBJECT(s));

    object_child_foreach_recursive(OBJECT(ms), net_count_nics, &c);
    memcpy(s->mac, net_default_mac, sizeof(s->mac));
    s->mac[5] += (uint8_t)c.n;
}

static bool virtio_net_device_realize(VirtIODevice *vdev, Error **errp)
{
    VirtIONet *s = VIRTIO_NET(vdev);
    g_autofree char *what = object_describe(OBJECT(vdev));
    NetDev *nd = NULL;

    if (s->mac_str) {
        if (!net_parse_mac(what, s->mac_str, s->mac, errp)) {
            return false;
        }
    } else {
        net_default_address(s);
    }
    if (s->netdev_id) {
        nd = netdev_find(OBJECT(vdev), s->netdev_id);
        if (!nd) {
            error_setg(errp, "%s: netdev '%s' not found (define it with "
                       "-netdev user,id=%s)", what, s->netdev_id,
                       s->netdev_id);
            return false;
        }
        if (!netdev_attach(nd, OBJECT(vdev), &virtio_net_frontend, s,
                           errp)) {
            return false;
        }
        s->nd = nd;
    }
    virtio_init(vdev, 2, NET_CFG_SIZE,
                (1ull << VIRTIO_NET_F_MAC) | (1ull << VIRTIO_NET_F_STATUS));
    for (int i = 0; i < 6; i++) {
        vdev->config[NET_CFG_MAC + i] = s->mac[i];
    }
    virtio_config_set16(vdev, NET_CFG_STATUS,
                        !nd || netdev_link_is_up(nd) ? VIRTIO_NET_S_LINK_UP
                                                     : 0);
    return true;
}

static void virtio_net_device_unrealize(VirtIODevice *vdev)
{
    VirtIONet *s = VIRTIO_NET(vdev);

    if (s->nd) {
        netdev_detach(s->nd, OBJECT(vdev));
        s->nd = NULL;
    }
    g_clear_pointer(&s->rx_elem, g_free);
}

static void virtio_net_instance_finalize(Object *obj)
{
    virtio_net_device_unrealize(VIRTIO_DEVICE(obj));
}

static const PropDef virtio_net_props[] = {
    DEFINE_PROP_STRING("netdev", VirtIONet, netdev_id,
                       "id of the -netdev carrying the frames"),
    DEFINE_PROP_STRING("mac", VirtIONet, mac_str,
                       "MAC address (default 52:54:00:12:34:56, the last "
                       "byte bumped per NIC)"),
    PROP_END
};

static void virtio_net_class_init(ObjectClass *oc, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);
    VirtioDeviceClass *vc = VIRTIO_DEVICE_CLASS(oc);

    dc->desc = "virtio network card on a -netdev";
    dc->category = DEVICE_CATEGORY_NETWORK;
    dc->user_creatable = true;
    vc->device_id = VIRTIO_ID_NET;
    vc->device_realize = virtio_net_device_realize;
    vc->device_unrealize = virtio_net_device_unrealize;
    vc->handle_queue = virtio_net_handle_queue;
    vc->reset = virtio_net_reset;
    object_class_add_field_props(oc, virtio_net_props);
}

static const TypeInfo virtio_net_types[] = {
    {
        .name = TYPE_VIRTIO_NET,
        .parent = TYPE_VIRTIO_DEVICE,
        .description = "virtio network card",
        .instance_size = sizeof(VirtIONet),
        .instance_finalize = virtio_net_instance_finalize,
        .class_init = virtio_net_class_init,
    },
};

DEFINE_TYPES(virtio_net_types)
