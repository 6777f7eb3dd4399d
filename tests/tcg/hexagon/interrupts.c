/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * interrupts.c: the Hexagon interrupt model with the V66G_1024 L2VIC and
 * QTimer (run with -smp 2).
 *
 *  - QTimer frame 0 (0xfc921000) fires through L2VIC input 3, which is in
 *    L2VIC group 0, i.e. core interrupt 2 (event 16 + 2 = 18, SSR.CAUSE
 *    0xC2).  The handler reads the VID system register (group 0's vector
 *    in bits 9:0 = 3), sees IAD[2] set (auto-disable on acceptance),
 *    stops the timer and acks with `ciad`, which also re-arms the L2VIC
 *    (the "ciad" -> "rearm" wiring of hw/hexagon/hexagon-dsp.c).  A second
 *    timer expiry is then delivered again; without the ciad the L2VIC
 *    keeps INT_STATUS[3] set and the core keeps IAD[2] set.
 *  - `wait` woken by the timer interrupt (thread 0).
 *  - swi (IPEND set -> taken at once when qualified), cswi (clears a
 *    pending, masked interrupt so it is never taken), IMASK.
 *  - iassignw routes interrupt 7 to thread 1 only (thread 0's IMASK[7]
 *    = 1); thread 1, in `wait` (MODECTL.W[1] set), wakes and takes it;
 *    iassignr reads the routing back.
 *
 * Qualification (V6x System-Level Architecture, "Interrupts";
 * /work/shared/reference/hexagon-system.md 1.8): SYSCFG.GIE (bit 4),
 * SSR.IE (bit 18), !SSR.EX, !IAD[i], !IMASK[i].  L2VIC and QTimer
 * registers: reference 1.3 and docs/user/hexagon.md; QTimer counts at
 * 19.2 MHz.
 */
#include "testlib.h"

#define L2VIC_BASE          0xfc910000u
#define L2VIC_VID_GRP_0     0x000
#define L2VIC_ENABLE_SET    0x200
#define L2VIC_STATUS        0x380
#define QTMR_FRAME0         0xfc921000u
#define QTMR_CNTP_TVAL      0x28
#define QTMR_CNTP_CTL       0x2c
#define QTMR_CTL_EN         1u

#define TIMER_IRQ           3       /* L2VIC input of QTimer frame 0 */
#define CORE_IRQ_L2VIC      2       /* group 0 -> core interrupt 2 */
#define SWI_IRQ             5
#define CSWI_IRQ            6
#define ROUTED_IRQ          7
#define SYSCFG_GIE          (1u << 4)
#define TICKS_50MS          960000u /* 19.2 MHz * 0.05 s */

#define STACK 8192

static volatile uint32_t *reg(uint32_t base, uint32_t off)
{
    return (volatile uint32_t *)(uintptr_t)(base + off);
}

static uint32_t read_ipendad(void)
{
    uint32_t v;

    __asm__ volatile("%0 = s20" : "=r"(v));
    return v;
}

static void ciad(uint32_t mask)
{
    __asm__ volatile("ciad(%0)" : : "r"(mask) : "memory");
}

static void swi(uint32_t mask)
{
    __asm__ volatile("swi(%0)\n\tisync" : : "r"(mask) : "memory");
}

static void cswi(uint32_t mask)
{
    __asm__ volatile("cswi(%0)" : : "r"(mask) : "memory");
}

static void wait_here(void)
{
    __asm__ volatile("wait(%0)" : : "r"(0) : "memory");
}

/* ---- what the handlers saw ------------------------------------------- */

struct irq_seen {
    uint32_t count, event, cause, vid, vid_grp0, ipendad, htid;
};

static volatile struct irq_seen seen;
static volatile uint32_t do_ciad;       /* timer handler acks itself */

static void record(struct tl_regs *r)
{
    seen.count++;
    seen.event = r->event;
    seen.cause = tl_ssr_cause(r->ssr);
    seen.ipendad = read_ipendad();
    seen.htid = tl_htid();
}

static void on_l2vic_irq(struct tl_regs *r)
{
    record(r);
    seen.vid = tl_read_reg(vid) & 0x3ff;
    seen.vid_grp0 = *reg(L2VIC_BASE, L2VIC_VID_GRP_0);
    *reg(QTMR_FRAME0, QTMR_CNTP_CTL) = 0;   /* line low */
    if (do_ciad) {
        ciad(1u << CORE_IRQ_L2VIC);
    }
}

