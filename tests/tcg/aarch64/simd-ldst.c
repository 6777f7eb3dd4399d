/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * simd-ldst: SIMD&FP loads and stores.  LDR/STR of B, H, S, D and Q
 * registers with unsigned offset, unscaled, pre- and post-index and
 * register offsets (UXTW, SXTW, LSL), the zeroing of the rest of the
 * register by scalar loads, LDP/STP/LDNP of S/D/Q, LDR (literal) of Q,
 * LD1/ST1 of 1 to 4 registers with post-index by immediate and by
 * register, LD1R, LD2/ST2, LD3, LD4/ST4 and single-lane LD1/ST1.
 *
 * Data: buf[i] = i, so a little-endian load of n bytes at offset o is
 * the bytes o+n-1 .. o from the most significant down (e.g. 8 bytes at
 * 8: 0x0f0e0d0c0b0a0908).  The structure loads de-interleave as the
 * Arm ARM pseudocode says (DDI 0487, C7.2 LD2/LD3/LD4: element e of
 * register t+s comes from structure e, member s): LD3 of bytes gives
 * V0.B[i] = buf[3i], LD4 V0.B[i] = buf[4i], LD2 of words V0.S[i] = word
 * 2i, V1.S[i] = word 2i+1.
 */
#include "testlib.h"

static uint8_t buf[256] __attribute__((aligned(16)));
static uint8_t dst[256] __attribute__((aligned(16)));

/* Little-endian value of @n bytes of buf at @o (reference). */
static uint64_t le(unsigned o, unsigned n)
{
    uint64_t v = 0;

    for (unsigned i = 0; i < n; i++) {
        v |= (uint64_t)((o + i) & 0xff) << (8 * i);
    }
    return v;
}

#define VREAD(v, lo, hi) \
    "mov %" #lo ", v" #v ".d[0]\n\tmov %" #hi ", v" #v ".d[1]\n\t"

static void test_ldr_forms(void)
{
    uint64_t lo, hi, base;

    __asm__ volatile("movi v0.2d, #-1\n\tldr b0, [%2, #3]\n\t" VREAD(0, 0, 1)
                     : "=r"(lo), "=r"(hi) : "r"(buf) : "v0");
    tl_check_eq(lo, 3, "ldr b");
    tl_check_eq(hi, 0, "ldr b zeroes the rest");
    __asm__ volatile("ldr h0, [%2, #2]\n\t" VREAD(0, 0, 1)
                     : "=r"(lo), "=r"(hi) : "r"(buf) : "v0");
    tl_check_eq(lo, 0x0302, "ldr h");
    __asm__ volatile("ldr s0, [%2, #4]\n\t" VREAD(0, 0, 1)
                     : "=r"(lo), "=r"(hi) : "r"(buf) : "v0");
    tl_check_eq(lo, 0x07060504, "ldr s");
    __asm__ volatile("ldr d0, [%2, #8]\n\t" VREAD(0, 0, 1)
                     : "=r"(lo), "=r"(hi) : "r"(buf) : "v0");
    tl_check_eq(lo, le(8, 8), "ldr d");
    __asm__ volatile("ldr q0, [%2, #16]\n\t" VREAD(0, 0, 1)
                     : "=r"(lo), "=r"(hi) : "r"(buf) : "v0");
    tl_check_eq(lo, le(16, 8), "ldr q low");
    tl_check_eq(hi, le(24, 8), "ldr q high");
    __asm__ volatile("ldur s0, [%2, #1]\n\t" VREAD(0, 0, 1)
                     : "=r"(lo), "=r"(hi) : "r"(buf) : "v0");
    tl_check_eq(lo, 0x04030201, "ldur s unaligned");
    /* pre-index: base + 16 loaded and written back */
    base = (uint64_t)buf;
    __asm__ volatile("ldr q0, [%2, #16]!\n\t" VREAD(0, 0, 1)
                     : "=r"(lo), "=r"(hi), "+r"(base) :: "v0");
    tl_check_eq(base, (uint64_t)buf + 16, "ldr q pre: writeback");
    tl_check_eq(lo, le(16, 8), "ldr q pre: value");
    /* post-index: loads at base, then base += 8 */
    __asm__ volatile("ldr d0, [%2], #8\n\t" VREAD(0, 0, 1)
                     : "=r"(lo), "=r"(hi), "+r"(base) :: "v0");
    tl_check_eq(base, (uint64_t)buf + 24, "ldr d post: writeback");
    tl_check_eq(lo, le(16, 8), "ldr d post: value");
    /* register offsets: w = 2, uxtw #3 -> 16; w = -1, sxtw #3 -> -8 */
    __asm__ volatile("ldr d0, [%2, %w3, uxtw #3]\n\t" VREAD(0, 0, 1)
                     : "=r"(lo), "=r"(hi) : "r"(buf), "r"(2) : "v0");
    tl_check_eq(lo, le(16, 8), "ldr d uxtw #3");
    __asm__ volatile("ldr d0, [%2, %w3, sxtw #3]\n\t" VREAD(0, 0, 1)
                     : "=r"(lo), "=r"(hi) : "r"(buf + 32), "r"(-1) : "v0");
    tl_check_eq(lo, le(24, 8), "ldr d sxtw #3 negative");
    __asm__ volatile("ldr q0, [%2, %3, lsl #4]\n\t" VREAD(0, 0, 1)
                     : "=r"(lo), "=r"(hi) : "r"(buf), "r"(3ull) : "v0");
    tl_check_eq(hi, le(56, 8), "ldr q lsl #4");
}

