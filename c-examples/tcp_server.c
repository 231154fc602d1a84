/*
 * tcp_server: the server of the server/client flow, step by step, on the
 * sockcore C ABI.
 *
 *     tcp_server ADDRESS [CLIENTS]
 *
 * Creates a stream socket, binds ADDRESS (port 0 picks a free port; a Unix
 * address works too), listens, and prints "listening on ADDRESS" with the
 * real port. Each client is accepted on a new socket and served -- everything
 * it sends is echoed back until it closes -- while the listening socket keeps
 * accepting: one poll(2) loop watches the listener and every client, since
 * sockcore's descriptors are plain ints. With CLIENTS, the server exits once
 * that many clients have come and gone.
 *
 * Out of descriptors (EMFILE, ENFILE), sc_accept fails with the connection
 * still queued: the server reports it and stops watching the listener, so
 * as not to spin on it, until a client leaves (or a second passes, in case
 * descriptors were freed elsewhere); the waiting client is accepted then.
 * (The other common answer, a spare descriptor closed to accept the client
 * and drop it at once, would turn away a client this server can serve.)
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <sys/socket.h>

#include "example.h"
#include "sockcore.h"

#define WHO "server"
#define MAX_CLIENTS 64

/* Echoes what one read brings; returns 0 once the client is done. */
static int serve(int fd)
{
    char buf[4096];
    ssize_t n = sc_read(fd, buf, sizeof buf);

    if (n == 0) {
        printf(WHO ": fd %d: the client closed\n", fd);
        return 0;
    }
    if (n < 0) {
        /* One client's failure (a reset, say) ends that client only. */
        printf(WHO ": fd %d: sc_read failed: %s (%s)\n", fd, sc_strerror((int)n),
               sc_errname((int)n));
        return 0;
    }
    printf(WHO ": fd %d: sc_read = %zd bytes; echoing them\n", fd, n);
    n = sc_write_all(fd, buf, (size_t)n);
    if (n < 0) {
        printf(WHO ": fd %d: sc_write_all failed: %s (%s)\n", fd, sc_strerror((int)n),
               sc_errname((int)n));
        return 0;
    }
    return 1;
}

/* Accepts one client into the poll set; returns the new count of entries.
 * Sets *out_of_fds when no descriptor was left for it. */
static nfds_t accept_client(int listener, struct pollfd *fds, nfds_t nfds, int *out_of_fds)
{
    char text[SC_ADDR_STRLEN];
    sc_addr peer;
    int fd = sc_accept(listener, &peer, 0);

    if (fd == -ECONNABORTED || fd == -EINTR)
        return nfds; /* the client gave up first: nothing to serve */
    if (fd == -EMFILE || fd == -ENFILE) {
        fprintf(stderr, WHO ": sc_accept failed: %s (%s); accepting again once a client leaves\n",
                sc_strerror(fd), sc_errname(fd));
        *out_of_fds = 1;
        return nfds;
    }
    check(WHO, "sc_accept", fd);
    printf(WHO ": sc_accept = fd %d, a client from %s\n", fd, addr_text(WHO, &peer, text));
    fds[nfds].fd = fd;
    fds[nfds].events = POLLIN;
    fds[nfds].revents = 0;
    return nfds + 1;
}

int main(int argc, char **argv)
{
    char text[SC_ADDR_STRLEN];
    struct pollfd fds[1 + MAX_CLIENTS];
    nfds_t nfds = 1;
    sc_addr addr;
    long limit, served = 0;
    int listener, domain, ready, out_of_fds = 0;

    setvbuf(stdout, NULL, _IOLBF, 0);
    if (argc < 2 || argc > 3) {
        fprintf(stderr, "usage: tcp_server ADDRESS [CLIENTS]\n");
        return 2;
    }
    limit = count_arg(WHO, argc, argv, 2);

    check(WHO, "sc_addr_parse", sc_addr_parse(&addr, argv[1]));
    domain = sc_addr_family(&addr);
    listener = (int)check(WHO, "sc_socket", sc_socket(domain, SOCK_STREAM, 0));
    printf(WHO ": sc_socket(%s, SOCK_STREAM, 0) = fd %d\n", domain_name(domain), listener);
    if (domain != AF_UNIX) {
        /* A plain C call on a sockcore descriptor: rebind a well-known port
         * while old connections sit in TIME_WAIT. */
        int on = 1;
        if (setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on) < 0)
            fail(WHO, "setsockopt(SO_REUSEADDR)", -errno);
        printf(WHO ": setsockopt(fd %d, SO_REUSEADDR)\n", listener);
    }
    check(WHO, "sc_bind", sc_bind(listener, &addr));
    printf(WHO ": sc_bind(fd %d, %s)\n", listener, addr_text(WHO, &addr, text));
    check(WHO, "sc_listen", sc_listen(listener, 16));
    check(WHO, "sc_local_addr", sc_local_addr(listener, &addr));
    printf(WHO ": sc_listen(fd %d, 16)\n", listener);
    printf(WHO ": listening on %s\n", addr_text(WHO, &addr, text));

    fds[0].fd = listener;
    while (limit < 0 || served < limit) {
        nfds_t i;

        /* A full table, or no descriptor left, stops accepting until a
         * client leaves. */
        fds[0].events = nfds < 1 + MAX_CLIENTS && !out_of_fds ? POLLIN : 0;
        fds[0].revents = 0;
        ready = poll(fds, nfds, out_of_fds ? 1000 : -1);
        if (ready < 0) {
            if (errno == EINTR)
                continue;
            fail(WHO, "poll", -errno);
        }
        if (ready == 0)
            out_of_fds = 0;
        for (i = nfds - 1; i >= 1; i--) {
            if (fds[i].revents == 0 || serve(fds[i].fd))
                continue;
            check(WHO, "sc_close", sc_close(fds[i].fd));
            printf(WHO ": sc_close(fd %d)\n", fds[i].fd);
            served++;
            out_of_fds = 0;
            fds[i] = fds[--nfds];
        }
        if (fds[0].revents & POLLIN)
            nfds = accept_client(listener, fds, nfds, &out_of_fds);
    }
    check(WHO, "sc_close", sc_close(listener));
    printf(WHO ": served %ld clients; sc_close(fd %d)\n", served, listener);
    return 0;
}
