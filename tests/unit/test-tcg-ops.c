/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Hand-written IR snippets with hand-derived results for every op and its
 * edge cases (shift counts >= width, division by zero, MIN / -1, clz of 0,
 * byte swaps, deposit at the edges, every condition on boundary values),
 * guest loads/stores (TLB hits, misses, byte order, sign), host loads and
 * stores, helper calls, goto_tb chaining, goto_ptr and insn_start
 * restoration.  Each case runs on every backend of this host, with inputs
 * in globals and again as constants (which the optimizer folds).
 */
#include "hemu/osdep.h"
#include "test-tcg-common.h"

typedef struct BinCase {
    TCGOpcode opc;
    uint64_t a, b, r;
} BinCase;

#define M64 UINT64_C(0xffffffffffffffff)
#define MIN64 UINT64_C(0x8000000000000000)

static const BinCase bin_cases[] = {
    { INDEX_op_add_i32, 0xffffffff, 1, 0 },
    { INDEX_op_sub_i32, 0, 1, 0xffffffff },
    { INDEX_op_mul_i32, 0x10000, 0x10000, 0 },          /* 2^32 wraps */
    { INDEX_op_mul_i32, 0xffffffff, 0xffffffff, 1 },    /* (-1)(-1) */
    { INDEX_op_div_i32, 7, 0xfffffffe, 0xfffffffd },    /* 7/-2 = -3 */
    { INDEX_op_div_i32, 0x80000000, 0xffffffff, 0x80000000 }, /* MIN/-1 */
    { INDEX_op_div_i32, 5, 0, 0 },                      /* x/0 = 0 */
    { INDEX_op_divu_i32, 0xffffffff, 2, 0x7fffffff },
    { INDEX_op_divu_i32, 5, 0, 0 },
    { INDEX_op_rem_i32, 0xfffffff9, 2, 0xffffffff },    /* -7%2 = -1 */
    { INDEX_op_rem_i32, 0x80000000, 0xffffffff, 0 },    /* MIN%-1 = 0 */
    { INDEX_op_rem_i32, 5, 0, 5 },                      /* x%0 = x */
    { INDEX_op_remu_i32, 0xffffffff, 10, 5 },           /* 4294967295%10 */
    { INDEX_op_remu_i32, 9, 0, 9 },
    { INDEX_op_and_i32, 0xf0f0f0f0, 0xff00ff00, 0xf000f000 },
    { INDEX_op_or_i32, 0xf0f0f0f0, 0x0f000000, 0xfff0f0f0 },
    { INDEX_op_xor_i32, 0xffff0000, 0x0ff00ff0, 0xf00f0ff0 },
    { INDEX_op_andc_i32, 0xffffffff, 0x0000ffff, 0xffff0000 },
    { INDEX_op_orc_i32, 0, 0xfffffff0, 0x0000000f },
    { INDEX_op_nand_i32, 0xff, 0x0f, 0xfffffff0 },
    { INDEX_op_nor_i32, 0xf0, 0x0f, 0xffffff00 },
    { INDEX_op_eqv_i32, 0xaaaaaaaa, 0xaaaaaaab, 0xfffffffe },
    { INDEX_op_shl_i32, 1, 33, 2 },                     /* 33 mod 32 = 1 */
    { INDEX_op_shl_i32, 0x80000001, 31, 0x80000000 },
    { INDEX_op_shr_i32, 0x80000000, 32, 0x80000000 },   /* 32 mod 32 = 0 */
    { INDEX_op_shr_i32, 0x80000000, 31, 1 },
    { INDEX_op_sar_i32, 0x80000000, 31, 0xffffffff },
    { INDEX_op_sar_i32, 0x80000000, 63, 0xffffffff },   /* 63 mod 32 = 31 */
    { INDEX_op_rotl_i32, 0x80000001, 1, 3 },
    { INDEX_op_rotl_i32, 0x80000001, 32, 0x80000001 },
    { INDEX_op_rotr_i32, 3, 1, 0x80000001 },
    { INDEX_op_rotr_i32, 0x12345678, 36, 0x81234567 },  /* 36 mod 32 = 4 */
    { INDEX_op_clz_i32, 0x00010000, 99, 15 },
    { INDEX_op_clz_i32, 0, 99, 99 },                    /* default for 0 */
    { INDEX_op_ctz_i32, 0x00010000, 99, 16 },
    { INDEX_op_ctz_i32, 0, 32, 32 },

    { INDEX_op_add_i64, M64, 2, 1 },
    { INDEX_op_sub_i64, 0, 1, M64 },
    { INDEX_op_mul_i64, UINT64_C(0x100000000), UINT64_C(0x100000000), 0 },
    { INDEX_op_mul_i64, 0xffffffff, 0xffffffff, UINT64_C(0xfffffffe00000001) },
    { INDEX_op_div_i64, MIN64, M64, MIN64 },            /* MIN/-1 = MIN */
    { INDEX_op_div_i64, (uint64_t)-9, 4, (uint64_t)-2 },
    { INDEX_op_div_i64, 123, 0, 0 },
    { INDEX_op_divu_i64, M64, 0x10, UINT64_C(0x0fffffffffffffff) },
    { INDEX_op_divu_i64, 1, 0, 0 },
    { INDEX_op_rem_i64, MIN64, M64, 0 },
    { INDEX_op_rem_i64, (uint64_t)-9, 4, M64 },         /* -9%4 = -1 */
    { INDEX_op_rem_i64, 7, 0, 7 },
    { INDEX_op_remu_i64, M64, 0x10, 0xf },
    { INDEX_op_remu_i64, 3, 0, 3 },
    { INDEX_op_and_i64, UINT64_C(0xff00ff00ff00ff00), M64,
      UINT64_C(0xff00ff00ff00ff00) },
    { INDEX_op_or_i64, UINT64_C(0xf000000000000000), 1,
      UINT64_C(0xf000000000000001) },
    { INDEX_op_xor_i64, M64, 1, UINT64_C(0xfffffffffffffffe) },
    { INDEX_op_andc_i64, M64, 0xff, UINT64_C(0xffffffffffffff00) },
    { INDEX_op_orc_i64, 0, M64 - 1, 1 },
    { INDEX_op_nand_i64, M64, M64, 0 },
    { INDEX_op_nor_i64, 0, 0, M64 },
    { INDEX_op_eqv_i64, 5, 5, M64 },
    { INDEX_op_shl_i64, 1, 64, 1 },                     /* 64 mod 64 = 0 */
    { INDEX_op_shl_i64, 1, 63, MIN64 },
    { INDEX_op_shr_i64, MIN64, 65, UINT64_C(0x4000000000000000) },
    { INDEX_op_sar_i64, MIN64, 63, M64 },
    { INDEX_op_rotl_i64, UINT64_C(0x8000000000000001), 4, 0x18 },
    { INDEX_op_rotr_i64, 1, 1, MIN64 },
    { INDEX_op_rotr_i64, 0x1234, 64, 0x1234 },
    { INDEX_op_clz_i64, 1, 0, 63 },
    { INDEX_op_clz_i64, 0, 64, 64 },
    { INDEX_op_ctz_i64, MIN64, 0, 63 },
    { INDEX_op_ctz_i64, 0, 7, 7 },
};

