/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The Hexagon vCPU: one hardware thread of a Hexagon core.
 *
 * A Hexagon core runs up to 8 hardware threads; hemu makes each thread a
 * vCPU of one cluster.  Per thread: R0-R31, the control registers C0-C31
 * (P3:0 kept as four 8-bit predicates, PC separately), system registers
 * s0-s15 and the guest registers G0-G31.  Shared by the threads of a core
 * (HexagonShared, allocated by thread 0 at realize and referenced by the
 * others through cluster->cpus[0]): the global system registers s16-s63
 * (IPEND/IAD in s20, MODECTL, SYSCFG, ...), the software-managed TLB and
 * the k0lock/tlblock owners.  Nothing here is a process global.
 * Spec: Hexagon V68 Programmer's Reference Manual (registers), V6x
 * System-Level Architecture (system registers, events, TLB); summary in
 * docs/devel/hexagon.md.
 */
#ifndef TARGET_HEXAGON_CPU_H
#define TARGET_HEXAGON_CPU_H

#include "hemu/osdep.h"
#include "exec/cpu.h"

#define TYPE_HEXAGON_CPU "hexagon-cpu"
#define HEXAGON_CPU_TYPE_SUFFIX "-hexagon-cpu"

/* Control registers (Cn). */
enum {
    HEX_CR_SA0 = 0, HEX_CR_LC0 = 1, HEX_CR_SA1 = 2, HEX_CR_LC1 = 3,
    HEX_CR_P3_0 = 4, HEX_CR_M0 = 6, HEX_CR_M1 = 7, HEX_CR_USR = 8,
    HEX_CR_PC = 9, HEX_CR_UGP = 10, HEX_CR_GP = 11, HEX_CR_CS0 = 12,
    HEX_CR_CS1 = 13, HEX_CR_UPCYCLELO = 14, HEX_CR_UPCYCLEHI = 15,
    HEX_CR_FRAMELIMIT = 16, HEX_CR_FRAMEKEY = 17, HEX_CR_PKTCNTLO = 18,
    HEX_CR_PKTCNTHI = 19, HEX_CR_UTIMERLO = 30, HEX_CR_UTIMERHI = 31,
};

/* System registers (Sn): s0-s15 per thread, s16-s63 global. */
enum {
    HEX_SREG_SGP0 = 0, HEX_SREG_SGP1 = 1, HEX_SREG_STID = 2,
    HEX_SREG_ELR = 3, HEX_SREG_BADVA0 = 4, HEX_SREG_BADVA1 = 5,
    HEX_SREG_SSR = 6, HEX_SREG_CCR = 7, HEX_SREG_HTID = 8,
    HEX_SREG_BADVA = 9, HEX_SREG_IMASK = 10, HEX_SREG_GEVB = 11,
    HEX_SREG_GLOBAL = 16,       /* first global register */
    HEX_SREG_EVB = 16, HEX_SREG_MODECTL = 17, HEX_SREG_SYSCFG = 18,
    HEX_SREG_IPENDAD = 20, HEX_SREG_VID = 21, HEX_SREG_VID1 = 22,
    HEX_SREG_BESTWAIT = 23, HEX_SREG_SCHEDCFG = 25, HEX_SREG_CFGBASE = 27,
    HEX_SREG_DIAG = 28, HEX_SREG_REV = 29, HEX_SREG_PCYCLELO = 30,
    HEX_SREG_PCYCLEHI = 31, HEX_SREG_TIMERLO = 56, HEX_SREG_TIMERHI = 57,
    HEX_SREG_NUM = 64,
};

/* SSR fields. */
#define HEX_SSR_CAUSE_MASK 0xffu
#define HEX_SSR_ASID_SHIFT 8
#define HEX_SSR_ASID_MASK (0x7fu << 8)
#define HEX_SSR_UM (1u << 16)
#define HEX_SSR_EX (1u << 17)
#define HEX_SSR_IE (1u << 18)
#define HEX_SSR_GM (1u << 19)
#define HEX_SSR_BVS (1u << 22)

