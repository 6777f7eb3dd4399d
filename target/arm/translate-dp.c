/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A64 data processing, immediate (op0 = 100x) and register (op0 = x101):
 * one trans_ function per pattern of a64-dpimm.isa and a64-dpreg.isa.
 * Aliases (MOV, CMP, LSL, SXTB, CSET, ...) call the code of their base
 * instruction with the operands the decoder extracted.
 *
 * Invariants: everything is plain IR except CRC32 (helper-dp.c).  Register
 * members carrying the sf bit as bit 5 (sRd, sRn, ...) select the width;
 * a W result is zero-extended into X (or SP), W shift counts are taken
 * mod 32 and W flags are computed on 32 bits (translate.c's flag
 * helpers).  Results are computed into temps and written last, so a
 * destination may equal a source.  Register 31 reads as a constant zero
 * (never written through) where it means XZR.
 * Spec: Arm ARM DDI 0487, C4.1.86 and C4.1.89 (encodings), C6.2 (each
 * instruction's pseudocode: AddWithCarry, DecodeBitMasks, ShiftReg,
 * ExtendReg, ConditionHolds).
 */
#include "translate.h"
#include "helper-dp.h"
#include "util/log.h"
#include "decode-a64-dp.c.inc"

bool a64_translate_dpimm(DisasContext *s, uint32_t insn)
{
    return decode_a64_dpimm(s, insn);
}

bool a64_translate_dpreg(DisasContext *s, uint32_t insn)
{
    return decode_a64_dpreg(s, insn);
}

/*
 * One trans_ function per pattern: TRANS binds a pattern to a shared
 * generator with fixed extra arguments, TRANS_ALIAS an alias to the
 * trans_ function of its base instruction.
 */
#define TRANS(NAME, ARG, FUNC, ...)                                   \
    static bool trans_##NAME(DisasContext *s, ARG *a)                 \
    {                                                                 \
        return FUNC(s, a, __VA_ARGS__);                               \
    }
#define TRANS_ALIAS(NAME, ARG, BASE)                                  \
    static bool trans_##NAME(DisasContext *s, ARG *a)                 \
    {                                                                 \
        return trans_##BASE(s, a);                                    \
    }

/* ------------------------------------------------------------------ */
/* Operands                                                             */

/* The sf bit (64-bit operation) carried as bit 5 of an sRx member. */
static bool is_sf(int64_t sreg)
{
    return (sreg >> 5) & 1;
}

static unsigned regno(int64_t sreg)
{
    return sreg & 31;
}

static TCGv_i64 new_tmp(DisasContext *s)
{
    return tcg_temp_new_i64(s->tcg);
}

static void free_tmp(DisasContext *s, TCGv_i64 v)
{
    tcg_temp_free_i64(s->tcg, v);
}

/* X@reg as a source, 31 = XZR (a shared constant: never write to it). */
static TCGv_i64 read_xzr(DisasContext *s, int64_t sreg)
{
    unsigned r = regno(sreg);

    return r == 31 ? tcg_constant_i64(s->tcg, 0) : s->g->x[r];
}

/* X@reg as a source, 31 = SP. */
static TCGv_i64 read_sp(DisasContext *s, int64_t sreg)
{
    return cpu_reg_sp(s, regno(sreg));
}

/* Write @v to X@reg (31 = XZR: discarded), zero-extended unless @sf. */
static void write_xzr(DisasContext *s, int64_t sreg, TCGv_i64 v, bool sf)
{
    gen_set_reg(s, regno(sreg), v, sf);
}

/* Write @v to X@reg (31 = SP), zero-extended unless @sf. */
static void write_sp(DisasContext *s, int64_t sreg, TCGv_i64 v, bool sf)
{
    TCGv_i64 d = cpu_reg_sp(s, regno(sreg));

    if (sf) {
        tcg_gen_mov_i64(s->tcg, d, v);
    } else {
        tcg_gen_ext32u_i64(s->tcg, d, v);
    }
}

/*
 * ShiftReg(): @dst = @src shifted by @amount (< datasize) of @type (0 LSL,
 * 1 LSR, 2 ASR, 3 ROR) on 32 or 64 bits.  For W, only the low 32 bits of
 * @dst are meaningful.
 */
static void gen_shift_imm(DisasContext *s, TCGv_i64 dst, TCGv_i64 src,
                          bool sf, unsigned type, unsigned amount)
{
    TCGContext *t = s->tcg;

    switch (type) {
    case 0:
        tcg_gen_shli_i64(t, dst, src, amount);
        break;
    case 1:
        if (sf) {
            tcg_gen_shri_i64(t, dst, src, amount);
        } else {
            tcg_gen_ext32u_i64(t, dst, src);
            tcg_gen_shri_i64(t, dst, dst, amount);
        }
        break;
    case 2:
        if (sf) {
            tcg_gen_sari_i64(t, dst, src, amount);
        } else {
            tcg_gen_ext32s_i64(t, dst, src);
            tcg_gen_sari_i64(t, dst, dst, amount);
        }
        break;
    default:
        if (sf) {
            tcg_gen_rotri_i64(t, dst, src, amount);
        } else {
            TCGv_i32 w = tcg_temp_new_i32(t);

            tcg_gen_extrl_i64_i32(t, w, src);
            tcg_gen_rotri_i32(t, w, w, amount);
            tcg_gen_extu_i32_i64(t, dst, w);
            tcg_temp_free_i32(t, w);
        }
        break;
    }
}

/* The shifted-register operand: Rm shifted per the decoded shift field. */
static TCGv_i64 shifted_rm(DisasContext *s, int64_t rm, int64_t shift)
{
    TCGv_i64 v = new_tmp(s);

    gen_shift_imm(s, v, read_xzr(s, rm), is_sf(rm), (shift >> 6) & 3,
                  shift & 63);
    return v;
}

