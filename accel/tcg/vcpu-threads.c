/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Running all vCPUs of a machine: the `-accel tcg` and `-icount` options,
 * and cpus_start/cpus_stop/cpus_wait_shutdown.  The run state lives in a
 * TYPE_ACCEL_TCG object at <machine>/accel, never in a global.
 *
 * Multi-threaded: one thread per vCPU; a halted vCPU sleeps on its
 * condition variable (cpu_interrupt and cpu_exit signal it).
 * Single-threaded: one thread runs every vCPU of every cluster in tree
 * order, `quantum` instructions per turn; with icount the virtual clock
 * counts instructions (2^shift ns each), turns are cut at the next timer
 * deadline and expired timers run between turns, so runs repeat exactly.
 */
#include "exec/cpus.h"
#include "internal.h"
#include "hw/boards.h"
#include "util/cutils.h"

typedef struct AccelTCG AccelTCG;

struct CPUThread {
    AccelTCG *accel;
    CPUState *cpu;              /* NULL for the single round-robin thread */
    GThread *thread;
};

struct AccelTCG {
    Object parent_obj;
    AccelConfig cfg;
    GPtrArray *cpus;            /* CPUState *, tree order */
    GPtrArray *threads;         /* CPUThread *, owned */
    int stop;                   /* atomic: threads must return */
    bool paused;                /* cpus_pause: no threads until resume */
    TimerClock *clock;          /* icount drives it; NULL: off */
    int64_t warp_ns;            /* icount: time skipped while all vCPUs
                                   slept (added to the clock) */
};

OBJECT_DECLARE_SIMPLE_TYPE(AccelTCG, ACCEL_TCG)

void accel_config_init(AccelConfig *cfg)
{
    memset(cfg, 0, sizeof(*cfg));
    cfg->backend = tcg_backend_available(TCG_BACKEND_JIT) ?
                   TCG_BACKEND_JIT : TCG_BACKEND_INTERP;
    cfg->quantum = ACCEL_DEFAULT_QUANTUM;
    cfg->icount_shift = -1;
}

static bool accel_opt(AccelConfig *cfg, const char *key, const char *val,
                      Error **errp)
{
    uint64_t n;

    if (!strcmp(key, "backend")) {
        return tcg_backend_parse(val, &cfg->backend, errp);
    }
    if (!strcmp(key, "thread")) {
        if (strcmp(val, "single") && strcmp(val, "multi")) {
            error_setg(errp, "-accel tcg: thread=%s is invalid (accepted: "
                       "single, multi)", val);
            return false;
        }
        cfg->single_thread = !strcmp(val, "single");
        return true;
    }
    if (!strcmp(key, "quantum")) {
        if (!parse_uint64(val, &n, "-accel tcg quantum", errp)) {
            return false;
        }
        if (n < 1 || n > (1u << 30)) {
            error_setg(errp, "-accel tcg: quantum=%s is out of range "
                       "(accepted: 1..%u)", val, 1u << 30);
            return false;
        }
        cfg->quantum = (uint32_t)n;
        return true;
    }
    error_setg(errp, "-accel tcg: unknown option '%s' (accepted: backend, "
               "thread, quantum)", key);
    return false;
}

bool accel_config_parse(AccelConfig *cfg, const char *opts, Error **errp)
{
    g_auto(GStrv) items = g_strsplit(opts ? opts : "", ",", -1);

    for (size_t i = 0; items[i]; i++) {
        char *eq = strchr(items[i], '=');
        if (!items[i][0] || (i == 0 && !strcmp(items[i], "tcg"))) {
            continue;
        }
        if (!eq) {
            error_setg(errp, "-accel tcg: '%s' is not key=value (accepted "
                       "keys: backend, thread, quantum)", items[i]);
            return false;
        }
        *eq = '\0';
        if (!accel_opt(cfg, items[i], eq + 1, errp)) {
            return false;
        }
    }
    return true;
}

bool accel_config_parse_icount(AccelConfig *cfg, const char *opts,
                               Error **errp)
{
    const char *v = opts ? opts : "";
    uint64_t n;

    if (g_str_has_prefix(v, "shift=")) {
        v += 6;
    }
    if (!parse_uint64(v, &n, "-icount shift", errp)) {
        return false;
    }
    if (n > 10) {
        error_setg(errp, "-icount: shift=%s is out of range (accepted: "
                   "0..10)", v);
        return false;
    }
    cfg->icount_shift = (int)n;
    /* Deterministic runs need one thread (as QEMU: no MTTCG + icount). */
    cfg->single_thread = true;
    return true;
}

static int collect_cpus(Object *obj, void *opaque)
{
    GPtrArray *cpus = opaque;
    CPUCluster *cl = (CPUCluster *)object_dynamic_cast(obj, TYPE_CPU_CLUSTER);

    for (uint32_t i = 0; cl && cl->cpus && i < cl->num_cpus; i++) {
        g_ptr_array_add(cpus, cl->cpus[i]);
    }
    return 0;
}

