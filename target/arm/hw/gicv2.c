/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * GICv2 ("arm-gic"): distributor (GICD_*, 4 KiB) and the memory-mapped
 * CPU interface (GICC_*, 8 KiB), for up to 8 CPUs; the layout boards use
 * is in include/hw/intc/arm-gic.h.
 *
 * What is modelled: a GICv2 without the Security Extensions but with
 * interrupt grouping: Group 0 is signalled as FIQ when GICC_CTLR.FIQEn is
 * set, else as IRQ; Group 1 as IRQ.  GICC_IAR acknowledges Group 0, and
 * Group 1 too when GICC_CTLR.AckCtl is set (else it reads 1022 for a
 * Group 1 HPPI); the aliases GICC_AIAR/AEOIR/AHPPIR/ABPR serve Group 1.
 * 5 priority bits (0xf8), one active-priorities register (GICC_APR0, a
 * bit per preemption level), EOImode (GICC_CTLR bit 9) with GICC_DIR.
 * SPIs go to every CPU of their ITARGETSR mask; the first to acknowledge
 * takes it (it is then active, so no longer pending elsewhere).  SGIs
 * keep one pending bit per source CPU (GICD_SPENDSGIR) and report the
 * source in IAR bits 12:10.  No virtualization extensions (GICH/GICV).
 *
 * Banked registers (the private INTIDs in the distributor, the whole
 * CPU interface) are selected by the accessing CPU, which the bus gives
 * as MemTxAttrs.requester_id = the CPU's index in its cluster.
 *
 * Threads: as the GICv3: one lock, held while outputs are driven.
 * Spec: Arm IHI 0048B (GICv2), 4.3 (distributor registers), 4.4 (CPU
 * interface registers), 3.3 (priority and preemption).
 */
#include "gic-common.h"

#include "util/bitops.h"
#include "util/log.h"

OBJECT_DECLARE_SIMPLE_TYPE(GICv2State, ARM_GIC)

#define GICV2_PIDR2 0x2b            /* ICPIDR2.ArchRev = 2 */
#define GICV2_GICD_IIDR (0x48u << 24 | 0x43b)
#define GICV2_GICC_IIDR (0x48u << 20 | 2u << 16 | 0x43b)
#define GICC_CTLR_G0 (1u << 0)
#define GICC_CTLR_G1 (1u << 1)
#define GICC_CTLR_ACKCTL (1u << 2)
#define GICC_CTLR_FIQEN (1u << 3)
#define GICC_CTLR_CBPR (1u << 4)
#define GICC_CTLR_EOIMODE (1u << 9)
#define GICC_CTLR_MASK 0x21f
#define INTID_GROUP1_ONLY 1022

/* Per-CPU state: private INTIDs, SGI sources and the CPU interface. */
typedef struct GICv2CPU {
    GICv3Bits priv;             /* INTIDs 0..31; SGI pending in sgi_src */
    uint8_t prio[GIC_NR_PRIVATE];
    uint8_t sgi_src[GIC_NR_SGI];    /* bit s: pending from CPU s */
    uint32_t ctlr, pmr, bpr, abpr;
    uint32_t apr;               /* bit p: group priority p << 3 active */
    int out_level[2];
} GICv2CPU;

struct GICv2State {
    DeviceState parent_obj;
    uint32_t num_cpu;           /* "num-cpu", 1..8 */
    uint32_t num_irq;           /* "num-irq", 64..1020 */
    uint32_t revision;          /* "revision", 2 */
    Object *cluster;            /* "cpus" link (checked at realize) */
    MemoryRegion dist_mr, cpu_mr;
    GMutex lock;
    uint32_t ctlr;              /* GICD_CTLR: EnableGrp0, EnableGrp1 */
    GICv2CPU cpu[GICV2_NUM_CPU_MAX];
    GICv3Bits *spi;             /* slices by INTID / 32; [0] unused */
    uint8_t *prio;              /* num_irq; [0..31] unused */
    uint8_t *targets;           /* num_irq; [0..31] unused */
    IRQLine *out[GICV2_NUM_CPU_MAX * GIC_OUTS_PER_CPU];
};

