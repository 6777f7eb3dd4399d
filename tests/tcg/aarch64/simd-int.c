/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * simd-int: Advanced SIMD integer operations and moves.  ADD, SUB, MUL,
 * the logical ops (AND, ORR, EOR, BIC, ORN, BSL, BIT, BIF), compares
 * (CMEQ, CMGT, CMGE, CMHI, CMHS, CMTST, against zero), shifts by
 * immediate (SHL, USHR, SSHR, USRA, SSHLL, SHRN), pairwise ADDP and
 * SMAXP, the reductions (ADDV, UMAXV, SMINV, UADDLV, SADDLV), NEG, ABS,
 * NOT, CNT, SQADD/UQADD with FPSR.QC, scalar D forms; DUP, INS, UMOV,
 * SMOV, MOVI/MVNI/ORR/BIC/FMOV (vector immediate), EXT, ZIP/UZP/TRN and
 * TBL/TBX.
 *
 * Expected values of the element-wise arithmetic come from reference C
 * code in this file (plain integer code, compiled optnone so the
 * compiler cannot turn it into the SIMD instructions under test) that
 * implements the Arm ARM pseudocode of each instruction (DDI 0487,
 * C7.2); the moves, permutes, immediates and reductions are derived by
 * hand in the comments.  Inputs: A, B below; a vector is two 64-bit
 * halves {bits 63:0, bits 127:64}, element i of 2^sz bytes at bits
 * [i*8<<sz ...].
 */
#include "testlib.h"

typedef struct V {
    uint64_t d[2];
} V;

static const V A = { { 0x8070605040302010ull, 0xf0e0d0c0b0a09080ull } };
static const V B = { { 0x0102030405060708ull, 0x7f01ff0080fe02fdull } };

/* Run "insn" with V1 = a, V2 = b, V0 = d before; return V0 after. */
#define T3(fn, insn)                                                      \
static V fn(V a, V b, V d)                                                \
{                                                                         \
    V r;                                                                  \
    __asm__ volatile("ldr q0, [%1]\n\tldr q1, [%2]\n\tldr q2, [%3]\n\t"   \
                     insn "\n\tstr q0, [%0]"                              \
                     :: "r"(&r), "r"(&d), "r"(&a), "r"(&b)                \
                     : "v0", "v1", "v2", "memory");                       \
    return r;                                                             \
}

static void check_v(V got, uint64_t lo, uint64_t hi, const char *name)
{
    tl_check_eq(got.d[0], lo, name);
    tl_check_eq(got.d[1], hi, name);
}

static void check_vv(V got, V want, const char *name)
{
    check_v(got, want.d[0], want.d[1], name);
}

/* --- reference element access and operations (integer C only) ------- */

#define REF __attribute__((optnone, noinline))

static REF uint64_t el(V v, unsigned i, unsigned sz)
{
    unsigned bits = 8u << sz, bit = i * bits;
    uint64_t w = v.d[bit / 64] >> (bit % 64);

    return bits == 64 ? w : w & ((1ull << bits) - 1);
}

static REF int64_t sel(V v, unsigned i, unsigned sz)
{
    unsigned bits = 8u << sz;
    uint64_t x = el(v, i, sz);

    if (bits < 64 && (x >> (bits - 1))) {
        x |= ~0ull << bits;
    }
    return (int64_t)x;
}

static REF void set_el(V *v, unsigned i, unsigned sz, uint64_t x)
{
    unsigned bits = 8u << sz, bit = i * bits;
    uint64_t m = bits == 64 ? ~0ull : (1ull << bits) - 1;

    v->d[bit / 64] &= ~(m << (bit % 64));
    v->d[bit / 64] |= (x & m) << (bit % 64);
}

enum { R_ADD, R_SUB, R_MUL, R_CMEQ, R_CMGT, R_CMGE, R_CMHI, R_CMHS,
       R_CMTST, R_SQADD, R_UQADD, R_SMAX, R_UMIN };

