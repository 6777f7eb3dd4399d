#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Check the layering rules of ARCHITECTURE.md ("who may use whom").

Reads every C file and header of the tree, maps each file and each header it
includes to an *area* (util, qom, memory, hw-core, hw, tcg, accel,
target:<arch>, ...) and fails when a file includes a header of an area its
own area may not use.  It also fails when common code (anything outside
target/) mentions a per-target macro or type (target_ulong, TARGET_PAGE_*,
NEED_CPU_H...): common code is compiled once for every architecture.

Usage:
  check_layering.py SRCDIR      check the tree, print violations, exit 1 if any
  check_layering.py --selftest  build small trees with and without a
                                violation and check the checker catches it
The rules table below is the single source; docs/devel/layering.md explains
it.
"""
import os
import re
import sys
import tempfile

# Areas every file may include.
BASE = {'base', 'libc'}

# area -> areas it may include (besides BASE and itself).
ALLOWED = {
    'util': set(),
    'qom': {'util'},
    'qapi': {'util', 'qom'},
    'memory': {'util', 'qom', 'exec-memop'},
    'exec-memop': set(),
    'hw-core': {'util', 'qom', 'memory', 'exec-memop', 'chardev'},
    'hw': {'util', 'qom', 'memory', 'exec-memop', 'hw-core', 'chardev',
           'block', 'net'},
    'chardev': {'util', 'qom'},
    'block': {'util', 'qom'},
    'net': {'util', 'qom'},
    'tcg': {'util', 'exec-memop'},
    'accel': {'util', 'qom', 'memory', 'exec-memop', 'exec', 'hw-core',
              'tcg'},
    'exec': {'util', 'qom', 'memory', 'exec-memop', 'hw-core', 'tcg'},
    'system': {'util', 'qom', 'qapi', 'memory', 'exec-memop', 'exec',
               'chardev', 'block', 'net',
               'hw-core', 'hw', 'accel', 'tcg', 'targets-list'},
    # target:<arch> and target-hw:<arch> are handled in allowed().
    'targets-list': {'util', 'qom', 'exec', 'accel'},
}
TARGET_ALLOWED = {'util', 'qom', 'qapi', 'memory', 'exec-memop', 'exec',
                  'hw-core', 'tcg', 'accel'}
# ARCHITECTURE.md: target/<arch>/hw/ may include what hw/ may (so the
# public headers of hw/ families, e.g. include/hw/intc/arm-gic.h, the
# board contract of a GIC in target/arm/hw), plus its own target.
TARGET_HW_ALLOWED = {'util', 'qom', 'memory', 'exec-memop', 'hw-core',
                     'hw', 'chardev', 'block', 'net'}
# Folders whose files may include anything (they test or measure the rest).
FREE = ('tests/', 'bench/', 'scripts/', 'build')

INCLUDE_RE = re.compile(r'^\s*#\s*include\s*([<"])([^">]+)[">]')
TARGET_MACRO_RE = re.compile(
    r'\btarget_ulong\b|\btarget_long\b|\bTARGET_(LONG_BITS|PAGE_(BITS|SIZE|MASK)'
    r'|PHYS_ADDR_SPACE_BITS)\b|\bNEED_CPU_H\b')
# The one file allowed to name the macros: the header that poisons them.
MACRO_EXEMPT = {'include/hemu/osdep.h'}


def file_area(rel):
    """Area of a source file, from its path relative to the tree root."""
    parts = rel.split('/')
    top = parts[0]
    if top == 'util':
        return 'util'
    if top == 'qom':
        return 'qom'
    if top == 'qapi':
        return 'qapi'
    if top == 'system':
        name = parts[-1]
        if (name.startswith('memory') or name in ('physmem.c', 'flatview.c')):
            return 'memory'
        return 'system'
    if top == 'hw':
        if len(parts) > 2 and parts[1] == 'core':
            return 'hw-core'
        return 'hw'
    if top == 'tcg':
        return 'tcg'
    if top == 'accel':
        return 'accel'
    if top == 'target':
        if len(parts) == 2:
            return 'targets-list'          # target/targets.c
        arch = parts[1]
        if len(parts) > 3 and parts[2] == 'hw':
            return 'target-hw:' + arch
        return 'target:' + arch
    if top == 'include':
        return header_area('/'.join(parts[1:]))
    return None


def header_area(inc):
    """Area of a header named as in an #include (path under include/)."""
    parts = inc.split('/')
    if len(parts) == 1:
        return None                         # local header, resolved by caller
    top = parts[0]
    if top == 'hemu':
        return 'base'
    if top in ('util', 'qom', 'qapi', 'tcg', 'accel'):
        return top
    if top == 'exec':
        return 'exec-memop' if parts[1] == 'memop.h' else 'exec'
    if top == 'system':
        if parts[1] == 'chardev.h':
            return 'chardev'            # the frontend API UART models use
        if parts[1] == 'block.h':
            return 'block'              # the disk backend API virtio-blk uses
        if parts[1] == 'net.h':
            return 'net'                # the netdev frontend API virtio-net uses
        return 'memory' if parts[1].startswith('memory') else 'system'
    if top == 'hw':
        return 'hw-core' if len(parts) == 2 else 'hw'
    if top == 'target':
        if len(parts) > 3 and parts[2] == 'hw':
            return 'target-hw:' + parts[1]
        return 'target:' + parts[1] if len(parts) > 2 else 'targets-list'
    return 'libc'                           # <glib.h>, <capstone/...>, ...


