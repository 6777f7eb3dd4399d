/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * main.c: the demo DSP firmware's main loop on -M hetero-virt.
 *
 * Thread 0 (released by the apps side writing the controller's CTRL.RUN)
 * prints a banner on the DSP UART, routes the mailbox interrupt (L2VIC
 * input 30) to itself, enables the mailbox's doorbell 0 interrupt and
 * reports FW_STATE = READY.  Then forever: sleep until doorbell 0
 * (interrupt, or the mailbox STATUS seen on a safety-tick wake-up), check
 * the ring the apps side set up in the carveout (it may be set up after
 * the release, e.g. by Linux long after dsp-autostart), run every job
 * between tail and head (jobs.c), put the last job id in OUT[0] and
 * raise doorbell 0 to the apps side.  Protocol: ../proto.h.
 */
#include "fw.h"

#define FW_TICK_MS 20      /* safety-net wake-up period (virtual time) */

static volatile struct demo_ring *const fw_ring =
    (volatile struct demo_ring *)(uintptr_t)(DEMO_DSP_SHARED_BASE +
                                             DEMO_RING_OFF);
static volatile struct demo_job *const fw_jobs =
    (volatile struct demo_job *)(uintptr_t)(DEMO_DSP_SHARED_BASE +
                                            DEMO_JOBS_OFF);

/* The safety net's poll: doorbells pending in the mailbox. */
static uint32_t fw_poll_mailbox(void)
{
    uint32_t st = fw_read32(DEMO_DSP_MAILBOX + MBOX_STATUS);

    if (st) {
        fw_write32(DEMO_DSP_MAILBOX + MBOX_CLEAR, st);
    }
    return st;
}

static void fw_serve(unsigned nthreads)
{
    uint32_t batches = 0, total = 0;

    for (;;) {
        struct fw_irq_stats st;
        uint32_t db = fw_wait_doorbell(fw_poll_mailbox);
        uint32_t first = fw_ring->tail;
        unsigned n;

        if (!(db & DEMO_DB_JOBS)) {
            continue;
        }
        if (fw_ring->magic != DEMO_RING_MAGIC ||
            fw_ring->size != DEMO_RING_SIZE) {
            fw_fatal(DEMO_FWERR_BAD_RING, 0, fw_ring->magic);
        }
        n = fw_drain_ring(fw_ring, fw_jobs, nthreads);
        if (!n) {
            continue;
        }
        total += n;
        batches++;
        /* print first: the apps side may end the run once it has all */
        fw_irq_stats(&st);
        fw_printf("batch %u: jobs %u..%u done (%u total; interrupts: "
                  "%u doorbell, %u tick)\n", (unsigned)batches,
                  (unsigned)first, (unsigned)(first + n - 1),
                  (unsigned)total, (unsigned)st.doorbell,
                  (unsigned)st.tick);
        fw_write32(DEMO_DSP_MAILBOX + MBOX_OUT(0), first + n - 1);
        fw_barrier();
        fw_write32(DEMO_DSP_MAILBOX + MBOX_RAISE, DEMO_DB_DONE);
    }
}

int main(void)
{
    unsigned nthreads = fw_thread_count();

    fw_console_init();
    fw_printf("hexagon DSP firmware up, %u threads (boot %u from 0x%x)\n",
              nthreads,
              (unsigned)fw_read32(DEMO_DSP_DSPCTRL + DSPCTRL_DSP_BOOT_COUNT),
              (unsigned)fw_read32(DEMO_DSP_DSPCTRL + DSPCTRL_DSP_BOOT_ADDR));
    fw_irq_init(DEMO_DSP_MAILBOX_L2VIC, false, FW_TICK_MS);
    fw_write32(DEMO_DSP_MAILBOX + MBOX_ENABLE, DEMO_DB_JOBS);
    fw_barrier();
    fw_write32(DEMO_DSP_DSPCTRL + DSPCTRL_DSP_FW_STATE, DEMO_FW_READY);
    fw_serve(nthreads);
    return 0;
}
