/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Translating a block: wrap the frontend's translate hook with the TB
 * entry check (exit request, instruction budget) and its exit, generate
 * host code, and enter the TB in the cluster's cache.  Also the
 * translator_* services frontends call (code fetch, insn_start, ending
 * and leaving blocks) and the jump-cache helper behind goto_ptr.
 *
 * Called with cluster->tb_lock held (cpu->tb_locked set).
 */
#include "internal.h"
#include "util/log.h"

/* Instructions in a block at most (a bound on translation latency). */
#define TB_MAX_INSNS 512

void translator_insn_start(TranslatorCtx *ctx, uint64_t d0, uint64_t d1,
                           uint64_t d2)
{
    uint64_t d[3] = { d0, d1, d2 };

    tcg_gen_insn_start(ctx->tcg, d0, d1, d2);
    g_array_append_vals(ctx->insn_data_, d, 3);
    ctx->num_insns++;
}

bool translator_should_stop(const TranslatorCtx *ctx)
{
    return ctx->num_insns >= ctx->max_insns ||
           ((ctx->pc_next ^ ctx->key.pc) >> ctx->page_bits) != 0;
}

bool translator_use_goto_tb(const TranslatorCtx *ctx, vaddr dest)
{
    return !log_enabled(LOG_NOCHAIN) &&
           ((dest ^ ctx->key.pc) >> ctx->page_bits) == 0;
}

void translator_exit_tb(TranslatorCtx *ctx, unsigned n)
{
    assert(n < 2);
    tcg_gen_exit_tb(ctx->tcg, (uintptr_t)ctx->tb_ | n);
}

void translator_exit_tb_nochain(TranslatorCtx *ctx)
{
    tcg_gen_exit_tb(ctx->tcg, 0);
}

uint64_t translator_ld(TranslatorCtx *ctx, vaddr pc, MemOp op)
{
    CPUState *cpu = ctx->cpu;
    hwaddr phys;
    const uint8_t *host;

    if (ctx->host_page_ && ((pc ^ ctx->key.pc) >> ctx->page_bits) == 0) {
        host = ctx->host_page_ + (pc & (((vaddr)1 << ctx->page_bits) - 1));
    } else {
        host = tlb_get_code_page(cpu, pc, &phys);
        if (host) {
            host += pc & (((vaddr)1 << ctx->page_bits) - 1);
        } else {
            return address_space_ld(&cpu->cluster->as, phys, op,
                                    MEMTXATTRS_UNSPECIFIED, NULL);
        }
    }
    {
        uint64_t v = 0;
        unsigned size = memop_size(op);
        for (unsigned i = 0; i < size; i++) {
            unsigned sh = memop_is_be(op) ? (size - 1 - i) * 8 : i * 8;
            v |= (uint64_t)host[i] << sh;
        }
        return v;
    }
}

/* goto_ptr target: the TB for the current state if cached, else 0. */
static const void *helper_lookup_tb_ptr(void *env)
{
    CPUState *cpu = cpu_current();
    TranslationBlock *tb;
    TBKey key;

    cpu->arch->get_tb_key(cpu, &key);
    tb = cpu->jmp_cache[tb_jmp_cache_hash(key.pc)];
    if (tb && !__atomic_load_n(&tb->invalid, __ATOMIC_ACQUIRE) &&
        tb->pc == key.pc && tb->flags == key.flags &&
        tb->extra == key.extra && tb->max_insns == 0 &&
        cpu->cflags_next_tb == 0 && !cpu->singlestep && !cpu->watch_step) {
        return tb->tr.code;
    }
    return NULL;
}

const TCGHelperInfo tb_helper_lookup_tb_ptr = {
    .func = (const void *)helper_lookup_tb_ptr,
    .name = "lookup_tb_ptr",
    .flags = TCG_CALL_NO_WRITE_GLOBALS,
    .nb_args = 1,
    .ret = TCG_CALL_PTR,
    .args = { TCG_CALL_PTR },
};

