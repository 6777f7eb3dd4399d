/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The A64 translator's block loop and the code-generation helpers of
 * translate.h shared by the per-class translators: registers, NZCV,
 * condition codes, branches, exceptions, addresses.
 *
 * A block ends at a branch, an exception, a system-state change, a page
 * boundary or the instruction budget.  Each instruction records only its
 * pc (insn_start word 0): everything else is restored from env.
 * Spec: Arm ARM DDI 0487, C1-C6; the flag computations follow the
 * pseudocode AddWithCarry() and ConditionHolds().
 */
#include "translate.h"
#include "exec/cputlb.h"
#include "util/log.h"

static const char *const a64_xreg_names[32] = {
    "x0", "x1", "x2", "x3", "x4", "x5", "x6", "x7",
    "x8", "x9", "x10", "x11", "x12", "x13", "x14", "x15",
    "x16", "x17", "x18", "x19", "x20", "x21", "x22", "x23",
    "x24", "x25", "x26", "x27", "x28", "x29", "lr", "sp",
};

void *arm_tcg_init(TCGContext *tcg)
{
    A64Globals *g = g_new0(A64Globals, 1);

    for (int i = 0; i < 32; i++) {
        g->x[i] = tcg_global_mem_new_i64(tcg,
                                         offsetof(CPUARMState, xregs[i]),
                                         a64_xreg_names[i]);
    }
    g->pc = tcg_global_mem_new_i64(tcg, offsetof(CPUARMState, pc), "pc");
    g->NF = tcg_global_mem_new_i64(tcg, offsetof(CPUARMState, NF), "NF");
    g->ZF = tcg_global_mem_new_i64(tcg, offsetof(CPUARMState, ZF), "ZF");
    g->CF = tcg_global_mem_new_i64(tcg, offsetof(CPUARMState, CF), "CF");
    g->VF = tcg_global_mem_new_i64(tcg, offsetof(CPUARMState, VF), "VF");
    g->excl_addr = tcg_global_mem_new_i64(
        tcg, offsetof(CPUARMState, exclusive_addr), "excl_addr");
    g->excl_val = tcg_global_mem_new_i64(
        tcg, offsetof(CPUARMState, exclusive_val), "excl_val");
    g->excl_high = tcg_global_mem_new_i64(
        tcg, offsetof(CPUARMState, exclusive_high), "excl_high");
    return g;
}

void arm_tcg_free(void *globals)
{
    g_free(globals);
}

/* ------------------------------------------------------------------ */
/* Registers                                                            */

TCGv_i64 cpu_reg(DisasContext *s, unsigned reg)
{
    if (reg == 31) {
        TCGv_i64 z = tcg_temp_new_i64(s->tcg);

        tcg_gen_movi_i64(s->tcg, z, 0);
        return z;
    }
    return s->g->x[reg];
}

TCGv_i64 cpu_reg_sp(DisasContext *s, unsigned reg)
{
    return s->g->x[reg & 31];
}

void gen_zext32(DisasContext *s, unsigned reg, TCGv_i64 v)
{
    if (reg != 31) {
        tcg_gen_ext32u_i64(s->tcg, v, v);
    }
}

void gen_set_reg(DisasContext *s, unsigned reg, TCGv_i64 v, bool sf)
{
    if (reg == 31) {
        return;
    }
    if (sf) {
        tcg_gen_mov_i64(s->tcg, s->g->x[reg], v);
    } else {
        tcg_gen_ext32u_i64(s->tcg, s->g->x[reg], v);
    }
}

/* ------------------------------------------------------------------ */
/* Flags                                                                */

void gen_logic_flags(DisasContext *s, TCGv_i64 res, bool sf)
{
    TCGContext *t = s->tcg;
    A64Globals *g = s->g;

    if (sf) {
        tcg_gen_mov_i64(t, g->NF, res);
        tcg_gen_mov_i64(t, g->ZF, res);
    } else {
        tcg_gen_ext32s_i64(t, g->NF, res);
        tcg_gen_ext32u_i64(t, g->ZF, res);
    }
    tcg_gen_movi_i64(t, g->CF, 0);
    tcg_gen_movi_i64(t, g->VF, 0);
}

