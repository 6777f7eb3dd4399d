/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * xtype-perm.c: the instructions of hex-perm3.isa (XTYPE/PERM, ALU, BIT
 * and PRED leftovers): vtrunewh/vtrunowh and the pair forms of
 * vtrunehb/vtrunohb, valignb/vspliceb by a predicate, vxaddsubh/
 * vxsubaddh (:sat and :rnd:>>1:sat), vxaddsubw/vxsubaddw, vaddhub,
 * vrmax/vrmin with index, vcnegh, vrcnegh, vmux, boundscheck, tlbmatch,
 * !any8(vcmpb.eq), vminub with a predicate, vacsh and
 * tableidx[bhwd]:raw.
 * Expected values are derived by hand from the Hexagon V68 PRM
 * pseudocode (comments give the lanes).  User-level only: also built
 * for qemu-hexagon (Linux ABI) and compared with it.
 */
#include "xtype2.h"

/* Pair source values used by several checks (bytes 0..7 low to high) */
#define S8 0x8877665544332211ull
#define T8 0xffeeddccbbaa9988ull

/* One instruction with a predicate source p0 = @p: %1 Rss, %2 Rtt. */
#define X_PU(insn, a, b, p) ({                                               \
    uint64_t r_;                                                             \
    __asm__ volatile("p0 = %3\n\t" insn                                      \
                     : "=r"(r_) : "r"(a), "r"(b), "r"(p) : "p0");            \
    r_; })
/* Read-modify-write with one source: %0 is Rx, %1 the source. */
#define X_ACC1(R, insn, acc, a) ({                                           \
    R r_ = (acc);                                                            \
    __asm__ volatile(insn : "+r"(r_) : "r"(a));                              \
    r_; })

static void test_trunc(void)
{
    /* vtrunewh: h0 = Rtt.h0, h1 = Rtt.h2, h2 = Rss.h0, h3 = Rss.h2 */
    tl_check_eq(X_RR(uint64_t, "%0 = vtrunewh(%1,%2)", 0x4444333322221111ull,
                     0x8888777766665555ull), 0x3333111177775555ull,
                "vtrunewh");
    /* vtrunowh: the odd halfwords: Rtt.h1, Rtt.h3, Rss.h1, Rss.h3 */
    tl_check_eq(X_RR(uint64_t, "%0 = vtrunowh(%1,%2)", 0x4444333322221111ull,
                     0x8888777766665555ull), 0x4444222288886666ull,
                "vtrunowh");
    /* vtrunehb pair: even bytes of Rtt (88 aa cc ee), then of Rss
       (11 33 55 77) */
    tl_check_eq(X_RR(uint64_t, "%0 = vtrunehb(%1,%2)", S8, T8),
                0x77553311eeccaa88ull, "vtrunehb pair");
    /* vtrunohb pair: odd bytes: 99 bb dd ff, then 22 44 66 88 */
    tl_check_eq(X_RR(uint64_t, "%0 = vtrunohb(%1,%2)", S8, T8),
                0x88664422ffddbb99ull, "vtrunohb pair");
}

static void test_align(void)
{
    /* valignb(Rtt,Rss,Pu), Pu[2:0] = 3: Rss >> 24 | Rtt << 40; Pu = 0x0b
       has the same low bits */
    tl_check_eq(X_PU("%0 = valignb(%2,%1,p0)", S8, T8, 3),
                0xaa99888877665544ull, "valignb p");
    tl_check_eq(X_PU("%0 = valignb(%2,%1,p0)", S8, T8, 0x0b),
                0xaa99888877665544ull, "valignb p low bits");
    /* Pu[2:0] = 0: Rss */
    tl_check_eq(X_PU("%0 = valignb(%2,%1,p0)", S8, T8, 8), S8,
                "valignb p 0");
    /* vspliceb(Rss,Rtt,Pu), Pu = 2: Rtt << 16 | the low 2 bytes of Rss */
    tl_check_eq(X_PU("%0 = vspliceb(%1,%2,p0)", S8, T8, 2),
                0xddccbbaa99882211ull, "vspliceb p");
    /* vmux: byte i from Rss when Pu bit i, else from Rtt; 0xa5 picks
       bytes 0, 2, 5, 7 from Rss */
    tl_check_eq(X_PU("%0 = vmux(p0,%1,%2)", S8, T8, 0xa5),
                0x88ee66ccbb339911ull, "vmux");
    tl_check_eq(X_PU("%0 = vmux(p0,%1,%2)", S8, T8, 0x0f),
                0xffeeddcc44332211ull, "vmux low");
}

