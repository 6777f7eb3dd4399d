/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * isa-new.c: the instructions added for the first guest programs, one
 * inline-asm check each, expected values derived by hand from the
 * Hexagon V68 PRM (new-value stores and jumps, absolute-set and
 * Ru<<#u2+##U32 addressing, shift-accumulate, 64-bit compares and
 * shifts, multiply-accumulate, predicate transfers, mask tests,
 * logical accumulates, pair abs/neg/not/cl0, extract, min/max).
 */
#include "testlib.h"

volatile uint32_t nv_buf[8];
volatile uint8_t nv_bytes[8];

static void test_nv_store(void)
{
    uint32_t p = (uint32_t)(uintptr_t)nv_buf, q;

    nv_buf[1] = 0;
    /* memw(Rs+#4) = r8.new: r8 gets 0x1234 in the same packet */
    __asm__ volatile("{ r8 = #0x1234\n\t memw(%0+#4) = r8.new }"
                     : : "r"(p) : "r8", "memory");
    tl_check_eq(nv_buf[1], 0x1234, "nv memw io");
    /* distance 2: the producer, then another instruction */
    __asm__ volatile("{ r8 = #0x55\n\t r9 = #0x66\n\t memw(%0+#8) = r8.new }"
                     : : "r"(p) : "r8", "r9", "memory");
    tl_check_eq(nv_buf[2], 0x55, "nv memw distance 2");
    /* memb(Rx++#1) = r8.new: byte stored, Rx advanced by 1 */
    q = (uint32_t)(uintptr_t)nv_bytes;
    __asm__ volatile("{ r8 = #0x1ab\n\t memb(%0++#1) = r8.new }"
                     : "+r"(q) : : "r8", "memory");
    tl_check_eq(nv_bytes[0], 0xab, "nv memb pi value (low byte of 0x1ab)");
    tl_check_eq(q, (uint32_t)(uintptr_t)nv_bytes + 1, "nv memb pi Rx+1");
    /* memh(Rs+Ru<<#2) = r8.new: address nv_buf + 3*4 */
    __asm__ volatile("{ r8 = #0x7777\n\t memh(%0+%1<<#2) = r8.new }"
                     : : "r"(p), "r"(3) : "r8", "memory");
    tl_check_eq(nv_buf[3] & 0xffff, 0x7777, "nv memh rr");
    /* memw(##abs) = r8.new (absolute: GP form with extender) */
    __asm__ volatile("{ r8 = add(%0,#1)\n\t memw(##nv_buf+16) = r8.new }"
                     : : "r"(0x99) : "r8", "memory");
    tl_check_eq(nv_buf[4], 0x9a, "nv memw absolute");
    /* predicated: p0 false, no store; p0 true, store */
    nv_buf[5] = 0xdead;
    __asm__ volatile("p0 = cmp.eq(%1,#1)\n\t"
                     "{ r8 = #0x11\n\t if (p0) memw(%0+#20) = r8.new }"
                     : : "r"(p), "r"(0) : "r8", "p0", "memory");
    tl_check_eq(nv_buf[5], 0xdead, "nv if (p0) false: no store");
    __asm__ volatile("{ p0 = cmp.eq(%1,#0)\n\t r8 = #0x22\n\t"
                     " if (p0.new) memw(%0+#20) = r8.new }"
                     : : "r"(p), "r"(0) : "r8", "p0", "memory");
    tl_check_eq(nv_buf[5], 0x22, "nv if (p0.new) true: store");
    /* absolute-set: r9 = ##nv_buf+24 and memw there = r8.new */
    __asm__ volatile("{ r8 = #0x3c\n\t memw(r9=##nv_buf+24) = r8.new }\n\t"
                     "%0 = r9" : "=r"(q) : : "r8", "r9", "memory");
    tl_check_eq(nv_buf[6], 0x3c, "nv memw absolute-set value");
    tl_check_eq(q, p + 24, "absolute-set Re = address");
    /* Ru<<#2 + ##nv_buf: Ru = 7 -> nv_buf[7] */
    __asm__ volatile("{ r8 = #0x4d\n\t memw(%0<<#2+##nv_buf) = r8.new }"
                     : : "r"(7) : "r8", "memory");
    tl_check_eq(nv_buf[7], 0x4d, "nv memw Ru<<2+##U32");
}

