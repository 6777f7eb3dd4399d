/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Advanced SIMD and scalar floating point, second part, at run time:
 * FMULX, the reciprocal and reciprocal square root estimates (FRECPE,
 * FRSQRTE, URECPE, URSQRTE; computed from the Arm ARM pseudocode, no
 * tables) and steps (FRECPS, FRSQRTS), FRECPX, the narrowing and
 * lengthening conversions FCVTN/FCVTXN/FCVTL, the multiplies by element
 * and the scalar pairwise FADDP/FMAXP/FMINP/FMAXNMP/FMINNMP.  Everything
 * on single (fsz 2) and double (fsz 3) lanes goes through util/softfloat
 * with env->fp_status (FPCR.FZ/DN/RMode/AHP and the sticky flags).
 *
 * Invariant: the operand classification here (fp_class) follows
 * FPUnpack: with FPCR.FZ a subnormal input is a zero and raises IDC,
 * exactly as the soft-float library treats the same input.
 * Spec: Arm ARM DDI 0487, C7.2 (FMULX .. FRSQRTS, FCVTN/FCVTL/FCVTXN),
 * J1 shared/functions/float (FPMulX, FPRecipEstimate, RecipEstimate,
 * FPRSqrtEstimate, RecipSqrtEstimate, FPRecipStepFused,
 * FPRSqrtStepFused, FPRecpX, UnsignedRecipEstimate,
 * UnsignedRSqrtEstimate).
 */
#include "helper-simd2.h"
#include "helper-fp.h"

/* The layout of format @fsz (2 single, 3 double). */
typedef struct FpFmt {
    unsigned fbits;             /* fraction bits: 23, 52 */
    uint64_t emax;              /* all-ones exponent: 0xff, 0x7ff */
    int bias;                   /* 127, 1023 */
    uint64_t sign;              /* the sign bit */
} FpFmt;

static FpFmt fp_fmt(unsigned fsz)
{
    FpFmt f = fsz == 3 ? (FpFmt){ 52, 0x7ff, 1023, UINT64_C(1) << 63 }
                       : (FpFmt){ 23, 0xff, 127, UINT64_C(1) << 31 };
    return f;
}

enum { FPC_ZERO, FPC_DENORMAL, FPC_NORMAL, FPC_INF, FPC_NAN };

/* FPUnpack's type of @x: a subnormal is a zero under FZ (raising IDC). */
static int fp_class(uint64_t x, unsigned fsz, FloatStatus *st)
{
    FpFmt f = fp_fmt(fsz);
    uint64_t exp = (x >> f.fbits) & f.emax;
    uint64_t frac = x & ((UINT64_C(1) << f.fbits) - 1);

    if (exp == f.emax) {
        return frac ? FPC_NAN : FPC_INF;
    }
    if (exp == 0) {
        if (frac && st->flush_inputs_to_zero) {
            st->flags |= FLOAT_FLAG_INPUT_DENORMAL;
            return FPC_ZERO;
        }
        return frac ? FPC_DENORMAL : FPC_ZERO;
    }
    return FPC_NORMAL;
}

#define FP_SD(fsz, e32, e64) \
    ((fsz) == 2 ? (uint64_t)(e32) : (uint64_t)(e64))

/* FPProcessNaN of the NaN @a: quieted, IOC for a signalling NaN, the
   default NaN with FPCR.DN (the library's two-operand NaN rule on a, a). */
static uint64_t fp_nan(FloatStatus *st, uint64_t a, unsigned fsz)
{
    return FP_SD(fsz, float32_add((float32)a, (float32)a, st),
                 float64_add(a, a, st));
}

/* 2.0, 1.5 and 3.0 in format @fsz. */
static uint64_t fp_const(unsigned fsz, unsigned which)
{
    static const uint64_t c32[3] = { 0x40000000, 0x3fc00000, 0x40400000 };
    static const uint64_t c64[3] = {
        0x4000000000000000ull, 0x3ff8000000000000ull, 0x4008000000000000ull,
    };

    return fsz == 3 ? c64[which] : c32[which];
}

