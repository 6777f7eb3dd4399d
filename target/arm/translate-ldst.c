/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A64 loads and stores of general-purpose registers, one trans_ function
 * per pattern of a64-ldst.isa: load/store register in every addressing
 * form, literal loads, pairs, prefetches (no-ops that never fault),
 * exclusives, load-acquire/store-release, and the FEAT_LSE compare-and-
 * swap and atomic memory operations.  SIMD&FP register forms (V = 1) are
 * not in the table: the block loop hands them to translate-simd.c.
 *
 * Plain accesses are IR guest loads/stores (the softmmu fast path);
 * exclusives' stores, CAS and atomics call helper-ldst.c.  The access
 * happens before any register is written, so a fault leaves the
 * registers untouched.  Choices where the Arm ARM leaves behaviour
 * CONSTRAINED UNPREDICTABLE (docs/devel/arm.md, "Loads and stores"):
 * a load with writeback whose Rt is Rn writes the loaded value (the
 * writeback is lost); a store with writeback whose Rt is Rn stores the
 * value from before the writeback; a load pair with Rt == Rt2 leaves the
 * second element in the register.
 * Spec: Arm ARM DDI 0487, C3.3 (loads and stores), C6.2 (pseudocode of
 * each instruction), B2.3 (ordering), B2.9 (exclusives), D8.8 (TBI).
 */
#include "translate.h"
#include "helper-ldst.h"
#include "exec/cputlb.h"

#include "decode-a64-ldst.c.inc"

/* ------------------------------------------------------------------ */
/* Addresses, ordering                                                  */

/*
 * @a = @va with bits 63:56 replaced by copies of bit 55 in the halves of
 * the address space whose TBI is set (D8.8): the address the MMU
 * translates.  @a may be @va.
 */
static void gen_tbi_clean(DisasContext *s, TCGv_i64 a, TCGv_i64 va)
{
    TCGContext *t = s->tcg;
    TCGv_i64 clean;

    if (s->tbi0 && s->tbi1) {
        tcg_gen_sextract_i64(t, a, va, 0, 56);
        return;
    }
    clean = tcg_temp_new_i64(t);
    tcg_gen_sextract_i64(t, clean, va, 0, 56);
    tcg_gen_movcond_i64(t, TCG_COND_TSTNE, a, va,
                        tcg_constant_i64(t, INT64_C(1) << 55),
                        s->tbi1 ? clean : va, s->tbi0 ? clean : va);
    tcg_temp_free_i64(t, clean);
}

/*
 * The clean address of @va for the access, keeping @va (tagged) for the
 * writeback: @va itself when no TBI applies, else a new temp that the
 * caller frees with ldst_free_clean().
 */
static TCGv_i64 ldst_clean(DisasContext *s, TCGv_i64 va)
{
    TCGv_i64 a;

    if (!s->tbi0 && !s->tbi1) {
        return va;
    }
    a = tcg_temp_new_i64(s->tcg);
    gen_tbi_clean(s, a, va);
    return a;
}

static void ldst_free_clean(DisasContext *s, TCGv_i64 addr, TCGv_i64 va)
{
    if (addr != va) {
        tcg_temp_free_i64(s->tcg, addr);
    }
}

/*
 * A new temp with the clean address X@rn (31 = SP) + @offset, for the
 * forms without writeback; the caller frees it.
 */
static TCGv_i64 gen_clean_addr(DisasContext *s, unsigned rn, int64_t offset)
{
    TCGv_i64 a = gen_mem_addr(s, rn, offset);

    if (s->tbi0 || s->tbi1) {
        gen_tbi_clean(s, a, a);
    }
    return a;
}

/*
 * Acquire (after the access) and release (before it).  Both are full
 * barriers: LDAR/STLR are RCsc (a STLR followed by a LDAR stays ordered),
 * and a full barrier is also enough for the RCpc LDAPR.
 */
static void gen_acquire(DisasContext *s)
{
    tcg_gen_mb(s->tcg, TCG_MO_ALL);
}

static void gen_release(DisasContext *s)
{
    tcg_gen_mb(s->tcg, TCG_MO_ALL);
}

