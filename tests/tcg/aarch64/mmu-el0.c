/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * mmu-el0: stage 1 permissions of the EL1&0 regime seen from EL0 and
 * from EL1 (Arm ARM DDI 0487, D8.4): AP[2:1] (00 EL1 RW / EL0 none, 01
 * RW both, 10 EL1 RO / EL0 none, 11 RO both), UXN and PXN, EL1 never
 * executing EL0-writable memory, the hierarchical APTable[1:0] and
 * UXNTable of table descriptors, and PSTATE.PAN (FEAT_PAN, when the CPU
 * has it: ID_AA64MMFR1_EL1.PAN != 0) which makes EL0-accessible memory
 * inaccessible to EL1 data accesses but not to LDTR nor to fetches.
 *
 * 4 KiB granule, T0SZ = 25 (start level 1).  Map (VA -> PA):
 *   0x40000000: the image, identity, AP 00, UXN (EL1 only)
 *   0x60000000: the image again, AP 01, PXN: the EL0 code runs here,
 *               reaching its data PC-relatively through this alias
 *   0x50000000 + n * 4K (L3b[n]): n = 0..3 the page `pg` with AP = n;
 *               n = 16..19 the page `code` (one RET): AP 11; AP 11 +
 *               UXN; AP 11 + PXN; AP 01
 *   0x50200000: table with APTable = 01, UXNTable: [0] `pg` AP 01,
 *               [1] `code` AP 11
 *   0x50400000: table with APTable = 10: [0] `pg` AP 00
 *
 * Syndromes (D17.2.37): EC 0x24/0x25 data abort from a lower / the same
 * EL, 0x20/0x21 instruction abort; IL = 1; WnR bit 6; permission fault
 * at level 3 = 0b001111.  ESR = EC << 26 | 1 << 25 | ISS.
 */
#include "testlib.h"

#define D_TABLE   3ull
#define D_BLOCK   1ull
#define D_PAGE    3ull
#define D_AF      (1ull << 10)
#define D_NORMAL  (D_AF | (3ull << 8))
#define D_AP(n)   ((uint64_t)(n) << 6)
#define D_PXN     (1ull << 53)
#define D_UXN     (1ull << 54)
#define T_UXN     (1ull << 60)
#define T_AP(n)   ((uint64_t)(n) << 61)

#define RAM       0x40000000ull
#define ALIAS     0x60000000ull
#define PG(n)     (0x50000000ull + (n) * 4096ull)
#define ESR(ec, iss) (((uint64_t)(ec) << 26) | (1u << 25) | (iss))
#define PERM3     0x0f
#define WNR       0x40

static uint64_t l1[512] __attribute__((aligned(4096)));
static uint64_t l2a[512] __attribute__((aligned(4096)));
static uint64_t l3a[512] __attribute__((aligned(4096)));
static uint64_t l3alias[512] __attribute__((aligned(4096)));
static uint64_t l3b[512] __attribute__((aligned(4096)));
static uint64_t l3c[512] __attribute__((aligned(4096)));
static uint64_t l3d[512] __attribute__((aligned(4096)));
static volatile uint64_t pg[512] __attribute__((aligned(4096)));
static uint32_t code[1024] __attribute__((aligned(4096)));
static uint64_t el0_stack[512] __attribute__((aligned(16)));

static volatile uint64_t fault_esr, fault_far;
static volatile unsigned n_faults;
/* what the EL0 code saw: [i] = (faults << 32) | esr low bits */
static volatile uint64_t el0_res[16];

static void on_sync(struct tl_regs *r)
{
    unsigned ec = tl_esr_ec(r->esr);

    fault_esr = r->esr;
    fault_far = r->far;
    n_faults++;
    if (ec == TL_EC_IABT_LOWER || ec == TL_EC_IABT_CUR) {
        r->elr = r->x[30];              /* a call to a page: return */
    } else {
        r->elr += 4;
    }
}

static void fault_reset(void)
{
    n_faults = 0;
    fault_esr = fault_far = 0;
}

static uint64_t load(uint64_t va)
{
    uint64_t v = ~0ull;

    __asm__ volatile("ldr %0, [%1]" : "+r"(v) : "r"(va) : "memory");
    return v;
}

static void store(uint64_t va, uint64_t v)
{
    __asm__ volatile("str %0, [%1]" :: "r"(v), "r"(va) : "memory");
}

static void call(uint64_t va)
{
    __asm__ volatile("blr %0" :: "r"(va) : "x30", "memory");
}

/* ---- EL0 side: results go to el0_res[] (no printing at EL0) --------- */

static void el0_record(unsigned i, unsigned n0)
{
    unsigned n = n_faults - n0;

    el0_res[i] = n ? (uint64_t)n << 32 | (fault_esr & 0xffffffff) : 0;
}

