/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The IR optimizer: one forward pass per translation doing
 *  - copy propagation: after `mov d, s`, later reads of d read s (until
 *    either is written, a block ends, or a call may write globals);
 *  - constant propagation and folding: inputs known to be constant are
 *    replaced by constant temps, and pure ops whose inputs are all
 *    constant become `mov d, $result` (values from tcg/eval.c, the same
 *    code the interpreter runs);
 *  - known bits: each temp carries a mask of bits that may be non-zero;
 *    `and d, a, $c` where a has no possibly-set bit outside c becomes a
 *    mov (e.g. an and with 0xff after an 8-bit zero extension).
 * Dead code elimination is done afterwards by the liveness pass.
 * Facts are dropped at every label and block end, so the pass never
 * needs a control-flow graph.  Slow paths of guest memory ops must not
 * change globals except by raising (tcg-runtime.h), so they keep facts.
 */
#include "tcg/tcg.h"
#include "util/bitops.h"
#include "internal.h"

typedef struct OptInfo {
    bool is_const;
    uint64_t val;           /* if is_const; i32 values zero-extended */
    TCGTemp *copy;          /* reads may use this temp instead */
    uint64_t z_mask;        /* bits that may be 1 */
} OptInfo;

typedef struct OptState {
    TCGContext *s;
    OptInfo *info;          /* indexed by temp index */
} OptState;

static uint64_t type_mask(TCGType t)
{
    return t == TCG_TYPE_I64 ? ~UINT64_C(0) : 0xffffffff;
}

static void reset_temp(OptState *o, TCGTemp *t)
{
    OptInfo *i = &o->info[t->index];

    /* drop copies that point at t */
    for (unsigned k = 0; k < o->s->nb_temps; k++) {
        if (o->info[k].copy == t) {
            o->info[k].copy = NULL;
        }
    }
    i->is_const = t->kind == TEMP_CONST;
    i->val = t->kind == TEMP_CONST ? (t->val & type_mask(t->type)) : 0;
    i->copy = NULL;
    i->z_mask = i->is_const ? i->val : type_mask(t->type);
}

/* The facts about @t; constants (even ones made by this pass) are fresh. */
static OptInfo *ti(OptState *o, TCGTemp *t)
{
    OptInfo *i = &o->info[t->index];

    if (t->kind == TEMP_CONST) {
        i->is_const = true;
        i->val = t->val & type_mask(t->type);
        i->copy = NULL;
        i->z_mask = i->val;
    }
    return i;
}

static void reset_all(OptState *o, bool globals_only)
{
    for (unsigned k = 0; k < o->s->nb_temps; k++) {
        TCGTemp *t = &o->s->temps[k];

        if (!globals_only || t->kind == TEMP_GLOBAL) {
            reset_temp(o, t);
        }
    }
}

static TCGArg const_arg(OptState *o, TCGType type, uint64_t v)
{
    if (type == TCG_TYPE_I32) {
        return temp_arg((TCGTemp *)(void *)tcg_constant_i32(o->s, v));
    }
    return temp_arg((TCGTemp *)(void *)tcg_constant_i64(o->s, v));
}

/* Rewrite inputs: constants become constant temps, copies their source. */
static void rewrite_inputs(OptState *o, TCGOp *op)
{
    unsigned no = op_nb_oargs(op), ni = op_nb_iargs(op);

    for (unsigned i = no; i < no + ni; i++) {
        TCGTemp *t = arg_temp(op->args[i]);
        OptInfo *in = ti(o, t);

        if (t->kind == TEMP_CONST || t->kind == TEMP_FIXED) {
            continue;
        }
        if (in->is_const) {
            op->args[i] = const_arg(o, t->type, in->val);
        } else if (in->copy) {
            op->args[i] = temp_arg(in->copy);
        }
    }
}

static bool input_const(OptState *o, TCGOp *op, unsigned i, uint64_t *v)
{
    OptInfo *in = ti(o, arg_temp(op->args[i]));

    *v = in->val;
    return in->is_const;
}

/* Fold an op whose inputs are all constant; true if it became a mov. */
static bool try_fold(OptState *o, TCGOp *op, uint64_t *res)
{
    const TCGOpDef *def = op_def(op);
    bool is64 = def->flags & TCG_OPF_64BIT;
    uint64_t a, b = 0;
    unsigned pos, len;

    if (op->opc == INDEX_op_call || def->nb_oargs != 1 ||
        (def->flags & (TCG_OPF_SIDE_EFFECTS | TCG_OPF_BB_END))) {
        return false;
    }
    if (!input_const(o, op, 1, &a)) {
        return false;
    }
    if (def->nb_iargs == 2 && !input_const(o, op, 2, &b)) {
        return false;
    }
    switch (op->opc) {
    case INDEX_op_setcond_i32: case INDEX_op_setcond_i64:
        *res = tcg_eval_cond(op->args[3], a, b, is64);
        return true;
    case INDEX_op_extract_i32: case INDEX_op_extract_i64:
        *res = extract64(a, op->args[2], op->args[3]);
        return true;
    case INDEX_op_sextract_i32: case INDEX_op_sextract_i64:
        *res = sextract64(a, op->args[2], op->args[3]);
        return true;
    case INDEX_op_deposit_i32: case INDEX_op_deposit_i64:
        pos = op->args[3];
        len = op->args[4];
        *res = deposit64(a, pos, len, b);
        return true;
    default:
        break;
    }
    if (def->nb_cargs) {
        return false;       /* host loads and the like */
    }
    if (def->nb_iargs == 2) {
        *res = tcg_eval_binop(op->opc, a, b);
        return true;
    }
    if (def->nb_iargs == 1) {
        *res = tcg_eval_unop(op->opc, a);
        return true;
    }
    return false;
}

