/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Hexagon LD/ST (hex-ldst.isa): loads and stores of bytes, half-words,
 * words and double words with every addressing mode of the tables (base +
 * offset, GP-relative or absolute when extended, post-increment by
 * immediate or M0/M1, circular with an immediate or I, bit-reversed,
 * indexed Rs + Rt << #u2, absolute-set Re=##U32, Ru << #u2 + ##U32,
 * predicated forms), memops, stores of immediates and new-value stores
 * (the value a register gets earlier in the same packet).  Loads happen
 * in place (a fault leaves the packet uncommitted); stores are queued
 * to the packet's end (translate.c).
 * Accesses are naturally aligned or raise cause 0x20/0x21.
 * Spec: Hexagon V68 PRM, "LD", "ST", "MEMOP", "Addressing modes"
 * (circular: start CS0/CS1, length Mu[16:0]; I = Mu[31:28]:Mu[23:17]).
 */
#include "translate.h"

/*
 * Predicate of the absolute-set and Ru<<#u2+##U32 patterns: the hardware
 * takes the #U6 form as well; only llvm's disassembler wants an extender
 * (see disas.c).
 */
static bool hex_extended(DisasContext *ctx)
{
    return true;
}

#include "decode-hexagon-ldst.c.inc"

bool hex_decode_ldst(DisasContext *ctx, uint32_t insn)
{
    return decode_hex_ldst(ctx, insn);
}

/* Circular add: wrap @rx + @inc into [CS, CS + Mu[16:0]). */
static uint32_t helper_circ(void *env, uint32_t rx, uint32_t inc, uint32_t m,
                            uint32_t cs)
{
    uint32_t len = m & 0x1ffff;
    int64_t off = (int64_t)rx - cs + (int32_t)inc;

    if (len == 0) {
        return rx + inc;
    }
    off %= len;
    if (off < 0) {
        off += len;
    }
    return cs + (uint32_t)off;
}

static const TCGHelperInfo helper_circ_info = {
    .func = (const void *)helper_circ, .name = "circ",
    .flags = TCG_CALL_PURE, .nb_args = 5, .ret = TCG_CALL_I32,
    .args = { TCG_CALL_PTR, TCG_CALL_I32, TCG_CALL_I32, TCG_CALL_I32,
              TCG_CALL_I32 },
};

/* Bit-reverse the low 16 bits of @rx. */
static uint32_t helper_brev(void *env, uint32_t rx)
{
    uint32_t r = 0;

    for (int i = 0; i < 16; i++) {
        r |= ((rx >> i) & 1) << (15 - i);
    }
    return (rx & 0xffff0000u) | r;
}

static const TCGHelperInfo helper_brev_info = {
    .func = (const void *)helper_brev, .name = "brev",
    .flags = TCG_CALL_PURE, .nb_args = 2, .ret = TCG_CALL_I32,
    .args = { TCG_CALL_PTR, TCG_CALL_I32 },
};

