/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Text dumps for `-d op`, `-d op_opt` and `-d out_asm`: the op list, one
 * op per line ("name out,in,const"), and the host code, disassembled
 * with capstone for the JIT or as bytecode words for the interpreter.
 * Temps print as their global name, env, locN (TB temps), tmpN (EBB
 * temps) or $0x... (constants); labels as $LN.
 */
#include "tcg/tcg.h"
#include "util/log.h"
#include "internal.h"

#include <capstone/capstone.h>

static const char *const cond_names[TCG_COND_COUNT] = {
    [TCG_COND_NEVER] = "never", [TCG_COND_ALWAYS] = "always",
    [TCG_COND_EQ] = "eq", [TCG_COND_NE] = "ne",
    [TCG_COND_LT] = "lt", [TCG_COND_GE] = "ge",
    [TCG_COND_LE] = "le", [TCG_COND_GT] = "gt",
    [TCG_COND_LTU] = "ltu", [TCG_COND_GEU] = "geu",
    [TCG_COND_LEU] = "leu", [TCG_COND_GTU] = "gtu",
    [TCG_COND_TSTEQ] = "tsteq", [TCG_COND_TSTNE] = "tstne",
};

static void temp_name(GString *out, const TCGTemp *t)
{
    switch (t->kind) {
    case TEMP_FIXED:
    case TEMP_GLOBAL:
        g_string_append(out, t->name);
        break;
    case TEMP_TB:
        g_string_append_printf(out, "loc%u", t->index);
        break;
    case TEMP_EBB:
        g_string_append_printf(out, "tmp%u", t->index);
        break;
    case TEMP_CONST:
        if (t->type == TCG_TYPE_I32) {
            g_string_append_printf(out, "$0x%" PRIx32, (uint32_t)t->val);
        } else {
            g_string_append_printf(out, "$0x%" PRIx64, (uint64_t)t->val);
        }
        break;
    }
}

static bool op_has_cond(TCGOpcode opc)
{
    switch (opc) {
    case INDEX_op_setcond_i32: case INDEX_op_setcond_i64:
    case INDEX_op_movcond_i32: case INDEX_op_movcond_i64:
    case INDEX_op_brcond_i32: case INDEX_op_brcond_i64:
        return true;
    default:
        return false;
    }
}

static void dump_carg(GString *out, const TCGOp *op, unsigned k, TCGArg a)
{
    if (op_has_cond(op->opc) && k == 0) {
        g_string_append(out, a < TCG_COND_COUNT ? cond_names[a] : "?");
    } else if (op->opc == INDEX_op_br || op->opc == INDEX_op_set_label ||
               ((op->opc == INDEX_op_brcond_i32 ||
                 op->opc == INDEX_op_brcond_i64) && k == 1)) {
        g_string_append_printf(out, "$L%u", arg_label(a)->id);
    } else if (op_def(op)->flags & TCG_OPF_GUEST_MEM) {
        g_string_append_printf(out, "memop:0x%x,mmu:%u",
                               (unsigned)tcg_oi_memop(a), tcg_oi_mmu_idx(a));
    } else {
        g_string_append_printf(out, "$0x%" PRIx64, (uint64_t)a);
    }
}

static void dump_op(GString *out, const TCGOp *op, unsigned words)
{
    unsigned no = op_nb_oargs(op), ni = op_nb_iargs(op);
    unsigned nc = op_nb_cargs(op), k = 0;

    if (op->opc == INDEX_op_insn_start) {
        g_string_append(out, " ----");
        for (unsigned i = 0; i < words; i++) {
            g_string_append_printf(out, " %016" PRIx64, (uint64_t)op->args[i]);
        }
        g_string_append_c(out, '\n');
        return;
    }
    if (op->opc == INDEX_op_call) {
        const TCGHelperInfo *info = op_call_info(op);

        g_string_append_printf(out, " call %s,$0x%x", info->name,
                               (unsigned)info->flags);
        k = 1;
        nc = 0;
    } else {
        g_string_append_printf(out, " %s ", op_def(op)->name);
    }
    for (unsigned i = 0; i < no + ni; i++) {
        if (k++) {
            g_string_append_c(out, ',');
        }
        temp_name(out, arg_temp(op->args[i]));
    }
    for (unsigned i = 0; i < nc; i++) {
        if (k++) {
            g_string_append_c(out, ',');
        }
        dump_carg(out, op, i, op->args[no + ni + i]);
    }
    if (op->life) {
        g_string_append_printf(out, "  dead:");
        for (unsigned i = 0; i < no + ni; i++) {
            if (op->life & TCG_LIFE_DEAD(i)) {
                g_string_append_printf(out, " %u", i);
            }
        }
    }
    g_string_append_c(out, '\n');
}

char *tcg_dump_ops_str(TCGContext *s)
{
    GString *out = g_string_new(NULL);

    for (unsigned i = 0; i < s->nb_ops; i++) {
        if (s->ops[i].opc != INDEX_op_nop) {
            dump_op(out, &s->ops[i], s->cfg.insn_start_words);
        }
    }
    return g_string_free(out, false);
}

void tcg_dump_ops(TCGContext *s, const char *prefix)
{
    g_autofree char *text = tcg_dump_ops_str(s);
    FILE *f = log_lock();

    fprintf(f, "%s\n%s\n", prefix, text);
    log_unlock(f);
}

void tcg_dump_host_code(FILE *f, const uint8_t *code, size_t size)
{
    csh h;
    cs_insn *insn;
    size_t n;

    if (cs_open(CS_ARCH_X86, CS_MODE_64, &h) != CS_ERR_OK) {
        fprintf(f, "  (capstone unavailable: %zu bytes)\n", size);
        return;
    }
    n = cs_disasm(h, code, size, (uintptr_t)code, 0, &insn);
    for (size_t i = 0; i < n; i++) {
        fprintf(f, "  0x%016" PRIx64 ":  %-8s %s\n", insn[i].address,
                insn[i].mnemonic, insn[i].op_str);
    }
    if (n) {
        cs_free(insn, n);
    }
    cs_close(&h);
}

void tcg_dump_code(TCGContext *s, const TCGTranslation *tr,
                   const char *prefix)
{
    FILE *f = log_lock();
    size_t size = tr->records_offset;

    fprintf(f, "%s\n", prefix);
    if (s->cfg.backend == TCG_BACKEND_JIT) {
        tcg_dump_host_code(f, tr->code, size);
    } else {
        const uint64_t *w = tr->code;

        for (size_t i = 0; i < size / 8; i++) {
            fprintf(f, "  %04zx: %016" PRIx64 "\n", i * 8, w[i]);
        }
    }
    fprintf(f, "\n");
    log_unlock(f);
}