/*
 * ExtendReg(): the extended-register operand, option (bits 5:3 of @ext:
 * UXTB, UXTH, UXTW, UXTX, SXTB, SXTH, SXTW, SXTX) then LSL by imm3
 * (bits 2:0, at most 4).
 */
static TCGv_i64 extended_rm(DisasContext *s, int64_t rm, int64_t ext)
{
    TCGContext *t = s->tcg;
    TCGv_i64 v = new_tmp(s);
    TCGv_i64 src = read_xzr(s, rm);

    switch ((ext >> 3) & 7) {
    case 0: tcg_gen_ext8u_i64(t, v, src); break;
    case 1: tcg_gen_ext16u_i64(t, v, src); break;
    case 2: tcg_gen_ext32u_i64(t, v, src); break;
    case 4: tcg_gen_ext8s_i64(t, v, src); break;
    case 5: tcg_gen_ext16s_i64(t, v, src); break;
    case 6: tcg_gen_ext32s_i64(t, v, src); break;
    default: tcg_gen_mov_i64(t, v, src); break;
    }
    tcg_gen_shli_i64(t, v, v, ext & 7);
    return v;
}

/* ------------------------------------------------------------------ */
/* Add/subtract (shared by the immediate, shifted and extended forms)   */

/*
 * Rd = Rn +/- @op2; with @set_flags NZCV from AddWithCarry.  @rd_sp /
 * @rn_sp: register 31 is SP rather than XZR for that operand.
 */
static void gen_addsub(DisasContext *s, int64_t rd, int64_t rn,
                       TCGv_i64 op2, bool sub, bool set_flags, bool rd_sp,
                       bool rn_sp)
{
    bool sf = is_sf(rd);
    TCGv_i64 a = rn_sp ? read_sp(s, rn) : read_xzr(s, rn);
    TCGv_i64 res = new_tmp(s);

    if (set_flags) {
        if (sub) {
            gen_sub_flags(s, res, a, op2, sf, false);
        } else {
            gen_add_flags(s, res, a, op2, sf, false);
        }
    } else if (sub) {
        tcg_gen_sub_i64(s->tcg, res, a, op2);
    } else {
        tcg_gen_add_i64(s->tcg, res, a, op2);
    }
    if (rd_sp) {
        write_sp(s, rd, res, sf);
    } else {
        write_xzr(s, rd, res, sf);
    }
    free_tmp(s, res);
}

/* ------------------------------------------------------------------ */
/* PC-relative addressing                                               */

static bool trans_ADR(DisasContext *s, arg_ADR *a)
{
    TCGv_i64 v = tcg_constant_i64(s->tcg, (int64_t)(s->pc_curr + a->imm));

    write_xzr(s, a->rd, v, true);
    return true;
}

static bool trans_ADRP(DisasContext *s, arg_ADRP *a)
{
    uint64_t base = s->pc_curr & ~(uint64_t)0xfff;

    write_xzr(s, a->rd, tcg_constant_i64(s->tcg, (int64_t)(base + a->imm)),
              true);
    return true;
}

/* ------------------------------------------------------------------ */
/* Add/subtract (immediate)                                             */

static bool gen_addsub_i(DisasContext *s, arg_addsub_i *a, bool sub,
                         bool set_flags)
{
    TCGv_i64 imm = tcg_constant_i64(s->tcg, a->imm << (a->sh ? 12 : 0));

    gen_addsub(s, a->rd, a->rn, imm, sub, set_flags, !set_flags, true);
    return true;
}

TRANS(ADD_i, arg_addsub_i, gen_addsub_i, false, false)
TRANS_ALIAS(MOV_sp, arg_addsub_i, ADD_i)
TRANS(ADDS_i, arg_addsub_i, gen_addsub_i, false, true)
TRANS_ALIAS(CMN_i, arg_addsub_i, ADDS_i)
TRANS(SUB_i, arg_addsub_i, gen_addsub_i, true, false)
TRANS(SUBS_i, arg_addsub_i, gen_addsub_i, true, true)
TRANS_ALIAS(CMP_i, arg_addsub_i, SUBS_i)

/* ------------------------------------------------------------------ */
/* Logical (immediate)                                                  */

typedef enum LogicOp { LOGIC_AND, LOGIC_ORR, LOGIC_EOR } LogicOp;

static bool gen_logic_i(DisasContext *s, arg_logic_i *a, LogicOp op,
                        bool set_flags)
{
    TCGContext *t = s->tcg;
    bool sf = is_sf(a->rd);
    TCGv_i64 res = new_tmp(s);
    TCGv_i64 rn = read_xzr(s, a->rn);

    switch (op) {
    case LOGIC_AND: tcg_gen_andi_i64(t, res, rn, a->imm); break;
    case LOGIC_ORR: tcg_gen_ori_i64(t, res, rn, a->imm); break;
    case LOGIC_EOR: tcg_gen_xori_i64(t, res, rn, a->imm); break;
    }
    if (set_flags) {
        gen_logic_flags(s, res, sf);
        write_xzr(s, a->rd, res, sf);
    } else {
        write_sp(s, a->rd, res, sf);
    }
    free_tmp(s, res);
    return true;
}

TRANS(AND_i, arg_logic_i, gen_logic_i, LOGIC_AND, false)
TRANS(ORR_i, arg_logic_i, gen_logic_i, LOGIC_ORR, false)
TRANS_ALIAS(MOV_bi, arg_logic_i, ORR_i)
TRANS(EOR_i, arg_logic_i, gen_logic_i, LOGIC_EOR, false)
TRANS(ANDS_i, arg_logic_i, gen_logic_i, LOGIC_AND, true)
TRANS_ALIAS(TST_i, arg_logic_i, ANDS_i)

/* ------------------------------------------------------------------ */
/* Move wide (immediate)                                                */

