/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * virtio-console (include/hw/virtio/virtio-console.h): a single console
 * port (no VIRTIO_CONSOLE_F_MULTIPORT) over a chardev.
 *
 * Output: on a notify of the transmitq (queue 1) every chain's readable
 * bytes go to the chardev, in the vCPU thread; the used length is 0.
 * Input: the chardev asks how much the device can take (main loop); the
 * device then takes one receiveq (queue 0) buffer and holds it, answers
 * its size, and fills and returns it when the bytes arrive, so input is
 * never dropped while the driver keeps buffers posted.  When the driver
 * had none, a later notify of the receiveq wakes the main loop to ask
 * again.  A reset drops the held buffer.
 *
 * Configuration (spec 5.3.4): le16 cols, le16 rows, le32 max_nr_ports,
 * le32 emerg_wr.  cols/rows are 0 (F_SIZE not offered) and max_nr_ports
 * 1; a write to emerg_wr (F_EMERG_WRITE) sends its low byte to the
 * chardev.
 *
 * Spec: VIRTIO 1.2 section 5.3 (Console Device).
 */
#include "hw/virtio/virtio-console.h"

#include "hw/virtio/virtio.h"
#include "system/chardev.h"
#include "util/log.h"

OBJECT_DECLARE_SIMPLE_TYPE(VirtIOConsole, VIRTIO_CONSOLE)

#define VIRTIO_CONSOLE_F_EMERG_WRITE 2

#define CON_CFG_MAX_NR_PORTS 4
#define CON_CFG_EMERG_WR 8
#define CON_CFG_SIZE 12

#define CON_RXQ 0
#define CON_TXQ 1
#define CON_CHUNK 4096

struct VirtIOConsole {
    VirtIODevice parent_obj;
    char *chardev;              /* property "chardev": id, or NULL */
    Chardev *chr;               /* resolved at realize (reference held) */
    VirtQueueElement *rx_elem;  /* receive buffer held for input; NULL:
                                   none (vdev lock) */
    bool input_stalled;         /* can_read answered 0 (vdev lock) */
};

/* ---------------------------------------------------------------------- */
/* Output                                                                 */

static void con_write(VirtIOConsole *s, const uint8_t *buf, size_t len)
{
    if (s->chr) {
        chardev_write(s->chr, buf, (int)len);
    }
}

/* Send one transmit chain; false after a guest memory error. */
static bool con_transmit(VirtIOConsole *s, const VirtQueueElement *elem)
{
    uint8_t buf[CON_CHUNK];

    for (uint64_t off = 0; off < elem->out_len; off += sizeof(buf)) {
        size_t n = HEMU_MIN(elem->out_len - off, (uint64_t)sizeof(buf));

        if (!virtqueue_elem_read(VIRTIO_DEVICE(s), elem, off, buf, n)) {
            return false;
        }
        con_write(s, buf, n);
    }
    return true;
}

