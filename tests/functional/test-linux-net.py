#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Debian's arm64 Linux on -M virt gets an address by DHCP from user
networking (libslirp), fetches a page from an HTTP server on the host's
loopback, and answers a connection the host makes through a hostfwd rule.

Usage: test-linux-net.py PATH-TO-HEMU [CONFIG...]

The network test of issue 7 (docs/user/virtio.md, "Networking").  It
boots the kernel test-linux-boot.py uses (linuxlib.fetch) with an
initramfs whose /init mounts proc, sysfs and devtmpfs, insmods
virtio_mmio and virtio_net (with their dependencies, from the kernel
package: linuxlib.kernel_modules), brings up lo and eth0, runs
`udhcpc -i eth0 -s /udhcpc.script -n -q` (the script, written here,
sets the address, the default route and resolv.conf from udhcpc's
variables and prints them), fetches http://10.0.2.2:PORT/hello.txt with
busybox wget (10.0.2.2 is the host's loopback as slirp's gateway) and
prints it, then listens on guest port 7777 with `nc -l -p 7777 -e
/bin/cat` (an echo server) and, when that connection ends, takes eth0
down and powers off:

  hemu -M virt -cpu cortex-a57 -m 512M -nographic -no-reboot \\
       -kernel vmlinuz -initrd initramfs-net.cpio.gz \\
       -append "console=ttyAMA0 panic=-1" \\
       -netdev user,id=n0,hostfwd=tcp:127.0.0.1:HOSTPORT-:7777 \\
       -device virtio-net-device,netdev=n0

The host serves hello.txt (a fresh random token) with http.server from a
thread on 127.0.0.1:PORT, and when the guest says it listens connects to
127.0.0.1:HOSTPORT, sends a second token and expects it echoed.

CONFIGs (default: both): netdev (the command line above) and nic
(`-nic user,hostfwd=...`, the shorthand).  A configuration passes when
hemu exits with status 0, the guest's DHCP line shows QEMU's user
network defaults (address 10.0.2.15/255.255.255.0, router 10.0.2.2, DNS
10.0.2.3), the guest printed the served token, the host got its second
token back, and the kernel log holds no line linuxlib.log_problems()
flags.

