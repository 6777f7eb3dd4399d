/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The GICv3 CPU interface of one vCPU: the state behind the ICC_*
 * system registers (priority mask, binary points, group enables,
 * EOImode, active priorities) and the operations they trigger:
 * acknowledge (IAR), priority drop and deactivation (EOIR, DIR) and SGI
 * generation (SGI0R, SGI1R).  sysreg-gic.c maps each register encoding
 * to arm_gicv3_icc_read/write; tests call those directly.
 *
 * How a vCPU finds its interface: the GIC adds a read-only property
 * "gicv3-cpuif" (the CPU's index in the GIC) to each CPU it serves at
 * realize, whose opaque is the GICv3CPU; it removes it at finalize.  No
 * property: no GICv3, the ICC_* registers are UNDEFINED.
 *
 * Priorities: 5 bits (PRIbits = 4 in ICC_CTLR_EL1), so the group
 * priority of an interrupt is at most bits [7:3] and one active
 * priorities register per group has a bit per preemption level.
 * ICC_CTLR_EL1.CBPR is RAZ/WI (each group uses its own binary point).
 * Running priority: the highest (lowest numbered) set bit of AP0R0 |
 * AP1R0.  One security state: SGI0R generates Group 0 SGIs, SGI1R Group
 * 1 SGIs; an SGI whose target configures that INTID in the other group
 * is not forwarded (IHI 0069 12.2.21 / table 12-3 with DS = 1).
 *
 * Spec: Arm IHI 0069, 4.8 (priority, preemption, running priority),
 * 4.1.1 (acknowledge), 4.1.1.1 (EOImode), 12.2 (ICC_* registers).
 */
#include "gic-common.h"

#include "util/bitops.h"
#include "util/log.h"

#define GICV3_CPUIF_PROP "gicv3-cpuif"

#define ICC_CTLR_EOIMODE (1u << 1)
/* RO fields of ICC_CTLR_EL1: PRIbits = 4 (5 bits), IDbits = 0 (16 bits),
   A3V = 1 (SGIs may target Aff3 != 0). */
#define ICC_CTLR_RO (4u << 8 | 1u << 15)
/* ICC_SRE_EL1: SRE, DFB, DIB fixed at 1 (no memory-mapped interface). */
#define ICC_SRE_VALUE 0x7

GICv3CPU *arm_gicv3_cpuif_of(ARMCPU *cpu)
{
    return cpu->gicv3_cpuif;
}

bool arm_gicv3_has_cpuif(CPUARMState *env)
{
    return arm_gicv3_cpuif_of(arm_env_cpu(env)) != NULL;
}

static bool cpuif_prop_get(Object *obj, ObjectProperty *prop,
                           PropValue *val, Error **errp)
{
    GICv3CPU *c = prop->opaque;

    val->kind = PROP_KIND_UINT;
    val->u = c->index;
    return true;
}

bool arm_gicv3_cpuif_attach(GICv3CPU *c, Error **errp)
{
    if (arm_gicv3_cpuif_of(c->cpu)) {
        error_setg(errp, "CPU %s is already served by a GICv3 CPU "
                   "interface; one GIC per CPU",
                   object_get_name(OBJECT(c->cpu)));
        return false;
    }
    /* the property is for introspection; ICC_* accesses use the field */
    if (!object_property_add(OBJECT(c->cpu), GICV3_CPUIF_PROP,
                             PROP_KIND_UINT, "uint32", cpuif_prop_get,
                             NULL, NULL, c,
                             "index of this CPU in its GICv3", errp)) {
        return false;
    }
    c->cpu->gicv3_cpuif = c;
    return true;
}

void arm_gicv3_cpuif_detach(GICv3CPU *c)
{
    if (arm_gicv3_cpuif_of(c->cpu) == c) {
        object_property_del(OBJECT(c->cpu), GICV3_CPUIF_PROP);
        c->cpu->gicv3_cpuif = NULL;
    }
}

void arm_gicv3_cpuif_reset(GICv3CPU *c)
{
    c->pmr = 0;
    c->bpr[0] = GICV3_BPR0_MIN;
    c->bpr[1] = GICV3_BPR1_MIN;
    c->igrpen[0] = c->igrpen[1] = 0;
    c->eoimode = false;
    c->apr[0] = c->apr[1] = 0;
}

uint32_t arm_gicv3_running_prio(GICv3CPU *c)
{
    uint32_t apr = c->apr[0] | c->apr[1];

    return apr ? (uint32_t)ctz32(apr) << 3 : GICV3_PRIO_IDLE;
}

uint32_t arm_gicv3_group_prio(GICv3CPU *c, uint32_t prio, int group)
{
    /* IHI 0069 4.8.5: BPR0 = n splits at bit n + 1, BPR1 = n at bit n */
    unsigned shift = group ? c->bpr[1] : c->bpr[0] + 1;

    return prio & (0xffu << shift) & 0xff;
}

/* IAR0/IAR1: acknowledge the HPPI of @group if it may be signalled. */
static uint32_t cpuif_acknowledge(GICv3CPU *c, int group)
{
    GICv3State *s = c->gic;
    uint32_t gp;
    GICv3Bits *b;
    int intid = c->hppi;

    if (intid < 0 || c->hppi_group != group || c->hppi_prio >= c->pmr) {
        return GICV3_INTID_SPURIOUS;
    }
    gp = arm_gicv3_group_prio(c, c->hppi_prio, group);
    if (gp >= arm_gicv3_running_prio(c)) {
        return GICV3_INTID_SPURIOUS;
    }
    b = arm_gicv3_bits(s, c, intid);
    b->pending &= ~(1u << (intid % 32));
    b->active |= 1u << (intid % 32);
    c->apr[group] |= 1u << (gp >> 3);
    return intid;
}

static void cpuif_deactivate(GICv3CPU *c, uint32_t intid)
{
    GICv3State *s = c->gic;

    if (intid < s->num_irq) {
        arm_gicv3_bits(s, c, intid)->active &= ~(1u << (intid % 32));
    }
}

/* EOIR0/EOIR1: drop the running priority, deactivate unless EOImode. */
static void cpuif_eoi(GICv3CPU *c, int group, uint32_t intid)
{
    uint32_t apr = c->apr[0] | c->apr[1];

    if (intid >= 1020 && intid <= 1023) {
        return;                 /* special INTIDs: no effect */
    }
    if (apr && (c->apr[group] & (apr & -apr))) {
        c->apr[group] &= ~(apr & -apr);
    } else {
        log_mask(LOG_GUEST_ERROR, "arm-gicv3: CPU %d: EOIR%d of INTID %u "
                 "with no active Group %d priority to drop\n", c->index,
                 group, intid, group);
        return;
    }
    if (!c->eoimode) {
        cpuif_deactivate(c, intid);
    }
}

/* SGI0R/SGI1R: make SGI INTID pending on the target PEs (IHI 0069
   12.2.21: TargetList 15:0, Aff1 23:16, INTID 27:24, Aff2 39:32, IRM 40,
   RS 47:44, Aff3 55:48). */
static void cpuif_generate_sgi(GICv3CPU *c, int group, uint64_t v)
{
    GICv3State *s = c->gic;
    uint32_t intid = extract64(v, 24, 4);
    uint32_t targets = extract64(v, 0, 16);
    uint32_t aff321 = (uint32_t)extract64(v, 48, 8) << 16 |
                      (uint32_t)extract64(v, 32, 8) << 8 |
                      (uint32_t)extract64(v, 16, 8);
    bool irm = extract64(v, 40, 1);
    uint32_t rs = extract64(v, 44, 4);

    for (uint32_t i = 0; i < s->num_cpu; i++) {
        GICv3CPU *t = &s->cpus[i];
        uint32_t aff0 = t->affinity & 0xff;

        if (irm ? t == c
                : (t->affinity >> 8) != aff321 || aff0 / 16 != rs ||
                  !(targets & (1u << (aff0 % 16)))) {
            continue;
        }
        if (((t->priv.group >> intid) & 1) == (uint32_t)group) {
            t->priv.pending |= 1u << intid;
        }
    }
}

static uint64_t cpuif_read(GICv3CPU *c, GICv3ICCReg reg)
{
    switch (reg) {
    case ICC_REG_PMR:
        return c->pmr;
    case ICC_REG_IAR0:
    case ICC_REG_IAR1:
        return cpuif_acknowledge(c, reg == ICC_REG_IAR1);
    case ICC_REG_HPPIR0:
    case ICC_REG_HPPIR1:
        return c->hppi >= 0 && c->hppi_group == (reg == ICC_REG_HPPIR1)
               ? (uint64_t)c->hppi : GICV3_INTID_SPURIOUS;
    case ICC_REG_BPR0:
        return c->bpr[0];
    case ICC_REG_BPR1:
        return c->bpr[1];
    case ICC_REG_AP0R0:
        return c->apr[0];
    case ICC_REG_AP1R0:
        return c->apr[1];
    case ICC_REG_RPR:
        return arm_gicv3_running_prio(c);
    case ICC_REG_CTLR:
        return ICC_CTLR_RO | (c->eoimode ? ICC_CTLR_EOIMODE : 0);
    case ICC_REG_SRE:
        return ICC_SRE_VALUE;
    case ICC_REG_IGRPEN0:
        return c->igrpen[0];
    case ICC_REG_IGRPEN1:
    case ICC_REG_IGRPEN1_EL3:
        return c->igrpen[1];
    default:
        return 0;               /* write-only registers read as 0 */
    }
}

static void cpuif_write(GICv3CPU *c, GICv3ICCReg reg, uint64_t v)
{
    switch (reg) {
    case ICC_REG_PMR:
        c->pmr = v & GICV3_PRIO_MASK;
        break;
    case ICC_REG_EOIR0:
    case ICC_REG_EOIR1:
        cpuif_eoi(c, reg == ICC_REG_EOIR1, extract64(v, 0, 24));
        break;
    case ICC_REG_DIR:
        if (c->eoimode) {
            cpuif_deactivate(c, extract64(v, 0, 24));
        } else {
            log_mask(LOG_GUEST_ERROR, "arm-gicv3: CPU %d: ICC_DIR_EL1 "
                     "write with EOImode 0 ignored\n", c->index);
        }
        break;
    case ICC_REG_BPR0:
        c->bpr[0] = HEMU_MAX((uint32_t)(v & 7), (uint32_t)GICV3_BPR0_MIN);
        break;
    case ICC_REG_BPR1:
        c->bpr[1] = HEMU_MAX((uint32_t)(v & 7), (uint32_t)GICV3_BPR1_MIN);
        break;
    case ICC_REG_AP0R0:
        c->apr[0] = (uint32_t)v;
        break;
    case ICC_REG_AP1R0:
        c->apr[1] = (uint32_t)v;
        break;
    case ICC_REG_SGI0R:
    case ICC_REG_SGI1R:
        cpuif_generate_sgi(c, reg == ICC_REG_SGI1R, v);
        break;
    case ICC_REG_CTLR:
        c->eoimode = v & ICC_CTLR_EOIMODE;
        break;
    case ICC_REG_IGRPEN0:
        c->igrpen[0] = v & 1;
        break;
    case ICC_REG_IGRPEN1:
    case ICC_REG_IGRPEN1_EL3:
        c->igrpen[1] = v & 1;   /* EL3 bit 1 (Grp1S): no Secure state */
        break;
    default:
        break;                  /* SRE: fixed; read-only ones: WI */
    }
}

uint64_t arm_gicv3_icc_read(GICv3CPU *c, GICv3ICCReg reg)
{
    GICv3State *s = c->gic;
    uint64_t v;

    g_mutex_lock(&s->lock);
    v = cpuif_read(c, reg);
    if (reg == ICC_REG_IAR0 || reg == ICC_REG_IAR1) {
        arm_gicv3_update(s);
    }
    g_mutex_unlock(&s->lock);
    return v;
}

void arm_gicv3_icc_write(GICv3CPU *c, GICv3ICCReg reg, uint64_t value)
{
    GICv3State *s = c->gic;

    g_mutex_lock(&s->lock);
    cpuif_write(c, reg, value);
    arm_gicv3_update(s);
    g_mutex_unlock(&s->lock);
}