/* SYSCFG fields. */
#define HEX_SYSCFG_MMUEN (1u << 0)
#define HEX_SYSCFG_GIE (1u << 4)
#define HEX_SYSCFG_PCYCLEEN (1u << 6)
#define HEX_SYSCFG_TLBLOCK (1u << 11)
#define HEX_SYSCFG_K0LOCK (1u << 12)

/* CCR.GRE: trap1 VM calls run directly in guest mode (reference 1.6). */
#define HEX_CCR_GRE (1u << 27)

/* USR fields. */
#define HEX_USR_OVF (1u << 0)
#define HEX_USR_LPCFG_SHIFT 8   /* 2 bits: sp1loop0-sp3loop0 countdown */

/* Events (vector number n: EVB + 4 * n). */
enum {
    HEX_EVENT_RESET = 0,
    HEX_EVENT_NMI = 1,          /* NMI / imprecise */
    HEX_EVENT_PRECISE = 2,
    HEX_EVENT_TLBMISS_X = 4,
    HEX_EVENT_TLBMISS_RW = 6,
    HEX_EVENT_TRAP0 = 8,
    HEX_EVENT_TRAP1 = 9,
    HEX_EVENT_INT0 = 16,        /* core interrupt i: 16 + i */
};

/* Exception causes (SSR.CAUSE). */
enum {
    HEX_CAUSE_BUS_ERROR = 0x01,
    HEX_CAUSE_DOUBLE = 0x03,
    HEX_CAUSE_FETCH_NO_X = 0x11,
    HEX_CAUSE_FETCH_NO_U = 0x12,
    HEX_CAUSE_INVALID_PACKET = 0x15,
    HEX_CAUSE_PRIV_GUEST = 0x1a,    /* guest insn in user mode */
    HEX_CAUSE_PRIV_MONITOR = 0x1b,  /* monitor insn in user/guest mode */
    HEX_CAUSE_REG_CONFLICT = 0x1d,
    HEX_CAUSE_PC_MISALIGNED = 0x1e,
    HEX_CAUSE_MISALIGNED_LOAD = 0x20,
    HEX_CAUSE_MISALIGNED_STORE = 0x21,
    HEX_CAUSE_NO_R = 0x22,
    HEX_CAUSE_NO_W = 0x23,
    HEX_CAUSE_NO_UR = 0x24,
    HEX_CAUSE_NO_UW = 0x25,
    HEX_CAUSE_TLBMISS_X = 0x60,
    HEX_CAUSE_TLBMISS_X_NEXT = 0x61,
    HEX_CAUSE_TLBMISS_R = 0x70,
    HEX_CAUSE_TLBMISS_W = 0x71,
    HEX_CAUSE_NMI = 0x43,           /* imprecise NMI */
    HEX_CAUSE_INT0 = 0xc0,
};

/* cpu->exception_index: an event whose number and cause are in env. */
#define HEX_EXCP_EVENT 1

/* MMU indexes: user, guest, monitor, and physical (memw_phys). */
enum {
    HEX_MMU_USER = 0,
    HEX_MMU_GUEST = 1,
    HEX_MMU_MONITOR = 2,
    HEX_MMU_PHYS = 3,
    HEX_MMU_COUNT = 4,
};

/* Privilege modes (reference 1.6). */
typedef enum HexMode {
    HEX_MODE_USER = 0,
    HEX_MODE_GUEST = 1,
    HEX_MODE_MONITOR = 2,
} HexMode;

/* Entries of the shared TLB (jtlb_size_entries of the config table). */
#define HEX_TLB_ENTRIES 128
#define HEX_MAX_THREADS 8
#define HEX_NB_IRQ 16

/*
 * What the threads of one core share.  Owned by thread 0 (allocated at
 * its realize, freed at its finalize); every access from a running
 * thread takes @lock except reads of single words.
 */