static void test_str_forms(void)
{
    uint64_t base = (uint64_t)dst;

    memset(dst, 0, sizeof(dst));
    __asm__ volatile("ldr q0, [%1]\n\tstr q0, [%0, #32]\n\t"
                     "str s0, [%0, #1]\n\tstr h0, [%0, #8]\n\t"
                     "str b0, [%0, #11]\n\tstr d0, [%0, #64]!\n\t"
                     : "+r"(base) : "r"(buf) : "v0", "memory");
    __asm__ volatile("ldr q0, [%1]\n\tstr q0, [%0], #16"
                     : "+r"(base) : "r"(buf + 100) : "v0", "memory");
    tl_check(memcmp(dst + 32, buf, 16) == 0, "str q");
    tl_check(dst[0] == 0 && memcmp(dst + 1, buf, 4) == 0 && dst[5] == 0,
             "str s unaligned");
    tl_check(dst[8] == 0 && dst[9] == 1 && dst[10] == 0, "str h");
    tl_check(dst[11] == 0 && dst[12] == 0, "str b");
    tl_check(memcmp(dst + 64, buf + 100, 16) == 0, "str q post");
    tl_check_eq(base, (uint64_t)dst + 80, "str pre then post writeback");
    tl_check(dst[80] == 0, "str q post: 16 bytes only");
}

static void test_pairs(void)
{
    uint64_t l0, h0, l1, h1, base = (uint64_t)buf + 64;

    __asm__ volatile("ldp q0, q1, [%4, #-32]!\n\t" VREAD(0, 0, 1)
                     VREAD(1, 2, 3)
                     : "=r"(l0), "=r"(h0), "=r"(l1), "=r"(h1), "+r"(base)
                     :: "v0", "v1");
    tl_check_eq(base, (uint64_t)buf + 32, "ldp q pre writeback");
    tl_check_eq(l0, le(32, 8), "ldp q first");
    tl_check_eq(h1, le(56, 8), "ldp q second");
    __asm__ volatile("ldp s0, s1, [%4], #8\n\t" VREAD(0, 0, 1) VREAD(1, 2, 3)
                     : "=r"(l0), "=r"(h0), "=r"(l1), "=r"(h1), "+r"(base)
                     :: "v0", "v1");
    tl_check_eq(base, (uint64_t)buf + 40, "ldp s post writeback");
    tl_check_eq(l0, le(32, 4), "ldp s first");
    tl_check_eq(l1, le(36, 4), "ldp s second");
    __asm__ volatile("ldnp d0, d1, [%4, #16]\n\t" VREAD(0, 0, 1)
                     VREAD(1, 2, 3)
                     : "=r"(l0), "=r"(h0), "=r"(l1), "=r"(h1), "+r"(base)
                     :: "v0", "v1");
    tl_check_eq(l0, le(56, 8), "ldnp d first");
    tl_check_eq(l1, le(64, 8), "ldnp d second");
    memset(dst, 0, sizeof(dst));
    __asm__ volatile("ldp q0, q1, [%0]\n\tstp q1, q0, [%1, #32]\n\t"
                     "stp d0, d1, [%1]"
                     :: "r"(buf), "r"(dst) : "v0", "v1", "memory");
    tl_check(memcmp(dst + 32, buf + 16, 16) == 0 &&
             memcmp(dst + 48, buf, 16) == 0, "stp q swapped");
    tl_check(memcmp(dst, buf, 8) == 0 && memcmp(dst + 8, buf + 16, 8) == 0,
             "stp d");
}

