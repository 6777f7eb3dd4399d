/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The env-memory vector ops (docs/devel/tcg.md "Vector operations") on
 * every backend of this host and, for the JIT, at every host vector
 * instruction-set level up to the host's (so the SSE2 fallback
 * sequences run on an AVX2 host too): each op, each element size, each
 * oprsz/maxsz pair, random inputs mixed with edge values, compared with
 * the plain C loops below (written for this test, not shared with
 * tcg/vec.c).  Also: the bytes around the destination stay untouched,
 * bytes [oprsz, maxsz) become zero, operands may overlap, dup from a
 * register and from a constant, vector ops between cached globals, and
 * the vec_isa configuration check.
 */
#include "hemu/osdep.h"
#include "tcg/tcg.h"
#include "tcg/tcg-op.h"

#define NV 6                    /* vector slots in the fake CPU state */

typedef struct VecEnv {
    uint64_t g[2];              /* globals: never touched by vector ops */
    uint8_t pad[5];             /* so the vectors are misaligned */
    uint8_t v[NV][16];
    uint8_t tail[16];
} VecEnv;

#define VOFS(i) ((ptrdiff_t)offsetof(VecEnv, v) + (i) * 16)

typedef struct Cfg {
    TCGBackendKind kind;
    TCGVecIsa isa;
} Cfg;

static uint64_t rng_state = 0x9e3779b97f4a7c15ull;

static uint64_t rnd(void)
{
    /* xorshift64* (Vigna) */
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return rng_state * 0x2545f4914f6cdd1dull;
}

static TCGContext *ctx_new(const Cfg *c, TCGv_i64 *g0, TCGv_i64 *g1)
{
    TCGContextConfig cfg = {
        .backend = c->kind, .code_size = 1 << 20, .page_bits = 12,
        .nb_mmu_idx = 1, .insn_start_words = 1, .vec_isa = c->isa,
    };
    TCGContext *s = tcg_context_new(&cfg, &error_abort);

    *g0 = tcg_global_mem_new_i64(s, offsetof(VecEnv, g[0]), "g0");
    *g1 = tcg_global_mem_new_i64(s, offsetof(VecEnv, g[1]), "g1");
    return s;
}

static void run(TCGContext *s, VecEnv *env)
{
    TCGTranslation tr;

    tcg_gen_exit_tb(s, 0);
    g_assert_cmpint(tcg_gen_code(s, true, &tr), ==, TCG_GEN_OK);
    tcg_exec(s, env, tr.code);
}

/* ---- the reference ---- */

static uint64_t get(const uint8_t *v, unsigned i, unsigned vece)
{
    uint64_t x = 0;

    for (unsigned k = 0; k < (1u << vece); k++) {
        x |= (uint64_t)v[(i << vece) + k] << (8 * k);   /* little-endian */
    }
    return x;
}

static void put(uint8_t *v, unsigned i, unsigned vece, uint64_t x)
{
    for (unsigned k = 0; k < (1u << vece); k++) {
        v[(i << vece) + k] = x >> (8 * k);
    }
}

static int64_t sx(uint64_t x, unsigned bits)
{
    return bits == 64 ? (int64_t)x
                      : (int64_t)(x << (64 - bits)) >> (64 - bits);
}

static bool ref_cond(TCGCond c, uint64_t a, uint64_t b, unsigned bits)
{
    uint64_t m = bits == 64 ? ~0ull : (1ull << bits) - 1;
    int64_t sa = sx(a, bits), sb = sx(b, bits);

    a &= m;
    b &= m;
    switch (c) {
    case TCG_COND_EQ: return a == b;
    case TCG_COND_NE: return a != b;
    case TCG_COND_LT: return sa < sb;
    case TCG_COND_GE: return sa >= sb;
    case TCG_COND_LE: return sa <= sb;
    case TCG_COND_GT: return sa > sb;
    case TCG_COND_LTU: return a < b;
    case TCG_COND_GEU: return a >= b;
    case TCG_COND_LEU: return a <= b;
    case TCG_COND_GTU: return a > b;
    case TCG_COND_TSTEQ: return !(a & b);
    case TCG_COND_TSTNE: return (a & b) != 0;
    default: g_assert_not_reached();
    }
}

