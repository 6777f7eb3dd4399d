/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * XTYPE/MPY, XTYPE/PERM and XTYPE/PRED operations of hex-xtype2.isa as
 * plain C (see xtype2.h).  Spec: Hexagon V68 PRM, "XTYPE/MPY",
 * "XTYPE/PERM", "XTYPE/PRED".  Products are exact in 64 bits; ":<<1"
 * doubles before rounding (":rnd" adds half of the part that is dropped)
 * and saturation.
 */
#include "xtype2.h"
#include "util/bitops.h"

static int64_t half(uint64_t v, int i, bool sign)
{
    return sign ? sextract64(v, 16 * i, 16) : (int64_t)extract64(v, 16 * i, 16);
}

static int64_t word(uint64_t v, int i)
{
    return sextract64(v, 32 * i, 32);
}

/*
 * X2_MPY16: [Rd|Rdd] [=|+=|-=] mpy[u](Rs.X,Rt.Y)[:<<1][:rnd][:sat].
 * Parameter: bit 0 Rs.H, bit 1 Rt.H, bit 2 :<<1, bit 3 :rnd, bit 4 :sat
 * (32-bit results only), bit 5 unsigned, bits 7:6 1 for +=, 2 for -=.
 */
static uint64_t mpy16(unsigned p, uint64_t s, uint64_t t, uint64_t x,
                      bool *ovf)
{
    bool sign = !(p & 32);
    int64_t r = half(s, p & 1, sign) * half(t, p >> 1 & 1, sign);

    if (p & 4) {
        r *= 2;
    }
    if (p & 8) {
        r += 0x8000;
    }
    if (p & 16) {
        x = (uint64_t)(int64_t)(int32_t)x;
    }
    if ((p >> 6) == 1) {
        r = (int64_t)(x + (uint64_t)r);
    } else if ((p >> 6) == 2) {
        r = (int64_t)(x - (uint64_t)r);
    }
    if (p & 16) {
        r = hex_xt2_sat(r, 32, ovf);
    }
    return (uint64_t)r;
}

/* Rd = sat(Rs * Rt.half[@h] [+ 0x4000] >> 15): the :<<1 fractional forms */
static uint32_t mpy32x16(uint64_t s, uint64_t t, int h, bool rnd, bool *ovf)
{
    int64_t r = word(s, 0) * half(t, h, true);

    return (uint32_t)hex_xt2_sat((r + (rnd ? 0x4000 : 0)) >> 15, 32, ovf);
}

/* Carry-less product of the low @n bits of @a and @b. */
static uint64_t pmpy(uint64_t a, uint64_t b, int n)
{
    uint64_t r = 0;

    for (int i = 0; i < n; i++) {
        if (b >> i & 1) {
            r ^= a << i;
        }
    }
    return r;
}

static uint64_t mpy_scalar(uint32_t op, uint64_t s, uint64_t t, uint64_t x,
                           bool *ovf)
{
    int64_t p = word(s, 0) * word(t, 0);

    switch (op & 0xff) {
    case X2_MPY16:
        return mpy16(X2_PARAM(op), s, t, x, ovf);
    case X2_MPY_RND:
        return (uint32_t)((p + 0x80000000ll) >> 32);
    case X2_MPY_S1:
        return (uint32_t)(p >> 31);
    case X2_MPY_S1_SAT:
        return (uint32_t)hex_xt2_sat(p >> 31, 32, ovf);
    case X2_MPYSU:
        return (uint32_t)((word(s, 0) * (int64_t)(uint32_t)t) >> 32);
    case X2_MPY_H_S1_SAT:
        return mpy32x16(s, t, 1, false, ovf);
    case X2_MPY_L_S1_SAT:
        return mpy32x16(s, t, 0, false, ovf);
    case X2_MPY_H_S1_RND_SAT:
        return mpy32x16(s, t, 1, true, ovf);
    case X2_MPY_L_S1_RND_SAT:
        return mpy32x16(s, t, 0, true, ovf);
    case X2_MPY_ACC_S1_SAT:
        return (uint32_t)hex_xt2_sat(word(x, 0) + (p >> 31), 32, ovf);
    case X2_MPY_NAC_S1_SAT:
        return (uint32_t)hex_xt2_sat(word(x, 0) - (p >> 31), 32, ovf);
    case X2_PMPYW:
        return pmpy((uint32_t)s, (uint32_t)t, 32);
    case X2_VPMPYH: {
        uint64_t p0 = pmpy(half(s, 0, false), half(t, 0, false), 16);
        uint64_t p1 = pmpy(half(s, 1, false), half(t, 1, false), 16);

        return (p0 & 0xffff) | (p1 & 0xffff) << 16 |
               (p0 >> 16 & 0xffff) << 32 | (p1 >> 16 & 0xffff) << 48;
    }
    default:
        return UINT64_MAX;
    }
}

