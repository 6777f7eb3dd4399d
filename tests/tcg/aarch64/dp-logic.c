/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * dp-logic: A64 logical instructions, immediate (AND/ORR/EOR/ANDS, TST,
 * MOV bitmask, SP destinations) and shifted register (AND, BIC, ORR,
 * ORN, EOR, EON, ANDS, BICS, TST, MVN, MOV with LSL/LSR/ASR/ROR), and
 * the move-wide instructions (MOVZ, MOVN, MOVK and their MOV aliases).
 * Also: a reserved encoding (32-bit shift by 32) must be UNDEFINED.
 *
 * Expected values are derived by hand in the comments.  Logical flag
 * setters give N = bit 63 (31 for W), Z = result is zero, C = V = 0; NZCV
 * is preset with MSR (C and V set) to see them cleared.
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

/* r = insn(%0 = d, which is read and written) */
#define R1D(insn, d) ({                                                 \
    uint64_t r_ = (d);                                                  \
    __asm__ volatile(insn : "+r"(r_));                                  \
    r_; })

/* NZCV after insn(%2 = a, %3 = b) with NZCV preset to fin; *res = %0 */
#define F2(insn, a, b, fin, res) ({                                     \
    uint64_t f_, a_ = (a), b_ = (b), i_ = (fin);                        \
    __asm__ volatile("msr nzcv, %4\n\t" insn "\n\tmrs %1, nzcv"         \
                     : "=&r"(*(res)), "=&r"(f_)                         \
                     : "r"(a_), "r"(b_), "r"(i_) : "cc");               \
    f_; })

static void test_logic_imm(void)
{
    uint64_t r, f;

    tl_check_eq(R2("and %0, %1, #0xff", 0x1234, 0), 0x34, "and #0xff");
    tl_check_eq(R2("orr %0, %1, #0xf0f0f0f0f0f0f0f0", 0x0f, 0),
                0xf0f0f0f0f0f0f0ffull, "orr x pattern");
    /* W: 0x12345678 ^ 0x80000000; junk in 63:32 gone */
    tl_check_eq(R2("eor %w0, %w1, #0x80000000", 0xffffffff12345678ull, 0),
                0x92345678ull, "eor w");
    tl_check_eq(R2("eor %0, %1, #0x1", 0xffffffffffffffffull, 0),
                0xfffffffffffffffeull, "eor x #1");
    /* 2-bit elements 0b10: 0xaaaaaaaa in W */
    tl_check_eq(R2("orr %w0, wzr, #0xaaaaaaaa", 0, 0), 0xaaaaaaaaull,
                "orr w esize2");
    tl_check_eq(R2("mov %0, #0x5555555555555555", 0, 0),
                0x5555555555555555ull, "mov bitmask x");
    tl_check_eq(R2("mov %0, #0x00ff00ff00ff00ff", 0, 0),
                0x00ff00ff00ff00ffull, "mov bitmask 16");
    /* a rotated run: 0x8000000000000001 (2 ones rotated right by 1) */
    tl_check_eq(R2("and %0, %1, #0x8000000000000001", ~0ull, 0),
                0x8000000000000001ull, "and rotated run");
    /* AND with Rd = SP: (SP - 8) & ~15 = SP - 16 for a 16-aligned SP */
    tl_check_eq(R2("mov x9, sp\n\tsub x10, x9, #8\n\t"
                   "and sp, x10, #0xfffffffffffffff0\n\tmov %0, sp\n\t"
                   "sub %0, x9, %0\n\tmov sp, x9", 0, 0), 16, "and sp");

    /* ANDS: N from bit 63, C and V cleared */
    f = F2("ands %0, %2, #0x8000000000000000", 0x8000000000000001ull, 0,
           C_ | V_, &r);
    tl_check_eq(r, 0x8000000000000000ull, "ands x r");
    tl_check_eq(f, N_, "ands x f");
    /* ANDS W: N from bit 31 */
    f = F2("ands %w0, %w2, #0xffff0000", 0x00000001ffff1234ull, 0, 0, &r);
    tl_check_eq(r, 0xffff0000ull, "ands w r");
    tl_check_eq(f, N_, "ands w f");
    /* TST W: 2 & 1 = 0: Z; bit 32 of the input does not count */
    f = F2("mov %0, #0\n\ttst %w2, #1", 0x100000002ull, 0, N_ | C_ | V_, &r);
    tl_check_eq(f, Z_, "tst w");
}

