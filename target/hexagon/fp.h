/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The scalar FP operations of hex-fp.isa: classification, the division
 * and square-root support instructions (sfrecipa, sfinvsqrta, the
 * sffixup* operand fixups, the :lib and :scale fused multiply-adds), the
 * double-precision max/min and the dfmpy* partial products, and the
 * conversions between 64-bit integers and sf/df that the older tables
 * lack.  translate-fp.c calls hex_fp_eval() through one pure TCG helper;
 * the semantics in fp.c are plain C on util/softfloat, written from the
 * Hexagon V68 PRM ("XTYPE/FP").
 *
 * Operands arrive zero-extended to 64 bits (pairs whole); @x is the old
 * destination of the accumulating forms.  A 32-bit result is in the low
 * word, a predicate result in the low byte.
 */
#ifndef TARGET_HEXAGON_FP_H
#define TARGET_HEXAGON_FP_H

#include "hemu/osdep.h"

enum {
    HFP_SFCLASS,        /* Pd = sfclass(Rs,#u5): @t = #u5 */
    HFP_DFCLASS,        /* Pd = dfclass(Rss,#u5): @t = #u5 */
    HFP_SFFMA_SC,       /* Rx += sfmpy(Rs,Rt,Pu):scale: @t = Rt | Pu << 32 */
    HFP_SFFMA_LIB,      /* Rx += sfmpy(Rs,Rt):lib */
    HFP_SFFMS_LIB,      /* Rx -= sfmpy(Rs,Rt):lib */
    HFP_SFRECIPA,       /* Rd,Pe = sfrecipa(Rs,Rt) */
    HFP_SFFIXUPN,       /* Rd = sffixupn(Rs,Rt) */
    HFP_SFFIXUPD,       /* Rd = sffixupd(Rs,Rt) */
    HFP_SFINVSQRTA,     /* Rd,Pe = sfinvsqrta(Rs) */
    HFP_SFFIXUPR,       /* Rd = sffixupr(Rs) */
    HFP_DFMAX,          /* Rdd = dfmax(Rss,Rtt) */
    HFP_DFMIN,          /* Rdd = dfmin(Rss,Rtt) */
    HFP_DFMPYFIX,       /* Rdd = dfmpyfix(Rss,Rtt) */
    HFP_DFMPYLL,        /* Rdd = dfmpyll(Rss,Rtt) */
    HFP_DFMPYLH,        /* Rxx += dfmpylh(Rss,Rtt) */
    HFP_DFMPYHH,        /* Rxx += dfmpyhh(Rss,Rtt) */
    HFP_UD2SF,          /* Rd = convert_ud2sf(Rss) */
    HFP_D2SF,           /* Rd = convert_d2sf(Rss) */
    HFP_UD2DF,          /* Rdd = convert_ud2df(Rss) */
    HFP_SF2UD,          /* Rdd = convert_sf2ud(Rs) */
    HFP_SF2D,           /* Rdd = convert_sf2d(Rs) */
    HFP_SF2UD_CHOP,     /* Rdd = convert_sf2ud(Rs):chop */
    HFP_SF2D_CHOP,      /* Rdd = convert_sf2d(Rs):chop */
    HFP_DF2UD,          /* Rdd = convert_df2ud(Rss) */
    HFP_DF2UD_CHOP,     /* Rdd = convert_df2ud(Rss):chop */
    HFP_DF2D_CHOP,      /* Rdd = convert_df2d(Rss):chop */
    HFP_DF2UW_CHOP,     /* Rd = convert_df2uw(Rss):chop */
    HFP_NUM_OPS
};

/* The side output of hex_fp_eval(): USR sticky bits and Pe. */
#define HFP_SIDE_USR_MASK 0x3eu         /* USR.FPINVF..FPINPF (bits 5:1) */
#define HFP_SIDE_PE_SHIFT 8             /* Pe of sfrecipa/sfinvsqrta */

/*
 * Evaluate operation @op with the rounding mode of @usr (the packet's
 * USR, FPRND in bits 23:22).  *@side receives the USR exception bits the
 * operation raised (HFP_SIDE_USR_MASK) and, for sfrecipa/sfinvsqrta, Pe
 * in bits 15:8.
 */
uint64_t hex_fp_eval(uint32_t op, uint32_t usr, uint64_t s, uint64_t t,
                     uint64_t x, uint32_t *side);

/* Rd = sfmake(#u10):pos / :neg, and the pair dfmake (PRM "XTYPE/FP"). */
uint32_t hex_fp_sfmake(uint32_t u10, bool neg);
uint64_t hex_fp_dfmake(uint32_t u10, bool neg);

#endif
