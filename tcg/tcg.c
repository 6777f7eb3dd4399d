/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * TCG core: contexts and their code buffers, temps, labels, the op list,
 * and the translation pipeline (optimize, liveness, backend, insn_start
 * records) shared by both backends.
 *
 * Invariants: see tcg/internal.h.  Nothing here is global: every piece
 * of state is a field of the TCGContext the caller passes.  The code
 * buffer is one RWX anonymous mapping per context (docs/devel/tcg.md
 * "Code buffer" says why that is acceptable for now).
 */
#include "tcg/tcg.h"
#include "tcg/tcg-op.h"
#include "util/bitops.h"
#include "internal.h"

#include <sys/mman.h>

const TCGOpDef tcg_op_defs[NB_OPS] = {
#define DEF(n, o, i, c, f) [INDEX_op_##n] = { #n, o, i, c, f },
#include "tcg/tcg-opc.h.inc"
};

/* Room kept free at the end of the buffer: more than one op's code. */
#define CODE_MARGIN 4096
#define DEFAULT_CODE_SIZE (32u << 20)

bool tcg_backend_available(TCGBackendKind kind)
{
    switch (kind) {
    case TCG_BACKEND_INTERP:
        return true;
    case TCG_BACKEND_JIT:
#if defined(__x86_64__)
        return true;
#else
        return false;
#endif
    }
    return false;
}

const char *tcg_backend_name(TCGBackendKind kind)
{
    return kind == TCG_BACKEND_JIT ? "jit" : "interp";
}

bool tcg_backend_parse(const char *str, TCGBackendKind *kind, Error **errp)
{
    if (!strcmp(str, "jit")) {
        *kind = TCG_BACKEND_JIT;
    } else if (!strcmp(str, "interp")) {
        *kind = TCG_BACKEND_INTERP;
    } else {
        error_setg(errp, "TCG backend '%s' is unknown (accepted: jit, "
                   "interp)", str);
        return false;
    }
    if (!tcg_backend_available(*kind)) {
        error_setg(errp, "TCG backend '%s' is not available on this host "
                   "(accepted: interp)", str);
        return false;
    }
    return true;
}

static bool check_config(const TCGContextConfig *cfg, Error **errp)
{
    if (cfg->backend != TCG_BACKEND_INTERP && cfg->backend != TCG_BACKEND_JIT) {
        error_setg(errp, "TCG context: backend %d is invalid (accepted: "
                   "jit, interp)", (int)cfg->backend);
        return false;
    }
    if (!tcg_backend_available(cfg->backend)) {
        error_setg(errp, "TCG context: backend '%s' is not available on "
                   "this host (accepted: interp)",
                   tcg_backend_name(cfg->backend));
        return false;
    }
    if (cfg->page_bits < TCG_MIN_PAGE_BITS || cfg->page_bits > 30) {
        error_setg(errp, "TCG context: page_bits %u is out of range "
                   "(accepted: %d..30)", cfg->page_bits, TCG_MIN_PAGE_BITS);
        return false;
    }
    if (cfg->nb_mmu_idx < 1 || cfg->nb_mmu_idx > 64) {
        error_setg(errp, "TCG context: nb_mmu_idx %u is out of range "
                   "(accepted: 1..64)", cfg->nb_mmu_idx);
        return false;
    }
    if (cfg->insn_start_words < 1 || cfg->insn_start_words > 3) {
        error_setg(errp, "TCG context: insn_start_words %u is out of range "
                   "(accepted: 1..3)", cfg->insn_start_words);
        return false;
    }
    if (cfg->vec_isa >= TCG_VEC_ISA_COUNT ||
        cfg->vec_isa > tcg_vec_host_isa()) {
        error_setg(errp, "TCG context: vec_isa '%s' (%d) is not available "
                   "on this host (accepted: auto up to '%s')",
                   tcg_vec_isa_name(cfg->vec_isa), (int)cfg->vec_isa,
                   tcg_vec_isa_name(tcg_vec_host_isa()));
        return false;
    }
    if (cfg->code_size && (cfg->code_size < 64 * 1024 ||
                           cfg->code_size > (size_t)2 << 30)) {
        error_setg(errp, "TCG context: code_size %zu is out of range "
                   "(accepted: 0 for the default, or 64 KiB..2 GiB)",
                   cfg->code_size);
        return false;
    }
    return true;
}

