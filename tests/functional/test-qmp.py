#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Functional tests of hemu's QMP server (docs/user/qmp.md).

Usage: test-qmp.py PATH-TO-HEMU

A QMP client written only against the wire protocol (Python's socket and
json, no hemu code) talks to one hemu started as
  hemu -M none -m 16M -qmp unix:DIR/qmp.sock,server=on,wait=off
       -chardev socket,id=c1,path=DIR/mon.sock,server=on,wait=off
       -mon chardev=c1,mode=control -qmp tcp:127.0.0.1:PORT,server=on,wait=off
       -run-timeout 30
and checks the greeting, negotiation, every command with a successful and
a failing call, events, introspection, malformed input, several monitors
at once and reconnecting; a second run with -S starts paused.  Expected values come from the protocol
description and the command line (16M is 16777216 bytes), not from the
implementation.  hemu is killed whatever happens.

Then machines with CPUs: virt -smp 2 (query-cpus-fast against `info
cpus`, pmemsave/memsave of bytes a -device loader wrote, device_add and
device_del of loaders, inject-nmi refused for aarch64), V66G_1024 -smp 4
running tests/tcg/hexagon/nmi.elf (built beside hemu; that part is
skipped without it) which waits for the NMI that inject-nmi sends, and
hetero-virt (both clusters, NMIs per cluster).
"""
import json
import os
import socket
import subprocess
import sys
import tempfile
import time

from qmplib import Client

HEMU = None
failures = []


def check(name, cond, detail=''):
    if cond:
        print(f'ok {name}')
    else:
        print(f'FAIL {name}: {detail}')
        failures.append(name)


def ok(name, r, pred=lambda v: True):
    check(name, 'return' in r and pred(r['return']), json.dumps(r)[:600])
    return r.get('return')


def err(name, r, cls='GenericError', words=()):
    e = r.get('error', {})
    check(name, e.get('class') == cls and
          all(w in e.get('desc', '') for w in words), json.dumps(r)[:600])


def test_greeting_and_negotiation(c):
    g = c.greeting.get('QMP', {})
    v = g.get('version', {})
    check('greeting', set(v.get('qemu', {})) == {'major', 'minor', 'micro'}
          and v.get('package', '').startswith('hemu ') and
          g.get('capabilities') == [], json.dumps(c.greeting))
    # Before qmp_capabilities every other command is CommandNotFound.
    err('before-negotiation', c.cmd('query-status'), 'CommandNotFound',
        ['qmp_capabilities'])
    r = c.cmd('qmp_capabilities', id='neg-1')
    ok('negotiation', r, lambda v: v == {})
    check('negotiation-id', r.get('id') == 'neg-1', json.dumps(r))
    err('negotiation-twice', c.cmd('qmp_capabilities'), 'CommandNotFound')


def test_control(c):
    r = c.cmd('query-version', id={'any': [1, 'json']})
    check('id-echoed', r.get('id') == {'any': [1, 'json']}, json.dumps(r))
    ok('query-version', r, lambda v: v['package'].startswith('hemu ') and
       all(isinstance(v['qemu'][k], int) for k in ('major', 'minor',
                                                   'micro')))
    err('query-version-extra-arg', c.cmd('query-version', {'x': 1}),
        words=["'x'"])
    names = ok('query-commands', c.cmd('query-commands'))
    expected = {'qmp_capabilities', 'query-version', 'query-status',
                'query-commands', 'query-qmp-schema', 'stop', 'cont',
                'system_reset', 'system_powerdown', 'quit', 'query-machines',
                'qom-list', 'qom-get', 'qom-set', 'qom-list-types',
                'qom-list-properties', 'device-list-properties',
                'object-add', 'object-del', 'query-target',
                'human-monitor-command', 'query-cpus-fast', 'memsave',
                'pmemsave', 'device_add', 'device_del', 'inject-nmi'}
    got = {e['name'] for e in names or []}
    check('query-commands-all', expected <= got, sorted(expected - got))
    err('query-commands-bad-arg', c.cmd('query-commands', {'all': True}),
        words=["'all'"])
    err('unknown-command', c.cmd('no-such-command'), 'CommandNotFound',
        ['no-such-command'])
    # The human monitor answers through QMP (more in test-hmp.py).
    ok('hmp-info-status',
       c.cmd('human-monitor-command', {'command-line': 'info status'}),
       lambda v: v == 'VM status: running\n')
    err('hmp-unknown', c.cmd('human-monitor-command',
                             {'command-line': 'no-such'}),
        words=["'no-such'"])
    err('hmp-missing-arg', c.cmd('human-monitor-command', {}),
        words=["'command-line'", 'missing'])


def test_schema(c):
    schema = ok('query-qmp-schema', c.cmd('query-qmp-schema'),
                lambda v: isinstance(v, list))
    err('query-qmp-schema-bad-arg', c.cmd('query-qmp-schema', {'a': 1}),
        words=["'a'"])
    by_name = {e['name']: e for e in schema or []}
    cmd = by_name.get('qom-get', {})
    args = by_name.get(cmd.get('arg-type'), {})
    members = {m['name']: m['type'] for m in args.get('members', [])}
    check('schema-qom-get-args', cmd.get('meta-type') == 'command' and
          members == {'path': 'str', 'property': 'str'}, json.dumps(cmd))
    hmp = by_name.get('human-monitor-command', {})
    hargs = by_name.get(hmp.get('arg-type'), {}).get('members', [])
    check('schema-optional-member',
          {'name': 'cpu-index', 'type': 'int', 'optional': True} in hargs,
          json.dumps(hargs))
    ret = by_name.get(by_name.get('query-status', {}).get('ret-type'), {})
    check('schema-query-status-ret',
          {m['name'] for m in ret.get('members', [])} == {'running',
                                                           'status'},
          json.dumps(ret))
    ev = by_name.get('SHUTDOWN', {})
    check('schema-event', ev.get('meta-type') == 'event', json.dumps(ev))
    for e in schema or []:
        if e.get('meta-type') == 'command' and e['arg-type'] not in by_name:
            check('schema-arg-types-defined', False, e['name'])
            break


def test_run_state(c):
    ok('query-status-running', c.cmd('query-status'),
       lambda v: v == {'running': True, 'status': 'running'})
    ok('stop', c.cmd('stop'))
    c.event('STOP')
    check('stop-event', True)
    ok('query-status-paused', c.cmd('query-status'),
       lambda v: v == {'running': False, 'status': 'paused'})
    ok('cont', c.cmd('cont'))
    e = c.event('RESUME')
    check('resume-timestamp', isinstance(e['timestamp']['seconds'], int) and
          0 <= e['timestamp']['microseconds'] < 1000000, json.dumps(e))
    ok('query-status-running-again', c.cmd('query-status'),
       lambda v: v['running'] is True)
    err('stop-bad-arg', c.cmd('stop', {'now': True}), words=["'now'"])
    err('cont-bad-arg', c.cmd('cont', {'x': 1}), words=["'x'"])
    ok('system_reset', c.cmd('system_reset'))
    e = c.event('RESET')
    check('reset-event', e.get('data', {}).get('guest') is False,
          json.dumps(e))
    err('system_reset-bad-arg', c.cmd('system_reset', {'x': 1}),
        words=["'x'"])
    ok('system_powerdown', c.cmd('system_powerdown'))
    c.event('POWERDOWN')
    check('powerdown-event', True)
    err('system_powerdown-bad-arg', c.cmd('system_powerdown', {'x': 1}),
        words=["'x'"])


def test_machines_and_target(c):
    machines = ok('query-machines', c.cmd('query-machines'))
    none = [m for m in machines or [] if m['name'] == 'none']
    check('query-machines-none', none and none[0]['is-default'] is True and
          none[0]['cpu-max'] == 0, json.dumps(machines))
    err('query-machines-bad-arg', c.cmd('query-machines', {'x': 1}),
        words=["'x'"])
    t = ok('query-target', c.cmd('query-target'))
    check('query-target-shape', isinstance(t.get('built-in'), list) and
          isinstance(t.get('machine'), list), json.dumps(t))
    err('query-target-bad-arg', c.cmd('query-target', {'x': 1}),
        words=["'x'"])


def test_qom(c):
    root = ok('qom-list', c.cmd('qom-list', {'path': '/'}))
    names = {p['name']: p['type'] for p in root or []}
    check('qom-list-machine', names.get('machine') == 'child<none-machine>',
          json.dumps(root))
    err('qom-list-no-path', c.cmd('qom-list', {'path': '/nowhere'}),
        'DeviceNotFound', ['/nowhere'])
    err('qom-list-wrong-type', c.cmd('qom-list', {'path': 1}),
        words=["Parameter 'path' expects a string"])
    err('qom-list-missing', c.cmd('qom-list', {}),
        words=["Parameter 'path' is missing"])
    # -m 16M is 16 * 2^20 = 16777216 bytes.
    ok('qom-get', c.cmd('qom-get', {'path': '/machine',
                                    'property': 'ram-size'}),
       lambda v: v == 16777216)
    err('qom-get-no-prop', c.cmd('qom-get', {'path': '/machine',
                                             'property': 'nope'}),
        words=['nope'])
    # monitor1 is the -mon one (pretty=off); pretty may change at run time.
    mon = '/monitors/monitor1'
    ok('qom-get-pretty', c.cmd('qom-get', {'path': mon,
                                           'property': 'pretty'}),
       lambda v: v is False)
    ok('qom-set', c.cmd('qom-set', {'path': mon, 'property': 'pretty',
                                    'value': True}))
    ok('qom-set-took', c.cmd('qom-get', {'path': mon, 'property': 'pretty'}),
       lambda v: v is True)
    c.cmd('qom-set', {'path': mon, 'property': 'pretty', 'value': False})
    err('qom-set-wrong-json', c.cmd('qom-set', {
        'path': mon, 'property': 'pretty', 'value': 3}), words=['pretty'])
    err('qom-set-config-after-realize', c.cmd('qom-set', {
        'path': '/machine', 'property': 'ram-size', 'value': 4096}),
        words=['ram-size'])
    err('qom-set-missing-value', c.cmd('qom-set', {
        'path': mon, 'property': 'pretty'}),
        words=["Parameter 'value' is missing"])
    types = ok('qom-list-types', c.cmd('qom-list-types', {
        'implements': 'user-creatable'}))
    tnames = {t['name'] for t in types or []}
    check('qom-list-types-implements', 'memory-backend-ram' in tnames and
          'memory-backend' not in tnames and 'none-machine' not in tnames,
          sorted(tnames))
    types = ok('qom-list-types-abstract', c.cmd('qom-list-types', {
        'implements': 'memory-backend', 'abstract': True}))
    check('qom-list-types-abstract-flag',
          {'name': 'memory-backend', 'abstract': True,
           'parent': 'object'} in [
              {k: t.get(k) for k in ('name', 'abstract', 'parent')}
              for t in types or []], json.dumps(types))
    err('qom-list-types-bad', c.cmd('qom-list-types', {'abstract': 'yes'}),
        words=["Parameter 'abstract' expects a boolean"])
    err('qom-list-types-unknown', c.cmd('qom-list-types', {
        'implements': 'no-such-type'}), words=['no-such-type'])
    props = ok('qom-list-properties', c.cmd('qom-list-properties', {
        'typename': 'memory-backend-ram'}))
    check('qom-list-properties-size',
          any(p['name'] == 'size' and p['type'] == 'size'
              for p in props or []), json.dumps(props))
    err('qom-list-properties-unknown', c.cmd('qom-list-properties', {
        'typename': 'no-such-type'}), words=['no-such-type'])
    props = ok('device-list-properties', c.cmd('device-list-properties', {
        'typename': 'or-irq'}), lambda v: isinstance(v, list))
    check('device-list-properties-nonempty', bool(props), json.dumps(props))
    err('device-list-properties-not-device', c.cmd(
        'device-list-properties', {'typename': 'memory-backend-ram'}),
        words=['memory-backend-ram', 'device'])


def test_objects(c):
    # 1 MiB = 1048576 bytes.
    ok('object-add', c.cmd('object-add', {'qom-type': 'memory-backend-ram',
                                          'id': 'mem1', 'size': 1048576}))
    ok('object-added', c.cmd('qom-get', {'path': '/objects/mem1',
                                         'property': 'size'}),
       lambda v: v == 1048576)
    err('object-add-dup', c.cmd('object-add', {
        'qom-type': 'memory-backend-ram', 'id': 'mem1', 'size': 4096}),
        words=['mem1'])
    err('object-add-not-creatable', c.cmd('object-add', {
        'qom-type': 'none-machine', 'id': 'm2'}), words=['none-machine'])
    err('object-add-bad-prop', c.cmd('object-add', {
        'qom-type': 'memory-backend-ram', 'id': 'mem3', 'colour': 'red'}),
        words=['colour'])
    err('object-add-missing-id', c.cmd('object-add', {
        'qom-type': 'memory-backend-ram'}), words=["'id' is missing"])
    ok('object-del', c.cmd('object-del', {'id': 'mem1'}))
    err('object-del-gone', c.cmd('qom-list', {'path': '/objects/mem1'}),
        'DeviceNotFound')
    err('object-del-unknown', c.cmd('object-del', {'id': 'mem1'}),
        words=['mem1'])
    # Monitors live at /monitors, not among the user's objects.
    err('object-del-monitor', c.cmd('object-del', {'id': 'monitor0'}),
        words=['monitor0'])
    ok('monitors-folder', c.cmd('qom-list', {'path': '/monitors'}),
       lambda v: {'monitor0', 'monitor1'} <= {p['name'] for p in v})
    ok('objects-no-monitor', c.cmd('qom-list', {'path': '/objects'}),
       lambda v: not any(p['name'].startswith('monitor') for p in v))


def test_malformed(c):
    c.send_raw(b'{"execute": }\n')
    err('malformed-json', c.reply(), words=['JSON'])
    c.send_raw(b'[1, 2, 3]\n')
    err('non-object', c.reply(), words=['object'])
    c.send_raw(b'42\n')
    err('scalar', c.reply(), words=['object'])
    c.send_raw(b'}\n')
    err('unbalanced', c.reply(), words=['JSON'])
    c.send_raw(b'{"arguments": {}}\n')
    err('no-execute', c.reply(), words=['execute'])
    c.send_raw(b'{"execute": 5}\n')
    err('execute-not-string', c.reply(), words=['execute'])
    c.send_raw(b'{"execute": "stop", "arguments": [1]}\n')
    err('arguments-not-object', c.reply(), words=['arguments'])
    c.send_raw(b'{"execute": "query-status", "bogus": 1}\n')
    err('unexpected-member', c.reply(), words=['bogus'])
    # Two requests in one write, one request split over two writes.
    c.send_raw(b'{"execute": "query-status", "id": 1}'
               b'{"execute": "query-status", "id": 2}\n')
    r1, r2 = c.reply(), c.reply()
    check('pipelined', r1.get('id') == 1 and r2.get('id') == 2,
          f'{r1} {r2}')
    c.send_raw(b'{"execute": "query-st')
    time.sleep(0.05)
    c.send_raw(b'atus", "id": "split"}\n')
    ok('split-request', c.reply(), lambda v: 'running' in v)
    ok('still-alive', c.cmd('query-status'))


def test_multi_and_reconnect(path_b, port):
    b = Client(socket.AF_UNIX, path_b)
    t = Client(socket.AF_INET, ('127.0.0.1', port))
    for name, cl in (('mon', b), ('tcp', t)):
        check(f'greeting-{name}', 'QMP' in cl.greeting, cl.greeting)
        ok(f'negotiate-{name}', cl.cmd('qmp_capabilities'))
    ok('stop-from-tcp', t.cmd('stop'))
    check('event-to-other-monitor', b.event('STOP')['event'] == 'STOP')
    t.cmd('cont')
    b.event('RESUME')
    t.close()
    time.sleep(0.1)
    t = Client(socket.AF_INET, ('127.0.0.1', port))
    err('reconnect-needs-negotiation', t.cmd('query-status'),
        'CommandNotFound')
    ok('reconnect', t.cmd('qmp_capabilities'))
    ok('reconnect-works', t.cmd('query-status'))
    b.close()
    return t


def test_start_stopped(tmp):
    """-S: the machine starts paused; cont runs it (RESUME)."""
    sock = os.path.join(tmp, 's.sock')
    proc = subprocess.Popen(
        [HEMU, '-M', 'none', '-S', '-qmp',
         f'unix:{sock},server=on,wait=off', '-run-timeout', '30'],
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL, cwd=tmp)
    try:
        wait_for(sock, proc)
        c = Client(socket.AF_UNIX, sock)
        c.cmd('qmp_capabilities')
        ok('S-paused', c.cmd('query-status'),
           lambda v: v == {'running': False, 'status': 'paused'})
        ok('S-cont', c.cmd('cont'))
        c.event('RESUME')
        ok('S-running', c.cmd('query-status'), lambda v: v['running'])
        c.cmd('quit')
        check('S-quit', proc.wait(timeout=5) == 0)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_option_errors(tmp):
    """Bad -qmp / -mon: exit status 1, the message names the problem."""
    cases = [
        ('qmp-bad-address', ['-qmp', 'stdio'], ['-qmp stdio', 'unix:']),
        ('qmp-bad-path', ['-qmp', f'unix:{tmp}/no/dir/q.sock,server=on,'
                          'wait=off'], ['no/dir/q.sock']),
        ('mon-no-chardev', ['-mon', 'chardev=nope'], ["'nope'"]),
        ('mon-bad-mode', ['-chardev', 'null,id=n', '-mon',
                          'chardev=n,mode=vi'], ["mode 'vi'", 'readline']),
        ('mon-bad-key', ['-mon', 'chardev=n,colour=red'], ['colour']),
    ]
    for name, args, words in cases:
        p = subprocess.run([HEMU, '-M', 'none', *args, '-run-timeout', '5'],
                           capture_output=True, text=True, timeout=10,
                           stdin=subprocess.DEVNULL, cwd=tmp)
        check(name, p.returncode == 1 and
              all(w in p.stderr for w in words),
              f'status {p.returncode}: {p.stderr}')


# ---------------------------------------------------------------------------
# vCPUs, guest memory, devices and NMIs on machines with CPUs

RAM = 0x40000000            # virt's RAM base (docs/user/virt.md)


def start_machine(tmp, name, args, stdout=subprocess.DEVNULL):
    """hemu with @args and a QMP socket; returns (proc, negotiated client)."""
    sock = os.path.join(tmp, name + '.sock')
    proc = subprocess.Popen(
        [HEMU, *args, '-qmp', f'unix:{sock},server=on,wait=off',
         '-run-timeout', '60'],
        stdin=subprocess.DEVNULL, stdout=stdout, stderr=subprocess.PIPE,
        cwd=tmp)
    wait_for(sock, proc)
    c = Client(socket.AF_UNIX, sock)
    c.cmd('qmp_capabilities')
    return proc, c


def stop_machine(name, proc, c):
    try:
        c.cmd('quit')
        proc.wait(timeout=10)
    except Exception as e:  # noqa: BLE001 (reported; hemu is killed)
        check(f'{name}-quit', False, repr(e))
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        text = proc.stderr.read().decode(errors='replace')
        check(f'{name}-no-sanitizer-report', 'runtime error' not in text and
              'Sanitizer' not in text, text[:2000])


def info_cpus(c):
    """[(index, path, arch)] from the human monitor's `info cpus`."""
    out = c.cmd('human-monitor-command',
                {'command-line': 'info cpus'}).get('return', '')
    rows = []
    for line in out.splitlines():
        # "* CPU #0: /machine/cpus/cpu[0] (aarch64) pc=..."
        head, _, rest = line[2:].partition(': ')
        path, _, rest = rest.partition(' (')
        rows.append((int(head.split('#')[1]), path, rest.split(')')[0]))
    return rows