/* Inf * 0 in either order, neither a NaN (after FPUnpack). */
static bool inf_times_zero(FloatStatus *st, uint64_t a, uint64_t b,
                           unsigned fsz)
{
    int ca = fp_class(a, fsz, st), cb = fp_class(b, fsz, st);

    return (ca == FPC_INF && cb == FPC_ZERO) ||
           (ca == FPC_ZERO && cb == FPC_INF);
}

/* FPMulX: FPMul, except Inf * 0 = 2.0 with the product's sign. */
static uint64_t fp_mulx(FloatStatus *st, uint64_t a, uint64_t b,
                        unsigned fsz)
{
    if (inf_times_zero(st, a, b, fsz)) {
        return ((a ^ b) & fp_fmt(fsz).sign) | fp_const(fsz, 0);
    }
    return FP_SD(fsz, float32_mul((float32)a, (float32)b, st),
                 float64_mul(a, b, st));
}

/* FRECPS (2 - a * b, Inf * 0 = 2.0) or FRSQRTS ((3 - a * b) / 2,
   Inf * 0 = 1.5), fused. */
static uint64_t fp_step(FloatStatus *st, uint64_t a, uint64_t b,
                        unsigned fsz, bool rsqrt)
{
    int flags = FLOAT_MULADD_NEGATE_PRODUCT |
                (rsqrt ? FLOAT_MULADD_HALVE_RESULT : 0);
    uint64_t c = fp_const(fsz, rsqrt ? 2 : 0);

    if (inf_times_zero(st, a, b, fsz)) {
        return fp_const(fsz, rsqrt ? 1 : 0);
    }
    return FP_SD(fsz, float32_muladd((float32)a, (float32)b, (float32)c,
                                     flags, st),
                 float64_muladd(a, b, c, flags, st));
}

/* --- estimates -------------------------------------------------------- */

/* RecipEstimate(a), a in 256..511 (0.5 <= a / 512 < 1): 256..511. */
static unsigned recip_estimate(unsigned a)
{
    unsigned b;

    a = a * 2 + 1;                              /* units of 1/1024 */
    b = (1u << 19) / a;
    return (b + 1) / 2;
}

/* RecipSqrtEstimate(a), a in 128..511 (0.25 <= a / 512 < 1): 256..511. */
static unsigned rsqrt_estimate(unsigned a)
{
    uint64_t b = 512;

    if (a < 256) {
        a = a * 2 + 1;                          /* 0.25 .. 0.5 */
    } else {
        a = ((a >> 1) << 1) + 1;                /* 0.5 .. 1.0 */
        a *= 2;
    }
    while ((uint64_t)a * (b + 1) * (b + 1) < (UINT64_C(1) << 28)) {
        b++;
    }
    return (unsigned)(b + 1) / 2;
}

