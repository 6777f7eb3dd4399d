/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Hexagon J (hex-j.isa): jumps and calls by offset or register, plain and
 * predicated, dealloc_return, compound compare-and-jump,
 * transfer-and-jump and new-value compare-and-jump.  Branches take
 * effect at the end of the packet (the first taken one wins); calls
 * write LR (R31) = the next packet.  Also the frame helpers shared with
 * the duplex sub-instructions.
 * Spec: Hexagon V68 PRM, "J" and "Stack frames" (allocframe,
 * deallocframe and FRAMEKEY).
 */
#include "translate.h"

#include "decode-hexagon-j.c.inc"

bool hex_decode_j(DisasContext *ctx, uint32_t insn)
{
    return decode_hex_j(ctx, insn);
}

/* Duplex/compound 4-bit register numbers: 0-7 r0-r7, 8-15 r16-r23. */
static unsigned subreg(int64_t v)
{
    return v < 8 ? (unsigned)v : (unsigned)v + 8;
}

static bool trans_JUMP(DisasContext *ctx, arg_JUMP *a)
{
    gen_branch_imm(ctx, ctx->pkt_pc + (uint32_t)a->off, NULL);
    return true;
}

static void gen_link(DisasContext *ctx, TCGv_i32 cond)
{
    TCGContext *t = ctx->tcg;
    TCGv_i32 lr = dest_gpr(ctx, 31);

    if (cond) {
        tcg_gen_movcond_i32(t, TCG_COND_NE, lr, cond, tcg_constant_i32(t, 0),
                            tcg_constant_i32(t, (int32_t)ctx->next_pc), lr);
    } else {
        tcg_gen_movi_i32(t, lr, (int32_t)ctx->next_pc);
    }
}

static bool trans_CALL(DisasContext *ctx, arg_CALL *a)
{
    gen_link(ctx, NULL);
    gen_branch_imm(ctx, ctx->pkt_pc + (uint32_t)a->off, NULL);
    return true;
}

static bool trans_PJUMP(DisasContext *ctx, arg_pjump *a)
{
    TCGv_i32 c = pred_cond(ctx, a->pc);

    if (c) {
        gen_branch_imm(ctx, ctx->pkt_pc + (uint32_t)a->off, c);
    }
    return true;
}

static bool trans_PCALL(DisasContext *ctx, arg_pjump *a)
{
    TCGv_i32 c = pred_cond(ctx, a->pc);

    if (c) {
        gen_link(ctx, c);
        gen_branch_imm(ctx, ctx->pkt_pc + (uint32_t)a->off, c);
    }
    return true;
}

static bool trans_JUMPR(DisasContext *ctx, arg_JUMPR *a)
{
    gen_branch_reg(ctx, get_gpr(ctx, a->rs), NULL);
    return true;
}

static bool trans_CALLR(DisasContext *ctx, arg_CALLR *a)
{
    TCGv_i32 dest = tmp32(ctx);

    tcg_gen_mov_i32(ctx->tcg, dest, get_gpr(ctx, a->rs));
    gen_link(ctx, NULL);
    gen_branch_reg(ctx, dest, NULL);
    return true;
}

static bool trans_HINTJR(DisasContext *ctx, arg_HINTJR *a)
{
    return true;
}

static bool trans_PJUMPR(DisasContext *ctx, arg_prj *a)
{
    TCGv_i32 c = pred_cond(ctx, a->pc);

    if (c) {
        gen_branch_reg(ctx, get_gpr(ctx, a->rs), c);
    }
    return true;
}

static bool trans_PCALLR(DisasContext *ctx, arg_prj *a)
{
    TCGv_i32 c = pred_cond(ctx, a->pc);
    TCGv_i32 dest;

    if (c) {
        dest = tmp32(ctx);
        tcg_gen_mov_i32(ctx->tcg, dest, get_gpr(ctx, a->rs));
        gen_link(ctx, c);
        gen_branch_reg(ctx, dest, c);
    }
    return true;
}

/*
 * deallocframe (with @ret: dealloc_return) when @cond: FP:LR from the
 * frame at FP (LR unscrambled with FRAMEKEY), SP = FP + 8.
 */
