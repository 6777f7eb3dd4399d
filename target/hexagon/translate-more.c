/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Translator of hex-more.isa: shift by immediate with and/or/add/sub of
 * an immediate, add of a multiply, logical-logical with #s10, predicated
 * stores with absolute addressing (register and new-value) and of an
 * immediate, and the locked load / store-conditional pair (LL/SC).
 *
 * LL/SC model (docs/devel/hexagon.md, "LL/SC"): memw_locked/memd_locked
 * loads record the address and the value loaded in the thread's
 * reservation (env->llsc_addr/llsc_val; llsc_addr == UINT64_MAX when
 * there is none).  The store-conditional succeeds (Pd = 0xff) when the
 * reservation is on its address and a host compare-and-swap from the
 * recorded value to the new one succeeds; otherwise nothing is stored
 * and Pd = 0x00.  Either way the reservation is dropped, as it is by
 * every event (excp.c).  A store by another thread that leaves the
 * recorded value in place (A-B-A) is not noticed: the store-conditional
 * then succeeds, where the hardware's reservation would have been lost.
 * The store-conditional writes memory at its place in the packet, not
 * with the packet's queued stores; its Pd is a normal predicate write.
 * Spec: Hexagon V68 PRM, "XTYPE", "ALU64", "ST", "NV", "Load locked",
 * "Store conditional"; V6x System-Level Architecture (reservations).
 */
#include "translate.h"
#include "exec/cputlb.h"

/*
 * Predicate of the predicated absolute stores: the hardware takes the
 * #u6 form as well; only llvm's disassembler wants an extender.
 */
static bool hex_extended(DisasContext *ctx)
{
    return true;
}

#include "decode-hexagon-more.c.inc"

bool hex_decode_more(DisasContext *ctx, uint32_t insn)
{
    return decode_hex_more(ctx, insn);
}

/* ------------------------------------------------------------------ */
/* Rx = op(#u8, asl|lsr(Rx, #U5))                                       */

enum { SHOP_AND, SHOP_OR, SHOP_ADD, SHOP_SUB };

static bool do_shift_op(DisasContext *ctx, arg_mo_xsh *a, int op, bool lsr)
{
    TCGContext *t = ctx->tcg;
    TCGv_i32 s = tmp32(ctx);
    TCGv_i32 d = dest_gpr(ctx, a->rx);
    int32_t imm = (int32_t)a->imm;

    if (lsr) {
        tcg_gen_shri_i32(t, s, get_gpr(ctx, a->rx), a->sh);
    } else {
        tcg_gen_shli_i32(t, s, get_gpr(ctx, a->rx), a->sh);
    }
    switch (op) {
    case SHOP_AND:
        tcg_gen_andi_i32(t, d, s, imm);
        break;
    case SHOP_OR:
        tcg_gen_ori_i32(t, d, s, imm);
        break;
    case SHOP_ADD:
        tcg_gen_addi_i32(t, d, s, imm);
        break;
    default:
        tcg_gen_sub_i32(t, d, tcg_constant_i32(t, imm), s);
        break;
    }
    return true;
}

#define SHIFT_OP(NAME, OP)                                                   \
static bool trans_##NAME##_ASL(DisasContext *ctx, arg_mo_xsh *a)            \
{                                                                            \
    return do_shift_op(ctx, a, OP, false);                                   \
}                                                                            \
static bool trans_##NAME##_LSR(DisasContext *ctx, arg_mo_xsh *a)            \
{                                                                            \
    return do_shift_op(ctx, a, OP, true);                                    \
}

SHIFT_OP(ANDI, SHOP_AND)
SHIFT_OP(ORI, SHOP_OR)
SHIFT_OP(ADDI, SHOP_ADD)
SHIFT_OP(SUBI, SHOP_SUB)

/* ------------------------------------------------------------------ */
/* Rd = add(U, mpyi(S, T)): the low 32 bits of the product              */

static void gen_add_mpyi(DisasContext *ctx, unsigned rd, TCGv_i32 u,
                         TCGv_i32 s, TCGv_i32 t)
{
    TCGContext *tc = ctx->tcg;
    TCGv_i32 p = tmp32(ctx);

    tcg_gen_mul_i32(tc, p, s, t);
    tcg_gen_add_i32(tc, dest_gpr(ctx, rd), p, u);
}

static TCGv_i32 imm32(DisasContext *ctx, int64_t v)
{
    return tcg_constant_i32(ctx->tcg, (int32_t)v);
}

/* Ry = add(Ru, mpyi(Ry, Rs)): rd is Ry, rt is Rs */
static bool trans_MPYRR_ADDR(DisasContext *ctx, arg_mo_amp *a)
{
    gen_add_mpyi(ctx, a->rd, get_gpr(ctx, a->ru), get_gpr(ctx, a->rd),
                 get_gpr(ctx, a->rt));
    return true;
}

static bool trans_MPYRR_ADDI(DisasContext *ctx, arg_mo_amp *a)
{
    gen_add_mpyi(ctx, a->rd, imm32(ctx, a->ru), get_gpr(ctx, a->rs),
                 get_gpr(ctx, a->rt));
    return true;
}

