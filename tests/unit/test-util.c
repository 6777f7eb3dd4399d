/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Unit tests for util/: errors, size and number parsing, log items and
 * dfilter ranges, bit helpers.  Expected values are hand-derived.
 */
#include "util/error.h"
#include "util/log.h"
#include "util/cutils.h"
#include "util/bitops.h"

static bool fail_with(int n, Error **errp)
{
    error_setg(errp, "value %d is bad", n);
    return false;
}

static void test_error_basic(void)
{
    Error *err = NULL;

    g_assert_false(fail_with(3, &err));
    g_assert_nonnull(err);
    g_assert_cmpstr(error_get_pretty(err), ==, "value 3 is bad");
    error_prepend(&err, "device '%s': ", "uart0");
    g_assert_cmpstr(error_get_pretty(err), ==, "device 'uart0': value 3 is bad");
    g_assert_cmpstr(error_class_name(error_get_class(err)), ==, "GenericError");
    error_free(err);

    /* NULL errp: ignored, no crash. */
    g_assert_false(fail_with(4, NULL));
}

static void test_error_propagate(void)
{
    Error *first = NULL, *local = NULL;

    fail_with(1, &first);
    fail_with(2, &local);
    /* The first error wins; the second is freed. */
    error_propagate(&first, local);
    g_assert_cmpstr(error_get_pretty(first), ==, "value 1 is bad");
    error_free(first);

    local = NULL;
    fail_with(5, &local);
    error_propagate(NULL, local);   /* freed, no leak under ASan */

    {
        Error *e = NULL;

        error_setg_errno(&e, ENOENT, "open '%s'", "x");
        g_assert_cmpstr(error_get_pretty(e), ==, "open 'x': No such file or directory");
        error_set(&e, ERROR_CLASS_DEVICE_NOT_FOUND, "ignored, first wins");
        error_free(e);
        e = NULL;
        error_set(&e, ERROR_CLASS_COMMAND_NOT_FOUND, "no");
        g_assert_cmpstr(error_class_name(error_get_class(e)), ==, "CommandNotFound");
        error_free(e);
    }
}

static void test_parse_size(void)
{
    uint64_t v;
    Error *err = NULL;

    g_assert_true(parse_size("512M", &v, 1, "-m", &error_abort));
    g_assert_cmpuint(v, ==, 512ull << 20);
    g_assert_true(parse_size("4G", &v, 1, "-m", &error_abort));
    g_assert_cmpuint(v, ==, 4ull << 30);
    g_assert_true(parse_size("1.5G", &v, 1, "-m", &error_abort));
    g_assert_cmpuint(v, ==, 3ull << 29);
    g_assert_true(parse_size("2KiB", &v, 1, "x", &error_abort));
    g_assert_cmpuint(v, ==, 2048);
    g_assert_true(parse_size("128", &v, 1 << 20, "-m", &error_abort));
    g_assert_cmpuint(v, ==, 128ull << 20);
    g_assert_true(parse_size("0x1000", &v, 1, "x", &error_abort));
    g_assert_cmpuint(v, ==, 4096);

    g_assert_false(parse_size("12Q", &v, 1, "-m", &err));
    g_assert_nonnull(strstr(error_get_pretty(err), "-m: '12Q' is not a size"));
    error_free_or_abort(&err);
    g_assert_false(parse_size("-1", &v, 1, "-m", &err));
    error_free_or_abort(&err);
    g_assert_false(parse_size("99999999999E", &v, 1, "-m", &err));
    g_assert_nonnull(strstr(error_get_pretty(err), "too large"));
    error_free_or_abort(&err);
    g_assert_false(parse_size("", &v, 1, "-m", &err));
    error_free_or_abort(&err);
}

static void test_parse_numbers(void)
{
    uint64_t u;
    int64_t i;
    bool b;
    Error *err = NULL;

    g_assert_true(parse_uint64("0x10", &u, "n", &error_abort));
    g_assert_cmpuint(u, ==, 16);
    g_assert_true(parse_uint64("010", &u, "n", &error_abort));
    g_assert_cmpuint(u, ==, 8);
    g_assert_true(parse_uint64("0b101", &u, "n", &error_abort));
    g_assert_cmpuint(u, ==, 5);
    g_assert_true(parse_uint64("0", &u, "n", &error_abort));
    g_assert_cmpuint(u, ==, 0);
    g_assert_true(parse_uint64("18446744073709551615", &u, "n", &error_abort));
    g_assert_cmpuint(u, ==, UINT64_MAX);
    g_assert_false(parse_uint64("18446744073709551616", &u, "n", &err));
    error_free_or_abort(&err);
    g_assert_false(parse_uint64("12abc", &u, "n", &err));
    error_free_or_abort(&err);
    g_assert_true(parse_int64("-9223372036854775808", &i, "n", &error_abort));
    g_assert_cmpint(i, ==, INT64_MIN);
    g_assert_false(parse_int64("9223372036854775808", &i, "n", &err));
    error_free_or_abort(&err);
    g_assert_true(parse_bool("on", &b, "b", &error_abort) && b);
    g_assert_true(parse_bool("No", &b, "b", &error_abort) && !b);
    g_assert_false(parse_bool("maybe", &b, "b", &err));
    error_free_or_abort(&err);
}

