/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Tests for util/softfloat-*.c.
 *
 * 1. float32/float64 arithmetic and conversions against the host x86-64
 *    SSE FPU (fesetround/fetestexcept), bit for bit and flag for flag, in
 *    the four IEEE directed/nearest modes, with a FloatStatus set up like
 *    x86 (tininess after rounding, x86 NaN rule, negative default NaN).
 *    Float-to-integer and round-to-integral are checked against libm's
 *    rint/ceil/floor/trunc/round, which are exact.
 * 2. float16: exhaustive float16 -> float32/float64 against a decoder
 *    written here from IEEE 754-2008 3.4; float32/float64 -> float16 and
 *    float16 add/sub/mul/div/sqrt against a reference rounding that
 *    searches the float16 grid (double rounding through the host double
 *    is innocuous: the double result is exact or has 53 >= 2*11+2 bits).
 * 3. Arm specifics with hand-derived vectors (Arm ARM FPRound, FPUnpack,
 *    FPProcessNaNs, FPMulAdd, FPMinNum, FPToFixed, FPConvert).
 *
 * This file is compiled with -frounding-math -fsignaling-nans and keeps
 * host operands volatile so the compiler evaluates every host operation
 * at run time in the current rounding mode.
 */
#include "util/softfloat.h"

#include <fenv.h>
#include <math.h>

#define F_INV FLOAT_FLAG_INVALID
#define F_DZ FLOAT_FLAG_DIVBYZERO
#define F_OF FLOAT_FLAG_OVERFLOW
#define F_UF FLOAT_FLAG_UNDERFLOW
#define F_IX FLOAT_FLAG_INEXACT
#define F_ID FLOAT_FLAG_INPUT_DENORMAL

/* ------------------------------------------------------------------ */
/* Host helpers                                                        */

static const struct {
    int fe;
    FloatRoundMode rm;
} host_modes[] = {
    {FE_TONEAREST, FLOAT_ROUND_NEAREST_EVEN},
    {FE_UPWARD, FLOAT_ROUND_UP},
    {FE_DOWNWARD, FLOAT_ROUND_DOWN},
    {FE_TOWARDZERO, FLOAT_ROUND_TO_ZERO},
};

static uint8_t host_flags(void)
{
    int e = fetestexcept(FE_ALL_EXCEPT);
    uint8_t f = 0;

    f |= (e & FE_INVALID) ? F_INV : 0;
    f |= (e & FE_DIVBYZERO) ? F_DZ : 0;
    f |= (e & FE_OVERFLOW) ? F_OF : 0;
    f |= (e & FE_UNDERFLOW) ? F_UF : 0;
    f |= (e & FE_INEXACT) ? F_IX : 0;
    return f;
}

static float f32_of(uint32_t b)
{
    float f;

    memcpy(&f, &b, 4);
    return f;
}

static uint32_t bits_f32(float f)
{
    uint32_t b;

    memcpy(&b, &f, 4);
    return b;
}

static double f64_of(uint64_t b)
{
    double d;

    memcpy(&d, &b, 8);
    return d;
}

static uint64_t bits_f64(double d)
{
    uint64_t b;

    memcpy(&b, &d, 8);
    return b;
}

/* A status that behaves like x86-64 SSE with MXCSR exceptions masked. */
static FloatStatus x86_status(FloatRoundMode rm)
{
    FloatStatus s;

    float_status_init_arm(&s);
    s.nan_rule = FLOAT_NAN_RULE_X86;
    s.default_nan_negative = true;
    s.tininess_before_rounding = false;
    s.rounding_mode = rm;
    return s;
}

static FloatStatus arm_status(FloatRoundMode rm)
{
    FloatStatus s;

    float_status_init_arm(&s);
    s.rounding_mode = rm;
    return s;
}

/* ------------------------------------------------------------------ */
/* Random operands, biased towards the interesting encodings           */

typedef struct TFmt {
    int ebits;
    int fbits;
} TFmt;

static const TFmt t16 = {5, 10}, t32 = {8, 23}, t64 = {11, 52};

static uint64_t rand64(GRand *r)
{
    return ((uint64_t)g_rand_int(r) << 32) | g_rand_int(r);
}

static int64_t t_emax(const TFmt *t)
{
    return (1 << t->ebits) - 1;
}

static int64_t t_bias(const TFmt *t)
{
    return (1 << (t->ebits - 1)) - 1;
}

static uint64_t t_pack(const TFmt *t, bool sign, uint64_t bexp, uint64_t frac)
{
    return ((uint64_t)sign << (t->ebits + t->fbits)) | (bexp << t->fbits) |
           frac;
}

static uint64_t rand_frac(GRand *r, const TFmt *t)
{
    uint64_t all = (1ull << t->fbits) - 1;
    int k = g_rand_int_range(r, 0, t->fbits);

    switch (g_rand_int_range(r, 0, 8)) {
    case 0:
        return 0;
    case 1:
        return all;
    case 2:
        return 1ull << k;
    case 3:
        return all ^ (1ull << k);
    case 4:
        return rand64(r) & all & 0xff;
    case 5:
        return (rand64(r) & all) >> k << k;
    default:
        return rand64(r) & all;
    }
}

/* A biased exponent: specials, extremes, or near @centre. */
static uint64_t rand_bexp(GRand *r, const TFmt *t, int64_t centre)
{
    int64_t e;

    switch (g_rand_int_range(r, 0, 20)) {
    case 0:
    case 1:
        return 0;
    case 2:
        return t_emax(t);
    case 3:
        return 1;
    case 4:
        return t_emax(t) - 1;
    case 5:
    case 6:
    case 7:
        return g_rand_int_range(r, 0, t_emax(t) + 1);
    default:
        e = centre + g_rand_int_range(r, -(t->fbits + 3), t->fbits + 4);
        return CLAMP(e, 0, t_emax(t));
    }
}

static uint64_t rand_float(GRand *r, const TFmt *t, int64_t centre)
{
    return t_pack(t, g_rand_boolean(r), rand_bexp(r, t, centre),
                  rand_frac(r, t));
}

static int64_t bexp_of(const TFmt *t, uint64_t v)
{
    return (v >> t->fbits) & t_emax(t);
}

static bool t_is_nan(const TFmt *t, uint64_t v)
{
    return bexp_of(t, v) == t_emax(t) && (v & ((1ull << t->fbits) - 1));
}

/* A target exponent for a product or quotient: extremes or anywhere. */
static int64_t rand_target(GRand *r, const TFmt *t)
{
    switch (g_rand_int_range(r, 0, 4)) {
    case 0:
        return g_rand_int_range(r, -t->fbits - 2, 3);
    case 1:
        return t_emax(t) - g_rand_int_range(r, 0, 3);
    default:
        return g_rand_int_range(r, 1, t_emax(t));
    }
}

/* ------------------------------------------------------------------ */
/* 1. float32/float64 arithmetic against the host                      */

typedef enum TOp { OP_ADD, OP_SUB, OP_MUL, OP_DIV, OP_SQRT, OP_FMA } TOp;

static const char *const op_names[] = {"add", "sub",  "mul",
                                       "div", "sqrt", "fma"};

static uint64_t host_op(const TFmt *t, TOp op, uint64_t a, uint64_t b,
                        uint64_t c)
{
    if (t == &t32) {
        volatile float va = f32_of(a), vb = f32_of(b), vc = f32_of(c);
        volatile float vr = 0;

        switch (op) {
        case OP_ADD:
            vr = va + vb;
            break;
        case OP_SUB:
            vr = va - vb;
            break;
        case OP_MUL:
            vr = va * vb;
            break;
        case OP_DIV:
            vr = va / vb;
            break;
        case OP_SQRT:
            vr = sqrtf(va);
            break;
        case OP_FMA:
            vr = fmaf(va, vb, vc);
            break;
        }
        return bits_f32(vr);
    } else {
        volatile double va = f64_of(a), vb = f64_of(b), vc = f64_of(c);
        volatile double vr = 0;

        switch (op) {
        case OP_ADD:
            vr = va + vb;
            break;
        case OP_SUB:
            vr = va - vb;
            break;
        case OP_MUL:
            vr = va * vb;
            break;
        case OP_DIV:
            vr = va / vb;
            break;
        case OP_SQRT:
            vr = sqrt(va);
            break;
        case OP_FMA:
            vr = fma(va, vb, vc);
            break;
        }
        return bits_f64(vr);
    }
}

