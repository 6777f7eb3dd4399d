/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Memory backends (include/system/memory-backend.h): the abstract
 * memory-backend type and its ram, file and memfd subtypes.
 *
 * Realize validates the properties, lets the subtype map the memory
 * (HostMemoryBackendClass.alloc), optionally touches every page
 * (prealloc), and initialises a RAM region over the mapping; release (at
 * unrealize or finalize, whichever comes first) undoes it.  Read-only
 * backends are mapped private and writable, so loaders can still fill
 * them with address_space_write_rom without reaching any file; the region
 * is read-only to the guest.
 *
 * Semantics follow QEMU's -object memory-backend-* (docs/devel/memory.md
 * "Backends").
 */
#include "hemu/osdep.h"
#include "system/memory-backend.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>

/* "memory-backend 'mem0'" (or the concrete type when @concrete). */
static char *backend_label(HostMemoryBackend *b, bool concrete)
{
    const char *name = object_get_name(OBJECT(b));
    const char *type = concrete ? object_get_typename(OBJECT(b))
                                : TYPE_MEMORY_BACKEND;

    if (name) {
        return g_strdup_printf("%s '%s'", type, name);
    }
    return g_strdup_printf("%s (unnamed %s)", type,
                           object_get_typename(OBJECT(b)));
}

static void backend_prealloc(HostMemoryBackend *b)
{
    long pagesize = sysconf(_SC_PAGESIZE);

    for (uint64_t off = 0; off < b->size; off += pagesize) {
        volatile uint8_t *p = (uint8_t *)b->host + off;

        /* Writing the byte back keeps the contents (files) intact. */
        *p = *p;
    }
}

static bool backend_realize(Object *obj, Error **errp)
{
    HostMemoryBackend *b = MEMORY_BACKEND(obj);
    HostMemoryBackendClass *bc = MEMORY_BACKEND_GET_CLASS(obj);
    const char *name = object_get_name(obj);

    if (b->size == 0) {
        g_autofree char *label = backend_label(b, false);

        error_setg(errp, "%s: property 'size' must be set", label);
        return false;
    }
    if (b->size > SIZE_MAX / 2) {
        g_autofree char *label = backend_label(b, false);

        error_setg(errp, "%s: size %" PRIu64 " is larger than this host "
                   "can map", label, b->size);
        return false;
    }
    if (!bc->alloc(b, errp)) {
        return false;
    }
    if (b->prealloc) {
        backend_prealloc(b);
    }
    memory_region_init_ram_ptr(&b->mr, obj, name ? name : "memory-backend",
                               b->size, b->host);
    memory_region_set_readonly(&b->mr, b->readonly);
    b->mr_initialized = true;
    return true;
}

static void backend_release(HostMemoryBackend *b)
{
    if (b->mr_initialized) {
        memory_region_finalize(&b->mr);
        b->mr_initialized = false;
    }
    if (b->host) {
        munmap(b->host, b->size);
        b->host = NULL;
    }
    if (b->fd >= 0) {
        close(b->fd);
        b->fd = -1;
    }
}

static void backend_unrealize(Object *obj)
{
    backend_release(MEMORY_BACKEND(obj));
}

static void backend_instance_init(Object *obj)
{
    MEMORY_BACKEND(obj)->fd = -1;
}

static void backend_instance_finalize(Object *obj)
{
    backend_release(MEMORY_BACKEND(obj));
}

MemoryRegion *memory_backend_get_region(Object *backend, Error **errp)
{
    HostMemoryBackend *b;

    if (!object_dynamic_cast(backend, TYPE_MEMORY_BACKEND)) {
        g_autofree char *what = object_describe(backend);

        error_setg(errp, "%s is not a memory backend (expected a %s "
                   "object such as %s)", what, TYPE_MEMORY_BACKEND,
                   TYPE_MEMORY_BACKEND_RAM);
        return NULL;
    }
    b = MEMORY_BACKEND(backend);
    if (!b->mr_initialized) {
        g_autofree char *label = backend_label(b, true);

        error_setg(errp, "%s is not realized yet; its memory does not "
                   "exist before realize", label);
        return NULL;
    }
    return &b->mr;
}

/* Map @fd (or anonymous memory when -1) for @b. */
static bool backend_map(HostMemoryBackend *b, int fd, Error **errp)
{
    int flags = (b->share && !b->readonly) ? MAP_SHARED : MAP_PRIVATE;
    void *p;

    if (fd < 0) {
        flags |= MAP_ANONYMOUS | MAP_NORESERVE;
    }
    p = mmap(NULL, b->size, PROT_READ | PROT_WRITE, flags, fd, 0);
    if (p == MAP_FAILED) {
        g_autofree char *label = backend_label(b, true);

        error_setg_errno(errp, errno, "%s: cannot map %" PRIu64 " bytes",
                         label, b->size);
        return false;
    }
    b->host = p;
    b->fd = fd;
    return true;
}

static const PropDef backend_props[] = {
    DEFINE_PROP_SIZE("size", HostMemoryBackend, size, 0,
                     "size of the memory in bytes (required)"),
    DEFINE_PROP_BOOL("share", HostMemoryBackend, share, false,
                     "map shared: writes reach the file or other mappers"),
    DEFINE_PROP_BOOL("prealloc", HostMemoryBackend, prealloc, false,
                     "allocate every page at creation"),
    DEFINE_PROP_BOOL("readonly", HostMemoryBackend, readonly, false,
                     "guest writes are ignored; files are opened read-only"),
    PROP_END
};

static void backend_class_init(ObjectClass *oc, const void *data)
{
    object_class_add_field_props(oc, backend_props);
    oc->realize = backend_realize;
    oc->unrealize = backend_unrealize;
}

