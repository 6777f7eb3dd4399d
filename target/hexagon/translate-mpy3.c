/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Translator of the third multiply table, hex-mpy3.isa (complex, vector
 * complex, vector halfword, byte, polynomial-accumulate and word-by-half
 * multiplies).  Every pattern is one M3() line: its operation (mpy3.h,
 * semantics in mpy3.c) and flags saying which operands are pairs and
 * whether the destination is also read or USR.OVF may be set.  The code
 * is one call of a pure helper, and a second one for the overflow bit of
 * the saturating forms (ORed into USR.OVF at the end of the packet like
 * every other write).  Spec: Hexagon V68 PRM, "XTYPE/MPY".
 */
#include "translate.h"
#include "mpy3.h"

#include "decode-hexagon-mpy3.c.inc"

bool hex_decode_mpy3(DisasContext *ctx, uint32_t insn)
{
    return decode_hex_mpy3(ctx, insn);
}

/* Operand shapes of a pattern. */
enum {
    M3F_D64 = 1 << 0,           /* destination is the pair Rdd */
    M3F_S64 = 1 << 1,           /* rs names a pair */
    M3F_T64 = 1 << 2,           /* rt names a pair */
    M3F_ACC = 1 << 3,           /* the destination is also read (Rx) */
    M3F_SAT = 1 << 4,           /* may saturate: sets USR.OVF */
};

static uint64_t helper_mpy3(void *env, uint32_t op, uint64_t s, uint64_t t,
                            uint64_t x)
{
    bool ovf = false;

    return hex_mpy3_eval(op, s, t, x, &ovf);
}

static uint32_t helper_mpy3_ovf(void *env, uint32_t op, uint64_t s,
                                uint64_t t, uint64_t x)
{
    bool ovf = false;

    hex_mpy3_eval(op, s, t, x, &ovf);
    return ovf;
}

static const TCGHelperInfo helper_mpy3_info = {
    .func = (const void *)helper_mpy3, .name = "mpy3",
    .flags = TCG_CALL_PURE, .nb_args = 5, .ret = TCG_CALL_I64,
    .args = { TCG_CALL_PTR, TCG_CALL_I32, TCG_CALL_I64, TCG_CALL_I64,
              TCG_CALL_I64 },
};

static const TCGHelperInfo helper_mpy3_ovf_info = {
    .func = (const void *)helper_mpy3_ovf, .name = "mpy3_ovf",
    .flags = TCG_CALL_PURE, .nb_args = 5, .ret = TCG_CALL_I32,
    .args = { TCG_CALL_PTR, TCG_CALL_I32, TCG_CALL_I64, TCG_CALL_I64,
              TCG_CALL_I64 },
};

static bool do_m3(DisasContext *ctx, arg_m3 *a, uint32_t op, unsigned f)
{
    TCGContext *t = ctx->tcg;
    TCGv_i64 r = tmp64(ctx);
    TCGv_i32 opc = tcg_constant_i32(t, op);
    TCGv_i64 s = gen_operand64(ctx, a->rs, f & M3F_S64);
    TCGv_i64 u = gen_operand64(ctx, a->rt, f & M3F_T64);
    TCGv_i64 x = f & M3F_ACC ? gen_operand64(ctx, a->rd, f & M3F_D64)
                             : tcg_constant_i64(t, 0);

    gen_helper(ctx, &helper_mpy3_info, tcgv_i64_arg(r), 4, tcgv_i32_arg(opc),
               tcgv_i64_arg(s), tcgv_i64_arg(u), tcgv_i64_arg(x));
    if (f & M3F_SAT) {
        TCGv_i32 ovf = tmp32(ctx);

        gen_helper(ctx, &helper_mpy3_ovf_info, tcgv_i32_arg(ovf), 4,
                   tcgv_i32_arg(opc), tcgv_i64_arg(s), tcgv_i64_arg(u),
                   tcgv_i64_arg(x));
        gen_set_ovf(ctx, ovf);
    }
    if (f & M3F_D64) {
        set_gpr_pair(ctx, a->rd, r);
    } else {
        tcg_gen_extrl_i64_i32(t, dest_gpr(ctx, a->rd), r);
    }
    return true;
}

/* One trans_ function per pattern: operation, modifiers, flags. */
#define M3(name, kind, mods, flags)                                          \
    static bool trans_##name(DisasContext *ctx, arg_m3 *a)                   \
    {                                                                        \
        return do_m3(ctx, a, (kind) | (mods), (flags));                      \
    }

