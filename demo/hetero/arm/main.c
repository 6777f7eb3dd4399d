/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * main.c: the apps (AArch64) side of the hetero-virt demo.
 *
 * It finds the shared carveout through the DSP subsystem controller,
 * sets up the job ring (../proto.h), fills input buffers with LCG data
 * and computes every expected result itself, releases the DSP
 * (CTRL.RUN = 1), waits for FW_READY, then submits DEMO_NJOBS jobs
 * (FIR and Adler-32 alternating) in batches of DEMO_BATCH, at most
 * DEMO_INFLIGHT outstanding, ringing mailbox doorbell 0 after each
 * batch.  Completions come back as doorbell 0 from the DSP; every result
 * (and every FIR output sample) is compared with the ARM's own, and a
 * summary with the round-trip counts ends the run: "DEMO PASSED" and
 * exit 0, or "DEMO FAILED: <reason>" and exit 1.  A firmware fatal error
 * (FW_STATE 2 / doorbell 1) prints "DSP firmware fatal: code 0x..." and
 * fails.  Built with -DDEMO_CRASH, job DEMO_CRASH_AT is of kind
 * DEMO_KIND_CRASH, so the run must end that way.
 *
 * Waiting: doorbells and controller events arrive as GIC interrupts
 * (INTIDs 80, 81); the program sleeps in WFI with IRQs masked and takes
 * them between WFIs.  The EL1 virtual timer wakes it every
 * DEMO_POLL_MS, when it also polls the mailbox STATUS and the
 * controller STATUS (so a lost interrupt costs time, not the run), and
 * every wait gives up after DEMO_TIMEOUT_S of virtual time (CNTVCT_EL0).
 * Without a GICv3 (or not at EL1) it only polls.
 */
#include "arm.h"

#define DEMO_NJOBS      24u
#define DEMO_BATCH      4u
#define DEMO_INFLIGHT   8u
#define DEMO_FIR_LEN    1024u
#define DEMO_FIR_TAPS   16u
#define DEMO_ADLER_LEN  4096u
#define DEMO_JOB_STRIDE 0x2000u  /* carveout bytes per job's buffers */
#define DEMO_POLL_MS    10u
#define DEMO_TIMEOUT_S  5u
#define DEMO_CRASH_AT   6u
#define DEMO_POISON     0xdeadbeefu

struct demo_events {
    uint32_t doorbells;   /* mailbox STATUS bits seen (DEMO_DB_*) */
    uint32_t ctrl;        /* controller INT_STATUS bits seen */
};

struct demo_state {
    uint64_t shared;                  /* ARM PA of the carveout */
    uint32_t dsp_shared;              /* its DSP address */
    volatile struct demo_ring *ring;
    volatile struct demo_job *jobs;
    bool use_irq;
    volatile uint32_t irq_doorbells;  /* recorded by demo_irq */
    volatile uint32_t irq_ctrl;
    uint32_t irqs_mailbox, irqs_ctrl, irqs_timer;
    uint32_t polled;                  /* events found by polling */
    uint32_t db_sent, db_received;
    uint32_t exp_result[DEMO_NJOBS];
    uint32_t exp_fir[DEMO_NJOBS / 2][DEMO_FIR_LEN];
    uint32_t lcg;
};

static struct demo_state ds;

/* ---- helpers ------------------------------------------------------------ */

static uint32_t demo_lcg(void)
{
    ds.lcg = ds.lcg * 1664525u + 1013904223u;
    return ds.lcg;
}

static uint32_t mbox(unsigned reg)
{
    return demo_read32(DEMO_ARM_MAILBOX + reg);
}

static uint32_t ctrl(unsigned reg)
{
    return demo_read32(DEMO_ARM_DSPCTRL + reg);
}

static uint64_t buf_arm(uint32_t job, uint32_t off)
{
    return ds.shared + DEMO_DATA_OFF + job * DEMO_JOB_STRIDE + off;
}

static uint32_t buf_dsp(uint32_t job, uint32_t off)
{
    return ds.dsp_shared + DEMO_DATA_OFF + job * DEMO_JOB_STRIDE + off;
}

static bool job_is_fir(uint32_t id)
{
    return id % 2 == 0;
}

static void __attribute__((noreturn)) demo_fail(const char *why)
{
    demo_printf("DEMO FAILED: %s\n", why);
    demo_exit(1);
}

