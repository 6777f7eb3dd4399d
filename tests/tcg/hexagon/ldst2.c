/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ldst2.c: the instructions of target/hexagon/hex-ldst2.isa, expected
 * values derived by hand (or in plain C from the PRM's definitions where
 * an address is involved): membh/memubh into Rd and Rdd and
 * memb_fifo/memh_fifo in their addressing modes, stores and new-value
 * stores with circular (#s4 and I) and bit-reversed addressing,
 * predicated post-increment and indexed stores (register and new-value),
 * predicated absolute loads, memw_aq/memd_aq, memw_rl/memd_rl,
 * release, dczeroa, the cache hints and pause.  User level: also runs on
 * qemu-hexagon; its Linux build is -mv67, so the v68 acquire/release
 * forms are compiled only for the v68 build (hemu).
 */
#include "testlib.h"

/* 81 02 ff 7f 10 20 30 40 ... */
static uint8_t src[64] __attribute__((aligned(64)));
static volatile uint32_t dst[16] __attribute__((aligned(64)));
volatile uint32_t ldst2_abs[4] __attribute__((aligned(8)));

static void fill_src(void)
{
    static const uint8_t head[4] = { 0x81, 0x02, 0xff, 0x7f };

    for (int i = 0; i < 64; i++) {
        src[i] = i < 4 ? head[i] : (uint8_t)(i * 0x10);
    }
}

static void clear_dst(void)
{
    for (int i = 0; i < 16; i++) {
        dst[i] = 0xdeadbeef;
    }
}

/* The low 16 bits of @x bit-reversed (PRM "Bit-reversed addressing"). */
static uint32_t brev16(uint32_t x)
{
    uint32_t r = 0;

    for (int i = 0; i < 16; i++) {
        r |= ((x >> i) & 1) << (15 - i);
    }
    return (x & 0xffff0000u) | r;
}

static void test_unpack(void)
{
    uint32_t r, p;
    uint64_t d;

    /* bytes 81 02: lanes sxt(0x81) = 0xff81, 0x0002 */
    __asm__ volatile("%0 = membh(%1+#0)" : "=r"(r) : "r"(src));
    tl_check_eq(r, 0x0002ff81, "membh(Rs+#0)");
    __asm__ volatile("%0 = memubh(%1+#0)" : "=r"(r) : "r"(src));
    tl_check_eq(r, 0x00020081, "memubh(Rs+#0)");
    /* bytes ff 7f at +2: 0x007f, 0xffff */
    __asm__ volatile("%0 = membh(%1+#2)" : "=r"(r) : "r"(src));
    tl_check_eq(r, 0x007fffff, "membh(Rs+#2)");
    /* four bytes 81 02 ff 7f */
    __asm__ volatile("%0 = membh(%1+#0)" : "=r"(d) : "r"(src));
    tl_check_eq(d, 0x007fffff0002ff81ull, "Rdd = membh(Rs+#0)");
    __asm__ volatile("%0 = memubh(%1+#0)" : "=r"(d) : "r"(src));
    tl_check_eq(d, 0x007f00ff00020081ull, "Rdd = memubh(Rs+#0)");
    /* bytes 40 50 60 70 at +4: all positive */
    __asm__ volatile("%0 = membh(%1+#4)" : "=r"(d) : "r"(src));
    tl_check_eq(d, 0x0070006000500040ull, "Rdd = membh(Rs+#4)");
    /* post-increment: loads +2 (ff 7f), Rx += 2 */
    p = (uint32_t)src + 2;
    __asm__ volatile("%0 = memubh(%1++#2)" : "=r"(r), "+r"(p));
    tl_check_eq(r, 0x007f00ff, "memubh(Rx++#2)");
    tl_check_eq(p, (uint32_t)src + 4, "memubh(Rx++#2) Rx");
    /* ++M0 = 8: loads +8 (80 90 a0 b0 -> signed lanes) */
    p = (uint32_t)src + 8;
    __asm__ volatile("m0 = %2\n\t%0 = membh(%1++m0)"
                     : "=r"(d), "+r"(p) : "r"(8) : "m0");
    tl_check_eq(d, 0xffb0ffa0ff90ff80ull, "Rdd = membh(Rx++M0)");
    tl_check_eq(p, (uint32_t)src + 16, "membh(Rx++M0) Rx");
    /* absolute-set: Re = address, bytes 81 02 */
    __asm__ volatile("%0 = membh(%1=##src)" : "=r"(r), "=r"(p));
    tl_check_eq(r, 0x0002ff81, "membh(Re=##U32)");
    tl_check_eq(p, (uint32_t)src, "membh(Re=##U32) Re");
    /* Ru<<#2 + ##src: 1 << 2 = +4 -> bytes 40 50 */
    __asm__ volatile("%0 = memubh(%1<<#2+##src)" : "=r"(r) : "r"(1));
    tl_check_eq(r, 0x00500040, "memubh(Ru<<#2+##U32)");
}

static void test_fifo(void)
{
    uint64_t y = 0x1122334455667788ull;
    uint32_t p;

    /* byte 0x81: (y >> 8) | 0x81 << 56 */
    __asm__ volatile("%0 = memb_fifo(%1+#0)" : "+r"(y) : "r"(src));
    tl_check_eq(y, 0x8111223344556677ull, "memb_fifo(Rs+#0)");
    /* half-word 0x7fff at +2: (y >> 16) | 0x7fff << 48 */
    __asm__ volatile("%0 = memh_fifo(%1+#2)" : "+r"(y) : "r"(src));
    tl_check_eq(y, 0x7fff811122334455ull, "memh_fifo(Rs+#2)");
    /* four bytes in a row fill the top: 40 50 60 70 */
    y = 0;
    p = (uint32_t)src + 4;
    for (int i = 0; i < 4; i++) {
        __asm__ volatile("%0 = memb_fifo(%1++#1)" : "+r"(y), "+r"(p));
    }
    tl_check_eq(y, 0x7060504000000000ull, "memb_fifo(Rx++#1) x4");
    tl_check_eq(p, (uint32_t)src + 8, "memb_fifo(Rx++#1) Rx");
}

/*
 * Circular addressing (PRM "Circular addressing"): CS0 = start, M0[16:0]
 * = length; the address is the old Rx, Rx wraps within [CS0, CS0+len).
 */
static void test_circ(void)
{
    uint32_t base = (uint32_t)dst, p, v;
    uint64_t d;

    clear_dst();
    /* length 16: Rx = base + 12, ++#8 -> base + 20 wraps to base + 4 */
    p = base + 12;
    __asm__ volatile("m0 = %2\n\tcs0 = %3\n\t"
                     "memw(%0++#8:circ(m0)) = %1"
                     : "+r"(p) : "r"(0x11111111), "r"(16), "r"(base)
                     : "m0", "cs0", "memory");
    tl_check_eq(dst[3], 0x11111111, "memw(Rx++#8:circ) store");
    tl_check_eq(p, base + 4, "memw(Rx++#8:circ) wraps");
    /* I form: M0 = length 16 | I = 3 (bits 23:17) -> inc 3 * 2 bytes */
    p = base + 14;
    __asm__ volatile("m0 = %2\n\tcs0 = %3\n\t"
                     "memh(%0++I:circ(m0)) = %1.h"
                     : "+r"(p) : "r"(0xabcd0000), "r"(16 | 3 << 17),
                       "r"(base) : "m0", "cs0", "memory");
    tl_check_eq(dst[3], 0xabcd1111, "memh(Rx++I:circ) = Rt.h");
    tl_check_eq(p, base + 4, "memh(Rx++I:circ) 14 + 6 - 16");
    /* pair, ++#-8 from base: wraps to base + 8 (length 16) */
    p = base;
    __asm__ volatile("m1 = %2\n\tcs1 = %3\n\t"
                     "memd(%0++#-8:circ(m1)) = %1"
                     : "+r"(p) : "r"(0x2222222233333333ull), "r"(16),
                       "r"(base) : "m1", "cs1", "memory");
    tl_check_eq(dst[0], 0x33333333, "memd(Rx++#-8:circ) low");
    tl_check_eq(dst[1], 0x22222222, "memd(Rx++#-8:circ) high");
    tl_check_eq(p, base + 8, "memd(Rx++#-8:circ) wraps back");
    /* new-value, byte: the packet's new r8 = 0x5a */
    p = base + 15;
    __asm__ volatile("m0 = %1\n\tcs0 = %2\n\t"
                     "{ r8 = #0x5a\n\t  memb(%0++#1:circ(m0)) = r8.new }"
                     : "+r"(p) : "r"(16), "r"(base)
                     : "r8", "m0", "cs0", "memory");
    tl_check_eq(dst[3] >> 24, 0x5a, "memb(Rx++#1:circ) = Nt.new");
    tl_check_eq(p, base, "memb(Rx++#1:circ) Nt.new wraps");
    /* new-value, word, I = 1 (4 bytes), from base + 4 */
    p = base + 4;
    __asm__ volatile("m1 = %1\n\tcs1 = %2\n\t"
                     "{ r8 = ##0x600d600d\n\t"
                     "  memw(%0++I:circ(m1)) = r8.new }"
                     : "+r"(p) : "r"(32 | 1 << 17), "r"(base)
                     : "r8", "m1", "cs1", "memory");
    tl_check_eq(dst[1], 0x600d600d, "memw(Rx++I:circ) = Nt.new");
    tl_check_eq(p, base + 8, "memw(Rx++I:circ) Nt.new Rx");
    /* loads: membh with ++#2:circ wraps too (length 4, at +2) */
    p = (uint32_t)src + 2;
    __asm__ volatile("m0 = %2\n\tcs0 = %3\n\t"
                     "%0 = membh(%1++#2:circ(m0))"
                     : "=r"(v), "+r"(p) : "r"(4), "r"((uint32_t)src)
                     : "m0", "cs0");
    tl_check_eq(v, 0x007fffff, "membh(Rx++#2:circ)");
    tl_check_eq(p, (uint32_t)src, "membh(Rx++#2:circ) wraps");
    /* memh_fifo with ++I:circ: I = 1 -> 2 bytes */
    d = 0;
    p = (uint32_t)src;
    __asm__ volatile("m0 = %2\n\tcs0 = %3\n\t"
                     "%0 = memh_fifo(%1++I:circ(m0))"
                     : "+r"(d), "+r"(p) : "r"(8 | 1 << 17),
                       "r"((uint32_t)src) : "m0", "cs0");
    tl_check_eq(d, 0x0281000000000000ull, "memh_fifo(Rx++I:circ)");
    tl_check_eq(p, (uint32_t)src + 2, "memh_fifo(Rx++I:circ) Rx");
}

static void test_brev(void)
{
    uint32_t base = (uint32_t)dst, p, r;

    clear_dst();
    /* EA = Rx with its low half reversed: make it dst + 8 */
    p = brev16(base + 8);
    __asm__ volatile("m0 = %2\n\tmemw(%0++m0:brev) = %1"
                     : "+r"(p) : "r"(0x12345678), "r"(0x100)
                     : "m0", "memory");
    tl_check_eq(dst[2], 0x12345678, "memw(Rx++M0:brev)");
    tl_check_eq(p, brev16(base + 8) + 0x100, "memw(Rx++M0:brev) Rx");
    p = brev16(base + 2);
    __asm__ volatile("m1 = %2\n\tmemh(%0++m1:brev) = %1"
                     : "+r"(p) : "r"(0x9999cafe), "r"(4) : "m1", "memory");
    tl_check_eq(dst[0], 0xcafebeef, "memh(Rx++M1:brev)");
    p = brev16(base + 12);
    __asm__ volatile("m0 = %1\n\t{ r8 = #-1\n\t"
                     "  memb(%0++m0:brev) = r8.new }"
                     : "+r"(p) : "r"(0) : "r8", "m0", "memory");
    tl_check_eq(dst[3], 0xdeadbeff, "memb(Rx++M0:brev) = Nt.new");
    p = brev16((uint32_t)src + 4);
    __asm__ volatile("m0 = %2\n\t%0 = memubh(%1++m0:brev)"
                     : "=r"(r), "+r"(p) : "r"(0) : "m0");
    tl_check_eq(r, 0x00500040, "memubh(Rx++M0:brev)");
}

static void test_pred_stores(void)
{
    uint32_t base = (uint32_t)dst, p;

    clear_dst();
    /* if (p0) memw(Rx++#4): true -> stored, Rx += 4 */
    p = base;
    __asm__ volatile("p0 = cmp.eq(%2,#1)\n\tif (p0) memw(%0++#4) = %1"
                     : "+r"(p) : "r"(0x01010101), "r"(1) : "p0", "memory");
    tl_check_eq(dst[0], 0x01010101, "if (p0) memw(Rx++#4) true");
    tl_check_eq(p, base + 4, "if (p0) memw(Rx++#4) Rx");
    /* false: neither the store nor the increment */
    __asm__ volatile("p0 = cmp.eq(%2,#1)\n\tif (p0) memw(%0++#4) = %1"
                     : "+r"(p) : "r"(0x02020202), "r"(0) : "p0", "memory");
    tl_check_eq(dst[1], 0xdeadbeef, "if (p0) memw(Rx++#4) false");
    tl_check_eq(p, base + 4, "if (p0) memw(Rx++#4) false: Rx");
    /* !p1.new (false): memd pair at base + 8, Rx += -8 */
    p = base + 8;
    __asm__ volatile("{ p1 = cmp.eq(%2,#0)\n\t"
                     "  if (!p1.new) memd(%0++#-8) = %1 }"
                     : "+r"(p) : "r"(0x0403020104030201ull), "r"(1)
                     : "p1", "memory");
    tl_check_eq(dst[2], 0x04030201, "if (!p1.new) memd(Rx++#-8)");
    tl_check_eq(p, base, "if (!p1.new) memd(Rx++#-8) Rx");
    /* Rt.h with post-increment */
    p = base + 12;
    __asm__ volatile("p2 = cmp.eq(%2,#5)\n\tif (p2) memh(%0++#2) = %1.h"
                     : "+r"(p) : "r"(0x7777aaaa), "r"(5) : "p2", "memory");
    /* dst[3] holds the pair's high word 0x04030201 */
    tl_check_eq(dst[3], 0x04037777, "if (p2) memh(Rx++#2) = Rt.h");
    /* new-value, .new predicate, byte */
    p = base + 16;
    __asm__ volatile("{ p0 = cmp.eq(%1,#1)\n\t  r8 = #0x44\n\t"
                     "  if (p0.new) memb(%0++#1) = r8.new }"
                     : "+r"(p) : "r"(1) : "p0", "r8", "memory");
    tl_check_eq(dst[4], 0xdeadbe44, "if (p0.new) memb(Rx++#1) = Nt.new");
    tl_check_eq(p, base + 17, "if (p0.new) memb(Rx++#1) Rx");
    /* new-value false: nothing */
    __asm__ volatile("{ p0 = cmp.eq(%1,#1)\n\t  r8 = #0x55\n\t"
                     "  if (p0.new) memb(%0++#1) = r8.new }"
                     : "+r"(p) : "r"(0) : "p0", "r8", "memory");
    tl_check_eq(dst[4], 0xdeadbe44, "if (p0.new) memb(Rx++#1) false");
    tl_check_eq(p, base + 17, "if (p0.new) memb(Rx++#1) false Rx");
    /* indexed: base + 2 << 2 = +8 */
    __asm__ volatile("p0 = cmp.eq(%2,#1)\n\t"
                     "if (p0) memw(%0+%3<<#2) = %1"
                     : : "r"(base), "r"(0x0badf00d), "r"(1), "r"(2)
                     : "p0", "memory");
    tl_check_eq(dst[2], 0x0badf00d, "if (p0) memw(Rs+Ru<<#2)");
    __asm__ volatile("p0 = cmp.eq(%2,#1)\n\t"
                     "if (!p0) memw(%0+%3<<#2) = %1"
                     : : "r"(base), "r"(0x66), "r"(1), "r"(2)
                     : "p0", "memory");
    tl_check_eq(dst[2], 0x0badf00d, "if (!p0) memw(Rs+Ru<<#2) false");
    __asm__ volatile("{ p3 = cmp.eq(%2,#7)\n\t"
                     "  if (p3.new) memd(%0+%3<<#3) = %1 }"
                     : : "r"(base), "r"(0x8877665544332211ull), "r"(7),
                         "r"(3) : "p3", "memory");
    tl_check_eq(dst[6], 0x44332211, "if (p3.new) memd(Rs+Ru<<#3) low");
    tl_check_eq(dst[7], 0x88776655, "if (p3.new) memd(Rs+Ru<<#3) high");
    /* new-value indexed, half-word: base + 10 << 1 = +20; p1 true */
    __asm__ volatile("p1 = cmp.eq(%1,#0)\n\t"
                     "{ r8 = ##0x1234beef\n\t"
                     "  if (!p1) memh(%0+%2<<#1) = r8.new }"
                     : : "r"(base), "r"(0), "r"(10) : "p1", "r8", "memory");
    tl_check_eq(dst[5], 0xdeadbeef, "if (!p1) memh(Rs+Ru<<#1) = Nt.new");
    __asm__ volatile("p1 = cmp.eq(%1,#0)\n\t"
                     "{ r8 = ##0x1234cafe\n\t"
                     "  if (!p1) memh(%0+%2<<#1) = r8.new }"
                     : : "r"(base), "r"(1), "r"(11) : "p1", "r8", "memory");
    /* p1 false: stored at base + 11 << 1 = +22 */
    tl_check_eq(dst[5], 0xcafebeef, "if (!p1) memh(Rs+Ru<<#1) Nt.new hi");
}

static void test_pred_abs_loads(void)
{
    uint32_t r = 7;
    uint64_t d = 9;

    ldst2_abs[0] = 0x80ff7f01;
    ldst2_abs[1] = 0x12345678;
    __asm__ volatile("p0 = cmp.eq(%1,#1)\n\tif (p0) %0 = memw(##ldst2_abs)"
                     : "+r"(r) : "r"(1) : "p0");
    tl_check_eq(r, 0x80ff7f01, "if (p0) Rd = memw(##abs)");
    __asm__ volatile("p0 = cmp.eq(%1,#1)\n\tif (p0) %0 = memb(##ldst2_abs+3)"
                     : "+r"(r) : "r"(0) : "p0");
    tl_check_eq(r, 0x80ff7f01, "if (p0) Rd = memb(##abs) false");
    __asm__ volatile("{ p1 = cmp.eq(%1,#1)\n\t"
                     "  if (p1.new) %0 = memb(##ldst2_abs+3) }"
                     : "+r"(r) : "r"(1) : "p1");
    tl_check_eq(r, 0xffffff80, "if (p1.new) Rd = memb(##abs)");
    __asm__ volatile("p2 = cmp.eq(%1,#1)\n\tif (!p2) %0 = memuh(##ldst2_abs+2)"
                     : "+r"(r) : "r"(0) : "p2");
    tl_check_eq(r, 0x80ff, "if (!p2) Rd = memuh(##abs)");
    __asm__ volatile("p0 = cmp.eq(%1,#1)\n\tif (p0) %0 = memd(##ldst2_abs)"
                     : "+r"(d) : "r"(1) : "p0");
    tl_check_eq(d, 0x1234567880ff7f01ull, "if (p0) Rdd = memd(##abs)");
}

static void test_acq_rel(void)
{
#if __HEXAGON_ARCH__ >= 68
    uint32_t r;
    uint64_t d;

    clear_dst();
    dst[0] = 0x13572468;
    dst[2] = 0xaaaa5555;
    dst[3] = 0x5555aaaa;
    __asm__ volatile("%0 = memw_aq(%1)" : "=r"(r) : "r"(&dst[0]) : "memory");
    tl_check_eq(r, 0x13572468, "memw_aq");
    __asm__ volatile("%0 = memd_aq(%1)" : "=r"(d) : "r"(&dst[2]) : "memory");
    tl_check_eq(d, 0x5555aaaaaaaa5555ull, "memd_aq");
    __asm__ volatile("memw_rl(%0):at = %1" : : "r"(&dst[4]), "r"(0x11)
                     : "memory");
    __asm__ volatile("memw_rl(%0):st = %1" : : "r"(&dst[5]), "r"(0x22)
                     : "memory");
    __asm__ volatile("memd_rl(%0):at = %1" : : "r"(&dst[6]),
                     "r"(0x4400000033ull) : "memory");
    __asm__ volatile("memd_rl(%0):st = %1" : : "r"(&dst[8]),
                     "r"(0x6600000055ull) : "memory");
    __asm__ volatile("release(%0):at\n\trelease(%0):st" : : "r"(&dst[0])
                     : "memory");
    tl_check_eq(dst[4], 0x11, "memw_rl:at");
    tl_check_eq(dst[5], 0x22, "memw_rl:st");
    tl_check_eq(dst[6] | (uint64_t)dst[7] << 32, 0x4400000033ull,
                "memd_rl:at");
    tl_check_eq(dst[8] | (uint64_t)dst[9] << 32, 0x6600000055ull,
                "memd_rl:st");
#endif
}

static void test_cache(void)
{
    uint32_t base = (uint32_t)dst;

    for (int i = 0; i < 16; i++) {
        dst[i] = 0x01010101 * (i + 1);
    }
    /* the hints and maintenance operations change no data */
    __asm__ volatile("dcfetch(%0+#8)\n\tl2fetch(%0,%1)\n\t"
                     "l2fetch(%0,%2)\n\tdccleana(%0)\n\tdcinva(%0)\n\t"
                     "dccleaninva(%0)\n\tpause(#3)"
                     : : "r"(base), "r"(0x10001), "r"(0x100000001ull)
                     : "memory");
    tl_check_eq(dst[0], 0x01010101, "cache hints keep data");
    tl_check_eq(dst[15], 0x10101010, "cache hints keep data (end)");
    /* dczeroa(dst + 40): the line dst+32..+63 is zeroed, not the first */
    __asm__ volatile("dczeroa(%0)" : : "r"(base + 40) : "memory");
    tl_check_eq(dst[7], 0x08080808, "dczeroa keeps the previous line");
    tl_check_eq(dst[8], 0, "dczeroa line start");
    tl_check_eq(dst[15], 0, "dczeroa line end");
}

int main(void)
{
    fill_src();
    test_unpack();
    test_fifo();
    test_circ();
    test_brev();
    test_pred_stores();
    test_pred_abs_loads();
    test_acq_rel();
    test_cache();
    return tl_done();
}
