#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""The boards shipped as machine files (boards/, docs/user/machine-files.md).

Usage: test-boards.py PATH-TO-HEMU

boards/v66g.yaml must behave exactly like its C counterpart -M V66G_1024:
each Hexagon guest test of tests/tcg/hexagon (the ELFs the build puts in
tests/tcg/hexagon/ beside hemu) runs on
  hemu -M V66G_1024 -cpu v68 -semihosting -kernel X.elf
and on
  hemu -M boards/v66g.yaml -semihosting -device loader,file=X.elf,cluster=hexagon,cpu-num=0
(-semihosting sets the threads' "semihosting" property), and the output (stdout and
stderr) and the exit status must be identical.  Skips (77) when the ELFs
were not built (no clang-19 / ld.lld-19).
"""
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
BOARDS = os.path.join(HERE, '..', '..', 'boards')
# the self-checking programs (tests/tcg/hexagon/meson.build); interrupts
# and llsc-threads use more than one thread, tlb the MMU
PROGRAMS = ['hello', 'int-compute', 'packet', 'xtype-alu', 'xtype-bit',
            'xtype-mpy', 'xtype-fp', 'isa-new', 'more-insns', 'llsc-threads',
            'tlb', 'interrupts']
failures = []


def check(name, cond, detail=''):
    if cond:
        print(f'ok {name}')
    else:
        print(f'FAIL {name}: {detail}')
        failures.append(name)


def run(hemu, args):
    p = subprocess.run([hemu, '-nographic', *args], capture_output=True,
                       text=True, timeout=90, stdin=subprocess.DEVNULL)
    return p.returncode, p.stdout, p.stderr


def main():
    hemu = os.path.abspath(sys.argv[1])
    elfdir = os.path.join(os.path.dirname(hemu), 'tests', 'tcg', 'hexagon')
    elfs = [(n, os.path.join(elfdir, n + '.elf')) for n in PROGRAMS]
    elfs = [(n, e) for n, e in elfs if os.path.exists(e)]
    if not elfs:
        print(f'SKIP: no Hexagon test programs in {elfdir}')
        return 77
    board = os.path.join(BOARDS, 'v66g.yaml')
    for name, elf in elfs:
        c = run(hemu, ['-M', 'V66G_1024', '-cpu', 'v68', '-smp', '4',
                       '-semihosting', '-kernel', elf])
        f = run(hemu, ['-M', board, '-semihosting', '-device',
                       f'loader,id=k,file={elf},cluster=hexagon,cpu-num=0'])
        check(f'v66g-{name}', c == f and 'PASS' in c[1] + c[2],
              f'C board {c!r}\nfile board {f!r}')
    if failures:
        print(f'{len(failures)} failed: {" ".join(failures)}')
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
