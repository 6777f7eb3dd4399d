/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Private to util/softfloat-*.c: host-FPU fast paths for float32/float64
 * add, sub, mul, div, sqrt and muladd.  Each softfloat_fast_<op><N>()
 * either stores the architecture's exact result in *r, ORs in exactly
 * the flags the soft-float would have raised and returns true, or
 * returns false and leaves the status untouched; the caller then runs
 * the soft-float.
 *
 * A fast path is taken only when all of these hold (the proof that the
 * host's result and flags equal the soft-float's is in
 * docs/devel/softfloat.md, "Host-FPU fast paths"):
 * - the host is x86-64 with SSE arithmetic and rounds to nearest even
 *   (checked on every call by a two-add probe, far cheaper than reading
 *   MXCSR; the 2Sum error term also needs FTZ and DAZ off, read from
 *   MXCSR on that rare path only);
 * - the status asks for round to nearest even and allows the fast path
 *   (!no_host_fpu);
 * - every operand is a normal number or an exact zero (no subnormal, so
 *   input flushing cannot apply; no Inf or NaN, so no NaN rule applies);
 * - the host result is finite and its magnitude is strictly above the
 *   smallest normal, so the exact result was neither tiny (before or
 *   after rounding) nor overflowing: FZ, UNDERFLOW and OVERFLOW cannot
 *   apply, and the only possible flag is INEXACT;
 * - INEXACT is already set in the status, or it is computed exactly
 *   (add/sub: the 2Sum error term; mul: the low bits of the integer
 *   product of the significands).
 * So the fast path is invisible except for speed: the status ends with
 * exactly the bits the soft path would leave.
 */
#ifndef UTIL_SOFTFLOAT_FAST_H
#define UTIL_SOFTFLOAT_FAST_H

#include "util/softfloat.h"
#include <math.h>

#if defined(__x86_64__) && defined(__SSE2_MATH__)
#define SOFTFLOAT_HOST_FAST 1
#include <immintrin.h>
#else
#define SOFTFLOAT_HOST_FAST 0
#endif

/* MXCSR: rounding control [14:13], FTZ [15], DAZ [6]. */
#define SOFTFLOAT_MXCSR_MODES 0xe040u

/*
 * Does the host round to nearest even?  Reading MXCSR (stmxcsr) costs
 * more than the whole fast path, so ask the FPU itself: with
 * h = 2^-53 + 2^-105 (just above half an ulp of 1), 1 + h and -1 - h
 * both round away from 1 in magnitude only in nearest-even: upward gives
 * -1 for the second, downward and toward zero give 1 for the first.  The
 * empty asm hides the operands so the compiler cannot fold the sums.
 * FTZ and DAZ cannot change a fast result (inputs are never subnormal,
 * results at or below 2^emin are refused); they only matter to the 2Sum
 * error term, which checks MXCSR itself.
 */
static inline bool softfloat_host_rne(void)
{
#if SOFTFLOAT_HOST_FAST
    double one = 1.0, h = 0x1.0000000000001p-53;

    __asm__("" : "+x"(one), "+x"(h));
    return one + h == 0x1.0000000000001p0 && -one - h == -0x1.0000000000001p0;
#else
    return false;
#endif
}

/*
 * Are FTZ and DAZ off (and the mode nearest-even)?  Needed where a
 * subnormal intermediate may occur: the 2Sum error term.
 */
static inline bool softfloat_host_no_ftz_daz(void)
{
#if SOFTFLOAT_HOST_FAST
    return (_mm_getcsr() & SOFTFLOAT_MXCSR_MODES) == 0;
#else
    return false;
#endif
}

/*
 * Is the status in a mode where the host result can be used at all?
 * On other hosts, never: their FPU environment is not checked here.
 */
static inline bool softfloat_fast_ok(const FloatStatus *s)
{
    return s->rounding_mode == FLOAT_ROUND_NEAREST_EVEN && !s->no_host_fpu &&
           softfloat_host_rne();
}

/* Normal (not subnormal, Inf or NaN) or an exact zero of either sign. */
static inline bool softfloat_fast_in32(uint32_t a)
{
    uint32_t e = (a >> 23) & 0xff;

    return e - 1 < 0xfe || (a << 1) == 0;
}

static inline bool softfloat_fast_in64(uint64_t a)
{
    uint64_t e = (a >> 52) & 0x7ff;

    return e - 1 < 0x7fe || (a << 1) == 0;
}