void translator_lookup_and_goto_ptr(TranslatorCtx *ctx)
{
    TCGContext *s = ctx->tcg;
    TCGv_ptr ptr = tcg_temp_new_ptr(s);
    TCGArg args[1] = { tcgv_ptr_arg(tcg_env(s)) };

    if (log_enabled(LOG_NOCHAIN)) {
        tcg_gen_exit_tb(s, 0);
        return;
    }
    tcg_gen_callN(s, &tb_helper_lookup_tb_ptr, tcgv_ptr_arg(ptr), args);
    tcg_gen_goto_ptr(s, ptr);
}

/*
 * The TB entry check: leave (exit value TB_EXIT_REQUESTED) when another
 * thread asked, or when the instruction budget cannot pay for the whole
 * block; otherwise charge the block's instruction count.
 */
static TCGLabel *gen_tb_start(TranslatorCtx *ctx)
{
    TCGContext *s = ctx->tcg;
    const TargetArch *arch = ctx->cpu->arch;
    TCGLabel *exit = gen_new_label(s);
    TCGv_i32 t = tcg_temp_new_i32(s), n = tcg_temp_new_i32(s);
    TCGv_ptr tbp = (TCGv_ptr)(void *)tcg_constant_i64(
        s, (int64_t)(uintptr_t)&ctx->tb_->num_insns);

    tcg_gen_ld_i32(s, t, tcg_env(s),
                   cpu_field_offset(arch, offsetof(CPUState, exit_request)));
    tcg_gen_brcond_i32(s, TCG_COND_NE, t, tcg_constant_i32(s, 0), exit);
    tcg_gen_ld_i32(s, t, tcg_env(s),
                   cpu_field_offset(arch, offsetof(CPUState, icount_budget)));
    tcg_gen_ld_i32(s, n, tbp, 0);
    tcg_gen_sub_i32(s, t, t, n);
    tcg_gen_brcond_i32(s, TCG_COND_LT, t, tcg_constant_i32(s, 0), exit);
    tcg_gen_st_i32(s, t, tcg_env(s),
                   cpu_field_offset(arch, offsetof(CPUState, icount_budget)));
    tcg_temp_free_i32(s, t);
    tcg_temp_free_i32(s, n);
    return exit;
}

static void gen_tb_end(TranslatorCtx *ctx, TCGLabel *exit)
{
    gen_set_label(ctx->tcg, exit);
    tcg_gen_exit_tb(ctx->tcg, (uintptr_t)ctx->tb_ | TB_EXIT_REQUESTED);
}

static char *tb_log_prefix(CPUState *cpu, TranslatorCtx *ctx)
{
    return g_strdup_printf("%s: pc 0x%" VADDR_PRIx " (%u insns)",
                           cpu->log_name, ctx->key.pc, ctx->num_insns);
}

/* `-d in_asm` (disassembled with the frontend's hook) and `-d op`. */
static void tb_log_translation(CPUState *cpu, TranslatorCtx *ctx)
{
    g_autofree char *prefix = NULL;

    if (!log_enabled(LOG_OP | LOG_IN_ASM) || !log_in_dfilter(ctx->key.pc)) {
        return;
    }
    prefix = tb_log_prefix(cpu, ctx);
    if (log_enabled(LOG_IN_ASM)) {
        g_autoptr(GString) out = g_string_new(NULL);
        vaddr pc = ctx->key.pc;

        g_string_append_printf(out, "IN: %s\n", prefix);
        while (cpu->arch->disas && ctx->host_page_ && pc < ctx->pc_next) {
            size_t off = pc & (((vaddr)1 << ctx->page_bits) - 1);
            unsigned n;

            g_string_append_printf(out, "0x%08" VADDR_PRIx ":  ", pc);
            n = cpu->arch->disas(ctx->host_page_ + off,
                                 ((size_t)1 << ctx->page_bits) - off, pc,
                                 out);
            g_string_append_c(out, '\n');
            pc += n ? n : cpu->arch->insn_align;
        }
        log_printf("%s", out->str);
    }
    if (log_enabled(LOG_OP)) {
        g_autofree char *head = g_strdup_printf("OP: %s", prefix);

        tcg_dump_ops(ctx->tcg, head);
    }
}