static bool trans_MPYRI_ADDI(DisasContext *ctx, arg_mo_amp *a)
{
    gen_add_mpyi(ctx, a->rd, imm32(ctx, a->ru), get_gpr(ctx, a->rs),
                 imm32(ctx, a->rt));
    return true;
}

static bool trans_MPYRI_ADDR_U2(DisasContext *ctx, arg_mo_amp *a)
{
    gen_add_mpyi(ctx, a->rd, get_gpr(ctx, a->ru), get_gpr(ctx, a->rs),
                 imm32(ctx, a->rt));
    return true;
}

static bool trans_MPYRI_ADDR(DisasContext *ctx, arg_mo_amp *a)
{
    return trans_MPYRI_ADDR_U2(ctx, a);
}

/* ------------------------------------------------------------------ */
/* Logical-logical with #s10                                            */

/* Rx |= and(Rs, #s10) */
static bool trans_ANDI_OR_ACC(DisasContext *ctx, arg_mo_li *a)
{
    TCGContext *t = ctx->tcg;
    TCGv_i32 v = tmp32(ctx);

    tcg_gen_andi_i32(t, v, get_gpr(ctx, a->rs), (int32_t)a->imm);
    tcg_gen_or_i32(t, dest_gpr(ctx, a->rx), get_gpr(ctx, a->rx), v);
    return true;
}

/* Rx |= or(Rs, #s10) */
static bool trans_ORI_OR_ACC(DisasContext *ctx, arg_mo_li *a)
{
    TCGContext *t = ctx->tcg;
    TCGv_i32 v = tmp32(ctx);

    tcg_gen_ori_i32(t, v, get_gpr(ctx, a->rs), (int32_t)a->imm);
    tcg_gen_or_i32(t, dest_gpr(ctx, a->rx), get_gpr(ctx, a->rx), v);
    return true;
}

/* Rx = or(Ru, and(Rx, #s10)); rs holds Ru */
static bool trans_OR_ANDI(DisasContext *ctx, arg_mo_li *a)
{
    TCGContext *t = ctx->tcg;
    TCGv_i32 v = tmp32(ctx);

    tcg_gen_andi_i32(t, v, get_gpr(ctx, a->rx), (int32_t)a->imm);
    tcg_gen_or_i32(t, dest_gpr(ctx, a->rx), get_gpr(ctx, a->rs), v);
    return true;
}

/* ------------------------------------------------------------------ */
/* Predicated stores: absolute address, immediate value                 */

static TCGv_i64 abs_addr(DisasContext *ctx, int64_t imm)
{
    return gen_addr(ctx, tcg_constant_i32(ctx->tcg, 0), (int32_t)imm);
}

/* if (pc) mem(#imm) = Rt; @hh: Rt.h; MO_LEUQ: the pair Rtt */
static bool st_pabs(DisasContext *ctx, arg_mo_pabs *a, MemOp op, bool hh)
{
    TCGv_i32 c = pred_cond(ctx, a->pc);
    TCGv_i32 v;

    if (!c) {
        return true;
    }
    if (op == MO_LEUQ) {
        gen_store64(ctx, abs_addr(ctx, a->imm), get_gpr_pair(ctx, a->rt), c);
        return true;
    }
    v = get_gpr(ctx, a->rt);
    if (hh) {
        TCGv_i32 h = tmp32(ctx);

        tcg_gen_shri_i32(ctx->tcg, h, v, 16);
        v = h;
    }
    gen_store32(ctx, abs_addr(ctx, a->imm), v, op, c);
    return true;
}

/* if (pc) mem(#imm) = Nt.new: the condition first (it may defer) */
static bool st_pabs_nv(DisasContext *ctx, arg_mo_pabs *a, MemOp op)
{
    TCGv_i32 c = pred_cond(ctx, a->pc);
    TCGv_i32 v;

    if (!c) {
        return true;
    }
    v = get_new_gpr(ctx, a->rt);
    if (v) {
        gen_store32(ctx, abs_addr(ctx, a->imm), v, op, c);
    }
    return true;
}

/* if (pc) mem(Rs + #off) = #imm */
static bool st_pimm(DisasContext *ctx, arg_mo_psi *a, MemOp op)
{
    TCGv_i32 c = pred_cond(ctx, a->pc);

    if (c) {
        gen_store32(ctx, gen_addr(ctx, get_gpr(ctx, a->rs), (int32_t)a->off),
                    imm32(ctx, a->imm), op, c);
    }
    return true;
}

#define PSTORES(SZ, OP)                                                      \
static bool trans_PS_MEM##SZ##_ABS(DisasContext *ctx, arg_mo_pabs *a)       \
{                                                                            \
    return st_pabs(ctx, a, OP, false);                                       \
}                                                                            \
static bool trans_NV_PS_MEM##SZ##_ABS(DisasContext *ctx, arg_mo_pabs *a)    \
{                                                                            \
    return st_pabs_nv(ctx, a, OP);                                           \
}                                                                            \
static bool trans_PSI_MEM##SZ##_IO(DisasContext *ctx, arg_mo_psi *a)        \
{                                                                            \
    return st_pimm(ctx, a, OP);                                              \
}

