/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Randomized differential test of the TCG backends.  Random programs over
 * 8+8 globals, 4+4 TB temps and a guest memory (through the softmmu TLB:
 * hits, misses into the slow path, read-only pages, unaligned and
 * page-crossing accesses) with forward branches, helper calls and
 * goto_tb/exit_tb are
 *   1. evaluated by the C reference evaluator below (written from the
 *      semantics in docs/devel/tcg.md, sharing no code with tcg/), and
 *   2. built as IR, translated by every backend of this host (with and
 *      without the optimizer) and run;
 * the globals, the guest memory and the exit value must agree.
 *
 * Fixed seeds keep CI deterministic; HEMU_TCG_FUZZ_ITERS (programs per
 * seed) and HEMU_TCG_FUZZ_SEED (one seed) allow longer runs.
 */
#include "hemu/osdep.h"
#include "test-tcg-common.h"

#define NREG 12             /* 0..7 globals, 8..11 TB temps */
#define MAX_INSNS 40

enum { K_BIN, K_UN, K_FIELD, K_SETCOND, K_MOVCOND, K_MUL2, K_CONV, K_LD,
       K_ST, K_CALL, K_ENVCALL, K_BR, K_NKIND };

typedef struct Operand {
    int reg;                /* -1: constant @k */
    uint64_t k;
} Operand;

typedef struct RInsn {
    int kind;
    TCGOpcode opc;
    bool w64;
    int d, d2;
    Operand a, b, c, e;
    unsigned pos, len, cond, mmu;
    MemOp mop;
    int skip;               /* K_BR: insns skipped when taken */
    Operand args[6];
} RInsn;

typedef struct Prog {
    int n;
    RInsn insn[MAX_INSNS];
    uint64_t tinit[2][4];   /* temp initial values [w64][i] */
    Operand exit_a, exit_b; /* final brcond between two exits (i64) */
    unsigned exit_cond;
    bool use_goto_tb;
    uint64_t exit_v[2];
} Prog;

static const TCGOpcode bin32[] = {
    INDEX_op_add_i32, INDEX_op_sub_i32, INDEX_op_mul_i32, INDEX_op_div_i32,
    INDEX_op_divu_i32, INDEX_op_rem_i32, INDEX_op_remu_i32, INDEX_op_and_i32,
    INDEX_op_or_i32, INDEX_op_xor_i32, INDEX_op_andc_i32, INDEX_op_orc_i32,
    INDEX_op_nand_i32, INDEX_op_nor_i32, INDEX_op_eqv_i32, INDEX_op_shl_i32,
    INDEX_op_shr_i32, INDEX_op_sar_i32, INDEX_op_rotl_i32, INDEX_op_rotr_i32,
    INDEX_op_clz_i32, INDEX_op_ctz_i32,
};
static const TCGOpcode bin64[] = {
    INDEX_op_add_i64, INDEX_op_sub_i64, INDEX_op_mul_i64, INDEX_op_div_i64,
    INDEX_op_divu_i64, INDEX_op_rem_i64, INDEX_op_remu_i64, INDEX_op_and_i64,
    INDEX_op_or_i64, INDEX_op_xor_i64, INDEX_op_andc_i64, INDEX_op_orc_i64,
    INDEX_op_nand_i64, INDEX_op_nor_i64, INDEX_op_eqv_i64, INDEX_op_shl_i64,
    INDEX_op_shr_i64, INDEX_op_sar_i64, INDEX_op_rotl_i64, INDEX_op_rotr_i64,
    INDEX_op_clz_i64, INDEX_op_ctz_i64,
};
static const TCGOpcode un32[] = {
    INDEX_op_mov_i32, INDEX_op_neg_i32, INDEX_op_not_i32,
    INDEX_op_bswap16_i32, INDEX_op_bswap32_i32, INDEX_op_ctpop_i32,
};
static const TCGOpcode un64[] = {
    INDEX_op_mov_i64, INDEX_op_neg_i64, INDEX_op_not_i64,
    INDEX_op_bswap16_i64, INDEX_op_bswap32_i64, INDEX_op_bswap64_i64,
    INDEX_op_ctpop_i64,
};

