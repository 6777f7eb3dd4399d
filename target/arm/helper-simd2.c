/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Advanced SIMD integer operations, second part, at run time: the three
 * different group (long, wide and narrowing-high forms, absolute
 * difference and multiply-accumulate long, saturating doubling
 * multiplies), multiplies by element, the saturating and rounding
 * shifts (by register and by immediate, narrowing ones too), saturating
 * narrowing/absolute/negate/accumulate of the two-register misc group,
 * and the SHA1/SHA256/SHA512 instructions.
 *
 * Invariants: element values are widened to __int128 before any
 * arithmetic that could leave 64 bits, so every SatQ sees the exact
 * value; a result is complete in a local before V<d> is written; FPSR.QC
 * is set when any lane saturates.
 * Spec: Arm ARM DDI 0487, C7.2 (each instruction's pseudocode: SADDL ..
 * UQRSHRN, SHA1C .. SHA256SU1, SHA512H .. SHA512SU1), J1 (SignedSatQ,
 * UnsignedSatQ, SHAchoose, SHAparity, SHAmajority, SHAhashSIGMA0/1);
 * FIPS 180-4.
 */
#include "helper-simd2.h"
#include "helper-fp.h"

typedef struct Desc2 {
    unsigned rd, rn, rm, size, op, x;
    bool q, u, scalar;
} Desc2;

static Desc2 unpack2(uint32_t d)
{
    Desc2 s = {
        .rd = d & 31, .rn = (d >> 5) & 31, .rm = (d >> 10) & 31,
        .size = (d >> 15) & 3, .q = (d >> 17) & 1, .u = (d >> 18) & 1,
        .op = (d >> 19) & 31, .scalar = (d >> 24) & 1, .x = d >> 25,
    };
    return s;
}

/* Element @i of 2^@sz bytes, sign- or (@u) zero-extended. */
static __int128 vext(const ArmVec *v, unsigned i, unsigned sz, bool u)
{
    return u ? (__int128)arm_vec_elem(v, i, sz)
             : (__int128)arm_vec_selem(v, i, sz);
}

static uint64_t sext_w(uint64_t x, unsigned sz)
{
    unsigned sh = 64 - (8u << sz);

    return (uint64_t)((int64_t)(x << sh) >> sh);
}

/* SignedSatQ(@v, 8 << @sz): FPSR.QC on saturation; returns the bits. */
static uint64_t sat_s(CPUARMState *env, __int128 v, unsigned sz)
{
    __int128 max = ((__int128)1 << ((8u << sz) - 1)) - 1;

    if (v > max || v < -max - 1) {
        env->cp.fpsr |= ARM_FPSR_QC;
        v = v > max ? max : -max - 1;
    }
    return (uint64_t)v & arm_vec_mask(sz);
}

/* UnsignedSatQ(@v, 8 << @sz). */
static uint64_t sat_u(CPUARMState *env, __int128 v, unsigned sz)
{
    __int128 max = (__int128)arm_vec_mask(sz);

    if (v > max || v < 0) {
        env->cp.fpsr |= ARM_FPSR_QC;
        v = v > max ? max : 0;
    }
    return (uint64_t)v;
}

static uint64_t sat(CPUARMState *env, __int128 v, unsigned sz, bool u)
{
    return u ? sat_u(env, v, sz) : sat_s(env, v, sz);
}

/* --- three different and long multiplies ------------------------------ */

/*
 * One wide lane of the long ops with three-different opcode @op: 5 ABAL,
 * 7 ABDL, 8 MLAL, 9 SQDMLAL, 10 MLSL, 11 SQDMLSL, 12 MULL, 13 SQDMULL;
 * @a, @b extended narrow elements of 2^@sz bytes, @acc the wide lane.
 */
