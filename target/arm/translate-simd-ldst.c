/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A64 SIMD&FP loads and stores, one trans_ function per pattern of
 * a64-simdls.isa (op0 = x1x0 with V = 1, the words translate-ldst.c
 * rejects): LDR/STR of B, H, S, D and Q registers in every addressing
 * form, LDR (literal), LDP/STP/LDNP/STNP, LD1-LD4/ST1-ST4 (multiple and
 * single structures, post-index by immediate or register) and
 * LD1R-LD4R.
 *
 * Invariants: the access check (a64_fp_access_check) comes after the
 * decoding checks and before any code; loads finish every access before
 * writing a register, so a fault leaves the destinations and the base
 * unchanged.  Addresses are cleaned of their TBI tag for the access;
 * writeback keeps the tagged value (as translate-ldst.c does).  A Q
 * access is two 8-byte accesses, the more significant half first in
 * memory for big-endian data; with SCTLR.A it must be 16-byte aligned.
 * Spec: Arm ARM DDI 0487, C3.3 (SIMD&FP loads and stores), C7.2 (the
 * pseudocode of LDR .. ST4), D8.8 (TBI).
 */
#include "translate-simd.h"

#include "decode-a64-simdls.c.inc"

/* ------------------------------------------------------------------ */
/* Addresses                                                            */

/* @a = @va with the tag byte replaced by bit 55's copies where TBI. */
static void gen_clean(DisasContext *s, TCGv_i64 a, TCGv_i64 va)
{
    TCGContext *t = s->tcg;
    TCGv_i64 c;

    if (!s->tbi0 && !s->tbi1) {
        tcg_gen_mov_i64(t, a, va);
        return;
    }
    c = tcg_temp_new_i64(t);
    tcg_gen_sextract_i64(t, c, va, 0, 56);
    if (s->tbi0 && s->tbi1) {
        tcg_gen_mov_i64(t, a, c);
    } else {
        tcg_gen_movcond_i64(t, TCG_COND_TSTNE, a, va,
                            tcg_constant_i64(t, INT64_C(1) << 55),
                            s->tbi1 ? c : va, s->tbi0 ? c : va);
    }
    tcg_temp_free_i64(t, c);
}

/* A new temp: the clean address of @va + @off. */
static TCGv_i64 clean_at(DisasContext *s, TCGv_i64 va, int64_t off)
{
    TCGv_i64 a = tcg_temp_new_i64(s->tcg);

    tcg_gen_addi_i64(s->tcg, a, va, off);
    gen_clean(s, a, a);
    return a;
}

/*
 * One SIMD&FP register access of 2^@scale bytes (0..4) at @va: a load
 * leaves the value(s) in @lo/@hi (hi only for 16 bytes), a store takes
 * them.  16-byte accesses are two 8-byte ones, the most significant
 * half first in memory when the data is big-endian.
 */
static void gen_vmem(DisasContext *s, TCGv_i64 va, unsigned scale, bool ld,
                     TCGv_i64 lo, TCGv_i64 hi)
{
    TCGContext *t = s->tcg;
    TCGv_i64 a0 = clean_at(s, va, 0);

    if (scale < 4) {
        MemOp op = gen_data_memop(s, scale);

        if (ld) {
            tcg_gen_qemu_ld_i64(t, lo, a0, s->mmu_idx, op);
        } else {
            tcg_gen_qemu_st_i64(t, lo, a0, s->mmu_idx, op);
        }
    } else {
        TCGv_i64 a1 = clean_at(s, va, 8);
        TCGv_i64 first = s->be_data ? hi : lo, second = s->be_data ? lo : hi;
        MemOp op0 = gen_data_memop(s, MO_64 | (s->align ? MO_ALIGN_16 : 0));
        MemOp op1 = gen_data_memop(s, MO_64);

        if (ld) {
            tcg_gen_qemu_ld_i64(t, first, a0, s->mmu_idx, op0);
            tcg_gen_qemu_ld_i64(t, second, a1, s->mmu_idx, op1);
        } else {
            tcg_gen_qemu_st_i64(t, first, a0, s->mmu_idx, op0);
            tcg_gen_qemu_st_i64(t, second, a1, s->mmu_idx, op1);
        }
        tcg_temp_free_i64(t, a1);
    }
    tcg_temp_free_i64(t, a0);
}

/* Load V@rt (scalar of 2^@scale bytes, rest zeroed) or store it. */
typedef struct VVal {
    TCGv_i64 lo, hi;
} VVal;

