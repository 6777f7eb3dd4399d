/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * "testarch": a tiny test-only guest architecture for accel/tcg's unit
 * tests and benchmark.  Never linked into hemu.
 *
 * ISA: 32-bit little-endian words, 16 registers r0..r15 (r0 is an
 * ordinary register), pc.  Fields: op = [31:26], a = [25:22],
 * b = [21:18], c = [17:14], imm = [13:0] (signed unless noted).
 *   ADDI a, b, imm    a = b + imm            op 1
 *   ADD  a, b, c      a = b + c              op 2
 *   SUB  a, b, c      a = b - c              op 3
 *   AND  a, b, c      a = b & c              op 4
 *   ORI  a, b, imm    a = b | (imm & 0x3fff) op 5
 *   SHLI a, b, imm    a = b << (imm & 31)    op 6
 *   LD   a, imm(b)    a = mem32[b + imm]     op 7
 *   ST   a, imm(b)    mem32[b + imm] = a     op 8
 *   BNE  a, b, imm    if a != b: pc += 4 + imm * 4   op 9
 *   BEQ  a, b, imm    if a == b: pc += 4 + imm * 4   op 10
 *   JR   b            pc = b                 op 11
 *   HALT              stop for good          op 12
 *   RAISE imm         exception imm (a helper; epc = this insn)  op 13
 *   WFI               sleep until an interrupt; resume after it  op 14
 *   ERET              pc = epc, ie = 1       op 15
 *   STB  a, imm(b)    mem8[b + imm] = a      op 16
 *   CAS  a, b, c      atomically: old = mem32[b]; if old == a:
 *                     mem32[b] = c; then a = old  op 17
 * Anything else raises TA_EXCP_UNDEF.  Exceptions and interrupts save
 * pc in epc, the cause in cause, clear ie and jump to vector.
 *
 * MMU: when mmu_on, virtual page n (of the cluster's page size) maps
 * through the PTE at physical ptbase + 4 * n: bit 0 valid, bit 1
 * writable, bits above page_bits the physical page; a miss or a
 * write to a read-only page raises TA_EXCP_PAGEFAULT with badaddr.
 * Two MMU indexes: 0 (supervisor), 1 (user, when user is set).
 * IRQ line 0 is the interrupt input (interrupt_request bit 0).
 */
#ifndef TESTS_UNIT_TESTARCH_H
#define TESTS_UNIT_TESTARCH_H

#include "exec/cpu.h"

#define TYPE_TESTARCH_CPU "testarch-cpu"

enum {
    TA_ADDI = 1, TA_ADD, TA_SUB, TA_AND, TA_ORI, TA_SHLI, TA_LD, TA_ST,
    TA_BNE, TA_BEQ, TA_JR, TA_HALT, TA_RAISE, TA_WFI, TA_ERET, TA_STB,
    TA_CAS,
};

/* Exception causes (env.cause). */
#define TA_EXCP_UNDEF 1
#define TA_EXCP_PAGEFAULT 2
#define TA_EXCP_IRQ 0x100
/* RAISE imm gives cause 0x200 + imm. */
#define TA_EXCP_RAISE_BASE 0x200

typedef struct TestArchEnv {
    uint32_t regs[16];
    uint32_t pc;
    uint32_t ie;                /* interrupts enabled */
    uint32_t epc;               /* pc saved by an exception */
    uint32_t cause;             /* TA_EXCP_* of the last exception */
    uint32_t badaddr;           /* faulting address of a page fault */
    uint32_t vector;            /* exception entry pc */
    uint32_t user;              /* 1: MMU index 1 */
    uint32_t mmu_on;            /* 1: translate through ptbase */
    uint32_t ptbase;            /* physical address of the page table */
    uint32_t stopped;           /* HALT executed: no more work */
    uint32_t nb_exceptions;     /* statistics for tests */
} TestArchEnv;

typedef struct TestArchCPU {
    CPUState parent_obj;
    TestArchEnv env;
} TestArchCPU;

/* The frontend table. */
extern const TargetArch testarch_arch;

/* Encoder for test programs (a constant expression). */
#define TA_INSN(op, a, b, c, imm)                                            \
    (((uint32_t)(op) << 26) | (((uint32_t)(a) & 15) << 22) |                 \
     (((uint32_t)(b) & 15) << 18) | (((uint32_t)(c) & 15) << 14) |           \
     ((uint32_t)(imm) & 0x3fff))

static inline TestArchEnv *ta_env(CPUState *cpu)
{
    return cpu_env(cpu);
}

#endif
