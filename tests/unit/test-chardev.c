/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Unit tests for character devices (include/system/chardev.h): the null
 * and file backends, a unix socket server/client pair in a temporary
 * directory (both ends in this process, driven by the main loop), a pty
 * read and written from its slave side, -serial specs, and the errors
 * users see.
 */
#include "system/chardev.h"
#include "system/main-loop.h"

#include <fcntl.h>
#include <termios.h>

typedef struct Sink {
    GString *got;               /* bytes received */
    int opened, closed;         /* events received */
} Sink;

static int sink_can_read(void *opaque)
{
    return 64;
}

static void sink_read(void *opaque, const uint8_t *buf, int len)
{
    g_string_append_len(((Sink *)opaque)->got, (const char *)buf, len);
}

static void sink_event(void *opaque, ChardevEvent ev)
{
    Sink *s = opaque;

    if (ev == CHARDEV_EVENT_OPENED) {
        s->opened++;
    } else {
        s->closed++;
    }
}

/* Iterate the main loop until *@flag is true (at most 5 s). */
static void run_until(bool (*cond)(void *), void *opaque)
{
    int64_t end = g_get_monotonic_time() + 5 * G_USEC_PER_SEC;

    while (!cond(opaque)) {
        g_assert_cmpint(g_get_monotonic_time(), <, end);
        if (!main_loop_iterate(false)) {
            g_usleep(1000);
        }
    }
}

static Chardev *new_chardev(Object *root, const char *backend,
                            const char *opts)
{
    g_autoptr(Keyval) kv = keyval_parse(opts, NULL, "test", NULL,
                                        &error_abort);

    return chardev_new(root, backend, kv, &error_abort);
}

static char *new_err(Object *root, const char *backend, const char *opts)
{
    g_autoptr(Keyval) kv = keyval_parse(opts, NULL, "test", NULL,
                                        &error_abort);
    Error *err = NULL;
    char *msg;

    g_assert_null(chardev_new(root, backend, kv, &err));
    g_assert_nonnull(err);
    msg = g_strdup(error_get_pretty(err));
    error_free(err);
    return msg;
}

static void test_null(void)
{
    Object *root = object_new(TYPE_CONTAINER);
    Chardev *chr = new_chardev(root, "null", "id=n0");
    g_autofree char *path = object_get_canonical_path(OBJECT(chr));

    g_assert_cmpstr(path, ==, "/chardevs/n0");
    g_assert_true(chardev_find(root, "n0") == chr);
    g_assert_cmpint(chardev_write(chr, (const uint8_t *)"hello", 5), ==, 5);
    g_assert_cmpuint(chardev_get_dropped(chr), ==, 0);
    object_unref(root);
}

static bool sink_has(void *opaque)
{
    Sink *s = opaque;

    return s->got->len >= 3;
}

static void test_file(void)
{
    g_autofree char *dir = g_dir_make_tmp("hemu-chardev-XXXXXX", NULL);
    g_autofree char *out = g_build_filename(dir, "out.txt", NULL);
    g_autofree char *in = g_build_filename(dir, "in.txt", NULL);
    g_autofree char *opts = g_strdup_printf("id=f0,path=%s,in=%s", out, in);
    g_autofree char *content = NULL;
    Sink sink = { g_string_new(NULL) };
    Object *root = object_new(TYPE_CONTAINER);
    Chardev *chr;

    g_assert_true(g_file_set_contents(out, "old content", -1, NULL));
    g_assert_true(g_file_set_contents(in, "abc", -1, NULL));
    chr = new_chardev(root, "file", opts);
    chardev_write(chr, (const uint8_t *)"hel", 3);
    chardev_write(chr, (const uint8_t *)"lo\n", 3);
    /* The file was truncated, then holds exactly what was written. */
    g_assert_true(g_file_get_contents(out, &content, NULL, NULL));
    g_assert_cmpstr(content, ==, "hello\n");

    chardev_set_handlers(chr, sink_can_read, sink_read, NULL, &sink);
    run_until(sink_has, &sink);
    g_assert_cmpstr(sink.got->str, ==, "abc");
    object_unref(root);

    unlink(out);
    unlink(in);
    rmdir(dir);
    g_string_free(sink.got, TRUE);
}

