/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Soft-float arithmetic: add, sub, mul, div, sqrt and fused multiply-add,
 * following Arm ARM FPAdd, FPSub, FPMul, FPDiv, FPSqrt and FPMulAdd and
 * IEEE 754-2008 clauses 5.4.1 and 6.
 *
 * Each operation handles NaNs, infinities and zeros by the pseudocode's
 * case analysis, then computes the finite result exactly in 128 bits (or
 * with a sticky bit jammed far below the rounding point) and rounds once
 * in softfloat_round_pack().  Significand layout in the 128-bit adder:
 * the leading bit sits at bit 125, leaving two bits of headroom for the
 * carry of an addition.
 */
#include "util/softfloat.h"
#include "softfloat-internal.h"
#include "softfloat-fast.h"

/* Exponent of the leading bit of an addend placed at bit 125. */
#define ADD_LEAD 125

/*
 * Round the finite, non-zero value @r * 2^@e0 with the status's mode.
 */
static uint64_t round_u128(bool sign, softfloat_u128 r, int32_t e0,
                           const FloatFmt *f, FloatStatus *s)
{
    int32_t exp;
    uint64_t sig;

    softfloat_norm128(r, e0, &exp, &sig);
    return softfloat_round_pack(sign, exp, sig, f, s->rounding_mode,
                                s->flush_to_zero, false, s);
}

/*
 * Add two finite non-zero values, each given as a 128-bit significand
 * with its leading bit at ADD_LEAD and the exponent of that bit.  The
 * smaller one is aligned with a sticky bit; cancellation beyond one bit
 * only happens when the exponents differ by at most one, where the
 * alignment is exact.
 */
static uint64_t add_aligned(bool sa, int32_t ea, softfloat_u128 ma, bool sb,
                            int32_t eb, softfloat_u128 mb, const FloatFmt *f,
                            FloatStatus *s)
{
    softfloat_u128 r;
    bool sign = sa;

    if (ea < eb || (ea == eb && ma < mb)) {
        softfloat_u128 tm = ma;
        int32_t te = ea;

        ma = mb;
        mb = tm;
        ea = eb;
        eb = te;
        sign = sb;
    }
    mb = softfloat_shr_jam128(mb, ea - eb > 127 ? 127 : ea - eb);
    r = sa == sb ? ma + mb : ma - mb;
    if (r == 0) {
        /* Exact zero of a sum of opposite values: sign by the mode. */
        return softfloat_zero(f, s->rounding_mode == FLOAT_ROUND_DOWN);
    }
    return round_u128(sign, r, ea - ADD_LEAD, f, s);
}

static uint64_t add_common(uint64_t a, uint64_t b, bool negate_b,
                           const FloatFmt *f, FloatStatus *s)
{
    FloatParts pa, pb;

    softfloat_unpack_op(&pa, a, f, s);
    softfloat_unpack_op(&pb, b, f, s);
    if (softfloat_is_nan_cls(&pa) || softfloat_is_nan_cls(&pb)) {
        return softfloat_nan2(a, b, f, s);
    }
    pb.sign ^= negate_b;
    if (pa.cls == FLOAT_CLASS_INF || pb.cls == FLOAT_CLASS_INF) {
        if (pa.cls == pb.cls && pa.sign != pb.sign) {
            return softfloat_invalid(f, s);
        }
        return softfloat_inf(f, pa.cls == FLOAT_CLASS_INF ? pa.sign : pb.sign);
    }
    if (pa.cls == FLOAT_CLASS_ZERO && pb.cls == FLOAT_CLASS_ZERO) {
        if (pa.sign == pb.sign) {
            return softfloat_zero(f, pa.sign);
        }
        return softfloat_zero(f, s->rounding_mode == FLOAT_ROUND_DOWN);
    }
    if (pa.cls == FLOAT_CLASS_ZERO) {
        return softfloat_pack_parts(&pb, f, s);
    }
    if (pb.cls == FLOAT_CLASS_ZERO) {
        return softfloat_pack_parts(&pa, f, s);
    }
    return add_aligned(pa.sign, pa.exp, (softfloat_u128)pa.sig << 62, pb.sign,
                       pb.exp, (softfloat_u128)pb.sig << 62, f, s);
}

