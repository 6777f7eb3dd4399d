#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Run one bare-metal guest test program (tests/tcg/<arch>/) on hemu.

Modes (the first two used by tests/tcg/aarch64/meson.build, the last
two by tests/tcg/hexagon/meson.build):

  run-guest.py --hemu HEMU --elf PROG.elf --cpu MODEL [--expect PROG.out]
               [-- EXTRA...]
      Runs `HEMU -M virt -cpu MODEL -semihosting -nographic -kernel ELF
      -run-timeout 60 EXTRA...`.  Passes when the exit code is 0, the last
      line of the guest's output is "PASS", and the output equals the
      --expect file when one is given and exists.

  run-guest.py --hemu HEMU --qemu QEMU --elf PROG.elf --cpu MODEL
               [-- EXTRA...]
      Runs the same ELF on hemu and on QEMU (`QEMU -M virt -cpu MODEL
      -semihosting -nographic -kernel ELF EXTRA...`) and passes when the
      guest output and the exit code are the same (and QEMU printed
      something: an ELF that neither could load is no match).  Exit 77 (skip) when
      QEMU is not given or not executable.

  run-guest.py --hemu HEMU --elf PROG.elf --cpu MODEL --machine NAME ...
      As the first mode, with `-M NAME` instead of `-M virt` (used by
      tests/tcg/hexagon/, NAME = V66G_1024).  Exits 77 (skip) when
      `HEMU -M help` does not list NAME, i.e. while that machine is not
      built into hemu yet.

  run-guest.py --hemu HEMU --machine NAME --elf PROG.elf --cpu MODEL
               --qemu QEMU-USER --qemu-user-elf PROG-linux.elf
      Compare mode against a QEMU user-mode emulator (qemu-hexagon): hemu
      runs PROG.elf (semihosting build) as above, QEMU runs the Linux-ABI
      build of the same test as `QEMU-USER PROG-linux.elf`.

