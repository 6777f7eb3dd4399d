/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * QMP commands about vCPUs and guest memory (schema qapi/machine.json):
 * query-cpus-fast, memsave, pmemsave and the architecture-specific
 * inject-nmi.
 *
 * vCPUs are numbered as the human monitor numbers them (`info cpus`,
 * `cpu N`, system/hmp-cpu.c): every TYPE_CPU under /machine in
 * composition-tree order, i.e. clusters in the order they were added,
 * then their CPUs cpu[0]..cpu[N-1].  Memory is read while the vCPUs may
 * run: a snapshot, exact when the machine is stopped.  Virtual addresses
 * are translated as `x` does, through the frontend's debug_translate (no
 * guest fault, no TLB fill).  Holes in the physical map read as zeros, as
 * with QEMU.  User reference: docs/user/qmp.md.
 */
#include "qapi/qapi-commands.h"

#include <errno.h>
#include "exec/cpu.h"
#include "hw/boards.h"

/* The largest memsave/pmemsave: a debugging dump, not a disk image. */
#define QMP_MEMSAVE_MAX (UINT64_C(1) << 30)
/* Bytes read and written per step (bounded host memory). */
#define QMP_MEMSAVE_CHUNK 65536

static int qmp_collect_cpu(Object *obj, void *opaque)
{
    if (object_dynamic_cast(obj, TYPE_CPU)) {
        g_ptr_array_add(opaque, obj);
    }
    return 0;
}

/* Every vCPU under /machine in `info cpus` order (maybe empty). */
static GPtrArray *qmp_cpu_list(QmpSession *s)
{
    Object *machine = object_resolve_path(s->root, "/machine");
    GPtrArray *cpus = g_ptr_array_new();

    if (machine) {
        object_child_foreach_recursive(machine, qmp_collect_cpu, cpus);
    }
    return cpus;
}

bool qmp_query_cpus_fast(GPtrArray **ret, QmpSession *s, Error **errp)
{
    g_autoptr(GPtrArray) cpus = qmp_cpu_list(s);
    GPtrArray *list = qapi_cpu_info_fast_list_new();

    for (guint i = 0; i < cpus->len; i++) {
        CPUState *cpu = cpus->pdata[i];
        CpuInfoFast *info = g_new0(CpuInfoFast, 1);
        const char *arch = cpu->arch ? cpu->arch->name : "unknown";

        info->cpu_index = i;
        info->qom_path = object_get_canonical_path(OBJECT(cpu));
        info->cluster = cpu->cluster
                        ? object_get_canonical_path(OBJECT(cpu->cluster))
                        : g_strdup("");
        /* hemu's frontend names are QEMU's target names ("aarch64") */
        info->target = g_strdup(arch);
        info->arch = g_strdup(arch);
        g_ptr_array_add(list, info);
    }
    *ret = list;
    return true;
}

/* ---------------------------------------------------------------------- */
/* memsave, pmemsave                                                      */

static bool qmp_check_range(const char *cmd, int64_t val, int64_t size,
                            Error **errp)
{
    if (size < 0 || (uint64_t)size > QMP_MEMSAVE_MAX) {
        error_setg(errp, "%s: size %" PRId64 " out of range (accepted: 0 "
                   "to %" PRIu64 " bytes)", cmd, size, QMP_MEMSAVE_MAX);
        return false;
    }
    if (size && (uint64_t)val + (uint64_t)size - 1 < (uint64_t)val) {
        error_setg(errp, "%s: 0x%" PRIx64 " + %" PRId64 " bytes wraps around "
                   "the address space", cmd, (uint64_t)val, size);
        return false;
    }
    return true;
}

static FILE *qmp_open_dump(const char *cmd, const char *filename,
                           Error **errp)
{
    FILE *f = fopen(filename, "wb");

    if (!f) {
        error_setg(errp, "%s: cannot create '%s': %s", cmd, filename,
                   g_strerror(errno));
    }
    return f;
}

static bool qmp_close_dump(const char *cmd, const char *filename, FILE *f,
                           bool ok, Error **errp)
{
    if (ferror(f) && ok) {
        error_setg(errp, "%s: writing '%s' failed: %s", cmd, filename,
                   g_strerror(errno));
        ok = false;
    }
    if (fclose(f) && ok) {
        error_setg(errp, "%s: writing '%s' failed: %s", cmd, filename,
                   g_strerror(errno));
        ok = false;
    }
    if (!ok) {
        unlink(filename);
    }
    return ok;
}

