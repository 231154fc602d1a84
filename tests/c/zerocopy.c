/*
 * zerocopy.c: zero-copy sends through the C ABI, over loopback: SO_ZEROCOPY
 * set and read back (and refused by Unix sockets), TCP (IPv4, IPv6) and
 * UDP sends with SC_MSG_ZEROCOPY whose completions, read with
 * sc_zerocopy_completions, cover every send number exactly once, merged
 * and marked copied; POLLERR while sc_take_error stays 0; the same
 * completion read through sc_recvmsg and sc_cmsg_get_extended_err; an ICMP
 * error read first; a Unix socket's missing error queue; and no descriptor
 * left open. Each case is an exact value (case_harness.h); qemu-user does
 * not emulate SO_ZEROCOPY, so it runs the Unix part only.
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#include "case_harness.h"

#define WAIT_MS 2000

/* Bytes of each TCP send, and how many. */
#define CHUNK 16384
#define TCP_SENDS 32

/* UDP datagrams, and their size. */
#define DATAGRAMS 8
#define DATAGRAM 1000

/* The bytes every send takes its data from. The rule: they stay as they
 * are until a completion covers the sends that used them. */
static unsigned char data[CHUNK];

/* The reader's buffer. */
static unsigned char got[CHUNK];

static int qemu_gap(const char *part)
{
    return known_gap("SOCKCORE_QEMU", part, "qemu-user does not emulate SO_ZEROCOPY (ENOPROTOOPT)");
}

/* Whether send n is in range r, across the wrap at 2^32. */
static int covers(const sc_zerocopy_range *r, uint32_t n)
{
    return (uint32_t)(n - r->first) <= (uint32_t)(r->last - r->first);
}

/* Reads completions from fd until they cover sends numbers, waiting for
 * POLLERR (with no pending error) before each read; then checks that each
 * of 0..sends-1 was covered exactly once and every range was copied, that
 * the queue is empty and POLLERR gone. Returns how many ranges came, or
 * -1 when they did not. */
static int completions(int fd, uint32_t sends)
{
    static unsigned char seen[TCP_SENDS * 4];
    sc_zerocopy_range ranges[8];
    uint32_t covered = 0, n, i;
    int got_ranges = 0, stored, round, copied = 1, once = 1;

    memset(seen, 0, sizeof seen);
    for (round = 0; round < (int)sends && covered < sends; round++) {
        int ready = sc_wait_ready(fd, 0, WAIT_MS);

        if (ready < 0 || !(ready & POLLERR)) {
            CASE(ready & POLLERR, POLLERR);
            return -1;
        }
        CASE(sc_take_error(fd), 0); /* POLLERR, yet no error */
        stored = sc_zerocopy_completions(fd, ranges, 8);
        CHECK(stored > 0);
        if (stored <= 0)
            return -1;
        for (i = 0; i < (uint32_t)stored; i++) {
            copied &= ranges[i].copied == 1;
            for (n = 0; n < sends && n < sizeof seen; n++)
                if (covers(&ranges[i], n))
                    seen[n]++;
            covered += (uint32_t)(ranges[i].last - ranges[i].first) + 1;
        }
        got_ranges += stored;
    }
    for (n = 0; n < sends; n++)
        once &= seen[n] == 1;
    CASE(covered, sends);
    CHECK(once);
    CHECK(copied); /* loopback copies */
    CASE(sc_zerocopy_completions(fd, ranges, 8), 0);
    CHECK(!(sc_wait_ready(fd, 0, 0) & POLLERR));
    return got_ranges;
}

static void option(void)
{
    int tcp, udp6, pair[2];

    printf("SO_ZEROCOPY\n");
    if (!qemu_gap("SO_ZEROCOPY")) {
        tcp = (int)MUST(sc_socket(AF_INET, SOCK_STREAM, 0));
        udp6 = (int)MUST(sc_socket(AF_INET6, SOCK_DGRAM, 0));
        CASE(sc_get_zerocopy(tcp), 0);
        CASE(sc_set_zerocopy(tcp, 5), 0);
        CASE(sc_get_zerocopy(tcp), 1);
        CASE(sc_set_zerocopy(tcp, 0), 0);
        CASE(sc_get_zerocopy(tcp), 0);
        CASE(sc_set_zerocopy(udp6, 1), 0);
        CASE(sc_get_zerocopy(udp6), 1);
        MUST(sc_socketpair(AF_UNIX, SOCK_STREAM, 0, pair));
        CASE(sc_set_zerocopy(pair[0], 1), -EOPNOTSUPP);
        CASE(sc_get_zerocopy(pair[0]), 0);
        sc_close(pair[0]);
        sc_close(pair[1]);
        MUST(sc_socketpair(AF_UNIX, SOCK_DGRAM, 0, pair));
        CASE(sc_set_zerocopy(pair[0], 1), -EOPNOTSUPP);
        sc_close(pair[0]);
        sc_close(pair[1]);
        sc_close(tcp);
        sc_close(udp6);
    }
}

