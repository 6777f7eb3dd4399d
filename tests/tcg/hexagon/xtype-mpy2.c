/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * xtype-mpy2.c: XTYPE/MPY instructions of hex-mpy3.isa: complex
 * multiplies (conjugate, :<<1, += / -=, round and pack, cmpyi/cmpyr +=,
 * 32x16 cmpyiwh/cmpyrwh), vector complex (vcmpyr/vcmpyi, vrcmpyr/
 * vrcmpyi, vrcmpys), vector halfword (vrmpyh, vdmpy, vmpyeh, vmpyh/vmpyhsu +=,
 * vmpyh :<<1:rnd:sat), bytes (vrmpybu/vrmpybsu, vdmpybsu, vmpybu/
 * vmpybsu), ^= pmpyw/vpmpyh and word by halfword (vmpyw[e|o][u]h,
 * vrmpyw[e|o]h).  Expected values are derived by hand from the Hexagon
 * V68 PRM pseudocode (comments: halfwords written h1:h0, "im:re" for a
 * complex number); saturating forms check USR.OVF.
 */
#include "xtype2.h"

/* Rs = 2:3 (im 2, re 3), Rt = 4:5; Rt* = -4:5 */
#define CS 0x00020003u
#define CT 0x00040005u

static void test_cmpy(void)
{
    /* (3+2i)(5-4i) = 15+8 + (10-12)i = 23 - 2i; :<<1: 46, -4 */
    tl_check_eq(X_RR(uint64_t, "%0 = cmpy(%1,%2*):<<1:sat", CS, CT),
                0xfffffffc0000002eull, "cmpy(Rs,Rt*):<<1:sat");
    /* (3+2i)(5+4i) = 15-8 + (10+12)i = 7 + 22i; :<<1 14, 44; + (1,1) */
    tl_check_eq(X_ACC(uint64_t, "%0 += cmpy(%1,%2):<<1:sat",
                      0x0000000100000001ull, CS, CT),
                0x0000002d0000000full, "+= cmpy:<<1:sat");
    /* 0x7fffffff + (1*1)<<1 saturates the real lane */
    x_clear_ovf();
    tl_check_eq(X_ACC(uint64_t, "%0 += cmpy(%1,%2):<<1:sat",
                      0x000000007fffffffull, 1, 1),
                0x000000007fffffffull, "+= cmpy:<<1:sat saturates");
    tl_check_eq(x_ovf(), 1, "+= cmpy:<<1:sat sets OVF");
    x_clear_ovf();
    /* 0 + (23 - 2i) */
    tl_check_eq(X_ACC(uint64_t, "%0 += cmpy(%1,%2*):sat", 0, CS, CT),
                0xfffffffe00000017ull, "+= cmpy(Rs,Rt*):sat");
    tl_check_eq(x_ovf(), 0, "no OVF without saturation");
    /* + (23 - 2i) << 1 = 46 - 4i onto (1, 1) */
    tl_check_eq(X_ACC(uint64_t, "%0 += cmpy(%1,%2*):<<1:sat",
                      0x0000000100000001ull, CS, CT),
                0xfffffffd0000002full, "+= cmpy(Rs,Rt*):<<1:sat");
    /* (100,100) - (7 + 22i) = 93, 78 */
    tl_check_eq(X_ACC(uint64_t, "%0 -= cmpy(%1,%2):sat",
                      0x0000006400000064ull, CS, CT),
                0x0000004e0000005dull, "-= cmpy:sat");
    /* 0 - (14 + 44i) */
    tl_check_eq(X_ACC(uint64_t, "%0 -= cmpy(%1,%2):<<1:sat", 0, CS, CT),
                0xffffffd4fffffff2ull, "-= cmpy:<<1:sat");
    /* 100 - (23 - 2i) = 77, 102 */
    tl_check_eq(X_ACC(uint64_t, "%0 -= cmpy(%1,%2*):sat",
                      0x0000006400000064ull, CS, CT),
                0x000000660000004dull, "-= cmpy(Rs,Rt*):sat");
    /* 0 - (46 - 4i) = -46, 4 */
    tl_check_eq(X_ACC(uint64_t, "%0 -= cmpy(%1,%2*):<<1:sat", 0, CS, CT),
                0x00000004ffffffd2ull, "-= cmpy(Rs,Rt*):<<1:sat");
    /* Rxx += imaginary part 22, real part 7 (64-bit, no saturation) */
    tl_check_eq(X_ACC(uint64_t, "%0 += cmpyi(%1,%2)", 1000, CS, CT), 1022,
                "+= cmpyi");
    tl_check_eq(X_ACC(uint64_t, "%0 += cmpyr(%1,%2)", 1000, CS, CT), 1007,
                "+= cmpyr");
    /* i * i = -1: real part -1 sign-extended to 64 bits */
    tl_check_eq(X_ACC(uint64_t, "%0 += cmpyr(%1,%2)", 0, 0x10000, 0x10000),
                0xffffffffffffffffull, "+= cmpyr negative");
}

