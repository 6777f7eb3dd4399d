/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * TCG core: the translation context, temporaries, labels, the op list,
 * translation of the op list into host code (x86-64 JIT) or interpreter
 * bytecode, and running that code.
 *
 * A TCGContext is one translation pool (a code buffer, a set of globals
 * mapped onto the CPU state, the runtime parameters of the guest: page
 * size, TLB location, slow paths).  One exists per CPU cluster; a thread
 * that translates uses its own context, there is no global one.  Every
 * function takes the context explicitly.
 *
 * Temporaries are typed handles (TCGv_i32, TCGv_i64, TCGv_ptr): mixing
 * them is a compile error.  Kinds: globals (a field of the CPU state at a
 * byte offset from env, registered once per context), TB temps (live
 * across branches and labels), EBB temps (tcg_temp_ebb_new_*: dead at
 * every label and after br/exit), and constants (tcg_constant_*, never
 * written).  Builders for ops are in include/tcg/tcg-op.h.
 * Design and op semantics: docs/devel/tcg.md.
 */
#ifndef TCG_TCG_H
#define TCG_TCG_H

#include "hemu/osdep.h"
#include "util/error.h"
#include "exec/memop.h"
#include "tcg/tcg-runtime.h"

typedef struct TCGContext TCGContext;
typedef struct TCGLabel TCGLabel;
/* Opaque typed handles; each is really a TCGTemp of the context. */
typedef struct TCGv_i32_d *TCGv_i32;
typedef struct TCGv_i64_d *TCGv_i64;
typedef struct TCGv_ptr_d *TCGv_ptr;

/* One op argument: a temp, a label, or a constant, widened to 64 bits. */
typedef uint64_t TCGArg;

typedef enum TCGType {
    TCG_TYPE_I32,
    TCG_TYPE_I64,
} TCGType;

typedef enum TCGOpcode {
#define DEF(name, oargs, iargs, cargs, flags) INDEX_op_##name,
#include "tcg/tcg-opc.h.inc"
    NB_OPS,
} TCGOpcode;

/* TCGOpDef.flags */
enum {
    TCG_OPF_BB_END = 1 << 0,       /* ends a basic block */
    TCG_OPF_BB_EXIT = 1 << 1,      /* never falls through */
    TCG_OPF_SIDE_EFFECTS = 1 << 2, /* never deleted even if unused */
    TCG_OPF_64BIT = 1 << 3,        /* outputs (or main operands) are i64 */
    TCG_OPF_CALL = 1 << 4,         /* helper call, variable arguments */
    TCG_OPF_COND_BRANCH = 1 << 5,  /* conditional branch */
    TCG_OPF_LABEL = 1 << 6,        /* set_label */
    TCG_OPF_GUEST_MEM = 1 << 7,    /* guest memory access */
    TCG_OPF_NOT_PRESENT = 1 << 8,  /* nop: ignored */
    TCG_OPF_VECTOR = 1 << 9,       /* env-memory vector op (TCG_VEC_ARG_*) */
};

/*
 * Constant arguments of every vector op (the *_vec opcodes), by index:
 * byte offsets from env of the destination and of up to three sources,
 * the operation size in bytes (8 or 16), the size up to which the
 * destination is written (8 or 16, >= oprsz: bytes [oprsz, maxsz) are
 * zeroed), log2 of the element size in bytes (0..3), and an immediate
 * (shift count for shli/shri/sari, TCGCond for cmp/cmpz).  Unused
 * offsets are 0.  Semantics: docs/devel/tcg.md "Vector operations".
 */
enum {
    TCG_VEC_ARG_DOFS,
    TCG_VEC_ARG_AOFS,
    TCG_VEC_ARG_BOFS,
    TCG_VEC_ARG_COFS,
    TCG_VEC_ARG_OPRSZ,
    TCG_VEC_ARG_MAXSZ,
    TCG_VEC_ARG_VECE,
    TCG_VEC_ARG_IMM,
    TCG_VEC_NB_ARGS,
};

/*
 * The host vector instruction sets the x86-64 JIT may use for vector
 * ops, each implying the ones before it.  TCG_VEC_ISA_AUTO takes the
 * best the host has (CPUID, read once per process).
 */
