/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Translator of hex-fp.isa (XTYPE/FP leftovers: sfclass/dfclass,
 * sfmake/dfmake, sfrecipa/sfinvsqrta and the sffixup* operands, sffma
 * :lib and :scale, dfmax/dfmin, the dfmpy* steps, conversions with 64-bit
 * integers).  sfmake/dfmake are constants; every other pattern is one FP()
 * line: its operation (fp.h, semantics in fp.c) and flags saying which
 * operands are pairs or predicates.  The code is one call of a pure
 * helper with the packet's USR (for the rounding mode), and a second one
 * for the side outputs: the sticky exception bits, ORed into USR at the
 * end of the packet like every other write, and the Pe of sfrecipa and
 * sfinvsqrta.  Spec: Hexagon V68 PRM, "XTYPE/FP".
 */
#include "translate.h"
#include "fp.h"

#include "decode-hexagon-fp.c.inc"

bool hex_decode_fp(DisasContext *ctx, uint32_t insn)
{
    return decode_hex_fp(ctx, insn);
}

/* Operand shapes of a pattern. */
enum {
    FPF_D64 = 1 << 0,           /* destination is a pair */
    FPF_DP = 1 << 1,            /* destination is the predicate Pd */
    FPF_S64 = 1 << 2,           /* rs names a pair (else a register) */
    FPF_T64 = 1 << 3,           /* rt names a pair */
    FPF_TI = 1 << 4,            /* the immediate goes in as rt */
    FPF_T = 1 << 5,             /* rt is a register */
    FPF_PU = 1 << 6,            /* pu is a source, passed above rt */
    FPF_ACC = 1 << 7,           /* the destination is also read */
    FPF_PE = 1 << 8,            /* pu is a second destination, Pe */
    FPF_FLAGS = 1 << 9,         /* may raise USR exception bits */
};

static uint64_t helper_fp(void *env, uint32_t op, uint32_t usr, uint64_t s,
                          uint64_t t, uint64_t x)
{
    uint32_t side;

    return hex_fp_eval(op, usr, s, t, x, &side);
}

static uint32_t helper_fp_side(void *env, uint32_t op, uint32_t usr,
                               uint64_t s, uint64_t t, uint64_t x)
{
    uint32_t side;

    hex_fp_eval(op, usr, s, t, x, &side);
    return side;
}

HEX_OP6_HELPER_INFO(helper_fp_info, helper_fp, "fp", TCG_CALL_I64);

HEX_OP6_HELPER_INFO(helper_fp_side_info, helper_fp_side, "fp_side",
                    TCG_CALL_I32);

/* The side outputs: the USR bits (7:0) and Pe (15:8) into P@pe. */
static void fp_side(DisasContext *ctx, unsigned f, unsigned pe,
                    TCGArg *args)
{
    TCGv_i32 side = tmp32(ctx);

    gen_helper(ctx, &helper_fp_side_info, tcgv_i32_arg(side), 5,
               args[0], args[1], args[2], args[3], args[4]);
    gen_side_outputs(ctx, side, f & FPF_FLAGS ? HFP_SIDE_USR_MASK : 0,
                     f & FPF_PE ? (int)pe : -1);
}

/* The second source: a register, a pair, the immediate, with Pu above. */
static TCGv_i64 fp_second(DisasContext *ctx, arg_fp *a, unsigned f)
{
    TCGContext *t = ctx->tcg;
    TCGv_i64 u;

    if (f & FPF_TI) {
        return tcg_constant_i64(t, a->imm);
    }
    if (!(f & (FPF_T | FPF_T64))) {
        return tcg_constant_i64(t, 0);
    }
    u = gen_operand64(ctx, a->rt, f & FPF_T64);
    if (f & FPF_PU) {
        TCGv_i64 p = tmp64(ctx);

        tcg_gen_extu_i32_i64(t, p, get_pred(ctx, a->pu));
        tcg_gen_deposit_i64(t, u, u, p, 32, 32);
    }
    return u;
}

static bool do_fp(DisasContext *ctx, arg_fp *a, uint32_t op, unsigned f)
{
    TCGContext *t = ctx->tcg;
    TCGv_i64 r = tmp64(ctx);
    TCGv_i64 s = gen_operand64(ctx, a->rs, f & FPF_S64);
    TCGv_i64 u = fp_second(ctx, a, f);
    TCGv_i64 x = f & FPF_ACC ? gen_operand64(ctx, a->rd, f & FPF_D64)
                             : tcg_constant_i64(t, 0);
    TCGArg args[5];

    args[0] = tcgv_i32_arg(tcg_constant_i32(t, op));
    args[1] = tcgv_i32_arg(get_cr(ctx, HEX_CR_USR));
    args[2] = tcgv_i64_arg(s);
    args[3] = tcgv_i64_arg(u);
    args[4] = tcgv_i64_arg(x);
    gen_helper(ctx, &helper_fp_info, tcgv_i64_arg(r), 5, args[0], args[1],
               args[2], args[3], args[4]);
    if (f & (FPF_FLAGS | FPF_PE)) {
        fp_side(ctx, f, a->pu, args);
    }
    if (f & FPF_D64) {
        set_gpr_pair(ctx, a->rd, r);
    } else if (f & FPF_DP) {
        TCGv_i32 p = tmp32(ctx);

        tcg_gen_extrl_i64_i32(t, p, r);
        set_pred(ctx, a->rd, p);
    } else {
        tcg_gen_extrl_i64_i32(t, dest_gpr(ctx, a->rd), r);
    }
    return true;
}

