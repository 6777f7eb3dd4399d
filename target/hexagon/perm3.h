/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The operations of hex-perm3.isa (XTYPE/PERM, ALU, BIT and PRED
 * leftovers): two-source truncations, align/splice by a predicate, cross
 * add/sub, vaddhub, reduce max/min with index, conditional negate, vmux,
 * boundscheck, tlbmatch, !any8, vminub with a predicate, vacsh,
 * tableidx.
 * translate-perm3.c calls hex_perm3_eval() through one pure TCG helper;
 * the semantics are plain C functions of the operands, written from the
 * Hexagon V68 PRM pseudocode ("XTYPE" chapter).
 *
 * Operands arrive zero-extended to 64 bits (pairs whole, predicates as 8
 * bits).  @x is the old destination of the forms that read it (Rxx of
 * vrmax/vrmin/vrcnegh/vacsh, Rx of tableidx).  @aux is the predicate
 * operand Pu of valignb/vspliceb/vmux, or tableidx's signed offset #S6;
 * the width #u4 of tableidx arrives in @t.  Results: 32-bit ones in the low
 * word, predicates in the low byte.
 */
#ifndef TARGET_HEXAGON_PERM3_H
#define TARGET_HEXAGON_PERM3_H

#include "hemu/osdep.h"

enum {
    P3_VTRUNEWH, P3_VTRUNOWH, P3_VTRUNEHB_PP, P3_VTRUNOHB_PP, P3_VALIGNB_P,
    P3_VSPLICEB_P, P3_VXADDSUBW, P3_VXSUBADDW, P3_VXADDSUBH, P3_VXSUBADDH,
    P3_VXADDSUBH_RND, P3_VXSUBADDH_RND, P3_VADDHUB, P3_VRMAXH, P3_VRMAXUH,
    P3_VRMAXW, P3_VRMAXUW, P3_VRMINH, P3_VRMINUH, P3_VRMINW, P3_VRMINUW,
    P3_VCNEGH, P3_VRCNEGH_ACC, P3_VMUX, P3_BOUNDSCHECK_LO, P3_BOUNDSCHECK_HI,
    P3_TLBMATCH, P3_NANY8_VCMPB_EQ, P3_VMINUB_P, P3_VACSH, P3_TABLEIDXB,
    P3_TABLEIDXH, P3_TABLEIDXW, P3_TABLEIDXD,
    P3_NUM_OPS
};

/*
 * Evaluate operation @op.  *@side receives the instruction's side
 * output, never cleared: bit 0 set when a saturating form saturated
 * (USR.OVF), and for P3_VMINUB_P and P3_VACSH the predicate Pe in bits
 * 15:8.
 */
uint64_t hex_perm3_eval(uint32_t op, int32_t aux, uint64_t s, uint64_t t,
                        uint64_t x, uint32_t *side);

#endif
