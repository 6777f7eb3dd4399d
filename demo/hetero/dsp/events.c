/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * events.c: events and interrupts of the demo DSP firmware.
 *
 * crt0.S (tests/tcg/hexagon/lib) sends every event but reset and trap0
 * to tl_event_dispatch() with the interrupted context in a struct
 * tl_regs.  Interrupts (events 16..31 = core interrupt 0..15) are the
 * doorbell and the safety tick, both from the L2VIC (group 0 -> core
 * interrupt 2, /work/shared/reference/hexagon-system.md 1.3, 1.8); any
 * other event is a fatal firmware error, reported to the apps side
 * through the DSP controller and the mailbox.
 *
 * Interrupt handling: the L2VIC's VID_GRP_0 names the input delivered
 * (counted as spurious when its INT_STATUS bit is clear: nothing active).
 * Doorbell input (the mailbox, level): read and clear the mailbox
 * STATUS (the line drops), record the bits.  Standalone build (an edge
 * input fed by SOFT_INT): record DEMO_DB_JOBS and re-enable the input
 * (the L2VIC disables an edge input when it delivers it).  Tick (QTimer
 * frame 0 on L2VIC input 3, level): push CVAL forward (the line drops).
 * Then INT_CLEAR ends the L2VIC's delivery and `ciad` clears the core's
 * auto-disable bit.  (`ciad` would also re-arm the L2VIC on hardware;
 * hemu's Hexagon CPU has no link to its L2VIC, so the explicit
 * INT_CLEAR is what lets the next interrupt through there.)
 *
 * Sleeping without losing a wake-up: fw_wait_seq (below) loads the wake
 * flag and executes `wait` only if it is 0.  An interrupt taken anywhere
 * between the load and the `wait` resumes past the `wait` (the handler
 * moves ELR to fw_wait_end), so a wake-up set by the handler in that
 * window cannot be slept through.
 *
 * Invariants: only thread 0 takes interrupts (the other threads run
 * with SSR.IE = 0); the doorbell bits and the wake flag are written by
 * the handler and read and cleared by thread 0 with SSR.IE off.
 */
#include "fw.h"

/* L2VIC registers (word w of the one-bit-per-input arrays at +4w). */
#define L2VIC_VID_GRP_0      0x000
#define L2VIC_INT_ENABLE_SET 0x200
#define L2VIC_INT_TYPE       0x280
#define L2VIC_INT_STATUS     0x380
#define L2VIC_INT_CLEAR      0x400
#define L2VIC_TICK_INPUT     3       /* QTimer frame 0 */

/* QTimer frame registers. */
#define QT_CNTPCT_LO 0x00
#define QT_CNTFRQ    0x10
#define QT_CNTP_TVAL 0x28
#define QT_CNTP_CTL  0x2c
#define QT_CTL_EN    1u

#define SYSCFG_GIE   (1u << 4)

#define SEMI_EXIT    0x18

struct fw_irq_state {
    volatile uint32_t doorbells; /* DEMO_DB_* recorded, not yet taken */
    volatile uint32_t wake;      /* 1: an interrupt came since the check */
    unsigned doorbell_input;     /* L2VIC input of the doorbell */
    bool doorbell_edge;          /* standalone: edge input, SOFT_INT */
    uint32_t tick_period;        /* QTimer ticks; 0 = no tick */
    struct fw_irq_stats stats;
};

static struct fw_irq_state fw_irq;

void tl_event_dispatch(struct tl_regs *r);

/* The sleep sequence (see the file comment); r0 = &fw_irq.wake. */
void fw_wait_seq(volatile uint32_t *wake);
extern const char fw_wait_begin[], fw_wait_end[];
__asm__(".text\n"
        "        .p2align 2\n"
        "        .globl fw_wait_seq\n"
        "        .type fw_wait_seq, @function\n"
        "fw_wait_seq:\n"
        "        .globl fw_wait_begin\n"
        "fw_wait_begin:\n"
        "        { r1 = memw(r0 + #0) }\n"
        "        { p0 = cmp.eq(r1, #0) }\n"
        "        { if (!p0) jump fw_wait_end }\n"
        "        { wait(r1) }\n"
        "        .globl fw_wait_end\n"
        "fw_wait_end:\n"
        "        { jumpr r31 }\n"
        "        .size fw_wait_seq, . - fw_wait_seq\n");