PSTORES(B, MO_UB)
PSTORES(H, MO_LEUW)
PSTORES(W, MO_LEUL)

static bool trans_PS_MEMHH_ABS(DisasContext *ctx, arg_mo_pabs *a)
{
    return st_pabs(ctx, a, MO_LEUW, true);
}

static bool trans_PS_MEMD_ABS(DisasContext *ctx, arg_mo_pabs *a)
{
    return st_pabs(ctx, a, MO_LEUQ, false);
}

/* ------------------------------------------------------------------ */
/* LL/SC                                                                */

/*
 * The store-conditional: @desc = MemOp | mmu index << 8.  Returns the
 * predicate value, 0xff when stored.  An access fault or misalignment
 * is raised first, as for a plain store.
 */
static uint32_t helper_store_locked(void *envp, uint64_t addr, uint64_t val,
                                    uint32_t desc)
{
    CPUHexagonState *env = envp;
    CPUState *cs = &hex_env_cpu(env)->parent_obj;
    uintptr_t ra = GETPC();
    MemOp op = (MemOp)(desc & 0xff) | MO_ALIGN;
    unsigned idx = desc >> 8;
    uint64_t expect = env->llsc_val, old;

    if (addr & (memop_size(op) - 1)) {
        hex_cpu_do_unaligned_access(cs, addr, MMU_DATA_STORE, idx, ra);
    }
    if (env->llsc_addr != addr) {
        env->llsc_addr = UINT64_MAX;
        return 0;
    }
    old = cpu_atomic_cmpxchg(cs, addr, expect, val, op, idx, ra);
    env->llsc_addr = UINT64_MAX;
    return old == expect ? 0xff : 0;
}

static const TCGHelperInfo helper_store_locked_info = {
    .func = (const void *)helper_store_locked, .name = "store_locked",
    .flags = TCG_CALL_MAY_RAISE, .nb_args = 4, .ret = TCG_CALL_I32,
    .args = { TCG_CALL_PTR, TCG_CALL_I64, TCG_CALL_I64, TCG_CALL_I32 },
};

/* Open the reservation on (@addr, @val). */
static void gen_reserve(DisasContext *ctx, TCGv_i64 addr, TCGv_i64 val)
{
    TCGContext *t = ctx->tcg;

    tcg_gen_st_i64(t, addr, tcg_env(t), offsetof(CPUHexagonState, llsc_addr));
    tcg_gen_st_i64(t, val, tcg_env(t), offsetof(CPUHexagonState, llsc_val));
}

static bool trans_L_MEMW_LOCKED(DisasContext *ctx, arg_mo_ll *a)
{
    TCGv_i64 addr = gen_addr(ctx, get_gpr(ctx, a->rs), 0);
    TCGv_i32 v = gen_load32(ctx, addr, MO_LEUL);
    TCGv_i64 v64 = tmp64(ctx);

    tcg_gen_mov_i32(ctx->tcg, dest_gpr(ctx, a->rd), v);
    tcg_gen_extu_i32_i64(ctx->tcg, v64, v);
    gen_reserve(ctx, addr, v64);
    return true;
}

static bool trans_L_MEMD_LOCKED(DisasContext *ctx, arg_mo_ll *a)
{
    TCGv_i64 addr = gen_addr(ctx, get_gpr(ctx, a->rs), 0);
    TCGv_i64 v = gen_load64(ctx, addr);

    dest_gpr_pair(ctx, a->rd);
    set_gpr_pair(ctx, a->rd, v);
    gen_reserve(ctx, addr, v);
    return true;
}

static bool do_store_locked(DisasContext *ctx, arg_mo_sc *a, TCGv_i64 val,
                            MemOp op)
{
    TCGv_i64 addr = gen_addr(ctx, get_gpr(ctx, a->rs), 0);
    TCGv_i32 ok = tmp32(ctx);
    uint32_t desc = (uint32_t)op | ctx->mmu_idx << 8;

    gen_helper(ctx, &helper_store_locked_info, tcgv_i32_arg(ok), 3,
               tcgv_i64_arg(addr), tcgv_i64_arg(val),
               tcgv_i32_arg(imm32(ctx, desc)));
    set_pred(ctx, a->pd, ok);
    return true;
}

static bool trans_S_MEMW_LOCKED(DisasContext *ctx, arg_mo_sc *a)
{
    TCGv_i64 v = tmp64(ctx);

    tcg_gen_extu_i32_i64(ctx->tcg, v, get_gpr(ctx, a->rt));
    return do_store_locked(ctx, a, v, MO_LEUL);
}

static bool trans_S_MEMD_LOCKED(DisasContext *ctx, arg_mo_sc *a)
{
    return do_store_locked(ctx, a, get_gpr_pair(ctx, a->rt), MO_LEUQ);
}
