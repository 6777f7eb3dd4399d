#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Check that no library under accel/, tcg/, target/ or hw/ defines a
writable global (ARCHITECTURE.md rule 2: per-CPU, per-cluster and
per-machine state lives in objects passed explicitly).

Runs `objdump -t` on each static library given and reports every data
object in a writable section (.data, .bss, .tdata, .tbss, COMMON), local or
global, that is not in the allow-list.  Read-only data (.rodata, and
.data.rel.ro: const tables holding pointers) is fine.  The allow-list (globals-allowlist.txt beside this file)
has one `symbol  reason` line per entry: every exception says why.

Usage:
  check_globals.py [--objdump OBJDUMP] LIB.a...   exit 1 on any writable global
  check_globals.py --selftest           check the checker on a built object
"""
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
# Symbols the toolchain or sanitizers create, never ours.
TOOL_PREFIXES = ('__asan', '__ubsan', '__sancov', '.L', '__odr_asan',
                 '__gcov', '__llvm', '__profc', '__profd', '___asan')


def load_allowlist(path):
    allow = {}
    with open(path) as f:
        for no, line in enumerate(f, 1):
            line = line.strip()
            if not line or line.startswith('#'):
                continue
            parts = line.split(None, 1)
            if len(parts) < 2 or len(parts[1]) < 10:
                raise SystemExit(f'{path}:{no}: every entry needs a reason')
            allow[parts[0]] = parts[1]
    return allow


def writable_section(section):
    """True for sections holding writable data (TLS included)."""
    if section.startswith('.data.rel.ro'):
        return False            # const data with relocations: read-only
    return section.startswith(('.data', '.bss', '.tdata', '.tbss')) or \
        section == 'COMMON'


def writable_symbols(objdump, lib):
    """(member, section, name, base) of each writable data symbol.

    Uses `objdump -t`, not nm's letters: nm calls const tables that hold
    pointers (.data.rel.ro, under -fPIC) "d" like writable data.
    """
    out = subprocess.run([objdump, '-t', lib], check=True,
                         capture_output=True, text=True).stdout
    member = '?'
    for line in out.splitlines():
        if ':     file format' in line:
            member = line.split(':')[0]
            continue
        # "ADDR FLAGS SECTION\tSIZE NAME"; flags are 7 columns wide.
        if '\t' not in line or len(line) < 26:
            continue
        left, right = line.split('\t', 1)
        fields = left.split()
        if len(fields) < 2:
            continue
        section = fields[-1]
        kind = left[17:24] if len(left) > 24 else ''
        # objdump flags data objects 'O', but not thread-locals.
        tls = section.startswith(('.tdata', '.tbss'))
        if 'O' not in kind and section != 'COMMON' and not tls:
            continue
        parts = right.split()
        if len(parts) < 2:
            continue
        name = parts[-1]
        if writable_section(section) and not name.startswith(TOOL_PREFIXES):
            # GCC names function-local statics "name.N"; match on "name".
            yield member, section, name, name.split('.')[0]


def check(nm, libs, allow):
    problems = []
    for lib in libs:
        for member, kind, name, base in writable_symbols(nm, lib):
            if name in allow or base in allow:
                continue
            problems.append(f'{os.path.basename(lib)}({member}): writable '
                            f'global {name!r} (section {kind})')
    return problems


def selftest(nm):
    with tempfile.TemporaryDirectory() as d:
        src = os.path.join(d, 't.c')
        with open(src, 'w') as f:
            f.write('int machine_state_counter;\n'
                    'static int hidden_state = 3;\n'
                    '__thread int per_thread_state;\n'
                    'const int table[2] = { 1, 2 };\n'
                    'static const char *const names[2] = { "a", "b" };\n'
                    'int get(void) { return hidden_state++ + table[0] +'
                    ' names[0][0]; }\n')
        obj = os.path.join(d, 't.o')
        lib = os.path.join(d, 'libt.a')
        subprocess.run(['cc', '-c', '-O0', '-fPIC', src, '-o', obj],
                       check=True)
        subprocess.run(['ar', 'rcs', lib, obj], check=True)
        found = check(nm, [lib], {})
        names = ' '.join(found)
        if 'machine_state_counter' not in names or \
                'hidden_state' not in names or \
                'per_thread_state' not in names:
            print('selftest: missed a writable global:', found)
            return 1
        if "'table'" in names or "'names'" in names:
            print('selftest: const data reported:', found)
            return 1
        if check(nm, [lib], {'machine_state_counter': 'reason for test',
                             'hidden_state': 'reason for test',
                             'per_thread_state': 'reason for test'}):
            print('selftest: allow-list ignored')
            return 1
    print('selftest: ok')
    return 0


def main(argv):
    nm = 'objdump'
    args = argv[1:]
    if args[:1] == ['--objdump']:
        nm = args[1]
        args = args[2:]
    if args == ['--selftest']:
        return selftest(nm)
    allow = load_allowlist(os.path.join(HERE, 'globals-allowlist.txt'))
    problems = check(nm, args, allow)
    for p in problems:
        print(p)
    print(f'globals: {len(problems)} writable global(s) outside the '
          f'allow-list in {len(args)} librar{"y" if len(args) == 1 else "ies"}')
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