static void test_abs_addr(void)
{
    uint32_t v, e;

    nv_buf[2] = 0x80000001;
    __asm__ volatile("%0 = memw(%1<<#3+##nv_buf)" : "=r"(v) : "r"(1));
    tl_check_eq(v, 0x80000001, "memw(Ru<<#3+##U32)");
    __asm__ volatile("%0 = memb(%1=##nv_buf+8)" : "=&r"(v), "=&r"(e));
    tl_check_eq(v, 1, "memb(Re=##U32) value (low byte, sign-extended)");
    tl_check_eq(e, (uint32_t)(uintptr_t)nv_buf + 8, "memb(Re=##U32) Re");
    __asm__ volatile("memw(%0<<#2+##nv_buf) = %1" : : "r"(1), "r"(0xfeed)
                     : "memory");
    tl_check_eq(nv_buf[1], 0xfeed, "memw(Ru<<#2+##U32) = Rt");
}

/* if (cmp.xx(r8.new, B)) jump: returns 1 when the jump was taken */
#define NVJ(name, cond, val, b)                                              \
static uint32_t name(void)                                                   \
{                                                                            \
    uint32_t r;                                                              \
    __asm__ volatile("%0 = #0\n\t"                                           \
                     "{ r8 = %1\n\t if (" cond ") jump:t 1f }\n\t"           \
                     "jump 2f\n"                                             \
                     "1: %0 = #1\n"                                          \
                     "2:"                                                    \
                     : "=&r"(r) : "r"(val), "r"(b) : "r8");                  \
    return r;                                                                \
}

NVJ(nvj_eq, "cmp.eq(r8.new,%2)", 5, 5)
NVJ(nvj_neq, "!cmp.eq(r8.new,%2)", 5, 5)
NVJ(nvj_gt, "cmp.gt(r8.new,%2)", -1, -2)
NVJ(nvj_gtu, "cmp.gtu(r8.new,%2)", -1, 2)
NVJ(nvj_lt, "cmp.gt(%2,r8.new)", -1, 2)
NVJ(nvj_ltu, "!cmp.gtu(%2,r8.new)", 3, 2)
NVJ(nvj_eqi, "cmp.eq(r8.new,#7)", 7, 0)
NVJ(nvj_gti, "cmp.gt(r8.new,#7)", 7, 0)
NVJ(nvj_gtui, "cmp.gtu(r8.new,#7)", -1, 0)
NVJ(nvj_tst, "tstbit(r8.new,#0)", 3, 0)
NVJ(nvj_ntst, "!tstbit(r8.new,#0)", 3, 0)
NVJ(nvj_eqn1, "cmp.eq(r8.new,#-1)", -1, 0)
NVJ(nvj_gtn1, "cmp.gt(r8.new,#-1)", -1, 0)

static void test_nv_jump(void)
{
    tl_check_eq(nvj_eq(), 1, "nvj 5 == 5");
    tl_check_eq(nvj_neq(), 0, "nvj !(5 == 5)");
    tl_check_eq(nvj_gt(), 1, "nvj -1 > -2 signed");
    tl_check_eq(nvj_gtu(), 1, "nvj 0xffffffff >u 2");
    tl_check_eq(nvj_lt(), 1, "nvj 2 > -1 signed");
    tl_check_eq(nvj_ltu(), 1, "nvj !(2 >u 3)");
    tl_check_eq(nvj_eqi(), 1, "nvj 7 == #7");
    tl_check_eq(nvj_gti(), 0, "nvj 7 > #7 false");
    tl_check_eq(nvj_gtui(), 1, "nvj 0xffffffff >u #7");
    tl_check_eq(nvj_tst(), 1, "nvj tstbit(3,#0)");
    tl_check_eq(nvj_ntst(), 0, "nvj !tstbit(3,#0)");
    tl_check_eq(nvj_eqn1(), 1, "nvj -1 == #-1");
    tl_check_eq(nvj_gtn1(), 0, "nvj -1 > #-1 false");
}

