/*
 * msg_batch.c: sc_sendmmsg and sc_recvmmsg through the C ABI: whole
 * batches over IPv4 and IPv6 loopback with per-message addresses, batches
 * that stop part-way (exact counts, and the error of the message that
 * stopped them), descriptors in a batch with one message's control data
 * truncated (nothing leaked), MSG_TRUNC per message, and bad input.
 */
#define _GNU_SOURCE /* struct mmsghdr */

#include <errno.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/socket.h>
#include <sys/uio.h>

#include "case_harness.h"

#define UNKNOWN_FLAG 0x200
#define BATCH 8
#define WAIT_MS 5000

/* A batch of messages, each over its own buffer, address and control. */
struct batch {
    struct mmsghdr msgs[64];
    struct iovec iov[64];
    char data[64][1024];
    sc_addr addrs[64];
    union {
        char buf[SC_CMSG_SPACE_FDS(2)];
        size_t align; /* as a struct cmsghdr */
    } control[64];
};

static struct batch out, in;

/* Message i of b over len bytes of its buffer; with its address when
 * with_addr; with control bytes of its control space when control > 0. */
static void prepare(struct batch *b, int i, size_t len, int with_addr, size_t control)
{
    struct msghdr *hdr = &b->msgs[i].msg_hdr;

    memset(&b->msgs[i], 0, sizeof b->msgs[i]);
    b->iov[i].iov_base = b->data[i];
    b->iov[i].iov_len = len;
    hdr->msg_iov = &b->iov[i];
    hdr->msg_iovlen = 1;
    if (with_addr) {
        hdr->msg_name = (void *)sc_addr_sockaddr(&b->addrs[i]);
        hdr->msg_namelen = sizeof(struct sockaddr_storage);
    }
    if (control > 0) {
        hdr->msg_control = b->control[i].buf;
        hdr->msg_controllen = control;
    }
}

/* Fills count outgoing messages "message N" to *to (NULL: no address). */
static void outgoing(int count, const sc_addr *to)
{
    int i;

    for (i = 0; i < count; i++) {
        int len = snprintf(out.data[i], sizeof out.data[i], "message %d", i);

        prepare(&out, i, (size_t)len, to != NULL, 0);
        if (to != NULL) {
            out.addrs[i] = *to;
            out.msgs[i].msg_hdr.msg_namelen = (socklen_t)sc_addr_len(to);
        }
    }
}

/* Receives up to count messages into in, waiting at most WAIT_MS for each
 * wave; returns how many arrived, or the first error. */
static int receive(int fd, int count, int with_addr)
{
    int got = 0, i, n;

    for (i = 0; i < count; i++)
        prepare(&in, i, sizeof in.data[i], with_addr, 0);
    while (got < count) {
        if ((n = sc_wait_ready(fd, POLLIN, WAIT_MS)) < 0)
            return got > 0 ? got : n;
        n = sc_recvmmsg(fd, in.msgs + got, (unsigned int)(count - got), SC_MSG_DONTWAIT, -1);
        if (n < 0)
            return got > 0 ? got : n;
        got += n;
    }
    return got;
}

/* Whether in's first count messages carry out's, in order. */
static int intact(int count)
{
    int i;

    for (i = 0; i < count; i++)
        if (in.msgs[i].msg_len != out.iov[i].iov_len ||
            memcmp(in.data[i], out.data[i], out.iov[i].iov_len) != 0)
            return 0;
    return 1;
}