static void test_literal(void)
{
    uint64_t lo, hi;

    __asm__ volatile("ldr q0, 1f\n\tb 2f\n\t.balign 16\n"
                     "1:\t.quad 0x1122334455667788, 0x99aabbccddeeff00\n"
                     "2:\t" VREAD(0, 0, 1) : "=r"(lo), "=r"(hi) :: "v0");
    tl_check_eq(lo, 0x1122334455667788ull, "ldr q literal low");
    tl_check_eq(hi, 0x99aabbccddeeff00ull, "ldr q literal high");
}

static void test_ld1_st1(void)
{
    uint64_t l0, h0, l3, h3, base = (uint64_t)buf;

    __asm__ volatile("ld1 {v0.4s, v1.4s, v2.4s, v3.4s}, [%4], #64\n\t"
                     VREAD(0, 0, 1) VREAD(3, 2, 3)
                     : "=r"(l0), "=r"(h0), "=r"(l3), "=r"(h3), "+r"(base)
                     :: "v0", "v1", "v2", "v3");
    tl_check_eq(base, (uint64_t)buf + 64, "ld1 x4 post #64");
    tl_check_eq(l0, le(0, 8), "ld1 x4 v0 low");
    tl_check_eq(h3, le(56, 8), "ld1 x4 v3 high");
    __asm__ volatile("ld1 {v0.8b, v1.8b}, [%4], %5\n\t"
                     VREAD(0, 0, 1) VREAD(1, 2, 3)
                     : "=r"(l0), "=r"(h0), "=r"(l3), "=r"(h3), "+r"(base)
                     : "r"(100ull) : "v0", "v1");
    tl_check_eq(base, (uint64_t)buf + 164, "ld1 post by register");
    tl_check_eq(l0, le(64, 8), "ld1 .8b v0");
    tl_check_eq(l3, le(72, 8), "ld1 .8b v1");
    tl_check_eq(h0 | h3, 0, "ld1 .8b clears high halves");
    memset(dst, 0, sizeof(dst));
    __asm__ volatile("ld1 {v0.16b, v1.16b, v2.16b}, [%0]\n\t"
                     "st1 {v0.16b, v1.16b, v2.16b}, [%1]"
                     :: "r"(buf + 5), "r"(dst + 3) : "v0", "v1", "v2",
                     "memory");
    tl_check(memcmp(dst + 3, buf + 5, 48) == 0 && dst[2] == 0 &&
             dst[51] == 0, "ld1/st1 x3 round trip");
}

static void test_ld1r_single(void)
{
    uint64_t lo, hi;

    __asm__ volatile("ld1r {v0.4s}, [%2]\n\t" VREAD(0, 0, 1)
                     : "=r"(lo), "=r"(hi) : "r"(buf + 4) : "v0");
    tl_check_eq(lo, 0x0706050407060504ull, "ld1r .4s low");
    tl_check_eq(hi, 0x0706050407060504ull, "ld1r .4s high");
    __asm__ volatile("ld1r {v0.8b}, [%2]\n\t" VREAD(0, 0, 1)
                     : "=r"(lo), "=r"(hi) : "r"(buf + 9) : "v0");
    tl_check_eq(lo, 0x0909090909090909ull, "ld1r .8b");
    tl_check_eq(hi, 0, "ld1r .8b clears high");
    /* single lane: only lane 3 (bits 127:96) changes */
    __asm__ volatile("movi v0.2d, #0\n\tld1 {v0.s}[3], [%2]\n\t"
                     VREAD(0, 0, 1) : "=r"(lo), "=r"(hi) : "r"(buf + 8)
                     : "v0");
    tl_check_eq(lo, 0, "ld1 lane: other lanes kept");
    tl_check_eq(hi, 0x0b0a090800000000ull, "ld1 {v.s}[3]");
    memset(dst, 0, sizeof(dst));
    __asm__ volatile("ldr q0, [%0]\n\tst1 {v0.h}[5], [%1]"
                     :: "r"(buf), "r"(dst) : "v0", "memory");
    tl_check(dst[0] == 10 && dst[1] == 11 && dst[2] == 0,
             "st1 {v.h}[5]");
}

