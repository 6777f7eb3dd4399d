/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The Generic Timer of one AArch64 vCPU: the system counter it reads
 * (CNTPCT_EL0, and CNTVCT_EL0 = CNTPCT_EL0 - CNTVOFF_EL2) and its four
 * timers (EL1 physical, EL1 virtual, EL2 physical, EL3 secure physical).
 *
 * The counter is derived from the machine's virtual clock: count =
 * ns * freq / 1e9, computed in 128 bits, so it is frozen while the machine
 * is paused and starts at 0 when the machine starts.  A vCPU that is not
 * in a machine (unit tests) uses the host clock.  The counter frequency is
 * the CPU's "cntfrq" property, else the model's, else 62.5 MHz; it is read
 * at reset (CNTFRQ_EL0 itself is only a register firmware may rewrite: it
 * does not change the rate).
 *
 * The registers (CVAL, CTL, CNTVOFF) live in env->cp and are written by
 * the vCPU's own thread (sysreg.c), which then calls arm_gt_update().
 * Expiry callbacks run on whichever thread runs the clock (the main loop,
 * or the round-robin vCPU thread).  Both paths recompute ISTATUS, the
 * output level and the next expiry under the per-vCPU ARMTimers lock, so
 * the last computation always reflects the newest registers.
 *
 * Outputs: the CPU's qdev GPIO outputs "gtimer" 0..3 (GTIMER_*), level
 * high while ISTATUS == 1 and IMASK == 0; the machine wires them to an
 * interrupt controller (or, without a GIC, to the CPU's own inputs).
 *
 * Spec: Arm ARM DDI 0487, D11 "The Generic Timer in AArch64 state"
 * (D11.2.4 timer conditions) and the CNT*_CTL/CVAL/TVAL descriptions.
 */
#include "internals.h"
#include "hw/boards.h"
#include "hw/irq.h"
#include "hw/qdev.h"
#include "util/timer.h"

/* The counter rate when neither the CPU nor its model says (Hz). */
#define GT_DEFAULT_FREQ 62500000u

#define GT_CTL_ENABLE  (1u << 0)
#define GT_CTL_IMASK   (1u << 1)
#define GT_CTL_ISTATUS (1u << 2)

/* The timers of one vCPU; owned by the ARMCPU (cpu->timers). */
struct ARMTimers {
    ARMCPU *cpu;
    TimerClock *clock;          /* the machine's virtual clock, or the
                                   host clock outside a machine */
    uint64_t freq;              /* counter Hz, nonzero; set at reset */
    Timer *timer[GTIMER_COUNT]; /* fires when the count reaches CVAL */
    IRQLine *out[GTIMER_COUNT]; /* GPIO outputs "gtimer" (slots) */
    int level[GTIMER_COUNT];    /* last level driven on out[] */
    struct ARMTimerSlot {
        ARMTimers *gt;
        int t;                  /* GTIMER_* */
    } slot[GTIMER_COUNT];       /* the expiry callbacks' opaques */
    GMutex lock;                /* serialises every update of the timer
                                   state, the outputs and the expiries */
};

/* Hz of the counter from the properties and the model. */
static uint64_t gt_pick_freq(ARMCPU *cpu)
{
    if (cpu->gt_freq) {
        return cpu->gt_freq;
    }
    if (cpu->env.model && cpu->env.model->cntfrq) {
        return cpu->env.model->cntfrq;
    }
    return GT_DEFAULT_FREQ;
}

/* Ticks of a @freq Hz counter at @ns nanoseconds (rounded down). */
static uint64_t gt_ns_to_ticks(int64_t ns, uint64_t freq)
{
    unsigned __int128 t = (unsigned __int128)(uint64_t)HEMU_MAX(ns, 0) *
                          freq;

    return (uint64_t)(t / NANOSECONDS_PER_SECOND);
}

/*
 * The first nanosecond at which the counter shows @ticks (rounded up),
 * or -1 when that is past INT64_MAX ns (never, in practice).
 */
static int64_t gt_ticks_to_ns(uint64_t ticks, uint64_t freq)
{
    unsigned __int128 ns = ((unsigned __int128)ticks * NANOSECONDS_PER_SECOND +
                            freq - 1) / freq;

    return ns > INT64_MAX ? -1 : (int64_t)ns;
}

uint64_t arm_gt_count(ARMCPU *cpu)
{
    ARMTimers *gt = cpu->timers;

    if (!gt) {
        /* not realized yet: the host clock at the default rate */
        return gt_ns_to_ticks(timer_host_now_ns(), gt_pick_freq(cpu));
    }
    return gt_ns_to_ticks(timer_clock_get_ns(gt->clock), gt->freq);
}

/*
 * Recompute timer @t at physical count @now: ISTATUS, the output and
 * the expiry.  Called with gt->lock held.
 */
static void gt_recompute(ARMTimers *gt, int t, uint64_t now)
{
    CPUARMState *env = &gt->cpu->env;
    ARMGenericTimer *r = &env->cp.cnt[t];
    uint32_t ctl = g_atomic_int_get(&r->ctl) & (GT_CTL_ENABLE | GT_CTL_IMASK);
    /* D11.2.4: the virtual timer compares against CNTVCT = CNTPCT - off */
    uint64_t count = t == GTIMER_VIRT ? now - env->cp.cntvoff_el2 : now;
    bool istatus = (ctl & GT_CTL_ENABLE) && count >= r->cval;
    int level = istatus && !(ctl & GT_CTL_IMASK);

    g_atomic_int_set(&r->ctl, ctl | (istatus ? GT_CTL_ISTATUS : 0));
    if (level != gt->level[t]) {
        gt->level[t] = level;
        irq_set_level(gt->out[t], level);
    }
    if ((ctl & GT_CTL_ENABLE) && !istatus) {
        /* the count reaches CVAL after cval - count more ticks; a sum
           past 2^64 physical ticks never happens */
        uint64_t delta = r->cval - count;
        int64_t when = now + delta < now ? -1
                     : gt_ticks_to_ns(now + delta, gt->freq);

        if (when >= 0) {
            timer_mod_ns(gt->timer[t], when);
            return;
        }
    }
    timer_del(gt->timer[t]);
}

void arm_gt_update(ARMCPU *cpu, int t)
{
    ARMTimers *gt = cpu->timers;

    assert(t >= 0 && t < GTIMER_COUNT);
    if (!gt) {
        return;
    }
    g_mutex_lock(&gt->lock);
    gt_recompute(gt, t, gt_ns_to_ticks(timer_clock_get_ns(gt->clock),
                                       gt->freq));
    g_mutex_unlock(&gt->lock);
}

/* Expiry of one timer (the clock's thread): recompute and re-arm. */
static void gt_expired(void *opaque)
{
    struct ARMTimerSlot *slot = opaque;

    arm_gt_update(slot->gt->cpu, slot->t);
}

void arm_gt_reset(ARMCPU *cpu)
{
    ARMTimers *gt = cpu->timers;
    uint64_t now;

    if (!gt) {
        return;
    }
    g_mutex_lock(&gt->lock);
    gt->freq = gt_pick_freq(cpu);
    now = gt_ns_to_ticks(timer_clock_get_ns(gt->clock), gt->freq);
    for (int t = 0; t < GTIMER_COUNT; t++) {
        /* reset cleared CTL (ENABLE = 0): this lowers the output */
        gt_recompute(gt, t, now);
    }
    g_mutex_unlock(&gt->lock);
}

/* "gtimer-count": CNTPCT_EL0 now, for the monitor and tests. */
static bool gt_prop_get_count(Object *obj, ObjectProperty *prop,
                              PropValue *val, Error **errp)
{
    val->kind = PROP_KIND_UINT;
    val->u = arm_gt_count(ARM_CPU(obj));
    return true;
}

/* The property's release: the CPU is being finalised; free the timers. */
static void gt_release(Object *obj, ObjectProperty *prop)
{
    ARMCPU *cpu = ARM_CPU(obj);
    ARMTimers *gt = prop->opaque;

    for (int t = 0; t < GTIMER_COUNT; t++) {
        timer_free(gt->timer[t]);
    }
    g_mutex_clear(&gt->lock);
    if (cpu->timers == gt) {
        cpu->timers = NULL;
    }
    g_free(gt);
}

bool arm_gt_realize(ARMCPU *cpu, Error **errp)
{
    MachineState *ms = machine_of(OBJECT(cpu));
    ARMTimers *gt;

    if (cpu->timers) {
        return true;
    }
    gt = g_new0(ARMTimers, 1);
    gt->cpu = cpu;
    gt->clock = ms ? ms->virtual_clock : timer_clock_host();
    gt->freq = gt_pick_freq(cpu);
    g_mutex_init(&gt->lock);
    for (int t = 0; t < GTIMER_COUNT; t++) {
        gt->slot[t].gt = gt;
        gt->slot[t].t = t;
        gt->timer[t] = timer_new_ns(gt->clock, gt_expired, &gt->slot[t]);
    }
    /*
     * The timers live as long as the CPU: a read-only property owns them
     * and its release hook frees them when the CPU is finalised.
     */
    if (!object_property_add(OBJECT(cpu), "gtimer-count", PROP_KIND_UINT,
                             "uint64", gt_prop_get_count, NULL, gt_release,
                             gt, "the system counter (CNTPCT_EL0) now",
                             errp)) {
        gt_release(OBJECT(cpu), &(ObjectProperty){ .opaque = gt });
        return false;
    }
    qdev_init_gpio_out_named(DEVICE(cpu), gt->out, "gtimer", GTIMER_COUNT);
    cpu->timers = gt;
    return true;
}
