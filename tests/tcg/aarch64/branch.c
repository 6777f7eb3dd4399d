/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * branch: every A64 branch instruction.  B.cond for all 16 conditions
 * under all 16 NZCV combinations, CBZ/CBNZ on W and X registers, TBZ/TBNZ
 * at low, middle and top bit positions, B/BL/BR/BLR/RET (including
 * BLR X30, which must read the target before writing the link) and a
 * backward-branch loop.
 *
 * Expected values: the condition table below is ConditionHolds() of the
 * Arm ARM (DDI 0487, C1.2.4, table "Condition codes") evaluated by hand
 * for each NZCV value; link addresses are taken with ADR from labels.
 */
#include "testlib.h"

/*
 * cond_taken[c] bit f: condition c holds when NZCV = f (N = bit 3,
 * Z = bit 2, C = bit 1, V = bit 0).  E.g. EQ holds when Z = 1: f in
 * 4-7 and 12-15 = 0xf0f0; HI (C = 1 and Z = 0): f in {2, 3, 10, 11} =
 * 0x0c0c; GE (N == V): {0, 2, 4, 6, 9, 11, 13, 15} = 0xaa55; GT (Z = 0
 * and N == V): {0, 2, 9, 11} = 0x0a05; odd conditions invert the even
 * one below them except NV, which is "always" like AL.
 */
static const uint16_t cond_taken[16] = {
    0xf0f0, 0x0f0f, 0xcccc, 0x3333, 0xff00, 0x00ff, 0xaaaa, 0x5555,
    0x0c0c, 0xf3f3, 0xaa55, 0x55aa, 0x0a05, 0xf5fa, 0xffff, 0xffff,
};

/* 1 if "b.<cc>" is taken with NZCV = @f, else 0. */
#define DEFINE_BCOND(cc)                                                \
static int bcond_##cc(uint64_t f)                                       \
{                                                                       \
    int r;                                                              \
    __asm__ volatile("msr nzcv, %1\n\t"                                 \
                     "mov %w0, #1\n\t"                                  \
                     "b." #cc " 1f\n\t"                                 \
                     "mov %w0, #0\n"                                    \
                     "1:"                                               \
                     : "=&r"(r) : "r"(f << 28) : "cc");                  \
    return r;                                                           \
}

DEFINE_BCOND(eq) DEFINE_BCOND(ne) DEFINE_BCOND(cs) DEFINE_BCOND(cc)
DEFINE_BCOND(mi) DEFINE_BCOND(pl) DEFINE_BCOND(vs) DEFINE_BCOND(vc)
DEFINE_BCOND(hi) DEFINE_BCOND(ls) DEFINE_BCOND(ge) DEFINE_BCOND(lt)
DEFINE_BCOND(gt) DEFINE_BCOND(le) DEFINE_BCOND(al) DEFINE_BCOND(nv)

static int (*const bcond[16])(uint64_t) = {
    bcond_eq, bcond_ne, bcond_cs, bcond_cc, bcond_mi, bcond_pl,
    bcond_vs, bcond_vc, bcond_hi, bcond_ls, bcond_ge, bcond_lt,
    bcond_gt, bcond_le, bcond_al, bcond_nv,
};

static const char *const cond_name[16] = {
    "b.eq", "b.ne", "b.cs", "b.cc", "b.mi", "b.pl", "b.vs", "b.vc",
    "b.hi", "b.ls", "b.ge", "b.lt", "b.gt", "b.le", "b.al", "b.nv",
};

static void test_bcond(void)
{
    for (int c = 0; c < 16; c++) {
        uint16_t got = 0;

        for (uint64_t f = 0; f < 16; f++) {
            got |= (uint16_t)(bcond[c](f) << f);
        }
        tl_check_eq(got, cond_taken[c], cond_name[c]);
    }
}

/* 1 if the CBZ/CBNZ/TBZ/TBNZ in @insn (operand %1) is taken. */
#define BR_TAKEN(insn, val) ({                                          \
    int r_;                                                             \
    __asm__ volatile("mov %w0, #1\n\t" insn ", 1f\n\t"                  \
                     "mov %w0, #0\n1:"                                  \
                     : "=&r"(r_) : "r"((uint64_t)(val)));               \
    r_; })

