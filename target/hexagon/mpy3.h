/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The operations of the third multiply table (hex-mpy3.isa): complex,
 * vector complex, vector halfword, byte, polynomial-accumulate and
 * word-by-halfword multiplies.  translate-mpy3.c calls hex_mpy3_eval()
 * through one pure TCG helper; the semantics in mpy3.c are plain C
 * functions of the operands, written from the Hexagon V68 PRM
 * pseudocode ("XTYPE/MPY").
 *
 * An operation code is an M3_* kind in bits 7:0 and M3P_* modifier bits
 * above.  Operands arrive zero-extended to 64 bits (pairs whole); @x is
 * the old destination of the accumulating forms (Rx, Rxx).  A 32-bit
 * result is in the low word.
 */
#ifndef TARGET_HEXAGON_MPY3_H
#define TARGET_HEXAGON_MPY3_H

#include "hemu/osdep.h"

enum {
    M3_CMPY,            /* Rdd [+-]= cmpy(Rs,Rt[*])[:<<1]:sat */
    M3_CMPY_RND,        /* Rd = cmpy(Rs,Rt[*])[:<<1]:rnd:sat */
    M3_CMPYIR_ACC,      /* Rxx += cmpyi/cmpyr(Rs,Rt) */
    M3_CMPYWH,          /* Rd = cmpyiwh/cmpyrwh(Rss,Rt[*]):<<1:rnd:sat */
    M3_VCMPY,           /* Rdd [+]= vcmpyr/vcmpyi(Rss,Rtt)[:<<1]:sat */
    M3_VRCMPY,          /* Rdd [+]= vrcmpyr/vrcmpyi(Rss,Rtt[*]) */
    M3_VRCMPYS,         /* [Rdd +=] vrcmpys(Rss,Rtt):<<1[:rnd]:sat:raw */
    M3_VRMPYH,          /* Rdd [+]= vrmpyh(Rss,Rtt) */
    M3_VDMPY,           /* Rdd [+]= vdmpy(Rss,Rtt)[:<<1]:sat */
    M3_VDMPY_RND,       /* Rd = vdmpy(Rss,Rtt)[:<<1]:rnd:sat */
    M3_VMPYEH,          /* Rdd [+]= vmpyeh(Rss,Rtt)[[:<<1]:sat] */
    M3_VMPYH_ACC,       /* Rxx += vmpyh/vmpyhsu(Rs,Rt)[:<<1]:sat */
    M3_VMPYH_RND,       /* Rd = vmpyh(Rs,Rt):<<1:rnd:sat */
    M3_VRMPYB,          /* Rdd [+]= vrmpybu/vrmpybsu(Rss,Rtt) */
    M3_VDMPYBSU,        /* Rdd [+]= vdmpybsu(Rss,Rtt):sat */
    M3_VMPYB,           /* Rdd [+]= vmpybu/vmpybsu(Rs,Rt) */
    M3_PMPY_XOR,        /* Rxx ^= pmpyw/vpmpyh(Rs,Rt) */
    M3_VMPYWH,          /* Rdd [+]= vmpyw{e,o}[u]h(Rss,Rtt)[:<<1][:rnd]:sat */
    M3_VRMPYWH,         /* Rdd [+]= vrmpyw{e,o}h(Rss,Rtt)[:<<1] */
    M3_NUM_OPS
};

/* Modifiers (bits above the kind). */
#define M3P_S1    (1u << 8)     /* :<<1 */
#define M3P_RND   (1u << 9)     /* :rnd */
#define M3P_CONJ  (1u << 10)    /* Rt* / Rtt*: the conjugate */
#define M3P_ACC   (1u << 11)    /* += (or ^= for M3_PMPY_XOR) */
#define M3P_NAC   (1u << 12)    /* -= */
#define M3P_ALT   (1u << 13)    /* imaginary part (i), odd halves (o),
                                   vmpyhsu, vpmpyh, vrcmpys :raw:hi */
#define M3P_UNS   (1u << 14)    /* unsigned: vrmpybu, vmpybu, ...uh */
#define M3P_SAT   (1u << 15)    /* saturates (vmpyeh's plain += does not) */

/*
 * Evaluate operation @op on @s, @t and the accumulator's old value @x.
 * Sets *@ovf when a result saturated (USR.OVF); never clears it.
 */
uint64_t hex_mpy3_eval(uint32_t op, uint64_t s, uint64_t t, uint64_t x,
                       bool *ovf);

#endif
