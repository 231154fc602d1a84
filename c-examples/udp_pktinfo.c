/*
 * udp_pktinfo: a UDP server on the wildcard address that answers each
 * request from the address the request reached, and reports the ECN bits
 * and TTL it arrived with; typed control messages, no CMSG_DATA casts.
 *
 *     udp_pktinfo server ADDRESS [REQUESTS]
 *     udp_pktinfo client SERVER [--bind IP] [--ecn not-ect|ect1|ect0|ce] [--ttl N]
 *
 * The server binds ADDRESS (0.0.0.0:PORT or [::]:PORT; port 0 picks one),
 * prints "listening on ADDRESS", turns on packet info, TOS and TTL for its
 * family, and for each request prints where it came from, the address it
 * was sent to, the interface, its ECN bits and its TTL; it replies from
 * that address (sc_cmsg_add_source), which a server bound to the wildcard
 * address cannot do otherwise: the kernel would pick the source by route.
 * With REQUESTS it exits after that many.
 *
 * The client (bound to IP with --bind) sends one request to SERVER with
 * the ECN bits and TTL given (sc_cmsg_add_tos, sc_cmsg_add_ttl), waits up
 * to five seconds for the reply, and checks that it came from SERVER, the
 * address it asked.
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/uio.h>

#include "example.h"
#include "sockcore.h"

#define REPLY_TIMEOUT_MS 5000

/* The ECN codepoints, by their bits: as printed, and as given to --ecn. */
static const char *const ecn_names[4] = {"Not-ECT", "ECT(1)", "ECT(0)", "CE"};
static const char *const ecn_args[4] = {"not-ect", "ect1", "ect0", "ce"};

/* One datagram to or from a peer, with its control messages. */
static struct msghdr datagram(struct iovec *iov, void *data, size_t len, sc_addr *peer,
                              void *control, size_t controllen)
{
    struct msghdr msg;

    iov->iov_base = data;
    iov->iov_len = len;
    memset(&msg, 0, sizeof msg);
    msg.msg_iov = iov;
    msg.msg_iovlen = 1;
    msg.msg_name = (void *)sc_addr_sockaddr(peer);
    msg.msg_namelen = (socklen_t)sizeof peer->storage;
    msg.msg_control = control;
    msg.msg_controllen = controllen;
    return msg;
}

/* An address with no port as text: "127.0.0.2", "::1". */
static const char *ip_text(const sc_addr *addr, char text[SC_ADDR_STRLEN])
{
    size_t len = strlen(addr_text("server", addr, text));

    if (text[0] == '[') { /* "[::1]:0" */
        memmove(text, text + 1, len);
        len--;
    }
    text[len - (text[len - 3] == ']' ? 3 : 2)] = '\0'; /* drop ":0" or "]:0" */
    return text;
}

/* Turns on the control messages the server reads, for its family. */
static void receive_control(int fd, int domain)
{
    if (domain == AF_INET6) {
        check("server", "sc_set_recv_pktinfo_v6", sc_set_recv_pktinfo_v6(fd, 1));
        check("server", "sc_set_recv_tclass", sc_set_recv_tclass(fd, 1));
        check("server", "sc_set_recv_hoplimit", sc_set_recv_hoplimit(fd, 1));
    } else {
        check("server", "sc_set_recv_pktinfo", sc_set_recv_pktinfo(fd, 1));
        check("server", "sc_set_recv_tos", sc_set_recv_tos(fd, 1));
        check("server", "sc_set_recv_ttl", sc_set_recv_ttl(fd, 1));
    }
}

/* Receives one request and replies from the address it reached. */
static void answer(int fd)
{
    union {
        struct cmsghdr align;
        unsigned char buf[SC_CMSG_SPACE_RECV_ALL];
    } in;
    union {
        struct cmsghdr align;
        unsigned char buf[SC_CMSG_SPACE_PKTINFO_V6];
    } out;
    char data[512], peer_text[SC_ADDR_STRLEN], local_text[SC_ADDR_STRLEN];
    struct iovec iov;
    struct msghdr msg;
    sc_cmsg_builder reply;
    sc_addr peer, local;
    uint32_t ifindex;
    uint8_t tos = 0, ttl = 0;
    ssize_t n;

    msg = datagram(&iov, data, sizeof data, &peer, in.buf, sizeof in.buf);
    n = check("server", "sc_recvmsg", sc_recvmsg(fd, &msg, 0));
    peer.len = msg.msg_namelen;
    /* The readers find each kind in the control data sc_recvmsg filled. */
    check("server", "sc_cmsg_get_packet_info",
          sc_cmsg_get_packet_info(&msg, NULL, &local, &ifindex));
    check("server", "sc_cmsg_get_tos", sc_cmsg_get_tos(&msg, &tos));
    check("server", "sc_cmsg_get_ttl", sc_cmsg_get_ttl(&msg, &ttl));
    printf("server: %zd bytes from %s to %s on interface %u: ECN %s, TTL %u\n", n,
           addr_text("server", &peer, peer_text), ip_text(&local, local_text), (unsigned)ifindex,
           ecn_names[tos & 3], (unsigned)ttl);

    check("server", "sc_cmsg_builder_init", sc_cmsg_builder_init(&reply, out.buf, sizeof out.buf));
    check("server", "sc_cmsg_add_source", sc_cmsg_add_source(&reply, &local, 0));
    msg = datagram(&iov, data, (size_t)n, &peer, reply.buf, reply.len);
    msg.msg_namelen = (socklen_t)sc_addr_len(&peer);
    check("server", "sc_sendmsg", sc_sendmsg(fd, &msg, 0));
    printf("server: replied from %s\n", local_text);
}

