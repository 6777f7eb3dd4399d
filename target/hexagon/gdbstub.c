/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The Hexagon registers as a debugger sees them: the target description
 * (architecture "hexagon", feature "org.gnu.gdb.hexagon.core"), the
 * register access hooks of the frontend table (TargetArch.gdb_*) and the
 * debugger's address translation.
 *
 * Numbering is the one LLDB's hexagon support and other Hexagon gdbstubs
 * use, which is also the DWARF numbering: 0..31 are R0..R31 (R29 SP, R30
 * FP, R31 LR), 32..63 the control registers C0..C31 in order (SA0, LC0,
 * SA1, LC1, P3:0, C5, M0, M1, USR, PC, UGP, GP, CS0, CS1, UPCYCLELO/HI,
 * FRAMELIMIT, FRAMEKEY, PKTCOUNTLO/HI, C20..C29, UTIMERLO/HI).  Every
 * register is 32 bits, little-endian.  The description carries LLDB's
 * extra attributes (dwarf_regnum, generic, altname), which GDB ignores.
 *
 * Reads show what the guest would read (P3:0 assembled from the four
 * predicates, the counters from the packet count, reserved ones 0);
 * writes to read-only or reserved control registers are ignored, as the
 * guest's own transfers to them are.  Each hardware thread is one GDB
 * thread (system/gdbstub.c).  Spec: Hexagon V68 Programmer's Reference
 * Manual, 2.2 (registers) and the DWARF register numbering of the
 * Hexagon ABI; LLDB's gdb-remote target.xml attributes
 * (lldb/docs/lldb-gdb-remote.txt).
 */
#include "gdbstub.h"

#define HEX_GDB_CR_FIRST 32     /* C0 */

/* One 32-bit register; @n is its number, as a string literal. */
#define HEX_GDB_REG(name, n, extra)                                       \
    "    <reg name=\"" name "\" bitsize=\"32\" regnum=\"" n "\" "         \
    "dwarf_regnum=\"" n "\" encoding=\"uint\" format=\"hex\" "            \
    "group=\"general\"" extra "/>\n"
#define HEX_GDB_R(n) HEX_GDB_REG("r" #n, #n, "")
#define HEX_GDB_C(name, n) HEX_GDB_REG(name, #n, "")

const char hex_gdb_core_xml[] =
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE target SYSTEM \"gdb-target.dtd\">\n"
    "<target version=\"1.0\">\n"
    "  <architecture>hexagon</architecture>\n"
    "  <feature name=\"org.gnu.gdb.hexagon.core\">\n"
    HEX_GDB_REG("r0", "0", " generic=\"arg1\"")
    HEX_GDB_REG("r1", "1", " generic=\"arg2\"")
    HEX_GDB_REG("r2", "2", " generic=\"arg3\"")
    HEX_GDB_REG("r3", "3", " generic=\"arg4\"")
    HEX_GDB_REG("r4", "4", " generic=\"arg5\"")
    HEX_GDB_REG("r5", "5", " generic=\"arg6\"")
    HEX_GDB_R(6) HEX_GDB_R(7) HEX_GDB_R(8) HEX_GDB_R(9)
    HEX_GDB_R(10) HEX_GDB_R(11) HEX_GDB_R(12) HEX_GDB_R(13)
    HEX_GDB_R(14) HEX_GDB_R(15) HEX_GDB_R(16) HEX_GDB_R(17)
    HEX_GDB_R(18) HEX_GDB_R(19) HEX_GDB_R(20) HEX_GDB_R(21)
    HEX_GDB_R(22) HEX_GDB_R(23) HEX_GDB_R(24) HEX_GDB_R(25)
    HEX_GDB_R(26) HEX_GDB_R(27) HEX_GDB_R(28)
    HEX_GDB_REG("r29", "29", " altname=\"sp\" generic=\"sp\"")
    HEX_GDB_REG("r30", "30", " altname=\"fp\" generic=\"fp\"")
    HEX_GDB_REG("r31", "31", " altname=\"lr\" generic=\"ra\"")
    HEX_GDB_C("sa0", 32) HEX_GDB_C("lc0", 33)
    HEX_GDB_C("sa1", 34) HEX_GDB_C("lc1", 35)
    HEX_GDB_C("p3_0", 36) HEX_GDB_C("c5", 37)
    HEX_GDB_C("m0", 38) HEX_GDB_C("m1", 39)
    HEX_GDB_C("usr", 40)
    HEX_GDB_REG("pc", "41", " generic=\"pc\"")
    HEX_GDB_C("ugp", 42) HEX_GDB_C("gp", 43)
    HEX_GDB_C("cs0", 44) HEX_GDB_C("cs1", 45)
    HEX_GDB_C("upcyclelo", 46) HEX_GDB_C("upcyclehi", 47)
    HEX_GDB_C("framelimit", 48) HEX_GDB_C("framekey", 49)
    HEX_GDB_C("pktcountlo", 50) HEX_GDB_C("pktcounthi", 51)
    HEX_GDB_C("c20", 52) HEX_GDB_C("c21", 53) HEX_GDB_C("c22", 54)
    HEX_GDB_C("c23", 55) HEX_GDB_C("c24", 56) HEX_GDB_C("c25", 57)
    HEX_GDB_C("c26", 58) HEX_GDB_C("c27", 59) HEX_GDB_C("c28", 60)
    HEX_GDB_C("c29", 61)
    HEX_GDB_C("utimerlo", 62) HEX_GDB_C("utimerhi", 63)
    "  </feature>\n"
    "</target>\n";

