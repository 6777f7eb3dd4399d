/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Arm semihosting for AArch64 guests: HLT #0xF000 at EL1 or above, when
 * the CPU's "semihosting" property is on, asks the host to do I/O.  W0 is
 * the operation, X1 the parameter (usually the address of a block of
 * 64-bit fields), and the result goes to X0.
 *
 * Invariants:
 * - everything here runs on the calling vCPU's own thread; the state
 *   (open files, errno, start time) is per ARMCPU, never global;
 * - guest memory is read and written through the softmmu with the
 *   current data MMU index and retaddr 0, so the caller must have synced
 *   the state (env->pc = the HLT): a fault raises a data abort at the HLT
 *   and leaves through cpu_exec's longjmp.  Guest strings are therefore
 *   read into per-CPU scratch buffers, so such a longjmp leaks nothing;
 * - file names are resolved under the "semihosting-root" directory when
 *   it is set, and a name that would climb above it with ".." is refused
 *   (-1, EACCES).  Symbolic links inside the root are followed.
 *
 * Spec: Arm "Semihosting for AArch32 and AArch64", release 2.0 (the
 * operations of chapter 5, the feature bits of chapter 4).
 */
#include "internals.h"
#include "exec/cputlb.h"
#include "hw/boards.h"
#include "util/log.h"
#include "util/timer.h"
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

/* Operation numbers (spec chapter 5) */
enum {
    SYS_OPEN = 0x01,
    SYS_CLOSE = 0x02,
    SYS_WRITEC = 0x03,
    SYS_WRITE0 = 0x04,
    SYS_WRITE = 0x05,
    SYS_READ = 0x06,
    SYS_READC = 0x07,
    SYS_ISERROR = 0x08,
    SYS_ISTTY = 0x09,
    SYS_SEEK = 0x0a,
    SYS_FLEN = 0x0c,
    SYS_TMPNAM = 0x0d,
    SYS_REMOVE = 0x0e,
    SYS_RENAME = 0x0f,
    SYS_CLOCK = 0x10,
    SYS_TIME = 0x11,
    SYS_SYSTEM = 0x12,
    SYS_ERRNO = 0x13,
    SYS_GET_CMDLINE = 0x15,
    SYS_HEAPINFO = 0x16,
    SYS_EXIT = 0x18,
    SYS_EXIT_EXTENDED = 0x20,
    SYS_ELAPSED = 0x30,
    SYS_TICKFREQ = 0x31,
};

/* EXIT's reason for a normal application exit (spec 5.5, table 5-2) */
#define ADP_STOPPED_APPLICATION_EXIT 0x20026
/* ":semihosting-features" (spec 4.1): magic, then feature byte 0 */
static const uint8_t sh_features[] = {
    'S', 'H', 'F', 'B',
    0x03,   /* bit 0 EXIT_EXTENDED, bit 1 STDOUT_STDERR */
};
/* Longest guest path accepted. */
#define SH_PATH_MAX 4096
/* Bytes moved between host and guest per step. */
#define SH_CHUNK 4096

typedef enum SHKind {
    SH_HOST,                    /* a host file descriptor */
    SH_STDIN,                   /* ":tt" read modes */
    SH_STDOUT,                  /* ":tt" write modes */
    SH_STDERR,                  /* ":tt" append modes */
    SH_FEATURES,                /* ":semihosting-features" */
} SHKind;

typedef struct SHFile {
    SHKind kind;
    int fd;                     /* SH_HOST: owned; else -1 */
    uint64_t pos;               /* SH_FEATURES: read position */
} SHFile;

/* The semihosting state of one vCPU (see sh_state()). */
typedef struct ARMSemihost {
    GPtrArray *files;           /* SHFile * or NULL; handle = index + 1 */
    int last_errno;             /* host errno of the last failure */
    TimerClock *clock;          /* CLOCK/ELAPSED time base */
    int64_t start_ns;           /* @clock at realize */
    GString *scratch[2];        /* guest strings being read (see top) */
} ARMSemihost;

