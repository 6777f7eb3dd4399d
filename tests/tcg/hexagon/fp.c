/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * fp.c: the FP instructions of hex-fp.isa: sfclass/dfclass, sfmake/dfmake,
 * sfrecipa/sfinvsqrta with Pe, sffixupn/d/r, sffma :lib and :scale,
 * dfmax/dfmin, the dfmpy* steps, the conversions with 64-bit integers and
 * df2uw:chop, their sticky USR bits (FPINVF 1, FPDBZF 2, FPOVFF 3, FPUNFF
 * 4, FPINPF 5) and the rounding mode FPRND (bits 23:22), plus the
 * compiler's inline float division and double multiply sequences, which
 * chain them.  Expected values are IEEE 754 encodings worked out by hand
 * (comments); the estimate tables' entries from their definition (the
 * interval midpoint's reciprocal, rounded to 8 bits).
 */
#include "xtype2.h"

#define F1 0x3f800000u          /* 1.0f */
#define F2 0x40000000u          /* 2.0f */
#define F3 0x40400000u          /* 3.0f */
#define FINF 0x7f800000u
#define FNAN 0x7fc00000u        /* a quiet NaN */
#define D1 0x3ff0000000000000ull
#define D2 0x4000000000000000ull
#define DNAN 0x7ff8000000000000ull

#define USR_INV 0x02u
#define USR_DBZ 0x04u
#define USR_INP 0x20u

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

/* Rd,Pe = insn(%2[,%3]); the predicate comes back in *pe. */
#define X_RPE2(insn, a, b, pe) ({                                            \
    uint32_t r_, p_;                                                         \
    __asm__ volatile(insn "\n\t%1 = p1" : "=r"(r_), "=r"(p_)                 \
                     : "r"(a), "r"(b) : "p1");                               \
    *(pe) = p_; r_; })
#define X_RPE1(insn, a, pe) ({                                               \
    uint32_t r_, p_;                                                         \
    __asm__ volatile(insn "\n\t%1 = p1" : "=r"(r_), "=r"(p_)                 \
                     : "r"(a) : "p1");                                       \
    *(pe) = p_; r_; })
/* Pd = class(%1,#imm) */
#define X_CLASS(insn, a) ({                                                  \
    uint32_t r_;                                                             \
    __asm__ volatile(insn "\n\t%0 = p0" : "=r"(r_) : "r"(a) : "p0");         \
    r_; })
#define X_CONST(R, insn) ({                                                  \
    R r_;                                                                    \
    __asm__ volatile(insn : "=r"(r_));                                       \
    r_; })

static void test_class_make(void)
{
    /* #1 zero, #2 normal, #4 subnormal, #8 infinite, #16 NaN */
    tl_check_eq(X_CLASS("p0 = sfclass(%1,#1)", 0x80000000u), 0xff,
                "sfclass -0 zero");
    tl_check_eq(X_CLASS("p0 = sfclass(%1,#2)", F1), 0xff, "sfclass normal");
    tl_check_eq(X_CLASS("p0 = sfclass(%1,#2)", 1u), 0, "sfclass not normal");
    tl_check_eq(X_CLASS("p0 = sfclass(%1,#4)", 1u), 0xff, "sfclass subnormal");
    tl_check_eq(X_CLASS("p0 = sfclass(%1,#8)", FINF), 0xff, "sfclass inf");
    tl_check_eq(X_CLASS("p0 = sfclass(%1,#16)", FNAN), 0xff, "sfclass nan");
    tl_check_eq(X_CLASS("p0 = sfclass(%1,#15)", FNAN), 0, "sfclass not nan");
    tl_check_eq(X_CLASS("p0 = dfclass(%1,#4)", 1ull), 0xff,
                "dfclass subnormal");
    tl_check_eq(X_CLASS("p0 = dfclass(%1,#16)", DNAN), 0xff, "dfclass nan");
    tl_check_eq(X_CLASS("p0 = dfclass(%1,#1)", D1), 0, "dfclass not zero");
    /* sfmake: 2^-6 = 0x3c800000 plus #u10 << 17; 5 << 17 = 0xa0000 */
    tl_check_eq(X_CONST(uint32_t, "%0 = sfmake(#5):pos"), 0x3c8a0000,
                "sfmake pos");
    tl_check_eq(X_CONST(uint32_t, "%0 = sfmake(#5):neg"), 0xbc8a0000,
                "sfmake neg");
    /* 1023 << 17 = 0x7fe0000 carries into the exponent: 0x447e0000 */
    tl_check_eq(X_CONST(uint32_t, "%0 = sfmake(#1023):pos"), 0x447e0000,
                "sfmake 1023");
    /* dfmake: 2^-6 = 0x3f90000000000000 plus 5 << 46 = 0x1400000000000 */
    tl_check_eq(X_CONST(uint64_t, "%0 = dfmake(#5):pos"),
                0x3f91400000000000ull, "dfmake pos");
    tl_check_eq(X_CONST(uint64_t, "%0 = dfmake(#5):neg"),
                0xbf91400000000000ull, "dfmake neg");
}