/* FPRecipEstimate (J1). */
static uint64_t fp_recpe(FloatStatus *st, uint64_t a, unsigned fsz)
{
    FpFmt f = fp_fmt(fsz);
    uint64_t sign = a & f.sign, f52, exp, fmask = f.emax << f.fbits;
    int e, rexp, cls = fp_class(a, fsz, st);
    bool to_inf;

    switch (cls) {
    case FPC_NAN:
        return fp_nan(st, a, fsz);
    case FPC_INF:
        return sign;
    case FPC_ZERO:
        st->flags |= FLOAT_FLAG_DIVBYZERO;
        return sign | fmask;
    default:
        break;
    }
    exp = (a >> f.fbits) & f.emax;
    f52 = (a << (52 - f.fbits)) & ((UINT64_C(1) << 52) - 1);
    if (exp == 0 && !(f52 >> 50)) {             /* |a| < 2^-(bias + 1) */
        switch (st->rounding_mode) {
        case FLOAT_ROUND_UP: to_inf = !sign; break;
        case FLOAT_ROUND_DOWN: to_inf = sign; break;
        case FLOAT_ROUND_TO_ZERO: to_inf = false; break;
        default: to_inf = true; break;
        }
        st->flags |= FLOAT_FLAG_OVERFLOW | FLOAT_FLAG_INEXACT;
        return sign | (to_inf ? fmask : fmask - 1);
    }
    if (st->flush_to_zero && exp >= (uint64_t)(2 * f.bias - 1)) {
        st->flags |= FLOAT_FLAG_UNDERFLOW;      /* result flushed */
        return sign;
    }
    e = (int)exp;
    if (e == 0) {
        if (!(f52 >> 51)) {
            e = -1;
            f52 <<= 2;
        } else {
            f52 <<= 1;
        }
        f52 &= (UINT64_C(1) << 52) - 1;
    }
    rexp = 2 * f.bias - 1 - e;
    f52 = (uint64_t)(recip_estimate(256 | (unsigned)(f52 >> 44)) & 0xff)
          << 44;
    if (rexp == 0) {
        f52 = UINT64_C(1) << 51 | f52 >> 1;
    } else if (rexp == -1) {
        f52 = UINT64_C(1) << 50 | f52 >> 2;
        rexp = 0;
    }
    return sign | (uint64_t)rexp << f.fbits | f52 >> (52 - f.fbits);
}

/* FPRSqrtEstimate (J1). */
static uint64_t fp_rsqrte(FloatStatus *st, uint64_t a, unsigned fsz)
{
    FpFmt f = fp_fmt(fsz);
    uint64_t f52, fmask = f.emax << f.fbits;
    int e, cls = fp_class(a, fsz, st);
    unsigned scaled, est;

    if (cls == FPC_NAN) {
        return fp_nan(st, a, fsz);
    }
    if (cls == FPC_ZERO) {
        st->flags |= FLOAT_FLAG_DIVBYZERO;
        return (a & f.sign) | fmask;
    }
    if (a & f.sign) {
        st->flags |= FLOAT_FLAG_INVALID;
        return FP_SD(fsz, float32_default_nan(st), float64_default_nan(st));
    }
    if (cls == FPC_INF) {
        return 0;
    }
    e = (int)((a >> f.fbits) & f.emax);
    f52 = (a << (52 - f.fbits)) & ((UINT64_C(1) << 52) - 1);
    if (e == 0) {
        while (!(f52 >> 51)) {
            f52 <<= 1;
            e--;
        }
        f52 = (f52 << 1) & ((UINT64_C(1) << 52) - 1);
    }
    /*
     * 0.25 <= scaled / 512 < 1.0 with the unbiased exponent made even:
     * an even biased exponent (odd unbiased, the biases being odd) gives
     * 0.5 .. 1.0 ('1':fraction), an odd one 0.25 .. 0.5 ('01':fraction).
     */
    scaled = (e & 1) ? 128 | (unsigned)(f52 >> 45)
                     : 256 | (unsigned)(f52 >> 44);
    est = rsqrt_estimate(scaled);
    return (uint64_t)((3 * f.bias - 1 - e) / 2) << f.fbits |
           (uint64_t)(est & 0xff) << (f.fbits - 8);
}

/* FPRecpX (J1): the sign, the exponent inverted (max - 1 for zeros and
   subnormals), a zero fraction. */
static uint64_t fp_recpx(FloatStatus *st, uint64_t a, unsigned fsz)
{
    FpFmt f = fp_fmt(fsz);
    uint64_t exp = (a >> f.fbits) & f.emax;

    if (fp_class(a, fsz, st) == FPC_NAN) {
        return fp_nan(st, a, fsz);
    }
    return (a & f.sign) | (exp ? ~exp & f.emax : f.emax - 1) << f.fbits;
}

