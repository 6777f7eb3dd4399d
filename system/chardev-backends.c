/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Simple chardev backends: null, file, stdio and pty
 * (include/system/chardev.h).  Sockets are in chardev-socket.c.
 *
 * Each backend owns the descriptors it opened and closes them in its
 * idempotent close hook; the base type only uses them.  stdin and stdout
 * belong to the process, so only one stdio chardev may exist at a time,
 * and the terminal mode it changes is restored when it closes and, should
 * hemu end abruptly, at exit.
 */
#include "system/chardev.h"

#include <fcntl.h>
#include <glib-unix.h>
#include <termios.h>

/* ---------------------------------------------------------------------- */
/* null                                                                   */

static bool chardev_null_open(Chardev *chr, Error **errp)
{
    chr->discard = true;
    return true;
}

static void chardev_null_class_init(ObjectClass *oc, const void *data)
{
    CHARDEV_CLASS(oc)->open = chardev_null_open;
}

/* ---------------------------------------------------------------------- */
/* file                                                                   */

typedef struct ChardevFile {
    Chardev parent_obj;
    char *path;                 /* output file; required */
    char *in;                   /* input file; NULL: none */
    bool append;                /* append instead of truncating */
    int out_fd, in_fd;          /* owned; -1 when closed */
} ChardevFile;

#define CHARDEV_FILE(obj) OBJECT_CHECK(ChardevFile, obj, TYPE_CHARDEV_FILE)

static void chardev_file_init(Object *obj)
{
    ChardevFile *f = CHARDEV_FILE(obj);

    f->out_fd = -1;
    f->in_fd = -1;
}

static bool chardev_file_open(Chardev *chr, Error **errp)
{
    ChardevFile *f = CHARDEV_FILE(chr);
    int flags = O_WRONLY | O_CREAT | O_CLOEXEC |
                (f->append ? O_APPEND : O_TRUNC);

    if (!f->path || !*f->path) {
        error_setg(errp, "chardev '%s': file backend needs path=FILE",
                   chardev_get_label(chr));
        return false;
    }
    f->out_fd = open(f->path, flags, 0666);
    if (f->out_fd < 0) {
        error_setg_errno(errp, errno, "chardev '%s': cannot open '%s' for "
                         "writing", chardev_get_label(chr), f->path);
        return false;
    }
    if (f->in) {
        f->in_fd = open(f->in, O_RDONLY | O_CLOEXEC);
        if (f->in_fd < 0) {
            error_setg_errno(errp, errno, "chardev '%s': cannot open input "
                             "file '%s'", chardev_get_label(chr), f->in);
            close(f->out_fd);
            f->out_fd = -1;
            return false;
        }
    }
    chardev_set_fds(chr, f->in_fd, f->out_fd);
    return true;
}

static void chardev_file_close(Chardev *chr)
{
    ChardevFile *f = CHARDEV_FILE(chr);

    if (f->out_fd >= 0) {
        close(f->out_fd);
        f->out_fd = -1;
    }
    if (f->in_fd >= 0) {
        close(f->in_fd);
        f->in_fd = -1;
    }
}

static const PropDef chardev_file_props[] = {
    DEFINE_PROP_STRING("path", ChardevFile, path,
                       "file receiving the output (created or truncated)"),
    DEFINE_PROP_STRING("in", ChardevFile, in,
                       "file read as input (optional)"),
    DEFINE_PROP_BOOL("append", ChardevFile, append, false,
                     "append to path instead of truncating it"),
    PROP_END
};

static void chardev_file_class_init(ObjectClass *oc, const void *data)
{
    ChardevClass *cc = CHARDEV_CLASS(oc);

    cc->open = chardev_file_open;
    cc->close = chardev_file_close;
    object_class_add_field_props(oc, chardev_file_props);
}

/* ---------------------------------------------------------------------- */
/* stdio                                                                  */

