/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ldst-pair: LDP/STP of W and X registers, LDPSW, LDNP/STNP, in the
 * signed-offset, pre-index and post-index forms, with positive and
 * negative offsets (scaled by 4 or 8), SP as base and XZR as a source.
 *
 * Expected values are derived by hand from the little-endian layout of
 * `src` (Arm ARM DDI 0487, C6.2 LDP/STP/LDPSW: the first register takes
 * the element at the lower address, each element is 4 or 8 bytes, LDPSW
 * sign-extends each word to 64 bits; writeback adds the scaled offset).
 */
#include "lib/testlib.h"

static uint8_t src[32] __attribute__((aligned(16))) = {
    0x81, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88,
    0x19, 0x2a, 0x3b, 0x4c, 0x5d, 0x6e, 0x7f, 0x90,
    0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08,
    0xf1, 0xf2, 0xf3, 0xf4, 0xf5, 0xf6, 0xf7, 0xf8,
};
static uint64_t dst[8] __attribute__((aligned(16)));

/* Words and doublewords of src, spelled out once. */
#define W0 0x84838281ull                /* bytes 0..3 */
#define W1 0x88878685ull                /* bytes 4..7 */
#define W2 0x4c3b2a19ull                /* bytes 8..11 */
#define W3 0x907f6e5dull                /* bytes 12..15 */
#define X0 0x8887868584838281ull        /* bytes 0..7 */
#define X1 0x907f6e5d4c3b2a19ull        /* bytes 8..15 */
#define X2 0x0807060504030201ull        /* bytes 16..23 */
#define X3 0xf8f7f6f5f4f3f2f1ull        /* bytes 24..31 */

static void test_load_pairs(void)
{
    uint64_t a, b;
    const uint8_t *p;

    __asm__ volatile("ldp %w0, %w1, [%2]" : "=&r"(a), "=&r"(b) : "r"(src)
                     : "memory");
    tl_check_eq(a, W0, "ldp w first");
    tl_check_eq(b, W1, "ldp w second");
    __asm__ volatile("ldp %0, %1, [%2, #-16]" : "=&r"(a), "=&r"(b)
                     : "r"(src + 32) : "memory");
    tl_check_eq(a, X2, "ldp x first");
    tl_check_eq(b, X3, "ldp x second");
    /* LDPSW: each word sign-extended */
    __asm__ volatile("ldpsw %0, %1, [%2]" : "=&r"(a), "=&r"(b) : "r"(src)
                     : "memory");
    tl_check_eq(a, 0xffffffff00000000ull | W0, "ldpsw negative first");
    tl_check_eq(b, 0xffffffff00000000ull | W1, "ldpsw negative second");
    __asm__ volatile("ldpsw %0, %1, [%2, #8]" : "=&r"(a), "=&r"(b)
                     : "r"(src) : "memory");
    tl_check_eq(a, W2, "ldpsw positive");
    tl_check_eq(b, 0xffffffff00000000ull | W3, "ldpsw second");
    /* the largest offsets: imm7 = 63 (x8 = 504) and -64 (x4 = -256) */
    __asm__ volatile("ldp %0, %1, [%2, #504]" : "=&r"(a), "=&r"(b)
                     : "r"(src + 8 - 504) : "memory");
    tl_check_eq(a, X1, "ldp x +504");
    tl_check_eq(b, X2, "ldp x +504 second");
    __asm__ volatile("ldp %w0, %w1, [%2, #-256]" : "=&r"(a), "=&r"(b)
                     : "r"(src + 256) : "memory");
    tl_check_eq(a, W0, "ldp w -256");
    tl_check_eq(b, W1, "ldp w -256 second");

    /* pre-index: address = base + 16, base updated */
    p = src;
    __asm__ volatile("ldp %0, %1, [%2, #16]!" : "=&r"(a), "=&r"(b), "+r"(p)
                     :: "memory");
    tl_check_eq(a, X2, "ldp pre first");
    tl_check_eq(b, X3, "ldp pre second");
    tl_check_eq((uint64_t)p, (uint64_t)(src + 16), "ldp pre writeback");
    /* post-index, negative: address = base, then base -= 8 */
    __asm__ volatile("ldp %w0, %w1, [%2], #-8" : "=&r"(a), "=&r"(b), "+r"(p)
                     :: "memory");
    tl_check_eq(a, 0x04030201, "ldp post first");
    tl_check_eq(b, 0x08070605, "ldp post second");
    tl_check_eq((uint64_t)p, (uint64_t)(src + 8), "ldp post writeback");
    __asm__ volatile("ldpsw %0, %1, [%2, #-8]!" : "=&r"(a), "=&r"(b), "+r"(p)
                     :: "memory");
    tl_check_eq(a, 0xffffffff00000000ull | W0, "ldpsw pre");
    tl_check_eq((uint64_t)p, (uint64_t)src, "ldpsw pre writeback");
    __asm__ volatile("ldpsw %0, %1, [%2], #24" : "=&r"(a), "=&r"(b), "+r"(p)
                     :: "memory");
    tl_check_eq(b, 0xffffffff00000000ull | W1, "ldpsw post");
    tl_check_eq((uint64_t)p, (uint64_t)(src + 24), "ldpsw post writeback");
    /* non-temporal */
    __asm__ volatile("ldnp %0, %1, [%2, #-24]" : "=&r"(a), "=&r"(b) : "r"(p)
                     : "memory");
    tl_check_eq(a, X0, "ldnp first");
    tl_check_eq(b, X1, "ldnp second");
    __asm__ volatile("ldnp %w0, %w1, [%2, #8]" : "=&r"(a), "=&r"(b)
                     : "r"(src) : "memory");
    tl_check_eq(a, W2, "ldnp w first");
    tl_check_eq(b, W3, "ldnp w second");
}