/* `-d op_opt` and `-d out_asm`, after code generation. */
static void tb_log_code(CPUState *cpu, TranslatorCtx *ctx,
                        TranslationBlock *tb)
{
    g_autofree char *prefix = NULL;

    if (!log_enabled(LOG_OP_OPT | LOG_OUT_ASM) ||
        !log_in_dfilter(ctx->key.pc)) {
        return;
    }
    prefix = tb_log_prefix(cpu, ctx);
    if (log_enabled(LOG_OP_OPT)) {
        g_autofree char *head = g_strdup_printf("OP after optimization: %s",
                                                prefix);

        tcg_dump_ops(ctx->tcg, head);
    }
    if (log_enabled(LOG_OUT_ASM)) {
        g_autofree char *head = g_strdup_printf("OUT: %s", prefix);

        tcg_dump_code(ctx->tcg, &tb->tr, head);
    }
}

hwaddr tb_get_phys_pc(CPUState *cpu, vaddr pc)
{
    hwaddr phys;

    tlb_get_code_page(cpu, pc, &phys);
    return phys;
}

/*
 * Translate the block for @key at @phys_pc.  Returns NULL when the code
 * buffer is full: the caller flushes it (exclusively) and retries.
 */
TranslationBlock *tb_gen_code(CPUState *cpu, const TBKey *key,
                              hwaddr phys_pc, uint32_t max_insns)
{
    CPUCluster *cl = cpu->cluster;
    TranslationBlock *tb = g_new0(TranslationBlock, 1);
    TranslatorCtx ctx;
    GArray *insn_data;
    hwaddr phys;

    tb->pc = key->pc;
    tb->flags = key->flags;
    tb->extra = key->extra;
    tb->phys_pc = phys_pc;
    tb->max_insns = max_insns;
    insn_data = g_array_new(FALSE, FALSE, sizeof(uint64_t));
    /* a fault in translator_ld longjmps out: cpu-exec.c frees these */
    cpu->gen_tb = tb;
    cpu->gen_insn_data = insn_data;
    for (;;) {
        TCGGenResult r;
        TCGLabel *exit;

        memset(&ctx, 0, sizeof(ctx));
        ctx.cpu = cpu;
        ctx.tcg = cl->tcg;
        ctx.globals = cl->tcg_globals;
        ctx.key = *key;
        ctx.max_insns = max_insns ? max_insns : TB_MAX_INSNS;
        ctx.page_bits = cl->page_bits;
        ctx.pc_next = key->pc;
        ctx.tb_ = tb;
        ctx.insn_data_ = g_array_set_size(insn_data, 0);
        ctx.host_page_ = tlb_get_code_page(cpu, key->pc, &phys);
        ctx.phys_pc_ = phys;
        tcg_func_start(cl->tcg);
        exit = gen_tb_start(&ctx);
        cpu->arch->translate(&ctx);
        gen_tb_end(&ctx, exit);
        assert(ctx.num_insns > 0);
        tb->num_insns = ctx.num_insns;
        tb->size = (uint32_t)(ctx.pc_next - key->pc);
        cl->tbs->stats.ops += tcg_nb_ops(cl->tcg);
        tb_log_translation(cpu, &ctx);
        r = tcg_gen_code(cl->tcg, true, &tb->tr);
        if (r == TCG_GEN_OK) {
            tb_log_code(cpu, &ctx, tb);
            break;
        }
        if (r == TCG_GEN_BUFFER_FULL) {
            cpu->gen_tb = NULL;
            cpu->gen_insn_data = NULL;
            g_array_free(insn_data, TRUE);
            g_free(tb);
            return NULL;
        }
        max_insns = HEMU_MAX(ctx.num_insns / 2, 1);
    }
    cpu->gen_tb = NULL;
    cpu->gen_insn_data = NULL;
    tb->insn_data = (uint64_t *)(void *)g_array_free(insn_data, FALSE);
    tb_cache_insert(cl, tb);
    return tb;
}
