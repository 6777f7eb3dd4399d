/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * mmu-s2: stage 2 translation of the EL1&0 regime (HCR_EL2.VM), run with
 * -M virt,virtualization=on (the program starts at EL2).  EL2 builds the
 * stage 2 tables and runs `el1_body` at EL1, which records nothing
 * itself: every stage 2 fault goes to EL2, whose handler records ESR_EL2,
 * FAR_EL2 and HPFAR_EL2 and resumes EL1; an HVC ends the EL1 part and
 * EL2 checks the results.
 *
 * Stage 2 (VTCR_EL2: 4K granule, T0SZ = 25, SL0 = 1 -> start level 1,
 * PS = 40 bits), IPA -> PA:
 *   0x40000000  1 GiB block, identity, S2AP = 11 (RW)
 *   0x80000000  page `pg`, S2AP = 01 (read-only)
 *   0x80001000  invalid (translation fault, level 3)
 *   0x80002000  page `pg`, RW, XN
 *   0xC0000000  invalid (translation fault, level 1)
 * Stage 1 at EL1 (enabled half-way): TTBR0 1 GiB blocks VA 0x40000000 ->
 * IPA 0x40000000 and VA 0x80000000 -> IPA 0x80000000; TTBR1 = IPA
 * 0xC0000000, so a walk for 0xFFFFFF8000000000 reads its level 1
 * descriptor at an IPA stage 2 does not map: a stage 2 translation fault
 * at (stage 2) level 1 on the stage 1 walk (S1PTW).  The FSC level of
 * such a fault is the stage 2 lookup's (AArch64.SecondStageWalk returns
 * the stage 2 fault unchanged); both levels are 1 here.
 *
 * Expected values (Arm ARM DDI 0487, D17.2.37 ESR_EL2, D17.2.61
 * HPFAR_EL2): lower-EL data abort EC 0x24, instruction abort EC 0x20,
 * IL = 1, ISS.S1PTW bit 7, WnR bit 6 (0 for a fault on the walk), FSC
 * translation level 3 = 0b000111, permission level 3 = 0b001111;
 * HPFAR_EL2.FIPA [43:4] = IPA[47:12]; FAR_EL2 = the VA.
 */
#include "testlib.h"

#define D_TABLE    3ull
#define D_BLOCK    1ull
#define D_PAGE     3ull
#define D_AF       (1ull << 10)
#define D_SH       (3ull << 8)
#define S2_AP(n)   ((uint64_t)(n) << 6)
#define S2_NORMAL  (D_AF | D_SH | 0xfull << 2)   /* MemAttr Normal WB */
#define S2_XN      (1ull << 54)
#define S1_NORMAL  (D_AF | D_SH)                 /* AttrIndx 0 */

#define ESR(ec, iss) (((uint64_t)(ec) << 26) | (1u << 25) | (iss))

/*
 * ESR bits checked: EC, IL and ISS[9:0] (EA, CM, S1PTW, WnR, DFSC).  For
 * stage 2 data aborts on single-register loads and stores the hardware
 * may also report the instruction (ISV = 1 with SAS, SRT, ...), which
 * hemu does not provide yet; ISS[24:10] is not compared.
 */
#define ESR_MASK 0xfe0003ffull

static uint64_t s2_l1[512] __attribute__((aligned(4096)));
static uint64_t s2_l2[512] __attribute__((aligned(4096)));
static uint64_t s2_l3[512] __attribute__((aligned(4096)));
static uint64_t s1_l1[512] __attribute__((aligned(4096)));
static volatile uint64_t pg[512] __attribute__((aligned(4096)));
static uint64_t el1_stack[1024] __attribute__((aligned(16)));

/* EL2's record of the faults from EL1 */
#define NREC 8
static volatile uint64_t rec_esr[NREC], rec_far[NREC], rec_hpfar[NREC];
static volatile unsigned n_rec;
/* values EL1 loaded */
static volatile uint64_t el1_val[4];

static void el2_finish(void) __attribute__((noreturn));

static void on_sync_el2(struct tl_regs *r)
{
    unsigned ec = tl_esr_ec(r->esr);

    if (ec == TL_EC_HVC64) {
        r->elr = (uint64_t)el2_finish;
        r->spsr = 0x3c9;                        /* EL2h, DAIF masked */
        return;
    }
    if (n_rec < NREC) {
        rec_esr[n_rec] = r->esr & ESR_MASK;
        rec_far[n_rec] = r->far;
        rec_hpfar[n_rec] = tl_read_sysreg(hpfar_el2);
        n_rec++;
    }
    r->elr = ec == TL_EC_IABT_LOWER ? r->x[30] : r->elr + 4;
}

static uint64_t load(uint64_t va)
{
    uint64_t v = ~0ull;

    __asm__ volatile("ldr %0, [%1]" : "+r"(v) : "r"(va) : "memory");
    return v;
}

static void el1_s1_on(void)
{
    /* T0SZ 25, WB, IS, TG0 4K; T1SZ 25, WB, IS, TG1 4K; IPS 40 bits */
    uint64_t tcr = 25 | 1u << 8 | 1u << 10 | 3u << 12 | 25ull << 16 |
                   1ull << 24 | 1ull << 26 | 3ull << 28 | 2ull << 30 |
                   2ull << 32;

    tl_write_sysreg(mair_el1, 0xff);
    tl_write_sysreg(tcr_el1, tcr);
    tl_write_sysreg(ttbr0_el1, (uint64_t)s1_l1);
    tl_write_sysreg(ttbr1_el1, 0xC0000000ull);
    __asm__ volatile("dsb sy\n\ttlbi vmalle1\n\tdsb sy\n\tisb" ::: "memory");
    tl_write_sysreg(sctlr_el1, tl_read_sysreg(sctlr_el1) | 1);
    tl_isb();
}