/* ---- generation ---- */

static uint64_t rnd_value(GRand *r)
{
    static const uint64_t special[] = {
        0, 1, 2, 31, 32, 33, 63, 64, 0x7fffffff, 0x80000000, 0xffffffff,
        UINT64_C(0x7fffffffffffffff), UINT64_C(0x8000000000000000),
        UINT64_C(0xffffffffffffffff), UINT64_C(0xfffffffffffffffe),
    };
    uint64_t v = ((uint64_t)g_rand_int(r) << 32) | g_rand_int(r);

    switch (g_rand_int_range(r, 0, 4)) {
    case 0:
        return special[g_rand_int_range(r, 0, ARRAY_SIZE(special))];
    case 1:
        return v & 0xff;
    case 2:
        return (uint64_t)(int64_t)(int8_t)v;
    default:
        return v;
    }
}

static Operand rnd_operand(GRand *r, bool allow_const)
{
    Operand o = { .reg = g_rand_int_range(r, 0, NREG) };

    if (allow_const && g_rand_int_range(r, 0, 5) == 0) {
        o.reg = -1;
        o.k = rnd_value(r);
    }
    return o;
}

static void gen_insn(GRand *r, RInsn *in, int remaining)
{
    memset(in, 0, sizeof(*in));
    in->kind = g_rand_int_range(r, 0, K_NKIND);
    in->w64 = g_rand_boolean(r);
    in->d = g_rand_int_range(r, 0, NREG);
    in->d2 = (in->d + 1 + g_rand_int_range(r, 0, NREG - 1)) % NREG;
    in->a = rnd_operand(r, true);
    in->b = rnd_operand(r, true);
    in->c = rnd_operand(r, true);
    in->e = rnd_operand(r, true);
    in->cond = g_rand_int_range(r, TCG_COND_EQ, TCG_COND_TSTNE + 1);
    switch (in->kind) {
    case K_BIN:
        in->opc = in->w64 ? bin64[g_rand_int_range(r, 0, ARRAY_SIZE(bin64))]
                          : bin32[g_rand_int_range(r, 0, ARRAY_SIZE(bin32))];
        break;
    case K_UN:
        in->opc = in->w64 ? un64[g_rand_int_range(r, 0, ARRAY_SIZE(un64))]
                          : un32[g_rand_int_range(r, 0, ARRAY_SIZE(un32))];
        break;
    case K_FIELD: {
        unsigned w = in->w64 ? 64 : 32;

        in->opc = g_rand_int_range(r, 0, 3);
        in->len = g_rand_int_range(r, 1, w + 1);
        in->pos = g_rand_int_range(r, 0, w - in->len + 1);
        break;
    }
    case K_CONV:
        in->opc = g_rand_int_range(r, 0, 4);
        break;
    case K_LD:
    case K_ST: {
        unsigned size = g_rand_int_range(r, 0, in->w64 ? 4 : 3);

        in->mop = size | (g_rand_boolean(r) ? MO_BE : MO_LE);
        if (in->kind == K_LD && g_rand_boolean(r)) {
            in->mop |= MO_SIGN;
        }
        if (g_rand_int_range(r, 0, 4) == 0) {
            in->mop |= MO_ALIGN;
        }
        in->mmu = g_rand_int_range(r, 0, 8) == 0;
        in->a.reg = g_rand_int_range(r, 0, NREG);   /* address from a reg */
        break;
    }
    case K_CALL:
        for (int i = 0; i < 6; i++) {
            in->args[i] = rnd_operand(r, true);
        }
        break;
    case K_BR:
        in->skip = g_rand_int_range(r, 0, HEMU_MIN(remaining, 6) + 1);
        break;
    default:
        break;
    }
}