static void el0_body(void)
{
    unsigned n;

    n = n_faults; load(PG(0)); el0_record(0, n);          /* AP 00 */
    n = n_faults; load(PG(1)); store(PG(1), 9); el0_record(1, n);
    n = n_faults; load(PG(2)); el0_record(2, n);          /* AP 10 */
    n = n_faults; load(PG(3)); el0_record(3, n);          /* AP 11 */
    n = n_faults; store(PG(3), 1); el0_record(4, n);
    n = n_faults; call(PG(16)); el0_record(5, n);         /* exec ok */
    n = n_faults; call(PG(17)); el0_record(6, n);         /* UXN */
    n = n_faults; call(PG(18)); el0_record(7, n);         /* PXN only */
    n = n_faults; call(PG(19)); el0_record(8, n);         /* AP 01 */
    n = n_faults; load(0x50200000ull); el0_record(9, n);  /* APTable 01 */
    n = n_faults; call(0x50201000ull); el0_record(10, n); /* UXNTable */
    tl_el0_return();
}

static void (*to_alias(void (*fn)(void)))(void)
{
    return (void (*)(void))((uint64_t)fn - RAM + ALIAS);
}

/* ---- set-up --------------------------------------------------------- */

static void build_tables(void)
{
    l1[1] = (uint64_t)l2a | D_TABLE;
    l2a[0] = (uint64_t)l3a | D_TABLE;
    l2a[256] = (uint64_t)l3alias | D_TABLE;
    for (unsigned i = 0; i < 512; i++) {
        l3a[i] = (RAM + i * 4096ull) | D_NORMAL | D_UXN | D_PAGE;
        l3alias[i] = (RAM + i * 4096ull) | D_NORMAL | D_AP(1) | D_PXN |
                     D_PAGE;
    }
    for (unsigned i = 1; i < 64; i++) {
        l2a[i] = (RAM + i * 0x200000ull) | D_NORMAL | D_UXN | D_BLOCK;
    }
    l2a[128] = (uint64_t)l3b | D_TABLE;
    for (unsigned n = 0; n < 4; n++) {
        l3b[n] = (uint64_t)pg | D_NORMAL | D_AP(n) | D_UXN | D_PXN | D_PAGE;
    }
    l3b[16] = (uint64_t)code | D_NORMAL | D_AP(3) | D_PAGE;
    l3b[17] = (uint64_t)code | D_NORMAL | D_AP(3) | D_UXN | D_PAGE;
    l3b[18] = (uint64_t)code | D_NORMAL | D_AP(3) | D_PXN | D_PAGE;
    l3b[19] = (uint64_t)code | D_NORMAL | D_AP(1) | D_PAGE;
    l2a[129] = (uint64_t)l3c | T_AP(1) | T_UXN | D_TABLE;
    l3c[0] = (uint64_t)pg | D_NORMAL | D_AP(1) | D_PAGE;
    l3c[1] = (uint64_t)code | D_NORMAL | D_AP(3) | D_PAGE;
    l2a[130] = (uint64_t)l3d | T_AP(2) | D_TABLE;
    l3d[0] = (uint64_t)pg | D_NORMAL | D_AP(0) | D_PAGE;
    code[0] = 0xd65f03c0;               /* ret */
}

static void mmu_on(void)
{
    /* T0SZ 25, IRGN0/ORGN0 WB, SH0 IS, TG0 4K, EPD1, IPS 40 bits */
    uint64_t tcr = 25 | 1u << 8 | 1u << 10 | 3u << 12 | 1u << 23 |
                   2ull << 32;

    tl_write_sysreg(mair_el1, 0xff);
    tl_write_sysreg(tcr_el1, tcr);
    tl_write_sysreg(ttbr0_el1, (uint64_t)l1);
    __asm__ volatile("dsb sy\n\tic iallu\n\tdsb sy\n\tisb" ::: "memory");
    /* M, C, I; SPAN (bit 23) = 1: exception entry leaves PAN alone */
    tl_write_sysreg(sctlr_el1, tl_read_sysreg(sctlr_el1) | 1 | 1 << 2 |
                    1 << 12 | 1 << 23);
    tl_isb();
}

/* ---- checks --------------------------------------------------------- */

