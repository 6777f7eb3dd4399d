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
implementation.  hemu is killed whatever happens; the run takes ~1 s.
"""
import json
import os
import socket
import subprocess
import sys
import tempfile
import time

HEMU = None
failures = []


def check(name, cond, detail=''):
    if cond:
        print(f'ok {name}')
    else:
        print(f'FAIL {name}: {detail}')
        failures.append(name)


class Client:
    """A QMP client: replies and events are told apart by their keys."""

    def __init__(self, family, addr):
        # The socket file may exist a moment before hemu listens on it.
        for attempt in range(50):
            self.sock = socket.socket(family, socket.SOCK_STREAM)
            self.sock.settimeout(5)
            try:
                self.sock.connect(addr)
                break
            except (ConnectionRefusedError, FileNotFoundError):
                self.sock.close()
                if attempt == 49:
                    raise
                time.sleep(0.05)
        self.buf = b''
        self.events = []
        self.greeting = self.recv()

    def recv(self):
        """The next JSON value from the server (may span several lines)."""
        dec = json.JSONDecoder()
        while True:
            text = self.buf.decode('utf-8', 'replace').lstrip()
            if text:
                try:
                    val, end = dec.raw_decode(text)
                    self.buf = text[end:].encode()
                    return val
                except ValueError:
                    pass
            data = self.sock.recv(65536)
            if not data:
                raise EOFError('hemu closed the connection')
            self.buf += data

    def send_raw(self, data):
        self.sock.sendall(data)

    def reply(self):
        """The next reply; events read on the way are kept."""
        while True:
            msg = self.recv()
            if 'event' in msg:
                self.events.append(msg)
            else:
                return msg

    def cmd(self, name, args=None, **extra):
        req = {'execute': name, **extra}
        if args is not None:
            req['arguments'] = args
        self.send_raw(json.dumps(req).encode() + b'\n')
        return self.reply()

    def event(self, name):
        """The first pending event called @name (reading more if needed)."""
        while True:
            for e in self.events:
                if e['event'] == name:
                    self.events.remove(e)
                    return e
            msg = self.recv()
            if 'event' not in msg:
                raise ValueError(f'reply while waiting for {name}: {msg}')
            self.events.append(msg)

    def close(self):
        self.sock.close()


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
                'human-monitor-command'}
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
    print(f'{len(failures)} failure(s)')
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