#define SH_STATE_PROP "semihosting-open-files"

static ARMSemihost *sh_state(ARMCPU *cpu)
{
    ObjectProperty *p = object_property_find(OBJECT(cpu), SH_STATE_PROP);

    return p ? p->opaque : NULL;
}

static const char *sh_name(ARMCPU *cpu)
{
    return cpu->parent_obj.log_name ? cpu->parent_obj.log_name : "cpu";
}

/* ------------------------------------------------------------------ */
/* Guest memory                                                         */

/* The data byte order of the current EL (SCTLR_ELx.EE, bit 25). */
static MemOp sh_endian(CPUARMState *env)
{
    return (env->cp.sctlr_el[arm_current_el(env)] & (1u << 25)) ? MO_BE
                                                                : MO_LE;
}

static uint64_t sh_ld(ARMCPU *cpu, uint64_t addr, MemOp size)
{
    CPUARMState *env = &cpu->env;

    return cpu_ld_mmu(&cpu->parent_obj, addr, size | sh_endian(env),
                      arm_mmu_idx(env), 0);
}

static void sh_st(ARMCPU *cpu, uint64_t addr, uint64_t val, MemOp size)
{
    CPUARMState *env = &cpu->env;

    cpu_st_mmu(&cpu->parent_obj, addr, val, size | sh_endian(env),
               arm_mmu_idx(env), 0);
}

/* Field @n of the parameter block at X1. */
static uint64_t sh_arg(ARMCPU *cpu, unsigned n)
{
    return sh_ld(cpu, cpu->env.xregs[1] + 8 * n, MO_64);
}

static void sh_read_buf(ARMCPU *cpu, uint64_t addr, void *buf, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        ((uint8_t *)buf)[i] = sh_ld(cpu, addr + i, MO_8);
    }
}

static void sh_write_buf(ARMCPU *cpu, uint64_t addr, const void *buf,
                         size_t len)
{
    for (size_t i = 0; i < len; i++) {
        sh_st(cpu, addr + i, ((const uint8_t *)buf)[i], MO_8);
    }
}

/*
 * Read a guest string of @len bytes (@len == UINT64_MAX: up to its NUL)
 * into scratch buffer @which.  Returns NULL with *err set when it is too
 * long or has a NUL inside.
 */
static const char *sh_read_str(ARMCPU *cpu, ARMSemihost *sh, unsigned which,
                               uint64_t addr, uint64_t len, int *err)
{
    GString *s = sh->scratch[which];

    g_string_truncate(s, 0);
    for (uint64_t i = 0; i < len; i++) {
        uint8_t c = sh_ld(cpu, addr + i, MO_8);

        if (c == 0) {
            if (len == UINT64_MAX) {
                break;
            }
            *err = EINVAL;
            return NULL;
        }
        if (s->len >= SH_PATH_MAX) {
            *err = ENAMETOOLONG;
            return NULL;
        }
        g_string_append_c(s, (char)c);
    }
    return s->str;
}

/* ------------------------------------------------------------------ */
/* Files                                                                */

/*
 * The host path of guest path @guest: unchanged without a root, else
 * @guest's components below the root ("." dropped, ".." popped; popping
 * past the root is refused).  Returns NULL with *err set.
 */
static char *sh_host_path(ARMCPU *cpu, const char *guest, int *err)
{
    const char *root = cpu->semihosting_root;
    g_auto(GStrv) comps = NULL;
    g_autoptr(GPtrArray) kept = NULL;
    GString *out;

    if (!*guest) {
        *err = ENOENT;
        return NULL;
    }
    if (!root || !*root) {
        return g_strdup(guest);
    }
    comps = g_strsplit(guest, "/", -1);
    kept = g_ptr_array_new();
    for (char **c = comps; *c; c++) {
        if (!**c || !strcmp(*c, ".")) {
            continue;
        }
        if (!strcmp(*c, "..")) {
            if (!kept->len) {
                *err = EACCES;
                return NULL;
            }
            g_ptr_array_remove_index(kept, kept->len - 1);
            continue;
        }
        g_ptr_array_add(kept, *c);
    }
    out = g_string_new(root);
    for (guint i = 0; i < kept->len; i++) {
        g_string_append_c(out, '/');
        g_string_append(out, g_ptr_array_index(kept, i));
    }
    return g_string_free(out, false);
}