/* The element-wise three-same ops on @n elements of 2^@sz bytes. */
static REF V ref3(int op, unsigned sz, unsigned n, V a, V b)
{
    V r = { { 0, 0 } };
    unsigned bits = 8u << sz;
    int64_t smax = (int64_t)((1ull << (bits - 1)) - 1), smin = -smax - 1;
    uint64_t ones = bits == 64 ? ~0ull : (1ull << bits) - 1;

    for (unsigned i = 0; i < n; i++) {
        uint64_t x = el(a, i, sz), y = el(b, i, sz), v = 0;
        int64_t sx = sel(a, i, sz), sy = sel(b, i, sz), s;

        switch (op) {
        case R_ADD: v = x + y; break;
        case R_SUB: v = x - y; break;
        case R_MUL: v = x * y; break;
        case R_CMEQ: v = x == y ? ones : 0; break;
        case R_CMGT: v = sx > sy ? ones : 0; break;
        case R_CMGE: v = sx >= sy ? ones : 0; break;
        case R_CMHI: v = x > y ? ones : 0; break;
        case R_CMHS: v = x >= y ? ones : 0; break;
        case R_CMTST: v = (x & y) ? ones : 0; break;
        case R_SQADD:
            s = sx + sy;
            v = (uint64_t)(s > smax ? smax : s < smin ? smin : s);
            break;
        case R_UQADD: v = x + y > ones ? ones : x + y; break;
        case R_SMAX: v = (uint64_t)(sx > sy ? sx : sy); break;
        case R_UMIN: v = x < y ? x : y; break;
        }
        set_el(&r, i, sz, v);
    }
    return r;
}

/* --- three same ------------------------------------------------------ */

T3(add_16b, "add v0.16b, v1.16b, v2.16b")
T3(sub_4s, "sub v0.4s, v1.4s, v2.4s")
T3(mul_8h, "mul v0.8h, v1.8h, v2.8h")
T3(add_2d, "add v0.2d, v1.2d, v2.2d")
T3(add_8b, "add v0.8b, v1.8b, v2.8b")
T3(cmeq_8h, "cmeq v0.8h, v1.8h, v2.8h")
T3(cmgt_16b, "cmgt v0.16b, v1.16b, v2.16b")
T3(cmge_4s, "cmge v0.4s, v1.4s, v2.4s")
T3(cmhi_16b, "cmhi v0.16b, v1.16b, v2.16b")
T3(cmhs_8h, "cmhs v0.8h, v1.8h, v2.8h")
T3(cmtst_16b, "cmtst v0.16b, v1.16b, v2.16b")
T3(sqadd_16b, "sqadd v0.16b, v1.16b, v2.16b")
T3(uqadd_8h, "uqadd v0.8h, v1.8h, v2.8h")
T3(smax_4s, "smax v0.4s, v1.4s, v2.4s")
T3(umin_16b, "umin v0.16b, v1.16b, v2.16b")
T3(and_v, "and v0.16b, v1.16b, v2.16b")
T3(orr_v, "orr v0.16b, v1.16b, v2.16b")
T3(eor_v, "eor v0.16b, v1.16b, v2.16b")
T3(bic_v, "bic v0.16b, v1.16b, v2.16b")
T3(orn_v, "orn v0.16b, v1.16b, v2.16b")
T3(bsl_v, "bsl v0.16b, v1.16b, v2.16b")
T3(bit_v, "bit v0.16b, v1.16b, v2.16b")
T3(bif_v, "bif v0.16b, v1.16b, v2.16b")
T3(addp_4s, "addp v0.4s, v1.4s, v2.4s")
T3(smaxp_8b, "smaxp v0.8b, v1.8b, v2.8b")
T3(add_d, "add d0, d1, d2")
T3(cmgt_d, "cmgt d0, d1, d2")

