#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Functional tests of hemu's command line (docs/user/cli.md).

Usage: test-cli.py PATH-TO-HEMU

Runs the built binary as a user would and checks exit statuses and the
messages users see: help and listings, every kind of bad option (exit 1
with a message naming the option and the value), the run timeout (exit 2)
and a clean stop on SIGTERM (exit 0).  The expected texts come from the
user documentation, not from the implementation.  Whole suite: ~2 s.
"""
import os
import signal
import subprocess
import sys
import time

HEMU = None
failures = []


def run(*args, timeout=10):
    """Run hemu with @args; return (status, stdout, stderr)."""
    p = subprocess.run([HEMU, *args], capture_output=True, text=True,
                       timeout=timeout, stdin=subprocess.DEVNULL)
    return p.returncode, p.stdout, p.stderr


def check(name, cond, detail=''):
    if cond:
        print(f'ok {name}')
    else:
        print(f'FAIL {name}: {detail}')
        failures.append(name)


def expect(name, args, status, out=(), err=()):
    """hemu ARGS exits with @status; stdout/stderr contain the strings."""
    rc, so, se = run(*args)
    detail = f'status {rc}\nstdout: {so[:2000]}\nstderr: {se[:2000]}'
    ok = rc == status and all(s in so for s in out) and \
        all(s in se for s in err)
    check(name, ok, detail)
    return so, se


def test_help_and_listings():
    expect('version', ['--version'], 0, out=['hemu version '])
    expect('version-single-dash', ['-version'], 0, out=['hemu version '])
    options = ['-help', '-version', '-machine', '-M', '-cpu', '-smp', '-m ',
               '-kernel', '-initrd', '-append', '-dtb', '-device', '-object',
               '-chardev', '-serial', '-nographic', '-d ', '-D ', '-dfilter',
               '-S ', '-no-reboot', '-no-shutdown', '-run-timeout',
               '-accel', '-icount', '-target', '-qmp', '-mon', '-monitor']
    so, _ = expect('help', ['--help'], 0, out=['usage: hemu'] + options)
    expect('help-short', ['-h'], 0, out=['usage: hemu'])
    so, _ = expect('machine-help', ['-M', 'help'], 0, out=['none'])
    line = [l for l in so.splitlines() if l.split()[:1] == ['none']]
    check('machine-help-default', line and '(default)' in line[0],
          f'none line: {line}')
    expect('device-help', ['-device', 'help'], 0, out=['Devices'])
    expect('object-help', ['-object', 'help'], 0,
           out=['memory-backend-ram', 'memory-backend-file'])
    # Properties of a type: name, type, description, default.
    expect('object-type-help', ['-object', 'memory-backend-ram,help'], 0,
           out=['size=<size>', 'share=<bool>', '(default: '])
    expect('log-help', ['-d', 'help'], 0, out=['in_asm', 'guest_errors'])
    expect('cpu-help', ['-cpu', 'help'], 0,
           out=['Available CPU models for aarch64:', 'cortex-a53',
                'cortex-a57', 'max'])
    expect('chardev-help', ['-chardev', 'help'], 0,
           out=['socket', 'file', 'stdio', 'null', 'pty'])


def test_errors():
    expect('unknown-option', ['-frobnicate'], 1,
           err=["unknown option '-frobnicate'", '--help'])
    expect('missing-argument', ['-m'], 1, err=["'-m' needs an argument"])
    expect('bad-m', ['-M', 'none', '-m', 'lots'], 1,
           err=['-m', "'lots'"])
    expect('zero-m', ['-M', 'none', '-m', '0'], 1, err=['-m', 'more than 0'])
    expect('unknown-machine', ['-M', 'pdp11'], 1,
           err=["unknown machine 'pdp11'", 'none'])
    expect('unknown-log-item', ['-d', 'colours'], 1,
           err=["unknown log item 'colours'", 'in_asm'])
    expect('unknown-object-type', ['-object', 'frob,id=x'], 1,
           err=['-object', "unknown object type 'frob'"])
    expect('object-bad-property', ['-M', 'none', '-object',
                                   'memory-backend-ram,id=m0,size=1M,'
                                   'colour=red'], 1,
           err=['-object memory-backend-ram,id=m0', 'colour'])
    expect('object-bad-value', ['-M', 'none', '-object',
                                'memory-backend-ram,id=m0,size=huge'], 1,
           err=['-object memory-backend-ram,id=m0', 'huge'])
    expect('object-missing-id', ['-M', 'none', '-object',
                                 'memory-backend-ram,size=1M'], 1,
           err=['missing id=ID'])
    expect('unknown-serial', ['-M', 'none', '-serial', 'parrot'], 1,
           err=["unknown serial device 'parrot'"])
    expect('unknown-chardev-backend', ['-M', 'none', '-chardev',
                                       'carrier-pigeon,id=c0'], 1,
           err=["unknown backend 'carrier-pigeon'"])
    expect('chardev-socket-both', ['-M', 'none', '-chardev',
                                   'socket,id=c0,path=/tmp/x.sock,host=a'],
           1, err=["chardev 'c0'", 'not both'])
    expect('bad-smp', ['-M', 'none', '-smp', '2'], 1,
           err=['none', 'at most 0'])
    expect('bad-run-timeout', ['-run-timeout', 'soon'], 1,
           err=['-run-timeout', "'soon'"])
    expect('stray-argument', ['disk.img'], 1,
           err=["unexpected argument 'disk.img'"])


def test_run_timeout():
    t0 = time.monotonic()
    expect('run-timeout', ['-M', 'none', '-run-timeout', '1'], 2,
           err=['hemu: run timeout of 1 s reached'])
    took = time.monotonic() - t0
    check('run-timeout-duration', 0.9 <= took < 5, f'took {took:.2f} s')
    # A -chardev used by -serial chardev:ID is accepted and runs.
    expect('chardev-serial-run', ['-M', 'none', '-chardev', 'null,id=c0',
                                  '-serial', 'chardev:c0', '-run-timeout',
                                  '1'], 2, err=['run timeout of 1 s'])


def test_accel():
    """-accel, -icount and -target (issue "TCG engine")."""
    expect('accel-help', ['-accel', 'help'], 0, out=['tcg', 'backend='])
    expect('target-help', ['-target', 'help'], 0, out=['Targets'])
    expect('target-bad', ['-target', 'arm'], 1, err=["-target: 'arm'"])
    expect('accel-unknown', ['-accel', 'kvm'], 1,
           err=["unknown accelerator in 'kvm'", 'accepted: tcg'])
    expect('accel-bad-backend', ['-accel', 'tcg,backend=foo'], 1,
           err=["'foo'", 'jit, interp'])
    for opts in ('tcg', 'tcg,backend=interp', 'tcg,thread=single,quantum=64'):
        expect('accel-run ' + opts, ['-accel', opts, '-M', 'none',
                                     '-run-timeout', '1'], 2,
               err=['run timeout of 1 s'])
    expect('icount-run', ['-icount', 'shift=2', '-M', 'none',
                          '-run-timeout', '1'], 2, err=['run timeout'])
    expect('icount-bad', ['-icount', 'shift=99'], 1, err=['-icount'])


def test_sigterm():
    p = subprocess.Popen([HEMU, '-M', 'none', '-m', '64M', '-object',
                          'memory-backend-ram,id=m0,size=1M',
                          '-serial', 'null'],
                         stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True)
    time.sleep(0.5)
    alive = p.poll() is None
    p.send_signal(signal.SIGTERM)
    try:
        so, se = p.communicate(timeout=5)
    except subprocess.TimeoutExpired:
        p.kill()
        so, se = p.communicate()
    check('sigterm-was-running', alive, f'exited early: {p.returncode} {se}')
    check('sigterm-exit-0', p.returncode == 0,
          f'status {p.returncode}, stderr: {se}')


def main(argv):
    global HEMU
    if len(argv) != 2 or not os.access(argv[1], os.X_OK):
        print('usage: test-cli.py PATH-TO-HEMU', file=sys.stderr)
        return 2
    HEMU = argv[1]
    test_help_and_listings()
    test_errors()
    test_run_timeout()
    test_accel()
    test_sigterm()
    print(f'{len(failures)} failed' if failures else 'all passed')
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