typedef struct HexagonShared {
    GMutex lock;
    uint32_t sreg[HEX_SREG_NUM];    /* s16-s63 (s0-s15 unused here) */
    uint64_t tlb[HEX_TLB_ENTRIES];  /* 64-bit entries, reference 1.9 */
    int tlblock_owner;              /* htid holding tlblock, -1: free */
    int k0lock_owner;               /* htid holding k0lock, -1: free */
} HexagonShared;

typedef struct CPUHexagonState {
    uint32_t gpr[32];           /* R0-R31 (R29 SP, R30 FP, R31 LR) */
    uint32_t pred[4];           /* P0-P3, each 0..0xff */
    uint32_t cr[32];            /* C0-C31; cr[4] (P3:0) and cr[9] (PC)
                                   are unused: see pred[] and pc */
    uint32_t pc;                /* address of the current packet */
    uint32_t sreg[16];          /* s0-s15 of this thread */
    uint32_t greg[32];          /* G0-G31 */
    /* the pending event (HEX_EXCP_EVENT) */
    uint32_t event;             /* HEX_EVENT_* */
    uint32_t cause;             /* HEX_CAUSE_* or trap number */
    uint32_t badva;             /* faulting data address, if any */
    /* LL/SC: the reservation of memw_locked/memd_locked */
    uint64_t llsc_addr;         /* UINT64_MAX: no reservation */
    uint64_t llsc_val;          /* value loaded */
    /* thread state */
    bool stopped;               /* not in MODECTL.E */
    bool waiting;               /* in MODECTL.W */
    int32_t nmi_pending;        /* atomic, set from any thread (nmi(Rs),
                                   QMP inject-nmi): 1 until this thread
                                   takes event 1 (hex_take_nmi) */
    HexagonShared *shared;      /* the core's (thread 0's) */
} CPUHexagonState;

typedef struct HexagonCPUModel {
    const char *name;           /* "v68" */
    uint32_t rev;               /* the REV system register */
    const char *description;
} HexagonCPUModel;

typedef struct HexagonCPU HexagonCPU;
typedef struct HexagonCPUClass HexagonCPUClass;

struct HexagonCPUClass {
    CPUClass parent_class;
    const HexagonCPUModel *model;   /* NULL for the abstract type */
    bool (*parent_realize)(Object *obj, Error **errp);
};

struct HexagonCPU {
    CPUState parent_obj;
    CPUHexagonState env;
    HexagonShared *own_shared;  /* thread 0: what it allocated */
    IRQLine *ciad_out;          /* GPIO out "ciad": pulsed by every ciad,
                                   for the L2VIC's "rearm" input */
    /* properties, read at reset */
    uint32_t reset_pc;          /* "reset-pc": thread 0's first pc;
                                   UINT32_MAX means EVB */
    uint32_t boot_evb;          /* "evb": EVB at reset */
    bool stop_powers_off;       /* "stop-powers-off": all threads
                                   stopped ends the run */
    bool start_powered_off;     /* "start-powered-off": threads > 0
                                   wait for start() */
    uint64_t cfgbase;           /* "cfgbase": config table address */
    bool semihosting;           /* "semihosting": trap0(#0) is a call */
    char *semihosting_root;     /* "semihosting-root": OPEN's directory */
    char *cmdline;              /* "cmdline": GET_CMDLINE's string */
    Object *l2vic;              /* "l2vic": the L2VIC backing VID/VID1
                                   (s21/s22); NULL: plain registers */
    /* semihosting state */
    GPtrArray *sh_files;        /* host FILE * by guest handle - 3 */
    uint32_t sh_errno;          /* last host errno, for ERRNO */
    int exit_code;              /* EXIT's code (tests) */
    bool exit_requested;        /* EXIT was called */
};

OBJECT_DECLARE_TYPE(HexagonCPU, HexagonCPUClass, HEXAGON_CPU)

/* The frontend table (cpu.c). */
extern const TargetArch hexagon_arch;

static inline CPUHexagonState *hex_env(CPUState *cpu)
{
    return &HEXAGON_CPU(cpu)->env;
}

