#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""The mechanical part of the house style (STYLE.md "Tooling").

Every C, header, Python and meson file tracked by git must:
  - carry an SPDX-License-Identifier line within its first three lines;
  - end with a newline; have no trailing white space;
  - (C and headers) indent with spaces, never tabs, and keep lines within
    100 columns (80 is the target; 100 is where the check fails).
Generated golden outputs (tests/isagen/*.out, scripts/*/tests/good/) are
exempt: they are compared byte for byte elsewhere.  clang-format is not
enforced because it rewrites the declarative tables (TypeInfo, PropDef,
opcode lists) into something harder to read.

Usage: check_format.py SRCDIR | --selftest
"""
import os
import subprocess
import sys
import tempfile

SOURCE_EXT = ('.c', '.h', '.py', '.c.inc', '.h.inc')
EXEMPT_PARTS = ('/tests/good/', 'tests/isagen/')
MAX_COLS = 100


def tracked_files(root):
    try:
        out = subprocess.run(['git', 'ls-files'], cwd=root, check=True,
                             capture_output=True, text=True).stdout
        files = out.split()
    except (OSError, subprocess.CalledProcessError):
        files = []
        for dirpath, dirnames, names in os.walk(root):
            dirnames[:] = [d for d in dirnames if not d.startswith(('.', 'build'))]
            files += [os.path.relpath(os.path.join(dirpath, n), root) for n in names]
    for f in files:
        if (f.endswith(SOURCE_EXT) or os.path.basename(f) == 'meson.build') \
                and not any(p in '/' + f for p in EXEMPT_PARTS):
            yield f


def check_file(root, rel):
    problems = []
    path = os.path.join(root, rel)
    try:
        with open(path, encoding='utf-8') as f:
            text = f.read()
    except (OSError, UnicodeDecodeError) as e:
        return [f'{rel}: cannot read as UTF-8 ({e})']
    lines = text.split('\n')
    if not any('SPDX-License-Identifier' in l for l in lines[:3]):
        problems.append(f'{rel}:1: no SPDX-License-Identifier line at the top')
    if text and not text.endswith('\n'):
        problems.append(f'{rel}:{len(lines)}: no newline at the end of the file')
    is_c = rel.endswith(('.c', '.h', '.c.inc', '.h.inc'))
    for no, line in enumerate(lines, 1):
        if line != line.rstrip():
            problems.append(f'{rel}:{no}: trailing white space')
        if is_c and '\t' in line:
            problems.append(f'{rel}:{no}: tab (indent with spaces)')
        if is_c and len(line) > MAX_COLS:
            problems.append(f'{rel}:{no}: {len(line)} columns (at most '
                            f'{MAX_COLS})')
    return problems


def check(root):
    problems = []
    for rel in tracked_files(root):
        problems += check_file(root, rel)
    return problems


def selftest():
    with tempfile.TemporaryDirectory() as d:
        def write(name, text):
            with open(os.path.join(d, name), 'w') as f:
                f.write(text)
        good = '/* SPDX-License-Identifier: GPL-2.0-or-later */\nint x;\n'
        write('good.c', good)
        if check(d):
            print('selftest: clean file reported:', check(d))
            return 1
        cases = [
            ('a.c', '/* no licence */\nint x;\n', 'SPDX'),
            ('b.c', good + 'int y; \n', 'trailing'),
            ('c.c', good + '\tint z;\n', 'tab'),
            ('d.c', good + 'int w;' + ' ' * 100 + 'int v;\n', 'columns'),
            ('e.py', '# SPDX-License-Identifier: GPL-2.0-or-later\nx = 1', 'newline'),
        ]
        for name, text, expect in cases:
            write(name, text)
            found = check(d)
            os.remove(os.path.join(d, name))
            if not any(expect in p for p in found):
                print(f'selftest: {name} ({expect}) not caught: {found}')
                return 1
            print(f'selftest: caught {found[0]}')
    print('selftest: ok')
    return 0


def main(argv):
    if argv[1:] == ['--selftest']:
        return selftest()
    if len(argv) != 2:
        print(__doc__)
        return 2
    problems = check(argv[1])
    for p in problems:
        print(p)
    print(f'format: {len(problems)} problem(s)')
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