static void test_cmpy_rnd(void)
{
    /* (0x4000 + 0x4000i) * 0x4000 = 0x10000000 (1 + i); :<<1 0x20000000;
       + 0x8000, upper halfword 0x2000 in both lanes */
    tl_check_eq(X_RR(uint32_t, "%0 = cmpy(%1,%2):<<1:rnd:sat", 0x40004000,
                     0x00004000), 0x20002000, "cmpy:<<1:rnd:sat");
    /* -32768 * -32768 = 2^30, :<<1 = 2^31 saturates to 0x7fffffff */
    x_clear_ovf();
    tl_check_eq(X_RR(uint32_t, "%0 = cmpy(%1,%2):<<1:rnd:sat", 0x8000,
                     0x8000), 0x00007fff, "cmpy:<<1:rnd:sat saturates");
    tl_check_eq(x_ovf(), 1, "cmpy:<<1:rnd:sat sets OVF");
    /* (0x4000 + 0x4000i)(0 - 0x4000i): re 0x10000000, im -0x10000000;
       + 0x8000: upper halves 0x1000 and 0xf000 */
    tl_check_eq(X_RR(uint32_t, "%0 = cmpy(%1,%2*):rnd:sat", 0x40004000,
                     0x40000000), 0xf0001000, "cmpy(Rs,Rt*):rnd:sat");
    tl_check_eq(X_RR(uint32_t, "%0 = cmpy(%1,%2*):<<1:rnd:sat", 0x40004000,
                     0x40000000), 0xe0002000, "cmpy(Rs,Rt*):<<1:rnd:sat");
}

static void test_cmpywh(void)
{
    /* Rss = im 0x10000 : re 0x20000, Rt = d 0x2000 : c 0x4000;
       (x + 0x4000) >> 15 of: im*c + re*d = 0x80000000 -> 0x10000;
       re*c - im*d = 0x60000000 -> 0xc000; im*c - re*d = 0 -> 0;
       re*c + im*d = 0xa0000000 -> 0x14000 */
    uint64_t s = 0x0001000000020000ull;

    tl_check_eq(X_RR(uint32_t, "%0 = cmpyiwh(%1,%2):<<1:rnd:sat", s,
                     0x20004000), 0x10000, "cmpyiwh");
    tl_check_eq(X_RR(uint32_t, "%0 = cmpyrwh(%1,%2):<<1:rnd:sat", s,
                     0x20004000), 0xc000, "cmpyrwh");
    tl_check_eq(X_RR(uint32_t, "%0 = cmpyiwh(%1,%2*):<<1:rnd:sat", s,
                     0x20004000), 0, "cmpyiwh(Rss,Rt*)");
    tl_check_eq(X_RR(uint32_t, "%0 = cmpyrwh(%1,%2*):<<1:rnd:sat", s,
                     0x20004000), 0x14000, "cmpyrwh(Rss,Rt*)");
    /* 2 * 0x7fffffff * 0x7fff >> 15 is about 2^32: saturates */
    x_clear_ovf();
    tl_check_eq(X_RR(uint32_t, "%0 = cmpyiwh(%1,%2):<<1:rnd:sat",
                     0x7fffffff7fffffffull, 0x7fff7fff), 0x7fffffff,
                "cmpyiwh saturates");
    tl_check_eq(x_ovf(), 1, "cmpyiwh sets OVF");
}

/* Rss = (2:3, 4:5), Rtt = (1:6, 7:8): word 1, word 0 as im:re */
#define VS 0x0002000300040005ull
#define VT 0x0001000600070008ull

