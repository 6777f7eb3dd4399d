/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * dp-muldiv: A64 multiply (MADD, MSUB, MUL, MNEG, SMADDL, SMSUBL, SMULL,
 * SMNEGL, UMADDL, UMSUBL, UMULL, UMNEGL, SMULH, UMULH), divide (UDIV,
 * SDIV, with division by zero = 0 and INT_MIN / -1 = INT_MIN), variable
 * shifts (LSLV, LSRV, ASRV, RORV: count mod 32/64), CRC32 and CRC32C of
 * every size, and PAuth instructions of the data-processing class being
 * UNDEFINED on a CPU without FEAT_PAuth.
 *
 * Expected values: products and quotients derived by hand in the
 * comments; CRCs are the published check values of CRC-32/ISO-HDLC
 * (0xCBF43926) and CRC-32C/iSCSI (0xE3069283) for "123456789", which
 * start from 0xffffffff and invert at the end (the instructions do
 * neither, the program does).
 */
#include "testlib.h"

/* r = insn(%1 = a, %2 = b), result in %0 */
#define R2(insn, a, b) ({                                               \
    uint64_t r_, a_ = (a), b_ = (b);                                    \
    __asm__ volatile(insn : "=&r"(r_) : "r"(a_), "r"(b_));              \
    r_; })

/* r = insn(%1 = a, %2 = b, %3 = c), result in %0 */
#define R3(insn, a, b, c) ({                                            \
    uint64_t r_, a_ = (a), b_ = (b), c_ = (c);                          \
    __asm__ volatile(insn : "=&r"(r_) : "r"(a_), "r"(b_), "r"(c_));     \
    r_; })

#define MIN64 0x8000000000000000ull

static void test_mul(void)
{
    /* 2^32 * 2^32 = 2^64 wraps to 0 */
    tl_check_eq(R2("mul %0, %1, %2", 0x100000000ull, 0x100000000ull), 0,
                "mul x wrap");
    tl_check_eq(R2("mul %0, %1, %2", 0x123456789ull, 0x10), 0x1234567890ull,
                "mul x");
    /* W: 0xffff * 0x10001 = 0xffffffff; 0x10000^2 wraps to 0 */
    tl_check_eq(R2("mul %w0, %w1, %w2", 0xffff, 0x10001), 0xffffffffull,
                "mul w");
    tl_check_eq(R2("mul %w0, %w1, %w2", 0x10000, 0x10000), 0, "mul w wrap");
    tl_check_eq(R3("madd %0, %1, %2, %3", 3, 4, 5), 17, "madd");
    tl_check_eq(R3("msub %0, %1, %2, %3", 3, 4, 5), (uint64_t)-7, "msub");
    tl_check_eq(R2("mneg %0, %1, %2", 3, 4), (uint64_t)-12, "mneg");
    /* W: 0x80000000 * 2 + 1 = 1 on 32 bits; junk in 63:32 ignored */
    tl_check_eq(R3("madd %w0, %w1, %w2, %w3", 0xffffffff80000000ull, 2,
                   0x1234567800000001ull), 1, "madd w");
    tl_check_eq(R3("msub %w0, %w1, %w2, %w3", 1, 1, 0), 0xffffffffull,
                "msub w");

    /* SMADDL: 10 + (-1) * 2 */
    tl_check_eq(R3("smaddl %0, %w1, %w2, %3", 0x12345678ffffffffull, 2, 10),
                8, "smaddl");
    /* UMADDL: 10 + 0xffffffff * 2 = 0x200000008 */
    tl_check_eq(R3("umaddl %0, %w1, %w2, %3", 0x12345678ffffffffull,
                   0xffffffff00000002ull, 10), 0x200000008ull, "umaddl");
    tl_check_eq(R3("smsubl %0, %w1, %w2, %3", 0xffffffff,
                   0x0000000100000002ull, 10), 12, "smsubl");
    /* 10 - 0x1fffffffe = -0x1fffffff4 */
    tl_check_eq(R3("umsubl %0, %w1, %w2, %3", 0xffffffff, 2, 10),
                0xfffffffe0000000cull, "umsubl");
    tl_check_eq(R2("smull %0, %w1, %w2", 0xfffffffe, 3), (uint64_t)-6,
                "smull");
    /* (2^32 - 1)^2 = 2^64 - 2^33 + 1 */
    tl_check_eq(R2("umull %0, %w1, %w2", 0xffffffff, 0xffffffff),
                0xfffffffe00000001ull, "umull");
    tl_check_eq(R2("smnegl %0, %w1, %w2", 0xffffffff, 0xffffffff),
                (uint64_t)-1, "smnegl");
    tl_check_eq(R2("umnegl %0, %w1, %w2", 0xffffffff, 1),
                0xffffffff00000001ull, "umnegl");

    /* high halves of the 128-bit products */
    tl_check_eq(R2("smulh %0, %1, %2", (uint64_t)-1, 1), ~0ull,
                "smulh -1*1");
    /* (-2^63)^2 = 2^126: high = 2^62 */
    tl_check_eq(R2("smulh %0, %1, %2", MIN64, MIN64), 0x4000000000000000ull,
                "smulh min*min");
    tl_check_eq(R2("smulh %0, %1, %2", 0x7fffffffffffffffull, 2), 0,
                "smulh max*2");
    /* (2^64 - 1)^2 = 2^128 - 2^65 + 1: high = 2^64 - 2 */
    tl_check_eq(R2("umulh %0, %1, %2", ~0ull, ~0ull), 0xfffffffffffffffeull,
                "umulh max");
    tl_check_eq(R2("umulh %0, %1, %2", MIN64, 2), 1, "umulh 2^64");
}

