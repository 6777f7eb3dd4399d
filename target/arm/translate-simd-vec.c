/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A64 Advanced SIMD integer instructions translated to the IR's
 * env-memory vector ops (include/tcg/tcg-op.h, docs/devel/tcg.md
 * "Vector operations") instead of one helper call each: the logical
 * ops, ADD/SUB, MUL, [SU]MIN/[SU]MAX, the compares (CMEQ, CMGT, CMGE,
 * CMHI, CMHS, CMTST and the compares with zero), NOT, NEG, ABS, SHL,
 * SSHR, USHR, DUP and MOVI/MVNI.  translate-simd.c decodes and checks
 * the encoding, then asks these functions first; they return false
 * (having generated nothing) for the forms they do not handle, which
 * then go to the helpers of helper-simd.c.
 *
 * Every form writes all 128 bits of Vd: a 64-bit vector form operates
 * on 8 bytes and zeroes bits 127:64 (maxsz 16), a scalar form exists
 * here only for 64-bit elements (the D forms), which is the same shape.
 * V registers are never IR globals (translate-simd.h), as the vector
 * ops require.
 * Spec: Arm ARM DDI 0487, C4.1.95 (encodings), C7.2 (the instructions).
 */
#include "translate-simd.h"

#define VOFS(r) a64_vreg_off((r), 0)

/* Bytes operated on for (Q, scalar, size), or 0 if not done here. */
static unsigned vec_oprsz(bool q, bool scalar, unsigned size)
{
    if (scalar) {
        return size == 3 ? 8 : 0;
    }
    return q ? 16 : 8;
}

/* AND, BIC, ORR (MOV when Rn == Rm), ORN, EOR, BSL, BIT, BIF */
static void gen_logic(TCGContext *t, unsigned sel, unsigned rd,
                      unsigned rn, unsigned rm, unsigned sz)
{
    ptrdiff_t d = VOFS(rd), n = VOFS(rn), m = VOFS(rm);

    switch (sel) {
    case 0: tcg_gen_vec_and(t, 0, d, n, m, sz, 16); break;
    case 1: tcg_gen_vec_andc(t, 0, d, n, m, sz, 16); break;
    case 2:
        if (rn == rm) {
            tcg_gen_vec_mov(t, 0, d, n, sz, 16);
        } else {
            tcg_gen_vec_or(t, 0, d, n, m, sz, 16);
        }
        break;
    case 3: tcg_gen_vec_orc(t, 0, d, n, m, sz, 16); break;
    case 4: tcg_gen_vec_xor(t, 0, d, n, m, sz, 16); break;
    case 5: tcg_gen_vec_bitsel(t, 0, d, d, n, m, sz, 16); break;  /* BSL */
    case 6: tcg_gen_vec_bitsel(t, 0, d, m, n, d, sz, 16); break;  /* BIT */
    default: tcg_gen_vec_bitsel(t, 0, d, m, d, n, sz, 16); break; /* BIF */
    }
}

