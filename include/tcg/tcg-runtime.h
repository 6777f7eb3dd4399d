/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The runtime contract between generated code (JIT or interpreter) and
 * the execution loop in accel/tcg: the softmmu TLB layout the fast path
 * reads, the slow-path callbacks it calls on a miss, and how `exit_tb`
 * values come back from tcg_exec().
 *
 * Nothing here knows a guest: the page size (ctx->page_bits), the TLB
 * location inside the CPU state (ctx->tlb_offset) and the slow paths are
 * given per TCGContext by the caller (include/tcg/tcg.h).
 * Full description: docs/devel/tcg.md ("Runtime contract").
 */
#ifndef TCG_TCG_RUNTIME_H
#define TCG_TCG_RUNTIME_H

#include "hemu/osdep.h"
#include "exec/memop.h"

/*
 * One softmmu TLB entry (32 bytes on 64-bit hosts).  An access hits when
 * tcg_tlb_cmp_addr(vaddr, memop, page_bits) == addr_read (loads) or
 * addr_write (stores); then the host address is vaddr + addend.
 * addr_* hold the page address plus flag bits: any bit set in
 * [TCG_TLB_FLAG_SHIFT, page_bits) makes every comparison fail and so
 * forces the slow path (invalid, MMIO, not-dirty, watchpoint: the accel
 * chooses the names).  Bits below TCG_TLB_FLAG_SHIFT must be zero.
 */
typedef struct TLBEntry {
    uint64_t addr_read;
    uint64_t addr_write;
    uint64_t addr_code;
    uintptr_t addend;
} TLBEntry;

/* The lowest bit the accel may use for flags in TLBEntry.addr_*. */
#define TCG_TLB_FLAG_SHIFT 6
/* The smallest page_bits a context accepts (flags need room below it). */
#define TCG_MIN_PAGE_BITS 10

/*
 * Per MMU index, at env + ctx->tlb_offset + mmu_idx * sizeof(TLBDesc):
 * @table has mask + 1 entries (a power of two); the entry for @vaddr is
 * table[(vaddr >> page_bits) & mask].
 */
typedef struct TLBDesc {
    TLBEntry *table;
    uintptr_t mask;
} TLBDesc;

/* A MemOp and an MMU index packed together, as passed to the slow paths. */
typedef uint32_t TCGMemOpIdx;

static inline TCGMemOpIdx tcg_make_oi(MemOp op, unsigned mmu_idx)
{
    return (uint32_t)op | (mmu_idx << 8);
}

static inline MemOp tcg_oi_memop(TCGMemOpIdx oi)
{
    return (MemOp)(oi & 0xff);
}

static inline unsigned tcg_oi_mmu_idx(TCGMemOpIdx oi)
{
    return oi >> 8;
}

/*
 * The value compared with TLBEntry.addr_*: the page of the access's last
 * byte (so an access that crosses a page misses, unless it must be aligned
 * anyway) with the alignment bits the MemOp requires kept, so a misaligned
 * access misses too.  Shared by the interpreter and the tests; the JIT
 * computes the same thing in host code.
 */
static inline uint64_t tcg_tlb_cmp_addr(uint64_t vaddr, MemOp op,
                                        unsigned page_bits)
{
    uint64_t amask = (UINT64_C(1) << memop_alignment_bits(op)) - 1;
    uint64_t smask = memop_size(op) - 1;
    uint64_t page_mask = ~((UINT64_C(1) << page_bits) - 1);

    if (amask < smask) {
        vaddr += smask - amask;
    }
    return vaddr & (page_mask | amask);
}

/*
 * Slow paths, called on a TLB miss, a flagged entry or a misaligned
 * access.  @env is the CPU state given to tcg_exec(); @retaddr is a host
 * address inside the translated code (for tcg_restore_state()).  A load
 * returns the value already converted to host order and zero- or
 * sign-extended to 64 bits as the MemOp says.  Either may raise a guest
 * exception by siglongjmp()ing back to the accel loop.
 */
typedef uint64_t (*TCGLoadSlowFn)(void *env, uint64_t vaddr,
                                  TCGMemOpIdx oi, uintptr_t retaddr);
typedef void (*TCGStoreSlowFn)(void *env, uint64_t vaddr, uint64_t val,
                               TCGMemOpIdx oi, uintptr_t retaddr);

/*
 * exit_tb values: generated code returns a host word to tcg_exec()'s
 * caller.  By convention (the accel's; tcg/ only transports it) the
 * frontend passes either 0 (no successor known) or the address of the
 * next TB's descriptor ORed with the goto_tb slot number (0 or 1) in the
 * low two bits, so descriptors must be 4-byte aligned; the value 2 in the
 * low bits is free for "exit requested".
 */
#define TCG_EXIT_SLOT_MASK ((uintptr_t)3)

#endif
