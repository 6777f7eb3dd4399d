/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The GICv3 CPU interface system registers (ICC_*) as rows of the system
 * register table (sysreg.h); sysreg.c's lookup searches this table too.
 * Each row forwards to the CPU interface in hw/gicv3-cpuif.c through
 * arm_gicv3_icc_read/write, which take the GIC's lock; the rows hold no
 * state in env.
 *
 * Invariants: a vCPU with no GICv3 attached finds no CPU interface and
 * every ICC_* access is UNDEFINED (ID_AA64PFR0_EL1.GIC = 0 then).  The
 * system register interface is always enabled (ICC_SRE_ELx.SRE reads 1,
 * writes ignored).  Virtualization (ICH_*, HCR_EL2.IMO/FMO redirecting
 * EL1 accesses to ICV_*) is not implemented: EL1 accesses always reach
 * the physical CPU interface.
 * Spec: Arm IHI 0069, 12.2 (ICC_* registers and their encodings).
 */
#include "sysreg.h"
#include "hw/gic-common.h"

#define K(op0, op1, crn, crm, op2) ARM_SYSREG_KEY(op0, op1, crn, crm, op2)
#define NEVER ARM_SR_NEVER

/* Which CPU interface register each encoding names. */
static const struct {
    uint32_t key;
    GICv3ICCReg reg;
} icc_keys[] = {
    { K(3, 0, 4, 6, 0), ICC_REG_PMR },
    { K(3, 0, 12, 8, 0), ICC_REG_IAR0 },
    { K(3, 0, 12, 8, 1), ICC_REG_EOIR0 },
    { K(3, 0, 12, 8, 2), ICC_REG_HPPIR0 },
    { K(3, 0, 12, 8, 3), ICC_REG_BPR0 },
    { K(3, 0, 12, 8, 4), ICC_REG_AP0R0 },
    { K(3, 0, 12, 9, 0), ICC_REG_AP1R0 },
    { K(3, 0, 12, 11, 1), ICC_REG_DIR },
    { K(3, 0, 12, 11, 3), ICC_REG_RPR },
    { K(3, 0, 12, 11, 5), ICC_REG_SGI1R },
    { K(3, 0, 12, 11, 7), ICC_REG_SGI0R },
    { K(3, 0, 12, 12, 0), ICC_REG_IAR1 },
    { K(3, 0, 12, 12, 1), ICC_REG_EOIR1 },
    { K(3, 0, 12, 12, 2), ICC_REG_HPPIR1 },
    { K(3, 0, 12, 12, 3), ICC_REG_BPR1 },
    { K(3, 0, 12, 12, 4), ICC_REG_CTLR },
    { K(3, 0, 12, 12, 5), ICC_REG_SRE },
    { K(3, 0, 12, 12, 6), ICC_REG_IGRPEN0 },
    { K(3, 0, 12, 12, 7), ICC_REG_IGRPEN1 },
    { K(3, 4, 12, 9, 5), ICC_REG_SRE },
    { K(3, 6, 12, 12, 5), ICC_REG_SRE },
    { K(3, 6, 12, 12, 7), ICC_REG_IGRPEN1_EL3 },
};

static GICv3ICCReg icc_reg_of(uint32_t key)
{
    for (size_t i = 0; i < G_N_ELEMENTS(icc_keys); i++) {
        if (icc_keys[i].key == key) {
            return icc_keys[i].reg;
        }
    }
    g_assert_not_reached();     /* every row below has an entry above */
}

/* UNDEFINED without a GICv3 CPU interface. */
static ARMSysRegCheck access_icc(CPUARMState *env, const ARMSysReg *r,
                                 bool is_read)
{
    return arm_gicv3_has_cpuif(env) ? ARM_SR_OK : ARM_SR_UNDEF;
}

static uint64_t read_icc(CPUARMState *env, const ARMSysReg *r)
{
    GICv3CPU *c = arm_gicv3_cpuif_of(arm_env_cpu(env));
    uint64_t v = arm_gicv3_icc_read(c, icc_reg_of(r->key));

    /* ICC_SRE_EL2/EL3 also have Enable (bit 3): lower ELs may use it */
    if (r->key != K(3, 0, 12, 12, 5) && icc_reg_of(r->key) == ICC_REG_SRE) {
        v |= 1u << 3;
    }
    return v;
}

static void write_icc(CPUARMState *env, const ARMSysReg *r, uint64_t v,
                      uintptr_t ra)
{
    GICv3CPU *c = arm_gicv3_cpuif_of(arm_env_cpu(env));

    arm_gicv3_icc_write(c, icc_reg_of(r->key), v);
}

#define ICC(nm, k, rd, wr, fl) \
    { .key = (k), .name = (nm), .rd_el = (rd), .wr_el = (wr), \
      .flags = (fl), .offset = -1, .access = access_icc, \
      .read = read_icc, .write = write_icc }
#define ICC_RW(nm, k) ICC(nm, k, 1, 1, 0)
#define ICC_RO(nm, k) ICC(nm, k, 1, NEVER, 0)
#define ICC_WO(nm, k) ICC(nm, k, NEVER, 1, 0)

const ARMSysReg arm_gic_sysreg_table[] = {
    ICC_RW("ICC_PMR_EL1", K(3, 0, 4, 6, 0)),
    ICC_RO("ICC_IAR0_EL1", K(3, 0, 12, 8, 0)),
    ICC_WO("ICC_EOIR0_EL1", K(3, 0, 12, 8, 1)),
    ICC_RO("ICC_HPPIR0_EL1", K(3, 0, 12, 8, 2)),
    ICC_RW("ICC_BPR0_EL1", K(3, 0, 12, 8, 3)),
    ICC_RW("ICC_AP0R0_EL1", K(3, 0, 12, 8, 4)),
    ICC_RW("ICC_AP1R0_EL1", K(3, 0, 12, 9, 0)),
    ICC_WO("ICC_DIR_EL1", K(3, 0, 12, 11, 1)),
    ICC_RO("ICC_RPR_EL1", K(3, 0, 12, 11, 3)),
    ICC_WO("ICC_SGI1R_EL1", K(3, 0, 12, 11, 5)),
    ICC_WO("ICC_SGI0R_EL1", K(3, 0, 12, 11, 7)),
    ICC_RO("ICC_IAR1_EL1", K(3, 0, 12, 12, 0)),
    ICC_WO("ICC_EOIR1_EL1", K(3, 0, 12, 12, 1)),
    ICC_RO("ICC_HPPIR1_EL1", K(3, 0, 12, 12, 2)),
    ICC_RW("ICC_BPR1_EL1", K(3, 0, 12, 12, 3)),
    ICC_RW("ICC_CTLR_EL1", K(3, 0, 12, 12, 4)),
    ICC_RW("ICC_SRE_EL1", K(3, 0, 12, 12, 5)),
    ICC_RW("ICC_IGRPEN0_EL1", K(3, 0, 12, 12, 6)),
    ICC_RW("ICC_IGRPEN1_EL1", K(3, 0, 12, 12, 7)),
    ICC("ICC_SRE_EL2", K(3, 4, 12, 9, 5), 2, 2, ARM_SRF_EL2),
    ICC("ICC_SRE_EL3", K(3, 6, 12, 12, 5), 3, 3, ARM_SRF_EL3),
    ICC("ICC_IGRPEN1_EL3", K(3, 6, 12, 12, 7), 3, 3, ARM_SRF_EL3),
};
const size_t arm_gic_sysreg_count = G_N_ELEMENTS(arm_gic_sysreg_table);
