/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The A64 translator's shared state and code generation helpers, used
 * by translate.c (the block loop) and the per-class translators
 * translate-{dp,ldst,branch,sysreg}.c.  Each class file includes its own
 * generated decoder (decode-a64-<class>.c.inc, from a64-<class>.isa) and
 * exports one a64_translate_<class>() that returns false when the word is
 * not an instruction of that class the CPU has (the loop then raises
 * UNDEFINED).
 *
 * Conventions for trans_ functions:
 * - read registers with cpu_reg() (31 = XZR, reads as a fresh zero) or
 *   cpu_reg_sp() (31 = SP); write with the same handles, then
 *   gen_zext32() for W destinations (writes to XZR go to a scratch temp);
 * - raise exceptions with gen_exception_insn() (the pc is synced first);
 * - set s->base.is_jmp when the instruction ended the block: DISAS_NORETURN
 *   (exception raised / jumped already), DISAS_UPDATE (pc written,
 *   leave through the lookup), DISAS_EXIT (state the TB key depends on
 *   changed: leave to the loop so the key is recomputed).
 * Spec: Arm ARM DDI 0487, C (A64 instruction set).
 */
#ifndef TARGET_ARM_TRANSLATE_H
#define TARGET_ARM_TRANSLATE_H

#include "internals.h"
#include "exec/translator.h"
#include "tcg/tcg-op.h"

/* How the current instruction left the block. */
typedef enum DisasJumpType {
    DISAS_NEXT = 0,             /* go on with the next instruction */
    DISAS_NORETURN,             /* code already left (exception, goto_tb) */
    DISAS_UPDATE,               /* env->pc set: lookup_and_goto_ptr */
    DISAS_EXIT,                 /* env->pc set: back to the loop (new key) */
    DISAS_CHAIN_NEXT,           /* state changed, continue at pc_next via
                                   a plain exit (e.g. after MSR) */
} DisasJumpType;

/* IR globals of the frontend (one set per TCG context). */
typedef struct A64Globals {
    TCGv_i64 x[32];             /* X0..X30, [31] = SP */
    TCGv_i64 pc;
    TCGv_i64 NF, ZF, CF, VF;
    TCGv_i64 excl_addr, excl_val, excl_high;
} A64Globals;

/*
 * Bits of TBKey.flags (arm_get_tb_key): everything the generated code of
 * a block depends on besides the pc.
 */
#define TB_FLAG_EL_SHIFT     0      /* 2 bits: current EL */
#define TB_FLAG_MMUIDX_SHIFT 2      /* 4 bits: data ARMMMUIdx */
#define TB_FLAG_TBI0         (1u << 6)  /* top byte ignored, TTBR0 half */
#define TB_FLAG_TBI1         (1u << 7)  /* top byte ignored, TTBR1 half */
#define TB_FLAG_ALIGN        (1u << 8)  /* SCTLR_ELx.A: check alignment */
#define TB_FLAG_FPEN         (1u << 9)  /* FP/SIMD may be used */
#define TB_FLAG_SS           (1u << 10) /* software step active */
#define TB_FLAG_SEMIHOST     (1u << 11) /* HLT #0xF000 is a semihost call */
#define TB_FLAG_UNPRIV_SHIFT 12     /* 4 bits: ARMMMUIdx of LDTR/STTR */
#define TB_FLAG_BE_DATA      (1u << 16) /* SCTLR_ELx.EE/E0E: big-endian data */

typedef struct DisasContext {
    TranslatorCtx *base;
    TCGContext *tcg;
    A64Globals *g;
    CPUARMState *env;           /* only for constant fields (features) */
    uint64_t pc_curr;           /* address of the instruction */
    uint64_t pc_next;           /* address after it */
    uint32_t insn;
    uint32_t features;          /* ARM_FEAT_*: the decoder's predicates */
    unsigned el;
    unsigned mmu_idx;           /* data accesses */
    unsigned unpriv_idx;        /* LDTR/STTR */
    bool tbi0, tbi1, align, fpen, semihost, be_data;
    DisasJumpType is_jmp;
    /* XZR writes and reads go to fresh temps: one per instruction */
    TCGv_i64 tmp_zero;
} DisasContext;

/* The decoders' context type, for a64-decode.h's hooks. */
#define A64_DECODE_CTX DisasContext
#include "a64-decode.h"

/* The TargetArch translation hooks (translate.c). */
void *arm_tcg_init(TCGContext *tcg);
void arm_tcg_free(void *globals);
void arm_translate_block(TranslatorCtx *ctx);

/* --- registers ------------------------------------------------------ */

