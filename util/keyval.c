/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The "key=value,..." option parser (include/util/keyval.h).
 *
 * The parser walks the string once: each element is scanned as a key up to
 * '=' (or ',' / end, which makes it a bare word: help, or the implied
 * key's value), then a value up to a single ',' with ",," unescaped.
 * Pairs live in a GPtrArray in input order; lists are short, so lookups
 * are linear.
 */
#include "util/keyval.h"

typedef struct KeyvalPair {
    char *key;
    char *value;
} KeyvalPair;

struct Keyval {
    GPtrArray *pairs;           /* of KeyvalPair *, input order */
};

static void keyval_pair_free(gpointer p)
{
    KeyvalPair *pair = p;

    g_free(pair->key);
    g_free(pair->value);
    g_free(pair);
}

Keyval *keyval_new(void)
{
    Keyval *kv = g_new0(Keyval, 1);

    kv->pairs = g_ptr_array_new_with_free_func(keyval_pair_free);
    return kv;
}

void keyval_free(Keyval *kv)
{
    if (kv) {
        g_ptr_array_unref(kv->pairs);
        g_free(kv);
    }
}

size_t keyval_count(const Keyval *kv)
{
    return kv->pairs->len;
}

static KeyvalPair *keyval_pair(const Keyval *kv, size_t i)
{
    assert(i < kv->pairs->len);
    return g_ptr_array_index(kv->pairs, i);
}

const char *keyval_key(const Keyval *kv, size_t i)
{
    return keyval_pair(kv, i)->key;
}

const char *keyval_value(const Keyval *kv, size_t i)
{
    return keyval_pair(kv, i)->value;
}

static int keyval_find(const Keyval *kv, const char *key)
{
    for (guint i = 0; i < kv->pairs->len; i++) {
        if (!strcmp(keyval_pair(kv, i)->key, key)) {
            return i;
        }
    }
    return -1;
}

const char *keyval_get(const Keyval *kv, const char *key)
{
    int i = keyval_find(kv, key);

    return i < 0 ? NULL : keyval_pair(kv, i)->value;
}

void keyval_set(Keyval *kv, const char *key, const char *value)
{
    int i = keyval_find(kv, key);
    KeyvalPair *pair;

    if (i >= 0) {
        pair = keyval_pair(kv, i);
        g_free(pair->value);
        pair->value = g_strdup(value);
        return;
    }
    pair = g_new0(KeyvalPair, 1);
    pair->key = g_strdup(key);
    pair->value = g_strdup(value);
    g_ptr_array_add(kv->pairs, pair);
}

bool keyval_remove(Keyval *kv, const char *key)
{
    int i = keyval_find(kv, key);

    if (i < 0) {
        return false;
    }
    g_ptr_array_remove_index(kv->pairs, i);
    return true;
}

static bool keyval_key_char(char c)
{
    return g_ascii_isalnum(c) || c == '-' || c == '_' || c == '.';
}

/*
 * Scan a value starting at *s up to a single ',' or the end; ",," becomes
 * ','.  Leaves *s after the terminating ',' (or at the end).
 */
static char *keyval_scan_value(const char **s)
{
    GString *val = g_string_new(NULL);
    const char *p = *s;

    while (*p) {
        if (*p == ',') {
            if (p[1] != ',') {
                p++;
                break;
            }
            p++;
        }
        g_string_append_c(val, *p);
        p++;
    }
    *s = p;
    return g_string_free(val, FALSE);
}

/* Add a pair, refusing a duplicate key. */
static bool keyval_add_new(Keyval *kv, const char *key, const char *value,
                           const char *what, Error **errp)
{
    if (keyval_find(kv, key) >= 0) {
        error_setg(errp, "%s: parameter '%s' is given more than once "
                   "(each parameter may appear once)", what, key);
        return false;
    }
    keyval_set(kv, key, value);
    return true;
}

/* Parse one element at *s; false with *errp set on error. */
static bool keyval_parse_one(Keyval *kv, const char **s, bool first,
                             const char *implied_key, const char *what,
                             bool *help, Error **errp)
{
    const char *p = *s;
    const char *k = p;
    g_autofree char *key = NULL;
    g_autofree char *value = NULL;

    while (keyval_key_char(*p)) {
        p++;
    }
    if (*p == '=') {
        if (p == k) {
            error_setg(errp, "%s: missing parameter name before '=' in '%s' "
                       "(expected key=value)", what, *s);
            return false;
        }
        key = g_strndup(k, p - k);
        p++;
        value = keyval_scan_value(&p);
        *s = p;
        return keyval_add_new(kv, key, value, what, errp);
    }

    /* A bare word: help, or the implied key's value. */
    p = k;
    value = keyval_scan_value(&p);
    if (help && (!strcmp(value, "help") || !strcmp(value, "?"))) {
        *help = true;
        *s = p;
        return true;
    }
    if (first && implied_key) {
        *s = p;
        return keyval_add_new(kv, implied_key, value, what, errp);
    }
    if (!*value) {
        error_setg(errp, "%s: empty parameter in '%s' (expected key=value; "
                   "write ',,' for a literal comma)", what, *s);
    } else {
        error_setg(errp, "%s: parameter '%s' has no value (expected "
                   "key=value%s)", what, value,
                   help ? ", or help" : "");
    }
    return false;
}

Keyval *keyval_parse(const char *str, const char *implied_key,
                     const char *what, bool *help, Error **errp)
{
    g_autoptr(Keyval) kv = keyval_new();
    const char *s = str;
    bool first = true;

    if (help) {
        *help = false;
    }
    while (*s) {
        if (!keyval_parse_one(kv, &s, first, implied_key, what, help,
                              errp)) {
            return NULL;
        }
        first = false;
    }
    return g_steal_pointer(&kv);
}
