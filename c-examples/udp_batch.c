/*
 * udp_batch: UDP datagrams in batches of 32, one system call per batch
 * each way, with sc_sendmmsg and sc_recvmmsg.
 *
 *     udp_batch server ADDRESS [DATAGRAMS]
 *     udp_batch client ADDRESS BATCHES
 *
 * The server binds ADDRESS, prints "listening on ADDRESS", and echoes
 * datagrams back to each one's sender, receiving as many as have arrived
 * (up to a batch) per sc_recvmmsg and answering them with one
 * sc_sendmmsg; with DATAGRAMS it exits after echoing that many. The client
 * sends BATCHES batches of 32 numbered datagrams, collects the 32 echoes of
 * each batch, checks every one byte for byte, and prints the counts both
 * ways.
 */
#define _GNU_SOURCE /* struct mmsghdr */

#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/uio.h>

#include "example.h"
#include "sockcore.h"

#define BATCH 32
#define MAX_DATAGRAM 64
#define ECHO_TIMEOUT_MS 5000

/* One batch in caller memory: headers, buffers and addresses. */
struct batch {
    struct mmsghdr msgs[BATCH];
    struct iovec iov[BATCH];
    char data[BATCH][MAX_DATAGRAM];
    struct sockaddr_storage addrs[BATCH];
};

/* Points message i at its buffer (len bytes of it) and, unless addr_len
 * is 0, at its address. */
static void prepare(struct batch *b, int i, size_t len, socklen_t addr_len)
{
    struct msghdr *hdr = &b->msgs[i].msg_hdr;

    memset(hdr, 0, sizeof *hdr);
    b->iov[i].iov_base = b->data[i];
    b->iov[i].iov_len = len;
    hdr->msg_iov = &b->iov[i];
    hdr->msg_iovlen = 1;
    if (addr_len > 0) {
        hdr->msg_name = &b->addrs[i];
        hdr->msg_namelen = addr_len;
    }
    b->msgs[i].msg_len = 0;
}

/* Sends the first count messages of b, calling again after a partial
 * batch until all went; returns the number of calls. */
static int send_all(const char *who, int fd, struct batch *b, int count)
{
    int sent = 0, calls = 0;

    while (sent < count) {
        sent += (int)check(who, "sc_sendmmsg",
                           sc_sendmmsg(fd, b->msgs + sent, (unsigned int)(count - sent), 0));
        calls++;
    }
    return calls;
}

static int server(const char *address, long limit)
{
    static struct batch in, out;
    char text[SC_ADDR_STRLEN];
    long received = 0, echoed = 0, calls = 0;
    sc_addr addr;
    int fd, i, n;

    check("server", "sc_addr_parse", sc_addr_parse(&addr, address));
    fd = (int)check("server", "sc_socket", sc_socket(sc_addr_family(&addr), SOCK_DGRAM, 0));
    check("server", "sc_bind", sc_bind(fd, &addr));
    check("server", "sc_local_addr", sc_local_addr(fd, &addr));
    printf("server: listening on %s\n", addr_text("server", &addr, text));

    while (limit < 0 || echoed < limit) {
        for (i = 0; i < BATCH; i++)
            prepare(&in, i, MAX_DATAGRAM, sizeof in.addrs[i]);
        /* Blocks for the first datagram, then takes what else is there. */
        n = sc_recvmmsg(fd, in.msgs, BATCH, SC_MSG_WAITFORONE, -1);
        if (n == -EINTR)
            continue;
        check("server", "sc_recvmmsg", n);
        calls++;
        received += n;
        for (i = 0; i < n; i++) {
            prepare(&out, i, in.msgs[i].msg_len, in.msgs[i].msg_hdr.msg_namelen);
            memcpy(out.data[i], in.data[i], in.msgs[i].msg_len);
            memcpy(&out.addrs[i], &in.addrs[i], in.msgs[i].msg_hdr.msg_namelen);
        }
        send_all("server", fd, &out, n);
        echoed += n;
    }
    printf("server: received %ld datagrams in %ld sc_recvmmsg calls, echoed %ld\n", received,
           calls, echoed);
    check("server", "sc_close", sc_close(fd));
    return 0;
}

/* Receives count echoes into b, waiting at most ECHO_TIMEOUT_MS for each
 * wave; returns the number of sc_recvmmsg calls. */
static int receive_echoes(int fd, struct batch *b, int count)
{
    int got = 0, calls = 0, i, n;

    for (i = 0; i < count; i++)
        prepare(b, i, MAX_DATAGRAM, 0);
    while (got < count) {
        n = sc_wait_ready(fd, POLLIN, ECHO_TIMEOUT_MS);
        if (n == -ETIMEDOUT) {
            fprintf(stderr, "client: %d of %d echoes missing after %d ms\n", count - got, count,
                    ECHO_TIMEOUT_MS);
            exit(1);
        }
        check("client", "sc_wait_ready", n);
        n = (int)check("client", "sc_recvmmsg",
                       sc_recvmmsg(fd, b->msgs + got, (unsigned int)(count - got),
                                   SC_MSG_DONTWAIT, -1));
        got += n;
        calls++;
    }
    return calls;
}

static int client(const char *address, const char *batches_text)
{
    static struct batch out, in;
    long batches = strtol(batches_text, NULL, 10), b, sent = 0, echoes = 0;
    int fd, i, send_calls = 0, recv_calls = 0;
    sc_addr addr;

    if (batches < 1 || batches > 100000) {
        fprintf(stderr, "client: BATCHES must be 1 to 100000\n");
        return 2;
    }
    check("client", "sc_addr_parse", sc_addr_parse(&addr, address));
    fd = (int)check("client", "sc_socket", sc_socket(sc_addr_family(&addr), SOCK_DGRAM, 0));
    /* Connected: no per-message address, and only the server's datagrams. */
    check("client", "sc_connect", sc_connect(fd, &addr));

    for (b = 0; b < batches; b++) {
        for (i = 0; i < BATCH; i++) {
            int len = snprintf(out.data[i], MAX_DATAGRAM, "batch %ld datagram %d", b, i);
            prepare(&out, i, (size_t)len, 0);
        }
        send_calls += send_all("client", fd, &out, BATCH);
        sent += BATCH;
        recv_calls += receive_echoes(fd, &in, BATCH);
        for (i = 0; i < BATCH; i++)
            check_echo("client", in.data[i], in.msgs[i].msg_len, out.data[i],
                       out.iov[i].iov_len);
        echoes += BATCH;
    }
    printf("client: sent %ld datagrams in %ld batches (%d sc_sendmmsg calls)\n", sent, batches,
           send_calls);
    printf("client: received %ld echoes (%d sc_recvmmsg calls), every one intact\n", echoes,
           recv_calls);
    check("client", "sc_close", sc_close(fd));
    return 0;
}

int main(int argc, char **argv)
{
    return server_or_client(argc, argv, server, client,
                            "usage: udp_batch server ADDRESS [DATAGRAMS]\n"
                            "       udp_batch client ADDRESS BATCHES\n");
}