static uint64_t long_lane(CPUARMState *env, unsigned op, unsigned sz,
                          __int128 a, __int128 b, uint64_t acc)
{
    unsigned wsz = sz + 1;
    uint64_t wm = arm_vec_mask(wsz), prod;
    __int128 diff = a > b ? a - b : b - a, sacc;

    switch (op) {
    case 5:
        return (acc + (uint64_t)diff) & wm;
    case 7:
        return (uint64_t)diff & wm;
    case 8:
        return (acc + (uint64_t)(a * b)) & wm;
    case 10:
        return (acc - (uint64_t)(a * b)) & wm;
    case 12:
        return (uint64_t)(a * b) & wm;
    default:
        /* SQDM*: SignedSatQ(2 * a * b), then the saturating accumulate */
        prod = sat_s(env, 2 * a * b, wsz);
        if (op == 13) {
            return prod;
        }
        sacc = (int64_t)sext_w(acc, wsz);
        return sat_s(env, op == 9 ? sacc + (int64_t)sext_w(prod, wsz)
                                  : sacc - (int64_t)sext_w(prod, wsz), wsz);
    }
}

static void helper_simd_3diff(void *envp, uint32_t desc)
{
    CPUARMState *env = envp;
    Desc2 s = unpack2(desc);
    ArmVec n = arm_vec_get(env, s.rn), m = arm_vec_get(env, s.rm);
    ArmVec d = arm_vec_get(env, s.rd), r = { { 0, 0 } };
    unsigned sz = s.size, wsz = sz + 1, esize = 8u << sz;
    unsigned ne = s.scalar ? 1 : 8u >> sz, base = s.q ? ne : 0;

    for (unsigned i = 0; i < ne; i++) {
        unsigned j = base + i;
        __int128 b = vext(&m, j, sz, s.u);
        uint64_t x;

        switch (s.op) {
        case 0: case 1: case 2: case 3:         /* [SU]ADD[LW], [SU]SUB[LW] */
            x = (uint64_t)((s.op & 1) ? vext(&n, i, wsz, s.u)
                                      : vext(&n, j, sz, s.u));
            x = (s.op & 2) ? x - (uint64_t)b : x + (uint64_t)b;
            arm_vec_set(&r, i, wsz, x);
            break;
        case 4: case 6: {                       /* [R]ADDHN, [R]SUBHN */
            uint64_t wn = arm_vec_elem(&n, i, wsz);
            uint64_t wm = arm_vec_elem(&m, i, wsz);

            x = s.op == 4 ? wn + wm : wn - wm;
            x += s.u ? UINT64_C(1) << (esize - 1) : 0;
            arm_vec_set(&r, j, sz, x >> esize);
            break;
        }
        default:
            arm_vec_set(&r, i, wsz,
                        long_lane(env, s.op, sz, vext(&n, j, sz, s.u), b,
                                  arm_vec_elem(&d, i, wsz)));
            break;
        }
    }
    if (s.op == 4 || s.op == 6) {
        r.d[0] = s.q ? d.d[0] : r.d[0];         /* HN2 keeps the low half */
        arm_vec_put(env, s.rd, &r, 16);
        return;
    }
    arm_vec_put(env, s.rd, &r, s.scalar ? 1u << wsz : 16);
}

const TCGHelperInfo arm_helper_simd_3diff = {
    .func = (const void *)helper_simd_3diff, .name = "simd_3diff",
    .flags = TCG_CALL_NO_RWG, .nb_args = 2, .ret = TCG_CALL_VOID,
    .args = { TCG_CALL_PTR, TCG_CALL_I32 },
};

/* SQDMULH / SQRDMULH (@round) of one lane of 8 << @sz bits. */
static uint64_t sqdmulh(CPUARMState *env, __int128 a, __int128 b,
                        unsigned sz, bool round)
{
    unsigned esize = 8u << sz;
    __int128 p = 2 * a * b + (round ? (__int128)1 << (esize - 1) : 0);

    return sat_s(env, p >> esize, sz);
}

/* The long by-element opcodes as three-different ones (-1: not long). */
static int elem_long_op(unsigned op)
{
    switch (op) {
    case 2: return 8;       /* [SU]MLAL */
    case 3: return 9;       /* SQDMLAL */
    case 6: return 10;      /* [SU]MLSL */
    case 7: return 11;      /* SQDMLSL */
    case 10: return 12;     /* [SU]MULL */
    case 11: return 13;     /* SQDMULL */
    default: return -1;
    }
}