/* The effective address of a post-increment access (translate.h). */
TCGv_i64 hex_gen_postinc(DisasContext *ctx, unsigned rx, unsigned mu,
                         int32_t imm, HexIncMode mode, MemOp op,
                         TCGv_i32 nrx)
{
    TCGContext *t = ctx->tcg;
    TCGv_i32 x = get_gpr(ctx, rx);
    TCGv_i32 m = get_cr(ctx, HEX_CR_M0 + mu);
    TCGv_i32 cs = get_cr(ctx, HEX_CR_CS0 + mu);
    TCGv_i32 ea = tmp32(ctx), inc = tmp32(ctx), hi = tmp32(ctx);
    TCGv_i64 a = tmp64(ctx);

    tcg_gen_mov_i32(t, ea, x);
    switch (mode) {
    case HEX_INC_IMM:
        tcg_gen_addi_i32(t, nrx, x, imm);
        break;
    case HEX_INC_M:
        tcg_gen_add_i32(t, nrx, x, m);
        break;
    case HEX_INC_BREV:
        gen_helper(ctx, &helper_brev_info, tcgv_i32_arg(ea), 1,
                   tcgv_i32_arg(x));
        tcg_gen_add_i32(t, nrx, x, m);
        break;
    case HEX_INC_CIRC_IMM:
    case HEX_INC_CIRC_I:
        if (mode == HEX_INC_CIRC_IMM) {
            tcg_gen_movi_i32(t, inc, imm);
        } else {
            /* I[10:0] = Mu[31:28] . Mu[23:17], signed, scaled */
            tcg_gen_extract_i32(t, inc, m, 17, 7);
            tcg_gen_sari_i32(t, hi, m, 28);
            tcg_gen_deposit_i32(t, inc, inc, hi, 7, 25);
            tcg_gen_shli_i32(t, inc, inc, memop_log2_size(op));
        }
        gen_helper(ctx, &helper_circ_info, tcgv_i32_arg(nrx), 4,
                   tcgv_i32_arg(x), tcgv_i32_arg(inc), tcgv_i32_arg(m),
                   tcgv_i32_arg(cs));
        break;
    }
    tcg_gen_extu_i32_i64(t, a, ea);
    return a;
}

/* Allocate the destination(s) of a load into R@rd (a pair for MO_64). */
static void load_dest(DisasContext *ctx, unsigned rd, MemOp op)
{
    if (memop_log2_size(op) == MO_64) {
        dest_gpr_pair(ctx, rd);
    } else {
        dest_gpr(ctx, rd);
    }
}

static void do_load(DisasContext *ctx, unsigned rd, MemOp op, TCGv_i64 addr)
{
    if (memop_log2_size(op) == MO_64) {
        set_gpr_pair(ctx, rd, gen_load64(ctx, addr));
    } else {
        tcg_gen_mov_i32(ctx->tcg, dest_gpr(ctx, rd),
                        gen_load32(ctx, addr, op));
    }
}

/* A load, when @pc != -1 only if the predicate condition holds. */
static bool ld_cond(DisasContext *ctx, int pc, unsigned rd, MemOp op,
                    TCGv_i64 (*ea)(DisasContext *, void *), void *arg)
{
    TCGv_i32 c = NULL;
    TCGLabel *skip = NULL;

    if (pc >= 0) {
        c = pred_cond(ctx, (unsigned)pc);
        if (!c) {
            return true;
        }
    }
    load_dest(ctx, rd, op);
    if (c) {
        skip = gen_skip_unless(ctx, c);
    }
    do_load(ctx, rd, op, ea(ctx, arg));
    if (skip) {
        gen_set_label(ctx->tcg, skip);
    }
    return true;
}

typedef struct EaArgs {
    unsigned rs, rt, rx, mu;
    int32_t imm;
    HexIncMode mode;
    MemOp op;
    TCGv_i32 nrx;
} EaArgs;

static TCGv_i64 ea_io(DisasContext *ctx, void *p)
{
    EaArgs *e = p;

    return gen_addr(ctx, get_gpr(ctx, e->rs), e->imm);
}

static TCGv_i64 ea_rr(DisasContext *ctx, void *p)
{
    EaArgs *e = p;
    TCGv_i32 a = tmp32(ctx);

    tcg_gen_shli_i32(ctx->tcg, a, get_gpr(ctx, e->rt), e->imm);
    tcg_gen_add_i32(ctx->tcg, a, a, get_gpr(ctx, e->rs));
    return gen_addr(ctx, a, 0);
}

static TCGv_i64 ea_inc(DisasContext *ctx, void *p)
{
    EaArgs *e = p;

    return hex_gen_postinc(ctx, e->rx, e->mu, e->imm, e->mode, e->op, e->nrx);
}

/* GP-relative, or the absolute extended address. */
static TCGv_i64 gen_gp_addr(DisasContext *ctx, int32_t imm)
{
    if (ctx->ext_pending) {
        return gen_addr(ctx, tcg_constant_i32(ctx->tcg, 0), imm);
    }
    return gen_addr(ctx, get_cr(ctx, HEX_CR_GP), imm);
}