static uint64_t soft_op(const TFmt *t, TOp op, uint64_t a, uint64_t b,
                        uint64_t c, FloatStatus *s)
{
    if (t == &t32) {
        switch (op) {
        case OP_ADD:
            return float32_add(a, b, s);
        case OP_SUB:
            return float32_sub(a, b, s);
        case OP_MUL:
            return float32_mul(a, b, s);
        case OP_DIV:
            return float32_div(a, b, s);
        case OP_SQRT:
            return float32_sqrt(a, s);
        default:
            return float32_muladd(a, b, c, 0, s);
        }
    }
    switch (op) {
    case OP_ADD:
        return float64_add(a, b, s);
    case OP_SUB:
        return float64_sub(a, b, s);
    case OP_MUL:
        return float64_mul(a, b, s);
    case OP_DIV:
        return float64_div(a, b, s);
    case OP_SQRT:
        return float64_sqrt(a, s);
    default:
        return float64_muladd(a, b, c, 0, s);
    }
}

static void report(const char *what, int mode, uint64_t a, uint64_t b,
                   uint64_t c, uint64_t want, uint8_t wflags, uint64_t got,
                   uint8_t gflags)
{
    g_printerr("%s mode %d: a=%#" PRIx64 " b=%#" PRIx64 " c=%#" PRIx64
               ": want %#" PRIx64 " flags %#x, got %#" PRIx64 " flags %#x\n",
               what, mode, a, b, c, want, wflags, got, gflags);
}

/* Operands for @op; fma's addend is often close to minus the product. */
static void gen_operands(GRand *r, const TFmt *t, TOp op, uint64_t *a,
                         uint64_t *b, uint64_t *c)
{
    int64_t ea, tgt;

    *a = rand_float(r, t, g_rand_int_range(r, 1, t_emax(t)));
    ea = bexp_of(t, *a);
    tgt = rand_target(r, t);
    switch (op) {
    case OP_ADD:
    case OP_SUB:
        *b = rand_float(r, t, ea);
        break;
    case OP_MUL:
    case OP_FMA:
        *b = rand_float(r, t, tgt - ea + t_bias(t));
        break;
    default:
        *b = rand_float(r, t, ea - tgt + t_bias(t));
        break;
    }
    *c = rand_float(r, t, bexp_of(t, *a) + bexp_of(t, *b) - t_bias(t));
    if (op == OP_FMA && g_rand_int_range(r, 0, 4) == 0) {
        /* minus the rounded product, perturbed: heavy cancellation */
        fesetround(FE_TONEAREST);
        *c = host_op(t, OP_MUL, *a, *b, 0) ^ (1ull << (t->ebits + t->fbits));
        *c += g_rand_int_range(r, -2, 3);
    }
}

static void check_host_arith(const TFmt *t, TOp op, int iters)
{
    GRand *r = g_rand_new_with_seed(0x5f0a7 + op * 7 + t->fbits);
    int m, i;

    for (m = 0; m < (int)ARRAY_SIZE(host_modes); m++) {
        for (i = 0; i < iters; i++) {
            uint64_t a, b, c, want, got;
            uint8_t wflags;
            FloatStatus s = x86_status(host_modes[m].rm);
            int nans;

            gen_operands(r, t, op, &a, &b, &c);
            fesetround(host_modes[m].fe);
            feclearexcept(FE_ALL_EXCEPT);
            want = host_op(t, op, a, b, c);
            wflags = host_flags();
            fesetround(FE_TONEAREST);
            got = soft_op(t, op, a, b, c, &s);
            nans = t_is_nan(t, a) + (op != OP_SQRT && t_is_nan(t, b)) +
                   (op == OP_FMA && t_is_nan(t, c));
            if (t_is_nan(t, want) && t_is_nan(t, got) &&
                (nans > 1 || op == OP_FMA)) {
                /* x86 operand order of commuted ops/libm fma: NaN-ness */
                got = want;
            }
            if (got != want || s.flags != wflags) {
                report(op_names[op], m, a, b, c, want, wflags, got, s.flags);
            }
            g_assert_cmphex(got, ==, want);
            g_assert_cmphex(s.flags, ==, wflags);
        }
    }
    g_rand_free(r);
}

static void test_host_arith32(void)
{
    TOp op;

    for (op = OP_ADD; op <= OP_FMA; op++) {
        check_host_arith(&t32, op, 40000);
    }
}

static void test_host_arith64(void)
{
    TOp op;

    for (op = OP_ADD; op <= OP_FMA; op++) {
        check_host_arith(&t64, op, 40000);
    }
}

/*
 * Quiet compares against ucomis[sd] (isunordered/isless/==: Invalid only
 * for a signalling NaN) and signalling ones against comis[sd] (<: Invalid
 * for any NaN).
 */
static void test_host_compare(void)
{
    GRand *r = g_rand_new_with_seed(0xc0e9);
    int i, k;

    fesetround(FE_TONEAREST);
    for (i = 0; i < 40000; i++) {
        const TFmt *t = (i & 1) ? &t64 : &t32;
        uint64_t a = rand_float(r, t, g_rand_int_range(r, 0, t_emax(t)));
        uint64_t b = g_rand_int_range(r, 0, 8) == 0
                         ? a
                         : rand_float(r, t, bexp_of(t, a));

        for (k = 0; k < 2; k++) {
            FloatStatus s = x86_status(FLOAT_ROUND_NEAREST_EVEN);
            FloatRelation want, got;
            bool unord, lt, eq;
            uint8_t wflags;

            feclearexcept(FE_ALL_EXCEPT);
            if (t == &t32) {
                volatile float va = f32_of(a), vb = f32_of(b);

                unord = isunordered(va, vb);
                lt = k ? va < vb : isless(va, vb);
                eq = va == vb;
            } else {
                volatile double va = f64_of(a), vb = f64_of(b);

                unord = isunordered(va, vb);
                lt = k ? va < vb : isless(va, vb);
                eq = va == vb;
            }
            wflags = host_flags();
            want = unord ? FLOAT_RELATION_UNORDERED
                   : eq  ? FLOAT_RELATION_EQUAL
                   : lt  ? FLOAT_RELATION_LESS
                         : FLOAT_RELATION_GREATER;
            if (t == &t32) {
                got = k ? float32_compare_signaling(a, b, &s)
                        : float32_compare(a, b, &s);
            } else {
                got = k ? float64_compare_signaling(a, b, &s)
                        : float64_compare(a, b, &s);
            }
            g_assert_cmpint(got, ==, want);
            g_assert_cmphex(s.flags, ==, wflags);
        }
    }
    g_rand_free(r);
}

