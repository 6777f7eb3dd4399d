# SPDX-License-Identifier: GPL-2.0-or-later
"""isagen parser: .isa text to the model of isamodel.py.

Line oriented: one definition per line; a '#' at the start of a word
starts a comment (inside a word, as in 'imm=#3', it does not); a trailing
backslash continues a line.  Every error carries
file:line:column of the offending token; the parser records the error,
skips that line and goes on, so one run reports every syntax error.  The
syntax is documented in docs/devel/isagen.md.
"""

import re

from isamodel import (IDENT, ArgSet, Binding, Field, Format, IsaError,
                      Loc, OverlapGroup, Spec, Table, bit_range_mask,
                      parse_ident)
from isapattern import parse_pattern

RANGE = re.compile(r'(\d+)(?::(\d+))?$')
NUMBER = re.compile(r'-?(0x[0-9a-fA-F]+|\d+)$')
KEYWORDS = ('field', 'args', 'format', 'table', 'overlap', 'end')
RESERVED_SETS = ('empty',)


class Token:
    """A word or a quoted string (is_str) with its location."""

    def __init__(self, text, loc, is_str=False):
        self.text = text
        self.loc = loc
        self.is_str = is_str


def _scan_string(line, i, loc):
    """Read a "..." string starting at line[i]; return (text, next index)."""
    out = []
    j = i + 1
    while j < len(line):
        c = line[j]
        if c == '\\' and j + 1 < len(line):
            out.append(line[j + 1])
            j += 2
            continue
        if c == '"':
            return ''.join(out), j + 1
        out.append(c)
        j += 1
    raise IsaError(loc, 'unterminated string')


def _scan_paren(line, i, loc):
    """Read a word containing a balanced (...) group, e.g. ?(expr)."""
    depth = 0
    j = i
    while j < len(line):
        c = line[j]
        if c == '(':
            depth += 1
        elif c == ')':
            depth -= 1
            if depth == 0:
                return line[i:j + 1], j + 1
        elif depth == 0 and c.isspace():
            break
        j += 1
    raise IsaError(loc, 'unbalanced parentheses')


def tokenize_line(path, lineno, line):
    """Split one physical line into tokens; return (tokens, continued)."""
    toks = []
    i = 0
    n = len(line)
    while i < n:
        c = line[i]
        loc = Loc(path, lineno, i + 1)
        if c.isspace():
            i += 1
        elif c == '#':
            break
        elif c == '"':
            text, i = _scan_string(line, i, loc)
            toks.append(Token(text, loc, True))
        elif line.startswith('?(', i):
            text, i = _scan_paren(line, i, loc)
            toks.append(Token(text, loc))
        else:
            j = i
            while j < n and not line[j].isspace() and line[j] != '"':
                j += 1
            toks.append(Token(line[i:j], loc))
            i = j
    continued = bool(toks) and toks[-1].text == '\\' and not toks[-1].is_str
    if continued:
        toks.pop()
    return toks, continued


def parse_number(tok, what):
    if not NUMBER.match(tok.text):
        raise IsaError(tok.loc, f"{what} '{tok.text}' is not a number "
                                "(decimal or 0x hex)")
    return int(tok.text, 0)


def parse_ranges(text, loc, what):
    """'23:5.30:29' or '7' to [(23, 5), (30, 29)] / [(7, 7)]."""
    parts = []
    for piece in text.split('.'):
        m = RANGE.match(piece)
        if not m:
            raise IsaError(loc, f"bad bit range '{piece}' in {what} "
                                "(expected HI:LO or BIT, joined by '.')")
        hi = int(m.group(1))
        lo = int(m.group(2)) if m.group(2) is not None else hi
        if hi < lo:
            raise IsaError(loc, f"bit range '{piece}' in {what} has its high "
                                "bit below its low bit (write HI:LO)")
        if hi > 31:
            raise IsaError(loc, f"bit range '{piece}' in {what} is outside "
                                "a 32-bit word (bits 31..0)")
        parts.append((hi, lo))
    seen = 0
    for hi, lo in parts:
        m = bit_range_mask(hi, lo)
        if seen & m:
            raise IsaError(loc, f"bit ranges of {what} overlap each other")
        seen |= m
    return parts


