/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * dp-cond: A64 conditional select (CSEL, CSINC, CSINV, CSNEG and the
 * aliases CSET, CSETM, CINC, CINV, CNEG) for all 16 conditions under all
 * 16 NZCV values; conditional compare (CCMP/CCMN, register and
 * immediate, X and W); and the FEAT_FlagM instructions RMIF, SETF8,
 * SETF16, which are tested for their effect when ID_AA64ISAR0_EL1.TS
 * says the CPU has them and for being UNDEFINED otherwise.
 *
 * Expected values: the condition table is ConditionHolds() of the Arm
 * ARM (DDI 0487, C1.2.4) evaluated by hand for each NZCV value; the
 * others are derived in the comments (flags as AddWithCarry()).
 */
#include "testlib.h"

#define N_ (1u << 31)
#define Z_ (1u << 30)
#define C_ (1u << 29)
#define V_ (1u << 28)

/*
 * holds[c] bit f: condition c holds when NZCV = f (N = bit 3, Z = 2,
 * C = 1, V = 0).  EQ (Z): f in 4-7, 12-15 = 0xf0f0; CS (C): 0xcccc; MI
 * (N): 0xff00; VS (V): 0xaaaa; HI (C and not Z): {2, 3, 10, 11} =
 * 0x0c0c; GE (N == V): {0, 2, 4, 6, 9, 11, 13, 15} = 0xaa55; GT (not Z
 * and N == V): {0, 2, 9, 11} = 0x0a05; each odd condition is the
 * inverse of the even one before it, except NV which holds like AL.
 */
static const uint16_t holds[16] = {
    0xf0f0, 0x0f0f, 0xcccc, 0x3333, 0xff00, 0x00ff, 0xaaaa, 0x5555,
    0x0c0c, 0xf3f3, 0xaa55, 0x55aa, 0x0a05, 0xf5fa, 0xffff, 0xffff,
};

/* CSEL X: 1 if it picked Rn (= 1) rather than Rm (= 0) */
#define DEFINE_CSEL(cc)                                                 \
static uint64_t csel_##cc(uint64_t f)                                   \
{                                                                       \
    uint64_t r;                                                         \
    __asm__ volatile("msr nzcv, %1\n\t"                                 \
                     "csel %0, %2, xzr, " #cc                           \
                     : "=r"(r) : "r"(f << 28), "r"(1ull) : "cc");       \
    return r;                                                           \
}

DEFINE_CSEL(eq) DEFINE_CSEL(ne) DEFINE_CSEL(cs) DEFINE_CSEL(cc)
DEFINE_CSEL(mi) DEFINE_CSEL(pl) DEFINE_CSEL(vs) DEFINE_CSEL(vc)
DEFINE_CSEL(hi) DEFINE_CSEL(ls) DEFINE_CSEL(ge) DEFINE_CSEL(lt)
DEFINE_CSEL(gt) DEFINE_CSEL(le) DEFINE_CSEL(al) DEFINE_CSEL(nv)

static uint64_t (*const csel_fn[16])(uint64_t) = {
    csel_eq, csel_ne, csel_cs, csel_cc, csel_mi, csel_pl, csel_vs, csel_vc,
    csel_hi, csel_ls, csel_ge, csel_lt, csel_gt, csel_le, csel_al, csel_nv,
};

/*
 * CSET W and CSETM X (CSINC/CSINV of XZR with the inverted condition):
 * 1 / all ones when cc holds.  AL and NV have no CSET form.
 */
#define DEFINE_CSET(cc)                                                 \
static uint64_t cset_##cc(uint64_t f)                                   \
{                                                                       \
    uint64_t r;                                                         \
    __asm__ volatile("msr nzcv, %1\n\tmov %0, #-1\n\tcset %w0, " #cc    \
                     : "=&r"(r) : "r"(f << 28) : "cc");                 \
    return r;                                                           \
}                                                                       \
static uint64_t csetm_##cc(uint64_t f)                                  \
{                                                                       \
    uint64_t r;                                                         \
    __asm__ volatile("msr nzcv, %1\n\tcsetm %0, " #cc                   \
                     : "=r"(r) : "r"(f << 28) : "cc");                  \
    return r;                                                           \
}

DEFINE_CSET(eq) DEFINE_CSET(ne) DEFINE_CSET(cs) DEFINE_CSET(cc)
DEFINE_CSET(mi) DEFINE_CSET(pl) DEFINE_CSET(vs) DEFINE_CSET(vc)
DEFINE_CSET(hi) DEFINE_CSET(ls) DEFINE_CSET(ge) DEFINE_CSET(lt)
DEFINE_CSET(gt) DEFINE_CSET(le)

static uint64_t (*const cset_fn[14])(uint64_t) = {
    cset_eq, cset_ne, cset_cs, cset_cc, cset_mi, cset_pl, cset_vs, cset_vc,
    cset_hi, cset_ls, cset_ge, cset_lt, cset_gt, cset_le,
};

