/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The portable backend: the op list is encoded into a compact bytecode in
 * the code buffer and run by a C interpreter.  It builds on any host and
 * is the reference the JIT is tested against.
 *
 * Bytecode (all 64-bit words, so pointer slots are naturally aligned):
 * each op is its TCGOpcode, then its input operands, then its constant
 * arguments, then its outputs.  An operand is one "ref" word whose top
 * two bits give its kind: REF_FRAME (a slot of the per-call frame, index
 * = temp index; slot 0 holds env), REF_G32/REF_G64 (a global at the
 * signed 32-bit env offset in the low bits), REF_CONST (the value is the
 * next word).  Branch targets are word offsets relative to the word that
 * holds them, so a block is position independent.  goto_tb holds an
 * aligned pointer slot: 0 falls through, otherwise the chained block's
 * bytecode, written with one atomic store.
 */
#include "tcg/tcg.h"
#include "util/bitops.h"
#include "internal.h"

enum { REF_FRAME, REF_G32, REF_G64, REF_CONST };
#define REF(kind, low) (((uint64_t)(kind) << 62) | (uint32_t)(low))

typedef uint64_t (*InterpHelperFn)(uint64_t, uint64_t, uint64_t, uint64_t,
                                   uint64_t, uint64_t);

/* ---- encoding ---- */

static void put(TCGContext *s, uint64_t w)
{
    memcpy(s->code_ptr, &w, 8);
    s->code_ptr += 8;
}

static void put_ref(TCGContext *s, TCGTemp *t)
{
    switch (t->kind) {
    case TEMP_FIXED:
        put(s, REF(REF_FRAME, 0));
        break;
    case TEMP_GLOBAL:
        assert(t->mem_offset >= INT32_MIN && t->mem_offset <= INT32_MAX);
        put(s, REF(t->type == TCG_TYPE_I32 ? REF_G32 : REF_G64,
                   (int32_t)t->mem_offset));
        break;
    case TEMP_CONST:
        put(s, REF(REF_CONST, 0));
        put(s, t->type == TCG_TYPE_I32 ? (uint32_t)t->val : (uint64_t)t->val);
        break;
    default:
        put(s, REF(REF_FRAME, t->index));
        break;
    }
}

static void put_label(TCGContext *s, TCGLabel *l, uint8_t *start)
{
    tcg_label_add_ref(l, s->code_ptr - start);
    put(s, 0);
}

static void patch_labels(TCGContext *s, uint8_t *start)
{
    for (unsigned i = 0; i < s->nb_labels; i++) {
        TCGLabel *l = s->labels[i];
        unsigned n = l->nb_refs + (l->more_refs ? l->more_refs->len : 0);

        for (unsigned k = 0; k < n; k++) {
            uint32_t off = k < l->nb_refs ? l->refs[k]
                : g_array_index(l->more_refs, uint32_t, k - l->nb_refs);
            int64_t rel = ((int64_t)l->value - (int64_t)off) / 8;

            memcpy(start + off, &rel, 8);
        }
    }
}

static void gen_op(TCGContext *s, TCGOp *op, uint8_t *start,
                   TCGTranslation *tr)
{
    unsigned no = op_nb_oargs(op), ni = op_nb_iargs(op);
    unsigned nc = op_nb_cargs(op);

    switch (op->opc) {
    case INDEX_op_set_label:
        arg_label(op->args[0])->value = s->code_ptr - start;
        return;
    case INDEX_op_insn_start:
        tcg_note_insn_start(s, op, s->code_ptr - start);
        return;
    case INDEX_op_br:
        put(s, op->opc);
        put_label(s, arg_label(op->args[0]), start);
        return;
    case INDEX_op_brcond_i32:
    case INDEX_op_brcond_i64:
        put(s, op->opc);
        put_ref(s, arg_temp(op->args[0]));
        put_ref(s, arg_temp(op->args[1]));
        put(s, op->args[2]);
        put_label(s, arg_label(op->args[3]), start);
        return;
    case INDEX_op_goto_tb: {
        unsigned n = op->args[0];

        put(s, op->opc);
        tr->jmp_insn_offset[n] = s->code_ptr - start;
        put(s, 0);
        tr->jmp_reset_offset[n] = s->code_ptr - start;
        return;
    }
    case INDEX_op_call:
        put(s, op->opc);
        put(s, op->args[no + ni]);
        break;
    default:
        put(s, op->opc);
        break;
    }
    for (unsigned i = no; i < no + ni; i++) {
        put_ref(s, arg_temp(op->args[i]));
    }
    if (op->opc != INDEX_op_call) {
        for (unsigned i = no + ni; i < no + ni + nc; i++) {
            put(s, op->args[i]);
        }
    }
    for (unsigned i = 0; i < no; i++) {
        put_ref(s, arg_temp(op->args[i]));
    }
}

