/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * excp-el1: exception entry and return at EL1 and from EL0.  SVC, BRK
 * and UNDEFINED instructions with their ESR, ELR and SPSR; the DAIF
 * masks set and cleared by MSR DAIFSet/DAIFClr as seen in SPSR, and DAIF
 * all set on entry; MSR SPSel switching between SP_EL0 and SP_EL1 and an
 * SVC taken from EL1t; ERET to EL0 and back with the traps of EL0 (MSR
 * DAIFSet without SCTLR_EL1.UMA, WFI/WFE without nTWI/nTWE, instructions
 * UNDEFINED at EL0); a legal ERET that restores NZCV and an illegal one
 * (to EL2 from EL1) that sets PSTATE.IL and takes the Illegal Execution
 * state exception on the next instruction.
 *
 * Expected values are hand-derived from the Arm ARM (DDI 0487): ESR_ELx
 * is EC[31:26] IL[25] ISS[24:0] (D17.2.37) with IL = 1 for every 32-bit
 * instruction; SPSR_ELx holds NZCV[31:28], IL[20], DAIF[9:6] and M[3:0]
 * (EL1h = 0b0101, EL1t = 0b0100, EL0t = 0b0000) (D17.2.129).
 */
#include "testlib.h"

/* What the last synchronous exceptions reported. */
#define LOG_MAX 16
static volatile uint64_t log_esr[LOG_MAX], log_elr[LOG_MAX];
static volatile uint64_t log_spsr[LOG_MAX], log_daif[LOG_MAX];
static volatile unsigned log_n;

/* Skip the faulting instruction (BRK, UNDEF, traps; SVC's ELR is past it). */
static volatile int skip;

static void record(struct tl_regs *r)
{
    if (log_n < LOG_MAX) {
        log_esr[log_n] = r->esr;
        log_elr[log_n] = r->elr;
        log_spsr[log_n] = r->spsr;
        log_daif[log_n] = tl_read_sysreg(daif);
        log_n++;
    }
    if (skip && tl_esr_ec(r->esr) != 0x15) {
        r->elr += 4;
    }
    if (tl_esr_ec(r->esr) == 0x0e) {
        /* the illegal-return test: leave with PSTATE.IL clear */
        r->spsr &= ~(1ull << 20);
    }
}

static void log_reset(int skip_insn)
{
    log_n = 0;
    skip = skip_insn;
}

/* Everything of an EC 0x18 syndrome but Op2 and Op1. */
#define ISS_NO_OP (~(uint64_t)0x3f << 14)

/* ESR values: EC << 26 | IL | ISS. */
#define ESR(ec, iss) (((uint64_t)(ec) << 26) | (1u << 25) | (iss))

static void test_svc_el1(void)
{
    uint64_t ret;

    log_reset(0);
    /* DAIF all masked, NZCV = N and C (0xa) */
    __asm__ volatile("msr daifset, #0xf\n\t"
                     "msr nzcv, %1\n\t"
                     "adr %0, 1f\n\t"
                     "svc #0x1234\n"
                     "1:"
                     : "=&r"(ret) : "r"(0xa0000000ull) : "cc", "memory");
    tl_check_eq(log_n, 1, "svc: one exception");
    tl_check_eq(log_esr[0], ESR(0x15, 0x1234), "svc: esr");
    tl_check_eq(log_elr[0], ret, "svc: elr = next insn");
    /* NZCV 0xa, DAIF 0xf, EL1h */
    tl_check_eq(log_spsr[0], 0xa00003c5, "svc: spsr");
    tl_check_eq(log_daif[0], 0x3c0, "svc: daif masked in handler");
}

static void test_brk_udf(void)
{
    uint64_t at_brk, at_udf, at_hlt, at_dcps;

    log_reset(1);
    __asm__ volatile("adr %0, 1f\n1:\tbrk #0x42\n\t"
                     "adr %1, 2f\n2:\t.inst 0x00000000\n\t"
                     "adr %2, 3f\n3:\thlt #1\n\t"
                     "adr %3, 4f\n4:\tdcps1"
                     : "=&r"(at_brk), "=&r"(at_udf), "=&r"(at_hlt),
                       "=&r"(at_dcps) : : "memory");
    tl_check_eq(log_n, 4, "brk/udf: four exceptions");
    tl_check_eq(log_esr[0], ESR(0x3c, 0x42), "brk: esr");
    tl_check_eq(log_elr[0], at_brk, "brk: elr = the brk");
    tl_check_eq(log_esr[1], ESR(0, 0), "udf: esr");
    tl_check_eq(log_elr[1], at_udf, "udf: elr");
    tl_check_eq(log_esr[2], ESR(0, 0), "hlt #1: undefined");
    tl_check_eq(log_elr[2], at_hlt, "hlt #1: elr");
    tl_check_eq(log_esr[3], ESR(0, 0), "dcps1: undefined");
    tl_check_eq(log_elr[3], at_dcps, "dcps1: elr");
}