/* MOVZ/MOVN: the decoder computed the value (sign-extended for W). */
static bool trans_MOVZ(DisasContext *s, arg_movw *a)
{
    write_xzr(s, a->rd, tcg_constant_i64(s->tcg, a->val), is_sf(a->rd));
    return true;
}

TRANS_ALIAS(MOV_z, arg_movw, MOVZ)
TRANS_ALIAS(MOVN, arg_movw, MOVZ)
TRANS_ALIAS(MOV_n, arg_movw, MOVZ)

static bool trans_MOVK(DisasContext *s, arg_movw *a)
{
    TCGv_i64 res = new_tmp(s);

    tcg_gen_deposit_i64(s->tcg, res, read_xzr(s, a->rd),
                        tcg_constant_i64(s->tcg, a->imm), a->hw * 16, 16);
    write_xzr(s, a->rd, res, is_sf(a->rd));
    free_tmp(s, res);
    return true;
}

/* ------------------------------------------------------------------ */
/* Bitfield                                                             */

typedef enum BfmOp { BFM_SIGNED, BFM_INSERT, BFM_UNSIGNED } BfmOp;

/*
 * SBFM, BFM, UBFM with R = immr, S = imms.  S >= R extracts bits S:R to
 * the bottom; S < R moves bits S:0 to bit (datasize - R).  SBFM
 * sign-extends from the top of the field, UBFM zero-fills, BFM keeps the
 * other bits of Rd.  The table rejects R or S >= 32 for W.
 */
static bool gen_bfm(DisasContext *s, arg_bfm *a, BfmOp op)
{
    TCGContext *t = s->tcg;
    bool sf = is_sf(a->rd);
    unsigned size = sf ? 64 : 32;
    unsigned r = a->immr, imms = a->imms;
    TCGv_i64 src = read_xzr(s, a->rn);
    TCGv_i64 res = new_tmp(s);
    unsigned pos, len;

    if (imms >= r) {
        pos = 0;
        len = imms - r + 1;
    } else {
        pos = size - r;
        len = imms + 1;
    }
    switch (op) {
    case BFM_SIGNED:
        tcg_gen_sextract_i64(t, res, src, imms >= r ? r : 0, len);
        tcg_gen_shli_i64(t, res, res, pos);
        break;
    case BFM_UNSIGNED:
        tcg_gen_extract_i64(t, res, src, imms >= r ? r : 0, len);
        tcg_gen_shli_i64(t, res, res, pos);
        break;
    case BFM_INSERT:
        if (imms >= r) {
            tcg_gen_shri_i64(t, res, src, r);
            tcg_gen_deposit_i64(t, res, read_xzr(s, a->rd), res, 0, len);
        } else {
            tcg_gen_deposit_i64(t, res, read_xzr(s, a->rd), src, pos, len);
        }
        break;
    }
    write_xzr(s, a->rd, res, sf);
    free_tmp(s, res);
    return true;
}

TRANS(SBFX, arg_bfm, gen_bfm, BFM_SIGNED)
TRANS(SBFIZ, arg_bfm, gen_bfm, BFM_SIGNED)
TRANS(ASR_i, arg_bfm, gen_bfm, BFM_SIGNED)
TRANS(SXTB, arg_bfm, gen_bfm, BFM_SIGNED)
TRANS(SXTH, arg_bfm, gen_bfm, BFM_SIGNED)
TRANS(SXTW, arg_bfm, gen_bfm, BFM_SIGNED)
TRANS(BFXIL, arg_bfm, gen_bfm, BFM_INSERT)
TRANS(BFI, arg_bfm, gen_bfm, BFM_INSERT)
TRANS(BFC, arg_bfm, gen_bfm, BFM_INSERT)
TRANS(UBFX, arg_bfm, gen_bfm, BFM_UNSIGNED)
TRANS(UBFIZ, arg_bfm, gen_bfm, BFM_UNSIGNED)
TRANS(LSL_i, arg_bfm, gen_bfm, BFM_UNSIGNED)
TRANS(LSR_i, arg_bfm, gen_bfm, BFM_UNSIGNED)
TRANS(UXTB, arg_bfm, gen_bfm, BFM_UNSIGNED)
TRANS(UXTH, arg_bfm, gen_bfm, BFM_UNSIGNED)

/* ------------------------------------------------------------------ */
/* Extract                                                              */

/* EXTR: bits (lsb + datasize - 1):lsb of Rn:Rm. */
static bool trans_EXTR(DisasContext *s, arg_extr *a)
{
    TCGContext *t = s->tcg;
    bool sf = is_sf(a->rd);
    TCGv_i64 rn = read_xzr(s, a->rn), rm = read_xzr(s, a->rm);
    TCGv_i64 res = new_tmp(s);

    if (sf) {
        if (a->imm == 0) {
            tcg_gen_mov_i64(t, res, rm);
        } else {
            TCGv_i64 hi = new_tmp(s);

            tcg_gen_shri_i64(t, res, rm, a->imm);
            tcg_gen_shli_i64(t, hi, rn, 64 - a->imm);
            tcg_gen_or_i64(t, res, res, hi);
            free_tmp(s, hi);
        }
    } else {
        /* Wn:Wm as one 64-bit value, shifted right by lsb (< 32) */
        tcg_gen_ext32u_i64(t, res, rm);
        tcg_gen_deposit_i64(t, res, res, rn, 32, 32);
        tcg_gen_shri_i64(t, res, res, a->imm);
    }
    write_xzr(s, a->rd, res, sf);
    free_tmp(s, res);
    return true;
}

TRANS_ALIAS(ROR_i, arg_extr, EXTR)

/* ------------------------------------------------------------------ */
/* Logical (shifted register)                                           */

typedef enum LogicRegOp {
    LR_AND, LR_BIC, LR_ORR, LR_ORN, LR_EOR, LR_EON,
} LogicRegOp;

