/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * simd-long: the Advanced SIMD "three different" group (SADDL/UADDL,
 * SSUBL/USUBL, SADDW/UADDW, SSUBW/USUBW, ADDHN/RADDHN/SUBHN/RSUBHN,
 * SABAL/UABAL, SABDL/UABDL, SMLAL/UMLAL/SMLSL/UMLSL, SMULL/UMULL,
 * SQDMLAL/SQDMLSL/SQDMULL, the "2" forms and the scalar ones) and the
 * integer multiplies by element (MUL/MLA/MLS, the long forms,
 * SQDMULH/SQRDMULH, SQDMULL/SQDMLAL scalar), with FPSR.QC.
 *
 * Every instruction runs with V0 = D (the accumulator), V1 = N, V2 = M
 * below; the expected V0 and QC come from a Python model of the Arm ARM
 * pseudocode (DDI 0487, C7.2: widen with SInt/UInt, operate in infinite
 * precision, SignedSatQ, keep the low bits), independent of hemu.  Hand
 * checks of a few lanes (.8h lanes of N: 1, -2, 0x7fff, -0x8000, 3, 4,
 * 5, -1; of M: 2, 3, 0x7fff, -0x8000, 0x100, -1, 2, -1):
 * - saddl lane 3: -0x8000 + -0x8000 = -0x10000 = 0xffff0000;
 * - sqdmull lane 3: 2 * (-0x8000)^2 = 2^31 saturates to 0x7fffffff, QC;
 * - mul by h[5] (-1): lane 0 = -1 = 0xffff, lane 1 = 2;
 * - addhn lane 0: 0xfffe0001 + 0x00030002 = 0x1_0001_0003 -> 0x0001.
 */
#include "testlib.h"

typedef struct V {
    uint64_t d[2];
} V;

static const V N = { { 0x80007ffffffe0001ull, 0xffff000500040003ull } };
static const V M = { { 0x80007fff00030002ull, 0xffff0002ffff0100ull } };
static const V D = { { 0x000000140000000aull, 0x000000280000001eull } };

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

static void test_three_different(void)
{
    RUN("saddl v0.4s, v1.4h, v2.4h", 0x0000000100000003ull, 0xffff00000000fffeull, 0, "saddl");
    RUN("uaddl2 v0.4s, v1.8h, v2.8h", 0x0001000300000103ull, 0x0001fffe00000007ull, 0, "uaddl2");
    RUN("ssubl v0.2d, v1.2s, v2.2s", 0xfffffffffffaffffull, 0x0000000000000000ull, 0, "ssubl");
    RUN("usubl2 v0.8h, v1.16b, v2.16b", 0xff01ff05ffff0003ull, 0x0000000000000003ull, 0, "usubl2");
    RUN("saddw v0.4s, v1.4s, v2.4h", 0x80008002fffe0003ull, 0xfffe800500048002ull, 0, "saddw");
    RUN("uaddw2 v0.2d, v1.2d, v2.4s", 0x80008000fffd0101ull, 0xffff000600030005ull, 0, "uaddw2");
    RUN("ssubw2 v0.8h, v1.8h, v2.16b", 0x80018000fffd0001ull, 0x0000000600040001ull, 0, "ssubw2");
    RUN("usubw v0.4s, v1.4s, v2.4h", 0x80007ffcfffdffffull, 0xfffe800500038004ull, 0, "usubw");
    RUN("addhn v0.4h, v1.4s, v2.4s", 0xfffe000300000001ull, 0x0000000000000000ull, 0, "addhn");
    RUN("raddhn2 v0.8h, v1.4s, v2.4s", 0x000000140000000aull, 0xfffe000300010001ull, 0, "raddhn2");
    RUN("subhn v0.8b, v1.8h, v2.8h", 0x000000ff0000ffffull, 0x0000000000000000ull, 0, "subhn");
    RUN("rsubhn2 v0.4s, v1.2d, v2.2d", 0x000000140000000aull, 0x0000000200000001ull, 0, "rsubhn2");
    RUN("sabal v0.4s, v1.4h, v2.4h", 0x000000190000000bull, 0x000000280000001eull, 0, "sabal");
    RUN("uabal2 v0.2d, v1.4s, v2.4s", 0x00000014fffb0107ull, 0x0000002800000021ull, 0, "uabal2");
    RUN("sabdl2 v0.8h, v1.16b, v2.16b", 0x0001000500010003ull, 0x0000000000000003ull, 0, "sabdl2");
    RUN("uabdl v0.4s, v1.4h, v2.4h", 0x0000fffb00000001ull, 0x0000000000000000ull, 0, "uabdl");
    RUN("smlal v0.4s, v1.4h, v2.4h", 0x0000000e0000000cull, 0x400000283fff001full, 0, "smlal");
    RUN("umlal2 v0.2d, v1.4s, v2.4s", 0x0004001303fd030aull, 0xfffe002ffff90028ull, 0, "umlal2");
    RUN("smlsl2 v0.8h, v1.16b, v2.16b", 0x000000180000000aull, 0xffff002700000014ull, 0, "smlsl2");
    RUN("umlsl v0.4s, v1.4h, v2.4h", 0xfffd001a00000008ull, 0xc0000028c001001dull, 0, "umlsl");
    RUN("smull2 v0.2d, v1.4s, v2.4s", 0xfffffffc03fd0300ull, 0x00000000fff9000aull, 0, "smull2");
    RUN("umull v0.8h, v1.8b, v2.8b", 0x000002fa00000002ull, 0x400000003f01fe01ull, 0, "umull");
    RUN("sqdmlal v0.4s, v1.4h, v2.4h", 0x000000080000000eull, 0x7fffffff7ffe0020ull, 1, "sqdmlal");
    RUN("sqdmlsl2 v0.2d, v1.4s, v2.4s", 0x0000001bf805fa0aull, 0x00000026000e000aull, 0,
        "sqdmlsl2");
    RUN("sqdmull v0.4s, v1.4h, v2.4h", 0xfffffff400000004ull, 0x7fffffff7ffe0002ull, 1, "sqdmull");
    RUN("sqdmull s0, h1, h2", 0x0000000000000004ull, 0x0000000000000000ull, 0, "sqdmull scalar");
    RUN("sqdmlal d0, s1, s2", 0x00000007fffe000eull, 0x0000000000000000ull, 0, "sqdmlal scalar");
}