/* ---------------------------------------------------------------------- */
/* memory-backend-ram                                                     */

static bool ram_alloc(HostMemoryBackend *b, Error **errp)
{
    return backend_map(b, -1, errp);
}

static void ram_class_init(ObjectClass *oc, const void *data)
{
    MEMORY_BACKEND_CLASS(oc)->alloc = ram_alloc;
}

/* ---------------------------------------------------------------------- */
/* memory-backend-file                                                    */

/* Open mem-path (a file, or a directory to hold a temporary file). */
static int file_open(HostMemoryBackend *b, const char *label, Error **errp)
{
    struct stat st;
    int fd;

    if (stat(b->mem_path, &st) == 0 && S_ISDIR(st.st_mode)) {
        g_autofree char *tmpl = g_build_filename(b->mem_path,
                                                 "hemu_backend.XXXXXX",
                                                 NULL);

        fd = mkostemp(tmpl, O_CLOEXEC);
        if (fd < 0) {
            error_setg_errno(errp, errno, "%s: cannot create a file in "
                             "mem-path directory '%s'", label, b->mem_path);
            return -1;
        }
        unlink(tmpl);
        return fd;
    }
    fd = open(b->mem_path,
              b->readonly ? O_RDONLY | O_CLOEXEC
                          : O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) {
        error_setg_errno(errp, errno, "%s: cannot open mem-path '%s'%s",
                         label, b->mem_path,
                         b->readonly ? " for reading" : " for reading "
                         "and writing");
    }
    return fd;
}

static bool file_alloc(HostMemoryBackend *b, Error **errp)
{
    g_autofree char *label = backend_label(b, true);
    struct stat st;
    int fd;

    if (!b->mem_path || !*b->mem_path) {
        error_setg(errp, "%s: property 'mem-path' must be set (a file or "
                   "directory)", label);
        return false;
    }
    fd = file_open(b, label, errp);
    if (fd < 0) {
        return false;
    }
    if (fstat(fd, &st) < 0) {
        error_setg_errno(errp, errno, "%s: cannot stat mem-path '%s'",
                         label, b->mem_path);
        goto fail;
    }
    if ((uint64_t)st.st_size < b->size) {
        if (b->readonly) {
            error_setg(errp, "%s: mem-path '%s' has %" PRIu64 " bytes, "
                       "fewer than size %" PRIu64 " (a read-only file is "
                       "not extended)", label, b->mem_path,
                       (uint64_t)st.st_size, b->size);
            goto fail;
        }
        if (ftruncate(fd, b->size) < 0) {
            error_setg_errno(errp, errno, "%s: cannot extend mem-path '%s' "
                             "to %" PRIu64 " bytes", label, b->mem_path,
                             b->size);
            goto fail;
        }
    }
    if (backend_map(b, fd, errp)) {
        return true;
    }
fail:
    close(fd);
    return false;
}

static const PropDef file_props[] = {
    DEFINE_PROP_STRING("mem-path", HostMemoryBackend, mem_path,
                       "file to map, or directory for a temporary file "
                       "(required)"),
    PROP_END
};

static void file_class_init(ObjectClass *oc, const void *data)
{
    object_class_add_field_props(oc, file_props);
    MEMORY_BACKEND_CLASS(oc)->alloc = file_alloc;
}

/* ---------------------------------------------------------------------- */
/* memory-backend-memfd                                                   */

static bool memfd_alloc(HostMemoryBackend *b, Error **errp)
{
    const char *name = object_get_name(OBJECT(b));
    int fd = memfd_create(name ? name : "memory-backend", MFD_CLOEXEC);

    if (fd < 0 || ftruncate(fd, b->size) < 0) {
        g_autofree char *label = backend_label(b, true);

        error_setg_errno(errp, errno, "%s: cannot create a memfd of %"
                         PRIu64 " bytes", label, b->size);
        if (fd >= 0) {
            close(fd);
        }
        return false;
    }
    if (!backend_map(b, fd, errp)) {
        close(fd);
        return false;
    }
    return true;
}

static void memfd_instance_init(Object *obj)
{
    /* Shared by default: the point of a memfd is to be mapped by others. */
    MEMORY_BACKEND(obj)->share = true;
}

static void memfd_class_init(ObjectClass *oc, const void *data)
{
    MEMORY_BACKEND_CLASS(oc)->alloc = memfd_alloc;
}

static const TypeInfo memory_backend_types[] = {
    {
        .name = TYPE_MEMORY_BACKEND,
        .parent = TYPE_OBJECT,
        .description = "host memory behind guest RAM (abstract)",
        .instance_size = sizeof(HostMemoryBackend),
        .instance_init = backend_instance_init,
        .instance_finalize = backend_instance_finalize,
        .abstract = true,
        .class_size = sizeof(HostMemoryBackendClass),
        .class_init = backend_class_init,
        .interfaces = (const InterfaceInfo[]){
            { TYPE_USER_CREATABLE },
            { NULL },
        },
    },
    {
        .name = TYPE_MEMORY_BACKEND_RAM,
        .parent = TYPE_MEMORY_BACKEND,
        .description = "anonymous host memory",
        .class_init = ram_class_init,
    },
    {
        .name = TYPE_MEMORY_BACKEND_FILE,
        .parent = TYPE_MEMORY_BACKEND,
        .description = "host memory mapped from a file (mem-path)",
        .class_init = file_class_init,
    },
    {
        .name = TYPE_MEMORY_BACKEND_MEMFD,
        .parent = TYPE_MEMORY_BACKEND,
        .description = "anonymous memory file (memfd), shared by default",
        .instance_init = memfd_instance_init,
        .class_init = memfd_class_init,
    },
};

DEFINE_TYPES(memory_backend_types)
