/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Semantics of the hex-perm3.isa operations (perm3.h): pure functions of
 * the operands, one case per instruction family, written from the
 * Hexagon V68 PRM pseudocode ("XTYPE/PERM", "XTYPE/ALU", "XTYPE/BIT",
 * "XTYPE/PRED").  Lane i of a value is bits [w*i+w-1 : w*i] (byte,
 * halfword or word lanes, w = 8, 16, 32).  Saturation reports through
 * bit 0 of *side (USR.OVF, sticky: never cleared here).
 */
#include "perm3.h"

/* Lane @i of width @w bits, zero- or sign-extended. */
static uint64_t lane_u(uint64_t v, int w, int i)
{
    return w == 64 ? v : v >> (w * i) & ((1ull << w) - 1);
}

static int64_t lane_s(uint64_t v, int w, int i)
{
    int sh = 64 - w;

    return (int64_t)(lane_u(v, w, i) << sh) >> sh;
}

/* @v with lane @i of width @w replaced by the low bits of @e. */
static uint64_t set_lane(uint64_t v, int w, int i, uint64_t e)
{
    uint64_t m = ((1ull << w) - 1) << (w * i);

    return (v & ~m) | (e << (w * i) & m);
}

/* Signed saturation to @bits, unsigned saturation to 8 bits. */
static int64_t sat_s(int64_t v, int bits, uint32_t *side)
{
    int64_t hi = (1ll << (bits - 1)) - 1, lo = -hi - 1;

    if (v > hi || v < lo) {
        *side |= 1;
        return v > hi ? hi : lo;
    }
    return v;
}

static int64_t sat_u8(int64_t v, uint32_t *side)
{
    if (v < 0 || v > 0xff) {
        *side |= 1;
        return v < 0 ? 0 : 0xff;
    }
    return v;
}

/* vtrune/vtruno: the even (@odd 0) or odd lanes of width @w of Rtt, then
   of Rss, packed into lanes of width @w. */
static uint64_t vtrun(uint64_t s, uint64_t t, int w, int odd)
{
    int n = 32 / w, i;          /* lanes taken from each source */
    uint64_t d = 0;

    for (i = 0; i < n; i++) {
        d = set_lane(d, w, i, lane_u(t, w, 2 * i + odd));
        d = set_lane(d, w, n + i, lane_u(s, w, 2 * i + odd));
    }
    return d;
}

/*
 * Cross add/sub on lanes of width @w: lane 2k = s[2k] +- t[2k+1], lane
 * 2k+1 = s[2k+1] -+ t[2k] (@sub_first picks "-" for the even lane); with
 * @rnd, (sum + 1) >> 1 before saturating.
 */
static uint64_t vxaddsub(uint64_t s, uint64_t t, int w, bool sub_first,
                         bool rnd, uint32_t *side)
{
    uint64_t d = 0;
    int i;

    for (i = 0; i < 64 / w; i++) {
        int64_t a = lane_s(s, w, i), b = lane_s(t, w, i ^ 1), r;
        bool sub = (i & 1) ^ sub_first;

        r = sub ? a - b : a + b;
        if (rnd) {
            r = (r + 1) >> 1;
        }
        d = set_lane(d, w, i, sat_s(r, w, side));
    }
    return d;
}

/*
 * Reduce max/min with index: Rxx.w[0] holds the running extreme (lane
 * width @w of it, signed or not), Rxx.w[1] its address; a lane i of Rss
 * that beats it strictly replaces both, the address becoming Ru | i << k
 * (k = 1 for halfwords, 2 for words).
 */
static uint64_t vrminmax(uint64_t s, uint32_t ru, uint64_t x, int w,
                         bool uns, bool min)
{
    int64_t best = uns ? (int64_t)lane_u(x, w, 0) : lane_s(x, w, 0);
    uint32_t addr = x >> 32;
    int i;

    for (i = 0; i < 64 / w; i++) {
        int64_t v = uns ? (int64_t)lane_u(s, w, i) : lane_s(s, w, i);

        if (min ? v < best : v > best) {
            best = v;
            addr = ru | i << (w == 16 ? 1 : 2);
        }
    }
    return (uint64_t)addr << 32 | (uint32_t)best;
}