static void on_swi(struct tl_regs *r)
{
    record(r);
    ciad(1u << (r->event - TL_EV_INT(0)));
}

static void clear_seen(void)
{
    seen.count = seen.event = seen.cause = seen.vid = 0;
    seen.vid_grp0 = seen.ipendad = seen.htid = 0;
}

static void timer_start(uint32_t ticks)
{
    *reg(QTMR_FRAME0, QTMR_CNTP_TVAL) = ticks;
    *reg(QTMR_FRAME0, QTMR_CNTP_CTL) = QTMR_CTL_EN;
}

/* Spin until the handler ran @n times (bounded: ~seconds, not forever). */
static bool spin_for(uint32_t n)
{
    for (uint32_t i = 0; i < 50000000u; i++) {
        if (seen.count >= n) {
            return true;
        }
    }
    return false;
}

static void enable_interrupts(void)
{
    cswi(0xffff);
    ciad(0xffff);
    tl_write_reg(imask, 0);
    tl_write_reg(syscfg, tl_read_reg(syscfg) | SYSCFG_GIE);
    tl_write_reg(ssr, tl_read_reg(ssr) | TL_SSR_IE);
}

/* ---- the tests --------------------------------------------------------- */

static void test_timer(void)
{
    tl_set_event_handler(TL_EV_INT(CORE_IRQ_L2VIC), on_l2vic_irq);
    *reg(L2VIC_BASE, L2VIC_ENABLE_SET) = 1u << TIMER_IRQ;

    /* 1: spin until the timer interrupt; the handler acks with ciad */
    clear_seen();
    do_ciad = 1;
    timer_start(19200);             /* 1 ms */
    tl_check(spin_for(1), "timer interrupt 1 delivered");
    tl_check_eq(seen.count, 1, "timer: one interrupt");
    tl_check_eq(seen.event, TL_EV_INT(CORE_IRQ_L2VIC), "timer: event 18");
    tl_check_eq(seen.cause, TL_CAUSE_INT(CORE_IRQ_L2VIC), "timer: 0xC2");
    tl_check_eq(seen.vid, TIMER_IRQ, "timer: VID = L2VIC input 3");
    tl_check_eq(seen.vid_grp0, TIMER_IRQ, "timer: L2VIC VID_GRP_0 = 3");
    tl_check_eq((seen.ipendad >> 16) & (1u << CORE_IRQ_L2VIC),
                1u << CORE_IRQ_L2VIC, "timer: IAD[2] set on acceptance");
    tl_check_eq(read_ipendad() & (0x10001u << CORE_IRQ_L2VIC), 0,
                "timer: IPEND[2] and IAD[2] clear after ciad");
    tl_check_eq(*reg(L2VIC_BASE, L2VIC_STATUS) & (1u << TIMER_IRQ), 0,
                "timer: L2VIC status re-armed by ciad");

    /* 2: `wait` woken by the second expiry (ciad re-armed the L2VIC) */
    timer_start(TICKS_50MS);
    if (seen.count < 2) {
        wait_here();
    }
    tl_check_eq(seen.count, 2, "wait woken by timer interrupt 2");
    tl_check_eq(seen.vid, TIMER_IRQ, "timer 2: VID = 3");

    /* 3: no ciad in the handler: L2VIC status and IAD[2] stay set */
    do_ciad = 0;
    timer_start(19200);
    tl_check(spin_for(3), "timer interrupt 3 delivered");
    tl_check_eq(*reg(L2VIC_BASE, L2VIC_STATUS) & (1u << TIMER_IRQ),
                1u << TIMER_IRQ, "no ciad: L2VIC status stays set");
    tl_check_eq(read_ipendad() & (0x10000u << CORE_IRQ_L2VIC),
                0x10000u << CORE_IRQ_L2VIC, "no ciad: IAD[2] stays set");
    ciad(1u << CORE_IRQ_L2VIC);
    tl_check_eq(*reg(L2VIC_BASE, L2VIC_STATUS) & (1u << TIMER_IRQ), 0,
                "ciad from thread code re-arms the L2VIC");
    tl_check_eq(seen.count, 3, "timer stopped: no further interrupt");
    tl_set_event_handler(TL_EV_INT(CORE_IRQ_L2VIC), NULL);
}