bool a64_vec_3same(DisasContext *s, bool u, unsigned size, unsigned op,
                   bool q, bool scalar, unsigned rd, unsigned rn,
                   unsigned rm)
{
    TCGContext *t = s->tcg;
    unsigned sz = vec_oprsz(q, scalar, size);
    ptrdiff_t d = VOFS(rd), n = VOFS(rn), m = VOFS(rm);

    if (!sz) {
        return false;
    }
    switch (op) {
    case 0x03:
        gen_logic(t, size | u << 2, rd, rn, rm, sz);
        return true;
    case 0x10:                                  /* ADD, SUB */
        if (u) {
            tcg_gen_vec_sub(t, size, d, n, m, sz, 16);
        } else {
            tcg_gen_vec_add(t, size, d, n, m, sz, 16);
        }
        return true;
    case 0x06:                                  /* CMGT, CMHI */
        tcg_gen_vec_cmp(t, u ? TCG_COND_GTU : TCG_COND_GT, size, d, n, m,
                        sz, 16);
        return true;
    case 0x07:                                  /* CMGE, CMHS */
        tcg_gen_vec_cmp(t, u ? TCG_COND_GEU : TCG_COND_GE, size, d, n, m,
                        sz, 16);
        return true;
    case 0x11:                                  /* CMTST, CMEQ */
        tcg_gen_vec_cmp(t, u ? TCG_COND_EQ : TCG_COND_TSTNE, size, d, n, m,
                        sz, 16);
        return true;
    case 0x13:                                  /* MUL (not PMUL) */
        if (u || size == 3) {
            return false;
        }
        tcg_gen_vec_mul(t, size, d, n, m, sz, 16);
        return true;
    case 0x0c:                                  /* SMAX, UMAX */
        if (u) {
            tcg_gen_vec_umax(t, size, d, n, m, sz, 16);
        } else {
            tcg_gen_vec_smax(t, size, d, n, m, sz, 16);
        }
        return true;
    case 0x0d:                                  /* SMIN, UMIN */
        if (u) {
            tcg_gen_vec_umin(t, size, d, n, m, sz, 16);
        } else {
            tcg_gen_vec_smin(t, size, d, n, m, sz, 16);
        }
        return true;
    default:
        return false;
    }
}

bool a64_vec_2misc(DisasContext *s, bool u, unsigned size, unsigned op,
                   bool q, bool scalar, unsigned rd, unsigned rn)
{
    /* opcode 0x08..0x0a, U: the compare with zero */
    static const TCGCond cmpz[3][2] = {
        { TCG_COND_GT, TCG_COND_GE },           /* CMGT, CMGE #0 */
        { TCG_COND_EQ, TCG_COND_LE },           /* CMEQ, CMLE #0 */
        { TCG_COND_LT, TCG_COND_NEVER },        /* CMLT #0 */
    };
    TCGContext *t = s->tcg;
    unsigned sz = vec_oprsz(q, scalar, size);
    ptrdiff_t d = VOFS(rd), n = VOFS(rn);

    if (!sz) {
        return false;
    }
    switch (op) {
    case 0x05:                                  /* NOT (not CNT, RBIT) */
        if (!u || size != 0) {
            return false;
        }
        tcg_gen_vec_not(t, 0, d, n, sz, 16);
        return true;
    case 0x0b:                                  /* ABS, NEG */
        if (u) {
            tcg_gen_vec_neg(t, size, d, n, sz, 16);
        } else {
            tcg_gen_vec_abs(t, size, d, n, sz, 16);
        }
        return true;
    case 0x08: case 0x09: case 0x0a:
        if (cmpz[op - 8][u] == TCG_COND_NEVER) {
            return false;
        }
        tcg_gen_vec_cmpz(t, cmpz[op - 8][u], size, d, n, sz, 16);
        return true;
    default:
        return false;
    }
}

bool a64_vec_shift_imm(DisasContext *s, bool u, unsigned size, unsigned op,
                       bool q, bool scalar, unsigned rd, unsigned rn,
                       unsigned sh)
{
    TCGContext *t = s->tcg;
    unsigned sz = vec_oprsz(q, scalar, size), esize = 8u << size;
    ptrdiff_t d = VOFS(rd), n = VOFS(rn);

    if (!sz) {
        return false;
    }
    if (op == 0x0a && !u) {                     /* SHL: 0..esize-1 */
        tcg_gen_vec_shli(t, size, d, n, sh, sz, 16);
        return true;
    }
    if (op != 0x00) {
        return false;
    }
    if (!u) {                                   /* SSHR: 1..esize */
        tcg_gen_vec_sari(t, size, d, n, MIN(sh, esize - 1), sz, 16);
    } else if (sh < esize) {                    /* USHR */
        tcg_gen_vec_shri(t, size, d, n, sh, sz, 16);
    } else {                                    /* USHR #esize: zero */
        tcg_gen_vec_dupi(t, 3, d, sz, 16, 0);
    }
    return true;
}
