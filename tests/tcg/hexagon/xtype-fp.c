/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * xtype-fp.c: the FP instructions of hex-xtype2.isa: sffma/sffms,
 * sfmax/sfmin, sfcmp and dfcmp, dfsub, conversions between word,
 * doubleword, single and double, the USR rounding mode (FPRND, bits
 * 23:22) and the sticky exception bits (FPINVF bit 1, FPINPF bit 5).
 * Also the first table's FP (hex-xtype.isa: sfadd, sfsub, sfmpy,
 * convert_w2sf/sf2w/sf2df, dfadd) under each rounding mode, with their
 * flags (FPOVFF bit 3, FPUNFF bit 4 too) and default-NaN results.
 * Expected values are IEEE 754 encodings worked out by hand (comments).
 */
#include "xtype2.h"

#define F1 0x3f800000u          /* 1.0f */
#define F2 0x40000000u          /* 2.0f */
#define F3 0x40400000u          /* 3.0f */
#define FINF 0x7f800000u        /* +inf */
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

/* FPRND values (USR bits 23:22) and flag bits */
#define RN 0u                   /* to nearest, ties to even */
#define RZ 1u                   /* toward zero */
#define RM 2u                   /* toward minus infinity */
#define RP 3u                   /* toward plus infinity */
#define INV 0x02u
#define OVF 0x08u
#define UNF 0x10u
#define INP 0x20u

/* insn under FPRND @mode from clear flags: result @want, flags @fl. */
#define FP2(R, insn, mode, a, b, want, fl, what) do {                      \
        set_usr((mode) << 22);                                             \
        tl_check_eq(X_RR(R, insn, a, b), want, what);                      \
        tl_check_eq(usr_fpflags(), fl, what " flags");                     \
    } while (0)
#define FP1(R, insn, mode, a, want, fl, what) do {                         \
        set_usr((mode) << 22);                                             \
        tl_check_eq(X_R(R, insn, a), want, what);                          \
        tl_check_eq(usr_fpflags(), fl, what " flags");                     \
    } while (0)

#define SFADD "%0 = sfadd(%1,%2)"
#define SFSUB "%0 = sfsub(%1,%2)"
#define SFMPY "%0 = sfmpy(%1,%2)"
#define DFADD "%0 = dfadd(%1,%2)"
#define W2SF "%0 = convert_w2sf(%1)"
#define SF2W "%0 = convert_sf2w(%1)"
#define SF2DF "%0 = convert_sf2df(%1)"