/* One trans_ function per pattern: operation and flags. */
#define FP(name, opc, flags)                                                 \
    static bool trans_##name(DisasContext *ctx, arg_fp *a)                   \
    {                                                                        \
        return do_fp(ctx, a, (opc), (flags));                                \
    }

/* Operand shapes and the flag-raising forms. */
#define R_RR    (FPF_T | FPF_FLAGS)
#define R_R     FPF_FLAGS
#define P_PP    (FPF_D64 | FPF_S64 | FPF_T | FPF_T64 | FPF_FLAGS)
#define R_P     (FPF_S64 | FPF_FLAGS)
#define P_R     (FPF_D64 | FPF_FLAGS)
#define P_P     (FPF_D64 | FPF_S64 | FPF_FLAGS)

FP(SFCLASS, HFP_SFCLASS, FPF_DP | FPF_TI)
FP(DFCLASS, HFP_DFCLASS, FPF_DP | FPF_S64 | FPF_TI)

FP(SFFMA_SC, HFP_SFFMA_SC, R_RR | FPF_ACC | FPF_PU)
FP(SFFMA_LIB, HFP_SFFMA_LIB, FPF_T | FPF_ACC)   /* :lib raises no flags */
FP(SFFMS_LIB, HFP_SFFMS_LIB, FPF_T | FPF_ACC)
FP(SFRECIPA, HFP_SFRECIPA, R_RR | FPF_PE)
FP(SFFIXUPN, HFP_SFFIXUPN, R_RR)
FP(SFFIXUPD, HFP_SFFIXUPD, R_RR)
FP(SFINVSQRTA, HFP_SFINVSQRTA, R_R | FPF_PE)
FP(SFFIXUPR, HFP_SFFIXUPR, R_R)

FP(DFMAX, HFP_DFMAX, P_PP)
FP(DFMIN, HFP_DFMIN, P_PP)
FP(DFMPYFIX, HFP_DFMPYFIX, P_PP & ~FPF_FLAGS)
FP(DFMPYLL, HFP_DFMPYLL, P_PP & ~FPF_FLAGS)
FP(DFMPYLH, HFP_DFMPYLH, (P_PP & ~FPF_FLAGS) | FPF_ACC)
FP(DFMPYHH, HFP_DFMPYHH, P_PP | FPF_ACC)

FP(CONV_UD2SF, HFP_UD2SF, R_P)
FP(CONV_D2SF, HFP_D2SF, R_P)
FP(CONV_UD2DF, HFP_UD2DF, P_P)
FP(CONV_SF2UD, HFP_SF2UD, P_R)
FP(CONV_SF2D, HFP_SF2D, P_R)
FP(CONV_SF2UD_CHOP, HFP_SF2UD_CHOP, P_R)
FP(CONV_SF2D_CHOP, HFP_SF2D_CHOP, P_R)
FP(CONV_DF2UD, HFP_DF2UD, P_P)
FP(CONV_DF2UD_CHOP, HFP_DF2UD_CHOP, P_P)
FP(CONV_DF2D_CHOP, HFP_DF2D_CHOP, P_P)
FP(CONV_DF2UW_CHOP, HFP_DF2UW_CHOP, R_P)

/* sfmake/dfmake: the result is a constant of the immediate. */
static bool do_make(DisasContext *ctx, arg_fp *a, bool pair, bool neg)
{
    TCGContext *t = ctx->tcg;

    if (pair) {
        set_gpr_pair(ctx, a->rd,
                     tcg_constant_i64(t, hex_fp_dfmake(a->imm, neg)));
    } else {
        tcg_gen_movi_i32(t, dest_gpr(ctx, a->rd),
                         hex_fp_sfmake(a->imm, neg));
    }
    return true;
}

static bool trans_SFMAKE_POS(DisasContext *ctx, arg_fp *a)
{
    return do_make(ctx, a, false, false);
}

static bool trans_SFMAKE_NEG(DisasContext *ctx, arg_fp *a)
{
    return do_make(ctx, a, false, true);
}

static bool trans_DFMAKE_POS(DisasContext *ctx, arg_fp *a)
{
    return do_make(ctx, a, true, false);
}

static bool trans_DFMAKE_NEG(DisasContext *ctx, arg_fp *a)
{
    return do_make(ctx, a, true, true);
}
