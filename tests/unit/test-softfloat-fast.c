/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Tests for the host-FPU fast paths of util/softfloat (softfloat-fast.h).
 *
 * The fast paths must be invisible: for every operand and every status,
 * float32/float64 add, sub, mul, div, sqrt and muladd must give the same
 * bits and leave the same flags whether the status allows the host FPU
 * or not (FloatStatus.no_host_fpu, which forces the pure soft-float).
 * 1. Random differential runs, a few million operations: operands biased
 *    towards the places where a fast path must decline or compute its
 *    inexact flag exactly (results near the overflow threshold, results
 *    that round to the smallest normal, exact results from short
 *    significands, exact zeros, subnormals, Inf/NaN, heavy cancellation),
 *    under random statuses (all six rounding modes, FZ on/off, DN, Arm
 *    and x86 rules, INEXACT already set or not).  White-box: the test
 *    also calls the fast paths directly and requires that they accepted
 *    a good share of the operands, so a fast path that never fires (or
 *    fires and is wrong) fails here.
 * 2. Hand-derived vectors with their flags, and the host-environment
 *    guard: with the host in round-up mode the result must still be the
 *    round-to-nearest one.
 */
#include "util/softfloat.h"
#include "softfloat-fast.h"

#include <fenv.h>
#include <float.h>

typedef enum TOp {
    OP_ADD, OP_SUB, OP_MUL, OP_DIV, OP_SQRT, OP_FMA, OP_COUNT,
} TOp;

static const char *const op_names[OP_COUNT] = {
    "add", "sub", "mul", "div", "sqrt", "muladd",
};

/* One binary format under test. */
typedef struct TFmt {
    int n;       /* width in bits: 32 or 64 */
    int fb;      /* trailing significand bits */
    int emaxb;   /* largest biased exponent of a finite number */
    int bias;
} TFmt;

static const TFmt t32 = {.n = 32, .fb = 23, .emaxb = 254, .bias = 127};
static const TFmt t64 = {.n = 64, .fb = 52, .emaxb = 2046, .bias = 1023};

/* ------------------------------------------------------------------ */
/* Operand generation                                                  */

static uint64_t rand64(GRand *r)
{
    return (uint64_t)g_rand_int(r) << 32 | g_rand_int(r);
}

/*
 * A significand of @t: random, or only its top few bits random (so that
 * sums and products are often exact), or all ones (so that results sit
 * just below a power of two).
 */
static uint64_t rand_frac(GRand *r, const TFmt *t)
{
    uint64_t f = rand64(r) & ((1ull << t->fb) - 1);
    int k;

    switch (g_rand_int_range(r, 0, 8)) {
    case 0:
    case 1:
        k = g_rand_int_range(r, 0, 8);
        return f & ~((1ull << (t->fb - k)) - 1);
    case 2:
        return (1ull << t->fb) - 1;
    default:
        return f;
    }
}

/* A number with biased exponent @e (clamped: 0 gives a subnormal). */
static uint64_t rand_with_exp(GRand *r, const TFmt *t, int e)
{
    uint64_t sign = g_rand_boolean(r) ? 1ull << (t->n - 1) : 0;

    if (e < 0) {
        e = 0;
    }
    if (e > t->emaxb) {
        e = t->emaxb;
    }
    return sign | (uint64_t)e << t->fb | rand_frac(r, t);
}

/* Occasionally an exact zero, a subnormal, an infinity or a NaN. */
static uint64_t maybe_special(GRand *r, const TFmt *t, uint64_t v)
{
    uint64_t sign = g_rand_boolean(r) ? 1ull << (t->n - 1) : 0;
    uint64_t inf = (uint64_t)(t->emaxb + 1) << t->fb;

    switch (g_rand_int_range(r, 0, 64)) {
    case 0:
    case 1:
        return sign;                                    /* +-0 */
    case 2:
        return sign | (rand64(r) & ((1ull << t->fb) - 1)) | 1;
    case 3:
        return sign | inf;
    case 4:
        return sign | inf | 1ull << (t->fb - 1) | (rand64(r) & 0xff);
    case 5:
        return sign | inf | 1;                          /* signalling */
    default:
        return v;
    }
}

