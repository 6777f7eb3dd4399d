/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Network backends (include/system/net.h): the abstract "netdev" type,
 * the frame queues between a NIC model and a backend, creation at
 * /netdevs/<id>, and the parsing of -netdev and -nic.
 *
 * Invariants: the backend's transmit hook and the frontend's callbacks
 * run only in the main-loop thread; NetDev.lock is never held while they
 * run.  Only the main loop pops the rx queue, so a frame seen first there
 * is still first when it is popped.  A pending flush holds a reference
 * on the netdev, so it outlives its idle source.
 * User documentation: docs/user/virtio.md ("Networking").
 */
#include "system/net.h"

#include "system/main-loop.h"
#include "util/log.h"

/* ---------------------------------------------------------------------- */
/* Queues                                                                 */

typedef void NetDevFlushFn(NetDev *nd);

typedef struct NetDevFlush {
    NetDev *nd;
    NetDevFlushFn *fn;
} NetDevFlush;

static gboolean netdev_flush_cb(gpointer opaque)
{
    NetDevFlush *f = opaque;

    f->fn(f->nd);
    return G_SOURCE_REMOVE;
}

static void netdev_flush_free(gpointer opaque)
{
    NetDevFlush *f = opaque;

    object_unref(OBJECT(f->nd));
    g_free(f);
}

/* Run @fn(@nd) from the main loop soon (never right here). */
static void netdev_schedule(NetDev *nd, NetDevFlushFn *fn)
{
    NetDevFlush *f = g_new(NetDevFlush, 1);
    GSource *src = g_idle_source_new();

    f->nd = nd;
    f->fn = fn;
    object_ref(OBJECT(nd));
    g_source_set_priority(src, G_PRIORITY_DEFAULT);
    g_source_set_callback(src, netdev_flush_cb, f, netdev_flush_free);
    g_source_attach(src, main_loop_context());
    g_source_unref(src);
}

/* Hand the queued guest frames to the backend (main loop). */
static void netdev_flush_tx(NetDev *nd)
{
    NetDevClass *nc = NETDEV_GET_CLASS(nd);
    GBytes *frame;

    for (;;) {
        g_mutex_lock(&nd->lock);
        frame = g_queue_pop_head(&nd->tx);
        if (!frame) {
            nd->tx_scheduled = false;
        }
        g_mutex_unlock(&nd->lock);
        if (!frame) {
            return;
        }
        if (nc->transmit) {
            gsize len;
            const uint8_t *data = g_bytes_get_data(frame, &len);

            nc->transmit(nd, data, len);
        }
        g_bytes_unref(frame);
    }
}

void netdev_send(NetDev *nd, const uint8_t *buf, size_t len)
{
    bool schedule = false;

    g_mutex_lock(&nd->lock);
    if (nd->link_down || len > NETDEV_MAX_FRAME ||
        g_queue_get_length(&nd->tx) >= NETDEV_TX_QUEUE_MAX) {
        nd->tx_dropped++;
    } else {
        g_queue_push_tail(&nd->tx, g_bytes_new(buf, len));
        schedule = !nd->tx_scheduled;
        nd->tx_scheduled = true;
    }
    g_mutex_unlock(&nd->lock);
    if (schedule) {
        netdev_schedule(nd, netdev_flush_tx);
    }
}

/*
 * Offer the queued frames to the device, oldest first, until it refuses
 * one (main loop).  The frontend is read under the lock but called
 * without it: detach happens in the main thread too.
 */
static void netdev_flush_rx(NetDev *nd)
{
    for (;;) {
        const NetDevFrontend *fe;
        void *opaque;
        GBytes *frame;
        const uint8_t *data;
        gsize len;

        g_mutex_lock(&nd->lock);
        nd->rx_scheduled = false;
        frame = g_queue_peek_head(&nd->rx);
        fe = nd->fe;
        opaque = nd->fe_opaque;
        g_mutex_unlock(&nd->lock);
        if (!frame || !fe || !fe->can_receive(opaque)) {
            return;
        }
        data = g_bytes_get_data(frame, &len);
        if (!fe->receive(opaque, data, len)) {
            return;
        }
        g_mutex_lock(&nd->lock);
        g_queue_pop_head(&nd->rx);
        g_mutex_unlock(&nd->lock);
        g_bytes_unref(frame);
    }
}

