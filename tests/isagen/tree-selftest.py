#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Self-test of isagen's decision tree against a linear scan.

For random 12-bit tables (disjoint patterns plus overlap groups written
specific-first), every word is walked through the tree built by
isatree.build() the way the generated C walks it, and the patterns tried
at the leaf (those whose fixed bits match, in order) must be exactly the
patterns a linear scan of the table would try.  The seed is fixed, so a
failure is reproducible.  Usage: tree-selftest.py
"""

import os
import random
import sys

sys.dont_write_bytecode = True   # keep the source tree clean
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                '..', '..', 'scripts', 'isagen'))

from isamodel import Loc, OverlapGroup, Pattern   # noqa: E402
from isatree import Bit, Leaf, Switch, build      # noqa: E402

WIDTH = 12


def random_cube(rng):
    mask = rng.getrandbits(WIDTH) | rng.getrandbits(WIDTH)
    return mask, rng.getrandbits(WIDTH) & mask


def overlaps(a, b):
    return ((a[1] ^ b[1]) & a[0] & b[0]) == 0


def random_table(rng):
    pats = []
    for i in range(rng.randint(2, 25)):
        m, b = random_cube(rng)
        if any(overlaps((m, b), (p.mask, p.bits)) for p in pats):
            continue
        p = Pattern(Loc('t', i + 1, 1), f'P{i}', m, b)
        if rng.random() < 0.3:
            # A group: a more specific pattern first, then p itself.
            extra = rng.getrandbits(WIDTH) & ~m
            g = OverlapGroup(p.loc)
            q = Pattern(p.loc, f'Q{i}', m | extra,
                        b | (rng.getrandbits(WIDTH) & extra))
            q.group = p.group = g
            pats.append(q)
        pats.append(p)
    return pats


def walk(node, word):
    while not isinstance(node, Leaf):
        if isinstance(node, Bit):
            node = node.one if word & node.bit else node.zero
            continue
        for value, child in node.cases:
            if word & node.mask == value:
                node = child
                break
        else:
            return []
    return [p for p in node.patterns if word & p.mask == p.bits]


def main():
    rng = random.Random(20240601)
    for n in range(40):
        pats = random_table(rng)
        tree = build(pats)
        for word in range(1 << WIDTH):
            want = [p for p in pats if word & p.mask == p.bits]
            got = walk(tree, word)
            if got != want:
                print(f'table {n}, word 0x{word:x}: tree tries '
                      f'{[p.name for p in got]}, linear scan '
                      f'{[p.name for p in want]}')
                return 1
    print('tree-selftest: 40 random tables agree with a linear scan')
    return 0


if __name__ == '__main__':
    sys.exit(main())
