/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * fp-arith: scalar floating-point arithmetic in single and double
 * precision (FADD, FSUB, FMUL, FDIV, FNMUL, FMAX, FMIN, FMAXNM, FMINNM,
 * FABS, FNEG, FSQRT, FMADD, FMSUB, FNMADD, FNMSUB) on bit patterns, with
 * the FPCR rounding modes, default NaN and flush-to-zero, the NaN
 * propagation rules and the FPSR cumulative flags.
 *
 * Every operation runs in inline asm on values moved through general
 * registers, so the compiler folds nothing.  Expected values are IEEE 754
 * encodings derived by hand (comments), with the Arm rules of DDI 0487
 * J1 (FPProcessNaNs: the first signalling NaN, quieted, else the first
 * quiet NaN; default NaN 0x7fc00000 / 0x7ff8000000000000; FPRoundBase:
 * with FPCR.FZ a tiny result is +-0 and raises only UFC; FPUnpack: with
 * FZ a denormal input reads as zero and raises IDC).  FPSR flags: IOC
 * bit 0, DZC 1, OFC 2, UFC 3, IXC 4, IDC 7 (D17.2.55); FPCR: RMode
 * 23:22 (01 RP, 10 RM, 11 RZ), FZ 24, DN 25 (D17.2.52).
 */
#include "testlib.h"

#define IOC 0x01u
#define DZC 0x02u
#define UFC 0x08u
#define IXC 0x10u
#define IDC 0x80u

#define FPCR_RP (1u << 22)
#define FPCR_RM (2u << 22)
#define FPCR_RZ (3u << 22)
#define FPCR_FZ (1u << 24)
#define FPCR_DN (1u << 25)

/* Two-operand single/double ops: result bits from operand bits. */
#define OP2S(fn, insn)                                                   \
static uint32_t fn(uint32_t a, uint32_t b)                               \
{                                                                        \
    uint32_t r;                                                          \
    __asm__ volatile("fmov s0, %w1\n\tfmov s1, %w2\n\t"                  \
                     insn " s0, s0, s1\n\tfmov %w0, s0"                  \
                     : "=r"(r) : "r"(a), "r"(b) : "v0", "v1");           \
    return r;                                                            \
}
#define OP2D(fn, insn)                                                   \
static uint64_t fn(uint64_t a, uint64_t b)                               \
{                                                                        \
    uint64_t r;                                                          \
    __asm__ volatile("fmov d0, %1\n\tfmov d1, %2\n\t"                    \
                     insn " d0, d0, d1\n\tfmov %0, d0"                   \
                     : "=r"(r) : "r"(a), "r"(b) : "v0", "v1");           \
    return r;                                                            \
}
#define OP1S(fn, insn)                                                   \
static uint32_t fn(uint32_t a)                                           \
{                                                                        \
    uint32_t r;                                                          \
    __asm__ volatile("fmov s0, %w1\n\t" insn " s0, s0\n\tfmov %w0, s0"   \
                     : "=r"(r) : "r"(a) : "v0");                         \
    return r;                                                            \
}
#define OP1D(fn, insn)                                                   \
static uint64_t fn(uint64_t a)                                           \
{                                                                        \
    uint64_t r;                                                          \
    __asm__ volatile("fmov d0, %1\n\t" insn " d0, d0\n\tfmov %0, d0"     \
                     : "=r"(r) : "r"(a) : "v0");                         \
    return r;                                                            \
}
#define OP3D(fn, insn)                                                   \
static uint64_t fn(uint64_t n, uint64_t m, uint64_t a)                   \
{                                                                        \
    uint64_t r;                                                          \
    __asm__ volatile("fmov d0, %1\n\tfmov d1, %2\n\tfmov d2, %3\n\t"     \
                     insn " d0, d0, d1, d2\n\tfmov %0, d0"               \
                     : "=r"(r) : "r"(n), "r"(m), "r"(a)                  \
                     : "v0", "v1", "v2");                                \
    return r;                                                            \
}

OP2S(fadd_s, "fadd")
OP2S(fsub_s, "fsub")
OP2S(fmul_s, "fmul")
OP2S(fdiv_s, "fdiv")
OP2S(fnmul_s, "fnmul")
OP2S(fmax_s, "fmax")
OP2S(fmin_s, "fmin")
OP2S(fmaxnm_s, "fmaxnm")
OP2S(fminnm_s, "fminnm")
OP1S(fabs_s, "fabs")
OP1S(fneg_s, "fneg")
OP1S(fsqrt_s, "fsqrt")
OP2D(fadd_d, "fadd")
OP2D(fdiv_d, "fdiv")
OP2D(fmul_d, "fmul")
OP1D(fsqrt_d, "fsqrt")
OP3D(fmadd_d, "fmadd")
OP3D(fmsub_d, "fmsub")
OP3D(fnmadd_d, "fnmadd")
OP3D(fnmsub_d, "fnmsub")

static void fp_enable(void)
{
    tl_write_sysreg(cpacr_el1, tl_read_sysreg(cpacr_el1) | 3ull << 20);
    tl_isb();
}