static void test_three_same(void)
{
    const V z = { { 0, 0 } };
    /* only the bits of each half: the masks come from C logic ops */
    const V ones = { { ~0ull, ~0ull } };
    V d = { { 0x00ff00ff00ff00ffull, 0xffff0000ffff0000ull } };

    check_vv(add_16b(A, B, z), ref3(R_ADD, 0, 16, A, B), "add .16b");
    check_vv(sub_4s(A, B, z), ref3(R_SUB, 2, 4, A, B), "sub .4s");
    check_vv(mul_8h(A, B, z), ref3(R_MUL, 1, 8, A, B), "mul .8h");
    check_vv(add_2d(A, B, z), ref3(R_ADD, 3, 2, A, B), "add .2d");
    check_v(add_8b(A, B, ones), ref3(R_ADD, 0, 8, A, B).d[0], 0,
            "add .8b clears the high half");
    check_vv(cmeq_8h(A, A, z), ones, "cmeq .8h equal");
    check_vv(cmeq_8h(A, B, z), ref3(R_CMEQ, 1, 8, A, B), "cmeq .8h");
    check_vv(cmgt_16b(A, B, z), ref3(R_CMGT, 0, 16, A, B), "cmgt .16b");
    check_vv(cmge_4s(A, B, z), ref3(R_CMGE, 2, 4, A, B), "cmge .4s");
    check_vv(cmhi_16b(A, B, z), ref3(R_CMHI, 0, 16, A, B), "cmhi .16b");
    check_vv(cmhs_8h(B, A, z), ref3(R_CMHS, 1, 8, B, A), "cmhs .8h");
    check_vv(cmtst_16b(A, B, z), ref3(R_CMTST, 0, 16, A, B), "cmtst");
    check_vv(smax_4s(A, B, z), ref3(R_SMAX, 2, 4, A, B), "smax .4s");
    check_vv(umin_16b(A, B, z), ref3(R_UMIN, 0, 16, A, B), "umin .16b");
    tl_write_sysreg(fpsr, 0);
    check_vv(uqadd_8h(A, z, z), A, "uqadd .8h + 0");
    tl_check_eq(tl_read_sysreg(fpsr), 0, "uqadd without saturation");
    /* halves 0x80fe and 0xff00 of B doubled saturate to 0xffff */
    check_vv(uqadd_8h(B, B, z), ref3(R_UQADD, 1, 8, B, B), "uqadd .8h");
    tl_check_eq(tl_read_sysreg(fpsr), 1u << 27, "uqadd sets QC");
    tl_write_sysreg(fpsr, 0);
    check_vv(sqadd_16b(A, B, z), ref3(R_SQADD, 0, 16, A, B), "sqadd .16b");
    /* 0x80 + 0xfd = -128 + -3 saturates: QC = FPSR bit 27 */
    tl_check_eq(tl_read_sysreg(fpsr), 1u << 27, "sqadd sets QC");
    tl_write_sysreg(fpsr, 0);
    check_v(and_v(A, B, z), A.d[0] & B.d[0], A.d[1] & B.d[1], "and");
    check_v(orr_v(A, B, z), A.d[0] | B.d[0], A.d[1] | B.d[1], "orr");
    check_v(eor_v(A, B, z), A.d[0] ^ B.d[0], A.d[1] ^ B.d[1], "eor");
    check_v(bic_v(A, B, z), A.d[0] & ~B.d[0], A.d[1] & ~B.d[1], "bic");
    check_v(orn_v(A, B, z), A.d[0] | ~B.d[0], A.d[1] | ~B.d[1], "orn");
    /* BSL: d ? a : b bitwise; BIT: b ? a : d; BIF: b ? d : a */
    check_v(bsl_v(A, B, d), (A.d[0] & d.d[0]) | (B.d[0] & ~d.d[0]),
            (A.d[1] & d.d[1]) | (B.d[1] & ~d.d[1]), "bsl");
    check_v(bit_v(A, B, d), (A.d[0] & B.d[0]) | (d.d[0] & ~B.d[0]),
            (A.d[1] & B.d[1]) | (d.d[1] & ~B.d[1]), "bit");
    check_v(bif_v(A, B, d), (d.d[0] & B.d[0]) | (A.d[0] & ~B.d[0]),
            (d.d[1] & B.d[1]) | (A.d[1] & ~B.d[1]), "bif");
    /* ADDP .4s: words of A: 0x40302010, 0x80706050, 0xb0a09080,
       0xf0e0d0c0; pairs: 0xc0a08060, 0x1a1816140 -> 0xa1816140; of B:
       0x05060708 + 0x01020304 = 0x06080a0c, 0x80fe02fd + 0x7f01ff00 =
       0x1000001fd -> 0x000001fd */
    check_v(addp_4s(A, B, z), 0xa1816140c0a08060ull, 0x000001fd06080a0cull,
            "addp .4s");
    /* SMAXP .8b: A bytes 10 20 30 40 50 60 70 80(-128) -> 20 40 60 70;
       B bytes 08 07 06 05 04 03 02 01 -> 08 06 04 02 */
    check_v(smaxp_8b(A, B, z), 0x0204060870604020ull, 0, "smaxp .8b");
    check_v(add_d(A, B, ones), A.d[0] + B.d[0], 0, "add d (scalar)");
    /* signed: A.d[0] = 0x8070.. is negative, B.d[0] positive */
    check_v(cmgt_d(B, A, ones), ~0ull, 0, "cmgt d (scalar)");
}

