/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The list of IR opcodes, as an X-macro: each user defines
 * DEF(name, nb_oargs, nb_iargs, nb_cargs, flags) before including this
 * file, which undefines it again.  Argument order in an op is always
 * outputs, then inputs, then constant arguments.  The semantics of every
 * opcode are in docs/devel/tcg.md ("Opcodes"); the flags are the
 * TCG_OPF_* bits of include/tcg/tcg.h.  `call` has a variable number of
 * arguments (see TCGOp); its counts here are zero.
 */

/* control flow and bookkeeping; no type */
DEF(nop, 0, 0, 0, TCG_OPF_NOT_PRESENT)
DEF(set_label, 0, 0, 1, TCG_OPF_BB_END | TCG_OPF_LABEL)
DEF(br, 0, 0, 1, TCG_OPF_BB_END | TCG_OPF_BB_EXIT)
DEF(call, 0, 0, 0, TCG_OPF_CALL | TCG_OPF_SIDE_EFFECTS)
DEF(mb, 0, 0, 1, TCG_OPF_SIDE_EFFECTS)
DEF(insn_start, 0, 0, 3, TCG_OPF_SIDE_EFFECTS)
DEF(exit_tb, 0, 0, 1, TCG_OPF_BB_END | TCG_OPF_BB_EXIT | TCG_OPF_SIDE_EFFECTS)
DEF(goto_tb, 0, 0, 1, TCG_OPF_BB_END | TCG_OPF_SIDE_EFFECTS)
DEF(goto_ptr, 0, 1, 0, TCG_OPF_BB_END | TCG_OPF_BB_EXIT | TCG_OPF_SIDE_EFFECTS)

/* conversions between the widths */
DEF(extu_i32_i64, 1, 1, 0, TCG_OPF_64BIT)
DEF(exts_i32_i64, 1, 1, 0, TCG_OPF_64BIT)
DEF(extrl_i64_i32, 1, 1, 0, 0)
DEF(extrh_i64_i32, 1, 1, 0, 0)

/* guest memory: address i64, constant arg: TCGMemOpIdx (MemOp | mmu << 8) */
DEF(qemu_ld_i32, 1, 1, 1, TCG_OPF_SIDE_EFFECTS | TCG_OPF_GUEST_MEM)
DEF(qemu_st_i32, 0, 2, 1, TCG_OPF_SIDE_EFFECTS | TCG_OPF_GUEST_MEM)
DEF(qemu_ld_i64, 1, 1, 1,
    TCG_OPF_64BIT | TCG_OPF_SIDE_EFFECTS | TCG_OPF_GUEST_MEM)
DEF(qemu_st_i64, 0, 2, 1,
    TCG_OPF_64BIT | TCG_OPF_SIDE_EFFECTS | TCG_OPF_GUEST_MEM)

/* i64-only host memory and byte swap */
DEF(ld32u_i64, 1, 1, 1, TCG_OPF_64BIT)
DEF(ld32s_i64, 1, 1, 1, TCG_OPF_64BIT)
DEF(st32_i64, 0, 2, 1, TCG_OPF_64BIT | TCG_OPF_SIDE_EFFECTS)
DEF(bswap64_i64, 1, 1, 0, TCG_OPF_64BIT)

#define DEF2(name, o, i, c, f) \
    DEF(name##_i32, o, i, c, f) \
    DEF(name##_i64, o, i, c, (f) | TCG_OPF_64BIT)

DEF2(mov, 1, 1, 0, 0)
DEF2(setcond, 1, 2, 1, 0)
DEF2(movcond, 1, 4, 1, 0)
DEF2(brcond, 0, 2, 2, TCG_OPF_BB_END | TCG_OPF_COND_BRANCH)
DEF2(ld8u, 1, 1, 1, 0)
DEF2(ld8s, 1, 1, 1, 0)
DEF2(ld16u, 1, 1, 1, 0)
DEF2(ld16s, 1, 1, 1, 0)
DEF2(ld, 1, 1, 1, 0)
DEF2(st8, 0, 2, 1, TCG_OPF_SIDE_EFFECTS)
DEF2(st16, 0, 2, 1, TCG_OPF_SIDE_EFFECTS)
DEF2(st, 0, 2, 1, TCG_OPF_SIDE_EFFECTS)
DEF2(add, 1, 2, 0, 0)
DEF2(sub, 1, 2, 0, 0)
DEF2(mul, 1, 2, 0, 0)
DEF2(div, 1, 2, 0, 0)
DEF2(divu, 1, 2, 0, 0)
DEF2(rem, 1, 2, 0, 0)
DEF2(remu, 1, 2, 0, 0)
DEF2(and, 1, 2, 0, 0)
DEF2(or, 1, 2, 0, 0)
DEF2(xor, 1, 2, 0, 0)
DEF2(andc, 1, 2, 0, 0)
DEF2(orc, 1, 2, 0, 0)
DEF2(nand, 1, 2, 0, 0)
DEF2(nor, 1, 2, 0, 0)
DEF2(eqv, 1, 2, 0, 0)
DEF2(shl, 1, 2, 0, 0)
DEF2(shr, 1, 2, 0, 0)
DEF2(sar, 1, 2, 0, 0)
DEF2(rotl, 1, 2, 0, 0)
DEF2(rotr, 1, 2, 0, 0)
DEF2(neg, 1, 1, 0, 0)
DEF2(not, 1, 1, 0, 0)
DEF2(mulu2, 2, 2, 0, 0)
DEF2(muls2, 2, 2, 0, 0)
DEF2(extract, 1, 1, 2, 0)
DEF2(sextract, 1, 1, 2, 0)
DEF2(deposit, 1, 2, 2, 0)
DEF2(bswap16, 1, 1, 0, 0)
DEF2(bswap32, 1, 1, 0, 0)
DEF2(clz, 1, 2, 0, 0)
DEF2(ctz, 1, 2, 0, 0)
DEF2(ctpop, 1, 1, 0, 0)

#undef DEF2
#undef DEF