static bool gen_logic_r(DisasContext *s, arg_rrr_sh *a, LogicRegOp op,
                        bool set_flags)
{
    TCGContext *t = s->tcg;
    bool sf = is_sf(a->rd);
    TCGv_i64 op2 = shifted_rm(s, a->rm, a->shift);
    TCGv_i64 rn = read_xzr(s, a->rn);

    switch (op) {
    case LR_AND: tcg_gen_and_i64(t, op2, rn, op2); break;
    case LR_BIC: tcg_gen_andc_i64(t, op2, rn, op2); break;
    case LR_ORR: tcg_gen_or_i64(t, op2, rn, op2); break;
    case LR_ORN: tcg_gen_orc_i64(t, op2, rn, op2); break;
    case LR_EOR: tcg_gen_xor_i64(t, op2, rn, op2); break;
    case LR_EON: tcg_gen_eqv_i64(t, op2, rn, op2); break;
    }
    if (set_flags) {
        gen_logic_flags(s, op2, sf);
    }
    write_xzr(s, a->rd, op2, sf);
    free_tmp(s, op2);
    return true;
}

TRANS(AND_r, arg_rrr_sh, gen_logic_r, LR_AND, false)
TRANS(BIC_r, arg_rrr_sh, gen_logic_r, LR_BIC, false)
TRANS(ORR_r, arg_rrr_sh, gen_logic_r, LR_ORR, false)
TRANS_ALIAS(MOV_r, arg_rrr_sh, ORR_r)
TRANS(ORN, arg_rrr_sh, gen_logic_r, LR_ORN, false)
TRANS_ALIAS(MVN, arg_rrr_sh, ORN)
TRANS(EOR_r, arg_rrr_sh, gen_logic_r, LR_EOR, false)
TRANS(EON, arg_rrr_sh, gen_logic_r, LR_EON, false)
TRANS(ANDS_r, arg_rrr_sh, gen_logic_r, LR_AND, true)
TRANS_ALIAS(TST_r, arg_rrr_sh, ANDS_r)
TRANS(BICS, arg_rrr_sh, gen_logic_r, LR_BIC, true)

/* ------------------------------------------------------------------ */
/* Add/subtract (shifted register)                                      */

static bool gen_addsub_r(DisasContext *s, arg_rrr_sh *a, bool sub,
                         bool set_flags)
{
    TCGv_i64 op2 = shifted_rm(s, a->rm, a->shift);

    gen_addsub(s, a->rd, a->rn, op2, sub, set_flags, false, false);
    free_tmp(s, op2);
    return true;
}

TRANS(ADD_r, arg_rrr_sh, gen_addsub_r, false, false)
TRANS(ADDS_r, arg_rrr_sh, gen_addsub_r, false, true)
TRANS_ALIAS(CMN_r, arg_rrr_sh, ADDS_r)
TRANS(SUB_r, arg_rrr_sh, gen_addsub_r, true, false)
TRANS_ALIAS(NEG, arg_rrr_sh, SUB_r)
TRANS(SUBS_r, arg_rrr_sh, gen_addsub_r, true, true)
TRANS_ALIAS(CMP_r, arg_rrr_sh, SUBS_r)
TRANS_ALIAS(NEGS, arg_rrr_sh, SUBS_r)

/* ------------------------------------------------------------------ */
/* Add/subtract (extended register): Rn is SP-capable, and Rd too       */
/* unless the flags are set.                                            */

static bool gen_addsub_x(DisasContext *s, arg_rrr_ext *a, bool sub,
                         bool set_flags)
{
    TCGv_i64 op2 = extended_rm(s, a->rm, a->ext);

    gen_addsub(s, a->rd, a->rn, op2, sub, set_flags, !set_flags, true);
    free_tmp(s, op2);
    return true;
}

TRANS(ADD_x, arg_rrr_ext, gen_addsub_x, false, false)
TRANS(ADDS_x, arg_rrr_ext, gen_addsub_x, false, true)
TRANS_ALIAS(CMN_x, arg_rrr_ext, ADDS_x)
TRANS(SUB_x, arg_rrr_ext, gen_addsub_x, true, false)
TRANS(SUBS_x, arg_rrr_ext, gen_addsub_x, true, true)
TRANS_ALIAS(CMP_x, arg_rrr_ext, SUBS_x)

/* ------------------------------------------------------------------ */
/* Add/subtract with carry                                              */

/* ADC: Rn + Rm + C; SBC: Rn + NOT(Rm) + C. */
static bool gen_adc(DisasContext *s, arg_rrr *a, bool sub, bool set_flags)
{
    TCGContext *t = s->tcg;
    bool sf = is_sf(a->rd);
    TCGv_i64 rn = read_xzr(s, a->rn), rm = read_xzr(s, a->rm);
    TCGv_i64 res = new_tmp(s);

    if (set_flags) {
        if (sub) {
            gen_sub_flags(s, res, rn, rm, sf, true);
        } else {
            gen_add_flags(s, res, rn, rm, sf, true);
        }
    } else {
        if (sub) {
            tcg_gen_not_i64(t, res, rm);
            tcg_gen_add_i64(t, res, rn, res);
        } else {
            tcg_gen_add_i64(t, res, rn, rm);
        }
        tcg_gen_add_i64(t, res, res, s->g->CF);
    }
    write_xzr(s, a->rd, res, sf);
    free_tmp(s, res);
    return true;
}

TRANS(ADC, arg_rrr, gen_adc, false, false)
TRANS(ADCS, arg_rrr, gen_adc, false, true)
TRANS(SBC, arg_rrr, gen_adc, true, false)
TRANS_ALIAS(NGC, arg_rrr, SBC)
TRANS(SBCS, arg_rrr, gen_adc, true, true)
TRANS_ALIAS(NGCS, arg_rrr, SBCS)

/* ------------------------------------------------------------------ */
/* Flag manipulation (FEAT_FlagM)                                       */

