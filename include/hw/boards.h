/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The machine base type: what every board (-M NAME) shares, and the one
 * function that builds a machine from options.
 *
 * A machine type is a QOM type named "<name>-machine" (TYPE_MACHINE's
 * subclasses), whose class says its -M name, description, CPU and RAM
 * defaults and its init hook.  A MachineState holds everything that is
 * per machine and that QEMU keeps in globals: the virtual clock, RAM, the
 * machine's memory map, the options (-smp, -kernel, ...) and the serial
 * chardevs.  It lives at /machine in a per-run root container; user
 * objects (-object) are at /objects/<id> and chardevs at /chardevs/<id>
 * of the same root, so two machines in one process (each in its own root)
 * never see each other.
 *
 * Building follows the object life cycle (ARCHITECTURE.md): machine_new()
 * creates and configures, the caller may wire (serial links), then
 * machine_build() validates, provides RAM, calls the class's init (which
 * creates and wires the board's devices) and realizes the whole tree.
 * The virtual clock stays stopped until the caller starts the machine.
 *
 * Options as properties (settable with -M NAME,prop=val too):
 *   ram-size (size; 0: the board's default), memory-backend (id of a
 *   memory backend under /objects), smp-cpus, smp-max-cpus (0: default),
 *   cpu-type, kernel, initrd, append, dtb (strings), serial0..3 (links).
 * Spec: docs/user/cli.md; design: docs/devel/system.md.
 */
#ifndef HW_BOARDS_H
#define HW_BOARDS_H

#include "hemu/osdep.h"
#include "qom/object.h"
#include "system/memory.h"
#include "util/error.h"
#include "util/keyval.h"
#include "util/timer.h"

#define TYPE_MACHINE "machine"
#define TYPE_MACHINE_SUFFIX "-machine"
/* The type name of the machine called @name: MACHINE_TYPE_NAME("none"). */
#define MACHINE_TYPE_NAME(name) name TYPE_MACHINE_SUFFIX
/* Serial ports a machine may have wired to chardevs (-serial, in order). */
#define MACHINE_MAX_SERIAL 4

OBJECT_DECLARE_TYPE(MachineState, MachineClass, MACHINE)

struct MachineClass {
    ObjectClass parent_class;
    const char *name;           /* the -M name ("none"); required */
    const char *desc;           /* one line for -M help */
    bool is_default;            /* chosen when -M is not given (one only) */
    const char *default_cpu_type; /* -cpu default; NULL: no CPUs */
    unsigned max_cpus;          /* -smp limit; 0: the board has no CPUs */
    uint64_t default_ram_size;  /* bytes when -m is absent; 0: no RAM */
    /*
     * Create and wire the board's devices as children of @ms, map RAM.
     * Called by machine_build() after validation, with ms->ram set (or
     * NULL when there is no RAM).  Children it leaves unrealized are
     * realized afterwards.
     */
    bool (*init)(MachineState *ms, Error **errp);
    /*
     * A loader put an image with entry @entry (physical) into @cluster;
     * the board may make it that cluster's boot address.  NULL: ignored.
     */
    bool (*set_cluster_entry)(MachineState *ms, Object *cluster,
                              uint64_t entry, Error **errp);
};

/* What a guest asked of its machine (machine_request_*). */
typedef enum MachineRequestKind {
    MACHINE_REQUEST_SHUTDOWN,   /* power off; exit_code for the host */
    MACHINE_REQUEST_RESET,      /* system reset */
} MachineRequestKind;

/*
 * Called for guest requests, from any thread (a vCPU's, a device's):
 * the runner decides what happens (system/cli-run.c quits the main loop
 * with exit_code, or resets).  Must not block on the vCPUs.
 */
typedef void (*MachineRequestHandler)(void *opaque, MachineRequestKind kind,
                                      int exit_code);

typedef struct MachineSmp {
    uint32_t cpus;              /* vCPUs created at start; 0: default */
    uint32_t max_cpus;          /* hot-plug limit, >= cpus; 0: = cpus */
} MachineSmp;

struct MachineState {
    Object parent_obj;
    TimerClock *virtual_clock;  /* owned; guest time, stopped until the
                                   machine starts, frozen while paused */
    uint64_t ram_size;          /* bytes; after build: the RAM's size, 0
                                   when the machine has no RAM */
    MachineSmp smp;             /* after build: defaults applied */
    char *cpu_type;             /* -cpu; NULL: the board's default */
    char *kernel;               /* -kernel path, or NULL */
    char *initrd;               /* -initrd path, or NULL */
    char *append;               /* -append command line, or NULL */
    char *dtb;                  /* -dtb path, or NULL */
    char *memory_backend;       /* id under /objects, or NULL */
    MemoryRegion *ram;          /* after build: the RAM (the backend's
                                   region or ram_own); NULL if none */
    Object *ram_backend;        /* the memory backend providing ram; a
                                   reference is held; NULL if none */
    MemoryRegion ram_own;       /* RAM made from -m when no backend */
    bool ram_own_init;          /* ram_own was initialised */
    MemoryRegion sysmem;        /* the machine's main memory map: a 2^64
                                   container boards map RAM and devices in */
    MachineRequestHandler request_fn; /* NULL: requests are only logged */
    void *request_opaque;
    Object *serial[MACHINE_MAX_SERIAL]; /* chardevs of serial0..3 (links,
                                           may be NULL) */
    void *builder;              /* -preconfig: the QMP construction state
                                   (system/qmp-cmds-build.c), or NULL */
    void (*builder_free)(void *builder); /* frees it with the machine */
};

/*
 * The machine class for @type_or_name: a -M name ("none"), a type name
 * ("none-machine"), or NULL for the default machine.  Returns NULL with
 * an error listing the machines when there is no such machine.
 */
MachineClass *machine_find_class(const char *type_or_name, Error **errp);
/* Every machine class, sorted by -M name; g_slist_free the list. */
GSList *machine_class_list(void);
/* Print "-M help": "name  description", the default marked. */
void machine_print_list(FILE *out);

/*
 * Create the machine @type_or_name (see machine_find_class) at /machine
 * of @root and set @props (may be NULL), each a machine property as user
 * text.  The machine is configured but not built.  On error nothing is
 * left in @root.
 */
MachineState *machine_new(Object *root, const char *type_or_name,
                          const Keyval *props, Error **errp);
/*
 * Validate the options, provide RAM (from memory-backend or ram-size),
 * run the class's init and realize the machine's tree.  On error the
 * machine stays in the tree, unrealized; unparent it to drop it.
 */
bool machine_build(MachineState *ms, Error **errp);
/* machine_new() then machine_build(); on error nothing stays in @root. */
MachineState *machine_create(Object *root, const char *type_or_name,
                             const Keyval *props, Error **errp);

/* The machine @obj belongs to (up the composition tree), or NULL. */
MachineState *machine_of(Object *obj);
/* Install the handler of guest requests (one per machine). */
void machine_set_request_handler(MachineState *ms, MachineRequestHandler fn,
                                 void *opaque);
/*
 * A guest powers the machine off (PSCI SYSTEM_OFF, semihosting EXIT)
 * with @exit_code for the host, or resets it; any thread.
 */
void machine_request_shutdown(MachineState *ms, int exit_code);
void machine_request_reset(MachineState *ms);


#endif
