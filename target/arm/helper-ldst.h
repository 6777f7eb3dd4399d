/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The helpers of helper-ldst.c that translate-ldst.c calls from
 * generated code: store-exclusive, exclusive pairs of X registers,
 * compare-and-swap and the LSE atomic memory operations.  Plain loads
 * and stores never come here (they are IR guest accesses).  Private to
 * target/arm/.
 *
 * Every helper takes env first and a 32-bit descriptor last (see
 * ARM_LDST_DESC): the MemOp of one element (size, byte order, alignment),
 * the MMU index and a per-helper operand.  Helpers that fault restore the
 * pc from their return address.
 * Spec: Arm ARM DDI 0487, B2.9 (exclusive monitors), C6.2 (LDXR, STXR,
 * LDXP, STXP, CAS, CASP, LD<op>, SWP pseudocode).
 */
#ifndef TARGET_ARM_HELPER_LDST_H
#define TARGET_ARM_HELPER_LDST_H

#include "internals.h"

/* Descriptor: MemOp in bits 7:0, MMU index 15:8, @extra from bit 16. */
#define ARM_LDST_DESC(memop, mmu_idx, extra) \
    ((uint32_t)(memop) | (uint32_t)(mmu_idx) << 8 | (uint32_t)(extra) << 16)

/*
 * (i64 addr, i64 val, i32 desc) -> i64 status: STXR/STLXR of one
 * element of 1..8 bytes (also STXP of two W registers as one 8-byte
 * element).  Alignment fault first; then 0 and the store when the monitor
 * holds @addr and memory still holds the value LDXR saw (one host
 * compare-and-swap), else 1.  The monitor is cleared either way.
 */
extern const TCGHelperInfo arm_helper_stxr;
/*
 * (i64 addr, i32 desc): LDXP/LDAXP of two X registers, 16-byte aligned:
 * loads both (under the cluster's atomic_lock) into exclusive_val (first
 * element) and exclusive_high and sets exclusive_addr.
 */
extern const TCGHelperInfo arm_helper_ldxp;
/*
 * (i64 addr, i64 first, i64 second, i32 desc) -> i64 status: STXP/STLXP
 * of two X registers; the check, compare and stores are done under the
 * cluster's atomic_lock.
 */
extern const TCGHelperInfo arm_helper_stxp;
/*
 * (i64 addr, i64 cmp, i64 new, i32 desc) -> i64 old: CAS of 1..8 bytes
 * (also CASP of W registers as one 8-byte element).
 */
extern const TCGHelperInfo arm_helper_cas;
/*
 * (i64 addr, i32 desc): CASP of X registers; desc extra = Rs | Rt << 8.
 * Reads <Rs, Rs+1> and <Rt, Rt+1> from env, writes the old memory pair
 * to <Rs, Rs+1> (register 31 is XZR here).  Under atomic_lock.
 */
extern const TCGHelperInfo arm_helper_casp;
/*
 * (i64 addr, i64 val, i32 desc) -> i64 old: LD<op>/ST<op>/SWP; desc
 * extra = the AtomicRMWOp.
 */
extern const TCGHelperInfo arm_helper_atomic;

#endif
