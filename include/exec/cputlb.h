/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The softmmu TLB of a vCPU: filling it (from a frontend's tlb_fill),
 * flushing it (whole, by page, by MMU index mask, on this or another
 * vCPU), and accessing guest memory from helpers through it.
 *
 * Entries map one page of the cluster's size.  RAM pages are reached by
 * the generated code's fast path (host address = vaddr + addend); MMIO,
 * unmapped, watched and code pages (for self-modifying code detection)
 * carry flag bits that send the access to the slow path in cputlb.c.
 * A flush on another vCPU is queued and done by that vCPU at its next TB
 * boundary.  See docs/devel/accel.md ("Softmmu").
 */
#ifndef EXEC_CPUTLB_H
#define EXEC_CPUTLB_H

#include "hemu/osdep.h"
#include "exec/cpu.h"

/*
 * Map the page containing @vaddr to guest physical @paddr in @mmu_idx
 * with @prot (PAGE_*).  Called by tlb_fill hooks.  @paddr is
 * translated through the cluster's address space.
 */
void tlb_set_page(CPUState *cpu, vaddr vaddr, hwaddr paddr, MemTxAttrs attrs,
                  int prot, unsigned mmu_idx);

/* Flush @cpu's whole TLB (caller is @cpu's thread or @cpu is stopped). */
void tlb_flush(CPUState *cpu);
/* Flush the MMU indexes in @idxmap (bit n: index n). */
void tlb_flush_by_mmuidx(CPUState *cpu, uint32_t idxmap);
/* Flush the page containing @addr in every MMU index. */
void tlb_flush_page(CPUState *cpu, vaddr addr);
/* Flush the page containing @addr in the MMU indexes of @idxmap. */
void tlb_flush_page_by_mmuidx(CPUState *cpu, vaddr addr, uint32_t idxmap);
/*
 * Ask @cpu (any thread, including a running vCPU) to flush the MMU
 * indexes in @idxmap at its next TB boundary; it is kicked out of its
 * TB chain.
 */
void tlb_flush_async(CPUState *cpu, uint32_t idxmap);
/* tlb_flush_async on every vCPU of @cpu's cluster, @cpu included. */
void tlb_flush_all_cpus(CPUState *cpu, uint32_t idxmap);

/*
 * Loads and stores from helpers, through the TLB of @mmu_idx: faults
 * raise the guest exception restoring state at @retaddr (a helper's
 * GETPC(), or 0 outside translated code).  A fault needs cpu_exec() on
 * the stack (it siglongjmps there); outside it, access only mapped pages.
 */
uint64_t cpu_ld_mmu(CPUState *cpu, vaddr addr, MemOp op, unsigned mmu_idx,
                    uintptr_t retaddr);
void cpu_st_mmu(CPUState *cpu, vaddr addr, uint64_t val, MemOp op,
                unsigned mmu_idx, uintptr_t retaddr);

/* The host return address inside translated code, for helpers. */
#define GETPC() ((uintptr_t)__builtin_return_address(0))

#endif
