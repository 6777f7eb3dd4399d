/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * vhist.c: benchmark: integer Advanced SIMD, written with arm_neon.h
 * intrinsics: over a 16 KiB byte buffer, ROUNDS times, a 16-bin
 * histogram of each byte's top nibble (USHR, then per bin CMEQ against
 * a DUP'd constant and SUB of the all-ones mask), the running UMIN and
 * UMAX, and a lane-wise hash of the bytes clamped to a threshold (CMHI,
 * BSL, SHL, ADD, EOR).  These are the instructions hemu translates to
 * IR vector ops (docs/devel/tcg.md "Vector operations").  Round r adds
 * 7r to every byte (ADD of a DUP), so each round sees other values.
 *
 * The host build (BENCH_HOST) computes the same values with plain C
 * loops, lane by lane; bench/aarch64/run.py --host requires the guest's
 * checksum line to equal it.  The guest build runs at EL1 with FP/SIMD
 * enabled first (CPACR_EL1.FPEN = 0b11, Arm ARM D17.2.30); the SIMD
 * code is in noinline functions called after that.
 */
#ifdef BENCH_HOST
#include <stdint.h>
#include <stdio.h>
#define tl_printf printf
#else
#include "testlib.h"
#include <arm_neon.h>
#endif

#define BUF    16384
#define ROUNDS 1000
#define FLUSH  240          /* vectors per histogram flush (< 256) */
#define THRESH 0xb0

static uint8_t buf[BUF];
static uint32_t hist[16];
static uint8_t vmin[16], vmax[16], hash[16];

#ifdef BENCH_HOST
/* The reference: each lane as the vector code computes it. */
static void pass(uint8_t bias)
{
    for (int i = 0; i < BUF; i++) {
        uint8_t x = (uint8_t)(buf[i] + bias), y = x > THRESH ? THRESH : x;
        unsigned l = i & 15;

        hist[x >> 4]++;
        vmin[l] = x < vmin[l] ? x : vmin[l];
        vmax[l] = x > vmax[l] ? x : vmax[l];
        hash[l] ^= (uint8_t)(y + (uint8_t)(hash[l] << 1));
    }
}
#else
static __attribute__((noinline)) void pass(uint8_t bias)
{
    uint8x16_t mn = vld1q_u8(vmin), mx = vld1q_u8(vmax);
    uint8x16_t h = vld1q_u8(hash), thr = vdupq_n_u8(THRESH);
    uint8x16_t bv = vdupq_n_u8(bias);
    uint8x16_t acc[16];

    for (int i = 0; i < BUF / 16; i += FLUSH) {
        int end = i + FLUSH < BUF / 16 ? i + FLUSH : BUF / 16;

        for (int b = 0; b < 16; b++) {
            acc[b] = vdupq_n_u8(0);
        }
        for (int k = i; k < end; k++) {
            uint8x16_t x = vaddq_u8(vld1q_u8(buf + 16 * k), bv);
            uint8x16_t top = vshrq_n_u8(x, 4);
            uint8x16_t y = vbslq_u8(vcgtq_u8(x, thr), thr, x);

            for (int b = 0; b < 16; b++) {
                acc[b] = vsubq_u8(acc[b], vceqq_u8(top, vdupq_n_u8(b)));
            }
            mn = vminq_u8(mn, x);
            mx = vmaxq_u8(mx, x);
            h = veorq_u8(h, vaddq_u8(y, vshlq_n_u8(h, 1)));
        }
        for (int b = 0; b < 16; b++) {
            hist[b] += vaddlvq_u8(acc[b]);
        }
    }
    vst1q_u8(vmin, mn);
    vst1q_u8(vmax, mx);
    vst1q_u8(hash, h);
}
#endif

static __attribute__((noinline)) int run(void)
{
    uint32_t x = 12345, sum = 0;

    for (int l = 0; l < 16; l++) {
        vmin[l] = 0xff;
    }
    for (int i = 0; i < BUF; i++) {      /* LCG from Numerical Recipes */
        x = x * 1664525u + 1013904223u;
        buf[i] = x >> 24;
    }
    for (int r = 0; r < ROUNDS; r++) {
        pass((uint8_t)(r * 7));
    }
    for (int b = 0; b < 16; b++) {
        sum = sum * 31 + hist[b];
    }
    tl_printf("vhist: checksum hist 0x%08x bin0 %u min 0x%02x max 0x%02x "
              "hash 0x%02x%02x%02x%02x\n", (unsigned)sum, (unsigned)hist[0],
              vmin[3], vmax[9], hash[0], hash[5], hash[10], hash[15]);
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