/* EL1, stage 1 off (VA = IPA) then on. */
static void el1_body(void)
{
    el1_val[0] = load(0x80000008ull);
    __asm__ volatile("str %0, [%1]" :: "r"(1ull), "r"(0x80000008ull)
                     : "memory");
    load(0x80001010ull);
    __asm__ volatile("blr %0" :: "r"(0x80002000ull) : "x30", "memory");
    el1_s1_on();
    el1_val[1] = load(0x80000010ull);
    load(0xFFFFFF8000000000ull);
    __asm__ volatile("hvc #0x77" ::: "memory");
    for (;;) {
    }
}

static void el2_finish(void)
{
    uint64_t dabt = TL_EC_DABT_LOWER, iabt = TL_EC_IABT_LOWER;

    tl_check_eq(el1_val[0], 0x5555, "stage 2 RO page: load");
    tl_check_eq(el1_val[1], 0x6666, "stage 1 + stage 2: load");
    tl_check_eq(pg[1], 0x5555, "stage 2 RO page: store blocked");
    tl_check_eq(n_rec, 4, "four stage 2 faults");
    /* store to S2AP 01: permission level 3, WnR */
    tl_check_eq(rec_esr[0], ESR(dabt, 0x40 | 0x0f), "s2 permission: ESR");
    tl_check_eq(rec_far[0], 0x80000008ull, "s2 permission: FAR");
    tl_check_eq(rec_hpfar[0], 0x800000ull, "s2 permission: HPFAR");
    /* load from unmapped IPA: translation level 3 */
    tl_check_eq(rec_esr[1], ESR(dabt, 0x07), "s2 translation: ESR");
    tl_check_eq(rec_far[1], 0x80001010ull, "s2 translation: FAR");
    tl_check_eq(rec_hpfar[1], 0x800010ull, "s2 translation: HPFAR");
    /* fetch from XN: instruction abort, permission level 3 */
    tl_check_eq(rec_esr[2], ESR(iabt, 0x0f), "s2 XN: ESR");
    tl_check_eq(rec_far[2], 0x80002000ull, "s2 XN: FAR");
    tl_check_eq(rec_hpfar[2], 0x800020ull, "s2 XN: HPFAR");
    /* stage 1 walk reads IPA 0xC0000000: S1PTW, translation level 1 */
    tl_check_eq(rec_esr[3], ESR(dabt, 0x80 | 0x05), "s1ptw: ESR");
    tl_check_eq(rec_far[3], 0xFFFFFF8000000000ull, "s1ptw: FAR");
    tl_check_eq(rec_hpfar[3], 0xC00000ull, "s1ptw: HPFAR");
    tl_exit(tl_done());
}

static void build_tables(void)
{
    s2_l1[1] = 0x40000000ull | S2_NORMAL | S2_AP(3) | D_BLOCK;
    s2_l1[2] = (uint64_t)s2_l2 | D_TABLE;
    s2_l2[0] = (uint64_t)s2_l3 | D_TABLE;
    s2_l3[0] = (uint64_t)pg | S2_NORMAL | S2_AP(1) | D_PAGE;
    s2_l3[2] = (uint64_t)pg | S2_NORMAL | S2_AP(3) | S2_XN | D_PAGE;
    s1_l1[1] = 0x40000000ull | S1_NORMAL | D_BLOCK;
    s1_l1[2] = 0x80000000ull | S1_NORMAL | D_BLOCK;
    pg[0] = 0xd65f03c0;                 /* ret */
    pg[1] = 0x5555;
    pg[2] = 0x6666;
}

int main(void)
{
    /* VTCR: T0SZ 25, SL0 1, IRGN0/ORGN0 WB, SH0 IS, TG0 4K, PS 40 bits,
       bit 31 RES1 */
    uint64_t vtcr = 25 | 1u << 6 | 1u << 8 | 1u << 10 | 3u << 12 |
                    2u << 16 | 1ull << 31;

    if (tl_current_el() != 2) {
        tl_printf("mmu-s2: needs EL2 (-M virt,virtualization=on)\n");
        return 1;
    }
    tl_set_sync_handler(on_sync_el2);
    build_tables();
    tl_write_sysreg(vtcr_el2, vtcr);
    tl_write_sysreg(vttbr_el2, (uint64_t)s2_l1);
    tl_write_sysreg(hcr_el2, 1ull << 31 | 1);           /* RW, VM */
    tl_write_sysreg(sctlr_el1, 0x30d00800);             /* RES1 bits */
    __asm__ volatile("dsb sy\n\ttlbi alle1\n\tdsb sy\n\tisb" ::: "memory");
    tl_write_sysreg(sp_el1, (uint64_t)&el1_stack[1024]);
    tl_write_sysreg(elr_el2, (uint64_t)el1_body);
    tl_write_sysreg(spsr_el2, 0x3c5);                   /* EL1h, masked */
    __asm__ volatile("eret" ::: "memory");
    return 1;
}
