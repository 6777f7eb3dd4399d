/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Translator of hex-dma.isa.  Spec: Hexagon V68 PRM.
 */
#include "translate.h"

#include "decode-hexagon-dma.c.inc"

bool hex_decode_dma(DisasContext *ctx, uint32_t insn)
{
    return decode_hex_dma(ctx, insn);
}

/* Not implemented yet: decodes, then raises the invalid-opcode event. */
static bool trans_DMSTART(DisasContext *ctx, arg_DMSTART *a)
{
    return false;
}