def check_cpus(name, c, clusters):
    """query-cpus-fast against @clusters [(path, arch, n)] and info cpus."""
    cpus = ok(f'{name}-query-cpus-fast', c.cmd('query-cpus-fast'))
    want = []
    for path, arch, n in clusters:
        for i in range(n):
            want.append({'cpu-index': len(want),
                         'qom-path': f'{path}/cpu[{i}]', 'target': arch,
                         'cluster': path, 'arch': arch})
    check(f'{name}-cpus', cpus == want, json.dumps(cpus))
    check(f'{name}-cpus-as-info-cpus',
          [(x['cpu-index'], x['qom-path'], x['arch']) for x in cpus or []]
          == info_cpus(c), json.dumps(info_cpus(c)))


def loop_kernel(tmp):
    """A raw AArch64 image that spins: `b .` is 0x14000000 (A64 B, imm 0)."""
    path = os.path.join(tmp, 'loop.bin')
    with open(path, 'wb') as f:
        f.write((0x14000000).to_bytes(4, 'little'))
    return path


def read_file(path):
    with open(path, 'rb') as f:
        return f.read()


def test_virt_memory(tmp):
    """virt -smp 2 (stopped): CPUs, pmemsave/memsave, device_add/del."""
    # Loaders write these 8 bytes little endian at realize (docs/user/
    # loader.md); -S: no guest instruction runs, so they stay.
    pattern = 0x1122334455667788
    le = pattern.to_bytes(8, 'little')
    proc, c = start_machine(tmp, 'virt', [
        '-M', 'virt', '-smp', '2', '-m', '64M', '-S',
        '-kernel', loop_kernel(tmp), '-device',
        f'loader,id=pat,addr={RAM + 0x1000:#x},data={pattern:#x},'
        'data-len=8'])
    try:
        check_cpus('virt', c, [('/machine/cpus', 'aarch64', 2)])
        err('query-cpus-fast-bad-arg', c.cmd('query-cpus-fast', {'x': 1}),
            words=["'x'"])
        dump = os.path.join(tmp, 'p.bin')
        ok('pmemsave', c.cmd('pmemsave', {'val': RAM + 0x1000, 'size': 16,
                                          'filename': dump}))
        check('pmemsave-bytes', read_file(dump) == le + bytes(8),
              read_file(dump).hex())
        vdump = os.path.join(tmp, 'v.bin')
        # At reset the MMU is off: virtual = physical.
        ok('memsave', c.cmd('memsave', {'val': RAM + 0x1000, 'size': 16,
                                        'filename': vdump, 'cpu-index': 1}))
        check('memsave-equals-pmemsave', read_file(vdump) == read_file(dump),
              read_file(vdump).hex())
        ok('pmemsave-cluster', c.cmd('pmemsave', {
            'val': RAM + 0x1000, 'size': 8, 'filename': dump,
            'cluster': '/machine/cpus'}))
        check('pmemsave-cluster-bytes', read_file(dump) == le,
              read_file(dump).hex())
        # Nothing is mapped at 64 GiB: zeros, no crash (as QEMU).
        ok('pmemsave-hole', c.cmd('pmemsave', {
            'val': 0x1000000000, 'size': 4096, 'filename': dump}))
        check('pmemsave-hole-zeros', read_file(dump) == bytes(4096))
        err('pmemsave-too-big', c.cmd('pmemsave', {
            'val': RAM, 'size': 1 << 40, 'filename': dump}),
            words=['size', str(1 << 40)])
        err('pmemsave-negative', c.cmd('pmemsave', {
            'val': RAM, 'size': -1, 'filename': dump}), words=['size'])
        bad = os.path.join(tmp, 'no', 'such', 'dir', 'f.bin')
        err('pmemsave-bad-file', c.cmd('pmemsave', {
            'val': RAM, 'size': 8, 'filename': bad}),
            words=[bad, 'No such file or directory'])
        err('pmemsave-bad-cluster', c.cmd('pmemsave', {
            'val': RAM, 'size': 8, 'filename': dump,
            'cluster': '/machine/uart0'}), words=['/machine/uart0',
                                                  'cpu-cluster'])
        err('pmemsave-missing', c.cmd('pmemsave', {'val': RAM, 'size': 8}),
            words=["'filename'", 'missing'])
        err('memsave-bad-cpu', c.cmd('memsave', {
            'val': RAM, 'size': 8, 'filename': dump, 'cpu-index': 2}),
            words=['cpu-index 2', '0..1'])
        # With the MMU off, AArch64 faults addresses above the 48-bit
        # physical range (address size fault): memsave names the address.
        err('memsave-unmapped', c.cmd('memsave', {
            'val': 1 << 48, 'size': 8, 'filename': dump}),
            words=['0x1000000000000', 'not mapped'])
        err('memsave-bad-file', c.cmd('memsave', {
            'val': RAM, 'size': 8, 'filename': bad}), words=[bad])
        test_device_add(c, tmp)
        err('inject-nmi-aarch64', c.cmd('inject-nmi'),
            words=['inject-nmi: not available for aarch64'])
        err('inject-nmi-cluster-aarch64', c.cmd('inject-nmi', {
            'cluster': '/machine/cpus'}),
            words=['not available for aarch64'])
    finally:
        stop_machine('virt', proc, c)


