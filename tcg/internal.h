/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Private to tcg/: the layout of temps, labels, ops and the context, and
 * the interfaces between the passes (optimizer, liveness) and the two
 * backends (interp.c, x86_64/jit.c).
 *
 * Invariants: temps live in a fixed array inside the context, so a
 * TCGTemp pointer (which is what the typed handles are) stays valid for
 * the context's life; globals occupy temps[0, nb_globals) and the env
 * pointer is temps[0].  Ops live in a growable array; passes delete an op
 * by turning it into a nop, never by moving the others.
 */
#ifndef TCG_INTERNAL_H
#define TCG_INTERNAL_H

#include "tcg/tcg.h"

#define TCG_MAX_TEMPS 512
#define TCG_MAX_LABELS 1024
#define TCG_MAX_GLOBALS 128
#define TCG_MAX_OP_ARGS 10
#define TCG_MAX_INSNS 512

typedef enum TCGTempKind {
    TEMP_FIXED,     /* env: a host register in the JIT, never written */
    TEMP_GLOBAL,    /* a CPU-state field at env + mem_offset */
    TEMP_TB,        /* live across labels */
    TEMP_EBB,       /* dead at labels */
    TEMP_CONST,     /* the constant @val */
} TCGTempKind;

/* Where the JIT currently keeps a temp's value. */
typedef enum TCGTempVal {
    TEMP_VAL_DEAD,  /* no value (EBB temps, unwritten temps) */
    TEMP_VAL_REG,   /* in host register @reg */
    TEMP_VAL_MEM,   /* in its memory slot only */
    TEMP_VAL_CONST, /* a constant, materialized on use */
} TCGTempVal;

typedef struct TCGTemp {
    TCGType type;
    TCGTempKind kind;
    bool in_use;            /* allocated in this translation */
    int64_t val;            /* TEMP_CONST: value (i32: sign-extended) */
    ptrdiff_t mem_offset;   /* GLOBAL: from env; TB/EBB: frame slot bytes */
    const char *name;       /* globals only */
    unsigned index;         /* position in s->temps */
    /* JIT register allocation state */
    TCGTempVal val_type;
    int reg;
    bool mem_coherent;      /* memory slot holds the current value */
    /* liveness scratch: true if the value is needed later */
    bool live;
    /* optimizer scratch */
    void *opt;
} TCGTemp;

struct TCGLabel {
    unsigned id;
    bool present;           /* set_label emitted */
    uint32_t value;         /* backend: code offset once emitted */
    unsigned nb_refs;       /* backend: patch list length */
    uint32_t refs[8];       /* backend: offsets to patch (overflow: GArray) */
    GArray *more_refs;      /* uint32_t, rarely used */
};

/* Op.life bits: input i (0-based over all args) dies here. */
#define TCG_LIFE_DEAD(i) (1u << (i))

typedef struct TCGOp {
    uint16_t opc;           /* TCGOpcode */
    uint8_t call_o;         /* call: number of outputs (0 or 1) */
    uint8_t call_i;         /* call: number of inputs */
    uint32_t life;          /* liveness: TCG_LIFE_DEAD bits */
    TCGArg args[TCG_MAX_OP_ARGS];
} TCGOp;

/* Backend hooks: generate code for the current op list. */
typedef struct TCGBackend {
    TCGBackendKind kind;
    /* emit at s->code_ptr; return false if the buffer is exhausted */
    bool (*gen)(TCGContext *s, TCGTranslation *tr);
    void (*set_jmp)(TCGContext *s, const TCGTranslation *tr, int n,
                    const void *target);
    uintptr_t (*exec)(TCGContext *s, void *env, const void *code);
} TCGBackend;

struct TCGContext {
    TCGContextConfig cfg;
    const TCGBackend *backend;

    /* temps: globals first */
    TCGTemp temps[TCG_MAX_TEMPS];
    unsigned nb_globals;
    unsigned nb_temps;
    GHashTable *consts[2];  /* per TCGType: int64 value -> TCGTemp */

    TCGLabel *labels[TCG_MAX_LABELS];
    unsigned nb_labels;

    TCGOp *ops;
    unsigned nb_ops, ops_cap;
    bool overflow;          /* too many temps/labels/ops: TOO_BIG */