typedef struct UnCase {
    TCGOpcode opc;
    uint64_t a, r;
} UnCase;

static const UnCase un_cases[] = {
    { INDEX_op_mov_i32, 0x12345678, 0x12345678 },
    { INDEX_op_neg_i32, 1, 0xffffffff },
    { INDEX_op_neg_i32, 0x80000000, 0x80000000 },
    { INDEX_op_neg_i64, 5, UINT64_C(0xfffffffffffffffb) },
    { INDEX_op_not_i32, 0, 0xffffffff },
    { INDEX_op_not_i64, 0xff, UINT64_C(0xffffffffffffff00) },
    { INDEX_op_bswap16_i32, 0x12345678, 0x7856 },
    { INDEX_op_bswap32_i32, 0x12345678, 0x78563412 },
    { INDEX_op_bswap16_i64, UINT64_C(0x1122334455667788), 0x8877 },
    { INDEX_op_bswap32_i64, UINT64_C(0x1122334455667788), 0x88776655 },
    { INDEX_op_bswap64_i64, UINT64_C(0x1122334455667788),
      UINT64_C(0x8877665544332211) },
    { INDEX_op_ctpop_i32, 0xf0f0f0f1, 17 },
    { INDEX_op_ctpop_i32, 0, 0 },
    { INDEX_op_ctpop_i64, M64, 64 },
    { INDEX_op_extu_i32_i64, 0x80000000, 0x80000000 },
    { INDEX_op_exts_i32_i64, 0x80000000, UINT64_C(0xffffffff80000000) },
    { INDEX_op_extrl_i64_i32, UINT64_C(0x1122334455667788), 0x55667788 },
    { INDEX_op_extrh_i64_i32, UINT64_C(0x1122334455667788), 0x11223344 },
};

static bool out64(TCGOpcode opc)
{
    return tcg_op_defs[opc].flags & TCG_OPF_64BIT;
}

static bool in64(TCGOpcode opc)
{
    return opc == INDEX_op_extrl_i64_i32 || opc == INDEX_op_extrh_i64_i32 ||
        (out64(opc) && opc != INDEX_op_extu_i32_i64 &&
         opc != INDEX_op_exts_i32_i64);
}

/* An input: global 0/1 of the right width, or a constant. */
static TCGArg in_arg(TestCtx *t, TestEnv *env, bool w64, int g, uint64_t v,
                     bool as_const)
{
    if (w64) {
        env->g64[g] = v;
        return as_const ? tcgv_i64_arg(tcg_constant_i64(t->s, v))
                        : tcgv_i64_arg(t->g64[g]);
    }
    env->g32[g] = v;
    return as_const ? tcgv_i32_arg(tcg_constant_i32(t->s, v))
                    : tcgv_i32_arg(t->g32[g]);
}

static uint64_t out_val(TestEnv *env, bool w64)
{
    return w64 ? env->g64[2] : env->g32[2];
}

static TCGArg out_arg(TestCtx *t, bool w64)
{
    return w64 ? tcgv_i64_arg(t->g64[2]) : tcgv_i32_arg(t->g32[2]);
}

static void test_binops(void)
{
    TCGBackendKind kinds[2];
    unsigned nk = test_backends(kinds);

    for (unsigned k = 0; k < nk; k++) {
        TestCtx *t = test_ctx_new(kinds[k]);
        TestEnv *env = g_new0(TestEnv, 1);

        for (size_t i = 0; i < ARRAY_SIZE(bin_cases); i++) {
            const BinCase *c = &bin_cases[i];
            bool w = out64(c->opc);

            /* variants: both globals, b constant, both constants */
            for (int v = 0; v < 3; v++) {
                test_env_init(env);
                tcg_func_start(t->s);
                TCGArg a = in_arg(t, env, w, 0, c->a, v == 2);
                TCGArg b = in_arg(t, env, w, 1, c->b, v >= 1);
                tcg_gen_op3(t->s, c->opc, out_arg(t, w), a, b);
                tcg_gen_exit_tb(t->s, 0);
                test_run(t, env, true, NULL);
                if (out_val(env, w) != c->r) {
                    g_error("%s %s(%#" PRIx64 ", %#" PRIx64 ") variant %d = "
                            "%#" PRIx64 ", expected %#" PRIx64,
                            tcg_backend_name(kinds[k]),
                            tcg_op_defs[c->opc].name, c->a, c->b, v,
                            out_val(env, w), c->r);
                }
            }
        }
        g_free(env);
        test_ctx_free(t);
    }
}

