/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * FP operations of hex-xtype2.isa (fused multiply-add, max/min,
 * compares, the conversions between word, doubleword, single and
 * double), and those of hex-xtype.isa (sfadd, sfsub, sfmpy, dfadd,
 * convert_w2sf/sf2w/sf2df), on hemu's soft-float library
 * (util/softfloat.h).  Spec:
 * Hexagon V68 PRM, "XTYPE/FP": IEEE 754 arithmetic with the rounding
 * mode of USR.FPRND (":chop" conversions truncate), sticky exception
 * bits in USR, a NaN result is the default NaN (all ones), a NaN
 * converted to an integer gives all ones.  The status is built per call
 * from the packet's USR and its flags are returned, so that they are
 * committed with the packet like every other USR write.  Exceptions
 * enabled in USR (trapping) are not modelled.
 */
#include "xtype2.h"
#include "util/softfloat.h"

static const FloatRoundMode hex_fp_rnd[4] = {
    FLOAT_ROUND_NEAREST_EVEN, FLOAT_ROUND_TO_ZERO, FLOAT_ROUND_DOWN,
    FLOAT_ROUND_UP,
};

static uint32_t usr_flags(const FloatStatus *st)
{
    return (st->flags & FLOAT_FLAG_INVALID ? X2_USR_FPINVF : 0) |
           (st->flags & FLOAT_FLAG_DIVBYZERO ? X2_USR_FPDBZF : 0) |
           (st->flags & FLOAT_FLAG_OVERFLOW ? X2_USR_FPOVFF : 0) |
           (st->flags & FLOAT_FLAG_UNDERFLOW ? X2_USR_FPUNFF : 0) |
           (st->flags & FLOAT_FLAG_INEXACT ? X2_USR_FPINPF : 0);
}

static uint32_t sf(float32 v)
{
    return float32_is_nan(v) ? UINT32_MAX : v;
}

static uint64_t df(float64 v)
{
    return float64_is_nan(v) ? UINT64_MAX : v;
}

/* A compare as a predicate: @want is the set of relations that hold. */
static uint64_t cmp_pred(FloatRelation r, unsigned want)
{
    return (want >> (r + 1) & 1) ? 0xff : 0;
}

#define REL(r) (1u << ((r) + 1))

/* Conversion of a float to a 32-bit integer: NaN gives all ones. */
static uint32_t to_int(uint64_t v, bool dbl, bool sign, FloatRoundMode m,
                       FloatStatus *st)
{
    if (dbl ? float64_is_nan(v) : float32_is_nan((uint32_t)v)) {
        st->flags |= FLOAT_FLAG_INVALID;
        return UINT32_MAX;
    }
    if (dbl) {
        return sign ? (uint32_t)float64_to_int32(v, 0, m, st)
                    : float64_to_uint32(v, 0, m, st);
    }
    return sign ? (uint32_t)float32_to_int32((uint32_t)v, 0, m, st)
                : float32_to_uint32((uint32_t)v, 0, m, st);
}