static void test_vcmpy(void)
{
    /* real: w0 5*8 - 4*7 = 12, w1 3*6 - 2*1 = 16;
       imag: w0 4*8 + 5*7 = 67, w1 2*6 + 3*1 = 15 */
    tl_check_eq(X_RR(uint64_t, "%0 = vcmpyr(%1,%2):sat", VS, VT),
                0x000000100000000cull, "vcmpyr:sat");
    tl_check_eq(X_RR(uint64_t, "%0 = vcmpyr(%1,%2):<<1:sat", VS, VT),
                0x0000002000000018ull, "vcmpyr:<<1:sat");
    tl_check_eq(X_RR(uint64_t, "%0 = vcmpyi(%1,%2):sat", VS, VT),
                0x0000000f00000043ull, "vcmpyi:sat");
    tl_check_eq(X_RR(uint64_t, "%0 = vcmpyi(%1,%2):<<1:sat", VS, VT),
                0x0000001e00000086ull, "vcmpyi:<<1:sat");
    x_clear_ovf();
    tl_check_eq(X_ACC(uint64_t, "%0 += vcmpyr(%1,%2):sat",
                      0x000000017fffffffull, VS, VT),
                0x000000117fffffffull, "+= vcmpyr:sat saturates");
    tl_check_eq(x_ovf(), 1, "+= vcmpyr:sat sets OVF");
    tl_check_eq(X_ACC(uint64_t, "%0 += vcmpyi(%1,%2):sat",
                      0x0000000a00000014ull, VS, VT),
                0x0000001900000057ull, "+= vcmpyi:sat");
    /* reduce: real 12 + 16, imag 67 + 15; conjugate: real
       5*8 + 4*7 + 3*6 + 2*1 = 88, imag 4*8 - 5*7 + 2*6 - 3*1 = 6 */
    tl_check_eq(X_RR(uint64_t, "%0 = vrcmpyr(%1,%2)", VS, VT), 28,
                "vrcmpyr");
    tl_check_eq(X_RR(uint64_t, "%0 = vrcmpyi(%1,%2)", VS, VT), 82,
                "vrcmpyi");
    tl_check_eq(X_RR(uint64_t, "%0 = vrcmpyr(%1,%2*)", VS, VT), 88,
                "vrcmpyr(Rss,Rtt*)");
    tl_check_eq(X_RR(uint64_t, "%0 = vrcmpyi(%1,%2*)", VS, VT), 6,
                "vrcmpyi(Rss,Rtt*)");
    tl_check_eq(X_ACC(uint64_t, "%0 += vrcmpyr(%1,%2)", 1000, VS, VT), 1028,
                "+= vrcmpyr");
    tl_check_eq(X_ACC(uint64_t, "%0 += vrcmpyi(%1,%2)", 1000, VS, VT), 1082,
                "+= vrcmpyi");
    tl_check_eq(X_ACC(uint64_t, "%0 += vrcmpyr(%1,%2*)", 1000, VS, VT),
                1088, "+= vrcmpyr(Rss,Rtt*)");
    tl_check_eq(X_ACC(uint64_t, "%0 += vrcmpyi(%1,%2*)", 1000, VS, VT),
                1006, "+= vrcmpyi(Rss,Rtt*)");
    /* i*i + i*i = -2 */
    tl_check_eq(X_RR(uint64_t, "%0 = vrcmpyr(%1,%2)", 0x0001000000010000ull,
                     0x0001000000010000ull), 0xfffffffffffffffeull,
                "vrcmpyr negative");
}

