/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Translator of hex-perm3.isa (XTYPE/PERM, ALU, BIT and PRED leftovers:
 * two-source truncations, align/splice by a predicate, cross add/sub,
 * vaddhub, reduce max/min with index, conditional negate, vmux,
 * boundscheck, tlbmatch, !any8, vminub with a predicate, vacsh,
 * tableidx).
 * Every pattern is one P3() line: its operation (perm3.h, semantics in
 * perm3.c) and flags saying which operands are pairs, predicates or
 * accumulators.  The code is one call of a pure helper, and a second one
 * for the side outputs: USR.OVF of the saturating forms (ORed in at the
 * end of the packet like every other write) and the Pe of vminub and
 * vacsh.  Spec:
 * Hexagon V68 PRM, "XTYPE".
 */
#include "translate.h"
#include "perm3.h"

#include "decode-hexagon-perm3.c.inc"

bool hex_decode_perm3(DisasContext *ctx, uint32_t insn)
{
    return decode_hex_perm3(ctx, insn);
}

/* Operand shapes of a pattern. */
enum {
    P3F_D64 = 1 << 0,           /* destination is a pair */
    P3F_DP = 1 << 1,            /* destination is the predicate Pd */
    P3F_S64 = 1 << 2,           /* rs names a pair (else a register) */
    P3F_T64 = 1 << 3,           /* rt names a pair */
    P3F_TI = 1 << 4,            /* rt is an immediate */
    P3F_PU = 1 << 5,            /* pu is a predicate source, passed as aux */
    P3F_ACC = 1 << 6,           /* the destination is also read */
    P3F_SAT = 1 << 7,           /* may saturate: sets USR.OVF */
    P3F_PE = 1 << 8,            /* pu is a second destination, Pe */
};

static uint64_t helper_perm3(void *env, uint32_t op, uint32_t aux,
                             uint64_t s, uint64_t t, uint64_t x)
{
    uint32_t side = 0;

    return hex_perm3_eval(op, (int32_t)aux, s, t, x, &side);
}

static uint32_t helper_perm3_side(void *env, uint32_t op, uint32_t aux,
                                  uint64_t s, uint64_t t, uint64_t x)
{
    uint32_t side = 0;

    hex_perm3_eval(op, (int32_t)aux, s, t, x, &side);
    return side;
}

HEX_OP6_HELPER_INFO(helper_perm3_info, helper_perm3, "perm3",
                    TCG_CALL_I64);

HEX_OP6_HELPER_INFO(helper_perm3_side_info, helper_perm3_side, "perm3_side",
                    TCG_CALL_I32);

/* The side outputs: USR.OVF (bit 0) and Pe (bits 15:8) into P@pe. */
static void p3_side(DisasContext *ctx, unsigned f, unsigned pe,
                    TCGArg *args)
{
    TCGv_i32 side = tmp32(ctx);

    gen_helper(ctx, &helper_perm3_side_info, tcgv_i32_arg(side), 5,
               args[0], args[1], args[2], args[3], args[4]);
    gen_side_outputs(ctx, side, f & P3F_SAT ? 1 : 0,
                     f & P3F_PE ? (int)pe : -1);
}

