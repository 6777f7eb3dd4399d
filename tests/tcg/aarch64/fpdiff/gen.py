#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Random A64 FP/Advanced SIMD instruction sequences for the hemu-vs-QEMU
differential test (tests/tcg/aarch64/fpdiff/README.md).

  gen.py --seed N [--blocks 500] [--insns 200] -o fpdiff-gen.S

Emits one assembly file defining

  void fpdiff_run(uint8_t *dump);     (AAPCS64: saves d8-d15 itself)
  const uint32_t fpdiff_nblocks;
  uint8_t fpdiff_dump[nblocks * 528]; (16-byte aligned, in .bss)

Each block: FPCR = random RMode/FZ/DN/AHP, NZCV = random, V0-V31 loaded
from a seed table (NaNs with payloads, signed zeros, denormals,
infinities, boundary integers, random bits), about --insns data
processing instructions, then V0-V31 (32 x 16 bytes, little-endian
lanes), FPSR and NZCV (8 bytes each) stored to the dump and FPSR cleared.

Only ARMv8.0-A instructions of the cortex-a57 model (FP, AdvSIMD, AES,
SHA1, SHA256, PMULL; no FP16 arithmetic, so FPCR.AHP may be set) that
both hemu (target/arm/a64-*.isa and their translators) and QEMU implement.
No loads or stores in the random part, and every instruction is one
real instruction (no assembler macros), so the byte offset of each one
is known: listing() returns them for the runner's reports.
The same seed always gives the same file (Python's random.Random).
"""

import argparse
import random
import struct

DUMP_BYTES = 32 * 16 + 16     # V0-V31, FPSR, NZCV per block

ALL = ['8b', '16b', '4h', '8h', '2s', '4s']          # no 2d
ALLD = ALL + ['2d']
BH_S = ['8b', '16b', '4h', '8h', '2s', '4s']
HS = ['4h', '8h', '2s', '4s']
BYTES = ['8b', '16b']
FPV = ['2s', '4s', '2d']
ESIZE = {'b': 8, 'h': 16, 's': 32, 'd': 64}
# narrow arrangement -> wide arrangement (for long/narrow forms)
WIDEN = {'8b': '8h', '16b': '8h', '4h': '4s', '8h': '4s', '2s': '2d',
         '4s': '2d'}
CONDS = ['eq', 'ne', 'cs', 'cc', 'mi', 'pl', 'vs', 'vc', 'hi', 'ls', 'ge',
         'lt', 'gt', 'le', 'al']


def lane(arr):
    return arr.lstrip('0123456789')


def is_q(arr):
    return arr in ('16b', '8h', '4s', '2d')


# ---- seed values ------------------------------------------------------

def f_special(r, ebits, mbits):
    """One interesting value of an IEEE format as an integer bit pattern."""
    bias = (1 << (ebits - 1)) - 1
    emax = (1 << ebits) - 1
    sign = r.getrandbits(1) << (ebits + mbits)
    mmask = (1 << mbits) - 1
    quiet = 1 << (mbits - 1)
    k = r.randrange(14)
    if k == 0:
        v = 0                                           # zero
    elif k == 1:
        v = emax << mbits                               # infinity
    elif k == 2:
        v = (emax << mbits) | quiet | r.getrandbits(mbits - 1)   # qNaN
    elif k == 3:
        v = (emax << mbits) | (r.getrandbits(mbits - 1) or 1)   # sNaN
    elif k == 4:
        v = r.getrandbits(mbits) or 1                   # denormal
    elif k == 5:
        v = 1 << mbits                                  # min normal
    elif k == 6:
        v = ((emax - 1) << mbits) | mmask               # max finite
    elif k == 7:
        v = bias << mbits                               # 1.0
    elif k == 8:                                        # n + 0.5 ties
        n = r.randrange(1, 64)
        x = n + 0.5
        v = to_bits(x, ebits, mbits)
    elif k == 9:                                        # int boundaries
        p = r.choice([7, 8, 15, 16, 31, 32, 63, 64])
        e = bias + p
        if e >= emax:
            e = emax - 1
        v = (e << mbits) | r.choice([0, 0, mmask, 1])
    elif k == 10:                                       # tiny normal
        v = (r.randrange(1, 4) << mbits) | r.getrandbits(mbits)
    elif k == 11:                                       # huge normal
        v = ((emax - 1 - r.randrange(3)) << mbits) | r.getrandbits(mbits)
    else:                                               # ordinary
        e = bias + r.randrange(-12, 24)
        v = (e << mbits) | r.getrandbits(mbits)
    return sign | v


def to_bits(x, ebits, mbits):
    if ebits == 11:
        return struct.unpack('<Q', struct.pack('<d', x))[0]
    if ebits == 8:
        return struct.unpack('<I', struct.pack('<f', x))[0]
    return struct.unpack('<H', struct.pack('<e', x))[0]


def i_special(r, bits):
    m = (1 << bits) - 1
    return r.choice([0, 1, m, 1 << (bits - 1), (1 << (bits - 1)) - 1,
                     (1 << (bits - 1)) + 1, m - 1, r.randrange(256),
                     (-r.randrange(1, 256)) & m, r.getrandbits(bits),
                     r.getrandbits(bits), 2])


FMT = {16: (5, 10), 32: (8, 23), 64: (11, 52)}


def seed_reg(r):
    """128 bits for one V register: lanes of one random kind."""
    kind = r.choice(['f16', 'f32', 'f32', 'f64', 'f64', 'i8', 'i16', 'i32',
                     'i64', 'bits'])
    if kind == 'bits':
        return r.getrandbits(128)
    bits = int(kind[1:])
    v = 0
    for i in range(128 // bits):
        if kind[0] == 'f':
            x = (f_special(r, *FMT[bits]) if r.random() < 0.6
                 else r.getrandbits(bits))
        else:
            x = i_special(r, bits)
        v |= x << (i * bits)
    return v


# ---- instruction templates --------------------------------------------

class Gen:
    def __init__(self, r):
        self.r = r

    def v(self, lo=0, hi=31):
        return self.r.randrange(lo, hi + 1)

    def fp_imm(self):
        n = self.r.randrange(16, 32)
        e = self.r.randrange(-3, 5)
        x = n / 16.0 * 2.0 ** e
        return ('-' if self.r.random() < 0.3 else '') + repr(x)

    # -- scalar floating point
    def scalar_fp(self):
        r = self.r
        t = r.choice('sd')
        d, n, m, a = self.v(), self.v(), self.v(), self.v()
        k = r.randrange(12)
        if k <= 2:
            op = r.choice(['fadd', 'fsub', 'fmul', 'fdiv', 'fnmul', 'fmax',
                           'fmin', 'fmaxnm', 'fminnm', 'fabd', 'fmulx',
                           'frecps', 'frsqrts'])
            return ['%s %s%d, %s%d, %s%d' % (op, t, d, t, n, t, m)]
        if k == 3:
            op = r.choice(['fmadd', 'fmsub', 'fnmadd', 'fnmsub'])
            return ['%s %s%d, %s%d, %s%d, %s%d' % (op, t, d, t, n, t, m,
                                                    t, a)]
        if k == 4:
            op = r.choice(['fabs', 'fneg', 'fsqrt', 'fmov', 'frintn',
                           'frintp', 'frintm', 'frintz', 'frinta', 'frintx',
                           'frinti', 'frecpe', 'frsqrte', 'frecpx'])
            return ['%s %s%d, %s%d' % (op, t, d, t, n)]
        if k == 5:
            src, dst = r.choice([('s', 'd'), ('d', 's'), ('s', 'h'),
                                 ('d', 'h'), ('h', 's'), ('h', 'd')])
            return ['fcvt %s%d, %s%d' % (dst, d, src, n)]
        if k == 6:
            op = r.choice(['fcmp', 'fcmpe'])
            if r.random() < 0.25:
                return ['%s %s%d, #0.0' % (op, t, n)]
            return ['%s %s%d, %s%d' % (op, t, n, t, m)]
        if k == 7:
            op = r.choice(['fccmp', 'fccmpe'])
            return ['%s %s%d, %s%d, #%d, %s' % (op, t, n, t, m,
                                               r.randrange(16),
                                               r.choice(CONDS))]
        if k == 8:
            return ['fcsel %s%d, %s%d, %s%d, %s' % (t, d, t, n, t, m,
                                                   r.choice(CONDS))]
        if k == 9:                          # FP -> integer, back to V
            op = r.choice(['fcvtns', 'fcvtnu', 'fcvtps', 'fcvtpu', 'fcvtms',
                           'fcvtmu', 'fcvtzs', 'fcvtzu', 'fcvtas',
                           'fcvtau'])
            g = r.choice('wx')
            bits = 32 if g == 'w' else 64
            fb = ''
            if op in ('fcvtzs', 'fcvtzu') and r.random() < 0.4:
                fb = ', #%d' % r.randrange(1, bits + 1)
            back = 's' if g == 'w' else 'd'
            return ['%s %s9, %s%d%s' % (op, g, t, n, fb),
                    'fmov %s%d, %s9' % (back, d, g)]
        if k == 10:                         # integer -> FP
            op = r.choice(['scvtf', 'ucvtf'])
            g = r.choice('wx')
            bits = 32 if g == 'w' else 64
            src = 's' if g == 'w' else 'd'
            fb = ''
            if r.random() < 0.4:
                fb = ', #%d' % r.randrange(1, bits + 1)
            return ['fmov %s9, %s%d' % (g, src, n),
                    '%s %s%d, %s9%s' % (op, t, d, g, fb)]
        if r.random() < 0.4:                # FMOV X <-> V.D[1]
            return ['fmov x9, v%d.d[1]' % n, 'fmov v%d.d[1], x9' % d]
        return ['fmov %s%d, #%s' % (t, d, self.fp_imm())]

    # -- integer three same
    def int3(self):
        r = self.r
        k = r.randrange(6)
        if k == 0:
            op = r.choice(['add', 'sub', 'cmeq', 'cmge', 'cmgt', 'cmhi',
                           'cmhs', 'cmtst', 'sshl', 'ushl', 'srshl',
                           'urshl', 'sqadd', 'uqadd', 'sqsub', 'uqsub',
                           'sqshl', 'uqshl', 'sqrshl', 'uqrshl', 'addp'])
            a = r.choice(ALLD)
        elif k <= 2:
            op = r.choice(['mul', 'mla', 'mls', 'shadd', 'uhadd', 'srhadd',
                           'urhadd', 'shsub', 'uhsub', 'smax', 'umax',
                           'smin', 'umin', 'smaxp', 'sminp', 'umaxp',
                           'uminp', 'sabd', 'uabd', 'saba', 'uaba'])
            a = r.choice(ALL)
        elif k == 3:
            op = r.choice(['sqdmulh', 'sqrdmulh'])
            a = r.choice(HS)
        elif k == 4:
            op = r.choice(['and', 'orr', 'eor', 'bic', 'orn', 'bsl', 'bit',
                           'bif', 'pmul'])
            a = r.choice(BYTES)
        else:                               # scalar forms
            op = r.choice(['add', 'sub', 'cmeq', 'cmge', 'cmgt', 'cmhi',
                           'cmhs', 'cmtst', 'sshl', 'ushl', 'srshl',
                           'urshl'])
            t = 'd'
            if r.random() < 0.5:
                op = r.choice(['sqadd', 'uqadd', 'sqsub', 'uqsub', 'sqshl',
                               'uqshl', 'sqrshl', 'uqrshl'])
                t = r.choice('bhsd')
            elif r.random() < 0.3:
                op = r.choice(['sqdmulh', 'sqrdmulh'])
                t = r.choice('hs')
            return ['%s %s%d, %s%d, %s%d' % (op, t, self.v(), t, self.v(),
                                             t, self.v())]
        return ['%s v%d.%s, v%d.%s, v%d.%s' % (op, self.v(), a, self.v(), a,
                                               self.v(), a)]

    # -- integer two-register misc
    def int2(self):
        r = self.r
        d, n = self.v(), self.v()
        k = r.randrange(9)
        if k == 0:
            op = r.choice(['abs', 'neg', 'sqabs', 'sqneg', 'suqadd',
                           'usqadd'])
            a = r.choice(ALLD)
        elif k == 1:
            op = r.choice(['cmeq', 'cmge', 'cmgt', 'cmle', 'cmlt'])
            a = r.choice(ALLD)
            return ['%s v%d.%s, v%d.%s, #0' % (op, d, a, n, a)]
        elif k == 2:
            op, a = r.choice([('cls', r.choice(ALL)), ('clz', r.choice(ALL)),
                              ('cnt', r.choice(BYTES)),
                              ('not', r.choice(BYTES)),
                              ('rbit', r.choice(BYTES)),
                              ('rev16', r.choice(BYTES)),
                              ('rev32', r.choice(['8b', '16b', '4h', '8h'])),
                              ('rev64', r.choice(ALL)),
                              ('urecpe', r.choice(['2s', '4s'])),
                              ('ursqrte', r.choice(['2s', '4s']))])
        elif k == 3:
            op = r.choice(['saddlp', 'uaddlp', 'sadalp', 'uadalp'])
            a = r.choice(ALL)
            w = {'8b': '4h', '16b': '8h', '4h': '2s', '8h': '4s',
                 '2s': '1d', '4s': '2d'}[a]
            return ['%s v%d.%s, v%d.%s' % (op, d, w, n, a)]
        elif k == 4:
            op = r.choice(['xtn', 'sqxtn', 'uqxtn', 'sqxtun'])
            na = r.choice(ALL)
            if is_q(na):
                op += '2'
            return ['%s v%d.%s, v%d.%s' % (op, d, na, n, WIDEN[na])]
        elif k == 5:
            na = r.choice(ALL)
            op = 'shll2' if is_q(na) else 'shll'
            return ['%s v%d.%s, v%d.%s, #%d' % (op, d, WIDEN[na], n, na,
                                                ESIZE[lane(na)])]
        elif k == 6:                        # scalar
            t = r.choice('bhsd')
            op = r.choice(['sqabs', 'sqneg', 'suqadd', 'usqadd'])
            if r.random() < 0.4:
                t = 'd'
                op = r.choice(['abs', 'neg'])
            return ['%s %s%d, %s%d' % (op, t, d, t, n)]
        elif k == 7:
            op = r.choice(['cmeq', 'cmge', 'cmgt', 'cmle', 'cmlt'])
            return ['%s d%d, d%d, #0' % (op, d, n)]
        else:
            op = r.choice(['sqxtn', 'uqxtn', 'sqxtun'])
            t, w = r.choice([('b', 'h'), ('h', 's'), ('s', 'd')])
            return ['%s %s%d, %s%d' % (op, t, d, w, n)]
        return ['%s v%d.%s, v%d.%s' % (op, d, a, n, a)]

    # -- FP vector
    def fp3(self):
        r = self.r
        a = r.choice(FPV)
        op = r.choice(['fadd', 'fsub', 'fmul', 'fdiv', 'fmax', 'fmin',
                       'fmaxnm', 'fminnm', 'fmla', 'fmls', 'fabd', 'faddp',
                       'fmaxp', 'fminp', 'fmaxnmp', 'fminnmp', 'fmulx',
                       'frecps', 'frsqrts', 'fcmeq', 'fcmge', 'fcmgt',
                       'facge', 'facgt'])
        if r.random() < 0.2:                # scalar three same
            t = r.choice('sd')
            op = r.choice(['fcmeq', 'fcmge', 'fcmgt', 'facge', 'facgt'])
            return ['%s %s%d, %s%d, %s%d' % (op, t, self.v(), t, self.v(),
                                             t, self.v())]
        return ['%s v%d.%s, v%d.%s, v%d.%s' % (op, self.v(), a, self.v(), a,
                                               self.v(), a)]

    def fp2(self):
        r = self.r
        a = r.choice(FPV)
        d, n = self.v(), self.v()
        k = r.randrange(6)
        if k <= 1:
            op = r.choice(['fabs', 'fneg', 'fsqrt', 'frintn', 'frinta',
                           'frintp', 'frintm', 'frintx', 'frintz', 'frinti',
                           'fcvtns', 'fcvtnu', 'fcvtms', 'fcvtmu', 'fcvtas',
                           'fcvtau', 'fcvtps', 'fcvtpu', 'fcvtzs', 'fcvtzu',
                           'scvtf', 'ucvtf', 'frecpe', 'frsqrte'])
            return ['%s v%d.%s, v%d.%s' % (op, d, a, n, a)]
        if k == 2:
            op = r.choice(['fcmeq', 'fcmge', 'fcmgt', 'fcmle', 'fcmlt'])
            return ['%s v%d.%s, v%d.%s, #0.0' % (op, d, a, n, a)]
        if k == 3:
            op, dst, src = r.choice([
                ('fcvtn', '4h', '4s'), ('fcvtn', '2s', '2d'),
                ('fcvtn2', '8h', '4s'), ('fcvtn2', '4s', '2d'),
                ('fcvtl', '4s', '4h'), ('fcvtl', '2d', '2s'),
                ('fcvtl2', '4s', '8h'), ('fcvtl2', '2d', '4s'),
                ('fcvtxn', '2s', '2d'), ('fcvtxn2', '4s', '2d')])
            return ['%s v%d.%s, v%d.%s' % (op, d, dst, n, src)]
        if k == 4:                          # scalar SIMD-encoded
            t = r.choice('sd')
            op = r.choice(['fcvtns', 'fcvtnu', 'fcvtms', 'fcvtmu', 'fcvtas',
                           'fcvtau', 'fcvtps', 'fcvtpu', 'fcvtzs', 'fcvtzu',
                           'scvtf', 'ucvtf', 'frecpe', 'frsqrte', 'frecpx'])
            if r.random() < 0.2:
                return ['fcvtxn s%d, d%d' % (d, n)]
            if r.random() < 0.2:
                op = r.choice(['fcmeq', 'fcmge', 'fcmgt', 'fcmle', 'fcmlt'])
                return ['%s %s%d, %s%d, #0.0' % (op, t, d, t, n)]
            return ['%s %s%d, %s%d' % (op, t, d, t, n)]
        # fixed point by immediate
        op = r.choice(['scvtf', 'ucvtf', 'fcvtzs', 'fcvtzu'])
        if r.random() < 0.3:
            t = r.choice('sd')
            return ['%s %s%d, %s%d, #%d' % (op, t, d, t, n,
                                            r.randrange(1, ESIZE[t] + 1))]
        return ['%s v%d.%s, v%d.%s, #%d' % (op, d, a, n, a,
                                            r.randrange(1, ESIZE[lane(a)]
                                                        + 1))]

    # -- three different
    def diff3(self):
        r = self.r
        d, n, m = self.v(), self.v(), self.v()
        k = r.randrange(5)
        if k == 0:
            op = r.choice(['saddl', 'uaddl', 'ssubl', 'usubl', 'sabdl',
                           'uabdl', 'sabal', 'uabal', 'smull', 'umull',
                           'smlal', 'umlal', 'smlsl', 'umlsl'])
            na = r.choice(ALL)
            op += '2' if is_q(na) else ''
            return ['%s v%d.%s, v%d.%s, v%d.%s' % (op, d, WIDEN[na], n, na,
                                                   m, na)]
        if k == 1:
            op = r.choice(['saddw', 'uaddw', 'ssubw', 'usubw'])
            na = r.choice(ALL)
            op += '2' if is_q(na) else ''
            return ['%s v%d.%s, v%d.%s, v%d.%s' % (op, d, WIDEN[na], n,
                                                   WIDEN[na], m, na)]
        if k == 2:
            op = r.choice(['addhn', 'raddhn', 'subhn', 'rsubhn'])
            na = r.choice(ALL)
            op += '2' if is_q(na) else ''
            return ['%s v%d.%s, v%d.%s, v%d.%s' % (op, d, na, n, WIDEN[na],
                                                   m, WIDEN[na])]
        if k == 3:
            op = r.choice(['sqdmull', 'sqdmlal', 'sqdmlsl'])
            if r.random() < 0.3:
                t, w = r.choice([('h', 's'), ('s', 'd')])
                return ['%s %s%d, %s%d, %s%d' % (op, w, d, t, n, t, m)]
            na = r.choice(HS)
            op += '2' if is_q(na) else ''
            return ['%s v%d.%s, v%d.%s, v%d.%s' % (op, d, WIDEN[na], n, na,
                                                   m, na)]
        if r.random() < 0.5:
            na = r.choice(BYTES)
            op = 'pmull2' if is_q(na) else 'pmull'
            return ['%s v%d.8h, v%d.%s, v%d.%s' % (op, d, n, na, m, na)]
        if r.random() < 0.5:
            return ['pmull v%d.1q, v%d.1d, v%d.1d' % (d, n, m)]
        return ['pmull2 v%d.1q, v%d.2d, v%d.2d' % (d, n, m)]

    # -- shifts by immediate
    def shift(self):
        r = self.r
        d, n = self.v(), self.v()
        a = r.choice(ALLD)
        es = ESIZE[lane(a)]
        k = r.randrange(6)
        if k == 0:
            op = r.choice(['sshr', 'ushr', 'ssra', 'usra', 'srshr', 'urshr',
                           'srsra', 'ursra', 'sri'])
            sh = r.randrange(1, es + 1)
        elif k == 1:
            op = r.choice(['shl', 'sli', 'sqshl', 'uqshl', 'sqshlu'])
            sh = r.randrange(0, es)
        elif k == 2:
            op = r.choice(['shrn', 'rshrn', 'sqshrn', 'uqshrn', 'sqrshrn',
                           'uqrshrn', 'sqshrun', 'sqrshrun'])
            na = r.choice(ALL)
            op += '2' if is_q(na) else ''
            sh = r.randrange(1, ESIZE[lane(na)] + 1)
            return ['%s v%d.%s, v%d.%s, #%d' % (op, d, na, n, WIDEN[na], sh)]
        elif k == 3:
            op = r.choice(['sshll', 'ushll'])
            na = r.choice(ALL)
            op += '2' if is_q(na) else ''
            sh = r.randrange(0, ESIZE[lane(na)])
            return ['%s v%d.%s, v%d.%s, #%d' % (op, d, WIDEN[na], n, na, sh)]
        elif k == 4:                        # scalar
            if r.random() < 0.5:
                op = r.choice(['sshr', 'ushr', 'ssra', 'usra', 'srshr',
                               'urshr', 'srsra', 'ursra', 'sri'])
                return ['%s d%d, d%d, #%d' % (op, d, n, r.randrange(1, 65))]
            t = r.choice('bhsd')
            op = r.choice(['sqshl', 'uqshl', 'sqshlu', 'shl', 'sli'])
            if op in ('shl', 'sli'):
                t = 'd'
            return ['%s %s%d, %s%d, #%d' % (op, t, d, t, n,
                                            r.randrange(ESIZE[t]))]
        else:
            op = r.choice(['sqshrn', 'uqshrn', 'sqrshrn', 'uqrshrn',
                           'sqshrun', 'sqrshrun'])
            t, w = r.choice([('b', 'h'), ('h', 's'), ('s', 'd')])
            return ['%s %s%d, %s%d, #%d' % (op, t, d, w, n,
                                            r.randrange(1, ESIZE[t] + 1))]
        return ['%s v%d.%s, v%d.%s, #%d' % (op, d, a, n, a, sh)]

    # -- across lanes, pairwise scalar
    def across(self):
        r = self.r
        d, n = self.v(), self.v()
        k = r.randrange(4)
        if k == 0:
            op = r.choice(['addv', 'smaxv', 'umaxv', 'sminv', 'uminv'])
            a = r.choice(['8b', '16b', '4h', '8h', '4s'])
            return ['%s %s%d, v%d.%s' % (op, lane(a), d, n, a)]
        if k == 1:
            op = r.choice(['saddlv', 'uaddlv'])
            a = r.choice(['8b', '16b', '4h', '8h', '4s'])
            t = {'b': 'h', 'h': 's', 's': 'd'}[lane(a)]
            return ['%s %s%d, v%d.%s' % (op, t, d, n, a)]
        if k == 2:
            op = r.choice(['fmaxv', 'fminv', 'fmaxnmv', 'fminnmv'])
            return ['%s s%d, v%d.4s' % (op, d, n)]
        op = r.choice(['addp', 'faddp', 'fmaxp', 'fminp', 'fmaxnmp',
                       'fminnmp'])
        if op == 'addp':
            return ['addp d%d, v%d.2d' % (d, n)]
        t = r.choice('sd')
        return ['%s %s%d, v%d.2%s' % (op, t, d, n, t)]

    # -- permutes, moves, immediates
    def perm(self):
        r = self.r
        d, n, m = self.v(), self.v(), self.v()
        k = r.randrange(8)
        if k <= 1:
            op = r.choice(['zip1', 'zip2', 'uzp1', 'uzp2', 'trn1', 'trn2'])
            a = r.choice(ALLD)
            return ['%s v%d.%s, v%d.%s, v%d.%s' % (op, d, a, n, a, m, a)]
        if k == 2:
            a = r.choice(BYTES)
            return ['ext v%d.%s, v%d.%s, v%d.%s, #%d' % (
                d, a, n, a, m, a, r.randrange(8 if a == '8b' else 16))]
        if k == 3:
            op = r.choice(['tbl', 'tbx'])
            a = r.choice(BYTES)
            cnt = r.randrange(1, 5)
            regs = ', '.join('v%d.16b' % ((n + i) % 32) for i in range(cnt))
            return ['%s v%d.%s, {%s}, v%d.%s' % (op, d, a, regs, m, a)]
        if k == 4:
            a = r.choice(ALLD)
            t = lane(a)
            i = r.randrange(16 // (ESIZE[t] // 8))
            if r.random() < 0.3:
                return ['dup %s%d, v%d.%s[%d]' % (t, d, n, t, i)]
            return ['dup v%d.%s, v%d.%s[%d]' % (d, a, n, t, i)]
        if k == 5:
            t = r.choice('bhsd')
            cnt = 16 // (ESIZE[t] // 8)
            return ['ins v%d.%s[%d], v%d.%s[%d]' % (d, t, r.randrange(cnt), n,
                                                    t, r.randrange(cnt))]
        if k == 6:                          # through a general register
            t = r.choice('bhsd')
            cnt = 16 // (ESIZE[t] // 8)
            i, j = r.randrange(cnt), r.randrange(cnt)
            g = 'x' if t == 'd' else 'w'
            first = 'umov %s9, v%d.%s[%d]' % (g, n, t, i)
            if t in 'bh' and r.random() < 0.5:
                g = r.choice('wx')
                first = 'smov %s9, v%d.%s[%d]' % (g, n, t, i)
            elif t == 's' and r.random() < 0.3:
                g = 'x'
                first = 'smov x9, v%d.s[%d]' % (n, i)
            gw = 'x' if t == 'd' else 'w'
            if r.random() < 0.5:
                second = 'ins v%d.%s[%d], %s9' % (d, t, j, gw)
            else:
                a = r.choice([x for x in ALLD if lane(x) == t])
                second = 'dup v%d.%s, %s9' % (d, a, gw)
            return [first, second]
        return [self.modimm(d)]

    def modimm(self, d):
        r = self.r
        k = r.randrange(6)
        imm = r.randrange(256)
        if k == 0:
            a = r.choice(BYTES)
            return 'movi v%d.%s, #%d' % (d, a, imm)
        if k == 1:
            op = r.choice(['movi', 'mvni', 'orr', 'bic'])
            a = r.choice(['4h', '8h'])
            return '%s v%d.%s, #%d, lsl #%d' % (op, d, a, imm,
                                                r.choice([0, 8]))
        if k == 2:
            op = r.choice(['movi', 'mvni', 'orr', 'bic'])
            a = r.choice(['2s', '4s'])
            return '%s v%d.%s, #%d, lsl #%d' % (op, d, a, imm,
                                                r.choice([0, 8, 16, 24]))
        if k == 3:
            op = r.choice(['movi', 'mvni'])
            a = r.choice(['2s', '4s'])
            return '%s v%d.%s, #%d, msl #%d' % (op, d, a, imm,
                                                r.choice([8, 16]))
        if k == 4:
            b = r.getrandbits(8)
            val = 0
            for i in range(8):
                if b >> i & 1:
                    val |= 0xff << (8 * i)
            if r.random() < 0.5:
                return 'movi d%d, #0x%x' % (d, val)
            return 'movi v%d.2d, #0x%x' % (d, val)
        a = r.choice(FPV)
        return 'fmov v%d.%s, #%s' % (d, a, self.fp_imm())

    # -- by element
    def elem(self):
        r = self.r
        d, n = self.v(), self.v()
        k = r.randrange(5)
        if k == 0:
            op = r.choice(['mul', 'mla', 'mls', 'sqdmulh', 'sqrdmulh'])
            a = r.choice(HS)
        elif k == 1:
            op = r.choice(['fmul', 'fmla', 'fmls', 'fmulx'])
            a = r.choice(FPV)
        elif k == 2:
            op = r.choice(['smull', 'umull', 'smlal', 'umlal', 'smlsl',
                           'umlsl', 'sqdmull', 'sqdmlal', 'sqdmlsl'])
            na = r.choice(HS)
            t = lane(na)
            m = self.v(0, 15) if t == 'h' else self.v()
            i = r.randrange(8 if t == 'h' else 4)
            op += '2' if is_q(na) else ''
            return ['%s v%d.%s, v%d.%s, v%d.%s[%d]' % (op, d, WIDEN[na], n, na,
                                                       m, t, i)]
        elif k == 3:                        # scalar FP
            op = r.choice(['fmul', 'fmla', 'fmls', 'fmulx'])
            t = r.choice('sd')
            i = r.randrange(4 if t == 's' else 2)
            return ['%s %s%d, %s%d, v%d.%s[%d]' % (op, t, d, t, n, self.v(),
                                                   t, i)]
        else:                               # scalar integer
            if r.random() < 0.5:
                op = r.choice(['sqdmulh', 'sqrdmulh'])
                t = r.choice('hs')
                w = t
            else:
                op = r.choice(['sqdmull', 'sqdmlal', 'sqdmlsl'])
                t = r.choice('hs')
                w = 's' if t == 'h' else 'd'
            m = self.v(0, 15) if t == 'h' else self.v()
            i = r.randrange(8 if t == 'h' else 4)
            return ['%s %s%d, %s%d, v%d.%s[%d]' % (op, w, d, t, n, m, t, i)]
        t = lane(a)
        m = self.v(0, 15) if t == 'h' else self.v()
        i = r.randrange({'h': 8, 's': 4, 'd': 2}[t])
        return ['%s v%d.%s, v%d.%s, v%d.%s[%d]' % (op, d, a, n, a, m, t, i)]

    # -- crypto (cortex-a57 has AES, PMULL, SHA1, SHA256)
    def crypto(self):
        r = self.r
        d, n, m = self.v(), self.v(), self.v()
        k = r.randrange(4)
        if k == 0:
            op = r.choice(['aese', 'aesd', 'aesmc', 'aesimc'])
            return ['%s v%d.16b, v%d.16b' % (op, d, n)]
        if k == 1:
            op = r.choice(['sha1c', 'sha1p', 'sha1m'])
            return ['%s q%d, s%d, v%d.4s' % (op, d, n, m)]
        if k == 2:
            op = r.choice(['sha1su0', 'sha256su1', 'sha1su1', 'sha256su0',
                           'sha1h'])
            if op == 'sha1h':
                return ['sha1h s%d, s%d' % (d, n)]
            if op in ('sha1su1', 'sha256su0'):
                return ['%s v%d.4s, v%d.4s' % (op, d, n)]
            return ['%s v%d.4s, v%d.4s, v%d.4s' % (op, d, n, m)]
        op = r.choice(['sha256h', 'sha256h2'])
        return ['%s q%d, q%d, v%d.4s' % (op, d, n, m)]

    # category weights
    def insn(self):
        cats = [(self.scalar_fp, 22), (self.int3, 12), (self.int2, 8),
                (self.fp3, 12), (self.fp2, 10), (self.diff3, 6),
                (self.shift, 10), (self.across, 5), (self.perm, 8),
                (self.elem, 6), (self.crypto, 2)]
        total = sum(w for _, w in cats)
        x = self.r.randrange(total)
        for fn, w in cats:
            if x < w:
                return fn()
            x -= w
        raise AssertionError


# ---- file assembly ----------------------------------------------------

def movx(reg, val):
    """movz/movk sequence for a 32-bit value into @reg (x register)."""
    return ['movz %s, #0x%x' % (reg, val & 0xffff),
            'movk %s, #0x%x, lsl #16' % (reg, (val >> 16) & 0xffff)]


def generate(seed, blocks, insns):
    """(assembly text, blocks) of @blocks random blocks of at least @insns
    instructions each; blocks[i] is a dict: fpcr, nzcv, seeds (32 128-bit
    integers), insns [(byte offset from fpdiff_run, text)]."""
    r = random.Random(seed)
    g = Gen(r)
    specs = []
    for _ in range(blocks):
        rmode = r.randrange(4)
        fpcr = rmode << 22
        fpcr |= (1 << 24) if r.random() < 0.3 else 0     # FZ
        fpcr |= (1 << 25) if r.random() < 0.3 else 0     # DN
        fpcr |= (1 << 26) if r.random() < 0.3 else 0     # AHP (no FP16)
        nzcv = r.randrange(16)
        seeds = [seed_reg(r) for _ in range(32)]
        body = []
        while len(body) < insns:
            body.extend(g.insn())
        specs.append({'fpcr': fpcr, 'nzcv': nzcv, 'seeds': seeds,
                      'insns': body})
    return assemble(specs)


def assemble(specs):
    """Assembly text for blocks given as dicts (fpcr, nzcv, seeds, insns
    as texts); returns (text, blocks) with the insns as (offset, text)."""
    text = []
    info = []
    off = 0

    def emit(s):
        nonlocal off
        text.append('\t' + s)
        off += 4
        return off - 4

    text.append('\t.arch armv8-a+crypto')
    text.append('\t.text')
    text.append('\t.balign 16')
    text.append('\t.global fpdiff_run')
    text.append('\t.type fpdiff_run, %function')
    text.append('fpdiff_run:')
    for s in ['stp d8, d9, [sp, #-64]!', 'stp d10, d11, [sp, #16]',
              'stp d12, d13, [sp, #32]', 'stp d14, d15, [sp, #48]',
              'adrp x1, fpdiff_seeds', 'add x1, x1, :lo12:fpdiff_seeds']:
        emit(s)
    for b, spec in enumerate(specs):
        fpcr, nzcv = spec['fpcr'], spec['nzcv']
        text.append('// block %d fpcr 0x%08x nzcv %x' % (b, fpcr, nzcv))
        for s in movx('x9', fpcr) + ['msr fpcr, x9',
                                     'movz x9, #0x%x, lsl #16' % (nzcv << 12),
                                     'msr nzcv, x9']:
            emit(s)
        for q in range(0, 32, 4):
            emit('ld1 {v%d.16b, v%d.16b, v%d.16b, v%d.16b}, [x1], #64'
                 % (q, q + 1, q + 2, q + 3))
        body = [(emit(s), s) for s in spec['insns']]
        for q in range(0, 32, 4):
            emit('st1 {v%d.16b, v%d.16b, v%d.16b, v%d.16b}, [x0], #64'
                 % (q, q + 1, q + 2, q + 3))
        for s in ['mrs x9, fpsr', 'mrs x10, nzcv', 'stp x9, x10, [x0], #16',
                  'msr fpsr, xzr']:
            emit(s)
        info.append({'fpcr': fpcr, 'nzcv': nzcv, 'seeds': spec['seeds'],
                     'insns': body})
    for s in ['msr fpcr, xzr', 'ldp d10, d11, [sp, #16]',
              'ldp d12, d13, [sp, #32]', 'ldp d14, d15, [sp, #48]',
              'ldp d8, d9, [sp], #64', 'ret']:
        emit(s)
    text.append('\t.size fpdiff_run, . - fpdiff_run')
    text.append('\t.section .rodata')
    text.append('\t.balign 16')
    text.append('\t.global fpdiff_nblocks')
    text.append('fpdiff_nblocks: .word %d' % len(specs))
    text.append('\t.balign 16')
    text.append('fpdiff_seeds:')
    for spec in specs:
        for v in spec['seeds']:
            text.append('\t.quad 0x%016x, 0x%016x' % (v & (2**64 - 1),
                                                     v >> 64))
    text.append('\t.bss')
    text.append('\t.balign 16')
    text.append('\t.global fpdiff_dump')
    text.append('fpdiff_dump: .zero %d' % (len(specs) * DUMP_BYTES))
    text.append('\t.section .note.GNU-stack, "", %progbits')
    return '\n'.join(text) + '\n', info


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--seed', type=int, required=True)
    ap.add_argument('--blocks', type=int, default=500)
    ap.add_argument('--insns', type=int, default=200)
    ap.add_argument('-o', '--output', required=True)
    args = ap.parse_args()
    asm, _ = generate(args.seed, args.blocks, args.insns)
    with open(args.output, 'w') as f:
        f.write(asm)
    return 0


if __name__ == '__main__':
    raise SystemExit(main())
