/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Soft-float comparisons and minimum/maximum: Arm ARM FPCompare (FCMP
 * and FCMPE), FPMin/FPMax (IEEE 754-2008 minimum/maximum with -0 < +0
 * and NaN propagation) and FPMinNum/FPMaxNum (IEEE 754-2008 5.3.1
 * minNum/maxNum: one quiet NaN loses against a number).
 *
 * Inputs are flushed as the status says (INPUT_DENORMAL); a min/max
 * result is re-encoded through the rounding routine exactly as FPMax
 * does, which matters only when outputs are flushed but inputs are not.
 */
#include "util/softfloat.h"
#include "softfloat-internal.h"

/* -1, 0 or 1 as @a <, ==, > @b; both non-NaN. */
static int cmp_parts(const FloatParts *a, const FloatParts *b)
{
    int mag;

    if (a->cls == FLOAT_CLASS_ZERO && b->cls == FLOAT_CLASS_ZERO) {
        return 0;
    }
    if (a->cls == FLOAT_CLASS_ZERO) {
        return b->sign ? 1 : -1;
    }
    if (b->cls == FLOAT_CLASS_ZERO || a->sign != b->sign) {
        return a->sign ? -1 : 1;
    }
    /* Same sign, both non-zero: compare magnitudes. */
    if (a->cls == FLOAT_CLASS_INF || b->cls == FLOAT_CLASS_INF) {
        mag = (a->cls == FLOAT_CLASS_INF) - (b->cls == FLOAT_CLASS_INF);
    } else if (a->exp != b->exp) {
        mag = a->exp > b->exp ? 1 : -1;
    } else {
        mag = (a->sig > b->sig) - (a->sig < b->sig);
    }
    return a->sign ? -mag : mag;
}

static FloatRelation compare_common(uint64_t a, uint64_t b, bool signaling,
                                    const FloatFmt *f, FloatStatus *s)
{
    FloatParts pa, pb;

    softfloat_unpack_op(&pa, a, f, s);
    softfloat_unpack_op(&pb, b, f, s);
    if (softfloat_is_nan_cls(&pa) || softfloat_is_nan_cls(&pb)) {
        if (signaling || pa.cls == FLOAT_CLASS_SNAN ||
            pb.cls == FLOAT_CLASS_SNAN) {
            s->flags |= FLOAT_FLAG_INVALID;
        }
        return FLOAT_RELATION_UNORDERED;
    }
    return (FloatRelation)cmp_parts(&pa, &pb);
}

/*
 * FPMin/FPMax (@is_max), and with @is_num FPMinNum/FPMaxNum, which
 * first replace a lone quiet NaN by the infinity that loses.
 */
static uint64_t minmax_common(uint64_t a, uint64_t b, bool is_max, bool is_num,
                              const FloatFmt *f, FloatStatus *s)
{
    FloatParts pa, pb;
    const FloatParts *pick;
    int c;

    softfloat_unpack_op(&pa, a, f, s);
    softfloat_unpack_op(&pb, b, f, s);
    if (is_num &&
        (pa.cls == FLOAT_CLASS_QNAN) != (pb.cls == FLOAT_CLASS_QNAN)) {
        FloatParts *q = pa.cls == FLOAT_CLASS_QNAN ? &pa : &pb;
        uint64_t *raw = q == &pa ? &a : &b;

        q->cls = FLOAT_CLASS_INF;
        q->sign = is_max;
        *raw = softfloat_inf(f, is_max);
    }
    if (softfloat_is_nan_cls(&pa) || softfloat_is_nan_cls(&pb)) {
        return softfloat_nan2(a, b, f, s);
    }
    if (pa.cls == FLOAT_CLASS_ZERO && pb.cls == FLOAT_CLASS_ZERO) {
        /* max: +0 unless both are -0; min: -0 if either is */
        return softfloat_zero(f,
                              is_max ? pa.sign && pb.sign : pa.sign || pb.sign);
    }
    c = cmp_parts(&pa, &pb);
    pick = (c > 0) == is_max ? &pa : &pb;
    if (c == 0) {
        pick = &pa;
    }
    return softfloat_pack_parts(pick, f, s);
}

#define SOFTFLOAT_COMPARE(N)                                                   \
    float##N float##N##_min(float##N a, float##N b, FloatStatus *s)            \
    {                                                                          \
        return minmax_common(a, b, false, false, &softfloat_fmt##N, s);        \
    }                                                                          \
    float##N float##N##_max(float##N a, float##N b, FloatStatus *s)            \
    {                                                                          \
        return minmax_common(a, b, true, false, &softfloat_fmt##N, s);         \
    }                                                                          \
    float##N float##N##_minnum(float##N a, float##N b, FloatStatus *s)         \
    {                                                                          \
        return minmax_common(a, b, false, true, &softfloat_fmt##N, s);         \
    }                                                                          \
    float##N float##N##_maxnum(float##N a, float##N b, FloatStatus *s)         \
    {                                                                          \
        return minmax_common(a, b, true, true, &softfloat_fmt##N, s);          \
    }                                                                          \
    FloatRelation float##N##_compare(float##N a, float##N b, FloatStatus *s)   \
    {                                                                          \
        return compare_common(a, b, false, &softfloat_fmt##N, s);              \
    }                                                                          \
    FloatRelation float##N##_compare_signaling(float##N a, float##N b,         \
                                               FloatStatus *s)                 \
    {                                                                          \
        return compare_common(a, b, true, &softfloat_fmt##N, s);               \
    }

SOFTFLOAT_COMPARE(16)
SOFTFLOAT_COMPARE(32)
SOFTFLOAT_COMPARE(64)
