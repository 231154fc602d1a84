/*
 * epoll_echo: an echo server for many clients at once, non-blocking, on
 * sockcore's epoll calls (sc_epoll_create, sc_epoll_add, sc_epoll_modify,
 * sc_epoll_wait) and the rest of its C ABI.
 *
 *     epoll_echo ADDRESS [CLIENTS]
 *
 * Listens on ADDRESS (port 0 picks a free port; a Unix address works too)
 * and prints "listening on ADDRESS" with the real port. One level-triggered
 * epoll set watches the listener and every client, all non-blocking:
 * connections are accepted with SC_NONBLOCK until -EAGAIN, and each client's
 * bytes are read into its own buffer and written back. When a client takes
 * its echo more slowly than it sends, the rest waits in its buffer and the
 * server watches for EPOLLOUT instead of reading more, so no client makes
 * the server block or buffer without bound. A client that ends its stream
 * (shutdown or close) gets the rest of its echo and is then closed. With
 * CLIENTS, the server accepts that many, exits once they are done, and
 * prints the totals.
 *
 * Out of descriptors (EMFILE, ENFILE), sc_accept fails with the connection
 * still queued: the server reports it and stops watching the listener, so
 * as not to spin on it, until a client leaves (or a second passes, in case
 * descriptors were freed elsewhere); the waiting client is accepted then.
 * (The other common answer, a spare descriptor closed to accept the client
 * and drop it at once, would turn away a client this server can serve.)
 *
 * Level-triggered rather than edge-triggered (SC_EPOLLET): a client gets at
 * most ROUNDS reads and writes per wake-up, so that one fast client cannot
 * starve the others, and a level-triggered set brings it back for the rest
 * on the next wait. With SC_EPOLLET the server would have to remember every
 * client it left with data unread.
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "example.h"
#include "sockcore.h"

#define WHO "epoll_echo"
/* What one client's echo may hold back: one read's worth. */
#define BUF_SIZE (64 * 1024)
/* Reads and writes for one client per wake-up, so that one fast client
 * cannot starve the others; level-triggered epoll brings it back. */
#define ROUNDS 16
#define EVENTS 256

struct client {
    int fd;
    int ended;             /* the client has ended its stream */
    uint32_t watching;     /* the epoll events asked for */
    size_t start, end;     /* buf[start..end] still to be echoed */
    char buf[BUF_SIZE];
};

/* What the server has done, for the closing line. */
struct totals {
    long accepted, served, failed;
    long waits; /* times an echo waited for a slow reader */
    unsigned long long echoed;
};

/* The data each event carries: the client's pointer (NULL for the
 * listener). */
static uint64_t data_of(struct client *client)
{
    return (uint64_t)(uintptr_t)client;
}

/* Asks for EPOLLOUT while an echo waits in the buffer, EPOLLIN otherwise. */
static void want(int epoll, struct client *client)
{
    uint32_t events = client->start < client->end ? SC_EPOLLOUT : SC_EPOLLIN;

    if (events != client->watching) {
        check(WHO, "sc_epoll_modify",
              sc_epoll_modify(epoll, client->fd, events, data_of(client)));
        client->watching = events;
    }
}

/* Prints one client's failure; the other clients go on. */
static int client_failed(const char *step, struct client *client, long err,
                         struct totals *totals)
{
    fprintf(stderr, WHO ": fd %d: %s failed: %s (%s)\n", client->fd, step, sc_strerror((int)err),
            sc_errname((int)err));
    totals->failed++;
    return 1;
}

/* Echoes what the client sent, as far as it goes without blocking.
 * Returns 1 once the client is done (its stream ended and fully echoed, or
 * it failed), 0 while it stays. */
static int serve(int epoll, struct client *client, struct totals *totals)
{
    int round;
    ssize_t n;

    for (round = 0; round < ROUNDS; round++) {
        if (client->start < client->end) {
            n = sc_write(client->fd, client->buf + client->start, client->end - client->start);
            if (n == -EAGAIN) {
                totals->waits++;
                break;
            }
            if (n < 0)
                return client_failed("sc_write", client, n, totals);
            client->start += (size_t)n;
            totals->echoed += (unsigned long long)n;
            continue;
        }
        if (client->ended)
            return 1;
        n = sc_read(client->fd, client->buf, sizeof client->buf);
        if (n == -EAGAIN)
            break;
        if (n < 0)
            return client_failed("sc_read", client, n, totals);
        if (n == 0)
            client->ended = 1;
        client->start = 0;
        client->end = (size_t)n;
    }
    want(epoll, client);
    return 0;
}

