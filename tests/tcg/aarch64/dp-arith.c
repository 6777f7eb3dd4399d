/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * dp-arith: A64 add/subtract in every form: immediate (with LSL #12,
 * CMP/CMN, MOV to and from SP), shifted register (LSL/LSR/ASR by 0..63,
 * NEG/NEGS), extended register (every UXT/SXT option with shifts, SP
 * operands), with carry (ADC/ADCS/SBC/SBCS/NGC/NGCS), and ADR/ADRP.
 * W forms get inputs with junk in bits 63:32 to check that they read
 * 32 bits, zero-extend the result and compute flags on 32 bits.
 *
 * Expected values are derived by hand in the comments, flags from the
 * Arm ARM pseudocode AddWithCarry() (C = unsigned carry out, V = signed
 * overflow; a - b is a + NOT(b) + 1).  NZCV is preset with MSR and read
 * back with MRS (N = bit 31, Z = 30, C = 29, V = 28).
 */
#include "testlib.h"

#define N_ (1u << 31)
#define Z_ (1u << 30)
#define C_ (1u << 29)
#define V_ (1u << 28)

/* r = insn(%1 = a, %2 = b), result in %0 */
#define R2(insn, a, b) ({                                               \
    uint64_t r_, a_ = (a), b_ = (b);                                    \
    __asm__ volatile(insn : "=&r"(r_) : "r"(a_), "r"(b_) : "cc");        \
    r_; })

/* r = insn(%1 = a, %2 = b) with NZCV preset to fin (%3) */
#define R2F(insn, a, b, fin) ({                                         \
    uint64_t r_, a_ = (a), b_ = (b), i_ = (fin);                        \
    __asm__ volatile("msr nzcv, %3\n\t" insn                            \
                     : "=&r"(r_) : "r"(a_), "r"(b_), "r"(i_) : "cc");    \
    r_; })

/*
 * NZCV after insn(%2 = a, %3 = b) with NZCV preset to fin (%4); the
 * result (%0) goes to *res.
 */
#define F2(insn, a, b, fin, res) ({                                     \
    uint64_t f_, a_ = (a), b_ = (b), i_ = (fin);                        \
    __asm__ volatile("msr nzcv, %4\n\t" insn "\n\tmrs %1, nzcv"         \
                     : "=&r"(*(res)), "=&r"(f_)                         \
                     : "r"(a_), "r"(b_), "r"(i_) : "cc");               \
    f_; })

static void check_rf(uint64_t r, uint64_t f, uint64_t want_r,
                     uint64_t want_f, const char *name)
{
    tl_check_eq(r, want_r, name);
    tl_check_eq(f, want_f, name);
}

static void test_addsub_imm(void)
{
    uint64_t r, f;

    tl_check_eq(R2("add %0, %1, #0xfff", 0x1000, 0), 0x1fff, "add #0xfff");
    tl_check_eq(R2("add %0, %1, #1, lsl #12", 5, 0), 0x1005, "add lsl12");
    /* W: 0xffffffff + 1 wraps to 0; bits 63:32 of the input ignored */
    tl_check_eq(R2("add %w0, %w1, #1", 0x12345678ffffffffull, 0), 0,
                "add w wrap");
    tl_check_eq(R2("sub %0, %1, #1", 0, 0), ~0ull, "sub x 0-1");
    tl_check_eq(R2("sub %w0, %w1, #1", 0xabcdef0000000000ull, 0),
                0xffffffffull, "sub w 0-1");
    tl_check_eq(R2("sub %0, %1, #2, lsl #12", 0x3000, 0), 0x1000,
                "sub lsl12");

    /* all ones + 1 = 0: Z, and a carry out: C */
    f = F2("adds %0, %2, #1", ~0ull, 0, 0, &r);
    check_rf(r, f, 0, Z_ | C_, "adds x carry");
    /* INT64_MAX + 1: N and signed overflow V, no carry */
    f = F2("adds %0, %2, #1", 0x7fffffffffffffffull, 0, 0, &r);
    check_rf(r, f, 0x8000000000000000ull, N_ | V_, "adds x overflow");
    /* W: INT32_MAX + 1 on 32 bits, whatever bits 63:32 hold */
    f = F2("adds %w0, %w2, #1", 0xabcd00007fffffffull, 0, 0, &r);
    check_rf(r, f, 0x80000000ull, N_ | V_, "adds w overflow");
    f = F2("adds %w0, %w2, #1", 0x00000001ffffffffull, 0, 0, &r);
    check_rf(r, f, 0, Z_ | C_, "adds w carry");
    /* 5 - 5 = 0: Z, and no borrow: C = 1 */
    f = F2("subs %0, %2, #5", 5, 0, N_ | V_, &r);
    check_rf(r, f, 0, Z_ | C_, "subs x zero");
    /* 3 - 5 = -2: N, borrow: C = 0 */
    f = F2("subs %0, %2, #5", 3, 0, Z_ | C_ | V_, &r);
    check_rf(r, f, 0xfffffffffffffffeull, N_, "subs x borrow");
    /* INT64_MIN - 1 = INT64_MAX: no borrow (C) and overflow (V) */
    f = F2("subs %0, %2, #1", 0x8000000000000000ull, 0, 0, &r);
    check_rf(r, f, 0x7fffffffffffffffull, C_ | V_, "subs x overflow");
    f = F2("subs %w0, %w2, #1", 0xffffffff80000000ull, 0, 0, &r);
    check_rf(r, f, 0x7fffffffull, C_ | V_, "subs w overflow");
    f = F2("subs %0, %2, #1, lsl #12", 0x1000, 0, 0, &r);
    check_rf(r, f, 0, Z_ | C_, "subs lsl12");

    /* CMP/CMN set flags only; CMN w: 0xffffffff + 1 = 0 on 32 bits */
    f = F2("mov %0, #0\n\tcmp %2, #0", 0, 0, N_ | V_, &r);
    tl_check_eq(f, Z_ | C_, "cmp #0");
    f = F2("mov %0, #0\n\tcmn %w2, #1", 0x12345678ffffffffull, 0, 0, &r);
    tl_check_eq(f, Z_ | C_, "cmn w");
    f = F2("mov %0, #0\n\tcmp %2, #1, lsl #12", 0xfff, 0, 0, &r);
    tl_check_eq(f, N_, "cmp lsl12");
}

