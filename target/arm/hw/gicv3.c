/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * GICv3 ("arm-gicv3"): the QOM device, its interrupt inputs, the
 * highest-priority-pending computation that drives each CPU's IRQ/FIQ
 * outputs, and the distributor (GICD_*) registers.  The redistributors
 * are in gicv3-redist.c, the CPU interface (ICC_*) in gicv3-cpuif.c;
 * the layout boards use is in include/hw/intc/arm-gic.h, the shared
 * state in gic-common.h.
 *
 * What is modelled: one security state (GICD_CTLR.DS = 1), affinity
 * routing always on (ARE = 1, no legacy GICv2 mode), Group 0 signalled
 * as FIQ and Group 1 as IRQ, 5 priority bits, SPIs routed to one PE by
 * GICD_IROUTER (1-of-N routing is not offered: GICD_TYPER.No1N = 1), no
 * LPIs/ITS, no virtualization (ICH_*: the VIRQ/VFIQ outputs stay low).
 * Level-sensitive interrupts are pending while their line is high or a
 * write to ISPENDR latched them; edge-triggered ones latch on a rising
 * edge.  Acknowledge clears the latch.
 *
 * Threads: register accesses come from vCPU threads, device lines from
 * any thread; everything is under s->lock, also held while the outputs
 * are driven (so levels leave in order).
 *
 * Spec: Arm IHI 0069 (GICv3 and GICv4 architecture specification),
 * 12.9 (GICD_* registers), 4.1 (interrupt state machine), 4.8
 * (priority).
 */
#include "gic-common.h"

#include "util/bitops.h"
#include "util/log.h"

/* Distributor register offsets (IHI 0069 12.8, table 12-25). */
enum {
    GICD_CTLR = 0x0000,
    GICD_TYPER = 0x0004,
    GICD_IIDR = 0x0008,
    GICD_TYPER2 = 0x000c,
    GICD_IGROUPR = 0x0080,
    GICD_ICACTIVER_END = 0x0400,
    GICD_IPRIORITYR = 0x0400,
    GICD_ITARGETSR = 0x0800,
    GICD_ICFGR = 0x0c00,
    GICD_IGRPMODR = 0x0d00,
    GICD_IROUTER = 0x6000,
    GICD_IROUTER_END = 0x7fe0,
    GICD_PIDR2 = 0xffe8,
};

#define GICD_CTLR_ENABLE_G0 (1u << 0)
#define GICD_CTLR_ENABLE_G1 (1u << 1)
#define GICD_CTLR_ARE (1u << 4)
#define GICD_CTLR_DS (1u << 6)
/* IROUTER: Aff0..2, IRM (31), Aff3 (39:32). */
#define IROUTER_MASK 0xff00ffffffull

GICv3Bits *arm_gicv3_bits(GICv3State *s, GICv3CPU *c, int intid)
{
    return intid < GIC_NR_PRIVATE ? &c->priv : &s->spi[intid / 32];
}

uint8_t *arm_gicv3_prio(GICv3State *s, GICv3CPU *c, int intid)
{
    return intid < GIC_NR_PRIVATE ? &c->prio[intid] : &s->prio[intid];
}

/* ---------------------------------------------------------------------- */
/* Highest priority pending interrupt                                     */

/* Pending, enabled, not active and in a group enabled at @c. */
static uint32_t gicv3_candidates(GICv3State *s, GICv3CPU *c,
                                 const GICv3Bits *b)
{
    uint32_t pend = b->pending | (b->level & ~b->edge);
    uint32_t groups = 0;

    if ((s->ctlr & GICD_CTLR_ENABLE_G0) && c->igrpen[0]) {
        groups |= ~b->group;
    }
    if ((s->ctlr & GICD_CTLR_ENABLE_G1) && c->igrpen[1]) {
        groups |= b->group;
    }
    return pend & b->enable & ~b->active & groups;
}

/* Pick the best of @bits (INTIDs base + i) into c->hppi*. */
static void gicv3_scan(GICv3State *s, GICv3CPU *c, const GICv3Bits *b,
                       int base, uint32_t bits)
{
    while (bits) {
        int i = ctz32(bits);
        int intid = base + i;
        uint32_t prio = *arm_gicv3_prio(s, c, intid);

        bits &= bits - 1;
        if (intid >= GIC_NR_PRIVATE && s->target[intid] != c->index) {
            continue;
        }
        /* ties go to the lowest INTID: scanned in increasing order */
        if (c->hppi < 0 || prio < c->hppi_prio) {
            c->hppi = intid;
            c->hppi_prio = prio;
            c->hppi_group = (b->group >> i) & 1;
        }
    }
}

