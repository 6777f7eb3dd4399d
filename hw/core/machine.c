/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The machine base type and the machine builder (include/hw/boards.h).
 *
 * Invariants: a MachineState owns its virtual clock (created stopped at
 * instance init, freed at finalize, after the children that armed timers
 * on it are gone) and its memory map container; after machine_build()
 * ms->ram is NULL or a RAM region of ms->ram_size bytes.  Nothing here is
 * global: the classes are the only shared data and they are immutable
 * once created.
 */
#include "hw/boards.h"

#include "system/memory-backend.h"
#include "util/cutils.h"
#include "util/log.h"

#define MACHINE_CHILD "machine"
#define MACHINE_OBJECTS "objects"

/* ---------------------------------------------------------------------- */
/* Classes                                                                */

static gint machine_class_cmp(gconstpointer a, gconstpointer b)
{
    const MachineClass *ma = a, *mb = b;

    return strcmp(ma->name, mb->name);
}

GSList *machine_class_list(void)
{
    GSList *list = object_class_get_list(TYPE_MACHINE, false);

    for (GSList *l = list; l; l = l->next) {
        l->data = MACHINE_CLASS(l->data);
    }
    return g_slist_sort(list, machine_class_cmp);
}

void machine_print_list(FILE *out)
{
    GSList *list = machine_class_list();

    fprintf(out, "Supported machines are:\n");
    for (GSList *l = list; l; l = l->next) {
        MachineClass *mc = l->data;

        fprintf(out, "%-20s %s%s\n", mc->name, mc->desc ? mc->desc : "",
                mc->is_default ? " (default)" : "");
    }
    g_slist_free(list);
}

static char *machine_names(void)
{
    GSList *list = machine_class_list();
    GString *s = g_string_new(NULL);

    for (GSList *l = list; l; l = l->next) {
        g_string_append_printf(s, "%s%s", s->len ? ", " : "",
                               ((MachineClass *)l->data)->name);
    }
    g_slist_free(list);
    return g_string_free(s, FALSE);
}

MachineClass *machine_find_class(const char *type_or_name, Error **errp)
{
    GSList *list = machine_class_list();
    MachineClass *found = NULL;
    g_autofree char *names = NULL;

    for (GSList *l = list; l && !found; l = l->next) {
        MachineClass *mc = l->data;

        if (type_or_name ? (!strcmp(mc->name, type_or_name) ||
                            !strcmp(object_class_get_name(OBJECT_CLASS(mc)),
                                    type_or_name))
                         : mc->is_default) {
            found = mc;
        }
    }
    g_slist_free(list);
    if (found) {
        return found;
    }
    names = machine_names();
    if (type_or_name) {
        error_setg(errp, "unknown machine '%s' (accepted: %s; -M help "
                   "lists them)", type_or_name, names);
    } else {
        error_setg(errp, "no default machine: choose one with -M (accepted: "
                   "%s)", names);
    }
    return NULL;
}

/* ---------------------------------------------------------------------- */
/* Building                                                               */

MachineState *machine_new(Object *root, const char *type_or_name,
                          const Keyval *props, Error **errp)
{
    MachineClass *mc = machine_find_class(type_or_name, errp);
    Object *obj;

    if (!mc) {
        return NULL;
    }
    if (object_get_child(root, MACHINE_CHILD)) {
        error_setg(errp, "there is already a machine in this tree (one "
                   "machine per root)");
        return NULL;
    }
    obj = object_new(object_class_get_name(OBJECT_CLASS(mc)));
    for (size_t i = 0; props && i < keyval_count(props); i++) {
        Error *local = NULL;

        if (!object_property_parse(obj, keyval_key(props, i),
                                   keyval_value(props, i), &local)) {
            error_propagate(errp, local);
            error_prepend(errp, "machine %s: ", mc->name);
            object_unref(obj);
            return NULL;
        }
    }
    if (!object_property_add_child(root, MACHINE_CHILD, obj, errp)) {
        object_unref(obj);
        return NULL;
    }
    object_unref(obj);          /* the root holds it */
    return MACHINE(obj);
}