uint32_t fw_ticks(void)
{
    return fw_read32(DEMO_DSP_QTIMER_FRAME0 + QT_CNTPCT_LO);
}

/* Inputs 0..31 only (word 0 of each array): the firmware uses 3 and 30. */
static void l2vic_set_bit(uint32_t reg, unsigned input, bool on)
{
    uint32_t a = DEMO_DSP_L2VIC + reg;
    uint32_t bit = 1u << (input & 31);

    fw_write32(a, on ? fw_read32(a) | bit : fw_read32(a) & ~bit);
}

static void l2vic_enable(unsigned input)
{
    fw_write32(DEMO_DSP_L2VIC + L2VIC_INT_ENABLE_SET, 1u << (input & 31));
}

void fw_irq_init(unsigned irq, bool edge, unsigned tick_ms)
{
    fw_irq.doorbell_input = irq;
    fw_irq.doorbell_edge = edge;
    l2vic_set_bit(L2VIC_INT_TYPE, irq, edge);
    l2vic_enable(irq);
    if (tick_ms) {
        uint32_t freq = fw_read32(DEMO_DSP_QTIMER_FRAME0 + QT_CNTFRQ);

        fw_irq.tick_period = (uint32_t)((uint64_t)freq * tick_ms / 1000);
        if (fw_irq.tick_period) {
            l2vic_set_bit(L2VIC_INT_TYPE, L2VIC_TICK_INPUT, false);
            l2vic_enable(L2VIC_TICK_INPUT);
            fw_write32(DEMO_DSP_QTIMER_FRAME0 + QT_CNTP_TVAL,
                       fw_irq.tick_period);
            fw_write32(DEMO_DSP_QTIMER_FRAME0 + QT_CNTP_CTL, QT_CTL_EN);
        }
    }
    tl_write_reg(imask, 0);
    tl_write_reg(syscfg, tl_read_reg(syscfg) | SYSCFG_GIE);
    tl_write_reg(ssr, tl_read_reg(ssr) | TL_SSR_IE);
}

/* Read the mailbox's doorbells for the DSP and clear them. */
static uint32_t fw_take_mailbox(void)
{
#ifdef DEMO_DSP_STANDALONE
    return 0;
#else
    uint32_t st = fw_read32(DEMO_DSP_MAILBOX + MBOX_STATUS);

    if (st) {
        fw_write32(DEMO_DSP_MAILBOX + MBOX_CLEAR, st);
    }
    return st;
#endif
}

static void fw_on_interrupt(struct tl_regs *r, unsigned core_irq)
{
    uint32_t vid = fw_read32(DEMO_DSP_L2VIC + L2VIC_VID_GRP_0) & 0x3ff;
    uint32_t active = fw_read32(DEMO_DSP_L2VIC + L2VIC_INT_STATUS);
    uint32_t elr = r->elr;

    if (vid >= 32 || !(active & (1u << vid))) {
        fw_irq.stats.spurious++;      /* nothing delivered: VID is stale */
    } else if (vid == fw_irq.doorbell_input) {
        if (fw_irq.doorbell_edge) {
            fw_irq.doorbells |= DEMO_DB_JOBS;
            l2vic_enable(vid);
        } else {
            fw_irq.doorbells |= fw_take_mailbox();
        }
        fw_irq.stats.doorbell++;
    } else if (vid == L2VIC_TICK_INPUT && fw_irq.tick_period) {
        fw_write32(DEMO_DSP_QTIMER_FRAME0 + QT_CNTP_TVAL, fw_irq.tick_period);
        fw_irq.stats.tick++;
    } else {
        fw_irq.stats.other++;
    }
    fw_irq.wake = 1;
    if (vid < 32) {
        fw_write32(DEMO_DSP_L2VIC + L2VIC_INT_CLEAR, 1u << vid);
    }
    __asm__ volatile("ciad(%0)" : : "r"(1u << core_irq) : "memory");
    if (elr >= (uint32_t)(uintptr_t)fw_wait_begin &&
        elr < (uint32_t)(uintptr_t)fw_wait_end) {
        r->elr = (uint32_t)(uintptr_t)fw_wait_end;
    }
}

