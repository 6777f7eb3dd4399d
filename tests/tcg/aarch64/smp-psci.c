/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Two vCPUs (-smp 2): PSCI CPU_ON starts the secondary (affinity 1 on
 * virt), both increment one counter with an LDXR/STXR loop, and the
 * result must be exact: an exclusive monitor that lets two stores of
 * the same old value succeed would lose increments.  Then PSCI
 * AFFINITY_INFO reports the secondary OFF once its entry function has
 * returned (the library turns it off with CPU_OFF).
 * Expected values: N_ITER increments per CPU, 2 * N_ITER in all; PSCI
 * return codes from Arm DEN 0022 (SUCCESS 0, ALREADY_ON -4, OFF 1).
 */
#include "testlib.h"

#define N_ITER 20000
#define PSCI_AFFINITY_INFO 0xC4000004ull

int64_t tl_psci_call(uint64_t fid, uint64_t a1, uint64_t a2, uint64_t a3);

static volatile uint64_t counter;
static volatile uint32_t started, go, finished;
static uint8_t stack1[16384] __attribute__((aligned(16)));

static void atomic_inc(volatile uint64_t *p)
{
    uint64_t v;
    uint32_t fail;

    do {
        __asm__ volatile("ldxr %0, [%2]\n\t"
                         "add %0, %0, #1\n\t"
                         "stxr %w1, %0, [%2]"
                         : "=&r"(v), "=&r"(fail) : "r"(p) : "memory");
    } while (fail);
}

static void secondary(uint64_t arg)
{
    started = 1;
    while (!go) {
        __asm__ volatile("yield" ::: "memory");
    }
    for (int i = 0; i < N_ITER; i++) {
        atomic_inc(&counter);
    }
    __asm__ volatile("dmb ish" ::: "memory");
    finished = (uint32_t)arg;
}

int main(void)
{
    static struct tl_cpu_boot boot = {
        .stack_top = (uint64_t)(stack1 + sizeof(stack1)),
        .fn = secondary,
        .arg = 0x5a,
    };
    int64_t r;

    tl_check_eq(tl_mpidr(), 0, "boot cpu is affinity 0");
    r = tl_cpu_on(1, &boot);
    tl_check_eq((uint64_t)r, 0, "CPU_ON returns SUCCESS");
    while (!started) {
        __asm__ volatile("yield" ::: "memory");
    }
    /* the secondary runs (it waits for go): a second CPU_ON is refused */
    r = tl_cpu_on(1, &boot);
    tl_check_eq((uint64_t)r, (uint64_t)-4, "second CPU_ON: ALREADY_ON");
    go = 1;
    for (int i = 0; i < N_ITER; i++) {
        atomic_inc(&counter);
    }
    while (finished != 0x5a) {
        __asm__ volatile("yield" ::: "memory");
    }
    tl_check_eq(started, 1, "secondary ran");
    tl_check_eq(counter, 2 * N_ITER, "no lost increment");
    /* the secondary turns itself off after returning: poll for OFF */
    for (int i = 0; i < 1000000; i++) {
        r = tl_psci_call(PSCI_AFFINITY_INFO, 1, 0, 0);
        if (r == 1) {
            break;
        }
    }
    tl_check_eq((uint64_t)r, 1, "AFFINITY_INFO: secondary OFF");
    return tl_done();
}
