/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Unit tests for Hexagon packet splitting and the packet disassembler
 * (target/hexagon/disas.h): where packets end (parse bits 15:14), the
 * hardware-loop end markers, duplex words, malformed packets, constant
 * extenders and the text layout.  Words are assembled by hand from the
 * Hexagon V68 PRM encodings; the arithmetic is in the comments.
 */
#include "hemu/osdep.h"
#include "disas.h"

/* nop is 0x7f000000; the parse bits go in 15:14. */
#define NOP(pp) (0x7f000000u | (uint32_t)(pp) << 14)

static void test_split_ends(void)
{
    uint32_t one[] = { NOP(3), NOP(3) };
    uint32_t four[] = { NOP(1), NOP(1), NOP(1), NOP(3) };
    uint32_t duplex[] = { NOP(1), 0x28102821u };   /* parse 00 */
    HexPacket pkt;

    g_assert_true(hexagon_packet_split(one, 2, &pkt));
    g_assert_cmpint(pkt.nwords, ==, 1);
    g_assert_false(pkt.endloop0 || pkt.endloop1);

    g_assert_true(hexagon_packet_split(four, 4, &pkt));
    g_assert_cmpint(pkt.nwords, ==, 4);
    g_assert_cmphex(pkt.words[3], ==, NOP(3));

    /* a duplex word ends its packet */
    g_assert_true(hexagon_packet_split(duplex, 2, &pkt));
    g_assert_cmpint(pkt.nwords, ==, 2);
}

static void test_split_malformed(void)
{
    uint32_t five[] = { NOP(1), NOP(1), NOP(1), NOP(1), NOP(3) };
    uint32_t cut[] = { NOP(1), NOP(2) };
    HexPacket pkt;

    /* no end within 4 words, or before the buffer ends */
    g_assert_false(hexagon_packet_split(five, 5, &pkt));
    g_assert_false(hexagon_packet_split(cut, 2, &pkt));
    g_assert_false(hexagon_packet_split(cut, 0, &pkt));
}

static void test_split_endloop(void)
{
    uint32_t l0[] = { NOP(2), NOP(3) };
    uint32_t l1[] = { NOP(1), NOP(2), NOP(3) };
    uint32_t l01[] = { NOP(2), NOP(2), NOP(3) };
    HexPacket pkt;

    g_assert_true(hexagon_packet_split(l0, 2, &pkt));
    g_assert_true(pkt.endloop0 && !pkt.endloop1);
    g_assert_true(hexagon_packet_split(l1, 3, &pkt));
    g_assert_true(!pkt.endloop0 && pkt.endloop1);
    g_assert_true(hexagon_packet_split(l01, 3, &pkt));
    g_assert_true(pkt.endloop0 && pkt.endloop1);
}

static void check_packet(const uint32_t *words, int n, uint64_t pc,
                         const char *text, const char *names)
{
    g_autoptr(GString) out = g_string_new(NULL);
    g_autoptr(GString) nm = g_string_new(NULL);
    HexPacket pkt;

    g_assert_true(hexagon_packet_split(words, n, &pkt));
    g_assert_true(hexagon_disas_packet(&pkt, pc, out, nm));
    g_assert_cmpstr(out->str, ==, text);
    g_assert_cmpstr(nm->str, ==, names);
}

static void test_disas_packets(void)
{
    /*
     * r1 = add(r2,#5): iclass 1011, s16 = 5 -> bits 13:5 = 5 (0xa0),
     * Rs = 2 at 20:16, Rd = 1; parse 01: 0xb0020000|0x4000|0xa0|1.
     * nop with parse 10 then 11 closes loop 0.
     */
    uint32_t p1[] = { 0xb00240a1u, NOP(3) };
    uint32_t p2[] = { NOP(2), NOP(3) };
    /*
     * immext(#0x12345640): upper 26 bits 0x48d159 -> bits 27:16 = 0x123,
     * bits 13:0 = 0x1159, parse 01: 0x01235159.  Then r0 = #0x38 (TFRSI
     * 0x78000000, imm bits 13:5 = 0x38 -> 0x700, parse 11): the low 6
     * bits 0x38 complete 0x12345640 to 0x12345678.
     */
    uint32_t p3[] = { 0x01235159u, 0x7800c700u };
    /*
     * if (p0) jump:nt 0x24 at 0x2c: iclass 0101_1100, offset -8 = -2
     * words: 15-bit field all ones except bit 0 -> 0x5cdfe0fc.
     */
    uint32_t p4[] = { 0x5cdfe0fcu };
    /* duplex iclass 3 (A, A): high r1 = #2 (0x821), low r0 = #1 (0x810) */
    uint32_t p5[] = { 0x28212810u };

    check_packet(p1, 2, 0, "{ \tr1 = add(r2,#0x5)\n  \tnop } \n",
                 "ADDI\nNOP\n");
    check_packet(p2, 2, 0, "{ \tnop\n  \tnop }  :endloop0\n", "NOP\nNOP\n");
    check_packet(p3, 2, 0,
                 "{ \timmext(#0x12345640)\n  \tr0 = ##0x12345678 } \n",
                 "IMMEXT\nTFRSI\n");
    check_packet(p4, 1, 0x2c, "{ \tif (p0) jump:nt 0x24 } \n", "PJUMP\n");
    check_packet(p5, 1, 0, "{ \tr1 = #0x2; \tr0 = #0x1 } \n",
                 "SA1_SETI+SA1_SETI\n");
}

static void test_disas_unknown(void)
{
    g_autoptr(GString) out = g_string_new(NULL);

    /* iclass 7 with bits 27:24 = 1111 and a non-zero low part: no pattern */
    g_assert_false(hexagon_disas_insn(0x7f00c001u, 0, out));
    g_assert_cmpstr(out->str, ==, "<unknown>");
    g_string_truncate(out, 0);
    g_assert_true(hexagon_disas_insn(0xb00240a1u, 0, out));
    g_assert_cmpstr(out->str, ==, "r1 = add(r2,#0x5)");
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/hexagon/packet/split-ends", test_split_ends);
    g_test_add_func("/hexagon/packet/split-malformed", test_split_malformed);
    g_test_add_func("/hexagon/packet/split-endloop", test_split_endloop);
    g_test_add_func("/hexagon/disas/packets", test_disas_packets);
    g_test_add_func("/hexagon/disas/unknown", test_disas_unknown);
    return g_test_run();
}
