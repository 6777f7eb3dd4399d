/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * jobs.c: how the demo DSP firmware runs a job on its hardware threads.
 *
 * Thread 0 reads the descriptor once into fw_ctx, cuts the work into one
 * contiguous slice per thread (FIR: output samples; Adler-32: input
 * bytes, each slice giving its partial sums, proto.h), starts threads
 * 1..n-1 with `start` (crt0.S runs fw_slice_entry(t) on each, then
 * `stop`s it), computes slice 0 itself, then joins: it waits until every
 * slice's `done` flag is set (each slice stores its results, `barrier`,
 * then sets its flag) and until MODECTL.E shows the other threads
 * stopped (so `start` finds them stopped for the next job).  It then
 * combines the slices and fills the descriptor.
 *
 * The join uses one done flag per slice (each written by one thread
 * only), so it needs no atomic read-modify-write.
 *
 * Invariants: only thread 0 writes the context outside the per-slice
 * fields; slice t writes only its own entries and the output samples of
 * its range; the buffers a job names lie inside the carveout (checked).
 */
#include "fw.h"

#define FW_STACK_BYTES   16384     /* each secondary thread's stacks */
#define FW_EXC_STACK     2048      /* of which the event handler stack */
#define FW_JOIN_SPINS    50000000u /* bound of the join's wait loops */
#define FW_MAX_LEN       0x00100000u

/* Read by crt0.S (tl_secondary_start); layout fixed: 4 words each. */
struct fw_thread_boot_rec {
    uint32_t fn;
    uint32_t arg;
    uint32_t stack_top;
    uint32_t exc_stack_top;
};
extern struct fw_thread_boot_rec tl_thread_boot[FW_MAX_THREADS];
struct fw_thread_boot_rec tl_thread_boot[FW_MAX_THREADS];

static uint8_t fw_stacks[FW_MAX_THREADS][FW_STACK_BYTES]
    __attribute__((aligned(8)));

/* The job being run (input fields copied from the descriptor). */
struct fw_job_ctx {
    uint32_t kind;
    uint32_t src;
    uint32_t len;
    uint32_t dst;
    uint32_t ntaps;
    uint32_t taps;
    unsigned nslices;                  /* threads taking part, >= 1 */
    uint32_t off[FW_MAX_THREADS + 1];  /* slice t: [off[t], off[t + 1]) */
    volatile uint32_t done[FW_MAX_THREADS]; /* 1: slice t finished */
    uint32_t htid[FW_MAX_THREADS];     /* the thread that ran slice t */
    uint32_t fir_sum[FW_MAX_THREADS];  /* wrapping sum of slice t's y[] */
    struct demo_adler_part adler[FW_MAX_THREADS];
};

static struct fw_job_ctx fw_ctx;

static struct fw_job_ctx *fw_job_ctx(void)
{
    return &fw_ctx;
}

unsigned fw_thread_count(void)
{
    uint32_t mask = fw_read32(DEMO_DSP_CFGTABLE + DEMO_DSP_CFG_THREAD_MASK);
    unsigned n = 0;

    /* threads are numbered from 0 without holes */
    while (n < FW_MAX_THREADS && (mask & (1u << n))) {
        n++;
    }
    return n ? n : 1;
}

bool tl_thread_start(unsigned tid, void (*fn)(uint32_t arg), uint32_t arg,
                     void *stack_top)
{
    uint32_t top = (uint32_t)(uintptr_t)stack_top;

    if (tid == 0 || tid >= FW_MAX_THREADS) {
        return false;
    }
    tl_thread_boot[tid].fn = (uint32_t)(uintptr_t)fn;
    tl_thread_boot[tid].arg = arg;
    tl_thread_boot[tid].stack_top = top - FW_EXC_STACK;
    tl_thread_boot[tid].exc_stack_top = top;
    __asm__ volatile("barrier\n\t"
                     "start(%0)" : : "r"(1u << tid) : "memory");
    return true;
}

static void fw_slice(uint32_t t)
{
    struct fw_job_ctx *c = fw_job_ctx();
    uint32_t off = c->off[t], end = c->off[t + 1];

    if (c->kind == DEMO_KIND_FIR) {
        const int16_t *x = (const int16_t *)(uintptr_t)c->src;
        const int16_t *h = (const int16_t *)(uintptr_t)c->taps;
        uint32_t *y = (uint32_t *)(uintptr_t)c->dst;
        uint32_t sum = 0;

        for (uint32_t n = off; n < end; n++) {
            uint32_t v = demo_fir_at(x, h, c->ntaps, n);

            y[n] = v;
            sum += v;
        }
        c->fir_sum[t] = sum;
    } else {
        c->adler[t] = demo_adler_slice(
            (const uint8_t *)(uintptr_t)c->src + off, end - off);
    }
    c->htid[t] = tl_htid();
    fw_barrier();
    c->done[t] = 1;
    fw_barrier();
}

static void fw_slice_entry(uint32_t t)
{
    fw_slice(t);
}

