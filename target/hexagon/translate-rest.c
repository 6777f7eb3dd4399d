/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Translator of hex-rest.isa.  Spec: Hexagon V68 PRM.
 */
#include "translate.h"

#include "decode-hexagon-rest.c.inc"

bool hex_decode_rest(DisasContext *ctx, uint32_t insn)
{
    return decode_hex_rest(ctx, insn);
}

/* Not implemented yet: decodes, then raises the invalid-opcode event. */
static bool trans_MASK_II(DisasContext *ctx, arg_MASK_II *a)
{
    return false;
}