typedef struct ChardevStdio {
    Chardev parent_obj;
    bool signal;                /* ^C etc. raise signals in hemu */
    bool opened;                /* holds the process's stdio */
} ChardevStdio;

#define CHARDEV_STDIO(obj) OBJECT_CHECK(ChardevStdio, obj, TYPE_CHARDEV_STDIO)

/*
 * stdin is the process's: these record who uses it and the terminal mode
 * to restore.  Process state, not machine state.
 */
static GMutex stdio_lock;
static bool stdio_in_use;
static bool stdio_tty_saved;
static struct termios stdio_saved_tty;

static void chardev_stdio_restore_tty(void)
{
    g_mutex_lock(&stdio_lock);
    if (stdio_tty_saved) {
        tcsetattr(STDIN_FILENO, TCSANOW, &stdio_saved_tty);
        stdio_tty_saved = false;
    }
    g_mutex_unlock(&stdio_lock);
}

/* Raw input, output processing kept (so "\n" still starts a line). */
static void chardev_stdio_make_raw(bool keep_signals)
{
    static gsize atexit_once;
    struct termios tty;

    if (!isatty(STDIN_FILENO) || tcgetattr(STDIN_FILENO, &tty) < 0) {
        return;
    }
    stdio_saved_tty = tty;
    stdio_tty_saved = true;
    if (g_once_init_enter(&atexit_once)) {
        atexit(chardev_stdio_restore_tty);
        g_once_init_leave(&atexit_once, 1);
    }
    tty.c_iflag &= ~(IGNBRK | BRKINT | PARMRK | ISTRIP | INLCR | IGNCR |
                     ICRNL | IXON);
    tty.c_lflag &= ~(ECHO | ECHONL | ICANON | IEXTEN);
    if (!keep_signals) {
        tty.c_lflag &= ~ISIG;
    }
    tty.c_cflag &= ~(CSIZE | PARENB);
    tty.c_cflag |= CS8;
    tty.c_cc[VMIN] = 1;
    tty.c_cc[VTIME] = 0;
    tcsetattr(STDIN_FILENO, TCSANOW, &tty);
}

static bool chardev_stdio_open(Chardev *chr, Error **errp)
{
    ChardevStdio *s = CHARDEV_STDIO(chr);

    g_mutex_lock(&stdio_lock);
    if (stdio_in_use) {
        g_mutex_unlock(&stdio_lock);
        error_setg(errp, "chardev '%s': stdio is already used by another "
                   "chardev (only one may use it)", chardev_get_label(chr));
        return false;
    }
    stdio_in_use = true;
    s->opened = true;
    chardev_stdio_make_raw(s->signal);
    g_mutex_unlock(&stdio_lock);
    chardev_set_fds(chr, STDIN_FILENO, STDOUT_FILENO);
    return true;
}

static void chardev_stdio_close(Chardev *chr)
{
    ChardevStdio *s = CHARDEV_STDIO(chr);

    if (!s->opened) {
        return;
    }
    s->opened = false;
    chardev_stdio_restore_tty();
    g_mutex_lock(&stdio_lock);
    stdio_in_use = false;
    g_mutex_unlock(&stdio_lock);
}

static const PropDef chardev_stdio_props[] = {
    DEFINE_PROP_BOOL("signal", ChardevStdio, signal, true,
                     "let ^C and ^Z signal hemu (off: pass them to the "
                     "guest)"),
    PROP_END
};

static void chardev_stdio_class_init(ObjectClass *oc, const void *data)
{
    ChardevClass *cc = CHARDEV_CLASS(oc);

    cc->open = chardev_stdio_open;
    cc->close = chardev_stdio_close;
    object_class_add_field_props(oc, chardev_stdio_props);
}

/* ---------------------------------------------------------------------- */
/* pty                                                                    */

typedef struct ChardevPty {
    Chardev parent_obj;
    int master_fd;              /* owned; -1 when closed */
    int slave_fd;               /* owned: held open so the master never
                                   sees a hang-up while nobody is attached */
    char *slave_path;           /* "/dev/pts/N" */
} ChardevPty;