#define OP1(name, insn, x0, s)                                               \
static uint32_t name(void)                                                   \
{                                                                            \
    uint32_t x = (x0);                                                       \
    __asm__(insn : "+r"(x) : "r"(s));                                        \
    return x;                                                                \
}
#define OP2(name, insn, x0, s, t)                                            \
static uint32_t name(void)                                                   \
{                                                                            \
    uint32_t x = (x0);                                                       \
    __asm__(insn : "+r"(x) : "r"(s), "r"(t));                                \
    return x;                                                                \
}

/* 0x100 + (0x80000010 >> 4 arith = 0xf8000001) = 0xf8000101 */
OP1(asr_acc, "%0 += asr(%1,#4)", 0x100, 0x80000010)
/* 0x100 - (0x80000010 >> 4 logical = 0x08000001) = 0xf80000ff */
OP1(lsr_sub, "%0 -= lsr(%1,#4)", 0x100, 0x80000010)
/* 0xff00ff00 & (0x0000ffff << 8 = 0x00ffff00) = 0x0000ff00 */
OP1(asl_and, "%0 &= asl(%1,#8)", 0xff00ff00, 0x0000ffff)
/* 0x100 | rol(0xc0000000,#4) = 0x100 | 0xc = 0x10c */
OP1(rol_or, "%0 |= rol(%1,#4)", 0x100, 0xc0000000)
/* 0xf0 ^ (0x0f << 4 = 0xf0) = 0 */
OP1(asl_xor, "%0 ^= asl(%1,#4)", 0xf0, 0x0f)
/* 0x10 | (1 << 3) = 0x18 */
OP2(asl_rr_or, "%0 |= asl(%1,%2)", 0x10, 1, 3)
/* 100 + (-64 >> 2 arith = -16) = 84 */
OP2(asr_rr_acc, "%0 += asr(%1,%2)", 100, -64, 2)
/* lsr by -4 shifts left: 0xff & (0x0f << 4 = 0xf0) = 0xf0 */
OP2(lsr_rr_and, "%0 &= lsr(%1,%2)", 0xff, 0x0f, -4)
/* r |= or(0x0f, 0xf000) = 0xf00f | 0x10000 */
OP2(or_or, "%0 |= or(%1,%2)", 0x10000, 0x0f, 0xf000)
/* r &= and(0xff, ~0x0f) = 0xf0; 0xffff & 0xf0 = 0xf0 */
OP2(andn_and, "%0 &= and(%1,~%2)", 0xffff, 0xff, 0x0f)
/* r ^= xor(0x3, 0x5) = 0x6; 0xf ^ 0x6 = 0x9 */
OP2(xor_xor, "%0 ^= xor(%1,%2)", 0xf, 3, 5)
/* addasl(Rt=%1, Rs=%2, #3) = Rt + (Rs << 3) = 5 + 16 = 21 */
OP2(addasl, "%0 = addasl(%1,%2,#3)", 0, 5, 2)
/* add(Rs, add(Ru, #-5)) = 100 + 10 - 5 = 105 */
OP2(add_add, "%0 = add(%1,add(%2,#-5))", 0, 100, 10)
/* add(Rs, sub(#-5, Ru)) = 100 + (-5 - 10) = 85 */
OP2(add_sub, "%0 = add(%1,sub(#-5,%2))", 0, 100, 10)
/* lsl(#-3, Rt=2) = -3 << 2 = -12 */
OP1(lsl_ir, "%0 = lsl(#-3,%1)", 0, 2)

