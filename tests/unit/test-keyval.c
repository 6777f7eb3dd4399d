/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Unit tests for the key=value option parser (include/util/keyval.h).
 * Expected pairs are read off the input strings by hand.
 */
#include "util/keyval.h"

static Keyval *parse_ok(const char *str, const char *implied, bool *help)
{
    Error *err = NULL;
    Keyval *kv = keyval_parse(str, implied, "-test", help, &err);

    if (!kv) {
        g_error("'%s' failed: %s", str, error_get_pretty(err));
    }
    return kv;
}

/* Parse expecting failure; returns the message (g_free it). */
static char *parse_err(const char *str, const char *implied)
{
    Error *err = NULL;
    bool help;
    Keyval *kv = keyval_parse(str, implied, "-test", &help, &err);
    char *msg;

    g_assert_null(kv);
    g_assert_nonnull(err);
    msg = g_strdup(error_get_pretty(err));
    error_free(err);
    return msg;
}

static void test_plain(void)
{
    g_autoptr(Keyval) kv = parse_ok("id=m0,size=1M,share=on", NULL, NULL);

    g_assert_cmpuint(keyval_count(kv), ==, 3);
    g_assert_cmpstr(keyval_key(kv, 0), ==, "id");
    g_assert_cmpstr(keyval_value(kv, 0), ==, "m0");
    g_assert_cmpstr(keyval_key(kv, 2), ==, "share");
    g_assert_cmpstr(keyval_get(kv, "size"), ==, "1M");
    g_assert_null(keyval_get(kv, "nope"));
}

static void test_implied_key(void)
{
    g_autoptr(Keyval) a = parse_ok("memory-backend-ram,id=m0", "type", NULL);
    g_autoptr(Keyval) b = parse_ok("type=pl011,id=u", "type", NULL);
    g_autoptr(Keyval) c = parse_ok("64M", "size", NULL);
    g_autofree char *msg = NULL;

    g_assert_cmpuint(keyval_count(a), ==, 2);
    g_assert_cmpstr(keyval_key(a, 0), ==, "type");
    g_assert_cmpstr(keyval_value(a, 0), ==, "memory-backend-ram");
    g_assert_cmpstr(keyval_get(b, "type"), ==, "pl011");
    g_assert_cmpstr(keyval_get(c, "size"), ==, "64M");

    /* Only the first element may omit its key. */
    msg = parse_err("a,b", "type");
    g_assert_nonnull(strstr(msg, "-test"));
    g_assert_nonnull(strstr(msg, "'b' has no value"));
    g_free(g_steal_pointer(&msg));
    /* Without an implied key a bare word is an error. */
    msg = parse_err("pl011", NULL);
    g_assert_nonnull(strstr(msg, "'pl011' has no value"));
}

static void test_escapes(void)
{
    /* ",," is one literal comma in a value: path "a,b" then id. */
    g_autoptr(Keyval) kv = parse_ok("path=a,,b,id=x", NULL, NULL);
    /* At the end: "v," ; in the implied value: "x,y". */
    g_autoptr(Keyval) kv2 = parse_ok("x,,y,k=v,,", "first", NULL);

    g_assert_cmpstr(keyval_get(kv, "path"), ==, "a,b");
    g_assert_cmpstr(keyval_get(kv, "id"), ==, "x");
    g_assert_cmpuint(keyval_count(kv), ==, 2);
    g_assert_cmpstr(keyval_get(kv2, "first"), ==, "x,y");
    g_assert_cmpstr(keyval_get(kv2, "k"), ==, "v,");
}

static void test_duplicates(void)
{
    g_autofree char *msg = parse_err("id=a,size=1,id=b", NULL);
    g_autofree char *msg2 = parse_err("ram,type=ram", "type");

    g_assert_nonnull(strstr(msg, "'id' is given more than once"));
    g_assert_nonnull(strstr(msg2, "'type' is given more than once"));
}

static void test_empty(void)
{
    g_autoptr(Keyval) none = parse_ok("", "type", NULL);
    g_autoptr(Keyval) ev = parse_ok("a=,b=2", NULL, NULL);
    g_autoptr(Keyval) trail = parse_ok("a=1,", NULL, NULL);
    g_autofree char *msg2 = parse_err("=5", NULL);
    g_autofree char *msg3 = parse_err(",a=1", NULL);

    g_assert_cmpuint(keyval_count(none), ==, 0);
    g_assert_cmpstr(keyval_get(ev, "a"), ==, "");
    g_assert_cmpstr(keyval_get(ev, "b"), ==, "2");
    /* One trailing comma ends the list. */
    g_assert_cmpuint(keyval_count(trail), ==, 1);
    g_assert_cmpstr(keyval_get(trail, "a"), ==, "1");
    g_assert_nonnull(strstr(msg2, "missing parameter name"));
    g_assert_nonnull(strstr(msg3, "empty parameter"));
}

static void test_help(void)
{
    bool help = false;
    g_autoptr(Keyval) a = parse_ok("help", "type", &help);
    g_autoptr(Keyval) b = NULL;
    g_autoptr(Keyval) c = NULL;

    g_assert_true(help);
    g_assert_cmpuint(keyval_count(a), ==, 0);

    b = parse_ok("memory-backend-ram,help", "type", &help);
    g_assert_true(help);
    g_assert_cmpstr(keyval_get(b, "type"), ==, "memory-backend-ram");

    c = parse_ok("pl011,?", "type", &help);
    g_assert_true(help);

    /* Without a help pointer, "help" is an ordinary implied value. */
    keyval_free(g_steal_pointer(&c));
    c = parse_ok("help", "type", NULL);
    g_assert_cmpstr(keyval_get(c, "type"), ==, "help");

    /* "help" as a value of a key is not a help request. */
    keyval_free(g_steal_pointer(&c));
    c = parse_ok("id=help", NULL, &help);
    g_assert_false(help);
    g_assert_cmpstr(keyval_get(c, "id"), ==, "help");
}

static void test_set_remove(void)
{
    g_autoptr(Keyval) kv = keyval_new();

    keyval_set(kv, "a", "1");
    keyval_set(kv, "b", "2");
    keyval_set(kv, "a", "3");           /* replaces, keeps position */
    g_assert_cmpuint(keyval_count(kv), ==, 2);
    g_assert_cmpstr(keyval_key(kv, 0), ==, "a");
    g_assert_cmpstr(keyval_value(kv, 0), ==, "3");
    g_assert_true(keyval_remove(kv, "a"));
    g_assert_false(keyval_remove(kv, "a"));
    g_assert_cmpstr(keyval_key(kv, 0), ==, "b");
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/keyval/plain", test_plain);
    g_test_add_func("/keyval/implied-key", test_implied_key);
    g_test_add_func("/keyval/escapes", test_escapes);
    g_test_add_func("/keyval/duplicates", test_duplicates);
    g_test_add_func("/keyval/empty", test_empty);
    g_test_add_func("/keyval/help", test_help);
    g_test_add_func("/keyval/set-remove", test_set_remove);
    return g_test_run();
}