static void test_by_element(void)
{
    RUN("mul v0.8h, v1.8h, v2.h[5]", 0x800080010002ffffull, 0x0001fffbfffcfffdull, 0, "mul elem");
    RUN("mla v0.4s, v1.4s, v2.s[3]", 0x80020012fffb000cull, 0xfff9003200050024ull, 0, "mla elem");
    RUN("mls v0.4h, v1.4h, v2.h[7]", 0x80008013fffe000bull, 0x0000000000000000ull, 0, "mls elem");
    RUN("smull v0.4s, v1.4h, v2.h[2]", 0xffff000200007fffull, 0xc00080003fff0001ull, 0,
        "smull elem");
    RUN("umlal2 v0.2d, v1.4s, v2.s[1]", 0x000200177ffd8007ull, 0x8000002900038019ull, 0,
        "umlal2 elem");
    RUN("smlsl v0.2d, v1.2s, v2.s[2]", 0x000000120200ff0aull, 0xffff80a87f7f011eull, 0,
        "smlsl elem");
    RUN("umull2 v0.4s, v1.8h, v2.h[4]", 0x0000040000000300ull, 0x00ffff0000000500ull, 0,
        "umull2 elem");
    RUN("sqdmulh v0.8h, v1.8h, v2.h[7]", 0x0001ffff0000ffffull, 0x0000ffffffffffffull, 0,
        "sqdmulh elem");
    RUN("sqdmulh v0.4h, v1.4h, v2.h[3]", 0x7fff80010002ffffull, 0x0000000000000000ull, 1,
        "sqdmulh elem sat");
    RUN("sqrdmulh v0.4s, v1.4s, v2.s[1]", 0x7fff00020001fffdull, 0x0000fffafffc0001ull, 0,
        "sqrdmulh elem");
    RUN("sqdmull2 v0.4s, v1.8h, v2.h[0]", 0x000000100000000cull, 0xfffffffc00000014ull, 0,
        "sqdmull2 elem");
    RUN("sqdmlal s0, h1, v2.h[1]", 0x0000000000000010ull, 0x0000000000000000ull, 0,
        "sqdmlal scalar elem");
    RUN("sqdmulh s0, s1, v2.s[1]", 0x000000000001fffdull, 0x0000000000000000ull, 0,
        "sqdmulh scalar elem");
    RUN("sqrdmulh h0, h1, v2.h[3]", 0x000000000000ffffull, 0x0000000000000000ull, 0,
        "sqrdmulh scalar elem");
}

/* Unallocated encodings next to implemented ones must be UNDEFINED
   (EC 0): the handler counts them and skips the word. */
static unsigned undef_count;

static void undef_handler(struct tl_regs *r)
{
    if (tl_esr_ec(r->esr) == TL_EC_UNKNOWN) {
        undef_count++;
    }
    r->elr += 4;
}

static void test_undef(void)
{
    tl_set_sync_handler(undef_handler);
    undef_count = 0;
    /* SQDMULL with size 00 (0x0e62d020, size 01, is sqdmull .4s) */
    __asm__ volatile(".inst 0x0e22d020" ::: "v0", "memory");
    /* three different, opcode 1111 */
    __asm__ volatile(".inst 0x0e22f020" ::: "v0", "memory");
    /* scalar SQDMLAL with size 00 (0x5e629020 is sqdmlal s0, h1, h2) */
    __asm__ volatile(".inst 0x5e229020" ::: "v0", "memory");
    /* MUL by element with size 00 (0x0f428020 is mul .4h, v2.h[0]) */
    __asm__ volatile(".inst 0x0f028020" ::: "v0", "memory");
    /* FRECPE .1d: sz = 1 with Q = 0 (0x4ee1d820 is frecpe .2d) */
    __asm__ volatile(".inst 0x0ee1d820" ::: "v0", "memory");
    tl_set_sync_handler(NULL);
    tl_check_eq(undef_count, 5, "unallocated encodings are UNDEFINED");
}

int main(void)
{
    tl_write_sysreg(cpacr_el1, tl_read_sysreg(cpacr_el1) | 3ull << 20);
    tl_isb();
    test_three_different();
    test_by_element();
    test_undef();
    return tl_done();
}
