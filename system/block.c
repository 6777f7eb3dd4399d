/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Block backends (include/system/block.h): raw images over a host file,
 * and the parsing of -drive and -blockdev.
 *
 * Invariants: a realized backend has an open fd (O_RDONLY when read-only,
 * else O_RDWR) and a length fixed at open; pread/pwrite never change the
 * fd, so I/O needs no lock.  Only raw images exist: format=raw (or none)
 * is accepted, anything else is refused with the list of what is.
 * User documentation: docs/user/virtio.md.
 */
#include "system/block.h"

#include "util/cutils.h"
#include "util/keyval.h"

#include <fcntl.h>
#include <sys/stat.h>

struct BlockBackend {
    Object parent_obj;
    char *filename;             /* property "filename"; required */
    bool read_only;             /* property "read-only" */
    int fd;                     /* -1 until realized */
    uint64_t length;            /* bytes; set at realize */
    Object *dev;                /* the disk model using it, or NULL; set
                                   and cleared at configuration time */
};

/* ---------------------------------------------------------------------- */
/* I/O                                                                    */

uint64_t blk_get_length(BlockBackend *blk)
{
    return blk->length;
}

bool blk_is_read_only(BlockBackend *blk)
{
    return blk->read_only;
}

const char *blk_get_id(BlockBackend *blk)
{
    return object_get_name(OBJECT(blk));
}

int blk_pread(BlockBackend *blk, uint64_t offset, void *buf, size_t len)
{
    uint8_t *p = buf;

    while (len) {
        ssize_t n = pread(blk->fd, p, len, (off_t)offset);

        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            return -errno;
        }
        if (n == 0) {
            memset(p, 0, len);  /* past the end of the file */
            return 0;
        }
        p += n;
        offset += n;
        len -= n;
    }
    return 0;
}

int blk_pwrite(BlockBackend *blk, uint64_t offset, const void *buf,
               size_t len)
{
    const uint8_t *p = buf;

    if (blk->read_only) {
        return -EROFS;
    }
    while (len) {
        ssize_t n = pwrite(blk->fd, p, len, (off_t)offset);

        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            return -errno;
        }
        p += n;
        offset += n;
        len -= n;
    }
    return 0;
}

int blk_flush(BlockBackend *blk)
{
    if (blk->read_only) {
        return 0;
    }
    while (fdatasync(blk->fd) < 0) {
        if (errno != EINTR) {
            return -errno;
        }
    }
    return 0;
}

bool blk_attach_dev(BlockBackend *blk, Object *dev, Error **errp)
{
    if (blk->dev) {
        g_autofree char *other = object_describe(blk->dev);
        g_autofree char *me = object_describe(dev);

        error_setg(errp, "%s: drive '%s' is already used by %s", me,
                   blk_get_id(blk), other);
        return false;
    }
    blk->dev = dev;
    object_ref(OBJECT(blk));
    return true;
}

void blk_detach_dev(BlockBackend *blk, Object *dev)
{
    assert(blk->dev == dev);
    blk->dev = NULL;
    object_unref(OBJECT(blk));
}

/* ---------------------------------------------------------------------- */
/* Life cycle                                                             */

static bool blk_realize(Object *obj, Error **errp)
{
    BlockBackend *blk = BLOCK_BACKEND(obj);
    g_autofree char *what = object_describe(obj);
    struct stat st;
    off_t end;
    int fd;

    if (!blk->filename || !*blk->filename) {
        error_setg(errp, "%s: property 'filename' is not set (the image "
                   "file)", what);
        return false;
    }
    fd = open(blk->filename, (blk->read_only ? O_RDONLY : O_RDWR) |
              O_CLOEXEC);
    if (fd < 0) {
        int err = errno;

        error_setg_errno(errp, err, "%s: cannot open image '%s'%s", what,
                         blk->filename,
                         !blk->read_only && (err == EACCES || err == EROFS)
                         ? " for writing (read-only=on opens it read-only)"
                         : "");
        return false;
    }
    if (fstat(fd, &st) < 0 || (!S_ISREG(st.st_mode) &&
                               !S_ISBLK(st.st_mode))) {
        error_setg(errp, "%s: image '%s' is not a regular file or block "
                   "device", what, blk->filename);
        close(fd);
        return false;
    }
    end = lseek(fd, 0, SEEK_END);
    if (end < 0) {
        error_setg_errno(errp, errno, "%s: cannot size image '%s'", what,
                         blk->filename);
        close(fd);
        return false;
    }
    blk->fd = fd;
    blk->length = (uint64_t)end;
    return true;
}

