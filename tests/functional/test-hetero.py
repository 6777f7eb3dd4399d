#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Functional tests of -M hetero-virt and its demo (docs/user/hetero.md).

Usage: test-hetero.py HEMU HETERO-ARM.elf HETERO-DSP.elf HETERO-ARM-CRASH.elf

The demo (demo/hetero/): the AArch64 program hands jobs to the Hexagon
firmware through the shared carveout and the mailbox and checks every
answer against its own computation; it exits through semihosting with 0
only when all jobs verified.  Checked here:

- multi-threaded (the default): exit 0, "DEMO PASSED" last, the DSP's
  console lines prefixed "[dsp] ", every job verified;
- deterministic (-accel tcg,thread=single -icount shift=0 -d stats), twice:
  the console output is byte-identical and so are the per-cluster
  instruction counts, which name both clusters;
- dsp-threads=1 and a second serial port for the DSP console (then
  unprefixed, in its own file);
- a firmware that faults on purpose (HETERO-ARM-CRASH.elf submits a job
  that makes the DSP fault): the ARM side names the fault, exit 1;
- a DSP with no firmware: the run ends with a clear message and a
  non-zero status (the ARM side's own bound or -run-timeout), never hangs;
- `info qtree` / `info cpus` on the monitor: both clusters, their CPUs
  and the shared devices under stable paths, the DSP held in reset
  before the ARM side releases it;
- option errors (dsp-threads, dsp-cpu, -m, dsp-kernel) name what was
  wrong, exit non-zero, never crash.

Every hemu run has a subprocess timeout, so nothing here can hang.
Exit 77 (skip) when the demo ELFs were not built (no clang-19/lld-19).
"""
import os
import re
import subprocess
import sys
import tempfile

SKIP = 77
HEMU = ARM = DSP = CRASH = None
failures = []


def check(ok, what, detail=''):
    print(f'{"ok" if ok else "FAIL"}: {what}', flush=True)
    if not ok:
        failures.append(what)
        if detail:
            print('    ' + detail.replace('\n', '\n    ')[-3000:])


def run(args, timeout=180, stdin=subprocess.DEVNULL, input_text=None):
    """(status, stdout, stderr) of hemu @args; status 'timeout' if hung."""
    try:
        p = subprocess.run([HEMU, *args], capture_output=True, text=True,
                           timeout=timeout, input=input_text,
                           stdin=None if input_text is not None else stdin)
        return p.returncode, p.stdout, p.stderr
    except subprocess.TimeoutExpired as e:
        def s(b):
            if isinstance(b, bytes):
                return b.decode(errors='replace')
            return b or ''
        return 'timeout', s(e.stdout), s(e.stderr)


def demo_args(*extra, dsp=True, arm=None):
    a = ['-M', 'hetero-virt', '-semihosting', '-nographic',
         '-kernel', arm or ARM, '-run-timeout', '150']
    if dsp:
        a += ['-device', f'loader,file={DSP},cluster=dsp']
    return a + list(extra)


def verified(out):
    """(n verified, n total) from the demo's summary line, or None."""
    m = re.search(r'(\d+)/(\d+) jobs verified', out)
    return (int(m.group(1)), int(m.group(2))) if m else None


def test_demo_mt():
    rc, out, err = run(demo_args())
    lines = [l for l in out.splitlines() if l.strip()]
    v = verified(out)
    check(rc == 0 and lines and lines[-1].strip() == 'DEMO PASSED' and
          v and v[0] == v[1] and v[1] > 0,
          'demo (multi-threaded): every job verified, DEMO PASSED, exit 0',
          f'status {rc}\n{out[-2000:]}\n{err[-1000:]}')
    check(any(l.startswith('[dsp] ') for l in lines),
          'demo: the DSP console lines are prefixed "[dsp] "', out[-1500:])


def stats_lines(err):
    return [l for l in err.splitlines() if 'stats:' in l]


def test_demo_deterministic():
    args = demo_args('-accel', 'tcg,thread=single', '-icount', 'shift=0',
                     '-d', 'stats')
    runs = [run(args, timeout=300) for _ in range(2)]
    for i, (rc, out, err) in enumerate(runs):
        check(rc == 0 and 'DEMO PASSED' in out,
              f'demo (deterministic) run {i + 1} passes',
              f'status {rc}\n{out[-1500:]}\n{err[-1000:]}')
    (rc1, out1, err1), (rc2, out2, err2) = runs
    check(out1 == out2 and out1,
          'demo (deterministic): two runs print byte-identical output',
          '\n'.join(f'{a!r} | {b!r}' for a, b in
                    zip(out1.splitlines(), out2.splitlines()) if a != b)[:2000])
    s1, s2 = stats_lines(err1), stats_lines(err2)
    check(s1 == s2 and any('/machine/cpus' in l for l in s1) and
          any('/machine/dsp' in l for l in s1),
          'demo (deterministic): the same instruction counts for both '
          'clusters in both runs', f'{s1}\n{s2}')


def test_demo_variants(tmp):
    rc, out, err = run(demo_args('-M', 'hetero-virt,dsp-threads=1'))
    check(rc == 0 and 'DEMO PASSED' in out,
          'demo with dsp-threads=1 passes', f'status {rc}\n{out[-1500:]}')
    log = os.path.join(tmp, 'dsp.log')
    args = ['-M', 'hetero-virt', '-semihosting', '-serial', 'stdio',
            '-serial', f'file:{log}', '-kernel', ARM, '-run-timeout', '150',
            '-device', f'loader,file={DSP},cluster=dsp']
    rc, out, err = run(args)
    dsp_log = open(log).read() if os.path.exists(log) else ''
    check(rc == 0 and 'DEMO PASSED' in out and '[dsp]' not in out and
          dsp_log.strip() and not dsp_log.startswith('[dsp]'),
          'a second -serial carries the DSP console, unprefixed',
          f'status {rc}\nstdout: {out[-800:]}\ndsp.log: {dsp_log[-800:]}')


def test_crash():
    rc, out, err = run(demo_args(arm=CRASH))
    check(rc == 1 and re.search(r'DSP firmware fatal', out) and
          'DEMO FAILED' in out,
          'a faulting DSP firmware: the ARM side names the fault, exit 1',
          f'status {rc}\n{out[-1500:]}\n{err[-800:]}')


def test_no_firmware():
    rc, out, err = run(demo_args(dsp=False)[:-2] + ['-run-timeout', '20'],
                       timeout=90)
    check(rc not in (0, 'timeout') and
          ('DEMO FAILED' in out or 'run timeout' in err),
          'a DSP without firmware: a clear message and a non-zero exit',
          f'status {rc}\n{out[-1000:]}\n{err[-800:]}')


def test_monitor():
    cmds = 'info qtree\ninfo cpus\ninfo mtree\nquit\n'
    rc, out, err = run(['-M', 'hetero-virt', '-kernel', ARM, '-serial',
                        'null', '-S', '-monitor', 'stdio', '-device',
                        f'loader,file={DSP},cluster=dsp'],
                       timeout=60, input_text=cmds)
    paths = ['/machine/cpus (cpu-cluster)', '/machine/cpus/cpu[0] ',
             '/machine/dsp (cpu-cluster)', '/machine/dsp/cpu[0] ',
             '/machine/dsp/cpu[3] ', '/machine/gic ', '/machine/uart0 ',
             '/machine/mailbox (hetero-mailbox)',
             '/machine/dsp-ctrl (hetero-dsp-ctrl)', '/machine/dsp-l2vic ',
             '/machine/dsp-qtimer ', '/machine/dsp-uart (pl011)']
    missing = [p for p in paths if p not in out]
    check(rc == 0 and not missing,
          'info qtree: both clusters, their CPUs and the shared devices',
          f'status {rc}, missing {missing}\n{err[-500:]}')
    held = re.findall(r'/machine/dsp/cpu\[\d\] \(hexagon\).*held in reset',
                      out)
    check(len(held) == 4,
          'info cpus: the 4 DSP threads are held in reset before release',
          out[-1500:])
    check("address space of cluster /machine/dsp" in out and
          'hetero-mailbox.dsp' in out and 'hetero-mailbox.apps' in out,
          'info mtree: each cluster sees its own view of the mailbox',
          out[-1500:])
    # Every other monitor command on the heterogeneous machine: registers
    # of each architecture (cpu N selects across clusters), xp through
    # the selected CPU's cluster (the mailbox ID register, 0x4d424f58, at
    # each cluster's own address), irq and clock wiring, stop/cont,
    # system_reset (the DSP is held in reset again).
    cmds = ('info registers\ncpu 1\ninfo registers\nxp /1wx 0xfc940000\n'
            'x /1wx 0xfc940000\n'
            'cpu 0\nxp /1wx 0x0b000000\ninfo irq\ninfo clocks\ncont\n'
            'stop\nsystem_reset\ninfo cpus\ninfo qom-tree\nquit\n')
    rc, out, err = run(['-M', 'hetero-virt', '-kernel', ARM, '-serial',
                        'null', '-S', '-monitor', 'stdio', '-device',
                        f'loader,file={DSP},cluster=dsp'],
                       timeout=60, input_text=cmds)
    checks = {
        'info registers (aarch64)': 'X00=' in out and 'PSTATE=' in out,
        'info registers (hexagon, after cpu 1)': 'R00=' in out and
        'SSR=' in out,
        'x and xp through the DSP cluster':
            out.count('00000000fc940000: 0x4d424f58') == 2,
        'xp through the ARM cluster': '000000000b000000: 0x4d424f58' in out,
        'info irq: the DSP threads\' reset lines high':
            re.search(r"/machine/dsp/cpu\[3\] in 'reset'\[0\]: level 1",
                      out) is not None,
        'info clocks: the DSP UART\'s clock':
            '/machine/dsp-uart/clk (in): 24000000 Hz' in out,
        'info qom-tree: the DSP cluster and its memory map':
            '    dsp (cpu-cluster)' in out and
            '    dsp-memory (memory-map)' in out,
        'system_reset: the DSP threads held in reset':
            len(re.findall(r'/machine/dsp/cpu\[\d\] \(hexagon\).*held in '
                           r'reset', out)) == 4,
    }
    for what, ok in checks.items():
        check(rc == 0 and ok, f'monitor on hetero-virt: {what}',
              f'status {rc}\n{out[-2500:]}\n{err[-500:]}')


def test_errors():
    cases = [
        (['-M', 'hetero-virt,dsp-threads=9'], 'dsp-threads'),
        (['-M', 'hetero-virt,dsp-threads=0'], 'dsp-threads'),
        (['-M', 'hetero-virt,dsp-cpu=v99'], "v99"),
        (['-M', 'hetero-virt', '-m', '32M'], '64 MiB'),
        (['-M', 'hetero-virt,dsp-kernel=/nonexistent/dsp.elf'],
         '/nonexistent/dsp.elf'),
        (['-M', f'hetero-virt,dsp-kernel={ARM}'], 'dsp-kernel'),
        (['-M', 'hetero-virt', '-device',
          f'loader,file={DSP},cluster=nosuch'], 'nosuch'),
    ]
    for args, word in cases:
        rc, out, err = run(args + ['-kernel', ARM, '-nographic',
                                   '-run-timeout', '10'], timeout=30)
        check(isinstance(rc, int) and rc > 0 and rc < 128 and
              word in err and 'Segmentation' not in err,
              f'error {" ".join(args)}: names "{word}", exits non-zero',
              f'status {rc}: {err[-600:]}')


def main(argv):
    global HEMU, ARM, DSP, CRASH
    if len(argv) != 5:
        print(__doc__)
        return 2
    HEMU, ARM, DSP, CRASH = (os.path.abspath(a) for a in argv[1:])
    for f in (ARM, DSP, CRASH):
        if not os.path.exists(f):
            print(f'skip: {f} was not built (clang-19 / ld.lld-19 missing?)')
            return SKIP
    with tempfile.TemporaryDirectory() as tmp:
        test_demo_mt()
        test_demo_deterministic()
        test_demo_variants(tmp)
        test_crash()
        test_no_firmware()
        test_monitor()
        test_errors()
    print(f'hetero: {len(failures)} failure(s)')
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
