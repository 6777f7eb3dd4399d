#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Boot Debian's arm64 Linux kernel on -M virt (and -M hetero-virt) to a
busybox marker line.

Usage: test-linux-boot.py PATH-TO-HEMU [--dsp-elf HETERO-DSP.elf] [CONFIG...]

The acceptance test of issue 7 (first part) and of issue 8's Linux item.
It fetches Debian's arm64 kernel (the versioned package
linux-image-arm64 depends on; its vmlinuz is a plain arm64 Image) and
busybox-static with `dpkg --add-architecture arm64`, `apt-get update` and
`apt-get download` into a cache directory ($HEMU_TEST_CACHE, else
linux-cache/ beside the hemu binary), builds an initramfs (cpio "newc",
written here) whose /init prints the marker line with the kernel's
uptime and powers off with `poweroff -f` (PSCI SYSTEM_OFF), and boots it:

  hemu -M virt -cpu cortex-a57 -m 512M -nographic -no-reboot \\
       -kernel vmlinuz -initrd initramfs.cpio.gz \\
       -append "console=ttyAMA0 panic=-1"

A configuration passes when the marker appears and hemu exits with status
0.  On failure the last console lines are printed, to show how far the
kernel got.  CONFIGs (default: all): smp1, smp2, a53, gicv2, gicv2-smp2,
and hetero (needs --dsp-elf).

hetero boots the same kernel on -M hetero-virt with the demo's DSP
firmware (demo/hetero) loaded into the DSP by `-device loader` and
started at reset (dsp-autostart=on), so it runs while Linux boots.  Its
/init uses busybox devmem only: it reads the carveout's address from the
DSP controller, waits for the firmware's READY, writes the job ring and
one Adler-32 job over a 16-byte message into the carveout, rings mailbox
doorbell 0, waits for the job to be done and prints status, result and
the mailbox's doorbell state.  The test
compares the result with Adler-32 computed here (zlib) and requires the
DSP's doorbell back (mailbox STATUS bit 0).

Exit 77 (skipped) when the packages cannot be fetched (offline, not root,
no apt).  $HEMU_LINUX_TIMEOUT sets the per-boot timeout in seconds
(default 600).
"""
import os
import subprocess
import sys
import time
import zlib

from linuxlib import (SKIP, fetch_or_skip, log, log_console_tail,
                      log_problems, select_configs, write_initramfs)

MARKER = 'HEMU-LINUX-BOOT-OK'
APPEND = 'console=ttyAMA0 panic=-1'
CONFIGS = {
    'smp1': ['-M', 'virt', '-cpu', 'cortex-a57'],
    'smp2': ['-M', 'virt', '-cpu', 'cortex-a57', '-smp', '2'],
    'a53': ['-M', 'virt', '-cpu', 'cortex-a53'],
    'gicv2': ['-M', 'virt,gic-version=2', '-cpu', 'cortex-a57'],
    'gicv2-smp2': ['-M', 'virt,gic-version=2', '-cpu', 'cortex-a57',
                   '-smp', '2'],
    # + -device loader,file=<--dsp-elf>,cluster=dsp
    'hetero': ['-M', 'hetero-virt,dsp-autostart=on', '-cpu', 'cortex-a57',
               '-smp', '2'],
}

# /init: busybox's sh reads the uptime from /proc, prints the marker and
# powers off at once (-f: no init system to ask).  {dsp} is empty, or
# the DSP round trip of the hetero configuration.
INIT = '''#!/bin/busybox sh
/bin/busybox mount -t proc proc /proc
{dsp}read up idle < /proc/uptime
echo "MARKER uptime=$up"
/bin/busybox poweroff -f
'''.replace('MARKER', MARKER)

# The hetero configuration's DSP job, by devmem only (demo/hetero/proto.h:
# ring header at the carveout, descriptors at +0x100, data at +0x10000;
# DSP address of the carveout 0x80000000; docs/user/hetero-devices.md).
DSP_MESSAGE = b'hemu-hetero-dsp!'
DSP_MARKER = 'HEMU-DSP-JOB'
DSP_JOB = '''/bin/busybox mount -t devtmpfs devtmpfs /dev
dm() { /bin/busybox devmem "$@"; }
ctrl=0x0b010000; mbox=0x0b000000
base=$(dm $((ctrl + 0x30)) 32)
dm $base 32 0x52494e47; dm $((base + 4)) 32 16
dm $((base + 8)) 32 0; dm $((base + 12)) 32 0; dm $((base + 16)) 32 0
WORDS
j=$((base + 0x100))
dm $j 32 0; dm $((j + 4)) 32 2; dm $((j + 8)) 32 0x80010000
dm $((j + 12)) 32 LEN; dm $((j + 16)) 32 0; dm $((j + 20)) 32 0
dm $((j + 24)) 32 0; dm $((j + 28)) 32 0
dm $((mbox + 0x28)) 32 0
n=0; while [ $(( $(dm $((ctrl + 0x10)) 32) & 2 )) -eq 0 ] && [ $n -lt 100000 ]; do n=$((n + 1)); done
dm $((base + 8)) 32 1
dm $((mbox + 0x10)) 32 1
n=0; while [ $(( $(dm $((base + 16)) 32) )) -lt 1 ] && [ $n -lt 100000 ]; do n=$((n + 1)); done
echo "DSPMARK ctrl-status=$(dm $((ctrl + 0x10)) 32) done=$(dm $((base + 16)) 32) status=$(dm $((j + 28)) 32) result=$(dm $((j + 32)) 32) mbox-status=$(dm $((mbox + 0x20)) 32)"
'''.replace('DSPMARK', DSP_MARKER)


def dsp_job_script():
    words = []
    msg = DSP_MESSAGE + b'\0' * (-len(DSP_MESSAGE) % 4)
    for i in range(0, len(msg), 4):
        v = int.from_bytes(msg[i:i + 4], 'little')
        words.append(f'dm $((base + 0x10000 + {i})) 32 0x{v:08x}')
    return DSP_JOB.replace('WORDS', '\n'.join(words)) \
                  .replace('LEN', str(len(DSP_MESSAGE)))


def check_dsp_line(text):
    """None when the DSP's answer is right, else what was wrong."""
    lines = [l for l in text.splitlines() if DSP_MARKER in l]
    if not lines:
        return 'no DSP job line'
    kv = dict(f.split('=', 1) for f in lines[-1].split()[1:] if '=' in f)
    want = zlib.adler32(DSP_MESSAGE)
    try:
        got = {k: int(v, 0) for k, v in kv.items()}
    except ValueError:
        return f'unreadable DSP job line: {lines[-1]}'
    if not got.get('ctrl-status', 0) & 2:
        return f'the DSP firmware never reported READY: {lines[-1]}'
    if got.get('done') != 1 or got.get('status') != 1:
        return f'the DSP did not complete the job: {lines[-1]}'
    if got.get('result') != want:
        return (f'DSP Adler-32 0x{got.get("result", 0):08x}, expected '
                f'0x{want:08x}')
    if not got.get('mbox-status', 0) & 1:
        return f'no doorbell from the DSP: {lines[-1]}'
    return None