static void whole_batches(const char *loopback)
{
    sc_addr rx_addr, tx_addr, from;
    int rx, tx, i, same_sender = 1;

    MUST(sc_addr_parse(&rx_addr, loopback));
    rx = (int)MUST(sc_socket(sc_addr_family(&rx_addr), SOCK_DGRAM, 0));
    tx = (int)MUST(sc_socket(sc_addr_family(&rx_addr), SOCK_DGRAM, 0));
    MUST(sc_bind(rx, &rx_addr));
    MUST(sc_bind(tx, &rx_addr));
    MUST(sc_local_addr(rx, &rx_addr));
    MUST(sc_local_addr(tx, &tx_addr));
    printf("batch of %d over %s\n", BATCH, loopback);

    outgoing(BATCH, &rx_addr);
    CASE(sc_sendmmsg(tx, out.msgs, BATCH, 0), BATCH);
    CASE(out.msgs[BATCH - 1].msg_len, out.iov[BATCH - 1].iov_len);
    CASE(receive(rx, BATCH, 1), BATCH);
    CHECK(intact(BATCH));
    for (i = 0; i < BATCH; i++) {
        MUST(sc_addr_from_sockaddr(&from, in.msgs[i].msg_hdr.msg_name,
                                   in.msgs[i].msg_hdr.msg_namelen));
        same_sender &= sc_addr_port(&from) == sc_addr_port(&tx_addr);
    }
    CHECK(same_sender);

    /* Nothing more: a non-blocking receive says so. */
    CASE(sc_recvmmsg(rx, in.msgs, BATCH, SC_MSG_DONTWAIT, -1), -EAGAIN);
    /* MSG_WAITFORONE on a blocking socket returns with what is queued. */
    outgoing(2, &rx_addr);
    CASE(sc_sendmmsg(tx, out.msgs, 2, 0), 2);
    CASE(sc_wait_ready(rx, POLLIN, WAIT_MS) & POLLIN, POLLIN);
    CASE(receive(rx, 1, 0), 1);
    for (i = 0; i < BATCH; i++)
        prepare(&in, i, sizeof in.data[i], 0, 0);
    CASE(sc_recvmmsg(rx, in.msgs, BATCH, SC_MSG_WAITFORONE, -1), 1);
    sc_close(rx);
    sc_close(tx);
}

static void batches_that_stop_part_way(void)
{
    sc_addr rx_addr;
    int rx, tx, fds[2], sent, i;

    /* Message 3 has no destination: exactly 3 go, then its error. */
    MUST(sc_addr_parse(&rx_addr, "127.0.0.1:0"));
    rx = (int)MUST(sc_socket(AF_INET, SOCK_DGRAM, 0));
    tx = (int)MUST(sc_socket(AF_INET, SOCK_DGRAM, 0));
    MUST(sc_bind(rx, &rx_addr));
    MUST(sc_local_addr(rx, &rx_addr));
    outgoing(5, &rx_addr);
    out.msgs[3].msg_hdr.msg_name = NULL;
    out.msgs[3].msg_hdr.msg_namelen = 0;
    CASE(sc_sendmmsg(tx, out.msgs, 5, 0), 3);
    CASE(out.msgs[2].msg_len, out.iov[2].iov_len);
    CASE(out.msgs[3].msg_len, 0);
    CASE(sc_sendmmsg(tx, out.msgs + 3, 2, 0), -EDESTADDRREQ);
    CASE(receive(rx, 3, 0), 3);
    CHECK(intact(3));
    CASE(sc_recvmmsg(rx, in.msgs, BATCH, SC_MSG_DONTWAIT, -1), -EAGAIN);
    sc_close(rx);
    sc_close(tx);

    /* A full queue: a non-blocking sender with a small buffer sends what
     * fits, and exactly that many arrive. */
    MUST(sc_socketpair(AF_UNIX, SOCK_DGRAM, SC_NONBLOCK, fds));
    MUST(sc_set_sndbuf(fds[0], 4096));
    for (i = 0; i < 64; i++) {
        memset(out.data[i], 'a' + i % 26, 1000);
        prepare(&out, i, 1000, 0, 0);
    }
    sent = sc_sendmmsg(fds[0], out.msgs, 64, 0);
    printf("a batch of 64 datagrams of 1000 bytes into a full queue: %d sent\n", sent);
    CHECK(sent > 0 && sent < 64);
    if (sent > 0 && sent < 64) {
        CASE(out.msgs[sent].msg_len, 0);
        CASE(sc_sendmmsg(fds[0], out.msgs + sent, 64U - (unsigned int)sent, 0), -EAGAIN);
        /* A Unix datagram is in the receiver's queue once sent. */
        for (i = 0; i < 64; i++)
            prepare(&in, i, sizeof in.data[i], 0, 0);
        CASE(sc_recvmmsg(fds[1], in.msgs, 64, SC_MSG_DONTWAIT, -1), sent);
        CHECK(intact(sent));
        CASE(sc_recvmmsg(fds[1], in.msgs, 64, 0, -1), -EAGAIN);
    }
    sc_close(fds[0]);
    sc_close(fds[1]);
}

