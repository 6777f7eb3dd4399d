/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Exceptions at EL2 and EL3 (-M virt,secure=on,virtualization=on: the
 * CPU resets into EL3).  From EL3 the test drops to EL2 with ERET
 * (SCR_EL3.NS = RW = HCE = 1), takes an HVC at EL2 (same EL), an SMC
 * from EL2 to EL3, a BRK at EL2, and checks ESR, ELR, SPSR of each, then
 * finishes at EL2.  Expected syndromes from the Arm ARM (D17.2.37):
 * HVC #0x42 -> EC 0x16 IL 1 ISS 0x42 = 0x5a000042; SMC #0x24 -> EC 0x17
 * = 0x5e000024; BRK #7 -> EC 0x3c = 0xf2000007.  HVC/SMC return to the
 * next instruction, BRK to itself (the handler skips it).  SPSR of the
 * EL2 caller: EL2h (M = 0b1001) with the DAIF bits the test set (all).
 */
#include "testlib.h"

extern char tl_vectors_el2[];

static uint8_t el2_stack[8192] __attribute__((aligned(16)));
static volatile uint64_t seen_esr[4], seen_elr[4], seen_spsr[4], seen_el[4];
static volatile unsigned nseen;
static volatile uint64_t at_hvc, at_smc, at_brk;

static uint64_t current_el(void)
{
    uint64_t el;

    __asm__ volatile("mrs %0, CurrentEL" : "=r"(el));
    return el >> 2;
}

static void record(struct tl_regs *r)
{
    unsigned i = nseen++;

    if (i < 4) {
        seen_esr[i] = r->esr;
        seen_elr[i] = r->elr;
        seen_spsr[i] = r->spsr;
        seen_el[i] = current_el();
    }
    if ((r->esr >> 26) == 0x3c) {
        r->elr += 4;            /* BRK returns to itself: skip it */
    }
}

/* Runs at EL2 after the ERET from EL3. */
static void __attribute__((noinline)) at_el2(void)
{
    tl_check_eq(current_el(), 2, "ERET from EL3 lands at EL2");
    __asm__ volatile("msr vbar_el2, %0\n\tisb" :: "r"(tl_vectors_el2));
    __asm__ volatile("adr %0, 1f\n\t"
                     "hvc #0x42\n"
                     "1:" : "=&r"(at_hvc) :: "memory");
    __asm__ volatile("mov x0, #0\n\t"      /* not a PSCI function ID */
                     "adr %0, 1f\n\t"
                     "smc #0x24\n"
                     "1:" : "=&r"(at_smc) :: "x0", "memory");
    __asm__ volatile("adr %0, 1f\n"
                     "1:\tbrk #7" : "=&r"(at_brk) :: "memory");
}

int main(void)
{
    uint64_t scr = (1u << 0) | (1u << 8) | (1u << 10); /* NS, HCE, RW */
    uint64_t spsr_el2h = 0x3c9;                         /* DAIF, EL2h */

    tl_set_sync_handler(record);
    tl_check_eq(current_el(), 3, "reset into EL3 with secure=on");
    if (current_el() != 3) {
        return tl_done();
    }
    /* drop to EL2 on its own stack, returning here through x30 */
    __asm__ volatile("msr scr_el3, %0\n\t"
                     "msr sp_el2, %1\n\t"
                     "msr spsr_el3, %2\n\t"
                     "adr x9, 1f\n\t"
                     "msr elr_el3, x9\n\t"
                     "isb\n\t"
                     "eret\n"
                     "1:\tbl at_el2_entry\n\t"
                     :: "r"(scr), "r"(el2_stack + sizeof(el2_stack)),
                        "r"(spsr_el2h)
                     : "x9", "x30", "memory");
    return 0;                   /* not reached: at_el2_entry exits */
}

void at_el2_entry(void);

void at_el2_entry(void)
{
    at_el2();
    tl_check_eq(nseen, 3, "three exceptions");
    tl_check_eq(seen_esr[0], 0x5a000042, "HVC at EL2: ESR_EL2");
    tl_check_eq(seen_el[0], 2, "HVC taken to EL2");
    tl_check_eq(seen_elr[0], at_hvc, "HVC: ELR is the next insn");
    tl_check_eq(seen_spsr[0] & 0x3cf, 0x3c9, "HVC: SPSR EL2h, DAIF");
    tl_check_eq(seen_esr[1], 0x5e000024, "SMC from EL2: ESR_EL3");
    tl_check_eq(seen_el[1], 3, "SMC taken to EL3");
    tl_check_eq(seen_elr[1], at_smc, "SMC: ELR is the next insn");
    tl_check_eq(seen_spsr[1] & 0x3cf, 0x3c9, "SMC: SPSR EL2h, DAIF");
    tl_check_eq(seen_esr[2], 0xf2000007, "BRK at EL2: ESR_EL2");
    tl_check_eq(seen_el[2], 2, "BRK taken to EL2");
    tl_check_eq(seen_elr[2], at_brk, "BRK: ELR is the BRK");
    tl_exit(tl_done());
}
