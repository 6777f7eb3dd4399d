/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Hexagon semihosting through trap0(#0) ("angel" numbering): r0 holds the
 * operation, r1 points to a block of 32-bit argument words; the result
 * goes to r0 and the host errno to r1.  The Hexagon EXIT (0x18) takes its
 * status in r2 and becomes hemu's exit code.  The guest's trap0 event is
 * taken after the call (the translator raises it), as on QEMU.
 *
 * Files: handles 0-2 are the host's stdin/stdout/stderr (also ":tt"),
 * OPEN names are relative to "semihosting-root" when set (absolute names
 * and ".." are refused there).  Per-vCPU state only (HexagonCPU).
 * Spec: /work/shared/reference/hexagon-system.md 1.12 (Arm semihosting
 * numbering plus the Hexagon EXIT).
 */
#include "translate.h"
#include "exec/cputlb.h"
#include "hw/boards.h"
#include "util/log.h"
#include "util/timer.h"
#include <errno.h>
#include <time.h>

enum {
    SH_OPEN = 0x01, SH_CLOSE = 0x02, SH_WRITEC = 0x03, SH_WRITE0 = 0x04,
    SH_WRITE = 0x05, SH_READ = 0x06, SH_ISTTY = 0x09, SH_SEEK = 0x0a,
    SH_FLEN = 0x0c, SH_CLOCK = 0x10, SH_TIME = 0x11, SH_ERRNO = 0x13,
    SH_GET_CMDLINE = 0x15, SH_HEAPINFO = 0x16, SH_EXIT = 0x18,
};

typedef struct ShCall {
    CPUHexagonState *env;
    HexagonCPU *cpu;
    unsigned mmu_idx;
} ShCall;

static uint32_t sh_ldw(ShCall *c, uint32_t addr)
{
    return (uint32_t)cpu_ld_mmu(&c->cpu->parent_obj, addr, MO_LEUL,
                                c->mmu_idx, 0);
}

static uint8_t sh_ldb(ShCall *c, uint32_t addr)
{
    return (uint8_t)cpu_ld_mmu(&c->cpu->parent_obj, addr, MO_UB, c->mmu_idx,
                               0);
}

static void sh_stb(ShCall *c, uint32_t addr, uint8_t v)
{
    cpu_st_mmu(&c->cpu->parent_obj, addr, v, MO_UB, c->mmu_idx, 0);
}

static void sh_stw(ShCall *c, uint32_t addr, uint32_t v)
{
    cpu_st_mmu(&c->cpu->parent_obj, addr, v, MO_LEUL, c->mmu_idx, 0);
}

/* Argument word @i of the block at r1. */
static uint32_t sh_arg(ShCall *c, int i)
{
    return sh_ldw(c, c->env->gpr[1] + 4 * i);
}

/* A guest string of @len bytes (or NUL-terminated when @len < 0). */
static char *sh_string(ShCall *c, uint32_t addr, int64_t len)
{
    GString *s = g_string_new(NULL);

    for (int64_t i = 0; len < 0 ? i < 65536 : i < len; i++) {
        char ch = (char)sh_ldb(c, addr + (uint32_t)i);

        if (len < 0 && !ch) {
            break;
        }
        g_string_append_c(s, ch);
    }
    return g_string_free(s, FALSE);
}

static FILE *sh_file(ShCall *c, uint32_t fd)
{
    GPtrArray *f = c->cpu->sh_files;

    switch (fd) {
    case 0:
        return stdin;
    case 1:
        return stdout;
    case 2:
        return stderr;
    default:
        if (!f || fd - 3 >= f->len) {
            return NULL;
        }
        return g_ptr_array_index(f, fd - 3);
    }
}

static uint32_t sh_fail(ShCall *c, int err)
{
    c->cpu->sh_errno = (uint32_t)err;
    return UINT32_MAX;
}

static uint32_t sh_open(ShCall *c)
{
    static const char *const modes[12] = {
        "r", "rb", "r+", "r+b", "w", "wb", "w+", "w+b", "a", "ab", "a+",
        "a+b",
    };
    g_autofree char *name = sh_string(c, sh_arg(c, 0), sh_arg(c, 2));
    g_autofree char *path = NULL;
    uint32_t mode = sh_arg(c, 1);
    const char *root = c->cpu->semihosting_root;
    FILE *f;

    if (mode >= 12) {
        return sh_fail(c, EINVAL);
    }
    if (!strcmp(name, ":tt")) {
        return mode < 4 ? 0 : mode < 8 ? 1 : 2;
    }
    if (root && (g_path_is_absolute(name) || strstr(name, ".."))) {
        return sh_fail(c, EACCES);
    }
    path = root ? g_build_filename(root, name, NULL) : g_strdup(name);
    f = fopen(path, modes[mode]);
    if (!f) {
        return sh_fail(c, errno);
    }
    if (!c->cpu->sh_files) {
        c->cpu->sh_files = g_ptr_array_new();
    }
    for (guint i = 0; i < c->cpu->sh_files->len; i++) {
        if (!g_ptr_array_index(c->cpu->sh_files, i)) {
            g_ptr_array_index(c->cpu->sh_files, i) = f;
            return i + 3;
        }
    }
    g_ptr_array_add(c->cpu->sh_files, f);
    return c->cpu->sh_files->len + 2;
}

static uint32_t sh_close(ShCall *c)
{
    uint32_t fd = sh_arg(c, 0);
    FILE *f = sh_file(c, fd);

    if (!f) {
        return sh_fail(c, EBADF);
    }
    if (fd >= 3) {
        fclose(f);
        g_ptr_array_index(c->cpu->sh_files, fd - 3) = NULL;
    }
    return 0;
}

/* WRITE {fd, buf, len}: returns the number of bytes not written. */
static uint32_t sh_write(ShCall *c)
{
    FILE *f = sh_file(c, sh_arg(c, 0));
    uint32_t len = sh_arg(c, 2);
    g_autofree char *buf = NULL;
    size_t n;

    if (!f) {
        sh_fail(c, EBADF);
        return len;
    }
    buf = sh_string(c, sh_arg(c, 1), len);
    n = fwrite(buf, 1, len, f);
    fflush(f);
    return len - (uint32_t)n;
}

/* READ {fd, buf, len}: returns the number of bytes not read. */
static uint32_t sh_read(ShCall *c)
{
    FILE *f = sh_file(c, sh_arg(c, 0));
    uint32_t buf = sh_arg(c, 1), len = sh_arg(c, 2);
    g_autofree char *tmp = g_malloc(MAX(len, 1));
    size_t n;

    if (!f) {
        sh_fail(c, EBADF);
        return len;
    }
    n = fread(tmp, 1, len, f);
    for (size_t i = 0; i < n; i++) {
        sh_stb(c, buf + (uint32_t)i, (uint8_t)tmp[i]);
    }
    return len - (uint32_t)n;
}

static uint32_t sh_seek_flen(ShCall *c, bool flen)
{
    FILE *f = sh_file(c, sh_arg(c, 0));
    long pos, end;

    if (!f) {
        return sh_fail(c, EBADF);
    }
    if (!flen) {
        return fseek(f, (long)sh_arg(c, 1), SEEK_SET) ? sh_fail(c, errno) : 0;
    }
    pos = ftell(f);
    if (pos < 0 || fseek(f, 0, SEEK_END)) {
        return sh_fail(c, errno);
    }
    end = ftell(f);
    fseek(f, pos, SEEK_SET);
    return (uint32_t)end;
}

/* GET_CMDLINE {buf, len}: the "cmdline" property, NUL-terminated. */
static uint32_t sh_cmdline(ShCall *c)
{
    const char *s = c->cpu->cmdline ? c->cpu->cmdline : "";
    uint32_t buf = sh_arg(c, 0), len = sh_arg(c, 1);
    size_t n = strlen(s);

    if (n + 1 > len) {
        return sh_fail(c, E2BIG);
    }
    for (size_t i = 0; i <= n; i++) {
        sh_stb(c, buf + (uint32_t)i, (uint8_t)s[i]);
    }
    sh_stw(c, c->env->gpr[1] + 4, (uint32_t)n);
    return 0;
}

/*
 * CLOCK: centiseconds since the program started (Arm semihosting), i.e.
 * the machine's virtual clock, which counts from 0 at its first start and
 * stands still while paused; without a machine, the host's clock.
 */
static uint32_t sh_clock(ShCall *c)
{
    MachineState *ms = machine_of(OBJECT(c->cpu));
    int64_t ns = ms ? timer_clock_get_ns(ms->virtual_clock)
                    : g_get_monotonic_time() * 1000;

    return (uint32_t)(ns / 10000000);
}

static void sh_exit(ShCall *c)
{
    HexagonCPU *cpu = c->cpu;
    CPUState *cs = &cpu->parent_obj;
    MachineState *ms = machine_of(OBJECT(cpu));

    cpu->exit_code = (int)c->env->gpr[2];
    cpu->exit_requested = true;
    /* this thread stops; the machine ends the run */
    c->env->stopped = true;
    g_atomic_int_set(&cs->halted, 1);
    cpu_exit(cs);
    if (ms) {
        machine_request_shutdown(ms, cpu->exit_code);
    }
}

bool hex_semihosting_call(CPUHexagonState *env)
{
    ShCall c = { env, hex_env_cpu(env), hex_mode(env) };
    uint32_t op = env->gpr[0], ret = 0;
    g_autofree char *s = NULL;

    switch (op) {
    case SH_OPEN:
        ret = sh_open(&c);
        break;
    case SH_CLOSE:
        ret = sh_close(&c);
        break;
    case SH_WRITEC:
        fputc(sh_ldb(&c, env->gpr[1]), stdout);
        fflush(stdout);
        return true;
    case SH_WRITE0:
        s = sh_string(&c, env->gpr[1], -1);
        fputs(s, stdout);
        fflush(stdout);
        return true;
    case SH_WRITE:
        ret = sh_write(&c);
        break;
    case SH_READ:
        ret = sh_read(&c);
        break;
    case SH_ISTTY:
        ret = sh_arg(&c, 0) < 3;
        break;
    case SH_SEEK:
        ret = sh_seek_flen(&c, false);
        break;
    case SH_FLEN:
        ret = sh_seek_flen(&c, true);
        break;
    case SH_CLOCK:
        ret = sh_clock(&c);
        break;
    case SH_TIME:
        ret = (uint32_t)time(NULL);
        break;
    case SH_ERRNO:
        ret = c.cpu->sh_errno;
        break;
    case SH_GET_CMDLINE:
        ret = sh_cmdline(&c);
        break;
    case SH_HEAPINFO:
        /* {heap base, heap limit, stack base, stack limit}: 0 = unknown */
        for (int i = 0; i < 4; i++) {
            sh_stw(&c, sh_arg(&c, 0) + 4 * i, 0);
        }
        break;
    case SH_EXIT:
        sh_exit(&c);
        return true;
    default:
        log_mask(LOG_UNIMP, "hexagon: semihosting operation 0x%x\n", op);
        env->gpr[0] = UINT32_MAX;
        return false;
    }
    env->gpr[0] = ret;
    env->gpr[1] = c.cpu->sh_errno;
    return true;
}

void hex_semihosting_cleanup(HexagonCPU *cpu)
{
    if (!cpu->sh_files) {
        return;
    }
    for (guint i = 0; i < cpu->sh_files->len; i++) {
        FILE *f = g_ptr_array_index(cpu->sh_files, i);

        if (f) {
            fclose(f);
        }
    }
    g_ptr_array_free(cpu->sh_files, TRUE);
    cpu->sh_files = NULL;
}