/* SPSR.DAIF after MSR DAIFClr/DAIFSet sequences, through an SVC. */
static void test_daif(void)
{
    log_reset(0);
    __asm__ volatile("msr daifset, #0xf\n\t"
                     "msr daifclr, #3\n\t"      /* I, F clear: D A */
                     "svc #1\n\t"
                     "msr daifset, #2\n\t"      /* + I: D A I */
                     "svc #2\n\t"
                     "msr daifclr, #0xc\n\t"    /* - D A: I */
                     "svc #3\n\t"
                     "msr daifset, #0xf"
                     : : : "memory");
    tl_check_eq(log_n, 3, "daif: three svcs");
    tl_check_eq(log_spsr[0] & 0x3c0, 0x300, "daifclr #3");
    tl_check_eq(log_spsr[1] & 0x3c0, 0x380, "daifset #2");
    tl_check_eq(log_spsr[2] & 0x3c0, 0x080, "daifclr #0xc");
    tl_check_eq(log_daif[2], 0x3c0, "daif all set on entry");
}

static uint64_t sp0_stack[256] __attribute__((aligned(16)));

static void test_spsel(void)
{
    uint64_t sp1, sp0_old, in_sp1, in_sp0;
    uint64_t sp0_new = (uint64_t)(uintptr_t)&sp0_stack[256];

    log_reset(0);
    __asm__ volatile("mov %0, sp\n\t"
                     "msr spsel, #0\n\t"
                     "mov %1, sp\n\t"
                     "mov sp, %4\n\t"
                     "msr spsel, #1\n\t"
                     "mov %2, sp\n\t"
                     "msr spsel, #0\n\t"
                     "mov %3, sp\n\t"
                     "svc #0x10\n\t"            /* from EL1t */
                     "mov sp, %1\n\t"
                     "msr spsel, #1"
                     : "=&r"(sp1), "=&r"(sp0_old), "=&r"(in_sp1),
                       "=&r"(in_sp0) : "r"(sp0_new) : "memory");
    tl_check_eq(in_sp1, sp1, "spsel #1: SP_EL1 back");
    tl_check_eq(in_sp0, sp0_new, "spsel #0: SP_EL0 kept");
    tl_check_eq(log_n, 1, "svc from EL1t");
    tl_check_eq(log_spsr[0] & 0xf, 0x4, "spsr.M = EL1t");
}

/* ---- EL0 ---------------------------------------------------------- */

static uint64_t el0_stack[512] __attribute__((aligned(16)));

static void el0_body(void)
{
    __asm__ volatile("svc #0x77\n\t"            /* 0: SVC */
                     ".inst 0x00000000\n\t"     /* 1: UDF */
                     "msr daifset, #2\n\t"      /* 2: trapped, no UMA */
                     "wfi\n\t"                  /* 3: trapped, nTWI = 0 */
                     "wfe\n\t"                  /* the ERET of the WFI
                                                   trap set the event
                                                   register: no trap */
                     "msr spsel, #1\n\t"        /* 4: UNDEFINED at EL0 */
                     "eret\n\t"                 /* 5: UNDEFINED at EL0 */
                     "hvc #0\n\t"               /* 6: UNDEFINED at EL0 */
                     "smc #0\n\t"               /* 7: UNDEFINED at EL0 */
                     "brk #7"                   /* 8: BRK to EL1 */
                     : : : "memory");
}

static void el0_uma(void)
{
    __asm__ volatile("msr daifclr, #2\n\t"      /* allowed with UMA */
                     "svc #0"
                     : : : "memory");
}

