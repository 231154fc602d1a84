/*
 * faults.c: the fault table through the C ABI. tests/faults.rs builds it
 * against libsockcore.a and runs it; tests/sanitizers.rs and
 * tests/valgrind.rs run it again under ASan+UBSan and memcheck.
 *
 * Each case is a function that returns whether it held (case_harness.h
 * counts it); it prints "ok" or "FAIL", its name and its figures. The run
 * ends with "faults: N cases tried, M held" and "M passed, F failed", and
 * exits with 1 if any case failed. An argument runs only the cases whose
 * names contain it.
 *
 * The table: EINTR storms (a 1 ms ITIMER_REAL, whose SIGALRM handler is
 * installed without SA_RESTART) on sc_accept, sc_read, sc_write,
 * sc_connect, sc_dial and sc_connect_timeout, and a checksummed transfer
 * both ways through sc_write_all and sc_read_exact with both processes in
 * a storm; partial writes with a tiny SO_SNDBUF; a peer that resets
 * mid-stream (SO_LINGER 0); half-close; refused connections; connect
 * time-outs against a full backlog; 1,000 failures of each kind with
 * /proc/self/fd counted around them (descriptor passing that cannot deliver
 * them all included); and close-on-exec of everything the library creates
 * or receives, checked by exec'ing this program in its --open-fds mode.
 *
 * The storms use a process-wide timer, so every process here has one
 * thread: the one in the call the signals must interrupt. Two-sided cases
 * fork, and the processes meet through a shared anonymous mapping. Like
 * every C program, this one runs with SIGPIPE at its default action, so a
 * send without MSG_NOSIGNAL would kill it.
 */
#define _GNU_SOURCE

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "case_harness.h"

#define MIB (1024 * 1024)
/* Bytes each checksummed transfer moves in each direction. */
#define TRANSFER (4 * MIB)
/* What one write call offers in the partial-write cases. */
#define PIECE (256 * 1024)
/* Failures of each kind around which descriptors are counted. */
#define FAILURES 1000
/* Signals a blocked call must absorb before its peer lets it finish. */
#define HITS_BEFORE_RELEASE 20
/* Longest wait for anything, so a broken case fails instead of hanging. */
#define STALL_MS 10000
/* Connections a full backlog may hold before the filling gives up. */
#define MAX_QUEUED 16

#define E(ret) sc_errname((int)(ret))

/* What the two processes of a case share: mapped before they fork. */
struct shared {
    volatile sig_atomic_t hits[2]; /* signals handled: [0] parent, [1] child */
    volatile sig_atomic_t writing; /* the parent has entered its write */
    volatile sig_atomic_t reading; /* the parent has entered its read */
    uint64_t seed;                 /* the pattern of the child's stream */
    uint64_t checksum;             /* of what the child checked or sent */
    long calls, short_calls;       /* the child's reads and short reads */
    long first_error, second_error;
    char why[256]; /* what went wrong in the child */
};

static struct shared *shared;
/* This process's signal counter in *shared. */
static volatile sig_atomic_t *storm_hits;
/* The figures of the case that ran last, or why it failed. */
static char detail[512];
/* This program, for the close-on-exec case to exec. */
static const char *self;
static unsigned char out_buf[TRANSFER], in_buf[TRANSFER];

/* ---- reporting ---- */

static int fail_at(int line, const char *fmt, ...)
{
    va_list ap;
    int n = snprintf(detail, sizeof detail, "line %d: ", line);

    va_start(ap, fmt);
    vsnprintf(detail + n, sizeof detail - (size_t)n, fmt, ap);
    va_end(ap);
    return 0;
}

/* Fails the case with a message unless cond holds. */
#define REQUIRE(cond, ...)                                                                         \
    do {                                                                                           \
        if (!(cond))                                                                               \
            return fail_at(__LINE__, __VA_ARGS__);                                                 \
    } while (0)

/* What a case returns when it cannot mean anything where it runs. */
#define NOT_HERE (-1)

static int held(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(detail, sizeof detail, fmt, ap);
    va_end(ap);
    return 1;
}

/* Records why the child failed, for the parent to print; returns code. */
static int child_fail(int code, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(shared->why, sizeof shared->why, fmt, ap);
    va_end(ap);
    return code;
}

