/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * dp-bitfield: A64 bitfield moves (SBFM, BFM, UBFM and every alias: ASR,
 * LSL, LSR immediate, SBFX, UBFX, SBFIZ, UBFIZ, BFI, BFXIL, BFC, SXTB/H/W,
 * UXTB/H), EXTR and ROR (immediate), and the 1-source instructions RBIT,
 * REV16, REV32, REV, CLZ, CLS, on X and W registers, with shifts and
 * positions at 0 and at the top (31/63).
 *
 * Expected values are derived by hand in the comments.  W forms get
 * inputs with junk in bits 63:32 to check that they ignore it and
 * zero-extend their result.
 */
#include "testlib.h"

/* r = insn(%1 = a, %2 = b), result in %0 */
#define R2(insn, a, b) ({                                               \
    uint64_t r_, a_ = (a), b_ = (b);                                    \
    __asm__ volatile(insn : "=&r"(r_) : "r"(a_), "r"(b_));              \
    r_; })

/* r = insn(%0 = d, read and written; %1 = a) */
#define RD(insn, d, a) ({                                               \
    uint64_t r_ = (d), a_ = (a);                                        \
    __asm__ volatile(insn : "+r"(r_) : "r"(a_));                        \
    r_; })

static void test_shifts(void)
{
    tl_check_eq(R2("asr %0, %1, #63", 0x8000000000000000ull, 0), ~0ull,
                "asr x 63");
    tl_check_eq(R2("asr %0, %1, #0", 0x8000000000000001ull, 0),
                0x8000000000000001ull, "asr x 0");
    tl_check_eq(R2("asr %0, %1, #4", 0xf000000000000000ull, 0),
                0xff00000000000000ull, "asr x 4");
    /* W: 0x80000000 asr 31 = 0xffffffff, zero-extended */
    tl_check_eq(R2("asr %w0, %w1, #31", 0x0000000180000000ull, 0),
                0xffffffffull, "asr w 31");
    tl_check_eq(R2("asr %w0, %w1, #1", 0xffffffff7ffffffeull, 0),
                0x3fffffffull, "asr w positive");
    tl_check_eq(R2("lsl %0, %1, #63", 3, 0), 0x8000000000000000ull,
                "lsl x 63");
    tl_check_eq(R2("lsl %w0, %w1, #31", 3, 0), 0x80000000ull, "lsl w 31");
    tl_check_eq(R2("lsl %w0, %w1, #4", 0xffffffffull, 0), 0xfffffff0ull,
                "lsl w 4");
    tl_check_eq(R2("lsl %0, %1, #1", 0xc000000000000001ull, 0),
                0x8000000000000002ull, "lsl x 1");
    tl_check_eq(R2("lsr %0, %1, #63", 0x8000000000000000ull, 0), 1,
                "lsr x 63");
    tl_check_eq(R2("lsr %0, %1, #1", 0x8000000000000000ull, 0),
                0x4000000000000000ull, "lsr x 1");
    /* W: bits 63:32 must not shift in */
    tl_check_eq(R2("lsr %w0, %w1, #31", 0xffffffff80000000ull, 0), 1,
                "lsr w 31");
    tl_check_eq(R2("lsr %w0, %w1, #4", 0xffffffff00000000ull, 0), 0,
                "lsr w junk");
}

