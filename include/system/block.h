/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Block backends: the host side of a guest disk (-drive, -blockdev).
 *
 * A backend is a raw image: a host file (or block device) read and written
 * at byte offsets with pread/pwrite, nothing translated.  It is a QOM
 * object of type "block-backend" living at /drives/<id> of the tree of one
 * run (the root a machine builder makes), next to /chardevs, so two
 * machines in one process have their own.  A disk model (virtio-blk)
 * finds it by id at realize.
 *
 * Durability: writes go to the host page cache; blk_flush() is
 * fdatasync(), so what the guest flushed survives a host crash and what
 * it wrote survives a clean exit.  read-only backends open the file
 * O_RDONLY and refuse writes.
 *
 * Threads: every function below may be called from any thread (vCPU
 * threads serve virtio-blk requests); they share no mutable state besides
 * the file descriptor, which is set at realize and closed at finalize.
 *
 * Front-end API for device models (like system/chardev.h); the option
 * parsing helpers are for the CLI.  User documentation: docs/user/virtio.md.
 */
#ifndef SYSTEM_BLOCK_H
#define SYSTEM_BLOCK_H

#include "hemu/osdep.h"
#include "qom/object.h"
#include "util/error.h"

#define TYPE_BLOCK_BACKEND "block-backend"
/* The folder of the run's tree holding backends by id. */
#define BLOCK_BACKEND_FOLDER "drives"

/* Opaque: use the functions below. */
OBJECT_DECLARE_SIMPLE_TYPE(BlockBackend, BLOCK_BACKEND)

/* ---- front-end API (device models) ---- */

/* The backend with id @id in @root's tree (any object of it), or NULL. */
BlockBackend *blk_find(Object *root, const char *id);
/* Its id (name under /drives). */
const char *blk_get_id(BlockBackend *blk);
/* Size of the image in bytes (fixed when the backend was opened). */
uint64_t blk_get_length(BlockBackend *blk);
/* True when the backend refuses writes (read-only=on). */
bool blk_is_read_only(BlockBackend *blk);
/*
 * Read @len bytes at byte @offset into @buf.  Bytes past the end of the
 * file read as zero.  Returns 0 or a negative errno.
 */
int blk_pread(BlockBackend *blk, uint64_t offset, void *buf, size_t len);
/*
 * Write @len bytes from @buf at byte @offset.  Returns 0, -EROFS on a
 * read-only backend, or another negative errno.
 */
int blk_pwrite(BlockBackend *blk, uint64_t offset, const void *buf,
               size_t len);
/* Make every completed write durable (fdatasync).  0 or a negative errno. */
int blk_flush(BlockBackend *blk);
/*
 * Claim @blk for the disk model @dev (one device per backend), taking a
 * reference.  Error (naming both) when another device has it.
 */
bool blk_attach_dev(BlockBackend *blk, Object *dev, Error **errp);
/* Release the claim of @dev and its reference. */
void blk_detach_dev(BlockBackend *blk, Object *dev);

/* ---- creation (CLI, machine code, tests) ---- */

/*
 * Create, configure and realize a backend at /drives/@id of @root over the
 * image @filename (opened read-only when @read_only).  Errors: a bad or
 * taken id, a file that cannot be opened (named, with the reason).
 */
BlockBackend *blk_new(Object *root, const char *id, const char *filename,
                      bool read_only, Error **errp);

/* Which device model a -drive asks for. */
typedef enum BlockDriveIf {
    BLOCK_IF_NONE,              /* if=none: only a backend, for -device */
    BLOCK_IF_VIRTIO,            /* if=virtio: plus a virtio-blk-device */
} BlockDriveIf;

/* A parsed -drive or -blockdev. */
typedef struct BlockDriveOpts {
    char *id;                   /* backend id (node-name for -blockdev) */
    char *filename;             /* the image */
    bool read_only;
    BlockDriveIf interface;     /* BLOCK_IF_NONE for -blockdev */
} BlockDriveOpts;

/*
 * Parse "-drive file=F[,if=none|virtio][,format=raw][,id=ID]
 * [,readonly=on|off][,read-only=on|off]".  if defaults to virtio (as on
 * QEMU's virt board); id is required with if=none and defaults to
 * "virtio<N>" with if=virtio, N being @virtio_index.  Errors name the
 * option, the key or value and what is accepted.  Free with
 * blk_drive_opts_free().
 */
BlockDriveOpts *blk_drive_parse(const char *arg, unsigned virtio_index,
                                Error **errp);
/*
 * Parse "-blockdev driver=file,filename=F,node-name=ID[,read-only=on]"
 * or the layered form "driver=raw,node-name=ID,file.driver=file,
 * file.filename=F[,read-only=on]".
 */
BlockDriveOpts *blk_blockdev_parse(const char *arg, Error **errp);
void blk_drive_opts_free(BlockDriveOpts *o);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(BlockDriveOpts, blk_drive_opts_free)

#endif
