/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The Hexagon packet engine: the block loop (one packet per insn_start,
 * recording the packet's pc), packet splitting with constant extenders
 * and duplexes, the per-packet destination temporaries and their commit,
 * deferred stores, branches resolved at the end of the packet and the
 * hardware loops (endloop0/endloop1, LPCFG for spNloop0).  The rules are
 * summarised in translate.h; spec: Hexagon V68 PRM, "Instruction
 * packets", "Hardware loops", "Constant extenders", "Duplexes".
 *
 * A block ends at a packet with a branch, a loop end, an event or a
 * change of the state the TB key holds, at a page boundary or at the
 * instruction budget (counted in packets).
 */
#include "translate.h"
#include "disas.h"
#include "exec/cputlb.h"
#include "util/log.h"

static const char *const hex_gpr_names[32] = {
    "r0", "r1", "r2", "r3", "r4", "r5", "r6", "r7",
    "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15",
    "r16", "r17", "r18", "r19", "r20", "r21", "r22", "r23",
    "r24", "r25", "r26", "r27", "r28", "sp", "fp", "lr",
};

static const char *const hex_cr_names[32] = {
    "sa0", "lc0", "sa1", "lc1", NULL, "c5", "m0", "m1",
    "usr", NULL, "ugp", "gp", "cs0", "cs1", "upcyclelo", "upcyclehi",
    "framelimit", "framekey", "pktcountlo", "pktcounthi", "c20", "c21",
    "c22", "c23", "c24", "c25", "c26", "c27", "c28", "c29", "utimerlo",
    "utimerhi",
};

static const char *const hex_pred_names[4] = { "p0", "p1", "p2", "p3" };

void *hex_tcg_init(TCGContext *tcg)
{
    HexGlobals *g = g_new0(HexGlobals, 1);

    for (int i = 0; i < 32; i++) {
        g->gpr[i] = tcg_global_mem_new_i32(
            tcg, offsetof(CPUHexagonState, gpr[i]), hex_gpr_names[i]);
        if (hex_cr_names[i]) {
            g->cr[i] = tcg_global_mem_new_i32(
                tcg, offsetof(CPUHexagonState, cr[i]), hex_cr_names[i]);
        }
    }
    for (int i = 0; i < 4; i++) {
        g->pred[i] = tcg_global_mem_new_i32(
            tcg, offsetof(CPUHexagonState, pred[i]), hex_pred_names[i]);
    }
    g->pc = tcg_global_mem_new_i32(tcg, offsetof(CPUHexagonState, pc), "pc");
    return g;
}

void hex_tcg_free(void *globals)
{
    g_free(globals);
}

/* ------------------------------------------------------------------ */
/* Temporaries                                                          */

static void note_temp(DisasContext *ctx, void *t, bool is64)
{
    if (ctx->ntemps < HEX_MAX_TEMPS) {
        ctx->temps[ctx->ntemps] = t;
        ctx->temps_64[ctx->ntemps++] = is64;
    }
}

TCGv_i32 tmp32(DisasContext *ctx)
{
    TCGv_i32 t = tcg_temp_new_i32(ctx->tcg);

    note_temp(ctx, t, false);
    return t;
}

TCGv_i64 tmp64(DisasContext *ctx)
{
    TCGv_i64 t = tcg_temp_new_i64(ctx->tcg);

    note_temp(ctx, t, true);
    return t;
}

static void free_temps(DisasContext *ctx)
{
    for (int i = 0; i < ctx->ntemps; i++) {
        if (ctx->temps_64[i]) {
            tcg_temp_free_i64(ctx->tcg, ctx->temps[i]);
        } else {
            tcg_temp_free_i32(ctx->tcg, ctx->temps[i]);
        }
    }
    ctx->ntemps = 0;
}

int64_t extend_imm(DisasContext *ctx, uint32_t raw, int64_t value, int keep)
{
    if (!ctx->ext_pending) {
        return value;
    }
    return (int32_t)(ctx->ext_bits | (raw & ((1u << keep) - 1)));
}

/* ------------------------------------------------------------------ */
/* Registers                                                            */

/* Record a write of bit @bit in the masks; a second unconditional one
   (or any write after an unconditional one) is a conflict (0x1D). */
static void note_write(DisasContext *ctx, uint32_t *written, uint32_t *uncond,
                       uint32_t bit)
{
    if ((*written & bit) && (!ctx->insn_cond || (*uncond & bit))) {
        gen_event(ctx, HEX_EVENT_PRECISE, HEX_CAUSE_REG_CONFLICT);
    }
    *written |= bit;
    if (!ctx->insn_cond) {
        *uncond |= bit;
    }
}

TCGv_i32 get_gpr(DisasContext *ctx, unsigned r)
{
    return ctx->g->gpr[r];
}

TCGv_i64 get_gpr_pair(DisasContext *ctx, unsigned r)
{
    TCGv_i64 v = tmp64(ctx);
    TCGv_i64 hi = tmp64(ctx);

    tcg_gen_extu_i32_i64(ctx->tcg, v, ctx->g->gpr[r & 30]);
    tcg_gen_extu_i32_i64(ctx->tcg, hi, ctx->g->gpr[(r & 30) + 1]);
    tcg_gen_deposit_i64(ctx->tcg, v, v, hi, 32, 32);
    return v;
}

TCGv_i32 dest_gpr(DisasContext *ctx, unsigned r)
{
    uint32_t bit = 1u << r;

    if (ctx->new_gpr[r] && (ctx->insn_gpr & bit)) {
        return ctx->new_gpr[r];
    }
    note_write(ctx, &ctx->gpr_written, &ctx->gpr_uncond, bit);
    ctx->insn_gpr |= bit;
    if (ctx->slot_dest[ctx->slot] < 0) {
        ctx->slot_dest[ctx->slot] = r;
    }
    if (!ctx->new_gpr[r]) {
        ctx->new_gpr[r] = tcg_temp_new_i32(ctx->tcg);
        tcg_gen_mov_i32(ctx->tcg, ctx->new_gpr[r], ctx->g->gpr[r]);
    }
    return ctx->new_gpr[r];
}

void dest_gpr_pair(DisasContext *ctx, unsigned r)
{
    dest_gpr(ctx, r & 30);
    dest_gpr(ctx, (r & 30) + 1);
}

void set_gpr_pair(DisasContext *ctx, unsigned r, TCGv_i64 v)
{
    TCGv_i32 lo = dest_gpr(ctx, r & 30);
    TCGv_i32 hi = dest_gpr(ctx, (r & 30) + 1);

    tcg_gen_extrl_i64_i32(ctx->tcg, lo, v);
    tcg_gen_extrh_i64_i32(ctx->tcg, hi, v);
}

TCGv_i32 get_new_gpr(DisasContext *ctx, unsigned dist)
{
    int i = ctx->slot - (int)dist;

    if (dist > 0 && i >= 0 && !ctx->slot_done[i] && !ctx->second_pass) {
        ctx->defer = true;
        return NULL;
    }
    if (dist == 0 || i < 0 || !ctx->slot_done[i] || ctx->slot_dest[i] < 0) {
        gen_invalid(ctx, "new-value operand without producer");
        return NULL;
    }
    return ctx->new_gpr[ctx->slot_dest[i]];
}

TCGv_i32 get_pred(DisasContext *ctx, unsigned p)
{
    return ctx->g->pred[p & 3];
}

void set_pred(DisasContext *ctx, unsigned p, TCGv_i32 v)
{
    TCGContext *t = ctx->tcg;

    p &= 3;
    if (!(ctx->pred_written & (1u << p))) {
        ctx->new_pred[p] = tcg_temp_new_i32(t);
        tcg_gen_andi_i32(t, ctx->new_pred[p], v, 0xff);
        ctx->pred_written |= 1u << p;
    } else {
        /* several writes of one packet are ANDed (PRM "Predicate
           registers", auto-and) */
        tcg_gen_and_i32(t, ctx->new_pred[p], ctx->new_pred[p], v);
    }
}

void set_pred_bool(DisasContext *ctx, unsigned p, TCGv_i32 b)
{
    TCGv_i32 v = tmp32(ctx);

    tcg_gen_neg_i32(ctx->tcg, v, b);
    tcg_gen_andi_i32(ctx->tcg, v, v, 0xff);
    set_pred(ctx, p, v);
}

TCGv_i32 get_cr(DisasContext *ctx, unsigned r)
{
    TCGContext *t = ctx->tcg;
    TCGv_i32 v;

    switch (r) {
    case HEX_CR_P3_0:
        v = tmp32(ctx);
        tcg_gen_mov_i32(t, v, ctx->g->pred[0]);
        for (int i = 1; i < 4; i++) {
            tcg_gen_deposit_i32(t, v, v, ctx->g->pred[i], 8 * i, 8);
        }
        return v;
    case HEX_CR_PC:
        return tcg_constant_i32(t, (int32_t)ctx->pkt_pc);
    case HEX_CR_UPCYCLELO: case HEX_CR_UPCYCLEHI:
    case HEX_CR_PKTCNTLO: case HEX_CR_PKTCNTHI:
    case HEX_CR_UTIMERLO: case HEX_CR_UTIMERHI:
        v = tmp32(ctx);
        gen_helper(ctx, &hex_helper_pcycle_info, tcgv_i32_arg(v), 1,
                   tcgv_i32_arg(tcg_constant_i32(t, r)));
        return v;
    default:
        if (!ctx->g->cr[r] || (r >= 20 && r < 30) || r == 5) {
            return tcg_constant_i32(t, 0);
        }
        return ctx->g->cr[r];
    }
}

TCGv_i32 dest_cr(DisasContext *ctx, unsigned r)
{
    uint32_t bit = 1u << r;

    if (ctx->new_cr[r] && (ctx->insn_cr & bit)) {
        return ctx->new_cr[r];
    }
    note_write(ctx, &ctx->cr_written, &ctx->cr_uncond, bit);
    ctx->insn_cr |= bit;
    if (!ctx->new_cr[r]) {
        ctx->new_cr[r] = tcg_temp_new_i32(ctx->tcg);
        tcg_gen_mov_i32(ctx->tcg, ctx->new_cr[r], ctx->g->cr[r]);
    }
    return ctx->new_cr[r];
}

void set_cr(DisasContext *ctx, unsigned r, TCGv_i32 v)
{
    TCGContext *t = ctx->tcg;

    if (r == HEX_CR_P3_0) {
        for (int i = 0; i < 4; i++) {
            TCGv_i32 b = tmp32(ctx);

            tcg_gen_extract_i32(t, b, v, 8 * i, 8);
            set_pred(ctx, i, b);
        }
        return;
    }
    if (!ctx->g->cr[r] || r == 5 || (r >= 14 && r <= 15) ||
        (r >= 20 && r <= 31)) {
        return;                 /* read-only or reserved: ignored */
    }
    tcg_gen_mov_i32(t, dest_cr(ctx, r), v);
}

TCGv_i32 pred_cond(DisasContext *ctx, unsigned pc)
{
    TCGContext *t = ctx->tcg;
    unsigned p = pc & 3;
    TCGv_i32 src, c;

    if (pc & 4) {
        if (!(ctx->pred_written & (1u << p))) {
            if (!ctx->second_pass) {
                ctx->defer = true;
                return NULL;
            }
            /* .new of a predicate the packet does not write */
            gen_invalid(ctx, ".new predicate without producer");
            ctx->defer = true;
            return NULL;
        }
        src = ctx->new_pred[p];
    } else {
        src = ctx->g->pred[p];
    }
    c = tmp32(ctx);
    /* the condition is the predicate's least significant bit */
    tcg_gen_andi_i32(t, c, src, 1);
    if (pc & 8) {
        tcg_gen_xori_i32(t, c, c, 1);
    }
    ctx->insn_cond = true;
    return c;
}

TCGLabel *gen_skip_unless(DisasContext *ctx, TCGv_i32 cond)
{
    TCGLabel *l = gen_new_label(ctx->tcg);

    tcg_gen_brcond_i32(ctx->tcg, TCG_COND_EQ, cond,
                       tcg_constant_i32(ctx->tcg, 0), l);
    return l;
}

/* ------------------------------------------------------------------ */
/* Memory                                                               */

TCGv_i64 gen_addr(DisasContext *ctx, TCGv_i32 base, int32_t off)
{
    TCGv_i32 a = tmp32(ctx);
    TCGv_i64 a64 = tmp64(ctx);

    tcg_gen_addi_i32(ctx->tcg, a, base, off);
    tcg_gen_extu_i32_i64(ctx->tcg, a64, a);
    return a64;
}

static MemOp hex_memop(MemOp op)
{
    return memop_log2_size(op) > MO_8 ? (op | MO_ALIGN) : op;
}

static void gen_stores(DisasContext *ctx);

/*
 * Memory instructions take effect in slot order, the earlier word first:
 * a store in slot 1 comes before a load in slot 0 and the load sees it
 * (clang packs `{ memd(Rx+#o) = Rtt; Rdd = memd(Rx+#o) }` for volatile
 * locals).  So before a load, the packet's queued stores are done, once
 * the load is known not to fault (the packet stays restartable).
 */
static void gen_stores_before_load(DisasContext *ctx, TCGv_i64 addr,
                                   MemOp op)
{
    TCGContext *t = ctx->tcg;
    TCGLabel *done;

    if (!ctx->nstores) {
        return;
    }
    gen_helper(ctx, &hex_helper_probe_load_info, 0, 2, tcgv_i64_arg(addr),
               tcgv_i32_arg(tcg_constant_i32(t, hex_memop(op))));
    /*
     * A predicated load may not run: the stores stay queued for the
     * packet's end too, which does them unless stores_done says this did.
     */
    done = gen_new_label(t);
    tcg_gen_brcond_i32(t, TCG_COND_NE, ctx->stores_done,
                       tcg_constant_i32(t, 0), done);
    gen_stores(ctx);
    tcg_gen_movi_i32(t, ctx->stores_done, 1);
    gen_set_label(t, done);
    ctx->stores_early = true;
}

TCGv_i32 gen_load32(DisasContext *ctx, TCGv_i64 addr, MemOp op)
{
    TCGv_i32 v = tmp32(ctx);

    gen_stores_before_load(ctx, addr, op);
    tcg_gen_qemu_ld_i32(ctx->tcg, v, addr, ctx->mmu_idx, hex_memop(op));
    return v;
}

TCGv_i64 gen_load64(DisasContext *ctx, TCGv_i64 addr)
{
    TCGv_i64 v = tmp64(ctx);

    gen_stores_before_load(ctx, addr, MO_LEUQ);
    tcg_gen_qemu_ld_i64(ctx->tcg, v, addr, ctx->mmu_idx,
                        hex_memop(MO_LEUQ));
    return v;
}

static void queue_store(DisasContext *ctx, TCGv_i64 addr, TCGv_i64 val,
                        MemOp op, TCGv_i32 cond)
{
    HexStore *st;

    if (ctx->nstores == HEX_MAX_STORES) {
        gen_invalid(ctx, "more than two stores in a packet");
        return;
    }
    st = &ctx->stores[ctx->nstores++];
    /* the address and value are copied: later code may reuse temps */
    st->addr = tmp64(ctx);
    st->val = tmp64(ctx);
    tcg_gen_mov_i64(ctx->tcg, st->addr, addr);
    tcg_gen_mov_i64(ctx->tcg, st->val, val);
    st->op = hex_memop(op);
    st->cond = NULL;
    if (cond) {
        st->cond = tmp32(ctx);
        tcg_gen_mov_i32(ctx->tcg, st->cond, cond);
    }
}

void gen_store32(DisasContext *ctx, TCGv_i64 addr, TCGv_i32 val, MemOp op,
                 TCGv_i32 cond)
{
    TCGv_i64 v = tmp64(ctx);

    tcg_gen_extu_i32_i64(ctx->tcg, v, val);
    queue_store(ctx, addr, v, op, cond);
}

void gen_store64(DisasContext *ctx, TCGv_i64 addr, TCGv_i64 val,
                 TCGv_i32 cond)
{
    queue_store(ctx, addr, val, MO_LEUQ, cond);
}

/* ------------------------------------------------------------------ */
/* Helpers calls, events                                                */

void gen_helper(DisasContext *ctx, const TCGHelperInfo *info, TCGArg ret,
                unsigned nargs, ...)
{
    TCGArg args[TCG_MAX_HELPER_ARGS];
    va_list ap;

    assert(nargs + 1 <= TCG_MAX_HELPER_ARGS && nargs + 1 == info->nb_args);
    args[0] = tcgv_ptr_arg(tcg_env(ctx->tcg));
    va_start(ap, nargs);
    for (unsigned i = 0; i < nargs; i++) {
        args[i + 1] = va_arg(ap, TCGArg);
    }
    va_end(ap);
    tcg_gen_callN(ctx->tcg, info, ret, args);
}

void gen_event(DisasContext *ctx, unsigned event, unsigned cause)
{
    TCGContext *t = ctx->tcg;

    if (ctx->noreturn) {
        return;
    }
    gen_helper(ctx, &hex_helper_raise_info, 0, 2,
               tcgv_i32_arg(tcg_constant_i32(t, event)),
               tcgv_i32_arg(tcg_constant_i32(t, cause)));
    ctx->noreturn = true;
}

bool gen_invalid(DisasContext *ctx, const char *what)
{
    log_mask(LOG_UNIMP, "hexagon: %s: 0x%08x in the packet at 0x%08x\n",
             what, ctx->insn, ctx->pkt_pc);
    gen_event(ctx, HEX_EVENT_PRECISE, HEX_CAUSE_INVALID_PACKET);
    return true;
}

bool check_monitor(DisasContext *ctx)
{
    if (ctx->mode == HEX_MODE_MONITOR) {
        return true;
    }
    gen_event(ctx, HEX_EVENT_PRECISE, HEX_CAUSE_PRIV_MONITOR);
    return false;
}

bool check_guest(DisasContext *ctx)
{
    if (ctx->mode != HEX_MODE_USER) {
        return true;
    }
    gen_event(ctx, HEX_EVENT_PRECISE, HEX_CAUSE_PRIV_GUEST);
    return false;
}

/*
 * OR @ovf into USR's sticky bits (OVF, the FP flags).  Not a register
 * write for the conflict rule: several instructions of a packet may set
 * sticky bits (a divide sequence puts sfrecipa and sffixupd together).
 */
void gen_set_ovf(DisasContext *ctx, TCGv_i32 ovf)
{
    TCGv_i32 *usr = &ctx->new_cr[HEX_CR_USR];

    if (!*usr) {
        *usr = tcg_temp_new_i32(ctx->tcg);
        tcg_gen_mov_i32(ctx->tcg, *usr, ctx->g->cr[HEX_CR_USR]);
    }
    tcg_gen_or_i32(ctx->tcg, *usr, *usr, ovf);
}

TCGv_i64 gen_operand64(DisasContext *ctx, unsigned r, bool pair)
{
    TCGv_i64 v;

    if (pair) {
        return get_gpr_pair(ctx, r);
    }
    v = tmp64(ctx);
    tcg_gen_extu_i32_i64(ctx->tcg, v, get_gpr(ctx, r));
    return v;
}

void gen_side_outputs(DisasContext *ctx, TCGv_i32 side, uint32_t usr_mask,
                      int pe)
{
    if (usr_mask) {
        TCGv_i32 flags = tmp32(ctx);

        tcg_gen_andi_i32(ctx->tcg, flags, side, usr_mask);
        gen_set_ovf(ctx, flags);
    }
    if (pe >= 0) {
        TCGv_i32 p = tmp32(ctx);

        tcg_gen_shri_i32(ctx->tcg, p, side, 8);
        set_pred(ctx, (unsigned)pe, p);
    }
}

TCGv_i32 gen_sat32(DisasContext *ctx, TCGv_i64 v)
{
    TCGContext *t = ctx->tcg;
    TCGv_i64 s = tmp64(ctx);
    TCGv_i64 ovf64 = tmp64(ctx);
    TCGv_i32 r = tmp32(ctx);
    TCGv_i32 ovf = tmp32(ctx);

    tcg_gen_ext32s_i64(t, s, v);
    tcg_gen_setcond_i64(t, TCG_COND_NE, ovf64, s, v);
    /* saturate toward the sign of the 64-bit value */
    tcg_gen_sari_i64(t, s, v, 63);
    tcg_gen_xori_i64(t, s, s, INT32_MAX);
    tcg_gen_movcond_i64(t, TCG_COND_NE, s, ovf64, tcg_constant_i64(t, 0),
                        s, v);
    tcg_gen_extrl_i64_i32(t, r, s);
    tcg_gen_extrl_i64_i32(t, ovf, ovf64);
    gen_set_ovf(ctx, ovf);
    return r;
}

/* ------------------------------------------------------------------ */
/* Branches                                                             */

static void branch_init(DisasContext *ctx)
{
    if (!ctx->br_taken) {
        ctx->br_taken = tmp32(ctx);
        ctx->br_dest = tmp32(ctx);
        tcg_gen_movi_i32(ctx->tcg, ctx->br_taken, 0);
        tcg_gen_movi_i32(ctx->tcg, ctx->br_dest, 0);
    }
}

/* dest = taken ? dest : new (when @cond); taken |= cond */
static void branch_record(DisasContext *ctx, TCGv_i32 dest, TCGv_i32 cond)
{
    TCGContext *t = ctx->tcg;

    branch_init(ctx);
    if (!cond) {
        cond = tcg_constant_i32(t, 1);
    }
    {
        TCGv_i32 take = tmp32(ctx);

        tcg_gen_andc_i32(t, take, cond, ctx->br_taken);
        tcg_gen_movcond_i32(t, TCG_COND_NE, ctx->br_dest, take,
                            tcg_constant_i32(t, 0), dest, ctx->br_dest);
        tcg_gen_or_i32(t, ctx->br_taken, ctx->br_taken, cond);
    }
}

void gen_branch_imm(DisasContext *ctx, uint32_t dest, TCGv_i32 cond)
{
    ctx->nbranch++;
    ctx->br_static = ctx->nbranch == 1;
    ctx->br_target = dest;
    ctx->br_cond = NULL;
    if (cond) {
        ctx->br_cond = tmp32(ctx);
        tcg_gen_mov_i32(ctx->tcg, ctx->br_cond, cond);
    }
    branch_record(ctx, tcg_constant_i32(ctx->tcg, (int32_t)dest), cond);
}

void gen_branch_reg(DisasContext *ctx, TCGv_i32 dest, TCGv_i32 cond)
{
    TCGv_i32 d = tmp32(ctx);

    ctx->nbranch++;
    ctx->br_static = false;
    /* a misaligned target raises 0x1E when fetched (translate_block) */
    tcg_gen_mov_i32(ctx->tcg, d, dest);
    branch_record(ctx, d, cond);
}

/* ------------------------------------------------------------------ */
/* The end of a packet                                                  */

static void gen_stores(DisasContext *ctx)
{
    TCGContext *t = ctx->tcg;

    /* probe the later stores so that a fault leaves memory unchanged */
    for (int i = 1; i < ctx->nstores; i++) {
        HexStore *st = &ctx->stores[i];
        TCGLabel *skip = st->cond ? gen_skip_unless(ctx, st->cond) : NULL;

        gen_helper(ctx, &hex_helper_probe_store_info, 0, 2,
                   tcgv_i64_arg(st->addr),
                   tcgv_i32_arg(tcg_constant_i32(t, st->op)));
        if (skip) {
            gen_set_label(t, skip);
        }
    }
    /* slot order: the earlier word (higher slot) first */
    for (int i = 0; i < ctx->nstores; i++) {
        HexStore *st = &ctx->stores[i];
        TCGLabel *skip = st->cond ? gen_skip_unless(ctx, st->cond) : NULL;

        tcg_gen_qemu_st_i64(t, st->val, st->addr, ctx->mmu_idx, st->op);
        if (skip) {
            gen_set_label(t, skip);
        }
    }
}

static void gen_commit(DisasContext *ctx)
{
    TCGContext *t = ctx->tcg;

    for (int r = 0; r < 32; r++) {
        if (ctx->new_gpr[r]) {
            tcg_gen_mov_i32(t, ctx->g->gpr[r], ctx->new_gpr[r]);
            tcg_temp_free_i32(t, ctx->new_gpr[r]);
        }
        if (ctx->new_cr[r]) {
            tcg_gen_mov_i32(t, ctx->g->cr[r], ctx->new_cr[r]);
            tcg_temp_free_i32(t, ctx->new_cr[r]);
        }
    }
    for (int p = 0; p < 4; p++) {
        if (ctx->pred_written & (1u << p)) {
            tcg_gen_mov_i32(t, ctx->g->pred[p], ctx->new_pred[p]);
            tcg_temp_free_i32(t, ctx->new_pred[p]);
        }
    }
}

/*
 * endloopN (PRM "Hardware loops"): unless a branch of the packet was
 * taken, a loop with LC > 1 goes back to SA and decrements LC; for
 * endloop0, LPCFG counts down and sets P3 when it reaches 1.
 */
static void gen_endloop(DisasContext *ctx, bool e0, bool e1)
{
    TCGContext *t = ctx->tcg;
    HexGlobals *g = ctx->g;
    TCGLabel *done = gen_new_label(t);

    branch_init(ctx);
    tcg_gen_brcond_i32(t, TCG_COND_NE, ctx->br_taken,
                       tcg_constant_i32(t, 0), done);
    if (e0) {
        TCGv_i32 lpcfg = tmp32(ctx);
        TCGLabel *no_cfg = gen_new_label(t);
        TCGLabel *no_loop = gen_new_label(t);

        tcg_gen_extract_i32(t, lpcfg, g->cr[HEX_CR_USR],
                            HEX_USR_LPCFG_SHIFT, 2);
        tcg_gen_brcond_i32(t, TCG_COND_EQ, lpcfg, tcg_constant_i32(t, 0),
                           no_cfg);
        tcg_gen_movcond_i32(t, TCG_COND_EQ, g->pred[3], lpcfg,
                            tcg_constant_i32(t, 1), tcg_constant_i32(t, 0xff),
                            g->pred[3]);
        tcg_gen_subi_i32(t, lpcfg, lpcfg, 1);
        tcg_gen_deposit_i32(t, g->cr[HEX_CR_USR], g->cr[HEX_CR_USR], lpcfg,
                            HEX_USR_LPCFG_SHIFT, 2);
        gen_set_label(t, no_cfg);
        tcg_gen_brcond_i32(t, TCG_COND_LEU, g->cr[HEX_CR_LC0],
                           tcg_constant_i32(t, 1), no_loop);
        tcg_gen_subi_i32(t, g->cr[HEX_CR_LC0], g->cr[HEX_CR_LC0], 1);
        tcg_gen_mov_i32(t, ctx->br_dest, g->cr[HEX_CR_SA0]);
        tcg_gen_movi_i32(t, ctx->br_taken, 1);
        tcg_gen_br(t, done);
        gen_set_label(t, no_loop);
    }
    if (e1) {
        tcg_gen_brcond_i32(t, TCG_COND_LEU, g->cr[HEX_CR_LC1],
                           tcg_constant_i32(t, 1), done);
        tcg_gen_subi_i32(t, g->cr[HEX_CR_LC1], g->cr[HEX_CR_LC1], 1);
        tcg_gen_mov_i32(t, ctx->br_dest, g->cr[HEX_CR_SA1]);
        tcg_gen_movi_i32(t, ctx->br_taken, 1);
    }
    gen_set_label(t, done);
}

static void gen_goto(DisasContext *ctx, unsigned n, uint32_t dest)
{
    TCGContext *t = ctx->tcg;

    if (translator_use_goto_tb(ctx->base, dest)) {
        tcg_gen_goto_tb(t, n);
        tcg_gen_movi_i32(t, ctx->g->pc, (int32_t)dest);
        translator_exit_tb(ctx->base, n);
    } else {
        tcg_gen_movi_i32(t, ctx->g->pc, (int32_t)dest);
        translator_lookup_and_goto_ptr(ctx->base);
    }
}

/* Finish the packet; true if it ended the block. */
static bool gen_packet_end(DisasContext *ctx, const HexPacket *pkt)
{
    TCGContext *t = ctx->tcg;

    if (ctx->stores_early) {
        TCGLabel *done = gen_new_label(t);

        tcg_gen_brcond_i32(t, TCG_COND_NE, ctx->stores_done,
                           tcg_constant_i32(t, 0), done);
        gen_stores(ctx);
        gen_set_label(t, done);
    } else {
        gen_stores(ctx);
    }
    gen_commit(ctx);
    if (ctx->end == HEX_END_EVENT) {
        tcg_gen_movi_i32(t, ctx->g->pc, (int32_t)ctx->next_pc);
        if (ctx->end_semihost) {
            gen_helper(ctx, &hex_helper_semihost_info, 0, 0);
        }
        gen_helper(ctx, &hex_helper_end_event_info, 0, 3,
                   tcgv_i32_arg(tcg_constant_i32(t, ctx->end_event)),
                   tcgv_i32_arg(tcg_constant_i32(t, ctx->end_cause)),
                   tcgv_i32_arg(tcg_constant_i32(t, ctx->next_pc)));
        return true;
    }
    if (ctx->end == HEX_END_SLEEP) {
        gen_helper(ctx, &hex_helper_sys1_info, tcgv_i32_arg(tmp32(ctx)), 3,
                   tcgv_i32_arg(tcg_constant_i32(t, ctx->end_sys_op)),
                   tcgv_i32_arg(ctx->end_sys_arg),
                   tcgv_i32_arg(tcg_constant_i32(t, ctx->next_pc)));
        return true;
    }
    if (ctx->end == HEX_END_RTE) {
        gen_helper(ctx, &hex_helper_rte_info, 0, 0);
        translator_exit_tb_nochain(ctx->base);
        return true;
    }
    if (pkt->endloop0 || pkt->endloop1) {
        gen_endloop(ctx, pkt->endloop0, pkt->endloop1);
    } else if (ctx->nbranch == 1 && ctx->br_static &&
               ctx->end == HEX_END_NONE) {
        if (ctx->br_cond) {
            TCGLabel *not_taken = gen_skip_unless(ctx, ctx->br_cond);

            gen_goto(ctx, 1, ctx->br_target);
            gen_set_label(t, not_taken);
            gen_goto(ctx, 0, ctx->next_pc);
        } else {
            gen_goto(ctx, 0, ctx->br_target);
        }
        return true;
    }
    if (ctx->br_taken) {
        TCGLabel *not_taken = gen_new_label(t);

        tcg_gen_brcond_i32(t, TCG_COND_EQ, ctx->br_taken,
                           tcg_constant_i32(t, 0), not_taken);
        tcg_gen_mov_i32(t, ctx->g->pc, ctx->br_dest);
        if (ctx->end == HEX_END_EXIT) {
            translator_exit_tb_nochain(ctx->base);
        } else {
            translator_lookup_and_goto_ptr(ctx->base);
        }
        gen_set_label(t, not_taken);
        tcg_gen_movi_i32(t, ctx->g->pc, (int32_t)ctx->next_pc);
        if (ctx->end == HEX_END_EXIT) {
            translator_exit_tb_nochain(ctx->base);
        } else {
            gen_goto(ctx, 0, ctx->next_pc);
        }
        return true;
    }
    if (ctx->end == HEX_END_EXIT) {
        tcg_gen_movi_i32(t, ctx->g->pc, (int32_t)ctx->next_pc);
        translator_exit_tb_nochain(ctx->base);
        return true;
    }
    return false;
}

/* ------------------------------------------------------------------ */
/* The packet loop                                                      */

/* One instruction of a packet: a word or a duplex half. */
typedef struct HexSlot {
    uint32_t insn;
    int group;                  /* -1: 32-bit word; else duplex group */
    bool ext;
    uint32_t ext_bits;
} HexSlot;

/* Duplex iclass to the groups of the low and high halves (see disas.c). */
static const int8_t hex_duplex_groups[16][2] = {
    { 0, 0 }, { 1, 0 }, { 1, 1 }, { 4, 4 }, { 0, 4 }, { 1, 4 },
    { 2, 4 }, { 3, 4 }, { 2, 0 }, { 2, 1 }, { 2, 2 }, { 3, 2 },
    { 3, 0 }, { 3, 1 }, { 3, 3 }, { -1, -1 },
};

/* Split @pkt into instructions; false if the packet is malformed. */
static bool packet_slots(const HexPacket *pkt, HexSlot *slots, int *n)
{
    bool pending = false;
    uint32_t bits = 0;

    *n = 0;
    for (int i = 0; i < pkt->nwords; i++) {
        uint32_t w = pkt->words[i];

        if ((w >> 14 & 3) == 0) {
            int ic = (w >> 28 & 0xe) | (w >> 13 & 1);

            if (hex_duplex_groups[ic][0] < 0) {
                return false;
            }
            slots[(*n)++] = (HexSlot){ w >> 16 & 0x1fff,
                                       hex_duplex_groups[ic][1], pending,
                                       bits };
            slots[(*n)++] = (HexSlot){ w & 0x1fff, hex_duplex_groups[ic][0],
                                       false, 0 };
            pending = false;
        } else if ((w >> 28) == 0) {
            if (pending) {
                return false;
            }
            pending = true;
            bits = ((w >> 16 & 0xfff) << 14 | (w & 0x3fff)) << 6;
        } else {
            slots[(*n)++] = (HexSlot){ w, -1, pending, bits };
            pending = false;
        }
    }
    return !pending;
}

static bool decode_slot(DisasContext *ctx, const HexSlot *slots, int i)
{
    const HexSlot *s = &slots[i];

    ctx->slot = i;
    ctx->slot_dest[i] = -1;
    ctx->insn = s->insn;
    ctx->ext_pending = s->ext;
    ctx->ext_bits = s->ext_bits;
    ctx->insn_cond = false;
    ctx->insn_gpr = 0;
    ctx->insn_cr = 0;
    ctx->defer = false;
    if (s->group >= 0) {
        return hex_decode_sub(ctx, s->group, s->insn);
    }
    return hex_decode_alu32(ctx, s->insn) || hex_decode_j(ctx, s->insn) ||
           hex_decode_ldst(ctx, s->insn) || hex_decode_cr(ctx, s->insn) ||
           hex_decode_sys(ctx, s->insn) || hex_decode_xtype(ctx, s->insn) ||
           hex_decode_xtype2(ctx, s->insn) ||
           hex_decode_mpy3(ctx, s->insn) ||
           hex_decode_perm3(ctx, s->insn) ||
           hex_decode_ldst2(ctx, s->insn) ||
           hex_decode_fp(ctx, s->insn) ||
           hex_decode_rest(ctx, s->insn) ||
           hex_decode_sys2(ctx, s->insn) ||
           hex_decode_dma(ctx, s->insn) ||
           hex_decode_more(ctx, s->insn);
}

static void packet_reset(DisasContext *ctx)
{
    memset(ctx->new_gpr, 0, sizeof(ctx->new_gpr));
    memset(ctx->new_cr, 0, sizeof(ctx->new_cr));
    memset(ctx->new_pred, 0, sizeof(ctx->new_pred));
    ctx->gpr_written = ctx->gpr_uncond = 0;
    ctx->cr_written = ctx->cr_uncond = 0;
    ctx->pred_written = 0;
    ctx->nstores = 0;
    ctx->stores_early = false;
    if (!ctx->stores_done) {
        ctx->stores_done = tcg_temp_new_i32(ctx->tcg);
    }
    /* dead, and removed, unless a load of the packet reads it */
    tcg_gen_movi_i32(ctx->tcg, ctx->stores_done, 0);
    ctx->nbranch = 0;
    ctx->br_taken = ctx->br_dest = ctx->br_cond = NULL;
    ctx->br_static = false;
    ctx->end = HEX_END_NONE;
    ctx->end_semihost = false;
    ctx->second_pass = false;
}

/* Translate the packet @pkt; true if it ended the block. */
static bool translate_packet(DisasContext *ctx, const HexPacket *pkt)
{
    HexSlot slots[2 * HEX_MAX_PACKET_WORDS];
    int deferred[2 * HEX_MAX_PACKET_WORDS];
    int n, nd = 0;

    packet_reset(ctx);
    if (!packet_slots(pkt, slots, &n)) {
        ctx->insn = pkt->words[0];
        gen_invalid(ctx, "malformed packet");
        return true;
    }
    memset(ctx->slot_done, 0, sizeof(ctx->slot_done));
    for (int i = 0; i < n && !ctx->noreturn; i++) {
        if (!decode_slot(ctx, slots, i)) {
            gen_invalid(ctx, "invalid or unimplemented instruction");
        } else if (ctx->defer) {
            deferred[nd++] = i;
        } else {
            ctx->slot_done[i] = true;
        }
    }
    ctx->second_pass = true;
    for (int i = 0; i < nd && !ctx->noreturn; i++) {
        if (!decode_slot(ctx, slots, deferred[i])) {
            gen_invalid(ctx, "invalid or unimplemented instruction");
        }
        ctx->slot_done[deferred[i]] = true;
    }
    if (ctx->noreturn) {
        return true;
    }
    return gen_packet_end(ctx, pkt);
}

/*
 * Fetch the packet at ctx->pkt_pc.  A word on the next page that cannot
 * be fetched is not read (a fault inside translation would lose the
 * block being built): returns -1 with the fault in *@t and its address
 * in *@bad, and the packet raises it when it runs (cause 0x61 for a TLB
 * miss: "next page").  Returns 0 for a malformed packet, 1 otherwise.
 */
static int fetch_packet(DisasContext *ctx, HexPacket *pkt, HexTranslation *t,
                        uint32_t *bad)
{
    CPUState *cs = ctx->base->cpu;
    uint32_t words[HEX_MAX_PACKET_WORDS];
    uint32_t page_mask = ~((1u << ctx->base->page_bits) - 1);
    int n = 0;

    while (n < HEX_MAX_PACKET_WORDS) {
        uint32_t pc = ctx->pkt_pc + 4 * n;

        if ((pc & page_mask) != (ctx->pkt_pc & page_mask) &&
            !hex_mmu_translate(hex_env(cs), pc, MMU_INST_FETCH,
                               ctx->mmu_idx, t)) {
            if (t->cause == HEX_CAUSE_TLBMISS_X) {
                t->cause = HEX_CAUSE_TLBMISS_X_NEXT;
            }
            *bad = pc;
            return -1;
        }
        words[n] = (uint32_t)translator_ld(ctx->base, pc, MO_LEUL);
        n++;
        if ((words[n - 1] >> 14 & 3) == 3 || (words[n - 1] >> 14 & 3) == 0) {
            break;
        }
    }
    return hexagon_packet_split(words, n, pkt) ? 1 : 0;
}

/* Could the packet at @pc (up to 4 words) extend onto the next page? */
static bool packet_may_cross_page(TranslatorCtx *base, uint32_t pc)
{
    uint32_t page = 1u << base->page_bits;

    return (pc & (page - 1)) + 4 * HEX_MAX_PACKET_WORDS > page;
}

static void hex_init_disas(DisasContext *ctx, TranslatorCtx *base)
{
    uint64_t f = base->key.flags;

    memset(ctx, 0, sizeof(*ctx));
    ctx->base = base;
    ctx->tcg = base->tcg;
    ctx->g = base->globals;
    ctx->mode = (HexMode)(f & HEX_TB_MODE_MASK);
    ctx->mmu_idx = ctx->mode;
    ctx->semihost = f & HEX_TB_SEMIHOST;
    ctx->gre = f & HEX_TB_GRE;
}

void hex_translate_block(TranslatorCtx *base)
{
    DisasContext dc;
    DisasContext *ctx = &dc;

    hex_init_disas(ctx, base);
    for (;;) {
        HexPacket pkt;
        HexTranslation fault;
        uint32_t bad = 0;
        int fetched;
        bool ended;

        ctx->pkt_pc = (uint32_t)base->pc_next;
        if (base->num_insns > 0 && packet_may_cross_page(base, ctx->pkt_pc)) {
            /* a fetch fault on the next page must see this packet's pc:
               make it the first of its own block */
            gen_goto(ctx, 0, ctx->pkt_pc);
            return;
        }
        translator_insn_start(base, ctx->pkt_pc, 0, 0);
        if (translator_breakpoint(base, ctx->pkt_pc)) {
            return;             /* a debugger stops here: EXCP_DEBUG */
        }
        if (ctx->pkt_pc & 3) {
            gen_event(ctx, HEX_EVENT_PRECISE, HEX_CAUSE_PC_MISALIGNED);
            base->pc_next = ctx->pkt_pc + 4;
            return;
        }
        fetched = fetch_packet(ctx, &pkt, &fault, &bad);
        if (fetched <= 0) {
            base->pc_next = ctx->pkt_pc + 4;
            if (fetched < 0) {
                gen_helper(ctx, &hex_helper_fetch_fault_info, 0, 3,
                           tcgv_i32_arg(tcg_constant_i32(ctx->tcg,
                                                         fault.event)),
                           tcgv_i32_arg(tcg_constant_i32(ctx->tcg,
                                                         fault.cause)),
                           tcgv_i32_arg(tcg_constant_i32(ctx->tcg, bad)));
                return;
            }
            ctx->insn = pkt.words[0];
            gen_invalid(ctx, "packet without an end");
            return;
        }
        ctx->next_pc = ctx->pkt_pc + 4 * pkt.nwords;
        base->pc_next = ctx->next_pc;
        ended = translate_packet(ctx, &pkt);
        free_temps(ctx);
        if (ended || ctx->noreturn) {
            return;
        }
        if (translator_should_stop(base)) {
            gen_goto(ctx, 0, ctx->next_pc);
            return;
        }
    }
}
