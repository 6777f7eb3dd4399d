/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The gdbstub's servers and run control (include/system/gdbstub.h):
 * parsing -gdb, one socket chardev per served cluster, the packet framing
 * of the Remote Serial Protocol ($payload#checksum, '+'/'-' acks, ^C),
 * and the all-stop state shared by every server of a machine.
 *
 * Framing: a payload is received up to GDB_MAX_PACKET bytes (a longer one
 * is discarded and NAKed); a bad checksum is NAKed ('-') so the client
 * resends; a '-' from the client resends our last frame.  We never use
 * run-length encoding.  Packet meanings: gdbstub-packets.c.
 * Spec: GDB manual, "Remote Protocol" ("Overview", "Interrupts").
 */
#include "gdbstub-internal.h"
#include "exec/cpu-debug.h"
#include "exec/cpus.h"
#include "system/main-loop.h"
#include "util/cutils.h"
#include "util/keyval.h"

/* ---------------------------------------------------------------------- */
/* Sending                                                                */

void gdb_send_packet(GdbServer *s, const char *data, size_t len)
{
    uint8_t sum = 0;

    g_string_truncate(s->last, 0);
    g_string_append_c(s->last, '$');
    for (size_t i = 0; i < len; i++) {
        char c = data[i];

        /* '}' escapes the framing characters (binary data) */
        if (c == '$' || c == '#' || c == '}' || c == '*') {
            g_string_append_c(s->last, '}');
            sum += '}';
            c ^= 0x20;
        }
        g_string_append_c(s->last, c);
        sum += (uint8_t)c;
    }
    g_string_append_printf(s->last, "#%02x", sum);
    chardev_write(s->chr, (const uint8_t *)s->last->str, (int)s->last->len);
}

void gdb_reply(GdbServer *s, const char *text)
{
    gdb_send_packet(s, text, strlen(text));
}

void gdb_send_stop_reply(GdbServer *s, int sig, unsigned cpu_index)
{
    g_autofree char *r = g_strdup_printf("T%02xthread:%x;", sig,
                                         cpu_index + 1);

    s->stop_cpu = cpu_index;
    s->g_cpu = cpu_index;
    gdb_reply(s, r);
}

/* ---------------------------------------------------------------------- */
/* Run control                                                            */

/*
 * The stop reply for @cpu_index after a SIGTRAP stop: with the
 * watchpoint that stopped it, if one did ("watch", "rwatch", "awatch"
 * and the data address: GDB manual, "Stop Reply Packets").
 */
static void gdb_send_trap_reply(GdbServer *s, CPUState *cpu)
{
    static const char *const names[] = {
        [CPU_WATCH_WRITE] = "watch",
        [CPU_WATCH_READ] = "rwatch",
        [CPU_WATCH_ACCESS] = "awatch",
    };
    CPUWatchKind kind;
    vaddr addr;
    g_autofree char *r = NULL;

    if (!cpu_watchpoint_hit(cpu, &addr, &kind)) {
        gdb_send_stop_reply(s, 5, cpu->cpu_index);      /* SIGTRAP */
        return;
    }
    r = g_strdup_printf("T05thread:%x;%s:%" PRIx64 ";", cpu->cpu_index + 1,
                        names[kind], (uint64_t)addr);
    s->stop_cpu = cpu->cpu_index;
    s->g_cpu = cpu->cpu_index;
    gdb_reply(s, r);
}

static void gdb_clear_steps(GdbServer *s)
{
    for (uint32_t i = 0; i < s->cl->num_cpus; i++) {
        cpu_single_step(s->cl->cpus[i], false);
    }
}

void gdb_machine_stop(GdbStub *g)
{
    if (timer_clock_is_running(g->ms->virtual_clock)) {
        cpus_pause(OBJECT(g->ms));
        timer_clock_stop(g->ms->virtual_clock);
    }
    for (guint i = 0; i < g->servers->len; i++) {
        gdb_clear_steps(g_ptr_array_index(g->servers, i));
    }
}

/* Forget a stop a vCPU reported but the main loop has not handled. */
static void gdb_drop_pending_stop(GdbStub *g)
{
    g_mutex_lock(&g->lock);
    if (g->stop_source) {
        g_source_destroy(g->stop_source);
        g_source_unref(g->stop_source);
        g->stop_source = NULL;
    }
    g->stop_cpu = NULL;
    g_mutex_unlock(&g->lock);
}

/* Run the machine if no connected client is looking at it. */
static void gdb_resume_if_ready(GdbStub *g)
{
    for (guint i = 0; i < g->servers->len; i++) {
        GdbServer *s = g_ptr_array_index(g->servers, i);

        if (s->connected && !s->running) {
            return;
        }
    }
    if (timer_clock_is_running(g->ms->virtual_clock)) {
        return;
    }
    /* a breakpoint hit that was not reported is hit again */
    gdb_drop_pending_stop(g);
    timer_clock_start(g->ms->virtual_clock);
    cpus_resume(OBJECT(g->ms));
}

void gdb_resume(GdbServer *s)
{
    s->running = true;
    gdb_resume_if_ready(s->stub);
}

void gdb_detach(GdbServer *s)
{
    cpu_breakpoint_remove_all(s->cl);
    cpu_watchpoint_remove_all(s->cl);
    gdb_clear_steps(s);
    s->running = true;
    gdb_resume_if_ready(s->stub);
}

/* Tell every waiting client that the machine stopped. */
static void gdb_report_stop(GdbStub *g, CPUState *cpu)
{
    for (guint i = 0; i < g->servers->len; i++) {
        GdbServer *s = g_ptr_array_index(g->servers, i);

        if (!s->connected || !s->running) {
            continue;
        }
        s->running = false;
        if (cpu && cpu->cluster == s->cl) {
            gdb_send_trap_reply(s, cpu);
        } else {
            /* stopped by another cluster or a ^C: SIGINT */
            gdb_send_stop_reply(s, 2, s->stop_cpu);
        }
    }
}

/* Main loop: a vCPU stopped for the debugger (after gdb_debug_stop). */
static gboolean gdb_stop_bh(gpointer opaque)
{
    GdbStub *g = opaque;
    CPUState *cpu;

    g_mutex_lock(&g->lock);
    cpu = g->stop_cpu;
    if (g->stop_source) {
        g_source_unref(g->stop_source);
        g->stop_source = NULL;
    }
    g_mutex_unlock(&g->lock);
    if (cpu) {
        gdb_machine_stop(g);
        gdb_report_stop(g, cpu);
    }
    return G_SOURCE_REMOVE;
}

/* vCPU thread (CPUDebugStopFn): hand the first stop to the main loop. */
static void gdb_debug_stop(CPUState *cpu, void *opaque)
{
    GdbStub *g = opaque;

    g_mutex_lock(&g->lock);
    if (!g->stop_cpu) {
        g->stop_cpu = cpu;
        g->stop_source = g_idle_source_new();
        g_source_set_priority(g->stop_source, G_PRIORITY_DEFAULT);
        g_source_set_callback(g->stop_source, gdb_stop_bh, g, NULL);
        g_source_attach(g->stop_source, main_loop_context());
    }
    g_mutex_unlock(&g->lock);
}

/* ^C from the client while its inferior runs. */
static void gdb_interrupt(GdbServer *s)
{
    if (!s->running) {
        return;
    }
    gdb_machine_stop(s->stub);
    gdb_report_stop(s->stub, NULL);
}

/* ---------------------------------------------------------------------- */
/* Receiving                                                              */

static int gdb_hex_digit(uint8_t c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    c |= 0x20;
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

static void gdb_ack(GdbServer *s, bool ok)
{
    chardev_write(s->chr, (const uint8_t *)(ok ? "+" : "-"), 1);
}

/* The payload is complete: check it and act. */
static void gdb_packet_done(GdbServer *s)
{
    bool ok = !s->overflow && s->rx_csum == s->sum &&
              strlen(s->pkt->str) == s->pkt->len;      /* no NUL inside */

    gdb_ack(s, ok);
    if (ok) {
        gdb_handle_packet(s, s->pkt->str);
    }
}

static void gdb_rx_byte(GdbServer *s, uint8_t c)
{
    int d;

    switch (s->rx) {
    case GDB_RX_IDLE:
        if (c == '$') {
            g_string_truncate(s->pkt, 0);
            s->sum = 0;
            s->overflow = false;
            s->rx = GDB_RX_DATA;
        } else if (c == 0x03) {
            gdb_interrupt(s);
        } else if (c == '-' && s->last->len) {
            chardev_write(s->chr, (const uint8_t *)s->last->str,
                          (int)s->last->len);
        }
        return;                 /* '+' and noise are ignored */
    case GDB_RX_DATA:
        if (c == '#') {
            s->rx = GDB_RX_CSUM1;
        } else if (c == '$') {
            /* a new packet: the client gave up on this one */
            g_string_truncate(s->pkt, 0);
            s->sum = 0;
            s->overflow = false;
        } else {
            s->sum += c;
            if (s->pkt->len < GDB_MAX_PACKET) {
                g_string_append_c(s->pkt, (char)c);
            } else {
                s->overflow = true;
            }
        }
        return;
    case GDB_RX_CSUM1:
    case GDB_RX_CSUM2:
        d = gdb_hex_digit(c);
        if (d < 0) {
            s->rx = GDB_RX_IDLE;
            gdb_ack(s, false);
            return;
        }
        if (s->rx == GDB_RX_CSUM1) {
            s->rx_csum = (uint8_t)(d << 4);
            s->rx = GDB_RX_CSUM2;
            return;
        }
        s->rx_csum |= (uint8_t)d;
        s->rx = GDB_RX_IDLE;
        gdb_packet_done(s);
        return;
    }
}

static int gdb_can_read(void *opaque)
{
    return GDB_MAX_PACKET;
}

static void gdb_read(void *opaque, const uint8_t *buf, int len)
{
    GdbServer *s = opaque;

    for (int i = 0; i < len; i++) {
        gdb_rx_byte(s, buf[i]);
    }
}

static void gdb_event(void *opaque, ChardevEvent event)
{
    GdbServer *s = opaque;

    if (event == CHARDEV_EVENT_OPENED) {
        /* as QEMU: a debugger attaching stops the machine */
        s->connected = true;
        s->running = false;
        s->rx = GDB_RX_IDLE;
        g_string_truncate(s->last, 0);
        gdb_machine_stop(s->stub);
    } else {
        /* as QEMU: the machine stays as it is (D resumes it) */
        s->connected = false;
        s->running = false;
        cpu_breakpoint_remove_all(s->cl);
        cpu_watchpoint_remove_all(s->cl);
        gdb_clear_steps(s);
    }
}

/* ---------------------------------------------------------------------- */
/* Servers                                                                */

typedef struct GdbSpec {
    bool tcp;
    char *host;                 /* tcp; NULL: any address */
    char *port;                 /* tcp */
    char *path;                 /* unix */
    char *cluster;              /* cluster=ID, or NULL: the first */
} GdbSpec;

static void gdb_spec_clear(GdbSpec *sp)
{
    g_free(sp->host);
    g_free(sp->port);
    g_free(sp->path);
    g_free(sp->cluster);
}

static bool gdb_spec_parse(const char *spec, GdbSpec *sp, Error **errp)
{
    g_auto(GStrv) parts = g_strsplit(spec, ",", -1);
    const char *addr = parts[0] ? parts[0] : "";

    memset(sp, 0, sizeof(*sp));
    for (size_t i = 1; parts[0] && parts[i]; i++) {
        if (g_str_has_prefix(parts[i], "cluster=") && parts[i][8]) {
            g_free(sp->cluster);
            sp->cluster = g_strdup(parts[i] + 8);
        } else {
            error_setg(errp, "-gdb %s: unknown option '%s' (accepted: "
                       "cluster=ID)", spec, parts[i]);
            return false;
        }
    }
    if (g_str_has_prefix(addr, "tcp:")) {
        const char *colon = strrchr(addr + 4, ':');
        uint64_t port;

        if (!colon || !parse_uint64(colon + 1, &port, "-gdb port", NULL) ||
            port == 0 || port > 65535) {
            error_setg(errp, "-gdb %s: expected tcp:[HOST]:PORT with a port "
                       "in 1..65535", spec);
            return false;
        }
        sp->tcp = true;
        sp->port = g_strdup(colon + 1);
        if (colon > addr + 4) {
            sp->host = g_strndup(addr + 4, colon - (addr + 4));
        }
        return true;
    }
    if (g_str_has_prefix(addr, "unix:") && addr[5]) {
        sp->path = g_strdup(addr + 5);
        return true;
    }
    error_setg(errp, "-gdb: '%s' is not accepted (accepted: tcp:[HOST]:PORT, "
               "unix:PATH, each optionally followed by ,cluster=ID)", spec);
    return false;
}

bool gdbstub_check_spec(const char *spec, Error **errp)
{
    GdbSpec sp;
    bool ok = gdb_spec_parse(spec, &sp, errp);

    gdb_spec_clear(&sp);
    return ok;
}

static int gdb_find_first_cluster(Object *obj, void *opaque)
{
    CPUCluster **out = opaque;

    if (object_dynamic_cast(obj, TYPE_CPU_CLUSTER)) {
        *out = CPU_CLUSTER(obj);
        return 1;
    }
    return 0;
}

/* The cluster @id names under the machine, or the first one. */
static CPUCluster *gdb_find_cluster(GdbStub *g, const char *spec,
                                    const char *id, Error **errp)
{
    CPUCluster *cl = NULL;

    if (!id) {
        object_child_foreach_recursive(OBJECT(g->ms), gdb_find_first_cluster,
                                       &cl);
        if (!cl) {
            error_setg(errp, "-gdb %s: the machine has no CPU cluster to "
                       "debug", spec);
        }
        return cl;
    }
    cl = (CPUCluster *)object_dynamic_cast(object_get_child(OBJECT(g->ms),
                                                            id),
                                           TYPE_CPU_CLUSTER);
    if (!cl) {
        error_setg(errp, "-gdb %s: '%s' is not a CPU cluster of the machine "
                   "(give the id of one under /machine, see 'info qom-tree')",
                   spec, id);
    }
    return cl;
}

/* Create the listening socket chardev of @sp as /chardevs/@id. */
static Chardev *gdb_new_chardev(GdbStub *g, const GdbSpec *sp,
                                const char *id, Error **errp)
{
    g_autoptr(Keyval) kv = keyval_new();

    keyval_set(kv, "id", id);
    keyval_set(kv, "server", "on");
    keyval_set(kv, "wait", "off");
    if (sp->tcp) {
        if (sp->host) {
            keyval_set(kv, "host", sp->host);
        }
        keyval_set(kv, "port", sp->port);
    } else {
        keyval_set(kv, "path", sp->path);
    }
    return chardev_new(g->root, "socket", kv, errp);
}

GdbStub *gdbstub_new(Object *root, MachineState *ms)
{
    GdbStub *g = g_new0(GdbStub, 1);

    g->root = root;
    g->ms = ms;
    g->servers = g_ptr_array_new();
    g_mutex_init(&g->lock);
    return g;
}

bool gdbstub_add_server(GdbStub *g, const char *spec, Error **errp)
{
    g_autofree char *id = g_strdup_printf("gdb%u", g->servers->len);
    CPUCluster *cl;
    GdbServer *s;
    GdbSpec sp;

    if (!gdb_spec_parse(spec, &sp, errp)) {
        gdb_spec_clear(&sp);
        return false;
    }
    cl = gdb_find_cluster(g, spec, sp.cluster, errp);
    for (guint i = 0; cl && i < g->servers->len; i++) {
        if (((GdbServer *)g_ptr_array_index(g->servers, i))->cl == cl) {
            error_setg(errp, "-gdb %s: cluster '%s' already has a gdbstub",
                       spec, object_get_name(OBJECT(cl)));
            cl = NULL;
        }
    }
    s = g_new0(GdbServer, 1);
    s->chr = cl ? gdb_new_chardev(g, &sp, id, errp) : NULL;
    gdb_spec_clear(&sp);
    if (!s->chr) {
        g_free(s);
        return false;
    }
    s->stub = g;
    s->cl = cl;
    s->pkt = g_string_new(NULL);
    s->last = g_string_new(NULL);
    g_ptr_array_add(g->servers, s);
    cpu_cluster_set_debug_stop(cl, gdb_debug_stop, g);
    chardev_set_handlers(s->chr, gdb_can_read, gdb_read, gdb_event, s);
    return true;
}

void gdbstub_free(GdbStub *g)
{
    if (!g) {
        return;
    }
    gdb_drop_pending_stop(g);
    for (guint i = 0; i < g->servers->len; i++) {
        GdbServer *s = g_ptr_array_index(g->servers, i);

        chardev_set_handlers(s->chr, NULL, NULL, NULL, NULL);
        cpu_cluster_set_debug_stop(s->cl, NULL, NULL);
        cpu_breakpoint_remove_all(s->cl);
        cpu_watchpoint_remove_all(s->cl);
        gdb_clear_steps(s);
        g_string_free(s->pkt, true);
        g_string_free(s->last, true);
        g_free(s);
    }
    g_ptr_array_free(g->servers, true);
    g_mutex_clear(&g->lock);
    g_free(g);
}