Exit 77 (skipped) when the packages cannot be fetched.
$HEMU_LINUX_TIMEOUT sets the per-boot timeout in seconds (default 600).
"""
import http.server
import os
import secrets
import socket
import subprocess
import sys
import threading
import time

from linuxlib import (SKIP, fetch_or_skip, kernel_modules, log,
                      log_console_tail, log_problems, select_configs,
                      write_initramfs)

APPEND = 'console=ttyAMA0 panic=-1'
MACHINE = ['-M', 'virt', '-cpu', 'cortex-a57', '-m', '512M', '-nographic',
           '-no-reboot']
CONFIGS = {
    'netdev': ['-netdev', 'user,id=n0,hostfwd=tcp:127.0.0.1:{fwd}-:7777',
               '-device', 'virtio-net-device,netdev=n0'],
    'nic': ['-nic', 'user,hostfwd=tcp:127.0.0.1:{fwd}-:7777'],
}
MODULES = ['virtio_mmio', 'virtio_net']
GUEST_PORT = 7777
# QEMU's user network defaults, which slirp's DHCP server must hand out.
EXPECT_DHCP = 'ip=10.0.2.15 subnet=255.255.255.0 router=10.0.2.2 ' \
              'dns=10.0.2.3'

# /init.  Each step prints a line the host looks for; a failing step says
# so and the guest powers off at once.  {port} is the HTTP server's.
# eth0 goes down before the power-off: the kernel breaks virtqueues at
# shutdown, and a TCP segment still leaving (the echo connection's last
# ACK) would then log "Unexpected TXQ (0) queue failure: -5".
INIT = '''#!/bin/busybox sh
bb=/bin/busybox
fail() {
    echo "HEMU-NET-FAIL $*"
    echo "virtio devices: $($bb ls /sys/bus/virtio/devices 2>&1)"
    $bb dmesg | $bb tail -15
    $bb poweroff -f
}
$bb mount -t proc proc /proc
$bb mount -t sysfs sysfs /sys
$bb mount -t devtmpfs devtmpfs /dev || fail mount devtmpfs
for m in MODULES; do $bb insmod /mod/$m.ko || fail insmod $m; done
n=0
while [ ! -e /sys/class/net/eth0 ] && [ $n -lt 100 ]; do $bb sleep 0.1; n=$((n + 1)); done
[ -e /sys/class/net/eth0 ] || fail no eth0
$bb ip link set lo up || fail lo up
$bb ip link set eth0 up || fail eth0 up
$bb udhcpc -i eth0 -s /udhcpc.script -n -q || fail udhcpc
echo "HEMU-NET-GOT $($bb wget -q -O - http://10.0.2.2:{port}/hello.txt)"
echo "HEMU-NET-LISTEN"
$bb nc -l -p GUEST_PORT -e /bin/cat || fail nc
$bb ip link set eth0 down || fail eth0 down
echo "HEMU-NET-DONE"
$bb poweroff -f
'''.replace('GUEST_PORT', str(GUEST_PORT))

# udhcpc's script: $1 is the event; ip, subnet, router, dns come from the
# DHCP answer (busybox's udhcpc documentation).
UDHCPC_SCRIPT = '''#!/bin/sh
bb=/bin/busybox
case "$1" in
deconfig)
    $bb ifconfig "$interface" 0.0.0.0
    ;;
bound|renew)
    $bb ifconfig "$interface" "$ip" netmask "$subnet"
    for r in $router; do $bb route add default gw "$r" dev "$interface"; break; done
    : > /etc/resolv.conf
    for d in $dns; do echo "nameserver $d" >> /etc/resolv.conf; done
    echo "HEMU-NET-DHCP ip=$ip subnet=$subnet router=$router dns=$dns"
    ;;
esac
'''


def build_initramfs(busybox, path, modules, http_port):
    entries = [('sys', 0o040755, b'', (0, 0)),
               ('etc', 0o040755, b'', (0, 0)),
               ('bin/sh', 0o120777, b'busybox', (0, 0)),
               ('bin/cat', 0o120777, b'busybox', (0, 0)),
               ('udhcpc.script', 0o100755, UDHCPC_SCRIPT.encode(), (0, 0)),
               ('mod', 0o040755, b'', (0, 0))]
    entries += [(f'mod/{name}.ko', 0o100644, elf, (0, 0))
                for name, elf in modules]
    init = INIT.replace('{port}', str(http_port)).replace(
        'MODULES', ' '.join(n for n, _ in modules))
    write_initramfs(busybox, path, init, entries)


def free_port():
    """A TCP port on 127.0.0.1 nobody listens on now."""
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


class Hello(http.server.BaseHTTPRequestHandler):
    """Serves the token at /hello.txt, 404 elsewhere."""
    token = b''

    def do_GET(self):
        if self.path != '/hello.txt':
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header('Content-Type', 'text/plain')
        self.send_header('Content-Length', str(len(self.token)))
        self.end_headers()
        self.wfile.write(self.token)

    def log_message(self, fmt, *args):
        log('# http: ' + fmt % args)


class Console:
    """hemu's stdout, read by a thread; wait_for() a marker."""

    def __init__(self, proc):
        self.lines = []
        self.cond = threading.Condition()
        self.thread = threading.Thread(target=self._read, args=(proc,),
                                       daemon=True)
        self.thread.start()

    def _read(self, proc):
        for raw in proc.stdout:
            with self.cond:
                self.lines.append(raw.decode(errors='replace').rstrip('\n'))
                self.cond.notify_all()

    def wait_for(self, marker, deadline):
        with self.cond:
            while not any(marker in l for l in self.lines):
                left = deadline - time.monotonic()
                if left <= 0 or not self.thread.is_alive():
                    return False
                self.cond.wait(min(left, 1.0))
            return True

    def text(self):
        with self.cond:
            return '\n'.join(self.lines)


def echo_through(port, token, deadline):
    """Connect to 127.0.0.1:@port, send @token, read until EOF; retried
    (the guest may not listen yet: slirp then closes at once) until the
    echo comes back or @deadline.  True when it did."""
    while time.monotonic() < deadline:
        got = b''
        try:
            with socket.create_connection(('127.0.0.1', port), 5) as s:
                s.sendall(token + b'\n')
                s.shutdown(socket.SHUT_WR)
                s.settimeout(10)
                while True:
                    chunk = s.recv(4096)
                    if not chunk:
                        break
                    got += chunk
        except OSError as e:
            log(f'# hostfwd attempt: {e}')
        if got.strip() == token:
            return True
        log(f'# hostfwd attempt got {got!r}; retrying')
        time.sleep(0.5)
    return False