static void gen_prog(GRand *r, Prog *p)
{
    memset(p, 0, sizeof(*p));
    p->n = g_rand_int_range(r, 1, MAX_INSNS + 1);
    for (int i = 0; i < p->n; i++) {
        gen_insn(r, &p->insn[i], p->n - i - 1);
    }
    for (int w = 0; w < 2; w++) {
        for (int i = 0; i < 4; i++) {
            p->tinit[w][i] = w ? rnd_value(r) : (uint32_t)rnd_value(r);
        }
    }
    p->exit_a = rnd_operand(r, false);
    p->exit_b = rnd_operand(r, true);
    p->exit_cond = g_rand_int_range(r, TCG_COND_EQ, TCG_COND_TSTNE + 1);
    p->use_goto_tb = g_rand_boolean(r);
    p->exit_v[0] = (uint64_t)g_rand_int(r) << 4;
    p->exit_v[1] = (uint64_t)g_rand_int(r) << 4;
}

/* ---- the C reference evaluator ---- */

typedef struct RefState {
    TestEnv *env;
    uint64_t t[2][4];
} RefState;

static uint64_t ref_get(RefState *st, bool w64, const Operand *o)
{
    if (o->reg < 0) {
        return w64 ? o->k : (uint32_t)o->k;
    }
    if (o->reg < 8) {
        return w64 ? st->env->g64[o->reg] : st->env->g32[o->reg];
    }
    return st->t[w64][o->reg - 8];
}

static void ref_set(RefState *st, bool w64, int reg, uint64_t v)
{
    if (!w64) {
        v = (uint32_t)v;
    }
    if (reg < 8) {
        if (w64) {
            st->env->g64[reg] = v;
        } else {
            st->env->g32[reg] = v;
        }
    } else {
        st->t[w64][reg - 8] = v;
    }
}

static uint64_t ref_sext(uint64_t v, unsigned bits)
{
    return bits >= 64 ? v : (uint64_t)((int64_t)(v << (64 - bits))
                                       >> (64 - bits));
}

static uint64_t ref_bswap(uint64_t v, unsigned bytes)
{
    uint64_t r = 0;

    for (unsigned i = 0; i < bytes; i++) {
        r |= ((v >> (8 * i)) & 0xff) << (8 * (bytes - 1 - i));
    }
    return r;
}

static unsigned ref_clz(uint64_t v, unsigned w)
{
    unsigned n = 0;

    for (int i = w - 1; i >= 0 && !((v >> i) & 1); i--) {
        n++;
    }
    return n;
}

static unsigned ref_ctz(uint64_t v, unsigned w)
{
    unsigned n = 0;

    for (unsigned i = 0; i < w && !((v >> i) & 1); i++) {
        n++;
    }
    return n;
}

/* Binary ops on w-bit values held zero-extended in uint64_t. */
static uint64_t ref_bin(int idx, unsigned w, uint64_t a, uint64_t b)
{
    uint64_t m = w == 64 ? ~UINT64_C(0) : 0xffffffff;
    int64_t sa = (int64_t)ref_sext(a, w), sb = (int64_t)ref_sext(b, w);
    unsigned sh = b % w;

    switch (idx) {
    case 0: return (a + b) & m;
    case 1: return (a - b) & m;
    case 2: return (a * b) & m;
    case 3:     /* div: 0 for /0, MIN for MIN/-1 */
        if (b == 0) {
            return 0;
        }
        if (sb == -1) {
            return (0 - a) & m;
        }
        return (uint64_t)(sa / sb) & m;
    case 4: return b ? a / b : 0;
    case 5:
        if (b == 0) {
            return a;
        }
        if (sb == -1) {
            return 0;
        }
        return (uint64_t)(sa % sb) & m;
    case 6: return b ? a % b : a;
    case 7: return a & b;
    case 8: return a | b;
    case 9: return a ^ b;
    case 10: return a & ~b & m;
    case 11: return (a | ~b) & m;
    case 12: return ~(a & b) & m;
    case 13: return ~(a | b) & m;
    case 14: return ~(a ^ b) & m;
    case 15: return (a << sh) & m;
    case 16: return a >> sh;
    case 17: return (uint64_t)(sa >> sh) & m;
    case 18: return sh ? ((a << sh) | (a >> (w - sh))) & m : a;
    case 19: return sh ? ((a >> sh) | (a << (w - sh))) & m : a;
    case 20: return a ? ref_clz(a, w) : b;
    default: return a ? ref_ctz(a, w) : b;
    }
}