static void test_unops(void)
{
    TCGBackendKind kinds[2];
    unsigned nk = test_backends(kinds);

    for (unsigned k = 0; k < nk; k++) {
        TestCtx *t = test_ctx_new(kinds[k]);
        TestEnv *env = g_new0(TestEnv, 1);

        for (size_t i = 0; i < ARRAY_SIZE(un_cases); i++) {
            const UnCase *c = &un_cases[i];

            for (int v = 0; v < 2; v++) {
                test_env_init(env);
                tcg_func_start(t->s);
                TCGArg a = in_arg(t, env, in64(c->opc), 0, c->a, v);
                tcg_gen_op2(t->s, c->opc, out_arg(t, out64(c->opc)), a);
                tcg_gen_exit_tb(t->s, 0);
                test_run(t, env, true, NULL);
                if (out_val(env, out64(c->opc)) != c->r) {
                    g_error("%s %s(%#" PRIx64 ") variant %d = %#" PRIx64
                            ", expected %#" PRIx64, tcg_backend_name(kinds[k]),
                            tcg_op_defs[c->opc].name, c->a, v,
                            out_val(env, out64(c->opc)), c->r);
                }
            }
        }
        g_free(env);
        test_ctx_free(t);
    }
}

typedef struct FieldCase {
    TCGOpcode opc;
    uint64_t a, b;
    unsigned pos, len;
    uint64_t r;
} FieldCase;

static const FieldCase field_cases[] = {
    { INDEX_op_extract_i32, 0x12345678, 0, 4, 8, 0x67 },
    { INDEX_op_extract_i32, 0x80000000, 0, 31, 1, 1 },
    { INDEX_op_extract_i32, 0x89abcdef, 0, 0, 32, 0x89abcdef },
    { INDEX_op_sextract_i32, 0x80, 0, 0, 8, 0xffffff80 },
    { INDEX_op_sextract_i32, 0x12345678, 0, 28, 4, 1 },
    { INDEX_op_extract_i64, UINT64_C(0xf000000000000000), 0, 60, 4, 0xf },
    { INDEX_op_sextract_i64, UINT64_C(0xf000000000000000), 0, 60, 4, M64 },
    { INDEX_op_sextract_i64, 0x80000000, 0, 0, 32,
      UINT64_C(0xffffffff80000000) },
    { INDEX_op_extract_i64, UINT64_C(0x1122334455667788), 0, 0, 64,
      UINT64_C(0x1122334455667788) },
    { INDEX_op_deposit_i32, 0xffffffff, 0, 0, 8, 0xffffff00 },
    { INDEX_op_deposit_i32, 0, 0xff, 28, 4, 0xf0000000 },
    { INDEX_op_deposit_i32, 0x12345678, 0xabcdef01, 0, 32, 0xabcdef01 },
    { INDEX_op_deposit_i64, 0, 0xffff, 48, 16, UINT64_C(0xffff000000000000) },
    { INDEX_op_deposit_i64, M64, 0, 0, 1, UINT64_C(0xfffffffffffffffe) },
    { INDEX_op_deposit_i64, 0, 0x1ff, 63, 1, MIN64 },
    { INDEX_op_deposit_i64, UINT64_C(0x1111111111111111), 0xabcd, 20, 12,
      UINT64_C(0x11111111bcd11111) },
};

static void test_fields(void)
{
    TCGBackendKind kinds[2];
    unsigned nk = test_backends(kinds);

    for (unsigned k = 0; k < nk; k++) {
        TestCtx *t = test_ctx_new(kinds[k]);
        TestEnv *env = g_new0(TestEnv, 1);

        for (size_t i = 0; i < ARRAY_SIZE(field_cases); i++) {
            const FieldCase *c = &field_cases[i];
            bool w = out64(c->opc);
            bool dep = c->opc == INDEX_op_deposit_i32 ||
                       c->opc == INDEX_op_deposit_i64;

            for (int v = 0; v < 2; v++) {
                test_env_init(env);
                tcg_func_start(t->s);
                TCGArg a = in_arg(t, env, w, 0, c->a, v);
                TCGArg b = in_arg(t, env, w, 1, c->b, v);
                if (dep) {
                    tcg_gen_op5(t->s, c->opc, out_arg(t, w), a, b, c->pos,
                                c->len);
                } else {
                    tcg_gen_op4(t->s, c->opc, out_arg(t, w), a, c->pos,
                                c->len);
                }
                tcg_gen_exit_tb(t->s, 0);
                test_run(t, env, true, NULL);
                if (out_val(env, w) != c->r) {
                    g_error("%s %s(%#" PRIx64 ", %#" PRIx64 ", %u, %u) = %#"
                            PRIx64 ", expected %#" PRIx64,
                            tcg_backend_name(kinds[k]),
                            tcg_op_defs[c->opc].name, c->a, c->b, c->pos,
                            c->len, out_val(env, w), c->r);
                }
            }
        }
        g_free(env);
        test_ctx_free(t);
    }
}

/*
 * Conditions on boundary pairs.  Expected bits, in TCGCond order from EQ:
 * eq ne lt ge le gt ltu geu leu gtu tsteq tstne.
 */
typedef struct CondCase {
    bool w64;
    uint64_t a, b;
    uint8_t r[12];
} CondCase;