static void clear_fpsr(void)
{
    tl_write_sysreg(fpsr, 0);
}

static uint64_t fpsr(void)
{
    return tl_read_sysreg(fpsr);
}

static void set_fpcr(uint64_t v)
{
    tl_write_sysreg(fpcr, v);
}

/* 1.0f 0x3f800000, 2.0f 0x40000000, 3.0f 0x40400000, 1.5f 0x3fc00000 */
static void test_single(void)
{
    clear_fpsr();
    tl_check_eq(fadd_s(0x3f800000, 0x40000000), 0x40400000, "1+2=3");
    tl_check_eq(fsub_s(0x3f800000, 0x40000000), 0xbf800000, "1-2=-1");
    tl_check_eq(fmul_s(0x3fc00000, 0x40000000), 0x40400000, "1.5*2=3");
    tl_check_eq(fnmul_s(0x3fc00000, 0x40000000), 0xc0400000, "fnmul=-3");
    /* 4.0f 0x40800000: sqrt exact 2.0 */
    tl_check_eq(fsqrt_s(0x40800000), 0x40000000, "sqrt 4 = 2");
    tl_check_eq(fpsr(), 0, "exact ops raise nothing");
    /* 1/3 = 1.0101..b * 2^-2: exp 0x7d, fraction 0x2aaaaa then 1 0 1 ...
       so round to nearest goes up: 0x3eaaaaab, inexact */
    tl_check_eq(fdiv_s(0x3f800000, 0x40400000), 0x3eaaaaab, "1/3 RN");
    tl_check_eq(fpsr(), IXC, "1/3 sets IXC only");
    clear_fpsr();
    tl_check_eq(fdiv_s(0x3f800000, 0), 0x7f800000, "1/0 = +inf");
    tl_check_eq(fpsr(), DZC, "1/0 sets DZC");
    clear_fpsr();
    tl_check_eq(fdiv_s(0, 0), 0x7fc00000, "0/0 = default NaN");
    tl_check_eq(fpsr(), IOC, "0/0 sets IOC");
    clear_fpsr();
    tl_check_eq(fsqrt_s(0xbf800000), 0x7fc00000, "sqrt(-1) = default NaN");
    tl_check_eq(fpsr(), IOC, "sqrt(-1) sets IOC");
    clear_fpsr();
    /* abs/neg are bit operations, also on NaNs, no flags */
    tl_check_eq(fabs_s(0x80000000), 0, "fabs(-0) = +0");
    tl_check_eq(fneg_s(0x7fc00000), 0xffc00000, "fneg(NaN) flips sign");
    tl_check_eq(fneg_s(0x7f800001), 0xff800001, "fneg(sNaN) stays sNaN");
    tl_check_eq(fpsr(), 0, "fabs/fneg raise nothing");
}

static void test_minmax(void)
{
    clear_fpsr();
    tl_check_eq(fmax_s(0, 0x80000000), 0, "fmax(+0,-0) = +0");
    tl_check_eq(fmin_s(0, 0x80000000), 0x80000000, "fmin(+0,-0) = -0");
    tl_check_eq(fmax_s(0x3f800000, 0x40000000), 0x40000000, "fmax(1,2)");
    tl_check_eq(fmin_s(0x3f800000, 0x40000000), 0x3f800000, "fmin(1,2)");
    /* FMAX with a quiet NaN returns the NaN; FMAXNM the number */
    tl_check_eq(fmax_s(0x3f800000, 0x7fc00001), 0x7fc00001, "fmax(1,qNaN)");
    tl_check_eq(fmaxnm_s(0x3f800000, 0x7fc00001), 0x3f800000,
                "fmaxnm(1,qNaN) = 1");
    tl_check_eq(fminnm_s(0x7fc00001, 0x40000000), 0x40000000,
                "fminnm(qNaN,2) = 2");
    tl_check_eq(fpsr(), 0, "quiet NaNs in min/max raise nothing");
    /* a signalling NaN makes even FMAXNM return the quieted NaN, IOC */
    tl_check_eq(fmaxnm_s(0x3f800000, 0x7f800001), 0x7fc00001,
                "fmaxnm(1,sNaN) = qNaN");
    tl_check_eq(fpsr(), IOC, "sNaN in fmaxnm sets IOC");
}

static void test_nan_rules(void)
{
    clear_fpsr();
    /* two quiet NaNs: the first operand's */
    tl_check_eq(fadd_s(0x7fc00003, 0x7fc00004), 0x7fc00003, "qNaN, qNaN");
    tl_check_eq(fpsr(), 0, "quiet NaNs raise nothing");
    /* a signalling NaN wins over a quiet one in either position */
    tl_check_eq(fadd_s(0x7fc00002, 0x7f800001), 0x7fc00001, "qNaN, sNaN");
    tl_check_eq(fadd_s(0x7f800001, 0x7fc00002), 0x7fc00001, "sNaN, qNaN");
    tl_check_eq(fpsr(), IOC, "sNaN sets IOC");
    /* FPCR.DN: every NaN result is the default NaN */
    set_fpcr(FPCR_DN);
    tl_check_eq(fadd_s(0x7fc00003, 0x3f800000), 0x7fc00000, "DN: qNaN+1");
    tl_check_eq(fadd_d(0xfff8000000000005ull, 0), 0x7ff8000000000000ull,
                "DN: double default NaN");
    set_fpcr(0);
}