/* Operand shapes by format, accumulating and saturating variants. */
#define P_RR    (M3F_D64)
#define P_PP    (M3F_D64 | M3F_S64 | M3F_T64)
#define R_RR    0
#define R_PP    (M3F_S64 | M3F_T64)
#define R_PR    (M3F_S64)
#define ACC     M3F_ACC
#define SAT     M3F_SAT

/* Complex multiplies */
M3(CMPYC_S1_SAT, M3_CMPY, M3P_CONJ | M3P_S1 | M3P_SAT, P_RR | SAT)
M3(CMPY_ACC_S1_SAT, M3_CMPY, M3P_ACC | M3P_S1 | M3P_SAT, P_RR | ACC | SAT)
M3(CMPYC_ACC_SAT, M3_CMPY, M3P_ACC | M3P_CONJ | M3P_SAT, P_RR | ACC | SAT)
M3(CMPYC_ACC_S1_SAT, M3_CMPY, M3P_ACC | M3P_CONJ | M3P_S1 | M3P_SAT,
   P_RR | ACC | SAT)
M3(CMPY_NAC_SAT, M3_CMPY, M3P_NAC | M3P_SAT, P_RR | ACC | SAT)
M3(CMPY_NAC_S1_SAT, M3_CMPY, M3P_NAC | M3P_S1 | M3P_SAT, P_RR | ACC | SAT)
M3(CMPYC_NAC_SAT, M3_CMPY, M3P_NAC | M3P_CONJ | M3P_SAT, P_RR | ACC | SAT)
M3(CMPYC_NAC_S1_SAT, M3_CMPY, M3P_NAC | M3P_CONJ | M3P_S1 | M3P_SAT,
   P_RR | ACC | SAT)
M3(CMPYI_ACC, M3_CMPYIR_ACC, M3P_ALT, P_RR | ACC)
M3(CMPYR_ACC, M3_CMPYIR_ACC, 0, P_RR | ACC)
M3(CMPY_S1_RND_SAT, M3_CMPY_RND, M3P_S1, R_RR | SAT)
M3(CMPYC_RND_SAT, M3_CMPY_RND, M3P_CONJ, R_RR | SAT)
M3(CMPYC_S1_RND_SAT, M3_CMPY_RND, M3P_CONJ | M3P_S1, R_RR | SAT)

/* Vector complex multiplies */
M3(VCMPYR_SAT, M3_VCMPY, M3P_SAT, P_PP | SAT)
M3(VCMPYR_S1_SAT, M3_VCMPY, M3P_S1 | M3P_SAT, P_PP | SAT)
M3(VCMPYI_SAT, M3_VCMPY, M3P_ALT | M3P_SAT, P_PP | SAT)
M3(VCMPYI_S1_SAT, M3_VCMPY, M3P_ALT | M3P_S1 | M3P_SAT, P_PP | SAT)
M3(VCMPYR_ACC_SAT, M3_VCMPY, M3P_ACC | M3P_SAT, P_PP | ACC | SAT)
M3(VCMPYI_ACC_SAT, M3_VCMPY, M3P_ACC | M3P_ALT | M3P_SAT, P_PP | ACC | SAT)
M3(VRCMPYI, M3_VRCMPY, M3P_ALT, P_PP)
M3(VRCMPYR, M3_VRCMPY, 0, P_PP)
M3(VRCMPYIC, M3_VRCMPY, M3P_ALT | M3P_CONJ, P_PP)
M3(VRCMPYRC, M3_VRCMPY, M3P_CONJ, P_PP)
M3(VRCMPYI_ACC, M3_VRCMPY, M3P_ACC | M3P_ALT, P_PP | ACC)
M3(VRCMPYR_ACC, M3_VRCMPY, M3P_ACC, P_PP | ACC)
M3(VRCMPYIC_ACC, M3_VRCMPY, M3P_ACC | M3P_ALT | M3P_CONJ, P_PP | ACC)
M3(VRCMPYRC_ACC, M3_VRCMPY, M3P_ACC | M3P_CONJ, P_PP | ACC)

/* Vector reduce complex multiply by scalar */
M3(VRCMPYS_HI, M3_VRCMPYS, M3P_ALT | M3P_SAT, P_PP | SAT)
M3(VRCMPYS_LO, M3_VRCMPYS, M3P_SAT, P_PP | SAT)
M3(VRCMPYS_ACC_HI, M3_VRCMPYS, M3P_ACC | M3P_ALT | M3P_SAT, P_PP | ACC | SAT)
M3(VRCMPYS_ACC_LO, M3_VRCMPYS, M3P_ACC | M3P_SAT, P_PP | ACC | SAT)
M3(VRCMPYS_RND_HI, M3_VRCMPYS, M3P_RND | M3P_ALT, R_PP | SAT)
M3(VRCMPYS_RND_LO, M3_VRCMPYS, M3P_RND, R_PP | SAT)

