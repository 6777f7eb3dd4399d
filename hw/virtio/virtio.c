/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The virtio device core (include/hw/virtio/virtio.h): the abstract
 * "virtio-device" type, its life cycle (realize: set up, make the DMA
 * address space, plug into a transport), device status and feature
 * negotiation, the configuration space and guest-error handling.  The
 * split virtqueue itself is in virtqueue.c.
 *
 * Invariants: vdev->lock is held for every change of device state; the
 * interrupt line always equals (isr != 0) after a change; once broken the
 * device serves nothing until a reset (status 0 or machine reset).
 *
 * Spec: VIRTIO 1.2 sections 2.1 (status), 2.2 (features), 2.5
 * (configuration space), 3.1 (driver initialization).
 */
#include "hw/virtio/virtio.h"

#include "hw/boards.h"
#include "internal.h"
#include "util/log.h"

/* Reserved features every hemu virtio device offers (spec 6). */
#define VIRTIO_TRANSPORT_FEATURES                                            \
    ((1ull << VIRTIO_F_VERSION_1) | (1ull << VIRTIO_F_INDIRECT_DESC) |      \
     (1ull << VIRTIO_F_EVENT_IDX))

/* ---------------------------------------------------------------------- */
/* Accessors                                                              */

void virtio_init(VirtIODevice *vdev, unsigned num_queues,
                 uint32_t config_len, uint64_t features)
{
    assert(!vdev->vqs);
    vdev->num_queues = num_queues;
    vdev->vqs = g_new0(VirtQueue, num_queues);
    for (unsigned i = 0; i < num_queues; i++) {
        vdev->vqs[i].vdev = vdev;
        vdev->vqs[i].index = i;
        virtqueue_reset(&vdev->vqs[i]);
    }
    vdev->config_len = config_len;
    vdev->config = g_malloc0(config_len ? config_len : 1);
    vdev->host_features = features | VIRTIO_TRANSPORT_FEATURES;
}

VirtQueue *virtio_get_queue(VirtIODevice *vdev, unsigned n)
{
    assert(n < vdev->num_queues);
    return &vdev->vqs[n];
}

unsigned virtio_queue_index(VirtQueue *vq)
{
    return vq->index;
}

bool virtio_has_feature(VirtIODevice *vdev, unsigned bit)
{
    return (vdev->guest_features >> bit) & 1;
}

bool virtio_queue_ready(VirtQueue *vq)
{
    VirtIODevice *vdev = vq->vdev;

    return vq->ready && (vdev->status & VIRTIO_STATUS_DRIVER_OK) &&
           !vdev->broken;
}

bool virtio_is_broken(VirtIODevice *vdev)
{
    return vdev->broken;
}

/* ---------------------------------------------------------------------- */
/* Interrupts and errors                                                  */

void virtio_update_irq(VirtIODevice *vdev)
{
    if (vdev->transport) {
        virtio_mmio_set_irq(vdev->transport, vdev->isr != 0);
    }
}

void virtio_ack_interrupt(VirtIODevice *vdev, uint32_t bits)
{
    vdev->isr &= ~bits;
    virtio_update_irq(vdev);
}

void virtio_config_changed(VirtIODevice *vdev)
{
    vdev->generation++;
    if (vdev->status & VIRTIO_STATUS_DRIVER_OK) {
        vdev->isr |= VIRTIO_ISR_CONFIG;
        virtio_update_irq(vdev);
    }
}

void virtio_error(VirtIODevice *vdev, const char *fmt, ...)
{
    g_autofree char *what = object_describe(OBJECT(vdev));
    g_autofree char *msg = NULL;
    va_list ap;

    va_start(ap, fmt);
    msg = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    log_mask(LOG_GUEST_ERROR, "%s: %s; device needs a reset\n", what, msg);
    if (vdev->broken) {
        return;
    }
    vdev->broken = true;
    vdev->status |= VIRTIO_STATUS_NEEDS_RESET;
    if (vdev->status & VIRTIO_STATUS_DRIVER_OK) {
        vdev->isr |= VIRTIO_ISR_CONFIG;
        virtio_update_irq(vdev);
    }
}

/* ---------------------------------------------------------------------- */
/* Status and features                                                    */

void virtio_reset(VirtIODevice *vdev)
{
    VirtioDeviceClass *vc = VIRTIO_DEVICE_GET_CLASS(vdev);

    vdev->status = 0;
    vdev->guest_features = 0;
    vdev->isr = 0;
    vdev->broken = false;
    for (unsigned i = 0; i < vdev->num_queues; i++) {
        virtqueue_reset(&vdev->vqs[i]);
    }
    if (vc->reset) {
        vc->reset(vdev);
    }
    virtio_update_irq(vdev);
}

void virtio_set_driver_features(VirtIODevice *vdev, uint32_t sel,
                                uint32_t word)
{
    if (vdev->status & VIRTIO_STATUS_FEATURES_OK) {
        log_mask(LOG_GUEST_ERROR, "virtio: DriverFeatures written after "
                 "FEATURES_OK; ignored\n");
        return;
    }
    if (sel > 1) {
        if (word) {
            log_mask(LOG_GUEST_ERROR, "virtio: driver accepts features "
                     "0x%x in word %u, which offers none; ignored\n", word,
                     sel);
        }
        return;
    }
    vdev->guest_features &= ~(0xffffffffull << (32 * sel));
    vdev->guest_features |= (uint64_t)word << (32 * sel);
}