static void test_vrcmpys(void)
{
    /* Rss halves h3..h0 = 4, 3, 2, 1; scalar word :hi = 6:5, :lo = 8:7;
       word i = 2 * (h[i] * c0 + h[i+2] * c1): hi 2*(1*5 + 3*6) = 46,
       2*(2*5 + 4*6) = 68; lo 2*(7 + 24) = 62, 2*(14 + 32) = 92 */
    uint64_t s = 0x0004000300020001ull, t = 0x0006000500080007ull;

    tl_check_eq(X_RR(uint64_t, "%0 = vrcmpys(%1,%2):<<1:sat:raw:hi", s, t),
                0x000000440000002eull, "vrcmpys:raw:hi");
    tl_check_eq(X_RR(uint64_t, "%0 = vrcmpys(%1,%2):<<1:sat:raw:lo", s, t),
                0x0000005c0000003eull, "vrcmpys:raw:lo");
    x_clear_ovf();
    tl_check_eq(X_ACC(uint64_t, "%0 += vrcmpys(%1,%2):<<1:sat:raw:hi",
                      0x000000017fffffffull, s, t),
                0x000000457fffffffull, "+= vrcmpys:raw:hi saturates");
    tl_check_eq(x_ovf(), 1, "+= vrcmpys sets OVF");
    tl_check_eq(X_ACC(uint64_t, "%0 += vrcmpys(%1,%2):<<1:sat:raw:lo",
                      0x0000000a00000014ull, s, t),
                0x0000006600000052ull, "+= vrcmpys:raw:lo");
    /* h3..h0 = 0, 0x1000, 0x4000, 0x2000; hi scalar 0x4000:0x4000:
       2*(0x2000*0x4000 + 0x1000*0x4000) = 0x18000000 -> 0x1800,
       2*0x4000*0x4000 = 0x20000000 -> 0x2000; lo scalar 0:0x2000:
       0x8000000 -> 0x800, 0x10000000 -> 0x1000 */
    s = 0x0000100040002000ull;
    t = 0x4000400000002000ull;
    tl_check_eq(X_RR(uint32_t, "%0 = vrcmpys(%1,%2):<<1:rnd:sat:raw:hi", s,
                     t), 0x20001800, "vrcmpys:rnd:raw:hi");
    tl_check_eq(X_RR(uint32_t, "%0 = vrcmpys(%1,%2):<<1:rnd:sat:raw:lo", s,
                     t), 0x10000800, "vrcmpys:rnd:raw:lo");
}

/* Halfwords h3..h0: Rss = 1, -2, 3, 4; Rtt = 5, 6, -7, 8 */
#define HS 0x0001fffe00030004ull
#define HT 0x00050006fff90008ull

static void test_vhalf(void)
{
    /* 4*8 + 3*-7 + -2*6 + 1*5 = 4 */
    tl_check_eq(X_RR(uint64_t, "%0 = vrmpyh(%1,%2)", HS, HT), 4, "vrmpyh");
    tl_check_eq(X_ACC(uint64_t, "%0 += vrmpyh(%1,%2)", 0x100000000ull, HS,
                      HT), 0x100000004ull, "+= vrmpyh");
    tl_check_eq(X_RR(uint64_t, "%0 = vrmpyh(%1,%2)", HS, 0xffffull),
                (uint64_t)-4, "vrmpyh negative");
    /* vdmpy: w0 4*8 + 3*-7 = 11, w1 -2*6 + 1*5 = -7 */
    tl_check_eq(X_RR(uint64_t, "%0 = vdmpy(%1,%2):sat", HS, HT),
                0xfffffff90000000bull, "vdmpy:sat");
    tl_check_eq(X_RR(uint64_t, "%0 = vdmpy(%1,%2):<<1:sat", HS, HT),
                0xfffffff200000016ull, "vdmpy:<<1:sat");
    /* (-32768)^2 * 2 = 2^31 in each lane */
    x_clear_ovf();
    tl_check_eq(X_RR(uint64_t, "%0 = vdmpy(%1,%2):sat",
                     0x8000800080008000ull, 0x8000800080008000ull),
                0x7fffffff7fffffffull, "vdmpy:sat saturates");
    tl_check_eq(x_ovf(), 1, "vdmpy:sat sets OVF");
    /* (1, 2) + (-7, 11) and + (-14, 22) */
    tl_check_eq(X_ACC(uint64_t, "%0 += vdmpy(%1,%2):sat",
                      0x0000000100000002ull, HS, HT),
                0xfffffffa0000000dull, "+= vdmpy:sat");
    tl_check_eq(X_ACC(uint64_t, "%0 += vdmpy(%1,%2):<<1:sat",
                      0x0000000100000002ull, HS, HT),
                0xfffffff300000018ull, "+= vdmpy:<<1:sat");
    /* lane 0: 2 * 0x4000^2 = 0x20000000 -> 0x2000; lane 1: 0x1000^2 =
       0x1000000 -> 0x100; :<<1 doubles both */
    tl_check_eq(X_RR(uint32_t, "%0 = vdmpy(%1,%2):rnd:sat",
                     0x0000100040004000ull, 0x0000100040004000ull),
                0x01002000, "vdmpy:rnd:sat");
    tl_check_eq(X_RR(uint32_t, "%0 = vdmpy(%1,%2):<<1:rnd:sat",
                     0x0000100040004000ull, 0x0000100040004000ull),
                0x02004000, "vdmpy:<<1:rnd:sat");
    /* vmpyeh: h0 4*8 = 32, h2 -2*6 = -12 */
    tl_check_eq(X_RR(uint64_t, "%0 = vmpyeh(%1,%2):sat", HS, HT),
                0xfffffff400000020ull, "vmpyeh:sat");
    tl_check_eq(X_RR(uint64_t, "%0 = vmpyeh(%1,%2):<<1:sat", HS, HT),
                0xffffffe800000040ull, "vmpyeh:<<1:sat");
    /* += without :sat wraps: 0x7fffffff + 32 = 0x8000001f */
    tl_check_eq(X_ACC(uint64_t, "%0 += vmpyeh(%1,%2)", 0x7fffffffull, HS, HT),
                0xfffffff48000001full, "+= vmpyeh wraps");
    x_clear_ovf();
    tl_check_eq(X_ACC(uint64_t, "%0 += vmpyeh(%1,%2):sat", 0x7fffffffull, HS,
                      HT), 0xfffffff47fffffffull, "+= vmpyeh:sat");
    tl_check_eq(x_ovf(), 1, "+= vmpyeh:sat sets OVF");
    tl_check_eq(X_ACC(uint64_t, "%0 += vmpyeh(%1,%2):<<1:sat", 0, HS, HT),
                0xffffffe800000040ull, "+= vmpyeh:<<1:sat");
}

