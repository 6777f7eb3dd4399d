/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Hexagon v68 disassembler built from the isagen tables (hex-*.isa):
 * packet splitting, constant extenders, duplex words and the text layout
 * of llvm-objdump-19 (see disas.h).
 *
 * Every word is decoded twice: disas_<table> appends the text, and
 * decode_<table> with the generated stubs (gen-stubs.py) records the
 * pattern name.  Both walk the tables in the order of hex_tables[] and
 * stop at the first match; the tables are split by instruction class and
 * do not overlap.  A pending immext (PRM "Constant extenders") lives in
 * HexDisasCtx for the one following word and is consumed by extend_imm.
 * No state outlives a call: the context is on the caller's stack.
 */
#include "hemu/osdep.h"
#include "disas.h"

typedef struct HexDisasCtx {
    uint64_t pc;          /* address of the packet being printed */
    bool ext_pending;     /* the previous word was an immext */
    uint32_t ext_bits;    /* its value: upper 26 bits, low 6 bits zero */
    const char *name;     /* pattern recorded by the last trans_ stub */
    /* new-value operands (PRM "New-value operands") */
    int ninsn;            /* instructions of the packet printed so far,
                             constant extenders not counted */
    int8_t dest[2 * HEX_MAX_PACKET_WORDS]; /* register each of them wrote
                                              first; -1: none */
    bool nv_bad;          /* a new-value operand named no producer */
} HexDisasCtx;

/*
 * Extend hook called for fields marked `extend`: with a pending immext
 * the value is the extender's bits plus the low @keep bits of the raw
 * field, unscaled, as a 32-bit quantity.
 */
static int64_t extend_imm(HexDisasCtx *ctx, uint32_t raw, int64_t value,
                          int keep)
{
    if (!ctx->ext_pending) {
        return value;
    }
    return (int32_t)(ctx->ext_bits | (raw & ((1u << keep) - 1)));
}

static void put_hex(GString *out, int64_t v)
{
    if (v < 0) {
        g_string_append_printf(out, "-0x%" PRIx64, (uint64_t)-v);
    } else {
        g_string_append_printf(out, "0x%" PRIx64, (uint64_t)v);
    }
}

/* Extendable signed immediate: "##" prefix (after the template's '#'). */
static void fmt_exts(HexDisasCtx *ctx, GString *out, int64_t v)
{
    if (ctx->ext_pending) {
        g_string_append_c(out, '#');
    }
    put_hex(out, v);
}

/* Extendable unsigned immediate: printed as an unsigned 32-bit value. */
static void fmt_extu(HexDisasCtx *ctx, GString *out, int64_t v)
{
    if (ctx->ext_pending) {
        g_string_append_c(out, '#');
        v = (uint32_t)v;
    }
    put_hex(out, v);
}

/* GP-relative offset; with an extender the address is absolute. */
static void fmt_gprel(HexDisasCtx *ctx, GString *out, int64_t v)
{
    if (ctx->ext_pending) {
        g_string_append(out, "##");
        put_hex(out, (uint32_t)v);
    } else {
        g_string_append(out, "gp+#");
        put_hex(out, v);
    }
}

/* Control register names (PRM "Control registers"); NULL: reserved. */
static const char *const hex_creg_names[32] = {
    "sa0", "lc0", "sa1", "lc1", "p3:0", "c5", "m0", "m1",
    "usr", "pc", "ugp", "gp", "cs0", "cs1", "upcyclelo", "upcyclehi",
    "framelimit", "framekey", "pktcountlo", "pktcounthi",
    [30] = "utimerlo", [31] = "utimerhi",
};

/* System register names (PRM "System registers"); others print as sN. */
static const char *const hex_sreg_names[] = {
    "sgp0", "sgp1", "stid", "elr", "badva0", "badva1", "ssr", "ccr",
    "htid", "badva", "imask", [16] = "evb", "modectl", "syscfg",
    [21] = "vid", [27] = "cfgbase", "diag", "rev", "pcyclelo", "pcyclehi",
    "isdbst", "isdbcfg0", "isdbcfg1", [36] = "brkptpc0", "brkptcfg0",
    "brkptpc1", "brkptcfg1", "isdbmbxin", "isdbmbxout", "isdben",
    "isdbgpr", [48] = "pmucnt0", "pmucnt1", "pmucnt2", "pmucnt3",
    "pmuevtcfg", "pmucfg",
};