/* The MemOp of an exclusive, ordered or atomic access: naturally aligned. */
static MemOp aligned_memop(DisasContext *s, MemOp size)
{
    return gen_data_memop(s, size | MO_ALIGN);
}

/* ------------------------------------------------------------------ */
/* Load/store register: op = size << 2 | opc                             */

/* How a load/store register form computes its address and writeback. */
typedef enum LdstIndex {
    LDST_OFFSET,                /* va = base + offset, no writeback */
    LDST_PRE,                   /* va = base + offset, base = va */
    LDST_POST,                  /* va = base, base = base + offset */
} LdstIndex;

/*
 * One load or store of register @rt (a table member: bit 5 = X, bit 6 =
 * PRFM) selected by @op at @va; then, when @wb is set, X@rn (SP for 31)
 * = @wb.  PRFM is a hint: no access, no fault.
 */
static void gen_ldst_reg(DisasContext *s, unsigned op, unsigned rt,
                         TCGv_i64 va, unsigned rn, TCGv_i64 wb,
                         unsigned mmu_idx)
{
    TCGContext *t = s->tcg;
    MemOp size = op >> 2;
    unsigned opc = op & 3;
    TCGv_i64 addr, val;

    if (op == 14) {
        return;                                 /* PRFM/PRFUM: a hint */
    }
    addr = ldst_clean(s, va);
    rt &= 31;
    if (opc == 0) {
        tcg_gen_qemu_st_i64(t, cpu_reg(s, rt), addr, mmu_idx,
                            gen_data_memop(s, size));
        if (wb) {
            tcg_gen_mov_i64(t, cpu_reg_sp(s, rn), wb);
        }
        ldst_free_clean(s, addr, va);
        return;
    }
    /* opc 01: zero-extend; 10: sign-extend to X; 11: sign-extend to W */
    val = tcg_temp_new_i64(t);
    tcg_gen_qemu_ld_i64(t, val, addr, mmu_idx,
                        gen_data_memop(s, size | (opc >= 2 ? MO_SIGN : 0)));
    if (opc == 3) {
        tcg_gen_ext32u_i64(t, val, val);
    }
    ldst_free_clean(s, addr, va);
    if (wb) {
        tcg_gen_mov_i64(t, cpu_reg_sp(s, rn), wb);
    }
    gen_set_reg(s, rt, val, true);              /* after: the load wins */
    tcg_temp_free_i64(t, val);
}

/* The immediate forms: address from X@rn and @imm as @mode says. */
static bool do_ldst_imm(DisasContext *s, arg_ls_i *a, LdstIndex mode,
                        unsigned mmu_idx)
{
    TCGContext *t = s->tcg;
    TCGv_i64 va, wb = NULL;

    if (a->op == 14) {
        return true;                            /* PRFM: not even Rn */
    }
    switch (mode) {
    case LDST_OFFSET:
        va = gen_mem_addr(s, a->rn, a->imm);
        break;
    case LDST_PRE:
        va = gen_mem_addr(s, a->rn, a->imm);
        wb = va;
        break;
    default:
        va = gen_mem_addr(s, a->rn, 0);
        wb = tcg_temp_new_i64(t);
        tcg_gen_addi_i64(t, wb, va, a->imm);
        break;
    }
    gen_ldst_reg(s, a->op, a->rt, va, a->rn, wb, mmu_idx);
    if (wb && wb != va) {
        tcg_temp_free_i64(t, wb);
    }
    tcg_temp_free_i64(t, va);
    return true;
}

static bool trans_LDST_unscaled(DisasContext *s, arg_ls_i *a)
{
    return do_ldst_imm(s, a, LDST_OFFSET, s->mmu_idx);
}

static bool trans_LDST_uimm(DisasContext *s, arg_ls_i *a)
{
    return do_ldst_imm(s, a, LDST_OFFSET, s->mmu_idx);
}

static bool trans_LDST_pre(DisasContext *s, arg_ls_i *a)
{
    return do_ldst_imm(s, a, LDST_PRE, s->mmu_idx);
}

static bool trans_LDST_post(DisasContext *s, arg_ls_i *a)
{
    return do_ldst_imm(s, a, LDST_POST, s->mmu_idx);
}