static void test_xtype32(void)
{
    tl_check_eq(asr_acc(), 0xf8000101, "+= asr #");
    tl_check_eq(lsr_sub(), 0xf80000ff, "-= lsr #");
    tl_check_eq(asl_and(), 0x0000ff00, "&= asl #");
    tl_check_eq(rol_or(), 0x10c, "|= rol #");
    tl_check_eq(asl_xor(), 0, "^= asl #");
    tl_check_eq(asl_rr_or(), 0x18, "|= asl(Rs,Rt)");
    tl_check_eq(asr_rr_acc(), 84, "+= asr(Rs,Rt)");
    tl_check_eq(lsr_rr_and(), 0xf0, "&= lsr(Rs,-4) = shift left");
    tl_check_eq(or_or(), 0x1f00f, "|= or");
    tl_check_eq(andn_and(), 0xf0, "&= and(Rs,~Rt)");
    tl_check_eq(xor_xor(), 9, "^= xor");
    tl_check_eq(addasl(), 21, "addasl");
    tl_check_eq(add_add(), 105, "add(Rs,add(Ru,#s6))");
    tl_check_eq(add_sub(), 85, "add(Rs,sub(#s6,Ru))");
    tl_check_eq(lsl_ir(), (uint32_t)-12, "lsl(#-3,Rt)");
}

static void test_pred(void)
{
    uint32_t r;

    /* cmp.gt(Rss,Rtt) signed 64-bit: -1 > 1 is false; Rd = P0 = 0 */
    __asm__("p0 = cmp.gt(%1,%2)\n\t%0 = p0" : "=r"(r)
            : "r"((int64_t)-1), "r"((int64_t)1) : "p0");
    tl_check_eq(r, 0, "cmp.gt(-1,1) 64-bit");
    __asm__("p0 = cmp.gtu(%1,%2)\n\t%0 = p0" : "=r"(r)
            : "r"((int64_t)-1), "r"((int64_t)1) : "p0");
    tl_check_eq(r, 0xff, "cmp.gtu(~0,1) 64-bit");
    /* equal only when both halves are: 0x1_00000000 vs 0 */
    __asm__("p1 = cmp.eq(%1,%2)\n\t%0 = p1" : "=r"(r)
            : "r"((uint64_t)1 << 32), "r"((uint64_t)0) : "p1");
    tl_check_eq(r, 0, "cmp.eq 64-bit looks at the high word");
    /* Pd = Rs keeps the low 8 bits; Rd = Ps reads them back */
    __asm__("p2 = %1\n\t%0 = p2" : "=r"(r) : "r"(0x1234a5) : "p2");
    tl_check_eq(r, 0xa5, "p2 = r; r = p2");
    /* bitsclr(0xf0, #0x0f): (0xf0 & 0x0f) == 0 -> true */
    __asm__("p0 = bitsclr(%1,#0x0f)\n\t%0 = p0" : "=r"(r) : "r"(0xf0)
            : "p0");
    tl_check_eq(r, 0xff, "bitsclr #");
    __asm__("p0 = bitsset(%1,%2)\n\t%0 = p0" : "=r"(r) : "r"(0xf3), "r"(3)
            : "p0");
    tl_check_eq(r, 0xff, "bitsset: 0xf3 has bits 0x3");
    __asm__("p0 = !bitsclr(%1,%2)\n\t%0 = p0" : "=r"(r) : "r"(0xf3), "r"(4)
            : "p0");
    tl_check_eq(r, 0, "!bitsclr: 0xf3 & 4 == 0");
}