/* A target exponent for a result: anywhere, or near a range boundary. */
static int rand_target(GRand *r, const TFmt *t)
{
    switch (g_rand_int_range(r, 0, 4)) {
    case 0:
        return g_rand_int_range(r, -2, 4);              /* near 2^emin */
    case 1:
        return t->emaxb + g_rand_int_range(r, -2, 3);   /* near overflow */
    default:
        return g_rand_int_range(r, 1, t->emaxb + 1);
    }
}

static int bexp(const TFmt *t, uint64_t v)
{
    return (int)((v >> t->fb) & (uint64_t)(t->emaxb + 1));
}

static double host_val(const TFmt *t, uint64_t v)
{
    if (t->n == 32) {
        uint32_t w = (uint32_t)v;
        float f;

        memcpy(&f, &w, sizeof(f));
        return f;
    }
    double d;

    memcpy(&d, &v, sizeof(d));
    return d;
}

static uint64_t host_bits(const TFmt *t, double d)
{
    if (t->n == 32) {
        float f = (float)d;
        uint32_t w;

        memcpy(&w, &f, sizeof(w));
        return w;
    }
    uint64_t v;

    memcpy(&v, &d, sizeof(v));
    return v;
}

/* Step @v by @k units in the last place (same sign, finite or not). */
static uint64_t ulp_step(uint64_t v, int k)
{
    return v + (int64_t)k;
}

/*
 * For mul and div: b chosen with the host so that a * b (or a / b) lands
 * within a couple of ulps of the smallest or largest normal.
 */
static uint64_t boundary_partner(GRand *r, const TFmt *t, TOp op,
                                 uint64_t a)
{
    double lo = t->n == 32 ? FLT_MIN : DBL_MIN;
    double hi = t->n == 32 ? FLT_MAX : DBL_MAX;
    volatile double x = fabs(host_val(t, a));
    volatile double target = g_rand_boolean(r) ? lo : hi;
    double y = op == OP_MUL || op == OP_FMA ? target / x : x / target;
    uint64_t b;

    if (t->n == 32) {
        /* float quotient of the float operands, rounded once */
        volatile float fx = (float)x, ft = (float)target;
        float fy = op == OP_MUL || op == OP_FMA ? ft / fx : fx / ft;

        y = fy;
    }
    b = host_bits(t, y) & ~(1ull << (t->n - 1));
    if (bexp(t, b) == 0 || bexp(t, b) > t->emaxb) {
        return rand_with_exp(r, t, g_rand_int_range(r, 1, t->emaxb));
    }
    b = ulp_step(b, g_rand_int_range(r, -2, 3));
    return b | (g_rand_boolean(r) ? 1ull << (t->n - 1) : 0);
}

static void gen_operands(GRand *r, const TFmt *t, TOp op, uint64_t *a,
                         uint64_t *b, uint64_t *c)
{
    int ea = g_rand_int_range(r, 1, t->emaxb + 1);
    int tgt = rand_target(r, t);

    *a = rand_with_exp(r, t, ea);
    switch (op) {
    case OP_ADD:
    case OP_SUB:
        *b = rand_with_exp(r, t, ea + g_rand_int_range(r, -t->fb - 3,
                                                       t->fb + 4));
        if (g_rand_int_range(r, 0, 4) == 0) {
            /* near-cancellation: b = +-a moved by a few ulps */
            *b = ulp_step(*a, g_rand_int_range(r, -3, 4)) ^
                 (g_rand_boolean(r) ? 1ull << (t->n - 1) : 0);
        }
        break;
    case OP_MUL:
    case OP_FMA:
        *b = rand_with_exp(r, t, tgt - ea + t->bias);
        break;
    case OP_DIV:
        *b = rand_with_exp(r, t, ea - tgt + t->bias);
        break;
    default:
        *b = 0;
        break;
    }
    if ((op == OP_MUL || op == OP_DIV || op == OP_FMA) &&
        g_rand_int_range(r, 0, 4) == 0) {
        *a = rand_with_exp(r, t, t->bias + g_rand_int_range(r, -2, 3));
        *b = boundary_partner(r, t, op, *a);
    }
    *c = rand_with_exp(r, t, bexp(t, *a) + bexp(t, *b) - t->bias +
                                 g_rand_int_range(r, -3, 4));
    if (op == OP_FMA && g_rand_int_range(r, 0, 4) == 0) {
        /* minus the rounded product, moved by a few ulps: cancellation */
        volatile double p = host_val(t, *a) * host_val(t, *b);

        *c = ulp_step(host_bits(t, p), g_rand_int_range(r, -2, 3)) ^
             1ull << (t->n - 1);
    }
    *a = maybe_special(r, t, *a);
    *b = maybe_special(r, t, *b);
    *c = maybe_special(r, t, *c);
    if (t->n == 32) {
        *a &= 0xffffffffu;
        *b &= 0xffffffffu;
        *c &= 0xffffffffu;
    }
}