static void test_cbz_tbz(void)
{
    /* W forms look at bits 31:0 only */
    tl_check_eq(BR_TAKEN("cbz %w1", 0x100000000ull), 1, "cbz w hi-only");
    tl_check_eq(BR_TAKEN("cbz %1", 0x100000000ull), 0, "cbz x hi-only");
    tl_check_eq(BR_TAKEN("cbz %1", 0), 1, "cbz x zero");
    tl_check_eq(BR_TAKEN("cbnz %w1", 0x100000000ull), 0, "cbnz w hi-only");
    tl_check_eq(BR_TAKEN("cbnz %1", 0x100000000ull), 1, "cbnz x hi-only");
    tl_check_eq(BR_TAKEN("cbnz %w1", 0x80000000ull), 1, "cbnz w bit31");
    tl_check_eq(BR_TAKEN("cbz %w1", 0), 1, "cbz w zero");

    tl_check_eq(BR_TAKEN("tbz %w1, #0", 1), 0, "tbz #0 set");
    tl_check_eq(BR_TAKEN("tbz %w1, #0", 2), 1, "tbz #0 clear");
    tl_check_eq(BR_TAKEN("tbnz %w1, #1", 2), 1, "tbnz #1 set");
    tl_check_eq(BR_TAKEN("tbnz %w1, #31", 0x80000000ull), 1, "tbnz #31");
    tl_check_eq(BR_TAKEN("tbz %w1, #31", 0x7fffffffull), 1, "tbz #31");
    tl_check_eq(BR_TAKEN("tbnz %1, #32", 0x100000000ull), 1, "tbnz #32");
    tl_check_eq(BR_TAKEN("tbz %1, #32", 0xffffffffull), 1, "tbz #32");
    tl_check_eq(BR_TAKEN("tbnz %1, #47", 1ull << 47), 1, "tbnz #47");
    tl_check_eq(BR_TAKEN("tbnz %1, #63", 1ull << 63), 1, "tbnz #63");
    tl_check_eq(BR_TAKEN("tbz %1, #63", 1ull << 63), 0, "tbz #63 set");
    tl_check_eq(BR_TAKEN("tbz %1, #63", ~(1ull << 63)), 1, "tbz #63 clr");
}

static void test_bl_ret(void)
{
    uint64_t link, expect;

    /* BL writes the address of the next instruction to X30 */
    __asm__ volatile("adr %1, 1f\n\t"
                     "bl 2f\n"
                     "1: b 3f\n"
                     "2: mov %0, x30\n\t"
                     "ret\n"
                     "3:"
                     : "=&r"(link), "=&r"(expect) : : "x30");
    tl_check_eq(link, expect, "bl link");

    /* BLR Xn and RET Xn */
    __asm__ volatile("adr x9, 2f\n\t"
                     "adr %1, 1f\n\t"
                     "blr x9\n"
                     "1: b 3f\n"
                     "2: mov %0, x30\n\t"
                     "mov x10, x30\n\t"
                     "ret x10\n"
                     "3:"
                     : "=&r"(link), "=&r"(expect) : : "x9", "x10", "x30");
    tl_check_eq(link, expect, "blr link");

    /* BLR X30: branch to the old X30, link to the next instruction */
    __asm__ volatile("adr x30, 2f\n\t"
                     "adr %1, 1f\n\t"
                     "blr x30\n"
                     "1: b 3f\n"
                     "2: mov %0, x30\n\t"
                     "ret\n"
                     "3:"
                     : "=&r"(link), "=&r"(expect) : : "x30");
    tl_check_eq(link, expect, "blr x30 link");
}

static void test_b_br(void)
{
    uint64_t r;

    /* B over an instruction; BR to a register target */
    __asm__ volatile("mov %0, #1\n\t"
                     "b 1f\n\t"
                     "mov %0, #2\n"
                     "1: adr x9, 2f\n\t"
                     "br x9\n\t"
                     "mov %0, #3\n"
                     "2: add %0, %0, #10"
                     : "=&r"(r) : : "x9");
    tl_check_eq(r, 11, "b and br");

    /* a backward conditional branch: sum 1..100 = 5050 */
    __asm__ volatile("mov %0, #0\n\t"
                     "mov x9, #100\n"
                     "1: add %0, %0, x9\n\t"
                     "subs x9, x9, #1\n\t"
                     "b.ne 1b"
                     : "=&r"(r) : : "x9", "cc");
    tl_check_eq(r, 5050, "loop b.ne");

    /* the same loop closed by CBNZ */
    __asm__ volatile("mov %0, #0\n\t"
                     "mov x9, #10\n"
                     "1: add %0, %0, #3\n\t"
                     "sub x9, x9, #1\n\t"
                     "cbnz x9, 1b"
                     : "=&r"(r) : : "x9");
    tl_check_eq(r, 30, "loop cbnz");
}

int main(void)
{
    test_bcond();
    test_cbz_tbz();
    test_bl_ret();
    test_b_br();
    return tl_done();
}