static void test_logic_reg(void)
{
    uint64_t r, f;

    tl_check_eq(R2("and %0, %1, %2, lsr #4", 0xff, 0xf00), 0xf0, "and lsr");
    tl_check_eq(R2("orr %0, %1, %2, ror #4", 0, 1), 0x1000000000000000ull,
                "orr ror x");
    /* W rotate is on 32 bits: 1 ror 4 = 0x10000000 */
    tl_check_eq(R2("orr %w0, %w1, %w2, ror #4", 0, 0xffffffff00000001ull),
                0x10000000ull, "orr ror w");
    tl_check_eq(R2("orr %0, %1, %2, ror #63", 0, 1), 2, "orr ror63");
    tl_check_eq(R2("orn %0, %1, %2", 0, 0xff), 0xffffffffffffff00ull,
                "orn");
    tl_check_eq(R2("mvn %w0, %w2", 0, 0), 0xffffffffull, "mvn w");
    tl_check_eq(R2("mvn %0, %2, lsl #60", 0, 1), 0xefffffffffffffffull,
                "mvn lsl60");
    /* EON: 0xff00 ^ ~(0xff << 8) = all ones */
    tl_check_eq(R2("eon %0, %1, %2, lsl #8", 0xff00, 0xff), ~0ull, "eon");
    tl_check_eq(R2("eor %w0, %w1, %w2, lsl #31", 0, 3), 0x80000000ull,
                "eor w lsl31");
    /* BIC with ASR #63 of INT64_MIN (all ones) clears everything */
    tl_check_eq(R2("bic %0, %1, %2, asr #63", 0x1234, 0x8000000000000000ull),
                0, "bic asr63");
    /* W ASR: 0x80000000 asr 31 = 0xffffffff */
    tl_check_eq(R2("and %w0, %w1, %w2, asr #31", 0x12345678,
                   0x80000000ull), 0x12345678, "and w asr31");
    /* W LSR reads 32 bits: 0x12340000 lsr 16 */
    tl_check_eq(R2("orr %w0, wzr, %w2, lsr #16", 0, 0xabcd000012340000ull),
                0x1234, "orr w lsr16");
    tl_check_eq(R2("mov %0, %2", 0, 0x0123456789abcdefull),
                0x0123456789abcdefull, "mov x");
    tl_check_eq(R2("mov %w0, %w2", 0, 0x0123456789abcdefull), 0x89abcdefull,
                "mov w");

    /* BICS W: 0xf0000000 & ~0x70000000 = 0x80000000: N */
    f = F2("bics %w0, %w2, %w3", 0xf0000000, 0x70000000, C_ | V_, &r);
    tl_check_eq(r, 0x80000000ull, "bics w r");
    tl_check_eq(f, N_, "bics w f");
    /* ANDS: 4 & (1 << 1) = 0: Z */
    f = F2("ands %0, %2, %3, lsl #1", 4, 1, N_ | C_ | V_, &r);
    tl_check_eq(r, 0, "ands r");
    tl_check_eq(f, Z_, "ands f");
    /* TST: non-zero, positive: no flag, C and V cleared */
    f = F2("mov %0, #0\n\ttst %2, %3", 6, 3, C_ | V_ | Z_, &r);
    tl_check_eq(f, 0, "tst x");
}

static void test_move_wide(void)
{
    tl_check_eq(R2("movz %0, #0x1234, lsl #48", 0, 0),
                0x1234000000000000ull, "movz lsl48");
    tl_check_eq(R2("movz %w0, #0xffff, lsl #16", 0, 0), 0xffff0000ull,
                "movz w lsl16");
    tl_check_eq(R2("movn %0, #0", 0, 0), ~0ull, "movn 0");
    /* NOT(0x1234 << 16) */
    tl_check_eq(R2("movn %0, #0x1234, lsl #16", 0, 0),
                0xffffffffedcbffffull, "movn x lsl16");
    /* W: NOT on 32 bits, zero-extended */
    tl_check_eq(R2("movn %w0, #0x1234, lsl #16", 0, 0), 0xedcbffffull,
                "movn w lsl16");
    tl_check_eq(R2("movn %w0, #0xffff", 0, 0), 0xffff0000ull,
                "movn w 0xffff");
    tl_check_eq(R2("mov %0, #-2", 0, 0), 0xfffffffffffffffeull, "mov -2");
    tl_check_eq(R2("mov %w0, #-2", 0, 0), 0xfffffffeull, "mov w -2");
    tl_check_eq(R1D("movk %0, #0x1234, lsl #32", ~0ull),
                0xffff1234ffffffffull, "movk x lsl32");
    tl_check_eq(R1D("movk %0, #0xbeef, lsl #0", 0x1111222233334444ull),
                0x111122223333beefull, "movk x lsl0");
    /* MOVK W keeps bits 15:0 and clears 63:32 */
    tl_check_eq(R1D("movk %w0, #0, lsl #16", ~0ull), 0xffffull, "movk w");
}

static volatile int undef_count;

static void undef_handler(struct tl_regs *r)
{
    if (tl_esr_ec(r->esr) == TL_EC_UNKNOWN) {
        undef_count++;
    }
    r->elr += 4;
}

static void test_reserved(void)
{
    tl_sync_handler old = tl_set_sync_handler(undef_handler);

    undef_count = 0;
    /* AND w0, w1, w2, LSL #32: imm6<5> = 1 with sf = 0 is reserved */
    __asm__ volatile(".inst 0x0a028020" ::: "x0", "memory");
    /* ORR (immediate) w0, w1 with N = 1: reserved for sf = 0 */
    __asm__ volatile(".inst 0x32400020" ::: "x0", "memory");
    /* AND (immediate) x0, x1 with N = 1, imms = 0x3f: all-ones element */
    __asm__ volatile(".inst 0x9240fc20" ::: "x0", "memory");
    tl_set_sync_handler(old);
    tl_check_eq(undef_count, 3, "reserved encodings undefined");
}

int main(void)
{
    test_logic_imm();
    test_logic_reg();
    test_move_wide();
    test_reserved();
    return tl_done();
}