/* float64 <-> float32 conversions against cvtsd2ss/cvtss2sd. */
static void test_host_float_convert(void)
{
    GRand *r = g_rand_new_with_seed(0xc0417);
    int m, i;

    for (m = 0; m < (int)ARRAY_SIZE(host_modes); m++) {
        for (i = 0; i < 30000; i++) {
            /* around float32's range so overflow/subnormals show up */
            uint64_t d =
                rand_float(r, &t64, 1023 + g_rand_int_range(r, -160, 140));
            uint32_t f = rand_float(r, &t32, g_rand_int_range(r, 1, 255));
            volatile double vd = f64_of(d);
            volatile float vf = f32_of(f);
            volatile float rf;
            volatile double rd;
            uint8_t wf1, wf2;
            FloatStatus s1 = x86_status(host_modes[m].rm);
            FloatStatus s2 = x86_status(host_modes[m].rm);
            uint32_t got1;
            uint64_t got2;

            fesetround(host_modes[m].fe);
            feclearexcept(FE_ALL_EXCEPT);
            rf = vd;
            wf1 = host_flags();
            feclearexcept(FE_ALL_EXCEPT);
            rd = vf;
            wf2 = host_flags();
            fesetround(FE_TONEAREST);
            got1 = float64_to_float32(d, &s1);
            got2 = float32_to_float64(f, &s2);
            if (got1 != bits_f32(rf) || s1.flags != wf1) {
                report("f64->f32", m, d, 0, 0, bits_f32(rf), wf1, got1,
                       s1.flags);
            }
            g_assert_cmphex(got1, ==, bits_f32(rf));
            g_assert_cmphex(s1.flags, ==, wf1);
            g_assert_cmphex(got2, ==, bits_f64(rd));
            g_assert_cmphex(s2.flags, ==, wf2);
        }
    }
    g_rand_free(r);
}

/* A random integer with a random number of significant bits. */
static uint64_t rand_int_bits(GRand *r)
{
    int n = g_rand_int_range(r, 0, 65);

    return n == 64 ? rand64(r) : rand64(r) & ((1ull << n) - 1);
}

/* Integer -> float against cvtsi2ss/cvtsi2sd (and GCC's u64 sequence). */
static void test_host_int_to_float(void)
{
    GRand *r = g_rand_new_with_seed(0x1e7f);
    int m, i, k;

    for (m = 0; m < (int)ARRAY_SIZE(host_modes); m++) {
        for (i = 0; i < 20000; i++) {
            volatile uint64_t v = rand_int_bits(r);
            volatile int64_t sv = g_rand_boolean(r) ? -(int64_t)v : (int64_t)v;
            int scale = g_rand_int_range(r, 0, 65);
            volatile float hf[4];
            volatile double hd[4];
            uint8_t ff[4], fd[4];
            uint32_t sf[4];
            uint64_t sd[4];
            uint8_t sff[4], sfd[4];

            fesetround(host_modes[m].fe);
            for (k = 0; k < 4; k++) {
                feclearexcept(FE_ALL_EXCEPT);
                hf[k] = k == 0   ? (float)(int32_t)sv
                        : k == 1 ? (float)sv
                        : k == 2 ? (float)(uint32_t)v
                                 : (float)v;
                ff[k] = host_flags();
                feclearexcept(FE_ALL_EXCEPT);
                hd[k] = k == 0   ? (double)(int32_t)sv
                        : k == 1 ? (double)sv
                        : k == 2 ? (double)(uint32_t)v
                                 : (double)v;
                fd[k] = host_flags();
            }
            fesetround(FE_TONEAREST);
            for (k = 0; k < 4; k++) {
                FloatStatus s = x86_status(host_modes[m].rm);
                FloatStatus s64 = x86_status(host_modes[m].rm);

                switch (k) {
                case 0:
                    sf[k] = int32_to_float32(sv, scale, &s);
                    sd[k] = int32_to_float64(sv, scale, &s64);
                    break;
                case 1:
                    sf[k] = int64_to_float32(sv, scale, &s);
                    sd[k] = int64_to_float64(sv, scale, &s64);
                    break;
                case 2:
                    sf[k] = uint32_to_float32(v, scale, &s);
                    sd[k] = uint32_to_float64(v, scale, &s64);
                    break;
                default:
                    sf[k] = uint64_to_float32(v, scale, &s);
                    sd[k] = uint64_to_float64(v, scale, &s64);
                    break;
                }
                sff[k] = s.flags;
                sfd[k] = s64.flags;
                /*
                 * Scaling by 2^-scale commutes with rounding here: the
                 * result stays far above the subnormal range.
                 */
                g_assert_cmphex(sf[k], ==, bits_f32(ldexpf(hf[k], -scale)));
                g_assert_cmphex(sff[k], ==, ff[k]);
                g_assert_cmphex(sd[k], ==, bits_f64(ldexp(hd[k], -scale)));
                g_assert_cmphex(sfd[k], ==, fd[k]);
            }
        }
    }
    g_rand_free(r);
}

/* The libm function that rounds to an integral value like @rm. */
static double libm_round(double x, FloatRoundMode rm)
{
    switch (rm) {
    case FLOAT_ROUND_NEAREST_EVEN:
        return nearbyint(x); /* FE_TONEAREST */
    case FLOAT_ROUND_UP:
        return ceil(x);
    case FLOAT_ROUND_DOWN:
        return floor(x);
    case FLOAT_ROUND_TO_ZERO:
        return trunc(x);
    default:
        return round(x);
    }
}

/*
 * Expected FPToFixed of the float64 value @x: saturate to [lo, hi] with
 * INVALID, else INEXACT when rounding changed the value.
 */
static int64_t ref_to_int(double x, int scale, FloatRoundMode rm, double lo,
                          double hi, uint8_t *flags, bool is_unsigned)
{
    double v, q;

    *flags = 0;
    if (isnan(x)) {
        *flags = F_INV;
        return 0;
    }
    v = ldexp(x, scale); /* exact, or infinite */
    q = libm_round(v, rm);
    if (q < lo || q > hi) {
        *flags = F_INV;
        q = q < lo ? lo : hi;
        return is_unsigned ? (int64_t)(uint64_t)q : (int64_t)q;
    }
    if (q != v) {
        *flags = F_IX;
    }
    return is_unsigned ? (int64_t)(uint64_t)q : (int64_t)q;
}

static void test_float_to_int(void)
{
    static const FloatRoundMode modes[] = {
        FLOAT_ROUND_NEAREST_EVEN, FLOAT_ROUND_UP,        FLOAT_ROUND_DOWN,
        FLOAT_ROUND_TO_ZERO,      FLOAT_ROUND_TIES_AWAY,
    };
    GRand *r = g_rand_new_with_seed(0xf21);
    int m, i;

    fesetround(FE_TONEAREST);
    for (m = 0; m < (int)ARRAY_SIZE(modes); m++) {
        FloatRoundMode rm = modes[m];

        for (i = 0; i < 20000; i++) {
            int scale = g_rand_boolean(r) ? 0 : g_rand_int_range(r, 0, 65);
            uint64_t d =
                rand_float(r, &t64, 1023 + g_rand_int_range(r, -3, 66) - scale);
            uint32_t f =
                rand_float(r, &t32, 127 + g_rand_int_range(r, -3, 66) - scale);
            double x[2] = {f64_of(d), f32_of(f)};
            int k;

            for (k = 0; k < 2; k++) {
                FloatStatus s[4];
                uint8_t wf[4];
                int64_t want[4], got[4];
                int j;

                for (j = 0; j < 4; j++) {
                    s[j] = arm_status(FLOAT_ROUND_NEAREST_EVEN);
                }
                want[0] = ref_to_int(x[k], scale, rm, -0x1p31, 0x1p31 - 1,
                                     &wf[0], false);
                want[1] = ref_to_int(x[k], scale, rm, -0x1p63, 0x1p63 - 1024,
                                     &wf[1], false);
                want[2] =
                    ref_to_int(x[k], scale, rm, 0, 0x1p32 - 1, &wf[2], true);
                want[3] =
                    ref_to_int(x[k], scale, rm, 0, 0x1p64 - 2048, &wf[3], true);
                /* The saturation bounds that doubles cannot hold: */
                if (wf[1] == F_INV && x[k] > 0) {
                    want[1] = INT64_MAX;
                }
                if (wf[3] == F_INV && x[k] > 0) {
                    want[3] = (int64_t)UINT64_MAX;
                }
                if (k == 0) {
                    got[0] = float64_to_int32(d, scale, rm, &s[0]);
                    got[1] = float64_to_int64(d, scale, rm, &s[1]);
                    got[2] = float64_to_uint32(d, scale, rm, &s[2]);
                    got[3] = (int64_t)float64_to_uint64(d, scale, rm, &s[3]);
                } else {
                    got[0] = float32_to_int32(f, scale, rm, &s[0]);
                    got[1] = float32_to_int64(f, scale, rm, &s[1]);
                    got[2] = float32_to_uint32(f, scale, rm, &s[2]);
                    got[3] = (int64_t)float32_to_uint64(f, scale, rm, &s[3]);
                }
                for (j = 0; j < 4; j++) {
                    if (got[j] != want[j] || s[j].flags != wf[j]) {
                        report("to_int", rm, k ? f : d, scale, j, want[j],
                               wf[j], got[j], s[j].flags);
                    }
                    g_assert_cmpint(got[j], ==, want[j]);
                    g_assert_cmphex(s[j].flags, ==, wf[j]);
                }
            }
        }
    }
    g_rand_free(r);
}

