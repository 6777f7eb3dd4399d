/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The softmmu TLB: per vCPU, per MMU index, a direct-mapped table of
 * 1 << CPU_TLB_BITS entries for pages of the cluster's size.  The fast
 * path in generated code compares TLBEntry.addr_* and adds the addend;
 * everything else comes here: misses (the frontend's tlb_fill), MMIO and
 * unmapped pages (address_space_ld/st), accesses crossing a page,
 * stores to pages holding translated code (TLB_CODE: checked against the
 * code bitmap, invalidating only TBs the store overlaps), and accesses to
 * pages holding a watched byte (TLB_WATCH on the read and/or write
 * comparator, as the watchpoints' kinds say; checked in debug.c).
 *
 * A vCPU's TLB is written only by its own thread, except that
 * tlb_mark_code_page sets TLB_CODE atomically in other vCPUs' entries
 * and tlb_flush_async queues flushes in tlb.flush_pending.
 */
#include "internal.h"
#include "util/log.h"
#include "util/bitops.h"

static inline hwaddr tlb_page_mask(CPUState *cpu)
{
    return ~(((hwaddr)1 << cpu->tlb.page_bits) - 1);
}

static inline size_t tlb_index(CPUState *cpu, unsigned mmu_idx, vaddr addr)
{
    return (addr >> cpu->tlb.page_bits) & cpu->tlb.f[mmu_idx].mask;
}

void tlb_init(CPUState *cpu, unsigned page_bits, unsigned nb_mmu_idx)
{
    size_t n = (size_t)1 << CPU_TLB_BITS;

    cpu->tlb.page_bits = page_bits;
    cpu->tlb.nb_mmu_idx = nb_mmu_idx;
    for (unsigned i = 0; i < nb_mmu_idx; i++) {
        cpu->tlb.f[i].table = g_new(TLBEntry, n);
        cpu->tlb.f[i].mask = n - 1;
        cpu->tlb.full[i] = g_new0(CPUTLBEntryFull, n);
    }
    tlb_flush(cpu);
}

void tlb_destroy(CPUState *cpu)
{
    for (unsigned i = 0; i < cpu->tlb.nb_mmu_idx; i++) {
        g_free(cpu->tlb.f[i].table);
        g_free(cpu->tlb.full[i]);
        cpu->tlb.f[i].table = NULL;
        cpu->tlb.full[i] = NULL;
    }
    cpu->tlb.nb_mmu_idx = 0;
}

static void tlb_flush_one_mmuidx(CPUState *cpu, unsigned i)
{
    memset(cpu->tlb.f[i].table, 0xff,
           (cpu->tlb.f[i].mask + 1) * sizeof(TLBEntry));
    cpu->tlb.large_addr[i] = 1;
    cpu->tlb.large_mask[i] = 0;
}

/* Remember that index @i holds part of a 2^@bits mapping at @va. */
static void tlb_add_large(CPUState *cpu, unsigned i, vaddr va, unsigned bits)
{
    vaddr mask = bits >= 64 ? 0 : ~(vaddr)0 << bits;

    if (cpu->tlb.large_mask[i] == 0 && cpu->tlb.large_addr[i] == 1) {
        cpu->tlb.large_addr[i] = va & mask;
        cpu->tlb.large_mask[i] = mask;
        return;
    }
    /* widen the region until it covers both */
    mask &= cpu->tlb.large_mask[i];
    while (mask && (va & mask) != (cpu->tlb.large_addr[i] & mask)) {
        mask <<= 1;
    }
    cpu->tlb.large_mask[i] = mask;
    cpu->tlb.large_addr[i] &= mask;
}

void tlb_flush_by_mmuidx(CPUState *cpu, uint32_t idxmap)
{
    for (unsigned i = 0; i < cpu->tlb.nb_mmu_idx; i++) {
        if (idxmap & (1u << i)) {
            tlb_flush_one_mmuidx(cpu, i);
        }
    }
    cpu->tlb.nb_flushes++;
    if (cpu->jmp_cache) {
        tb_jmp_cache_clear(cpu);
    }
}

void tlb_flush(CPUState *cpu)
{
    tlb_flush_by_mmuidx(cpu, UINT32_MAX);
}

void tlb_flush_page_by_mmuidx(CPUState *cpu, vaddr addr, uint32_t idxmap)
{
    vaddr page = addr & tlb_page_mask(cpu);

    for (unsigned i = 0; i < cpu->tlb.nb_mmu_idx; i++) {
        TLBEntry *e;

        if (!(idxmap & (1u << i))) {
            continue;
        }
        if ((page & cpu->tlb.large_mask[i]) == cpu->tlb.large_addr[i]) {
            tlb_flush_one_mmuidx(cpu, i);
            continue;
        }
        e = &cpu->tlb.f[i].table[tlb_index(cpu, i, page)];
        if ((e->addr_read & tlb_page_mask(cpu)) == page ||
            (e->addr_write & tlb_page_mask(cpu)) == page ||
            (e->addr_code & tlb_page_mask(cpu)) == page) {
            memset(e, 0xff, sizeof(*e));
        }
    }
    if (cpu->jmp_cache) {
        tb_jmp_cache_clear(cpu);
    }
}

void tlb_flush_page(CPUState *cpu, vaddr addr)
{
    tlb_flush_page_by_mmuidx(cpu, addr, UINT32_MAX);
}

void tlb_flush_async(CPUState *cpu, uint32_t idxmap)
{
    if (cpu_current() == cpu) {
        tlb_flush_by_mmuidx(cpu, idxmap);
        return;
    }
    g_atomic_int_or(&cpu->tlb.flush_pending, idxmap);
    g_atomic_int_set(&cpu->exit_request, 1);
}

void tlb_flush_all_cpus(CPUState *cpu, uint32_t idxmap)
{
    CPUCluster *cl = cpu->cluster;

    for (uint32_t i = 0; i < cl->num_cpus; i++) {
        tlb_flush_async(cl->cpus[i], idxmap);
    }
}

void tlb_process_pending(CPUState *cpu)
{
    uint32_t map = g_atomic_int_and(&cpu->tlb.flush_pending, 0);

    if (map) {
        tlb_flush_by_mmuidx(cpu, map);
    }
}

void tlb_mark_code_page(CPUCluster *cl, hwaddr page)
{
    for (uint32_t c = 0; c < cl->num_cpus; c++) {
        CPUState *cpu = cl->cpus[c];
        for (unsigned i = 0; i < cpu->tlb.nb_mmu_idx; i++) {
            for (size_t j = 0; j <= cpu->tlb.f[i].mask; j++) {
                TLBEntry *e = &cpu->tlb.f[i].table[j];
                if (cpu->tlb.full[i][j].phys_addr == page &&
                    !(__atomic_load_n(&e->addr_write, __ATOMIC_RELAXED) &
                      TLB_INVALID)) {
                    __atomic_fetch_or(&e->addr_write, TLB_CODE,
                                      __ATOMIC_RELAXED);
                }
            }
        }
    }
}

void tlb_set_page_sized(CPUState *cpu, vaddr va, hwaddr paddr,
                        MemTxAttrs attrs, int prot, unsigned mmu_idx,
                        unsigned size_bits)
{
    assert(mmu_idx < cpu->tlb.nb_mmu_idx);
    if (size_bits > cpu->tlb.page_bits) {
        tlb_add_large(cpu, mmu_idx, va, size_bits);
    }
    tlb_set_page(cpu, va, paddr, attrs, prot, mmu_idx);
}

void tlb_set_page(CPUState *cpu, vaddr va, hwaddr paddr, MemTxAttrs attrs,
                  int prot, unsigned mmu_idx)
{
    CPUCluster *cl = cpu->cluster;
    hwaddr pmask = tlb_page_mask(cpu), psize = ~pmask + 1, xlat, plen = psize;
    vaddr page = va & pmask;
    size_t idx = tlb_index(cpu, mmu_idx, page);
    TLBEntry *e = &cpu->tlb.f[mmu_idx].table[idx];
    CPUTLBEntryFull *full = &cpu->tlb.full[mmu_idx][idx];
    bool readonly = false;
    MemoryRegion *mr;
    uint64_t flags = 0, wflags = 0, rflags = 0;
    unsigned watch;

    assert(mmu_idx < cpu->tlb.nb_mmu_idx);
    paddr &= pmask;
    mr = address_space_translate_ro(&cl->as, paddr, &xlat, &plen, &readonly,
                                    attrs);
    full->phys_addr = paddr;
    full->mr = mr;
    full->xlat = xlat;
    full->attrs = attrs;
    full->prot = (uint8_t)prot;
    if (mr && memory_region_is_ram(mr) && plen >= psize) {
        e->addend = (uintptr_t)memory_region_get_ram_ptr(mr) + xlat -
                    (uintptr_t)page;
    } else {
        flags = TLB_MMIO;
        e->addend = 0;
    }
    /* A fill during translation (code fetch) already holds tb_lock. */
    if (!cpu->tb_locked) {
        g_mutex_lock(&cl->tb_lock);
    }
    if (tb_cache_is_code_page(cl, paddr)) {
        wflags = TLB_CODE;
    }
    /* a watched page: every access takes the slow path to be checked */
    watch = cl->nb_watchpoints ? cpu_watchpoint_page_kinds(cl, page, psize)
                               : 0;
    if (watch & CPU_WATCH_WRITE) {
        wflags |= TLB_WATCH;
    }
    if (watch & CPU_WATCH_READ) {
        rflags = TLB_WATCH;
    }
    if (!cpu->tb_locked) {
        g_mutex_unlock(&cl->tb_lock);
    }
    e->addr_read = (prot & PAGE_READ) ? page | flags | rflags : UINT64_MAX;
    e->addr_write = (prot & PAGE_WRITE) && !readonly ?
                    page | flags | wflags : UINT64_MAX;
    e->addr_code = (prot & PAGE_EXEC) ? page | flags : UINT64_MAX;
    cpu->tlb.nb_fills++;
}

static uint64_t *entry_field(TLBEntry *e, MMUAccessType access)
{
    return access == MMU_DATA_STORE ? &e->addr_write
         : access == MMU_INST_FETCH ? &e->addr_code : &e->addr_read;
}

/* The entry for @addr after filling it if needed; its index in *@idx. */
static TLBEntry *tlb_lookup_fill(CPUState *cpu, vaddr addr, unsigned size,
                                 MMUAccessType access, unsigned mmu_idx,
                                 uintptr_t retaddr, size_t *idx)
{
    hwaddr pmask = tlb_page_mask(cpu);
    TLBEntry *e;

    *idx = tlb_index(cpu, mmu_idx, addr);
    e = &cpu->tlb.f[mmu_idx].table[*idx];
    if ((*entry_field(e, access) & (pmask | TLB_INVALID)) ==
        (addr & pmask)) {
        return e;
    }
    cpu->arch->tlb_fill(cpu, addr, size, access, mmu_idx, false, retaddr);
    e = &cpu->tlb.f[mmu_idx].table[*idx];
    assert((*entry_field(e, access) & pmask) == (addr & pmask));
    return e;
}

static void tlb_failed(CPUState *cpu, hwaddr paddr, vaddr addr,
                       MMUAccessType access, uintptr_t retaddr)
{
    if (cpu->arch->do_transaction_failed) {
        cpu->arch->do_transaction_failed(cpu, paddr, addr, access, retaddr);
        return;
    }
    log_mask(LOG_GUEST_ERROR, "%s: %s at 0x%" VADDR_PRIx " (phys 0x%"
             HWADDR_PRIx ") failed\n", cpu->log_name,
             access == MMU_DATA_STORE ? "store" : "load", addr, paddr);
}

static uint64_t ram_load(const void *host, MemOp op)
{
    uint64_t v = 0;
    unsigned size = memop_size(op);

    if (memop_is_be(op)) {
        for (unsigned i = 0; i < size; i++) {
            v = (v << 8) | ((const uint8_t *)host)[i];
        }
    } else {
        for (unsigned i = size; i > 0; i--) {
            v = (v << 8) | ((const uint8_t *)host)[i - 1];
        }
    }
    if (memop_is_signed(op) && size < 8) {
        v = (uint64_t)sextract64(v, 0, (int)size * 8);
    }
    return v;
}

static void ram_store(void *host, uint64_t v, MemOp op)
{
    unsigned size = memop_size(op);

    for (unsigned i = 0; i < size; i++) {
        unsigned sh = memop_is_be(op) ? (size - 1 - i) * 8 : i * 8;
        ((uint8_t *)host)[i] = (uint8_t)(v >> sh);
    }
}

static bool crosses_page(CPUState *cpu, vaddr addr, MemOp op)
{
    return ((addr & ~tlb_page_mask(cpu)) + memop_size(op)) >
           (~tlb_page_mask(cpu) + 1);
}

/*
 * In icount mode a TB has paid for all its instructions at entry; while
 * an MMIO access runs, give back those from the accessing one on, so a
 * device reading the virtual clock sees exactly the instructions before
 * it.  Returns what to take again after the access.
 */
static int32_t icount_mmio_begin(CPUState *cpu, uintptr_t retaddr)
{
    CPUCluster *cl = cpu->cluster;
    TranslationBlock *tb;
    uint64_t data[3];
    int idx;

    if (!cl->icount_exact || !retaddr) {
        return 0;
    }
    retaddr = tcg_call_site(cl->tcg, retaddr);
    g_mutex_lock(&cl->tb_lock);
    tb = tb_cache_find_by_host_pc(cl, retaddr);
    idx = tb ? tcg_restore_state(cl->tcg, &tb->tr, retaddr, data) : -1;
    g_mutex_unlock(&cl->tb_lock);
    if (idx < 0) {
        return 0;
    }
    cpu->icount_budget += (int32_t)tb->num_insns - idx;
    return (int32_t)tb->num_insns - idx;
}

/*
 * An access whose MemOp asks for alignment at a misaligned address: the
 * frontend raises its alignment fault (never returns) or, without the
 * hook, the access goes ahead.
 */
static void check_align(CPUState *cpu, vaddr addr, MemOp op,
                        MMUAccessType access, unsigned mmu_idx,
                        uintptr_t retaddr)
{
    if (unlikely(!memop_addr_aligned(op, addr)) &&
        cpu->arch->do_unaligned_access) {
        cpu->arch->do_unaligned_access(cpu, addr, access, mmu_idx, retaddr);
    }
}

uint64_t cpu_ld_mmu(CPUState *cpu, vaddr addr, MemOp op, unsigned mmu_idx,
                    uintptr_t retaddr)
{
    size_t idx;
    TLBEntry *e;
    CPUTLBEntryFull *full;
    hwaddr paddr;

    check_align(cpu, addr, op, MMU_DATA_LOAD, mmu_idx, retaddr);
    if (crosses_page(cpu, addr, op)) {
        uint64_t v = 0;
        unsigned size = memop_size(op);
        for (unsigned i = 0; i < size; i++) {
            uint64_t b = cpu_ld_mmu(cpu, addr + i, MO_8, mmu_idx, retaddr);
            v |= b << (memop_is_be(op) ? (size - 1 - i) * 8 : i * 8);
        }
        if (memop_is_signed(op) && size < 8) {
            v = (uint64_t)sextract64(v, 0, (int)size * 8);
        }
        return v;
    }
    e = tlb_lookup_fill(cpu, addr, memop_size(op), MMU_DATA_LOAD, mmu_idx,
                        retaddr, &idx);
    if (unlikely(e->addr_read & TLB_WATCH)) {
        cpu_watchpoint_check(cpu, addr, memop_size(op), false, retaddr);
    }
    if (!(e->addr_read & TLB_MMIO)) {
        return ram_load((void *)(uintptr_t)(addr + e->addend), op);
    }
    full = &cpu->tlb.full[mmu_idx][idx];
    paddr = full->phys_addr | (addr & ~tlb_page_mask(cpu));
    {
        MemTxResult res;
        int32_t adj = icount_mmio_begin(cpu, retaddr);
        uint64_t v = address_space_ld(&cpu->cluster->as, paddr, op,
                                      full->attrs, &res);

        cpu->icount_budget -= adj;
        if (res != MEMTX_OK) {
            tlb_failed(cpu, paddr, addr, MMU_DATA_LOAD, retaddr);
            return 0;
        }
        return v;
    }
}

/* A store to a page with translated code: invalidate what it overlaps. */
static void tlb_store_code(CPUState *cpu, hwaddr paddr, unsigned size,
                           uintptr_t retaddr)
{
    CPUCluster *cl = cpu->cluster;
    TranslationBlock *cur = NULL;
    hwaddr pmask = tlb_page_mask(cpu);
    CodePage *cp = cpu->smc_page;
    bool hit, cur_hit;

    /* Fast check, no lock: does the store touch a chunk holding code? */
    if (!cp || cp->page != (paddr & pmask)) {
        g_mutex_lock(&cl->tb_lock);
        cp = tb_cache_code_page(cl, paddr & pmask);
        g_mutex_unlock(&cl->tb_lock);
        cpu->smc_page = cp;
    }
    if (cp && !code_page_may_hit(cl, cp, paddr & ~pmask, size)) {
        return;
    }
    g_mutex_lock(&cl->tb_lock);
    if (retaddr) {
        cur = tb_cache_find_by_host_pc(cl, tcg_call_site(cl->tcg, retaddr));
    }
    cur_hit = tb_invalidate_phys_range(cl, paddr, size, cur, &hit);
    g_mutex_unlock(&cl->tb_lock);
    if (hit) {
        for (uint32_t i = 0; i < cl->num_cpus; i++) {
            g_atomic_int_set(&cl->cpus[i]->exit_request, 1);
        }
    }
    if (cur_hit && cur->num_insns > 1) {
        /*
         * The store changes code of the TB running it, possibly after
         * the store: re-run from the store in a one-insn TB, so the rest
         * is translated again from the new bytes.
         */
        cpu_restore_state(cpu, retaddr, false);
        cpu->cflags_next_tb = 1;
        cpu->exception_index = EXCP_NONE;
        cpu_loop_exit(cpu);
    }
}

void cpu_st_mmu(CPUState *cpu, vaddr addr, uint64_t val, MemOp op,
                unsigned mmu_idx, uintptr_t retaddr)
{
    size_t idx;
    TLBEntry *e;
    CPUTLBEntryFull *full;
    hwaddr paddr;

    check_align(cpu, addr, op, MMU_DATA_STORE, mmu_idx, retaddr);
    if (crosses_page(cpu, addr, op)) {
        unsigned size = memop_size(op);
        for (unsigned i = 0; i < size; i++) {
            unsigned sh = memop_is_be(op) ? (size - 1 - i) * 8 : i * 8;
            cpu_st_mmu(cpu, addr + i, val >> sh, MO_8, mmu_idx, retaddr);
        }
        return;
    }
    e = tlb_lookup_fill(cpu, addr, memop_size(op), MMU_DATA_STORE, mmu_idx,
                        retaddr, &idx);
    if (unlikely(e->addr_write & TLB_WATCH)) {
        cpu_watchpoint_check(cpu, addr, memop_size(op), true, retaddr);
    }
    full = &cpu->tlb.full[mmu_idx][idx];
    paddr = full->phys_addr | (addr & ~tlb_page_mask(cpu));
    if (e->addr_write & TLB_CODE) {
        tlb_store_code(cpu, paddr, memop_size(op), retaddr);
    }
    if (!(e->addr_write & TLB_MMIO)) {
        ram_store((void *)(uintptr_t)(addr + e->addend), val, op);
        return;
    }
    {
        MemTxResult res;
        int32_t adj = icount_mmio_begin(cpu, retaddr);

        address_space_st(&cpu->cluster->as, paddr, val, op, full->attrs,
                         &res);
        cpu->icount_budget -= adj;
        if (res != MEMTX_OK) {
            tlb_failed(cpu, paddr, addr, MMU_DATA_STORE, retaddr);
        }
    }
}

uint64_t tlb_ld_slow(void *env, uint64_t vaddr, TCGMemOpIdx oi,
                     uintptr_t retaddr)
{
    return cpu_ld_mmu(cpu_current(), vaddr, tcg_oi_memop(oi),
                      tcg_oi_mmu_idx(oi), retaddr);
}

void tlb_st_slow(void *env, uint64_t vaddr, uint64_t val, TCGMemOpIdx oi,
                 uintptr_t retaddr)
{
    cpu_st_mmu(cpu_current(), vaddr, val, tcg_oi_memop(oi),
               tcg_oi_mmu_idx(oi), retaddr);
}

void *tlb_get_code_page(CPUState *cpu, vaddr pc, hwaddr *phys)
{
    unsigned mmu_idx = cpu->arch->cpu_mmu_index(cpu, true);
    size_t idx;
    TLBEntry *e = tlb_lookup_fill(cpu, pc, 1, MMU_INST_FETCH, mmu_idx, 0,
                                  &idx);
    CPUTLBEntryFull *full = &cpu->tlb.full[mmu_idx][idx];
    vaddr page = pc & tlb_page_mask(cpu);

    *phys = full->phys_addr | (pc & ~tlb_page_mask(cpu));
    if (e->addr_code & TLB_MMIO) {
        return NULL;
    }
    return (void *)(uintptr_t)(page + e->addend);
}

/* ---------------------------------------------------------------------- */
/* Atomics                                                                */

/* @v (a guest value of @op's size) in memory byte order, and back. */
static uint64_t atomic_to_mem(uint64_t v, MemOp op)
{
    unsigned size = memop_size(op);
    bool swap = memop_is_be(op) != (G_BYTE_ORDER == G_BIG_ENDIAN);

    if (size < 8) {
        v &= (UINT64_C(1) << (size * 8)) - 1;
    }
    if (!swap || size == 1) {
        return v;
    }
    return size == 2 ? bswap16(v) : size == 4 ? bswap32(v) : bswap64(v);
}

static uint64_t atomic_from_mem(uint64_t m, MemOp op)
{
    unsigned size = memop_size(op);
    uint64_t v = atomic_to_mem(m, op & ~MO_SIGN);   /* a swap is its own
                                                       inverse */

    if (memop_is_signed(op) && size < 8) {
        v = (uint64_t)sextract64(v, 0, (int)size * 8);
    }
    return v;
}

/* One host compare-and-swap of @size bytes; returns the old contents. */
static uint64_t host_cmpxchg(void *host, unsigned size, uint64_t cmp,
                             uint64_t new)
{
    switch (size) {
    case 1: {
        uint8_t c = cmp;
        __atomic_compare_exchange_n((uint8_t *)host, &c, (uint8_t)new, false,
                                    __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
        return c;
    }
    case 2: {
        uint16_t c = cmp;
        __atomic_compare_exchange_n((uint16_t *)host, &c, (uint16_t)new,
                                    false, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
        return c;
    }
    case 4: {
        uint32_t c = cmp;
        __atomic_compare_exchange_n((uint32_t *)host, &c, (uint32_t)new,
                                    false, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
        return c;
    }
    default: {
        uint64_t c = cmp;
        __atomic_compare_exchange_n((uint64_t *)host, &c, new, false,
                                    __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
        return c;
    }
    }
}

static uint64_t host_load(const void *host, unsigned size)
{
    switch (size) {
    case 1:
        return __atomic_load_n((const uint8_t *)host, __ATOMIC_RELAXED);
    case 2:
        return __atomic_load_n((const uint16_t *)host, __ATOMIC_RELAXED);
    case 4:
        return __atomic_load_n((const uint32_t *)host, __ATOMIC_RELAXED);
    default:
        return __atomic_load_n((const uint64_t *)host, __ATOMIC_RELAXED);
    }
}

/*
 * The host address of an atomic access to @addr, after checking read and
 * write permission and invalidating translated code it overlaps; NULL
 * when it must take the locked path (MMIO, misaligned, page-crossing).
 */
static void *atomic_host_addr(CPUState *cpu, vaddr addr, MemOp op,
                              unsigned mmu_idx, uintptr_t retaddr)
{
    unsigned size = memop_size(op);
    size_t idx;
    TLBEntry *e;
    hwaddr paddr;
    uint64_t watched;

    assert(size <= 8);
    check_align(cpu, addr, op, MMU_DATA_STORE, mmu_idx, retaddr);
    if ((addr & (size - 1)) || crosses_page(cpu, addr, op)) {
        return NULL;
    }
    e = tlb_lookup_fill(cpu, addr, size, MMU_DATA_LOAD, mmu_idx, retaddr,
                        &idx);
    watched = e->addr_read & TLB_WATCH;
    e = tlb_lookup_fill(cpu, addr, size, MMU_DATA_STORE, mmu_idx, retaddr,
                        &idx);
    if ((e->addr_write & (TLB_MMIO | TLB_WATCH)) || watched) {
        return NULL;            /* the locked path checks watchpoints */
    }
    if (e->addr_write & TLB_CODE) {
        paddr = cpu->tlb.full[mmu_idx][idx].phys_addr |
                (addr & ~tlb_page_mask(cpu));
        tlb_store_code(cpu, paddr, size, retaddr);
    }
    return (void *)(uintptr_t)(addr + e->addend);
}

static uint64_t atomic_apply(AtomicRMWOp aop, uint64_t old, uint64_t val,
                             MemOp op)
{
    unsigned bits = memop_size(op) * 8;
    int64_t so = bits < 64 ? sextract64(old, 0, bits) : (int64_t)old;
    int64_t sv = bits < 64 ? sextract64(val, 0, bits) : (int64_t)val;
    uint64_t mask = bits < 64 ? (UINT64_C(1) << bits) - 1 : UINT64_MAX;
    uint64_t uo = old & mask, uv = val & mask;

    switch (aop) {
    case ATOMIC_RMW_XCHG:
        return val;
    case ATOMIC_RMW_ADD:
        return old + val;
    case ATOMIC_RMW_AND:
        return old & val;
    case ATOMIC_RMW_OR:
        return old | val;
    case ATOMIC_RMW_XOR:
        return old ^ val;
    case ATOMIC_RMW_SMAX:
        return so >= sv ? old : val;
    case ATOMIC_RMW_SMIN:
        return so <= sv ? old : val;
    case ATOMIC_RMW_UMAX:
        return uo >= uv ? old : val;
    default:
        return uo <= uv ? old : val;
    }
}

/*
 * The locked path: a load and (maybe) a store under the cluster's
 * atomic_lock.  @cmpv is used when @aop is negative (compare-and-swap).
 */
static uint64_t atomic_locked(CPUState *cpu, vaddr addr, uint64_t cmpv,
                              uint64_t val, int aop, MemOp op,
                              unsigned mmu_idx, uintptr_t retaddr)
{
    CPUCluster *cl = cpu->cluster;
    MemOp uop = op & ~MO_SIGN;
    uint64_t mask = memop_size(op) < 8 ?
                    (UINT64_C(1) << (memop_size(op) * 8)) - 1 : UINT64_MAX;
    uint64_t old;

    g_mutex_lock(&cl->atomic_lock);
    cpu->atomic_locked = true;
    old = cpu_ld_mmu(cpu, addr, uop, mmu_idx, retaddr);
    if (aop < 0) {
        if (old == (cmpv & mask)) {
            cpu_st_mmu(cpu, addr, val, uop, mmu_idx, retaddr);
        }
    } else {
        cpu_st_mmu(cpu, addr, atomic_apply(aop, old, val, op), uop, mmu_idx,
                   retaddr);
    }
    cpu->atomic_locked = false;
    g_mutex_unlock(&cl->atomic_lock);
    return atomic_from_mem(atomic_to_mem(old, uop), op);
}

uint64_t cpu_atomic_cmpxchg(CPUState *cpu, vaddr addr, uint64_t cmpv,
                            uint64_t newv, MemOp op, unsigned mmu_idx,
                            uintptr_t retaddr)
{
    void *host = atomic_host_addr(cpu, addr, op, mmu_idx, retaddr);
    uint64_t old;

    if (!host) {
        return atomic_locked(cpu, addr, cmpv, newv, -1, op, mmu_idx,
                             retaddr);
    }
    old = host_cmpxchg(host, memop_size(op), atomic_to_mem(cmpv, op),
                       atomic_to_mem(newv, op));
    return atomic_from_mem(old, op);
}

uint64_t cpu_atomic_rmw(CPUState *cpu, vaddr addr, uint64_t val,
                        AtomicRMWOp aop, MemOp op, unsigned mmu_idx,
                        uintptr_t retaddr)
{
    void *host = atomic_host_addr(cpu, addr, op, mmu_idx, retaddr);
    unsigned size = memop_size(op);
    MemOp uop = op & ~MO_SIGN;
    uint64_t seen, old;

    if (!host) {
        return atomic_locked(cpu, addr, 0, val, aop, op, mmu_idx, retaddr);
    }
    /* A CAS loop: works for every operation and either byte order. */
    seen = host_load(host, size);
    for (;;) {
        uint64_t cur = atomic_from_mem(seen, uop);
        uint64_t want = atomic_to_mem(atomic_apply(aop, cur, val, op), uop);

        old = host_cmpxchg(host, size, seen, want);
        if (old == seen) {
            return atomic_from_mem(old, op);
        }
        seen = old;
    }
}
