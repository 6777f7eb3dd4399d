/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Soft-float core: format descriptors, unpacking (with input flushing),
 * the one rounding routine every operation ends in, NaN selection and
 * the small classification helpers of include/util/softfloat.h.
 *
 * Rounding follows Arm ARM FPRound: underflow is detected on the exact
 * value (tininess before rounding) unless the status asks for x86-style
 * detection after rounding, and is raised only for inexact results; an
 * FZ flush happens when the exact value is below the normal range (even
 * if it would round up to the smallest normal) and raises UNDERFLOW but
 * not INEXACT.  See docs/devel/softfloat.md.
 */
#include "util/softfloat.h"
#include "softfloat-internal.h"

const FloatFmt softfloat_fmt16 = {.exp_bits = 5, .frac_bits = 10, .bias = 15};
const FloatFmt softfloat_fmt32 = {.exp_bits = 8, .frac_bits = 23, .bias = 127};
const FloatFmt softfloat_fmt64 = {
    .exp_bits = 11, .frac_bits = 52, .bias = 1023};

void float_status_init_arm(FloatStatus *s)
{
    memset(s, 0, sizeof(*s));
    s->rounding_mode = FLOAT_ROUND_NEAREST_EVEN;
    s->nan_rule = FLOAT_NAN_RULE_ARM;
    s->tininess_before_rounding = true;
}

uint64_t softfloat_pack(const FloatFmt *f, bool sign, uint64_t bexp,
                        uint64_t frac)
{
    return (sign ? softfloat_sign_bit(f) : 0) | (bexp << f->frac_bits) | frac;
}

uint64_t softfloat_zero(const FloatFmt *f, bool sign)
{
    return softfloat_pack(f, sign, 0, 0);
}

uint64_t softfloat_inf(const FloatFmt *f, bool sign)
{
    return softfloat_pack(f, sign, (1u << f->exp_bits) - 1, 0);
}

static uint64_t max_normal(const FloatFmt *f, bool sign)
{
    return softfloat_pack(f, sign, (1u << f->exp_bits) - 2,
                          (1ull << f->frac_bits) - 1);
}

void softfloat_unpack(FloatParts *p, uint64_t bits, const FloatFmt *f,
                      bool flush, bool ahp, FloatStatus *s)
{
    int fb = f->frac_bits;
    uint64_t frac = bits & ((1ull << fb) - 1);
    uint64_t bexp = (bits >> fb) & ((1u << f->exp_bits) - 1);

    p->sign = (bits & softfloat_sign_bit(f)) != 0;
    p->exp = 0;
    p->sig = 0;
    if (bexp == (1u << f->exp_bits) - 1 && !ahp) {
        if (frac == 0) {
            p->cls = FLOAT_CLASS_INF;
        } else if (frac >> (fb - 1)) {
            p->cls = FLOAT_CLASS_QNAN;
        } else {
            p->cls = FLOAT_CLASS_SNAN;
        }
    } else if (bexp == 0) {
        if (frac == 0) {
            p->cls = FLOAT_CLASS_ZERO;
        } else if (flush) {
            p->cls = FLOAT_CLASS_ZERO;
            s->flags |= FLOAT_FLAG_INPUT_DENORMAL;
        } else {
            int lz = clz64(frac);

            p->cls = FLOAT_CLASS_NORMAL;
            p->sig = frac << lz;
            /* frac * 2^(1 - bias - fb), leading bit at 63 - lz */
            p->exp = 1 - f->bias - fb + (63 - lz);
        }
    } else {
        p->cls = FLOAT_CLASS_NORMAL;
        p->exp = (int32_t)bexp - f->bias;
        p->sig = (frac | (1ull << fb)) << (63 - fb);
    }
}

void softfloat_unpack_op(FloatParts *p, uint64_t bits, const FloatFmt *f,
                         FloatStatus *s)
{
    softfloat_unpack(p, bits, f, s->flush_inputs_to_zero, false, s);
}

/*
 * Keep the bits of @sig above bit @shift, rounded by @rm using the bits
 * below it; *@inexact says whether any of those were set.
 */
