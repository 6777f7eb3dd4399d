/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Liveness analysis: one backward pass over the op list that
 *  - deletes ops without side effects whose outputs are all dead
 *    (dead code elimination), and
 *  - sets TCG_LIFE_DEAD(i) in op->life for every temp argument i whose
 *    value is not needed after the op, so the register allocator frees
 *    its register at once.
 *
 * The analysis is per extended basic block and conservative at block
 * boundaries: at a label, br or a conditional branch every TB temp is
 * assumed live (it may be read at the target); EBB temps are dead at
 * labels and after unconditional exits.  Globals and env are always live
 * (their home is the CPU state, which outlives the TB).
 */
#include "tcg/tcg.h"
#include "internal.h"

static void set_block_end_state(TCGContext *s, unsigned flags)
{
    bool exits = flags & TCG_OPF_BB_EXIT;
    bool label = flags & TCG_OPF_LABEL;

    for (unsigned i = s->nb_globals; i < s->nb_temps; i++) {
        TCGTemp *t = &s->temps[i];

        if (t->kind == TEMP_TB) {
            t->live = true;
        } else if (t->kind == TEMP_EBB && (exits || label)) {
            t->live = false;
        }
    }
}

static bool op_deletable(const TCGOp *op)
{
    if (op->opc == INDEX_op_call) {
        return op->call_o > 0 &&
            (op_call_info(op)->flags & TCG_CALL_NO_SIDE_EFFECTS);
    }
    return !(op_def(op)->flags & TCG_OPF_SIDE_EFFECTS) && op_nb_oargs(op);
}

static bool temp_tracked(const TCGTemp *t)
{
    return t->kind == TEMP_TB || t->kind == TEMP_EBB;
}

void tcg_liveness(TCGContext *s)
{
    for (unsigned i = 0; i < s->nb_temps; i++) {
        s->temps[i].live = !temp_tracked(&s->temps[i]);
    }
    for (unsigned k = s->nb_ops; k-- > 0;) {
        TCGOp *op = &s->ops[k];
        unsigned flags = op_def(op)->flags;
        unsigned no = op_nb_oargs(op), ni = op_nb_iargs(op);
        bool all_dead = true;

        if (op->opc == INDEX_op_nop) {
            continue;
        }
        op->life = 0;
        if (flags & TCG_OPF_BB_END) {
            set_block_end_state(s, flags);
            if (op->opc == INDEX_op_exit_tb || op->opc == INDEX_op_goto_ptr) {
                for (unsigned i = s->nb_globals; i < s->nb_temps; i++) {
                    s->temps[i].live = !temp_tracked(&s->temps[i]);
                }
            }
        }
        for (unsigned i = 0; i < no; i++) {
            TCGTemp *t = arg_temp(op->args[i]);

            if (!temp_tracked(t) || t->live) {
                all_dead = false;
            }
        }
        if (all_dead && op_deletable(op)) {
            tcg_op_remove(op);
            continue;
        }
        for (unsigned i = 0; i < no; i++) {
            TCGTemp *t = arg_temp(op->args[i]);

            if (temp_tracked(t)) {
                if (!t->live) {
                    op->life |= TCG_LIFE_DEAD(i);
                }
                t->live = false;
            }
        }
        for (unsigned i = no; i < no + ni; i++) {
            TCGTemp *t = arg_temp(op->args[i]);

            if (temp_tracked(t) && !t->live) {
                op->life |= TCG_LIFE_DEAD(i);
                t->live = true;
            }
        }
    }
}