static bool file_holds(void *opaque)
{
    const char *path = opaque;
    g_autofree char *c = NULL;

    return g_file_get_contents(path, &c, NULL, NULL) && strstr(c, "Z\n");
}

/*
 * chardev_write_line: a whole line from a second writer waits for the
 * newline of the first writer's line, or for CHARDEV_LINE_WAIT_MS.
 */
static void test_write_line(void)
{
    g_autofree char *dir = g_dir_make_tmp("hemu-chardev-XXXXXX", NULL);
    g_autofree char *out = g_build_filename(dir, "out.txt", NULL);
    g_autofree char *opts = g_strdup_printf("id=f1,path=%s", out);
    g_autofree char *c1 = NULL, *c2 = NULL, *c3 = NULL;
    Object *root = object_new(TYPE_CONTAINER);
    Chardev *chr = new_chardev(root, "file", opts);

    /* at a line start: written at once */
    chardev_write_line(chr, (const uint8_t *)"[b] one\n", 8);
    chardev_write(chr, (const uint8_t *)"ab", 2);
    /* mid-line: held until the other writer's newline */
    chardev_write_line(chr, (const uint8_t *)"[b] two\n", 8);
    g_assert_true(g_file_get_contents(out, &c1, NULL, NULL));
    g_assert_cmpstr(c1, ==, "[b] one\nab");
    chardev_write(chr, (const uint8_t *)"c\n", 2);
    g_assert_true(g_file_get_contents(out, &c2, NULL, NULL));
    g_assert_cmpstr(c2, ==, "[b] one\nabc\n[b] two\n");
    /* a line that never ends: the held line goes out after a while */
    chardev_write(chr, (const uint8_t *)"$ ", 2);
    chardev_write_line(chr, (const uint8_t *)"Z\n", 2);
    run_until(file_holds, out);
    g_assert_true(g_file_get_contents(out, &c3, NULL, NULL));
    g_assert_cmpstr(c3, ==, "[b] one\nabc\n[b] two\n$ Z\n");
    object_unref(root);
    unlink(out);
    rmdir(dir);
}

typedef struct Pair {
    Sink srv, cli;
} Pair;

static bool srv_opened(void *opaque)
{
    return ((Pair *)opaque)->srv.opened >= 1;
}

static bool srv_opened_twice(void *opaque)
{
    return ((Pair *)opaque)->srv.opened >= 2;
}

static bool srv_closed(void *opaque)
{
    return ((Pair *)opaque)->srv.closed >= 1;
}

static bool srv_got_ping(void *opaque)
{
    return ((Pair *)opaque)->srv.got->len >= 4;
}

static bool cli_got_pong(void *opaque)
{
    return ((Pair *)opaque)->cli.got->len >= 4;
}