/* One SCM_RIGHTS message with fd twice into out's message i. */
static void attach_two(int i, int fd)
{
    struct cmsghdr *cmsg = (struct cmsghdr *)out.control[i].buf;
    int two[2];

    two[0] = two[1] = fd;
    cmsg->cmsg_level = SOL_SOCKET;
    cmsg->cmsg_type = SCM_RIGHTS;
    cmsg->cmsg_len = CMSG_LEN(sizeof two);
    memcpy(CMSG_DATA(cmsg), two, sizeof two);
    out.msgs[i].msg_hdr.msg_control = out.control[i].buf;
    out.msgs[i].msg_hdr.msg_controllen = CMSG_SPACE(sizeof two);
}

static void descriptors_in_a_batch(void)
{
    int fds[2], before, fd, i;
    struct cmsghdr *cmsg;

    MUST(sc_socketpair(AF_UNIX, SOCK_DGRAM, 0, fds));
    before = open_fds();
    outgoing(2, NULL);
    attach_two(0, fds[0]);
    attach_two(1, fds[0]);
    CASE(sc_sendmmsg(fds[0], out.msgs, 2, 0), 2);

    /* Room for both descriptors in message 0, for one in message 1
     * (CMSG_SPACE would pad one to two on 64-bit targets). */
    prepare(&in, 0, sizeof in.data[0], 0, SC_CMSG_SPACE_FDS(2));
    prepare(&in, 1, sizeof in.data[1], 0, CMSG_LEN(sizeof(int)));
    CASE(sc_recvmmsg(fds[1], in.msgs, 2, SC_MSG_DONTWAIT, -1), 2);
    CASE(in.msgs[0].msg_hdr.msg_flags, 0);
    CASE(in.msgs[1].msg_hdr.msg_flags & SC_MSG_CTRUNC, SC_MSG_CTRUNC);
    CASE(open_fds(), before + 2);
    cmsg = CMSG_FIRSTHDR(&in.msgs[0].msg_hdr);
    CHECK(cmsg != NULL && cmsg->cmsg_type == SCM_RIGHTS);
    for (i = 0; cmsg != NULL && i < 2; i++) {
        memcpy(&fd, CMSG_DATA(cmsg) + i * sizeof(int), sizeof fd);
        sc_close(fd);
    }
    CASE(open_fds(), before);
    sc_close(fds[0]);
    sc_close(fds[1]);
}

static void truncated_messages_and_bad_input(void)
{
    int fds[2];

    MUST(sc_socketpair(AF_UNIX, SOCK_DGRAM, 0, fds));
    outgoing(1, NULL);
    memset(out.data[0], 'x', 20);
    out.iov[0].iov_len = 20;
    CASE(sc_sendmmsg(fds[0], out.msgs, 1, 0), 1);
    prepare(&in, 0, 4, 0, 0);
    CASE(sc_recvmmsg(fds[1], in.msgs, 1, SC_MSG_DONTWAIT, -1), 1);
    CASE(in.msgs[0].msg_len, 4);
    CASE(in.msgs[0].msg_hdr.msg_flags & SC_MSG_TRUNC, SC_MSG_TRUNC);

    CASE(sc_sendmmsg(fds[0], NULL, 1, 0), -EFAULT);
    CASE(sc_recvmmsg(fds[1], NULL, 1, 0, -1), -EFAULT);
    CASE(sc_sendmmsg(fds[0], out.msgs, 1, UNKNOWN_FLAG), -EINVAL);
    CASE(sc_recvmmsg(fds[1], in.msgs, 1, UNKNOWN_FLAG, -1), -EINVAL);
    CASE(sc_sendmmsg(-1, out.msgs, 1, 0), -EBADF);
    CASE(sc_recvmmsg(-1, in.msgs, 1, 0, -1), -EBADF);
    CASE(sc_sendmmsg(fds[0], out.msgs, 0, 0), 0);
    /* The failed calls sent nothing. */
    CASE(sc_recvmmsg(fds[1], in.msgs, 1, SC_MSG_DONTWAIT, -1), -EAGAIN);
    sc_close(fds[0]);
    sc_close(fds[1]);
}

int main(void)
{
    int before;

    setvbuf(stdout, NULL, _IOLBF, 0);
    before = open_fds();
    whole_batches("127.0.0.1:0");
    whole_batches("[::1]:0");
    batches_that_stop_part_way();
    if (!known_gap("SOCKCORE_QEMU", "descriptors in a batch",
                   "qemu-user never sets MSG_CTRUNC and leaves the cut descriptors open"))
        descriptors_in_a_batch();
    truncated_messages_and_bad_input();
    CASE(open_fds(), before);
    return summary();
}
