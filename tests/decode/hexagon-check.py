#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Decoder check for the Hexagon tables (target/hexagon/hex-*.isa).

For every pattern of every table, make sample instruction words from the
table itself (fixed bits as written, free bits random with a seed taken
from the pattern name, parse bits 11), plus a packet with a constant
extender in front when the pattern has an extendable field, and for the
duplex sub-instruction tables whole duplex words with the pattern in the
high and in the low half.  A packet whose sample reads a .new predicate
gets a `pN = cmp.eq(r0,r0)` producer in front (llvm rejects it otherwise),
a new-value consumer (Nt.new) gets `rX = #0` producers at its distance,
patterns marked `?hex_extended` are sampled with an extender only,
and duplex partners are chosen to write other registers.  Assemble the
words with llvm-mc-19, disassemble them with llvm-objdump-19, run
hexagon-disas-tool on the same packets and require for each word that
hemu's decoder named the pattern the sample was made for and that both
disassemblers print the same text (whitespace normalised).  Also fail when
patterns of two different 32-bit tables overlap.  Exit 77 (skip) without
llvm-mc-19/llvm-objdump-19.

Usage: hexagon-check.py --tool PATH [--seed N] [--samples N] ISA...
"""
import argparse
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import zlib

LLVM_MC = 'llvm-mc-19'
LLVM_OBJDUMP = 'llvm-objdump-19'

# Duplex iclass (bits 31:29 . 13) -> (low group, high group), PRM "Duplexes".
DUPLEX = ['L1 L1', 'L2 L1', 'L2 L2', 'A A', 'L1 A', 'L2 A', 'S1 A', 'S2 A',
          'S1 L1', 'S1 L2', 'S1 S1', 'S2 S1', 'S2 L1', 'S2 L2', 'S2 S2']
SUB_TABLE = {'L1': 'hex_sub_l1', 'L2': 'hex_sub_l2', 'S1': 'hex_sub_s1',
             'S2': 'hex_sub_s2', 'A': 'hex_sub_a'}


class Pattern:
    def __init__(self, name, table, bits, fields, where, cond):
        self.name, self.table, self.where = name, table, where
        self.cond = cond          # bit ranges of the `pc` condition, or None
        self.clash = None         # (rd ranges, rx ranges): must differ
        self.pred = None          # ?(expr) over members, as a function
        self.width = len(bits)
        self.mask = self.value = 0
        for i, c in enumerate(reversed(bits)):
            if c in '01':
                self.mask |= 1 << i
                self.value |= int(c) << i
        self.fields = fields      # names of the fields it binds

    def matches(self, word):
        return word & self.mask == self.value


def words_of(line):
    """Split an .isa line into words, dropping the comment; a quoted
    template or a ?(...) predicate stays one word."""
    out = []
    token = r'"(?:[^"\\]|\\.)*"|\?\((?:[^()]|\([^()]*\))*\)|\S+'
    for m in re.finditer(token, line):
        w = m.group(0)
        if w.startswith('#'):
            break
        out.append(w)
    return out


def parse_isa(paths):
    extendable, formats, tables, order = set(), {}, {}, []
    ranges, fdefs = {}, {}
    table = None
    for path in paths:
        text = open(path).read().replace('\\\n', ' ')
        for lineno, line in enumerate(text.split('\n'), 1):
            w = words_of(line)
            if not w or w[0] in ('overlap', 'end', 'args'):
                continue
            where = '%s:%d' % (os.path.basename(path), lineno)
            if w[0] == 'field':
                if 'extend' in w:
                    extendable.add(w[1])
                ranges[w[1]] = [tuple(map(int, r.split(':')))
                                for r in w[2:] if re.match(r'\d+:\d+$', r)]
                shift = w.index('<<') if '<<' in w else 0
                fdefs[w[1]] = (ranges[w[1]], 'signed' in w,
                               int(w[shift + 1]) if shift else 0)
            elif w[0] == 'format':
                formats[w[1]] = dict(b.split('=', 1) for b in w[3:]
                                     if '=' in b)
            elif w[0] == 'table':
                table = w[1]
                tables[table] = []
                order.append(table)
            else:
                bits = w[1].replace('_', '')
                binds, pred, ext_only = {}, None, False
                for b in w[2:]:
                    if b.startswith('"'):
                        continue
                    if b == '?hex_extended':
                        ext_only = True
                        continue
                    if b.startswith('?('):
                        pred = b[1:]
                        continue
                    if b.startswith('@'):
                        binds.update(formats[b[1:]])
                    elif '=' in b:
                        binds.update([b.split('=', 1)])
                cond = binds.get('pc')
                cond = ranges[cond] if cond and cond.startswith('pc_') \
                    else None
                pat = Pattern(w[0], table, bits, list(binds.values()), where,
                              cond)
                pat.binds = binds
                pat.ext_only = ext_only     # decoded only when extended
                if pred:
                    pat.pred = make_pred(pred, binds, fdefs)
                base = binds.get('rx', binds.get('re'))
                if 'rd' in binds and base:
                    pat.clash = (ranges.get(binds['rd']), ranges.get(base))
                tables[table].append(pat)
    return extendable, tables, order, ranges


def extract(ranges, word):
    v = 0
    for hi, lo in ranges:
        v = v << (hi - lo + 1) | (word >> lo) & ((1 << (hi - lo + 1)) - 1)
    return v


def clashes(pat, word):
    """A load that writes its own post-incremented (or absolute-set) base
    (llvm-objdump rejects the packet: one register written twice)."""
    if not pat.clash:
        return False
    rd, rx = (extract(r, word) for r in pat.clash)
    pair = pat.clash[0][0][1] == 1          # Rdd: field 4:1
    return rx >> 1 == rd if pair else rx == rd


def writes(pat, word):
    """What a duplex sub-instruction writes: registers (member rd: 4-bit
    sub-register or 3-bit pair), 'p0', 'pc' for branches, the frame
    registers; a .new reader counts as writing p0 (its producer does)."""
    out = set()
    rd = pat.binds.get('rd')
    if rd == 'sd':
        v = word & 15
        out.add(v if v < 8 else v + 8)
    elif rd == 'sdp':
        v = word & 7
        base = 2 * v if v < 4 else 16 + 2 * (v - 4)
        out |= {base, base + 1}
    if pat.name == 'SA1_CMPEQI' or pat.name.endswith('NEW'):
        out.add('p0')
    if 'RETURN' in pat.name or 'JUMPR31' in pat.name:
        out.add('pc')
    if 'FRAME' in pat.name or 'RETURN' in pat.name:
        out |= {29, 30, 31}
    return out


def producer(pat, word):
    """A `pN = cmp.eq(r0,r0)` word for a .new predicate, or None.

    The `pc` condition is sense . new . Pu; llvm-objdump rejects a .new
    predicate that no instruction of the packet writes."""
    if not pat.cond:
        return None
    v = extract(pat.cond, word)
    return 0xf2004000 | (v & 3) if v & 4 else None


# Fields holding a new-value operand: the producer's distance back in the
# packet, in instructions (bits [2:1] of the PRM's Nt/Ns field).
NV_FIELDS = ('Nt_dist', 'Ns_dist', 'Nt_rr')


def new_value(pat, word, room, rng, ranges):
    """For a new-value consumer: the word with its distance field set to a
    distance that fits in @room words, and the words to put in front of
    it (the producer `rX = #0`, then distance-1 fillers `rY = #0`, all
    writing registers the consumer does not write).  None otherwise."""
    field = [f for f in pat.fields if f in NV_FIELDS]
    if not field:
        return None
    (hi, lo), = ranges[field[0]]
    d = extract([(hi, lo)], word)
    d = max(1, min(d, room))
    word = word & ~(((1 << (hi - lo + 1)) - 1) << lo) | d << lo
    busy = {extract(ranges[pat.binds[m]], word) for m in ('rx', 're')
            if m in pat.binds and pat.binds[m] in ranges}
    regs = rng.sample([r for r in range(28) if r not in busy], d)
    return word, [0x78004000 | r for r in regs]


def make_pred(expr, binds, fdefs):
    """Evaluate an isagen ?(C expression) over the pattern's members."""
    py = expr.replace('||', ' or ').replace('&&', ' and ')
    py = re.sub(r'a->(\w+)', r'm["\1"]', py)

    def member(b, word):
        if b.startswith('#'):
            return int(b[1:], 0)
        if b in fdefs:
            rs, signed, shift = fdefs[b]
        else:
            rs, signed, shift = [tuple(map(int, b.split(':')))], False, 0
        v, n = extract(rs, word), sum(h - l + 1 for h, l in rs)
        if signed and v >> (n - 1):
            v -= 1 << n
        return v << shift

    return lambda word: eval(py, {}, {'m': {k: member(b, word)
                                            for k, b in binds.items()}})