static bool do_ld_gp(DisasContext *ctx, unsigned rd, int32_t imm, MemOp op)
{
    load_dest(ctx, rd, op);
    do_load(ctx, rd, op, gen_gp_addr(ctx, imm));
    return true;
}

static bool do_ld_inc(DisasContext *ctx, int pc, arg_ldpi *a, HexIncMode mode,
                      MemOp op)
{
    EaArgs e = { .rx = a->rx, .mu = a->mu, .imm = (int32_t)a->imm,
                 .mode = mode, .op = op };
    TCGv_i32 c = NULL;
    TCGLabel *skip = NULL;

    if (pc >= 0) {
        c = pred_cond(ctx, (unsigned)pc);
        if (!c) {
            return true;
        }
    }
    /* the loaded register first: it is the new value of the load */
    load_dest(ctx, a->rd, op);
    e.nrx = dest_gpr(ctx, a->rx);
    if (c) {
        skip = gen_skip_unless(ctx, c);
    }
    do_load(ctx, a->rd, op, ea_inc(ctx, &e));
    if (skip) {
        gen_set_label(ctx->tcg, skip);
    }
    return true;
}

#define LOADS(SZ, OP)                                                        \
static bool trans_L_MEM##SZ##_IO(DisasContext *ctx, arg_rri *a)             \
{                                                                            \
    EaArgs e = { .rs = a->rs, .imm = (int32_t)a->imm };                      \
    return ld_cond(ctx, -1, a->rd, OP, ea_io, &e);                          \
}                                                                            \
static bool trans_L_MEM##SZ##_GP(DisasContext *ctx, arg_ri *a)              \
{                                                                            \
    return do_ld_gp(ctx, a->rd, (int32_t)a->imm, OP);                        \
}                                                                            \
static bool trans_L_MEM##SZ##_PI(DisasContext *ctx, arg_ldpi *a)            \
{                                                                            \
    return do_ld_inc(ctx, -1, a, HEX_INC_IMM, OP);                           \
}                                                                            \
static bool trans_L_MEM##SZ##_PR(DisasContext *ctx, arg_ldpi *a)            \
{                                                                            \
    return do_ld_inc(ctx, -1, a, HEX_INC_M, OP);                             \
}                                                                            \
static bool trans_L_MEM##SZ##_PCI(DisasContext *ctx, arg_ldpi *a)           \
{                                                                            \
    return do_ld_inc(ctx, -1, a, HEX_INC_CIRC_IMM, OP);                      \
}                                                                            \
static bool trans_L_MEM##SZ##_PCR(DisasContext *ctx, arg_ldpi *a)           \
{                                                                            \
    return do_ld_inc(ctx, -1, a, HEX_INC_CIRC_I, OP);                        \
}                                                                            \
static bool trans_L_MEM##SZ##_PBR(DisasContext *ctx, arg_ldpi *a)           \
{                                                                            \
    return do_ld_inc(ctx, -1, a, HEX_INC_BREV, OP);                          \
}                                                                            \
static bool trans_L_MEM##SZ##_RR(DisasContext *ctx, arg_rrri *a)            \
{                                                                            \
    EaArgs e = { .rs = a->rs, .rt = a->rt, .imm = (int32_t)a->imm };         \
    return ld_cond(ctx, -1, a->rd, OP, ea_rr, &e);                          \
}                                                                            \
static bool trans_PL_MEM##SZ##_IO(DisasContext *ctx, arg_prri *a)           \
{                                                                            \
    EaArgs e = { .rs = a->rs, .imm = (int32_t)a->imm };                      \
    return ld_cond(ctx, (int)a->pc, a->rd, OP, ea_io, &e);                  \
}                                                                            \
static bool trans_PL_MEM##SZ##_RR(DisasContext *ctx, arg_prrri *a)          \
{                                                                            \
    EaArgs e = { .rs = a->rs, .rt = a->rt, .imm = (int32_t)a->imm };         \
    return ld_cond(ctx, (int)a->pc, a->rd, OP, ea_rr, &e);                  \
}                                                                            \
static bool trans_PL_MEM##SZ##_PI(DisasContext *ctx, arg_pldpi *a)          \
{                                                                            \
    arg_ldpi l = { .rd = a->rd, .rx = a->rx, .mu = 0, .imm = a->imm };       \
    return do_ld_inc(ctx, (int)a->pc, &l, HEX_INC_IMM, OP);                  \
}