/* Complex 32x16 with round and pack */
M3(CMPYIWH, M3_CMPYWH, M3P_ALT, R_PR | SAT)
M3(CMPYRWH, M3_CMPYWH, 0, R_PR | SAT)
M3(CMPYIWHC, M3_CMPYWH, M3P_ALT | M3P_CONJ, R_PR | SAT)
M3(CMPYRWHC, M3_CMPYWH, M3P_CONJ, R_PR | SAT)

/* Vector halfword */
M3(VRMPYH, M3_VRMPYH, 0, P_PP)
M3(VRMPYH_ACC, M3_VRMPYH, M3P_ACC, P_PP | ACC)
M3(VDMPY_SAT, M3_VDMPY, M3P_SAT, P_PP | SAT)
M3(VDMPY_S1_SAT, M3_VDMPY, M3P_S1 | M3P_SAT, P_PP | SAT)
M3(VDMPY_ACC_SAT, M3_VDMPY, M3P_ACC | M3P_SAT, P_PP | ACC | SAT)
M3(VDMPY_ACC_S1_SAT, M3_VDMPY, M3P_ACC | M3P_S1 | M3P_SAT, P_PP | ACC | SAT)
M3(VDMPY_RND_SAT, M3_VDMPY_RND, 0, R_PP | SAT)
M3(VDMPY_S1_RND_SAT, M3_VDMPY_RND, M3P_S1, R_PP | SAT)
M3(VMPYEH_SAT, M3_VMPYEH, M3P_SAT, P_PP | SAT)
M3(VMPYEH_S1_SAT, M3_VMPYEH, M3P_S1 | M3P_SAT, P_PP | SAT)
M3(VMPYEH_ACC, M3_VMPYEH, M3P_ACC, P_PP | ACC)
M3(VMPYEH_ACC_SAT, M3_VMPYEH, M3P_ACC | M3P_SAT, P_PP | ACC | SAT)
M3(VMPYEH_ACC_S1_SAT, M3_VMPYEH, M3P_ACC | M3P_S1 | M3P_SAT,
   P_PP | ACC | SAT)
M3(VMPYH_ACC_S1_SAT, M3_VMPYH_ACC, M3P_ACC | M3P_S1 | M3P_SAT,
   P_RR | ACC | SAT)
M3(VMPYH_S1_RND_SAT, M3_VMPYH_RND, M3P_S1, R_RR | SAT)
M3(VMPYHSU_ACC_SAT, M3_VMPYH_ACC, M3P_ACC | M3P_ALT | M3P_SAT,
   P_RR | ACC | SAT)
M3(VMPYHSU_ACC_S1_SAT, M3_VMPYH_ACC, M3P_ACC | M3P_ALT | M3P_S1 | M3P_SAT,
   P_RR | ACC | SAT)

/* Vector bytes */
M3(VRMPYBU, M3_VRMPYB, M3P_UNS, P_PP)
M3(VRMPYBSU, M3_VRMPYB, 0, P_PP)
M3(VRMPYBU_ACC, M3_VRMPYB, M3P_ACC | M3P_UNS, P_PP | ACC)
M3(VRMPYBSU_ACC, M3_VRMPYB, M3P_ACC, P_PP | ACC)
M3(VDMPYBSU_SAT, M3_VDMPYBSU, 0, P_PP | SAT)
M3(VDMPYBSU_ACC_SAT, M3_VDMPYBSU, M3P_ACC, P_PP | ACC | SAT)
M3(VMPYBU, M3_VMPYB, M3P_UNS, P_RR)
M3(VMPYBSU, M3_VMPYB, 0, P_RR)
M3(VMPYBU_ACC, M3_VMPYB, M3P_ACC | M3P_UNS, P_RR | ACC)
M3(VMPYBSU_ACC, M3_VMPYB, M3P_ACC, P_RR | ACC)

/* Polynomial accumulates */
M3(PMPYW_XOR, M3_PMPY_XOR, 0, P_RR | ACC)
M3(VPMPYH_XOR, M3_PMPY_XOR, M3P_ALT, P_RR | ACC)

