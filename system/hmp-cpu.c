/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * HMP commands about vCPUs: `info cpus`, `info registers`, `cpu N`,
 * `xp` (guest physical memory through the current vCPU's address space)
 * and `x` (guest virtual memory, translated as that vCPU's current
 * regime maps it, without faulting the guest).
 *
 * vCPUs are numbered in composition-tree order (cluster by cluster, in
 * the order of their paths), so the numbers depend only on the machine
 * description.  The state shown is read while the vCPUs may be running:
 * it is a snapshot of a moment, exact when the machine is stopped.
 * The monitor's current vCPU is per session (QmpSession.hmp_cpu).
 */
#include "system/hmp-cpu.h"
#include "exec/cpu.h"
#include "util/cutils.h"

typedef struct CpuList {
    GPtrArray *cpus;            /* CPUState *, tree order */
} CpuList;

static int collect_cpu(Object *obj, void *opaque)
{
    CpuList *l = opaque;

    if (object_dynamic_cast(obj, TYPE_CPU)) {
        g_ptr_array_add(l->cpus, obj);
    }
    return 0;
}

/* The vCPUs under /machine, in tree order; NULL with an error if none. */
static GPtrArray *hmp_cpus(QmpSession *s, Error **errp)
{
    Object *machine = object_resolve_path(s->root, "/machine");
    CpuList l = { g_ptr_array_new() };

    if (machine) {
        object_child_foreach_recursive(machine, collect_cpu, &l);
    }
    if (!l.cpus->len) {
        g_ptr_array_free(l.cpus, true);
        error_setg(errp, "this machine has no vCPUs");
        return NULL;
    }
    return l.cpus;
}

/* The session's current vCPU (the first one when the choice is stale). */
static CPUState *hmp_current_cpu(QmpSession *s, Error **errp)
{
    GPtrArray *cpus = hmp_cpus(s, errp);
    CPUState *cpu;

    if (!cpus) {
        return NULL;
    }
    if (s->hmp_cpu >= cpus->len) {
        s->hmp_cpu = 0;
    }
    cpu = cpus->pdata[s->hmp_cpu];
    g_ptr_array_free(cpus, true);
    return cpu;
}

bool hmp_info_registers(QmpSession *s, GString *out, Error **errp)
{
    CPUState *cpu = hmp_current_cpu(s, errp);
    g_autofree char *path = NULL;

    if (!cpu) {
        return false;
    }
    path = object_get_canonical_path(OBJECT(cpu));
    g_string_append_printf(out, "CPU#%u %s\n", s->hmp_cpu, path);
    if (!cpu->arch || !cpu->arch->dump_state) {
        g_string_append(out, "(this architecture cannot show registers)\n");
        return true;
    }
    cpu->arch->dump_state(cpu, out);
    return true;
}

bool hmp_info_cpus(QmpSession *s, GString *out, Error **errp)
{
    GPtrArray *cpus = hmp_cpus(s, errp);

    if (!cpus) {
        return false;
    }
    if (s->hmp_cpu >= cpus->len) {
        s->hmp_cpu = 0;
    }
    for (guint i = 0; i < cpus->len; i++) {
        CPUState *cpu = cpus->pdata[i];
        g_autofree char *path = object_get_canonical_path(OBJECT(cpu));
        TBKey key = { 0 };

        if (cpu->arch) {
            cpu->arch->get_tb_key(cpu, &key);
        }
        g_string_append_printf(out, "%c CPU #%u: %s (%s) pc=0x%016" PRIx64
                               "%s\n", i == s->hmp_cpu ? '*' : ' ', i, path,
                               cpu->arch ? cpu->arch->name : "?", key.pc,
                               g_atomic_int_get(&cpu->reset_held)
                               ? " (held in reset)"
                               : g_atomic_int_get(&cpu->halted) ? " (halted)"
                                                                : "");
    }
    g_ptr_array_free(cpus, true);
    return true;
}

bool hmp_cpu(QmpSession *s, const char *arg, GString *out, Error **errp)
{
    GPtrArray *cpus = hmp_cpus(s, errp);
    uint64_t n;
    guint count;

    if (!cpus) {
        return false;
    }
    count = cpus->len;
    g_ptr_array_free(cpus, true);
    if (!arg || !parse_uint64(arg, &n, "cpu", NULL) || n >= count) {
        error_setg(errp, "cpu: '%s' is not a vCPU index (accepted: 0..%u, "
                   "see 'info cpus')", arg ? arg : "", count - 1);
        return false;
    }
    s->hmp_cpu = (unsigned)n;
    return true;
}

/* Parse "/[count][format][size] addr" (QEMU's x/xp syntax). */
static bool parse_xp(const char *cmd, const char *arg, unsigned *count,
                     char *fmt, unsigned *size, uint64_t *addr, Error **errp)
{
    const char *p = arg ? arg : "";
    g_autofree char *addr_str = NULL;

    *count = 1;
    *fmt = 'x';
    *size = 4;
    if (*p == '/') {
        char *end;

        p++;
        if (g_ascii_isdigit(*p)) {
            *count = (unsigned)strtoul(p, &end, 10);
            p = end;
        }
        for (; *p && *p != ' '; p++) {
            switch (*p) {
            case 'x': case 'd': case 'u':
                *fmt = *p;
                break;
            case 'b': *size = 1; break;
            case 'h': *size = 2; break;
            case 'w': *size = 4; break;
            case 'g': *size = 8; break;
            default:
                error_setg(errp, "%s: unknown format letter '%c' (accepted: "
                           "x d u for the format, b h w g for the size)",
                           cmd, *p);
                return false;
            }
        }
    }
    while (*p == ' ') {
        p++;
    }
    addr_str = g_strdup(p);
    if (!*addr_str || !parse_uint64(addr_str, addr, cmd, NULL)) {
        error_setg(errp, "%s: expected '/[count][format][size] address', "
                   "got '%s'", cmd, arg ? arg : "");
        return false;
    }
    if (*count == 0 || *count > 4096) {
        error_setg(errp, "%s: count %u out of range (accepted: 1..4096)",
                   cmd, *count);
        return false;
    }
    return true;
}

/*
 * Load @op at guest virtual @va as the current regime of @cpu maps it
 * (the frontend's debug_translate; none: virtual is physical).  An item
 * crossing a page is read byte by byte, each byte translated.
 */
static MemTxResult hmp_load_virt(CPUState *cpu, vaddr va, MemOp op,
                                 uint64_t *v)
{
    const TargetArch *arch = cpu->arch;
    unsigned size = memop_size(op);
    uint64_t page = UINT64_C(1) << cpu->cluster->page_bits;
    MemTxResult res = MEMTX_OK;
    hwaddr pa = va;

    if ((va & (page - 1)) + size <= page) {
        if (arch->debug_translate && !arch->debug_translate(cpu, va, &pa)) {
            return MEMTX_DECODE_ERROR;
        }
        *v = address_space_ld(&cpu->cluster->as, pa, op,
                              MEMTXATTRS_UNSPECIFIED, &res);
        return res;
    }
    *v = 0;
    for (unsigned i = 0; i < size && res == MEMTX_OK; i++) {
        unsigned sh = memop_is_be(op) ? (size - 1 - i) * 8 : i * 8;

        pa = va + i;
        if (arch->debug_translate &&
            !arch->debug_translate(cpu, va + i, &pa)) {
            return MEMTX_DECODE_ERROR;
        }
        *v |= address_space_ld(&cpu->cluster->as, pa, MO_8,
                               MEMTXATTRS_UNSPECIFIED, &res) << sh;
    }
    return res;
}

/*
 * x and xp: @cmd's items, at guest virtual addresses (@virt: through the
 * frontend's debug_translate of the current vCPU) or physical ones.
 */
static bool hmp_memory_dump(QmpSession *s, const char *cmd, const char *arg,
                            bool virt, GString *out, Error **errp)
{
    CPUState *cpu;
    unsigned count, size, per_line;
    uint64_t addr;
    char fmt;

    if (!parse_xp(cmd, arg, &count, &fmt, &size, &addr, errp)) {
        return false;
    }
    cpu = hmp_current_cpu(s, errp);
    if (!cpu) {
        return false;
    }
    per_line = 16 / size;
    for (unsigned i = 0; i < count; i++) {
        uint64_t a = addr + (uint64_t)i * size;
        MemTxResult res = MEMTX_OK;
        MemOp op = (MemOp)(__builtin_ctz(size) |
                           (cpu->arch->big_endian ? MO_BE : MO_LE));
        uint64_t v;

        if (i % per_line == 0) {
            g_string_append_printf(out, "%s%016" PRIx64 ":", i ? "\n" : "",
                                   a);
        }
        if (virt) {
            res = hmp_load_virt(cpu, a, op, &v);
        } else {
            v = address_space_ld(&cpu->cluster->as, a, op,
                                 MEMTXATTRS_UNSPECIFIED, &res);
        }
        if (res != MEMTX_OK) {
            g_string_append(out, " <unmapped>");
            continue;
        }
        if (fmt == 'x') {
            g_string_append_printf(out, " 0x%0*" PRIx64, (int)size * 2, v);
        } else if (fmt == 'u') {
            g_string_append_printf(out, " %" PRIu64, v);
        } else {
            int64_t sv = size == 8 ? (int64_t)v
                         : (int64_t)(v << (64 - 8 * size)) >> (64 - 8 * size);

            g_string_append_printf(out, " %" PRId64, sv);
        }
    }
    g_string_append_c(out, '\n');
    return true;
}

bool hmp_xp(QmpSession *s, const char *arg, GString *out, Error **errp)
{
    return hmp_memory_dump(s, "xp", arg, false, out, errp);
}

bool hmp_x(QmpSession *s, const char *arg, GString *out, Error **errp)
{
    return hmp_memory_dump(s, "x", arg, true, out, errp);
}

static int mtree_cluster(Object *obj, void *opaque)
{
    GString *out = opaque;
    CPUCluster *cl = (CPUCluster *)object_dynamic_cast(obj,
                                                       TYPE_CPU_CLUSTER);
    g_autofree char *path = NULL;

    if (!cl || !cl->as_init) {
        return 0;
    }
    path = object_get_canonical_path(obj);
    g_string_append_printf(out, "\naddress space of cluster %s (%s):\n",
                           path, cl->arch ? cl->arch->name : "?");
    address_space_print_flatview(out, &cl->as);
    return 0;
}

void hmp_mtree_clusters(QmpSession *s, GString *out)
{
    Object *machine = object_resolve_path(s->root, "/machine");

    if (machine) {
        object_child_foreach_recursive(machine, mtree_cluster, out);
    }
}