static GICv3Bits *v2_bits(GICv2State *s, int c, int intid)
{
    return intid < GIC_NR_PRIVATE ? &s->cpu[c].priv : &s->spi[intid / 32];
}

static uint8_t *v2_prio(GICv2State *s, int c, int intid)
{
    return intid < GIC_NR_PRIVATE ? &s->cpu[c].prio[intid]
                                  : &s->prio[intid];
}

/* Pending bits of a slice as CPU @c sees them (SGIs from sgi_src). */
static uint32_t v2_pending(GICv2State *s, int c, int base)
{
    GICv3Bits *b = v2_bits(s, c, base);
    uint32_t p = b->pending | (b->level & ~b->edge);

    if (base == 0) {
        p &= ~0xffffu;
        for (int i = 0; i < GIC_NR_SGI; i++) {
            p |= s->cpu[c].sgi_src[i] ? 1u << i : 0;
        }
    }
    return p;
}

static uint32_t v2_group_prio(GICv2CPU *cc, uint32_t prio, int group)
{
    unsigned shift = group && !(cc->ctlr & GICC_CTLR_CBPR) ? cc->abpr
                                                           : cc->bpr + 1;

    return prio & (0xffu << shift) & 0xff;
}

static uint32_t v2_running_prio(GICv2CPU *cc)
{
    return cc->apr ? (uint32_t)ctz32(cc->apr) << 3 : GICV3_PRIO_IDLE;
}

/* The HPPI of CPU @c (-1: none), its priority and group. */
static int v2_hppi(GICv2State *s, int c, uint32_t *prio, int *group)
{
    GICv2CPU *cc = &s->cpu[c];
    uint32_t groups_ok = 0;
    int best = -1;

    groups_ok |= (s->ctlr & 1) && (cc->ctlr & GICC_CTLR_G0) ? 1 : 0;
    groups_ok |= (s->ctlr & 2) && (cc->ctlr & GICC_CTLR_G1) ? 2 : 0;
    *prio = GICV3_PRIO_IDLE;
    for (int base = 0; base < (int)s->num_irq; base += 32) {
        GICv3Bits *b = v2_bits(s, c, base);
        uint32_t bits = v2_pending(s, c, base) & b->enable & ~b->active;
        uint32_t g = (groups_ok & 1 ? ~b->group : 0) |
                     (groups_ok & 2 ? b->group : 0);

        for (bits &= g; bits; bits &= bits - 1) {
            int intid = base + ctz32(bits);
            uint32_t p = *v2_prio(s, c, intid);

            if (intid >= GIC_NR_PRIVATE && !(s->targets[intid] & (1u << c))) {
                continue;
            }
            if (best < 0 || p < *prio) {
                best = intid;
                *prio = p;
                *group = (b->group >> (intid % 32)) & 1;
            }
        }
    }
    return best;
}

/* Can the HPPI be signalled (mask, preemption)? */
static bool v2_signalled(GICv2State *s, int c, int hppi, uint32_t prio,
                         int group)
{
    GICv2CPU *cc = &s->cpu[c];

    return hppi >= 0 && prio < cc->pmr &&
           v2_group_prio(cc, prio, group) < v2_running_prio(cc);
}

static void v2_update(GICv2State *s)
{
    for (uint32_t c = 0; c < s->num_cpu; c++) {
        GICv2CPU *cc = &s->cpu[c];
        uint32_t prio;
        int group = 0, hppi = v2_hppi(s, c, &prio, &group);
        int level[2] = { 0, 0 };

        if (v2_signalled(s, c, hppi, prio, group)) {
            bool fiq = !group && (cc->ctlr & GICC_CTLR_FIQEN);

            level[fiq ? GIC_OUT_FIQ : GIC_OUT_IRQ] = 1;
        }
        for (int o = 0; o < 2; o++) {
            if (level[o] != cc->out_level[o]) {
                cc->out_level[o] = level[o];
                irq_set_level(s->out[GIC_CPU_OUTPUT(c, o)], level[o]);
            }
        }
    }
}