/* --- shifts, misc, reductions ---------------------------------------- */

T3(shl_8h, "shl v0.8h, v1.8h, #3")
T3(ushr_4s, "ushr v0.4s, v1.4s, #4")
T3(sshr_4s, "sshr v0.4s, v1.4s, #4")
T3(usra_2d, "usra v0.2d, v1.2d, #60")
T3(sshll_8h, "sshll v0.8h, v1.8b, #1")
T3(ushll2_4s, "ushll2 v0.4s, v1.8h, #0")
T3(shrn_8b, "shrn v0.8b, v1.8h, #4")
T3(ushr_d, "ushr d0, d1, #8")
T3(neg_4s, "neg v0.4s, v1.4s")
T3(abs_16b, "abs v0.16b, v1.16b")
T3(not_v, "not v0.16b, v1.16b")
T3(cnt_16b, "cnt v0.16b, v1.16b")
T3(cmeq0_16b, "cmeq v0.16b, v1.16b, #0")
T3(cmlt0_8h, "cmlt v0.8h, v1.8h, #0")
T3(rev64_4s, "rev64 v0.4s, v1.4s")
T3(xtn_8b, "xtn v0.8b, v1.8h")
T3(addv_8h, "addv h0, v1.8h")
T3(umaxv_16b, "umaxv b0, v1.16b")
T3(sminv_4s, "sminv s0, v1.4s")
T3(uaddlv_16b, "uaddlv h0, v1.16b")
T3(saddlv_8b, "saddlv h0, v1.8b")
T3(addp_d, "addp d0, v1.2d")

