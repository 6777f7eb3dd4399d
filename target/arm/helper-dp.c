/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Run-time helpers of the A64 data-processing translator
 * (translate-dp.c): the CRC32 and CRC32C instructions.  Everything else
 * in that class is generated as IR.
 *
 * The Arm ARM defines CRC32<sz> as
 *   BitReverse(Poly32Mod2(BitReverse(acc):Zeros(size) XOR
 *                         BitReverse(val):Zeros(32), poly))
 * which is the usual reflected, LSB-first shift register with no
 * pre- or post-inversion; it is computed here one bit at a time (at most
 * 64 steps per instruction, no table to initialise or share).
 * Spec: Arm ARM DDI 0487, C6.2 CRC32B..CRC32CX.
 */
#include "helper-dp.h"

uint32_t arm_crc32_update(uint32_t acc, uint64_t val, unsigned bytes,
                          uint32_t poly_rev)
{
    unsigned nbits = bytes * 8;

    for (unsigned i = 0; i < nbits; i++) {
        uint32_t bit = (acc ^ (uint32_t)(val >> i)) & 1;

        acc = (acc >> 1) ^ (bit ? poly_rev : 0);
    }
    return acc;
}

static uint64_t helper_crc32(void *env, uint64_t acc, uint64_t val,
                             uint32_t bytes)
{
    return arm_crc32_update((uint32_t)acc, val, bytes, ARM_CRC32_POLY_REV);
}

static uint64_t helper_crc32c(void *env, uint64_t acc, uint64_t val,
                              uint32_t bytes)
{
    return arm_crc32_update((uint32_t)acc, val, bytes, ARM_CRC32C_POLY_REV);
}

const TCGHelperInfo arm_helper_crc32 = {
    .func = (const void *)helper_crc32, .name = "crc32",
    .flags = TCG_CALL_PURE, .nb_args = 4, .ret = TCG_CALL_I64,
    .args = { TCG_CALL_PTR, TCG_CALL_I64, TCG_CALL_I64, TCG_CALL_I32 },
};

const TCGHelperInfo arm_helper_crc32c = {
    .func = (const void *)helper_crc32c, .name = "crc32c",
    .flags = TCG_CALL_PURE, .nb_args = 4, .ret = TCG_CALL_I64,
    .args = { TCG_CALL_PTR, TCG_CALL_I64, TCG_CALL_I64, TCG_CALL_I32 },
};