def _parse_field_mods(field, toks):
    i = 0
    while i < len(toks):
        t = toks[i]
        if t.text in ('signed', 's'):
            field.signed = True
            i += 1
            continue
        if t.text in ('<<', '+', '-', 'extend'):
            if i + 1 >= len(toks):
                raise IsaError(t.loc, f"'{t.text}' needs a number after it")
            val = parse_number(toks[i + 1], f"operand of '{t.text}'")
            if t.text == '<<':
                if not 0 <= val < 32:
                    raise IsaError(toks[i + 1].loc, f"shift {val} is out of "
                                   "range (0..31)")
                field.shift = val
            elif t.text == 'extend':
                field.extend = val
            else:
                field.add = val if t.text == '+' else -val
            i += 2
            continue
        raise IsaError(t.loc, f"unknown field modifier '{t.text}' (accepted: "
                       "signed, << N, + N, - N, extend N)")
    if field.func and (field.signed or field.shift or field.add
                       or field.extend is not None):
        raise IsaError(field.loc, f"computed field '{field.name}' takes no "
                       "modifiers (its function returns the final value)")
    if field.extend is not None and not 0 < field.extend <= field.length():
        raise IsaError(field.loc, f"field '{field.name}' keeps {field.extend} "
                       f"bits when extended but has {field.length()} bits "
                       f"(accepted: 1..{field.length()})")


def parse_field_spec(name, toks, loc):
    """A field definition after its name: '!func' or ranges then mods."""
    if not toks:
        raise IsaError(loc, f"field '{name}' needs bits (HI:LO) or !function")
    first = toks[0]
    if first.text.startswith('!'):
        func = first.text[1:]
        if not IDENT.match(func):
            raise IsaError(first.loc, f"'{first.text}' is not !function_name")
        field = Field(loc, name, func=func)
        rest = toks[1:]
    else:
        text = first.text
        i = 1
        while i + 1 < len(toks) and toks[i].text == '.':
            text += '.' + toks[i + 1].text
            i += 2
        field = Field(loc, name, parts=parse_ranges(text, first.loc,
                                                     f"field '{name}'"))
        rest = toks[i:]
    _parse_field_mods(field, rest)
    return field