typedef enum TCGVecIsa {
    TCG_VEC_ISA_AUTO,
    TCG_VEC_ISA_SSE2,       /* baseline of x86-64 */
    TCG_VEC_ISA_SSE41,      /* plus SSSE3, SSE4.1 and SSE4.2 */
    TCG_VEC_ISA_AVX2,       /* plus AVX2 (VEX forms, broadcasts) */
    TCG_VEC_ISA_COUNT,
} TCGVecIsa;

/* The best TCGVecIsa this host supports (SSE2 on non-x86 hosts). */
TCGVecIsa tcg_vec_host_isa(void);
/* "sse2", "sse4.1", "avx2" ("auto" for TCG_VEC_ISA_AUTO). */
const char *tcg_vec_isa_name(TCGVecIsa isa);

typedef struct TCGOpDef {
    const char *name;
    uint8_t nb_oargs, nb_iargs, nb_cargs;
    uint16_t flags;
} TCGOpDef;

/* The definition of every opcode, indexed by TCGOpcode. */
extern const TCGOpDef tcg_op_defs[NB_OPS];

/*
 * Conditions of setcond/movcond/brcond.  TSTEQ/TSTNE test (a & b) == 0
 * and != 0.
 */
typedef enum TCGCond {
    TCG_COND_NEVER,
    TCG_COND_ALWAYS,
    TCG_COND_EQ,
    TCG_COND_NE,
    TCG_COND_LT,
    TCG_COND_GE,
    TCG_COND_LE,
    TCG_COND_GT,
    TCG_COND_LTU,
    TCG_COND_GEU,
    TCG_COND_LEU,
    TCG_COND_GTU,
    TCG_COND_TSTEQ,
    TCG_COND_TSTNE,
    TCG_COND_COUNT,
} TCGCond;

/* Memory barrier kinds for `mb` (a bit set; 0 means a compiler barrier). */
enum {
    TCG_MO_LD_LD = 1 << 0,
    TCG_MO_ST_LD = 1 << 1,
    TCG_MO_LD_ST = 1 << 2,
    TCG_MO_ST_ST = 1 << 3,
    TCG_MO_ALL = 0xf,
};

/* Helper call flags (TCGHelperInfo.flags). */
enum {
    /* The helper does not read globals: they need not be stored first. */
    TCG_CALL_NO_READ_GLOBALS = 1 << 0,
    /* The helper does not write globals: cached copies stay valid. */
    TCG_CALL_NO_WRITE_GLOBALS = 1 << 1,
    /* No side effects: the call is deleted when its result is unused. */
    TCG_CALL_NO_SIDE_EFFECTS = 1 << 2,
    /*
     * The helper may raise a guest exception (siglongjmp out): globals
     * are stored before the call whatever the other flags say.
     */
    TCG_CALL_MAY_RAISE = 1 << 3,
};
#define TCG_CALL_NO_RWG (TCG_CALL_NO_READ_GLOBALS | TCG_CALL_NO_WRITE_GLOBALS)
#define TCG_CALL_PURE (TCG_CALL_NO_RWG | TCG_CALL_NO_SIDE_EFFECTS)

typedef enum TCGCallType {
    TCG_CALL_VOID,  /* only as a return type */
    TCG_CALL_I32,
    TCG_CALL_I64,
    TCG_CALL_PTR,
} TCGCallType;

#define TCG_MAX_HELPER_ARGS 6

/*
 * Describes one helper function for helper calls.  Frontends define these
 * as static const objects.  Integer arguments are passed as the host C
 * ABI passes uint32_t/uint64_t/pointers; the result (i32, i64 or pointer)
 * is returned likewise.
 */
typedef struct TCGHelperInfo {
    const void *func;
    const char *name;
    uint32_t flags;         /* TCG_CALL_* */
    uint8_t nb_args;        /* 0..TCG_MAX_HELPER_ARGS */
    uint8_t ret;            /* TCGCallType */
    uint8_t args[TCG_MAX_HELPER_ARGS];  /* TCGCallType, no VOID */
} TCGHelperInfo;

typedef enum TCGBackendKind {
    TCG_BACKEND_INTERP,     /* portable interpreter, any host */
    TCG_BACKEND_JIT,        /* x86-64 hosts only */
} TCGBackendKind;