/* LDTR/STTR: EL0 permissions when executed at EL1 (s->unpriv_idx). */
static bool trans_LDST_unpriv(DisasContext *s, arg_ls_i *a)
{
    return do_ldst_imm(s, a, LDST_OFFSET, s->unpriv_idx);
}

/*
 * Register offset: regoff = size << 9 | S << 8 | option << 5 | Rm.
 * Options 010 UXTW, 011 LSL (UXTX), 110 SXTW, 111 SXTX (the decoder
 * only matches option<1> = 1); the shift is the access size when S = 1.
 */
static bool trans_LDST_reg(DisasContext *s, arg_ls_r *a)
{
    TCGContext *t = s->tcg;
    unsigned option = (a->rm >> 5) & 7;
    unsigned shift = (a->rm & (1 << 8)) ? (a->rm >> 9) & 3 : 0;
    TCGv_i64 off, va;

    if (a->op == 14) {
        return true;                            /* PRFM (register) */
    }
    off = tcg_temp_new_i64(t);
    switch (option) {
    case 2:
        tcg_gen_ext32u_i64(t, off, cpu_reg(s, a->rm & 31));
        break;
    case 6:
        tcg_gen_ext32s_i64(t, off, cpu_reg(s, a->rm & 31));
        break;
    default:
        tcg_gen_mov_i64(t, off, cpu_reg(s, a->rm & 31));
        break;
    }
    tcg_gen_shli_i64(t, off, off, shift);
    va = tcg_temp_new_i64(t);
    tcg_gen_add_i64(t, va, cpu_reg_sp(s, a->rn), off);
    tcg_temp_free_i64(t, off);
    gen_ldst_reg(s, a->op, a->rt, va, a->rn, NULL, s->mmu_idx);
    tcg_temp_free_i64(t, va);
    return true;
}

/* RPRFM (FEAT_RPRFM): a range prefetch hint, a no-op on every CPU. */
static bool trans_RPRFM(DisasContext *s, arg_RPRFM *a)
{
    return true;
}

/* ------------------------------------------------------------------ */
/* Literal: address = this instruction + imm19 * 4                       */

static void gen_load_literal(DisasContext *s, unsigned rt, int64_t imm,
                             MemOp op)
{
    TCGContext *t = s->tcg;
    TCGv_i64 addr = tcg_temp_new_i64(t);
    TCGv_i64 val = tcg_temp_new_i64(t);

    tcg_gen_movi_i64(t, addr, (int64_t)(s->pc_curr + imm));
    tcg_gen_qemu_ld_i64(t, val, addr, s->mmu_idx, gen_data_memop(s, op));
    gen_set_reg(s, rt, val, true);
    tcg_temp_free_i64(t, val);
    tcg_temp_free_i64(t, addr);
}

/* LDR (literal): opc (bit 30) selects W (zero-extended) or X. */
static bool trans_LDR_lit(DisasContext *s, arg_LDR_lit *a)
{
    gen_load_literal(s, a->rt, a->imm,
                     extract32(s->insn, 30, 1) ? MO_64 : MO_32);
    return true;
}

static bool trans_LDRSW_lit(DisasContext *s, arg_LDRSW_lit *a)
{
    gen_load_literal(s, a->rt, a->imm, MO_32 | MO_SIGN);
    return true;
}

static bool trans_PRFM_lit(DisasContext *s, arg_PRFM_lit *a)
{
    return true;
}

/* ------------------------------------------------------------------ */
/* Pairs: op = opc << 1 | L; opc 00 W, 01 LDPSW, 10 X                    */