class Parser:
    """Reads files into one Spec; errors accumulate in self.errors."""

    def __init__(self):
        self.spec = Spec()
        self.errors = []
        self.table = None
        self.group = None

    def parse_file(self, path, text):
        self.spec.files.append(path)
        self.table = None
        for toks in logical_lines_safe(path, text, self.errors):
            try:
                self.parse_line(toks)
            except IsaError as e:
                self.errors.append(e)
        if self.group is not None:
            self.errors.append(IsaError(self.group.loc, "'overlap' group is "
                                        "not closed by 'end'"))
            self.group = None

    def parse_line(self, toks):
        head = toks[0]
        kw = head.text if not head.is_str else ''
        if kw == 'field':
            self.parse_field(toks)
        elif kw == 'args':
            self.parse_args(toks)
        elif kw == 'format':
            self.parse_format(toks)
        elif kw == 'table':
            self.parse_table(toks)
        elif kw == 'overlap':
            self.parse_overlap(toks)
        elif kw == 'end':
            self.parse_end(toks)
        else:
            self.parse_pattern(toks)

    def _define(self, table, kind, tok):
        name = parse_ident(tok, f'{kind} name')
        if name in table:
            raise IsaError(tok.loc, f"{kind} '{name}' is already defined at "
                                    f"{table[name].loc.short()}")
        return name

    def parse_field(self, toks):
        if len(toks) < 2:
            raise IsaError(toks[0].loc, "'field' needs a name and bits")
        name = self._define(self.spec.fields, 'field', toks[1])
        self.spec.fields[name] = parse_field_spec(name, toks[2:], toks[1].loc)

    def parse_args(self, toks):
        if len(toks) < 2:
            raise IsaError(toks[0].loc, "'args' needs a name and members")
        name = self._define(self.spec.argsets, 'argument set', toks[1])
        if name in RESERVED_SETS:
            raise IsaError(toks[1].loc, f"argument set name '{name}' is "
                                        "reserved")
        members = []
        for t in toks[2:]:
            m = parse_ident(t, 'member')
            if m in members:
                raise IsaError(t.loc, f"member '{m}' appears twice in "
                                      f"argument set '{name}'")
            members.append(m)
        self.spec.argsets[name] = ArgSet(toks[1].loc, name, members)

    def lookup_set(self, tok):
        name = tok.text.lstrip(':')
        if name not in self.spec.argsets:
            raise IsaError(tok.loc, f"unknown argument set '{name}' (define "
                                    "it with 'args' before use)")
        return self.spec.argsets[name]

    def parse_binding(self, tok):
        """member | member=field | member=HI:LO[.HI:LO] | member=#N"""
        text = tok.text
        member, eq, rhs = text.partition('=')
        parse_ident(Token(member, tok.loc), 'member')
        if not eq:
            rhs = member
        if rhs.startswith('#'):
            return Binding(tok.loc, member, const=parse_number(
                Token(rhs[1:], tok.loc), f"constant for '{member}'"))
        if rhs[:1].isdigit():
            parts = parse_ranges(rhs, tok.loc, f"member '{member}'")
            return Binding(tok.loc, member, field=Field(tok.loc, None, parts))
        if rhs not in self.spec.fields:
            raise IsaError(tok.loc, f"unknown field '{rhs}' for member "
                                    f"'{member}' (define it with 'field', or "
                                    "write HI:LO or #constant)")
        return Binding(tok.loc, member, field=self.spec.fields[rhs])

    def parse_format(self, toks):
        if len(toks) < 3:
            raise IsaError(toks[0].loc, "'format' needs a name, an argument "
                                        "set and member bindings")
        name = self._define(self.spec.formats, 'format', toks[1])
        argset = self.lookup_set(toks[2])
        bindings = {}
        for t in toks[3:]:
            b = self.parse_binding(t)
            if b.member in bindings:
                raise IsaError(t.loc, f"member '{b.member}' bound twice in "
                                      f"format '{name}'")
            bindings[b.member] = b
        self.spec.formats[name] = Format(toks[1].loc, name, argset, bindings)

    def parse_table(self, toks):
        if self.group is not None:
            raise IsaError(toks[0].loc, "'table' inside an 'overlap' group")
        if len(toks) < 2:
            raise IsaError(toks[0].loc, "'table' needs a name")
        name = parse_ident(toks[1], 'table name')
        for t in self.spec.tables:
            if t.name == name:
                raise IsaError(toks[1].loc, f"table '{name}' is already "
                                            f"defined at {t.loc.short()}")
        table = Table(toks[1].loc, name)
        table.used = None
        # Registered even when an option is bad, so that its patterns are
        # still checked instead of each reporting a missing table.
        self.spec.tables.append(table)
        self.table = table
        try:
            for t in toks[2:]:
                self._table_option(table, t)
        finally:
            if table.used is None or table.used > table.width:
                bad = table.used
                table.used = table.width
                if bad is not None:
                    raise IsaError(toks[1].loc, f"table '{name}' uses {bad} "
                                   f"bits of a {table.width}-bit word")

    def _table_option(self, table, t):
        key, eq, val = t.text.partition('=')
        if key == 'width' and eq:
            width = parse_number(Token(val, t.loc), 'width')
            if width not in (16, 32):
                raise IsaError(t.loc, f"width {width} is not supported "
                                      "(accepted: 16, 32)")
            table.width = width
        elif key == 'used' and eq:
            table.used = parse_number(Token(val, t.loc), 'used')
            if not 1 <= table.used <= 32:
                raise IsaError(t.loc, f"used={table.used} is out of range "
                                      "(1..width)")
        elif key == 'ignore' and eq:
            for hi, lo in parse_ranges(val, t.loc, 'ignore'):
                table.ignore |= bit_range_mask(hi, lo)
        else:
            raise IsaError(t.loc, f"unknown table option '{t.text}' "
                                  "(accepted: width=16|32, used=N, "
                                  "ignore=HI:LO)")

    def parse_overlap(self, toks):
        if len(toks) != 1:
            raise IsaError(toks[1].loc, "'overlap' takes nothing after it")
        if self.table is None:
            raise IsaError(toks[0].loc, "'overlap' before any 'table'")
        if self.group is not None:
            raise IsaError(toks[0].loc, "'overlap' groups do not nest "
                           f"(group opened at {self.group.loc.short()})")
        self.group = OverlapGroup(toks[0].loc)
        self.table.groups.append(self.group)

    def parse_end(self, toks):
        if len(toks) != 1:
            raise IsaError(toks[1].loc, "'end' takes nothing after it")
        if self.group is None:
            raise IsaError(toks[0].loc, "'end' without 'overlap'")
        if len(self.group.patterns) < 2:
            raise IsaError(self.group.loc, "an 'overlap' group needs at "
                                           "least two patterns")
        self.group = None

    def parse_pattern(self, toks):
        if self.table is None:
            raise IsaError(toks[0].loc, f"pattern '{toks[0].text}' before any "
                                        "'table' line")
        pat = parse_pattern(self, toks)
        pat.table = self.table
        pat.group = self.group
        self.table.patterns.append(pat)
        if self.group is not None:
            self.group.patterns.append(pat)


def logical_lines_safe(path, text, errors):
    """Yield token lists of logical lines (continuations joined); a
    tokenizer error is recorded in errors and its line skipped."""
    lines = text.splitlines()
    pending = []
    for lineno, line in enumerate(lines, 1):
        try:
            toks, continued = tokenize_line(path, lineno, line)
        except IsaError as e:
            errors.append(e)
            pending = []
            continue
        pending.extend(toks)
        if continued:
            continue
        if pending:
            yield pending
        pending = []
    if pending:
        yield pending