/*
 * AddWithCarry(a, b, carry_in) on @sf bits: carry_in is CF or 1 (@cin1)
 * or 0.  Writes NZCV and @res (which may alias @a or @b).
 */
static void gen_adc_flags(DisasContext *s, TCGv_i64 res, TCGv_i64 a,
                          TCGv_i64 b, bool sf, int cin)
{
    TCGContext *t = s->tcg;
    A64Globals *g = s->g;
    TCGv_i64 sum = tcg_temp_new_i64(t);
    TCGv_i64 tmp = tcg_temp_new_i64(t);

    if (sf) {
        TCGv_i64 c = tcg_temp_new_i64(t);

        /* tmp = a + cin with carry c; sum = tmp + b with carry C | c */
        if (cin < 0) {
            tcg_gen_add_i64(t, tmp, a, g->CF);
            tcg_gen_setcond_i64(t, TCG_COND_LTU, c, tmp, a);
        } else if (cin == 1) {
            tcg_gen_addi_i64(t, tmp, a, 1);
            tcg_gen_setcond_i64(t, TCG_COND_LTU, c, tmp, a);
        } else {
            tcg_gen_mov_i64(t, tmp, a);
            tcg_gen_movi_i64(t, c, 0);
        }
        tcg_gen_add_i64(t, sum, tmp, b);
        tcg_gen_setcond_i64(t, TCG_COND_LTU, tmp, sum, tmp);
        tcg_gen_or_i64(t, c, c, tmp);
        /* V: operands of equal sign and a result of the other sign */
        tcg_gen_xor_i64(t, tmp, sum, a);
        tcg_gen_eqv_i64(t, g->VF, a, b);
        tcg_gen_and_i64(t, g->VF, g->VF, tmp);
        tcg_gen_mov_i64(t, g->CF, c);
        tcg_gen_mov_i64(t, g->NF, sum);
        tcg_gen_mov_i64(t, g->ZF, sum);
        tcg_gen_mov_i64(t, res, sum);
        tcg_temp_free_i64(t, c);
    } else {
        TCGv_i64 a32 = tcg_temp_new_i64(t);
        TCGv_i64 b32 = tcg_temp_new_i64(t);

        tcg_gen_ext32u_i64(t, a32, a);
        tcg_gen_ext32u_i64(t, b32, b);
        tcg_gen_add_i64(t, sum, a32, b32);
        if (cin < 0) {
            tcg_gen_add_i64(t, sum, sum, g->CF);
        } else if (cin) {
            tcg_gen_addi_i64(t, sum, sum, 1);
        }
        tcg_gen_shri_i64(t, g->CF, sum, 32);
        tcg_gen_xor_i64(t, tmp, sum, a32);
        tcg_gen_eqv_i64(t, a32, a32, b32);
        tcg_gen_and_i64(t, tmp, tmp, a32);
        tcg_gen_ext32s_i64(t, g->VF, tmp);
        tcg_gen_ext32s_i64(t, g->NF, sum);
        tcg_gen_ext32u_i64(t, g->ZF, sum);
        tcg_gen_ext32u_i64(t, res, sum);
        tcg_temp_free_i64(t, a32);
        tcg_temp_free_i64(t, b32);
    }
    tcg_temp_free_i64(t, sum);
    tcg_temp_free_i64(t, tmp);
}

void gen_add_flags(DisasContext *s, TCGv_i64 res, TCGv_i64 a, TCGv_i64 b,
                   bool sf, bool with_carry)
{
    gen_adc_flags(s, res, a, b, sf, with_carry ? -1 : 0);
}

void gen_sub_flags(DisasContext *s, TCGv_i64 res, TCGv_i64 a, TCGv_i64 b,
                   bool sf, bool with_carry)
{
    TCGv_i64 nb = tcg_temp_new_i64(s->tcg);

    /* a - b = a + NOT(b) + 1; SBC: a + NOT(b) + C */
    tcg_gen_not_i64(s->tcg, nb, b);
    gen_adc_flags(s, res, a, nb, sf, with_carry ? -1 : 1);
    tcg_temp_free_i64(s->tcg, nb);
}