static void test_recip(void)
{
    uint32_t pe;

    /* 1/2: exponent 253 - 128 = 125, entry 0 = round(2^17 / 257) - 256 =
       254, mantissa 254 << 15 | 1 = 0x7f0001: 0x3eff0001 */
    set_usr(0);
    tl_check_eq(X_RPE2("%0,p1 = sfrecipa(%2,%3)", F1, F2, &pe), 0x3eff0001,
                "sfrecipa 1/2");
    tl_check_eq(pe, 0, "sfrecipa 1/2 Pe");
    /* 1/1.5 (0x3fc00000, entry 64 = round(2^17 / 385) - 256 = 84):
       exponent 126, mantissa 84 << 15 | 1 = 0x2a0001: 0x3f2a0001 */
    tl_check_eq(X_RPE2("%0,p1 = sfrecipa(%2,%3)", F1, 0x3fc00000u, &pe),
                0x3f2a0001, "sfrecipa 1/1.5");
    tl_check_eq(usr_fpflags(), 0, "sfrecipa no flags");
    /* x/0: estimate 1.0, divide-by-zero; the fixups give inf and 1.0 */
    tl_check_eq(X_RPE2("%0,p1 = sfrecipa(%2,%3)", F3, 0u, &pe), F1,
                "sfrecipa x/0");
    tl_check_eq(usr_fpflags(), USR_DBZ, "sfrecipa x/0: FPDBZF");
    tl_check_eq(X_RR(uint32_t, "%0 = sffixupn(%1,%2)", F3, 0x80000000u),
                0xff800000, "sffixupn x/-0");
    tl_check_eq(X_RR(uint32_t, "%0 = sffixupd(%1,%2)", F3, 0u), F1,
                "sffixupd x/0");
    /* 0/0: NaN (all ones), invalid */
    set_usr(0);
    tl_check_eq(X_RPE2("%0,p1 = sfrecipa(%2,%3)", 0u, 0u, &pe), 0xffffffff,
                "sfrecipa 0/0");
    tl_check_eq(usr_fpflags(), USR_INV, "sfrecipa 0/0: FPINVF");
    /* 2^-100 / 2^100: the quotient underflows, Pe = 0x80, n * 2^64 =
       2^-36 (0x2d800000), d * 2^-64 = 2^36 (0x51800000) */
    X_RPE2("%0,p1 = sfrecipa(%2,%3)", 0x0d800000u, 0x71800000u, &pe);
    tl_check_eq(pe, 0x80, "sfrecipa Pe underflow");
    tl_check_eq(X_RR(uint32_t, "%0 = sffixupn(%1,%2)", 0x0d800000u,
                     0x71800000u), 0x2d800000, "sffixupn scaled");
    tl_check_eq(X_RR(uint32_t, "%0 = sffixupd(%1,%2)", 0x0d800000u,
                     0x71800000u), 0x51800000, "sffixupd scaled");
}