/* 1/3 in the four rounding modes; -1/3 rounds the other way */
static void test_rounding(void)
{
    set_fpcr(FPCR_RP);
    tl_check_eq(fdiv_s(0x3f800000, 0x40400000), 0x3eaaaaab, "1/3 RP");
    tl_check_eq(fdiv_s(0xbf800000, 0x40400000), 0xbeaaaaaa, "-1/3 RP");
    /* double 1/3: fraction 0x5555555555555 then 0 1 0 1 ...: RN down */
    tl_check_eq(fdiv_d(0x3ff0000000000000ull, 0x4008000000000000ull),
                0x3fd5555555555556ull, "1/3 double RP");
    set_fpcr(FPCR_RM);
    tl_check_eq(fdiv_s(0x3f800000, 0x40400000), 0x3eaaaaaa, "1/3 RM");
    tl_check_eq(fdiv_s(0xbf800000, 0x40400000), 0xbeaaaaab, "-1/3 RM");
    set_fpcr(FPCR_RZ);
    tl_check_eq(fdiv_s(0x3f800000, 0x40400000), 0x3eaaaaaa, "1/3 RZ");
    tl_check_eq(fdiv_s(0xbf800000, 0x40400000), 0xbeaaaaaa, "-1/3 RZ");
    set_fpcr(0);
    tl_check_eq(fdiv_d(0x3ff0000000000000ull, 0x4008000000000000ull),
                0x3fd5555555555555ull, "1/3 double RN");
}

/* Denormals: 0x00000001 is 2^-149, 0x00800000 the smallest normal. */
static void test_flush(void)
{
    clear_fpsr();
    tl_check_eq(fmul_s(0x00000001, 0x40000000), 0x00000002,
                "denormal * 2 exact");
    /* 2^-126 * 0.5 = 2^-127 = 0x00400000, exact: no underflow flag */
    tl_check_eq(fmul_s(0x00800000, 0x3f000000), 0x00400000,
                "2^-126 * 0.5 denormal result");
    tl_check_eq(fpsr(), 0, "exact denormal results raise nothing");
    set_fpcr(FPCR_FZ);
    clear_fpsr();
    tl_check_eq(fmul_s(0x00000001, 0x40000000), 0, "FZ: denormal in = 0");
    tl_check_eq(fpsr(), IDC, "FZ: denormal input sets IDC");
    clear_fpsr();
    tl_check_eq(fmul_s(0x80800000, 0x3f000000), 0x80000000,
                "FZ: tiny result flushed to -0");
    tl_check_eq(fpsr(), UFC, "FZ: flushed result sets UFC only");
    set_fpcr(0);
    clear_fpsr();
}

static void test_fused(void)
{
    /* 2*3 + 1 = 7 (0x401c..), 1 - 6 = -5 (0xc014..), -1 - 6 = -7,
       -1 + 6 = 5 (0x4014..) */
    const uint64_t two = 0x4000000000000000ull, three = 0x4008000000000000ull;
    const uint64_t one = 0x3ff0000000000000ull;

    tl_check_eq(fmadd_d(two, three, one), 0x401c000000000000ull, "fmadd");
    tl_check_eq(fmsub_d(two, three, one), 0xc014000000000000ull, "fmsub");
    tl_check_eq(fnmadd_d(two, three, one), 0xc01c000000000000ull, "fnmadd");
    tl_check_eq(fnmsub_d(two, three, one), 0x4014000000000000ull, "fnmsub");
    /* (1 + 2^-30)^2 - (1 + 2^-29) = 2^-60 exactly when fused (a separate
       multiply would round 2^-60 away); 1 + 2^-30 has fraction bit 22
       (0x400000); 2^-60: exponent 1023 - 60 = 963 = 0x3c3 */
    tl_check_eq(fmadd_d(0x3ff0000000400000ull, 0x3ff0000000400000ull,
                        0xbff0000000800000ull),
                0x3c30000000000000ull, "fmadd is fused");
    /* sqrt(2) = 0x3ff6a09e667f3bcd (correctly rounded) */
    tl_check_eq(fsqrt_d(two), 0x3ff6a09e667f3bcdull, "sqrt(2) double");
    tl_check_eq(fmul_d(0x7ff0000000000000ull, 0), 0x7ff8000000000000ull,
                "inf * 0 = default NaN");
}

static __attribute__((noinline)) int run(void)
{
    test_single();
    test_minmax();
    test_nan_rules();
    test_rounding();
    test_flush();
    test_fused();
    return tl_done();
}

int main(void)
{
    fp_enable();
    return run();
}