If EXTRA contains -M/-machine, the runner does not add `-M virt` (or the
--machine one).
The guest output is stdout and stderr merged (QEMU writes semihosting
console output to stderr, hemu to stdout), minus the emulators' own
diagnostic lines ("hemu: ...", "qemu-system-...: ...", "qemu-hexagon: ...").
On failure the full output of each run is printed.  --skip REASON exits 77
at once (the build uses it when no cross compiler was found).
"""

import argparse
import os
import re
import subprocess
import sys

SKIP = 77
TIMEOUT = 60          # seconds of host time per run
DIAG = re.compile(r'^(hemu|qemu-system-[a-z0-9_]+|qemu-hexagon): ')


class Run:
    """The result of one emulator run."""

    def __init__(self, cmd, code, raw, timed_out):
        self.cmd = cmd
        self.code = code
        self.raw = raw
        self.timed_out = timed_out
        self.guest = ''.join(line for line in raw.splitlines(keepends=True)
                             if not DIAG.match(line))

    def report(self, title):
        print('==== %s: %s' % (title, ' '.join(self.cmd)))
        print('---- exit code %s%s' % (self.code,
              ' (host timeout)' if self.timed_out else ''))
        print(self.raw, end='' if self.raw.endswith('\n') else '\n')
        print('---- end of output')


def base_args(cpu, elf, extra, machine=None):
    """Arguments common to hemu and QEMU, machine first."""
    args = []
    if not any(a in ('-M', '-machine') for a in extra):
        args += ['-M', machine or 'virt']
    return args + ['-cpu', cpu, '-semihosting', '-nographic',
                   '-kernel', elf] + extra


def run(cmd, timeout):
    try:
        p = subprocess.run(cmd, stdin=subprocess.DEVNULL,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           timeout=timeout)
        return Run(cmd, p.returncode,
                   p.stdout.decode('utf-8', 'replace'), False)
    except subprocess.TimeoutExpired as e:
        out = (e.stdout or b'').decode('utf-8', 'replace')
        return Run(cmd, None, out, True)


def run_hemu(args):
    cmd = [args.hemu] + base_args(args.cpu, args.elf, args.extra,
                                  args.machine)
    cmd += ['-run-timeout', str(TIMEOUT)]
    return run(cmd, TIMEOUT + 15)


def hemu_has_machine(hemu, machine):
    """True when `hemu -M help` lists @machine (first word of a line)."""
    r = run([hemu, '-M', 'help'], 30)
    return any(line.split()[:1] == [machine] for line in r.raw.splitlines())


def last_line(text):
    lines = [l for l in text.splitlines() if l.strip()]
    return lines[-1].strip() if lines else ''


def check_alone(args):
    r = run_hemu(args)
    problems = []
    if r.code != 0:
        problems.append('exit code %s, expected 0' % r.code)
    if last_line(r.guest) != 'PASS':
        problems.append('last line is %r, expected "PASS"'
                        % last_line(r.guest))
    if args.expect and os.path.exists(args.expect):
        with open(args.expect, encoding='utf-8') as f:
            want = f.read()
        if r.guest != want:
            problems.append('output differs from %s' % args.expect)
            print('==== expected output (%s):' % args.expect)
            print(want, end='')
    if problems:
        r.report('hemu')
        for p in problems:
            print('FAIL: ' + p)
        return 1
    print(r.guest, end='')
    return 0


def check_vs_qemu(args):
    h = run_hemu(args)
    if args.qemu_user_elf:
        qcmd = [args.qemu, args.qemu_user_elf]
    else:
        qcmd = [args.qemu] + base_args(args.cpu, args.elf, args.extra,
                                       args.machine)
    q = run(qcmd, TIMEOUT)
    problems = []
    if h.code != q.code:
        problems.append('exit code: hemu %s, QEMU %s' % (h.code, q.code))
    if not q.guest.strip():
        problems.append('QEMU printed no guest output')
    if h.guest != q.guest:
        problems.append('guest output differs')
    if problems:
        h.report('hemu')
        q.report('QEMU')
        for p in problems:
            print('FAIL: ' + p)
        return 1
    print(h.guest, end='')
    print('same output and exit code (%s) on hemu and QEMU' % h.code)
    return 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--hemu', help='the hemu binary')
    ap.add_argument('--qemu', help='qemu-system-<arch>: compare with it')
    ap.add_argument('--elf', help='the guest program')
    ap.add_argument('--cpu', default='max', help='CPU model')
    ap.add_argument('--machine', help='-M for hemu instead of virt; '
                    'skip (77) when hemu does not list it')
    ap.add_argument('--qemu-user-elf', help='with --qemu: a QEMU user-mode '
                    'emulator, which runs this ELF instead')
    ap.add_argument('--expect', help='expected output file (optional)')
    ap.add_argument('--skip', help='exit 77 with this reason')
    ap.add_argument('extra', nargs='*', help='appended to both commands')
    args = ap.parse_args()
    if args.skip:
        print('SKIP: ' + args.skip)
        return SKIP
    if not args.hemu or not args.elf:
        ap.error('--hemu and --elf are required')
    if args.qemu is not None and not os.access(args.qemu, os.X_OK):
        print('SKIP: %s not found' % ('qemu-hexagon' if args.qemu_user_elf
                                      else 'qemu-system-aarch64'))
        return SKIP
    if not os.path.isfile(args.elf):
        print('FAIL: guest program %s does not exist (not built?)' % args.elf)
        return 1
    if args.machine and not hemu_has_machine(args.hemu, args.machine):
        print('SKIP: hemu has no machine %s yet (not listed by '
              '`hemu -M help`)' % args.machine)
        return SKIP
    if args.qemu is not None:
        return check_vs_qemu(args)
    return check_alone(args)


if __name__ == '__main__':
    sys.exit(main())
