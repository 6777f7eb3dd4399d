/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Translator of hex-ldst2.isa, the LD/ST remainder: stores (and
 * new-value stores) with circular and bit-reversed addressing,
 * predicated post-increment and indexed stores, predicated absolute
 * loads, membh/memubh and memb_fifo/memh_fifo, the v68 acquire/release
 * forms, the data-cache operations and pause.
 *
 * Addresses come from translate-ldst.c's hex_gen_postinc (post-increment,
 * circular, bit-reversed) and gen_addr; loads happen in place, stores are
 * queued to the end of the packet (translate.c), as for hex-ldst.isa.
 *
 * Semantics chosen where the PRM leaves the emulator a choice:
 *  - acquire/release (memw_aq, memd_rl, release): the plain access plus
 *    a host memory barrier (tcg mb, all orderings) after the acquire load
 *    and before the release store; :at and :st (all threads / this
 *    thread) are the same here.
 *  - dcfetch and l2fetch are hints that never raise an exception: no-ops.
 *  - dccleana, dcinva, dccleaninva translate their address (a data read
 *    of one byte: TLB miss event 6 cause 0x70, or the read-permission
 *    fault) and change nothing else: there is no cache to maintain.
 *  - dczeroa zeroes the 32-byte line holding Rs, as four 8-byte stores
 *    done at the instruction's place in the packet (a line never
 *    straddles a page, so either the first faults or none does): a
 *    store of the same packet to that line lands after the zeroing.
 *  - pause(#u8) ends the translation block, so the vCPU returns to the
 *    execution loop (a yield); the count is not modelled.
 * Spec: Hexagon V68 PRM, "LD" (Load and unpack bytes to halfwords, Load
 * and shift into a FIFO, Load acquire), "ST" (Store release), "NV",
 * "SYSTEM/USER" (dcfetch, dczeroa, dccleana, dcinva, dccleaninva,
 * l2fetch, pause) and the memory chapter (cache maintenance).
 */
#include "translate.h"
#include "exec/cputlb.h"

/* The #U6 forms decode as well; only llvm's disassembler wants ##. */
static bool hex_extended(DisasContext *ctx)
{
    return true;
}

#include "decode-hexagon-ldst2.c.inc"

bool hex_decode_ldst2(DisasContext *ctx, uint32_t insn)
{
    return decode_hex_ldst2(ctx, insn);
}

/* ------------------------------------------------------------------ */
/* Stores: value kinds and circular / bit-reversed addressing           */

static bool st_mode(DisasContext *ctx, arg_stpi *a, int kind,
                    HexIncMode mode)
{
    TCGv_i32 nrx = dest_gpr(ctx, a->rx);
    TCGv_i64 addr = hex_gen_postinc(ctx, a->rx, a->mu, (int32_t)a->imm,
                                    mode, hex_st_memop(kind), nrx);

    hex_gen_store_reg(ctx, kind, addr, a->rt, NULL);
    return true;
}

#define STORES_CIRC(SZ, KIND)                                                \
static bool trans_S_MEM##SZ##_PCI(DisasContext *ctx, arg_stpi *a)           \
{                                                                            \
    return st_mode(ctx, a, KIND, HEX_INC_CIRC_IMM);                          \
}                                                                            \
static bool trans_S_MEM##SZ##_PCR(DisasContext *ctx, arg_stpi *a)           \
{                                                                            \
    return st_mode(ctx, a, KIND, HEX_INC_CIRC_I);                            \
}                                                                            \
static bool trans_S_MEM##SZ##_PBR(DisasContext *ctx, arg_stpi *a)           \
{                                                                            \
    return st_mode(ctx, a, KIND, HEX_INC_BREV);                              \
}

STORES_CIRC(B, HEX_ST_B)
STORES_CIRC(H, HEX_ST_H)
STORES_CIRC(HH, HEX_ST_HH)
STORES_CIRC(W, HEX_ST_W)
STORES_CIRC(D, HEX_ST_D)

/*
 * The value of a new-value store: the producer's packet temporary.  Read
 * before any destination is allocated (a deferred store is retried).
 */
#define NV_VALUE(v, dist)                                                    \
    TCGv_i32 v = get_new_gpr(ctx, (dist));                                   \
    if (!v) {                                                                \
        return true;                                                         \
    }

static bool nv_mode(DisasContext *ctx, arg_nvpi *a, MemOp op,
                    HexIncMode mode)
{
    NV_VALUE(v, a->nt);
    gen_store32(ctx, hex_gen_postinc(ctx, a->rx, a->mu, (int32_t)a->imm,
                                     mode, op, dest_gpr(ctx, a->rx)),
                v, op, NULL);
    return true;
}

#define NV_STORES_CIRC(SZ, OP)                                               \
static bool trans_NV_S_MEM##SZ##_PCI(DisasContext *ctx, arg_nvpi *a)        \
{                                                                            \
    return nv_mode(ctx, a, OP, HEX_INC_CIRC_IMM);                            \
}                                                                            \
static bool trans_NV_S_MEM##SZ##_PCR(DisasContext *ctx, arg_nvpi *a)        \
{                                                                            \
    return nv_mode(ctx, a, OP, HEX_INC_CIRC_I);                              \
}                                                                            \
static bool trans_NV_S_MEM##SZ##_PBR(DisasContext *ctx, arg_nvpi *a)        \
{                                                                            \
    return nv_mode(ctx, a, OP, HEX_INC_BREV);                                \
}

NV_STORES_CIRC(B, MO_UB)
NV_STORES_CIRC(H, MO_LEUW)
NV_STORES_CIRC(W, MO_LEUL)

/* ------------------------------------------------------------------ */
/* Predicated post-increment and indexed stores                         */

/*
 * if (@c) mem(Rx++#imm): the address is the old Rx either way; Rx is
 * only advanced when the store happens.
 */
static TCGv_i64 pred_postinc(DisasContext *ctx, TCGv_i32 c, unsigned rx,
                             int32_t imm)
{
    TCGv_i32 nrx = dest_gpr(ctx, rx);
    TCGLabel *skip = gen_skip_unless(ctx, c);

    tcg_gen_addi_i32(ctx->tcg, nrx, get_gpr(ctx, rx), imm);
    gen_set_label(ctx->tcg, skip);
    return gen_addr(ctx, get_gpr(ctx, rx), 0);
}

/* Rs + (Ru << @sh) */
static TCGv_i64 ea_rr(DisasContext *ctx, unsigned rs, unsigned ru,
                      unsigned sh)
{
    TCGv_i32 ea = tmp32(ctx);

    tcg_gen_shli_i32(ctx->tcg, ea, get_gpr(ctx, ru), sh);
    tcg_gen_add_i32(ctx->tcg, ea, ea, get_gpr(ctx, rs));
    return gen_addr(ctx, ea, 0);
}

static bool pst_pi(DisasContext *ctx, arg_ldst2_pstpi *a, int kind)
{
    TCGv_i32 c = pred_cond(ctx, a->pc);

    if (c) {
        hex_gen_store_reg(ctx, kind, pred_postinc(ctx, c, a->rx, (int32_t)a->imm),
                  a->rt, c);
    }
    return true;
}

static bool pst_rr(DisasContext *ctx, arg_ldst2_pstrr *a, int kind)
{
    TCGv_i32 c = pred_cond(ctx, a->pc);

    if (c) {
        hex_gen_store_reg(ctx, kind, ea_rr(ctx, a->rs, a->ru, a->imm), a->rv, c);
    }
    return true;
}

#define PSTORES(SZ, KIND)                                                    \
static bool trans_PS_MEM##SZ##_PI(DisasContext *ctx, arg_ldst2_pstpi *a)    \
{                                                                            \
    return pst_pi(ctx, a, KIND);                                             \
}                                                                            \
static bool trans_PS_MEM##SZ##_RR(DisasContext *ctx, arg_ldst2_pstrr *a)    \
{                                                                            \
    return pst_rr(ctx, a, KIND);                                             \
}

PSTORES(B, HEX_ST_B)
PSTORES(H, HEX_ST_H)
PSTORES(HH, HEX_ST_HH)
PSTORES(W, HEX_ST_W)
PSTORES(D, HEX_ST_D)

#define NV_PSTORES(SZ, OP)                                                   \
static bool trans_NV_PS_MEM##SZ##_PI(DisasContext *ctx, arg_ldst2_pnvpi *a) \
{                                                                            \
    TCGv_i32 c = pred_cond(ctx, a->pc);                                      \
    if (!c) {                                                                \
        return true;                                                         \
    }                                                                        \
    NV_VALUE(v, a->nt);                                                      \
    gen_store32(ctx, pred_postinc(ctx, c, a->rx, (int32_t)a->imm), v, OP,    \
                c);                                                          \
    return true;                                                             \
}                                                                            \
static bool trans_NV_PS_MEM##SZ##_RR(DisasContext *ctx, arg_ldst2_pnvrr *a) \
{                                                                            \
    TCGv_i32 c = pred_cond(ctx, a->pc);                                      \
    if (!c) {                                                                \
        return true;                                                         \
    }                                                                        \
    NV_VALUE(v, a->nt);                                                      \
    gen_store32(ctx, ea_rr(ctx, a->rs, a->ru, a->imm), v, OP, c);            \
    return true;                                                             \
}

NV_PSTORES(B, MO_UB)
NV_PSTORES(H, MO_LEUW)
NV_PSTORES(W, MO_LEUL)

/* ------------------------------------------------------------------ */
/* Predicated absolute loads                                            */

static bool pld_abs(DisasContext *ctx, arg_pri *a, MemOp op)
{
    TCGv_i32 c = pred_cond(ctx, a->pc);
    TCGv_i64 addr;
    TCGLabel *skip;

    if (!c) {
        return true;
    }
    if (op == MO_LEUQ) {
        dest_gpr_pair(ctx, a->rd);
    } else {
        dest_gpr(ctx, a->rd);
    }
    skip = gen_skip_unless(ctx, c);
    addr = gen_addr(ctx, tcg_constant_i32(ctx->tcg, 0), (int32_t)a->imm);
    if (op == MO_LEUQ) {
        set_gpr_pair(ctx, a->rd, gen_load64(ctx, addr));
    } else {
        tcg_gen_mov_i32(ctx->tcg, dest_gpr(ctx, a->rd),
                        gen_load32(ctx, addr, op));
    }
    gen_set_label(ctx->tcg, skip);
    return true;
}

#define PLOADS(SZ, OP)                                                       \
static bool trans_PL_MEM##SZ##_ABS(DisasContext *ctx, arg_pri *a)           \
{                                                                            \
    return pld_abs(ctx, a, OP);                                              \
}

PLOADS(B, MO_SB)
PLOADS(UB, MO_UB)
PLOADS(H, MO_LESW)
PLOADS(UH, MO_LEUW)
PLOADS(W, MO_LEUL)
PLOADS(D, MO_LEUQ)

/* ------------------------------------------------------------------ */
/* membh/memubh and memb_fifo/memh_fifo                                 */

/* Load kinds: what is read and where it goes. */
enum { UL_BH, UL_UBH, UL_BH2, UL_UBH2, UL_BFIFO, UL_HFIFO };

static const MemOp ul_ops[] = {
    [UL_BH] = MO_LEUW, [UL_UBH] = MO_LEUW, [UL_BH2] = MO_LEUL,
    [UL_UBH2] = MO_LEUL, [UL_BFIFO] = MO_UB, [UL_HFIFO] = MO_LEUW,
};

/*
 * Unpack the bytes of @v (2 or 4 of them) into half-word lanes:
 * lane i = byte i, sign-extended when @sign (PRM "Load and unpack bytes
 * to halfwords").
 */
static uint64_t helper_unpack_bh(void *env, uint32_t v, uint32_t nbytes,
                                 uint32_t sign)
{
    uint64_t r = 0;

    for (unsigned i = 0; i < nbytes; i++) {
        uint8_t b = v >> (8 * i);
        uint16_t h = sign ? (uint16_t)(int16_t)(int8_t)b : b;

        r |= (uint64_t)h << (16 * i);
    }
    return r;
}

static const TCGHelperInfo helper_unpack_bh_info = {
    .func = (const void *)helper_unpack_bh, .name = "unpack_bh",
    .flags = TCG_CALL_PURE, .nb_args = 4, .ret = TCG_CALL_I64,
    .args = { TCG_CALL_PTR, TCG_CALL_I32, TCG_CALL_I32, TCG_CALL_I32 },
};

/* Allocate the destination of a kind-@kind load into R@rd. */
static void ul_dest(DisasContext *ctx, int kind, unsigned rd)
{
    if (kind == UL_BH || kind == UL_UBH) {
        dest_gpr(ctx, rd);
    } else {
        dest_gpr_pair(ctx, rd);
    }
}

/* Load at @addr and write R@rd (or the pair) as @kind says. */
static void ul_load(DisasContext *ctx, int kind, unsigned rd, TCGv_i64 addr)
{
    TCGContext *t = ctx->tcg;
    TCGv_i32 v = gen_load32(ctx, addr, ul_ops[kind]);
    TCGv_i64 r = tmp64(ctx);

    switch (kind) {
    case UL_BFIFO:
    case UL_HFIFO: {
        /* Ryy = (Ryy >> size) | (value << (64 - size)), logical */
        unsigned bits = kind == UL_BFIFO ? 8 : 16;
        TCGv_i64 nv = tmp64(ctx);

        tcg_gen_shri_i64(t, r, get_gpr_pair(ctx, rd), bits);
        tcg_gen_extu_i32_i64(t, nv, v);
        tcg_gen_shli_i64(t, nv, nv, 64 - bits);
        tcg_gen_or_i64(t, r, r, nv);
        break;
    }
    default:
        gen_helper(ctx, &helper_unpack_bh_info, tcgv_i64_arg(r), 3,
                   tcgv_i32_arg(v),
                   tcgv_i32_arg(tcg_constant_i32(t, memop_size(ul_ops[kind]))),
                   tcgv_i32_arg(tcg_constant_i32(t, kind == UL_BH ||
                                                    kind == UL_BH2)));
        break;
    }
    if (kind == UL_BH || kind == UL_UBH) {
        tcg_gen_extrl_i64_i32(t, dest_gpr(ctx, rd), r);
    } else {
        set_gpr_pair(ctx, rd, r);
    }
}

static bool ul_inc(DisasContext *ctx, arg_ldpi *a, int kind, HexIncMode mode)
{
    TCGv_i32 nrx;

    ul_dest(ctx, kind, a->rd);
    nrx = dest_gpr(ctx, a->rx);
    ul_load(ctx, kind, a->rd,
            hex_gen_postinc(ctx, a->rx, a->mu, (int32_t)a->imm, mode,
                            ul_ops[kind], nrx));
    return true;
}

#define UNPACK_LOADS(SZ, KIND)                                               \
static bool trans_L_MEM##SZ##_IO(DisasContext *ctx, arg_rri *a)             \
{                                                                            \
    ul_dest(ctx, KIND, a->rd);                                               \
    ul_load(ctx, KIND, a->rd,                                                \
            gen_addr(ctx, get_gpr(ctx, a->rs), (int32_t)a->imm));            \
    return true;                                                             \
}                                                                            \
static bool trans_L_MEM##SZ##_PI(DisasContext *ctx, arg_ldpi *a)            \
{                                                                            \
    return ul_inc(ctx, a, KIND, HEX_INC_IMM);                                \
}                                                                            \
static bool trans_L_MEM##SZ##_PR(DisasContext *ctx, arg_ldpi *a)            \
{                                                                            \
    return ul_inc(ctx, a, KIND, HEX_INC_M);                                  \
}                                                                            \
static bool trans_L_MEM##SZ##_PCI(DisasContext *ctx, arg_ldpi *a)           \
{                                                                            \
    return ul_inc(ctx, a, KIND, HEX_INC_CIRC_IMM);                           \
}                                                                            \
static bool trans_L_MEM##SZ##_PCR(DisasContext *ctx, arg_ldpi *a)           \
{                                                                            \
    return ul_inc(ctx, a, KIND, HEX_INC_CIRC_I);                             \
}                                                                            \
static bool trans_L_MEM##SZ##_PBR(DisasContext *ctx, arg_ldpi *a)           \
{                                                                            \
    return ul_inc(ctx, a, KIND, HEX_INC_BREV);                               \
}                                                                            \
static bool trans_L_MEM##SZ##_AP(DisasContext *ctx, arg_ldap *a)            \
{                                                                            \
    ul_dest(ctx, KIND, a->rd);                                               \
    tcg_gen_movi_i32(ctx->tcg, dest_gpr(ctx, a->re), (int32_t)a->imm);      \
    ul_load(ctx, KIND, a->rd, gen_addr(ctx, tcg_constant_i32(ctx->tcg, 0),   \
                                       (int32_t)a->imm));                    \
    return true;                                                             \
}                                                                            \
static bool trans_L_MEM##SZ##_UR(DisasContext *ctx, arg_ldur *a)            \
{                                                                            \
    TCGv_i32 ea = tmp32(ctx);                                                \
    ul_dest(ctx, KIND, a->rd);                                               \
    tcg_gen_shli_i32(ctx->tcg, ea, get_gpr(ctx, a->ru), a->sh);              \
    ul_load(ctx, KIND, a->rd, gen_addr(ctx, ea, (int32_t)a->imm));           \
    return true;                                                             \
}

UNPACK_LOADS(BH, UL_BH)
UNPACK_LOADS(UBH, UL_UBH)
UNPACK_LOADS(BH2, UL_BH2)
UNPACK_LOADS(UBH2, UL_UBH2)
UNPACK_LOADS(BF, UL_BFIFO)
UNPACK_LOADS(HF, UL_HFIFO)

/* ------------------------------------------------------------------ */
/* Acquire loads, release stores                                        */

static bool trans_L_MEMW_AQ(DisasContext *ctx, arg_rr *a)
{
    TCGv_i64 addr = gen_addr(ctx, get_gpr(ctx, a->rs), 0);

    tcg_gen_mov_i32(ctx->tcg, dest_gpr(ctx, a->rd),
                    gen_load32(ctx, addr, MO_LEUL));
    tcg_gen_mb(ctx->tcg, TCG_MO_ALL);
    return true;
}

static bool trans_L_MEMD_AQ(DisasContext *ctx, arg_rr *a)
{
    TCGv_i64 addr = gen_addr(ctx, get_gpr(ctx, a->rs), 0);

    dest_gpr_pair(ctx, a->rd);
    set_gpr_pair(ctx, a->rd, gen_load64(ctx, addr));
    tcg_gen_mb(ctx->tcg, TCG_MO_ALL);
    return true;
}

/* The barrier orders every earlier access before the (queued) store. */
static bool store_rl(DisasContext *ctx, arg_ldst2_rr *a, int kind)
{
    tcg_gen_mb(ctx->tcg, TCG_MO_ALL);
    hex_gen_store_reg(ctx, kind, gen_addr(ctx, get_gpr(ctx, a->rs), 0), a->rt, NULL);
    return true;
}

static bool trans_S_MEMW_RL_AT(DisasContext *ctx, arg_ldst2_rr *a)
{
    return store_rl(ctx, a, HEX_ST_W);
}

static bool trans_S_MEMW_RL_ST(DisasContext *ctx, arg_ldst2_rr *a)
{
    return store_rl(ctx, a, HEX_ST_W);
}

static bool trans_S_MEMD_RL_AT(DisasContext *ctx, arg_ldst2_rr *a)
{
    return store_rl(ctx, a, HEX_ST_D);
}

static bool trans_S_MEMD_RL_ST(DisasContext *ctx, arg_ldst2_rr *a)
{
    return store_rl(ctx, a, HEX_ST_D);
}

static bool trans_RELEASE_AT(DisasContext *ctx, arg_ldst2_r *a)
{
    tcg_gen_mb(ctx->tcg, TCG_MO_ALL);
    return true;
}

static bool trans_RELEASE_ST(DisasContext *ctx, arg_ldst2_r *a)
{
    tcg_gen_mb(ctx->tcg, TCG_MO_ALL);
    return true;
}

/* ------------------------------------------------------------------ */
/* Cache operations and pause                                           */

/* Translate @addr as a data read: TLB miss or permission fault, else
   nothing (dccleana, dcinva, dccleaninva). */
static void helper_dc_translate(void *envp, uint64_t addr)
{
    CPUHexagonState *env = envp;
    CPUState *cs = &hex_env_cpu(env)->parent_obj;

    hex_cpu_tlb_fill(cs, addr, 1, MMU_DATA_LOAD, hex_mode(env), false,
                     GETPC());
}

static const TCGHelperInfo helper_dc_translate_info = {
    .func = (const void *)helper_dc_translate, .name = "dc_translate",
    .flags = TCG_CALL_MAY_RAISE | TCG_CALL_NO_WRITE_GLOBALS, .nb_args = 2,
    .ret = TCG_CALL_VOID, .args = { TCG_CALL_PTR, TCG_CALL_I64 },
};

static bool dc_maint(DisasContext *ctx, arg_ldst2_r *a)
{
    gen_helper(ctx, &helper_dc_translate_info, 0, 1,
               tcgv_i64_arg(gen_addr(ctx, get_gpr(ctx, a->rs), 0)));
    return true;
}

static bool trans_DCCLEANA(DisasContext *ctx, arg_ldst2_r *a)
{
    return dc_maint(ctx, a);
}

static bool trans_DCINVA(DisasContext *ctx, arg_ldst2_r *a)
{
    return dc_maint(ctx, a);
}

static bool trans_DCCLEANINVA(DisasContext *ctx, arg_ldst2_r *a)
{
    return dc_maint(ctx, a);
}

/* dczeroa: the 32-byte line of Rs becomes zero (PRM: "zero allocate"). */
static bool trans_DCZEROA(DisasContext *ctx, arg_ldst2_r *a)
{
    TCGContext *t = ctx->tcg;
    TCGv_i32 line = tmp32(ctx);
    TCGv_i64 zero = tcg_constant_i64(t, 0);

    tcg_gen_andi_i32(t, line, get_gpr(ctx, a->rs), ~31u);
    for (int i = 0; i < 4; i++) {
        tcg_gen_qemu_st_i64(t, zero, gen_addr(ctx, line, 8 * i),
                            ctx->mmu_idx, MO_LEUQ | MO_ALIGN);
    }
    return true;
}

static bool trans_DCFETCH(DisasContext *ctx, arg_rri *a)
{
    return true;
}

static bool trans_L2FETCH(DisasContext *ctx, arg_ldst2_rr *a)
{
    return true;
}

static bool trans_L2FETCH_P(DisasContext *ctx, arg_ldst2_rr *a)
{
    return true;
}

static bool trans_PAUSE(DisasContext *ctx, arg_PAUSE *a)
{
    if (ctx->end == HEX_END_NONE) {
        ctx->end = HEX_END_EXIT;
    }
    return true;
}
