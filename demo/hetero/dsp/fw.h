/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * fw.h: internal interfaces of the hetero-virt demo's Hexagon DSP
 * firmware (demo/hetero/dsp/).  The firmware runs in the DSP's TCM
 * (linked at 0), thread 0 from crt0.S's _start
 * (tests/tcg/hexagon/lib/crt0.S), the other hardware threads only while
 * they compute a slice of a job.  Everything is per program; the state
 * shared between threads is written by thread 0 before it starts them
 * and read back after they stopped.
 *
 * Built twice: hetero-dsp.elf for -M hetero-virt (console = the DSP
 * PL011, doorbells = the IPC mailbox), and with -DDEMO_DSP_STANDALONE
 * hetero-dsp-selftest.elf for -M V66G_1024 (console = semihosting,
 * "doorbell" = an L2VIC soft interrupt), which checks the computations
 * and the interrupt path without the ARM side.
 */
#ifndef DEMO_HETERO_DSP_FW_H
#define DEMO_HETERO_DSP_FW_H

#include "testlib.h"
#include "proto.h"

#define FW_MAX_THREADS 8

/* ---- console.c ---------------------------------------------------------- */

/* Enable the console (the DSP UART; nothing for semihosting). */
void fw_console_init(void);
void fw_putc(char c);
void fw_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* ---- events.c ----------------------------------------------------------- */

static inline uint32_t fw_read32(uint32_t addr)
{
    return *(volatile uint32_t *)(uintptr_t)addr;
}

static inline void fw_write32(uint32_t addr, uint32_t v)
{
    *(volatile uint32_t *)(uintptr_t)addr = v;
}

/* Order this thread's earlier memory accesses before its later ones. */
static inline void fw_barrier(void)
{
    __asm__ volatile("barrier" ::: "memory");
}

/*
 * Route L2VIC input @irq (edge or level) to this thread (thread 0) as
 * core interrupt 2, and the QTimer frame 0 tick (every @tick_ms of
 * virtual time, 0 = none) as a safety net that wakes the thread even if
 * a doorbell interrupt were lost; enable interrupts on thread 0.
 */
void fw_irq_init(unsigned irq, bool edge, unsigned tick_ms);

/*
 * Sleep (`wait`) until the interrupt handler has recorded a doorbell;
 * return the doorbell bits recorded since the last call and clear them.
 * @poll (may be NULL): a function returning doorbells found by reading
 * the hardware directly, called on every wake-up (the safety net).
 */
uint32_t fw_wait_doorbell(uint32_t (*poll)(void));

/* Interrupts taken so far: from the doorbell input, from the tick. */
struct fw_irq_stats {
    uint32_t doorbell;
    uint32_t tick;
    uint32_t other;     /* another L2VIC input (none is enabled) */
    uint32_t spurious;  /* no L2VIC input active */
};
void fw_irq_stats(struct fw_irq_stats *out);

/*
 * Report a fatal error to the apps side (FW_CODE = @code, FW_STATE =
 * FATAL, doorbell DEMO_DB_FATAL; standalone: print it and exit 1) and
 * stop this thread.
 */
void fw_fatal(uint32_t code, uint32_t elr, uint32_t badva)
    __attribute__((noreturn));

/* QTimer frame 0 count, low 32 bits (ticks at the QTimer's CNTFRQ). */
uint32_t fw_ticks(void);

/* ---- jobs.c ------------------------------------------------------------- */

/* Hardware threads available (config table thread_enable_mask). */
unsigned fw_thread_count(void);

/*
 * Run @job (its input fields read once) across up to @nthreads hardware
 * threads and fill its status, result, threads and cycles fields.  A
 * DEMO_KIND_CRASH job faults on purpose (fw_fatal follows from the
 * event handler).
 */
void fw_run_job(volatile struct demo_job *job, unsigned nthreads);

/* Process every job between ring->tail and ring->head; returns how many. */
unsigned fw_drain_ring(volatile struct demo_ring *ring,
                       volatile struct demo_job *jobs, unsigned nthreads);

#endif /* DEMO_HETERO_DSP_FW_H */
