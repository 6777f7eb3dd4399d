/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Translation of the A64 system register moves and system instructions
 * (MRS, MSR (register), SYS, SYSL; table a64-sys.isa) through the system
 * register table (sysreg.h), and the two run-time helpers they call.
 *
 * At translation time: an encoding missing from the table, or an access
 * below the row's lowest EL, is UNDEFINED (the EL is part of the TB
 * key).  A row with state at a fixed offset of CPUARMState and no
 * run-time checks at this EL is a plain load or store on env; anything
 * else calls helper_sysreg_read/write, which run arm_sysreg_check()
 * (traps to EL1/EL2/EL3 with an EC 0x18 syndrome, FP traps with EC
 * 0x07) and then the row's access.  A write that changes state the TB
 * key depends on (flag ARM_SRF_ENDTB) ends the block with DISAS_EXIT.
 * Spec: Arm ARM DDI 0487, C5.2, C5.3, C6.2 (MRS, MSR, SYS, SYSL),
 * D17.2.37 (ESR_ELx ISS for EC 0x18).
 */
#include "translate.h"
#include "a64-decode.h"
#include "sysreg.h"
#include "exec/cputlb.h"
#include "util/log.h"

/*
 * The helpers' info word: the key (op0:op1:CRn:CRm:op2) in [15:0], Rt
 * in [20:16], is_read in [21]: what the EC 0x18 syndrome reports.
 */
#define INFO(key, rt, rd) ((key) | (uint32_t)(rt) << 16 | (rd ? 1u << 21 : 0))

static HEMU_NORETURN void raise_sysreg(CPUARMState *env, ARMSysRegCheck c,
                                       uint32_t info, uintptr_t ra)
{
    unsigned key = info & 0xffff;
    uint32_t syn = syn_sysreg(key >> 14, (key >> 11) & 7, (key >> 7) & 15,
                              (key >> 3) & 15, key & 7, (info >> 16) & 31,
                              (info >> 21) & 1);
    unsigned target = arm_exception_target_el(env);

    switch (c) {
    case ARM_SR_UNDEF:
        syn = syn_uncategorized();
        break;
    case ARM_SR_TRAP_EL2:
        target = 2;
        break;
    case ARM_SR_TRAP_EL3:
        target = 3;
        break;
    case ARM_SR_FP_EL1:
        syn = syn_fp_access();
        break;
    case ARM_SR_FP_EL2:
    case ARM_SR_FP_EL3:
        syn = syn_fp_access();
        target = c == ARM_SR_FP_EL2 ? 2 : 3;
        break;
    default:            /* ARM_SR_TRAP_EL1: EL1, or EL2 by HCR.TGE */
        break;
    }
    arm_raise_exception(env, EXCP_UDEF, syn, target, ra);
}

static uint64_t helper_sysreg_read(CPUARMState *env, uint64_t row,
                                   uint32_t info)
{
    const ARMSysReg *r = (const ARMSysReg *)(uintptr_t)row;
    ARMSysRegCheck c = arm_sysreg_check(env, r, true);

    if (c != ARM_SR_OK) {
        raise_sysreg(env, c, info, GETPC());
    }
    return arm_sysreg_read(env, r);
}

static void helper_sysreg_write(CPUARMState *env, uint64_t row,
                                uint32_t info, uint64_t value)
{
    const ARMSysReg *r = (const ARMSysReg *)(uintptr_t)row;
    ARMSysRegCheck c = arm_sysreg_check(env, r, false);

    if (c != ARM_SR_OK) {
        raise_sysreg(env, c, info, GETPC());
    }
    arm_sysreg_write(env, r, value, GETPC());
}

static const TCGHelperInfo sysreg_read_info = {
    .func = (const void *)helper_sysreg_read, .name = "sysreg_read",
    .flags = TCG_CALL_MAY_RAISE, .nb_args = 3, .ret = TCG_CALL_I64,
    .args = { TCG_CALL_PTR, TCG_CALL_I64, TCG_CALL_I32 },
};

static const TCGHelperInfo sysreg_write_info = {
    .func = (const void *)helper_sysreg_write, .name = "sysreg_write",
    .flags = TCG_CALL_MAY_RAISE, .nb_args = 4, .ret = TCG_CALL_VOID,
    .args = { TCG_CALL_PTR, TCG_CALL_I64, TCG_CALL_I32, TCG_CALL_I64 },
};

