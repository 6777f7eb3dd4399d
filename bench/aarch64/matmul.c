/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * matmul.c: benchmark: 96x96 matrix multiply in 32-bit integers, ROUNDS
 * times, each round feeding its result back into A (multiply-add, indexed
 * loads and stores).  Self-checking: the checksum equals what the same C
 * prints when compiled for the host (EXPECT below).
 */
#include "testlib.h"

#define N      96
#define ROUNDS 320
/* gcc -O2 on x86-64, same code, printed once: see bench/aarch64/README.md */
#define EXPECT 0x9b820c2bad86f400ull

static uint32_t a[N][N], b[N][N], c[N][N];

static void multiply(void)
{
    for (int i = 0; i < N; i++) {
        for (int j = 0; j < N; j++) {
            uint32_t s = 0;

            for (int k = 0; k < N; k++) {
                s += a[i][k] * b[k][j];
            }
            c[i][j] = s;
        }
    }
}

int main(void)
{
    uint64_t sum = 0;

    for (int i = 0; i < N; i++) {
        for (int j = 0; j < N; j++) {
            a[i][j] = (uint32_t)(i * 7 + j * 3 + 1);
            b[i][j] = (uint32_t)(i ^ (j * 5)) + 2;
        }
    }
    for (int r = 0; r < ROUNDS; r++) {
        multiply();
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                a[i][j] = c[i][j] ^ (c[i][j] >> 13);
            }
        }
    }
    for (int i = 0; i < N; i++) {
        for (int j = 0; j < N; j++) {
            sum = sum * 31 + c[i][j];
        }
    }
    tl_printf("matmul: checksum 0x%016llx\n", (unsigned long long)sum);
    tl_check_eq(sum, EXPECT, "matmul checksum");
    return tl_done();
}