static void test_xtype64(void)
{
    uint64_t x;
    uint32_t r;

    /* 10 + 0xffffffff * 2 (unsigned) = 0x1_fffffffe + 10 */
    x = 10;
    __asm__("%0 += mpyu(%1,%2)" : "+r"(x) : "r"(0xffffffffu), "r"(2));
    tl_check_eq(x, 0x200000008ull, "+= mpyu");
    x = 10;
    __asm__("%0 -= mpy(%1,%2)" : "+r"(x) : "r"(-3), "r"(4));
    tl_check_eq(x, 22, "-= mpy: 10 - (-12)");
    __asm__("%0 = abs(%1)" : "=r"(x) : "r"((int64_t)-5));
    tl_check_eq(x, 5, "abs pair");
    __asm__("%0 = neg(%1)" : "=r"(x) : "r"((int64_t)5));
    tl_check_eq(x, (uint64_t)-5, "neg pair");
    __asm__("%0 = not(%1)" : "=r"(x) : "r"((uint64_t)0xff));
    tl_check_eq(x, ~(uint64_t)0xff, "not pair");
    __asm__("%0 = cl0(%1)" : "=r"(r) : "r"((uint64_t)1 << 40));
    tl_check_eq(r, 23, "cl0 pair: bit 40 set -> 63 - 40");
    __asm__("%0 = cl1(%1)" : "=r"(r) : "r"(~((uint64_t)1 << 60)));
    tl_check_eq(r, 3, "cl1 pair: bits 63..61 set");
    __asm__("%0 = clb(%1)" : "=r"(r) : "r"((uint64_t)0));
    tl_check_eq(r, 64, "clb pair of 0");
    /* 64-bit shifts by register: lsr by 36, asl by -4 (= asr 4) */
    __asm__("%0 = lsr(%1,%2)" : "=r"(x) : "r"(0xf000000000000000ull),
            "r"(36));
    tl_check_eq(x, 0xf000000ull, "lsr pair by 36");
    __asm__("%0 = asl(%1,%2)" : "=r"(x) : "r"(0x8000000000000000ull),
            "r"(-4));
    tl_check_eq(x, 0xf800000000000000ull, "asl pair by -4 = asr 4");
    x = 1;
    __asm__("%0 |= asl(%1,%2)" : "+r"(x) : "r"(1ull), "r"(40));
    tl_check_eq(x, (1ull << 40) | 1, "|= asl pair by reg");
    x = 0x10;
    __asm__("%0 += asl(%1,#33)" : "+r"(x) : "r"(1ull));
    tl_check_eq(x, (1ull << 33) + 0x10, "+= asl pair #");
    x = 0xff;
    __asm__("%0 |= lsr(%1,#60)" : "+r"(x) : "r"(0xa000000000000000ull));
    tl_check_eq(x, 0xff, "|= lsr pair #: 0xa");
    /* extractu(Rss,#8,#36): bits 43..36 of 0x0000_0ab0_0000_0000 = 0xab */
    __asm__("%0 = extractu(%1,#8,#36)" : "=r"(x) : "r"(0xab000000000ull));
    tl_check_eq(x, 0xab, "extractu pair");
    __asm__("%0 = extract(%1,#8,#36)" : "=r"(x) : "r"(0xab000000000ull));
    tl_check_eq(x, (uint64_t)(int8_t)0xab, "extract pair (signed)");
    __asm__("%0 = extract(%1,#4,#4)" : "=r"(r) : "r"(0xc0));
    tl_check_eq(r, (uint32_t)-4, "extract: bits 7..4 = 0xc = -4");
    __asm__("%0 = maxu(%1,%2)" : "=r"(x) : "r"((int64_t)-1), "r"(5ull));
    tl_check_eq(x, ~0ull, "maxu pair");
    __asm__("%0 = min(%1,%2)" : "=r"(x) : "r"((int64_t)-1), "r"(5ull));
    tl_check_eq(x, (uint64_t)-1, "min pair");
    __asm__("%0 = combine(#-5,##0x12345)" : "=r"(x));
    tl_check_eq(x, 0xfffffffb00012345ull, "combine(#s8,##U32)");
}

int main(void)
{
    test_nv_store();
    test_abs_addr();
    test_nv_jump();
    test_xtype32();
    test_pred();
    test_xtype64();
    return tl_done();
}
