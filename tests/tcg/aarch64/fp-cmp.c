/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * fp-cmp: FCMP and FCMPE (registers and #0.0) setting NZCV, the
 * exception flags of quiet and signalling comparisons, FCCMP/FCCMPE with
 * the condition true and false, FCSEL.
 *
 * Expected values from the Arm ARM (DDI 0487, C7.2.66 FCMP and the
 * FPCompare pseudocode): less -> NZCV 1000, equal -> 0110, greater ->
 * 0010, unordered -> 0011 (NZCV is bits 31:28 of the NZCV register).
 * FCMP raises IOC only for a signalling NaN, FCMPE for any NaN.  FCCMP
 * with a false condition sets NZCV to its immediate and compares
 * nothing (so raises nothing).  1.0f 0x3f800000, 2.0f 0x40000000.
 */
#include "testlib.h"

#define IOC 0x01u
#define LT 0x80000000ull
#define EQ 0x60000000ull
#define GT 0x20000000ull
#define UN 0x30000000ull

static uint64_t fcmp_s(uint32_t a, uint32_t b)
{
    uint64_t f;

    __asm__ volatile("fmov s0, %w1\n\tfmov s1, %w2\n\tfcmp s0, s1\n\t"
                     "mrs %0, nzcv" : "=r"(f) : "r"(a), "r"(b)
                     : "v0", "v1", "cc");
    return f;
}

static uint64_t fcmpe_s(uint32_t a, uint32_t b)
{
    uint64_t f;

    __asm__ volatile("fmov s0, %w1\n\tfmov s1, %w2\n\tfcmpe s0, s1\n\t"
                     "mrs %0, nzcv" : "=r"(f) : "r"(a), "r"(b)
                     : "v0", "v1", "cc");
    return f;
}

static uint64_t fcmp_d_zero(uint64_t a)
{
    uint64_t f;

    __asm__ volatile("fmov d0, %1\n\tfcmp d0, #0.0\n\tmrs %0, nzcv"
                     : "=r"(f) : "r"(a) : "v0", "cc");
    return f;
}

/* cmp x, y (EQ holds iff x == y); then fccmp s0, s1, #0b0101, eq */
static uint64_t fccmp_s(uint64_t x, uint64_t y, uint32_t a, uint32_t b)
{
    uint64_t f;

    __asm__ volatile("fmov s0, %w3\n\tfmov s1, %w4\n\tcmp %1, %2\n\t"
                     "fccmp s0, s1, #5, eq\n\tmrs %0, nzcv"
                     : "=r"(f) : "r"(x), "r"(y), "r"(a), "r"(b)
                     : "v0", "v1", "cc");
    return f;
}

static uint64_t fccmpe_s(uint64_t x, uint64_t y, uint32_t a, uint32_t b)
{
    uint64_t f;

    __asm__ volatile("fmov s0, %w3\n\tfmov s1, %w4\n\tcmp %1, %2\n\t"
                     "fccmpe s0, s1, #5, eq\n\tmrs %0, nzcv"
                     : "=r"(f) : "r"(x), "r"(y), "r"(a), "r"(b)
                     : "v0", "v1", "cc");
    return f;
}

/* cmp x, y; fcsel d0, d1, d2, lt */
static uint64_t fcsel_d(uint64_t x, uint64_t y, uint64_t a, uint64_t b)
{
    uint64_t r;

    __asm__ volatile("fmov d1, %3\n\tfmov d2, %4\n\tcmp %1, %2\n\t"
                     "fcsel d0, d1, d2, lt\n\tfmov %0, d0"
                     : "=r"(r) : "r"(x), "r"(y), "r"(a), "r"(b)
                     : "v0", "v1", "v2", "cc");
    return r;
}

/* fcsel with AL / NV (both "always", Arm ARM ConditionHolds): Rn */
static uint64_t fcsel_al_nv(uint64_t a, uint64_t b)
{
    uint64_t r1, r2;

    __asm__ volatile("fmov d1, %2\n\tfmov d2, %3\n\t"
                     "fcsel d0, d1, d2, al\n\tfmov %0, d0\n\t"
                     "fcsel s0, s2, s1, nv\n\tfmov %1, d0"
                     : "=&r"(r1), "=&r"(r2) : "r"(a), "r"(b)
                     : "v0", "v1", "v2");
    return r1 ^ (r2 << 32);
}

static void clear_fpsr(void)
{
    tl_write_sysreg(fpsr, 0);
}

static uint64_t fpsr(void)
{
    return tl_read_sysreg(fpsr);
}

static void test_fcmp(void)
{
    clear_fpsr();
    tl_check_eq(fcmp_s(0x3f800000, 0x40000000), LT, "1 < 2");
    tl_check_eq(fcmp_s(0x40000000, 0x3f800000), GT, "2 > 1");
    tl_check_eq(fcmp_s(0x3f800000, 0x3f800000), EQ, "1 == 1");
    tl_check_eq(fcmp_s(0x80000000, 0x00000000), EQ, "-0 == +0");
    tl_check_eq(fcmp_s(0xff800000, 0x7f800000), LT, "-inf < +inf");
    tl_check_eq(fcmp_s(0x7fc00000, 0x3f800000), UN, "qNaN unordered");
    tl_check_eq(fpsr(), 0, "fcmp with a quiet NaN raises nothing");
    tl_check_eq(fcmpe_s(0x3f800000, 0x7fc00000), UN, "fcmpe qNaN");
    tl_check_eq(fpsr(), IOC, "fcmpe with a quiet NaN sets IOC");
    clear_fpsr();
    tl_check_eq(fcmp_s(0x7f800001, 0x3f800000), UN, "sNaN unordered");
    tl_check_eq(fpsr(), IOC, "fcmp with a signalling NaN sets IOC");
    clear_fpsr();
    /* -1.0 0xbff0000000000000 against #0.0; -0.0 equal */
    tl_check_eq(fcmp_d_zero(0xbff0000000000000ull), LT, "-1 < #0.0");
    tl_check_eq(fcmp_d_zero(0x8000000000000000ull), EQ, "-0 == #0.0");
    tl_check_eq(fcmp_d_zero(0x0000000000000001ull), GT, "denormal > 0");
}

static void test_fccmp(void)
{
    clear_fpsr();
    /* condition holds: the comparison's flags */
    tl_check_eq(fccmp_s(1, 1, 0x3f800000, 0x40000000), LT, "fccmp true");
    /* condition fails: NZCV = #0b0101 */
    tl_check_eq(fccmp_s(1, 2, 0x3f800000, 0x40000000), 0x50000000ull,
                "fccmp false -> imm");
    tl_check_eq(fccmpe_s(1, 2, 0x7fc00000, 0x40000000), 0x50000000ull,
                "fccmpe false: no compare");
    tl_check_eq(fpsr(), 0, "fccmpe false raises nothing");
    tl_check_eq(fccmpe_s(3, 3, 0x7fc00000, 0x40000000), UN,
                "fccmpe true with qNaN");
    tl_check_eq(fpsr(), IOC, "fccmpe true with qNaN sets IOC");
}

static void test_fcsel(void)
{
    tl_check_eq(fcsel_d(1, 2, 0x1111, 0x2222), 0x1111, "fcsel lt true");
    tl_check_eq(fcsel_d(2, 1, 0x1111, 0x2222), 0x2222, "fcsel lt false");
    /* al: d0 = d1 = 0x1111; nv: s0 = s2 = 0x2222 (upper bits zeroed) */
    tl_check_eq(fcsel_al_nv(0x1111, 0x2222), 0x1111 ^ (0x2222ull << 32),
                "fcsel al/nv select Rn");
}

static __attribute__((noinline)) int run(void)
{
    test_fcmp();
    test_fccmp();
    test_fcsel();
    return tl_done();
}

int main(void)
{
    tl_write_sysreg(cpacr_el1, tl_read_sysreg(cpacr_el1) | 3ull << 20);
    tl_isb();
    return run();
}
