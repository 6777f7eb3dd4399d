/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The chardev base type: the frontend API (write, handlers, events), the
 * input watch in the main loop, and creation from user options
 * (include/system/chardev.h).  Backends live in chardev-*.c.
 *
 * Invariants: out_fd/in_fd are what I/O uses, not what the chardev owns
 * (backends keep and close their own descriptors); out_fd only changes
 * under chr->lock, so a vCPU thread in chardev_write() never sees a
 * closed descriptor.  The input watch exists exactly while in_fd >= 0 and
 * a read handler is attached.
 */
#include "system/chardev.h"

#include <poll.h>
#include <sys/socket.h>

#include "system/main-loop.h"

#define CHARDEV_READ_CHUNK 4096
#define CHARDEV_DEFAULT_WRITE_TIMEOUT_MS 100
#define CHARDEV_HELD_MAX 65536          /* bytes of held lines at most */

typedef struct ChardevSource {
    GSource source;
    Chardev *chr;               /* no reference: the chardev owns us */
    gpointer tag;               /* of in_fd in the source */
    GIOCondition events;        /* what the tag polls for now */
} ChardevSource;

/* ---------------------------------------------------------------------- */
/* Output                                                                 */

static ssize_t chardev_write_once(Chardev *chr, const uint8_t *buf,
                                  size_t len)
{
    if (chr->out_is_socket) {
        return send(chr->out_fd, buf, len, MSG_NOSIGNAL);
    }
    return write(chr->out_fd, buf, len);
}

/* Wait until out_fd takes more, at most until @deadline (host ns). */
static bool chardev_wait_writable(Chardev *chr, int64_t deadline)
{
    int64_t left = deadline - timer_host_now_ns();
    struct pollfd pfd = { .fd = chr->out_fd, .events = POLLOUT };

    if (left <= 0) {
        return false;
    }
    return poll(&pfd, 1, (int)((left + 999999) / 1000000)) > 0 &&
           !(pfd.revents & (POLLERR | POLLHUP | POLLNVAL));
}

/* Deliver @buf (tap, then the fd) under chr->lock. */
static void chardev_write_locked(Chardev *chr, const uint8_t *buf, int len)
{
    int64_t deadline;
    int done = 0;

    if (chr->tap && len > 0) {
        chr->tap(chr->tap_opaque, buf, len);
    }
    if (chr->out_fd < 0) {
        if (!chr->discard) {
            chr->dropped += len;
        }
        return;
    }
    deadline = timer_host_now_ns() +
               (int64_t)chr->write_timeout_ms * 1000000;
    while (done < len) {
        ssize_t n = chardev_write_once(chr, buf + done, len - done);

        if (n > 0) {
            done += n;
        } else if (n < 0 && errno == EINTR) {
            continue;
        } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) &&
                   chardev_wait_writable(chr, deadline)) {
            continue;
        } else {
            break;          /* peer gone or too slow: drop the rest */
        }
    }
    chr->dropped += len - done;
}

/* Write out the held lines (under chr->lock). */
static void chardev_release_held(Chardev *chr)
{
    if (chr->held && chr->held->len) {
        chardev_write_locked(chr, (const uint8_t *)chr->held->str,
                             (int)chr->held->len);
        g_string_truncate(chr->held, 0);
        chr->mid_line = false;
    }
}

int chardev_write(Chardev *chr, const uint8_t *buf, int len)
{
    g_mutex_lock(&chr->lock);
    chardev_write_locked(chr, buf, len);
    if (len > 0) {
        chr->mid_line = buf[len - 1] != '\n';
        if (!chr->mid_line) {
            chardev_release_held(chr);
        }
    }
    g_mutex_unlock(&chr->lock);
    return len;
}

static gboolean chardev_held_timeout(gpointer opaque)
{
    Chardev *chr = opaque;

    g_mutex_lock(&chr->lock);
    chardev_release_held(chr);
    g_source_unref(chr->held_flush);
    chr->held_flush = NULL;
    g_mutex_unlock(&chr->lock);
    return G_SOURCE_REMOVE;
}