static uint64_t fp_arith(unsigned op, uint64_t s, uint64_t t, uint64_t x,
                         FloatStatus *st)
{
    uint32_t a = (uint32_t)s, b = (uint32_t)t;

    switch (op) {
    case X2_SFADD:
        return sf(float32_add(a, b, st));
    case X2_SFSUB:
        return sf(float32_sub(a, b, st));
    case X2_SFMPY:
        return sf(float32_mul(a, b, st));
    case X2_DFADD:
        return df(float64_add(s, t, st));
    case X2_SFFMA:
        return sf(float32_muladd(a, b, (uint32_t)x, 0, st));
    case X2_SFFMS:
        return sf(float32_muladd(a, b, (uint32_t)x,
                                 FLOAT_MULADD_NEGATE_PRODUCT, st));
    case X2_SFMAX:
        return sf(float32_maxnum(a, b, st));
    case X2_SFMIN:
        return sf(float32_minnum(a, b, st));
    case X2_SFCMP_EQ:
        return cmp_pred(float32_compare(a, b, st), REL(FLOAT_RELATION_EQUAL));
    case X2_SFCMP_GT:
        return cmp_pred(float32_compare(a, b, st),
                        REL(FLOAT_RELATION_GREATER));
    case X2_SFCMP_GE:
        return cmp_pred(float32_compare(a, b, st),
                        REL(FLOAT_RELATION_GREATER) |
                        REL(FLOAT_RELATION_EQUAL));
    case X2_SFCMP_UO:
        return cmp_pred(float32_compare(a, b, st),
                        REL(FLOAT_RELATION_UNORDERED));
    case X2_DFSUB:
        return df(float64_sub(s, t, st));
    case X2_DFCMP_EQ:
        return cmp_pred(float64_compare(s, t, st), REL(FLOAT_RELATION_EQUAL));
    case X2_DFCMP_GT:
        return cmp_pred(float64_compare(s, t, st),
                        REL(FLOAT_RELATION_GREATER));
    case X2_DFCMP_GE:
        return cmp_pred(float64_compare(s, t, st),
                        REL(FLOAT_RELATION_GREATER) |
                        REL(FLOAT_RELATION_EQUAL));
    default:
        return cmp_pred(float64_compare(s, t, st),
                        REL(FLOAT_RELATION_UNORDERED));
    }
}

static uint64_t fp_convert(unsigned op, uint64_t s, FloatStatus *st)
{
    FloatRoundMode m = st->rounding_mode;
    uint32_t a = (uint32_t)s;

    switch (op) {
    case X2_CONV_UW2SF:
        return uint32_to_float32(a, 0, st);
    case X2_CONV_SF2UW:
        return to_int(a, false, false, m, st);
    case X2_CONV_SF2W_CHOP:
        return to_int(a, false, true, FLOAT_ROUND_TO_ZERO, st);
    case X2_CONV_SF2UW_CHOP:
        return to_int(a, false, false, FLOAT_ROUND_TO_ZERO, st);
    case X2_CONV_W2DF:
        return int32_to_float64((int32_t)a, 0, st);
    case X2_CONV_UW2DF:
        return uint32_to_float64(a, 0, st);
    case X2_CONV_DF2SF:
        return sf(float64_to_float32(s, st));
    case X2_CONV_DF2W:
        return to_int(s, true, true, m, st);
    case X2_CONV_DF2W_CHOP:
        return to_int(s, true, true, FLOAT_ROUND_TO_ZERO, st);
    case X2_CONV_DF2UW:
        return to_int(s, true, false, m, st);
    case X2_CONV_D2DF:
        return int64_to_float64((int64_t)s, 0, st);
    case X2_CONV_W2SF:
        return int32_to_float32((int32_t)a, 0, st);
    case X2_CONV_SF2W:
        return to_int(a, false, true, m, st);
    case X2_CONV_SF2DF:
        return df(float32_to_float64(a, st));
    default:        /* X2_CONV_DF2D */
        if (float64_is_nan(s)) {
            st->flags |= FLOAT_FLAG_INVALID;
            return UINT64_MAX;
        }
        return (uint64_t)float64_to_int64(s, 0, m, st);
    }
}

uint64_t hex_xt2_fp(uint32_t op, uint32_t usr, uint64_t s, uint64_t t,
                    uint64_t x, uint32_t *flags)
{
    FloatStatus st = {
        .rounding_mode = hex_fp_rnd[usr >> X2_USR_FPRND_SHIFT & 3],
        .default_nan_mode = true,
        .default_nan_negative = true,
    };
    unsigned o = op & 0xff;
    uint64_t r;

    if (o < X2_CONV_UW2SF) {
        r = fp_arith(o, s, t, x, &st);
    } else {
        r = fp_convert(o, s, &st);
    }
    *flags |= usr_flags(&st);
    return r;
}