/* Vector word by halfword: W (even/odd), U unsigned, A accumulating */
#define WH(name, mods, acc)                                                  \
    M3(name, M3_VMPYWH, (mods) | M3P_SAT | ((acc) ? M3P_ACC : 0),           \
       P_PP | SAT | ((acc) ? ACC : 0))
WH(VMPYWEH_SAT, 0, 0)
WH(VMPYWEH_S1_SAT, M3P_S1, 0)
WH(VMPYWEH_RND_SAT, M3P_RND, 0)
WH(VMPYWEH_S1_RND_SAT, M3P_S1 | M3P_RND, 0)
WH(VMPYWOH_SAT, M3P_ALT, 0)
WH(VMPYWOH_S1_SAT, M3P_ALT | M3P_S1, 0)
WH(VMPYWOH_RND_SAT, M3P_ALT | M3P_RND, 0)
WH(VMPYWOH_S1_RND_SAT, M3P_ALT | M3P_S1 | M3P_RND, 0)
WH(VMPYWEUH_SAT, M3P_UNS, 0)
WH(VMPYWEUH_S1_SAT, M3P_UNS | M3P_S1, 0)
WH(VMPYWEUH_RND_SAT, M3P_UNS | M3P_RND, 0)
WH(VMPYWEUH_S1_RND_SAT, M3P_UNS | M3P_S1 | M3P_RND, 0)
WH(VMPYWOUH_SAT, M3P_UNS | M3P_ALT, 0)
WH(VMPYWOUH_S1_SAT, M3P_UNS | M3P_ALT | M3P_S1, 0)
WH(VMPYWOUH_RND_SAT, M3P_UNS | M3P_ALT | M3P_RND, 0)
WH(VMPYWOUH_S1_RND_SAT, M3P_UNS | M3P_ALT | M3P_S1 | M3P_RND, 0)
WH(VMPYWEH_ACC_SAT, 0, 1)
WH(VMPYWEH_ACC_S1_SAT, M3P_S1, 1)
WH(VMPYWEH_ACC_RND_SAT, M3P_RND, 1)
WH(VMPYWEH_ACC_S1_RND_SAT, M3P_S1 | M3P_RND, 1)
WH(VMPYWOH_ACC_SAT, M3P_ALT, 1)
WH(VMPYWOH_ACC_S1_SAT, M3P_ALT | M3P_S1, 1)
WH(VMPYWOH_ACC_RND_SAT, M3P_ALT | M3P_RND, 1)
WH(VMPYWOH_ACC_S1_RND_SAT, M3P_ALT | M3P_S1 | M3P_RND, 1)
WH(VMPYWEUH_ACC_SAT, M3P_UNS, 1)
WH(VMPYWEUH_ACC_S1_SAT, M3P_UNS | M3P_S1, 1)
WH(VMPYWEUH_ACC_RND_SAT, M3P_UNS | M3P_RND, 1)
WH(VMPYWEUH_ACC_S1_RND_SAT, M3P_UNS | M3P_S1 | M3P_RND, 1)
WH(VMPYWOUH_ACC_SAT, M3P_UNS | M3P_ALT, 1)
WH(VMPYWOUH_ACC_S1_SAT, M3P_UNS | M3P_ALT | M3P_S1, 1)
WH(VMPYWOUH_ACC_RND_SAT, M3P_UNS | M3P_ALT | M3P_RND, 1)
WH(VMPYWOUH_ACC_S1_RND_SAT, M3P_UNS | M3P_ALT | M3P_S1 | M3P_RND, 1)

/* Vector reduce word by halfword */
M3(VRMPYWEH, M3_VRMPYWH, 0, P_PP)
M3(VRMPYWEH_S1, M3_VRMPYWH, M3P_S1, P_PP)
M3(VRMPYWOH, M3_VRMPYWH, M3P_ALT, P_PP)
M3(VRMPYWOH_S1, M3_VRMPYWH, M3P_ALT | M3P_S1, P_PP)
M3(VRMPYWEH_ACC, M3_VRMPYWH, M3P_ACC, P_PP | ACC)
M3(VRMPYWEH_ACC_S1, M3_VRMPYWH, M3P_ACC | M3P_S1, P_PP | ACC)
M3(VRMPYWOH_ACC, M3_VRMPYWH, M3P_ACC | M3P_ALT, P_PP | ACC)
M3(VRMPYWOH_ACC_S1, M3_VRMPYWH, M3P_ACC | M3P_ALT | M3P_S1, P_PP | ACC)
