/*
 * cmsg_typed.c: the typed control messages through the C ABI, over real
 * sockets on loopback: the SC_CMSG_SPACE_* sizes against CMSG_SPACE of the
 * system's structs, every sc_cmsg_add_* builder's bytes walked with the C
 * library's CMSG_* macros, ECN (ECT(0), CE) and TTL round trips over IPv4,
 * IPv6 and IPv4-mapped destinations, a wildcard server replying from the
 * address each request reached, receive and transmit timestamps within
 * the program's own clock readings, the error queue after a send to a
 * closed port, a forced drop count, the original destination, control
 * buffers cut short (every reader returns the right value or an error,
 * never a wrong value), and every new option set and read back. Each case
 * is an exact value (case_harness.h); what qemu-user does not emulate is
 * skipped there with its reason.
 */
#define _GNU_SOURCE /* struct in_pktinfo and in6_pktinfo, for the sizes */

#include <errno.h>
#include <netinet/in.h>
#include <netinet/udp.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>

#include "case_harness.h"

#define WAIT_MS 2000

/* Control space for every kind the readers find, aligned for CMSG_*. */
typedef union {
    struct cmsghdr align;
    unsigned char buf[SC_CMSG_SPACE_RECV_ALL];
} recv_space;

static int qemu_gap(const char *part, const char *reason)
{
    return known_gap("SOCKCORE_QEMU", part, reason);
}

/* A UDP socket bound to text, with the address it got in *bound. */
static int udp_on(const char *text, sc_addr *bound)
{
    sc_addr addr;
    int fd;

    MUST(sc_addr_parse(&addr, text));
    fd = (int)MUST(sc_socket(sc_addr_family(&addr), SOCK_DGRAM, 0));
    MUST(sc_bind(fd, &addr));
    if (bound != NULL)
        MUST(sc_local_addr(fd, bound));
    return fd;
}

/* The address `text` (with port 0) at the port of `port_of`. */
static void at_port(sc_addr *out, const char *text, const sc_addr *port_of)
{
    MUST(sc_addr_parse(out, text));
    MUST(sc_addr_set_port(out, (uint16_t)sc_addr_port(port_of)));
}

/* sc_recvmsg of one datagram (or error-queue entry, with SC_MSG_ERRQUEUE)
 * into data, with controllen bytes of control space, after waiting for it;
 * *msg is what the receive filled. Returns the byte count or -errno. */
static ssize_t receive(int fd, void *data, size_t len, void *control, size_t controllen,
                       int flags, struct msghdr *msg, sc_addr *from)
{
    struct iovec iov;
    int ready = sc_wait_ready(fd, flags & SC_MSG_ERRQUEUE ? 0 : POLLIN, WAIT_MS);

    if (ready < 0)
        return ready;
    iov.iov_base = data;
    iov.iov_len = len;
    memset(msg, 0, sizeof *msg);
    msg->msg_iov = &iov;
    msg->msg_iovlen = 1;
    msg->msg_control = controllen > 0 ? control : NULL;
    msg->msg_controllen = controllen;
    if (from != NULL) {
        msg->msg_name = (void *)sc_addr_sockaddr(from);
        msg->msg_namelen = sizeof from->storage;
    }
    ready = (int)sc_recvmsg(fd, msg, flags | SC_MSG_DONTWAIT);
    if (ready >= 0 && from != NULL)
        from->len = msg->msg_namelen;
    return ready;
}

/* sc_sendmsg of data to *to with the control messages b holds. */
static ssize_t send_with(int fd, const void *data, size_t len, const sc_cmsg_builder *b,
                         const sc_addr *to)
{
    struct msghdr msg;
    struct iovec iov;

    iov.iov_base = (void *)data;
    iov.iov_len = len;
    memset(&msg, 0, sizeof msg);
    msg.msg_iov = &iov;
    msg.msg_iovlen = 1;
    msg.msg_name = to != NULL ? (void *)sc_addr_sockaddr(to) : NULL;
    msg.msg_namelen = to != NULL ? (socklen_t)sc_addr_len(to) : 0;
    msg.msg_control = b != NULL && b->len > 0 ? b->buf : NULL;
    msg.msg_controllen = b != NULL ? b->len : 0;
    return sc_sendmsg(fd, &msg, 0);
}