static void test_vmpyh(void)
{
    /* Rs = -3:0x4000, Rt = 5:0x4000: lane 0 0x20000000, lane 1 -30;
       (100, 0x60000000) + them: lane 0 saturates */
    x_clear_ovf();
    tl_check_eq(X_ACC(uint64_t, "%0 += vmpyh(%1,%2):<<1:sat",
                      0x0000006460000000ull, 0xfffd4000, 0x00054000),
                0x000000467fffffffull, "+= vmpyh:<<1:sat");
    tl_check_eq(x_ovf(), 1, "+= vmpyh:<<1:sat sets OVF");
    /* lane 0: 0x100^2 * 2 = 0x20000 + 0x8000 -> 2; lane 1: 0x4000^2 * 2
       -> 0x2000 */
    tl_check_eq(X_RR(uint32_t, "%0 = vmpyh(%1,%2):<<1:rnd:sat", 0x40000100,
                     0x40000100), 0x20000002, "vmpyh:<<1:rnd:sat");
    x_clear_ovf();
    tl_check_eq(X_RR(uint32_t, "%0 = vmpyh(%1,%2):<<1:rnd:sat", 0x80008000,
                     0x80008000), 0x7fff7fff, "vmpyh:<<1:rnd:sat saturates");
    tl_check_eq(x_ovf(), 1, "vmpyh:<<1:rnd:sat sets OVF");
    /* vmpyhsu: Rs = -2:3 signed, Rt = 0xffff:2 unsigned: 6, -131070 */
    tl_check_eq(X_ACC(uint64_t, "%0 += vmpyhsu(%1,%2):sat", 0, 0xfffe0003,
                      0xffff0002), 0xfffe000200000006ull, "+= vmpyhsu:sat");
    tl_check_eq(X_ACC(uint64_t, "%0 += vmpyhsu(%1,%2):<<1:sat", 0,
                      0xfffe0003, 0xffff0002), 0xfffc00040000000cull,
                "+= vmpyhsu:<<1:sat");
}