static void test_socket_pair(void)
{
    g_autofree char *dir = g_dir_make_tmp("hemu-chardev-XXXXXX", NULL);
    g_autofree char *sock = g_build_filename(dir, "s.sock", NULL);
    g_autofree char *sopts = g_strdup_printf(
        "id=srv,path=%s,server=on,wait=off", sock);
    g_autofree char *copts = g_strdup_printf("id=cli,path=%s", sock);
    Pair p = { { g_string_new(NULL) }, { g_string_new(NULL) } };
    Object *root = object_new(TYPE_CONTAINER);
    Chardev *srv, *cli;

    main_loop_init();
    srv = new_chardev(root, "socket", sopts);
    chardev_set_handlers(srv, sink_can_read, sink_read, sink_event, &p.srv);
    g_assert_cmpint(p.srv.opened, ==, 0);           /* nobody there yet */

    /* Output without a client is dropped and counted. */
    chardev_write(srv, (const uint8_t *)"lost", 4);
    g_assert_cmpuint(chardev_get_dropped(srv), ==, 4);

    cli = new_chardev(root, "socket", copts);
    chardev_set_handlers(cli, sink_can_read, sink_read, sink_event, &p.cli);
    g_assert_cmpint(p.cli.opened, ==, 1);   /* a client is connected */
    run_until(srv_opened, &p);

    chardev_write(cli, (const uint8_t *)"ping", 4);
    run_until(srv_got_ping, &p);
    g_assert_cmpstr(p.srv.got->str, ==, "ping");
    chardev_write(srv, (const uint8_t *)"pong", 4);
    run_until(cli_got_pong, &p);
    g_assert_cmpstr(p.cli.got->str, ==, "pong");
    g_assert_cmpuint(chardev_get_dropped(srv), ==, 4);

    /* The client goes; the server notices and accepts a new one. */
    object_unparent(OBJECT(cli));
    run_until(srv_closed, &p);
    cli = new_chardev(root, "socket", copts);
    run_until(srv_opened_twice, &p);
    chardev_write(cli, (const uint8_t *)"again", 5);
    g_string_truncate(p.srv.got, 0);
    run_until(srv_got_ping, &p);
    g_assert_cmpstr(p.srv.got->str, ==, "again");

    object_unref(root);
    /* The server removed its socket file when it closed. */
    g_assert_false(g_file_test(sock, G_FILE_TEST_EXISTS));
    rmdir(dir);
    g_string_free(p.srv.got, TRUE);
    g_string_free(p.cli.got, TRUE);
}

static void test_serial_specs(void)
{
    g_autofree char *dir = g_dir_make_tmp("hemu-chardev-XXXXXX", NULL);
    g_autofree char *out = g_build_filename(dir, "a,b.txt", NULL);
    g_autofree char *spec = g_strdup_printf("file:%s", out);
    g_autofree char *content = NULL;
    Object *root = object_new(TYPE_CONTAINER);
    Chardev *chr = NULL, *again = NULL;
    Error *err = NULL;

    g_assert_true(chardev_new_serial(root, "none", "serial0", &chr,
                                     &error_abort));
    g_assert_null(chr);
    /* file: takes the rest verbatim, commas included. */
    g_assert_true(chardev_new_serial(root, spec, "serial0", &chr,
                                     &error_abort));
    chardev_write(chr, (const uint8_t *)"x", 1);
    g_assert_true(g_file_get_contents(out, &content, NULL, NULL));
    g_assert_cmpstr(content, ==, "x");
    g_assert_true(chardev_new_serial(root, "chardev:serial0", "serial1",
                                     &again, &error_abort));
    g_assert_true(again == chr);

    g_assert_false(chardev_new_serial(root, "bogus", "serial1", &chr, &err));
    g_assert_nonnull(strstr(error_get_pretty(err),
                            "unknown serial device 'bogus'"));
    g_assert_nonnull(strstr(error_get_pretty(err), "file:PATH"));
    error_free_or_abort(&err);
    g_assert_false(chardev_new_serial(root, "chardev:nope", "serial1", &chr,
                                      &err));
    g_assert_nonnull(strstr(error_get_pretty(err), "'nope'"));
    error_free_or_abort(&err);
    g_assert_false(chardev_new_serial(root, "tcp:localhost", "serial1", &chr,
                                      &err));
    g_assert_nonnull(strstr(error_get_pretty(err), "has no port"));
    error_free_or_abort(&err);

    object_unref(root);
    unlink(out);
    rmdir(dir);
}

