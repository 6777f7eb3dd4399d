/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * simd-fp: Advanced SIMD floating point on single and double lanes:
 * FADD, FMUL, FDIV, FMLA, FMLS, FADDP, FMAXP, FMINNM, FCMEQ, FCMGT,
 * FACGE, FABD (vector and scalar), FABS, FNEG, FSQRT, FRINTN, FCVTZS,
 * SCVTF, UCVTF, FCMLT/FCMGE #0 (vector and scalar), with the 64-bit
 * forms clearing the high half and the FPSR flags of the lanes.
 *
 * Expected values are IEEE 754 encodings derived by hand (comments):
 * 0.5f 0x3f000000, 1.0f 0x3f800000, 1.5f 0x3fc00000, 2.0f 0x40000000,
 * 2.5f 0x40200000, 3.0f 0x40400000, 3.5f 0x40600000, 4.0f 0x40800000,
 * 4.5f 0x40900000, 7.0f 0x40e00000.  Lane rules as for the scalar
 * instructions (DDI 0487, C7.2; FPCompareEQ is quiet, FPCompareGT/GE
 * signal on any NaN).
 */
#include "testlib.h"

typedef struct V {
    uint64_t d[2];
} V;

#define S2(hi, lo) ((uint64_t)(hi) << 32 | (lo))

#define T3(fn, insn)                                                      \
static V fn(V a, V b, V d)                                                \
{                                                                         \
    V r;                                                                  \
    __asm__ volatile("ldr q0, [%1]\n\tldr q1, [%2]\n\tldr q2, [%3]\n\t"   \
                     insn "\n\tstr q0, [%0]"                              \
                     :: "r"(&r), "r"(&d), "r"(&a), "r"(&b)                \
                     : "v0", "v1", "v2", "memory");                       \
    return r;                                                             \
}

static void check_v(V got, uint64_t lo, uint64_t hi, const char *name)
{
    tl_check_eq(got.d[0], lo, name);
    tl_check_eq(got.d[1], hi, name);
}

T3(fadd_4s, "fadd v0.4s, v1.4s, v2.4s")
T3(fmul_2d, "fmul v0.2d, v1.2d, v2.2d")
T3(fdiv_2s, "fdiv v0.2s, v1.2s, v2.2s")
T3(fmla_4s, "fmla v0.4s, v1.4s, v2.4s")
T3(fmls_4s, "fmls v0.4s, v1.4s, v2.4s")
T3(faddp_4s, "faddp v0.4s, v1.4s, v2.4s")
T3(fmaxp_4s, "fmaxp v0.4s, v1.4s, v2.4s")
T3(fminnm_4s, "fminnm v0.4s, v1.4s, v2.4s")
T3(fcmeq_4s, "fcmeq v0.4s, v1.4s, v2.4s")
T3(fcmgt_2d, "fcmgt v0.2d, v1.2d, v2.2d")
T3(facge_s, "facge s0, s1, s2")
T3(fabd_4s, "fabd v0.4s, v1.4s, v2.4s")
T3(fabs_4s, "fabs v0.4s, v1.4s")
T3(fneg_2s, "fneg v0.2s, v1.2s")
T3(fsqrt_2d, "fsqrt v0.2d, v1.2d")
T3(frintn_4s, "frintn v0.4s, v1.4s")
T3(fcvtzs_4s, "fcvtzs v0.4s, v1.4s")
T3(fcvtzs_d, "fcvtzs d0, d1")
T3(scvtf_2d, "scvtf v0.2d, v1.2d")
T3(ucvtf_4s, "ucvtf v0.4s, v1.4s")
T3(fcmlt0_4s, "fcmlt v0.4s, v1.4s, #0.0")
T3(fcmge0_s, "fcmge s0, s1, #0.0")

static const V ONE234 = { { S2(0x40000000, 0x3f800000),
                            S2(0x40800000, 0x40400000) } };
static const V HALF4 = { { S2(0x3f000000, 0x3f000000),
                           S2(0x3f000000, 0x3f000000) } };
static const V ONES = { { ~0ull, ~0ull } };
static const V Z = { { 0, 0 } };