static void test_vbytes(void)
{
    /* word 0: 8*4 + 7*3 + 6*2 + 0xfe*0xff: unsigned 65 + 64770 = 64835,
       signed 65 - 510 = -445; word 1: 4+3+2+1 = 10 */
    uint64_t s = 0x01020304fe060708ull, t = 0x01010101ff020304ull;

    tl_check_eq(X_RR(uint64_t, "%0 = vrmpybu(%1,%2)", s, t),
                0x0000000a0000fd43ull, "vrmpybu");
    tl_check_eq(X_RR(uint64_t, "%0 = vrmpybsu(%1,%2)", s, t),
                0x0000000afffffe43ull, "vrmpybsu");
    tl_check_eq(X_ACC(uint64_t, "%0 += vrmpybu(%1,%2)",
                      0x0000000100000002ull, s, t),
                0x0000000b0000fd45ull, "+= vrmpybu");
    tl_check_eq(X_ACC(uint64_t, "%0 += vrmpybsu(%1,%2)",
                      0x0000000100000002ull, s, t),
                0x0000000bfffffe45ull, "+= vrmpybsu");
    /* vdmpybsu: h0 -2*2 + 1*3 = -1; h1 127*255*2 -> 0x7fff;
       h2, h3 -128*255*2 -> 0x8000 */
    x_clear_ovf();
    tl_check_eq(X_RR(uint64_t, "%0 = vdmpybsu(%1,%2):sat",
                     0x808080807f7f01feull, 0xffffffffffff0302ull),
                0x800080007fffffffull, "vdmpybsu:sat");
    tl_check_eq(x_ovf(), 1, "vdmpybsu:sat sets OVF");
    tl_check_eq(X_ACC(uint64_t, "%0 += vdmpybsu(%1,%2):sat",
                      0x0001000200030004ull, 0x01feull, 0x0302ull),
                0x0001000200030003ull, "+= vdmpybsu:sat");
    /* vmpybu: 3*4 = 12, 0xfe*3 = 762, 2*0xff = 510, 0xff*2 = 510;
       vmpybsu: -2*3 = -6, -1*2 = -2 */
    tl_check_eq(X_RR(uint64_t, "%0 = vmpybu(%1,%2)", 0xff02fe03, 0x02ff0304),
                0x01fe01fe02fa000cull, "vmpybu");
    tl_check_eq(X_RR(uint64_t, "%0 = vmpybsu(%1,%2)", 0xff02fe03,
                     0x02ff0304), 0xfffe01fefffa000cull, "vmpybsu");
    tl_check_eq(X_ACC(uint64_t, "%0 += vmpybu(%1,%2)",
                      0x0001000100010001ull, 0xff02fe03, 0x02ff0304),
                0x01ff01ff02fb000dull, "+= vmpybu");
    tl_check_eq(X_ACC(uint64_t, "%0 += vmpybsu(%1,%2)",
                      0x0001000100010001ull, 0xff02fe03, 0x02ff0304),
                0xffff01fffffb000dull, "+= vmpybsu");
}

static void test_pmpy_xor(void)
{
    /* 3 clmul 3 = 5; 0xffff ^ 5 */
    tl_check_eq(X_ACC(uint64_t, "%0 ^= pmpyw(%1,%2)", 0xffff, 3, 3), 0xfffa,
                "^= pmpyw");
    /* lane 0: 3 clmul 3 = 5; lane 1: 0x8000 clmul 5 = 0x28000; halves
       interleaved: h0 5, h1 0x8000, h2 0, h3 2; then ^ 0xf */
    tl_check_eq(X_ACC(uint64_t, "%0 ^= vpmpyh(%1,%2)", 0xf, 0x80000003,
                      0x00050003), 0x000200008000000aull, "^= vpmpyh");
}

