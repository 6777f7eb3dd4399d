/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * packet.c: Hexagon packet semantics, written as inline-asm packets with
 * every expected value derived by hand from the Hexagon V68 Programmer's
 * Reference Manual (PRM), chapters "Instruction packets" (all reads of a
 * packet happen before its writes; .new forwarding; multiple compares to
 * one predicate are ANDed), "Hardware loops" (loop0/loop1, LC/SA,
 * endloop bits in the parse field) and "Instruction encoding" (constant
 * extenders, duplexes).  Where a packet only means something in one
 * encoding (duplex, immext), the test also reads the instruction word
 * back and checks the encoding the assembler produced: parse bits
 * [15:14] = 00 for a duplex, ICLASS [31:28] = 0 for immext.
 *
 * Note: LLVM refuses a branch in the last packet of a hardware loop
 * ("Branches cannot be in a packet with hardware loops"), so the
 * "endloop with a conditional branch" cases put the branch in an earlier
 * packet of the body: an early exit, and a forward branch onto the
 * endloop packet.
 */
#include "testlib.h"

/* Targets of the constant-extended absolute accesses below. */
volatile uint32_t packet_ext_word;
volatile uint32_t packet_ext_array[4] = { 0x0a0a0a0a, 0x0b0b0b0b, 0, 0 };

static uint32_t word_at(uint32_t addr)
{
    return *(volatile uint32_t *)(uintptr_t)addr;
}

static bool is_duplex(uint32_t word)
{
    return ((word >> 14) & 3) == 0;
}

/* ---- reads before writes --------------------------------------------- */

static void test_swap(void)
{
    uint32_t a, b, c, d, e, f;

    /* Not a duplex: r8/r9 cannot be encoded in sub-instructions. */
    __asm__ volatile("r8 = #0x11\n\t"
                     "r9 = #0x22\n\t"
                     "{ r8 = r9; r9 = r8 }\n\t"
                     "%0 = r8\n\t"
                     "%1 = r9"
                     : "=r"(a), "=r"(b) : : "r8", "r9");
    tl_check_eq(a, 0x22, "swap: r8 gets old r9");
    tl_check_eq(b, 0x11, "swap: r9 gets old r8");

    /* Rotate of three: each reads the value from before the packet. */
    __asm__ volatile("r10 = #1\n\t"
                     "r11 = #2\n\t"
                     "r12 = #3\n\t"
                     "{ r10 = r11; r11 = r12; r12 = r10 }\n\t"
                     "%0 = r10\n\t"
                     "%1 = r11\n\t"
                     "%2 = r12"
                     : "=r"(c), "=r"(d), "=r"(e) : : "r10", "r11", "r12");
    tl_check_eq(c, 2, "rotate: r10 = old r11");
    tl_check_eq(d, 3, "rotate: r11 = old r12");
    tl_check_eq(e, 1, "rotate: r12 = old r10");

    /* A chain without .new reads the old value: r9 = 5 + 1, not 7 + 1. */
    __asm__ volatile("r8 = #5\n\t"
                     "{ r8 = add(r8, #2); r9 = add(r8, #1) }\n\t"
                     "%0 = r8\n\t"
                     "%1 = r9"
                     : "=r"(e), "=r"(f) : : "r8", "r9");
    tl_check_eq(e, 7, "chain: r8 = 5 + 2");
    tl_check_eq(f, 6, "chain: r9 = old r8 + 1");

    /* Predicates too: r0 = p0 sees p0 from before the compare (0). */
    __asm__ volatile("r8 = #1\n\t"
                     "p0 = cmp.eq(r8, #2)\n\t"
                     "{ p0 = cmp.eq(r8, #1); %0 = p0 }\n\t"
                     "%1 = p0"
                     : "=r"(a), "=r"(b) : : "r8", "p0");
    tl_check_eq(a, 0x00, "predicate read in the packet = old p0");
    tl_check_eq(b, 0xff, "predicate after the packet = new p0");
}

/* ---- .new forwarding ----------------------------------------------- */

static uint32_t new_pred_select(uint32_t in)
{
    uint32_t out;

    __asm__ volatile("{ p0 = cmp.eq(%1, #3)\n\t"
                     "  if (p0.new) %0 = #7\n\t"
                     "  if (!p0.new) %0 = #9 }"
                     : "=&r"(out) : "r"(in) : "p0");
    return out;
}

/* r8 = in + 1; skip the marker when r8.new == 5 (new-value jump). */
static uint32_t new_value_jump(uint32_t in, uint32_t *sum)
{
    uint32_t marker, r8;

    __asm__ volatile("%0 = #0\n\t"
                     "r8 = %2\n\t"
                     "{ r8 = add(r8, #1)\n\t"
                     "  if (cmp.eq(r8.new, #5)) jump:t 1f }\n\t"
                     "%0 = #1\n\t"
                     "1:\n\t"
                     "%1 = r8"
                     : "=&r"(marker), "=r"(r8) : "r"(in) : "r8");
    *sum = r8;
    return marker;
}