/* UnsignedRecipEstimate / UnsignedRSqrtEstimate of a 32-bit lane. */
static uint64_t u_estimate(uint64_t a, bool rsqrt)
{
    if (rsqrt ? !(a >> 30) : !(a >> 31)) {
        return 0xffffffffu;
    }
    return (uint64_t)(rsqrt ? rsqrt_estimate((unsigned)(a >> 23))
                            : recip_estimate((unsigned)(a >> 23)))
           << 23;
}

/* --- the helpers -------------------------------------------------------- */

typedef struct FpDesc {
    unsigned rd, rn, rm, fsz, op, x;
    bool q, u, scalar;
} FpDesc;

static FpDesc fp_unpack(uint32_t d)
{
    FpDesc s = {
        .rd = d & 31, .rn = (d >> 5) & 31, .rm = (d >> 10) & 31,
        .fsz = (d >> 15) & 3, .q = (d >> 17) & 1, .u = (d >> 18) & 1,
        .op = (d >> 19) & 31, .scalar = (d >> 24) & 1, .x = d >> 25,
    };
    return s;
}

static unsigned fp_nlanes(const FpDesc *s)
{
    return s->scalar ? 1 : (s->q ? 16u : 8u) >> s->fsz;
}

static unsigned fp_out_bytes(const FpDesc *s)
{
    return s->scalar ? 1u << s->fsz : s->q ? 16 : 8;
}

/* FMULX, FRECPS, FRSQRTS (three same, vector and scalar). */
static void helper_simd_fp3b(void *envp, uint32_t desc)
{
    CPUARMState *env = envp;
    FpDesc s = fp_unpack(desc);
    ArmVec n = arm_vec_get(env, s.rn), m = arm_vec_get(env, s.rm);
    ArmVec r = { { 0, 0 } };
    FloatStatus *st = &env->fp_status;

    for (unsigned i = 0; i < fp_nlanes(&s); i++) {
        uint64_t a = arm_vec_elem(&n, i, s.fsz), b = arm_vec_elem(&m, i, s.fsz);

        arm_vec_set(&r, i, s.fsz, s.op == 0x1b ? fp_mulx(st, a, b, s.fsz)
                                  : fp_step(st, a, b, s.fsz, s.x & 1));
    }
    arm_vec_put(env, s.rd, &r, fp_out_bytes(&s));
}

const TCGHelperInfo arm_helper_simd_fp3b = {
    .func = (const void *)helper_simd_fp3b, .name = "simd_fp3b",
    .flags = TCG_CALL_NO_RWG, .nb_args = 2, .ret = TCG_CALL_VOID,
    .args = { TCG_CALL_PTR, TCG_CALL_I32 },
};

/*
 * FCVTN{2}/FCVTXN{2} (wide lanes of Vn to the low or high half of Vd)
 * and FCVTL{2} (narrow lanes of Vn's low or high half to wide lanes);
 * fsz is the wide format.  FCVTXN rounds to odd whatever FPCR.RMode.
 */
static void fp_cvt_narrow_long(CPUARMState *env, const FpDesc *s)
{
    ArmVec n = arm_vec_get(env, s->rn), r = { { 0, 0 } };
    FloatStatus *st = &env->fp_status, odd = env->fp_status;
    unsigned ne = s->scalar ? 1 : 8u >> (s->fsz - 1), base = s->q ? ne : 0;

    if (s->op == 0x17) {                        /* FCVTL */
        for (unsigned i = 0; i < ne; i++) {
            uint64_t a = arm_vec_elem(&n, base + i, s->fsz - 1);

            arm_vec_set(&r, i, s->fsz,
                        FP_SD(s->fsz, float16_to_float32((float16)a, st),
                              float32_to_float64((float32)a, st)));
        }
        arm_vec_put(env, s->rd, &r, 16);
        return;
    }
    odd.rounding_mode = FLOAT_ROUND_TO_ODD;
    r.d[0] = s->q ? env->vregs[s->rd][0] : 0;
    for (unsigned i = 0; i < ne; i++) {
        uint64_t a = arm_vec_elem(&n, i, s->fsz), x;

        if (s->u) {                             /* FCVTXN */
            x = float64_to_float32(a, &odd);
        } else {
            x = FP_SD(s->fsz, float32_to_float16((float32)a, st),
                      float64_to_float32(a, st));
        }
        arm_vec_set(&r, base + i, s->fsz - 1, x);
    }
    st->flags |= odd.flags;
    arm_vec_put(env, s->rd, &r, s->scalar ? 4 : 16);
}

