/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Hexagon CR (hex-cr.isa): hardware loop setup (loop0/loop1 and
 * sp1loop0-sp3loop0, whose end the packet engine handles), add(pc),
 * predicate logic and transfers between general and control registers.
 * Spec: Hexagon V68 PRM, "CR" and "Hardware loops" (loopN sets SAn to
 * the loop start and LCn to the count; loop0 clears USR.LPCFG; spNloop0
 * sets LPCFG = N and P3 = 0).
 */
#include "translate.h"
#include "util/log.h"

#include "decode-hexagon-cr.c.inc"

bool hex_decode_cr(DisasContext *ctx, uint32_t insn)
{
    return decode_hex_cr(ctx, insn);
}

static bool do_loop(DisasContext *ctx, arg_lpi *a, bool reg, int loop,
                    int sp)
{
    TCGContext *t = ctx->tcg;
    TCGv_i32 cnt = reg ? get_gpr(ctx, a->cnt)
                       : tcg_constant_i32(t, (int32_t)a->cnt);

    tcg_gen_movi_i32(t, dest_cr(ctx, loop ? HEX_CR_SA1 : HEX_CR_SA0),
                     (int32_t)(ctx->pkt_pc + (uint32_t)a->off));
    tcg_gen_mov_i32(t, dest_cr(ctx, loop ? HEX_CR_LC1 : HEX_CR_LC0), cnt);
    if (loop == 0) {
        TCGv_i32 usr = dest_cr(ctx, HEX_CR_USR);

        tcg_gen_deposit_i32(t, usr, usr, tcg_constant_i32(t, sp),
                            HEX_USR_LPCFG_SHIFT, 2);
    }
    if (sp) {
        set_pred(ctx, 3, tcg_constant_i32(t, 0));
    }
    return true;
}

#define LOOP(NAME, LOOPN, SP)                                                \
static bool trans_##NAME##_I(DisasContext *ctx, arg_lpi *a)                 \
{                                                                            \
    return do_loop(ctx, a, false, LOOPN, SP);                                \
}                                                                            \
static bool trans_##NAME##_R(DisasContext *ctx, arg_lpi *a)                 \
{                                                                            \
    return do_loop(ctx, a, true, LOOPN, SP);                                 \
}

LOOP(LOOP0, 0, 0)
LOOP(LOOP1, 1, 0)
LOOP(SP1LOOP0, 0, 1)
LOOP(SP2LOOP0, 0, 2)
LOOP(SP3LOOP0, 0, 3)

static bool trans_ADD_PC(DisasContext *ctx, arg_ri *a)
{
    tcg_gen_movi_i32(ctx->tcg, dest_gpr(ctx, a->rd),
                     (int32_t)(ctx->pkt_pc + (uint32_t)a->imm));
    return true;
}

/* Predicate logic: each operation on the whole 8-bit predicates. */
enum { PL_AND, PL_OR, PL_XOR, PL_ANDN, PL_ORN, PL_NOT, PL_ANY8, PL_ALL8 };

static bool do_plogic(DisasContext *ctx, arg_pl3 *a, int op)
{
    TCGContext *t = ctx->tcg;
    TCGv_i32 r = tmp32(ctx), x = get_pred(ctx, a->pa), y = get_pred(ctx, a->pb);

    switch (op) {
    case PL_AND:
        tcg_gen_and_i32(t, r, y, x);
        break;
    case PL_OR:
        tcg_gen_or_i32(t, r, y, x);
        break;
    case PL_XOR:
        tcg_gen_xor_i32(t, r, x, y);
        break;
    case PL_ANDN:
        tcg_gen_andc_i32(t, r, y, x);
        break;
    case PL_ORN:
        tcg_gen_orc_i32(t, r, y, x);
        break;
    case PL_NOT:
        tcg_gen_not_i32(t, r, x);
        break;
    case PL_ANY8:
        tcg_gen_setcond_i32(t, TCG_COND_NE, r, x, tcg_constant_i32(t, 0));
        tcg_gen_muli_i32(t, r, r, 0xff);
        break;
    default:
        tcg_gen_setcond_i32(t, TCG_COND_EQ, r, x, tcg_constant_i32(t, 0xff));
        tcg_gen_muli_i32(t, r, r, 0xff);
        break;
    }
    tcg_gen_andi_i32(t, r, r, 0xff);
    set_pred(ctx, a->pd, r);
    return true;
}