static bool do_ldst_pair(DisasContext *s, arg_ls_p *a, LdstIndex mode)
{
    TCGContext *t = s->tcg;
    bool load = a->op & 1;
    unsigned opc = a->op >> 1;
    MemOp op = gen_data_memop(s, (opc == 2 ? MO_64 : MO_32) |
                                 (opc == 1 ? MO_SIGN : 0));
    unsigned rt = a->rt & 31, rt2 = a->rt2 & 31;
    TCGv_i64 va, wb = NULL, addr, addr2, v1 = NULL, v2 = NULL;

    if (mode == LDST_POST) {
        va = gen_mem_addr(s, a->rn, 0);
        wb = tcg_temp_new_i64(t);
        tcg_gen_addi_i64(t, wb, va, a->imm);
    } else {
        va = gen_mem_addr(s, a->rn, a->imm);
        wb = mode == LDST_PRE ? va : NULL;
    }
    addr = ldst_clean(s, va);
    addr2 = tcg_temp_new_i64(t);
    tcg_gen_addi_i64(t, addr2, addr, memop_size(op));
    if (load) {
        v1 = tcg_temp_new_i64(t);
        v2 = tcg_temp_new_i64(t);
        tcg_gen_qemu_ld_i64(t, v1, addr, s->mmu_idx, op);
        tcg_gen_qemu_ld_i64(t, v2, addr2, s->mmu_idx, op);
    } else {
        tcg_gen_qemu_st_i64(t, cpu_reg(s, rt), addr, s->mmu_idx, op);
        tcg_gen_qemu_st_i64(t, cpu_reg(s, rt2), addr2, s->mmu_idx, op);
    }
    ldst_free_clean(s, addr, va);
    tcg_temp_free_i64(t, addr2);
    if (wb) {
        tcg_gen_mov_i64(t, cpu_reg_sp(s, a->rn), wb);
        if (wb != va) {
            tcg_temp_free_i64(t, wb);
        }
    }
    tcg_temp_free_i64(t, va);
    if (load) {
        /* after the writeback: the loaded values win; Rt == Rt2: v2 */
        gen_set_reg(s, rt, v1, true);
        gen_set_reg(s, rt2, v2, true);
        tcg_temp_free_i64(t, v1);
        tcg_temp_free_i64(t, v2);
    }
    return true;
}

/* LDNP/STNP: the non-temporal hint changes nothing here. */
static bool trans_LDSTNP(DisasContext *s, arg_ls_p *a)
{
    return do_ldst_pair(s, a, LDST_OFFSET);
}

static bool trans_LDSTP(DisasContext *s, arg_ls_p *a)
{
    return do_ldst_pair(s, a, LDST_OFFSET);
}

static bool trans_LDSTP_pre(DisasContext *s, arg_ls_p *a)
{
    return do_ldst_pair(s, a, LDST_PRE);
}

static bool trans_LDSTP_post(DisasContext *s, arg_ls_p *a)
{
    return do_ldst_pair(s, a, LDST_POST);
}

/* ------------------------------------------------------------------ */
/* Exclusives (B2.9): sz = size; pairs have sz<1> = 1                    */

/* The descriptor of a helper access of @size at the data MMU index. */
static TCGv_i32 ldst_desc(DisasContext *s, MemOp op, unsigned extra)
{
    return tcg_constant_i32(s->tcg, (int32_t)ARM_LDST_DESC(op, s->mmu_idx,
                                                           extra));
}

/* LDXR/LDAXR: load, then open the monitor on (clean address, value). */
static bool do_ldxr(DisasContext *s, arg_ls_x *a, bool acquire)
{
    TCGContext *t = s->tcg;
    TCGv_i64 addr = gen_clean_addr(s, a->rn, 0);
    TCGv_i64 val = tcg_temp_new_i64(t);

    tcg_gen_qemu_ld_i64(t, val, addr, s->mmu_idx, aligned_memop(s, a->sz));
    tcg_gen_mov_i64(t, s->g->excl_addr, addr);
    tcg_gen_mov_i64(t, s->g->excl_val, val);
    gen_set_reg(s, a->rt & 31, val, true);
    tcg_temp_free_i64(t, val);
    tcg_temp_free_i64(t, addr);
    if (acquire) {
        gen_acquire(s);
    }
    return true;
}

static bool trans_LDXR(DisasContext *s, arg_ls_x *a)
{
    return do_ldxr(s, a, false);
}

static bool trans_LDAXR(DisasContext *s, arg_ls_x *a)
{
    return do_ldxr(s, a, true);
}

/*
 * The store of STXR/STXP(W) through the helper: W@rs = 0 when it stored
 * @val (of @size), 1 when the monitor failed.
 */