LOADS(B, MO_SB)
LOADS(UB, MO_UB)
LOADS(H, MO_LESW)
LOADS(UH, MO_LEUW)
LOADS(W, MO_LEUL)
LOADS(D, MO_LEUQ)

/* ------------------------------------------------------------------ */
/* Stores                                                               */

void hex_gen_store_reg(DisasContext *ctx, HexStKind kind, TCGv_i64 addr,
                       unsigned rt, TCGv_i32 cond)
{
    TCGv_i32 v;

    if (kind == HEX_ST_D) {
        gen_store64(ctx, addr, get_gpr_pair(ctx, rt), cond);
        return;
    }
    v = get_gpr(ctx, rt);
    if (kind == HEX_ST_HH) {
        TCGv_i32 h = tmp32(ctx);

        tcg_gen_shri_i32(ctx->tcg, h, v, 16);
        v = h;
    }
    gen_store32(ctx, addr, v, hex_st_memop(kind), cond);
}

static bool st_inc(DisasContext *ctx, arg_stpi *a, int kind, HexIncMode mode)
{
    TCGv_i32 nrx = dest_gpr(ctx, a->rx);
    TCGv_i64 addr = hex_gen_postinc(ctx, a->rx, a->mu, (int32_t)a->imm,
                                    mode, hex_st_memop(kind), nrx);

    hex_gen_store_reg(ctx, kind, addr, a->rt, NULL);
    return true;
}

static bool st_pio(DisasContext *ctx, arg_prri *a, int kind)
{
    TCGv_i32 c = pred_cond(ctx, a->pc);

    if (c) {
        hex_gen_store_reg(ctx, kind, gen_addr(ctx, get_gpr(ctx, a->rs),
                                     (int32_t)a->imm), a->rd, c);
    }
    return true;
}

static bool st_rr(DisasContext *ctx, arg_strr *a, int kind)
{
    TCGv_i32 ea = tmp32(ctx);

    tcg_gen_shli_i32(ctx->tcg, ea, get_gpr(ctx, a->ru), a->imm);
    tcg_gen_add_i32(ctx->tcg, ea, ea, get_gpr(ctx, a->rs));
    hex_gen_store_reg(ctx, kind, gen_addr(ctx, ea, 0), a->rv, NULL);
    return true;
}

#define STORES(SZ, KIND)                                                     \
static bool trans_S_MEM##SZ##_IO(DisasContext *ctx, arg_rri *a)             \
{                                                                            \
    hex_gen_store_reg(ctx, KIND, gen_addr(ctx, get_gpr(ctx, a->rs),                   \
                                 (int32_t)a->imm), a->rd, NULL);             \
    return true;                                                             \
}                                                                            \
static bool trans_S_MEM##SZ##_GP(DisasContext *ctx, arg_ri *a)              \
{                                                                            \
    hex_gen_store_reg(ctx, KIND, gen_gp_addr(ctx, (int32_t)a->imm), a->rd, NULL);    \
    return true;                                                             \
}                                                                            \
static bool trans_S_MEM##SZ##_PI(DisasContext *ctx, arg_stpi *a)            \
{                                                                            \
    return st_inc(ctx, a, KIND, HEX_INC_IMM);                                \
}                                                                            \
static bool trans_S_MEM##SZ##_PR(DisasContext *ctx, arg_stpi *a)            \
{                                                                            \
    return st_inc(ctx, a, KIND, HEX_INC_M);                                  \
}                                                                            \
static bool trans_S_MEM##SZ##_RR(DisasContext *ctx, arg_strr *a)            \
{                                                                            \
    return st_rr(ctx, a, KIND);                                              \
}                                                                            \
static bool trans_PS_MEM##SZ##_IO(DisasContext *ctx, arg_prri *a)           \
{                                                                            \
    return st_pio(ctx, a, KIND);                                             \
}