int chardev_write_line(Chardev *chr, const uint8_t *buf, int len)
{
    g_mutex_lock(&chr->lock);
    if (!chr->mid_line || len <= 0) {
        chardev_write_locked(chr, buf, len);
        g_mutex_unlock(&chr->lock);
        return len;
    }
    if (!chr->held) {
        chr->held = g_string_new(NULL);
    }
    g_string_append_len(chr->held, (const char *)buf, len);
    if (chr->held->len > CHARDEV_HELD_MAX) {
        chardev_release_held(chr);
    } else if (!chr->held_flush) {
        chr->held_flush = g_timeout_source_new(CHARDEV_LINE_WAIT_MS);
        g_source_set_callback(chr->held_flush, chardev_held_timeout, chr,
                              NULL);
        g_source_attach(chr->held_flush, main_loop_context());
    }
    g_mutex_unlock(&chr->lock);
    return len;
}

uint64_t chardev_get_dropped(Chardev *chr)
{
    uint64_t n;

    g_mutex_lock(&chr->lock);
    n = chr->dropped;
    g_mutex_unlock(&chr->lock);
    return n;
}

const char *chardev_get_label(Chardev *chr)
{
    return object_get_name(OBJECT(chr));
}

void chardev_set_tap(Chardev *chr, ChardevTapFunc *fn, void *opaque)
{
    g_mutex_lock(&chr->lock);
    chr->tap = fn;
    chr->tap_opaque = fn ? opaque : NULL;
    g_mutex_unlock(&chr->lock);
}

/* ---------------------------------------------------------------------- */
/* Input                                                                  */

static void chardev_input_closed(Chardev *chr)
{
    ChardevClass *cc = CHARDEV_GET_CLASS(chr);

    if (cc->input_closed) {
        cc->input_closed(chr);
    } else {
        chardev_set_fds(chr, -1, chr->out_fd);
    }
}

static int chardev_room(Chardev *chr)
{
    return chr->can_read && chr->read ? chr->can_read(chr->fe_opaque) : 0;
}

static gboolean chardev_source_prepare(GSource *source, gint *timeout)
{
    ChardevSource *cs = (ChardevSource *)source;

    GIOCondition want = chardev_room(cs->chr) > 0 ? G_IO_IN : 0;

    *timeout = -1;
    /* only on a change: every modification wakes the main context up,
       which would make the loop spin */
    if (want != cs->events) {
        g_source_modify_unix_fd(source, cs->tag, want);
        cs->events = want;
    }
    return FALSE;
}

static gboolean chardev_source_dispatch(GSource *source, GSourceFunc cb,
                                        gpointer data)
{
    ChardevSource *cs = (ChardevSource *)source;
    Chardev *chr = cs->chr;
    GIOCondition rev = g_source_query_unix_fd(source, cs->tag);
    uint8_t buf[CHARDEV_READ_CHUNK];
    int room = chardev_room(chr);
    ssize_t n;

    if (room <= 0) {
        if (rev & (G_IO_HUP | G_IO_ERR | G_IO_NVAL)) {
            chardev_input_closed(chr);
        }
        return G_SOURCE_CONTINUE;
    }
    n = read(chr->in_fd, buf, HEMU_MIN((size_t)room, sizeof(buf)));
    if (n > 0) {
        chr->read(chr->fe_opaque, buf, n);
    } else if (n == 0 || (errno != EAGAIN && errno != EINTR)) {
        chardev_input_closed(chr);
    }
    return G_SOURCE_CONTINUE;
}

static GSourceFuncs chardev_source_funcs = {
    .prepare = chardev_source_prepare,
    .dispatch = chardev_source_dispatch,
};

static void chardev_unwatch(Chardev *chr)
{
    if (chr->in_source) {
        g_source_destroy(chr->in_source);
        g_source_unref(chr->in_source);
        chr->in_source = NULL;
    }
}

