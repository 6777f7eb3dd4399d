/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Hexagon v68 packet splitting and disassembly (the tables' public face).
 *
 * Hexagon executes packets of 1-4 32-bit words.  Bits 15:14 of each word
 * (the parse field) say where a packet ends: 11 ends it, 00 marks a duplex
 * word (two 13-bit sub-instructions) that also ends it, 10 in the first
 * word ends hardware loop 0 and 10 in the second word ends loop 1 (01
 * elsewhere means "more words follow").  Spec: Hexagon V68 Programmer's
 * Reference Manual, "Instruction packets" and "Instruction encoding".
 *
 * The text follows llvm-objdump-19's layout so the two can be compared:
 * one line per word, "{ " before the first, "} " after the last, duplex
 * halves joined with "; ", extended immediates written "##".
 */
#ifndef TARGET_HEXAGON_DISAS_H
#define TARGET_HEXAGON_DISAS_H

#include "hemu/osdep.h"

/* Longest packet, in words. */
#define HEX_MAX_PACKET_WORDS 4

/* One packet as found in memory. */
typedef struct HexPacket {
    uint32_t words[HEX_MAX_PACKET_WORDS]; /* in memory order */
    int nwords;                           /* 1..HEX_MAX_PACKET_WORDS */
    bool endloop0;                        /* last packet of hardware loop 0 */
    bool endloop1;                        /* last packet of hardware loop 1 */
} HexPacket;

/*
 * Split the first packet off @words (@n words available).  Returns false
 * when no word among the first min(n, 4) ends a packet, so the caller can
 * raise the invalid-packet exception (or print ".word" when disassembling).
 */
bool hexagon_packet_split(const uint32_t *words, int n, HexPacket *pkt);

/*
 * Disassemble one word that is not part of a known packet: no constant
 * extender applies.  @pc is the packet address that PC-relative operands
 * are relative to.  Returns false (and appends "<unknown>") when no pattern
 * matches.
 */
bool hexagon_disas_insn(uint32_t insn, uint64_t pc, GString *out);

/*
 * Disassemble a whole packet at @pc into @out, one line per word, in the
 * layout described above.  When @names is not NULL, append to it one line
 * per word with the table pattern names that decoded it (duplex halves
 * "high+low"; "?" for a word that does not decode).  Returns false when
 * some word does not decode.
 */
bool hexagon_disas_packet(const HexPacket *pkt, uint64_t pc, GString *out,
                          GString *names);

#endif
