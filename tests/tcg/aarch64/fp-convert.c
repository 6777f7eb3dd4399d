/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * fp-convert: conversions between half, single and double precision
 * (FCVT), to integers with every rounding variant (FCVTNS/NU, PS, MS,
 * ZS/ZU, AS) including saturation, from integers (SCVTF/UCVTF), the
 * fixed-point forms, round to integral (FRINTN/A/P/M/Z/X/I), and the
 * FMOV forms (general <-> FP, the top half V.D[1], immediates).
 *
 * Expected values are IEEE 754 encodings derived by hand in the comments
 * (half: 1 sign, 5 exponent bits biased 15, 10 fraction bits).  The
 * conversion rules are the Arm ARM's (DDI 0487, J1 FPToFixed: NaN gives
 * 0 and IOC, out of range saturates with IOC, inexact sets IXC;
 * FRINT* other than FRINTX raise no IXC; FPSR bits as in fp-arith.c).
 */
#include "testlib.h"

#define IOC 0x01u
#define OFC 0x04u
#define IXC 0x10u

/* One instruction, "insn OUT, IN", with the operand kinds given. */
#define CVT(fn, tout, tin, insn)                                          \
static tout fn(tin a)                                                     \
{                                                                         \
    tout r;                                                               \
    __asm__ volatile(insn : "=r"(r) : "r"(a) : "v0", "v1");               \
    return r;                                                             \
}

CVT(fcvt_sd, uint64_t, uint32_t, "fmov s0, %w1\n\tfcvt d1, s0\n\tfmov %0, d1")
CVT(fcvt_ds, uint32_t, uint64_t, "fmov d0, %1\n\tfcvt s1, d0\n\tfmov %w0, s1")
CVT(fcvt_sh, uint32_t, uint32_t,
    "fmov s0, %w1\n\tfcvt h1, s0\n\tfmov %w0, s1")
CVT(fcvt_hd, uint64_t, uint32_t, "fmov s0, %w1\n\tfcvt d1, h0\n\tfmov %0, d1")
CVT(fcvt_hs, uint32_t, uint32_t,
    "fmov s0, %w1\n\tfcvt s1, h0\n\tfmov %w0, s1")
CVT(fcvtzs_ws, uint32_t, uint32_t, "fmov s0, %w1\n\tfcvtzs %w0, s0")
CVT(fcvtns_ws, uint32_t, uint32_t, "fmov s0, %w1\n\tfcvtns %w0, s0")
CVT(fcvtps_ws, uint32_t, uint32_t, "fmov s0, %w1\n\tfcvtps %w0, s0")
CVT(fcvtms_ws, uint32_t, uint32_t, "fmov s0, %w1\n\tfcvtms %w0, s0")
CVT(fcvtas_ws, uint32_t, uint32_t, "fmov s0, %w1\n\tfcvtas %w0, s0")
CVT(fcvtzu_ws, uint32_t, uint32_t, "fmov s0, %w1\n\tfcvtzu %w0, s0")
CVT(fcvtzs_xs, uint64_t, uint32_t, "fmov s0, %w1\n\tfcvtzs %0, s0")
CVT(fcvtzs_xd, uint64_t, uint64_t, "fmov d0, %1\n\tfcvtzs %0, d0")
CVT(fcvtnu_xd, uint64_t, uint64_t, "fmov d0, %1\n\tfcvtnu %0, d0")
CVT(scvtf_sw, uint32_t, uint32_t, "scvtf s0, %w1\n\tfmov %w0, s0")
CVT(ucvtf_sw, uint32_t, uint32_t, "ucvtf s0, %w1\n\tfmov %w0, s0")
CVT(scvtf_dx, uint64_t, uint64_t, "scvtf d0, %1\n\tfmov %0, d0")
CVT(ucvtf_dx, uint64_t, uint64_t, "ucvtf d0, %1\n\tfmov %0, d0")
CVT(scvtf_sw16, uint32_t, uint32_t, "scvtf s0, %w1, #16\n\tfmov %w0, s0")
CVT(ucvtf_dx64, uint64_t, uint64_t, "ucvtf d0, %1, #64\n\tfmov %0, d0")
CVT(fcvtzs_ws8, uint32_t, uint32_t, "fmov s0, %w1\n\tfcvtzs %w0, s0, #8")
CVT(fcvtzu_xd32, uint64_t, uint64_t, "fmov d0, %1\n\tfcvtzu %0, d0, #32")
CVT(frintn_s, uint32_t, uint32_t, "fmov s0, %w1\n\tfrintn s0, s0\n\t"
    "fmov %w0, s0")
