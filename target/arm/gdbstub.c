/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The AArch64 registers as GDB sees them: the target description
 * (feature "org.gnu.gdb.aarch64.core") and the register access hooks of
 * the frontend table (TargetArch.gdb_*).
 *
 * Numbering is the feature's order, which GDB's aarch64 port expects:
 * 0..30 X0..X30 (64 bits), 31 SP, 32 PC (64 bits), 33 CPSR (32 bits, the
 * SPSR_ELx layout of PSTATE).  Values are little-endian (GDB's target
 * byte order for aarch64).  SIMD/FP registers are not described yet
 * (issue 5).  Spec: GDB manual, "Target Descriptions" and "AArch64
 * Features"; PSTATE layout: Arm ARM DDI 0487, C5.2.19 (SPSR_EL1).
 */
#include "cpu.h"
#include "internals.h"

enum {
    ARM_GDB_SP = 31,
    ARM_GDB_PC = 32,
    ARM_GDB_CPSR = 33,
    ARM_GDB_NUM_REGS = 34,
};

const char arm_gdb_core_xml[] =
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE target SYSTEM \"gdb-target.dtd\">\n"
    "<target version=\"1.0\">\n"
    "  <architecture>aarch64</architecture>\n"
    "  <feature name=\"org.gnu.gdb.aarch64.core\">\n"
    "    <reg name=\"x0\" bitsize=\"64\" regnum=\"0\"/>\n"
    "    <reg name=\"x1\" bitsize=\"64\"/>\n"
    "    <reg name=\"x2\" bitsize=\"64\"/>\n"
    "    <reg name=\"x3\" bitsize=\"64\"/>\n"
    "    <reg name=\"x4\" bitsize=\"64\"/>\n"
    "    <reg name=\"x5\" bitsize=\"64\"/>\n"
    "    <reg name=\"x6\" bitsize=\"64\"/>\n"
    "    <reg name=\"x7\" bitsize=\"64\"/>\n"
    "    <reg name=\"x8\" bitsize=\"64\"/>\n"
    "    <reg name=\"x9\" bitsize=\"64\"/>\n"
    "    <reg name=\"x10\" bitsize=\"64\"/>\n"
    "    <reg name=\"x11\" bitsize=\"64\"/>\n"
    "    <reg name=\"x12\" bitsize=\"64\"/>\n"
    "    <reg name=\"x13\" bitsize=\"64\"/>\n"
    "    <reg name=\"x14\" bitsize=\"64\"/>\n"
    "    <reg name=\"x15\" bitsize=\"64\"/>\n"
    "    <reg name=\"x16\" bitsize=\"64\"/>\n"
    "    <reg name=\"x17\" bitsize=\"64\"/>\n"
    "    <reg name=\"x18\" bitsize=\"64\"/>\n"
    "    <reg name=\"x19\" bitsize=\"64\"/>\n"
    "    <reg name=\"x20\" bitsize=\"64\"/>\n"
    "    <reg name=\"x21\" bitsize=\"64\"/>\n"
    "    <reg name=\"x22\" bitsize=\"64\"/>\n"
    "    <reg name=\"x23\" bitsize=\"64\"/>\n"
    "    <reg name=\"x24\" bitsize=\"64\"/>\n"
    "    <reg name=\"x25\" bitsize=\"64\"/>\n"
    "    <reg name=\"x26\" bitsize=\"64\"/>\n"
    "    <reg name=\"x27\" bitsize=\"64\"/>\n"
    "    <reg name=\"x28\" bitsize=\"64\"/>\n"
    "    <reg name=\"x29\" bitsize=\"64\"/>\n"
    "    <reg name=\"x30\" bitsize=\"64\"/>\n"
    "    <reg name=\"sp\" bitsize=\"64\" type=\"data_ptr\"/>\n"
    "    <reg name=\"pc\" bitsize=\"64\" type=\"code_ptr\"/>\n"
    "    <reg name=\"cpsr\" bitsize=\"32\"/>\n"
    "  </feature>\n"
    "</target>\n";

static void gdb_put_le(GByteArray *buf, uint64_t v, unsigned bytes)
{
    uint8_t b[8];

    for (unsigned i = 0; i < bytes; i++) {
        b[i] = (uint8_t)(v >> (8 * i));
    }
    g_byte_array_append(buf, b, bytes);
}

static uint64_t gdb_get_le(const uint8_t *buf, unsigned bytes)
{
    uint64_t v = 0;

    for (unsigned i = 0; i < bytes; i++) {
        v |= (uint64_t)buf[i] << (8 * i);
    }
    return v;
}

int arm_gdb_read_register(CPUState *cs, GByteArray *buf, int reg)
{
    CPUARMState *env = arm_env(cs);

    if (reg >= 0 && reg <= ARM_GDB_SP) {
        gdb_put_le(buf, env->xregs[reg], 8);    /* [31] is the live SP */
        return 8;
    }
    if (reg == ARM_GDB_PC) {
        gdb_put_le(buf, env->pc, 8);
        return 8;
    }
    if (reg == ARM_GDB_CPSR) {
        gdb_put_le(buf, arm_pstate_read(env), 4);
        return 4;
    }
    return 0;
}

int arm_gdb_write_register(CPUState *cs, const uint8_t *buf, int reg)
{
    CPUARMState *env = arm_env(cs);

    if (reg >= 0 && reg <= ARM_GDB_SP) {
        env->xregs[reg] = gdb_get_le(buf, 8);
        return 8;
    }
    if (reg == ARM_GDB_PC) {
        env->pc = gdb_get_le(buf, 8);
        return 8;
    }
    if (reg == ARM_GDB_CPSR) {
        unsigned old_el = arm_current_el(env);
        bool old_sp = env->pstate & PSTATE_SP;
        uint32_t v = (uint32_t)gdb_get_le(buf, 4);

        /* an EL the CPU lacks, or AArch32, is not accepted: keep EL/SP */
        if (((v & PSTATE_EL_MASK) >> PSTATE_EL_SHIFT) > arm_highest_el(env) ||
            (v & PSTATE_nRW)) {
            v = (v & ~(PSTATE_EL_MASK | PSTATE_SP | PSTATE_nRW)) |
                (env->pstate & (PSTATE_EL_MASK | PSTATE_SP));
        }
        arm_pstate_write(env, v);
        if (arm_current_el(env) != old_el ||
            (bool)(env->pstate & PSTATE_SP) != old_sp) {
            arm_swap_sp(env, old_el, old_sp);
        }
        return 4;
    }
    return 0;
}
