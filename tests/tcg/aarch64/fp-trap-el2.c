/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * fp-trap-el2: fp-trap.c run at EL2 (-M virt,virtualization=on): the FP/SIMD access
 * trap controlled by CPTR_EL2.TFP, taken to EL2 with EC 0x07.
 */
#define FP_TRAP_EL 2
#include "fp-trap.c"