static void test_shift_misc(void)
{
    const V z = { { 0, 0 } };
    const V ones = { { ~0ull, ~0ull } };
    const V small = { { 0x0000000300000001ull, 0x0000000700000005ull } };

    /* halves of A << 3, low 16 bits: 0x2010->0x0080, 0x4030->0x0180,
       0x6050->0x0280, 0x8070->0x0380; 0x9080->0x8400, 0xb0a0->0x8500,
       0xd0c0->0x8600, 0xf0e0->0x8700 */
    check_v(shl_8h(A, z, z), 0x0380028001800080ull, 0x8700860085008400ull,
            "shl .8h #3");
    /* words >> 4: 0x40302010 -> 0x04030201, 0x80706050 -> 0x08070605 */
    check_v(ushr_4s(A, z, z), 0x0807060504030201ull, 0x0f0e0d0c0b0a0908ull,
            "ushr .4s #4");
    /* arithmetic: 0x80706050 -> 0xf8070605, 0xf0e0d0c0 -> 0xff0e0d0c */
    check_v(sshr_4s(A, z, z), 0xf807060504030201ull, 0xff0e0d0cfb0a0908ull,
            "sshr .4s #4");
    /* usra: d + (a >> 60): 0x8.. >> 60 = 8, 0xf.. >> 60 = 15 */
    check_v(usra_2d(A, z, small), small.d[0] + 8, small.d[1] + 15,
            "usra .2d #60");
    /* sshll: bytes 10 20 30 40 50 60 70 80 sign-extended, << 1:
       0x0020 0x0040 0x0060 0x0080 0x00a0 0x00c0 0x00e0 0xff00 */
    check_v(sshll_8h(A, z, z), 0x0080006000400020ull, 0xff0000e000c000a0ull,
            "sshll .8h #1");
    /* ushll2 #0 (uxtl2): halves 4..7 of A: 0x9080 0xb0a0 0xd0c0 0xf0e0 */
    check_v(ushll2_4s(A, z, z), 0x0000b0a000009080ull, 0x0000f0e00000d0c0ull,
            "ushll2 .4s");
    /* shrn #4 of halves 0x2010 0x4030 0x6050 0x8070 0x9080 ...: low byte
       of h >> 4: 0x01 0x03 0x05 0x07 0x08 0x0a 0x0c 0x0e */
    check_v(shrn_8b(A, z, ones), 0x0e0c0a0807050301ull, 0, "shrn .8b #4");
    check_v(ushr_d(A, z, ones), A.d[0] >> 8, 0, "ushr d #8");
    check_vv(neg_4s(A, z, z), ref3(R_SUB, 2, 4, z, A), "neg .4s");
    /* abs of bytes: 0x80 stays 0x80; 0x90 -> 0x70, 0xa0 -> 0x60, ... */
    check_v(abs_16b(A, z, z), 0x8070605040302010ull, 0x1020304050607080ull,
            "abs .16b");
    check_v(not_v(A, z, z), ~A.d[0], ~A.d[1], "not");
    /* popcounts of B's bytes: 08 07 06 05 04 03 02 01 -> 1 3 2 2 1 2 1 1;
       fd 02 fe 80 00 ff 01 7f -> 7 1 7 1 0 8 1 7 */
    check_v(cnt_16b(B, z, z), 0x0101020102020301ull, 0x0701080001070107ull,
            "cnt .16b");
    /* B's byte 12 (0x00, bits 39:32 of the high half) is the only zero */
    check_v(cmeq0_16b(B, z, z), 0, 0x000000ff00000000ull, "cmeq #0");
    /* halves of A negative: 0x8070 and all of the high half */
    check_v(cmlt0_8h(A, z, z), 0xffff000000000000ull, ~0ull, "cmlt #0");
    check_v(rev64_4s(A, z, z), 0x4030201080706050ull, 0xb0a09080f0e0d0c0ull,
            "rev64 .4s");
    /* xtn: low bytes of the halves of A: 10 30 50 70 80 a0 c0 e0 */
    check_v(xtn_8b(A, z, ones), 0xe0c0a08070503010ull, 0, "xtn .8b");
    /* addv of A's halves: 0x2010+0x4030+0x6050+0x8070 = 0x14100;
       0x9080+0xb0a0+0xd0c0+0xf0e0 = 0x302c0; total 0x443c0 -> 0x43c0 */
    check_v(addv_8h(A, z, ones), 0x43c0, 0, "addv .8h");
    check_v(umaxv_16b(B, z, ones), 0xff, 0, "umaxv .16b");
    /* signed minimum of A's words: 0x80706050 */
    check_v(sminv_4s(A, z, ones), 0x80706050, 0, "sminv .4s");
    /* bytes of A: 0x10+..+0x80 = 0x240, 0x80+..+0xf0 = 0x5c0 -> 0x800 */
    check_v(uaddlv_16b(A, z, ones), 0x800, 0, "uaddlv .16b");
    /* signed bytes 0x10..0x70 = 0x1c0, plus -128 (-0x80): 0x140 */
    check_v(saddlv_8b(A, z, ones), 0x140, 0, "saddlv .8b");
    check_v(addp_d(A, z, ones), A.d[0] + A.d[1], 0, "addp d");
}

/* --- moves ------------------------------------------------------------ */

