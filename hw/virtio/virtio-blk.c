/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * virtio-blk (include/hw/virtio/virtio-blk.h): a disk over a raw block
 * backend, one request queue.
 *
 * A request is a chain: a 16-byte header { le32 type; le32 reserved;
 * le64 sector } (device-readable), data (readable for OUT, writable for
 * IN and GET_ID), and a final device-writable status byte (spec 5.2.6).
 * Requests are served synchronously on the notify, in the vCPU thread
 * (pread/pwrite on the image through a bounce buffer of at most
 * BLK_BOUNCE bytes), so the used ring is filled in request order.
 * Sectors are 512 bytes whatever the block size; a request past the end
 * of the disk or not a whole number of sectors fails with IOERR, a write
 * to a read-only disk with IOERR, an unknown type with UNSUPP.  A chain
 * without room for the header or the status byte is a driver bug:
 * virtio_error().  The used length is the whole device-writable part
 * (the status byte ends it).
 *
 * Spec: VIRTIO 1.2 section 5.2 (Block Device).
 */
#include "hw/virtio/virtio-blk.h"

#include "hw/virtio/virtio.h"
#include "system/block.h"
#include "util/log.h"

OBJECT_DECLARE_SIMPLE_TYPE(VirtIOBlock, VIRTIO_BLK)

/* Feature bits (spec 5.2.3). */
#define VIRTIO_BLK_F_SEG_MAX 2
#define VIRTIO_BLK_F_RO 5
#define VIRTIO_BLK_F_BLK_SIZE 6
#define VIRTIO_BLK_F_FLUSH 9

/* Request types and status values (spec 5.2.6). */
#define VIRTIO_BLK_T_IN 0
#define VIRTIO_BLK_T_OUT 1
#define VIRTIO_BLK_T_FLUSH 4
#define VIRTIO_BLK_T_GET_ID 8
#define VIRTIO_BLK_S_OK 0
#define VIRTIO_BLK_S_IOERR 1
#define VIRTIO_BLK_S_UNSUPP 2

/* Configuration layout (spec 5.2.4), offsets in bytes. */
#define BLK_CFG_CAPACITY 0      /* le64, 512-byte sectors */
#define BLK_CFG_SEG_MAX 12      /* le32 */
#define BLK_CFG_BLK_SIZE 20     /* le32 */
#define BLK_CFG_NUM_QUEUES 34   /* le16 */
#define BLK_CFG_SIZE 36         /* up to and including num_queues */

#define BLK_SECTOR 512
#define BLK_HDR_SIZE 16
#define BLK_ID_BYTES 20
#define BLK_BOUNCE (64 * 1024)

struct VirtIOBlock {
    VirtIODevice parent_obj;
    char *drive;                /* property "drive": backend id */
    char *serial;               /* property "serial": GET_ID answer */
    BlockBackend *blk;          /* attached at realize; NULL before */
    uint64_t sectors;           /* capacity in 512-byte sectors */
};

/* ---------------------------------------------------------------------- */
/* Requests                                                               */

/* Is [sector, sector + len) on the disk, len a whole number of sectors? */
static bool vblk_range_ok(VirtIOBlock *s, uint64_t sector, uint64_t len)
{
    if (len % BLK_SECTOR) {
        log_mask(LOG_GUEST_ERROR, "virtio-blk: request of %" PRIu64 " bytes "
                 "is not a whole number of sectors\n", len);
        return false;
    }
    if (sector > s->sectors || len / BLK_SECTOR > s->sectors - sector) {
        log_mask(LOG_GUEST_ERROR, "virtio-blk: request at sector %" PRIu64
                 " (+%" PRIu64 " bytes) is past the end (%" PRIu64 ")\n",
                 sector, len, s->sectors);
        return false;
    }
    return true;
}

/*
 * Move @len bytes between the disk at byte @pos and @elem's data (from
 * @off of its readable part for writes, writable part for reads).
 * Returns a VIRTIO_BLK_S_* status, or -1 after a guest memory error.
 */
