/* SPDX-License-Identifier: GPL-2.0-or-later */
/* placeholder replaced below */
#include "tcg/tcg.h"
#include "internal.h"

void tcg_optimize(TCGContext *s)
{
}
