/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The helpers of helper-dp.c that translate-dp.c calls from generated
 * code.  Every other data-processing instruction is plain IR; only the
 * CRC32/CRC32C family (FEAT_CRC32) needs a helper.  Private to
 * target/arm/.
 * Spec: Arm ARM DDI 0487, C6.2 CRC32B..CRC32X and CRC32CB..CRC32CX
 * (pseudocode: BitReverse, Poly32Mod2).
 */
#ifndef TARGET_ARM_HELPER_DP_H
#define TARGET_ARM_HELPER_DP_H

#include "internals.h"
#include "tcg/tcg.h"

/* The CRC-32 (ISO-HDLC) polynomial 0x04C11DB7, bit-reversed. */
#define ARM_CRC32_POLY_REV  0xedb88320u
/* The CRC-32C (Castagnoli) polynomial 0x1EDC6F41, bit-reversed. */
#define ARM_CRC32C_POLY_REV 0x82f63b78u

/*
 * One CRC32 instruction: the accumulator @acc updated with the low
 * @bytes (1, 2, 4 or 8) bytes of @val, least significant byte first, in
 * the reflected form with no initial or final inversion (software does
 * those).  @poly_rev is one of the ARM_CRC32*_POLY_REV values.
 */
uint32_t arm_crc32_update(uint32_t acc, uint64_t val, unsigned bytes,
                          uint32_t poly_rev);

/*
 * (env, i64 acc, i64 val, i32 bytes) -> i64: CRC32{B,H,W,X} and
 * CRC32C{B,H,W,X}; the result is zero-extended from 32 bits.  Pure: no
 * globals read or written.
 */
extern const TCGHelperInfo arm_helper_crc32;
extern const TCGHelperInfo arm_helper_crc32c;

#endif