void hex_gen_deallocframe(DisasContext *ctx, TCGv_i32 cond, bool ret)
{
    TCGContext *t = ctx->tcg;
    TCGv_i32 fp = dest_gpr(ctx, 30), lr = dest_gpr(ctx, 31);
    TCGv_i32 sp = dest_gpr(ctx, 29);
    TCGv_i32 newlr = tmp32(ctx);
    TCGLabel *skip = cond ? gen_skip_unless(ctx, cond) : NULL;
    TCGv_i64 frame = gen_load64(ctx, gen_addr(ctx, get_gpr(ctx, 30), 0));

    tcg_gen_extrh_i64_i32(t, newlr, frame);
    tcg_gen_xor_i32(t, newlr, newlr, get_cr(ctx, HEX_CR_FRAMEKEY));
    tcg_gen_mov_i32(t, lr, newlr);
    tcg_gen_extrl_i64_i32(t, fp, frame);
    tcg_gen_addi_i32(t, sp, get_gpr(ctx, 30), 8);
    if (skip) {
        gen_set_label(t, skip);
    }
    if (ret) {
        gen_branch_reg(ctx, lr, cond);
    }
}

/* allocframe(#@size): push LR (scrambled) and FP, FP = SP - 8. */
void hex_gen_allocframe(DisasContext *ctx, uint32_t size)
{
    TCGContext *t = ctx->tcg;
    TCGv_i32 sp = get_gpr(ctx, 29);
    TCGv_i32 lr = tmp32(ctx);
    TCGv_i64 frame = tmp64(ctx), lr64 = tmp64(ctx);

    tcg_gen_xor_i32(t, lr, get_gpr(ctx, 31), get_cr(ctx, HEX_CR_FRAMEKEY));
    tcg_gen_extu_i32_i64(t, frame, get_gpr(ctx, 30));
    tcg_gen_extu_i32_i64(t, lr64, lr);
    tcg_gen_deposit_i64(t, frame, frame, lr64, 32, 32);
    gen_store64(ctx, gen_addr(ctx, sp, -8), frame, NULL);
    tcg_gen_subi_i32(t, dest_gpr(ctx, 30), sp, 8);
    tcg_gen_subi_i32(t, dest_gpr(ctx, 29), sp, 8 + (int32_t)size);
}

static bool trans_DEALLOC_RET(DisasContext *ctx, arg_empty *a)
{
    hex_gen_deallocframe(ctx, NULL, true);
    return true;
}

static bool do_pdealloc_ret(DisasContext *ctx, arg_prj *a)
{
    TCGv_i32 c = pred_cond(ctx, a->pc);

    if (c) {
        hex_gen_deallocframe(ctx, c, true);
    }
    return true;
}

static bool trans_PDEALLOC_RET(DisasContext *ctx, arg_prj *a)
{
    return do_pdealloc_ret(ctx, a);
}

static bool trans_PDEALLOC_RET_NEW(DisasContext *ctx, arg_prj *a)
{
    return do_pdealloc_ret(ctx, a);
}

/* pN = cmp(Rs, B); if ([!]pN.new) jump: @c = sense . N */
static bool do_cjump(DisasContext *ctx, arg_cjump *a, TCGCond cond,
                     TCGv_i32 b)
{
    TCGContext *t = ctx->tcg;
    TCGv_i32 r = tmp32(ctx);
    TCGv_i32 take = tmp32(ctx);

    tcg_gen_setcond_i32(t, cond, r, get_gpr(ctx, subreg(a->rs)), b);
    set_pred_bool(ctx, a->c & 1, r);
    tcg_gen_xori_i32(t, take, r, (a->c & 2) ? 1 : 0);
    gen_branch_imm(ctx, ctx->pkt_pc + (uint32_t)a->off, take);
    return true;
}

#define CJI(NAME, COND)                                                      \
static bool trans_##NAME(DisasContext *ctx, arg_cjump *a)                   \
{                                                                            \
    return do_cjump(ctx, a, COND,                                            \
                    tcg_constant_i32(ctx->tcg, (int32_t)a->imm));            \
}

#define CJR(NAME, COND)                                                      \
static bool trans_##NAME(DisasContext *ctx, arg_cjump *a)                   \
{                                                                            \
    return do_cjump(ctx, a, COND, get_gpr(ctx, subreg(a->imm)));            \
}

CJI(CJ_EQI, TCG_COND_EQ)
CJI(CJ_GTI, TCG_COND_GT)
CJI(CJ_GTUI, TCG_COND_GTU)
CJI(CJ_EQN1, TCG_COND_EQ)
CJI(CJ_GTN1, TCG_COND_GT)
CJR(CJ_EQ, TCG_COND_EQ)
CJR(CJ_GT, TCG_COND_GT)
CJR(CJ_GTU, TCG_COND_GTU)