/*
 * Two 32-bit lanes: Rdd.w[i] = [sat]([Rxx.w[i] +] Rs.h[i] * Rt.[u]h[i]
 * [<< 1]).
 */
static uint64_t vmpyh(uint64_t s, uint64_t t, uint64_t x, bool tsign,
                      bool s1, bool acc, bool sat, bool *ovf)
{
    uint64_t r = 0;

    for (int i = 0; i < 2; i++) {
        int64_t v = half(s, i, true) * half(t, i, tsign) * (s1 ? 2 : 1);

        if (acc) {
            v += word(x, i);
        }
        if (sat) {
            v = hex_xt2_sat(v, 32, ovf);
        }
        r = deposit64(r, 32 * i, 32, (uint64_t)v);
    }
    return r;
}

/* Complex multiply: imaginary part in word 1, real part in word 0. */
static void cmpy(uint64_t s, uint64_t t, bool conj, int64_t *re,
                 int64_t *im)
{
    int64_t a = half(s, 0, true), b = half(s, 1, true);
    int64_t c = half(t, 0, true), d = half(t, 1, true);

    if (conj) {
        d = -d;
    }
    *re = a * c - b * d;
    *im = b * c + a * d;
}

static uint64_t mpy_vector(uint32_t op, uint64_t s, uint64_t t, uint64_t x,
                           bool *ovf)
{
    int64_t re, im;
    unsigned o = op & 0xff;

    switch (o) {
    case X2_VMPYH_SAT:
    case X2_VMPYH_S1_SAT:
        return vmpyh(s, t, 0, true, o == X2_VMPYH_S1_SAT, false, true, ovf);
    case X2_VMPYH_ACC:
    case X2_VMPYH_ACC_SAT:
        return vmpyh(s, t, x, true, false, true, o == X2_VMPYH_ACC_SAT, ovf);
    case X2_VMPYHSU_SAT:
    case X2_VMPYHSU_S1_SAT:
        return vmpyh(s, t, 0, false, o == X2_VMPYHSU_S1_SAT, false, true,
                     ovf);
    case X2_VMPYH_RND_SAT:
        re = hex_xt2_sat(half(s, 0, true) * half(t, 0, true) + 0x8000, 32,
                         ovf);
        im = hex_xt2_sat(half(s, 1, true) * half(t, 1, true) + 0x8000, 32,
                         ovf);
        return (uint32_t)(re >> 16 & 0xffff) | (uint32_t)(im >> 16) << 16;
    }
    cmpy(s, t, o == X2_CMPYC_SAT, &re, &im);
    switch (o) {
    case X2_CMPY_S1_SAT:
        re *= 2;
        im *= 2;
        /* fall through */
    case X2_CMPY_SAT:
    case X2_CMPYC_SAT:
        return (uint64_t)hex_xt2_sat(im, 32, ovf) << 32 |
               (uint32_t)hex_xt2_sat(re, 32, ovf);
    case X2_CMPY_ACC_SAT:
        return (uint64_t)hex_xt2_sat(im + word(x, 1), 32, ovf) << 32 |
               (uint32_t)hex_xt2_sat(re + word(x, 0), 32, ovf);
    case X2_CMPY_RND_SAT:
        re = hex_xt2_sat(re + 0x8000, 32, ovf);
        im = hex_xt2_sat(im + 0x8000, 32, ovf);
        return (uint32_t)(re >> 16 & 0xffff) | (uint32_t)(im >> 16) << 16;
    case X2_CMPYI:
        return (uint64_t)im;
    case X2_CMPYR:
        return (uint64_t)re;
    default:
        return UINT64_MAX;
    }
}