STORES(B, HEX_ST_B)
STORES(H, HEX_ST_H)
STORES(HH, HEX_ST_HH)
STORES(W, HEX_ST_W)
STORES(D, HEX_ST_D)

/* ------------------------------------------------------------------ */
/* Absolute-set and Ru << #u2 + ##U32 addressing                        */

/* Re = #imm, and the access is at #imm. */
static TCGv_i64 ea_ap(DisasContext *ctx, unsigned re, uint32_t imm)
{
    tcg_gen_movi_i32(ctx->tcg, dest_gpr(ctx, re), (int32_t)imm);
    return gen_addr(ctx, tcg_constant_i32(ctx->tcg, 0), (int32_t)imm);
}

static TCGv_i64 ea_ur(DisasContext *ctx, unsigned ru, unsigned sh,
                      uint32_t imm)
{
    TCGv_i32 a = tmp32(ctx);

    tcg_gen_shli_i32(ctx->tcg, a, get_gpr(ctx, ru), sh);
    return gen_addr(ctx, a, (int32_t)imm);
}

#define LOADS_X(SZ, OP)                                                      \
static bool trans_L_MEM##SZ##_AP(DisasContext *ctx, arg_ldap *a)            \
{                                                                            \
    load_dest(ctx, a->rd, OP);                                               \
    do_load(ctx, a->rd, OP, ea_ap(ctx, a->re, (uint32_t)a->imm));            \
    return true;                                                             \
}                                                                            \
static bool trans_L_MEM##SZ##_UR(DisasContext *ctx, arg_ldur *a)            \
{                                                                            \
    load_dest(ctx, a->rd, OP);                                               \
    do_load(ctx, a->rd, OP, ea_ur(ctx, a->ru, a->sh, (uint32_t)a->imm));     \
    return true;                                                             \
}

LOADS_X(B, MO_SB)
LOADS_X(UB, MO_UB)
LOADS_X(H, MO_LESW)
LOADS_X(UH, MO_LEUW)
LOADS_X(W, MO_LEUL)
LOADS_X(D, MO_LEUQ)

#define STORES_X(SZ, KIND)                                                   \
static bool trans_S_MEM##SZ##_AP(DisasContext *ctx, arg_stap *a)            \
{                                                                            \
    hex_gen_store_reg(ctx, KIND, ea_ap(ctx, a->re, (uint32_t)a->imm), a->rt, NULL);   \
    return true;                                                             \
}                                                                            \
static bool trans_S_MEM##SZ##_UR(DisasContext *ctx, arg_stur *a)            \
{                                                                            \
    hex_gen_store_reg(ctx, KIND, ea_ur(ctx, a->ru, a->sh, (uint32_t)a->imm), a->rt,   \
             NULL);                                                          \
    return true;                                                             \
}

STORES_X(B, HEX_ST_B)
STORES_X(H, HEX_ST_H)
STORES_X(HH, HEX_ST_HH)
STORES_X(W, HEX_ST_W)
STORES_X(D, HEX_ST_D)

/* ------------------------------------------------------------------ */
/* New-value stores (PRM "New-value stores")                           */

/*
 * The new value of the producer @dist instructions back is fetched before
 * any destination is allocated: a deferred store is translated again.
 */
#define NV_VALUE(v, dist)                                                    \
    TCGv_i32 v = get_new_gpr(ctx, (dist));                                   \
    if (!v) {                                                                \
        return true;                                                         \
    }