static uint64_t mul_common(uint64_t a, uint64_t b, const FloatFmt *f,
                           FloatStatus *s)
{
    FloatParts pa, pb;
    bool sign;

    softfloat_unpack_op(&pa, a, f, s);
    softfloat_unpack_op(&pb, b, f, s);
    if (softfloat_is_nan_cls(&pa) || softfloat_is_nan_cls(&pb)) {
        return softfloat_nan2(a, b, f, s);
    }
    sign = pa.sign ^ pb.sign;
    if ((pa.cls == FLOAT_CLASS_INF && pb.cls == FLOAT_CLASS_ZERO) ||
        (pa.cls == FLOAT_CLASS_ZERO && pb.cls == FLOAT_CLASS_INF)) {
        return softfloat_invalid(f, s);
    }
    if (pa.cls == FLOAT_CLASS_INF || pb.cls == FLOAT_CLASS_INF) {
        return softfloat_inf(f, sign);
    }
    if (pa.cls == FLOAT_CLASS_ZERO || pb.cls == FLOAT_CLASS_ZERO) {
        return softfloat_zero(f, sign);
    }
    /* sa * 2^(ea-63) * sb * 2^(eb-63) */
    return round_u128(sign, (softfloat_u128)pa.sig * pb.sig,
                      pa.exp + pb.exp - 126, f, s);
}

static uint64_t div_common(uint64_t a, uint64_t b, const FloatFmt *f,
                           FloatStatus *s)
{
    FloatParts pa, pb;
    softfloat_u128 num, q;
    bool sign;

    softfloat_unpack_op(&pa, a, f, s);
    softfloat_unpack_op(&pb, b, f, s);
    if (softfloat_is_nan_cls(&pa) || softfloat_is_nan_cls(&pb)) {
        return softfloat_nan2(a, b, f, s);
    }
    sign = pa.sign ^ pb.sign;
    if ((pa.cls == FLOAT_CLASS_INF && pb.cls == FLOAT_CLASS_INF) ||
        (pa.cls == FLOAT_CLASS_ZERO && pb.cls == FLOAT_CLASS_ZERO)) {
        return softfloat_invalid(f, s);
    }
    if (pa.cls == FLOAT_CLASS_INF || pb.cls == FLOAT_CLASS_ZERO) {
        if (pa.cls != FLOAT_CLASS_INF) {
            s->flags |= FLOAT_FLAG_DIVBYZERO;
        }
        return softfloat_inf(f, sign);
    }
    if (pa.cls == FLOAT_CLASS_ZERO || pb.cls == FLOAT_CLASS_INF) {
        return softfloat_zero(f, sign);
    }
    /* (sa << 64) / sb has at least 63 significant bits. */
    num = (softfloat_u128)pa.sig << 64;
    q = num / pb.sig;
    q |= (num % pb.sig) != 0;
    return round_u128(sign, q, pa.exp - pb.exp - 64, f, s);
}

/* floor(sqrt(v)), and whether it is exact. */
static uint64_t isqrt128(softfloat_u128 v, bool *exact)
{
    softfloat_u128 res = 0, bit = (softfloat_u128)1 << 126;

    while (bit) {
        if (v >= res + bit) {
            v -= res + bit;
            res = (res >> 1) + bit;
        } else {
            res >>= 1;
        }
        bit >>= 2;
    }
    *exact = v == 0;
    return (uint64_t)res;
}

static uint64_t sqrt_common(uint64_t a, const FloatFmt *f, FloatStatus *s)
{
    FloatParts pa;
    uint64_t r;
    int32_t e2;
    int t;
    bool exact;

    softfloat_unpack_op(&pa, a, f, s);
    if (softfloat_is_nan_cls(&pa)) {
        return softfloat_nan1(a, f, s);
    }
    if (pa.cls == FLOAT_CLASS_ZERO) {
        return softfloat_zero(f, pa.sign);
    }
    if (pa.sign) {
        return softfloat_invalid(f, s);
    }
    if (pa.cls == FLOAT_CLASS_INF) {
        return softfloat_inf(f, false);
    }
    /* value = (sig << t) * 2^e2 with e2 even; sqrt has >= 63 bits. */
    t = ((pa.exp - 63) & 1) ? 63 : 64;
    e2 = pa.exp - 63 - t;
    r = isqrt128((softfloat_u128)pa.sig << t, &exact);
    return round_u128(false, r | !exact, e2 / 2, f, s);
}

