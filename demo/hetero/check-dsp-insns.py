#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Check that Hexagon ELFs only use instructions hemu's frontend decodes.

  check-dsp-insns.py --objdump llvm-objdump-19 --isa-dir target/hexagon \
                     PROG.elf...

clang-19 picks instructions hemu's Hexagon frontend does not decode yet
(docs/devel/hexagon-decode.md, "Not done yet"), and the demo firmware
would only find out when one executes (an invalid-packet event).  This
reads the 32-bit decode tables (target/hexagon/hex-*.isa: lines "NAME
bits ..." with 32 pattern characters 0/1/. grouped by '_'; parse bits
15:14 ignored, as the tables declare), disassembles every ELF with
llvm-objdump, and lists each instruction word that matches no pattern,
with its function and address.  Duplex words (parse bits 00) are not
checked: their sub-instruction tables are complete.  Exit 0 when every
word decodes, 1 otherwise, 77 (skip) without llvm-objdump.
"""

import argparse
import glob
import os
import re
import shutil
import subprocess
import sys

PATTERN = re.compile(r'([A-Z][A-Z0-9_]*)\s+([01._]+)\s')
TABLE = re.compile(r'table\s+\S+\s+width=(\d+)')
FUNC = re.compile(r'^[0-9a-f]+ <(.*)>:')
WORD = re.compile(r'^\s+([0-9a-f]+):\s+(?:[0-9a-f]{2}\s){4}([0-9a-f]{8})\s+(.*)')


def load_patterns(isa_dir):
    """(mask, value) of every 32-bit pattern, bits 15:14 left out."""
    pats = []
    for path in sorted(glob.glob(os.path.join(isa_dir, 'hex-*.isa'))):
        width = None
        with open(path) as f:
            for line in f:
                m = TABLE.match(line)
                if m:
                    width = int(m.group(1))
                    continue
                m = PATTERN.match(line)
                if width != 32 or not m:
                    continue
                bits = m.group(2).replace('_', '')
                if len(bits) != 32:
                    continue
                mask = value = 0
                for i, c in enumerate(bits):
                    b = 31 - i
                    if b in (15, 14) or c == '.':
                        continue
                    mask |= 1 << b
                    value |= (c == '1') << b
                pats.append((mask, value))
    return pats


def check(objdump, elf, pats):
    out = subprocess.run([objdump, '-d', '--mcpu=hexagonv68', elf],
                         capture_output=True, text=True, check=True).stdout
    func, bad = '?', 0
    for line in out.splitlines():
        m = FUNC.match(line)
        if m:
            func = m.group(1)
            continue
        m = WORD.match(line)
        if not m:
            continue
        word = int(m.group(2), 16)
        if (word >> 14) & 3 == 0:
            continue
        if not any(word & mask == value for mask, value in pats):
            bad += 1
            print(f'{elf}: {func}+0x{m.group(1)}: {m.group(2)} '
                  f'{m.group(3).strip()}: not in hemu\'s decode tables')
    return bad


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--objdump', default='llvm-objdump-19')
    ap.add_argument('--isa-dir', required=True)
    ap.add_argument('elf', nargs='+')
    args = ap.parse_args()
    if not shutil.which(args.objdump):
        print(f'{args.objdump} not found')
        return 77
    pats = load_patterns(args.isa_dir)
    if not pats:
        print(f'no decode patterns under {args.isa_dir}')
        return 1
    bad = sum(check(args.objdump, elf, pats) for elf in args.elf)
    print(f'{bad} instruction words hemu cannot decode '
          f'({len(pats)} patterns)')
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
