/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The operations of the second XTYPE table (hex-xtype2.isa): saturating
 * and halfword arithmetic, vector-in-register byte/halfword/word
 * operations, register-amount bit operations, rounding shifts, 16x16,
 * fractional, vector and complex multiplies, permutes and vector
 * compares.  translate-xtype2.c calls hex_xt2_eval() through one TCG
 * helper; the semantics are plain C functions of the operands, written
 * from the Hexagon V68 PRM pseudocode ("XTYPE" chapter), so they can be
 * read against the manual line by line.
 *
 * An operation code is an X2_* value in bits 7:0 and a parameter in bits
 * 15:8 (for the families that share one implementation: X2_ADDH16,
 * X2_VLANE, X2_CMPBH, X2_VCMP, X2_MPY16; see their comments in the .c
 * files).  Operands arrive zero-extended to 64 bits (pairs whole,
 * predicates as 8 bits); @x is the old destination of accumulating
 * forms.  Results: 32-bit ones in the low word, predicates in the low
 * byte.
 */
#ifndef TARGET_HEXAGON_XTYPE2_H
#define TARGET_HEXAGON_XTYPE2_H

#include "hemu/osdep.h"

enum {
    X2_ABS_SAT, X2_NEG_SAT, X2_ADDH16, X2_ADD_PP_SAT, X2_ADD_ACC, X2_ADD_NAC,
    X2_SXTW, X2_VABSH, X2_VABSH_SAT, X2_VABSW, X2_VABSW_SAT, X2_VLANE,
    X2_VRADDUB, X2_VRSADUB, X2_VRADDUH, X2_ROUND_RI, X2_ROUND_RI_SAT,
    X2_ROUND_RR, X2_ROUND_RR_SAT, X2_CROUND_RI, X2_CROUND_RR, X2_ROUND_P_SAT,
    X2_MODWRAP, X2_VCONJ, X2_NORMAMT, X2_NORMAMT_P, X2_ADD_CLB, X2_ADD_CLB_P,
    X2_CT0_P, X2_CT1_P, X2_EXTRACTU_RP, X2_EXTRACT_RP, X2_EXTRACTU_PP,
    X2_EXTRACT_PP, X2_INSERT_RP, X2_INSERT_PI, X2_INSERT_PP, X2_DEINTERLEAVE,
    X2_INTERLEAVE, X2_LFS, X2_PARITY, X2_PARITY_P, X2_SETBIT_R, X2_CLRBIT_R,
    X2_TOGGLEBIT_R, X2_TSTBIT_R, X2_NTSTBIT_R, X2_BREV, X2_BREV_P,
    X2_BITSPLIT_I, X2_BITSPLIT_R, X2_ASL_RI_SAT, X2_ASR_RI_RND, X2_ASR_PI_RND,
    X2_ASL_RR_SAT, X2_ASR_RR_SAT, X2_VASLH_I, X2_VASRH_I, X2_VLSRH_I,
    X2_VASLW_I, X2_VASRW_I, X2_VLSRW_I, X2_VASLH_R, X2_VASRH_R, X2_VLSRH_R,
    X2_VLSLH_R, X2_VASLW_R, X2_VASRW_R, X2_VLSRW_R, X2_VLSLW_R, X2_VASRH_RAW,
    X2_VASRW_RI32, X2_VASRW_RR32, X2_VASRHUB_SAT, X2_VASRHUB_RAW,
    /* hex_xt2_mpy(): MPY, PERM, PRED */
    X2_MPY16, X2_MPY_RND, X2_MPY_S1, X2_MPY_S1_SAT, X2_MPYSU, X2_MPY_H_S1_SAT,
    X2_MPY_L_S1_SAT, X2_MPY_H_S1_RND_SAT, X2_MPY_L_S1_RND_SAT,
    X2_MPY_ACC_S1_SAT, X2_MPY_NAC_S1_SAT, X2_VMPYH_SAT, X2_VMPYH_S1_SAT,
    X2_VMPYH_ACC, X2_VMPYH_ACC_SAT, X2_VMPYHSU_SAT, X2_VMPYHSU_S1_SAT,
    X2_VMPYH_RND_SAT, X2_CMPY_SAT, X2_CMPY_S1_SAT, X2_CMPYC_SAT,
    X2_CMPY_ACC_SAT, X2_CMPY_RND_SAT, X2_CMPYI, X2_CMPYR, X2_PMPYW, X2_VPMPYH,
    X2_VSPLATB, X2_VSPLATH, X2_VSPLATB_P, X2_VSXTBH, X2_VZXTBH, X2_VSXTHW,
    X2_VZXTHW, X2_VTRUNEHB, X2_VTRUNOHB, X2_SHUFFEB, X2_SHUFFOB, X2_SHUFFEH,
    X2_SHUFFOH, X2_VSATHB, X2_VSATHUB, X2_VSATWH, X2_VSATWUH, X2_VSATHB_P,
    X2_VSATHUB_P, X2_VSATWH_P, X2_VSATWUH_P, X2_SAT, X2_SATB, X2_SATUB,
    X2_SATH, X2_SATUH, X2_SWIZ, X2_VRNDWH, X2_VRNDWH_SAT, X2_VSPLICEB_I,
    X2_VALIGNB_I, X2_VCROTATE, X2_CMPBH, X2_VCMP, X2_ANY8_VCMPB_EQ, X2_MASK,
    X2_VITPACK,
    /* hex_xt2_fp(): FP */
    X2_SFFMA, X2_SFFMS, X2_SFMAX, X2_SFMIN, X2_SFCMP_EQ, X2_SFCMP_GT,
    X2_SFCMP_GE, X2_SFCMP_UO, X2_DFSUB, X2_DFCMP_EQ, X2_DFCMP_GT, X2_DFCMP_GE,
    X2_DFCMP_UO,
    /* the first table's (hex-xtype.isa) arithmetic, same evaluation */
    X2_SFADD, X2_SFSUB, X2_SFMPY, X2_DFADD,
    /* conversions: X2_CONV_UW2SF and everything after it */
    X2_CONV_UW2SF, X2_CONV_SF2UW, X2_CONV_SF2W_CHOP,
    X2_CONV_SF2UW_CHOP, X2_CONV_W2DF, X2_CONV_UW2DF, X2_CONV_DF2SF,
    X2_CONV_DF2W, X2_CONV_DF2W_CHOP, X2_CONV_DF2UW, X2_CONV_D2DF,
    X2_CONV_DF2D,
    /* the first table's conversions */
    X2_CONV_W2SF, X2_CONV_SF2W, X2_CONV_SF2DF,
    X2_NUM_OPS
};