/* A random status: every rounding mode, FZ, DN, Arm or x86 rules. */
static FloatStatus rand_status(GRand *r)
{
    static const FloatRoundMode modes[] = {
        FLOAT_ROUND_UP, FLOAT_ROUND_DOWN, FLOAT_ROUND_TO_ZERO,
        FLOAT_ROUND_TIES_AWAY, FLOAT_ROUND_TO_ODD,
    };
    FloatStatus s;
    bool fz = g_rand_int_range(r, 0, 4) == 0;

    float_status_init_arm(&s);
    if (g_rand_int_range(r, 0, 3) == 0) {
        s.rounding_mode = modes[g_rand_int_range(r, 0, ARRAY_SIZE(modes))];
    }
    s.flush_to_zero = fz;
    s.flush_inputs_to_zero = fz;
    s.default_nan_mode = g_rand_int_range(r, 0, 4) == 0;
    if (g_rand_int_range(r, 0, 4) == 0) {
        s.nan_rule = FLOAT_NAN_RULE_X86;
        s.tininess_before_rounding = false;
        s.default_nan_negative = true;
    }
    s.flags = g_rand_int_range(r, 0, 64) & g_rand_int_range(r, 0, 64);
    if (g_rand_boolean(r)) {
        s.flags |= FLOAT_FLAG_INEXACT;
    }
    return s;
}

/* ------------------------------------------------------------------ */
/* Running one operation                                               */

static uint64_t run_op(const TFmt *t, TOp op, uint64_t a, uint64_t b,
                       uint64_t c, int mflags, FloatStatus *s)
{
    if (t->n == 32) {
        float32 x = (float32)a, y = (float32)b, z = (float32)c;

        switch (op) {
        case OP_ADD: return float32_add(x, y, s);
        case OP_SUB: return float32_sub(x, y, s);
        case OP_MUL: return float32_mul(x, y, s);
        case OP_DIV: return float32_div(x, y, s);
        case OP_SQRT: return float32_sqrt(x, s);
        default: return float32_muladd(x, y, z, mflags, s);
        }
    }
    switch (op) {
    case OP_ADD: return float64_add(a, b, s);
    case OP_SUB: return float64_sub(a, b, s);
    case OP_MUL: return float64_mul(a, b, s);
    case OP_DIV: return float64_div(a, b, s);
    case OP_SQRT: return float64_sqrt(a, s);
    default: return float64_muladd(a, b, c, mflags, s);
    }
}

/* The fast path alone (white box): did it accept the operands? */
static bool run_fast(const TFmt *t, TOp op, uint64_t a, uint64_t b,
                     uint64_t c, int mflags, FloatStatus *s, uint64_t *res)
{
    if (t->n == 32) {
        float32 x = (float32)a, y = (float32)b, z = (float32)c, rr = 0;
        bool ok;

        switch (op) {
        case OP_ADD: ok = softfloat_fast_add32(x, y, s, &rr); break;
        case OP_SUB:
            ok = softfloat_fast_add32(x, y ^ 0x80000000u, s, &rr);
            break;
        case OP_MUL: ok = softfloat_fast_mul32(x, y, s, &rr); break;
        case OP_DIV: ok = softfloat_fast_div32(x, y, s, &rr); break;
        case OP_SQRT: ok = softfloat_fast_sqrt32(x, s, &rr); break;
        default: ok = softfloat_fast_muladd32(x, y, z, mflags, s, &rr); break;
        }
        *res = rr;
        return ok;
    }
    switch (op) {
    case OP_ADD: return softfloat_fast_add64(a, b, s, res);
    case OP_SUB:
        return softfloat_fast_add64(a, b ^ (1ull << 63), s, res);
    case OP_MUL: return softfloat_fast_mul64(a, b, s, res);
    case OP_DIV: return softfloat_fast_div64(a, b, s, res);
    case OP_SQRT: return softfloat_fast_sqrt64(a, s, res);
    default: return softfloat_fast_muladd64(a, b, c, mflags, s, res);
    }
}