static void helper_simd_elem(void *envp, uint32_t desc)
{
    CPUARMState *env = envp;
    Desc2 s = unpack2(desc);
    ArmVec n = arm_vec_get(env, s.rn), m = arm_vec_get(env, s.rm);
    ArmVec d = arm_vec_get(env, s.rd), r = { { 0, 0 } };
    unsigned sz = s.size, wsz = sz + 1;
    int lop = elem_long_op(s.op);
    bool u = s.u && lop >= 0;                   /* only UMULL.. unsigned */
    __int128 b = vext(&m, s.x, sz, u);

    if (lop >= 0) {
        unsigned ne = s.scalar ? 1 : 8u >> sz, base = s.q ? ne : 0;

        for (unsigned i = 0; i < ne; i++) {
            arm_vec_set(&r, i, wsz,
                        long_lane(env, lop, sz, vext(&n, base + i, sz, u), b,
                                  arm_vec_elem(&d, i, wsz)));
        }
        arm_vec_put(env, s.rd, &r, s.scalar ? 1u << wsz : 16);
        return;
    }
    for (unsigned i = 0, ne = s.scalar ? 1 : (s.q ? 16u : 8u) >> sz;
         i < ne; i++) {
        __int128 a = vext(&n, i, sz, false);
        uint64_t acc = arm_vec_elem(&d, i, sz), x;

        switch (s.op) {
        case 12: case 13:                       /* SQDMULH, SQRDMULH */
            x = sqdmulh(env, a, b, sz, s.op == 13);
            break;
        case 0:                                 /* MLA (U = 1) */
            x = acc + (uint64_t)(a * b);
            break;
        case 4:                                 /* MLS (U = 1) */
            x = acc - (uint64_t)(a * b);
            break;
        default:                                /* MUL (U = 0, 8) */
            x = (uint64_t)(a * b);
            break;
        }
        arm_vec_set(&r, i, sz, x);
    }
    arm_vec_put(env, s.rd, &r, s.scalar ? 1u << sz : s.q ? 16 : 8);
}

const TCGHelperInfo arm_helper_simd_elem = {
    .func = (const void *)helper_simd_elem, .name = "simd_elem",
    .flags = TCG_CALL_NO_RWG, .nb_args = 2, .ret = TCG_CALL_VOID,
    .args = { TCG_CALL_PTR, TCG_CALL_I32 },
};

/* --- shifts --------------------------------------------------------------- */

/*
 * [SU][Q][R]SHL by register: shift @v (the extended element) by the
 * signed byte @sh, left when positive; right shifts round when @round;
 * results saturate (@saturate) or wrap to 8 << @sz bits.  A right shift
 * by more than 65 gives what a shift by 65 gives for any 64-bit value
 * (0, or -1 for a negative value without rounding).
 */
static uint64_t shift_reg(CPUARMState *env, __int128 v, int sh, unsigned sz,
                          bool u, bool saturate, bool round)
{
    int bits = 8 << sz;

    if (sh < 0) {
        int n = -sh > 65 ? 65 : -sh;

        v = (v + (round ? (__int128)1 << (n - 1) : 0)) >> n;
    } else if (sh >= bits) {
        /* every nonzero value leaves the lane: saturates or wraps to 0 */
        v = v > 0 ? (__int128)1 << 100 : v < 0 ? -((__int128)1 << 100) : 0;
        if (!saturate) {
            return 0;
        }
    } else {
        v *= (__int128)1 << sh;                 /* no UB for v < 0 */
    }
    return saturate ? sat(env, v, sz, u) : (uint64_t)v & arm_vec_mask(sz);
}

static void helper_simd_3same2(void *envp, uint32_t desc)
{
    CPUARMState *env = envp;
    Desc2 s = unpack2(desc);
    ArmVec n = arm_vec_get(env, s.rn), m = arm_vec_get(env, s.rm);
    ArmVec r = { { 0, 0 } };
    unsigned sz = s.size, ne = s.scalar ? 1 : (s.q ? 16u : 8u) >> sz;

    for (unsigned i = 0; i < ne; i++) {
        __int128 a = vext(&n, i, sz, s.u);
        int8_t sh = (int8_t)(arm_vec_elem(&m, i, sz) & 0xff);
        uint64_t x;

        switch (s.op) {
        case 0x09:                              /* [SU]QSHL */
            x = shift_reg(env, a, sh, sz, s.u, true, false);
            break;
        case 0x0a:                              /* [SU]RSHL */
            x = shift_reg(env, a, sh, sz, s.u, false, true);
            break;
        case 0x0b:                              /* [SU]QRSHL */
            x = shift_reg(env, a, sh, sz, s.u, true, true);
            break;
        default:                                /* SQ[R]DMULH */
            x = sqdmulh(env, vext(&n, i, sz, false),
                        vext(&m, i, sz, false), sz, s.u);
            break;
        }
        arm_vec_set(&r, i, sz, x);
    }
    arm_vec_put(env, s.rd, &r, s.scalar ? 1u << sz : s.q ? 16 : 8);
}

