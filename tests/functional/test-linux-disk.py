#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Debian's arm64 Linux on -M virt writes to a virtio-blk disk; the host
reads the file back.

Usage: test-linux-disk.py PATH-TO-HEMU [CONFIG...]

The disk test of issue 7 (docs/user/virtio.md).  For each configuration
it makes a 16 MiB ext2 image on the host (`mke2fs -t ext2 -d DIR`, DIR
holding in.txt with a fresh random token) and boots the kernel that
test-linux-boot.py uses (linuxlib.fetch) with an initramfs whose /init
mounts devtmpfs, insmods the modules the disk needs (virtio_mmio,
virtio_blk, ext4 -- which serves ext2 -- and their dependencies, copied
from the kernel package, dependencies first: linuxlib.kernel_modules),
mounts /dev/vda, prints in.txt, writes out.txt holding the token and the
uptime, unmounts and syncs, and powers off:

  hemu -M virt -cpu cortex-a57 -m 512M -nographic -no-reboot \\
       -kernel vmlinuz -initrd initramfs-disk.cpio.gz \\
       -append "console=ttyAMA0 panic=-1" DISK-OPTIONS

CONFIGs (default: both): device (`-drive file=disk.img,if=none,
format=raw,id=hd0 -device virtio-blk-device,drive=hd0`) and ifvirtio
(`-drive file=disk.img,if=virtio,format=raw`).

A configuration passes when hemu exits with status 0 after /init's last
line, the guest printed the token it read, `debugfs -R 'cat /out.txt'`
shows the line the guest wrote (the token and a plausible uptime),
`e2fsck -fn` finds the filesystem clean, and the kernel log holds no line
linuxlib.log_problems() flags (see linux-log-allow.txt).