static void test_log_items(void)
{
    uint32_t mask;
    bool help;
    Error *err = NULL;

    g_assert_true(log_parse_items("in_asm,int", &mask, &help, &error_abort));
    g_assert_cmpuint(mask, ==, LOG_IN_ASM | LOG_INT);
    g_assert_false(help);
    g_assert_true(log_parse_items("help", &mask, &help, &error_abort));
    g_assert_true(help);
    g_assert_false(log_parse_items("in_asm,bogus", &mask, &help, &err));
    g_assert_nonnull(strstr(error_get_pretty(err), "'bogus'"));
    g_assert_nonnull(strstr(error_get_pretty(err), "guest_errors"));
    error_free_or_abort(&err);

    g_assert_true(log_in_dfilter(0x1234));
    g_assert_true(log_parse_dfilter("0x1000..0x1fff,0x8000+0x10", &error_abort));
    g_assert_true(log_in_dfilter(0x1000));
    g_assert_true(log_in_dfilter(0x1fff));
    g_assert_false(log_in_dfilter(0x2000));
    g_assert_true(log_in_dfilter(0x800f));
    g_assert_false(log_in_dfilter(0x8010));
    g_assert_false(log_parse_dfilter("0x2000..0x1000", &err));
    error_free_or_abort(&err);
}

static void test_log_file(void)
{
    g_autofree char *dir = g_dir_make_tmp("hemu-log-XXXXXX", NULL);
    g_autofree char *path = g_build_filename(dir, "log.txt", NULL);
    g_autofree char *bad = g_build_filename(dir, "no", "such", "log", NULL);
    g_autofree char *text = NULL;
    Error *err = NULL;

    g_assert_true(log_set_file(path, &error_abort));
    log_set_mask(LOG_INT);
    log_mask(LOG_INT, "exception %d\n", 7);
    log_mask(LOG_MMU, "not logged\n");
    log_set_mask(0);
    g_assert_true(log_set_file(NULL, &error_abort));
    g_assert_true(g_file_get_contents(path, &text, NULL, NULL));
    g_assert_cmpstr(text, ==, "exception 7\n");
    g_assert_false(log_set_file(bad, &err));
    g_assert_nonnull(strstr(error_get_pretty(err), bad));
    error_free_or_abort(&err);
    unlink(path);
    rmdir(dir);
}

static void test_bitops(void)
{
    g_assert_cmpuint(extract32(0xabcd1234, 8, 8), ==, 0x12);
    g_assert_cmpint(sextract32(0x00000f00, 8, 4), ==, -1);
    g_assert_cmpint(sextract64(0x8000000000000000ull, 63, 1), ==, -1);
    g_assert_cmpuint(deposit32(0xffffffff, 4, 8, 0), ==, 0xfffff00f);
    g_assert_cmpuint(deposit64(0, 60, 4, 0xff), ==, 0xf000000000000000ull);
    g_assert_cmpint(clz32(0), ==, 32);
    g_assert_cmpint(clz64(1), ==, 63);
    g_assert_cmpint(ctz32(0x80), ==, 7);
    g_assert_cmpint(clo32(0xf0000000), ==, 4);
    g_assert_cmpint(ctpop64(0xff00ff00ff00ff00ull), ==, 32);
    g_assert_cmpuint(revbit32(1), ==, 0x80000000u);
    g_assert_cmpuint(revbit64(0x3), ==, 0xc000000000000000ull);
    g_assert_cmpuint(ror32(0x1, 1), ==, 0x80000000u);
    g_assert_cmpuint(rol64(0x8000000000000000ull, 1), ==, 1);
    g_assert_cmpuint(pow2ceil(5), ==, 8);
    g_assert_cmpuint(pow2floor(5), ==, 4);
    {
        uint64_t lo, hi;

        mulu64(&lo, &hi, UINT64_MAX, UINT64_MAX);
        /* (2^64-1)^2 = 2^128 - 2^65 + 1 */
        g_assert_cmpuint(hi, ==, 0xfffffffffffffffeull);
        g_assert_cmpuint(lo, ==, 1);
        muls64(&lo, &hi, -1, 1);
        g_assert_cmpuint(hi, ==, UINT64_MAX);
        g_assert_cmpuint(lo, ==, UINT64_MAX);
    }
    g_assert_cmpuint(ROUND_UP(5, 4), ==, 8);
    g_assert_cmpuint(MAKE_64BIT_MASK(4, 4), ==, 0xf0);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/util/error/basic", test_error_basic);
    g_test_add_func("/util/error/propagate", test_error_propagate);
    g_test_add_func("/util/cutils/size", test_parse_size);
    g_test_add_func("/util/cutils/numbers", test_parse_numbers);
    g_test_add_func("/util/log/items", test_log_items);
    g_test_add_func("/util/log/file", test_log_file);
    g_test_add_func("/util/bitops", test_bitops);
    return g_test_run();
}