static void test_swi(void)
{
    tl_set_event_handler(TL_EV_INT(SWI_IRQ), on_swi);
    tl_set_event_handler(TL_EV_INT(CSWI_IRQ), on_swi);
    clear_seen();
    swi(1u << SWI_IRQ);
    tl_check_eq(seen.count, 1, "swi: taken at once");
    tl_check_eq(seen.event, TL_EV_INT(SWI_IRQ), "swi: event 21");
    tl_check_eq(seen.cause, TL_CAUSE_INT(SWI_IRQ), "swi: cause 0xC5");
    tl_check_eq(read_ipendad() & (0x10001u << SWI_IRQ), 0,
                "swi: IPEND[5] and IAD[5] clear afterwards");

    /* masked: stays pending; cswi removes it, so unmasking takes nothing */
    tl_write_reg(imask, 1u << CSWI_IRQ);
    swi(1u << CSWI_IRQ);
    tl_check_eq(read_ipendad() & 0xffff, 1u << CSWI_IRQ,
                "masked swi: IPEND[6] pending");
    tl_check_eq(seen.count, 1, "masked swi: not taken");
    cswi(1u << CSWI_IRQ);
    tl_check_eq(read_ipendad() & 0xffff, 0, "cswi cleared IPEND[6]");
    tl_write_reg(imask, 0);
    tl_check_eq(seen.count, 1, "after cswi + unmask: nothing taken");

    /* masked then unmasked without cswi: taken on the IMASK write */
    tl_write_reg(imask, 1u << CSWI_IRQ);
    swi(1u << CSWI_IRQ);
    tl_write_reg(imask, 0);
    tl_check_eq(seen.count, 2, "unmasking a pending swi takes it");
    tl_check_eq(seen.cause, TL_CAUSE_INT(CSWI_IRQ), "unmasked: cause 0xC6");
    tl_set_event_handler(TL_EV_INT(SWI_IRQ), NULL);
    tl_set_event_handler(TL_EV_INT(CSWI_IRQ), NULL);
}

/* ---- routing to thread 1 -------------------------------------------------- */

static uint8_t t1_stack[STACK] __attribute__((aligned(8)));
static volatile uint32_t t1_woke;

static void thread1(uint32_t arg)
{
    (void)arg;
    tl_write_reg(imask, 0);
    tl_write_reg(ssr, tl_read_reg(ssr) | TL_SSR_IE);
    wait_here();
    t1_woke = 1;
}

static void test_iassign(void)
{
    uint32_t routing;
    bool waiting = false;

    tl_set_event_handler(TL_EV_INT(ROUTED_IRQ), on_swi);
    clear_seen();
    /* interrupt 7: thread 0 IMASK[7] = 1 (bit 0), thread 1 0 (bit 1) */
    __asm__ volatile("iassignw(%0)" : : "r"((ROUTED_IRQ << 16) | 1u)
                     : "memory");
    __asm__ volatile("%0 = iassignr(%1)" : "=r"(routing) : "r"(ROUTED_IRQ));
    tl_check_eq(routing & 3, 1, "iassignr: thread 0 masked, 1 not");
    tl_check_eq(tl_read_reg(imask) & (1u << ROUTED_IRQ), 1u << ROUTED_IRQ,
                "iassignw set thread 0's IMASK[7]");
    tl_check(tl_thread_start(1, thread1, 0, t1_stack + STACK), "start 1");
    for (uint32_t i = 0; i < 50000000u && !waiting; i++) {
        /* MODECTL.W[1] (bit 17): thread 1 is in wait */
        waiting = tl_read_reg(modectl) & (1u << 17);
    }
    tl_check(waiting, "thread 1 waiting (MODECTL.W[1])");
    swi(1u << ROUTED_IRQ);
    tl_check(spin_for(1), "routed interrupt taken");
    for (uint32_t i = 0; i < 50000000u && !t1_woke; i++) {
        tl_barrier();
    }
    tl_check_eq(seen.htid, 1, "routed interrupt taken by thread 1");
    tl_check_eq(seen.cause, TL_CAUSE_INT(ROUTED_IRQ), "routed: cause 0xC7");
    tl_check_eq(t1_woke, 1, "thread 1 woke from wait");
    __asm__ volatile("iassignw(%0)" : : "r"(ROUTED_IRQ << 16) : "memory");
    tl_set_event_handler(TL_EV_INT(ROUTED_IRQ), NULL);
}

int main(void)
{
    enable_interrupts();
    tl_check_eq(tl_read_reg(syscfg) & SYSCFG_GIE, SYSCFG_GIE, "SYSCFG.GIE");
    test_timer();
    test_swi();
    test_iassign();
    tl_write_reg(ssr, tl_read_reg(ssr) & ~TL_SSR_IE);
    return tl_done();
}
