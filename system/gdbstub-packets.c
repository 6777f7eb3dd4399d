/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * What each Remote Serial Protocol packet does (gdbstub-internal.h).
 *
 * Supported: qSupported, qXfer:features:read (the frontend's target
 * XML), ?, g/G, p/P, m/M (through the frontend's debug_translate, then
 * the cluster's address space), c/s/C/S, vCont?/vCont (c, s, C, S),
 * Z0/z0 and Z1/z1 (both are breakpoints in the translator), Z2-Z4/z2-z4
 * (write, read and access watchpoints, in accel/tcg's softmmu; KIND is
 * the length in bytes), qWatchpointSupportInfo (LLDB), the thread
 * packets (qfThreadInfo, qsThreadInfo, qC, H, T, qThreadExtraInfo),
 * qAttached, D, k and vKill.  Anything else gets the empty reply that
 * means "not supported".  Malformed
 * arguments get E22; unreadable memory E14.
 * Threads are the cluster's vCPUs, ids 1..N in hex; -1 means all and 0
 * any.  Spec: GDB manual, "Packets", "General Query Packets", "Stop
 * Reply Packets".
 */
#include "gdbstub-internal.h"
#include "exec/cpu-debug.h"
#include "system/main-loop.h"

static int gdb_hexval(char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

/* A hex number at *@p (advanced past it); false if none or too long. */
static bool gdb_parse_hex(const char **p, uint64_t *v)
{
    const char *q = *p;
    unsigned n = 0;

    *v = 0;
    while (gdb_hexval(*q) >= 0) {
        if (++n > 16) {
            return false;
        }
        *v = (*v << 4) | (uint64_t)gdb_hexval(*q++);
    }
    *p = q;
    return n > 0;
}

/* A thread id: hex, or -1 (all), 0 (any); false if malformed. */
static bool gdb_parse_tid(const char **p, int64_t *tid)
{
    uint64_t v;

    if ((*p)[0] == '-' && (*p)[1] == '1') {
        *p += 2;
        *tid = -1;
        return true;
    }
    if (!gdb_parse_hex(p, &v) || v > INT32_MAX) {
        return false;
    }
    *tid = (int64_t)v;
    return true;
}

/* The cpu index of thread @tid (0: any = @dflt); -1 if no such thread. */
static int gdb_tid_cpu(GdbServer *s, int64_t tid, unsigned dflt)
{
    if (tid == 0) {
        return (int)dflt;
    }
    if (tid < 1 || tid > s->cl->num_cpus) {
        return -1;
    }
    return (int)(tid - 1);
}

static void gdb_reply_hex(GdbServer *s, const uint8_t *buf, size_t len)
{
    g_autoptr(GString) r = g_string_sized_new(len * 2);

    for (size_t i = 0; i < len; i++) {
        g_string_append_printf(r, "%02x", buf[i]);
    }
    gdb_send_packet(s, r->str, r->len);
}

/* Decode @n bytes of hex at @p into @out; false if malformed. */
static bool gdb_unhex(const char *p, uint8_t *out, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        int hi = gdb_hexval(p[2 * i]);
        int lo = hi < 0 ? -1 : gdb_hexval(p[2 * i + 1]);

        if (lo < 0) {
            return false;
        }
        out[i] = (uint8_t)(hi << 4 | lo);
    }
    return true;
}

/* ---------------------------------------------------------------------- */
/* Registers                                                              */

static CPUState *gdb_g_cpu(GdbServer *s)
{
    return s->cl->cpus[s->g_cpu];
}

/* Registers GDB may access on @cpu (0 when the frontend has no hooks). */
static unsigned gdb_num_regs(CPUState *cpu)
{
    const TargetArch *a = cpu->arch;

    return a->gdb_read_register && a->gdb_write_register ? a->gdb_num_regs
                                                         : 0;
}

static void gdb_read_all_regs(GdbServer *s)
{
    CPUState *cpu = gdb_g_cpu(s);
    g_autoptr(GByteArray) buf = g_byte_array_new();

    for (unsigned r = 0; r < gdb_num_regs(cpu); r++) {
        cpu->arch->gdb_read_register(cpu, buf, (int)r);
    }
    gdb_reply_hex(s, buf->data, buf->len);
}

static void gdb_write_all_regs(GdbServer *s, const char *hex)
{
    CPUState *cpu = gdb_g_cpu(s);
    size_t have = strlen(hex) / 2, off = 0;
    g_autofree uint8_t *data = g_malloc(have + 1);

    if (strlen(hex) % 2 || !gdb_unhex(hex, data, have)) {
        gdb_reply(s, GDB_EINVAL);
        return;
    }
    /* GDB may send fewer bytes than all registers: write whole ones */
    for (unsigned r = 0; r < gdb_num_regs(cpu); r++) {
        g_autoptr(GByteArray) cur = g_byte_array_new();
        int size = cpu->arch->gdb_read_register(cpu, cur, (int)r);

        if (size <= 0 || off + (size_t)size > have) {
            break;
        }
        cpu->arch->gdb_write_register(cpu, data + off, (int)r);
        off += (size_t)size;
    }
    gdb_reply(s, "OK");
}

static void gdb_read_one_reg(GdbServer *s, const char *p)
{
    CPUState *cpu = gdb_g_cpu(s);
    g_autoptr(GByteArray) buf = g_byte_array_new();
    uint64_t reg;

    if (!gdb_parse_hex(&p, &reg) || *p || reg >= gdb_num_regs(cpu) ||
        cpu->arch->gdb_read_register(cpu, buf, (int)reg) <= 0) {
        gdb_reply(s, GDB_EINVAL);
        return;
    }
    gdb_reply_hex(s, buf->data, buf->len);
}

static void gdb_write_one_reg(GdbServer *s, const char *p)
{
    CPUState *cpu = gdb_g_cpu(s);
    g_autoptr(GByteArray) cur = g_byte_array_new();
    uint8_t val[64];
    uint64_t reg;
    int size;

    if (!gdb_parse_hex(&p, &reg) || *p++ != '=' ||
        reg >= gdb_num_regs(cpu)) {
        gdb_reply(s, GDB_EINVAL);
        return;
    }
    size = cpu->arch->gdb_read_register(cpu, cur, (int)reg);
    if (size <= 0 || (size_t)size > sizeof(val) ||
        strlen(p) != (size_t)size * 2 || !gdb_unhex(p, val, (size_t)size)) {
        gdb_reply(s, GDB_EINVAL);
        return;
    }
    cpu->arch->gdb_write_register(cpu, val, (int)reg);
    gdb_reply(s, "OK");
}

/* ---------------------------------------------------------------------- */
/* Memory                                                                 */

/*
 * Read (@write false) or write @len bytes at guest virtual @va through
 * the g thread's translation, page by page.  Returns the bytes done.
 */
static size_t gdb_memory_rw(GdbServer *s, uint64_t va, uint8_t *buf,
                            size_t len, bool write)
{
    CPUState *cpu = gdb_g_cpu(s);
    uint64_t page = UINT64_C(1) << s->cl->page_bits;
    size_t done = 0;

    while (done < len) {
        uint64_t a = va + done;
        size_t n = HEMU_MIN(len - done, (size_t)(page - (a & (page - 1))));
        hwaddr pa = a;
        MemTxResult r;

        if (cpu->arch->debug_translate &&
            !cpu->arch->debug_translate(cpu, a, &pa)) {
            break;
        }
        if (write) {
            r = address_space_write(&s->cl->as, pa, MEMTXATTRS_UNSPECIFIED,
                                    buf + done, n);
        } else {
            r = address_space_read(&s->cl->as, pa, MEMTXATTRS_UNSPECIFIED,
                                   buf + done, n);
        }
        if (r != MEMTX_OK) {
            break;
        }
        done += n;
    }
    return done;
}

/* "ADDR,LEN" at @p; *@p is left after LEN. */
static bool gdb_parse_addr_len(const char **p, uint64_t *addr, uint64_t *len)
{
    return gdb_parse_hex(p, addr) && *(*p)++ == ',' && gdb_parse_hex(p, len);
}

static void gdb_read_memory(GdbServer *s, const char *p)
{
    uint64_t addr, len;
    g_autofree uint8_t *buf = NULL;
    size_t done;

    if (!gdb_parse_addr_len(&p, &addr, &len) || *p) {
        gdb_reply(s, GDB_EINVAL);
        return;
    }
    len = HEMU_MIN(len, (uint64_t)GDB_MAX_PACKET / 2);
    buf = g_malloc(len + 1);
    done = gdb_memory_rw(s, addr, buf, len, false);
    if (len && !done) {
        gdb_reply(s, GDB_EFAULT);
        return;
    }
    gdb_reply_hex(s, buf, done);
}

static void gdb_write_memory(GdbServer *s, const char *p)
{
    uint64_t addr, len;
    g_autofree uint8_t *buf = NULL;

    if (!gdb_parse_addr_len(&p, &addr, &len) || *p++ != ':' ||
        len > GDB_MAX_PACKET / 2 || strlen(p) != len * 2) {
        gdb_reply(s, GDB_EINVAL);
        return;
    }
    buf = g_malloc(len + 1);
    if (!gdb_unhex(p, buf, len)) {
        gdb_reply(s, GDB_EINVAL);
        return;
    }
    if (gdb_memory_rw(s, addr, buf, len, true) != len) {
        gdb_reply(s, GDB_EFAULT);
        return;
    }
    /* the bytes may be code (a debugger patching it): retranslate */
    tb_flush(s->cl);
    gdb_reply(s, "OK");
}

/* ---------------------------------------------------------------------- */
/* Breakpoints                                                            */

/* Z2/Z3/Z4 (write, read, access watchpoints): KIND is the length. */
static void gdb_watchpoint(GdbServer *s, uint64_t type, uint64_t addr,
                           uint64_t len, bool insert)
{
    static const CPUWatchKind kinds[] = {
        CPU_WATCH_WRITE, CPU_WATCH_READ, CPU_WATCH_ACCESS,
    };
    CPUWatchKind kind = kinds[type - 2];
    bool ok;

    if (insert) {
        ok = cpu_watchpoint_insert(s->cl, addr, len, kind);
    } else {
        ok = cpu_watchpoint_remove(s->cl, addr, len, kind);
    }
    gdb_reply(s, ok ? "OK" : GDB_EINVAL);
}

/* Z/z TYPE,ADDR,KIND[;cond...] */
static void gdb_breakpoint(GdbServer *s, const char *p, bool insert)
{
    uint64_t type, addr, kind;

    if (!gdb_parse_hex(&p, &type) || *p++ != ',' ||
        !gdb_parse_addr_len(&p, &addr, &kind) || (*p && *p != ';')) {
        gdb_reply(s, GDB_EINVAL);
        return;
    }
    if (type > 4) {
        gdb_reply(s, "");       /* unknown type: not supported */
        return;
    }
    if (type >= 2) {
        gdb_watchpoint(s, type, addr, kind, insert);
        return;
    }
    if (insert) {
        gdb_reply(s, cpu_breakpoint_insert(s->cl, addr) ? "OK" : GDB_EINVAL);
    } else {
        gdb_reply(s, cpu_breakpoint_remove(s->cl, addr) ? "OK" : GDB_EINVAL);
    }
}

/* ---------------------------------------------------------------------- */
/* Resuming                                                               */

/*
 * c/s/C/S [SIG]: resume; s steps the Hc thread (the last stopped one when
 * Hc is -1).  The signal is ignored (there are no guest signals); the
 * optional resume address is refused (E22): GDB never sends it.
 */
static void gdb_continue(GdbServer *s, const char *p, bool step, bool sig)
{
    unsigned idx = s->c_cpu >= 0 ? (unsigned)s->c_cpu : s->stop_cpu;
    uint64_t v;

    if (sig && !gdb_parse_hex(&p, &v)) {
        gdb_reply(s, GDB_EINVAL);
        return;
    }
    if (*p) {
        gdb_reply(s, GDB_EINVAL);
        return;
    }
    if (step) {
        cpu_single_step(s->cl->cpus[idx], true);
    }
    gdb_resume(s);
}

/* vCont;ACTION[:TID];... (the leftmost action naming a thread wins) */
static void gdb_vcont(GdbServer *s, const char *p)
{
    g_autofree int8_t *act = g_new0(int8_t, s->cl->num_cpus);  /* 0 none */

    while (*p == ';') {
        char a = *++p;
        int64_t tid = -1;
        uint64_t sig;

        if (a != 'c' && a != 's' && a != 'C' && a != 'S') {
            gdb_reply(s, GDB_EINVAL);
            return;
        }
        p++;
        if ((a == 'C' || a == 'S') && !gdb_parse_hex(&p, &sig)) {
            gdb_reply(s, GDB_EINVAL);
            return;
        }
        if (*p == ':' && (p++, !gdb_parse_tid(&p, &tid))) {
            gdb_reply(s, GDB_EINVAL);
            return;
        }
        if (tid > (int64_t)s->cl->num_cpus) {
            gdb_reply(s, GDB_EINVAL);
            return;
        }
        for (uint32_t i = 0; i < s->cl->num_cpus; i++) {
            if (!act[i] && (tid <= 0 || tid == (int64_t)i + 1)) {
                act[i] = (a == 's' || a == 'S') ? 's' : 'c';
            }
        }
    }
    if (*p) {
        gdb_reply(s, GDB_EINVAL);
        return;
    }
    /* all-stop: threads without an action run too (documented) */
    for (uint32_t i = 0; i < s->cl->num_cpus; i++) {
        cpu_single_step(s->cl->cpus[i], act[i] == 's');
    }
    gdb_resume(s);
}

/* ---------------------------------------------------------------------- */
/* Queries                                                                */

/* qXfer:features:read:ANNEX:OFFSET,LENGTH */
static void gdb_xfer_features(GdbServer *s, const char *p)
{
    const char *xml = s->cl->arch->gdb_core_xml;
    uint64_t off, len;
    size_t total;

    if (!g_str_has_prefix(p, "target.xml:")) {
        gdb_reply(s, xml ? "E00" : "");
        return;
    }
    p += strlen("target.xml:");
    if (!xml) {
        gdb_reply(s, "");
        return;
    }
    if (!gdb_parse_addr_len(&p, &off, &len) || *p) {
        gdb_reply(s, GDB_EINVAL);
        return;
    }
    total = strlen(xml);
    if (off >= total) {
        gdb_reply(s, "l");
        return;
    }
    len = HEMU_MIN(len, (uint64_t)GDB_MAX_PACKET / 2);
    {
        size_t n = HEMU_MIN((size_t)len, total - (size_t)off);
        g_autoptr(GString) r = g_string_new(off + n < total ? "m" : "l");

        g_string_append_len(r, xml + off, (gssize)n);
        gdb_send_packet(s, r->str, r->len);
    }
}

static void gdb_thread_list(GdbServer *s)
{
    g_autoptr(GString) r = g_string_new("m");

    for (uint32_t i = 0; i < s->cl->num_cpus; i++) {
        g_string_append_printf(r, "%s%x", i ? "," : "", i + 1);
    }
    gdb_reply(s, r->str);
}

/* qThreadExtraInfo,TID: the vCPU's QOM path, hex-encoded. */
static void gdb_thread_extra(GdbServer *s, const char *p)
{
    int64_t tid;
    int idx;
    g_autofree char *path = NULL;

    if (!gdb_parse_tid(&p, &tid) || *p ||
        (idx = gdb_tid_cpu(s, tid, s->g_cpu)) < 0) {
        gdb_reply(s, GDB_EINVAL);
        return;
    }
    path = object_get_canonical_path(OBJECT(s->cl->cpus[idx]));
    gdb_reply_hex(s, (const uint8_t *)path, strlen(path));
}

static void gdb_query(GdbServer *s, const char *p)
{
    if (g_str_has_prefix(p, "qSupported")) {
        g_autofree char *r = g_strdup_printf(
            "PacketSize=%x;qXfer:features:read%c;vContSupported+",
            GDB_MAX_PACKET, s->cl->arch->gdb_core_xml ? '+' : '-');
        gdb_reply(s, r);
    } else if (g_str_has_prefix(p, "qXfer:features:read:")) {
        gdb_xfer_features(s, p + strlen("qXfer:features:read:"));
    } else if (!strcmp(p, "qfThreadInfo")) {
        gdb_thread_list(s);
    } else if (!strcmp(p, "qsThreadInfo")) {
        gdb_reply(s, "l");
    } else if (!strcmp(p, "qC")) {
        g_autofree char *r = g_strdup_printf("QC%x", s->stop_cpu + 1);
        gdb_reply(s, r);
    } else if (g_str_has_prefix(p, "qAttached")) {
        gdb_reply(s, "1");      /* attached to an existing "process" */
    } else if (g_str_has_prefix(p, "qThreadExtraInfo,")) {
        gdb_thread_extra(s, p + strlen("qThreadExtraInfo,"));
    } else if (!strcmp(p, "qWatchpointSupportInfo") ||
               !strcmp(p, "qWatchpointSupportInfo:")) {
        /* LLDB's question: how many watchpoints may be set */
        g_autofree char *r = g_strdup_printf("num:%d;", CPU_MAX_WATCHPOINTS);
        gdb_reply(s, r);
    } else {
        gdb_reply(s, "");
    }
}

/* H OP TID: the thread for g/m (OP g) or for c/s (OP c). */
static void gdb_set_thread(GdbServer *s, const char *p)
{
    char op = *p++;
    int64_t tid;
    int idx;

    if ((op != 'g' && op != 'c') || !gdb_parse_tid(&p, &tid) || *p) {
        gdb_reply(s, GDB_EINVAL);
        return;
    }
    if (op == 'c') {
        idx = tid == -1 ? -1 : gdb_tid_cpu(s, tid, s->stop_cpu);
        if (tid != -1 && idx < 0) {
            gdb_reply(s, GDB_EINVAL);
            return;
        }
        s->c_cpu = idx;
    } else {
        idx = gdb_tid_cpu(s, tid == -1 ? 0 : tid, s->stop_cpu);
        if (idx < 0) {
            gdb_reply(s, GDB_EINVAL);
            return;
        }
        s->g_cpu = (unsigned)idx;
    }
    gdb_reply(s, "OK");
}

static void gdb_thread_alive(GdbServer *s, const char *p)
{
    int64_t tid;

    gdb_reply(s, gdb_parse_tid(&p, &tid) && !*p && tid >= 1 &&
                 tid <= s->cl->num_cpus ? "OK" : GDB_EINVAL);
}

static void gdb_v_packet(GdbServer *s, const char *p)
{
    if (!strcmp(p, "vCont?")) {
        gdb_reply(s, "vCont;c;C;s;S");
    } else if (g_str_has_prefix(p, "vCont;")) {
        gdb_vcont(s, p + strlen("vCont"));
    } else if (g_str_has_prefix(p, "vKill")) {
        gdb_reply(s, "OK");
        main_loop_request_quit(0);
    } else {
        gdb_reply(s, "");       /* vMustReplyEmpty and the unknown */
    }
}

void gdb_handle_packet(GdbServer *s, const char *p)
{
    switch (p[0]) {
    case '?':
        gdb_send_stop_reply(s, 5, s->stop_cpu);
        break;
    case 'g':
        if (p[1]) {
            gdb_reply(s, GDB_EINVAL);
        } else {
            gdb_read_all_regs(s);
        }
        break;
    case 'G':
        gdb_write_all_regs(s, p + 1);
        break;
    case 'p':
        gdb_read_one_reg(s, p + 1);
        break;
    case 'P':
        gdb_write_one_reg(s, p + 1);
        break;
    case 'm':
        gdb_read_memory(s, p + 1);
        break;
    case 'M':
        gdb_write_memory(s, p + 1);
        break;
    case 'c':
    case 's':
        gdb_continue(s, p + 1, p[0] == 's', false);
        break;
    case 'C':
    case 'S':
        gdb_continue(s, p + 1, p[0] == 'S', true);
        break;
    case 'Z':
    case 'z':
        gdb_breakpoint(s, p + 1, p[0] == 'Z');
        break;
    case 'H':
        gdb_set_thread(s, p + 1);
        break;
    case 'T':
        gdb_thread_alive(s, p + 1);
        break;
    case 'q':
        gdb_query(s, p);
        break;
    case 'v':
        gdb_v_packet(s, p);
        break;
    case 'D':
        gdb_reply(s, "OK");
        gdb_detach(s);
        break;
    case 'k':
        main_loop_request_quit(0);      /* no reply (GDB manual) */
        break;
    default:
        gdb_reply(s, "");
        break;
    }
}