/*
 * RMIF: rotate Xn right by imm6, then copy its bits 3:0 into N, Z, C, V
 * where the corresponding bit of mask is set.
 */
static bool trans_RMIF(DisasContext *s, arg_RMIF *a)
{
    TCGContext *t = s->tcg;
    A64Globals *g = s->g;
    TCGv_i64 v;

    if (!(s->features & ARM_FEAT_FLAGM)) {
        return false;
    }
    v = new_tmp(s);
    tcg_gen_rotri_i64(t, v, read_xzr(s, a->rn), a->imm);
    if (a->mask & 8) {
        tcg_gen_shli_i64(t, g->NF, v, 60);          /* bit 3 -> N (63) */
    }
    if (a->mask & 4) {
        tcg_gen_not_i64(t, g->ZF, v);               /* Z = bit 2: ZF == 0 */
        tcg_gen_andi_i64(t, g->ZF, g->ZF, 4);
    }
    if (a->mask & 2) {
        tcg_gen_extract_i64(t, g->CF, v, 1, 1);
    }
    if (a->mask & 1) {
        tcg_gen_shli_i64(t, g->VF, v, 63);
    }
    free_tmp(s, v);
    return true;
}

/*
 * SETF8/SETF16: N = Wn<n-1>, Z = (Wn<n-1:0> == 0), V = Wn<n> XOR
 * Wn<n-1> for n = 8 or 16; C unchanged.
 */
static bool gen_setf(DisasContext *s, int64_t reg, unsigned n)
{
    TCGContext *t = s->tcg;
    A64Globals *g = s->g;
    TCGv_i64 rn = read_xzr(s, reg);

    if (!(s->features & ARM_FEAT_FLAGM)) {
        return false;
    }
    tcg_gen_shli_i64(t, g->VF, rn, 1);
    tcg_gen_xor_i64(t, g->VF, g->VF, rn);
    tcg_gen_shli_i64(t, g->VF, g->VF, 63 - n);
    tcg_gen_shli_i64(t, g->NF, rn, 64 - n);
    tcg_gen_extract_i64(t, g->ZF, rn, 0, n);
    return true;
}

static bool trans_SETF8(DisasContext *s, arg_SETF8 *a)
{
    return gen_setf(s, a->rn, 8);
}

static bool trans_SETF16(DisasContext *s, arg_SETF16 *a)
{
    return gen_setf(s, a->rn, 16);
}

/* ------------------------------------------------------------------ */
/* Conditional compare                                                  */

/*
 * CCMP/CCMN: if ConditionHolds(cond), NZCV = flags of Rn -/+ op2, else
 * NZCV = the immediate.  The condition is evaluated into a temp first,
 * then the compare writes the flags and each flag is replaced by the
 * immediate's when the condition failed.
 */
static bool gen_ccmp(DisasContext *s, arg_ccmp *a, bool is_imm, bool sub)
{
    TCGContext *t = s->tcg;
    A64Globals *g = s->g;
    bool sf = is_sf(a->rn);
    TCGv_i64 op2 = is_imm ? tcg_constant_i64(t, a->rm) : read_xzr(s, a->rm);
    TCGv_i64 zero = tcg_constant_i64(t, 0);
    TCGv_i64 res = new_tmp(s);
    bool always = (a->cond >> 1) == 7;
    DisasCompare c = { 0 };

    if (!always) {
        arm_test_cc(s, &c, a->cond);
    }
    if (sub) {
        gen_sub_flags(s, res, read_xzr(s, a->rn), op2, sf, false);
    } else {
        gen_add_flags(s, res, read_xzr(s, a->rn), op2, sf, false);
    }
    free_tmp(s, res);
    if (always) {
        return true;
    }
    tcg_gen_movcond_i64(t, c.cond, g->NF, c.value, zero, g->NF,
                        tcg_constant_i64(t, (a->nzcv & 8) ? -1 : 0));
    tcg_gen_movcond_i64(t, c.cond, g->ZF, c.value, zero, g->ZF,
                        tcg_constant_i64(t, (a->nzcv & 4) ? 0 : 1));
    tcg_gen_movcond_i64(t, c.cond, g->CF, c.value, zero, g->CF,
                        tcg_constant_i64(t, (a->nzcv & 2) ? 1 : 0));
    tcg_gen_movcond_i64(t, c.cond, g->VF, c.value, zero, g->VF,
                        tcg_constant_i64(t, (a->nzcv & 1) ? INT64_MIN : 0));
    free_tmp(s, c.value);
    return true;
}

TRANS(CCMN_r, arg_ccmp, gen_ccmp, false, false)
TRANS(CCMN_i, arg_ccmp, gen_ccmp, true, false)
TRANS(CCMP_r, arg_ccmp, gen_ccmp, false, true)
TRANS(CCMP_i, arg_ccmp, gen_ccmp, true, true)

/* ------------------------------------------------------------------ */
/* Conditional select                                                   */

typedef enum CselOp { CSEL_SEL, CSEL_INC, CSEL_INV, CSEL_NEG } CselOp;

/* Rd = ConditionHolds(cond) ? Rn : op(Rm). */
static bool gen_csel(DisasContext *s, arg_csel *a, CselOp op)
{
    TCGContext *t = s->tcg;
    bool sf = is_sf(a->rd);
    TCGv_i64 rn = read_xzr(s, a->rn), rm = read_xzr(s, a->rm);
    TCGv_i64 res = new_tmp(s);
    DisasCompare c;

    if ((a->cond >> 1) == 7) {
        write_xzr(s, a->rd, rn, sf);     /* AL and NV: always true */
        free_tmp(s, res);
        return true;
    }
    switch (op) {
    case CSEL_SEL: tcg_gen_mov_i64(t, res, rm); break;
    case CSEL_INC: tcg_gen_addi_i64(t, res, rm, 1); break;
    case CSEL_INV: tcg_gen_not_i64(t, res, rm); break;
    case CSEL_NEG: tcg_gen_neg_i64(t, res, rm); break;
    }
    arm_test_cc(s, &c, a->cond);
    tcg_gen_movcond_i64(t, c.cond, res, c.value, tcg_constant_i64(t, 0), rn,
                        res);
    free_tmp(s, c.value);
    write_xzr(s, a->rd, res, sf);
    free_tmp(s, res);
    return true;
}

