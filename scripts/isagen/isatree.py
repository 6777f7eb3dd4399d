# SPDX-License-Identifier: GPL-2.0-or-later
"""isagen decision tree: which fixed bits to test, in which order.

Invariant: a node holds the table's patterns, in the order written, that
can still match given the bits tested on the path to it ('tested'); each
of them either fixes a tested bit to the value taken on the path or leaves
it free.  Trying a leaf's patterns in order therefore gives the same
answer as trying every pattern of the table in order, which is what makes
overlap groups and fall-through work, while a word only meets the few
patterns that share its fixed bits.

Nodes: Switch on the bits every remaining pattern fixes (one case per
value); Bit, when no such bit is left, on the single bit most patterns fix
(patterns free there go to both sides); Leaf when one pattern or one
overlap group remains, or no bit would separate the patterns.
"""


class Leaf:
    def __init__(self, patterns, tested):
        self.patterns = patterns
        self.tested = tested


class Switch:
    def __init__(self, mask, cases):
        self.mask = mask
        self.cases = cases          # [(value, node)], ascending value


class Bit:
    def __init__(self, bit, one, zero):
        self.bit = bit
        self.one = one
        self.zero = zero


def _one_group(pats):
    g = pats[0].group
    return g is not None and all(p.group is g for p in pats)


def _best_bit(pats, candidates):
    best, best_count = 0, -1
    bit = 1 << 31
    while bit:
        if candidates & bit:
            count = sum(1 for p in pats if p.mask & bit)
            if count > best_count:
                best, best_count = bit, count
        bit >>= 1
    return best


def build(pats, tested=0):
    """Decision tree for the patterns pats (in table order)."""
    if len(pats) <= 1 or _one_group(pats):
        return Leaf(pats, tested)
    common = ~tested
    for p in pats:
        common &= p.mask
    if common:
        values = {}
        for p in pats:
            values.setdefault(p.bits & common, []).append(p)
        cases = [(v, build(values[v], tested | common))
                 for v in sorted(values)]
        return Switch(common, cases)
    candidates = 0
    for p in pats:
        candidates |= p.mask
    candidates &= ~tested
    if not candidates:
        return Leaf(pats, tested)
    bit = _best_bit(pats, candidates)
    one = [p for p in pats if not p.mask & bit or p.bits & bit]
    zero = [p for p in pats if not p.mask & bit or not p.bits & bit]
    return Bit(bit, build(one, tested | bit), build(zero, tested | bit))
