/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The machine builder: the one set of calls that builds a machine at run
 * time, shared by machine files (system/machine-file.c) and QMP
 * construction under -preconfig (system/qmp-cmds-build.c).  Both surfaces
 * only parse their input and report errors in their own terms (a file
 * location, a command name); what is created, how it is named and
 * checked, and in which order things may happen is decided here.
 *
 * What it makes, in the machine's root (docs/user/machine-files.md,
 * docs/user/preconfig.md):
 *   /objects/ID        user-creatable objects (memory backends), realized
 *   /machine           the machine (machine_new), or one made elsewhere
 *                      (the command line's, under -preconfig)
 *   /machine/ID        memory maps (memory-map), devices (unrealized until
 *                      machine_build) and CPU clusters (realized at once,
 *                      so their CPUs can be configured and wired)
 * and it wires GPIO lines and clocks between them and maps memory into
 * the machine's map or a memory map.
 *
 * Names: IDs are unique among the maps, devices and clusters of one
 * builder.  Endpoints are written as in machine files: "DEV[N]",
 * "DEV.NAME[N]", "CLUSTER.cpu[K][N]" (GPIO) and "DEV.CLOCK" (clocks),
 * DEV any device child of the machine (also those the base machine made).
 *
 * Errors never carry a location: each call says which of its inputs was
 * at fault in *@bad (a key name such as "id", "type", "from", "address";
 * "" for the entry as a whole; NULL when the error came from the
 * caller's configure callback, which is reported as it is), so that the
 * caller can locate it.  Every call that fails leaves nothing behind of
 * what it started to create.
 */
#ifndef SYSTEM_MACHINE_BUILDER_H
#define SYSTEM_MACHINE_BUILDER_H

#include "hemu/osdep.h"
#include "hw/boards.h"
#include "hw/qdev.h"
#include "qom/object.h"
#include "util/error.h"

typedef struct MachineBuilder MachineBuilder;

/* Words the builder's messages use to tell the user how to fix a
   dangling reference (each "declare it under devices:" or
   "add it with machine-add-device"). */
typedef struct MachineBuilderHints {
    const char *device;         /* for a missing device */
    const char *map;            /* for a missing memory map */
    const char *object;         /* for a missing object */
} MachineBuilderHints;

/*
 * Set the properties of @obj, just created and not yet realized; false
 * with an error (reported as it is).
 */
typedef bool (*MachineBuilderConfigure)(Object *obj, void *opaque,
                                        Error **errp);

/* A builder for the machine at /machine of @root. @hints is copied. */
MachineBuilder *machine_builder_new(Object *root,
                                    const MachineBuilderHints *hints);
/* Free the builder; what it built stays (see machine_builder_unwind). */
void machine_builder_free(MachineBuilder *b);
/* Remove everything the builder created, newest first. */
void machine_builder_unwind(MachineBuilder *b);

/* The machine, or NULL before machine_builder_new_machine/attach. */
MachineState *machine_builder_machine(MachineBuilder *b);

/*
 * Create the user-creatable object @type at /objects/@id, configure it,
 * realize it.  @what names the entry in messages ("object 'sram'").
 */
Object *machine_builder_add_object(MachineBuilder *b, const char *id,
                                   const char *type, const char *what,
                                   MachineBuilderConfigure configure,
                                   void *opaque, const char **bad,
                                   Error **errp);

/* Create the machine @type (machine_new) and configure it. */
MachineState *machine_builder_new_machine(MachineBuilder *b,
                                          const char *type,
                                          MachineBuilderConfigure configure,
                                          void *opaque, const char **bad,
                                          Error **errp);
/* Build on the machine @ms, made and configured elsewhere (not built). */
void machine_builder_attach(MachineBuilder *b, MachineState *ms);

/*
 * Claim @id for an entry first given at @where (a location for "first
 * used at ..." messages, may be NULL).  False if it was claimed before.
 */
bool machine_builder_claim_id(MachineBuilder *b, const char *id,
                              const char *where, Error **errp);

/* A memory map of its own at /machine/@id (a memory-map object). */
bool machine_builder_add_map(MachineBuilder *b, const char *id,
                             const char *where, const char **bad,
                             Error **errp);
/* The memory map /machine/@id, or NULL with an error (with the hint). */
Object *machine_builder_find_map(MachineBuilder *b, const char *id,
                                 Error **errp);

/*
 * Create device @type at /machine/@id and configure it; it is realized
 * with the rest of the tree (machine_builder_finish).  @what names the
 * entry in messages ("devices 'uart0'").
 */
DeviceState *machine_builder_add_device(MachineBuilder *b, const char *id,
                                        const char *type, const char *where,
                                        const char *what,
                                        MachineBuilderConfigure configure,
                                        void *opaque, const char **bad,
                                        Error **errp);

/*
 * Create a CPU cluster at /machine/@id for frontend @arch, seeing memory
 * map @map (NULL: the machine's), configure it (cpu-type, num-cpus, ...)
 * and realize it, so that its CPUs exist.  @what as above.
 */
DeviceState *machine_builder_add_cluster(MachineBuilder *b, const char *id,
                                         const char *arch, const char *map,
                                         const char *where, const char *what,
                                         MachineBuilderConfigure configure,
                                         void *opaque, const char **bad,
                                         Error **errp);
/* The cluster /machine/@id, or NULL with an error. */
DeviceState *machine_builder_find_cluster(MachineBuilder *b, const char *id,
                                          Error **errp);
/* Number of CPUs of a realized cluster. */
unsigned machine_builder_cluster_cpus(DeviceState *cluster);
/*
 * Configure CPU @index of @cluster (its properties; they take effect at
 * the next reset of the cluster: machine_builder_reset_cluster).
 */
bool machine_builder_configure_cpu(MachineBuilder *b, DeviceState *cluster,
                                   unsigned index,
                                   MachineBuilderConfigure configure,
                                   void *opaque, Error **errp);
/* Reset @cluster so that its CPUs read their properties. */
void machine_builder_reset_cluster(MachineBuilder *b, DeviceState *cluster);

/*
 * Connect GPIO output @from to input @to (endpoint syntax above).  @what
 * (may be NULL) prefixes errors of the connection itself ("irqs":
 * "irqs: to: ...").
 * Realizes the machine first (machine_builder_realize_machine), so the
 * base machine's devices can be named.
 */
bool machine_builder_connect_irq(MachineBuilder *b, const char *from,
                                 const char *to, const char *what,
                                 const char **bad, Error **errp);
/* Connect output clock @from ("DEV.CLOCK") to input clock @to. */
bool machine_builder_connect_clock(MachineBuilder *b, const char *from,
                                   const char *to, const char *what,
                                   const char **bad, Error **errp);

/* What a memory mapping maps. */
typedef enum MachineBuilderMapKind {
    MACHINE_BUILDER_MAP_OBJECT,     /* a memory backend's RAM */
    MACHINE_BUILDER_MAP_DEVICE,     /* a device's MMIO region */
    MACHINE_BUILDER_MAP_ALIAS,      /* a window onto RAM or a backend */
} MachineBuilderMapKind;

typedef struct MachineBuilderMapping {
    MachineBuilderMapKind kind;
    const char *name;           /* backend id, device id, or "ram" / a
                                   backend id for aliases */
    uint64_t region;            /* DEVICE: MMIO region index */
    uint64_t offset;            /* ALIAS: bytes into the target */
    uint64_t size;              /* ALIAS: bytes; 0: the rest */
    uint64_t address;           /* where, in @map */
    const char *map;            /* memory map id; NULL: the machine's */
    int priority;               /* higher wins where mappings overlap */
    const char *where;          /* location for overlap messages, or NULL */
} MachineBuilderMapping;

/*
 * Map @m (errors prefixed "memory: ").  Mappings of the builder in the
 * same map at the same priority must not overlap; each region is mapped
 * once.  Realizes the machine first (alias: ram needs its RAM).
 */
bool machine_builder_map(MachineBuilder *b, const MachineBuilderMapping *m,
                         const char **bad, Error **errp);

/*
 * The machine object's own realize (its RAM, the base machine's init),
 * once; the builder's later calls may name what it made.
 */
bool machine_builder_realize_machine(MachineBuilder *b, Error **errp);

/* Realize the machine if needed, then the whole tree (machine_build). */
bool machine_builder_finish(MachineBuilder *b, Error **errp);
/* machine_builder_finish succeeded: the machine is built. */
bool machine_builder_finished(MachineBuilder *b);

#endif
