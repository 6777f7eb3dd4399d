/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ldst-atomic: the FEAT_LSE instructions on a CPU that has them (-cpu
 * max): LDADD, LDCLR, LDEOR, LDSET, LDSMAX, LDSMIN, LDUMAX, LDUMIN and
 * their ST<op> aliases, SWP, CAS and CASP, in byte, halfword, word and
 * doubleword sizes and with the acquire/release variants.  Each checks
 * the old value returned (zero-extended into the W or X register) and
 * the memory afterwards, including that the neighbouring bytes of a
 * narrow operation are untouched.
 *
 * Expected values: the Arm ARM (DDI 0487) C6.2 pseudocode of each
 * instruction (MemAtomic: the operation on the element, signed or
 * unsigned comparisons for MAX/MIN, LDCLR = AND NOT), evaluated by hand
 * in the comments.
 */
#include "lib/testlib.h"

/* Assemble LSE instructions whatever -march the file is built with. */
#define LSE ".arch_extension lse\n\t"

static uint64_t mem[4] __attribute__((aligned(16)));

/* old = <insn> Rs=@val, Rt=old, [mem + @off]; operands %0 old, %1, %2 */
#define LDOP(insn, reg, off, val) ({                                     \
        uint64_t o_;                                                    \
        __asm__ volatile(LSE insn " %" reg "1, %" reg "0, [%2]"         \
                         : "=&r"(o_) : "r"((uint64_t)(val)),            \
                           "r"((uint8_t *)mem + (off)) : "memory");     \
        o_; })
#define STOP(insn, reg, off, val)                                        \
        __asm__ volatile(LSE insn " %" reg "0, [%1]"                    \
                         :: "r"((uint64_t)(val)),                       \
                           "r"((uint8_t *)mem + (off)) : "memory")

static void test_ld_ops_x(void)
{
    volatile uint64_t *m = mem;

    m[0] = 5;
    tl_check_eq(LDOP("ldadd", "x", 0, 3), 5, "ldadd old");
    tl_check_eq(m[0], 8, "ldadd: 5 + 3");
    m[0] = 0xff;
    tl_check_eq(LDOP("ldclra", "x", 0, 0x0f), 0xff, "ldclra old");
    tl_check_eq(m[0], 0xf0, "ldclr: 0xff AND NOT 0x0f");
    tl_check_eq(LDOP("ldeorl", "x", 0, 0xff), 0xf0, "ldeorl old");
    tl_check_eq(m[0], 0x0f, "ldeor: 0xf0 ^ 0xff");
    tl_check_eq(LDOP("ldsetal", "x", 0, 0x30), 0x0f, "ldsetal old");
    tl_check_eq(m[0], 0x3f, "ldset: 0x0f | 0x30");
    m[0] = (uint64_t)-16;
    tl_check_eq(LDOP("ldsmax", "x", 0, 5), (uint64_t)-16, "ldsmax old");
    tl_check_eq(m[0], 5, "ldsmax: max(-16, 5)");
    tl_check_eq(LDOP("ldsmin", "x", 0, -16), 5, "ldsmin old");
    tl_check_eq(m[0], (uint64_t)-16, "ldsmin: min(5, -16)");
    tl_check_eq(LDOP("ldumax", "x", 0, 5), (uint64_t)-16, "ldumax old");
    tl_check_eq(m[0], (uint64_t)-16, "ldumax: 2^64-16 > 5");
    tl_check_eq(LDOP("ldumin", "x", 0, 5), (uint64_t)-16, "ldumin old");
    tl_check_eq(m[0], 5, "ldumin: 5 < 2^64-16");
    /* 64-bit carry across the word boundary */
    m[0] = 0xffffffffull;
    LDOP("ldadd", "x", 0, 1);
    tl_check_eq(m[0], 0x100000000ull, "ldadd x carry");
}

