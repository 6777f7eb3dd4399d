/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * proto.h: the protocol between the two programs of the hetero-virt demo
 * (demo/hetero/arm: the AArch64 "apps" side; demo/hetero/dsp: the
 * Hexagon DSP firmware).  Both include only this file for everything
 * they share: the register offsets of the IPC mailbox and of the DSP
 * subsystem controller, the carveout layout, the job ring and its
 * descriptors, the doorbell bits and the two computations.  Typed from
 * the machine's documentation (docs/user/hetero.md for the maps,
 * docs/user/hetero-devices.md for the registers), not from hemu's
 * headers, which the programs must not include.
 *
 * Ring (in the shared carveout; ARM address = the controller's
 * SHARED_BASE, DSP address = DEMO_DSP_SHARED_BASE):
 * - only the ARM writes `head`, only the DSP writes `tail` and `done`;
 *   indices count jobs forever (wrapping at 2^32) and job i lives in
 *   descriptor slot i % DEMO_RING_SIZE;
 * - the ARM fills a descriptor, then (after a barrier) advances head and
 *   raises doorbell DEMO_DB_JOBS; it never has more than DEMO_RING_SIZE
 *   jobs between done and head;
 * - the DSP takes the job at tail (advancing tail), writes its
 *   result/threads/cycles and then status, advances done after a
 *   barrier, and raises its DEMO_DB_DONE doorbell once tail == head.
 *
 * Refinements of the protocol in the machine contract:
 * - `threads` is a bit mask of the hardware threads (HTIDs) that
 *   computed a slice of the job, not just a count;
 * - FIR output is int32 per sample: y[n] = sum over k < ntaps of
 *   h[k] * x[n - k] with x[i < 0] = 0, in wrapping 32-bit arithmetic;
 *   result = the wrapping 32-bit sum of y[];
 * - the Adler-32 job (kind DEMO_KIND_ADLER32) returns the standard
 *   Adler-32 of the src bytes (RFC 1950, 8.2), dst is unused;
 * - on a firmware fatal error FW_CODE = (event << 8) | SSR.CAUSE and the
 *   DSP side's mailbox OUT[1] = ELR, OUT[2] = BADVA of the fault.
 */
#ifndef DEMO_HETERO_PROTO_H
#define DEMO_HETERO_PROTO_H

#include <stdint.h>

/* ---- ARM (apps) physical addresses ----------------------------------- */

#define DEMO_ARM_MAILBOX       0x0b000000ul
#define DEMO_ARM_DSPCTRL       0x0b010000ul
#define DEMO_ARM_DSP_TCM       0x0b100000ul
#define DEMO_ARM_UART          0x09000000ul
#define DEMO_ARM_GICD          0x08000000ul
#define DEMO_ARM_GICR          0x080a0000ul
#define DEMO_ARM_MAILBOX_INTID 80      /* GIC SPI 48 */
#define DEMO_ARM_DSPCTRL_INTID 81      /* GIC SPI 49 */

/* ---- DSP addresses ------------------------------------------------------ */

#define DEMO_DSP_TCM_SIZE      0x00100000u
#define DEMO_DSP_SHARED_BASE   0x80000000u
#define DEMO_SHARED_SIZE       0x01000000u   /* the carveout, 16 MiB */
#define DEMO_DSP_CFGTABLE      0xd8180000u
#define DEMO_DSP_CFG_THREAD_MASK 0x48     /* thread_enable_mask word */
#define DEMO_DSP_L2VIC         0xfc910000u
#define DEMO_DSP_QTIMER_FRAME0 0xfc921000u
#define DEMO_DSP_MAILBOX       0xfc940000u
#define DEMO_DSP_DSPCTRL       0xfc941000u
#define DEMO_DSP_UART          0xfc950000u
#define DEMO_DSP_MAILBOX_L2VIC 30      /* L2VIC input of the mailbox */

/* ---- IPC mailbox "hetero-mailbox" (same layout in both views) --------- */