static int vblk_transfer(VirtIOBlock *s, const VirtQueueElement *elem,
                        uint64_t pos, uint64_t off, uint64_t len,
                        bool is_write)
{
    VirtIODevice *vdev = VIRTIO_DEVICE(s);
    g_autofree uint8_t *buf = g_malloc(HEMU_MIN(len, BLK_BOUNCE) + 1);

    while (len) {
        size_t chunk = HEMU_MIN(len, BLK_BOUNCE);
        int ret;

        if (is_write) {
            if (!virtqueue_elem_read(vdev, elem, off, buf, chunk)) {
                return -1;
            }
            ret = blk_pwrite(s->blk, pos, buf, chunk);
        } else {
            ret = blk_pread(s->blk, pos, buf, chunk);
            if (!ret && !virtqueue_elem_write(vdev, elem, off, buf, chunk)) {
                return -1;
            }
        }
        if (ret < 0) {
            log_mask(LOG_GUEST_ERROR, "virtio-blk: %s of drive '%s' at byte "
                     "%" PRIu64 " failed: %s\n", is_write ? "write" : "read",
                     blk_get_id(s->blk), pos, g_strerror(-ret));
            return VIRTIO_BLK_S_IOERR;
        }
        pos += chunk;
        off += chunk;
        len -= chunk;
    }
    return VIRTIO_BLK_S_OK;
}

/* VIRTIO_BLK_T_GET_ID: the serial, NUL-padded, into the data part. */
static int vblk_get_id(VirtIOBlock *s, const VirtQueueElement *elem,
                      uint64_t room)
{
    uint8_t id[BLK_ID_BYTES] = { 0 };

    if (s->serial) {
        memcpy(id, s->serial, strnlen(s->serial, BLK_ID_BYTES));
    }
    return virtqueue_elem_write(VIRTIO_DEVICE(s), elem, 0, id,
                                HEMU_MIN(room, (uint64_t)BLK_ID_BYTES))
           ? VIRTIO_BLK_S_OK : -1;
}

/* Serve one request; false after a guest error (nothing to push). */
static bool vblk_handle_request(VirtIOBlock *s, const VirtQueueElement *elem)
{
    VirtIODevice *vdev = VIRTIO_DEVICE(s);
    uint8_t hdr[BLK_HDR_SIZE], st;
    uint32_t type;
    uint64_t sector = 0, data_in;
    int status;

    if (elem->out_len < BLK_HDR_SIZE || elem->in_len < 1) {
        virtio_error(vdev, "request %u has %" PRIu64 " readable and %"
                     PRIu64 " writable bytes (needs a 16-byte header and a "
                     "status byte)", elem->head, elem->out_len,
                     elem->in_len);
        return false;
    }
    if (!virtqueue_elem_read(vdev, elem, 0, hdr, sizeof(hdr))) {
        return false;
    }
    type = hdr[0] | hdr[1] << 8 | hdr[2] << 16 | (uint32_t)hdr[3] << 24;
    for (int k = 15; k >= 8; k--) {
        sector = (sector << 8) | hdr[k];
    }
    data_in = elem->in_len - 1;
    switch (type) {
    case VIRTIO_BLK_T_IN:
        status = !vblk_range_ok(s, sector, data_in) ? VIRTIO_BLK_S_IOERR
                 : vblk_transfer(s, elem, sector * BLK_SECTOR, 0, data_in,
                                false);
        break;
    case VIRTIO_BLK_T_OUT:
        if (blk_is_read_only(s->blk)) {
            log_mask(LOG_GUEST_ERROR, "virtio-blk: write to read-only drive "
                     "'%s'\n", blk_get_id(s->blk));
            status = VIRTIO_BLK_S_IOERR;
            break;
        }
        status = !vblk_range_ok(s, sector, elem->out_len - BLK_HDR_SIZE)
                 ? VIRTIO_BLK_S_IOERR
                 : vblk_transfer(s, elem, sector * BLK_SECTOR, BLK_HDR_SIZE,
                                elem->out_len - BLK_HDR_SIZE, true);
        break;
    case VIRTIO_BLK_T_FLUSH:
        status = blk_flush(s->blk) ? VIRTIO_BLK_S_IOERR : VIRTIO_BLK_S_OK;
        break;
    case VIRTIO_BLK_T_GET_ID:
        status = vblk_get_id(s, elem, data_in);
        break;
    default:
        log_mask(LOG_UNIMP, "virtio-blk: request type %u is not "
                 "supported\n", type);
        status = VIRTIO_BLK_S_UNSUPP;
        break;
    }
    if (status < 0) {
        return false;
    }
    st = status;
    return virtqueue_elem_write(vdev, elem, data_in, &st, 1);
}

