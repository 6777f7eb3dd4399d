/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The "user" network backend (TYPE_NETDEV_USER, include/system/net.h):
 * libslirp's user-mode TCP/IP stack, as QEMU's -netdev user.  The guest
 * sees a private network with a gateway that NATs its TCP and UDP
 * connections to host sockets, a DHCP server and a DNS forwarder; hostfwd
 * rules listen on host ports and connect to the guest.
 *
 * Defaults (QEMU's): network 10.0.2.0/24, gateway (the host) 10.0.2.2,
 * DNS 10.0.2.3, first DHCP address 10.0.2.15.  Setting only net= moves
 * the others to the same offsets in that network.  IPv6 is off.
 *
 * Threads: libslirp is not thread-safe.  Every slirp_* call happens in
 * the main-loop thread: guest frames reach slirp_input() through the
 * netdev's transmit queue (system/net.c), slirp's sockets are polled by
 * a GSource in the main loop's context (prepare: slirp_pollfds_fill,
 * whose timeout covers slirp's TCP timers; dispatch, when a socket is
 * ready or that timeout passed: slirp_pollfds_poll), and slirp's own
 * timers are GLib timeout sources there.
 *
 * Spec: /usr/include/slirp/libslirp.h (libslirp 4.7, SlirpConfig
 * version 4).  User documentation: docs/user/virtio.md ("Networking").
 */
#include "system/net.h"

#include "system/main-loop.h"
#include "util/cutils.h"
#include "util/log.h"

#include <slirp/libslirp.h>

OBJECT_DECLARE_SIMPLE_TYPE(NetUser, NETDEV_USER)

typedef struct SlirpSource {
    GSource source;
    NetUser *s;
    GArray *fds;                /* GPollFD added to the source by the last
                                   prepare; slirp's poll index = position */
    gint64 deadline;            /* monotonic us when slirp's timers want a
                                   poll call; G_MAXINT64: none */
} SlirpSource;

struct NetUser {
    NetDev parent_obj;
    char *net;                  /* property "net": "A/M" (M: prefix length
                                   or dotted mask); NULL: 10.0.2.0/24 */
    char *host;                 /* property "host": gateway; NULL: net+2 */
    char *dhcpstart;            /* property "dhcpstart"; NULL: net+15 */
    char *dns;                  /* property "dns"; NULL: net+3 */
    char *hostfwd;              /* property "hostfwd": rules separated by
                                   spaces; NULL: none */
    Slirp *slirp;               /* NULL until realized */
    SlirpSource *src;           /* polls slirp's sockets; NULL with slirp */
};

/* One slirp timer: a GLib timeout source while armed. */
typedef struct NetUserTimer {
    NetUser *s;
    SlirpTimerId id;
    void *cb_opaque;
    GSource *armed;             /* NULL when not armed */
} NetUserTimer;

/* ---------------------------------------------------------------------- */
/* Callbacks from slirp (main loop)                                       */

static ssize_t net_user_send_packet(const void *buf, size_t len, void *opaque)
{
    netdev_deliver(NETDEV(opaque), buf, len);
    return len;
}

static void net_user_guest_error(const char *msg, void *opaque)
{
    log_mask(LOG_GUEST_ERROR, "netdev '%s': %s\n",
             netdev_get_id(NETDEV(opaque)), msg);
}

static int64_t net_user_clock_get_ns(void *opaque)
{
    return g_get_monotonic_time() * 1000;
}

static void net_user_timer_disarm(NetUserTimer *t)
{
    if (t->armed) {
        g_source_destroy(t->armed);
        g_source_unref(t->armed);
        t->armed = NULL;
    }
}

static gboolean net_user_timer_fire(gpointer opaque)
{
    NetUserTimer *t = opaque;

    g_source_unref(t->armed);
    t->armed = NULL;
    slirp_handle_timer(t->s->slirp, t->id, t->cb_opaque);
    return G_SOURCE_REMOVE;
}

static void *net_user_timer_new(SlirpTimerId id, void *cb_opaque,
                                void *opaque)
{
    NetUserTimer *t = g_new0(NetUserTimer, 1);

    t->s = opaque;
    t->id = id;
    t->cb_opaque = cb_opaque;
    return t;
}

static void net_user_timer_free(void *timer, void *opaque)
{
    net_user_timer_disarm(timer);
    g_free(timer);
}

/* Arm @timer for @expire_ms on net_user_clock_get_ns()'s clock. */
static void net_user_timer_mod(void *timer, int64_t expire_ms, void *opaque)
{
    NetUserTimer *t = timer;
    int64_t delay = expire_ms - net_user_clock_get_ns(NULL) / 1000000;

    net_user_timer_disarm(t);
    delay = HEMU_MAX(delay, (int64_t)0);
    t->armed = g_timeout_source_new((guint)HEMU_MIN(delay,
                                                    (int64_t)G_MAXUINT));
    g_source_set_callback(t->armed, net_user_timer_fire, t, NULL);
    g_source_attach(t->armed, main_loop_context());
}

