/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * GICv3 redistributors ("arm-gicv3" MMIO region 1): one 128 KiB frame
 * pair per CPU, CPU 0 first: RD_base (control, TYPER, WAKER, IDs) then
 * SGI_base (the SGI and PPI registers: IGROUPR0, ISENABLER0 ...
 * ICACTIVER0, IPRIORITYR0..7, ICFGR0/1).  The per-INTID state is the
 * CPU's cpu->priv / cpu->prio (gic-common.h); the bank logic is shared
 * with the distributor (gicv3.c).
 *
 * No LPIs (GICR_TYPER.PLPIS = 0, GICR_CTLR.EnableLPIs RAZ/WI).  WAKER
 * implements the ProcessorSleep / ChildrenAsleep handshake: clearing
 * ProcessorSleep wakes the redistributor at once, so ChildrenAsleep reads
 * as the last value written to ProcessorSleep.
 *
 * Spec: Arm IHI 0069, 12.10 (GICR_* in RD_base), 12.11 (SGI_base).
 */
#include "gic-common.h"

#include "util/log.h"

/* Offsets in RD_base. */
enum {
    GICR_CTLR = 0x0000,
    GICR_IIDR = 0x0004,
    GICR_TYPER = 0x0008,
    GICR_WAKER = 0x0014,
    GICR_PIDR2 = 0xffe8,
};

/* Offsets in SGI_base (at RD_base + 64 KiB). */
#define GICR_SGI_BASE 0x10000
enum {
    GICR_IGROUPR0 = 0x0080,
    GICR_ICACTIVER_END = 0x0400,
    GICR_IPRIORITYR = 0x0400,
    GICR_IPRIORITYR_END = 0x0420,
    GICR_ICFGR0 = 0x0c00,
    GICR_ICFGR1 = 0x0c04,
};

#define WAKER_PROCESSOR_SLEEP (1u << 1)
#define WAKER_CHILDREN_ASLEEP (1u << 2)

/* GICR_TYPER of @c: affinity, processor number, Last. */
static uint64_t gicr_typer(GICv3State *s, GICv3CPU *c)
{
    return (uint64_t)c->affinity << 32 | (uint64_t)c->index << 8 |
           ((uint32_t)c->index == s->num_cpu - 1 ? 1u << 4 : 0);
}

/* 32-bit register at @off of @c's SGI_base frame. */
static uint32_t gicr_sgi_read32(GICv3State *s, GICv3CPU *c, hwaddr off)
{
    if (off >= GICR_IGROUPR0 && off < GICR_ICACTIVER_END &&
        !(off & 0x7f)) {
        return arm_gicv3_bitmap_read(s, c, off, 0);
    }
    if (off == GICR_ICFGR0 || off == GICR_ICFGR1) {
        return arm_gicv3_icfgr_read(s, c, (off - GICR_ICFGR0) * 4);
    }
    return 0;                   /* IGRPMODR0, NSACR, reserved: RAZ */
}

static void gicr_sgi_write32(GICv3State *s, GICv3CPU *c, hwaddr off,
                             uint32_t v)
{
    if (off >= GICR_IGROUPR0 && off < GICR_ICACTIVER_END &&
        !(off & 0x7f)) {
        arm_gicv3_bitmap_write(s, c, off, 0, v);
    } else if (off == GICR_ICFGR0 || off == GICR_ICFGR1) {
        arm_gicv3_icfgr_write(s, c, (off - GICR_ICFGR0) * 4, v);
    } else {
        log_mask(LOG_GUEST_ERROR, "arm-gicv3: write 0x%x to reserved "
                 "GICR SGI_base offset 0x%" PRIx64 " of CPU %d ignored\n",
                 v, (uint64_t)off, c->index);
    }
}

static uint32_t gicr_rd_read32(GICv3State *s, GICv3CPU *c, hwaddr off)
{
    switch (off) {
    case GICR_IIDR:
        return GICV3_IIDR;
    case GICR_TYPER:
        return (uint32_t)gicr_typer(s, c);
    case GICR_TYPER + 4:
        return gicr_typer(s, c) >> 32;
    case GICR_WAKER:
        return c->waker & WAKER_PROCESSOR_SLEEP
               ? WAKER_PROCESSOR_SLEEP | WAKER_CHILDREN_ASLEEP : 0;
    case GICR_PIDR2:
        return GICV3_PIDR2;
    default:
        return 0;               /* CTLR (no LPIs, RWP 0), reserved: RAZ */
    }
}