static void gen_stxr_call(DisasContext *s, unsigned rs, TCGv_i64 va,
                          TCGv_i64 val, MemOp size, bool release)
{
    TCGContext *t = s->tcg;
    TCGv_i64 status = tcg_temp_new_i64(t);

    if (release) {
        gen_release(s);
    }
    gen_helper_call(s, &arm_helper_stxr, tcgv_i64_arg(status), 3,
                    tcgv_i64_arg(va), tcgv_i64_arg(val),
                    tcgv_i32_arg(ldst_desc(s, aligned_memop(s, size), 0)));
    gen_set_reg(s, rs, status, false);
    tcg_temp_free_i64(t, status);
}

/*
 * The monitor holds the address with its TBI tag removed: the tag is not
 * part of the location (D8.8), so LDXR and STXR through differently
 * tagged pointers to the same bytes pair up.
 */
static bool do_stxr(DisasContext *s, arg_ls_x *a, bool release)
{
    TCGv_i64 va = gen_clean_addr(s, a->rn, 0);

    gen_stxr_call(s, a->rs, va, cpu_reg(s, a->rt & 31), a->sz, release);
    tcg_temp_free_i64(s->tcg, va);
    return true;
}

static bool trans_STXR(DisasContext *s, arg_ls_x *a)
{
    return do_stxr(s, a, false);
}

static bool trans_STLXR(DisasContext *s, arg_ls_x *a)
{
    return do_stxr(s, a, true);
}

/* Two W registers as one 64-bit memory value, @first at the lower address. */
static TCGv_i64 gen_concat_w(DisasContext *s, TCGv_i64 first,
                             TCGv_i64 second)
{
    TCGv_i64 v = tcg_temp_new_i64(s->tcg);

    if (s->be_data) {
        tcg_gen_deposit_i64(s->tcg, v, second, first, 32, 32);
    } else {
        tcg_gen_deposit_i64(s->tcg, v, first, second, 32, 32);
    }
    return v;
}

/* Split a 64-bit memory value into W@r1 (lower address) and W@r2. */
static void gen_split_w(DisasContext *s, TCGv_i64 v, unsigned r1,
                        unsigned r2)
{
    TCGContext *t = s->tcg;
    TCGv_i64 lo = tcg_temp_new_i64(t), hi = tcg_temp_new_i64(t);

    tcg_gen_extract_i64(t, lo, v, 0, 32);
    tcg_gen_extract_i64(t, hi, v, 32, 32);
    gen_set_reg(s, r1, s->be_data ? hi : lo, true);
    gen_set_reg(s, r2, s->be_data ? lo : hi, true);     /* r1 == r2: r2 */
    tcg_temp_free_i64(t, lo);
    tcg_temp_free_i64(t, hi);
}

/*
 * LDXP/LDAXP: two W registers are one 8-byte single-copy-atomic access;
 * two X registers are loaded by the helper under the atomic lock.
 */
static bool do_ldxp(DisasContext *s, arg_ls_x *a, bool acquire)
{
    TCGContext *t = s->tcg;
    TCGv_i64 addr = gen_clean_addr(s, a->rn, 0);
    unsigned rt = a->rt & 31, rt2 = a->rt2 & 31;

    if (!(a->rt & 32)) {
        TCGv_i64 val = tcg_temp_new_i64(t);

        tcg_gen_qemu_ld_i64(t, val, addr, s->mmu_idx,
                            aligned_memop(s, MO_64));
        tcg_gen_mov_i64(t, s->g->excl_addr, addr);
        tcg_gen_mov_i64(t, s->g->excl_val, val);
        gen_split_w(s, val, rt, rt2);
        tcg_temp_free_i64(t, val);
    } else {
        gen_helper_call(s, &arm_helper_ldxp, 0, 2, tcgv_i64_arg(addr),
                        tcgv_i32_arg(ldst_desc(s, gen_data_memop(s, MO_64),
                                               0)));
        gen_set_reg(s, rt, s->g->excl_val, true);
        gen_set_reg(s, rt2, s->g->excl_high, true);
    }
    tcg_temp_free_i64(t, addr);
    if (acquire) {
        gen_acquire(s);
    }
    return true;
}

