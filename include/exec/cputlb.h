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

/*
 * As tlb_set_page, for a page that belongs to a guest mapping of
 * 2^@size_bits bytes (a block or large page): later page flushes inside
 * that mapping flush the whole MMU index, since the mapping may have been
 * entered as many TLB pages.
 */
void tlb_set_page_sized(CPUState *cpu, vaddr vaddr, hwaddr paddr,
                        MemTxAttrs attrs, int prot, unsigned mmu_idx,
                        unsigned size_bits);

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

/* The operation of cpu_atomic_rmw(); MAX/MIN compare as the MemOp says. */
typedef enum AtomicRMWOp {
    ATOMIC_RMW_XCHG,            /* new = val */
    ATOMIC_RMW_ADD,             /* new = old + val */
    ATOMIC_RMW_AND,             /* new = old & val */
    ATOMIC_RMW_OR,              /* new = old | val */
    ATOMIC_RMW_XOR,             /* new = old ^ val */
    ATOMIC_RMW_SMAX,            /* signed maximum */
    ATOMIC_RMW_SMIN,            /* signed minimum */
    ATOMIC_RMW_UMAX,            /* unsigned maximum */
    ATOMIC_RMW_UMIN,            /* unsigned minimum */
} AtomicRMWOp;

/*
 * Atomic compare-and-swap on guest memory, for helpers implementing
 * exclusives, CAS and locked stores under multi-threaded TCG: if the
 * value at @addr (as @op reads it: size, byte order) equals @cmpv, write
 * @newv.  Returns the old value, extended as @op says.  Needs read and
 * write permission (faults are raised through the frontend's tlb_fill
 * with @retaddr).  On RAM with a naturally aligned address this is one
 * host atomic, so it is atomic against every other vCPU of every cluster
 * that maps the same RAM; on MMIO or a misaligned address it is a load
 * and a store under a cluster-wide lock (devices see ordinary accesses).
 * Stores into translated code invalidate it as plain stores do.
 * Sizes 1 to 8 bytes.
 */
uint64_t cpu_atomic_cmpxchg(CPUState *cpu, vaddr addr, uint64_t cmpv,
                            uint64_t newv, MemOp op, unsigned mmu_idx,
                            uintptr_t retaddr);
/* Atomic read-modify-write @aop with @val; returns the old value. */
uint64_t cpu_atomic_rmw(CPUState *cpu, vaddr addr, uint64_t val,
                        AtomicRMWOp aop, MemOp op, unsigned mmu_idx,
                        uintptr_t retaddr);

#endif