static bool machine_check_smp(MachineState *ms, MachineClass *mc,
                              Error **errp)
{
    if (!ms->smp.cpus) {
        ms->smp.cpus = mc->max_cpus ? 1 : 0;
    }
    if (!ms->smp.max_cpus) {
        ms->smp.max_cpus = ms->smp.cpus;
    }
    if (ms->smp.max_cpus < ms->smp.cpus) {
        error_setg(errp, "machine %s: maxcpus=%u is less than cpus=%u",
                   mc->name, ms->smp.max_cpus, ms->smp.cpus);
        return false;
    }
    if (ms->smp.max_cpus > mc->max_cpus) {
        error_setg(errp, "machine %s: %u CPUs requested, but the machine "
                   "supports at most %u", mc->name, ms->smp.max_cpus,
                   mc->max_cpus);
        return false;
    }
    return true;
}

/* The RAM of a memory-backend=ID option. */
static bool machine_ram_from_backend(MachineState *ms, bool size_given,
                                     Error **errp)
{
    Object *objects = object_get_child(object_get_root(OBJECT(ms)),
                                       MACHINE_OBJECTS);
    Object *be = objects ? object_get_child(objects, ms->memory_backend)
                         : NULL;
    MemoryRegion *mr;

    if (!be || !object_dynamic_cast(be, TYPE_MEMORY_BACKEND)) {
        error_setg(errp, "machine property memory-backend: no memory "
                   "backend with id '%s' (create one with -object "
                   "memory-backend-ram,id=%s,size=SIZE)", ms->memory_backend,
                   ms->memory_backend);
        return false;
    }
    mr = memory_backend_get_region(be, errp);
    if (!mr) {
        return false;
    }
    if (size_given && memory_region_size(mr) != ms->ram_size) {
        g_autofree char *want = size_to_str(ms->ram_size);
        g_autofree char *have = size_to_str(memory_region_size(mr));

        error_setg(errp, "-m %s does not match the size of memory backend "
                   "'%s' (%s): give one or make them equal", want,
                   ms->memory_backend, have);
        return false;
    }
    ms->ram = mr;
    ms->ram_size = memory_region_size(mr);
    ms->ram_backend = be;
    object_ref(be);
    return true;
}

static bool machine_setup_ram(MachineState *ms, MachineClass *mc,
                              Error **errp)
{
    bool size_given = ms->ram_size != 0;

    if (ms->memory_backend) {
        return machine_ram_from_backend(ms, size_given, errp);
    }
    if (!size_given) {
        ms->ram_size = mc->default_ram_size;
    }
    if (!ms->ram_size) {
        return true;
    }
    if (!memory_region_init_ram(&ms->ram_own, OBJECT(ms), "ram",
                                ms->ram_size, errp)) {
        return false;
    }
    ms->ram_own_init = true;
    ms->ram = &ms->ram_own;
    return true;
}

static bool machine_realize(Object *obj, Error **errp)
{
    MachineState *ms = MACHINE(obj);
    MachineClass *mc = MACHINE_GET_CLASS(ms);

    if (!machine_check_smp(ms, mc, errp) ||
        !machine_setup_ram(ms, mc, errp)) {
        return false;
    }
    if (!ms->cpu_type && mc->default_cpu_type) {
        ms->cpu_type = g_strdup(mc->default_cpu_type);
    }
    return !mc->init || mc->init(ms, errp);
}

bool machine_build(MachineState *ms, Error **errp)
{
    return object_realize_tree(OBJECT(ms), errp);
}

MachineState *machine_create(Object *root, const char *type_or_name,
                             const Keyval *props, Error **errp)
{
    MachineState *ms = machine_new(root, type_or_name, props, errp);

    if (ms && !machine_build(ms, errp)) {
        object_unparent(OBJECT(ms));
        return NULL;
    }
    return ms;
}

MachineState *machine_of(Object *obj)
{
    for (; obj; obj = object_get_parent(obj)) {
        if (object_dynamic_cast(obj, TYPE_MACHINE)) {
            return MACHINE(obj);
        }
    }
    return NULL;
}

