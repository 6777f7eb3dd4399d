/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * PSCI 1.1 served by hemu itself, for guests that run without EL3
 * firmware: the CPU's "psci-conduit" property says whether HVC or SMC
 * calls with a PSCI (or SMCCC architecture) function ID in W0 are
 * answered here instead of being taken as exceptions.
 *
 * Power state of a vCPU: env->powered_off (OFF when true) plus a pending
 * CPU_ON request in its ARMPSCIState.  A CPU_ON issued by one vCPU's
 * thread only records the request (under the target's lock) and kicks the
 * target with ARM_CPU_INTERRUPT_PSCI; the target's own thread applies it
 * (arm_psci_apply_on: reset, then the entry state), so no thread ever
 * writes another vCPU's registers.  AFFINITY_INFO reports ON_PENDING
 * between the two.
 *
 * Spec: Arm DEN 0022 (PSCI 1.1): function IDs 5.1, return codes 5.2.2,
 * CPU_ON 5.6, AFFINITY_INFO 5.7, PSCI_FEATURES 5.15; Arm DEN 0028 (SMC
 * Calling Convention 1.1): function ID ranges 2.5, SMCCC_VERSION 7.2.
 */
#include "internals.h"
#include "util/log.h"

/* Function IDs (DEN 0022 5.1); 0xC4... are the SMC64 forms. */
#define PSCI_FN_BASE32          0x84000000u
#define PSCI_FN_BASE64          0xC4000000u
#define PSCI_FN_MASK            0xffffffe0u /* the 32 IDs of each range */
#define PSCI_VERSION            0x00
#define PSCI_CPU_SUSPEND        0x01
#define PSCI_CPU_OFF            0x02
#define PSCI_CPU_ON             0x03
#define PSCI_AFFINITY_INFO      0x04
#define PSCI_MIGRATE_INFO_TYPE  0x06
#define PSCI_SYSTEM_OFF         0x08
#define PSCI_SYSTEM_RESET       0x09
#define PSCI_FEATURES           0x0a
/* SMCCC architecture calls (DEN 0028 7) */
#define SMCCC_VERSION           0x80000000u
#define SMCCC_ARCH_FEATURES     0x80000001u

/* Return codes (DEN 0022 5.2.2) */
#define PSCI_RET_SUCCESS            0
#define PSCI_RET_NOT_SUPPORTED      (-1)
#define PSCI_RET_INVALID_PARAMETERS (-2)
#define PSCI_RET_DENIED             (-3)
#define PSCI_RET_ALREADY_ON         (-4)
#define PSCI_RET_ON_PENDING         (-5)
#define PSCI_RET_INVALID_ADDRESS    (-9)

/* AFFINITY_INFO results */
#define PSCI_AFF_ON         0
#define PSCI_AFF_OFF        1
#define PSCI_AFF_ON_PENDING 2

/* PSCI 1.1 and SMCCC 1.1: major in [30:16], minor in [15:0] */
#define PSCI_VERSION_1_1  0x00010001
#define SMCCC_VERSION_1_1 0x00010001
/* MIGRATE_INFO_TYPE: no Trusted OS that needs migration */
#define PSCI_TOS_NOT_PRESENT 2

/* MPIDR affinity fields Aff3 [39:32], Aff2..Aff0 [23:0] */
#define MPIDR_AFF_MASK UINT64_C(0xff00ffffff)

/* Per-vCPU PSCI state; owned by the CPU (see psci_state()). */
typedef struct ARMPSCIState {
    GMutex lock;                /* orders CPU_ON requests and their
                                   application against each other */
    int on_pending;             /* atomic; 1: CPU_ON not yet applied */
    uint64_t entry;             /* entry point of the pending CPU_ON */
    uint64_t context_id;        /* its X0 */
    unsigned target_el;         /* its EL (the caller's, >= 1) */
} ARMPSCIState;

#define PSCI_STATE_PROP "psci-state"

/* The PSCI state of @cpu, or NULL before realize. */
static ARMPSCIState *psci_state(ARMCPU *cpu)
{
    ObjectProperty *p = object_property_find(OBJECT(cpu), PSCI_STATE_PROP);

    return p ? p->opaque : NULL;
}

static bool psci_is_off(ARMCPU *cpu)
{
    return __atomic_load_n(&cpu->env.powered_off, __ATOMIC_ACQUIRE);
}

/* The vCPU of @cpu's cluster whose MPIDR affinity is @mpidr, or NULL. */
static ARMCPU *psci_find_cpu(ARMCPU *cpu, uint64_t mpidr)
{
    CPUCluster *cl = cpu->parent_obj.cluster;

    if (!cl || !cl->cpus) {
        return (cpu->env.cp.mpidr & MPIDR_AFF_MASK) ==
               (mpidr & MPIDR_AFF_MASK) ? cpu : NULL;
    }
    for (uint32_t i = 0; i < cl->num_cpus; i++) {
        ARMCPU *c = ARM_CPU(cl->cpus[i]);

        if ((c->env.cp.mpidr & MPIDR_AFF_MASK) == (mpidr & MPIDR_AFF_MASK)) {
            return c;
        }
    }
    return NULL;
}

bool arm_psci_pending_on(ARMCPU *cpu)
{
    ARMPSCIState *ps = psci_state(cpu);

    return ps && g_atomic_int_get(&ps->on_pending);
}

void arm_psci_reset(ARMCPU *cpu)
{
    ARMPSCIState *ps = psci_state(cpu);

    /* no lock: arm_psci_apply_on resets the vCPU while holding it */
    if (ps) {
        g_atomic_int_set(&ps->on_pending, 0);
    }
}

/* CPU_ON (5.6): record the request and kick the target. */
static int64_t psci_cpu_on(ARMCPU *cpu, uint64_t mpidr, uint64_t entry,
                           uint64_t context_id)
{
    ARMCPU *target = psci_find_cpu(cpu, mpidr);
    ARMPSCIState *ps = target ? psci_state(target) : NULL;
    int64_t ret = PSCI_RET_SUCCESS;

    if (!ps) {
        return PSCI_RET_INVALID_PARAMETERS;
    }
    if (entry & 3) {
        /* A64 instructions are 4-byte aligned */
        return PSCI_RET_INVALID_ADDRESS;
    }
    g_mutex_lock(&ps->lock);
    if (g_atomic_int_get(&ps->on_pending)) {
        ret = PSCI_RET_ON_PENDING;
    } else if (!psci_is_off(target)) {
        ret = PSCI_RET_ALREADY_ON;
    } else {
        ps->entry = entry;
        ps->context_id = context_id;
        /* the target starts at the caller's EL and execution state
           (DEN 0022, CPU_ON, implementation responsibilities) */
        ps->target_el = HEMU_MAX(arm_current_el(&cpu->env), 1u);
        g_atomic_int_set(&ps->on_pending, 1);
    }
    g_mutex_unlock(&ps->lock);
    if (ret == PSCI_RET_SUCCESS) {
        cpu_interrupt(&target->parent_obj, ARM_CPU_INTERRUPT_PSCI);
    }
    return ret;
}

/* Registers of a vCPU entering @el at @entry with the MMU off. */
static void psci_set_entry_state(ARMCPU *cpu, unsigned el, uint64_t entry,
                                 uint64_t context_id)
{
    CPUARMState *env = &cpu->env;
    unsigned old_el = arm_current_el(env);
    bool old_sp = env->pstate & PSTATE_SP;

    /* AArch64 at ELx with SP_ELx, DAIF masked, as after reset (D1.9) */
    arm_pstate_write(env, PSTATE_DAIF | PSTATE_SP | (el << PSTATE_EL_SHIFT));
    arm_swap_sp(env, old_el, old_sp);
    if (el < 3 && arm_have_el3(env)) {
        /* lower ELs in AArch64 (RW) and Non-secure (NS) */
        env->cp.scr_el3 |= (UINT64_C(1) << 10) | 1;
    }
    if (el < 2 && arm_have_el2(env)) {
        env->cp.hcr_el2 |= UINT64_C(1) << 31; /* HCR_EL2.RW: EL1 AArch64 */
    }
    /* the reset values of SCTLR_ELx have M = 0: the MMU is off */
    env->xregs[0] = context_id;
    env->pc = entry;
}

void arm_psci_apply_on(ARMCPU *cpu)
{
    ARMPSCIState *ps = psci_state(cpu);
    CPUState *cs = &cpu->parent_obj;

    if (!ps) {
        return;
    }
    g_mutex_lock(&ps->lock);
    if (g_atomic_int_get(&ps->on_pending)) {
        /* the reset forgets the request; its fields stay in ps */
        cpu_reset(cs);
        psci_set_entry_state(cpu, ps->target_el, ps->entry, ps->context_id);
        __atomic_store_n(&cpu->env.powered_off, false, __ATOMIC_RELEASE);
        g_atomic_int_set(&cs->halted, 0);
        g_atomic_int_set(&ps->on_pending, 0);
    }
    g_mutex_unlock(&ps->lock);
}

/* CPU_OFF (5.5): this vCPU stops until a CPU_ON. */
static void psci_cpu_off(ARMCPU *cpu)
{
    ARMPSCIState *ps = psci_state(cpu);
    CPUState *cs = &cpu->parent_obj;

    g_mutex_lock(&ps->lock);
    __atomic_store_n(&cpu->env.powered_off, true, __ATOMIC_RELEASE);
    g_atomic_int_set(&cs->halted, 1);
    g_mutex_unlock(&ps->lock);
    cpu_exit(cs);
}

/* AFFINITY_INFO (5.7); only affinity level 0 is supported. */
static int64_t psci_affinity_info(ARMCPU *cpu, uint64_t mpidr,
                                  uint64_t level)
{
    ARMCPU *target = psci_find_cpu(cpu, mpidr);

    if (!target || level != 0) {
        return PSCI_RET_INVALID_PARAMETERS;
    }
    if (arm_psci_pending_on(target)) {
        return PSCI_AFF_ON_PENDING;
    }
    return psci_is_off(target) ? PSCI_AFF_OFF : PSCI_AFF_ON;
}

/* PSCI_FEATURES (5.15): 0 (no feature flags) for what is served. */
static int64_t psci_features(uint32_t fid)
{
    if (fid == SMCCC_VERSION) {
        return PSCI_RET_SUCCESS;
    }
    if ((fid & PSCI_FN_MASK) != PSCI_FN_BASE32 &&
        (fid & PSCI_FN_MASK) != PSCI_FN_BASE64) {
        return PSCI_RET_NOT_SUPPORTED;
    }
    switch (fid & ~PSCI_FN_MASK) {
    case PSCI_VERSION:
    case PSCI_CPU_OFF:
    case PSCI_MIGRATE_INFO_TYPE:
    case PSCI_SYSTEM_OFF:
    case PSCI_SYSTEM_RESET:
    case PSCI_FEATURES:
        /* 32-bit only functions */
        return (fid & PSCI_FN_MASK) == PSCI_FN_BASE32
               ? PSCI_RET_SUCCESS : PSCI_RET_NOT_SUPPORTED;
    case PSCI_CPU_SUSPEND:
        /* flags 0: original power_state format (bit 1 clear), no
           OS-initiated mode (bit 0 clear) */
    case PSCI_CPU_ON:
    case PSCI_AFFINITY_INFO:
        return PSCI_RET_SUCCESS;
    default:
        return PSCI_RET_NOT_SUPPORTED;
    }
}

/* The PSCI functions: @fid's low bits, arguments as 32 or 64 bits. */
static int64_t psci_dispatch(ARMCPU *cpu, uint32_t fid, bool is64)
{
    CPUARMState *env = &cpu->env;
    uint64_t mask = is64 ? UINT64_MAX : UINT32_MAX;
    uint64_t a1 = env->xregs[1] & mask;
    uint64_t a2 = env->xregs[2] & mask;
    uint64_t a3 = env->xregs[3] & mask;

    if (psci_features(fid) != PSCI_RET_SUCCESS) {
        log_mask(LOG_UNIMP, "%s: PSCI function 0x%08x not supported\n",
                 cpu->parent_obj.log_name ? cpu->parent_obj.log_name : "cpu",
                 fid);
        return PSCI_RET_NOT_SUPPORTED;
    }
    switch (fid & ~PSCI_FN_MASK) {
    case PSCI_VERSION:
        return PSCI_VERSION_1_1;
    case PSCI_CPU_SUSPEND:
        /* served as a standby that wakes at once: a permitted early
           return for every power state (5.4.2) */
        return PSCI_RET_SUCCESS;
    case PSCI_CPU_OFF:
        psci_cpu_off(cpu);
        return PSCI_RET_DENIED;     /* only seen if the CPU runs on */
    case PSCI_CPU_ON:
        return psci_cpu_on(cpu, a1, a2, a3);
    case PSCI_AFFINITY_INFO:
        return psci_affinity_info(cpu, a1, a2);
    case PSCI_MIGRATE_INFO_TYPE:
        return PSCI_TOS_NOT_PRESENT;
    case PSCI_SYSTEM_OFF:
        arm_request_shutdown(cpu, 0);
        return PSCI_RET_SUCCESS;
    case PSCI_SYSTEM_RESET:
        arm_request_reset(cpu);
        return PSCI_RET_SUCCESS;
    case PSCI_FEATURES:
        return psci_features((uint32_t)a1);
    default:
        /* psci_features() lists exactly the cases above */
        g_assert_not_reached();
    }
}

bool arm_psci_call(ARMCPU *cpu)
{
    CPUARMState *env = &cpu->env;
    uint32_t fid = (uint32_t)env->xregs[0];
    int64_t ret;

    /* HVC and SMC are UNDEFINED at EL0: never a firmware call there */
    if (arm_current_el(env) == 0 || !psci_state(cpu)) {
        return false;
    }
    if (fid == SMCCC_VERSION) {
        ret = SMCCC_VERSION_1_1;
    } else if (fid == SMCCC_ARCH_FEATURES) {
        uint32_t q = (uint32_t)env->xregs[1];

        ret = q == SMCCC_VERSION || q == SMCCC_ARCH_FEATURES
              ? PSCI_RET_SUCCESS : PSCI_RET_NOT_SUPPORTED;
    } else if ((fid & PSCI_FN_MASK) == PSCI_FN_BASE32) {
        ret = psci_dispatch(cpu, fid, false);
    } else if ((fid & PSCI_FN_MASK) == PSCI_FN_BASE64) {
        ret = psci_dispatch(cpu, fid, true);
    } else if (fid & 0x80000000u) {
        /* another fast call (DEN 0028: TRNG_VERSION, ...): the firmware
           we stand in for has no such service: NOT_SUPPORTED (-1) */
        log_mask(LOG_UNIMP, "psci: SMCCC function 0x%08x not supported\n",
                 fid);
        ret = PSCI_RET_NOT_SUPPORTED;
    } else {
        return false;
    }
    /* results are signed 32- or 64-bit values: sign-extend into X0 */
    env->xregs[0] = (uint64_t)ret;
    return true;
}

/* "psci-state": the vCPU's AFFINITY_INFO state, for the monitor. */
static bool psci_prop_get_state(Object *obj, ObjectProperty *prop,
                                PropValue *val, Error **errp)
{
    ARMCPU *cpu = ARM_CPU(obj);

    val->kind = PROP_KIND_STRING;
    val->s = g_strdup(arm_psci_pending_on(cpu) ? "on-pending"
                      : psci_is_off(cpu) ? "off" : "on");
    return true;
}

static void psci_release(Object *obj, ObjectProperty *prop)
{
    ARMPSCIState *ps = prop->opaque;

    g_mutex_clear(&ps->lock);
    g_free(ps);
}

bool arm_psci_realize(ARMCPU *cpu, Error **errp)
{
    ARMPSCIState *ps;

    if (psci_state(cpu)) {
        return true;
    }
    ps = g_new0(ARMPSCIState, 1);
    g_mutex_init(&ps->lock);
    if (!object_property_add(OBJECT(cpu), PSCI_STATE_PROP, PROP_KIND_STRING,
                             "string", psci_prop_get_state, NULL,
                             psci_release, ps,
                             "PSCI power state: on, off or on-pending",
                             errp)) {
        g_mutex_clear(&ps->lock);
        g_free(ps);
        return false;
    }
    return true;
}
