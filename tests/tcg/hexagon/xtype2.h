/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Inline-asm wrappers for the XTYPE guest tests (xtype-*.c): one
 * instruction with register, pair or predicate operands, its result
 * returned, and USR.OVF (the sticky saturation bit, USR bit 0) read back
 * after clearing it first.  %0 is the destination, %1 and %2 the
 * sources; a 64-bit C operand is a register pair.
 */
#ifndef TCG_HEXAGON_XTYPE2_H
#define TCG_HEXAGON_XTYPE2_H

#include "testlib.h"

/* Result type R, sources of types A and B. */
#define X_RR(R, insn, a, b) ({                                               \
    R r_;                                                                    \
    __asm__ volatile(insn : "=r"(r_) : "r"(a), "r"(b));                      \
    r_; })
#define X_R(R, insn, a) ({                                                   \
    R r_;                                                                    \
    __asm__ volatile(insn : "=r"(r_) : "r"(a));                              \
    r_; })
/* Accumulating: %0 is read and written. */
#define X_ACC(R, insn, acc, a, b) ({                                         \
    R r_ = (acc);                                                            \
    __asm__ volatile(insn : "+r"(r_) : "r"(a), "r"(b));                      \
    r_; })
/* A predicate result as 0..0xff: insn writes p0. */
#define X_PRED(insn, a, b) ({                                                \
    uint32_t r_;                                                             \
    __asm__ volatile(insn "\n\t%0 = p0" : "=r"(r_) : "r"(a), "r"(b) : "p0"); \
    r_; })

static inline void x_clear_ovf(void)
{
    __asm__ volatile("usr = %0" : : "r"(0) : "usr");
}

static inline uint32_t x_ovf(void)
{
    uint32_t u;

    __asm__ volatile("%0 = usr" : "=r"(u));
    return u & 1;
}

#endif