static uint64_t ref_un(int idx, unsigned w, uint64_t a)
{
    uint64_t m = w == 64 ? ~UINT64_C(0) : 0xffffffff;
    unsigned n = 0;

    switch (idx) {
    case 0: return a;
    case 1: return (0 - a) & m;
    case 2: return ~a & m;
    case 3: return ref_bswap(a & 0xffff, 2);
    case 4: return ref_bswap(a & 0xffffffff, 4);
    default:
        if (w == 64 && idx == 5) {
            return ref_bswap(a, 8);
        }
        for (unsigned i = 0; i < w; i++) {
            n += (a >> i) & 1;
        }
        return n;
    }
}

static bool ref_cond(unsigned c, unsigned w, uint64_t a, uint64_t b)
{
    int64_t sa = (int64_t)ref_sext(a, w), sb = (int64_t)ref_sext(b, w);

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
    case TCG_COND_TSTEQ: return (a & b) == 0;
    default: return (a & b) != 0;
    }
}

static int op_index(const TCGOpcode *tab, size_t n, TCGOpcode opc)
{
    for (size_t i = 0; i < n; i++) {
        if (tab[i] == opc) {
            return i;
        }
    }
    g_assert_not_reached();
}

static uint64_t ref_addr(RefState *st, const RInsn *in)
{
    return T_GUEST_BASE + (ref_get(st, true, &in->a) & 0x3fff);
}

static uint64_t ref_mix(const uint64_t *v)
{
    return v[0] * 3 + (uint32_t)v[1] * 5 + v[2] * 7 + (uint32_t)v[3] * 11 +
        v[4] * 13 + v[5] * 17;
}

static void ref_field(RefState *st, const RInsn *in)
{
    uint64_t a = ref_get(st, in->w64, &in->a);
    uint64_t b = ref_get(st, in->w64, &in->b);
    uint64_t fm = in->len == 64 ? ~UINT64_C(0)
                                : (UINT64_C(1) << in->len) - 1;
    uint64_t f = (a >> in->pos) & fm;

    if (in->opc == 0) {
        ref_set(st, in->w64, in->d, f);
    } else if (in->opc == 1) {
        ref_set(st, in->w64, in->d, ref_sext(f, in->len));
    } else {
        uint64_t mask = fm << in->pos;

        ref_set(st, in->w64, in->d, (a & ~mask) | ((b << in->pos) & mask));
    }
}

static void ref_mul2(RefState *st, const RInsn *in)
{
    uint64_t a = ref_get(st, in->w64, &in->a);
    uint64_t b = ref_get(st, in->w64, &in->b);
    bool sgn = in->cond & 1;

    if (!in->w64) {
        int64_t p = sgn ? (int64_t)(int32_t)a * (int32_t)b
                        : (int64_t)(a * b);
        ref_set(st, false, in->d, (uint64_t)p);
        ref_set(st, false, in->d2, (uint64_t)p >> 32);
    } else if (sgn) {
        __int128 p = (__int128)(int64_t)a * (int64_t)b;
        ref_set(st, true, in->d, (uint64_t)p);
        ref_set(st, true, in->d2, (uint64_t)((unsigned __int128)p >> 64));
    } else {
        unsigned __int128 p = (unsigned __int128)a * b;
        ref_set(st, true, in->d, (uint64_t)p);
        ref_set(st, true, in->d2, (uint64_t)(p >> 64));
    }
}