/* Accepts every waiting connection into the epoll set, up to limit in all
 * (negative: no limit). Returns 1 when it ran out of descriptors. */
static int accept_clients(int epoll, int listener, long limit, struct totals *totals)
{
    struct client *client;
    int fd;

    while (limit < 0 || totals->accepted < limit) {
        fd = sc_accept(listener, NULL, SC_NONBLOCK);
        if (fd == -EAGAIN)
            return 0;
        if (fd == -ECONNABORTED || fd == -EINTR)
            continue; /* the client gave up first: nothing to serve */
        if (fd == -EMFILE || fd == -ENFILE) {
            fprintf(stderr,
                    WHO ": sc_accept failed: %s (%s); accepting again once a client leaves\n",
                    sc_strerror(fd), sc_errname(fd));
            return 1;
        }
        check(WHO, "sc_accept", fd);
        client = calloc(1, sizeof *client);
        if (client == NULL) {
            fprintf(stderr, WHO ": no memory for fd %d; closing it\n", fd);
            check(WHO, "sc_close", sc_close(fd));
            totals->failed++;
            continue;
        }
        client->fd = fd;
        client->watching = SC_EPOLLIN;
        check(WHO, "sc_epoll_add", sc_epoll_add(epoll, fd, SC_EPOLLIN, data_of(client)));
        totals->accepted++;
        printf(WHO ": sc_accept = fd %d\n", fd);
    }
    return 0;
}

int main(int argc, char **argv)
{
    struct epoll_event events[EVENTS];
    struct totals totals = {0, 0, 0, 0, 0};
    char text[SC_ADDR_STRLEN];
    sc_addr addr;
    long limit;
    int listener, epoll, ready, i, out_of_fds = 0, accepting = 1;

    setvbuf(stdout, NULL, _IOLBF, 0);
    if (argc < 2 || argc > 3) {
        fprintf(stderr, "usage: epoll_echo ADDRESS [CLIENTS]\n");
        return 2;
    }
    limit = count_arg(WHO, argc, argv, 2);

    /* A deep backlog: many clients may connect at once. */
    listener = (int)check(WHO, "sc_listen_on", sc_listen_on(argv[1], 4096));
    check(WHO, "sc_set_nonblocking", sc_set_nonblocking(listener, 1));
    check(WHO, "sc_local_addr", sc_local_addr(listener, &addr));
    epoll = (int)check(WHO, "sc_epoll_create", sc_epoll_create());
    check(WHO, "sc_epoll_add", sc_epoll_add(epoll, listener, SC_EPOLLIN, data_of(NULL)));
    printf(WHO ": listening on %s\n", addr_text(WHO, &addr, text));

    while (limit < 0 || totals.served < limit) {
        /* Watch the listener while there are clients to come and a
         * descriptor to give them. */
        int accept_more = (limit < 0 || totals.accepted < limit) && !out_of_fds;
        if (accept_more != accepting) {
            check(WHO, "sc_epoll_modify",
                  sc_epoll_modify(epoll, listener, accept_more ? SC_EPOLLIN : 0, data_of(NULL)));
            accepting = accept_more;
        }
        ready = sc_epoll_wait(epoll, events, EVENTS, out_of_fds ? 1000 : -1);
        if (ready == -EINTR)
            continue;
        check(WHO, "sc_epoll_wait", ready);
        if (ready == 0)
            out_of_fds = 0;
        for (i = 0; i < ready; i++) {
            struct client *client = (struct client *)(uintptr_t)events[i].data.u64;
            if (client == NULL) {
                out_of_fds = accept_clients(epoll, listener, limit, &totals);
            } else if (serve(epoll, client, &totals)) {
                check(WHO, "sc_close", sc_close(client->fd));
                free(client);
                totals.served++;
                out_of_fds = 0;
            }
        }
    }
    check(WHO, "sc_close", sc_close(epoll));
    check(WHO, "sc_close", sc_close(listener));
    printf(WHO ": served %ld clients, echoed %llu bytes, %ld failed; "
               "echoes waited for EPOLLOUT %ld times\n",
           totals.served, totals.echoed, totals.failed, totals.waits);
    return totals.failed ? 1 : 0;
}