static VVal vval_for_store(DisasContext *s, unsigned rt, unsigned scale)
{
    VVal v = { a64_read_fp(s, rt, scale < 4 ? scale : 3), NULL };

    if (scale == 4) {
        v.hi = a64_read_vreg(s, rt, 1);
    }
    return v;
}

static VVal vval_new(DisasContext *s)
{
    VVal v = { tcg_temp_new_i64(s->tcg), tcg_temp_new_i64(s->tcg) };
    return v;
}

static void vval_write(DisasContext *s, unsigned rt, unsigned scale, VVal v)
{
    if (scale == 4) {
        a64_write_vreg(s, rt, 0, v.lo);
        a64_write_vreg(s, rt, 1, v.hi);
    } else {
        a64_write_fp(s, rt, scale, v.lo);
    }
}

/* size:opc of the register forms: the access size, or false. */
static bool vls_scale(int64_t size, int64_t opc, unsigned *scale, bool *ld)
{
    if (opc & 2) {
        if (size) {
            return false;
        }
        *scale = 4;
    } else {
        *scale = size;
    }
    *ld = opc & 1;
    return true;
}

typedef enum VIndex { VIDX_OFFSET, VIDX_PRE, VIDX_POST } VIndex;

/* A single register access at X@rn (+ @off by @mode) with writeback. */
static void do_vldst(DisasContext *s, unsigned rt, unsigned rn, int64_t off,
                     VIndex mode, unsigned scale, bool ld)
{
    TCGContext *t = s->tcg;
    TCGv_i64 va = gen_mem_addr(s, rn, mode == VIDX_POST ? 0 : off);
    VVal v = ld ? vval_new(s) : vval_for_store(s, rt, scale);

    gen_vmem(s, va, scale, ld, v.lo, v.hi);
    if (mode != VIDX_OFFSET) {
        if (mode == VIDX_POST) {
            tcg_gen_addi_i64(t, va, va, off);
        }
        tcg_gen_mov_i64(t, cpu_reg_sp(s, rn), va);
    }
    if (ld) {
        vval_write(s, rt, scale, v);
    }
}

/* ------------------------------------------------------------------ */
/* Load/store register                                                  */

static bool do_vls_imm(DisasContext *s, arg_vls *a, VIndex mode, bool scaled)
{
    unsigned scale;
    bool ld;

    if (!vls_scale(a->size, a->opc, &scale, &ld)) {
        return false;
    }
    if (a64_fp_access_check(s)) {
        do_vldst(s, a->rt, a->rn, scaled ? a->imm << scale : a->imm, mode,
                 scale, ld);
    }
    return true;
}

static bool trans_VLDST_unscaled(DisasContext *s, arg_vls *a)
{
    return do_vls_imm(s, a, VIDX_OFFSET, false);
}

static bool trans_VLDST_pre(DisasContext *s, arg_vls *a)
{
    return do_vls_imm(s, a, VIDX_PRE, false);
}

static bool trans_VLDST_post(DisasContext *s, arg_vls *a)
{
    return do_vls_imm(s, a, VIDX_POST, false);
}

static bool trans_VLDST_uimm(DisasContext *s, arg_VLDST_uimm *a)
{
    arg_vls b = { a->rt, a->rn, a->imm, a->size, a->opc };

    return do_vls_imm(s, &b, VIDX_OFFSET, true);
}

/* Register offset: option 010 UXTW, 011 LSL, 110 SXTW, 111 SXTX. */
static bool trans_VLDST_reg(DisasContext *s, arg_VLDST_reg *a)
{
    TCGContext *t = s->tcg;
    unsigned scale;
    bool ld;
    TCGv_i64 off, va;
    VVal v;

    if (!vls_scale(a->size, a->opc, &scale, &ld) || !(a->opt & 2)) {
        return false;
    }
    if (!a64_fp_access_check(s)) {
        return true;
    }
    off = tcg_temp_new_i64(t);
    if (a->opt == 2) {
        tcg_gen_ext32u_i64(t, off, cpu_reg(s, a->rm));
    } else if (a->opt == 6) {
        tcg_gen_ext32s_i64(t, off, cpu_reg(s, a->rm));
    } else {
        tcg_gen_mov_i64(t, off, cpu_reg(s, a->rm));
    }
    tcg_gen_shli_i64(t, off, off, a->s ? scale : 0);
    va = tcg_temp_new_i64(t);
    tcg_gen_add_i64(t, va, cpu_reg_sp(s, a->rn), off);
    v = ld ? vval_new(s) : vval_for_store(s, a->rt, scale);
    gen_vmem(s, va, scale, ld, v.lo, v.hi);
    if (ld) {
        vval_write(s, a->rt, scale, v);
    }
    return true;
}

