# SPDX-License-Identifier: GPL-2.0-or-later
"""isagen table checks: declared overlaps and reachable patterns.

Two patterns overlap when some instruction word matches both, i.e. they
agree on every bit both fix.  That is legal only inside one 'overlap'
group, where the order written is the order tried.  Inside a group, a
pattern is unreachable when the patterns before it that have no predicate
together match every word it matches: it could then only be reached when
a more general trans_ function refuses, which is the wrong order (write
the specific pattern first).  Messages name both lines.
"""

from isamodel import IsaError


def overlaps(a, b):
    return ((a.bits ^ b.bits) & a.mask & b.mask) == 0


def covered(mask, bits, cubes):
    """True if the union of cubes [(mask, bits)] holds every word of the
    cube (mask, bits)."""
    live = [c for c in cubes if ((c[1] ^ bits) & c[0] & mask) == 0]
    if not live:
        return False
    for cm, _ in live:
        if cm & ~mask == 0:
            return True
    extra = live[0][0] & ~mask
    bit = extra & -extra
    return (covered(mask | bit, bits, live)
            and covered(mask | bit, bits | bit, live))


def check_overlaps(table, errors):
    pats = table.patterns
    for j, b in enumerate(pats):
        for a in pats[:j]:
            if not overlaps(a, b):
                continue
            if a.group is not None and a.group is b.group:
                continue
            word = (a.bits | b.bits) & table.used_mask()
            errors.append(IsaError(b.loc, f"pattern '{b.name}' overlaps "
                          f"pattern '{a.name}' at {a.loc.short()} (both match "
                          f"0x{word:x}); declare the precedence with an "
                          "'overlap' group, more specific pattern first"))


def check_reachable(table, errors):
    for group in table.groups:
        for j, b in enumerate(group.patterns):
            before = [a for a in group.patterns[:j]
                      if a.predicate is None and overlaps(a, b)]
            if before and covered(b.mask, b.bits,
                                  [(a.mask, a.bits) for a in before]):
                names = ', '.join(f"'{a.name}' at {a.loc.short()}"
                                  for a in before)
                errors.append(IsaError(b.loc, f"pattern '{b.name}' is "
                              f"unreachable: every word it matches is taken "
                              f"first by {names}"))


def check_names(spec, errors):
    seen = {}
    for table in spec.tables:
        for p in table.patterns:
            old = seen.setdefault(p.name, p)
            if old.argset is not p.argset:
                errors.append(IsaError(p.loc, f"pattern '{p.name}' uses "
                              f"argument set '{p.argset.name}' but '{p.name}' "
                              f"at {old.loc.short()} uses "
                              f"'{old.argset.name}'; one trans_{p.name} needs "
                              "one argument set"))
        if not table.patterns:
            errors.append(IsaError(table.loc, f"table '{table.name}' has no "
                                   "patterns"))


def check_spec(spec, errors):
    """Run every check, appending IsaError objects to errors."""
    check_names(spec, errors)
    for table in spec.tables:
        check_overlaps(table, errors)
        check_reachable(table, errors)
