#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Time Hexagon guest compute programs on hemu and on qemu-hexagon.

  run.py --hemu HEMU [--qemu QEMU-HEXAGON] [--cpu MODEL] [--repeat N]
         PROG.elf...

hemu runs each PROG.elf (semihosting build) as `HEMU -M V66G_1024 -cpu
MODEL -m 64M -semihosting -nographic -kernel PROG.elf -run-timeout T`;
qemu-hexagon (user mode) runs PROG-linux.elf, the Linux-ABI build of the
same C found next to it.  Prints one row per program: the best wall-clock
time of --repeat runs on each (process start to exit), their ratio (hemu
/ qemu; below 1 means hemu is faster), and the result: each run must exit
0 with PASS on its last line, and the two emulators' outputs (which carry
the program's checksum line) must be identical.  A benchmark, not a test:
always exits 0 unless the arguments are wrong.
"""

import argparse
import os
import subprocess
import time

TIMEOUT = 300


def run_once(cmd):
    """(seconds or None on timeout, ok, output) of one run."""
    start = time.monotonic()
    try:
        p = subprocess.run(cmd, stdin=subprocess.DEVNULL,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return None, False, ''
    secs = time.monotonic() - start
    out = p.stdout.decode('utf-8', 'replace')
    lines = [l for l in out.splitlines() if l.strip()]
    ok = p.returncode == 0 and bool(lines) and lines[-1] == 'PASS'
    return secs, ok, out


def best_of(cmd, repeat):
    """(best seconds, all runs ok, output of the last run)."""
    best, all_ok, out = None, True, ''
    for _ in range(repeat):
        secs, ok, out = run_once(cmd)
        all_ok = all_ok and ok
        if secs is not None and (best is None or secs < best):
            best = secs
    return best, all_ok, out


def fmt(secs):
    return '%8.2f' % secs if secs is not None else ' timeout'


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--hemu', required=True)
    ap.add_argument('--qemu', default='')
    ap.add_argument('--cpu', default='v68')
    ap.add_argument('--repeat', type=int, default=1)
    ap.add_argument('elfs', nargs='+')
    args = ap.parse_args()
    have_qemu = bool(args.qemu) and os.access(args.qemu, os.X_OK)

    print('%-10s %8s %8s %7s  %s' % ('program', 'hemu s', 'qemu s',
                                     'ratio', 'result'))
    for elf in args.elfs:
        name = os.path.splitext(os.path.basename(elf))[0]
        linux_elf = os.path.splitext(elf)[0] + '-linux.elf'
        h, h_ok, h_out = best_of([args.hemu, '-M', 'V66G_1024', '-cpu',
                                  args.cpu, '-m', '64M', '-semihosting',
                                  '-nographic', '-kernel', elf,
                                  '-run-timeout', str(TIMEOUT)],
                                 args.repeat)
        q, q_ok, q_out = (best_of([args.qemu, linux_elf], args.repeat)
                          if have_qemu else (None, True, ''))
        ratio = '%7.2f' % (h / q) if h and q else '      -'
        result = 'hemu %s' % ('ok' if h_ok else 'FAILED')
        if have_qemu:
            result += ', qemu %s' % ('ok' if q_ok else 'FAILED')
            if h_ok and q_ok:
                result += (', same output' if h_out == q_out
                           else ', OUTPUT DIFFERS')
        print('%-10s %s %s %s  %s' % (name, fmt(h),
              fmt(q) if have_qemu else '     n/a', ratio, result),
              flush=True)
    return 0


if __name__ == '__main__':
    raise SystemExit(main())