static void fail(const TFmt *t, TOp op, uint64_t a, uint64_t b, uint64_t c,
                 int mflags, const FloatStatus *s0, uint64_t want,
                 unsigned wflags, uint64_t got, unsigned gflags)
{
    g_test_message("float%d_%s(%#" PRIx64 ", %#" PRIx64 ", %#" PRIx64
                   ", mflags %d) rm %d fz %d dn %d rule %d flags-in %#x: "
                   "soft %#" PRIx64 " flags %#x, fast %#" PRIx64
                   " flags %#x", t->n, op_names[op], a, b, c, mflags,
                   s0->rounding_mode, s0->flush_to_zero,
                   s0->default_nan_mode, s0->nan_rule, s0->flags, want,
                   wflags, got, gflags);
}

/*
 * @iters random operations of @op on @t; returns how many the fast path
 * accepted (its own result and flags checked against the soft-float).
 */
static unsigned check_op(const TFmt *t, TOp op, int iters)
{
    GRand *r = g_rand_new_with_seed(0xfa57 + op * 131 + t->n);
    unsigned hits = 0;

    for (int i = 0; i < iters; i++) {
        uint64_t a, b, c, want, got, fres;
        FloatStatus s0 = rand_status(r), soft = s0, fast = s0, direct = s0;
        int mflags = op != OP_FMA ? 0
                     : g_rand_int_range(r, 0, 8) |
                           (g_rand_int_range(r, 0, 8) ? 0
                                : FLOAT_MULADD_HALVE_RESULT);

        gen_operands(r, t, op, &a, &b, &c);
        soft.no_host_fpu = true;
        want = run_op(t, op, a, b, c, mflags, &soft);
        got = run_op(t, op, a, b, c, mflags, &fast);
        if (got != want || fast.flags != soft.flags) {
            fail(t, op, a, b, c, mflags, &s0, want, soft.flags, got,
                 fast.flags);
        }
        g_assert_cmphex(got, ==, want);
        g_assert_cmphex(fast.flags, ==, soft.flags);
        if (run_fast(t, op, a, b, c, mflags, &direct, &fres)) {
            hits++;
            if (fres != want || direct.flags != soft.flags) {
                fail(t, op, a, b, c, mflags, &s0, want, soft.flags, fres,
                     direct.flags);
            }
            g_assert_cmphex(fres, ==, want);
            g_assert_cmphex(direct.flags, ==, soft.flags);
        } else {
            /* a declining fast path leaves the status alone */
            g_assert_cmphex(direct.flags, ==, s0.flags);
        }
    }
    g_rand_free(r);
    return hits;
}

static void check_format(const TFmt *t)
{
    /*
     * 150k operands per (format, op), each run three ways (soft, fast
     * allowed, fast path alone): 5.4M operations, ~3 s; -m thorough
     * gives a million operands each.
     */
    const int iters = g_test_thorough() ? 1000000 : 150000;

    for (TOp op = OP_ADD; op < OP_COUNT; op++) {
        unsigned hits = check_op(t, op, iters);

        g_test_message("float%d_%s: fast path took %u of %d", t->n,
                       op_names[op], hits, iters);
        /*
         * About half the statuses are round-to-nearest with INEXACT set
         * and most operands are normal: a fast path that works takes far
         * more than a tenth (so one that never fires fails here).
         */
        g_assert_cmpuint(hits, >, (unsigned)iters / 10);
    }
}

static void test_random32(void)
{
    check_format(&t32);
}

static void test_random64(void)
{
    check_format(&t64);
}

/* ------------------------------------------------------------------ */
/* Hand-derived vectors                                                */

