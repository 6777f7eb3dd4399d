/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * sysreg-id: system registers at EL1 on cortex-a57.  ID registers equal
 * the Cortex-A57 r1p0 TRM (ARM DDI 0488, 4.3) values; CurrentEL; the
 * TPIDR registers and NZCV read back what was written; CSSELR selects
 * CCSIDR; an unallocated encoding (S3_0_C2_C15_7) is UNDEFINED (ESR EC 0,
 * IL 1, ELR at the MRS); DC ZVA zeroes exactly one DCZID-sized block.
 *
 * Expected values: from the TRM (hand-decoded in the comments), and for
 * DC ZVA from the architecture (DCZID_EL0.BS = 4: 4 << 4 = 64 bytes,
 * aligned down).  DC ZVA needs Normal memory, so the test first turns the
 * MMU on with an identity map of 1 GiB blocks (RAM Normal, the rest
 * Device).
 */
#include "testlib.h"

static volatile uint64_t undef_esr, undef_elr;

static void on_sync(struct tl_regs *r)
{
    undef_esr = r->esr;
    undef_elr = r->elr;
    r->elr += 4;                /* skip the faulting instruction */
}

/* Level-1 table of the 4 KiB granule, T0SZ = 25: 1 GiB per entry. */
static uint64_t l1_table[512] __attribute__((aligned(4096)));

static void mmu_on(void)
{
    /* block descriptor: bits 1:0 = 01, AttrIndx [4:2], AF [10], SH [9:8] */
    l1_table[0] = 0x00000000ull | 0x401 | (0 << 2);          /* Device */
    l1_table[1] = 0x40000000ull | 0x401 | (1 << 2) | (3 << 8); /* Normal */
    tl_dsb_sy();
    /* MAIR: Attr0 = 0x00 Device-nGnRnE, Attr1 = 0xff Normal WB */
    tl_write_sysreg(mair_el1, 0xff00);
    /* TCR: T0SZ 25, IRGN0/ORGN0 WB (01), SH0 inner (11), TG0 4K,
       EPD1 (bit 23), IPS 40 bits (010 at 34:32) */
    tl_write_sysreg(tcr_el1, 25 | 1 << 8 | 1 << 10 | 3 << 12 | 1 << 23 |
                    2ull << 32);
    tl_write_sysreg(ttbr0_el1, (uint64_t)l1_table);
    tl_isb();
    tl_write_sysreg(sctlr_el1, tl_read_sysreg(sctlr_el1) | 1);
    tl_isb();
}

static uint8_t zva_buf[256] __attribute__((aligned(64)));

static void test_dc_zva(void)
{
    uint64_t dczid = tl_read_sysreg(dczid_el0);
    int ok = 1;

    tl_check_eq(dczid, 4, "DCZID_EL0 (BS 4: 64 bytes, DZP 0)");
    memset(zva_buf, 0xa5, sizeof(zva_buf));
    /* an address inside the second 64-byte block: zeroes 64..127 */
    __asm__ volatile("dc zva, %0" :: "r"(&zva_buf[64 + 40]) : "memory");
    for (unsigned i = 0; i < sizeof(zva_buf); i++) {
        uint8_t want = i >= 64 && i < 128 ? 0 : 0xa5;

        if (zva_buf[i] != want) {
            tl_printf("zva_buf[%u] = %x\n", i, zva_buf[i]);
            ok = 0;
        }
    }
    tl_check(ok, "DC ZVA zeroes the aligned 64-byte block only");
}