CVT(frinta_s, uint32_t, uint32_t, "fmov s0, %w1\n\tfrinta s0, s0\n\t"
    "fmov %w0, s0")
CVT(frintp_s, uint32_t, uint32_t, "fmov s0, %w1\n\tfrintp s0, s0\n\t"
    "fmov %w0, s0")
CVT(frintm_s, uint32_t, uint32_t, "fmov s0, %w1\n\tfrintm s0, s0\n\t"
    "fmov %w0, s0")
CVT(frintz_s, uint32_t, uint32_t, "fmov s0, %w1\n\tfrintz s0, s0\n\t"
    "fmov %w0, s0")
CVT(frintx_s, uint32_t, uint32_t, "fmov s0, %w1\n\tfrintx s0, s0\n\t"
    "fmov %w0, s0")
CVT(frinti_s, uint32_t, uint32_t, "fmov s0, %w1\n\tfrinti s0, s0\n\t"
    "fmov %w0, s0")
CVT(frintm_d, uint64_t, uint64_t, "fmov d0, %1\n\tfrintm d0, d0\n\t"
    "fmov %0, d0")

static void clear_fpsr(void)
{
    tl_write_sysreg(fpsr, 0);
}

static uint64_t fpsr(void)
{
    return tl_read_sysreg(fpsr);
}

static void test_fcvt(void)
{
    clear_fpsr();
    /* 1.5f 0x3fc00000 -> double 0x3ff8000000000000, exact */
    tl_check_eq(fcvt_sd(0x3fc00000), 0x3ff8000000000000ull, "fcvt s->d");
    tl_check_eq(fpsr(), 0, "widening is exact");
    /* double 1/3 (fraction 0x5555555555555) -> single: 23 bits
       0x2aaaaa, next bit 1 -> round up 0x3eaaaaab, inexact */
    tl_check_eq(fcvt_ds(0x3fd5555555555555ull), 0x3eaaaaab, "fcvt d->s");
    tl_check_eq(fpsr(), IXC, "narrowing 1/3 sets IXC");
    clear_fpsr();
    /* 1e300 = 0x7e37e43c8800759c overflows single: +inf, OFC | IXC */
    tl_check_eq(fcvt_ds(0x7e37e43c8800759cull), 0x7f800000, "d->s overflow");
    tl_check_eq(fpsr(), OFC | IXC, "overflow flags");
    clear_fpsr();
    /* 1.0f -> half 0x3c00 (exponent 15); 1/3f 0x3eaaaaab -> half:
       exponent 13, fraction 0101010101 then 0: 0x3555 */
    tl_check_eq(fcvt_sh(0x3f800000), 0x3c00, "fcvt s->h 1.0");
    tl_check_eq(fcvt_sh(0x3eaaaaab), 0x3555, "fcvt s->h 1/3");
    /* half -2.0 0xc000 -> double 0xc000000000000000 */
    tl_check_eq(fcvt_hd(0xc000), 0xc000000000000000ull, "fcvt h->d");
    /* half 0x0001 = 2^-24 -> single exponent 103 = 0x67: 0x33800000 */
    tl_check_eq(fcvt_hs(0x0001), 0x33800000, "fcvt h->s denormal");
    /* 65536.0f (0x47800000) is above the half maximum 65504: +inf */
    clear_fpsr();
    tl_check_eq(fcvt_sh(0x47800000), 0x7c00, "fcvt s->h overflow");
    tl_check_eq(fpsr(), OFC | IXC, "half overflow flags");
}

