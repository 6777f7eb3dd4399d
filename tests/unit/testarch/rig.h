/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Test rig for the accel unit tests: testarch clusters on their own RAM
 * (1 MiB at 0) and a UART-like MMIO region (UART_BASE: writes append to
 * Rig.out, reads return Rig.clock's ns), program loading, running a vCPU
 * on the calling thread, and the MMU scenario shared by the TLB tests.
 * Test-only code, never linked into hemu.
 */
#ifndef TESTS_UNIT_TESTARCH_RIG_H
#define TESTS_UNIT_TESTARCH_RIG_H

#include "exec/cpu.h"
#include "util/timer.h"
#include "testarch.h"

#define RAM_SIZE 0x100000
#define UART_BASE 0x200000
/* The MMU scenario: page table at PT_BASE, MAGIC in physical page 4. */
#define PT_BASE 0x80000
#define MAGIC 0xcafe1234u

#define I(op, a, b, c, imm) TA_INSN(TA_##op, a, b, c, imm)

typedef struct Rig {
    Object *root;
    MemoryRegion sysmem, ram, uart;
    CPUCluster *cl;
    GString *out;               /* bytes written to the UART */
    TimerClock *clock;          /* UART reads return its ns, if set */
    uint64_t tb_size;           /* clusters' "tb-size"; 0: default */
} Rig;

/* Both backends, for tests that loop over them (skip unavailable ones). */
extern const TCGBackendKind rig_backends[2];

/* A cluster @name of @ncpus testarch vCPUs under @parent, on @r's memory. */
CPUCluster *rig_cluster(Rig *r, Object *parent, const char *name,
                        unsigned ncpus, unsigned page_bits,
                        TCGBackendKind backend);
/* A new root holding one cluster "apps" of one vCPU. */
void rig_init(Rig *r, unsigned page_bits, TCGBackendKind backend);
/* Free @r's memory regions and output (after its clusters are gone). */
void rig_cleanup_memory(Rig *r);
/* Unref the root made by rig_init, then rig_cleanup_memory. */
void rig_free(Rig *r);
void rig_load(Rig *r, uint32_t addr, const uint32_t *words, size_t n);
uint32_t rig_peek(Rig *r, uint32_t addr);
/* Run vCPU 0 on this thread until it executes HALT. */
void rig_run(Rig *r);
/* Wait up to @ms for *@flag to become non-zero. */
bool rig_wait_for(volatile uint32_t *flag, int ms);
/*
 * The MMU scenario for 2^@pb pages on every vCPU of @r's cluster, and
 * its check (see rig.c for the program and the hand-derived results).
 */
void rig_mmu_setup(Rig *r, unsigned pb);
void rig_mmu_check(Rig *r, unsigned pb);

#endif
