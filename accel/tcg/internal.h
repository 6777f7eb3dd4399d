/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Private to accel/tcg: translation blocks, the per-cluster code cache
 * and the code-page tracking used to detect self-modifying code.
 *
 * Locking: everything in TBCache and the chaining fields of TBs are
 * changed under cluster->tb_lock.  TB descriptors are never freed while
 * the code buffer lives (invalidated ones stay allocated until a full
 * flush, which runs with cluster->exec_lock held for writing), so a vCPU
 * may hold a TB pointer across its loop without a lock.
 */
#ifndef ACCEL_TCG_INTERNAL_H
#define ACCEL_TCG_INTERNAL_H

#include "exec/cpu.h"
#include "exec/cputlb.h"
#include "exec/translator.h"

/* Bytes per bit of a code page's bitmap (SMC detection grain). */
#define TB_CODE_CHUNK_BITS 4

/* Low bits of an exit_tb value: slot 0/1, or this for "exit requested". */
#define TB_EXIT_REQUESTED 2

/* TLB flag bits in TLBEntry.addr_* (all >= TCG_TLB_FLAG_SHIFT). */
#define TLB_INVALID (UINT64_C(1) << 6)   /* no mapping */
#define TLB_MMIO (UINT64_C(1) << 7)      /* not RAM: address_space_ld/st */
#define TLB_CODE (UINT64_C(1) << 8)      /* write: page holds code */
#define TLB_WATCH (UINT64_C(1) << 9)     /* read/write: a watchpoint
                                            covers part of the page */
#define TLB_FLAGS_MASK (TLB_INVALID | TLB_MMIO | TLB_CODE | TLB_WATCH)

struct TranslationBlock {
    vaddr pc;                   /* key: guest virtual pc */
    uint64_t flags;             /* key: frontend flags */
    uint64_t extra;             /* key: frontend extra */
    hwaddr phys_pc;             /* key: guest physical pc */
    uint32_t max_insns;         /* key: 0 = normal, else a count limit */
    uint32_t num_insns;         /* read by the TB's entry check */
    uint32_t size;              /* guest bytes covered */
    bool invalid;               /* removed from the cache; never run */
    TCGTranslation tr;
    uint64_t *insn_data;        /* 3 words per insn: insn_start data */
    TranslationBlock *jmp_dest[2]; /* chained successors or NULL */
    GSList *jmp_incoming;       /* (TB * | slot) chained into this one */
} __attribute__((aligned(8)));

struct TBCache {
    GHashTable *htable;         /* TB -> TB, keyed by the key fields */
    GTree *by_code;             /* host code start -> TB */
    GHashTable *pages;          /* guest phys page -> CodePage */
    GPtrArray *all;             /* every TB since the last flush (owned) */
    TBStats stats;
};

typedef struct CodePage {
    hwaddr page;                /* guest physical page address */
    GPtrArray *tbs;             /* valid TBs with code on this page */
    uint64_t *bitmap;           /* one bit per chunk holding code */
} CodePage;

/* tb-cache.c */
TBCache *tb_cache_new(void);
void tb_cache_free(TBCache *c);
TranslationBlock *tb_cache_lookup(CPUCluster *cl, const TranslationBlock *k);
void tb_cache_insert(CPUCluster *cl, TranslationBlock *tb);
TranslationBlock *tb_cache_find_by_host_pc(CPUCluster *cl, uintptr_t pc);
void tb_cache_invalidate(CPUCluster *cl, TranslationBlock *tb);
void tb_add_jump(CPUCluster *cl, TranslationBlock *src, unsigned n,
                 TranslationBlock *dst);
bool tb_cache_is_code_page(CPUCluster *cl, hwaddr page);
CodePage *tb_cache_code_page(CPUCluster *cl, hwaddr page);
/* True if [off, off+len) of @cp may hold code (lock-free read). */
bool code_page_may_hit(CPUCluster *cl, CodePage *cp, hwaddr off, hwaddr len);
/* Invalidate TBs overlapping [addr, addr+len); true if @cur was one. */
bool tb_invalidate_phys_range(CPUCluster *cl, hwaddr addr, hwaddr len,
                              TranslationBlock *cur, bool *hit);
void tb_cache_flush(CPUCluster *cl);

/* translate-all.c */
TranslationBlock *tb_gen_code(CPUState *cpu, const TBKey *key,
                              hwaddr phys_pc, uint32_t max_insns);
hwaddr tb_get_phys_pc(CPUState *cpu, vaddr pc);
extern const TCGHelperInfo tb_helper_lookup_tb_ptr;

/* cpu-exec.c */
void cpu_set_current(CPUState *cpu);
TranslationBlock *tb_lookup(CPUState *cpu, uint32_t max_insns);
void tb_jmp_cache_clear(CPUState *cpu);
static inline unsigned tb_jmp_cache_hash(vaddr pc)
{
    return (unsigned)((pc >> 2) ^ (pc >> 14)) & (CPU_JMP_CACHE_SIZE - 1);
}

/* cputlb.c */
void tlb_init(CPUState *cpu, unsigned page_bits, unsigned nb_mmu_idx);
void tlb_destroy(CPUState *cpu);
void tlb_process_pending(CPUState *cpu);
void tlb_mark_code_page(CPUCluster *cl, hwaddr page);
uint64_t tlb_ld_slow(void *env, uint64_t vaddr, TCGMemOpIdx oi,
                     uintptr_t retaddr);
void tlb_st_slow(void *env, uint64_t vaddr, uint64_t val, TCGMemOpIdx oi,
                 uintptr_t retaddr);
/* Host pointer for code at @pc, or NULL (MMIO); *phys gets its address. */
void *tlb_get_code_page(CPUState *cpu, vaddr pc, hwaddr *phys);

/* debug.c: watchpoints as the softmmu sees them */
/*
 * The CPUWatchKind bits of @cl's watchpoints overlapping
 * [@page, @page + @len); the caller holds tb_lock.
 */
unsigned cpu_watchpoint_page_kinds(CPUCluster *cl, vaddr page, vaddr len);
/*
 * A load (@write false) or store of @size bytes at @addr on a page marked
 * TLB_WATCH: when it hits a watchpoint, restart the instruction of
 * @retaddr so that it runs alone and stops with EXCP_DEBUG after it (never
 * returns then).  While that instruction re-runs (cpu->watch_step) every
 * access passes.
 */
void cpu_watchpoint_check(CPUState *cpu, vaddr addr, unsigned size,
                          bool write, uintptr_t retaddr);

/* Offset of a CPUState field from env (negative), for the IR. */
static inline ptrdiff_t cpu_field_offset(const TargetArch *arch, size_t off)
{
    return (ptrdiff_t)off - (ptrdiff_t)arch->env_offset;
}

#endif
