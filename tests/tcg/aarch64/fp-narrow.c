/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * fp-narrow: FCVTN{2}, FCVTXN{2} (and scalar), FCVTL{2}, FCVT between
 * half and single/double with FPCR.FZ set (half subnormals kept), the
 * scalar pairwise FADDP/FMAXP/FMINP/FMAXNMP/FMINNMP and FMUL/FMLA/FMLS
 * by element (vector and scalar, single and double), and SCVTF/UCVTF/
 * FCVTZS/FCVTZU with a number of fraction bits (vector and scalar).
 *
 * Each case sets FPCR (0, FZ = bit 24, or RMode = RZ), clears FPSR,
 * runs one instruction with V0 = D, V1 = N, V2 = M and checks V0 and
 * the cumulative flags FPSR[7,4:0] (IDC IXC UFC OFC DZC IOC).  Inputs
 * are exact binary values (1.5 = 0x3fc00000, ...); the expected bits
 * are derived by hand from the Arm ARM pseudocode (DDI 0487, J1
 * shared/functions/float), e.g.:
 * - FRECPE(1.0f): scaled = 256, RecipEstimate: a = 513, b = 2^19 / 513
 *   = 1022, r = 511; exponent 253 - 127 = 126: 0x3f7f8000;
 * - FRECPE(3.0f): scaled = 384, a = 769, b = 681, r = 341 = 0x155,
 *   exponent 125: 0x3eaa8000; FRECPE(2^-149) overflows: +Inf, OFC IXC
 *   (the largest normal under RZ);
 * - FRSQRTE(1.0f): odd biased exponent, scaled = 128, a = 257, the
 *   largest b with 257 (b + 1)^2 < 2^28 is 1022, r = 511, exponent
 *   (380 - 127) / 2 = 126: 0x3f7f8000; FRSQRTE(2.0f): scaled = 256,
 *   a = 514, b = 722, r = 361 = 0x169: 0x3f348000;
 * - URECPE(0xffffffff): RecipEstimate(511) = 256: 0x80000000;
 * - FRECPS(Inf, 0) = 2.0, FRSQRTS(-0, Inf) = 1.5, FMULX(-Inf, 0) = -2.0;
 * - FCVTXN(1 + 2^-24): inexact, round to odd: 0x3f800001;
 * - FCVT/FCVTN/FCVTL never flush a half-precision subnormal, even with
 *   FPCR.FZ = 1 (FPConvert uses FPRoundCV/FPUnpackCV): 2^-24 <-> 0x0001.
 */
#include "testlib.h"

typedef struct V {
    uint64_t d[2];
} V;

#define V_(lo, hi) ((V){ { (lo), (hi) } })
#define FPSR_FLAGS 0x9full

static void check(const V *r, uint64_t fpsr, uint64_t lo, uint64_t hi,
                  uint64_t flags, const char *name)
{
    tl_check_eq(r->d[0], lo, name);
    tl_check_eq(r->d[1], hi, name);
    tl_check_eq(fpsr & FPSR_FLAGS, flags, name);
}

#define RUN(insn, n, m, d, fpcr_v, lo, hi, flags, name) do {                \
    V n_ = (n), m_ = (m), d_ = (d), r_;                                   \
    uint64_t fpsr_;                                                       \
    tl_write_sysreg(fpcr, (fpcr_v));                                      \
    tl_write_sysreg(fpsr, 0);                                             \
    __asm__ volatile("ldr q0, [%1]\n\tldr q1, [%2]\n\tldr q2, [%3]\n\t" \
                     insn "\n\tstr q0, [%0]"                              \
                     :: "r"(&r_), "r"(&d_), "r"(&n_), "r"(&m_)            \
                     : "v0", "v1", "v2", "memory");                       \
    fpsr_ = tl_read_sysreg(fpsr);                                         \
    tl_write_sysreg(fpcr, 0);                                             \
    check(&r_, fpsr_, lo, hi, flags, name);                               \
} while (0)

