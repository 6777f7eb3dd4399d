#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Functional tests of the virt machine (docs/user/virt.md).

Usage: test-virt.py PATH-TO-HEMU

Runs the built binary as a user would: the machine's listing, properties
and errors (no -kernel, unknown -cpu, too many CPUs, an image larger than
RAM, the -semihosting options), then tiny guests built here with clang-19
and ld.lld-19 (skipped when those are missing): an ELF, a raw image and
two Linux arm64 Images.  Each guest prints a line on the PL011 and exits
through semihosting SYS_EXIT_EXTENDED with code 3 when it finds itself
loaded where docs/user/virt.md says (4 otherwise), so the exit status
checks the loader and the exit path.  The ELF and both Images were
checked on qemu-system-aarch64 -M virt -cpu cortex-a57 -semihosting, which
gives the same output and status; QEMU places a raw image as a Linux
kernel at RAM + 0x80000 (status 4 there), hemu at RAM (docs/user/virt.md).

The device tree: -M virt,dumpdtb=FILE is parsed here by a small FDT reader
of our own (Devicetree Specification v0.4, chapter 5) and its nodes are
checked against the values docs/user/virt.md lists.  The Linux boot
protocol: a guest Image (text_offset 0) checks x0..x3 and CurrentEL on
entry, and writes the blob at x0 to a host file through semihosting, so
the test sees the DTB the guest got (with -append, -initrd, -dtb, and a
gzip'ed kernel).  Where it lands (RAM + 2 MiB for text_offset 0) was
checked on qemu-system-aarch64, which puts it there too.
"""
import gzip
import os
import shutil
import struct
import subprocess
import sys
import tempfile

HEMU = None
failures = []

# The guest: PL011 at 0x09000000 (data register at offset 0), semihosting
# call 0x20 (SYS_EXIT_EXTENDED) with the block {ADP_Stopped_ApplicationExit
# = 0x20026, code}.  Position independent: it compares its own address
# with EXPECT.  With IMAGE, it starts with the arm64 Image header of the
# kernel's Documentation/arch/arm64/booting.rst (code0 branches over it,
# text_offset at 8, image_size at 16, magic "ARM\x64" at 56).
GUEST = r'''
    .text
    .globl _start
_start:
#ifdef IMAGE
    b code
    .word 0
    .quad TEXT_OFFSET
    .quad IMAGE_SIZE
    .quad 0, 0, 0, 0
    .ascii "ARM\x64"
    .word 0
code:
#endif
    movz x0, #0x0900, lsl #16
    adr x1, msg
1:  ldrb w2, [x1], #1
    cbz w2, 2f
    str w2, [x0]
    b 1b
2:  adr x3, _start
    ldr x4, expect
    mov x5, #3
    mov x6, #4
    cmp x3, x4
    csel x5, x5, x6, eq
    adr x1, block
    str x5, [x1, #8]
    mov x0, #0x20
    hlt #0xf000
3:  b 3b
    .balign 8
expect: .quad EXPECT
block: .quad 0x20026, 0
msg: .asciz "hello from virt\n"
'''


def run(*args, timeout=20, cwd=None):
    """Run hemu with @args; return (status, stdout, stderr)."""
    p = subprocess.run([HEMU, *args], capture_output=True, text=True,
                       timeout=timeout, stdin=subprocess.DEVNULL, cwd=cwd)
    return p.returncode, p.stdout, p.stderr


def check(name, cond, detail=''):
    if cond:
        print(f'ok {name}')
    else:
        print(f'FAIL {name}: {detail}')
        failures.append(name)


def expect(name, args, status, out=(), err=()):
    """hemu ARGS exits with @status; stdout/stderr contain the strings."""
    try:
        rc, so, se = run(*args)
    except subprocess.TimeoutExpired:
        check(name, False, 'timed out')
        return '', ''
    detail = f'status {rc}\nstdout: {so[:2000]}\nstderr: {se[:2000]}'
    ok = rc == status and all(s in so for s in out) and \
        all(s in se for s in err)
    check(name, ok, detail)
    return so, se


def test_listing_and_errors(tmp):
    expect('machine-list', ['-M', 'help'], 0, out=['virt'])
    expect('machine-props', ['-M', 'virt,help'], 0,
           out=['virtualization=<bool>', 'secure=<bool>',
                'semihosting=<bool>', 'semihosting-root=<string>',
                'gic-version=<uint32>', 'dumpdtb=<string>'])
    expect('no-kernel', ['-M', 'virt'], 1,
           err=['-M virt needs -kernel until flash is implemented'])
    raw = os.path.join(tmp, 'two-mib.bin')
    with open(raw, 'wb') as f:
        f.write(b'\0' * (2 << 20))
    expect('bad-cpu', ['-M', 'virt', '-cpu', 'cortex-a99', '-kernel', raw],
           1, err=["unknown CPU model 'cortex-a99'",
                   'cortex-a53, cortex-a57, max'])
    expect('gic-version-4', ['-M', 'virt,gic-version=4', '-kernel', raw],
           1, err=['gic-version', '4', '2', '3'])
    expect('gic-v2-9-cpus', ['-M', 'virt,gic-version=2', '-smp', '9',
                             '-kernel', raw], 1,
           err=['gic-version=2', 'at most 8', 'not 9'])
    expect('initrd-needs-image', ['-M', 'virt', '-kernel', raw, '-initrd',
                                  raw], 1,
           err=['-initrd needs a Linux arm64 Image', 'raw image'])
    expect('too-many-cpus', ['-M', 'virt', '-smp', '300', '-kernel', raw],
           1, err=['300 CPUs', 'at most 256'])
    # 2 MiB of raw image in 1 MiB of RAM
    expect('ram-too-small', ['-M', 'virt', '-m', '1M', '-kernel', raw], 1,
           err=['two-mib.bin', 'do not fit', 'raise -m'])
    expect('missing-kernel-file', ['-M', 'virt', '-kernel',
                                   os.path.join(tmp, 'nope.elf')], 1,
           err=['-kernel', 'nope.elf'])
    # -semihosting is the machine property "semihosting"
    expect('semihosting-needs-property', ['-M', 'none', '-semihosting'], 1,
           err=['semihosting'])
    expect('semihosting-config-target',
           ['-M', 'virt', '-semihosting-config', 'enable=on,target=gdb'], 1,
           err=["target 'gdb'", 'native'])
    expect('semihosting-config-param',
           ['-M', 'virt', '-semihosting-config', 'enable=on,chardev=c0'], 1,
           err=["parameter 'chardev'", 'enable', 'target'])
    expect('semihosting-config-bool',
           ['-M', 'virt', '-semihosting-config', 'enable=maybe'], 1,
           err=['enable', 'maybe'])
    # -blockdev: a backend for -device virtio-blk-device,drive=NODE
    dtb = os.path.join(tmp, 'blockdev.dtb')
    expect('blockdev', ['-M', f'virt,dumpdtb={dtb}', '-blockdev',
                        f'driver=file,filename={raw},node-name=d0',
                        '-device', 'virtio-blk-device,drive=d0'], 0)
    expect('blockdev-driver', ['-M', 'virt', '-blockdev',
                               f'driver=qcow2,filename={raw},node-name=d0'],
           1, err=['qcow2', 'file'])
    expect('blockdev-missing-file',
           ['-M', 'virt', '-blockdev',
            f'driver=file,filename={tmp}/nope.img,node-name=d0',
            '-kernel', raw], 1, err=['nope.img'])


def build_guest(tmp, name, defines, binary):
    """Assemble and link the guest at 0x40000000; return the file."""
    src = os.path.join(tmp, 'guest.S')
    with open(src, 'w') as f:
        f.write(GUEST)
    obj = os.path.join(tmp, name + '.o')
    elf = os.path.join(tmp, name + '.elf')
    subprocess.run(['clang-19', '--target=aarch64-none-elf', '-c', src,
                    '-o', obj] + ['-D' + d for d in defines], check=True)
    # -N: one segment, no ELF headers loaded below RAM (no flash yet)
    subprocess.run(['ld.lld-19', '-N', '-Ttext=0x40000000', '-e', '_start',
                    obj, '-o', elf], check=True)
    if not binary:
        return elf
    out = os.path.join(tmp, name + '.bin')
    subprocess.run(['llvm-objcopy-19', '-O', 'binary', elf, out], check=True)
    return out


def test_guests(tmp):
    tools = ['clang-19', 'ld.lld-19', 'llvm-objcopy-19']
    if not all(shutil.which(t) for t in tools):
        print(f'skip guests: need {", ".join(tools)}')
        return
    guests = [
        # name, defines, binary, where virt.md says it lands
        ('elf', ['EXPECT=0x40000000'], False),
        ('raw', ['EXPECT=0x40000000'], True),
        ('image', ['IMAGE', 'TEXT_OFFSET=0x100000', 'IMAGE_SIZE=0x10000',
                   'EXPECT=0x40100000'], True),
        # image_size 0: text_offset is not valid, 0x80000 is assumed
        ('image-old', ['IMAGE', 'TEXT_OFFSET=0x100000', 'IMAGE_SIZE=0',
                       'EXPECT=0x40080000'], True),
    ]
    for name, defines, binary in guests:
        kernel = build_guest(tmp, name, defines, binary)
        for cpu in ('cortex-a57', 'cortex-a53', 'max'):
            expect(f'guest-{name}-{cpu}',
                   ['-M', 'virt', '-cpu', cpu, '-semihosting', '-nographic',
                    '-kernel', kernel], 3, out=['hello from virt'])
    elf = os.path.join(tmp, 'elf.elf')
    # secondaries stay off until CPU_ON; the run ends the same way
    expect('guest-smp4', ['-M', 'virt', '-smp', '4', '-semihosting',
                          '-nographic', '-kernel', elf], 3,
           out=['hello from virt'])
    expect('guest-semihosting-config',
           ['-M', 'virt', '-semihosting-config', 'enable=on,target=native',
            '-nographic', '-kernel', elf], 3, out=['hello from virt'])
    expect('guest-el2', ['-M', 'virt,virtualization=on', '-semihosting',
                         '-nographic', '-kernel', elf], 3,
           out=['hello from virt'])
    out = os.path.join(tmp, 'serial.txt')
    rc, _, se = run('-M', 'virt', '-semihosting', '-serial', 'file:' + out,
                    '-kernel', elf)
    with open(out) as f:
        text = f.read()
    check('guest-serial-file', rc == 3 and text == 'hello from virt\n',
          f'status {rc}, serial {text!r}, stderr {se[:500]}')


# --------------------------------------------------------------------------
# The device tree

def fdt_parse(blob):
    """{path: {prop: bytes}} of a flattened device tree (DT spec ch. 5)."""
    (magic, _total, off_struct, off_strings) = struct.unpack('>4I', blob[:16])
    if magic != 0xd00dfeed:
        raise ValueError(f'bad FDT magic {magic:#x}')
    nodes, path, pos = {}, [], off_struct
    while True:
        tok, = struct.unpack('>I', blob[pos:pos + 4])
        pos += 4
        if tok == 1:                        # FDT_BEGIN_NODE
            end = blob.index(b'\0', pos)
            path.append(blob[pos:end].decode())
            pos = (end + 4) & ~3
            nodes['/' + '/'.join(p for p in path if p)] = {}
        elif tok == 2:                      # FDT_END_NODE
            path.pop()
        elif tok == 3:                      # FDT_PROP
            ln, nameoff = struct.unpack('>II', blob[pos:pos + 8])
            val = blob[pos + 8:pos + 8 + ln]
            pos = (pos + 8 + ln + 3) & ~3
            start = off_strings + nameoff
            name = blob[start:blob.index(b'\0', start)].decode()
            nodes['/' + '/'.join(p for p in path if p)][name] = val
        elif tok == 4:                      # FDT_NOP
            continue
        elif tok == 9:                      # FDT_END
            return nodes
        else:
            raise ValueError(f'bad FDT token {tok}')


def cells(val):
    return list(struct.unpack(f'>{len(val) // 4}I', val))


def strs(val):
    return val.rstrip(b'\0').decode().split('\0')


def dump_dtb(tmp, name, machine_opts, *extra):
    """hemu -M virt,dumpdtb=...; the parsed tree, or None."""
    path = os.path.join(tmp, name + '.dtb')
    expect('dumpdtb-' + name, ['-M', 'virt,dumpdtb=' + path + machine_opts,
                               *extra], 0)
    try:
        with open(path, 'rb') as f:
            return fdt_parse(f.read())
    except (OSError, ValueError) as e:
        check('dumpdtb-' + name + '-parse', False, str(e))
        return None


def check_props(name, node, want):
    """@node (a dict or None) has the properties @want, decoded."""
    for prop, value in want.items():
        got = None if node is None else node.get(prop)
        if got is not None and isinstance(value, list) and \
                value and isinstance(value[0], int):
            got = cells(got)
        elif got is not None and isinstance(value, list):
            got = strs(got)
        elif got is not None and isinstance(value, str):
            got = strs(got)[0]
        check(f'{name}-{prop}', got == value, f'got {got!r}, want {value!r}')


def test_dtb(tmp):
    t = dump_dtb(tmp, 'v3', '', '-smp', '2', '-m', '256M',
                 '-append', 'console=ttyAMA0 quiet')
    if t is None:
        return
    check_props('dtb-root', t.get('/'), {
        'compatible': 'linux,dummy-virt', '#address-cells': [2],
        '#size-cells': [2], 'interrupt-parent': [1]})
    # 256 MiB at 0x40000000, in 2+2 cells
    check_props('dtb-memory', t.get('/memory@40000000'), {
        'device_type': 'memory', 'reg': [0, 0x40000000, 0, 0x10000000]})
    for i in range(2):
        check_props(f'dtb-cpu{i}', t.get(f'/cpus/cpu@{i}'), {
            'device_type': 'cpu', 'compatible': 'arm,cortex-a57',
            'reg': [i], 'enable-method': 'psci'})
    check('dtb-no-cpu2', '/cpus/cpu@2' not in t, sorted(t))
    check_props('dtb-psci', t.get('/psci'), {
        'compatible': ['arm,psci-1.0', 'arm,psci-0.2'], 'method': 'hvc'})
    # GICv3: GICD 64 KiB, GICR 2 x 128 KiB
    check_props('dtb-gicv3', t.get('/intc@8000000'), {
        'compatible': 'arm,gic-v3', '#interrupt-cells': [3],
        'reg': [0, 0x08000000, 0, 0x10000, 0, 0x080a0000, 0, 0x40000],
        'phandle': [1]})
    # PPIs 13 14 11 10 (secure, phys, virt, hyp), level-high (4)
    check_props('dtb-timer', t.get('/timer'), {
        'compatible': ['arm,armv8-timer', 'arm,armv7-timer'],
        'interrupts': [1, 13, 4, 1, 14, 4, 1, 11, 4, 1, 10, 4]})
    check('dtb-timer-always-on', 'always-on' in t.get('/timer', {}), '')
    check_props('dtb-pl011', t.get('/pl011@9000000'), {
        'compatible': ['arm,pl011', 'arm,primecell'],
        'reg': [0, 0x09000000, 0, 0x1000], 'interrupts': [0, 1, 4],
        'clocks': [2, 2], 'clock-names': ['uartclk', 'apb_pclk']})
    check_props('dtb-pl031', t.get('/pl031@9010000'), {
        'compatible': ['arm,pl031', 'arm,primecell'],
        'reg': [0, 0x09010000, 0, 0x1000], 'interrupts': [0, 2, 4]})
    # 24 MHz = 0x016e3600
    check_props('dtb-apb-pclk', t.get('/apb-pclk'), {
        'compatible': 'fixed-clock', 'clock-frequency': [24000000],
        'phandle': [2], '#clock-cells': [0]})
    check_props('dtb-chosen', t.get('/chosen'), {
        'stdout-path': '/pl011@9000000', 'bootargs': 'console=ttyAMA0 quiet'})

    t = dump_dtb(tmp, 'v2', ',gic-version=2,virtualization=on', '-smp', '3')
    if t is None:
        return
    check_props('dtb-gicv2', t.get('/intc@8000000'), {
        'compatible': 'arm,cortex-a15-gic',
        'reg': [0, 0x08000000, 0, 0x10000, 0, 0x08010000, 0, 0x10000]})
    # GICv2 PPI flags: CPU mask 0b111 in bits 15:8 | level-high 4 = 0x704
    check_props('dtb-timer-v2', t.get('/timer'), {
        'interrupts': [1, 13, 0x704, 1, 14, 0x704, 1, 11, 0x704,
                       1, 10, 0x704]})
    check_props('dtb-psci-smc', t.get('/psci'), {'method': 'smc'})
    check('dtb-v2-no-bootargs', 'bootargs' not in t.get('/chosen', {}), '')
    # cpu 9 of 10: Aff1 = 1, Aff0 = 1 -> reg 0x101
    t = dump_dtb(tmp, 'smp10', '', '-smp', '10', '-cpu', 'max')
    if t is not None:
        check_props('dtb-cpu9', t.get('/cpus/cpu@101'), {
            'reg': [0x101], 'compatible': 'arm,armv8'})


# A Linux Image (text_offset 0, image_size 0x10000) that checks the boot
# protocol: x0 == EXPECT_DTB, x1 = x2 = x3 = 0, CurrentEL == EXPECT_EL and
# the FDT magic at x0, then writes the totalsize bytes at x0 to "dtb.out"
# (semihosting SYS_OPEN 0x01 mode 5 "wb", SYS_WRITE 0x05, SYS_CLOSE 0x02)
# and exits through SYS_EXIT_EXTENDED with 3 if all held, 4 otherwise.
LINUX_GUEST = r'''
    .text
    .globl _start
_start:
    b code
    .word 0
    .quad 0, 0x10000, 0, 0, 0, 0
    .ascii "ARM\x64"
    .word 0
code:
    mov x19, x0
    mov x20, #3
    mov x6, #4
    orr x5, x1, x2
    orr x5, x5, x3
    cmp x5, #0
    csel x20, x20, x6, eq
    ldr x4, expect_dtb
    cmp x19, x4
    csel x20, x20, x6, eq
    mrs x9, CurrentEL
    ldr x10, expect_el
    cmp x9, x10
    csel x20, x20, x6, eq
    ldr w7, [x19]
    rev w7, w7
    ldr w8, =0xd00dfeed
    cmp w7, w8
    csel x20, x20, x6, eq
    b.ne exit
    ldr w21, [x19, #4]
    rev w21, w21
    adr x1, blk
    adr x2, fname
    str x2, [x1]
    mov x2, #5
    str x2, [x1, #8]
    mov x2, #7
    str x2, [x1, #16]
    mov x0, #1
    hlt #0xf000
    mov x22, x0
    adr x1, blk
    str x22, [x1]
    str x19, [x1, #8]
    str x21, [x1, #16]
    mov x0, #5
    hlt #0xf000
    adr x1, blk
    str x22, [x1]
    mov x0, #2
    hlt #0xf000
exit:
    adr x1, blk
    ldr x2, =0x20026
    str x2, [x1]
    str x20, [x1, #8]
    mov x0, #0x20
    hlt #0xf000
1:  b 1b
    .ltorg
    .balign 8
expect_dtb: .quad EXPECT_DTB
expect_el: .quad EXPECT_EL
blk: .quad 0, 0, 0
fname: .asciz "dtb.out"
'''


def build_linux_guest(tmp, name, dtb, el):
    src = os.path.join(tmp, 'kernel-' + name + '.S')
    with open(src, 'w') as f:
        f.write(LINUX_GUEST)
    obj, elf = src[:-2] + '.o', src[:-2] + '.elf'
    out = src[:-2] + '.bin'
    subprocess.run(['clang-19', '--target=aarch64-none-elf', '-c', src,
                    '-o', obj, f'-DEXPECT_DTB={dtb:#x}',
                    f'-DEXPECT_EL={el << 2}'], check=True)
    subprocess.run(['ld.lld-19', '-N', '-Ttext=0x40000000', '-e', '_start',
                    obj, '-o', elf], check=True)
    subprocess.run(['llvm-objcopy-19', '-O', 'binary', elf, out], check=True)
    return out


def boot_linux_guest(tmp, name, kernel, *args):
    """Run the guest in its own directory; the DTB it got, or None."""
    wd = os.path.join(tmp, 'wd-' + name)
    os.makedirs(wd, exist_ok=True)
    try:
        rc, so, se = run('-M', 'virt' + (args[0] if args else ''),
                         '-semihosting', '-nographic', '-kernel', kernel,
                         *args[1:], cwd=wd)
    except subprocess.TimeoutExpired:
        check('linux-' + name, False, 'timed out')
        return None
    check('linux-' + name, rc == 3, f'status {rc}\n{so[:500]}\n{se[:1000]}')
    try:
        with open(os.path.join(wd, 'dtb.out'), 'rb') as f:
            return fdt_parse(f.read())
    except (OSError, ValueError) as e:
        check('linux-' + name + '-dtb', False, str(e))
        return None


def test_linux_protocol(tmp):
    tools = ['clang-19', 'ld.lld-19', 'llvm-objcopy-19']
    if not all(shutil.which(t) for t in tools):
        print(f'skip linux protocol: need {", ".join(tools)}')
        return
    # text_offset 0: the kernel at RAM + 2 MiB = 0x40200000, image_size
    # 64 KiB, so it ends at 0x40210000: the DTB at the next 2 MiB
    # boundary, 0x40400000
    plain = build_linux_guest(tmp, 'plain', 0x40400000, 1)
    t = boot_linux_guest(tmp, 'plain', plain, '', '-append', 'root=/dev/x')
    if t:
        check_props('linux-plain', t.get('/chosen'), {'bootargs':
                                                      'root=/dev/x'})
        check('linux-plain-no-initrd',
              'linux,initrd-start' not in t.get('/chosen', {}), '')
    # virtualization=on: entered at EL2
    el2 = build_linux_guest(tmp, 'el2', 0x40400000, 2)
    boot_linux_guest(tmp, 'el2', el2, ',virtualization=on')
    # with a 3000-byte initrd: at 0x40400000 (after the kernel), the DTB
    # after it at 0x40600000; /chosen says where the initrd is
    initrd = os.path.join(tmp, 'initrd.bin')
    with open(initrd, 'wb') as f:
        f.write(bytes(range(250)) * 12)
    withrd = build_linux_guest(tmp, 'initrd', 0x40600000, 1)
    t = boot_linux_guest(tmp, 'initrd', withrd, '', '-initrd', initrd)
    if t:
        check_props('linux-initrd', t.get('/chosen'), {
            'linux,initrd-start': [0, 0x40400000],
            'linux,initrd-end': [0, 0x40400000 + 3000]})
    # the same kernel gzip'ed: decompressed, same placement
    gz = withrd + '.gz'
    with open(withrd, 'rb') as fi, gzip.open(gz, 'wb') as fo:
        fo.write(fi.read())
    boot_linux_guest(tmp, 'gzip', gz, '', '-initrd', initrd)
    # -dtb: the user's blob (here a GICv2 one) with /chosen patched
    user = os.path.join(tmp, 'user.dtb')
    expect('dumpdtb-user', ['-M', 'virt,gic-version=2,dumpdtb=' + user], 0)
    t = boot_linux_guest(tmp, 'dtb', withrd, '', '-dtb', user, '-initrd',
                         initrd, '-append', 'from -append')
    if t:
        check_props('linux-dtb-user', t.get('/intc@8000000'), {
            'compatible': 'arm,cortex-a15-gic'})
        check_props('linux-dtb-chosen', t.get('/chosen'), {
            'bootargs': 'from -append', 'stdout-path': '/pl011@9000000',
            'linux,initrd-start': [0, 0x40400000],
            'linux,initrd-end': [0, 0x40400000 + 3000]})
    bad = os.path.join(tmp, 'bad.dtb')
    with open(bad, 'wb') as f:
        f.write(b'not a tree' * 10)
    expect('dtb-bad', ['-M', 'virt', '-kernel', plain, '-dtb', bad], 1,
           err=['-dtb', 'bad.dtb', 'not a flattened device tree'])
    expect('linux-secure', ['-M', 'virt,secure=on', '-kernel', plain], 1,
           err=['EL3', 'secure=off'])



def test_monitor(tmp):
    """Every HMP command on -M virt (issue 10; hetero-virt: test-hetero.py).

    The kernel is a raw image of four known words at 0x40000000 (the first
    is `b .`, so `cont` runs in place): x (the CPU's virtual view, MMU off)
    and xp must both show them."""
    words = (0x14000000, 0xdeadbeef, 0x12345678, 0xcafef00d)
    img = os.path.join(tmp, 'words.bin')
    with open(img, 'wb') as f:
        f.write(b''.join(w.to_bytes(4, 'little') for w in words))
    cmds = ('x /4wx 0x40000000\nxp /4wx 0x40000000\ninfo registers\n'
            'info irq\ninfo clocks\ninfo qom-tree\ninfo qtree\n'
            'info mtree\ncont\nstop\nsystem_reset\ninfo cpus\ncpu 1\n'
            'info registers\nquit\n')
    p = subprocess.run([HEMU, '-M', 'virt', '-smp', '2', '-kernel', img,
                        '-serial', 'null', '-S', '-monitor', 'stdio'],
                       input=cmds, capture_output=True, text=True,
                       timeout=30)
    out = p.stdout
    line = '0000000040000000: ' + ' '.join(f'0x{w:08x}' for w in words)
    checks = {
        'x and xp show the image': out.count(line) == 2,
        'info registers': 'CPU#0 /machine/cpus/cpu[0]' in out and
        'PSTATE=' in out,
        'info irq': '(no interrupt line was ever raised)' in out,
        'info clocks': '/machine/uart0/clk (in): 24000000 Hz' in out,
        'info qom-tree': '  machine (virt-machine)' in out and
        '    gic (arm-gicv3)' in out,
        'info qtree': '/machine/gic (arm-gicv3)' in out,
        'info mtree': 'address space of cluster /machine/cpus' in out,
        'info cpus after system_reset, then cpu 1':
            '* CPU #0: /machine/cpus/cpu[0]' in out and
            'CPU#1 /machine/cpus/cpu[1]' in out,
    }
    for what, ok in checks.items():
        check(f'monitor-{what}', p.returncode == 0 and ok,
              f'status {p.returncode}\n{out[-2000:]}\n{p.stderr[-500:]}')


def main(argv):
    global HEMU
    if len(argv) != 2:
        print(__doc__)
        return 2
    HEMU = os.path.abspath(argv[1])
    with tempfile.TemporaryDirectory() as tmp:
        test_listing_and_errors(tmp)
        test_guests(tmp)
        test_dtb(tmp)
        test_linux_protocol(tmp)
        test_monitor(tmp)
    if failures:
        print(f'{len(failures)} failure(s): {", ".join(failures)}')
        return 1
    print('all passed')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
