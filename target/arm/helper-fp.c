/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Run-time helpers of the A64 floating-point instructions: each one
 * unpacks a small descriptor (helper-fp.h), picks the FloatStatus of the
 * format (half precision uses env->fp_status_f16, whose flush mode is
 * FPCR.FZ16; single and double env->fp_status, FPCR.FZ) and calls the
 * soft-float library.  Also the FPCR/FPSR glue: FPCR writes set the
 * statuses' modes, FPSR reads merge the statuses' sticky flags.
 *
 * Invariant: the cumulative flags live in the two FloatStatus objects
 * between FPSR writes; env->cp.fpsr keeps only NZCV and QC (and the
 * flags a guest wrote, which are moved into the statuses on the write).
 * Spec: Arm ARM DDI 0487, D17.2.52 FPCR, D17.2.55 FPSR, C7.2 (the
 * pseudocode of each FP instruction), J1 shared/functions/float.
 */
#include "helper-fp.h"

/* --- FPCR / FPSR ------------------------------------------------------ */

#define FPCR_FZ16  (1u << 19)
#define FPCR_RMODE_SHIFT 22
#define FPCR_FZ    (1u << 24)
#define FPCR_DN    (1u << 25)
#define FPCR_AHP   (1u << 26)

static void fpcr_to_status(FloatStatus *st, uint64_t fpcr, bool fz)
{
    /* FPCR.RMode 00 RN, 01 RP, 10 RM, 11 RZ: FloatRoundMode's numbers */
    st->rounding_mode = (fpcr >> FPCR_RMODE_SHIFT) & 3;
    st->flush_to_zero = fz;
    st->flush_inputs_to_zero = fz;
    st->default_nan_mode = fpcr & FPCR_DN;
    st->ahp = fpcr & FPCR_AHP;
}

void arm_fpcr_changed(CPUARMState *env)
{
    uint64_t fpcr = env->cp.fpcr;

    fpcr_to_status(&env->fp_status, fpcr, fpcr & FPCR_FZ);
    fpcr_to_status(&env->fp_status_f16, fpcr, fpcr & FPCR_FZ16);
}

void arm_fp_reset(CPUARMState *env)
{
    float_status_init_arm(&env->fp_status);
    float_status_init_arm(&env->fp_status_f16);
    arm_fpcr_changed(env);
}

static uint32_t flags_to_fpsr(unsigned f)
{
    return (f & FLOAT_FLAG_INVALID ? ARM_FPSR_IOC : 0) |
           (f & FLOAT_FLAG_DIVBYZERO ? ARM_FPSR_DZC : 0) |
           (f & FLOAT_FLAG_OVERFLOW ? ARM_FPSR_OFC : 0) |
           (f & FLOAT_FLAG_UNDERFLOW ? ARM_FPSR_UFC : 0) |
           (f & FLOAT_FLAG_INEXACT ? ARM_FPSR_IXC : 0) |
           (f & FLOAT_FLAG_INPUT_DENORMAL ? ARM_FPSR_IDC : 0);
}

static unsigned fpsr_to_flags(uint64_t v)
{
    return (v & ARM_FPSR_IOC ? FLOAT_FLAG_INVALID : 0) |
           (v & ARM_FPSR_DZC ? FLOAT_FLAG_DIVBYZERO : 0) |
           (v & ARM_FPSR_OFC ? FLOAT_FLAG_OVERFLOW : 0) |
           (v & ARM_FPSR_UFC ? FLOAT_FLAG_UNDERFLOW : 0) |
           (v & ARM_FPSR_IXC ? FLOAT_FLAG_INEXACT : 0) |
           (v & ARM_FPSR_IDC ? FLOAT_FLAG_INPUT_DENORMAL : 0);
}

uint64_t arm_fpsr_read(CPUARMState *env)
{
    return (env->cp.fpsr & ~(uint64_t)ARM_FPSR_FLAGS) |
           flags_to_fpsr(env->fp_status.flags | env->fp_status_f16.flags);
}