const TCGHelperInfo arm_helper_simd_3same2 = {
    .func = (const void *)helper_simd_3same2, .name = "simd_3same2",
    .flags = TCG_CALL_NO_RWG, .nb_args = 2, .ret = TCG_CALL_VOID,
    .args = { TCG_CALL_PTR, TCG_CALL_I32 },
};

/*
 * Narrowing results: element @i (of 2^@sz bytes) of the low half, or of
 * the high half for the "2" forms (Q), keeping Vd's low half there; a
 * scalar is one element with the rest of Vd zeroed.
 */
static void put_narrow(CPUARMState *env, const Desc2 *s, const uint64_t *v)
{
    ArmVec r = { { s->q ? env->vregs[s->rd][0] : 0, 0 } };
    unsigned ne = s->scalar ? 1 : 8u >> s->size, base = s->q ? ne : 0;

    for (unsigned i = 0; i < ne; i++) {
        arm_vec_set(&r, base + i, s->size, v[i]);
    }
    arm_vec_put(env, s->rd, &r, s->scalar ? 1u << s->size : 16);
}

static void helper_simd_shift2(void *envp, uint32_t desc)
{
    CPUARMState *env = envp;
    Desc2 s = unpack2(desc);
    ArmVec n = arm_vec_get(env, s.rn), r = { { 0, 0 } };
    unsigned sz = s.size, sh = s.x;
    uint64_t out[16];

    if (s.op == 0x0c || s.op == 0x0e) {         /* SQSHLU, [SU]QSHL #imm */
        unsigned ne = s.scalar ? 1 : (s.q ? 16u : 8u) >> sz;

        for (unsigned i = 0; i < ne; i++) {
            __int128 a = vext(&n, i, sz, s.u && s.op == 0x0e);

            arm_vec_set(&r, i, sz, sat(env, a * ((__int128)1 << sh), sz, s.u));
        }
        arm_vec_put(env, s.rd, &r, s.scalar ? 1u << sz : s.q ? 16 : 8);
        return;
    }
    /*
     * 0x10-0x13: from the wide lane (signed for SQSHRUN, SQRSHRUN and
     * SQ[R]SHRN), round when op<0>, shift, then truncate (SHRN, RSHRN),
     * or saturate: unsigned for U = 1, signed for SQ[R]SHRN.
     */
    for (unsigned i = 0, ne = s.scalar ? 1 : 8u >> sz; i < ne; i++) {
        bool wrap = !s.u && s.op <= 0x11;
        bool src_u = wrap || (s.u && s.op >= 0x12);
        __int128 v = vext(&n, i, sz + 1, src_u);

        v = (v + ((s.op & 1) ? (__int128)1 << (sh - 1) : 0)) >> sh;
        out[i] = wrap ? (uint64_t)v : sat(env, v, sz, s.u);
    }
    put_narrow(env, &s, out);
}

const TCGHelperInfo arm_helper_simd_shift2 = {
    .func = (const void *)helper_simd_shift2, .name = "simd_shift2",
    .flags = TCG_CALL_NO_RWG, .nb_args = 2, .ret = TCG_CALL_VOID,
    .args = { TCG_CALL_PTR, TCG_CALL_I32 },
};

/* --- two-register misc -------------------------------------------------- */

