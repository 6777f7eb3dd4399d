/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * hello.c: the smallest Hexagon guest test.  It checks the library
 * itself: output through semihosting (compared with hello.out),
 * tl_printf's conversions (expected strings written by hand), BSS
 * zeroing, the state crt0.S leaves (thread 0, monitor mode with SSR.EX
 * clear, EVB = 0 where the image is linked) and one deliberate trap1
 * through the event-handler hook (cause = the trap's immediate, ELR = the
 * packet after the trap: V6x System-Level Architecture, "trap1").
 */
#include "testlib.h"

static uint32_t zero_in_bss[4];
static volatile uint32_t trap1_ssr;
static volatile uint32_t trap1_elr;
static volatile uint32_t trap1_r0;

static void on_trap1(struct tl_regs *r)
{
    trap1_ssr = r->ssr;
    trap1_elr = r->elr;
    trap1_r0 = r->r[0];
    r->r[0] = 0x600d;              /* visible to the code after the trap */
}

int main(void)
{
    uint32_t or_bss = 0, after, before;

    tl_puts("hello from Hexagon\n");
    /* Each line is the hand-formatted expected text (see hello.out). */
    tl_printf("%d %u %x %s %c\n", -42, 42u, 0xbeefu, "str", 'Z');
    tl_printf("%lx %llx %016llx %5d|\n", 0x89abcdeful,
              0xffffffffffffffffull, 0x1ull, 7);
    tl_printf("%lld %llu %X %%\n", -1234567890123ll,
              18446744073709551615ull, 0xabcu);
    for (unsigned i = 0; i < 4; i++) {
        or_bss |= zero_in_bss[i];
    }
    tl_check_eq(or_bss, 0, "bss zeroed");
    tl_check_eq(tl_htid(), 0, "runs on thread 0");
    /* SSR = 0 set by crt0: UM = 0, EX = 0 (monitor mode, not in an event) */
    tl_check_eq(tl_read_reg(ssr) & (TL_SSR_UM | TL_SSR_EX | TL_SSR_IE), 0,
                "monitor mode, outside events");
    tl_check_eq(tl_read_reg(evb), 0, "EVB = vector table at 0");

    tl_set_event_handler(TL_EV_TRAP1, on_trap1);
    /*
     * r0 = 0x1234 goes in; the handler records it and returns 0x600d.
     * `before` is the address of the trap packet, `after` the next one.
     */
    {
        register uint32_t r0 __asm__("r0") = 0x1234;

        __asm__ volatile("%1 = ##1f\n\t"
                         "1: trap1(#0x2a)\n\t"
                         "%2 = ##2f\n\t"
                         "2:"
                         : "+r"(r0), "=&r"(before), "=&r"(after)
                         : : "memory");
        tl_check_eq(r0, 0x600d, "trap1 handler changed r0");
    }
    tl_set_event_handler(TL_EV_TRAP1, NULL);
    tl_check_eq(tl_ssr_cause(trap1_ssr), 0x2a, "trap1 cause = immediate");
    tl_check(trap1_ssr & TL_SSR_EX, "SSR.EX set in the handler");
    tl_check_eq(trap1_r0, 0x1234, "r0 seen by the handler");
    /* ELR = trap1 packet + 4: the next packet, `%2 = ##2f` (8 bytes) */
    tl_check_eq(trap1_elr, before + 4, "trap1 ELR = next packet");
    tl_check_eq(after - before, 12, "trap1 (4) + extended transfer (8)");
    return tl_done();
}
