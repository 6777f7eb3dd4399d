#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Every option of `hemu --help` is used by some test, or has a reason.

Usage: test-options.py PATH-TO-HEMU SOURCE-ROOT

Issue 10: "every option in hemu --help appears in the man page and has
a test that uses it or a documented reason why not" (the man page half
is test-smoke.py).  This reads the options from `hemu --help` (lines
"  -name[, -alias] ..."), then looks for each as a command-line word in
the test sources (tests/**/*.py, *.build, demo/**/meson.build, the
Makefile): a quoted '-name' or "-name", or -name between spaces.  An
option no test uses must be in REASONS below with why; an entry in
REASONS that a test does use is reported too (stale reasons rot).
"""
import os
import re
import subprocess
import sys

# Options no automated test runs, and why.
REASONS = {
}

OPTION_RE = re.compile(r'^  -([a-zA-Z][\w-]*)(?:, -([a-zA-Z][\w-]*))?')


def help_options(hemu):
    out = subprocess.run([hemu, '--help'], capture_output=True, text=True,
                         timeout=30).stdout
    opts = []
    for line in out.splitlines():
        m = OPTION_RE.match(line)
        if m:
            opts.append((m.group(1), m.group(2)))
    return opts


def test_sources(root):
    texts = []
    for top in ('tests', 'demo', 'bench'):
        for dirpath, dirs, files in os.walk(os.path.join(root, top)):
            for f in files:
                if f.endswith(('.py', '.build', '.sh')):
                    with open(os.path.join(dirpath, f),
                              errors='replace') as fh:
                        texts.append(fh.read())
    with open(os.path.join(root, 'Makefile'), errors='replace') as fh:
        texts.append(fh.read())
    return '\n'.join(texts)


def used(name, text):
    pat = re.compile(r"""['"]-{1,2}%s['",= ]|\s-%s\s""" %
                     (re.escape(name), re.escape(name)))
    return bool(pat.search(text))


def main(argv):
    if len(argv) != 3:
        print(__doc__)
        return 2
    hemu, root = argv[1], argv[2]
    opts = help_options(hemu)
    if len(opts) < 20:
        print(f'FAIL: only {len(opts)} options read from --help')
        return 1
    text = test_sources(root)
    failures = 0
    for name, alias in opts:
        if name == 'help':
            continue            # this test runs it
        hit = used(name, text) or (alias is not None and used(alias, text))
        if not hit and name not in REASONS:
            print(f'FAIL: -{name} is in --help but no test uses it and '
                  f'REASONS gives no reason')
            failures += 1
        elif hit and REASONS.get(name):
            print(f'FAIL: -{name} has a reason in REASONS but a test uses '
                  f'it: drop the reason')
            failures += 1
        else:
            why = 'used by a test' if hit else f'not tested: {REASONS[name]}'
            print(f'ok: -{name}: {why}')
    print(f'options: {len(opts)} checked, {failures} failure(s)')
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
