/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * crc32.c: benchmark: table-driven CRC-32/IEEE (reflected polynomial
 * 0xEDB88320) over a 64 KiB buffer, ROUNDS times (byte loads, table
 * lookups, shifts and xors).  Self-checking: the check value of
 * "123456789" is 0xCBF43926 (published), and the final result equals the
 * value the same C prints when compiled for the host (EXPECT below).
 */
#include "testlib.h"

#define BUF_SIZE 65536
#define ROUNDS   3072
/* gcc -O2 on x86-64, same code, printed once: see bench/aarch64/README.md */
#define EXPECT   0x0751f20fu

static uint8_t buf[BUF_SIZE];
static uint32_t table[256];

static uint32_t crc32(const uint8_t *p, size_t n, uint32_t crc)
{
    crc = ~crc;
    while (n--) {
        crc = table[(crc ^ *p++) & 0xff] ^ (crc >> 8);
    }
    return ~crc;
}

int main(void)
{
    uint32_t x = 12345, crc = 0;

    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;

        for (int k = 0; k < 8; k++) {
            c = (c & 1) ? (c >> 1) ^ 0xedb88320u : c >> 1;
        }
        table[i] = c;
    }
    tl_check_eq(crc32((const uint8_t *)"123456789", 9, 0), 0xcbf43926u,
                "crc32 check value");
    for (unsigned i = 0; i < BUF_SIZE; i++) {   /* LCG from Numerical Recipes */
        x = x * 1664525u + 1013904223u;
        buf[i] = x >> 24;
    }
    for (int r = 0; r < ROUNDS; r++) {
        crc = crc32(buf, BUF_SIZE, crc);
    }
    tl_printf("crc32: 0x%08x after %d x %d bytes\n", crc, ROUNDS, BUF_SIZE);
    tl_check_eq(crc, EXPECT, "crc32 of the chained rounds");
    return tl_done();
}