static void helper_simd_2misc2(void *envp, uint32_t desc)
{
    CPUARMState *env = envp;
    Desc2 s = unpack2(desc);
    ArmVec n = arm_vec_get(env, s.rn), d = arm_vec_get(env, s.rd);
    ArmVec r = { { 0, 0 } };
    unsigned sz = s.size, ne = s.scalar ? 1 : (s.q ? 16u : 8u) >> sz;
    uint64_t out[16];

    switch (s.op) {
    case 0x12: case 0x14:       /* SQXTUN (U=1), SQXTN, UQXTN: narrow */
        for (unsigned i = 0, nn = s.scalar ? 1 : 8u >> sz; i < nn; i++) {
            __int128 v = vext(&n, i, sz + 1, s.u && s.op == 0x14);

            out[i] = sat(env, v, sz, s.u);
        }
        put_narrow(env, &s, out);
        return;
    case 0x13: {                /* SHLL{2}: widen, shift by esize */
        unsigned nn = 8u >> sz, base = s.q ? nn : 0;

        for (unsigned i = 0; i < nn; i++) {
            arm_vec_set(&r, i, sz + 1,
                        arm_vec_elem(&n, base + i, sz) << (8u << sz));
        }
        arm_vec_put(env, s.rd, &r, 16);
        return;
    }
    default:
        break;
    }
    for (unsigned i = 0; i < ne; i++) {
        __int128 sa = vext(&n, i, sz, false), x;

        if (s.op == 0x07) {                     /* SQABS, SQNEG */
            x = s.u || sa < 0 ? -sa : sa;
            arm_vec_set(&r, i, sz, sat_s(env, x, sz));
        } else if (!s.u) {                      /* SUQADD */
            x = vext(&d, i, sz, false) + vext(&n, i, sz, true);
            arm_vec_set(&r, i, sz, sat_s(env, x, sz));
        } else {                                /* USQADD */
            x = vext(&d, i, sz, true) + sa;
            arm_vec_set(&r, i, sz, sat_u(env, x, sz));
        }
    }
    arm_vec_put(env, s.rd, &r, s.scalar ? 1u << sz : s.q ? 16 : 8);
}

const TCGHelperInfo arm_helper_simd_2misc2 = {
    .func = (const void *)helper_simd_2misc2, .name = "simd_2misc2",
    .flags = TCG_CALL_NO_RWG, .nb_args = 2, .ret = TCG_CALL_VOID,
    .args = { TCG_CALL_PTR, TCG_CALL_I32 },
};

/* --- SHA1 and SHA256 -------------------------------------------------- */

static uint32_t sha_choose(uint32_t x, uint32_t y, uint32_t z)
{
    return ((y ^ z) & x) ^ z;
}

static uint32_t sha_majority(uint32_t x, uint32_t y, uint32_t z)
{
    return (x & y) | ((x | y) & z);
}

static uint32_t sha_parity(uint32_t x, uint32_t y, uint32_t z)
{
    return x ^ y ^ z;
}

/* Word @i (0..3) of a 128-bit value as a 4-word array. */
static void vec_words(const ArmVec *v, uint32_t w[4])
{
    for (unsigned i = 0; i < 4; i++) {
        w[i] = (uint32_t)arm_vec_elem(v, i, 2);
    }
}

static ArmVec words_vec(const uint32_t w[4])
{
    ArmVec v = { { w[0] | (uint64_t)w[1] << 32, w[2] | (uint64_t)w[3] << 32 } };
    return v;
}

/*
 * SHA1C/SHA1P/SHA1M (@op 0, 1, 2): four rounds on X = Qd (a, b, c, d in
 * words 0..3) and Y = Sn (e), with W = Vm's four words; after each round
 * (Y:X) rotates left by 32 bits.
 */
static void sha1_rounds(uint32_t x[4], uint32_t y, const uint32_t w[4],
                        unsigned op)
{
    for (unsigned e = 0; e < 4; e++) {
        uint32_t t = op == 0 ? sha_choose(x[1], x[2], x[3])
                   : op == 1 ? sha_parity(x[1], x[2], x[3])
                             : sha_majority(x[1], x[2], x[3]);
        uint32_t top;

        y += rol32(x[0], 5) + t + w[e];
        x[1] = rol32(x[1], 30);
        top = x[3];
        x[3] = x[2];
        x[2] = x[1];
        x[1] = x[0];
        x[0] = y;
        y = top;
    }
}

static uint32_t sigma_big0(uint32_t x)
{
    return ror32(x, 2) ^ ror32(x, 13) ^ ror32(x, 22);
}

static uint32_t sigma_big1(uint32_t x)
{
    return ror32(x, 6) ^ ror32(x, 11) ^ ror32(x, 25);
}