def allowed(src, dst):
    if dst in BASE or dst == src:
        return True
    if src.startswith('target:'):
        arch = src.split(':')[1]
        return dst in TARGET_ALLOWED or dst == 'target-hw:' + arch
    if src.startswith('target-hw:'):
        arch = src.split(':')[1]
        return dst in TARGET_HW_ALLOWED or dst == 'target:' + arch
    return dst in ALLOWED.get(src, set())


def resolve(root, rel, inc, quote):
    """Area of an included file, or None for system headers we ignore."""
    if quote == '"':
        local = os.path.normpath(os.path.join(os.path.dirname(rel), inc))
        if os.path.exists(os.path.join(root, local)):
            return file_area(local), local
        if os.path.exists(os.path.join(root, 'include', inc)):
            return header_area(inc), 'include/' + inc
        if os.path.exists(os.path.join(root, inc)):
            return file_area(inc), inc
        # Generated or not yet written: judge by its name.
        return header_area(inc), inc
    area = header_area(inc)
    return area, inc


def source_files(root):
    for dirpath, dirnames, filenames in os.walk(root):
        rel_dir = os.path.relpath(dirpath, root)
        dirnames[:] = [d for d in dirnames
                       if not d.startswith('.') and not d.startswith('build')]
        if rel_dir != '.' and rel_dir.startswith(FREE):
            continue
        for f in filenames:
            if f.endswith(('.c', '.h', '.c.inc', '.h.inc')):
                yield os.path.normpath(os.path.join(rel_dir, f))


# Identifier prefixes that name an architecture's code: a frontend
# (target/<arch>/) must use none of another architecture's, outside
# comments (issue 8: neither frontend knows the other exists).
ARCH_WORDS = {'arm': ('arm', 'aarch64', 'a64'), 'hexagon': ('hexagon', 'hex')}
COMMENT_RE = re.compile(r'/\*.*?\*/|//[^\n]*', re.S)


def foreign_arch_re(arch, root):
    others = [d for d in os.listdir(os.path.join(root, 'target'))
              if d != arch and os.path.isdir(os.path.join(root, 'target', d))]
    words = [w for o in others for w in ARCH_WORDS.get(o, (o,))]
    if not words:
        return None
    alt = '|'.join(sorted(set(words)))
    return re.compile(r'\b(?:' + alt + r')_\w|\b(?:TYPE_)?(?:' +
                      alt.upper() + r')_\w|"(?:' + alt + r')[-"]')


