/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The Hexagon translator's shared state and code-generation helpers,
 * used by translate.c (the packet engine) and the per-class translators
 * translate-<class>.c, each of which includes the decoder isagen
 * generates from its table (hex-<class>.isa) and implements its trans_
 * functions.
 *
 * Packet semantics (Hexagon V68 PRM, "Instruction packets"): every
 * instruction of a packet reads the registers as they were before the
 * packet; writes go to per-packet temporaries (dest_*), committed at the
 * end of the packet, so a packet that raises an exception changes
 * nothing.  Stores are queued (gen_store) and performed at the end, after
 * the later ones were probed for faults, or before a later load of the
 * packet (slot order: it must see them).  Branches set a "taken" flag;
 * the first taken branch of the packet wins and takes effect at its end.
 * A read of a predicate with ".new" gets the value written earlier in the
 * packet; an instruction that reads a .new predicate not yet produced is
 * deferred (pred_cond returns NULL and the trans_ function returns true at
 * once) and translated after the other instructions.
 */
#ifndef TARGET_HEXAGON_TRANSLATE_H
#define TARGET_HEXAGON_TRANSLATE_H

#include "cpu.h"
#include "disas.h"
#include "exec/translator.h"
#include "tcg/tcg-op.h"

/* IR globals of the frontend (one set per TCG context). */
typedef struct HexGlobals {
    TCGv_i32 gpr[32];
    TCGv_i32 pred[4];
    TCGv_i32 cr[32];            /* [4] and [9] are NULL: see pred, pc */
    TCGv_i32 pc;
} HexGlobals;

/* TB flags (the key's flags). */
#define HEX_TB_MODE_MASK 3u     /* HexMode */
#define HEX_TB_SEMIHOST (1u << 2)
#define HEX_TB_GRE (1u << 3)    /* CCR.GRE */

#define HEX_MAX_STORES 2
#define HEX_MAX_TEMPS 160

/* A store of the packet, performed at its end. */
typedef struct HexStore {
    TCGv_i64 addr;
    TCGv_i64 val;
    MemOp op;
    TCGv_i32 cond;              /* NULL: unconditional; else done if != 0 */
} HexStore;

/* An action at the end of a packet, after the commit. */
typedef enum HexEndAction {
    HEX_END_NONE,
    HEX_END_EVENT,              /* raise end_event/end_cause, ELR = next */
    HEX_END_RTE,                /* pc = ELR, SSR.EX = 0 */
    HEX_END_EXIT,               /* state changed: leave the TB */
    HEX_END_SLEEP,              /* stop/wait: end_sys_op on end_sys_arg */
} HexEndAction;

typedef struct DisasContext {
    TranslatorCtx *base;
    TCGContext *tcg;
    HexGlobals *g;
    uint32_t pkt_pc;            /* address of the packet */
    uint32_t next_pc;           /* address after it */
    HexMode mode;
    unsigned mmu_idx;
    bool semihost;
    bool gre;
    /* the instruction being translated */
    uint32_t insn;
    bool ext_pending;           /* an immext applies to this instruction */
    uint32_t ext_bits;          /* its upper 26 bits */
    bool second_pass;           /* deferred instructions are translated */
    bool defer;                 /* set by pred_cond: try again later */
    bool insn_cond;             /* the instruction's writes are predicated */
    uint32_t insn_gpr, insn_cr; /* registers it wrote so far */
    /* new-value operands: per instruction of the packet (extenders not
       counted), for get_new_gpr */
    int slot;                   /* index of the instruction translated */
    int8_t slot_dest[2 * HEX_MAX_PACKET_WORDS]; /* first GPR written; -1 */
    bool slot_done[2 * HEX_MAX_PACKET_WORDS];   /* translated, not deferred */
    /* destinations of the packet */
    TCGv_i32 new_gpr[32];
    uint32_t gpr_written, gpr_uncond;
    TCGv_i32 new_pred[4];
    uint32_t pred_written;
    TCGv_i32 new_cr[32];
    uint32_t cr_written, cr_uncond;
    HexStore stores[HEX_MAX_STORES];
    int nstores;
    TCGv_i32 stores_done;       /* block temp: 1 once a load did the queued
                                   stores early (set to 0 per packet) */
    bool stores_early;          /* this packet has such a load */
    /* branches: the first taken one wins */
    int nbranch;
    TCGv_i32 br_taken;          /* 0/1 */
    TCGv_i32 br_dest;
    bool br_static;             /* the only branch is direct, br_target */
    uint32_t br_target;
    TCGv_i32 br_cond;           /* its condition, NULL: always */
    /* end of packet */
    HexEndAction end;
    unsigned end_event, end_cause;
    bool end_semihost;          /* trap0(#0) with semihosting on */
    int end_sys_op;             /* HEX_SYS_STOP or HEX_SYS_WAIT */
    TCGv_i32 end_sys_arg;
    bool noreturn;              /* an exception was raised unconditionally */
    /* temps to free at the end of the packet */
    void *temps[HEX_MAX_TEMPS];
    bool temps_64[HEX_MAX_TEMPS];
    int ntemps;
} DisasContext;

