#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Boot Debian's arm64 Linux kernel on -M virt to a busybox marker line.

Usage: test-linux-boot.py PATH-TO-HEMU [CONFIG...]

The acceptance test of issue 7 (first part).  It fetches Debian's arm64
kernel (the versioned package linux-image-arm64 depends on; its vmlinuz
is a plain arm64 Image) and busybox-static with `dpkg --add-architecture
arm64`, `apt-get update` and `apt-get download` into a cache directory
($HEMU_TEST_CACHE, else linux-cache/ beside the hemu binary), builds an
initramfs (cpio "newc", written here) whose /init prints the marker line
with the kernel's uptime and powers off with `poweroff -f` (PSCI
SYSTEM_OFF), and boots it:

  hemu -M virt -cpu cortex-a57 -m 512M -nographic -no-reboot \\
       -kernel vmlinuz -initrd initramfs.cpio.gz \\
       -append "console=ttyAMA0 panic=-1"

A configuration passes when the marker appears and hemu exits with status
0.  On failure the last console lines are printed, to show how far the
kernel got.  CONFIGs (default: all): smp1, smp2, a53, gicv2, gicv2-smp2.  Exit 77
(skipped) when the packages cannot be fetched (offline, not root, no
apt).  $HEMU_LINUX_TIMEOUT sets the per-boot timeout in seconds (default
600).  This test is in the meson suite "linux", outside `make check`.
"""
import glob
import gzip
import io
import os
import shutil
import subprocess
import sys
import time

MARKER = 'HEMU-LINUX-BOOT-OK'
SKIP = 77
APPEND = 'console=ttyAMA0 panic=-1'
CONFIGS = {
    'smp1': ['-M', 'virt', '-cpu', 'cortex-a57'],
    'smp2': ['-M', 'virt', '-cpu', 'cortex-a57', '-smp', '2'],
    'a53': ['-M', 'virt', '-cpu', 'cortex-a53'],
    'gicv2': ['-M', 'virt,gic-version=2', '-cpu', 'cortex-a57'],
    'gicv2-smp2': ['-M', 'virt,gic-version=2', '-cpu', 'cortex-a57',
                   '-smp', '2'],
}

# /init: busybox's sh reads the uptime from /proc, prints the marker and
# powers off at once (-f: no init system to ask).
INIT = f'''#!/bin/busybox sh
/bin/busybox mount -t proc proc /proc
read up idle < /proc/uptime
echo "{MARKER} uptime=$up"
/bin/busybox poweroff -f
'''


def log(msg):
    print(msg, flush=True)


# --------------------------------------------------------------------------
# Fetching

def sh(*cmd, cwd=None):
    """Run @cmd; its stdout, or None when it fails."""
    try:
        p = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True,
                           timeout=600, stdin=subprocess.DEVNULL)
    except (OSError, subprocess.TimeoutExpired) as e:
        log(f'# {" ".join(cmd)}: {e}')
        return None
    if p.returncode:
        log(f'# {" ".join(cmd)}: status {p.returncode}: {p.stderr[-500:]}')
        return None
    return p.stdout


def ensure_arm64_apt():
    out = sh('dpkg', '--print-foreign-architectures')
    if out is None:
        return False
    if 'arm64' in out.split():
        return True
    return sh('dpkg', '--add-architecture', 'arm64') is not None and \
        sh('apt-get', 'update') is not None


def kernel_package():
    """linux-image-<version>-arm64, the one linux-image-arm64 pulls in."""
    out = sh('apt-cache', 'depends', 'linux-image-arm64:arm64')
    for line in (out or '').splitlines():
        # "  Depends: linux-image-6.1.0-56-arm64:arm64"
        name = line.split(':', 1)[-1].strip().split(':')[0]
        if line.strip().startswith('Depends:') and \
                name.startswith('linux-image-') and name.endswith('-arm64'):
            return name
    return None


def fetch(cache):
    """(vmlinuz, busybox) in @cache, downloading them once; or None."""
    kernels = glob.glob(os.path.join(cache, 'x', 'linux', 'boot',
                                     'vmlinuz-*'))
    busybox = os.path.join(cache, 'x', 'busybox', 'bin', 'busybox')
    if kernels and os.path.exists(busybox):
        return sorted(kernels)[-1], busybox
    if not shutil.which('apt-get') or not ensure_arm64_apt():
        return None
    pkg = kernel_package()
    if not pkg:
        log('# no linux-image-*-arm64 package found for arm64')
        return None
    os.makedirs(cache, exist_ok=True)
    for name, dest in ((pkg, 'linux'), ('busybox-static', 'busybox')):
        if sh('apt-get', 'download', f'{name}:arm64', cwd=cache) is None:
            return None
        deb = sorted(glob.glob(os.path.join(cache, f'{name}_*_arm64.deb')))
        os.makedirs(os.path.join(cache, 'x', dest), exist_ok=True)
        if not deb or sh('dpkg-deb', '-x', deb[-1],
                         os.path.join(cache, 'x', dest)) is None:
            return None
    kernels = glob.glob(os.path.join(cache, 'x', 'linux', 'boot',
                                     'vmlinuz-*'))
    if not kernels or not os.path.exists(busybox):
        log('# the packages did not hold boot/vmlinuz-* and bin/busybox')
        return None
    return sorted(kernels)[-1], busybox


# --------------------------------------------------------------------------
# The initramfs: cpio "newc" (the kernel's
# Documentation/driver-api/early-userspace/buffer-format.rst)

def cpio_entry(out, ino, name, mode, data=b'', rdev=(0, 0)):
    name_b = name.encode() + b'\0'
    fields = [ino, mode, 0, 0, 1, 0, len(data), 0, 0, rdev[0], rdev[1],
              len(name_b), 0]
    out.write(b'070701' + b''.join(b'%08X' % f for f in fields))
    out.write(name_b)
    out.write(b'\0' * (-(110 + len(name_b)) % 4))
    out.write(data)
    out.write(b'\0' * (-len(data) % 4))


def build_initramfs(busybox, path):
    with open(busybox, 'rb') as f:
        bb = f.read()
    buf = io.BytesIO()
    entries = [
        ('bin', 0o040755, b'', (0, 0)),
        ('bin/busybox', 0o100755, bb, (0, 0)),
        ('init', 0o100755, INIT.encode(), (0, 0)),
        ('proc', 0o040755, b'', (0, 0)),
        ('dev', 0o040755, b'', (0, 0)),
        ('dev/console', 0o020600, b'', (5, 1)),   # char 5:1
    ]
    for ino, (name, mode, data, rdev) in enumerate(entries, 1):
        cpio_entry(buf, ino, name, mode, data, rdev)
    cpio_entry(buf, 0, 'TRAILER!!!', 0)
    with gzip.open(path, 'wb') as f:
        f.write(buf.getvalue())


# --------------------------------------------------------------------------
# Booting

def boot(hemu, name, vmlinuz, initrd, timeout):
    """True when the marker appears and hemu exits with status 0."""
    cmd = [hemu, *CONFIGS[name], '-m', '512M', '-nographic', '-no-reboot',
           '-kernel', vmlinuz, '-initrd', initrd, '-append', APPEND]
    log(f'# {name}: {" ".join(cmd)}')
    start = time.monotonic()
    try:
        p = subprocess.run(cmd, capture_output=True, timeout=timeout,
                           stdin=subprocess.DEVNULL)
        rc, out, err = p.returncode, p.stdout, p.stderr
    except subprocess.TimeoutExpired as e:
        rc, out, err = 'timeout', e.stdout or b'', e.stderr or b''
    wall = time.monotonic() - start
    text = out.decode(errors='replace')
    marker = [l for l in text.splitlines() if MARKER in l]
    ok = rc == 0 and bool(marker)
    if ok:
        log(f'ok {name}: {marker[0].strip()} (wall {wall:.1f} s)')
        return True
    log(f'FAIL {name}: status {rc} after {wall:.1f} s, marker '
        f'{"seen" if marker else "not seen"}; last console lines:')
    for line in text.splitlines()[-25:]:
        log('    | ' + line)
    for line in err.decode(errors='replace').splitlines()[-10:]:
        log('    stderr: ' + line)
    return False


def main(argv):
    if len(argv) < 2:
        print(__doc__)
        return 2
    hemu = os.path.abspath(argv[1])
    names = argv[2:] or list(CONFIGS)
    bad = [n for n in names if n not in CONFIGS]
    if bad:
        log(f'unknown configuration {bad[0]} (accepted: '
            f'{", ".join(CONFIGS)})')
        return 2
    cache = os.environ.get('HEMU_TEST_CACHE') or \
        os.path.join(os.path.dirname(hemu), 'linux-cache')
    files = fetch(cache)
    if not files:
        log('skip: cannot fetch the Debian arm64 kernel and busybox-static')
        return SKIP
    vmlinuz, busybox = files
    initrd = os.path.join(cache, 'initramfs.cpio.gz')
    build_initramfs(busybox, initrd)
    timeout = int(os.environ.get('HEMU_LINUX_TIMEOUT', '600'))
    passed = sum(boot(hemu, n, vmlinuz, initrd, timeout) for n in names)
    log(f'linux-boot: {passed} of {len(names)} configurations booted')
    return 0 if passed == len(names) else 1


if __name__ == '__main__':
    sys.exit(main(sys.argv))