/* Standard one-pass Adler-32 (RFC 1950, 8.2), the reference. */
static uint32_t adler32_ref(const volatile uint8_t *p, uint32_t len)
{
    uint32_t a = 1, b = 0;

    for (uint32_t i = 0; i < len; i++) {
        a = (a + p[i]) % DEMO_ADLER_MOD;
        b = (b + a) % DEMO_ADLER_MOD;
    }
    return b << 16 | a;
}

/* ---- interrupts and waiting ---------------------------------------------- */

void demo_irq(void)
{
    unsigned intid = demo_gic_ack();
    uint32_t st;

    switch (intid) {
    case DEMO_ARM_MAILBOX_INTID:
        st = mbox(MBOX_STATUS);
        demo_write32(DEMO_ARM_MAILBOX + MBOX_CLEAR, st);
        ds.irq_doorbells |= st;
        ds.irqs_mailbox++;
        break;
    case DEMO_ARM_DSPCTRL_INTID:
        st = ctrl(DSPCTRL_INT_STATUS);
        demo_write32(DEMO_ARM_DSPCTRL + DSPCTRL_INT_STATUS, st);
        ds.irq_ctrl |= st;
        ds.irqs_ctrl++;
        break;
    case DEMO_INTID_VTIMER:
        demo_write_sysreg(cntv_ctl_el0, 0);   /* the level drops */
        demo_isb();
        ds.irqs_timer++;
        break;
    case DEMO_INTID_SPURIOUS:
        return;
    default:
        break;
    }
    demo_gic_eoi(intid);
}

/* Collect what the IRQ handler recorded and what polling finds. */
static struct demo_events take_events(void)
{
    struct demo_events ev;
    uint32_t st;

    __asm__ volatile("msr daifset, #2" ::: "memory");
    ev.doorbells = ds.irq_doorbells;
    ev.ctrl = ds.irq_ctrl;
    ds.irq_doorbells = 0;
    ds.irq_ctrl = 0;
    if (ds.use_irq) {
        __asm__ volatile("msr daifclr, #2" ::: "memory");
    }
    st = mbox(MBOX_STATUS);
    if (st) {
        demo_write32(DEMO_ARM_MAILBOX + MBOX_CLEAR, st);
        ev.doorbells |= st;
        ds.polled++;
    }
    st = ctrl(DSPCTRL_INT_STATUS);
    if (st) {
        demo_write32(DEMO_ARM_DSPCTRL + DSPCTRL_INT_STATUS, st);
        ev.ctrl |= st;
        ds.polled++;
    }
    ev.ctrl |= ctrl(DSPCTRL_STATUS) & DSPCTRL_ST_FW_FATAL;
    return ev;
}

/* Sleep until an interrupt or DEMO_POLL_MS of virtual time passed. */
static void nap(uint64_t freq)
{
    if (!ds.use_irq) {
        for (volatile unsigned i = 0; i < 10000; i++) {
        }
        return;
    }
    __asm__ volatile("msr daifset, #2" ::: "memory");
    demo_write_sysreg(cntv_tval_el0, freq * DEMO_POLL_MS / 1000);
    demo_write_sysreg(cntv_ctl_el0, 1);       /* ENABLE, not IMASK */
    demo_isb();
    if (!ds.irq_doorbells && !ds.irq_ctrl) {
        __asm__ volatile("wfi" ::: "memory");
    }
    __asm__ volatile("msr daifclr, #2\n\tisb" ::: "memory");
}

/*
 * Wait until doorbell bits in @want arrive or the firmware reports
 * fatal (controller event or doorbell); fail after DEMO_TIMEOUT_S.
 */
static struct demo_events wait_events(uint32_t want_db, uint32_t want_ctrl,
                                      const char *what)
{
    uint64_t freq = demo_read_sysreg(cntfrq_el0);
    uint64_t deadline = demo_read_sysreg(cntvct_el0) + freq * DEMO_TIMEOUT_S;

    for (;;) {
        struct demo_events ev = take_events();

        if ((ev.doorbells & (want_db | DEMO_DB_FATAL)) ||
            (ev.ctrl & (want_ctrl | DSPCTRL_ST_FW_FATAL))) {
            return ev;
        }
        if (demo_read_sysreg(cntvct_el0) >= deadline) {
            demo_printf("no answer from the DSP within %u s while %s "
                        "(controller STATUS 0x%x, mailbox RAISED 0x%x)\n",
                        DEMO_TIMEOUT_S, what, ctrl(DSPCTRL_STATUS),
                        mbox(MBOX_RAISED));
            if (want_ctrl & DSPCTRL_ST_FW_READY) {
                demo_printf("(is the DSP firmware loaded? -M hetero-virt,"
                            "dsp-kernel=hetero-dsp.elf or -device loader,"
                            "file=hetero-dsp.elf,cluster=dsp)\n");
            }
            demo_fail("timeout waiting for the DSP");
        }
        nap(freq);
    }
}