/* The TargetArch hooks of translate.c. */
void *hex_tcg_init(TCGContext *tcg);
void hex_tcg_free(void *globals);
void hex_translate_block(TranslatorCtx *ctx);

/* Per-class decoders: true if @insn decoded (and was translated). */
bool hex_decode_alu32(DisasContext *ctx, uint32_t insn);
bool hex_decode_j(DisasContext *ctx, uint32_t insn);
bool hex_decode_ldst(DisasContext *ctx, uint32_t insn);
bool hex_decode_cr(DisasContext *ctx, uint32_t insn);
bool hex_decode_sys(DisasContext *ctx, uint32_t insn);
bool hex_decode_xtype(DisasContext *ctx, uint32_t insn);
bool hex_decode_xtype2(DisasContext *ctx, uint32_t insn);
bool hex_decode_more(DisasContext *ctx, uint32_t insn);
bool hex_decode_mpy3(DisasContext *ctx, uint32_t insn);
bool hex_decode_perm3(DisasContext *ctx, uint32_t insn);
bool hex_decode_ldst2(DisasContext *ctx, uint32_t insn);
bool hex_decode_fp(DisasContext *ctx, uint32_t insn);
bool hex_decode_rest(DisasContext *ctx, uint32_t insn);
bool hex_decode_sys2(DisasContext *ctx, uint32_t insn);
bool hex_decode_dma(DisasContext *ctx, uint32_t insn);
/* Duplex halves; @group: 0 L1, 1 L2, 2 S1, 3 S2, 4 A. */
bool hex_decode_sub(DisasContext *ctx, int group, uint32_t half);

/* The isagen extend hook: a pending immext replaces the upper bits. */
int64_t extend_imm(DisasContext *ctx, uint32_t raw, int64_t value, int keep);

/* --- temporaries (freed at the end of the packet) ------------------ */
TCGv_i32 tmp32(DisasContext *ctx);
TCGv_i64 tmp64(DisasContext *ctx);

/* --- registers ------------------------------------------------------ */

/* R@r as read by the packet (the value before it). */
TCGv_i32 get_gpr(DisasContext *ctx, unsigned r);
/* R@r+1:R@r as a 64-bit value (new temp). */
TCGv_i64 get_gpr_pair(DisasContext *ctx, unsigned r);
/*
 * The packet's temporary for a write of R@r: committed at the end of the
 * packet.  Call before any conditional branch of the instruction (the
 * temporary starts as the old value).  Detects write conflicts.
 */
TCGv_i32 dest_gpr(DisasContext *ctx, unsigned r);
/* Write the pair R@r+1:R@r from @v. */
void set_gpr_pair(DisasContext *ctx, unsigned r, TCGv_i64 v);
/* Destinations of a pair, for conditional code: both halves. */
void dest_gpr_pair(DisasContext *ctx, unsigned r);

/*
 * The new value of the register written by the instruction @dist
 * instructions before this one in the packet (a new-value operand, PRM
 * "New-value operands").  Returns NULL when the trans_ function must
 * return true at once: the producer is deferred (retried later) or there
 * is none (the invalid-packet event was raised).
 */
TCGv_i32 get_new_gpr(DisasContext *ctx, unsigned dist);

/* Predicate P@p (old value, 0..0xff). */
TCGv_i32 get_pred(DisasContext *ctx, unsigned p);
/* Write P@p: several writes of one packet are ANDed. */
void set_pred(DisasContext *ctx, unsigned p, TCGv_i32 v);
/* Write P@p from a 0/1 condition (0xff or 0). */
void set_pred_bool(DisasContext *ctx, unsigned p, TCGv_i32 b);