static void test_div(void)
{
    tl_check_eq(R2("udiv %0, %1, %2", 100, 7), 14, "udiv x");
    tl_check_eq(R2("udiv %0, %1, %2", 100, 0), 0, "udiv x by 0");
    tl_check_eq(R2("udiv %0, %1, %2", ~0ull, 1), ~0ull, "udiv x max");
    tl_check_eq(R2("udiv %0, %1, %2", MIN64, (uint64_t)-1), 0,
                "udiv x unsigned");
    tl_check_eq(R2("udiv %w0, %w1, %w2", 0x12345678ffffffffull, 2),
                0x7fffffff, "udiv w");
    tl_check_eq(R2("udiv %w0, %w1, %w2", 5, 0x100000000ull), 0,
                "udiv w by 0");
    /* signed division truncates toward zero */
    tl_check_eq(R2("sdiv %0, %1, %2", (uint64_t)-7, 2), (uint64_t)-3,
                "sdiv -7/2");
    tl_check_eq(R2("sdiv %0, %1, %2", 7, (uint64_t)-2), (uint64_t)-3,
                "sdiv 7/-2");
    tl_check_eq(R2("sdiv %0, %1, %2", MIN64, (uint64_t)-1), MIN64,
                "sdiv min/-1");
    tl_check_eq(R2("sdiv %0, %1, %2", 42, 0), 0, "sdiv x by 0");
    tl_check_eq(R2("sdiv %w0, %w1, %w2", 0x80000000, 0xffffffff),
                0x80000000ull, "sdiv w min/-1");
    tl_check_eq(R2("sdiv %w0, %w1, %w2", 0xfffffff9, 2), 0xfffffffdull,
                "sdiv w -7/2");
    tl_check_eq(R2("sdiv %w0, %w1, %w2", 0x80000000, 0), 0, "sdiv w by 0");
    /* W reads 32 bits: Rm = 0xffffffff00000002 divides by 2 */
    tl_check_eq(R2("sdiv %w0, %w1, %w2", 100, 0xffffffff00000002ull), 50,
                "sdiv w junk");
}

static void test_shiftv(void)
{
    /* counts are taken mod 64 (X) or 32 (W) */
    tl_check_eq(R2("lsl %0, %1, %2", 1, 65), 2, "lslv x 65");
    tl_check_eq(R2("lsl %0, %1, %2", 1, 63), MIN64, "lslv x 63");
    tl_check_eq(R2("lsl %0, %1, %2", 5, 0), 5, "lslv x 0");
    tl_check_eq(R2("lsl %w0, %w1, %w2", 1, 33), 2, "lslv w 33");
    tl_check_eq(R2("lsl %w0, %w1, %w2", 3, 31), 0x80000000ull, "lslv w 31");
    tl_check_eq(R2("lsl %w0, %w1, %w2", 0x100000001ull, 0), 1, "lslv w 0");
    tl_check_eq(R2("lsr %0, %1, %2", MIN64, 63), 1, "lsrv x 63");
    tl_check_eq(R2("lsr %0, %1, %2", MIN64, 64), MIN64, "lsrv x 64");
    tl_check_eq(R2("lsr %w0, %w1, %w2", 0xffffffff80000000ull, 31), 1,
                "lsrv w 31");
    tl_check_eq(R2("lsr %w0, %w1, %w2", 0x80000000, 32), 0x80000000ull,
                "lsrv w 32");
    tl_check_eq(R2("asr %0, %1, %2", MIN64, 63), ~0ull, "asrv x 63");
    tl_check_eq(R2("asr %0, %1, %2", MIN64, 64), MIN64, "asrv x 64");
    tl_check_eq(R2("asr %w0, %w1, %w2", 0x80000000, 31), 0xffffffffull,
                "asrv w 31");
    tl_check_eq(R2("asr %w0, %w1, %w2", 0x80000000, 32), 0x80000000ull,
                "asrv w 32");
    tl_check_eq(R2("asr %w0, %w1, %w2", 0x80000000ull, 4), 0xf8000000ull,
                "asrv w 4");
    tl_check_eq(R2("ror %0, %1, %2", 1, 1), MIN64, "rorv x 1");
    tl_check_eq(R2("ror %0, %1, %2", 1, 64), 1, "rorv x 64");
    tl_check_eq(R2("ror %w0, %w1, %w2", 0xffffffff00000001ull, 1),
                0x80000000ull, "rorv w 1");
    tl_check_eq(R2("ror %w0, %w1, %w2", 1, 33), 0x80000000ull, "rorv w 33");
    tl_check_eq(R2("ror %w0, %w1, %w2", 0x12345678, 0), 0x12345678,
                "rorv w 0");
}