static void v2_set_irq(void *opaque, int n, int level)
{
    GICv2State *s = opaque;
    int nspi = s->num_irq - GIC_NR_PRIVATE, c = 0, intid;
    GICv3Bits *b;
    uint32_t bit;

    if (n < nspi) {
        intid = n + GIC_NR_PRIVATE;
    } else {
        c = (n - nspi) / GIC_NR_PRIVATE;
        intid = (n - nspi) % GIC_NR_PRIVATE;
    }
    g_mutex_lock(&s->lock);
    b = v2_bits(s, c, intid);
    bit = 1u << (intid % 32);
    if (level && !(b->level & bit) && (b->edge & bit)) {
        b->pending |= bit;
    }
    b->level = level ? b->level | bit : b->level & ~bit;
    v2_update(s);
    g_mutex_unlock(&s->lock);
}

/* ---------------------------------------------------------------------- */
/* Distributor                                                            */

/* The CPU making an access, or -1 (logged) when the GIC has no such CPU. */
static int v2_cpu_of(GICv2State *s, MemTxAttrs attrs)
{
    if (attrs.requester_id >= s->num_cpu) {
        log_mask(LOG_GUEST_ERROR, "arm-gic: access by requester %u, but "
                 "the GIC serves CPUs 0..%u only\n", attrs.requester_id,
                 s->num_cpu - 1);
        return -1;
    }
    return attrs.requester_id;
}

/* A word of IGROUPR..ICACTIVER (@bank 0..6) for INTIDs @base..+31. */
static uint32_t v2_bitmap_read(GICv2State *s, int c, int bank, int base)
{
    GICv3Bits *b = v2_bits(s, c, base);
    const uint32_t *f[] = { &b->group, &b->enable, &b->enable, NULL, NULL,
                            &b->active, &b->active };

    return bank == 3 || bank == 4 ? v2_pending(s, c, base) : *f[bank];
}

static void v2_bitmap_write(GICv2State *s, int c, int bank, int base,
                            uint32_t v)
{
    GICv3Bits *b = v2_bits(s, c, base);
    uint32_t *f[] = { &b->group, &b->enable, &b->enable, &b->pending,
                      &b->pending, &b->active, &b->active };

    if (base == 0 && (bank == 3 || bank == 4)) {
        v &= ~0xffffu;          /* SGIs: through SPENDSGIR/CPENDSGIR */
    }
    if (base + 32 > (int)s->num_irq) {
        v &= (1u << (s->num_irq - base)) - 1;
    }
    if (bank == 0) {
        *f[0] = v;
    } else if (bank & 1) {
        *f[bank] |= v;          /* ISENABLER, ISPENDR, ISACTIVER */
    } else {
        *f[bank] &= ~v;         /* ICENABLER, ICPENDR, ICACTIVER */
    }
}

/* GICD_SGIR (IHI 0048B 4.3.15): filter 25:24, CPU list 23:16, ID 3:0. */
static void v2_sgir(GICv2State *s, int c, uint32_t v)
{
    uint32_t list = extract32(v, 16, 8), id = extract32(v, 0, 4);

    switch (extract32(v, 24, 2)) {
    case 1:
        list = 0xff & ~(1u << c);
        break;
    case 2:
        list = 1u << c;
        break;
    case 3:
        list = 0;               /* reserved */
        break;
    }
    for (uint32_t t = 0; t < s->num_cpu; t++) {
        if (list & (1u << t)) {
            s->cpu[t].sgi_src[id] |= 1u << c;
        }
    }
}

static uint32_t v2_dist_byte(GICv2State *s, int c, hwaddr off)
{
    if (off >= 0x400 && off < 0x800 && off - 0x400 < s->num_irq) {
        return *v2_prio(s, c, off - 0x400);
    }
    if (off >= 0x800 && off < 0xc00 && off - 0x800 < s->num_irq) {
        int intid = off - 0x800;

        return intid < GIC_NR_PRIVATE ? 1u << c : s->targets[intid];
    }
    if (off >= 0xf10 && off < 0xf30) {
        return s->cpu[c].sgi_src[(off - 0xf10) % 16];
    }
    return 0;
}

