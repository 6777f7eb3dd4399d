/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The prelude every hemu source file includes first.
 *
 * It brings in the C library and GLib, defines the address types of the
 * design (vaddr for guest virtual addresses, hwaddr for physical ones, both
 * 64 bit whatever the guest), and poisons QEMU-style per-target macros in
 * code outside target/: common code is compiled once for all architectures
 * (docs/devel/layering.md, ARCHITECTURE.md "Rules").
 */
#ifndef HEMU_OSDEP_H
#define HEMU_OSDEP_H

#include <assert.h>
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

#include <glib.h>

/* A guest virtual address, for any architecture: 32-bit guests mask. */
typedef uint64_t vaddr;
/* A guest physical (bus) address within some AddressSpace. */
typedef uint64_t hwaddr;

#define HWADDR_MAX UINT64_MAX
#define VADDR_PRIx PRIx64
#define HWADDR_PRIx PRIx64

#ifndef HEMU_TARGET_CODE
/* Common code must not depend on a guest architecture's word size. */
#pragma GCC poison target_ulong target_long TARGET_LONG_BITS
#pragma GCC poison TARGET_PAGE_BITS TARGET_PAGE_SIZE TARGET_PAGE_MASK
#pragma GCC poison TARGET_PHYS_ADDR_SPACE_BITS NEED_CPU_H
#endif

#define HEMU_PACKED __attribute__((packed))
#define HEMU_NORETURN __attribute__((noreturn))
#define HEMU_PRINTF(a, b) __attribute__((format(printf, a, b)))
#define HEMU_WARN_UNUSED __attribute__((warn_unused_result))
#define HEMU_UNUSED __attribute__((unused))
#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)

#ifndef ARRAY_SIZE
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#endif

/* The struct that contains the member @ptr points to. */
#define container_of(ptr, type, member)                                      \
    ((type *)((char *)(ptr) - offsetof(type, member)))

#define HEMU_MIN(a, b) ((a) < (b) ? (a) : (b))
#define HEMU_MAX(a, b) ((a) > (b) ? (a) : (b))

#endif
