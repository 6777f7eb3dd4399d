/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A64 "branches, exception generating and system instructions" (op0 =
 * 101x) other than MRS/MSR (register) and SYS/SYSL: one trans_ function
 * per pattern of a64-branch.isa.  Immediate branches chain through
 * goto_tb; register branches go through the jump cache; instructions
 * that change state the TB key depends on (ERET, PAN, UAO, ISB, DAIFClr)
 * end the block so the loop looks again at the key and at pending
 * interrupts.  Run-time checks (traps, PSCI, ERET) are helpers in
 * helper-excp.c.
 *
 * Features without an ARM_FEAT_* bit (DIT, UAO, SSBS, MTE, FlagM2, SB)
 * are read from the model's ID registers.  Pointer authentication is
 * not implemented: its hints are NOPs on CPUs without FEAT_PAuth (the
 * decoder falls through to HINT) and UNDEFINED, logged, on CPUs with it.
 * BTI is a NOP: no page is guarded, so PSTATE.BTYPE is never checked.
 * Spec: Arm ARM DDI 0487, C4.1.87 (encodings), C6.2 (each instruction).
 */
#include "translate.h"
#include "helper-excp.h"
#include "cpu-models.h"
#include "util/log.h"
#include "decode-a64-branch.c.inc"

bool a64_translate_branch(DisasContext *s, uint32_t insn)
{
    return decode_a64_branch(s, insn);
}

/* ------------------------------------------------------------------ */
/* Helpers of this file                                                 */

static TCGv_i32 c32(DisasContext *s, uint32_t v)
{
    return tcg_constant_i32(s->tcg, (int32_t)v);
}

/* An ID register field of this CPU's model (0 without a model). */
static unsigned id_field(DisasContext *s, size_t reg_off, unsigned shift)
{
    const ARMCPUModel *m = s->env->model;

    if (!m) {
        return 0;
    }
    return arm_id_field(*(const uint64_t *)((const char *)m + reg_off), shift);
}

#define ID_FIELD(s, reg, shift) \
    id_field(s, offsetof(ARMCPUModel, reg), shift)

/* Raise @excp with @syn; @done: the preferred return is the next insn. */
static void gen_raise(DisasContext *s, int excp, uint32_t syn, bool done)
{
    gen_helper_call(s, &arm_helper_raise, 0, 4, tcgv_i32_arg(c32(s, excp)),
                    tcgv_i32_arg(c32(s, syn)), tcgv_i32_arg(c32(s, 0)),
                    tcgv_i32_arg(c32(s, done)));
    s->is_jmp = DISAS_NORETURN;
}

/* An instruction hemu does not implement on a CPU that has it. */
static bool unimplemented(DisasContext *s, const char *what)
{
    log_mask(LOG_UNIMP, "aarch64: %s at 0x%016" PRIx64 " not implemented "
             "(UNDEFINED)\n", what, s->pc_curr);
    unallocated_encoding(s);
    return true;
}

/* Set or clear the PSTATE bits @mask in env->pstate. */
static void gen_pstate_bits(DisasContext *s, uint32_t mask, bool set)
{
    TCGContext *t = s->tcg;
    TCGv_i32 v = tcg_temp_new_i32(t);

    tcg_gen_ld_i32(t, v, tcg_env(t), offsetof(CPUARMState, pstate));
    if (set) {
        tcg_gen_ori_i32(t, v, v, (int32_t)mask);
    } else {
        tcg_gen_andi_i32(t, v, v, (int32_t)~mask);
    }
    tcg_gen_st_i32(t, v, tcg_env(t), offsetof(CPUARMState, pstate));
    tcg_temp_free_i32(t, v);
}

/* Branch to pc_curr + @off when (@v @cond 0), else fall through. */
static void gen_cond_branch(DisasContext *s, TCGCond cond, TCGv_i64 v,
                            TCGv_i64 cmp, int64_t off)
{
    TCGLabel *taken = gen_new_label(s->tcg);

    tcg_gen_brcond_i64(s->tcg, cond, v, cmp, taken);
    gen_goto_tb(s, 0, s->pc_next);
    gen_set_label(s->tcg, taken);
    gen_goto_tb(s, 1, s->pc_curr + (uint64_t)off);
}

/* ------------------------------------------------------------------ */
/* Branches (immediate)                                                 */

