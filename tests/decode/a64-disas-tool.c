/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A64 decode check tool, driven by tests/decode/a64-check.py.  Reads lines
 * "PC WORD" (hex) on stdin and prints, per line, "PATTERN<TAB>TEXT": the
 * name of the table pattern hemu's decoder picks (through trans_ stubs
 * generated from the decoder's prototypes) and the text of hemu's
 * disassembler (libhemu-arm-decode), or "-<TAB><unknown>" when the
 * decoder rejects the word.  All A64_FEAT_* features are enabled, as
 * llvm-objdump enables all of them.
 */
#include "hemu/osdep.h"
#include "a64-decode.h"

#include "decode-a64-decode.c.inc"
#include "a64-trans-stubs.c.inc"

static bool tool_decode(A64DisasContext *ctx, uint32_t insn)
{
    switch (a64_insn_class(insn)) {
    case A64_CLASS_DPIMM:
        return decode_a64_dpimm(ctx, insn);
    case A64_CLASS_BRANCH:
        return decode_a64_branch(ctx, insn);
    case A64_CLASS_DPREG:
        return decode_a64_dpreg(ctx, insn);
    case A64_CLASS_LDST:
        return decode_a64_ldst(ctx, insn);
    default:
        return false;
    }
}

int main(void)
{
    char line[128];
    GString *text = g_string_new(NULL);

    while (fgets(line, sizeof(line), stdin)) {
        unsigned long long pc;
        unsigned int insn;
        A64DisasContext ctx = { .features = A64_FEAT_ALL };

        if (sscanf(line, "%llx %x", &pc, &insn) != 2) {
            fprintf(stderr, "a64-disas-tool: bad input line: %s", line);
            g_string_free(text, true);
            return 2;
        }
        ctx.pc = pc;
        g_string_truncate(text, 0);
        if (!tool_decode(&ctx, insn)) {
            printf("-\t<unknown>\n");
        } else if (!arm_a64_disas_insn(insn, pc, A64_FEAT_ALL, text)) {
            printf("%s\t(no text)\n", ctx.pattern);
        } else {
            printf("%s\t%s\n", ctx.pattern, text->str);
        }
    }
    g_string_free(text, true);
    return 0;
}