static void virtio_blk_handle_queue(VirtIODevice *vdev, VirtQueue *vq)
{
    VirtIOBlock *s = VIRTIO_BLK(vdev);
    VirtQueueElement *elem;

    while ((elem = virtqueue_pop(vq))) {
        bool ok = vblk_handle_request(s, elem);

        if (ok) {
            virtqueue_push(vq, elem, elem->in_len);
        }
        g_free(elem);
        if (!ok) {
            return;
        }
    }
    virtqueue_notify(vq);
}

/* ---------------------------------------------------------------------- */
/* Life cycle                                                             */

static bool virtio_blk_device_realize(VirtIODevice *vdev, Error **errp)
{
    VirtIOBlock *s = VIRTIO_BLK(vdev);
    g_autofree char *what = object_describe(OBJECT(vdev));
    BlockBackend *blk;
    uint64_t features;

    if (!s->drive || !*s->drive) {
        error_setg(errp, "%s: property 'drive' is not set (the id of a "
                   "-drive if=none or the node-name of a -blockdev)", what);
        return false;
    }
    if (s->serial && strlen(s->serial) > BLK_ID_BYTES) {
        error_setg(errp, "%s: serial '%s' is longer than %d bytes", what,
                   s->serial, BLK_ID_BYTES);
        return false;
    }
    blk = blk_find(OBJECT(vdev), s->drive);
    if (!blk) {
        error_setg(errp, "%s: drive '%s' not found (define it with -drive "
                   "if=none,id=%s,file=F or -blockdev driver=file,"
                   "node-name=%s,filename=F)", what, s->drive, s->drive,
                   s->drive);
        return false;
    }
    if (!blk_attach_dev(blk, OBJECT(vdev), errp)) {
        return false;
    }
    s->blk = blk;
    s->sectors = blk_get_length(blk) / BLK_SECTOR;
    features = (1ull << VIRTIO_BLK_F_SEG_MAX) |
               (1ull << VIRTIO_BLK_F_BLK_SIZE) | (1ull << VIRTIO_BLK_F_FLUSH);
    if (blk_is_read_only(blk)) {
        features |= 1ull << VIRTIO_BLK_F_RO;
    }
    virtio_init(vdev, 1, BLK_CFG_SIZE, features);
    virtio_config_set64(vdev, BLK_CFG_CAPACITY, s->sectors);
    /* a chain is the header, the data segments and the status byte */
    virtio_config_set32(vdev, BLK_CFG_SEG_MAX, VIRTIO_QUEUE_MAX_SIZE - 2);
    virtio_config_set32(vdev, BLK_CFG_BLK_SIZE, BLK_SECTOR);
    virtio_config_set16(vdev, BLK_CFG_NUM_QUEUES, 1);
    return true;
}

static void virtio_blk_device_unrealize(VirtIODevice *vdev)
{
    VirtIOBlock *s = VIRTIO_BLK(vdev);

    if (s->blk) {
        blk_detach_dev(s->blk, OBJECT(vdev));
        s->blk = NULL;
    }
}

static void virtio_blk_instance_finalize(Object *obj)
{
    virtio_blk_device_unrealize(VIRTIO_DEVICE(obj));
}

static const PropDef virtio_blk_props[] = {
    DEFINE_PROP_STRING("drive", VirtIOBlock, drive,
                       "id of the block backend (-drive id / -blockdev "
                       "node-name)"),
    DEFINE_PROP_STRING("serial", VirtIOBlock, serial,
                       "disk serial returned by GET_ID (at most 20 bytes)"),
    PROP_END
};

static void virtio_blk_class_init(ObjectClass *oc, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);
    VirtioDeviceClass *vc = VIRTIO_DEVICE_CLASS(oc);

    dc->desc = "virtio block device (raw image from -drive/-blockdev)";
    dc->category = DEVICE_CATEGORY_STORAGE;
    dc->user_creatable = true;
    vc->device_id = VIRTIO_ID_BLOCK;
    vc->device_realize = virtio_blk_device_realize;
    vc->device_unrealize = virtio_blk_device_unrealize;
    vc->handle_queue = virtio_blk_handle_queue;
    object_class_add_field_props(oc, virtio_blk_props);
}

static const TypeInfo virtio_blk_types[] = {
    {
        .name = TYPE_VIRTIO_BLK,
        .parent = TYPE_VIRTIO_DEVICE,
        .description = "virtio block device",
        .instance_size = sizeof(VirtIOBlock),
        .instance_finalize = virtio_blk_instance_finalize,
        .class_init = virtio_blk_class_init,
    },
};

DEFINE_TYPES(virtio_blk_types)
