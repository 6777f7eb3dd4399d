/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The generic loader device, TYPE_GENERIC_LOADER ("loader"): puts an
 * image or a value into guest memory from the command line, as QEMU
 * users do with
 *   -device loader,id=ID,file=FILE[,addr=ADDR][,force-raw=on][,cluster=C]
 *   -device loader,id=ID,addr=ADDR,data=VALUE,data-len=N[,data-be=on]
 *   -device loader,id=ID,addr=ADDR,cpu-num=N[,cluster=C]
 *
 * Where: the memory map of the cpu-cluster named by cluster= (a child of
 * /machine such as "cpus" or "dsp", or its absolute path), else the
 * machine's own memory map (sysmem).  A cluster may see another map than
 * its machine (hetero-virt's DSP), which is the point of cluster=.
 *
 * What: an ELF file (magic 0x7f 'E' 'L' 'F', unless force-raw=on) is
 * placed by its segments' physical addresses (addr= is refused: the file
 * says where it goes); with cluster= its e_machine must match the
 * cluster's architecture, and its entry point, translated to a physical
 * address through the segment holding it, is offered to the board
 * (MachineClass.set_cluster_entry; boards without that hook ignore it).
 * Any other file is raw and needs addr=.  data= writes data-len (1, 2, 4
 * or 8) bytes, little endian unless data-be=on.
 *
 * When: at realize, which for -device is after the machine is built and
 * before any vCPU runs, so an image written here overrides what the board
 * loaded (its -kernel) at the same addresses.  The file is read once and
 * kept; every machine reset writes it again (reset hold phase), so a
 * guest that scribbled over it restarts from the image, as with QEMU.
 *
 * Where a CPU starts: cpu-num=N (QEMU's semantics) makes CPU N of the
 * cluster (cluster=, else the machine's first cpu-cluster, whose map then
 * receives the image) start at the ELF's entry (physical, as above), at
 * addr= of a raw file, or at addr= alone when neither file= nor data= is
 * given: the CPU's "boot-pc" property (read at every reset, so machine
 * resets restart there too) is set and the CPU is reset once.  Without
 * cpu-num= an ELF's entry goes to the board's set_cluster_entry hook.
 *
 * Invariants: nothing is written before the image has been validated
 * against the target map (the loaders of hw/loader.h check first); errors
 * name the file, the option and what is accepted.  hw/ may not see
 * CPUCluster: the cluster's map comes from cpu_cluster_memory_root() and
 * its architecture from its "arch" property.  User documentation:
 * docs/user/loader.md.
 */
#include "hemu/osdep.h"
#include "hw/loader.h"
#include "hw/boards.h"
#include "hw/memory-map.h"
#include "hw/qdev.h"
#include "hw/resettable.h"
#include "system/memory.h"
#include "internal.h"

OBJECT_DECLARE_SIMPLE_TYPE(GenericLoaderState, GENERIC_LOADER)

/* The QOM type of clusters (include/exec/cpu.h, which hw/ cannot use). */
#define LOADER_CLUSTER_TYPE "cpu-cluster"
#define LOADER_ELF_MAGIC "\x7f" "ELF"

/* A uint64 property that remembers whether the user gave it. */
typedef struct LoaderOptU64 {
    uint64_t value;
    bool set;
} LoaderOptU64;

struct GenericLoaderState {
    DeviceState parent_obj;
    /* configuration (properties) */
    char *file;                 /* "file": image path; NULL: data mode */
    LoaderOptU64 addr;          /* "addr": raw image or data address */
    LoaderOptU64 data;          /* "data": value to write */
    LoaderOptU64 cpu_num;       /* "cpu-num": CPU index in the cluster
                                   whose "boot-pc" we set */
    uint8_t data_len;           /* "data-len": 1, 2, 4 or 8; 0: unset */
    bool data_be;               /* "data-be": data is big endian */
    bool force_raw;             /* "force-raw": never parse as ELF */
    char *cluster;              /* "cluster": cpu-cluster; NULL: sysmem */
    /* after realize */
    MemoryRegion *root;         /* the map written to; owned by the
                                   machine (sysmem) or the cluster's board,
                                   both outliving this device */
    char *as_name;              /* names the map in messages */
    GBytes *image;              /* the file's bytes; NULL in data mode */
    bool is_elf;
    uint16_t elf_machine;       /* required e_machine; 0: any */
    uint8_t bytes[8];           /* data mode: data_len bytes, guest order */
};