/* SHA256hash(X, Y, W, part1): four rounds; X = (a..d), Y = (e..h). */
static void sha256_rounds(uint32_t x[4], uint32_t y[4], const uint32_t w[4])
{
    for (unsigned e = 0; e < 4; e++) {
        uint32_t chs = sha_choose(y[0], y[1], y[2]);
        uint32_t maj = sha_majority(x[0], x[1], x[2]);
        uint32_t t = y[3] + sigma_big1(y[0]) + chs + w[e];
        uint32_t xtop, ytop;

        x[3] += t;
        y[3] = t + sigma_big0(x[0]) + maj;
        /* (Y:X) rotates left by 32 */
        xtop = x[3];
        ytop = y[3];
        memmove(x + 1, x, 3 * sizeof(uint32_t));
        memmove(y + 1, y, 3 * sizeof(uint32_t));
        x[0] = ytop;
        y[0] = xtop;
    }
}

static uint32_t sigma_small(uint32_t x, unsigned r1, unsigned r2,
                            unsigned sh)
{
    return ror32(x, r1) ^ ror32(x, r2) ^ (x >> sh);
}

static void sha_3reg(const Desc2 *s, uint32_t d[4],
                     const uint32_t n[4], const uint32_t m[4])
{
    uint32_t t[4];

    switch (s->op) {
    case 0: case 1: case 2:
        sha1_rounds(d, n[0], m, s->op);
        break;
    case 3:                                     /* SHA1SU0 */
        t[0] = d[2] ^ d[0] ^ m[0];
        t[1] = d[3] ^ d[1] ^ m[1];
        t[2] = n[0] ^ d[2] ^ m[2];
        t[3] = n[1] ^ d[3] ^ m[3];
        memcpy(d, t, sizeof(t));
        break;
    case 4: case 5: {                           /* SHA256H, SHA256H2 */
        uint32_t x[4], y[4];

        memcpy(x, s->op == 4 ? d : n, sizeof(x));
        memcpy(y, s->op == 4 ? n : d, sizeof(y));
        sha256_rounds(x, y, m);
        memcpy(d, s->op == 4 ? x : y, sizeof(x));
        break;
    }
    default: {                                  /* SHA256SU1 */
        uint32_t t0[4] = { n[1], n[2], n[3], m[0] };

        for (unsigned e = 0; e < 4; e++) {
            uint32_t src = e < 2 ? m[2 + e] : t[e - 2];

            t[e] = sigma_small(src, 17, 19, 10) + d[e] + t0[e];
        }
        memcpy(d, t, sizeof(t));
        break;
    }
    }
}

static void sha_2reg(unsigned op, uint32_t d[4], const uint32_t n[4])
{
    uint32_t t[4];

    switch (op) {
    case 0:                                     /* SHA1H */
        d[0] = rol32(n[0], 30);
        d[1] = d[2] = d[3] = 0;
        break;
    case 1:                                     /* SHA1SU1 */
        for (unsigned i = 0; i < 4; i++) {
            t[i] = d[i] ^ (i < 3 ? n[i + 1] : 0);
        }
        d[0] = rol32(t[0], 1);
        d[1] = rol32(t[1], 1);
        d[2] = rol32(t[2], 1);
        d[3] = rol32(t[3], 1) ^ rol32(t[0], 2);
        break;
    default: {                                  /* SHA256SU0 */
        uint32_t tt[4] = { d[1], d[2], d[3], n[0] };

        for (unsigned e = 0; e < 4; e++) {
            d[e] += sigma_small(tt[e], 7, 18, 3);
        }
        break;
    }
    }
}

static void helper_simd_sha(void *envp, uint32_t desc)
{
    CPUARMState *env = envp;
    Desc2 s = unpack2(desc);
    ArmVec vd = arm_vec_get(env, s.rd), vn = arm_vec_get(env, s.rn);
    ArmVec vm = arm_vec_get(env, s.rm), r;
    uint32_t d[4], n[4], m[4];

    vec_words(&vd, d);
    vec_words(&vn, n);
    vec_words(&vm, m);
    if (s.op >= ARM_SHA_2REG) {
        sha_2reg(s.op - ARM_SHA_2REG, d, n);
    } else {
        sha_3reg(&s, d, n, m);
    }
    r = words_vec(d);
    arm_vec_put(env, s.rd, &r, 16);
}