def check_foreign_arch(root, rel, text, problems):
    parts = rel.split(os.sep)
    if parts[0] != 'target' or len(parts) < 3:
        return
    pat = foreign_arch_re(parts[1], root)
    if pat is None:
        return
    code = COMMENT_RE.sub(lambda m: '\n' * m.group(0).count('\n'), text)
    for no, line in enumerate(code.split('\n'), 1):
        m = pat.search(line)
        if m:
            problems.append(f'{rel}:{no}: target/{parts[1]} names another '
                            f'architecture ({m.group(0)}): {line.strip()}')


def check(root):
    problems = []
    for rel in source_files(root):
        src = file_area(rel)
        if src is None:
            continue
        path = os.path.join(root, rel)
        with open(path, encoding='utf-8', errors='replace') as f:
            text = f.read()
        lines = text.splitlines(keepends=True)
        check_foreign_arch(root, rel, text, problems)
        common = not rel.startswith('target/') and \
            not rel.startswith('include/target/')
        for no, line in enumerate(lines, 1):
            m = INCLUDE_RE.match(line)
            if m:
                dst, what = resolve(root, rel, m.group(2), m.group(1))
                if dst is not None and not allowed(src, dst):
                    problems.append(f'{rel}:{no}: {src} may not include '
                                    f'{what} ({dst})')
            if common and rel not in MACRO_EXEMPT and \
                    TARGET_MACRO_RE.search(line):
                problems.append(f'{rel}:{no}: per-target macro or type in '
                                f'common code: {line.strip()}')
    return problems


def selftest():
    """The checker must fail on a violation and pass on a clean tree."""
    with tempfile.TemporaryDirectory() as d:
        def write(rel, text):
            p = os.path.join(d, rel)
            os.makedirs(os.path.dirname(p), exist_ok=True)
            with open(p, 'w') as f:
                f.write(text)
        write('include/hw/irq.h', '#include "hemu/osdep.h"\n')
        write('include/hemu/osdep.h', '\n')
        write('target/arm/cpu.h', '#include "hw/irq.h"\n')
        write('target/hexagon/cpu.h', '/* not arm_foo in a comment */\n')
        write('hw/char/pl011.c', '#include "hw/irq.h"\n')
        write('tcg/tcg.c', '#include "util/error.h"\n')
        if check(d):
            print('selftest: clean tree reported problems:', check(d))
            return 1
        cases = [
            ('hw/char/bad.c', '#include "target/arm/cpu.h"\n', 'target:arm'),
            ('hw/char/bad.c', '#include "tcg/tcg.h"\n', 'tcg'),
            ('tcg/bad.c', '#include "qom/object.h"\n', 'qom'),
            ('target/arm/bad.c', '#include "target/hexagon/cpu.h"\n',
             'target:hexagon'),
            ('target/arm/bad.c', '#include "hw/char/pl011.h"\n', 'hw'),
            ('accel/tcg/bad.c', 'target_ulong x;\n', 'per-target'),
            ('hw/core/bad.c', '#include "system/cli.h"\n', 'system'),
            ('include/system/net.h', '#include "hw/irq.h"\n', 'hw-core'),
            ('hw/core/bad.c', '#include "system/net.h"\n', 'net'),
            ('target/arm/bad.c', 'int x = hexagon_cpu_count;\n',
             'names another architecture'),
            ('target/hexagon/bad.c', 'object_new("arm-gicv3");\n',
             'names another architecture'),
        ]
        for rel, text, expect in cases:
            write(rel, text)
            found = check(d)
            os.remove(os.path.join(d, rel))
            if not any(expect in p for p in found):
                print(f'selftest: {rel} with {text.strip()!r} not caught')
                return 1
            print(f'selftest: caught {found[0]}')
    print('selftest: ok')
    return 0


def main(argv):
    if len(argv) == 2 and argv[1] == '--selftest':
        return selftest()
    if len(argv) != 2:
        print(__doc__)
        return 2
    problems = check(argv[1])
    for p in problems:
        print(p)
    print(f'layering: {len(problems)} problem(s)')
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