/* Guest register names (PRM "Guest registers"); others print as gN. */
static const char *const hex_greg_names[32] = {
    "gelr", "gsr", "gosp", "gbadva", [16] = "gpmucnt4", "gpmucnt5",
    "gpmucnt6", "gpmucnt7", [24] = "gpcyclelo", "gpcyclehi", "gpmucnt0",
    "gpmucnt1", "gpmucnt2", "gpmucnt3",
};

static void put_named(GString *out, const char *const *names, size_t n,
                      char prefix, int64_t v)
{
    if (v >= 0 && v < n && names[v]) {
        g_string_append(out, names[v]);
    } else {
        g_string_append_printf(out, "%c%d", prefix, (int)v);
    }
}

static void fmt_creg(HexDisasCtx *ctx, GString *out, int64_t v)
{
    put_named(out, hex_creg_names, G_N_ELEMENTS(hex_creg_names), 'c', v);
}

static void fmt_sreg(HexDisasCtx *ctx, GString *out, int64_t v)
{
    put_named(out, hex_sreg_names, G_N_ELEMENTS(hex_sreg_names), 's', v);
}

static void fmt_greg(HexDisasCtx *ctx, GString *out, int64_t v)
{
    put_named(out, hex_greg_names, G_N_ELEMENTS(hex_greg_names), 'g', v);
}

/* Control, system and guest register pairs print by number. */
static void fmt_cpair(HexDisasCtx *ctx, GString *out, int64_t v)
{
    g_string_append_printf(out, "c%d:%d", (int)v + 1, (int)v);
}

static void fmt_spair(HexDisasCtx *ctx, GString *out, int64_t v)
{
    g_string_append_printf(out, "s%d:%d", (int)v + 1, (int)v);
}

static void fmt_gpair(HexDisasCtx *ctx, GString *out, int64_t v)
{
    g_string_append_printf(out, "g%d:%d", (int)v + 1, (int)v);
}

/* Register pair r{n+1}:{n}; @v is the even register number. */
static void fmt_pair(HexDisasCtx *ctx, GString *out, int64_t v)
{
    g_string_append_printf(out, "r%d:%d", (int)v + 1, (int)v);
}

/* Predicate condition: bit 3 "!", bit 2 ".new", bits 1:0 the register. */
static void fmt_cond(HexDisasCtx *ctx, GString *out, int64_t v)
{
    g_string_append_printf(out, "if (%sp%d%s)", v & 8 ? "!" : "",
                           (int)(v & 3), v & 4 ? ".new" : "");
}

/* Compound jump condition: bit 1 "!", bit 0 the predicate (p0/p1). */
static void fmt_cjcond(HexDisasCtx *ctx, GString *out, int64_t v)
{
    g_string_append_printf(out, "if (%sp%d.new)", v & 2 ? "!" : "",
                           (int)(v & 1));
}

/* Compound jump predicate register, from the same member. */
static void fmt_cjp(HexDisasCtx *ctx, GString *out, int64_t v)
{
    g_string_append_printf(out, "%d", (int)(v & 1));
}

/* Branch prediction hint: 1 is "taken". */
static void fmt_hint(HexDisasCtx *ctx, GString *out, int64_t v)
{
    g_string_append(out, v ? ":t" : ":nt");
}

/* PC-relative target: packet address plus the byte offset, 32 bits. */
static void fmt_target(HexDisasCtx *ctx, GString *out, int64_t v)
{
    g_string_append_printf(out, "0x%" PRIx32, (uint32_t)(ctx->pc + v));
}

/*
 * New-value operand: @v instructions back in the packet.  Printed as the
 * producer's register with ".new"; no producer makes the word invalid.
 */
static void fmt_newreg(HexDisasCtx *ctx, GString *out, int64_t v)
{
    int i = ctx->ninsn - (int)v;

    if (v < 1 || i < 0 || ctx->dest[i] < 0) {
        ctx->nv_bad = true;
        g_string_append(out, "r?.new");
        return;
    }
    g_string_append_printf(out, "r%d.new", ctx->dest[i]);
}

/*
 * The register an instruction writes first, from its text: "rN = ...",
 * "rN.h = ..." or "if (...) rN = ..." (a load with post-increment names
 * its loaded register first); -1 for anything else (stores, predicates,
 * pairs).
 */