def build_initramfs(busybox, path, dsp=''):
    write_initramfs(busybox, path, INIT.replace('{dsp}', dsp))


# --------------------------------------------------------------------------
# Booting

def boot(hemu, name, vmlinuz, initrd, timeout, extra=()):
    """True when the marker appears and hemu exits with status 0."""
    cmd = [hemu, *CONFIGS[name], *extra, '-m', '512M', '-nographic',
           '-no-reboot', '-kernel', vmlinuz, '-initrd', initrd,
           '-append', APPEND]
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
    why = (check_dsp_line(text) if name == 'hetero' else None) or \
        '; '.join(['kernel log: ' + p for p in log_problems(text)]) or None
    if ok and why:
        log(f'FAIL {name}: {why}')
        ok = False
    if ok:
        log(f'ok {name}: {marker[0].strip()} (wall {wall:.1f} s)')
        return True
    log(f'FAIL {name}: status {rc} after {wall:.1f} s, marker '
        f'{"seen" if marker else "not seen"}')
    log_console_tail(text, err)
    return False


def main(argv):
    if len(argv) < 2:
        print(__doc__)
        return 2
    hemu = os.path.abspath(argv[1])
    args = argv[2:]
    dsp_elf = None
    if args[:1] == ['--dsp-elf'] and len(args) >= 2:
        dsp_elf = os.path.abspath(args[1])
        args = args[2:]
    names = select_configs(args or [n for n in CONFIGS
                                    if n != 'hetero' or dsp_elf], CONFIGS)
    if names is None:
        return 2
    got = fetch_or_skip(hemu)
    if not got:
        return SKIP
    cache, vmlinuz, busybox = got
    initrd = os.path.join(cache, 'initramfs.cpio.gz')
    build_initramfs(busybox, initrd)
    timeout = int(os.environ.get('HEMU_LINUX_TIMEOUT', '600'))
    if 'hetero' in names and not dsp_elf:
        log('configuration hetero needs --dsp-elf HETERO-DSP.elf')
        return 2
    passed = 0
    for n in names:
        if n == 'hetero':
            het_initrd = os.path.join(cache, 'initramfs-hetero.cpio.gz')
            build_initramfs(busybox, het_initrd, dsp_job_script())
            passed += boot(hemu, n, vmlinuz, het_initrd, timeout,
                           ['-device', f'loader,file={dsp_elf},cluster=dsp'])
        else:
            passed += boot(hemu, n, vmlinuz, initrd, timeout)
    log(f'linux-boot: {passed} of {len(names)} configurations booted')
    return 0 if passed == len(names) else 1


if __name__ == '__main__':
    sys.exit(main(sys.argv))
