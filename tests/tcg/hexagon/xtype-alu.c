/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * xtype-alu.c: XTYPE/ALU and XTYPE/SHIFT instructions of hex-xtype2.isa
 * (saturating and halfword add/sub, vector byte/halfword/word add, sub,
 * average, max/min, abs, absdiff, reductions, rounding, modwrap; rounding,
 * saturating and vector shifts).  Every expected value is derived by hand
 * from the Hexagon V68 PRM pseudocode of the instruction, shown in the
 * comment next to it; saturating forms also check USR.OVF.
 */
#include "xtype2.h"

static void test_sat_add(void)
{
    x_clear_ovf();
    /* abs(0x80000000):sat = 0x7fffffff, overflow */
    tl_check_eq(X_R(uint32_t, "%0 = abs(%1):sat", 0x80000000u), 0x7fffffff,
                "abs:sat");
    tl_check_eq(x_ovf(), 1, "abs:sat sets OVF");
    x_clear_ovf();
    /* neg(5):sat = -5, no overflow */
    tl_check_eq(X_R(uint32_t, "%0 = neg(%1):sat", 5), 0xfffffffb, "neg:sat");
    tl_check_eq(x_ovf(), 0, "neg:sat without overflow");
    /* add(Rt.l,Rs.h): 0x0003 + 0x7fff = 0x8002 -> sxt16 = 0xffff8002 */
    tl_check_eq(X_RR(uint32_t, "%0 = add(%2.l,%1.h)", 0x7fff0000u, 3u),
                0xffff8002, "add(t.l,s.h)");
    /* :sat: 0x8002 saturates to 0x7fff */
    tl_check_eq(X_RR(uint32_t, "%0 = add(%2.l,%1.h):sat", 0x7fff0000u, 3u),
                0x7fff, "add(t.l,s.h):sat");
    /* sub(Rt.h,Rs.l):<<16: 0x0010 - 0x0001 = 0xf -> 0x000f0000 */
    tl_check_eq(X_RR(uint32_t, "%0 = sub(%2.h,%1.l):<<16", 1u, 0x00100000u),
                0x000f0000, "sub(t.h,s.l):<<16");
    /* 64-bit add:sat: INT64_MAX + 1 saturates */
    x_clear_ovf();
    tl_check_eq(X_RR(uint64_t, "%0 = add(%1,%2):sat", INT64_MAX, 1ull),
                INT64_MAX, "add pair:sat");
    tl_check_eq(x_ovf(), 1, "add pair:sat sets OVF");
    /* Rx += add(Rs,Rt): 100 + 2 + 3 = 105; Rx -= add: 100 - 5 = 95 */
    tl_check_eq(X_ACC(uint32_t, "%0 += add(%1,%2)", 100, 2, 3), 105,
                "+= add");
    tl_check_eq(X_ACC(uint32_t, "%0 -= add(%1,%2)", 100, 2, 3), 95,
                "-= add");
    /* sxtw(-2) = 0xfffffffffffffffe */
    tl_check_eq(X_R(uint64_t, "%0 = sxtw(%1)", -2), 0xfffffffffffffffeull,
                "sxtw");
}

static void test_vector(void)
{
    uint64_t a = 0x7fff000180000005ull, b = 0x0001ffff8000fffbull;

    /* vaddh: lanes 0x0005+0xfffb=0, 0x8000+0x8000=0, 1+0xffff=0,
       0x7fff+1=0x8000 */
    tl_check_eq(X_RR(uint64_t, "%0 = vaddh(%1,%2)", a, b),
                0x8000000000000000ull, "vaddh");
    /* vaddh:sat: 5-5=0; -32768-32768 -> 0x8000; 1-1=0; 32767+1 -> 0x7fff */
    x_clear_ovf();
    tl_check_eq(X_RR(uint64_t, "%0 = vaddh(%1,%2):sat", a, b),
                0x7fff000080000000ull, "vaddh:sat");
    tl_check_eq(x_ovf(), 1, "vaddh:sat sets OVF");
    /* vsubh(Rtt,Rss) = Rtt - Rss per lane: (1,2,3,4) - (4,3,2,1) */
    tl_check_eq(X_RR(uint64_t, "%0 = vsubh(%2,%1)", 0x0001000200030004ull,
                     0x0004000300020001ull),
                0x00030001ffffFFFDull, "vsubh");
    /* vaddub:sat: 0xf0+0x20 -> 0xff, 0x01+0x02 = 3 */
    tl_check_eq(X_RR(uint64_t, "%0 = vaddub(%1,%2):sat", 0x01f0ull, 0x0220ull),
                0x03ffull, "vaddub:sat");
    /* vavgh: (3+4)>>1 = 3; :rnd (3+4+1)>>1 = 4; (-3 + -4)>>1 = -4 */
    tl_check_eq(X_RR(uint64_t, "%0 = vavgh(%1,%2)", 0xfffd0003ull,
                     0xfffc0004ull), 0xfffc0003ull, "vavgh");
    tl_check_eq(X_RR(uint64_t, "%0 = vavgh(%1,%2):rnd", 0xfffd0003ull,
                     0xfffc0004ull), 0xfffd0004ull, "vavgh:rnd");
    /* :crnd, convergent: 1+2=3 (..11b) -> 4>>1 = 2; 2+4=6 -> 3;
       1+0=1 -> 0 (half rounds to even) */
    tl_check_eq(X_RR(uint64_t, "%0 = vavgh(%1,%2):crnd",
                     0x000100020001ull, 0x000000040002ull),
                0x000000030002ull, "vavgh:crnd");
    /* vmaxb / vminub lane by lane */
    tl_check_eq(X_RR(uint64_t, "%0 = vmaxb(%2,%1)", 0x80ff0102ull,
                     0x7f000201ull), 0x7f000202ull, "vmaxb");
    tl_check_eq(X_RR(uint64_t, "%0 = vminub(%2,%1)", 0x80ff0102ull,
                     0x7f000201ull), 0x7f000101ull, "vminub");
    /* vabsh:sat: |-32768| -> 0x7fff, |-2| = 2 */
    tl_check_eq(X_R(uint64_t, "%0 = vabsh(%1):sat", 0x8000fffeull),
                0x7fff0002ull, "vabsh:sat");
    /* vabsdiffw(Rtt,Rss): |10 - 3| = 7, |-1 - 1| = 2 */
    tl_check_eq(X_RR(uint64_t, "%0 = vabsdiffw(%2,%1)",
                     0x000000010000000aull, 0xffffffff00000003ull),
                0x0000000200000007ull, "vabsdiffw");
    /* vraddub: word 0 = 1+2+3+4 + 1+1+1+1 = 14, word 1 = 0x10*2 = 32 */
    tl_check_eq(X_RR(uint64_t, "%0 = vraddub(%1,%2)", 0x0000001004030201ull,
                     0x0000001001010101ull), 0x000000200000000eull,
                "vraddub");
    /* vrsadub: |4-1|+|3-1|+|2-1|+|1-1| = 6 */
    tl_check_eq(X_RR(uint64_t, "%0 = vrsadub(%1,%2)", 0x04030201ull,
                     0x01010101ull), 6, "vrsadub");
}