/* Control register @cr as the guest reads it (translate.c's get_cr). */
static uint32_t hex_gdb_read_cr(CPUState *cs, unsigned cr)
{
    CPUHexagonState *env = hex_env(cs);
    uint64_t n;

    switch (cr) {
    case HEX_CR_P3_0:
        return env->pred[0] | env->pred[1] << 8 | env->pred[2] << 16 |
               env->pred[3] << 24;
    case HEX_CR_PC:
        return env->pc;
    case HEX_CR_UPCYCLELO: case HEX_CR_UPCYCLEHI:
    case HEX_CR_PKTCNTLO: case HEX_CR_PKTCNTHI:
    case HEX_CR_UTIMERLO: case HEX_CR_UTIMERHI:
        /* the packet count; the even register is the low half */
        n = cpu_get_insn_count(cs);
        return (cr & 1) ? (uint32_t)(n >> 32) : (uint32_t)n;
    case 5:
        return 0;               /* reserved */
    default:
        return cr >= 20 && cr < 30 ? 0 : env->cr[cr];
    }
}

/* Write control register @cr as a transfer to it would (set_cr). */
static void hex_gdb_write_cr(CPUState *cs, unsigned cr, uint32_t v)
{
    CPUHexagonState *env = hex_env(cs);

    switch (cr) {
    case HEX_CR_P3_0:
        for (unsigned i = 0; i < 4; i++) {
            env->pred[i] = (v >> (8 * i)) & 0xff;
        }
        return;
    case HEX_CR_PC:
        env->pc = v & ~3u;      /* packets are word-aligned */
        return;
    default:
        if (cr == 5 || (cr >= 14 && cr <= 15) || cr >= 18) {
            return;             /* reserved or read-only: ignored */
        }
        env->cr[cr] = v;
        return;
    }
}

int hex_gdb_read_register(CPUState *cs, GByteArray *buf, int reg)
{
    uint32_t v;
    uint8_t b[4];

    if (reg < 0 || reg >= HEX_GDB_NUM_REGS) {
        return 0;
    }
    v = reg < HEX_GDB_CR_FIRST ? hex_env(cs)->gpr[reg]
                               : hex_gdb_read_cr(cs, (unsigned)reg -
                                                     HEX_GDB_CR_FIRST);
    for (unsigned i = 0; i < 4; i++) {
        b[i] = (uint8_t)(v >> (8 * i));
    }
    g_byte_array_append(buf, b, 4);
    return 4;
}

int hex_gdb_write_register(CPUState *cs, const uint8_t *buf, int reg)
{
    uint32_t v = (uint32_t)buf[0] | (uint32_t)buf[1] << 8 |
                 (uint32_t)buf[2] << 16 | (uint32_t)buf[3] << 24;

    if (reg < 0 || reg >= HEX_GDB_NUM_REGS) {
        return 0;
    }
    if (reg < HEX_GDB_CR_FIRST) {
        hex_env(cs)->gpr[reg] = v;
    } else {
        hex_gdb_write_cr(cs, (unsigned)reg - HEX_GDB_CR_FIRST, v);
    }
    return 4;
}

bool hex_gdb_debug_translate(CPUState *cs, vaddr va, hwaddr *pa)
{
    HexTranslation t;

    /* a monitor-mode read: what the guest's kernel could see */
    if (!hex_mmu_translate(hex_env(cs), va, MMU_DATA_LOAD, HEX_MMU_MONITOR,
                           &t)) {
        return false;
    }
    *pa = t.paddr | (va & 0xfff);
    return true;
}