static void test_moves(void)
{
    V r;
    uint64_t x, y;

    /* DUP element: halfword 5 of A = 0xb0a0 */
    __asm__ volatile("ldr q1, [%1]\n\tdup v0.8h, v1.h[5]\n\tstr q0, [%0]"
                     :: "r"(&r), "r"(&A) : "v0", "v1", "memory");
    check_v(r, 0xb0a0b0a0b0a0b0a0ull, 0xb0a0b0a0b0a0b0a0ull, "dup .8h elem");
    __asm__ volatile("dup v0.2s, %w1\n\tstr q0, [%0]"
                     :: "r"(&r), "r"(0x12345678u) : "v0", "memory");
    check_v(r, 0x1234567812345678ull, 0, "dup .2s general");
    /* INS: word 2 of A replaced by 0xdeadbeef; element: byte 15 <- B.b[0] */
    __asm__ volatile("ldr q0, [%1]\n\tldr q1, [%2]\n\tmov v0.s[2], %w3\n\t"
                     "mov v0.b[15], v1.b[0]\n\tstr q0, [%0]"
                     :: "r"(&r), "r"(&A), "r"(&B), "r"(0xdeadbeefu)
                     : "v0", "v1", "memory");
    check_v(r, A.d[0], 0x08e0d0c0deadbeefull, "ins general + element");
    /* UMOV/SMOV of byte 15 (0xf0) and halfword 1 (0x4030) */
    __asm__ volatile("ldr q1, [%2]\n\tumov %w0, v1.b[15]\n\t"
                     "smov %1, v1.b[15]" : "=r"(x), "=r"(y) : "r"(&A)
                     : "v1");
    tl_check_eq(x, 0xf0, "umov b");
    tl_check_eq(y, 0xfffffffffffffff0ull, "smov x, b");
    __asm__ volatile("ldr q1, [%2]\n\tsmov %w0, v1.h[7]\n\t"
                     "mov %1, v1.d[1]" : "=r"(x), "=r"(y) : "r"(&A) : "v1");
    tl_check_eq(x, 0xfffff0e0ull, "smov w, h: zero-extended W");
    tl_check_eq(y, A.d[1], "umov d");
    /* scalar DUP: mov s0, v1.s[3] clears the rest */
    __asm__ volatile("ldr q1, [%1]\n\tmov s0, v1.s[3]\n\tstr q0, [%0]"
                     :: "r"(&r), "r"(&A) : "v0", "v1", "memory");
    check_v(r, 0xf0e0d0c0, 0, "dup scalar");
}

static void test_immediates(void)
{
    V r;

    __asm__ volatile("movi v0.16b, #0xab\n\tstr q0, [%0]" :: "r"(&r)
                     : "v0", "memory");
    check_v(r, 0xababababababababull, 0xababababababababull, "movi .16b");
    __asm__ volatile("movi v0.4s, #0x12, lsl #16\n\tstr q0, [%0]" :: "r"(&r)
                     : "v0", "memory");
    check_v(r, 0x0012000000120000ull, 0x0012000000120000ull, "movi lsl 16");
    /* MSL: imm8 << 8 | 0xff */
    __asm__ volatile("movi v0.2s, #0x34, msl #8\n\tstr q0, [%0]" :: "r"(&r)
                     : "v0", "memory");
    check_v(r, 0x000034ff000034ffull, 0, "movi msl");
    /* 64-bit byte mask: bit i of imm8 0xa5 -> byte i */
    __asm__ volatile("movi v0.2d, #0xff00ff0000ff00ff\n\tstr q0, [%0]"
                     :: "r"(&r) : "v0", "memory");
    check_v(r, 0xff00ff0000ff00ffull, 0xff00ff0000ff00ffull, "movi .2d");
    __asm__ volatile("mvni v0.8h, #0x0f, lsl #8\n\tstr q0, [%0]" :: "r"(&r)
                     : "v0", "memory");
    check_v(r, 0xf0fff0fff0fff0ffull, 0xf0fff0fff0fff0ffull, "mvni .8h");
    __asm__ volatile("ldr q0, [%1]\n\torr v0.4s, #0x0f\n\t"
                     "bic v0.8h, #0x80, lsl #8\n\tstr q0, [%0]"
                     :: "r"(&r), "r"(&A) : "v0", "memory");
    /* orr words | 0x0f, then clear bit 15 of every halfword:
       0xb0a0908f -> 0x30a0108f, 0xf0e0d0cf -> 0x70e050cf */
    check_v(r, 0x0070605f4030201full, 0x70e050cf30a0108full, "orr/bic imm");
    /* FMOV .4s #1.0 (0x3f800000), .2d #-2.0 (0xc000000000000000) */
    __asm__ volatile("fmov v0.4s, #1.0\n\tstr q0, [%0]" :: "r"(&r)
                     : "v0", "memory");
    check_v(r, 0x3f8000003f800000ull, 0x3f8000003f800000ull, "fmov .4s");
    __asm__ volatile("fmov v0.2d, #-2.0\n\tstr q0, [%0]" :: "r"(&r)
                     : "v0", "memory");
    check_v(r, 0xc000000000000000ull, 0xc000000000000000ull, "fmov .2d");
}

