/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * int-compute.c: ordinary integer C code (what a compiler emits for
 * loops, tables, 64x64 multiplies, divisions, bit tricks) must compute
 * the same values as on real hardware.  Inputs go through volatile
 * variables so the compiler cannot fold the results at build time; every
 * expected value is a published check value or derived by hand in the
 * comment next to it.
 */
#include "testlib.h"

static volatile uint64_t v_zero = 0, v_one = 1, v_ten = 10;

/* CRC-32/IEEE (reflected, polynomial 0xEDB88320, init/xorout ~0). */
static uint32_t crc32_ieee(const char *s, size_t n)
{
    uint32_t table[256], crc = 0xffffffffu;

    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;

        for (int k = 0; k < 8; k++) {
            c = (c & 1) ? (c >> 1) ^ 0xedb88320u : c >> 1;
        }
        table[i] = c;
    }
    for (size_t i = 0; i < n; i++) {
        crc = table[(crc ^ (uint8_t)s[i]) & 0xff] ^ (crc >> 8);
    }
    return ~crc;
}

static unsigned count_primes_below(unsigned n)
{
    static uint8_t composite[10000];
    unsigned count = 0;

    for (unsigned i = 2; i < n; i++) {
        if (composite[i]) {
            continue;
        }
        count++;
        for (unsigned j = i * i; j < n; j += i) {
            composite[j] = 1;
        }
    }
    return count;
}

static unsigned collatz_steps(uint64_t x)
{
    unsigned steps = 0;

    while (x != 1) {
        x = (x & 1) ? 3 * x + 1 : x / 2;
        steps++;
    }
    return steps;
}

static uint64_t fib(unsigned n)
{
    uint64_t a = 0, b = 1;

    while (n--) {
        uint64_t t = a + b;

        a = b;
        b = t;
    }
    return a;
}

static void sort_u32(uint32_t *a, unsigned n)
{
    for (unsigned i = 1; i < n; i++) {
        uint32_t x = a[i];
        unsigned j = i;

        while (j > 0 && a[j - 1] > x) {
            a[j] = a[j - 1];
            j--;
        }
        a[j] = x;
    }
}

static void test_loops(void)
{
    uint64_t sum = 0;
    uint32_t arr[8] = { 9, 3, 7, 1, 0xffffffffu, 5, 3, 0 };
    static const uint32_t sorted[8] = { 0, 1, 3, 3, 5, 7, 9, 0xffffffffu };

    for (uint64_t i = v_one; i <= 1000 * v_one; i++) {
        sum += i;
    }
    tl_check_eq(sum, 500500, "sum 1..1000 = 1000*1001/2");
    /* Standard "check" value of CRC-32 over the ASCII digits 1-9. */
    tl_check_eq(crc32_ieee("123456789", 9 * v_one), 0xcbf43926u, "crc32");
    /* pi(10000) = 1229 (number of primes below 10^4). */
    tl_check_eq(count_primes_below(10000 * v_one), 1229, "sieve");
    /* 27 takes 111 steps to reach 1 (classic Collatz example). */
    tl_check_eq(collatz_steps(27 * v_one), 111, "collatz 27");
    /* F(90) = 2880067194370816120, the largest famous 64-bit Fibonacci. */
    tl_check_eq(fib(90 * v_one), 2880067194370816120ull, "fib 90");
    sort_u32(arr, 8 * v_one);
    tl_check(memcmp(arr, sorted, sizeof(arr)) == 0, "insertion sort");
}

static void test_arith(void)
{
    uint64_t m = ~v_zero;                 /* 2^64 - 1 */
    __uint128_t p = (__uint128_t)m * m;   /* 2^128 - 2^65 + 1 */
    int64_t sm = -(int64_t)v_ten + 3;     /* -7 */
    uint64_t r;

    tl_check_eq((uint64_t)(p >> 64), 0xfffffffffffffffeull, "umulh");
    tl_check_eq((uint64_t)p, 1, "mul low");
    /* (-7)*(2^64-1) as signed 128: -7 * -1 = 7 -> high 0, low 7. */
    tl_check_eq((uint64_t)(((__int128)sm * (int64_t)m) >> 64), 0, "smulh");
    tl_check_eq((uint64_t)(sm / 2), (uint64_t)-3, "sdiv truncates");
    tl_check_eq((uint64_t)(sm % 2), (uint64_t)-1, "srem sign");
    tl_check_eq((uint64_t)(sm >> 1), (uint64_t)-4, "asr rounds down");
    tl_check_eq(m / v_ten, 1844674407370955161ull, "udiv 64");
    /* UDIV by zero gives 0 (Arm ARM C6.2 UDIV); C would be UB: use asm. */
    __asm__ volatile("udiv %0, %1, %2" : "=r"(r) : "r"(m), "r"(v_zero));
    tl_check_eq(r, 0, "udiv by zero");
    /* SDIV INT64_MIN / -1 overflows to INT64_MIN, no trap. */
    __asm__ volatile("sdiv %0, %1, %2" : "=r"(r)
                     : "r"(v_one << 63), "r"(m));
    tl_check_eq(r, 0x8000000000000000ull, "sdiv overflow");
    /* 32-bit ops wrap and zero the upper half: 0xffffffff + 1 = 0. */
    tl_check_eq((uint32_t)((uint32_t)m + (uint32_t)v_one), 0, "add w wrap");
    tl_check_eq((uint64_t)(int64_t)(int32_t)(uint32_t)(v_one << 31),
                0xffffffff80000000ull, "sxtw");
    tl_check_eq(7 * v_ten - 6 * v_ten + 5, 15, "madd/msub");
    tl_check(__builtin_add_overflow(m, v_one, &r) && r == 0, "carry out");
}

static void test_bits(void)
{
    uint64_t x = 0x12345678 * v_one;

    tl_check_eq((x >> 8) & 0xff, 0x56, "ubfx");
    tl_check_eq((uint64_t)__builtin_clzll(v_one), 63, "clz");
    tl_check_eq((uint64_t)__builtin_ctzll(v_one << 40), 40, "ctz");
    tl_check_eq((uint64_t)__builtin_popcountll(x), 13,
                "popcount 0x12345678 = 1+1+2+1+2+2+3+1");
    tl_check_eq(__builtin_bswap64(x), 0x7856341200000000ull, "rev");
    tl_check_eq((uint64_t)__builtin_bswap32((uint32_t)x), 0x78563412,
                "rev32");
    tl_check_eq((x << 60) | (x >> 4), 0x8000000001234567ull, "ror by 4");
    tl_check_eq(x > v_ten ? x : v_ten, x, "csel max");
}

int main(void)
{
    test_loops();
    test_arith();
    test_bits();
    return tl_done();
}
