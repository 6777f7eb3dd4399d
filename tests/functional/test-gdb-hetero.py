#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""GDB on the ARM cluster and LLDB on the Hexagon DSP of one running
-M hetero-virt (docs/user/gdb.md, "Heterogeneous machines").

Usage: test-gdb-hetero.py PATH-TO-HEMU HETERO-ARM.ELF HETERO-DSP.ELF

One hemu runs the demo (demo/hetero/) with two gdbstubs and -S:
    -gdb tcp:127.0.0.1:P1,cluster=cpus -gdb tcp:127.0.0.1:P2,cluster=dsp

1. gdb-multiarch (batch) on the ARM side: break at demo_gic_init
   (main calls it with intids = {80, 81, 27} and n = 3, after printing
   the banner and before "24 jobs prepared"), read x0/x1 and the array
   at x0, stepi over its first instruction (`mrs x8, ID_AA64PFR0_EL1`:
   pc + 4, x8[27:24] = 1, the GICv3 system registers the program then
   relies on), then a write watchpoint on the ring's head (the carveout
   at ARM 0x47000000, head at offset 8) stops after submit_batch's
   first store of 4 (DEMO_BATCH).  GDB then waits (a `shell` loop) for
   LLDB to be set up: the machine stays stopped.
2. lldb-19 (batch) on the DSP: target create of the firmware, gdb-remote,
   a breakpoint at fw_run_job; it signals GDB, which continues.  Both
   clients resumed, so the machine runs; the DSP hits fw_run_job for job
   0, which stops the whole machine (GDB sees SIGINT and detaches).  LLDB
   reads r0 (the descriptor, DSP 0x80000100: carveout + DEMO_JOBS_OFF),
   r1 (4 threads, as the firmware's banner says), the descriptor
   ({id 0, kind 1 = FIR, src, len 1024}), lists the 4 hardware threads,
   reads sp (r29), writes r5 and P3:0 and reads them back (caller-saved
   at a call, so the firmware is unaffected), steps one packet (pc advances
   by the packet's size, read from the ELF), and sets a write watchpoint
   on the ring's done counter (DSP 0x80000010) that stops after the
   firmware counts job 0 (0 -> 1).  It then detaches and the demo runs to
   DEMO PASSED (exit 0).
The two debuggers run one after another where all-stop requires it: a
client's step or continue runs the machine only once every connected
client has resumed.
Exits 77 (skip) when gdb-multiarch or lldb-19 or the demo ELFs are
missing.
"""
import os
import re
import socket
import shutil
import struct
import subprocess
import sys
import tempfile
import time

failures = []


def check(cond, what, detail=''):
    if not cond:
        failures.append(what)
        print('FAIL: %s%s' % (what, ('\n' + detail) if detail else ''))


def free_port():
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


def wait_port(port, proc, timeout=20):
    end = time.time() + timeout
    while time.time() < end and proc.poll() is None:
        try:
            socket.create_connection(('127.0.0.1', port), 0.5).close()
            return True
        except OSError:
            time.sleep(0.1)
    return False


def elf_word(path, addr):
    """The 32-bit little-endian word at virtual @addr of ELF32 @path."""
    data = open(path, 'rb').read()
    phoff, = struct.unpack_from('<I', data, 28)
    phentsize, phnum = struct.unpack_from('<HH', data, 42)
    for i in range(phnum):
        (ptype, off, vaddr, _pa, filesz,
         _m, _f, _a) = struct.unpack_from('<8I', data, phoff + i * phentsize)
        if ptype == 1 and vaddr <= addr < vaddr + filesz:
            return struct.unpack_from('<I', data, off + addr - vaddr)[0]
    raise ValueError('0x%x not in %s' % (addr, path))


def packet_size(path, pc):
    """Bytes of the Hexagon packet at @pc: words up to the one whose
    parse bits [15:14] are 0b11 (end) or 0b00 (a duplex, also the end)."""
    n = 0
    while True:
        w = elf_word(path, pc + 4 * n)
        n += 1
        if (w >> 14) & 3 in (0, 3) or n == 4:
            return 4 * n


def symbol(path, name):
    out = subprocess.run(['llvm-nm-19', path], capture_output=True,
                         text=True).stdout
    m = re.search(r'^([0-9a-f]+) [Tt] %s$' % re.escape(name), out, re.M)
    return int(m.group(1), 16) if m else None


def main():
    hemu, arm_elf, dsp_elf = sys.argv[1:4]
    for tool in ('gdb-multiarch', 'lldb-19', 'llvm-nm-19'):
        if not shutil.which(tool):
            print('SKIP: %s not installed' % tool)
            return 77
    for f in (arm_elf, dsp_elf):
        if not os.path.exists(f):
            print('SKIP: %s not built' % f)
            return 77
    gic_init = symbol(arm_elf, 'demo_gic_init')
    run_job = symbol(dsp_elf, 'fw_run_job')
    check(gic_init is not None and run_job is not None, 'symbols found')
    if failures:
        return 1
    step_to = run_job + packet_size(dsp_elf, run_job)

    tmp = tempfile.mkdtemp(prefix='hemu-gdb-hetero-')
    gdb_ready = os.path.join(tmp, 'gdb-ready')
    lldb_ready = os.path.join(tmp, 'lldb-ready')
    p1, p2 = free_port(), free_port()
    out_path = os.path.join(tmp, 'console.txt')
    out = open(out_path, 'w')
    proc = subprocess.Popen(
        [hemu, '-M', 'hetero-virt', '-semihosting', '-nographic',
         '-kernel', arm_elf,
         '-device', 'loader,file=%s,cluster=dsp' % dsp_elf,
         '-gdb', 'tcp:127.0.0.1:%d,cluster=cpus' % p1,
         '-gdb', 'tcp:127.0.0.1:%d,cluster=dsp' % p2, '-S',
         '-run-timeout', '120'],
        stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT)
    gdb = lldb = gdb_log = None
    try:
        if not (wait_port(p1, proc) and wait_port(p2, proc)):
            raise subprocess.TimeoutExpired(['hemu (gdbstubs listening)'],
                                            20)
        # the ARM side; the shell loop holds the machine for LLDB
        wait = ('shell for i in $(seq 600); do [ -e %s ] && break; '
                'sleep 0.1; done' % lldb_ready)
        gdb_cmds = [
            'set pagination off', 'set confirm off',
            'target remote 127.0.0.1:%d' % p1,
            'break demo_gic_init', 'continue',
            'echo @@regs\\n', 'info registers x0 x1 pc',
            'echo @@intids\\n', 'x/3wx $x0',
            'echo @@console\\n', 'shell cat %s' % out_path,
            'echo @@stepi\\n', 'stepi', 'info registers pc x8',
            'delete',
            'watch *(unsigned int *)0x47000008', 'continue',
            'echo @@watched\\n', 'delete',
            'shell touch %s' % gdb_ready, wait,
            'continue', 'echo @@after-dsp\\n', 'detach',
        ]
        args = ['gdb-multiarch', '-nx', '-batch', arm_elf]
        for c in gdb_cmds:
            args += ['-ex', c]
        gdb_log = open(os.path.join(tmp, 'gdb.txt'), 'w')
        gdb = subprocess.Popen(args, stdin=subprocess.DEVNULL,
                               stdout=gdb_log, stderr=subprocess.STDOUT)
        end = time.time() + 60
        while not os.path.exists(gdb_ready) and time.time() < end and \
                gdb.poll() is None:
            time.sleep(0.1)
        check(os.path.exists(gdb_ready), 'GDB reached the hand-over')

        lldb_cmds = [
            'target create %s' % dsp_elf,
            'gdb-remote 127.0.0.1:%d' % p2,
            # at the entry (-n would skip the prologue): r0, r1 = arguments
            'breakpoint set -a 0x%x' % run_job,
            # LLDB's embedded Python: no platform shell on a gdb-remote
            'script open(%r, "w").close()' % lldb_ready,
            'continue',
            'register read r0 r1 pc',
            'memory read -s4 -fx -c4 $r0',
            'thread list',
            'register read sp',
            # caller-saved at a call: the firmware does not notice
            'register write r5 0x12345678',
            'register write p3_0 0x01ff00ff',
            'register read r5 p3_0',
            'thread step-inst',
            'register read pc',
            'breakpoint delete -f',
            'watchpoint set expression -w write -s 4 -- 0x80000010',
            'continue',
            'register read pc',
            'watchpoint delete -f',
            'process detach',
        ]
        args = ['lldb-19', '--no-lldbinit', '-b']
        for c in lldb_cmds:
            args += ['-o', c]
        lldb = subprocess.run(args, stdin=subprocess.DEVNULL,
                              capture_output=True, text=True, timeout=120)
        gdb.wait(timeout=60)
        status = proc.wait(timeout=120)
    except subprocess.TimeoutExpired as e:
        check(False, 'no hang (%s)' % e.cmd[0])
        status = 'timeout'
    finally:
        for p in (gdb, proc):
            if p and p.poll() is None:
                p.kill()
                p.wait()
        out.close()
        if gdb_log:
            gdb_log.close()
    console = open(out_path).read()
    gdb_out = open(gdb_log.name).read() if gdb_log else ''
    if status == 'timeout':
        print('--- gdb:\n%s\n--- console:\n%s' % (gdb_out, console))
        if lldb:
            print('--- lldb:\n%s' % (lldb.stdout + lldb.stderr))
        shutil.rmtree(tmp, ignore_errors=True)
        return 1
    check_gdb(gdb_out, gic_init)
    check_lldb(lldb.stdout + lldb.stderr, run_job, step_to)
    check(status == 0 and 'DEMO PASSED' in console,
          'the demo still passes (status %s)' % status, console[-2000:])
    shutil.rmtree(tmp, ignore_errors=True)
    if failures:
        print('%d failure(s)' % len(failures))
        return 1
    print('gdb-hetero: all passed')
    return 0


def section(out, name):
    m = re.search(r'@@%s\n(.*?)(?=@@|\Z)' % name, out, re.S)
    return m.group(1) if m else ''


def reg(text, name):
    m = re.search(r'^\s*%s\s+0x([0-9a-f]+)' % name, text, re.M)
    return int(m.group(1), 16) if m else None


def check_gdb(out, gic_init):
    regs = section(out, 'regs')
    check('Breakpoint 1, ' in out and 'demo_gic_init' in out,
          'GDB stops at demo_gic_init', out)
    check(reg(regs, 'x1') == 3, 'x1 = n = 3', regs)
    check(reg(regs, 'pc') == gic_init, 'pc = demo_gic_init', regs)
    # DEMO_ARM_MAILBOX_INTID, DEMO_ARM_DSPCTRL_INTID, the virtual timer
    # PPI (27), proto.h / arm.h
    check(re.search(r'0x00000050\s+0x00000051\s+0x0000001b',
                    section(out, 'intids')), 'x/3wx $x0 = 80 81 27',
          section(out, 'intids'))
    cons = section(out, 'console')
    check('hetero demo: AArch64' in cons and 'jobs prepared' not in cons,
          'stopped after the banner, before "jobs prepared"', cons)
    st = section(out, 'stepi')
    x8 = reg(st, 'x8')
    check(reg(st, 'pc') == gic_init + 4, 'stepi: pc + 4', st)
    check(x8 is not None and (x8 >> 24) & 0xf == 1,
          'stepi ran mrs: x8[27:24] = 1 (GICv3 system registers)', st)
    check(re.search(r'Hardware watchpoint \d+: \*\(unsigned int \*\)'
                    r'0x47000008\s+Old value = 0\s+New value = 4', out),
          'GDB watchpoint on ring head: 0 -> 4', out)
    check('SIGINT' in section(out, 'after-dsp') or
          'SIGINT' in out.split('@@watched')[-1],
          'GDB sees the DSP stop as SIGINT', out)


def check_lldb(out, run_job, step_to):
    check(re.search(r'stop reason = breakpoint 1', out),
          'LLDB stops at fw_run_job', out)
    check(re.search(r'r0 = 0x80000100', out), 'r0 = job 0 descriptor', out)
    check(re.search(r'r1 = 0x00000004', out), 'r1 = 4 threads', out)
    check(re.search(r'pc = 0x%08x' % run_job, out), 'pc = fw_run_job', out)
    check(re.search(r'0x80000100: 0x00000000 0x00000001 0x[0-9a-f]{8} '
                    r'0x00000400', out),
          'descriptor: id 0, kind FIR, len 1024', out)
    check(re.search(r'thread #4: tid = 0x0004', out) and
          'thread #5' not in out, 'four hardware threads', out)
    check(re.search(r'r29 = 0x[0-9a-f]{8}', out), 'sp is r29', out)
    check(re.search(r'r5 = 0x12345678\s+p3_0 = 0x01ff00ff', out),
          'r5 and p3_0 written and read back', out)
    check(re.search(r'stop reason = instruction step into', out) and
          re.search(r'pc = 0x%08x' % step_to, out),
          'thread step-inst: one packet (to 0x%x)' % step_to, out)
    check(re.search(r'Watchpoint 1 hit:\s*old value: 0\s*new value: 1',
                    out), 'LLDB watchpoint on ring done: 0 -> 1', out)
    check('Process 1 detached' in out, 'LLDB detaches', out)


if __name__ == '__main__':
    sys.exit(main())