/* FPRoundInt (FRINT*) against libm, which rounds to integral exactly. */
static void test_round_to_int(void)
{
    static const FloatRoundMode modes[] = {
        FLOAT_ROUND_NEAREST_EVEN, FLOAT_ROUND_UP,        FLOAT_ROUND_DOWN,
        FLOAT_ROUND_TO_ZERO,      FLOAT_ROUND_TIES_AWAY,
    };
    GRand *r = g_rand_new_with_seed(0x7121);
    int m, i;

    fesetround(FE_TONEAREST);
    for (m = 0; m < (int)ARRAY_SIZE(modes); m++) {
        for (i = 0; i < 20000; i++) {
            uint64_t d =
                rand_float(r, &t64, 1023 + g_rand_int_range(r, -3, 56));
            uint32_t f = rand_float(r, &t32, 127 + g_rand_int_range(r, -3, 27));
            bool exact = g_rand_boolean(r);
            FloatStatus s1 = arm_status(FLOAT_ROUND_NEAREST_EVEN);
            FloatStatus s2 = arm_status(FLOAT_ROUND_NEAREST_EVEN);
            uint64_t want_d, got_d;
            uint32_t want_f, got_f;
            uint8_t wfd = 0, wff = 0;

            if (t_is_nan(&t64, d)) {
                /* FPProcessNaN: quieted, INVALID for a signalling NaN */
                want_d = d | (1ull << 51);
                wfd = (d >> 51) & 1 ? 0 : F_INV;
            } else {
                want_d = bits_f64(libm_round(f64_of(d), modes[m]));
                wfd = exact && want_d != d ? F_IX : 0;
            }
            if (t_is_nan(&t32, f)) {
                want_f = f | (1u << 22);
                wff = (f >> 22) & 1 ? 0 : F_INV;
            } else {
                want_f = bits_f32(libm_round(f32_of(f), modes[m]));
                wff = exact && want_f != f ? F_IX : 0;
            }
            got_d = float64_round_to_int(d, modes[m], exact, &s1);
            got_f = float32_round_to_int(f, modes[m], exact, &s2);
            g_assert_cmphex(got_d, ==, want_d);
            g_assert_cmphex(s1.flags, ==, wfd);
            g_assert_cmphex(got_f, ==, want_f);
            g_assert_cmphex(s2.flags, ==, wff);
        }
    }
    g_rand_free(r);
}

/* ------------------------------------------------------------------ */
/* 2. float16                                                          */

/*
 * IEEE 754-2008 3.4 binary16: value of a finite encoding (or, with @ahp,
 * Arm alternative half precision where exponent 31 is normal).  NaNs and
 * infinities are the caller's business.
 */
static double ref_f16_value(uint16_t h, bool ahp)
{
    int e = (h >> 10) & 31;
    int frac = h & 0x3ff;
    double v;

    g_assert(ahp || e != 31);
    v = e == 0 ? ldexp(frac, -24) : ldexp(frac | 0x400, e - 25);
    return (h & 0x8000) ? -v : v;
}

static void test_f16_to_wider_exhaustive(void)
{
    int h, ahp;

    for (ahp = 0; ahp < 2; ahp++) {
        for (h = 0; h < 0x10000; h++) {
            FloatStatus s1 = arm_status(FLOAT_ROUND_NEAREST_EVEN);
            FloatStatus s2 = arm_status(FLOAT_ROUND_NEAREST_EVEN);
            uint32_t want32;
            uint64_t want64;
            uint8_t wflags = 0;
            int e = (h >> 10) & 31, frac = h & 0x3ff;
            bool sign = h & 0x8000;

            s1.ahp = s2.ahp = ahp;
            /* input flushing never applies to the float16 side */
            s1.flush_inputs_to_zero = s2.flush_inputs_to_zero = true;
            if (e == 31 && !ahp && frac) {
                /* sign kept, payload at the top, quiet bit set */
                want32 = (sign ? 0x80000000u : 0) | 0x7fc00000u |
                         (uint32_t)frac << 13;
                want64 = (sign ? 1ull << 63 : 0) | 0x7ff8000000000000ull |
                         (uint64_t)frac << 42;
                wflags = (frac & 0x200) ? 0 : F_INV;
            } else if (e == 31 && !ahp) {
                want32 = bits_f32(sign ? -INFINITY : INFINITY);
                want64 = bits_f64(sign ? -INFINITY : INFINITY);
            } else {
                want32 = bits_f32(ref_f16_value(h, ahp));
                want64 = bits_f64(ref_f16_value(h, ahp));
            }
            g_assert_cmphex(float16_to_float32(h, &s1), ==, want32);
            g_assert_cmphex(s1.flags, ==, wflags);
            g_assert_cmphex(float16_to_float64(h, &s2), ==, want64);
            g_assert_cmphex(s2.flags, ==, wflags);
        }
    }
}

/*
 * Reference rounding of a finite double to float16 (Arm status: tininess
 * before rounding).  The candidates are the two neighbouring encodings
 * on the float16 grid, found by bisection over the monotonic positive
 * encodings; one past the largest finite encoding stands for 2^16 (2^17
 * with AHP), the next value with an unbounded exponent.
 */
static uint16_t ref_to_f16(double x, FloatRoundMode rm, bool ahp,
                           uint8_t *flags)
{
    double m = fabs(x), top = ahp ? 0x1p17 : 0x1p16;
    uint16_t sign = signbit(x) ? 0x8000 : 0;
    int maxcode = ahp ? 0x7fff : 0x7bff;
    int lo = 0, hi = maxcode, pick;
    double vlo, vhi, mid;
    bool up, neg = sign != 0;

    *flags = 0;
    if (m == 0) {
        return sign;
    }
    if (m >= top) {
        pick = maxcode + 1;
        vlo = top;
        goto overflow;
    }
    while (lo < hi) { /* largest code with value <= m */
        int c = (lo + hi + 1) / 2;

        if (ref_f16_value(c, true) <= m) {
            lo = c;
        } else {
            hi = c - 1;
        }
    }
    vlo = ref_f16_value(lo, true);
    if (vlo == m) {
        return sign | lo;
    }
    vhi = lo == maxcode ? top : ref_f16_value(lo + 1, true);
    mid = (vlo + vhi) / 2;
    switch (rm) {
    case FLOAT_ROUND_NEAREST_EVEN:
        up = m > mid || (m == mid && (lo & 1));
        break;
    case FLOAT_ROUND_TIES_AWAY:
        up = m >= mid;
        break;
    case FLOAT_ROUND_UP:
        up = !neg;
        break;
    case FLOAT_ROUND_DOWN:
        up = neg;
        break;
    case FLOAT_ROUND_TO_ODD:
        up = !(lo & 1);
        break;
    default:
        up = false;
        break;
    }
    pick = lo + up;
    if (m < 0x1p-14) {
        *flags |= F_UF;
    }
    if (pick > maxcode) {
        goto overflow;
    }
    *flags |= F_IX;
    return sign | pick;

overflow:
    if (ahp) {
        *flags = F_INV;
        return sign | 0x7fff;
    }
    *flags = F_OF | F_IX;
    switch (rm) {
    case FLOAT_ROUND_NEAREST_EVEN:
    case FLOAT_ROUND_TIES_AWAY:
        return sign | 0x7c00;
    case FLOAT_ROUND_UP:
        return sign | (neg ? 0x7bff : 0x7c00);
    case FLOAT_ROUND_DOWN:
        return sign | (neg ? 0x7c00 : 0x7bff);
    default:
        return sign | 0x7bff;
    }
}

