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
"""
import os
import shutil
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


def run(*args, timeout=20):
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
                'semihosting=<bool>', 'semihosting-root=<string>'])
    expect('no-kernel', ['-M', 'virt'], 1,
           err=['-M virt needs -kernel until flash is implemented'])
    raw = os.path.join(tmp, 'two-mib.bin')
    with open(raw, 'wb') as f:
        f.write(b'\0' * (2 << 20))
    expect('bad-cpu', ['-M', 'virt', '-cpu', 'cortex-a99', '-kernel', raw],
           1, err=["unknown CPU model 'cortex-a99'",
                   'cortex-a53, cortex-a57, max'])
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


def main(argv):
    global HEMU
    if len(argv) != 2:
        print(__doc__)
        return 2
    HEMU = os.path.abspath(argv[1])
    with tempfile.TemporaryDirectory() as tmp:
        test_listing_and_errors(tmp)
        test_guests(tmp)
    if failures:
        print(f'{len(failures)} failure(s): {", ".join(failures)}')
        return 1
    print('all passed')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
