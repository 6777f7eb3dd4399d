/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The AArch64 CPU models: one declarative row per model with everything
 * a guest can read about the CPU (MIDR, ID registers, cache geometry),
 * and the derivation of the translator's feature bits from those ID
 * registers (arm_model_features()).
 *
 * Invariants: rows are const and shared by every vCPU of every machine;
 * AArch32 is reported as not implemented (ID_AA64PFR0.EL0..EL3 = 1, the
 * AArch32 ID registers read as zero) because hemu has no AArch32 state;
 * EL2 and EL3 are reported as implemented and cpu.c masks them with the
 * has-el2/has-el3 properties.  A feature hemu does not implement is
 * never advertised (no PAuth, BTI, SVE, SME, MTE, FP16, RDM).
 *
 * Spec: Arm Cortex-A53 MPCore TRM (DDI 0500), Cortex-A57 MPCore TRM
 * (DDI 0488), chapter 4 "System Control" (register reset values); Arm
 * ARM DDI 0487, D17.2 (ID register fields).
 */
#include "cpu-models.h"

/*
 * Cache geometry words of CCSIDR_EL1 (D17.2.24, without FEAT_CCIDX):
 * WT/WB/RA/WA [31:28], NumSets - 1 [27:13], Associativity - 1 [12:3],
 * log2(words per line) - 2 [2:0].  Lines are 64 bytes (16 words: 2).
 */
#define CCSIDR(flags, sets, ways) \
    ((uint64_t)(flags) << 28 | (uint64_t)((sets) - 1) << 13 | \
     (uint64_t)((ways) - 1) << 3 | 2)
#define CCSIDR_WB_RA_WA 0x7     /* data and unified caches */
#define CCSIDR_RA       0x2     /* instruction caches */

/* SCTLR_EL1 bits that are RES1 in ARMv8.0 (29, 28, 23, 22, 20, 11). */
#define SCTLR_EL1_RES1  0x30d00800u

/*
 * CLIDR_EL1 of both Cortex models (TRMs, 4.3.22 / 4.3.23): L1 separate
 * I and D (Ctype1 = 0b011), L2 unified (Ctype2 = 0b100), LoUIS = 1
 * [23:21], LoC = 2 [26:24], LoUU = 1 [29:27]: 0x0a200023.
 */
#define CORTEX_CLIDR    0x0a200023u

/*
 * Cortex-A57 r1p0 (TRM DDI 0488, 4.3):
 * MIDR 0x411fd070: implementer 0x41, variant 1, architecture 0xf,
 *   part 0xd07, revision 0.
 * CTR_EL0 0x8444c004: CWG = ERG = DminLine = IminLine = 4 (16 words),
 *   L1Ip = 0b11 (PIPT).
 * ID_AA64DFR0 0x10305106: DebugVer 6 (v8), PMUVer 1, BRPs 5 (six
 *   breakpoints), WRPs 3 (four watchpoints), CTX_CMPs 1.
 * ID_AA64ISAR0 0x11120: AES 2 (with PMULL), SHA1 1, SHA2 1, CRC32 1.
 * ID_AA64MMFR0 0x1124: PARange 4 (44 bits), ASIDBits 2 (16), BigEnd 1,
 *   SNSMem 1, 16K granule not supported (TGran16 = 0), 4K/64K supported.
 * ID_AA64PFR0: EL0..EL3 AArch64 only (the TRM's 0x2222 says AArch32 too;
 *   hemu has no AArch32), FP and AdvSIMD implemented (0), no GICv3
 *   system registers: 0x1111.
 * Caches: L1I 48 KiB 3-way, L1D 32 KiB 2-way, L2 2 MiB 16-way.
 */
