/* SPDX-License-Identifier: GPL-2.0-or-later */
/* placeholder replaced below */
#include "tcg/tcg.h"
#include "internal.h"

bool tcg_jit_init(TCGContext *s, Error **errp)
{
    error_setg(errp, "jit not yet");
    return false;
}

const TCGBackend tcg_backend_jit;