static uint64_t ref_elem(TCGOpcode opc, uint64_t a, uint64_t b, uint64_t c,
                         unsigned bits, unsigned imm)
{
    int64_t sa = sx(a, bits), sb = sx(b, bits);

    switch (opc) {
    case INDEX_op_mov_vec: return a;
    case INDEX_op_add_vec: return a + b;
    case INDEX_op_sub_vec: return a - b;
    case INDEX_op_mul_vec: return a * b;
    case INDEX_op_and_vec: return a & b;
    case INDEX_op_or_vec: return a | b;
    case INDEX_op_xor_vec: return a ^ b;
    case INDEX_op_andc_vec: return a & ~b;
    case INDEX_op_orc_vec: return a | ~b;
    case INDEX_op_not_vec: return ~a;
    case INDEX_op_neg_vec: return 0 - a;
    case INDEX_op_abs_vec: return sa < 0 ? 0 - a : a;
    case INDEX_op_smin_vec: return sa <= sb ? a : b;
    case INDEX_op_smax_vec: return sa >= sb ? a : b;
    case INDEX_op_umin_vec: return a <= b ? a : b;
    case INDEX_op_umax_vec: return a >= b ? a : b;
    case INDEX_op_cmp_vec: return ref_cond(imm, a, b, bits) ? ~0ull : 0;
    case INDEX_op_cmpz_vec: return ref_cond(imm, a, 0, bits) ? ~0ull : 0;
    case INDEX_op_shli_vec: return a << imm;
    case INDEX_op_shri_vec: return a >> imm;
    case INDEX_op_sari_vec: return (uint64_t)(sa >> imm);
    case INDEX_op_bitsel_vec: return (b & a) | (c & ~a);
    default: g_assert_not_reached();
    }
}

/* ---- inputs ---- */

/* Random elements, some equal to the other operand's, some at the edges. */
static void fill(VecEnv *env, unsigned vece)
{
    unsigned bits = 8u << vece, n = 16 >> vece;
    uint64_t edge[5] = { 0, 1ull << (bits - 1), (1ull << (bits - 1)) - 1,
                         ~0ull, 1 };

    for (unsigned r = 0; r < NV; r++) {
        for (unsigned i = 0; i < n; i++) {
            uint64_t x = rnd(), pick = rnd() % 8;

            if (pick == 0 && r > 0) {
                x = get(env->v[r - 1], i, vece);
            } else if (pick == 1) {
                x = edge[rnd() % 5];
            }
            put(env->v[r], i, vece, x);
        }
    }
    memset(env->tail, 0x5a, sizeof(env->tail));
    env->g[0] = rnd();
    env->g[1] = rnd();
}

/* ---- one op ---- */

static const char *cfg_name(const Cfg *c)
{
    return c->kind == TCG_BACKEND_JIT ? tcg_vec_isa_name(c->isa) : "interp";
}

/*
 * Run @opc on slots (d, a, b, c) and compare the whole env with the
 * reference applied to a copy.
 */
static void check_op(TCGContext *s, const Cfg *cfg, TCGOpcode opc,
                     unsigned vece, unsigned oprsz, unsigned maxsz,
                     unsigned imm, const unsigned slot[4], TCGv_i64 g0,
                     int dup_mode, uint64_t scalar_val)
{
    TCGv_i64 scalar = NULL;
    VecEnv env, want;
    uint8_t src[3][16], res[16] = { 0 };
    unsigned bits = 8u << vece;

    fill(&env, vece);
    if (dup_mode == 1) {
        env.g[0] = scalar_val;
    }
    want = env;
    for (unsigned k = 0; k < 3; k++) {
        memcpy(src[k], env.v[slot[1 + k]], 16);
    }
    for (unsigned i = 0; i < oprsz >> vece; i++) {
        uint64_t r = opc == INDEX_op_dup_vec
            ? scalar_val
            : ref_elem(opc, get(src[0], i, vece), get(src[1], i, vece),
                       get(src[2], i, vece), bits, imm);

        put(res, i, vece, r);
    }
    memcpy(want.v[slot[0]], res, maxsz);

    tcg_func_start(s);
    if (dup_mode) {
        scalar = dup_mode == 1 ? g0 : tcg_constant_i64(s, (int64_t)scalar_val);
    }
    tcg_gen_vec_gen(s, opc, scalar, vece, VOFS(slot[0]), VOFS(slot[1]),
                    VOFS(slot[2]), VOFS(slot[3]), oprsz, maxsz, imm);
    run(s, &env);
    if (memcmp(&env, &want, sizeof(env))) {
        g_test_message("%s: %s vece %u oprsz %u maxsz %u imm %u d%u a%u "
                       "b%u c%u", cfg_name(cfg), tcg_op_defs[opc].name, vece,
                       oprsz, maxsz, imm, slot[0], slot[1], slot[2], slot[3]);
        for (unsigned i = 0; i < 16; i++) {
            g_test_message("byte %2u: a %02x b %02x got %02x want %02x", i,
                           src[0][i], src[1][i], env.v[slot[0]][i],
                           want.v[slot[0]][i]);
        }
        g_assert_not_reached();
    }
}