/* A new handle for @f (the lowest free one). */
static int64_t sh_add_file(ARMSemihost *sh, SHFile *f)
{
    for (guint i = 0; i < sh->files->len; i++) {
        if (!g_ptr_array_index(sh->files, i)) {
            g_ptr_array_index(sh->files, i) = f;
            return i + 1;
        }
    }
    g_ptr_array_add(sh->files, f);
    return sh->files->len;
}

static SHFile *sh_get_file(ARMSemihost *sh, uint64_t handle)
{
    if (handle == 0 || handle > sh->files->len) {
        sh->last_errno = EBADF;
        return NULL;
    }
    return g_ptr_array_index(sh->files, handle - 1);
}

static void sh_free_file(gpointer p)
{
    SHFile *f = p;

    if (f && f->kind == SH_HOST && f->fd >= 0) {
        close(f->fd);
    }
    g_free(f);
}

/* open(2) flags of OPEN's mode 0..11 (r, rb, r+, r+b, w, ..., a+b). */
static int sh_open_flags(unsigned mode)
{
    static const int flags[] = {
        O_RDONLY, O_RDWR,
        O_WRONLY | O_CREAT | O_TRUNC, O_RDWR | O_CREAT | O_TRUNC,
        O_WRONLY | O_CREAT | O_APPEND, O_RDWR | O_CREAT | O_APPEND,
    };

    /* even modes are text, odd ones binary: the same on POSIX hosts */
    return flags[(mode >> 2) * 2 + ((mode >> 1) & 1)];
}

/* SYS_OPEN {name, mode, length}. */
static int64_t sh_open(ARMCPU *cpu, ARMSemihost *sh)
{
    uint64_t name = sh_arg(cpu, 0), mode = sh_arg(cpu, 1);
    uint64_t len = sh_arg(cpu, 2);
    int err = 0;
    const char *g = sh_read_str(cpu, sh, 0, name, len, &err);
    g_autofree char *path = NULL;
    SHFile f = { .kind = SH_HOST, .fd = -1 };

    if (!g || mode > 11) {
        sh->last_errno = g ? EINVAL : err;
        return -1;
    }
    if (!strcmp(g, ":tt")) {
        f.kind = mode < 4 ? SH_STDIN : mode < 8 ? SH_STDOUT : SH_STDERR;
    } else if (!strcmp(g, ":semihosting-features")) {
        if (mode > 1) {
            sh->last_errno = EACCES;
            return -1;
        }
        f.kind = SH_FEATURES;
    } else {
        path = sh_host_path(cpu, g, &err);
        if (!path) {
            sh->last_errno = err;
            return -1;
        }
        f.fd = open(path, sh_open_flags(mode) | O_CLOEXEC, 0644);
        if (f.fd < 0) {
            sh->last_errno = errno;
            return -1;
        }
    }
    return sh_add_file(sh, g_memdup2(&f, sizeof(f)));
}

/* SYS_CLOSE {handle}. */
static int64_t sh_close(ARMSemihost *sh, uint64_t handle)
{
    SHFile *f = sh_get_file(sh, handle);

    if (!f) {
        return -1;
    }
    g_ptr_array_index(sh->files, handle - 1) = NULL;
    if (f->kind == SH_HOST && close(f->fd) < 0) {
        sh->last_errno = errno;
        f->fd = -1;
        sh_free_file(f);
        return -1;
    }
    f->fd = -1;
    sh_free_file(f);
    return 0;
}

