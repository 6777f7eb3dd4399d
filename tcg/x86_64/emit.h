/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * x86-64 instruction encoding for the JIT (Intel SDM vol. 2, chapter 2:
 * REX prefixes, ModRM/SIB).  Only the forms the backend uses: reg-reg,
 * [base + disp32], [base + index], immediates.  Private to tcg/x86_64.
 */
#ifndef TCG_X86_64_EMIT_H
#define TCG_X86_64_EMIT_H

#include "../internal.h"

enum {
    RAX, RCX, RDX, RBX, RSP, RBP, RSI, RDI,
    R8, R9, R10, R11, R12, R13, R14, R15,
};

/* Opcode flags above the low byte. */
#define P_EXT 0x100     /* 0x0F escape */
#define P_REXW 0x200    /* 64-bit operand size */
#define P_DATA16 0x400  /* 0x66 prefix */
#define P_F3 0x800      /* 0xF3 prefix */
#define P_REXB 0x1000   /* force a REX so byte regs are sil/dil/... */

#define OPC_ADD 0x01
#define OPC_OR 0x09
#define OPC_AND 0x21
#define OPC_SUB 0x29
#define OPC_XOR 0x31
#define OPC_CMP 0x39
#define OPC_CMP_LOAD 0x3b
#define OPC_TEST 0x85
#define OPC_MOVSXD 0x63
#define OPC_STORE8 (0x88 | P_REXB)
#define OPC_STORE 0x89
#define OPC_LOAD 0x8b
#define OPC_LEA 0x8d
#define OPC_GRP1_IMM32 0x81
#define OPC_GRP1_IMM8 0x83
#define OPC_SHIFT_IMM 0xc1
#define OPC_SHIFT_CL 0xd3
#define OPC_GRP3 0xf7
#define OPC_IMUL (0xaf | P_EXT)
#define OPC_MOVZB (0xb6 | P_EXT)
#define OPC_MOVZW (0xb7 | P_EXT)
#define OPC_MOVSB (0xbe | P_EXT)
#define OPC_MOVSW (0xbf | P_EXT)
#define OPC_BSF (0xbc | P_EXT)
#define OPC_BSR (0xbd | P_EXT)
#define OPC_POPCNT (0xb8 | P_EXT | P_F3)
#define OPC_SETCC (0x90 | P_EXT | P_REXB)
#define OPC_CMOVCC (0x40 | P_EXT)

/* group extensions (ModRM.reg) */
enum { EXT_ROL = 0, EXT_ROR = 1, EXT_SHL = 4, EXT_SHR = 5, EXT_SAR = 7 };
enum { EXT_NOT = 2, EXT_NEG = 3, EXT_MUL = 4, EXT_IMUL = 5, EXT_DIV = 6,
       EXT_IDIV = 7 };
enum { EXT_AND = 4, EXT_CMPI = 7 };

/* condition codes */
enum { JCC_B = 2, JCC_AE = 3, JCC_E = 4, JCC_NE = 5, JCC_BE = 6, JCC_A = 7,
       JCC_L = 0xc, JCC_GE = 0xd, JCC_LE = 0xe, JCC_G = 0xf };

static inline void emit8(TCGContext *s, uint8_t v)
{
    *s->code_ptr++ = v;
}

static inline void emit32(TCGContext *s, uint32_t v)
{
    memcpy(s->code_ptr, &v, 4);
    s->code_ptr += 4;
}

static inline void emit64(TCGContext *s, uint64_t v)
{
    memcpy(s->code_ptr, &v, 8);
    s->code_ptr += 8;
}

static inline void emit_opc(TCGContext *s, int opc, int r, int rm, int x)
{
    int rex = 0;

    if (opc & P_DATA16) {
        emit8(s, 0x66);
    }
    if (opc & P_F3) {
        emit8(s, 0xf3);
    }
    rex |= (opc & P_REXW) ? 8 : 0;
    rex |= (r & 8) >> 1;
    rex |= (x & 8) >> 2;
    rex |= (rm & 8) >> 3;
    if (rex || (opc & P_REXB)) {
        emit8(s, 0x40 | rex);
    }
    if (opc & P_EXT) {
        emit8(s, 0x0f);
    }
    emit8(s, opc & 0xff);
}

/* opc with ModRM reg = @r, rm = register @rm */
static inline void emit_rr(TCGContext *s, int opc, int r, int rm)
{
    emit_opc(s, opc, r, rm, 0);
    emit8(s, 0xc0 | (r & 7) << 3 | (rm & 7));
}

/* opc with ModRM reg = @r, rm = [base + disp32] */
static inline void emit_rm(TCGContext *s, int opc, int r, int base,
                           int32_t disp)
{
    emit_opc(s, opc, r, base, 0);
    if ((base & 7) == RSP) {
        emit8(s, 0x84 | (r & 7) << 3);
        emit8(s, 0x24);
    } else {
        emit8(s, 0x80 | (r & 7) << 3 | (base & 7));
    }
    emit32(s, disp);
}

/* opc with ModRM reg = @r, rm = [base + index] (index != RSP) */
static inline void emit_rmx(TCGContext *s, int opc, int r, int base, int idx)
{
    emit_opc(s, opc, r, base, idx);
    emit8(s, 0x44 | (r & 7) << 3);
    emit8(s, (idx & 7) << 3 | (base & 7));
    emit8(s, 0);
}

#endif
