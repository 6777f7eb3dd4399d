/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * hello.c: the smallest guest test.  It checks the library itself: output
 * through semihosting (compared with hello.out), tl_printf's conversions
 * (expected strings written by hand), BSS zeroing, the current EL being
 * EL1 on virt (QEMU's and hemu's default for a bare-metal ELF), and one
 * deliberate exception (BRK) through the sync-handler hook.
 */
#include "testlib.h"

static uint64_t zero_in_bss[4];
static volatile uint64_t brk_esr;

static void on_brk(struct tl_regs *r)
{
    brk_esr = r->esr;
    r->elr += 4;
}

int main(void)
{
    uint64_t or_bss = 0;

    tl_puts("hello from AArch64\n");
    /* Each line is the hand-formatted expected text (see hello.out). */
    tl_printf("%d %u %x %s %c\n", -42, 42u, 0xbeefu, "str", 'Z');
    tl_printf("%lx %llx %016llx %5d|\n", 0x123456789abcdef0ul,
              0xffffffffffffffffull, 0x1ull, 7);
    for (unsigned i = 0; i < 4; i++) {
        or_bss |= zero_in_bss[i];
    }
    tl_check_eq(or_bss, 0, "bss zeroed");
    tl_check_eq(tl_current_el(), 1, "starts at EL1");

    tl_set_sync_handler(on_brk);
    __asm__ volatile("brk #0x1234");
    tl_set_sync_handler(0);
    /* ESR: EC=0x3c (BRK64), IL=1, ISS=imm16 -> 0xf0000000|0x2000000|0x1234 */
    tl_check_eq(brk_esr, 0xf2001234, "brk syndrome");
    return tl_done();
}