/* -2.5f 0xc0200000, 2.5f 0x40200000, 3.5f 0x40600000 */
static void test_to_int(void)
{
    tl_check_eq(fcvtzs_ws(0xc0200000), (uint32_t)-2, "fcvtzs -2.5");
    tl_check_eq(fcvtms_ws(0xc0200000), (uint32_t)-3, "fcvtms -2.5");
    tl_check_eq(fcvtps_ws(0xc0200000), (uint32_t)-2, "fcvtps -2.5");
    tl_check_eq(fcvtns_ws(0xc0200000), (uint32_t)-2, "fcvtns -2.5 even");
    tl_check_eq(fcvtas_ws(0xc0200000), (uint32_t)-3, "fcvtas -2.5 away");
    tl_check_eq(fcvtns_ws(0x40200000), 2, "fcvtns 2.5");
    tl_check_eq(fcvtns_ws(0x40600000), 4, "fcvtns 3.5");
    tl_check_eq(fcvtas_ws(0x40200000), 3, "fcvtas 2.5");
    clear_fpsr();
    tl_check_eq(fcvtzs_ws(0x40000000), 2, "fcvtzs 2.0 exact");
    tl_check_eq(fpsr(), 0, "exact conversion raises nothing");
    tl_check_eq(fcvtzs_ws(0x40200000), 2, "fcvtzs 2.5");
    tl_check_eq(fpsr(), IXC, "inexact conversion sets IXC");
    clear_fpsr();
    tl_check_eq(fcvtzu_ws(0xbf800000), 0, "fcvtzu -1 saturates to 0");
    tl_check_eq(fpsr(), IOC, "fcvtzu -1 sets IOC");
    clear_fpsr();
    /* 3e9 = 11718750 * 2^8: 0x4f32d05e; W saturates to 0x7fffffff */
    tl_check_eq(fcvtzs_ws(0x4f32d05e), 0x7fffffff, "fcvtzs 3e9 W sat");
    tl_check_eq(fcvtzs_xs(0x4f32d05e), 3000000000ull, "fcvtzs 3e9 X");
    tl_check_eq(fcvtzs_ws(0x7fc00000), 0, "fcvtzs NaN = 0");
    /* -1e300 = 0xfe37e43c8800759c: INT64_MIN */
    tl_check_eq(fcvtzs_xd(0xfe37e43c8800759cull), 0x8000000000000000ull,
                "fcvtzs -1e300 X sat");
    tl_check_eq(fpsr(), IOC, "saturations set IOC");
    /* 2^64 - 0.5 is not representable; 1.5 * 2^63 = 0x43e8000000000000
       fits an unsigned X: 0xc000000000000000 */
    tl_check_eq(fcvtnu_xd(0x43e8000000000000ull), 0xc000000000000000ull,
                "fcvtnu 1.5*2^63");
}

static void test_from_int(void)
{
    clear_fpsr();
    tl_check_eq(scvtf_sw(0xffffffff), 0xbf800000, "scvtf -1");
    tl_check_eq(fpsr(), 0, "exact scvtf");
    /* 2^32 - 1 rounds to 2^32: exponent 159 = 0x9f -> 0x4f800000 */
    tl_check_eq(ucvtf_sw(0xffffffff), 0x4f800000, "ucvtf 2^32-1");
    tl_check_eq(fpsr(), IXC, "ucvtf inexact");
    /* -2^63: exponent 1023 + 63 = 0x43e, sign: 0xc3e0000000000000 */
    tl_check_eq(scvtf_dx(0x8000000000000000ull), 0xc3e0000000000000ull,
                "scvtf INT64_MIN");
    /* 2^64 - 1 -> 2^64: exponent 0x43f */
    tl_check_eq(ucvtf_dx(~0ull), 0x43f0000000000000ull, "ucvtf 2^64-1");
}

static void test_fixed(void)
{
    /* 0x18000 / 2^16 = 1.5 */
    tl_check_eq(scvtf_sw16(0x00018000), 0x3fc00000, "scvtf #16");
    /* 2^63 / 2^64 = 0.5 = 0x3fe0000000000000 */
    tl_check_eq(ucvtf_dx64(0x8000000000000000ull), 0x3fe0000000000000ull,
                "ucvtf #64");
    /* 1.5 * 2^8 = 384 */
    tl_check_eq(fcvtzs_ws8(0x3fc00000), 384, "fcvtzs #8");
    /* 0.25 (0x3fd0000000000000) * 2^32 = 0x40000000 */
    tl_check_eq(fcvtzu_xd32(0x3fd0000000000000ull), 0x40000000,
                "fcvtzu #32");
}

