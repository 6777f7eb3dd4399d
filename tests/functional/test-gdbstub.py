#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Functional tests of the gdbstub (docs/user/gdb.md).

Usage: test-gdbstub.py PATH-TO-HEMU

1. Option errors: -gdb with a bad form or an unknown cluster exits 1 with
   a message naming the value.
2. Debian's gdb-multiarch in batch mode against `hemu -M virt -cpu
   cortex-a57 -smp 2 -semihosting -S -gdb tcp::PORT` running a tiny
   AArch64 guest built here with clang-19: threads listed, a breakpoint
   at `marker`, registers and memory read there, one stepi, detach; the
   guest then finishes and hemu exits with the guest's code.
3. The raw protocol from Python: well-formed packets get the replies the
   GDB manual describes, malformed ones (bad checksum, oversized, bad
   hex, unknown threads, unmapped memory) get '-', E22 or E14, and hemu
   keeps answering; `k` ends hemu with status 0.
4. The monitor's `x` (virtual memory through the current vCPU's
   translation) against `xp` (physical), with a guest that maps one
   physical page at two virtual addresses.
Exits 77 (skip) when gdb-multiarch, clang-19, ld.lld-19 or llvm-nm-19
is missing.
"""
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time

HEMU = None
failures = []

# The guest.  cpu[0] runs it (the others stay off until PSCI CPU_ON).
# Before `marker` it stores 0xdeadbeef over data[0] and sets x0 = 42,
# x1 = &data; the instruction at `marker` adds 1 to x0 (43 after one
# stepi).  It then prints "gdb guest done" on the PL011 (0x09000000) and
# exits through semihosting SYS_EXIT_EXTENDED (0x20) with code 3.
GUEST = r'''
    .text
    .globl _start
_start:
    adr x1, data
    movz w2, #0xbeef
    movk w2, #0xdead, lsl #16
    str w2, [x1]
    mov x0, #42
    .globl marker
marker:
    add x0, x0, #1
    add x0, x0, #1
    movz x3, #0x0900, lsl #16
    adr x4, msg
1:  ldrb w5, [x4], #1
    cbz w5, 2f
    str w5, [x3]
    b 1b
2:  adr x1, block
    mov x0, #0x20
    hlt #0xf000
    .globl spin
spin:
    b spin
    .balign 8
block: .quad 0x20026, 3
    .globl data
data: .word 0x11111111, 0x22222222, 0x33333333, 0x44444444
msg: .asciz "gdb guest done\n"
'''


# A guest that turns its MMU on (EL1, 4 KiB granule, T0SZ = 25: a
# level-1 table of 1 GiB blocks) with VA 0x40000000 and 0x80000000 both
# mapped to PA 0x40000000 (block descriptor: PA | AF (bit 10) | 0b01),
# and 0xc0000000 unmapped; then it spins.  For the monitor's `x` (virtual)
# against `xp` (physical).  TCR_EL1.EPD1 (bit 23) disables TTBR1 walks.
MMU_GUEST = r'''
    .text
    .globl _start
_start:
    adr x0, l1table
    msr ttbr0_el1, x0
    mov x1, #0xff
    msr mair_el1, x1
    movz x2, #25
    movk x2, #0x80, lsl #16
    msr tcr_el1, x2
    isb
    mrs x3, sctlr_el1
    orr x3, x3, #1
    msr sctlr_el1, x3
    isb
spin:
    b spin
    .balign 4096
l1table:
    .quad 0
    .quad 0x40000401
    .quad 0x40000401
    .fill 509, 8, 0
'''


def check(name, cond, detail=''):
    if cond:
        print(f'ok {name}')
    else:
        print(f'FAIL {name}: {detail}')
        failures.append(name)


def free_port():
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


def build_guest(tmp, text=GUEST, name='guest'):
    src = os.path.join(tmp, name + '.S')
    obj = os.path.join(tmp, name + '.o')
    elf = os.path.join(tmp, name + '.elf')
    with open(src, 'w') as f:
        f.write(text)
    subprocess.run(['clang-19', '--target=aarch64-none-elf', '-c', src,
                    '-o', obj], check=True)
    subprocess.run(['ld.lld-19', '-N', '-Ttext=0x40000000', '-e', '_start',
                    obj, '-o', elf], check=True)
    return elf


def start_hemu(elf, port, extra=()):
    """hemu -S with a gdbstub on @port; returns once the port listens."""
    p = subprocess.Popen([HEMU, '-M', 'virt', '-cpu', 'cortex-a57', '-smp',
                          '2', '-semihosting', '-nographic', '-kernel', elf,
                          '-S', '-gdb', f'tcp:127.0.0.1:{port}', *extra],
                         stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True)
    deadline = time.time() + 10
    while time.time() < deadline:
        if p.poll() is not None:
            break
        try:
            socket.create_connection(('127.0.0.1', port), 0.2).close()
            # that probe was a client: let hemu see it leave
            time.sleep(0.2)
            return p
        except OSError:
            time.sleep(0.05)
    return p


def finish(p, timeout=15):
    try:
        out, err = p.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        p.kill()
        out, err = p.communicate()
        return None, out, err
    return p.returncode, out, err


def test_options():
    for name, args, err in [
        ('bad-form', ['-gdb', 'foo'], ["'foo'", 'tcp:[HOST]:PORT']),
        ('bad-port', ['-gdb', 'tcp::70000'], ['1..65535']),
        ('bad-option', ['-gdb', 'tcp::1234,bogus=1'], ["'bogus=1'",
                                                      'cluster=ID']),
    ]:
        r = subprocess.run([HEMU, *args], capture_output=True, text=True,
                           timeout=10, stdin=subprocess.DEVNULL)
        check(f'option-{name}', r.returncode == 1 and
              all(e in r.stderr for e in err), f'{r.returncode} {r.stderr}')


def test_unknown_cluster(elf):
    port = free_port()
    r = subprocess.run([HEMU, '-M', 'virt', '-semihosting', '-nographic',
                        '-kernel', elf, '-gdb',
                        f'tcp:127.0.0.1:{port},cluster=dsp'],
                       capture_output=True, text=True, timeout=10,
                       stdin=subprocess.DEVNULL)
    check('option-unknown-cluster', r.returncode == 1 and "'dsp'" in
          r.stderr and 'not a CPU cluster' in r.stderr,
          f'{r.returncode} {r.stderr}')


def test_s_option(elf):
    """-s listens on 1234 (only when that port is free here)."""
    try:
        with socket.socket() as s:
            s.bind(('', 1234))
    except OSError:
        print('skip s-option: port 1234 is in use')
        return
    p = subprocess.Popen([HEMU, '-M', 'virt', '-semihosting', '-nographic',
                          '-kernel', elf, '-S', '-s'],
                         stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True)
    r = None
    for _ in range(100):
        try:
            c = Raw(1234)
            r = c.cmd('?')[1]
            c.s.sendall(b'$k#6b')
            break
        except OSError:
            time.sleep(0.05)
    rc, _, err = finish(p)
    check('s-option', r == 'T05thread:1;' and rc == 0, f'{r} {rc} {err}')


def hmp_connect(path):
    for _ in range(200):
        try:
            s = socket.socket(socket.AF_UNIX)
            s.settimeout(10)
            s.connect(path)
            return s
        except OSError:
            s.close()
            time.sleep(0.05)
    raise RuntimeError(f'cannot connect to {path}')


def hmp(s, line):
    """Send one monitor command; its output up to the next prompt."""
    if line:
        s.sendall(line.encode() + b'\n')
    buf = b''
    while not buf.endswith(b'(hemu) '):
        chunk = s.recv(65536)
        if not chunk:
            break
        buf += chunk
    return buf.decode().replace('\r\n', '\n')[:-len('(hemu) ')]


def test_hmp_x(tmp):
    """The monitor's x reads through the guest's page tables, xp does not."""
    elf = build_guest(tmp, MMU_GUEST, 'mmu')
    sock = os.path.join(tmp, 'hmp.sock')
    p = subprocess.Popen([HEMU, '-M', 'virt', '-m', '128M', '-nographic',
                          '-kernel', elf, '-monitor',
                          f'unix:{sock},server=on,wait=off',
                          '-run-timeout', '30'],
                         stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True)
    try:
        h = hmp_connect(sock)
        hmp(h, '')
        time.sleep(0.5)             # the guest reaches `spin`
        hmp(h, 'stop')
        first = hmp(h, 'xp /1wx 0x40000000')
        alias = hmp(h, 'x /1wx 0x80000000')
        ident = hmp(h, 'x /2wx 0x40000000')
        phys = hmp(h, 'xp /1wx 0x80000000')
        hole = hmp(h, 'x /1wx 0xc0000000')
        bad = hmp(h, 'x /1q 0x0')
        hmp(h, 'quit')
    except (OSError, RuntimeError) as e:
        first = alias = ident = phys = hole = bad = repr(e)
    rc, out, err = finish(p)
    word = first.split()[-1] if first.split() else '?'
    detail = (f'xp 0x40000000: {first!r} x 0x80000000: {alias!r} '
              f'x 0x40000000: {ident!r} xp 0x80000000: {phys!r} '
              f'x 0xc0000000: {hole!r} bad: {bad!r} rc {rc} {err}')
    # 128 MiB of RAM end at 0x48000000: PA 0x80000000 is a hole
    check('hmp-x-alias', alias == f'0000000080000000: {word}\n' and
          word.startswith('0x'), detail)
    check('hmp-x-identity', ident.startswith(f'0000000040000000: {word} '),
          detail)
    check('hmp-xp-is-physical', phys == '0000000080000000: <unmapped>\n',
          detail)
    check('hmp-x-unmapped', hole == '00000000c0000000: <unmapped>\n',
          detail)
    check('hmp-x-bad-format', "x: unknown format letter 'q'" in bad,
          detail)


def test_gdb(elf):
    port = free_port()
    p = start_hemu(elf, port)
    cmds = ['set pagination off', 'set confirm off',
            f'target remote 127.0.0.1:{port}',
            'info threads', 'break *marker', 'continue',
            'info registers x0', 'p/x $x1 == (long)&data',
            'x/4wx &data', 'stepi', 'p $pc', 'info registers x0',
            'hbreak *(marker + 8)', 'continue', 'info registers x0',
            'detach']
    args = ['gdb-multiarch', '-nx', '-batch', elf]
    for c in cmds:
        args += ['-ex', c]
    try:
        g = subprocess.run(args, capture_output=True, text=True, timeout=60,
                           stdin=subprocess.DEVNULL)
        out = g.stdout + g.stderr
    except subprocess.TimeoutExpired as e:
        out = f'gdb timed out: {e.stdout} {e.stderr}'
    rc, hout, herr = finish(p)
    detail = f'gdb said:\n{out}\nhemu: {rc}\n{hout}\n{herr}'
    # two vCPUs: two threads
    check('gdb-threads', re.search(r'\b1\s+Thread 1\b', out) and
          re.search(r'\b2\s+Thread 2\b', out), detail)
    # marker is the sixth instruction: 0x40000000 + 5 * 4
    check('gdb-breakpoint', re.search(r'Breakpoint 1, 0x0*40000014 in marker',
                                      out), detail)
    # x0 at the breakpoint, after stepi, at the hardware breakpoint
    x0 = re.findall(r'^x0\s+0x([0-9a-f]+)', out, re.M)
    # 42: mov x0, #42 ran, the add at marker did not
    check('gdb-x0-at-marker', x0[:1] == ['2a'], detail)
    check('gdb-x1-is-data', '$1 = 0x1' in out, detail)
    # data[0] was overwritten by the guest; the others as assembled
    check('gdb-memory', re.search(r'0xdeadbeef\s+0x22222222\s+0x33333333'
                                  r'\s+0x44444444', out), detail)
    # one stepi: the pc moves one instruction past marker, x0 = 43
    check('gdb-stepi-pc', '<marker+4>' in out, detail)
    check('gdb-stepi-x0', x0[1:2] == ['2b'], detail)
    # hbreak two instructions past marker: both adds ran, x0 = 44
    check('gdb-hbreak', 'Hardware assisted breakpoint 2 at 0x4000001c' in
          out and re.search(r'hit Breakpoint 2, 0x0*4000001c in marker',
                            out) and
          x0[2:3] == ['2c'], detail)
    # detach resumes: the guest finishes with its code
    check('gdb-detach-finishes', rc == 3 and 'gdb guest done' in hout,
          detail)


class Raw:
    """A minimal RSP client that checks acks itself."""

    def __init__(self, port):
        self.s = socket.create_connection(('127.0.0.1', port), 5)
        self.s.settimeout(5)
        self.buf = b''

    def recv_until(self, pred):
        while not pred(self.buf):
            d = self.s.recv(65536)
            if not d:
                raise EOFError('hemu closed the connection')
            self.buf += d

    def ack(self):
        """The next ack character from hemu ('+' or '-')."""
        self.recv_until(lambda b: len(b) >= 1)
        c, self.buf = self.buf[:1], self.buf[1:]
        return c.decode()

    def packet(self):
        """The next packet's payload (checked)."""
        self.recv_until(lambda b: re.search(rb'\$[^#]*#..', b))
        m = re.search(rb'\$([^#]*)#(..)', self.buf)
        self.buf = self.buf[m.end():]
        data = m.group(1)
        assert sum(data) % 256 == int(m.group(2), 16), 'bad checksum'
        return data.decode()

    def send_raw(self, b):
        self.s.sendall(b)

    def cmd(self, payload, csum=None):
        """Send a packet; returns (ack, reply or None when NAKed)."""
        data = payload.encode() if isinstance(payload, str) else payload
        cs = sum(data) % 256 if csum is None else csum
        self.s.sendall(b'$' + data + b'#%02x' % cs)
        a = self.ack()
        if a != '+':
            return a, None
        r = self.packet()
        self.s.sendall(b'+')
        return a, r


def symbol(elf, name):
    out = subprocess.run(['llvm-nm-19', elf], capture_output=True,
                         text=True, check=True).stdout
    return int(re.search(r'^([0-9a-f]+) \w ' + name + '$', out,
                         re.M).group(1), 16)


def test_raw(elf, extra=(), tag=''):
    port = free_port()
    p = start_hemu(elf, port, extra)
    try:
        c = Raw(port)
        c.spin = symbol(elf, 'spin')
        c.data = symbol(elf, 'data')
        raw_session(c, tag)
    except (OSError, EOFError, AssertionError) as e:
        check(f'raw{tag}-session', False, repr(e))
    rc, out, err = finish(p)
    check(f'raw{tag}-kill-exits-0', rc == 0, f'{rc} {err}')


def raw_session(c, tag):
    def expect(name, payload, want, **kw):
        a, r = c.cmd(payload, **kw)
        ok = want(r) if callable(want) else r == want
        check(f'raw{tag}-{name}', a == '+' and ok, f'ack {a} reply {r!r}')
        return r

    expect('qSupported', 'qSupported:multiprocess+;xmlRegisters=i386',
           lambda r: 'PacketSize=1000' in r and
           'qXfer:features:read+' in r)
    expect('target-xml', 'qXfer:features:read:target.xml:0,ffb',
           lambda r: r.startswith('l') and 'org.gnu.gdb.aarch64.core' in r
           and '<reg name="cpsr" bitsize="32"/>' in r)
    expect('target-xml-partial', 'qXfer:features:read:target.xml:0,10',
           lambda r: r == 'm<?xml version="1')     # 16 = 0x10 bytes
    expect('stop-reason', '?', 'T05thread:1;')
    expect('threads', 'qfThreadInfo', 'm1,2')
    expect('threads-end', 'qsThreadInfo', 'l')
    expect('attached', 'qAttached', '1')
    expect('thread-alive', 'T2', 'OK')
    expect('thread-dead', 'T3', 'E22')
    expect('hg-bad-thread', 'Hg3', 'E22')
    # 31 x 8 + sp 8 + pc 8 + cpsr 4 = 268 bytes; pc = 0x40000000 (reset)
    r = expect('g', 'g', lambda r: len(r) == 268 * 2)
    if r:
        check(f'raw{tag}-g-pc', r[32 * 16:33 * 16] == '0000004000000000', r)
    expect('p-pc', 'p20', '0000004000000000')
    expect('p-bad-reg', 'p99', 'E22')
    expect('P-x5', 'P5=efcdab8967452301', 'OK')
    expect('p-x5', 'p5', 'efcdab8967452301')
    expect('P-bad-length', 'P5=12', 'E22')
    # the first instruction, adr x1, data (Arm ARM C6.2.10: immlo at
    # 30:29, 0b10000 at 28:24, immhi at 23:5, Rd at 4:0), little-endian
    off = c.data - 0x40000000
    adr = (off & 3) << 29 | 0x10 << 24 | (off >> 2) << 5 | 1
    expect('m-code', 'm40000000,4', adr.to_bytes(4, 'little').hex())
    expect('m-unmapped', 'm0,4', 'E14')
    expect('m-bad', 'mzz,4', 'E22')
    expect('M-then-m', 'M40100000,2:abcd', 'OK')
    expect('m-written', 'm40100000,2', 'abcd')
    expect('M-bad-hex', 'M40100000,2:zz', 'E22')
    expect('Z0', 'Z0,40000010,4', 'OK')
    expect('z0', 'z0,40000010,4', 'OK')
    expect('z0-absent', 'z0,40000010,4', 'E22')
    expect('Z2', 'Z2,40100000,4', 'OK')
    expect('z2', 'z2,40100000,4', 'OK')
    expect('z2-absent', 'z2,40100000,4', 'E22')
    expect('Z4-zero-length', 'Z4,40100000,0', 'E22')
    expect('Z5-unsupported', 'Z5,40100000,4', '')
    expect('unknown-packet', 'Xfoo', '')
    expect('vCont?', 'vCont?', 'vCont;c;C;s;S')
    expect('vCont-bad', 'vCont;x', 'E22')
    expect('vCont-bad-thread', 'vCont;s:9', 'E22')
    # framing errors: NAKed, then hemu still answers
    a, _ = c.cmd('g', csum=0)
    check(f'raw{tag}-bad-checksum-nak', a == '-', a)
    c.send_raw(b'$g#zz')
    check(f'raw{tag}-bad-checksum-digits-nak', c.ack() == '-')
    a, _ = c.cmd('m' + '0' * 5000)
    check(f'raw{tag}-oversized-nak', a == '-', a)
    c.send_raw(b'\xff\xfe+++garbage')
    expect('alive-after-garbage', 'qC', 'QC1')
    # a step of thread 1 stops after one instruction (adr x1, data)
    a, r = c.cmd('vCont;s:1;c')
    check(f'raw{tag}-step-stop', a == '+' and r == 'T05thread:1;', repr(r))
    expect('p-pc-after-step', 'p20', '0400004000000000')
    # a write watchpoint on data[0]: the str at 0x4000000c stores
    # 0xdeadbeef there; the stop comes after it, pc at the mov (0x10)
    expect('Z2-data', f'Z2,{c.data:x},4', 'OK')
    a, r = c.cmd('vCont;c')
    check(f'raw{tag}-watch-stop',
          a == '+' and r == f'T05thread:1;watch:{c.data:x};', repr(r))
    expect('p-pc-after-watch', 'p20', '1000004000000000')
    expect('m-watched', f'm{c.data:x},4', 'efbeadde')
    expect('z2-data', f'z2,{c.data:x},4', 'OK')
    # run from the endless loop `spin`, then ^C: SIGINT stop in thread 1
    spin = c.spin.to_bytes(8, 'little').hex()
    expect('P-pc-spin', 'P20=' + spin, 'OK')
    c.send_raw(b'$c#63')
    check(f'raw{tag}-continue-ack', c.ack() == '+')
    time.sleep(0.3)
    c.send_raw(b'\x03')
    check(f'raw{tag}-ctrl-c-stop', c.packet() == 'T02thread:1;')
    c.send_raw(b'+')
    expect('p-pc-still-spinning', 'p20', spin)
    c.s.sendall(b'$k#6b')


def main(argv):
    global HEMU
    if len(argv) != 2:
        print(__doc__)
        return 2
    HEMU = os.path.abspath(argv[1])
    test_options()
    tools = ['gdb-multiarch', 'clang-19', 'ld.lld-19', 'llvm-nm-19']
    missing = [t for t in tools if not shutil.which(t)]
    if missing:
        print(f'skip: need {", ".join(missing)}')
        return 77 if not failures else 1
    with tempfile.TemporaryDirectory() as tmp:
        elf = build_guest(tmp)
        test_unknown_cluster(elf)
        test_raw(elf)
        # the same with one thread running every vCPU in turn
        test_raw(elf, ['-accel', 'tcg,thread=single'], '-rr')
        test_s_option(elf)
        test_gdb(elf)
        test_hmp_x(tmp)
    if failures:
        print(f'{len(failures)} failure(s): {", ".join(failures)}')
        return 1
    print('all passed')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
