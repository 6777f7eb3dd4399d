/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Bit-field and host-arithmetic helpers used by frontends, devices and the
 * TCG core: field extraction and insertion, sign extension, counting,
 * byte swapping, 64x64->128 multiplication and alignment.  All are pure
 * functions; field positions and lengths must be in range (asserted).
 */
#ifndef UTIL_BITOPS_H
#define UTIL_BITOPS_H

#include "hemu/osdep.h"

#define BIT(n) (1u << (n))
#define BIT_ULL(n) (1ull << (n))
/* A 64-bit mask of @len ones starting at bit @shift. */
#define MAKE_64BIT_MASK(shift, len)                                          \
    (((~0ULL) >> (64 - (len))) << (shift))

#define ROUND_DOWN(n, d) ((n) & -(0 ? (n) : (d)))
#define ROUND_UP(n, d) ROUND_DOWN((n) + (d) - 1, (d))
#define DIV_ROUND_UP(n, d) (((n) + (d) - 1) / (d))
#define IS_ALIGNED(n, d) (((n) & ((d) - 1)) == 0)

/* Bits [start, start+len) of @value, zero-extended. */
static inline uint32_t extract32(uint32_t value, int start, int len)
{
    assert(start >= 0 && len > 0 && len <= 32 - start);
    return (value >> start) & (~0u >> (32 - len));
}

static inline uint64_t extract64(uint64_t value, int start, int len)
{
    assert(start >= 0 && len > 0 && len <= 64 - start);
    return (value >> start) & (~0ull >> (64 - len));
}

/* Bits [start, start+len) of @value, sign-extended. */
static inline int32_t sextract32(uint32_t value, int start, int len)
{
    assert(start >= 0 && len > 0 && len <= 32 - start);
    return ((int32_t)(value << (32 - len - start))) >> (32 - len);
}

static inline int64_t sextract64(uint64_t value, int start, int len)
{
    assert(start >= 0 && len > 0 && len <= 64 - start);
    return ((int64_t)(value << (64 - len - start))) >> (64 - len);
}

/* @value with bits [start, start+len) replaced by the low bits of @field. */
static inline uint32_t deposit32(uint32_t value, int start, int len,
                                 uint32_t field)
{
    uint32_t mask;

    assert(start >= 0 && len > 0 && len <= 32 - start);
    mask = (~0u >> (32 - len)) << start;
    return (value & ~mask) | ((field << start) & mask);
}

static inline uint64_t deposit64(uint64_t value, int start, int len,
                                 uint64_t field)
{
    uint64_t mask;

    assert(start >= 0 && len > 0 && len <= 64 - start);
    mask = (~0ull >> (64 - len)) << start;
    return (value & ~mask) | ((field << start) & mask);
}

/* Count leading/trailing zeros; defined for 0 (returns the width). */
static inline int clz32(uint32_t v)
{
    return v ? __builtin_clz(v) : 32;
}

static inline int clz64(uint64_t v)
{
    return v ? __builtin_clzll(v) : 64;
}

static inline int ctz32(uint32_t v)
{
    return v ? __builtin_ctz(v) : 32;
}

static inline int ctz64(uint64_t v)
{
    return v ? __builtin_ctzll(v) : 64;
}

/* Count leading ones. */
static inline int clo32(uint32_t v)
{
    return clz32(~v);
}

static inline int clo64(uint64_t v)
{
    return clz64(~v);
}

static inline int ctpop32(uint32_t v)
{
    return __builtin_popcount(v);
}

static inline int ctpop64(uint64_t v)
{
    return __builtin_popcountll(v);
}

static inline uint16_t bswap16(uint16_t v)
{
    return __builtin_bswap16(v);
}

static inline uint32_t bswap32(uint32_t v)
{
    return __builtin_bswap32(v);
}

static inline uint64_t bswap64(uint64_t v)
{
    return __builtin_bswap64(v);
}

static inline uint32_t rol32(uint32_t v, unsigned n)
{
    n &= 31;
    return n ? (v << n) | (v >> (32 - n)) : v;
}

static inline uint32_t ror32(uint32_t v, unsigned n)
{
    n &= 31;
    return n ? (v >> n) | (v << (32 - n)) : v;
}

static inline uint64_t rol64(uint64_t v, unsigned n)
{
    n &= 63;
    return n ? (v << n) | (v >> (64 - n)) : v;
}

static inline uint64_t ror64(uint64_t v, unsigned n)
{
    n &= 63;
    return n ? (v >> n) | (v << (64 - n)) : v;
}

/* Reverse the bit order of a value. */
static inline uint32_t revbit32(uint32_t v)
{
    v = ((v >> 1) & 0x55555555u) | ((v & 0x55555555u) << 1);
    v = ((v >> 2) & 0x33333333u) | ((v & 0x33333333u) << 2);
    v = ((v >> 4) & 0x0f0f0f0fu) | ((v & 0x0f0f0f0fu) << 4);
    return bswap32(v);
}

static inline uint64_t revbit64(uint64_t v)
{
    return ((uint64_t)revbit32((uint32_t)v) << 32) | revbit32(v >> 32);
}

/* Full 128-bit products: *hi:*lo = a * b. */
static inline void mulu64(uint64_t *lo, uint64_t *hi, uint64_t a, uint64_t b)
{
    unsigned __int128 r = (unsigned __int128)a * b;

    *lo = (uint64_t)r;
    *hi = (uint64_t)(r >> 64);
}

static inline void muls64(uint64_t *lo, uint64_t *hi, int64_t a, int64_t b)
{
    __int128 r = (__int128)a * b;

    *lo = (uint64_t)r;
    *hi = (uint64_t)((unsigned __int128)r >> 64);
}

static inline bool is_power_of_2(uint64_t v)
{
    return v && !(v & (v - 1));
}

/* The smallest power of two >= v (v <= 2^63); 1 for v == 0. */
static inline uint64_t pow2ceil(uint64_t v)
{
    return v <= 1 ? 1 : 1ull << (64 - clz64(v - 1));
}

/* The largest power of two <= v; 0 for v == 0. */
static inline uint64_t pow2floor(uint64_t v)
{
    return v ? 1ull << (63 - clz64(v)) : 0;
}

#endif