/* Finite with a magnitude strictly above the smallest normal 2^emin. */
static inline bool softfloat_fast_out32(uint32_t r)
{
    uint32_t m = r & 0x7fffffffu;

    return m > 0x00800000u && m < 0x7f800000u;
}

static inline bool softfloat_fast_out64(uint64_t r)
{
    uint64_t m = r & 0x7fffffffffffffffull;

    return m > 0x0010000000000000ull && m < 0x7ff0000000000000ull;
}

static inline float softfloat_hf(uint32_t a)
{
    float f;

    memcpy(&f, &a, sizeof(f));
    return f;
}

static inline double softfloat_hd(uint64_t a)
{
    double d;

    memcpy(&d, &a, sizeof(d));
    return d;
}

static inline uint32_t softfloat_bf(float f)
{
    uint32_t a;

    memcpy(&a, &f, sizeof(a));
    return a;
}

static inline uint64_t softfloat_bd(double d)
{
    uint64_t a;

    memcpy(&a, &d, sizeof(a));
    return a;
}

/*
 * x + y (rounded to r) was inexact iff the 2Sum error term (Knuth, TAOCP
 * 4.2.2) is non-zero: exact sums make every step exact and the term 0;
 * otherwise it is x + y - r (round to nearest, gradual underflow), or
 * an Inf/NaN if an intermediate overflowed, both unequal to 0.
 */
static inline bool softfloat_sum_inexact32(float x, float y, float r)
{
    float yy = r - x;
    float xx = r - yy;

    return (x - xx) + (y - yy) != 0.0f;
}

static inline bool softfloat_sum_inexact64(double x, double y, double r)
{
    double yy = r - x;
    double xx = r - yy;

    return (x - xx) + (y - yy) != 0.0;
}

/*
 * Is the product of two normal operands inexact?  Their significands
 * (with the hidden bit, fb + 1 bits each) multiply exactly into at most
 * 2 * fb + 2 bits; the result keeps fb + 1 of them from the leading one,
 * and as it is normal, nothing else is lost.
 */
static inline bool softfloat_prod_inexact(uint64_t a, uint64_t b, int fb)
{
    uint64_t ma = (a & ((1ull << fb) - 1)) | (1ull << fb);
    uint64_t mb = (b & ((1ull << fb) - 1)) | (1ull << fb);
    unsigned __int128 p = (unsigned __int128)ma * mb;
    int lead = (p >> (2 * fb + 1)) ? 2 * fb + 1 : 2 * fb;

    return (p & (((unsigned __int128)1 << (lead - fb)) - 1)) != 0;
}

/* Store the result and its INEXACT flag; @ixc says if it was inexact. */
#define SOFTFLOAT_FAST_DONE(s, ixc)                                           \
    do {                                                                      \
        if (ixc) {                                                            \
            (s)->flags |= FLOAT_FLAG_INEXACT;                                 \
        }                                                                     \
        return true;                                                          \
    } while (0)