static void blk_unrealize(Object *obj)
{
    BlockBackend *blk = BLOCK_BACKEND(obj);

    if (blk->fd >= 0) {
        close(blk->fd);
        blk->fd = -1;
    }
}

static void blk_instance_init(Object *obj)
{
    BLOCK_BACKEND(obj)->fd = -1;
}

static void blk_instance_finalize(Object *obj)
{
    blk_unrealize(obj);
}

static const PropDef blk_props[] = {
    DEFINE_PROP_STRING("filename", BlockBackend, filename,
                       "the raw image file"),
    DEFINE_PROP_BOOL("read-only", BlockBackend, read_only, false,
                     "open the image read-only and refuse writes"),
    PROP_END
};

static void blk_class_init(ObjectClass *oc, const void *data)
{
    oc->realize = blk_realize;
    oc->unrealize = blk_unrealize;
    object_class_add_field_props(oc, blk_props);
}

static const TypeInfo blk_types[] = {
    {
        .name = TYPE_BLOCK_BACKEND,
        .parent = TYPE_OBJECT,
        .description = "raw disk image (a -drive or -blockdev)",
        .instance_size = sizeof(BlockBackend),
        .instance_init = blk_instance_init,
        .instance_finalize = blk_instance_finalize,
        .class_init = blk_class_init,
    },
};

DEFINE_TYPES(blk_types)

BlockBackend *blk_find(Object *root, const char *id)
{
    Object *folder = object_get_child(object_get_root(root),
                                      BLOCK_BACKEND_FOLDER);
    Object *obj = folder ? object_get_child(folder, id) : NULL;

    return obj && object_dynamic_cast(obj, TYPE_BLOCK_BACKEND)
           ? BLOCK_BACKEND(obj) : NULL;
}

BlockBackend *blk_new(Object *root, const char *id, const char *filename,
                      bool read_only, Error **errp)
{
    Object *folder = object_get_child(root, BLOCK_BACKEND_FOLDER);
    Object *obj;

    if (!folder) {
        folder = object_new_child(root, BLOCK_BACKEND_FOLDER, TYPE_CONTAINER,
                                  errp);
        if (!folder) {
            return NULL;
        }
    }
    if (object_get_child(folder, id)) {
        error_setg(errp, "drive id '%s' is already in use", id);
        return NULL;
    }
    obj = object_new_child(folder, id, TYPE_BLOCK_BACKEND, errp);
    if (!obj) {
        error_prepend(errp, "drive id '%s': ", id);
        return NULL;
    }
    if (!object_property_set_str(obj, "filename", filename, errp) ||
        !object_property_set_bool(obj, "read-only", read_only, errp) ||
        !object_realize(obj, errp)) {
        object_unparent(obj);
        return NULL;
    }
    return BLOCK_BACKEND(obj);
}

/* ---------------------------------------------------------------------- */
/* Option parsing                                                         */

void blk_drive_opts_free(BlockDriveOpts *o)
{
    if (o) {
        g_free(o->id);
        g_free(o->filename);
        g_free(o);
    }
}

/* Every key of @kv must be in the NULL-terminated @accepted. */
static bool blk_check_keys(const Keyval *kv, const char *option,
                           const char *const *accepted, Error **errp)
{
    for (size_t i = 0; i < keyval_count(kv); i++) {
        if (qom_enum_lookup(accepted, keyval_key(kv, i)) < 0) {
            g_autofree char *list = qom_enum_list(accepted);

            error_setg(errp, "%s: parameter '%s' is not supported "
                       "(accepted: %s)", option, keyval_key(kv, i), list);
            return false;
        }
    }
    return true;
}