static void test_extracts(void)
{
    /* bits 11:4 of 0xf80 = 0xf8, sign bit set */
    tl_check_eq(R2("sbfx %0, %1, #4, #8", 0xf80, 0), 0xfffffffffffffff8ull,
                "sbfx x");
    tl_check_eq(R2("ubfx %0, %1, #4, #8", 0xf80, 0), 0xf8, "ubfx x");
    tl_check_eq(R2("ubfx %0, %1, #63, #1", 0x8000000000000000ull, 0), 1,
                "ubfx bit63");
    tl_check_eq(R2("sbfx %w0, %w1, #31, #1", 0x80000000ull, 0),
                0xffffffffull, "sbfx w bit31");
    tl_check_eq(R2("ubfx %w0, %w1, #16, #16", 0xffffffff12345678ull, 0),
                0x1234, "ubfx w");
    /* bits 3:0 = 0xf (-1 in 4 bits) placed at 8, sign-extended */
    tl_check_eq(R2("sbfiz %0, %1, #8, #4", 0xf, 0), 0xffffffffffffff00ull,
                "sbfiz x");
    tl_check_eq(R2("sbfiz %w0, %w1, #4, #4", 0x8, 0), 0xffffff80ull,
                "sbfiz w");
    tl_check_eq(R2("ubfiz %0, %1, #60, #4", 0xff, 0), 0xf000000000000000ull,
                "ubfiz x");
    tl_check_eq(R2("ubfiz %w0, %w1, #28, #4", 0xff, 0), 0xf0000000ull,
                "ubfiz w");
    tl_check_eq(R2("sxtb %0, %w1", 0x80, 0), 0xffffffffffffff80ull,
                "sxtb x");
    tl_check_eq(R2("sxtb %w0, %w1", 0x17f, 0), 0x7f, "sxtb w");
    tl_check_eq(R2("sxth %w0, %w1", 0x8000, 0), 0xffff8000ull, "sxth w");
    tl_check_eq(R2("sxth %0, %w1", 0x18001, 0), 0xffffffffffff8001ull,
                "sxth x");
    tl_check_eq(R2("sxtw %0, %w1", 0x0000000180000000ull, 0),
                0xffffffff80000000ull, "sxtw");
    tl_check_eq(R2("sxtw %0, %w1", 0xffffffff7fffffffull, 0), 0x7fffffff,
                "sxtw positive");
    tl_check_eq(R2("uxtb %w0, %w1", 0x1ff, 0), 0xff, "uxtb");
    tl_check_eq(R2("uxth %w0, %w1", 0xffffffff00012345ull, 0), 0x2345,
                "uxth");
}

static void test_inserts(void)
{
    tl_check_eq(RD("bfi %0, %1, #8, #8", ~0ull, 0), 0xffffffffffff00ffull,
                "bfi x");
    tl_check_eq(RD("bfi %0, %1, #63, #1", 0, 1), 0x8000000000000000ull,
                "bfi x bit63");
    /* W: insert 0xa at 28 into 0x0000000f; bits 63:32 of Rd cleared */
    tl_check_eq(RD("bfi %w0, %w1, #28, #4", 0x123456780000000full, 0xa),
                0xa000000full, "bfi w");
    tl_check_eq(RD("bfxil %0, %1, #60, #4", 0, 0xa000000000000000ull), 0xa,
                "bfxil x");
    tl_check_eq(RD("bfxil %0, %1, #0, #8", 0xffffffffffffff00ull, 0x5a),
                0xffffffffffffff5aull, "bfxil x low");
    tl_check_eq(RD("bfxil %w0, %w1, #0, #32", 0xdeadbeef00000000ull,
                   0x5555555512345678ull), 0x12345678, "bfxil w all");
    tl_check_eq(RD("bfxil %w0, %w1, #16, #8", 0xffffffffffffffffull,
                   0x00ab0000), 0xffffffabull, "bfxil w");
    /* BFC = BFI from XZR: clear bits 11:4 */
    tl_check_eq(RD("bfi %0, xzr, #4, #8", ~0ull, 0), 0xfffffffffffff00full,
                "bfc x");
    tl_check_eq(RD("bfi %w0, wzr, #31, #1", ~0ull, 0), 0x7fffffffull,
                "bfc w");
}

