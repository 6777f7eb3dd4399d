/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The frontend table: one const TargetArch per guest architecture.
 *
 * accel/tcg knows nothing about any guest; everything it needs from one
 * (fixed properties and hooks) is in this table, which a frontend defines
 * once and lists in target/targets.c (or exports from a loadable module
 * as `hemu_target_register`).  Every field is constant: a TargetArch holds
 * no state, so any number of clusters of any architectures share it.
 * Rules and the life of a hook call: docs/devel/accel.md; adding a
 * frontend: docs/devel/adding-a-target.md.
 */
#ifndef EXEC_TARGET_ARCH_H
#define EXEC_TARGET_ARCH_H

#include "hemu/osdep.h"
#include "util/error.h"
#include "exec/memop.h"
#include "tcg/tcg.h"

typedef struct CPUState CPUState;
typedef struct TargetArch TargetArch;
typedef struct TranslatorCtx TranslatorCtx;

/* The kind of access a TLB fill is for. */
typedef enum MMUAccessType {
    MMU_DATA_LOAD = 0,
    MMU_DATA_STORE = 1,
    MMU_INST_FETCH = 2,
} MMUAccessType;

/* Default memory order of an architecture (what fences the IR needs). */
typedef enum TargetMemOrder {
    TARGET_MO_WEAK,             /* Arm, Hexagon: explicit barriers */
    TARGET_MO_TSO,              /* x86: stores ordered */
    TARGET_MO_SC,               /* sequentially consistent */
} TargetMemOrder;

/* The key of a translation block, computed from CPU state. */
typedef struct TBKey {
    vaddr pc;                   /* guest virtual pc of the first insn */
    uint64_t flags;             /* frontend state the code depends on
                                   (mode, MMU index, ...) */
    uint64_t extra;             /* more such state; 0 when unused */
} TBKey;

/*
 * The frontend's view of one GDB register access (gdb_read/gdb_write):
 * @buf holds the register in target byte order.
 */
typedef int (*TargetGdbReadFn)(CPUState *cpu, GByteArray *buf, int reg);
typedef int (*TargetGdbWriteFn)(CPUState *cpu, const uint8_t *buf, int reg);

struct TargetArch {
    /* --- identity and fixed properties ---------------------------------*/
    const char *name;           /* "aarch64", "hexagon"; [a-z0-9_-]+ */
    const char *description;    /* one line for `-target help` */
    unsigned insn_align;        /* bytes; pc is always a multiple of it */
    unsigned min_page_bits;     /* log2 page sizes the MMU supports, */
    unsigned max_page_bits;     /*   TCG_MIN_PAGE_BITS..30, min <= max */
    unsigned default_page_bits; /*   within [min, max] */
    unsigned vaddr_bits;        /* guest virtual address width, 1..64 */
    unsigned paddr_bits;        /* guest physical address width, 1..64 */
    bool big_endian;            /* default data endianness */
    TargetMemOrder mem_order;
    unsigned nb_mmu_idx;        /* MMU indexes, 1..CPU_TLB_MAX_MMU_IDX */
    unsigned nb_irq_lines;      /* qdev GPIO inputs of each CPU, 0..16:
                                   line n drives interrupt bit 1 << n */
    unsigned insn_start_words;  /* words per insn_start record, 1..3;
                                   word 0 must be the insn's guest pc */
    const char *cpu_type;       /* QOM type of its CPUs (a TYPE_CPU) */
    const char *default_cpu_model; /* cpu-type used when none is given */
    size_t env_offset;          /* offset of the architectural state
                                   (`env`, what IR globals are relative
                                   to) inside the CPU object */

    /* --- translation ---------------------------------------------------*/
    /*
     * Register the IR globals of @s (registers as fields of env).  Called
     * once per TCG context.  The frontend keeps the handles in a struct
     * it allocates and returns; accel gives it back in TranslatorCtx.
     */
    void *(*tcg_init)(TCGContext *s);
    /* Free what tcg_init returned (may be NULL if it allocates nothing). */
    void (*tcg_free)(void *globals);
    /*
     * Translate guest code at ctx->key.pc into IR on ctx->tcg, at most
     * ctx->max_insns instructions, ending before an instruction that
     * would start on another page than the first (translator_* helpers
     * in exec/translator.h read code and end blocks).  Each instruction
     * starts with translator_insn_start().  On return ctx->num_insns and
     * ctx->pc_next are set.
     */
    void (*translate)(TranslatorCtx *ctx);
    /* The TB key for the current state of @cpu. */
    void (*get_tb_key)(CPUState *cpu, TBKey *key);
    /* The MMU index for code fetches (@ifetch) or data accesses now. */
    unsigned (*cpu_mmu_index)(CPUState *cpu, bool ifetch);
    /* Set @cpu's state (pc, ...) from the insn_start words @data. */
    void (*restore_state)(CPUState *cpu, const uint64_t *data);