static bool interp_gen(TCGContext *s, TCGTranslation *tr)
{
    uint8_t *start = s->code_ptr;

    for (unsigned i = 0; i < s->nb_ops; i++) {
        TCGOp *op = &s->ops[i];

        if (op->opc == INDEX_op_nop) {
            continue;
        }
        gen_op(s, op, start, tr);
        if (s->code_ptr > s->code_end) {
            return false;
        }
    }
    patch_labels(s, start);
    return true;
}

static void interp_set_jmp(TCGContext *s, const TCGTranslation *tr, int n,
                           const void *target)
{
    uint64_t *slot = (uint64_t *)(void *)
        ((uint8_t *)tr->code + tr->jmp_insn_offset[n]);

    __atomic_store_n(slot, (uint64_t)(uintptr_t)target, __ATOMIC_RELEASE);
}

/* ---- execution ---- */

typedef struct InterpState {
    TCGContext *s;
    uint8_t *env;
    const uint64_t *pc;
    uint64_t frame[TCG_MAX_TEMPS];
} InterpState;

static inline uint64_t rd(InterpState *st)
{
    uint64_t w = *st->pc++;
    int32_t off = (int32_t)(uint32_t)w;

    switch (w >> 62) {
    case REF_FRAME:
        return st->frame[(uint32_t)w];
    case REF_G32: {
        uint32_t v;

        memcpy(&v, st->env + off, 4);
        return v;
    }
    case REF_G64: {
        uint64_t v;

        memcpy(&v, st->env + off, 8);
        return v;
    }
    default:
        return *st->pc++;
    }
}

/* Write an output; i32 values are kept zero-extended in the frame. */
static inline void wr(InterpState *st, uint64_t v, bool is64)
{
    uint64_t w = *st->pc++;
    int32_t off = (int32_t)(uint32_t)w;

    if (!is64) {
        v = (uint32_t)v;
    }
    switch (w >> 62) {
    case REF_FRAME:
        st->frame[(uint32_t)w] = v;
        break;
    case REF_G32: {
        uint32_t v32 = v;

        memcpy(st->env + off, &v32, 4);
        break;
    }
    case REF_G64:
        memcpy(st->env + off, &v, 8);
        break;
    default:
        g_assert_not_reached();
    }
}

static uint64_t host_load(const void *p, unsigned size, bool sign)
{
    uint8_t b;
    uint16_t h;
    uint32_t w;
    uint64_t d;

    switch (size) {
    case 1:
        memcpy(&b, p, 1);
        return sign ? (uint64_t)(int8_t)b : b;
    case 2:
        memcpy(&h, p, 2);
        return sign ? (uint64_t)(int16_t)h : h;
    case 4:
        memcpy(&w, p, 4);
        return sign ? (uint64_t)(int32_t)w : w;
    default:
        memcpy(&d, p, 8);
        return d;
    }
}

static void host_store(void *p, unsigned size, uint64_t v)
{
    uint8_t b = v;
    uint16_t h = v;
    uint32_t w = v;

    switch (size) {
    case 1:
        memcpy(p, &b, 1);
        break;
    case 2:
        memcpy(p, &h, 2);
        break;
    case 4:
        memcpy(p, &w, 4);
        break;
    default:
        memcpy(p, &v, 8);
        break;
    }
}

