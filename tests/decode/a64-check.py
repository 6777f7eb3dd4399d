#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Check hemu's A64 decode tables against LLVM 19, generated at test time.

For every pattern of the tables given on the command line this script
makes sample instruction words from the pattern's own bits (fixed bits as
written, free bits filled from a seeded generator, biased towards all-zero
and all-one runs so register 31 and zero immediates are hit), then:

  * runs hemu's decoder on each word (the tool built from
    tests/decode/a64-disas-tool.c prints "pattern<TAB>text" per word, or
    "-" when nothing decodes);
  * assembles the same words with llvm-mc-19 ('.inst' lines) and
    disassembles them with llvm-objdump-19 for ARMv8.5-A (the profile
    the tables describe: LSE, CRC32, PAuth, BTI, and BFC as an alias);
  * fails when a word LLVM decodes is not decoded by hemu, when hemu
    decodes a word LLVM calls <unknown>, or when the texts differ.

Only whitespace and LLVM's annotations are normalised: a '// ...' comment
and a '<symbol+off>' label after a branch target are dropped.  Each pattern
must own at least one sample that hemu decodes as that very pattern and
that LLVM accepts, or the check fails ("never decoded as itself").  A word
that an earlier alias of its overlap group takes (e.g. a CMP sample drawn
for SUBS) still has to print LLVM's text.

Usage: a64-check.py TOOL FILE.isa...   Exit 77 when LLVM 19 is absent.
"""

import os
import random
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, '..', '..', 'scripts', 'isagen'))

from isaparse import Parser  # noqa: E402

SAMPLES = 256         # words drawn per pattern line
SEED = 0x4136344     # fixed: the check is deterministic


def load_patterns(paths):
    parser = Parser()
    for path in paths:
        with open(path, encoding='utf-8') as f:
            parser.parse_file(path, f.read())
    if parser.errors:
        for e in parser.errors:
            print(e, file=sys.stderr)
        sys.exit(1)
    return [p for t in parser.spec.tables for p in t.patterns]


# Bit positions where A64 operand fields commonly start (Rd|Rn at 5,
# Rn|imm at 10, Rm at 16, hw/shift at 21-22, opc and sf near the top).
# Free runs are cut there, and at the ends of the pattern's own bit-range
# fields, unless one of those fields spans the position, so that each
# operand gets its own value (computed fields such as sf:Rd have no range).
BASE_CUTS = (5, 10, 12, 16, 21, 22, 24, 29, 30, 31)


def cuts_of(pat):
    cuts, inside = set(), set()
    for b in pat.bindings.values():
        for hi, lo in (b.field.parts if b.field is not None else ()):
            cuts.update((lo, hi + 1))
            inside.update(range(lo + 1, hi + 1))
    return cuts | (set(BASE_CUTS) - inside)


def free_runs(mask, cuts):
    """Runs of free (0 in mask) bits of a 32-bit word, cut at cuts:
    list of (lo, len)."""
    runs, bit = [], 0
    while bit < 32:
        if mask >> bit & 1:
            bit += 1
            continue
        lo = bit
        bit += 1
        while bit < 32 and not mask >> bit & 1 and bit not in cuts:
            bit += 1
        runs.append((lo, bit - lo))
    return runs


def sample(pat, rng):
    word = pat.bits
    for lo, n in free_runs(pat.mask, cuts_of(pat)):
        # Register fields are 5-bit runs; 31 (SP/ZR) and 0 deserve weight.
        choice = rng.random()
        if choice < 0.15:
            v = (1 << n) - 1
        elif choice < 0.25:
            v = 0
        else:
            v = rng.getrandbits(n)
        word |= v << lo
    return word


def llvm_disas(words, tmp):
    src = os.path.join(tmp, 'w.s')
    obj = os.path.join(tmp, 'w.o')
    with open(src, 'w') as f:
        f.write('.text\n')
        for w in words:
            f.write(f'.inst 0x{w:08x}\n')
    subprocess.run(['llvm-mc-19', '-triple=aarch64', '-filetype=obj',
                    src, '-o', obj], check=True)
    out = subprocess.run(['llvm-objdump-19', '-d', '--mattr=+v8.5a',
                          '--no-show-raw-insn', '--no-leading-addr', obj],
                         check=True, capture_output=True, text=True).stdout
    lines = out.split('<.text>:\n', 1)[1].splitlines()
    texts = [normalise(ln) for ln in lines if ln.strip()]
    if len(texts) != len(words):
        sys.exit(f'a64-check: llvm-objdump gave {len(texts)} lines for '
                 f'{len(words)} words')
    return texts


def normalise(text):
    if text.strip() == '<unknown>':
        return '<unknown>'
    text = re.sub(r'\s*//.*$', '', text)
    text = re.sub(r'\s*<[^<>]*>$', '', text)
    return ' '.join(text.replace('\t', ' ').split())


def hemu_disas(tool, words):
    inp = ''.join(f'{4 * i:x} {w:08x}\n' for i, w in enumerate(words))
    out = subprocess.run([tool], input=inp, check=True,
                         capture_output=True, text=True).stdout
    res = []
    for ln in out.splitlines():
        name, _, text = ln.partition('\t')
        res.append((name, normalise(text)))
    if len(res) != len(words):
        sys.exit(f'a64-check: tool gave {len(res)} lines for '
                 f'{len(words)} words')
    return res


def main(argv):
    if len(argv) < 3:
        sys.exit('usage: a64-check.py TOOL FILE.isa...')
    if not shutil.which('llvm-mc-19') or not shutil.which('llvm-objdump-19'):
        print('SKIP: llvm-mc-19/llvm-objdump-19 not installed')
        return 77
    tool, paths = argv[1], argv[2:]
    pats = load_patterns(paths)
    rng = random.Random(SEED)
    words, owner = [], []
    for pat in pats:
        for _ in range(SAMPLES):
            words.append(sample(pat, rng))
            owner.append(pat)
    with tempfile.TemporaryDirectory() as tmp:
        ref = llvm_disas(words, tmp)
    got = hemu_disas(tool, words)

    failures = 0
    own = {}
    for w, pat, want, (name, text) in zip(words, owner, ref, got):
        where = f'{pat.name} ({pat.loc.short()}) word 0x{w:08x}'
        if want == '<unknown>':
            if name != '-':
                print(f'FAIL {where}: LLVM rejects it, hemu decodes '
                      f'{name}: {text}')
                failures += 1
            continue
        if name == '-':
            print(f'FAIL {where}: does not decode; LLVM: {want}')
            failures += 1
        elif text != want:
            print(f'FAIL {where}: hemu {name}: "{text}" LLVM: "{want}"')
            failures += 1
        elif name == pat.name:
            own[id(pat)] = True
    for pat in pats:
        if id(pat) not in own:
            print(f'FAIL {pat.name} ({pat.loc.short()}): never decoded as '
                  f'itself with LLVM agreeing')
            failures += 1
    names = {p.name for p in pats}
    print(f'a64-check: {len(names)} patterns, {len(pats)} lines, '
          f'{len(words)} words, {failures} failures')
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
