/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * XTYPE/MPY operations of hex-mpy3.isa as plain C (see mpy3.h).  Spec:
 * Hexagon V68 PRM, "XTYPE/MPY" (complex, vector, byte and word-by-half
 * multiplies).  Products are exact in 64 bits; ":<<1" doubles before
 * rounding, ":rnd" adds half of the part that is dropped (0x8000 before
 * taking the upper halfword), and ":sat" saturates each lane after the
 * accumulation.  Lanes without ":sat" wrap.
 */
#include "mpy3.h"
#include "xtype2.h"
#include "util/bitops.h"

static int64_t sh16(uint64_t v, int i)
{
    return sextract64(v, 16 * i, 16);
}

static int64_t uh16(uint64_t v, int i)
{
    return (int64_t)extract64(v, 16 * i, 16);
}

static int64_t sw32(uint64_t v, int i)
{
    return sextract64(v, 32 * i, 32);
}

static int64_t b8(uint64_t v, int i, bool sign)
{
    return sign ? sextract64(v, 8 * i, 8) : (int64_t)extract64(v, 8 * i, 8);
}

static uint64_t set_w(uint64_t r, int i, int64_t v)
{
    return deposit64(r, 32 * i, 32, (uint64_t)v);
}

static uint64_t set_h(uint64_t r, int i, int64_t v)
{
    return deposit64(r, 16 * i, 16, (uint64_t)v);
}

/* The factor of ":<<1" forms (a multiplication: @p may be negative). */
static int64_t s1(uint32_t op)
{
    return op & M3P_S1 ? 2 : 1;
}

/* Accumulate @p into word lane @i of @x as @op says, saturated or not. */
static int64_t acc_w(uint32_t op, uint64_t x, int i, int64_t p, bool *ovf)
{
    if (op & M3P_ACC) {
        p = sw32(x, i) + p;
    } else if (op & M3P_NAC) {
        p = sw32(x, i) - p;
    }
    return op & M3P_SAT ? hex_xt2_sat(p, 32, ovf) : p;
}

/* Upper halfword of sat32(@p + 0x8000): the round-and-pack forms. */
static int64_t rnd_hi(int64_t p, bool *ovf)
{
    return hex_xt2_sat(p + 0x8000, 32, ovf) >> 16;
}

/*
 * Complex product of Rs (imaginary h1, real h0) and Rt or its conjugate:
 * lane 0 the real part, lane 1 the imaginary part.
 */
static int64_t cmpy_lane(uint32_t op, uint64_t s, uint64_t t, int lane)
{
    bool conj = op & M3P_CONJ;

    if (lane) {
        return conj ? sh16(s, 1) * sh16(t, 0) - sh16(s, 0) * sh16(t, 1)
                    : sh16(s, 1) * sh16(t, 0) + sh16(s, 0) * sh16(t, 1);
    }
    return conj ? sh16(s, 0) * sh16(t, 0) + sh16(s, 1) * sh16(t, 1)
                : sh16(s, 0) * sh16(t, 0) - sh16(s, 1) * sh16(t, 1);
}

/* The same for the complex numbers in word @i of the pairs Rss, Rtt. */
static int64_t cmpy_word(uint32_t op, uint64_t s, uint64_t t, int i,
                         bool imag)
{
    return cmpy_lane(op, s >> 32 * i, t >> 32 * i, imag);
}

/* Rd = cmpy[iw|rw]h(Rss,Rt[*]):<<1:rnd:sat: 32x16 complex, upper word. */
static int64_t cmpywh(uint32_t op, uint64_t s, uint64_t t, bool *ovf)
{
    int64_t re = sw32(s, 0), im = sw32(s, 1), c = sh16(t, 0), d = sh16(t, 1);
    int64_t p;

    if (op & M3P_ALT) {
        p = op & M3P_CONJ ? im * c - re * d : im * c + re * d;
    } else {
        p = op & M3P_CONJ ? re * c + im * d : re * c - im * d;
    }
    return hex_xt2_sat((p + 0x4000) >> 15, 32, ovf);
}

