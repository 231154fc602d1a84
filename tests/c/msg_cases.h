/*
 * msg_cases.h: what the msg_*.c case tables share. Each case prints one
 * line ("ok" or "FAIL", what was called, what it returned); the table
 * ends with "N passed, M failed" and exits with status 1 if any failed.
 * tests/msg_edges.rs builds each table against both libraries and runs it.
 */
#ifndef SOCKCORE_MSG_CASES_H
#define SOCKCORE_MSG_CASES_H

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sockcore.h"

static int passed, failed;

/* Records one case: what it returned against what it must return. */
static void expect(const char *what, long got, long want)
{
    if (got == want) {
        passed++;
        /* -1 is also a descriptor slot's "none": only name real codes. */
        if (got < -1)
            printf("ok    %-66s = %ld (%s)\n", what, got, sc_errname((int)got));
        else
            printf("ok    %-66s = %ld\n", what, got);
    } else {
        failed++;
        printf("FAIL  %-66s = %ld (%s), want %ld (%s)\n", what, got, sc_errname((int)got), want,
               sc_errname((int)want));
    }
}

#define CASE(call, want) expect(#call, (long)(call), (long)(want))

/* Records a condition that must hold. */
#define CHECK(cond) expect(#cond, (long)!!(cond), 1L)

/* A setup step that must succeed, or the table stops: later cases need it. */
static long must(const char *what, long ret)
{
    if (ret < 0) {
        printf("setup: %s failed: %s (%s)\n", what, sc_strerror((int)ret), sc_errname((int)ret));
        exit(2);
    }
    return ret;
}

#define MUST(call) must(#call, (long)(call))

/* How many descriptors this process has open: the entries of /proc/self/fd
 * (the directory's own descriptor counts once, every time alike). */
static int open_fds(void)
{
    DIR *dir = opendir("/proc/self/fd");
    struct dirent *entry;
    int count = 0;

    if (dir == NULL) {
        printf("setup: cannot open /proc/self/fd\n");
        exit(2);
    }
    while ((entry = readdir(dir)) != NULL)
        if (entry->d_name[0] != '.')
            count++;
    closedir(dir);
    return count;
}

/* Whether to skip cases that cannot pass where the table runs: only when
 * the environment variable gap is 1, and saying why. .ci/cross sets
 * SOCKCORE_QEMU under qemu-user, and SOCKCORE_MUSL64 on 64-bit musl.
 * Inline: not every table has such cases. */
static inline int known_gap(const char *gap, const char *part, const char *reason)
{
    const char *set = getenv(gap);

    if (set == NULL || strcmp(set, "1") != 0)
        return 0;
    printf("skip  %s (%s): %s\n", part, gap, reason);
    return 1;
}

/* Prints the summary line and gives the exit status. */
static int summary(void)
{
    printf("%d passed, %d failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}

#endif /* SOCKCORE_MSG_CASES_H */