static void test_sp_forms(void)
{
    /* MOV x, SP / MOV SP, x (ADD #0): SP - 32 seen through MOV */
    tl_check_eq(R2("mov x9, sp\n\tsub sp, sp, #32\n\tmov %0, sp\n\t"
                   "sub %0, x9, %0\n\tmov sp, x9", 0, 0), 32, "sub sp imm");
    /* ADD (extended) with Rn = SP, Rm = XZR reads SP, not XZR */
    tl_check_eq(R2("mov x9, sp\n\tadd %0, sp, xzr\n\tsub %0, %0, x9",
                   0, 0), 0, "add x, sp, xzr");
    /* SUB (extended) with Rd = Rn = SP */
    tl_check_eq(R2("mov x9, sp\n\tsub sp, sp, %2\n\tmov %0, sp\n\t"
                   "sub %0, x9, %0\n\tmov sp, x9", 0, 64), 64,
                "sub sp, sp, x");
    /* ADDS/CMP with Rn = SP: SP - SP = 0 */
    tl_check_eq(R2("mov x9, sp\n\tcmp sp, x9\n\tcset %0, eq", 0, 0), 1,
                "cmp sp, x");
}

static void test_addsub_shifted(void)
{
    uint64_t r, f;

    /* 1 + (1 << 63) */
    tl_check_eq(R2("add %0, %1, %2, lsl #63", 1, 1),
                0x8000000000000001ull, "add lsl63");
    /* 5 + (INT64_MIN asr 63 = -1) = 4 */
    tl_check_eq(R2("add %0, %1, %2, asr #63", 5, 0x8000000000000000ull),
                4, "add asr63");
    tl_check_eq(R2("add %0, %1, %2, lsr #0", 5, 7), 12, "add lsr0");
    /* W: 10 - (0x80000000 lsr 31 = 1); junk above bit 31 of Rm */
    tl_check_eq(R2("sub %w0, %w1, %w2, lsr #31", 10, 0xffffffff80000000ull),
                9, "sub w lsr31");
    /* W: 1 + (3 << 31 = 0x80000000 on 32 bits) */
    tl_check_eq(R2("add %w0, %w1, %w2, lsl #31", 1, 3), 0x80000001ull,
                "add w lsl31");
    /* W asr: 0x80000000 asr 31 = 0xffffffff; 1 + that wraps to 0 */
    tl_check_eq(R2("add %w0, %w1, %w2, asr #31", 1, 0x80000000ull), 0,
                "add w asr31");
    tl_check_eq(R2("neg %0, %2", 0, 1), ~0ull, "neg x");
    tl_check_eq(R2("neg %w0, %w2", 0, 1), 0xffffffffull, "neg w");
    tl_check_eq(R2("neg %0, %2, lsl #4", 0, 1), 0xfffffffffffffff0ull,
                "neg lsl4");

    /* all ones + all ones = 0x..fe with carry, no overflow (-1 + -1) */
    f = F2("adds %0, %2, %3", ~0ull, ~0ull, 0, &r);
    check_rf(r, f, 0xfffffffffffffffeull, N_ | C_, "adds x r");
    /* NEGS 0: 0 + NOT(0) + 1 = 2^64: Z and C */
    f = F2("negs %0, %3", 0, 0, 0, &r);
    check_rf(r, f, 0, Z_ | C_, "negs 0");
    /* NEGS INT64_MIN: 0 + INT64_MAX + 1 = INT64_MIN, no carry, overflow */
    f = F2("negs %0, %3", 0, 0x8000000000000000ull, 0, &r);
    check_rf(r, f, 0x8000000000000000ull, N_ | V_, "negs min");
    /* SUBS W: 0x80000000 - 0x7fffffff = 1: C (no borrow) and V */
    f = F2("subs %w0, %w2, %w3", 0x1234567880000000ull, 0x7fffffff, 0, &r);
    check_rf(r, f, 1, C_ | V_, "subs w r");
    /* CMP with a shifted operand: 8 - (1 << 3) = 0 */
    f = F2("mov %0, #0\n\tcmp %2, %3, lsl #3", 8, 1, 0, &r);
    tl_check_eq(f, Z_ | C_, "cmp lsl3");
    /* CMN w: 0x7fffffff + 1 overflows on 32 bits */
    f = F2("mov %0, #0\n\tcmn %w2, %w3", 0x7fffffff, 1, 0, &r);
    tl_check_eq(f, N_ | V_, "cmn w r");
}

