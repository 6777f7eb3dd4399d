/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * C harness for isagen: compiles the decoder generated from toy-a64.isa and
 * toy-hex.isa and checks that chosen instruction words reach the right
 * trans_ function with the right member values (signed, concatenated,
 * scaled, offset, computed and constant-extended fields), that predicates
 * and overlap groups pick the right pattern, that 13-bit duplex
 * sub-instructions decode from their own tables, and that the disassembler
 * prints the templates.  Every instruction word below is assembled by hand
 * from the encodings in the .isa comments; the arithmetic is in comments.
 */
#include "hemu/osdep.h"

typedef struct ToyContext {
    bool has_div;        /* feature tested by ?toy_has_div */
    int el;              /* exception level, tested by ?(ctx->el == 0) */
    bool mov_refuses;    /* trans_MOV returns false (overlap fall-through) */
    bool have_ext;       /* an immext is pending */
    uint32_t ext_value;  /* its value: upper 26 bits, low 6 bits zero */
    const char *last;    /* name of the last trans_ called, or NULL */
    int calls;           /* number of trans_ calls */
    int64_t v[4];        /* member values of the last call, in order */
} ToyContext;

/* Constant extender (Hexagon PRM "Constant extenders"): the pending
 * immext supplies the upper bits, the instruction keeps its low bits,
 * unscaled. */
static int64_t extend_imm(ToyContext *ctx, uint32_t raw, int64_t value,
                          int keep)
{
    if (!ctx->have_ext) {
        return value;
    }
    return ctx->ext_value | (raw & ((1u << keep) - 1));
}

/* Toy stand-in for the A64 bitmask immediate: imms + 1 low ones. */
static int64_t toy_bitmask(ToyContext *ctx, uint32_t insn)
{
    return (int64_t)((2ull << ((insn >> 10) & 0x3f)) - 1);
}

static bool toy_has_div(ToyContext *ctx)
{
    return ctx->has_div;
}

static void fmt_xreg(ToyContext *ctx, GString *out, int64_t r)
{
    g_string_append_printf(out, r == 31 ? "xzr" : "x%d", (int)r);
}

static void fmt_xsp(ToyContext *ctx, GString *out, int64_t r)
{
    g_string_append_printf(out, r == 31 ? "sp" : "x%d", (int)r);
}

static void fmt_cond(ToyContext *ctx, GString *out, int64_t c)
{
    static const char names[16][3] = {
        "eq", "ne", "cs", "cc", "mi", "pl", "vs", "vc",
        "hi", "ls", "ge", "lt", "gt", "le", "al", "nv",
    };

    g_string_append(out, names[c & 15]);
}

/* Hexagon immediates: '##' marks an extended one. */
static void fmt_imm(ToyContext *ctx, GString *out, int64_t v)
{
    g_string_append_printf(out, "%s%" PRId64, ctx->have_ext ? "#" : "", v);
}

/* Duplex sub-instruction registers: 0-7 are R0-R7, 8-15 are R16-R23. */
static void fmt_subreg(ToyContext *ctx, GString *out, int64_t r)
{
    g_string_append_printf(out, "%d", (int)(r < 8 ? r : r + 8));
}

#include "toy.c.inc"

static bool record(ToyContext *ctx, const char *name, int n, int64_t v0,
                   int64_t v1, int64_t v2, int64_t v3)
{
    ctx->last = name;
    ctx->calls++;
    ctx->v[0] = v0;
    ctx->v[1] = n > 1 ? v1 : 0;
    ctx->v[2] = n > 2 ? v2 : 0;
    ctx->v[3] = n > 3 ? v3 : 0;
    return true;
}