void tl_event_dispatch(struct tl_regs *r)
{
    if (r->event >= TL_EV_INT(0) && r->event < TL_EV_INT(16)) {
        fw_on_interrupt(r, r->event - TL_EV_INT(0));
        return;
    }
    fw_fatal((r->event << 8) | tl_ssr_cause(r->ssr), r->elr, r->badva);
}

uint32_t fw_wait_doorbell(uint32_t (*poll)(void))
{
    for (;;) {
        uint32_t ssr = tl_read_reg(ssr);
        uint32_t db;

        tl_write_reg(ssr, ssr & ~TL_SSR_IE);
        db = fw_irq.doorbells;
        fw_irq.doorbells = 0;
        fw_irq.wake = 0;
        tl_write_reg(ssr, ssr);
        if (db) {
            return db;
        }
        if (poll && (db = poll()) != 0) {
            return db;
        }
        fw_wait_seq(&fw_irq.wake);
    }
}

void fw_irq_stats(struct fw_irq_stats *out)
{
    *out = fw_irq.stats;
}

#ifdef DEMO_DSP_STANDALONE

void fw_fatal(uint32_t code, uint32_t elr, uint32_t badva)
{
    tl_write_reg(ssr, 0);           /* leave the handler: trap0 works */
    fw_printf("DSP firmware fatal: code 0x%x ELR 0x%x BADVA 0x%x\n",
              (unsigned)code, (unsigned)elr, (unsigned)badva);
    tl_exit(1);
}

void tl_exit(int code)
{
    register uint32_t r2 __asm__("r2") = (uint32_t)code;

    for (;;) {
        __asm__ volatile("r0 = #%1\n\t"
                         "r1 = #0\n\t"
                         "trap0(#0)\n\t"
                         "stop(r0)"
                         : : "r"(r2), "i"(SEMI_EXIT) : "r0", "r1", "memory");
    }
}

#else /* !DEMO_DSP_STANDALONE */

/*
 * Park this hardware thread for good: `wait` with SSR.IE = 0 never wakes.
 * Not `stop`: hemu ends the whole run (ARM side included) once every
 * DSP thread has stopped, and the apps side must be able to report.
 */
static void __attribute__((noreturn)) fw_park(void)
{
    for (;;) {
        __asm__ volatile("wait(r0)" ::: "memory");
    }
}

void fw_fatal(uint32_t code, uint32_t elr, uint32_t badva)
{
    tl_write_reg(ssr, 0);           /* no more interrupts on this thread */
    fw_printf("DSP firmware fatal on thread %u: code 0x%x ELR 0x%x "
              "BADVA 0x%x\n", tl_htid(), (unsigned)code, (unsigned)elr,
              (unsigned)badva);
    fw_write32(DEMO_DSP_MAILBOX + MBOX_OUT(1), elr);
    fw_write32(DEMO_DSP_MAILBOX + MBOX_OUT(2), badva);
    fw_write32(DEMO_DSP_DSPCTRL + DSPCTRL_DSP_FW_CODE, code);
    fw_barrier();
    fw_write32(DEMO_DSP_DSPCTRL + DSPCTRL_DSP_FW_STATE, DEMO_FW_FATAL);
    fw_write32(DEMO_DSP_MAILBOX + MBOX_RAISE, DEMO_DB_FATAL);
    fw_park();
}

/* crt0.S calls this when main() returns, which the firmware never does. */
void tl_exit(int code)
{
    uint32_t low = (uint32_t)code & 0xff;

    fw_fatal(DEMO_FWERR_EXIT | low, 0, 0);
}

#endif /* DEMO_DSP_STANDALONE */