static bool trans_B(DisasContext *s, arg_B *a)
{
    gen_goto_tb(s, 0, s->pc_curr + (uint64_t)a->off);
    return true;
}

static bool trans_BL(DisasContext *s, arg_BL *a)
{
    tcg_gen_movi_i64(s->tcg, s->g->x[30], (int64_t)s->pc_next);
    gen_goto_tb(s, 0, s->pc_curr + (uint64_t)a->off);
    return true;
}

static bool trans_B_cond(DisasContext *s, arg_B_cond *a)
{
    DisasCompare c;

    if (a->cond >= 14) {
        /* AL and NV: always taken (C1.2.4) */
        gen_goto_tb(s, 0, s->pc_curr + (uint64_t)a->off);
        return true;
    }
    arm_test_cc(s, &c, (unsigned)a->cond);
    gen_cond_branch(s, c.cond, c.value, tcg_constant_i64(s->tcg, 0),
                    a->off);
    return true;
}

/* CBZ/CBNZ: @rt is sf:Rt. */
static void gen_cbz(DisasContext *s, int64_t rt, int64_t off, bool nz)
{
    TCGv_i64 v = cpu_reg(s, rt & 31);

    if (!(rt & 32)) {
        TCGv_i64 w = tcg_temp_new_i64(s->tcg);

        tcg_gen_ext32u_i64(s->tcg, w, v);
        v = w;
    }
    gen_cond_branch(s, nz ? TCG_COND_NE : TCG_COND_EQ, v,
                    tcg_constant_i64(s->tcg, 0), off);
}

static bool trans_CBZ(DisasContext *s, arg_CBZ *a)
{
    gen_cbz(s, a->rt, a->off, false);
    return true;
}

static bool trans_CBNZ(DisasContext *s, arg_CBNZ *a)
{
    gen_cbz(s, a->rt, a->off, true);
    return true;
}

/* TBZ/TBNZ: @bit is b5:b40 (0..63); the W form has b5 = 0. */
static void gen_tbz(DisasContext *s, int64_t rt, int64_t bit, int64_t off,
                    bool nz)
{
    gen_cond_branch(s, nz ? TCG_COND_TSTNE : TCG_COND_TSTEQ,
                    cpu_reg(s, rt & 31),
                    tcg_constant_i64(s->tcg, (int64_t)(UINT64_C(1) << bit)),
                    off);
}

static bool trans_TBZ(DisasContext *s, arg_TBZ *a)
{
    gen_tbz(s, a->rt, a->bit, a->off, false);
    return true;
}

static bool trans_TBNZ(DisasContext *s, arg_TBNZ *a)
{
    gen_tbz(s, a->rt, a->bit, a->off, true);
    return true;
}

/* ------------------------------------------------------------------ */
/* Branches (register)                                                  */

static bool trans_BR(DisasContext *s, arg_BR *a)
{
    gen_a64_set_pc(s, cpu_reg(s, a->rn));
    s->is_jmp = DISAS_UPDATE;
    return true;
}

static bool trans_BLR(DisasContext *s, arg_BLR *a)
{
    TCGv_i64 dst = tcg_temp_new_i64(s->tcg);

    /* BLR X30: the target is read before the link is written */
    tcg_gen_mov_i64(s->tcg, dst, cpu_reg(s, a->rn));
    tcg_gen_movi_i64(s->tcg, s->g->x[30], (int64_t)s->pc_next);
    gen_a64_set_pc(s, dst);
    s->is_jmp = DISAS_UPDATE;
    return true;
}

static bool trans_RET(DisasContext *s, arg_RET *a)
{
    gen_a64_set_pc(s, cpu_reg(s, a->rn));
    s->is_jmp = DISAS_UPDATE;
    return true;
}

static bool trans_RET_30(DisasContext *s, arg_empty *a)
{
    arg_RET r = { .rn = 30 };

    return trans_RET(s, &r);
}

static bool trans_ERET(DisasContext *s, arg_empty *a)
{
    if (s->el == 0) {
        unallocated_encoding(s);
        return true;
    }
    gen_helper_call(s, &arm_helper_eret, 0, 0);
    s->is_jmp = DISAS_EXIT;
    return true;
}

static bool trans_DRPS(DisasContext *s, arg_empty *a)
{
    /* UNDEFINED outside Debug state, which hemu never enters */
    unallocated_encoding(s);
    return true;
}