static void test_new(void)
{
    volatile uint32_t slot = 0;
    uint32_t out, sum;

    /* New-value store: the store gets 10 + 5 computed in the same packet. */
    __asm__ volatile("r8 = #10\n\t"
                     "{ r9 = add(r8, #5); memw(%1 + #0) = r9.new }\n\t"
                     "%0 = r9"
                     : "=r"(out) : "r"(&slot) : "r8", "r9", "memory");
    tl_check_eq(slot, 15, "new-value store");
    tl_check_eq(out, 15, "new-value store: register written too");

    tl_check_eq(new_pred_select(3), 7, ".new predicate true");
    tl_check_eq(new_pred_select(4), 9, ".new predicate false");

    /* 4 + 1 == 5: jump taken, marker stays 0; 5 + 1 = 6: falls through. */
    tl_check_eq(new_value_jump(4, &sum), 0, "new-value jump taken");
    tl_check_eq(sum, 5, "new-value jump: r8 = 4 + 1");
    tl_check_eq(new_value_jump(5, &sum), 1, "new-value jump not taken");
    tl_check_eq(sum, 6, "new-value jump: r8 = 5 + 1");

    /* .new predicate jump: 11 > 10, so the marker write is skipped. */
    __asm__ volatile("%0 = #0\n\t"
                     "r8 = #11\n\t"
                     "{ p0 = cmp.gt(r8, #10); if (p0.new) jump:nt 1f }\n\t"
                     "%0 = #1\n\t"
                     "1:"
                     : "=&r"(out) : : "r8", "p0");
    tl_check_eq(out, 0, ".new predicate jump taken");
}

/* ---- predicate AND of two compares ---------------------------------- */

/* p0 = (a > 3) AND (b <= 9): two compares to p0 in one packet. */
static uint32_t pred_and(uint32_t a, uint32_t b)
{
    uint32_t out;

    __asm__ volatile("{ p0 = cmp.gt(%1, #3); p0 = !cmp.gt(%2, #9) }\n\t"
                     "%0 = p0"
                     : "=r"(out) : "r"(a), "r"(b) : "p0");
    return out;
}

static void test_pred_and(void)
{
    tl_check_eq(pred_and(5, 7), 0xff, "pred AND: 5>3 and 7<=9");
    tl_check_eq(pred_and(5, 12), 0, "pred AND: 12<=9 false");
    tl_check_eq(pred_and(2, 7), 0, "pred AND: 2>3 false");
    tl_check_eq(pred_and(2, 12), 0, "pred AND: both false");
}

/* ---- hardware loops --------------------------------------------------- */

