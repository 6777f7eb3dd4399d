#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Building a machine over QMP alone (-preconfig, docs/user/preconfig.md).

Usage: test-preconfig.py PATH-TO-HEMU [ARM-HELLO.elf DSP-HELLO.elf]

hemu starts with nothing but an empty machine and a QMP socket:
  hemu -M none -preconfig -qmp unix:DIR/qmp.sock,server=on,wait=off
A client written against the wire protocol (socket + json, no hemu code)
then builds a machine with one AArch64 CPU and one Hexagon thread, RAM for
each (the Hexagon's in an address map of its own), a PL011 UART for each
writing to a file chardev, and a loader for each program; x-exit-preconfig
builds and starts it, and both programs' lines must arrive in their files
(arm-hello.S, dsp-hello.S: tests/functional/preconfig/).  Without the two
ELFs (no clang-19), that part is skipped and the rest still runs: the
preconfig state (query-status, commands refused before the build, builder
commands refused after it), and every builder command's errors.
hemu is killed whatever happens.
"""
import json
import os
import socket
import subprocess
import sys
import tempfile
import time

from qmplib import Client

failures = []


def check(name, cond, detail=''):
    if cond:
        print(f'ok {name}')
    else:
        print(f'FAIL {name}: {detail}')
        failures.append(name)


def ok(c, name, cmd, args=None):
    r = c.cmd(cmd, args)
    check(name, 'return' in r, json.dumps(r)[:400])
    return r.get('return')


def err(c, name, cmd, args, fragment):
    r = c.cmd(cmd, args)
    e = r.get('error', {})
    check(name, e.get('class') == 'GenericError' and
          fragment in e.get('desc', ''), json.dumps(r)[:400])


def wait_for(path, text, timeout=20):
    end = time.time() + timeout
    while time.time() < end:
        if os.path.exists(path):
            with open(path, errors='replace') as f:
                if text in f.read():
                    return True
        time.sleep(0.05)
    return False


def build_errors(c):
    """Each builder command refuses bad input with a clear message."""
    err(c, 'cluster-bad-arch', 'machine-add-cluster',
        {'id': 'x', 'arch': 'sparc'}, 'arch')
    err(c, 'cluster-bad-map', 'machine-add-cluster',
        {'id': 'x', 'arch': 'aarch64', 'memory': 'nosuch'},
        "no memory map 'nosuch' (add it with machine-add-map)")
    err(c, 'cluster-bad-prop', 'machine-add-cluster',
        {'id': 'x', 'arch': 'aarch64', 'num-cpus': 'many'}, 'num-cpus')
    err(c, 'cluster-prop-kind', 'machine-add-cluster',
        {'id': 'x', 'arch': 'aarch64', 'num-cpus': [1]},
        "property 'num-cpus': expected a string, an integer or a boolean")
    err(c, 'device-bad-type', 'machine-add-device',
        {'id': 'x', 'type': 'no-such-device'}, 'no-such-device')
    err(c, 'device-dup-id', 'machine-add-device',
        {'id': 'uart0', 'type': 'pl011'}, "duplicate id 'uart0'")
    err(c, 'map-dup-id', 'machine-add-map', {'id': 'dspmap'},
        "duplicate id 'dspmap'")
    err(c, 'irq-dangling', 'machine-connect-irq',
        {'from': 'nosuch[0]', 'to': 'apps.cpu[0][0]'},
        "'nosuch[0]': no device 'nosuch' in this machine (add it with "
        "machine-add-device)")
    err(c, 'irq-syntax', 'machine-connect-irq',
        {'from': 'gate', 'to': 'apps.cpu[0][0]'}, 'expected DEVICE[N]')
    err(c, 'irq-index', 'machine-connect-irq',
        {'from': 'gate[0]', 'to': 'apps.cpu[0][99]'}, 'to: ')
    err(c, 'clock-no-output', 'machine-connect-clock',
        {'from': 'uart0.clk', 'to': 'uart1.clk'}, "no output clock 'clk'")
    err(c, 'map-two-kinds', 'machine-map-memory',
        {'object': 'arm-ram', 'device': 'uart0', 'address': 0},
        "exactly one of 'object', 'device' and 'alias'")
    err(c, 'map-no-object', 'machine-map-memory',
        {'object': 'nosuch', 'address': 0}, "no object 'nosuch'")
    err(c, 'map-overlap', 'machine-map-memory',
        {'alias': 'arm-ram', 'size': 4096, 'address': 0x400ff000},
        'overlaps [0x40000000, 0x400fffff]')
    err(c, 'map-twice', 'machine-map-memory',
        {'object': 'arm-ram', 'address': 0x80000000, 'priority': 1},
        'is already mapped')
    err(c, 'map-negative', 'machine-map-memory',
        {'object': 'dsp-ram', 'address': -1}, 'must not be negative')
    err(c, 'map-alias-range', 'machine-map-memory',
        {'alias': 'dsp-ram', 'offset': 0x100000, 'address': 0x90000000},
        'is not inside it')
    err(c, 'cpu-index', 'machine-set-cpu', {'cluster': 'dsp', 'cpu': 1,
                                            'boot-pc': 0},
        'cpu 1 is not a CPU of cluster')
    err(c, 'cpu-no-cluster', 'machine-set-cpu', {'cluster': 'nosuch'},
        "no CPU cluster 'nosuch'")
    err(c, 'chardev-bad-data', 'chardev-add',
        {'id': 'c9', 'backend': {'type': 'file', 'data': {'path': 'x'}}},
        "unexpected member 'path'")


def main():
    hemu = os.path.abspath(sys.argv[1])
    elfs = [os.path.abspath(a) for a in sys.argv[2:4]]
    have_elfs = len(elfs) == 2 and all(os.path.exists(e) for e in elfs)
    tmp = tempfile.mkdtemp(prefix='hemu-preconfig-')
    sock = os.path.join(tmp, 'qmp.sock')
    outs = [os.path.join(tmp, 'arm.out'), os.path.join(tmp, 'dsp.out')]

    r = subprocess.run([hemu, '-M', 'none', '-preconfig'],
                       capture_output=True, text=True, timeout=30)
    check('needs-qmp', r.returncode != 0 and
          'a QMP monitor is needed' in r.stderr, r.stderr)

    proc = subprocess.Popen([hemu, '-M', 'none', '-preconfig', '-qmp',
                             f'unix:{sock},server=on,wait=off',
                             '-run-timeout', '60'],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    try:
        c = Client(socket.AF_UNIX, sock)
        ok(c, 'capabilities', 'qmp_capabilities')
        st = ok(c, 'status-preconfig', 'query-status')
        check('status-is-preconfig', st == {'running': False,
                                            'status': 'preconfig'}, st)
        err(c, 'stop-refused', 'stop', None, 'preconfig state')
        err(c, 'reset-refused', 'system_reset', None, 'preconfig state')
        schema = ok(c, 'schema', 'query-qmp-schema') or []
        pre = {e['name'] for e in schema if e.get('allow-preconfig')}
        check('schema-allow-preconfig', {'machine-add-cluster',
                                         'x-exit-preconfig', 'qom-get'} <= pre
              and 'stop' not in pre, sorted(pre))

        # the machine: RAM, maps, clusters, UARTs, programs
        for i, out in enumerate(outs):
            ok(c, f'chardev-add-{i}', 'chardev-add',
               {'id': f'c{i}', 'backend': {'type': 'file',
                                           'data': {'out': out}}})
        ok(c, 'ram-arm', 'object-add', {'qom-type': 'memory-backend-ram',
                                        'id': 'arm-ram', 'size': 0x100000})
        ok(c, 'ram-dsp', 'object-add', {'qom-type': 'memory-backend-ram',
                                        'id': 'dsp-ram', 'size': '1M'})
        ok(c, 'map-arm-ram', 'machine-map-memory',
           {'object': 'arm-ram', 'address': 0x40000000})
        ok(c, 'add-map', 'machine-add-map', {'id': 'dspmap'})
        ok(c, 'map-dsp-ram', 'machine-map-memory',
           {'object': 'dsp-ram', 'address': 0, 'map': 'dspmap'})
        ok(c, 'cluster-arm', 'machine-add-cluster',
           {'id': 'apps', 'arch': 'aarch64', 'cpu-type': 'cortex-a53-aarch64-cpu',
            'num-cpus': 1})
        ok(c, 'cluster-dsp', 'machine-add-cluster',
           {'id': 'dsp', 'arch': 'hexagon', 'memory': 'dspmap',
            'cpu-type': 'v68-hexagon-cpu', 'num-cpus': 1})
        ok(c, 'cpu-props', 'machine-set-cpu',
           {'cluster': 'dsp', 'stop-powers-off': False})
        got = ok(c, 'cpu-prop-set', 'qom-get',
                 {'path': '/machine/dsp/cpu[0]',
                  'property': 'stop-powers-off'})
        check('cpu-prop-value', got is False, got)
        for i, (mp, addr) in enumerate([(None, 0x09000000),
                                        ('dspmap', 0x10000000)]):
            ok(c, f'uart{i}', 'machine-add-device',
               {'id': f'uart{i}', 'type': 'pl011',
                'chardev': f'/chardevs/c{i}'})
            args = {'device': f'uart{i}', 'address': addr}
            if mp:
                args['map'] = mp
            ok(c, f'map-uart{i}', 'machine-map-memory', args)
        ok(c, 'gate', 'machine-add-device',
           {'id': 'gate', 'type': 'or-irq', 'num-lines': 2})
        ok(c, 'irq', 'machine-connect-irq',
           {'from': 'gate[0]', 'to': 'apps.cpu[0][0]'})
        build_errors(c)
        if have_elfs:
            for i, (elf, cl) in enumerate(zip(elfs, ['apps', 'dsp'])):
                ok(c, f'loader-{cl}', 'machine-add-device',
                   {'id': f'load-{cl}', 'type': 'loader', 'file': elf,
                    'cluster': cl, 'cpu-num': 0})
        tree = ok(c, 'qom-list', 'qom-list', {'path': '/machine'}) or []
        names = {p['name'] for p in tree}
        check('tree', {'apps', 'dsp', 'dspmap', 'uart0', 'uart1',
                       'gate'} <= names, sorted(names))

        ok(c, 'exit-preconfig', 'x-exit-preconfig')
        st = ok(c, 'status-running', 'query-status')
        check('status-is-running', st and st['status'] == 'running', st)
        err(c, 'builder-after-build', 'machine-add-map', {'id': 'late'},
            'the machine is already built')
        err(c, 'exit-twice', 'x-exit-preconfig', None, 'already built')
        if have_elfs:
            check('arm-output', wait_for(outs[0], 'hello from aarch64\n'),
                  open(outs[0]).read() if os.path.exists(outs[0]) else '')
            check('dsp-output', wait_for(outs[1], 'hello from hexagon\n'),
                  open(outs[1]).read() if os.path.exists(outs[1]) else '')
        else:
            print('skip programs: arm-hello.elf/dsp-hello.elf not built')
        ok(c, 'quit', 'quit')
        rc = proc.wait(timeout=30)
        check('exit-status', rc == 0, f'{rc} {proc.stderr.read()}')
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()

    # quit before the build: nothing runs, exit 0
    sock2 = os.path.join(tmp, 'qmp2.sock')
    proc = subprocess.Popen([hemu, '-M', 'none', '-preconfig', '-qmp',
                             f'unix:{sock2},server=on,wait=off'],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    try:
        c = Client(socket.AF_UNIX, sock2)
        ok(c, 'capabilities-2', 'qmp_capabilities')
        ok(c, 'add-device-2', 'machine-add-device',
           {'id': 'gate', 'type': 'or-irq'})
        ok(c, 'quit-2', 'quit')
        rc = proc.wait(timeout=30)
        check('quit-before-build', rc == 0, f'{rc} {proc.stderr.read()}')
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()

    print(f'{len(failures)} failure(s)')
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