static void net_user_register_poll_fd(int fd, void *opaque)
{
    /* fds are collected afresh by slirp_pollfds_fill on every prepare */
}

static void net_user_notify(void *opaque)
{
    g_main_context_wakeup(main_loop_context());
}

static const SlirpCb net_user_callbacks = {
    .send_packet = net_user_send_packet,
    .guest_error = net_user_guest_error,
    .clock_get_ns = net_user_clock_get_ns,
    .timer_free = net_user_timer_free,
    .timer_mod = net_user_timer_mod,
    .register_poll_fd = net_user_register_poll_fd,
    .unregister_poll_fd = net_user_register_poll_fd,
    .notify = net_user_notify,
    .timer_new_opaque = net_user_timer_new,
};

/* ---------------------------------------------------------------------- */
/* Polling slirp's sockets from the main loop                             */

static int net_user_add_poll(int fd, int events, void *opaque)
{
    GArray *fds = opaque;
    GPollFD pfd = { .fd = fd };

    pfd.events = ((events & SLIRP_POLL_IN) ? G_IO_IN : 0) |
                 ((events & SLIRP_POLL_OUT) ? G_IO_OUT : 0) |
                 ((events & SLIRP_POLL_PRI) ? G_IO_PRI : 0) |
                 ((events & SLIRP_POLL_ERR) ? G_IO_ERR : 0) |
                 ((events & SLIRP_POLL_HUP) ? G_IO_HUP : 0);
    g_array_append_val(fds, pfd);
    return fds->len - 1;
}

static int net_user_get_revents(int idx, void *opaque)
{
    GArray *fds = opaque;
    int r;

    if (idx < 0 || (guint)idx >= fds->len) {
        return 0;
    }
    r = g_array_index(fds, GPollFD, idx).revents;
    return ((r & G_IO_IN) ? SLIRP_POLL_IN : 0) |
           ((r & G_IO_OUT) ? SLIRP_POLL_OUT : 0) |
           ((r & G_IO_PRI) ? SLIRP_POLL_PRI : 0) |
           ((r & G_IO_ERR) ? SLIRP_POLL_ERR : 0) |
           ((r & G_IO_HUP) ? SLIRP_POLL_HUP : 0);
}

static gboolean slirp_source_prepare(GSource *source, gint *timeout)
{
    SlirpSource *ss = (SlirpSource *)source;
    uint32_t ms = UINT32_MAX;

    for (guint i = 0; i < ss->fds->len; i++) {
        g_source_remove_poll(source, &g_array_index(ss->fds, GPollFD, i));
    }
    g_array_set_size(ss->fds, 0);
    slirp_pollfds_fill(ss->s->slirp, &ms, net_user_add_poll, ss->fds);
    for (guint i = 0; i < ss->fds->len; i++) {
        g_source_add_poll(source, &g_array_index(ss->fds, GPollFD, i));
    }
    *timeout = ms > INT_MAX ? -1 : (gint)ms;
    ss->deadline = ms > INT_MAX ? G_MAXINT64
                                : g_get_monotonic_time() + ms * 1000ll;
    return ms == 0;
}

/* Ready when a socket has events or slirp's timeout passed; never always,
   which would starve lower-priority sources of the context. */
static gboolean slirp_source_check(GSource *source)
{
    SlirpSource *ss = (SlirpSource *)source;

    for (guint i = 0; i < ss->fds->len; i++) {
        if (g_array_index(ss->fds, GPollFD, i).revents) {
            return TRUE;
        }
    }
    return g_get_monotonic_time() >= ss->deadline;
}

static gboolean slirp_source_dispatch(GSource *source, GSourceFunc cb,
                                      gpointer data)
{
    SlirpSource *ss = (SlirpSource *)source;

    slirp_pollfds_poll(ss->s->slirp, 0, net_user_get_revents, ss->fds);
    return G_SOURCE_CONTINUE;
}

static void slirp_source_finalize(GSource *source)
{
    g_array_free(((SlirpSource *)source)->fds, TRUE);
}

static GSourceFuncs slirp_source_funcs = {
    .prepare = slirp_source_prepare,
    .check = slirp_source_check,
    .dispatch = slirp_source_dispatch,
    .finalize = slirp_source_finalize,
};

/* ---------------------------------------------------------------------- */
/* Frames from the guest (main loop, via system/net.c)                    */

static void net_user_transmit(NetDev *nd, const uint8_t *buf, size_t len)
{
    NetUser *s = NETDEV_USER(nd);

    if (s->slirp) {
        slirp_input(s->slirp, buf, (int)len);
    }
}