static uint64_t ref_run(const Prog *p, TestEnv *env)
{
    RefState st = { .env = env };
    int pc = 0;

    memcpy(st.t, p->tinit, sizeof(st.t));
    while (pc < p->n) {
        const RInsn *in = &p->insn[pc++];
        unsigned w = in->w64 ? 64 : 32;
        uint64_t a = ref_get(&st, in->w64, &in->a);
        uint64_t b = ref_get(&st, in->w64, &in->b);
        uint64_t v[6];

        switch (in->kind) {
        case K_BIN:
            ref_set(&st, in->w64, in->d, ref_bin(in->w64
                ? op_index(bin64, ARRAY_SIZE(bin64), in->opc)
                : op_index(bin32, ARRAY_SIZE(bin32), in->opc), w, a, b));
            break;
        case K_UN:
            ref_set(&st, in->w64, in->d, ref_un(in->w64
                ? op_index(un64, ARRAY_SIZE(un64), in->opc)
                : op_index(un32, ARRAY_SIZE(un32), in->opc), w, a));
            break;
        case K_FIELD:
            ref_field(&st, in);
            break;
        case K_SETCOND:
            ref_set(&st, in->w64, in->d, ref_cond(in->cond, w, a, b));
            break;
        case K_MOVCOND:
            ref_set(&st, in->w64, in->d, ref_cond(in->cond, w, a, b)
                    ? ref_get(&st, in->w64, &in->c)
                    : ref_get(&st, in->w64, &in->e));
            break;
        case K_MUL2:
            ref_mul2(&st, in);
            break;
        case K_CONV:
            a = ref_get(&st, in->opc >= 2, &in->a);
            switch (in->opc) {
            case 0: ref_set(&st, true, in->d, (uint32_t)a); break;
            case 1: ref_set(&st, true, in->d, ref_sext(a, 32)); break;
            case 2: ref_set(&st, false, in->d, a); break;
            default: ref_set(&st, false, in->d, a >> 32); break;
            }
            break;
        case K_LD:
            ref_set(&st, in->w64, in->d,
                    test_guest_read(env, ref_addr(&st, in), in->mop));
            break;
        case K_ST:
            test_guest_write(env, ref_addr(&st, in), b, in->mop);
            break;
        case K_CALL:
            for (int i = 0; i < 6; i++) {
                v[i] = ref_get(&st, i != 1 && i != 3, &in->args[i]);
            }
            ref_set(&st, true, in->d, ref_mix(v));
            break;
        case K_ENVCALL:
            env->g32[7] = env->g32[6] + 1;
            ref_set(&st, false, in->d, env->g32[6] * 2);
            break;
        case K_BR:
            if (ref_cond(in->cond, w, a, b)) {
                pc += in->skip;
            }
            break;
        }
    }
    return p->exit_v[ref_cond(p->exit_cond, 64,
                              ref_get(&st, true, &p->exit_a),
                              ref_get(&st, true, &p->exit_b))];
}

/* ---- IR construction ---- */

typedef struct Builder {
    TestCtx *t;
    TCGv_i32 t32[4];
    TCGv_i64 t64[4];
} Builder;

static TCGArg b_reg(Builder *b, bool w64, int reg)
{
    if (reg < 8) {
        return w64 ? tcgv_i64_arg(b->t->g64[reg]) : tcgv_i32_arg(b->t->g32[reg]);
    }
    return w64 ? tcgv_i64_arg(b->t64[reg - 8]) : tcgv_i32_arg(b->t32[reg - 8]);
}

static TCGArg b_op(Builder *b, bool w64, const Operand *o)
{
    if (o->reg < 0) {
        return w64 ? tcgv_i64_arg(tcg_constant_i64(b->t->s, o->k))
                   : tcgv_i32_arg(tcg_constant_i32(b->t->s, o->k));
    }
    return b_reg(b, w64, o->reg);
}

