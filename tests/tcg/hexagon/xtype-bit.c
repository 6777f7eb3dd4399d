/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * xtype-bit.c: XTYPE/BIT, XTYPE/PERM and XTYPE/PRED instructions of
 * hex-xtype2.isa: register-amount bit operations, extract/insert with a
 * pair, brev, bitsplit, parity, (de)interleave, lfs, normamt; splats,
 * sign/zero extension, truncation, shuffles, saturation, swiz, splice,
 * align, vcrotate; byte/halfword and vector compares, any8, mask,
 * vitpack.  Expected values are derived by hand from the Hexagon V68 PRM
 * pseudocode (comments).
 */
#include "xtype2.h"

static void test_bit(void)
{
    /* setbit/clrbit/togglebit/tstbit by register */
    tl_check_eq(X_RR(uint32_t, "%0 = setbit(%1,%2)", 0, 31), 0x80000000,
                "setbit reg");
    tl_check_eq(X_RR(uint32_t, "%0 = clrbit(%1,%2)", 0xff, 3), 0xf7,
                "clrbit reg");
    tl_check_eq(X_RR(uint32_t, "%0 = togglebit(%1,%2)", 0xff, 8), 0x1ff,
                "togglebit reg");
    tl_check_eq(X_PRED("p0 = tstbit(%1,%2)", 0x10, 4), 0xff, "tstbit reg");
    tl_check_eq(X_PRED("p0 = !tstbit(%1,%2)", 0x10, 4), 0, "!tstbit reg");
    /* extractu(Rs,Rtt): width 8 (Rtt.w[1]) at offset 4 (Rtt.w[0]) */
    tl_check_eq(X_RR(uint32_t, "%0 = extractu(%1,%2)", 0x12345678,
                     0x0000000800000004ull), 0x67, "extractu reg");
    /* extract (signed): 0xf at offset 4, width 4 -> -1 */
    tl_check_eq(X_RR(uint32_t, "%0 = extract(%1,%2)", 0xf0,
                     0x0000000400000004ull), 0xffffffff, "extract reg");
    /* insert(Rs,Rtt): low 8 bits of Rs at offset 8 of Rx */
    tl_check_eq(X_ACC(uint32_t, "%0 = insert(%1,%2)", 0xffffffff, 0xab,
                      0x0000000800000008ull), 0xffffabff, "insert reg");
    tl_check_eq(X_R(uint32_t, "%0 = brev(%1)", 1), 0x80000000, "brev");
    /* bitsplit(Rs,#8): high word Rs >> 8, low word Rs & 0xff */
    tl_check_eq(X_R(uint64_t, "%0 = bitsplit(%1,#8)", 0x12345678),
                0x0012345600000078ull, "bitsplit #");
    /* parity(Rs,Rt) = popcount(Rs & Rt) & 1: 0b111 & 0b101 = 2 bits */
    tl_check_eq(X_RR(uint32_t, "%0 = parity(%1,%2)", 7, 5), 0, "parity");
    /* deinterleave: even bits to the low word, odd bits to the high word:
       0b10 (bit 1) -> high word bit 0 */
    tl_check_eq(X_R(uint64_t, "%0 = deinterleave(%1)", 0x2ull),
                0x100000000ull, "deinterleave");
    tl_check_eq(X_R(uint64_t, "%0 = interleave(%1)", 0x100000000ull), 0x2,
                "interleave");
    /* normamt(1) = clb - 1 = 31 - 1 = 30; normamt(0) = 0 */
    tl_check_eq(X_R(uint32_t, "%0 = normamt(%1)", 1), 30, "normamt");
    /* lfs: Rss >> 1 | parity(Rss & Rtt) << 63 */
    tl_check_eq(X_RR(uint64_t, "%0 = lfs(%1,%2)", 3ull, 1ull),
                0x8000000000000001ull, "lfs");
}

