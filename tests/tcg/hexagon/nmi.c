/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * nmi.c: the Hexagon non-maskable interrupt (run with -smp 2).
 *
 * Event 1 ("NMI / imprecise", vector EVB + 4), SSR.CAUSE 0x43 "imprecise
 * NMI", SSR.EX set in the handler, ELR = the packet after the one that
 * was executing (the interrupted thread resumes there); it is taken with
 * interrupts disabled (SYSCFG.GIE = 0, SSR.IE = 0: not maskable).
 * V6x System-Level Architecture, "Events"; reference
 * /work/shared/reference/hexagon-system.md 1.7 (events and causes) and
 * 1.10 (`nmi(Rs)`: bit t of Rs raises the NMI on hardware thread t).
 *
 *  - nmi(1) on thread 0 itself: ELR is the label right after the packet.
 *  - nmi(2) while thread 1 sits in `wait` (MODECTL.W[1]): thread 1 wakes
 *    into the handler (HTID 1), thread 0 takes nothing.
 *  - With -append wait-nmi (semihosting GET_CMDLINE), thread 0 prints
 *    "waiting for NMI", waits (`wait`) until an NMI from outside (QMP
 *    inject-nmi, tests/functional/test-qmp.py) and prints "NMI received"
 *    with the cause its handler saw.
 */
#include "testlib.h"

#define SYS_GET_CMDLINE 0x15
#define NMI_CAUSE 0x43          /* reference 1.7: imprecise NMI */
#define STACK 8192
#define SPIN 50000000u

struct nmi_seen {
    uint32_t count, event, cause, ex, elr, htid;
};

static volatile struct nmi_seen seen;

static void on_nmi(struct tl_regs *r)
{
    seen.count++;
    seen.event = r->event;
    seen.cause = tl_ssr_cause(r->ssr);
    seen.ex = (r->ssr & TL_SSR_EX) != 0;
    seen.elr = r->elr;
    seen.htid = tl_htid();
}

/* nmi(@mask) alone in its packet; returns the address of the next one. */
static uint32_t nmi_here(uint32_t mask)
{
    uint32_t after;

    __asm__ volatile("{ %0 = ##1f }\n\t"
                     "{ nmi(%1) }\n"
                     "1:\n"
                     : "=&r"(after) : "r"(mask) : "memory");
    return after;
}

static void wait_here(void)
{
    __asm__ volatile("wait(%0)" : : "r"(0) : "memory");
}

static void test_self(void)
{
    uint32_t after;

    tl_check_eq(tl_read_reg(ssr) & TL_SSR_IE, 0, "SSR.IE off");
    after = nmi_here(1);
    tl_check_eq(seen.count, 1, "nmi(1): taken by thread 0");
    tl_check_eq(seen.event, TL_EV_NMI, "nmi(1): event 1");
    tl_check_eq(seen.cause, NMI_CAUSE, "nmi(1): SSR.CAUSE 0x43");
    tl_check_eq(seen.ex, 1, "nmi(1): SSR.EX in the handler");
    tl_check_eq(seen.elr, after, "nmi(1): ELR = the next packet");
    tl_check_eq(seen.htid, 0, "nmi(1): HTID 0");
}

static uint8_t t1_stack[STACK] __attribute__((aligned(8)));
static volatile uint32_t t1_woke;

static void thread1(uint32_t arg)
{
    (void)arg;
    wait_here();
    t1_woke = 1;
}

static void test_other_thread(void)
{
    bool waiting = false;

    tl_check(tl_thread_start(1, thread1, 0, t1_stack + STACK), "start 1");
    for (uint32_t i = 0; i < SPIN && !waiting; i++) {
        waiting = tl_read_reg(modectl) & (1u << 17);  /* W[1] */
    }
    tl_check(waiting, "thread 1 waiting (MODECTL.W[1])");
    nmi_here(2);
    for (uint32_t i = 0; i < SPIN && !t1_woke; i++) {
        tl_barrier();
    }
    tl_check_eq(t1_woke, 1, "nmi(2): thread 1 woke from wait");
    tl_check_eq(seen.count, 2, "nmi(2): one more NMI, none on thread 0");
    tl_check_eq(seen.htid, 1, "nmi(2): taken by thread 1");
    tl_check_eq(seen.cause, NMI_CAUSE, "nmi(2): SSR.CAUSE 0x43");
    tl_check_eq(tl_read_reg(modectl) & (1u << 17), 0,
                "nmi(2): MODECTL.W[1] cleared");
}

/* -append wait-nmi: the external NMI test (see the top). */
static bool want_external(void)
{
    static char buf[32];
    uint32_t blk[2] = { (uint32_t)(uintptr_t)buf, sizeof(buf) };

    if (tl_semihost(SYS_GET_CMDLINE, blk, NULL) != 0) {
        return false;
    }
    return !strcmp(buf, "wait-nmi");
}

static void test_external(void)
{
    uint32_t before = seen.count;

    tl_printf("waiting for NMI\n");
    for (uint32_t i = 0; i < 1000 && seen.count == before; i++) {
        wait_here();
    }
    tl_check_eq(seen.count, before + 1, "external NMI taken");
    tl_check_eq(seen.cause, NMI_CAUSE, "external NMI: SSR.CAUSE 0x43");
    tl_printf("NMI received, cause 0x%x\n", (unsigned)seen.cause);
}

int main(void)
{
    tl_set_event_handler(TL_EV_NMI, on_nmi);
    if (want_external()) {
        test_external();
        return tl_done();
    }
    test_self();
    test_other_thread();
    return tl_done();
}
