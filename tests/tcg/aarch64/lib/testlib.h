/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * testlib.h: the support library of the bare-metal AArch64 guest tests in
 * tests/tcg/aarch64/.  A test is one C file whose main() returns tl_done();
 * crt0.S enters main() at whatever exception level the machine starts the
 * image at (EL1 on virt by default, EL2 with virtualization=on, EL3 with
 * secure=on), with SP_ELx selected, a 64 KiB stack, BSS zeroed, the
 * library's vector table installed for the current EL, and nothing else
 * enabled (MMU, caches, FP traps and interrupt masks stay as the machine
 * reset them).  main's return value becomes the emulator's exit code
 * through Arm semihosting SYS_EXIT_EXTENDED.
 *
 * Output goes through Arm semihosting (HLT #0xF000, "Semihosting for
 * AArch32 and AArch64", Arm IHI 0056), so every program must be run with
 * -semihosting.  Semihosting calls only work at EL1 and above: code that
 * runs at EL0 (tl_run_el0) must not print.
 *
 * The same ELF must behave identically on hemu and on qemu-system-aarch64;
 * README.md in this folder describes the build and the conventions.
 */
#ifndef TESTLIB_H
#define TESTLIB_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ---- output and result bookkeeping ---------------------------------- */

/* Write a NUL-terminated string (semihosting SYS_WRITE0). */
void tl_puts(const char *s);

/* Write one character (semihosting SYS_WRITEC). */
void tl_putc(char c);

/*
 * Minimal printf: %d %i %u %x %X %lx %lu %ld %llx %llu %lld %p %s %c %%,
 * with an optional '0' flag and field width (e.g. %016llx).  Output longer
 * than 255 characters per call is flushed in pieces.
 */
void tl_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void tl_vprintf(const char *fmt, va_list ap);

/*
 * Stop the machine with exit code @code (semihosting SYS_EXIT_EXTENDED,
 * reason ADP_Stopped_ApplicationExit).  Never returns.
 */
void tl_exit(int code) __attribute__((noreturn));

/* Record one check; on failure prints "FAIL name". */
void tl_check(int ok, const char *name);

/*
 * Record one equality check; on failure prints
 * "FAIL name: got 0x... expected 0x...".
 */
void tl_check_eq(uint64_t got, uint64_t want, const char *name);

/* Number of failed checks so far. */
unsigned tl_failures(void);

/*
 * Print the final line, "PASS" or "FAIL (n failures)", and return 0 or 1.
 * Use as `return tl_done();` at the end of main().
 */
int tl_done(void);

/* ---- exceptions ----------------------------------------------------- */

/*
 * The register frame the vector code saves on the stack of the EL the
 * exception is taken to.  The handler may change x[], elr and spsr: they
 * are written back before ERET.  sp is the interrupted context's stack
 * pointer, for information only (changes are ignored).  esr and far are
 * ESR_ELx and FAR_ELx of the EL the exception was taken to (for IRQs they
 * are read too, but their content is then meaningless).
 */
struct tl_regs {
    uint64_t x[31];   /* x0..x30 of the interrupted context */
    uint64_t sp;      /* its stack pointer (read-only) */
    uint64_t elr;     /* ELR_ELx: where ERET resumes */
    uint64_t spsr;    /* SPSR_ELx: PSTATE restored by ERET */
    uint64_t esr;     /* ESR_ELx */
    uint64_t far;     /* FAR_ELx */
};

typedef void (*tl_sync_handler)(struct tl_regs *r);
typedef void (*tl_irq_handler)(struct tl_regs *r);

/*
 * Install @h as the handler of synchronous exceptions taken to the current
 * EL (any source: same EL or lower EL).  NULL restores the default
 * handler, which prints "unexpected exception ESR=.. ELR=.. FAR=.." and
 * exits with code 1.  Returns the previous handler (NULL for the default).
 * The handler must advance r->elr past a faulting instruction it wants to
 * skip (r->elr += 4), or it will be re-executed.
 */
tl_sync_handler tl_set_sync_handler(tl_sync_handler h);

/*
 * Install @h as the IRQ handler (same rules; default: print
 * "unexpected IRQ" and exit 1).  FIQ and SError always take the default
 * path.  Returns the previous handler.
 */
tl_irq_handler tl_set_irq_handler(tl_irq_handler h);

/* ESR_ELx fields (Arm ARM D17.2.37). */
static inline unsigned tl_esr_ec(uint64_t esr)
{
    return (esr >> 26) & 0x3f;
}

static inline uint32_t tl_esr_iss(uint64_t esr)
{
    return esr & 0x1ffffff;
}

/* Exception classes used by the tests (Arm ARM D17.2.37, ESR_ELx.EC). */
#define TL_EC_UNKNOWN     0x00
#define TL_EC_WFX         0x01
#define TL_EC_SVC64       0x15
#define TL_EC_HVC64       0x16
#define TL_EC_SMC64       0x17
#define TL_EC_SYSREG      0x18
#define TL_EC_IABT_LOWER  0x20
#define TL_EC_IABT_CUR    0x21
#define TL_EC_PC_ALIGN    0x22
#define TL_EC_DABT_LOWER  0x24
#define TL_EC_DABT_CUR    0x25
#define TL_EC_SP_ALIGN    0x26
#define TL_EC_BRK64       0x3c

/* The exception level the program runs at (CurrentEL.EL, 1..3). */
unsigned tl_current_el(void);

/*
 * Run @fn at EL0 (SPSR = EL0t with the current DAIF mask, ELR = fn,
 * SP_EL0 = @stack_top, which must be 16-byte aligned) and return when it
 * executes `svc #0xff` (tl_el0_return()) or returns.  Exceptions other
 * than that SVC go to the installed sync handler as usual.  Needs the
 * caller at EL1 (EL2/EL3 work too, but the EL0 code then runs under the
 * translation regime of that EL).  Not reentrant; one CPU at a time.
 */
void tl_run_el0(void (*fn)(void), void *stack_top);

/* From EL0 code: return to the caller of tl_run_el0. */
static inline void tl_el0_return(void)
{
    __asm__ volatile("svc #0xff" ::: "memory");
}

/* ---- multiple CPUs -------------------------------------------------- */

/*
 * Start the CPU with affinity @mpidr at @fn(@arg) on the stack ending at
 * @stack_top (16-byte aligned), through PSCI CPU_ON (SMC Calling
 * Convention, function 0xC4000003) using HVC when the program runs at
 * EL1, SMC at EL2.  The new CPU starts in the library's entry code (its
 * own VBAR and SP set up the same way as the boot CPU) and calls
 * @fn(arg); when @fn returns, the CPU turns itself off (PSCI CPU_OFF).
 * Returns the PSCI status (0 = SUCCESS, negative = error).  @boot must
 * stay valid until the CPU has started (it is read by the new CPU).
 */
struct tl_cpu_boot {
    uint64_t stack_top;          /* initial SP */
    void (*fn)(uint64_t arg);    /* C entry point */
    uint64_t arg;                /* its argument */
};
int64_t tl_cpu_on(uint64_t mpidr, struct tl_cpu_boot *boot);

/* Affinity of the calling CPU (MPIDR_EL1 & 0xff00ffffff). */
uint64_t tl_mpidr(void);

/* ---- freestanding C support ---------------------------------------- */

/* Provided by the library because the compiler may emit calls to them. */
void *memset(void *d, int c, size_t n);
void *memcpy(void *d, const void *s, size_t n);
void *memmove(void *d, const void *s, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
int strcmp(const char *a, const char *b);

/* Compiler barrier, and the data/instruction barriers by name. */
#define tl_barrier() __asm__ volatile("" ::: "memory")
#define tl_dsb_sy()  __asm__ volatile("dsb sy" ::: "memory")
#define tl_isb()     __asm__ volatile("isb" ::: "memory")

/* Read / write a system register by name: tl_read_sysreg(sctlr_el1). */
#define tl_read_sysreg(reg) ({                                   \
        uint64_t v_;                                             \
        __asm__ volatile("mrs %0, " #reg : "=r"(v_));            \
        v_; })
#define tl_write_sysreg(reg, val) do {                           \
        uint64_t v_ = (val);                                     \
        __asm__ volatile("msr " #reg ", %0" :: "r"(v_));         \
    } while (0)

#endif /* TESTLIB_H */
