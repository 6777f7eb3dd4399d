/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * simd-sat: Advanced SIMD saturating, rounding and narrowing forms and
 * FPSR.QC: SQXTN/UQXTN/SQXTUN{2} (vector and scalar), RSHRN{2},
 * SQSHRN/UQSHRN/SQRSHRN/UQRSHRN/SQSHRUN/SQRSHRUN{2} (and scalar),
 * SQSHL/UQSHL/SQSHLU by immediate, SQSHL/UQSHL/SRSHL/URSHL/SQRSHL/UQRSHL
 * by register (shift = signed low byte of each Vm lane, negative is a
 * right shift), SQDMULH/SQRDMULH (vector, scalar), SQABS/SQNEG,
 * SUQADD/USQADD, scalar SQADD/UQSUB/SQSUB, SHLL{2}, USHLL2/SSHLL{2}.
 *
 * Every instruction runs with V0 = D, V1 = N, V2 = M below; the expected
 * V0 and QC come from a Python model of the Arm ARM pseudocode (DDI
 * 0487, C7.2, J1 SignedSatQ/UnsignedSatQ: infinite-precision integers,
 * round by adding 1 << (shift - 1), saturate, keep the low bits),
 * independent of hemu.  Hand checks: sqxtn lane 0 of N (.8h 0x7ffe)
 * saturates to 0x7f (QC); sqshl d0, d1, #1 of the negative D lane
 * 0x80ff... saturates to 0x8000000000000000; sqneg of the byte 0x80 is
 * 0x7f with QC; shll .8b #8 of byte 0xfe is 0xfe00.
 */
#include "testlib.h"

typedef struct V {
    uint64_t d[2];
} V;

static const V N = { { 0x80ff7f0100807ffeull, 0xfffffffe00000001ull } };
static const V M = { { 0x01fc0702f0c110ffull, 0x40fe81087f3f0280ull } };
static const V D = { { 0x7f80017fff010203ull, 0xfffffffffffffff0ull } };

static void check(const V *r, uint64_t lo, uint64_t hi, uint64_t qc,
                  const char *name)
{
    uint64_t fpsr = tl_read_sysreg(fpsr);

    tl_check_eq(r->d[0], lo, name);
    tl_check_eq(r->d[1], hi, name);
    tl_check_eq((fpsr >> 27) & 1, qc, name);
}

#define RUN(insn, lo, hi, qc, name) do {                                  \
    V r_;                                                                 \
    tl_write_sysreg(fpsr, 0);                                             \
    __asm__ volatile("ldr q0, [%1]\n\tldr q1, [%2]\n\tldr q2, [%3]\n\t"   \
                     insn "\n\tstr q0, [%0]"                              \
                     :: "r"(&r_), "r"(&D), "r"(&N), "r"(&M)               \
                     : "v0", "v1", "v2", "memory");                       \
    check(&r_, lo, hi, qc, name);                                         \
} while (0)

static void test_narrow(void)
{
    RUN("sqxtn v0.8b, v1.8h", 0xfffe0001807f7f7full, 0x0000000000000000ull, 1, "sqxtn");
    RUN("sqxtn2 v0.16b, v1.8h", 0x7f80017fff010203ull, 0xfffe0001807f7f7full, 1, "sqxtn2");
    RUN("uqxtn v0.4h, v1.4s", 0xffff0001ffffffffull, 0x0000000000000000ull, 1, "uqxtn");
    RUN("sqxtun2 v0.8h, v1.4s", 0x7f80017fff010203ull, 0x000000010000ffffull, 1, "sqxtun2");
    RUN("sqxtn b0, h1", 0x000000000000007full, 0x0000000000000000ull, 1, "sqxtn scalar");
    RUN("uqxtn s0, d1", 0x00000000ffffffffull, 0x0000000000000000ull, 1, "uqxtn scalar");
    RUN("sqxtun h0, s1", 0x000000000000ffffull, 0x0000000000000000ull, 1, "sqxtun scalar");
    RUN("rshrn v0.8b, v1.8h, #3", 0x0000000020e01000ull, 0x0000000000000000ull, 0, "rshrn");
    RUN("rshrn2 v0.4s, v1.2d, #17", 0x7f80017fff010203ull, 0xffff0000bf808040ull, 0, "rshrn2");
    RUN("sqshrn v0.4h, v1.4s, #4", 0xffff000080007fffull, 0x0000000000000000ull, 1, "sqshrn");
    RUN("uqshrn2 v0.16b, v1.8h, #2", 0x7f80017fff010203ull, 0xffff0000ffff20ffull, 1, "uqshrn2");
    RUN("sqrshrn v0.8b, v1.8h, #1", 0x00ff0001807f407full, 0x0000000000000000ull, 1, "sqrshrn");
    RUN("uqrshrn v0.2s, v1.2d, #32", 0xfffffffe80ff7f01ull, 0x0000000000000000ull, 0, "uqrshrn");
    RUN("sqshrun v0.4h, v1.4s, #8", 0x000000000000807full, 0x0000000000000000ull, 1, "sqshrun");
    RUN("sqrshrun2 v0.8h, v1.4s, #3", 0x7f80017fff010203ull, 0x000000000000ffffull, 1, "sqrshrun2");
    RUN("sqshrn s0, d1, #16", 0x0000000080000000ull, 0x0000000000000000ull, 1, "sqshrn scalar");
    RUN("uqrshrn h0, s1, #5", 0x000000000000ffffull, 0x0000000000000000ull, 1, "uqrshrn scalar");
    RUN("sqshrun b0, h1, #2", 0x00000000000000ffull, 0x0000000000000000ull, 1, "sqshrun scalar");
}

