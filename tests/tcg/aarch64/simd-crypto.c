/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * simd-crypto: AESE, AESD, AESMC, AESIMC (FEAT_AES) and PMULL/PMULL2 of
 * 8-bit and 64-bit lanes (FEAT_PMULL).
 *
 * AES values are FIPS-197 Appendix B (the cipher example, round 1):
 * input 32 43 f6 a8 88 5a 30 8d 31 31 98 a2 e0 37 07 34, round key
 * 2b 7e 15 16 28 ae d2 a6 ab f7 15 88 09 cf 4f 3c; after SubBytes and
 * ShiftRows d4 bf 5d 30 e0 b4 52 ae b8 41 11 f1 1e 27 98 e5; after
 * MixColumns 04 66 81 e5 e0 cb 19 9a 48 f8 d3 7a 28 06 26 4c.  Byte i
 * of the state is byte i of the register (Arm ARM DDI 0487, C7.2 AESE:
 * AddRoundKey, then ShiftRows and SubBytes).  PMULL values are
 * polynomial products over GF(2) derived by hand in the comments.
 */
#include "testlib.h"

static const uint8_t in[16] = {
    0x32, 0x43, 0xf6, 0xa8, 0x88, 0x5a, 0x30, 0x8d,
    0x31, 0x31, 0x98, 0xa2, 0xe0, 0x37, 0x07, 0x34,
};
static const uint8_t key[16] = {
    0x2b, 0x7e, 0x15, 0x16, 0x28, 0xae, 0xd2, 0xa6,
    0xab, 0xf7, 0x15, 0x88, 0x09, 0xcf, 0x4f, 0x3c,
};
static const uint8_t after_sr[16] = {
    0xd4, 0xbf, 0x5d, 0x30, 0xe0, 0xb4, 0x52, 0xae,
    0xb8, 0x41, 0x11, 0xf1, 0x1e, 0x27, 0x98, 0xe5,
};
static const uint8_t after_mc[16] = {
    0x04, 0x66, 0x81, 0xe5, 0xe0, 0xcb, 0x19, 0x9a,
    0x48, 0xf8, 0xd3, 0x7a, 0x28, 0x06, 0x26, 0x4c,
};

static void test_aes(void)
{
    uint8_t e[16], mc[16], imc[16], dec[16];

    __asm__ volatile(".arch_extension aes\n\t"
                     "ldr q0, [%4]\n\tldr q1, [%5]\n\taese v0.16b, v1.16b\n\t"
                     "str q0, [%0]\n\taesmc v2.16b, v0.16b\n\tstr q2, [%1]\n\t"
                     "aesimc v3.16b, v2.16b\n\tstr q3, [%2]\n\t"
                     "movi v1.2d, #0\n\taesd v0.16b, v1.16b\n\t"
                     "str q0, [%3]"
                     :: "r"(e), "r"(mc), "r"(imc), "r"(dec), "r"(in),
                        "r"(key)
                     : "v0", "v1", "v2", "v3", "memory");
    tl_check(memcmp(e, after_sr, 16) == 0, "aese = ShiftRows(SubBytes)");
    tl_check(memcmp(mc, after_mc, 16) == 0, "aesmc = MixColumns");
    tl_check(memcmp(imc, after_sr, 16) == 0, "aesimc undoes aesmc");
    /* aesd with a zero key undoes aese: in ^ key */
    for (unsigned i = 0; i < 16; i++) {
        tl_check(dec[i] == (in[i] ^ key[i]), "aesd undoes aese");
    }
}

static void test_pmull(void)
{
    uint64_t lo, hi;

    /* (x^63 + 1)(x + 1) = x^64 + x^63 + x + 1 */
    __asm__ volatile(".arch_extension aes\n\t"
                     "fmov d0, %2\n\tfmov d1, %3\n\t"
                     "pmull v2.1q, v0.1d, v1.1d\n\t"
                     "mov %0, v2.d[0]\n\tmov %1, v2.d[1]"
                     : "=r"(lo), "=r"(hi)
                     : "r"(0x8000000000000001ull), "r"(3ull)
                     : "v0", "v1", "v2");
    tl_check_eq(lo, 0x8000000000000003ull, "pmull .1q low");
    tl_check_eq(hi, 1, "pmull .1q high");
    /* PMULL2 takes the high halves: x^32 * x^32 = x^64 */
    __asm__ volatile(".arch_extension aes\n\t"
                     "mov v0.d[1], %2\n\tmov v1.d[1], %2\n\t"
                     "pmull2 v2.1q, v0.2d, v1.2d\n\t"
                     "mov %0, v2.d[0]\n\tmov %1, v2.d[1]"
                     : "=r"(lo), "=r"(hi) : "r"(1ull << 32)
                     : "v0", "v1", "v2");
    tl_check_eq(lo, 0, "pmull2 .1q low");
    tl_check_eq(hi, 1, "pmull2 .1q high");
    /* bytes: 3*3 = x^2 + 1 = 0x5; 0xff*0xff = sum x^2i = 0x5555;
       0x80*0x02 = x^8 = 0x100; lanes 3..7 are 0*0 */
    __asm__ volatile(".arch_extension aes\n\t"
                     "fmov d0, %2\n\tfmov d1, %3\n\t"
                     "pmull v2.8h, v0.8b, v1.8b\n\t"
                     "mov %0, v2.d[0]\n\tmov %1, v2.d[1]"
                     : "=r"(lo), "=r"(hi)
                     : "r"(0x80ff03ull), "r"(0x02ff03ull)
                     : "v0", "v1", "v2");
    tl_check_eq(lo, 0x0000010055550005ull, "pmull .8h low");
    tl_check_eq(hi, 0, "pmull .8h high");
}

static __attribute__((noinline)) int run(void)
{
    test_aes();
    test_pmull();
    return tl_done();
}

int main(void)
{
    tl_write_sysreg(cpacr_el1, tl_read_sysreg(cpacr_el1) | 3ull << 20);
    tl_isb();
    return run();
}