#define TRANS1(NAME, SET, A)                                                 \
    static bool trans_##NAME(ToyContext *ctx, arg_##SET *a)                  \
    {                                                                        \
        return record(ctx, #NAME, 1, a->A, 0, 0, 0);                         \
    }
#define TRANS2(NAME, SET, A, B)                                              \
    static bool trans_##NAME(ToyContext *ctx, arg_##SET *a)                  \
    {                                                                        \
        return record(ctx, #NAME, 2, a->A, a->B, 0, 0);                      \
    }
#define TRANS3(NAME, SET, A, B, C)                                           \
    static bool trans_##NAME(ToyContext *ctx, arg_##SET *a)                  \
    {                                                                        \
        return record(ctx, #NAME, 3, a->A, a->B, a->C, 0);                   \
    }

TRANS3(ADDI, rri, rd, rn, imm)
TRANS3(ANDI, rri, rd, rn, imm)
TRANS3(LDUR, LDUR, rt, rn, imm)
TRANS2(BCOND, BCOND, off, cond)
TRANS2(ADR, ADR, rd, imm)
TRANS3(UDIV, rrr, rd, rn, rm)
TRANS1(SVC, SVC, imm)
TRANS3(ORR, rrr, rd, rn, rm)
TRANS1(IMMEXT, IMMEXT, imm)
TRANS3(ADDI_H, hri, rd, rs, imm)
TRANS3(LOADRI, hri, rd, rs, imm)
TRANS1(JUMP, JUMP, off)
TRANS2(SA1_ADDI, SA1_ADDI, rx, imm)
TRANS2(SA1_SETI, SA1_SETI, rd, imm)
TRANS2(SA1_TFR, SA1_TFR, rd, rs)
TRANS3(SL1_LOADRI, hri, rd, rs, imm)
TRANS3(SL1_LOADRUB, hri, rd, rs, imm)

static bool trans_UBFX(ToyContext *ctx, arg_UBFX *a)
{
    return record(ctx, "UBFX", 4, a->rd, a->rn, a->lsb, a->width);
}

static bool trans_MOV(ToyContext *ctx, arg_MOV *a)
{
    if (ctx->mov_refuses) {
        return false;
    }
    return record(ctx, "MOV", 2, a->rd, a->rm, 0, 0);
}

/* Decode one word, expect trans_<name> with values v0..v3. */
static void check_decode(bool (*decode)(ToyContext *, uint32_t),
                         ToyContext *ctx, uint32_t insn, const char *name,
                         int64_t v0, int64_t v1, int64_t v2, int64_t v3)
{
    ctx->last = NULL;
    g_assert_true(decode(ctx, insn));
    g_assert_cmpstr(ctx->last, ==, name);
    g_assert_cmpint(ctx->v[0], ==, v0);
    g_assert_cmpint(ctx->v[1], ==, v1);
    g_assert_cmpint(ctx->v[2], ==, v2);
    g_assert_cmpint(ctx->v[3], ==, v3);
}

static void check_disas(bool (*disas)(ToyContext *, uint32_t, GString *),
                        ToyContext *ctx, uint32_t insn, const char *text)
{
    GString *out = g_string_new(NULL);

    g_assert_true(disas(ctx, insn, out));
    g_assert_cmpstr(out->str, ==, text);
    g_string_free(out, TRUE);
}

/* A64: plain, computed, offset, signed, scaled and concatenated fields. */
static void test_a64_fields(void)
{
    ToyContext ctx = { 0 };

    /* add x1, x2, #42: 0x91000000 | 42 << 10 | 2 << 5 | 1 */
    check_decode(decode_toy_a64, &ctx, 0x9100A841, "ADDI", 1, 2, 42, 0);
    /* and x4, x3: N=1 (0x400000), imms=7 (0x1c00), Rn=3, Rd=4; the toy
     * bitmask is imms + 1 = 8 ones */
    check_decode(decode_toy_a64, &ctx, 0x92401C64, "ANDI", 4, 3, 0xff, 0);
    /* ubfx: immr=8 (0x80000), imms=3 (0xc00), Rn=5, Rd=6; width = 3 + 1 */
    check_decode(decode_toy_a64, &ctx, 0xD3480CA6, "UBFX", 6, 5, 8, 4);
    /* ldur x0, [sp, #-8]: imm9 = 0x1f8 at bit 12, Rn=31 */
    check_decode(decode_toy_a64, &ctx, 0xF85F83E0, "LDUR", 0, 31, -8, 0);
    /* b.ne -8: imm19 = -2 = 0x7fffe at bit 5, cond=1; offset is << 2 */
    check_decode(decode_toy_a64, &ctx, 0x54FFFFC1, "BCOND", -8, 1, 0, 0);
    /* adr x7, #-3: imm21 = 0x1ffffd, immlo (30:29) = 1, immhi = 0x7ffff */
    check_decode(decode_toy_a64, &ctx, 0x30FFFFE7, "ADR", 7, -3, 0, 0);
    /* adr x0, #6: immlo = 2, immhi = 1 */
    check_decode(decode_toy_a64, &ctx, 0x50000020, "ADR", 0, 6, 0, 0);
    /* no pattern: all zeros, or SVC with bits 4:0 = 2 */
    g_assert_false(decode_toy_a64(&ctx, 0x00000000));
    g_assert_false(decode_toy_a64(&ctx, 0xD4000202));
}

/* Predicates: a feature function and a C expression over the context. */
static void test_a64_predicates(void)
{
    ToyContext ctx = { 0 };

    /* udiv x1, x2, x3: 0x9ac00800 | 3 << 16 | 2 << 5 | 1 */
    ctx.last = NULL;
    g_assert_false(decode_toy_a64(&ctx, 0x9AC30841));
    g_assert_null(ctx.last);
    ctx.has_div = true;
    check_decode(decode_toy_a64, &ctx, 0x9AC30841, "UDIV", 1, 2, 3, 0);

    /* svc #0x10: 0xd4000001 | 0x10 << 5; only at EL0 in the toy */
    check_decode(decode_toy_a64, &ctx, 0xD4000201, "SVC", 0x10, 0, 0, 0);
    ctx.el = 1;
    ctx.last = NULL;
    g_assert_false(decode_toy_a64(&ctx, 0xD4000201));
    g_assert_null(ctx.last);
}

/* Overlap group: MOV (ORR with Rn=XZR) first, ORR when MOV refuses. */
static void test_a64_overlap(void)
{
    ToyContext ctx = { 0 };

    /* mov x1, x2 = orr x1, xzr, x2: 0xaa000000 | 2 << 16 | 31 << 5 | 1 */
    check_decode(decode_toy_a64, &ctx, 0xAA0203E1, "MOV", 1, 2, 0, 0);
    ctx.mov_refuses = true;
    check_decode(decode_toy_a64, &ctx, 0xAA0203E1, "ORR", 1, 31, 2, 0);
    /* orr x1, x3, x2: Rn=3 is not the alias, MOV is never tried */
    ctx.mov_refuses = false;
    ctx.calls = 0;
    check_decode(decode_toy_a64, &ctx, 0xAA020061, "ORR", 1, 3, 2, 0);
    g_assert_cmpint(ctx.calls, ==, 1);
}

static void test_a64_disas(void)
{
    ToyContext ctx = { .has_div = true };

    check_disas(disas_toy_a64, &ctx, 0x9100A841, "add x1, x2, #42");
    check_disas(disas_toy_a64, &ctx, 0x92401C64, "and x4, x3, #0xff");
    check_disas(disas_toy_a64, &ctx, 0xD3480CA6, "ubfx x6, x5, #8, #4");
    check_disas(disas_toy_a64, &ctx, 0xF85F83E0, "ldur x0, [sp, #-8]");
    check_disas(disas_toy_a64, &ctx, 0x54FFFFC1, "b.ne -8");
    check_disas(disas_toy_a64, &ctx, 0x30FFFFE7, "adr x7, #-3");
    check_disas(disas_toy_a64, &ctx, 0x9AC30841, "udiv x1, x2, x3");
    check_disas(disas_toy_a64, &ctx, 0xD4000201, "svc #0x10");
    check_disas(disas_toy_a64, &ctx, 0xAA0203E1, "mov x1, x2");
    check_disas(disas_toy_a64, &ctx, 0xAA020061, "orr x1, x3, x2");
}

/* Hexagon words: parse bits 15:14 ignored, signed concatenations. */
static void test_hex_words(void)
{
    ToyContext ctx = { 0 };

    /* r2 = add(r3, #56): s16 = 0x38 -> bits 13:5 = 0x038 (0x700),
     * Rs=3 (0x30000), Rd=2, parse bits 11 (0xc000) or 01 (0x4000) */
    check_decode(decode_toy_hex, &ctx, 0xB003C702, "ADDI_H", 2, 3, 56, 0);
    check_decode(decode_toy_hex, &ctx, 0xB0034702, "ADDI_H", 2, 3, 56, 0);
    /* r2 = add(r3, #-1): s16 = 0xffff -> 27:21 = 0x7f, 13:5 = 0x1ff */
    check_decode(decode_toy_hex, &ctx, 0xBFE3FFE2, "ADDI_H", 2, 3, -1, 0);
    /* r4 = memw(r5 + #-4): s11:2 raw = 0x7ff -> 26:25 = 3, 13:5 = 0x1ff;
     * -1 << 2 = -4 */
    check_decode(decode_toy_hex, &ctx, 0x9785FFE4, "LOADRI", 4, 5, -4, 0);
    /* jump -8: r22:2 raw = 0x3ffffe -> 24:16 = 0x1ff, 13:1 = 0x1ffe */
    check_decode(decode_toy_hex, &ctx, 0x59FFFFFC, "JUMP", -8, 0, 0, 0);
    /* JUMP needs bit 0 clear */
    g_assert_false(decode_toy_hex(&ctx, 0x59FFFFFD));
}

/* Constant extender: immext then an extendable immediate. */
static void test_hex_extender(void)
{
    ToyContext ctx = { 0 };

    /* immext for 0x12345678: upper 26 bits 0x48d159 -> 27:16 = 0x123,
     * 13:0 = 0x1159, parse bits 01; the field is << 6 */
    check_decode(decode_toy_hex, &ctx, 0x01235159, "IMMEXT", 0x12345640,
                 0, 0, 0);
    ctx.have_ext = true;
    ctx.ext_value = 0x12345640;
    /* r2 = add(r3, ##0x12345678): the addi keeps its low 6 bits, 0x38 */
    check_decode(decode_toy_hex, &ctx, 0xB003C702, "ADDI_H", 2, 3,
                 0x12345678, 0);
    /* memw(r5 + ##...): extended, the scaled field is taken unscaled:
     * low 6 raw bits 0x3f, no << 2 */
    check_decode(decode_toy_hex, &ctx, 0x9785FFE4, "LOADRI", 4, 5,
                 0x1234567F, 0);
    check_disas(disas_toy_hex, &ctx, 0xB003C702,
                "r2 = add(r3, ##305419896)");
    /* duplex SA1_seti r3 = #u6 with u6 = 0x38: 0x800 | 0x38 << 4 | 3 */
    check_decode(decode_toy_sub_a, &ctx, 0xB83, "SA1_SETI", 3, 0x12345678,
                 0, 0);
    ctx.have_ext = false;
    check_decode(decode_toy_sub_a, &ctx, 0xB83, "SA1_SETI", 3, 0x38, 0, 0);
}

static void test_hex_disas(void)
{
    ToyContext ctx = { 0 };

    check_disas(disas_toy_hex, &ctx, 0x01235159, "immext(#0x12345640)");
    check_disas(disas_toy_hex, &ctx, 0xBFE3FFE2, "r2 = add(r3, #-1)");
    check_disas(disas_toy_hex, &ctx, 0x9785FFE4, "r4 = memw(r5 + #-4)");
    check_disas(disas_toy_hex, &ctx, 0x59FFFFFC, "jump -8");
}

/*
 * A duplex word in this toy: iclass = bits 31:29 and 13; iclass 3 is
 * A/A and iclass 4 is L1 (bits 28:16) / A (bits 12:0).
 */
static bool toy_decode_duplex(ToyContext *ctx, uint32_t word)
{
    unsigned iclass = ((word >> 29) << 1) | ((word >> 13) & 1);
    uint32_t hi = (word >> 16) & 0x1fff, lo = word & 0x1fff;

    switch (iclass) {
    case 3:
        return decode_toy_sub_a(ctx, hi) && decode_toy_sub_a(ctx, lo);
    case 4:
        return decode_toy_sub_l1(ctx, hi) && decode_toy_sub_a(ctx, lo);
    default:
        return false;
    }
}

/* 13-bit sub-instructions from their own tables. */
static void test_duplex(void)
{
    ToyContext ctx = { 0 };
    GString *out = g_string_new(NULL);

    /* SA1_addi r17 = add(r17, #-2): s7 = 0x7e at bit 4, Rx enc 9 */
    check_decode(decode_toy_sub_a, &ctx, 0x7E9, "SA1_ADDI", 9, -2, 0, 0);
    check_disas(disas_toy_sub_a, &ctx, 0x7E9, "r17 = add(r17, #-2)");
    /* bits above the 13 used ones are not looked at */
    check_decode(decode_toy_sub_a, &ctx, 0xE853, "SA1_SETI", 3, 5, 0, 0);
    /* SL1 r1 = memw(r2 + #12): u4 = 3 at bit 8, scaled << 2 */
    check_decode(decode_toy_sub_l1, &ctx, 0x321, "SL1_LOADRI", 1, 2, 12, 0);
    /* iclass 4 (010 in 31:29, 0 in bit 13): hi 0x321, lo 0x853 */
    ctx.calls = 0;
    g_assert_true(toy_decode_duplex(&ctx, 0x43210853));
    g_assert_cmpint(ctx.calls, ==, 2);
    g_assert_cmpstr(ctx.last, ==, "SA1_SETI");
    g_assert_true(disas_toy_sub_l1(&ctx, 0x321, out));
    g_string_append(out, "; ");
    g_assert_true(disas_toy_sub_a(&ctx, 0x853, out));
    g_assert_cmpstr(out->str, ==, "r1 = memw(r2 + #12); r3 = #5");
    /* iclass 3, A/A (001 in 31:29, 1 in bit 13): SA1_tfr r16 = r1
     * (toy encoding 1_0000_ssss_dddd: hi 0x1018), SA1_seti (lo 0x853) */
    check_decode(decode_toy_sub_a, &ctx, 0x1018, "SA1_TFR", 8, 1, 0, 0);
    check_disas(disas_toy_sub_a, &ctx, 0x1018, "r16 = r1");
    check_decode(toy_decode_duplex, &ctx, 0x30182853, "SA1_SETI", 3, 5, 0,
                 0);
    /* iclass 5 is not handled by this toy frontend */
    g_assert_false(toy_decode_duplex(&ctx, 0x40182853));
    g_string_free(out, TRUE);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/isagen/a64/fields", test_a64_fields);
    g_test_add_func("/isagen/a64/predicates", test_a64_predicates);
    g_test_add_func("/isagen/a64/overlap", test_a64_overlap);
    g_test_add_func("/isagen/a64/disas", test_a64_disas);
    g_test_add_func("/isagen/hex/words", test_hex_words);
    g_test_add_func("/isagen/hex/extender", test_hex_extender);
    g_test_add_func("/isagen/hex/disas", test_hex_disas);
    g_test_add_func("/isagen/hex/duplex", test_duplex);
    return g_test_run();
}