static void test_shift(void)
{
    RUN("sqshl v0.8h, v1.8h, #4", 0x80007fff08007fffull, 0xfff0ffe000000010ull, 1, "sqshl");
    RUN("uqshl v0.16b, v1.16b, #3", 0xffffff0800ffffffull, 0xffffffff00000008ull, 1, "uqshl");
    RUN("sqshlu v0.4s, v1.4s, #8", 0x00000000807ffe00ull, 0x0000000000000100ull, 1, "sqshlu");
    RUN("sqshl d0, d1, #1", 0x8000000000000000ull, 0x0000000000000000ull, 1, "sqshl scalar imm");
    RUN("uqshl b0, b1, #7", 0x00000000000000ffull, 0x0000000000000000ull, 1, "uqshl scalar imm");
    RUN("sqshlu h0, h1, #1", 0x000000000000fffcull, 0x0000000000000000ull, 0, "sqshlu scalar");
    RUN("sqshl v0.8h, v1.8h, v2.8h", 0xf80f7fff00003fffull, 0xfffffe0000000000ull, 1, "sqshl reg");
    RUN("uqshl v0.16b, v1.16b, v2.16b", 0xff0fff040000ff7full, 0xff3f00ff00000000ull, 1,
        "uqshl reg");
    RUN("srshl v0.4s, v1.4s, v2.4s", 0x03fdfc0400403fffull, 0xfffffe0000000000ull, 0, "srshl");
    RUN("urshl v0.2d, v1.2d, v2.2d", 0x407fbf8080403fffull, 0x0000000000000000ull, 0, "urshl");
    RUN("sqrshl v0.8h, v1.8h, v2.8h", 0xf8107fff00003fffull, 0x0000fe0000000000ull, 1, "sqrshl");
    RUN("uqrshl v0.4s, v1.4s, v2.4s", 0xffffffff00403fffull, 0xffffffff00000000ull, 1, "uqrshl");
    RUN("srshl d0, d1, d2", 0xc07fbf8080403fffull, 0x0000000000000000ull, 0, "srshl scalar");
    RUN("sqrshl s0, s1, s2", 0x0000000000403fffull, 0x0000000000000000ull, 0, "sqrshl scalar");
    RUN("uqshl h0, h1, h2", 0x0000000000003fffull, 0x0000000000000000ull, 0, "uqshl reg scalar");
}

static void test_misc(void)
{
    RUN("sqdmulh v0.8h, v1.8h, v2.8h", 0xfe0706f4fff010feull, 0xffff000100000000ull, 0, "sqdmulh");
    RUN("sqrdmulh v0.4s, v1.4s, v2.4s", 0xfe07ef0cfff0b1d2ull, 0xffffffff00000001ull, 0,
        "sqrdmulh");
    RUN("sqdmulh h0, h1, h2", 0x00000000000010feull, 0x0000000000000000ull, 0, "sqdmulh scalar");
    RUN("sqrdmulh s0, s1, s2", 0x00000000fff0b1d2ull, 0x0000000000000000ull, 0, "sqrdmulh scalar");
    RUN("sqabs v0.8h, v1.8h", 0x7f017f0100807ffeull, 0x0001000200000001ull, 0, "sqabs");
    RUN("sqneg v0.16b, v1.16b", 0x7f0181ff007f8102ull, 0x01010102000000ffull, 1, "sqneg");
    RUN("sqabs d0, d1", 0x7f0080feff7f8002ull, 0x0000000000000000ull, 0, "sqabs scalar");
    RUN("sqneg s0, s1", 0x00000000ff7f8002ull, 0x0000000000000000ull, 0, "sqneg scalar");
    RUN("suqadd v0.4s, v1.4s", 0x7fffffffff818201ull, 0x7ffffffffffffff1ull, 1, "suqadd");
    RUN("usqadd v0.16b, v1.16b", 0x007f8080ff008101ull, 0xfefefefdfffffff1ull, 1, "usqadd");
    RUN("suqadd b0, b1", 0x000000000000007full, 0x0000000000000000ull, 1, "suqadd scalar");
    RUN("usqadd d0, d1", 0x007f8080ff818201ull, 0x0000000000000000ull, 0, "usqadd scalar");
    RUN("sqadd b0, b1, b2", 0x00000000000000fdull, 0x0000000000000000ull, 0, "sqadd scalar");
    RUN("uqsub d0, d1, d2", 0x7f0377fe0fbf6effull, 0x0000000000000000ull, 0, "uqsub scalar");
    RUN("sqsub h0, h1, h2", 0x0000000000006effull, 0x0000000000000000ull, 0, "sqsub scalar");
    RUN("shll v0.8h, v1.8b, #8", 0x000080007f00fe00ull, 0x8000ff007f000100ull, 0, "shll");
    RUN("shll2 v0.4s, v1.8h, #16", 0x0000000000010000ull, 0xffff0000fffe0000ull, 0, "shll2");
    RUN("ushll2 v0.4s, v1.8h, #3", 0x0000000000000008ull, 0x0007fff80007fff0ull, 0, "ushll2");
    RUN("sshll v0.2d, v1.2s, #31", 0x00403fff00000000ull, 0xc07fbf8080000000ull, 0, "sshll");
    RUN("sshll2 v0.8h, v1.16b, #0", 0x0000000000000001ull, 0xfffffffffffffffeull, 0, "sshll2");
}

int main(void)
{
    tl_write_sysreg(cpacr_el1, tl_read_sysreg(cpacr_el1) | 3ull << 20);
    tl_isb();
    test_narrow();
    test_shift();
    test_misc();
    return tl_done();
}
