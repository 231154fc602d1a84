/*
 * case_harness.h: how the C case tables run their cases. Each case prints
 * one line, "ok" or "FAIL", what was called and what it returned against
 * the exact code it must return; a table ends with the line
 * "N passed, M failed" and exits with status 1 if any case failed.
 *
 *   CASE(call, want)  the call returns exactly want (a count, or -errno)
 *   CHECK(cond)       a condition that must hold
 *   expect_text(what, got, want)   a returned string
 *   MUST(call)        a setup step: on failure the table stops with status 2
 *   known_gap(...)    skips a part that cannot pass where it runs, saying why
 *   open_fds()        descriptors open, to show a part leaked none
 *   return summary(); the last line of main
 *
 * Which Rust test runs which table: tests/<table>.rs runs tests/c/<table>.c.
 * tests/sanitizers.rs and tests/valgrind.rs run every table again under
 * ASan+UBSan and memcheck.
 */
#ifndef SOCKCORE_CASE_HARNESS_H
#define SOCKCORE_CASE_HARNESS_H

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sockcore.h"

/* memcheck runs the tables too (tests/valgrind.rs). Where a case hands
 * the kernel a bad pointer on purpose, or where memcheck changes what the
 * kernel would do, a table asks valgrind's client requests, which do
 * nothing without valgrind (or without its header). */
#if defined(__has_include)
#if __has_include(<valgrind/valgrind.h>)
#include <valgrind/valgrind.h>
#endif
#endif
#ifndef RUNNING_ON_VALGRIND
#define RUNNING_ON_VALGRIND 0
#endif
#ifndef VALGRIND_DISABLE_ERROR_REPORTING
#define VALGRIND_DISABLE_ERROR_REPORTING
#define VALGRIND_ENABLE_ERROR_REPORTING
#endif

static int passed, failed;

/* Records one case: what it returned against what it must return. */
static inline void expect(const char *what, long got, long want)
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

/* Records one case about text: a function's string against the expected. */
static inline void expect_text(const char *what, const char *got, const char *want)
{
    expect(what, got != NULL && strcmp(got, want) == 0 ? 0 : -1, 0);
}

/* A case that hands the kernel a bad pointer on purpose, for the kernel to
 * refuse: memcheck checks system call arguments and would report it as a
 * finding, so it looks away for that one call. */
#define KERNEL_FAULT_CASE(call, want)                                                              \
    do {                                                                                           \
        VALGRIND_DISABLE_ERROR_REPORTING;                                                          \
        CASE(call, want);                                                                          \
        VALGRIND_ENABLE_ERROR_REPORTING;                                                           \
    } while (0)

/* A setup step that must succeed, or the table stops: later cases need it. */
static inline long must(const char *what, long ret)
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
static inline int open_fds(void)
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
 * SOCKCORE_QEMU under qemu-user, and SOCKCORE_MUSL64 on 64-bit musl. */
static inline int known_gap(const char *gap, const char *part, const char *reason)
{
    const char *set = getenv(gap);

    if (set == NULL || strcmp(set, "1") != 0)
        return 0;
    printf("skip  %s (%s): %s\n", part, gap, reason);
    return 1;
}

/* Prints the summary line and gives the exit status. */
static inline int summary(void)
{
    printf("%d passed, %d failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}

#endif /* SOCKCORE_CASE_HARNESS_H */