static void v2_dist_byte_write(GICv2State *s, int c, hwaddr off, uint8_t v)
{
    if (off >= 0x400 && off < 0x800 && off - 0x400 < s->num_irq) {
        *v2_prio(s, c, off - 0x400) = v & GICV3_PRIO_MASK;
    } else if (off >= 0x800 && off < 0xc00 && off - 0x800 < s->num_irq) {
        if (off - 0x800 >= GIC_NR_PRIVATE) {
            s->targets[off - 0x800] = v & ((1u << s->num_cpu) - 1);
        }
    } else if (off >= 0xf10 && off < 0xf20) {
        s->cpu[c].sgi_src[off - 0xf10] &= ~v;      /* CPENDSGIR */
    } else if (off >= 0xf20 && off < 0xf30) {
        s->cpu[c].sgi_src[off - 0xf20] |= v;       /* SPENDSGIR */
    }
}

static uint32_t v2_dist_read32(GICv2State *s, int c, hwaddr off)
{
    if (off >= 0x80 && off < 0x400) {
        int base = (off & 0x7f) * 8;

        return base < (int)s->num_irq
               ? v2_bitmap_read(s, c, (off >> 7) - 1, base) : 0;
    }
    if (off >= 0xc00 && off < 0xd00) {
        int base = (off - 0xc00) * 4;
        GICv3Bits *b;
        uint32_t v = 0;

        if (base >= (int)s->num_irq) {
            return 0;
        }
        b = v2_bits(s, c, base);
        for (int i = 0; i < 16; i++) {
            v |= ((b->edge >> ((base + i) % 32)) & 1) << (2 * i + 1);
        }
        return v;
    }
    switch (off) {
    case 0x000:
        return s->ctlr;
    case 0x004:                 /* TYPER: ITLinesNumber, CPUNumber */
        return (DIV_ROUND_UP(s->num_irq, 32) - 1) | (s->num_cpu - 1) << 5;
    case 0x008:
        return GICV2_GICD_IIDR;
    case 0xfe8:
        return GICV2_PIDR2;
    }
    return 0;
}

static void v2_dist_write32(GICv2State *s, int c, hwaddr off, uint32_t v)
{
    if (off >= 0x80 && off < 0x400) {
        int base = (off & 0x7f) * 8;

        if (base < (int)s->num_irq) {
            v2_bitmap_write(s, c, (off >> 7) - 1, base, v);
        }
    } else if (off >= 0xc00 && off < 0xd00) {
        int base = (off - 0xc00) * 4;
        GICv3Bits *b;

        if (base < GIC_NR_SGI || base >= (int)s->num_irq) {
            return;             /* SGIs: always edge */
        }
        b = v2_bits(s, c, base);
        for (int i = 0; i < 16 && base + i < (int)s->num_irq; i++) {
            uint32_t bit = 1u << ((base + i) % 32);

            b->edge = (v >> (2 * i + 1)) & 1 ? b->edge | bit
                                             : b->edge & ~bit;
        }
    } else if (off == 0x000) {
        s->ctlr = v & 3;
    } else if (off == 0xf00) {
        v2_sgir(s, c, v);
    } else {
        log_mask(LOG_GUEST_ERROR, "arm-gic: write 0x%x to read-only or "
                 "reserved GICD offset 0x%" PRIx64 " ignored\n", v,
                 (uint64_t)off);
    }
}

static bool v2_is_byte_reg(hwaddr off)
{
    return (off >= 0x400 && off < 0xc00) || (off >= 0xf10 && off < 0xf30);
}

static MemTxResult v2_dist_read(void *opaque, hwaddr off, uint64_t *data,
                                unsigned size, MemTxAttrs attrs)
{
    GICv2State *s = opaque;
    int c = v2_cpu_of(s, attrs);

    *data = 0;
    if (c < 0 || !s->spi) {
        return MEMTX_OK;
    }
    g_mutex_lock(&s->lock);
    if (v2_is_byte_reg(off)) {
        for (unsigned i = 0; i < size; i++) {
            *data |= (uint64_t)v2_dist_byte(s, c, off + i) << (8 * i);
        }
    } else if (size == 4) {
        *data = v2_dist_read32(s, c, off);
    } else {
        log_mask(LOG_GUEST_ERROR, "arm-gic: %u-byte read of GICD offset "
                 "0x%" PRIx64 "\n", size, (uint64_t)off);
    }
    g_mutex_unlock(&s->lock);
    return MEMTX_OK;
}

