/*
 * unix_echo: Unix stream sockets with the one-call flow, sc_listen_on and
 * sc_dial, and vectored I/O.
 *
 *     unix_echo server unix:/PATH|unix:@NAME [CLIENTS]
 *     unix_echo client unix:/PATH|unix:@NAME MESSAGE
 *
 * The server listens on a filesystem path or an abstract name, prints
 * "listening on ADDRESS", and serves one client at a time, echoing what it
 * sends until it closes; with CLIENTS it exits after that many and removes
 * its socket file. The client dials, sends MESSAGE as two buffers with
 * sc_writev, reads the echo into two buffers with sc_readv, and checks it
 * byte for byte.
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <sys/un.h>
#include <unistd.h>

#include "example.h"
#include "sockcore.h"

#define MAX_MESSAGE 65536
#define DIAL_TIMEOUT_MS 5000

static void echo_until_closed(int fd)
{
    char buf[4096];
    ssize_t n;

    while ((n = check("server", "sc_read", sc_read(fd, buf, sizeof buf))) > 0) {
        printf("server: fd %d: sc_read = %zd bytes; echoing them\n", fd, n);
        check("server", "sc_write_all", sc_write_all(fd, buf, (size_t)n));
    }
    printf("server: fd %d: the client closed\n", fd);
}

static int server(const char *address, long limit)
{
    char text[SC_ADDR_STRLEN];
    sc_addr addr, peer;
    long served = 0;
    int listener;

    listener = (int)check("server", "sc_listen_on", sc_listen_on(address, 16));
    printf("server: sc_listen_on(%s, 16) = fd %d\n", address, listener);
    check("server", "sc_local_addr", sc_local_addr(listener, &addr));
    printf("server: listening on %s\n", addr_text("server", &addr, text));

    while (limit < 0 || served < limit) {
        int fd = sc_accept(listener, &peer, 0);

        if (fd == -EINTR || fd == -ECONNABORTED)
            continue;
        check("server", "sc_accept", fd);
        /* A connecting Unix socket is usually unbound: it has no name, and
         * every call reports that as the empty address (length 0). */
        if (sc_addr_len(&peer) == 0)
            printf("server: sc_accept = fd %d, a client with no name\n", fd);
        else
            printf("server: sc_accept = fd %d, a client from %s\n", fd,
                   addr_text("server", &peer, text));
        echo_until_closed(fd);
        check("server", "sc_close", sc_close(fd));
        served++;
    }
    check("server", "sc_close", sc_close(listener));
    printf("server: served %ld clients; sc_close(fd %d)\n", served, listener);
    remove_socket_file("server", &addr);
    return 0;
}

/* Sends both halves with one sc_writev; sc_write_all sends what it left. */
static void send_message(int fd, const char *message, size_t len)
{
    struct iovec halves[2];
    ssize_t n;

    halves[0].iov_base = (void *)message;
    halves[0].iov_len = len / 2;
    halves[1].iov_base = (void *)(message + len / 2);
    halves[1].iov_len = len - len / 2;
    n = check("client", "sc_writev", sc_writev(fd, halves, 2));
    printf("client: sc_writev(fd %d, 2 buffers, %zu bytes) = %zd\n", fd, len, n);
    if ((size_t)n < len)
        check("client", "sc_write_all", sc_write_all(fd, message + n, len - (size_t)n));
}

/* Receives into two halves with one sc_readv; sc_read_exact fills the rest. */
static size_t receive_echo(int fd, char *echo, size_t len)
{
    struct iovec halves[2];
    ssize_t n, rest;

    halves[0].iov_base = echo;
    halves[0].iov_len = len / 2;
    halves[1].iov_base = echo + len / 2;
    halves[1].iov_len = len - len / 2;
    n = check("client", "sc_readv", sc_readv(fd, halves, 2));
    printf("client: sc_readv(fd %d, 2 buffers, %zu bytes) = %zd\n", fd, len, n);
    if (n == 0 || (size_t)n == len)
        return (size_t)n;
    rest = check("client", "sc_read_exact", sc_read_exact(fd, echo + n, len - (size_t)n));
    return (size_t)(n + rest);
}

static int client(const char *address, const char *message)
{
    static char echo[MAX_MESSAGE];
    char text[SC_ADDR_STRLEN];
    size_t len = strlen(message), got;
    sc_addr peer;
    int fd;

    if (len == 0 || len > MAX_MESSAGE) {
        fprintf(stderr, "client: the message must be 1 to %d bytes\n", MAX_MESSAGE);
        return 2;
    }
    fd = (int)check("client", "sc_dial", sc_dial(address, DIAL_TIMEOUT_MS));
    check("client", "sc_peer_addr", sc_peer_addr(fd, &peer));
    printf("client: sc_dial(%s) = fd %d, connected to %s\n", address, fd,
           addr_text("client", &peer, text));
    send_message(fd, message, len);
    got = receive_echo(fd, echo, len);
    printf("client: echo of %zu bytes: \"%.*s\"\n", got, (int)got, echo);
    check_echo("client", echo, got, message, len);
    check("client", "sc_close", sc_close(fd));
    printf("client: sc_close(fd %d)\n", fd);
    return 0;
}

int main(int argc, char **argv)
{
    return server_or_client(argc, argv, server, client,
                            "usage: unix_echo server unix:/PATH|unix:@NAME [CLIENTS]\n"
                            "       unix_echo client unix:/PATH|unix:@NAME MESSAGE\n");
}