static void test_structures(void)
{
    uint64_t l0, h0, l1, h1;

    __asm__ volatile("ld2 {v0.4s, v1.4s}, [%4]\n\t" VREAD(0, 0, 1)
                     VREAD(1, 2, 3)
                     : "=r"(l0), "=r"(h0), "=r"(l1), "=r"(h1) : "r"(buf)
                     : "v0", "v1");
    /* v0 = words 0, 2, 4, 6; v1 = words 1, 3, 5, 7 */
    tl_check_eq(l0, le(8, 4) << 32 | le(0, 4), "ld2 v0 low");
    tl_check_eq(h0, le(24, 4) << 32 | le(16, 4), "ld2 v0 high");
    tl_check_eq(l1, le(12, 4) << 32 | le(4, 4), "ld2 v1 low");
    __asm__ volatile("ld3 {v0.8b, v1.8b, v2.8b}, [%4]\n\t" VREAD(0, 0, 1)
                     VREAD(2, 2, 3)
                     : "=r"(l0), "=r"(h0), "=r"(l1), "=r"(h1) : "r"(buf)
                     : "v0", "v1", "v2");
    /* v0.b[i] = 3i: 0,3,...,21; v2.b[i] = 3i + 2: 2,5,...,23 */
    tl_check_eq(l0, 0x15120f0c09060300ull, "ld3 v0");
    tl_check_eq(l1, 0x1714110e0b080502ull, "ld3 v2");
    tl_check_eq(h0, 0, "ld3 .8b clears high");
    __asm__ volatile("ld4 {v0.16b, v1.16b, v2.16b, v3.16b}, [%4]\n\t"
                     VREAD(0, 0, 1) VREAD(3, 2, 3)
                     : "=r"(l0), "=r"(h0), "=r"(l1), "=r"(h1) : "r"(buf)
                     : "v0", "v1", "v2", "v3");
    /* v0.b[i] = 4i; v3.b[i] = 4i + 3 */
    tl_check_eq(l0, 0x1c1814100c080400ull, "ld4 v0 low");
    tl_check_eq(h0, 0x3c3834302c282420ull, "ld4 v0 high");
    tl_check_eq(h1, 0x3f3b37332f2b2723ull, "ld4 v3 high");
    memset(dst, 0, sizeof(dst));
    __asm__ volatile("ld4 {v0.8h, v1.8h, v2.8h, v3.8h}, [%0]\n\t"
                     "st4 {v0.8h, v1.8h, v2.8h, v3.8h}, [%1]\n\t"
                     "ld2 {v0.2d, v1.2d}, [%0]\n\t"
                     "st2 {v0.2d, v1.2d}, [%2]"
                     :: "r"(buf + 64), "r"(dst), "r"(dst + 64)
                     : "v0", "v1", "v2", "v3",
                     "memory");
    tl_check(memcmp(dst, buf + 64, 64) == 0, "ld4/st4 .8h round trip");
    tl_check(memcmp(dst + 64, buf + 64, 32) == 0, "ld2/st2 .2d round trip");
}

static __attribute__((noinline)) int run(void)
{
    for (unsigned i = 0; i < sizeof(buf); i++) {
        buf[i] = i;
    }
    test_ldr_forms();
    test_str_forms();
    test_pairs();
    test_literal();
    test_ld1_st1();
    test_ld1r_single();
    test_structures();
    return tl_done();
}

int main(void)
{
    tl_write_sysreg(cpacr_el1, tl_read_sysreg(cpacr_el1) | 3ull << 20);
    tl_isb();
    return run();
}