static MemTxResult v2_dist_write(void *opaque, hwaddr off, uint64_t data,
                                 unsigned size, MemTxAttrs attrs)
{
    GICv2State *s = opaque;
    int c = v2_cpu_of(s, attrs);

    if (c < 0 || !s->spi) {
        return MEMTX_OK;
    }
    g_mutex_lock(&s->lock);
    if (v2_is_byte_reg(off)) {
        for (unsigned i = 0; i < size; i++) {
            v2_dist_byte_write(s, c, off + i, data >> (8 * i));
        }
    } else if (size == 4) {
        v2_dist_write32(s, c, off, data);
    } else {
        log_mask(LOG_GUEST_ERROR, "arm-gic: %u-byte write of GICD offset "
                 "0x%" PRIx64 " ignored\n", size, (uint64_t)off);
    }
    v2_update(s);
    g_mutex_unlock(&s->lock);
    return MEMTX_OK;
}

static const MemoryRegionOps v2_dist_ops = {
    .read_with_attrs = v2_dist_read,
    .write_with_attrs = v2_dist_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 1, .max_access_size = 4 },
    .impl = { .min_access_size = 1, .max_access_size = 4 },
};

/* ---------------------------------------------------------------------- */
/* CPU interface                                                          */

/* The INTID an IAR/HPPIR read reports: SGIs carry the source (12:10). */
static uint32_t v2_report(GICv2State *s, int c, int intid)
{
    GICv2CPU *cc = &s->cpu[c];

    return intid < GIC_NR_SGI && cc->sgi_src[intid]
           ? (uint32_t)intid | (uint32_t)ctz32(cc->sgi_src[intid]) << 10
           : (uint32_t)intid;
}

/* IAR (@alias false) / AIAR (true) read, or HPPIR / AHPPIR (@ack false). */
static uint32_t v2_iar(GICv2State *s, int c, bool alias, bool ack)
{
    GICv2CPU *cc = &s->cpu[c];
    uint32_t prio, v;
    int group = 0, intid = v2_hppi(s, c, &prio, &group);
    GICv3Bits *b;

    if (intid < 0 || (ack && !v2_signalled(s, c, intid, prio, group))) {
        return GICV3_INTID_SPURIOUS;
    }
    if (alias ? !group : group && !(cc->ctlr & GICC_CTLR_ACKCTL)) {
        return alias ? GICV3_INTID_SPURIOUS : INTID_GROUP1_ONLY;
    }
    v = v2_report(s, c, intid);
    if (!ack) {
        return v;
    }
    b = v2_bits(s, c, intid);
    if (intid < GIC_NR_SGI) {
        cc->sgi_src[intid] &= ~(1u << extract32(v, 10, 3));
    } else {
        b->pending &= ~(1u << (intid % 32));
    }
    b->active |= 1u << (intid % 32);
    cc->apr |= 1u << (v2_group_prio(cc, prio, group) >> 3);
    return v;
}

static void v2_deactivate(GICv2State *s, int c, uint32_t intid)
{
    if (intid < s->num_irq) {
        v2_bits(s, c, intid)->active &= ~(1u << (intid % 32));
    }
}

static void v2_eoi(GICv2State *s, int c, uint32_t v)
{
    GICv2CPU *cc = &s->cpu[c];
    uint32_t intid = extract32(v, 0, 10);

    if (intid >= 1020) {
        return;
    }
    cc->apr &= cc->apr - 1;     /* drop the highest active priority */
    if (!(cc->ctlr & GICC_CTLR_EOIMODE)) {
        v2_deactivate(s, c, intid);
    }
}

static uint32_t v2_cpu_read32(GICv2State *s, int c, hwaddr off)
{
    GICv2CPU *cc = &s->cpu[c];

    switch (off) {
    case 0x00:
        return cc->ctlr;
    case 0x04:
        return cc->pmr;
    case 0x08:
        return cc->bpr;
    case 0x0c:
        return v2_iar(s, c, false, true);
    case 0x14:
        return v2_running_prio(cc);
    case 0x18:
        return v2_iar(s, c, false, false);
    case 0x1c:
        return cc->abpr;
    case 0x20:
        return v2_iar(s, c, true, true);
    case 0x28:
        return v2_iar(s, c, true, false);
    case 0xd0:
        return cc->apr;
    case 0xfc:
        return GICV2_GICC_IIDR;
    }
    return 0;                   /* NSAPR, write-only, reserved: RAZ */
}