static int text_dest(const char *s)
{
    char *end;
    long n;

    if (g_str_has_prefix(s, "if (")) {
        s = strchr(s, ')');
        if (!s) {
            return -1;
        }
        s++;
        while (*s == ' ') {
            s++;
        }
    }
    if (s[0] != 'r' || !g_ascii_isdigit(s[1])) {
        return -1;
    }
    n = strtol(s + 1, &end, 10);
    if (end[0] == '.' && (end[1] == 'h' || end[1] == 'l')) {
        end += 2;               /* rN.h = #u16 writes rN */
    }
    if (*end != ' ' || n > 31) {
        return -1;
    }
    while (*end == ' ') {
        end++;
    }
    return *end == '=' || (end[0] && end[1] == '=') ? (int)n : -1;
}

/*
 * Predicate of the absolute-set and Ru<<#u2+##U32 patterns:
 * llvm-objdump-19 decodes them only with a constant extender.
 */
static bool hex_extended(HexDisasCtx *ctx)
{
    return ctx->ext_pending;
}

/* Duplex sub-instruction register: 0-7 are r0-r7, 8-15 are r16-r23. */
static void fmt_subreg(HexDisasCtx *ctx, GString *out, int64_t v)
{
    g_string_append_printf(out, "r%d", (int)(v < 8 ? v : v + 8));
}

/* Duplex register pair: 0-3 are r1:0..r7:6, 4-7 are r17:16..r23:22. */
static void fmt_subpair(HexDisasCtx *ctx, GString *out, int64_t v)
{
    int r = v < 4 ? v * 2 : 16 + (v - 4) * 2;

    g_string_append_printf(out, "r%d:%d", r + 1, r);
}

#include "decode-hexagon.c.inc"
#include "decode-hexagon-stubs.c.inc"

typedef bool HexDecodeFn(HexDisasCtx *ctx, uint32_t insn);
typedef bool HexDisasFn(HexDisasCtx *ctx, uint32_t insn, GString *out);

typedef struct HexTable {
    HexDecodeFn *decode;
    HexDisasFn *disas;
} HexTable;

#define HEX_TABLE(t) { decode_##t, disas_##t }

/* The 32-bit tables, by instruction class. */
static const HexTable hex_tables[] = {
    HEX_TABLE(hex_immext),
    HEX_TABLE(hex_alu32),
    HEX_TABLE(hex_j),
    HEX_TABLE(hex_ldst),
    HEX_TABLE(hex_cr),
    HEX_TABLE(hex_sys),
    HEX_TABLE(hex_xtype),
    HEX_TABLE(hex_xtype2),
    HEX_TABLE(hex_mpy3),
    HEX_TABLE(hex_perm3),
    HEX_TABLE(hex_ldst2),
    HEX_TABLE(hex_fp),
    HEX_TABLE(hex_rest),
    HEX_TABLE(hex_sys2),
    HEX_TABLE(hex_dma),
    HEX_TABLE(hex_more),
};

/* Duplex sub-instruction groups (PRM "Duplexes"). */
enum { SUB_L1, SUB_L2, SUB_S1, SUB_S2, SUB_A, SUB_NONE };

static const HexTable hex_sub_tables[] = {
    [SUB_L1] = HEX_TABLE(hex_sub_l1),
    [SUB_L2] = HEX_TABLE(hex_sub_l2),
    [SUB_S1] = HEX_TABLE(hex_sub_s1),
    [SUB_S2] = HEX_TABLE(hex_sub_s2),
    [SUB_A] = HEX_TABLE(hex_sub_a),
};

/*
 * Duplex iclass (bits 31:29 . 13) to the groups of the low (bits 12:0)
 * and high (bits 28:16) sub-instructions; iclass 15 is reserved.
 */
static const uint8_t hex_duplex_groups[16][2] = {
    { SUB_L1, SUB_L1 }, { SUB_L2, SUB_L1 }, { SUB_L2, SUB_L2 },
    { SUB_A, SUB_A },   { SUB_L1, SUB_A },  { SUB_L2, SUB_A },
    { SUB_S1, SUB_A },  { SUB_S2, SUB_A },  { SUB_S1, SUB_L1 },
    { SUB_S1, SUB_L2 }, { SUB_S1, SUB_S1 }, { SUB_S2, SUB_S1 },
    { SUB_S2, SUB_L1 }, { SUB_S2, SUB_L2 }, { SUB_S2, SUB_S2 },
    { SUB_NONE, SUB_NONE },
};

