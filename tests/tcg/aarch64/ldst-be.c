/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ldst-be: big-endian data accesses.  With SCTLR_EL1.E0E = 1, data
 * accesses at EL0 are big-endian (instruction fetches stay little-
 * endian).  EL0 code runs loads, stores, a pair, an exclusive and an
 * exclusive pair of W registers on a buffer whose bytes EL1 wrote and
 * then reads back, and EL1 checks both the values and the bytes.
 *
 * Expected values: in big-endian order the byte at the lowest address is
 * the most significant (Arm ARM DDI 0487, B2.6 "Endian support");
 * LDP/LDXP put the element at the lower address in the first register
 * whatever the byte order (C6.2 LDXP pseudocode: "if BigEndian() then
 * X[t] = data<datasize-1:elsize>", which is the lower address).  The EL0
 * code stores its results with big-endian stores, so EL1 (little-endian)
 * reads them byte-swapped: the checks swap them back.
 */
#include "lib/testlib.h"

#define SCTLR_E0E (1ull << 24)

static uint8_t buf[16] __attribute__((aligned(16))) = {
    0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08,
    0x81, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88,
};
static uint8_t out[16] __attribute__((aligned(16)));
static uint64_t res[12];
static uint64_t el0_stack[256] __attribute__((aligned(16)));

static void el0_body(void)
{
    uint64_t a, b, st;

    __asm__ volatile("ldr %0, [%1]" : "=r"(a) : "r"(buf) : "memory");
    res[0] = a;
    __asm__ volatile("ldr %w0, [%1, #4]" : "=r"(a) : "r"(buf) : "memory");
    res[1] = a;
    __asm__ volatile("ldrsh %0, [%1, #8]" : "=r"(a) : "r"(buf) : "memory");
    res[2] = a;
    __asm__ volatile("ldp %w0, %w1, [%2]" : "=&r"(a), "=&r"(b) : "r"(buf)
                     : "memory");
    res[3] = a;
    res[4] = b;
    __asm__ volatile("ldxp %w1, %w2, [%3]\n\t"
                     "stxp %w0, %w4, %w5, [%3]"
                     : "=&r"(st), "=&r"(a), "=&r"(b)
                     : "r"(out), "r"(0xa1a2a3a4u), "r"(0xb1b2b3b4u)
                     : "memory");
    res[5] = st;
    res[6] = a;
    res[7] = b;
    __asm__ volatile("ldxr %1, [%2]\n\t"
                     "stxr %w0, %3, [%2]"
                     : "=&r"(st), "=&r"(a)
                     : "r"(out + 8), "r"(0xc1c2c3c4c5c6c7c8ull)
                     : "memory");
    res[8] = st;
    res[9] = a;
    __asm__ volatile("strh %w0, [%1, #14]" :: "r"(0xd1d2u), "r"(out)
                     : "memory");
    tl_el0_return();
}

static uint64_t got(int i)
{
    return __builtin_bswap64(((volatile uint64_t *)res)[i]);
}

int main(void)
{
    volatile uint64_t *o = (volatile uint64_t *)out;
    uint64_t sctlr = tl_read_sysreg(sctlr_el1);

    o[0] = 0x1111111122222222ull;      /* bytes 22 22 22 22 11 11 11 11 */
    o[1] = 0;
    tl_write_sysreg(sctlr_el1, sctlr | SCTLR_E0E);
    tl_isb();
    tl_run_el0(el0_body, &el0_stack[256]);
    tl_write_sysreg(sctlr_el1, sctlr);
    tl_isb();

    tl_check_eq(got(0), 0x0102030405060708ull, "be ldr x");
    tl_check_eq(got(1), 0x05060708, "be ldr w");
    tl_check_eq(got(2), 0xffffffffffff8182ull, "be ldrsh");
    tl_check_eq(got(3), 0x01020304, "be ldp first (lower address)");
    tl_check_eq(got(4), 0x05060708, "be ldp second");
    tl_check_eq(got(5), 0, "be stxp w status");
    tl_check_eq(got(6), 0x22222222, "be ldxp w first");
    tl_check_eq(got(7), 0x11111111, "be ldxp w second");
    tl_check_eq(got(8), 0, "be stxr status");
    tl_check_eq(got(9), 0, "be ldxr value");
    /* memory order: a1 a2 a3 a4 b1 b2 b3 b4, read little-endian */
    tl_check_eq(o[0], 0xb4b3b2b1a4a3a2a1ull, "be stxp w bytes");
    /* c1 .. c6 from the STXR, then the STRH overwrote bytes 14, 15 */
    tl_check_eq(o[1], 0xd2d1c6c5c4c3c2c1ull, "be stxr/strh bytes");
    return tl_done();
}