/* FEATURES_OK is kept only for a subset of ours that has VERSION_1. */
static bool virtio_features_acceptable(VirtIODevice *vdev)
{
    uint64_t extra = vdev->guest_features & ~vdev->host_features;

    if (extra) {
        log_mask(LOG_GUEST_ERROR, "virtio: driver accepts features 0x%"
                 PRIx64 " the device did not offer; FEATURES_OK refused\n",
                 extra);
        return false;
    }
    if (!virtio_has_feature(vdev, VIRTIO_F_VERSION_1)) {
        log_mask(LOG_GUEST_ERROR, "virtio: driver did not accept "
                 "VIRTIO_F_VERSION_1 (legacy drivers are not supported); "
                 "FEATURES_OK refused\n");
        return false;
    }
    return true;
}

void virtio_set_status(VirtIODevice *vdev, uint8_t val)
{
    VirtioDeviceClass *vc = VIRTIO_DEVICE_GET_CLASS(vdev);
    uint8_t old = vdev->status;

    if (val == 0) {
        virtio_reset(vdev);
        return;
    }
    if ((old & ~val) & ~VIRTIO_STATUS_NEEDS_RESET) {
        log_mask(LOG_GUEST_ERROR, "virtio: driver cleared status bits "
                 "(0x%x -> 0x%x) without a reset\n", old, val);
    }
    val = (val & ~VIRTIO_STATUS_NEEDS_RESET) |
          (old & VIRTIO_STATUS_NEEDS_RESET);
    if ((val & VIRTIO_STATUS_FEATURES_OK) &&
        !(old & VIRTIO_STATUS_FEATURES_OK) &&
        !virtio_features_acceptable(vdev)) {
        val &= ~VIRTIO_STATUS_FEATURES_OK;
    }
    if ((val & VIRTIO_STATUS_DRIVER_OK) &&
        !(val & VIRTIO_STATUS_FEATURES_OK)) {
        log_mask(LOG_GUEST_ERROR, "virtio: DRIVER_OK without FEATURES_OK "
                 "(status 0x%x)\n", val);
    }
    vdev->status = val;
    if ((val & VIRTIO_STATUS_DRIVER_OK) &&
        !(old & VIRTIO_STATUS_DRIVER_OK) && vc->handle_queue) {
        /* buffers made available before DRIVER_OK are served now */
        for (unsigned i = 0; i < vdev->num_queues; i++) {
            if (virtio_queue_ready(&vdev->vqs[i])) {
                vc->handle_queue(vdev, &vdev->vqs[i]);
            }
        }
    }
}

void virtio_queue_kick(VirtIODevice *vdev, uint32_t n)
{
    VirtioDeviceClass *vc = VIRTIO_DEVICE_GET_CLASS(vdev);

    if (n >= vdev->num_queues) {
        log_mask(LOG_GUEST_ERROR, "virtio: QueueNotify for queue %u, the "
                 "device has %u\n", n, vdev->num_queues);
        return;
    }
    if (virtio_queue_ready(&vdev->vqs[n]) && vc->handle_queue) {
        vc->handle_queue(vdev, &vdev->vqs[n]);
    }
}

/* ---------------------------------------------------------------------- */
/* Configuration space                                                    */

static bool virtio_config_in_range(VirtIODevice *vdev, uint32_t off,
                                   unsigned size, const char *dir)
{
    if (size != 1 && size != 2 && size != 4) {
        log_mask(LOG_GUEST_ERROR, "virtio: %u-byte configuration %s at "
                 "0x%x (accepted: 1, 2 or 4 bytes)\n", size, dir, off);
        return false;
    }
    if (off + size > vdev->config_len) {
        log_mask(LOG_GUEST_ERROR, "virtio: configuration %s at 0x%x+%u past "
                 "its %u bytes\n", dir, off, size, vdev->config_len);
        return false;
    }
    return true;
}

uint32_t virtio_config_read(VirtIODevice *vdev, uint32_t off, unsigned size)
{
    uint32_t val = 0;

    if (!virtio_config_in_range(vdev, off, size, "read")) {
        return 0;
    }
    for (unsigned i = 0; i < size; i++) {
        val |= (uint32_t)vdev->config[off + i] << (8 * i);
    }
    return val;
}

void virtio_config_write(VirtIODevice *vdev, uint32_t off, unsigned size,
                         uint32_t val)
{
    VirtioDeviceClass *vc = VIRTIO_DEVICE_GET_CLASS(vdev);

    if (!virtio_config_in_range(vdev, off, size, "write")) {
        return;
    }
    if (!vc->config_write) {
        log_mask(LOG_GUEST_ERROR, "virtio: write of 0x%x to read-only "
                 "configuration offset 0x%x; ignored\n", val, off);
        return;
    }
    vc->config_write(vdev, off, size, val);
}