/* LDR (literal, SIMD&FP): opc 00 S, 01 D, 10 Q. */
static bool trans_VLDR_lit(DisasContext *s, arg_VLDR_lit *a)
{
    unsigned scale = a->opc + 2;
    TCGv_i64 va;
    VVal v;

    if (a->opc == 3) {
        return false;
    }
    if (!a64_fp_access_check(s)) {
        return true;
    }
    va = tcg_temp_new_i64(s->tcg);
    tcg_gen_movi_i64(s->tcg, va, (int64_t)(s->pc_curr + a->imm));
    v = vval_new(s);
    gen_vmem(s, va, scale, true, v.lo, v.hi);
    vval_write(s, a->rt, scale, v);
    return true;
}

/* LDP/STP/LDNP/STNP (SIMD&FP): opc 00 S, 01 D, 10 Q; imm7 scaled. */
static bool trans_VLDSTP(DisasContext *s, arg_VLDSTP *a)
{
    TCGContext *t = s->tcg;
    unsigned scale = a->opc + 2;
    int64_t off = a->imm * ((int64_t)1 << scale);
    TCGv_i64 va, va2;
    VVal v1, v2;

    if (a->opc == 3) {
        return false;
    }
    if (!a64_fp_access_check(s)) {
        return true;
    }
    va = gen_mem_addr(s, a->rn, a->idx == 1 ? 0 : off);
    va2 = tcg_temp_new_i64(t);
    tcg_gen_addi_i64(t, va2, va, 1 << scale);
    v1 = a->ld ? vval_new(s) : vval_for_store(s, a->rt, scale);
    v2 = a->ld ? vval_new(s) : vval_for_store(s, a->rt2, scale);
    gen_vmem(s, va, scale, a->ld, v1.lo, v1.hi);
    gen_vmem(s, va2, scale, a->ld, v2.lo, v2.hi);
    if (a->idx == 1 || a->idx == 3) {
        if (a->idx == 1) {
            tcg_gen_addi_i64(t, va, va, off);
        }
        tcg_gen_mov_i64(t, cpu_reg_sp(s, a->rn), va);
    }
    if (a->ld) {
        vval_write(s, a->rt, scale, v1);
        vval_write(s, a->rt2, scale, v2);
    }
    return true;
}

/* ------------------------------------------------------------------ */
/* LD1-LD4 / ST1-ST4                                                    */

/* The post-index writeback: X@rn += @imm, or += X@rm when rm != 31. */
static void gen_struct_wb(DisasContext *s, unsigned rn, unsigned rm,
                          TCGv_i64 base, int64_t imm)
{
    TCGContext *t = s->tcg;

    if (rm == 31) {
        tcg_gen_addi_i64(t, cpu_reg_sp(s, rn), base, imm);
    } else {
        tcg_gen_add_i64(t, cpu_reg_sp(s, rn), base, cpu_reg(s, rm));
    }
}

/* One element of 2^@sz bytes at @va + @off: loaded into a new temp, or
   stored from @v. */
static TCGv_i64 gen_elem_mem(DisasContext *s, TCGv_i64 va, int64_t off,
                             unsigned sz, bool ld, TCGv_i64 v)
{
    TCGv_i64 a = clean_at(s, va, off);
    MemOp op = gen_data_memop(s, sz);

    if (ld) {
        v = tcg_temp_new_i64(s->tcg);
        tcg_gen_qemu_ld_i64(s->tcg, v, a, s->mmu_idx, op);
    } else {
        tcg_gen_qemu_st_i64(s->tcg, v, a, s->mmu_idx, op);
    }
    tcg_temp_free_i64(s->tcg, a);
    return v;
}

/*
 * LD1-LD4/ST1-ST4 (multiple structures), the pseudocode's loops:
 * rpt x elements x selem accesses, structure-interleaved for selem > 1.
 * Loads gather the registers' halves in temps and write them at the end.
 * LD1/ST1 of little-endian data move 8 bytes at a time (same layout).
 */
