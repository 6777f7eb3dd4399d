/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * What a debugger (the gdbstub) asks of accel/tcg: breakpoints, single
 * step, and being told when a vCPU stops for it.
 *
 * Breakpoints are per cluster (a GDB breakpoint applies to every thread
 * of the inferior): a list of guest virtual pcs.  The translator asks
 * translator_breakpoint() before each instruction; at a listed pc it
 * emits a call that raises EXCP_DEBUG with the state at that instruction
 * (not executed).  Inserting or removing one flushes the cluster's code
 * cache, so no TB translated without it survives.
 *
 * Watchpoints are per cluster too: ranges of guest virtual addresses and
 * the accesses (write, read, both) that stop.  The softmmu maps pages
 * holding a watched byte with TLB_WATCH, so every access to them takes
 * the slow path, which checks it against the list.  A hit restarts the
 * accessing instruction alone, lets it complete, and stops the vCPU with
 * EXCP_DEBUG after it (what GDB and LLDB expect of a target that reports
 * watchpoints after the access); cpu_watchpoint_hit() then says which.
 * Accesses by devices (DMA) and by the debugger itself are not watched.
 *
 * Single step: a stepping vCPU runs one-instruction TBs that never chain
 * and cpu_exec() returns EXCP_DEBUG after one instruction (or after the
 * exception that instruction took, at its vector).  Interrupts are not
 * taken while stepping (as QEMU's default).
 *
 * Stopping: on EXCP_DEBUG the vCPU's thread calls the cluster's
 * debug_stop hook and parks (no spinning) until the vCPUs are paused
 * (cpus_pause).  The hook runs on that vCPU thread: it must only hand the
 * event to the main loop.
 * Protocol side: system/gdbstub.c, docs/user/gdb.md.
 */
#ifndef EXEC_CPU_DEBUG_H
#define EXEC_CPU_DEBUG_H

#include "exec/cpu.h"

/*
 * Stop vCPUs of @cl at guest pc @pc.  False when the cluster already
 * holds CPU_MAX_BREAKPOINTS.  Inserting one that exists is a no-op.
 * Any thread; the vCPUs may run.
 */
bool cpu_breakpoint_insert(CPUCluster *cl, vaddr pc);
/* Remove the breakpoint at @pc; false if there was none. */
bool cpu_breakpoint_remove(CPUCluster *cl, vaddr pc);
/* Remove every breakpoint of @cl (a debugger detaches). */
void cpu_breakpoint_remove_all(CPUCluster *cl);
/* True if @cl has a breakpoint at @pc (tests, the translator). */
bool cpu_breakpoint_test(CPUCluster *cl, vaddr pc);

/*
 * Watch guest virtual [@addr, @addr + @len) of every vCPU of @cl for the
 * accesses @kind names.  False when @len is 0, the range wraps, or the
 * cluster already holds CPU_MAX_WATCHPOINTS.  Inserting one that exists
 * (same range and kind) is a no-op.  Any thread.
 */
bool cpu_watchpoint_insert(CPUCluster *cl, vaddr addr, vaddr len,
                           CPUWatchKind kind);
/* Remove the watchpoint with exactly this range and kind; false if none. */
bool cpu_watchpoint_remove(CPUCluster *cl, vaddr addr, vaddr len,
                           CPUWatchKind kind);
/* Remove every watchpoint of @cl (a debugger detaches). */
void cpu_watchpoint_remove_all(CPUCluster *cl);
/*
 * Would a load (@write false) or store of @size bytes at @addr stop a vCPU
 * of @cl?  If so, the first matching watchpoint's kind goes to *@kind and
 * the first watched byte the access touches to *@hit (tests, the softmmu).
 */
bool cpu_watchpoint_match(CPUCluster *cl, vaddr addr, unsigned size,
                          bool write, vaddr *hit, CPUWatchKind *kind);
/*
 * After @cpu stopped with EXCP_DEBUG: true if a watchpoint stopped it
 * (the access instruction has completed), with the data address and the
 * watchpoint's kind.  Only while the vCPUs are paused.
 */
bool cpu_watchpoint_hit(CPUState *cpu, vaddr *addr, CPUWatchKind *kind);

/*
 * Make @cpu single-step (or stop stepping) from its next cpu_exec();
 * only while its vCPUs are paused.
 */
void cpu_single_step(CPUState *cpu, bool on);

/*
 * Tell @fn (with @opaque) when a vCPU of @cl stops for the debugger;
 * NULL removes it.  Only while the vCPUs are paused.
 */
void cpu_cluster_set_debug_stop(CPUCluster *cl, CPUDebugStopFn *fn,
                                void *opaque);

/*
 * Drop every translated block of @cl (after a debugger changed code or
 * breakpoints).  Any thread that is not one of @cl's vCPUs.
 */
void tb_flush(CPUCluster *cl);

#endif
