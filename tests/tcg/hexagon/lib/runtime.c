/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * runtime.c: the freestanding C runtime of the Hexagon guest tests: the
 * string functions and the integer division helpers clang-19 calls for
 * `/` and `%` on Hexagon (which has no divide instruction; Debian ships
 * no compiler-rt builtins for Hexagon).  Found by compiling every
 * division form with `clang-19 --target=hexagon-unknown-none-elf -mv68
 * -O1` and listing the undefined symbols: __hexagon_{div,udiv,mod,umod}
 * {si,di}3, memcpy, memset, and for aggregate copies
 * __hexagon_memcpy_likely_aligned_min32bytes_mult8bytes.  All use the
 * standard calling convention (arguments r0..r5, result r0 or r1:0).
 *
 * Division is plain binary long division (one quotient bit per step,
 * starting at the dividend's top set bit), so it cannot call itself.
 * This file is built with -ffreestanding (which implies -fno-builtin):
 * clang does not turn the loops below into calls to themselves.
 */
#include "testlib.h"

/* ---- division ---------------------------------------------------------- */

/*
 * Unsigned 64-bit division; *rem gets the remainder.  d == 0 gives
 * quotient ~0 and remainder n (what the long division yields).
 */
static uint64_t udivmod64(uint64_t n, uint64_t d, uint64_t *rem)
{
    uint64_t q = 0, r = 0;
    int i;

    if (d == 0) {
        *rem = n;
        return ~(uint64_t)0;
    }
    if (n == 0) {
        *rem = 0;
        return 0;
    }
    for (i = 63 - __builtin_clzll(n); i >= 0; i--) {
        /* r < d, so r << 1 can overflow only when d >= 2^63. */
        bool carry = r >> 63;

        r = (r << 1) | ((n >> i) & 1);
        if (carry || r >= d) {
            r -= d;
            q |= (uint64_t)1 << i;
        }
    }
    *rem = r;
    return q;
}

static uint32_t udivmod32(uint32_t n, uint32_t d, uint32_t *rem)
{
    uint32_t q = 0, r = 0;
    int i;

    if (d == 0) {
        *rem = n;
        return ~(uint32_t)0;
    }
    if (n == 0) {
        *rem = 0;
        return 0;
    }
    for (i = 31 - __builtin_clz(n); i >= 0; i--) {
        bool carry = r >> 31;

        r = (r << 1) | ((n >> i) & 1);
        if (carry || r >= d) {
            r -= d;
            q |= (uint32_t)1 << i;
        }
    }
    *rem = r;
    return q;
}

/* |v| as unsigned (INT_MIN maps to 2^31 without overflow). */
static uint32_t uabs32(int32_t v)
{
    return v < 0 ? -(uint32_t)v : (uint32_t)v;
}

static uint64_t uabs64(int64_t v)
{
    return v < 0 ? -(uint64_t)v : (uint64_t)v;
}

uint32_t __hexagon_udivsi3(uint32_t a, uint32_t b)
{
    uint32_t r;

    return udivmod32(a, b, &r);
}

uint32_t __hexagon_umodsi3(uint32_t a, uint32_t b)
{
    uint32_t r;

    udivmod32(a, b, &r);
    return r;
}

int32_t __hexagon_divsi3(int32_t a, int32_t b)
{
    uint32_t r, q = udivmod32(uabs32(a), uabs32(b), &r);

    return (int32_t)((a < 0) != (b < 0) ? -q : q);
}

int32_t __hexagon_modsi3(int32_t a, int32_t b)
{
    uint32_t r;

    udivmod32(uabs32(a), uabs32(b), &r);
    return (int32_t)(a < 0 ? -r : r);
}

uint64_t __hexagon_udivdi3(uint64_t a, uint64_t b)
{
    uint64_t r;

    return udivmod64(a, b, &r);
}

uint64_t __hexagon_umoddi3(uint64_t a, uint64_t b)
{
    uint64_t r;

    udivmod64(a, b, &r);
    return r;
}

int64_t __hexagon_divdi3(int64_t a, int64_t b)
{
    uint64_t r, q = udivmod64(uabs64(a), uabs64(b), &r);

    return (int64_t)((a < 0) != (b < 0) ? -q : q);
}

int64_t __hexagon_moddi3(int64_t a, int64_t b)
{
    uint64_t r;

    udivmod64(uabs64(a), uabs64(b), &r);
    return (int64_t)(a < 0 ? -r : r);
}

/* ---- memory and strings ------------------------------------------------ */

void *memset(void *d, int c, size_t n)
{
    unsigned char *p = d;

    while (n--) {
        *p++ = (unsigned char)c;
    }
    return d;
}

void *memcpy(void *d, const void *s, size_t n)
{
    unsigned char *dp = d;
    const unsigned char *sp = s;

    if (((uintptr_t)dp | (uintptr_t)sp | n) % 8 == 0) {
        uint64_t *dq = d;
        const uint64_t *sq = s;

        for (; n; n -= 8) {
            *dq++ = *sq++;
        }
        return d;
    }
    while (n--) {
        *dp++ = *sp++;
    }
    return d;
}

void *__hexagon_memcpy_likely_aligned_min32bytes_mult8bytes(
    void *d, const void *s, size_t n)
{
    return memcpy(d, s, n);
}

void *memmove(void *d, const void *s, size_t n)
{
    unsigned char *dp = d;
    const unsigned char *sp = s;

    if (dp <= sp || dp >= sp + n) {
        while (n--) {
            *dp++ = *sp++;
        }
    } else {
        while (n--) {
            dp[n] = sp[n];
        }
    }
    return d;
}

int memcmp(const void *a, const void *b, size_t n)
{
    const unsigned char *pa = a, *pb = b;

    for (; n; n--, pa++, pb++) {
        if (*pa != *pb) {
            return *pa - *pb;
        }
    }
    return 0;
}

size_t strlen(const char *s)
{
    size_t n = 0;

    while (s[n]) {
        n++;
    }
    return n;
}

int strcmp(const char *a, const char *b)
{
    while (*a && *a == *b) {
        a++;
        b++;
    }
    return (unsigned char)*a - (unsigned char)*b;
}
