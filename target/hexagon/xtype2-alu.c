/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * XTYPE/ALU, XTYPE/BIT and XTYPE/SHIFT operations of hex-xtype2.isa as
 * plain C (see xtype2.h).  Spec: Hexagon V68 PRM, "XTYPE/ALU",
 * "XTYPE/BIT", "XTYPE/SHIFT".  Intermediate values are computed in 64
 * bits ("infinite precision" in the manual's pseudocode) and truncated or
 * saturated as the instruction says; a register shift amount is the
 * signed 7-bit Rt[6:0], a negative amount shifting the other way.
 */
#include "xtype2.h"
#include "util/bitops.h"

int64_t hex_xt2_sat(int64_t v, int bits, bool *ovf)
{
    int64_t max = (INT64_C(1) << (bits - 1)) - 1, min = -max - 1;

    if (v > max || v < min) {
        *ovf = true;
        return v > max ? max : min;
    }
    return v;
}

int64_t hex_xt2_satu(int64_t v, int bits, bool *ovf)
{
    int64_t max = (INT64_C(1) << bits) - 1;

    if (v > max || v < 0) {
        *ovf = true;
        return v > max ? max : 0;
    }
    return v;
}

/* Lane @i of @bits bits, signed or unsigned. */
static int64_t lane(uint64_t v, int i, int bits, bool sign)
{
    return sign ? sextract64(v, i * bits, bits)
                : (int64_t)extract64(v, i * bits, bits);
}

static uint64_t set_lane(uint64_t v, int i, int bits, int64_t x)
{
    return deposit64(v, i * bits, bits, (uint64_t)x);
}

/* Signed 7-bit register shift amount. */
static int shamt7(uint64_t t)
{
    return sextract64(t, 0, 7);
}

/* @v << @n for n in -64..63, arithmetic or logical right when n < 0. */
static int64_t bidir_shl(int64_t v, int n, bool arith)
{
    if (n >= 0) {
        return n > 63 ? 0 : (int64_t)((uint64_t)v << n);
    }
    n = -n;
    if (arith) {
        return v >> (n > 63 ? 63 : n);
    }
    return n > 63 ? 0 : (int64_t)((uint64_t)v >> n);
}

/* Convergent rounding (PRM "cround"): round half to even, then >> n. */
static int64_t cround(int64_t v, int n)
{
    int64_t half, frac;

    if (n == 0) {
        return v;
    }
    half = INT64_C(1) << (n - 1);
    frac = v & ((INT64_C(1) << n) - 1);
    if (frac > half || (frac == half && (v >> n & 1))) {
        return (v >> n) + 1;
    }
    return v >> n;
}

static int64_t rnd_shift(int64_t v, int n)
{
    return n == 0 ? v : v + (INT64_C(1) << (n - 1));
}

/*
 * X2_ADDH16, Rd = add/sub(Rt.X, Rs.Y)[:sat][:<<16].  Parameter: bit 0
 * sub, bit 1 Rs.H, bit 2 Rt.H, bit 3 :sat, bit 4 :<<16.  Without :<<16
 * the 16-bit result is sign-extended.
 */
static uint64_t addh16(unsigned p, uint64_t s, uint64_t t, bool *ovf)
{
    int64_t a = lane(t, p >> 2 & 1, 16, true);
    int64_t b = lane(s, p >> 1 & 1, 16, true);
    int64_t r = p & 1 ? a - b : a + b;

    if (p & 8) {
        r = hex_xt2_sat(r, 16, ovf);
    } else {
        r = (int16_t)r;
    }
    if (p & 16) {
        r = (int64_t)((uint64_t)r << 16);
    }
    return (uint32_t)r;
}

/*
 * X2_VLANE: lane-wise operations on two pairs.  Parameter bits 4:0 the
 * operation (below), bits 6:5 the lane size (0 byte, 1 half, 2 word).
 * Subtractions and negated averages are Rtt - Rss, as in the syntax
 * "vsubh(Rtt,Rss)"; the rest are symmetric or Rss op Rtt.
 */
enum {
    VL_ADD, VL_ADDS, VL_ADDUS, VL_SUB, VL_SUBS, VL_SUBUS, VL_AVG, VL_AVGR,
    VL_AVGC, VL_AVGU, VL_AVGUR, VL_NAVG, VL_MAX, VL_MIN, VL_MAXU, VL_MINU,
    VL_ABSD, VL_ABSDU,
};

static int64_t vlane_one(int op, int64_t a, int64_t b, int64_t ua,
                         int64_t ub, int bits, bool *ovf)
{
    switch (op) {
    case VL_ADD:
        return a + b;
    case VL_ADDS:
        return hex_xt2_sat(a + b, bits, ovf);
    case VL_ADDUS:
        return hex_xt2_satu(ua + ub, bits, ovf);
    case VL_SUB:
        return b - a;
    case VL_SUBS:
        return hex_xt2_sat(b - a, bits, ovf);
    case VL_SUBUS:
        return hex_xt2_satu(ub - ua, bits, ovf);
    case VL_AVG:
        return (a + b) >> 1;
    case VL_AVGR:
        return (a + b + 1) >> 1;
    case VL_AVGC:
        return cround(a + b, 1);
    case VL_AVGU:
        return (ua + ub) >> 1;
    case VL_AVGUR:
        return (ua + ub + 1) >> 1;
    case VL_NAVG:
        return (b - a) >> 1;
    case VL_MAX:
        return MAX(a, b);
    case VL_MIN:
        return MIN(a, b);
    case VL_MAXU:
        return MAX(ua, ub);
    case VL_MINU:
        return MIN(ua, ub);
    case VL_ABSD:
        return b > a ? b - a : a - b;
    default:
        return ub > ua ? ub - ua : ua - ub;
    }
}

static uint64_t vlane(unsigned p, uint64_t s, uint64_t t, bool *ovf)
{
    int bits = 8 << (p >> 5 & 3), n = 64 / bits;
    uint64_t r = 0;

    for (int i = 0; i < n; i++) {
        int64_t v = vlane_one(p & 31, lane(s, i, bits, true),
                              lane(t, i, bits, true),
                              lane(s, i, bits, false),
                              lane(t, i, bits, false), bits, ovf);
        r = set_lane(r, i, bits, v);
    }
    return r;
}

/* abs of each lane, saturating the most negative value when @sat. */
static uint64_t vabs(uint64_t s, int bits, bool sat, bool *ovf)
{
    uint64_t r = 0;

    for (int i = 0; i < 64 / bits; i++) {
        int64_t v = lane(s, i, bits, true);

        v = v < 0 ? -v : v;
        r = set_lane(r, i, bits, sat ? hex_xt2_sat(v, bits, ovf) : v);
    }
    return r;
}

/* Sum of |s.ub[i] - t.ub[i]| (@diff) or of s.ub[i] + t.ub[i] per word. */
static uint64_t vrbyte(uint64_t s, uint64_t t, bool diff)
{
    uint64_t r = 0;

    for (int i = 0; i < 8; i++) {
        int64_t a = lane(s, i, 8, false), b = lane(t, i, 8, false);
        int64_t v = diff ? (a > b ? a - b : b - a) : a + b;

        r += (uint64_t)v << (i < 4 ? 0 : 32);
    }
    return r;
}

static uint64_t alu_arith(uint32_t op, int32_t imm, uint64_t s, uint64_t t,
                          uint64_t x, bool *ovf)
{
    int32_t rs = (int32_t)s;
    int64_t v;

    switch (op & 0xff) {
    case X2_ABS_SAT:
        return (uint32_t)hex_xt2_sat(rs < 0 ? -(int64_t)rs : rs, 32, ovf);
    case X2_NEG_SAT:
        return (uint32_t)hex_xt2_sat(-(int64_t)rs, 32, ovf);
    case X2_ADDH16:
        return addh16(X2_PARAM(op), s, t, ovf);
    case X2_ADD_PP_SAT:
        if (__builtin_add_overflow((int64_t)s, (int64_t)t, &v)) {
            *ovf = true;
            return (int64_t)s < 0 ? (uint64_t)INT64_MIN : INT64_MAX;
        }
        return v;
    case X2_ADD_ACC:
        return (uint32_t)(x + s + t);
    case X2_ADD_NAC:
        return (uint32_t)(x - (s + t));
    case X2_SXTW:
        return (int64_t)rs;
    case X2_VABSH:
    case X2_VABSH_SAT:
        return vabs(s, 16, (op & 0xff) == X2_VABSH_SAT, ovf);
    case X2_VABSW:
    case X2_VABSW_SAT:
        return vabs(s, 32, (op & 0xff) == X2_VABSW_SAT, ovf);
    case X2_VLANE:
        return vlane(X2_PARAM(op), s, t, ovf);
    case X2_VRADDUB:
        return vrbyte(s, t, false);
    case X2_VRSADUB:
        return vrbyte(s, t, true);
    case X2_VRADDUH:
        v = 0;
        for (int i = 0; i < 4; i++) {
            v += lane(s, i, 16, false) + lane(t, i, 16, false);
        }
        return (uint32_t)v;
    default:
        return UINT64_MAX;
    }
}

static uint64_t alu_round(uint32_t op, int32_t imm, uint64_t s, uint64_t t,
                          bool *ovf)
{
    int32_t rs = (int32_t)s;
    int n;

    switch (op & 0xff) {
    case X2_ROUND_RI:
    case X2_ROUND_RR:
        n = (op & 0xff) == X2_ROUND_RI ? imm : (int)(t & 31);
        return (uint32_t)(rnd_shift(rs, n) >> n);
    case X2_ROUND_RI_SAT:
    case X2_ROUND_RR_SAT:
        n = (op & 0xff) == X2_ROUND_RI_SAT ? imm : (int)(t & 31);
        return (uint32_t)(hex_xt2_sat(rnd_shift(rs, n), 32, ovf) >> n);
    case X2_CROUND_RI:
        return (uint32_t)cround(rs, imm);
    case X2_CROUND_RR:
        return (uint32_t)cround(rs, t & 31);
    case X2_ROUND_P_SAT:
        if ((int64_t)s > INT64_MAX - 0x80000000ll) {
            *ovf = true;
            return INT32_MAX;
        }
        return (uint32_t)(((int64_t)s + 0x80000000ll) >> 32);
    case X2_MODWRAP:
        if (rs < 0) {
            return (uint32_t)(s + t);
        }
        return (uint32_t)s >= (uint32_t)t ? (uint32_t)(s - t) : (uint32_t)s;
    case X2_VCONJ:
        s = set_lane(s, 1, 16, hex_xt2_sat(-lane(s, 1, 16, true), 16, ovf));
        return set_lane(s, 3, 16, hex_xt2_sat(-lane(s, 3, 16, true), 16, ovf));
    default:
        return UINT64_MAX;
    }
}

/* Count leading bits equal to the sign, as clb(): max(cl0, cl1). */
static int clb64(uint64_t v)
{
    return MAX(clz64(v), clo64(v));
}

/* extract/extractu with Rtt: width Rtt.w[1][5:0], offset sxt7(Rtt.w[0]). */
static uint64_t extract_rp(uint64_t v, uint64_t tt, bool sign, int size)
{
    int w = tt >> 32 & 63, off = shamt7(tt);
    uint64_t r;

    if (w == 0) {
        return 0;
    }
    r = (uint64_t)bidir_shl((int64_t)v, -off, false);
    r = sign ? (uint64_t)sextract64(r, 0, w) : extract64(r, 0, w);
    return size == 32 ? (uint32_t)r : r;
}

/* insert the low @w bits of @s at @off into @x (64-bit arithmetic). */
static uint64_t insert64(uint64_t x, uint64_t s, int w, int off)
{
    uint64_t mask = w >= 64 ? ~0ull : (1ull << w) - 1;

    if (off < 0) {
        return 0;
    }
    if (off > 63) {
        return x;
    }
    return (x & ~(mask << off)) | ((s & mask) << off);
}

static uint64_t interleave(uint64_t s, bool inverse)
{
    uint64_t r = 0;

    for (int i = 0; i < 32; i++) {
        if (inverse) {  /* deinterleave: even bits low, odd bits high */
            r |= (s >> (2 * i) & 1) << i | (s >> (2 * i + 1) & 1) << (32 + i);
        } else {
            r |= (s >> i & 1) << (2 * i) | (s >> (32 + i) & 1) << (2 * i + 1);
        }
    }
    return r;
}

static uint64_t alu_bit(uint32_t op, int32_t imm, uint64_t s, uint64_t t,
                        uint64_t x, bool *ovf)
{
    uint32_t rs = (uint32_t)s, bit;

    switch (op & 0xff) {
    case X2_NORMAMT:
        return rs ? clb64((uint64_t)(int64_t)(int32_t)rs) - 33 : 0;
    case X2_NORMAMT_P:
        return s ? clb64(s) - 1 : 0;
    case X2_ADD_CLB:
        return (uint32_t)(clb64((uint64_t)(int64_t)(int32_t)rs) - 32 + imm);
    case X2_ADD_CLB_P:
        return (uint32_t)(clb64(s) + imm);
    case X2_CT0_P:
        return ctz64(s);
    case X2_CT1_P:
        return ctz64(~s);
    case X2_EXTRACTU_RP:
        return extract_rp(rs, t, false, 32);
    case X2_EXTRACT_RP:
        return extract_rp(rs, t, true, 32);
    case X2_EXTRACTU_PP:
        return extract_rp(s, t, false, 64);
    case X2_EXTRACT_PP:
        return extract_rp(s, t, true, 64);
    case X2_INSERT_RP:
        return (uint32_t)insert64((uint32_t)x, rs, t >> 32 & 63, shamt7(t));
    case X2_INSERT_PI:
        return insert64(x, s, (int)t, imm);
    case X2_INSERT_PP:
        return insert64(x, s, t >> 32 & 63, shamt7(t));
    case X2_DEINTERLEAVE:
        return interleave(s, true);
    case X2_INTERLEAVE:
        return interleave(s, false);
    case X2_LFS:
        return s >> 1 | (uint64_t)(ctpop64(s & t) & 1) << 63;
    case X2_PARITY:
        return ctpop32(rs & (uint32_t)t) & 1;
    case X2_PARITY_P:
        return ctpop64(s & t) & 1;
    case X2_SETBIT_R:
    case X2_CLRBIT_R:
    case X2_TOGGLEBIT_R:
    case X2_TSTBIT_R:
    case X2_NTSTBIT_R:
        bit = (uint32_t)bidir_shl(1, shamt7(t), false);
        switch (op & 0xff) {
        case X2_SETBIT_R:
            return rs | bit;
        case X2_CLRBIT_R:
            return rs & ~bit;
        case X2_TOGGLEBIT_R:
            return rs ^ bit;
        case X2_TSTBIT_R:
            return rs & bit ? 0xff : 0;
        default:
            return rs & bit ? 0 : 0xff;
        }
    case X2_BREV:
        return revbit32(rs);
    case X2_BREV_P:
        return revbit64(s);
    case X2_BITSPLIT_I:
    case X2_BITSPLIT_R:
        bit = (op & 0xff) == X2_BITSPLIT_I ? imm : t & 31;
        return (uint64_t)(rs >> bit) << 32 |
               (bit ? rs & (0xffffffffu >> (32 - bit)) : 0);
    default:
        return UINT64_MAX;
    }
}

/* asl with saturation by @n (0..63) of a 32-bit value. */
static uint32_t asl_sat(int32_t v, int n, bool *ovf)
{
    if (v == 0) {
        return 0;
    }
    if (n >= 32) {
        *ovf = true;
        return v < 0 ? INT32_MIN : INT32_MAX;
    }
    return (uint32_t)hex_xt2_sat((int64_t)v * (INT64_C(1) << n), 32, ovf);
}

/* Each lane of @bits shifted by @n (signed: negative = other way). */
static uint64_t vshift(uint64_t s, int bits, int n, bool arith_right,
                       bool left)
{
    uint64_t r = 0;

    for (int i = 0; i < 64 / bits; i++) {
        int64_t v = lane(s, i, bits, arith_right);

        v = bidir_shl(v, left ? n : -n, arith_right);
        r = set_lane(r, i, bits, v);
    }
    return r;
}

static uint64_t alu_shift(uint32_t op, int32_t imm, uint64_t s, uint64_t t,
                          bool *ovf)
{
    int32_t rs = (int32_t)s;
    int n = shamt7(t);
    uint64_t r = 0;
    int64_t v;

    switch (op & 0xff) {
    case X2_ASL_RI_SAT:
        return asl_sat(rs, imm, ovf);
    case X2_ASR_RI_RND:
        return (uint32_t)((((int64_t)rs >> imm) + 1) >> 1);
    case X2_ASR_PI_RND:
        v = (int64_t)s >> imm;
        return (uint64_t)((v >> 1) + (v & 1));
    case X2_ASL_RR_SAT:
        return n >= 0 ? asl_sat(rs, n, ovf) : (uint32_t)bidir_shl(rs, n, true);
    case X2_ASR_RR_SAT:
        return n <= 0 ? asl_sat(rs, -n, ovf)
                      : (uint32_t)bidir_shl(rs, -n, true);
    case X2_VASLH_I:
        return vshift(s, 16, imm, false, true);
    case X2_VASRH_I:
        return vshift(s, 16, imm, true, false);
    case X2_VLSRH_I:
        return vshift(s, 16, imm, false, false);
    case X2_VASLW_I:
        return vshift(s, 32, imm, false, true);
    case X2_VASRW_I:
        return vshift(s, 32, imm, true, false);
    case X2_VLSRW_I:
        return vshift(s, 32, imm, false, false);
    case X2_VASLH_R:
    case X2_VLSLH_R:
        return vshift(s, 16, n, false, true);
    case X2_VASRH_R:
        return vshift(s, 16, n, true, false);
    case X2_VLSRH_R:
        return vshift(s, 16, n, false, false);
    case X2_VASLW_R:
    case X2_VLSLW_R:
        return vshift(s, 32, n, false, true);
    case X2_VASRW_R:
        return vshift(s, 32, n, true, false);
    case X2_VLSRW_R:
        return vshift(s, 32, n, false, false);
    case X2_VASRH_RAW:
        for (int i = 0; i < 4; i++) {
            r = set_lane(r, i, 16, ((lane(s, i, 16, true) >> imm) + 1) >> 1);
        }
        return r;
    case X2_VASRW_RI32:
    case X2_VASRW_RR32:
        for (int i = 0; i < 2; i++) {
            v = (op & 0xff) == X2_VASRW_RI32 ? lane(s, i, 32, true) >> imm
                : bidir_shl(lane(s, i, 32, true), -n, true);
            r = set_lane(r, i, 16, v);
        }
        return r;
    case X2_VASRHUB_SAT:
    case X2_VASRHUB_RAW:
        for (int i = 0; i < 4; i++) {
            v = lane(s, i, 16, true) >> imm;
            if ((op & 0xff) == X2_VASRHUB_RAW) {
                v = (v + 1) >> 1;
            }
            r = set_lane(r, i, 8, hex_xt2_satu(v, 8, ovf));
        }
        return r;
    default:
        return UINT64_MAX;
    }
}

uint64_t hex_xt2_alu(uint32_t op, int32_t imm, uint64_t s, uint64_t t,
                     uint64_t x, bool *ovf)
{
    unsigned o = op & 0xff;

    if (o <= X2_VRADDUH) {
        return alu_arith(op, imm, s, t, x, ovf);
    }
    if (o <= X2_VCONJ) {
        return alu_round(op, imm, s, t, ovf);
    }
    if (o <= X2_BITSPLIT_R) {
        return alu_bit(op, imm, s, t, x, ovf);
    }
    return alu_shift(op, imm, s, t, ovf);
}

uint64_t hex_xt2_eval(uint32_t op, int32_t imm, uint64_t s, uint64_t t,
                      uint64_t x, bool *ovf)
{
    if ((op & 0xff) >= X2_FIRST_MPY) {
        return hex_xt2_mpy(op, imm, s, t, x, ovf);
    }
    return hex_xt2_alu(op, imm, s, t, x, ovf);
}
