/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Advanced SIMD integer operations at run time, element by element on
 * the 128-bit registers in env->vregs: three same (saturating and
 * halving arithmetic, multiply, compares, min/max, shifts by register,
 * pairwise; logic and ADD/SUB are IR in the translator), two-register
 * misc, across lanes reductions, shifts by immediate, permutes
 * (ZIP/UZP/TRN/EXT), table lookups (TBL/TBX), AES rounds (the S-box
 * computed from its FIPS-197 definition: inverse in GF(2^8), then the
 * affine map) and PMULL.
 *
 * Invariants: element i of size 2^sz bytes is bits [(i+1)*8<<sz - 1 :
 * i*8<<sz] of the register, taken from the two 64-bit halves with shifts
 * (so the code does not depend on the host's byte order); a result is
 * complete in a local before V<d> is written.
 * Spec: Arm ARM DDI 0487, C7.2 (the pseudocode of each instruction:
 * ADD .. ZIP2), J1 (SatQ, Reverse, BitCount, AESSubBytes ..);
 * FIPS-197 (AES).
 */
#include "helper-simd.h"
#include "helper-fp.h"

typedef struct Vec {
    uint64_t d[2];
} Vec;

typedef struct SimdDesc {
    unsigned rd, rn, rm, size, op, x;
    bool q, u, scalar;
} SimdDesc;

static SimdDesc unpack(uint32_t d)
{
    SimdDesc s = {
        .rd = d & 31, .rn = (d >> 5) & 31, .rm = (d >> 10) & 31,
        .size = (d >> 15) & 3, .q = (d >> 17) & 1, .u = (d >> 18) & 1,
        .op = (d >> 19) & 31, .scalar = (d >> 24) & 1, .x = d >> 25,
    };
    return s;
}

static Vec vget(CPUARMState *env, unsigned r)
{
    Vec v = { { env->vregs[r][0], env->vregs[r][1] } };
    return v;
}

static uint64_t emask(unsigned sz)
{
    return sz >= 3 ? UINT64_MAX : (UINT64_C(1) << (8u << sz)) - 1;
}

static uint64_t eget(const Vec *v, unsigned i, unsigned sz)
{
    unsigned bit = i << (sz + 3);

    return (v->d[bit >> 6] >> (bit & 63)) & emask(sz);
}

static int64_t eget_s(const Vec *v, unsigned i, unsigned sz)
{
    unsigned bits = 8u << sz;
    uint64_t x = eget(v, i, sz);

    return bits == 64 ? (int64_t)x : (int64_t)(x << (64 - bits)) >>
                                     (64 - bits);
}

static void eset(Vec *v, unsigned i, unsigned sz, uint64_t x)
{
    unsigned bit = i << (sz + 3);
    uint64_t m = emask(sz) << (bit & 63);

    v->d[bit >> 6] = (v->d[bit >> 6] & ~m) | ((x << (bit & 63)) & m);
}

/* Write the result: the low 64 bits only for 64-bit forms (@bytes 8),
   the low element for scalars (@bytes = element size). */
static void vput(CPUARMState *env, unsigned r, const Vec *v, unsigned bytes)
{
    env->vregs[r][0] = bytes >= 8 ? v->d[0]
                                  : v->d[0] & ((UINT64_C(1) << (bytes * 8))
                                               - 1);
    env->vregs[r][1] = bytes == 16 ? v->d[1] : 0;
}

static unsigned nelem(const SimdDesc *s)
{
    return s->scalar ? 1 : (s->q ? 16u : 8u) >> s->size;
}

static unsigned out_bytes(const SimdDesc *s)
{
    return s->scalar ? 1u << s->size : s->q ? 16 : 8;
}

static void set_qc(CPUARMState *env)
{
    env->cp.fpsr |= ARM_FPSR_QC;
}

/* SignedSatQ/UnsignedSatQ of a value known to fit in 65 bits. */
static uint64_t sat_s(CPUARMState *env, __int128 v, unsigned sz)
{
    unsigned bits = 8u << sz;
    __int128 max = ((__int128)1 << (bits - 1)) - 1;
    __int128 min = -max - 1;

    if (v > max || v < min) {
        set_qc(env);
        v = v > max ? max : min;
    }
    return (uint64_t)v & emask(sz);
}

static uint64_t sat_u(CPUARMState *env, __int128 v, unsigned sz)
{
    __int128 max = (__int128)emask(sz);

    if (v > max || v < 0) {
        set_qc(env);
        v = v > max ? max : 0;
    }
    return (uint64_t)v;
}

/* --- three same --------------------------------------------------------- */

/* The logical ops (00011) and ADD/SUB (10000) are valid here but
   generated as IR by the translator; the helper never sees them. */
bool arm_simd_3same_valid(bool u, unsigned size, unsigned op, bool q,
                          bool scalar)
{
    if (op == 0x03) {                           /* logic: size is opc */
        return !scalar;                         /* (ORN, BIF: size 3) */
    }
    if (!scalar && size == 3 && !q) {
        return false;
    }
    switch (op) {
    case 0x01: case 0x05:                       /* [SU]QADD, [SU]QSUB */
        return true;
    case 0x06: case 0x07: case 0x08:            /* CMGT/HI, CMGE/HS, SHL */
    case 0x10: case 0x11:                       /* ADD/SUB, CMTST/CMEQ */
        return !scalar || size == 3;
    case 0x17:                                  /* ADDP (vector) */
        return !scalar && !u;
    case 0x13:                                  /* MUL, PMUL */
        return !scalar && (u ? size == 0 : size != 3);
    case 0x00: case 0x02: case 0x04:            /* HADD, RHADD, HSUB */
    case 0x0c: case 0x0d: case 0x0e: case 0x0f: /* MAX, MIN, ABD, ABA */
    case 0x12: case 0x14: case 0x15:            /* MLA/MLS, MAXP, MINP */
        return !scalar && size != 3;
    default:
        return false;
    }
}

/* [SU]SHL: shift by the signed low byte of @sh, right when negative. */
static uint64_t shl_reg(uint64_t a, int64_t sa, int8_t sh, unsigned sz,
                        bool u)
{
    int bits = 8 << sz;
    int r = -(int)sh;              /* right shift 1..128 (not in int8_t) */

    if (sh >= 0) {
        return sh >= bits ? 0 : (a << sh) & emask(sz);
    }
    if (u) {
        return r >= bits ? 0 : a >> r;
    }
    return (uint64_t)(r >= bits ? (sa < 0 ? -1 : 0) : sa >> r) & emask(sz);
}

/* Polynomial multiply of two bytes, low 8 bits (PMUL). */
static uint64_t pmul8(uint64_t a, uint64_t b)
{
    uint64_t r = 0;

    for (int i = 0; i < 8; i++) {
        if (b & (1u << i)) {
            r ^= a << i;
        }
    }
    return r & 0xff;
}

/* One element of a non-pairwise three-same op. */
static uint64_t elem3(CPUARMState *env, const SimdDesc *s, uint64_t a,
                      uint64_t b, int64_t sa, int64_t sb, uint64_t d)
{
    unsigned sz = s->size;
    uint64_t m = emask(sz);
    __int128 wa = s->u ? (__int128)a : (__int128)sa;
    __int128 wb = s->u ? (__int128)b : (__int128)sb;

    switch (s->op) {
    case 0x00:
        return (uint64_t)((wa + wb) >> 1) & m;
    case 0x01:
        return s->u ? sat_u(env, wa + wb, sz) : sat_s(env, wa + wb, sz);
    case 0x02:
        return (uint64_t)((wa + wb + 1) >> 1) & m;
    case 0x04:
        return (uint64_t)((wa - wb) >> 1) & m;
    case 0x05:
        return s->u ? sat_u(env, wa - wb, sz) : sat_s(env, wa - wb, sz);
    case 0x06:
        return wa > wb ? m : 0;
    case 0x07:
        return wa >= wb ? m : 0;
    case 0x08:
        return shl_reg(a, sa, (int8_t)b, sz, s->u);
    case 0x0c:
        return wa > wb ? a : b;
    case 0x0d:
        return wa < wb ? a : b;
    case 0x0e:
        return (uint64_t)(wa > wb ? wa - wb : wb - wa) & m;
    case 0x0f:
        return (d + (uint64_t)(wa > wb ? wa - wb : wb - wa)) & m;
    case 0x11:
        return s->u ? (a == b ? m : 0) : ((a & b) ? m : 0);
    case 0x12:
        return (s->u ? d - a * b : d + a * b) & m;
    default:                                    /* 0x13 */
        return s->u ? pmul8(a, b) : (a * b) & m;
    }
}

static void helper_simd_3same(void *envp, uint32_t desc)
{
    CPUARMState *env = envp;
    SimdDesc s = unpack(desc);
    Vec n = vget(env, s.rn), m = vget(env, s.rm), d = vget(env, s.rd);
    Vec r = { { 0, 0 } };
    unsigned ne = nelem(&s), sz = s.size;

    if (s.op == 0x14 || s.op == 0x15 || s.op == 0x17) {
        /* pairwise: the pairs of Vn, then those of Vm */
        for (unsigned i = 0; i < ne; i++) {
            const Vec *src = i < ne / 2 ? &n : &m;
            unsigned j = (2 * i) % ne;
            uint64_t a = eget(src, j, sz), b = eget(src, j + 1, sz);
            int64_t sa = eget_s(src, j, sz), sb = eget_s(src, j + 1, sz);
            bool first;

            if (s.op == 0x17) {
                eset(&r, i, sz, a + b);
                continue;
            }
            first = s.u ? (s.op == 0x14 ? a > b : a < b)
                        : (s.op == 0x14 ? sa > sb : sa < sb);
            eset(&r, i, sz, first ? a : b);
        }
    } else {
        for (unsigned i = 0; i < ne; i++) {
            eset(&r, i, sz, elem3(env, &s, eget(&n, i, sz), eget(&m, i, sz),
                                  eget_s(&n, i, sz), eget_s(&m, i, sz),
                                  eget(&d, i, sz)));
        }
    }
    vput(env, s.rd, &r, out_bytes(&s));
}

const TCGHelperInfo arm_helper_simd_3same = {
    .func = (const void *)helper_simd_3same, .name = "simd_3same",
    .flags = TCG_CALL_NO_RWG, .nb_args = 2, .ret = TCG_CALL_VOID,
    .args = { TCG_CALL_PTR, TCG_CALL_I32 },
};

/* --- two-register misc ------------------------------------------------- */

bool arm_simd_2misc_valid(bool u, unsigned size, unsigned op, bool q,
                          bool scalar)
{
    switch (op) {
    case 0x08: case 0x09: case 0x0b:            /* CMGT/GE, CMEQ/LE #0, */
        return scalar ? size == 3 : size != 3 || q; /* ABS/NEG */
    case 0x0a:                                  /* CMLT #0 */
        return !u && (scalar ? size == 3 : size != 3 || q);
    }
    if (scalar) {
        return false;
    }
    switch (op) {
    case 0x00:                                  /* REV64, REV32 */
        return u ? size <= 1 : size != 3;
    case 0x01:                                  /* REV16 */
        return !u && size == 0;
    case 0x02: case 0x04:                       /* [SU]ADDLP, CLS/CLZ */
    case 0x06:                                  /* [SU]ADALP */
    case 0x12:                                  /* XTN (U = 0) */
        return size != 3 && (op != 0x12 || !u);
    case 0x05:                                  /* CNT, NOT, RBIT */
        return u ? size <= 1 : size == 0;
    default:
        return false;
    }
}

static uint64_t rbit8(uint64_t x)
{
    uint64_t r = 0;

    for (int i = 0; i < 8; i++) {
        r |= ((x >> i) & 1) << (7 - i);
    }
    return r;
}

/* One element of the element-wise two-misc ops. */
static uint64_t elem2(const SimdDesc *s, uint64_t a, int64_t sa)
{
    unsigned sz = s->size, bits = 8u << sz;
    uint64_t m = emask(sz);

    switch (s->op) {
    case 0x04:
        if (s->u) {                             /* CLZ */
            return a ? (uint64_t)(__builtin_clzll(a) - (64 - bits)) : bits;
        }                                       /* CLS */
        a = (uint64_t)(sa < 0 ? ~sa : sa) & m;
        return a ? (uint64_t)(__builtin_clzll(a) - (64 - bits)) - 1
                 : bits - 1;
    case 0x05:
        if (s->u) {
            /* NOT; RBIT (size 1, yet byte elements: two per lane) */
            return sz ? rbit8(a) | rbit8(a >> 8) << 8 : ~a & m;
        }
        return (uint64_t)__builtin_popcountll(a);
    case 0x08:
        return (s->u ? sa >= 0 : sa > 0) ? m : 0;
    case 0x09:
        return (s->u ? sa <= 0 : sa == 0) ? m : 0;
    case 0x0a:
        return sa < 0 ? m : 0;
    default:                                    /* 0x0b ABS, NEG */
        return ((s->u || sa < 0) ? 0 - (uint64_t)sa : (uint64_t)sa) & m;
    }
}

static void helper_simd_2misc(void *envp, uint32_t desc)
{
    CPUARMState *env = envp;
    SimdDesc s = unpack(desc);
    Vec n = vget(env, s.rn), r = { { 0, 0 } };
    unsigned ne = nelem(&s), sz = s.size;

    switch (s.op) {
    case 0x00: case 0x01: {
        /* REV64/REV32/REV16: reverse elements within 2^(3-op-u) bytes */
        unsigned cont = s.op ? 2 : s.u ? 4 : 8;
        unsigned per = cont >> sz;

        for (unsigned i = 0; i < ne; i++) {
            eset(&r, i, sz, eget(&n, (i / per) * per + per - 1 - i % per,
                                 sz));
        }
        break;
    }
    case 0x02: case 0x06: {                     /* [SU]ADDLP, [SU]ADALP */
        Vec d = vget(env, s.rd);

        for (unsigned i = 0; i < ne / 2; i++) {
            uint64_t v = s.u ? eget(&n, 2 * i, sz) + eget(&n, 2 * i + 1, sz)
                             : (uint64_t)(eget_s(&n, 2 * i, sz) +
                                          eget_s(&n, 2 * i + 1, sz));
            if (s.op == 0x06) {                 /* accumulate into Vd */
                v += eget(&d, i, sz + 1);
            }
            eset(&r, i, sz + 1, v);
        }
        break;
    }
    case 0x12: {                                /* XTN, XTN2 */
        Vec d = vget(env, s.rd);
        unsigned half = 8u >> sz;               /* narrow elements per D */

        r = d;
        for (unsigned i = 0; i < half; i++) {
            eset(&r, i + (s.q ? half : 0), sz, eget(&n, i, sz + 1));
        }
        if (!s.q) {
            r.d[1] = 0;
        }
        vput(env, s.rd, &r, 16);
        return;
    }
    default:
        for (unsigned i = 0; i < ne; i++) {
            eset(&r, i, sz, elem2(&s, eget(&n, i, sz), eget_s(&n, i, sz)));
        }
        break;
    }
    vput(env, s.rd, &r, out_bytes(&s));
}

const TCGHelperInfo arm_helper_simd_2misc = {
    .func = (const void *)helper_simd_2misc, .name = "simd_2misc",
    .flags = TCG_CALL_NO_RWG, .nb_args = 2, .ret = TCG_CALL_VOID,
    .args = { TCG_CALL_PTR, TCG_CALL_I32 },
};

/* --- across lanes -------------------------------------------------------- */

bool arm_simd_across_valid(bool u, unsigned size, unsigned op, bool q)
{
    if (size == 3 || (size == 2 && !q)) {
        return false;
    }
    return op == 0x03 || op == 0x0a || op == 0x1a || (op == 0x1b && !u);
}

static void helper_simd_across(void *envp, uint32_t desc)
{
    CPUARMState *env = envp;
    SimdDesc s = unpack(desc);
    Vec n = vget(env, s.rn), r = { { 0, 0 } };
    unsigned ne = nelem(&s), sz = s.size;
    uint64_t acc = eget(&n, 0, sz);
    int64_t sacc = eget_s(&n, 0, sz);
    unsigned osz = s.op == 0x03 ? sz + 1 : sz;

    for (unsigned i = 1; i < ne; i++) {
        uint64_t a = eget(&n, i, sz);
        int64_t sa = eget_s(&n, i, sz);

        switch (s.op) {
        case 0x03:                              /* [SU]ADDLV */
        case 0x1b:                              /* ADDV */
            acc += a;
            sacc += sa;
            break;
        case 0x0a:                              /* [SU]MAXV */
            acc = a > acc ? a : acc;
            sacc = sa > sacc ? sa : sacc;
            break;
        default:                                /* [SU]MINV */
            acc = a < acc ? a : acc;
            sacc = sa < sacc ? sa : sacc;
            break;
        }
    }
    eset(&r, 0, osz, s.u || s.op == 0x1b ? acc : (uint64_t)sacc);
    vput(env, s.rd, &r, 1u << osz);
}

const TCGHelperInfo arm_helper_simd_across = {
    .func = (const void *)helper_simd_across, .name = "simd_across",
    .flags = TCG_CALL_NO_RWG, .nb_args = 2, .ret = TCG_CALL_VOID,
    .args = { TCG_CALL_PTR, TCG_CALL_I32 },
};

/* --- shift by immediate ------------------------------------------------- */

bool arm_simd_shift_valid(bool u, unsigned size, unsigned op, bool q,
                          bool scalar)
{
    switch (op) {
    case 0x00: case 0x02: case 0x04: case 0x06: /* [SU]SHR, SRA, RSHR, RSRA */
    case 0x0a:                                  /* SHL, SLI */
        return scalar ? size == 3 : size != 3 || q;
    case 0x08:                                  /* SRI */
        return u && (scalar ? size == 3 : size != 3 || q);
    case 0x10:                                  /* SHRN */
    case 0x14:                                  /* [SU]SHLL */
        return !scalar && size != 3 && (op == 0x14 || !u);
    default:
        return false;
    }
}

/* Right shift by 1..esize with optional rounding (SSHR, URSHR, ...). */
static uint64_t shr_imm(uint64_t a, int64_t sa, unsigned sh, unsigned sz,
                        bool u, bool round)
{
    __int128 v = u ? (__int128)a : (__int128)sa;

    if (round) {
        v += (__int128)1 << (sh - 1);
    }
    return (uint64_t)(v >> sh) & emask(sz);
}

static void helper_simd_shift(void *envp, uint32_t desc)
{
    CPUARMState *env = envp;
    SimdDesc s = unpack(desc);
    Vec n = vget(env, s.rn), d = vget(env, s.rd), r = { { 0, 0 } };
    unsigned ne = nelem(&s), sz = s.size, sh = s.x, bits = 8u << sz;
    uint64_t m = emask(sz);

    if (s.op == 0x10 || s.op == 0x14) {
        unsigned half = 8u >> sz, base = s.q ? half : 0;

        if (s.op == 0x10) {                     /* SHRN{2}: from 2*esize */
            r = d;
            for (unsigned i = 0; i < half; i++) {
                eset(&r, base + i, sz, eget(&n, i, sz + 1) >> sh);
            }
            if (!s.q) {
                r.d[1] = 0;
            }
        } else {                                /* [SU]SHLL{2} */
            for (unsigned i = 0; i < half; i++) {
                uint64_t v = s.u ? eget(&n, base + i, sz)
                                 : (uint64_t)eget_s(&n, base + i, sz);
                eset(&r, i, sz + 1, v << sh);
            }
        }
        vput(env, s.rd, &r, 16);
        return;
    }
    for (unsigned i = 0; i < ne; i++) {
        uint64_t a = eget(&n, i, sz), dv = eget(&d, i, sz), v;
        int64_t sa = eget_s(&n, i, sz);

        switch (s.op) {
        case 0x0a:
            v = (a << sh) & m;
            if (s.u) {                          /* SLI keeps low bits */
                v |= sh ? dv & (m >> (bits - sh)) : 0;
            }
            break;
        case 0x08: {                            /* SRI keeps high bits */
            uint64_t keep = sh == bits ? m : ~(m >> sh) & m;
            v = (sh == bits ? 0 : a >> sh) | (dv & keep);
            break;
        }
        default:
            v = shr_imm(a, sa, sh, sz, s.u, s.op & 4);
            if (s.op & 2) {                     /* accumulate */
                v = (v + dv) & m;
            }
            break;
        }
        eset(&r, i, sz, v);
    }
    vput(env, s.rd, &r, out_bytes(&s));
}

const TCGHelperInfo arm_helper_simd_shift = {
    .func = (const void *)helper_simd_shift, .name = "simd_shift",
    .flags = TCG_CALL_NO_RWG, .nb_args = 2, .ret = TCG_CALL_VOID,
    .args = { TCG_CALL_PTR, TCG_CALL_I32 },
};

/* --- permutes and table lookups ---------------------------------------- */

static void helper_simd_perm(void *envp, uint32_t desc)
{
    CPUARMState *env = envp;
    SimdDesc s = unpack(desc);
    Vec n = vget(env, s.rn), m = vget(env, s.rm), r = { { 0, 0 } };
    unsigned ne = nelem(&s), sz = s.size, part = s.op >> 2;

    for (unsigned i = 0; i < ne; i++) {
        uint64_t v;

        switch (s.op & 3) {
        case 0: {                               /* EXT: bytes from index */
            unsigned b = i + s.x;
            v = b < ne ? eget(&n, b, 0) : eget(&m, b - ne, 0);
            break;
        }
        case 1: {                               /* UZP1/2 */
            unsigned j = 2 * i + part;
            v = j < ne ? eget(&n, j, sz) : eget(&m, j - ne, sz);
            break;
        }
        case 2:                                 /* TRN1/2 */
            v = (i & 1) ? eget(&m, (i & ~1u) + part, sz)
                        : eget(&n, i + part, sz);
            break;
        default: {                              /* ZIP1/2 */
            unsigned j = part * ne / 2 + i / 2;
            v = (i & 1) ? eget(&m, j, sz) : eget(&n, j, sz);
            break;
        }
        }
        eset(&r, i, sz, v);
    }
    vput(env, s.rd, &r, s.q ? 16 : 8);
}

const TCGHelperInfo arm_helper_simd_perm = {
    .func = (const void *)helper_simd_perm, .name = "simd_perm",
    .flags = TCG_CALL_NO_RWG, .nb_args = 2, .ret = TCG_CALL_VOID,
    .args = { TCG_CALL_PTR, TCG_CALL_I32 },
};

/* TBL/TBX: byte indices from Vm into the table V<n>..V<n+len> (mod 32);
   out of range gives 0 (TBL) or keeps Vd's byte (TBX). */
static void helper_simd_tbl(void *envp, uint32_t desc)
{
    CPUARMState *env = envp;
    SimdDesc s = unpack(desc);
    unsigned nregs = (s.x & 3) + 1, ne = s.q ? 16 : 8;
    Vec m = vget(env, s.rm), d = vget(env, s.rd), r = { { 0, 0 } };
    Vec tbl[4];

    for (unsigned k = 0; k < nregs; k++) {
        tbl[k] = vget(env, (s.rn + k) & 31);
    }
    for (unsigned i = 0; i < ne; i++) {
        unsigned idx = eget(&m, i, 0);

        if (idx < nregs * 16) {
            eset(&r, i, 0, eget(&tbl[idx / 16], idx % 16, 0));
        } else if (s.x & 4) {
            eset(&r, i, 0, eget(&d, i, 0));
        }
    }
    vput(env, s.rd, &r, ne);
}

const TCGHelperInfo arm_helper_simd_tbl = {
    .func = (const void *)helper_simd_tbl, .name = "simd_tbl",
    .flags = TCG_CALL_NO_RWG, .nb_args = 2, .ret = TCG_CALL_VOID,
    .args = { TCG_CALL_PTR, TCG_CALL_I32 },
};

/* --- AES and polynomial multiply ----------------------------------------- */

/* Multiply in GF(2^8) modulo x^8 + x^4 + x^3 + x + 1 (FIPS-197 4.2). */
static uint8_t gf_mul(uint8_t a, uint8_t b)
{
    uint8_t r = 0;

    while (b) {
        if (b & 1) {
            r ^= a;
        }
        a = (uint8_t)(a << 1) ^ (a & 0x80 ? 0x1b : 0);
        b >>= 1;
    }
    return r;
}

/* The multiplicative inverse (0 for 0): a^254. */
static uint8_t gf_inv(uint8_t a)
{
    uint8_t r = 1;

    for (unsigned e = 254; e; e >>= 1) {        /* square and multiply */
        if (e & 1) {
            r = gf_mul(r, a);
        }
        a = gf_mul(a, a);
    }
    return r;                                   /* 0^254 = 0 */
}

static uint8_t rotl8(uint8_t x, unsigned n)
{
    return (uint8_t)(x << n | x >> (8 - n));
}

/* SubBytes: the affine transform of the inverse (FIPS-197 5.1.1). */
static uint8_t aes_sbox(uint8_t x)
{
    uint8_t b = gf_inv(x);

    return b ^ rotl8(b, 1) ^ rotl8(b, 2) ^ rotl8(b, 3) ^ rotl8(b, 4) ^ 0x63;
}

/* InvSubBytes: the inverse affine transform, then the inverse. */
static uint8_t aes_inv_sbox(uint8_t x)
{
    return gf_inv(rotl8(x, 1) ^ rotl8(x, 3) ^ rotl8(x, 6) ^ 0x05);
}

/*
 * The AES state is the register's bytes 0..15 in column order (byte
 * r + 4c is row r, column c), as the Arm ARM's AESE/AESD pseudocode
 * (C7.2) and FIPS-197 3.4 lay it out.
 */
static void aes_round(uint8_t st[16], bool decrypt)
{
    uint8_t t[16];

    for (unsigned c = 0; c < 4; c++) {
        for (unsigned r = 0; r < 4; r++) {
            unsigned from = decrypt ? (c + 4 - r) % 4 : (c + r) % 4;
            uint8_t x = st[r + 4 * from];

            t[r + 4 * c] = decrypt ? aes_inv_sbox(x) : aes_sbox(x);
        }
    }
    memcpy(st, t, 16);
}

static void aes_mix(uint8_t st[16], bool inverse)
{
    static const uint8_t fwd[4] = { 2, 3, 1, 1 }, inv[4] = { 14, 11, 13, 9 };
    const uint8_t *k = inverse ? inv : fwd;

    for (unsigned c = 0; c < 4; c++) {
        uint8_t col[4];

        memcpy(col, st + 4 * c, 4);
        for (unsigned r = 0; r < 4; r++) {
            st[r + 4 * c] = gf_mul(col[0], k[(4 - r) % 4]) ^
                            gf_mul(col[1], k[(5 - r) % 4]) ^
                            gf_mul(col[2], k[(6 - r) % 4]) ^
                            gf_mul(col[3], k[(7 - r) % 4]);
        }
    }
}

/* Carry-less multiply of the low @bits of @a and @b: 2*@bits result. */
static void clmul(uint64_t a, uint64_t b, unsigned bits, uint64_t *lo,
                  uint64_t *hi)
{
    *lo = *hi = 0;
    for (unsigned i = 0; i < bits; i++) {
        if (b >> i & 1) {
            *lo ^= a << i;
            *hi ^= i ? a >> (64 - i) : 0;
        }
    }
}

bool arm_simd_crypto_valid(const CPUARMState *env, unsigned op,
                           unsigned size)
{
    if (op < ARM_SIMD_PMULL) {
        return arm_feature(env, ARM_FEAT_AES);
    }
    return size == 0 || (size == 3 && arm_feature(env, ARM_FEAT_PMULL));
}

static void helper_simd_crypto(void *envp, uint32_t desc)
{
    CPUARMState *env = envp;
    SimdDesc s = unpack(desc);
    Vec n = vget(env, s.rn), d = vget(env, s.rd), m = vget(env, s.rm);
    Vec r = { { 0, 0 } };
    uint8_t st[16];

    if (s.op == ARM_SIMD_PMULL) {               /* PMULL{2} */
        unsigned sz = s.size, half = s.q;

        if (sz == 3) {
            clmul(n.d[half], m.d[half], 64, &r.d[0], &r.d[1]);
        } else {
            for (unsigned i = 0; i < 8; i++) {
                uint64_t lo, hi;

                clmul(eget(&n, 8 * half + i, 0), eget(&m, 8 * half + i, 0),
                      8, &lo, &hi);
                eset(&r, i, 1, lo);
            }
        }
        vput(env, s.rd, &r, 16);
        return;
    }
    for (unsigned i = 0; i < 16; i++) {
        st[i] = eget(&n, i, 0) ^ (s.op <= 1 ? eget(&d, i, 0) : 0);
    }
    if (s.op <= 1) {
        aes_round(st, s.op == 1);               /* AESE, AESD */
    } else {
        aes_mix(st, s.op == 3);                 /* AESMC, AESIMC */
    }
    for (unsigned i = 0; i < 16; i++) {
        eset(&r, i, 0, st[i]);
    }
    vput(env, s.rd, &r, 16);
}

const TCGHelperInfo arm_helper_simd_crypto = {
    .func = (const void *)helper_simd_crypto, .name = "simd_crypto",
    .flags = TCG_CALL_NO_RWG, .nb_args = 2, .ret = TCG_CALL_VOID,
    .args = { TCG_CALL_PTR, TCG_CALL_I32 },
};
