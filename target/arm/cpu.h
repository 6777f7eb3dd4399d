/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The AArch64 vCPU: its QOM type, its architectural state (`env`) and the
 * per-model description (ID registers, feature bits).  Private to
 * target/arm/; hw/ reaches the CPU only through its QOM properties, IRQ
 * inputs and the generic-timer outputs.
 *
 * State conventions (every file of the frontend relies on them):
 * - xregs[0..30] are X0..X30; xregs[31] is the stack pointer *currently
 *   selected* (SP_EL0 or SP_ELx by PSTATE.EL and PSTATE.SP).  sp_el[n]
 *   holds the others; arm_swap_sp() moves the live one in and out when
 *   EL or SPSel changes.  The zero register is never stored.
 * - NZCV lives in four 64-bit words so that flag-setting instructions are
 *   a few IR ops: N is bit 63 of NF, Z is set iff ZF == 0, C is CF (0 or
 *   1), V is bit 63 of VF.  32-bit operations store sign-extended NF/VF
 *   and a zero-extended ZF.
 * - PSTATE.DAIF is `daif` with the SPSR bit positions (D 9, A 8, I 7,
 *   F 6); the other PSTATE bits (EL 3:2, SP 0, PAN 22, UAO 23, DIT 24,
 *   SSBS 12, BTYPE 11:10, IL 20, SS 21) are in `pstate`, also in SPSR
 *   positions.  arm_pstate_read()/arm_pstate_write() convert to and from
 *   the SPSR_ELx format.
 * Spec: Arm ARM DDI 0487, D1 (AArch64 system level programmer's model),
 * D17 (AArch64 system register descriptions).
 */
#ifndef TARGET_ARM_CPU_H
#define TARGET_ARM_CPU_H

#include "hemu/osdep.h"
#include "exec/cpu.h"
#include "disas.h"
#include "util/softfloat.h"

#define TYPE_ARM_CPU "aarch64-cpu"
/* The model types are "<model>-aarch64-cpu", e.g. "cortex-a57-aarch64-cpu". */
#define ARM_CPU_TYPE_SUFFIX "-" TYPE_ARM_CPU

/* exception_index values (< EXCP_FIRST_ACCEL); env->exception says more. */
enum {
    EXCP_UDEF = 1,          /* UNDEFINED instruction (EC 0x00 or given) */
    EXCP_SWI = 2,           /* SVC */
    EXCP_PREFETCH_ABORT = 3,
    EXCP_DATA_ABORT = 4,
    EXCP_IRQ = 5,
    EXCP_FIQ = 6,
    EXCP_BKPT = 7,          /* BRK */
    EXCP_HVC = 11,
    EXCP_SMC = 13,
    EXCP_VIRQ = 14,
    EXCP_VFIQ = 15,
    EXCP_SEMIHOST = 16,     /* HLT #0xF000 with -semihosting */
    EXCP_VSERR = 17,
    EXCP_UNALIGNED = 18,    /* alignment fault: data abort, given syndrome */
    EXCP_SYNC = 19,         /* any other synchronous exception: the
                               syndrome in env->exception says which */
};

/* IRQ input lines of the CPU (qdev GPIO inputs, TargetArch.nb_irq_lines) */
enum {
    ARM_CPU_IRQ = 0,
    ARM_CPU_FIQ = 1,
    ARM_CPU_VIRQ = 2,
    ARM_CPU_VFIQ = 3,
    ARM_CPU_NB_IRQ_LINES = 4,
};

/* Generic timers of one vCPU (D11), index of env->cp.cnt[] */
enum {
    GTIMER_PHYS = 0,        /* CNTP_*_EL0 */
    GTIMER_VIRT = 1,        /* CNTV_*_EL0 */
    GTIMER_HYP = 2,         /* CNTHP_*_EL2 */
    GTIMER_SEC = 3,         /* CNTPS_*_EL1 */
    GTIMER_COUNT = 4,
};

/*
 * MMU indexes (TargetArch.nb_mmu_idx = ARM_MMU_IDX_COUNT).  Each names a
 * translation regime and privilege: one TLB per index.
 */
typedef enum ARMMMUIdx {
    ARM_MMU_E10_0 = 0,      /* EL1&0 regime, EL0 access (and LDTR/STTR) */
    ARM_MMU_E10_1 = 1,      /* EL1&0 regime, EL1 access */
    ARM_MMU_E10_1_PAN = 2,  /* EL1 access with PSTATE.PAN set */
    ARM_MMU_E2 = 3,         /* EL2 regime */
    ARM_MMU_E3 = 4,         /* EL3 regime */
    ARM_MMU_E20_0 = 5,      /* EL2&0 (VHE) regime, EL0: reserved */
    ARM_MMU_E20_2 = 6,      /* EL2&0 (VHE) regime, EL2: reserved */
    ARM_MMU_PHYS = 7,       /* no translation: physical (semihosting,
                               debug); never used by generated code */
    ARM_MMU_IDX_COUNT = 8,
} ARMMMUIdx;

/* PSTATE bits in `pstate` (SPSR_ELx positions). */
#define PSTATE_SP       (1u << 0)
#define PSTATE_EL_SHIFT 2
#define PSTATE_EL_MASK  (3u << 2)
#define PSTATE_nRW      (1u << 4)   /* 1: AArch32: never set here */
#define PSTATE_F        (1u << 6)
#define PSTATE_I        (1u << 7)
#define PSTATE_A        (1u << 8)
#define PSTATE_D        (1u << 9)
#define PSTATE_DAIF     (PSTATE_D | PSTATE_A | PSTATE_I | PSTATE_F)
#define PSTATE_BTYPE_SHIFT 10
#define PSTATE_BTYPE    (3u << 10)
#define PSTATE_SSBS     (1u << 12)
#define PSTATE_IL       (1u << 20)
#define PSTATE_SS       (1u << 21)
#define PSTATE_PAN      (1u << 22)
#define PSTATE_UAO      (1u << 23)
#define PSTATE_DIT      (1u << 24)
#define PSTATE_V        (1u << 28)
#define PSTATE_C        (1u << 29)
#define PSTATE_Z        (1u << 30)
#define PSTATE_N        (1u << 31)
#define PSTATE_NZCV     (0xfu << 28)

/*
 * One CPU model: everything the guest can read about it and everything
 * the decoder and the system registers derive from it.  Rows live in
 * cpu-models.c (one declarative table).
 */
typedef struct ARMCPUModel {
    const char *name;           /* "cortex-a57"; the QOM type adds the
                                   ARM_CPU_TYPE_SUFFIX */
    const char *description;
    uint64_t midr, revidr, ctr, dczid, clidr, aidr;
    uint64_t id_aa64pfr0, id_aa64pfr1;
    uint64_t id_aa64dfr0, id_aa64dfr1;
    uint64_t id_aa64isar0, id_aa64isar1, id_aa64isar2;
    uint64_t id_aa64mmfr0, id_aa64mmfr1, id_aa64mmfr2;
    uint64_t id_aa64zfr0, id_aa64smfr0;
    uint64_t ccsidr[16];        /* by CSSELR: (level - 1) << 1 | InD */
    uint64_t cntfrq;            /* Hz of the system counter (CNTFRQ_EL0) */
    uint32_t reset_sctlr;       /* SCTLR_EL1 RES1 bits at reset */
    uint8_t highest_el;         /* 1..3 implemented */
    uint8_t pa_bits;            /* physical address bits (PARange) */
} ARMCPUModel;

/* ISA features the translator tests, derived from the ID registers. */
enum {
    ARM_FEAT_CRC32 = A64_FEAT_CRC32,
    ARM_FEAT_LSE = A64_FEAT_LSE,
    ARM_FEAT_PAUTH = A64_FEAT_PAUTH,
    ARM_FEAT_BTI = A64_FEAT_BTI,
    ARM_FEAT_PAN = 1u << 8,     /* ID_AA64MMFR1.PAN */
    ARM_FEAT_AES = 1u << 9,
    ARM_FEAT_PMULL = 1u << 10,
    ARM_FEAT_SHA1 = 1u << 11,
    ARM_FEAT_SHA256 = 1u << 12,
    ARM_FEAT_SHA512 = 1u << 13,
    ARM_FEAT_SHA3 = 1u << 14,
    ARM_FEAT_FP16 = 1u << 15,
    ARM_FEAT_RDM = 1u << 16,
    ARM_FEAT_ATOMICS = ARM_FEAT_LSE,
    ARM_FEAT_VHE = 1u << 17,
    ARM_FEAT_EL2 = 1u << 18,
    ARM_FEAT_EL3 = 1u << 19,
    ARM_FEAT_FLAGM = 1u << 20,
    ARM_FEAT_LRCPC = 1u << 21,
};

/* A pending synchronous exception, filled before raising. */
typedef struct ARMException {
    uint32_t syndrome;          /* ESR_ELx value (EC, IL, ISS) */
    uint64_t vaddress;          /* FAR_ELx for aborts, watchpoints */
    uint64_t ipa;               /* HPFAR for stage-2 faults */
    uint8_t target_el;          /* 1..3 */
} ARMException;

/* One generic timer's registers (D11.2). */
typedef struct ARMGenericTimer {
    uint64_t cval;              /* CompareValue (absolute counter ticks) */
    uint32_t ctl;               /* ENABLE 0, IMASK 1, ISTATUS 2 (computed) */
} ARMGenericTimer;

/*
 * System registers with state.  Indexed by EL where the architecture has
 * one per EL; entry 0 of an EL1..EL3 array is unused.  What each bit
 * means: the Arm ARM register descriptions (D17).
 */
typedef struct ARMSysRegs {
    uint64_t sctlr_el[4];
    uint64_t actlr_el[4];
    uint64_t tcr_el[4];
    uint64_t ttbr0_el[4];
    uint64_t ttbr1_el[4];       /* [1], [2] with VHE */
    uint64_t mair_el[4];
    uint64_t amair_el[4];
    uint64_t vbar_el[4];
    uint64_t esr_el[4];
    uint64_t far_el[4];
    uint64_t afsr0_el[4];
    uint64_t afsr1_el[4];
    uint64_t elr_el[4];
    uint64_t spsr_el[4];
    uint64_t tpidr_el[4];       /* [0] is TPIDR_EL0 */
    uint64_t tpidrro_el0;
    uint64_t contextidr_el1;
    uint64_t cpacr_el1;
    uint64_t cptr_el[4];        /* [2] CPTR_EL2, [3] CPTR_EL3 */
    uint64_t par_el1;
    uint64_t csselr_el1;
    uint64_t hcr_el2;
    uint64_t hstr_el2;
    uint64_t hacr_el2;
    uint64_t mdcr_el2;
    uint64_t vttbr_el2;
    uint64_t vtcr_el2;
    uint64_t hpfar_el2;
    uint64_t vpidr_el2;
    uint64_t vmpidr_el2;
    uint64_t scr_el3;
    uint64_t mdcr_el3;
    uint64_t rvbar_el3;
    uint64_t mdscr_el1;
    uint64_t oslsr_el1;
    uint64_t mpidr;             /* MPIDR_EL1 value for this vCPU */
    uint64_t cntkctl_el1;
    uint64_t cnthctl_el2;
    uint64_t cntvoff_el2;
    uint64_t cntfrq_el0;
    ARMGenericTimer cnt[GTIMER_COUNT];
    uint64_t fpcr, fpsr;        /* FP control/status (issue 5 fills in) */
    uint64_t pmcr_el0;
    uint64_t pmuserenr_el0;
    uint64_t disr_el1;
    uint64_t dbgbcr[16], dbgbvr[16], dbgwcr[16], dbgwvr[16];
    uint64_t apkey[10];         /* PAuth keys IA lo/hi, IB, DA, DB, GA */
} ARMSysRegs;

typedef struct CPUARMState {
    /* --- what generated code reads and writes (IR globals) ---------- */
    uint64_t xregs[32];         /* X0..X30, [31] = current SP */
    uint64_t pc;
    uint64_t NF;                /* N = bit 63 */
    uint64_t ZF;                /* Z = (ZF == 0) */
    uint64_t CF;                /* C = CF, 0 or 1 */
    uint64_t VF;                /* V = bit 63 */
    /* exclusive monitor (D7.2 / B2.9): the address and value(s) loaded
       by the last LDXR/LDAXR/LDXP; exclusive_addr == -1: open */
    uint64_t exclusive_addr;
    uint64_t exclusive_val;
    uint64_t exclusive_high;
    /* --- PSTATE other than NZCV ------------------------------------- */
    uint32_t daif;              /* PSTATE_DAIF bits */
    uint32_t pstate;            /* EL, SP, PAN, UAO, DIT, SSBS, ... */
    /* --- the vector registers (issue 5): V0..V31 as 2 x 64 bits ----- */
    uint64_t vregs[32][2] __attribute__((aligned(16)));
    /* FP status (modes from FPCR, sticky flags merged into FPSR on
       read): one for single/double, one for half precision (FPCR.FZ16) */
    FloatStatus fp_status;
    FloatStatus fp_status_f16;
    /* --- system state ----------------------------------------------- */
    uint64_t sp_el[4];          /* SP_EL0..SP_EL3 while not selected */
    ARMSysRegs cp;
    ARMException exception;
    uint32_t irq_lines;         /* unused: the levels of the ARM_CPU_*
                                   inputs are the bits 1 << ARM_CPU_* of
                                   CPUState.interrupt_request */
    bool event_register;        /* the WFE event register (SEV, SEVL) */
    bool powered_off;           /* PSCI CPU_OFF / not yet CPU_ON */
    /* --- constant after realize ------------------------------------- */
    uint32_t features;          /* ARM_FEAT_*, from the model */
    const ARMCPUModel *model;
} CPUARMState;

typedef struct ARMCPU ARMCPU;
typedef struct ARMCPUClass ARMCPUClass;
typedef struct ARMTimers ARMTimers;

struct ARMCPUClass {
    CPUClass parent_class;
    const ARMCPUModel *model;   /* NULL for the abstract TYPE_ARM_CPU */
    bool (*parent_realize)(Object *obj, Error **errp);
};

struct ARMCPU {
    CPUState parent_obj;
    CPUARMState env;
    /* properties */
    uint64_t rvbar;             /* "rvbar": reset pc */
    uint32_t mp_affinity;       /* "mp-affinity": Aff2:Aff1:Aff0 of MPIDR;
                                   default: the cpu_index */
    bool start_powered_off;     /* "start-powered-off": wait for PSCI
                                   CPU_ON (secondaries) */
    bool has_el2, has_el3;      /* "has-el2", "has-el3" (default: false,
                                   the model's highest EL otherwise) */
    int psci_conduit;           /* "psci-conduit": 0 none, 1 HVC, 2 SMC */
    bool semihosting;           /* "semihosting": HLT #0xF000 is a call */
    char *semihosting_root;     /* "semihosting-root": OPEN's directory;
                                   NULL: current directory */
    uint64_t gt_freq;           /* "cntfrq": system counter Hz; 0: the
                                   model's (62.5 MHz when it has none) */
    /* the generic timers' outputs and clock (target/arm/hw/gtimer.c) */
    ARMTimers *timers;
    /* the GICv3 CPU interface serving this vCPU (ICC_* registers), set
       by the GIC at its realize; NULL: no GICv3 (ICC_* UNDEFINED) */
    struct GICv3CPU *gicv3_cpuif;
    /* a hemu-exit request from semihosting EXIT: code for the machine */
    int semihosting_exit_code;
};

OBJECT_DECLARE_TYPE(ARMCPU, ARMCPUClass, ARM_CPU)

/* The frontend table (cpu.c). */
extern const TargetArch aarch64_arch;

static inline CPUARMState *arm_env(CPUState *cpu)
{
    return &((ARMCPU *)cpu)->env;
}

static inline ARMCPU *arm_env_cpu(CPUARMState *env)
{
    return container_of(env, ARMCPU, env);
}

static inline CPUState *arm_env_cs(CPUARMState *env)
{
    return &arm_env_cpu(env)->parent_obj;
}

static inline unsigned arm_current_el(const CPUARMState *env)
{
    return (env->pstate & PSTATE_EL_MASK) >> PSTATE_EL_SHIFT;
}

static inline bool arm_feature(const CPUARMState *env, uint32_t feat)
{
    return (env->features & feat) == feat;
}

/* Highest implemented EL of this vCPU (1..3). */
unsigned arm_highest_el(const CPUARMState *env);

/* The SPSR_ELx image of PSTATE, and setting PSTATE from one (no SP swap). */
uint32_t arm_pstate_read(const CPUARMState *env);
void arm_pstate_write(CPUARMState *env, uint32_t spsr);

/*
 * Change the selected stack pointer after PSTATE.EL/SP changed: save
 * xregs[31] into the slot of @old_el/@old_sp and load the new one.
 */
void arm_swap_sp(CPUARMState *env, unsigned old_el, bool old_sp);

/* The model table (cpu-models.c), NULL-terminated. */
extern const ARMCPUModel *const arm_cpu_models[];

#endif