TCGContext *tcg_context_new(const TCGContextConfig *cfg, Error **errp)
{
    TCGContext *s;
    void *buf;
    size_t size;

    if (!check_config(cfg, errp)) {
        return NULL;
    }
    size = cfg->code_size ? cfg->code_size : DEFAULT_CODE_SIZE;
    buf = mmap(NULL, size, PROT_READ | PROT_WRITE | PROT_EXEC,
               MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (buf == MAP_FAILED) {
        error_setg_errno(errp, errno, "TCG context: cannot map a code "
                         "buffer of %zu bytes", size);
        return NULL;
    }
    s = g_new0(TCGContext, 1);
    s->cfg = *cfg;
    s->code_buf = buf;
    s->code_buf_size = size;
    s->code_ptr = buf;
    s->code_end = s->code_buf + size - CODE_MARGIN;
    s->vec_isa = cfg->vec_isa ? cfg->vec_isa : tcg_vec_host_isa();
    s->backend = &tcg_backend_interp;
#if defined(__x86_64__)
    if (cfg->backend == TCG_BACKEND_JIT) {
        s->backend = &tcg_backend_jit;
    }
#endif
    s->consts[TCG_TYPE_I32] = g_hash_table_new(g_int64_hash, g_int64_equal);
    s->consts[TCG_TYPE_I64] = g_hash_table_new(g_int64_hash, g_int64_equal);

    s->temps[0].type = TCG_TYPE_I64;
    s->temps[0].kind = TEMP_FIXED;
    s->temps[0].name = "env";
    s->temps[0].in_use = true;
    s->nb_globals = 1;
    s->nb_temps = 1;

#if defined(__x86_64__)
    if (cfg->backend == TCG_BACKEND_JIT && !tcg_jit_init(s, errp)) {
        tcg_context_free(s);
        return NULL;
    }
#endif
    s->code_gen_start = s->code_ptr;
    tcg_func_start(s);
    return s;
}

void tcg_context_free(TCGContext *s)
{
    if (!s) {
        return;
    }
    tcg_func_start(s);
    munmap(s->code_buf, s->code_buf_size);
    g_hash_table_destroy(s->consts[0]);
    g_hash_table_destroy(s->consts[1]);
    g_free(s->ops);
    g_free(s);
}

TCGBackendKind tcg_context_backend(const TCGContext *s)
{
    return s->cfg.backend;
}

TCGv_ptr tcg_env(TCGContext *s)
{
    return (TCGv_ptr)(void *)&s->temps[0];
}

static TCGTemp *global_new(TCGContext *s, TCGType type, ptrdiff_t offset,
                           const char *name)
{
    TCGTemp *t;

    /* Globals are registered before translating, by hemu's own code. */
    assert(s->nb_globals == s->nb_temps && s->nb_globals < TCG_MAX_GLOBALS);
    t = &s->temps[s->nb_globals++];
    s->nb_temps = s->nb_globals;
    t->type = type;
    t->kind = TEMP_GLOBAL;
    t->mem_offset = offset;
    t->name = name;
    t->in_use = true;
    t->index = t - s->temps;
    return t;
}

TCGv_i32 tcg_global_mem_new_i32(TCGContext *s, ptrdiff_t offset,
                                const char *name)
{
    return (TCGv_i32)(void *)global_new(s, TCG_TYPE_I32, offset, name);
}

TCGv_i64 tcg_global_mem_new_i64(TCGContext *s, ptrdiff_t offset,
                                const char *name)
{
    return (TCGv_i64)(void *)global_new(s, TCG_TYPE_I64, offset, name);
}

void tcg_func_start(TCGContext *s)
{
    for (unsigned i = 0; i < s->nb_labels; i++) {
        if (s->labels[i]->more_refs) {
            g_array_free(s->labels[i]->more_refs, true);
        }
        g_free(s->labels[i]);
    }
    s->nb_labels = 0;
    g_hash_table_remove_all(s->consts[0]);
    g_hash_table_remove_all(s->consts[1]);
    memset(&s->temps[s->nb_globals], 0,
           (TCG_MAX_TEMPS - s->nb_globals) * sizeof(TCGTemp));
    s->nb_temps = s->nb_globals;
    s->nb_ops = 0;
    s->overflow = false;
    s->nb_insns = 0;
}

static TCGTemp *temp_new(TCGContext *s, TCGType type, TCGTempKind kind)
{
    TCGTemp *t;
    unsigned i;

    /* Reuse a freed temp of the same kind and type first. */
    for (i = s->nb_globals; i < s->nb_temps; i++) {
        t = &s->temps[i];
        if (!t->in_use && t->kind == kind && t->type == type) {
            t->in_use = true;
            return t;
        }
    }
    if (s->nb_temps >= TCG_MAX_TEMPS) {
        /* Keep going on a scratch temp; tcg_gen_code reports TOO_BIG. */
        s->overflow = true;
        t = &s->temps[TCG_MAX_TEMPS - 1];
    } else {
        t = &s->temps[s->nb_temps++];
    }
    memset(t, 0, sizeof(*t));
    t->type = type;
    t->kind = kind;
    t->in_use = true;
    t->index = t - s->temps;
    t->mem_offset = t->index * 8;
    return t;
}

TCGv_i32 tcg_temp_new_i32(TCGContext *s)
{
    return (TCGv_i32)(void *)temp_new(s, TCG_TYPE_I32, TEMP_TB);
}

TCGv_i64 tcg_temp_new_i64(TCGContext *s)
{
    return (TCGv_i64)(void *)temp_new(s, TCG_TYPE_I64, TEMP_TB);
}

TCGv_ptr tcg_temp_new_ptr(TCGContext *s)
{
    return (TCGv_ptr)(void *)temp_new(s, TCG_TYPE_I64, TEMP_TB);
}

TCGv_i32 tcg_temp_ebb_new_i32(TCGContext *s)
{
    return (TCGv_i32)(void *)temp_new(s, TCG_TYPE_I32, TEMP_EBB);
}

TCGv_i64 tcg_temp_ebb_new_i64(TCGContext *s)
{
    return (TCGv_i64)(void *)temp_new(s, TCG_TYPE_I64, TEMP_EBB);
}

static void temp_free(TCGTemp *t)
{
    if (t->kind == TEMP_TB || t->kind == TEMP_EBB) {
        t->in_use = false;
    }
}

void tcg_temp_free_i32(TCGContext *s, TCGv_i32 t)
{
    temp_free((TCGTemp *)(void *)t);
}

void tcg_temp_free_i64(TCGContext *s, TCGv_i64 t)
{
    temp_free((TCGTemp *)(void *)t);
}

static TCGTemp *constant_new(TCGContext *s, TCGType type, int64_t val)
{
    TCGTemp *t = g_hash_table_lookup(s->consts[type], &val);

    if (t) {
        return t;
    }
    t = temp_new(s, type, TEMP_CONST);
    t->val = val;
    if (!s->overflow) {
        g_hash_table_insert(s->consts[type], &t->val, t);
    }
    return t;
}

TCGv_i32 tcg_constant_i32(TCGContext *s, int32_t val)
{
    return (TCGv_i32)(void *)constant_new(s, TCG_TYPE_I32, val);
}

TCGv_i64 tcg_constant_i64(TCGContext *s, int64_t val)
{
    return (TCGv_i64)(void *)constant_new(s, TCG_TYPE_I64, val);
}

TCGLabel *gen_new_label(TCGContext *s)
{
    TCGLabel *l;

    if (s->nb_labels >= TCG_MAX_LABELS) {
        s->overflow = true;
        return s->labels[TCG_MAX_LABELS - 1];
    }
    l = g_new0(TCGLabel, 1);
    l->id = s->nb_labels;
    s->labels[s->nb_labels++] = l;
    return l;
}

void tcg_label_add_ref(TCGLabel *l, uint32_t off)
{
    if (l->nb_refs < ARRAY_SIZE(l->refs)) {
        l->refs[l->nb_refs++] = off;
        return;
    }
    if (!l->more_refs) {
        l->more_refs = g_array_new(false, false, sizeof(uint32_t));
    }
    g_array_append_val(l->more_refs, off);
}

TCGOp *tcg_op_new(TCGContext *s, TCGOpcode opc)
{
    TCGOp *op;

    if (s->nb_ops == s->ops_cap) {
        s->ops_cap = s->ops_cap ? s->ops_cap * 2 : 256;
        s->ops = g_renew(TCGOp, s->ops, s->ops_cap);
    }
    op = &s->ops[s->nb_ops++];
    memset(op, 0, sizeof(*op));
    op->opc = opc;
    return op;
}

void tcg_gen_op1(TCGContext *s, TCGOpcode opc, TCGArg a1)
{
    TCGOp *op = tcg_op_new(s, opc);

    op->args[0] = a1;
    if (opc == INDEX_op_set_label) {
        arg_label(a1)->present = true;
    }
}

void tcg_gen_op2(TCGContext *s, TCGOpcode opc, TCGArg a1, TCGArg a2)
{
    TCGOp *op = tcg_op_new(s, opc);

    op->args[0] = a1;
    op->args[1] = a2;
}

void tcg_gen_op3(TCGContext *s, TCGOpcode opc, TCGArg a1, TCGArg a2,
                 TCGArg a3)
{
    TCGOp *op = tcg_op_new(s, opc);

    op->args[0] = a1;
    op->args[1] = a2;
    op->args[2] = a3;
}

void tcg_gen_op4(TCGContext *s, TCGOpcode opc, TCGArg a1, TCGArg a2,
                 TCGArg a3, TCGArg a4)
{
    TCGOp *op = tcg_op_new(s, opc);

    op->args[0] = a1;
    op->args[1] = a2;
    op->args[2] = a3;
    op->args[3] = a4;
}

void tcg_gen_op5(TCGContext *s, TCGOpcode opc, TCGArg a1, TCGArg a2,
                 TCGArg a3, TCGArg a4, TCGArg a5)
{
    TCGOp *op = tcg_op_new(s, opc);

    op->args[0] = a1;
    op->args[1] = a2;
    op->args[2] = a3;
    op->args[3] = a4;
    op->args[4] = a5;
}

void tcg_gen_op6(TCGContext *s, TCGOpcode opc, TCGArg a1, TCGArg a2,
                 TCGArg a3, TCGArg a4, TCGArg a5, TCGArg a6)
{
    TCGOp *op = tcg_op_new(s, opc);

    op->args[0] = a1;
    op->args[1] = a2;
    op->args[2] = a3;
    op->args[3] = a4;
    op->args[4] = a5;
    op->args[5] = a6;
}

void tcg_gen_callN(TCGContext *s, const TCGHelperInfo *info, TCGArg ret,
                   const TCGArg *args)
{
    TCGOp *op = tcg_op_new(s, INDEX_op_call);
    unsigned n = 0;

    assert(info->nb_args <= TCG_MAX_HELPER_ARGS);
    assert((info->ret == TCG_CALL_VOID) == (ret == 0));
    if (ret) {
        op->args[n++] = ret;
    }
    op->call_o = n;
    for (unsigned i = 0; i < info->nb_args; i++) {
        op->args[n++] = args[i];
    }
    op->call_i = info->nb_args;
    op->args[n] = (TCGArg)(uintptr_t)info;
}

unsigned tcg_nb_ops(const TCGContext *s)
{
    unsigned n = 0;

    for (unsigned i = 0; i < s->nb_ops; i++) {
        n += s->ops[i].opc != INDEX_op_nop;
    }
    return n;
}

void tcg_note_insn_start(TCGContext *s, const TCGOp *op, uint32_t off)
{
    if (s->nb_insns >= TCG_MAX_INSNS) {
        s->overflow = true;
        return;
    }
    if (s->nb_insns > 0) {
        s->insn_end_off[s->nb_insns - 1] = off;
    }
    for (unsigned i = 0; i < 3; i++) {
        s->insn_data[s->nb_insns][i] = op->args[i];
    }
    s->nb_insns++;
}

/* Append the insn_start records after the code; false if no room. */
static bool write_insn_records(TCGContext *s, TCGTranslation *tr,
                               uint8_t *start)
{
    unsigned n = s->nb_insns, words = s->cfg.insn_start_words;
    uint8_t *p = (uint8_t *)ROUND_UP((uintptr_t)s->code_ptr, 8);
    size_t need = n * 4 + 8 + (size_t)n * words * 8;

    if (p + need > s->code_end) {
        return false;
    }
    if (n > 0) {
        s->insn_end_off[n - 1] = s->code_ptr - start;
    }
    tr->records_offset = p - start;
    memcpy(p, s->insn_end_off, n * 4);
    p = (uint8_t *)ROUND_UP((uintptr_t)(p + n * 4), 8);
    for (unsigned i = 0; i < n; i++) {
        memcpy(p, s->insn_data[i], words * 8);
        p += words * 8;
    }
    s->code_ptr = p;
    tr->nb_insns = n;
    return true;
}

TCGGenResult tcg_gen_code(TCGContext *s, bool optimize, TCGTranslation *tr)
{
    uint8_t *start;

    memset(tr, 0, sizeof(*tr));
    for (int i = 0; i < 2; i++) {
        tr->jmp_insn_offset[i] = UINT32_MAX;
        tr->jmp_reset_offset[i] = UINT32_MAX;
    }
    for (unsigned i = 0; i < s->nb_labels; i++) {
        s->labels[i]->nb_refs = 0;
        if (s->labels[i]->more_refs) {
            g_array_set_size(s->labels[i]->more_refs, 0);
        }
    }
    if (s->overflow) {
        return TCG_GEN_TOO_BIG;
    }
    if (optimize) {
        tcg_optimize(s);
        /* folding makes constants: it may have run out of temps */
        if (s->overflow) {
            return TCG_GEN_TOO_BIG;
        }
    }
    tcg_liveness(s);

    s->code_ptr = (uint8_t *)ROUND_UP((uintptr_t)s->code_ptr, 16);
    start = s->code_ptr;
    s->nb_insns = 0;
    if (start >= s->code_end || !s->backend->gen(s, tr) ||
        !write_insn_records(s, tr, start)) {
        s->code_ptr = start;
        return start == s->code_gen_start ? TCG_GEN_TOO_BIG
                                          : TCG_GEN_BUFFER_FULL;
    }
    if (s->overflow) {
        s->code_ptr = start;
        return TCG_GEN_TOO_BIG;
    }
    tr->code = start;
    tr->code_size = s->code_ptr - start;
    return TCG_GEN_OK;
}

void tcg_code_flush(TCGContext *s)
{
    s->code_ptr = s->code_gen_start;
}

size_t tcg_code_used(const TCGContext *s)
{
    return s->code_ptr - s->code_buf;
}

size_t tcg_code_capacity(const TCGContext *s)
{
    return s->code_buf_size;
}

void tcg_tb_set_jmp_target(TCGContext *s, const TCGTranslation *tr, int n,
                           const void *target)
{
    assert(n == 0 || n == 1);
    if (tr->jmp_insn_offset[n] == UINT32_MAX) {
        return;
    }
    s->backend->set_jmp(s, tr, n, target);
}

uintptr_t tcg_exec(TCGContext *s, void *env, const void *host_code)
{
    return s->backend->exec(s, env, host_code);
}

uintptr_t tcg_call_site(const TCGContext *s, uintptr_t retaddr)
{
    uintptr_t site;

    if (retaddr > (uintptr_t)s->code_buf &&
        retaddr < (uintptr_t)s->code_buf + s->code_buf_size) {
        /*
         * The interpreter's slow paths pass the op's exact address.  JIT
         * code passes a return address (of a helper call, or just past
         * the lea of a slow path): the byte before it is in the calling
         * instruction, the address itself may be the next one's start.
         */
        return s->backend == &tcg_backend_interp ? retaddr : retaddr - 1;
    }
    if (s->backend == &tcg_backend_interp) {
        site = tcg_interp_call_site();
        if (site >= (uintptr_t)s->code_buf &&
            site < (uintptr_t)s->code_buf + s->code_buf_size) {
            return site;
        }
    }
    return retaddr;
}

int tcg_restore_state(const TCGContext *s, const TCGTranslation *tr,
                      uintptr_t host_pc, uint64_t data[3])
{
    const uint8_t *code = tr->code;
    const uint8_t *rec = code + tr->records_offset;
    const uint64_t *words;
    unsigned n = tr->nb_insns, w = s->cfg.insn_start_words;
    uintptr_t off;

    if (host_pc < (uintptr_t)code ||
        host_pc >= (uintptr_t)code + tr->records_offset || n == 0) {
        return -1;
    }
    off = host_pc - (uintptr_t)code;
    words = (const uint64_t *)(const void *)
        (code + ROUND_UP(tr->records_offset + n * 4, 8));
    for (unsigned i = 0; i < n; i++) {
        uint32_t end;

        memcpy(&end, rec + i * 4, 4);
        if (off < end) {
            memset(data, 0, 3 * sizeof(uint64_t));
            memcpy(data, words + (size_t)i * w, w * 8);
            return i;
        }
    }
    return -1;
}