def test_device_add(c, tmp):
    """device_add/device_del with the loader device (writes into RAM)."""
    dump = os.path.join(tmp, 'd.bin')
    addr = RAM + 0x2000
    # data=0xcafe, data-len=2: bytes fe ca (little endian).
    ok('device_add', c.cmd('device_add', {
        'driver': 'loader', 'id': 'ld1', 'addr': addr, 'data': 0xcafe,
        'data-len': 2}))
    c.cmd('pmemsave', {'val': addr, 'size': 2, 'filename': dump})
    check('device_add-wrote', read_file(dump) == b'\xfe\xca',
          read_file(dump).hex())
    ok('device_add-path', c.cmd('qom-get', {
        'path': '/machine/peripheral/ld1', 'property': 'data-len'}),
       lambda v: v == 2)
    ok('device_add-anon', c.cmd('device_add', {
        'driver': 'loader', 'addr': str(addr + 2), 'data': '0x5a',
        'data-len': '1'}))
    ok('device_add-anon-path', c.cmd('qom-list', {
        'path': '/machine/peripheral-anon'}),
       lambda v: 'device[0]' in {p['name'] for p in v})
    c.cmd('pmemsave', {'val': addr + 2, 'size': 1, 'filename': dump})
    check('device_add-anon-wrote', read_file(dump) == b'\x5a',
          read_file(dump).hex())
    err('device_add-dup', c.cmd('device_add', {
        'driver': 'loader', 'id': 'ld1', 'addr': addr, 'data': 1,
        'data-len': 1}), words=["'ld1'", 'already in use'])
    err('device_add-unknown', c.cmd('device_add', {
        'driver': 'no-such-dev', 'id': 'x'}),
        words=["'no-such-dev'", '-device help'])
    err('device_add-not-creatable', c.cmd('device_add', {
        'driver': 'pl011', 'id': 'u9'}),
        words=["'pl011'", 'cannot be created by users'])
    err('device_add-bad-prop', c.cmd('device_add', {
        'driver': 'loader', 'id': 'ld2', 'colour': 'red'}),
        words=['colour'])
    err('device_add-bad-value', c.cmd('device_add', {
        'driver': 'loader', 'id': 'ld2', 'addr': [1]}), words=['addr'])
    err('device_add-realize-fails', c.cmd('device_add', {
        'driver': 'loader', 'id': 'ld2', 'data': 1}), words=['ld2'])
    err('device_add-failed-left-nothing', c.cmd('qom-list', {
        'path': '/machine/peripheral/ld2'}), 'DeviceNotFound')
    err('device_add-missing-driver', c.cmd('device_add', {'id': 'x'}),
        words=["'driver'", 'missing'])
    ok('device_del', c.cmd('device_del', {'id': 'ld1'}))
    err('device_del-gone', c.cmd('qom-list', {
        'path': '/machine/peripheral/ld1'}), 'DeviceNotFound')
    err('device_del-again', c.cmd('device_del', {'id': 'ld1'}),
        'DeviceNotFound', ["'ld1'"])
    ok('device_del-anon', c.cmd('device_del', {'id': 'device[0]'}))
    ok('device_del-cli', c.cmd('device_del', {'id': 'pat'}))
    err('device_del-machine-device', c.cmd('device_del', {'id': 'uart0'}),
        'DeviceNotFound', ["'uart0'"])