static const CondCase cond_cases[] = {
    /* MAX vs MIN: signed greater, unsigned less, no common bit */
    { false, 0x7fffffff, 0x80000000, { 0, 1, 0, 1, 0, 1, 1, 0, 1, 0, 1, 0 } },
    /* equal values */
    { false, 5, 5, { 1, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 1 } },
    /* -1 vs 1: signed less, unsigned greater, bit 0 common */
    { false, 0xffffffff, 1, { 0, 1, 1, 0, 1, 0, 0, 1, 0, 1, 0, 1 } },
    { true, M64, 0, { 0, 1, 1, 0, 1, 0, 0, 1, 0, 1, 1, 0 } },
    { true, UINT64_C(0x7fffffffffffffff), MIN64,
      { 0, 1, 0, 1, 0, 1, 1, 0, 1, 0, 1, 0 } },
    /* i64 values equal in the low 32 bits only */
    { true, UINT64_C(0x100000000), 0, { 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 1, 0 } },
};

static void gen_cond_case(TestCtx *t, TestEnv *env, const CondCase *c,
                          TCGCond cond, int kind, bool as_const)
{
    TCGArg a = in_arg(t, env, c->w64, 0, c->a, as_const);
    TCGArg b = in_arg(t, env, c->w64, 1, c->b, as_const);

    if (kind == 0) {
        tcg_gen_op4(t->s, c->w64 ? INDEX_op_setcond_i64
                    : INDEX_op_setcond_i32, out_arg(t, c->w64), a, b, cond);
    } else if (kind == 1) {
        /* movcond selecting 10 or 20, result 10 if true */
        TCGArg v1 = in_arg(t, env, c->w64, 3, 10, false);
        TCGArg v2 = in_arg(t, env, c->w64, 4, 20, as_const);

        tcg_gen_op6(t->s, c->w64 ? INDEX_op_movcond_i64
                    : INDEX_op_movcond_i32, out_arg(t, c->w64), a, b, v1, v2,
                    cond);
    } else {
        TCGLabel *l = gen_new_label(t->s);
        TCGArg out = out_arg(t, c->w64);
        TCGArg one = c->w64 ? tcgv_i64_arg(tcg_constant_i64(t->s, 1))
                            : tcgv_i32_arg(tcg_constant_i32(t->s, 1));
        TCGArg zero = c->w64 ? tcgv_i64_arg(tcg_constant_i64(t->s, 0))
                             : tcgv_i32_arg(tcg_constant_i32(t->s, 0));
        TCGOpcode mov = c->w64 ? INDEX_op_mov_i64 : INDEX_op_mov_i32;

        tcg_gen_op2(t->s, mov, out, one);
        tcg_gen_op4(t->s, c->w64 ? INDEX_op_brcond_i64 : INDEX_op_brcond_i32,
                    a, b, cond, tcg_label_arg(l));
        tcg_gen_op2(t->s, mov, out, zero);
        gen_set_label(t->s, l);
    }
    tcg_gen_exit_tb(t->s, 0);
}

static void test_conditions(void)
{
    TCGBackendKind kinds[2];
    unsigned nk = test_backends(kinds);

    for (unsigned k = 0; k < nk; k++) {
        TestCtx *t = test_ctx_new(kinds[k]);
        TestEnv *env = g_new0(TestEnv, 1);

        for (size_t i = 0; i < ARRAY_SIZE(cond_cases); i++) {
            const CondCase *c = &cond_cases[i];

            for (int cond = TCG_COND_EQ; cond <= TCG_COND_TSTNE; cond++) {
                for (int kind = 0; kind < 3; kind++) {
                    for (int v = 0; v < 2; v++) {
                        uint64_t want = c->r[cond - TCG_COND_EQ];

                        if (kind == 1) {
                            want = want ? 10 : 20;
                        }
                        test_env_init(env);
                        tcg_func_start(t->s);
                        gen_cond_case(t, env, c, cond, kind, v);
                        test_run(t, env, true, NULL);
                        if (out_val(env, c->w64) != want) {
                            g_error("%s case %zu cond %d kind %d const %d: "
                                    "%" PRIu64 ", expected %" PRIu64,
                                    tcg_backend_name(kinds[k]), i, cond, kind,
                                    v, out_val(env, c->w64), want);
                        }
                    }
                }
            }
        }
        g_free(env);
        test_ctx_free(t);
    }
}

static void test_mul2(void)
{
    static const struct {
        TCGOpcode opc;
        uint64_t a, b, lo, hi;
    } cases[] = {
        { INDEX_op_mulu2_i32, 0xffffffff, 0xffffffff, 1, 0xfffffffe },
        { INDEX_op_muls2_i32, 0xffffffff, 0xffffffff, 1, 0 },
        { INDEX_op_muls2_i32, 0x80000000, 2, 0, 0xffffffff }, /* -2^32 */
        { INDEX_op_mulu2_i64, M64, M64, 1, M64 - 1 },
        { INDEX_op_muls2_i64, MIN64, 2, 0, M64 },             /* -2^64 */
        { INDEX_op_muls2_i64, M64, M64, 1, 0 },
        { INDEX_op_mulu2_i64, UINT64_C(0x100000000), UINT64_C(0x100000000),
          0, 1 },
    };
    TCGBackendKind kinds[2];
    unsigned nk = test_backends(kinds);

    for (unsigned k = 0; k < nk; k++) {
        TestCtx *t = test_ctx_new(kinds[k]);
        TestEnv *env = g_new0(TestEnv, 1);

        for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
            bool w = out64(cases[i].opc);

            for (int v = 0; v < 2; v++) {
                test_env_init(env);
                tcg_func_start(t->s);
                TCGArg a = in_arg(t, env, w, 0, cases[i].a, v);
                TCGArg b = in_arg(t, env, w, 1, cases[i].b, v);
                TCGArg hi = w ? tcgv_i64_arg(t->g64[3])
                              : tcgv_i32_arg(t->g32[3]);
                tcg_gen_op4(t->s, cases[i].opc, out_arg(t, w), hi, a, b);
                tcg_gen_exit_tb(t->s, 0);
                test_run(t, env, true, NULL);
                g_assert_cmphex(out_val(env, w), ==, cases[i].lo);
                g_assert_cmphex(w ? env->g64[3] : env->g32[3], ==,
                                cases[i].hi);
            }
        }
        g_free(env);
        test_ctx_free(t);
    }
}