static void test_loops(void)
{
    uint32_t acc, i, inner, outer, lc;

    /* 10 trips of acc += 3: 30. */
    __asm__ volatile("%0 = #0\n\t"
                     "loop0(1f, #10)\n\t"
                     "1: { %0 = add(%0, #3) }:endloop0"
                     : "=&r"(acc) : : "lc0", "sa0", "usr");
    tl_check_eq(acc, 30, "loop0 #10: 10 * 3");

    /* Register count 7, acc += i; i++ (old i read): 1+2+...+7 = 28. */
    __asm__ volatile("%0 = #0\n\t"
                     "%1 = #1\n\t"
                     "loop0(1f, %2)\n\t"
                     "1: { %0 = add(%0, %1); %1 = add(%1, #1) }:endloop0"
                     : "=&r"(acc), "=&r"(i) : "r"(7) : "lc0", "sa0", "usr");
    tl_check_eq(acc, 28, "loop0 reg count: sum 1..7");
    tl_check_eq(i, 8, "loop0 reg count: i ends at 8");

    /* Three-packet body, 5 trips: acc += 1, += 2, += 4 each: 5 * 7 = 35. */
    __asm__ volatile("%0 = #0\n\t"
                     "loop0(1f, #5)\n\t"
                     "1: { %0 = add(%0, #1) }\n\t"
                     "{ %0 = add(%0, #2) }\n\t"
                     "{ %0 = add(%0, #4) }:endloop0"
                     : "=&r"(acc) : : "lc0", "sa0", "usr");
    tl_check_eq(acc, 35, "loop0 three-packet body");

    /* loop1 (4 trips) around loop0 (5 trips): 20 inner, 4 outer. */
    __asm__ volatile("%0 = #0\n\t"
                     "%1 = #0\n\t"
                     "loop1(1f, #4)\n\t"
                     "1: { loop0(2f, #5) }\n\t"
                     "2: { %0 = add(%0, #1) }:endloop0\n\t"
                     "{ %1 = add(%1, #1) }:endloop1"
                     : "=&r"(inner), "=&r"(outer) : :
                       "lc0", "sa0", "lc1", "sa1", "usr");
    tl_check_eq(inner, 20, "nested: inner body 4 * 5 times");
    tl_check_eq(outer, 4, "nested: outer body 4 times");

    /*
     * Early exit: 10 trips planned, the branch leaves during trip 4
     * (acc == 4) before its endloop packet, so LC0 was decremented three
     * times: 10 - 3 = 7.
     */
    __asm__ volatile("%0 = #0\n\t"
                     "loop0(1f, #10)\n\t"
                     "1: { %0 = add(%0, #1) }\n\t"
                     "{ p0 = cmp.eq(%0, #4); if (p0.new) jump:nt 2f }\n\t"
                     "{ nop }:endloop0\n\t"
                     "2: %1 = lc0"
                     : "=&r"(acc), "=r"(lc) : : "lc0", "sa0", "usr", "p0");
    tl_check_eq(acc, 4, "early exit at trip 4");
    tl_check_eq(lc, 7, "early exit: LC0 = 10 - 3");

    /*
     * Forward branch onto the endloop packet: 6 trips with i = 0..5;
     * odd i skip acc += 10 (3 of them run: 30); the endloop packet runs
     * every trip (count 6) and still loops back.
     */
    __asm__ volatile("%0 = #0\n\t"
                     "%1 = #0\n\t"
                     "%2 = #0\n\t"
                     "loop0(1f, #6)\n\t"
                     "1: { p0 = tstbit(%1, #0); %1 = add(%1, #1) }\n\t"
                     "{ if (p0) jump 2f }\n\t"
                     "{ %0 = add(%0, #10) }\n\t"
                     "2: { %2 = add(%2, #1) }:endloop0"
                     : "=&r"(acc), "=&r"(i), "=&r"(lc) : :
                       "lc0", "sa0", "usr", "p0");
    tl_check_eq(acc, 30, "branch to endloop: 3 even trips * 10");
    tl_check_eq(i, 6, "branch to endloop: 6 trips");
    tl_check_eq(lc, 6, "branch to endloop: endloop packet ran 6 times");
}

/* ---- constant extenders ------------------------------------------------- */

static void test_extenders(void)
{
    uint32_t v, w, addr;

    __asm__ volatile("%1 = ##1f\n\t"
                     "1: { %0 = ##0x12345678 }"
                     : "=r"(v), "=&r"(addr));
    tl_check_eq(v, 0x12345678, "extended transfer");
    tl_check_eq(word_at(addr) >> 28, 0, "transfer packet starts with immext");

    __asm__ volatile("{ %0 = add(%1, ##0x12345678) }"
                     : "=r"(v) : "r"(0x11111111));
    tl_check_eq(v, 0x23456789, "extended add: 0x11111111 + 0x12345678");

    /* Absolute addressing with a 32-bit extended address. */
    __asm__ volatile("{ memw(##packet_ext_word) = %1 }\n\t"
                     "{ %0 = memw(##packet_ext_array + 4) }"
                     : "=r"(v) : "r"(0xcafef00d) : "memory");
    tl_check_eq(packet_ext_word, 0xcafef00d, "extended absolute store");
    tl_check_eq(v, 0x0b0b0b0b, "extended absolute load");

    /* Extended offset: base - 0x10000 + ##0x10000 = base. */
    __asm__ volatile("{ %0 = memw(%1 + ##0x10000) }"
                     : "=r"(v)
                     : "r"((uint32_t)(uintptr_t)packet_ext_array - 0x10000)
                     : "memory");
    tl_check_eq(v, 0x0a0a0a0a, "extended base+offset load");

    /* Extended compare immediate, true and false. */
    __asm__ volatile("{ p0 = cmp.eq(%2, ##0x7fff0000) }\n\t"
                     "%0 = p0\n\t"
                     "{ p0 = cmp.eq(%3, ##0x7fff0000) }\n\t"
                     "%1 = p0"
                     : "=&r"(v), "=&r"(w) : "r"(0x7fff0000), "r"(0x7fff0001)
                     : "p0");
    tl_check_eq(v, 0xff, "extended compare equal");
    tl_check_eq(w, 0, "extended compare not equal");
}

/* ---- duplexes ------------------------------------------------------------ */

