#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Time AArch64 guest compute programs on hemu and on QEMU.

  run.py --hemu HEMU [--qemu QEMU] [--cpu MODEL] [--repeat N]
         [--host PROG=HOSTEXE]... PROG.elf...

Runs each ELF as `EMU -M virt -cpu MODEL -semihosting -nographic -kernel
ELF` (hemu also gets -run-timeout), best wall-clock time of --repeat runs,
and prints one table row per program: hemu seconds, QEMU seconds, their
ratio (hemu / QEMU; below 1 means hemu is faster) and whether each run
printed PASS and exited 0.  With --host PROG=HOSTEXE, HOSTEXE is the
same C program compiled for the host: its line containing "checksum"
must equal the guest's, or the row says CHECKSUM MISMATCH (used by the
floating-point kernels, whose expected bits come from native execution).
A benchmark, not a test: always exits 0 unless the arguments are wrong.
"""

import argparse
import os
import subprocess
import time

TIMEOUT = 300


def checksum_line(text):
    """The first output line that contains "checksum" (or None)."""
    for line in text.splitlines():
        if 'checksum' in line:
            return line.strip()
    return None


def run_once(cmd, want=None):
    """(seconds, ok) of one run; ok = exit 0 and PASS on the last line,
    and the checksum line equal to @want when it is given."""
    start = time.monotonic()
    try:
        p = subprocess.run(cmd, stdin=subprocess.DEVNULL,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return None, False
    secs = time.monotonic() - start
    out = p.stdout.decode('utf-8', 'replace')
    lines = [l for l in out.splitlines() if l.strip()]
    ok = p.returncode == 0 and bool(lines) and lines[-1] == 'PASS'
    if want is not None and checksum_line(out) != want:
        ok = False
    return secs, ok


def best_of(cmd, repeat, want=None):
    best, all_ok = None, True
    for _ in range(repeat):
        secs, ok = run_once(cmd, want)
        all_ok = all_ok and ok
        if secs is not None and (best is None or secs < best):
            best = secs
    return best, all_ok


def host_checksum(exe):
    """The checksum line of the native build, or None if it failed."""
    try:
        p = subprocess.run([exe], stdin=subprocess.DEVNULL,
                           stdout=subprocess.PIPE, timeout=TIMEOUT)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return checksum_line(p.stdout.decode('utf-8', 'replace'))


def fmt(secs):
    return '%8.2f' % secs if secs is not None else ' timeout'


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--hemu', required=True)
    ap.add_argument('--qemu', default='')
    ap.add_argument('--cpu', default='cortex-a57')
    ap.add_argument('--repeat', type=int, default=1)
    ap.add_argument('--host', action='append', default=[],
                    metavar='PROG=HOSTEXE')
    ap.add_argument('elfs', nargs='+')
    args = ap.parse_args()
    have_qemu = bool(args.qemu) and os.access(args.qemu, os.X_OK)
    hosts = {}
    for h in args.host:
        name, sep, exe = h.partition('=')
        if not sep:
            ap.error('--host wants PROG=HOSTEXE, got %r' % h)
        hosts[name] = exe

    print('%-10s %8s %8s %7s  %s' % ('program', 'hemu s', 'qemu s',
                                     'ratio', 'result'))
    for elf in args.elfs:
        name = os.path.splitext(os.path.basename(elf))[0]
        base = ['-M', 'virt', '-cpu', args.cpu, '-semihosting',
                '-nographic', '-kernel', elf]
        want = None
        if name in hosts:
            want = host_checksum(hosts[name]) or 'native run failed'
        h, h_ok = best_of([args.hemu] + base +
                          ['-run-timeout', str(TIMEOUT)], args.repeat, want)
        q, q_ok = (best_of([args.qemu] + base, args.repeat, want)
                   if have_qemu else (None, True))
        ratio = '%7.2f' % (h / q) if h and q else '      -'
        bad = 'CHECKSUM MISMATCH or FAILED' if want else 'FAILED'
        result = 'hemu %s' % ('ok' if h_ok else bad)
        if have_qemu:
            result += ', qemu %s' % ('ok' if q_ok else bad)
        if want:
            result += ' (checksum vs native)'
        print('%-10s %s %s %s  %s' % (name, fmt(h),
              fmt(q) if have_qemu else '     n/a', ratio, result),
              flush=True)
    return 0


if __name__ == '__main__':
    raise SystemExit(main())