void gen_set_nzcv(DisasContext *s, unsigned nzcv)
{
    TCGContext *t = s->tcg;
    A64Globals *g = s->g;

    tcg_gen_movi_i64(t, g->NF, (nzcv & 8) ? -1 : 0);
    tcg_gen_movi_i64(t, g->ZF, (nzcv & 4) ? 0 : 1);
    tcg_gen_movi_i64(t, g->CF, (nzcv & 2) ? 1 : 0);
    tcg_gen_movi_i64(t, g->VF, (nzcv & 1) ? INT64_MIN : 0);
}

static TCGCond invert_cond(TCGCond c)
{
    switch (c) {
    case TCG_COND_EQ: return TCG_COND_NE;
    case TCG_COND_NE: return TCG_COND_EQ;
    case TCG_COND_LT: return TCG_COND_GE;
    case TCG_COND_GE: return TCG_COND_LT;
    case TCG_COND_ALWAYS: return TCG_COND_NEVER;
    case TCG_COND_NEVER: return TCG_COND_ALWAYS;
    default: g_assert_not_reached();
    }
}

void arm_test_cc(DisasContext *s, DisasCompare *c, unsigned cond)
{
    TCGContext *t = s->tcg;
    A64Globals *g = s->g;
    TCGv_i64 v = tcg_temp_new_i64(t);
    TCGv_i64 w;

    switch (cond >> 1) {
    case 0:                                 /* EQ: Z */
        tcg_gen_mov_i64(t, v, g->ZF);
        c->cond = TCG_COND_EQ;
        break;
    case 1:                                 /* CS: C */
        tcg_gen_mov_i64(t, v, g->CF);
        c->cond = TCG_COND_NE;
        break;
    case 2:                                 /* MI: N */
        tcg_gen_mov_i64(t, v, g->NF);
        c->cond = TCG_COND_LT;
        break;
    case 3:                                 /* VS: V */
        tcg_gen_mov_i64(t, v, g->VF);
        c->cond = TCG_COND_LT;
        break;
    case 4:                                 /* HI: C && !Z */
        tcg_gen_neg_i64(t, v, g->CF);
        tcg_gen_and_i64(t, v, v, g->ZF);
        c->cond = TCG_COND_NE;
        break;
    case 5:                                 /* GE: N == V */
        tcg_gen_xor_i64(t, v, g->NF, g->VF);
        c->cond = TCG_COND_GE;
        break;
    case 6:                                 /* GT: !Z && N == V */
        w = tcg_temp_new_i64(t);
        tcg_gen_xor_i64(t, v, g->NF, g->VF);
        tcg_gen_sari_i64(t, v, v, 63);
        tcg_gen_setcond_i64(t, TCG_COND_EQ, w, g->ZF,
                            tcg_constant_i64(t, 0));
        tcg_gen_neg_i64(t, w, w);
        tcg_gen_or_i64(t, v, v, w);
        tcg_temp_free_i64(t, w);
        c->cond = TCG_COND_EQ;
        break;
    default:                                /* AL, NV: always */
        tcg_gen_movi_i64(t, v, 0);
        c->cond = TCG_COND_ALWAYS;
        c->value = v;
        return;
    }
    if (cond & 1) {
        c->cond = invert_cond(c->cond);
    }
    c->value = v;
}

/* ------------------------------------------------------------------ */
/* Helpers called from generated code                                   */

static void helper_exception(void *envp, uint32_t excp, uint32_t syndrome,
                             uint32_t target_el)
{
    CPUARMState *env = envp;

    if (!target_el) {
        target_el = arm_exception_target_el(env);
    }
    arm_raise_exception(env, (int)excp, syndrome, target_el, GETPC());
}

static const TCGHelperInfo helper_exception_info = {
    .func = (const void *)helper_exception, .name = "exception",
    .flags = TCG_CALL_MAY_RAISE | TCG_CALL_NO_WRITE_GLOBALS, .nb_args = 4,
    .ret = TCG_CALL_VOID,
    .args = { TCG_CALL_PTR, TCG_CALL_I32, TCG_CALL_I32, TCG_CALL_I32 },
};

