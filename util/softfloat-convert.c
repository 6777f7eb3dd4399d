/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Soft-float conversions: between the formats (Arm ARM FPConvert, with
 * alternative half precision), to and from integers and fixed point
 * (FPToFixed, FixedToFP) and rounding to an integral value (FPRoundInt).
 *
 * The float16 side of a format conversion is never flushed to zero: Arm
 * converts with FPUnpackCV/FPRoundCV, which ignore FPCR.FZ16; the
 * float32/float64 side follows the status's flush settings.  Float to
 * integer conversions saturate and raise INVALID (never INEXACT) on NaN
 * or overflow; a NaN converts to 0.
 */
#include "util/softfloat.h"
#include "softfloat-internal.h"

/*
 * Round the finite non-zero magnitude sig * 2^(exp - 63), exp <= 63, to
 * an integer with @rm; *@inexact says whether it had a fraction.
 */
static softfloat_u128 round_to_integer(uint64_t sig, int32_t exp, bool sign,
                                       FloatRoundMode rm, bool *inexact)
{
    /* x * 2^-64 is the magnitude: integer part above bit 64 */
    softfloat_u128 x = (softfloat_u128)sig << 64;
    softfloat_u128 ipart;
    uint64_t frac, half = 1ull << 63;
    int shift = 63 - exp;
    bool up;

    assert(exp <= 63);
    x = softfloat_shr_jam128(x, shift > 127 ? 127 : shift);
    ipart = x >> 64;
    frac = (uint64_t)x;
    switch (rm) {
    case FLOAT_ROUND_NEAREST_EVEN:
        up = frac > half || (frac == half && (ipart & 1));
        break;
    case FLOAT_ROUND_TIES_AWAY:
        up = frac >= half;
        break;
    case FLOAT_ROUND_UP:
        up = frac != 0 && !sign;
        break;
    case FLOAT_ROUND_DOWN:
        up = frac != 0 && sign;
        break;
    default:
        up = false;
        break;
    }
    *inexact = frac != 0;
    ipart += up;
    if (rm == FLOAT_ROUND_TO_ODD && frac != 0) {
        ipart |= 1;
    }
    return ipart;
}

/*
 * FPToFixed: @a * 2^@scale rounded with @rm, saturated to a @width-bit
 * signed or unsigned integer (returned sign-extended / zero-extended).
 */
static uint64_t to_fixed(uint64_t a, int scale, FloatRoundMode rm, int width,
                         bool is_signed, const FloatFmt *f, FloatStatus *s)
{
    FloatParts p;
    softfloat_u128 mag, limit;
    bool inexact;

    assert(scale >= 0 && scale <= 64);
    softfloat_unpack_op(&p, a, f, s);
    if (softfloat_is_nan_cls(&p)) {
        s->flags |= FLOAT_FLAG_INVALID;
        return 0;
    }
    if (p.cls == FLOAT_CLASS_ZERO) {
        return 0;
    }
    if (p.cls == FLOAT_CLASS_INF || p.exp + scale > 63) {
        goto overflow;
    }
    mag = round_to_integer(p.sig, p.exp + scale, p.sign, rm, &inexact);
    if (is_signed) {
        limit = ((softfloat_u128)1 << (width - 1)) - !p.sign;
    } else {
        limit = p.sign ? 0 : ((softfloat_u128)1 << width) - 1;
    }
    if (mag > limit) {
        goto overflow;
    }
    if (inexact) {
        s->flags |= FLOAT_FLAG_INEXACT;
    }
    return p.sign ? -(uint64_t)mag : (uint64_t)mag;

overflow:
    s->flags |= FLOAT_FLAG_INVALID;
    if (!is_signed) {
        return p.sign ? 0 : (width == 64 ? UINT64_MAX : UINT32_MAX);
    }
    if (width == 64) {
        return p.sign ? (uint64_t)INT64_MIN : (uint64_t)INT64_MAX;
    }
    return p.sign ? (uint64_t)(int64_t)INT32_MIN : (uint64_t)INT32_MAX;
}