/* ---------------------------------------------------------------------- */
/* Configuration                                                          */

/* Parse dotted IPv4 @text (property @prop of @what) into host order. */
static bool net_user_addr(const char *what, const char *prop,
                          const char *text, uint32_t *addr, Error **errp)
{
    struct in_addr a;

    if (inet_pton(AF_INET, text, &a) != 1) {
        error_setg(errp, "%s: %s '%s' is not an IPv4 address (accepted: "
                   "dotted quad, e.g. 10.0.2.2)", what, prop, text);
        return false;
    }
    *addr = ntohl(a.s_addr);
    return true;
}

/* "A/M" with M a prefix length (0..30) or a dotted mask. */
static bool net_user_parse_net(const char *what, const char *text,
                               uint32_t *net, uint32_t *mask, Error **errp)
{
    g_auto(GStrv) parts = g_strsplit(text, "/", 2);
    uint64_t bits;

    if (!net_user_addr(what, "net", parts[0], net, errp)) {
        return false;
    }
    if (!parts[1]) {
        *mask = 0xffffff00;
    } else if (strchr(parts[1], '.')) {
        if (!net_user_addr(what, "net mask", parts[1], mask, errp)) {
            return false;
        }
    } else if (!parse_uint64(parts[1], &bits, "net prefix length", NULL) ||
               bits > 30) {
        error_setg(errp, "%s: net '%s': bad prefix length (accepted: "
                   "A.B.C.D/N with N 0..30, or A.B.C.D/MASK)", what, text);
        return false;
    } else {
        *mask = bits ? ~0u << (32 - bits) : 0;
    }
    if (~*mask & (~*mask + 1)) {       /* host part not all low ones */
        error_setg(errp, "%s: net '%s': mask is not contiguous", what, text);
        return false;
    }
    if (*net & ~*mask) {
        error_setg(errp, "%s: net '%s': the address has host bits set "
                   "(e.g. 10.0.2.0/24)", what, text);
        return false;
    }
    return true;
}

/* @prop (text or NULL: @net + @def) into *@addr, inside @net/@mask. */
static bool net_user_in_net(const char *what, const char *prop,
                            const char *text, uint32_t net, uint32_t mask,
                            uint32_t def, uint32_t *addr, Error **errp)
{
    if (!text) {
        *addr = net | def;
        if ((*addr & mask) != net) {
            error_setg(errp, "%s: the guest network is too small for the "
                       "default %s (net + %u); set %s=", what, prop, def,
                       prop);
            return false;
        }
        return true;
    }
    if (!net_user_addr(what, prop, text, addr, errp)) {
        return false;
    }
    if ((*addr & mask) != net) {
        error_setg(errp, "%s: %s '%s' is outside the guest network", what,
                   prop, text);
        return false;
    }
    return true;
}

/* One port number "N" (1..65535) of rule @rule. */
static bool net_user_port(const char *what, const char *rule,
                          const char *text, int *port, Error **errp)
{
    uint64_t v;

    if (!parse_uint64(text, &v, "port", NULL) || v < 1 || v > 65535) {
        error_setg(errp, "%s: hostfwd '%s': bad port '%s' (accepted: "
                   "1..65535)", what, rule, text);
        return false;
    }
    *port = (int)v;
    return true;
}

/* Add hostfwd @rule: "[tcp|udp]:[HOSTADDR]:HOSTPORT-[GUESTADDR]:GUESTPORT". */
static bool net_user_add_fwd(NetUser *s, const char *what, const char *rule,
                             uint32_t guest_def, Error **errp)
{
    static const char syntax[] = "[tcp|udp]:[HOSTADDR]:HOSTPORT-"
                                 "[GUESTADDR]:GUESTPORT";
    g_auto(GStrv) sides = g_strsplit(rule, "-", 2);
    g_auto(GStrv) h = sides[0] ? g_strsplit(sides[0], ":", 3) : NULL;
    g_auto(GStrv) g = sides[0] && sides[1] ? g_strsplit(sides[1], ":", 2)
                                           : NULL;
    uint32_t haddr = 0, gaddr = guest_def;
    int hport, gport, udp;
    struct in_addr ha, ga;

    if (!h || g_strv_length(h) != 3 || !g || g_strv_length(g) != 2) {
        error_setg(errp, "%s: hostfwd '%s' is malformed (accepted: %s)", what,
                   rule, syntax);
        return false;
    }
    if (!*h[0] || !strcmp(h[0], "tcp")) {
        udp = 0;
    } else if (!strcmp(h[0], "udp")) {
        udp = 1;
    } else {
        error_setg(errp, "%s: hostfwd '%s': protocol '%s' (accepted: tcp, "
                   "udp)", what, rule, h[0]);
        return false;
    }
    if ((*h[1] && !net_user_addr(what, "hostfwd host address", h[1], &haddr,
                                 errp)) ||
        (*g[0] && !net_user_addr(what, "hostfwd guest address", g[0], &gaddr,
                                 errp)) ||
        !net_user_port(what, rule, h[2], &hport, errp) ||
        !net_user_port(what, rule, g[1], &gport, errp)) {
        return false;
    }
    ha.s_addr = htonl(haddr);
    ga.s_addr = htonl(gaddr);
    if (slirp_add_hostfwd(s->slirp, udp, ha, hport, ga, gport) < 0) {
        error_setg(errp, "%s: hostfwd '%s': cannot listen on %s port %d of "
                   "the host (in use?)", what, rule, udp ? "UDP" : "TCP",
                   hport);
        return false;
    }
    return true;
}

