# SPDX-License-Identifier: GPL-2.0-or-later
"""Shared by the Linux functional tests (test-linux-*.py, bench/linux-boot):
fetching Debian's arm64 kernel and busybox-static into a cache, and
writing initramfs images (cpio "newc") with a given /init.

  fetch(cache) -> (vmlinuz, busybox) or None (offline, not root, no apt)
  cache_dir(hemu) -> $HEMU_TEST_CACHE or linux-cache/ beside hemu
  write_initramfs(busybox, path, init_text, extra_entries=())
  kernel_modules(vmlinuz, names) -> [(name, bytes)], dependencies first
  log_problems(console_text) -> kernel-log lines that look like trouble
      and linux-log-allow.txt does not explain
"""
import glob
import gzip
import io
import lzma
import os
import re
import shutil
import struct
import subprocess

SKIP = 77


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


def cache_dir(hemu):
    """Where the packages and initramfs images live."""
    return os.environ.get('HEMU_TEST_CACHE') or \
        os.path.join(os.path.dirname(os.path.abspath(hemu)), 'linux-cache')


def write_initramfs(busybox, path, init_text, extra_entries=()):
    """A gzip'ed initramfs at @path: busybox, /init = @init_text, /proc,
    /dev with a console node, and @extra_entries (name, mode, data,
    (major, minor)) after them."""
    with open(busybox, 'rb') as f:
        bb = f.read()
    buf = io.BytesIO()
    entries = [
        ('bin', 0o040755, b'', (0, 0)),
        ('bin/busybox', 0o100755, bb, (0, 0)),
        ('init', 0o100755, init_text.encode(), (0, 0)),
        ('proc', 0o040755, b'', (0, 0)),
        ('dev', 0o040755, b'', (0, 0)),
        ('dev/console', 0o020600, b'', (5, 1)),   # char 5:1
        *extra_entries,
    ]
    for ino, (name, mode, data, rdev) in enumerate(entries, 1):
        cpio_entry(buf, ino, name, mode, data, rdev)
    cpio_entry(buf, 0, 'TRAILER!!!', 0)
    with gzip.open(path, 'wb') as f:
        f.write(buf.getvalue())


# --------------------------------------------------------------------------
# Kernel modules from the kernel package (lib/modules/VERSION/)
#
# The package holds no modules.dep (depmod writes it at install time), so
# the dependencies come from each module's own .modinfo section: the
# NUL-separated "key=value" strings of `modinfo`.  "depends=" lists the
# modules it needs by name; "softdep=pre: A B post: C" names modules or
# aliases it asks for at run time (ext4 and jbd2: "crypto-crc32c", which
# ext4 of Linux 6.1 needs for every mount).  An alias is resolved among
# the modules whose name starts with it (less a "crypto-" prefix, e.g.
# crc32c_generic for crypto-crc32c) by their "alias=" strings, and is
# satisfied by a built-in module that has it (modules.builtin.modinfo).

def modules_dir(vmlinuz):
    """lib/modules/VERSION of the package that holds @vmlinuz, or None."""
    root = os.path.dirname(os.path.dirname(vmlinuz))
    version = os.path.basename(vmlinuz)[len('vmlinuz-'):]
    for sub in ('lib', 'usr/lib'):
        d = os.path.join(root, sub, 'modules', version)
        if os.path.isdir(d):
            return d
    return None


def module_name(path):
    """The kernel's name of a module file: no .ko[.xz], '-' as '_'."""
    name = os.path.basename(path)
    name = name[:name.index('.ko')] if '.ko' in name else name
    return name.replace('-', '_')


def module_bytes(path):
    """The ELF of a .ko, .ko.xz (decompressed) file."""
    with open(path, 'rb') as f:
        data = f.read()
    return lzma.decompress(data) if path.endswith('.xz') else data


def elf_section(elf, wanted):
    """The bytes of section @wanted of a little-endian ELF64, or b''."""
    if elf[:4] != b'\x7fELF' or elf[4] != 2 or elf[5] != 1:
        return b''
    shoff, = struct.unpack_from('<Q', elf, 0x28)
    shentsize, shnum, shstrndx = struct.unpack_from('<HHH', elf, 0x3a)

    def header(i):
        base = shoff + i * shentsize
        name, = struct.unpack_from('<I', elf, base)
        off, size = struct.unpack_from('<QQ', elf, base + 0x18)
        return name, off, size

    _, str_off, _ = header(shstrndx)
    for i in range(shnum):
        name, off, size = header(i)
        end = elf.index(b'\0', str_off + name)
        if elf[str_off + name:end].decode() == wanted:
            return elf[off:off + size]
    return b''