static uint64_t helper_mix(uint64_t a, uint32_t b, uint64_t c, uint32_t d,
                           uint64_t e, uint64_t f)
{
    return a * 3 + b * 5 + c * 7 + d * 11 + e * 13 + f * 17;
}

/* Reads and writes globals (flags 0): they must be synced around it. */
static uint32_t helper_env(void *envp)
{
    TestEnv *env = envp;

    env->g32[7] = env->g32[6] + 1;
    return env->g32[6] * 2;
}

static const TCGHelperInfo info_mix = {
    .func = helper_mix, .name = "mix", .flags = TCG_CALL_PURE, .nb_args = 6,
    .ret = TCG_CALL_I64,
    .args = { TCG_CALL_I64, TCG_CALL_I32, TCG_CALL_I64, TCG_CALL_I32,
              TCG_CALL_I64, TCG_CALL_I64 },
};

static const TCGHelperInfo info_env = {
    .func = helper_env, .name = "env", .nb_args = 1, .ret = TCG_CALL_I32,
    .args = { TCG_CALL_PTR },
};

static void build_insn(Builder *b, const RInsn *in, TCGLabel **labels,
                       int idx)
{
    TCGContext *s = b->t->s;
    bool w = in->w64;
    TCGArg d = b_reg(b, w, in->d);
    static const TCGOpcode fields[2][3] = {
        { INDEX_op_extract_i32, INDEX_op_sextract_i32, INDEX_op_deposit_i32 },
        { INDEX_op_extract_i64, INDEX_op_sextract_i64, INDEX_op_deposit_i64 },
    };
    TCGv_i64 addr;
    TCGArg args[6];

    switch (in->kind) {
    case K_BIN:
        tcg_gen_op3(s, in->opc, d, b_op(b, w, &in->a), b_op(b, w, &in->b));
        break;
    case K_UN:
        tcg_gen_op2(s, in->opc, d, b_op(b, w, &in->a));
        break;
    case K_FIELD:
        if (in->opc == 2) {
            tcg_gen_op5(s, fields[w][2], d, b_op(b, w, &in->a),
                        b_op(b, w, &in->b), in->pos, in->len);
        } else {
            tcg_gen_op4(s, fields[w][in->opc], d, b_op(b, w, &in->a),
                        in->pos, in->len);
        }
        break;
    case K_SETCOND:
        tcg_gen_op4(s, w ? INDEX_op_setcond_i64 : INDEX_op_setcond_i32, d,
                    b_op(b, w, &in->a), b_op(b, w, &in->b), in->cond);
        break;
    case K_MOVCOND:
        tcg_gen_op6(s, w ? INDEX_op_movcond_i64 : INDEX_op_movcond_i32, d,
                    b_op(b, w, &in->a), b_op(b, w, &in->b),
                    b_op(b, w, &in->c), b_op(b, w, &in->e), in->cond);
        break;
    case K_MUL2:
        tcg_gen_op4(s, w ? ((in->cond & 1) ? INDEX_op_muls2_i64
                                           : INDEX_op_mulu2_i64)
                         : ((in->cond & 1) ? INDEX_op_muls2_i32
                                           : INDEX_op_mulu2_i32),
                    d, b_reg(b, w, in->d2), b_op(b, w, &in->a),
                    b_op(b, w, &in->b));
        break;
    case K_CONV: {
        static const TCGOpcode conv[4] = {
            INDEX_op_extu_i32_i64, INDEX_op_exts_i32_i64,
            INDEX_op_extrl_i64_i32, INDEX_op_extrh_i64_i32 };

        tcg_gen_op2(s, conv[in->opc], b_reg(b, in->opc < 2, in->d),
                    b_op(b, in->opc >= 2, &in->a));
        break;
    }
    case K_LD:
    case K_ST:
        addr = tcg_temp_ebb_new_i64(s);
        tcg_gen_op3(s, INDEX_op_and_i64, tcgv_i64_arg(addr),
                    b_op(b, true, &in->a),
                    tcgv_i64_arg(tcg_constant_i64(s, 0x3fff)));
        tcg_gen_addi_i64(s, addr, addr, T_GUEST_BASE);
        tcg_gen_op3(s, in->kind == K_LD
                    ? (w ? INDEX_op_qemu_ld_i64 : INDEX_op_qemu_ld_i32)
                    : (w ? INDEX_op_qemu_st_i64 : INDEX_op_qemu_st_i32),
                    in->kind == K_LD ? d : b_op(b, w, &in->b),
                    tcgv_i64_arg(addr), tcg_make_oi(in->mop, in->mmu));
        tcg_temp_free_i64(s, addr);
        break;
    case K_CALL:
        for (int i = 0; i < 6; i++) {
            args[i] = b_op(b, i != 1 && i != 3, &in->args[i]);
        }
        tcg_gen_callN(s, &info_mix, b_reg(b, true, in->d), args);
        break;
    case K_ENVCALL:
        args[0] = tcgv_ptr_arg(tcg_env(s));
        tcg_gen_callN(s, &info_env, b_reg(b, false, in->d), args);
        break;
    case K_BR:
        tcg_gen_op4(s, w ? INDEX_op_brcond_i64 : INDEX_op_brcond_i32,
                    b_op(b, w, &in->a), b_op(b, w, &in->b), in->cond,
                    tcg_label_arg(labels[idx + 1 + in->skip]));
        break;
    }
}