void machine_set_request_handler(MachineState *ms, MachineRequestHandler fn,
                                 void *opaque)
{
    ms->request_fn = fn;
    ms->request_opaque = opaque;
}

static void machine_request(MachineState *ms, MachineRequestKind kind,
                            int exit_code)
{
    if (ms->request_fn) {
        ms->request_fn(ms->request_opaque, kind, exit_code);
    } else {
        log_mask(LOG_GUEST_ERROR, "machine: guest %s request (code %d) "
                 "with nobody to serve it\n",
                 kind == MACHINE_REQUEST_RESET ? "reset" : "shutdown",
                 exit_code);
    }
}

void machine_request_shutdown(MachineState *ms, int exit_code)
{
    machine_request(ms, MACHINE_REQUEST_SHUTDOWN, exit_code);
}

void machine_request_reset(MachineState *ms)
{
    machine_request(ms, MACHINE_REQUEST_RESET, 0);
}

/* ---------------------------------------------------------------------- */
/* The QOM type                                                           */

static void machine_instance_init(Object *obj)
{
    MachineState *ms = MACHINE(obj);

    ms->virtual_clock = timer_clock_new_virtual("virtual");
    memory_region_init(&ms->sysmem, obj, "system", UINT64_MAX);
    for (int i = 0; i < MACHINE_MAX_SERIAL; i++) {
        g_autofree char *name = g_strdup_printf("serial%d", i);
        g_autofree char *desc = g_strdup_printf(
            "chardev of serial port %d (from -serial)", i);

        object_property_add_link(obj, name, "chardev", &ms->serial[i],
                                 PROP_F_CONFIG, desc, &error_abort);
    }
}

static void machine_instance_finalize(Object *obj)
{
    MachineState *ms = MACHINE(obj);

    if (ms->builder) {
        ms->builder_free(ms->builder);
    }
    if (ms->ram && ms->ram->container == &ms->sysmem) {
        memory_region_del_subregion(&ms->sysmem, ms->ram);
    }
    memory_region_finalize(&ms->sysmem);
    if (ms->ram_own_init) {
        memory_region_finalize(&ms->ram_own);
    }
    if (ms->ram_backend) {
        object_unref(ms->ram_backend);
    }
    timer_clock_free(ms->virtual_clock);
}

static const PropDef machine_props[] = {
    DEFINE_PROP_SIZE("ram-size", MachineState, ram_size, 0,
                     "RAM size in bytes (-m); 0: the machine's default"),
    DEFINE_PROP_STRING("memory-backend", MachineState, memory_backend,
                       "id of the memory backend object used as RAM"),
    DEFINE_PROP_UINT32("smp-cpus", MachineState, smp.cpus, 0,
                       "number of CPUs (-smp); 0: the machine's default"),
    DEFINE_PROP_UINT32("smp-max-cpus", MachineState, smp.max_cpus, 0,
                       "maximum number of CPUs; 0: smp-cpus"),
    DEFINE_PROP_STRING("cpu-type", MachineState, cpu_type,
                       "CPU model (-cpu)"),
    DEFINE_PROP_STRING("kernel", MachineState, kernel,
                       "guest kernel image (-kernel)"),
    DEFINE_PROP_STRING("initrd", MachineState, initrd,
                       "initial ram disk (-initrd)"),
    DEFINE_PROP_STRING("append", MachineState, append,
                       "kernel command line (-append)"),
    DEFINE_PROP_STRING("dtb", MachineState, dtb,
                       "device tree blob (-dtb)"),
    PROP_END
};

static void machine_class_init(ObjectClass *oc, const void *data)
{
    oc->realize = machine_realize;
    object_class_add_field_props(oc, machine_props);
}

static const TypeInfo machine_types[] = {
    {
        .name = TYPE_MACHINE,
        .parent = TYPE_OBJECT,
        .description = "machine (abstract)",
        .instance_size = sizeof(MachineState),
        .instance_init = machine_instance_init,
        .instance_finalize = machine_instance_finalize,
        .abstract = true,
        .class_size = sizeof(MachineClass),
        .class_init = machine_class_init,
    },
};

DEFINE_TYPES(machine_types)
