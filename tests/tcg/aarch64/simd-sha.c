/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * simd-sha: the SHA1 (SHA1C, SHA1P, SHA1M, SHA1H, SHA1SU0, SHA1SU1) and
 * SHA256 (SHA256H, SHA256H2, SHA256SU0, SHA256SU1) instructions
 * (FEAT_SHA1, FEAT_SHA256: ID_AA64ISAR0.SHA1/SHA2 = 1 on cortex-a57),
 * used as a whole compression function on the one-block message "abc".
 * The expected digests are the FIPS 180-4 examples ("abc": SHA-1
 * a9993e36 4706816a ba3e2571 7850c26c 9cd0d89d, SHA-256 ba7816bf
 * 8f01cfea 414140de 5dae2223 b00361a3 96177a9c b410ff61 f20015ad);
 * K256/H256 are FIPS 180-4 4.2.2/5.3.3's definitions (the first 32
 * fraction bits of the cube / square roots of the first primes),
 * generated from those definitions.  Also SHA1H alone: ROL(x, 30).
 */
#include "testlib.h"
#include <arm_neon.h>

#define SHA __attribute__((target("sha2")))

static const uint32_t K256[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1,
    0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
    0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
    0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
    0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
    0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
    0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
    0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
    0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};
static const uint32_t H256[8] = {
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
    0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
};

/* "abc" padded to one 512-bit block: 0x80, zeros, bit length 24. */
static void abc_block(uint8_t blk[64])
{
    memset(blk, 0, 64);
    blk[0] = 'a';
    blk[1] = 'b';
    blk[2] = 'c';
    blk[3] = 0x80;
    blk[63] = 24;
}

static SHA uint32x4_t load_be(const uint8_t *p)
{
    return vreinterpretq_u32_u8(vrev32q_u8(vld1q_u8(p)));
}

/* One SHA-1 block: 20 groups of 4 rounds (C for 0-19, P for 20-39 and
   60-79, M for 40-59), E of the next group from SHA1H. */
static SHA void sha1_block(uint32_t st[5], const uint8_t blk[64])
{
    static const uint32_t k[4] = {
        0x5a827999, 0x6ed9eba1, 0x8f1bbcdc, 0xca62c1d6,
    };
    uint32x4_t abcd = vld1q_u32(st), w[4];
    uint32_t e0 = st[4], e1;

    for (int i = 0; i < 4; i++) {
        w[i] = load_be(blk + 16 * i);
    }
    for (int r = 0; r < 20; r++) {
        uint32x4_t wk = vaddq_u32(w[r % 4], vdupq_n_u32(k[r / 5]));

        e1 = vsha1h_u32(vgetq_lane_u32(abcd, 0));
        if (r < 5) {
            abcd = vsha1cq_u32(abcd, e0, wk);
        } else if (r >= 10 && r < 15) {
            abcd = vsha1mq_u32(abcd, e0, wk);
        } else {
            abcd = vsha1pq_u32(abcd, e0, wk);
        }
        e0 = e1;
        if (r < 16) {       /* W[4(r+4) ..]: the message schedule */
            w[r % 4] = vsha1su1q_u32(vsha1su0q_u32(w[r % 4], w[(r + 1) % 4],
                                                   w[(r + 2) % 4]),
                                     w[(r + 3) % 4]);
        }
    }
    vst1q_u32(st, vaddq_u32(vld1q_u32(st), abcd));
    st[4] += e0;
}

/* One SHA-256 block: 16 groups of 4 rounds (SHA256H, SHA256H2). */
static SHA void sha256_block(uint32_t st[8], const uint8_t blk[64])
{
    uint32x4_t s0 = vld1q_u32(st), s1 = vld1q_u32(st + 4), w[4];

    for (int i = 0; i < 4; i++) {
        w[i] = load_be(blk + 16 * i);
    }
    for (int i = 0; i < 16; i++) {
        uint32x4_t wk = vaddq_u32(w[i % 4], vld1q_u32(K256 + 4 * i));
        uint32x4_t t = s0;

        s0 = vsha256hq_u32(s0, s1, wk);
        s1 = vsha256h2q_u32(s1, t, wk);
        if (i < 12) {
            w[i % 4] = vsha256su1q_u32(vsha256su0q_u32(w[i % 4],
                                                       w[(i + 1) % 4]),
                                       w[(i + 2) % 4], w[(i + 3) % 4]);
        }
    }
    vst1q_u32(st, vaddq_u32(vld1q_u32(st), s0));
    vst1q_u32(st + 4, vaddq_u32(vld1q_u32(st + 4), s1));
}

static SHA uint32_t sha1h(uint32_t x)
{
    return vsha1h_u32(x);
}

int main(void)
{
    static const uint32_t want1[5] = {
        0xa9993e36, 0x4706816a, 0xba3e2571, 0x7850c26c, 0x9cd0d89d,
    };
    static const uint32_t want256[8] = {
        0xba7816bf, 0x8f01cfea, 0x414140de, 0x5dae2223,
        0xb00361a3, 0x96177a9c, 0xb410ff61, 0xf20015ad,
    };
    uint32_t h1[5] = {
        0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0,
    };
    uint32_t h256[8];
    uint8_t blk[64];

    tl_write_sysreg(cpacr_el1, tl_read_sysreg(cpacr_el1) | 3ull << 20);
    tl_isb();
    /* ROL(0x12345678, 30) = ROR(.., 2) = 0x048d159e */
    tl_check_eq(sha1h(0x12345678), 0x048d159e, "sha1h");
    abc_block(blk);
    sha1_block(h1, blk);
    for (int i = 0; i < 5; i++) {
        tl_check_eq(h1[i], want1[i], "sha1 abc");
    }
    memcpy(h256, H256, sizeof(h256));
    sha256_block(h256, blk);
    for (int i = 0; i < 8; i++) {
        tl_check_eq(h256[i], want256[i], "sha256 abc");
    }
    return tl_done();
}
