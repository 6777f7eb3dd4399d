/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A Hexagon DSP subsystem as boards build it: the hardware threads (one
 * cpu-cluster of arch "hexagon"), the config table ROM, VTCM, the L2VIC
 * and the QTimer, laid out in a DSP address map as on QEMU's V66G_1024:
 *
 *   0xd8180000  config table ROM (4 KiB)  -- the threads' cfgbase
 *   0xd81e0000  fast-L2VIC port (64 KiB, L2VIC MMIO 1)
 *   0xd8200000  VTCM RAM (256 KiB)
 *   0xfc910000  L2VIC registers (4 KiB)
 *   0xfc920000  QTimer access control; frames at 0xfc921000, 0xfc922000
 *               (interrupts to L2VIC inputs 3 and 4)
 *
 * Users: hw/hexagon/v66g.c (-M V66G_1024: the map is the machine's
 * sysmem) and hw/arm/hetero-virt.c (the DSP of -M hetero-virt: a map of
 * its own).  The board maps RAM/TCM itself and loads the program.
 *
 * Building is two steps, because the board loads its program in
 * between: hexagon_dsp_create_devices() maps the ROM, VTCM, L2VIC and
 * QTimer; hexagon_dsp_create_cpus() makes the cluster, sets the threads'
 * reset-time properties, wires L2VIC outputs 0..7 to input n of every
 * thread (split-irq devices "<prefix>l2vic-irq[n]") and resets the
 * cluster.  CPU and device types are reached by name (hw/ cannot include
 * target/).  Spec: /work/shared/reference/hexagon-system.md 1.2-1.4, 1.11.
 */
#ifndef HW_HEXAGON_HEXAGON_DSP_H
#define HW_HEXAGON_HEXAGON_DSP_H

#include "hw/qdev.h"
#include "system/memory.h"

#define HEXAGON_DSP_CFGBASE 0xd8180000ull
#define HEXAGON_DSP_FASTL2VIC_BASE 0xd81e0000ull
#define HEXAGON_DSP_VTCM_BASE 0xd8200000ull
#define HEXAGON_DSP_VTCM_SIZE (256ull << 10)
#define HEXAGON_DSP_L2VIC_BASE 0xfc910000ull
#define HEXAGON_DSP_QTIMER_BASE 0xfc920000ull
#define HEXAGON_DSP_QTIMER_FRAME_BASE 0xfc921000ull
#define HEXAGON_DSP_MAX_THREADS 8

typedef struct HexagonDspConfig {
    const char *board;          /* for messages: "machine V66G_1024" */
    const char *cluster_name;   /* child name of the cluster ("hexagon") */
    const char *prefix;         /* of the other children ("" or "dsp-") */
    const char *cpu_model;      /* "v68" or a type name; NULL: "v66" */
    unsigned threads;           /* 1..HEXAGON_DSP_MAX_THREADS */
    MemoryRegion *map;          /* the DSP address map the devices go in */
    Object *map_obj;            /* the memory-map object owning @map, for
                                   the cluster's "memory" link; NULL: @map
                                   is the machine's sysmem */
    uint32_t reset_pc;          /* thread 0's first instruction */
    bool keep_running;          /* all threads stopped does not end the
                                   run (a DSP beside other clusters) */
    bool semihosting;           /* trap0(#0) semihosting */
    const char *semihosting_root; /* may be NULL */
    const char *cmdline;        /* semihosting GET_CMDLINE; may be NULL */
} HexagonDspConfig;

typedef struct HexagonDsp {
    MemoryRegion cfgtable;      /* ROM at HEXAGON_DSP_CFGBASE */
    MemoryRegion vtcm;          /* RAM at HEXAGON_DSP_VTCM_BASE */
    bool regions_init;          /* cfgtable and vtcm initialised */
    Object *cluster;            /* after create_cpus: the cpu-cluster */
    DeviceState *l2vic;         /* after create_devices */
    DeviceState *qtimer;
} HexagonDsp;

/* The -cpu names of the Hexagon CPU types, "v66, v67, v68"; g_free. */
char *hexagon_dsp_cpu_names(void);

/* Map the config table, VTCM, L2VIC and QTimer of @dsp into cfg->map. */
bool hexagon_dsp_create_devices(HexagonDsp *dsp, Object *owner,
                                const HexagonDspConfig *cfg, Error **errp);

/* The cluster, the threads' properties, the interrupt wiring, reset. */
bool hexagon_dsp_create_cpus(HexagonDsp *dsp, Object *owner,
                             const HexagonDspConfig *cfg, Error **errp);

/* Thread @idx of the cluster (after hexagon_dsp_create_cpus). */
DeviceState *hexagon_dsp_thread(HexagonDsp *dsp, unsigned idx);

/* Release the regions (the owner's instance_finalize). */
void hexagon_dsp_finalize(HexagonDsp *dsp);

#endif