static inline HexagonCPU *hex_env_cpu(CPUHexagonState *env)
{
    return HEXAGON_CPU(env_cpu(env, &hexagon_arch));
}

/* The current privilege mode of @env (SSR.EX, UM, GM). */
HexMode hex_mode(const CPUHexagonState *env);
/* The thread number (HTID) of @env. */
unsigned hex_htid(CPUHexagonState *env);

/* Read/write system register @reg (0..63) of @env's thread. */
uint32_t hex_sreg_read(CPUHexagonState *env, unsigned reg);
void hex_sreg_write(CPUHexagonState *env, unsigned reg, uint32_t val);

/*
 * Enter event @event with @cause on @env (reference 1.7): SSR.EX, CAUSE,
 * ELR = env->pc, PC = EVB + 4 * event; a second exception while SSR.EX is
 * set becomes a precise event with cause 0x03.
 */
void hex_enter_event(CPUHexagonState *env, unsigned event, unsigned cause);
/*
 * Raise event @event/@cause from a helper: state is restored to the
 * packet containing @retaddr (pc = the packet, nothing committed).
 */
HEMU_NORETURN void hex_raise_event(CPUHexagonState *env, unsigned event,
                                   unsigned cause, uintptr_t retaddr);

/*
 * NMI (event 1, cause 0x43 "imprecise NMI", reference 1.7): make thread
 * @cs take it; any thread.  A stopped thread ignores it.  The thread
 * takes it at its next block boundary (hex_take_nmi), or when it leaves
 * the handler it is in (SSR.EX = 1), waking from `wait`; ELR is the next
 * packet.  hex_inject_nmi is the TargetArch inject_nmi hook.
 */
void hex_raise_nmi(CPUState *cs);
bool hex_inject_nmi(CPUState *cs, Error **errp);
/* On @env's own thread at a block boundary: take a pending NMI if it can. */
bool hex_take_nmi(CPUHexagonState *env);
/* nmi(Rs): raise the NMI on the threads of the mask (env, mask). */
extern const TCGHelperInfo hex_helper_nmi_info;

/* Re-evaluate pending interrupts on every thread of @env's core. */
void hex_kick_interrupts(CPUHexagonState *env);
/* Every thread is stopped: end the run with thread 0's r2 (ref. 1.4). */
void hex_check_all_stopped(CPUHexagonState *env);

/* The result of hex_mmu_translate. */
typedef struct HexTranslation {
    hwaddr paddr;               /* physical address of the 4 KiB page */
    int prot;                   /* PAGE_* */
    unsigned size_bits;         /* log2 of the guest page size */
    unsigned event, cause;      /* the fault, when it fails */
} HexTranslation;

/*
 * Translate @addr for @access in @mmu_idx without side effects: true and
 * *@out filled, or false with the event and cause of the fault.
 */
bool hex_mmu_translate(CPUHexagonState *env, vaddr addr,
                       MMUAccessType access, unsigned mmu_idx,
                       HexTranslation *out);

/* The TargetArch hooks of excp.c and mmu.c. */
bool hex_cpu_exec_interrupt(CPUState *cs, uint32_t req);
void hex_cpu_do_exception(CPUState *cs);
bool hex_cpu_has_work(CPUState *cs);
bool hex_cpu_tlb_fill(CPUState *cs, vaddr addr, unsigned size,
                      MMUAccessType access, unsigned mmu_idx, bool probe,
                      uintptr_t retaddr);
void hex_cpu_do_unaligned_access(CPUState *cs, vaddr addr,
                                 MMUAccessType access, unsigned mmu_idx,
                                 uintptr_t retaddr);

/* tlbinvasid: drop the non-global TLB entries of ASID @rs[26:20]. */
void hex_tlb_invalidate_asid(CPUHexagonState *env, uint32_t rs);

/* Semihosting (semihosting.c): the call in r0/r1; false if unknown op. */
bool hex_semihosting_call(CPUHexagonState *env);
void hex_semihosting_cleanup(HexagonCPU *cpu);

#endif