static void test_perm(void)
{
    tl_check_eq(X_R(uint32_t, "%0 = vsplatb(%1)", 0x1ab), 0xabababab,
                "vsplatb");
    tl_check_eq(X_R(uint64_t, "%0 = vsplath(%1)", 0x11234),
                0x1234123412341234ull, "vsplath");
    /* vsxtbh: bytes 0x80, 0x01 -> halfwords 0xff80, 0x0001 */
    tl_check_eq(X_R(uint64_t, "%0 = vsxtbh(%1)", 0x0180), 0x0001ff80ull,
                "vsxtbh");
    tl_check_eq(X_R(uint64_t, "%0 = vzxtbh(%1)", 0x0180), 0x00010080ull,
                "vzxtbh");
    /* vtrunehb: even bytes of each halfword: 0x1122334455667788 -> 22446688 */
    tl_check_eq(X_R(uint32_t, "%0 = vtrunehb(%1)", 0x1122334455667788ull),
                0x22446688, "vtrunehb");
    /* shuffeb(Rss,Rtt): even bytes of Rtt at even positions, even bytes of
       Rss at odd ones */
    tl_check_eq(X_RR(uint64_t, "%0 = shuffeb(%1,%2)", 0x0000000000000b0aull,
                     0x0000000000000d0cull), 0x0a0cull, "shuffeb");
    /* vsathub: halfwords -1 -> 0, 0x100 -> 0xff, 0x12 -> 0x12, 0 */
    x_clear_ovf();
    tl_check_eq(X_R(uint32_t, "%0 = vsathub(%1)", 0x000000120100ffffull),
                0x0012ff00, "vsathub");
    tl_check_eq(x_ovf(), 1, "vsathub sets OVF");
    tl_check_eq(X_R(uint32_t, "%0 = sath(%1)", 0x12345), 0x7fff, "sath");
    tl_check_eq(X_R(uint32_t, "%0 = satub(%1)", -5), 0, "satub");
    tl_check_eq(X_R(uint32_t, "%0 = sat(%1)", 0x100000000ull), 0x7fffffff,
                "sat");
    tl_check_eq(X_R(uint32_t, "%0 = swiz(%1)", 0x11223344), 0x44332211,
                "swiz");
    /* vspliceb(Rss,Rtt,#3): Rtt << 24 | low 3 bytes of Rss */
    tl_check_eq(X_RR(uint64_t, "%0 = vspliceb(%1,%2,#3)",
                     0x1111111111abcdefull, 0x22ull), 0x22abcdefull,
                "vspliceb");
    /* valignb(Rtt,Rss,#2): Rss >> 16 | Rtt << 48 */
    tl_check_eq(X_RR(uint64_t, "%0 = valignb(%2,%1,#2)",
                     0x0000000012340000ull, 0x5678ull),
                0x5678000000001234ull, "valignb");
    /* vcrotate by 1 (times -j): (re, im) = (2, 3) -> (3, -2) */
    tl_check_eq(X_RR(uint64_t, "%0 = vcrotate(%1,%2)", 0x00030002ull, 1),
                0xfffe0003ull, "vcrotate");
}

static void test_pred(void)
{
    tl_check_eq(X_PRED("p0 = cmpb.eq(%1,%2)", 0x1234, 0x5534), 0xff,
                "cmpb.eq low byte");
    tl_check_eq(X_PRED("p0 = cmpb.gt(%1,%2)", 0x80, 0x01), 0,
                "cmpb.gt signed");
    tl_check_eq(X_PRED("p0 = cmpb.gtu(%1,%2)", 0x80, 0x01), 0xff,
                "cmpb.gtu");
    tl_check_eq(X_PRED("p0 = cmph.gt(%1,%2)", 0xffff, 0), 0,
                "cmph.gt signed");
    /* vcmph.eq: halfwords 0 and 2 equal -> bits 0,1 and 4,5 */
    tl_check_eq(X_PRED("p0 = vcmph.eq(%1,%2)", 0x0001000200030004ull,
                       0x0009000200090004ull), 0x33, "vcmph.eq");
    /* vcmpb.gtu: only byte 7 (0xff > 0x01) */
    tl_check_eq(X_PRED("p0 = vcmpb.gtu(%1,%2)", 0xff00000000000000ull,
                       0x0100000000000000ull), 0x80, "vcmpb.gtu");
    tl_check_eq(X_PRED("p0 = vcmpw.gt(%1,%2)", 0x0000000100000000ull,
                       0x00000000ffffffffull), 0xff, "vcmpw.gt");
    tl_check_eq(X_PRED("p0 = any8(vcmpb.eq(%1,%2))", 0x0100ull, 0x0101ull),
                0xff, "any8 vcmpb.eq");
}

static void test_pred_imm(void)
{
    uint32_t p;
    uint64_t m;

    __asm__ volatile("p0 = vcmpb.eq(%1,#0x7)\n\t%0 = p0"
                     : "=r"(p) : "r"(0x0700000000000007ull) : "p0");
    tl_check_eq(p, 0x81, "vcmpb.eq #");
    __asm__ volatile("p1 = %1\n\t%0 = mask(p1)" : "=r"(m) : "r"(0x5a) : "p1");
    tl_check_eq(m, 0x00ff00ffff00ff00ull, "mask");
}

int main(void)
{
    test_bit();
    test_perm();
    test_pred();
    test_pred_imm();
    return tl_done();
}