static void chardev_watch(Chardev *chr)
{
    ChardevSource *cs;

    if (chr->in_source || chr->in_fd < 0 || !chr->read) {
        return;
    }
    cs = (ChardevSource *)g_source_new(&chardev_source_funcs,
                                       sizeof(ChardevSource));
    cs->chr = chr;
    cs->tag = g_source_add_unix_fd(&cs->source, chr->in_fd, G_IO_IN);
    cs->events = G_IO_IN;
    g_source_set_name(&cs->source, "chardev-input");
    g_source_attach(&cs->source, main_loop_context());
    chr->in_source = &cs->source;
}

void chardev_set_fds(Chardev *chr, int in_fd, int out_fd)
{
    if (chr->in_fd != in_fd) {
        chardev_unwatch(chr);
    }
    g_mutex_lock(&chr->lock);
    chr->in_fd = in_fd;
    chr->out_fd = out_fd;
    g_mutex_unlock(&chr->lock);
    chardev_watch(chr);
}

void chardev_send_event(Chardev *chr, ChardevEvent event)
{
    chr->connected = event == CHARDEV_EVENT_OPENED;
    if (chr->event) {
        chr->event(chr->fe_opaque, event);
    }
}

void chardev_set_handlers(Chardev *chr, ChardevCanReadHandler *can_read,
                          ChardevReadHandler *read,
                          ChardevEventHandler *event, void *opaque)
{
    chardev_unwatch(chr);
    chr->can_read = read ? can_read : NULL;
    chr->read = read;
    chr->event = event;
    chr->fe_opaque = opaque;
    chardev_watch(chr);
    if (event && chr->connected && object_is_realized(OBJECT(chr))) {
        event(opaque, CHARDEV_EVENT_OPENED);
    }
}

/* ---------------------------------------------------------------------- */
/* The QOM type                                                           */

static void chardev_instance_init(Object *obj)
{
    Chardev *chr = CHARDEV(obj);

    g_mutex_init(&chr->lock);
    chr->in_fd = -1;
    chr->out_fd = -1;
    chr->write_timeout_ms = CHARDEV_DEFAULT_WRITE_TIMEOUT_MS;
    chr->connected = true;
}

static void chardev_close(Chardev *chr)
{
    ChardevClass *cc = CHARDEV_GET_CLASS(chr);

    chardev_unwatch(chr);
    chardev_set_fds(chr, -1, -1);
    if (cc->close) {
        cc->close(chr);
    }
}

static void chardev_instance_finalize(Object *obj)
{
    Chardev *chr = CHARDEV(obj);

    if (chr->held_flush) {
        g_source_destroy(chr->held_flush);
        g_source_unref(chr->held_flush);
    }
    if (chr->held) {
        g_string_free(chr->held, TRUE);
    }
    chardev_close(chr);
    g_mutex_clear(&chr->lock);
}

static bool chardev_realize(Object *obj, Error **errp)
{
    Chardev *chr = CHARDEV(obj);
    ChardevClass *cc = CHARDEV_GET_CLASS(chr);

    main_loop_init();
    return !cc->open || cc->open(chr, errp);
}

static void chardev_unrealize(Object *obj)
{
    chardev_close(CHARDEV(obj));
}

static void chardev_class_init(ObjectClass *oc, const void *data)
{
    oc->realize = chardev_realize;
    oc->unrealize = chardev_unrealize;
}

static const TypeInfo chardev_types[] = {
    {
        .name = TYPE_CHARDEV,
        .parent = TYPE_OBJECT,
        .description = "character device (abstract)",
        .instance_size = sizeof(Chardev),
        .instance_init = chardev_instance_init,
        .instance_finalize = chardev_instance_finalize,
        .abstract = true,
        .class_size = sizeof(ChardevClass),
        .class_init = chardev_class_init,
    },
};

DEFINE_TYPES(chardev_types)