def check_console(text, token):
    """None when the guest did its part, else why not."""
    fails = [l for l in text.splitlines() if 'HEMU-NET-FAIL' in l]
    if fails:
        return f'the guest said: {fails[0].strip()}'
    dhcp = [l for l in text.splitlines() if 'HEMU-NET-DHCP' in l]
    if not dhcp:
        return 'no HEMU-NET-DHCP line (udhcpc got no lease)'
    if EXPECT_DHCP not in dhcp[0]:
        return f'DHCP gave {dhcp[0].strip()!r}, expected {EXPECT_DHCP}'
    if f'HEMU-NET-GOT {token}' not in text:
        return f'the guest did not print HEMU-NET-GOT {token} (wget)'
    if 'HEMU-NET-DONE' not in text:
        return 'no HEMU-NET-DONE line'
    problems = log_problems(text)
    if problems:
        return ('kernel log lines not in linux-log-allow.txt:\n' +
                '\n'.join('    ' + p for p in problems))
    return None


def boot(hemu, name, vmlinuz, initrd, http_port, timeout):
    """True when configuration @name passes (see the module's doc)."""
    fwd = free_port()
    net = [a.replace('{fwd}', str(fwd)) for a in CONFIGS[name]]
    cmd = [hemu, *MACHINE, '-kernel', vmlinuz, '-initrd', initrd,
           '-append', APPEND, *net]
    log(f'# {name}: {" ".join(cmd)}')
    start = time.monotonic()
    deadline = start + timeout
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    console = Console(proc)
    echo_token = secrets.token_hex(8).encode()
    why = None
    if not console.wait_for('HEMU-NET-LISTEN', deadline):
        why = 'the guest never listened on port 7777'
    elif not echo_through(fwd, echo_token, min(deadline,
                                               time.monotonic() + 60)):
        why = f'no echo through hostfwd 127.0.0.1:{fwd} -> guest:7777'
    try:
        rc = proc.wait(max(1, deadline - time.monotonic()))
    except subprocess.TimeoutExpired:
        proc.kill()
        rc = f'timeout ({proc.wait()})'
    console.thread.join(5)
    err = proc.stderr.read().decode(errors='replace')
    wall = time.monotonic() - start
    text = console.text()
    why = why or (f'hemu exit status {rc}' if rc != 0 else None)
    why = why or check_console(text, Hello.token.decode())
    if not why:
        log(f'ok {name}: DHCP, wget and hostfwd echo (wall {wall:.1f} s)')
        return True
    log(f'FAIL {name} after {wall:.1f} s: {why}')
    log_console_tail(text, err, 30)
    return False


def main(argv):
    if len(argv) < 2:
        print(__doc__)
        return 2
    hemu = os.path.abspath(argv[1])
    names = select_configs(argv[2:], CONFIGS)
    if names is None:
        return 2
    got = fetch_or_skip(hemu)
    if not got:
        return SKIP
    cache, vmlinuz, busybox = got
    modules = kernel_modules(vmlinuz, MODULES)
    if modules is None:
        log('FAIL: the kernel package lacks the modules ' + ', '.join(MODULES))
        return 1
    log(f'# modules, in insmod order: {" ".join(n for n, _ in modules)}')
    Hello.token = ('hemu-net-' + secrets.token_hex(8)).encode()
    server = http.server.ThreadingHTTPServer(('127.0.0.1', 0), Hello)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    http_port = server.server_address[1]
    initrd = os.path.join(cache, 'initramfs-net.cpio.gz')
    build_initramfs(busybox, initrd, modules, http_port)
    timeout = int(os.environ.get('HEMU_LINUX_TIMEOUT', '600'))
    try:
        passed = sum(boot(hemu, n, vmlinuz, initrd, http_port, timeout)
                     for n in names)
    finally:
        server.shutdown()
    log(f'linux-net: {passed} of {len(names)} configurations passed')
    return 0 if passed == len(names) else 1


if __name__ == '__main__':
    sys.exit(main(sys.argv))