#define NV_STORES(SZ, OP)                                                    \
static bool trans_NV_S_MEM##SZ##_IO(DisasContext *ctx, arg_nvrri *a)        \
{                                                                            \
    NV_VALUE(v, a->nt);                                                      \
    gen_store32(ctx, gen_addr(ctx, get_gpr(ctx, a->rs), (int32_t)a->imm),    \
                v, OP, NULL);                                                \
    return true;                                                             \
}                                                                            \
static bool trans_NV_S_MEM##SZ##_GP(DisasContext *ctx, arg_nvri *a)         \
{                                                                            \
    NV_VALUE(v, a->nt);                                                      \
    gen_store32(ctx, gen_gp_addr(ctx, (int32_t)a->imm), v, OP, NULL);        \
    return true;                                                             \
}                                                                            \
static bool trans_NV_S_MEM##SZ##_PI(DisasContext *ctx, arg_nvpi *a)         \
{                                                                            \
    NV_VALUE(v, a->nt);                                                      \
    gen_store32(ctx, hex_gen_postinc(ctx, a->rx, 0, (int32_t)a->imm,         \
                                     HEX_INC_IMM, OP, dest_gpr(ctx, a->rx)), \
                v, OP, NULL);                                                \
    return true;                                                             \
}                                                                            \
static bool trans_NV_S_MEM##SZ##_PR(DisasContext *ctx, arg_nvpi *a)         \
{                                                                            \
    NV_VALUE(v, a->nt);                                                      \
    gen_store32(ctx, hex_gen_postinc(ctx, a->rx, a->mu, 0, HEX_INC_M, OP,    \
                                     dest_gpr(ctx, a->rx)), v, OP, NULL);    \
    return true;                                                             \
}                                                                            \
static bool trans_NV_S_MEM##SZ##_RR(DisasContext *ctx, arg_nvrr *a)         \
{                                                                            \
    TCGv_i32 ea = tmp32(ctx);                                                \
    NV_VALUE(v, a->nt);                                                      \
    tcg_gen_shli_i32(ctx->tcg, ea, get_gpr(ctx, a->ru), a->imm);             \
    tcg_gen_add_i32(ctx->tcg, ea, ea, get_gpr(ctx, a->rs));                  \
    gen_store32(ctx, gen_addr(ctx, ea, 0), v, OP, NULL);                     \
    return true;                                                             \
}                                                                            \
static bool trans_NV_PS_MEM##SZ##_IO(DisasContext *ctx, arg_pnvri *a)       \
{                                                                            \
    TCGv_i32 c = pred_cond(ctx, a->pc);                                      \
    if (!c) {                                                                \
        return true;                                                         \
    }                                                                        \
    NV_VALUE(v, a->nt);                                                      \
    gen_store32(ctx, gen_addr(ctx, get_gpr(ctx, a->rs), (int32_t)a->imm),    \
                v, OP, c);                                                   \
    return true;                                                             \
}                                                                            \
static bool trans_NV_S_MEM##SZ##_AP(DisasContext *ctx, arg_stap *a)         \
{                                                                            \
    NV_VALUE(v, a->rt);                                                      \
    gen_store32(ctx, ea_ap(ctx, a->re, (uint32_t)a->imm), v, OP, NULL);      \
    return true;                                                             \
}                                                                            \
static bool trans_NV_S_MEM##SZ##_UR(DisasContext *ctx, arg_stur *a)         \
{                                                                            \
    NV_VALUE(v, a->rt);                                                      \
    gen_store32(ctx, ea_ur(ctx, a->ru, a->sh, (uint32_t)a->imm), v, OP,      \
                NULL);                                                       \
    return true;                                                             \
}

NV_STORES(B, MO_UB)
NV_STORES(H, MO_LEUW)
NV_STORES(W, MO_LEUL)

/* ------------------------------------------------------------------ */
/* Memops and stores of immediates                                      */

