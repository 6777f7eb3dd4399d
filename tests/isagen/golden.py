#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Golden tests of scripts/isagen: generated C and error messages.

cases.txt lists one case a line: NAME then isagen's arguments (input
files relative to this directory).  A case passes when isagen, run in this
directory, writes exactly NAME.out (exit status 0) or, for a case whose
name starts with 'err-', prints exactly NAME.err on stderr (exit status 1).

Usage:
  golden.py [CASE...]            check (all cases when none named)
  golden.py --update [CASE...]   rewrite NAME.out / NAME.err from isagen
Review the diff of an update like any other change: it is the test.
"""

import argparse
import difflib
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ISAGEN = os.path.join(HERE, '..', '..', 'scripts', 'isagen', 'isagen.py')


def read_cases():
    cases = {}
    with open(os.path.join(HERE, 'cases.txt'), encoding='utf-8') as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith('#'):
                name, *args = line.split()
                cases[name] = args
    return cases


def run_case(isagen, args):
    proc = subprocess.run([sys.executable, isagen, '-o', '-'] + args,
                          cwd=HERE, capture_output=True, text=True,
                          check=False)
    return proc.returncode, proc.stdout, proc.stderr


def expected_of(name):
    if name.startswith('err-'):
        return os.path.join(HERE, name + '.err'), 1
    return os.path.join(HERE, name + '.out'), 0


def check(name, args, isagen, update):
    path, want_rc = expected_of(name)
    rc, out, err = run_case(isagen, args)
    got = err if want_rc else out
    if update:
        if rc != want_rc:
            print(f'{name}: isagen exited {rc}, expected {want_rc}:\n{err}')
            return False
        with open(path, 'w', encoding='utf-8') as f:
            f.write(got)
        print(f'{name}: wrote {os.path.basename(path)}')
        return True
    with open(path, encoding='utf-8') as f:
        want = f.read()
    if rc == want_rc and got == want:
        print(f'{name}: ok')
        return True
    print(f'{name}: FAILED (exit status {rc}, expected {want_rc})')
    if rc != want_rc:
        sys.stdout.write(err)
    sys.stdout.writelines(difflib.unified_diff(
        want.splitlines(True), got.splitlines(True),
        os.path.basename(path), 'isagen'))
    return False


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--update', action='store_true')
    ap.add_argument('--isagen', default=ISAGEN)
    ap.add_argument('cases', nargs='*')
    opts = ap.parse_args()
    cases = read_cases()
    names = opts.cases or list(cases)
    ok = True
    for name in names:
        if name not in cases:
            print(f"unknown case '{name}' (see cases.txt)")
            ok = False
            continue
        ok &= check(name, cases[name], os.path.abspath(opts.isagen),
                    opts.update)
    return 0 if ok else 1


if __name__ == '__main__':
    sys.exit(main())