static uint64_t (*const csetm_fn[14])(uint64_t) = {
    csetm_eq, csetm_ne, csetm_cs, csetm_cc, csetm_mi, csetm_pl, csetm_vs,
    csetm_vc, csetm_hi, csetm_ls, csetm_ge, csetm_lt, csetm_gt, csetm_le,
};

#define NAMES(p) {                                                      \
    p " eq", p " ne", p " cs", p " cc", p " mi", p " pl", p " vs",      \
    p " vc", p " hi", p " ls", p " ge", p " lt", p " gt", p " le",      \
    p " al", p " nv" }
static const char *const csel_name[16] = NAMES("csel");
static const char *const cset_name[16] = NAMES("cset");
static const char *const csetm_name[16] = NAMES("csetm");

static void test_conditions(void)
{
    for (int c = 0; c < 16; c++) {
        uint16_t got = 0, got_set = 0, got_setm = 0;
        uint16_t want_set = c < 14 ? holds[c] : 0;

        for (uint64_t f = 0; f < 16; f++) {
            got |= (uint16_t)((csel_fn[c](f) == 1) << f);
            if (c < 14) {
                got_set |= (uint16_t)((cset_fn[c](f) == 1) << f);
                got_setm |= (uint16_t)((csetm_fn[c](f) == ~0ull) << f);
            }
        }
        tl_check_eq(got, holds[c], csel_name[c]);
        tl_check_eq(got_set, want_set, cset_name[c]);
        tl_check_eq(got_setm, want_set, csetm_name[c]);
    }
}

/* r = insn(%1 = a, %2 = b) with NZCV preset to fin (%3) */
#define R2F(insn, a, b, fin) ({                                         \
    uint64_t r_, a_ = (a), b_ = (b), i_ = (fin);                        \
    __asm__ volatile("msr nzcv, %3\n\t" insn                            \
                     : "=&r"(r_) : "r"(a_), "r"(b_), "r"(i_) : "cc");    \
    r_; })

static void test_select(void)
{
    /* condition true: Rn; false: Rm, Rm + 1, NOT Rm, -Rm */
    tl_check_eq(R2F("csinc %0, %1, %2, eq", 5, 7, Z_), 5, "csinc true");
    tl_check_eq(R2F("csinc %0, %1, %2, eq", 5, 7, 0), 8, "csinc false");
    tl_check_eq(R2F("csinv %0, %1, %2, eq", 5, 7, 0), ~7ull, "csinv false");
    tl_check_eq(R2F("csneg %0, %1, %2, eq", 5, 7, 0), (uint64_t)-7,
                "csneg false");
    tl_check_eq(R2F("csneg %0, %1, %2, ne", 5, 7, 0), 5, "csneg true");
    /* W: 0xffffffff + 1 wraps to 0; -1 is 0xffffffff; junk dropped */
    tl_check_eq(R2F("csinc %w0, %w1, %w2, eq", 5, 0x12345678ffffffffull, 0),
                0, "csinc w wrap");
    tl_check_eq(R2F("csneg %w0, %w1, %w2, eq", 5, 1, 0), 0xffffffffull,
                "csneg w");
    tl_check_eq(R2F("csinv %w0, %w1, %w2, eq", 5, 0, 0), 0xffffffffull,
                "csinv w");
    tl_check_eq(R2F("csel %w0, %w1, %w2, eq", 0xabcdef0012345678ull, 0, Z_),
                0x12345678ull, "csel w true");
    tl_check_eq(R2F("csel %0, %1, %2, mi", 1, 2, N_), 1, "csel mi");
    /* CINC/CINV/CNEG: Rn when cc fails, op(Rn) when it holds */
    tl_check_eq(R2F("cinc %0, %1, cs", 9, 0, C_), 10, "cinc true");
    tl_check_eq(R2F("cinc %0, %1, cs", 9, 0, 0), 9, "cinc false");
    tl_check_eq(R2F("cinv %0, %1, vs", 0, 0, V_), ~0ull, "cinv true");
    tl_check_eq(R2F("cneg %0, %1, ge", 3, 0, N_ | V_), (uint64_t)-3,
                "cneg true");
    tl_check_eq(R2F("cneg %w0, %w1, lt", 3, 0, N_), 0xfffffffdull,
                "cneg w");
}

/* NZCV after insn(%1 = a, %2 = b) with NZCV preset to fin (%3) */
#define F2(insn, a, b, fin) ({                                          \
    uint64_t f_, a_ = (a), b_ = (b), i_ = (fin);                        \
    __asm__ volatile("msr nzcv, %3\n\t" insn "\n\tmrs %0, nzcv"         \
                     : "=&r"(f_) : "r"(a_), "r"(b_), "r"(i_) : "cc");    \
    f_; })