/* e_machine of the architectures whose clusters may receive an ELF. */
typedef struct LoaderArchMachine {
    const char *arch;           /* the cluster's "arch" property */
    uint16_t machine;           /* e_machine, from the ELF machine list */
} LoaderArchMachine;

static const LoaderArchMachine loader_arch_machines[] = {
    { "aarch64", 183 },         /* EM_AARCH64 */
    { "hexagon", 164 },         /* EM_HEXAGON (glibc: EM_QDSP6) */
};

/* ---------------------------------------------------------------------- */
/* Properties                                                             */

static bool loader_get_opt(Object *obj, ObjectProperty *prop, PropValue *val,
                           Error **errp)
{
    LoaderOptU64 *o = (LoaderOptU64 *)((char *)obj +
                                       GPOINTER_TO_SIZE(prop->opaque));

    val->kind = PROP_KIND_UINT;
    val->u = o->value;
    return true;
}

static bool loader_set_opt(Object *obj, ObjectProperty *prop,
                           const PropValue *val, Error **errp)
{
    LoaderOptU64 *o = (LoaderOptU64 *)((char *)obj +
                                       GPOINTER_TO_SIZE(prop->opaque));

    o->value = val->u;
    o->set = true;
    return true;
}

static void loader_add_opt(ObjectClass *oc, const char *name, size_t offset,
                           const char *type_name, uint64_t max,
                           const char *desc)
{
    ObjectProperty *p = object_class_property_add(oc, name, PROP_KIND_UINT,
                                                  type_name, loader_get_opt,
                                                  loader_set_opt,
                                                  GSIZE_TO_POINTER(offset),
                                                  desc);

    p->flags |= PROP_F_CONFIG;
    p->umax = max;
}

/* ---------------------------------------------------------------------- */
/* The target memory map                                                  */

static int loader_list_cluster(Object *child, void *opaque)
{
    GString *names = opaque;

    if (object_dynamic_cast(child, LOADER_CLUSTER_TYPE)) {
        g_string_append_printf(names, "%s%s", names->len ? ", " : "",
                               object_get_name(child));
    }
    return 0;
}

/* The cpu-cluster @name of @ms (a child name or an absolute path). */
static Object *loader_find_cluster(MachineState *ms, const char *name,
                                   Error **errp)
{
    Object *obj = name[0] == '/' ? object_resolve_path(OBJECT(ms), name)
                                 : object_get_child(OBJECT(ms), name);
    g_autoptr(GString) names = NULL;

    if (obj && object_dynamic_cast(obj, LOADER_CLUSTER_TYPE) &&
        machine_of(obj) == ms) {
        return obj;
    }
    names = g_string_new(NULL);
    object_child_foreach(OBJECT(ms), loader_list_cluster, names);
    error_setg(errp, "cluster '%s' is not a cpu-cluster of this machine "
               "(accepted: %s)", name,
               names->len ? names->str : "none: the machine has no CPUs");
    return NULL;
}

static int loader_first_cluster_cb(Object *child, void *opaque)
{
    Object **first = opaque;

    if (object_dynamic_cast(child, LOADER_CLUSTER_TYPE)) {
        *first = child;
        return 1;
    }
    return 0;
}

/* cpu-num= without cluster=: the machine's first cpu-cluster. */
static Object *loader_first_cluster(MachineState *ms, Error **errp)
{
    Object *first = NULL;

    object_child_foreach(OBJECT(ms), loader_first_cluster_cb, &first);
    if (!first) {
        error_setg(errp, "cpu-num= needs a CPU, but the machine has no "
                   "cpu-cluster");
    }
    return first;
}

/* The e_machine an ELF for @cluster must have; 0 when not known. */
static uint16_t loader_cluster_elf_machine(Object *cluster)
{
    g_autofree char *arch = object_property_get_str(cluster, "arch", NULL);

    for (size_t i = 0; arch && i < G_N_ELEMENTS(loader_arch_machines); i++) {
        if (!strcmp(arch, loader_arch_machines[i].arch)) {
            return loader_arch_machines[i].machine;
        }
    }
    return 0;
}

