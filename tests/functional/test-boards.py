#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""The boards shipped as machine files (boards/, docs/user/machine-files.md).

Usage: test-boards.py PATH-TO-HEMU [HETERO-ARM.elf HETERO-DSP.elf]

boards/v66g.yaml must behave exactly like its C counterpart -M V66G_1024:
each Hexagon guest test of tests/tcg/hexagon (the ELFs the build puts in
tests/tcg/hexagon/ beside hemu) runs on
  hemu -M V66G_1024 -cpu v68 -semihosting -kernel X.elf
and on
  hemu -M boards/v66g.yaml -semihosting -device loader,file=X.elf,cluster=hexagon,cpu-num=0
(-semihosting sets the threads' "semihosting" property), and the output (stdout and
stderr) and the exit status must be identical.  Skips (77) when the ELFs
were not built (no clang-19 / ld.lld-19).

With the hetero demo's ELFs (demo/hetero), boards/hetero-virt.yaml and
boards/hetero-virt-minimal.yaml must behave exactly like -M hetero-virt
and -M hetero-virt,dsp-threads=1: under -accel tcg,thread=single -icount
shift=0 -d stats the console output must be byte-identical and each
architecture's instruction count the same (cluster paths may differ).
The file board runs from a small file that includes the board and names
the ARM program (-kernel is refused with machine files); the DSP's ELF
goes in with cpu-num=0 (the controller takes BOOT_ADDR from it).
"""
import os
import re
import subprocess
import sys
import tempfile

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


DET = ['-accel', 'tcg,thread=single', '-icount', 'shift=0', '-d', 'stats',
       '-run-timeout', '150']


def counts(err):
    """{architecture: instructions} from -d stats lines."""
    return {m.group(1): int(m.group(2)) for m in
            re.finditer(r'stats: \S+ \((\w+)\): (\d+) instructions', err)}


def hetero(hemu, arm, dsp, profile, cprops, tmp):
    wrapper = os.path.join(tmp, f'run-{profile}.yaml')
    with open(wrapper, 'w') as f:
        f.write(f'include: {os.path.join(BOARDS, profile + ".yaml")}\n'
                f'machine: {{kernel: "{arm}", semihosting: on}}\n')
    c = run(hemu, ['-M', cprops, '-semihosting', '-kernel', arm, '-device',
                   f'loader,file={dsp},cluster=dsp', *DET])
    f = run(hemu, ['-M', wrapper, '-chardev', 'stdio,id=serial0', '-device',
                   f'loader,file={dsp},cluster=dsp,cpu-num=0', *DET])
    check(f'{profile}-demo-passes', f[0] == 0 and 'DEMO PASSED' in f[1],
          f'file board {f!r}')
    check(f'{profile}-output', c[0] == f[0] and c[1] == f[1] and c[1],
          f'C board {c[:2]!r}\nfile board {f[:2]!r}')
    cc, fc = counts(c[2]), counts(f[2])
    check(f'{profile}-instruction-counts',
          cc == fc and set(cc) == {'aarch64', 'hexagon'},
          f'C board {cc}, file board {fc}')


def main():
    hemu = os.path.abspath(sys.argv[1])
    if len(sys.argv) == 4:
        arm, dsp = (os.path.abspath(a) for a in sys.argv[2:4])
        if os.path.exists(arm) and os.path.exists(dsp):
            with tempfile.TemporaryDirectory() as tmp:
                hetero(hemu, arm, dsp, 'hetero-virt', 'hetero-virt', tmp)
                hetero(hemu, arm, dsp, 'hetero-virt-minimal',
                       'hetero-virt,dsp-threads=1', tmp)
        else:
            print('SKIP hetero: the demo ELFs were not built')
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