static void test_duplexes(void)
{
    uint32_t a, b, addr, addr2;
    volatile uint32_t mem[2] = { 0x5555aaaa, 0x600dcafe };

    /* Two sub-instruction transfers: one 32-bit duplex word. */
    __asm__ volatile("%2 = ##1f\n\t"
                     "1: { r0 = #1; r1 = #2 }\n\t"
                     "%0 = r0\n\t"
                     "%1 = r1"
                     : "=r"(a), "=r"(b), "=&r"(addr) : : "r0", "r1");
    tl_check_eq(a, 1, "duplex seti: r0");
    tl_check_eq(b, 2, "duplex seti: r1");
    tl_check(is_duplex(word_at(addr)), "assembler made a duplex (seti)");

    /* Duplex swap through sub-instruction transfers (r0/r1 encodable). */
    __asm__ volatile("r0 = #0x31\n\t"
                     "r1 = #0x42\n\t"
                     "%2 = ##1f\n\t"
                     "1: { r0 = r1; r1 = r0 }\n\t"
                     "%0 = r0\n\t"
                     "%1 = r1"
                     : "=r"(a), "=r"(b), "=&r"(addr) : : "r0", "r1");
    tl_check_eq(a, 0x42, "duplex swap: r0 = old r1");
    tl_check_eq(b, 0x31, "duplex swap: r1 = old r0");
    tl_check(is_duplex(word_at(addr)), "assembler made a duplex (swap)");

    /* Load + set duplex, then a store-pair duplex. */
    __asm__ volatile("r1 = %3\n\t"
                     "r2 = #7\n\t"
                     "%2 = ##1f\n\t"
                     "1: { r0 = memw(r1 + #4); r2 = #0 }\n\t"
                     "%0 = r0\n\t"
                     "%1 = r2"
                     : "=r"(a), "=r"(b), "=&r"(addr) : "r"(mem)
                     : "r0", "r1", "r2", "memory");
    tl_check_eq(a, 0x600dcafe, "duplex load word");
    tl_check_eq(b, 0, "duplex seti alongside the load");
    tl_check(is_duplex(word_at(addr)), "assembler made a duplex (load)");

    __asm__ volatile("r1 = %1\n\t"
                     "r2 = #0x12\n\t"
                     "r3 = #0x34\n\t"
                     "%0 = ##1f\n\t"
                     "1: { memw(r1 + #0) = r2; memw(r1 + #4) = r3 }"
                     : "=&r"(addr) : "r"(mem) : "r1", "r2", "r3", "memory");
    tl_check_eq(mem[0], 0x12, "duplex store word 0");
    tl_check_eq(mem[1], 0x34, "duplex store word 4");
    tl_check(is_duplex(word_at(addr)), "assembler made a duplex (stores)");

    /* A normal instruction followed by a duplex in one packet. */
    __asm__ volatile("r5 = #1000\n\t"
                     "%2 = ##1f\n\t"
                     "1: { r5 = add(r5, #100); r0 = #3; r1 = #4 }\n\t"
                     "%0 = r5\n\t"
                     "%1 = add(r0, r1)"
                     : "=r"(a), "=r"(b), "=&r"(addr) : : "r0", "r1", "r5");
    tl_check_eq(a, 1100, "normal insn + duplex: r5");
    tl_check_eq(b, 7, "normal insn + duplex: r0 + r1");
    addr2 = addr + 4;
    tl_check(!is_duplex(word_at(addr)) && is_duplex(word_at(addr2)),
             "assembler made word 0 normal, word 1 a duplex");
}

/* ---- memory instructions in slot order ------------------------------ */

/*
 * A store in slot 1 (the earlier word) happens before a load in slot 0:
 * the load returns the stored value (clang packs this for volatile
 * locals).  `:mem_noshuf` keeps the assembler from swapping the two
 * (without it, it may put the load in slot 1, and the load then reads
 * the old value).  A predicated load that does not run leaves the store
 * to the packet's end, which still does it once.
 */
static void test_store_load(void)
{
    volatile uint32_t cell[2] = { 0x1111, 0x2222 };
    uint32_t got, skipped = 0x77;

    __asm__ volatile("r2 = #0x5a5a\n\t"
                     "{ memw(%1+#0) = r2; %0 = memw(%1+#0) }:mem_noshuf"
                     : "=&r"(got) : "r"(cell) : "r2", "memory");
    tl_check_eq(got, 0x5a5a, "load after store in one packet sees it");
    tl_check_eq(cell[0], 0x5a5a, "store in a packet with a load");
    __asm__ volatile("r2 = #0x3c3c\n\t"
                     "p0 = cmp.eq(r2, #0)\n\t"
                     "{ memw(%1+#4) = r2; if (p0) %0 = memw(%1+#4) }:mem_noshuf"
                     : "+r"(skipped) : "r"(cell) : "r2", "p0", "memory");
    tl_check_eq(skipped, 0x77, "predicated-off load keeps its target");
    tl_check_eq(cell[1], 0x3c3c, "store before a predicated-off load");
}

int main(void)
{
    test_swap();
    test_new();
    test_pred_and();
    test_loops();
    test_extenders();
    test_duplexes();
    test_store_load();
    return tl_done();
}
