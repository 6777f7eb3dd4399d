/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Memory backends: QOM objects that own the host memory behind guest RAM,
 * created with `-object memory-backend-ram,id=mem0,size=1G` (they
 * implement TYPE_USER_CREATABLE), from machine files or by machine code.
 *
 * Types:
 *   memory-backend        abstract; properties size (required, non-zero),
 *                         share, prealloc, readonly
 *   memory-backend-ram    anonymous memory
 *   memory-backend-file   a file (mem-path, required): created and extended
 *                         to size; share=on maps it MAP_SHARED so guest
 *                         writes reach the file; a directory gets an
 *                         unlinked temporary file
 *   memory-backend-memfd  an anonymous memory file (memfd_create); share
 *                         defaults to on
 *
 * Realize maps the memory and initialises a RAM region over it (named after
 * the object); finalize (or unrealize) unmaps.  Machines map the region
 * (memory_backend_get_region) into their trees, so the same backend can be
 * seen by several clusters.  The region must be unmapped from every
 * container before the backend goes away.  Design: docs/devel/memory.md.
 */
#ifndef SYSTEM_MEMORY_BACKEND_H
#define SYSTEM_MEMORY_BACKEND_H

#include "hemu/osdep.h"
#include "qom/object.h"
#include "system/memory.h"

#define TYPE_MEMORY_BACKEND "memory-backend"
#define TYPE_MEMORY_BACKEND_RAM "memory-backend-ram"
#define TYPE_MEMORY_BACKEND_FILE "memory-backend-file"
#define TYPE_MEMORY_BACKEND_MEMFD "memory-backend-memfd"

OBJECT_DECLARE_TYPE(HostMemoryBackend, HostMemoryBackendClass,
                    MEMORY_BACKEND)

struct HostMemoryBackend {
    Object parent_obj;
    /* properties */
    uint64_t size;              /* bytes; must be set (non-zero) */
    bool share;                 /* MAP_SHARED: others see our writes */
    bool prealloc;              /* touch every page at realize */
    bool readonly;              /* guest writes ignored; file opened
                                   read-only */
    char *mem_path;             /* memory-backend-file only */
    /* state, valid once realized */
    void *host;                 /* mapping of @size bytes, or NULL */
    int fd;                     /* file or memfd; -1 for anonymous */
    MemoryRegion mr;            /* RAM region over @host */
    bool mr_initialized;
};

struct HostMemoryBackendClass {
    ObjectClass parent_class;
    /*
     * Called by realize after the generic checks (size set).
     * Map b->size bytes: set b->host (and b->fd if any), or return false
     * with an error naming the backend.
     */
    bool (*alloc)(HostMemoryBackend *b, Error **errp);
};

/*
 * The RAM region of a realized backend, for machines to map.  Errors if
 * @backend is not a memory backend or is not realized yet.
 */
MemoryRegion *memory_backend_get_region(Object *backend, Error **errp);

#endif
