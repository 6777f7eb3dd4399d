/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * hash64.c (Hexagon): bench/aarch64/hash64.c with fewer iterations.  The
 * splitmix64 finaliser (shifts, xors, 64x64 multiplies) chained ITERS
 * times, plus a 64-bit division by a varying divisor, which on Hexagon
 * is a call of the software helper __hexagon_udivdi3 (no divide
 * instruction): much slower than one aarch64 iteration under emulation, hence
 * 1.5 million iterations instead of 256 million.
 * Self-checking: the first splitmix64 output for seed 0 is
 * 0xE220A8397B1DCDAF (the reference implementation's test vectors), and
 * the final value equals what the same C prints when compiled for the
 * host (EXPECT: gcc -O2 and clang -O1 -fsanitize=undefined on x86-64,
 * with the stub testlib.h of bench/aarch64/README.md, agreed).
 */
#include "testlib.h"

#define ITERS  1500000u
#define EXPECT 0x26e6f7d21ae6670full

static uint64_t splitmix64(uint64_t *state)
{
    uint64_t z = (*state += 0x9e3779b97f4a7c15ull);

    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

int main(void)
{
    uint64_t state = 0, acc = 0;

    tl_check_eq(splitmix64(&state), 0xe220a8397b1dcdafull,
                "splitmix64 first output, seed 0");
    for (uint32_t i = 0; i < ITERS; i++) {
        uint64_t h = splitmix64(&state);

        acc = (acc ^ h) + h / ((i & 0xff) + 1);
    }
    tl_printf("hash64: 0x%016llx after %u iterations\n",
              (unsigned long long)acc, ITERS);
    tl_check_eq(acc, EXPECT, "hash64 accumulator");
    return tl_done();
}
