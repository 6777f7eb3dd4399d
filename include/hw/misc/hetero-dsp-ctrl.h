/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The hetero-virt DSP subsystem controller: holds the Hexagon DSP in reset
 * until the application processor releases it, tells it where to start,
 * and reports the firmware's state back to the apps side.
 *
 * A "hetero-dsp-ctrl" device exposes:
 *   MMIO region 0      the apps view, HETERO_DSP_CTRL_MMIO_SIZE bytes
 *                      (hetero-virt: ARM PA 0x0b010000);
 *   MMIO region 1      the DSP view, same size (DSP address 0xfc941000);
 *   GPIO out "dsp-reset"  one line, level 1 = the DSP is held in reset
 *                      (the machine fans it out to every DSP thread's
 *                      "reset" input); driven in the reset hold phase to
 *                      !autostart and on every CTRL.RUN edge;
 *   GPIO out 0         (unnamed list) the apps interrupt: a level, high
 *                      while INT_STATUS & INT_ENABLE != 0 (GIC SPI 49);
 *   properties:
 *     "boot-addr"         uint32, BOOT_ADDR's reset value (default 0;
 *                         hetero-virt sets the DSP firmware's ELF entry);
 *     "autostart"         bool (default off): after reset the DSP runs
 *                         (RUN = 1, BOOT_COUNT = 1) instead of waiting
 *                         for the apps side;
 *     "shared-base"       uint64, ARM PA of the shared carveout (default 0);
 *     "shared-size"       uint64, its size in bytes, at most 4 GiB - 1
 *                         (SHARED_SIZE is one 32-bit register; default 0);
 *     "dsp-shared-base"   uint32, DSP address of the same carveout
 *                         (default HETERO_DSP_CTRL_DEFAULT_DSP_SHARED_BASE);
 *     "boot-cpu"          link to any object (optional): the DSP's thread
 *                         0; on every release the controller sets its
 *                         property <boot-pc-property> to BOOT_ADDR before
 *                         it lowers dsp-reset;
 *     "boot-pc-property"  string (default "reset-pc"), the name of that
 *                         property; realize fails when boot-cpu is set and
 *                         has no property of that name.
 *     "boot-addr-from-cpu" bool (default off): BOOT_ADDR's reset value
 *                         is boot-cpu's <boot-pc-property> (read while
 *                         the apps side has not written BOOT_ADDR since
 *                         reset; "none" values count as 0) instead of
 *                         boot-addr; needs boot-cpu.  With
 *                         boot-pc-property "boot-pc", `-device
 *                         loader,...,cpu-num=0` sets the DSP's start
 *                         address without board code (machine files).
 * Registers are 32 bits wide and take only aligned 32-bit accesses;
 * anything else, and unassigned offsets, is logged under
 * `-d guest_errors`, reads 0 and ignores writes.
 *
 * The numbers are the contract documented in docs/user/hetero-devices.md
 * (the hetero-virt machine and the demo programs use the same values).
 * Everything else is private to hw/misc/hetero-dsp-ctrl.c.
 */
#ifndef HW_MISC_HETERO_DSP_CTRL_H
#define HW_MISC_HETERO_DSP_CTRL_H

#define TYPE_HETERO_DSP_CTRL "hetero-dsp-ctrl"

/* Size of each view (MMIO regions 0 and 1) in bytes. */
#define HETERO_DSP_CTRL_MMIO_SIZE 0x1000

/* MMIO region numbers of the two views. */
#define HETERO_DSP_CTRL_VIEW_APPS 0
#define HETERO_DSP_CTRL_VIEW_DSP 1

/* The GPIO output list holding the DSP reset line (one line). */
#define HETERO_DSP_CTRL_GPIO_DSP_RESET "dsp-reset"

/* Property defaults. */
#define HETERO_DSP_CTRL_DEFAULT_DSP_SHARED_BASE 0x80000000u
#define HETERO_DSP_CTRL_DEFAULT_BOOT_PC_PROPERTY "reset-pc"

/* Apps view register offsets. */
#define HETERO_DSP_CTRL_APPS_ID 0x000           /* RO: ID_VALUE */
#define HETERO_DSP_CTRL_APPS_VERSION 0x004      /* RO: VERSION_VALUE */
#define HETERO_DSP_CTRL_APPS_BOOT_ADDR 0x008    /* RW: start of next boot */
#define HETERO_DSP_CTRL_APPS_CTRL 0x00c         /* RW: bit 0 RUN */
#define HETERO_DSP_CTRL_APPS_STATUS 0x010       /* RO: STATUS_* bits */
#define HETERO_DSP_CTRL_APPS_FW_CODE 0x014      /* RO: the DSP's FW_CODE */
#define HETERO_DSP_CTRL_APPS_BOOT_COUNT 0x018   /* RO: releases since reset */
#define HETERO_DSP_CTRL_APPS_INT_STATUS 0x020   /* W1C: INT_* events */
#define HETERO_DSP_CTRL_APPS_INT_ENABLE 0x024   /* RW: mask of INT_* */
#define HETERO_DSP_CTRL_APPS_SHARED_BASE_LO 0x030 /* RO: carveout PA 31:0 */
#define HETERO_DSP_CTRL_APPS_SHARED_BASE_HI 0x034 /* RO: carveout PA 63:32 */
#define HETERO_DSP_CTRL_APPS_SHARED_SIZE 0x038  /* RO: carveout bytes */
#define HETERO_DSP_CTRL_APPS_DSP_SHARED_BASE 0x03c /* RO: its DSP address */

/* DSP view register offsets. */
#define HETERO_DSP_CTRL_DSP_ID 0x000            /* RO: ID_VALUE */
#define HETERO_DSP_CTRL_DSP_FW_STATE 0x004      /* RW: FW_STATE_* */
#define HETERO_DSP_CTRL_DSP_FW_CODE 0x008       /* RW: free word */
#define HETERO_DSP_CTRL_DSP_BOOT_ADDR 0x00c     /* RO: this boot's start */
#define HETERO_DSP_CTRL_DSP_BOOT_COUNT 0x010    /* RO: as the apps view */

/* Constant register values. */
#define HETERO_DSP_CTRL_ID_VALUE 0x48445350u    /* "HDSP" */
#define HETERO_DSP_CTRL_VERSION_VALUE 0x00010000u

/* CTRL bits. */
#define HETERO_DSP_CTRL_CTRL_RUN (1u << 0)      /* 0->1 release, 1->0 hold */

/* STATUS bits. */
#define HETERO_DSP_CTRL_STATUS_IN_RESET (1u << 0)
#define HETERO_DSP_CTRL_STATUS_FW_READY (1u << 1)  /* FW_STATE == READY */
#define HETERO_DSP_CTRL_STATUS_FW_FATAL (1u << 2)  /* FW_STATE == FATAL */

/* INT_STATUS / INT_ENABLE bits (the same positions as in STATUS). */
#define HETERO_DSP_CTRL_INT_READY (1u << 1)     /* DSP wrote FW_STATE 1 */
#define HETERO_DSP_CTRL_INT_FATAL (1u << 2)     /* DSP wrote FW_STATE 2 */
#define HETERO_DSP_CTRL_INT_MASK                                             \
    (HETERO_DSP_CTRL_INT_READY | HETERO_DSP_CTRL_INT_FATAL)

/* FW_STATE values the DSP may write. */
#define HETERO_DSP_CTRL_FW_STATE_READY 1u
#define HETERO_DSP_CTRL_FW_STATE_FATAL 2u

#endif