/* Host loads/stores relative to env and to a pointer temp. */
static void test_host_ldst(void)
{
    TCGBackendKind kinds[2];
    unsigned nk = test_backends(kinds);
    ptrdiff_t sc = offsetof(TestEnv, scratch);

    for (unsigned k = 0; k < nk; k++) {
        TestCtx *t = test_ctx_new(kinds[k]);
        TestEnv *env = g_new0(TestEnv, 1);
        TCGContext *s = t->s;
        TCGv_ptr p;

        test_env_init(env);
        /* scratch[0..7] = 80 81 82 83 84 85 86 87 (little-endian host) */
        for (int i = 0; i < 8; i++) {
            env->scratch[i] = 0x80 + i;
        }
        tcg_func_start(s);
        tcg_gen_ld8s_i32(s, t->g32[0], tcg_env(s), sc);
        tcg_gen_ld8u_i32(s, t->g32[1], tcg_env(s), sc);
        tcg_gen_ld16s_i64(s, t->g64[0], tcg_env(s), sc);
        tcg_gen_ld32u_i64(s, t->g64[1], tcg_env(s), sc + 4);
        tcg_gen_ld32s_i64(s, t->g64[2], tcg_env(s), sc + 4);
        p = tcg_temp_new_ptr(s);
        tcg_gen_op3(s, INDEX_op_add_i64, tcgv_ptr_arg(p), tcgv_ptr_arg(tcg_env(s)),
                    tcgv_i64_arg(tcg_constant_i64(s, sc)));
        tcg_gen_ld_i64(s, t->g64[3], p, 0);
        tcg_gen_st16_i32(s, t->g32[1], p, 16);     /* 0x0080 at 16 */
        tcg_gen_st_i64(s, t->g64[0], p, 24);
        tcg_gen_st8_i64(s, t->g64[3], p, 40);
        tcg_gen_exit_tb(s, 0);
        test_run(t, env, true, NULL);
        g_assert_cmphex(env->g32[0], ==, 0xffffff80);
        g_assert_cmphex(env->g32[1], ==, 0x80);
        g_assert_cmphex(env->g64[0], ==, UINT64_C(0xffffffffffff8180));
        g_assert_cmphex(env->g64[1], ==, 0x87868584);
        g_assert_cmphex(env->g64[2], ==, UINT64_C(0xffffffff87868584));
        g_assert_cmphex(env->g64[3], ==, UINT64_C(0x8786858483828180));
        g_assert_cmphex(env->scratch[16], ==, 0x80);
        g_assert_cmphex(env->scratch[17], ==, 0);
        g_assert_cmphex(env->scratch[24], ==, 0x80);
        g_assert_cmphex(env->scratch[31], ==, 0xff);
        g_assert_cmphex(env->scratch[40], ==, 0x80);
        g_free(env);
        test_ctx_free(t);
    }
}

/* Guest memory: TLB hits, misses, read-only page, byte order, sign. */
static void test_guest_mem(void)
{
    TCGBackendKind kinds[2];
    unsigned nk = test_backends(kinds);

    for (unsigned k = 0; k < nk; k++) {
        TestCtx *t = test_ctx_new(kinds[k]);
        TestEnv *env = g_new0(TestEnv, 1);
        TCGContext *s = t->s;
        TCGv_i64 addr = tcg_temp_new_i64(s);
        const uint64_t p1 = T_GUEST_BASE + 0x1000, p3 = T_GUEST_BASE + 0x3000;

        test_env_init(env);
        /* bytes 11 22 33 44 80 66 77 88 at page 1, also at page 3 */
        static const uint8_t pat[8] = {
            0x11, 0x22, 0x33, 0x44, 0x80, 0x66, 0x77, 0x88 };
        memcpy(&env->guest[0x1000], pat, 8);
        memcpy(&env->guest[0x3000], pat, 8);
        tcg_func_start(s);
        addr = tcg_temp_new_i64(s);
        tcg_gen_movi_i64(s, addr, p1);
        tcg_gen_qemu_ld_i32(s, t->g32[0], addr, 0, MO_BEUL);   /* hit */
        tcg_gen_qemu_ld_i32(s, t->g32[1], addr, 0, MO_LEUL);   /* hit */
        tcg_gen_movi_i64(s, addr, p1 + 4);
        tcg_gen_qemu_ld_i32(s, t->g32[2], addr, 0, MO_SB);     /* hit */
        tcg_gen_qemu_ld_i64(s, t->g64[0], addr, 0, MO_LESL);   /* hit */
        tcg_gen_movi_i64(s, addr, p3);
        tcg_gen_qemu_ld_i64(s, t->g64[1], addr, 0, MO_BEUQ);   /* miss */
        tcg_gen_movi_i64(s, addr, p1 + 0x10);
        tcg_gen_qemu_st_i64(s, t->g64[1], addr, 0, MO_LEUQ);   /* hit */
        tcg_gen_qemu_st_i32(s, t->g32[0], addr, 0, MO_BEUW);   /* hit */
        tcg_gen_movi_i64(s, addr, T_GUEST_BASE + 0x2000);
        tcg_gen_qemu_st_i32(s, t->g32[0], addr, 0, MO_LEUL);   /* ro: slow */
        tcg_gen_movi_i64(s, addr, p1 + 1);
        tcg_gen_qemu_ld_i32(s, t->g32[3], addr, 0,             /* unaligned */
                            MO_LEUW | MO_ALIGN);
        tcg_gen_movi_i64(s, addr, T_GUEST_BASE + 0xffe);
        tcg_gen_qemu_ld_i32(s, t->g32[4], addr, 0, MO_LEUL);   /* crosses */
        tcg_gen_qemu_ld_i32(s, t->g32[5], addr, 1, MO_UB);     /* mmu 1 */
        tcg_gen_exit_tb(s, 0);
        test_run(t, env, true, NULL);
        g_assert_cmphex(env->g32[0], ==, 0x11223344);
        g_assert_cmphex(env->g32[1], ==, 0x44332211);
        g_assert_cmphex(env->g32[2], ==, 0xffffff80);
        g_assert_cmphex(env->g64[0], ==, UINT64_C(0xffffffff88776680));
        g_assert_cmphex(env->g64[1], ==, UINT64_C(0x1122334480667788));
        /* LE store of g64[1], then its low half overwritten BE with 0x3344 */
        static const uint8_t st[8] = {
            0x33, 0x44, 0x66, 0x80, 0x44, 0x33, 0x22, 0x11 };
        g_assert_cmpmem(&env->guest[0x1010], 8, st, 8);
        g_assert_cmphex(env->guest[0x2000], ==, 0x44);
        g_assert_cmphex(env->guest[0x2003], ==, 0x11);
        /* 0x1001: bytes 22 33 */
        g_assert_cmphex(env->g32[3], ==, 0x3322);
        /* 0xffe: 00 00 | 11 22 across the page boundary */
        g_assert_cmphex(env->g32[4], ==, 0x22110000);
        g_assert_cmphex(env->g32[5], ==, 0);
        /* misses: p3, ro store, unaligned, crossing, mmu 1 */
        g_assert_cmpuint(env->slow_loads, ==, 4);
        g_assert_cmpuint(env->slow_stores, ==, 1);
        g_free(env);
        test_ctx_free(t);
    }
}

