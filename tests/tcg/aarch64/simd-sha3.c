/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * simd-sha3: the ARMv8.2 SHA512 instructions (SHA512H, SHA512H2,
 * SHA512SU0, SHA512SU1; FEAT_SHA512, ID_AA64ISAR0.SHA2 = 2) and SHA3
 * instructions (EOR3, RAX1, XAR, BCAX; FEAT_SHA3, ID_AA64ISAR0.SHA3 = 1)
 * on the max CPU.
 *
 * SHA-512 is a small one-block implementation built from the four
 * instructions, checked against the FIPS 180-4 digests: "abc" (the
 * standard's example, ddaf35a1 93617aba ... a54ca49f) and the empty
 * string (cf83e135 7eefb8bd ... f927da3e).  K512 and H512 are FIPS
 * 180-4 4.2.3/5.3.5's definitions (the first 64 fraction bits of the
 * cube / square roots of the first 80 / 8 primes), generated from those
 * definitions with exact integer roots.  The SHA3 instructions are
 * compared with plain C on pseudo-random inputs, on hand-derived values
 * and with the destination aliasing a source.
 * Spec: Arm ARM DDI 0487, C7.2 (SHA512H .. XAR); FIPS 180-4.
 */
#include "testlib.h"
#include <arm_neon.h>

#define SHA3 __attribute__((target("sha3")))

static const uint64_t K512[80] = {
    0x428a2f98d728ae22, 0x7137449123ef65cd, 0xb5c0fbcfec4d3b2f,
    0xe9b5dba58189dbbc, 0x3956c25bf348b538, 0x59f111f1b605d019,
    0x923f82a4af194f9b, 0xab1c5ed5da6d8118, 0xd807aa98a3030242,
    0x12835b0145706fbe, 0x243185be4ee4b28c, 0x550c7dc3d5ffb4e2,
    0x72be5d74f27b896f, 0x80deb1fe3b1696b1, 0x9bdc06a725c71235,
    0xc19bf174cf692694, 0xe49b69c19ef14ad2, 0xefbe4786384f25e3,
    0x0fc19dc68b8cd5b5, 0x240ca1cc77ac9c65, 0x2de92c6f592b0275,
    0x4a7484aa6ea6e483, 0x5cb0a9dcbd41fbd4, 0x76f988da831153b5,
    0x983e5152ee66dfab, 0xa831c66d2db43210, 0xb00327c898fb213f,
    0xbf597fc7beef0ee4, 0xc6e00bf33da88fc2, 0xd5a79147930aa725,
    0x06ca6351e003826f, 0x142929670a0e6e70, 0x27b70a8546d22ffc,
    0x2e1b21385c26c926, 0x4d2c6dfc5ac42aed, 0x53380d139d95b3df,
    0x650a73548baf63de, 0x766a0abb3c77b2a8, 0x81c2c92e47edaee6,
    0x92722c851482353b, 0xa2bfe8a14cf10364, 0xa81a664bbc423001,
    0xc24b8b70d0f89791, 0xc76c51a30654be30, 0xd192e819d6ef5218,
    0xd69906245565a910, 0xf40e35855771202a, 0x106aa07032bbd1b8,
    0x19a4c116b8d2d0c8, 0x1e376c085141ab53, 0x2748774cdf8eeb99,
    0x34b0bcb5e19b48a8, 0x391c0cb3c5c95a63, 0x4ed8aa4ae3418acb,
    0x5b9cca4f7763e373, 0x682e6ff3d6b2b8a3, 0x748f82ee5defb2fc,
    0x78a5636f43172f60, 0x84c87814a1f0ab72, 0x8cc702081a6439ec,
    0x90befffa23631e28, 0xa4506cebde82bde9, 0xbef9a3f7b2c67915,
    0xc67178f2e372532b, 0xca273eceea26619c, 0xd186b8c721c0c207,
    0xeada7dd6cde0eb1e, 0xf57d4f7fee6ed178, 0x06f067aa72176fba,
    0x0a637dc5a2c898a6, 0x113f9804bef90dae, 0x1b710b35131c471b,
    0x28db77f523047d84, 0x32caab7b40c72493, 0x3c9ebe0a15c9bebc,
    0x431d67c49c100d4c, 0x4cc5d4becb3e42b6, 0x597f299cfc657e2a,
    0x5fcb6fab3ad6faec, 0x6c44198c4a475817,
};
static const uint64_t H512[8] = {
    0x6a09e667f3bcc908, 0xbb67ae8584caa73b, 0x3c6ef372fe94f82b,
    0xa54ff53a5f1d36f1, 0x510e527fade682d1, 0x9b05688c2b3e6c1f,
    0x1f83d9abfb41bd6b, 0x5be0cd19137e2179,
};

/* A vector with lane 0 (bits 63:0) = @lo and lane 1 = @hi. */
static SHA3 uint64x2_t pair(uint64_t lo, uint64_t hi)
{
    return vcombine_u64(vcreate_u64(lo), vcreate_u64(hi));
}