    /* --- exceptions and interrupts -------------------------------------*/
    /*
     * Called at a TB boundary with @interrupt_request pending: deliver the
     * highest-priority enabled interrupt and return true, or return false
     * when none is deliverable now (masked).
     */
    bool (*cpu_exec_interrupt)(CPUState *cpu, uint32_t interrupt_request);
    /* Deliver the exception cpu->exception_index (0..EXCP_FIRST_ACCEL-1). */
    void (*do_exception)(CPUState *cpu);
    /*
     * Translate @addr for @access in @mmu_idx: on success call
     * tlb_set_page() and return true.  On a fault: when @probe, return
     * false; otherwise raise the guest exception with
     * cpu_loop_exit_restore(cpu, retaddr) (never returns).
     */
    bool (*tlb_fill)(CPUState *cpu, vaddr addr, unsigned size,
                     MMUAccessType access, unsigned mmu_idx, bool probe,
                     uintptr_t retaddr);

    /*
     * A load, store or atomic whose MemOp requires alignment (MO_ALIGN*)
     * at a misaligned @addr: raise the architecture's alignment fault
     * with cpu_loop_exit_restore(cpu, retaddr); never returns.  May be
     * NULL: the access then goes ahead.
     */
    void (*do_unaligned_access)(CPUState *cpu, vaddr addr,
                                MMUAccessType access, unsigned mmu_idx,
                                uintptr_t retaddr);

    /*
     * A load or store reached nothing or a device refused it: raise the
     * architecture's bus error (or return to ignore it).  May be NULL:
     * loads read 0, stores are dropped, both logged (guest_errors).
     */
    void (*do_transaction_failed)(CPUState *cpu, hwaddr paddr, vaddr addr,
                                  MMUAccessType access, uintptr_t retaddr);

    /* --- life cycle ----------------------------------------------------*/
    void (*reset)(CPUState *cpu);           /* cold reset of env */
    bool (*has_work)(CPUState *cpu);        /* a halted CPU may run */
    /*
     * Make @pc (aligned to insn_align, below 2^vaddr_bits) the address of
     * the next instruction, nothing else.  cpu_reset() calls it after
     * reset when the CPU property "boot-pc" is set.  May be NULL: that
     * frontend's CPUs refuse "boot-pc".
     */
    void (*set_pc)(CPUState *cpu, uint64_t pc);

    /* --- introspection (each may be NULL) ------------------------------*/
    void (*dump_state)(CPUState *cpu, GString *out);
    /* One instruction at @pc from @code (@len bytes); returns its size. */
    unsigned (*disas)(const uint8_t *code, size_t len, vaddr pc,
                      GString *out);
    TargetGdbReadFn gdb_read_register;
    TargetGdbWriteFn gdb_write_register;
    unsigned gdb_num_regs;
    const char *gdb_core_xml;   /* target description XML: the whole
                                   target.xml document GDB reads */
    /*
     * Translate guest virtual @va to a physical address of the cluster's
     * address space as the vCPU's current translation regime would for a
     * data read, for a debugger: no fault is raised, no TLB is filled.
     * False when unmapped.  NULL: virtual is physical.
     */
    bool (*debug_translate)(CPUState *cpu, vaddr va, hwaddr *pa);
    /* Semihosting call from the guest; true if handled. */
    bool (*semihosting)(CPUState *cpu);

    /* --- architecture-specific monitor commands (each may be NULL) -----*/
    /*
     * QMP inject-nmi: make @cpu take the architecture's non-maskable
     * interrupt.  Any thread, the vCPU may be running: the frontend marks
     * it pending and the vCPU takes it at its next block boundary.  A vCPU
     * that is not running (stopped, held in reset) ignores it.  NULL: the
     * architecture has no NMI ("inject-nmi: not available for <arch>").
     */
    bool (*inject_nmi)(CPUState *cpu, Error **errp);
};

/*
 * The symbol a loadable frontend module exports: a function returning
 * its table.  The name to pass to g_module_symbol() is
 * TARGET_REGISTER_SYMBOL.
 */
typedef const TargetArch *(*TargetRegisterFn)(void);
#define TARGET_REGISTER_SYMBOL "hemu_target_register"

/* The built-in frontends (target/targets.c), NULL-terminated. */
extern const TargetArch *const hemu_target_list[];

/*
 * Check that @arch is a consistent table (ranges above, required hooks
 * present); the error names the frontend and the field.  Lookup runs it
 * on every table, built-in or loaded.
 */
bool target_arch_validate(const TargetArch *arch, Error **errp);

/*
 * The frontend called @name: built in, or loaded from the module
 * libhemu-target-<name>.so in $HEMU_MODULE_DIR, else the directory of
 * the running binary.  A module is loaded once per process and kept.
 * Errors (unknown name, missing or corrupt module, bad table) name the
 * target and list the known ones.
 */
const TargetArch *target_arch_lookup(const char *name, Error **errp);

/* As target_arch_lookup, only from the module file @path (for tests). */
const TargetArch *target_arch_load_module(const char *path, Error **errp);

/*
 * Print `-target help`: one line per frontend, built-in ones and then
 * modules found in the module directory, each marked as such.
 */
void target_arch_print_list(FILE *out);

#endif