static bool trans_LDXP(DisasContext *s, arg_ls_x *a)
{
    return do_ldxp(s, a, false);
}

static bool trans_LDAXP(DisasContext *s, arg_ls_x *a)
{
    return do_ldxp(s, a, true);
}

static bool do_stxp(DisasContext *s, arg_ls_x *a, bool release)
{
    TCGContext *t = s->tcg;
    TCGv_i64 addr = gen_clean_addr(s, a->rn, 0);
    TCGv_i64 r1 = cpu_reg(s, a->rt & 31), r2 = cpu_reg(s, a->rt2 & 31);
    TCGv_i64 status;

    if (!(a->rt & 32)) {
        TCGv_i64 both = gen_concat_w(s, r1, r2);

        gen_stxr_call(s, a->rs, addr, both, MO_64, release);
        tcg_temp_free_i64(t, both);
        tcg_temp_free_i64(t, addr);
        return true;
    }
    if (release) {
        gen_release(s);
    }
    status = tcg_temp_new_i64(t);
    gen_helper_call(s, &arm_helper_stxp, tcgv_i64_arg(status), 4,
                    tcgv_i64_arg(addr), tcgv_i64_arg(r1), tcgv_i64_arg(r2),
                    tcgv_i32_arg(ldst_desc(s, gen_data_memop(s, MO_64), 0)));
    gen_set_reg(s, a->rs, status, false);
    tcg_temp_free_i64(t, status);
    tcg_temp_free_i64(t, addr);
    return true;
}

static bool trans_STXP(DisasContext *s, arg_ls_x *a)
{
    return do_stxp(s, a, false);
}

static bool trans_STLXP(DisasContext *s, arg_ls_x *a)
{
    return do_stxp(s, a, true);
}

/* ------------------------------------------------------------------ */
/* Load-acquire, store-release (B2.3)                                    */

/* FEAT_LOR (LDLAR/STLLR): ID_AA64MMFR1_EL1.LO, bits 19:16. */
static bool have_lor(DisasContext *s)
{
    const ARMCPUModel *m = s->env->model;

    return m && extract64(m->id_aa64mmfr1, 16, 4) >= 1;
}

/* FEAT_LRCPC2 (LDAPUR/STLUR): ID_AA64ISAR1_EL1.LRCPC, bits 23:20, >= 2. */
static bool have_lrcpc2(DisasContext *s)
{
    const ARMCPUModel *m = s->env->model;

    return m && extract64(m->id_aa64isar1, 20, 4) >= 2;
}

/*
 * An ordered load (@opc 1..3 as in the load/store register class) or
 * store (@opc 0) of 2^@size bytes at X@rn + @offset; naturally aligned.
 */
static void gen_ordered(DisasContext *s, MemOp size, unsigned opc,
                        unsigned rt, unsigned rn, int64_t offset)
{
    TCGContext *t = s->tcg;
    TCGv_i64 addr = gen_clean_addr(s, rn, offset);
    TCGv_i64 val;

    if (opc == 0) {
        gen_release(s);
        tcg_gen_qemu_st_i64(t, cpu_reg(s, rt & 31), addr, s->mmu_idx,
                            aligned_memop(s, size));
        tcg_temp_free_i64(t, addr);
        return;
    }
    val = tcg_temp_new_i64(t);
    tcg_gen_qemu_ld_i64(t, val, addr, s->mmu_idx,
                        aligned_memop(s, size | (opc >= 2 ? MO_SIGN : 0)));
    if (opc == 3) {
        tcg_gen_ext32u_i64(t, val, val);
    }
    gen_set_reg(s, rt & 31, val, true);
    tcg_temp_free_i64(t, val);
    tcg_temp_free_i64(t, addr);
    gen_acquire(s);
}

static bool trans_LDAR(DisasContext *s, arg_ls_x *a)
{
    gen_ordered(s, a->sz, 1, a->rt, a->rn, 0);
    return true;
}

static bool trans_STLR(DisasContext *s, arg_ls_x *a)
{
    gen_ordered(s, a->sz, 0, a->rt, a->rn, 0);
    return true;
}