static int64_t icount_now(void *opaque)
{
    AccelTCG *a = opaque;
    uint64_t n = 0;

    for (guint i = 0; i < a->cpus->len; i++) {
        n += cpu_get_insn_count(g_ptr_array_index(a->cpus, i));
    }
    return (int64_t)(n << a->cfg.icount_shift) + a->warp_ns;
}

/*
 * icount with every vCPU asleep: no instruction will move the clock, so
 * jump it to the next timer deadline (deterministically) and run the
 * timers.  Returns false when there is no timer to wait for.
 */
static bool icount_warp(AccelTCG *a)
{
    int64_t d = timer_clock_deadline_ns(a->clock);

    /*
     * No timer, or one so far ahead (an RTC alarm 2^32 s away) that the
     * clock would overflow: nothing to warp to; wait for an interrupt.
     */
    if (d < 0 || d > INT64_MAX / 4 - a->warp_ns) {
        return false;
    }
    a->warp_ns += d;
    timer_clock_run_expired(a->clock);
    return true;
}

static bool accel_stopping(AccelTCG *a)
{
    return g_atomic_int_get(&a->stop) != 0;
}

/*
 * @cpu stopped for the debugger (EXCP_DEBUG): tell its cluster's hook,
 * then sleep until the vCPUs are paused (cpus_pause kicks every vCPU).
 */
static void vcpu_debug_park(AccelTCG *a, CPUState *cpu)
{
    CPUCluster *cl = cpu->cluster;

    if (cl->debug_stop) {
        cl->debug_stop(cpu, cl->debug_opaque);
    }
    g_mutex_lock(&cpu->lock);
    while (!accel_stopping(a)) {
        g_cond_wait(&cpu->cond, &cpu->lock);
    }
    g_mutex_unlock(&cpu->lock);
}

static gpointer vcpu_thread_fn(gpointer opaque)
{
    CPUThread *t = opaque;
    CPUState *cpu = t->cpu;

    memory_rcu_register_thread();
    while (!accel_stopping(t->accel)) {
        int r;

        cpu_set_budget(cpu, INT32_MAX / 2);
        r = cpu_exec(cpu);
        if (r == EXCP_DEBUG) {
            vcpu_debug_park(t->accel, cpu);
            continue;
        }
        if (r != EXCP_HLT) {
            continue;
        }
        g_mutex_lock(&cpu->lock);
        while (!cpu_can_run(cpu) && !accel_stopping(t->accel)) {
            g_cond_wait(&cpu->cond, &cpu->lock);
        }
        g_mutex_unlock(&cpu->lock);
    }
    memory_rcu_unregister_thread();
    return NULL;
}

/* Instructions for the next turn: the quantum, cut at a timer deadline. */
static int32_t rr_budget(AccelTCG *a)
{
    int64_t q = a->cfg.quantum;

    if (a->clock) {
        int64_t d = timer_clock_deadline_ns(a->clock);
        if (d >= 0) {
            q = HEMU_MIN(q, HEMU_MAX(d >> a->cfg.icount_shift, 1));
        }
    }
    return (int32_t)q;
}

static gpointer rr_thread_fn(gpointer opaque)
{
    CPUThread *t = opaque;
    AccelTCG *a = t->accel;

    memory_rcu_register_thread();
    while (!accel_stopping(a)) {
        bool ran = false;
        for (guint i = 0; i < a->cpus->len && !accel_stopping(a); i++) {
            CPUState *cpu = g_ptr_array_index(a->cpus, i);
            if (!cpu_can_run(cpu)) {
                continue;
            }
            cpu_set_budget(cpu, rr_budget(a));
            if (cpu_exec(cpu) == EXCP_DEBUG) {
                vcpu_debug_park(a, cpu);
                break;
            }
            ran = true;
            if (a->clock) {
                timer_clock_run_expired(a->clock);
            }
        }
        if (!ran && !(a->clock && icount_warp(a))) {
            /* All asleep: wait for an interrupt from another thread. */
            g_usleep(200);
        }
    }
    memory_rcu_unregister_thread();
    return NULL;
}

static CPUThread *accel_new_thread(AccelTCG *a, CPUState *cpu,
                                   GThreadFunc fn, const char *name)
{
    CPUThread *t = g_new0(CPUThread, 1);

    t->accel = a;
    t->cpu = cpu;
    if (cpu) {
        cpu->thread = t;
    }
    g_ptr_array_add(a->threads, t);
    t->thread = g_thread_new(name, fn, t);
    return t;
}