const TCGHelperInfo arm_helper_simd_sha = {
    .func = (const void *)helper_simd_sha, .name = "simd_sha",
    .flags = TCG_CALL_NO_RWG, .nb_args = 2, .ret = TCG_CALL_VOID,
    .args = { TCG_CALL_PTR, TCG_CALL_I32 },
};

/* --- SHA512 ------------------------------------------------------------ */

/* FIPS 180-4 4.1.3: the big Sigma functions and the small sigma ones. */
static uint64_t sha512_sum1(uint64_t x)
{
    return ror64(x, 14) ^ ror64(x, 18) ^ ror64(x, 41);
}

static uint64_t sha512_sum0(uint64_t x)
{
    return ror64(x, 28) ^ ror64(x, 34) ^ ror64(x, 39);
}

static uint64_t sha512_sig0(uint64_t x)
{
    return ror64(x, 1) ^ ror64(x, 8) ^ x >> 7;
}

static uint64_t sha512_sig1(uint64_t x)
{
    return ror64(x, 19) ^ ror64(x, 61) ^ x >> 6;
}

/*
 * The C7.2 pseudocode, X = V<n>, Y = V<m>, W = V<d>, [1] the upper lane.
 * SHA512H and SHA512H2 each do half of two SHA-512 rounds (FIPS 180-4
 * 6.4.2), the upper lane first, its result feeding the lower lane:
 * SHA512H the Ch + Sigma1 part of T1 (e = Y[1], f = X[0], g = X[1],
 * then e = r[1] + Y[0]), SHA512H2 the Maj + Sigma0 part of the new a
 * (a = Y[0], b = Y[1], c = X[0], then a = r[1]); W supplies the other
 * terms.  SHA512SU0 adds sigma0 of the next word to two message words,
 * SHA512SU1 adds sigma1(X) + Y to them.
 */
static void sha512_3reg(unsigned op, uint64_t r[2], const ArmVec *x,
                        const ArmVec *y, const ArmVec *w)
{
    uint64_t t;

    switch (op) {
    case 0:                                     /* SHA512H */
        r[1] = ((y->d[1] & x->d[0]) ^ (~y->d[1] & x->d[1])) +
               sha512_sum1(y->d[1]) + w->d[1];
        t = r[1] + y->d[0];
        r[0] = ((t & y->d[1]) ^ (~t & x->d[0])) + sha512_sum1(t) + w->d[0];
        break;
    case 1:                                     /* SHA512H2 */
        r[1] = ((x->d[0] & y->d[1]) ^ (x->d[0] & y->d[0]) ^
                (y->d[1] & y->d[0])) + sha512_sum0(y->d[0]) + w->d[1];
        r[0] = ((r[1] & y->d[0]) ^ (r[1] & y->d[1]) ^ (y->d[1] & y->d[0])) +
               sha512_sum0(r[1]) + w->d[0];
        break;
    case 2:                                     /* SHA512SU1 */
        r[1] = w->d[1] + sha512_sig1(x->d[1]) + y->d[1];
        r[0] = w->d[0] + sha512_sig1(x->d[0]) + y->d[0];
        break;
    default:                                    /* SHA512SU0 */
        r[0] = w->d[0] + sha512_sig0(w->d[1]);
        r[1] = w->d[1] + sha512_sig0(x->d[0]);
        break;
    }
}

static void helper_simd_sha512(void *envp, uint32_t desc)
{
    CPUARMState *env = envp;
    Desc2 s = unpack2(desc);
    ArmVec x = arm_vec_get(env, s.rn), y = arm_vec_get(env, s.rm);
    ArmVec w = arm_vec_get(env, s.rd), r;

    sha512_3reg(s.op, r.d, &x, &y, &w);
    arm_vec_put(env, s.rd, &r, 16);
}

const TCGHelperInfo arm_helper_simd_sha512 = {
    .func = (const void *)helper_simd_sha512, .name = "simd_sha512",
    .flags = TCG_CALL_NO_RWG, .nb_args = 2, .ret = TCG_CALL_VOID,
    .args = { TCG_CALL_PTR, TCG_CALL_I32 },
};