static void test_ld_ops_narrow(void)
{
    volatile uint64_t *m = mem;

    /* bytes 0..7 = 11 22 33 44 55 66 77 88 */
    m[1] = 0x8877665544332211ull;
    /* byte 1: 0x22 + 0xf0 = 0x112 -> 0x12, no carry into byte 2 */
    tl_check_eq(LDOP("ldaddb", "w", 9, 0xf0), 0x22, "ldaddb old");
    tl_check_eq(m[1], 0x8877665544331211ull, "ldaddb wraps in the byte");
    /* byte 7: 0x88 is -120; Rs 0xffffff01 is 1 in a byte: max = 1 */
    tl_check_eq(LDOP("ldsmaxab", "w", 15, 0xffffff01u), 0x88, "ldsmaxb old");
    tl_check_eq(m[1], 0x0177665544331211ull, "ldsmaxb: max(-120, 1)");
    /* halfword 2..3 = 0x4433; UMIN with 0x8000 keeps 0x4433 */
    tl_check_eq(LDOP("lduminlh", "w", 10, 0x8000), 0x4433, "lduminh old");
    tl_check_eq(m[1], 0x0177665544331211ull, "lduminh: 0x4433 < 0x8000");
    /* SMIN: 0x8000 is -32768 as a halfword */
    tl_check_eq(LDOP("ldsminh", "w", 10, 0x8000), 0x4433, "ldsminh old");
    tl_check_eq(m[1], 0x0177665580001211ull, "ldsminh: min(0x4433, -32768)");
    /* word 4..7 = 0x01776655: EOR with all ones (NOT: 0xfe8899aa), UMAX,
       then SMAX, where 0xfe8899aa is negative */
    tl_check_eq(LDOP("ldeoral", "w", 12, 0xffffffffu), 0x01776655,
                "ldeor w old");
    tl_check_eq(m[1], 0xfe8899aa80001211ull, "ldeor w: NOT");
    tl_check_eq(LDOP("ldumaxa", "w", 12, 0x7fffffffu), 0xfe8899aa,
                "ldumax w old");
    tl_check_eq(m[1], 0xfe8899aa80001211ull, "ldumax w keeps larger");
    tl_check_eq(LDOP("ldsmaxl", "w", 12, 0x7fffffffu), 0xfe8899aa,
                "ldsmax w old");
    tl_check_eq(m[1], 0x7fffffff80001211ull, "ldsmax w: signed");
    tl_check_eq(LDOP("ldclrh", "w", 8, 0x0210), 0x1211, "ldclrh old");
    tl_check_eq(m[1], 0x7fffffff80001001ull, "ldclrh: 0x1211 & ~0x0210");
    tl_check_eq(LDOP("ldsetb", "w", 8, 0x80), 0x01, "ldsetb old");
    tl_check_eq(m[1], 0x7fffffff80001081ull, "ldsetb");
    tl_check_eq(LDOP("lduminb", "w", 8, 0x7f), 0x81, "lduminb old");
    tl_check_eq(m[1], 0x7fffffff8000107full, "lduminb: 0x7f < 0x81");
}

static void test_st_ops_and_swp(void)
{
    volatile uint64_t *m = mem;
    uint64_t old;

    m[2] = 100;
    STOP("stadd", "x", 16, 23);
    tl_check_eq(m[2], 123, "stadd");
    STOP("stclrl", "x", 16, 0x3);
    tl_check_eq(m[2], 120, "stclrl: 123 & ~3");
    STOP("steorb", "w", 16, 0xff);
    tl_check_eq(m[2], 0x87, "steorb: 0x78 ^ 0xff");
    STOP("stsetlh", "w", 16, 0x100);
    tl_check_eq(m[2], 0x187, "stseth");
    STOP("stsmax", "w", 16, 0x80000000u);
    tl_check_eq(m[2], 0x187, "stsmax: 0x187 > INT32_MIN");
    STOP("stumin", "w", 16, 0x20u);
    tl_check_eq(m[2], 0x20, "stumin");
    STOP("stumaxl", "x", 16, (uint64_t)-1);
    tl_check_eq(m[2], (uint64_t)-1, "stumax");
    STOP("stsmin", "x", 16, 7);
    tl_check_eq(m[2], (uint64_t)-1, "stsmin: -1 < 7");

    m[3] = 0x1111111111111111ull;
    old = LDOP("swp", "x", 24, 0x2222222222222222ull);
    tl_check_eq(old, 0x1111111111111111ull, "swp x old");
    tl_check_eq(m[3], 0x2222222222222222ull, "swp x new");
    old = LDOP("swpalb", "w", 24, 0x1ab);
    tl_check_eq(old, 0x22, "swpalb old");
    tl_check_eq(m[3], 0x22222222222222abull, "swpalb new");
    old = LDOP("swpah", "w", 30, 0xcdef);
    tl_check_eq(old, 0x2222, "swpah old");
    old = LDOP("swpl", "w", 24, 0x33333333);
    tl_check_eq(old, 0x222222ab, "swpl w old");
    tl_check_eq(m[3], 0xcdef222233333333ull, "swp h/w new");
}

/* CAS Rs=@cmp, Rt=@newv: returns the new Rs (the old memory value). */
#define CAS(insn, reg, off, cmp, newv) ({                                \
        uint64_t c_ = (cmp);                                            \
        __asm__ volatile(LSE insn " %" reg "0, %" reg "1, [%2]"         \
                         : "+&r"(c_) : "r"((uint64_t)(newv)),           \
                           "r"((uint8_t *)mem + (off)) : "memory");     \
        c_; })