#define CHARDEV_PTY(obj) OBJECT_CHECK(ChardevPty, obj, TYPE_CHARDEV_PTY)

static void chardev_pty_init(Object *obj)
{
    ChardevPty *p = CHARDEV_PTY(obj);

    p->master_fd = -1;
    p->slave_fd = -1;
}

static bool chardev_pty_open(Chardev *chr, Error **errp)
{
    ChardevPty *p = CHARDEV_PTY(chr);
    struct termios tty;
    const char *name;

    p->master_fd = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (p->master_fd < 0 || grantpt(p->master_fd) < 0 ||
        unlockpt(p->master_fd) < 0 || !(name = ptsname(p->master_fd))) {
        error_setg_errno(errp, errno, "chardev '%s': cannot create a "
                         "pseudo-terminal", chardev_get_label(chr));
        return false;
    }
    p->slave_path = g_strdup(name);
    p->slave_fd = open(p->slave_path, O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (tcgetattr(p->master_fd, &tty) == 0) {
        cfmakeraw(&tty);
        tcsetattr(p->master_fd, TCSANOW, &tty);
    }
    g_unix_set_fd_nonblocking(p->master_fd, TRUE, NULL);
    /* Guest output to a pty nobody reads is dropped at once. */
    chr->write_timeout_ms = 0;
    chardev_set_fds(chr, p->master_fd, p->master_fd);
    fprintf(stderr, "char device redirected to %s (label %s)\n",
            p->slave_path, chardev_get_label(chr));
    return true;
}

static void chardev_pty_close(Chardev *chr)
{
    ChardevPty *p = CHARDEV_PTY(chr);

    if (p->master_fd >= 0) {
        close(p->master_fd);
        p->master_fd = -1;
    }
    if (p->slave_fd >= 0) {
        close(p->slave_fd);
        p->slave_fd = -1;
    }
    g_clear_pointer(&p->slave_path, g_free);
}

static bool chardev_pty_get_path(Object *obj, ObjectProperty *prop,
                                 PropValue *val, Error **errp)
{
    val->kind = PROP_KIND_STRING;
    val->s = g_strdup(CHARDEV_PTY(obj)->slave_path);
    return true;
}

static void chardev_pty_class_init(ObjectClass *oc, const void *data)
{
    ChardevClass *cc = CHARDEV_CLASS(oc);
    ObjectProperty *p;

    cc->open = chardev_pty_open;
    cc->close = chardev_pty_close;
    p = object_class_property_add(oc, "path", PROP_KIND_STRING, "string",
                                  chardev_pty_get_path, NULL, NULL,
                                  "the terminal a user attaches to "
                                  "(/dev/pts/N); empty until opened");
    p->flags |= PROP_F_READONLY;
}

static const TypeInfo chardev_backend_types[] = {
    {
        .name = TYPE_CHARDEV_NULL,
        .parent = TYPE_CHARDEV,
        .description = "discard output, no input",
        .class_init = chardev_null_class_init,
    },
    {
        .name = TYPE_CHARDEV_FILE,
        .parent = TYPE_CHARDEV,
        .description = "output to path=FILE, input from in=FILE",
        .instance_size = sizeof(ChardevFile),
        .instance_init = chardev_file_init,
        .class_init = chardev_file_class_init,
    },
    {
        .name = TYPE_CHARDEV_STDIO,
        .parent = TYPE_CHARDEV,
        .description = "hemu's standard input and output",
        .instance_size = sizeof(ChardevStdio),
        .class_init = chardev_stdio_class_init,
    },
    {
        .name = TYPE_CHARDEV_PTY,
        .parent = TYPE_CHARDEV,
        .description = "a new pseudo-terminal (/dev/pts/N)",
        .instance_size = sizeof(ChardevPty),
        .instance_init = chardev_pty_init,
        .class_init = chardev_pty_class_init,
    },
};

DEFINE_TYPES(chardev_backend_types)
