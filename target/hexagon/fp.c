/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The scalar FP operations of hex-fp.isa (fp.h) on hemu's soft-float
 * library.  Spec: Hexagon V68 PRM, "XTYPE/FP": IEEE 754 arithmetic in the
 * rounding mode of USR.FPRND, sticky exception bits in USR, Hexagon's
 * default NaN (all ones) for a NaN result, all ones for a NaN converted
 * to an integer.  The status is built per call from the packet's USR
 * and its flags are returned, so that they are committed with the packet
 * like every other USR write.  Exceptions enabled in USR (trapping) are
 * not modelled (as in xtype2-fp.c).
 *
 * Division and square root are software sequences on Hexagon: sfrecipa
 * and sfinvsqrta give an 8-bit table estimate of 1/d or 1/sqrt(x) and
 * Pe, a hint for the final scaling; sffixupn/sffixupd/sffixupr give the
 * operands scaled (or replaced for zeros, infinities and NaNs) so that
 * the Newton-Raphson steps (sffma:lib, which neither raises flags nor
 * overflows to infinity) cannot overflow or underflow.  The estimates
 * are computed from their definition (the 1/d or 1/sqrt(x) of the
 * table interval's midpoint, rounded to 8 bits) instead of being stored;
 * recip_estimate() lists the two entries where the architecture's table
 * departs from that rule.  dfmpyll/dfmpylh/dfmpyhh are the three steps
 * of a double-precision multiply built from 32x32-bit partial products:
 * the accumulator holds the sum of the lower products shifted left by one,
 * with a sticky bit in bit 0, and dfmpyhh adds the high product and
 * rounds the whole to a double.
 */
#include "fp.h"
#include "util/softfloat.h"

/* USR bits (PRM "User status register") */
#define USR_FPINVF (1u << 1)
#define USR_FPDBZF (1u << 2)
#define USR_FPOVFF (1u << 3)
#define USR_FPUNFF (1u << 4)
#define USR_FPINPF (1u << 5)
#define USR_FPRND_SHIFT 22

#define SF_NAN 0xffffffffu              /* Hexagon's default NaNs */
#define DF_NAN UINT64_MAX
#define SF_ONE 0x3f800000u
#define SF_INF 0x7f800000u
#define SF_SIGN 0x80000000u
#define DF_SIGN (1ull << 63)

/* sfclass/dfclass immediate bits */
enum { CL_ZERO = 1, CL_NORMAL = 2, CL_SUBNORMAL = 4, CL_INF = 8, CL_NAN = 16 };

static const FloatRoundMode hex_rnd[4] = {
    FLOAT_ROUND_NEAREST_EVEN, FLOAT_ROUND_TO_ZERO, FLOAT_ROUND_DOWN,
    FLOAT_ROUND_UP,
};

static void fp_status(FloatStatus *st, FloatRoundMode m)
{
    *st = (FloatStatus) {
        .rounding_mode = m,
        .default_nan_mode = true,
        .default_nan_negative = true,
    };
}

static uint32_t usr_flags(const FloatStatus *st)
{
    return (st->flags & FLOAT_FLAG_INVALID ? USR_FPINVF : 0) |
           (st->flags & FLOAT_FLAG_DIVBYZERO ? USR_FPDBZF : 0) |
           (st->flags & FLOAT_FLAG_OVERFLOW ? USR_FPOVFF : 0) |
           (st->flags & FLOAT_FLAG_UNDERFLOW ? USR_FPUNFF : 0) |
           (st->flags & FLOAT_FLAG_INEXACT ? USR_FPINPF : 0);
}

static uint32_t sf(float32 v)
{
    return float32_is_nan(v) ? SF_NAN : v;
}

static uint64_t df(float64 v)
{
    return float64_is_nan(v) ? DF_NAN : v;
}

/* ---- classification --------------------------------------------- */

static unsigned sf_class(uint32_t v)
{
    uint32_t e = v >> 23 & 0xff, m = v & 0x7fffff;

    if (e == 0xff) {
        return m ? CL_NAN : CL_INF;
    }
    if (e == 0) {
        return m ? CL_SUBNORMAL : CL_ZERO;
    }
    return CL_NORMAL;
}

static unsigned df_class(uint64_t v)
{
    uint64_t e = v >> 52 & 0x7ff, m = v & ((1ull << 52) - 1);

    if (e == 0x7ff) {
        return m ? CL_NAN : CL_INF;
    }
    if (e == 0) {
        return m ? CL_SUBNORMAL : CL_ZERO;
    }
    return CL_NORMAL;
}

/* The biased exponent field (0 for zeros and subnormals). */
static int sf_exp(uint32_t v)
{
    return v >> 23 & 0xff;
}

static int df_exp(uint64_t v)
{
    return v >> 52 & 0x7ff;
}

uint32_t hex_fp_sfmake(uint32_t u10, bool neg)
{
    /* 1.0 * 2^-6, the immediate added at mantissa bit 17 */
    return (neg ? SF_SIGN : 0) + ((127u - 6) << 23) + (u10 << 17);
}

uint64_t hex_fp_dfmake(uint32_t u10, bool neg)
{
    return (neg ? DF_SIGN : 0) + ((1023ull - 6) << 52) +
           ((uint64_t)u10 << 46);
}

/* ---- estimate tables ------------------------------------------------ */

/*
 * 1/d for d = 1.f with f's top 7 bits = @i: the reciprocal of the
 * interval's midpoint 1 + (i + 0.5)/128, in [0.5, 1), as 1.xxxxxxxx/2
 * rounded to 8 fraction bits: round(2^17 / (257 + 2i)) - 256.  Entries
 * 112 and 127 of the architecture's table are one off that rule (17 and
 * 0 where it gives 16 and 1: 16.4990 and 0.5010 before rounding).
 * Both estimates were checked entry by entry against qemu-hexagon
 * (used as an oracle, like llvm-mc for the encodings).
 */
static uint32_t recip_estimate(uint32_t i)
{
    uint32_t num = 1u << 17, den = 257 + 2 * i;

    if (i == 112) {
        return 17;
    }
    if (i == 127) {
        return 0;
    }
    return (2 * num + den) / (2 * den) - 256;
}

/* Integer square root of @v (floor). */
static uint64_t isqrt64(uint64_t v)
{
    uint64_t r = 0, bit = 1ull << 62;

    while (bit > v) {
        bit >>= 2;
    }
    while (bit) {
        if (v >= r + bit) {
            v -= r + bit;
            r = (r >> 1) + bit;
        } else {
            r >>= 1;
        }
        bit >>= 2;
    }
    return r;
}

/*
 * 1/sqrt(x) for x = 1.f * 2^E with @i = E's low bit (bit 6: set for even
 * E) and f's top 6 bits j: at the interval's midpoint, x_m = (129 + 2j)
 * / 128 (times 1/2 for odd E, which maps x to [0.5, 1)), the estimate y
 * = 1/sqrt(x_m) (odd E) or 2/sqrt(x_m) (even E), in [1, 2), rounded to 8
 * fraction bits.  In integers: y^2 = 2^8 / (129 + 2j) or 2^9 / (129 +
 * 2j), so (2^16 y)^2 = 2^40 / (129 + 2j) or 2^41 / (129 + 2j).
 */
static uint32_t invsqrt_estimate(uint32_t i)
{
    uint64_t den = 129 + 2 * (i & 63);
    /* (2^16 y)^2 = 2^32 y^2 = 2^40 / den or 2^41 / den */
    uint64_t sq = (i < 64 ? 1ull << 40 : 1ull << 41) / den;
    uint64_t y16 = isqrt64(sq);         /* floor(2^16 y), y < 2 */

    return (uint32_t)(((y16 + (1u << 7)) >> 8) - 256);
}

/* ---- division support (sfrecipa, sffixupn, sffixupd) ----------------- */

typedef struct Recip {
    uint32_t n, d;      /* the fixed-up numerator and denominator */
    uint32_t est;       /* the result when done (a special case) */
    uint32_t pe;        /* Pe: 0x80 / 0x40 scaling hint, else 0 */
    bool done;          /* a special case: est is final, no table */
} Recip;

static uint32_t sf_scale(uint32_t v, uint32_t pow2, FloatStatus *st)
{
    return float32_mul(v, pow2, st);
}

#define SF_P64 0x5f800000u      /* 2^64 */
#define SF_M64 0x1f800000u      /* 2^-64 */
#define SF_P32 0x4f800000u      /* 2^32 */
#define SF_M32 0x2f800000u      /* 2^-32 */

/* Scale n/d so that the quotient's computation stays in range. */
static void recip_scale(Recip *r, FloatStatus *st)
{
    int ne = sf_exp(r->n), de = sf_exp(r->d);

    if (ne - de + 127 <= 23) {                  /* quotient underflows */
        r->pe = 0x80;
        r->d = sf_scale(r->d, SF_M64, st);
        r->n = sf_scale(r->n, SF_P64, st);
    } else if (ne - de + 127 > 254 - 24) {      /* quotient overflows */
        r->pe = 0x40;
        r->d = sf_scale(r->d, SF_P32, st);
        r->n = sf_scale(r->n, SF_M32, st);
    } else if (ne <= 23 + 2) {                  /* tiny numerator */
        r->d = sf_scale(r->d, SF_P64, st);
        r->n = sf_scale(r->n, SF_P64, st);
    } else if (de <= 1) {                       /* tiny denominator */
        r->d = sf_scale(r->d, SF_P32, st);
        r->n = sf_scale(r->n, SF_P32, st);
    } else if (de > 252) {                      /* huge denominator */
        r->d = sf_scale(r->d, SF_M32, st);
        r->n = sf_scale(r->n, SF_M32, st);
    }
}

static Recip recip_common(uint32_t n, uint32_t d, FloatStatus *st)
{
    Recip r = { .n = n, .d = d, .est = SF_ONE, .done = true };
    unsigned nc = sf_class(n), dc = sf_class(d);
    uint32_t sign = (n ^ d) & SF_SIGN;

    if (nc == CL_NAN || dc == CL_NAN) {
        if (float32_is_signaling_nan(n) || float32_is_signaling_nan(d)) {
            st->flags |= FLOAT_FLAG_INVALID;
        }
        r.n = r.d = r.est = SF_NAN;
    } else if ((nc == CL_INF && dc == CL_INF) ||
               (nc == CL_ZERO && dc == CL_ZERO)) {
        st->flags |= FLOAT_FLAG_INVALID;
        r.n = r.d = r.est = SF_NAN;
    } else if (dc == CL_ZERO) {                 /* x/0: infinity */
        if (nc != CL_INF) {
            st->flags |= FLOAT_FLAG_DIVBYZERO;
        }
        r.n = sign | SF_INF;
        r.d = SF_ONE;
    } else if (dc == CL_INF || nc == CL_ZERO) { /* zero quotient */
        r.n = sign;
        r.d = SF_ONE;
    } else if (nc == CL_INF) {
        r.n = sign | SF_INF;
        r.d = SF_ONE;
    } else {
        r.done = false;
        recip_scale(&r, st);
    }
    return r;
}

static uint32_t sfrecipa(uint32_t n, uint32_t d, FloatStatus *st,
                         uint32_t *pe)
{
    Recip r = recip_common(n, d, st);
    uint32_t exp;

    *pe = r.pe;
    if (r.done) {
        return r.est;
    }
    /* sign of d, exponent 253 - exp(d) (1/d's binade), table mantissa */
    exp = (uint32_t)(253 - sf_exp(r.d)) & 0xff;
    return (r.d & SF_SIGN) | exp << 23 |
           (uint32_t)recip_estimate(r.d >> 16 & 0x7f) << 15 | 1;
}

/* ---- square-root support (sfinvsqrta, sffixupr) ------------------- */

static Recip invsqrt_common(uint32_t v, FloatStatus *st)
{
    Recip r = { .n = v, .est = SF_ONE, .done = true };
    unsigned c = sf_class(v);

    if (c == CL_NAN) {
        if (float32_is_signaling_nan(v)) {
            st->flags |= FLOAT_FLAG_INVALID;
        }
        r.n = r.est = SF_NAN;
    } else if ((v & SF_SIGN) && c != CL_ZERO) { /* negative: invalid */
        st->flags |= FLOAT_FLAG_INVALID;
        r.n = r.est = SF_NAN;
    } else if (c == CL_INF) {
        r.n = r.est = SF_SIGN | SF_INF;
    } else if (c != CL_ZERO) {
        r.done = false;
        if (sf_exp(v) <= 24) {
            r.n = sf_scale(v, SF_P64, st);
            r.pe = 0xe0;
        }
    }
    return r;
}

static uint32_t sfinvsqrta(uint32_t v, FloatStatus *st, uint32_t *pe)
{
    Recip r = invsqrt_common(v, st);
    int e;

    *pe = r.pe;
    if (r.done) {
        return r.est;
    }
    e = 127 - ((sf_exp(r.n) - 127) >> 1) - 1;
    return (r.n & SF_SIGN) | ((uint32_t)e & 0xff) << 23 |
           (uint32_t)invsqrt_estimate(r.n >> 17 & 0x7f) << 15;
}

/* ---- fused multiply-adds for library routines --------------------- */

static bool sf_is_inf(uint32_t v)
{
    return sf_class(v) == CL_INF;
}

/* The product a * b is an infinity (the other factor nonzero, no NaN). */
static bool sf_inf_prod(uint32_t a, uint32_t b)
{
    unsigned ca = sf_class(a), cb = sf_class(b);

    return (ca == CL_INF && !(cb & (CL_ZERO | CL_NAN))) ||
           (cb == CL_INF && !(ca & (CL_ZERO | CL_NAN)));
}

/* The product a * b is a zero (the other factor finite). */
static bool sf_zero_prod(uint32_t a, uint32_t b)
{
    unsigned ca = sf_class(a), cb = sf_class(b);

    return (ca == CL_ZERO && !(cb & (CL_INF | CL_NAN))) ||
           (cb == CL_ZERO && !(ca & (CL_INF | CL_NAN)));
}

/*
 * Rx +/-= sfmpy(Rs,Rt):lib: round to nearest whatever USR says, no flags,
 * a zero Rx plus a zero product keeps Rx, a finite overflow gives the
 * largest finite number instead of infinity, and infinity minus infinity
 * gives +0 instead of a NaN.
 */
static uint32_t sffma_lib(uint32_t x, uint32_t a, uint32_t b, bool sub)
{
    FloatStatus st;
    uint32_t prod_sign = (a ^ b ^ (sub ? SF_SIGN : 0)) & SF_SIGN;
    bool inf_minus_inf = sf_is_inf(x) && sf_inf_prod(a, b) &&
                         prod_sign != (x & SF_SIGN);
    bool inf_in = sf_is_inf(x) || sf_is_inf(a) || sf_is_inf(b);
    uint32_t r;

    fp_status(&st, FLOAT_ROUND_NEAREST_EVEN);
    if (sf_class(x) == CL_NAN || sf_class(a) == CL_NAN ||
        sf_class(b) == CL_NAN) {
        return SF_NAN;
    }
    if (inf_minus_inf) {
        return 0;
    }
    if (sf_class(x) == CL_ZERO && sf_zero_prod(a, b)) {
        return x;
    }
    r = sf(float32_muladd(a, b, x, sub ? FLOAT_MULADD_NEGATE_PRODUCT : 0,
                          &st));
    if (sf_is_inf(r) && !inf_in) {
        r -= 1;                         /* largest finite, same sign */
    }
    return r;
}

/*
 * Rx += sfmpy(Rs,Rt,Pu):scale: (Rs * Rt + Rx) * 2^Pu (Pu a signed byte)
 * rounded once.  With a positive scale, a subnormal Rx only contributes
 * its sign, as a sticky bit far below the product (measured on
 * qemu-hexagon, whose FP follows Qualcomm's reference code; such an Rx
 * is below the precision of any scaled result the division sequence
 * produces).  The fused sum is first rounded to double with round-to-odd
 * (53 >= 24 + 2 bits, so the second rounding to single gives the
 * one-rounding result), scaled exactly in double, then
 * rounded to single in the USR mode, which raises the flags.
 */
static uint32_t sffma_sc(uint32_t x, uint32_t a, uint32_t b, int8_t scale,
                         FloatStatus *st)
{
    FloatStatus odd;
    float64 r, xd;

    if (sf_class(x) == CL_NAN || sf_class(a) == CL_NAN ||
        sf_class(b) == CL_NAN) {
        if (float32_is_signaling_nan(x) || float32_is_signaling_nan(a) ||
            float32_is_signaling_nan(b)) {
            st->flags |= FLOAT_FLAG_INVALID;
        }
        return SF_NAN;
    }
    if (sf_class(x) == CL_ZERO && sf_zero_prod(a, b)) {
        return x;
    }
    fp_status(&odd, FLOAT_ROUND_TO_ODD);
    xd = float32_to_float64(x, &odd);
    if (scale > 0 && sf_class(x) == CL_SUBNORMAL) {
        xd = (xd & DF_SIGN) | 1;        /* only a sticky of Rx's sign */
    }
    r = float64_muladd(float32_to_float64(a, &odd),
                       float32_to_float64(b, &odd), xd, 0, &odd);
    if (float64_is_nan(r)) {
        st->flags |= odd.flags & FLOAT_FLAG_INVALID;
        return SF_NAN;
    }
    /* 2^scale: biased exponent 1023 + scale, exact (|scale| <= 128) */
    r = float64_mul(r, (uint64_t)(1023 + scale) << 52, &odd);
    return sf(float64_to_float32(r, st));
}

/* ---- double-precision multiply steps ------------------------------ */

#define DF_FRAC_MASK ((1ull << 52) - 1)

/*
 * dfmpyfix: make a subnormal operand normal for the partial products
 * when the other one is large enough that the product is not tiny
 * (Rss * 2^52), or scale Rss down when Rtt is the subnormal one.
 */
static uint64_t dfmpyfix(uint64_t s, uint64_t t)
{
    FloatStatus st;

    fp_status(&st, FLOAT_ROUND_NEAREST_EVEN);
    if (df_class(s) == CL_SUBNORMAL && df_class(t) == CL_NORMAL &&
        df_exp(t) >= 512) {
        return float64_mul(s, (1023ull + 52) << 52, &st);
    }
    if (df_class(t) == CL_SUBNORMAL && df_class(s) == CL_NORMAL &&
        df_exp(s) >= 512) {
        return float64_mul(s, (1023ull - 52) << 52, &st);
    }
    return s;
}

/*
 * dfmax/dfmin: IEEE maxNum/minNum (-0 < +0), except that a signalling
 * NaN is treated like a quiet one (the other operand is returned) while
 * still raising invalid; two NaNs give the default NaN.
 */
static uint64_t dfminmax(uint64_t s, uint64_t t, bool max, FloatStatus *st)
{
    bool sn = float64_is_nan(s), tn = float64_is_nan(t);

    if (float64_is_signaling_nan(s) || float64_is_signaling_nan(t)) {
        st->flags |= FLOAT_FLAG_INVALID;
    }
    if (sn || tn) {
        return sn && tn ? DF_NAN : sn ? t : s;
    }
    return max ? float64_maxnum(s, t, st) : float64_minnum(s, t, st);
}

/* The 53-bit significand, with the hidden bit of a normal number. */
static uint64_t df_sig(uint64_t v)
{
    return (v & DF_FRAC_MASK) | (df_class(v) == CL_NORMAL ? 1ull << 52 : 0);
}

/*
 * m * 2^e below the normal range (m in [2^63, 2^64), e + 63 < -1022):
 * round to a multiple of 2^-1074 in the status's mode, raising inexact
 * and underflow.
 */
static uint64_t df_round_tiny(bool neg, uint64_t m, int e, FloatStatus *st)
{
    int s = -1074 - e;                  /* bits below the last place */
    uint64_t q = s < 64 ? m >> s : 0;
    uint64_t rem = s < 64 ? m & ((1ull << s) - 1) : m;
    uint64_t half = s <= 64 ? 1ull << (s - 1) : 0;
    bool up = false;

    if (!rem) {
        return q;
    }
    switch (st->rounding_mode) {
    case FLOAT_ROUND_NEAREST_EVEN:
        up = s <= 64 && (rem > half || (rem == half && (q & 1)));
        break;
    case FLOAT_ROUND_UP:
        up = !neg;
        break;
    case FLOAT_ROUND_DOWN:
        up = neg;
        break;
    default:
        break;
    }
    q += up;
    st->flags |= FLOAT_FLAG_INEXACT;
    if (st->tininess_before_rounding || q < (1ull << 52)) {
        st->flags |= FLOAT_FLAG_UNDERFLOW;
    }
    return q;                           /* 2^52 is the smallest normal */
}

/* Round m * 2^e (m != 0, bit 0 sticky) to a double of sign @neg. */
static uint64_t df_round(bool neg, unsigned __int128 m, int e,
                         FloatStatus *st)
{
    uint64_t m64, sign = neg ? DF_SIGN : 0;
    int lz = 0;
    float64 v;

    /* normalise into 64 bits, jamming what falls off into bit 0 */
    while (m >> 64) {
        m = (m >> 1) | (m & 1);
        e++;
    }
    m64 = (uint64_t)m;
    while (!(m64 >> 63)) {
        m64 <<= 1;
        lz++;
    }
    e -= lz;
    /* value = m64 * 2^e, m64 in [2^63, 2^64): its binade is e + 63 */
    if (e + 63 >= -1022) {
        /* round the magnitude: the directed modes swap for a negative */
        FloatStatus mag = *st;

        if (neg && st->rounding_mode == FLOAT_ROUND_UP) {
            mag.rounding_mode = FLOAT_ROUND_DOWN;
        } else if (neg && st->rounding_mode == FLOAT_ROUND_DOWN) {
            mag.rounding_mode = FLOAT_ROUND_UP;
        }
        v = uint64_to_float64(m64, 63, &mag);  /* [1, 2], rounded once */
        if (e + 63 > 1100) {
            e = 1100 - 63;                      /* overflows either way */
        }
        /* exact scaling in two steps (each power a normal double) */
        v = float64_mul(v, (uint64_t)(1023 + (e + 63) / 2) << 52, &mag);
        v = float64_mul(v, (uint64_t)(1023 + (e + 63) - (e + 63) / 2) << 52,
                        &mag);
        st->flags |= mag.flags;
        return sign | v;
    }
    return sign | df_round_tiny(neg, m64, e, st);
}

/*
 * Rxx += dfmpyhh(Rss,Rtt): the final step.  With 53-bit significands
 * a = ah * 2^32 + al and b likewise, the earlier steps left in Rxx
 * (al*bl / 2^32 + al*bh + ah*bl) * 2 with a sticky bit 0; adding ah*bh *
 * 2^32 gives a*b / 2^32, so the product is that sum * 2^(ea + eb - 2118)
 * for biased exponents ea, eb.  A zero, infinite or NaN operand gives
 * the plain product; a subnormal one (not fixed up by dfmpyfix, so the
 * product is far below the normal range) an inexact tiny value.
 */
static uint64_t dfmpyhh(uint64_t acc, uint64_t a, uint64_t b,
                        FloatStatus *st)
{
    unsigned ca = df_class(a), cb = df_class(b);
    bool neg = (a ^ b) >> 63;
    unsigned __int128 m;

    if ((ca | cb) & (CL_ZERO | CL_INF | CL_NAN)) {
        return df(float64_mul(a, b, st));
    }
    if (ca != CL_NORMAL || cb != CL_NORMAL) {
        return df_round(neg, 1, -4000, st);
    }
    m = (unsigned __int128)(df_sig(a) >> 32) * (df_sig(b) >> 32) << 32;
    m += acc >> 1;
    m = (m << 1) | (acc & 1);           /* one more bit for the sticky */
    return df_round(neg, m, df_exp(a) + df_exp(b) - 2118 - 1, st);
}

/* ---- conversions ---------------------------------------------------- */

/*
 * A float to a 64-bit integer: a NaN gives all ones, a negative number
 * (-0 included) to an unsigned integer gives 0 (both invalid, not
 * inexact).
 */
static uint64_t to_int64(uint64_t v, bool dbl, bool sign, FloatRoundMode m,
                         FloatStatus *st)
{
    if (dbl ? float64_is_nan(v) : float32_is_nan((uint32_t)v)) {
        st->flags |= FLOAT_FLAG_INVALID;
        return UINT64_MAX;
    }
    if (!sign && (dbl ? v >> 63 : v >> 31 & 1)) {
        st->flags |= FLOAT_FLAG_INVALID;  /* negative to unsigned: 0 */
        return 0;
    }
    if (dbl) {
        return sign ? (uint64_t)float64_to_int64(v, 0, m, st)
                    : float64_to_uint64(v, 0, m, st);
    }
    return sign ? (uint64_t)float32_to_int64((uint32_t)v, 0, m, st)
                : float32_to_uint64((uint32_t)v, 0, m, st);
}

static uint64_t fp_convert(uint32_t op, uint64_t s, FloatStatus *st)
{
    FloatRoundMode m = st->rounding_mode, z = FLOAT_ROUND_TO_ZERO;

    switch (op) {
    case HFP_UD2SF:
        return uint64_to_float32(s, 0, st);
    case HFP_D2SF:
        return int64_to_float32((int64_t)s, 0, st);
    case HFP_UD2DF:
        return uint64_to_float64(s, 0, st);
    case HFP_SF2UD:
        return to_int64(s, false, false, m, st);
    case HFP_SF2D:
        return to_int64(s, false, true, m, st);
    case HFP_SF2UD_CHOP:
        return to_int64(s, false, false, z, st);
    case HFP_SF2D_CHOP:
        return to_int64(s, false, true, z, st);
    case HFP_DF2UD:
        return to_int64(s, true, false, m, st);
    case HFP_DF2UD_CHOP:
        return to_int64(s, true, false, z, st);
    case HFP_DF2D_CHOP:
        return to_int64(s, true, true, z, st);
    default:                            /* HFP_DF2UW_CHOP */
        if (float64_is_nan(s)) {
            st->flags |= FLOAT_FLAG_INVALID;
            return UINT32_MAX;
        }
        if (s >> 63) {
            st->flags |= FLOAT_FLAG_INVALID;
            return 0;
        }
        return float64_to_uint32(s, 0, z, st);
    }
}

/* ---- the entry point -------------------------------------------------- */

static uint64_t fp_misc(uint32_t op, uint64_t s, uint64_t t, uint64_t x,
                        FloatStatus *st, uint32_t *pe)
{
    uint32_t a = (uint32_t)s, b = (uint32_t)t;

    switch (op) {
    case HFP_SFCLASS:
        return sf_class(a) & b ? 0xff : 0;
    case HFP_DFCLASS:
        return df_class(s) & b ? 0xff : 0;
    case HFP_SFFMA_SC:
        return sffma_sc((uint32_t)x, a, b, (int8_t)(t >> 32), st);
    case HFP_SFFMA_LIB:
    case HFP_SFFMS_LIB:
        return sffma_lib((uint32_t)x, a, b, op == HFP_SFFMS_LIB);
    case HFP_SFRECIPA:
        return sfrecipa(a, b, st, pe);
    case HFP_SFFIXUPN:
        return recip_common(a, b, st).n;
    case HFP_SFFIXUPD:
        return recip_common(a, b, st).d;
    case HFP_SFINVSQRTA:
        return sfinvsqrta(a, st, pe);
    case HFP_SFFIXUPR:
        return invsqrt_common(a, st).n;
    case HFP_DFMAX:
    case HFP_DFMIN:
        return dfminmax(s, t, op == HFP_DFMAX, st);
    case HFP_DFMPYFIX:
        return dfmpyfix(s, t);
    case HFP_DFMPYLL: {
        uint64_t p = (s & UINT32_MAX) * (t & UINT32_MAX);

        return (p >> 32) << 1 | ((uint32_t)p != 0);
    }
    case HFP_DFMPYLH:
        return x + ((s & UINT32_MAX) * (0x100000 | (t >> 32 & 0xfffff)) << 1);
    default:                            /* HFP_DFMPYHH */
        return dfmpyhh(x, s, t, st);
    }
}

uint64_t hex_fp_eval(uint32_t op, uint32_t usr, uint64_t s, uint64_t t,
                     uint64_t x, uint32_t *side)
{
    FloatStatus st;
    uint32_t pe = 0;
    uint64_t r;

    fp_status(&st, hex_rnd[usr >> USR_FPRND_SHIFT & 3]);
    if (op >= HFP_UD2SF) {
        r = fp_convert(op, s, &st);
    } else {
        r = fp_misc(op, s, t, x, &st, &pe);
    }
    *side = usr_flags(&st) | pe << HFP_SIDE_PE_SHIFT;
    return r;
}
