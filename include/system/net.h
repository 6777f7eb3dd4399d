/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Network backends ("netdevs"): the host side of a guest network card
 * (-netdev, -nic).
 *
 * A netdev is a QOM object of a subtype of "netdev" living at
 * /netdevs/<id> of the tree of one run (the root a machine builder
 * makes), next to /drives and /chardevs, so two machines in one process
 * have their own.  One NIC model (virtio-net) attaches to it by id at
 * realize and exchanges whole Ethernet frames (no FCS) with it:
 *
 *   device -> host   netdev_send(), from any thread (a vCPU serving a
 *                    transmit queue): the frame is copied into a bounded
 *                    queue and handed to the backend from the main loop,
 *                    so backends (libslirp is not thread-safe) only ever
 *                    run in the main-loop thread;
 *   host -> device   the backend calls netdev_deliver() in the main loop;
 *                    the frame goes to the frontend's receive callback at
 *                    once when it can take it, else into a bounded queue
 *                    (frames past the bound are dropped and counted),
 *                    retried when the device calls netdev_rx_ready().
 *
 * Locking: NetDev.lock guards the two queues and the frontend pointers.
 * Frontend callbacks are called from the main loop without it, so a
 * device may call netdev_send()/netdev_rx_ready() while holding its own
 * lock and take that lock in its callbacks.
 *
 * Backends: "user" (TYPE_NETDEV_USER, system/net-slirp.c): libslirp user
 * networking as QEMU's -netdev user.  User documentation:
 * docs/user/virtio.md ("Networking"); options in docs/user/cli.md.
 */
#ifndef SYSTEM_NET_H
#define SYSTEM_NET_H

#include "hemu/osdep.h"
#include "qom/object.h"
#include "util/error.h"
#include "util/keyval.h"

#define TYPE_NETDEV "netdev"
#define TYPE_NETDEV_USER "netdev-user"
/* The folder of the run's tree holding netdevs by id. */
#define NETDEV_FOLDER "netdevs"

/* Largest frame either way, in bytes (a 64 KiB IP packet plus headers). */
#define NETDEV_MAX_FRAME 65550
/* Frames waiting for the device (host -> guest) before new ones drop. */
#define NETDEV_RX_QUEUE_MAX 256
/* Frames waiting for the backend (guest -> host) before new ones drop. */
#define NETDEV_TX_QUEUE_MAX 1024

OBJECT_DECLARE_TYPE(NetDev, NetDevClass, NETDEV)

/* What a NIC model gives netdev_attach(); all called in the main loop. */
typedef struct NetDevFrontend {
    /* True when the device has a receive buffer now (a hint: receive may
       still refuse). */
    bool (*can_receive)(void *opaque);
    /*
     * A frame of @len bytes for the guest.  Returns true when it was
     * taken (or deliberately dropped), false when the device has no room
     * after all: the frame stays first in the queue.
     */
    bool (*receive)(void *opaque, const uint8_t *buf, size_t len);
    /* The link went up or down (netdev_set_link); may be NULL. */
    void (*link_changed)(void *opaque, bool up);
} NetDevFrontend;

struct NetDev {
    Object parent_obj;
    GMutex lock;                /* guards everything below */
    Object *dev;                /* the attached NIC, or NULL */
    const NetDevFrontend *fe;   /* its callbacks; NULL when none */
    void *fe_opaque;
    GQueue tx;                  /* GBytes *, device -> backend, oldest
                                   first; at most NETDEV_TX_QUEUE_MAX */
    GQueue rx;                  /* GBytes *, backend -> device, oldest
                                   first; at most NETDEV_RX_QUEUE_MAX */
    bool tx_scheduled;          /* a main-loop flush of tx is pending */
    bool rx_scheduled;          /* a main-loop flush of rx is pending */
    bool link_down;             /* frames either way are dropped */
    uint64_t tx_dropped;        /* frames lost: tx queue full, link down */
    uint64_t rx_dropped;        /* frames lost: rx queue full, link down,
                                   no device */
};

