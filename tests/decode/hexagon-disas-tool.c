/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Hexagon disassembler driver for the decoder check (hexagon-check.py).
 *
 * Reads lines "ADDR W0 [W1 ...]" (hex) on stdin, one packet per line,
 * splits each with hexagon_packet_split, and prints for every word
 * "NAMES<TAB>TEXT" where NAMES are the table patterns that decoded it
 * ("high+low" for a duplex, "?" when nothing matched) and TEXT is that
 * word's line of the packet as hexagon_disas_packet prints it.  A line
 * that is not one whole packet prints "ERROR<TAB>..." and the exit status
 * becomes 1.
 */
#include "hemu/osdep.h"
#include "disas.h"

static bool run_line(const char *line)
{
    g_auto(GStrv) tok = g_strsplit_set(line, " \t", -1);
    uint32_t words[HEX_MAX_PACKET_WORDS + 1];
    int n = 0;
    uint64_t pc;
    HexPacket pkt;
    g_autoptr(GString) text = g_string_new(NULL);
    g_autoptr(GString) names = g_string_new(NULL);

    if (!tok[0] || !*tok[0]) {
        return true;
    }
    pc = g_ascii_strtoull(tok[0], NULL, 16);
    for (int i = 1; tok[i]; i++) {
        if (*tok[i] && n < G_N_ELEMENTS(words)) {
            words[n++] = (uint32_t)g_ascii_strtoull(tok[i], NULL, 16);
        }
    }
    if (!hexagon_packet_split(words, n, &pkt) || pkt.nwords != n) {
        printf("ERROR\tnot one packet: %s\n", line);
        return false;
    }
    hexagon_disas_packet(&pkt, pc, text, names);
    {
        g_auto(GStrv) tl = g_strsplit(text->str, "\n", -1);
        g_auto(GStrv) nl = g_strsplit(names->str, "\n", -1);

        for (int i = 0; i < pkt.nwords; i++) {
            printf("%s\t%s\n", nl[i], tl[i]);
        }
    }
    return true;
}

int main(int argc, char **argv)
{
    char buf[256];
    bool ok = true;

    while (fgets(buf, sizeof(buf), stdin)) {
        g_strchomp(buf);
        ok &= run_line(buf);
    }
    return ok ? 0 : 1;
}