static void check_fatal(struct demo_events ev)
{
    if (!(ev.doorbells & DEMO_DB_FATAL) && !(ev.ctrl & DSPCTRL_ST_FW_FATAL) &&
        !(ctrl(DSPCTRL_STATUS) & DSPCTRL_ST_FW_FATAL)) {
        return;
    }
    demo_printf("DSP firmware fatal: code 0x%x (ELR 0x%x BADVA 0x%x, "
                "controller STATUS 0x%x)\n", ctrl(DSPCTRL_FW_CODE),
                mbox(MBOX_IN(1)), mbox(MBOX_IN(2)), ctrl(DSPCTRL_STATUS));
    demo_fail("DSP firmware fatal error");
}

/* ---- setup ---------------------------------------------------------------- */

static void find_carveout(void)
{
    uint32_t size = ctrl(DSPCTRL_SHARED_SIZE);
    uint32_t need = DEMO_DATA_OFF + DEMO_NJOBS * DEMO_JOB_STRIDE;

    if (mbox(MBOX_ID) != MBOX_ID_VALUE || ctrl(DSPCTRL_ID) != DSPCTRL_ID_VALUE) {
        demo_printf("mailbox ID 0x%x, DSP controller ID 0x%x (want 0x%x, "
                    "0x%x)\n", mbox(MBOX_ID), ctrl(DSPCTRL_ID), MBOX_ID_VALUE,
                    DSPCTRL_ID_VALUE);
        demo_fail("no hetero-virt devices (run with -M hetero-virt)");
    }
    ds.shared = (uint64_t)ctrl(DSPCTRL_SHARED_BASE_HI) << 32 |
                ctrl(DSPCTRL_SHARED_BASE_LO);
    ds.dsp_shared = ctrl(DSPCTRL_DSP_SHARED_BASE);
    demo_printf("DSP controller v0x%x, boot address 0x%x, status 0x%x; "
                "carveout: ARM 0x%llx, DSP 0x%x, %u KiB\n",
                ctrl(DSPCTRL_VERSION), ctrl(DSPCTRL_BOOT_ADDR),
                ctrl(DSPCTRL_STATUS), (unsigned long long)ds.shared,
                ds.dsp_shared, size / 1024);
    if (size < need || ds.dsp_shared != DEMO_DSP_SHARED_BASE) {
        demo_printf("need %u bytes of carveout at DSP 0x%x\n", need,
                    DEMO_DSP_SHARED_BASE);
        demo_fail("carveout too small or not where the firmware expects it");
    }
    ds.ring = (volatile struct demo_ring *)(ds.shared + DEMO_RING_OFF);
    ds.jobs = (volatile struct demo_job *)(ds.shared + DEMO_JOBS_OFF);
}

static void init_ring(void)
{
    volatile uint32_t *p = (volatile uint32_t *)ds.jobs;

    for (unsigned i = 0; i < DEMO_RING_SIZE * sizeof(struct demo_job) / 4;
         i++) {
        p[i] = 0;
    }
    ds.ring->size = DEMO_RING_SIZE;
    ds.ring->head = 0;
    ds.ring->tail = 0;
    ds.ring->done = 0;
    demo_dmb();
    ds.ring->magic = DEMO_RING_MAGIC;
    demo_dsb();
}

/* Inputs of job @id in the carveout, and its expected results. */
static void make_job_data(uint32_t id)
{
    if (job_is_fir(id)) {
        volatile int16_t *x = (volatile int16_t *)buf_arm(id, 0);
        volatile int16_t *h = (volatile int16_t *)buf_arm(id, 0x800);
        volatile uint32_t *y = (volatile uint32_t *)buf_arm(id, 0x1000);
        int16_t xs[DEMO_FIR_LEN], hs[DEMO_FIR_TAPS];
        uint32_t sum = 0;

        for (uint32_t i = 0; i < DEMO_FIR_LEN; i++) {
            x[i] = xs[i] = (int16_t)(demo_lcg() >> 16);
            y[i] = DEMO_POISON;
        }
        for (uint32_t k = 0; k < DEMO_FIR_TAPS; k++) {
            h[k] = hs[k] = (int16_t)((int32_t)((demo_lcg() >> 21) & 0x7ff) -
                                     1024);
        }
        for (uint32_t n = 0; n < DEMO_FIR_LEN; n++) {
            uint32_t v = demo_fir_at(xs, hs, DEMO_FIR_TAPS, n);

            ds.exp_fir[id / 2][n] = v;
            sum += v;
        }
        ds.exp_result[id] = sum;
    } else {
        volatile uint8_t *p = (volatile uint8_t *)buf_arm(id, 0);

        for (uint32_t i = 0; i < DEMO_ADLER_LEN; i++) {
            p[i] = (uint8_t)(demo_lcg() >> 24);
        }
        ds.exp_result[id] = adler32_ref(p, DEMO_ADLER_LEN);
    }
}

