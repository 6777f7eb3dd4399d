/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * IEEE 754-2008 binary16/32/64 arithmetic in software, exact to the bit:
 * results, exception flags and NaN handling follow the rules a
 * FloatStatus selects, so each guest architecture gets its own behaviour
 * (Arm: default NaN pattern, NaN propagation order, tininess before
 * rounding, flush-to-zero of inputs and outputs, alternative half
 * precision).  Written for hemu from the IEEE 754 standard and the
 * architecture manuals; no code from other soft-float libraries.
 *
 * Values are raw bit patterns (float16/float32/float64).  Every function
 * takes the FloatStatus it reads the modes from and ORs the exception
 * flags it raises into: the status is per vCPU (a field of the CPU
 * state), never global, so guests of different architectures in one
 * process never disturb each other.
 */
#ifndef UTIL_SOFTFLOAT_H
#define UTIL_SOFTFLOAT_H

#include "hemu/osdep.h"

typedef uint16_t float16;
typedef uint32_t float32;
typedef uint64_t float64;

/* Rounding directions (IEEE 754 4.3) plus round-to-odd. */
typedef enum FloatRoundMode {
    FLOAT_ROUND_NEAREST_EVEN = 0,   /* roundTiesToEven */
    FLOAT_ROUND_UP = 1,             /* roundTowardPositive */
    FLOAT_ROUND_DOWN = 2,           /* roundTowardNegative */
    FLOAT_ROUND_TO_ZERO = 3,        /* roundTowardZero */
    FLOAT_ROUND_TIES_AWAY = 4,      /* roundTiesToAway (FRINTA, FCVTA*) */
    FLOAT_ROUND_TO_ODD = 5,         /* von Neumann rounding (FCVTXN) */
} FloatRoundMode;

/* Exception flags, sticky in FloatStatus.flags. */
enum {
    FLOAT_FLAG_INVALID = 1 << 0,
    FLOAT_FLAG_DIVBYZERO = 1 << 1,
    FLOAT_FLAG_OVERFLOW = 1 << 2,
    FLOAT_FLAG_UNDERFLOW = 1 << 3,
    FLOAT_FLAG_INEXACT = 1 << 4,
    FLOAT_FLAG_INPUT_DENORMAL = 1 << 5, /* an input was flushed (Arm IDC) */
};

/* Which operand's NaN a two/three-operand operation returns. */
typedef enum FloatNaNRule {
    /*
     * Arm (FPProcessNaNs/FPProcessNaNs3): the first signalling NaN in
     * operand order, quieted; else the first quiet NaN.  For fused
     * multiply-add the operand order is (addend, mul1, mul2) and an
     * Inf*0 with a quiet NaN addend gives the default NaN (invalid).
     */
    FLOAT_NAN_RULE_ARM = 0,
    /* x86 SSE: the first operand's NaN (quieted) if it is a NaN, else
       the second's (muladd: order a, b, c; Inf * 0 + quiet NaN returns
       that NaN without invalid, as the host FMA does). */
    FLOAT_NAN_RULE_X86 = 1,
} FloatNaNRule;

typedef struct FloatStatus {
    uint8_t rounding_mode;      /* FloatRoundMode */
    uint8_t flags;              /* FLOAT_FLAG_*, sticky */
    uint8_t nan_rule;           /* FloatNaNRule */
    bool default_nan_mode;      /* every NaN result is the default NaN */
    bool default_nan_negative;  /* the default NaN's sign (Arm: positive) */
    bool flush_to_zero;         /* results whose exact value is below the
                                   normal range become a zero of their
                                   sign, raising UNDERFLOW only (Arm ARM
                                   FPRound: UFC, not IXC) */
    bool flush_inputs_to_zero;  /* subnormal inputs read as zero (sets
                                   INPUT_DENORMAL; Arm FZ16 does not set
                                   IDC, so an FP16 status's INPUT_DENORMAL
                                   is for the caller to drop) */
    bool tininess_before_rounding; /* Arm: true */
    bool ahp;                   /* float16 is Arm alternative half
                                   precision (no Inf/NaN) in conversions */
    bool no_host_fpu;           /* never take the host-FPU fast paths
                                   (results and flags are the same either
                                   way: for tests and for debugging) */
} FloatStatus;

/* The status an Arm vCPU starts from (FPCR = 0). */
void float_status_init_arm(FloatStatus *s);

/* Result of a comparison. */
typedef enum FloatRelation {
    FLOAT_RELATION_LESS = -1,
    FLOAT_RELATION_EQUAL = 0,
    FLOAT_RELATION_GREATER = 1,
    FLOAT_RELATION_UNORDERED = 2,
} FloatRelation;

