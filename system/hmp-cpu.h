/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * HMP commands about vCPUs and guest memory (system/hmp-cpu.c), used by
 * the command table of system/hmp.c.
 */
#ifndef SYSTEM_HMP_CPU_H
#define SYSTEM_HMP_CPU_H

#include "hemu/osdep.h"
#include "qapi/qmp.h"

/* info registers: the current vCPU's registers (frontend's dump). */
bool hmp_info_registers(QmpSession *s, GString *out, Error **errp);
/* info cpus: every vCPU with its index, cluster, pc and state. */
bool hmp_info_cpus(QmpSession *s, GString *out, Error **errp);
/* cpu N: make vCPU N (an index of `info cpus`) the current one. */
bool hmp_cpu(QmpSession *s, const char *arg, GString *out, Error **errp);
/*
 * For `info mtree`: after the machine's map, the flat view of every CPU
 * cluster's address space (what its vCPUs see).
 */
void hmp_mtree_clusters(QmpSession *s, GString *out);
/* xp /FMT ADDR: guest physical memory as the current vCPU sees it. */
bool hmp_xp(QmpSession *s, const char *arg, GString *out, Error **errp);
/*
 * x /FMT ADDR: guest virtual memory as the current vCPU's translation
 * regime maps it now (no fault raised in the guest), same formats as xp.
 */
bool hmp_x(QmpSession *s, const char *arg, GString *out, Error **errp);

#endif