def test_hexagon_nmi(tmp):
    """V66G_1024 -smp 4: CPUs; a guest in `wait` woken by inject-nmi."""
    elf = os.path.join(os.path.dirname(HEMU), 'tests', 'tcg', 'hexagon',
                       'nmi.elf')
    if not os.path.exists(elf):
        print(f'skip hexagon-nmi: {elf} not built')
        proc, c = start_machine(tmp, 'v66g', ['-M', 'V66G_1024', '-S'])
        try:
            check_cpus('v66g', c, [('/machine/hexagon', 'hexagon', 4)])
        finally:
            stop_machine('v66g', proc, c)
        return
    proc, c = start_machine(tmp, 'v66g', [
        '-M', 'V66G_1024', '-cpu', 'v68', '-smp', '4', '-semihosting',
        '-kernel', elf, '-append', 'wait-nmi'], stdout=subprocess.PIPE)
    out = b''
    try:
        check_cpus('v66g', c, [('/machine/hexagon', 'hexagon', 4)])
        line = proc.stdout.readline()
        check('nmi-guest-waiting', line == b'waiting for NMI\n', line)
        ok('inject-nmi', c.cmd('inject-nmi'))
        # the guest prints, then exits 0 (semihosting EXIT)
        out = proc.stdout.read()
        rc = proc.wait(timeout=20)
        check('nmi-guest-woke', b'NMI received, cause 0x43\n' in out and
              out.rstrip().endswith(b'PASS') and rc == 0,
              f'status {rc}: {out!r}')
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        text = proc.stderr.read().decode(errors='replace')
        check('v66g-no-sanitizer-report', 'runtime error' not in text and
              'Sanitizer' not in text, text[:2000])