static void test_cas(void)
{
    volatile uint64_t *m = mem;

    m[0] = 10;
    tl_check_eq(CAS("cas", "x", 0, 10, 20), 10, "cas x match: old");
    tl_check_eq(m[0], 20, "cas x match: stored");
    tl_check_eq(CAS("casal", "x", 0, 10, 30), 20, "casal x mismatch: old");
    tl_check_eq(m[0], 20, "cas x mismatch: unchanged");
    m[0] = 0x8877665544332211ull;
    /* CASB compares Rs<7:0> only, and zero-extends the old byte */
    tl_check_eq(CAS("casab", "w", 0, 0xffffff11u, 0x99), 0x11,
                "casb match: old");
    tl_check_eq(m[0], 0x8877665544332299ull, "casb stored one byte");
    tl_check_eq(CAS("caslh", "w", 2, 0x4434, 0xffff), 0x4433,
                "cash mismatch: old");
    tl_check_eq(CAS("casalh", "w", 2, 0x4433, 0xffff), 0x4433,
                "cash match: old");
    tl_check_eq(CAS("casa", "w", 4, 0x88776655u, 0x12345678u), 0x88776655,
                "cas w match: old");
    tl_check_eq(CAS("casl", "w", 4, 0, 0), 0x12345678, "cas w mismatch");
    tl_check_eq(m[0], 0x12345678ffff2299ull, "cas b/h/w memory");
}

/*
 * CASP with fixed even register pairs: <x4, x5> compare, <x6, x7> new.
 * Returns the old pair in o[0], o[1].
 */
#define CASP(insn, reg, addr, c0, c1, n0, n1, o) do {                    \
        uint64_t a_ = (c0), b_ = (c1);                                  \
        __asm__ volatile("mov x4, %0\n\tmov x5, %1\n\t"                 \
                         "mov x6, %2\n\tmov x7, %3\n\t"                 \
                         LSE insn " " reg "4, " reg "5, " reg "6, "     \
                         reg "7, [%4]\n\t"                              \
                         "mov %0, x4\n\tmov %1, x5"                     \
                         : "+&r"(a_), "+&r"(b_)                         \
                         : "r"((uint64_t)(n0)), "r"((uint64_t)(n1)),    \
                           "r"(addr)                                    \
                         : "x4", "x5", "x6", "x7", "memory");           \
        (o)[0] = a_;                                                    \
        (o)[1] = b_;                                                    \
    } while (0)

static void test_casp(void)
{
    volatile uint64_t *m = mem;
    uint64_t o[2];

    m[0] = 0x1111;
    m[1] = 0x2222;
    CASP("casp", "x", mem, 0x1111, 0x2222, 0xaaaa, 0xbbbb, o);
    tl_check_eq(o[0], 0x1111, "casp x match: old first");
    tl_check_eq(o[1], 0x2222, "casp x match: old second");
    tl_check_eq(m[0], 0xaaaa, "casp x stored first");
    tl_check_eq(m[1], 0xbbbb, "casp x stored second");
    /* only the second half differs: nothing is stored */
    CASP("caspal", "x", mem, 0xaaaa, 0x2222, 1, 2, o);
    tl_check_eq(o[0], 0xaaaa, "casp x mismatch: old first");
    tl_check_eq(o[1], 0xbbbb, "casp x mismatch: old second");
    tl_check_eq(m[0] + m[1], 0xaaaa + 0xbbbb, "casp x mismatch: unchanged");
    /* W pairs: one 8-byte element, first register at the lower address */
    m[2] = 0x2222222211111111ull;
    CASP("caspa", "w", mem + 2, 0x11111111, 0x22222222, 0x33333333,
         0x44444444, o);
    tl_check_eq(o[0], 0x11111111, "casp w old first");
    tl_check_eq(o[1], 0x22222222, "casp w old second");
    tl_check_eq(m[2], 0x4444444433333333ull, "casp w stored");
    CASP("caspl", "w", mem + 2, 0x33333333, 0x55555555, 0, 0, o);
    tl_check_eq(o[1], 0x44444444, "casp w mismatch: old second");
    tl_check_eq(m[2], 0x4444444433333333ull, "casp w mismatch: unchanged");
}

int main(void)
{
    /* ID_AA64ISAR0_EL1.Atomic (bits 23:20) = 2: FEAT_LSE (D17.2.61) */
    tl_check_eq((tl_read_sysreg(id_aa64isar0_el1) >> 20) & 0xf, 2,
                "cpu has FEAT_LSE");
    test_ld_ops_x();
    test_ld_ops_narrow();
    test_st_ops_and_swp();
    test_cas();
    test_casp();
    return tl_done();
}