static void test_arith(void)
{
    const V ones_f = { { S2(0x3f800000, 0x3f800000),
                         S2(0x3f800000, 0x3f800000) } };
    const V d23 = { { 0x4000000000000000ull, 0x4008000000000000ull } };
    const V d3h = { { 0x4008000000000000ull, 0xbfe0000000000000ull } };
    const V div_n = { { S2(0x40000000, 0x3f800000), 0 } };
    const V div_m = { { S2(0x40800000, 0x40400000), 0 } };

    /* {1,2,3,4} + 0.5 = {1.5, 2.5, 3.5, 4.5} */
    check_v(fadd_4s(ONE234, HALF4, Z), S2(0x40200000, 0x3fc00000),
            S2(0x40900000, 0x40600000), "fadd .4s");
    /* {2, 3} * {3, -0.5} = {6 (0x4018..), -1.5 (0xbff8..)} */
    check_v(fmul_2d(d23, d3h, Z), 0x4018000000000000ull,
            0xbff8000000000000ull, "fmul .2d");
    /* {1, 2} / {3, 4} = {0x3eaaaaab, 0.5}; 64-bit form clears bits 127:64 */
    tl_write_sysreg(fpsr, 0);
    check_v(fdiv_2s(div_n, div_m, ONES), S2(0x3f000000, 0x3eaaaaab), 0,
            "fdiv .2s");
    tl_check_eq(tl_read_sysreg(fpsr), 0x10, "fdiv .2s: IXC from lane 0");
    /* 1 + {1,2,3,4} * 0.5 = {1.5, 2, 2.5, 3} */
    check_v(fmla_4s(ONE234, HALF4, ones_f), S2(0x40000000, 0x3fc00000),
            S2(0x40400000, 0x40200000), "fmla .4s");
    /* 1 - {1,2,3,4} * 0.5 = {0.5, 0, -0.5, -1} */
    check_v(fmls_4s(ONE234, HALF4, ones_f), S2(0x00000000, 0x3f000000),
            S2(0xbf800000, 0xbf000000), "fmls .4s");
    /* pairs of {1,2,3,4} then of {0.5 x 4}: {3, 7, 1, 1} */
    check_v(faddp_4s(ONE234, HALF4, Z), S2(0x40e00000, 0x40400000),
            S2(0x3f800000, 0x3f800000), "faddp .4s");
    check_v(fmaxp_4s(ONE234, HALF4, Z), S2(0x40800000, 0x40000000),
            S2(0x3f000000, 0x3f000000), "fmaxp .4s");
}

static void test_cmp(void)
{
    const V n = { { S2(0x40000000, 0x3f800000), S2(0x7fc00000, 0x40400000) } };
    const V m = { { S2(0x00000000, 0x3f800000), S2(0x7fc00000, 0x40400000) } };
    const V d23 = { { 0x4000000000000000ull, 0x4008000000000000ull } };
    const V d3h = { { 0x4008000000000000ull, 0xbfe0000000000000ull } };
    const V fours = { { S2(0x40800000, 0x40800000),
                        S2(0x40800000, 0x40800000) } };
    const V m2 = { { 0xc0000000, 0 } }, p1 = { { 0x3f800000, 0 } };

    tl_write_sysreg(fpsr, 0);
    /* {1,2,3,qNaN} == {1,0,3,qNaN}: lanes 0 and 2; quiet: no IOC */
    check_v(fcmeq_4s(n, m, Z), 0xffffffffull, 0xffffffffull, "fcmeq .4s");
    tl_check_eq(tl_read_sysreg(fpsr), 0, "fcmeq with qNaN: no IOC");
    check_v(fcmgt_2d(d23, d3h, Z), 0, ~0ull, "fcmgt .2d");
    /* |-2| >= |1|: scalar, rest cleared */
    check_v(facge_s(m2, p1, ONES), 0xffffffffull, 0, "facge s");
    /* |{1,2,3,4} - 4| = {3, 2, 1, 0} */
    check_v(fabd_4s(ONE234, fours, Z), S2(0x40000000, 0x40400000),
            S2(0x00000000, 0x3f800000), "fabd .4s");
    /* fminnm with a quiet NaN lane takes the number: lane 3 = 0.5 */
    check_v(fminnm_4s(n, HALF4, Z), S2(0x3f000000, 0x3f000000),
            S2(0x3f000000, 0x3f000000), "fminnm .4s");
}

