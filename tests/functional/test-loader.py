#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Functional tests of `-device loader` and `-d stats`.

Usage: test-loader.py PATH-TO-HEMU

The loader (docs/user/loader.md): images and values are put into guest
memory of a machine held with -S, and read back with the human monitor's
`xp` (physical memory through the current vCPU's cluster), so nothing
runs: raw files at addr= next to a tiny -kernel on -M virt, data= values
of every size in both byte orders, ELF files with cluster= (segments by
p_paddr, memsz beyond filesz zeroed over an earlier data= value),
the Hexagon cluster of -M V66G_1024, the DSP of -M hetero-virt (its own
map, and the ELF entry reaching the board's set_cluster_entry as a
physical address), and every error the brief lists
(missing file, unknown cluster with the list of clusters, an ELF of the
wrong machine for the cluster, an image that does not fit, option
misuse) with exit status 1 and no crash.  cpu-num=N: CPU N's pc (`info
registers` under -S) is the ELF entry, the raw addr= or addr= alone, also
after system_reset, on virt and on V66G_1024 (physical entry).  Reload at reset: a guest
overwrites the loaded word once (it keeps a marker in RAM), `system_reset`
must bring the word back while the marker stays.

The ELF files and guests are built here, byte by byte: ELF headers from the
System V ABI layout (Elf64_Ehdr/Phdr, Elf32_Ehdr/Phdr), A64 instructions
from the Arm ARM encodings (each encoder names its instruction class; the
words were checked against llvm-objdump-19 when the test was written).

-d stats: a counted loop (movz x2,#N; 1: subs x2,x2,#1; b.ne 1b; then wfi),
loaded by the loader at the reset pc of a one-vCPU machine file, run twice
with -accel tcg,thread=single -icount shift=0 must print identical stats
lines, and runs with N and N + 100 must differ by exactly 200 instructions
(two per iteration; the fixed part cancels out).
"""
import os
import re
import socket
import struct
import subprocess
import sys
import tempfile
import time

HEMU = None
failures = []

RAM = 0x40000000                 # -M virt RAM base (docs/user/virt.md)
EM_AARCH64 = 183                 # ELF machine numbers (System V ABI list)
EM_HEXAGON = 164


def check(name, cond, detail=''):
    if cond:
        print(f'ok {name}')
    else:
        print(f'FAIL {name}: {str(detail)[:3000]}')
        failures.append(name)


def run(args, stdin='', timeout=30):
    p = subprocess.run([HEMU, *args], input=stdin, capture_output=True,
                       text=True, timeout=timeout)
    return p.returncode, p.stdout, p.stderr


# ---------------------------------------------------------------------------
# Builders


def make_elf(machine, entry, segs, cls=64):
    """An ET_EXEC ELF, little endian; @segs: (vaddr, paddr, data, memsz)."""
    if cls == 64:
        ehsize, phsize = 64, 56
    else:
        ehsize, phsize = 52, 32
    off = ehsize + phsize * len(segs)
    ident = b'\x7fELF' + bytes([2 if cls == 64 else 1, 1, 1]) + bytes(9)
    if cls == 64:
        hdr = struct.pack('<16sHHIQQQIHHHHHH', ident, 2, machine, 1, entry,
                          ehsize, 0, 0, ehsize, phsize, len(segs), 0, 0, 0)
    else:
        hdr = struct.pack('<16sHHIIIIIHHHHHH', ident, 2, machine, 1, entry,
                          ehsize, 0, 0, ehsize, phsize, len(segs), 0, 0, 0)
    phdrs, body = b'', b''
    for vaddr, paddr, data, memsz in segs:
        if cls == 64:
            phdrs += struct.pack('<IIQQQQQQ', 1, 7, off + len(body), vaddr,
                                 paddr, len(data), memsz, 4)
        else:
            phdrs += struct.pack('<IIIIIIII', 1, off + len(body), vaddr,
                                 paddr, len(data), memsz, 7, 4)
        body += data
    return hdr + phdrs + body


# A64 encodings (Arm ARM C4.1 "A64 instruction set encoding").
def movz(rd, imm16, hw=0):       # Move wide (immediate), 64-bit MOVZ
    return 0xd2800000 | hw << 21 | imm16 << 5 | rd


def movk(rd, imm16, hw=0):       # Move wide (immediate), 64-bit MOVK
    return 0xf2800000 | hw << 21 | imm16 << 5 | rd


def subs_imm(rd, rn, imm12):     # Add/subtract (immediate), 64-bit SUBS
    return 0xf1000000 | imm12 << 10 | rn << 5 | rd


def b_cond(offset, cond):        # Conditional branch (immediate), B.cond
    return 0x54000000 | ((offset >> 2) & 0x7ffff) << 5 | cond


def b(offset):                   # Unconditional branch (immediate), B
    return 0x14000000 | ((offset >> 2) & 0x3ffffff)


def cbnz_w(rt, offset):          # Compare and branch, 32-bit CBNZ
    return 0x35000000 | ((offset >> 2) & 0x7ffff) << 5 | rt


def ldr_w(rt, rn, imm):          # Load/store (unsigned imm), 32-bit LDR
    return 0xb9400000 | (imm // 4) << 10 | rn << 5 | rt


def str_w(rt, rn, imm):          # Load/store (unsigned imm), 32-bit STR
    return 0xb9000000 | (imm // 4) << 10 | rn << 5 | rt


WFI = 0xd503207f                 # Hints: WFI
NE = 1


def words(ws):
    return b''.join(struct.pack('<I', w) for w in ws)


# The reset guest: marker at RAM + 0x3000, the loaded word at RAM + 0x1000.
RESET_GUEST = [
    movz(0, 0x4000, hw=1),       # x0 = RAM
    ldr_w(1, 0, 0x3000),         # w1 = marker
    cbnz_w(1, 6 * 4),            # second run: leave the word alone
    movz(1, 1),
    str_w(1, 0, 0x3000),         # marker = 1
    movz(2, 0xbeef),
    movk(2, 0xdead, hw=1),
    str_w(2, 0, 0x1000),         # overwrite the loaded word
    b(0),                        # (cbnz lands here) spin
]


def write(tmp, name, data):
    path = os.path.join(tmp, name)
    with open(path, 'wb') as f:
        f.write(data)
    return path


def xp_session(args, cmds):
    """hemu -S ARGS with an stdio monitor running CMDS; (rc, out, err)."""
    return run(['-S', '-monitor', 'stdio', '-run-timeout', '20', *args],
               stdin='\n'.join(cmds + ['quit']) + '\n')


# ---------------------------------------------------------------------------
# Tests


def test_help():
    rc, out, _ = run(['-device', 'loader,help'])
    check('help', rc == 0 and all(p in out for p in (
        'file=<string>', 'addr=<uint64>', 'force-raw=<bool>',
        'cluster=<string>', 'data=<uint64>', 'data-len=<uint8>',
        'data-be=<bool>', 'cpu-num=<uint32>')), out)
    rc, out, _ = run(['-d', 'help'])
    check('stats-log-item', rc == 0 and re.search(r'^stats\s', out, re.M),
          out)


def test_raw_and_data(tmp, kernel):
    blob = write(tmp, 'blob.bin', bytes(range(1, 17)))
    rc, out, err = xp_session(
        ['-M', 'virt', '-kernel', kernel,
         '-device', f'loader,id=raw,file={blob},addr={RAM + 0x1000:#x}',
         '-device', f'loader,id=d1,addr={RAM + 0x2000:#x},data=0xab,'
                    'data-len=1',
         '-device', f'loader,id=d2,addr={RAM + 0x2002:#x},data=0x1234,'
                    'data-len=2,data-be=on',
         '-device', f'loader,id=d4,addr={RAM + 0x2004:#x},data=0x11223344,'
                    'data-len=4',
         '-device', f'loader,id=d8,addr={RAM + 0x2008:#x},'
                    'data=0x0102030405060708,data-len=8,data-be=on'],
        [f'xp /16xb {RAM + 0x1000:#x}', f'xp /16xb {RAM + 0x2000:#x}',
         f'xp /1xw {RAM:#x}'])
    # the blob, byte for byte after the kernel page
    check('raw-blob', '0000000040001000: ' + ' '.join(
        f'0x{i:02x}' for i in range(1, 17)) in out, out + err)
    # 0xab; pad; 12 34 (BE); 44 33 22 11 (LE); 01..08 (BE)
    want = ['0xab', '0x00', '0x12', '0x34', '0x44', '0x33', '0x22', '0x11',
            '0x01', '0x02', '0x03', '0x04', '0x05', '0x06', '0x07', '0x08']
    check('data-values', '0000000040002000: ' + ' '.join(want) in out,
          out + err)
    # the -kernel (b .) is still at RAM: the loader wrote beside it
    check('kernel-kept', '0000000040000000: 0x14000000' in out, out + err)
    check('raw-data-status', rc == 0, err)


def test_elf_cluster(tmp, kernel):
    # vaddr (high half) differs from paddr: the segment goes to paddr;
    # memsz 0x20 > filesz 8 zeroes what the data= loader wrote before it
    seg = bytes([0xa1, 0xa2, 0xa3, 0xa4, 0xa5, 0xa6, 0xa7, 0xa8])
    elf = write(tmp, 'a64.elf', make_elf(
        EM_AARCH64, 0xffff000000004000,
        [(0xffff000000004000, RAM + 0x4000, seg, 0x20)]))
    rc, out, err = xp_session(
        ['-M', 'virt', '-kernel', kernel,
         '-device', f'loader,id=pre,addr={RAM + 0x4010:#x},'
                    'data=0xffffffff,data-len=4',
         '-device', f'loader,id=elf,file={elf},cluster=cpus'],
        [f'xp /8xw {RAM + 0x4000:#x}'])
    check('elf-cluster-cpus', '0000000040004000: 0xa4a3a2a1 0xa8a7a6a5 '
          '0x00000000 0x00000000\n0000000040004010: 0x00000000 0x00000000 '
          '0x00000000 0x00000000\n' in out, out + err)
    check('elf-cluster-status', rc == 0, err)
    # force-raw=on: the same file as bytes at addr= (starts with the magic)
    rc, out, err = xp_session(
        ['-M', 'virt', '-kernel', kernel, '-device',
         f'loader,id=r,file={elf},force-raw=on,addr={RAM + 0x5000:#x}'],
        [f'xp /1xw {RAM + 0x5000:#x}'])
    check('elf-force-raw', '0000000040005000: 0x464c457f' in out, out + err)


def test_hexagon(tmp):
    kernel = write(tmp, 'hex-kernel.elf', make_elf(
        EM_HEXAGON, 0, [(0, 0, words([0x7f00c000] * 4), 16)], cls=32))
    # hexagonMVM style: linked at 0xffff0000, loaded at 0x00200000
    dsp = write(tmp, 'hex-dsp.elf', make_elf(
        EM_HEXAGON, 0xffff0000,
        [(0xffff0000, 0x00200000, words([0xcafef00d, 0x12345678]), 8)],
        cls=32))
    rc, out, err = xp_session(
        ['-M', 'V66G_1024', '-m', '64M', '-kernel', kernel,
         '-device', f'loader,id=dsp,file={dsp},cluster=hexagon'],
        ['xp /2xw 0x200000'])
    check('elf-cluster-hexagon',
          '0000000000200000: 0xcafef00d 0x12345678' in out, out + err)
    check('elf-hexagon-status', rc == 0, err)
    a64 = write(tmp, 'wrong.elf', make_elf(
        EM_AARCH64, RAM, [(RAM, 0x100000, b'\0' * 4, 4)]))
    rc, _, err = run(['-M', 'V66G_1024', '-m', '64M', '-kernel', kernel,
                      '-S', '-run-timeout', '5',
                      '-device', f'loader,id=w,file={a64},cluster=hexagon'])
    check('elf-wrong-arch-hexagon', rc == 1 and a64 in err and
          'e_machine' in err and '183' in err and '164' in err, err)


def test_hetero_dsp(tmp, kernel):
    """cluster=dsp on -M hetero-virt: the DSP's own map, and its entry."""
    rc, out, _ = run(['-M', 'help'])
    if 'hetero-virt' not in out:
        print('skip hetero-dsp: no -M hetero-virt')
        return
    # linked at 0xffff0000, loaded at DSP address 0x100 (its TCM at 0,
    # which the ARM side sees at 0x0b100000); e_entry 0xffff0008 must
    # reach the board as physical 0x108 = 264 (the controller's boot-addr)
    dsp = write(tmp, 'hv-dsp.elf', make_elf(
        EM_HEXAGON, 0xffff0008,
        [(0xffff0000, 0x100, words([0xcafef00d, 0x12345678, 0x7f00c000]),
          12)], cls=32))
    rc, out, err = xp_session(
        ['-M', 'hetero-virt', '-kernel', kernel,
         '-device', f'loader,id=dsp,file={dsp},cluster=dsp'],
        ['xp /3xw 0x0b100100', 'info qtree'])
    check('hetero-dsp-map', '000000000b100100: 0xcafef00d 0x12345678 '
          '0x7f00c000' in out, out[:3000] + err)
    check('hetero-dsp-entry', re.search(
        r'^/machine/dsp-ctrl .*\n(  .*\n)*?  boot-addr = 264$', out, re.M)
        is not None, out[-3000:])
    check('hetero-dsp-status', rc == 0, err)


def pc_of(out, cpu=0):
    """The PC=... of CPU#@cpu in `info registers` output, or None."""
    m = re.search(r'CPU#%d .*\n PC=([0-9a-f]+)' % cpu, out)
    return int(m.group(1), 16) if m else None


def test_cpu_num(tmp, kernel):
    """cpu-num=N: CPU N starts at the ELF entry, raw addr= or addr= alone
    (its boot-pc, kept across system_reset); seen with -S in `info
    registers` before anything runs.  Without cpu-num the virt CPU would
    start at the -kernel, RAM (0x40000000)."""
    elf = write(tmp, 'entry.elf', make_elf(
        EM_AARCH64, RAM + 0x6008,
        [(RAM + 0x6000, RAM + 0x6000, words([b(0)] * 4), 16)]))
    blob = write(tmp, 'start.bin', words([b(0)]))
    cases = [
        ('elf', f'file={elf},cpu-num=0', RAM + 0x6008),
        ('elf-cluster', f'file={elf},cluster=cpus,cpu-num=0', RAM + 0x6008),
        ('raw', f'file={blob},addr={RAM + 0x7000:#x},cpu-num=0',
         RAM + 0x7000),
        ('addr-only', f'addr={RAM + 0x7100:#x},cpu-num=0', RAM + 0x7100),
    ]
    for name, opts, want in cases:
        rc, out, err = xp_session(
            ['-M', 'virt', '-kernel', kernel, '-device', f'loader,id=c,{opts}'],
            ['info registers', 'system_reset', 'info registers'])
        pcs = re.findall(r'CPU#0 .*\n PC=([0-9a-f]+)', out)
        check('cpu-num-' + name, rc == 0 and
              [int(p, 16) for p in pcs] == [want, want],
              f'status {rc}: PCs {pcs}, want {want:#x} twice: {err}')
    # -smp 2: cpu-num=1 moves CPU 1 only; CPU 0 stays at the kernel (RAM)
    rc, out, err = xp_session(
        ['-M', 'virt', '-smp', '2', '-kernel', kernel,
         '-device', f'loader,id=c,file={elf},cpu-num=1'],
        ['info registers', 'cpu 1', 'info registers'])
    check('cpu-num-1', rc == 0 and pc_of(out, 0) == RAM and
          pc_of(out, 1) == RAM + 0x6008, out[:1500] + err)
    # Hexagon: the entry 0xffff0000 lies in a segment loaded at 0x200000,
    # so thread 0 starts at the physical 0x200000 (as -kernel would)
    hk = write(tmp, 'hk.elf', make_elf(
        EM_HEXAGON, 0, [(0, 0, words([0x7f00c000] * 4), 16)], cls=32))
    dsp = write(tmp, 'hx.elf', make_elf(
        EM_HEXAGON, 0xffff0000,
        [(0xffff0000, 0x00200000, words([0x7f00c000] * 2), 8)], cls=32))
    rc, out, err = xp_session(
        ['-M', 'V66G_1024', '-m', '64M', '-kernel', hk, '-device',
         f'loader,id=c,file={dsp},cluster=hexagon,cpu-num=0'],
        ['info registers'])
    check('cpu-num-hexagon', rc == 0 and pc_of(out) == 0x200000,
          out[:1500] + err)
    bad = [
        ('cpu-num-range', f'file={elf},cpu-num=1',
         ["cpu-num=1: cluster 'cpus' has no CPU cpu[1]", 'accepted: 0 to 0']),
        ('cpu-num-data', f'addr={RAM:#x},data=1,data-len=4,cpu-num=0',
         ['cpu-num= cannot be combined with data=']),
        ('cpu-num-align', f'addr={RAM + 2:#x},cpu-num=0',
         ["property 'boot-pc'", '0x40000002', '4-byte aligned']),
    ]
    for name, opts, want in bad:
        rc, _, err = run(['-M', 'virt', '-kernel', kernel, '-S',
                          '-run-timeout', '5',
                          '-device', f'loader,id=bad,{opts}'])
        check('error-' + name, rc == 1 and all(w in err for w in want),
              f'status {rc}: {err}')


def test_errors(tmp, kernel):
    blob = write(tmp, 'err.bin', b'\x01\x02\x03\x04')
    hexelf = write(tmp, 'hex.elf', make_elf(
        EM_HEXAGON, 0, [(0, RAM + 0x1000, b'\0' * 4, 4)], cls=32))
    a64 = write(tmp, 'ok.elf', make_elf(
        EM_AARCH64, RAM + 0x1000, [(RAM + 0x1000, RAM + 0x1000, b'\0' * 4,
                                    4)]))
    missing = os.path.join(tmp, 'no-such-file.bin')
    # virt RAM is 128 MiB: its last byte is RAM + 0x7ffffff
    cases = [
        ('missing-file', f'file={missing},addr={RAM:#x}',
         [missing, 'cannot read']),
        ('unknown-cluster', f'file={blob},addr={RAM:#x},cluster=dsp',
         ["cluster 'dsp' is not a cpu-cluster", 'accepted: cpus']),
        ('elf-wrong-arch', f'file={hexelf},cluster=cpus',
         [hexelf, 'e_machine', '164', '183']),
        ('does-not-fit', f'file={blob},addr={RAM + 0x7fffffe:#x}',
         [blob, 'not backed by RAM or ROM']),
        ('elf-with-addr', f'file={a64},addr={RAM:#x}',
         ['is an ELF file', 'force-raw=on']),
        ('raw-without-addr', f'file={blob}', ['raw images need addr=']),
        ('data-len-missing', f'addr={RAM:#x},data=1',
         ['data= needs data-len=']),
        ('data-len-bad', f'addr={RAM:#x},data=1,data-len=3',
         ['data-len=3', 'accepted: 1, 2, 4, 8']),
        ('data-too-wide', f'addr={RAM:#x},data=0x100,data-len=1',
         ['data=0x100 does not fit']),
        ('data-without-addr', 'data=1,data-len=1', ['data= needs addr=']),
        ('file-and-data', f'file={blob},addr={RAM:#x},data=1',
         ['cannot be combined']),
        ('nothing', 'force-raw=on', ['nothing to load']),
    ]
    for name, opts, want in cases:
        rc, _, err = run(['-M', 'virt', '-kernel', kernel, '-S',
                          '-run-timeout', '5',
                          '-device', f'loader,id=bad,{opts}'])
        check('error-' + name, rc == 1 and all(w in err for w in want) and
              '-device loader,id=bad' in err, f'status {rc}: {err}')


def connect(path):
    for _ in range(200):
        s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        s.settimeout(10)
        try:
            s.connect(path)
            return s
        except (ConnectionRefusedError, FileNotFoundError):
            s.close()
            time.sleep(0.05)
    raise RuntimeError(f'cannot connect to {path}')


def hmp(s, line):
    if line:
        s.sendall(line.encode() + b'\n')
    buf = b''
    while not buf.endswith(b'(hemu) '):
        chunk = s.recv(65536)
        if not chunk:
            break
        buf += chunk
    return buf.decode().replace('\r\n', '\n')


def poll_xp(s, addr, want, tries=100):
    """xp /1xw @addr until it shows @want; the last output."""
    out = ''
    for _ in range(tries):
        out = hmp(s, f'xp /1xw {addr:#x}')
        if f'{addr:016x}: {want}' in out:
            break
        time.sleep(0.05)
    return out


def test_reset_reload(tmp):
    kernel = write(tmp, 'reset-guest.bin', words(RESET_GUEST))
    sock = os.path.join(tmp, 'mon.sock')
    proc = subprocess.Popen(
        [HEMU, '-M', 'virt', '-kernel', kernel, '-run-timeout', '30',
         '-monitor', f'unix:{sock},server=on,wait=off',
         '-device', f'loader,id=w,addr={RAM + 0x1000:#x},data=0x600dc0de,'
                    'data-len=4'],
        stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE)
    try:
        s = connect(sock)
        hmp(s, '')                              # banner
        out = poll_xp(s, RAM + 0x3000, '0x00000001')
        ran = '0000000040003000: 0x00000001' in out
        out = poll_xp(s, RAM + 0x1000, '0xdeadbeef')
        check('reset-guest-overwrote', ran and
              '0000000040001000: 0xdeadbeef' in out, out)
        hmp(s, 'system_reset')
        out = poll_xp(s, RAM + 0x1000, '0x600dc0de')
        check('reset-reloaded', '0000000040001000: 0x600dc0de' in out, out)
        out = hmp(s, f'xp /1xw {RAM + 0x3000:#x}')
        check('reset-marker-kept', '0000000040003000: 0x00000001' in out,
              out)
        hmp(s, 'quit')
        s.close()
        proc.wait(timeout=10)
        check('reset-quit', proc.returncode == 0, proc.stderr.read())
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        proc.stdout.close()
        proc.stderr.close()


STATS_RE = re.compile(r'^stats: /machine/apps \(aarch64\): (\d+) '
                      r'instructions, (\d+) TBs translated$', re.M)

# One aarch64 vCPU, RAM at 0 where it starts (reset pc 0), no devices: no
# timer is ever armed, so with icount the sleeping vCPU leaves the clock
# alone and -run-timeout (host time) ends the run.
STATS_BOARD = '''machine:
  type: none
  ram-size: 1M
clusters:
  - id: apps
    arch: aarch64
    num-cpus: 1
'''


def stats_guest(n):
    """x2 = n; count down; then wfi forever (nothing will wake it)."""
    return words([movz(2, n), subs_imm(2, 2, 1), b_cond(-4, NE), WFI,
                  b(-4)])


def stats_run(tmp, n, tag, extra=('-icount', 'shift=0')):
    """The guest with -d stats; (the log's stats lines, stderr)."""
    board = write(tmp, 'stats.yaml', STATS_BOARD.encode())
    guest = write(tmp, f'count-{n}.bin', stats_guest(n))
    log = os.path.join(tmp, f'stats-{tag}.log')
    _, _, err = run(['-M', board, '-accel', 'tcg,thread=single', *extra,
                     '-d', 'stats', '-D', log, '-run-timeout', '2',
                     '-device', f'loader,id=guest,file={guest},addr=0'])
    with open(log) as f:
        lines = [x for x in f.read().splitlines() if x.startswith('stats:')]
    return lines, err


def test_stats(tmp):
    lines1, err1 = stats_run(tmp, 1000, 'a')
    lines2, err2 = stats_run(tmp, 1000, 'b')
    lines3, err3 = stats_run(tmp, 1100, 'c')
    m1 = STATS_RE.match(lines1[0]) if len(lines1) == 1 else None
    m3 = STATS_RE.match(lines3[0]) if len(lines3) == 1 else None
    check('stats-line', m1 is not None, f'{lines1} {err1}')
    check('stats-deterministic', lines1 and lines1 == lines2,
          f'{lines1} vs {lines2} {err2}')
    if m1 and m3:
        n1, n3 = int(m1.group(1)), int(m3.group(1))
        # movz + 2 per iteration (subs, b.ne) + the wfi the vCPU sleeps in
        # (counted or not when it halts): 2001..2003
        check('stats-count', 2 * 1000 + 1 <= n1 <= 2 * 1000 + 3,
              f'{n1} instructions')
        # the loop is the only difference: 100 more iterations
        check('stats-count-delta', n3 - n1 == 200, f'{n1} -> {n3}')
        check('stats-tbs', int(m1.group(2)) >= 2, lines1)
    else:
        check('stats-count-delta', False, f'{lines1} {lines3} {err3}')
    board = write(tmp, 'stats.yaml', STATS_BOARD.encode())
    rc, _, err = run(['-M', board, '-run-timeout', '1', '-device',
                      'loader,id=g,addr=0,data=0x14000000,data-len=4'])
    check('stats-off-by-default', 'stats:' not in err, err)


def main(argv):
    global HEMU
    HEMU = os.path.abspath(argv[1])
    with tempfile.TemporaryDirectory() as tmp:
        kernel = write(tmp, 'spin.bin', words([b(0)]))
        test_help()
        test_raw_and_data(tmp, kernel)
        test_elf_cluster(tmp, kernel)
        test_hexagon(tmp)
        test_hetero_dsp(tmp, kernel)
        test_errors(tmp, kernel)
        test_cpu_num(tmp, kernel)
        test_reset_reload(tmp)
        test_stats(tmp)
    if failures:
        print(f'{len(failures)} failure(s): {", ".join(failures)}')
        return 1
    print('all passed')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
