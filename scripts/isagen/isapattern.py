# SPDX-License-Identifier: GPL-2.0-or-later
"""isagen pattern lines: bit string, layout, predicate, template.

A pattern line is
    NAME  BITS  [@format] [:argset] [member=...]... [?pred] "template"
BITS has one character per used bit of the table, most significant first:
'0'/'1' fixed, '.' free, '_' a visual separator.  The member bindings of a
pattern are its format's plus its own (which may override the format's).
Every member of the argument set must be bound exactly once, and no two
members may read the same instruction bit.
"""

import re

from isamodel import IDENT, ArgSet, IsaError, Loc, Pattern, parse_ident

TEMPLATE_REF = re.compile(r'([A-Za-z_][A-Za-z0-9_]*)(?::([A-Za-z_]'
                          r'[A-Za-z0-9_]*))?$')


def parse_bits(tok, table):
    """Return (mask, bits) of a pattern bit string."""
    text = tok.text
    if tok.is_str or not text or any(c not in '01._' for c in text):
        bad = next((i for i, c in enumerate(text) if c not in '01._'), 0)
        loc = Loc(tok.loc.path, tok.loc.line, tok.loc.col + bad)
        raise IsaError(loc, f"bad bit string '{text}' (use 0, 1, '.' for a "
                            "free bit and '_' as a separator)")
    chars = text.replace('_', '')
    if len(chars) != table.used:
        raise IsaError(tok.loc, f"bit string has {len(chars)} bits but table "
                                f"'{table.name}' uses {table.used}")
    mask = bits = 0
    for i, c in enumerate(chars):
        bit = 1 << (table.used - 1 - i)
        if c != '.':
            mask |= bit
            if c == '1':
                bits |= bit
    if mask & table.ignore:
        raise IsaError(tok.loc, f"bit string fixes bit(s) "
                       f"0x{mask & table.ignore:x} that table "
                       f"'{table.name}' ignores")
    return mask, bits


def parse_template(tok, members):
    """Split a template into text and {member[:kind]} references."""
    out = []
    text = tok.text
    buf = []
    i = 0
    while i < len(text):
        c = text[i]
        loc = Loc(tok.loc.path, tok.loc.line, tok.loc.col + 1 + i)
        if text.startswith('{{', i) or text.startswith('}}', i):
            buf.append(c)
            i += 2
        elif c == '{':
            j = text.find('}', i)
            if j < 0:
                raise IsaError(loc, "'{' without '}' in template (write '{{' "
                                    "for a brace)")
            m = TEMPLATE_REF.match(text[i + 1:j])
            if not m:
                raise IsaError(loc, f"bad template reference "
                                    f"'{text[i:j + 1]}' (expected {{member}} "
                                    "or {member:kind})")
            if m.group(1) not in members:
                names = ', '.join(members) or 'none'
                raise IsaError(loc, f"template names '{m.group(1)}', which "
                                    "is not a member of this pattern "
                                    f"(members: {names})")
            if buf:
                out.append(('text', ''.join(buf)))
                buf = []
            out.append(('field', m.group(1), m.group(2), loc))
            i = j + 1
        elif c == '}':
            raise IsaError(loc, "'}' without '{' in template (write '}}' for "
                                "a brace)")
        else:
            buf.append(c)
            i += 1
    if buf:
        out.append(('text', ''.join(buf)))
    return out


