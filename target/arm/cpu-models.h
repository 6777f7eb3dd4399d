/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The AArch64 CPU models (cpu-models.c): the ID-register field layout
 * the frontend reads, and the derivation of the ARM_FEAT_* bits from a
 * model's ID registers.  The feature bits are a cache of the ID
 * registers: nothing else decides whether a feature exists.
 * Spec: Arm ARM DDI 0487, D17.2 (ID_AA64* register descriptions).
 */
#ifndef TARGET_ARM_CPU_MODELS_H
#define TARGET_ARM_CPU_MODELS_H

#include "cpu.h"

/* Field shifts (all fields are 4 bits wide) of the registers we decode. */
#define ID_AA64ISAR0_AES_SHIFT     4
#define ID_AA64ISAR0_SHA1_SHIFT    8
#define ID_AA64ISAR0_SHA2_SHIFT    12
#define ID_AA64ISAR0_CRC32_SHIFT   16
#define ID_AA64ISAR0_ATOMIC_SHIFT  20
#define ID_AA64ISAR0_RDM_SHIFT     28
#define ID_AA64ISAR0_SHA3_SHIFT    32
#define ID_AA64ISAR0_TS_SHIFT      52
#define ID_AA64ISAR1_APA_SHIFT     4
#define ID_AA64ISAR1_API_SHIFT     8
#define ID_AA64ISAR1_LRCPC_SHIFT   20
#define ID_AA64ISAR1_GPA_SHIFT     24
#define ID_AA64ISAR1_GPI_SHIFT     28
#define ID_AA64PFR0_EL0_SHIFT      0
#define ID_AA64PFR0_EL1_SHIFT      4
#define ID_AA64PFR0_EL2_SHIFT      8
#define ID_AA64PFR0_EL3_SHIFT      12
#define ID_AA64PFR0_FP_SHIFT       16
#define ID_AA64PFR1_BT_SHIFT       0
#define ID_AA64MMFR0_PARANGE_SHIFT 0
#define ID_AA64MMFR1_VH_SHIFT      8
#define ID_AA64MMFR1_PAN_SHIFT     20
#define ID_AA64DFR0_PMUVER_SHIFT   8
#define ID_AA64DFR0_BRPS_SHIFT     12
#define ID_AA64DFR0_WRPS_SHIFT     20

/* The 4-bit unsigned ID field of @reg at @shift. */
static inline unsigned arm_id_field(uint64_t reg, unsigned shift)
{
    return (reg >> shift) & 0xf;
}

/*
 * The ARM_FEAT_* bits a CPU of @model has, from its ID registers alone
 * (ID_AA64ISAR0/1, PFR0/1, MMFR1).  cpu.c stores the result, after
 * masking EL2/EL3 by the has-el2/has-el3 properties, in env->features.
 */
uint32_t arm_model_features(const ARMCPUModel *model);

/* The model called @name ("cortex-a57"), or NULL. */
const ARMCPUModel *arm_cpu_model_find(const char *name);

#endif