/* Lanes of @inbits from @s, saturated to @outbits, written as @lanebits. */
static uint64_t vsat(uint64_t s, int inbits, int outbits, bool sign,
                     int lanebits, bool *ovf)
{
    uint64_t r = 0;

    for (int i = 0; i < 64 / inbits; i++) {
        int64_t v = sextract64(s, i * inbits, inbits);

        v = sign ? hex_xt2_sat(v, outbits, ovf)
                 : hex_xt2_satu(v, outbits, ovf);
        r = deposit64(r, i * lanebits, lanebits, (uint64_t)v);
    }
    return r;
}

/* Lanes of @inbits of @s (sign- or zero-extended) widened to 2x. */
static uint64_t vext(uint64_t s, int inbits, bool sign)
{
    uint64_t r = 0;

    for (int i = 0; i < 4 * 8 / inbits; i++) {
        int64_t v = sign ? sextract64(s, i * inbits, inbits)
                         : (int64_t)extract64(s, i * inbits, inbits);

        r = deposit64(r, i * 2 * inbits, 2 * inbits, (uint64_t)v);
    }
    return r;
}

/* Interleave lanes: even lanes from @e (lane 2i of @e at 2i, ...). */
static uint64_t shuff(uint64_t a, uint64_t b, int bits, int pick)
{
    uint64_t r = 0;

    for (int i = 0; i < 64 / bits / 2; i++) {
        r = deposit64(r, 2 * i * bits, bits,
                      extract64(a, (2 * i + pick) * bits, bits));
        r = deposit64(r, (2 * i + 1) * bits, bits,
                      extract64(b, (2 * i + pick) * bits, bits));
    }
    return r;
}

/* Multiply the complex halfword pair @c by -j, j or -1 (vcrotate). */
static uint32_t crot(uint32_t c, int k, bool *ovf)
{
    int64_t re = half(c, 0, true), im = half(c, 1, true), nr, ni;

    switch (k) {
    case 0:
        return c;
    case 1:
        nr = im;
        ni = hex_xt2_sat(-re, 16, ovf);
        break;
    case 2:
        nr = hex_xt2_sat(-im, 16, ovf);
        ni = re;
        break;
    default:
        nr = hex_xt2_sat(-re, 16, ovf);
        ni = hex_xt2_sat(-im, 16, ovf);
        break;
    }
    return (uint32_t)(nr & 0xffff) | (uint32_t)(ni & 0xffff) << 16;
}

static uint64_t perm(uint32_t op, int32_t imm, uint64_t s, uint64_t t,
                     bool *ovf)
{
    uint64_t r = 0;

    switch (op & 0xff) {
    case X2_VSPLATB:
        return (s & 0xff) * 0x01010101u;
    case X2_VSPLATH:
        return (s & 0xffff) * 0x0001000100010001ull;
    case X2_VSPLATB_P:
        return (s & 0xff) * 0x0101010101010101ull;
    case X2_VSXTBH:
        return vext(s, 8, true);
    case X2_VZXTBH:
        return vext(s, 8, false);
    case X2_VSXTHW:
        return vext(s, 16, true);
    case X2_VZXTHW:
        return vext(s, 16, false);
    case X2_VTRUNEHB:
    case X2_VTRUNOHB:
        for (int i = 0; i < 4; i++) {
            r = deposit64(r, 8 * i, 8, extract64(s, 16 * i +
                          ((op & 0xff) == X2_VTRUNOHB ? 8 : 0), 8));
        }
        return r;
    case X2_SHUFFEB:
        return shuff(t, s, 8, 0);
    case X2_SHUFFOB:
        return shuff(s, t, 8, 1);
    case X2_SHUFFEH:
        return shuff(t, s, 16, 0);
    case X2_SHUFFOH:
        return shuff(s, t, 16, 1);
    case X2_VSATHB:
        return vsat(s, 16, 8, true, 8, ovf);
    case X2_VSATHUB:
        return vsat(s, 16, 8, false, 8, ovf);
    case X2_VSATWH:
        return vsat(s, 32, 16, true, 16, ovf);
    case X2_VSATWUH:
        return vsat(s, 32, 16, false, 16, ovf);
    case X2_VSATHB_P:
        return vsat(s, 16, 8, true, 16, ovf);
    case X2_VSATHUB_P:
        return vsat(s, 16, 8, false, 16, ovf);
    case X2_VSATWH_P:
        return vsat(s, 32, 16, true, 32, ovf);
    case X2_VSATWUH_P:
        return vsat(s, 32, 16, false, 32, ovf);
    case X2_SAT:
        return (uint32_t)hex_xt2_sat((int64_t)s, 32, ovf);
    case X2_SATB:
        return (uint32_t)hex_xt2_sat(word(s, 0), 8, ovf);
    case X2_SATUB:
        return (uint32_t)hex_xt2_satu(word(s, 0), 8, ovf);
    case X2_SATH:
        return (uint32_t)hex_xt2_sat(word(s, 0), 16, ovf);
    case X2_SATUH:
        return (uint32_t)hex_xt2_satu(word(s, 0), 16, ovf);
    case X2_SWIZ:
        return bswap32((uint32_t)s);
    case X2_VRNDWH:
    case X2_VRNDWH_SAT:
        for (int i = 0; i < 2; i++) {
            int64_t v = word(s, i) + 0x8000;

            if ((op & 0xff) == X2_VRNDWH_SAT) {
                v = hex_xt2_sat(v, 32, ovf);
            }
            r = deposit64(r, 16 * i, 16, (uint64_t)v >> 16);
        }
        return r;
    case X2_VSPLICEB_I:
        return imm ? t << (imm * 8) | extract64(s, 0, imm * 8) : t;
    case X2_VALIGNB_I:
        return imm ? s >> (imm * 8) | t << (64 - imm * 8) : s;
    case X2_VCROTATE:
        return crot((uint32_t)s, t & 3, ovf) |
               (uint64_t)crot(s >> 32, t >> 2 & 3, ovf) << 32;
    default:
        return UINT64_MAX;
    }
}