/* Parameters of a context, fixed at creation. */
typedef struct TCGContextConfig {
    TCGBackendKind backend;
    /* bytes of code buffer; 0 means 32 MiB */
    size_t code_size;
    /* log2 of the guest page size, TCG_MIN_PAGE_BITS..30 */
    unsigned page_bits;
    /* byte offset of the TLBDesc array from env */
    ptrdiff_t tlb_offset;
    /* number of MMU indexes (descriptors at tlb_offset); 1..64 */
    unsigned nb_mmu_idx;
    /* slow paths; both required if guest memory ops are used */
    TCGLoadSlowFn ld_slow;
    TCGStoreSlowFn st_slow;
    /* words per insn_start record, 1..3 */
    unsigned insn_start_words;
    /*
     * JIT only: the most the vector ops may use; AUTO (0) means the
     * host's best, a level above the host's is an error.  Tests lower
     * it to check the fallback sequences.
     */
    TCGVecIsa vec_isa;
} TCGContextConfig;

/* True if @kind can run on this host. */
bool tcg_backend_available(TCGBackendKind kind);
/* The name of a backend ("jit", "interp"). */
const char *tcg_backend_name(TCGBackendKind kind);
/* Parse "jit" or "interp". */
bool tcg_backend_parse(const char *str, TCGBackendKind *kind, Error **errp);

/*
 * Create a context: map its code buffer and, for the JIT, generate the
 * prologue.  Fails (with *errp naming the bad field) when the config is
 * out of range, the backend is not available here, or mmap fails.
 */
TCGContext *tcg_context_new(const TCGContextConfig *cfg, Error **errp);
void tcg_context_free(TCGContext *s);
TCGBackendKind tcg_context_backend(const TCGContext *s);

/*
 * Globals: the fixed env pointer (always available), and CPU-state fields
 * at @offset bytes from env.  Register globals once after creating the
 * context, before the first tcg_func_start(); @name is used in dumps and
 * must outlive the context.
 */
TCGv_ptr tcg_env(TCGContext *s);
TCGv_i32 tcg_global_mem_new_i32(TCGContext *s, ptrdiff_t offset,
                                const char *name);
TCGv_i64 tcg_global_mem_new_i64(TCGContext *s, ptrdiff_t offset,
                                const char *name);

/* Start a new translation: drop all non-global temps, labels and ops. */
void tcg_func_start(TCGContext *s);

/* New TB temps: live across branches and labels until freed. */
TCGv_i32 tcg_temp_new_i32(TCGContext *s);
TCGv_i64 tcg_temp_new_i64(TCGContext *s);
TCGv_ptr tcg_temp_new_ptr(TCGContext *s);
/* New EBB temps: dead at each label and after br/exit_tb/goto_ptr. */
TCGv_i32 tcg_temp_ebb_new_i32(TCGContext *s);
TCGv_i64 tcg_temp_ebb_new_i64(TCGContext *s);
/* Return a temp to the pool (optional; all are dropped per translation). */
void tcg_temp_free_i32(TCGContext *s, TCGv_i32 t);
void tcg_temp_free_i64(TCGContext *s, TCGv_i64 t);
/* Read-only constants, shared for a translation. */
TCGv_i32 tcg_constant_i32(TCGContext *s, int32_t val);
TCGv_i64 tcg_constant_i64(TCGContext *s, int64_t val);

TCGLabel *gen_new_label(TCGContext *s);

/* Append one op; the builders of tcg-op.h call these. */
void tcg_gen_op1(TCGContext *s, TCGOpcode opc, TCGArg a1);
void tcg_gen_op2(TCGContext *s, TCGOpcode opc, TCGArg a1, TCGArg a2);
void tcg_gen_op3(TCGContext *s, TCGOpcode opc, TCGArg a1, TCGArg a2,
                 TCGArg a3);
void tcg_gen_op4(TCGContext *s, TCGOpcode opc, TCGArg a1, TCGArg a2,
                 TCGArg a3, TCGArg a4);
void tcg_gen_op5(TCGContext *s, TCGOpcode opc, TCGArg a1, TCGArg a2,
                 TCGArg a3, TCGArg a4, TCGArg a5);
void tcg_gen_op6(TCGContext *s, TCGOpcode opc, TCGArg a1, TCGArg a2,
                 TCGArg a3, TCGArg a4, TCGArg a5, TCGArg a6);