/* Recompute @c's HPPI and drive its IRQ/FIQ outputs (lock held). */
static void gicv3_update_cpu(GICv3State *s, GICv3CPU *c)
{
    unsigned nslices = DIV_ROUND_UP(s->num_irq, 32);
    int level[2] = { 0, 0 };

    c->hppi = -1;
    c->hppi_prio = GICV3_PRIO_IDLE;
    c->hppi_group = 0;
    gicv3_scan(s, c, &c->priv, 0, gicv3_candidates(s, c, &c->priv));
    for (unsigned w = 1; w < nslices; w++) {
        gicv3_scan(s, c, &s->spi[w], w * 32,
                   gicv3_candidates(s, c, &s->spi[w]));
    }
    /* IHI 0069 4.8.1: signalled when above the mask and preempting */
    if (c->hppi >= 0 && c->hppi_prio < c->pmr &&
        arm_gicv3_group_prio(c, c->hppi_prio, c->hppi_group) <
            arm_gicv3_running_prio(c)) {
        level[c->hppi_group ? 0 : 1] = 1;
    }
    for (int o = 0; o < 2; o++) {
        if (level[o] != c->out_level[o]) {
            c->out_level[o] = level[o];
            irq_set_level(s->out[GIC_CPU_OUTPUT(c->index, o)], level[o]);
        }
    }
}

void arm_gicv3_update(GICv3State *s)
{
    for (uint32_t i = 0; i < s->num_cpu; i++) {
        gicv3_update_cpu(s, &s->cpus[i]);
    }
}

/* ---------------------------------------------------------------------- */
/* Inputs                                                                 */

/* GPIO input @n: an SPI, or a private INTID of one CPU. */
static void gicv3_set_irq(void *opaque, int n, int level)
{
    GICv3State *s = opaque;
    int nspi = s->num_irq - GIC_NR_PRIVATE;
    GICv3CPU *c = &s->cpus[0];
    int intid;
    GICv3Bits *b;
    uint32_t bit;

    if (n < nspi) {
        intid = n + GIC_NR_PRIVATE;
    } else {
        c = &s->cpus[(n - nspi) / GIC_NR_PRIVATE];
        intid = (n - nspi) % GIC_NR_PRIVATE;
    }
    g_mutex_lock(&s->lock);
    b = arm_gicv3_bits(s, c, intid);
    bit = 1u << (intid % 32);
    if (level && !(b->level & bit) && (b->edge & bit)) {
        b->pending |= bit;          /* rising edge latches */
    }
    b->level = level ? b->level | bit : b->level & ~bit;
    arm_gicv3_update(s);
    g_mutex_unlock(&s->lock);
}

/* ---------------------------------------------------------------------- */
/* Per-INTID registers shared with the redistributor                      */

/* Which GICv3Bits field a 0x80-byte bank at @reg_off (from IGROUPR)
   names, and whether it is a set (1), clear (-1) or plain (0) bank. */
static uint32_t *gicv3_bank_field(GICv3Bits *b, hwaddr reg_off, int *kind)
{
    static const struct {
        size_t field;
        int kind;
    } banks[] = {
        { offsetof(GICv3Bits, group), 0 },      /* IGROUPR   0x080 */
        { offsetof(GICv3Bits, enable), 1 },     /* ISENABLER 0x100 */
        { offsetof(GICv3Bits, enable), -1 },    /* ICENABLER 0x180 */
        { offsetof(GICv3Bits, pending), 1 },    /* ISPENDR   0x200 */
        { offsetof(GICv3Bits, pending), -1 },   /* ICPENDR   0x280 */
        { offsetof(GICv3Bits, active), 1 },     /* ISACTIVER 0x300 */
        { offsetof(GICv3Bits, active), -1 },    /* ICACTIVER 0x380 */
    };
    unsigned i = (reg_off - GICD_IGROUPR) / 0x80;

    *kind = banks[i].kind;
    return (uint32_t *)((char *)b + banks[i].field);
}

uint32_t arm_gicv3_bitmap_read(GICv3State *s, GICv3CPU *c, hwaddr reg_off,
                               int base)
{
    GICv3Bits *b = arm_gicv3_bits(s, c, base);
    int kind;
    uint32_t *f = gicv3_bank_field(b, reg_off, &kind);

    if (f == &b->pending) {
        /* IHI 0069 12.9.23: reads show the pending state, level too */
        return b->pending | (b->level & ~b->edge);
    }
    return *f;
}

