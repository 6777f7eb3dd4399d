#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""isagen: hemu's decoder generator (STYLE.md "Decoders from tables").

Reads one or more .isa tables and writes one C file (.c.inc) holding the
argument structs arg_<set>, the trans_<NAME> prototypes, and per table a
decision-tree decoder decode_<table>() and a disassembler disas_<table>().
It refuses tables with undeclared overlaps, unreachable patterns, bad or
overlapping fields and syntax errors, naming file:line:column.  Python 3
standard library only.  Format and usage: docs/devel/isagen.md.

Usage: isagen.py [options] -o OUTPUT INPUT.isa [INPUT.isa...]
Exit status: 0 on success, 1 on errors in the tables, 2 on usage errors.
"""

import argparse
import os
import re
import sys

sys.dont_write_bytecode = True   # keep the source tree clean
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from isacheck import check_spec          # noqa: E402
from isaemit import Emitter              # noqa: E402
from isaparse import Parser              # noqa: E402

SOURCE_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))
C_IDENT = re.compile(r'[A-Za-z_][A-Za-z0-9_]*$')


def display_path(path):
    """An input's name for the generated header: relative to the hemu
    source tree when inside it, so the output does not depend on where the
    build directory is."""
    full = os.path.abspath(path)
    if full.startswith(SOURCE_ROOT + os.sep):
        return os.path.relpath(full, SOURCE_ROOT)
    return path


def parse_args(argv):
    ap = argparse.ArgumentParser(
        prog='isagen', description='Generate a C decoder and disassembler '
        'from .isa tables (docs/devel/isagen.md).')
    ap.add_argument('inputs', nargs='+', metavar='INPUT.isa',
                    help='table files; all share one namespace')
    ap.add_argument('-o', '--output', required=True,
                    help="output file ('-' for stdout)")
    ap.add_argument('--ctx', default='DisasContext',
                    help='C type of the decoder context (default: '
                    'DisasContext)')
    ap.add_argument('--prefix', default=None,
                    help='prefix of generated helper functions (default: '
                    'the first input file name without .isa)')
    ap.add_argument('--extend-hook', default='extend_imm',
                    help='function combining a constant extender with an '
                    'extendable field (default: extend_imm)')
    ap.add_argument('--fmt-prefix', default='fmt_',
                    help='prefix of disassembly formatting hooks: {x:reg} '
                    'calls <prefix>reg, {x} calls <prefix>imm (default: fmt_)')
    ap.add_argument('--only', choices=('decode', 'disas'), default=None,
                    help='emit only the decoders or only the disassemblers')
    opts = ap.parse_args(argv)
    if opts.prefix is None:
        stem = os.path.splitext(os.path.basename(opts.inputs[0]))[0]
        opts.prefix = re.sub(r'[^A-Za-z0-9_]', '_', stem)
    for what in ('ctx', 'prefix', 'extend_hook', 'fmt_prefix'):
        if not C_IDENT.match(getattr(opts, what)):
            ap.error(f"--{what.replace('_', '-')} "
                     f"'{getattr(opts, what)}' is not a C identifier")
    return opts


def generate(opts):
    """Parse, check and emit; return (text or None, [IsaError])."""
    parser = Parser()
    for path in opts.inputs:
        try:
            with open(path, encoding='utf-8') as f:
                text = f.read()
        except OSError as e:
            raise SystemExit(f'isagen: cannot read {path}: {e.strerror}')
        parser.parse_file(path, text)
    errors = parser.errors
    if not errors:
        check_spec(parser.spec, errors)
    if errors:
        return None, errors
    sources = [display_path(p) for p in opts.inputs]
    return Emitter(parser.spec, opts, display_path).emit(sources), []


def main(argv):
    opts = parse_args(argv)
    text, errors = generate(opts)
    if errors:
        errors.sort(key=lambda e: (opts.inputs.index(e.loc.path)
                                   if e.loc.path in opts.inputs else 0,
                                   e.loc.line, e.loc.col))
        for e in errors:
            print(e, file=sys.stderr)
        return 1
    if opts.output == '-':
        sys.stdout.write(text)
        return 0
    tmp = opts.output + '.tmp'
    with open(tmp, 'w', encoding='utf-8') as f:
        f.write(text)
    os.replace(tmp, opts.output)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
