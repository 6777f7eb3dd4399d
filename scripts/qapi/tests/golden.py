#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Golden tests of scripts/qapi/qapigen.py: generated C and errors.

A case NAME reads NAME.json in this directory (run from here, so paths in
messages are stable).  'good' passes when the six generated files equal
good/<file>; an 'err-*' case passes when qapigen exits 1 printing exactly
NAME.err on stderr and writing nothing.

Usage:
  golden.py CASE...              check
  golden.py --update CASE...     rewrite the expected files from qapigen
Review the diff of an update like any other change: it is the test.
"""
import argparse
import difflib
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
QAPIGEN = os.path.join(HERE, '..', 'qapigen.py')
OUTPUTS = ['qapi-types.h', 'qapi-types.c', 'qapi-commands.h',
           'qapi-commands.c', 'qapi-events.h', 'qapi-events.c']


def diff(name, want, got):
    sys.stdout.writelines(difflib.unified_diff(
        want.splitlines(True), got.splitlines(True), f'expected/{name}',
        f'generated/{name}'))


def read(path):
    try:
        with open(path, encoding='utf-8') as f:
            return f.read()
    except FileNotFoundError:
        return ''


def run_case(case, update):
    with tempfile.TemporaryDirectory() as out:
        proc = subprocess.run([sys.executable, QAPIGEN, '-o', out,
                               case + '.json'], cwd=HERE,
                              capture_output=True, text=True, check=False)
        written = sorted(os.listdir(out))
        if case.startswith('err-'):
            path = os.path.join(HERE, case + '.err')
            if update and proc.returncode == 1:
                with open(path, 'w', encoding='utf-8') as f:
                    f.write(proc.stderr)
            want = read(path)
            ok = proc.returncode == 1 and proc.stderr == want and \
                not written
            if not ok:
                print(f'{case}: status {proc.returncode}, wrote {written}')
                diff(case + '.err', want, proc.stderr)
            return ok
        if proc.returncode != 0:
            print(f'{case}: qapigen failed:\n{proc.stderr}')
            return False
        ok = True
        for name in OUTPUTS:
            got = read(os.path.join(out, name))
            path = os.path.join(HERE, case, name)
            if update:
                os.makedirs(os.path.dirname(path), exist_ok=True)
                with open(path, 'w', encoding='utf-8') as f:
                    f.write(got)
            want = read(path)
            if got != want:
                diff(name, want, got)
                ok = False
        return ok


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--update', action='store_true')
    ap.add_argument('cases', nargs='+')
    args = ap.parse_args()
    bad = [c for c in args.cases if not run_case(c, args.update)]
    for c in args.cases:
        print(f'{"FAIL" if c in bad else "ok"} {c}')
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