/* CLOCK_REALTIME now, in nanoseconds. */
static int64_t now_ns(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_REALTIME, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static int64_t stamp_ns(sc_timestamp ts)
{
    return ts.sec * 1000000000 + (int64_t)ts.nsec;
}

static void spaces(void)
{
    printf("SC_CMSG_SPACE_* against CMSG_SPACE of the system's types\n");
    CASE(SC_CMSG_SPACE_UDP_SEGMENT, CMSG_SPACE(sizeof(uint16_t)));
    CASE(SC_CMSG_SPACE_UDP_GRO, CMSG_SPACE(sizeof(int)));
    CASE(SC_CMSG_SPACE_PKTINFO_V4, CMSG_SPACE(sizeof(struct in_pktinfo)));
    CASE(SC_CMSG_SPACE_PKTINFO_V6, CMSG_SPACE(sizeof(struct in6_pktinfo)));
    CASE(SC_CMSG_SPACE_TOS, CMSG_SPACE(sizeof(int)));
    CASE(SC_CMSG_SPACE_TTL, CMSG_SPACE(sizeof(int)));
    CASE(SC_CMSG_SPACE_DONTFRAG, CMSG_SPACE(sizeof(int)));
    CASE(SC_CMSG_SPACE_TX_TIMESTAMP, CMSG_SPACE(sizeof(uint32_t)));
    CASE(SC_CMSG_SPACE_TIMESTAMP, CMSG_SPACE(2 * sizeof(int64_t)));
    CASE(SC_CMSG_SPACE_TIMESTAMPING, CMSG_SPACE(6 * sizeof(int64_t)));
    CASE(SC_CMSG_SPACE_EXTENDED_ERR_V4, CMSG_SPACE(16 + sizeof(struct sockaddr_in)));
    CASE(SC_CMSG_SPACE_EXTENDED_ERR_V6, CMSG_SPACE(16 + sizeof(struct sockaddr_in6)));
    CASE(SC_CMSG_SPACE_ORIGDSTADDR_V4, CMSG_SPACE(sizeof(struct sockaddr_in)));
    CASE(SC_CMSG_SPACE_ORIGDSTADDR_V6, CMSG_SPACE(sizeof(struct sockaddr_in6)));
    CASE(SC_CMSG_SPACE_DROP_COUNT, CMSG_SPACE(sizeof(uint32_t)));
    CASE(SC_CMSG_SPACE_RECV_ALL, sizeof(void *) == 8 ? 504 : 408);
}

/* The next message of a CMSG_* walk has level, type, data length and data. */
static struct cmsghdr *expect_message(struct msghdr *msg, struct cmsghdr *c, int level, int type,
                                      const void *data, size_t len)
{
    c = c == NULL ? CMSG_FIRSTHDR(msg) : CMSG_NXTHDR(msg, c);
    CHECK(c != NULL);
    if (c == NULL)
        return NULL;
    CASE(c->cmsg_level, level);
    CASE(c->cmsg_type, type);
    CASE(c->cmsg_len, CMSG_LEN(len));
    CASE(memcmp(CMSG_DATA(c), data, len), 0);
    return c;
}

static void builder_bytes(void)
{
    union {
        struct cmsghdr align;
        unsigned char buf[320];
    } space;
    struct in_pktinfo pi;
    struct in6_pktinfo pi6;
    sc_cmsg_builder b;
    sc_addr v4, v6, mapped, local;
    struct msghdr msg;
    struct cmsghdr *c = NULL;
    uint16_t segment = 1200;
    int tos = 0xba, ttl = 7, hops = 9, on = 1;
    uint32_t stamp = SC_TIMESTAMPING_TX_SOFTWARE;

    printf("builders, walked with CMSG_FIRSTHDR and CMSG_NXTHDR\n");
    MUST(sc_addr_parse(&v4, "127.0.0.2:443"));
    MUST(sc_addr_parse(&v6, "[::1]:443"));
    MUST(sc_addr_parse(&mapped, "[::ffff:127.0.0.2]:443"));
    MUST(sc_addr_parse(&local, "127.0.0.2:0"));
    CASE(sc_cmsg_builder_init(&b, space.buf, sizeof space.buf), 0);
    CASE(b.len, 0);
    CASE(sc_cmsg_add_udp_segment(&b, segment), 0);
    CASE(sc_cmsg_add_source(&b, &local, 3), 0);
    CASE(sc_cmsg_add_source(&b, &v6, 4), 0);
    CASE(sc_cmsg_add_tos(&b, &v4, tos), 0);
    CASE(sc_cmsg_add_tos(&b, &mapped, 3), 0);
    CASE(sc_cmsg_add_tos(&b, &v6, 2), 0);
    CASE(sc_cmsg_add_ttl(&b, &v4, ttl), 0);
    CASE(sc_cmsg_add_ttl(&b, &v6, hops), 0);
    CASE(sc_cmsg_add_dontfrag(&b, 5), 0);
    CASE(sc_cmsg_add_tx_timestamp(&b, stamp), 0);
    CASE(b.len, SC_CMSG_SPACE_UDP_SEGMENT + SC_CMSG_SPACE_PKTINFO_V4 + SC_CMSG_SPACE_PKTINFO_V6 +
                    3 * SC_CMSG_SPACE_TOS + 2 * SC_CMSG_SPACE_TTL + SC_CMSG_SPACE_DONTFRAG +
                    SC_CMSG_SPACE_TX_TIMESTAMP);

    memset(&msg, 0, sizeof msg);
    msg.msg_control = b.buf;
    msg.msg_controllen = b.len;
    memset(&pi, 0, sizeof pi);
    pi.ipi_ifindex = 3;
    pi.ipi_spec_dst.s_addr = htonl(0x7f000002);
    memset(&pi6, 0, sizeof pi6);
    pi6.ipi6_addr = in6addr_loopback;
    pi6.ipi6_ifindex = 4;
    c = expect_message(&msg, c, SOL_UDP, UDP_SEGMENT, &segment, sizeof segment);
    c = expect_message(&msg, c, IPPROTO_IP, IP_PKTINFO, &pi, sizeof pi);
    c = expect_message(&msg, c, IPPROTO_IPV6, IPV6_PKTINFO, &pi6, sizeof pi6);
    c = expect_message(&msg, c, IPPROTO_IP, IP_TOS, &tos, sizeof tos);
    tos = 3; /* IPv4-mapped: IP_TOS too */
    c = expect_message(&msg, c, IPPROTO_IP, IP_TOS, &tos, sizeof tos);
    tos = 2;
    c = expect_message(&msg, c, IPPROTO_IPV6, IPV6_TCLASS, &tos, sizeof tos);
    c = expect_message(&msg, c, IPPROTO_IP, IP_TTL, &ttl, sizeof ttl);
    c = expect_message(&msg, c, IPPROTO_IPV6, IPV6_HOPLIMIT, &hops, sizeof hops);
    c = expect_message(&msg, c, IPPROTO_IPV6, IPV6_DONTFRAG, &on, sizeof on);
    /* SO_TIMESTAMPING_OLD: every kernel since 4.7 takes it as a message. */
    c = expect_message(&msg, c, SOL_SOCKET, 37, &stamp, sizeof stamp);
    CHECK(c != NULL && CMSG_NXTHDR(&msg, c) == NULL);
}

/* Sends one datagram from tx to *to with a TOS and a TTL (-1: none), and
 * reads what rx saw of them into *tos and *ttl (0xff when absent). */
static void marked_round_trip(int tx, int rx, const sc_addr *to, int tos, int ttl, uint8_t *got_tos,
                              uint8_t *got_ttl)
{
    union {
        struct cmsghdr align;
        unsigned char buf[SC_CMSG_SPACE_TOS + SC_CMSG_SPACE_TTL];
    } out;
    recv_space in;
    sc_cmsg_builder b;
    struct msghdr msg;
    char data[16];

    MUST(sc_cmsg_builder_init(&b, out.buf, sizeof out.buf));
    if (tos >= 0)
        MUST(sc_cmsg_add_tos(&b, to, tos));
    if (ttl >= 0)
        MUST(sc_cmsg_add_ttl(&b, to, ttl));
    CASE(send_with(tx, "ecn", 3, &b, to), 3);
    CASE(receive(rx, data, sizeof data, in.buf, sizeof in.buf, 0, &msg, NULL), 3);
    *got_tos = *got_ttl = 0xff;
    CASE(sc_cmsg_get_tos(&msg, got_tos), 0);
    CASE(sc_cmsg_get_ttl(&msg, got_ttl), 0);
}

static void ecn_and_ttl(void)
{
    static const char *const receivers[] = {"127.0.0.1:0", "[::1]:0"};
    uint8_t tos, ttl;
    sc_addr to, mapped;
    unsigned i;
    int tx, rx;

    printf("ECN and TTL round trips\n");
    for (i = 0; i < 2; i++) {
        rx = udp_on(receivers[i], &to);
        tx = udp_on(receivers[i], NULL);
        if (sc_addr_family(&to) == AF_INET) {
            CASE(sc_set_recv_tos(rx, 1), 0);
            CASE(sc_set_recv_ttl(rx, 1), 0);
        } else {
            CASE(sc_set_recv_tclass(rx, 1), 0);
            CASE(sc_set_recv_hoplimit(rx, 1), 0);
        }
        marked_round_trip(tx, rx, &to, 0x02, -1, &tos, &ttl); /* ECT(0) */
        CASE(tos, 0x02);
        CASE(ttl, 64);
        marked_round_trip(tx, rx, &to, 0x03, 7, &tos, &ttl); /* CE */
        CASE(tos, 0x03);
        CASE(ttl, 7);
        marked_round_trip(tx, rx, &to, 0xba, -1, &tos, &ttl); /* EF + ECT(0) */
        CASE(tos, 0xba);
        sc_close(tx);
        sc_close(rx);
    }

    /* A dual-stack sender to an IPv4-mapped destination: IP_TOS and IP_TTL. */
    rx = udp_on("127.0.0.1:0", &to);
    tx = udp_on("[::]:0", NULL);
    CASE(sc_set_recv_tos(rx, 1), 0);
    CASE(sc_set_recv_ttl(rx, 1), 0);
    at_port(&mapped, "[::ffff:127.0.0.1]:0", &to);
    marked_round_trip(tx, rx, &mapped, 0x03, 9, &tos, &ttl);
    CASE(tos, 0x03);
    CASE(ttl, 9);

    /* The per-packet byte replaces the socket's DSCP. */
    sc_close(tx);
    tx = udp_on("127.0.0.1:0", NULL);
    CASE(sc_set_tos(tx, 0xb8), 0);
    marked_round_trip(tx, rx, &to, 0x02, -1, &tos, &ttl);
    CASE(tos, 0x02);
    sc_close(tx);
    sc_close(rx);
}

/* A client bound to client_text asks the wildcard server at ask; the
 * server replies from the address the request reached. */
static void ask_and_answer(int server, const char *client_text, const sc_addr *ask)
{
    union {
        struct cmsghdr align;
        unsigned char buf[SC_CMSG_SPACE_PKTINFO_V6];
    } out;
    recv_space in;
    sc_cmsg_builder b;
    struct msghdr msg;
    sc_addr peer, destination, local, from;
    uint32_t ifindex = 0;
    char data[16];
    int client = udp_on(client_text, NULL);

    CASE(sc_sendto(client, "ask", 3, 0, ask), 3);
    CASE(receive(server, data, sizeof data, in.buf, sizeof in.buf, 0, &msg, &peer), 3);
    CASE(sc_cmsg_get_packet_info(&msg, &destination, &local, &ifindex), 0);
    CASE(ifindex, sc_interface_index("lo"));
    CASE(sc_addr_port(&local), 0);
    CASE(sc_cmsg_get_packet_info(&msg, NULL, NULL, NULL), 0);
    MUST(sc_cmsg_builder_init(&b, out.buf, sizeof out.buf));
    CASE(sc_cmsg_add_source(&b, &local, 0), 0);
    CASE(send_with(server, "reply", 5, &b, &peer), 5);
    CASE(receive(client, data, sizeof data, NULL, 0, 0, &msg, &from), 5);
    CHECK(sc_addr_equal(&from, ask) == 1);
    sc_close(client);
}

static void packet_info(void)
{
    static const char *const clients[] = {"127.0.0.1:0", "127.0.0.2:0"};
    static const char *const servers[] = {"127.0.0.2:0", "127.0.0.1:0"};
    sc_addr bound, ask;
    unsigned i, j;
    int server;

    printf("a server on 0.0.0.0 and :: replies from the address each request reached\n");
    server = udp_on("0.0.0.0:0", &bound);
    CASE(sc_set_recv_pktinfo(server, 1), 0);
    for (i = 0; i < 2; i++)
        for (j = 0; j < 2; j++) {
            at_port(&ask, servers[j], &bound);
            ask_and_answer(server, clients[i], &ask);
        }
    sc_close(server);
    server = udp_on("[::]:0", &bound);
    CASE(sc_set_recv_pktinfo_v6(server, 1), 0);
    at_port(&ask, "[::1]:0", &bound);
    ask_and_answer(server, "[::1]:0", &ask);
    sc_close(server);
}

static void timestamps(void)
{
    recv_space in;
    struct msghdr msg;
    sc_timestamp ts, software, hardware;
    sc_extended_err err;
    int64_t before, after, previous = 0;
    sc_addr to;
    char data[16];
    int tx, rx, i, in_clock = 0, ordered = 0;

    if (qemu_gap("timestamps", "qemu-user does not emulate SO_TIMESTAMPNS or SO_TIMESTAMPING"))
        return;
    printf("receive times and transmit stamps, within clock_gettime(CLOCK_REALTIME)\n");
    rx = udp_on("127.0.0.1:0", &to);
    tx = udp_on("127.0.0.1:0", NULL);
    CASE(sc_set_recv_timestamps(rx, 1), 0);
    CASE(sc_get_recv_timestamps(rx), 1);
    for (i = 0; i < 20; i++) {
        before = now_ns();
        MUST(sc_sendto(tx, "t", 1, 0, &to));
        MUST(receive(rx, data, sizeof data, in.buf, sizeof in.buf, 0, &msg, NULL));
        after = now_ns();
        memset(&ts, 0, sizeof ts);
        MUST(sc_cmsg_get_timestamp(&msg, &ts));
        in_clock += before <= stamp_ns(ts) && stamp_ns(ts) <= after;
        ordered += stamp_ns(ts) >= previous;
        previous = stamp_ns(ts);
    }
    CASE(in_clock, 20);
    CASE(ordered, 20);

    CASE(sc_set_timestamping(tx, SC_TIMESTAMPING_TX_SOFTWARE | SC_TIMESTAMPING_SOFTWARE |
                                     SC_TIMESTAMPING_OPT_ID | SC_TIMESTAMPING_OPT_TSONLY),
         0);
    CASE(sc_get_timestamping(tx), SC_TIMESTAMPING_TX_SOFTWARE | SC_TIMESTAMPING_SOFTWARE |
                                      SC_TIMESTAMPING_OPT_ID | SC_TIMESTAMPING_OPT_TSONLY);
    before = now_ns();
    for (i = 0; i < 3; i++)
        MUST(sc_sendto(tx, "stamped", 7, 0, &to));
    previous = 0;
    for (i = 0; i < 3; i++) {
        CASE(receive(tx, data, sizeof data, in.buf, sizeof in.buf, SC_MSG_ERRQUEUE, &msg, NULL),
             0);
        CASE(sc_cmsg_get_extended_err(&msg, &err), 0);
        CASE(err.ee_errno, ENOMSG);
        CASE(err.ee_origin, SC_EE_ORIGIN_TIMESTAMPING);
        CASE(err.ee_info, SC_TSTAMP_SND);
        CASE(err.ee_data, i);
        CASE(sc_addr_len(&err.offender), 0);
        CASE(sc_cmsg_get_timestamping(&msg, &software, &hardware), 0);
        CHECK(before <= stamp_ns(software) && stamp_ns(software) <= now_ns());
        CHECK(stamp_ns(software) >= previous);
        previous = stamp_ns(software);
        CASE(stamp_ns(hardware), 0);
    }
    sc_close(tx);
    sc_close(rx);
}

static void error_queue(void)
{
    static const char *const families[] = {"127.0.0.1:0", "[::1]:0"};
    recv_space in;
    struct msghdr msg;
    sc_extended_err err;
    sc_addr closed, offender, from;
    char data[16];
    unsigned i;
    int tx, gone;

    printf("the error queue after a send to a closed port\n");
    for (i = 0; i < 2; i++) {
        gone = udp_on(families[i], &closed);
        sc_close(gone);
        tx = udp_on(families[i], NULL);
        if (i == 0) {
            CASE(sc_set_recverr(tx, 1), 0);
            MUST(sc_addr_parse(&offender, "127.0.0.1:0"));
        } else {
            CASE(sc_set_recverr_v6(tx, 1), 0);
            MUST(sc_addr_parse(&offender, "[::1]:0"));
        }
        CASE(sc_sendto(tx, "probe", 5, 0, &closed), 5);
        CASE(receive(tx, data, sizeof data, in.buf, sizeof in.buf, SC_MSG_ERRQUEUE, &msg, &from),
             5);
        CASE(memcmp(data, "probe", 5), 0);
        CHECK(sc_addr_equal(&from, &closed) == 1);
        memset(&err, 0, sizeof err);
        CASE(sc_cmsg_get_extended_err(&msg, &err), 0);
        CASE(err.ee_errno, ECONNREFUSED);
        CASE(err.ee_origin, i == 0 ? SC_EE_ORIGIN_ICMP : SC_EE_ORIGIN_ICMP6);
        CASE(err.ee_type, i == 0 ? 3 : 1);
        CASE(err.ee_code, i == 0 ? 3 : 4);
        if (!qemu_gap("the offender", "qemu-user zeroes SO_EE_OFFENDER"))
            CHECK(sc_addr_equal(&err.offender, &offender) == 1);
        CASE(sc_recv(tx, data, sizeof data, SC_MSG_DONTWAIT), -EAGAIN);
        /* Unread, the next entry fails an ordinary receive first. */
        CASE(sc_sendto(tx, "probe", 5, 0, &closed), 5);
        CASE(sc_wait_ready(tx, 0, WAIT_MS) & POLLERR, POLLERR);
        CASE(sc_recv(tx, data, sizeof data, SC_MSG_DONTWAIT), -ECONNREFUSED);
        sc_close(tx);
    }
}

static void drop_count(void)
{
    recv_space in;
    struct msghdr msg;
    char data[1000];
    sc_addr to;
    uint32_t drops = 12345;
    int tx, rx, i, received = 0;
    ssize_t n;

    if (qemu_gap("drop count", "qemu-user does not emulate SO_RXQ_OVFL"))
        return;
    printf("SO_RXQ_OVFL counting a forced overflow\n");
    rx = udp_on("127.0.0.1:0", &to);
    tx = udp_on("127.0.0.1:0", NULL);
    CASE(sc_set_rxq_ovfl(rx, 1), 0);
    CASE(sc_get_rxq_ovfl(rx), 1);
    MUST(sc_set_rcvbuf(rx, 1)); /* the kernel's minimum: about one datagram */
    memset(data, 7, sizeof data);
    for (i = 0; i < 100; i++)
        MUST(sc_sendto(tx, data, sizeof data, 0, &to));
    CASE(receive(rx, data, sizeof data, in.buf, sizeof in.buf, 0, &msg, NULL), 1000);
    CASE(sc_cmsg_get_drop_count(&msg, &drops), -ENOENT); /* none while the count was 0 */
    received = 1;
    while (received < 100 && sc_recv(rx, data, sizeof data, SC_MSG_DONTWAIT) > 0)
        received++;
    MUST(sc_sendto(tx, "last", 4, 0, &to));
    n = receive(rx, data, sizeof data, in.buf, sizeof in.buf, 0, &msg, NULL);
    CASE(n, 4);
    CASE(sc_cmsg_get_drop_count(&msg, &drops), 0);
    CASE(drops, 100 - received);
    sc_close(tx);
    sc_close(rx);
}

/* One datagram to `dest` (port 0: the server's is put in) of a server on
 * `wildcard` with the original destination asked for by `set`: it arrives
 * with `dest` and the server's port as its original destination. */
static void original_destination_via(const char *wildcard, const char *dest, const char *from,
                                     int (*set)(int, int), int (*get)(int))
{
    recv_space in;
    struct msghdr msg;
    sc_addr bound, ask, dst;
    char data[8];
    int server = udp_on(wildcard, &bound), client;

    CASE(set(server, 1), 0);
    CASE(get(server), 1);
    at_port(&ask, dest, &bound);
    client = udp_on(from, NULL);
    MUST(sc_sendto(client, "o", 1, 0, &ask));
    CASE(receive(server, data, sizeof data, in.buf, sizeof in.buf, 0, &msg, NULL), 1);
    CASE(sc_cmsg_get_origdstaddr(&msg, &dst), 0);
    CHECK(sc_addr_equal(&dst, &ask) == 1);
    sc_close(client);
    sc_close(server);
}

static void original_destination(void)
{
    printf("the original destination\n");
    if (!qemu_gap("IPv4 original destination", "qemu-user does not emulate IP_RECVORIGDSTADDR"))
        original_destination_via("0.0.0.0:0", "127.0.0.2:0", "127.0.0.1:0", sc_set_recv_origdstaddr,
                                 sc_get_recv_origdstaddr);
    original_destination_via("[::]:0", "[::1]:0", "[::1]:0", sc_set_recv_origdstaddr_v6,
                             sc_get_recv_origdstaddr_v6);
}

/* A reader's return with a cut control buffer: the right value (0), or an
 * error that says why there is none; never another value. */
static int acceptable(int ret, int right)
{
    return (ret == 0 && right) || ret == -EBADMSG || ret == -ENOBUFS;
}

static void cut_short(void)
{
    recv_space in;
    struct msghdr msg;
    sc_addr to, local, expected_local;
    sc_timestamp ts;
    uint8_t tos, ttl;
    uint32_t ifindex;
    int64_t before, after;
    size_t size, full = SC_CMSG_SPACE_TIMESTAMP + SC_CMSG_SPACE_PKTINFO_V4 + SC_CMSG_SPACE_TTL +
                        CMSG_SPACE(1);
    int tx, rx, right = 0, cut = 0, rows = 0;
    char data[8];

    if (qemu_gap("control data cut short",
                 "qemu-user sets no MSG_CTRUNC and does not emulate SO_TIMESTAMPNS"))
        return;
    printf("control buffers from %zu bytes down to none\n", full);
    rx = udp_on("127.0.0.1:0", &to);
    tx = udp_on("127.0.0.1:0", NULL);
    MUST(sc_set_recv_timestamps(rx, 1));
    MUST(sc_set_recv_pktinfo(rx, 1));
    MUST(sc_set_recv_ttl(rx, 1));
    MUST(sc_set_recv_tos(rx, 1));
    MUST(sc_addr_parse(&expected_local, "127.0.0.1:0"));
    for (size = full;; size--) {
        int r1, r2, r3, r4;

        before = now_ns();
        MUST(sc_sendto(tx, "cut", 3, 0, &to));
        MUST(receive(rx, data, sizeof data, in.buf, size, 0, &msg, NULL));
        after = now_ns();
        ts.sec = -1;
        tos = ttl = 0xff;
        r1 = sc_cmsg_get_timestamp(&msg, &ts);
        r2 = sc_cmsg_get_packet_info(&msg, NULL, &local, &ifindex);
        r3 = sc_cmsg_get_ttl(&msg, &ttl);
        r4 = sc_cmsg_get_tos(&msg, &tos);
        rows += acceptable(r1, before <= stamp_ns(ts) && stamp_ns(ts) <= after) &&
                acceptable(r2, r2 == 0 && sc_addr_equal(&local, &expected_local) == 1) &&
                acceptable(r3, ttl == 64) && acceptable(r4, tos == 0);
        right += r1 == 0 && r2 == 0 && r3 == 0 && r4 == 0;
        cut += (r1 == -EBADMSG) + (r2 == -EBADMSG) + (r3 == -EBADMSG) + (r4 == -EBADMSG);
        if (size == full)
            CASE(msg.msg_flags & MSG_CTRUNC, 0);
        if (size == 0) {
            CASE(msg.msg_flags & MSG_CTRUNC, MSG_CTRUNC);
            break;
        }
    }
    CASE(rows, (int)full + 1);
    CHECK(right >= 1);
    CHECK(cut >= 10);
    sc_close(tx);
    sc_close(rx);
}

static void wrong_size_sends_nothing(void)
{
    union {
        struct cmsghdr align;
        unsigned char buf[64];
    } out;
    sc_cmsg_builder b;
    sc_addr to;
    int segment = 1200;
    int tx, rx;

    printf("a UDP_SEGMENT of the wrong size is refused and sends nothing\n");
    rx = udp_on("127.0.0.1:0", &to);
    tx = udp_on("127.0.0.1:0", NULL);
    MUST(sc_cmsg_builder_init(&b, out.buf, sizeof out.buf));
    CASE(sc_cmsg_add(&b, SOL_UDP, UDP_SEGMENT, &segment, sizeof segment), 0);
    CASE(send_with(tx, "x", 1, &b, &to), -EINVAL);
    CASE(sc_wait_ready(rx, POLLIN, 100), -ETIMEDOUT);
    sc_close(tx);
    sc_close(rx);
}

static void options(void)
{
    int v4 = udp_on("127.0.0.1:0", NULL), v6 = udp_on("[::1]:0", NULL), peer;
    sc_addr addr;

    printf("the new options, set and read back\n");
#define SWITCH(fd, name)                                                                           \
    do {                                                                                           \
        CASE(sc_get_##name(fd), 0);                                                                \
        CASE(sc_set_##name(fd, 7), 0);                                                             \
        CASE(sc_get_##name(fd), 1);                                                                \
        CASE(sc_set_##name(fd, 0), 0);                                                             \
        CASE(sc_get_##name(fd), 0);                                                                \
    } while (0)
    SWITCH(v4, recv_pktinfo);
    SWITCH(v4, recv_tos);
    if (!qemu_gap("IP_RECVTTL read back", "qemu-user does not emulate getsockopt(IP_RECVTTL)"))
        SWITCH(v4, recv_ttl);
    SWITCH(v4, recverr);
    SWITCH(v6, recv_pktinfo_v6);
    SWITCH(v6, recv_tclass);
    SWITCH(v6, recv_hoplimit);
    SWITCH(v6, recverr_v6);
    SWITCH(v6, recv_origdstaddr_v6);
    if (!qemu_gap("IP_RECVORIGDSTADDR, SO_RXQ_OVFL, IPV6_DONTFRAG, timestamps",
                  "qemu-user does not emulate them")) {
        SWITCH(v4, recv_origdstaddr);
        SWITCH(v4, rxq_ovfl);
        SWITCH(v6, dontfrag);
        SWITCH(v6, recv_timestamps);
        CASE(sc_set_timestamping(v4, SC_TIMESTAMPING_RX_SOFTWARE | SC_TIMESTAMPING_SOFTWARE), 0);
        CASE(sc_get_timestamping(v4), SC_TIMESTAMPING_RX_SOFTWARE | SC_TIMESTAMPING_SOFTWARE);
        CASE(sc_set_timestamping(v4, 0), 0);
        CASE(sc_get_timestamping(v4), 0);
    }
#undef SWITCH
    CASE(sc_get_mtu_discover(v4), IP_PMTUDISC_WANT);
    CASE(sc_set_mtu_discover(v4, IP_PMTUDISC_DO), 0);
    CASE(sc_get_mtu_discover(v4), IP_PMTUDISC_DO);
    CASE(sc_set_mtu_discover(v4, IP_PMTUDISC_OMIT), 0);
    CASE(sc_get_mtu_discover(v4), IP_PMTUDISC_OMIT);
    CASE(sc_set_mtu_discover(v4, 6), -EINVAL);
    CASE(sc_set_mtu_discover(v4, -1), -EINVAL);
    CASE(sc_set_mtu_discover_v6(v6, IPV6_PMTUDISC_PROBE), 0);
    CASE(sc_get_mtu_discover_v6(v6), IPV6_PMTUDISC_PROBE);
    /* The other family's level. */
    CASE(sc_set_recv_tclass(v4, 1), -ENOPROTOOPT);
    if (!qemu_gap("IP_MTU", "qemu-user does not emulate IP_MTU")) {
        CASE(sc_get_mtu(v4), -ENOTCONN);
        peer = udp_on("127.0.0.1:0", &addr);
        MUST(sc_connect(v4, &addr));
        CASE(sc_get_mtu(v4), 65535);
        sc_close(peer);
    }
    CASE(sc_get_mtu_v6(v6), -ENOTCONN);
    peer = udp_on("[::1]:0", &addr);
    MUST(sc_connect(v6, &addr));
    CASE(sc_get_mtu_v6(v6), 65536);
    sc_close(peer);
    sc_close(v4);
    sc_close(v6);
}

int main(void)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    spaces();
    builder_bytes();
    ecn_and_ttl();
    packet_info();
    timestamps();
    error_queue();
    drop_count();
    original_destination();
    cut_short();
    wrong_size_sends_nothing();
    options();
    return summary();
}
