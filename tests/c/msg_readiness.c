/*
 * msg_readiness.c: readiness and time-outs through the C ABI: sc_poll on a
 * socket pair (nothing ready, readable, writable, hung up, a closed
 * descriptor, an ignored entry), sc_wait_ready, and sc_accept_timeout,
 * sc_read_timeout and sc_write_timeout both returning -ETIMEDOUT in time
 * (never blocking, even on a blocking socket) and succeeding once ready;
 * sc_connect_timeout on sockets the table configured (bound, blocking or
 * not), connected, refused and timed out, with their blocking mode kept.
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <stdint.h>
#include <sys/socket.h>
#include <time.h>

#include "case_harness.h"

/* Short enough to keep the table fast, long enough to measure. */
#define SHORT_MS 50
/* The bound on any wait that must not time out. */
#define LONG_MS 5000

static long now_us(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

/* Records that a time-out waited about SHORT_MS (sockcore's deadlines are
 * whole milliseconds, so up to one less) and well under LONG_MS. */
static void took_short_wait(const char *what, long started)
{
    long elapsed = now_us() - started;

    printf("      (%s waited %ld us)\n", what, elapsed);
    expect(what, elapsed >= (SHORT_MS - 1) * 1000L && elapsed < LONG_MS * 1000L, 1);
}

static void poll_on_a_pair(void)
{
    int fds[2], closed;
    struct pollfd entries[3];
    char byte;
    long started;

    printf("sc_poll on a socket pair\n");
    MUST(sc_socketpair(AF_UNIX, SOCK_STREAM, SC_NONBLOCK, fds));
    entries[0].fd = fds[0];
    entries[0].events = POLLIN;
    entries[1].fd = fds[1];
    entries[1].events = POLLIN | POLLOUT;
    entries[2].fd = -1;
    entries[2].events = POLLIN;
    entries[2].revents = POLLIN;

    CASE(sc_poll(entries, 3, 0), 1);
    CASE(entries[0].revents, 0);
    CASE(entries[1].revents, POLLOUT);
    CASE(entries[2].revents, 0);

    CASE(sc_write(fds[0], "x", 1), 1);
    entries[1].events = POLLIN;
    CASE(sc_poll(&entries[1], 1, LONG_MS), 1);
    CASE(entries[1].revents, POLLIN);
    CASE(sc_read(fds[1], &byte, 1), 1);

    started = now_us();
    CASE(sc_poll(entries, 2, SHORT_MS), 0);
    took_short_wait("sc_poll with nothing ready", started);

    /* The peer closes: readable (end of stream) and hung up. */
    sc_close(fds[0]);
    CASE(sc_poll(&entries[1], 1, LONG_MS), 1);
    CASE(entries[1].revents & (POLLIN | POLLHUP), POLLIN | POLLHUP);
    CASE(sc_read(fds[1], &byte, 1), 0);

    /* A descriptor number that is not open. */
    closed = fds[0];
    entries[0].fd = closed;
    CASE(sc_poll(entries, 1, 0), 1);
    CASE(entries[0].revents, POLLNVAL);
    sc_close(fds[1]);

    CASE(sc_poll(NULL, 0, 0), 0);
    started = now_us();
    CASE(sc_poll(NULL, 0, SHORT_MS), 0);
    took_short_wait("sc_poll as a sleep", started);
    CASE(sc_poll(NULL, 1, 0), -EFAULT);
    CASE(sc_poll(entries, (nfds_t)INT_MAX + 1, 0), -EINVAL);
}

static void wait_ready(void)
{
    int fds[2];
    long started;

    printf("sc_wait_ready\n");
    MUST(sc_socketpair(AF_UNIX, SOCK_STREAM, 0, fds));
    started = now_us();
    CASE(sc_wait_ready(fds[1], POLLIN, SHORT_MS), -ETIMEDOUT);
    took_short_wait("sc_wait_ready with nothing to read", started);
    CASE(sc_wait_ready(fds[1], POLLIN, 0), -ETIMEDOUT);
    CASE(sc_wait_ready(fds[0], POLLOUT, LONG_MS), POLLOUT);
    CASE(sc_write(fds[0], "x", 1), 1);
    CASE(sc_wait_ready(fds[1], POLLIN, -1), POLLIN);
    CASE(sc_wait_ready(fds[1], POLLERR, 0), -EINVAL);
    CASE(sc_wait_ready(fds[1], POLLIN | 0x4000, 0), -EINVAL);
    sc_close(fds[0]);
    sc_close(fds[1]);
}

static void accept_timeout(void)
{
    sc_addr addr, peer, local;
    int listener, client, conn;
    long started;

    printf("sc_accept_timeout\n");
    MUST(sc_addr_parse(&addr, "127.0.0.1:0"));
    listener = (int)MUST(sc_socket(AF_INET, SOCK_STREAM, 0));
    MUST(sc_bind(listener, &addr));
    MUST(sc_listen(listener, 4));
    MUST(sc_local_addr(listener, &addr));

    /* A blocking listener: the wait ends in time all the same. */
    started = now_us();
    CASE(sc_accept_timeout(listener, &peer, 0, SHORT_MS), -ETIMEDOUT);
    took_short_wait("sc_accept_timeout with no client", started);
    CASE(sc_accept_timeout(listener, &peer, 0x1, 0), -EINVAL);

    client = (int)MUST(sc_socket(AF_INET, SOCK_STREAM, 0));
    MUST(sc_connect(client, &addr));
    MUST(sc_local_addr(client, &local));
    conn = sc_accept_timeout(listener, &peer, SC_NONBLOCK, LONG_MS);
    CHECK(conn >= 0);
    CASE(sc_addr_port(&peer), sc_addr_port(&local));
    sc_close(conn);

    /* No address wanted, and no deadline: the client is already there. */
    sc_close(client);
    client = (int)MUST(sc_socket(AF_INET, SOCK_STREAM, 0));
    MUST(sc_connect(client, &addr));
    conn = sc_accept_timeout(listener, NULL, 0, -1);
    CHECK(conn >= 0);
    sc_close(conn);
    sc_close(client);
    sc_close(listener);
}

static void read_and_write_timeouts(void)
{
    static char chunk[65536];
    char buf[16];
    int fds[2], filled = 0, i;
    long started;

    printf("sc_read_timeout and sc_write_timeout\n");
    /* Blocking sockets: the time-out calls never block past the deadline. */
    MUST(sc_socketpair(AF_UNIX, SOCK_STREAM, 0, fds));
    started = now_us();
    CASE(sc_read_timeout(fds[1], buf, sizeof buf, SHORT_MS), -ETIMEDOUT);
    took_short_wait("sc_read_timeout with nothing to read", started);
    CASE(sc_write(fds[0], "hello", 5), 5);
    CASE(sc_read_timeout(fds[1], buf, sizeof buf, LONG_MS), 5);
    CASE(sc_read_timeout(fds[1], NULL, sizeof buf, 0), -EFAULT);
    CASE(sc_read_timeout(fds[1], buf, SIZE_MAX, 0), -EINVAL);

    /* Fill the pair until the kernel takes no more (bounded). */
    MUST(sc_set_sndbuf(fds[0], 4096));
    for (i = 0; i < 10000 && sc_send(fds[0], chunk, sizeof chunk, SC_MSG_DONTWAIT) > 0; i++)
        filled++;
    CHECK(filled > 0 && filled < 10000);
    started = now_us();
    CASE(sc_write_timeout(fds[0], "x", 1, SHORT_MS), -ETIMEDOUT);
    took_short_wait("sc_write_timeout with no room", started);
    CASE(sc_write_timeout(fds[0], NULL, 1, 0), -EFAULT);

    /* Drain the other end: room again. */
    while (sc_recv(fds[1], chunk, sizeof chunk, SC_MSG_DONTWAIT) > 0)
        ;
    CASE(sc_write_timeout(fds[0], "x", 1, LONG_MS), 1);
    CASE(sc_read_timeout(fds[1], buf, sizeof buf, LONG_MS), 1);

    /* End of stream is 0, at once. */
    MUST(sc_shutdown(fds[0], SHUT_WR));
    CASE(sc_read_timeout(fds[1], buf, sizeof buf, LONG_MS), 0);
    sc_close(fds[0]);
    CASE(sc_write_timeout(fds[1], "x", 1, LONG_MS), -EPIPE);
    sc_close(fds[1]);
}

/* Whether fd is non-blocking (1), blocking (0), or -1 if fcntl fails. */
static int nonblocking(int fd)
{
    int flags = fcntl(fd, F_GETFL);

    return flags < 0 ? -1 : (flags & O_NONBLOCK) != 0;
}

static void connect_timeout(void)
{
    int listener = (int)MUST(sc_listen_on("127.0.0.1:0", 0)), client, conn, refusing, i;
    int queued[16], count = 0, ret = 0;
    sc_addr addr, source, peer, closed;
    char text[SC_ADDR_STRLEN];
    long started;

    printf("sc_connect_timeout\n");
    MUST(sc_local_addr(listener, &addr));
    MUST(sc_addr_parse(&source, "127.0.0.4:0"));
    for (i = 0; i < 2; i++) {
        client = (int)MUST(sc_socket(AF_INET, SOCK_STREAM, i == 0 ? 0 : SC_NONBLOCK));
        MUST(sc_bind(client, &source)); /* configured before: a source address */
        CASE(sc_connect_timeout(client, &addr, LONG_MS), 0);
        CASE(nonblocking(client), i); /* the mode it had */
        conn = sc_accept_timeout(listener, &peer, 0, LONG_MS);
        CHECK(conn >= 0);
        CHECK(sc_addr_format(&peer, text, sizeof text) > 0 && strncmp(text, "127.0.0.4:", 10) == 0);
        sc_close(conn);
        sc_close(client);
    }

    /* A bound port that does not listen refuses. */
    refusing = (int)MUST(sc_socket(AF_INET, SOCK_STREAM, 0));
    MUST(sc_addr_parse(&closed, "127.0.0.1:0"));
    MUST(sc_bind(refusing, &closed));
    MUST(sc_local_addr(refusing, &closed));
    client = (int)MUST(sc_socket(AF_INET, SOCK_STREAM, 0));
    CASE(sc_connect_timeout(client, &closed, LONG_MS), -ECONNREFUSED);
    CASE(nonblocking(client), 0);
    sc_close(client);
    sc_close(refusing);

    /* A full backlog (0: the kernel queues one, then drops SYNs): time-out
     * in time, then again for the attempt still in progress. */
    MUST(sc_addr_format(&addr, text, sizeof text));
    while (count < 16 && (ret = sc_dial(text, SHORT_MS)) >= 0)
        queued[count++] = ret;
    CASE(ret, -ETIMEDOUT);
    client = (int)MUST(sc_socket(AF_INET, SOCK_STREAM, 0));
    started = now_us();
    CASE(sc_connect_timeout(client, &addr, SHORT_MS), -ETIMEDOUT);
    took_short_wait("sc_connect_timeout against a full backlog", started);
    CASE(nonblocking(client), 0);
    started = now_us();
    CASE(sc_connect_timeout(client, &addr, SHORT_MS), -ETIMEDOUT);
    took_short_wait("sc_connect_timeout again, the same attempt", started);
    sc_close(client);
    while (count > 0)
        sc_close(queued[--count]);

    /* Bad input: refused before anything waits. */
    started = now_us();
    CASE(sc_connect_timeout(-1, &addr, -1), -EBADF);
    CHECK(now_us() - started < 1000000);
    CASE(sc_connect_timeout(listener, NULL, 0), -EFAULT);
    sc_close(listener);
}

int main(void)
{
    int before;

    setvbuf(stdout, NULL, _IOLBF, 0);
    before = open_fds();
    poll_on_a_pair();
    wait_ready();
    accept_timeout();
    read_and_write_timeouts();
    connect_timeout();
    CASE(open_fds(), before);
    return summary();
}
