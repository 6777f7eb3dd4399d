/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * int-compute.c: integer computation as compiled C: loops (which clang
 * turns into hardware loops), division and remainder through the runtime
 * helpers (__hexagon_{div,udiv,mod,umod}{si,di}3, runtime.c), 64-bit
 * arithmetic on register pairs, arrays and struct copies.  Every expected
 * value is a closed form or a published constant, derived by hand in the
 * comment next to the check.  Operands go through opaque32/opaque64 so
 * that clang cannot fold the computation at compile time.
 */
#include "testlib.h"

/* Hide a value from the optimizer (it must be computed at run time). */
#define OPAQUE(x) ({ __typeof__(x) v_ = (x); __asm__("" : "+r"(v_)); v_; })

struct blob {
    uint64_t w[32];         /* 256 bytes: copied with the memcpy helper */
};

static void test_loops(void)
{
    uint32_t n = OPAQUE(100u), s1 = 0, s2 = 0, s3 = 0;
    uint64_t big = 0, fact = 1, fa = 0, fb = 1;

    for (uint32_t i = 1; i <= n; i++) {
        s1 += i;
        s2 += i * i;
        s3 += i * i * i;
    }
    tl_check_eq(s1, 5050, "sum 1..100 = 100*101/2");
    tl_check_eq(s2, 338350, "sum of squares = 100*101*201/6");
    tl_check_eq(s3, 25502500, "sum of cubes = 5050^2");

    /* n(n+1)(2n+1)/6 for n = 100000: 100000*100001*200001/6 */
    for (uint64_t i = 1; i <= OPAQUE(100000ull); i++) {
        big += i * i;
    }
    tl_check_eq(big, 333338333350000ull, "64-bit sum of squares to 1e5");

    for (uint32_t i = 2; i <= OPAQUE(20u); i++) {
        fact *= i;
    }
    tl_check_eq(fact, 2432902008176640000ull, "20!");

    for (uint32_t i = 0; i < OPAQUE(90u); i++) {
        uint64_t t = fa + fb;

        fa = fb;
        fb = t;
    }
    tl_check_eq(fa, 2880067194370816120ull, "Fibonacci(90) (OEIS A000045)");
}

/*
 * One out-of-line function per C operator and type, so that each runtime
 * helper is really called (inlined, clang would compute a % b from a / b).
 */
#define DIVFN(name, type, op) \
    static __attribute__((noinline)) type name(type a, type b) \
    { \
        return a op b; \
    }
DIVFN(sdiv32, int32_t, /)
DIVFN(smod32, int32_t, %)
DIVFN(udiv32, uint32_t, /)
DIVFN(umod32, uint32_t, %)
DIVFN(sdiv64, int64_t, /)
DIVFN(smod64, int64_t, %)
DIVFN(udiv64, uint64_t, /)
DIVFN(umod64, uint64_t, %)

/* Signed results compared as unsigned bit patterns of the same width. */
#define S32(x) ((uint32_t)(int32_t)(x))
#define S64(x) ((uint64_t)(int64_t)(x))

static void test_div32(void)
{
    tl_check_eq(udiv32(1000000007u, 10), 100000000, "1000000007 / 10");
    tl_check_eq(umod32(1000000007u, 10), 7, "1000000007 % 10");
    /* C truncates toward zero; the remainder has the dividend's sign. */
    tl_check_eq(S32(sdiv32(-7, 2)), S32(-3), "-7 / 2 = -3");
    tl_check_eq(S32(smod32(-7, 2)), S32(-1), "-7 % 2 = -1");
    tl_check_eq(S32(sdiv32(7, -2)), S32(-3), "7 / -2 = -3");
    tl_check_eq(S32(smod32(7, -2)), 1, "7 % -2 = 1");
    tl_check_eq(S32(sdiv32(-7, -2)), 3, "-7 / -2 = 3");
    tl_check_eq(S32(smod32(-7, -2)), S32(-1), "-7 % -2 = -1");
    /* -2^31 = -715827882 * 3 - 2 (715827882 * 3 = 2147483646) */
    tl_check_eq(S32(sdiv32((int32_t)0x80000000, 3)), S32(-715827882),
                "INT_MIN / 3");
    tl_check_eq(S32(smod32((int32_t)0x80000000, 3)), S32(-2), "INT_MIN % 3");
    tl_check_eq(udiv32(0xffffffffu, 3), 0x55555555, "0xffffffff / 3");
    tl_check_eq(umod32(0xffffffffu, 3), 0, "0xffffffff % 3");
    tl_check_eq(udiv32(0xffffffffu, 0x10000), 0xffff, "0xffffffff / 0x10000");
    tl_check_eq(umod32(0xffffffffu, 0x10000), 0xffff, "0xffffffff % 0x10000");
    tl_check_eq(udiv32(0x80000000u, 0x80000001u), 0,
                "0x80000000 / 0x80000001");
    tl_check_eq(umod32(0x80000000u, 0x80000001u), 0x80000000,
                "0x80000000 % 0x80000001");
    tl_check_eq(udiv32(5, 7), 0, "5 / 7");
    tl_check_eq(umod32(5, 7), 5, "5 % 7");
}

