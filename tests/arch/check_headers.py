#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Every public header compiles on its own (STYLE.md "Headers").

Usage: check_headers.py CC SRCDIR [CFLAGS...]
Compiles `#include "<header>"` alone, with -fsyntax-only, for every header
under SRCDIR/include, and reports the ones that fail.
"""
import os
import subprocess
import sys
import tempfile


def main(argv):
    cc, root, cflags = argv[1], argv[2], argv[3:]
    inc = os.path.join(root, 'include')
    failures = []
    count = 0
    with tempfile.TemporaryDirectory() as d:
        src = os.path.join(d, 'one.c')
        for dirpath, _, files in os.walk(inc):
            for f in sorted(files):
                if not f.endswith('.h'):
                    continue
                rel = os.path.relpath(os.path.join(dirpath, f), inc)
                with open(src, 'w') as out:
                    out.write(f'#include "{rel}"\n')
                cmd = [cc, '-fsyntax-only', '-Wall', '-Werror', '-std=gnu11',
                       '-D_GNU_SOURCE', '-I', inc] + cflags + [src]
                if rel.startswith('target/'):
                    cmd.insert(1, '-DHEMU_TARGET_CODE')
                r = subprocess.run(cmd, capture_output=True, text=True)
                count += 1
                if r.returncode:
                    failures.append((rel, r.stderr.strip()))
    for rel, err in failures:
        print(f'{rel} does not compile on its own:\n{err}\n')
    print(f'headers: {count} checked, {len(failures)} failed')
    return 1 if failures or count == 0 else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
