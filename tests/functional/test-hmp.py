#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""The human monitor (HMP), driven as a person or a script would.

hemu runs with `-monitor unix:...` and a QMP monitor; the test types
commands at the "(hemu)" prompt and checks the text, then sends the same
kind of commands through QMP's human-monitor-command, and finally `quit`s
from the human monitor and expects exit status 0.  Protocol-only client:
Python's socket and json, no hemu code.

Usage: test-hmp.py PATH-TO-HEMU
"""
import json
import os
import socket
import subprocess
import sys
import tempfile
import time

failures = []


def check(name, cond, detail=''):
    print(('ok ' if cond else 'FAIL ') + name)
    if not cond:
        failures.append(name)
        if detail:
            print('   ', str(detail)[:2000])


def connect(path):
    for _ in range(100):
        s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        s.settimeout(5)
        try:
            s.connect(path)
            return s
        except (ConnectionRefusedError, FileNotFoundError):
            s.close()
            time.sleep(0.05)
    raise RuntimeError(f'cannot connect to {path}')


def until_prompt(s):
    """Text up to and including the next "(hemu) " prompt."""
    buf = b''
    while not buf.endswith(b'(hemu) '):
        chunk = s.recv(65536)
        if not chunk:
            break
        buf += chunk
    return buf.decode().replace('\r\n', '\n')


def hmp(s, line):
    s.sendall(line.encode() + b'\n')
    return until_prompt(s)[:-len('(hemu) ')]


class Qmp:
    def __init__(self, path):
        self.s = connect(path)
        self.f = self.s.makefile('rb')
        json.loads(self.f.readline())           # greeting
        self.cmd('qmp_capabilities')

    def cmd(self, name, args=None):
        req = {'execute': name}
        if args is not None:
            req['arguments'] = args
        self.s.sendall(json.dumps(req).encode() + b'\n')
        while True:
            msg = json.loads(self.f.readline())
            if 'event' not in msg:
                return msg


CPU_BOARD = '''machine:
  type: none
  ram-size: 1M
clusters:
  - id: apps
    arch: aarch64
    num-cpus: 2
'''


def cpu_commands(hemu, tmp):
    """info cpus/registers, cpu N and xp on a stopped two-vCPU board."""
    board = os.path.join(tmp, 'cpus.yaml')
    with open(board, 'w') as f:
        f.write(CPU_BOARD)
    # RAM is at 0 and zeroed; the vCPUs never run (-S): pc is the reset pc
    r = subprocess.run(
        [hemu, '-M', board, '-S', '-nographic', '-monitor', 'stdio',
         '-run-timeout', '30'],
        input='info cpus\ninfo registers\ncpu 1\ninfo cpus\n'
              'xp /4xw 0x10\nxp /2ub 0\nxp 0x100000\ncpu 2\nxp /3q 0\n'
              'info irq\ninfo clocks\ninfo mtree\nquit\n', capture_output=True, text=True, timeout=30)
    out = r.stdout
    check('info-cpus', '* CPU #0: /machine/apps/cpu[0] (aarch64) '
          'pc=0x0000000000000000' in out and
          '  CPU #1: /machine/apps/cpu[1] (aarch64)' in out, out)
    check('info-registers', 'CPU#0 /machine/apps/cpu[0]' in out and
          'PSTATE=' in out and 'X30=' in out, out)
    check('cpu-select', '* CPU #1: /machine/apps/cpu[1]' in out, out)
    check('xp-words', '0000000000000010: 0x00000000 0x00000000 0x00000000 '
          '0x00000000' in out, out)
    check('xp-bytes-unsigned', '0000000000000000: 0 0\n' in out, out)
    check('xp-unmapped', '0000000000100000: <unmapped>' in out, out)
    check('cpu-bad-index', "cpu: '2' is not a vCPU index (accepted: 0..1"
          in out, out)
    check('xp-bad-format', "unknown format letter 'q'" in out, out)
    check('info-irq-none', '(no interrupt line was ever raised)' in out, out)
    check('info-clocks-none', '(no clocks)' in out, out)
    check('info-mtree-cluster', "address space of cluster /machine/apps "
          "(aarch64):\naddress space '/machine/apps' (root 'system'):\n"
          "  0000000000000000-00000000000fffff (ram)" in out, out)
    check('cpu-quit-0', r.returncode == 0, r.stderr)


def main(argv):
    hemu = os.path.abspath(argv[1])
    with tempfile.TemporaryDirectory() as tmp:
        hsock, qsock = os.path.join(tmp, 'h.sock'), os.path.join(tmp, 'q.sock')
        proc = subprocess.Popen(
            [hemu, '-M', 'none', '-m', '16M',
             '-monitor', f'unix:{hsock},server=on,wait=off',
             '-qmp', f'unix:{qsock},server=on,wait=off',
             '-run-timeout', '30'],
            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE)
        try:
            h = connect(hsock)
            banner = until_prompt(h)
            check('banner', 'monitor' in banner and "'help'" in banner,
                  banner)
            out = hmp(h, 'info status')
            check('info-status', out == 'VM status: running\n', out)
            out = hmp(h, 'info qom-tree')
            check('info-qom-tree', '/ (container)' in out and
                  'machine (none-machine)' in out and
                  'monitor0 (monitor-qmp)' in out, out)
            out = hmp(h, 'info mtree')
            # -m 16M: RAM at 0 up to 16 MiB - 1 = 0xffffff.
            check('info-mtree', '0000000000000000-0000000000ffffff' in out
                  and 'ram' in out, out)
            out = hmp(h, 'info qtree')
            check('info-qtree', out == '(no devices)\n', out)
            out = hmp(h, 'info version')
            check('info-version', out.strip().count('.') == 2, out)
            out = hmp(h, 'stop')
            check('stop', out == '', out)
            out = hmp(h, 'info status')
            check('stopped', out == 'VM status: paused\n', out)
            out = hmp(h, 'c')
            check('cont-alias', hmp(h, 'info status') ==
                  'VM status: running\n', out)
            out = hmp(h, 'bogus')
            check('unknown-command', "unknown command: 'bogus'" in out, out)
            out = hmp(h, 'info nope')
            check('unknown-info', "unknown item 'nope'" in out and
                  'mtree' in out, out)
            out = hmp(h, 'stop now')
            check('too-many-args', 'too many arguments' in out, out)
            out = hmp(h, 'help')
            check('help', all(c in out for c in ('info', 'stop', 'cont',
                                                 'system_reset', 'quit')),
                  out)

            q = Qmp(qsock)
            r = q.cmd('human-monitor-command',
                      {'command-line': 'info status'})
            check('qmp-hmp-status', r.get('return') ==
                  'VM status: running\n', r)
            r = q.cmd('human-monitor-command', {'command-line': 'stop'})
            check('qmp-hmp-stop', r.get('return') == '', r)
            r = q.cmd('query-status')
            check('qmp-sees-hmp-stop', r.get('return', {}).get('status') ==
                  'paused', r)
            r = q.cmd('human-monitor-command', {'command-line': 'nope'})
            check('qmp-hmp-error', r.get('error', {}).get('class') ==
                  'GenericError' and 'nope' in r['error']['desc'], r)

            h.sendall(b'quit\n')
            rc = proc.wait(timeout=10)
            check('quit-status-0', rc == 0, f'status {rc}')
        except Exception as e:  # noqa: BLE001 (reported; hemu is killed)
            check('no-exception', False, repr(e))
        finally:
            if proc.poll() is None:
                proc.kill()
            _, err = proc.communicate(timeout=5)
            text = err.decode(errors='replace')
            check('no-sanitizer-report', 'runtime error' not in text and
                  'Sanitizer' not in text, text)
        cpu_commands(hemu, tmp)
        r = subprocess.run([hemu, '-mon', 'chardev=x,mode=vi'],
                           capture_output=True, text=True)
        check('mon-bad-mode', r.returncode == 1 and "mode 'vi'" in r.stderr
              and 'readline' in r.stderr, r.stderr)
    print(f'{len(failures)} failure(s)')
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