/* Pointer-authenticated branches: only decoded with FEAT_PAuth. */
static bool trans_BRAAZ(DisasContext *s, arg_BRAAZ *a)
{
    return unimplemented(s, "BRAAZ");
}

static bool trans_BRABZ(DisasContext *s, arg_BRABZ *a)
{
    return unimplemented(s, "BRABZ");
}

static bool trans_BLRAAZ(DisasContext *s, arg_BLRAAZ *a)
{
    return unimplemented(s, "BLRAAZ");
}

static bool trans_BLRABZ(DisasContext *s, arg_BLRABZ *a)
{
    return unimplemented(s, "BLRABZ");
}

static bool trans_RETAA(DisasContext *s, arg_empty *a)
{
    return unimplemented(s, "RETAA");
}

static bool trans_RETAB(DisasContext *s, arg_empty *a)
{
    return unimplemented(s, "RETAB");
}

static bool trans_ERETAA(DisasContext *s, arg_empty *a)
{
    return unimplemented(s, "ERETAA");
}

static bool trans_ERETAB(DisasContext *s, arg_empty *a)
{
    return unimplemented(s, "ERETAB");
}

static bool trans_BRAA(DisasContext *s, arg_BRAA *a)
{
    return unimplemented(s, "BRAA");
}

static bool trans_BRAB(DisasContext *s, arg_BRAB *a)
{
    return unimplemented(s, "BRAB");
}

static bool trans_BLRAA(DisasContext *s, arg_BLRAA *a)
{
    return unimplemented(s, "BLRAA");
}

static bool trans_BLRAB(DisasContext *s, arg_BLRAB *a)
{
    return unimplemented(s, "BLRAB");
}

/* ------------------------------------------------------------------ */
/* Exception generation                                                 */

static bool trans_SVC(DisasContext *s, arg_SVC *a)
{
    gen_raise(s, EXCP_SWI, syn_svc((uint32_t)a->imm), true);
    return true;
}

static bool trans_HVC(DisasContext *s, arg_HVC *a)
{
    if (s->el == 0) {
        unallocated_encoding(s);
        return true;
    }
    /* returns only when PSCI served the call: go on after it */
    gen_helper_call(s, &arm_helper_hvc, 0, 1,
                    tcgv_i32_arg(c32(s, (uint32_t)a->imm)));
    s->is_jmp = DISAS_CHAIN_NEXT;
    return true;
}

static bool trans_SMC(DisasContext *s, arg_SMC *a)
{
    if (s->el == 0) {
        unallocated_encoding(s);
        return true;
    }
    gen_helper_call(s, &arm_helper_smc, 0, 1,
                    tcgv_i32_arg(c32(s, (uint32_t)a->imm)));
    s->is_jmp = DISAS_CHAIN_NEXT;
    return true;
}

static bool trans_BRK(DisasContext *s, arg_BRK *a)
{
    /* the preferred return address is the BRK itself */
    gen_raise(s, EXCP_BKPT, syn_brk((uint32_t)a->imm), false);
    return true;
}

static bool trans_HLT(DisasContext *s, arg_HLT *a)
{
    if (a->imm == 0xf000 && s->semihost) {
        gen_a64_update_pc(s, s->pc_curr);
        gen_helper_call(s, &arm_helper_semihost, 0, 0);
        s->is_jmp = DISAS_CHAIN_NEXT;
        return true;
    }
    /* halting debug is never enabled: UNDEFINED (C6.2.x HLT) */
    unallocated_encoding(s);
    return true;
}

/* DCPS1..3: UNDEFINED when not in Debug state (hemu never is). */
static bool trans_DCPS1_0(DisasContext *s, arg_empty *a)
{
    unallocated_encoding(s);
    return true;
}

static bool trans_DCPS1(DisasContext *s, arg_DCPS1 *a)
{
    return trans_DCPS1_0(s, NULL);
}

static bool trans_DCPS2_0(DisasContext *s, arg_empty *a)
{
    return trans_DCPS1_0(s, a);
}

static bool trans_DCPS2(DisasContext *s, arg_DCPS2 *a)
{
    return trans_DCPS1_0(s, NULL);
}

static bool trans_DCPS3_0(DisasContext *s, arg_empty *a)
{
    return trans_DCPS1_0(s, a);
}

static bool trans_DCPS3(DisasContext *s, arg_DCPS3 *a)
{
    return trans_DCPS1_0(s, NULL);
}

/* ------------------------------------------------------------------ */
/* Hints                                                                */