static void virtio_console_handle_queue(VirtIODevice *vdev, VirtQueue *vq)
{
    VirtIOConsole *s = VIRTIO_CONSOLE(vdev);
    VirtQueueElement *elem;

    if (virtio_queue_index(vq) == CON_RXQ) {
        if (s->input_stalled) {
            /* new receive buffers: make the main loop ask again */
            s->input_stalled = false;
            g_main_context_wakeup(NULL);
        }
        return;
    }
    while ((elem = virtqueue_pop(vq))) {
        bool ok = con_transmit(s, elem);

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

static void virtio_console_config_write(VirtIODevice *vdev, uint32_t off,
                                        unsigned size, uint32_t val)
{
    uint8_t ch = val;

    if (off != CON_CFG_EMERG_WR) {
        log_mask(LOG_GUEST_ERROR, "virtio-console: write to read-only "
                 "configuration offset 0x%x\n", off);
        return;
    }
    con_write(VIRTIO_CONSOLE(vdev), &ch, 1);
}

/* ---------------------------------------------------------------------- */
/* Input (main loop)                                                      */

/* Hold a receive buffer with room, if the driver posted one. */
static void con_take_rx(VirtIOConsole *s)
{
    VirtIODevice *vdev = VIRTIO_DEVICE(s);
    VirtQueue *vq = virtio_get_queue(vdev, CON_RXQ);

    while (!s->rx_elem && (s->rx_elem = virtqueue_pop(vq))) {
        if (!s->rx_elem->in_len) {
            log_mask(LOG_GUEST_ERROR, "virtio-console: receive buffer %u "
                     "has no device-writable bytes\n", s->rx_elem->head);
            virtqueue_push(vq, s->rx_elem, 0);
            virtqueue_notify(vq);
            g_free(s->rx_elem);
            s->rx_elem = NULL;
        }
    }
}

static int virtio_console_can_read(void *opaque)
{
    VirtIOConsole *s = opaque;
    VirtIODevice *vdev = VIRTIO_DEVICE(s);
    int room;

    g_mutex_lock(&vdev->lock);
    con_take_rx(s);
    room = s->rx_elem ? (int)HEMU_MIN(s->rx_elem->in_len,
                                      (uint64_t)CON_CHUNK) : 0;
    s->input_stalled = room == 0;
    g_mutex_unlock(&vdev->lock);
    return room;
}

static void virtio_console_read(void *opaque, const uint8_t *buf, int len)
{
    VirtIOConsole *s = opaque;
    VirtIODevice *vdev = VIRTIO_DEVICE(s);
    VirtQueue *vq = virtio_get_queue(vdev, CON_RXQ);

    g_mutex_lock(&vdev->lock);
    if (!s->rx_elem || (uint64_t)len > s->rx_elem->in_len) {
        /* the device was reset since can_read: the bytes have no place */
        log_mask(LOG_GUEST_ERROR, "virtio-console: %d input bytes dropped "
                 "(no receive buffer)\n", len);
    } else if (virtqueue_elem_write(vdev, s->rx_elem, 0, buf, len)) {
        virtqueue_push(vq, s->rx_elem, len);
        virtqueue_notify(vq);
    }
    g_free(s->rx_elem);
    s->rx_elem = NULL;
    g_mutex_unlock(&vdev->lock);
}

/* ---------------------------------------------------------------------- */
/* Life cycle                                                             */

static void virtio_console_reset(VirtIODevice *vdev)
{
    VirtIOConsole *s = VIRTIO_CONSOLE(vdev);

    g_free(s->rx_elem);
    s->rx_elem = NULL;
    s->input_stalled = false;
}

static bool virtio_console_device_realize(VirtIODevice *vdev, Error **errp)
{
    VirtIOConsole *s = VIRTIO_CONSOLE(vdev);

    if (s->chardev) {
        g_autofree char *what = object_describe(OBJECT(vdev));
        Chardev *chr = chardev_find(object_get_root(OBJECT(vdev)),
                                    s->chardev);

        if (!chr) {
            error_setg(errp, "%s: chardev '%s' not found (define it with "
                       "-chardev BACKEND,id=%s)", what, s->chardev,
                       s->chardev);
            return false;
        }
        s->chr = chr;
        object_ref(OBJECT(chr));
        chardev_set_handlers(chr, virtio_console_can_read,
                             virtio_console_read, NULL, s);
    }
    virtio_init(vdev, 2, CON_CFG_SIZE, 1ull << VIRTIO_CONSOLE_F_EMERG_WRITE);
    virtio_config_set32(vdev, CON_CFG_MAX_NR_PORTS, 1);
    return true;
}

static void virtio_console_device_unrealize(VirtIODevice *vdev)
{
    VirtIOConsole *s = VIRTIO_CONSOLE(vdev);

    if (s->chr) {
        chardev_set_handlers(s->chr, NULL, NULL, NULL, NULL);
        object_unref(OBJECT(s->chr));
        s->chr = NULL;
    }
    g_free(s->rx_elem);
    s->rx_elem = NULL;
}

static void virtio_console_instance_finalize(Object *obj)
{
    virtio_console_device_unrealize(VIRTIO_DEVICE(obj));
}

static const PropDef virtio_console_props[] = {
    DEFINE_PROP_STRING("chardev", VirtIOConsole, chardev,
                       "id of the -chardev carrying the console"),
    PROP_END
};

static void virtio_console_class_init(ObjectClass *oc, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);
    VirtioDeviceClass *vc = VIRTIO_DEVICE_CLASS(oc);

    dc->desc = "virtio console (one port, hvc0) on a chardev";
    dc->category = DEVICE_CATEGORY_CHAR;
    dc->user_creatable = true;
    vc->device_id = VIRTIO_ID_CONSOLE;
    vc->device_realize = virtio_console_device_realize;
    vc->device_unrealize = virtio_console_device_unrealize;
    vc->handle_queue = virtio_console_handle_queue;
    vc->reset = virtio_console_reset;
    vc->config_write = virtio_console_config_write;
    object_class_add_field_props(oc, virtio_console_props);
}

static const TypeInfo virtio_console_types[] = {
    {
        .name = TYPE_VIRTIO_CONSOLE,
        .parent = TYPE_VIRTIO_DEVICE,
        .description = "virtio console",
        .instance_size = sizeof(VirtIOConsole),
        .instance_finalize = virtio_console_instance_finalize,
        .class_init = virtio_console_class_init,
    },
};

DEFINE_TYPES(virtio_console_types)