Exit 77 (skipped) when the packages cannot be fetched or mke2fs, debugfs
or e2fsck are missing (e2fsprogs).  $HEMU_LINUX_TIMEOUT sets the per-boot
timeout in seconds (default 600).
"""
import os
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
import time

from linuxlib import (SKIP, fetch_or_skip, kernel_modules, log,
                      log_console_tail, log_problems, select_configs,
                      write_initramfs)

APPEND = 'console=ttyAMA0 panic=-1'
MACHINE = ['-M', 'virt', '-cpu', 'cortex-a57', '-m', '512M', '-nographic',
           '-no-reboot']
CONFIGS = {
    'device': ['-drive', 'file={img},if=none,format=raw,id=hd0',
               '-device', 'virtio-blk-device,drive=hd0'],
    'ifvirtio': ['-drive', 'file={img},if=virtio,format=raw'],
}
# ext4 mounts ext2 (CONFIG_EXT4_USE_FOR_EXT2); Debian builds all three as
# modules.  kernel_modules() adds what they need (jbd2, mbcache, crc16,
# and crc32c_generic for ext4's soft dependency) and skips built-ins.
MODULES = ['virtio_mmio', 'virtio_blk', 'ext4']
IN_MARK = 'HEMU-DISK-IN'
DONE_MARK = 'HEMU-DISK-DONE'

# /init.  Each step prints a line the host can look for; a step that fails
# says so and the guest powers off at once (the host then reports it).
# virtio_blk's probe adds the disk before insmod returns, and devtmpfs
# makes /dev/vda; the wait loop only covers a slow uevent.
INIT = '''#!/bin/busybox sh
bb=/bin/busybox
fail() { echo "HEMU-DISK-FAIL $*"; $bb poweroff -f; }
$bb mount -t proc proc /proc
$bb mount -t devtmpfs devtmpfs /dev || fail mount devtmpfs
for m in MODULES; do $bb insmod /mod/$m.ko || fail insmod $m; done
n=0
while [ ! -b /dev/vda ] && [ $n -lt 100 ]; do $bb sleep 0.1; n=$((n + 1)); done
[ -b /dev/vda ] || fail no /dev/vda
$bb mount -t ext2 /dev/vda /mnt || fail mount /dev/vda
echo "IN_MARK $($bb cat /mnt/in.txt)"
read up idle < /proc/uptime
echo "hemu-disk-out token=$($bb cat /mnt/in.txt) uptime=$up" > /mnt/out.txt \\
    || fail write out.txt
$bb umount /mnt || fail umount
$bb sync
echo "DONE_MARK uptime=$up"
$bb poweroff -f
'''.replace('IN_MARK', IN_MARK).replace('DONE_MARK', DONE_MARK)

OUT_RE = re.compile(r'^hemu-disk-out token=([0-9a-f]+) uptime=(\d+\.\d+)$')


# The kernel-log filter must see these (made-up lines of the shapes the
# kernel prints) as trouble, and the allow-listed DMI line as fine.
LOG_SELF_TEST = """[    1.000000] WARNING: CPU: 0 PID: 1 at mm/slub.c:100 f+0x1/0x2
[    1.000001] Internal error: Oops: 0000000096000004 [#1] SMP
[    1.000002] virtio_blk virtio0: probe with driver virtio_blk failed with error -22
[    1.000003] rcu: INFO: rcu_sched self-detected stall on CPU
[    1.000004] DMI not present or invalid.
HEMU-DISK-FAIL this line is /init's, not the kernel's: ignored here"""
LOG_SELF_TEST_FLAGGED = 4


def log_filter_works():
    """True when log_problems() flags LOG_SELF_TEST's trouble lines only."""
    got = log_problems(LOG_SELF_TEST)
    if len(got) == LOG_SELF_TEST_FLAGGED and \
            not any('DMI' in g or 'HEMU' in g for g in got):
        return True
    log(f'FAIL: log_problems() on its self-test gave {got}')
    return False


def build_initramfs(busybox, path, modules):
    entries = [('mnt', 0o040755, b'', (0, 0)),
               ('mod', 0o040755, b'', (0, 0))]
    entries += [(f'mod/{name}.ko', 0o100644, elf, (0, 0))
                for name, elf in modules]
    init = INIT.replace('MODULES', ' '.join(n for n, _ in modules))
    write_initramfs(busybox, path, init, entries)


def run(cmd, timeout=60):
    """(status, stdout, stderr) of @cmd; status 'timeout' on a timeout."""
    try:
        p = subprocess.run(cmd, capture_output=True, timeout=timeout,
                           stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired as e:
        return 'timeout', e.stdout or b'', e.stderr or b''
    return p.returncode, p.stdout, p.stderr


def make_image(workdir, token):
    """A fresh 16 MiB ext2 image holding in.txt = @token: its path, or
    None when mke2fs fails."""
    src = os.path.join(workdir, 'src')
    os.makedirs(src)
    with open(os.path.join(src, 'in.txt'), 'w') as f:
        f.write(token + '\n')
    img = os.path.join(workdir, 'disk.img')
    rc, _, err = run(['mke2fs', '-q', '-t', 'ext2', '-d', src, img, '16M'])
    if rc != 0:
        log(f'# mke2fs: status {rc}: {err.decode(errors="replace")[-300:]}')
        return None
    return img


def check_disk(img, token):
    """None when the image holds the guest's out.txt and is clean."""
    rc, out, err = run(['debugfs', '-R', 'cat /out.txt', img])
    text = out.decode(errors='replace').strip()
    if rc != 0 or not text:
        return (f'debugfs found no /out.txt (status {rc}): '
                f'{err.decode(errors="replace").strip()[-200:]}')
    m = OUT_RE.match(text)
    if not m:
        return f'unexpected /out.txt: {text!r}'
    if m.group(1) != token:
        return f'/out.txt has token {m.group(1)}, the image had {token}'
    if not 0.0 < float(m.group(2)) < 3600.0:
        return f'/out.txt has an implausible uptime {m.group(2)}'
    rc, out, _ = run(['e2fsck', '-fn', img])
    if rc != 0:
        return (f'e2fsck -fn: status {rc}:\n' +
                out.decode(errors='replace')[-800:])
    return None


def check_console(text, token):
    """None when the guest read the token and finished, else why not."""
    fails = [l for l in text.splitlines() if 'HEMU-DISK-FAIL' in l]
    if fails:
        return f'the guest said: {fails[0].strip()}'
    if f'{IN_MARK} {token}' not in text:
        return f'the guest did not print {IN_MARK} {token}'
    if DONE_MARK not in text:
        return f'no {DONE_MARK} line'
    problems = log_problems(text)
    if problems:
        return ('kernel log lines not in linux-log-allow.txt:\n' +
                '\n'.join('    ' + p for p in problems))
    return None


def boot(hemu, name, vmlinuz, initrd, timeout):
    """True when configuration @name passes (see the module's doc)."""
    with tempfile.TemporaryDirectory(prefix='hemu-disk-') as workdir:
        token = secrets.token_hex(8)
        img = make_image(workdir, token)
        if not img:
            log(f'FAIL {name}: could not make the disk image')
            return False
        disk = [a.replace('{img}', img) for a in CONFIGS[name]]
        cmd = [hemu, *MACHINE, '-kernel', vmlinuz, '-initrd', initrd,
               '-append', APPEND, *disk]
        log(f'# {name}: {" ".join(cmd)}')
        start = time.monotonic()
        rc, out, err = run(cmd, timeout)
        wall = time.monotonic() - start
        text = out.decode(errors='replace')
        why = f'hemu exit status {rc}' if rc != 0 else None
        why = why or check_console(text, token) or check_disk(img, token)
        if not why:
            done = [l for l in text.splitlines() if DONE_MARK in l][0]
            log(f'ok {name}: {done.strip()} (wall {wall:.1f} s)')
            return True
        log(f'FAIL {name} after {wall:.1f} s: {why}')
        log_console_tail(text, err, 25)
        return False


def main(argv):
    if len(argv) < 2:
        print(__doc__)
        return 2
    hemu = os.path.abspath(argv[1])
    names = select_configs(argv[2:], CONFIGS)
    if names is None:
        return 2
    if not log_filter_works():
        return 1
    # e2fsprogs lives in /sbin, which a user's PATH may lack
    os.environ['PATH'] = os.environ.get('PATH', '') + ':/sbin:/usr/sbin'
    tools = [t for t in ('mke2fs', 'debugfs', 'e2fsck')
             if not shutil.which(t)]
    if tools:
        log(f'skip: {", ".join(tools)} missing (Debian package e2fsprogs)')
        return SKIP
    got = fetch_or_skip(hemu)
    if not got:
        return SKIP
    cache, vmlinuz, busybox = got
    modules = kernel_modules(vmlinuz, MODULES)
    if modules is None:
        log('FAIL: the kernel package lacks the modules ' + ', '.join(MODULES))
        return 1
    log(f'# modules, in insmod order: {" ".join(n for n, _ in modules)}')
    initrd = os.path.join(cache, 'initramfs-disk.cpio.gz')
    build_initramfs(busybox, initrd, modules)
    timeout = int(os.environ.get('HEMU_LINUX_TIMEOUT', '600'))
    passed = sum(boot(hemu, n, vmlinuz, initrd, timeout) for n in names)
    log(f'linux-disk: {passed} of {len(names)} configurations passed')
    return 0 if passed == len(names) else 1


if __name__ == '__main__':
    sys.exit(main(sys.argv))