static void test_extr(void)
{
    /* (1 : 0x10) >> 4 */
    tl_check_eq(R2("extr %0, %1, %2, #4", 1, 0x10), 0x1000000000000001ull,
                "extr x 4");
    tl_check_eq(R2("extr %0, %1, %2, #0", 1, 0x1234), 0x1234, "extr x 0");
    tl_check_eq(R2("extr %0, %1, %2, #63", 0x4000000000000000ull,
                   0x8000000000000000ull), 0x8000000000000001ull,
                "extr x 63");
    /* W: (0xffffffff : 0x00000000) >> 31 on 64 bits, low word */
    tl_check_eq(R2("extr %w0, %w1, %w2, #31", 0xffffffff, 0), 0xfffffffeull,
                "extr w 31");
    tl_check_eq(R2("extr %w0, %w1, %w2, #8", 0xaaaaaaaa000000bbull,
                   0x5555555511223344ull), 0xbb112233ull, "extr w 8");
    tl_check_eq(R2("ror %0, %1, #63", 1, 0), 2, "ror x 63");
    tl_check_eq(R2("ror %0, %1, #8", 0x0123456789abcdefull, 0),
                0xef0123456789abcdull, "ror x 8");
    /* W rotates 32 bits: 1 ror 1 = 0x80000000 despite the junk */
    tl_check_eq(R2("ror %w0, %w1, #1", 0xffffffff00000001ull, 0),
                0x80000000ull, "ror w 1");
    tl_check_eq(R2("ror %w0, %w1, #0", 0xffffffff12345678ull, 0),
                0x12345678ull, "ror w 0");
}

static void test_one_source(void)
{
    tl_check_eq(R2("rbit %0, %1", 1, 0), 0x8000000000000000ull, "rbit x 1");
    /* bits 0-3 and 8-11 go to 63-60 and 55-52 */
    tl_check_eq(R2("rbit %0, %1", 0xf0f, 0), 0xf0f0000000000000ull,
                "rbit x f0f");
    tl_check_eq(R2("rbit %0, %1", 0x0123456789abcdefull, 0),
                0xf7b3d591e6a2c480ull, "rbit x pattern");
    tl_check_eq(R2("rbit %w0, %w1", 0xffffffff00000003ull, 0),
                0xc0000000ull, "rbit w");
    tl_check_eq(R2("rev16 %0, %1", 0x0102030405060708ull, 0),
                0x0201040306050807ull, "rev16 x");
    tl_check_eq(R2("rev16 %w0, %w1", 0xffffffff11223344ull, 0),
                0x22114433ull, "rev16 w");
    tl_check_eq(R2("rev32 %0, %1", 0x0102030405060708ull, 0),
                0x0403020108070605ull, "rev32");
    tl_check_eq(R2("rev %0, %1", 0x0102030405060708ull, 0),
                0x0807060504030201ull, "rev x");
    tl_check_eq(R2("rev %w0, %w1", 0xffffffff11223344ull, 0), 0x44332211ull,
                "rev w");

    tl_check_eq(R2("clz %0, %1", 0, 0), 64, "clz x 0");
    tl_check_eq(R2("clz %0, %1", 1, 0), 63, "clz x 1");
    tl_check_eq(R2("clz %0, %1", 0x8000000000000000ull, 0), 0, "clz x top");
    tl_check_eq(R2("clz %w0, %w1", 0xffffffff00000000ull, 0), 32, "clz w 0");
    tl_check_eq(R2("clz %w0, %w1", 1, 0), 31, "clz w 1");
    tl_check_eq(R2("clz %w0, %w1", 0x00010000, 0), 15, "clz w mid");

    /* CLS: how many bits after the top one equal it */
    tl_check_eq(R2("cls %0, %1", 0, 0), 63, "cls x 0");
    tl_check_eq(R2("cls %0, %1", ~0ull, 0), 63, "cls x -1");
    tl_check_eq(R2("cls %0, %1", 1, 0), 62, "cls x 1");
    tl_check_eq(R2("cls %0, %1", 0x8000000000000000ull, 0), 0, "cls x min");
    tl_check_eq(R2("cls %0, %1", 0xc000000000000000ull, 0), 1, "cls x c0");
    tl_check_eq(R2("cls %w0, %w1", 0, 0), 31, "cls w 0");
    tl_check_eq(R2("cls %w0, %w1", 0x00000001ffffffffull, 0), 31,
                "cls w -1");
    tl_check_eq(R2("cls %w0, %w1", 0x40000000, 0), 0, "cls w 4000");
    /* 0x00008000: bits 30..16 are 15 zeros after the sign bit */
    tl_check_eq(R2("cls %w0, %w1", 0x00008000, 0), 15, "cls w 8000");
}

int main(void)
{
    test_shifts();
    test_extracts();
    test_inserts();
    test_extr();
    test_one_source();
    return tl_done();
}