static uint64_t round_bits(uint64_t sig, int shift, bool sign,
                           FloatRoundMode rm, bool *inexact)
{
    uint64_t rem = sig & ((1ull << shift) - 1);
    uint64_t half = 1ull << (shift - 1);
    uint64_t q = sig >> shift;
    bool up;

    switch (rm) {
    case FLOAT_ROUND_NEAREST_EVEN:
        up = rem > half || (rem == half && (q & 1));
        break;
    case FLOAT_ROUND_TIES_AWAY:
        up = rem >= half;
        break;
    case FLOAT_ROUND_UP:
        up = rem != 0 && !sign;
        break;
    case FLOAT_ROUND_DOWN:
        up = rem != 0 && sign;
        break;
    default:
        up = false;
        break;
    }
    *inexact = rem != 0;
    q += up;
    if (rm == FLOAT_ROUND_TO_ODD && rem != 0) {
        q |= 1;
    }
    return q;
}

/* Does a value that overflows round to infinity (else to max normal)? */
static bool overflow_to_inf(FloatRoundMode rm, bool sign)
{
    switch (rm) {
    case FLOAT_ROUND_NEAREST_EVEN:
    case FLOAT_ROUND_TIES_AWAY:
        return true;
    case FLOAT_ROUND_UP:
        return !sign;
    case FLOAT_ROUND_DOWN:
        return sign;
    default:
        return false;
    }
}

/*
 * Tininess detected after rounding (IEEE 754-2008 7.5): is the value,
 * rounded to the format's precision with an unbounded exponent, still
 * below 2^emin?  Only exp == emin - 1 can round up out of the range.
 */
static bool tiny_after_rounding(bool sign, int32_t exp, uint64_t sig,
                                const FloatFmt *f, FloatRoundMode rm)
{
    bool inexact;

    if (exp < 1 - f->bias - 1) {
        return true;
    }
    return round_bits(sig, 63 - f->frac_bits, sign, rm, &inexact) >>
               (f->frac_bits + 1) ==
           0;
}

uint64_t softfloat_round_pack(bool sign, int32_t exp, uint64_t sig,
                              const FloatFmt *f, FloatRoundMode rm, bool ftz,
                              bool ahp, FloatStatus *s)
{
    int fb = f->frac_bits;
    int32_t emin = 1 - f->bias;
    int64_t base; /* biased exponent of bit fb of q, minus 1 */
    uint64_t q, top;
    bool inexact, tiny = false;

    assert(sig >> 63);
    if (exp < emin) {
        if (ftz) {
            s->flags |= FLOAT_FLAG_UNDERFLOW;
            return softfloat_zero(f, sign);
        }
        tiny = s->tininess_before_rounding ||
               tiny_after_rounding(sign, exp, sig, f, rm);
        sig = softfloat_shr_jam64(sig, emin - exp);
        base = 0;
    } else {
        base = (int64_t)exp + f->bias - 1;
    }
    q = round_bits(sig, 63 - fb, sign, rm, &inexact);
    if (tiny && inexact) {
        s->flags |= FLOAT_FLAG_UNDERFLOW;
    }
    /* q's bit fb is the hidden bit: a carry into fb + 1 bumps the exp. */
    top = (uint64_t)base + (q >> fb);
    if (ahp) {
        if (top >= (1u << f->exp_bits)) {
            s->flags |= FLOAT_FLAG_INVALID;
            return softfloat_pack(f, sign, (1u << f->exp_bits) - 1,
                                  (1ull << fb) - 1);
        }
    } else if (top >= (1u << f->exp_bits) - 1) {
        s->flags |= FLOAT_FLAG_OVERFLOW | FLOAT_FLAG_INEXACT;
        return overflow_to_inf(rm, sign) ? softfloat_inf(f, sign)
                                         : max_normal(f, sign);
    }
    if (inexact) {
        s->flags |= FLOAT_FLAG_INEXACT;
    }
    return (sign ? softfloat_sign_bit(f) : 0) + ((uint64_t)base << fb) + q;
}