/* Write @len bytes of @buf to @f; returns bytes written or -1. */
static int64_t sh_file_write(ARMSemihost *sh, SHFile *f, const void *buf,
                             size_t len)
{
    ssize_t n;

    switch (f->kind) {
    case SH_STDOUT:
    case SH_STDERR: {
        FILE *out = f->kind == SH_STDOUT ? stdout : stderr;

        n = fwrite(buf, 1, len, out);
        fflush(out);
        return n;
    }
    case SH_HOST:
        n = write(f->fd, buf, len);
        if (n < 0) {
            sh->last_errno = errno;
        }
        return n;
    default:
        sh->last_errno = EBADF;
        return -1;
    }
}

/* Read up to @len bytes of @f into @buf; returns bytes read or -1. */
static int64_t sh_file_read(ARMSemihost *sh, SHFile *f, void *buf,
                            size_t len)
{
    ssize_t n;

    switch (f->kind) {
    case SH_FEATURES:
        n = f->pos < sizeof(sh_features)
            ? HEMU_MIN(len, sizeof(sh_features) - f->pos) : 0;
        memcpy(buf, sh_features + f->pos, n);
        f->pos += n;
        return n;
    case SH_STDIN:
    case SH_HOST:
        n = read(f->kind == SH_STDIN ? STDIN_FILENO : f->fd, buf, len);
        if (n < 0) {
            sh->last_errno = errno;
        }
        return n;
    default:
        sh->last_errno = EBADF;
        return -1;
    }
}

/* SYS_WRITE {handle, buf, len}: returns the bytes NOT written. */
static int64_t sh_write(ARMCPU *cpu, ARMSemihost *sh)
{
    uint64_t handle = sh_arg(cpu, 0), buf = sh_arg(cpu, 1);
    uint64_t len = sh_arg(cpu, 2), done = 0;
    SHFile *f = sh_get_file(sh, handle);
    uint8_t chunk[SH_CHUNK];

    if (!f) {
        return -1;
    }
    while (done < len) {
        size_t n = HEMU_MIN(len - done, (uint64_t)sizeof(chunk));
        int64_t w;

        sh_read_buf(cpu, buf + done, chunk, n);
        w = sh_file_write(sh, f, chunk, n);
        if (w <= 0) {
            break;
        }
        done += w;
    }
    return len - done;
}

/*
 * SYS_READ {handle, buf, len}: returns the bytes NOT read (len at end of
 * file).  The console returns after one host read (a line).
 */
static int64_t sh_read(ARMCPU *cpu, ARMSemihost *sh)
{
    uint64_t handle = sh_arg(cpu, 0), buf = sh_arg(cpu, 1);
    uint64_t len = sh_arg(cpu, 2), done = 0;
    SHFile *f = sh_get_file(sh, handle);
    uint8_t chunk[SH_CHUNK];

    if (!f) {
        return -1;
    }
    while (done < len) {
        size_t n = HEMU_MIN(len - done, (uint64_t)sizeof(chunk));
        int64_t r = sh_file_read(sh, f, chunk, n);

        if (r <= 0) {
            break;
        }
        sh_write_buf(cpu, buf + done, chunk, r);
        done += r;
        if (f->kind == SH_STDIN || (size_t)r < n) {
            break;
        }
    }
    return len - done;
}

/* SYS_SEEK {handle, pos}: 0, or negative on failure. */
static int64_t sh_seek(ARMCPU *cpu, ARMSemihost *sh)
{
    uint64_t handle = sh_arg(cpu, 0), pos = sh_arg(cpu, 1);
    SHFile *f = sh_get_file(sh, handle);

    if (!f) {
        return -1;
    }
    switch (f->kind) {
    case SH_FEATURES:
        f->pos = pos;
        return 0;
    case SH_HOST:
        if (pos > INT64_MAX || lseek(f->fd, (off_t)pos, SEEK_SET) < 0) {
            sh->last_errno = pos > INT64_MAX ? EINVAL : errno;
            return -1;
        }
        return 0;
    default:
        sh->last_errno = ESPIPE;
        return -1;
    }
}

