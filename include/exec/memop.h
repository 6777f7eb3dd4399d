/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * MemOp: the description of one fixed-size memory access.
 *
 * A MemOp packs, into one small integer, everything a load or store needs
 * besides its address: the access size, whether a load sign-extends, the
 * byte order, and the alignment the guest architecture requires.  It is
 * used by the memory API (address_space_ld/st, include/system/memory.h)
 * and by TCG (guest loads/stores, the softmmu slow path).
 *
 * Bit layout (stable; other subsystems depend on it):
 *
 *   bits 0-2  MO_SIZE   log2 of the size in bytes: MO_8=0, MO_16=1,
 *                       MO_32=2, MO_64=3, MO_128=4 (5-7 are invalid)
 *   bit  3    MO_SIGN   loads sign-extend to 64 bits (ignored by stores)
 *   bit  4    MO_BE     big-endian; clear means little-endian (MO_LE == 0).
 *                       There is deliberately no "target endian" value:
 *                       common code is built once for every guest, so each
 *                       frontend picks MO_LE or MO_BE itself.  For MO_8 the
 *                       byte order is irrelevant.
 *   bits 5-7  MO_AMASK  alignment requirement:
 *                       0          MO_UNALN    any address
 *                       1          MO_ALIGN    natural (the access size)
 *                       a in 2..7  MO_ALIGN_n  n = 1 << (a - 1) bytes,
 *                                  i.e. MO_ALIGN_2 .. MO_ALIGN_64
 *
 * Only the names and helpers below should be used; code must not assume
 * anything about bits above 7 (reserved, must be zero).
 */
#ifndef EXEC_MEMOP_H
#define EXEC_MEMOP_H

#include "hemu/osdep.h"

typedef enum MemOp {
    /* size, as log2 of bytes */
    MO_8 = 0,
    MO_16 = 1,
    MO_32 = 2,
    MO_64 = 3,
    MO_128 = 4,
    MO_SIZE = 7,

    MO_SIGN = 1 << 3,

    MO_LE = 0,
    MO_BE = 1 << 4,
    MO_BSWAP_MASK = MO_BE,

    MO_ASHIFT = 5,
    MO_AMASK = 7 << 5,
    MO_UNALN = 0,
    MO_ALIGN = 1 << 5,
    MO_ALIGN_2 = 2 << 5,
    MO_ALIGN_4 = 3 << 5,
    MO_ALIGN_8 = 4 << 5,
    MO_ALIGN_16 = 5 << 5,
    MO_ALIGN_32 = 6 << 5,
    MO_ALIGN_64 = 7 << 5,

    /* common combinations: U = unsigned, S = signed */
    MO_UB = MO_8,
    MO_SB = MO_8 | MO_SIGN,
    MO_LEUW = MO_16 | MO_LE,
    MO_LESW = MO_16 | MO_LE | MO_SIGN,
    MO_LEUL = MO_32 | MO_LE,
    MO_LESL = MO_32 | MO_LE | MO_SIGN,
    MO_LEUQ = MO_64 | MO_LE,
    MO_BEUW = MO_16 | MO_BE,
    MO_BESW = MO_16 | MO_BE | MO_SIGN,
    MO_BEUL = MO_32 | MO_BE,
    MO_BESL = MO_32 | MO_BE | MO_SIGN,
    MO_BEUQ = MO_64 | MO_BE,

    /* size and sign together, for code that extends loaded values */
    MO_SSIZE = MO_SIZE | MO_SIGN,
} MemOp;

/* log2 of the access size in bytes (0 for MO_8 ... 4 for MO_128). */
static inline unsigned memop_log2_size(MemOp op)
{
    return op & MO_SIZE;
}

/* The access size in bytes: 1, 2, 4, 8 or 16. */
static inline unsigned memop_size(MemOp op)
{
    return 1u << (op & MO_SIZE);
}

/* The access size in bits: 8, 16, 32, 64 or 128. */
static inline unsigned memop_bits(MemOp op)
{
    return memop_size(op) * 8;
}

/* The MemOp size field for an access of @size bytes (a power of 2, <= 16). */
static inline MemOp size_memop(unsigned size)
{
    assert(size != 0 && size <= 16 && (size & (size - 1)) == 0);
    return (MemOp)__builtin_ctz(size);
}

/* True if a load with this MemOp sign-extends. */
static inline bool memop_is_signed(MemOp op)
{
    return (op & MO_SIGN) != 0;
}

/* True if the access is big-endian (false: little-endian). */
static inline bool memop_is_be(MemOp op)
{
    return (op & MO_BE) != 0;
}

/*
 * log2 of the alignment, in bytes, this access requires: 0 means any
 * address is fine (MO_UNALN); MO_ALIGN gives the access size.
 */
static inline unsigned memop_alignment_bits(MemOp op)
{
    unsigned a = (op & MO_AMASK) >> MO_ASHIFT;

    if (a == 0) {
        return 0;
    }
    if (a == 1) {
        return memop_log2_size(op);
    }
    return a - 1;
}

/* True if @addr satisfies the alignment requirement of @op. */
static inline bool memop_addr_aligned(MemOp op, uint64_t addr)
{
    uint64_t mask = (UINT64_C(1) << memop_alignment_bits(op)) - 1;

    return (addr & mask) == 0;
}

#endif
