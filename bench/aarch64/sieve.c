/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * sieve.c: benchmark: the sieve of Eratosthenes over [0, 2,000,000),
 * repeated ROUNDS times (byte stores, strided loops, compare-and-branch).
 * Self-checking: pi(2*10^6) = 148933 primes (published prime count).
 */
#include "testlib.h"

#define LIMIT  2000000u
#define ROUNDS 16

static uint8_t composite[LIMIT];

static unsigned sieve(void)
{
    unsigned count = 0;

    memset(composite, 0, sizeof(composite));
    for (unsigned i = 2; i < LIMIT; i++) {
        if (composite[i]) {
            continue;
        }
        count++;
        for (unsigned j = i * 2; j < LIMIT; j += i) {
            composite[j] = 1;
        }
    }
    return count;
}

int main(void)
{
    unsigned count = 0;

    for (int r = 0; r < ROUNDS; r++) {
        count = sieve();
        tl_check_eq(count, 148933, "primes below 2*10^6");
    }
    tl_printf("sieve: %u primes below %u, %d rounds\n", count, LIMIT, ROUNDS);
    return tl_done();
}
