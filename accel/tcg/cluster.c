/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * TYPE_CPU_CLUSTER: a group of vCPUs of one architecture and CPU model,
 * and what they share: the frontend (property "arch", resolved through
 * target_arch_lookup), the page size ("page-bits", validated against the
 * frontend's range), the address space rendered from the memory root the
 * machine gives (cpu_cluster_set_memory), the TB cache and the TCG
 * context.  Realize creates the vCPUs as children cpu[0]..cpu[N-1].
 *
 * The TCG context is created when the cluster starts running
 * (cpu_cluster_start_tcg), so the machine-wide `-accel backend=` applies
 * to clusters that did not choose their own.
 */
#include "exec/cpu.h"
#include "hw/boards.h"
#include "hw/memory-map.h"
#include "internal.h"

void cpu_cluster_set_memory(CPUCluster *cl, MemoryRegion *root)
{
    assert(!object_is_realized(OBJECT(cl)));
    cl->memory = root;
}

void cpu_cluster_set_arch(CPUCluster *cl, const TargetArch *arch)
{
    assert(!object_is_realized(OBJECT(cl)));
    cl->arch = arch;
}

uint64_t cpu_cluster_get_insn_count(CPUCluster *cl)
{
    uint64_t n = 0;

    for (uint32_t i = 0; cl->cpus && i < cl->num_cpus; i++) {
        n += cpu_get_insn_count(cl->cpus[i]);
    }
    return n;
}

void cpu_cluster_get_tb_stats(CPUCluster *cl, TBStats *st)
{
    g_mutex_lock(&cl->tb_lock);
    *st = cl->tbs->stats;
    g_mutex_unlock(&cl->tb_lock);
}

bool cpu_cluster_start_tcg(CPUCluster *cl, TCGBackendKind backend,
                           Error **errp)
{
    const TargetArch *arch = cl->arch;
    g_autofree char *path = object_get_canonical_path(OBJECT(cl));
    TCGContextConfig cfg = {
        .backend = backend,
        .page_bits = cl->page_bits,
        .tlb_offset = cpu_field_offset(arch, offsetof(CPUState, tlb.f)),
        .nb_mmu_idx = arch->nb_mmu_idx,
        .ld_slow = tlb_ld_slow,
        .st_slow = tlb_st_slow,
        .insn_start_words = arch->insn_start_words,
        .code_size = (size_t)cl->tb_size,
    };

    if (cl->tcg) {
        return true;
    }
    if (cl->backend &&
        !tcg_backend_parse(cl->backend, &cfg.backend, errp)) {
        error_prepend(errp, "cpu-cluster '%s' property 'backend': ",
                      path ? path : "?");
        return false;
    }
    cl->tcg = tcg_context_new(&cfg, errp);
    if (!cl->tcg) {
        error_prepend(errp, "cpu-cluster '%s': ", path ? path : "?");
        return false;
    }
    cl->tcg_globals = arch->tcg_init(cl->tcg);
    return true;
}

static void cluster_map_changed(MemoryListener *l)
{
    CPUCluster *cl = container_of(l, CPUCluster, listener);

    for (uint32_t i = 0; i < cl->num_cpus; i++) {
        tlb_flush_async(cl->cpus[i], UINT32_MAX);
    }
}

static const char *cluster_cpu_type(CPUCluster *cl, Error **errp)
{
    const char *type = cl->cpu_model ? cl->cpu_model
                     : cl->arch->default_cpu_model ? cl->arch->default_cpu_model
                     : cl->arch->cpu_type;
    ObjectClass *oc = object_class_by_name(type);

    if (!oc || !object_class_dynamic_cast(oc, cl->arch->cpu_type) ||
        object_class_is_abstract(oc)) {
        error_setg(errp, "cpu-cluster property 'cpu-type': '%s' is not a "
                   "concrete CPU type of architecture '%s' (accepted: "
                   "subtypes of '%s')", type, cl->arch->name,
                   cl->arch->cpu_type);
        return NULL;
    }
    return type;
}

static bool cluster_create_cpus(CPUCluster *cl, const char *type,
                                Error **errp)
{
    cl->cpus = g_new0(CPUState *, cl->num_cpus);
    for (uint32_t i = 0; i < cl->num_cpus; i++) {
        g_autofree char *name = g_strdup_printf("cpu[%u]", i);
        Object *obj = object_new_child(OBJECT(cl), name, type, errp);
        CPUState *cpu;

        if (!obj) {
            return false;
        }
        cpu = CPU(obj);
        cpu->cluster = cl;
        cpu->arch = cl->arch;
        cpu->cpu_index = i;
        cpu->log_name = g_strdup_printf("%s/cpu[%u] (%s)",
                                        object_get_name(OBJECT(cl)) ?: "cluster",
                                        i, cl->arch->name);
        cl->cpus[i] = cpu;
        if (!object_realize(obj, errp)) {
            return false;
        }
    }
    return true;
}

static bool cluster_realize(Object *obj, Error **errp)
{
    CPUCluster *cl = CPU_CLUSTER(obj);
    const TargetArch *arch;
    const char *type;
    g_autofree char *path = object_get_canonical_path(obj);
    DeviceClass *dc = DEVICE_GET_CLASS(obj);

    if (dc->parent_realize && !dc->parent_realize(obj, errp)) {
        return false;
    }
    if (cl->arch) {
        if (!target_arch_validate(cl->arch, errp)) {
            return false;
        }
    } else if (!cl->arch_name) {
        error_setg(errp, "cpu-cluster '%s': property 'arch' is required "
                   "(see -target help)", path ? path : "?");
        return false;
    } else {
        cl->arch = target_arch_lookup(cl->arch_name, errp);
        if (!cl->arch) {
            error_prepend(errp, "cpu-cluster '%s' property 'arch': ",
                          path ? path : "?");
            return false;
        }
    }
    arch = cl->arch;
    if (cl->page_bits == 0) {
        cl->page_bits = arch->default_page_bits;
    }
    if (cl->page_bits < arch->min_page_bits ||
        cl->page_bits > arch->max_page_bits) {
        error_setg(errp, "cpu-cluster '%s' property 'page-bits': %u is out "
                   "of range for '%s' (accepted: %u..%u)", path ? path : "?",
                   cl->page_bits, arch->name, arch->min_page_bits,
                   arch->max_page_bits);
        return false;
    }
    if (!cl->memory && cl->memory_map) {
        cl->memory = memory_map_root(cl->memory_map);
    }
    if (!cl->memory) {
        /* by default the cluster sees the memory map of its machine */
        MachineState *ms = machine_of(obj);

        if (ms) {
            cl->memory = &ms->sysmem;
        }
    }
    if (!cl->memory) {
        error_setg(errp, "cpu-cluster '%s': no memory map was given "
                   "(cpu_cluster_set_memory), and it is not in a machine",
                   path ? path : "?");
        return false;
    }
    type = cluster_cpu_type(cl, errp);
    if (!type) {
        return false;
    }
    address_space_init(&cl->as, cl->memory, path ? path : "cpu-cluster");
    cl->as_init = true;
    cl->listener.commit = cluster_map_changed;
    cl->listener.name = "cpu-cluster-tlb";
    if (!cluster_create_cpus(cl, type, errp)) {
        return false;
    }
    memory_listener_register(&cl->listener, &cl->as);
    return true;
}

static void cluster_instance_init(Object *obj)
{
    CPUCluster *cl = CPU_CLUSTER(obj);

    g_mutex_init(&cl->tb_lock);
    g_mutex_init(&cl->atomic_lock);
    g_rw_lock_init(&cl->exec_lock);
    cl->tbs = tb_cache_new();
}

static void cluster_instance_finalize(Object *obj)
{
    CPUCluster *cl = CPU_CLUSTER(obj);

    if (cl->listener.as) {
        memory_listener_unregister(&cl->listener);
    }
    tb_cache_free(cl->tbs);
    if (cl->tcg) {
        if (cl->arch->tcg_free) {
            cl->arch->tcg_free(cl->tcg_globals);
        }
        tcg_context_free(cl->tcg);
    }
    if (cl->as_init) {
        address_space_destroy(&cl->as);
    }
    g_free(cl->cpus);
    g_mutex_clear(&cl->tb_lock);
    g_mutex_clear(&cl->atomic_lock);
    g_rw_lock_clear(&cl->exec_lock);
}

static const PropDef cluster_props[] = {
    DEFINE_PROP_STRING("arch", CPUCluster, arch_name,
                       "architecture of the CPUs (see -target help)"),
    DEFINE_PROP_STRING("cpu-type", CPUCluster, cpu_model,
                       "QOM type of the CPUs (default: the frontend's)"),
    DEFINE_PROP_UINT32_RANGE("num-cpus", CPUCluster, num_cpus, 1, 1, 256,
                             "number of vCPUs"),
    DEFINE_PROP_UINT32_RANGE("page-bits", CPUCluster, page_bits, 0, 0, 30,
                             "log2 of the page size; 0: the frontend's "
                             "default"),
    DEFINE_PROP_STRING("backend", CPUCluster, backend,
                       "TCG backend: jit or interp (default: -accel's)"),
    DEFINE_PROP_LINK("memory", CPUCluster, memory_map, TYPE_MEMORY_MAP,
                     "the address map the CPUs see (default: the "
                     "machine's)"),
    DEFINE_PROP_SIZE("tb-size", CPUCluster, tb_size, 0,
                     "translated code buffer size (64K..2G; 0: 32M)"),
    PROP_END
};

static void cluster_class_init(ObjectClass *oc, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);

    dc->category = DEVICE_CATEGORY_CPU;
    dc->desc = "a cluster of vCPUs of one architecture";
    dc->parent_realize = oc->realize;
    oc->realize = cluster_realize;
    object_class_add_field_props(oc, cluster_props);
}

static const TypeInfo cluster_types[] = {
    {
        .name = TYPE_CPU_CLUSTER,
        .parent = TYPE_DEVICE,
        .description = "cluster of vCPUs sharing a frontend, page size, "
                       "address space and code cache",
        .instance_size = sizeof(CPUCluster),
        .instance_init = cluster_instance_init,
        .instance_finalize = cluster_instance_finalize,
        .class_init = cluster_class_init,
    },
};

DEFINE_TYPES(cluster_types)