static const TCGOpcode bin_ops[] = {
    INDEX_op_add_vec, INDEX_op_sub_vec, INDEX_op_mul_vec, INDEX_op_and_vec,
    INDEX_op_or_vec, INDEX_op_xor_vec, INDEX_op_andc_vec, INDEX_op_orc_vec,
    INDEX_op_smin_vec, INDEX_op_smax_vec, INDEX_op_umin_vec,
    INDEX_op_umax_vec, INDEX_op_bitsel_vec,
};
static const TCGOpcode un_ops[] = {
    INDEX_op_mov_vec, INDEX_op_not_vec, INDEX_op_neg_vec, INDEX_op_abs_vec,
};
static const TCGCond conds[] = {
    TCG_COND_EQ, TCG_COND_NE, TCG_COND_LT, TCG_COND_GE, TCG_COND_LE,
    TCG_COND_GT, TCG_COND_LTU, TCG_COND_GEU, TCG_COND_LEU, TCG_COND_GTU,
    TCG_COND_TSTEQ, TCG_COND_TSTNE,
};
static const unsigned sizes[3][2] = { { 16, 16 }, { 8, 16 }, { 8, 8 } };
/* distinct slots, and the destination equal to a source */
static const unsigned slots[3][4] = {
    { 0, 1, 2, 3 }, { 1, 1, 2, 3 }, { 2, 1, 2, 2 },
};

static void test_config(const Cfg *c)
{
    TCGv_i64 g0, g1;
    TCGContext *s = ctx_new(c, &g0, &g1);

    for (unsigned vece = 0; vece < 4; vece++) {
        for (unsigned z = 0; z < 3; z++) {
            unsigned oprsz = sizes[z][0], maxsz = sizes[z][1];

            for (unsigned k = 0; k < 3; k++) {
                for (size_t i = 0; i < G_N_ELEMENTS(bin_ops); i++) {
                    if (bin_ops[i] == INDEX_op_mul_vec && vece == 3) {
                        continue;
                    }
                    for (int rep = 0; rep < 4; rep++) {
                        check_op(s, c, bin_ops[i], vece, oprsz, maxsz, 0,
                                 slots[k], NULL, 0, 0);
                    }
                }
                for (size_t i = 0; i < G_N_ELEMENTS(un_ops); i++) {
                    check_op(s, c, un_ops[i], vece, oprsz, maxsz, 0,
                             slots[k], NULL, 0, 0);
                }
                for (size_t i = 0; i < G_N_ELEMENTS(conds); i++) {
                    for (int rep = 0; rep < 2; rep++) {
                        check_op(s, c, INDEX_op_cmp_vec, vece, oprsz, maxsz,
                                 conds[i], slots[k], NULL, 0, 0);
                        check_op(s, c, INDEX_op_cmpz_vec, vece, oprsz,
                                 maxsz, conds[i], slots[k], NULL, 0, 0);
                    }
                }
            }
            for (unsigned sh = 0; sh < (8u << vece); sh++) {
                check_op(s, c, INDEX_op_shli_vec, vece, oprsz, maxsz, sh,
                         slots[sh % 3], NULL, 0, 0);
                check_op(s, c, INDEX_op_shri_vec, vece, oprsz, maxsz, sh,
                         slots[sh % 3], NULL, 0, 0);
                check_op(s, c, INDEX_op_sari_vec, vece, oprsz, maxsz, sh,
                         slots[sh % 3], NULL, 0, 0);
            }
            for (int rep = 0; rep < 4; rep++) {
                uint64_t x = rnd();

                /* from a register (global g0), then as a constant */
                check_op(s, c, INDEX_op_dup_vec, vece, oprsz, maxsz, 0,
                         slots[0], g0, 1, x);
                check_op(s, c, INDEX_op_dup_vec, vece, oprsz, maxsz, 0,
                         slots[0], g0, 2, x);
            }
        }
    }
    tcg_context_free(s);
}