static const ARMCPUModel model_a57 = {
    .name = "cortex-a57", .description = "Arm Cortex-A57 r1p0",
    .midr = 0x411fd070, .revidr = 0, .ctr = 0x8444c004, .dczid = 4,
    .clidr = CORTEX_CLIDR, .aidr = 0,
    .id_aa64pfr0 = 0x1111, .id_aa64dfr0 = 0x10305106,
    .id_aa64isar0 = 0x11120, .id_aa64mmfr0 = 0x1124,
    .ccsidr = {
        [0] = CCSIDR(CCSIDR_WB_RA_WA, 256, 2),   /* L1D: 0x701fe00a */
        [1] = CCSIDR(CCSIDR_RA, 256, 3),         /* L1I: 0x201fe012 */
        [2] = CCSIDR(CCSIDR_WB_RA_WA, 2048, 16), /* L2:  0x70ffe07a */
    },
    .cntfrq = 62500000, .reset_sctlr = SCTLR_EL1_RES1,
    .highest_el = 3, .pa_bits = 44,
};

/*
 * Cortex-A53 r0p4 (TRM DDI 0500, 4.3): MIDR 0x410fd034 (variant 0,
 * part 0xd03, revision 4); CTR_EL0 0x84448004 (L1Ip = 0b10, VIPT);
 * ID_AA64DFR0 and ISAR0 as the A57; ID_AA64MMFR0 0x1122 (PARange 2:
 * 40 bits).  Caches: L1I 32 KiB 2-way, L1D 32 KiB 4-way, L2 1 MiB 16-way.
 */
static const ARMCPUModel model_a53 = {
    .name = "cortex-a53", .description = "Arm Cortex-A53 r0p4",
    .midr = 0x410fd034, .revidr = 0, .ctr = 0x84448004, .dczid = 4,
    .clidr = CORTEX_CLIDR, .aidr = 0,
    .id_aa64pfr0 = 0x1111, .id_aa64dfr0 = 0x10305106,
    .id_aa64isar0 = 0x11120, .id_aa64mmfr0 = 0x1122,
    .ccsidr = {
        [0] = CCSIDR(CCSIDR_WB_RA_WA, 128, 4),   /* L1D: 0x700fe01a */
        [1] = CCSIDR(CCSIDR_RA, 256, 2),         /* L1I: 0x201fe00a */
        [2] = CCSIDR(CCSIDR_WB_RA_WA, 1024, 16), /* L2:  0x707fe07a */
    },
    .cntfrq = 62500000, .reset_sctlr = SCTLR_EL1_RES1,
    .highest_el = 3, .pa_bits = 40,
};

/*
 * max: every feature hemu implements.  MIDR: implementer 0 (reserved
 * for software use), architecture 0xf, part 0x051.  On top of the A57:
 * ID_AA64ISAR0.Atomic = 2 (LSE), SHA2 = 2 (SHA256 and SHA512), SHA3 = 1
 * (EOR3, RAX1, XAR, BCAX): ISAR0 0x1_0021_2120; ID_AA64MMFR1.PAN = 1,
 * PARange 5 (48 bits) and the 16K granule (TGran16 = 1): MMFR0 0x101125.
 */
static const ARMCPUModel model_max = {
    .name = "max", .description = "every feature hemu implements",
    .midr = 0x000f0510, .revidr = 0, .ctr = 0x8444c004, .dczid = 4,
    .clidr = CORTEX_CLIDR, .aidr = 0,
    .id_aa64pfr0 = 0x1111, .id_aa64dfr0 = 0x10305106,
    .id_aa64isar0 = 0x100212120, .id_aa64mmfr0 = 0x101125,
    .id_aa64mmfr1 = 0x100000,
    .ccsidr = {
        [0] = CCSIDR(CCSIDR_WB_RA_WA, 256, 2),
        [1] = CCSIDR(CCSIDR_RA, 256, 3),
        [2] = CCSIDR(CCSIDR_WB_RA_WA, 2048, 16),
    },
    .cntfrq = 62500000, .reset_sctlr = SCTLR_EL1_RES1,
    .highest_el = 3, .pa_bits = 48,
};

const ARMCPUModel *const arm_cpu_models[] = {
    &model_a57, &model_a53, &model_max, NULL
};

