/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Placeholder while the subsystem is written. */
#include "hemu/osdep.h"