static void test_addsub_extended(void)
{
    uint64_t r, f;

    /* UXTB keeps bits 7:0 of 0x1ff: 0x100 + 0xff */
    tl_check_eq(R2("add %0, %1, %w2, uxtb", 0x100, 0x1ff), 0x1ff, "uxtb");
    /* SXTB #2: (0x80 as -128) * 4 = -512; 0x1000 - 0x200 */
    tl_check_eq(R2("add %0, %1, %w2, sxtb #2", 0x1000, 0x80), 0xe00,
                "sxtb #2");
    /* UXTH: 0xffff */
    tl_check_eq(R2("add %0, %1, %w2, uxth", 1, 0x3ffff), 0x10000, "uxth");
    /* SXTH: 0 - (0x8000 as -32768) = 0x8000 */
    tl_check_eq(R2("sub %0, %1, %w2, sxth", 0, 0x18000), 0x8000, "sxth");
    /* UXTW #4 of Wm = 0xffffffff (junk in 63:32): 0xffffffff0 */
    tl_check_eq(R2("add %0, %1, %w2, uxtw #4", 0, 0x12345678ffffffffull),
                0xffffffff0ull, "uxtw #4");
    /* SXTW: 10 + (0xfffffffe as -2) */
    tl_check_eq(R2("add %0, %1, %w2, sxtw", 10, 0x12345678fffffffeull), 8,
                "sxtw");
    /* SXTX #3: 1 + 5 * 8 */
    tl_check_eq(R2("add %0, %1, %2, sxtx #3", 1, 5), 41, "sxtx #3");
    /* W: 0xffff0000 + UXTH(0x1ffff) = 0xffffffff */
    tl_check_eq(R2("add %w0, %w1, %w2, uxth", 0xffff0000, 0x1ffff),
                0xffffffffull, "add w uxth");
    /* W: 1 + (UXTB(0xff) << 4 = 0xff0) = 0xff1 */
    tl_check_eq(R2("add %w0, %w1, %w2, uxtb #4", 1, 0xff), 0xff1,
                "add w uxtb #4");

    /* 0xffffffff00000000 + UXTW(0xffffffff) = all ones: N only */
    f = F2("adds %0, %2, %w3, uxtw", 0xffffffff00000000ull, 0xffffffff, 0,
           &r);
    check_rf(r, f, ~0ull, N_, "adds uxtw");
    /* CMP 0xff, UXTB(0x1ff) = equal */
    f = F2("mov %0, #0\n\tcmp %2, %w3, uxtb", 0xff, 0x1ff, 0, &r);
    tl_check_eq(f, Z_ | C_, "cmp uxtb");
    /* SUBS w, SXTB: 0 - (-1) = 1, with a borrow (C = 0) */
    f = F2("subs %w0, %w2, %w3, sxtb", 0, 0xff, C_, &r);
    check_rf(r, f, 1, 0, "subs w sxtb");
}