/* 2.5f 0x40200000, 2.1f 0x40066666, -2.1f 0xc0066666, -2.9f 0xc039999a,
   -0.4f 0xbecccccd; results 2.0 0x40000000, 3.0 0x40400000 */
static void test_frint(void)
{
    clear_fpsr();
    tl_check_eq(frintn_s(0x40200000), 0x40000000, "frintn 2.5 = 2");
    tl_check_eq(frinta_s(0x40200000), 0x40400000, "frinta 2.5 = 3");
    tl_check_eq(frintp_s(0x40066666), 0x40400000, "frintp 2.1 = 3");
    tl_check_eq(frintm_s(0xc0066666), 0xc0400000, "frintm -2.1 = -3");
    tl_check_eq(frintz_s(0xc039999a), 0xc0000000, "frintz -2.9 = -2");
    tl_check_eq(frintn_s(0xbecccccd), 0x80000000, "frintn -0.4 = -0");
    tl_check_eq(fpsr(), 0, "frint* (not X) raise no IXC");
    tl_check_eq(frintx_s(0x40200000), 0x40000000, "frintx 2.5 = 2");
    tl_check_eq(fpsr(), IXC, "frintx sets IXC");
    tl_write_sysreg(fpcr, 1u << 22);            /* RP */
    tl_check_eq(frinti_s(0x40200000), 0x40400000, "frinti RP 2.5 = 3");
    tl_write_sysreg(fpcr, 0);
    /* -0.5 double 0xbfe0000000000000 -> -1.0 0xbff0000000000000 */
    tl_check_eq(frintm_d(0xbfe0000000000000ull), 0xbff0000000000000ull,
                "frintm -0.5 = -1");
}

static void test_fmov(void)
{
    uint64_t lo, hi, d;

    /* FMOV Sd, Wn clears bits 127:32 of the register */
    __asm__ volatile("movi v0.2d, #-1\n\tfmov s0, %w2\n\t"
                     "fmov %0, d0\n\tmov %1, v0.d[1]"
                     : "=r"(lo), "=r"(hi) : "r"(0x12345678u) : "v0");
    tl_check_eq(lo, 0x12345678, "fmov s, w zero-extends");
    tl_check_eq(hi, 0, "fmov s, w clears the top half");
    /* FMOV Vd.D[1], Xn writes only the top half */
    __asm__ volatile("fmov d0, %2\n\tfmov v0.d[1], %3\n\t"
                     "fmov %0, d0\n\tfmov %1, v0.d[1]"
                     : "=r"(lo), "=r"(hi) : "r"(0x1111ull), "r"(0x2222ull)
                     : "v0");
    tl_check_eq(lo, 0x1111, "fmov v.d[1]: low kept");
    tl_check_eq(hi, 0x2222, "fmov v.d[1]: high written");
    /* -1.25 = -(1 + 1/4): 0xbff4000000000000; 31.0 = 1.9375 * 2^4:
       0x41f80000 */
    __asm__ volatile("fmov d0, #-1.25\n\tfmov %0, d0" : "=r"(d) :: "v0");
    tl_check_eq(d, 0xbff4000000000000ull, "fmov d, #-1.25");
    __asm__ volatile("fmov s0, #31.0\n\tfmov %0, d0" : "=r"(d) :: "v0");
    tl_check_eq(d, 0x41f80000, "fmov s, #31.0");
}

static __attribute__((noinline)) int run(void)
{
    test_fcvt();
    test_to_int();
    test_from_int();
    test_fixed();
    test_frint();
    test_fmov();
    return tl_done();
}

int main(void)
{
    tl_write_sysreg(cpacr_el1, tl_read_sysreg(cpacr_el1) | 3ull << 20);
    tl_isb();
    return run();
}
