/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Unit test of the public A64 disassembler API (target/arm/disas.h) on
 * hand-assembled words, independent of LLVM: an alias, the bitmask
 * immediate decode, PC-relative targets, feature predicates, and the
 * "unchanged on failure" contract.  Each word is assembled by hand from
 * the encoding diagrams of the Arm ARM (DDI 0487) C4; the bit layout is
 * in the comment next to it.  tests/decode/a64-check.py checks the tables
 * as a whole against llvm-objdump.
 */
#include "hemu/osdep.h"
#include "disas.h"

static void check(uint32_t insn, uint64_t pc, uint32_t features,
                  const char *want)
{
    GString *out = g_string_new("<");
    bool ok = arm_a64_disas_insn(insn, pc, features, out);

    if (want) {
        g_assert_true(ok);
        g_assert_cmpstr(out->str + 1, ==, want);
    } else {
        g_assert_false(ok);
        g_assert_cmpstr(out->str, ==, "<");    /* left unchanged */
    }
    g_string_free(out, true);
}

static void test_dp(void)
{
    /* ADD (shifted): sf=1 op=0 S=0 01011 sh=00 0 Rm=2 imm6=0 Rn=1 Rd=0 */
    check(0x8b020020, 0, A64_FEAT_ALL, "add x0, x1, x2");
    /* ORR (immediate): sf=1 opc=01 100100 N=1 immr=0 imms=0 Rn=0 Rd=0;
     * N:imms = 1:000000 is a 64-bit element of one 1: 0x1 */
    check(0xb2400000, 0, A64_FEAT_ALL, "orr x0, x0, #0x1");
    /* ORR (immediate) with Rn=XZR: N=0 imms=111100 is a 2-bit element
     * 01, replicated: 0x5555555555555555, which no MOVZ/MOVN builds, so
     * MOV (bitmask immediate) is preferred */
    check(0xb200f3e0, 0, A64_FEAT_ALL, "mov x0, #0x5555555555555555");
    /* AND (immediate) with N=0 imms=111111: no element size, reserved */
    check(0x9200fc00, 0, A64_FEAT_ALL, NULL);
}

static void test_branch(void)
{
    /* B.cond: 0101010 0 imm19=2 0 cond=0000 at 0x8: 0x8 + 2 * 4 */
    check(0x54000040, 0x8, A64_FEAT_ALL, "b.eq 0x10");
    /* RET: 1101011 0010 11111 000000 Rn=30 00000 */
    check(0xd65f03c0, 0, A64_FEAT_ALL, "ret");
    /* HINT #25 is PACIASP with FEAT_PAuth and a plain hint without */
    check(0xd503233f, 0, A64_FEAT_ALL, "paciasp");
    check(0xd503233f, 0, 0, "hint #0x19");
}

static void test_ldst_features(void)
{
    /* LDP post-index: opc=10 101 0 001 L=1 imm7=2 Rt2=30 Rn=31 Rt=29;
     * the offset is imm7 * 8 */
    check(0xa8c17bfd, 0, A64_FEAT_ALL, "ldp x29, x30, [sp], #0x10");
    /* CRC32X: sf=1 0 0 11010110 Rm=2 0100 sz=11 Rn=1 Rd=0 */
    check(0x9ac24c20, 0, A64_FEAT_ALL, "crc32x w0, w1, x2");
    check(0x9ac24c20, 0, A64_FEAT_ALL & ~A64_FEAT_CRC32, NULL);
    /* LDADD: size=11 111 0 00 A=0 R=0 1 Rs=0 0 000 00 Rn=2 Rt=1 */
    check(0xf8200041, 0, A64_FEAT_ALL, "ldadd x0, x1, [x2]");
    check(0xf8200041, 0, A64_FEAT_ALL & ~A64_FEAT_LSE, NULL);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/a64-disas/data-processing", test_dp);
    g_test_add_func("/a64-disas/branch-system", test_branch);
    g_test_add_func("/a64-disas/ldst-features", test_ldst_features);
    return g_test_run();
}