static bool trans_VLDST_multi(DisasContext *s, arg_vlsm *a)
{
    static const int8_t rpt_of[16] = { 1, -1, 4, -1, 1, -1, 3, 1,
                                       1, -1, 2, -1, -1, -1, -1, -1 };
    static const int8_t selem_of[16] = { 4, 0, 1, 0, 3, 0, 1, 1,
                                         2, 0, 1, 0, 0, 0, 0, 0 };
    TCGContext *t = s->tcg;
    int rpt = rpt_of[a->op], selem = selem_of[a->op];
    unsigned sz = a->size, nregs, elements;
    TCGv_i64 half[4][2], va;
    int64_t off = 0;

    if (rpt < 0 || (sz == 3 && !a->q && selem > 1)) {
        return false;
    }
    if (!a64_fp_access_check(s)) {
        return true;
    }
    if (selem == 1 && !s->be_data) {
        sz = 3;                         /* same bytes, fewer accesses */
    }
    nregs = rpt * selem;
    elements = (a->q ? 16u : 8u) >> sz;
    for (unsigned r = 0; r < nregs; r++) {
        for (unsigned h = 0; h < 2; h++) {
            half[r][h] = a->ld ? tcg_temp_new_i64(t)
                               : a64_read_vreg(s, a->rt + r, h);
            if (a->ld) {
                tcg_gen_movi_i64(t, half[r][h], 0);
            }
        }
    }
    va = gen_mem_addr(s, a->rn, 0);
    for (int r = 0; r < rpt; r++) {
        for (unsigned e = 0; e < elements; e++) {
            for (int k = 0; k < selem; k++) {
                unsigned reg = r + k, bit = e << (sz + 3);
                TCGv_i64 h = half[reg][bit >> 6], v;

                if (a->ld) {
                    v = gen_elem_mem(s, va, off, sz, true, NULL);
                    tcg_gen_deposit_i64(t, h, h, v, bit & 63, 8u << sz);
                } else {
                    v = tcg_temp_new_i64(t);
                    tcg_gen_extract_i64(t, v, h, bit & 63, 8u << sz);
                    gen_elem_mem(s, va, off, sz, false, v);
                }
                tcg_temp_free_i64(t, v);
                off += 1 << sz;
            }
        }
    }
    if (a->post) {
        gen_struct_wb(s, a->rn, a->rm, va, off);
    }
    for (unsigned r = 0; a->ld && r < nregs; r++) {
        a64_write_vreg(s, a->rt + r, 0, half[r][0]);
        a64_write_vreg(s, a->rt + r, 1, half[r][1]);
    }
    return true;
}

/*
 * LD1-LD4/ST1-ST4 (single structure) and LD1R-LD4R: scale from
 * opcode<2:1>, selem = opcode<0>:R + 1; the lane index from Q:S:size.
 */
static bool trans_VLDST_single(DisasContext *s, arg_vlss *a)
{
    TCGContext *t = s->tcg;
    unsigned scale = a->op >> 1, selem = ((a->op & 1) << 1 | a->r) + 1;
    unsigned index = 0;
    bool replicate = false;
    TCGv_i64 va, v[4];

    switch (scale) {
    case 3:
        if (!a->ld || a->s) {
            return false;
        }
        scale = a->size;
        replicate = true;
        break;
    case 0:
        index = a->q << 3 | a->s << 2 | a->size;
        break;
    case 1:
        if (a->size & 1) {
            return false;
        }
        index = a->q << 2 | a->s << 1 | a->size >> 1;
        break;
    default:
        if (a->size & 2 || (a->size == 1 && a->s)) {
            return false;
        }
        if (a->size == 1) {
            scale = 3;
            index = a->q;
        } else {
            index = a->q << 1 | a->s;
        }
        break;
    }
    if (!a64_fp_access_check(s)) {
        return true;
    }
    va = gen_mem_addr(s, a->rn, 0);
    for (unsigned k = 0; k < selem; k++) {
        TCGv_i64 e = a->ld ? NULL : a64_read_elem(s, a->rt + k, index,
                                                  scale, false);
        v[k] = gen_elem_mem(s, va, k << scale, scale, a->ld, e);
    }
    if (a->post) {
        gen_struct_wb(s, a->rn, a->rm, va, selem << scale);
    }
    for (unsigned k = 0; a->ld && k < selem; k++) {
        if (replicate) {
            a64_gen_dup(s, a->rt + k, scale, a->q, v[k]);
        } else {
            a64_write_elem(s, a->rt + k, index, scale, v[k]);
        }
    }
    tcg_temp_free_i64(t, va);
    return true;
}

bool a64_translate_simdls(DisasContext *s, uint32_t insn)
{
    return decode_a64_simdls(s, insn);
}
