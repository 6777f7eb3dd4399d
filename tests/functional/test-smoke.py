#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Functional tests of the smoke-boot runner and of the man page
(docs/user/ci.md, docs/man/).

Usage: test-smoke.py PATH-TO-HEMU PATH-TO-hemu.1

Without guests: option errors (a bad regular expression, -expect twice,
-expect-serial out of range, -junit into a missing directory), --help
against the generated man page (every option listed by --help has an
entry there), and a JUnit report for a machine that cannot be built.

With tiny AArch64 guests built here with clang-19 and ld.lld-19 (exit
77, skip, when they are missing): each writes its message byte by byte
to the PL011 data register at 0x09000000 (docs/user/virt.md), so every
pattern is matched across one-byte chunks; then it spins forever, or
exits through semihosting SYS_EXIT_EXTENDED with a code.  Every hemu run
has a subprocess timeout, so a hung guest cannot hang the test.  The
expected statuses are those of include/system/smoke.h: 0 pattern seen,
1 failure pattern or pattern never seen, 2 timeout, N the guest's code.
"""
import os
import shutil
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET

HEMU = None
failures = []

# Print MSG on the PL011 (data register at offset 0), then END.
GUEST = r'''
    .text
    .globl _start
_start:
    movz x0, #0x0900, lsl #16
    adr x1, msg
1:  ldrb w2, [x1], #1
    cbz w2, 2f
    str w2, [x0]
    b 1b
2:
{end}
3:  b 3b
    .balign 8
block: .quad 0x20026, 0
msg: .asciz "{msg}"
'''

# SYS_EXIT_EXTENDED (0x20) with {ADP_Stopped_ApplicationExit, code}
EXIT = r'''
    adr x1, block
    mov x5, #{code}
    str x5, [x1, #8]
    mov x0, #0x20
    hlt #0xf000
'''

# 30 lines "A".."^" (chr(65)..chr(94)): the tail keeps the last 20,
# "K".."^", and not "J"
HANG_LINES = [chr(ord('A') + i) for i in range(30)]


def run(*args, timeout=20):
    """Run hemu with @args; return (status, stdout, stderr, seconds)."""
    start = time.monotonic()
    p = subprocess.run([HEMU, *args], capture_output=True, text=True,
                       errors='replace', timeout=timeout,
                       stdin=subprocess.DEVNULL)
    return p.returncode, p.stdout, p.stderr, time.monotonic() - start


def check(name, cond, detail=''):
    if cond:
        print(f'ok {name}')
    else:
        print(f'FAIL {name}: {detail}')
        failures.append(name)


def expect(name, args, status, out=(), err=(), not_err=()):
    """hemu ARGS exits with @status; stdout/stderr contain the strings."""
    try:
        rc, so, se, took = run(*args)
    except subprocess.TimeoutExpired:
        check(name, False, 'timed out: hemu hung')
        return '', '', 99
    detail = f'status {rc}\nstdout: {so[:2000]}\nstderr: {se[:2000]}'
    # a sanitizer build must stay silent (ASan, LSan, UBSan reports)
    not_err = list(not_err) + ['Sanitizer', 'runtime error:']
    ok = rc == status and all(s in so for s in out) and \
        all(s in se for s in err) and not any(s in se for s in not_err)
    check(name, ok, detail)
    return so, se, took


def junit(name, path):
    """The <testcase> of the JUnit file at @path (parsed), or None."""
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as e:
        check(name + '-xml', False, f'{path}: {e}')
        return None
    cases = root.findall('./testsuite/testcase')
    ok = root.tag == 'testsuites' and len(cases) == 1
    check(name + '-xml', ok, ET.tostring(root, encoding='unicode')[:2000])
    return cases[0] if ok else None


def test_options(tmp):
    expect('bad-regex', ['-expect', 'BOOT (OK'], 1,
           err=['-expect', "'BOOT (OK'", 'not a valid regular expression'])
    expect('bad-regex-fail', ['-expect-fail', '[a-'], 1,
           err=['-expect-fail', "'[a-'"])
    expect('empty-regex', ['-expect', ''], 1, err=['-expect', 'empty'])
    expect('expect-twice', ['-expect', 'a', '-expect', 'b'], 1,
           err=['-expect', "'a'", "'b'", 'A|B'])
    expect('expect-serial-range', ['-expect-serial', '4'], 1,
           err=['-expect-serial', '4', '0 to 3'])
    expect('expect-serial-number', ['-expect-serial', 'one'], 1,
           err=['-expect-serial', 'one'])
    expect('junit-no-dir', ['-junit', os.path.join(tmp, 'no', 'r.xml')], 1,
           err=['-junit', "directory '" + os.path.join(tmp, 'no') + "'"])
    expect('junit-is-dir', ['-junit', tmp], 1, err=['-junit', 'file name'])
    # the machine cannot be built: the report says so (error, type start)
    report = os.path.join(tmp, 'start.xml')
    expect('junit-start-error', ['-M', 'virt', '-junit', report], 1,
           err=['needs -kernel'])
    case = junit('junit-start-error', report)
    if case is not None:
        err = case.find('error')
        check('junit-start-error-element',
              err is not None and err.get('type') == 'start' and
              'needs -kernel' in err.get('message', '') and
              case.get('name') == 'virt (no kernel)',
              ET.tostring(case, encoding='unicode'))


def test_man_page(man):
    """Every option of --help has an entry (".TP" + bold name) in hemu.1."""
    rc, so, _, _ = run('--help')
    with open(man) as f:
        text = f.read()
    names = []
    for line in so.splitlines():
        if line.startswith('  -'):
            names += [w.lstrip('-').rstrip(',') for w in line.split()
                      if w.startswith('-')][:2]
    check('help-options-found', len(names) > 30 and 'expect' in names,
          f'{len(names)} options parsed from --help')
    missing = [n for n in names
               if '\\fB\\-' + n.replace('-', '\\-') + '\\fR' not in text]
    check('man-has-every-option', not missing, f'missing: {missing}')
    check('man-sections', all(s in text for s in
                              ('.SH NAME', '.SH OPTIONS', '.SH EXIT STATUS',
                               '.SH EXAMPLES', 'Generated by')), text[:500])
    check('help-man-hidden', 'help-man' not in so, so)
    groff = shutil.which('groff')
    if groff:
        p = subprocess.run([groff, '-man', '-Tutf8', '-ww', '-z', man],
                           capture_output=True, text=True, timeout=30)
        check('man-groff-clean', p.returncode == 0 and not p.stderr,
              p.stderr[:2000])


def asm_string(msg):
    """@msg as the body of an .asciz string (octal escapes but letters)."""
    return ''.join(c if c.isalnum() or c in ' :.' else '\\%03o' % ord(c)
                   for c in msg)


def build_guest(tmp, name, msg, exit_code=None):
    """A guest printing @msg, then spinning or exiting with @exit_code."""
    src = os.path.join(tmp, name + '.S')
    obj = os.path.join(tmp, name + '.o')
    elf = os.path.join(tmp, name + '.elf')
    end = '' if exit_code is None else EXIT.format(code=exit_code)
    with open(src, 'w') as f:
        f.write(GUEST.format(msg=asm_string(msg), end=end))
    subprocess.run(['clang-19', '--target=aarch64-none-elf', '-c', src,
                    '-o', obj], check=True)
    subprocess.run(['ld.lld-19', '-N', '-Ttext=0x40000000', '-e', '_start',
                    obj, '-o', elf], check=True)
    return elf


def virt(kernel, *args):
    return ['-M', 'virt', '-semihosting', '-kernel', kernel, *args]


def test_exits(tmp):
    ok = build_guest(tmp, 'ok', 'hello\nBOOT OK\n')
    panic = build_guest(tmp, 'panic', 'starting\n\033[1mPANIC: boom\033[0m\n')
    hang = build_guest(tmp, 'hang', '\n'.join(HANG_LINES) + '\n')
    prompt = build_guest(tmp, 'prompt', 'Welcome\nlogin: ')
    unfinished = build_guest(tmp, 'unfinished', 'starting\nPANIC here')
    exit5 = build_guest(tmp, 'exit5', 'bye\n', exit_code=5)
    exit0 = build_guest(tmp, 'exit0', 'bye\n', exit_code=0)

    # pass: the guest spins after the line, so only the pattern ends it
    rep = os.path.join(tmp, 'pass.xml')
    expect('pass', virt(ok, '-expect', 'BOOT OK', '-junit', rep,
                        '-run-timeout', '20'), 0, not_err=['hello'])
    case = junit('pass', rep)
    if case is not None:
        check('pass-junit', case.find('failure') is None and
              case.find('error') is None and
              case.get('name') == 'virt ok.elf' and
              case.get('classname') == 'hemu.virt' and
              float(case.get('time')) >= 0 and
              'BOOT OK' in case.findtext('system-out'),
              ET.tostring(case, encoding='unicode'))
    # the console goes where -serial says, the pattern is seen anyway
    out = os.path.join(tmp, 'serial.txt')
    expect('pass-serial-file', virt(ok, '-serial', 'file:' + out, '-expect',
                                    'BOOT OK', '-run-timeout', '20'), 0)
    with open(out) as f:
        check('pass-serial-file-content', 'BOOT OK' in f.read())
    expect('pass-stdio', virt(ok, '-nographic', '-expect', r'^BOOT\s+OK$',
                              '-run-timeout', '20'), 0, out=['BOOT OK'])
    expect('pass-null', virt(ok, '-serial', 'null', '-expect', 'BOOT OK',
                             '-run-timeout', '20'), 0)
    expect('pass-serial0', virt(ok, '-expect-serial', '0', '-expect', 'OK',
                                '-run-timeout', '20'), 0)
    # a prompt without a newline matches as it is written
    expect('pass-prompt', virt(prompt, '-expect', '^login: $',
                               '-run-timeout', '20'), 0)

    # fail: exit 1, the failing line and the console tail on stderr
    # a failure is decided when its line ends: the whole line is reported
    rep = os.path.join(tmp, 'fail.xml')
    _, se, _ = expect('fail', virt(panic, '-expect', 'BOOT OK', '-expect-fail',
                                   'oops', '-expect-fail', 'PANIC', '-junit',
                                   rep, '-run-timeout', '20'), 1,
                      err=['failure pattern /PANIC/',
                           'matched: ?[1mPANIC: boom?[0m', '| starting'])
    check('fail-no-escape-on-stderr', '\033' not in se, repr(se))
    case = junit('fail', rep)
    if case is not None:
        f = case.find('failure')
        check('fail-junit', f is not None and
              f.get('type') == 'expect-fail' and
              '/PANIC/' in f.get('message', '') and
              'starting' in (f.text or '') and case.get('name') ==
              'virt panic.elf', ET.tostring(case, encoding='unicode'))
    # the failure pattern wins over -expect on the same line
    expect('fail-wins', virt(panic, '-expect', 'PANIC', '-expect-fail',
                             'PANIC', '-run-timeout', '20'), 1,
           err=['failure pattern'])
    # an unfinished line that matched fails the run when it times out
    _, _, took = expect('fail-unfinished',
                        virt(unfinished, '-expect', 'BOOT OK', '-expect-fail',
                             'PANIC', '-run-timeout', '2'), 1,
                        err=['run timeout of 2 s reached',
                             'failure pattern /PANIC/ matched: PANIC here',
                             '| starting', '| PANIC here'])
    check('fail-unfinished-duration', 1.5 < took < 10, f'took {took:.2f} s')

    # timeout: exit 2 within a few seconds, the last 20 lines on stderr
    rep = os.path.join(tmp, 'timeout.xml')
    _, se, took = expect('timeout', virt(hang, '-expect', 'BOOT OK',
                                         '-run-timeout', '2', '-junit', rep),
                         2, err=['run timeout of 2 s reached',
                                 'before /BOOT OK/ appeared on serial0',
                                 'last 20 lines'])
    tail = [line[4:] for line in se.splitlines() if line.startswith('  | ')]
    check('timeout-tail', tail == HANG_LINES[10:], f'tail {tail}')
    check('timeout-duration', 1.5 < took < 10, f'took {took:.2f} s')
    case = junit('timeout', rep)
    if case is not None:
        e = case.find('error')
        check('timeout-junit', e is not None and e.get('type') == 'timeout'
              and 'run timeout of 2 s' in e.get('message', '') and
              '^' in (e.text or '') and 'J\n' not in (e.text or ''),
              ET.tostring(case, encoding='unicode'))
    # -run-timeout alone also prints the tail
    expect('timeout-alone', virt(hang, '-run-timeout', '2'), 2,
           err=['run timeout of 2 s', '| ^'])

    # guest-reported failure: its code passes through, with the tail
    expect('guest-exit-code', virt(exit5, '-expect', 'BOOT OK',
                                   '-run-timeout', '20'), 5,
           err=['exit status 5', '| bye'])
    # guest exit 0 without the pattern: the pattern never appeared
    rep = os.path.join(tmp, 'missing.xml')
    expect('guest-exit-missing', virt(exit0, '-expect', 'BOOT OK', '-junit',
                                      rep, '-run-timeout', '20'), 1,
           err=['ended before /BOOT OK/ appeared'])
    case = junit('guest-exit-missing', rep)
    if case is not None:
        f = case.find('failure')
        check('guest-exit-missing-junit', f is not None and
              f.get('type') == 'expect-missing',
              ET.tostring(case, encoding='unicode'))
    # without smoke options the guest's code is hemu's status, as before
    expect('guest-exit-plain', virt(exit5), 5)


def main(argv):
    global HEMU
    if len(argv) != 3:
        print(__doc__)
        return 2
    HEMU = argv[1]
    with tempfile.TemporaryDirectory() as tmp:
        test_options(tmp)
        test_man_page(argv[2])
        tools = ['clang-19', 'ld.lld-19']
        if not all(shutil.which(t) for t in tools):
            print(f'skip guests: need {", ".join(tools)}')
            return 1 if failures else 77
        test_exits(tmp)
    if failures:
        print(f'{len(failures)} failed: {", ".join(failures)}')
        return 1
    print('all passed')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
