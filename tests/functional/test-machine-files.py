#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Functional tests of machine files (docs/user/machine-files.md).

Usage: test-machine-files.py PATH-TO-HEMU

Runs hemu with -M file:PATH (and -M PATH for a .yaml path): the example
boards in tests/machines/ build and run until -run-timeout (exit 2); every
malformed file in tests/machines/bad/ exits 1 with the message fragment
(file:line:column and what was expected) listed in bad/expected.txt.
Exits 77 (skipped) while the command line does not accept machine files
yet.  Whole suite: ~3 s.
"""
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
MACHINES = os.path.join(HERE, '..', 'machines')
HEMU = None
failures = []


def run(*args, timeout=20):
    """Run hemu with @args; return (status, stderr)."""
    p = subprocess.run([HEMU, *args], capture_output=True, text=True,
                       timeout=timeout, stdin=subprocess.DEVNULL)
    return p.returncode, p.stderr


def check(name, cond, detail=''):
    if cond:
        print(f'ok {name}')
    else:
        print(f'FAIL {name}: {detail}')
        failures.append(name)


def bad_cases():
    """(file, fragment) pairs from bad/expected.txt."""
    cases = []
    with open(os.path.join(MACHINES, 'bad', 'expected.txt')) as f:
        for line in f:
            line = line.rstrip('\n')
            if line.startswith('#') or '|' not in line:
                continue
            name, fragment = line.split('|', 1)
            cases.append((name, fragment))
    return cases


def main():
    global HEMU
    HEMU = sys.argv[1]
    empty = os.path.join(MACHINES, 'bad', 'empty.yaml')
    rc, err = run('-M', 'file:' + empty)
    if 'empty machine file' not in err:
        print('SKIP: hemu does not accept -M file:PATH yet '
              f'(status {rc}: {err.strip()})')
        return 77

    for board in ('board.yaml', 'override.yaml'):
        path = os.path.join(MACHINES, board)
        rc, err = run('-M', 'file:' + path, '-run-timeout', '1')
        check(f'{board} runs', rc == 2, f'status {rc}: {err}')
    rc, err = run('-M', os.path.join(MACHINES, 'board.yaml'),
                  '-run-timeout', '1')
    check('-M PATH.yaml', rc == 2, f'status {rc}: {err}')

    cases = bad_cases()
    check('at least 20 malformed files', len(cases) >= 20, str(len(cases)))
    listed = {name for name, _ in cases}
    for name in sorted(os.listdir(os.path.join(MACHINES, 'bad'))):
        if name.endswith('.yaml'):
            check(f'{name} listed', name in listed)
    for name, fragment in cases:
        rc, err = run('-M', 'file:' + os.path.join(MACHINES, 'bad', name))
        check(f'bad/{name}', rc == 1 and fragment in err,
              f'status {rc}, stderr {err!r}, expected {fragment!r}')

    if failures:
        print(f'{len(failures)} failed: {" ".join(failures)}')
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
