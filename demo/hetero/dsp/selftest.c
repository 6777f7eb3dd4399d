/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * selftest.c: the DSP firmware's job engine without the ARM side, on
 * -M V66G_1024 (hetero-dsp-selftest.elf, built with
 * -DDEMO_DSP_STANDALONE; console and exit through semihosting).
 *
 * Thread 0 plays the apps side: it fills a ring in DDR at the carveout's
 * DSP address (0x80000000, plain DDR on V66G_1024), "rings" the doorbell
 * with an L2VIC soft interrupt on input 30 (edge), sleeps until the
 * interrupt handler saw it, drains the ring with the same code as the
 * firmware (jobs.c, on every hardware thread), and checks each result:
 * - Adler-32 of "Wikipedia" = 0x11e60398 and of "a" = 0x00620062
 *   (published values);
 * - Adler-32 of 4096 LCG bytes against a plain one-pass Adler-32
 *   (RFC 1950 8.2, mod each step), not the slice combination under test;
 * - FIR x = {1, 2, 3, 4, 5}, h = {1, 1}: y = {1, 3, 5, 7, 9}, sum 25
 *   (by hand);
 * - FIR of 1024 LCG samples, 16 taps, against a one-thread loop, every
 *   output sample;
 * - an unknown kind gives status BAD;
 * - both doorbells were taken as interrupts; every large job used every
 *   thread.
 * Prints PASS or FAIL (n failures) last and exits 0 or 1.
 */
#include "fw.h"

#define ST_SOFT_INT 0x480   /* L2VIC SOFT_INTn */
#define ST_FIR_LEN 1024u
#define ST_TAPS 16u
#define ST_ADLER_LEN 4096u

static unsigned st_failures;
static uint32_t st_lcg_state = 12345;

static volatile struct demo_ring *const st_ring =
    (volatile struct demo_ring *)(uintptr_t)(DEMO_DSP_SHARED_BASE +
                                             DEMO_RING_OFF);
static volatile struct demo_job *const st_jobs =
    (volatile struct demo_job *)(uintptr_t)(DEMO_DSP_SHARED_BASE +
                                            DEMO_JOBS_OFF);

static uint32_t st_lcg(void)
{
    uint32_t m = st_lcg_state * 1664525u;

    st_lcg_state = m + 1013904223u;
    return st_lcg_state;
}

static void st_check(uint32_t got, uint32_t want, const char *what)
{
    if (got != want) {
        st_failures++;
        fw_printf("FAIL %s: got 0x%x expected 0x%x\n", what, (unsigned)got,
                  (unsigned)want);
    }
}

static uint32_t st_buf(unsigned job, uint32_t off)
{
    return DEMO_DSP_SHARED_BASE + DEMO_DATA_OFF + job * 0x4000u + off;
}

/* Plain one-pass Adler-32, the reference of the checks. */
static uint32_t st_adler_ref(const uint8_t *p, uint32_t len)
{
    uint32_t a = 1, b = 0;

    for (uint32_t i = 0; i < len; i++) {
        a = (a + p[i]) % DEMO_ADLER_MOD;
        b = (b + a) % DEMO_ADLER_MOD;
    }
    return b << 16 | a;
}

static void st_submit(uint32_t kind, uint32_t src, uint32_t len,
                      uint32_t dst, uint32_t ntaps, uint32_t taps)
{
    uint32_t id = st_ring->head;
    volatile struct demo_job *j = &st_jobs[id % DEMO_RING_SIZE];

    j->id = id;
    j->kind = kind;
    j->src = src;
    j->len = len;
    j->dst = dst;
    j->ntaps = ntaps;
    j->taps = taps;
    j->status = DEMO_STATUS_NONE;
    fw_barrier();
    st_ring->head = id + 1;
}

static void st_submit_adler(unsigned job, const char *text, uint32_t len)
{
    uint8_t *p = (uint8_t *)(uintptr_t)st_buf(job, 0);

    for (uint32_t i = 0; i < len; i++) {
        p[i] = text ? (uint8_t)text[i] : (uint8_t)(st_lcg() >> 24);
    }
    st_submit(DEMO_KIND_ADLER32, st_buf(job, 0), len, 0, 0, 0);
}

static void st_submit_fir(unsigned job, const int16_t *x, uint32_t len,
                          const int16_t *h, uint32_t ntaps)
{
    int16_t *xs = (int16_t *)(uintptr_t)st_buf(job, 0);
    int16_t *hs = (int16_t *)(uintptr_t)st_buf(job, 0x800);

    for (uint32_t i = 0; i < len; i++) {
        xs[i] = x ? x[i] : (int16_t)(st_lcg() >> 16);
    }
    for (uint32_t k = 0; k < ntaps; k++) {
        uint32_t r = st_lcg() >> 21;

        hs[k] = h ? h[k] : (int16_t)((int32_t)(r & 0x7ff) - 1024);
    }
    st_submit(DEMO_KIND_FIR, st_buf(job, 0), len, st_buf(job, 0x1000),
              ntaps, st_buf(job, 0x800));
}

