/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Placeholder main() while the CLI is written. */
#include "hemu/osdep.h"

int main(int argc, char **argv)
{
    return 0;
}