static uint64_t helper_mix(uint64_t a, uint32_t b, uint64_t c, uint32_t d,
                           uint64_t e, uint64_t f)
{
    return a * 3 + b * 5 + c * 7 + d * 11 + e * 13 + f * 17;
}

static uint32_t helper_env_sum(void *envp)
{
    TestEnv *env = envp;

    /* reads globals: they must be in memory; then writes one */
    env->g32[7] = env->g32[6] + 1;
    return env->g32[6] * 2;
}

static const TCGHelperInfo info_mix = {
    .func = helper_mix, .name = "mix", .flags = TCG_CALL_PURE,
    .nb_args = 6, .ret = TCG_CALL_I64,
    .args = { TCG_CALL_I64, TCG_CALL_I32, TCG_CALL_I64, TCG_CALL_I32,
              TCG_CALL_I64, TCG_CALL_I64 },
};

static uint64_t helper_crash(void)
{
    g_assert_not_reached();
}

static const TCGHelperInfo info_crash = {
    .func = helper_crash, .name = "crash", .flags = TCG_CALL_PURE,
    .nb_args = 0, .ret = TCG_CALL_I64,
};

static const TCGHelperInfo info_env_sum = {
    .func = helper_env_sum, .name = "env_sum", .flags = 0,
    .nb_args = 1, .ret = TCG_CALL_I32, .args = { TCG_CALL_PTR },
};

static void test_calls(void)
{
    TCGBackendKind kinds[2];
    unsigned nk = test_backends(kinds);

    for (unsigned k = 0; k < nk; k++) {
        TestCtx *t = test_ctx_new(kinds[k]);
        TestEnv *env = g_new0(TestEnv, 1);
        TCGContext *s = t->s;

        test_env_init(env);
        tcg_func_start(s);
        TCGv_i64 tmp = tcg_temp_new_i64(s);
        tcg_gen_movi_i64(s, tmp, 1000);
        /* g32[6] = 20 is in a register when the helper reads it */
        tcg_gen_movi_i32(s, t->g32[6], 20);
        TCGArg args[6] = {
            tcgv_i64_arg(t->g64[0]), tcgv_i32_arg(t->g32[0]),
            tcgv_i64_arg(tmp), tcgv_i32_arg(tcg_constant_i32(s, 2)),
            tcgv_i64_arg(tcg_constant_i64(s, 1)), tcgv_i64_arg(t->g64[1]),
        };
        tcg_gen_callN(s, &info_mix, tcgv_i64_arg(t->g64[2]), args);
        TCGArg eargs[1] = { tcgv_ptr_arg(tcg_env(s)) };
        tcg_gen_callN(s, &info_env_sum, tcgv_i32_arg(t->g32[5]), eargs);
        /* g32[7] was written by the helper: must be reloaded */
        tcg_gen_addi_i32(s, t->g32[4], t->g32[7], 100);
        /* an unused pure call is deleted; its helper would crash */
        tcg_gen_callN(s, &info_crash, tcgv_i64_arg(tcg_temp_new_i64(s)),
                      args);
        tcg_gen_exit_tb(s, 0);
        env->g64[0] = 1;
        env->g32[0] = 2;
        env->g64[1] = 3;
        test_run(t, env, true, NULL);
        /* 1*3 + 2*5 + 1000*7 + 2*11 + 1*13 + 3*17 = 7099 */
        g_assert_cmpuint(env->g64[2], ==, 7099);
        g_assert_cmpuint(env->g32[5], ==, 40);
        g_assert_cmpuint(env->g32[7], ==, 21);
        g_assert_cmpuint(env->g32[4], ==, 121);
        g_free(env);
        test_ctx_free(t);
    }
}