/*
 * vrcmpys: word @i of the result (0 real, 1 imaginary) is the sum of
 * that part of the two complex numbers of Rss, each scaled by one
 * halfword of the scalar word (Rtt.w[1] for :raw:hi, w[0] for :raw:lo),
 * doubled (:<<1).
 */
static int64_t vrcmpys_lane(uint32_t op, uint64_t s, uint64_t t, int i)
{
    uint64_t c = op & M3P_ALT ? t >> 32 : t;

    return 2 * (sh16(s, i) * sh16(c, 0) + sh16(s, i + 2) * sh16(c, 1));
}

static uint64_t complex_ops(uint32_t op, uint64_t s, uint64_t t, uint64_t x,
                            bool *ovf)
{
    uint64_t r = 0;
    int64_t sum = 0;

    switch (op & 0xff) {
    case M3_CMPY:
        for (int i = 0; i < 2; i++) {
            r = set_w(r, i, acc_w(op, x, i,
                                  cmpy_lane(op, s, t, i) * s1(op), ovf));
        }
        return r;
    case M3_CMPY_RND:
        for (int i = 0; i < 2; i++) {
            r = set_h(r, i, rnd_hi(cmpy_lane(op, s, t, i) * s1(op), ovf));
        }
        return r;
    case M3_CMPYIR_ACC:
        return x + (uint64_t)cmpy_lane(op, s, t, !!(op & M3P_ALT));
    case M3_CMPYWH:
        return (uint32_t)cmpywh(op, s, t, ovf);
    case M3_VCMPY:
        for (int i = 0; i < 2; i++) {
            int64_t p = cmpy_word(op, s, t, i, op & M3P_ALT) * s1(op);

            r = set_w(r, i, acc_w(op, x, i, p, ovf));
        }
        return r;
    case M3_VRCMPY:
        for (int i = 0; i < 2; i++) {
            sum += cmpy_word(op, s, t, i, op & M3P_ALT);
        }
        return (op & M3P_ACC ? x : 0) + (uint64_t)sum;
    case M3_VRCMPYS:
        for (int i = 0; i < 2; i++) {
            int64_t p = vrcmpys_lane(op, s, t, i);

            r = op & M3P_RND ? set_h(r, i, rnd_hi(p, ovf))
                             : set_w(r, i, acc_w(op, x, i, p, ovf));
        }
        return r;
    }
    g_assert_not_reached();
}

/* Halfword lane @i of Rs times Rt (Rt unsigned for vmpyhsu), :<<1. */
static int64_t vmpyh_lane(uint32_t op, uint64_t s, uint64_t t, int i)
{
    int64_t b = op & M3P_ALT ? uh16(t, i) : sh16(t, i);

    return (sh16(s, i) * b) * s1(op);
}

/* Dual product of word lane @i of Rss and Rtt (halves 2i and 2i+1). */
static int64_t vdmpy_lane(uint32_t op, uint64_t s, uint64_t t, int i)
{
    int64_t p = sh16(s, 2 * i) * sh16(t, 2 * i) +
                sh16(s, 2 * i + 1) * sh16(t, 2 * i + 1);

    return p * s1(op);
}

static uint64_t halfword_ops(uint32_t op, uint64_t s, uint64_t t, uint64_t x,
                             bool *ovf)
{
    uint64_t r = 0;
    int64_t sum = 0;

    switch (op & 0xff) {
    case M3_VRMPYH:
        for (int i = 0; i < 4; i++) {
            sum += sh16(s, i) * sh16(t, i);
        }
        return (op & M3P_ACC ? x : 0) + (uint64_t)sum;
    case M3_VDMPY:
        for (int i = 0; i < 2; i++) {
            r = set_w(r, i, acc_w(op, x, i, vdmpy_lane(op, s, t, i), ovf));
        }
        return r;
    case M3_VDMPY_RND:
        for (int i = 0; i < 2; i++) {
            r = set_h(r, i, rnd_hi(vdmpy_lane(op, s, t, i), ovf));
        }
        return r;
    case M3_VMPYEH:
        for (int i = 0; i < 2; i++) {
            int64_t p = (sh16(s, 2 * i) * sh16(t, 2 * i)) * s1(op);

            r = set_w(r, i, acc_w(op, x, i, p, ovf));
        }
        return r;
    case M3_VMPYH_ACC:
        for (int i = 0; i < 2; i++) {
            r = set_w(r, i, acc_w(op, x, i, vmpyh_lane(op, s, t, i), ovf));
        }
        return r;
    case M3_VMPYH_RND:
        for (int i = 0; i < 2; i++) {
            r = set_h(r, i, rnd_hi(vmpyh_lane(op, s, t, i), ovf));
        }
        return r;
    }
    g_assert_not_reached();
}