/* --- permutes ------------------------------------------------------------ */

T3(ext_16b, "ext v0.16b, v1.16b, v2.16b, #3")
T3(zip1_8h, "zip1 v0.8h, v1.8h, v2.8h")
T3(zip2_4s, "zip2 v0.4s, v1.4s, v2.4s")
T3(uzp1_16b, "uzp1 v0.16b, v1.16b, v2.16b")
T3(uzp2_8b, "uzp2 v0.8b, v1.8b, v2.8b")
T3(trn1_8h, "trn1 v0.8h, v1.8h, v2.8h")
T3(trn2_2d, "trn2 v0.2d, v1.2d, v2.2d")
T3(tbl_16b, "tbl v0.16b, {v1.16b}, v2.16b")
T3(tbx_8b, "tbx v0.8b, {v1.16b, v2.16b}, v0.8b")
T3(tbl2_8b, "tbl v0.8b, {v1.16b, v2.16b}, v0.8b")

static void test_permutes(void)
{
    const V z = { { 0, 0 } };
    /* index bytes: 0, 15, 16, 31, 32, 1, 17, 255 (low half), then 0 */
    const V idx2 = { { 0xff1101201f100f00ull, 0 } };

    /* bytes 3..15 of A then 0..2 of B: A bytes 40 50 60 70 80 80 90 a0 /
       b0 c0 d0 e0 f0, B bytes 08 07 06 */
    check_v(ext_16b(A, B, z), 0xa090808070605040ull, 0x060708f0e0d0c0b0ull,
            "ext #3");
    /* zip1 halves: a0 b0 a1 b1 a2 b2 a3 b3 = 2010 0708 4030 0506 ... */
    check_v(zip1_8h(A, B, z), 0x0506403007082010ull, 0x0102807003046050ull,
            "zip1 .8h");
    /* zip2 words: a2 b2 a3 b3 */
    check_v(zip2_4s(A, B, z), 0x80fe02fdb0a09080ull, 0x7f01ff00f0e0d0c0ull,
            "zip2 .4s");
    /* uzp1 bytes: even bytes of A then of B: 10 30 50 70 80 a0 c0 e0 /
       08 06 04 02 fd fe 00 01 */
    check_v(uzp1_16b(A, B, z), 0xe0c0a08070503010ull, 0x0100fefd02040608ull,
            "uzp1 .16b");
    /* uzp2 .8b: odd bytes of A lo (20 40 60 80), of B lo (07 05 03 01) */
    check_v(uzp2_8b(A, B, z), 0x0103050780604020ull, 0, "uzp2 .8b");
    /* trn1 halves: a0 b0 a2 b2 a4 b4 a6 b6 */
    check_v(trn1_8h(A, B, z), 0x0304605007082010ull, 0xff00d0c002fd9080ull,
            "trn1 .8h");
    check_v(trn2_2d(A, B, z), A.d[1], B.d[1], "trn2 .2d");
    /* TBL with the table A only: 0 -> 10, 15 -> f0, 16, 31, 32 out of
       range -> 0, 1 -> 20, 17 -> 0, 255 -> 0; the high half's index
       bytes are 0 -> A.b[0] = 0x10 */
    check_v(tbl_16b(A, idx2, z), 0x000020000000f010ull, 0x1010101010101010ull,
            "tbl 1 reg");
    /* two registers {A, B}: idx2 bytes 00 0f 10 1f 20 01 11 ff:
       A.b0 10, A.b15 f0, B.b0 08, B.b15 7f, 0, A.b1 20, B.b1 07, 0 */
    check_v(tbl2_8b(A, B, idx2), 0x000720007f08f010ull, 0, "tbl 2 regs");
    /* tbx keeps the index byte itself where out of range */
    check_v(tbx_8b(A, B, idx2), 0xff0720207f08f010ull, 0, "tbx 2 regs");
}