def test_hetero(tmp):
    """hetero-virt: both clusters in query-cpus-fast, NMIs per cluster."""
    proc, c = start_machine(tmp, 'hetero', [
        '-M', 'hetero-virt', '-smp', '2', '-S', '-kernel', loop_kernel(tmp)])
    try:
        # -smp 2 ARM CPUs; the DSP has 4 threads (docs/user/hetero.md)
        check_cpus('hetero', c, [('/machine/cpus', 'aarch64', 2),
                                 ('/machine/dsp', 'hexagon', 4)])
        ok('hetero-inject-nmi', c.cmd('inject-nmi'))
        ok('hetero-inject-nmi-dsp', c.cmd('inject-nmi', {
            'cluster': '/machine/dsp'}))
        err('hetero-inject-nmi-apps', c.cmd('inject-nmi', {
            'cluster': '/machine/cpus'}),
            words=['not available for aarch64'])
        err('inject-nmi-no-cluster', c.cmd('inject-nmi', {
            'cluster': '/machine/nowhere'}), 'DeviceNotFound',
            ['/machine/nowhere'])
        t = ok('hetero-query-target', c.cmd('query-target'))
        check('query-target-built-in', {'aarch64', 'hexagon'} <=
              set((t or {}).get('built-in', [])), json.dumps(t))
    finally:
        stop_machine('hetero', proc, c)