static long now_ms(void)
{
    struct timespec t;

    clock_gettime(CLOCK_MONOTONIC, &t);
    return (long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* ---- a reproducible byte stream with an FNV-1a checksum ---- */

struct pattern {
    uint64_t state, checksum, position;
};

static void pattern_init(struct pattern *p, uint64_t seed)
{
    p->state = (seed * 0x9e3779b97f4a7c15ULL) | 1; /* xorshift never leaves 0 */
    p->checksum = 0xcbf29ce484222325ULL;
    p->position = 0;
}

static unsigned char pattern_next(struct pattern *p)
{
    unsigned char byte;

    p->state ^= p->state << 13;
    p->state ^= p->state >> 7;
    p->state ^= p->state << 17;
    byte = (unsigned char)(p->state >> 32);
    p->checksum = (p->checksum ^ byte) * 0x100000001b3ULL;
    p->position++;
    return byte;
}

static void pattern_fill(struct pattern *p, unsigned char *buf, size_t len)
{
    size_t i;

    for (i = 0; i < len; i++)
        buf[i] = pattern_next(p);
}

/* 0 if buf holds the next len bytes, else -1. */
static int pattern_check(struct pattern *p, const unsigned char *buf, size_t len)
{
    size_t i;

    for (i = 0; i < len; i++)
        if (pattern_next(p) != buf[i])
            return -1;
    return 0;
}

/* Piece sizes from 1 to max, reproducible: a 64-bit LCG. */
static size_t random_size(uint64_t *state, size_t max)
{
    *state = *state * 6364136223846793005ULL + 1442695040888963407ULL;
    return 1 + (size_t)((*state >> 33) % max);
}

/* ---- the storm ---- */

static void on_alarm(int sig)
{
    (void)sig;
    if (storm_hits != NULL)
        ++*storm_hits;
}

/* A SIGALRM every millisecond until storm_stop. */
static void storm_start(void)
{
    struct itimerval tick = {{0, 1000}, {0, 1000}};

    setitimer(ITIMER_REAL, &tick, NULL);
}

/* Stops the timer and takes a signal still pending, so that no later call
 * is interrupted by a storm that has ended. */
static void storm_stop(void)
{
    struct itimerval off = {{0, 0}, {0, 0}};
    struct timespec zero = {0, 0};
    sigset_t alarm;

    setitimer(ITIMER_REAL, &off, NULL);
    sigemptyset(&alarm);
    sigaddset(&alarm, SIGALRM);
    sigprocmask(SIG_BLOCK, &alarm, NULL);
    while (sigtimedwait(&alarm, NULL, &zero) == SIGALRM)
        continue;
    sigprocmask(SIG_UNBLOCK, &alarm, NULL);
}

/* Waits until *counter reaches at_least: the other process, blocked in a
 * call, has been interrupted that often. Returns 0 or -ETIMEDOUT. */
static int wait_count(volatile sig_atomic_t *counter, long at_least)
{
    struct timespec ms = {0, 1000000};
    long start = now_ms();

    while (*counter < at_least) {
        if (now_ms() - start > STALL_MS)
            return -ETIMEDOUT;
        nanosleep(&ms, NULL);
    }
    return 0;
}

/* ---- sockets ---- */

/* Send and receive time-outs: a stalled blocking call fails with -EAGAIN
 * instead of hanging the run. */
static void stall_guard(int fd)
{
    sc_set_rcvtimeo(fd, STALL_MS);
    sc_set_sndtimeo(fd, STALL_MS);
}

/* The text of fd's local address. Returns 0 or -errno. */
static int local_text(int fd, char text[SC_ADDR_STRLEN])
{
    sc_addr addr;
    int ret = sc_local_addr(fd, &addr);

    if (ret < 0)
        return ret;
    ret = sc_addr_format(&addr, text, SC_ADDR_STRLEN);
    return ret < 0 ? ret : 0;
}

/* A connected stream pair: fds[0] connected, fds[1] was accepted (over
 * "unix", an sc_socketpair). sndbuf, when not 0, is set on fds[0] before it
 * connects. Returns 0 or -errno. */
static int stream_pair(const char *where, int sndbuf, int fds[2])
{
    sc_addr addr;
    int listener, fd, conn, ret;

    if (strcmp(where, "unix") == 0) {
        ret = sc_socketpair(AF_UNIX, SOCK_STREAM, 0, fds);
        if (ret == 0 && sndbuf != 0)
            ret = sc_set_sndbuf(fds[0], sndbuf);
        return ret;
    }
    listener = sc_listen_on(where, 1);
    if (listener < 0)
        return listener;
    ret = sc_local_addr(listener, &addr);
    fd = ret < 0 ? ret : sc_socket(sc_addr_family(&addr), SOCK_STREAM, 0);
    ret = fd;
    if (fd >= 0 && sndbuf != 0)
        ret = sc_set_sndbuf(fd, sndbuf);
    if (ret >= 0)
        ret = sc_connect(fd, &addr);
    conn = ret < 0 ? ret : sc_accept(listener, NULL, 0);
    sc_close(listener);
    if (conn < 0) {
        if (fd >= 0)
            sc_close(fd);
        return conn;
    }
    fds[0] = fd;
    fds[1] = conn;
    return 0;
}

/* A listener that accepts nothing, holding connections until one more
 * cannot get in: TCP connects then wait (the kernel drops the SYN), Unix
 * ones get -EAGAIN. */
struct full {
    int listener, queued[MAX_QUEUED], count;
    char text[SC_ADDR_STRLEN];
};

static void full_release(struct full *full)
{
    while (full->count > 0)
        sc_close(full->queued[--full->count]);
    sc_close(full->listener);
}

/* Returns 0 or -errno; on success release with full_release. */
static int full_backlog(const char *where, struct full *full)
{
    int ret;

    full->count = 0;
    full->listener = sc_listen_on(where, 0);
    if (full->listener < 0)
        return full->listener;
    ret = local_text(full->listener, full->text);
    while (ret == 0 && full->count < MAX_QUEUED) {
        int fd = sc_dial(full->text, 50);
        if (fd == -ETIMEDOUT || fd == -EAGAIN)
            return 0;
        if (fd < 0)
            ret = fd;
        else
            full->queued[full->count++] = fd;
    }
    full_release(full);
    return ret < 0 ? ret : -EOVERFLOW;
}

/* A socket bound to a free port that does not listen: connects to it are
 * refused. Its address goes to text. Returns the socket or -errno. */
static int refusing(const char *where, char text[SC_ADDR_STRLEN])
{
    sc_addr addr;
    int fd, ret = sc_addr_parse(&addr, where);

    if (ret < 0)
        return ret;
    fd = sc_socket(sc_addr_family(&addr), SOCK_STREAM, 0);
    if (fd < 0)
        return fd;
    ret = sc_bind(fd, &addr);
    if (ret == 0)
        ret = local_text(fd, text);
    if (ret < 0) {
        sc_close(fd);
        return ret;
    }
    return fd;
}

/* ---- child processes ---- */

/* Runs body(fd) in a child holding only stdio and fd (so that memcheck's
 * descriptor report on its exit lists nothing else). Returns its pid. */
static pid_t spawn(int (*body)(int), int fd)
{
    pid_t pid;

    fflush(stdout);
    pid = fork();
    if (pid != 0)
        return pid;
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (fd > 3)
        close_range(3, (unsigned)fd - 1, 0);
    close_range((unsigned)fd + 1, ~0U, 0);
    storm_hits = &shared->hits[1];
    _exit(body(fd));
}

/* The child's exit code, or 128 + the signal that ended it. */
static int reap(pid_t pid)
{
    int status;

    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR)
            return -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

/* "exit 0", or how the child ended and why. */
static const char *child_story(int status)
{
    static char story[320];

    if (status == 128 + SIGPIPE)
        return "killed by SIGPIPE";
    snprintf(story, sizeof story, "status %d: %s", status, shared->why);
    return story;
}

static void reset_shared(void)
{
    memset(shared, 0, sizeof *shared);
}

/* ---- descriptors ---- */

/* The descriptor the next open would get. */
static int lowest_free(void)
{
    int fd = fcntl(0, F_DUPFD_CLOEXEC, 0);

    if (fd >= 0)
        close(fd);
    return fd;
}

/* ===================== EINTR storms ===================== */

static int eintr_accept(void)
{
    char text[SC_ADDR_STRLEN];
    int listener, ret, client, conn;
    long hits;

    listener = sc_listen_on("127.0.0.1:0", 4);
    REQUIRE(listener >= 0, "sc_listen_on: %s", E(listener));
    shared->hits[0] = 0;
    storm_start();
    ret = sc_accept(listener, NULL, 0);
    storm_stop();
    hits = shared->hits[0];
    REQUIRE(ret == -EINTR, "sc_accept = %d (%s), want -EINTR", ret, E(ret));
    REQUIRE(local_text(listener, text) == 0, "sc_local_addr");
    client = sc_dial(text, 1000);
    conn = sc_accept(listener, NULL, 0);
    REQUIRE(client >= 0 && conn >= 0, "the next client: %s / %s", E(client), E(conn));
    sc_close(conn);
    sc_close(client);
    sc_close(listener);
    return held("-EINTR after %ld signals; the next client was accepted", hits);
}

static int eintr_read(void)
{
    char buf[16];
    int fds[2], ret;
    ssize_t n;
    long hits;

    ret = stream_pair("127.0.0.1:0", 0, fds);
    REQUIRE(ret == 0, "a TCP pair: %s", E(ret));
    shared->hits[0] = 0;
    storm_start();
    n = sc_read(fds[0], buf, sizeof buf);
    storm_stop();
    hits = shared->hits[0];
    REQUIRE(n == -EINTR, "sc_read = %zd (%s), want -EINTR", n, E(n));
    REQUIRE(sc_write_all(fds[1], "after", 5) == 5, "sc_write_all");
    n = sc_read(fds[0], buf, sizeof buf);
    REQUIRE(n == 5 && memcmp(buf, "after", 5) == 0, "the next read: %zd", n);
    sc_close(fds[0]);
    sc_close(fds[1]);
    return held("-EINTR after %ld signals; the next read got the next bytes", hits);
}

static int eintr_write(void)
{
    static unsigned char chunk[64 * 1024];
    long filled = 0, drained = 0, hits;
    int fds[2], ret, i;
    ssize_t n;

    ret = sc_socketpair(AF_UNIX, SOCK_STREAM, 0, fds);
    REQUIRE(ret == 0, "sc_socketpair: %s", E(ret));
    /* A Unix sender's buffer frees only when the peer reads, so the first
     * -EAGAIN means full for good. */
    sc_set_nonblocking(fds[0], 1);
    for (i = 0; i < 1000 && (n = sc_write(fds[0], chunk, sizeof chunk)) > 0; i++)
        filled += n;
    REQUIRE(n == -EAGAIN, "filling the buffer: %zd (%s)", n, E(n));
    sc_set_nonblocking(fds[0], 0);
    shared->hits[0] = 0;
    storm_start();
    n = sc_write(fds[0], chunk, sizeof chunk);
    storm_stop();
    hits = shared->hits[0];
    REQUIRE(n == -EINTR, "sc_write = %zd (%s), want -EINTR", n, E(n));
    sc_set_nonblocking(fds[1], 1);
    for (i = 0; i < 100000 && (n = sc_read(fds[1], chunk, sizeof chunk)) > 0; i++)
        drained += n;
    REQUIRE(n == -EAGAIN && drained == filled, "drained %ld of %ld bytes, then %s", drained,
            filled, E(n));
    sc_close(fds[0]);
    sc_close(fds[1]);
    return held("-EINTR after %ld signals into a full buffer; the peer found exactly the %ld "
                "bytes before it",
                hits, filled);
}

static int eintr_connect(void)
{
    struct full full;
    sc_addr addr;
    int fd, ret, queued;
    long hits;

    ret = full_backlog("127.0.0.1:0", &full);
    REQUIRE(ret == 0, "filling a backlog: %s", E(ret));
    sc_addr_parse(&addr, full.text);
    fd = sc_socket(AF_INET, SOCK_STREAM, 0);
    REQUIRE(fd >= 0, "sc_socket: %s", E(fd));
    shared->hits[0] = 0;
    storm_start();
    ret = sc_connect(fd, &addr);
    storm_stop();
    hits = shared->hits[0];
    queued = full.count;
    sc_close(fd);
    full_release(&full);
    REQUIRE(ret == -EINTR, "sc_connect = %d (%s), want -EINTR", ret, E(ret));
    return held("-EINTR after %ld signals, against a backlog holding %d", hits, queued);
}

/* sc_dial's wait retries EINTR against a fixed deadline: signals neither
 * end it early nor stretch it. */
static int eintr_dial(void)
{
    struct full full;
    long start, took, hits;
    int ret;

    ret = full_backlog("127.0.0.1:0", &full);
    REQUIRE(ret == 0, "filling a backlog: %s", E(ret));
    shared->hits[0] = 0;
    start = now_ms();
    storm_start();
    ret = sc_dial(full.text, 300);
    storm_stop();
    took = now_ms() - start;
    hits = shared->hits[0];
    full_release(&full);
    if (ret >= 0)
        sc_close(ret);
    REQUIRE(ret == -ETIMEDOUT, "sc_dial = %d (%s), want -ETIMEDOUT", ret, E(ret));
    REQUIRE(took >= 300 && took < 3000, "gave up after %ld ms, want 300", took);
    REQUIRE(hits >= 10, "only %ld signals landed", hits);
    return held("-ETIMEDOUT after %ld ms (asked 300) through %ld signals", took, hits);
}

/* sc_connect_timeout, on a socket the caller made, keeps its deadline
 * through signals as sc_dial does, and leaves the socket blocking. */
static int eintr_connect_timeout(void)
{
    struct full full;
    sc_addr addr;
    long start, took, hits;
    int fd, ret, flags;

    ret = full_backlog("127.0.0.1:0", &full);
    REQUIRE(ret == 0, "filling a backlog: %s", E(ret));
    sc_addr_parse(&addr, full.text);
    fd = sc_socket(AF_INET, SOCK_STREAM, 0);
    REQUIRE(fd >= 0, "sc_socket: %s", E(fd));
    shared->hits[0] = 0;
    start = now_ms();
    storm_start();
    ret = sc_connect_timeout(fd, &addr, 300);
    storm_stop();
    took = now_ms() - start;
    hits = shared->hits[0];
    flags = fcntl(fd, F_GETFL);
    sc_close(fd);
    full_release(&full);
    REQUIRE(ret == -ETIMEDOUT, "sc_connect_timeout = %d (%s), want -ETIMEDOUT", ret, E(ret));
    REQUIRE(took >= 300 && took < 3000, "gave up after %ld ms, want 300", took);
    REQUIRE(hits >= 10, "only %ld signals landed", hits);
    REQUIRE(flags >= 0 && !(flags & O_NONBLOCK), "the socket was left non-blocking");
    return held("-ETIMEDOUT after %ld ms (asked 300) through %ld signals, blocking again", took,
                hits);
}

/* Moves len bytes of buf over fd in pieces of random sizes up to 64 KiB,
 * one sc_write_all or sc_read_exact each. Returns len, less at end of
 * stream, or -errno. (One call for megabytes would hang memcheck: it checks
 * the whole buffer before each system call, longer than a tick, so a signal
 * would always land before the call could start.) */
static ssize_t in_pieces(int fd, unsigned char *buf, size_t len, int writing, uint64_t *sizes)
{
    size_t done = 0;
    ssize_t n;

    while (done < len) {
        size_t piece = random_size(sizes, 64 * 1024);
        if (piece > len - done)
            piece = len - done;
        n = writing ? sc_write_all(fd, buf + done, piece) : sc_read_exact(fd, buf + done, piece);
        if (n != (ssize_t)piece)
            return n < 0 ? n : (ssize_t)done + n;
        done += piece;
    }
    return (ssize_t)len;
}

/* The child of a transfer both ways: reads the parent's stream, then sends
 * its own, each only once the parent, blocked in its first call, has taken
 * HITS_BEFORE_RELEASE signals. */
static int both_ways_child(int fd)
{
    struct pattern in, out;
    uint64_t sizes = shared->seed;
    ssize_t n;
    long snap;

    pattern_init(&out, shared->seed + 1);
    pattern_fill(&out, out_buf, TRANSFER);
    storm_start();
    if (wait_count(&shared->writing, 1) < 0)
        return child_fail(10, "the parent never wrote");
    snap = shared->hits[0];
    if (wait_count(&shared->hits[0], snap + HITS_BEFORE_RELEASE) < 0)
        return child_fail(11, "the parent's storm never landed");
    n = in_pieces(fd, in_buf, TRANSFER, 0, &sizes);
    if (n != TRANSFER)
        return child_fail(12, "reading: %zd (%s)", n, E(n));
    pattern_init(&in, shared->seed);
    if (pattern_check(&in, in_buf, TRANSFER) < 0)
        return child_fail(13, "the parent's stream arrived wrong");
    shared->checksum = in.checksum;

    if (wait_count(&shared->reading, 1) < 0)
        return child_fail(14, "the parent never read");
    snap = shared->hits[0];
    if (wait_count(&shared->hits[0], snap + HITS_BEFORE_RELEASE) < 0)
        return child_fail(15, "the parent's storm never landed");
    n = in_pieces(fd, out_buf, TRANSFER, 1, &sizes);
    if (n != TRANSFER)
        return child_fail(16, "writing: %zd (%s)", n, E(n));
    storm_stop();
    sc_close(fd);
    return 0;
}

/* 4 MiB each way, both processes in a storm all along, through
 * sc_write_all and sc_read_exact: the parent's first write and first read
 * each sit blocked through HITS_BEFORE_RELEASE signals before the child
 * lets them go on. */
static int eintr_both_ways(const char *where, uint64_t seed)
{
    struct pattern out, in;
    int fds[2], ret, status;
    long start = now_ms(), parent_hits;
    uint64_t sizes = seed * 7;
    ssize_t wrote, read;
    pid_t pid;

    reset_shared();
    shared->seed = seed;
    ret = stream_pair(where, 64 * 1024, fds);
    REQUIRE(ret == 0, "a pair over %s: %s", where, E(ret));
    /* Small buffers, so that a first write blocks while the child waits. */
    sc_set_rcvbuf(fds[1], 64 * 1024);
    stall_guard(fds[0]);
    stall_guard(fds[1]);
    pid = spawn(both_ways_child, fds[1]);
    REQUIRE(pid > 0, "fork: %s", strerror(errno));
    sc_close(fds[1]);
    pattern_init(&out, seed);
    pattern_fill(&out, out_buf, TRANSFER);
    storm_start();
    shared->writing = 1;
    wrote = in_pieces(fds[0], out_buf, TRANSFER, 1, &sizes);
    shared->reading = 1;
    read = wrote < 0 ? wrote : in_pieces(fds[0], in_buf, TRANSFER, 0, &sizes);
    storm_stop();
    parent_hits = shared->hits[0];
    if (wrote < 0 || read < 0)
        sc_close(fds[0]);
    status = reap(pid);
    REQUIRE(status == 0, "the child: %s", child_story(status));
    REQUIRE(wrote == TRANSFER, "writing: %zd (%s)", wrote, E(wrote));
    REQUIRE(read == TRANSFER, "reading: %zd (%s)", read, E(read));
    pattern_init(&in, seed + 1);
    REQUIRE(pattern_check(&in, in_buf, TRANSFER) == 0, "the child's stream arrived wrong");
    REQUIRE(shared->checksum == out.checksum, "the child checked another stream");
    read = sc_read(fds[0], in_buf, 1);
    REQUIRE(read == 0, "after the stream: %zd (%s)", read, E(read));
    sc_close(fds[0]);
    return held("4 MiB each way in %ld ms, checksums %016" PRIx64 " and %016" PRIx64
                " intact; signals: %ld here, %ld in the child",
                now_ms() - start, out.checksum, in.checksum, parent_hits,
                (long)shared->hits[1]);
}

/* ===================== partial writes ===================== */

/* The reading child of a one-way transfer: reads TRANSFER bytes in reads
 * of 64 KiB, checks them, and then finds the end of the stream. */
static int read_side(int fd)
{
    static unsigned char buf[64 * 1024];
    struct pattern in;
    ssize_t n;

    pattern_init(&in, shared->seed);
    while (in.position < TRANSFER) {
        n = sc_read(fd, buf, sizeof buf);
        if (n <= 0)
            return child_fail(20, "sc_read = %zd (%s) at %" PRIu64, n, E(n), in.position);
        shared->calls++;
        if ((size_t)n < sizeof buf)
            shared->short_calls++;
        if (pattern_check(&in, buf, (size_t)n) < 0)
            return child_fail(21, "a wrong byte before %" PRIu64, in.position);
    }
    n = sc_read(fd, buf, 1);
    if (n != 0)
        return child_fail(22, "after the stream: %zd (%s)", n, E(n));
    shared->checksum = in.checksum;
    sc_close(fd);
    return 0;
}

enum writer { SINGLE_WRITES, VECTORED_WRITES, WRITE_ALL };

/* One offer of up to PIECE bytes at out_buf + sent, as `how` makes it. */
static ssize_t offer(int fd, enum writer how, size_t sent)
{
    size_t len = TRANSFER - sent < PIECE ? TRANSFER - sent : PIECE;
    struct iovec iov[3];

    switch (how) {
    case SINGLE_WRITES:
        return sc_write(fd, out_buf + sent, len);
    case VECTORED_WRITES:
        iov[0].iov_base = out_buf + sent;
        iov[0].iov_len = len / 4;
        iov[1].iov_base = out_buf + sent + len / 4;
        iov[1].iov_len = len / 4;
        iov[2].iov_base = out_buf + sent + len / 2;
        iov[2].iov_len = len - len / 2;
        return sc_writev(fd, iov, 3);
    case WRITE_ALL:
        return sc_write_all(fd, out_buf + sent, len);
    }
    return -EINVAL;
}

/* 4 MiB through a writer with a tiny SO_SNDBUF to a reader with a small
 * SO_RCVBUF: single writes come back short (non-blocking), sc_write_all
 * completes (blocking), and the checksums agree. */
static int partial(const char *where, enum writer how, uint64_t seed)
{
    struct pattern out;
    int fds[2], ret, status, sndbuf, rcvbuf;
    long start = now_ms(), calls = 0, shorts = 0;
    size_t sent = 0;
    pid_t pid;

    reset_shared();
    shared->seed = seed;
    /* 1 byte asks for the kernel's minimum (4608 on x86-64). */
    ret = stream_pair(where, 1, fds);
    REQUIRE(ret == 0, "a pair over %s: %s", where, E(ret));
    /* Smaller than 16 KiB stalls TCP over loopback behind its 64 KiB MSS. */
    sc_set_rcvbuf(fds[1], 16 * 1024);
    sndbuf = sc_get_sndbuf(fds[0]);
    rcvbuf = sc_get_rcvbuf(fds[1]);
    stall_guard(fds[0]);
    stall_guard(fds[1]);
    pid = spawn(read_side, fds[1]);
    REQUIRE(pid > 0, "fork: %s", strerror(errno));
    sc_close(fds[1]);
    pattern_init(&out, seed);
    pattern_fill(&out, out_buf, TRANSFER);
    if (how != WRITE_ALL)
        sc_set_nonblocking(fds[0], 1);
    while (sent < TRANSFER) {
        size_t len = TRANSFER - sent < PIECE ? TRANSFER - sent : PIECE;
        ssize_t n = offer(fds[0], how, sent);
        calls++;
        if (n == -EAGAIN) {
            struct pollfd writable = {fds[0], POLLOUT, 0};
            REQUIRE(poll(&writable, 1, STALL_MS) == 1, "never writable at %zu", sent);
            continue;
        }
        REQUIRE(n > 0, "a write at %zu: %zd (%s)", sent, n, E(n));
        REQUIRE(how != WRITE_ALL || (size_t)n == len, "sc_write_all = %zd of %zu", n, len);
        if ((size_t)n < len)
            shorts++;
        sent += (size_t)n;
    }
    sc_close(fds[0]);
    status = reap(pid);
    REQUIRE(status == 0, "the reader: %s", child_story(status));
    REQUIRE(shared->checksum == out.checksum, "checksums differ");
    REQUIRE(how == WRITE_ALL || shorts > 0, "no write came back short");
    REQUIRE(shared->short_calls > 0, "no read came back short");
    return held("4 MiB in %ld ms, SO_SNDBUF %d, SO_RCVBUF %d: %ld writes (%ld short), %ld reads "
                "(%ld short), checksum %016" PRIx64 " intact",
                now_ms() - start, sndbuf, rcvbuf, calls, shorts, shared->calls,
                shared->short_calls, out.checksum);
}

/* ===================== peer reset ===================== */

/* Closes fd with SO_LINGER {on, 0}: the kernel sends RST, not FIN. */
static int reset_close(int fd)
{
    int ret = sc_set_linger(fd, 1, 0);

    return ret < 0 ? ret : sc_close(fd);
}

/* A writer that streams until its peer resets, then writes once more. */
static int endless_writer(int fd)
{
    static unsigned char chunk[64 * 1024];
    struct pattern out;
    ssize_t n = 0;
    int i;

    pattern_init(&out, shared->seed);
    for (i = 0; i < 1024 && n >= 0; i++) {
        pattern_fill(&out, chunk, sizeof chunk);
        n = sc_write_all(fd, chunk, sizeof chunk);
    }
    shared->first_error = (long)n;
    shared->second_error = (long)sc_write(fd, chunk, 1);
    sc_close(fd);
    return 0;
}

/* The reader resets after 1 MiB: the writer's sc_write_all fails with
 * -ECONNRESET or -EPIPE, its next sc_write with -EPIPE, and it lives on. */
static int reset_under_a_writer(const char *where, uint64_t seed)
{
    struct pattern in;
    int fds[2], ret, status;
    ssize_t n;
    pid_t pid;

    reset_shared();
    shared->seed = seed;
    ret = stream_pair(where, 0, fds);
    REQUIRE(ret == 0, "a pair over %s: %s", where, E(ret));
    stall_guard(fds[1]);
    pid = spawn(endless_writer, fds[1]);
    REQUIRE(pid > 0, "fork: %s", strerror(errno));
    sc_close(fds[1]);
    n = sc_read_exact(fds[0], in_buf, MIB);
    pattern_init(&in, seed);
    REQUIRE(n == MIB && pattern_check(&in, in_buf, MIB) == 0, "the first MiB: %zd", n);
    ret = reset_close(fds[0]);
    REQUIRE(ret == 0, "the reset: %s", E(ret));
    status = reap(pid);
    REQUIRE(status == 0, "the writer: %s", child_story(status));
    REQUIRE(shared->first_error == -ECONNRESET || shared->first_error == -EPIPE,
            "sc_write_all = %ld (%s)", shared->first_error, E(shared->first_error));
    REQUIRE(shared->second_error == -EPIPE, "the next sc_write = %ld (%s)",
            shared->second_error, E(shared->second_error));
    return held("1 MiB checked, then the writer got %s and %s, and no SIGPIPE",
                E(shared->first_error), E(shared->second_error));
}

/* The writer resets with data in flight: the reader gets a prefix of the
 * stream and then -ECONNRESET; its own writes then get -EPIPE, and no
 * SIGPIPE. */
static int reset_under_a_reader(const char *where, uint64_t seed)
{
    static unsigned char buf[16 * 1024];
    struct pattern out, in;
    long got = 0;
    int fds[2], ret, i;
    ssize_t n = 0, w, wa;

    ret = stream_pair(where, 0, fds);
    REQUIRE(ret == 0, "a pair over %s: %s", where, E(ret));
    pattern_init(&out, seed);
    pattern_fill(&out, out_buf, 64 * 1024);
    n = sc_write_all(fds[1], out_buf, 64 * 1024);
    REQUIRE(n == 64 * 1024, "sc_write_all = %zd (%s)", n, E(n));
    ret = reset_close(fds[1]);
    REQUIRE(ret == 0, "the reset: %s", E(ret));
    pattern_init(&in, seed);
    for (i = 0; i < 1000 && (n = sc_read(fds[0], buf, sizeof buf)) > 0; i++) {
        REQUIRE(pattern_check(&in, buf, (size_t)n) == 0, "a wrong byte before %ld", got + n);
        got += n;
    }
    REQUIRE(n == -ECONNRESET, "after %ld bytes: sc_read = %zd (%s)", got, n, E(n));
    w = sc_write(fds[0], buf, 1);
    wa = sc_write_all(fds[0], buf, sizeof buf);
    REQUIRE(w == -EPIPE && wa == -EPIPE, "writes after the reset: %s, %s", E(w), E(wa));
    sc_close(fds[0]);
    return held("%ld of 65536 bytes intact, then -ECONNRESET; writes -EPIPE, no SIGPIPE", got);
}

/* A Unix peer that closes with unread data resets the connection. */
static int unix_peer_vanishes(void)
{
    char buf[128];
    int fds[2], ret;
    ssize_t n, w;

    ret = sc_socketpair(AF_UNIX, SOCK_STREAM, 0, fds);
    REQUIRE(ret == 0, "sc_socketpair: %s", E(ret));
    memset(buf, 'u', sizeof buf);
    REQUIRE(sc_write_all(fds[0], buf, sizeof buf) == (ssize_t)sizeof buf, "sc_write_all");
    sc_close(fds[1]);
    n = sc_read(fds[0], buf, sizeof buf);
    w = sc_write(fds[0], buf, sizeof buf);
    sc_close(fds[0]);
    REQUIRE(n == -ECONNRESET, "sc_read = %zd (%s), want -ECONNRESET", n, E(n));
    REQUIRE(w == -EPIPE, "sc_write = %zd (%s), want -EPIPE", w, E(w));
    return held("sc_read -ECONNRESET, sc_write -EPIPE, no SIGPIPE");
}

/* ===================== half-close ===================== */

/* The client shuts down its writing half: the server reads the request to
 * its end, still answers, and closes; the client cannot write any more. */
static int half_close(const char *where)
{
    char buf[16];
    int fds[2], ret;
    ssize_t n, eof, w;

    ret = stream_pair(where, 0, fds);
    REQUIRE(ret == 0, "a pair over %s: %s", where, E(ret));
    REQUIRE(sc_write_all(fds[0], "request", 7) == 7, "the request");
    ret = sc_shutdown(fds[0], SHUT_WR);
    REQUIRE(ret == 0, "sc_shutdown: %s", E(ret));
    n = sc_read_exact(fds[1], buf, sizeof buf);
    REQUIRE(n == 7 && memcmp(buf, "request", 7) == 0, "sc_read_exact = %zd, want the 7 bytes",
            n);
    eof = sc_read(fds[1], buf, sizeof buf);
    REQUIRE(eof == 0, "then sc_read = %zd (%s), want 0", eof, E(eof));
    REQUIRE(sc_write_all(fds[1], "reply", 5) == 5, "the reply after end of stream");
    w = sc_write(fds[0], "x", 1);
    REQUIRE(w == -EPIPE, "writing after SHUT_WR = %zd (%s)", w, E(w));
    sc_close(fds[1]);
    n = sc_read_exact(fds[0], buf, sizeof buf);
    REQUIRE(n == 5 && memcmp(buf, "reply", 5) == 0, "the reply: %zd", n);
    eof = sc_read(fds[0], buf, sizeof buf);
    REQUIRE(eof == 0, "after the reply: %zd (%s)", eof, E(eof));
    sc_close(fds[0]);
    return held("request, end of stream, reply, end of stream; -EPIPE after SHUT_WR");
}

/* ===================== refused and timed out ===================== */

static int refused(const char *where)
{
    char text[SC_ADDR_STRLEN];
    sc_addr addr;
    int holder, fd, dialled, connected;

    holder = refusing(where, text);
    REQUIRE(holder >= 0, "binding %s: %s", where, E(holder));
    dialled = sc_dial(text, 1000);
    sc_addr_parse(&addr, text);
    fd = sc_socket(sc_addr_family(&addr), SOCK_STREAM, 0);
    connected = sc_connect(fd, &addr);
    sc_close(fd);
    sc_close(holder);
    REQUIRE(dialled == -ECONNREFUSED, "sc_dial = %d (%s)", dialled, E(dialled));
    REQUIRE(connected == -ECONNREFUSED, "sc_connect = %d (%s)", connected, E(connected));
    return held("sc_dial and sc_connect to %s: -ECONNREFUSED", text);
}

static int refused_unix(void)
{
    char text[SC_ADDR_STRLEN];
    int holder, dialled;

    snprintf(text, sizeof text, "unix:@sockcore-faults-refused-%ld", (long)getpid());
    holder = refusing(text, text);
    REQUIRE(holder >= 0, "binding: %s", E(holder));
    dialled = sc_dial(text, 1000);
    sc_close(holder);
    REQUIRE(dialled == -ECONNREFUSED, "sc_dial = %d (%s)", dialled, E(dialled));
    return held("sc_dial to a bound Unix socket that does not listen: -ECONNREFUSED");
}

static int timed_out(const char *where, int want)
{
    struct full full;
    long start, took;
    int ret, queued;

    ret = full_backlog(where, &full);
    REQUIRE(ret == 0, "filling a backlog: %s", E(ret));
    start = now_ms();
    ret = sc_dial(full.text, 200);
    took = now_ms() - start;
    queued = full.count;
    full_release(&full);
    if (ret >= 0)
        sc_close(ret);
    REQUIRE(ret == want, "sc_dial = %d (%s), want %s", ret, E(ret), E(want));
    REQUIRE(want != -ETIMEDOUT || (took >= 200 && took < 2000), "took %ld ms, asked 200", took);
    return held("sc_dial(200 ms) against a backlog holding %d: %s after %ld ms", queued, E(ret),
                took);
}

/* ===================== no descriptor leaked ===================== */

/* Calls call(ctx) FAILURES times, each of which must return want. With
 * spare >= 0, RLIMIT_NOFILE sits at the lowest free descriptor plus spare
 * meanwhile, so that every new descriptor fails with -EMFILE. The open
 * descriptors, and the lowest free one, are counted before and after;
 * outcome names what each call did, for the figures. */
static int no_leak_as(long (*call)(void *), void *ctx, long want, int spare, const char *outcome)
{
    int before = open_fds(), low = lowest_free(), after, low_after, i;
    struct rlimit old, limit;
    long ret = want;

    REQUIRE(getrlimit(RLIMIT_NOFILE, &old) == 0, "getrlimit: %s", strerror(errno));
    limit = old;
    limit.rlim_cur = (rlim_t)(low + spare);
    REQUIRE(spare < 0 || setrlimit(RLIMIT_NOFILE, &limit) == 0, "setrlimit: %s",
            strerror(errno));
    for (i = 0; i < FAILURES; i++)
        if ((ret = call(ctx)) != want)
            break;
    setrlimit(RLIMIT_NOFILE, &old);
    if (ret != want && ret >= 0)
        sc_close((int)ret); /* a descriptor made where none should be */
    REQUIRE(ret == want, "failure %d: %ld (%s), want %s", i, ret, E(ret), outcome);
    after = open_fds();
    low_after = lowest_free();
    REQUIRE(before == after && low == low_after,
            "%d open before, %d after; lowest free %d, then %d", before, after, low, low_after);
    return held("%d x %s, %d descriptors open before and after", FAILURES, outcome, before);
}

static int no_leak(long (*call)(void *), void *ctx, long want, int spare)
{
    return no_leak_as(call, ctx, want, spare, E(want));
}

static long dial_text(void *text)
{
    return sc_dial(text, 1000);
}

/* A dial that gives up at once: against a full backlog, -ETIMEDOUT. */
static long dial_now(void *text)
{
    return sc_dial(text, 0);
}

static long listen_text(void *text)
{
    return sc_listen_on(text, 1);
}

static long accept_nonblocking(void *listener)
{
    return sc_accept(*(int *)listener, NULL, SC_NONBLOCK);
}

static long new_socket(void *domain)
{
    return sc_socket(*(int *)domain, SOCK_STREAM, 0);
}

static long new_pair(void *unused)
{
    int fds[2];
    int ret = sc_socketpair(AF_UNIX, SOCK_STREAM, 0, fds);

    (void)unused;
    if (ret == 0) {
        sc_close(fds[0]);
        sc_close(fds[1]);
        return 1;
    }
    return ret;
}

static int leak_refused(void)
{
    char text[SC_ADDR_STRLEN];
    int holder = refusing("127.0.0.1:0", text), ret;

    REQUIRE(holder >= 0, "binding: %s", E(holder));
    ret = no_leak(dial_text, text, -ECONNREFUSED, -1);
    sc_close(holder);
    return ret;
}

static int leak_timed_out(void)
{
    struct full full;
    int ret = full_backlog("127.0.0.1:0", &full);

    REQUIRE(ret == 0, "filling a backlog: %s", E(ret));
    ret = no_leak(dial_now, full.text, -ETIMEDOUT, -1);
    full_release(&full);
    return ret;
}

static int leak_unix_full(void)
{
    struct full full;
    char text[SC_ADDR_STRLEN];
    int ret;

    snprintf(text, sizeof text, "unix:@sockcore-faults-full-%ld", (long)getpid());
    ret = full_backlog(text, &full);
    REQUIRE(ret == 0, "filling a backlog: %s", E(ret));
    ret = no_leak(dial_text, full.text, -EAGAIN, -1);
    full_release(&full);
    return ret;
}

static int leak_no_such_path(void)
{
    return no_leak(dial_text, "unix:/nonexistent/sockcore-faults.sock", -ENOENT, -1);
}

static int leak_address_in_use(void)
{
    char text[SC_ADDR_STRLEN];
    int holder = sc_listen_on("127.0.0.1:0", 1), ret;

    REQUIRE(holder >= 0, "sc_listen_on: %s", E(holder));
    REQUIRE(local_text(holder, text) == 0, "sc_local_addr");
    ret = no_leak(listen_text, text, -EADDRINUSE, -1);
    sc_close(holder);
    return ret;
}

static int leak_unix_address_in_use(void)
{
    char text[SC_ADDR_STRLEN];
    int holder, ret;

    snprintf(text, sizeof text, "unix:@sockcore-faults-in-use-%ld", (long)getpid());
    holder = sc_listen_on(text, 1);
    REQUIRE(holder >= 0, "sc_listen_on: %s", E(holder));
    ret = no_leak(listen_text, text, -EADDRINUSE, -1);
    sc_close(holder);
    return ret;
}

static int leak_nothing_to_accept(void)
{
    int listener = sc_listen_on("[::1]:0", 1), ret;

    REQUIRE(listener >= 0, "sc_listen_on: %s", E(listener));
    sc_set_nonblocking(listener, 1);
    ret = no_leak(accept_nonblocking, &listener, -EAGAIN, -1);
    sc_close(listener);
    return ret;
}

/* A client waits in the backlog while sc_accept fails, and is accepted
 * once descriptors are free. */
static int leak_emfile_accept(void)
{
    char text[SC_ADDR_STRLEN];
    int listener, client, ret, conn = 0;

    /* memcheck emulates RLIMIT_NOFILE by closing the descriptor the kernel
     * has already accepted: under it the waiting client would be gone. */
    if (RUNNING_ON_VALGRIND)
        return NOT_HERE;
    listener = sc_listen_on("127.0.0.1:0", 4);
    REQUIRE(listener >= 0, "sc_listen_on: %s", E(listener));
    REQUIRE(local_text(listener, text) == 0, "sc_local_addr");
    client = sc_dial(text, 1000);
    REQUIRE(client >= 0, "sc_dial: %s", E(client));
    sc_set_nonblocking(listener, 1);
    ret = no_leak(accept_nonblocking, &listener, -EMFILE, 0);
    if (ret)
        conn = sc_accept(listener, NULL, 0);
    sc_close(client);
    sc_close(listener);
    REQUIRE(conn >= 0, "the waiting client after the limit: %s", E(conn));
    if (conn > 0)
        sc_close(conn);
    return ret;
}

static int leak_emfile_socket(void)
{
    int domain = AF_INET6;

    return no_leak(new_socket, &domain, -EMFILE, 0);
}

static int leak_emfile_dial(void)
{
    return no_leak(dial_text, "127.0.0.1:9", -EMFILE, 0);
}

static int leak_emfile_listen(void)
{
    return no_leak(listen_text, "127.0.0.1:0", -EMFILE, 0);
}

/* Room for one descriptor of the two a pair needs. */
static int leak_emfile_pair(void)
{
    /* memcheck's emulation of RLIMIT_NOFILE mishandles a pair that goes
     * over it: it closes descriptor 1, this program's output. */
    if (RUNNING_ON_VALGRIND)
        return NOT_HERE;
    return no_leak(new_pair, NULL, -EMFILE, 1);
}

/* Descriptors passed over a Unix pair, received where they cannot all
 * go: the calls must close every one that arrived. */
struct passing {
    int pair[2];   /* [0] sends, [1] receives */
    int extra[2];  /* what is sent: two sockets of a pair */
    size_t room;   /* descriptors the receiver takes */
    int by_recvmsg; /* sc_recvmsg with a small control buffer, not sc_recv_fds */
};

/* One message with both descriptors, received with too little room:
 * 0 when it arrived cut (MSG_CTRUNC) with no descriptor kept. */
static long pass_too_many(void *ctx)
{
    struct passing *p = ctx;
    char data[4];
    int fds[2] = {-1, -1}, flags = 0;
    size_t nfds = p->room;
    ssize_t n = sc_send_fds(p->pair[0], "x", 1, p->extra, 2);

    if (n != 1)
        return n < 0 ? n : -EPROTO;
    if (p->by_recvmsg) {
        /* Room for exactly one descriptor. */
        union {
            struct cmsghdr align;
            char buf[CMSG_LEN(sizeof(int))];
        } control;
        struct iovec iov = {data, sizeof data};
        struct msghdr msg;
        struct cmsghdr *cmsg;

        memset(&msg, 0, sizeof msg);
        msg.msg_iov = &iov;
        msg.msg_iovlen = 1;
        msg.msg_control = control.buf;
        msg.msg_controllen = sizeof control.buf;
        n = sc_recvmsg(p->pair[1], &msg, 0);
        if (n < 0)
            return n;
        flags = msg.msg_flags;
        /* What did arrive has been closed, its slot set to -1. */
        cmsg = CMSG_FIRSTHDR(&msg);
        if (cmsg != NULL && cmsg->cmsg_type == SCM_RIGHTS)
            memcpy(&fds[0], CMSG_DATA(cmsg), sizeof fds[0]);
        nfds = fds[0] == -1 ? 0 : 1;
    } else {
        n = sc_recv_fds(p->pair[1], data, sizeof data, 0, p->room ? fds : NULL, &nfds, &flags);
        if (n < 0)
            return n;
    }
    if (n != 1 || nfds != 0 || (flags & SC_MSG_CTRUNC) == 0) {
        if (nfds > 0 && fds[0] >= 0)
            sc_close(fds[0]);
        return -EPROTO;
    }
    return 0;
}

static int passing_case(size_t room, int by_recvmsg, int spare, const char *outcome)
{
    struct passing p;
    int ret;

    p.room = room;
    p.by_recvmsg = by_recvmsg;
    ret = sc_socketpair(AF_UNIX, SOCK_STREAM, 0, p.pair);
    REQUIRE(ret == 0, "sc_socketpair: %s", E(ret));
    ret = sc_socketpair(AF_UNIX, SOCK_STREAM, 0, p.extra);
    REQUIRE(ret == 0, "sc_socketpair: %s", E(ret));
    ret = no_leak_as(pass_too_many, &p, 0, spare, outcome);
    sc_close(p.extra[0]);
    sc_close(p.extra[1]);
    sc_close(p.pair[0]);
    sc_close(p.pair[1]);
    return ret;
}

static int leak_recv_fds_short(void)
{
    return passing_case(1, 0, -1, "2 descriptors into room for 1: MSG_CTRUNC, none kept");
}

static int leak_recv_fds_no_room(void)
{
    return passing_case(0, 0, -1, "2 descriptors into no room: MSG_CTRUNC, none kept");
}

static int leak_recvmsg_short(void)
{
    return passing_case(0, 1, -1, "2 descriptors into control room for 1: MSG_CTRUNC, closed");
}

/* At the limit the kernel cannot install them: MSG_CTRUNC again. */
static int leak_recv_fds_at_the_limit(void)
{
    /* memcheck emulates RLIMIT_NOFILE above the kernel, which installs
     * the descriptors all the same. */
    if (RUNNING_ON_VALGRIND)
        return NOT_HERE;
    return passing_case(2, 0, 0, "2 descriptors at RLIMIT_NOFILE: MSG_CTRUNC, none kept");
}

/* ===================== close-on-exec ===================== */

/* The helper mode: prints "open N" for each descriptor number given that
 * is open in this (freshly exec'd) process. */
static int report_open(int count, char **numbers)
{
    int i;

    for (i = 0; i < count; i++) {
        int fd = atoi(numbers[i]);
        if (fcntl(fd, F_GETFD) != -1)
            printf("open %d\n", fd);
    }
    return 0;
}

/* Sends fd over the pair and returns the copy received, by sc_recv_fds or
 * by sc_recvmsg; -1 on failure. */
static int receive_one(int pair[2], int fd, int by_recvmsg)
{
    union {
        struct cmsghdr align;
        char buf[CMSG_SPACE(sizeof(int))];
    } control;
    char data[4];
    struct iovec iov = {data, sizeof data};
    struct msghdr msg;
    int received = -1, flags;
    size_t nfds = 1;

    if (sc_send_fds(pair[0], "x", 1, &fd, 1) != 1)
        return -1;
    if (!by_recvmsg)
        return sc_recv_fds(pair[1], data, sizeof data, 0, &received, &nfds, &flags) == 1 && nfds == 1
                   ? received
                   : -1;
    memset(&msg, 0, sizeof msg);
    msg.msg_iov = &iov;
    msg.msg_iovlen = 1;
    msg.msg_control = control.buf;
    msg.msg_controllen = sizeof control.buf;
    if (sc_recvmsg(pair[1], &msg, 0) != 1 || CMSG_FIRSTHDR(&msg) == NULL)
        return -1;
    memcpy(&received, CMSG_DATA(CMSG_FIRSTHDR(&msg)), sizeof received);
    return received;
}

/* Every kind of descriptor the library makes, then an exec of this
 * program, which must find none of them; an sc_dup with FD_CLOEXEC cleared
 * by sc_set_cloexec is the control that shows the check can see an
 * inherited one, and that a socket can be handed to a child on purpose. */
static int close_on_exec(void)
{
    enum { KINDS = 15 };
    char text[SC_ADDR_STRLEN], unix_text[SC_ADDR_STRLEN], numbers[KINDS + 1][16];
    char *argv[KINDS + 4], out[512], want[32];
    int fds[KINDS], pair[2], pipefd[2], i, control, status, ret;
    size_t got = 0;
    ssize_t n;
    pid_t pid;

    snprintf(unix_text, sizeof unix_text, "unix:@sockcore-faults-exec-%ld", (long)getpid());
    fds[0] = sc_socket(AF_INET, SOCK_STREAM, 0);
    fds[1] = sc_socket(AF_INET6, SOCK_DGRAM, SC_NONBLOCK);
    fds[2] = sc_socket(AF_UNIX, SOCK_SEQPACKET, 0);
    fds[3] = sc_socketpair(AF_UNIX, SOCK_STREAM, SC_NONBLOCK, pair) < 0 ? -1 : pair[0];
    fds[4] = fds[3] < 0 ? -1 : pair[1];
    fds[5] = sc_listen_on("127.0.0.1:0", 4);
    local_text(fds[5], text);
    fds[6] = sc_dial(text, 1000);
    fds[7] = sc_accept(fds[5], NULL, 0);
    fds[8] = sc_dial(text, 1000);
    fds[9] = sc_accept(fds[5], NULL, SC_NONBLOCK);
    fds[10] = sc_listen_on(unix_text, 4);
    fds[11] = sc_dial(unix_text, 1000);
    fds[12] = sc_accept_timeout(fds[10], NULL, 0, 1000);
    fds[13] = receive_one(pair, fds[0], 0);
    fds[14] = receive_one(pair, fds[0], 1);
    for (i = 0; i < KINDS; i++) {
        REQUIRE(fds[i] >= 0, "descriptor %d: %s", i, E(fds[i]));
        REQUIRE(fcntl(fds[i], F_GETFD) == FD_CLOEXEC, "descriptor %d lacks FD_CLOEXEC", i);
    }
    control = sc_dup(fds[0]);
    REQUIRE(control >= 0, "sc_dup: %s", E(control));
    REQUIRE(fcntl(control, F_GETFD) == FD_CLOEXEC, "sc_dup's descriptor lacks FD_CLOEXEC");
    ret = sc_set_cloexec(control, 0);
    REQUIRE(ret == 0 && fcntl(control, F_GETFD) == 0, "sc_set_cloexec(0): %s", E(ret));
    REQUIRE(pipe2(pipefd, O_CLOEXEC) == 0, "pipe2: %s", strerror(errno));

    argv[0] = (char *)self;
    argv[1] = "--open-fds";
    for (i = 0; i < KINDS; i++) {
        snprintf(numbers[i], sizeof numbers[i], "%d", fds[i]);
        argv[2 + i] = numbers[i];
    }
    snprintf(numbers[KINDS], sizeof numbers[KINDS], "%d", control);
    argv[2 + KINDS] = numbers[KINDS];
    argv[3 + KINDS] = NULL;
    fflush(stdout);
    pid = fork();
    if (pid == 0) {
        dup2(pipefd[1], 1);
        execv(self, argv);
        _exit(127);
    }
    close(pipefd[1]);
    while (got < sizeof out - 1 && (n = read(pipefd[0], out + got, sizeof out - 1 - got)) > 0)
        got += (size_t)n;
    out[got] = '\0';
    close(pipefd[0]);
    status = reap(pid);
    close(control);
    for (i = 0; i < KINDS; i++)
        sc_close(fds[i]);
    REQUIRE(status == 0, "the exec'd child: status %d", status);
    snprintf(want, sizeof want, "open %d\n", control);
    REQUIRE(strcmp(out, want) == 0, "the child found \"%s\", want only \"%s\"", out, want);
    return held("%d descriptors from sc_socket, sc_socketpair, sc_listen_on, sc_dial, "
                "sc_accept, sc_accept_timeout, sc_recv_fds and sc_recvmsg: none inherited (the "
                "sc_dup with sc_set_cloexec(0) was)",
                KINDS);
}

/* ===================== the table ===================== */

static int c_accept(void) { return eintr_accept(); }
static int c_both_ways_v4(void) { return eintr_both_ways("127.0.0.1:0", 1); }
static int c_both_ways_v6(void) { return eintr_both_ways("[::1]:0", 2); }
static int c_both_ways_unix(void) { return eintr_both_ways("unix", 3); }
static int c_partial_tcp_single(void) { return partial("127.0.0.1:0", SINGLE_WRITES, 4); }
static int c_partial_tcp_vectored(void) { return partial("[::1]:0", VECTORED_WRITES, 5); }
static int c_partial_tcp_all(void) { return partial("127.0.0.1:0", WRITE_ALL, 6); }
static int c_partial_unix_single(void) { return partial("unix", SINGLE_WRITES, 7); }
static int c_partial_unix_vectored(void) { return partial("unix", VECTORED_WRITES, 8); }
static int c_partial_unix_all(void) { return partial("unix", WRITE_ALL, 9); }
static int c_reset_writer_v4(void) { return reset_under_a_writer("127.0.0.1:0", 10); }
static int c_reset_writer_v6(void) { return reset_under_a_writer("[::1]:0", 11); }
static int c_reset_reader_v4(void) { return reset_under_a_reader("127.0.0.1:0", 12); }
static int c_reset_reader_v6(void) { return reset_under_a_reader("[::1]:0", 13); }
static int c_half_close_tcp(void) { return half_close("127.0.0.1:0"); }
static int c_half_close_unix(void) { return half_close("unix"); }
static int c_refused_v4(void) { return refused("127.0.0.1:0"); }
static int c_refused_v6(void) { return refused("[::1]:0"); }
static int c_timed_out_v4(void) { return timed_out("127.0.0.1:0", -ETIMEDOUT); }
static int c_timed_out_v6(void) { return timed_out("[::1]:0", -ETIMEDOUT); }

static int c_timed_out_unix(void)
{
    char text[SC_ADDR_STRLEN];

    snprintf(text, sizeof text, "unix:@sockcore-faults-timeout-%ld", (long)getpid());
    return timed_out(text, -EAGAIN);
}

static const struct {
    const char *name;
    int (*run)(void);
} cases[] = {
    {"EINTR storm: sc_accept", c_accept},
    {"EINTR storm: sc_read, TCP", eintr_read},
    {"EINTR storm: sc_write, Unix, full buffer", eintr_write},
    {"EINTR storm: sc_connect, full backlog", eintr_connect},
    {"EINTR storm: sc_dial keeps its deadline", eintr_dial},
    {"EINTR storm: sc_connect_timeout keeps its deadline", eintr_connect_timeout},
    {"EINTR storm: sc_write_all/sc_read_exact both ways, TCP IPv4", c_both_ways_v4},
    {"EINTR storm: sc_write_all/sc_read_exact both ways, TCP IPv6", c_both_ways_v6},
    {"EINTR storm: sc_write_all/sc_read_exact both ways, Unix", c_both_ways_unix},
    {"partial writes: sc_write, TCP IPv4", c_partial_tcp_single},
    {"partial writes: sc_writev, TCP IPv6", c_partial_tcp_vectored},
    {"partial writes: sc_write_all blocking, TCP IPv4", c_partial_tcp_all},
    {"partial writes: sc_write, Unix", c_partial_unix_single},
    {"partial writes: sc_writev, Unix", c_partial_unix_vectored},
    {"partial writes: sc_write_all blocking, Unix", c_partial_unix_all},
    {"peer reset: under a writer, TCP IPv4", c_reset_writer_v4},
    {"peer reset: under a writer, TCP IPv6", c_reset_writer_v6},
    {"peer reset: under a reader, TCP IPv4", c_reset_reader_v4},
    {"peer reset: under a reader, TCP IPv6", c_reset_reader_v6},
    {"peer reset: a Unix peer vanishes with unread data", unix_peer_vanishes},
    {"half-close: TCP", c_half_close_tcp},
    {"half-close: Unix", c_half_close_unix},
    {"refused: TCP IPv4", c_refused_v4},
    {"refused: TCP IPv6", c_refused_v6},
    {"refused: Unix", refused_unix},
    {"time-out: full backlog, TCP IPv4", c_timed_out_v4},
    {"time-out: full backlog, TCP IPv6", c_timed_out_v6},
    {"time-out: full backlog, Unix (-EAGAIN at once)", c_timed_out_unix},
    {"no leak: sc_dial refused", leak_refused},
    {"no leak: sc_dial timed out", leak_timed_out},
    {"no leak: sc_dial to a full Unix backlog", leak_unix_full},
    {"no leak: sc_dial to a missing Unix path", leak_no_such_path},
    {"no leak: sc_listen_on an address in use", leak_address_in_use},
    {"no leak: sc_listen_on a Unix name in use", leak_unix_address_in_use},
    {"no leak: sc_accept with nothing to accept", leak_nothing_to_accept},
    {"no leak: sc_accept at RLIMIT_NOFILE", leak_emfile_accept},
    {"no leak: sc_socket at RLIMIT_NOFILE", leak_emfile_socket},
    {"no leak: sc_dial at RLIMIT_NOFILE", leak_emfile_dial},
    {"no leak: sc_listen_on at RLIMIT_NOFILE", leak_emfile_listen},
    {"no leak: sc_socketpair with one descriptor left", leak_emfile_pair},
    {"no leak: sc_recv_fds with room for fewer descriptors", leak_recv_fds_short},
    {"no leak: sc_recv_fds with no room for descriptors", leak_recv_fds_no_room},
    {"no leak: sc_recvmsg with a short control buffer", leak_recvmsg_short},
    {"no leak: sc_recv_fds at RLIMIT_NOFILE", leak_recv_fds_at_the_limit},
    {"close-on-exec: nothing reaches an exec'd child", close_on_exec},
};

int main(int argc, char **argv)
{
    struct sigaction action;
    size_t i, count = sizeof cases / sizeof cases[0];
    int tried = 0;

    if (argc >= 2 && strcmp(argv[1], "--open-fds") == 0)
        return report_open(argc - 2, argv + 2);
    self = argv[0];
    setvbuf(stdout, NULL, _IOLBF, 0);
    shared = mmap(NULL, sizeof *shared, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1,
                  0);
    if (shared == MAP_FAILED) {
        perror("mmap");
        return 2;
    }
    storm_hits = &shared->hits[0];
    memset(&action, 0, sizeof action);
    action.sa_handler = on_alarm;
    action.sa_flags = 0; /* no SA_RESTART: blocked calls must see EINTR */
    sigemptyset(&action.sa_mask);
    sigaction(SIGALRM, &action, NULL);
    /* A C program's default: a send without MSG_NOSIGNAL would end it. */
    signal(SIGPIPE, SIG_DFL);

    for (i = 0; i < count; i++) {
        long start = now_ms();
        int ok;

        if (argc >= 2 && strstr(cases[i].name, argv[1]) == NULL)
            continue;
        detail[0] = '\0';
        ok = cases[i].run();
        if (ok == NOT_HERE) {
            printf("skip  %s: not under memcheck\n", cases[i].name);
            continue;
        }
        tried++;
        printf("%s  %s: %s (%ld ms)\n", ok ? "ok  " : "FAIL", cases[i].name, detail,
               now_ms() - start);
        if (ok)
            passed++;
        else
            failed++;
    }
    munmap(shared, sizeof *shared);
    printf("faults: %d cases tried, %d held\n", tried, passed);
    return summary();
}
