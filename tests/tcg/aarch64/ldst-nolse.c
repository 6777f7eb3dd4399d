/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ldst-nolse: on a CPU without FEAT_LSE (-cpu cortex-a53; cortex-a57
 * has none either) the LSE encodings are unallocated: CAS, CASP, LDADD, STSET (an LDSET alias)
 * and SWP each take an UNDEFINED exception (ESR_ELx.EC = 0, IL = 1,
 * ISS = 0) at the instruction itself, and memory is left alone.
 *
 * Expected values: the Arm ARM (DDI 0487) C6.2 (the instructions require
 * FEAT_LSE), D17.2.37 (ESR_ELx for EC 0x00 "Unknown reason": 0x02000000),
 * ID_AA64ISAR0_EL1.Atomic = 0 on the Cortex-A57 (its TRM, 4.3.59).
 */
#include "lib/testlib.h"

#define LSE ".arch_extension lse\n\t"

static uint64_t mem[2] __attribute__((aligned(16)));
static volatile uint64_t undef_esr, undef_elr;
static volatile unsigned undef_count;

static void on_undef(struct tl_regs *r)
{
    undef_esr = r->esr;
    undef_elr = r->elr;
    undef_count++;
    r->elr += 4;
}

/* Run one LSE instruction at a known address; check it was UNDEFINED. */
#define EXPECT_UNDEF(name, insn) do {                                    \
        uint64_t at_;                                                   \
        unsigned before_ = undef_count;                                 \
        undef_esr = ~0ull;                                              \
        __asm__ volatile("adr %0, 1f\n\t"                               \
                         "mov x2, #1\n\t"                               \
                         "mov x3, #2\n"                                 \
                         "1:\t" LSE insn                                \
                         : "=&r"(at_) : "r"(mem)                        \
                         : "x2", "x3", "x4", "x5", "memory");           \
        tl_check_eq(undef_count - before_, 1, name ": one exception");  \
        tl_check_eq(undef_esr, 0x02000000, name ": EC 0 (UNDEFINED)");  \
        tl_check_eq(undef_elr, at_, name ": at the instruction");       \
    } while (0)

int main(void)
{
    volatile uint64_t *m = mem;

    tl_check_eq((tl_read_sysreg(id_aa64isar0_el1) >> 20) & 0xf, 0,
                "cpu lacks FEAT_LSE");
    m[0] = 0x55;
    m[1] = 0x66;
    tl_set_sync_handler(on_undef);
    EXPECT_UNDEF("cas", "cas x2, x3, [%1]");
    EXPECT_UNDEF("casalb", "casalb w2, w3, [%1]");
    EXPECT_UNDEF("casp", "casp x2, x3, x4, x5, [%1]");
    EXPECT_UNDEF("ldadd", "ldadd x2, x3, [%1]");
    EXPECT_UNDEF("stset", "stset w2, [%1]");
    EXPECT_UNDEF("swpal", "swpal x2, x3, [%1]");
    tl_set_sync_handler(0);
    tl_check_eq(m[0], 0x55, "memory untouched (first)");
    tl_check_eq(m[1], 0x66, "memory untouched (second)");
    return tl_done();
}