static const FloatRoundMode all_modes[] = {
    FLOAT_ROUND_NEAREST_EVEN, FLOAT_ROUND_UP,        FLOAT_ROUND_DOWN,
    FLOAT_ROUND_TO_ZERO,      FLOAT_ROUND_TIES_AWAY, FLOAT_ROUND_TO_ODD,
};

static void test_to_f16(void)
{
    GRand *r = g_rand_new_with_seed(0x716);
    int m, i;

    fesetround(FE_TONEAREST);
    for (m = 0; m < (int)ARRAY_SIZE(all_modes); m++) {
        for (i = 0; i < 20000; i++) {
            /* near float16's range: exponents -30..+18 */
            uint32_t f =
                rand_float(r, &t32, 127 + g_rand_int_range(r, -30, 19));
            uint64_t d =
                rand_float(r, &t64, 1023 + g_rand_int_range(r, -30, 19));
            bool ahp = g_rand_boolean(r);
            FloatStatus s1 = arm_status(all_modes[m]);
            FloatStatus s2 = arm_status(all_modes[m]);
            uint8_t wf1, wf2;
            uint16_t w1, w2;

            if (bexp_of(&t32, f) == 255 || bexp_of(&t64, d) == 2047) {
                continue; /* NaN/Inf: hand-written tests */
            }
            s1.ahp = s2.ahp = ahp;
            w1 = ref_to_f16(f32_of(f), all_modes[m], ahp, &wf1);
            w2 = ref_to_f16(f64_of(d), all_modes[m], ahp, &wf2);
            g_assert_cmphex(float32_to_float16(f, &s1), ==, w1);
            g_assert_cmphex(s1.flags, ==, wf1);
            g_assert_cmphex(float64_to_float16(d, &s2), ==, w2);
            g_assert_cmphex(s2.flags, ==, wf2);
        }
    }
    g_rand_free(r);
}

/* float16 arithmetic through the host double and the reference rounding. */
static void test_f16_arith(void)
{
    GRand *r = g_rand_new_with_seed(0xa16);
    int m, i;
    TOp op;

    for (m = 0; m < (int)ARRAY_SIZE(host_modes); m++) {
        for (op = OP_ADD; op <= OP_SQRT; op++) {
            for (i = 0; i < 8000; i++) {
                uint16_t a = rand_float(r, &t16, g_rand_int_range(r, 1, 31));
                uint16_t b =
                    rand_float(r, &t16,
                               op <= OP_SUB ? bexp_of(&t16, a)
                                            : g_rand_int_range(r, 1, 31));
                FloatStatus s = arm_status(host_modes[m].rm);
                volatile double va, vb, vr = 0;
                uint16_t got, want;
                uint8_t wflags;

                if (bexp_of(&t16, a) == 31 || bexp_of(&t16, b) == 31 ||
                    (op == OP_DIV && (b & 0x7fff) == 0) ||
                    (op == OP_SQRT && (a & 0x8000) && (a & 0x7fff))) {
                    continue; /* special cases: hand-written tests */
                }
                va = ref_f16_value(a, false);
                vb = ref_f16_value(b, false);
                fesetround(host_modes[m].fe);
                switch (op) {
                case OP_ADD:
                    vr = va + vb;
                    break; /* exact */
                case OP_SUB:
                    vr = va - vb;
                    break; /* exact */
                case OP_MUL:
                    vr = va * vb;
                    break; /* exact */
                case OP_DIV:
                    vr = va / vb;
                    break;
                default:
                    vr = sqrt(va);
                    break;
                }
                fesetround(FE_TONEAREST);
                want = ref_to_f16(vr, host_modes[m].rm, false, &wflags);
                switch (op) {
                case OP_ADD:
                    got = float16_add(a, b, &s);
                    break;
                case OP_SUB:
                    got = float16_sub(a, b, &s);
                    break;
                case OP_MUL:
                    got = float16_mul(a, b, &s);
                    break;
                case OP_DIV:
                    got = float16_div(a, b, &s);
                    break;
                default:
                    got = float16_sqrt(a, &s);
                    break;
                }
                if (got != want || s.flags != wflags) {
                    report(op_names[op], m, a, b, 0, want, wflags, got,
                           s.flags);
                }
                g_assert_cmphex(got, ==, want);
                g_assert_cmphex(s.flags, ==, wflags);
            }
        }
    }
    g_rand_free(r);
}

/* ------------------------------------------------------------------ */
/* 3. Arm specifics, hand-derived from the Arm ARM pseudocode          */

/* Results and flags of one float32 operation under an Arm status. */
#define CHECK32(expr, s, want, wflags)                                         \
    do {                                                                       \
        (s).flags = 0;                                                         \
        g_assert_cmphex((expr), ==, (want));                                   \
        g_assert_cmphex((s).flags, ==, (wflags));                              \
    } while (0)

static void test_arm_default_nan(void)
{
    FloatStatus s = arm_status(FLOAT_ROUND_NEAREST_EVEN);
    const uint32_t inf = 0x7f800000, one = 0x3f800000, zero = 0;

    /* FPDefaultNaN: sign 0, exponent all ones, fraction 1000...0 */
    g_assert_cmphex(float32_default_nan(&s), ==, 0x7fc00000);
    g_assert_cmphex(float64_default_nan(&s), ==, 0x7ff8000000000000ull);
    g_assert_cmphex(float16_default_nan(&s), ==, 0x7e00);
    CHECK32(float32_mul(inf, zero, &s), s, 0x7fc00000, F_INV);
    CHECK32(float32_sub(inf, inf, &s), s, 0x7fc00000, F_INV);
    CHECK32(float32_add(inf, inf | 0x80000000, &s), s, 0x7fc00000, F_INV);
    CHECK32(float32_div(zero, zero, &s), s, 0x7fc00000, F_INV);
    CHECK32(float32_div(inf, inf, &s), s, 0x7fc00000, F_INV);
    CHECK32(float32_sqrt(one | 0x80000000, &s), s, 0x7fc00000, F_INV);
    /* sqrt(-0) = -0, no flags (FPSqrt zero case) */
    CHECK32(float32_sqrt(0x80000000, &s), s, 0x80000000, 0);
    /* 1/0 = +Inf with DZC; -1/+0 = -Inf */
    CHECK32(float32_div(one, zero, &s), s, inf, F_DZ);
    CHECK32(float32_div(one | 0x80000000, zero, &s), s, 0xff800000, F_DZ);
    /* Inf/0 is Inf without DZC */
    CHECK32(float32_div(inf, zero, &s), s, inf, 0);
}