/* FixedToFP: (-1)^@sign * @mag / 2^@scale, rounded with the status. */
static uint64_t from_fixed(bool sign, uint64_t mag, int scale,
                           const FloatFmt *f, FloatStatus *s)
{
    int lz;

    assert(scale >= 0 && scale <= 64);
    if (mag == 0) {
        return softfloat_zero(f, false);
    }
    lz = clz64(mag);
    return softfloat_round_pack(sign, 63 - lz - scale, mag << lz, f,
                                s->rounding_mode, s->flush_to_zero, false, s);
}

/* FPRoundInt: round to an integral value in the same format. */
static uint64_t round_int_common(uint64_t a, FloatRoundMode rm, bool exact,
                                 const FloatFmt *f, FloatStatus *s)
{
    FloatParts p;
    softfloat_u128 n;
    bool inexact;
    int lz;

    softfloat_unpack_op(&p, a, f, s);
    if (softfloat_is_nan_cls(&p)) {
        return softfloat_nan1(a, f, s);
    }
    if (p.cls != FLOAT_CLASS_NORMAL || p.exp >= f->frac_bits) {
        /* zero, infinity or already integral */
        return softfloat_pack_parts(&p, f, s);
    }
    n = round_to_integer(p.sig, p.exp, p.sign, rm, &inexact);
    if (inexact && exact) {
        s->flags |= FLOAT_FLAG_INEXACT;
    }
    if (n == 0) {
        return softfloat_zero(f, p.sign);
    }
    /* n <= 2^frac_bits: exact in the format */
    lz = clz64((uint64_t)n);
    return softfloat_round_pack(p.sign, 63 - lz, (uint64_t)n << lz, f,
                                FLOAT_ROUND_TO_ZERO, s->flush_to_zero, false,
                                s);
}

/* FPConvertNaN: keep the sign and the top of the payload, quieted. */
static uint64_t convert_nan(const FloatParts *p, uint64_t a,
                            const FloatFmt *from, const FloatFmt *to)
{
    uint64_t frac = a & ((1ull << from->frac_bits) - 1);

    if (to->frac_bits >= from->frac_bits) {
        frac <<= to->frac_bits - from->frac_bits;
    } else {
        frac >>= from->frac_bits - to->frac_bits;
    }
    frac |= 1ull << (to->frac_bits - 1);
    return softfloat_pack(to, p->sign, (1u << to->exp_bits) - 1, frac);
}

static uint64_t convert_common(uint64_t a, const FloatFmt *from,
                               const FloatFmt *to, FloatStatus *s)
{
    bool from16 = from == &softfloat_fmt16, to16 = to == &softfloat_fmt16;
    bool alt_hp = to16 && s->ahp;
    FloatParts p;

    softfloat_unpack(&p, a, from, !from16 && s->flush_inputs_to_zero,
                     from16 && s->ahp, s);
    switch (p.cls) {
    case FLOAT_CLASS_QNAN:
    case FLOAT_CLASS_SNAN:
        if (p.cls == FLOAT_CLASS_SNAN || alt_hp) {
            s->flags |= FLOAT_FLAG_INVALID;
        }
        if (alt_hp) {
            return softfloat_zero(to, p.sign);
        }
        if (s->default_nan_mode) {
            return softfloat_default_nan(to, s);
        }
        return convert_nan(&p, a, from, to);
    case FLOAT_CLASS_INF:
        if (alt_hp) {
            s->flags |= FLOAT_FLAG_INVALID;
            return softfloat_pack(to, p.sign, (1u << to->exp_bits) - 1,
                                  (1ull << to->frac_bits) - 1);
        }
        return softfloat_inf(to, p.sign);
    case FLOAT_CLASS_ZERO:
        return softfloat_zero(to, p.sign);
    default:
        return softfloat_round_pack(p.sign, p.exp, p.sig, to, s->rounding_mode,
                                    !to16 && s->flush_to_zero, alt_hp, s);
    }
}