TRANS(CSEL, arg_csel, gen_csel, CSEL_SEL)
TRANS(CSINC, arg_csel, gen_csel, CSEL_INC)
TRANS_ALIAS(CSET, arg_csel, CSINC)
TRANS_ALIAS(CINC, arg_csel, CSINC)
TRANS(CSINV, arg_csel, gen_csel, CSEL_INV)
TRANS_ALIAS(CSETM, arg_csel, CSINV)
TRANS_ALIAS(CINV, arg_csel, CSINV)
TRANS(CSNEG, arg_csel, gen_csel, CSEL_NEG)
TRANS_ALIAS(CNEG, arg_csel, CSNEG)

/* ------------------------------------------------------------------ */
/* Data-processing (2 source)                                           */

/*
 * UDIV/SDIV: the IR's div ops already give x / 0 = 0 and, for signed,
 * MIN / -1 = MIN, as the Arm ARM requires.  W operands are extended to
 * 64 bits first; INT32_MIN / -1 then gives 2^31, whose low word is
 * INT32_MIN again.
 */
static bool gen_div(DisasContext *s, arg_rrr *a, bool is_signed)
{
    TCGContext *t = s->tcg;
    bool sf = is_sf(a->rd);
    TCGv_i64 n = new_tmp(s), m = new_tmp(s);

    if (sf) {
        tcg_gen_mov_i64(t, n, read_xzr(s, a->rn));
        tcg_gen_mov_i64(t, m, read_xzr(s, a->rm));
    } else if (is_signed) {
        tcg_gen_ext32s_i64(t, n, read_xzr(s, a->rn));
        tcg_gen_ext32s_i64(t, m, read_xzr(s, a->rm));
    } else {
        tcg_gen_ext32u_i64(t, n, read_xzr(s, a->rn));
        tcg_gen_ext32u_i64(t, m, read_xzr(s, a->rm));
    }
    if (is_signed) {
        tcg_gen_div_i64(t, n, n, m);
    } else {
        tcg_gen_divu_i64(t, n, n, m);
    }
    write_xzr(s, a->rd, n, sf);
    free_tmp(s, n);
    free_tmp(s, m);
    return true;
}

TRANS(UDIV, arg_rrr, gen_div, false)
TRANS(SDIV, arg_rrr, gen_div, true)

/* LSLV, LSRV, ASRV, RORV: the count is Rm MOD datasize. */
static bool gen_shiftv(DisasContext *s, arg_rrr *a, unsigned type)
{
    TCGContext *t = s->tcg;
    bool sf = is_sf(a->rd);
    TCGv_i64 rn = read_xzr(s, a->rn);
    TCGv_i64 amt = new_tmp(s), res = new_tmp(s);

    tcg_gen_andi_i64(t, amt, read_xzr(s, a->rm), sf ? 63 : 31);
    switch (type) {
    case 0:
        tcg_gen_shl_i64(t, res, rn, amt);
        break;
    case 1:
        if (sf) {
            tcg_gen_shr_i64(t, res, rn, amt);
        } else {
            tcg_gen_ext32u_i64(t, res, rn);
            tcg_gen_shr_i64(t, res, res, amt);
        }
        break;
    case 2:
        if (sf) {
            tcg_gen_sar_i64(t, res, rn, amt);
        } else {
            tcg_gen_ext32s_i64(t, res, rn);
            tcg_gen_sar_i64(t, res, res, amt);
        }
        break;
    default:
        if (sf) {
            tcg_gen_rotr_i64(t, res, rn, amt);
        } else {
            TCGv_i32 w = tcg_temp_new_i32(t), c = tcg_temp_new_i32(t);

            tcg_gen_extrl_i64_i32(t, w, rn);
            tcg_gen_extrl_i64_i32(t, c, amt);
            tcg_gen_rotr_i32(t, w, w, c);
            tcg_gen_extu_i32_i64(t, res, w);
            tcg_temp_free_i32(t, w);
            tcg_temp_free_i32(t, c);
        }
        break;
    }
    write_xzr(s, a->rd, res, sf);
    free_tmp(s, amt);
    free_tmp(s, res);
    return true;
}

TRANS(LSLV, arg_rrr, gen_shiftv, 0)
TRANS(LSRV, arg_rrr, gen_shiftv, 1)
TRANS(ASRV, arg_rrr, gen_shiftv, 2)
TRANS(RORV, arg_rrr, gen_shiftv, 3)

/* CRC32{C}{B,H,W,X}: Wd = CRC of the low @bytes of Rm into Wn. */
static bool gen_crc32(DisasContext *s, arg_rrr *a, unsigned bytes,
                      bool castagnoli)
{
    TCGv_i64 res = new_tmp(s);

    gen_helper_call(s, castagnoli ? &arm_helper_crc32c : &arm_helper_crc32,
                    tcgv_i64_arg(res), 3, tcgv_i64_arg(read_xzr(s, a->rn)),
                    tcgv_i64_arg(read_xzr(s, a->rm)),
                    tcgv_i32_arg(tcg_constant_i32(s->tcg, bytes)));
    write_xzr(s, a->rd, res, false);
    free_tmp(s, res);
    return true;
}

