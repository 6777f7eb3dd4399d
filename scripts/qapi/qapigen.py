#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""hemu's QAPI generator: schema files in, C code out (docs/devel/qapi.md).

Usage: qapigen.py -o OUTDIR [--prefix P] [--depfile FILE] SCHEMA.json

Writes OUTDIR/Pqapi-types.{h,c}, Pqapi-commands.{h,c} and
Pqapi-events.{h,c} (see qapiemit.py); the prefix P (default none) lets
a test schema's output sit next to hemu's.  A schema error prints
"file:line: message" on stderr and exits with status 1 without writing
anything.  Python 3 stdlib only.
"""
import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import qapiemit  # noqa: E402
import qapischema  # noqa: E402


def main(argv):
    ap = argparse.ArgumentParser(description='Generate C from a QAPI schema')
    ap.add_argument('-o', '--outdir', required=True)
    ap.add_argument('--prefix', default='')
    ap.add_argument('--depfile')
    ap.add_argument('schema')
    args = ap.parse_args(argv)
    try:
        schema = qapischema.load(args.schema)
    except qapischema.SchemaError as e:
        print(f'qapigen: {e}', file=sys.stderr)
        return 1
    src = os.path.basename(args.schema)
    outputs = {}
    for base, fn in (('qapi-types', qapiemit.gen_types),
                     ('qapi-commands', qapiemit.gen_commands),
                     ('qapi-events', qapiemit.gen_events)):
        h, c = fn(schema, src, args.prefix)
        outputs[args.prefix + base + '.h'] = h
        outputs[args.prefix + base + '.c'] = c
    os.makedirs(args.outdir, exist_ok=True)
    for name, text in outputs.items():
        with open(os.path.join(args.outdir, name), 'w',
                  encoding='utf-8') as f:
            f.write('\n'.join(line.rstrip() for line in text.split('\n')))
    if args.depfile:
        with open(args.depfile, 'w', encoding='utf-8') as f:
            target = os.path.join(args.outdir,
                                  args.prefix + 'qapi-types.h')
            f.write(f'{target}: {" ".join(schema.files)}\n')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