static void test_invsqrt(void)
{
    uint32_t pe;

    /* 1/sqrt(4): entry 64 = round(2^8 * 2/sqrt(1 + 0.5/64)) - 256 = 254,
       exponent 127 - (2 >> 1) - 1 = 125: 0x3eff0000 */
    set_usr(0);
    tl_check_eq(X_RPE1("%0,p1 = sfinvsqrta(%2)", 0x40800000u, &pe),
                0x3eff0000, "sfinvsqrta 4");
    tl_check_eq(pe, 0, "sfinvsqrta 4 Pe");
    /* 1/sqrt(2): entry 0 = round(2^8 / sqrt(1.0078125 / 2)) - 256 =
       round(360.63) - 256 = 105, exponent 127 - (1 >> 1) - 1 = 126:
       0x3f348000 */
    tl_check_eq(X_RPE1("%0,p1 = sfinvsqrta(%2)", F2, &pe), 0x3f348000,
                "sfinvsqrta 2");
    /* 2^-120 (exponent 7 <= 24): scaled by 2^64 to 2^-56 (0x23800000),
       Pe = 0xe0 */
    X_RPE1("%0,p1 = sfinvsqrta(%2)", 0x03800000u, &pe);
    tl_check_eq(pe, 0xe0, "sfinvsqrta tiny Pe");
    tl_check_eq(X_R(uint32_t, "%0 = sffixupr(%1)", 0x03800000u), 0x23800000,
                "sffixupr tiny");
    tl_check_eq(usr_fpflags(), 0, "sfinvsqrta no flags");
    /* -1: NaN, invalid */
    tl_check_eq(X_RPE1("%0,p1 = sfinvsqrta(%2)", 0xbf800000u, &pe),
                0xffffffff, "sfinvsqrta -1");
    tl_check_eq(usr_fpflags(), USR_INV, "sfinvsqrta -1: FPINVF");
}

static void test_fma(void)
{
    /* 1 + 2 * 3 = 7 (0x40e00000); 1 - 6 = -5 (0xc0a00000) */
    set_usr(0);
    tl_check_eq(X_ACC(uint32_t, "%0 += sfmpy(%1,%2):lib", F1, F2, F3),
                0x40e00000, "sffma lib");
    tl_check_eq(X_ACC(uint32_t, "%0 -= sfmpy(%1,%2):lib", F1, F2, F3),
                0xc0a00000, "sffms lib");
    /* finite overflow: the largest finite (0x7f7fffff), no flags */
    tl_check_eq(X_ACC(uint32_t, "%0 += sfmpy(%1,%2):lib", 0u, 0x7f7fffffu,
                      F2), 0x7f7fffff, "sffma lib overflow");
    /* inf + -inf * 2: +0 instead of NaN (a negative finite factor is
       avoided here: qemu-hexagon 7.2 gives a NaN for inf + inf * -1) */
    tl_check_eq(X_ACC(uint32_t, "%0 += sfmpy(%1,%2):lib", FINF, 0xff800000u,
                      F2), 0, "sffma lib inf-inf");
    /* -0 + 0 * 1 keeps -0 (plain IEEE would give +0) */
    tl_check_eq(X_ACC(uint32_t, "%0 += sfmpy(%1,%2):lib", 0x80000000u, 0u,
                      F1), 0x80000000, "sffma lib -0");
    tl_check_eq(usr_fpflags(), 0, "sffma lib no flags");
}

/* Rx += sfmpy(Rs,Rt,Pu):scale with Pu from @p. */
static uint32_t sffma_sc(uint32_t x, uint32_t s, uint32_t t, uint32_t p)
{
    __asm__ volatile("p1 = %3\n\t%0 += sfmpy(%1,%2,p1):scale"
                     : "+r"(x) : "r"(s), "r"(t), "r"(p) : "p1");
    return x;
}