static void test_misc(void)
{
    const V neg = { { S2(0x80000000, 0xbf800000),
                      S2(0x7fc00000, 0x3f800000) } };
    const V sq = { { 0x4010000000000000ull, 0x4022000000000000ull } };
    const V rn = { { S2(0x40600000, 0x40200000), S2(0x3ecccccd, 0xc0200000) } };
    const V cv = { { S2(0xc0200000, 0x40200000), S2(0x7fc00000, 0x4f32d05e) } };
    const V ints = { { ~0ull, 0x0020000000000001ull } };
    const V u32 = { { S2(1, 0xffffffff), S2(3, 2) } };
    const V m35 = { { 0xc00c000000000000ull, 0 } };

    /* fabs: {-1, -0, 1, qNaN} -> {1, 0, 1, qNaN} */
    check_v(fabs_4s(neg, Z, Z), S2(0, 0x3f800000), S2(0x7fc00000, 0x3f800000),
            "fabs .4s");
    check_v(fneg_2s(neg, Z, ONES), S2(0x00000000, 0x3f800000), 0,
            "fneg .2s");
    /* sqrt {4, 9} = {2, 3} */
    check_v(fsqrt_2d(sq, Z, Z), 0x4000000000000000ull, 0x4008000000000000ull,
            "fsqrt .2d");
    /* frintn {2.5, 3.5, -2.5, 0.4} = {2, 4, -2, 0} */
    check_v(frintn_4s(rn, Z, Z), S2(0x40800000, 0x40000000),
            S2(0x00000000, 0xc0000000), "frintn .4s");
    /* fcvtzs {2.5, -2.5, 3e9, NaN} = {2, -2, 0x7fffffff, 0}, IOC */
    tl_write_sysreg(fpsr, 0);
    check_v(fcvtzs_4s(cv, Z, Z), S2(0xfffffffe, 2), S2(0, 0x7fffffff),
            "fcvtzs .4s");
    tl_check_eq(tl_read_sysreg(fpsr), 0x11, "fcvtzs .4s: IOC | IXC");
    /* fcvtzs d of -3.5 (0xc00c000000000000) = -3 */
    check_v(fcvtzs_d(m35, Z, ONES), (uint64_t)-3, 0, "fcvtzs d");
    /* scvtf {-1, 2^53 + 1} = {-1.0, 2^53 (0x4340000000000000)} */
    check_v(scvtf_2d(ints, Z, Z), 0xbff0000000000000ull,
            0x4340000000000000ull, "scvtf .2d");
    /* ucvtf {2^32-1, 1, 2, 3} = {2^32 (0x4f800000), 1, 2, 3} */
    check_v(ucvtf_4s(u32, Z, Z), S2(0x3f800000, 0x4f800000),
            S2(0x40400000, 0x40000000), "ucvtf .4s");
    /* fcmlt #0: {-1, -0, 1, NaN} -> {ones, 0, 0, 0} */
    check_v(fcmlt0_4s(neg, Z, Z), 0xffffffffull, 0, "fcmlt #0 .4s");
    check_v(fcmge0_s(neg, Z, ONES), 0, 0, "fcmge #0 s (-1)");
}

/* --- FP across lanes (found missing by the fpdiff differential test) -- */

T3(fmaxv_4s, "fmaxv s0, v1.4s")
T3(fminv_4s, "fminv s0, v1.4s")
T3(fmaxnmv_4s, "fmaxnmv s0, v1.4s")
T3(fminnmv_4s, "fminnmv s0, v1.4s")

static void test_across(void)
{
    /* {qNaN 0x7fc00001, 2.0, 3.0, 1.0} */
    const V qn = { { S2(0x40000000, 0x7fc00001), S2(0x3f800000, 0x40400000) } };
    /* {1.0, qNaN 0x7fc0000a, sNaN 0x7f80000b, 2.0} */
    const V two_nans = { { S2(0x7fc0000a, 0x3f800000),
                           S2(0x40000000, 0x7f80000b) } };

    /* {1, 2, 3, 4}: max 4.0, min 1.0; the rest of V0 is cleared */
    check_v(fmaxv_4s(ONE234, Z, ONES), 0x40800000, 0, "fmaxv .4s");
    check_v(fminv_4s(ONE234, Z, ONES), 0x3f800000, 0, "fminv .4s");
    /* maxNum ignores the quiet NaN: max(max(NaN, 2), max(3, 1)) = 3.0 */
    check_v(fmaxnmv_4s(qn, Z, ONES), 0x40400000, 0, "fmaxnmv .4s NaN");
    check_v(fminnmv_4s(qn, Z, ONES), 0x3f800000, 0, "fminnmv .4s NaN");
    /* Reduce() pairs the halves: min(min(1, qA), min(sB, 2)) =
       min(qA, quiet(sB) 0x7fc0000b) = qA (both quiet now: the first),
       with IOC from sB; a left-to-right fold would return 0x7fc0000b */
    tl_write_sysreg(fpsr, 0);
    check_v(fminv_4s(two_nans, Z, ONES), 0x7fc0000a, 0, "fminv .4s order");
    tl_check_eq(tl_read_sysreg(fpsr), 1, "fminv .4s sNaN sets IOC");
    tl_write_sysreg(fpsr, 0);
}

static __attribute__((noinline)) int run(void)
{
    test_arith();
    test_across();
    test_cmp();
    test_misc();
    return tl_done();
}

int main(void)
{
    tl_write_sysreg(cpacr_el1, tl_read_sysreg(cpacr_el1) | 3ull << 20);
    tl_isb();
    return run();
}
