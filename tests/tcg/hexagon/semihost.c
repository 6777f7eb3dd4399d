/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * semihost.c: the Hexagon semihosting calls of `trap0(#0)` ("angel"
 * numbering; /work/shared/reference/hexagon-system.md 1.12; the Arm
 * semihosting specification for each call's block and result).
 *
 * meson.build runs it with `-M V66G_1024,semihosting-root=DIR` (DIR =
 * this test's folder in the build tree, holding semihost-data.txt, a
 * copy of semihost-data.in) and `-append "alpha beta"`; the output is
 * compared with semihost.out.
 *
 *  - WRITEC, WRITE0, WRITE to fd 1 and to OPEN(":tt", "w"): semihost.out;
 *  - OPEN "w" / WRITE / CLOSE a new file, OPEN "r" / FLEN / READ / SEEK /
 *    READ again, partial READ at the end (result = bytes NOT read), READ
 *    at EOF, CLOSE; reading the prepared file with known contents;
 *  - errors: OPEN of a missing file (-1, ERRNO and r1 = ENOENT 2),
 *    OPEN of "../x" outside the root (-1), CLOSE of a bad handle;
 *  - CLOCK (centiseconds since the program started: small and
 *    non-decreasing), TIME (seconds since 1970: after 2023-11-14 =
 *    1700000000), GET_CMDLINE ("alpha beta", length 10 in word 1; -1 when
 *    the buffer is too small), HEAPINFO (four words written);
 *  - EXIT (0x18) takes the exit code from r2, not from a block in r1:
 *    main ends with EXIT r2 = 0 while r1 points to {0x20026, 0x33}; an
 *    exit code other than 0, or any output after PASS, fails the test.
 */
#include "testlib.h"

#define SYS_OPEN        0x01
#define SYS_CLOSE       0x02
#define SYS_WRITEC      0x03
#define SYS_WRITE0      0x04
#define SYS_WRITE       0x05
#define SYS_READ        0x06
#define SYS_SEEK        0x0a
#define SYS_FLEN        0x0c
#define SYS_CLOCK       0x10
#define SYS_TIME        0x11
#define SYS_ERRNO       0x13
#define SYS_GET_CMDLINE 0x15
#define SYS_HEAPINFO    0x16
#define SYS_EXIT        0x18

#define MODE_R  0       /* fopen "r" */
#define MODE_W  4       /* fopen "w" */
#define HOST_ENOENT 2   /* Linux */

static uint32_t sh_open(const char *name, uint32_t mode)
{
    uint32_t blk[3] = { (uint32_t)(uintptr_t)name, mode, strlen(name) };

    return tl_semihost(SYS_OPEN, blk, NULL);
}

static uint32_t sh_rw(uint32_t op, uint32_t fd, void *buf, uint32_t len)
{
    uint32_t blk[3] = { fd, (uint32_t)(uintptr_t)buf, len };

    return tl_semihost(op, blk, NULL);
}

static uint32_t sh_fd_op(uint32_t op, uint32_t fd)
{
    uint32_t blk[1] = { fd };

    return tl_semihost(op, blk, NULL);
}

static void test_console(void)
{
    static const char msg[] = "WRITE to fd 1\n";
    static const char tt[] = "WRITE to :tt\n";
    char c = '!';
    uint32_t fd;

    tl_semihost(SYS_WRITEC, &c, NULL);
    tl_semihost(SYS_WRITEC, "\n", NULL);
    tl_semihost(SYS_WRITE0, "WRITE0 line\n", NULL);
    tl_check_eq(sh_rw(SYS_WRITE, 1, (void *)msg, sizeof(msg) - 1), 0,
                "WRITE fd 1: 0 bytes left");
    fd = sh_open(":tt", MODE_W);
    tl_check(fd != UINT32_MAX, "OPEN :tt for writing");
    tl_check_eq(sh_rw(SYS_WRITE, fd, (void *)tt, sizeof(tt) - 1), 0,
                "WRITE :tt: 0 bytes left");
}

static void test_files(void)
{
    static const char text[] = "0123456789abcdefghij";   /* 20 bytes */
    char buf[32];
    uint32_t fd, err;

    fd = sh_open("semihost-tmp.txt", MODE_W);
    tl_check(fd != UINT32_MAX && fd >= 3, "OPEN w: a new handle");
    tl_check_eq(sh_rw(SYS_WRITE, fd, (void *)text, 20), 0, "WRITE 20");
    tl_check_eq(sh_fd_op(SYS_CLOSE, fd), 0, "CLOSE");

    fd = sh_open("semihost-tmp.txt", MODE_R);
    tl_check(fd != UINT32_MAX, "OPEN r");
    tl_check_eq(sh_fd_op(SYS_FLEN, fd), 20, "FLEN = 20");
    memset(buf, 0, sizeof(buf));
    tl_check_eq(sh_rw(SYS_READ, fd, buf, 4), 0, "READ 4: 0 left");
    tl_check(!memcmp(buf, "0123", 4), "READ 4: the first bytes");
    {
        uint32_t blk[2] = { fd, 15 };

        tl_check_eq(tl_semihost(SYS_SEEK, blk, NULL), 0, "SEEK 15: 0");
    }
    /* 5 bytes remain after offset 15: asked 8, 3 not read */
    memset(buf, 0, sizeof(buf));
    tl_check_eq(sh_rw(SYS_READ, fd, buf, 8), 3, "READ 8 at 15: 3 left");
    tl_check(!memcmp(buf, "fghij", 5), "READ at 15: fghij");
    tl_check_eq(sh_rw(SYS_READ, fd, buf, 8), 8, "READ at EOF: 8 left");
    tl_check_eq(sh_fd_op(SYS_CLOSE, fd), 0, "CLOSE r");

    /* the prepared file: semihost-data.in, "semihosting input\n" (18) */
    fd = sh_open("semihost-data.txt", MODE_R);
    tl_check(fd != UINT32_MAX, "OPEN prepared file");
    tl_check_eq(sh_fd_op(SYS_FLEN, fd), 18, "prepared file: FLEN 18");
    memset(buf, 0, sizeof(buf));
    tl_check_eq(sh_rw(SYS_READ, fd, buf, 18), 0, "prepared file: READ");
    tl_check(!strcmp(buf, "semihosting input\n"), "prepared file: text");
    sh_fd_op(SYS_CLOSE, fd);

    /* errors */
    {
        uint32_t blk[3] = { (uint32_t)(uintptr_t)"no-such-file", MODE_R, 12 };

        tl_check_eq(tl_semihost(SYS_OPEN, blk, &err), UINT32_MAX,
                    "OPEN missing file: -1");
        tl_check_eq(err, HOST_ENOENT, "OPEN missing file: r1 = ENOENT");
        tl_check_eq(tl_semihost(SYS_ERRNO, NULL, NULL), HOST_ENOENT,
                    "ERRNO = ENOENT");
    }
    tl_check_eq(sh_open("../semihost-escape", MODE_W), UINT32_MAX,
                "OPEN outside the root refused");
    tl_check_eq(sh_fd_op(SYS_CLOSE, 77), UINT32_MAX, "CLOSE bad handle");
}

static void test_time_cmdline(void)
{
    char buf[64];
    uint32_t blk[2], c0, c1, t, heap[4];
    uint32_t *hp = heap;
    volatile uint32_t spin = 0;

    c0 = tl_semihost(SYS_CLOCK, NULL, NULL);
    for (unsigned i = 0; i < 100000; i++) {
        spin += i;
    }
    c1 = tl_semihost(SYS_CLOCK, NULL, NULL);
    /* the program is seconds old at most: < 60 s = 6000 centiseconds */
    tl_check(c0 < 6000, "CLOCK counts from the start of the program");
    tl_check(c1 >= c0, "CLOCK does not go backwards");
    t = tl_semihost(SYS_TIME, NULL, NULL);
    tl_check(t > 1700000000u && t != UINT32_MAX, "TIME after 2023-11-14");

    memset(buf, 0x55, sizeof(buf));
    blk[0] = (uint32_t)(uintptr_t)buf;
    blk[1] = sizeof(buf);
    tl_check_eq(tl_semihost(SYS_GET_CMDLINE, blk, NULL), 0, "GET_CMDLINE");
    tl_check(!strcmp(buf, "alpha beta"), "GET_CMDLINE = -append text");
    tl_check_eq(blk[1], 10, "GET_CMDLINE length");
    blk[0] = (uint32_t)(uintptr_t)buf;
    blk[1] = 4;
    tl_check_eq(tl_semihost(SYS_GET_CMDLINE, blk, NULL), UINT32_MAX,
                "GET_CMDLINE: buffer too small");

    memset(heap, 0xff, sizeof(heap));
    tl_semihost(SYS_HEAPINFO, &hp, NULL);
    tl_check(heap[0] != 0xffffffffu && heap[3] != 0xffffffffu,
             "HEAPINFO fills the block");
}

int main(void)
{
    static const uint32_t arm_exit_blk[2] = { 0x20026, 0x33 };
    uint32_t code;

    test_console();
    test_files();
    test_time_cmdline();
    code = tl_done();
    {
        register uint32_t r0 __asm__("r0") = SYS_EXIT;
        register uint32_t r1 __asm__("r1") =
            (uint32_t)(uintptr_t)arm_exit_blk;
        register uint32_t r2 __asm__("r2") = code;

        __asm__ volatile("trap0(#0)" : "+r"(r0), "+r"(r1) : "r"(r2)
                         : "memory");
    }
    tl_puts("not reached: EXIT returned\n");
    return 1;
}