static void test_ops(gconstpointer data)
{
    test_config(data);
}

/*
 * Vector ops between ops on cached globals and on temps loaded from the
 * vector bytes: the JIT keeps g0 in a register across the vector ops,
 * and a host load after a vector op sees its result.
 */
static void test_mixed(gconstpointer data)
{
    const Cfg *c = data;
    TCGv_i64 g0, g1, t;
    TCGContext *s = ctx_new(c, &g0, &g1);
    VecEnv env;

    memset(&env, 0, sizeof(env));
    env.g[0] = 5;
    tcg_func_start(s);
    tcg_gen_addi_i64(s, g0, g0, 3);                 /* g0 = 8, cached */
    tcg_gen_vec_dup_i64(s, MO_32, VOFS(0), 16, 16, g0);
    tcg_gen_vec_dupi(s, MO_32, VOFS(1), 16, 16, 0x10);
    tcg_gen_vec_add(s, MO_32, VOFS(2), VOFS(0), VOFS(1), 16, 16);
    t = tcg_temp_new_i64(s);
    tcg_gen_ld_i64(s, t, tcg_env(s), VOFS(2) + 8);  /* lanes 2, 3 */
    tcg_gen_add_i64(s, g1, g0, t);
    run(s, &env);
    /* lanes 8 + 16 = 0x18; g1 = 8 + 0x0000001800000018 */
    g_assert_cmphex(env.g[0], ==, 8);
    g_assert_cmphex(env.g[1], ==, 0x0000001800000020ull);
    tcg_context_free(s);
}

static void test_isa_config(void)
{
    TCGContextConfig cfg = {
        .backend = TCG_BACKEND_INTERP, .page_bits = 12, .nb_mmu_idx = 1,
        .insn_start_words = 1, .vec_isa = TCG_VEC_ISA_COUNT,
    };
    Error *err = NULL;

    g_assert_null(tcg_context_new(&cfg, &err));
    g_assert_nonnull(strstr(error_get_pretty(err), "vec_isa"));
    error_free(err);
    g_assert_cmpint(tcg_vec_host_isa(), >=, TCG_VEC_ISA_SSE2);
    g_assert_cmpstr(tcg_vec_isa_name(TCG_VEC_ISA_AVX2), ==, "avx2");
}

int main(int argc, char **argv)
{
    static Cfg cfgs[TCG_VEC_ISA_COUNT + 1];
    const char *only = g_getenv("HEMU_TCG_TEST_BACKEND");
    unsigned n = 0;

    g_test_init(&argc, &argv, NULL);
    if (!only || !strcmp(only, "interp")) {
        cfgs[n++] = (Cfg){ TCG_BACKEND_INTERP, TCG_VEC_ISA_AUTO };
    }
    if (tcg_backend_available(TCG_BACKEND_JIT) &&
        (!only || !strcmp(only, "jit"))) {
        for (TCGVecIsa i = TCG_VEC_ISA_SSE2; i <= tcg_vec_host_isa(); i++) {
            cfgs[n++] = (Cfg){ TCG_BACKEND_JIT, i };
        }
    }
    for (unsigned i = 0; i < n; i++) {
        char *p = g_strdup_printf("/tcg-vec/ops/%s", cfg_name(&cfgs[i]));
        char *q = g_strdup_printf("/tcg-vec/mixed/%s", cfg_name(&cfgs[i]));

        g_test_add_data_func(p, &cfgs[i], test_ops);
        g_test_add_data_func(q, &cfgs[i], test_mixed);
        g_free(p);
        g_free(q);
    }
    g_test_add_func("/tcg-vec/isa-config", test_isa_config);
    return g_test_run();
}
