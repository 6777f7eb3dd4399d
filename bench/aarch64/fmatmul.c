/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * fmatmul.c: benchmark: 96x96 matrix multiply in double precision, ROUNDS
 * times, each round feeding a scaled copy of the result back into A (FP
 * multiply and add, indexed loads and stores).  The result is printed as
 * the exact bit patterns of doubles (the sum and the trace of C, and a
 * hash of every element's bits), so it can be compared with the same C
 * compiled for the host: IEEE 754 binary64 + and * are correctly
 * rounded on both sides, and both builds use -ffp-contract=off so that
 * no compiler fuses a multiply and an add into an FMA (which rounds
 * once instead of twice).  bench/aarch64/run.py runs the host build
 * (BENCH_HOST) and checks that the checksum line is the same.
 *
 * The guest build runs at EL1 with FP enabled first (CPACR_EL1.FPEN =
 * 0b11, Arm ARM D17.2.30); all FP code is in noinline functions called
 * after that, so the compiler cannot move FP instructions before it.
 */
#ifdef BENCH_HOST
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#define tl_printf printf
#else
#include "testlib.h"
#endif

#define N      96
#define ROUNDS 24

static double a[N][N], b[N][N], c[N][N];

static uint64_t bits(double x)
{
    uint64_t v;

    memcpy(&v, &x, sizeof(v));
    return v;
}

static __attribute__((noinline)) void multiply(void)
{
    for (int i = 0; i < N; i++) {
        for (int j = 0; j < N; j++) {
            double s = 0.0;

            for (int k = 0; k < N; k++) {
                s += a[i][k] * b[k][j];
            }
            c[i][j] = s;
        }
    }
}

/* The largest |C[i][j]| (compares only: exact on every FPU). */
static double max_abs(void)
{
    double m = 0.0;

    for (int i = 0; i < N; i++) {
        for (int j = 0; j < N; j++) {
            double x = c[i][j] < 0.0 ? -c[i][j] : c[i][j];

            m = x > m ? x : m;
        }
    }
    return m;
}

/*
 * Entries start in [-0.5, 0.5]; each round A' = C / (2 max|C|) + A / 8
 * stays within [-0.625, 0.625] and keeps its magnitude (no decay to
 * zero, no overflow); the values are inexact, so every rounding of the
 * multiplies, adds and divisions shows in the checksum.
 */
static __attribute__((noinline)) int run(void)
{
    double sum = 0.0, trace = 0.0;
    uint64_t hash = 0;

    for (int i = 0; i < N; i++) {
        for (int j = 0; j < N; j++) {
            a[i][j] = (double)((i * 7 + j * 3 + 1) % 17) / 17.0 - 0.5;
            b[i][j] = (double)((i ^ (j * 5)) % 13) / 13.0 - 0.5;
        }
    }
    for (int r = 0; r < ROUNDS; r++) {
        double scale;

        multiply();
        scale = 2.0 * max_abs();
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                a[i][j] = c[i][j] / scale + a[i][j] * 0.125;
            }
        }
    }
    for (int i = 0; i < N; i++) {
        trace += c[i][i];
        for (int j = 0; j < N; j++) {
            sum += c[i][j];
            hash = hash * 31 + bits(c[i][j]);
        }
    }
    tl_printf("fmatmul: checksum sum 0x%016llx trace 0x%016llx "
              "hash 0x%016llx\n", (unsigned long long)bits(sum),
              (unsigned long long)bits(trace), (unsigned long long)hash);
    /* nothing to compare here: run.py compares with the host build */
    tl_printf("PASS\n");
    return 0;
}

int main(void)
{
#ifndef BENCH_HOST
    tl_write_sysreg(cpacr_el1, tl_read_sysreg(cpacr_el1) | 3ull << 20);
    tl_isb();
#endif
    return run();
}