void arm_gicv3_bitmap_write(GICv3State *s, GICv3CPU *c, hwaddr reg_off,
                            int base, uint32_t value)
{
    GICv3Bits *b = arm_gicv3_bits(s, c, base);
    int kind;
    uint32_t *f = gicv3_bank_field(b, reg_off, &kind);
    int last = base + 31;

    if (last >= (int)s->num_irq) {
        /* INTIDs past num_irq are reserved: RAZ/WI */
        value &= (1u << (s->num_irq - base)) - 1;
    }
    if (kind > 0) {
        *f |= value;
    } else if (kind < 0) {
        *f &= ~value;
    } else {
        *f = value;
    }
}

uint32_t arm_gicv3_icfgr_read(GICv3State *s, GICv3CPU *c, int base)
{
    GICv3Bits *b = arm_gicv3_bits(s, c, base);
    uint32_t edge = b->edge >> (base % 32), v = 0;

    for (int i = 0; i < 16; i++) {
        v |= ((edge >> i) & 1) << (2 * i + 1);
    }
    return v;
}

void arm_gicv3_icfgr_write(GICv3State *s, GICv3CPU *c, int base, uint32_t v)
{
    GICv3Bits *b = arm_gicv3_bits(s, c, base);

    if (base < GIC_NR_SGI) {
        return;                 /* SGIs are always edge: RO */
    }
    for (int i = 0; i < 16 && base + i < (int)s->num_irq; i++) {
        uint32_t bit = 1u << ((base + i) % 32);

        b->edge = (v >> (2 * i + 1)) & 1 ? b->edge | bit : b->edge & ~bit;
    }
}

/* ---------------------------------------------------------------------- */
/* Distributor MMIO                                                       */

/* The CPU index whose redistributor has affinity @aff, or -1. */
static int gicv3_cpu_by_affinity(GICv3State *s, uint32_t aff)
{
    for (uint32_t i = 0; i < s->num_cpu; i++) {
        if (s->cpus[i].affinity == aff) {
            return i;
        }
    }
    return -1;
}

static void gicv3_set_irouter(GICv3State *s, int intid, uint64_t v)
{
    uint32_t aff = (uint32_t)(v & 0xffffff) | (uint32_t)((v >> 32) & 0xff)
                   << 24;

    /* IRM (bit 31) is RAZ/WI: GICD_TYPER.No1N = 1 */
    s->irouter[intid] = v & IROUTER_MASK & ~(1ull << 31);
    s->target[intid] = gicv3_cpu_by_affinity(s, aff);
}

static uint32_t gicv3_typer(GICv3State *s)
{
    return (DIV_ROUND_UP(s->num_irq, 32) - 1)      /* ITLinesNumber */
           | (HEMU_MIN(s->num_cpu, 8) - 1) << 5     /* CPUNumber */
           | 9u << 19                               /* IDbits: 10 bits */
           | 1u << 24                               /* A3V */
           | 1u << 25;                              /* No1N */
}

/* A 32-bit distributor register at @off. */
static uint32_t gicd_read32(GICv3State *s, hwaddr off)
{
    GICv3CPU *c0 = &s->cpus[0];

    if (off >= GICD_IGROUPR && off < GICD_ICACTIVER_END) {
        int base = (off & 0x7f) * 8;

        /* INTIDs 0..31 are in the redistributors (ARE = 1): RAZ here */
        return base >= GIC_NR_PRIVATE && base < (int)s->num_irq
               ? arm_gicv3_bitmap_read(s, c0, off & ~0x7full, base) : 0;
    }
    if (off >= GICD_ICFGR && off < GICD_IGRPMODR) {
        int base = (off - GICD_ICFGR) * 4;

        return base >= GIC_NR_PRIVATE && base < (int)s->num_irq
               ? arm_gicv3_icfgr_read(s, c0, base) : 0;
    }
    switch (off) {
    case GICD_CTLR:
        return s->ctlr | GICD_CTLR_ARE | GICD_CTLR_DS;
    case GICD_TYPER:
        return gicv3_typer(s);
    case GICD_IIDR:
        return GICV3_IIDR;
    case GICD_PIDR2:
        return GICV3_PIDR2;
    default:
        return 0;               /* TYPER2, STATUSR, IGRPMODR, ...: RAZ */
    }
}