/* Choose the map (and the ELF machine) from cluster=. */
static bool loader_resolve_target(GenericLoaderState *s, MachineState *ms,
                                  Object **cluster, Error **errp)
{
    *cluster = NULL;
    if (s->cluster) {
        *cluster = loader_find_cluster(ms, s->cluster, errp);
    } else if (s->cpu_num.set) {
        *cluster = loader_first_cluster(ms, errp);
    } else {
        s->root = &ms->sysmem;
        s->as_name = g_strdup("system (the machine's memory map)");
        return true;
    }
    if (!*cluster) {
        return false;
    }
    s->root = cpu_cluster_memory_root(*cluster, errp);
    if (!s->root) {
        return false;
    }
    s->as_name = object_get_canonical_path(*cluster);
    s->elf_machine = loader_cluster_elf_machine(*cluster);
    return true;
}

/* ---------------------------------------------------------------------- */
/* Writing                                                                */

static bool loader_write_raw(GenericLoaderState *s, AddressSpace *as,
                             Error **errp)
{
    gsize len;
    const void *data = g_bytes_get_data(s->image, &len);
    hwaddr addr = s->addr.value;

    if (len - 1 > HWADDR_MAX - addr) {
        error_setg(errp, "%s: %zu bytes at addr=0x%" HWADDR_PRIx " run past "
                   "the end of the 64-bit address space", s->file,
                   (size_t)len, addr);
        return false;
    }
    return loader_check_backed(s->file, "image", as, addr, len, errp) &&
           loader_write(s->file, "image", as, addr, data, len, errp);
}

static bool loader_write_data(GenericLoaderState *s, AddressSpace *as,
                              Error **errp)
{
    g_autofree char *what = g_strdup_printf("%u-byte value", s->data_len);
    hwaddr addr = s->addr.value;

    if (s->data_len - 1 > HWADDR_MAX - addr) {
        error_setg(errp, "data: %s at addr=0x%" HWADDR_PRIx " runs past the "
                   "end of the 64-bit address space", what, addr);
        return false;
    }
    return loader_check_backed("data", what, as, addr, s->data_len, errp) &&
           loader_write("data", what, as, addr, s->bytes, s->data_len, errp);
}

/* Write the image or value into the target map; @entry gets e_entry. */
static bool loader_write_all(GenericLoaderState *s, uint64_t *entry,
                             Error **errp)
{
    AddressSpace as;
    bool ok;

    if (!s->image && !s->data.set) {
        return true;            /* addr=,cpu-num= only: nothing to write */
    }
    address_space_init(&as, s->root, s->as_name);
    if (!s->image) {
        ok = loader_write_data(s, &as, errp);
    } else if (s->is_elf) {
        LoadElfOptions opts = { .machine = s->elf_machine };
        LoadElfResult res;
        gsize len;
        const void *data = g_bytes_get_data(s->image, &len);

        ok = load_elf_buffer_as(data, len, s->file, &as, &opts, &res, errp);
        if (ok && entry) {
            *entry = res.entry_paddr;
        }
    } else {
        ok = loader_write_raw(s, &as, errp);
    }
    address_space_destroy(&as);
    return ok;
}

/* ---------------------------------------------------------------------- */
/* Realize and reset                                                      */