/* The boolean @key of @kv into *@val (unchanged when absent). */
static bool blk_get_bool(const Keyval *kv, const char *key,
                         const char *option, bool *val, Error **errp)
{
    const char *v = keyval_get(kv, key);
    g_autofree char *what = g_strdup_printf("%s %s", option, key);

    return !v || parse_bool(v, val, what, errp);
}

BlockDriveOpts *blk_drive_parse(const char *arg, unsigned virtio_index,
                                Error **errp)
{
    static const char *const keys[] = {
        "file", "if", "format", "id", "readonly", "read-only", NULL
    };
    g_autoptr(Keyval) kv = keyval_parse(arg, "file", "-drive", NULL, errp);
    g_autoptr(BlockDriveOpts) o = g_new0(BlockDriveOpts, 1);
    const char *iface, *format;

    if (!kv || !blk_check_keys(kv, "-drive", keys, errp) ||
        !blk_get_bool(kv, "readonly", "-drive", &o->read_only, errp) ||
        !blk_get_bool(kv, "read-only", "-drive", &o->read_only, errp)) {
        return NULL;
    }
    if (!keyval_get(kv, "file") || !*keyval_get(kv, "file")) {
        error_setg(errp, "-drive %s: missing file=FILE (the raw image)", arg);
        return NULL;
    }
    format = keyval_get(kv, "format");
    if (format && strcmp(format, "raw")) {
        error_setg(errp, "-drive: format '%s' is not supported (accepted: "
                   "raw)", format);
        return NULL;
    }
    iface = keyval_get(kv, "if");
    if (!iface || !strcmp(iface, "virtio")) {
        o->interface = BLOCK_IF_VIRTIO;
    } else if (!strcmp(iface, "none")) {
        o->interface = BLOCK_IF_NONE;
    } else {
        error_setg(errp, "-drive: if=%s is not supported (accepted: none, "
                   "virtio)", iface);
        return NULL;
    }
    o->filename = g_strdup(keyval_get(kv, "file"));
    if (keyval_get(kv, "id") && *keyval_get(kv, "id")) {
        o->id = g_strdup(keyval_get(kv, "id"));
    } else if (o->interface == BLOCK_IF_VIRTIO) {
        o->id = g_strdup_printf("virtio%u", virtio_index);
    } else {
        error_setg(errp, "-drive %s: if=none needs id=ID (for -device "
                   "virtio-blk-device,drive=ID)", arg);
        return NULL;
    }
    return g_steal_pointer(&o);
}

BlockDriveOpts *blk_blockdev_parse(const char *arg, Error **errp)
{
    static const char *const keys[] = {
        "driver", "filename", "node-name", "read-only", "file.driver",
        "file.filename", NULL
    };
    g_autoptr(Keyval) kv = keyval_parse(arg, "driver", "-blockdev", NULL,
                                        errp);
    g_autoptr(BlockDriveOpts) o = g_new0(BlockDriveOpts, 1);
    const char *driver, *file, *node;

    if (!kv || !blk_check_keys(kv, "-blockdev", keys, errp) ||
        !blk_get_bool(kv, "read-only", "-blockdev", &o->read_only, errp)) {
        return NULL;
    }
    driver = keyval_get(kv, "driver");
    if (driver && !strcmp(driver, "file")) {
        file = keyval_get(kv, "filename");
    } else if (driver && !strcmp(driver, "raw") &&
               !g_strcmp0(keyval_get(kv, "file.driver"), "file")) {
        file = keyval_get(kv, "file.filename");
    } else {
        error_setg(errp, "-blockdev: driver '%s' is not supported (accepted: "
                   "driver=file,filename=F or driver=raw,file.driver=file,"
                   "file.filename=F)", driver ? driver : "");
        return NULL;
    }
    node = keyval_get(kv, "node-name");
    if (!file || !*file || !node || !*node) {
        error_setg(errp, "-blockdev %s: needs %s and node-name=ID", arg,
                   !strcmp(driver, "file") ? "filename=F" : "file.filename=F");
        return NULL;
    }
    o->filename = g_strdup(file);
    o->id = g_strdup(node);
    o->interface = BLOCK_IF_NONE;
    return g_steal_pointer(&o);
}