static void gicd_write32(GICv3State *s, hwaddr off, uint32_t v)
{
    GICv3CPU *c0 = &s->cpus[0];

    if (off >= GICD_IGROUPR && off < GICD_ICACTIVER_END) {
        int base = (off & 0x7f) * 8;

        if (base >= GIC_NR_PRIVATE && base < (int)s->num_irq) {
            arm_gicv3_bitmap_write(s, c0, off & ~0x7full, base, v);
        }
        return;
    }
    if (off >= GICD_ICFGR && off < GICD_IGRPMODR) {
        int base = (off - GICD_ICFGR) * 4;

        if (base >= GIC_NR_PRIVATE && base < (int)s->num_irq) {
            arm_gicv3_icfgr_write(s, c0, base, v);
        }
        return;
    }
    if (off == GICD_CTLR) {
        s->ctlr = v & (GICD_CTLR_ENABLE_G0 | GICD_CTLR_ENABLE_G1);
        return;
    }
    log_mask(LOG_GUEST_ERROR, "arm-gicv3: write 0x%x to read-only or "
             "reserved GICD offset 0x%" PRIx64 " ignored\n", v,
             (uint64_t)off);
}

static uint64_t gicd_read(void *opaque, hwaddr off, unsigned size)
{
    GICv3State *s = opaque;
    uint64_t v = 0;

    if (!s->spi) {
        return 0;               /* not realized yet */
    }
    g_mutex_lock(&s->lock);
    if (off >= GICD_IPRIORITYR && off < GICD_ITARGETSR) {
        for (unsigned i = 0; i < size; i++) {
            int intid = off - GICD_IPRIORITYR + i;

            if (intid >= GIC_NR_PRIVATE && intid < (int)s->num_irq) {
                v |= (uint64_t)s->prio[intid] << (8 * i);
            }
        }
    } else if (off >= GICD_IROUTER && off < GICD_IROUTER_END) {
        int intid = (off - GICD_IROUTER) / 8;

        if (intid >= GIC_NR_PRIVATE && intid < (int)s->num_irq) {
            v = s->irouter[intid] >> ((off & 4) * 8);
        }
    } else if (size >= 4) {
        v = gicd_read32(s, off);
        if (size == 8) {
            v |= (uint64_t)gicd_read32(s, off + 4) << 32;
        }
    } else {
        log_mask(LOG_GUEST_ERROR, "arm-gicv3: %u-byte read of GICD offset "
                 "0x%" PRIx64 " (only IPRIORITYR is byte-accessible)\n",
                 size, (uint64_t)off);
    }
    g_mutex_unlock(&s->lock);
    return v;
}

static void gicd_write(void *opaque, hwaddr off, uint64_t v, unsigned size)
{
    GICv3State *s = opaque;

    if (!s->spi) {
        return;                 /* not realized yet */
    }
    g_mutex_lock(&s->lock);
    if (off >= GICD_IPRIORITYR && off < GICD_ITARGETSR) {
        for (unsigned i = 0; i < size; i++) {
            int intid = off - GICD_IPRIORITYR + i;

            if (intid >= GIC_NR_PRIVATE && intid < (int)s->num_irq) {
                s->prio[intid] = (v >> (8 * i)) & GICV3_PRIO_MASK;
            }
        }
    } else if (off >= GICD_IROUTER && off < GICD_IROUTER_END) {
        int intid = (off - GICD_IROUTER) / 8;

        if (intid >= GIC_NR_PRIVATE && intid < (int)s->num_irq) {
            uint64_t old = s->irouter[intid];

            if (size == 8) {
                gicv3_set_irouter(s, intid, v);
            } else if (off & 4) {
                gicv3_set_irouter(s, intid, deposit64(old, 32, 32, v));
            } else {
                gicv3_set_irouter(s, intid, deposit64(old, 0, 32, v));
            }
        }
    } else if (size >= 4) {
        gicd_write32(s, off, v);
        if (size == 8) {
            gicd_write32(s, off + 4, v >> 32);
        }
    } else {
        log_mask(LOG_GUEST_ERROR, "arm-gicv3: %u-byte write of GICD offset "
                 "0x%" PRIx64 " ignored\n", size, (uint64_t)off);
    }
    arm_gicv3_update(s);
    g_mutex_unlock(&s->lock);
}

static const MemoryRegionOps gicd_ops = {
    .read = gicd_read,
    .write = gicd_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 1, .max_access_size = 8 },
    .impl = { .min_access_size = 1, .max_access_size = 8 },
};

