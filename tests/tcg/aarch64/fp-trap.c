/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * fp-trap: the FP/SIMD access trap at the EL the program runs at (EL1;
 * fp-trap-el2 and fp-trap-el3 run this file at EL2 and EL3, where
 * CPTR_EL2.TFP and CPTR_EL3.TFP are the controls).  With FP disabled,
 * every FP and Advanced SIMD instruction (scalar FP, SIMD&FP load and
 * store, vector arithmetic, MRS of FPCR) takes the exception with
 * EC 0x07 to that EL, and does not execute (its destination keeps its
 * value); an unallocated encoding of the SIMD&FP space is UNDEFINED
 * (EC 0x00) even then.  With FPEN = 11 the same instructions run.
 *
 * Expected values from the Arm ARM (DDI 0487): ESR_ELx (D17.2.37) is
 * EC[31:26] IL[25] ISS[24:0]; for EC 0x07 from AArch64 the ISS has
 * CV = 1 (bit 24) and COND = 0b1110 (bits 23:20), so ESR = 0x07 << 26 |
 * 1 << 25 | 1 << 24 | 0xe << 20 = 0x1fe00000.  CPACR_EL1.FPEN is bits
 * 21:20 (D17.2.30).  FP data-processing (2 source) opcode 0b1111 is
 * unallocated (C4.1.95): 0x1e20f800 = FMUL's layout with opcode 1111.
 */
#include "testlib.h"

/* The EL the machine starts the program at (fp-trap-el2/-el3 set it). */
#ifndef FP_TRAP_EL
#define FP_TRAP_EL 1
#endif

static volatile uint64_t last_esr;
static volatile unsigned traps;

static void handler(struct tl_regs *r)
{
    last_esr = r->esr;
    traps++;
    r->elr += 4;
}

static void set_fpen(uint64_t fpen)
{
    uint64_t c = tl_read_sysreg(cpacr_el1);

    tl_write_sysreg(cpacr_el1, (c & ~(3ull << 20)) | fpen << 20);
    tl_isb();
}

/*
 * The control of the current EL: CPACR_EL1.FPEN at EL1 (00 traps EL1
 * and EL0), CPTR_EL2.TFP (bit 10) at EL2, CPTR_EL3.TFP (bit 10) at EL3
 * (D17.2.30, D17.2.32, D17.2.33).  The trap goes to the current EL.
 */
static void fp_disable(bool off)
{
    uint64_t c;

    switch (tl_current_el()) {
    case 1:
        set_fpen(off ? 0 : 3);
        break;
    case 2:
        c = tl_read_sysreg(cptr_el2);
        tl_write_sysreg(cptr_el2, off ? c | 1u << 10 : c & ~(1ull << 10));
        break;
    default:
        c = tl_read_sysreg(cptr_el3);
        tl_write_sysreg(cptr_el3, off ? c | 1u << 10 : c & ~(1ull << 10));
        break;
    }
    tl_isb();
}

#define ESR_FP 0x1fe00000ull
#define ESR_UNDEF 0x02000000ull

/* x = 7; try "fmov x, d0" style code that would overwrite it. */
static void test_disabled(void)
{
    uint64_t x = 7;

    traps = 0;
    __asm__ volatile("fmov %0, d0" : "+r"(x));
    tl_check_eq(traps, 1, "fmov to general traps");
    tl_check_eq(last_esr, ESR_FP, "fmov: esr EC 0x07");
    tl_check_eq(x, 7, "fmov: destination unchanged");

    __asm__ volatile("fadd d0, d1, d2" ::: "v0");
    tl_check_eq(traps, 2, "fadd traps");
    tl_check_eq(last_esr, ESR_FP, "fadd: esr");

    __asm__ volatile("ldr q0, [%0]" :: "r"(&x) : "v0", "memory");
    tl_check_eq(traps, 3, "ldr q traps");
    tl_check_eq(last_esr, ESR_FP, "ldr q: esr");

    __asm__ volatile("st1 {v0.16b}, [%0]" :: "r"(&x) : "memory");
    tl_check_eq(traps, 4, "st1 traps");
    tl_check_eq(x, 7, "st1: memory unchanged");

    __asm__ volatile("add v0.4s, v1.4s, v2.4s" ::: "v0");
    tl_check_eq(traps, 5, "add (vector) traps");
    tl_check_eq(last_esr, ESR_FP, "add vector: esr");

    __asm__ volatile("mrs %0, fpcr" : "+r"(x));
    tl_check_eq(traps, 6, "mrs fpcr traps");
    tl_check_eq(last_esr, ESR_FP, "mrs fpcr: esr");

    __asm__ volatile(".inst 0x1e20f800");
    tl_check_eq(traps, 7, "unallocated FP encoding takes an exception");
    tl_check_eq(last_esr, ESR_UNDEF, "unallocated: UNDEFINED, not EC 7");
}

static void test_enabled(void)
{
    uint64_t x = 7, y = 0;

    traps = 0;
    __asm__ volatile("fmov d0, %1\n\tfmov %0, d0" : "=r"(y) : "r"(x)
                     : "v0");
    tl_check_eq(traps, 0, "enabled: no trap");
    tl_check_eq(y, 7, "enabled: fmov round trip");
}

int main(void)
{
    tl_set_sync_handler(handler);
    tl_check_eq(tl_current_el(), FP_TRAP_EL, "running at the expected EL");
    fp_disable(true);
    test_disabled();
    fp_disable(false);
    test_enabled();
    if (tl_current_el() == 1) {
        set_fpen(1);        /* 01: EL0 traps, EL1 does not */
        test_enabled();
    } else {
        /* CPACR_EL1.FPEN = 00 does not affect EL2 and EL3 */
        set_fpen(0);
        test_enabled();
    }
    return tl_done();
}