def modinfo(elf):
    """[(key, value)] of a module's .modinfo strings."""
    fields = elf_section(elf, '.modinfo').decode(errors='replace')
    return [tuple(f.split('=', 1)) for f in fields.split('\0') if '=' in f]


def module_depends(elf):
    """(pre, post): the names a module needs loaded before it ("depends="
    and softdep "pre:") and those it wants after it (softdep "post:")."""
    pre, post = [], []
    for key, value in modinfo(elf):
        if key == 'depends':
            pre += [n for n in value.split(',') if n]
        elif key == 'softdep':
            where = None
            for word in value.split():
                if word in ('pre:', 'post:'):
                    where = pre if word == 'pre:' else post
                elif where is not None:
                    where.append(word)
    return pre, post


def resolve_alias(alias, files, builtin_aliases):
    """The module names that provide @alias ([] for a built-in one), or
    None when nothing does; see the comment above modules_dir()."""
    if alias in builtin_aliases:
        return []
    base = module_name(alias.removeprefix('crypto-'))
    found = [name for name, path in sorted(files.items())
             if name.startswith(base) and
             ('alias', alias) in modinfo(module_bytes(path))]
    return found or None


def kernel_modules(vmlinuz, names):
    """[(name, ELF bytes)] to insmod, in that order, so that @names work:
    each module after the modules it depends on; modules built into the
    kernel (modules.builtin) left out.  None when a module is missing."""
    mdir = modules_dir(vmlinuz)
    if not mdir:
        log(f'# no lib/modules tree beside {vmlinuz}')
        return None
    files = {}
    for path in glob.glob(os.path.join(mdir, 'kernel', '**', '*.ko*'),
                          recursive=True):
        files[module_name(path)] = path
    builtin, builtin_aliases = set(), set()
    try:
        with open(os.path.join(mdir, 'modules.builtin')) as f:
            builtin = {module_name(l.strip()) for l in f if l.strip()}
        with open(os.path.join(mdir, 'modules.builtin.modinfo'), 'rb') as f:
            # "module.alias=NAME" strings
            builtin_aliases = {f.split('=', 1)[1] for f in
                               f.read().decode(errors='replace').split('\0')
                               if '.alias=' in f}
    except OSError:
        pass
    order, seen = [], set()

    def visit(wanted):
        name = module_name(wanted)
        if name not in files and name not in builtin:
            provider = resolve_alias(wanted, files, builtin_aliases)
            if provider is None:
                log(f'# kernel module {wanted} is neither in {mdir} nor '
                    'built in')
                return False
            return all(visit(p) for p in provider)
        if name in seen or name in builtin:
            return True
        seen.add(name)
        elf = module_bytes(files[name])
        pre, post = module_depends(elf)
        if not all(visit(dep) for dep in pre):
            return False
        order.append((name, elf))
        return all(visit(dep) for dep in post)

    return order if all(visit(n) for n in names) else None


# --------------------------------------------------------------------------
# The kernel log: lines that look like emulation trouble
#
# Only the kernel's own lines are looked at: with CONFIG_PRINTK_TIME (on
# in Debian's kernels) each starts with "[ seconds.micros] ".  What /init
# and busybox print is the tests' business.  A kernel line is trouble when
# it matches one of TROUBLE and none of the patterns of ALLOW_FILE.

KERNEL_LINE = re.compile(r'^\[\s*\d+\.\d+\] ?(.*)$')

