/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * driver.c: the fixed part of the FP/SIMD differential test
 * (README.md here).  Calls the generated fpdiff_run() (gen.py), which
 * fills fpdiff_dump with V0-V31, FPSR and NZCV after each block, and
 * prints the dump as hex text, one line per register:
 *
 *   b<block> v<n> <high 64 bits><low 64 bits>
 *   b<block> fpsr <8 hex> nzcv <8 hex>
 *
 * Built twice from this file:
 * - with FPDIFF_LINUX: a static Linux executable for qemu-aarch64 (user
 *   mode); start-linux.S enters main(), output by write(2).
 * - without: a bare-metal program for `hemu -M virt` on the library of
 *   tests/tcg/aarch64/lib; main() runs at EL1, enables FP/SIMD
 *   (CPACR_EL1.FPEN = 0b11, Arm ARM D17.2.30) and runs fpdiff_run() at EL0
 *   with tl_run_el0(), then prints through semihosting (which only works
 *   at EL1 and above).
 * Both builds produce the same text, so the runner (run.py) compares
 * them line by line.  The formatting is done here by hand (no printf
 * in the Linux build, and no FP in the formatting).
 */
#include <stddef.h>
#include <stdint.h>

#define DUMP_BYTES (32 * 16 + 16)

void fpdiff_run(uint8_t *dump);
extern const uint32_t fpdiff_nblocks;
extern uint8_t fpdiff_dump[];
int main(void);

#ifdef FPDIFF_LINUX
static void out(const char *s, size_t n)
{
    register long x0 __asm__("x0") = 1;
    register long x1 __asm__("x1") = (long)s;
    register long x2 __asm__("x2") = (long)n;
    register long x8 __asm__("x8") = 64;            /* write */

    __asm__ volatile("svc #0" : "+r"(x0) : "r"(x1), "r"(x2), "r"(x8)
                     : "memory");
}
#else
#include "testlib.h"

static void out(const char *s, size_t n)
{
    (void)n;
    tl_puts(s);
}
#endif

static char line[128];

static size_t put_str(size_t p, const char *s)
{
    while (*s) {
        line[p++] = *s++;
    }
    return p;
}

static size_t put_dec(size_t p, unsigned v)
{
    char tmp[12];
    int n = 0;

    do {
        tmp[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    while (n) {
        line[p++] = tmp[--n];
    }
    return p;
}

static size_t put_hex(size_t p, uint64_t v, int digits)
{
    for (int i = digits - 1; i >= 0; i--) {
        line[p++] = "0123456789abcdef"[(v >> (4 * i)) & 15];
    }
    return p;
}

static uint64_t rd64(const uint8_t *b)
{
    uint64_t v = 0;

    for (int i = 7; i >= 0; i--) {
        v = v << 8 | b[i];
    }
    return v;
}

static void emit(size_t p)
{
    line[p++] = '\n';
    line[p] = 0;
    out(line, p);
}

static void print_dump(void)
{
    for (uint32_t b = 0; b < fpdiff_nblocks; b++) {
        const uint8_t *d = fpdiff_dump + (size_t)b * DUMP_BYTES;
        size_t p;

        for (unsigned r = 0; r < 32; r++) {
            p = put_str(put_dec(put_str(0, "b"), b), " v");
            p = put_str(put_dec(p, r), " ");
            p = put_hex(p, rd64(d + 16 * r + 8), 16);
            p = put_hex(p, rd64(d + 16 * r), 16);
            emit(p);
        }
        p = put_str(put_dec(put_str(0, "b"), b), " fpsr ");
        p = put_str(put_hex(p, rd64(d + 512), 8), " nzcv ");
        emit(put_hex(p, rd64(d + 520), 8));
    }
    emit(put_str(0, "end"));
}

#ifdef FPDIFF_LINUX
int main(void)
{
    fpdiff_run(fpdiff_dump);
    print_dump();
    return 0;
}
#else
static uint64_t el0_stack[512] __attribute__((aligned(16)));

/*
 * UNDEFINED instructions at EL0 (EC 0) are skipped and recorded, so one
 * run lists every instruction form hemu lacks (the runner maps the
 * addresses to the listing); anything else stops the program.
 */
#define MAX_UNDEF 4096
static uint64_t undef_pc[MAX_UNDEF];
static unsigned n_undef;

static void on_sync(struct tl_regs *r)
{
    if (tl_esr_ec(r->esr) != TL_EC_UNKNOWN) {
        tl_printf("unexpected exception ESR=0x%llx ELR=0x%llx\n",
                  (unsigned long long)r->esr, (unsigned long long)r->elr);
        tl_exit(1);
    }
    if (n_undef < MAX_UNDEF) {
        undef_pc[n_undef] = r->elr;
    }
    n_undef++;
    r->elr += 4;
}

static void el0_body(void)
{
    fpdiff_run(fpdiff_dump);
    tl_el0_return();
}

int main(void)
{
    tl_write_sysreg(cpacr_el1, tl_read_sysreg(cpacr_el1) | 3ull << 20);
    tl_isb();
    tl_printf("fpdiff_run at %p\n", (void *)fpdiff_run);
    tl_set_sync_handler(on_sync);
    tl_run_el0(el0_body, &el0_stack[512]);
    tl_set_sync_handler(NULL);
    for (unsigned i = 0; i < n_undef && i < MAX_UNDEF; i++) {
        tl_printf("undef at 0x%llx\n", (unsigned long long)undef_pc[i]);
    }
    print_dump();
    return n_undef ? 1 : 0;
}
#endif
