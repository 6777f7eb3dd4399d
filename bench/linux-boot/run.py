#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Time Debian's arm64 Linux booting to a busybox marker, hemu vs QEMU.

  run.py --hemu HEMU [--qemu QEMU] [--runs N] [--machine M] [--cpu C]
         [--smp N] [--cache DIR]

Boots the kernel and busybox of tests/functional/test-linux-boot.py
(fetched into the same cache by tests/functional/linuxlib.py) with an
initramfs whose /init prints a marker line and powers off, as

  EMU -M virt -cpu cortex-a57 -m 512M -nographic -no-reboot \\
      -kernel vmlinuz -initrd initramfs-bench.cpio.gz \\
      -append "console=ttyAMA0 panic=-1"

on hemu and on qemu-system-aarch64 (--qemu, default the one on PATH; none:
hemu only), --runs times each, alternating.  A run's time is from
starting the process to reading the marker line on its stdout (as it
arrives); the guest's own uptime at the marker and the time to exit are
reported too.  Prints median, min and max per emulator and the ratio of
the medians (hemu / QEMU; below 1 means hemu is faster).  A benchmark,
not a test: exits 0 unless the arguments are wrong or the kernel cannot
be fetched; a run that fails is counted and reported, not timed.
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                '..', '..', 'tests', 'functional'))
from linuxlib import cache_dir, fetch, write_initramfs  # noqa: E402

MARKER = 'HEMU-BENCH-BOOT'
APPEND = 'console=ttyAMA0 panic=-1'
TIMEOUT = 300
INIT = '''#!/bin/busybox sh
/bin/busybox mount -t proc proc /proc
read up idle < /proc/uptime
echo "MARKER uptime=$up"
/bin/busybox poweroff -f
'''.replace('MARKER', MARKER)


def run_once(cmd):
    """(seconds to the marker, guest uptime, seconds to exit), or None
    when the marker never came or the emulator did not exit with 0."""
    start = time.monotonic()
    p = subprocess.Popen(cmd, stdin=subprocess.DEVNULL,
                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    timer = threading.Timer(TIMEOUT, p.kill)
    timer.start()
    marker, uptime = None, None
    try:
        for raw in p.stdout:
            line = raw.decode('utf-8', 'replace')
            if marker is None and MARKER in line:
                marker = time.monotonic() - start
                up = line.split('uptime=', 1)[-1].split()
                uptime = float(up[0]) if up else None
        rc = p.wait()
    finally:
        timer.cancel()
    total = time.monotonic() - start
    if marker is None or rc != 0:
        return None
    return marker, uptime, total


def measure(name, cmd, results):
    """Append one run of @cmd to results[name] (None when it failed)."""
    r = run_once(cmd)
    results[name].append(r)
    print('# %-5s %s' % (name, '%.2f s to the marker (guest uptime %.2f '
                         's, exit %.2f s)' % r if r else 'FAILED'),
          flush=True)


def stats(runs):
    ok = [r for r in runs if r]
    if not ok:
        return None
    marker = [r[0] for r in ok]
    return (statistics.median(marker), min(marker), max(marker),
            statistics.median(r[1] for r in ok if r[1] is not None)
            if any(r[1] is not None for r in ok) else float('nan'),
            statistics.median(r[2] for r in ok), len(runs) - len(ok))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--hemu', required=True)
    ap.add_argument('--qemu', default=shutil.which('qemu-system-aarch64')
                    or '', help='qemu-system-aarch64 ("" for none)')
    ap.add_argument('--runs', type=int, default=5)
    ap.add_argument('--machine', default='virt',
                    help='-M value (both emulators), e.g. '
                    'virt,gic-version=3 for the same GIC')
    ap.add_argument('--cpu', default='cortex-a57')
    ap.add_argument('--smp', type=int, default=1)
    ap.add_argument('--cache', default=None,
                    help='package cache (default: as the Linux tests)')
    args = ap.parse_args()
    if args.runs < 1:
        ap.error('--runs must be at least 1')
    hemu = os.path.abspath(args.hemu)
    cache = args.cache or cache_dir(hemu)
    files = fetch(cache)
    if not files:
        print('bench-linux-boot: cannot fetch the Debian arm64 kernel and '
              'busybox-static (offline, not root, no apt?)')
        return 1
    vmlinuz, busybox = files
    initrd = os.path.join(cache, 'initramfs-bench.cpio.gz')
    write_initramfs(busybox, initrd, INIT)

    common = ['-M', args.machine, '-cpu', args.cpu, '-smp', str(args.smp),
              '-m', '512M', '-nographic', '-no-reboot', '-kernel', vmlinuz,
              '-initrd', initrd, '-append', APPEND]
    emus = {'hemu': [hemu] + common}
    if args.qemu and os.access(args.qemu, os.X_OK):
        emus['qemu'] = [args.qemu] + common
    print('# %s' % ' '.join(['EMU'] + common), flush=True)
    results = {name: [] for name in emus}
    for _ in range(args.runs):
        for name, cmd in emus.items():
            measure(name, cmd, results)

    print('%-6s %8s %8s %8s %8s %8s  %s' % ('', 'median', 'min', 'max',
                                           'guest', 'exit', 'failed runs'))
    st = {name: stats(runs) for name, runs in results.items()}
    for name in emus:
        s = st[name]
        if s:
            print('%-6s %8.2f %8.2f %8.2f %8.2f %8.2f  %d of %d' %
                  (name, *s, args.runs))
        else:
            print('%-6s %8s %8s %8s %8s %8s  %d of %d' %
                  (name, '-', '-', '-', '-', '-', args.runs, args.runs))
    if 'qemu' not in emus:
        print('qemu   (not run: no qemu-system-aarch64)')
    elif st['hemu'] and st['qemu']:
        print('ratio hemu/qemu (median to the marker): %.2f' %
              (st['hemu'][0] / st['qemu'][0]))
    print('seconds from process start to the marker line; guest = the '
          "guest's uptime at the marker; exit = process start to exit")
    return 0


if __name__ == '__main__':
    raise SystemExit(main())