/* A branch to a misaligned address: PC alignment fault at the target. */
static void helper_pc_align(void *envp, uint64_t pc)
{
    CPUARMState *env = envp;
    CPUState *cs = arm_env_cs(env);

    cpu_restore_state(cs, GETPC(), true);
    env->pc = pc;
    env->exception.vaddress = pc;
    env->exception.syndrome = syn_pc_align();
    env->exception.target_el = arm_exception_target_el(env);
    cs->exception_index = EXCP_SYNC;
    cpu_loop_exit(cs);
}

static const TCGHelperInfo helper_pc_align_info = {
    .func = (const void *)helper_pc_align, .name = "pc_align",
    .flags = TCG_CALL_MAY_RAISE, .nb_args = 2, .ret = TCG_CALL_VOID,
    .args = { TCG_CALL_PTR, TCG_CALL_I64 },
};

void gen_helper_call(DisasContext *s, const TCGHelperInfo *info,
                     TCGArg ret, unsigned nargs, ...)
{
    TCGArg args[TCG_MAX_HELPER_ARGS];
    va_list ap;

    assert(nargs + 1 <= TCG_MAX_HELPER_ARGS && nargs + 1 == info->nb_args);
    args[0] = tcgv_ptr_arg(tcg_env(s->tcg));
    va_start(ap, nargs);
    for (unsigned i = 0; i < nargs; i++) {
        args[i + 1] = va_arg(ap, TCGArg);
    }
    va_end(ap);
    tcg_gen_callN(s->tcg, info, ret, args);
}

/* ------------------------------------------------------------------ */
/* Control flow and exceptions                                          */

void gen_a64_update_pc(DisasContext *s, uint64_t pc)
{
    tcg_gen_movi_i64(s->tcg, s->g->pc, (int64_t)pc);
}

void gen_goto_tb(DisasContext *s, unsigned n, uint64_t dest)
{
    if (translator_use_goto_tb(s->base, dest)) {
        tcg_gen_goto_tb(s->tcg, n);
        gen_a64_update_pc(s, dest);
        translator_exit_tb(s->base, n);
    } else {
        gen_a64_update_pc(s, dest);
        translator_lookup_and_goto_ptr(s->base);
    }
    s->is_jmp = DISAS_NORETURN;
}

void gen_a64_set_pc(DisasContext *s, TCGv_i64 dst)
{
    TCGContext *t = s->tcg;
    TCGv_i64 pc = s->g->pc;
    TCGLabel *ok = gen_new_label(t);

    if (s->el >= 2 && (s->tbi0 || s->tbi1)) {
        /* EL2 and EL3 (one VA range): the tag bits become zero */
        tcg_gen_extract_i64(t, pc, dst, 0, 56);
    } else if (s->tbi0 && s->tbi1) {
        tcg_gen_sextract_i64(t, pc, dst, 0, 56);
    } else if (s->tbi0 || s->tbi1) {
        TCGv_i64 clean = tcg_temp_new_i64(t);

        /* only the half (bit 55) whose TBI is set drops its tag */
        tcg_gen_sextract_i64(t, clean, dst, 0, 56);
        tcg_gen_movcond_i64(t, TCG_COND_TSTNE, pc, dst,
                            tcg_constant_i64(t, INT64_C(1) << 55),
                            s->tbi1 ? clean : dst, s->tbi0 ? clean : dst);
        tcg_temp_free_i64(t, clean);
    } else {
        tcg_gen_mov_i64(t, pc, dst);
    }
    tcg_gen_brcond_i64(t, TCG_COND_TSTEQ, pc, tcg_constant_i64(t, 3), ok);
    gen_helper_call(s, &helper_pc_align_info, 0, 1, tcgv_i64_arg(pc));
    gen_set_label(t, ok);
}

void gen_exception_insn(DisasContext *s, int excp, uint32_t syndrome,
                        unsigned target_el)
{
    TCGContext *t = s->tcg;

    gen_helper_call(s, &helper_exception_info, 0, 3,
                    tcgv_i32_arg(tcg_constant_i32(t, excp)),
                    tcgv_i32_arg(tcg_constant_i32(t, (int32_t)syndrome)),
                    tcgv_i32_arg(tcg_constant_i32(t, (int32_t)target_el)));
    s->is_jmp = DISAS_NORETURN;
}

void gen_exception_insn_default(DisasContext *s, int excp, uint32_t syndrome)
{
    gen_exception_insn(s, excp, syndrome, 0);
}