def _layout(parser, pat, toks):
    """Read @format, :argset, bindings, ?predicate and the template."""
    fmt = argset = template_tok = None
    own = {}
    for t in toks:
        if template_tok is not None:
            raise IsaError(t.loc, "nothing may follow the template string")
        if t.is_str:
            template_tok = t
        elif t.text.startswith('@'):
            if fmt is not None:
                raise IsaError(t.loc, "a pattern has at most one @format")
            name = t.text[1:]
            if name not in parser.spec.formats:
                raise IsaError(t.loc, f"unknown format '{name}'")
            fmt = parser.spec.formats[name]
        elif t.text.startswith(':'):
            if argset is not None:
                raise IsaError(t.loc, "a pattern has at most one :argset")
            argset = parser.lookup_set(t)
        elif t.text.startswith('?'):
            if pat.predicate is not None:
                raise IsaError(t.loc, "a pattern has at most one predicate")
            pat.predicate = _predicate(t)
        else:
            b = parser.parse_binding(t)
            if b.member in own:
                raise IsaError(t.loc, f"member '{b.member}' bound twice")
            own[b.member] = b
    if template_tok is None:
        raise IsaError(toks[-1].loc if toks else pat.loc,
                       f"pattern '{pat.name}' needs a \"disassembly "
                       "template\" at the end of its line")
    if fmt is not None and argset is not None and argset is not fmt.argset:
        raise IsaError(pat.loc, f"pattern '{pat.name}' names argument set "
                       f"'{argset.name}' but format '{fmt.name}' uses "
                       f"'{fmt.argset.name}'")
    return fmt, argset, own, template_tok


def _predicate(t):
    text = t.text[1:]
    if text.startswith('('):
        return ('expr', text)
    if not IDENT.match(text):
        raise IsaError(t.loc, f"bad predicate '{t.text}' (expected ?function "
                              "or ?(C expression))")
    return ('call', text)


def _anonymous_set(parser, pat, members):
    if not members:
        name = 'empty'
    else:
        name = pat.name
    old = parser.spec.argsets.get(name)
    if old is None:
        s = ArgSet(pat.loc, name, members, anonymous=True)
        parser.spec.argsets[name] = s
        return s
    if not old.anonymous:
        raise IsaError(pat.loc, f"pattern '{pat.name}' has no argument set "
                       f"but an argument set of that name is defined at "
                       f"{old.loc.short()} (name it with :{name})")
    if old.members != members:
        raise IsaError(pat.loc, f"pattern '{pat.name}' binds members "
                       f"{members} but another '{pat.name}' at "
                       f"{old.loc.short()} binds {old.members}")
    return old


def _check_bindings(pat, table):
    used = {}
    for b in pat.bindings.values():
        f = b.field
        if f is None or f.func:
            continue
        if f.max_bit() >= table.used:
            raise IsaError(b.loc, f"member '{b.member}' reads bit "
                           f"{f.max_bit()} but table '{table.name}' has bits "
                           f"{table.used - 1}..0")
        if f.mask() & table.ignore:
            raise IsaError(b.loc, f"member '{b.member}' reads bits that table "
                           f"'{table.name}' ignores")
        for other, m in used.items():
            if m & f.mask():
                raise IsaError(b.loc, f"members '{other}' and '{b.member}' of "
                               f"pattern '{pat.name}' overlap on bits "
                               f"0x{m & f.mask():x}")
        used[b.member] = f.mask()


def parse_pattern(parser, toks):
    """Build a Pattern from a pattern line of the current table."""
    table = parser.table
    name = parse_ident(toks[0], 'pattern name')
    if len(toks) < 2:
        raise IsaError(toks[0].loc, f"pattern '{name}' needs a bit string")
    mask, bits = parse_bits(toks[1], table)
    pat = Pattern(toks[0].loc, name, mask, bits)
    fmt, argset, own, template_tok = _layout(parser, pat, toks[2:])
    bindings = dict(fmt.bindings) if fmt else {}
    bindings.update(own)
    if fmt is not None:
        argset = fmt.argset
    if argset is None:
        argset = _anonymous_set(parser, pat, list(bindings))
    for m, b in bindings.items():
        if m not in argset.members:
            raise IsaError(b.loc, f"'{m}' is not a member of argument set "
                           f"'{argset.name}' (members: "
                           f"{', '.join(argset.members)})")
    missing = [m for m in argset.members if m not in bindings]
    if missing:
        raise IsaError(pat.loc, f"pattern '{name}' leaves member(s) "
                       f"{', '.join(missing)} of argument set "
                       f"'{argset.name}' unbound")
    pat.argset = argset
    pat.bindings = {m: bindings[m] for m in argset.members}
    pat.extractor = fmt.name if fmt is not None and not own else name
    _check_bindings(pat, table)
    pat.template = parse_template(template_tok, argset.members)
    return pat
