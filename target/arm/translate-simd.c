/* SPDX-License-Identifier: GPL-2.0-or-later */
/* STUB: replaced by its owner (see internals.h). */
#include "translate.h"

bool a64_translate_simd(DisasContext *s, uint32_t insn)
{
    return false;
}