static void test_scale(void)
{
    /* (1 + 2 * 3) * 2^2 = 28 (0x41e00000); * 2^-2 = 1.75 (0x3fe00000) */
    tl_check_eq(sffma_sc(F1, F2, F3, 2), 0x41e00000, "sffma scale +2");
    tl_check_eq(sffma_sc(F1, F2, F3, 0xfe), 0x3fe00000, "sffma scale -2");
}

/*
 * Operands of the compiler-generated sequences, read from memory so that
 * nothing is folded at compile time (and never stored by the test: the
 * values are initialised data).
 */
static volatile float fops[] = { 1.0f, 3.0f, 10.0f, 4.0f, 0.0f };
static volatile double dops[] = { 1.5, 2.5, 1.0000000000000002, -3.0,
                                  4.9406564584124654e-324, 0x1p600 };

static void test_division(void)
{
    /* The compiler's inline division (sfrecipa, sffixupn/d, :lib steps,
       :scale with Pe): correctly rounded quotients. */
    union { float f; uint32_t u; } q;

    q.f = fops[0] / fops[1];    /* 1/3 = 0x3eaaaaab (0.0101.. rounded up) */
    tl_check_eq(q.u, 0x3eaaaaab, "1/3");
    q.f = fops[2] / fops[3];    /* 2.5 = 0x40200000 */
    tl_check_eq(q.u, 0x40200000, "10/4");
    q.f = fops[0] / fops[4];    /* +inf */
    tl_check_eq(q.u, FINF, "1/0");
    q.f = fops[1] / fops[2];    /* 0.3 = 0x3e99999a */
    tl_check_eq(q.u, 0x3e99999a, "3/10");
}

static void test_df(void)
{
    union { double d; uint64_t u; } p;

    tl_check_eq(X_RR(uint64_t, "%0 = dfmax(%1,%2)", D1, D2), D2, "dfmax");
    tl_check_eq(X_RR(uint64_t, "%0 = dfmin(%1,%2)", D1, D2), D1, "dfmin");
    tl_check_eq(X_RR(uint64_t, "%0 = dfmax(%1,%2)", DNAN, D1), D1,
                "dfmax NaN");
    tl_check_eq(X_RR(uint64_t, "%0 = dfmin(%1,%2)", DNAN, DNAN),
                0xffffffffffffffffull, "dfmin NaN NaN");
    /* (2^32 - 1)^2 = 0xfffffffe00000001: high word << 1 = 0x1fffffffc,
       low word nonzero: sticky 1 */
    tl_check_eq(X_RR(uint64_t, "%0 = dfmpyll(%1,%2)", 0xffffffffull,
                     0xffffffffull), 0x1fffffffdull, "dfmpyll");
    /* 2 * (0x100000 | 0x12345) << 1 = 0x448d14 */
    tl_check_eq(X_ACC(uint64_t, "%0 += dfmpylh(%1,%2)", 1ull, 2ull,
                      0x0001234500000000ull), 0x448d15ull, "dfmpylh");
    /* subnormal 2^-1074 against 2^600: scaled by 2^52 to 2^-1022 */
    tl_check_eq(X_RR(uint64_t, "%0 = dfmpyfix(%1,%2)", 1ull,
                     0x6570000000000000ull), 0x0010000000000000ull,
                "dfmpyfix");
    /* The compiler's multiply (dfmpyfix, dfmpyll, dfmpylh, dfmpyhh) */
    p.d = dops[0] * dops[1];    /* 1.5 * 2.5 = 3.75 = 0x400e000000000000 */
    tl_check_eq(p.u, 0x400e000000000000ull, "1.5 * 2.5");
    /* (1 + 2^-52)^2 = 1 + 2^-51 + 2^-104 rounds to 1 + 2^-51 */
    p.d = dops[2] * dops[2];
    tl_check_eq(p.u, 0x3ff0000000000002ull, "(1+e)^2");
    /* (1 + 2^-52) * -3 = -(3 + 3 * 2^-52): 3 * 2^-52 is 1.5 ulps of 2
       (ulp 2^-51), a tie, to even: -(3 + 2^-50) */
    p.d = dops[2] * dops[3];
    tl_check_eq(p.u, 0xc008000000000002ull, "(1+e) * -3");
    /* 2^-1074 * 2^600 = 2^-474: exponent 1023 - 474 = 549 = 0x225 */
    p.d = dops[4] * dops[5];
    tl_check_eq(p.u, 0x2250000000000000ull, "2^-1074 * 2^600");
}