/* SYS_FLEN {handle}: the file's length, or -1. */
static int64_t sh_flen(ARMSemihost *sh, uint64_t handle)
{
    SHFile *f = sh_get_file(sh, handle);
    struct stat st;

    if (!f) {
        return -1;
    }
    if (f->kind == SH_FEATURES) {
        return sizeof(sh_features);
    }
    if (f->kind != SH_HOST) {
        sh->last_errno = ESPIPE;
        return -1;
    }
    if (fstat(f->fd, &st) < 0) {
        sh->last_errno = errno;
        return -1;
    }
    return st.st_size;
}

/* SYS_ISTTY {handle}: 1 interactive, 0 not, -1 bad handle. */
static int64_t sh_istty(ARMSemihost *sh, uint64_t handle)
{
    SHFile *f = sh_get_file(sh, handle);

    if (!f) {
        return -1;
    }
    if (f->kind == SH_HOST) {
        return isatty(f->fd) ? 1 : 0;
    }
    return f->kind != SH_FEATURES;
}

/* SYS_REMOVE {name, len} and SYS_RENAME {old, oldlen, new, newlen}. */
static int64_t sh_remove_rename(ARMCPU *cpu, ARMSemihost *sh, bool rename_op)
{
    int err = 0;
    const char *a = sh_read_str(cpu, sh, 0, sh_arg(cpu, 0), sh_arg(cpu, 1),
                                &err);
    const char *b = !a || !rename_op ? NULL
                  : sh_read_str(cpu, sh, 1, sh_arg(cpu, 2), sh_arg(cpu, 3),
                                &err);
    g_autofree char *pa = a ? sh_host_path(cpu, a, &err) : NULL;
    g_autofree char *pb = b ? sh_host_path(cpu, b, &err) : NULL;
    int r;

    if (!pa || (rename_op && !pb)) {
        sh->last_errno = err;
        return -1;
    }
    r = rename_op ? rename(pa, pb) : remove(pa);
    if (r < 0) {
        /* the spec returns a host error code: errno (nonzero) */
        sh->last_errno = errno;
        return errno;
    }
    return 0;
}

/* SYS_TMPNAM {buf, id, buflen}: a name OPEN can create, or -1. */
static int64_t sh_tmpnam(ARMCPU *cpu, ARMSemihost *sh)
{
    uint64_t buf = sh_arg(cpu, 0), id = sh_arg(cpu, 1);
    uint64_t len = sh_arg(cpu, 2);
    GString *s = sh->scratch[0];

    /* under the root when there is one, else in the host's temp dir */
    g_string_printf(s, "%s%shemu-%d-%03u.tmp",
                    cpu->semihosting_root ? "" : g_get_tmp_dir(),
                    cpu->semihosting_root ? "" : "/", (int)getpid(),
                    (unsigned)(id & 0xff));
    if (s->len + 1 > len) {
        sh->last_errno = ERANGE;
        return -1;
    }
    sh_write_buf(cpu, buf, s->str, s->len + 1);
    return 0;
}

/* SYS_GET_CMDLINE {buf, len}: "kernel append", len updated. */
static int64_t sh_get_cmdline(ARMCPU *cpu, ARMSemihost *sh)
{
    MachineState *ms = machine_of(OBJECT(cpu));
    uint64_t buf = sh_arg(cpu, 0), len = sh_arg(cpu, 1);
    GString *s = sh->scratch[0];

    g_string_assign(s, ms && ms->kernel ? ms->kernel : "");
    if (ms && ms->append) {
        g_string_append_printf(s, "%s%s", s->len ? " " : "", ms->append);
    }
    if (s->len + 1 > len) {
        sh->last_errno = ERANGE;
        return -1;
    }
    sh_write_buf(cpu, buf, s->str, s->len + 1);
    sh_st(cpu, cpu->env.xregs[1] + 8, s->len, MO_64);
    return 0;
}