static const TLBEntry *tlb_entry(InterpState *st, uint64_t vaddr,
                                 unsigned mmu_idx)
{
    const TLBDesc *d = (const TLBDesc *)(const void *)
        (st->env + st->s->cfg.tlb_offset + mmu_idx * sizeof(TLBDesc));

    return &d->table[(vaddr >> st->s->cfg.page_bits) & d->mask];
}

static uint64_t swap_to_host(uint64_t v, MemOp op)
{
#if G_BYTE_ORDER == G_LITTLE_ENDIAN
    bool swap = memop_is_be(op);
#else
    bool swap = !memop_is_be(op);
#endif
    unsigned size = memop_size(op);

    if (!swap || size == 1) {
        return v;
    }
    return size == 2 ? bswap16(v) : size == 4 ? bswap32(v) : bswap64(v);
}

static uint64_t guest_load(InterpState *st, uint64_t vaddr, TCGMemOpIdx oi,
                           const uint64_t *op_pc)
{
    MemOp mop = tcg_oi_memop(oi);
    const TLBEntry *e = tlb_entry(st, vaddr, tcg_oi_mmu_idx(oi));
    unsigned size = memop_size(mop);
    uint64_t v;

    if (tcg_tlb_cmp_addr(vaddr, mop, st->s->cfg.page_bits) != e->addr_read) {
        return st->s->cfg.ld_slow(st->env, vaddr, oi, (uintptr_t)op_pc);
    }
    v = swap_to_host(host_load((void *)(uintptr_t)(vaddr + e->addend), size,
                               false), mop);
    if (memop_is_signed(mop) && size < 8) {
        v = (uint64_t)sextract64(v, 0, size * 8);
    }
    return v;
}

static void guest_store(InterpState *st, uint64_t vaddr, uint64_t v,
                        TCGMemOpIdx oi, const uint64_t *op_pc)
{
    MemOp mop = tcg_oi_memop(oi);
    const TLBEntry *e = tlb_entry(st, vaddr, tcg_oi_mmu_idx(oi));

    if (tcg_tlb_cmp_addr(vaddr, mop, st->s->cfg.page_bits) != e->addr_write) {
        st->s->cfg.st_slow(st->env, vaddr, v, oi, (uintptr_t)op_pc);
        return;
    }
    host_store((void *)(uintptr_t)(vaddr + e->addend), memop_size(mop),
               swap_to_host(v, mop));
}

/*
 * The bytecode position of the helper call this thread is making, or 0.
 * A helper's own return address points into this file, not into the
 * translated code; tcg_call_site() answers with this instead, so state
 * restoration works the same under both backends.  Per thread because
 * each vCPU thread runs its own calls; it holds no machine state.
 */
static __thread uintptr_t interp_call_site;

uintptr_t tcg_interp_call_site(void)
{
    return interp_call_site;
}

static void do_call(InterpState *st, const uint64_t *op_pc)
{
    const TCGHelperInfo *info = (const TCGHelperInfo *)(uintptr_t)*st->pc++;
    uint64_t a[TCG_MAX_HELPER_ARGS] = { 0 };
    InterpHelperFn fn = (InterpHelperFn)(uintptr_t)info->func;
    uintptr_t outer = interp_call_site;
    uint64_t r;

    for (unsigned i = 0; i < info->nb_args; i++) {
        a[i] = rd(st);
    }
    /* A helper may siglongjmp out: the next call overwrites the value. */
    interp_call_site = (uintptr_t)op_pc;
    r = fn(a[0], a[1], a[2], a[3], a[4], a[5]);
    interp_call_site = outer;
    if (info->ret != TCG_CALL_VOID) {
        wr(st, r, info->ret != TCG_CALL_I32);
    }
}