/* add/sub with @b already negated for sub; @N 32 or 64, T float/double. */
#define SOFTFLOAT_FAST_ADD(N, T, HF, BF)                                      \
    static inline bool softfloat_fast_add##N(uint##N##_t a, uint##N##_t b,   \
                                             FloatStatus *s, uint##N##_t *r) \
    {                                                                         \
        T x, y, z;                                                            \
                                                                              \
        if (!softfloat_fast_ok(s) || !softfloat_fast_in##N(a) ||              \
            !softfloat_fast_in##N(b)) {                                       \
            return false;                                                     \
        }                                                                     \
        x = HF(a);                                                            \
        y = HF(b);                                                            \
        z = x + y;                                                            \
        *r = BF(z);                                                           \
        if (!softfloat_fast_out##N(*r)) {                                     \
            return false;                                                     \
        }                                                                     \
        if (s->flags & FLOAT_FLAG_INEXACT) {                                  \
            return true;                                                      \
        }                                                                     \
        if (!softfloat_host_no_ftz_daz()) {                                   \
            return false;                                                     \
        }                                                                     \
        SOFTFLOAT_FAST_DONE(s, softfloat_sum_inexact##N(x, y, z));            \
    }

SOFTFLOAT_FAST_ADD(32, float, softfloat_hf, softfloat_bf)
SOFTFLOAT_FAST_ADD(64, double, softfloat_hd, softfloat_bd)

#define SOFTFLOAT_FAST_MUL(N, T, HF, BF, FB)                                  \
    static inline bool softfloat_fast_mul##N(uint##N##_t a, uint##N##_t b,   \
                                             FloatStatus *s, uint##N##_t *r) \
    {                                                                         \
        if (!softfloat_fast_ok(s) || !softfloat_fast_in##N(a) ||              \
            !softfloat_fast_in##N(b)) {                                       \
            return false;                                                     \
        }                                                                     \
        *r = BF(HF(a) * HF(b));                                               \
        if (!softfloat_fast_out##N(*r)) {                                     \
            return false;                                                     \
        }                                                                     \
        SOFTFLOAT_FAST_DONE(s, !(s->flags & FLOAT_FLAG_INEXACT) &&            \
                                   softfloat_prod_inexact(a, b, FB));         \
    }

SOFTFLOAT_FAST_MUL(32, float, softfloat_hf, softfloat_bf, 23)
SOFTFLOAT_FAST_MUL(64, double, softfloat_hd, softfloat_bd, 52)

/* div, sqrt, muladd: only when INEXACT is already set. */
#define SOFTFLOAT_FAST_DIV(N, T, HF, BF)                                      \
    static inline bool softfloat_fast_div##N(uint##N##_t a, uint##N##_t b,   \
                                             FloatStatus *s, uint##N##_t *r) \
    {                                                                         \
        if (!(s->flags & FLOAT_FLAG_INEXACT) || !softfloat_fast_ok(s) ||      \
            !softfloat_fast_in##N(a) || !softfloat_fast_in##N(b) ||           \
            (b << 1) == 0) {                                                  \
            return false;                                                     \
        }                                                                     \
        *r = BF(HF(a) / HF(b));                                               \
        return softfloat_fast_out##N(*r);                                     \
    }

SOFTFLOAT_FAST_DIV(32, float, softfloat_hf, softfloat_bf)
SOFTFLOAT_FAST_DIV(64, double, softfloat_hd, softfloat_bd)

#define SOFTFLOAT_FAST_SQRT(N, T, HF, BF, SQRT)                               \
    static inline bool softfloat_fast_sqrt##N(uint##N##_t a, FloatStatus *s, \
                                              uint##N##_t *r)                 \
    {                                                                         \
        if (!(s->flags & FLOAT_FLAG_INEXACT) || !softfloat_fast_ok(s) ||      \
            !softfloat_fast_out##N(a) || (a >> (N - 1))) {                    \
            return false;                                                     \
        }                                                                     \
        *r = BF(SQRT(HF(a)));                                                 \
        return softfloat_fast_out##N(*r);                                     \
    }

SOFTFLOAT_FAST_SQRT(32, float, softfloat_hf, softfloat_bf, __builtin_sqrtf)
SOFTFLOAT_FAST_SQRT(64, double, softfloat_hd, softfloat_bd, __builtin_sqrt)

#define SOFTFLOAT_FAST_MULADD(N, T, HF, BF, FMA)                              \
    static inline bool softfloat_fast_muladd##N(uint##N##_t a, uint##N##_t b,\
                                                uint##N##_t c, int flags,     \
                                                FloatStatus *s,               \
                                                uint##N##_t *r)               \
    {                                                                         \
        const uint##N##_t sign = (uint##N##_t)1 << (N - 1);                   \
                                                                              \
        if (!(s->flags & FLOAT_FLAG_INEXACT) ||                               \
            (flags & FLOAT_MULADD_HALVE_RESULT) || !softfloat_fast_ok(s) ||   \
            !softfloat_fast_in##N(a) || !softfloat_fast_in##N(b) ||           \
            !softfloat_fast_in##N(c)) {                                       \
            return false;                                                     \
        }                                                                     \
        if (flags & FLOAT_MULADD_NEGATE_C) {                                  \
            c ^= sign;                                                        \
        }                                                                     \
        if (flags & FLOAT_MULADD_NEGATE_PRODUCT) {                            \
            a ^= sign;                                                        \
        }                                                                     \
        *r = BF(FMA(HF(a), HF(b), HF(c)));                                    \
        if (!softfloat_fast_out##N(*r)) {                                     \
            return false;                                                     \
        }                                                                     \
        if (flags & FLOAT_MULADD_NEGATE_RESULT) {                             \
            *r ^= sign;                                                       \
        }                                                                     \
        return true;                                                          \
    }

SOFTFLOAT_FAST_MULADD(32, float, softfloat_hf, softfloat_bf, fmaf)
SOFTFLOAT_FAST_MULADD(64, double, softfloat_hd, softfloat_bd, fma)

#endif
