#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Time AArch64 guest compute programs on hemu and on QEMU.

  run.py --hemu HEMU [--qemu QEMU] [--cpu MODEL] [--repeat N] PROG.elf...

Runs each ELF as `EMU -M virt -cpu MODEL -semihosting -nographic -kernel
ELF` (hemu also gets -run-timeout), best wall-clock time of --repeat runs,
and prints one table row per program: hemu seconds, QEMU seconds, their
ratio (hemu / QEMU; below 1 means hemu is faster) and whether each run
printed PASS and exited 0.  A benchmark, not a test: always exits 0
unless the arguments are wrong.
"""

import argparse
import os
import subprocess
import time

TIMEOUT = 300


def run_once(cmd):
    """(seconds, ok) of one run; ok = exit 0 and PASS on the last line."""
    start = time.monotonic()
    try:
        p = subprocess.run(cmd, stdin=subprocess.DEVNULL,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return None, False
    secs = time.monotonic() - start
    lines = [l for l in p.stdout.decode('utf-8', 'replace').splitlines()
             if l.strip()]
    return secs, p.returncode == 0 and bool(lines) and lines[-1] == 'PASS'


def best_of(cmd, repeat):
    best, all_ok = None, True
    for _ in range(repeat):
        secs, ok = run_once(cmd)
        all_ok = all_ok and ok
        if secs is not None and (best is None or secs < best):
            best = secs
    return best, all_ok


def fmt(secs):
    return '%8.2f' % secs if secs is not None else ' timeout'


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--hemu', required=True)
    ap.add_argument('--qemu', default='')
    ap.add_argument('--cpu', default='cortex-a57')
    ap.add_argument('--repeat', type=int, default=1)
    ap.add_argument('elfs', nargs='+')
    args = ap.parse_args()
    have_qemu = bool(args.qemu) and os.access(args.qemu, os.X_OK)

    print('%-10s %8s %8s %7s  %s' % ('program', 'hemu s', 'qemu s',
                                     'ratio', 'result'))
    for elf in args.elfs:
        name = os.path.splitext(os.path.basename(elf))[0]
        base = ['-M', 'virt', '-cpu', args.cpu, '-semihosting',
                '-nographic', '-kernel', elf]
        h, h_ok = best_of([args.hemu] + base +
                          ['-run-timeout', str(TIMEOUT)], args.repeat)
        q, q_ok = (best_of([args.qemu] + base, args.repeat)
                   if have_qemu else (None, True))
        ratio = '%7.2f' % (h / q) if h and q else '      -'
        result = 'hemu %s' % ('ok' if h_ok else 'FAILED')
        if have_qemu:
            result += ', qemu %s' % ('ok' if q_ok else 'FAILED')
        print('%-10s %s %s %s  %s' % (name, fmt(h),
              fmt(q) if have_qemu else '     n/a', ratio, result),
              flush=True)
    return 0


if __name__ == '__main__':
    raise SystemExit(main())