static void test_first_sf(void)
{
    /* 1 + 2 = 3 exactly: no flags in any mode */
    FP2(uint32_t, SFADD, RP, F1, F2, F3, 0, "sfadd exact");
    /* 1 + 2^-24 (0x33800000) is half an ulp of 1.0 (2^-23) above it:
       even 0x3f800000 to nearest, zero and down; 0x3f800001 up */
    FP2(uint32_t, SFADD, RN, F1, 0x33800000u, F1, INP, "sfadd tie RN");
    FP2(uint32_t, SFADD, RZ, F1, 0x33800000u, F1, INP, "sfadd RZ");
    FP2(uint32_t, SFADD, RM, F1, 0x33800000u, F1, INP, "sfadd RM");
    FP2(uint32_t, SFADD, RP, F1, 0x33800000u, 0x3f800001, INP, "sfadd RP");
    /* the negated sum rounds away from zero only toward minus infinity */
    FP2(uint32_t, SFADD, RM, 0xbf800000u, 0xb3800000u, 0xbf800001, INP,
        "sfadd neg RM");
    FP2(uint32_t, SFADD, RP, 0xbf800000u, 0xb3800000u, 0xbf800000, INP,
        "sfadd neg RP");
    /* FLT_MAX (0x7f7fffff) twice: +inf to nearest, FLT_MAX toward zero;
       overflow and inexact either way */
    FP2(uint32_t, SFADD, RN, 0x7f7fffffu, 0x7f7fffffu, FINF, OVF | INP,
        "sfadd overflow RN");
    FP2(uint32_t, SFADD, RZ, 0x7f7fffffu, 0x7f7fffffu, 0x7f7fffff,
        OVF | INP, "sfadd overflow RZ");
    /* inf + -inf: invalid, the default NaN (all ones) */
    FP2(uint32_t, SFADD, RN, FINF, 0xff800000u, 0xffffffff, INV,
        "sfadd inf-inf");

    /* 1 - 2^-25 (0x33000000): halfway between 0x3f7fffff (1 - 2^-24,
       odd) and 0x3f800000 (even): 1.0 to nearest and up, below else */
    FP2(uint32_t, SFSUB, RN, F1, 0x33000000u, F1, INP, "sfsub tie RN");
    FP2(uint32_t, SFSUB, RZ, F1, 0x33000000u, 0x3f7fffff, INP, "sfsub RZ");
    FP2(uint32_t, SFSUB, RM, F1, 0x33000000u, 0x3f7fffff, INP, "sfsub RM");
    FP2(uint32_t, SFSUB, RP, F1, 0x33000000u, F1, INP, "sfsub RP");
    /* 3 - 1 = 2 exactly; inf - inf invalid */
    FP2(uint32_t, SFSUB, RM, F3, F1, F2, 0, "sfsub exact");
    FP2(uint32_t, SFSUB, RN, FINF, FINF, 0xffffffff, INV, "sfsub inf-inf");

    /* (1 + 2^-23)^2 = 1 + 2^-22 + 2^-46: 0x3f800002 (below the middle)
       to nearest, zero and down, 0x3f800003 up */
    FP2(uint32_t, SFMPY, RN, 0x3f800001u, 0x3f800001u, 0x3f800002, INP,
        "sfmpy RN");
    FP2(uint32_t, SFMPY, RZ, 0x3f800001u, 0x3f800001u, 0x3f800002, INP,
        "sfmpy RZ");
    FP2(uint32_t, SFMPY, RP, 0x3f800001u, 0x3f800001u, 0x3f800003, INP,
        "sfmpy RP");
    /* 2^-149 (0x00000001) * 0.5 = 2^-150, halfway between 0 and 2^-149:
       0 to nearest (even), 2^-149 up; tiny and inexact: underflow */
    FP2(uint32_t, SFMPY, RN, 1u, 0x3f000000u, 0, UNF | INP,
        "sfmpy underflow RN");
    FP2(uint32_t, SFMPY, RP, 1u, 0x3f000000u, 1, UNF | INP,
        "sfmpy underflow RP");
    /* 2 * 3 = 6 (0x40c00000) exactly; 0 * inf invalid */
    FP2(uint32_t, SFMPY, RZ, F2, F3, 0x40c00000, 0, "sfmpy exact");
    FP2(uint32_t, SFMPY, RN, 0u, FINF, 0xffffffff, INV, "sfmpy 0*inf");
}