/* Control register C@r as read by the packet (C9 = the packet's pc). */
TCGv_i32 get_cr(DisasContext *ctx, unsigned r);
/* Write C@r (C4 writes P3:0, C9 is read-only, C8 USR). */
void set_cr(DisasContext *ctx, unsigned r, TCGv_i32 v);
/* The temp of C@r written by the packet (LC0, SA0, USR, ...). */
TCGv_i32 dest_cr(DisasContext *ctx, unsigned r);

/*
 * The condition of a predicated instruction (@pc: bit 3 sense, bit 2
 * .new, bits 1:0 Pu) as 0/1, marking the instruction conditional.
 * Returns NULL when the .new value is not produced yet: the trans_
 * function must return true at once (it is retried later).
 */
TCGv_i32 pred_cond(DisasContext *ctx, unsigned pc);
/* Branch to the returned label when @cond is 0. */
TCGLabel *gen_skip_unless(DisasContext *ctx, TCGv_i32 cond);

/* --- memory --------------------------------------------------------- */

/* Zero-extended 32-bit address @base + @off as the IR's i64 address. */
TCGv_i64 gen_addr(DisasContext *ctx, TCGv_i32 base, int32_t off);
/* Load into a 32-bit temp (MO_8..MO_32, signed or not). */
TCGv_i32 gen_load32(DisasContext *ctx, TCGv_i64 addr, MemOp op);
TCGv_i64 gen_load64(DisasContext *ctx, TCGv_i64 addr);
/* Queue a store of @val (low bits as @op says) for the packet's end. */
void gen_store32(DisasContext *ctx, TCGv_i64 addr, TCGv_i32 val, MemOp op,
                 TCGv_i32 cond);
void gen_store64(DisasContext *ctx, TCGv_i64 addr, TCGv_i64 val,
                 TCGv_i32 cond);

/* How a post-increment addressing mode updates Rx (PRM "Addressing"). */
typedef enum HexIncMode {
    HEX_INC_IMM,                /* Rx += #s4 */
    HEX_INC_M,                  /* Rx += Mu */
    HEX_INC_CIRC_IMM,           /* Rx = circ(Rx + #s4) */
    HEX_INC_CIRC_I,             /* Rx = circ(Rx + I << size) */
    HEX_INC_BREV,               /* EA = Rx with Rx.l bit-reversed; Rx += Mu */
} HexIncMode;

/*
 * The effective address of a post-increment access of @op's size
 * (translate-ldst.c): the old Rx (bit-reversed for HEX_INC_BREV); Rx's
 * new value goes to @nrx, its packet temporary (dest_gpr).  @mu selects
 * M0/M1 (and CS0/CS1 for circular modes); @imm is the scaled #s4.
 */
TCGv_i64 hex_gen_postinc(DisasContext *ctx, unsigned rx, unsigned mu,
                         int32_t imm, HexIncMode mode, MemOp op,
                         TCGv_i32 nrx);

/* Store kinds: the value's size and, for HEX_ST_HH, its upper half. */
typedef enum HexStKind { HEX_ST_B, HEX_ST_H, HEX_ST_HH, HEX_ST_W,
                         HEX_ST_D } HexStKind;
/* The size of a store of @kind. */
static inline MemOp hex_st_memop(HexStKind kind)
{
    return kind == HEX_ST_B ? MO_UB
         : kind == HEX_ST_W ? MO_LEUL
         : kind == HEX_ST_D ? MO_LEUQ : MO_LEUW;
}
/*
 * Queue the store of R@rt (its upper half for HEX_ST_HH, the pair for
 * HEX_ST_D) at @addr when @cond (NULL: always); translate-ldst.c.
 */
void hex_gen_store_reg(DisasContext *ctx, HexStKind kind, TCGv_i64 addr,
                       unsigned rt, TCGv_i32 cond);

/* --- control flow --------------------------------------------------- */

/* A branch to the constant @dest when @cond (NULL: always). */
void gen_branch_imm(DisasContext *ctx, uint32_t dest, TCGv_i32 cond);
/* A branch to @dest (a register value) when @cond (NULL: always). */
void gen_branch_reg(DisasContext *ctx, TCGv_i32 dest, TCGv_i32 cond);

/* --- stack frames (translate-j.c) ---------------------------------- */

/* deallocframe when @cond (NULL: always); with @ret, dealloc_return. */
void hex_gen_deallocframe(DisasContext *ctx, TCGv_i32 cond, bool ret);
/* allocframe(#@size). */
void hex_gen_allocframe(DisasContext *ctx, uint32_t size);

/* --- events ---------------------------------------------------------- */