void unallocated_encoding(DisasContext *s)
{
    log_mask(LOG_UNIMP, "aarch64: unallocated or unimplemented instruction "
             "0x%08x at 0x%016" PRIx64 " (UNDEFINED)\n", s->insn,
             s->pc_curr);
    gen_exception_insn_default(s, EXCP_UDEF, syn_uncategorized());
}

/* ------------------------------------------------------------------ */
/* Memory                                                               */

TCGv_i64 gen_mem_addr(DisasContext *s, unsigned rn, int64_t offset)
{
    TCGv_i64 a = tcg_temp_new_i64(s->tcg);

    tcg_gen_addi_i64(s->tcg, a, cpu_reg_sp(s, rn), offset);
    return a;
}

MemOp gen_data_memop(DisasContext *s, MemOp op)
{
    if (s->be_data && memop_log2_size(op) > MO_8) {
        op |= MO_BE;
    }
    if (s->align && !(op & MO_AMASK)) {
        op |= MO_ALIGN;
    }
    return op;
}

/* ------------------------------------------------------------------ */
/* The block loop                                                       */

static bool a64_translate_insn(DisasContext *s, uint32_t insn)
{
    switch (a64_insn_class(insn)) {
    case A64_CLASS_DPIMM:
        return a64_translate_dpimm(s, insn);
    case A64_CLASS_BRANCH:
        return a64_translate_sys(s, insn) || a64_translate_branch(s, insn);
    case A64_CLASS_LDST:
        return a64_translate_ldst(s, insn) || a64_translate_simd(s, insn);
    case A64_CLASS_DPREG:
        return a64_translate_dpreg(s, insn);
    case A64_CLASS_SIMD:
        return a64_translate_simd(s, insn);
    default:
        return false;
    }
}

static void a64_init_disas(DisasContext *s, TranslatorCtx *ctx)
{
    uint64_t f = ctx->key.flags;

    memset(s, 0, sizeof(*s));
    s->base = ctx;
    s->tcg = ctx->tcg;
    s->g = ctx->globals;
    s->env = arm_env(ctx->cpu);
    s->features = s->env->features;
    s->el = (f >> TB_FLAG_EL_SHIFT) & 3;
    s->mmu_idx = (f >> TB_FLAG_MMUIDX_SHIFT) & 15;
    s->unpriv_idx = (f >> TB_FLAG_UNPRIV_SHIFT) & 15;
    s->tbi0 = f & TB_FLAG_TBI0;
    s->tbi1 = f & TB_FLAG_TBI1;
    s->align = f & TB_FLAG_ALIGN;
    s->fpen = f & TB_FLAG_FPEN;
    s->semihost = f & TB_FLAG_SEMIHOST;
    s->be_data = f & TB_FLAG_BE_DATA;
}

void arm_translate_block(TranslatorCtx *ctx)
{
    DisasContext ds;
    DisasContext *s = &ds;

    a64_init_disas(s, ctx);
    for (;;) {
        uint64_t pc = ctx->pc_next;

        s->pc_curr = pc;
        s->pc_next = pc + 4;
        s->is_jmp = DISAS_NEXT;
        translator_insn_start(ctx, pc, 0, 0);
        if (translator_breakpoint(ctx, pc)) {
            return;             /* a debugger stops here: EXCP_DEBUG */
        }
        s->insn = (uint32_t)translator_ld(ctx, pc, MO_LEUL);
        ctx->pc_next = pc + 4;
        if (!a64_translate_insn(s, s->insn)) {
            unallocated_encoding(s);
        }
        switch (s->is_jmp) {
        case DISAS_NEXT:
            if (translator_should_stop(ctx)) {
                gen_goto_tb(s, 0, s->pc_next);
                return;
            }
            continue;
        case DISAS_NORETURN:
            return;
        case DISAS_UPDATE:
            translator_lookup_and_goto_ptr(ctx);
            return;
        case DISAS_CHAIN_NEXT:
        case DISAS_EXIT:
            if (s->is_jmp == DISAS_CHAIN_NEXT) {
                gen_a64_update_pc(s, s->pc_next);
            }
            translator_exit_tb_nochain(ctx);
            return;
        }
    }
}