/* X@reg for reading or writing; 31 is XZR (a temp: reads 0, writes lost). */
TCGv_i64 cpu_reg(DisasContext *s, unsigned reg);
/* X@reg with 31 = SP. */
TCGv_i64 cpu_reg_sp(DisasContext *s, unsigned reg);
/* After writing a W register: zero-extend bits 63:32 unless XZR. */
void gen_zext32(DisasContext *s, unsigned reg, TCGv_i64 v);
/* Write @v to X@reg (31: discard), keeping 32 bits when !@sf. */
void gen_set_reg(DisasContext *s, unsigned reg, TCGv_i64 v, bool sf);

/* --- flags ---------------------------------------------------------- */

/* Set NZCV from the result of a logical op (C = V = 0). */
void gen_logic_flags(DisasContext *s, TCGv_i64 res, bool sf);
/* res = a + b (+ carry-in CF when @with_carry), setting NZCV. */
void gen_add_flags(DisasContext *s, TCGv_i64 res, TCGv_i64 a, TCGv_i64 b,
                   bool sf, bool with_carry);
/* res = a - b (with carry: a + ~b + CF), setting NZCV. */
void gen_sub_flags(DisasContext *s, TCGv_i64 res, TCGv_i64 a, TCGv_i64 b,
                   bool sf, bool with_carry);
/*
 * Evaluate condition @cond (0..15, the A64 cond field) into a TCG
 * comparison: branch when tcg cond(*v, 0) holds.  @v is a new temp.
 */
typedef struct DisasCompare {
    TCGCond cond;
    TCGv_i64 value;             /* compared with 0 */
} DisasCompare;
void arm_test_cc(DisasContext *s, DisasCompare *c, unsigned cond);
/* Set NZCV from a 4-bit immediate (CCMP failure, MSR NZCV forms). */
void gen_set_nzcv(DisasContext *s, unsigned nzcv);

/* --- control flow --------------------------------------------------- */

/* Jump to @dest via goto_tb slot @n when allowed; ends the block. */
void gen_goto_tb(DisasContext *s, unsigned n, uint64_t dest);
/* Set env->pc to @pc (constant). */
void gen_a64_update_pc(DisasContext *s, uint64_t pc);
/*
 * Set env->pc from @dst for a branch to a register: clears the tag byte
 * per TBI (PC is a 64-bit address with bits 63:56 = bit 55 when TBI).
 */
void gen_a64_set_pc(DisasContext *s, TCGv_i64 dst);

/*
 * Raise exception @excp with @syndrome to @target_el at the current
 * instruction (pc synced to pc_curr); ends the block (DISAS_NORETURN).
 */
void gen_exception_insn(DisasContext *s, int excp, uint32_t syndrome,
                        unsigned target_el);
/* The same, to the default target EL (arm_exception_target_el). */
void gen_exception_insn_default(DisasContext *s, int excp,
                                uint32_t syndrome);
/* UNDEFINED (EC 0, default target EL), logged under -d unimp if @unimp. */
void unallocated_encoding(DisasContext *s);

/* --- memory --------------------------------------------------------- */

/*
 * The address for a load/store from base register X@rn (31 = SP) plus
 * @offset; checks SP alignment when rn is SP and SCTLR.SA is set (done
 * by the helper at run time: not implemented yet).  Returns a new temp.
 */
TCGv_i64 gen_mem_addr(DisasContext *s, unsigned rn, int64_t offset);
/* The MemOp for a data access of 2^@size bytes, with byte order and the
   alignment check SCTLR.A asks for. */
MemOp gen_data_memop(DisasContext *s, MemOp op);

/* --- helper calls --------------------------------------------------- */

/* Call @info with env and up to 5 more arguments (TCGArg handles). */
void gen_helper_call(DisasContext *s, const TCGHelperInfo *info,
                     TCGArg ret, unsigned nargs, ...);

/* --- the classes (each returns false: not a known instruction) ---- */
bool a64_translate_dpimm(DisasContext *s, uint32_t insn);
bool a64_translate_dpreg(DisasContext *s, uint32_t insn);
bool a64_translate_branch(DisasContext *s, uint32_t insn);
/* MRS/MSR (register), SYS/SYSL (a64-sys.isa, translate-sysreg.c) */
bool a64_translate_sys(DisasContext *s, uint32_t insn);
bool a64_translate_ldst(DisasContext *s, uint32_t insn);
/* SIMD and FP (issue 5): for now every word is UNDEFINED. */
bool a64_translate_simd(DisasContext *s, uint32_t insn);

/*
 * translate-sysreg.c: MRS/MSR (register), SYS/SYSL.  @is_read: MRS or
 * SYSL.  Generates the access or the trap/UNDEFINED exception.
 */
void gen_sysreg_access(DisasContext *s, bool is_read, unsigned op0,
                       unsigned op1, unsigned crn, unsigned crm,
                       unsigned op2, unsigned rt);

#endif