static void test_el0(void)
{
    uint64_t dabt = ESR(TL_EC_DABT_LOWER, PERM3) & 0xffffffff;
    uint64_t iabt = ESR(TL_EC_IABT_LOWER, PERM3) & 0xffffffff;
    uint64_t one = 1ull << 32;

    pg[0] = 0x1234;
    fault_reset();
    tl_run_el0(to_alias(el0_body), (void *)(&el0_stack[512]) - RAM + ALIAS);
    tl_check_eq(el0_res[0], one | dabt, "EL0 load, AP 00: permission");
    tl_check_eq(el0_res[1], 0, "EL0 load+store, AP 01: allowed");
    tl_check_eq(el0_res[2], one | dabt, "EL0 load, AP 10: permission");
    tl_check_eq(el0_res[3], 0, "EL0 load, AP 11: allowed");
    tl_check_eq(el0_res[4], one | dabt | WNR, "EL0 store, AP 11: WnR");
    tl_check_eq(el0_res[5], 0, "EL0 exec, AP 11: allowed");
    tl_check_eq(el0_res[6], one | iabt, "EL0 exec, UXN: instr abort");
    tl_check_eq(el0_res[7], 0, "EL0 exec, PXN only: allowed");
    tl_check_eq(el0_res[8], 0, "EL0 exec, AP 01: allowed");
    tl_check_eq(el0_res[9], one | dabt, "EL0 load under APTable 01");
    tl_check_eq(el0_res[10], one | iabt, "EL0 exec under UXNTable");
    tl_check_eq(pg[0], 9, "EL0 store reached the page");
}

static void check_el1(uint64_t va, int op, uint64_t esr, const char *what)
{
    fault_reset();
    if (op == 0) {
        load(va);
    } else if (op == 1) {
        store(va, pg[0]);
    } else {
        call(va);
    }
    tl_check_eq(n_faults, esr ? 1 : 0, what);
    if (esr) {
        tl_check_eq(fault_esr, esr, what);
        tl_check_eq(fault_far, va, what);
    }
}

static void test_el1(void)
{
    uint64_t dabt = ESR(TL_EC_DABT_CUR, PERM3);
    uint64_t iabt = ESR(TL_EC_IABT_CUR, PERM3);

    check_el1(PG(0), 1, 0, "EL1 store, AP 00: allowed");
    check_el1(PG(1), 1, 0, "EL1 store, AP 01: allowed");
    check_el1(PG(2), 0, 0, "EL1 load, AP 10: allowed");
    check_el1(PG(2), 1, dabt | WNR, "EL1 store, AP 10: permission");
    check_el1(PG(3), 1, dabt | WNR, "EL1 store, AP 11: permission");
    check_el1(PG(16), 2, 0, "EL1 exec, AP 11: allowed");
    check_el1(PG(17), 2, 0, "EL1 exec, UXN only: allowed");
    check_el1(PG(18), 2, iabt, "EL1 exec, PXN: instr abort");
    check_el1(PG(19), 2, iabt, "EL1 exec, EL0-writable: instr abort");
    check_el1(0x50200000ull, 1, 0, "EL1 store under APTable 01");
    check_el1(0x50201000ull, 2, 0, "EL1 exec under UXNTable");
    check_el1(0x50400000ull, 0, 0, "EL1 load under APTable 10");
    check_el1(0x50400000ull, 1, dabt | WNR, "EL1 store under APTable 10");
}

/* MSR PAN, #imm (C5.2.x): 0xd500401f | op2 4 << 5 | CRm imm << 8 */
#define SET_PAN(on) __asm__ volatile(".inst 0xd500409f | (" #on " << 8)" \
                                     ::: "memory")

static void test_pan(void)
{
    uint64_t dabt = ESR(TL_EC_DABT_CUR, PERM3);
    uint64_t v = 0;

    if (((tl_read_sysreg(id_aa64mmfr1_el1) >> 20) & 0xf) == 0) {
        tl_puts("no FEAT_PAN: PAN checks skipped\n");
        return;
    }
    SET_PAN(1);
    check_el1(PG(0), 0, 0, "PAN: EL1 load, AP 00: allowed");
    check_el1(PG(1), 0, dabt, "PAN: EL1 load, AP 01: permission");
    check_el1(PG(3), 0, dabt, "PAN: EL1 load, AP 11: permission");
    check_el1(PG(1), 1, dabt | WNR, "PAN: EL1 store, AP 01: permission");
    check_el1(PG(16), 2, 0, "PAN: EL1 exec, AP 11: allowed");
    fault_reset();
    __asm__ volatile("ldtr %0, [%1]" : "+r"(v) : "r"(PG(1)) : "memory");
    tl_check_eq(n_faults, 0, "PAN: LDTR, AP 01: allowed");
    tl_check_eq(v, pg[0], "PAN: LDTR value");
    SET_PAN(0);
    check_el1(PG(1), 0, 0, "PAN off: EL1 load, AP 01: allowed");
}

int main(void)
{
    tl_set_sync_handler(on_sync);
    build_tables();
    mmu_on();
    test_el0();
    test_el1();
    test_pan();
    return tl_done();
}