static void test_div64(void)
{
    /* 2^64 - 1 = 18446744073709551615 */
    tl_check_eq(udiv64(0xffffffffffffffffull, 10), 1844674407370955161ull,
                "2^64-1 / 10");
    tl_check_eq(umod64(0xffffffffffffffffull, 10), 5, "2^64-1 % 10");
    /* 0xff..fe - 0x80..01 = 0x7f..fd, which is < the divisor */
    tl_check_eq(udiv64(0xfffffffffffffffeull, 0x8000000000000001ull), 1,
                "0xff..fe / 0x80..01");
    tl_check_eq(umod64(0xfffffffffffffffeull, 0x8000000000000001ull),
                0x7ffffffffffffffdull, "0xff..fe % 0x80..01");
    /* dividing by 0x100 is a shift by 8 */
    tl_check_eq(udiv64(0x0123456789abcdefull, 0x100), 0x0123456789abcdull,
                "x / 0x100");
    tl_check_eq(umod64(0x0123456789abcdefull, 0x100), 0xef, "x % 0x100");
    tl_check_eq(S64(sdiv64(-1234567890123456789ll, 1000)),
                S64(-1234567890123456ll), "-1234567890123456789 / 1000");
    tl_check_eq(S64(smod64(-1234567890123456789ll, 1000)), S64(-789),
                "-1234567890123456789 % 1000");
    tl_check_eq(S64(sdiv64(1234567890123456789ll, -1000)),
                S64(-1234567890123456ll), "1234567890123456789 / -1000");
    tl_check_eq(S64(smod64(1234567890123456789ll, -1000)), 789,
                "1234567890123456789 % -1000");
    tl_check_eq(S64(sdiv64((int64_t)0x8000000000000000ull, 2)),
                S64(-(1ll << 62)), "INT64_MIN / 2 = -2^62");
    tl_check_eq(udiv64(1000000000000012345ull, 1000000000ull), 1000000000ull,
                "(1e18 + 12345) / 1e9");
    tl_check_eq(umod64(1000000000000012345ull, 1000000000ull), 12345,
                "(1e18 + 12345) % 1e9");
    /* a 64-bit dividend with a 32-bit-sized divisor: 2^40 / 3 */
    tl_check_eq(udiv64(1ull << 40, 3), 366503875925ull,
                "2^40 / 3 = 366503875925 (3 * 366503875925 = 2^40 - 1)");
    tl_check_eq(umod64(1ull << 40, 3), 1, "2^40 % 3 = 1");
}

static void test_arith64(void)
{
    uint64_t a = OPAQUE(0x100000001ull), b = OPAQUE(0xffffffffull);
    int64_t m3 = OPAQUE(-3ll);

    /* (2^32 + 1)^2 = 2^64 + 2^33 + 1 = 0x2_0000_0001 mod 2^64 */
    tl_check_eq(a * a, 0x200000001ull, "(2^32+1)^2 mod 2^64");
    /* (2^32 - 1)^2 = 2^64 - 2^33 + 1 */
    tl_check_eq(b * b, 0xfffffffe00000001ull, "(2^32-1)^2");
    /* (2^32 + 1)(2^32 - 1) = 2^64 - 1 */
    tl_check_eq(a * b, 0xffffffffffffffffull, "(2^32+1)(2^32-1)");
    tl_check_eq((uint64_t)(m3 * (int64_t)OPAQUE(0x100000000ll)),
                (uint64_t)-0x300000000ll, "-3 * 2^32");
    tl_check_eq(OPAQUE(1ull) << OPAQUE(40), 0x10000000000ull, "1 << 40");
    tl_check_eq((uint64_t)(OPAQUE(-256ll) >> OPAQUE(4)), (uint64_t)-16ll,
                "-256 >> 4 (arithmetic)");
    tl_check_eq(OPAQUE(0x8000000000000000ull) >> OPAQUE(63), 1,
                "2^63 >> 63 (logical)");
    tl_check_eq(OPAQUE(0xffffffffull) + OPAQUE(1ull), 0x100000000ull,
                "carry into the high word");
    tl_check_eq(OPAQUE(0x100000000ull) - OPAQUE(1ull), 0xffffffffull,
                "borrow from the high word");
    tl_check(OPAQUE(-1ll) < OPAQUE(1ll), "signed 64-bit compare");
    tl_check(OPAQUE(0xffffffffffffffffull) > OPAQUE(1ull),
             "unsigned 64-bit compare");
}