static void build_prog(TestCtx *t, const Prog *p)
{
    TCGContext *s = t->s;
    Builder b = { .t = t };
    TCGLabel *labels[MAX_INSNS + 2];
    bool target[MAX_INSNS + 1] = { false };
    TCGLabel *other;

    tcg_func_start(s);
    for (int i = 0; i < 4; i++) {
        b.t32[i] = tcg_temp_new_i32(s);
        b.t64[i] = tcg_temp_new_i64(s);
        tcg_gen_movi_i32(s, b.t32[i], p->tinit[0][i]);
        tcg_gen_movi_i64(s, b.t64[i], p->tinit[1][i]);
    }
    /* labels only where a branch lands, so blocks stay long */
    for (int i = 0; i < p->n; i++) {
        if (p->insn[i].kind == K_BR) {
            target[i + 1 + p->insn[i].skip] = true;
        }
    }
    for (int i = 0; i <= p->n; i++) {
        labels[i] = target[i] ? gen_new_label(s) : NULL;
    }
    for (int i = 0; i < p->n; i++) {
        if (labels[i]) {
            gen_set_label(s, labels[i]);
        }
        build_insn(&b, &p->insn[i], labels, i);
    }
    if (labels[p->n]) {
        gen_set_label(s, labels[p->n]);
    }
    other = gen_new_label(s);
    tcg_gen_op4(s, INDEX_op_brcond_i64, b_op(&b, true, &p->exit_a),
                b_op(&b, true, &p->exit_b), p->exit_cond,
                tcg_label_arg(other));
    if (p->use_goto_tb) {
        tcg_gen_goto_tb(s, 0);
    }
    tcg_gen_exit_tb(s, p->exit_v[0]);
    gen_set_label(s, other);
    if (p->use_goto_tb) {
        tcg_gen_goto_tb(s, 1);
    }
    tcg_gen_exit_tb(s, p->exit_v[1]);
}

/* ---- driver ---- */

static void dump_failure(TestCtx *t, const Prog *p, uint64_t seed, int iter,
                         bool opt, const char *what)
{
    g_autofree char *ir = NULL;

    build_prog(t, p);
    ir = tcg_dump_ops_str(t->s);
    g_test_message("IR of the failing program:\n%s", ir);
    g_error("%s (optimize %d) differs from the reference in %s: seed %"
            PRIu64 " iteration %d (rerun with HEMU_TCG_FUZZ_SEED=%" PRIu64
            ")", tcg_backend_name(t->kind), opt, what, seed, iter, seed);
}