/*
 * A helper call: @ret is the result temp (NULL for void), @args the
 * argument temps (i32/i64/ptr handles cast to TCGArg, in order).
 */
void tcg_gen_callN(TCGContext *s, const TCGHelperInfo *info, TCGArg ret,
                   const TCGArg *args);

/* The number of ops and temps of the current translation (for tests). */
unsigned tcg_nb_ops(const TCGContext *s);

/* Run the optimizer on the current op list (tcg_gen_code does it too). */
void tcg_optimize(TCGContext *s);

/* The result of tcg_gen_code(). */
typedef enum TCGGenResult {
    TCG_GEN_OK,
    TCG_GEN_BUFFER_FULL,    /* flush the code buffer and translate again */
    TCG_GEN_TOO_BIG,        /* the block can never fit: translate fewer insns */
} TCGGenResult;

/* Where a translation landed, filled by tcg_gen_code(). */
typedef struct TCGTranslation {
    const void *code;           /* entry point, for tcg_exec / goto_ptr */
    size_t code_size;           /* bytes of code (and records) used */
    uint32_t records_offset;    /* insn_start records, from @code */
    /*
     * goto_tb slot n: offsets from @code of the patchable jump and of the
     * code after it (the unchained target); UINT32_MAX when absent.
     */
    uint32_t jmp_insn_offset[2];
    uint32_t jmp_reset_offset[2];
    unsigned nb_insns;          /* insn_start records */
} TCGTranslation;

/*
 * Optimize (unless @optimize is false), allocate registers and emit the
 * current op list into the context's code buffer.  The ops stay valid
 * until the next tcg_func_start() (so they can still be dumped).
 */
TCGGenResult tcg_gen_code(TCGContext *s, bool optimize, TCGTranslation *tr);

/* Drop all translated code (the caller first forgets every pointer). */
void tcg_code_flush(TCGContext *s);
/* Bytes of code buffer in use and in total. */
size_t tcg_code_used(const TCGContext *s);
size_t tcg_code_capacity(const TCGContext *s);

/*
 * Chain goto_tb slot @n of @tr to @target (another translation's code),
 * or back to its unchained path when @target is NULL.  Safe while other
 * threads run the code: the jump is rewritten with one aligned store.
 */
void tcg_tb_set_jmp_target(TCGContext *s, const TCGTranslation *tr, int n,
                           const void *target);

/*
 * Run translated code: enter @host_code with @env and return the value
 * of the exit_tb (or 0 from goto_ptr of 0) that left it.  Helpers and slow
 * paths called from the code may siglongjmp() out of this function (see
 * docs/devel/tcg.md "Exceptions"): no state is kept only in the frame.
 */
uintptr_t tcg_exec(TCGContext *s, void *env, const void *host_code);

/*
 * Find the guest instruction containing host address @host_pc (a retaddr
 * given to a helper or slow path) in translation @tr and copy its
 * insn_start words into @data.  Returns the index of the instruction, or
 * -1 if @host_pc is not in @tr.
 */
int tcg_restore_state(const TCGContext *s, const TCGTranslation *tr,
                      uintptr_t host_pc, uint64_t data[3]);

/*
 * Map a helper's return address (its __builtin_return_address(0)) to an
 * address inside the translated code of @s that lies in the calling
 * guest instruction, for tcg_restore_state(): under the JIT the byte
 * before @retaddr (a return address may already be the next
 * instruction's first byte); under the interpreter, a helper returns
 * into the interpreter, so this gives the position of the call the
 * calling thread is making, and slow-path retaddrs pass through.
 * Returns @retaddr unchanged when it is neither.
 */
uintptr_t tcg_call_site(const TCGContext *s, uintptr_t retaddr);

/*
 * Log the op list (`-d op` / `op_opt`), or the host code of @tr
 * (`-d out_asm`), after the caller's @prefix line (which says which
 * cluster/CPU and guest pc).
 */
void tcg_dump_ops(TCGContext *s, const char *prefix);
void tcg_dump_code(TCGContext *s, const TCGTranslation *tr,
                   const char *prefix);
/* As tcg_dump_ops, into a string (g_free it), for tests and tools. */
char *tcg_dump_ops_str(TCGContext *s);

#endif
