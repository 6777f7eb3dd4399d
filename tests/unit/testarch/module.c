/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The entry point of libhemu-target-testarch.so: the symbol
 * target_arch_lookup() looks for in a frontend module.
 */
#include "testarch.h"

const TargetArch *hemu_target_register(void);

const TargetArch *hemu_target_register(void)
{
    return &testarch_arch;
}