/* FRECPE, FRSQRTE, URECPE, URSQRTE, FRECPX, FCVTN/FCVTXN/FCVTL. */
static void helper_simd_fp2b(void *envp, uint32_t desc)
{
    CPUARMState *env = envp;
    FpDesc s = fp_unpack(desc);
    ArmVec n = arm_vec_get(env, s.rn), r = { { 0, 0 } };
    FloatStatus *st = &env->fp_status;

    if (s.op == 0x16 || s.op == 0x17) {
        fp_cvt_narrow_long(env, &s);
        return;
    }
    for (unsigned i = 0; i < fp_nlanes(&s); i++) {
        uint64_t a = arm_vec_elem(&n, i, s.fsz), x;

        switch (s.op) {
        case 0x1c:
            x = u_estimate(a, s.u);
            break;
        case 0x1d:
            x = s.u ? fp_rsqrte(st, a, s.fsz) : fp_recpe(st, a, s.fsz);
            break;
        default:
            x = fp_recpx(st, a, s.fsz);
            break;
        }
        arm_vec_set(&r, i, s.fsz, x);
    }
    arm_vec_put(env, s.rd, &r, fp_out_bytes(&s));
}

const TCGHelperInfo arm_helper_simd_fp2b = {
    .func = (const void *)helper_simd_fp2b, .name = "simd_fp2b",
    .flags = TCG_CALL_NO_RWG, .nb_args = 2, .ret = TCG_CALL_VOID,
    .args = { TCG_CALL_PTR, TCG_CALL_I32 },
};

/* FMLA, FMLS, FMUL, FMULX by element (x = the index into Vm). */
static void helper_simd_fpelem(void *envp, uint32_t desc)
{
    CPUARMState *env = envp;
    FpDesc s = fp_unpack(desc);
    ArmVec n = arm_vec_get(env, s.rn), m = arm_vec_get(env, s.rm);
    ArmVec d = arm_vec_get(env, s.rd), r = { { 0, 0 } };
    FloatStatus *st = &env->fp_status;
    uint64_t b = arm_vec_elem(&m, s.x, s.fsz), sign = fp_fmt(s.fsz).sign;

    for (unsigned i = 0; i < fp_nlanes(&s); i++) {
        uint64_t a = arm_vec_elem(&n, i, s.fsz), c, x;

        switch (s.op) {
        case 1: case 5:                 /* FMLA; FMLS negates element1 */
            a ^= s.op == 5 ? sign : 0;
            c = arm_vec_elem(&d, i, s.fsz);
            x = FP_SD(s.fsz, float32_muladd((float32)a, (float32)b,
                                            (float32)c, 0, st),
                      float64_muladd(a, b, c, 0, st));
            break;
        default:
            x = s.u ? fp_mulx(st, a, b, s.fsz)
                    : FP_SD(s.fsz, float32_mul((float32)a, (float32)b, st),
                            float64_mul(a, b, st));
            break;
        }
        arm_vec_set(&r, i, s.fsz, x);
    }
    arm_vec_put(env, s.rd, &r, fp_out_bytes(&s));
}

const TCGHelperInfo arm_helper_simd_fpelem = {
    .func = (const void *)helper_simd_fpelem, .name = "simd_fpelem",
    .flags = TCG_CALL_NO_RWG, .nb_args = 2, .ret = TCG_CALL_VOID,
    .args = { TCG_CALL_PTR, TCG_CALL_I32 },
};