/* Rss halfwords 100, 200, 0x7000, -0x7000; Rtt 10, 20, 0x2000, 0x3000 */
#define SH 0x9000700000c80064ull
#define TH 0x300020000014000aull

static void test_cross(void)
{
    /* vxaddsubh: h0 = 100 + 20, h1 = 200 - 10, h2 = 0x7000 + 0x3000
       saturates to 0x7fff, h3 = -0x7000 - 0x2000 to -0x8000 */
    x_clear_ovf();
    tl_check_eq(X_RR(uint64_t, "%0 = vxaddsubh(%1,%2):sat", SH, TH),
                0x80007fff00be0078ull, "vxaddsubh");
    tl_check_eq(x_ovf(), 1, "vxaddsubh sets OVF");
    /* vxsubaddh: 100 - 20, 200 + 10, 0x7000 - 0x3000, -0x7000 + 0x2000 */
    x_clear_ovf();
    tl_check_eq(X_RR(uint64_t, "%0 = vxsubaddh(%1,%2):sat", SH, TH),
                0xb000400000d20050ull, "vxsubaddh");
    tl_check_eq(x_ovf(), 0, "vxsubaddh no OVF");
    /* :rnd:>>1: (120+1)>>1 = 60, (190+1)>>1 = 95, (0xa000+1)>>1 = 0x5000,
       (-0x9000+1)>>1 = -0x4800 */
    tl_check_eq(X_RR(uint64_t, "%0 = vxaddsubh(%1,%2):rnd:>>1:sat", SH, TH),
                0xb8005000005f003cull, "vxaddsubh rnd");
    /* (80+1)>>1 = 40, (210+1)>>1 = 105, 0x2000, (-0x5000+1)>>1 = -0x2800 */
    tl_check_eq(X_RR(uint64_t, "%0 = vxsubaddh(%1,%2):rnd:>>1:sat", SH, TH),
                0xd800200000690028ull, "vxsubaddh rnd");
    /* words: Rss = (0x7fffffff, 5), Rtt = (1, 3) (w1, w0) */
    x_clear_ovf();
    tl_check_eq(X_RR(uint64_t, "%0 = vxaddsubw(%1,%2):sat",
                     0x7fffffff00000005ull, 0x0000000100000003ull),
                0x7ffffffc00000006ull, "vxaddsubw");
    tl_check_eq(x_ovf(), 0, "vxaddsubw no OVF");
    /* w0 = 5 - 1, w1 = 0x7fffffff + 3 saturates */
    tl_check_eq(X_RR(uint64_t, "%0 = vxsubaddw(%1,%2):sat",
                     0x7fffffff00000005ull, 0x0000000100000003ull),
                0x7fffffff00000004ull, "vxsubaddw");
    tl_check_eq(x_ovf(), 1, "vxsubaddw sets OVF");
    /* vaddhub: 100+50 = 0x96, 200+100 = 300 -> 0xff, -5+2 -> 0,
       255+1 -> 0xff */
    x_clear_ovf();
    tl_check_eq(X_RR(uint32_t, "%0 = vaddhub(%1,%2):sat",
                     0x00fffffb00c80064ull, 0x0001000200640032ull),
                0xff00ff96, "vaddhub");
    tl_check_eq(x_ovf(), 1, "vaddhub sets OVF");
}

/* Rss halfwords 3, 7, -1, 7 */
#define SR 0x0007ffff00070003ull