static void test_carry(void)
{
    uint64_t r, f;

    /* ADC: 5 + 7 + C */
    tl_check_eq(R2F("adc %0, %1, %2", 5, 7, C_), 13, "adc c=1");
    tl_check_eq(R2F("adc %0, %1, %2", 5, 7, 0), 12, "adc c=0");
    /* W: 0xffffffff + 1 + 1 = 1 on 32 bits */
    tl_check_eq(R2F("adc %w0, %w1, %w2", 0xabcdef01ffffffffull, 1, C_), 1,
                "adc w wrap");
    /* SBC: 10 - 3 - NOT(C) */
    tl_check_eq(R2F("sbc %0, %1, %2", 10, 3, C_), 7, "sbc c=1");
    tl_check_eq(R2F("sbc %0, %1, %2", 10, 3, 0), 6, "sbc c=0");
    tl_check_eq(R2F("sbc %w0, %w1, %w2", 0, 0, 0), 0xffffffffull,
                "sbc w c=0");
    /* NGC: 0 - x - NOT(C) */
    tl_check_eq(R2F("ngc %0, %2", 0, 1, C_), ~0ull, "ngc c=1");
    tl_check_eq(R2F("ngc %0, %2", 0, 1, 0), 0xfffffffffffffffeull,
                "ngc c=0");

    /* ADCS: all ones + 0 + 1 = 0 with carry */
    f = F2("adcs %0, %2, %3", ~0ull, 0, C_, &r);
    check_rf(r, f, 0, Z_ | C_, "adcs x carry-in");
    /* ADCS: same with C = 0 leaves all ones, N */
    f = F2("adcs %0, %2, %3", ~0ull, 0, 0, &r);
    check_rf(r, f, ~0ull, N_, "adcs x no carry-in");
    /* ADCS W: INT32_MAX + 0 + 1 overflows */
    f = F2("adcs %w0, %w2, %w3", 0x7fffffff, 0, C_, &r);
    check_rf(r, f, 0x80000000ull, N_ | V_, "adcs w overflow");
    /* INT64_MAX + INT64_MIN + 1 = 2^64: 0 with carry, no overflow */
    f = F2("adcs %0, %2, %3", 0x7fffffffffffffffull, 0x8000000000000000ull,
           C_, &r);
    check_rf(r, f, 0, Z_ | C_, "adcs x mixed");
    /* SBCS W: 0 + NOT(0) + 0 = 0xffffffff: N, no carry */
    f = F2("sbcs %w0, %w2, %w3", 0, 0, 0, &r);
    check_rf(r, f, 0xffffffffull, N_, "sbcs w borrow");
    /* SBCS: 5 - 5 with C = 1: 0, Z and C */
    f = F2("sbcs %0, %2, %3", 5, 5, C_, &r);
    check_rf(r, f, 0, Z_ | C_, "sbcs x equal");
    /* NGCS W: 0 - 0 - 0 = 0 with C = 1: Z C */
    f = F2("ngcs %w0, %w3", 0, 0, C_, &r);
    check_rf(r, f, 0, Z_ | C_, "ngcs w");
}

/* Labels whose addresses come from literal pools (LDR =sym), not ADR. */
__asm__(".pushsection .text\n"
        ".balign 4\n"
        ".global dp_adr_back\n"
        "dp_adr_back: nop\n"
        ".popsection\n");
uint8_t dp_adrp_target[8192] __attribute__((aligned(4096)));

static void test_adr(void)
{
    uint64_t got, want;

    /* ADR forward to the next instruction's label */
    __asm__ volatile("adr %0, 1f\n\tldr %1, =1f\n1:"
                     : "=&r"(got), "=&r"(want));
    tl_check_eq(got, want, "adr forward");
    /* ADR backward (negative offset) to a label earlier in .text */
    __asm__ volatile("adr %0, dp_adr_back\n\tldr %1, =dp_adr_back"
                     : "=&r"(got), "=&r"(want));
    tl_check_eq(got, want, "adr backward");
    /* ADRP: the 4 KiB page of the symbol (+1 page: not page 0's base) */
    __asm__ volatile("adrp %0, dp_adrp_target + 4096\n\t"
                     "ldr %1, =dp_adrp_target + 4096"
                     : "=&r"(got), "=&r"(want));
    tl_check_eq(got, want & ~0xfffull, "adrp");
    tl_check_eq(got & 0xfff, 0, "adrp page aligned");
}

int main(void)
{
    test_addsub_imm();
    test_sp_forms();
    test_addsub_shifted();
    test_addsub_extended();
    test_carry();
    test_adr();
    return tl_done();
}
