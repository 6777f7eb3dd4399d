/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The generic timer system registers (CNTFRQ, CNTPCT, CNTVCT, CNTKCTL,
 * CNTHCTL, CNTVOFF and the CTL/CVAL/TVAL of the physical, virtual, EL2
 * physical and secure physical timers), as rows of the system register
 * table (sysreg.h).  The counter comes from arm_gt_count(); after every
 * change of a timer's state arm_gt_update() recomputes its output
 * (target/arm/hw/gtimer.c).
 *
 * Invariants: CVAL is the state, TVAL is computed from it; ISTATUS is
 * computed at each read of CTL from the count, so it is never stale.
 * EL0 access follows CNTKCTL_EL1, EL0/EL1 access CNTHCTL_EL2 (non-VHE).
 * Spec: Arm ARM DDI 0487, D11 (the generic timer), D17.10 (registers).
 */
#include "sysreg.h"

#define K(op0, op1, crn, crm, op2) ARM_SYSREG_KEY(op0, op1, crn, crm, op2)
#define ENV(f) ((int32_t)offsetof(CPUARMState, f))
#define NEVER ARM_SR_NEVER

/* CNTKCTL_EL1 bits (EL0 access) and CNTHCTL_EL2 bits (EL1 access). */
#define CNTKCTL_EL0PCTEN (1u << 0)
#define CNTKCTL_EL0VCTEN (1u << 1)
#define CNTKCTL_EL0VTEN  (1u << 8)
#define CNTKCTL_EL0PTEN  (1u << 9)
#define CNTHCTL_EL1PCTEN (1u << 0)
#define CNTHCTL_EL1PCEN  (1u << 1)

#define CTL_ENABLE  1u
#define CTL_IMASK   2u
#define CTL_ISTATUS 4u

/* The timer a CTL/CVAL/TVAL key names: by op1 (3, 4, 7), CRm 2 or 3. */
static int timer_of(uint32_t key)
{
    unsigned op1 = (key >> 11) & 7, crm = (key >> 3) & 15;

    if (op1 == 3) {
        return crm == 3 ? GTIMER_VIRT : GTIMER_PHYS;
    }
    return op1 == 4 ? GTIMER_HYP : GTIMER_SEC;
}

/* The count a timer compares with: the virtual one subtracts CNTVOFF. */
static uint64_t timer_count(CPUARMState *env, int t)
{
    uint64_t count = arm_gt_count(arm_env_cpu(env));

    return t == GTIMER_VIRT ? count - env->cp.cntvoff_el2 : count;
}

static uint64_t read_cntpct(CPUARMState *env, const ARMSysReg *r)
{
    return timer_count(env, GTIMER_PHYS);
}

static uint64_t read_cntvct(CPUARMState *env, const ARMSysReg *r)
{
    return timer_count(env, GTIMER_VIRT);
}

static uint64_t read_ctl(CPUARMState *env, const ARMSysReg *r)
{
    int t = timer_of(r->key);
    ARMGenericTimer *gt = &env->cp.cnt[t];
    uint32_t ctl = gt->ctl & (CTL_ENABLE | CTL_IMASK);

    if ((ctl & CTL_ENABLE) && timer_count(env, t) >= gt->cval) {
        ctl |= CTL_ISTATUS;
    }
    return ctl;
}

static void write_ctl(CPUARMState *env, const ARMSysReg *r, uint64_t v,
                      uintptr_t ra)
{
    int t = timer_of(r->key);

    env->cp.cnt[t].ctl = v & (CTL_ENABLE | CTL_IMASK);
    arm_gt_update(arm_env_cpu(env), t);
}

static uint64_t read_cval(CPUARMState *env, const ARMSysReg *r)
{
    return env->cp.cnt[timer_of(r->key)].cval;
}

static void write_cval(CPUARMState *env, const ARMSysReg *r, uint64_t v,
                       uintptr_t ra)
{
    int t = timer_of(r->key);

    env->cp.cnt[t].cval = v;
    arm_gt_update(arm_env_cpu(env), t);
}

/* TVAL: TimerValue [31:0] = (CVAL - count)[31:0], bits 63:32 RES0. */
static uint64_t read_tval(CPUARMState *env, const ARMSysReg *r)
{
    int t = timer_of(r->key);

    return (uint32_t)(env->cp.cnt[t].cval - timer_count(env, t));
}

/* Writing TVAL sets CVAL = count + SignExtend(TVAL[31:0]). */
static void write_tval(CPUARMState *env, const ARMSysReg *r, uint64_t v,
                       uintptr_t ra)
{
    int t = timer_of(r->key);

    env->cp.cnt[t].cval = timer_count(env, t) + (int64_t)(int32_t)v;
    arm_gt_update(arm_env_cpu(env), t);
}

static void write_cntvoff(CPUARMState *env, const ARMSysReg *r, uint64_t v,
                          uintptr_t ra)
{
    env->cp.cntvoff_el2 = v;
    arm_gt_update(arm_env_cpu(env), GTIMER_VIRT);
}

/*
 * EL0 access through CNTKCTL_EL1 (trap to EL1, or EL2 with HCR.TGE) and
 * EL0/EL1 access to the physical counter and timer through CNTHCTL_EL2
 * (trap to EL2), for a register gated by @el0_bits (any of them) and
 * @el1_bit.
 */