#define PLOGIC(NAME, OP)                                                     \
static bool trans_##NAME(DisasContext *ctx, arg_pl3 *a)                     \
{                                                                            \
    return do_plogic(ctx, a, OP);                                            \
}

PLOGIC(AND_P, PL_AND)
PLOGIC(OR_P, PL_OR)
PLOGIC(XOR_P, PL_XOR)
PLOGIC(ANDN_P, PL_ANDN)
PLOGIC(ORN_P, PL_ORN)
PLOGIC(NOT_P, PL_NOT)
PLOGIC(ANY8, PL_ANY8)
PLOGIC(ALL8, PL_ALL8)

/* Pd = outer(Pa, inner(Pb, [!]Pc)) */
static bool do_plogic3(DisasContext *ctx, arg_pl3 *a, bool outer_and,
                       bool inner_and, bool negc)
{
    TCGContext *t = ctx->tcg;
    TCGv_i32 c = tmp32(ctx), r = tmp32(ctx);

    tcg_gen_mov_i32(t, c, get_pred(ctx, a->pc));
    if (negc) {
        tcg_gen_not_i32(t, c, c);
    }
    if (inner_and) {
        tcg_gen_and_i32(t, r, get_pred(ctx, a->pb), c);
    } else {
        tcg_gen_or_i32(t, r, get_pred(ctx, a->pb), c);
    }
    if (outer_and) {
        tcg_gen_and_i32(t, r, get_pred(ctx, a->pa), r);
    } else {
        tcg_gen_or_i32(t, r, get_pred(ctx, a->pa), r);
    }
    tcg_gen_andi_i32(t, r, r, 0xff);
    set_pred(ctx, a->pd, r);
    return true;
}

#define PLOGIC3(NAME, OA, IA, NEG)                                           \
static bool trans_##NAME(DisasContext *ctx, arg_pl3 *a)                     \
{                                                                            \
    return do_plogic3(ctx, a, OA, IA, NEG);                                  \
}

PLOGIC3(AND_AND, true, true, false)
PLOGIC3(AND_OR, true, false, false)
PLOGIC3(OR_AND, false, true, false)
PLOGIC3(OR_OR, false, false, false)
PLOGIC3(AND_ANDN, true, true, true)
PLOGIC3(AND_ORN, true, false, true)
PLOGIC3(OR_ANDN, false, true, true)
PLOGIC3(OR_ORN, false, false, true)

static bool trans_FASTCORNER9(DisasContext *ctx, arg_pl3 *a)
{
    log_mask(LOG_UNIMP, "hexagon: fastcorner9\n");
    return false;
}

static bool trans_NFASTCORNER9(DisasContext *ctx, arg_pl3 *a)
{
    log_mask(LOG_UNIMP, "hexagon: !fastcorner9\n");
    return false;
}

static bool trans_TFRRC(DisasContext *ctx, arg_rr *a)
{
    set_cr(ctx, a->rd, get_gpr(ctx, a->rs));
    return true;
}

static bool trans_TFRCR(DisasContext *ctx, arg_rr *a)
{
    tcg_gen_mov_i32(ctx->tcg, dest_gpr(ctx, a->rd), get_cr(ctx, a->rs));
    return true;
}

static bool trans_TFRRCC(DisasContext *ctx, arg_rr *a)
{
    set_cr(ctx, a->rd, get_gpr(ctx, a->rs));
    set_cr(ctx, a->rd + 1, get_gpr(ctx, a->rs + 1));
    return true;
}

static bool trans_TFRCCR(DisasContext *ctx, arg_rr *a)
{
    TCGv_i32 lo = get_cr(ctx, a->rs), hi = get_cr(ctx, a->rs + 1);

    tcg_gen_mov_i32(ctx->tcg, dest_gpr(ctx, a->rd), lo);
    tcg_gen_mov_i32(ctx->tcg, dest_gpr(ctx, a->rd + 1), hi);
    return true;
}