#define SOFTFLOAT_CONVERT(N)                                                   \
    float##N float##N##_round_to_int(float##N a, FloatRoundMode rmode,         \
                                     bool exact, FloatStatus *s)               \
    {                                                                          \
        return round_int_common(a, rmode, exact, &softfloat_fmt##N, s);        \
    }                                                                          \
    int32_t float##N##_to_int32(float##N a, int scale, FloatRoundMode rmode,   \
                                FloatStatus *s)                                \
    {                                                                          \
        return (int32_t)to_fixed(a, scale, rmode, 32, true, &softfloat_fmt##N, \
                                 s);                                           \
    }                                                                          \
    int64_t float##N##_to_int64(float##N a, int scale, FloatRoundMode rmode,   \
                                FloatStatus *s)                                \
    {                                                                          \
        return (int64_t)to_fixed(a, scale, rmode, 64, true, &softfloat_fmt##N, \
                                 s);                                           \
    }                                                                          \
    uint32_t float##N##_to_uint32(float##N a, int scale, FloatRoundMode rmode, \
                                  FloatStatus *s)                              \
    {                                                                          \
        return (uint32_t)to_fixed(a, scale, rmode, 32, false,                  \
                                  &softfloat_fmt##N, s);                       \
    }                                                                          \
    uint64_t float##N##_to_uint64(float##N a, int scale, FloatRoundMode rmode, \
                                  FloatStatus *s)                              \
    {                                                                          \
        return to_fixed(a, scale, rmode, 64, false, &softfloat_fmt##N, s);     \
    }                                                                          \
    float##N int32_to_float##N(int32_t v, int scale, FloatStatus *s)           \
    {                                                                          \
        return from_fixed(v < 0, v < 0 ? -(uint64_t)(int64_t)v : (uint64_t)v,  \
                          scale, &softfloat_fmt##N, s);                        \
    }                                                                          \
    float##N int64_to_float##N(int64_t v, int scale, FloatStatus *s)           \
    {                                                                          \
        return from_fixed(v < 0, v < 0 ? -(uint64_t)v : (uint64_t)v, scale,    \
                          &softfloat_fmt##N, s);                               \
    }                                                                          \
    float##N uint32_to_float##N(uint32_t v, int scale, FloatStatus *s)         \
    {                                                                          \
        return from_fixed(false, v, scale, &softfloat_fmt##N, s);              \
    }                                                                          \
    float##N uint64_to_float##N(uint64_t v, int scale, FloatStatus *s)         \
    {                                                                          \
        return from_fixed(false, v, scale, &softfloat_fmt##N, s);              \
    }

SOFTFLOAT_CONVERT(16)
SOFTFLOAT_CONVERT(32)
SOFTFLOAT_CONVERT(64)

float32 float16_to_float32(float16 a, FloatStatus *s)
{
    return convert_common(a, &softfloat_fmt16, &softfloat_fmt32, s);
}

float64 float16_to_float64(float16 a, FloatStatus *s)
{
    return convert_common(a, &softfloat_fmt16, &softfloat_fmt64, s);
}

float16 float32_to_float16(float32 a, FloatStatus *s)
{
    return convert_common(a, &softfloat_fmt32, &softfloat_fmt16, s);
}

float64 float32_to_float64(float32 a, FloatStatus *s)
{
    return convert_common(a, &softfloat_fmt32, &softfloat_fmt64, s);
}

float16 float64_to_float16(float64 a, FloatStatus *s)
{
    return convert_common(a, &softfloat_fmt64, &softfloat_fmt16, s);
}

float32 float64_to_float32(float64 a, FloatStatus *s)
{
    return convert_common(a, &softfloat_fmt64, &softfloat_fmt32, s);
}
