/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * xtype-mpy.c: XTYPE/MPY instructions of hex-xtype2.isa: 16x16 multiplies
 * (halves, :<<1, :rnd, :sat, mpyu, accumulating, 64-bit results),
 * fractional 32x32 and 32x16 forms, vmpyh/vmpyhsu, complex cmpy and the
 * polynomial multiplies.  Expected values are derived by hand from the
 * Hexagon V68 PRM pseudocode (comments); saturating forms check USR.OVF.
 */
#include "xtype2.h"

static void test_mpy16(void)
{
    /* mpy(Rs.h,Rt.l): 0x0003 * 0xfffe (-2) = -6 */
    tl_check_eq(X_RR(uint32_t, "%0 = mpy(%1.h,%2.l)", 0x00030000, 0xfffe),
                0xfffffffa, "mpy(h,l)");
    /* mpyu(Rs.l,Rt.l): 0xffff * 0xffff = 0xfffe0001 */
    tl_check_eq(X_RR(uint32_t, "%0 = mpyu(%1.l,%2.l)", 0xffff, 0xffff),
                0xfffe0001, "mpyu(l,l)");
    /* mpy(l,l):<<1:sat: -32768 * -32768 * 2 = 2^31 -> 0x7fffffff */
    x_clear_ovf();
    tl_check_eq(X_RR(uint32_t, "%0 = mpy(%1.l,%2.l):<<1:sat", 0x8000,
                     0x8000), 0x7fffffff, "mpy:<<1:sat");
    tl_check_eq(x_ovf(), 1, "mpy:<<1:sat sets OVF");
    /* mpy(l,l):rnd: 0x100 * 0x80 = 0x8000, + 0x8000 = 0x10000 */
    tl_check_eq(X_RR(uint32_t, "%0 = mpy(%1.l,%2.l):rnd", 0x100, 0x80),
                0x10000, "mpy:rnd");
    /* Rx += mpy(h,h): 10 + 3 * 4 = 22; Rx -= mpy(l,h):<<1: 10 - 2*3*4 */
    tl_check_eq(X_ACC(uint32_t, "%0 += mpy(%1.h,%2.h)", 10, 0x30000,
                      0x40000), 22, "+= mpy(h,h)");
    tl_check_eq(X_ACC(uint32_t, "%0 -= mpy(%1.l,%2.h):<<1", 10, 3,
                      0x40000), (uint32_t)-14, "-= mpy(l,h):<<1");
    /* Rx += mpy(l,l):sat: 0x7fffffff + 1 -> 0x7fffffff */
    tl_check_eq(X_ACC(uint32_t, "%0 += mpy(%1.l,%2.l):sat", 0x7fffffff, 1,
                      1), 0x7fffffff, "+= mpy:sat");
    /* Rdd = mpy(h,l): -2 * 3 = -6 sign-extended to 64 bits */
    tl_check_eq(X_RR(uint64_t, "%0 = mpy(%1.h,%2.l)", 0xfffe0000, 3),
                (uint64_t)-6, "64-bit mpy(h,l)");
    /* Rxx += mpyu(l,l): 2^32 + 0xffff * 2 */
    tl_check_eq(X_ACC(uint64_t, "%0 += mpyu(%1.l,%2.l)", 0x100000000ull,
                      0xffff, 2), 0x10001fffeull, "64-bit += mpyu");
}

static void test_mpy32(void)
{
    /* mpy(Rs,Rt):rnd: 0x40000000 * 6 = 0x1_8000_0000; + 0x8000_0000,
       high word = 2 */
    tl_check_eq(X_RR(uint32_t, "%0 = mpy(%1,%2):rnd", 0x40000000, 6), 2,
                "mpy:rnd");
    /* mpy(Rs,Rt):<<1:sat: 0x80000000^2 = 2^62, << 1 = 2^63, high word
       saturates to 0x7fffffff */
    x_clear_ovf();
    tl_check_eq(X_RR(uint32_t, "%0 = mpy(%1,%2):<<1:sat", 0x80000000,
                     0x80000000), 0x7fffffff, "mpy:<<1:sat");
    tl_check_eq(x_ovf(), 1, "mpy:<<1:sat sets OVF");
    /* mpysu(-1, 0xffffffff): -1 * (2^32 - 1), high word = -1 */
    tl_check_eq(X_RR(uint32_t, "%0 = mpysu(%1,%2)", -1, 0xffffffff),
                0xffffffff, "mpysu");
    /* mpy(Rs,Rt.h):<<1:sat: 0x10000 * 0x4000 = 0x40000000 >> 15 = 0x8000 */
    tl_check_eq(X_RR(uint32_t, "%0 = mpy(%1,%2.h):<<1:sat", 0x10000,
                     0x40000000), 0x8000, "mpy(Rs,Rt.h):<<1:sat");
}

static void test_vector(void)
{
    /* vmpyh: (2 * 3, -1 * 5) = (6, -5) as words */
    tl_check_eq(X_RR(uint64_t, "%0 = vmpyh(%1,%2):sat", 0xffff0002,
                     0x00050003), 0xfffffffb00000006ull, "vmpyh");
    /* vmpyhsu: signed Rs.h * unsigned Rt.h: -1 * 0xffff = -65535 =
       0xffff0001 in word 0; word 1: 0 * 0 */
    tl_check_eq(X_RR(uint64_t, "%0 = vmpyhsu(%1,%2):sat", 0xffff,
                     0xffff), 0x00000000ffff0001ull, "vmpyhsu");
    /* Rxx += vmpyh: (1 + 2*3, 100 + 4*5) */
    tl_check_eq(X_ACC(uint64_t, "%0 += vmpyh(%1,%2)", 0x0000006400000001ull,
                      0x00040002, 0x00050003), 0x0000007800000007ull,
                "+= vmpyh");
    /* cmpy((1 + 2j), (3 + 4j)) = 3 - 8 + (4 + 6)j = -5 + 10j */
    tl_check_eq(X_RR(uint64_t, "%0 = cmpy(%1,%2):sat", 0x00020001,
                     0x00040003), 0x0000000afffffffbull, "cmpy");
    /* conjugate: (1 + 2j)(3 - 4j) = 3 + 8 + (6 - 4)j = 11 + 2j */
    tl_check_eq(X_RR(uint64_t, "%0 = cmpy(%1,%2*):sat", 0x00020001,
                     0x00040003), 0x000000020000000bull, "cmpy conj");
    /* cmpyr / cmpyi: real -5 and imaginary 10 as 64-bit values */
    tl_check_eq(X_RR(uint64_t, "%0 = cmpyr(%1,%2)", 0x00020001, 0x00040003),
                (uint64_t)-5, "cmpyr");
    tl_check_eq(X_RR(uint64_t, "%0 = cmpyi(%1,%2)", 0x00020001, 0x00040003),
                10, "cmpyi");
    /* pmpyw: carry-less 0b11 * 0b11 = 0b101 */
    tl_check_eq(X_RR(uint64_t, "%0 = pmpyw(%1,%2)", 3, 3), 5, "pmpyw");
}

int main(void)
{
    test_mpy16();
    test_mpy32();
    test_vector();
    return tl_done();
}