/* The options that make sense together; sets bytes[] in data mode. */
static bool loader_check_options(GenericLoaderState *s, Error **errp)
{
    if (s->cpu_num.set && s->data.set) {
        error_setg(errp, "cpu-num= cannot be combined with data= (a value "
                   "has no entry point; give addr=ADDR,cpu-num=N alone to "
                   "set where CPU N starts)");
        return false;
    }
    if (s->file && (s->data.set || s->data_len || s->data_be)) {
        error_setg(errp, "file= cannot be combined with data=, data-len= "
                   "or data-be= (give either an image or a value)");
        return false;
    }
    if (s->file) {
        return true;
    }
    if (!s->data.set && s->cpu_num.set && s->addr.set && !s->data_len &&
        !s->data_be && !s->force_raw) {
        return true;            /* only a start address */
    }
    if (!s->data.set) {
        error_setg(errp, "nothing to load: give file=FILE[,addr=ADDR], "
                   "addr=ADDR,data=VALUE,data-len=N or addr=ADDR,cpu-num=N");
        return false;
    }
    if (s->force_raw) {
        error_setg(errp, "force-raw= applies to file= only");
        return false;
    }
    if (!s->addr.set) {
        error_setg(errp, "data= needs addr=ADDR (where to write the value)");
        return false;
    }
    if (!s->data_len) {
        error_setg(errp, "data= needs data-len=N (the value's size in "
                   "bytes: 1, 2, 4 or 8)");
        return false;
    }
    if (s->data_len != 1 && s->data_len != 2 && s->data_len != 4 &&
        s->data_len != 8) {
        error_setg(errp, "data-len=%u is not a value size (accepted: 1, 2, "
                   "4, 8)", s->data_len);
        return false;
    }
    if (s->data_len < 8 && s->data.value >> (8 * s->data_len)) {
        error_setg(errp, "data=0x%" PRIx64 " does not fit in data-len=%u "
                   "bytes", s->data.value, s->data_len);
        return false;
    }
    for (unsigned i = 0; i < s->data_len; i++) {
        unsigned shift = s->data_be ? 8 * (s->data_len - 1 - i) : 8 * i;

        s->bytes[i] = s->data.value >> shift;
    }
    return true;
}

/* Read file=, decide ELF or raw, check addr= against that. */
static bool loader_read_file(GenericLoaderState *s, Error **errp)
{
    g_autofree char *contents = NULL;
    GError *gerr = NULL;
    gsize len = 0;

    if (!g_file_get_contents(s->file, &contents, &len, &gerr)) {
        error_setg(errp, "file=%s: cannot read it: %s", s->file,
                   gerr->message);
        g_error_free(gerr);
        return false;
    }
    s->is_elf = !s->force_raw && len >= 4 &&
                !memcmp(contents, LOADER_ELF_MAGIC, 4);
    if (s->is_elf && s->addr.set) {
        error_setg(errp, "file=%s is an ELF file, loaded at the addresses "
                   "its program headers give: drop addr=, or add "
                   "force-raw=on to load the file as raw bytes at addr=",
                   s->file);
        return false;
    }
    if (!s->is_elf && !s->addr.set) {
        error_setg(errp, "file=%s is not an ELF file%s: raw images need "
                   "addr=ADDR (where to put the first byte)", s->file,
                   s->force_raw ? " (force-raw=on)" : "");
        return false;
    }
    if (!len) {
        error_setg(errp, "file=%s is empty: nothing to load", s->file);
        return false;
    }
    s->image = g_bytes_new_take(g_steal_pointer(&contents), len);
    return true;
}

/*
 * cpu-num=: CPU N of @cluster starts at @pc from now on (its "boot-pc",
 * read at every reset); reset it once so that it takes effect before
 * the machine starts.
 */
static bool loader_set_boot_pc(GenericLoaderState *s, Object *cluster,
                               uint64_t pc, Error **errp)
{
    g_autofree char *name = g_strdup_printf("cpu[%" PRIu64 "]",
                                            s->cpu_num.value);
    Object *cpu = object_get_child(cluster, name);

    if (!cpu) {
        error_setg(errp, "cpu-num=%" PRIu64 ": cluster '%s' has no CPU %s "
                   "(accepted: 0 to %" PRIu64 ")", s->cpu_num.value,
                   object_get_name(cluster), name,
                   object_property_get_uint(cluster, "num-cpus", NULL) - 1);
        return false;
    }
    if (!object_property_set_uint(cpu, "boot-pc", pc, errp)) {
        error_prepend(errp, "cpu-num=%" PRIu64 ": ", s->cpu_num.value);
        return false;
    }
    resettable_reset(cpu, RESET_TYPE_COLD);
    return true;
}