/*
 * muladd flags: negate parts of a * b + c (Arm FMSUB/FNMADD/FNMSUB).
 * NEGATE_C and NEGATE_PRODUCT flip the sign bit of c and of a before
 * anything else, as Arm's FPNeg does, so a NaN operand comes back with
 * its sign flipped.  NEGATE_RESULT negates a non-NaN result after
 * rounding.  HALVE_RESULT divides the exact result by 2 before its single
 * rounding (Arm FRSQRTS: (3 - a * b) / 2 fused).
 */
enum {
    FLOAT_MULADD_NEGATE_C = 1 << 0,
    FLOAT_MULADD_NEGATE_PRODUCT = 1 << 1,
    FLOAT_MULADD_NEGATE_RESULT = 1 << 2,
    FLOAT_MULADD_HALVE_RESULT = 1 << 3,
};

/*
 * One set of operations per format; N is 16, 32 or 64.  min/max follow
 * IEEE 754-2008 minimum/maximum with Arm FMIN/FMAX semantics (a NaN
 * operand gives a NaN, -0 < +0); minnum/maxnum are IEEE minNum/maxNum
 * (Arm FMINNM/FMAXNM: a quiet NaN and a number give the number).
 * compare is quiet (invalid only for signalling NaNs); compare_signaling
 * raises invalid for any NaN (FCMPE).  round_to_int uses @rmode and
 * raises inexact only when @exact (FRINTX) ; to_intN/to_uintN convert
 * value * 2^@scale (fixed point, scale 0..64) with @rmode, saturating and
 * raising invalid on NaN or overflow; from_intN/from_uintN convert
 * value / 2^@scale.
 */
#define SOFTFLOAT_DECLARE(N)                                                 \
float##N float##N##_add(float##N a, float##N b, FloatStatus *s);             \
float##N float##N##_sub(float##N a, float##N b, FloatStatus *s);             \
float##N float##N##_mul(float##N a, float##N b, FloatStatus *s);             \
float##N float##N##_div(float##N a, float##N b, FloatStatus *s);             \
float##N float##N##_sqrt(float##N a, FloatStatus *s);                        \
float##N float##N##_muladd(float##N a, float##N b, float##N c, int flags,    \
                           FloatStatus *s);                                  \
float##N float##N##_min(float##N a, float##N b, FloatStatus *s);             \
float##N float##N##_max(float##N a, float##N b, FloatStatus *s);             \
float##N float##N##_minnum(float##N a, float##N b, FloatStatus *s);          \
float##N float##N##_maxnum(float##N a, float##N b, FloatStatus *s);          \
FloatRelation float##N##_compare(float##N a, float##N b, FloatStatus *s);    \
FloatRelation float##N##_compare_signaling(float##N a, float##N b,           \
                                           FloatStatus *s);                  \
float##N float##N##_round_to_int(float##N a, FloatRoundMode rmode,           \
                                 bool exact, FloatStatus *s);                \
int32_t float##N##_to_int32(float##N a, int scale, FloatRoundMode rmode,     \
                            FloatStatus *s);                                 \
int64_t float##N##_to_int64(float##N a, int scale, FloatRoundMode rmode,     \
                            FloatStatus *s);                                 \
uint32_t float##N##_to_uint32(float##N a, int scale, FloatRoundMode rmode,   \
                              FloatStatus *s);                               \
uint64_t float##N##_to_uint64(float##N a, int scale, FloatRoundMode rmode,   \
                              FloatStatus *s);                               \
float##N int32_to_float##N(int32_t v, int scale, FloatStatus *s);            \
float##N int64_to_float##N(int64_t v, int scale, FloatStatus *s);            \
float##N uint32_to_float##N(uint32_t v, int scale, FloatStatus *s);          \
float##N uint64_to_float##N(uint64_t v, int scale, FloatStatus *s);          \
bool float##N##_is_nan(float##N a);                                          \
bool float##N##_is_signaling_nan(float##N a);                                \
bool float##N##_is_zero_or_denormal(float##N a);                             \
float##N float##N##_default_nan(const FloatStatus *s);

SOFTFLOAT_DECLARE(16)
SOFTFLOAT_DECLARE(32)
SOFTFLOAT_DECLARE(64)

/*
 * Conversions between the formats (Arm FPConvert; s->ahp selects
 * alternative half precision for the float16 side).  The float16 side is
 * never flushed to zero (Arm converts with FZ16 ignored); the float32 and
 * float64 sides follow the status's flush settings.
 */
float32 float16_to_float32(float16 a, FloatStatus *s);
float64 float16_to_float64(float16 a, FloatStatus *s);
float16 float32_to_float16(float32 a, FloatStatus *s);
float64 float32_to_float64(float32 a, FloatStatus *s);
float16 float64_to_float16(float64 a, FloatStatus *s);
float32 float64_to_float32(float64 a, FloatStatus *s);

#endif