static void boot_dsp(void)
{
    struct demo_events ev;

    demo_write32(DEMO_ARM_MAILBOX + MBOX_ENABLE, DEMO_DB_DONE | DEMO_DB_FATAL);
    demo_write32(DEMO_ARM_DSPCTRL + DSPCTRL_INT_ENABLE,
                 DSPCTRL_ST_FW_READY | DSPCTRL_ST_FW_FATAL);
    demo_dsb();
    demo_write32(DEMO_ARM_DSPCTRL + DSPCTRL_CTRL, DSPCTRL_CTRL_RUN);
    demo_printf("DSP released (CTRL.RUN = 1), waiting for FW_READY\n");
    do {
        ev = wait_events(0, DSPCTRL_ST_FW_READY, "waiting for FW_READY");
        check_fatal(ev);
    } while (!(ctrl(DSPCTRL_STATUS) & DSPCTRL_ST_FW_READY));
    demo_printf("DSP firmware ready (boot count %u)\n",
                ctrl(DSPCTRL_BOOT_COUNT));
}

/* ---- jobs ----------------------------------------------------------------- */

struct demo_tally {
    uint32_t verified, fir, adler;
    uint32_t fir_threads, adler_threads;   /* HTID masks */
};

static uint32_t job_kind(uint32_t id)
{
#ifdef DEMO_CRASH
    if (id == DEMO_CRASH_AT) {
        return DEMO_KIND_CRASH;
    }
#endif
    return job_is_fir(id) ? DEMO_KIND_FIR : DEMO_KIND_ADLER32;
}

static void fill_descriptor(uint32_t id)
{
    volatile struct demo_job *j = &ds.jobs[id % DEMO_RING_SIZE];
    bool fir = job_is_fir(id);

    j->id = id;
    j->kind = job_kind(id);
    j->src = buf_dsp(id, 0);
    j->len = fir ? DEMO_FIR_LEN : DEMO_ADLER_LEN;
    j->dst = fir ? buf_dsp(id, 0x1000) : 0;
    j->ntaps = fir ? DEMO_FIR_TAPS : 0;
    j->taps = fir ? buf_dsp(id, 0x800) : 0;
    j->status = DEMO_STATUS_NONE;
    j->result = 0;
    j->cycles = 0;
    j->threads = 0;
}

/* Submit jobs [head, head + n) and ring doorbell 0. */
static void submit_batch(uint32_t head, uint32_t n)
{
    for (uint32_t id = head; id < head + n; id++) {
        fill_descriptor(id);
    }
    demo_dmb();                        /* descriptors before head */
    ds.ring->head = head + n;
    demo_write32(DEMO_ARM_MAILBOX + MBOX_OUT(0), head + n - 1);
    demo_dsb();                        /* head before the doorbell */
    demo_write32(DEMO_ARM_MAILBOX + MBOX_RAISE, DEMO_DB_JOBS);
    ds.db_sent++;
}

static void print_threads(uint32_t mask)
{
    const char *sep = "";

    for (unsigned t = 0; t < 32; t++) {
        if (mask & (1u << t)) {
            demo_printf("%s%u", sep, t);
            sep = ",";
        }
    }
}

/* Check job @id's descriptor and output; false (reported) if wrong. */
static bool verify_job(uint32_t id, struct demo_tally *t)
{
    volatile struct demo_job *j = &ds.jobs[id % DEMO_RING_SIZE];
    bool fir = job_is_fir(id);
    uint32_t bad = 0, first_bad = 0;

    if (fir) {
        volatile uint32_t *y = (volatile uint32_t *)buf_arm(id, 0x1000);

        for (uint32_t n = 0; n < DEMO_FIR_LEN; n++) {
            if (y[n] != ds.exp_fir[id / 2][n] && !bad++) {
                first_bad = n;
            }
        }
    }
    demo_printf("job %2u %s %s 0x%08x threads ", id, fir ? "fir    " : "adler32",
                j->result == ds.exp_result[id] && !bad &&
                j->status == DEMO_STATUS_OK ? "ok  " : "BAD ", j->result);
    print_threads(j->threads);
    demo_printf(" (%u QTimer ticks)\n", (unsigned)j->cycles);
    if (j->id != id || j->status != DEMO_STATUS_OK ||
        j->result != ds.exp_result[id] || bad) {
        demo_printf("  job %u: id %u status %u result 0x%x expected 0x%x; "
                    "%u FIR samples differ (first at %u)\n", id, j->id,
                    j->status, j->result, ds.exp_result[id], bad, first_bad);
        return false;
    }
    t->verified++;
    if (fir) {
        t->fir++;
        t->fir_threads |= j->threads;
    } else {
        t->adler++;
        t->adler_threads |= j->threads;
    }
    return true;
}