struct NetDevClass {
    ObjectClass parent_class;
    /* Hand one frame from the guest to the host side (main loop). */
    void (*transmit)(NetDev *nd, const uint8_t *buf, size_t len);
};

/* ---- frontend API (NIC models) ---- */

/* The netdev with id @id in @root's tree (any object of it), or NULL. */
NetDev *netdev_find(Object *root, const char *id);
/* Its id (name under /netdevs). */
const char *netdev_get_id(NetDev *nd);
/*
 * Attach the NIC @dev with callbacks @fe (static storage) and @opaque,
 * taking a reference on @nd.  Error (naming both) when another device has
 * it.  Call at realize, in the main thread.
 */
bool netdev_attach(NetDev *nd, Object *dev, const NetDevFrontend *fe,
                   void *opaque, Error **errp);
/* Detach @dev: no callback runs after this returns; drops the ref. */
void netdev_detach(NetDev *nd, Object *dev);
/*
 * Send a frame of @len bytes from the guest (copied; any thread).  Frames
 * over NETDEV_MAX_FRAME, beyond the queue bound or with the link down
 * are dropped and counted.
 */
void netdev_send(NetDev *nd, const uint8_t *buf, size_t len);
/*
 * The device can take frames again (the driver posted receive buffers):
 * deliver what is queued from the main loop.  Any thread; cheap when
 * nothing is queued.
 */
void netdev_rx_ready(NetDev *nd);
/* Whether the link is up (the default). */
bool netdev_link_is_up(NetDev *nd);

/* ---- backend API (system/net-*.c, tests) ---- */

/*
 * A frame from the host side for the device (main loop).  Delivered now
 * when nothing is queued and the device takes it, else queued.
 */
void netdev_deliver(NetDev *nd, const uint8_t *buf, size_t len);
/* Set the link state; tells the frontend (main loop). */
void netdev_set_link(NetDev *nd, bool up);
/* Frames dropped so far, device -> host and host -> device. */
uint64_t netdev_get_tx_dropped(NetDev *nd);
uint64_t netdev_get_rx_dropped(NetDev *nd);

/* ---- creation (CLI, machine code, tests) ---- */

/*
 * Create a netdev of QOM type @type at /netdevs/@id of @root, set
 * @props (property name -> user text; may be NULL) and realize it.
 * Errors name the netdev and the property.
 */
NetDev *netdev_new(Object *root, const char *type, const char *id,
                   const Keyval *props, Error **errp);

/* A parsed -netdev or -nic. */
typedef struct NetdevOpts {
    char *type;                 /* QOM type (TYPE_NETDEV_USER) */
    char *id;                   /* netdev id; "nic<N>" for -nic */
    Keyval *props;              /* backend properties, user text */
    bool nic;                   /* -nic: also create the NIC model */
    char *model;                /* -nic: the device type */
    char *mac;                  /* -nic mac=, or NULL */
} NetdevOpts;

/*
 * Parse "-netdev user,id=ID[,net=A/M][,host=A][,dhcpstart=A][,dns=A]
 * [,hostfwd=RULE]..." (hostfwd repeatable).  Errors name the option, the
 * key or value and what is accepted.  Free with netdev_opts_free().
 */
NetdevOpts *netdev_parse(const char *arg, Error **errp);
/*
 * Parse "-nic user[,model=virtio-net-device][,mac=MAC][,user options]"
 * for the @index-th -nic (its netdev id is "nic<index>").
 */
NetdevOpts *netdev_nic_parse(const char *arg, unsigned index, Error **errp);
void netdev_opts_free(NetdevOpts *o);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(NetdevOpts, netdev_opts_free)
/* Print the backends ("-netdev help") to @out. */
void netdev_print_backends(FILE *out);

#endif