/* Decimal digits of @v, most significant first (uses / and % by 10). */
static void utoa64(uint64_t v, char *buf)
{
    char tmp[24];
    unsigned n = 0;

    do {
        tmp[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    while (n) {
        *buf++ = tmp[--n];
    }
    *buf = 0;
}

static uint32_t gcd(uint32_t a, uint32_t b)
{
    while (b) {
        uint32_t t = a % b;

        a = b;
        b = t;
    }
    return a;
}

static void test_algorithms(void)
{
    static uint8_t composite[10000];
    static const int32_t input[16] = {
        42, -7, 1000, 3, 0, -100000, 77, 3, 15, 2, 99, -1, 64, 8, 21, 5
    };
    static const int32_t sorted[16] = {
        -100000, -7, -1, 0, 2, 3, 3, 5, 8, 15, 21, 42, 64, 77, 99, 1000
    };
    int32_t a[16];
    uint32_t primes = 0, prime_sum = 0, steps = 0, peak = 0;
    uint64_t x;
    char buf[24];

    utoa64(OPAQUE(9223372036854775807ull), buf);
    tl_check(strcmp(buf, "9223372036854775807") == 0, "utoa64(2^63 - 1)");

    tl_check_eq(gcd(OPAQUE(1071u), OPAQUE(462u)), 21,
                "gcd(1071, 462) (Euclid's example)");

    /* Sieve: pi(10^4) = 1229; sum of primes below 1000 = 76127 (A046731) */
    memset(composite, 0, sizeof(composite));
    for (uint32_t i = 2; i < OPAQUE(10000u); i++) {
        if (composite[i]) {
            continue;
        }
        primes++;
        if (i < 1000) {
            prime_sum += i;
        }
        for (uint32_t j = i * i; j < 10000; j += i) {
            composite[j] = 1;
        }
    }
    tl_check_eq(primes, 1229, "pi(10000)");
    tl_check_eq(prime_sum, 76127, "sum of primes below 1000");

    /* Collatz orbit of 27: 111 steps, peak 9232 (well-known record) */
    for (x = OPAQUE(27ull); x != 1; steps++) {
        x = (x % 2) ? 3 * x + 1 : x / 2;
        if (x > peak) {
            peak = (uint32_t)x;
        }
    }
    tl_check_eq(steps, 111, "Collatz(27) steps");
    tl_check_eq(peak, 9232, "Collatz(27) peak");

    /* Insertion sort; the expected order is the input sorted by hand. */
    memcpy(a, input, sizeof(a));
    for (int i = 1; i < OPAQUE(16); i++) {
        int32_t v = a[i];
        int j = i - 1;

        while (j >= 0 && a[j] > v) {
            a[j + 1] = a[j];
            j--;
        }
        a[j + 1] = v;
    }
    tl_check(memcmp(a, sorted, sizeof(a)) == 0, "insertion sort");
}

static void test_struct_copy(void)
{
    static struct blob src, dst;
    struct blob *volatile sp = &src;
    struct blob *volatile dp = &dst;

    for (unsigned i = 0; i < 32; i++) {
        src.w[i] = 0x0101010101010101ull * (i + 1);
    }
    *dp = *sp;                      /* clang emits the memcpy helper */
    tl_check_eq(dst.w[0], 0x0101010101010101ull, "struct copy word 0");
    tl_check_eq(dst.w[5], 0x0606060606060606ull, "struct copy word 5");
    /* 0x0101010101010101 * 32 = 0x2020202020202020 */
    tl_check_eq(dst.w[31], 0x2020202020202020ull, "struct copy word 31");
}

int main(void)
{
    test_loops();
    test_div32();
    test_div64();
    test_arith64();
    test_algorithms();
    test_struct_copy();
    return tl_done();
}