/*
 * The non-NaN cases of FPMulAdd (c + a * b), after the invalid checks;
 * a finite non-zero result is scaled by 2^@scale before its rounding.
 */
static uint64_t muladd_finite(FloatParts *pa, FloatParts *pb, FloatParts *pc,
                              int scale, const FloatFmt *f, FloatStatus *s)
{
    bool sp = pa->sign ^ pb->sign;
    bool infp = pa->cls == FLOAT_CLASS_INF || pb->cls == FLOAT_CLASS_INF;
    bool zerop = pa->cls == FLOAT_CLASS_ZERO || pb->cls == FLOAT_CLASS_ZERO;
    softfloat_u128 prod;
    int32_t pe;
    int lead;

    if (pc->cls == FLOAT_CLASS_INF && infp && pc->sign != sp) {
        return softfloat_invalid(f, s);
    }
    if (pc->cls == FLOAT_CLASS_INF || infp) {
        return softfloat_inf(f, pc->cls == FLOAT_CLASS_INF ? pc->sign : sp);
    }
    if (zerop) {
        if (pc->cls == FLOAT_CLASS_ZERO) {
            bool down = s->rounding_mode == FLOAT_ROUND_DOWN;

            return softfloat_zero(f, pc->sign == sp ? sp : down);
        }
        pc->exp += scale;
        return softfloat_pack_parts(pc, f, s);
    }
    /* prod * 2^(ea+eb-126), leading bit at 126 or 127 */
    prod = (softfloat_u128)pa->sig * pb->sig;
    if (pc->cls == FLOAT_CLASS_ZERO) {
        return round_u128(sp, prod, pa->exp + pb->exp - 126 + scale, f, s);
    }
    /*
     * Move the leading bit to ADD_LEAD.  The product of two significands
     * of at most 53 bits has at most 106 significant bits, so the bits
     * shifted out are zero and the product stays exact.
     */
    lead = (prod >> 127) ? 127 : 126;
    pe = pa->exp + pb->exp - 126 + lead + scale;
    prod = softfloat_shr_jam128(prod, lead - ADD_LEAD);
    return add_aligned(sp, pe, prod, pc->sign, pc->exp + scale,
                       (softfloat_u128)pc->sig << 62, f, s);
}

static uint64_t muladd_common(uint64_t a, uint64_t b, uint64_t c, int flags,
                              const FloatFmt *f, FloatStatus *s)
{
    FloatParts pa, pb, pc;
    bool inf_zero;
    uint64_t r;

    /* Arm FMSUB/FNMADD negate the operands with FPNeg, NaNs included. */
    if (flags & FLOAT_MULADD_NEGATE_C) {
        c ^= softfloat_sign_bit(f);
    }
    if (flags & FLOAT_MULADD_NEGATE_PRODUCT) {
        a ^= softfloat_sign_bit(f);
    }
    softfloat_unpack_op(&pc, c, f, s);
    softfloat_unpack_op(&pa, a, f, s);
    softfloat_unpack_op(&pb, b, f, s);
    inf_zero = (pa.cls == FLOAT_CLASS_INF && pb.cls == FLOAT_CLASS_ZERO) ||
               (pa.cls == FLOAT_CLASS_ZERO && pb.cls == FLOAT_CLASS_INF);
    if (softfloat_is_nan_cls(&pa) || softfloat_is_nan_cls(&pb) ||
        softfloat_is_nan_cls(&pc)) {
        if (s->nan_rule != FLOAT_NAN_RULE_ARM) {
            return softfloat_nan3(a, b, c, f, s);
        }
        r = softfloat_nan3(c, a, b, f, s);
        if (pc.cls == FLOAT_CLASS_QNAN && inf_zero) {
            r = softfloat_invalid(f, s);
        }
        return r;
    }
    if (inf_zero) {
        return softfloat_invalid(f, s);
    }
    r = muladd_finite(&pa, &pb, &pc,
                      (flags & FLOAT_MULADD_HALVE_RESULT) ? -1 : 0, f, s);
    if (flags & FLOAT_MULADD_NEGATE_RESULT) {
        r ^= softfloat_sign_bit(f);
    }
    return r;
}

