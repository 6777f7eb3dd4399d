/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The per-cluster translated-code cache: TBs by key (physical pc, pc,
 * flags, extra, count limit), by host code address (to find the TB a
 * helper's return address is in), and by guest physical page with a
 * bitmap of the chunks (1 << TB_CODE_CHUNK_BITS bytes) holding code, so a
 * store to a code page invalidates only the TBs it really overlaps.
 * Direct chaining and unchaining of TBs live here too.
 *
 * All functions are called with cluster->tb_lock held, except
 * tb_cache_new/free.
 */
#include "internal.h"
#include "util/log.h"

static guint tb_key_hash(gconstpointer p)
{
    const TranslationBlock *tb = p;
    uint64_t h = tb->phys_pc * UINT64_C(0x9e3779b97f4a7c15);

    h ^= tb->pc + (tb->flags << 7) + (tb->extra << 13) + tb->max_insns;
    return (guint)(h ^ (h >> 32));
}

static gboolean tb_key_equal(gconstpointer a, gconstpointer b)
{
    const TranslationBlock *x = a, *y = b;

    return x->phys_pc == y->phys_pc && x->pc == y->pc &&
           x->flags == y->flags && x->extra == y->extra &&
           x->max_insns == y->max_insns;
}

static gint tb_code_cmp(gconstpointer a, gconstpointer b, gpointer unused)
{
    uintptr_t x = (uintptr_t)a, y = (uintptr_t)b;

    return x < y ? -1 : x > y;
}

static void code_page_free(gpointer p)
{
    CodePage *cp = p;

    g_ptr_array_unref(cp->tbs);
    g_free(cp->bitmap);
    g_free(cp);
}

static void tb_free(gpointer p)
{
    TranslationBlock *tb = p;

    g_slist_free(tb->jmp_incoming);
    g_free(tb->insn_data);
    g_free(tb);
}

TBCache *tb_cache_new(void)
{
    TBCache *c = g_new0(TBCache, 1);

    c->htable = g_hash_table_new(tb_key_hash, tb_key_equal);
    c->by_code = g_tree_new_full(tb_code_cmp, NULL, NULL, NULL);
    c->pages = g_hash_table_new_full(g_int64_hash, g_int64_equal, NULL,
                                     code_page_free);
    c->all = g_ptr_array_new_with_free_func(tb_free);
    return c;
}

void tb_cache_free(TBCache *c)
{
    g_hash_table_unref(c->htable);
    g_tree_unref(c->by_code);
    g_hash_table_unref(c->pages);
    g_ptr_array_unref(c->all);
    g_free(c);
}

TranslationBlock *tb_cache_lookup(CPUCluster *cl, const TranslationBlock *k)
{
    return g_hash_table_lookup(cl->tbs->htable, k);
}

static unsigned page_bits_of(CPUCluster *cl)
{
    return cl->page_bits;
}

static CodePage *code_page_get(CPUCluster *cl, hwaddr page, bool create)
{
    CodePage *cp = g_hash_table_lookup(cl->tbs->pages, &page);
    size_t chunks;

    if (cp || !create) {
        return cp;
    }
    chunks = (size_t)1 << (page_bits_of(cl) - TB_CODE_CHUNK_BITS);
    cp = g_new0(CodePage, 1);
    cp->page = page;
    cp->tbs = g_ptr_array_new();
    cp->bitmap = g_new0(uint64_t, (chunks + 63) / 64);
    g_hash_table_insert(cl->tbs->pages, &cp->page, cp);
    tlb_mark_code_page(cl, page);
    return cp;
}

bool tb_cache_is_code_page(CPUCluster *cl, hwaddr page)
{
    return code_page_get(cl, page, false) != NULL;
}

CodePage *tb_cache_code_page(CPUCluster *cl, hwaddr page)
{
    return code_page_get(cl, page, false);
}

bool code_page_may_hit(CPUCluster *cl, CodePage *cp, hwaddr off, hwaddr len)
{
    hwaddr last = HEMU_MIN(off + len, (hwaddr)1 << page_bits_of(cl)) - 1;

    for (hwaddr c = off >> TB_CODE_CHUNK_BITS;
         c <= last >> TB_CODE_CHUNK_BITS; c++) {
        if ((__atomic_load_n(&cp->bitmap[c / 64], __ATOMIC_ACQUIRE) >>
             (c % 64)) & 1) {
            return true;
        }
    }
    return false;
}

/* Call @fn for each page [start, end) of @tb touches. */
static void tb_mark_pages(CPUCluster *cl, TranslationBlock *tb)
{
    unsigned pb = page_bits_of(cl);
    hwaddr mask = ((hwaddr)1 << pb) - 1;
    hwaddr start = tb->phys_pc, end = tb->phys_pc + (tb->size ? tb->size : 1);

    for (hwaddr page = start & ~mask; page < end; page += mask + 1) {
        CodePage *cp = code_page_get(cl, page, true);
        hwaddr lo = HEMU_MAX(start, page) - page;
        hwaddr hi = HEMU_MIN(end, page + mask + 1) - page;

        for (hwaddr c = lo >> TB_CODE_CHUNK_BITS;
             c <= (hi - 1) >> TB_CODE_CHUNK_BITS; c++) {
            __atomic_fetch_or(&cp->bitmap[c / 64], UINT64_C(1) << (c % 64),
                              __ATOMIC_RELEASE);
        }
        g_ptr_array_add(cp->tbs, tb);
    }
}

void tb_cache_insert(CPUCluster *cl, TranslationBlock *tb)
{
    g_hash_table_add(cl->tbs->htable, tb);
    g_tree_insert(cl->tbs->by_code, (gpointer)tb->tr.code, tb);
    g_ptr_array_add(cl->tbs->all, tb);
    tb_mark_pages(cl, tb);
    cl->tbs->stats.translations++;
}

TranslationBlock *tb_cache_find_by_host_pc(CPUCluster *cl, uintptr_t pc)
{
    /* The last TB whose code starts at or before @pc, if @pc is in it. */
    GTreeNode *node = g_tree_upper_bound(cl->tbs->by_code, (gconstpointer)pc);
    TranslationBlock *tb;

    node = node ? g_tree_node_previous(node)
                : g_tree_node_last(cl->tbs->by_code);
    if (!node) {
        return NULL;
    }
    tb = g_tree_node_value(node);
    return pc - (uintptr_t)tb->tr.code < tb->tr.code_size ? tb : NULL;
}

static void tb_reset_jump(CPUCluster *cl, TranslationBlock *tb, unsigned n)
{
    tcg_tb_set_jmp_target(cl->tcg, &tb->tr, (int)n, NULL);
    tb->jmp_dest[n] = NULL;
}

void tb_add_jump(CPUCluster *cl, TranslationBlock *src, unsigned n,
                 TranslationBlock *dst)
{
    if (src->invalid || dst->invalid || src->jmp_dest[n] ||
        src->tr.jmp_insn_offset[n] == UINT32_MAX) {
        return;
    }
    tcg_tb_set_jmp_target(cl->tcg, &src->tr, (int)n, dst->tr.code);
    src->jmp_dest[n] = dst;
    dst->jmp_incoming = g_slist_prepend(dst->jmp_incoming,
                                        (gpointer)((uintptr_t)src | n));
    cl->tbs->stats.chains++;
}

void tb_cache_invalidate(CPUCluster *cl, TranslationBlock *tb)
{
    unsigned pb = page_bits_of(cl);
    hwaddr mask = ((hwaddr)1 << pb) - 1;

    if (tb->invalid) {
        return;
    }
    tb->invalid = true;
    g_hash_table_remove(cl->tbs->htable, tb);
    /* Unchain everything jumping into @tb, then its own exits. */
    for (GSList *l = tb->jmp_incoming; l; l = l->next) {
        uintptr_t v = (uintptr_t)l->data;
        TranslationBlock *src = (TranslationBlock *)(v & ~TCG_EXIT_SLOT_MASK);
        unsigned n = v & TCG_EXIT_SLOT_MASK;

        if (src->jmp_dest[n] == tb) {
            tb_reset_jump(cl, src, n);
        }
    }
    g_slist_free(tb->jmp_incoming);
    tb->jmp_incoming = NULL;
    for (unsigned n = 0; n < 2; n++) {
        TranslationBlock *dst = tb->jmp_dest[n];
        if (dst) {
            dst->jmp_incoming = g_slist_remove(
                dst->jmp_incoming, (gpointer)((uintptr_t)tb | n));
            tb_reset_jump(cl, tb, n);
        }
    }
    for (hwaddr page = tb->phys_pc & ~mask;
         page < tb->phys_pc + HEMU_MAX(tb->size, 1); page += mask + 1) {
        CodePage *cp = code_page_get(cl, page, false);
        if (cp) {
            g_ptr_array_remove_fast(cp->tbs, tb);
        }
    }
    cl->tbs->stats.invalidations++;
    log_mask(LOG_PAGE, "tb invalidated: pc 0x%" VADDR_PRIx " phys 0x%"
             HWADDR_PRIx " size %u\n", tb->pc, tb->phys_pc, tb->size);
}

/*
 * Rebuild a page's bitmap from its remaining TBs.  Lock-free readers
 * (code_page_may_hit) see each word either old or new, never cleared
 * bits that are still code.
 */
static void code_page_rebuild(CPUCluster *cl, CodePage *cp)
{
    size_t words = (((size_t)1 << (page_bits_of(cl) - TB_CODE_CHUNK_BITS))
                    + 63) / 64;
    hwaddr psize = (hwaddr)1 << page_bits_of(cl);
    g_autofree uint64_t *bm = g_new0(uint64_t, words);

    for (guint i = 0; i < cp->tbs->len; i++) {
        TranslationBlock *tb = g_ptr_array_index(cp->tbs, i);
        hwaddr lo = HEMU_MAX(tb->phys_pc, cp->page) - cp->page;
        hwaddr hi = HEMU_MIN(tb->phys_pc + HEMU_MAX(tb->size, 1),
                             cp->page + psize) - cp->page;
        for (hwaddr c = lo >> TB_CODE_CHUNK_BITS;
             c <= (hi - 1) >> TB_CODE_CHUNK_BITS; c++) {
            bm[c / 64] |= UINT64_C(1) << (c % 64);
        }
    }
    for (size_t w = 0; w < words; w++) {
        __atomic_store_n(&cp->bitmap[w], bm[w], __ATOMIC_RELEASE);
    }
}

bool tb_invalidate_phys_range(CPUCluster *cl, hwaddr addr, hwaddr len,
                              TranslationBlock *cur, bool *hit)
{
    hwaddr mask = ((hwaddr)1 << page_bits_of(cl)) - 1;
    CodePage *cp = code_page_get(cl, addr & ~mask, false);
    hwaddr off = addr & mask;
    bool cur_hit = false, any = false;

    *hit = false;
    if (!cp) {
        return false;
    }
    for (hwaddr c = off >> TB_CODE_CHUNK_BITS;
         c <= (HEMU_MIN(off + len, mask + 1) - 1) >> TB_CODE_CHUNK_BITS; c++) {
        any |= (cp->bitmap[c / 64] >> (c % 64)) & 1;
    }
    if (!any) {
        return false;
    }
    for (guint i = cp->tbs->len; i > 0; i--) {
        TranslationBlock *tb = g_ptr_array_index(cp->tbs, i - 1);
        if (tb->phys_pc < addr + len && addr < tb->phys_pc + tb->size) {
            cur_hit |= tb == cur;
            *hit = true;
            tb_cache_invalidate(cl, tb);
        }
    }
    if (*hit) {
        code_page_rebuild(cl, cp);
    }
    return cur_hit;
}

void tb_cache_flush(CPUCluster *cl)
{
    TBCache *c = cl->tbs;

    g_hash_table_remove_all(c->htable);
    g_tree_destroy(c->by_code);
    c->by_code = g_tree_new_full(tb_code_cmp, NULL, NULL, NULL);
    g_hash_table_remove_all(c->pages);
    for (uint32_t i = 0; i < cl->num_cpus; i++) {
        cl->cpus[i]->smc_page = NULL;
    }
    g_ptr_array_set_size(c->all, 0);
    tcg_code_flush(cl->tcg);
    c->stats.flushes++;
}