/* Record what the instruction just printed wrote, for later .new uses. */
static void note_insn(HexDisasCtx *ctx, const char *text)
{
    if (ctx->name && !strcmp(ctx->name, "IMMEXT")) {
        return;
    }
    if (ctx->ninsn < G_N_ELEMENTS(ctx->dest)) {
        ctx->dest[ctx->ninsn++] = text_dest(text);
    }
}

/* Print one word with the first table that matches; name it in @names. */
static bool disas_one(HexDisasCtx *ctx, const HexTable *tables, int ntables,
                      uint32_t insn, GString *out, GString *names)
{
    for (int i = 0; i < ntables; i++) {
        gsize len = out->len;

        ctx->nv_bad = false;
        if (tables[i].disas(ctx, insn, out) && !ctx->nv_bad) {
            ctx->name = NULL;
            tables[i].decode(ctx, insn);
            if (names) {
                g_string_append(names, ctx->name ? ctx->name : "?");
            }
            note_insn(ctx, out->str + len);
            return true;
        }
        g_string_truncate(out, len);
        if (ctx->nv_bad) {
            break;
        }
    }
    ctx->name = NULL;
    note_insn(ctx, "");
    g_string_append(out, "<unknown>");
    if (names) {
        g_string_append_c(names, '?');
    }
    return false;
}

/* A duplex word: "high; low", the extender applying to the high half. */
static bool disas_duplex(HexDisasCtx *ctx, uint32_t insn, GString *out,
                         GString *names)
{
    int iclass = (insn >> 28 & 0xe) | (insn >> 13 & 1);
    const uint8_t *g = hex_duplex_groups[iclass];
    bool ok;

    if (g[0] == SUB_NONE) {
        g_string_append(out, "<unknown>");
        if (names) {
            g_string_append_c(names, '?');
        }
        return false;
    }
    ok = disas_one(ctx, &hex_sub_tables[g[1]], 1, insn >> 16, out, names);
    ctx->ext_pending = false;
    g_string_append(out, "; \t");
    if (names) {
        g_string_append_c(names, '+');
    }
    ok &= disas_one(ctx, &hex_sub_tables[g[0]], 1, insn, out, names);
    return ok;
}

bool hexagon_packet_split(const uint32_t *words, int n, HexPacket *pkt)
{
    int max = MIN(n, HEX_MAX_PACKET_WORDS);

    for (int i = 0; i < max; i++) {
        uint32_t parse = words[i] >> 14 & 3;

        pkt->words[i] = words[i];
        if (parse == 3 || parse == 0) {
            pkt->nwords = i + 1;
            pkt->endloop0 = i >= 1 && (words[0] >> 14 & 3) == 2;
            pkt->endloop1 = i >= 2 && (words[1] >> 14 & 3) == 2;
            return true;
        }
    }
    return false;
}

bool hexagon_disas_insn(uint32_t insn, uint64_t pc, GString *out)
{
    HexDisasCtx ctx = { .pc = pc };

    if ((insn >> 14 & 3) == 0) {
        return disas_duplex(&ctx, insn, out, NULL);
    }
    return disas_one(&ctx, hex_tables, G_N_ELEMENTS(hex_tables), insn, out,
                     NULL);
}

bool hexagon_disas_packet(const HexPacket *pkt, uint64_t pc, GString *out,
                          GString *names)
{
    HexDisasCtx ctx = { .pc = pc };
    bool ok = true;

    for (int i = 0; i < pkt->nwords; i++) {
        uint32_t insn = pkt->words[i];
        bool is_ext;

        g_string_append(out, i == 0 ? "{ \t" : "  \t");
        if ((insn >> 14 & 3) == 0) {
            ok &= disas_duplex(&ctx, insn, out, names);
            is_ext = false;
        } else {
            ok &= disas_one(&ctx, hex_tables, G_N_ELEMENTS(hex_tables),
                            insn, out, names);
            is_ext = (insn >> 28) == 0;
        }
        ctx.ext_pending = is_ext;
        ctx.ext_bits = is_ext ? (uint32_t)((insn >> 16 & 0xfff) << 20 |
                                           (insn & 0x3fff) << 6) : 0;
        if (i == pkt->nwords - 1) {
            g_string_append(out, " } ");
            if (pkt->endloop0 || pkt->endloop1) {
                g_string_append_printf(out, " :endloop%s%s",
                                       pkt->endloop0 ? "0" : "",
                                       pkt->endloop1 ? "1" : "");
            }
        }
        g_string_append_c(out, '\n');
        if (names) {
            g_string_append_c(names, '\n');
        }
    }
    return ok;
}