/* Host memory ops: base pointer, offset; the op's opcode gives size. */
static void do_host_ldst(InterpState *st, TCGOpcode opc)
{
    static const struct { uint8_t size, sign, store, is64; } m[NB_OPS] = {
        [INDEX_op_ld8u_i32] = { 1, 0, 0, 0 }, [INDEX_op_ld8s_i32] = { 1, 1, 0, 0 },
        [INDEX_op_ld16u_i32] = { 2, 0, 0, 0 }, [INDEX_op_ld16s_i32] = { 2, 1, 0, 0 },
        [INDEX_op_ld_i32] = { 4, 0, 0, 0 },
        [INDEX_op_st8_i32] = { 1, 0, 1, 0 }, [INDEX_op_st16_i32] = { 2, 0, 1, 0 },
        [INDEX_op_st_i32] = { 4, 0, 1, 0 },
        [INDEX_op_ld8u_i64] = { 1, 0, 0, 1 }, [INDEX_op_ld8s_i64] = { 1, 1, 0, 1 },
        [INDEX_op_ld16u_i64] = { 2, 0, 0, 1 }, [INDEX_op_ld16s_i64] = { 2, 1, 0, 1 },
        [INDEX_op_ld32u_i64] = { 4, 0, 0, 1 }, [INDEX_op_ld32s_i64] = { 4, 1, 0, 1 },
        [INDEX_op_ld_i64] = { 8, 0, 0, 1 },
        [INDEX_op_st8_i64] = { 1, 0, 1, 1 }, [INDEX_op_st16_i64] = { 2, 0, 1, 1 },
        [INDEX_op_st32_i64] = { 4, 0, 1, 1 }, [INDEX_op_st_i64] = { 8, 0, 1, 1 },
    };
    uint64_t v = 0, base;
    int64_t off;

    if (m[opc].store) {
        v = rd(st);
    }
    base = rd(st);
    off = (int64_t)*st->pc++;
    if (m[opc].store) {
        host_store((uint8_t *)(uintptr_t)base + off, m[opc].size, v);
    } else {
        wr(st, host_load((uint8_t *)(uintptr_t)base + off, m[opc].size,
                         m[opc].sign), m[opc].is64);
    }
}

static void do_muldiv2(InterpState *st, TCGOpcode opc)
{
    uint64_t a = rd(st), b = rd(st), lo, hi;

    switch (opc) {
    case INDEX_op_mulu2_i32:
        lo = (uint64_t)(uint32_t)a * (uint32_t)b;
        hi = lo >> 32;
        break;
    case INDEX_op_muls2_i32:
        lo = (uint64_t)((int64_t)(int32_t)a * (int32_t)b);
        hi = lo >> 32;
        break;
    case INDEX_op_mulu2_i64:
        mulu64(&lo, &hi, a, b);
        break;
    default:
        muls64(&lo, &hi, a, b);
        break;
    }
    wr(st, lo, opc == INDEX_op_mulu2_i64 || opc == INDEX_op_muls2_i64);
    wr(st, hi, opc == INDEX_op_mulu2_i64 || opc == INDEX_op_muls2_i64);
}

/* extract, sextract, deposit with constant pos/len */
static void do_field(InterpState *st, TCGOpcode opc)
{
    uint64_t a = rd(st), b = 0, pos, len;
    bool is64 = tcg_op_defs[opc].flags & TCG_OPF_64BIT;

    if (opc == INDEX_op_deposit_i32 || opc == INDEX_op_deposit_i64) {
        b = rd(st);
    }
    pos = *st->pc++;
    len = *st->pc++;
    switch (opc) {
    case INDEX_op_extract_i32:
    case INDEX_op_extract_i64:
        wr(st, extract64(a, pos, len), is64);
        break;
    case INDEX_op_sextract_i32:
        wr(st, (uint32_t)sextract32(a, pos, len), false);
        break;
    case INDEX_op_sextract_i64:
        wr(st, sextract64(a, pos, len), true);
        break;
    default:
        wr(st, is64 ? deposit64(a, pos, len, b) : deposit32(a, pos, len, b),
           is64);
        break;
    }
}