const ARMCPUModel *arm_cpu_model_find(const char *name)
{
    for (unsigned i = 0; arm_cpu_models[i]; i++) {
        if (!strcmp(arm_cpu_models[i]->name, name)) {
            return arm_cpu_models[i];
        }
    }
    return NULL;
}

/* One row of the feature derivation: @feat when field >= @min. */
typedef struct ARMFeatureRule {
    uint32_t feat;
    size_t reg;                 /* offsetof(ARMCPUModel, id_...) */
    uint8_t shift, min;
} ARMFeatureRule;

#define RULE(f, r, s, m) { f, offsetof(ARMCPUModel, r), s, m }

static const ARMFeatureRule feature_rules[] = {
    RULE(ARM_FEAT_AES, id_aa64isar0, ID_AA64ISAR0_AES_SHIFT, 1),
    RULE(ARM_FEAT_PMULL, id_aa64isar0, ID_AA64ISAR0_AES_SHIFT, 2),
    RULE(ARM_FEAT_SHA1, id_aa64isar0, ID_AA64ISAR0_SHA1_SHIFT, 1),
    RULE(ARM_FEAT_SHA256, id_aa64isar0, ID_AA64ISAR0_SHA2_SHIFT, 1),
    RULE(ARM_FEAT_SHA512, id_aa64isar0, ID_AA64ISAR0_SHA2_SHIFT, 2),
    RULE(ARM_FEAT_CRC32, id_aa64isar0, ID_AA64ISAR0_CRC32_SHIFT, 1),
    RULE(ARM_FEAT_LSE, id_aa64isar0, ID_AA64ISAR0_ATOMIC_SHIFT, 2),
    RULE(ARM_FEAT_RDM, id_aa64isar0, ID_AA64ISAR0_RDM_SHIFT, 1),
    RULE(ARM_FEAT_SHA3, id_aa64isar0, ID_AA64ISAR0_SHA3_SHIFT, 1),
    RULE(ARM_FEAT_FLAGM, id_aa64isar0, ID_AA64ISAR0_TS_SHIFT, 1),
    RULE(ARM_FEAT_PAUTH, id_aa64isar1, ID_AA64ISAR1_APA_SHIFT, 1),
    RULE(ARM_FEAT_PAUTH, id_aa64isar1, ID_AA64ISAR1_API_SHIFT, 1),
    RULE(ARM_FEAT_LRCPC, id_aa64isar1, ID_AA64ISAR1_LRCPC_SHIFT, 1),
    RULE(ARM_FEAT_BTI, id_aa64pfr1, ID_AA64PFR1_BT_SHIFT, 1),
    RULE(ARM_FEAT_EL2, id_aa64pfr0, ID_AA64PFR0_EL2_SHIFT, 1),
    RULE(ARM_FEAT_EL3, id_aa64pfr0, ID_AA64PFR0_EL3_SHIFT, 1),
    RULE(ARM_FEAT_PAN, id_aa64mmfr1, ID_AA64MMFR1_PAN_SHIFT, 1),
    RULE(ARM_FEAT_VHE, id_aa64mmfr1, ID_AA64MMFR1_VH_SHIFT, 1),
};

uint32_t arm_model_features(const ARMCPUModel *model)
{
    uint32_t feat = 0;

    for (size_t i = 0; i < G_N_ELEMENTS(feature_rules); i++) {
        const ARMFeatureRule *r = &feature_rules[i];
        uint64_t reg = *(const uint64_t *)((const char *)model + r->reg);

        if (arm_id_field(reg, r->shift) >= r->min) {
            feat |= r->feat;
        }
    }
    /* PFR0.FP: 0 FP, 1 FP with half precision, 0xf not implemented. */
    if (arm_id_field(model->id_aa64pfr0, ID_AA64PFR0_FP_SHIFT) == 1) {
        feat |= ARM_FEAT_FP16;
    }
    return feat;
}