/* ---------------------------------------------------------------------- */
/* Life cycle                                                             */

static void gicv3_resize_gpios(GICv3State *s)
{
    DeviceState *dev = DEVICE(s);

    qdev_init_gpio_in(dev, gicv3_set_irq,
                      s->num_irq - GIC_NR_PRIVATE +
                      s->num_cpu * GIC_NR_PRIVATE);
    qdev_init_gpio_out(dev, s->out, s->num_cpu * GIC_OUTS_PER_CPU);
}

static bool gicv3_get_u32(Object *obj, ObjectProperty *prop, PropValue *val,
                          Error **errp)
{
    GICv3State *s = ARM_GICV3(obj);

    val->kind = PROP_KIND_UINT;
    val->u = prop->opaque ? s->num_irq : s->num_cpu;
    return true;
}

/* MMIO region 1: num_cpu redistributor frames (sized by num-cpu). */
static void gicv3_init_redist_mr(GICv3State *s)
{
    memory_region_init_io(&s->redist_mr, OBJECT(s), &arm_gicv3_redist_ops,
                          s, "gicv3-redist",
                          (uint64_t)s->num_cpu * GICV3_REDIST_SIZE);
}

/*
 * Setter of num-cpu (opaque NULL) and num-irq: resize the GPIO lists and,
 * for num-cpu, the redistributor region (boards fetch it before realize,
 * so it exists from instance_init and is re-made here while unmapped).
 */
static bool gicv3_set_u32(Object *obj, ObjectProperty *prop,
                          const PropValue *val, Error **errp)
{
    GICv3State *s = ARM_GICV3(obj);

    if (prop->opaque) {
        s->num_irq = val->u;
    } else {
        if (s->redist_mr.container) {
            g_autofree char *what = object_describe(obj);

            error_setg(errp, "%s: set num-cpu before mapping MMIO region 1 "
                       "(the redistributors), whose size it sets", what);
            return false;
        }
        s->num_cpu = val->u;
        memory_region_finalize(&s->redist_mr);
        gicv3_init_redist_mr(s);
    }
    gicv3_resize_gpios(s);
    return true;
}

static void gicv3_reset_hold(Object *obj, ResetType type)
{
    GICv3State *s = ARM_GICV3(obj);
    unsigned nslices = DIV_ROUND_UP(s->num_irq, 32);

    g_mutex_lock(&s->lock);
    s->ctlr = 0;
    for (uint32_t i = 0; i < s->num_cpu; i++) {
        GICv3CPU *c = &s->cpus[i];
        uint32_t level = c->priv.level;

        memset(&c->priv, 0, sizeof(c->priv));
        c->priv.level = level;
        c->priv.edge = (1u << GIC_NR_SGI) - 1;  /* SGIs: edge */
        memset(c->prio, 0, sizeof(c->prio));
        c->waker = 1u << 1;                      /* ProcessorSleep */
        arm_gicv3_cpuif_reset(c);
        /* "mp-affinity" may have been set after the GIC was realized */
        c->affinity = c->cpu->mp_affinity & 0xffffff;
    }
    for (unsigned w = 1; w < nslices; w++) {
        uint32_t level = s->spi[w].level;

        memset(&s->spi[w], 0, sizeof(s->spi[w]));
        s->spi[w].level = level;        /* lines keep their level */
    }
    for (uint32_t i = GIC_NR_PRIVATE; i < s->num_irq; i++) {
        s->prio[i] = 0;
        gicv3_set_irouter(s, i, 0);
    }
    arm_gicv3_update(s);
    g_mutex_unlock(&s->lock);
}

