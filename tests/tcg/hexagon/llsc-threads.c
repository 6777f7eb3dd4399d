/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * llsc-threads.c: memw_locked / memw_locked(Rs,Pd) across hardware
 * threads (run with -smp 4).  Threads 0-3 each increment one shared
 * counter 10000 times with a load-locked / store-conditional loop; the
 * count must be exactly 4 * 10000 = 40000 (a lost update would leave it
 * lower).  Also checks that an event between the load-locked and the
 * store-conditional drops the reservation (V6x System-Level
 * Architecture: exceptions clear it): the store-conditional after a
 * trap1 fails.
 */
#include "testlib.h"

#define NTHREADS 4
#define ITERS 10000
#define STACK 8192

static volatile uint32_t counter;
static volatile uint32_t ready;     /* threads at the start line */
static volatile uint32_t go;        /* set by thread 0 when all are */
static volatile uint32_t done[NTHREADS];
static uint8_t stacks[NTHREADS][STACK] __attribute__((aligned(8)));

/* *p += 1 with LL/SC, retried until the store-conditional succeeds. */
static void locked_inc(volatile uint32_t *p)
{
    uint32_t v, ok;

    do {
        __asm__ volatile("%0 = memw_locked(%2)\n\t"
                         "%0 = add(%0,#1)\n\t"
                         "memw_locked(%2,p0) = %0\n\t"
                         "%1 = p0"
                         : "=&r"(v), "=&r"(ok) : "r"(p) : "p0", "memory");
    } while (!ok);
}

static void worker(uint32_t tid)
{
    /* start together, so that the increments really overlap */
    locked_inc(&ready);
    while (!go) {
        tl_barrier();
    }
    for (int i = 0; i < ITERS; i++) {
        locked_inc(&counter);
    }
    done[tid] = 1;
}

static void trap1_handler(struct tl_regs *r)
{
    (void)r;                    /* ELR is already after the trap */
}

static void test_event_drops_reservation(void)
{
    static volatile uint32_t word = 3;
    uint32_t v, ok;

    tl_set_event_handler(TL_EV_TRAP1, trap1_handler);
    __asm__ volatile("%0 = memw_locked(%2)\n\t"
                     "trap1(#0)\n\t"
                     "memw_locked(%2,p1) = %0\n\t"
                     "%1 = p1"
                     : "=&r"(v), "=&r"(ok) : "r"(&word) : "p1", "memory");
    tl_set_event_handler(TL_EV_TRAP1, NULL);
    tl_check_eq(v, 3, "memw_locked before the trap");
    tl_check_eq(ok, 0, "store-conditional after an event fails");
    /* without the event it succeeds */
    __asm__ volatile("%0 = memw_locked(%2)\n\t"
                     "memw_locked(%2,p1) = %0\n\t"
                     "%1 = p1"
                     : "=&r"(v), "=&r"(ok) : "r"(&word) : "p1", "memory");
    tl_check_eq(ok, 0xff, "store-conditional without an event succeeds");
}

int main(void)
{
    test_event_drops_reservation();
    for (unsigned t = 1; t < NTHREADS; t++) {
        tl_check(tl_thread_start(t, worker, t, stacks[t] + STACK),
                 "thread start");
    }
    while (ready != NTHREADS - 1) {
        tl_barrier();
    }
    go = 1;
    worker(0);
    for (unsigned t = 1; t < NTHREADS; t++) {
        while (!done[t]) {
            tl_barrier();
        }
    }
    tl_check_eq(counter, NTHREADS * ITERS, "LL/SC counter of 4 threads");
    return tl_done();
}