/* Scalar FMAXNMP/FMINNMP, FADDP, FMAXP/FMINP: element 0 op element 1. */
static void helper_simd_fppair(void *envp, uint32_t desc)
{
    CPUARMState *env = envp;
    FpDesc s = fp_unpack(desc);
    ArmVec n = arm_vec_get(env, s.rn), r = { { 0, 0 } };
    FloatStatus *st = &env->fp_status;
    uint64_t a = arm_vec_elem(&n, 0, s.fsz), b = arm_vec_elem(&n, 1, s.fsz);
    bool min = s.x & 1;
    uint64_t x;

    switch (s.op) {
    case 0x0c:
        x = min ? FP_SD(s.fsz, float32_minnum((float32)a, (float32)b, st),
                        float64_minnum(a, b, st))
                : FP_SD(s.fsz, float32_maxnum((float32)a, (float32)b, st),
                        float64_maxnum(a, b, st));
        break;
    case 0x0d:
        x = FP_SD(s.fsz, float32_add((float32)a, (float32)b, st),
                  float64_add(a, b, st));
        break;
    default:
        x = min ? FP_SD(s.fsz, float32_min((float32)a, (float32)b, st),
                        float64_min(a, b, st))
                : FP_SD(s.fsz, float32_max((float32)a, (float32)b, st),
                        float64_max(a, b, st));
        break;
    }
    arm_vec_set(&r, 0, s.fsz, x);
    arm_vec_put(env, s.rd, &r, 1u << s.fsz);
}

const TCGHelperInfo arm_helper_simd_fppair = {
    .func = (const void *)helper_simd_fppair, .name = "simd_fppair",
    .flags = TCG_CALL_NO_RWG, .nb_args = 2, .ret = TCG_CALL_VOID,
    .args = { TCG_CALL_PTR, TCG_CALL_I32 },
};

/*
 * SCVTF/UCVTF (op 0x1c) and FCVTZS/FCVTZU (op 0x1f) by immediate: fixed
 * point with x fraction bits (1..esize) <-> FP lanes, FCVTZ* rounding
 * toward zero and saturating (FixedToFP, FPToFixed).
 */
static void helper_simd_fpfixed(void *envp, uint32_t desc)
{
    CPUARMState *env = envp;
    FpDesc s = fp_unpack(desc);
    ArmVec n = arm_vec_get(env, s.rn), r = { { 0, 0 } };
    FloatStatus *st = &env->fp_status;
    int fb = (int)s.x;

    for (unsigned i = 0; i < fp_nlanes(&s); i++) {
        uint64_t a = arm_vec_elem(&n, i, s.fsz), x;

        if (s.op == 0x1c) {
            x = s.fsz == 2
                ? (s.u ? uint32_to_float32((uint32_t)a, fb, st)
                       : int32_to_float32((int32_t)a, fb, st))
                : (s.u ? uint64_to_float64(a, fb, st)
                       : int64_to_float64((int64_t)a, fb, st));
        } else if (s.fsz == 2) {
            x = s.u ? float32_to_uint32((float32)a, fb, FLOAT_ROUND_TO_ZERO,
                                        st)
                    : (uint32_t)float32_to_int32((float32)a, fb,
                                                 FLOAT_ROUND_TO_ZERO, st);
        } else {
            x = s.u ? float64_to_uint64(a, fb, FLOAT_ROUND_TO_ZERO, st)
                    : (uint64_t)float64_to_int64(a, fb, FLOAT_ROUND_TO_ZERO,
                                                 st);
        }
        arm_vec_set(&r, i, s.fsz, x);
    }
    arm_vec_put(env, s.rd, &r, fp_out_bytes(&s));
}

const TCGHelperInfo arm_helper_simd_fpfixed = {
    .func = (const void *)helper_simd_fpfixed, .name = "simd_fpfixed",
    .flags = TCG_CALL_NO_RWG, .nb_args = 2, .ret = TCG_CALL_VOID,
    .args = { TCG_CALL_PTR, TCG_CALL_I32 },
};
