/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The Hexagon frontend's debugger hooks (gdbstub.c): register numbering
 * 0..31 R0-R31, 32..63 C0-C31, the target description and the debugger's
 * address translation.  Only target/hexagon includes this.
 */
#ifndef TARGET_HEXAGON_GDBSTUB_H
#define TARGET_HEXAGON_GDBSTUB_H

#include "cpu.h"

/* Registers in the description (TargetArch.gdb_num_regs). */
#define HEX_GDB_NUM_REGS 64

/* The whole target.xml: architecture "hexagon", 64 32-bit registers. */
extern const char hex_gdb_core_xml[];

/* TargetArch.gdb_read_register/gdb_write_register: 4 bytes, LE. */
int hex_gdb_read_register(CPUState *cs, GByteArray *buf, int reg);
int hex_gdb_write_register(CPUState *cs, const uint8_t *buf, int reg);

/* TargetArch.debug_translate: a monitor-mode read, no fault raised. */
bool hex_gdb_debug_translate(CPUState *cs, vaddr va, hwaddr *pa);

#endif