/* WRITEC (one byte at X1) and WRITE0 (NUL-terminated string at X1). */
static void sh_console_out(ARMCPU *cpu, ARMSemihost *sh, bool string)
{
    GString *s = sh->scratch[0];

    if (string) {
        g_string_truncate(s, 0);
        for (uint64_t a = cpu->env.xregs[1];; a++) {
            uint8_t c = sh_ld(cpu, a, MO_8);

            if (!c) {
                break;
            }
            g_string_append_c(s, (char)c);
            if (s->len >= SH_CHUNK) {
                fwrite(s->str, 1, s->len, stdout);
                g_string_truncate(s, 0);
            }
        }
    } else {
        g_string_truncate(s, 0);
        g_string_append_c(s, (char)sh_ld(cpu, cpu->env.xregs[1], MO_8));
    }
    fwrite(s->str, 1, s->len, stdout);
    fflush(stdout);
}

/* EXIT and EXIT_EXTENDED {reason, subcode}: the machine stops. */
static void sh_exit(ARMCPU *cpu)
{
    uint64_t reason = sh_arg(cpu, 0), subcode = sh_arg(cpu, 1);
    int code = reason == ADP_STOPPED_APPLICATION_EXIT ? (int)subcode : 1;

    arm_request_shutdown(cpu, code);
}

/* Nanoseconds since this vCPU's semihosting started. */
static int64_t sh_elapsed_ns(ARMSemihost *sh)
{
    return timer_clock_get_ns(sh->clock) - sh->start_ns;
}

/* The operations that only read or write registers and host state. */
static bool sh_simple_op(ARMCPU *cpu, ARMSemihost *sh, uint32_t op,
                         int64_t *ret)
{
    switch (op) {
    case SYS_READC: {
        uint8_t c;

        *ret = read(STDIN_FILENO, &c, 1) == 1 ? c : -1;
        return true;
    }
    case SYS_CLOCK:
        /* centiseconds */
        *ret = sh_elapsed_ns(sh) / 10000000;
        return true;
    case SYS_TIME:
        *ret = (int64_t)time(NULL);
        return true;
    case SYS_SYSTEM:
        log_mask(LOG_GUEST_ERROR, "%s: semihosting SYS_SYSTEM refused\n",
                 sh_name(cpu));
        sh->last_errno = EPERM;
        *ret = -1;
        return true;
    case SYS_ERRNO:
        *ret = sh->last_errno;
        return true;
    case SYS_TICKFREQ:
        /* SYS_ELAPSED counts nanoseconds */
        *ret = NANOSECONDS_PER_SECOND;
        return true;
    default:
        return false;
    }
}

/* The operations with a parameter block (X1); false: unknown @op. */
static bool sh_block_op(ARMCPU *cpu, ARMSemihost *sh, uint32_t op,
                        int64_t *ret)
{
    switch (op) {
    case SYS_OPEN:
        *ret = sh_open(cpu, sh);
        return true;
    case SYS_CLOSE:
        *ret = sh_close(sh, sh_arg(cpu, 0));
        return true;
    case SYS_WRITE:
        *ret = sh_write(cpu, sh);
        return true;
    case SYS_READ:
        *ret = sh_read(cpu, sh);
        return true;
    case SYS_ISERROR:
        *ret = (int64_t)sh_arg(cpu, 0) < 0;
        return true;
    case SYS_ISTTY:
        *ret = sh_istty(sh, sh_arg(cpu, 0));
        return true;
    case SYS_SEEK:
        *ret = sh_seek(cpu, sh);
        return true;
    case SYS_FLEN:
        *ret = sh_flen(sh, sh_arg(cpu, 0));
        return true;
    case SYS_TMPNAM:
        *ret = sh_tmpnam(cpu, sh);
        return true;
    case SYS_REMOVE:
    case SYS_RENAME:
        *ret = sh_remove_rename(cpu, sh, op == SYS_RENAME);
        return true;
    case SYS_GET_CMDLINE:
        *ret = sh_get_cmdline(cpu, sh);
        return true;
    case SYS_HEAPINFO:
        /*
         * X1 points to a pointer to {heap base, heap limit, stack base,
         * stack limit}.  Zeros mean "unknown" (spec 5.9): the C library
         * then uses its own link-time defaults.
         */
        for (unsigned i = 0; i < 4; i++) {
            sh_st(cpu, sh_arg(cpu, 0) + 8 * i, 0, MO_64);
        }
        *ret = 0;
        return true;
    case SYS_ELAPSED:
        /* one 64-bit field on AArch64 */
        sh_st(cpu, cpu->env.xregs[1], sh_elapsed_ns(sh), MO_64);
        *ret = 0;
        return true;
    default:
        return false;
    }
}