/*
 * The message schedule W[0..79] of one block: W[0..15] the big-endian
 * words, then two words at a time with SHA512SU0/SHA512SU1 on vectors
 * whose lane 0 is the earlier word: (W[j], W[j+1]) gets sigma0 of
 * (W[j+1], W[j+2]) and then sigma1 of (W[j+14], W[j+15]) plus
 * (W[j+9], W[j+10]), giving (W[j+16], W[j+17]).
 */
static SHA3 void sha512_schedule(uint64_t w[80], const uint8_t blk[128])
{
    for (int i = 0; i < 16; i++) {
        uint64_t v = 0;

        for (int b = 0; b < 8; b++) {
            v = v << 8 | blk[8 * i + b];
        }
        w[i] = v;
    }
    for (int j = 0; j < 64; j += 2) {
        uint64x2_t v = vsha512su0q_u64(pair(w[j], w[j + 1]),
                                       pair(w[j + 2], w[j + 3]));

        v = vsha512su1q_u64(v, pair(w[j + 14], w[j + 15]),
                            pair(w[j + 9], w[j + 10]));
        w[j + 16] = vgetq_lane_u64(v, 0);
        w[j + 17] = vgetq_lane_u64(v, 1);
    }
}

/*
 * One block, two rounds (t, t+1) per step, upper lanes for round t:
 * SHA512H(Vd = (h + K[t] + W[t], g + K[t+1] + W[t+1]), Vn = (f, g)
 * low/high, Vm = (d, e)) gives T1 of both rounds in (lane 1, lane 0);
 * SHA512H2(Vd = those, Vn lane 0 = c, Vm = (a, b)) the new a of both.
 * The new e are d + T1(t) and c + T1(t+1).
 */
static SHA3 void sha512_block(uint64_t st[8], const uint8_t blk[128])
{
    uint64_t w[80], s[8];

    sha512_schedule(w, blk);
    memcpy(s, st, sizeof(s));
    for (int t = 0; t < 80; t += 2) {
        uint64_t a = s[0], b = s[1], c = s[2], d = s[3];
        uint64_t e = s[4], f = s[5], g = s[6], h = s[7];
        uint64x2_t wk = pair(g + K512[t + 1] + w[t + 1], h + K512[t] + w[t]);
        uint64x2_t t1 = vsha512hq_u64(wk, pair(f, g), pair(d, e));
        uint64x2_t na = vsha512h2q_u64(t1, pair(c, 0), pair(a, b));

        s[0] = vgetq_lane_u64(na, 0);               /* a after t+1 */
        s[1] = vgetq_lane_u64(na, 1);               /* a after t */
        s[2] = a;
        s[3] = b;
        s[4] = c + vgetq_lane_u64(t1, 0);
        s[5] = d + vgetq_lane_u64(t1, 1);
        s[6] = e;
        s[7] = f;
    }
    for (int i = 0; i < 8; i++) {
        st[i] += s[i];
    }
}

/* SHA-512 of a message of @len < 112 bytes (one padded block). */
static void sha512_short(uint64_t st[8], const char *msg, unsigned len)
{
    uint8_t blk[128];

    memset(blk, 0, sizeof(blk));
    memcpy(blk, msg, len);
    blk[len] = 0x80;
    blk[126] = (uint8_t)(len * 8 >> 8);
    blk[127] = (uint8_t)(len * 8);
    memcpy(st, H512, sizeof(H512));
    sha512_block(st, blk);
}

static void check_sha512(void)
{
    static const uint64_t want_abc[8] = {
        0xddaf35a193617aba, 0xcc417349ae204131, 0x12e6fa4e89a97ea2,
        0x0a9eeee64b55d39a, 0x2192992a274fc1a8, 0x36ba3c23a3feebbd,
        0x454d4423643ce80e, 0x2a9ac94fa54ca49f,
    };
    static const uint64_t want_empty[8] = {
        0xcf83e1357eefb8bd, 0xf1542850d66d8007, 0xd620e4050b5715dc,
        0x83f4a921d36ce9ce, 0x47d0d13c5d85f2b0, 0xff8318d2877eec2f,
        0x63b931bd47417a81, 0xa538327af927da3e,
    };
    uint64_t st[8];

    sha512_short(st, "abc", 3);
    for (int i = 0; i < 8; i++) {
        tl_check_eq(st[i], want_abc[i], "sha512 abc");
    }
    sha512_short(st, "", 0);
    for (int i = 0; i < 8; i++) {
        tl_check_eq(st[i], want_empty[i], "sha512 empty");
    }
}

/* --- SHA3 --------------------------------------------------------------- */

static uint64_t rol(uint64_t x, unsigned n)
{
    return n ? x << n | x >> (64 - n) : x;
}

static uint64_t rng_state = 0x9e3779b97f4a7c15;

static uint64_t rnd(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return rng_state;
}

static void check_lanes(uint64x2_t v, uint64_t lo, uint64_t hi,
                        const char *what)
{
    tl_check_eq(vgetq_lane_u64(v, 0), lo, what);
    tl_check_eq(vgetq_lane_u64(v, 1), hi, what);
}