/* Copy [@pa, @pa + @len) of @as to @f; holes read as zeros. */
static bool qmp_dump_phys(AddressSpace *as, hwaddr pa, uint64_t len,
                          FILE *f, uint8_t *buf)
{
    while (len) {
        hwaddr n = HEMU_MIN(len, (uint64_t)QMP_MEMSAVE_CHUNK);

        address_space_read(as, pa, MEMTXATTRS_UNSPECIFIED, buf, n);
        if (fwrite(buf, 1, n, f) != n) {
            return false;
        }
        pa += n;
        len -= n;
    }
    return true;
}

/* The cluster at @path, or an error naming it. */
static CPUCluster *qmp_find_cluster(QmpSession *s, const char *cmd,
                                    const char *path, Error **errp)
{
    Object *obj = object_resolve_path(s->root, path);

    if (!obj) {
        error_set(errp, ERROR_CLASS_DEVICE_NOT_FOUND, "%s: no object at '%s' "
                  "(query-cpus-fast lists the clusters)", cmd, path);
        return NULL;
    }
    if (!object_dynamic_cast(obj, TYPE_CPU_CLUSTER) ||
        !CPU_CLUSTER(obj)->as_init) {
        error_setg(errp, "%s: '%s' is not a realized cpu-cluster "
                   "(query-cpus-fast lists the clusters)", cmd, path);
        return NULL;
    }
    return CPU_CLUSTER(obj);
}

bool qmp_pmemsave(int64_t val, int64_t size, const char *filename,
                  const char *cluster, QmpSession *s, Error **errp)
{
    Object *mobj = object_resolve_path(s->root, "/machine");
    g_autofree uint8_t *buf = NULL;
    CPUCluster *cl = NULL;
    AddressSpace tmp_as;
    AddressSpace *as;
    FILE *f;
    bool ok;

    if (!qmp_check_range("pmemsave", val, size, errp)) {
        return false;
    }
    if (cluster) {
        cl = qmp_find_cluster(s, "pmemsave", cluster, errp);
        if (!cl) {
            return false;
        }
    } else if (!object_dynamic_cast(mobj, TYPE_MACHINE) ||
               !object_is_realized(mobj)) {
        error_set(errp, ERROR_CLASS_DEVICE_NOT_ACTIVE,
                  "pmemsave: no machine is built in this run");
        return false;
    }
    f = qmp_open_dump("pmemsave", filename, errp);
    if (!f) {
        return false;
    }
    if (cl) {
        as = &cl->as;
    } else {
        address_space_init(&tmp_as, &MACHINE(mobj)->sysmem, "pmemsave");
        as = &tmp_as;
    }
    buf = g_malloc(QMP_MEMSAVE_CHUNK);
    ok = qmp_dump_phys(as, (hwaddr)val, (uint64_t)size, f, buf);
    if (!cl) {
        address_space_destroy(&tmp_as);
    }
    return qmp_close_dump("pmemsave", filename, f, ok, errp);
}

/*
 * Copy guest virtual [@va, @va + @len) as @cpu maps it now to @f, page
 * by page; false with an error naming the first unmapped address.
 */
static bool qmp_dump_virt(CPUState *cpu, unsigned index, vaddr va,
                          uint64_t len, FILE *f, const char *filename,
                          Error **errp)
{
    const TargetArch *arch = cpu->arch;
    uint64_t page = UINT64_C(1) << cpu->cluster->page_bits;
    g_autofree uint8_t *buf = g_malloc(page);

    while (len) {
        uint64_t n = HEMU_MIN(len, page - (va & (page - 1)));
        hwaddr pa = va;

        if (arch->debug_translate && !arch->debug_translate(cpu, va, &pa)) {
            g_autofree char *path = object_get_canonical_path(OBJECT(cpu));

            error_setg(errp, "memsave: virtual address 0x%" PRIx64 " is not "
                       "mapped by CPU %u (%s) in its current translation "
                       "regime", (uint64_t)va, index, path);
            return false;
        }
        address_space_read(&cpu->cluster->as, pa, MEMTXATTRS_UNSPECIFIED,
                           buf, n);
        if (fwrite(buf, 1, n, f) != n) {
            error_setg(errp, "memsave: writing '%s' failed: %s", filename,
                       g_strerror(errno));
            return false;
        }
        va += n;
        len -= n;
    }
    return true;
}