static bool trans_NOP(DisasContext *s, arg_empty *a)
{
    return true;
}

/* Every hint without a meaning on this CPU executes as a NOP (C6.2.x). */
static bool trans_HINT(DisasContext *s, arg_HINT *a)
{
    return true;
}

static bool trans_YIELD(DisasContext *s, arg_empty *a)
{
    gen_helper_call(s, &arm_helper_yield, 0, 0);
    s->is_jmp = DISAS_CHAIN_NEXT;
    return true;
}

static bool trans_WFE(DisasContext *s, arg_empty *a)
{
    gen_helper_call(s, &arm_helper_wfe, 0, 0);
    s->is_jmp = DISAS_CHAIN_NEXT;
    return true;
}

static bool trans_WFI(DisasContext *s, arg_empty *a)
{
    /* returns only when an interrupt is pending: go on after it */
    gen_helper_call(s, &arm_helper_wfi, 0, 0);
    s->is_jmp = DISAS_CHAIN_NEXT;
    return true;
}

static bool trans_SEV(DisasContext *s, arg_empty *a)
{
    gen_helper_call(s, &arm_helper_sev, 0, 0);
    return true;
}

static bool trans_SEVL(DisasContext *s, arg_empty *a)
{
    tcg_gen_st8_i32(s->tcg, c32(s, 1), tcg_env(s->tcg),
                    offsetof(CPUARMState, event_register));
    return true;
}

/* DGH, ESB (no RAS errors are ever pending), TSB, CSDB: NOPs here. */
static bool trans_DGH(DisasContext *s, arg_empty *a)
{
    return true;
}

static bool trans_ESB(DisasContext *s, arg_empty *a)
{
    return true;
}

static bool trans_TSB(DisasContext *s, arg_empty *a)
{
    return true;
}

static bool trans_CSDB(DisasContext *s, arg_empty *a)
{
    return true;
}

/* BTI: a landing pad; no guarded pages, so nothing to check. */
static bool trans_BTI(DisasContext *s, arg_empty *a)
{
    return true;
}

static bool trans_BTI_C(DisasContext *s, arg_empty *a)
{
    return true;
}

static bool trans_BTI_J(DisasContext *s, arg_empty *a)
{
    return true;
}

static bool trans_BTI_JC(DisasContext *s, arg_empty *a)
{
    return true;
}