void arm_semihosting_call(ARMCPU *cpu)
{
    CPUARMState *env = &cpu->env;
    ARMSemihost *sh = sh_state(cpu);
    uint32_t op = (uint32_t)env->xregs[0];
    int64_t ret;

    if (!sh) {
        /* not realized: cannot happen on a running vCPU */
        env->xregs[0] = UINT64_MAX;
        return;
    }
    switch (op) {
    case SYS_WRITEC:
    case SYS_WRITE0:
        /* X0 is corrupted by these: keep it */
        sh_console_out(cpu, sh, op == SYS_WRITE0);
        return;
    case SYS_EXIT:
    case SYS_EXIT_EXTENDED:
        sh_exit(cpu);
        return;
    default:
        break;
    }
    if (!sh_simple_op(cpu, sh, op, &ret) && !sh_block_op(cpu, sh, op, &ret)) {
        log_mask(LOG_UNIMP, "%s: semihosting operation 0x%x not "
                 "implemented\n", sh_name(cpu), op);
        sh->last_errno = ENOSYS;
        ret = -1;
    }
    env->xregs[0] = (uint64_t)ret;
}

/* ------------------------------------------------------------------ */
/* Life cycle                                                           */

/* "semihosting-open-files": how many handles are open. */
static bool sh_prop_get_open(Object *obj, ObjectProperty *prop,
                             PropValue *val, Error **errp)
{
    ARMSemihost *sh = prop->opaque;
    uint64_t n = 0;

    for (guint i = 0; i < sh->files->len; i++) {
        n += g_ptr_array_index(sh->files, i) != NULL;
    }
    val->kind = PROP_KIND_UINT;
    val->u = n;
    return true;
}

static void sh_free(ARMSemihost *sh)
{
    g_ptr_array_unref(sh->files);
    g_string_free(sh->scratch[0], true);
    g_string_free(sh->scratch[1], true);
    g_free(sh);
}

/* The CPU is finalised: close what the guest left open. */
static void sh_release(Object *obj, ObjectProperty *prop)
{
    sh_free(prop->opaque);
}

bool arm_semihosting_realize(ARMCPU *cpu, Error **errp)
{
    MachineState *ms = machine_of(OBJECT(cpu));
    ARMSemihost *sh;

    if (sh_state(cpu)) {
        return true;
    }
    sh = g_new0(ARMSemihost, 1);
    sh->files = g_ptr_array_new_with_free_func(sh_free_file);
    sh->clock = ms ? ms->virtual_clock : timer_clock_host();
    sh->start_ns = timer_clock_get_ns(sh->clock);
    sh->scratch[0] = g_string_new(NULL);
    sh->scratch[1] = g_string_new(NULL);
    if (!object_property_add(OBJECT(cpu), SH_STATE_PROP, PROP_KIND_UINT,
                             "uint64", sh_prop_get_open, NULL, sh_release,
                             sh, "semihosting files the guest has open",
                             errp)) {
        sh_free(sh);
        return false;
    }
    return true;
}
