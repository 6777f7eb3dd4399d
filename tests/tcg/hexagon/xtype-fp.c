/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * xtype-fp.c: the FP instructions of hex-xtype2.isa: sffma/sffms,
 * sfmax/sfmin, sfcmp and dfcmp, dfsub, conversions between word,
 * doubleword, single and double, the USR rounding mode (FPRND, bits
 * 23:22) and the sticky exception bits (FPINVF bit 1, FPINPF bit 5).
 * Expected values are IEEE 754 encodings worked out by hand (comments).
 */
#include "xtype2.h"

#define F1 0x3f800000u          /* 1.0f */
#define F2 0x40000000u          /* 2.0f */
#define F3 0x40400000u          /* 3.0f */
#define FNAN 0x7fc00000u        /* a quiet NaN */
#define D1 0x3ff0000000000000ull        /* 1.0 */
#define D3 0x4008000000000000ull        /* 3.0 */
#define D2_5 0x4004000000000000ull      /* 2.5 */

static void set_usr(uint32_t v)
{
    __asm__ volatile("usr = %0" : : "r"(v) : "usr");
}

static uint32_t usr_fpflags(void)
{
    uint32_t u;

    __asm__ volatile("%0 = usr" : "=r"(u));
    return u & 0x3e;
}

static void test_sf(void)
{
    /* 1 + 2 * 3 = 7.0f = 0x40e00000; 1 - 6 = -5.0f = 0xc0a00000 */
    tl_check_eq(X_ACC(uint32_t, "%0 += sfmpy(%1,%2)", F1, F2, F3),
                0x40e00000, "sffma");
    tl_check_eq(X_ACC(uint32_t, "%0 -= sfmpy(%1,%2)", F1, F2, F3),
                0xc0a00000, "sffms");
    /* max with a quiet NaN gives the number; min(-1, 2) = -1 */
    tl_check_eq(X_RR(uint32_t, "%0 = sfmax(%1,%2)", F1, FNAN), F1,
                "sfmax NaN");
    tl_check_eq(X_RR(uint32_t, "%0 = sfmin(%1,%2)", 0xbf800000u, F2),
                0xbf800000, "sfmin");
    tl_check_eq(X_PRED("p0 = sfcmp.gt(%1,%2)", F2, F1), 0xff, "sfcmp.gt");
    tl_check_eq(X_PRED("p0 = sfcmp.ge(%1,%2)", F1, F1), 0xff, "sfcmp.ge");
    tl_check_eq(X_PRED("p0 = sfcmp.eq(%1,%2)", FNAN, FNAN), 0,
                "sfcmp.eq NaN");
    tl_check_eq(X_PRED("p0 = sfcmp.uo(%1,%2)", FNAN, F1), 0xff,
                "sfcmp.uo");
}

static void test_df(void)
{
    /* 3.0 - 1.0 = 2.0 = 0x4000000000000000 */
    tl_check_eq(X_RR(uint64_t, "%0 = dfsub(%1,%2)", D3, D1),
                0x4000000000000000ull, "dfsub");
    tl_check_eq(X_PRED("p0 = dfcmp.gt(%1,%2)", D1, D3), 0, "dfcmp.gt");
    tl_check_eq(X_PRED("p0 = dfcmp.eq(%1,%2)", D3, D3), 0xff, "dfcmp.eq");
}

static void test_convert(void)
{
    /* 0xffffffff = 2^32 - 1 rounds to 2^32 = 0x4f800000, inexact */
    set_usr(0);
    tl_check_eq(X_R(uint32_t, "%0 = convert_uw2sf(%1)", 0xffffffffu),
                0x4f800000, "convert_uw2sf");
    tl_check_eq(usr_fpflags(), 0x20, "uw2sf: FPINPF");
    /* -1.0f to unsigned: invalid, 0 */
    set_usr(0);
    tl_check_eq(X_R(uint32_t, "%0 = convert_sf2uw(%1)", 0xbf800000u), 0,
                "convert_sf2uw negative");
    tl_check_eq(usr_fpflags() & 2, 2, "sf2uw negative: FPINVF");
    /* 2.5f (0x40200000) chopped = 2 */
    tl_check_eq(X_R(uint32_t, "%0 = convert_sf2w(%1):chop", 0x40200000u), 2,
                "convert_sf2w:chop");
    /* 2.5 to word: nearest-even 2, with FPRND = 3 (up) 3 */
    set_usr(0);
    tl_check_eq(X_R(uint32_t, "%0 = convert_df2w(%1)", D2_5), 2,
                "convert_df2w nearest");
    set_usr(3u << 22);
    tl_check_eq(X_R(uint32_t, "%0 = convert_df2w(%1)", D2_5), 3,
                "convert_df2w up");
    set_usr(0);
    /* -3 = 0xc008000000000000; 1.0 to single; 5 to double; -2.0 to int */
    tl_check_eq(X_R(uint64_t, "%0 = convert_w2df(%1)", -3),
                0xc008000000000000ull, "convert_w2df");
    tl_check_eq(X_R(uint32_t, "%0 = convert_df2sf(%1)", D1), F1,
                "convert_df2sf");
    tl_check_eq(X_R(uint64_t, "%0 = convert_d2df(%1)", 5ull),
                0x4014000000000000ull, "convert_d2df");
    tl_check_eq(X_R(uint64_t, "%0 = convert_df2d(%1)",
                    0xc000000000000000ull), (uint64_t)-2, "convert_df2d");
}

int main(void)
{
    test_sf();
    test_df();
    test_convert();
    return tl_done();
}