/* Pointer authentication hints: only decoded with FEAT_PAuth. */
#define PAC_HINT(name)                                                  \
static bool trans_##name(DisasContext *s, arg_empty *a)                 \
{                                                                       \
    return unimplemented(s, #name);                                     \
}

PAC_HINT(XPACLRI)
PAC_HINT(PACIA1716)
PAC_HINT(PACIB1716)
PAC_HINT(AUTIA1716)
PAC_HINT(AUTIB1716)
PAC_HINT(PACIAZ)
PAC_HINT(PACIASP)
PAC_HINT(PACIBZ)
PAC_HINT(PACIBSP)
PAC_HINT(AUTIAZ)
PAC_HINT(AUTIASP)
PAC_HINT(AUTIBZ)
PAC_HINT(AUTIBSP)

/* ------------------------------------------------------------------ */
/* Barriers                                                             */

static bool trans_CLREX(DisasContext *s, arg_CLREX *a)
{
    tcg_gen_movi_i64(s->tcg, s->g->excl_addr, -1);
    return true;
}

static bool trans_CLREX_15(DisasContext *s, arg_empty *a)
{
    arg_CLREX c = { .crm = 15 };

    return trans_CLREX(s, &c);
}

/* The TCG ordering a DMB/DSB option asks for: CRm<1:0> = LD, ST, ALL. */
static unsigned barrier_type(int64_t crm)
{
    switch (crm & 3) {
    case 1:
        return TCG_MO_LD_LD | TCG_MO_LD_ST;
    case 2:
        return TCG_MO_ST_ST;
    default:
        return TCG_MO_ALL;
    }
}

static bool trans_DMB(DisasContext *s, arg_DMB *a)
{
    tcg_gen_mb(s->tcg, barrier_type(a->crm));
    return true;
}

static bool trans_DSB(DisasContext *s, arg_DSB *a)
{
    tcg_gen_mb(s->tcg, barrier_type(a->crm));
    return true;
}

/* SSBB and PSSBB are DSB #0 and DSB #4: speculation barriers. */
static bool trans_SSBB(DisasContext *s, arg_empty *a)
{
    tcg_gen_mb(s->tcg, TCG_MO_ALL);
    return true;
}

static bool trans_PSSBB(DisasContext *s, arg_empty *a)
{
    return trans_SSBB(s, a);
}

/* ISB: later instructions see every earlier context change. */
static bool trans_ISB(DisasContext *s, arg_ISB *a)
{
    s->is_jmp = DISAS_CHAIN_NEXT;
    return true;
}

static bool trans_ISB_15(DisasContext *s, arg_empty *a)
{
    s->is_jmp = DISAS_CHAIN_NEXT;
    return true;
}

static bool trans_SB(DisasContext *s, arg_empty *a)
{
    if (!ID_FIELD(s, id_aa64isar1, 36)) {
        return false;               /* FEAT_SB absent: ISAR1.SB */
    }
    tcg_gen_mb(s->tcg, TCG_MO_ALL);
    return true;
}

/* ------------------------------------------------------------------ */
/* PSTATE                                                               */

static bool trans_CFINV(DisasContext *s, arg_empty *a)
{
    if (!(s->features & ARM_FEAT_FLAGM)) {
        return false;
    }
    tcg_gen_xori_i64(s->tcg, s->g->CF, s->g->CF, 1);
    return true;
}

/* FEAT_FlagM2: ID_AA64ISAR0.TS >= 2. */
static bool have_flagm2(DisasContext *s)
{
    return ID_FIELD(s, id_aa64isar0, ID_AA64ISAR0_TS_SHIFT) >= 2;
}

/* AXFLAG: Z = Z | V, C = C & !V, N = V = 0 (C6.2.x AXFLAG). */
static bool trans_AXFLAG(DisasContext *s, arg_empty *a)
{
    TCGContext *t = s->tcg;
    A64Globals *g = s->g;
    TCGv_i64 v = tcg_temp_new_i64(t);
    TCGv_i64 z = tcg_temp_new_i64(t);

    if (!have_flagm2(s)) {
        return false;
    }
    tcg_gen_shri_i64(t, v, g->VF, 63);
    tcg_gen_setcond_i64(t, TCG_COND_EQ, z, g->ZF, tcg_constant_i64(t, 0));
    tcg_gen_or_i64(t, z, z, v);
    tcg_gen_xori_i64(t, g->ZF, z, 1);           /* ZF == 0 iff Z */
    tcg_gen_andc_i64(t, g->CF, g->CF, v);
    tcg_gen_movi_i64(t, g->NF, 0);
    tcg_gen_movi_i64(t, g->VF, 0);
    return true;
}

/*
 * XAFLAG: N = !C & !Z, Z = Z & C, C = C | Z, V = !C & Z (C6.2.x
 * XAFLAG), all from the old flags.
 */
static bool trans_XAFLAG(DisasContext *s, arg_empty *a)
{
    TCGContext *t = s->tcg;
    A64Globals *g = s->g;
    TCGv_i64 z = tcg_temp_new_i64(t);
    TCGv_i64 c = tcg_temp_new_i64(t);
    TCGv_i64 r = tcg_temp_new_i64(t);

    if (!have_flagm2(s)) {
        return false;
    }
    tcg_gen_setcond_i64(t, TCG_COND_EQ, z, g->ZF, tcg_constant_i64(t, 0));
    tcg_gen_mov_i64(t, c, g->CF);
    tcg_gen_or_i64(t, r, c, z);
    tcg_gen_xori_i64(t, g->NF, r, 1);
    tcg_gen_neg_i64(t, g->NF, g->NF);           /* N: bit 63 */
    tcg_gen_mov_i64(t, g->CF, r);
    tcg_gen_and_i64(t, r, z, c);
    tcg_gen_xori_i64(t, g->ZF, r, 1);
    tcg_gen_andc_i64(t, r, z, c);
    tcg_gen_neg_i64(t, g->VF, r);               /* V: bit 63 */
    return true;
}

/* MSR SPSel/PAN/UAO, #imm: op1 = 000, so UNDEFINED at EL0 (C5.2). */
static bool trans_MSR_SPSEL(DisasContext *s, arg_MSR_SPSEL *a)
{
    if (s->el == 0) {
        return false;
    }
    gen_helper_call(s, &arm_helper_spsel, 0, 1,
                    tcgv_i32_arg(c32(s, (uint32_t)a->imm & 1)));
    s->is_jmp = DISAS_CHAIN_NEXT;
    return true;
}

static bool trans_MSR_PAN(DisasContext *s, arg_MSR_PAN *a)
{
    if (s->el == 0 || !(s->features & ARM_FEAT_PAN)) {
        return false;
    }
    gen_pstate_bits(s, PSTATE_PAN, a->imm & 1);
    s->is_jmp = DISAS_CHAIN_NEXT;       /* the MMU index changed */
    return true;
}

static bool trans_MSR_UAO(DisasContext *s, arg_MSR_UAO *a)
{
    if (s->el == 0 || !ID_FIELD(s, id_aa64mmfr2, 4)) {
        return false;
    }
    gen_pstate_bits(s, PSTATE_UAO, a->imm & 1);
    s->is_jmp = DISAS_CHAIN_NEXT;       /* LDTR/STTR's index changed */
    return true;
}

static bool trans_MSR_DIT(DisasContext *s, arg_MSR_DIT *a)
{
    if (!ID_FIELD(s, id_aa64pfr0, 48)) {
        return false;
    }
    gen_pstate_bits(s, PSTATE_DIT, a->imm & 1);
    return true;
}

/* MSR DAIFSet/DAIFClr: op1 = 011, op2 = 110/111; EL0 needs UMA. */
static void gen_msr_daif(DisasContext *s, int64_t crm, bool set)
{
    TCGContext *t = s->tcg;
    TCGv_i32 v = tcg_temp_new_i32(t);
    uint32_t bits = (uint32_t)(crm & 15) << 6;

    if (s->el == 0) {
        gen_helper_call(s, &arm_helper_daif_el0, 0, 2,
                        tcgv_i32_arg(c32(s, set ? 6 : 7)),
                        tcgv_i32_arg(c32(s, (uint32_t)crm)));
    }
    tcg_gen_ld_i32(t, v, tcg_env(t), offsetof(CPUARMState, daif));
    if (set) {
        tcg_gen_ori_i32(t, v, v, (int32_t)bits);
    } else {
        tcg_gen_andi_i32(t, v, v, (int32_t)~bits);
    }
    tcg_gen_st_i32(t, v, tcg_env(t), offsetof(CPUARMState, daif));
    tcg_temp_free_i32(t, v);
}

static bool trans_MSR_DAIFSET(DisasContext *s, arg_MSR_DAIFSET *a)
{
    gen_msr_daif(s, a->imm, true);
    return true;
}

static bool trans_MSR_DAIFCLR(DisasContext *s, arg_MSR_DAIFCLR *a)
{
    gen_msr_daif(s, a->imm, false);
    s->is_jmp = DISAS_CHAIN_NEXT;       /* take what is now unmasked */
    return true;
}

/* FEAT_EBEP and FEAT_SME are not implemented: MSR_S0 makes them UNDEF. */
static bool trans_MSR_PM(DisasContext *s, arg_MSR_PM *a)
{
    return false;
}

static bool trans_SMSTOP_SM(DisasContext *s, arg_empty *a)
{
    return false;
}

static bool trans_SMSTART_SM(DisasContext *s, arg_empty *a)
{
    return false;
}

static bool trans_SMSTOP_ZA(DisasContext *s, arg_empty *a)
{
    return false;
}

static bool trans_SMSTART_ZA(DisasContext *s, arg_empty *a)
{
    return false;
}

static bool trans_SMSTOP(DisasContext *s, arg_empty *a)
{
    return false;
}

static bool trans_SMSTART(DisasContext *s, arg_empty *a)
{
    return false;
}

/*
 * The rest of the PSTATE-field space: MSR SSBS (op1 011, op2 001) with
 * FEAT_SSBS, MSR TCO (011, 100) with FEAT_MTE (not implemented), and
 * UNDEFINED for every other op1:op2.
 */
static bool trans_MSR_S0(DisasContext *s, arg_MSR_S0 *a)
{
    if (a->op1 == 3 && a->op2 == 1 && ID_FIELD(s, id_aa64pfr1, 4)) {
        gen_pstate_bits(s, PSTATE_SSBS, a->crm & 1);
        return true;
    }
    if (a->op1 == 3 && a->op2 == 4 && ID_FIELD(s, id_aa64pfr1, 8)) {
        return unimplemented(s, "MSR TCO");
    }
    unallocated_encoding(s);
    return true;
}