/* Raise event @event/@cause at this packet (nothing committed). */
void gen_event(DisasContext *ctx, unsigned event, unsigned cause);
/* An invalid or unimplemented instruction: event 2, cause 0x15. */
bool gen_invalid(DisasContext *ctx, const char *what);
/* Monitor-only instruction: false (and the event) in user/guest mode. */
bool check_monitor(DisasContext *ctx);
/* Guest-or-monitor instruction: false (and the event) in user mode. */
bool check_guest(DisasContext *ctx);

/* A helper call with env as the first argument. */
void gen_helper(DisasContext *ctx, const TCGHelperInfo *info, TCGArg ret,
                unsigned nargs, ...);

/* Unsigned/signed saturation of a 64-bit value to 32 bits, setting
   USR.OVF when it saturated. */
TCGv_i32 gen_sat32(DisasContext *ctx, TCGv_i64 v);
/* USR.OVF |= @ovf (0/1). */
void gen_set_ovf(DisasContext *ctx, TCGv_i32 ovf);
/* Register pair @r, or register @r zero-extended, as a 64-bit value. */
TCGv_i64 gen_operand64(DisasContext *ctx, unsigned r, bool pair);
/*
 * The side outputs of a table helper (the second call of the pure helper
 * pairs of the mpy3/perm3/fp tables): the bits @usr_mask of the result
 * are ORed into USR's sticky bits (gen_set_ovf; 0: none), and when @pe
 * is >= 0, bits 15:8 become predicate P@pe.
 */
void gen_side_outputs(DisasContext *ctx, TCGv_i32 side, uint32_t usr_mask,
                      int pe);

/* Helpers of helper.c called from generated code. */
extern const TCGHelperInfo hex_helper_rte_info;
extern const TCGHelperInfo hex_helper_raise_info;
extern const TCGHelperInfo hex_helper_end_event_info;
extern const TCGHelperInfo hex_helper_probe_store_info;
extern const TCGHelperInfo hex_helper_probe_load_info;
extern const TCGHelperInfo hex_helper_sreg_read_info;
extern const TCGHelperInfo hex_helper_sreg_write_info;
extern const TCGHelperInfo hex_helper_sys1_info;
extern const TCGHelperInfo hex_helper_sys2_info;
extern const TCGHelperInfo hex_helper_tlb_info;
extern const TCGHelperInfo hex_helper_memw_phys_info;
extern const TCGHelperInfo hex_helper_semihost_info;
extern const TCGHelperInfo hex_helper_pcycle_info;
extern const TCGHelperInfo hex_helper_fetch_fault_info;

/* Operations of hex_helper_sys1_info (one register operand). */
enum {
    HEX_SYS_SWI, HEX_SYS_CSWI, HEX_SYS_CIAD, HEX_SYS_SIAD, HEX_SYS_IASSIGNW,
    HEX_SYS_WAIT, HEX_SYS_RESUME, HEX_SYS_STOP, HEX_SYS_START, HEX_SYS_NMI,
    HEX_SYS_TLBLOCK, HEX_SYS_TLBUNLOCK, HEX_SYS_K0LOCK, HEX_SYS_K0UNLOCK,
    HEX_SYS_TLBINVASID, HEX_SYS_GETIMASK, HEX_SYS_IASSIGNR,
};
/* Operations of hex_helper_sys2_info (thread/predicate and a value). */
enum { HEX_SYS_SETIMASK, HEX_SYS_SETPRIO };
/* Operations of hex_helper_tlb_info. */
enum { HEX_TLB_W, HEX_TLB_R, HEX_TLB_P, HEX_TLB_CTLBW, HEX_TLB_OC };

/*
 * The descriptor of a pure table-driven XTYPE helper
 * fn(env, op, aux, s, t, x) returning @ret (TCG_CALL_I64 or _I32):
 * translate-xtype2.c and translate-perm3.c evaluate whole families
 * through one such helper, an operation number selecting the member.
 */
#define HEX_OP6_HELPER_INFO(var, fn, fname, retkind)                        \
    static const TCGHelperInfo var = {                                      \
        .func = (const void *)(fn), .name = (fname),                        \
        .flags = TCG_CALL_PURE, .nb_args = 6, .ret = (retkind),             \
        .args = { TCG_CALL_PTR, TCG_CALL_I32, TCG_CALL_I32, TCG_CALL_I64,   \
                  TCG_CALL_I64, TCG_CALL_I64 },                             \
    }

#endif
