/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ldst-basic: the A64 load/store register instructions of general
 * registers in every addressing form (unsigned offset, unscaled, pre-
 * and post-index, register offset with LSL/UXTW/SXTW/SXTX, unprivileged,
 * literal), every size, zero and sign extension to W and X, writeback,
 * SP as base, XZR as source and target, and PRFM never faulting.
 *
 * The program runs at EL1 with the MMU off, where data accesses are
 * Device memory: every access is naturally aligned so that the results
 * do not depend on whether an emulator enforces Device alignment.
 *
 * Expected values are derived by hand from the little-endian byte layout
 * of `src` (Arm ARM DDI 0487, C6.2 LDR/LDRB/LDRSB/... pseudocode: the
 * loaded bytes in address order form the value, least significant first;
 * sign extension copies bit 8*size-1 upward).
 */
#include "lib/testlib.h"

/* src[i]: byte i; the comments on each check name the bytes it reads. */
static uint8_t src[16] __attribute__((aligned(16))) = {
    0x81, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88,
    0x19, 0x2a, 0x3b, 0x4c, 0x5d, 0x6e, 0x7f, 0x90,
};
static uint8_t dst[32] __attribute__((aligned(16)));

/* One instruction with output %0 and input base %1, optional %2. */
#define LD1(insn, base) ({                                              \
        uint64_t r_;                                                    \
        __asm__ volatile(insn : "=r"(r_) : "r"(base) : "memory");       \
        r_; })
#define LD2(insn, base, idx) ({                                         \
        uint64_t r_;                                                    \
        __asm__ volatile(insn : "=r"(r_) : "r"(base), "r"(idx)          \
                         : "memory");                                   \
        r_; })

static void test_unsigned_offset(void)
{
    tl_check_eq(LD1("ldrb %w0, [%1, #0]", src), 0x81, "ldrb uimm");
    tl_check_eq(LD1("ldrsb %w0, [%1, #0]", src), 0xffffff81, "ldrsb w");
    tl_check_eq(LD1("ldrsb %0, [%1, #0]", src), 0xffffffffffffff81ull,
                "ldrsb x");
    tl_check_eq(LD1("ldrsb %0, [%1, #8]", src), 0x19, "ldrsb x positive");
    /* bytes 2, 3 */
    tl_check_eq(LD1("ldrh %w0, [%1, #2]", src), 0x8483, "ldrh uimm");
    tl_check_eq(LD1("ldrsh %w0, [%1, #2]", src), 0xffff8483, "ldrsh w");
    tl_check_eq(LD1("ldrsh %0, [%1, #2]", src), 0xffffffffffff8483ull,
                "ldrsh x");
    tl_check_eq(LD1("ldrsh %w0, [%1, #8]", src), 0x2a19, "ldrsh positive");
    /* bytes 4..7 */
    tl_check_eq(LD1("ldr %w0, [%1, #4]", src), 0x88878685, "ldr w uimm");
    tl_check_eq(LD1("ldrsw %0, [%1, #4]", src), 0xffffffff88878685ull,
                "ldrsw");
    tl_check_eq(LD1("ldrsw %0, [%1, #8]", src), 0x4c3b2a19, "ldrsw pos");
    /* bytes 8..15 */
    tl_check_eq(LD1("ldr %0, [%1, #8]", src), 0x907f6e5d4c3b2a19ull,
                "ldr x uimm");
    /* the largest scaled offset: 4095 * 8 back from a base below src */
    tl_check_eq(LD1("ldr %0, [%1, #32760]", src + 8 - 32760),
                0x907f6e5d4c3b2a19ull, "ldr x uimm max");
}

static void test_unscaled(void)
{
    const uint8_t *end = src + 16;

    tl_check_eq(LD1("ldurb %w0, [%1, #-1]", src + 1), 0x81, "ldurb");
    tl_check_eq(LD1("ldursb %0, [%1, #-16]", end), 0xffffffffffffff81ull,
                "ldursb x");
    tl_check_eq(LD1("ldursb %w0, [%1, #-16]", end), 0xffffff81, "ldursb w");
    tl_check_eq(LD1("ldurh %w0, [%1, #-14]", end), 0x8483, "ldurh");
    tl_check_eq(LD1("ldursh %0, [%1, #-14]", end), 0xffffffffffff8483ull,
                "ldursh x");
    tl_check_eq(LD1("ldursh %w0, [%1, #-14]", end), 0xffff8483, "ldursh w");
    tl_check_eq(LD1("ldur %w0, [%1, #-12]", end), 0x88878685, "ldur w");
    tl_check_eq(LD1("ldursw %0, [%1, #-12]", end), 0xffffffff88878685ull,
                "ldursw");
    tl_check_eq(LD1("ldur %0, [%1, #-8]", end), 0x907f6e5d4c3b2a19ull,
                "ldur x");
    /* simm9 extremes: -256 and +255 (a byte access, any alignment) */
    tl_check_eq(LD1("ldurb %w0, [%1, #-256]", src + 256 + 9), 0x2a,
                "ldurb -256");
    tl_check_eq(LD1("ldurb %w0, [%1, #255]", src + 15 - 255), 0x90,
                "ldurb +255");
}