# (pattern, why it is looked for); case-insensitive unless (?-i)
TROUBLE = [
    (r'(?-i:WARNING:)', 'WARN_ON() and friends, lockdep'),
    (r'(?-i:\bOops\b)|Internal error:', 'an oops (arm64: "Internal '
     'error: Oops")'),
    (r'(?-i:\bBUG:)', 'BUG(), "BUG: soft lockup", "BUG: scheduling while '
     'atomic", ...'),
    (r'call trace:', 'a stack dump (after a WARN, an oops, dump_stack())'),
    (r'kernel panic', 'a panic ("Kernel panic - not syncing")'),
    (r'\bunhandled\b|\bunimplemented\b|not implemented', 'a fault, '
     'exception, system register or interrupt nobody handled'),
    (r'\bunknown\b', 'a device, ID or value the driver did not expect'),
    (r'\bfail(s|ed|ure|ing)?\b', 'a probe, allocation or self-test '
     'failure'),
    (r'\btime[sd]? ?out\b|timed out', 'a device that did not answer'),
    (r'not supported|\bunsupported\b', 'a feature the kernel expected'),
    (r'\binvalid\b|\bbad\b|\bcorrupt', 'a register, table or image '
     'the kernel rejects'),
    (r'\bunable to\b|\bcannot\b|\bcan\'t\b', '"Unable to handle kernel '
     'paging request", a resource it could not get'),
    (r'\b(err|error|ret|returned|status|rc)\b\s*[=:]?\s*-\d+|\(-\d+\)|'
     r'(?-i:-E[A-Z]{3,}\b)', 'a negative errno: -22 (EINVAL), -5 (EIO), '
     '-110 (ETIMEDOUT), ...'),
    (r'\bstall|lockup|hung task', 'RCU stalls, lockups: a lost timer '
     'or interrupt'),
    (r'\bSError\b|external abort', 'an asynchronous or bus abort'),
    (r'\bspurious\b', 'an interrupt nobody raised'),
    (r'firmware bug|FW_BUG|SANITY CHECK|mismatch|\bunstable\b',
     'inconsistent CPU ID registers, device tree or clocksource'),
    (r'\btainted\b', 'part of an oops or WARN report'),
]
TROUBLE_RE = re.compile('|'.join(f'(?:{p})' for p, _ in TROUBLE), re.I)

ALLOW_FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                          'linux-log-allow.txt')


def read_allow_list(path=ALLOW_FILE):
    """[(compiled pattern, reason)] of an allow-list file: a regular
    expression per line, each after one or more '# reason' lines; blank
    lines between entries.  A pattern without a reason, or that does not
    compile, is a ValueError naming the file and line."""
    entries, reason = [], []
    with open(path) as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip('\n')
            if not line.strip():
                reason = []
            elif line.startswith('#'):
                reason.append(line[1:].strip())
            elif not reason:
                raise ValueError(f'{path}:{n}: pattern without a "# reason" '
                                 'line before it')
            else:
                try:
                    entries.append((re.compile(line), ' '.join(reason)))
                except re.error as e:
                    raise ValueError(f'{path}:{n}: bad regular expression '
                                     f'{line!r}: {e}') from None
    return entries


def log_problems(console_text, allow_path=ALLOW_FILE):
    """The kernel-log lines of @console_text (without their timestamps)
    that match TROUBLE and no pattern of the allow-list at @allow_path
    (re.search on the text after the timestamp)."""
    allow = read_allow_list(allow_path)
    problems = []
    for line in console_text.splitlines():
        m = KERNEL_LINE.match(line.rstrip('\r'))
        if not m or not TROUBLE_RE.search(m.group(1)):
            continue
        if not any(pat.search(m.group(1)) for pat, _ in allow):
            problems.append(m.group(1))
    return problems


def select_configs(names, configs):
    """@names (all of @configs when empty), or None after logging the
    first unknown one with the accepted list."""
    names = names or list(configs)
    bad = [n for n in names if n not in configs]
    if bad:
        log(f'unknown configuration {bad[0]} (accepted: '
            f'{", ".join(configs)})')
        return None
    return names


def fetch_or_skip(hemu):
    """(cache, vmlinuz, busybox), or None after logging the skip."""
    cache = cache_dir(hemu)
    files = fetch(cache)
    if not files:
        log('skip: cannot fetch the Debian arm64 kernel and busybox-static')
        return None
    return (cache, *files)


def log_console_tail(text, err, lines=25):
    """The end of a failed boot's console and of hemu's stderr."""
    if isinstance(err, bytes):
        err = err.decode(errors='replace')
    log('    last console lines:')
    for line in text.splitlines()[-lines:]:
        log('    | ' + line)
    for line in err.splitlines()[-10:]:
        log('    stderr: ' + line)
