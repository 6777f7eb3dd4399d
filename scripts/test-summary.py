#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Turn meson's test logs into the one line CI reads: 'N passed, N failed'.

Usage: test-summary.py BUILDDIR [BUILDDIR...]
Reads BUILDDIR/meson-logs/testlog.json of each build directory (one JSON
object per test), counts OK as passed, SKIP as skipped and everything else
(FAIL, TIMEOUT, ERROR, UNEXPECTEDPASS) as failed, and prints the failures by
name before the summary line.  Exit status 1 when anything failed or no
test ran at all.
"""
import json
import os
import sys


def main():
    passed = failed = skipped = 0
    failures = []
    for bdir in sys.argv[1:]:
        path = os.path.join(bdir, 'meson-logs', 'testlog.json')
        try:
            with open(path) as f:
                lines = f.readlines()
        except OSError as e:
            print(f'test-summary: cannot read {path}: {e}')
            failed += 1
            continue
        for line in lines:
            line = line.strip()
            if not line:
                continue
            rec = json.loads(line)
            res = rec.get('result', 'ERROR')
            if res in ('OK', 'EXPECTEDFAIL'):
                passed += 1
            elif res == 'SKIP':
                skipped += 1
            else:
                failed += 1
                failures.append(f'{os.path.basename(bdir)}: {rec.get("name")} ({res})')
    for f in failures:
        print('FAILED', f)
    line = f'{passed} passed, {failed} failed'
    if skipped:
        line += f', {skipped} skipped'
    print(line)
    return 1 if failed or passed == 0 else 0


if __name__ == '__main__':
    sys.exit(main())