static void test_reduce(void)
{
    /* Rxx = (addr 0x1000, max 5); lane 1 (7) beats 5: addr = Ru | 1 << 1;
       lane 3 (7) does not beat 7 */
    tl_check_eq(X_ACC(uint64_t, "%0 = vrmaxh(%1,%2)", 0x0000100000000005ull,
                      SR, 0x2000), 0x0000200200000007ull, "vrmaxh");
    /* unsigned: lane 2 (0xffff) wins: addr = Ru | 2 << 1 */
    tl_check_eq(X_ACC(uint64_t, "%0 = vrmaxuh(%1,%2)", 0x0000100000000005ull,
                      SR, 0x2000), 0x000020040000ffffull, "vrmaxuh");
    /* min: lane 0 (3), then lane 2 (-1): addr = Ru | 4, w0 = -1 */
    tl_check_eq(X_ACC(uint64_t, "%0 = vrminh(%1,%2)", 0x0000100000000005ull,
                      SR, 0x2000), 0x00002004ffffffffull, "vrminh");
    /* unsigned min: lane 0 (3) only */
    tl_check_eq(X_ACC(uint64_t, "%0 = vrminuh(%1,%2)", 0x0000100000000005ull,
                      SR, 0x2000), 0x0000200000000003ull, "vrminuh");
    /* words (20, 15) against 10: lane 0 wins, addr = Ru | 0 << 2 */
    tl_check_eq(X_ACC(uint64_t, "%0 = vrmaxw(%1,%2)", 0x000010000000000aull,
                      0x0000000f00000014ull, 0x3000),
                0x0000300000000014ull, "vrmaxw");
    /* unsigned words (0xffffffff, 4) min against 10: lane 1, Ru | 1 << 2 */
    tl_check_eq(X_ACC(uint64_t, "%0 = vrminuw(%1,%2)", 0x000010000000000aull,
                      0x00000004ffffffffull, 0x3000),
                0x0000300400000004ull, "vrminuw");
    /* signed words: -1 is the max of (-1, -2) against -5 */
    tl_check_eq(X_ACC(uint64_t, "%0 = vrmaxw(%1,%2)", 0x00001000fffffffbull,
                      0xfffffffeffffffffull, 0x3000),
                0x00003000ffffffffull, "vrmaxw negative");
    tl_check_eq(X_ACC(uint64_t, "%0 = vrmaxuw(%1,%2)", 0x00001000fffffffbull,
                      0xfffffffeffffffffull, 0x3000),
                0x00003000ffffffffull, "vrmaxuw");
    tl_check_eq(X_ACC(uint64_t, "%0 = vrminw(%1,%2)", 0x00001000fffffffbull,
                      0xfffffffeffffffffull, 0x3000),
                0x00001000fffffffbull, "vrminw keeps");
}

static void test_neg(void)
{
    /* vcnegh by Rt = 0b0111: 5 -> -5, -6 -> 6, -0x8000 -> 0x7fff (sat),
       7 stays */
    x_clear_ovf();
    tl_check_eq(X_RR(uint64_t, "%0 = vcnegh(%1,%2)", 0x00078000fffa0005ull,
                     0x7), 0x00077fff0006fffbull, "vcnegh");
    tl_check_eq(x_ovf(), 1, "vcnegh sets OVF");
    /* vrcnegh, Rt = 0b0101: 100 - 5 + (-6) - 10 + 7 = 86 */
    tl_check_eq(X_ACC(uint64_t, "%0 += vrcnegh(%1,%2)", 100,
                      0x0007000afffa0005ull, 0x5), 86, "vrcnegh");
}

static void test_pred(void)
{
    /* boundscheck: Rtt = [0x100, 0x200); lo checks Rss.w0, hi Rss.w1 */
    tl_check_eq(X_PRED("p0 = boundscheck(%1,%2):raw:lo",
                       0x0000000500000150ull, 0x0000020000000100ull), 0xff,
                "boundscheck lo in");
    tl_check_eq(X_PRED("p0 = boundscheck(%1,%2):raw:hi",
                       0x0000000500000150ull, 0x0000020000000100ull), 0,
                "boundscheck hi below");
    tl_check_eq(X_PRED("p0 = boundscheck(%1,%2):raw:lo",
                       0x0000000000000200ull, 0x0000020000000100ull), 0,
                "boundscheck upper exclusive");
    tl_check_eq(X_PRED("p0 = boundscheck(%1,%2):raw:hi",
                       0x0000010000000000ull, 0x0000020000000100ull), 0xff,
                "boundscheck lower inclusive");
    /* tlbmatch: valid entry (bit 31) with VPN/ASID bits 0x0012345; page
       size from the trailing zeros of the low word (0: 4K, 2: 64K) */
    tl_check_eq(X_PRED("p0 = tlbmatch(%1,%2)", 0x8001234500000001ull,
                       0x00012345), 0xff, "tlbmatch 4K");
    tl_check_eq(X_PRED("p0 = tlbmatch(%1,%2)", 0x8001234500000001ull,
                       0x00012346), 0, "tlbmatch 4K miss");
    tl_check_eq(X_PRED("p0 = tlbmatch(%1,%2)", 0x8001234500000004ull,
                       0x0001234a), 0xff, "tlbmatch 64K");
    tl_check_eq(X_PRED("p0 = tlbmatch(%1,%2)", 0x0001234500000001ull,
                       0x00012345), 0, "tlbmatch invalid");
    /* !any8(vcmpb.eq): no equal byte -> true; byte 3 equal -> false */
    tl_check_eq(X_PRED("p0 = !any8(vcmpb.eq(%1,%2))", S8, T8), 0xff,
                "!any8 none");
    tl_check_eq(X_PRED("p0 = !any8(vcmpb.eq(%1,%2))", S8,
                       0xffeeddcc44aa9988ull), 0, "!any8 one");
}