static ARMSysRegCheck timer_check(CPUARMState *env, uint32_t el0_bits,
                                  uint32_t el1_bit)
{
    unsigned el = arm_current_el(env);

    if (el == 0 && !(env->cp.cntkctl_el1 & el0_bits)) {
        return ARM_SR_TRAP_EL1;
    }
    if (el <= 1 && el1_bit && arm_el2_enabled(env) &&
        !(env->cp.cnthctl_el2 & el1_bit)) {
        return ARM_SR_TRAP_EL2;
    }
    return ARM_SR_OK;
}

/* CNTFRQ_EL0: readable at EL0 with EL0PCTEN or EL0VCTEN; writable only
   at the highest implemented EL (UNDEFINED below it). */
static ARMSysRegCheck access_cntfrq(CPUARMState *env, const ARMSysReg *r,
                                    bool is_read)
{
    if (!is_read) {
        return arm_current_el(env) == arm_highest_el(env) ? ARM_SR_OK
                                                          : ARM_SR_UNDEF;
    }
    return timer_check(env, CNTKCTL_EL0PCTEN | CNTKCTL_EL0VCTEN, 0);
}

static ARMSysRegCheck access_cntpct(CPUARMState *env, const ARMSysReg *r,
                                    bool is_read)
{
    return timer_check(env, CNTKCTL_EL0PCTEN, CNTHCTL_EL1PCTEN);
}

static ARMSysRegCheck access_cntvct(CPUARMState *env, const ARMSysReg *r,
                                    bool is_read)
{
    return timer_check(env, CNTKCTL_EL0VCTEN, 0);
}

static ARMSysRegCheck access_cntp(CPUARMState *env, const ARMSysReg *r,
                                  bool is_read)
{
    return timer_check(env, CNTKCTL_EL0PTEN, CNTHCTL_EL1PCEN);
}

static ARMSysRegCheck access_cntv(CPUARMState *env, const ARMSysReg *r,
                                  bool is_read)
{
    return timer_check(env, CNTKCTL_EL0VTEN, 0);
}

/*
 * CNTPS_*_EL1: EL3, or Secure EL1 when SCR_EL3.ST allows it (else trap
 * to EL3); UNDEFINED at Non-secure EL1.
 */
static ARMSysRegCheck access_cntps(CPUARMState *env, const ARMSysReg *r,
                                   bool is_read)
{
    if (arm_current_el(env) == 3) {
        return ARM_SR_OK;
    }
    if (!arm_secure_below_el3(env)) {
        return ARM_SR_UNDEF;
    }
    return env->cp.scr_el3 & (1u << 11) ? ARM_SR_OK : ARM_SR_TRAP_EL3;
}

/* The three registers of one timer at op1, CRm, lowest EL, access fn. */
#define TIMER(pfx, sfx, op1, crm, el, fl, acc) \
    { .key = K(3, op1, 14, crm, 0), .name = pfx "_TVAL_" sfx, \
      .rd_el = el, .wr_el = el, .flags = fl, .offset = -1, \
      .access = acc, .read = read_tval, .write = write_tval }, \
    { .key = K(3, op1, 14, crm, 1), .name = pfx "_CTL_" sfx, \
      .rd_el = el, .wr_el = el, .flags = fl, .offset = -1, \
      .access = acc, .read = read_ctl, .write = write_ctl }, \
    { .key = K(3, op1, 14, crm, 2), .name = pfx "_CVAL_" sfx, \
      .rd_el = el, .wr_el = el, .flags = fl, .offset = -1, \
      .access = acc, .read = read_cval, .write = write_cval }

const ARMSysReg arm_timer_sysreg_table[] = {
    { .key = K(3, 3, 14, 0, 0), .name = "CNTFRQ_EL0", .rd_el = 0,
      .wr_el = 1, .offset = ENV(cp.cntfrq_el0), .access = access_cntfrq },
    { .key = K(3, 3, 14, 0, 1), .name = "CNTPCT_EL0", .rd_el = 0,
      .wr_el = NEVER, .offset = -1, .access = access_cntpct,
      .read = read_cntpct },
    { .key = K(3, 3, 14, 0, 2), .name = "CNTVCT_EL0", .rd_el = 0,
      .wr_el = NEVER, .offset = -1, .access = access_cntvct,
      .read = read_cntvct },
    { .key = K(3, 0, 14, 1, 0), .name = "CNTKCTL_EL1", .rd_el = 1,
      .wr_el = 1, .offset = ENV(cp.cntkctl_el1) },
    { .key = K(3, 4, 14, 1, 0), .name = "CNTHCTL_EL2", .rd_el = 2,
      .wr_el = 2, .flags = ARM_SRF_EL2, .offset = ENV(cp.cnthctl_el2),
      .reset = CNTHCTL_EL1PCTEN | CNTHCTL_EL1PCEN },
    { .key = K(3, 4, 14, 0, 3), .name = "CNTVOFF_EL2", .rd_el = 2,
      .wr_el = 2, .flags = ARM_SRF_EL2, .offset = ENV(cp.cntvoff_el2),
      .write = write_cntvoff },
    TIMER("CNTP", "EL0", 3, 2, 0, 0, access_cntp),
    TIMER("CNTV", "EL0", 3, 3, 0, 0, access_cntv),
    TIMER("CNTHP", "EL2", 4, 2, 2, ARM_SRF_EL2, NULL),
    TIMER("CNTPS", "EL1", 7, 2, 1, ARM_SRF_EL3, access_cntps),
};

const size_t arm_timer_sysreg_count = G_N_ELEMENTS(arm_timer_sysreg_table);