def wait_for(path, proc):
    for _ in range(100):
        if os.path.exists(path) or proc.poll() is not None:
            return
        time.sleep(0.05)


def free_port():
    s = socket.socket()
    s.bind(('127.0.0.1', 0))
    port = s.getsockname()[1]
    s.close()
    return port


def main():
    global HEMU
    HEMU = os.path.abspath(sys.argv[1])
    with tempfile.TemporaryDirectory() as tmp:
        sock_a, sock_b = os.path.join(tmp, 'qmp.sock'), \
            os.path.join(tmp, 'mon.sock')
        port = free_port()
        proc = subprocess.Popen(
            [HEMU, '-M', 'none', '-m', '16M',
             '-qmp', f'unix:{sock_a},server=on,wait=off',
             '-chardev', f'socket,id=c1,path={sock_b},server=on,wait=off',
             '-mon', 'chardev=c1,mode=control',
             '-qmp', f'tcp:127.0.0.1:{port},server=on,wait=off',
             '-run-timeout', '30'],
            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, cwd=tmp)
        try:
            # The -mon chardev's socket appears before the -qmp monitors'.
            wait_for(sock_b, proc)
            wait_for(sock_a, proc)
            c = Client(socket.AF_UNIX, sock_a)
            test_greeting_and_negotiation(c)
            test_control(c)
            test_schema(c)
            test_run_state(c)
            test_machines_and_target(c)
            test_qom(c)
            test_objects(c)
            test_malformed(c)
            t = test_multi_and_reconnect(sock_b, port)
            c.events.clear()
            ok('quit', c.cmd('quit'))
            e = c.event('SHUTDOWN')
            check('shutdown-event', e.get('data', {}).get('guest') is False,
                  json.dumps(e))
            check('shutdown-event-other-monitor',
                  t.event('SHUTDOWN')['event'] == 'SHUTDOWN')
            rc = proc.wait(timeout=5)
            check('quit-status-0', rc == 0, f'status {rc}')
        except Exception as e:  # noqa: BLE001 (reported; hemu is killed)
            check('no-exception', False, repr(e))
        finally:
            if proc.poll() is None:
                proc.kill()
            _, stderr = proc.communicate(timeout=5)
            text = stderr.decode(errors='replace')
            check('no-sanitizer-report', 'runtime error' not in text and
                  'Sanitizer' not in text, text[:2000])
            if failures:
                print('hemu stderr:', stderr.decode(errors='replace')[:2000])
        try:
            test_option_errors(tmp)
            test_start_stopped(tmp)
        except Exception as e:  # noqa: BLE001 (reported as a failure)
            check('start-stopped', False, repr(e))
        for test in (test_virt_memory, test_hexagon_nmi, test_hetero):
            try:
                test(tmp)
            except Exception as e:  # noqa: BLE001 (reported as a failure)
                check(test.__name__, False, repr(e))
    print(f'{len(failures)} failure(s)')
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