enum { MOP_ADD, MOP_SUB, MOP_AND, MOP_OR, MOP_CLRBIT, MOP_SETBIT };

static bool do_memop(DisasContext *ctx, arg_rri *a, MemOp op, int mop,
                     bool imm)
{
    TCGContext *t = ctx->tcg;
    TCGv_i64 addr = gen_addr(ctx, get_gpr(ctx, a->rs), (int32_t)a->imm);
    TCGv_i32 v = gen_load32(ctx, addr, op);
    TCGv_i32 x = imm ? tcg_constant_i32(t, (int32_t)a->rd)
                     : get_gpr(ctx, a->rd);

    switch (mop) {
    case MOP_ADD:
        tcg_gen_add_i32(t, v, v, x);
        break;
    case MOP_SUB:
        tcg_gen_sub_i32(t, v, v, x);
        break;
    case MOP_AND:
        tcg_gen_and_i32(t, v, v, x);
        break;
    case MOP_OR:
        tcg_gen_or_i32(t, v, v, x);
        break;
    case MOP_CLRBIT:
        tcg_gen_andi_i32(t, v, v, ~(1u << (a->rd & 31)));
        break;
    default:
        tcg_gen_ori_i32(t, v, v, 1u << (a->rd & 31));
        break;
    }
    gen_store32(ctx, addr, v, op, NULL);
    return true;
}

#define MEMOPS(SZ, OP)                                                       \
static bool trans_MEMOP##SZ##_ADD(DisasContext *ctx, arg_rri *a)            \
{ return do_memop(ctx, a, OP, MOP_ADD, false); }                            \
static bool trans_MEMOP##SZ##_SUB(DisasContext *ctx, arg_rri *a)            \
{ return do_memop(ctx, a, OP, MOP_SUB, false); }                            \
static bool trans_MEMOP##SZ##_AND(DisasContext *ctx, arg_rri *a)            \
{ return do_memop(ctx, a, OP, MOP_AND, false); }                            \
static bool trans_MEMOP##SZ##_OR(DisasContext *ctx, arg_rri *a)             \
{ return do_memop(ctx, a, OP, MOP_OR, false); }                             \
static bool trans_MEMOP##SZ##_ADDI(DisasContext *ctx, arg_rri *a)           \
{ return do_memop(ctx, a, OP, MOP_ADD, true); }                             \
static bool trans_MEMOP##SZ##_SUBI(DisasContext *ctx, arg_rri *a)           \
{ return do_memop(ctx, a, OP, MOP_SUB, true); }                             \
static bool trans_MEMOP##SZ##_CLRBIT(DisasContext *ctx, arg_rri *a)         \
{ return do_memop(ctx, a, OP, MOP_CLRBIT, true); }                          \
static bool trans_MEMOP##SZ##_SETBIT(DisasContext *ctx, arg_rri *a)         \
{ return do_memop(ctx, a, OP, MOP_SETBIT, true); }                          \
static bool trans_STORE##SZ##_I(DisasContext *ctx, arg_rri *a)              \
{                                                                            \
    gen_store32(ctx, gen_addr(ctx, get_gpr(ctx, a->rs), (int32_t)a->imm),    \
                tcg_constant_i32(ctx->tcg, (int32_t)a->rd), OP, NULL);       \
    return true;                                                             \
}

MEMOPS(B, MO_UB)
MEMOPS(H, MO_LEUW)
MEMOPS(W, MO_LEUL)

/* ------------------------------------------------------------------ */
/* Stack frames (32-bit forms; translate-j.c has the semantics)         */

static bool trans_ALLOCFRAME(DisasContext *ctx, arg_ALLOCFRAME *a)
{
    hex_gen_allocframe(ctx, (uint32_t)a->imm);
    return true;
}

static bool trans_DEALLOCFRAME(DisasContext *ctx, arg_empty *a)
{
    hex_gen_deallocframe(ctx, NULL, false);
    return true;
}