int main(void)
{
    uint64_t v, nzcv;

    tl_set_sync_handler(on_sync);

    /* MIDR 0x411fd070: Arm (0x41), r1 (variant 1), arch 0xf, 0xd07, p0 */
    tl_check_eq(tl_read_sysreg(midr_el1), 0x411fd070, "MIDR_EL1");
    /* AES 2 (+PMULL), SHA1 1, SHA2 1, CRC32 1: fields 7:4..19:16 */
    tl_check_eq(tl_read_sysreg(id_aa64isar0_el1), 0x11120,
                "ID_AA64ISAR0_EL1");
    /* PARange 4 (44 bits), ASIDBits 2, BigEnd 1, SNSMem 1, no 16K */
    tl_check_eq(tl_read_sysreg(id_aa64mmfr0_el1), 0x1124,
                "ID_AA64MMFR0_EL1");
    /* DebugVer 6, PMUVer 1, BRPs 5, WRPs 3, CTX_CMPs 1 */
    tl_check_eq(tl_read_sysreg(id_aa64dfr0_el1), 0x10305106,
                "ID_AA64DFR0_EL1");
    /* CWG ERG DminLine 4, L1Ip PIPT (3), IminLine 4, bit 31 RES1 */
    tl_check_eq(tl_read_sysreg(ctr_el0), 0x8444c004, "CTR_EL0");
    /* LoUU 1, LoC 2, LoUIS 1, L2 unified, L1 separate I+D */
    tl_check_eq(tl_read_sysreg(clidr_el1), 0x0a200023, "CLIDR_EL1");
    /* L1D: 32 KiB 2-way 64 B lines: 256 sets, WB RA WA */
    tl_write_sysreg(csselr_el1, 0);
    tl_isb();
    tl_check_eq(tl_read_sysreg(ccsidr_el1), 0x701fe00a, "CCSIDR L1D");
    /* L1I: 48 KiB 3-way: 256 sets, RA */
    tl_write_sysreg(csselr_el1, 1);
    tl_isb();
    tl_check_eq(tl_read_sysreg(ccsidr_el1), 0x201fe012, "CCSIDR L1I");
    tl_check_eq(tl_read_sysreg(csselr_el1), 1, "CSSELR_EL1 read-back");
    /* MPIDR bit 31 is RES1 */
    tl_check((tl_read_sysreg(mpidr_el1) >> 31) & 1, "MPIDR_EL1 bit 31");

    tl_check_eq(tl_read_sysreg(CurrentEL), 1 << 2, "CurrentEL is EL1");

    tl_write_sysreg(tpidr_el0, 0x0123456789abcdefull);
    tl_write_sysreg(tpidr_el1, 0xfedcba9876543210ull);
    tl_write_sysreg(tpidrro_el0, 0x5555aaaa5555aaaaull);
    tl_check_eq(tl_read_sysreg(tpidr_el0), 0x0123456789abcdefull,
                "TPIDR_EL0");
    tl_check_eq(tl_read_sysreg(tpidr_el1), 0xfedcba9876543210ull,
                "TPIDR_EL1");
    tl_check_eq(tl_read_sysreg(tpidrro_el0), 0x5555aaaa5555aaaaull,
                "TPIDRRO_EL0");

    /* NZCV: write Z and C (bits 30, 29), then B.EQ and B.HS are taken */
    __asm__ volatile("msr nzcv, %1\n\t"
                     "mrs %0, nzcv" : "=r"(nzcv) : "r"(0x60000000ull));
    tl_check_eq(nzcv, 0x60000000, "NZCV read-back");
    __asm__ volatile("msr nzcv, %1\n\t"
                     "cset %0, eq" : "=r"(v) : "r"(0x40000000ull));
    tl_check_eq(v, 1, "MSR NZCV sets Z for B.EQ/CSET");

    /* an unallocated system register: UNDEFINED, EC 0, IL 1 */
    undef_esr = ~0ull;
    __asm__ volatile("adr %1, 1f\n"
                     "1: mrs %0, s3_0_c2_c15_7" : "=r"(v), "=&r"(nzcv));
    tl_check_eq(undef_esr, 0x02000000, "unknown MRS: ESR EC 0, IL 1");
    tl_check_eq(undef_elr, nzcv, "unknown MRS: ELR is the MRS");
    undef_esr = ~0ull;
    __asm__ volatile("msr s3_0_c2_c15_7, xzr");
    tl_check_eq(undef_esr, 0x02000000, "unknown MSR: ESR EC 0, IL 1");

    mmu_on();
    test_dc_zva();
    return tl_done();
}