static void test_ccmp(void)
{
    /* EQ holds: flags of 5 - 3 = 2 (C); fails: the immediate 0xd */
    tl_check_eq(F2("ccmp %1, %2, #0xd, eq", 5, 3, Z_), C_, "ccmp true");
    tl_check_eq(F2("ccmp %1, %2, #0xd, eq", 5, 3, 0), N_ | Z_ | V_,
                "ccmp false");
    /* 3 - 5: borrow, negative */
    tl_check_eq(F2("ccmp %1, %2, #0, al", 3, 5, 0), N_, "ccmp al");
    /* immediate: 31 - 31 = 0 */
    tl_check_eq(F2("ccmp %1, #31, #0, ne", 31, 0, 0), Z_ | C_, "ccmp imm");
    tl_check_eq(F2("ccmp %1, #31, #0x2, ne", 31, 0, Z_), C_,
                "ccmp imm false");
    /* CCMN: -1 + 1 = 0 with carry */
    tl_check_eq(F2("ccmn %1, #1, #0, pl", ~0ull, 0, 0), Z_ | C_,
                "ccmn imm");
    tl_check_eq(F2("ccmn %1, %2, #0x8, hi", 0x7fffffffffffffffull, 1, C_),
                N_ | V_, "ccmn overflow");
    tl_check_eq(F2("ccmn %1, %2, #0x8, hi", 0x7fffffffffffffffull, 1,
                   C_ | Z_), N_, "ccmn hi false");
    /* W: 0x80000000 - 1 on 32 bits: C and V; bits 63:32 ignored */
    tl_check_eq(F2("ccmp %w1, %w2, #0, eq", 0xffffffff80000000ull, 1, Z_),
                C_ | V_, "ccmp w");
    tl_check_eq(F2("ccmn %w1, #1, #0, eq", 0xffffffff, 0, Z_), Z_ | C_,
                "ccmn w");
}

static volatile int undef_count;

static void undef_handler(struct tl_regs *r)
{
    if (tl_esr_ec(r->esr) == TL_EC_UNKNOWN) {
        undef_count++;
    }
    r->elr += 4;
}

/* The FlagM instructions, as words (the assembler is set to v8.0). */
#define SETF8_W1  ".inst 0x3a00082d\n\t"     /* setf8 w1 */
#define SETF16_W1 ".inst 0x3a00482d\n\t"     /* setf16 w1 */
#define RMIF_X1_4_F ".inst 0xba02042f\n\t"   /* rmif x1, #4, #0xf */
#define RMIF_X1_0_2 ".inst 0xba000422\n\t"   /* rmif x1, #0, #0x2 */

/* NZCV after one FlagM instruction on x1 = a, NZCV preset to fin */
#define FLAGM(insn, a, fin) ({                                          \
    uint64_t f_, i_ = (fin);                                            \
    register uint64_t x1_ __asm__("x1") = (a);                          \
    __asm__ volatile("msr nzcv, %2\n\t" insn "mrs %0, nzcv"             \
                     : "=&r"(f_) : "r"(x1_), "r"(i_) : "cc");           \
    f_; })

static void test_flagm(void)
{
    unsigned ts = (tl_read_sysreg(id_aa64isar0_el1) >> 52) & 0xf;

    if (ts == 0) {
        tl_sync_handler old = tl_set_sync_handler(undef_handler);

        undef_count = 0;
        FLAGM(SETF8_W1, 0, 0);
        FLAGM(SETF16_W1, 0, 0);
        FLAGM(RMIF_X1_4_F, 0, 0);
        tl_set_sync_handler(old);
        tl_check_eq(undef_count, 3, "flagm undefined without FEAT_FlagM");
        return;
    }
    /* SETF8 0x80: N (bit 7), V = bit 8 ^ bit 7 = 1, C kept */
    tl_check_eq(FLAGM(SETF8_W1, 0x80, C_), N_ | C_ | V_, "setf8 80");
    /* SETF8 0x100: low byte zero: Z; V = 1 ^ 0 */
    tl_check_eq(FLAGM(SETF8_W1, 0x100, 0), Z_ | V_, "setf8 100");
    /* SETF16 0x18000: bits 16 and 15 set: N, V = 0 */
    tl_check_eq(FLAGM(SETF16_W1, 0x18000, C_ | V_), N_ | C_, "setf16");
    /* RMIF 0x90 ror 4 = 9: N and V */
    tl_check_eq(FLAGM(RMIF_X1_4_F, 0x90, Z_ | C_), N_ | V_, "rmif all");
    /* RMIF mask 2: only C, from bit 1 */
    tl_check_eq(FLAGM(RMIF_X1_0_2, 0x2, N_ | Z_ | V_), N_ | Z_ | C_ | V_,
                "rmif c");
}

int main(void)
{
    test_conditions();
    test_select();
    test_ccmp();
    test_flagm();
    return tl_done();
}