static void init_env_random(GRand *r, TestEnv *env)
{
    test_env_init(env);
    for (int i = 0; i < T_NG; i++) {
        env->g64[i] = rnd_value(r);
        env->g32[i] = rnd_value(r);
    }
    for (size_t i = 0; i < sizeof(env->guest); i++) {
        env->guest[i] = g_rand_int(r);
    }
}

static void check_one(TestCtx **ctxs, unsigned nk, const Prog *p,
                      const TestEnv *init, uint64_t seed, int iter)
{
    g_autofree TestEnv *ref = g_new(TestEnv, 1);
    g_autofree TestEnv *env = g_new(TestEnv, 1);
    uint64_t want;

    memcpy(ref, init, sizeof(*ref));
    want = ref_run(p, ref);
    for (unsigned k = 0; k < nk; k++) {
        for (int opt = 0; opt < 2; opt++) {
            TestCtx *t = ctxs[k];
            TCGTranslation tr;
            uint64_t got;

            memcpy(env, init, sizeof(*env));
            test_env_init_tlb_only(env);
            build_prog(t, p);
            if (tcg_gen_code(t->s, opt, &tr) == TCG_GEN_BUFFER_FULL) {
                tcg_code_flush(t->s);
                build_prog(t, p);
                g_assert_cmpint(tcg_gen_code(t->s, opt, &tr), ==, TCG_GEN_OK);
            }
            got = tcg_exec(t->s, env, tr.code);
            if (got != want) {
                dump_failure(t, p, seed, iter, opt, "the exit value");
            }
            if (memcmp(env->g64, ref->g64, sizeof(ref->g64)) ||
                memcmp(env->g32, ref->g32, sizeof(ref->g32))) {
                for (int i = 0; i < T_NG; i++) {
                    g_test_message("x%d %016" PRIx64 " want %016" PRIx64
                                   "  w%d %08x want %08x", i, env->g64[i],
                                   ref->g64[i], i, env->g32[i], ref->g32[i]);
                }
                dump_failure(t, p, seed, iter, opt, "the globals");
            }
            if (memcmp(env->guest, ref->guest, sizeof(ref->guest))) {
                dump_failure(t, p, seed, iter, opt, "guest memory");
            }
        }
    }
}

static void run_seed(uint64_t seed, int iters)
{
    TCGBackendKind kinds[2];
    unsigned nk = test_backends(kinds);
    TestCtx *ctxs[2];
    GRand *r = g_rand_new_with_seed_array((const guint32 *)&seed, 2);
    g_autofree TestEnv *init = g_new(TestEnv, 1);
    g_autofree Prog *p = g_new(Prog, 1);

    for (unsigned k = 0; k < nk; k++) {
        ctxs[k] = test_ctx_new(kinds[k]);
    }
    for (int i = 0; i < iters; i++) {
        gen_prog(r, p);
        init_env_random(r, init);
        check_one(ctxs, nk, p, init, seed, i);
    }
    for (unsigned k = 0; k < nk; k++) {
        test_ctx_free(ctxs[k]);
    }
    g_rand_free(r);
}

static int fuzz_iters(void)
{
    const char *e = g_getenv("HEMU_TCG_FUZZ_ITERS");

    return e ? atoi(e) : 2000;
}

static void test_random(gconstpointer data)
{
    const char *e = g_getenv("HEMU_TCG_FUZZ_SEED");
    uint64_t seed = e ? g_ascii_strtoull(e, NULL, 0)
                      : (uint64_t)(uintptr_t)data;

    run_seed(seed, fuzz_iters());
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_data_func("/tcg/random/seed1", (gconstpointer)1, test_random);
    g_test_add_data_func("/tcg/random/seed2", (gconstpointer)2, test_random);
    g_test_add_data_func("/tcg/random/seed3", (gconstpointer)3, test_random);
    g_test_add_data_func("/tcg/random/seed4", (gconstpointer)4, test_random);
    return g_test_run();
}