/* TCP_SENDS zero-copy sends of a chunk over a connection on text, each
 * read by the peer before the next; then their completions. */
static void tcp(const char *text)
{
    sc_addr bound;
    int listener, client, server, ranges;
    uint32_t sends = 0;
    int i;

    printf("TCP over %s\n", text);
    if (qemu_gap("TCP zero-copy sends"))
        return;
    listener = (int)MUST(sc_listen_on(text, 1));
    MUST(sc_local_addr(listener, &bound));
    client = (int)MUST(sc_socket(sc_addr_family(&bound), SOCK_STREAM, 0));
    MUST(sc_connect(client, &bound));
    server = (int)MUST(sc_accept(listener, NULL, 0));
    CASE(sc_set_zerocopy(client, 1), 0);
    for (i = 0; i < TCP_SENDS; i++) {
        size_t at = 0;

        while (at < CHUNK) {
            ssize_t n = sc_send(client, data + at, CHUNK - at, SC_MSG_ZEROCOPY);

            if (n <= 0) {
                CASE(n, CHUNK - at);
                goto out;
            }
            at += (size_t)n;
            sends++; /* a short send takes a number too */
        }
        if (sc_read_exact(server, got, CHUNK) != CHUNK || memcmp(got, data, CHUNK) != 0) {
            CHECK(!"the peer read the chunk back");
            goto out;
        }
    }
    CHECK(sends >= TCP_SENDS);
    ranges = completions(client, sends);
    CHECK(ranges > 0 && ranges < (int)sends); /* merged while they waited */
out:
    sc_close(client);
    sc_close(server);
    sc_close(listener);
}

/* DATAGRAMS zero-copy datagrams, each received before the next is sent:
 * they complete in order, nothing reads the queue meanwhile, and the
 * kernel merges them into one range. */
static void udp(const char *text)
{
    sc_addr to;
    sc_zerocopy_range r[2];
    int sender, receiver, i;

    printf("UDP over %s\n", text);
    if (qemu_gap("UDP zero-copy sends"))
        return;
    MUST(sc_addr_parse(&to, text));
    receiver = (int)MUST(sc_socket(sc_addr_family(&to), SOCK_DGRAM, 0));
    MUST(sc_bind(receiver, &to));
    MUST(sc_local_addr(receiver, &to));
    sender = (int)MUST(sc_socket(sc_addr_family(&to), SOCK_DGRAM, 0));
    CASE(sc_set_zerocopy(sender, 1), 0);
    for (i = 0; i < DATAGRAMS; i++) {
        CASE(sc_sendto(sender, data, DATAGRAM, SC_MSG_ZEROCOPY, &to), DATAGRAM);
        CASE(sc_wait_ready(receiver, POLLIN, WAIT_MS), POLLIN);
        CASE(sc_recv(receiver, got, sizeof got, SC_MSG_DONTWAIT), DATAGRAM);
    }
    CASE(sc_wait_ready(sender, 0, WAIT_MS), POLLERR);
    CASE(sc_zerocopy_completions(sender, r, 2), 1);
    CASE(r[0].first, 0);
    CASE(r[0].last, DATAGRAMS - 1);
    CASE(r[0].copied, 1);
    CASE(sc_zerocopy_completions(sender, r, 2), 0);
    sc_close(sender);
    sc_close(receiver);
}

/* A completion read as an error-queue entry, the way a program that mixes
 * it with ICMP errors or timestamps reads it. */