    /* code buffer */
    uint8_t *code_buf;      /* start of the mapping */
    size_t code_buf_size;
    uint8_t *code_gen_start;    /* first byte after the prologue */
    uint8_t *code_ptr;      /* next free byte */
    uint8_t *code_end;      /* code_buf + size - safety margin */
    /* JIT: shared epilogue addresses */
    const uint8_t *prologue;
    const uint8_t *epilogue;
    const uint8_t *epilogue_zero;   /* returns 0 (goto_ptr of 0) */
    bool host_has_popcnt;
    TCGVecIsa vec_isa;      /* resolved: never TCG_VEC_ISA_AUTO */
    /* insn_start bookkeeping during emission */
    unsigned nb_insns;
    uint32_t insn_end_off[TCG_MAX_INSNS];
    uint64_t insn_data[TCG_MAX_INSNS][3];
};

static inline TCGTemp *arg_temp(TCGArg a)
{
    return (TCGTemp *)(uintptr_t)a;
}

static inline TCGArg temp_arg(TCGTemp *t)
{
    return (TCGArg)(uintptr_t)t;
}

static inline TCGLabel *arg_label(TCGArg a)
{
    return (TCGLabel *)(uintptr_t)a;
}

static inline const TCGOpDef *op_def(const TCGOp *op)
{
    return &tcg_op_defs[op->opc];
}

/* Output, input and constant argument counts of @op (calls included). */
static inline unsigned op_nb_oargs(const TCGOp *op)
{
    return op->opc == INDEX_op_call ? op->call_o : op_def(op)->nb_oargs;
}

static inline unsigned op_nb_iargs(const TCGOp *op)
{
    return op->opc == INDEX_op_call ? op->call_i : op_def(op)->nb_iargs;
}

static inline unsigned op_nb_cargs(const TCGOp *op)
{
    return op->opc == INDEX_op_call ? 1 : op_def(op)->nb_cargs;
}

static inline const TCGHelperInfo *op_call_info(const TCGOp *op)
{
    return (const TCGHelperInfo *)(uintptr_t)
        op->args[op->call_o + op->call_i];
}

static inline bool temp_is_const(const TCGTemp *t)
{
    return t->kind == TEMP_CONST;
}

static inline bool temp_is_global(const TCGTemp *t)
{
    return t->kind == TEMP_GLOBAL;
}

/* Turn @op into a nop (passes delete ops this way). */
static inline void tcg_op_remove(TCGOp *op)
{
    op->opc = INDEX_op_nop;
}

/* Append a zeroed op (the builders fill its args). */
TCGOp *tcg_op_new(TCGContext *s, TCGOpcode opc);

/*
 * vec.c: run one vector op (its TCG_VEC_ARG_* constant arguments at
 * @vargs; @scalar is dup_vec's input) on the CPU state at @env.
 */
void tcg_vec_eval(void *env, TCGOpcode opc, const TCGArg *vargs,
                  uint64_t scalar);

/* Pure value semantics shared by interpreter, optimizer and tests. */
uint64_t tcg_eval_binop(TCGOpcode opc, uint64_t a, uint64_t b);
uint64_t tcg_eval_unop(TCGOpcode opc, uint64_t a);
bool tcg_eval_cond(TCGCond c, uint64_t a, uint64_t b, bool is64);

/* liveness.c: backward pass; deletes dead pure ops, fills op->life. */
void tcg_liveness(TCGContext *s);

/* Backends. */
extern const TCGBackend tcg_backend_interp;
/* The interpreter's current helper call site on this thread, or 0. */
uintptr_t tcg_interp_call_site(void);
extern const TCGBackend tcg_backend_jit;
/* jit: generate the prologue/epilogue at s->code_ptr. */
bool tcg_jit_init(TCGContext *s, Error **errp);

/*
 * Backends call this at each insn_start op with the code offset where the
 * new instruction's code begins (which ends the previous one).
 */
void tcg_note_insn_start(TCGContext *s, const TCGOp *op, uint32_t off);
/* Record that label @l is referenced at code offset @off. */
void tcg_label_add_ref(TCGLabel *l, uint32_t off);

/* Disassembly of x86-64 for out_asm (dump.c). */
void tcg_dump_host_code(FILE *f, const uint8_t *code, size_t size);

#endif
