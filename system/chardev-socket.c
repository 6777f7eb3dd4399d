/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The socket chardev backend: unix (path=) or tcp (host=, port=), as a
 * client or a server (include/system/chardev.h).
 *
 * A server listens and serves one client at a time: while a client is
 * connected the listening socket is not watched (further clients wait in
 * the kernel's backlog); when it hangs up the chardev reports CLOSED and
 * listens again, so a client may reconnect.  With wait=on, realize blocks
 * until the first client connects.  A client connects once at realize;
 * when the server goes away its output is dropped (and counted).
 * Invariant: conn_fd >= 0 exactly when connected.
 */
#include "system/chardev.h"

#include <glib-unix.h>
#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>

typedef struct ChardevSocket {
    Chardev parent_obj;
    char *path;                 /* unix socket path, or NULL */
    char *host;                 /* tcp host, or NULL */
    char *port;                 /* tcp port (number or service name) */
    bool server;                /* listen instead of connecting */
    bool wait;                  /* server: block at realize for a client */
    int listen_fd;              /* owned; -1 if none */
    int conn_fd;                /* owned; -1 when not connected */
    guint listen_watch;         /* main-loop source id; 0 when none */
    bool unlink_path;           /* we bound path: remove it at close */
    char *desc;                 /* "unix:PATH" / "tcp:HOST:PORT" */
} ChardevSocket;

#define CHARDEV_SOCKET(obj)                                                  \
    OBJECT_CHECK(ChardevSocket, obj, TYPE_CHARDEV_SOCKET)

static void chardev_socket_init(Object *obj)
{
    ChardevSocket *s = CHARDEV_SOCKET(obj);

    s->listen_fd = -1;
    s->conn_fd = -1;
}

static void chardev_socket_connected(ChardevSocket *s, int fd)
{
    Chardev *chr = CHARDEV(s);

    g_unix_set_fd_nonblocking(fd, TRUE, NULL);
    s->conn_fd = fd;
    chr->out_is_socket = true;
    chardev_set_fds(chr, fd, fd);
    chardev_send_event(chr, CHARDEV_EVENT_OPENED);
}

static gboolean chardev_socket_accept(gint fd, GIOCondition cond,
                                      gpointer opaque);

static void chardev_socket_listen_watch(ChardevSocket *s)
{
    if (!s->listen_watch && s->listen_fd >= 0) {
        s->listen_watch = g_unix_fd_add(s->listen_fd, G_IO_IN,
                                        chardev_socket_accept, s);
    }
}

static gboolean chardev_socket_accept(gint fd, GIOCondition cond,
                                      gpointer opaque)
{
    ChardevSocket *s = opaque;
    int conn = accept4(fd, NULL, NULL, SOCK_CLOEXEC);

    if (conn < 0) {
        return G_SOURCE_CONTINUE;       /* EAGAIN, or the client gave up */
    }
    s->listen_watch = 0;
    chardev_socket_connected(s, conn);
    return G_SOURCE_REMOVE;
}

/* The peer hung up: drop the connection, listen again if a server. */
static void chardev_socket_disconnect(Chardev *chr)
{
    ChardevSocket *s = CHARDEV_SOCKET(chr);

    if (s->conn_fd < 0) {
        return;
    }
    chardev_set_fds(chr, -1, -1);
    close(s->conn_fd);
    s->conn_fd = -1;
    chardev_send_event(chr, CHARDEV_EVENT_CLOSED);
    if (s->server) {
        chardev_socket_listen_watch(s);
    }
}

/* Fill a unix address; false if the path does not fit. */
static bool chardev_socket_unix_addr(ChardevSocket *s,
                                     struct sockaddr_un *sun, Error **errp)
{
    memset(sun, 0, sizeof(*sun));
    sun->sun_family = AF_UNIX;
    if (strlen(s->path) >= sizeof(sun->sun_path)) {
        error_setg(errp, "chardev '%s': socket path '%s' is too long (at "
                   "most %zu bytes)", chardev_get_label(CHARDEV(s)), s->path,
                   sizeof(sun->sun_path) - 1);
        return false;
    }
    strcpy(sun->sun_path, s->path);
    return true;
}

static int chardev_socket_open_unix(ChardevSocket *s, Error **errp)
{
    struct sockaddr_un sun;
    struct stat st;
    int fd;

    if (!chardev_socket_unix_addr(s, &sun, errp)) {
        return -1;
    }
    fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        error_setg_errno(errp, errno, "chardev '%s': socket",
                         chardev_get_label(CHARDEV(s)));
        return -1;
    }
    if (s->server) {
        if (stat(s->path, &st) == 0 && S_ISSOCK(st.st_mode)) {
            unlink(s->path);            /* a stale socket of an old run */
        }
        if (bind(fd, (struct sockaddr *)&sun, sizeof(sun)) < 0 ||
            listen(fd, 1) < 0) {
            goto fail;
        }
        s->unlink_path = true;
    } else if (connect(fd, (struct sockaddr *)&sun, sizeof(sun)) < 0) {
        goto fail;
    }
    return fd;

fail:
    error_setg_errno(errp, errno, "chardev '%s': cannot %s %s",
                     chardev_get_label(CHARDEV(s)),
                     s->server ? "listen on" : "connect to", s->desc);
    close(fd);
    return -1;
}