static int server(const char *address, long limit)
{
    char text[SC_ADDR_STRLEN];
    sc_addr addr;
    long answered = 0;
    int fd, domain;

    check("server", "sc_addr_parse", sc_addr_parse(&addr, address));
    domain = sc_addr_family(&addr);
    fd = (int)check("server", "sc_socket", sc_socket(domain, SOCK_DGRAM, 0));
    receive_control(fd, domain);
    check("server", "sc_bind", sc_bind(fd, &addr));
    check("server", "sc_local_addr", sc_local_addr(fd, &addr));
    printf("server: listening on %s\n", addr_text("server", &addr, text));
    while (limit < 0 || answered < limit) {
        answer(fd);
        answered++;
    }
    check("server", "sc_close", sc_close(fd));
    printf("server: answered %ld requests\n", answered);
    return 0;
}

/* The ECN bits named on the command line. */
static int ecn_arg(const char *name)
{
    int bits;

    for (bits = 0; bits < 4; bits++)
        if (strcmp(name, ecn_args[bits]) == 0)
            return bits;
    fprintf(stderr, "client: not an ECN codepoint: %s\n", name);
    exit(2);
}

static int client(const char *address, const char *bind_ip, int ecn, int ttl)
{
    union {
        struct cmsghdr align;
        unsigned char buf[SC_CMSG_SPACE_TOS + SC_CMSG_SPACE_TTL];
    } out;
    char text[SC_ADDR_STRLEN], from_text[SC_ADDR_STRLEN], data[512] = "request";
    struct iovec iov;
    struct msghdr msg;
    sc_cmsg_builder request;
    sc_addr server_addr, local, from;
    int fd;

    check("client", "sc_addr_parse", sc_addr_parse(&server_addr, address));
    fd = (int)check("client", "sc_socket", sc_socket(sc_addr_family(&server_addr), SOCK_DGRAM, 0));
    if (bind_ip != NULL) {
        snprintf(text, sizeof text, "%s:0", bind_ip);
        check("client", "sc_addr_parse", sc_addr_parse(&local, text));
        check("client", "sc_bind", sc_bind(fd, &local));
    }
    /* The ECN bits (with no DSCP) and the TTL of this one datagram. */
    check("client", "sc_cmsg_builder_init",
          sc_cmsg_builder_init(&request, out.buf, sizeof out.buf));
    check("client", "sc_cmsg_add_tos", sc_cmsg_add_tos(&request, &server_addr, ecn));
    if (ttl > 0)
        check("client", "sc_cmsg_add_ttl", sc_cmsg_add_ttl(&request, &server_addr, ttl));
    msg = datagram(&iov, data, strlen(data), &server_addr, request.buf, request.len);
    msg.msg_namelen = (socklen_t)sc_addr_len(&server_addr);
    check("client", "sc_sendmsg", sc_sendmsg(fd, &msg, 0));
    printf("client: sent a request to %s with ECN %s\n", addr_text("client", &server_addr, text),
           ecn_names[ecn]);

    /* A lost datagram must not hang the client: wait a bounded time. */
    check("client", "waiting for the reply", sc_wait_ready(fd, POLLIN, REPLY_TIMEOUT_MS));
    check("client", "sc_recvfrom", sc_recvfrom(fd, data, sizeof data, 0, &from));
    printf("client: reply from %s\n", addr_text("client", &from, from_text));
    check("client", "sc_close", sc_close(fd));
    if (strcmp(from_text, text) != 0) {
        fprintf(stderr, "client: the reply came from %s, not %s\n", from_text, text);
        return 1;
    }
    return 0;
}

int main(int argc, char **argv)
{
    const char *usage = "usage: udp_pktinfo server ADDRESS [REQUESTS]\n"
                        "       udp_pktinfo client SERVER [--bind IP] "
                        "[--ecn not-ect|ect1|ect0|ce] [--ttl N]\n";
    const char *bind_ip = NULL;
    int i, ecn = 0, ttl = 0;

    setvbuf(stdout, NULL, _IOLBF, 0);
    if (argc >= 3 && argc <= 4 && strcmp(argv[1], "server") == 0)
        return server(argv[2], count_arg("server", argc, argv, 3));
    if (argc < 3 || strcmp(argv[1], "client") != 0) {
        fputs(usage, stderr);
        return 2;
    }
    for (i = 3; i + 1 < argc; i += 2) {
        if (strcmp(argv[i], "--bind") == 0)
            bind_ip = argv[i + 1];
        else if (strcmp(argv[i], "--ecn") == 0)
            ecn = ecn_arg(argv[i + 1]);
        else if (strcmp(argv[i], "--ttl") == 0)
            ttl = (int)count_arg("client", argc, argv, i + 1);
        else
            break;
    }
    if (i != argc) {
        fputs(usage, stderr);
        return 2;
    }
    return client(argv[2], bind_ip, ecn, ttl);
}