void netdev_rx_ready(NetDev *nd)
{
    bool schedule;

    g_mutex_lock(&nd->lock);
    schedule = !g_queue_is_empty(&nd->rx) && !nd->rx_scheduled;
    nd->rx_scheduled |= schedule;
    g_mutex_unlock(&nd->lock);
    if (schedule) {
        netdev_schedule(nd, netdev_flush_rx);
    }
}

void netdev_deliver(NetDev *nd, const uint8_t *buf, size_t len)
{
    const NetDevFrontend *fe;
    void *opaque;
    bool direct;

    g_mutex_lock(&nd->lock);
    fe = nd->fe;
    opaque = nd->fe_opaque;
    direct = fe && g_queue_is_empty(&nd->rx);
    if (!fe || nd->link_down || len > NETDEV_MAX_FRAME) {
        nd->rx_dropped++;
        g_mutex_unlock(&nd->lock);
        return;
    }
    g_mutex_unlock(&nd->lock);
    if (direct && fe->can_receive(opaque) && fe->receive(opaque, buf, len)) {
        return;
    }
    g_mutex_lock(&nd->lock);
    if (g_queue_get_length(&nd->rx) >= NETDEV_RX_QUEUE_MAX) {
        nd->rx_dropped++;
    } else {
        g_queue_push_tail(&nd->rx, g_bytes_new(buf, len));
    }
    g_mutex_unlock(&nd->lock);
    /* the driver may have posted buffers since can_receive answered, and
       its netdev_rx_ready() then saw nothing queued: look again */
    netdev_rx_ready(nd);
}

/* ---------------------------------------------------------------------- */
/* Frontend attachment and link                                          */

NetDev *netdev_find(Object *root, const char *id)
{
    Object *folder = object_get_child(object_get_root(root), NETDEV_FOLDER);
    Object *obj = folder ? object_get_child(folder, id) : NULL;

    return obj && object_dynamic_cast(obj, TYPE_NETDEV) ? NETDEV(obj) : NULL;
}

const char *netdev_get_id(NetDev *nd)
{
    return object_get_name(OBJECT(nd));
}

bool netdev_attach(NetDev *nd, Object *dev, const NetDevFrontend *fe,
                   void *opaque, Error **errp)
{
    g_mutex_lock(&nd->lock);
    if (nd->dev) {
        g_autofree char *other = object_describe(nd->dev);
        g_autofree char *me = object_describe(dev);

        g_mutex_unlock(&nd->lock);
        error_setg(errp, "%s: netdev '%s' is already used by %s", me,
                   netdev_get_id(nd), other);
        return false;
    }
    nd->dev = dev;
    nd->fe = fe;
    nd->fe_opaque = opaque;
    g_mutex_unlock(&nd->lock);
    object_ref(OBJECT(nd));
    return true;
}

static void netdev_clear_queue(GQueue *q)
{
    GBytes *b;

    while ((b = g_queue_pop_head(q))) {
        g_bytes_unref(b);
    }
}

void netdev_detach(NetDev *nd, Object *dev)
{
    g_mutex_lock(&nd->lock);
    assert(nd->dev == dev);
    nd->dev = NULL;
    nd->fe = NULL;
    nd->fe_opaque = NULL;
    netdev_clear_queue(&nd->rx);
    g_mutex_unlock(&nd->lock);
    object_unref(OBJECT(nd));
}

bool netdev_link_is_up(NetDev *nd)
{
    bool up;

    g_mutex_lock(&nd->lock);
    up = !nd->link_down;
    g_mutex_unlock(&nd->lock);
    return up;
}

void netdev_set_link(NetDev *nd, bool up)
{
    const NetDevFrontend *fe;
    void *opaque;
    bool changed;

    g_mutex_lock(&nd->lock);
    changed = nd->link_down == up;
    nd->link_down = !up;
    fe = nd->fe;
    opaque = nd->fe_opaque;
    g_mutex_unlock(&nd->lock);
    if (changed && fe && fe->link_changed) {
        fe->link_changed(opaque, up);
    }
}

