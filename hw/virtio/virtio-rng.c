/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * virtio-rng (include/hw/virtio/virtio-rng.h): one request queue whose
 * device-writable buffers the device fills with random bytes from the
 * host's getrandom(2), synchronously on the notify.
 *
 * Each request gets min(its writable size, VIRTIO_RNG_MAX_REQUEST) bytes
 * (spec 5.4.6.1 lets the device write fewer than offered); the used
 * length says how many.  A request with readable buffers is a driver bug
 * (spec 5.4.6.1: the driver MUST NOT place device-readable buffers):
 * logged and answered with 0 bytes.  There is no configuration space.
 *
 * Spec: VIRTIO 1.2 section 5.4 (Entropy Device).
 */
#include "hw/virtio/virtio-rng.h"

#include "hw/virtio/virtio.h"
#include "util/log.h"

#include <sys/random.h>

OBJECT_DECLARE_SIMPLE_TYPE(VirtIORNG, VIRTIO_RNG)

struct VirtIORNG {
    VirtIODevice parent_obj;
};

/* Fill @len bytes of @buf from the host; false if the host fails us. */
static bool rng_fill(uint8_t *buf, size_t len)
{
    while (len) {
        ssize_t n = getrandom(buf, len, 0);

        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            log_mask(LOG_UNIMP, "virtio-rng: getrandom failed: %s\n",
                     g_strerror(errno));
            return false;
        }
        buf += n;
        len -= n;
    }
    return true;
}

/* Answer one request; returns the bytes written, or -1 on a guest error. */
static int64_t rng_serve(VirtIODevice *vdev, const VirtQueueElement *elem)
{
    size_t len = HEMU_MIN(elem->in_len, (uint64_t)VIRTIO_RNG_MAX_REQUEST);
    g_autofree uint8_t *buf = NULL;

    if (elem->out_num) {
        log_mask(LOG_GUEST_ERROR, "virtio-rng: request %u has "
                 "device-readable buffers\n", elem->head);
        return 0;
    }
    buf = g_malloc(len + 1);
    if (!rng_fill(buf, len)) {
        return 0;
    }
    return virtqueue_elem_write(vdev, elem, 0, buf, len) ? (int64_t)len : -1;
}

static void virtio_rng_handle_queue(VirtIODevice *vdev, VirtQueue *vq)
{
    VirtQueueElement *elem;

    while ((elem = virtqueue_pop(vq))) {
        int64_t n = rng_serve(vdev, elem);

        if (n >= 0) {
            virtqueue_push(vq, elem, n);
        }
        g_free(elem);
        if (n < 0) {
            return;
        }
    }
    virtqueue_notify(vq);
}

static bool virtio_rng_device_realize(VirtIODevice *vdev, Error **errp)
{
    virtio_init(vdev, 1, 0, 0);
    return true;
}

static void virtio_rng_class_init(ObjectClass *oc, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);
    VirtioDeviceClass *vc = VIRTIO_DEVICE_CLASS(oc);

    dc->desc = "virtio entropy device (host getrandom)";
    dc->category = DEVICE_CATEGORY_MISC;
    dc->user_creatable = true;
    vc->device_id = VIRTIO_ID_RNG;
    vc->device_realize = virtio_rng_device_realize;
    vc->handle_queue = virtio_rng_handle_queue;
}

static const TypeInfo virtio_rng_types[] = {
    {
        .name = TYPE_VIRTIO_RNG,
        .parent = TYPE_VIRTIO_DEVICE,
        .description = "virtio entropy device",
        .instance_size = sizeof(VirtIORNG),
        .class_init = virtio_rng_class_init,
    },
};

DEFINE_TYPES(virtio_rng_types)
