/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Private to util/softfloat-*.c: the canonical unpacked form, the format
 * descriptors, the single rounding routine and the NaN rules.
 *
 * Every operation unpacks its operands to FloatParts, computes the exact
 * result (or a result whose bits below the rounding point are "jammed"
 * into a sticky least significant bit), and calls softfloat_round_pack()
 * exactly once.  Invariant of a FLOAT_CLASS_NORMAL FloatParts: bit 63 of
 * sig is set and the value is (-1)^sign * sig * 2^(exp - 63), so exp is
 * the unbiased exponent of the leading bit.  Subnormal inputs are
 * normalised on unpack, so "normal" here means "finite and non-zero".
 *
 * The rounding follows Arm ARM FPRound (shared/functions/float/fpround)
 * and IEEE 754-2008 clauses 4.3, 7.4 and 7.5; NaN selection follows Arm
 * ARM FPProcessNaN/FPProcessNaNs/FPProcessNaNs3 or the x86 SDM rule.
 */
#ifndef UTIL_SOFTFLOAT_INTERNAL_H
#define UTIL_SOFTFLOAT_INTERNAL_H

#include "util/softfloat.h"
#include "util/bitops.h"

typedef unsigned __int128 softfloat_u128;

typedef enum FloatClass {
    FLOAT_CLASS_ZERO,
    FLOAT_CLASS_NORMAL, /* finite, non-zero (subnormals included) */
    FLOAT_CLASS_INF,
    FLOAT_CLASS_QNAN,
    FLOAT_CLASS_SNAN,
} FloatClass;

/* An IEEE binary interchange format. */
typedef struct FloatFmt {
    int exp_bits;  /* width of the biased exponent field */
    int frac_bits; /* width of the trailing significand field */
    int bias;      /* 2^(exp_bits-1) - 1 */
} FloatFmt;

extern const FloatFmt softfloat_fmt16;
extern const FloatFmt softfloat_fmt32;
extern const FloatFmt softfloat_fmt64;

typedef struct FloatParts {
    uint8_t cls; /* FloatClass */
    bool sign;
    int32_t exp;  /* unbiased exponent of bit 63 (NORMAL only) */
    uint64_t sig; /* NORMAL: bit 63 set; else 0 */
} FloatParts;

static inline uint64_t softfloat_sign_bit(const FloatFmt *f)
{
    return 1ull << (f->exp_bits + f->frac_bits);
}

static inline bool softfloat_is_nan_cls(const FloatParts *p)
{
    return p->cls == FLOAT_CLASS_QNAN || p->cls == FLOAT_CLASS_SNAN;
}

/* @v shifted right by @n, with any bit shifted out ORed into bit 0. */
static inline uint64_t softfloat_shr_jam64(uint64_t v, int n)
{
    if (n == 0) {
        return v;
    }
    if (n >= 64) {
        return v != 0;
    }
    return (v >> n) | ((v & ((1ull << n) - 1)) != 0);
}

static inline softfloat_u128 softfloat_shr_jam128(softfloat_u128 v, int n)
{
    if (n == 0) {
        return v;
    }
    if (n >= 128) {
        return v != 0;
    }
    return (v >> n) | ((v & (((softfloat_u128)1 << n) - 1)) != 0);
}

/* Raw encoding helpers. */
uint64_t softfloat_pack(const FloatFmt *f, bool sign, uint64_t bexp,
                        uint64_t frac);
uint64_t softfloat_zero(const FloatFmt *f, bool sign);
uint64_t softfloat_inf(const FloatFmt *f, bool sign);

/*
 * Decode @bits.  With @flush (the status asked for input flushing),
 * a subnormal reads as a zero of its sign and raises INPUT_DENORMAL.
 * With @ahp the all-ones exponent is an ordinary normal exponent.
 */
void softfloat_unpack(FloatParts *p, uint64_t bits, const FloatFmt *f,
                      bool flush, bool ahp, FloatStatus *s);
/* softfloat_unpack with the status's input flushing and no AHP. */
void softfloat_unpack_op(FloatParts *p, uint64_t bits, const FloatFmt *f,
                         FloatStatus *s);

/*
 * Round the NORMAL value (@sign, @exp, @sig: bit 63 of @sig set, lower
 * bits possibly jammed) to @f with @rm and encode it: FPRound.  @ftz
 * flushes results below the normal range (before rounding) to zero
 * raising UNDERFLOW only; @ahp selects Arm alternative half precision
 * overflow (saturate, INVALID).
 */
uint64_t softfloat_round_pack(bool sign, int32_t exp, uint64_t sig,
                              const FloatFmt *f, FloatRoundMode rm, bool ftz,
                              bool ahp, FloatStatus *s);
/* Round @p (ZERO, NORMAL or INF) with the status's mode and FZ. */
uint64_t softfloat_pack_parts(const FloatParts *p, const FloatFmt *f,
                              FloatStatus *s);
/*
 * Normalise the exact-or-jammed value @r * 2^@e0 (@r != 0) to the
 * canonical (exp, sig) form.
 */
void softfloat_norm128(softfloat_u128 r, int32_t e0, int32_t *exp,
                       uint64_t *sig);

/* NaN results: FPDefaultNaN, FPProcessNaN, FPProcessNaNs(3). */
uint64_t softfloat_default_nan(const FloatFmt *f, const FloatStatus *s);
uint64_t softfloat_nan1(uint64_t a, const FloatFmt *f, FloatStatus *s);
uint64_t softfloat_nan2(uint64_t a, uint64_t b, const FloatFmt *f,
                        FloatStatus *s);
/* The three operands in the rule's order of preference. */
uint64_t softfloat_nan3(uint64_t a, uint64_t b, uint64_t c, const FloatFmt *f,
                        FloatStatus *s);
/* Invalid operation: raise INVALID, return the default NaN. */
uint64_t softfloat_invalid(const FloatFmt *f, FloatStatus *s);

#endif