static void through_recvmsg(void)
{
    union {
        struct cmsghdr align;
        unsigned char buf[SC_CMSG_SPACE_EXTENDED_ERR_V4];
    } space;
    struct msghdr msg;
    sc_extended_err err;
    sc_addr to;
    int sender, receiver;

    printf("a completion through sc_recvmsg and sc_cmsg_get_extended_err\n");
    if (qemu_gap("the completion as an error-queue entry"))
        return;
    MUST(sc_addr_parse(&to, "127.0.0.1:0"));
    receiver = (int)MUST(sc_socket(AF_INET, SOCK_DGRAM, 0));
    MUST(sc_bind(receiver, &to));
    MUST(sc_local_addr(receiver, &to));
    sender = (int)MUST(sc_socket(AF_INET, SOCK_DGRAM, 0));
    CASE(sc_set_zerocopy(sender, 1), 0);
    CASE(sc_sendto(sender, data, DATAGRAM, SC_MSG_ZEROCOPY, &to), DATAGRAM);
    CASE(sc_wait_ready(sender, 0, WAIT_MS), POLLERR);
    memset(&msg, 0, sizeof msg);
    msg.msg_control = space.buf;
    msg.msg_controllen = sizeof space.buf;
    CASE(sc_recvmsg(sender, &msg, SC_MSG_ERRQUEUE | SC_MSG_DONTWAIT), 0);
    CASE(msg.msg_flags & (SC_MSG_ERRQUEUE | SC_MSG_CTRUNC), SC_MSG_ERRQUEUE);
    CASE(sc_cmsg_get_extended_err(&msg, &err), 0);
    CASE(err.ee_errno, 0);
    CASE(err.ee_origin, SC_EE_ORIGIN_ZEROCOPY);
    CASE(err.ee_code, SC_EE_CODE_ZEROCOPY_COPIED);
    CASE(err.ee_info, 0);
    CASE(err.ee_data, 0);
    sc_close(sender);
    sc_close(receiver);
}

/* With IP_RECVERR on, an ICMP error queued before a completion is the
 * error of the read that meets it; the completion waits for the next. */
static void foreign_entry_first(void)
{
    sc_zerocopy_range r[4];
    sc_addr to, closed;
    int sender, receiver, gone;

    printf("an ICMP error read first\n");
    if (qemu_gap("an ICMP error before a completion"))
        return;
    MUST(sc_addr_parse(&to, "127.0.0.1:0"));
    receiver = (int)MUST(sc_socket(AF_INET, SOCK_DGRAM, 0));
    MUST(sc_bind(receiver, &to));
    MUST(sc_local_addr(receiver, &to));
    gone = (int)MUST(sc_socket(AF_INET, SOCK_DGRAM, 0));
    MUST(sc_addr_parse(&closed, "127.0.0.1:0"));
    MUST(sc_bind(gone, &closed));
    MUST(sc_local_addr(gone, &closed));
    sc_close(gone); /* nothing listens there now */
    sender = (int)MUST(sc_socket(AF_INET, SOCK_DGRAM, 0));
    CASE(sc_set_recverr(sender, 1), 0);
    CASE(sc_set_zerocopy(sender, 1), 0);
    CASE(sc_sendto(sender, "probe", 5, 0, &closed), 5);
    CASE(sc_wait_ready(sender, 0, WAIT_MS), POLLERR);
    CASE(sc_take_error(sender), ECONNREFUSED); /* this POLLERR has an error */
    CASE(sc_sendto(sender, data, DATAGRAM, SC_MSG_ZEROCOPY, &to), DATAGRAM);
    CASE(sc_wait_ready(receiver, POLLIN, WAIT_MS), POLLIN);
    CASE(sc_zerocopy_completions(sender, r, 4), -ECONNREFUSED);
    CASE(sc_zerocopy_completions(sender, r, 4), 1);
    CASE(r[0].first == 0 && r[0].last == 0 && r[0].copied == 1, 1);
    CASE(sc_zerocopy_completions(sender, r, 4), 0);
    sc_close(sender);
    sc_close(receiver);
}

/* Unix sockets have no error queue: nothing waiting reads as 0, data
 * waiting is refused (a stream keeps it). */
static void unix_socket(void)
{
    sc_zerocopy_range r[2];
    int pair[2];

    printf("a Unix socket\n");
    MUST(sc_socketpair(AF_UNIX, SOCK_STREAM, 0, pair));
    CASE(sc_zerocopy_completions(pair[1], r, 2), 0);
    CASE(sc_write(pair[0], "data", 4), 4);
    CASE(sc_wait_ready(pair[1], POLLIN, WAIT_MS), POLLIN);
    CASE(sc_zerocopy_completions(pair[1], r, 2), -EOPNOTSUPP);
    CASE(sc_recv(pair[1], got, sizeof got, SC_MSG_DONTWAIT), 4);
    sc_close(pair[0]);
    sc_close(pair[1]);
}

int main(void)
{
    int before;
    size_t i;

    setvbuf(stdout, NULL, _IOLBF, 0);
    for (i = 0; i < sizeof data; i++)
        data[i] = (unsigned char)(i % 251);
    before = open_fds();
    option();
    tcp("127.0.0.1:0");
    tcp("[::1]:0");
    udp("127.0.0.1:0");
    udp("[::1]:0");
    through_recvmsg();
    foreign_entry_first();
    unix_socket();
    CASE(open_fds(), before); /* every socket closed, none leaked */
    return summary();
}