#define MBOX_ID        0x000   /* reads MBOX_ID_VALUE */
#define MBOX_VERSION   0x004
#define MBOX_SIDE      0x008   /* 0 apps view, 1 DSP view */
#define MBOX_NUM_MSG   0x00c
#define MBOX_RAISE     0x010   /* WO: bits ORed into the peer's STATUS */
#define MBOX_RAISED    0x014   /* the peer's STATUS */
#define MBOX_STATUS    0x020   /* doorbells pending for self */
#define MBOX_CLEAR     0x024   /* W1C of STATUS */
#define MBOX_ENABLE    0x028   /* interrupt enable mask */
#define MBOX_PENDING   0x02c   /* STATUS & ENABLE */
#define MBOX_COUNT     0x030   /* non-zero RAISE writes the peer made */
#define MBOX_OUT(i)    (0x100 + 4 * (i))   /* self -> peer words */
#define MBOX_IN(i)     (0x180 + 4 * (i))   /* peer -> self words */
#define MBOX_ID_VALUE  0x4d424f58u

/* ---- DSP subsystem controller "hetero-dsp-ctrl" ------------------------- */

/* apps view */
#define DSPCTRL_ID              0x000   /* reads DSPCTRL_ID_VALUE */
#define DSPCTRL_VERSION         0x004
#define DSPCTRL_BOOT_ADDR       0x008
#define DSPCTRL_CTRL            0x00c   /* bit 0 RUN */
#define DSPCTRL_STATUS          0x010
#define DSPCTRL_FW_CODE         0x014
#define DSPCTRL_BOOT_COUNT      0x018
#define DSPCTRL_INT_STATUS      0x020   /* W1C; bits 1 READY, 2 FATAL */
#define DSPCTRL_INT_ENABLE      0x024
#define DSPCTRL_SHARED_BASE_LO  0x030
#define DSPCTRL_SHARED_BASE_HI  0x034
#define DSPCTRL_SHARED_SIZE     0x038
#define DSPCTRL_DSP_SHARED_BASE 0x03c
/* DSP view */
#define DSPCTRL_DSP_FW_STATE    0x004   /* write DEMO_FW_READY / FATAL */
#define DSPCTRL_DSP_FW_CODE     0x008
#define DSPCTRL_DSP_BOOT_ADDR   0x00c
#define DSPCTRL_DSP_BOOT_COUNT  0x010

#define DSPCTRL_ID_VALUE        0x48445350u
#define DSPCTRL_CTRL_RUN        (1u << 0)
#define DSPCTRL_ST_IN_RESET     (1u << 0)
#define DSPCTRL_ST_FW_READY     (1u << 1)
#define DSPCTRL_ST_FW_FATAL     (1u << 2)
#define DEMO_FW_READY           1u
#define DEMO_FW_FATAL           2u

/*
 * FW_CODE values of a fatal firmware error: below 0x3000 an unexpected
 * event, (event number << 8) | SSR.CAUSE; from 0xe000 the firmware's own
 * checks.
 */
#define DEMO_FWERR_BAD_RING     0xe001u  /* a doorbell, but no valid ring */
#define DEMO_FWERR_JOIN         0xe002u  /* a hardware thread never stopped */
#define DEMO_FWERR_EXIT         0xe100u  /* | main's return value */

/* ---- PL011 (both UARTs) --------------------------------------------------- */

#define PL011_DR        0x000
#define PL011_FR        0x018
#define PL011_FR_TXFF   (1u << 5)
#define PL011_CR        0x030
#define PL011_CR_ENABLE 0x301u         /* UARTEN | TXE | RXE */

/* ---- doorbells (mailbox STATUS bits) ---------------------------------------- */

#define DEMO_DB_JOBS   (1u << 0)       /* ARM -> DSP: new jobs in the ring */
#define DEMO_DB_DONE   (1u << 0)       /* DSP -> ARM: jobs completed */
#define DEMO_DB_FATAL  (1u << 1)       /* DSP -> ARM: firmware fatal */

/* ---- carveout layout ------------------------------------------------------- */