static void virtio_config_set(VirtIODevice *vdev, uint32_t off,
                              uint64_t val, unsigned size)
{
    assert(off + size <= vdev->config_len);
    for (unsigned i = 0; i < size; i++) {
        vdev->config[off + i] = (uint8_t)(val >> (8 * i));
    }
}

void virtio_config_set16(VirtIODevice *vdev, uint32_t off, uint16_t val)
{
    virtio_config_set(vdev, off, val, 2);
}

void virtio_config_set32(VirtIODevice *vdev, uint32_t off, uint32_t val)
{
    virtio_config_set(vdev, off, val, 4);
}

void virtio_config_set64(VirtIODevice *vdev, uint32_t off, uint64_t val)
{
    virtio_config_set(vdev, off, val, 8);
}

/* ---------------------------------------------------------------------- */
/* Life cycle                                                             */

static bool virtio_device_realize(Object *obj, Error **errp)
{
    VirtIODevice *vdev = VIRTIO_DEVICE(obj);
    VirtioDeviceClass *vc = VIRTIO_DEVICE_GET_CLASS(obj);
    MachineState *ms = machine_of(obj);
    DeviceState *transport;
    g_autofree char *what = object_describe(obj);
    g_autofree char *as_name = NULL;

    if (DEVICE_GET_CLASS(obj)->parent_realize &&
        !DEVICE_GET_CLASS(obj)->parent_realize(obj, errp)) {
        return false;
    }
    if (!ms) {
        error_setg(errp, "%s: a virtio device must be inside a machine (it "
                   "reaches guest memory through the machine's memory map)",
                   what);
        return false;
    }
    if (vc->device_realize && !vc->device_realize(vdev, errp)) {
        return false;
    }
    assert(vdev->vqs);
    transport = virtio_mmio_find_transport(vdev, vdev->transport_path, errp);
    if (!transport) {
        if (vc->device_unrealize) {
            vc->device_unrealize(vdev);
        }
        g_clear_pointer(&vdev->vqs, g_free);
        g_clear_pointer(&vdev->config, g_free);
        vdev->num_queues = 0;
        return false;
    }
    as_name = g_strdup_printf("%s-dma", object_get_name(obj));
    address_space_init(&vdev->dma_as, &ms->sysmem, as_name);
    vdev->dma_as_live = true;
    virtio_mmio_plug(transport, vdev);
    return true;
}

/* Unplug and drop the DMA address space (unrealize and finalize). */
static void virtio_device_teardown(VirtIODevice *vdev)
{
    if (vdev->transport) {
        virtio_mmio_unplug(vdev->transport);
    }
    if (vdev->dma_as_live) {
        address_space_destroy(&vdev->dma_as);
        vdev->dma_as_live = false;
    }
}

static void virtio_device_unrealize(Object *obj)
{
    VirtIODevice *vdev = VIRTIO_DEVICE(obj);
    VirtioDeviceClass *vc = VIRTIO_DEVICE_GET_CLASS(obj);

    virtio_device_teardown(vdev);
    if (vc->device_unrealize) {
        vc->device_unrealize(vdev);
    }
}

static void virtio_device_reset_enter(Object *obj, ResetType type)
{
    VirtIODevice *vdev = VIRTIO_DEVICE(obj);

    if (!vdev->vqs) {
        return;                 /* not realized */
    }
    g_mutex_lock(&vdev->lock);
    virtio_reset(vdev);
    g_mutex_unlock(&vdev->lock);
}

static void virtio_device_instance_init(Object *obj)
{
    g_mutex_init(&VIRTIO_DEVICE(obj)->lock);
}

static void virtio_device_instance_finalize(Object *obj)
{
    VirtIODevice *vdev = VIRTIO_DEVICE(obj);

    /* subclasses undid their own realize in their finalize */
    virtio_device_teardown(vdev);
    g_free(vdev->vqs);
    g_free(vdev->config);
    g_mutex_clear(&vdev->lock);
}

static const PropDef virtio_device_props[] = {
    DEFINE_PROP_STRING("transport", VirtIODevice, transport_path,
                       "QOM path of the virtio-mmio transport to plug into "
                       "(default: the machine's last free one)"),
    PROP_END
};

static void virtio_device_class_init(ObjectClass *oc, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);

    dc->parent_realize = oc->realize;
    dc->reset_enter = virtio_device_reset_enter;
    oc->realize = virtio_device_realize;
    oc->unrealize = virtio_device_unrealize;
    object_class_add_field_props(oc, virtio_device_props);
}

static const TypeInfo virtio_device_types[] = {
    {
        .name = TYPE_VIRTIO_DEVICE,
        .parent = TYPE_DEVICE,
        .description = "a virtio device (plugs into a virtio-mmio transport)",
        .instance_size = sizeof(VirtIODevice),
        .instance_init = virtio_device_instance_init,
        .instance_finalize = virtio_device_instance_finalize,
        .abstract = true,
        .class_size = sizeof(VirtioDeviceClass),
        .class_init = virtio_device_class_init,
    },
};

DEFINE_TYPES(virtio_device_types)
