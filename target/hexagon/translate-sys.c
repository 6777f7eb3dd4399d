/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Hexagon system instructions (hex-system.isa): rte, trap0/trap1 (and
 * semihosting on trap0(#0)), system and guest register transfers with
 * their privilege checks, crswap, the TLB instructions, locks, thread
 * control (start, stop, wait, resume), interrupt control (swi, cswi,
 * ciad, siad, iassignw/r, setimask/getimask, setprio), memw_phys, and
 * the cache and barrier operations (no-ops in an emulator).
 * Monitor-only instructions in user or guest mode raise cause 0x1B,
 * guest-register transfers in user mode cause 0x1A.
 * Spec: V6x System-Level Architecture, "System instructions";
 * /work/shared/reference/hexagon-system.md 1.6-1.10.
 */
#include "translate.h"
#include "util/log.h"

#include "decode-hexagon-sys.c.inc"

bool hex_decode_sys(DisasContext *ctx, uint32_t insn)
{
    return decode_hex_sys(ctx, insn);
}

static bool trans_RTE(DisasContext *ctx, arg_empty *a)
{
    if (check_monitor(ctx)) {
        ctx->end = HEX_END_RTE;
    }
    return true;
}

static bool trans_TRAP0(DisasContext *ctx, arg_TRAP0 *a)
{
    ctx->end = HEX_END_EVENT;
    ctx->end_event = HEX_EVENT_TRAP0;
    ctx->end_cause = (unsigned)a->imm;
    ctx->end_semihost = ctx->semihost && a->imm == 0;
    return true;
}

static bool trans_TRAP1(DisasContext *ctx, arg_rri *a)
{
    ctx->end = HEX_END_EVENT;
    ctx->end_event = HEX_EVENT_TRAP1;
    ctx->end_cause = (unsigned)a->imm;
    return true;
}

/* Cache maintenance, barriers, breakpoints: nothing to do. */
static bool nop_user(DisasContext *ctx)
{
    return true;
}

static bool nop_monitor(DisasContext *ctx)
{
    check_monitor(ctx);
    return true;
}

static bool trans_ISYNC(DisasContext *ctx, arg_empty *a)
{
    return nop_user(ctx);
}

static bool trans_BARRIER(DisasContext *ctx, arg_empty *a)
{
    tcg_gen_mb(ctx->tcg, TCG_MO_ALL);
    return true;
}

static bool trans_SYNCHT(DisasContext *ctx, arg_empty *a)
{
    tcg_gen_mb(ctx->tcg, TCG_MO_ALL);
    return true;
}

static bool trans_ICINVA(DisasContext *ctx, arg_ICINVA *a)
{
    return nop_user(ctx);
}

static bool trans_BRKPT(DisasContext *ctx, arg_empty *a)
{
    return nop_monitor(ctx);
}

static bool trans_ICKILL(DisasContext *ctx, arg_empty *a)
{
    return nop_monitor(ctx);
}

static bool trans_DCKILL(DisasContext *ctx, arg_empty *a)
{
    return nop_monitor(ctx);
}

static bool trans_L2KILL(DisasContext *ctx, arg_empty *a)
{
    return nop_monitor(ctx);
}

/* A one-operand system helper; @next (state changed) ends the TB. */
static TCGv_i32 gen_sys1(DisasContext *ctx, int op, TCGv_i32 rs, bool exit)
{
    TCGv_i32 r = tmp32(ctx);

    gen_helper(ctx, &hex_helper_sys1_info, tcgv_i32_arg(r), 3,
               tcgv_i32_arg(tcg_constant_i32(ctx->tcg, op)), tcgv_i32_arg(rs),
               tcgv_i32_arg(tcg_constant_i32(ctx->tcg, (int32_t)ctx->next_pc)));
    if (exit && ctx->end == HEX_END_NONE) {
        ctx->end = HEX_END_EXIT;
    }
    return r;
}

#define SYS1(NAME, OP)                                                       \
static bool trans_##NAME(DisasContext *ctx, arg_##NAME *a)                  \
{                                                                            \
    if (check_monitor(ctx)) {                                                \
        gen_sys1(ctx, OP, get_gpr(ctx, a->rs), true);                        \
    }                                                                        \
    return true;                                                             \
}

SYS1(SWI, HEX_SYS_SWI)
SYS1(CSWI, HEX_SYS_CSWI)
SYS1(IASSIGNW, HEX_SYS_IASSIGNW)
SYS1(CIAD, HEX_SYS_CIAD)
SYS1(SIAD, HEX_SYS_SIAD)
SYS1(RESUME, HEX_SYS_RESUME)
SYS1(START, HEX_SYS_START)
SYS1(TLBINVASID, HEX_SYS_TLBINVASID)

/* stop/wait: after the packet committed (the helper does not return). */
static bool do_sleep(DisasContext *ctx, int op, unsigned rs)
{
    if (check_monitor(ctx)) {
        ctx->end = HEX_END_SLEEP;
        ctx->end_sys_op = op;
        ctx->end_sys_arg = tmp32(ctx);
        tcg_gen_mov_i32(ctx->tcg, ctx->end_sys_arg, get_gpr(ctx, rs));
    }
    return true;
}

static bool trans_WAIT(DisasContext *ctx, arg_WAIT *a)
{
    return do_sleep(ctx, HEX_SYS_WAIT, a->rs);
}

static bool trans_STOP(DisasContext *ctx, arg_STOP *a)
{
    return do_sleep(ctx, HEX_SYS_STOP, a->rs);
}

/*
 * nmi(Rs): raise the NMI on the threads of mask Rs (this one included);
 * the block ends so that this thread takes its own after the packet.
 */
static bool trans_NMI(DisasContext *ctx, arg_NMI *a)
{
    if (check_monitor(ctx)) {
        gen_helper(ctx, &hex_helper_nmi_info, 0, 1,
                   tcgv_i32_arg(get_gpr(ctx, a->rs)));
        if (ctx->end == HEX_END_NONE) {
            ctx->end = HEX_END_EXIT;
        }
    }
    return true;
}

static bool do_lock(DisasContext *ctx, int op)
{
    if (check_monitor(ctx)) {
        gen_sys1(ctx, op, tcg_constant_i32(ctx->tcg, 0), false);
    }
    return true;
}

static bool trans_TLBLOCK(DisasContext *ctx, arg_empty *a)
{
    return do_lock(ctx, HEX_SYS_TLBLOCK);
}

static bool trans_TLBUNLOCK(DisasContext *ctx, arg_empty *a)
{
    return do_lock(ctx, HEX_SYS_TLBUNLOCK);
}

static bool trans_K0LOCK(DisasContext *ctx, arg_empty *a)
{
    return do_lock(ctx, HEX_SYS_K0LOCK);
}

static bool trans_K0UNLOCK(DisasContext *ctx, arg_empty *a)
{
    return do_lock(ctx, HEX_SYS_K0UNLOCK);
}

static bool do_sys1_read(DisasContext *ctx, arg_rr *a, int op)
{
    if (check_monitor(ctx)) {
        tcg_gen_mov_i32(ctx->tcg, dest_gpr(ctx, a->rd),
                        gen_sys1(ctx, op, get_gpr(ctx, a->rs), false));
    }
    return true;
}

static bool trans_GETIMASK(DisasContext *ctx, arg_rr *a)
{
    return do_sys1_read(ctx, a, HEX_SYS_GETIMASK);
}

static bool trans_IASSIGNR(DisasContext *ctx, arg_rr *a)
{
    return do_sys1_read(ctx, a, HEX_SYS_IASSIGNR);
}

static bool do_sys2(DisasContext *ctx, arg_rr *a, int op)
{
    TCGContext *t = ctx->tcg;

    if (check_monitor(ctx)) {
        gen_helper(ctx, &hex_helper_sys2_info, 0, 3,
                   tcgv_i32_arg(tcg_constant_i32(t, op)),
                   tcgv_i32_arg(get_pred(ctx, a->rd)),
                   tcgv_i32_arg(get_gpr(ctx, a->rs)));
        ctx->end = ctx->end == HEX_END_NONE ? HEX_END_EXIT : ctx->end;
    }
    return true;
}

static bool trans_SETIMASK(DisasContext *ctx, arg_rr *a)
{
    return do_sys2(ctx, a, HEX_SYS_SETIMASK);
}

static bool trans_SETPRIO(DisasContext *ctx, arg_rr *a)
{
    return do_sys2(ctx, a, HEX_SYS_SETPRIO);
}

/* crswap(Rx, sgpN): exchange Rx and SGPN (per-thread s0/s1). */
static bool do_crswap(DisasContext *ctx, unsigned rx, unsigned sgp)
{
    TCGContext *t = ctx->tcg;
    ptrdiff_t off = offsetof(CPUHexagonState, sreg[sgp]);
    TCGv_i32 d;

    if (!check_monitor(ctx)) {
        return true;
    }
    d = dest_gpr(ctx, rx);
    tcg_gen_ld_i32(t, d, tcg_env(t), off);
    tcg_gen_st_i32(t, get_gpr(ctx, rx), tcg_env(t), off);
    return true;
}

static bool trans_CRSWAP0(DisasContext *ctx, arg_CRSWAP0 *a)
{
    return do_crswap(ctx, a->rs, HEX_SREG_SGP0);
}

static bool trans_CRSWAP1(DisasContext *ctx, arg_CRSWAP1 *a)
{
    return do_crswap(ctx, a->rs, HEX_SREG_SGP1);
}

/* ------------------------------------------------------------------ */
/* TLB                                                                  */

static TCGv_i64 gen_tlb(DisasContext *ctx, int op, TCGv_i64 entry,
                        TCGv_i32 arg)
{
    TCGv_i64 r = tmp64(ctx);

    gen_helper(ctx, &hex_helper_tlb_info, tcgv_i64_arg(r), 3,
               tcgv_i32_arg(tcg_constant_i32(ctx->tcg, op)),
               tcgv_i64_arg(entry), tcgv_i32_arg(arg));
    return r;
}

static bool trans_TLBW(DisasContext *ctx, arg_rr *a)
{
    if (check_monitor(ctx)) {
        gen_tlb(ctx, HEX_TLB_W, get_gpr_pair(ctx, a->rs), get_gpr(ctx, a->rd));
        ctx->end = ctx->end == HEX_END_NONE ? HEX_END_EXIT : ctx->end;
    }
    return true;
}

static bool trans_TLBR(DisasContext *ctx, arg_rr *a)
{
    if (check_monitor(ctx)) {
        set_gpr_pair(ctx, a->rd, gen_tlb(ctx, HEX_TLB_R,
                                         tcg_constant_i64(ctx->tcg, 0),
                                         get_gpr(ctx, a->rs)));
    }
    return true;
}

static bool trans_TLBP(DisasContext *ctx, arg_rr *a)
{
    if (check_monitor(ctx)) {
        tcg_gen_extrl_i64_i32(ctx->tcg, dest_gpr(ctx, a->rd),
                              gen_tlb(ctx, HEX_TLB_P,
                                      tcg_constant_i64(ctx->tcg, 0),
                                      get_gpr(ctx, a->rs)));
    }
    return true;
}

static bool trans_CTLBW(DisasContext *ctx, arg_rrr3 *a)
{
    if (check_monitor(ctx)) {
        tcg_gen_extrl_i64_i32(ctx->tcg, dest_gpr(ctx, a->rd),
                              gen_tlb(ctx, HEX_TLB_CTLBW,
                                      get_gpr_pair(ctx, a->rs),
                                      get_gpr(ctx, a->rt)));
        ctx->end = ctx->end == HEX_END_NONE ? HEX_END_EXIT : ctx->end;
    }
    return true;
}

static bool trans_TLBOC(DisasContext *ctx, arg_rr *a)
{
    if (check_monitor(ctx)) {
        tcg_gen_extrl_i64_i32(ctx->tcg, dest_gpr(ctx, a->rd),
                              gen_tlb(ctx, HEX_TLB_OC,
                                      get_gpr_pair(ctx, a->rs),
                                      tcg_constant_i32(ctx->tcg, 0)));
    }
    return true;
}

/* ------------------------------------------------------------------ */
/* System and guest register transfers                                  */

static void gen_sreg_write(DisasContext *ctx, unsigned reg, TCGv_i32 v)
{
    gen_helper(ctx, &hex_helper_sreg_write_info, 0, 2,
               tcgv_i32_arg(tcg_constant_i32(ctx->tcg, reg)),
               tcgv_i32_arg(v));
    /* the mode, ASID or interrupt state may have changed */
    ctx->end = ctx->end == HEX_END_NONE ? HEX_END_EXIT : ctx->end;
}

static TCGv_i32 gen_sreg_read(DisasContext *ctx, unsigned reg)
{
    TCGv_i32 r = tmp32(ctx);

    gen_helper(ctx, &hex_helper_sreg_read_info, tcgv_i32_arg(r), 1,
               tcgv_i32_arg(tcg_constant_i32(ctx->tcg, reg)));
    return r;
}

static bool trans_TFRRS(DisasContext *ctx, arg_rr *a)
{
    if (a->rd >= HEX_SREG_NUM) {
        return false;
    }
    if (check_monitor(ctx)) {
        gen_sreg_write(ctx, a->rd, get_gpr(ctx, a->rs));
    }
    return true;
}

static bool trans_TFRSR(DisasContext *ctx, arg_rr *a)
{
    if (a->rs >= HEX_SREG_NUM) {
        return false;
    }
    if (check_monitor(ctx)) {
        tcg_gen_mov_i32(ctx->tcg, dest_gpr(ctx, a->rd),
                        gen_sreg_read(ctx, a->rs));
    }
    return true;
}

static bool trans_TFRRSS(DisasContext *ctx, arg_rr *a)
{
    if (a->rd + 1 >= HEX_SREG_NUM) {
        return false;
    }
    if (check_monitor(ctx)) {
        gen_sreg_write(ctx, a->rd, get_gpr(ctx, a->rs));
        gen_sreg_write(ctx, a->rd + 1, get_gpr(ctx, a->rs + 1));
    }
    return true;
}

static bool trans_TFRSSR(DisasContext *ctx, arg_rr *a)
{
    if (a->rs + 1 >= HEX_SREG_NUM) {
        return false;
    }
    if (check_monitor(ctx)) {
        TCGv_i32 lo = gen_sreg_read(ctx, a->rs);
        TCGv_i32 hi = gen_sreg_read(ctx, a->rs + 1);

        tcg_gen_mov_i32(ctx->tcg, dest_gpr(ctx, a->rd), lo);
        tcg_gen_mov_i32(ctx->tcg, dest_gpr(ctx, a->rd + 1), hi);
    }
    return true;
}

static ptrdiff_t greg_off(unsigned r)
{
    return offsetof(CPUHexagonState, greg[r & 31]);
}

static bool trans_TFRRG(DisasContext *ctx, arg_rr *a)
{
    if (check_guest(ctx)) {
        tcg_gen_st_i32(ctx->tcg, get_gpr(ctx, a->rs), tcg_env(ctx->tcg),
                       greg_off(a->rd));
    }
    return true;
}

static bool trans_TFRGR(DisasContext *ctx, arg_rr *a)
{
    if (check_guest(ctx)) {
        tcg_gen_ld_i32(ctx->tcg, dest_gpr(ctx, a->rd), tcg_env(ctx->tcg),
                       greg_off(a->rs));
    }
    return true;
}

static bool trans_TFRRGG(DisasContext *ctx, arg_rr *a)
{
    if (check_guest(ctx)) {
        for (int i = 0; i < 2; i++) {
            tcg_gen_st_i32(ctx->tcg, get_gpr(ctx, a->rs + i),
                           tcg_env(ctx->tcg), greg_off(a->rd + i));
        }
    }
    return true;
}

static bool trans_TFRGGR(DisasContext *ctx, arg_rr *a)
{
    if (check_guest(ctx)) {
        for (int i = 0; i < 2; i++) {
            tcg_gen_ld_i32(ctx->tcg, dest_gpr(ctx, a->rd + i),
                           tcg_env(ctx->tcg), greg_off(a->rs + i));
        }
    }
    return true;
}

static bool trans_MEMW_PHYS(DisasContext *ctx, arg_rrr3 *a)
{
    if (check_monitor(ctx)) {
        gen_helper(ctx, &hex_helper_memw_phys_info,
                   tcgv_i32_arg(dest_gpr(ctx, a->rd)), 2,
                   tcgv_i32_arg(get_gpr(ctx, a->rs)),
                   tcgv_i32_arg(get_gpr(ctx, a->rt)));
    }
    return true;
}