static void test_vectors(void)
{
    FloatStatus s;

    /* 1.5 + 2.25 = 3.75 exactly (0x400e000000000000): no flags */
    float_status_init_arm(&s);
    g_assert_cmphex(float64_add(0x3ff8000000000000ull,
                                0x4002000000000000ull, &s),
                    ==, 0x400e000000000000ull);
    g_assert_cmphex(s.flags, ==, 0);
    /* 1 + 2^-60 rounds to 1: INEXACT only */
    g_assert_cmphex(float64_add(0x3ff0000000000000ull,
                                0x3c30000000000000ull, &s),
                    ==, 0x3ff0000000000000ull);
    g_assert_cmphex(s.flags, ==, FLOAT_FLAG_INEXACT);
    /* 3 * 5 = 15 exactly (float32 0x41700000) */
    s.flags = 0;
    g_assert_cmphex(float32_mul(0x40400000u, 0x40a00000u, &s), ==,
                    0x41700000u);
    g_assert_cmphex(s.flags, ==, 0);
    /* (1 + 2^-23)^2 = 1 + 2^-22 + 2^-46: rounds to 0x3f800002, inexact */
    g_assert_cmphex(float32_mul(0x3f800001u, 0x3f800001u, &s), ==,
                    0x3f800002u);
    g_assert_cmphex(s.flags, ==, FLOAT_FLAG_INEXACT);
    /*
     * 2^-1022 * (1 - 2^-53) cannot be formed exactly, but
     * (1 - 2^-53) * 2^-1022 (0x3fefffffffffffff * 0x0010000000000000)
     * is exactly 2^-1022 - 2^-1075: tiny before rounding, rounds up to
     * 2^-1022 with UNDERFLOW and INEXACT on Arm (INEXACT set already).
     */
    s.flags = FLOAT_FLAG_INEXACT;
    g_assert_cmphex(float64_mul(0x3fefffffffffffffull,
                                0x0010000000000000ull, &s),
                    ==, 0x0010000000000000ull);
    g_assert_cmphex(s.flags, ==, FLOAT_FLAG_INEXACT | FLOAT_FLAG_UNDERFLOW);
    /* the same with FZ: flushed to +0, UNDERFLOW only */
    s.flags = FLOAT_FLAG_INEXACT;
    s.flush_to_zero = s.flush_inputs_to_zero = true;
    g_assert_cmphex(float64_mul(0x3fefffffffffffffull,
                                0x0010000000000000ull, &s),
                    ==, 0);
    g_assert_cmphex(s.flags, ==, FLOAT_FLAG_INEXACT | FLOAT_FLAG_UNDERFLOW);
    /* max * 2 overflows: +Inf, OVERFLOW and INEXACT */
    float_status_init_arm(&s);
    s.flags = FLOAT_FLAG_INEXACT;
    g_assert_cmphex(float64_mul(0x7fefffffffffffffull,
                                0x4000000000000000ull, &s),
                    ==, 0x7ff0000000000000ull);
    g_assert_cmphex(s.flags, ==, FLOAT_FLAG_INEXACT | FLOAT_FLAG_OVERFLOW);
    /* FMSUB-style: -(2 * 3) + 7 = 1 (NEGATE_PRODUCT) */
    s.flags = FLOAT_FLAG_INEXACT;
    g_assert_cmphex(float64_muladd(0x4000000000000000ull,
                                   0x4008000000000000ull,
                                   0x401c000000000000ull,
                                   FLOAT_MULADD_NEGATE_PRODUCT, &s),
                    ==, 0x3ff0000000000000ull);
    /* sqrt(2) in float32 is 0x3fb504f3 (1.41421353816986083984375) */
    g_assert_cmphex(float32_sqrt(0x40000000u, &s), ==, 0x3fb504f3u);
    /* 1 / 3 in float64 is 0x3fd5555555555555 */
    g_assert_cmphex(float64_div(0x3ff0000000000000ull,
                                0x4008000000000000ull, &s),
                    ==, 0x3fd5555555555555ull);
    g_assert_cmphex(s.flags, ==, FLOAT_FLAG_INEXACT);
}

/*
 * The fast path must check the host's rounding mode: with the host in
 * round-up, a round-to-nearest 1 + 2^-60 is still exactly 1 (the host
 * alone would give 1 + 2^-52).
 */
static void test_host_mode_guard(void)
{
    FloatStatus s;
    uint64_t r;

    float_status_init_arm(&s);
    s.flags = FLOAT_FLAG_INEXACT;
    fesetround(FE_UPWARD);
    r = float64_add(0x3ff0000000000000ull, 0x3c30000000000000ull, &s);
    fesetround(FE_TONEAREST);
    g_assert_cmphex(r, ==, 0x3ff0000000000000ull);
    g_assert_cmphex(s.flags, ==, FLOAT_FLAG_INEXACT);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/softfloat-fast/random32", test_random32);
    g_test_add_func("/softfloat-fast/random64", test_random64);
    g_test_add_func("/softfloat-fast/vectors", test_vectors);
    g_test_add_func("/softfloat-fast/host-mode-guard", test_host_mode_guard);
    return g_test_run();
}