static void test_el0(void)
{
    uint64_t sctlr = tl_read_sysreg(sctlr_el1);
    void *top = &el0_stack[512];
    /*
     * MSR DAIFSet, #2 trapped: EC 0x18, ISS Op0 0 [21:20], Op2 0b110
     * [19:17], Op1 0b011 [16:14], CRn 0b0100 [13:10], Rt 31 [9:5],
     * CRm 2 [4:1], write 0 = 0xcd3e4.  (QEMU 8/9 swap Op1 and Op2 in
     * this syndrome, so ISS_NO_OP masks bits [19:14] out of that check.)
     * WFI: CV 1 [24], COND 0xe [23:20], TI 0 [1:0].
     */
    static const uint64_t want[9] = {
        ESR(0x15, 0x77), ESR(0, 0), ESR(0x18, 0xcd3e4 & ISS_NO_OP),
        ESR(0x01, 0x1e00000), ESR(0, 0), ESR(0, 0), ESR(0, 0), ESR(0, 0),
        ESR(0x3c, 7),
    };
    static const char *const name[9] = {
        "el0 svc", "el0 udf", "el0 daifset trap", "el0 wfi trap",
        "el0 spsel undef", "el0 eret undef", "el0 hvc undef",
        "el0 smc undef", "el0 brk",
    };

    /* UMA (bit 9) = 0, nTWI (16) = nTWE (18) = 0: those trap to EL1 */
    tl_write_sysreg(sctlr_el1, sctlr & ~((1ull << 9) | (1ull << 16) |
                                         (1ull << 18)));
    tl_isb();
    log_reset(1);
    tl_run_el0(el0_body, top);
    tl_check_eq(log_n, 9, "el0: nine exceptions");
    for (unsigned i = 0; i < 9 && i < log_n; i++) {
        uint64_t esr = log_esr[i];

        tl_check_eq(i == 2 ? esr & ISS_NO_OP : esr, want[i], name[i]);
        tl_check_eq(log_spsr[i] & 0xf, 0, "el0: spsr.M = EL0t");
    }
    /* SVC's ELR is the next instruction, the others' their own */
    tl_check_eq(log_elr[1], log_elr[0], "el0: svc elr = next insn");
    tl_check_eq(log_elr[2], log_elr[1] + 4, "el0: udf elr");

    /* with UMA, EL0 may clear PSTATE.I: seen in the SVC's SPSR */
    tl_write_sysreg(sctlr_el1, sctlr | (1ull << 9));
    tl_isb();
    log_reset(0);
    __asm__ volatile("msr daifset, #0xf" ::: "memory");
    tl_run_el0(el0_uma, top);
    tl_check_eq(log_n, 1, "el0 uma: one svc");
    tl_check_eq(log_spsr[0] & 0x3c0, 0x340, "el0 uma: daifclr #2");
    tl_write_sysreg(sctlr_el1, sctlr);
    tl_isb();
    __asm__ volatile("msr daifset, #0xf" ::: "memory");
}

/* ---- ERET ---------------------------------------------------------- */

static void test_eret(void)
{
    uint64_t z, c, at;

    /* a legal return to EL1h with NZCV = Z C (0x6) and DAIF masked */
    __asm__ volatile("adr x9, 1f\n\t"
                     "msr elr_el1, x9\n\t"
                     "mov x9, #0x3c5\n\t"
                     "movk x9, #0x6000, lsl #16\n\t"
                     "msr spsr_el1, x9\n\t"
                     "msr nzcv, xzr\n\t"
                     "eret\n"
                     "1:\tcset %0, eq\n\t"
                     "cset %1, cs"
                     : "=&r"(z), "=&r"(c) : : "x9", "cc", "memory");
    tl_check_eq(z, 1, "eret: Z restored");
    tl_check_eq(c, 1, "eret: C restored");

    /* to EL2h from EL1: illegal, PSTATE.IL, EC 0x0e at the target */
    log_reset(1);
    __asm__ volatile("adr x9, 1f\n\t"
                     "mov %0, x9\n\t"
                     "msr elr_el1, x9\n\t"
                     "mov x9, #0x3c9\n\t"
                     "msr spsr_el1, x9\n\t"
                     "eret\n"
                     "1:\tnop"
                     : "=&r"(at) : : "x9", "memory");
    tl_check_eq(log_n, 1, "illegal eret: one exception");
    tl_check_eq(log_esr[0], ESR(0x0e, 0), "illegal eret: esr");
    tl_check_eq(log_elr[0], at, "illegal eret: elr = return address");
    /* IL set, EL1h kept (not EL2h), DAIF from SPSR */
    tl_check_eq(log_spsr[0], 0x1003c5, "illegal eret: spsr");
}

int main(void)
{
    tl_set_sync_handler(record);
    test_svc_el1();
    test_brk_udf();
    test_daif();
    test_spsel();
    test_el0();
    test_eret();
    tl_set_sync_handler(NULL);
    return tl_done();
}