/* ---------------------------------------------------------------------- */
/* Life cycle                                                             */

static void net_user_unrealize(Object *obj)
{
    NetUser *s = NETDEV_USER(obj);

    if (s->src) {
        g_source_destroy(&s->src->source);
        g_source_unref(&s->src->source);
        s->src = NULL;
    }
    if (s->slirp) {
        slirp_cleanup(s->slirp);
        s->slirp = NULL;
    }
}

static bool net_user_realize(Object *obj, Error **errp)
{
    NetUser *s = NETDEV_USER(obj);
    g_autofree char *what = object_describe(obj);
    g_auto(GStrv) rules = NULL;
    SlirpConfig cfg = { .version = 4, .in_enabled = true };
    uint32_t net = 0x0a000200, mask = 0xffffff00, host, dhcp, dns;

    if ((s->net && !net_user_parse_net(what, s->net, &net, &mask, errp)) ||
        !net_user_in_net(what, "host", s->host, net, mask, 2, &host, errp) ||
        !net_user_in_net(what, "dhcpstart", s->dhcpstart, net, mask, 15,
                         &dhcp, errp) ||
        !net_user_in_net(what, "dns", s->dns, net, mask, 3, &dns, errp)) {
        return false;
    }
    cfg.vnetwork.s_addr = htonl(net);
    cfg.vnetmask.s_addr = htonl(mask);
    cfg.vhost.s_addr = htonl(host);
    cfg.vdhcp_start.s_addr = htonl(dhcp);
    cfg.vnameserver.s_addr = htonl(dns);
    cfg.vhostname = "hemu";
    s->slirp = slirp_new(&cfg, &net_user_callbacks, s);
    if (!s->slirp) {
        error_setg(errp, "%s: libslirp refused the configuration", what);
        return false;
    }
    rules = g_strsplit(s->hostfwd ? s->hostfwd : "", " ", -1);
    for (char **r = rules; *r; r++) {
        if (**r && !net_user_add_fwd(s, what, *r, dhcp, errp)) {
            net_user_unrealize(obj);
            return false;
        }
    }
    s->src = (SlirpSource *)g_source_new(&slirp_source_funcs,
                                         sizeof(SlirpSource));
    s->src->s = s;
    s->src->fds = g_array_new(FALSE, TRUE, sizeof(GPollFD));
    g_source_set_name(&s->src->source, "hemu-slirp");
    g_source_attach(&s->src->source, main_loop_context());
    return true;
}

static void net_user_instance_finalize(Object *obj)
{
    net_user_unrealize(obj);
}

static const PropDef net_user_props[] = {
    DEFINE_PROP_STRING("net", NetUser, net,
                       "guest network A/M (default 10.0.2.0/24)"),
    DEFINE_PROP_STRING("host", NetUser, host,
                       "the gateway (host) address (default net + 2)"),
    DEFINE_PROP_STRING("dhcpstart", NetUser, dhcpstart,
                       "first address DHCP hands out (default net + 15)"),
    DEFINE_PROP_STRING("dns", NetUser, dns,
                       "the DNS forwarder's address (default net + 3)"),
    DEFINE_PROP_STRING("hostfwd", NetUser, hostfwd,
                       "forwarding rules [tcp|udp]:[HADDR]:HPORT-[GADDR]:"
                       "GPORT, separated by spaces"),
    PROP_END
};

static void net_user_class_init(ObjectClass *oc, const void *data)
{
    NETDEV_CLASS(oc)->transmit = net_user_transmit;
    oc->realize = net_user_realize;
    oc->unrealize = net_user_unrealize;
    object_class_add_field_props(oc, net_user_props);
}

static const TypeInfo net_user_types[] = {
    {
        .name = TYPE_NETDEV_USER,
        .parent = TYPE_NETDEV,
        .description = "user networking (libslirp): -netdev user",
        .instance_size = sizeof(NetUser),
        .instance_finalize = net_user_instance_finalize,
        .class_init = net_user_class_init,
    },
};

DEFINE_TYPES(net_user_types)