static bool trans_CJ_TSTBIT0(DisasContext *ctx, arg_cjump *a)
{
    return do_cjump(ctx, a, TCG_COND_TSTNE, tcg_constant_i32(ctx->tcg, 1));
}

static bool trans_TJUMPI(DisasContext *ctx, arg_tjump *a)
{
    tcg_gen_movi_i32(ctx->tcg, dest_gpr(ctx, subreg(a->rd)),
                     (int32_t)a->rs);
    gen_branch_imm(ctx, ctx->pkt_pc + (uint32_t)a->off, NULL);
    return true;
}

static bool trans_TJUMPR(DisasContext *ctx, arg_tjump *a)
{
    tcg_gen_mov_i32(ctx->tcg, dest_gpr(ctx, subreg(a->rd)),
                    get_gpr(ctx, subreg(a->rs)));
    gen_branch_imm(ctx, ctx->pkt_pc + (uint32_t)a->off, NULL);
    return true;
}

/*
 * New-value compare-and-jump (PRM "New-value jumps"): compare the new
 * value of the producer @a->ns instructions back with Rt or an
 * immediate; @swap compares (B, Ns.new), @neg jumps when false.
 */
static bool do_nvjump(DisasContext *ctx, arg_nvjump *a, TCGCond cond,
                      TCGv_i32 b, bool swap, bool neg)
{
    TCGContext *t = ctx->tcg;
    TCGv_i32 ns = get_new_gpr(ctx, a->ns);
    TCGv_i32 take;

    if (!ns) {
        return true;
    }
    take = tmp32(ctx);
    if (swap) {
        tcg_gen_setcond_i32(t, cond, take, b, ns);
    } else {
        tcg_gen_setcond_i32(t, cond, take, ns, b);
    }
    if (neg) {
        tcg_gen_xori_i32(t, take, take, 1);
    }
    gen_branch_imm(ctx, ctx->pkt_pc + (uint32_t)a->off, take);
    return true;
}

#define NVJR(NAME, COND, SWAP, NEG)                                          \
static bool trans_##NAME(DisasContext *ctx, arg_nvjump *a)                  \
{                                                                            \
    return do_nvjump(ctx, a, COND, get_gpr(ctx, a->rt), SWAP, NEG);          \
}

#define NVJI(NAME, COND, NEG)                                                \
static bool trans_##NAME(DisasContext *ctx, arg_nvjump *a)                  \
{                                                                            \
    return do_nvjump(ctx, a, COND, tcg_constant_i32(ctx->tcg,                \
                                                    (int32_t)a->rt),         \
                     false, NEG);                                            \
}

NVJR(NVJ_EQ, TCG_COND_EQ, false, false)
NVJR(NVJ_NEQ, TCG_COND_EQ, false, true)
NVJR(NVJ_GT, TCG_COND_GT, false, false)
NVJR(NVJ_NGT, TCG_COND_GT, false, true)
NVJR(NVJ_GTU, TCG_COND_GTU, false, false)
NVJR(NVJ_NGTU, TCG_COND_GTU, false, true)
NVJR(NVJ_LT, TCG_COND_GT, true, false)
NVJR(NVJ_NLT, TCG_COND_GT, true, true)
NVJR(NVJ_LTU, TCG_COND_GTU, true, false)
NVJR(NVJ_NLTU, TCG_COND_GTU, true, true)
NVJI(NVJ_EQI, TCG_COND_EQ, false)
NVJI(NVJ_NEQI, TCG_COND_EQ, true)
NVJI(NVJ_GTI, TCG_COND_GT, false)
NVJI(NVJ_NGTI, TCG_COND_GT, true)
NVJI(NVJ_GTUI, TCG_COND_GTU, false)
NVJI(NVJ_NGTUI, TCG_COND_GTU, true)
NVJI(NVJ_EQN1, TCG_COND_EQ, false)
NVJI(NVJ_NEQN1, TCG_COND_EQ, true)
NVJI(NVJ_GTN1, TCG_COND_GT, false)
NVJI(NVJ_NGTN1, TCG_COND_GT, true)

/* tstbit(Ns.new,#0): bit 0 of the new value */
static bool trans_NVJ_TSTBIT(DisasContext *ctx, arg_nvjump *a)
{
    return do_nvjump(ctx, a, TCG_COND_TSTNE, tcg_constant_i32(ctx->tcg, 1),
                     false, false);
}

static bool trans_NVJ_NTSTBIT(DisasContext *ctx, arg_nvjump *a)
{
    return do_nvjump(ctx, a, TCG_COND_TSTNE, tcg_constant_i32(ctx->tcg, 1),
                     false, true);
}