/* Conditional negate of the halfwords of Rss by bits 3:0 of Rt. */
static uint64_t vcnegh(uint64_t s, uint32_t rt, uint32_t *side)
{
    uint64_t d = 0;
    int i;

    for (i = 0; i < 4; i++) {
        int64_t h = lane_s(s, 16, i);

        d = set_lane(d, 16, i, rt >> i & 1 ? sat_s(-h, 16, side) : h);
    }
    return d;
}

static uint64_t vrcnegh(uint64_t s, uint32_t rt, uint64_t x)
{
    int i;

    for (i = 0; i < 4; i++) {
        int64_t h = lane_s(s, 16, i);

        x += rt >> i & 1 ? -h : h;
    }
    return x;
}

/*
 * tlbmatch: Rss is a TLB entry (w[1] the high word with the valid bit
 * 31, ASID and VPN in bits 26:0; w[0] the low word with the page size in
 * its low bits as a one-hot count of trailing zeros, 4K..16M); it
 * matches Rt when valid and the ASID/VPN bits above the page size agree.
 */
static uint64_t tlbmatch(uint64_t s, uint32_t rt)
{
    uint32_t lo = s, hi = s >> 32, mask = 0x07ffffff;
    int size = lo ? __builtin_ctz(lo) : 32;

    if (size > 6) {
        size = 6;
    }
    mask &= 0xffffffffu << (2 * size);
    return (hi >> 31) && (hi & mask) == (rt & mask) ? 0xff : 0;
}

/*
 * tableidx[bhwd](Rs,#u4,#S6):raw: the #u4-bit field of Rs at offset
 * #S6 + sz (a negative offset shifts Rs left, filling with zeros),
 * inserted into Rx at bit sz (sz = log2 of the element size).
 */
static uint64_t tableidx(uint32_t rs, uint32_t width, int32_t off, int sz,
                         uint32_t rx)
{
    uint64_t field, m;

    off += sz;
    field = off >= 0 ? (uint64_t)rs >> off : (uint64_t)rs << -off;
    m = ((1ull << width) - 1) << sz;
    return (rx & ~m) | (field << sz & m);
}

static uint64_t vmux(uint32_t pu, uint64_t s, uint64_t t)
{
    uint64_t d = 0;
    int i;

    for (i = 0; i < 8; i++) {
        d = set_lane(d, 8, i, lane_u(pu >> i & 1 ? s : t, 8, i));
    }
    return d;
}

/* Rdd,Pe = vminub(Rtt,Rss): Pe bit i set when Rtt's byte i is larger. */
static uint64_t vminub_p(uint64_t s, uint64_t t, uint32_t *side)
{
    uint64_t d = 0;
    int i;

    for (i = 0; i < 8; i++) {
        uint64_t a = lane_u(t, 8, i), b = lane_u(s, 8, i);

        d = set_lane(d, 8, i, a < b ? a : b);
        if (a > b) {
            *side |= 1u << (8 + i);
        }
    }
    return d;
}

/*
 * Rxx,Pe = vacsh(Rss,Rtt): add-compare-select on halfwords: a = Rxx.h[i]
 * + Rtt.h[i], b = Rss.h[i] - Rtt.h[i]; Rxx.h[i] = sat16(max(a, b)), Pe
 * bits 2i and 2i+1 set when a > b.
 */
static uint64_t vacsh(uint64_t s, uint64_t t, uint64_t x, uint32_t *side)
{
    uint64_t d = 0;
    int i;

    for (i = 0; i < 4; i++) {
        int64_t a = lane_s(x, 16, i) + lane_s(t, 16, i);
        int64_t b = lane_s(s, 16, i) - lane_s(t, 16, i);

        d = set_lane(d, 16, i, sat_s(a > b ? a : b, 16, side));
        if (a > b) {
            *side |= 3u << (8 + 2 * i);
        }
    }
    return d;
}

