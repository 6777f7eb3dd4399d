/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * semihost-io.c: Arm semihosting operations other than the library's own
 * (WRITE0, EXIT_EXTENDED), called directly with HLT #0xF000.
 *
 * - console: WRITEC, WRITE0 and WRITE to an OPEN(":tt", "w") handle; the
 *   text is compared with semihost-io.out by the runner;
 * - a host file round trip in the emulator's working directory: OPEN
 *   ("w+b"), WRITE, FLEN, SEEK, READ (full, then short at end of file),
 *   CLOSE, REMOVE, then OPEN("r") failing with ERRNO = ENOENT;
 * - ":semihosting-features": magic "SHFB" and the EXIT_EXTENDED bit;
 * - ISERROR, CLOCK and ELAPSED non-decreasing / increasing, TICKFREQ,
 *   TIME after 2020, GET_CMDLINE returning its length.
 * Expected values come from the semihosting specification (release 2.0,
 * chapters 4 and 5) and from the data written, as commented.
 */
#include "testlib.h"

enum {
    SYS_OPEN = 0x01, SYS_CLOSE = 0x02, SYS_WRITEC = 0x03,
    SYS_WRITE0 = 0x04, SYS_WRITE = 0x05, SYS_READ = 0x06,
    SYS_ISERROR = 0x08, SYS_SEEK = 0x0a, SYS_FLEN = 0x0c,
    SYS_REMOVE = 0x0e, SYS_CLOCK = 0x10, SYS_TIME = 0x11,
    SYS_ERRNO = 0x13, SYS_GET_CMDLINE = 0x15, SYS_ELAPSED = 0x30,
    SYS_TICKFREQ = 0x31,
};

/* OPEN modes (spec 5.x SYS_OPEN): index of the fopen mode string */
#define MODE_R   0
#define MODE_W   4
#define MODE_WPB 7      /* "w+b" */

/* ENOENT on the Linux hosts both emulators run on */
#define HOST_ENOENT 2

static int64_t semihost(uint64_t op, uint64_t arg)
{
    register uint64_t x0 __asm__("x0") = op;
    register uint64_t x1 __asm__("x1") = arg;

    __asm__ volatile("hlt #0xf000" : "+r"(x0) : "r"(x1) : "memory");
    return (int64_t)x0;
}

static int64_t sh_open(const char *name, uint64_t mode)
{
    uint64_t blk[3] = { (uint64_t)name, mode, strlen(name) };

    return semihost(SYS_OPEN, (uint64_t)blk);
}

static int64_t sh_rw(uint64_t op, int64_t h, void *buf, uint64_t len)
{
    uint64_t blk[3] = { (uint64_t)h, (uint64_t)buf, len };

    return semihost(op, (uint64_t)blk);
}

static int64_t sh_one(uint64_t op, uint64_t a)
{
    uint64_t blk[1] = { a };

    return semihost(op, (uint64_t)blk);
}

static int64_t sh_two(uint64_t op, uint64_t a, uint64_t b)
{
    uint64_t blk[2] = { a, b };

    return semihost(op, (uint64_t)blk);
}

static void test_console(void)
{
    static const char tt_text[] = "written to :tt\n";
    char c = 'A';
    char nl = '\n';
    int64_t h;

    semihost(SYS_WRITEC, (uint64_t)&c);
    semihost(SYS_WRITEC, (uint64_t)&nl);
    semihost(SYS_WRITE0, (uint64_t)"write0 line\n");
    h = sh_open(":tt", MODE_W);
    tl_check(h > 0, "open :tt");
    /* WRITE returns the number of bytes NOT written: 0 */
    tl_check_eq(sh_rw(SYS_WRITE, h, (void *)tt_text, sizeof(tt_text) - 1),
                0, "write :tt");
    tl_check_eq(sh_one(SYS_CLOSE, h), 0, "close :tt");
}