/* The first operation handled by hex_xt2_mpy(), by hex_xt2_fp(). */
#define X2_FIRST_MPY X2_MPY16
#define X2_FIRST_FP X2_SFFMA

/* The parameter of an operation code. */
#define X2_PARAM(op) ((op) >> 8 & 0xff)

/*
 * Evaluate operation @op on @s, @t (the second source or 0), @imm (the
 * instruction's immediate or 0) and @x (the accumulator's old value).
 * Sets *@ovf when the result saturated (USR.OVF); never clears it.
 */
uint64_t hex_xt2_eval(uint32_t op, int32_t imm, uint64_t s, uint64_t t,
                      uint64_t x, bool *ovf);
/* ALU, BIT and SHIFT operations (xtype2-alu.c). */
uint64_t hex_xt2_alu(uint32_t op, int32_t imm, uint64_t s, uint64_t t,
                     uint64_t x, bool *ovf);
/* MPY, PERM and PRED operations (xtype2-mpy.c). */
uint64_t hex_xt2_mpy(uint32_t op, int32_t imm, uint64_t s, uint64_t t,
                     uint64_t x, bool *ovf);

/* USR bits of the FP operations (PRM "User status register"). */
#define X2_USR_FPINVF (1u << 1)
#define X2_USR_FPDBZF (1u << 2)
#define X2_USR_FPOVFF (1u << 3)
#define X2_USR_FPUNFF (1u << 4)
#define X2_USR_FPINPF (1u << 5)
#define X2_USR_FPRND_SHIFT 22   /* 2 bits: nearest, zero, down, up */

/*
 * FP operations (xtype2-fp.c): rounding mode from @usr (the packet's
 * USR), the sticky exception bits it raised ORed into *@flags as USR
 * bits.  A NaN result is Hexagon's default NaN (all ones).  Also the
 * evaluation of the first table's FP patterns (translate-xtype.c), so
 * that both tables round and raise flags the same way.
 */
uint64_t hex_xt2_fp(uint32_t op, uint32_t usr, uint64_t s, uint64_t t,
                    uint64_t x, uint32_t *flags);

/* Saturation helpers shared by both files: signed/unsigned @bits-bit. */
int64_t hex_xt2_sat(int64_t v, int bits, bool *ovf);
int64_t hex_xt2_satu(int64_t v, int bits, bool *ovf);

#endif