/* Wait for the other slices and for their threads to stop. */
static void fw_join(struct fw_job_ctx *c)
{
    uint32_t others = ((1u << c->nslices) - 1) & ~1u;
    uint32_t spins = 0;

    for (unsigned t = 1; t < c->nslices; t++) {
        while (!c->done[t]) {
            if (++spins > FW_JOIN_SPINS) {
                fw_fatal(DEMO_FWERR_JOIN, 0, t);
            }
        }
    }
    while (tl_read_reg(modectl) & others) {
        if (++spins > FW_JOIN_SPINS) {
            fw_fatal(DEMO_FWERR_JOIN, 1, tl_read_reg(modectl));
        }
    }
    fw_barrier();
}

static void fw_run_slices(struct fw_job_ctx *c, unsigned nthreads)
{
    unsigned n = nthreads;

    if (n > c->len) {
        n = c->len ? c->len : 1;
    }
    c->nslices = n;
    for (unsigned t = 0; t <= n; t++) {
        c->off[t] = (uint32_t)((uint64_t)c->len * t / n);
    }
    for (unsigned t = 0; t < n; t++) {
        c->done[t] = 0;
    }
    fw_barrier();
    for (unsigned t = 1; t < n; t++) {
        tl_thread_start(t, fw_slice_entry, t, fw_stacks[t] + FW_STACK_BYTES);
    }
    fw_slice(0);
    fw_join(c);
}

static uint32_t fw_adler_combine(const struct fw_job_ctx *c)
{
    uint64_t a = 1, b = c->len;

    for (unsigned t = 0; t < c->nslices; t++) {
        uint32_t l = c->off[t + 1] - c->off[t];
        uint32_t after = c->len - c->off[t] - l;

        a += c->adler[t].a;
        b += c->adler[t].b + (uint64_t)after * c->adler[t].a;
    }
    return (uint32_t)(b % DEMO_ADLER_MOD) << 16 |
           (uint32_t)(a % DEMO_ADLER_MOD);
}

/* [addr, addr + size) lies inside the carveout, addr aligned to @align. */
static bool fw_buf_ok(uint32_t addr, uint32_t size, uint32_t align)
{
    uint32_t off = addr - DEMO_DSP_SHARED_BASE;

    return addr >= DEMO_DSP_SHARED_BASE && addr % align == 0 &&
           size <= DEMO_SHARED_SIZE && off <= DEMO_SHARED_SIZE - size;
}

static bool fw_job_valid(const struct fw_job_ctx *c)
{
    switch (c->kind) {
    case DEMO_KIND_FIR:
        return c->len >= 1 && c->len <= FW_MAX_LEN &&
               c->ntaps >= 1 && c->ntaps <= DEMO_FIR_MAX_TAPS &&
               fw_buf_ok(c->src, c->len * 2, 2) &&
               fw_buf_ok(c->taps, c->ntaps * 2, 2) &&
               fw_buf_ok(c->dst, c->len * 4, 4);
    case DEMO_KIND_ADLER32:
        return c->len <= FW_MAX_LEN && fw_buf_ok(c->src, c->len, 1);
    default:
        return false;
    }
}

/* The deliberate fault of a DEMO_KIND_CRASH job: a misaligned load. */
static void fw_crash(void)
{
    uint32_t addr = DEMO_DSP_SHARED_BASE + 2;

    __asm__ volatile("r0 = memw(%0 + #0)" : : "r"(addr) : "r0", "memory");
}

void fw_run_job(volatile struct demo_job *job, unsigned nthreads)
{
    struct fw_job_ctx *c = fw_job_ctx();
    uint32_t start = fw_ticks(), result = 0, mask = 0;
    uint32_t status = DEMO_STATUS_OK;

    c->kind = job->kind;
    c->src = job->src;
    c->len = job->len;
    c->dst = job->dst;
    c->ntaps = job->ntaps;
    c->taps = job->taps;
    if (c->kind == DEMO_KIND_CRASH) {
        fw_crash();
    }
    if (!fw_job_valid(c)) {
        status = DEMO_STATUS_BAD;
    } else {
        fw_run_slices(c, nthreads);
        for (unsigned t = 0; t < c->nslices; t++) {
            mask |= 1u << c->htid[t];
            result += c->fir_sum[t];
        }
        if (c->kind == DEMO_KIND_ADLER32) {
            result = fw_adler_combine(c);
        }
    }
    job->result = result;
    job->threads = mask;
    job->cycles = fw_ticks() - start;
    fw_barrier();
    job->status = status;
}

unsigned fw_drain_ring(volatile struct demo_ring *ring,
                       volatile struct demo_job *jobs, unsigned nthreads)
{
    unsigned count = 0;

    for (;;) {
        uint32_t tail = ring->tail;

        fw_barrier();
        if (ring->head == tail) {
            return count;
        }
        fw_barrier();                  /* the descriptor after head */
        ring->tail = tail + 1;
        fw_run_job(&jobs[tail % DEMO_RING_SIZE], nthreads);
        fw_barrier();                  /* results before done */
        ring->done = ring->done + 1;
        count++;
    }
}