/* Bits of the output that may be set, from the inputs' facts. */
static uint64_t output_z_mask(OptState *o, TCGOp *op, uint64_t tmask)
{
    OptInfo *a = op_nb_iargs(op) ? ti(o, arg_temp(op->args[1])) : NULL;
    OptInfo *b = op_nb_iargs(op) > 1 ? ti(o, arg_temp(op->args[2])) : NULL;

    switch (op->opc) {
    case INDEX_op_and_i32: case INDEX_op_and_i64:
        return a->z_mask & b->z_mask;
    case INDEX_op_or_i32: case INDEX_op_or_i64:
    case INDEX_op_xor_i32: case INDEX_op_xor_i64:
        return a->z_mask | b->z_mask;
    case INDEX_op_extract_i32: case INDEX_op_extract_i64:
        return op->args[3] == 64 ? tmask
                                 : (UINT64_C(1) << op->args[3]) - 1;
    case INDEX_op_extu_i32_i64:
    case INDEX_op_ld32u_i64:
        return 0xffffffff;
    case INDEX_op_ld8u_i32: case INDEX_op_ld8u_i64:
        return 0xff;
    case INDEX_op_ld16u_i32: case INDEX_op_ld16u_i64:
        return 0xffff;
    case INDEX_op_setcond_i32: case INDEX_op_setcond_i64:
        return 1;
    case INDEX_op_mov_i32: case INDEX_op_mov_i64:
        return a->z_mask;
    default:
        return tmask;
    }
}

static void make_mov(OptState *o, TCGOp *op, TCGArg src)
{
    bool is64 = op_def(op)->flags & TCG_OPF_64BIT;
    TCGArg dst = op->args[0];

    memset(op->args, 0, sizeof(op->args));
    op->opc = is64 ? INDEX_op_mov_i64 : INDEX_op_mov_i32;
    op->args[0] = dst;
    op->args[1] = src;
}

/* Known bits: an and that clears no possibly-set bit is a mov. */
static void simplify_and(OptState *o, TCGOp *op)
{
    uint64_t c;

    if ((op->opc == INDEX_op_and_i32 || op->opc == INDEX_op_and_i64) &&
        input_const(o, op, 2, &c) &&
        !(ti(o, arg_temp(op->args[1]))->z_mask & ~c)) {
        make_mov(o, op, op->args[1]);
    }
}

static void optimize_op(OptState *o, TCGOp *op)
{
    const TCGOpDef *def = op_def(op);
    unsigned no = op_nb_oargs(op);
    uint64_t res;

    if (op->opc == INDEX_op_set_label) {
        reset_all(o, false);
        return;
    }
    rewrite_inputs(o, op);
    if (try_fold(o, op, &res)) {
        TCGTemp *d = arg_temp(op->args[0]);

        res &= type_mask(d->type);
        make_mov(o, op, const_arg(o, d->type, res));
    }
    simplify_and(o, op);
    if (op->opc == INDEX_op_call) {
        if (!(op_call_info(op)->flags & TCG_CALL_NO_WRITE_GLOBALS)) {
            reset_all(o, true);
        }
    }
    for (unsigned i = 0; i < no; i++) {
        TCGTemp *d = arg_temp(op->args[i]);
        uint64_t tmask = type_mask(d->type);
        uint64_t z = no == 1 ? output_z_mask(o, op, tmask) : tmask;

        reset_temp(o, d);
        o->info[d->index].z_mask = z & tmask;
    }
    if (op->opc == INDEX_op_mov_i32 || op->opc == INDEX_op_mov_i64) {
        TCGTemp *d = arg_temp(op->args[0]), *src = arg_temp(op->args[1]);
        OptInfo *di = ti(o, d), *si = ti(o, src);

        if (src != d) {
            di->is_const = si->is_const;
            di->val = si->val;
            di->copy = src->kind == TEMP_CONST ? NULL : src;
        }
    }
    if (def->flags & TCG_OPF_BB_END) {
        reset_all(o, false);
    }
}

void tcg_optimize(TCGContext *s)
{
    /* constants made while folding add temps: size for the maximum */
    OptState o = { .s = s, .info = g_new0(OptInfo, TCG_MAX_TEMPS) };

    reset_all(&o, false);
    for (unsigned i = 0; i < s->nb_ops; i++) {
        if (s->ops[i].opc != INDEX_op_nop) {
            optimize_op(&o, &s->ops[i]);
        }
    }
    g_free(o.info);
}