static void test_arm_nan_propagation(void)
{
    FloatStatus s = arm_status(FLOAT_ROUND_NEAREST_EVEN);
    const uint32_t q1 = 0x7fc00001, q2 = 0xffc00002;
    const uint32_t s1 = 0x7f800011, s2 = 0xff800022, one = 0x3f800000;

    /* FPProcessNaN: a signalling NaN is quieted (fraction MSB set) */
    CHECK32(float32_add(s1, one, &s), s, 0x7fc00011, F_INV);
    CHECK32(float32_sqrt(s2, &s), s, 0xffc00022, F_INV);
    /* FPProcessNaNs: first SNaN wins over an earlier QNaN */
    CHECK32(float32_add(q1, s2, &s), s, 0xffc00022, F_INV);
    CHECK32(float32_mul(s1, s2, &s), s, 0x7fc00011, F_INV);
    /* two QNaNs: the first; no flags */
    CHECK32(float32_add(q2, q1, &s), s, q2, 0);
    CHECK32(float32_sub(one, q1, &s), s, q1, 0);
    /* FPSub returns op2's NaN unchanged (not negated) */
    CHECK32(float32_sub(one, q2, &s), s, q2, 0);
    /* FPMulAdd(addend=c, op1=a, op2=b): order c, a, b */
    CHECK32(float32_muladd(q1, one, q2, 0, &s), s, q2, 0);
    CHECK32(float32_muladd(s1, one, q2, 0, &s), s, 0x7fc00011, F_INV);
    CHECK32(float32_muladd(q1, s2, one, 0, &s), s, 0xffc00022, F_INV);
    /* Inf * 0 + QNaN: the default NaN and Invalid (FPMulAdd) */
    CHECK32(float32_muladd(0x7f800000, 0, q1, 0, &s), s, 0x7fc00000, F_INV);
    CHECK32(float32_muladd(0, 0xff800000, q2, 0, &s), s, 0x7fc00000, F_INV);
    /* FMSUB (negated product): FPNeg(op1) flips a NaN's sign too */
    CHECK32(float32_muladd(q1, one, one, FLOAT_MULADD_NEGATE_PRODUCT, &s), s,
            0xffc00001, 0);
    CHECK32(float32_muladd(one, one, q1, FLOAT_MULADD_NEGATE_C, &s), s,
            0xffc00001, 0);
    /* default NaN mode: any NaN result is the default NaN */
    s.default_nan_mode = true;
    CHECK32(float32_add(s1, one, &s), s, 0x7fc00000, F_INV);
    CHECK32(float32_add(q2, one, &s), s, 0x7fc00000, 0);
    /* float64 quieting and conversion of a NaN payload */
    s.default_nan_mode = false;
    s.flags = 0;
    g_assert_cmphex(float64_add(0x7ff0000000000001ull, 0, &s), ==,
                    0x7ff8000000000001ull);
    g_assert_cmphex(s.flags, ==, F_INV);
    /* FPConvertNaN: float32 0x7fa00001 -> top payload bits kept */
    CHECK32(float64_to_float32(0xfff4000000000000ull | (1ull << 29), &s), s,
            0xffe00001, F_INV);
    s.flags = 0;
    g_assert_cmphex(float32_to_float64(0x7f800001, &s), ==,
                    0x7ff8000020000000ull);
    g_assert_cmphex(s.flags, ==, F_INV);
}

static void test_arm_muladd(void)
{
    FloatStatus s = arm_status(FLOAT_ROUND_NEAREST_EVEN);
    const uint32_t one = 0x3f800000, two = 0x40000000, three = 0x40400000;

    /* 2*3 + 1 = 7 */
    CHECK32(float32_muladd(two, three, one, 0, &s), s, 0x40e00000, 0);
    /* FMSUB: 1 - 2*3 = -5 */
    CHECK32(float32_muladd(two, three, one, FLOAT_MULADD_NEGATE_PRODUCT, &s), s,
            0xc0a00000, 0);
    /* FNMSUB: -1 + 2*3 = 5 */
    CHECK32(float32_muladd(two, three, one, FLOAT_MULADD_NEGATE_C, &s), s,
            0x40a00000, 0);
    /* FNMADD: -1 - 2*3 = -7 */
    CHECK32(float32_muladd(two, three, one,
                           FLOAT_MULADD_NEGATE_C | FLOAT_MULADD_NEGATE_PRODUCT,
                           &s),
            s, 0xc0e00000, 0);
    /*
     * Single rounding: (1 + 2^-23)^2 - (1 + 2^-22) = 2^-46 exactly, which a
     * separately rounded product (1 + 2^-22) would lose.
     */
    CHECK32(float32_muladd(0x3f800001, 0x3f800001, 0xbf800002, 0, &s), s,
            0x28800000, 0);
    /* exact zero: +0 in round-to-nearest, -0 rounding down */
    CHECK32(float32_muladd(one, one, 0xbf800000, 0, &s), s, 0, 0);
    s.rounding_mode = FLOAT_ROUND_DOWN;
    CHECK32(float32_muladd(one, one, 0xbf800000, 0, &s), s, 0x80000000, 0);
    /* -0 * 1 + -0 = -0 in any mode; +0 * 1 + -0 = -0 rounding down */
    CHECK32(float32_muladd(0x80000000, one, 0x80000000, 0, &s), s, 0x80000000,
            0);
    s.rounding_mode = FLOAT_ROUND_NEAREST_EVEN;
    CHECK32(float32_muladd(0, one, 0x80000000, 0, &s), s, 0, 0);
    /* Inf*2 + -Inf: Invalid */
    CHECK32(float32_muladd(0x7f800000, two, 0xff800000, 0, &s), s, 0x7fc00000,
            F_INV);
    /* NEGATE_RESULT: -(2*3 + 1) = -7; a NaN result is not negated */
    CHECK32(float32_muladd(two, three, one, FLOAT_MULADD_NEGATE_RESULT, &s), s,
            0xc0e00000, 0);
    CHECK32(
        float32_muladd(0x7fc00001, three, one, FLOAT_MULADD_NEGATE_RESULT, &s),
        s, 0x7fc00001, 0);
    /* FRSQRTS shape: (3 - 1*1) / 2 = 1 */
    CHECK32(float32_muladd(
                one, one, three,
                FLOAT_MULADD_NEGATE_PRODUCT | FLOAT_MULADD_HALVE_RESULT, &s),
            s, one, 0);
    /*
     * HALVE_RESULT rounds once: 2^-126 + 2^-75 * 2^-75 = 2^-126 + 2^-150
     * halves to 2^-127 + 2^-151, tiny and inexact: 2^-127, UFC|IXC.
     * Without halving the sum is normal: 2^-126 with IXC only.
     */
    CHECK32(float32_muladd(0x1a000000, 0x1a000000, 0x00800000,
                           FLOAT_MULADD_HALVE_RESULT, &s),
            s, 0x00400000, F_UF | F_IX);
    CHECK32(float32_muladd(0x1a000000, 0x1a000000, 0x00800000, 0, &s), s,
            0x00800000, F_IX);
}

/* The x86 NaN rule (x86 SDM 4.8.3.5), which the host test relies on. */
static void test_x86_nan_rule(void)
{
    FloatStatus s = x86_status(FLOAT_ROUND_NEAREST_EVEN);

    /* first operand's NaN even if the second is signalling */
    CHECK32(float32_add(0x7fc00001, 0x7f800002, &s), s, 0x7fc00001, F_INV);
    CHECK32(float32_add(0x3f800000, 0x7f800002, &s), s, 0x7fc00002, F_INV);
    /* default NaN is negative */
    CHECK32(float32_mul(0x7f800000, 0, &s), s, 0xffc00000, F_INV);
    /* Inf * 0 + QNaN: the NaN, no Invalid, as the host FPU does */
    CHECK32(float32_muladd(0x7f800000, 0, 0x7fc00123, 0, &s), s, 0x7fc00123, 0);
    fesetround(FE_TONEAREST);
    feclearexcept(FE_ALL_EXCEPT);
    g_assert_cmphex(host_op(&t32, OP_FMA, 0x7f800000, 0, 0x7fc00123), ==,
                    0x7fc00123);
    g_assert_cmphex(host_flags(), ==, 0);
}