static void test_store_pairs(void)
{
    volatile uint64_t *d = dst;
    uint64_t *p = dst;

    for (int i = 0; i < 8; i++) {
        d[i] = 0;
    }
    /* W pair: only the low words; the first at the lower address */
    __asm__ volatile("stp %w0, %w1, [%2]" :: "r"(0xaaaaaaaa11111111ull),
                     "r"(0xbbbbbbbb22222222ull), "r"(dst) : "memory");
    tl_check_eq(d[0], 0x2222222211111111ull, "stp w");
    __asm__ volatile("stp %0, %1, [%2, #-16]" :: "r"(X0), "r"(X3),
                     "r"(dst + 4) : "memory");
    tl_check_eq(d[2], X0, "stp x first");
    tl_check_eq(d[3], X3, "stp x second");
    __asm__ volatile("stp %1, %2, [%0, #32]!" : "+r"(p) : "r"(1ull), "r"(2ull)
                     : "memory");
    tl_check_eq((uint64_t)p, (uint64_t)(dst + 4), "stp pre writeback");
    tl_check_eq(d[4], 1, "stp pre first");
    tl_check_eq(d[5], 2, "stp pre second");
    __asm__ volatile("stp %w1, %w2, [%0], #-24" : "+r"(p) : "r"(3u), "r"(4u)
                     : "memory");
    tl_check_eq((uint64_t)p, (uint64_t)(dst + 1), "stp post writeback");
    tl_check_eq(d[4], 0x0000000400000003ull, "stp post value");
    /* XZR as sources, non-temporal store */
    d[6] = d[7] = ~0ull;
    __asm__ volatile("stnp xzr, %0, [%1, #48]" :: "r"(5ull), "r"(dst)
                     : "memory");
    tl_check_eq(d[6], 0, "stnp xzr");
    tl_check_eq(d[7], 5, "stnp second");
    __asm__ volatile("stnp %w0, wzr, [%1, #-8]" :: "r"(0x77777777u),
                     "r"(dst + 7) : "memory");
    tl_check_eq(d[6], 0x77777777, "stnp w");
}

static void test_sp_base(void)
{
    uint64_t a, b, sp_before, sp_after;

    /* push and pop a pair the way function prologues do */
    __asm__ volatile("mov %2, sp\n\t"
                     "stp %4, %5, [sp, #-16]!\n\t"
                     "ldp %0, %1, [sp], #16\n\t"
                     "mov %3, sp"
                     : "=&r"(a), "=&r"(b), "=&r"(sp_before), "=&r"(sp_after)
                     : "r"(0x1234ull), "r"(0x5678ull) : "memory");
    tl_check_eq(a, 0x1234, "sp pair first");
    tl_check_eq(b, 0x5678, "sp pair second");
    tl_check_eq(sp_after, sp_before, "sp restored");
}

int main(void)
{
    test_load_pairs();
    test_store_pairs();
    test_sp_base();
    return tl_done();
}