/* --- forms the FP/SIMD differential test (fpdiff/) found missing ----- */

T3(orn_8b, "orn v0.8b, v1.8b, v2.8b")
T3(bif_8b, "bif v0.8b, v1.8b, v2.8b")
T3(rbit_16b, "rbit v0.16b, v1.16b")
T3(uadalp_2d, "uadalp v0.2d, v1.4s")
T3(sadalp_4h, "sadalp v0.4h, v1.8b")
T3(sshl_2s, "sshl v0.2s, v1.2s, v2.2s")
T3(ushl_4h, "ushl v0.4h, v1.4h, v2.4h")

static void test_fpdiff_regressions(void)
{
    const V z = { { 0, 0 } };
    const V ones = { { ~0ull, ~0ull } };
    const V small = { { 0x0000000300000001ull, 0x0000000700000005ull } };
    const V m128 = { { 0x8080808080808080ull, 0x8080808080808080ull } };
    V d = { { 0x00ff00ff00ff00ffull, 0xffff0000ffff0000ull } };

    /* logic ops with size = 3 (ORN, BIF) and Q = 0: the high half is 0 */
    check_v(orn_8b(A, B, ones), A.d[0] | ~B.d[0], 0, "orn .8b");
    check_v(bif_8b(A, B, d), (d.d[0] & B.d[0]) | (A.d[0] & ~B.d[0]), 0,
            "bif .8b");
    /* RBIT reverses each byte: 08 -> 10, 07 -> e0, 06 -> 60, 05 -> a0,
       04 -> 20, 03 -> c0, 02 -> 40, 01 -> 80; fd -> bf, 02 -> 40,
       fe -> 7f, 80 -> 01, 00 -> 00, ff -> ff, 01 -> 80, 7f -> fe */
    check_v(rbit_16b(B, z, z), 0x8040c020a060e010ull, 0xfe80ff00017f40bfull,
            "rbit .16b");
    /* UADALP .2d: word pairs of A summed, plus Vd: 0x40302010 +
       0x80706050 + 0x300000001 = 0x3c0a08061; 0xb0a09080 + 0xf0e0d0c0 +
       0x700000005 = 0x8a1816145 */
    check_v(uadalp_2d(A, z, small), 0x3c0a08061ull, 0x8a1816145ull,
            "uadalp .2d");
    /* SADALP .4h: signed byte pairs of A's low half: 10+20 = 0x30,
       30+40 = 0x70, 50+60 = 0xb0, 70+(-80) = -0x10; plus -1 each */
    check_v(sadalp_4h(A, z, ones), 0xffef00af006f002full, 0, "sadalp .4h");
    /* shift byte 0x80 = -128: a right shift past the lane: 0, or -1
       for the negative word 0x80706050 (SSHL), 0 for USHL */
    check_v(sshl_2s(A, m128, ones), 0xffffffff00000000ull, 0,
            "sshl .2s by -128");
    check_v(ushl_4h(A, m128, ones), 0, 0, "ushl .4h by -128");
}

static __attribute__((noinline)) int run(void)
{
    test_three_same();
    test_fpdiff_regressions();
    test_shift_misc();
    test_moves();
    test_immediates();
    test_permutes();
    return tl_done();
}

int main(void)
{
    tl_write_sysreg(cpacr_el1, tl_read_sysreg(cpacr_el1) | 3ull << 20);
    tl_isb();
    return run();
}
