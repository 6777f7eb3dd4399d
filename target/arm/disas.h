/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A64 disassembler driven by the decode tables target/arm/a64-*.isa.
 * It prints the architecture's preferred form of each instruction (the
 * alias the Arm ARM marks as preferred, e.g. "mov" for ORR with XZR),
 * in the syntax llvm-objdump uses, which tests/decode/a64-check.py
 * verifies pattern by pattern.  SIMD&FP and SVE are not decoded yet.
 */
#ifndef TARGET_ARM_DISAS_H
#define TARGET_ARM_DISAS_H

#include "hemu/osdep.h"

/* Optional architecture features the tables test (bit mask). */
enum {
    A64_FEAT_CRC32 = 1u << 0,   /* FEAT_CRC32: CRC32B..CRC32CX */
    A64_FEAT_LSE = 1u << 1,     /* FEAT_LSE: CAS, SWP, LD<op> atomics */
    A64_FEAT_PAUTH = 1u << 2,   /* FEAT_PAuth: PACIASP & co. in HINT space */
    A64_FEAT_BTI = 1u << 3,     /* FEAT_BTI: BTI in HINT space */
    A64_FEAT_ALL = 0xfu,
};

/**
 * arm_a64_disas_insn: append the text of one A64 instruction to @out.
 * @insn: the instruction word (already in host order)
 * @pc: its address, for PC-relative targets (branches, ADR, literals)
 * @features: A64_FEAT_* of the CPU model; instructions of a missing
 *            feature print as what that CPU sees (e.g. "hint #25")
 * @out: text is appended, without a newline
 *
 * Returns false, leaving @out unchanged, when the word is not an
 * instruction the tables know (unallocated, or a class not decoded yet).
 */
bool arm_a64_disas_insn(uint32_t insn, uint64_t pc, uint32_t features,
                        GString *out);

#endif
