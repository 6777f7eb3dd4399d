/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Translator of hex-sys2.isa.  Spec: Hexagon V68 PRM.
 */
#include "translate.h"

#include "decode-hexagon-sys2.c.inc"

bool hex_decode_sys2(DisasContext *ctx, uint32_t insn)
{
    return decode_hex_sys2(ctx, insn);
}

/* Not implemented yet: decodes, then raises the invalid-opcode event. */
static bool trans_DIAG(DisasContext *ctx, arg_DIAG *a)
{
    return false;
}