static void test_convert(void)
{
    /* 2^64 - 1 to single: 2^64 (0x5f800000), inexact */
    set_usr(0);
    tl_check_eq(X_R(uint32_t, "%0 = convert_ud2sf(%1)", ~0ull), 0x5f800000,
                "convert_ud2sf");
    tl_check_eq(usr_fpflags(), USR_INP, "ud2sf: FPINPF");
    tl_check_eq(X_R(uint32_t, "%0 = convert_d2sf(%1)", (uint64_t)-1),
                0xbf800000, "convert_d2sf");
    /* 2^53 + 1 to double: a tie, to even 2^53 (0x4340000000000000) */
    tl_check_eq(X_R(uint64_t, "%0 = convert_ud2df(%1)", (1ull << 53) + 1),
                0x4340000000000000ull, "convert_ud2df");
    /* -3.5f (0xc0600000): nearest even -4, chopped -3 */
    tl_check_eq(X_R(uint64_t, "%0 = convert_sf2d(%1)", 0xc0600000u),
                (uint64_t)-4, "convert_sf2d");
    tl_check_eq(X_R(uint64_t, "%0 = convert_sf2d(%1):chop", 0xc0600000u),
                (uint64_t)-3, "convert_sf2d:chop");
    /* negative to unsigned: 0, invalid */
    set_usr(0);
    tl_check_eq(X_R(uint64_t, "%0 = convert_sf2ud(%1)", 0xbf800000u), 0,
                "convert_sf2ud -1");
    tl_check_eq(usr_fpflags(), USR_INV, "sf2ud -1: FPINVF");
    /* 2^64 to unsigned: saturates, invalid; NaN: all ones */
    tl_check_eq(X_R(uint64_t, "%0 = convert_sf2ud(%1):chop", 0x5f800000u),
                ~0ull, "convert_sf2ud:chop 2^64");
    tl_check_eq(X_R(uint64_t, "%0 = convert_sf2d(%1)", FNAN), ~0ull,
                "convert_sf2d NaN");
    /* 2.5 (0x4004000000000000) with FPRND = 3 (up): 3 */
    set_usr(3u << 22);
    tl_check_eq(X_R(uint64_t, "%0 = convert_df2ud(%1)",
                    0x4004000000000000ull), 3, "convert_df2ud up");
    tl_check_eq(X_R(uint64_t, "%0 = convert_df2ud(%1):chop",
                    0x4004000000000000ull), 2, "convert_df2ud:chop");
    set_usr(0);
    /* -2.75 (0xc006000000000000) chopped: -2 */
    tl_check_eq(X_R(uint64_t, "%0 = convert_df2d(%1):chop",
                    0xc006000000000000ull), (uint64_t)-2,
                "convert_df2d:chop");
    /* 4294967295.5 (0x41effffffff00000) chopped: 0xffffffff, inexact */
    tl_check_eq(X_R(uint32_t, "%0 = convert_df2uw(%1):chop",
                    0x41effffffff00000ull), 0xffffffff,
                "convert_df2uw:chop");
    tl_check_eq(usr_fpflags(), USR_INP, "df2uw:chop: FPINPF");
    set_usr(0);
}

int main(void)
{
    test_class_make();
    test_recip();
    test_invsqrt();
    test_fma();
    test_scale();
    test_division();
    test_df();
    test_convert();
    return tl_done();
}
