/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ldst-excl: load/store exclusive on one CPU.  LDXR/STXR of every size,
 * LDAXR/STLXR, LDXP/STXP and LDAXP/STLXP of W and X pairs: a store
 * exclusive right after its load exclusive succeeds (status 0, written
 * as a whole W register) and writes memory; one after CLREX, one with no
 * load exclusive before it, and one after an exception (taking it clears
 * the local monitor) fail (status 1) and leave memory alone.  A misaligned
 * LDXR or a 16-byte pair that is only 8-byte aligned takes an alignment
 * fault.  LDAR/STLR of every size are checked here too.
 *
 * Expected values: the Arm ARM (DDI 0487) B2.9 (exclusive monitors),
 * C6.2 STXR ("Ws = 0 if the operation updates memory, 1 otherwise"),
 * LDXP/STXP (the first register at the lower address), and D17.2.37
 * (ESR_ELx: data abort EC 0x25, IL = 1, DFSC 0x21 alignment fault; FAR =
 * the faulting address).
 */
#include "lib/testlib.h"

static uint64_t mem[4] __attribute__((aligned(16)));
static volatile uint64_t fault_esr, fault_far;

static void on_fault(struct tl_regs *r)
{
    fault_esr = r->esr;
    fault_far = r->far;
    r->elr += 4;
}

static void on_brk(struct tl_regs *r)
{
    r->elr += 4;
}

/*
 * LDXR/STXR of one size: returns the status (with all 64 bits of the
 * status register, which starts as all ones) and the value loaded.
 */
#define EXCL_RW(ld, st, reg, addr, newv, oldp) ({                        \
        uint64_t s_ = ~0ull, o_;                                        \
        __asm__ volatile(ld " %" reg "1, [%2]\n\t"                      \
                         st " %w0, %" reg "3, [%2]"                     \
                         : "+&r"(s_), "=&r"(o_)                         \
                         : "r"(addr), "r"(newv) : "memory");            \
        *(oldp) = o_;                                                   \
        s_; })

static void test_sizes(void)
{
    volatile uint8_t *b = (volatile uint8_t *)mem;
    volatile uint64_t *m = mem;
    uint64_t old, st;

    m[0] = 0x8877665544332211ull;
    st = EXCL_RW("ldxrb", "stxrb", "w", mem, 0x1a5u, &old);
    tl_check_eq(st, 0, "stxrb status");
    tl_check_eq(old, 0x11, "ldxrb value");
    tl_check_eq(b[0], 0xa5, "stxrb stored low byte");
    st = EXCL_RW("ldxrh", "stxrh", "w", (uint8_t *)mem + 2, 0xbeefu, &old);
    tl_check_eq(st, 0, "stxrh status");
    tl_check_eq(old, 0x4433, "ldxrh value");
    st = EXCL_RW("ldaxr", "stlxr", "w", (uint8_t *)mem + 4, 0xcafef00du,
                 &old);
    tl_check_eq(st, 0, "stlxr w status");
    tl_check_eq(old, 0x88776655, "ldaxr w value");
    tl_check_eq(m[0], 0xcafef00dbeef22a5ull, "b/h/w stores");
    st = EXCL_RW("ldxr", "stxr", "x", mem, 0x0123456789abcdefull, &old);
    tl_check_eq(st, 0, "stxr x status");
    tl_check_eq(old, 0xcafef00dbeef22a5ull, "ldxr x value");
    tl_check_eq(m[0], 0x0123456789abcdefull, "stxr x stored");
    st = EXCL_RW("ldaxrh", "stlxrh", "w", mem, 0x7777u, &old);
    tl_check_eq(st, 0, "stlxrh status");
    st = EXCL_RW("ldaxrb", "stlxrb", "w", (uint8_t *)mem + 7, 0x66u, &old);
    tl_check_eq(st, 0, "stlxrb status");
    tl_check_eq(old, 0x01, "ldaxrb value");
    tl_check_eq(m[0], 0x6623456789ab7777ull, "acquire/release stores");
}

static void test_failures(void)
{
    volatile uint64_t *m = mem;
    uint64_t st = ~0ull, v;

    m[1] = 1000;
    /* CLREX between the load and the store */
    __asm__ volatile("ldxr %1, [%2]\n\t"
                     "clrex\n\t"
                     "stxr %w0, %3, [%2]"
                     : "+&r"(st), "=&r"(v) : "r"(mem + 1), "r"(5ull)
                     : "memory");
    tl_check_eq(st, 1, "stxr after clrex fails");
    tl_check_eq(m[1], 1000, "stxr after clrex leaves memory");
    /* no load exclusive at all (the monitor is open after the failure) */
    st = ~0ull;
    __asm__ volatile("stxr %w0, %1, [%2]" : "+&r"(st) : "r"(6ull),
                     "r"(mem + 1) : "memory");
    tl_check_eq(st, 1, "stxr without ldxr fails");
    tl_check_eq(m[1], 1000, "stxr without ldxr leaves memory");
    /* an exception (BRK, handled and returned from) between them */
    tl_set_sync_handler(on_brk);
    st = ~0ull;
    __asm__ volatile("ldxr %1, [%2]\n\t"
                     "brk #1\n\t"
                     "stxr %w0, %3, [%2]"
                     : "+&r"(st), "=&r"(v) : "r"(mem + 1), "r"(7ull)
                     : "memory");
    tl_set_sync_handler(0);
    tl_check_eq(st, 1, "stxr after an exception fails");
    tl_check_eq(m[1], 1000, "stxr after an exception leaves memory");
}