int main(void)
{
    tl_write_sysreg(cpacr_el1, tl_read_sysreg(cpacr_el1) | 3ull << 20);
    tl_isb();
    RUN("fcvtn v0.2s, v1.2d", V_(0x3ff0000000000000, 0x3ff0000010000000), V_(0x0, 0x0),
        V_(0x5, 0x6), 0x0, 0x3f8000003f800000ull, 0x0ull, 0x10, "fcvtn");
    RUN("fcvtn2 v0.4s, v1.2d", V_(0xc004000000000000, 0x3fc0000000000000), V_(0x0, 0x0),
        V_(0x5, 0x6), 0x0, 0x5ull, 0x3e000000c0200000ull, 0x0, "fcvtn2");
    RUN("fcvtxn v0.2s, v1.2d", V_(0x3ff0000000000000, 0x3ff0000010000000), V_(0x0, 0x0),
        V_(0x5, 0x6), 0x0, 0x3f8000013f800000ull, 0x0ull, 0x10, "fcvtxn");
    RUN("fcvtxn2 v0.4s, v1.2d", V_(0x7fefffffffffffff, 0x3ff8000000000000), V_(0x0, 0x0),
        V_(0x5, 0x6), 0x0, 0x5ull, 0x3fc000007f7fffffull, 0x14, "fcvtxn2");
    RUN("fcvtxn s0, d1", V_(0x3ff0000010000000, 0x0), V_(0x0, 0x0),
        V_(0x5, 0x6), 0x0, 0x3f800001ull, 0x0ull, 0x10, "fcvtxn scalar");
    RUN("fcvtn v0.4h, v1.4s", V_(0x477ff0003f800000, 0xbf00000033800000), V_(0x0, 0x0),
        V_(0x0, 0x0), 0x0, 0xb80000017c003c00ull, 0x0ull, 0x14, "fcvtn");
    RUN("fcvtn v0.4h, v1.4s", V_(0x477fe0003f800000, 0xbf00000033800000), V_(0x0, 0x0),
        V_(0x0, 0x0), 0x1000000, 0xb80000017bff3c00ull, 0x0ull, 0x0,
            "fcvtn h FZ keeps half denormal");
    RUN("fcvtl v0.2d, v1.2s", V_(0x800000003fc00000, 0x700000007), V_(0x0, 0x0),
        V_(0x0, 0x0), 0x0, 0x3ff8000000000000ull, 0x8000000000000000ull, 0x0, "fcvtl");
    RUN("fcvtl2 v0.4s, v1.8h", V_(0x0, 0xfe007c0000013c00), V_(0x0, 0x0),
        V_(0x0, 0x0), 0x0, 0x338000003f800000ull, 0xffc000007f800000ull, 0x0, "fcvtl2");
    RUN("fcvtl2 v0.4s, v1.8h", V_(0x0, 0xfe007c0000013c00), V_(0x0, 0x0),
        V_(0x0, 0x0), 0x1000000, 0x338000003f800000ull, 0xffc000007f800000ull, 0x0,
            "fcvtl h FZ keeps half denormal");
    RUN("fcvt s0, h1", V_(0x1, 0x0), V_(0x0, 0x0),
        V_(0x0, 0x0), 0x1000000, 0x33800000ull, 0x0ull, 0x0, "fcvt s<-h FZ");
    RUN("fcvt h0, s1", V_(0x33800000, 0x0), V_(0x0, 0x0),
        V_(0x0, 0x0), 0x1000000, 0x1ull, 0x0ull, 0x0, "fcvt h<-s FZ");
    RUN("fcvt d0, h1", V_(0x8200, 0x0), V_(0x0, 0x0),
        V_(0x0, 0x0), 0x1000000, 0xbf00000000000000ull, 0x0ull, 0x0, "fcvt d<-h FZ");
    RUN("fcvt h0, d1", V_(0xbf00000000000000, 0x0), V_(0x0, 0x0),
        V_(0x0, 0x0), 0x1000000, 0x8200ull, 0x0ull, 0x0, "fcvt h<-d FZ");
    RUN("faddp s0, v1.2s", V_(0x401000003fc00000, 0x900000009), V_(0x0, 0x0),
        V_(0x0, 0x0), 0x0, 0x40700000ull, 0x0ull, 0x0, "faddp");
    RUN("faddp d0, v1.2d", V_(0x3ff0000000000000, 0x4000000000000000), V_(0x0, 0x0),
        V_(0x0, 0x0), 0x0, 0x4008000000000000ull, 0x0ull, 0x0, "faddp d");
    RUN("fmaxp s0, v1.2s", V_(0xc04000003fc00000, 0x0), V_(0x0, 0x0),
        V_(0x0, 0x0), 0x0, 0x3fc00000ull, 0x0ull, 0x0, "fmaxp");
    RUN("fminp d0, v1.2d", V_(0x3ff0000000000000, 0xc000000000000000), V_(0x0, 0x0),
        V_(0x0, 0x0), 0x0, 0xc000000000000000ull, 0x0ull, 0x0, "fminp");
    RUN("fmaxnmp s0, v1.2s", V_(0x3f8000007fc00000, 0x0), V_(0x0, 0x0),
        V_(0x0, 0x0), 0x0, 0x3f800000ull, 0x0ull, 0x0, "fmaxnmp");
    RUN("fminnmp d0, v1.2d", V_(0xbff0000000000000, 0x7ff8000000000000), V_(0x0, 0x0),
        V_(0x0, 0x0), 0x0, 0xbff0000000000000ull, 0x0ull, 0x0, "fminnmp");
    RUN("fmaxp s0, v1.2s", V_(0x3f8000007fc00000, 0x0), V_(0x0, 0x0),
        V_(0x0, 0x0), 0x0, 0x7fc00000ull, 0x0ull, 0x0, "fmaxp nan");
    RUN("fmul v0.4s, v1.4s, v2.s[2]", V_(0x400000003f800000, 0x3f000000c0400000),
        V_(0x3e80000040800000, 0xc000000040400000),
        V_(0x41a0000041200000, 0x4220000041f00000), 0x0, 0x40c0000040400000ull,
            0x3fc00000c1100000ull, 0x0, "fmul elem");
    RUN("fmla v0.4s, v1.4s, v2.s[1]", V_(0x400000003f800000, 0x3f000000c0400000),
        V_(0x3e80000040800000, 0xc000000040400000),
        V_(0x41a0000041200000, 0x4220000041f00000), 0x0, 0x41a4000041240000ull,
            0x4220800041ea0000ull, 0x0, "fmla elem");
    RUN("fmls v0.2s, v1.2s, v2.s[3]", V_(0x400000003f800000, 0x3f000000c0400000),
        V_(0x3e80000040800000, 0xc000000040400000),
        V_(0x41a0000041200000, 0x4220000041f00000), 0x0, 0x41c0000041400000ull, 0x0ull, 0x0,
            "fmls elem");
    RUN("fmla v0.2d, v1.2d, v2.d[1]", V_(0x3ff8000000000000, 0xbfe0000000000000),
        V_(0x4000000000000000, 0x4020000000000000),
        V_(0x3ff0000000000000, 0x4000000000000000), 0x0, 0x402a000000000000ull,
            0xc000000000000000ull, 0x0, "fmla elem d");
    RUN("fmul d0, d1, v2.d[0]", V_(0x3ff8000000000000, 0xbfe0000000000000), V_(0x4000000000000000,
        0x4020000000000000),
        V_(0x0, 0x0), 0x0, 0x4008000000000000ull, 0x0ull, 0x0, "fmul scalar elem");
    RUN("fmls s0, s1, v2.s[0]", V_(0x400000003f800000, 0x3f000000c0400000), V_(0x3e80000040800000,
        0xc000000040400000),
        V_(0x41a0000041200000, 0x4220000041f00000), 0x0, 0x40c00000ull, 0x0ull, 0x0,
            "fmls scalar elem");
    /* fixed point by immediate: value = integer / 2^fbits (scvtf #4 of
       0x7fffffff: 134217727.9375 rounds to 2^27 = 0x4d000000, IXC);
       fcvtz* = value * 2^fbits toward zero, saturating with IOC */
    RUN("scvtf v0.4s, v1.4s, #4", V_(0xfffffff800000010, 0x7fffffff00000001), V_(0x0, 0x0),
        V_(0x0, 0x0), 0x0, 0xbf0000003f800000ull, 0x4d0000003d800000ull, 0x10, "scvtf fixed");
    RUN("ucvtf d0, d1, #64", V_(0x8000000000000000, 0x0), V_(0x0, 0x0),
        V_(0x0, 0x0), 0x0, 0x3fe0000000000000ull, 0x0ull, 0x0, "ucvtf fixed scalar");
    RUN("fcvtzs v0.2d, v1.2d, #1", V_(0x3ffc000000000000, 0xbffc000000000000), V_(0x0, 0x0),
        V_(0x0, 0x0), 0x0, 0x3ull, 0xfffffffffffffffdull, 0x10, "fcvtzs fixed");
    RUN("fcvtzu v0.4s, v1.4s, #8", V_(0xbf8000003fc00000, 0x3a83126f4b800000), V_(0x0, 0x0),
        V_(0x0, 0x0), 0x0, 0x180ull, 0xffffffffull, 0x11, "fcvtzu fixed");
    RUN("fcvtzs s0, s1, #32", V_(0x3f000000, 0x0), V_(0x0, 0x0),
        V_(0x0, 0x0), 0x0, 0x7fffffffull, 0x0ull, 0x1, "fcvtzs fixed scalar");
    return tl_done();
}