/* goto_tb chaining, exit_tb values, goto_ptr. */
static void test_chaining(void)
{
    TCGBackendKind kinds[2];
    unsigned nk = test_backends(kinds);

    for (unsigned k = 0; k < nk; k++) {
        TestCtx *t = test_ctx_new(kinds[k]);
        TestEnv *env = g_new0(TestEnv, 1);
        TCGContext *s = t->s;
        TCGTranslation tb1, tb2, tb3;
        TCGLabel *l;

        test_env_init(env);
        /* TB2: g64[1] += 5; exit 0x104 */
        tcg_func_start(s);
        tcg_gen_addi_i64(s, t->g64[1], t->g64[1], 5);
        tcg_gen_exit_tb(s, 0x104);
        g_assert_cmpint(tcg_gen_code(s, true, &tb2), ==, TCG_GEN_OK);
        /* TB1: g64[0] += 1; if g32[0] == 0 goto_tb 0 else goto_tb 1 */
        tcg_func_start(s);
        l = gen_new_label(s);
        tcg_gen_addi_i64(s, t->g64[0], t->g64[0], 1);
        tcg_gen_brcond_i32(s, TCG_COND_NE, t->g32[0], tcg_constant_i32(s, 0),
                           l);
        tcg_gen_goto_tb(s, 0);
        tcg_gen_exit_tb(s, 0x200 | 0);
        gen_set_label(s, l);
        tcg_gen_goto_tb(s, 1);
        tcg_gen_exit_tb(s, 0x200 | 1);
        g_assert_cmpint(tcg_gen_code(s, true, &tb1), ==, TCG_GEN_OK);
        g_assert_cmpuint(tb1.jmp_insn_offset[0], !=, UINT32_MAX);
        g_assert_cmpuint(tb1.jmp_insn_offset[1], !=, UINT32_MAX);
        /* TB3: goto_ptr g64[2] */
        tcg_func_start(s);
        tcg_gen_goto_ptr(s, (TCGv_ptr)(void *)t->g64[2]);
        g_assert_cmpint(tcg_gen_code(s, true, &tb3), ==, TCG_GEN_OK);

        /* unchained: exits from TB1 with the slot in the low bits */
        g_assert_cmphex(tcg_exec(s, env, tb1.code), ==, 0x200);
        env->g32[0] = 1;
        g_assert_cmphex(tcg_exec(s, env, tb1.code), ==, 0x201);
        g_assert_cmpuint(env->g64[0], ==, 2);
        g_assert_cmpuint(env->g64[1], ==, 0);
        /* chain slot 1 to TB2 */
        tcg_tb_set_jmp_target(s, &tb1, 1, tb2.code);
        g_assert_cmphex(tcg_exec(s, env, tb1.code), ==, 0x104);
        g_assert_cmpuint(env->g64[0], ==, 3);
        g_assert_cmpuint(env->g64[1], ==, 5);
        env->g32[0] = 0;
        g_assert_cmphex(tcg_exec(s, env, tb1.code), ==, 0x200);
        /* unchain */
        tcg_tb_set_jmp_target(s, &tb1, 1, NULL);
        env->g32[0] = 1;
        g_assert_cmphex(tcg_exec(s, env, tb1.code), ==, 0x201);
        g_assert_cmpuint(env->g64[1], ==, 5);
        /* goto_ptr: to TB2, and 0 leaves with 0 */
        env->g64[2] = (uintptr_t)tb2.code;
        g_assert_cmphex(tcg_exec(s, env, tb3.code), ==, 0x104);
        g_assert_cmpuint(env->g64[1], ==, 10);
        env->g64[2] = 0;
        g_assert_cmphex(tcg_exec(s, env, tb3.code), ==, 0);
        g_free(env);
        test_ctx_free(t);
    }
}

/* insn_start records map a slow-path retaddr back to its instruction. */
static void test_restore_state(void)
{
    TCGBackendKind kinds[2];
    unsigned nk = test_backends(kinds);

    for (unsigned k = 0; k < nk; k++) {
        TestCtx *t = test_ctx_new(kinds[k]);
        TestEnv *env = g_new0(TestEnv, 1);
        TCGContext *s = t->s;
        TCGTranslation tr;
        uint64_t data[3];

        test_env_init(env);
        tcg_func_start(s);
        TCGv_i64 a = tcg_temp_new_i64(s);
        tcg_gen_insn_start(s, 0x1000, 7, 0);
        tcg_gen_addi_i64(s, t->g64[0], t->g64[0], 1);
        tcg_gen_insn_start(s, 0x1004, 8, 0);
        tcg_gen_movi_i64(s, a, T_GUEST_BASE + 0x3000);   /* slow path */
        tcg_gen_qemu_ld_i64(s, t->g64[1], a, 0, MO_LEUQ);
        tcg_gen_insn_start(s, 0x1008, 9, 0);
        tcg_gen_addi_i64(s, t->g64[0], t->g64[0], 1);
        tcg_gen_exit_tb(s, 0);
        test_run(t, env, true, &tr);
        g_assert_cmpuint(tr.nb_insns, ==, 3);
        g_assert_cmpuint(env->slow_loads, ==, 1);
        g_assert_cmpint(tcg_restore_state(s, &tr, env->last_retaddr, data),
                        ==, 1);
        g_assert_cmphex(data[0], ==, 0x1004);
        g_assert_cmphex(data[1], ==, 8);
        g_assert_cmpint(tcg_restore_state(s, &tr, (uintptr_t)tr.code, data),
                        ==, 0);
        g_assert_cmphex(data[0], ==, 0x1000);
        g_assert_cmpint(tcg_restore_state(s, &tr, 1, data), ==, -1);
        g_free(env);
        test_ctx_free(t);
    }
}

