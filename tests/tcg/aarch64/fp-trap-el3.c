/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * fp-trap-el3: fp-trap.c run at EL3 (-M virt,secure=on): the FP/SIMD access
 * trap controlled by CPTR_EL3.TFP, taken to EL3 with EC 0x07.
 */
#define FP_TRAP_EL 3
#include "fp-trap.c"