/* Run from st->pc; returns the exit value. */
static uintptr_t interp_loop(InterpState *st)
{
    for (;;) {
        const uint64_t *op_pc = st->pc;
        TCGOpcode opc = *st->pc++;
        const TCGOpDef *def = &tcg_op_defs[opc];
        bool is64 = def->flags & TCG_OPF_64BIT;
        uint64_t a, b, c, d, cond;
        int64_t rel;

        switch (opc) {
        case INDEX_op_br:
            rel = (int64_t)*st->pc;
            st->pc += rel;
            break;
        case INDEX_op_brcond_i32:
        case INDEX_op_brcond_i64:
            a = rd(st);
            b = rd(st);
            cond = *st->pc++;
            rel = (int64_t)*st->pc;
            if (tcg_eval_cond(cond, a, b, is64)) {
                st->pc += rel;
            } else {
                st->pc++;
            }
            break;
        case INDEX_op_exit_tb:
            return *st->pc;
        case INDEX_op_goto_tb: {
            const uint64_t *t = (const uint64_t *)(uintptr_t)
                __atomic_load_n(st->pc, __ATOMIC_ACQUIRE);

            st->pc = t ? t : st->pc + 1;
            break;
        }
        case INDEX_op_goto_ptr:
            a = rd(st);
            if (!a) {
                return 0;
            }
            st->pc = (const uint64_t *)(uintptr_t)a;
            break;
        case INDEX_op_mb:
            st->pc++;
            __atomic_thread_fence(__ATOMIC_SEQ_CST);
            break;
        case INDEX_op_call:
            do_call(st, op_pc);
            break;
        case INDEX_op_qemu_ld_i32:
        case INDEX_op_qemu_ld_i64:
            a = rd(st);
            b = *st->pc++;
            wr(st, guest_load(st, a, b, op_pc), is64);
            break;
        case INDEX_op_qemu_st_i32:
        case INDEX_op_qemu_st_i64:
            a = rd(st);
            b = rd(st);
            c = *st->pc++;
            guest_store(st, b, a, c, op_pc);
            break;
        case INDEX_op_setcond_i32:
        case INDEX_op_setcond_i64:
            a = rd(st);
            b = rd(st);
            cond = *st->pc++;
            wr(st, tcg_eval_cond(cond, a, b, is64), is64);
            break;
        case INDEX_op_movcond_i32:
        case INDEX_op_movcond_i64:
            a = rd(st);
            b = rd(st);
            c = rd(st);
            d = rd(st);
            cond = *st->pc++;
            wr(st, tcg_eval_cond(cond, a, b, is64) ? c : d, is64);
            break;
        case INDEX_op_mulu2_i32: case INDEX_op_muls2_i32:
        case INDEX_op_mulu2_i64: case INDEX_op_muls2_i64:
            do_muldiv2(st, opc);
            break;
        case INDEX_op_extract_i32: case INDEX_op_sextract_i32:
        case INDEX_op_deposit_i32: case INDEX_op_extract_i64:
        case INDEX_op_sextract_i64: case INDEX_op_deposit_i64:
            do_field(st, opc);
            break;
        default:
            if (def->flags & TCG_OPF_VECTOR) {
                a = def->nb_iargs ? rd(st) : 0;
                tcg_vec_eval(st->env, opc, st->pc, a);
                st->pc += TCG_VEC_NB_ARGS;
            } else if (def->nb_iargs == 2 && def->nb_oargs == 1 &&
                       !def->nb_cargs) {
                a = rd(st);
                b = rd(st);
                wr(st, tcg_eval_binop(opc, a, b), is64);
            } else if (def->nb_iargs == 1 && def->nb_oargs == 1 &&
                       !def->nb_cargs) {
                a = rd(st);
                wr(st, tcg_eval_unop(opc, a), is64);
            } else {
                do_host_ldst(st, opc);
            }
            break;
        }
    }
}

/*
 * All interpreter state is in this stack frame, so a helper that
 * siglongjmp()s out of a call leaks nothing; globals are always read from
 * and written to env directly, so the CPU state is current at every call.
 */
static uintptr_t interp_exec(TCGContext *s, void *env, const void *code)
{
    InterpState st = { .s = s, .env = env, .pc = code };

    st.frame[0] = (uintptr_t)env;
    return interp_loop(&st);
}

const TCGBackend tcg_backend_interp = {
    .kind = TCG_BACKEND_INTERP,
    .gen = interp_gen,
    .set_jmp = interp_set_jmp,
    .exec = interp_exec,
};