static void test_index(void)
{
    const uint8_t *p = src;
    uint64_t v;

    /* pre-index: address = base + 8, base updated to it */
    __asm__ volatile("ldr %0, [%1, #8]!" : "=r"(v), "+r"(p) :: "memory");
    tl_check_eq(v, 0x907f6e5d4c3b2a19ull, "ldr pre value");
    tl_check_eq((uint64_t)p, (uint64_t)(src + 8), "ldr pre writeback");
    /* post-index with a negative offset: address = base, base -= 4 */
    __asm__ volatile("ldr %w0, [%1], #-4" : "=r"(v), "+r"(p) :: "memory");
    tl_check_eq(v, 0x4c3b2a19, "ldr post value");
    tl_check_eq((uint64_t)p, (uint64_t)(src + 4), "ldr post writeback");
    __asm__ volatile("ldrsh %0, [%1, #-2]!" : "=r"(v), "+r"(p) :: "memory");
    tl_check_eq(v, 0xffffffffffff8483ull, "ldrsh pre value");
    tl_check_eq((uint64_t)p, (uint64_t)(src + 2), "ldrsh pre writeback");
    __asm__ volatile("ldrsb %w0, [%1], #255" : "=r"(v), "+r"(p) :: "memory");
    tl_check_eq(v, 0xffffff83, "ldrsb post value");
    tl_check_eq((uint64_t)p, (uint64_t)(src + 2 + 255), "ldrsb post wb");
    p = src + 16;
    __asm__ volatile("ldrsw %0, [%1, #-256]!" : "=r"(v), "+r"(p) :: "memory");
    (void)v;
    tl_check_eq((uint64_t)p, (uint64_t)(src + 16 - 256), "ldrsw pre -256");
}

static void test_register_offset(void)
{
    /* LSL #3 on an X index: src + 1 * 8 */
    tl_check_eq(LD2("ldr %0, [%1, %2, lsl #3]", src, 1ull),
                0x907f6e5d4c3b2a19ull, "ldr x lsl #3");
    /* LSL without shift (S = 0): src + 8 */
    tl_check_eq(LD2("ldr %0, [%1, %2]", src, 8ull), 0x907f6e5d4c3b2a19ull,
                "ldr x reg");
    /* UXTW #2 ignores bits 63:32 of the index: src + 1 * 4 */
    tl_check_eq(LD2("ldr %w0, [%1, %w2, uxtw #2]", src,
                    0xdead000000000001ull), 0x88878685, "ldr w uxtw #2");
    /* SXTW: W index 0xffffffff is -1: (src + 1) - 1 */
    tl_check_eq(LD2("ldrb %w0, [%1, %w2, sxtw]", src + 1, 0xffffffffull),
                0x81, "ldrb sxtw");
    /* SXTX #1 with -1: (src + 4) - 2 = bytes 2, 3 */
    tl_check_eq(LD2("ldrsh %0, [%1, %2, sxtx #1]", src + 4, -1ll),
                0xffffffffffff8483ull, "ldrsh sxtx #1");
    /* SXTW #2 with -1: (src + 8) - 4 */
    tl_check_eq(LD2("ldrsw %0, [%1, %w2, sxtw #2]", src + 8, 0xffffffffull),
                0xffffffff88878685ull, "ldrsw sxtw #2");
    /* LSL #1 on halfwords: src + 2 */
    tl_check_eq(LD2("ldrh %w0, [%1, %2, lsl #1]", src, 1ull), 0x8483,
                "ldrh lsl #1");
}

static void test_unprivileged(void)
{
    /* at EL1 with the MMU off, LDTR/STTR behave as plain accesses */
    tl_check_eq(LD1("ldtr %0, [%1, #8]", src), 0x907f6e5d4c3b2a19ull,
                "ldtr x");
    tl_check_eq(LD1("ldtrsb %0, [%1, #0]", src), 0xffffffffffffff81ull,
                "ldtrsb x");
    tl_check_eq(LD1("ldtrsh %w0, [%1, #2]", src), 0xffff8483, "ldtrsh w");
    tl_check_eq(LD1("ldtrsw %0, [%1, #-4]", src + 8), 0xffffffff88878685ull,
                "ldtrsw");
    tl_check_eq(LD1("ldtrh %w0, [%1, #2]", src), 0x8483, "ldtrh");
    __asm__ volatile("sttr %w0, [%1, #4]" :: "r"(0xa1b2c3d4u), "r"(dst)
                     : "memory");
    __asm__ volatile("sttrb %w0, [%1, #1]" :: "r"(0x1ee), "r"(dst)
                     : "memory");
    /* dst bytes: 00 ee 00 00 d4 c3 b2 a1 */
    tl_check_eq(*(volatile uint64_t *)dst, 0xa1b2c3d40000ee00ull, "sttr");
}