static bool accel_prepare(AccelTCG *a, Object *machine, Error **errp)
{
    MachineState *ms = (MachineState *)object_dynamic_cast(machine,
                                                           TYPE_MACHINE);

    object_child_foreach_recursive(machine, collect_cpus, a->cpus);
    for (guint i = 0; i < a->cpus->len; i++) {
        CPUState *cpu = g_ptr_array_index(a->cpus, i);
        if (!cpu_cluster_start_tcg(cpu->cluster, a->cfg.backend, errp)) {
            return false;
        }
        cpu->cluster->icount_exact = a->cfg.icount_shift >= 0;
    }
    if (a->cfg.icount_shift >= 0 && !a->cfg.single_thread) {
        error_setg(errp, "-icount needs -accel tcg,thread=single (the "
                   "instruction count drives the clock only when one "
                   "thread runs all vCPUs)");
        return false;
    }
    if (a->cfg.icount_shift >= 0) {
        a->clock = a->cfg.clock ? a->cfg.clock
                 : ms ? ms->virtual_clock : NULL;
        if (!a->clock) {
            error_setg(errp, "-icount: the machine has no virtual clock to "
                       "drive");
            return false;
        }
        /* From here the clock counts instructions, from its value now. */
        timer_clock_set_source(a->clock, icount_now, a);
        timer_clock_start(a->clock);
    }
    return true;
}

/* One thread per vCPU, or the round-robin thread. */
static void accel_spawn(AccelTCG *a)
{
    g_atomic_int_set(&a->stop, 0);
    if (a->cfg.single_thread) {
        accel_new_thread(a, NULL, rr_thread_fn, "vcpu-rr");
    } else {
        for (guint i = 0; i < a->cpus->len; i++) {
            g_autofree char *name = g_strdup_printf("vcpu-%u", i);
            accel_new_thread(a, g_ptr_array_index(a->cpus, i),
                             vcpu_thread_fn, name);
        }
    }
}

/* Join every thread (after stop was set) and forget them. */
static void accel_join(AccelTCG *a)
{
    for (guint i = 0; i < a->threads->len; i++) {
        CPUThread *t = g_ptr_array_index(a->threads, i);
        if (t->thread) {
            g_thread_join(t->thread);
            t->thread = NULL;
        }
        if (t->cpu) {
            t->cpu->thread = NULL;
        }
    }
    g_ptr_array_set_size(a->threads, 0);
}

static AccelTCG *accel_of(Object *machine)
{
    return (AccelTCG *)object_dynamic_cast(
        object_get_child(machine, "accel"), TYPE_ACCEL_TCG);
}

bool cpus_start(Object *machine, const AccelConfig *cfg, Error **errp)
{
    AccelTCG *a;

    if (object_get_child(machine, "accel")) {
        error_setg(errp, "cpus_start: the vCPUs of this machine are already "
                   "running");
        return false;
    }
    a = ACCEL_TCG(object_new(TYPE_ACCEL_TCG));
    a->cfg = *cfg;
    if (!accel_prepare(a, machine, errp) ||
        !object_property_add_child(machine, "accel", OBJECT(a), errp)) {
        object_unref(OBJECT(a));
        return false;
    }
    object_unref(OBJECT(a));
    if (a->cfg.start_paused) {
        a->paused = true;
    } else if (a->cpus->len) {
        accel_spawn(a);
    }
    return true;
}

void cpus_pause(Object *machine)
{
    AccelTCG *a = accel_of(machine);

    if (!a || a->paused) {
        return;
    }
    g_atomic_int_set(&a->stop, 1);
    for (guint i = 0; i < a->cpus->len; i++) {
        cpu_exit(g_ptr_array_index(a->cpus, i));
    }
    accel_join(a);
    a->paused = true;
}

void cpus_resume(Object *machine)
{
    AccelTCG *a = accel_of(machine);

    if (!a || !a->paused) {
        return;
    }
    a->paused = false;
    if (a->cpus->len) {
        accel_spawn(a);
    }
}

void cpus_request_shutdown(Object *machine)
{
    AccelTCG *a = accel_of(machine);

    if (!a) {
        return;
    }
    g_atomic_int_set(&a->stop, 1);
    for (guint i = 0; i < a->cpus->len; i++) {
        cpu_exit(g_ptr_array_index(a->cpus, i));
    }
}

void cpus_wait_shutdown(Object *machine)
{
    AccelTCG *a = accel_of(machine);

    if (!a) {
        return;
    }
    accel_join(a);
    if (a->clock) {
        timer_clock_stop(a->clock);
        timer_clock_set_source(a->clock, NULL, NULL);
        a->clock = NULL;
    }
    object_unparent(OBJECT(a));
}

void cpus_stop(Object *machine)
{
    cpus_request_shutdown(machine);
    cpus_wait_shutdown(machine);
}

static void accel_instance_init(Object *obj)
{
    AccelTCG *a = ACCEL_TCG(obj);

    a->cpus = g_ptr_array_new();
    a->threads = g_ptr_array_new_with_free_func(g_free);
}

static void accel_instance_finalize(Object *obj)
{
    AccelTCG *a = ACCEL_TCG(obj);

    assert(!a->clock);
    g_ptr_array_unref(a->cpus);
    g_ptr_array_unref(a->threads);
}

static const TypeInfo accel_types[] = {
    {
        .name = TYPE_ACCEL_TCG,
        .parent = TYPE_OBJECT,
        .description = "run state of the vCPUs of a machine (TCG)",
        .instance_size = sizeof(AccelTCG),
        .instance_init = accel_instance_init,
        .instance_finalize = accel_instance_finalize,
    },
};

DEFINE_TYPES(accel_types)