static bool do_p3(DisasContext *ctx, arg_p3 *a, uint32_t op, unsigned f)
{
    TCGContext *t = ctx->tcg;
    TCGv_i64 s, u, x, r = tmp64(ctx);
    TCGv_i32 aux = tcg_constant_i32(t, (int32_t)a->imm);
    TCGArg args[5];

    if (f & P3F_PU) {
        aux = get_pred(ctx, a->pu);
    }
    s = gen_operand64(ctx, a->rs, f & P3F_S64);
    u = f & P3F_TI ? tcg_constant_i64(t, a->rt)
                   : gen_operand64(ctx, a->rt, f & P3F_T64);
    x = f & P3F_ACC ? gen_operand64(ctx, a->rd, f & P3F_D64)
                    : tcg_constant_i64(t, 0);
    args[0] = tcgv_i32_arg(tcg_constant_i32(t, op));
    args[1] = tcgv_i32_arg(aux);
    args[2] = tcgv_i64_arg(s);
    args[3] = tcgv_i64_arg(u);
    args[4] = tcgv_i64_arg(x);
    gen_helper(ctx, &helper_perm3_info, tcgv_i64_arg(r), 5, args[0],
               args[1], args[2], args[3], args[4]);
    if (f & (P3F_SAT | P3F_PE)) {
        p3_side(ctx, f, a->pu, args);
    }
    if (f & P3F_D64) {
        set_gpr_pair(ctx, a->rd, r);
    } else if (f & P3F_DP) {
        TCGv_i32 p = tmp32(ctx);

        tcg_gen_extrl_i64_i32(t, p, r);
        set_pred(ctx, a->rd, p);
    } else {
        tcg_gen_extrl_i64_i32(t, dest_gpr(ctx, a->rd), r);
    }
    return true;
}

/* One trans_ function per pattern: operation and flags. */
#define P3(name, flags)                                                      \
    static bool trans_##name(DisasContext *ctx, arg_p3 *a)                   \
    {                                                                        \
        return do_p3(ctx, a, P3_##name, (flags));                            \
    }

#define PPP (P3F_D64 | P3F_S64 | P3F_T64)

/* XTYPE/PERM */
P3(VTRUNEWH, PPP)
P3(VTRUNEHB_PP, PPP)
P3(VTRUNOWH, PPP)
P3(VTRUNOHB_PP, PPP)
P3(VALIGNB_P, PPP | P3F_PU)
P3(VSPLICEB_P, PPP | P3F_PU)

/* XTYPE/ALU */
P3(VXADDSUBW, PPP | P3F_SAT)
P3(VADDHUB, P3F_S64 | P3F_T64 | P3F_SAT)
P3(VXSUBADDW, PPP | P3F_SAT)
P3(VXADDSUBH, PPP | P3F_SAT)
P3(VXSUBADDH, PPP | P3F_SAT)
P3(VXADDSUBH_RND, PPP | P3F_SAT)
P3(VXSUBADDH_RND, PPP | P3F_SAT)
P3(VRMAXH, P3F_D64 | P3F_S64 | P3F_ACC)
P3(VRMAXUH, P3F_D64 | P3F_S64 | P3F_ACC)
P3(VRMAXW, P3F_D64 | P3F_S64 | P3F_ACC)
P3(VRMAXUW, P3F_D64 | P3F_S64 | P3F_ACC)
P3(VRMINH, P3F_D64 | P3F_S64 | P3F_ACC)
P3(VRMINUH, P3F_D64 | P3F_S64 | P3F_ACC)
P3(VRMINW, P3F_D64 | P3F_S64 | P3F_ACC)
P3(VRMINUW, P3F_D64 | P3F_S64 | P3F_ACC)
P3(VCNEGH, P3F_D64 | P3F_S64 | P3F_SAT)
P3(VRCNEGH_ACC, P3F_D64 | P3F_S64 | P3F_ACC)
P3(VMINUB_P, PPP | P3F_PE)
P3(VACSH, PPP | P3F_ACC | P3F_PE | P3F_SAT)

/* XTYPE/PRED */
P3(VMUX, PPP | P3F_PU)
P3(BOUNDSCHECK_LO, P3F_DP | P3F_S64 | P3F_T64)
P3(BOUNDSCHECK_HI, P3F_DP | P3F_S64 | P3F_T64)
P3(TLBMATCH, P3F_DP | P3F_S64)
P3(NANY8_VCMPB_EQ, P3F_DP | P3F_S64 | P3F_T64)

/* XTYPE/BIT: Rx = tableidx (Rx read: the field is inserted) */
P3(TABLEIDXB, P3F_TI | P3F_ACC)
P3(TABLEIDXH, P3F_TI | P3F_ACC)
P3(TABLEIDXW, P3F_TI | P3F_ACC)
P3(TABLEIDXD, P3F_TI | P3F_ACC)