/* The access through the helper (checks and side effects at run time). */
static void gen_access_helper(DisasContext *s, const ARMSysReg *r,
                              bool is_read, uint32_t key, unsigned rt)
{
    TCGContext *t = s->tcg;
    TCGv_i64 row = tcg_constant_i64(t, (int64_t)(uintptr_t)r);
    TCGv_i32 info = tcg_constant_i32(t, (int32_t)INFO(key, rt, is_read));

    if (is_read) {
        TCGv_i64 v = tcg_temp_new_i64(t);

        gen_helper_call(s, &sysreg_read_info, tcgv_i64_arg(v), 2,
                        tcgv_i64_arg(row), tcgv_i32_arg(info));
        gen_set_reg(s, rt, v, true);
    } else {
        gen_helper_call(s, &sysreg_write_info, 0, 3, tcgv_i64_arg(row),
                        tcgv_i32_arg(info), tcgv_i64_arg(cpu_reg(s, rt)));
    }
}

/* The access as a load or store of env (or RAZ/WI without state). */
static void gen_access_inline(DisasContext *s, const ARMSysReg *r,
                              bool is_read, unsigned rt)
{
    TCGContext *t = s->tcg;

    if (is_read) {
        TCGv_i64 v = tcg_temp_new_i64(t);

        if (r->offset < 0) {
            tcg_gen_movi_i64(t, v, 0);
        } else {
            tcg_gen_ld_i64(t, v, tcg_env(t), r->offset);
        }
        gen_set_reg(s, rt, v, true);
    } else if (r->offset >= 0) {
        tcg_gen_st_i64(t, cpu_reg(s, rt), tcg_env(t), r->offset);
    }
}

void gen_sysreg_access(DisasContext *s, bool is_read, unsigned op0,
                       unsigned op1, unsigned crn, unsigned crm,
                       unsigned op2, unsigned rt)
{
    uint32_t key = ARM_SYSREG_KEY(op0, op1, crn, crm, op2);
    const ARMSysReg *r = arm_sysreg_lookup(s->env, key);

    if (!r) {
        log_mask(LOG_UNIMP, "aarch64: %s of unknown system register "
                 "S%u_%u_C%u_C%u_%u at 0x%016" PRIx64 " (UNDEFINED)\n",
                 is_read ? "read" : "write", op0, op1, crn, crm, op2,
                 s->pc_curr);
        gen_exception_insn_default(s, EXCP_UDEF, syn_uncategorized());
        return;
    }
    if (s->el < (is_read ? r->rd_el : r->wr_el)) {
        unallocated_encoding(s);
        return;
    }
    if (arm_sysreg_needs_helper(r, s->el, is_read)) {
        gen_access_helper(s, r, is_read, key, rt);
    } else {
        gen_access_inline(s, r, is_read, rt);
    }
    if (!is_read && (r->flags & ARM_SRF_ENDTB)) {
        gen_a64_update_pc(s, s->pc_next);
        s->is_jmp = DISAS_EXIT;
    }
}

/* sreg is instruction bits 20:5: op0 [15:14] op1 [13:11] CRn [10:7]
   CRm [6:3] op2 [2:0] (a64-sys.isa). */
static void gen_sreg_access(DisasContext *s, bool is_read, int64_t sreg,
                            int64_t rt)
{
    unsigned k = (unsigned)sreg;

    gen_sysreg_access(s, is_read, k >> 14, (k >> 11) & 7, (k >> 7) & 15,
                      (k >> 3) & 15, k & 7, (unsigned)rt & 31);
}

#include "decode-a64-sys.c.inc"

static bool trans_MRS(DisasContext *s, arg_MRS *a)
{
    gen_sreg_access(s, true, a->sreg, a->rt);
    return true;
}

static bool trans_MSR(DisasContext *s, arg_MSR *a)
{
    gen_sreg_access(s, false, a->sreg, a->rt);
    return true;
}

static bool trans_SYS(DisasContext *s, arg_SYS *a)
{
    gen_sreg_access(s, false, a->sreg, a->rt);
    return true;
}

/* No SYSL operation exists in the table: all are UNDEFINED. */
static bool trans_SYSL(DisasContext *s, arg_SYSL *a)
{
    gen_sreg_access(s, true, a->sreg, a->rt);
    return true;
}

bool a64_translate_sys(DisasContext *s, uint32_t insn)
{
    return decode_a64_sys(s, insn);
}