static void test_arm_flush_to_zero(void)
{
    FloatStatus s = arm_status(FLOAT_ROUND_NEAREST_EVEN);
    const uint32_t half = 0x3f000000, minnorm = 0x00800000, one = 0x3f800000;

    /* without FZ: 0.5 * 2^-126 = 2^-127 = subnormal 0x00400000, exact */
    CHECK32(float32_mul(half, minnorm, &s), s, 0x00400000, 0);
    /* FZ: the result is below 2^-126, flushed to +0 with UFC only */
    s.flush_to_zero = true;
    s.flush_inputs_to_zero = true;
    CHECK32(float32_mul(half, minnorm, &s), s, 0, F_UF);
    CHECK32(float32_mul(half | 0x80000000, minnorm, &s), s, 0x80000000, F_UF);
    /* FZ input: a subnormal reads as zero of its sign and sets IDC */
    CHECK32(float32_add(0x00000001, 0, &s), s, 0, F_ID);
    CHECK32(float32_mul(0x80000001, one, &s), s, 0x80000000, F_ID);
    CHECK32(float32_compare(0x00000001, 0x80000002, &s), s,
            FLOAT_RELATION_EQUAL, F_ID);
    /* a flushed divisor divides by zero */
    CHECK32(float32_div(one, 0x00000010, &s), s, 0x7f800000, F_ID | F_DZ);
    /*
     * (1 + 2^-23) * (1 - 2^-23) * 2^-126 = 2^-126 - 2^-172: below the
     * normal range before rounding, so FZ flushes it although it rounds
     * to 2^-126.  Operand 0x007fffff is subnormal: flush outputs only.
     */
    s.flush_inputs_to_zero = false;
    CHECK32(float32_mul(0x3f800001, 0x007fffff, &s), s, 0, F_UF);
    /* without FZ, tininess before rounding: UFC and IXC, rounds up */
    s.flush_to_zero = false;
    CHECK32(float32_mul(0x3f800001, 0x007fffff, &s), s, 0x00800000,
            F_UF | F_IX);
    /* tininess after rounding (x86): not tiny, only inexact */
    s.tininess_before_rounding = false;
    CHECK32(float32_mul(0x3f800001, 0x007fffff, &s), s, 0x00800000, F_IX);
    /* float64 -> float32 with FZ: 2^-130 flushed, UFC */
    s.flush_to_zero = true;
    CHECK32(float64_to_float32(0x37d0000000000000ull, &s), s, 0, F_UF);
    /* float16 arithmetic follows the status's flush settings */
    s.flush_inputs_to_zero = true;
    s.flush_to_zero = true;
    s.flags = 0;
    g_assert_cmphex(float16_add(0x8001, 0x8000, &s), ==, 0x8000);
    g_assert_cmphex(s.flags, ==, F_ID);
    /* float16 side of a conversion is never flushed (FPConvert) */
    s.flush_inputs_to_zero = true;
    CHECK32(float16_to_float32(0x0001, &s), s, 0x33800000, 0);
    s.flags = 0;
    g_assert_cmphex(float32_to_float16(0x33800000, &s), ==, 0x0001);
    g_assert_cmphex(s.flags, ==, 0);
}

static void test_arm_minmax(void)
{
    FloatStatus s = arm_status(FLOAT_ROUND_NEAREST_EVEN);
    const uint32_t q1 = 0x7fc00001, s1 = 0x7f800001, one = 0x3f800000;
    const uint32_t two = 0x40000000;

    /* FMINNM/FMAXNM: a quiet NaN loses against a number */
    CHECK32(float32_minnum(q1, one, &s), s, one, 0);
    CHECK32(float32_maxnum(one, q1, &s), s, one, 0);
    CHECK32(float32_minnum(q1, 0xff800000, &s), s, 0xff800000, 0);
    /* ... but not a signalling NaN */
    CHECK32(float32_minnum(s1, one, &s), s, 0x7fc00001, F_INV);
    CHECK32(float32_maxnum(q1, s1 | 0x80000000, &s), s, 0xffc00001, F_INV);
    /* two quiet NaNs: the first */
    CHECK32(float32_maxnum(q1, 0x7fc00002, &s), s, q1, 0);
    /* FMIN/FMAX propagate NaNs */
    CHECK32(float32_min(q1, one, &s), s, q1, 0);
    CHECK32(float32_max(one, q1, &s), s, q1, 0);
    /* -0 < +0 */
    CHECK32(float32_min(0, 0x80000000, &s), s, 0x80000000, 0);
    CHECK32(float32_max(0x80000000, 0, &s), s, 0, 0);
    CHECK32(float32_minnum(0x80000000, 0, &s), s, 0x80000000, 0);
    CHECK32(float32_max(one, two, &s), s, two, 0);
    CHECK32(float32_min(one | 0x80000000, two, &s), s, 0xbf800000, 0);
    CHECK32(float32_max(0xff800000, 0xc0000000, &s), s, 0xc0000000, 0);
    /* compares */
    CHECK32(float32_compare(one, two, &s), s, FLOAT_RELATION_LESS, 0);
    CHECK32(float32_compare(0x80000000, 0, &s), s, FLOAT_RELATION_EQUAL, 0);
    CHECK32(float32_compare(0xff800000, 0xc0000000, &s), s, FLOAT_RELATION_LESS,
            0);
    CHECK32(float32_compare(q1, one, &s), s, FLOAT_RELATION_UNORDERED, 0);
    CHECK32(float32_compare(s1, one, &s), s, FLOAT_RELATION_UNORDERED, F_INV);
    CHECK32(float32_compare_signaling(q1, one, &s), s, FLOAT_RELATION_UNORDERED,
            F_INV);
    CHECK32(float32_compare_signaling(two, one, &s), s, FLOAT_RELATION_GREATER,
            0);
}

static void test_arm_round_modes(void)
{
    FloatStatus s = arm_status(FLOAT_ROUND_TO_ODD);

    /* round to odd: 1 + 2^-30 -> 1 + 2^-23 (odd), inexact */
    CHECK32(float64_to_float32(0x3ff0000004000000ull, &s), s, 0x3f800001, F_IX);
    /* 1 + 2^-22 + 2^-30 -> 1 + 2^-22 + 2^-23 */
    CHECK32(float64_to_float32(0x3ff0000044000000ull, &s), s, 0x3f800003, F_IX);
    /* exact values are unchanged */
    CHECK32(float64_to_float32(0x3ff0000000000000ull, &s), s, 0x3f800000, 0);
    /* overflow: never to infinity */
    CHECK32(float64_to_float32(0x4c70000000000000ull, &s), s, 0x7f7fffff,
            F_OF | F_IX);
    /* ties-away: 1 + 2^-24 is halfway between 1 and 1 + 2^-23 */
    s.rounding_mode = FLOAT_ROUND_TIES_AWAY;
    CHECK32(float64_to_float32(0x3ff0000010000000ull, &s), s, 0x3f800001, F_IX);
    s.rounding_mode = FLOAT_ROUND_NEAREST_EVEN;
    CHECK32(float64_to_float32(0x3ff0000010000000ull, &s), s, 0x3f800000, F_IX);
    /* FRINTA / FRINTN / FRINTX on 2.5 and -2.5 */
    CHECK32(float32_round_to_int(0x40200000, FLOAT_ROUND_TIES_AWAY, false, &s),
            s, 0x40400000, 0);
    CHECK32(float32_round_to_int(0xc0200000, FLOAT_ROUND_TIES_AWAY, true, &s),
            s, 0xc0400000, F_IX);
    CHECK32(
        float32_round_to_int(0x40200000, FLOAT_ROUND_NEAREST_EVEN, true, &s), s,
        0x40000000, F_IX);
    /* -0.25 rounds to -0 */
    CHECK32(float32_round_to_int(0xbe800000, FLOAT_ROUND_UP, true, &s), s,
            0x80000000, F_IX);
    /* overflow to max normal rounding toward zero; to Inf to nearest */
    s.rounding_mode = FLOAT_ROUND_TO_ZERO;
    CHECK32(float32_mul(0x7f000000, 0x40000000, &s), s, 0x7f7fffff,
            F_OF | F_IX);
    s.rounding_mode = FLOAT_ROUND_NEAREST_EVEN;
    CHECK32(float32_mul(0x7f000000, 0x40000000, &s), s, 0x7f800000,
            F_OF | F_IX);
}