static void test_vminub(void)
{
    uint64_t d;
    uint32_t p;

    /* Rdd,Pe = vminub(Rtt,Rss): Rtt bytes 8 7 6 5 4 3 2 1, Rss 4 5 3 6
       2 7 1 8 (byte 0 first): minima 4 5 3 5 2 3 1 1; Pe bit i when
       Rtt's byte is larger: bytes 0 1 2 4 6 */
    __asm__ volatile("%0,p1 = vminub(%2,%3)\n\t%1 = p1"
                     : "=r"(d), "=r"(p)
                     : "r"(0x0102030405060708ull),
                       "r"(0x0801070206030504ull) : "p1");
    tl_check_eq(d, 0x0101030205030504ull, "vminub p");
    tl_check_eq(p, 0x57, "vminub pe");
}

static void test_vacsh(void)
{
    uint64_t x = 0xfffb7ff00014000aull;     /* -5, 0x7ff0, 20, 10 */
    uint32_t p, o;

    /* Rxx,Pe = vacsh(Rss,Rtt), Rss = -0x7ff0, 0, 5, 30; Rtt = 0x20, 0x20,
       5, 5 (h3..h0).  a = Rxx + Rtt, b = Rss - Rtt per lane:
       h0: a 15, b 25 -> 25, Pe bits 1:0 clear; h1: a 25, b 0 -> 25;
       h2: a 0x8010, b -0x20 -> 0x7fff saturated; h3: a 27, b -0x8010 ->
       27; Pe bits 7:2 set */
    x_clear_ovf();
    __asm__ volatile("%0,p1 = vacsh(%2,%3)\n\t%1 = p1"
                     : "+r"(x), "=r"(p)
                     : "r"(0x801000000005001eull),
                       "r"(0x0020002000050005ull) : "p1");
    o = x_ovf();
    tl_check_eq(x, 0x001b7fff00190019ull, "vacsh");
    tl_check_eq(p, 0xfc, "vacsh pe");
    tl_check_eq(o, 1, "vacsh sets OVF");
}

static void test_tableidx(void)
{
    /* field of #4 bits at offset #8 (+0/1/2/3 for b/h/w/d) of 0xa00,
       inserted at bit 0/1/2/3 of Rx = ~0 */
    tl_check_eq(X_ACC1(uint32_t, "%0 = tableidxb(%1,#4,#8):raw",
                       0xffffffff, 0xa00), 0xfffffffa, "tableidxb");
    tl_check_eq(X_ACC1(uint32_t, "%0 = tableidxh(%1,#4,#8):raw",
                       0xffffffff, 0xa00), 0xffffffeb, "tableidxh");
    tl_check_eq(X_ACC1(uint32_t, "%0 = tableidxw(%1,#4,#8):raw",
                       0xffffffff, 0xa00), 0xffffffcb, "tableidxw");
    tl_check_eq(X_ACC1(uint32_t, "%0 = tableidxd(%1,#4,#8):raw",
                       0xffffffff, 0xa00), 0xffffff8f, "tableidxd");
    /* offset -4 + 2 = -2: Rs << 2 = 0x14, 6 bits at bit 2 of 0 */
    tl_check_eq(X_ACC1(uint32_t, "%0 = tableidxw(%1,#6,#-4):raw", 0, 5),
                0x50, "tableidxw negative offset");
}

int main(void)
{
    test_trunc();
    test_align();
    test_cross();
    test_reduce();
    test_neg();
    test_pred();
    test_vminub();
    test_vacsh();
    test_tableidx();
    return tl_done();
}