/*
 * CRC of "123456789" with each instruction size: 9 bytes, or 8 bytes
 * as X/W/H pieces (little-endian: '1' is the low byte) and then '9'.
 */
#define CRC_STEP(insn, acc, val) ({                                     \
    uint64_t r_, a_ = (acc), v_ = (val);                                \
    __asm__ volatile(".arch_extension crc\n\t" insn                     \
                     : "=r"(r_) : "r"(a_), "r"(v_));                    \
    r_; })

static const char digits[] = "123456789";

static uint64_t le_bytes(unsigned off, unsigned n)
{
    uint64_t v = 0;

    for (unsigned i = 0; i < n; i++) {
        v |= (uint64_t)(uint8_t)digits[off + i] << (8 * i);
    }
    return v;
}

#define CRC_ALL(B, H, W, X, check, name) do {                           \
    uint64_t c;                                                         \
    c = 0xffffffff;                                                     \
    for (unsigned i = 0; i < 9; i++) {                                  \
        /* only the low byte of Wm counts: junk above it */             \
        c = CRC_STEP(B " %w0, %w1, %w2", c,                             \
                     0xabcdef00u | (uint8_t)digits[i]);                 \
    }                                                                   \
    tl_check_eq(~c & 0xffffffff, check, name " b");                     \
    c = 0xffffffff;                                                     \
    for (unsigned i = 0; i < 8; i += 2) {                               \
        c = CRC_STEP(H " %w0, %w1, %w2", c, le_bytes(i, 2));            \
    }                                                                   \
    c = CRC_STEP(B " %w0, %w1, %w2", c, '9');                           \
    tl_check_eq(~c & 0xffffffff, check, name " h");                     \
    c = 0xffffffff;                                                     \
    c = CRC_STEP(W " %w0, %w1, %w2", c, le_bytes(0, 4));                \
    c = CRC_STEP(W " %w0, %w1, %w2", c, le_bytes(4, 4));                \
    c = CRC_STEP(B " %w0, %w1, %w2", c, '9');                           \
    tl_check_eq(~c & 0xffffffff, check, name " w");                     \
    /* Wn's bits 63:32 are not part of the accumulator */               \
    c = 0xdeadbeefffffffffull;                                          \
    c = CRC_STEP(X " %w0, %w1, %2", c, le_bytes(0, 8));                 \
    tl_check_eq(c >> 32, 0, name " x zero-extended");                   \
    c = CRC_STEP(B " %w0, %w1, %w2", c, '9');                           \
    tl_check_eq(~c & 0xffffffff, check, name " x");                     \
} while (0)

static void test_crc(void)
{
    CRC_ALL("crc32b", "crc32h", "crc32w", "crc32x", 0xcbf43926,
            "crc32");
    CRC_ALL("crc32cb", "crc32ch", "crc32cw", "crc32cx", 0xe3069283,
            "crc32c");
    /* no inversion in the instruction: a zero byte into 0 stays 0 */
    tl_check_eq(CRC_STEP("crc32b %w0, %w1, %w2", 0, 0), 0, "crc32b 0");
}

static volatile int undef_count;

static void undef_handler(struct tl_regs *r)
{
    if (tl_esr_ec(r->esr) == TL_EC_UNKNOWN) {
        undef_count++;
    }
    r->elr += 4;
}

static void test_pauth_undef(void)
{
    unsigned api = (tl_read_sysreg(id_aa64isar1_el1) >> 4) & 0xff;
    tl_sync_handler old;

    if (api != 0) {
        return;    /* a CPU with PAuth: not what this test is about */
    }
    old = tl_set_sync_handler(undef_handler);
    undef_count = 0;
    __asm__ volatile(".inst 0x9ac23020" ::: "x0", "memory"); /* pacga */
    __asm__ volatile(".inst 0xdac143e0" ::: "x0", "memory"); /* xpaci */
    __asm__ volatile(".inst 0xdac11020" ::: "x0", "memory"); /* autia */
    tl_set_sync_handler(old);
    tl_check_eq(undef_count, 3, "pauth undefined without FEAT_PAuth");
}

int main(void)
{
    test_mul();
    test_div();
    test_shiftv();
    test_crc();
    test_pauth_undef();
    return tl_done();
}