static void test_errors(void)
{
    Object *root = object_new(TYPE_CONTAINER);
    g_autofree char *m1 = new_err(root, "bogus", "id=x");
    g_autofree char *m2 = new_err(root, "null", "");
    g_autofree char *m3 = new_err(root, "file", "id=f,colour=red");
    g_autofree char *m4 = NULL;
    g_autofree char *m5 = new_err(root, "socket", "id=s");
    g_autofree char *m6 = new_err(root, "file",
                                  "id=f,path=/nonexistent-dir/x");

    g_assert_nonnull(strstr(m1, "unknown backend 'bogus'"));
    g_assert_nonnull(strstr(m1, "file"));           /* lists backends */
    g_assert_nonnull(strstr(m1, "socket"));
    g_assert_nonnull(strstr(m2, "missing id=ID"));
    g_assert_nonnull(strstr(m3, "no parameter 'colour'"));
    g_assert_nonnull(strstr(m3, "path"));           /* lists parameters */
    new_chardev(root, "null", "id=dup");
    m4 = new_err(root, "null", "id=dup");
    g_assert_nonnull(strstr(m4, "already in use"));
    g_assert_nonnull(strstr(m5, "path=PATH"));
    g_assert_nonnull(strstr(m6, "cannot open '/nonexistent-dir/x'"));
    /* A failed chardev leaves no trace: the id is free again. */
    g_assert_null(chardev_find(root, "f"));
    object_unref(root);
}

static bool sink_has_pty_input(void *opaque)
{
    return ((Sink *)opaque)->got->len >= 3;
}

/* Guest output appears on the pty's slave; slave input reaches the guest. */
static void test_pty(void)
{
    Object *root = object_new(TYPE_CONTAINER);
    g_autoptr(Keyval) kv = keyval_parse("id=p0", NULL, "test", NULL,
                                        &error_abort);
    Error *err = NULL;
    Chardev *chr = chardev_new(root, "pty", kv, &err);
    g_autofree char *path = NULL;
    Sink sink = { .got = g_string_new(NULL) };
    struct termios tty;
    char buf[16] = { 0 };
    int fd, n = 0;
    int64_t end = g_get_monotonic_time() + 5 * G_USEC_PER_SEC;

    if (!chr) {
        /* A host without /dev/ptmx (some containers): nothing to test. */
        g_test_skip(error_get_pretty(err));
        error_free(err);
        g_string_free(sink.got, TRUE);
        object_unref(root);
        return;
    }
    path = object_property_get_str(OBJECT(chr), "path", &error_abort);

    g_assert_true(g_str_has_prefix(path, "/dev/pts/"));
    fd = open(path, O_RDWR | O_NOCTTY | O_NONBLOCK);
    g_assert_cmpint(fd, >=, 0);
    g_assert_cmpint(tcgetattr(fd, &tty), ==, 0);
    cfmakeraw(&tty);
    g_assert_cmpint(tcsetattr(fd, TCSANOW, &tty), ==, 0);

    g_assert_cmpint(chardev_write(chr, (const uint8_t *)"out", 3), ==, 3);
    while (n < 3 && g_get_monotonic_time() < end) {
        ssize_t r = read(fd, buf + n, sizeof(buf) - 1 - n);

        if (r > 0) {
            n += r;
        } else {
            g_usleep(1000);
        }
    }
    g_assert_cmpstr(buf, ==, "out");

    chardev_set_handlers(chr, sink_can_read, sink_read, sink_event, &sink);
    g_assert_cmpint(write(fd, "in!", 3), ==, 3);
    run_until(sink_has_pty_input, &sink);
    g_assert_cmpstr(sink.got->str, ==, "in!");

    chardev_set_handlers(chr, NULL, NULL, NULL, NULL);
    close(fd);
    g_string_free(sink.got, TRUE);
    object_unref(root);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    main_loop_init();
    g_test_add_func("/chardev/null", test_null);
    g_test_add_func("/chardev/file", test_file);
    g_test_add_func("/chardev/write-line", test_write_line);
    g_test_add_func("/chardev/socket-pair", test_socket_pair);
    g_test_add_func("/chardev/pty", test_pty);
    g_test_add_func("/chardev/serial-specs", test_serial_specs);
    g_test_add_func("/chardev/errors", test_errors);
    return g_test_run();
}