static uint64_t eval_perm(uint32_t op, int32_t aux, uint64_t s, uint64_t t,
                          uint32_t *side)
{
    unsigned n = aux & 7;
    uint64_t d = 0;
    int i;

    switch (op) {
    case P3_VTRUNEWH:
        return vtrun(s, t, 16, 0);
    case P3_VTRUNOWH:
        return vtrun(s, t, 16, 1);
    case P3_VTRUNEHB_PP:
        return vtrun(s, t, 8, 0);
    case P3_VTRUNOHB_PP:
        return vtrun(s, t, 8, 1);
    case P3_VALIGNB_P:          /* (Rss >> 8n) | (Rtt << 8(8 - n)) */
        return n ? s >> 8 * n | t << (64 - 8 * n) : s;
    case P3_VSPLICEB_P:         /* (Rtt << 8n) | low n bytes of Rss */
        return n ? t << 8 * n | (s & ((1ull << 8 * n) - 1)) : t;
    case P3_VADDHUB:
        for (i = 0; i < 4; i++) {
            d = set_lane(d, 8, i, sat_u8(lane_s(s, 16, i) + lane_s(t, 16, i),
                                         side));
        }
        return d;
    case P3_VMUX:
        return vmux(aux, s, t);
    case P3_VMINUB_P:
        return vminub_p(s, t, side);
    default:
        g_assert_not_reached();
    }
}

uint64_t hex_perm3_eval(uint32_t op, int32_t aux, uint64_t s, uint64_t t,
                        uint64_t x, uint32_t *side)
{
    uint32_t lo = s, hi = s >> 32;
    int i;

    switch (op) {
    case P3_VXADDSUBW:
        return vxaddsub(s, t, 32, false, false, side);
    case P3_VXSUBADDW:
        return vxaddsub(s, t, 32, true, false, side);
    case P3_VXADDSUBH:
        return vxaddsub(s, t, 16, false, false, side);
    case P3_VXSUBADDH:
        return vxaddsub(s, t, 16, true, false, side);
    case P3_VXADDSUBH_RND:
        return vxaddsub(s, t, 16, false, true, side);
    case P3_VXSUBADDH_RND:
        return vxaddsub(s, t, 16, true, true, side);
    case P3_VRMAXH:
    case P3_VRMAXUH:
    case P3_VRMAXW:
    case P3_VRMAXUW:
    case P3_VRMINH:
    case P3_VRMINUH:
    case P3_VRMINW:
    case P3_VRMINUW:
        i = op - P3_VRMAXH;     /* bit 0 unsigned, bit 1 word, bit 2 min */
        return vrminmax(s, t, x, i & 2 ? 32 : 16, i & 1, i & 4);
    case P3_VCNEGH:
        return vcnegh(s, t, side);
    case P3_VRCNEGH_ACC:
        return vrcnegh(s, t, x);
    case P3_BOUNDSCHECK_LO:
    case P3_BOUNDSCHECK_HI: {
        uint32_t src = op == P3_BOUNDSCHECK_HI ? hi : lo;

        return src >= (uint32_t)t && src < (uint32_t)(t >> 32) ? 0xff : 0;
    }
    case P3_TLBMATCH:
        return tlbmatch(s, t);
    case P3_NANY8_VCMPB_EQ:
        for (i = 0; i < 8; i++) {
            if (lane_u(s, 8, i) == lane_u(t, 8, i)) {
                return 0;
            }
        }
        return 0xff;
    case P3_VACSH:
        return vacsh(s, t, x, side);
    case P3_TABLEIDXB:
    case P3_TABLEIDXH:
    case P3_TABLEIDXW:
    case P3_TABLEIDXD:
        return tableidx(lo, t, aux, op - P3_TABLEIDXB, x);
    default:
        return eval_perm(op, aux, s, t, side);
    }
}
