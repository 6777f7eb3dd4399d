/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * threads.c: Hexagon hardware threads (run with -smp 4): start, stop,
 * wait, resume, HTID and MODECTL, setimask/getimask.
 *
 * MODECTL (s17): E[7:0] = enabled (running or waiting) threads, W[23:16]
 * = waiting threads; only thread 0 runs at reset, so MODECTL = 1.
 * `start(mask)` resets the threads of the mask to EVB (crt0.S then runs
 * what tl_thread_start recorded); `wait` sets the thread's W bit until
 * `resume(mask)` (or an interrupt); `stop` clears its E bit.  HTID (s8)
 * is the thread's number.  V6x System-Level Architecture, "Hardware
 * threads"; /work/shared/reference/hexagon-system.md 1.4, 1.5, 1.8.
 */
#include "testlib.h"

#define NTHREADS 4
#define STACK 8192
#define SPIN 50000000u

static uint8_t stacks[NTHREADS][STACK] __attribute__((aligned(8)));
static volatile uint32_t htid_seen[NTHREADS];
static volatile uint32_t arrived[NTHREADS];
static volatile uint32_t resumed[NTHREADS];
static volatile uint32_t runs[NTHREADS];

static uint32_t modectl(void)
{
    return tl_read_reg(modectl);
}

/* Spin until MODECTL & @mask == @want; false after SPIN reads. */
static bool wait_modectl(uint32_t mask, uint32_t want)
{
    for (uint32_t i = 0; i < SPIN; i++) {
        if ((modectl() & mask) == want) {
            return true;
        }
    }
    return false;
}

static void worker(uint32_t slot)
{
    htid_seen[slot] = tl_htid();
    runs[slot]++;
    arrived[slot] = 1;
    __asm__ volatile("wait(%0)" : : "r"(0) : "memory");
    resumed[slot] = 1;
}

static void short_worker(uint32_t slot)
{
    runs[slot]++;
}

int main(void)
{
    uint32_t im;

    tl_check_eq(tl_htid(), 0, "thread 0 runs main");
    tl_check_eq(modectl(), 0x1, "MODECTL at start: E = thread 0 only");

    for (unsigned t = 1; t < NTHREADS; t++) {
        tl_check(tl_thread_start(t, worker, t, stacks[t] + STACK),
                 "tl_thread_start");
    }
    /* all four enabled, threads 1-3 waiting: E = 0xf, W = 0xe */
    tl_check(wait_modectl(0xff00ff, 0x0e000f), "MODECTL E = 0xf, W = 0xe");
    for (unsigned t = 1; t < NTHREADS; t++) {
        tl_check_eq(htid_seen[t], t, "HTID of a started thread");
        tl_check_eq(arrived[t], 1, "thread arrived before wait");
        tl_check_eq(resumed[t], 0, "thread still waiting");
    }

    /* setimask(thread 2) / getimask(thread 2) */
    __asm__ volatile("p0 = %1\n\t"
                     "setimask(p0,%2)\n\t"
                     "%0 = getimask(%1)"
                     : "=&r"(im) : "r"(2), "r"(0xa5) : "p0", "memory");
    tl_check_eq(im, 0xa5, "getimask(2) after setimask(2, 0xa5)");

    /* resume(1 << 1): thread 1 runs on and stops; 2 and 3 keep waiting */
    __asm__ volatile("resume(%0)" : : "r"(1u << 1) : "memory");
    tl_check(wait_modectl(0xff00ff, 0x0c000d),
             "after resume(2): E = 0xd, W = 0xc");
    tl_check_eq(resumed[1], 1, "thread 1 resumed");
    tl_check_eq(resumed[2] | resumed[3], 0, "threads 2 and 3 still wait");

    __asm__ volatile("resume(%0)" : : "r"(0xcu) : "memory");
    tl_check(wait_modectl(0xff00ff, 0x000001),
             "after resume(0xc): all stopped but thread 0");
    tl_check_eq(resumed[2] & resumed[3], 1, "threads 2 and 3 resumed");

    /* a stopped thread can be started again */
    tl_check(tl_thread_start(1, short_worker, 1, stacks[1] + STACK),
             "restart thread 1");
    tl_check(wait_modectl(0xff00ff, 0x000001), "thread 1 stopped again");
    tl_check_eq(runs[1], 2, "thread 1 ran twice");
    tl_check_eq(runs[2], 1, "thread 2 ran once");
    return tl_done();
}
