/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Debug logging: the `-d item,item` mask and the `-D file` destination.
 *
 * The mask and the destination are process-wide settings of the user's,
 * not machine state: every cluster of every machine logs to the same place,
 * and each line says which cluster and CPU it is about (the caller prints
 * that prefix).  Checking the mask is one load, cheap enough for hot paths;
 * writing a line takes a lock so lines of different vCPU threads never mix.
 */
#ifndef UTIL_LOG_H
#define UTIL_LOG_H

#include "hemu/osdep.h"
#include "util/error.h"

/* Log items, one bit each.  Names as the user types them in `-d`. */
enum {
    LOG_IN_ASM = 1u << 0,       /* "in_asm": guest code translated */
    LOG_OP = 1u << 1,           /* "op": IR before optimization */
    LOG_OP_OPT = 1u << 2,       /* "op_opt": IR after optimization */
    LOG_OUT_ASM = 1u << 3,      /* "out_asm": host code generated */
    LOG_EXEC = 1u << 4,         /* "exec": each translation block run */
    LOG_CPU = 1u << 5,          /* "cpu": CPU state before each block */
    LOG_INT = 1u << 6,          /* "int": interrupts and exceptions */
    LOG_MMU = 1u << 7,          /* "mmu": MMU faults and walks */
    LOG_GUEST_ERROR = 1u << 8,  /* "guest_errors": guest misuse */
    LOG_UNIMP = 1u << 9,        /* "unimp": unimplemented features */
    LOG_NOCHAIN = 1u << 10,     /* "nochain": do not chain blocks */
    LOG_PAGE = 1u << 11,        /* "page": pages of translated code */
    LOG_TRACE_DEV = 1u << 12,   /* "trace": device register accesses */
    LOG_STATS = 1u << 13,       /* "stats": per-cluster counts at exit */
};

/* The current mask; read with log_enabled(). */
extern uint32_t hemu_log_mask;

static inline bool log_enabled(uint32_t mask)
{
    return unlikely(hemu_log_mask & mask);
}

/*
 * Parse a `-d` argument ("in_asm,int", or "help").  On success store the
 * mask in *mask and return true.  "help" prints the item list to stdout
 * and sets *help.  Unknown items are an error naming the item and listing
 * the accepted ones.
 */
bool log_parse_items(const char *str, uint32_t *mask, bool *help,
                     Error **errp);
/* Print the list of items with their descriptions. */
void log_print_items(FILE *out);
void log_set_mask(uint32_t mask);
/* Send log output to @path (created or truncated); NULL means stderr. */
bool log_set_file(const char *path, Error **errp);
/* Flush and close the log file, if any. */
void log_close(void);

/* Write to the log without checking the mask; atomic per call. */
void log_printf(const char *fmt, ...) HEMU_PRINTF(1, 2);
/* Lock and unlock the log for a multi-call record; returns the stream. */
FILE *log_lock(void);
void log_unlock(FILE *f);

/* Write to the log if any bit of @mask is enabled. */
#define log_mask(mask, ...)                                                  \
    do {                                                                     \
        if (log_enabled(mask)) {                                             \
            log_printf(__VA_ARGS__);                                         \
        }                                                                    \
    } while (0)

/* Address filter of `-dfilter`: ranges of guest addresses to log. */
bool log_parse_dfilter(const char *str, Error **errp);
/* True when no filter is set or @addr lies in a filtered range. */
bool log_in_dfilter(uint64_t addr);

#endif