/* LDLAR/STLLR: LORegions are not implemented, so they act as LDAR/STLR. */
static bool trans_LDLAR(DisasContext *s, arg_ls_x *a)
{
    return have_lor(s) && trans_LDAR(s, a);
}

static bool trans_STLLR(DisasContext *s, arg_ls_x *a)
{
    return have_lor(s) && trans_STLR(s, a);
}

/* LDAPR (FEAT_LRCPC): acquire, RCpc. */
static bool trans_LDAPR(DisasContext *s, arg_ls_a *a)
{
    if (!(s->features & ARM_FEAT_LRCPC)) {
        return false;
    }
    gen_ordered(s, a->sz, 1, a->rt, a->rn, 0);
    return true;
}

/* LDAPUR, LDAPURSB/SH/SW, STLUR (FEAT_LRCPC2): op = size << 2 | opc. */
static bool trans_LDAPUR_STLUR(DisasContext *s, arg_ls_i *a)
{
    if (!have_lrcpc2(s)) {
        return false;
    }
    gen_ordered(s, a->op >> 2, a->op & 3, a->rt, a->rn, a->imm);
    return true;
}

/* ------------------------------------------------------------------ */
/* FEAT_LSE: compare and swap, atomic memory operations                  */

static bool do_cas(DisasContext *s, arg_ls_x *a, bool acquire, bool release)
{
    TCGContext *t = s->tcg;
    TCGv_i64 addr = gen_clean_addr(s, a->rn, 0);
    TCGv_i64 old = tcg_temp_new_i64(t);

    if (release) {
        gen_release(s);
    }
    gen_helper_call(s, &arm_helper_cas, tcgv_i64_arg(old), 4,
                    tcgv_i64_arg(addr), tcgv_i64_arg(cpu_reg(s, a->rs & 31)),
                    tcgv_i64_arg(cpu_reg(s, a->rt & 31)),
                    tcgv_i32_arg(ldst_desc(s, aligned_memop(s, a->sz), 0)));
    gen_set_reg(s, a->rs & 31, old, a->sz == 3);
    tcg_temp_free_i64(t, old);
    tcg_temp_free_i64(t, addr);
    if (acquire) {
        gen_acquire(s);
    }
    return true;
}

static bool trans_CAS(DisasContext *s, arg_ls_x *a)
{
    return do_cas(s, a, false, false);
}

static bool trans_CASA(DisasContext *s, arg_ls_x *a)
{
    return do_cas(s, a, true, false);
}

static bool trans_CASL(DisasContext *s, arg_ls_x *a)
{
    return do_cas(s, a, false, true);
}

static bool trans_CASAL(DisasContext *s, arg_ls_x *a)
{
    return do_cas(s, a, true, true);
}

/*
 * CASP: <Rs, Rs+1> compared with memory, <Rt, Rt+1> stored (both even,
 * the decoder checks; Rx+1 of X30 is XZR).  W pairs are one 8-byte CAS.
 */
static bool do_casp(DisasContext *s, arg_ls_x *a, bool acquire, bool release)
{
    TCGContext *t = s->tcg;
    TCGv_i64 addr = gen_clean_addr(s, a->rn, 0);
    unsigned rs = a->rs & 31, rt = a->rt & 31;

    if (release) {
        gen_release(s);
    }
    if (!(a->rt & 32)) {
        TCGv_i64 cmp = gen_concat_w(s, cpu_reg(s, rs), cpu_reg(s, rs + 1));
        TCGv_i64 nv = gen_concat_w(s, cpu_reg(s, rt), cpu_reg(s, rt + 1));
        TCGv_i64 old = tcg_temp_new_i64(t);

        gen_helper_call(s, &arm_helper_cas, tcgv_i64_arg(old), 4,
                        tcgv_i64_arg(addr), tcgv_i64_arg(cmp),
                        tcgv_i64_arg(nv),
                        tcgv_i32_arg(ldst_desc(s, aligned_memop(s, MO_64),
                                               0)));
        gen_split_w(s, old, rs, rs + 1);
        tcg_temp_free_i64(t, old);
        tcg_temp_free_i64(t, nv);
        tcg_temp_free_i64(t, cmp);
    } else {
        gen_helper_call(s, &arm_helper_casp, 0, 2, tcgv_i64_arg(addr),
                        tcgv_i32_arg(ldst_desc(s, gen_data_memop(s, MO_64),
                                               rs | rt << 8)));
    }
    tcg_temp_free_i64(t, addr);
    if (acquire) {
        gen_acquire(s);
    }
    return true;
}