static void test_stores(void)
{
    volatile uint64_t *d = (volatile uint64_t *)dst;
    uint8_t *p;

    d[0] = d[1] = d[2] = 0;
    d[3] = ~0ull;
    /* only the low 8, 16, 32 bits of the register are stored */
    __asm__ volatile("strb %w0, [%1, #0]" :: "r"(0x123456abu), "r"(dst)
                     : "memory");
    __asm__ volatile("strh %w0, [%1, #2]" :: "r"(0x1234cdefu), "r"(dst)
                     : "memory");
    __asm__ volatile("str %w0, [%1, #4]" :: "r"(0x01234567u), "r"(dst)
                     : "memory");
    __asm__ volatile("str %0, [%1, #8]" :: "r"(0x1122334455667788ull),
                     "r"(dst) : "memory");
    /* bytes ab 00 ef cd 67 45 23 01 */
    tl_check_eq(d[0], 0x01234567cdef00abull, "strb/strh/str w");
    tl_check_eq(d[1], 0x1122334455667788ull, "str x");
    /* unscaled and register offset stores */
    __asm__ volatile("stur %0, [%1, #-8]" :: "r"(0x0102030405060708ull),
                     "r"(dst + 24) : "memory");
    __asm__ volatile("sturh %w0, [%1, #-1]" :: "r"(0xbeef), "r"(dst + 17)
                     : "memory");
    tl_check_eq(d[2], 0x010203040506beefull, "stur, sturh");
    __asm__ volatile("str %w0, [%1, %2, lsl #2]" :: "r"(0xcafef00du),
                     "r"(dst + 24), "r"(1ull) : "memory");
    __asm__ volatile("strb %w0, [%1, %w2, sxtw]" :: "r"(0x5a),
                     "r"(dst + 25), "r"(0xffffffffu) : "memory");
    /* XZR as the source stores zeros: bytes 26, 27 (d[3] was all ones) */
    __asm__ volatile("sturh wzr, [%0, #2]" :: "r"(dst + 24) : "memory");
    /* bytes 5a ff 00 00 0d f0 fe ca */
    tl_check_eq(d[3], 0xcafef00d0000ff5aull, "str reg offset, xzr");
    /* writeback forms */
    p = dst;
    __asm__ volatile("str %1, [%0, #16]!" : "+r"(p) : "r"(0x77ull)
                     : "memory");
    tl_check_eq((uint64_t)p, (uint64_t)(dst + 16), "str pre writeback");
    __asm__ volatile("strh %w1, [%0], #-16" : "+r"(p) : "r"(0x6666)
                     : "memory");
    tl_check_eq((uint64_t)p, (uint64_t)dst, "strh post writeback");
    tl_check_eq(d[2], 0x6666, "str pre/post values");
}

static void test_literal_and_misc(void)
{
    uint64_t x, w, sw, sp_val, zr;

    __asm__ volatile("ldr %0, 1f\n\t"
                     "ldr %w1, 2f\n\t"
                     "ldrsw %2, 2f\n\t"
                     "prfm pldl1keep, 1f\n\t"
                     "b 3f\n\t"
                     ".balign 8\n"
                     "1: .quad 0x0123456789abcdef\n"
                     "2: .word 0x80000001\n"
                     "3:"
                     : "=r"(x), "=r"(w), "=r"(sw));
    tl_check_eq(x, 0x0123456789abcdefull, "ldr x literal");
    tl_check_eq(w, 0x80000001, "ldr w literal");
    tl_check_eq(sw, 0xffffffff80000001ull, "ldrsw literal");

    /* SP as base register, with and without writeback */
    __asm__ volatile("str %1, [sp, #-16]!\n\t"
                     "ldr %0, [sp]\n\t"
                     "add sp, sp, #16"
                     : "=&r"(sp_val) : "r"(0xfeedfacecafebeefull) : "memory");
    tl_check_eq(sp_val, 0xfeedfacecafebeefull, "sp base");

    /* a load to XZR is discarded; the register stays zero */
    __asm__ volatile("ldr xzr, [%1]\n\t"
                     "mov %0, xzr" : "=r"(zr) : "r"(src) : "memory");
    tl_check_eq(zr, 0, "ldr xzr");

    /* prefetches never fault, even far outside the physical map */
    __asm__ volatile("prfm pldl1keep, [%0]\n\t"
                     "prfm pstl2strm, [%0, #8]\n\t"
                     "prfum pldl3keep, [%0, #-1]\n\t"
                     "prfm plil1keep, [%0, %1, lsl #3]"
                     :: "r"(0x7f0000000000ull), "r"(3ull) : "memory");
    tl_check(1, "prfm did not fault");
}

int main(void)
{
    test_unsigned_offset();
    test_unscaled();
    test_index();
    test_register_offset();
    test_unprivileged();
    test_stores();
    test_literal_and_misc();
    return tl_done();
}