uint64_t softfloat_pack_parts(const FloatParts *p, const FloatFmt *f,
                              FloatStatus *s)
{
    switch (p->cls) {
    case FLOAT_CLASS_ZERO:
        return softfloat_zero(f, p->sign);
    case FLOAT_CLASS_INF:
        return softfloat_inf(f, p->sign);
    default:
        assert(p->cls == FLOAT_CLASS_NORMAL);
        return softfloat_round_pack(p->sign, p->exp, p->sig, f,
                                    s->rounding_mode, s->flush_to_zero, false,
                                    s);
    }
}

void softfloat_norm128(softfloat_u128 r, int32_t e0, int32_t *exp,
                       uint64_t *sig)
{
    uint64_t hi = (uint64_t)(r >> 64);
    int lead;

    assert(r != 0);
    lead = hi ? 127 - clz64(hi) : 63 - clz64((uint64_t)r);
    *exp = e0 + lead;
    r <<= 127 - lead;
    *sig = (uint64_t)(r >> 64) | ((uint64_t)r != 0);
}

uint64_t softfloat_default_nan(const FloatFmt *f, const FloatStatus *s)
{
    return softfloat_pack(f, s->default_nan_negative, (1u << f->exp_bits) - 1,
                          1ull << (f->frac_bits - 1));
}

uint64_t softfloat_invalid(const FloatFmt *f, FloatStatus *s)
{
    s->flags |= FLOAT_FLAG_INVALID;
    return softfloat_default_nan(f, s);
}

static bool raw_is_nan(uint64_t a, const FloatFmt *f)
{
    uint64_t mag = a & (softfloat_sign_bit(f) - 1);

    return mag > softfloat_inf(f, false);
}

static bool raw_is_snan(uint64_t a, const FloatFmt *f)
{
    return raw_is_nan(a, f) && !((a >> (f->frac_bits - 1)) & 1);
}

uint64_t softfloat_nan1(uint64_t a, const FloatFmt *f, FloatStatus *s)
{
    if (raw_is_snan(a, f)) {
        s->flags |= FLOAT_FLAG_INVALID;
    }
    if (s->default_nan_mode) {
        return softfloat_default_nan(f, s);
    }
    return a | (1ull << (f->frac_bits - 1));
}

uint64_t softfloat_nan2(uint64_t a, uint64_t b, const FloatFmt *f,
                        FloatStatus *s)
{
    return softfloat_nan3(a, b, a, f, s);
}

uint64_t softfloat_nan3(uint64_t a, uint64_t b, uint64_t c, const FloatFmt *f,
                        FloatStatus *s)
{
    uint64_t ops[3] = {a, b, c};
    int i;

    for (i = 0; i < 3; i++) {
        if (raw_is_snan(ops[i], f)) {
            s->flags |= FLOAT_FLAG_INVALID;
        }
    }
    if (s->nan_rule == FLOAT_NAN_RULE_ARM) {
        for (i = 0; i < 3; i++) {
            if (raw_is_snan(ops[i], f)) {
                return softfloat_nan1(ops[i], f, s);
            }
        }
    }
    for (i = 0; i < 3; i++) {
        if (raw_is_nan(ops[i], f)) {
            return softfloat_nan1(ops[i], f, s);
        }
    }
    g_assert_not_reached();
}

#define SOFTFLOAT_CLASSIFY(N)                                                  \
    bool float##N##_is_nan(float##N a)                                         \
    {                                                                          \
        return raw_is_nan(a, &softfloat_fmt##N);                               \
    }                                                                          \
    bool float##N##_is_signaling_nan(float##N a)                               \
    {                                                                          \
        return raw_is_snan(a, &softfloat_fmt##N);                              \
    }                                                                          \
    bool float##N##_is_zero_or_denormal(float##N a)                            \
    {                                                                          \
        return ((a >> softfloat_fmt##N.frac_bits) &                            \
                ((1u << softfloat_fmt##N.exp_bits) - 1)) == 0;                 \
    }                                                                          \
    float##N float##N##_default_nan(const FloatStatus *s)                      \
    {                                                                          \
        return softfloat_default_nan(&softfloat_fmt##N, s);                    \
    }

SOFTFLOAT_CLASSIFY(16)
SOFTFLOAT_CLASSIFY(32)
SOFTFLOAT_CLASSIFY(64)