def cross_table_overlaps(tables, order):
    """Pairs of patterns of different 32-bit tables that match a common
    word: disas.c tries the tables in turn, so they must not overlap."""
    main = [t for t in order if not t.startswith('hex_sub_')]
    out = []
    for i, a in enumerate(main):
        for b in main[i + 1:]:
            for p in tables[a]:
                for q in tables[b]:
                    if (p.value ^ q.value) & p.mask & q.mask == 0:
                        out.append('%s (%s) overlaps %s (%s)'
                                   % (p.name, p.where, q.name, q.where))
    return out


def first_match(pats, word):
    for p in pats:
        if p.matches(word) and (not p.pred or p.pred(word)):
            return p
    return None


def sample(rng, pat, pats):
    """A word that pattern `pat` matches and no earlier pattern does."""
    free = ((1 << pat.width) - 1) & ~pat.mask
    if pat.width == 32:
        free &= ~0xc000
    for _ in range(500):
        w = pat.value | (rng.getrandbits(pat.width) & free)
        if first_match(pats, w) is pat and not clashes(pat, w):
            return w
    raise SystemExit('%s: %s: no sample that reaches it' %
                     (pat.where, pat.name))


def make_packets(extendable, tables, order, nsamples, seed, ranges):
    """Return [(words, [expected names per word])]."""
    main = [p for t in order if not t.startswith('hex_sub_')
            for p in tables[t]]
    packets = []
    for t in order:
        for pat in tables[t]:
            rng = random.Random(zlib.crc32(pat.name.encode()) ^ seed)
            if pat.width == 32:
                todo = [[] for _ in range(nsamples)]
                if pat.ext_only:
                    todo = []
                if pat.name != 'IMMEXT' and extendable & set(pat.fields):
                    for _ in range(nsamples if pat.ext_only else 1):
                        ext = rng.getrandbits(26)
                        todo.append([(ext >> 14) << 16 | (ext & 0x3fff) |
                                     0x4000])
                for pre in todo:
                    w = sample(rng, pat, main) | 0xc000
                    p = producer(pat, w)
                    nv = new_value(pat, w, 3 - bool(p) - len(pre), rng,
                                   ranges)
                    nvpre = []
                    if nv:
                        w, nvpre = nv
                    packets.append((([p] if p else []) + nvpre + pre + [w],
                                    ['CMPP_EQ'] * bool(p) +
                                    ['TFRSI'] * len(nvpre) +
                                    ['IMMEXT'] * len(pre) + [pat.name]))
                continue
            group = [g for g, n in SUB_TABLE.items() if n == t][0]
            for iclass, pair in enumerate(DUPLEX):
                low, high = pair.split()
                if group not in (low, high):
                    continue
                for _ in range(max(1, nsamples // 2)):
                    lo_tab = tables[SUB_TABLE[low]]
                    hi_tab = tables[SUB_TABLE[high]]
                    lo = pat if group == low else rng.choice(lo_tab)
                    hi = pat if group == high and lo is not pat \
                        else rng.choice(hi_tab)
                    lw, hw = sample(rng, lo, lo_tab), sample(rng, hi, hi_tab)
                    while writes(lo, lw) & writes(hi, hw):
                        # llvm rejects two writes of one register
                        if lo is pat:
                            hi = rng.choice(hi_tab)
                            hw = sample(rng, hi, hi_tab)
                        else:
                            lo = rng.choice(lo_tab)
                            lw = sample(rng, lo, lo_tab)
                    word = (iclass >> 1) << 29 | (iclass & 1) << 13 | \
                        hw << 16 | lw
                    pre, pnames = [], []
                    if lo.name.endswith('NEW') or hi.name.endswith('NEW'):
                        # p0 = cmp.eq(r0,r0) makes p0.new legal
                        pre, pnames = [0xf2004000], ['CMPP_EQ']
                    dname = hi.name + '+' + lo.name
                    packets.append((pre + [word], pnames + [dname]))
                    if hi is pat and extendable & set(pat.fields):
                        # an extender applies to the high (slot 1) half
                        ext = rng.getrandbits(26)
                        immext = (ext >> 14) << 16 | (ext & 0x3fff) | 0x4000
                        packets.append((pre + [immext, word],
                                        pnames + ['IMMEXT', dname]))
    return packets + layout_packets(tables)


def layout_packets(tables):
    """Packets of nops with every end-of-loop marking (parse bits: 10 in
    word 0 ends loop 0, 10 in word 1 ends loop 1, 01 otherwise), and a
    duplex closing a packet."""
    nop = [p for t in tables.values() for p in t if p.name == 'NOP'][0].value
    seti = 0x28102821       # r0 = #0x1; r1 = #0x2 (duplex iclass 3)
    out = []
    for parses in ([2, 3], [1, 2, 3], [2, 2, 3], [2, 1, 1, 3], [1, 1, 3]):
        out.append(([nop | p << 14 for p in parses], ['NOP'] * len(parses)))
    out.append(([nop | 2 << 14, seti], ['NOP', 'SA1_SETI+SA1_SETI']))
    return out


def norm(s):
    return ' '.join(s.split())


def llvm_text(packets, tmp):
    src = os.path.join(tmp, 'samples.s')
    obj = os.path.join(tmp, 'samples.o')
    with open(src, 'w') as f:
        f.write('.text\n')
        for words, _ in packets:
            for w in words:
                f.write('.word 0x%08x\n' % w)
    subprocess.run([LLVM_MC, '-triple=hexagon', '-mcpu=hexagonv68',
                    '-filetype=obj', src, '-o', obj], check=True)
    # --mcpu: without it llvm-objdump-19 does not decode system insns
    out = subprocess.run([LLVM_OBJDUMP, '-d', '--mcpu=hexagonv68', obj],
                         check=True, capture_output=True, text=True).stdout
    lines = {}
    for m in re.finditer(r'^\s*([0-9a-f]+):\t(?:[0-9a-f]{2} ){3}[0-9a-f]{2}'
                         r'\t[0-9a-f]{8} ?(.*)$', out, re.M):
        lines[int(m.group(1), 16)] = m.group(2)
    return lines


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--tool', required=True)
    ap.add_argument('--seed', type=int, default=0)
    ap.add_argument('--samples', type=int, default=4)
    ap.add_argument('isa', nargs='+')
    args = ap.parse_args()
    if not shutil.which(LLVM_MC) or not shutil.which(LLVM_OBJDUMP):
        print('SKIP: %s or %s not found' % (LLVM_MC, LLVM_OBJDUMP))
        return 77

    extendable, tables, order, ranges = parse_isa(args.isa)
    overlaps = cross_table_overlaps(tables, order)
    for o in overlaps:
        print('FAIL %s' % o)
    packets = make_packets(extendable, tables, order, args.samples,
                           args.seed, ranges)
    with tempfile.TemporaryDirectory() as tmp:
        ref = llvm_text(packets, tmp)
    feed, addr = [], 0
    for words, _ in packets:
        feed.append('%x %s' % (addr, ' '.join('%08x' % w for w in words)))
        addr += 4 * len(words)
    res = subprocess.run([args.tool], input='\n'.join(feed) + '\n',
                         capture_output=True, text=True)
    got = res.stdout.split('\n')
    if res.returncode != 0:
        print(res.stdout + res.stderr)
        return 1

    failed, addr, k = {}, 0, 0
    for words, names in packets:
        for w, name in zip(words, names):
            hname, _, htext = got[k].partition('\t')
            k += 1
            want = ref.get(addr, '<missing>')
            if hname != name or norm(htext) != norm(want):
                for key in name.split('+'):
                    failed.setdefault(key, []).append(
                        '  0x%08x: want %s | %s\n              got  %s | %s'
                        % (w, name, norm(want), hname, norm(htext)))
            addr += 4
    for key in sorted(failed):
        print('FAIL %s\n%s' % (key, '\n'.join(failed[key][:3])))
    npat = sum(len(tables[t]) for t in order)
    names = {p.name for t in order for p in tables[t]}
    ok = len(names - set(failed))
    print('%d patterns, %d packets' % (npat, len(packets)))
    print('%d passed, %d failed' % (ok, len(names) - ok))
    return 1 if failed or overlaps else 0


if __name__ == '__main__':
    sys.exit(main())
