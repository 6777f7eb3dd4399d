/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Private to hw/arm/virt*.c: the virt machine's state, its memory map and
 * interrupt numbers, and the functions the three files share:
 *   virt.c       the machine: properties, CPUs, GIC, PL011, PL031, init;
 *   virt-fdt.c   the flattened device tree (libfdt), -dtb, dumpdtb;
 *   virt-boot.c  -kernel (ELF, raw, Linux arm64 Image, gzip), -initrd,
 *                the boot stub that enters Linux with x0 = the DTB.
 *
 * Addresses and interrupt numbers are QEMU's virt ones, so guests built
 * for QEMU's virt find their devices where they expect them.  User
 * documentation: docs/user/virt.md.
 */
#ifndef HW_ARM_VIRT_H
#define HW_ARM_VIRT_H

#include "hw/boards.h"
#include "hw/clock.h"
#include "hw/qdev.h"

#define TYPE_VIRT_MACHINE MACHINE_TYPE_NAME("virt")
OBJECT_DECLARE_SIMPLE_TYPE(VirtMachineState, VIRT_MACHINE)

/* The memory map (QEMU's virt). */
#define VIRT_GICD_BASE 0x08000000ull        /* GIC distributor, 64 KiB */
#define VIRT_GICD_SIZE 0x10000ull
#define VIRT_GICC_BASE 0x08010000ull        /* GICv2 CPU interface */
#define VIRT_GICC_SIZE 0x10000ull
#define VIRT_GICR_BASE 0x080a0000ull        /* GICv3 redistributors */
#define VIRT_GICR_STRIDE 0x20000ull         /* 128 KiB per CPU */
#define VIRT_UART_BASE 0x09000000ull
#define VIRT_UART_SIZE 0x1000ull
#define VIRT_RTC_BASE 0x09010000ull
#define VIRT_RTC_SIZE 0x1000ull
#define VIRT_VIRTIO_BASE 0x0a000000ull      /* 32 virtio-mmio slots */
#define VIRT_VIRTIO_STRIDE 0x200ull
#define VIRT_VIRTIO_COUNT 32
#define VIRT_RAM_BASE 0x40000000ull
#define VIRT_RAM_MAX (255ull << 30)         /* up to the 256 GiB line */

/* Shared peripheral interrupts (INTID 32 + n), QEMU's virt numbers. */
#define VIRT_SPI_UART 1
#define VIRT_SPI_RTC 2
#define VIRT_SPI_VIRTIO 16                  /* slot n: SPI 16 + n */
/* Private peripheral interrupts of the generic timer (INTID 16 + n). */
#define VIRT_PPI_TIMER_SEC 13               /* INTID 29 */
#define VIRT_PPI_TIMER_PHYS 14              /* INTID 30 */
#define VIRT_PPI_TIMER_VIRT 11              /* INTID 27 */
#define VIRT_PPI_TIMER_HYP 10               /* INTID 26 */

#define VIRT_APB_PCLK_HZ 24000000           /* the PL011's and PL031's */

struct VirtMachineState {
    MachineState parent_obj;
    bool virtualization;        /* EL2 implemented */
    bool secure;                /* EL3 implemented */
    bool semihosting;           /* HLT #0xF000 serves semihosting calls */
    char *semihosting_root;     /* OPEN paths relative to it; NULL: cwd;
                                   owned by the property */
    uint32_t gic_version;       /* 2 or 3 (property "gic-version") */
    char *dumpdtb;              /* write the DTB here and power off at
                                   once; NULL: boot normally */
    uint64_t carveout_size;     /* "carveout-size": bytes at the top of
                                   RAM the boot keeps out of and the DT
                                   reserves (no-map); 0: none; a multiple
                                   of 4 KiB below ram_size (hetero-virt's
                                   init sets it) */
    Clock *apb_pclk;            /* child "apb-pclk": the PL011's UARTCLK */
    Object *cluster;            /* /machine/cpus, realized in init */
    DeviceState *gic;           /* /machine/gic; NULL while the GIC type
                                   is not built in (timer fallback) */
    DeviceState *uart;          /* /machine/uart0 */
    DeviceState *rtc;           /* /machine/rtc */
};

/* Where the boot put things, for the device tree's /chosen. */
typedef struct VirtBootInfo {
    bool linux_boot;            /* a Linux Image: DTB + stub in RAM */
    uint64_t entry;             /* cpu[0]'s first instruction */
    uint64_t kernel_entry;      /* where the stub jumps (Linux only) */
    uint64_t kernel_end;        /* first byte after image_size (Linux) */
    uint64_t initrd_start;      /* 0: no initrd */
    uint64_t initrd_end;        /* exclusive */
    uint64_t dtb_addr;          /* where the DTB goes (Linux only) */
} VirtBootInfo;

/*
 * The device tree of @vms (its CPUs, GIC, timer, UART, RTC, RAM, PSCI)
 * with /chosen from @bi (bootargs from -append, the initrd range); or,
 * with -dtb, that file with its /chosen patched the same way.  On success
 * *@fdt is a g_malloc'ed blob of fdt_totalsize() bytes.
 */
bool virt_fdt_build(VirtMachineState *vms, const VirtBootInfo *bi,
                    void **fdt, Error **errp);

/*
 * The virt machine's init (hw/arm/virt.c): the AArch64 side, booted.
 * Machines built on virt (hetero-virt) call it first, then add theirs.
 */
bool virt_machine_init(MachineState *ms, Error **errp);

/*
 * Load -kernel (and -initrd) into @as and fill @bi.  A Linux Image gets
 * the boot stub at the start of RAM and its DTB placed (written later
 * with virt_boot_write_dtb); other kernels are entered directly.
 */
bool virt_boot_load(VirtMachineState *vms, AddressSpace *as,
                    VirtBootInfo *bi, Error **errp);

/* Write @fdt at bi->dtb_addr; an error if it does not fit in RAM. */
bool virt_boot_write_dtb(VirtMachineState *vms, AddressSpace *as,
                         const VirtBootInfo *bi, const void *fdt,
                         Error **errp);

/*
 * dumpdtb: write @fdt to vms->dumpdtb and put at the start of RAM a
 * program that powers the machine off through PSCI SYSTEM_OFF (exit
 * status 0); bi->entry is set to it.
 */
bool virt_boot_dumpdtb(VirtMachineState *vms, AddressSpace *as,
                       const void *fdt, VirtBootInfo *bi, Error **errp);

#endif