uint64_t netdev_get_tx_dropped(NetDev *nd)
{
    uint64_t n;

    g_mutex_lock(&nd->lock);
    n = nd->tx_dropped;
    g_mutex_unlock(&nd->lock);
    return n;
}

uint64_t netdev_get_rx_dropped(NetDev *nd)
{
    uint64_t n;

    g_mutex_lock(&nd->lock);
    n = nd->rx_dropped;
    g_mutex_unlock(&nd->lock);
    return n;
}

/* ---------------------------------------------------------------------- */
/* Life cycle and creation                                                */

static void netdev_instance_init(Object *obj)
{
    NetDev *nd = NETDEV(obj);

    g_mutex_init(&nd->lock);
    g_queue_init(&nd->tx);
    g_queue_init(&nd->rx);
}

static void netdev_instance_finalize(Object *obj)
{
    NetDev *nd = NETDEV(obj);

    netdev_clear_queue(&nd->tx);
    netdev_clear_queue(&nd->rx);
    g_mutex_clear(&nd->lock);
}

static const TypeInfo netdev_types[] = {
    {
        .name = TYPE_NETDEV,
        .parent = TYPE_OBJECT,
        .description = "network backend (a -netdev)",
        .instance_size = sizeof(NetDev),
        .instance_init = netdev_instance_init,
        .instance_finalize = netdev_instance_finalize,
        .abstract = true,
        .class_size = sizeof(NetDevClass),
    },
};

DEFINE_TYPES(netdev_types)

NetDev *netdev_new(Object *root, const char *type, const char *id,
                   const Keyval *props, Error **errp)
{
    Object *folder = object_get_child(root, NETDEV_FOLDER);
    Object *obj;

    if (!folder) {
        folder = object_new_child(root, NETDEV_FOLDER, TYPE_CONTAINER, errp);
        if (!folder) {
            return NULL;
        }
    }
    if (object_get_child(folder, id)) {
        error_setg(errp, "netdev id '%s' is already in use", id);
        return NULL;
    }
    obj = object_new_child(folder, id, type, errp);
    if (!obj) {
        error_prepend(errp, "netdev id '%s': ", id);
        return NULL;
    }
    for (size_t i = 0; props && i < keyval_count(props); i++) {
        if (!object_property_parse(obj, keyval_key(props, i),
                                   keyval_value(props, i), errp)) {
            error_prepend(errp, "netdev '%s': ", id);
            object_unparent(obj);
            return NULL;
        }
    }
    if (!object_realize(obj, errp)) {
        object_unparent(obj);
        return NULL;
    }
    return NETDEV(obj);
}

/* ---------------------------------------------------------------------- */
/* Option parsing                                                         */

/* The -netdev backends: user name, QOM type, what it is. */
static const struct {
    const char *name;
    const char *type;
    const char *desc;
} netdev_backends[] = {
    { "user", TYPE_NETDEV_USER,
      "user networking (libslirp): NAT, DHCP, DNS, hostfwd" },
};

static const char *const netdev_user_keys[] = {
    "net", "host", "dhcpstart", "dns", "hostfwd", NULL
};

void netdev_print_backends(FILE *out)
{
    fprintf(out, "Network backends (-netdev TYPE,id=ID,...):\n");
    for (size_t i = 0; i < G_N_ELEMENTS(netdev_backends); i++) {
        fprintf(out, "  %-8s %s\n", netdev_backends[i].name,
                netdev_backends[i].desc);
    }
}

void netdev_opts_free(NetdevOpts *o)
{
    if (o) {
        g_free(o->type);
        g_free(o->id);
        keyval_free(o->props);
        g_free(o->model);
        g_free(o->mac);
        g_free(o);
    }
}

/*
 * Split @arg at single commas (",," stays a literal comma, kept doubled
 * for keyval_parse); the elements "hostfwd=RULE" are taken out into
 * @rules (space-separated) and the rest rejoined.
 */
