#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""FP/SIMD differential test: hemu against QEMU user mode (README.md here).

  run.py --hemu HEMU --qemu QEMU_AARCH64 --clang CLANG --lld LLD
         --libdir tests/tcg/aarch64/lib --workdir DIR
         [--cflag FLAG]... [--seed N] [--blocks 500] [--insns 200]
         [--cpu cortex-a57]

Generates the instruction blocks (gen.py) for the seed, builds
driver.c + the generated assembly twice (a static Linux-ABI executable
for qemu-aarch64, a bare-metal EL0 program for `hemu -M virt` on the
tcg guest library), runs both and compares their dumps of V0-V31, FPSR
and NZCV after every block.  On a mismatch it prints the first differing
block: FPCR, initial NZCV, the seed and both results of every differing
register, and the block's instruction listing with byte offsets.

The seed is fixed (--seed, default 1) and printed; the environment
variable FPDIFF_SEED=N replaces it, FPDIFF_SEED=random picks one.
Exit 0 when the dumps match, 1 on a mismatch or a failed run, 77 (skip)
when QEMU or the cross tools are missing.
"""

import argparse
import os
import random
import re
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen  # noqa: E402

SKIP = 77
TIMEOUT = 120
HERE = os.path.dirname(os.path.abspath(__file__))
LINE = re.compile(r'^b(\d+) (v\d+|fpsr) ')
DEFAULT_CFLAGS = ['--target=aarch64-none-elf', '-march=armv8-a',
                  '-ffreestanding', '-fno-builtin', '-nostdlib', '-O1',
                  '-mstrict-align', '-mno-outline-atomics']


def sh(cmd):
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    if p.returncode != 0:
        print('fpdiff: command failed: %s\n%s' % (' '.join(cmd),
              p.stdout.decode('utf-8', 'replace')))
        raise SystemExit(1)


def run(cmd):
    try:
        p = subprocess.run(cmd, stdin=subprocess.DEVNULL,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           timeout=TIMEOUT)
        return p.returncode, p.stdout.decode('utf-8', 'replace')
    except subprocess.TimeoutExpired:
        return None, 'timeout after %d s' % TIMEOUT


def dump_lines(text):
    """{(block, what): line} of the dump lines, in order."""
    out = {}
    for ln in text.splitlines():
        m = LINE.match(ln)
        if m:
            out[(int(m.group(1)), m.group(2))] = ln
    return out


def build(args, asm):
    os.makedirs(args.workdir, exist_ok=True)
    s = os.path.join(args.workdir, 'fpdiff-gen.S')
    with open(s, 'w') as f:
        f.write(asm)
    drv = os.path.join(HERE, 'driver.c')
    linux = os.path.join(args.workdir, 'fpdiff-linux.elf')
    bare = os.path.join(args.workdir, 'fpdiff.elf')
    gen_o = os.path.join(args.workdir, 'fpdiff-gen.o')
    sh([args.clang, '--target=aarch64-linux-gnu', '-c', s, '-o', gen_o])
    sh([args.clang, '--target=aarch64-linux-gnu', '-march=armv8-a', '-O1',
        '-ffreestanding', '-fno-builtin', '-nostdlib', '-static',
        '-fno-pic', '--ld-path=' + args.lld, '-DFPDIFF_LINUX',
        drv, os.path.join(HERE, 'start-linux.S'), gen_o, '-o', linux])
    common = os.path.join(args.libdir, '..', '..', 'lib')
    cflags = (args.cflag or DEFAULT_CFLAGS) + ['-I' + args.libdir,
                                               '-I' + common]
    sh([args.clang] + cflags + ['--ld-path=' + args.lld,
        '-Wl,-T,' + os.path.join(args.libdir, 'link.ld'), drv,
        os.path.join(args.libdir, 'crt0.S'),
        os.path.join(args.libdir, 'testlib.c'),
        # the formatter every guest program shares (tests/tcg/lib)
        os.path.join(common, 'tl-format.c'),
        gen_o, '-o', bare])
    return linux, bare


def report(info, b, hemu, qemu, hout):
    blk = info[b]
    print('fpdiff: first difference in block %d (FPCR 0x%08x, initial NZCV '
          '0x%x)' % (b, blk['fpcr'], blk['nzcv']))
    keys = ['v%d' % i for i in range(32)] + ['fpsr']
    for k in keys:
        h, q = hemu.get((b, k)), qemu.get((b, k))
        if h != q:
            seed = ''
            if k != 'fpsr':
                seed = ' (seed %032x)' % blk['seeds'][int(k[1:])]
            print('  %s%s\n    hemu: %s\n    qemu: %s' % (k, seed, h, q))
    print('  instructions (byte offset in fpdiff_run):')
    for off, text in blk['insns']:
        print('    %6x  %s' % (off, text))


def run_both(args, asm):
    """Build and run @asm on both; (hemu dump, qemu dump) or None."""
    linux, bare = build(args, asm)
    qcode, qout = run([args.qemu, '-cpu', args.cpu, linux])
    hcode, hout = run([args.hemu, '-M', 'virt', '-cpu', args.cpu,
                       '-semihosting', '-nographic', '-kernel', bare,
                       '-run-timeout', str(TIMEOUT)])
    if qcode != 0 or hcode != 0:
        return None
    return dump_lines(hout), dump_lines(qout)


def narrow(args, blk):
    """Find the first instruction after which the block's state differs:
    one extra run whose block k is the failing block cut after k
    instructions (same FPCR, NZCV and seeds)."""
    body = [text for _, text in blk['insns']]
    specs = [{'fpcr': blk['fpcr'], 'nzcv': blk['nzcv'],
              'seeds': blk['seeds'], 'insns': body[:k + 1]}
             for k in range(len(body))]
    asm, _ = gen.assemble(specs)
    res = run_both(args, asm)
    if res is None:
        print('fpdiff: (narrowing run failed)')
        return
    hemu, qemu = res
    for k in range(len(body)):
        diff = [key[1] for key in qemu
                if key[0] == k and hemu.get(key) != qemu[key]]
        if diff:
            print('fpdiff: first differing instruction: %s (differs: %s)'
                  % (body[k], ' '.join(diff)))
            for key in [(k - 1, w) for w in diff] + [(k, w) for w in diff]:
                if key[0] >= 0:
                    print('    %s  before/after   hemu %s' % (
                        'before' if key[0] < k else 'after ', hemu.get(key)))
                    print('    %s                 qemu %s' % (
                        'before' if key[0] < k else 'after ', qemu.get(key)))
            return
    print('fpdiff: (no prefix of the block differs on its own)')


def undef_report(info, hout):
    """Map hemu's 'undef at' / 'unexpected exception' addresses to
    instructions of the listing."""
    m = re.search(r'fpdiff_run at 0x([0-9a-f]+)', hout)
    if not m:
        return
    base = int(m.group(1), 16)
    where = {}
    for b, blk in enumerate(info):
        for o, text in blk['insns']:
            where[o] = (b, text)
    seen = set()
    for e in re.finditer(r'(?:undef at |ELR=)0x([0-9a-f]+)', hout):
        b, text = where.get(int(e.group(1), 16) - base, (None, '?'))
        form = re.sub(r'\d+', 'N', text)
        if form not in seen:
            seen.add(form)
            print('fpdiff: hemu UNDEFINED (first in block %s): %s'
                  % (b, text))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--hemu', required=True)
    ap.add_argument('--qemu', default='')
    ap.add_argument('--clang', default='')
    ap.add_argument('--lld', default='')
    ap.add_argument('--libdir', required=True)
    ap.add_argument('--workdir', required=True)
    ap.add_argument('--cflag', action='append', default=[],
                    help='a flag of the bare-metal build (repeat; default: '
                    'the flags of tests/tcg/aarch64 minus '
                    '-mgeneral-regs-only)')
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--blocks', type=int, default=500)
    ap.add_argument('--insns', type=int, default=200)
    ap.add_argument('--cpu', default='cortex-a57')
    args = ap.parse_args()

    if not args.qemu or not os.access(args.qemu, os.X_OK):
        print('fpdiff: qemu-aarch64 not found: skipped')
        return SKIP
    if not (args.clang and shutil.which(args.clang) and args.lld
            and shutil.which(args.lld)):
        print('fpdiff: clang-19/ld.lld-19 not found: skipped')
        return SKIP
    env = os.environ.get('FPDIFF_SEED', '')
    seed = args.seed
    if env == 'random':
        seed = random.SystemRandom().randrange(1 << 32)
    elif env:
        seed = int(env, 0)
    print('fpdiff: seed %d, %d blocks x %d instructions (FPDIFF_SEED=%d '
          'repeats this run)' % (seed, args.blocks, args.insns, seed),
          flush=True)

    asm, info = gen.generate(seed, args.blocks, args.insns)
    linux, bare = build(args, asm)
    qcode, qout = run([args.qemu, '-cpu', args.cpu, linux])
    hcode, hout = run([args.hemu, '-M', 'virt', '-cpu', args.cpu,
                       '-semihosting', '-nographic', '-kernel', bare,
                       '-run-timeout', str(TIMEOUT)])
    qemu, hemu = dump_lines(qout), dump_lines(hout)
    if qcode != 0 or 'end' not in qout.splitlines():
        print('fpdiff: QEMU run failed (exit %s):\n%s' % (qcode, qout[-2000:]))
        return 1
    if hcode != 0 or 'end' not in hout.splitlines():
        print('fpdiff: hemu run failed (exit %s):\n%s' % (hcode,
              hout[-2000:]))
        undef_report(info, hout)
        return 1
    if re.search(r'^undef at', hout, re.M):
        undef_report(info, hout)
        return 1
    bad = sorted({b for (b, k) in qemu if hemu.get((b, k)) != qemu[(b, k)]})
    if len(hemu) != len(qemu):
        print('fpdiff: hemu printed %d dump lines, QEMU %d'
              % (len(hemu), len(qemu)))
        return 1
    if not bad:
        print('fpdiff: PASS (%d blocks, %d instructions, same V0-V31, FPSR '
              'and NZCV)' % (args.blocks,
                             sum(len(b['insns']) for b in info)))
        return 0
    report(info, bad[0], hemu, qemu, hout)
    narrow(args, info[bad[0]])
    print('fpdiff: FAIL: %d of %d blocks differ: %s%s'
          % (len(bad), args.blocks, ' '.join(map(str, bad[:30])),
             ' ...' if len(bad) > 30 else ''))
    return 1


if __name__ == '__main__':
    raise SystemExit(main())