static int chardev_socket_open_tcp(ChardevSocket *s, Error **errp)
{
    struct addrinfo hints = { .ai_socktype = SOCK_STREAM,
                              .ai_flags = s->server ? AI_PASSIVE : 0 };
    struct addrinfo *res, *ai;
    int fd = -1, err, saved = 0;

    err = getaddrinfo(s->host, s->port, &hints, &res);
    if (err) {
        error_setg(errp, "chardev '%s': cannot resolve %s: %s",
                   chardev_get_label(CHARDEV(s)), s->desc, gai_strerror(err));
        return -1;
    }
    for (ai = res; ai; ai = ai->ai_next) {
        int one = 1;

        fd = socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC,
                    ai->ai_protocol);
        if (fd < 0) {
            saved = errno;
            continue;
        }
        if (s->server) {
            setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
            if (bind(fd, ai->ai_addr, ai->ai_addrlen) == 0 &&
                listen(fd, 1) == 0) {
                break;
            }
        } else if (connect(fd, ai->ai_addr, ai->ai_addrlen) == 0) {
            break;
        }
        saved = errno;
        close(fd);
        fd = -1;
    }
    freeaddrinfo(res);
    if (fd < 0) {
        error_setg_errno(errp, saved, "chardev '%s': cannot %s %s",
                         chardev_get_label(CHARDEV(s)),
                         s->server ? "listen on" : "connect to", s->desc);
    }
    return fd;
}

/* wait=on: block until the first client connects. */
static bool chardev_socket_wait_client(ChardevSocket *s, Error **errp)
{
    struct pollfd pfd = { .fd = s->listen_fd, .events = POLLIN };
    int conn;

    info_report("chardev '%s': waiting for a connection on %s",
                chardev_get_label(CHARDEV(s)), s->desc);
    for (;;) {
        if (poll(&pfd, 1, -1) < 0 && errno != EINTR) {
            break;
        }
        conn = accept4(s->listen_fd, NULL, NULL, SOCK_CLOEXEC);
        if (conn >= 0) {
            chardev_socket_connected(s, conn);
            return true;
        }
        if (errno != EINTR && errno != EAGAIN && errno != ECONNABORTED) {
            break;
        }
    }
    error_setg_errno(errp, errno, "chardev '%s': waiting for a client on %s",
                     chardev_get_label(CHARDEV(s)), s->desc);
    return false;
}

static bool chardev_socket_check(ChardevSocket *s, Error **errp)
{
    const char *id = chardev_get_label(CHARDEV(s));

    if (s->path && (s->host || s->port)) {
        error_setg(errp, "chardev '%s': give either path= (unix) or host= "
                   "and port= (tcp), not both", id);
        return false;
    }
    if (!s->path && (!s->port || !*s->port)) {
        error_setg(errp, "chardev '%s': socket needs path=PATH (unix) or "
                   "host=HOST,port=PORT (tcp)", id);
        return false;
    }
    if (s->path) {
        s->desc = g_strdup_printf("unix:%s", s->path);
    } else {
        s->desc = g_strdup_printf("tcp:%s:%s", s->host ? s->host : "",
                                  s->port);
    }
    return true;
}

static bool chardev_socket_open(Chardev *chr, Error **errp)
{
    ChardevSocket *s = CHARDEV_SOCKET(chr);
    int fd;

    if (!chardev_socket_check(s, errp)) {
        return false;
    }
    fd = s->path ? chardev_socket_open_unix(s, errp)
                 : chardev_socket_open_tcp(s, errp);
    if (fd < 0) {
        return false;
    }
    if (!s->server) {
        chardev_socket_connected(s, fd);
        return true;
    }
    s->listen_fd = fd;
    g_unix_set_fd_nonblocking(fd, TRUE, NULL);
    chr->connected = false;
    if (s->wait) {
        return chardev_socket_wait_client(s, errp);
    }
    chardev_socket_listen_watch(s);
    return true;
}

static void chardev_socket_close(Chardev *chr)
{
    ChardevSocket *s = CHARDEV_SOCKET(chr);

    if (s->listen_watch) {
        g_source_remove(s->listen_watch);
        s->listen_watch = 0;
    }
    if (s->conn_fd >= 0) {
        close(s->conn_fd);
        s->conn_fd = -1;
    }
    if (s->listen_fd >= 0) {
        close(s->listen_fd);
        s->listen_fd = -1;
    }
    if (s->unlink_path) {
        unlink(s->path);
        s->unlink_path = false;
    }
    g_clear_pointer(&s->desc, g_free);
}

static const PropDef chardev_socket_props[] = {
    DEFINE_PROP_STRING("path", ChardevSocket, path,
                       "unix socket path (instead of host and port)"),
    DEFINE_PROP_STRING("host", ChardevSocket, host,
                       "tcp host name or address (default: any/local)"),
    DEFINE_PROP_STRING("port", ChardevSocket, port,
                       "tcp port number or service name"),
    DEFINE_PROP_BOOL("server", ChardevSocket, server, false,
                     "listen for a client instead of connecting"),
    DEFINE_PROP_BOOL("wait", ChardevSocket, wait, true,
                     "server: wait for the first client before starting"),
    PROP_END
};

static void chardev_socket_class_init(ObjectClass *oc, const void *data)
{
    ChardevClass *cc = CHARDEV_CLASS(oc);

    cc->open = chardev_socket_open;
    cc->close = chardev_socket_close;
    cc->input_closed = chardev_socket_disconnect;
    object_class_add_field_props(oc, chardev_socket_props);
}

static const TypeInfo chardev_socket_types[] = {
    {
        .name = TYPE_CHARDEV_SOCKET,
        .parent = TYPE_CHARDEV,
        .description = "unix or tcp socket, client or server",
        .instance_size = sizeof(ChardevSocket),
        .instance_init = chardev_socket_init,
        .class_init = chardev_socket_class_init,
    },
};

DEFINE_TYPES(chardev_socket_types)
