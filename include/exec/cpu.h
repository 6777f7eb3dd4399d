/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * vCPUs and CPU clusters.
 *
 * TYPE_CPU is the abstract device every frontend CPU derives from: the
 * frontend's instance struct starts with a CPUState and embeds its
 * architectural state (`env`) at TargetArch.env_offset.  CPUState holds
 * what accel/tcg needs per vCPU: the cluster, index, halt and interrupt
 * state, the softmmu TLB, the jump cache, the thread and the instruction
 * counters.
 *
 * TYPE_CPU_CLUSTER groups vCPUs of one architecture and CPU model and owns
 * what they share: the frontend, the page size, the address space, the
 * translated-code cache and the TCG context.  Realize creates the CPUs as
 * children cpu[0]..cpu[N-1].  Design: docs/devel/accel.md.
 *
 * Threads: interrupt_request, exit_request, halted and the reset-line
 * state may be changed from any thread (cpu_interrupt, cpu_exit, the
 * "reset" GPIO input); everything else belongs to the thread running the
 * vCPU.
 *
 * Every CPU has a GPIO input named "reset" (CPU_RESET_INPUT, one line):
 * while it is high the vCPU is held in reset and does not run; when it
 * falls the vCPU resets itself (cpu_reset, on its own thread, so the
 * frontend reads its reset-time properties then) and runs.  Boards wire
 * it to reset controllers (hetero-virt's DSP subsystem controller).
 */
#ifndef EXEC_CPU_H
#define EXEC_CPU_H

#include <setjmp.h>
#include "hemu/osdep.h"
#include "hw/qdev.h"
#include "system/memory.h"
#include "tcg/tcg-runtime.h"
#include "exec/target-arch.h"

#define TYPE_CPU "cpu"
#define TYPE_CPU_CLUSTER "cpu-cluster"
/* The GPIO input list of every CPU that holds it in reset (see above). */
#define CPU_RESET_INPUT "reset"

/* Upper bound of TargetArch.nb_mmu_idx. */
#define CPU_TLB_MAX_MMU_IDX 16
/* log2 of TLB entries per MMU index. */
#define CPU_TLB_BITS 8
/* Entries of the per-vCPU jump cache (a power of two). */
#define CPU_JMP_CACHE_SIZE 4096

/* interrupt_request bits: 0..15 are the IRQ input lines (line n: 1 << n,
   meaning chosen by the frontend); the rest are accel's. */
#define CPU_INTERRUPT_HARD (1u << 0)     /* conventional line 0 */
#define CPU_INTERRUPT_EXITTB (1u << 16)  /* leave the TB chain, no irq */
#define CPU_INTERRUPT_NMI (1u << 17)     /* a non-maskable interrupt of the
                                            frontend's: cpu_exec_interrupt
                                            is asked about it */

/* exception_index values >= EXCP_FIRST_ACCEL end cpu_exec(). */
#define EXCP_NONE (-1)
#define EXCP_FIRST_ACCEL 0x10000
#define EXCP_INTERRUPT 0x10000  /* exit requested (cpu_exit) */
#define EXCP_HLT 0x10001        /* the vCPU halted (WFI) */
#define EXCP_BUDGET 0x10002     /* instruction budget used up */
#define EXCP_ATOMIC_RESTART 0x10003 /* internal: re-run one insn (SMC) */
#define EXCP_DEBUG 0x10004      /* stopped for the debugger: a breakpoint
                                   or the end of a single step
                                   (include/exec/cpu-debug.h) */

/* Protection bits of a TLB mapping (tlb_set_page). */
#define PAGE_READ 1
#define PAGE_WRITE 2
#define PAGE_EXEC 4

typedef struct CPUCluster CPUCluster;
typedef struct TranslationBlock TranslationBlock;
typedef struct CPUThread CPUThread;

/* Per-entry details the fast path does not need. */
typedef struct CPUTLBEntryFull {
    hwaddr phys_addr;           /* guest physical address of the page */
    MemoryRegion *mr;           /* what the page maps to; NULL: unmapped */
    hwaddr xlat;                /* offset of the page in @mr */
    MemTxAttrs attrs;
    uint8_t prot;               /* PAGE_* */
} CPUTLBEntryFull;

/* The softmmu TLB of one vCPU; sized when the cluster is realized. */
typedef struct CPUTLB {
    /* The fast path reads these (TCGContextConfig.tlb_offset). */
    TLBDesc f[CPU_TLB_MAX_MMU_IDX];
    CPUTLBEntryFull *full[CPU_TLB_MAX_MMU_IDX]; /* parallel to f[].table */
    /*
     * Per MMU index, the region covering every mapping larger than a
     * page entered with tlb_set_page_sized (addr & mask == addr; mask 0
     * and addr 1: none): flushing a page inside it flushes the index.
     */
    vaddr large_addr[CPU_TLB_MAX_MMU_IDX];
    vaddr large_mask[CPU_TLB_MAX_MMU_IDX];
    unsigned page_bits;         /* the cluster's */
    unsigned nb_mmu_idx;        /* the frontend's */
    uint32_t flush_pending;     /* atomic: MMU index mask other threads
                                   asked to flush at the next TB boundary */
    uint64_t nb_fills;          /* statistics: tlb_set_page calls */
    uint64_t nb_flushes;        /* statistics: full or by-mask flushes */
} CPUTLB;

typedef struct CPUState CPUState;
typedef struct CPUClass CPUClass;

struct CPUClass {
    DeviceClass parent_class;
    bool (*parent_realize)(Object *obj, Error **errp);
};

struct CPUState {
    DeviceState parent_obj;
    CPUCluster *cluster;        /* set before realize; owns this vCPU */
    const TargetArch *arch;     /* the cluster's frontend */
    unsigned cpu_index;         /* index in the cluster */
    char *log_name;             /* "apps/cpu[1] (aarch64)": how log lines
                                   name this vCPU; set by its cluster */
    uint32_t halted;            /* atomic; 1: sleeping until has_work */
    uint32_t interrupt_request; /* atomic; CPU_INTERRUPT_* bits */
    int32_t exit_request;       /* atomic; read at every TB entry: leave
                                   the TB chain for the loop */
    int32_t exit_loop;          /* atomic; cpu_exit: leave cpu_exec */
    int32_t icount_budget;      /* insns left this slice; charged at TB
                                   entry, refunded on early exits */
    int exception_index;        /* EXCP_NONE or the pending exception */
    uint32_t cflags_next_tb;    /* one-shot max insns for the next TB;
                                   0: none */
    uint64_t insns_executed;    /* guest instructions retired, ever */
    int32_t slice_budget;       /* icount_budget given this slice */
    uint64_t nb_exec_entries;   /* statistics: entries into TB code */
    CPUTLB tlb;
    TranslationBlock **jmp_cache; /* CPU_JMP_CACHE_SIZE, by pc hash */
    sigjmp_buf jmp_env;         /* cpu_exec's; helpers siglongjmp here */
    bool in_exec;               /* jmp_env is valid */
    bool exec_locked;           /* holds cluster->exec_lock (reader) */
    bool tb_locked;             /* holds cluster->tb_lock */
    bool atomic_locked;         /* holds cluster->atomic_lock (a fault in
                                   a locked atomic releases it) */
    TranslationBlock *gen_tb;   /* internal: the block being translated,
                                   freed if a code fetch fault jumps out */
    GArray *gen_insn_data;      /* internal: its insn_start records */
    void *smc_page;             /* internal: the code page last stored to
                                   (CodePage *), to skip the lock when a
                                   store hits no code; reset by flushes */
    CPUThread *thread;          /* NULL when not running on a thread */
    bool singlestep;            /* the debugger steps this vCPU: 1-insn
                                   TBs, EXCP_DEBUG after each; changed
                                   only while it is stopped */
    bool step_taken;            /* singlestep: an instruction ran since
                                   the step began (survives longjmps) */
    bool watch_step;            /* re-running the instruction that hit a
                                   watchpoint: a 1-insn TB without
                                   interrupts, then EXCP_DEBUG; own thread */
    uint8_t watch_hit_kind;     /* CPUWatchKind of the hit that stopped
                                   it, 0: none; cleared by cpu_exec() */
    vaddr watch_hit_addr;       /* data address of that hit */
    int32_t reset_held;         /* atomic; 1 while the "reset" input is
                                   high: the vCPU does not run */
    int32_t reset_pending;      /* atomic; the "reset" input fell: the
                                   vCPU resets itself before it runs */
    uint64_t boot_pc;           /* property "boot-pc": pc after every
                                   reset; UINT64_MAX: none (the frontend's
                                   own reset pc) */
    GMutex lock;                /* protects the halt sleep */
    GCond cond;                 /* signalled by cpu_interrupt / cpu_exit */
};

OBJECT_DECLARE_TYPE(CPUState, CPUClass, CPU)

/* The architectural state of @cpu (the frontend's env). */
static inline void *cpu_env(CPUState *cpu)
{
    return (char *)cpu + cpu->arch->env_offset;
}

/* The vCPU whose env is @env. */
static inline CPUState *env_cpu(void *env, const TargetArch *arch)
{
    return (CPUState *)((char *)env - arch->env_offset);
}

/*
 * The vCPU the calling thread is running, for helpers (the one writable
 * thread-local of accel/tcg); NULL outside cpu_exec().
 */
CPUState *cpu_current(void);

/*
 * Raise the interrupt bits @mask on @cpu from any thread: the vCPU leaves
 * its TB chain at the next TB entry and wakes if halted.
 */
void cpu_interrupt(CPUState *cpu, uint32_t mask);
/*
 * May @cpu run now?  False while its "reset" input holds it, or while it
 * is halted with no work.  Any thread (the sleep loops ask it).
 */
bool cpu_can_run(CPUState *cpu);
/* Clear the interrupt bits @mask. */
void cpu_reset_interrupt(CPUState *cpu, uint32_t mask);
/* Make @cpu return to its loop at the next TB entry (any thread). */
void cpu_exit(CPUState *cpu);
/*
 * Reset @cpu: the frontend's reset, TLB and jump cache flushed; then,
 * when the property "boot-pc" is set, the pc becomes it (TargetArch
 * set_pc), so loaders and boards can choose where any CPU starts.  The
 * reset tree calls it (hold phase); the vCPU must not be running.
 */
void cpu_reset(CPUState *cpu);

/*
 * Leave the translated code for the loop of cpu_exec() (siglongjmp);
 * callable from helpers and slow paths only.  cpu->exception_index says
 * why.  The state must already be exact; the TB is counted as executed.
 */
HEMU_NORETURN void cpu_loop_exit(CPUState *cpu);
/*
 * Restore the guest state at the instruction containing host address
 * @retaddr (a helper's return address), through the frontend's
 * restore_state.  When @insn_done, that instruction counts as executed
 * (it completed, as a WFI or a system call does); otherwise it did not
 * (a fault).  No-op when @retaddr is 0.
 */
void cpu_restore_state(CPUState *cpu, uintptr_t retaddr, bool insn_done);
/* cpu_restore_state(@retaddr, false) then cpu_loop_exit(). */
HEMU_NORETURN void cpu_loop_exit_restore(CPUState *cpu, uintptr_t retaddr);
/* Raise guest exception @excp at the insn of @retaddr (not executed). */
HEMU_NORETURN void cpu_raise_exception(CPUState *cpu, int excp,
                                       uintptr_t retaddr);

/*
 * Run @cpu until something stops it; returns the reason (an EXCP_*
 * >= EXCP_FIRST_ACCEL).  At most icount_budget instructions run.  The
 * cluster's TCG context must exist (cpu_cluster_start_tcg).
 */
int cpu_exec(CPUState *cpu);

/*
 * Start a new slice of at most @budget instructions (1..INT32_MAX) for
 * the next cpu_exec() calls, committing the previous slice's count.
 */
void cpu_set_budget(CPUState *cpu, int32_t budget);

/* Guest instructions @cpu has executed (exact from its own thread). */
uint64_t cpu_get_insn_count(CPUState *cpu);

/* ------------------------------------------------------------------ */
/* Clusters                                                             */

typedef struct TBCache TBCache;

/* Breakpoints a cluster holds at most (exec/cpu-debug.h). */
#define CPU_MAX_BREAKPOINTS 64
/* Watchpoints a cluster holds at most (exec/cpu-debug.h). */
#define CPU_MAX_WATCHPOINTS 16
/* The accesses a watchpoint stops on: a bit set (GDB's Z2, Z3, Z4). */
typedef enum CPUWatchKind {
    CPU_WATCH_WRITE = 1,
    CPU_WATCH_READ = 2,
    CPU_WATCH_ACCESS = 3,       /* both */
} CPUWatchKind;
/* One watched range of guest virtual addresses. */
typedef struct CPUWatchpoint {
    vaddr addr;                 /* first byte */
    vaddr len;                  /* bytes, >= 1; addr + len does not wrap */
    CPUWatchKind kind;
} CPUWatchpoint;
/*
 * Called on @cpu's own thread when it stopped for the debugger
 * (EXCP_DEBUG); the thread then parks until the vCPUs are paused.
 */
typedef void CPUDebugStopFn(CPUState *cpu, void *opaque);

struct CPUCluster {
    DeviceState parent_obj;
    /* configuration (properties) */
    char *arch_name;            /* "arch": frontend name; required */
    char *cpu_model;            /* "cpu-type": QOM type; NULL: default */
    uint32_t num_cpus;          /* "num-cpus": 1..256 */
    uint32_t page_bits;         /* "page-bits": 0 means the default */
    char *backend;              /* "backend": jit, interp; NULL: default */
    uint64_t tb_size;           /* "tb-size": code buffer bytes; 0: the
                                   TCG default (32 MiB) */
    Object *memory_map;         /* "memory": a memory-map; NULL: the
                                   machine's sysmem */
    /* after realize */
    const TargetArch *arch;
    CPUState **cpus;            /* num_cpus children cpu[i] */
    MemoryRegion *memory;       /* cpu_cluster_set_memory, "memory"'s
                                   map, or the machine's sysmem */
    AddressSpace as;            /* rendered from @memory at realize */
    bool as_init;
    MemoryListener listener;    /* flushes TLBs on map changes */
    /* translation (under tb_lock) */
    GMutex tb_lock;
    TCGContext *tcg;            /* NULL until cpu_cluster_start_tcg */
    void *tcg_globals;          /* what arch->tcg_init returned */
    TBCache *tbs;
    GRWLock exec_lock;          /* readers: vCPUs executing code;
                                   writer: a code buffer flush */
    bool icount_exact;          /* icount on: MMIO accesses see the exact
                                   instruction count (set by cpus_start) */
    GMutex atomic_lock;         /* serialises the atomics that cannot use
                                   a host atomic (MMIO, misaligned) */
    /* debugging (include/exec/cpu-debug.h) */
    vaddr breakpoints[CPU_MAX_BREAKPOINTS]; /* guest pcs where vCPUs stop
                                   with EXCP_DEBUG; under tb_lock */
    unsigned nb_breakpoints;    /* used entries of @breakpoints */
    CPUWatchpoint watchpoints[CPU_MAX_WATCHPOINTS]; /* data accesses
                                   that stop vCPUs (after the access
                                   instruction); under tb_lock */
    unsigned nb_watchpoints;    /* used entries of @watchpoints */
    CPUDebugStopFn *debug_stop; /* told when a vCPU stops for the
                                   debugger; NULL: nobody debugs */
    void *debug_opaque;         /* for @debug_stop */
};

OBJECT_DECLARE_SIMPLE_TYPE(CPUCluster, CPU_CLUSTER)

/*
 * Give the cluster the root of the memory map its CPUs see (before
 * realize).  The same region may be in several clusters' maps.
 */
void cpu_cluster_set_memory(CPUCluster *cluster, MemoryRegion *root);

/*
 * Use the frontend @arch directly instead of looking up the "arch"
 * property (before realize): for C machines and tests that link a
 * frontend themselves.
 */
void cpu_cluster_set_arch(CPUCluster *cluster, const TargetArch *arch);

/*
 * Create the cluster's TCG context with @backend unless the "backend"
 * property chose one; idempotent.  cpus_start() calls it.
 */
bool cpu_cluster_start_tcg(CPUCluster *cluster, TCGBackendKind backend,
                           Error **errp);

/* Guest instructions all vCPUs of @cluster have executed. */
uint64_t cpu_cluster_get_insn_count(CPUCluster *cluster);

/* Statistics of the cluster's code cache (tests, `info jit`). */
typedef struct TBStats {
    uint64_t translations;      /* TBs translated */
    uint64_t invalidations;     /* TBs invalidated (SMC, flush by page) */
    uint64_t chains;            /* direct jumps patched */
    uint64_t flushes;           /* whole-cache flushes */
    uint64_t ops;               /* IR ops translated (before optimizing) */
} TBStats;
void cpu_cluster_get_tb_stats(CPUCluster *cluster, TBStats *st);

#endif