static bool trans_CASP(DisasContext *s, arg_ls_x *a)
{
    return do_casp(s, a, false, false);
}

static bool trans_CASPA(DisasContext *s, arg_ls_x *a)
{
    return do_casp(s, a, true, false);
}

static bool trans_CASPL(DisasContext *s, arg_ls_x *a)
{
    return do_casp(s, a, false, true);
}

static bool trans_CASPAL(DisasContext *s, arg_ls_x *a)
{
    return do_casp(s, a, true, true);
}

/*
 * LD<op>, ST<op> (LD<op> to XZR) and SWP: memory = op(memory, Rs), Rt =
 * the old value.  ar = A:R (acquire, release).
 */
static void gen_atomic_op(DisasContext *s, arg_ls_a *a, AtomicRMWOp aop,
                          bool invert)
{
    TCGContext *t = s->tcg;
    TCGv_i64 addr = gen_clean_addr(s, a->rn, 0);
    TCGv_i64 val = cpu_reg(s, a->rs & 31);
    TCGv_i64 old = tcg_temp_new_i64(t);
    TCGv_i64 inv = NULL;

    if (invert) {
        inv = tcg_temp_new_i64(t);
        tcg_gen_not_i64(t, inv, val);
        val = inv;
    }
    if (a->ar & 1) {
        gen_release(s);
    }
    gen_helper_call(s, &arm_helper_atomic, tcgv_i64_arg(old), 3,
                    tcgv_i64_arg(addr), tcgv_i64_arg(val),
                    tcgv_i32_arg(ldst_desc(s, aligned_memop(s, a->sz), aop)));
    gen_set_reg(s, a->rt & 31, old, true);
    tcg_temp_free_i64(t, old);
    tcg_temp_free_i64(t, addr);
    if (inv) {
        tcg_temp_free_i64(t, inv);
    }
    if (a->ar & 2) {
        gen_acquire(s);
    }
}

/* opc (bits 14:12): ADD, CLR, EOR, SET, SMAX, SMIN, UMAX, UMIN. */
static bool trans_LD_op(DisasContext *s, arg_ls_a *a)
{
    static const AtomicRMWOp rmw[8] = {
        ATOMIC_RMW_ADD, ATOMIC_RMW_AND, ATOMIC_RMW_XOR, ATOMIC_RMW_OR,
        ATOMIC_RMW_SMAX, ATOMIC_RMW_SMIN, ATOMIC_RMW_UMAX, ATOMIC_RMW_UMIN,
    };

    /* LDCLR: memory AND NOT(Rs) */
    gen_atomic_op(s, a, rmw[a->op & 7], (a->op & 7) == 1);
    return true;
}

static bool trans_ST_op(DisasContext *s, arg_ls_a *a)
{
    return trans_LD_op(s, a);
}

static bool trans_SWP(DisasContext *s, arg_ls_a *a)
{
    gen_atomic_op(s, a, ATOMIC_RMW_XCHG, false);
    return true;
}

/* ------------------------------------------------------------------ */
/* FEAT_PAuth loads: not implemented (issue 4 has no pointer auth).      */

static bool trans_LDRAA(DisasContext *s, arg_LDRAA *a)
{
    return false;
}

static bool trans_LDRAA_pre(DisasContext *s, arg_LDRAA_pre *a)
{
    return false;
}

static bool trans_LDRAB(DisasContext *s, arg_LDRAB *a)
{
    return false;
}

static bool trans_LDRAB_pre(DisasContext *s, arg_LDRAB_pre *a)
{
    return false;
}

bool a64_translate_ldst(DisasContext *s, uint32_t insn)
{
    return decode_a64_ldst(s, insn);
}