static bool gicv3_realize(Object *obj, Error **errp)
{
    GICv3State *s = ARM_GICV3(obj);
    g_autofree char *what = object_describe(obj);
    CPUCluster *cl;

    if (DEVICE_GET_CLASS(obj)->parent_realize &&
        !DEVICE_GET_CLASS(obj)->parent_realize(obj, errp)) {
        return false;
    }
    cl = CPU_CLUSTER(s->cluster);
    if (!cl->cpus || cl->num_cpus < s->num_cpu) {
        error_setg(errp, "%s: property num-cpu is %u but the cluster %s has "
                   "%u realized CPUs; num-cpu must be at most that", what,
                   s->num_cpu, object_get_name(s->cluster),
                   cl->cpus ? cl->num_cpus : 0);
        return false;
    }
    s->spi = g_new0(GICv3Bits, DIV_ROUND_UP(s->num_irq, 32));
    s->prio = g_new0(uint8_t, s->num_irq);
    s->irouter = g_new0(uint64_t, s->num_irq);
    s->target = g_new0(int16_t, s->num_irq);
    s->cpus = g_new0(GICv3CPU, s->num_cpu);
    for (uint32_t i = 0; i < s->num_cpu; i++) {
        GICv3CPU *c = &s->cpus[i];
        ARMCPU *cpu = (ARMCPU *)object_dynamic_cast(OBJECT(cl->cpus[i]),
                                                    TYPE_ARM_CPU);

        if (!cpu) {
            error_setg(errp, "%s: CPU %u of cluster %s is a %s, not an "
                       "AArch64 CPU", what, i, object_get_name(s->cluster),
                       object_get_typename(OBJECT(cl->cpus[i])));
            return false;
        }
        c->gic = s;
        c->index = i;
        c->cpu = cpu;
        object_ref(OBJECT(cpu));
        c->affinity = cpu->mp_affinity & 0xffffff;
        if (!arm_gicv3_cpuif_attach(c, errp)) {
            error_prepend(errp, "%s: ", what);
            return false;
        }
    }
    gicv3_reset_hold(obj, RESET_TYPE_COLD);
    return true;
}

static void gicv3_instance_init(Object *obj)
{
    GICv3State *s = ARM_GICV3(obj);

    g_mutex_init(&s->lock);
    s->num_cpu = 1;
    s->num_irq = GIC_NUM_IRQ_DEFAULT;
    gicv3_resize_gpios(s);
    memory_region_init_io(&s->dist_mr, obj, &gicd_ops, s, "gicv3-dist",
                          GICV3_DIST_SIZE);
    qdev_init_mmio(DEVICE(s), &s->dist_mr);
    gicv3_init_redist_mr(s);
    qdev_init_mmio(DEVICE(s), &s->redist_mr);
}

static void gicv3_instance_finalize(Object *obj)
{
    GICv3State *s = ARM_GICV3(obj);

    for (uint32_t i = 0; s->cpus && i < s->num_cpu; i++) {
        if (s->cpus[i].cpu) {
            arm_gicv3_cpuif_detach(&s->cpus[i]);
            object_unref(OBJECT(s->cpus[i].cpu));
        }
    }
    memory_region_finalize(&s->redist_mr);
    memory_region_finalize(&s->dist_mr);
    g_free(s->cpus);
    g_free(s->spi);
    g_free(s->prio);
    g_free(s->irouter);
    g_free(s->target);
    g_mutex_clear(&s->lock);
}

static const PropDef gicv3_props[] = {
    DEFINE_PROP_LINK_REQUIRED(GIC_PROP_CPUS, GICv3State, cluster,
                              TYPE_CPU_CLUSTER,
                              "the cpu-cluster whose CPUs the GIC serves"),
    PROP_END
};

static void gicv3_class_init(ObjectClass *oc, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);

    dc->desc = "Arm GICv3 interrupt controller";
    dc->category = DEVICE_CATEGORY_INTC;
    dc->parent_realize = oc->realize;
    dc->reset_hold = gicv3_reset_hold;
    oc->realize = gicv3_realize;
    object_class_add_field_props(oc, gicv3_props);
    /* opaque: NULL for num-cpu, 1 for num-irq (the accessors' switch) */
    object_class_property_add_uint(oc, GIC_PROP_NUM_CPU, "uint32",
                                   gicv3_get_u32, gicv3_set_u32, NULL, 1,
                                   GICV3_NUM_CPU_MAX, 1,
                                   "number of CPUs served (1..256)");
    object_class_property_add_uint(oc, GIC_PROP_NUM_IRQ, "uint32",
                                   gicv3_get_u32, gicv3_set_u32, (void *)1,
                                   GIC_NUM_IRQ_MIN,
                                   GIC_NUM_IRQ_MAX, GIC_NUM_IRQ_DEFAULT,
                                   "number of INTIDs incl. the 32 private "
                                   "(64..1020)");
}

static const TypeInfo gicv3_types[] = {
    {
        .name = TYPE_ARM_GICV3,
        .parent = TYPE_DEVICE,
        .description = "Arm GICv3 interrupt controller",
        .instance_size = sizeof(GICv3State),
        .instance_init = gicv3_instance_init,
        .instance_finalize = gicv3_instance_finalize,
        .class_init = gicv3_class_init,
    },
};

DEFINE_TYPES(gicv3_types)