static void v2_cpu_write32(GICv2State *s, int c, hwaddr off, uint32_t v)
{
    GICv2CPU *cc = &s->cpu[c];

    switch (off) {
    case 0x00:
        cc->ctlr = v & GICC_CTLR_MASK;
        break;
    case 0x04:
        cc->pmr = v & GICV3_PRIO_MASK;
        break;
    case 0x08:
        cc->bpr = HEMU_MAX(v & 7, (uint32_t)GICV3_BPR0_MIN);
        break;
    case 0x1c:
        cc->abpr = HEMU_MAX(v & 7, (uint32_t)GICV3_BPR1_MIN);
        break;
    case 0x10:
    case 0x24:
        v2_eoi(s, c, v);
        break;
    case 0xd0:
        cc->apr = v;
        break;
    case 0x1000:
        if (cc->ctlr & GICC_CTLR_EOIMODE) {
            v2_deactivate(s, c, extract32(v, 0, 10));
        }
        break;
    default:
        log_mask(LOG_GUEST_ERROR, "arm-gic: write 0x%x to read-only or "
                 "reserved GICC offset 0x%" PRIx64 " ignored\n", v,
                 (uint64_t)off);
    }
}

static MemTxResult v2_cpu_read(void *opaque, hwaddr off, uint64_t *data,
                               unsigned size, MemTxAttrs attrs)
{
    GICv2State *s = opaque;
    int c = v2_cpu_of(s, attrs);

    *data = 0;
    if (c < 0 || !s->spi) {
        return MEMTX_OK;
    }
    g_mutex_lock(&s->lock);
    *data = v2_cpu_read32(s, c, off);
    v2_update(s);               /* an acknowledge changes the state */
    g_mutex_unlock(&s->lock);
    return MEMTX_OK;
}

static MemTxResult v2_cpu_write(void *opaque, hwaddr off, uint64_t data,
                                unsigned size, MemTxAttrs attrs)
{
    GICv2State *s = opaque;
    int c = v2_cpu_of(s, attrs);

    if (c < 0 || !s->spi) {
        return MEMTX_OK;
    }
    g_mutex_lock(&s->lock);
    v2_cpu_write32(s, c, off, data);
    v2_update(s);
    g_mutex_unlock(&s->lock);
    return MEMTX_OK;
}

static const MemoryRegionOps v2_cpu_ops = {
    .read_with_attrs = v2_cpu_read,
    .write_with_attrs = v2_cpu_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 4, .max_access_size = 4 },
    .impl = { .min_access_size = 4, .max_access_size = 4 },
};

/* ---------------------------------------------------------------------- */
/* Life cycle                                                             */

static void v2_resize_gpios(GICv2State *s)
{
    qdev_init_gpio_in(DEVICE(s), v2_set_irq, s->num_irq - GIC_NR_PRIVATE +
                      s->num_cpu * GIC_NR_PRIVATE);
    qdev_init_gpio_out(DEVICE(s), s->out, s->num_cpu * GIC_OUTS_PER_CPU);
}

static bool v2_get_u32(Object *obj, ObjectProperty *prop, PropValue *val,
                       Error **errp)
{
    GICv2State *s = ARM_GIC(obj);

    val->kind = PROP_KIND_UINT;
    val->u = prop->opaque ? s->num_irq : s->num_cpu;
    return true;
}

/* Setter of num-cpu (opaque NULL) and num-irq: resize the GPIO lists. */
static bool v2_set_u32(Object *obj, ObjectProperty *prop,
                       const PropValue *val, Error **errp)
{
    GICv2State *s = ARM_GIC(obj);

    if (prop->opaque) {
        s->num_irq = val->u;
    } else {
        s->num_cpu = val->u;
    }
    v2_resize_gpios(s);
    return true;
}