static void test_pairs(void)
{
    volatile uint64_t *m = mem;
    uint64_t st, a, b;

    m[0] = 0x2222222211111111ull;
    m[1] = 0x4444444433333333ull;
    /* W pair: one 8-byte exclusive, first register at the lower address */
    st = ~0ull;
    __asm__ volatile("ldxp %w1, %w2, [%3]\n\t"
                     "stxp %w0, %w4, %w5, [%3]"
                     : "+&r"(st), "=&r"(a), "=&r"(b)
                     : "r"(mem), "r"(0xaaaaaaaaull), "r"(0xbbbbbbbbull)
                     : "memory");
    tl_check_eq(st, 0, "stxp w status");
    tl_check_eq(a, 0x11111111, "ldxp w first");
    tl_check_eq(b, 0x22222222, "ldxp w second");
    tl_check_eq(m[0], 0xbbbbbbbbaaaaaaaaull, "stxp w stored");
    /* X pair with acquire/release */
    st = ~0ull;
    __asm__ volatile("ldaxp %1, %2, [%3]\n\t"
                     "stlxp %w0, %4, %5, [%3]"
                     : "+&r"(st), "=&r"(a), "=&r"(b)
                     : "r"(mem), "r"(0x5555ull), "r"(0x6666ull) : "memory");
    tl_check_eq(st, 0, "stlxp x status");
    tl_check_eq(a, 0xbbbbbbbbaaaaaaaaull, "ldaxp x first");
    tl_check_eq(b, 0x4444444433333333ull, "ldaxp x second");
    tl_check_eq(m[0], 0x5555, "stlxp x stored first");
    tl_check_eq(m[1], 0x6666, "stlxp x stored second");
    /* X pair after CLREX fails */
    st = ~0ull;
    __asm__ volatile("ldxp %1, %2, [%3]\n\t"
                     "clrex\n\t"
                     "stxp %w0, %4, %4, [%3]"
                     : "+&r"(st), "=&r"(a), "=&r"(b)
                     : "r"(mem), "r"(0ull) : "memory");
    tl_check_eq(st, 1, "stxp x after clrex fails");
    tl_check_eq(m[0] + m[1], 0x5555 + 0x6666, "stxp failure leaves memory");
}

/* Retry loops as locks and counters use them. */
static void test_increment_loop(void)
{
    volatile uint64_t *m = mem;

    m[2] = 0;
    for (int i = 0; i < 100; i++) {
        uint64_t tmp, st;

        __asm__ volatile("1: ldaxr %0, [%2]\n\t"
                         "add %0, %0, #3\n\t"
                         "stlxr %w1, %0, [%2]\n\t"
                         "cbnz %w1, 1b"
                         : "=&r"(tmp), "=&r"(st) : "r"(mem + 2) : "memory");
    }
    tl_check_eq(m[2], 300, "ldaxr/stlxr loop: 100 * 3");
}

static void test_ordered(void)
{
    volatile uint64_t *m = mem;
    uint64_t v;

    m[3] = 0;
    __asm__ volatile("stlr %0, [%1]" :: "r"(0x1122334455667788ull),
                     "r"(mem + 3) : "memory");
    __asm__ volatile("stlrb %w0, [%1]" :: "r"(0x1ffu), "r"(mem + 3)
                     : "memory");
    __asm__ volatile("stlrh %w0, [%1]" :: "r"(0xabcdu),
                     "r"((uint8_t *)(mem + 3) + 2) : "memory");
    /* bytes ff 77 cd ab 44 33 22 11 */
    tl_check_eq(m[3], 0x11223344abcd77ffull, "stlr/stlrb/stlrh");
    __asm__ volatile("ldar %w0, [%1]" : "=r"(v) : "r"(mem + 3) : "memory");
    tl_check_eq(v, 0xabcd77ff, "ldar w");
    __asm__ volatile("ldarh %w0, [%1]" : "=r"(v)
                     : "r"((uint8_t *)(mem + 3) + 6) : "memory");
    tl_check_eq(v, 0x1122, "ldarh");
    __asm__ volatile("ldarb %w0, [%1]" : "=r"(v) : "r"(mem + 3) : "memory");
    tl_check_eq(v, 0xff, "ldarb");
    __asm__ volatile("ldar %0, [%1]" : "=r"(v) : "r"(mem + 3) : "memory");
    tl_check_eq(v, 0x11223344abcd77ffull, "ldar x");
}

static void test_alignment(void)
{
    uint64_t v, st = 0;
    uint64_t addr = (uint64_t)mem + 4;

    tl_set_sync_handler(on_fault);
    fault_esr = 0;
    __asm__ volatile("ldxr %0, [%1]" : "=r"(v) : "r"(addr) : "memory");
    /* EC 0x25 << 26 | IL | DFSC 0x21 (WnR = 0: a read) */
    tl_check_eq(fault_esr, 0x96000021, "misaligned ldxr: alignment fault");
    tl_check_eq(fault_far, addr, "misaligned ldxr: FAR");
    fault_esr = 0;
    addr = (uint64_t)mem + 8;
    __asm__ volatile("ldxp %0, %1, [%2]" : "=&r"(v), "=&r"(st) : "r"(addr)
                     : "memory");
    tl_check_eq(fault_esr, 0x96000021, "ldxp x at 8 mod 16: fault");
    tl_check_eq(fault_far, addr, "ldxp x at 8 mod 16: FAR");
    fault_esr = 0;
    addr = (uint64_t)mem + 2;
    __asm__ volatile("ldar %w0, [%1]" : "=r"(v) : "r"(addr) : "memory");
    tl_check_eq(fault_esr, 0x96000021, "misaligned ldar: alignment fault");
    tl_set_sync_handler(0);
}

int main(void)
{
    test_sizes();
    test_failures();
    test_pairs();
    test_increment_loop();
    test_ordered();
    test_alignment();
    return tl_done();
}