/*
 * float16 goes straight to the soft-float; float32 and float64 first try
 * the host FPU (softfloat-fast.h), which declines whenever it cannot
 * prove that its result and flags are the soft-float's.
 */
#define SOFTFLOAT_ARITH16()                                                    \
    float16 float16_add(float16 a, float16 b, FloatStatus *s)                  \
    {                                                                          \
        return add_common(a, b, false, &softfloat_fmt16, s);                   \
    }                                                                          \
    float16 float16_sub(float16 a, float16 b, FloatStatus *s)                  \
    {                                                                          \
        return add_common(a, b, true, &softfloat_fmt16, s);                    \
    }                                                                          \
    float16 float16_mul(float16 a, float16 b, FloatStatus *s)                  \
    {                                                                          \
        return mul_common(a, b, &softfloat_fmt16, s);                          \
    }                                                                          \
    float16 float16_div(float16 a, float16 b, FloatStatus *s)                  \
    {                                                                          \
        return div_common(a, b, &softfloat_fmt16, s);                          \
    }                                                                          \
    float16 float16_sqrt(float16 a, FloatStatus *s)                            \
    {                                                                          \
        return sqrt_common(a, &softfloat_fmt16, s);                            \
    }                                                                          \
    float16 float16_muladd(float16 a, float16 b, float16 c, int flags,         \
                           FloatStatus *s)                                     \
    {                                                                          \
        return muladd_common(a, b, c, flags, &softfloat_fmt16, s);             \
    }

#define SOFTFLOAT_ARITH(N)                                                     \
    float##N float##N##_add(float##N a, float##N b, FloatStatus *s)            \
    {                                                                          \
        float##N r;                                                            \
                                                                               \
        if (softfloat_fast_add##N(a, b, s, &r)) {                              \
            return r;                                                          \
        }                                                                      \
        return add_common(a, b, false, &softfloat_fmt##N, s);                  \
    }                                                                          \
    float##N float##N##_sub(float##N a, float##N b, FloatStatus *s)            \
    {                                                                          \
        float##N r;                                                            \
                                                                               \
        if (softfloat_fast_add##N(a, b ^ ((float##N)1 << (N - 1)), s, &r)) {   \
            return r;                                                          \
        }                                                                      \
        return add_common(a, b, true, &softfloat_fmt##N, s);                   \
    }                                                                          \
    float##N float##N##_mul(float##N a, float##N b, FloatStatus *s)            \
    {                                                                          \
        float##N r;                                                            \
                                                                               \
        if (softfloat_fast_mul##N(a, b, s, &r)) {                              \
            return r;                                                          \
        }                                                                      \
        return mul_common(a, b, &softfloat_fmt##N, s);                         \
    }                                                                          \
    float##N float##N##_div(float##N a, float##N b, FloatStatus *s)            \
    {                                                                          \
        float##N r;                                                            \
                                                                               \
        if (softfloat_fast_div##N(a, b, s, &r)) {                              \
            return r;                                                          \
        }                                                                      \
        return div_common(a, b, &softfloat_fmt##N, s);                         \
    }                                                                          \
    float##N float##N##_sqrt(float##N a, FloatStatus *s)                       \
    {                                                                          \
        float##N r;                                                            \
                                                                               \
        if (softfloat_fast_sqrt##N(a, s, &r)) {                                \
            return r;                                                          \
        }                                                                      \
        return sqrt_common(a, &softfloat_fmt##N, s);                           \
    }                                                                          \
    float##N float##N##_muladd(float##N a, float##N b, float##N c, int flags,  \
                               FloatStatus *s)                                 \
    {                                                                          \
        float##N r;                                                            \
                                                                               \
        if (softfloat_fast_muladd##N(a, b, c, flags, s, &r)) {                 \
            return r;                                                          \
        }                                                                      \
        return muladd_common(a, b, c, flags, &softfloat_fmt##N, s);            \
    }

SOFTFLOAT_ARITH16()
SOFTFLOAT_ARITH(32)
SOFTFLOAT_ARITH(64)
