# SPDX-License-Identifier: GPL-2.0-or-later
"""isagen data model: what a parsed .isa file set means.

The parser (isaparse.py) builds these objects, the checker (isacheck.py)
validates them and the emitter (isaemit.py) turns them into C.  Bit numbers
are instruction bit positions (0 = least significant).  A pattern's fixed
bits are a (mask, bits) pair with bits & ~mask == 0.  The format itself is
described in docs/devel/isagen.md.
"""

import re

IDENT = re.compile(r'[A-Za-z_][A-Za-z0-9_]*$')


class IsaError(Exception):
    """An error in an input file, with its position (1-based line/column)."""

    def __init__(self, loc, msg):
        super().__init__(msg)
        self.loc = loc
        self.msg = msg

    def __str__(self):
        return f'{self.loc}: error: {self.msg}'


class Loc:
    """A position in an input file: path, 1-based line and column."""

    def __init__(self, path, line, col):
        self.path = path
        self.line = line
        self.col = col

    def __str__(self):
        return f'{self.path}:{self.line}:{self.col}'

    def short(self):
        """file:line, for naming another line inside a message."""
        return f'{self.path}:{self.line}'


def parse_ident(tok, what):
    """The identifier in tok; what names it in the error otherwise."""
    if tok.is_str or not IDENT.match(tok.text):
        raise IsaError(tok.loc, f"{what} '{tok.text}' is not an identifier")
    return tok.text


def bit_range_mask(hi, lo):
    return ((1 << (hi - lo + 1)) - 1) << lo


class Field:
    """How one value is computed from an instruction word.

    parts: [(hi, lo), ...], most significant first, concatenated; empty for
    a computed field.  func: C function name of a computed field.  signed:
    sign-extend the concatenation.  shift: left shift after extension.
    add: constant added last.  extend: None, or the number of low raw bits
    an instruction keeps when a constant extender supplies the rest.
    name: None for an inline field of a single binding.
    """

    def __init__(self, loc, name, parts=(), func=None, signed=False,
                 shift=0, add=0, extend=None):
        self.loc = loc
        self.name = name
        self.parts = list(parts)
        self.func = func
        self.signed = signed
        self.shift = shift
        self.add = add
        self.extend = extend

    def length(self):
        return sum(hi - lo + 1 for hi, lo in self.parts)

    def mask(self):
        m = 0
        for hi, lo in self.parts:
            m |= bit_range_mask(hi, lo)
        return m

    def max_bit(self):
        return max((hi for hi, _ in self.parts), default=-1)

    def key(self):
        return (tuple(self.parts), self.func, self.signed, self.shift,
                self.add, self.extend)


class Binding:
    """One member of an argument struct: a field, an inline field or a
    constant (const is an int, field is None)."""

    def __init__(self, loc, member, field=None, const=None):
        self.loc = loc
        self.member = member
        self.field = field
        self.const = const

    def key(self):
        if self.field is None:
            return (self.member, 'const', self.const)
        if self.field.name:
            return (self.member, 'field', self.field.name)
        return (self.member, 'inline', self.field.key())


class ArgSet:
    """A named argument struct arg_<name> shared by patterns."""

    def __init__(self, loc, name, members, anonymous=False):
        self.loc = loc
        self.name = name
        self.members = list(members)
        self.anonymous = anonymous


class Format:
    """A reusable layout: an argument set and the bindings of its members."""

    def __init__(self, loc, name, argset, bindings):
        self.loc = loc
        self.name = name
        self.argset = argset
        self.bindings = bindings


class Pattern:
    """One instruction encoding.

    mask/bits: fixed bits.  argset: ArgSet.  bindings: {member: Binding} in
    member order.  extractor: name of the binding set (format name or
    pattern name) used to name the generated extraction function.
    predicate: None, ('call', name) or ('expr', text).  template: list of
    ('text', str) and ('field', member, kind-or-None, Loc).  group: the
    OverlapGroup it belongs to, or None.
    """

    def __init__(self, loc, name, mask, bits):
        self.loc = loc
        self.name = name
        self.mask = mask
        self.bits = bits
        self.argset = None
        self.bindings = {}
        self.extractor = None
        self.predicate = None
        self.template = []
        self.group = None
        self.table = None


class OverlapGroup:
    """Patterns that may overlap; tried in the order written."""

    def __init__(self, loc):
        self.loc = loc
        self.patterns = []


class Table:
    """One decoder: decode_<name>() and disas_<name>().

    width: 32 or 16 (the instruction unit).  used: number of low bits that
    patterns describe (bitstrings have this many characters).  ignore: mask
    of bits every pattern must leave as '.' (e.g. Hexagon parse bits).
    """

    def __init__(self, loc, name, width=32, used=None, ignore=0):
        self.loc = loc
        self.name = name
        self.width = width
        self.used = used if used is not None else width
        self.ignore = ignore
        self.patterns = []
        self.groups = []

    def used_mask(self):
        return (1 << self.used) - 1


class Spec:
    """Everything read from the input files of one decoder."""

    def __init__(self):
        self.fields = {}
        self.argsets = {}
        self.formats = {}
        self.tables = []
        self.files = []