static void test_vmpywh(void)
{
    /* Rss = 0x10000 : 0x20000; Rtt halves h3..h0 = 7, 3, 5, -4;
       even: 0x20000 * -4 >> 16 = -8, 0x10000 * 3 >> 16 = 3;
       odd: 0x20000 * 5 >> 16 = 10, 0x10000 * 7 >> 16 = 7 */
    uint64_t s = 0x0001000000020000ull, t = 0x000700030005fffcull;

    tl_check_eq(X_RR(uint64_t, "%0 = vmpyweh(%1,%2):sat", s, t),
                0x00000003fffffff8ull, "vmpyweh:sat");
    tl_check_eq(X_RR(uint64_t, "%0 = vmpyweh(%1,%2):<<1:sat", s, t),
                0x00000006fffffff0ull, "vmpyweh:<<1:sat");
    tl_check_eq(X_RR(uint64_t, "%0 = vmpywoh(%1,%2):sat", s, t),
                0x000000070000000aull, "vmpywoh:sat");
    tl_check_eq(X_RR(uint64_t, "%0 = vmpywoh(%1,%2):<<1:sat", s, t),
                0x0000000e00000014ull, "vmpywoh:<<1:sat");
    /* unsigned even half 0xfffc: 0x20000 * 65532 >> 16 = 131064 */
    tl_check_eq(X_RR(uint64_t, "%0 = vmpyweuh(%1,%2):sat", s, t),
                0x000000030001fff8ull, "vmpyweuh:sat");
    tl_check_eq(X_RR(uint64_t, "%0 = vmpywouh(%1,%2):sat", s,
                     0xfffc0000ull), 0x000000000001fff8ull,
                "vmpywouh:sat");
    /* 0xc000 * 1: >> 16 = 0, :rnd 1, :<<1 1, :<<1:rnd 2 */
    tl_check_eq(X_RR(uint64_t, "%0 = vmpyweh(%1,%2):rnd:sat", 0xc000ull,
                     1ull), 1, "vmpyweh:rnd:sat");
    tl_check_eq(X_RR(uint64_t, "%0 = vmpywoh(%1,%2):<<1:rnd:sat", 0xc000ull,
                     0x10000ull), 2, "vmpywoh:<<1:rnd:sat");
    tl_check_eq(X_RR(uint64_t, "%0 = vmpyweuh(%1,%2):<<1:sat", 0xc000ull,
                     1ull), 1, "vmpyweuh:<<1:sat");
    tl_check_eq(X_RR(uint64_t, "%0 = vmpywouh(%1,%2):rnd:sat", 0xc000ull,
                     0x10000ull), 1, "vmpywouh:rnd:sat");
    /* (-2^31)(-2^15) = 2^46 >> 16 = 2^30, :<<1 2^31 saturates */
    x_clear_ovf();
    tl_check_eq(X_RR(uint64_t, "%0 = vmpyweh(%1,%2):<<1:sat",
                     0x8000000080000000ull, 0x8000800080008000ull),
                0x7fffffff7fffffffull, "vmpyweh:<<1:sat saturates");
    tl_check_eq(x_ovf(), 1, "vmpyweh:<<1:sat sets OVF");
    /* (100, 200) + (3, -8) */
    tl_check_eq(X_ACC(uint64_t, "%0 += vmpyweh(%1,%2):sat",
                      0x00000064000000c8ull, s, t),
                0x00000067000000c0ull, "+= vmpyweh:sat");
    tl_check_eq(X_ACC(uint64_t, "%0 += vmpywoh(%1,%2):<<1:rnd:sat",
                      0x00000064000000c8ull, s, t),
                0x00000072000000dcull, "+= vmpywoh:<<1:rnd:sat");
    /* odd unsigned 0xffff: 0x10000 * 65535 >> 16 = 65535 per lane; lane 0
       0x7fffffff + 65535 saturates */
    x_clear_ovf();
    tl_check_eq(X_ACC(uint64_t, "%0 += vmpywouh(%1,%2):sat",
                      0x000000007fffffffull, 0x0001000000010000ull,
                      0xffff0000ffff0000ull),
                0x0000ffff7fffffffull, "+= vmpywouh:sat");
    tl_check_eq(x_ovf(), 1, "+= vmpywouh:sat sets OVF");
    /* reduce: even 0x20000*-4 + 0x10000*3 = -0x50000; odd 0xa0000 +
       0x70000 = 0x110000 */
    tl_check_eq(X_RR(uint64_t, "%0 = vrmpyweh(%1,%2)", s, t),
                (uint64_t)-0x50000, "vrmpyweh");
    tl_check_eq(X_RR(uint64_t, "%0 = vrmpyweh(%1,%2):<<1", s, t),
                (uint64_t)-0xa0000, "vrmpyweh:<<1");
    tl_check_eq(X_RR(uint64_t, "%0 = vrmpywoh(%1,%2)", s, t), 0x110000,
                "vrmpywoh");
    tl_check_eq(X_ACC(uint64_t, "%0 += vrmpyweh(%1,%2)", 0x100000, s, t),
                0xb0000, "+= vrmpyweh");
    tl_check_eq(X_ACC(uint64_t, "%0 += vrmpywoh(%1,%2):<<1", 1, s, t),
                0x220001, "+= vrmpywoh:<<1");
}

int main(void)
{
    test_cmpy();
    test_cmpy_rnd();
    test_cmpywh();
    test_vcmpy();
    test_vrcmpys();
    test_vhalf();
    test_vmpyh();
    test_vbytes();
    test_pmpy_xor();
    test_vmpywh();
    return tl_done();
}