void arm_fpsr_write(CPUARMState *env, uint64_t v)
{
    /* NZCV [31:28], QC [27]; the cumulative flags go to the statuses */
    env->cp.fpsr = v & 0xf8000000ull;
    env->fp_status.flags = fpsr_to_flags(v);
    env->fp_status_f16.flags = 0;
}

/* --- arithmetic --------------------------------------------------------- */

static FloatStatus *fpst(CPUARMState *env, unsigned fsz)
{
    return fsz == 1 ? &env->fp_status_f16 : &env->fp_status;
}

/* Expand one soft-float call for the three formats. */
#define FP_DISPATCH(fsz, expr16, expr32, expr64)                           \
    ((fsz) == 1 ? (uint64_t)(expr16) : (fsz) == 2 ? (uint64_t)(expr32)     \
                                                  : (uint64_t)(expr64))

#define FP_BINOP(fn, fsz, a, b, st)                                         \
    FP_DISPATCH(fsz, float16_##fn((float16)(a), (float16)(b), st),          \
                float32_##fn((float32)(a), (float32)(b), st),               \
                float64_##fn((float64)(a), (float64)(b), st))

/* The sign bit of format @fsz. */
static uint64_t fp_sign(unsigned fsz)
{
    return UINT64_C(1) << ((8u << fsz) - 1);
}

static uint64_t helper_fp_2op(void *envp, uint64_t a, uint64_t b,
                              uint32_t desc)
{
    CPUARMState *env = envp;
    unsigned fsz = ARM_FPD_FSZ(desc);
    FloatStatus *st = fpst(env, fsz);
    uint64_t r;

    switch ((desc >> 4) & 15) {
    case ARM_FP2_MUL:
        return FP_BINOP(mul, fsz, a, b, st);
    case ARM_FP2_DIV:
        return FP_BINOP(div, fsz, a, b, st);
    case ARM_FP2_ADD:
        return FP_BINOP(add, fsz, a, b, st);
    case ARM_FP2_SUB:
        return FP_BINOP(sub, fsz, a, b, st);
    case ARM_FP2_MAX:
        return FP_BINOP(max, fsz, a, b, st);
    case ARM_FP2_MIN:
        return FP_BINOP(min, fsz, a, b, st);
    case ARM_FP2_MAXNM:
        return FP_BINOP(maxnum, fsz, a, b, st);
    case ARM_FP2_MINNM:
        return FP_BINOP(minnum, fsz, a, b, st);
    default:
        /* FNMUL: FPNeg(FPMul()): the negation applies to NaNs too (C7.2) */
        r = FP_BINOP(mul, fsz, a, b, st);
        return r ^ fp_sign(fsz);
    }
}

const TCGHelperInfo arm_helper_fp_2op = {
    .func = (const void *)helper_fp_2op, .name = "fp_2op",
    .flags = TCG_CALL_NO_RWG, .nb_args = 4, .ret = TCG_CALL_I64,
    .args = { TCG_CALL_PTR, TCG_CALL_I64, TCG_CALL_I64, TCG_CALL_I32 },
};

/* FCVT between formats: half precision honours FPCR.AHP (s->ahp). */
static uint64_t fp_convert(CPUARMState *env, uint64_t a, unsigned fsz,
                           unsigned dsz)
{
    FloatStatus *st = &env->fp_status;

    switch (fsz << 2 | dsz) {
    case 1 << 2 | 2:
        return float16_to_float32((float16)a, st);
    case 1 << 2 | 3:
        return float16_to_float64((float16)a, st);
    case 2 << 2 | 1:
        return float32_to_float16((float32)a, st);
    case 2 << 2 | 3:
        return float32_to_float64((float32)a, st);
    case 3 << 2 | 1:
        return float64_to_float16((float64)a, st);
    case 3 << 2 | 2:
        return float64_to_float32((float64)a, st);
    default:
        g_assert_not_reached();     /* the translator never asks */
    }
}

static uint64_t helper_fp_1op(void *envp, uint64_t a, uint32_t desc)
{
    CPUARMState *env = envp;
    unsigned fsz = ARM_FPD_FSZ(desc);
    FloatStatus *st = fpst(env, fsz);
    unsigned rmode = (desc >> 8) & 7;
    bool exact = desc & (1u << 11);

    switch ((desc >> 4) & 15) {
    case ARM_FP1_SQRT:
        return FP_DISPATCH(fsz, float16_sqrt((float16)a, st),
                           float32_sqrt((float32)a, st),
                           float64_sqrt((float64)a, st));
    case ARM_FP1_RINT:
        if (rmode == ARM_FP_RMODE_FPCR) {
            rmode = st->rounding_mode;
        }
        return FP_DISPATCH(fsz,
                           float16_round_to_int((float16)a, rmode, exact, st),
                           float32_round_to_int((float32)a, rmode, exact, st),
                           float64_round_to_int((float64)a, rmode, exact,
                                                st));
    default:
        return fp_convert(env, a, fsz, (desc >> 12) & 3);
    }
}

const TCGHelperInfo arm_helper_fp_1op = {
    .func = (const void *)helper_fp_1op, .name = "fp_1op",
    .flags = TCG_CALL_NO_RWG, .nb_args = 3, .ret = TCG_CALL_I64,
    .args = { TCG_CALL_PTR, TCG_CALL_I64, TCG_CALL_I32 },
};

static uint64_t helper_fp_3op(void *envp, uint64_t a, uint64_t b,
                              uint64_t c, uint32_t desc)
{
    CPUARMState *env = envp;
    unsigned fsz = ARM_FPD_FSZ(desc);
    FloatStatus *st = fpst(env, fsz);
    int neg = (desc >> 4) & 7;

    return FP_DISPATCH(fsz,
        float16_muladd((float16)a, (float16)b, (float16)c, neg, st),
        float32_muladd((float32)a, (float32)b, (float32)c, neg, st),
        float64_muladd((float64)a, (float64)b, (float64)c, neg, st));
}

const TCGHelperInfo arm_helper_fp_3op = {
    .func = (const void *)helper_fp_3op, .name = "fp_3op",
    .flags = TCG_CALL_NO_RWG, .nb_args = 5, .ret = TCG_CALL_I64,
    .args = { TCG_CALL_PTR, TCG_CALL_I64, TCG_CALL_I64, TCG_CALL_I64,
              TCG_CALL_I32 },
};

/* FPCompare() as NZCV: equal 0110, less 1000, greater 0010, unordered
   0011 (C7.2.66 FCMP). */
static uint64_t helper_fp_cmp(void *envp, uint64_t a, uint64_t b,
                              uint32_t desc)
{
    CPUARMState *env = envp;
    unsigned fsz = ARM_FPD_FSZ(desc);
    FloatStatus *st = fpst(env, fsz);
    FloatRelation r;

    if (desc & (1u << 4)) {
        r = FP_DISPATCH(fsz,
            float16_compare_signaling((float16)a, (float16)b, st),
            float32_compare_signaling((float32)a, (float32)b, st),
            float64_compare_signaling((float64)a, (float64)b, st));
    } else {
        r = FP_DISPATCH(fsz, float16_compare((float16)a, (float16)b, st),
                        float32_compare((float32)a, (float32)b, st),
                        float64_compare((float64)a, (float64)b, st));
    }
    switch ((int)r) {
    case FLOAT_RELATION_EQUAL:
        return 0x6;
    case FLOAT_RELATION_LESS:
        return 0x8;
    case FLOAT_RELATION_GREATER:
        return 0x2;
    default:
        return 0x3;
    }
}

const TCGHelperInfo arm_helper_fp_cmp = {
    .func = (const void *)helper_fp_cmp, .name = "fp_cmp",
    .flags = TCG_CALL_NO_RWG, .nb_args = 4, .ret = TCG_CALL_I64,
    .args = { TCG_CALL_PTR, TCG_CALL_I64, TCG_CALL_I64, TCG_CALL_I32 },
};

/* --- conversions to and from integers ------------------------------------ */

#define FP_TO_INT(fn, fsz, a, scale, rm, st)                                \
    FP_DISPATCH(fsz, float16_##fn((float16)(a), scale, rm, st),             \
                float32_##fn((float32)(a), scale, rm, st),                  \
                float64_##fn((float64)(a), scale, rm, st))

static uint64_t helper_fp_to_int(void *envp, uint64_t a, uint32_t desc)
{
    CPUARMState *env = envp;
    unsigned fsz = ARM_FPD_FSZ(desc);
    /* FPToFixed uses FPCR's flush mode of the source format */
    FloatStatus *st = fpst(env, fsz);
    FloatRoundMode rm = (desc >> 4) & 7;
    bool is_unsigned = desc & (1u << 7);
    bool is64 = desc & (1u << 8);
    int scale = (desc >> 9) & 127;

    if (rm == ARM_FP_RMODE_FPCR) {
        rm = st->rounding_mode;
    }
    if (is64) {
        return is_unsigned ? FP_TO_INT(to_uint64, fsz, a, scale, rm, st)
                           : (uint64_t)FP_TO_INT(to_int64, fsz, a, scale,
                                                 rm, st);
    }
    return is_unsigned
        ? (uint32_t)FP_TO_INT(to_uint32, fsz, a, scale, rm, st)
        : (uint32_t)(int32_t)FP_TO_INT(to_int32, fsz, a, scale, rm, st);
}

const TCGHelperInfo arm_helper_fp_to_int = {
    .func = (const void *)helper_fp_to_int, .name = "fp_to_int",
    .flags = TCG_CALL_NO_RWG, .nb_args = 3, .ret = TCG_CALL_I64,
    .args = { TCG_CALL_PTR, TCG_CALL_I64, TCG_CALL_I32 },
};

static uint64_t helper_int_to_fp(void *envp, uint64_t v, uint32_t desc)
{
    CPUARMState *env = envp;
    unsigned fsz = ARM_FPD_FSZ(desc);
    FloatStatus *st = fpst(env, fsz);
    bool is_unsigned = desc & (1u << 7);
    bool is64 = desc & (1u << 8);
    int scale = (desc >> 9) & 127;

    if (is64) {
        return is_unsigned
            ? FP_DISPATCH(fsz, uint64_to_float16(v, scale, st),
                          uint64_to_float32(v, scale, st),
                          uint64_to_float64(v, scale, st))
            : FP_DISPATCH(fsz, int64_to_float16((int64_t)v, scale, st),
                          int64_to_float32((int64_t)v, scale, st),
                          int64_to_float64((int64_t)v, scale, st));
    }
    return is_unsigned
        ? FP_DISPATCH(fsz, uint32_to_float16((uint32_t)v, scale, st),
                      uint32_to_float32((uint32_t)v, scale, st),
                      uint32_to_float64((uint32_t)v, scale, st))
        : FP_DISPATCH(fsz, int32_to_float16((int32_t)v, scale, st),
                      int32_to_float32((int32_t)v, scale, st),
                      int32_to_float64((int32_t)v, scale, st));
}

const TCGHelperInfo arm_helper_int_to_fp = {
    .func = (const void *)helper_int_to_fp, .name = "int_to_fp",
    .flags = TCG_CALL_NO_RWG, .nb_args = 3, .ret = TCG_CALL_I64,
    .args = { TCG_CALL_PTR, TCG_CALL_I64, TCG_CALL_I32 },
};

/* --- Advanced SIMD floating point (single and double lanes) ------------ */

/* Lane @i of a single (fsz 2) or double (fsz 3) vector in @v. */
static uint64_t lane_get(const uint64_t *v, unsigned i, unsigned fsz)
{
    return fsz == 3 ? v[i] : (uint32_t)(v[i / 2] >> (32 * (i % 2)));
}

static void lane_set(uint64_t *v, unsigned i, unsigned fsz, uint64_t x)
{
    if (fsz == 3) {
        v[i] = x;
    } else {
        unsigned sh = 32 * (i % 2);

        v[i / 2] = (v[i / 2] & ~(UINT64_C(0xffffffff) << sh)) |
                   (uint64_t)(uint32_t)x << sh;
    }
}

/* The (U, a, opcode) selector of the FP vector groups. */
#define FPV_KEY(u, a, op) ((unsigned)(u) << 6 | (unsigned)(a) << 5 | (op))

bool arm_simd_fp3_valid(bool u, bool a, unsigned op, bool scalar)
{
    switch (FPV_KEY(u, a, op)) {
    case FPV_KEY(0, 0, 0x1c):           /* FCMEQ */
    case FPV_KEY(1, 0, 0x1c):           /* FCMGE */
    case FPV_KEY(1, 0, 0x1d):           /* FACGE */
    case FPV_KEY(1, 1, 0x1a):           /* FABD */
    case FPV_KEY(1, 1, 0x1c):           /* FCMGT */
    case FPV_KEY(1, 1, 0x1d):           /* FACGT */
        return true;
    case FPV_KEY(0, 0, 0x18): case FPV_KEY(0, 0, 0x19):    /* FMAXNM FMLA */
    case FPV_KEY(0, 0, 0x1a): case FPV_KEY(0, 0, 0x1e):    /* FADD FMAX */
    case FPV_KEY(0, 1, 0x18): case FPV_KEY(0, 1, 0x19):    /* FMINNM FMLS */
    case FPV_KEY(0, 1, 0x1a): case FPV_KEY(0, 1, 0x1e):    /* FSUB FMIN */
    case FPV_KEY(1, 0, 0x18): case FPV_KEY(1, 0, 0x1a):    /* FMAXNMP FADDP */
    case FPV_KEY(1, 0, 0x1b): case FPV_KEY(1, 0, 0x1e):    /* FMUL FMAXP */
    case FPV_KEY(1, 0, 0x1f):                               /* FDIV */
    case FPV_KEY(1, 1, 0x18): case FPV_KEY(1, 1, 0x1e):    /* FMINNMP FMINP */
        return !scalar;
    default:
        return false;
    }
}

/* All ones of the lane when @cond, else 0. */
static uint64_t fp_mask(bool cond, unsigned fsz)
{
    return cond ? (fsz == 3 ? UINT64_MAX : 0xffffffffu) : 0;
}

/* One lane of a non-pairwise three-same FP op. */
static uint64_t fp3_lane(CPUARMState *env, unsigned key, unsigned fsz,
                         uint64_t n, uint64_t m, uint64_t d)
{
    uint64_t sign = fp_sign(fsz), nzcv;

    switch (key) {
    case FPV_KEY(0, 0, 0x19):
        return helper_fp_3op(env, n, m, d, fsz);
    case FPV_KEY(0, 1, 0x19):                   /* FMLS: FPNeg(element1) */
        return helper_fp_3op(env, n ^ sign, m, d, fsz);
    case FPV_KEY(1, 1, 0x1a):                   /* FABD: FPAbs(n - m) */
        return helper_fp_2op(env, n, m, fsz | ARM_FP2_SUB << 4) & ~sign;
    case FPV_KEY(1, 0, 0x1d):
    case FPV_KEY(1, 1, 0x1d):                   /* FACGE, FACGT */
        n &= ~sign;
        m &= ~sign;
        /* fall through */
    case FPV_KEY(0, 0, 0x1c):
    case FPV_KEY(1, 0, 0x1c):
    case FPV_KEY(1, 1, 0x1c):
        /* NZCV: 0110 equal, 0010 greater, 1000 less, 0011 unordered */
        nzcv = helper_fp_cmp(env, n, m, fsz | (key != FPV_KEY(0, 0, 0x1c)
                                               ? 1u << 4 : 0));
        if (key == FPV_KEY(0, 0, 0x1c)) {
            return fp_mask(nzcv == 0x6, fsz);
        }
        return fp_mask(nzcv == 0x2 || (!(key & 0x20) && nzcv == 0x6), fsz);
    default:
        break;
    }
    /* the 2-source ops, by opcode and a */
    switch (key & 0x27) {
    case 0x00: return helper_fp_2op(env, n, m, fsz | ARM_FP2_MAXNM << 4);
    case 0x20: return helper_fp_2op(env, n, m, fsz | ARM_FP2_MINNM << 4);
    case 0x02: return helper_fp_2op(env, n, m, fsz | ARM_FP2_ADD << 4);
    case 0x22: return helper_fp_2op(env, n, m, fsz | ARM_FP2_SUB << 4);
    case 0x03: return helper_fp_2op(env, n, m, fsz | ARM_FP2_MUL << 4);
    case 0x06: return helper_fp_2op(env, n, m, fsz | ARM_FP2_MAX << 4);
    case 0x26: return helper_fp_2op(env, n, m, fsz | ARM_FP2_MIN << 4);
    default: return helper_fp_2op(env, n, m, fsz | ARM_FP2_DIV << 4);
    }
}

typedef float32 SimdF32Op(float32, float32, FloatStatus *);
typedef float64 SimdF64Op(float64, float64, FloatStatus *);

/*
 * The element-wise FADD, FSUB, FMUL, FDIV, FMLA and FMLS of single and
 * double lanes without the per-lane decoding of fp3_lane(): the same
 * soft-float calls in the same lane order, so the same results and
 * flags.  False for every other form.
 */
static bool simd_fp3_fast(CPUARMState *env, unsigned key, unsigned fsz,
                          unsigned ne, const uint64_t *n, const uint64_t *m,
                          const uint64_t *d, uint64_t *r)
{
    FloatStatus *st = &env->fp_status;
    bool fma = (key & 0x1f) == 0x19;
    bool fmls = key == FPV_KEY(0, 1, 0x19);
    SimdF32Op *op32;
    SimdF64Op *op64;

    switch (key) {
    case FPV_KEY(0, 0, 0x1a): op32 = float32_add; op64 = float64_add; break;
    case FPV_KEY(0, 1, 0x1a): op32 = float32_sub; op64 = float64_sub; break;
    case FPV_KEY(1, 0, 0x1b): op32 = float32_mul; op64 = float64_mul; break;
    case FPV_KEY(1, 0, 0x1f): op32 = float32_div; op64 = float64_div; break;
    case FPV_KEY(0, 0, 0x19):
    case FPV_KEY(0, 1, 0x19): op32 = NULL; op64 = NULL; break;
    default: return false;
    }
    if (fsz < 2) {
        return false;
    }
    for (unsigned i = 0; i < ne; i++) {
        uint64_t x = lane_get(n, i, fsz), y = lane_get(m, i, fsz), z;

        if (fma) {
            /* FMLS: FPNeg(element1), NaNs included (C7.2 FMLS) */
            x ^= fmls ? fp_sign(fsz) : 0;
            z = lane_get(d, i, fsz);
            z = fsz == 3 ? float64_muladd(x, y, z, 0, st)
                         : float32_muladd((float32)x, (float32)y,
                                          (float32)z, 0, st);
        } else {
            z = fsz == 3 ? op64(x, y, st)
                         : op32((float32)x, (float32)y, st);
        }
        lane_set(r, i, fsz, z);
    }
    return true;
}

static void helper_simd_fp3(void *envp, uint32_t desc)
{
    CPUARMState *env = envp;
    unsigned rd = desc & 31, rn = (desc >> 5) & 31, rm = (desc >> 10) & 31;
    unsigned fsz = (desc >> 15) & 3, op = (desc >> 19) & 31;
    bool q = desc & (1u << 17), u = desc & (1u << 18);
    bool scalar = desc & (1u << 24), a = (desc >> 25) & 1;
    unsigned key = FPV_KEY(u, a, op);
    unsigned ne = scalar ? 1 : (q ? 16u : 8u) >> fsz;
    bool pairwise = u && (op == 0x18 || op == 0x1e ||
                          (op == 0x1a && !a));
    uint64_t n[2] = { env->vregs[rn][0], env->vregs[rn][1] };
    uint64_t m[2] = { env->vregs[rm][0], env->vregs[rm][1] };
    uint64_t d[2] = { env->vregs[rd][0], env->vregs[rd][1] };
    uint64_t r[2] = { 0, 0 };

    if (!scalar && simd_fp3_fast(env, key, fsz, ne, n, m, d, r)) {
        ne = 0;     /* done: only the write-back below */
    }
    for (unsigned i = 0; i < ne; i++) {
        uint64_t x, y;

        if (pairwise) {
            const uint64_t *src = i < ne / 2 ? n : m;
            unsigned j = (2 * i) % ne;

            x = lane_get(src, j, fsz);
            y = lane_get(src, j + 1, fsz);
            /* FADDP is FADD, FMAXP FMAX, ... of the pair */
            lane_set(r, i, fsz, fp3_lane(env, key & ~0x40u, fsz, x, y, 0));
            continue;
        }
        x = lane_get(n, i, fsz);
        y = lane_get(m, i, fsz);
        lane_set(r, i, fsz, fp3_lane(env, key, fsz, x, y,
                                     lane_get(d, i, fsz)));
    }
    if (scalar) {
        r[0] = lane_get(r, 0, fsz);
        r[1] = 0;
    } else if (!q) {
        r[1] = 0;
    }
    env->vregs[rd][0] = r[0];
    env->vregs[rd][1] = r[1];
}

const TCGHelperInfo arm_helper_simd_fp3 = {
    .func = (const void *)helper_simd_fp3, .name = "simd_fp3",
    .flags = TCG_CALL_NO_RWG, .nb_args = 2, .ret = TCG_CALL_VOID,
    .args = { TCG_CALL_PTR, TCG_CALL_I32 },
};

bool arm_simd_fp2misc_valid(bool u, bool a, unsigned op, bool scalar)
{
    switch (FPV_KEY(u, a, op)) {
    case FPV_KEY(0, 0, 0x1a): case FPV_KEY(0, 0, 0x1b):    /* FCVTNS MS */
    case FPV_KEY(0, 0, 0x1c): case FPV_KEY(0, 0, 0x1d):    /* FCVTAS SCVTF */
    case FPV_KEY(0, 1, 0x1a): case FPV_KEY(0, 1, 0x1b):    /* FCVTPS ZS */
    case FPV_KEY(1, 0, 0x1a): case FPV_KEY(1, 0, 0x1b):    /* FCVTNU MU */
    case FPV_KEY(1, 0, 0x1c): case FPV_KEY(1, 0, 0x1d):    /* FCVTAU UCVTF */
    case FPV_KEY(1, 1, 0x1a): case FPV_KEY(1, 1, 0x1b):    /* FCVTPU ZU */
    case FPV_KEY(0, 1, 0x0c): case FPV_KEY(0, 1, 0x0d):    /* FCMGT FCMEQ */
    case FPV_KEY(0, 1, 0x0e): case FPV_KEY(1, 1, 0x0c):    /* FCMLT FCMGE */
    case FPV_KEY(1, 1, 0x0d):                               /* FCMLE #0 */
        return true;
    case FPV_KEY(0, 0, 0x18): case FPV_KEY(0, 0, 0x19):    /* FRINTN M */
    case FPV_KEY(0, 1, 0x18): case FPV_KEY(0, 1, 0x19):    /* FRINTP Z */
    case FPV_KEY(1, 0, 0x18): case FPV_KEY(1, 0, 0x19):    /* FRINTA X */
    case FPV_KEY(1, 1, 0x19):                               /* FRINTI */
    case FPV_KEY(0, 1, 0x0f): case FPV_KEY(1, 1, 0x0f):    /* FABS FNEG */
    case FPV_KEY(1, 1, 0x1f):                               /* FSQRT */
        return !scalar;
    default:
        return false;
    }
}

/* Rounding of the FRINT/FCVT lanes: bit 0 of the opcode and a (and U
   for FRINTA/FRINTX/FRINTI). */
static unsigned fp2_rmode(unsigned key)
{
    switch (key & 0x61) {
    case 0x00: return FLOAT_ROUND_NEAREST_EVEN;     /* N */
    case 0x01: return FLOAT_ROUND_DOWN;             /* M */
    case 0x20: return FLOAT_ROUND_UP;               /* P */
    case 0x21: return FLOAT_ROUND_TO_ZERO;          /* Z */
    case 0x40: return FLOAT_ROUND_TIES_AWAY;        /* FRINTA */
    default: return ARM_FP_RMODE_FPCR;              /* FRINTX, FRINTI */
    }
}

static uint64_t fp2_lane(CPUARMState *env, unsigned key, unsigned fsz,
                         uint64_t x)
{
    uint64_t sign = fp_sign(fsz), is64 = fsz == 3;
    unsigned op = key & 0x1f, nzcv;

    switch (op) {
    case 0x0f:
        return key & 0x40 ? x ^ sign : x & ~sign;   /* FNEG, FABS */
    case 0x1f:
        return helper_fp_1op(env, x, fsz | ARM_FP1_SQRT << 4);
    case 0x18: case 0x19:
        return helper_fp_1op(env, x, fsz | ARM_FP1_RINT << 4 |
                             fp2_rmode(key) << 8 |
                             (key == FPV_KEY(1, 0, 0x19) ? 1u << 11 : 0));
    case 0x1a: case 0x1b:
        return helper_fp_to_int(env, x, fsz | fp2_rmode(key & ~0x40u) << 4 |
                                (key & 0x40) << 1 | is64 << 8);
    case 0x1c:
        return helper_fp_to_int(env, x, fsz | FLOAT_ROUND_TIES_AWAY << 4 |
                                (key & 0x40) << 1 | is64 << 8);
    case 0x1d:
        return helper_int_to_fp(env, x, fsz | (key & 0x40) << 1 | is64 << 8);
    default:                                        /* compare with 0 */
        nzcv = helper_fp_cmp(env, x, 0, fsz | (op == 0x0d && !(key & 0x40)
                                               ? 0 : 1u << 4));
        switch (key) {
        case FPV_KEY(0, 1, 0x0c): return fp_mask(nzcv == 0x2, fsz);
        case FPV_KEY(0, 1, 0x0d): return fp_mask(nzcv == 0x6, fsz);
        case FPV_KEY(0, 1, 0x0e): return fp_mask(nzcv == 0x8, fsz);
        case FPV_KEY(1, 1, 0x0c):
            return fp_mask(nzcv == 0x2 || nzcv == 0x6, fsz);
        default: return fp_mask(nzcv == 0x8 || nzcv == 0x6, fsz);
        }
    }
}

static void helper_simd_fp2misc(void *envp, uint32_t desc)
{
    CPUARMState *env = envp;
    unsigned rd = desc & 31, rn = (desc >> 5) & 31;
    unsigned fsz = (desc >> 15) & 3, op = (desc >> 19) & 31;
    bool q = desc & (1u << 17), u = desc & (1u << 18);
    bool scalar = desc & (1u << 24), a = (desc >> 25) & 1;
    unsigned ne = scalar ? 1 : (q ? 16u : 8u) >> fsz;
    uint64_t n[2] = { env->vregs[rn][0], env->vregs[rn][1] };
    uint64_t r[2] = { 0, 0 };

    for (unsigned i = 0; i < ne; i++) {
        lane_set(r, i, fsz, fp2_lane(env, FPV_KEY(u, a, op), fsz,
                                     lane_get(n, i, fsz)));
    }
    env->vregs[rd][0] = r[0];
    env->vregs[rd][1] = q && !scalar ? r[1] : 0;
}

const TCGHelperInfo arm_helper_simd_fp2misc = {
    .func = (const void *)helper_simd_fp2misc, .name = "simd_fp2misc",
    .flags = TCG_CALL_NO_RWG, .nb_args = 2, .ret = TCG_CALL_VOID,
    .args = { TCG_CALL_PTR, TCG_CALL_I32 },
};