/* Ring the doorbell, sleep until it is seen, drain the ring. */
static void st_round(unsigned nthreads)
{
    fw_write32(DEMO_DSP_L2VIC + ST_SOFT_INT, 1u << DEMO_DSP_MAILBOX_L2VIC);
    if (fw_wait_doorbell(NULL) & DEMO_DB_JOBS) {
        fw_drain_ring(st_ring, st_jobs, nthreads);
    }
}

static void st_check_fir_big(unsigned id)
{
    const int16_t *x = (const int16_t *)(uintptr_t)st_jobs[id].src;
    const int16_t *h = (const int16_t *)(uintptr_t)st_jobs[id].taps;
    const uint32_t *y = (const uint32_t *)(uintptr_t)st_jobs[id].dst;
    uint32_t sum = 0, bad = 0;

    for (uint32_t n = 0; n < ST_FIR_LEN; n++) {
        uint32_t want = 0;

        for (uint32_t k = 0; k < ST_TAPS && k <= n; k++) {
            want += (uint32_t)(h[k] * x[n - k]);
        }
        bad += y[n] != want;
        sum += want;
    }
    st_check(bad, 0, "FIR 1024x16: output samples differing");
    st_check(st_jobs[id].result, sum, "FIR 1024x16: sum");
}

int main(void)
{
    static const int16_t fx[5] = { 1, 2, 3, 4, 5 }, fh[2] = { 1, 1 };
    unsigned nthreads = fw_thread_count();
    uint32_t all = (1u << nthreads) - 1;
    struct fw_irq_stats st;
    const uint32_t *y;

    fw_console_init();
    fw_printf("hexagon DSP firmware self-test, %u threads\n", nthreads);
    st_ring->magic = DEMO_RING_MAGIC;
    st_ring->size = DEMO_RING_SIZE;
    st_ring->head = st_ring->tail = st_ring->done = 0;
    fw_irq_init(DEMO_DSP_MAILBOX_L2VIC, true, 0);

    st_submit_adler(0, "Wikipedia", 9);
    st_submit_adler(1, NULL, ST_ADLER_LEN);
    st_submit_fir(2, fx, 5, fh, 2);
    st_round(nthreads);
    st_submit_fir(3, NULL, ST_FIR_LEN, NULL, ST_TAPS);
    st_submit(77, 0, 0, 0, 0, 0);
    st_submit_adler(5, "a", 1);
    st_round(nthreads);

    st_check(st_ring->done, 6, "jobs done");
    st_check(st_ring->tail, 6, "ring tail");
    st_check(st_jobs[0].result, 0x11e60398, "Adler-32 \"Wikipedia\"");
    st_check(st_jobs[1].result,
             st_adler_ref((const uint8_t *)(uintptr_t)st_jobs[1].src,
                          ST_ADLER_LEN), "Adler-32 4096 bytes");
    st_check(st_jobs[1].threads, all, "Adler-32 4096 bytes: threads");
    y = (const uint32_t *)(uintptr_t)st_jobs[2].dst;
    st_check(y[0] == 1 && y[1] == 3 && y[2] == 5 && y[3] == 7 && y[4] == 9,
             1, "FIR {1,2,3,4,5}*{1,1} samples");
    st_check(st_jobs[2].result, 25, "FIR {1,2,3,4,5}*{1,1} sum");
    st_check_fir_big(3);
    st_check(st_jobs[3].threads, all, "FIR 1024x16: threads");
    st_check(st_jobs[4].status, DEMO_STATUS_BAD, "unknown kind: status");
    st_check(st_jobs[5].result, 0x00620062, "Adler-32 \"a\"");
    for (unsigned i = 0; i < 6; i++) {
        if (i != 4) {
            st_check(st_jobs[i].status, DEMO_STATUS_OK, "status OK");
        }
    }
    fw_irq_stats(&st);
    st_check(st.doorbell, 2, "doorbell interrupts taken");
    fw_printf("interrupts: %u doorbell, %u spurious\n",
              (unsigned)st.doorbell, (unsigned)st.spurious);
    fw_printf("threads: adler 0x%x fir 0x%x; cycles: adler %u fir %u\n",
              (unsigned)st_jobs[1].threads, (unsigned)st_jobs[3].threads,
              (unsigned)st_jobs[1].cycles, (unsigned)st_jobs[3].cycles);
    if (st_failures) {
        fw_printf("FAIL (%u failures)\n", st_failures);
        return 1;
    }
    fw_printf("PASS\n");
    return 0;
}