/* XAR's rotation is an immediate: one function per amount tested. */
#define XAR_CASE(n)                                                        \
    check_lanes(vxarq_u64(x, y, n), rol(a0 ^ b0, (64 - (n)) & 63),         \
                rol(a1 ^ b1, (64 - (n)) & 63), "xar #" #n)

static SHA3 void check_sha3_random(void)
{
    for (int i = 0; i < 32; i++) {
        uint64_t a0 = rnd(), a1 = rnd(), b0 = rnd(), b1 = rnd();
        uint64_t c0 = rnd(), c1 = rnd();
        uint64x2_t x = pair(a0, a1), y = pair(b0, b1), z = pair(c0, c1);

        check_lanes(veor3q_u64(x, y, z), a0 ^ b0 ^ c0, a1 ^ b1 ^ c1,
                    "eor3");
        check_lanes(vbcaxq_u64(x, y, z), a0 ^ (b0 & ~c0), a1 ^ (b1 & ~c1),
                    "bcax");
        check_lanes(vrax1q_u64(x, y), a0 ^ rol(b0, 1), a1 ^ rol(b1, 1),
                    "rax1");
        XAR_CASE(0);
        XAR_CASE(1);
        XAR_CASE(13);
        XAR_CASE(32);
        XAR_CASE(63);
    }
}

/*
 * Hand-derived values and destination = source.  The inline asm fixes
 * the registers: v0 = @x, v1 = @y, v2 = @z, then the instruction, then
 * the result is read from the named register.
 */
#define RUN3(insn, out, x, y, z) ({                                        \
        uint64x2_t r_;                                                     \
        __asm__(".arch_extension sha3\n\t"                                 \
                "mov v0.16b, %1.16b\n\tmov v1.16b, %2.16b\n\t"             \
                "mov v2.16b, %3.16b\n\t" insn "\n\t"                       \
                "mov %0.16b, " out ".16b"                                  \
                : "=w"(r_) : "w"(x), "w"(y), "w"(z) : "v0", "v1", "v2");   \
        r_; })

static SHA3 void check_sha3_fixed(void)
{
    uint64x2_t x = pair(0x8000000000000001, 0x00000000ffffffff);
    uint64x2_t y = pair(0xf0f0f0f0f0f0f0f0, 0x8000000000000000);
    uint64x2_t z = pair(0xff00ff00ff00ff00, 0x0123456789abcdef);

    /* RAX1 v0 = v0 ^ rol(v1, 1): lane 0 rol(0xf0f0..f0, 1) = 0xe1e1..e1,
       ^ 0x8000..01 = 0x61e1e1e1e1e1e1e0; lane 1 rol(0x8000..0, 1) = 1,
       ^ 0xffffffff = 0xfffffffe. */
    check_lanes(RUN3("rax1 v0.2d, v0.2d, v1.2d", "v0", x, y, z),
                0x61e1e1e1e1e1e1e0, 0x00000000fffffffe, "rax1 rd = rn");
    /* XAR v1 = ror(v0 ^ v1, 4): lane 0 0x70f0f0f0f0f0f0f1 ror 4 =
       0x170f0f0f0f0f0f0f; lane 1 0x80000000ffffffff ror 4 =
       0xf80000000fffffff. */
    check_lanes(RUN3("xar v1.2d, v0.2d, v1.2d, #4", "v1", x, y, z),
                0x170f0f0f0f0f0f0f, 0xf80000000fffffff, "xar rd = rm");
    /* BCAX v2 = v0 ^ (v1 & ~v2): lane 0 0xf0f0.. & 0x00ff00ff.. =
       0x00f000f000f000f0, ^ x = 0x80f000f000f000f1; lane 1
       0x8000..0 & ~0x0123.. = 0x8000..0, ^ x = 0x80000000ffffffff. */
    check_lanes(RUN3("bcax v2.16b, v0.16b, v1.16b, v2.16b", "v2", x, y, z),
                0x80f000f000f000f1, 0x80000000ffffffff, "bcax rd = ra");
    /* EOR3 v0 = v0 ^ v1 ^ v0 = v1 (every source read before the write) */
    check_lanes(RUN3("eor3 v0.16b, v0.16b, v1.16b, v0.16b", "v0", x, y, z),
                0xf0f0f0f0f0f0f0f0, 0x8000000000000000, "eor3 rd = rn = ra");
}

static unsigned field(uint64_t reg, unsigned shift)
{
    return (unsigned)(reg >> shift) & 15;
}

int main(void)
{
    uint64_t isar0 = tl_read_sysreg(id_aa64isar0_el1);

    tl_write_sysreg(cpacr_el1, tl_read_sysreg(cpacr_el1) | 3ull << 20);
    tl_isb();
    /* D17.2.61: SHA2 15:12 (2 = SHA512 too), SHA3 35:32 */
    tl_check_eq(field(isar0, 12), 2, "ISAR0.SHA2 = 2");
    tl_check_eq(field(isar0, 32), 1, "ISAR0.SHA3 = 1");
    check_sha512();
    check_sha3_random();
    check_sha3_fixed();
    return tl_done();
}