TRANS(CRC32B, arg_rrr, gen_crc32, 1, false)
TRANS(CRC32H, arg_rrr, gen_crc32, 2, false)
TRANS(CRC32W, arg_rrr, gen_crc32, 4, false)
TRANS(CRC32X, arg_rrr, gen_crc32, 8, false)
TRANS(CRC32CB, arg_rrr, gen_crc32, 1, true)
TRANS(CRC32CH, arg_rrr, gen_crc32, 2, true)
TRANS(CRC32CW, arg_rrr, gen_crc32, 4, true)
TRANS(CRC32CX, arg_rrr, gen_crc32, 8, true)

/* ------------------------------------------------------------------ */
/* Pointer authentication (FEAT_PAuth)                                  */

/*
 * The decoder only reaches these on a CPU with FEAT_PAuth, which no
 * shipped model has; hemu does not implement the PAC algorithm, so they
 * are UNDEFINED and logged rather than silently wrong.
 */
static bool gen_pauth_unimp(DisasContext *s, const char *name)
{
    log_mask(LOG_UNIMP, "aarch64: %s at 0x%016" PRIx64 " not implemented "
             "(UNDEFINED)\n", name, s->pc_curr);
    unallocated_encoding(s);
    return true;
}

#define TRANS_PAUTH(NAME, ARG)                                    \
    static bool trans_##NAME(DisasContext *s, ARG *a)             \
    {                                                             \
        return gen_pauth_unimp(s, #NAME);                         \
    }

TRANS_PAUTH(PACGA, arg_rrr)
TRANS_PAUTH(PACIA, arg_PACIA)
TRANS_PAUTH(PACIB, arg_PACIB)
TRANS_PAUTH(PACDA, arg_PACDA)
TRANS_PAUTH(PACDB, arg_PACDB)
TRANS_PAUTH(AUTIA, arg_AUTIA)
TRANS_PAUTH(AUTIB, arg_AUTIB)
TRANS_PAUTH(AUTDA, arg_AUTDA)
TRANS_PAUTH(AUTDB, arg_AUTDB)
TRANS_PAUTH(PACIZA, arg_PACIZA)
TRANS_PAUTH(PACIZB, arg_PACIZB)
TRANS_PAUTH(PACDZA, arg_PACDZA)
TRANS_PAUTH(PACDZB, arg_PACDZB)
TRANS_PAUTH(AUTIZA, arg_AUTIZA)
TRANS_PAUTH(AUTIZB, arg_AUTIZB)
TRANS_PAUTH(AUTDZA, arg_AUTDZA)
TRANS_PAUTH(AUTDZB, arg_AUTDZB)
TRANS_PAUTH(XPACI, arg_XPACI)
TRANS_PAUTH(XPACD, arg_XPACD)

/* ------------------------------------------------------------------ */
/* Data-processing (1 source)                                           */

/* @dst = @src with its 64 bits in reverse order. */
static void gen_rbit64(DisasContext *s, TCGv_i64 dst, TCGv_i64 src)
{
    static const uint64_t masks[3] = {
        0x5555555555555555ull, 0x3333333333333333ull, 0x0f0f0f0f0f0f0f0full,
    };
    TCGContext *t = s->tcg;
    TCGv_i64 tmp = new_tmp(s);

    tcg_gen_mov_i64(t, dst, src);
    for (unsigned i = 0; i < 3; i++) {
        /* swap adjacent groups of 1, 2, 4 bits, then the bytes */
        tcg_gen_shri_i64(t, tmp, dst, 1u << i);
        tcg_gen_andi_i64(t, tmp, tmp, (int64_t)masks[i]);
        tcg_gen_andi_i64(t, dst, dst, (int64_t)masks[i]);
        tcg_gen_shli_i64(t, dst, dst, 1u << i);
        tcg_gen_or_i64(t, dst, dst, tmp);
    }
    tcg_gen_bswap64_i64(t, dst, dst);
    free_tmp(s, tmp);
}

static bool trans_RBIT(DisasContext *s, arg_RBIT *a)
{
    bool sf = is_sf(a->rd);
    TCGv_i64 res = new_tmp(s);

    gen_rbit64(s, res, read_xzr(s, a->rn));
    if (!sf) {
        tcg_gen_shri_i64(s->tcg, res, res, 32);   /* Wn's bits land high */
    }
    write_xzr(s, a->rd, res, sf);
    free_tmp(s, res);
    return true;
}

/* REV16: swap the bytes of each halfword. */
static bool trans_REV16(DisasContext *s, arg_REV16 *a)
{
    TCGContext *t = s->tcg;
    bool sf = is_sf(a->rd);
    TCGv_i64 mask = tcg_constant_i64(t, 0x00ff00ff00ff00ffll);
    TCGv_i64 res = new_tmp(s), tmp = new_tmp(s);
    TCGv_i64 rn = read_xzr(s, a->rn);

    tcg_gen_shri_i64(t, tmp, rn, 8);
    tcg_gen_and_i64(t, tmp, tmp, mask);
    tcg_gen_and_i64(t, res, rn, mask);
    tcg_gen_shli_i64(t, res, res, 8);
    tcg_gen_or_i64(t, res, res, tmp);
    write_xzr(s, a->rd, res, sf);
    free_tmp(s, res);
    free_tmp(s, tmp);
    return true;
}

/* REV: reverse the bytes of Wn (sf = 0) or Xn (sf = 1). */
static bool trans_REV(DisasContext *s, arg_REV *a)
{
    bool sf = is_sf(a->rd);
    TCGv_i64 res = new_tmp(s);

    if (sf) {
        tcg_gen_bswap64_i64(s->tcg, res, read_xzr(s, a->rn));
    } else {
        tcg_gen_bswap32_i64(s->tcg, res, read_xzr(s, a->rn));
    }
    write_xzr(s, a->rd, res, sf);
    free_tmp(s, res);
    return true;
}

/* REV32: reverse the bytes of each word of Xn. */
static bool trans_REV32(DisasContext *s, arg_REV32 *a)
{
    TCGv_i64 res = new_tmp(s);

    tcg_gen_bswap64_i64(s->tcg, res, read_xzr(s, a->rn));
    tcg_gen_rotri_i64(s->tcg, res, res, 32);
    write_xzr(s, a->rd, res, true);
    free_tmp(s, res);
    return true;
}

/*
 * CLZ and CLS.  W operands are extended to 64 bits (zero for CLZ, sign
 * for CLS), which adds exactly 32 to the count.  CLS counts the leading
 * zeros of Xn<63:1> EOR Xn<62:0>, i.e. of Xn EOR (Xn << 1) with bit 0
 * forced to 1 so that a 63-bit zero counts as 63.
 */
static bool gen_clz_cls(DisasContext *s, int64_t rd, int64_t rn, bool cls)
{
    TCGContext *t = s->tcg;
    bool sf = is_sf(rd);
    TCGv_i64 v = new_tmp(s), tmp = new_tmp(s);

    if (cls) {
        if (sf) {
            tcg_gen_mov_i64(t, v, read_xzr(s, rn));
        } else {
            tcg_gen_ext32s_i64(t, v, read_xzr(s, rn));
        }
        tcg_gen_shli_i64(t, tmp, v, 1);
        tcg_gen_xor_i64(t, v, v, tmp);
        tcg_gen_ori_i64(t, v, v, 1);
    } else if (sf) {
        tcg_gen_mov_i64(t, v, read_xzr(s, rn));
    } else {
        tcg_gen_ext32u_i64(t, v, read_xzr(s, rn));
    }
    tcg_gen_clz_i64(t, v, v, tcg_constant_i64(t, 64));
    if (!sf) {
        tcg_gen_subi_i64(t, v, v, 32);
    }
    write_xzr(s, rd, v, sf);
    free_tmp(s, v);
    free_tmp(s, tmp);
    return true;
}

static bool trans_CLZ(DisasContext *s, arg_CLZ *a)
{
    return gen_clz_cls(s, a->rd, a->rn, false);
}

static bool trans_CLS(DisasContext *s, arg_CLS *a)
{
    return gen_clz_cls(s, a->rd, a->rn, true);
}

/* ------------------------------------------------------------------ */
/* Data-processing (3 source)                                           */

/* MADD/MSUB: Rd = Ra +/- Rn * Rm (MUL, MNEG: Ra = ZR). */
static bool gen_madd(DisasContext *s, arg_rrrr *a, bool sub)
{
    TCGContext *t = s->tcg;
    TCGv_i64 res = new_tmp(s);

    tcg_gen_mul_i64(t, res, read_xzr(s, a->rn), read_xzr(s, a->rm));
    if (sub) {
        tcg_gen_sub_i64(t, res, read_xzr(s, a->ra), res);
    } else {
        tcg_gen_add_i64(t, res, read_xzr(s, a->ra), res);
    }
    write_xzr(s, a->rd, res, is_sf(a->rd));
    free_tmp(s, res);
    return true;
}

TRANS(MADD, arg_rrrr, gen_madd, false)
TRANS_ALIAS(MUL, arg_rrrr, MADD)
TRANS(MSUB, arg_rrrr, gen_madd, true)
TRANS_ALIAS(MNEG, arg_rrrr, MSUB)

/*
 * SMADDL & co.: Xd = Xa +/- Wn * Wm with the W operands sign- or
 * zero-extended (the 64-bit product of two 32-bit values is exact).
 * The long forms' register members are plain numbers (no sf bit).
 */
static bool gen_maddl(DisasContext *s, arg_rrrr *a, bool is_signed,
                      bool sub)
{
    TCGContext *t = s->tcg;
    TCGv_i64 n = new_tmp(s), m = new_tmp(s);

    if (is_signed) {
        tcg_gen_ext32s_i64(t, n, read_xzr(s, a->rn));
        tcg_gen_ext32s_i64(t, m, read_xzr(s, a->rm));
    } else {
        tcg_gen_ext32u_i64(t, n, read_xzr(s, a->rn));
        tcg_gen_ext32u_i64(t, m, read_xzr(s, a->rm));
    }
    tcg_gen_mul_i64(t, n, n, m);
    if (sub) {
        tcg_gen_sub_i64(t, n, read_xzr(s, a->ra), n);
    } else {
        tcg_gen_add_i64(t, n, read_xzr(s, a->ra), n);
    }
    write_xzr(s, a->rd, n, true);
    free_tmp(s, n);
    free_tmp(s, m);
    return true;
}

TRANS(SMADDL, arg_rrrr, gen_maddl, true, false)
TRANS_ALIAS(SMULL, arg_rrrr, SMADDL)
TRANS(SMSUBL, arg_rrrr, gen_maddl, true, true)
TRANS_ALIAS(SMNEGL, arg_rrrr, SMSUBL)
TRANS(UMADDL, arg_rrrr, gen_maddl, false, false)
TRANS_ALIAS(UMULL, arg_rrrr, UMADDL)
TRANS(UMSUBL, arg_rrrr, gen_maddl, false, true)
TRANS_ALIAS(UMNEGL, arg_rrrr, UMSUBL)

/* SMULH/UMULH: the high 64 bits of the 128-bit product (Ra ignored). */
static bool gen_mulh(DisasContext *s, arg_rrrr *a, bool is_signed)
{
    TCGContext *t = s->tcg;
    TCGv_i64 lo = new_tmp(s), hi = new_tmp(s);
    TCGv_i64 rn = read_xzr(s, a->rn), rm = read_xzr(s, a->rm);

    if (is_signed) {
        tcg_gen_muls2_i64(t, lo, hi, rn, rm);
    } else {
        tcg_gen_mulu2_i64(t, lo, hi, rn, rm);
    }
    write_xzr(s, a->rd, hi, true);
    free_tmp(s, lo);
    free_tmp(s, hi);
    return true;
}

TRANS(SMULH, arg_rrrr, gen_mulh, true)
TRANS(UMULH, arg_rrrr, gen_mulh, false)
