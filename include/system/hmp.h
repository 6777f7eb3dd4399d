/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The human monitor (HMP): commands typed at "(hemu)" on `-monitor`, or
 * sent through QMP's human-monitor-command.  See system/hmp.c.
 */
#ifndef SYSTEM_HMP_H
#define SYSTEM_HMP_H

#include "hemu/osdep.h"
#include "qapi/qmp.h"
#include "util/error.h"

/*
 * Run one command line in session @s (whose root names the run), append
 * its output to @out.  An unknown command or bad argument is an error
 * naming it and saying what is accepted.  `quit` sets
 * s->quit_after_reply; the monitor ends the run after answering.
 */
bool hmp_execute(QmpSession *s, const char *line, GString *out,
                 Error **errp);

#endif
