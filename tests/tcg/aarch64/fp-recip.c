/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * fp-recip: reciprocal and reciprocal square root estimates and steps,
 * vector and scalar, single and double: FRECPE, FRSQRTE (zeros, Inf,
 * NaN, negative, subnormal, overflow under RN/RZ, FZ flushing), FRECPX,
 * URECPE, URSQRTE, FRECPS, FRSQRTS (with the Inf * 0 cases) and FMULX
 * (vector, scalar, by element).
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
    RUN("frecpe v0.4s, v1.4s", V_(0x404000003f800000, 0x7f800000c0000000), V_(0x0, 0x0),
        V_(0x0, 0x0), 0x0, 0x3eaa80003f7f8000ull, 0xbeff8000ull, 0x0, "frecpe");
    RUN("frecpe s0, s1", V_(0x0, 0x0), V_(0x0, 0x0),
        V_(0x0, 0x0), 0x0, 0x7f800000ull, 0x0ull, 0x2, "frecpe +0");
    RUN("frecpe s0, s1", V_(0x400000, 0x0), V_(0x0, 0x0),
        V_(0x0, 0x0), 0x0, 0x7eff8000ull, 0x0ull, 0x0, "frecpe denormal 2^-127");
    RUN("frecpe s0, s1", V_(0x1, 0x0), V_(0x0, 0x0),
        V_(0x0, 0x0), 0x0, 0x7f800000ull, 0x0ull, 0x14, "frecpe tiny RN");
    RUN("frecpe s0, s1", V_(0x80000001, 0x0), V_(0x0, 0x0),
        V_(0x0, 0x0), 0xc00000, 0xff7fffffull, 0x0ull, 0x14, "frecpe tiny RZ");
    RUN("frecpe s0, s1", V_(0x7f800001, 0x0), V_(0x0, 0x0),
        V_(0x0, 0x0), 0x0, 0x7fc00001ull, 0x0ull, 0x1, "frecpe snan");
    RUN("frecpe s0, s1", V_(0x7f000000, 0x0), V_(0x0, 0x0),
        V_(0x0, 0x0), 0x1000000, 0x0ull, 0x0ull, 0x8, "frecpe FZ huge");
    RUN("frecpe s0, s1", V_(0x80400000, 0x0), V_(0x0, 0x0),
        V_(0x0, 0x0), 0x1000000, 0xff800000ull, 0x0ull, 0x82, "frecpe FZ denormal");
    RUN("frecpe v0.2d, v1.2d", V_(0x3ff0000000000000, 0x4008000000000000), V_(0x0, 0x0),
        V_(0x0, 0x0), 0x0, 0x3feff00000000000ull, 0x3fd5500000000000ull, 0x0, "frecpe");
    RUN("frsqrte v0.4s, v1.4s", V_(0x400000003f800000, 0x7f80000040800000), V_(0x0, 0x0),
        V_(0x0, 0x0), 0x0, 0x3f3480003f7f8000ull, 0x3eff8000ull, 0x0, "frsqrte");
    RUN("frsqrte s0, s1", V_(0xbf800000, 0x0), V_(0x0, 0x0),
        V_(0x0, 0x0), 0x0, 0x7fc00000ull, 0x0ull, 0x1, "frsqrte -1");
    RUN("frsqrte s0, s1", V_(0x80000000, 0x0), V_(0x0, 0x0),
        V_(0x0, 0x0), 0x0, 0xff800000ull, 0x0ull, 0x2, "frsqrte -0");
    RUN("frsqrte s0, s1", V_(0x200000, 0x0), V_(0x0, 0x0),
        V_(0x0, 0x0), 0x0, 0x5f7f8000ull, 0x0ull, 0x0, "frsqrte denormal 2^-128");
    RUN("frsqrte d0, d1", V_(0x4010000000000000, 0x0), V_(0x0, 0x0),
        V_(0x0, 0x0), 0x0, 0x3fdff00000000000ull, 0x0ull, 0x0, "frsqrte d 4.0");
    RUN("frecpx s0, s1", V_(0x3f800000, 0x0), V_(0x0, 0x0),
        V_(0x0, 0x0), 0x0, 0x40000000ull, 0x0ull, 0x0, "frecpx 1.0");
    RUN("frecpx s0, s1", V_(0xc0400000, 0x0), V_(0x0, 0x0),
        V_(0x0, 0x0), 0x0, 0xbf800000ull, 0x0ull, 0x0, "frecpx -3.0");
    RUN("frecpx s0, s1", V_(0x5, 0x0), V_(0x0, 0x0),
        V_(0x0, 0x0), 0x0, 0x7f000000ull, 0x0ull, 0x0, "frecpx denormal");
    RUN("frecpx s0, s1", V_(0x7f800000, 0x0), V_(0x0, 0x0),
        V_(0x0, 0x0), 0x0, 0x0ull, 0x0ull, 0x0, "frecpx inf");
    RUN("frecpx d0, d1", V_(0x3ff0000000000000, 0x0), V_(0x0, 0x0),
        V_(0x0, 0x0), 0x0, 0x4000000000000000ull, 0x0ull, 0x0, "frecpx d 1.0");
    RUN("urecpe v0.4s, v1.4s", V_(0x7fffffff80000000, 0xc0000000ffffffff), V_(0x0, 0x0),
        V_(0x0, 0x0), 0x0, 0xffffffffff800000ull, 0xaa80000080000000ull, 0x0, "urecpe");
    RUN("ursqrte v0.4s, v1.4s", V_(0x3fffffff40000000, 0xffffffff80000000), V_(0x0, 0x0),
        V_(0x0, 0x0), 0x0, 0xffffffffff800000ull, 0x80000000b4800000ull, 0x0, "ursqrte");
    RUN("frecps v0.4s, v1.4s, v2.4s", V_(0x7f8000003fc00000, 0x40000000), V_(0x3f000000,
        0xff80000040400000),
        V_(0x0, 0x0), 0x0, 0x400000003fa00000ull, 0x40000000c0800000ull, 0x0, "frecps");
    RUN("frecps d0, d1, d2", V_(0x3ff0000000000000, 0x0), V_(0x3ff0000000000000, 0x0),
        V_(0x0, 0x0), 0x0, 0x3ff0000000000000ull, 0x0ull, 0x0, "frecps d");
    RUN("frsqrts v0.4s, v1.4s, v2.4s", V_(0x7f8000003f800000, 0x8000000040000000),
        V_(0x800000003f800000, 0x7f80000040000000),
        V_(0x0, 0x0), 0x0, 0x3fc000003f800000ull, 0x3fc00000bf000000ull, 0x0, "frsqrts");
    RUN("frsqrts s0, s1, s2", V_(0x40000000, 0x0), V_(0x3f000000, 0x0),
        V_(0x0, 0x0), 0x0, 0x3f800000ull, 0x0ull, 0x0, "frsqrts s");
    RUN("fmulx v0.4s, v1.4s, v2.4s", V_(0x7f80000040000000, 0xff800000), V_(0x40400000,
        0xff80000000000000),
        V_(0x0, 0x0), 0x0, 0x4000000040c00000ull, 0xc0000000c0000000ull, 0x0, "fmulx");
    RUN("fmulx d0, d1, d2", V_(0x7ff0000000000000, 0x0), V_(0x8000000000000000, 0x0),
        V_(0x0, 0x0), 0x0, 0xc000000000000000ull, 0x0ull, 0x0, "fmulx d");
    RUN("fmulx v0.4s, v1.4s, v2.s[1]", V_(0x7f80000040000000, 0xff800000), V_(0x40400000,
        0xff80000000000000),
        V_(0x0, 0x0), 0x0, 0x4000000000000000ull, 0xc0000000ull, 0x0, "fmulx elem");
    RUN("fmulx s0, s1, v2.s[3]", V_(0x40000000, 0x0), V_(0x0, 0xff80000000000000),
        V_(0x0, 0x0), 0x0, 0xff800000ull, 0x0ull, 0x0, "fmulx scalar elem");
    /* FPRecipStepFused negates operand 1 before FPProcessNaNs: its NaN
       comes back with the sign flipped (signalling: quieted, IOC) */
    RUN("frecps s0, s1, s2", V_(0x7f800001, 0), V_(0x3f800000, 0),
        V_(0, 0), 0, 0xffc00001ull, 0, 0x1, "frecps snan op1");
    RUN("frecps s0, s1, s2", V_(0x3f800000, 0), V_(0xffc00002, 0),
        V_(0, 0), 0, 0xffc00002ull, 0, 0, "frecps qnan op2");
    RUN("frsqrts s0, s1, s2", V_(0x7fc00003, 0), V_(0x3f800000, 0),
        V_(0, 0), 0, 0xffc00003ull, 0, 0, "frsqrts qnan op1");
    /* with FZ a subnormal operand is a zero (IDC): Inf * 0 cases */
    RUN("fmulx s0, s1, s2", V_(0x7f800000, 0), V_(0x00000001, 0),
        V_(0, 0), 1 << 24, 0x40000000ull, 0, 0x80, "fmulx inf*denormal FZ");
    RUN("frecps s0, s1, s2", V_(0x7f800000, 0), V_(0x00000001, 0),
        V_(0, 0), 1 << 24, 0x40000000ull, 0, 0x80, "frecps inf*denormal FZ");
    return tl_done();
}