static uint64_t byte_ops(uint32_t op, uint64_t s, uint64_t t, uint64_t x,
                         bool *ovf)
{
    bool sign = !(op & M3P_UNS);
    uint64_t r = 0;

    switch (op & 0xff) {
    case M3_VRMPYB:             /* word i: sum of bytes 4i..4i+3 */
        for (int i = 0; i < 2; i++) {
            int64_t p = op & M3P_ACC ? sw32(x, i) : 0;

            for (int j = 4 * i; j < 4 * i + 4; j++) {
                p += b8(s, j, sign) * b8(t, j, false);
            }
            r = set_w(r, i, p);
        }
        return r;
    case M3_VDMPYBSU:           /* halfword i: bytes 2i and 2i+1 */
        for (int i = 0; i < 4; i++) {
            int64_t p = b8(s, 2 * i, true) * b8(t, 2 * i, false) +
                        b8(s, 2 * i + 1, true) * b8(t, 2 * i + 1, false);

            if (op & M3P_ACC) {
                p += sh16(x, i);
            }
            r = set_h(r, i, hex_xt2_sat(p, 16, ovf));
        }
        return r;
    case M3_VMPYB:              /* halfword i: byte i of Rs and Rt */
        for (int i = 0; i < 4; i++) {
            int64_t p = b8(s, i, sign) * b8(t, i, false);

            r = set_h(r, i, p + (op & M3P_ACC ? sh16(x, i) : 0));
        }
        return r;
    case M3_PMPY_XOR:
        return x ^ hex_xt2_mpy(op & M3P_ALT ? X2_VPMPYH : X2_PMPYW, 0, s, t,
                               0, ovf);
    }
    g_assert_not_reached();
}

/* Word lane @i of Rss times the even (odd) halfword of word i of Rtt. */
static int64_t mpywh_lane(uint32_t op, uint64_t s, uint64_t t, int i)
{
    int h = 2 * i + (op & M3P_ALT ? 1 : 0);
    int64_t b = op & M3P_UNS ? uh16(t, h) : sh16(t, h);

    return (sw32(s, i) * b) * s1(op);
}

static uint64_t word_ops(uint32_t op, uint64_t s, uint64_t t, uint64_t x,
                         bool *ovf)
{
    uint64_t r = 0;
    int64_t sum = 0;

    switch (op & 0xff) {
    case M3_VMPYWH:
        for (int i = 0; i < 2; i++) {
            int64_t p = mpywh_lane(op, s, t, i) + (op & M3P_RND ? 0x8000 : 0);

            r = set_w(r, i, acc_w(op, x, i, p >> 16, ovf));
        }
        return r;
    case M3_VRMPYWH:
        for (int i = 0; i < 2; i++) {
            sum += mpywh_lane(op, s, t, i);
        }
        return (op & M3P_ACC ? x : 0) + (uint64_t)sum;
    }
    g_assert_not_reached();
}

uint64_t hex_mpy3_eval(uint32_t op, uint64_t s, uint64_t t, uint64_t x,
                       bool *ovf)
{
    unsigned kind = op & 0xff;

    if (kind <= M3_VRCMPYS) {
        return complex_ops(op, s, t, x, ovf);
    }
    if (kind <= M3_VMPYH_RND) {
        return halfword_ops(op, s, t, x, ovf);
    }
    if (kind <= M3_PMPY_XOR) {
        return byte_ops(op, s, t, x, ovf);
    }
    return word_ops(op, s, t, x, ovf);
}
