/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * more-insns.c: the instructions of target/hexagon/hex-more.isa, one
 * inline-asm check per form, expected values derived by hand from the
 * Hexagon V68 PRM: Rx = and|or|add|sub(#u8, asl|lsr(Rx, #U5)), the
 * add-of-mpyi forms, the logical-logical forms with #s10, predicated
 * stores with absolute addressing (register, .h, pair and new-value,
 * old and .new predicates, both senses), predicated stores of an
 * immediate, and memw_locked/memd_locked on one thread (the
 * multi-thread case is llsc-threads.c).  User level only: also runs on
 * qemu-hexagon.
 */
#include "testlib.h"

#define X 0x12345678u

static void test_shift_op(void)
{
    uint32_t v;

    v = X;      /* 0x12345678 << 4 = 0x23456780; & 0xf0 = 0x80 */
    __asm__("%0 = and(#0xf0,asl(%0,#4))" : "+r"(v));
    tl_check_eq(v, 0x80, "and(#u8,asl(Rx,#4))");
    v = X;      /* 0x12345678 >> 16 = 0x1234; & 0xff = 0x34 */
    __asm__("%0 = and(#255,lsr(%0,#16))" : "+r"(v));
    tl_check_eq(v, 0x34, "and(#u8,lsr(Rx,#16))");
    v = X;      /* << 3 = 0x91a2b3c0; | 5 = 0x91a2b3c5 */
    __asm__("%0 = or(#5,asl(%0,#3))" : "+r"(v));
    tl_check_eq(v, 0x91a2b3c5, "or(#u8,asl(Rx,#3))");
    v = X;      /* >> 8 = 0x00123456; | 0x0f = 0x0012345f */
    __asm__("%0 = or(#15,lsr(%0,#8))" : "+r"(v));
    tl_check_eq(v, 0x0012345f, "or(#u8,lsr(Rx,#8))");
    v = X;      /* << 1 = 0x2468acf0; + 200 (0xc8) = 0x2468adb8 */
    __asm__("%0 = add(#200,asl(%0,#1))" : "+r"(v));
    tl_check_eq(v, 0x2468adb8, "add(#u8,asl(Rx,#1))");
    v = X;      /* >> 4 = 0x01234567; + 0x10000 = 0x01244567 (extended) */
    __asm__("%0 = add(##0x10000,lsr(%0,#4))" : "+r"(v));
    tl_check_eq(v, 0x01244567, "add(##u32,lsr(Rx,#4))");
    v = X;      /* << 2 = 0x48d159e0; 10 - that = 0xb72ea62a (mod 2^32) */
    __asm__("%0 = sub(#10,asl(%0,#2))" : "+r"(v));
    tl_check_eq(v, 0xb72ea62a, "sub(#u8,asl(Rx,#2))");
    v = X;      /* >> 24 = 0x12; 100 - 18 = 82 */
    __asm__("%0 = sub(#100,lsr(%0,#24))" : "+r"(v));
    tl_check_eq(v, 82, "sub(#u8,lsr(Rx,#24))");
    v = X;      /* shift 0: 0 - 0x12345678 = 0xedcba988 */
    __asm__("%0 = sub(#0,asl(%0,#0))" : "+r"(v));
    tl_check_eq(v, 0xedcba988, "sub(#0,asl(Rx,#0))");
}

static void test_add_mpyi(void)
{
    uint32_t y, d;

    y = 7;      /* Ry = add(Ru, mpyi(Ry, Rs)): 1000 + 7 * -3 = 979 */
    __asm__("%0 = add(%1,mpyi(%0,%2))" : "+r"(y) : "r"(1000), "r"(-3));
    tl_check_eq(y, 979, "add(Ru,mpyi(Ry,Rs))");
    /* add(#u6, mpyi(Rs, Rt)): 50 + 6 * 7 = 92 */
    __asm__("%0 = add(#50,mpyi(%1,%2))" : "=r"(d) : "r"(6), "r"(7));
    tl_check_eq(d, 92, "add(#u6,mpyi(Rs,Rt))");
    /* extended: 100000 + 3 * 65536 = 296608 */
    __asm__("%0 = add(##100000,mpyi(%1,%2))" : "=r"(d)
            : "r"(3), "r"(0x10000));
    tl_check_eq(d, 296608, "add(##u32,mpyi(Rs,Rt))");
    /* add(#u6, mpyi(Rs, #U6)): 63 + 5 * 63 = 378 */
    __asm__("%0 = add(#63,mpyi(%1,#63))" : "=r"(d) : "r"(5));
    tl_check_eq(d, 378, "add(#u6,mpyi(Rs,#U6))");
    /* the product's low 32 bits: 0x40000000 * 4 = 2^32 -> 0; + 10 */
    __asm__("%0 = add(#10,mpyi(%1,#4))" : "=r"(d) : "r"(0x40000000));
    tl_check_eq(d, 10, "add(#u6,mpyi(Rs,#U6)) wraps");
    /* add(Ru, mpyi(#u6:2, Rs)): 1 + 252 * 2 = 505 */
    __asm__("%0 = add(%1,mpyi(#252,%2))" : "=r"(d) : "r"(1), "r"(2));
    tl_check_eq(d, 505, "add(Ru,mpyi(#u6:2,Rs))");
    /* add(Ru, mpyi(Rs, #u6)): -5 + 9 * 60 = 535 */
    __asm__("%0 = add(%1,mpyi(%2,#60))" : "=r"(d) : "r"(-5), "r"(9));
    tl_check_eq(d, 535, "add(Ru,mpyi(Rs,#u6))");
    /* extended: 0 + 3 * 1000 = 3000 */
    __asm__("%0 = add(%1,mpyi(%2,##1000))" : "=r"(d) : "r"(0), "r"(3));
    tl_check_eq(d, 3000, "add(Ru,mpyi(Rs,##u32))");
}

static void test_logical(void)
{
    uint32_t x;

    x = 1;      /* 0xff0f & -16 (0xfffffff0) = 0xff00; | 1 = 0xff01 */
    __asm__("%0 |= and(%1,#-16)" : "+r"(x) : "r"(0xff0f));
    tl_check_eq(x, 0xff01, "Rx |= and(Rs,#s10)");
    x = 5;      /* extended: 0xffffffff & 0x12340000; | 5 */
    __asm__("%0 |= and(%1,##0x12340000)" : "+r"(x) : "r"(0xffffffff));
    tl_check_eq(x, 0x12340005, "Rx |= and(Rs,##u32)");
    x = 0x10000000;     /* 0x20 | 511 = 0x1ff; | x = 0x100001ff */
    __asm__("%0 |= or(%1,#511)" : "+r"(x) : "r"(0x20));
    tl_check_eq(x, 0x100001ff, "Rx |= or(Rs,#s10)");
    x = X;      /* 0x12345678 & 0xff = 0x78; | 0xa0000000 */
    __asm__("%0 = or(%1,and(%0,#255))" : "+r"(x) : "r"(0xa0000000));
    tl_check_eq(x, 0xa0000078, "Rx = or(Ru,and(Rx,#s10))");
    x = X;      /* & -512 (0xfffffe00) = 0x12345600; | 1 */
    __asm__("%0 = or(%1,and(%0,#-512))" : "+r"(x) : "r"(1));
    tl_check_eq(x, 0x12345601, "Rx = or(Ru,and(Rx,#-512))");
}

volatile uint32_t abs_buf[8] __attribute__((aligned(8)));

static void test_pstore_abs(void)
{
    uint64_t pair = 0x1122334455667788ull;

    for (int i = 0; i < 8; i++) {
        abs_buf[i] = 0xdeadbeef;
    }
    /* p0 true: stored */
    __asm__ volatile("p0 = cmp.eq(%1,#1)\n\t"
                     "if (p0) memw(##abs_buf) = %0"
                     : : "r"(0x01020304), "r"(1) : "p0", "memory");
    tl_check_eq(abs_buf[0], 0x01020304, "if (p0) memw(##abs) true");
    /* p0 false: nothing */
    __asm__ volatile("p0 = cmp.eq(%1,#1)\n\t"
                     "if (p0) memw(##abs_buf) = %0"
                     : : "r"(0x55), "r"(0) : "p0", "memory");
    tl_check_eq(abs_buf[0], 0x01020304, "if (p0) memw(##abs) false");
    /* !p0 with p0 false: byte 0x11 at abs_buf+4 (low byte) */
    __asm__ volatile("p0 = cmp.eq(%1,#1)\n\t"
                     "if (!p0) memb(##abs_buf+4) = %0"
                     : : "r"(0x311), "r"(0) : "p0", "memory");
    tl_check_eq(abs_buf[1], 0xdeadbe11, "if (!p0) memb(##abs)");
    /* .new predicate true: half-word 0x7788 at abs_buf+8 */
    __asm__ volatile("{ p0 = cmp.eq(%1,#0)\n\t"
                     "  if (p0.new) memh(##abs_buf+8) = %0 }"
                     : : "r"(0x66667788), "r"(0) : "p0", "memory");
    tl_check_eq(abs_buf[2], 0xdead7788, "if (p0.new) memh(##abs)");
    /* !p0.new with p0.new true: no store of Rt.h */
    __asm__ volatile("{ p0 = cmp.eq(%1,#0)\n\t"
                     "  if (!p0.new) memh(##abs_buf+10) = %0.h }"
                     : : "r"(0x66667788), "r"(0) : "p0", "memory");
    tl_check_eq(abs_buf[2], 0xdead7788, "if (!p0.new) memh(##abs)=Rt.h no");
    /* p1 true: Rt.h = 0x6666 at abs_buf+10 */
    __asm__ volatile("p1 = cmp.eq(%1,#0)\n\t"
                     "if (p1) memh(##abs_buf+10) = %0.h"
                     : : "r"(0x66667788), "r"(0) : "p1", "memory");
    tl_check_eq(abs_buf[2], 0x66667788, "if (p1) memh(##abs) = Rt.h");
    /* pair at abs_buf+16 (8-byte aligned) */
    __asm__ volatile("p2 = cmp.gt(%1,#0)\n\t"
                     "if (p2) memd(##abs_buf+16) = %0"
                     : : "r"(pair), "r"(3) : "p2", "memory");
    tl_check_eq(abs_buf[4], 0x55667788, "if (p2) memd(##abs) low");
    tl_check_eq(abs_buf[5], 0x11223344, "if (p2) memd(##abs) high");
    /* new-value: r8 = 0x1ab, byte 0xab at abs_buf+12 */
    __asm__ volatile("p0 = cmp.eq(%0,#0)\n\t"
                     "{ r8 = #0x1ab\n\t if (p0) memb(##abs_buf+12) = r8.new }"
                     : : "r"(0) : "p0", "r8", "memory");
    tl_check_eq(abs_buf[3], 0xdeadbeab, "if (p0) memb(##abs) = Nt.new");
    /* new-value with .new predicate: word 0x4242 at abs_buf+24 */
    __asm__ volatile("{ p3 = cmp.eq(%0,#0)\n\t r8 = #0x4242\n\t"
                     "  if (p3.new) memw(##abs_buf+24) = r8.new }"
                     : : "r"(0) : "p3", "r8", "memory");
    tl_check_eq(abs_buf[6], 0x4242, "if (p3.new) memw(##abs) = Nt.new");
    /* new-value, false: nothing at abs_buf+28 */
    __asm__ volatile("{ p3 = cmp.eq(%0,#0)\n\t r8 = #0x77\n\t"
                     "  if (!p3.new) memh(##abs_buf+28) = r8.new }"
                     : : "r"(0) : "p3", "r8", "memory");
    tl_check_eq(abs_buf[7], 0xdeadbeef, "if (!p3.new) memh(##abs) no");
}

volatile uint32_t imm_buf[4];

static void test_pstore_imm(void)
{
    uint32_t p = (uint32_t)(uintptr_t)imm_buf;

    for (int i = 0; i < 4; i++) {
        imm_buf[i] = 0xdeadbeef;
    }
    /* p0 true: -5 = 0xfffffffb at imm_buf+4 */
    __asm__ volatile("p0 = cmp.eq(%1,#1)\n\t"
                     "if (p0) memw(%0+#4) = #-5"
                     : : "r"(p), "r"(1) : "p0", "memory");
    tl_check_eq(imm_buf[1], 0xfffffffb, "if (p0) memw(Rs+#4) = #-5");
    /* !p0 with p0 true: nothing */
    __asm__ volatile("p0 = cmp.eq(%1,#1)\n\t"
                     "if (!p0) memb(%0+#1) = #31"
                     : : "r"(p), "r"(1) : "p0", "memory");
    tl_check_eq(imm_buf[0], 0xdeadbeef, "if (!p0) memb(Rs+#1) no store");
    /* p1.new true: -32 as a half-word, 0xffe0 at imm_buf+2 */
    __asm__ volatile("{ p1 = cmp.eq(%1,#0)\n\t"
                     "  if (p1.new) memh(%0+#2) = #-32 }"
                     : : "r"(p), "r"(0) : "p1", "memory");
    tl_check_eq(imm_buf[0], 0xffe0beef, "if (p1.new) memh(Rs+#2) = #-32");
    /* !p1.new, p1.new false: extended 0x12345678 at imm_buf+8 */
    __asm__ volatile("{ p1 = cmp.eq(%1,#0)\n\t"
                     "  if (!p1.new) memw(%0+#8) = ##0x12345678 }"
                     : : "r"(p), "r"(1) : "p1", "memory");
    tl_check_eq(imm_buf[2], 0x12345678, "if (!p1.new) memw(Rs+#8) = ##imm");
    /* byte 31 at imm_buf+13 with p2 */
    __asm__ volatile("p2 = cmp.eq(%1,#0)\n\t"
                     "if (p2) memb(%0+#13) = #31"
                     : : "r"(p), "r"(0) : "p2", "memory");
    tl_check_eq(imm_buf[3], 0xdead1fef, "if (p2) memb(Rs+#13) = #31");
}

volatile uint32_t ll_word;
volatile uint64_t ll_dword;
volatile uint32_t ll_other;

static void test_llsc(void)
{
    uint32_t v, ok;
    uint64_t d;

    ll_word = 41;
    /* load-locked, store-conditional: succeeds (p0 = 0xff) */
    __asm__ volatile("%0 = memw_locked(%2)\n\t"
                     "r9 = add(%0,#1)\n\t"
                     "memw_locked(%2,p0) = r9\n\t"
                     "%1 = p0"
                     : "=&r"(v), "=r"(ok) : "r"(&ll_word)
                     : "r9", "p0", "memory");
    tl_check_eq(v, 41, "memw_locked value");
    tl_check_eq(ok, 0xff, "memw_locked store succeeds");
    tl_check_eq(ll_word, 42, "memw_locked stored");
    /* again without a reservation (the last one was used): fails */
    __asm__ volatile("memw_locked(%1,p0) = %2\n\t"
                     "%0 = p0"
                     : "=r"(ok) : "r"(&ll_word), "r"(7) : "p0", "memory");
    tl_check_eq(ok, 0, "store-conditional without reservation fails");
    tl_check_eq(ll_word, 42, "failed store-conditional stores nothing");
    /* reservation on ll_word, store-conditional to ll_other: fails */
    ll_other = 5;
    __asm__ volatile("%0 = memw_locked(%2)\n\t"
                     "memw_locked(%3,p1) = %0\n\t"
                     "%1 = p1"
                     : "=&r"(v), "=r"(ok) : "r"(&ll_word), "r"(&ll_other)
                     : "p1", "memory");
    tl_check_eq(ok, 0, "store-conditional to another address fails");
    tl_check_eq(ll_other, 5, "no store to the other address");
    /* pairs */
    ll_dword = 0x00000001ffffffffull;
    __asm__ volatile("%0 = memd_locked(%2)\n\t"
                     "r9:8 = add(%0,%3)\n\t"
                     "memd_locked(%2,p2) = r9:8\n\t"
                     "%1 = p2"
                     : "=&r"(d), "=r"(ok) : "r"(&ll_dword), "r"(1ull)
                     : "r8", "r9", "p2", "memory");
    tl_check_eq(d, 0x00000001ffffffffull, "memd_locked value");
    tl_check_eq(ok, 0xff, "memd_locked store succeeds");
    tl_check_eq(ll_dword, 0x0000000200000000ull, "memd_locked stored");
}

int main(void)
{
    test_shift_op();
    test_add_mpyi();
    test_logical();
    test_pstore_abs();
    test_pstore_imm();
    test_llsc();
    return tl_done();
}
