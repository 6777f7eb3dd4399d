/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * simd-absent: extensions the model does not have are UNDEFINED, and the
 * ID registers say so; the ones it has execute.  On cortex-a57 (run on
 * hemu and QEMU alike): ID_AA64ISAR0_EL1.SHA2 = 1 (SHA256, no SHA512),
 * SHA3 = 0, CRC32 = 1; ID_AA64PFR0_EL1.FP = AdvSIMD = 0 (no FEAT_FP16).
 * Field positions: Arm ARM DDI 0487 D17.2.61 (ISAR0: SHA2 15:12, CRC32
 * 19:16, SHA3 35:32) and D17.2.64 (PFR0: FP 19:16, AdvSIMD 23:20).
 *
 * The instructions are hand-encoded words (.inst) from C7.2 so the
 * assembler needs none of the extensions; each was checked against an
 * assembler that has them: SHA512H q0, q1, v2.2d = 0xce628020 (FEAT_SHA512),
 * SHA512SU0 v0.2d, v1.2d = 0xcec08020, EOR3 v0.16b, v1.16b, v2.16b,
 * v3.16b = 0xce020c20 and RAX1 v0.2d, v1.2d, v2.2d = 0xce628c20
 * (FEAT_SHA3), FADD h0, h1, h2 = 0x1ee22820 and FADD v0.8h, v1.8h, v2.8h
 * = 0x4e421420 (FEAT_FP16).  UNDEFINED is an exception with EC 0.
 */
#include "testlib.h"

static unsigned undef_count;

static void undef_handler(struct tl_regs *r)
{
    if (tl_esr_ec(r->esr) == TL_EC_UNKNOWN) {
        undef_count++;
    }
    r->elr += 4;
}

/* Run one word; returns 1 if it was UNDEFINED. */
#define TRAPS(word) ({                                                   \
        undef_count = 0;                                                 \
        __asm__ volatile(".inst " #word ::: "v0", "memory");             \
        undef_count; })

static unsigned field(uint64_t reg, unsigned shift)
{
    return (unsigned)(reg >> shift) & 15;
}

static __attribute__((noinline)) int run(void)
{
    uint64_t isar0 = tl_read_sysreg(id_aa64isar0_el1);
    uint64_t pfr0 = tl_read_sysreg(id_aa64pfr0_el1);
    uint32_t crc;

    tl_check_eq(field(isar0, 12), 1, "ISAR0.SHA2 = 1 (no SHA512)");
    tl_check_eq(field(isar0, 32), 0, "ISAR0.SHA3 = 0");
    tl_check_eq(field(isar0, 16), 1, "ISAR0.CRC32 = 1");
    tl_check_eq(field(pfr0, 16), 0, "PFR0.FP = 0 (no FP16)");
    tl_check_eq(field(pfr0, 20), 0, "PFR0.AdvSIMD = 0 (no FP16)");

    tl_set_sync_handler(undef_handler);
    tl_check_eq(TRAPS(0xce628020), 1, "sha512h UNDEFINED");
    tl_check_eq(TRAPS(0xcec08020), 1, "sha512su0 UNDEFINED");
    tl_check_eq(TRAPS(0xce020c20), 1, "eor3 UNDEFINED");
    tl_check_eq(TRAPS(0xce628c20), 1, "rax1 UNDEFINED");
    tl_check_eq(TRAPS(0x1ee22820), 1, "fadd h (FP16) UNDEFINED");
    tl_check_eq(TRAPS(0x4e421420), 1, "fadd .8h (FP16) UNDEFINED");
    /* present: SHA256H q0, q1, v2.4s (0x5e024020) executes */
    tl_check_eq(TRAPS(0x5e024020), 0, "sha256h executes");
    tl_set_sync_handler(NULL);

    /* CRC32B of the byte 0x61 ('a') from ~0, final inversion by hand:
       CRC-32("a") = 0xe8b7be43 (the published check of zlib's crc32) */
    __asm__ volatile(".arch_extension crc\n\tcrc32b %w0, %w1, %w2"
                     : "=r"(crc)
                     : "r"(0xffffffffu), "r"(0x61u));
    tl_check_eq(~crc, 0xe8b7be43u, "crc32b 'a'");
    return tl_done();
}

int main(void)
{
    tl_write_sysreg(cpacr_el1, tl_read_sysreg(cpacr_el1) | 3ull << 20);
    tl_isb();
    return run();
}