static void v2_reset_hold(Object *obj, ResetType type)
{
    GICv2State *s = ARM_GIC(obj);

    g_mutex_lock(&s->lock);
    s->ctlr = 0;
    for (unsigned w = 1; w < DIV_ROUND_UP(s->num_irq, 32); w++) {
        uint32_t level = s->spi[w].level;

        memset(&s->spi[w], 0, sizeof(s->spi[w]));
        s->spi[w].level = level;
    }
    memset(s->prio, 0, s->num_irq);
    memset(s->targets, 0, s->num_irq);
    for (uint32_t c = 0; c < s->num_cpu; c++) {
        GICv2CPU *cc = &s->cpu[c];
        uint32_t level = cc->priv.level;
        int out[2] = { cc->out_level[0], cc->out_level[1] };

        memset(cc, 0, sizeof(*cc));
        cc->priv.level = level;
        cc->priv.edge = (1u << GIC_NR_SGI) - 1;
        cc->bpr = GICV3_BPR0_MIN;
        cc->abpr = GICV3_BPR1_MIN;
        cc->out_level[0] = out[0];
        cc->out_level[1] = out[1];
    }
    v2_update(s);
    g_mutex_unlock(&s->lock);
}

static bool v2_realize(Object *obj, Error **errp)
{
    GICv2State *s = ARM_GIC(obj);
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
    s->targets = g_new0(uint8_t, s->num_irq);
    v2_reset_hold(obj, RESET_TYPE_COLD);
    return true;
}

static void v2_instance_init(Object *obj)
{
    GICv2State *s = ARM_GIC(obj);

    g_mutex_init(&s->lock);
    s->num_cpu = 1;
    s->num_irq = GIC_NUM_IRQ_DEFAULT;
    v2_resize_gpios(s);
    memory_region_init_io(&s->dist_mr, obj, &v2_dist_ops, s, "gicv2-dist",
                          GICV2_DIST_SIZE);
    qdev_init_mmio(DEVICE(s), &s->dist_mr);
    memory_region_init_io(&s->cpu_mr, obj, &v2_cpu_ops, s, "gicv2-cpu",
                          GICV2_CPU_SIZE);
    qdev_init_mmio(DEVICE(s), &s->cpu_mr);
}

static void v2_instance_finalize(Object *obj)
{
    GICv2State *s = ARM_GIC(obj);

    memory_region_finalize(&s->dist_mr);
    memory_region_finalize(&s->cpu_mr);
    g_free(s->spi);
    g_free(s->prio);
    g_free(s->targets);
    g_mutex_clear(&s->lock);
}

static const PropDef v2_props[] = {
    DEFINE_PROP_LINK_REQUIRED(GIC_PROP_CPUS, GICv2State, cluster,
                              TYPE_CPU_CLUSTER,
                              "the cpu-cluster whose CPUs the GIC serves"),
    DEFINE_PROP_UINT32_RANGE(GIC_PROP_REVISION, GICv2State, revision, 2, 2,
                             2, "GIC architecture revision (2 only)"),
    PROP_END
};

static void v2_class_init(ObjectClass *oc, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);

    dc->desc = "Arm GICv2 interrupt controller";
    dc->category = DEVICE_CATEGORY_INTC;
    dc->parent_realize = oc->realize;
    dc->reset_hold = v2_reset_hold;
    oc->realize = v2_realize;
    object_class_add_field_props(oc, v2_props);
    /* opaque: NULL for num-cpu, 1 for num-irq (the accessors' switch) */
    object_class_property_add_uint(oc, GIC_PROP_NUM_CPU, "uint32", v2_get_u32,
                                   v2_set_u32, NULL, 1, GICV2_NUM_CPU_MAX, 1,
                                   "number of CPUs served (1..8)");
    object_class_property_add_uint(oc, GIC_PROP_NUM_IRQ, "uint32", v2_get_u32,
                                   v2_set_u32, (void *)1, GIC_NUM_IRQ_MIN,
                                   GIC_NUM_IRQ_MAX, GIC_NUM_IRQ_DEFAULT,
                                   "number of INTIDs incl. the 32 private "
                                   "(64..1020)");
}

static const TypeInfo v2_types[] = {
    {
        .name = TYPE_ARM_GIC,
        .parent = TYPE_DEVICE,
        .description = "Arm GICv2 interrupt controller",
        .instance_size = sizeof(GICv2State),
        .instance_init = v2_instance_init,
        .instance_finalize = v2_instance_finalize,
        .class_init = v2_class_init,
    },
};

DEFINE_TYPES(v2_types)