static void test_arm_fixed_point(void)
{
    FloatStatus s = arm_status(FLOAT_ROUND_NEAREST_EVEN);
    const FloatRoundMode rz = FLOAT_ROUND_TO_ZERO;

    /* FCVTZS with fbits: 1.5 * 2^1 = 3; 0.75 * 2^2 = 3 */
    CHECK32(float32_to_int32(0x3fc00000, 1, rz, &s), s, 3, 0);
    CHECK32(float32_to_int32(0x3f400000, 2, rz, &s), s, 3, 0);
    /* 0.75 * 2^1 = 1.5 -> 1 toward zero, inexact */
    CHECK32(float32_to_int32(0x3f400000, 1, rz, &s), s, 1, F_IX);
    /* saturation: 2^31 -> INT32_MAX; -2^31 is exact */
    CHECK32(float32_to_int32(0x4f000000, 0, rz, &s), s, INT32_MAX, F_INV);
    CHECK32(float32_to_int32(0xcf000000, 0, rz, &s), s, INT32_MIN, 0);
    CHECK32(float32_to_int32(0xff800000, 0, rz, &s), s, INT32_MIN, F_INV);
    /* NaN -> 0, Invalid */
    CHECK32(float32_to_int32(0x7fc00000, 0, rz, &s), s, 0, F_INV);
    CHECK32(float32_to_uint64(0xffc00000, 0, rz, &s), s, 0, F_INV);
    /* unsigned: -1 saturates to 0 (Invalid); -0.5 truncates to 0 */
    CHECK32(float32_to_uint32(0xbf800000, 0, rz, &s), s, 0, F_INV);
    CHECK32(float32_to_uint32(0xbf000000, 0, rz, &s), s, 0, F_IX);
    CHECK32(float32_to_uint32(0x4f800000, 0, rz, &s), s, UINT32_MAX, F_INV);
    /* 1.0 with 64 fraction bits is 2^64: saturates */
    s.flags = 0;
    g_assert_cmpint(float64_to_int64(0x3ff0000000000000ull, 64, rz, &s), ==,
                    INT64_MAX);
    g_assert_cmphex(s.flags, ==, F_INV);
    /* 0.5 * 2^64 = 2^63: fits u64 exactly */
    s.flags = 0;
    g_assert_cmphex(float64_to_uint64(0x3fe0000000000000ull, 64, rz, &s), ==,
                    1ull << 63);
    g_assert_cmphex(s.flags, ==, 0);
    /* SCVTF with fbits: 1 / 2^1 = 0.5; -3 / 2^2 = -0.75 */
    CHECK32(int32_to_float32(1, 1, &s), s, 0x3f000000, 0);
    CHECK32(int32_to_float32(-3, 2, &s), s, 0xbf400000, 0);
    /* (2^64 - 1) / 2^64 rounds to 1.0 */
    s.flags = 0;
    g_assert_cmphex(uint64_to_float64(UINT64_MAX, 64, &s), ==,
                    0x3ff0000000000000ull);
    g_assert_cmphex(s.flags, ==, F_IX);
    /* 0 -> +0 */
    CHECK32(int64_to_float32(0, 3, &s), s, 0, 0);
    /* half precision: 65519 -> 65504; 65520 -> Inf (overflow) */
    CHECK32(int32_to_float16(65519, 0, &s), s, 0x7bff, F_IX);
    CHECK32(int32_to_float16(65520, 0, &s), s, 0x7c00, F_OF | F_IX);
    CHECK32(float16_to_int32(0x5640, 0, rz, &s), s, 100, 0);
}

static void test_arm_ahp(void)
{
    FloatStatus s = arm_status(FLOAT_ROUND_NEAREST_EVEN);

    s.ahp = true;
    /* AHP has no Inf/NaN: Inf saturates, NaN becomes zero; both Invalid */
    CHECK32(float32_to_float16(0x7f800000, &s), s, 0x7fff, F_INV);
    CHECK32(float32_to_float16(0xff800000, &s), s, 0xffff, F_INV);
    CHECK32(float32_to_float16(0xffc00000, &s), s, 0x8000, F_INV);
    /* 65536 = 2^16 is exponent field 31 in AHP */
    CHECK32(float32_to_float16(0x47800000, &s), s, 0x7c00, 0);
    /* 2^17 is out of range: saturate, Invalid, no Inexact */
    CHECK32(float32_to_float16(0x48000000, &s), s, 0x7fff, F_INV);
    /* decoding: 0x7fff is 2^16 * (2 - 2^-10) = 131008 */
    CHECK32(float16_to_float32(0x7fff, &s), s, 0x47ffe000, 0);
    /* IEEE half: 0x7c00 is Inf, 0x7e00 the default NaN */
    s.ahp = false;
    CHECK32(float16_to_float32(0x7c00, &s), s, 0x7f800000, 0);
    CHECK32(float32_to_float16(0x7fc00000, &s), s, 0x7e00, 0);
    CHECK32(float32_to_float16(0x7f800001, &s), s, 0x7e00, F_INV);
    /* float16 arithmetic */
    CHECK32(float16_add(0x3c00, 0x3c00, &s), s, 0x4000, 0);
    CHECK32(float16_muladd(0x4000, 0x4200, 0x3c00, 0, &s), s, 0x4700, 0);
    CHECK32(float16_sqrt(0x4400, &s), s, 0x4000, 0);
    CHECK32(float16_mul(0x7bff, 0x4000, &s), s, 0x7c00, F_OF | F_IX);
    CHECK32(float16_muladd(0x7c00, 0, 0x7e01, 0, &s), s, 0x7e00, F_INV);
}

/* Two statuses never share state: flags and modes stay per status. */
static void test_status_independent(void)
{
    FloatStatus a = arm_status(FLOAT_ROUND_UP);
    FloatStatus b = arm_status(FLOAT_ROUND_DOWN);

    /* 1 + 2^-30 rounds up to 1 + 2^-23 with a, down to 1 with b */
    g_assert_cmphex(float64_to_float32(0x3ff0000004000000ull, &a), ==,
                    0x3f800001);
    g_assert_cmphex(float64_to_float32(0x3ff0000004000000ull, &b), ==,
                    0x3f800000);
    g_assert_cmphex(a.flags, ==, F_IX);
    b.flags = 0;
    g_assert_cmphex(float32_add(0x3f800000, 0x3f800000, &b), ==, 0x40000000);
    g_assert_cmphex(b.flags, ==, 0);
    g_assert_cmphex(a.flags, ==, F_IX);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/softfloat/host/arith32", test_host_arith32);
    g_test_add_func("/softfloat/host/arith64", test_host_arith64);
    g_test_add_func("/softfloat/host/float-convert", test_host_float_convert);
    g_test_add_func("/softfloat/host/compare", test_host_compare);
    g_test_add_func("/softfloat/host/int-to-float", test_host_int_to_float);
    g_test_add_func("/softfloat/libm/float-to-int", test_float_to_int);
    g_test_add_func("/softfloat/libm/round-to-int", test_round_to_int);
    g_test_add_func("/softfloat/f16/to-wider", test_f16_to_wider_exhaustive);
    g_test_add_func("/softfloat/f16/from-wider", test_to_f16);
    g_test_add_func("/softfloat/f16/arith", test_f16_arith);
    g_test_add_func("/softfloat/arm/default-nan", test_arm_default_nan);
    g_test_add_func("/softfloat/arm/nan-propagation", test_arm_nan_propagation);
    g_test_add_func("/softfloat/arm/muladd", test_arm_muladd);
    g_test_add_func("/softfloat/x86-nan-rule", test_x86_nan_rule);
    g_test_add_func("/softfloat/arm/flush-to-zero", test_arm_flush_to_zero);
    g_test_add_func("/softfloat/arm/minmax", test_arm_minmax);
    g_test_add_func("/softfloat/arm/round-modes", test_arm_round_modes);
    g_test_add_func("/softfloat/arm/fixed-point", test_arm_fixed_point);
    g_test_add_func("/softfloat/arm/ahp", test_arm_ahp);
    g_test_add_func("/softfloat/status-independent", test_status_independent);
    return g_test_run();
}