static void test_first_convert(void)
{
    /* 2^24 + 1 (0x01000001) lies between 2^24 (0x4b800000, even) and
       2^24 + 2 (0x4b800001): the first but up; inexact */
    FP1(uint32_t, W2SF, RN, 0x01000001u, 0x4b800000, INP, "w2sf RN");
    FP1(uint32_t, W2SF, RZ, 0x01000001u, 0x4b800000, INP, "w2sf RZ");
    FP1(uint32_t, W2SF, RP, 0x01000001u, 0x4b800001, INP, "w2sf RP");
    /* -(2^24 + 1) = 0xfeffffff: -(2^24 + 2) = 0xcb800001 only down */
    FP1(uint32_t, W2SF, RM, 0xfeffffffu, 0xcb800001, INP, "w2sf neg RM");
    FP1(uint32_t, W2SF, RP, 0xfeffffffu, 0xcb800000, INP, "w2sf neg RP");
    /* -3 exactly: 0xc0400000 */
    FP1(uint32_t, W2SF, RP, 0xfffffffdu, 0xc0400000, 0, "w2sf exact");

    /* 2.5f (0x40200000): 2 to nearest (even), zero, down; 3 up */
    FP1(uint32_t, SF2W, RN, 0x40200000u, 2, INP, "sf2w RN");
    FP1(uint32_t, SF2W, RZ, 0x40200000u, 2, INP, "sf2w RZ");
    FP1(uint32_t, SF2W, RM, 0x40200000u, 2, INP, "sf2w RM");
    FP1(uint32_t, SF2W, RP, 0x40200000u, 3, INP, "sf2w RP");
    /* -2.5f (0xc0200000): -3 only down */
    FP1(uint32_t, SF2W, RM, 0xc0200000u, 0xfffffffd, INP, "sf2w neg RM");
    FP1(uint32_t, SF2W, RZ, 0xc0200000u, 0xfffffffe, INP, "sf2w neg RZ");
    /* 3.0f exactly; 2^31 (0x4f000000) saturates to INT32_MAX, invalid;
       -inf to INT32_MIN, invalid; a NaN gives all ones, invalid */
    FP1(uint32_t, SF2W, RN, F3, 3, 0, "sf2w exact");
    FP1(uint32_t, SF2W, RN, 0x4f000000u, 0x7fffffff, INV, "sf2w 2^31");
    FP1(uint32_t, SF2W, RN, 0xff800000u, 0x80000000, INV, "sf2w -inf");
    FP1(uint32_t, SF2W, RN, FNAN, 0xffffffff, INV, "sf2w NaN");

    /* sf2df is exact in every mode: 1.0f, 2^-149 (exponent -149 + 1023 =
       874 = 0x36a, fraction 0); a signalling NaN (0x7f800001) is invalid
       and gives the default NaN, a quiet one only the default NaN */
    FP1(uint64_t, SF2DF, RP, F1, D1, 0, "sf2df 1.0");
    FP1(uint64_t, SF2DF, RM, 1u, 0x36a0000000000000ull, 0,
        "sf2df subnormal");
    FP1(uint64_t, SF2DF, RN, 0x7f800001u, 0xffffffffffffffffull, INV,
        "sf2df sNaN");
    FP1(uint64_t, SF2DF, RN, FNAN, 0xffffffffffffffffull, 0, "sf2df qNaN");
}

static void test_first_df(void)
{
    /* 1 + 2^-53 (0x3ca0000000000000) is half an ulp of 1.0: 1.0 to
       nearest and zero, 0x3ff0000000000001 up */
    FP2(uint64_t, DFADD, RN, D1, 0x3ca0000000000000ull, D1, INP,
        "dfadd tie RN");
    FP2(uint64_t, DFADD, RZ, D1, 0x3ca0000000000000ull, D1, INP,
        "dfadd RZ");
    FP2(uint64_t, DFADD, RP, D1, 0x3ca0000000000000ull,
        0x3ff0000000000001ull, INP, "dfadd RP");
    /* 1 + 1.5 = 2.5 exactly */
    FP2(uint64_t, DFADD, RM, D1, 0x3ff8000000000000ull, D2_5, 0,
        "dfadd exact");
    /* DBL_MAX twice: +inf to nearest, DBL_MAX toward zero; overflow */
    FP2(uint64_t, DFADD, RN, 0x7fefffffffffffffull, 0x7fefffffffffffffull,
        0x7ff0000000000000ull, OVF | INP, "dfadd overflow RN");
    FP2(uint64_t, DFADD, RZ, 0x7fefffffffffffffull, 0x7fefffffffffffffull,
        0x7fefffffffffffffull, OVF | INP, "dfadd overflow RZ");
    /* inf + -inf: invalid, the default NaN */
    FP2(uint64_t, DFADD, RN, 0x7ff0000000000000ull, 0xfff0000000000000ull,
        0xffffffffffffffffull, INV, "dfadd inf-inf");
}

/* The flags are sticky: an exact operation leaves earlier ones set. */
static void test_first_sticky(void)
{
    set_usr(0);
    (void)X_RR(uint32_t, SFADD, F1, 0x33800000u);       /* inexact */
    (void)X_RR(uint32_t, SFADD, F1, F2);                /* exact */
    tl_check_eq(usr_fpflags(), INP, "sfadd sticky");
    (void)X_R(uint32_t, SF2W, FNAN);                    /* invalid */
    (void)X_RR(uint64_t, DFADD, D1, D1);                /* exact */
    tl_check_eq(usr_fpflags(), INP | INV, "sf2w sticky");
    set_usr(0);
}

int main(void)
{
    test_sf();
    test_df();
    test_convert();
    test_first_sf();
    test_first_convert();
    test_first_df();
    test_first_sticky();
    return tl_done();
}
