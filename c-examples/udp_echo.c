/*
 * udp_echo: datagrams with sc_sendto and sc_recvfrom.
 *
 *     udp_echo server ADDRESS [COUNT]
 *     udp_echo client ADDRESS MESSAGE
 *
 * ADDRESS is an address in text ("127.0.0.1:7", "[::1]:7"), or a port
 * number alone for 127.0.0.1 and that port, built from numbers with
 * sc_addr_ipv4 (no text to parse). The server binds ADDRESS (port 0 picks
 * a free port), prints "listening on ADDRESS", and sends every datagram
 * back to its sender; with COUNT it exits after that many. The client
 * sends MESSAGE to ADDRESS, waits up to five seconds for the echo, and
 * checks that it came from ADDRESS and matches byte for byte.
 */
#define _POSIX_C_SOURCE 200809L

#include <ctype.h>
#include <errno.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "example.h"
#include "sockcore.h"

#define MAX_DATAGRAM 65536
#define REPLY_TIMEOUT_MS 5000

/* ADDRESS into *addr: a port number alone is 127.0.0.1 and that port, from
 * numbers; anything else is text for sc_addr_parse. */
static void address_arg(const char *who, const char *address, sc_addr *addr)
{
    static const uint8_t loopback[4] = {127, 0, 0, 1};
    char *end;
    long port = strtol(address, &end, 10);

    if (!isdigit((unsigned char)address[0]) || *end != '\0') {
        check(who, "sc_addr_parse", sc_addr_parse(addr, address));
        return;
    }
    if (port > 65535) {
        fprintf(stderr, "%s: not a port from 0 to 65535: %s\n", who, address);
        exit(2);
    }
    check(who, "sc_addr_ipv4", sc_addr_ipv4(addr, loopback, (uint16_t)port));
}

static int server(const char *address, long limit)
{
    static char buf[MAX_DATAGRAM];
    char text[SC_ADDR_STRLEN];
    sc_addr addr, peer;
    long echoed = 0;
    int fd, domain;

    address_arg("server", address, &addr);
    domain = sc_addr_family(&addr);
    fd = (int)check("server", "sc_socket", sc_socket(domain, SOCK_DGRAM, 0));
    printf("server: sc_socket(%s, SOCK_DGRAM, 0) = fd %d\n", domain_name(domain), fd);
    check("server", "sc_bind", sc_bind(fd, &addr));
    check("server", "sc_local_addr", sc_local_addr(fd, &addr));
    printf("server: listening on %s\n", addr_text("server", &addr, text));

    while (limit < 0 || echoed < limit) {
        ssize_t n = sc_recvfrom(fd, buf, sizeof buf, 0, &peer);

        if (n == -EINTR)
            continue;
        check("server", "sc_recvfrom", n);
        printf("server: sc_recvfrom = %zd bytes from %s\n", n, addr_text("server", &peer, text));
        n = check("server", "sc_sendto", sc_sendto(fd, buf, (size_t)n, 0, &peer));
        printf("server: sc_sendto = %zd bytes back\n", n);
        echoed++;
    }
    check("server", "sc_close", sc_close(fd));
    printf("server: echoed %ld datagrams; sc_close(fd %d)\n", echoed, fd);
    return 0;
}

static int client(const char *address, const char *message)
{
    static char echo[MAX_DATAGRAM];
    char text[SC_ADDR_STRLEN], expected[SC_ADDR_STRLEN];
    size_t len = strlen(message);
    struct pollfd ready;
    sc_addr addr, from;
    ssize_t n;
    int fd, domain, waited;

    if (len > MAX_DATAGRAM) {
        fprintf(stderr, "client: the message is longer than %d bytes\n", MAX_DATAGRAM);
        return 2;
    }
    address_arg("client", address, &addr);
    domain = sc_addr_family(&addr);
    fd = (int)check("client", "sc_socket", sc_socket(domain, SOCK_DGRAM, 0));
    printf("client: sc_socket(%s, SOCK_DGRAM, 0) = fd %d\n", domain_name(domain), fd);
    n = check("client", "sc_sendto", sc_sendto(fd, message, len, 0, &addr));
    printf("client: sc_sendto(%s) = %zd bytes\n", addr_text("client", &addr, text), n);

    /* A lost datagram must not hang the client: wait a bounded time. */
    ready.fd = fd;
    ready.events = POLLIN;
    waited = poll(&ready, 1, REPLY_TIMEOUT_MS);
    if (waited < 0) /* poll(2) itself, not sockcore: -1 and errno */
        fail("client", "poll", -errno);
    if (waited == 0)
        fail("client", "waiting for the echo", -ETIMEDOUT);
    n = check("client", "sc_recvfrom", sc_recvfrom(fd, echo, sizeof echo, 0, &from));
    printf("client: sc_recvfrom = %zd bytes from %s: \"%.*s\"\n", n,
           addr_text("client", &from, text), (int)n, echo);
    if (strcmp(addr_text("client", &from, text), addr_text("client", &addr, expected)) != 0) {
        fprintf(stderr, "client: the echo came from another address\n");
        return 1;
    }
    check_echo("client", echo, (size_t)n, message, len);
    check("client", "sc_close", sc_close(fd));
    printf("client: sc_close(fd %d)\n", fd);
    return 0;
}

int main(int argc, char **argv)
{
    return server_or_client(argc, argv, server, client,
                            "usage: udp_echo server ADDRESS [COUNT]\n"
                            "       udp_echo client ADDRESS MESSAGE\n");
}