bool qmp_memsave(int64_t val, int64_t size, const char *filename,
                 bool has_cpu_index, int64_t cpu_index, QmpSession *s,
                 Error **errp)
{
    g_autoptr(GPtrArray) cpus = qmp_cpu_list(s);
    int64_t index = has_cpu_index ? cpu_index : 0;
    CPUState *cpu;
    FILE *f;
    bool ok;

    if (!qmp_check_range("memsave", val, size, errp)) {
        return false;
    }
    if (!cpus->len) {
        error_setg(errp, "memsave: this machine has no vCPUs");
        return false;
    }
    if (index < 0 || index >= cpus->len) {
        error_setg(errp, "memsave: cpu-index %" PRId64 " out of range "
                   "(accepted: 0..%u, see query-cpus-fast)", index,
                   cpus->len - 1);
        return false;
    }
    cpu = cpus->pdata[index];
    if (!cpu->arch || !cpu->cluster || !cpu->cluster->as_init) {
        error_setg(errp, "memsave: CPU %" PRId64 " is not realized", index);
        return false;
    }
    f = qmp_open_dump("memsave", filename, errp);
    if (!f) {
        return false;
    }
    ok = qmp_dump_virt(cpu, (unsigned)index, (vaddr)val, (uint64_t)size, f,
                       filename, errp);
    if (!ok) {
        fclose(f);
        unlink(filename);
        return false;
    }
    return qmp_close_dump("memsave", filename, f, true, errp);
}

/* ---------------------------------------------------------------------- */
/* inject-nmi                                                             */

static int qmp_collect_cluster(Object *obj, void *opaque)
{
    if (object_dynamic_cast(obj, TYPE_CPU_CLUSTER) &&
        CPU_CLUSTER(obj)->arch) {
        g_ptr_array_add(opaque, obj);
    }
    return 0;
}

static bool qmp_nmi_cluster(CPUCluster *cl, Error **errp)
{
    for (unsigned i = 0; i < cl->num_cpus; i++) {
        if (!cl->arch->inject_nmi(cl->cpus[i], errp)) {
            return false;
        }
    }
    return true;
}

/* "aarch64" or "aarch64, riscv": the distinct archs of @clusters. */
static char *qmp_arch_names(GPtrArray *clusters)
{
    GString *names = g_string_new(NULL);

    for (guint i = 0; i < clusters->len; i++) {
        const char *n = ((CPUCluster *)clusters->pdata[i])->arch->name;
        bool seen = false;

        for (guint j = 0; j < i; j++) {
            seen |= ((CPUCluster *)clusters->pdata[j])->arch->name == n;
        }
        if (!seen) {
            g_string_append_printf(names, "%s%s", names->len ? ", " : "", n);
        }
    }
    if (!names->len) {
        g_string_append(names, "a machine without CPUs");
    }
    return g_string_free(names, false);
}

bool qmp_inject_nmi(const char *cluster, QmpSession *s, Error **errp)
{
    Object *machine = object_resolve_path(s->root, "/machine");
    g_autoptr(GPtrArray) clusters = g_ptr_array_new();
    g_autofree char *names = NULL;
    unsigned done = 0;

    if (cluster) {
        CPUCluster *cl = qmp_find_cluster(s, "inject-nmi", cluster, errp);

        if (!cl) {
            return false;
        }
        g_ptr_array_add(clusters, cl);
    } else if (machine) {
        object_child_foreach_recursive(machine, qmp_collect_cluster,
                                       clusters);
    }
    for (guint i = 0; i < clusters->len; i++) {
        CPUCluster *cl = clusters->pdata[i];

        if (!cl->arch->inject_nmi) {
            continue;
        }
        if (!qmp_nmi_cluster(cl, errp)) {
            return false;
        }
        done++;
    }
    if (done) {
        return true;
    }
    names = qmp_arch_names(clusters);
    error_setg(errp, "inject-nmi: not available for %s", names);
    return false;
}