static void test_round(void)
{
    /* round(0x17,#3): (0x17 + 4) >> 3 = 0x1b >> 3 = 3 */
    tl_check_eq(X_R(uint32_t, "%0 = round(%1,#3)", 0x17), 3, "round #3");
    /* cround(0x14,#3): 0x14 = 2.5 * 8, ties to even -> 2;
       0x1c = 3.5 * 8 -> 4 */
    tl_check_eq(X_R(uint32_t, "%0 = cround(%1,#3)", 0x14), 2, "cround even");
    tl_check_eq(X_R(uint32_t, "%0 = cround(%1,#3)", 0x1c), 4, "cround odd");
    /* round(Rss):sat = high word of Rss + 0x80000000 */
    tl_check_eq(X_R(uint32_t, "%0 = round(%1):sat", 0x0000000580000000ull), 6,
                "round pair:sat");
    /* modwrap(-3, 10) = 7; modwrap(12, 10) = 2 */
    tl_check_eq(X_RR(uint32_t, "%0 = modwrap(%1,%2)", -3, 10), 7,
                "modwrap negative");
    tl_check_eq(X_RR(uint32_t, "%0 = modwrap(%1,%2)", 12, 10), 2,
                "modwrap above");
}

static void test_shift(void)
{
    x_clear_ovf();
    /* asl(0x40000000,#1):sat = 0x7fffffff */
    tl_check_eq(X_R(uint32_t, "%0 = asl(%1,#1):sat", 0x40000000), 0x7fffffff,
                "asl #:sat");
    tl_check_eq(x_ovf(), 1, "asl:sat sets OVF");
    /* asr(Rs,#u):rnd = ((Rs >> u) + 1) >> 1: ((7 >> 1) + 1) >> 1 = 2,
       ((-7 >> 1) + 1) >> 1 = (-4 + 1) >> 1 = -2 */
    tl_check_eq(X_R(uint32_t, "%0 = asr(%1,#1):rnd", 7), 2, "asr #:rnd");
    tl_check_eq(X_R(uint32_t, "%0 = asr(%1,#1):rnd", -7), 0xfffffffe,
                "asr #:rnd negative");
    /* asl(Rs,Rt):sat with Rt = -4 shifts right: -64 >> 4 = -4 */
    tl_check_eq(X_RR(uint32_t, "%0 = asl(%1,%2):sat", -64, -4), 0xfffffffc,
                "asl reg negative");
    /* vaslh(#4): each halfword << 4, truncated: 0x1234 -> 0x2340 */
    tl_check_eq(X_R(uint64_t, "%0 = vaslh(%1,#4)", 0x12340001ull),
                0x23400010ull, "vaslh #");
    /* vasrh(#4): 0x8000 >> 4 arithmetic = 0xf800 */
    tl_check_eq(X_R(uint64_t, "%0 = vasrh(%1,#4)", 0x80000010ull),
                0xf8000001ull, "vasrh #");
    /* vlsrw by register 8: 0x80000000 >> 8 = 0x00800000 */
    tl_check_eq(X_RR(uint64_t, "%0 = vlsrw(%1,%2)", 0x8000000000000100ull, 8),
                0x0080000000000001ull, "vlsrw reg");
    /* vasrw(Rss,#4) to halfwords: 0x12345 >> 4 = 0x1234,
       -0x100 >> 4 = -0x10 = 0xfff0 */
    tl_check_eq(X_R(uint32_t, "%0 = vasrw(%1,#4)", 0xffffff0000012345ull),
                0xfff01234, "vasrw to halfwords");
    /* vasrhub(#1):sat: 0x0200>>1 = 0x100 -> 0xff; -4>>1 -> 0; 6>>1 = 3 */
    tl_check_eq(X_R(uint32_t, "%0 = vasrhub(%1,#1):sat",
                    0x00000006fffc0200ull), 0x000300ff, "vasrhub:sat");
}

int main(void)
{
    test_sat_add();
    test_vector();
    test_round();
    test_shift();
    return tl_done();
}