static void gicr_rd_write32(GICv3State *s, GICv3CPU *c, hwaddr off,
                            uint32_t v)
{
    if (off == GICR_WAKER) {
        c->waker = v & WAKER_PROCESSOR_SLEEP;
    } else if (off != GICR_CTLR) {
        log_mask(LOG_GUEST_ERROR, "arm-gicv3: write 0x%x to read-only or "
                 "reserved GICR offset 0x%" PRIx64 " of CPU %d ignored\n",
                 v, (uint64_t)off, c->index);
    }
}

/* One access of 1, 2, 4 or 8 bytes at @addr in the region. */
static uint64_t gicr_read(void *opaque, hwaddr addr, unsigned size)
{
    GICv3State *s = opaque;
    GICv3CPU *c;
    hwaddr off = addr % GICV3_REDIST_SIZE;
    bool sgi = off >= GICR_SGI_BASE;
    uint64_t v = 0;

    if (!s->cpus) {
        return 0;               /* not realized yet */
    }
    c = &s->cpus[addr / GICV3_REDIST_SIZE];
    off -= sgi ? GICR_SGI_BASE : 0;
    g_mutex_lock(&s->lock);
    if (sgi && off >= GICR_IPRIORITYR && off < GICR_IPRIORITYR_END) {
        for (unsigned i = 0; i < size && off + i < GICR_IPRIORITYR_END;
             i++) {
            v |= (uint64_t)c->prio[off - GICR_IPRIORITYR + i] << (8 * i);
        }
    } else if (size >= 4) {
        for (unsigned i = 0; i < size; i += 4) {
            uint32_t w = sgi ? gicr_sgi_read32(s, c, off + i)
                             : gicr_rd_read32(s, c, off + i);

            v |= (uint64_t)w << (8 * i);
        }
    } else {
        log_mask(LOG_GUEST_ERROR, "arm-gicv3: %u-byte read of GICR offset "
                 "0x%" PRIx64 "\n", size, (uint64_t)addr);
    }
    g_mutex_unlock(&s->lock);
    return v;
}

static void gicr_write(void *opaque, hwaddr addr, uint64_t v, unsigned size)
{
    GICv3State *s = opaque;
    GICv3CPU *c;
    hwaddr off = addr % GICV3_REDIST_SIZE;
    bool sgi = off >= GICR_SGI_BASE;

    if (!s->cpus) {
        return;                 /* not realized yet */
    }
    c = &s->cpus[addr / GICV3_REDIST_SIZE];
    off -= sgi ? GICR_SGI_BASE : 0;
    g_mutex_lock(&s->lock);
    if (sgi && off >= GICR_IPRIORITYR && off < GICR_IPRIORITYR_END) {
        for (unsigned i = 0; i < size && off + i < GICR_IPRIORITYR_END;
             i++) {
            c->prio[off - GICR_IPRIORITYR + i] =
                (v >> (8 * i)) & GICV3_PRIO_MASK;
        }
    } else if (size >= 4) {
        for (unsigned i = 0; i < size; i += 4) {
            if (sgi) {
                gicr_sgi_write32(s, c, off + i, v >> (8 * i));
            } else {
                gicr_rd_write32(s, c, off + i, v >> (8 * i));
            }
        }
    } else {
        log_mask(LOG_GUEST_ERROR, "arm-gicv3: %u-byte write of GICR offset "
                 "0x%" PRIx64 " ignored\n", size, (uint64_t)addr);
    }
    arm_gicv3_update(s);
    g_mutex_unlock(&s->lock);
}

const MemoryRegionOps arm_gicv3_redist_ops = {
    .read = gicr_read,
    .write = gicr_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 1, .max_access_size = 8 },
    .impl = { .min_access_size = 1, .max_access_size = 8 },
};