static bool loader_realize(Object *obj, Error **errp)
{
    GenericLoaderState *s = GENERIC_LOADER(obj);
    MachineState *ms = machine_of(obj);
    Object *cluster;
    uint64_t entry = 0;
    MachineClass *mc;

    if (DEVICE_GET_CLASS(obj)->parent_realize &&
        !DEVICE_GET_CLASS(obj)->parent_realize(obj, errp)) {
        return false;
    }
    if (!ms) {
        error_setg(errp, "a loader must be inside a machine (it writes into "
                   "the machine's memory)");
        return false;
    }
    if (!loader_check_options(s, errp) ||
        !loader_resolve_target(s, ms, &cluster, errp) ||
        (s->file && !loader_read_file(s, errp)) ||
        !loader_write_all(s, &entry, errp)) {
        return false;
    }
    if (s->cpu_num.set) {
        return loader_set_boot_pc(s, cluster, s->is_elf ? entry
                                                        : s->addr.value,
                                  errp);
    }
    mc = MACHINE_GET_CLASS(ms);
    if (s->is_elf && cluster && mc->set_cluster_entry &&
        !mc->set_cluster_entry(ms, cluster, entry, errp)) {
        error_prepend(errp, "file=%s, cluster=%s: entry 0x%" PRIx64 ": ",
                      s->file, s->cluster, entry);
        return false;
    }
    return true;
}

/*
 * A machine reset writes the image again.  It was written at realize
 * into the same map, so a failure here means the map changed under us:
 * reported, not fatal.
 */
static void loader_reset_hold(Object *obj, ResetType type)
{
    GenericLoaderState *s = GENERIC_LOADER(obj);
    Error *err = NULL;

    if (s->root && !loader_write_all(s, NULL, &err)) {
        g_autofree char *path = object_get_canonical_path(obj);

        error_prepend(&err, "%s: reloading at reset: ", path ? path : "?");
        error_report_err(err);
    }
}

static void loader_instance_finalize(Object *obj)
{
    GenericLoaderState *s = GENERIC_LOADER(obj);

    if (s->image) {
        g_bytes_unref(s->image);
    }
    g_free(s->as_name);
}

static const PropDef loader_props[] = {
    DEFINE_PROP_STRING("file", GenericLoaderState, file,
                       "image to load: ELF (by its physical addresses) or "
                       "raw (at addr=)"),
    DEFINE_PROP_BOOL("force-raw", GenericLoaderState, force_raw, false,
                     "load file= as raw bytes at addr= even if it is ELF"),
    DEFINE_PROP_STRING("cluster", GenericLoaderState, cluster,
                       "cpu-cluster whose memory map receives the image "
                       "(a child of /machine, e.g. cpus); default: the "
                       "machine's memory map"),
    DEFINE_PROP_UINT8("data-len", GenericLoaderState, data_len, 0,
                      "bytes of data= to write: 1, 2, 4 or 8"),
    DEFINE_PROP_BOOL("data-be", GenericLoaderState, data_be, false,
                     "write data= big endian, not little endian"),
    PROP_END
};

static void loader_class_init(ObjectClass *oc, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);

    dc->desc = "load an image or a value into guest memory";
    dc->category = DEVICE_CATEGORY_MISC;
    dc->user_creatable = true;
    dc->parent_realize = oc->realize;
    dc->reset_hold = loader_reset_hold;
    oc->realize = loader_realize;
    object_class_add_field_props(oc, loader_props);
    loader_add_opt(oc, "addr", offsetof(GenericLoaderState, addr), "uint64",
                   UINT64_MAX, "guest physical address of a raw image or of "
                   "data= (not with an ELF file)");
    loader_add_opt(oc, "data", offsetof(GenericLoaderState, data), "uint64",
                   UINT64_MAX, "value to write at addr= (with data-len=)");
    loader_add_opt(oc, "cpu-num", offsetof(GenericLoaderState, cpu_num),
                   "uint32", UINT32_MAX, "CPU index in the cluster (cluster= "
                   "or the first) that starts at the ELF entry or at addr= "
                   "(sets its boot-pc)");
}

static const TypeInfo loader_types[] = {
    {
        .name = TYPE_GENERIC_LOADER,
        .parent = TYPE_DEVICE,
        .description = "load an image or a value into guest memory",
        .instance_size = sizeof(GenericLoaderState),
        .instance_finalize = loader_instance_finalize,
        .class_init = loader_class_init,
    },
};

DEFINE_TYPES(loader_types)