/* The IR printer shows ops, temps, constants, conditions and labels. */
static void test_dump(void)
{
    TestCtx *t = test_ctx_new(TCG_BACKEND_INTERP);
    TCGContext *s = t->s;
    TCGLabel *l;
    g_autofree char *text = NULL;

    tcg_func_start(s);
    l = gen_new_label(s);
    tcg_gen_insn_start(s, 0x40, 1, 0);
    tcg_gen_addi_i32(s, t->g32[0], t->g32[1], 0x10);
    tcg_gen_brcond_i64(s, TCG_COND_LTU, t->g64[0], t->g64[1], l);
    gen_set_label(s, l);
    tcg_gen_exit_tb(s, 0);
    text = tcg_dump_ops_str(s);
    g_assert_cmpstr(text, ==,
                    " ---- 0000000000000040 0000000000000001\n"
                    " add_i32 w0,w1,$0x10\n"
                    " brcond_i64 x0,x1,ltu,$L0\n"
                    " set_label $L0\n"
                    " exit_tb $0x0\n");
    test_ctx_free(t);
}

/* The optimizer folds constants, propagates copies, uses known bits. */
static void test_optimizer(void)
{
    TestCtx *t = test_ctx_new(TCG_BACKEND_INTERP);
    TCGContext *s = t->s;
    g_autofree char *text = NULL;
    TCGv_i32 a, b;

    tcg_func_start(s);
    a = tcg_temp_new_i32(s);
    b = tcg_temp_new_i32(s);
    tcg_gen_movi_i32(s, a, 2);
    tcg_gen_addi_i32(s, t->g32[0], a, 3);           /* 2 + 3 folds to 5 */
    tcg_gen_mov_i32(s, b, t->g32[1]);
    tcg_gen_add_i32(s, t->g32[2], b, b);            /* b is a copy of w1 */
    tcg_gen_ext8u_i32(s, b, t->g32[3]);
    tcg_gen_andi_i32(s, t->g32[4], b, 0xff);        /* known zero bits */
    tcg_gen_exit_tb(s, 0);
    tcg_optimize(s);
    text = tcg_dump_ops_str(s);
    g_assert_cmpstr(text, ==,
                    " mov_i32 loc17,$0x2\n"
                    " mov_i32 w0,$0x5\n"
                    " mov_i32 loc18,w1\n"
                    " add_i32 w2,w1,w1\n"
                    " extract_i32 loc18,w3,$0x0,$0x8\n"
                    " mov_i32 w4,loc18\n"
                    " exit_tb $0x0\n");
    test_ctx_free(t);
}

/* Config errors name the field, the value and the accepted range. */
static void test_config_errors(void)
{
    TCGContextConfig cfg = {
        .backend = TCG_BACKEND_INTERP, .page_bits = 8, .nb_mmu_idx = 1,
        .insn_start_words = 1,
    };
    Error *err = NULL;

    g_assert_null(tcg_context_new(&cfg, &err));
    g_assert_nonnull(strstr(error_get_pretty(err), "page_bits 8"));
    error_free(err);
    err = NULL;
    cfg.page_bits = 12;
    cfg.insn_start_words = 4;
    g_assert_null(tcg_context_new(&cfg, &err));
    g_assert_nonnull(strstr(error_get_pretty(err), "insn_start_words 4"));
    error_free(err);
    err = NULL;
    {
        TCGBackendKind kind;

        g_assert_false(tcg_backend_parse("fast", &kind, &err));
        g_assert_nonnull(strstr(error_get_pretty(err), "'fast'"));
        error_free(err);
    }
}

/* A full buffer is reported, and flushing makes room again. */
static void test_buffer_full(void)
{
    TCGBackendKind kinds[2];
    unsigned nk = test_backends(kinds);

    for (unsigned k = 0; k < nk; k++) {
        TestCtx *t = test_ctx_new(kinds[k]);
        TCGContext *s = t->s;
        TCGTranslation tr;
        TCGGenResult r = TCG_GEN_OK;
        unsigned n = 0;

        while (r == TCG_GEN_OK && n < 100000) {
            tcg_func_start(s);
            for (int i = 0; i < 100; i++) {
                tcg_gen_add_i64(s, t->g64[i % 4], t->g64[(i + 1) % 4],
                                t->g64[(i + 2) % 4]);
            }
            tcg_gen_exit_tb(s, 0);
            r = tcg_gen_code(s, false, &tr);
            n++;
        }
        g_assert_cmpint(r, ==, TCG_GEN_BUFFER_FULL);
        g_assert_cmpuint(n, >, 2);
        tcg_code_flush(s);
        g_assert_cmpint(tcg_gen_code(s, false, &tr), ==, TCG_GEN_OK);
        test_ctx_free(t);
    }
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/tcg/ops/binary", test_binops);
    g_test_add_func("/tcg/ops/unary", test_unops);
    g_test_add_func("/tcg/ops/fields", test_fields);
    g_test_add_func("/tcg/ops/conditions", test_conditions);
    g_test_add_func("/tcg/ops/mul2", test_mul2);
    g_test_add_func("/tcg/ops/host-ldst", test_host_ldst);
    g_test_add_func("/tcg/ops/guest-mem", test_guest_mem);
    g_test_add_func("/tcg/ops/calls", test_calls);
    g_test_add_func("/tcg/ops/chaining", test_chaining);
    g_test_add_func("/tcg/ops/restore-state", test_restore_state);
    g_test_add_func("/tcg/ops/dump", test_dump);
    g_test_add_func("/tcg/ops/config-errors", test_config_errors);
    g_test_add_func("/tcg/opt/fold", test_optimizer);
    g_test_add_func("/tcg/ops/buffer-full", test_buffer_full);
    return g_test_run();
}