static void test_file(void)
{
    static const char name[] = "semihost-io.tmp";
    static const char alpha[] = "abcdefghijklmnopqrstuvwxyz";
    char buf[32];
    int64_t h;

    h = sh_open(name, MODE_WPB);
    tl_check(h > 0, "open w+b");
    tl_check_eq(sh_rw(SYS_WRITE, h, (void *)alpha, 26), 0, "write 26");
    tl_check_eq(sh_one(SYS_FLEN, h), 26, "flen 26");
    tl_check_eq(sh_two(SYS_SEEK, h, 10), 0, "seek 10");
    /* 5 bytes from offset 10: "klmno"; all read, so 0 not read */
    memset(buf, 0, sizeof(buf));
    tl_check_eq(sh_rw(SYS_READ, h, buf, 5), 0, "read 5");
    tl_check(!memcmp(buf, "klmno", 5), "read 5 data");
    /* from offset 15 only 11 bytes remain: 20 - 11 = 9 not read */
    memset(buf, 0, sizeof(buf));
    tl_check_eq(sh_rw(SYS_READ, h, buf, 20), 9, "short read");
    tl_check(!memcmp(buf, "pqrstuvwxyz", 11), "short read data");
    /* at end of file nothing is read: the result is the length */
    tl_check_eq(sh_rw(SYS_READ, h, buf, 4), 4, "read at eof");
    tl_check_eq(sh_one(SYS_CLOSE, h), 0, "close");
    tl_check(sh_one(SYS_CLOSE, h) == -1, "close twice fails");
    tl_check_eq(sh_two(SYS_REMOVE, (uint64_t)name, strlen(name)), 0,
                "remove");
    tl_check(sh_open(name, MODE_R) == -1, "open removed file fails");
    tl_check_eq(semihost(SYS_ERRNO, 0), HOST_ENOENT, "errno ENOENT");
}

static void test_features(void)
{
    unsigned char buf[5];
    int64_t h = sh_open(":semihosting-features", MODE_R);

    tl_check(h > 0, "open features");
    if (h <= 0) {
        return;
    }
    tl_check_eq(sh_one(SYS_FLEN, h), 5, "features length");
    tl_check_eq(sh_rw(SYS_READ, h, buf, 5), 0, "read features");
    tl_check(!memcmp(buf, "SHFB", 4), "features magic");
    /* byte 0 bit 0: SH_EXT_EXIT_EXTENDED (the library exits with it) */
    tl_check(buf[4] & 1, "feature EXIT_EXTENDED");
    sh_one(SYS_CLOSE, h);
}

static void test_time(void)
{
    volatile uint64_t spin = 0;
    uint64_t e1, e2;
    int64_t c1, c2;
    char cmd[256];
    uint64_t blk[2] = { (uint64_t)cmd, sizeof(cmd) };

    tl_check(sh_one(SYS_ISERROR, (uint64_t)-1) != 0, "iserror -1");
    tl_check_eq(sh_one(SYS_ISERROR, 0), 0, "iserror 0");
    c1 = semihost(SYS_CLOCK, 0);
    tl_check(semihost(SYS_ELAPSED, (uint64_t)&e1) == 0, "elapsed");
    for (unsigned i = 0; i < 100000; i++) {
        spin += i;
    }
    tl_check(semihost(SYS_ELAPSED, (uint64_t)&e2) == 0, "elapsed again");
    c2 = semihost(SYS_CLOCK, 0);
    tl_check(c1 >= 0 && c2 >= c1, "clock non-decreasing");
    tl_check(e2 > e1, "elapsed increasing");
    tl_check(semihost(SYS_TICKFREQ, 0) > 0, "tickfreq");
    /* 2020-01-01T00:00:00Z = 1577836800 s since the epoch */
    tl_check(semihost(SYS_TIME, 0) > 1577836800, "time after 2020");
    tl_check_eq(semihost(SYS_GET_CMDLINE, (uint64_t)blk), 0, "cmdline");
    /* the length field is updated to the string's length */
    tl_check_eq(blk[1], strlen(cmd), "cmdline length");
}

int main(void)
{
    test_console();
    test_file();
    test_features();
    test_time();
    return tl_done();
}