static unsigned popcount32(uint32_t v)
{
    unsigned n = 0;

    for (; v; v &= v - 1) {
        n++;
    }
    return n;
}

static void summary(const struct demo_tally *t, uint32_t failed)
{
    demo_printf("FIR jobs ran on DSP threads ");
    print_threads(t->fir_threads);
    demo_printf(", Adler-32 jobs on threads ");
    print_threads(t->adler_threads);
    demo_printf("\n");
    demo_printf("interrupts taken: %u mailbox, %u DSP controller, %u timer; "
                "%u events found by polling\n", ds.irqs_mailbox,
                ds.irqs_ctrl, ds.irqs_timer, ds.polled);
    demo_printf("hetero demo: %u/%u jobs verified (%u fir, %u adler32), "
                "%u doorbells to DSP, %u from DSP (mailbox COUNT; seen in "
                "%u wake-ups), DSP threads used: %u\n", t->verified,
                DEMO_NJOBS, t->fir, t->adler, ds.db_sent, mbox(MBOX_COUNT),
                ds.db_received, popcount32(t->fir_threads | t->adler_threads));
    if (failed) {
        demo_fail("some jobs gave wrong results");
    }
    if (t->verified != DEMO_NJOBS) {
        demo_fail("not every job was verified");
    }
    demo_printf("DEMO PASSED\n");
}

static void run_jobs(void)
{
    struct demo_tally t = { 0 };
    uint32_t head = 0, checked = 0, failed = 0;

    while (checked < DEMO_NJOBS) {
        struct demo_events ev;
        uint32_t done;

        while (head < DEMO_NJOBS && head - checked + DEMO_BATCH <= DEMO_INFLIGHT) {
            uint32_t n = DEMO_NJOBS - head < DEMO_BATCH ? DEMO_NJOBS - head
                                                        : DEMO_BATCH;

            submit_batch(head, n);
            head += n;
        }
        ev = wait_events(DEMO_DB_DONE, 0, "waiting for job completions");
        check_fatal(ev);
        if (ev.doorbells & DEMO_DB_DONE) {
            ds.db_received++;
        }
        done = ds.ring->done;
        demo_dmb();                    /* done before the descriptors */
        if (done - checked > head - checked) {
            demo_printf("ring done %u beyond head %u\n", done, head);
            demo_fail("corrupt ring");
        }
        for (; checked < done; checked++) {
            failed += !verify_job(checked, &t);
        }
    }
    summary(&t, failed);
}

int main(void)
{
    static const unsigned intids[] = {
        DEMO_ARM_MAILBOX_INTID, DEMO_ARM_DSPCTRL_INTID, DEMO_INTID_VTIMER,
    };
    uint64_t el = (demo_read_sysreg(CurrentEL) >> 2) & 3;

    demo_uart_init();
    demo_printf("hetero demo: AArch64 apps side at EL%u, Hexagon DSP as "
                "accelerator%s\n", (unsigned)el,
#ifdef DEMO_CRASH
                " (crash variant: job 6 makes the DSP fault)"
#else
                ""
#endif
                );
    if (adler32_ref((const uint8_t *)"Wikipedia", 9) != 0x11e60398) {
        demo_fail("the ARM's own Adler-32 is wrong");
    }
    find_carveout();
    init_ring();
    ds.lcg = 0x2545f491;
    for (uint32_t id = 0; id < DEMO_NJOBS; id++) {
        make_job_data(id);
    }
    ds.use_irq = el == 1 && demo_gic_init(intids, 3);
    demo_printf("%u jobs prepared; completions by %s\n", DEMO_NJOBS,
                ds.use_irq ? "GICv3 interrupt (SPI 48) with WFI"
                           : "polling (no GICv3 at EL1)");
    boot_dsp();
    run_jobs();
    return 0;
}