/*
 * X2_CMPBH / X2_VCMP: compare lanes of @s with lanes of @t or with the
 * immediate.  Parameter: bits 1:0 eq/gt/gtu, bits 3:2 lane size (byte,
 * half, word), bit 4 immediate.  Each lane sets as many predicate bits
 * as it has bytes; CMPBH compares lane 0 only and sets all 8 bits.
 */
static uint64_t vcmp(unsigned p, int32_t imm, uint64_t s, uint64_t t,
                     bool vector)
{
    int bits = 8 << (p >> 2 & 3), n = vector ? 64 / bits : 1;
    uint64_t r = 0;

    for (int i = 0; i < n; i++) {
        int64_t a = sextract64(s, i * bits, bits);
        int64_t b = p & 16 ? imm : sextract64(t, i * bits, bits);
        uint64_t ua = extract64(s, i * bits, bits);
        uint64_t ub = p & 16 ? (uint64_t)imm : extract64(t, i * bits, bits);
        bool c;

        switch (p & 3) {
        case 0:
            c = ua == (ub & (~0ull >> (64 - bits)));
            break;
        case 1:
            c = a > b;
            break;
        default:
            c = ua > ub;
            break;
        }
        if (c) {
            r |= ((1u << (bits / 8)) - 1) << (i * bits / 8);
        }
    }
    return vector ? r : (r ? 0xff : 0);
}

static uint64_t pred(uint32_t op, int32_t imm, uint64_t s, uint64_t t)
{
    uint64_t r = 0;

    switch (op & 0xff) {
    case X2_CMPBH:
        return vcmp(X2_PARAM(op), imm, s, t, false);
    case X2_VCMP:
        return vcmp(X2_PARAM(op), imm, s, t, true);
    case X2_ANY8_VCMPB_EQ:
        return vcmp(0, 0, s, t, true) ? 0xff : 0;
    case X2_MASK:
        for (int i = 0; i < 8; i++) {
            r |= (s >> i & 1) ? 0xffull << (8 * i) : 0;
        }
        return r;
    case X2_VITPACK:
        return (s & 0x55) | (t & 0xaa);
    default:
        return UINT64_MAX;
    }
}

uint64_t hex_xt2_mpy(uint32_t op, int32_t imm, uint64_t s, uint64_t t,
                     uint64_t x, bool *ovf)
{
    unsigned o = op & 0xff;

    if (o <= X2_MPY_NAC_S1_SAT || o == X2_PMPYW || o == X2_VPMPYH) {
        return mpy_scalar(op, s, t, x, ovf);
    }
    if (o <= X2_CMPYR) {
        return mpy_vector(op, s, t, x, ovf);
    }
    if (o <= X2_VCROTATE) {
        return perm(op, imm, s, t, ovf);
    }
    return pred(op, imm, s, t);
}