static char *netdev_take_hostfwd(const char *arg, GString *rules)
{
    GString *rest = g_string_new(NULL);
    GString *elem = g_string_new(NULL);

    for (const char *p = arg;; p++) {
        if (*p == ',' && p[1] == ',') {
            g_string_append(elem, ",,");
            p++;
            continue;
        }
        if (*p && *p != ',') {
            g_string_append_c(elem, *p);
            continue;
        }
        if (g_str_has_prefix(elem->str, "hostfwd=")) {
            g_string_append_printf(rules, "%s%s", rules->len ? " " : "",
                                   elem->str + strlen("hostfwd="));
        } else if (elem->len) {
            g_string_append_printf(rest, "%s%s", rest->len ? "," : "",
                                   elem->str);
        }
        g_string_truncate(elem, 0);
        if (!*p) {
            break;
        }
    }
    g_string_free(elem, TRUE);
    return g_string_free(rest, FALSE);
}

/*
 * Parse @arg of @option into @o: the backend (first element), the
 * backend properties, and @extra keys the caller handles.
 */
static bool netdev_parse_common(NetdevOpts *o, const char *option,
                                const char *arg, const char *const *extra,
                                Error **errp)
{
    g_autoptr(GString) rules = g_string_new(NULL);
    g_autofree char *rest = netdev_take_hostfwd(arg, rules);
    g_autoptr(Keyval) kv = keyval_parse(rest, "type", option, NULL, errp);
    const char *type;

    if (!kv) {
        return false;
    }
    type = keyval_get(kv, "type");
    for (size_t i = 0; i < G_N_ELEMENTS(netdev_backends); i++) {
        if (type && !strcmp(type, netdev_backends[i].name)) {
            o->type = g_strdup(netdev_backends[i].type);
        }
    }
    if (!o->type) {
        error_setg(errp, "%s: backend '%s' is not supported (accepted: "
                   "user; %s help)", option, type ? type : "", option);
        return false;
    }
    o->props = keyval_new();
    for (size_t i = 0; i < keyval_count(kv); i++) {
        const char *key = keyval_key(kv, i);

        if (!strcmp(key, "type") || !strcmp(key, "id") ||
            (extra && qom_enum_lookup(extra, key) >= 0)) {
            continue;
        }
        if (qom_enum_lookup(netdev_user_keys, key) < 0) {
            g_autofree char *list = qom_enum_list(netdev_user_keys);

            error_setg(errp, "%s: parameter '%s' is not supported (accepted: "
                       "id, %s%s)", option, key, list,
                       extra ? ", model, mac" : "");
            return false;
        }
        keyval_set(o->props, key, keyval_value(kv, i));
    }
    if (rules->len) {
        keyval_set(o->props, "hostfwd", rules->str);
    }
    if (extra) {
        o->model = g_strdup(keyval_get(kv, "model"));
        o->mac = g_strdup(keyval_get(kv, "mac"));
    }
    o->id = g_strdup(keyval_get(kv, "id"));
    return true;
}

NetdevOpts *netdev_parse(const char *arg, Error **errp)
{
    g_autoptr(NetdevOpts) o = g_new0(NetdevOpts, 1);

    if (!netdev_parse_common(o, "-netdev", arg, NULL, errp)) {
        return NULL;
    }
    if (!o->id || !*o->id) {
        error_setg(errp, "-netdev %s: missing id=ID (for -device "
                   "virtio-net-device,netdev=ID)", arg);
        return NULL;
    }
    return g_steal_pointer(&o);
}

NetdevOpts *netdev_nic_parse(const char *arg, unsigned index, Error **errp)
{
    static const char *const extra[] = { "model", "mac", NULL };
    g_autoptr(NetdevOpts) o = g_new0(NetdevOpts, 1);

    if (!netdev_parse_common(o, "-nic", arg, extra, errp)) {
        return NULL;
    }
    if (!o->id || !*o->id) {
        g_free(o->id);
        o->id = g_strdup_printf("nic%u", index);
    }
    if (!o->model || !*o->model) {
        g_free(o->model);
        o->model = g_strdup("virtio-net-device");
    } else if (strcmp(o->model, "virtio-net-device")) {
        error_setg(errp, "-nic: model '%s' is not supported (accepted: "
                   "virtio-net-device)", o->model);
        return NULL;
    }
    o->nic = true;
    return g_steal_pointer(&o);
}