#define DEMO_RING_OFF   0x0000u
#define DEMO_JOBS_OFF   0x0100u
#define DEMO_DATA_OFF   0x10000u
#define DEMO_RING_MAGIC 0x52494e47u    /* "RING" */
#define DEMO_RING_SIZE  16u            /* descriptors; a power of 2 */

struct demo_ring {
    uint32_t magic;     /* DEMO_RING_MAGIC once the ARM initialised it */
    uint32_t size;      /* DEMO_RING_SIZE */
    uint32_t head;      /* ARM: jobs submitted (next job index to fill) */
    uint32_t tail;      /* DSP: jobs taken (next job index it will take) */
    uint32_t done;      /* DSP: jobs completed */
};

enum {
    DEMO_KIND_FIR = 1,         /* FIR filter, see the file comment */
    DEMO_KIND_ADLER32 = 2,     /* Adler-32 of len bytes */
    DEMO_KIND_CRASH = 0xdead,  /* makes the firmware fault on purpose */
};

enum {
    DEMO_STATUS_NONE = 0,      /* not processed yet */
    DEMO_STATUS_OK = 1,
    DEMO_STATUS_BAD = 2,       /* unknown kind or bad parameters */
};

/* One job descriptor: 64 bytes at DEMO_JOBS_OFF + 64 * slot. */
struct demo_job {
    uint32_t id;        /* ARM: job index (head at submission) */
    uint32_t kind;      /* ARM: DEMO_KIND_* */
    uint32_t src;       /* ARM: DSP address of the input */
    uint32_t len;       /* ARM: samples (FIR) or bytes (Adler-32) */
    uint32_t dst;       /* ARM: DSP address of the int32 FIR output */
    uint32_t ntaps;     /* ARM: FIR taps, 1..DEMO_FIR_MAX_TAPS */
    uint32_t taps;      /* ARM: DSP address of the int16 taps */
    uint32_t status;    /* DSP: DEMO_STATUS_* */
    uint32_t result;    /* DSP: checksum, or wrapping sum of FIR outputs */
    uint32_t cycles;    /* DSP: QTimer ticks spent (informative) */
    uint32_t threads;   /* DSP: bit t set = hardware thread t took part */
    uint32_t pad[5];
};

_Static_assert(sizeof(struct demo_job) == 64, "descriptor is 64 bytes");
_Static_assert(sizeof(struct demo_ring) <= DEMO_JOBS_OFF, "ring header");

#define DEMO_FIR_MAX_TAPS 64u

/* ---- the computations (both sides use these definitions) --------------- */

#define DEMO_ADLER_MOD 65521u

/*
 * FIR output n: sum over k < ntaps of h[k] * x[n - k], x[i < 0] = 0,
 * wrapping 32-bit (the products of two int16 fit in int32).
 */
static inline uint32_t demo_fir_at(const int16_t *x, const int16_t *h,
                                   uint32_t ntaps, uint32_t n)
{
    uint32_t acc = 0;

    for (uint32_t k = 0; k < ntaps && k <= n; k++) {
        acc += (uint32_t)((int32_t)h[k] * (int32_t)x[n - k]);
    }
    return acc;
}

/*
 * The partial sums of a slice of the Adler-32 input: a = sum of bytes,
 * b = sum of (len - j) * byte[j] (each byte weighted by the number of
 * bytes from it to the slice's end, itself included).  For a slice at
 * offset o of length l in an input of n bytes, the whole checksum is
 * A = 1 + sum(a) and B = n + sum(b + (n - o - l) * a), both mod 65521.
 * Exact in 64 bits for slices below 2^28 bytes.
 */
struct demo_adler_part {
    uint64_t a;
    uint64_t b;
};

static inline struct demo_adler_part demo_adler_slice(const uint8_t *p,
                                                      uint32_t len)
{
    struct demo_adler_part s = { 0, 0 };

    for (uint32_t j = 0; j < len; j++) {
        s.a += p[j];
        s.b += s.a;     /* byte j is added len - j times in total */
    }
    return s;
}

#endif /* DEMO_HETERO_PROTO_H */
