/*
 * The reference: the calls a careful C programmer makes over raw libc for
 * the same guarantees sockcore gives (close-on-exec descriptors, no SIGPIPE:
 * send and sendmsg with MSG_NOSIGNAL), returning -errno like the C ABI so the
 * workloads are written once. Everything is static inline, so each call
 * compiles to the libc call itself.
 */
#ifndef BENCH_OPS_LIBC_H
#define BENCH_OPS_LIBC_H

#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/sendfile.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

#define IMPL_NAME "libc"

/* An address of any family and its length, like sc_addr. */
typedef struct {
    struct sockaddr_storage storage;
    socklen_t len;
} bench_addr;

static inline long neg_errno(void) {
    return -errno;
}

static inline int ret_int(int ret) {
    return ret < 0 ? (int)neg_errno() : ret;
}

static inline ssize_t ret_size(ssize_t ret) {
    return ret < 0 ? neg_errno() : ret;
}

/* 127.0.0.1 on port 0: the kernel picks the port. */
static inline void loopback_any_port(bench_addr *addr) {
    struct sockaddr_in *in = (struct sockaddr_in *)&addr->storage;
    *in = (struct sockaddr_in){.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    addr->len = sizeof *in;
}

static inline int op_local_addr(int fd, bench_addr *out) {
    out->len = sizeof out->storage;
    return ret_int(getsockname(fd, (struct sockaddr *)&out->storage, &out->len));
}

/* A TCP listener on 127.0.0.1 with SO_REUSEADDR; `*bound` gets its address. */
static inline int op_tcp_listener(bench_addr *bound) {
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return (int)neg_errno();
    int on = 1;
    loopback_any_port(bound);
    if (setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on) < 0 ||
        bind(fd, (struct sockaddr *)&bound->storage, bound->len) < 0 || listen(fd, 128) < 0)
        return (int)neg_errno();
    return op_local_addr(fd, bound) < 0 ? (int)neg_errno() : fd;
}

/* A UDP socket on 127.0.0.1; `*bound` gets its address. */
static inline int op_udp_bound(bench_addr *bound) {
    int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return (int)neg_errno();
    loopback_any_port(bound);
    if (bind(fd, (struct sockaddr *)&bound->storage, bound->len) < 0)
        return (int)neg_errno();
    return op_local_addr(fd, bound) < 0 ? (int)neg_errno() : fd;
}

static inline int op_socket(int domain, int type) {
    return ret_int(socket(domain, type | SOCK_CLOEXEC, 0));
}

static inline int op_unix_pair(int fds[2]) {
    return ret_int(socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds));
}

static inline int op_connect(int fd, const bench_addr *to) {
    return ret_int(connect(fd, (const struct sockaddr *)&to->storage, to->len));
}

static inline int op_accept(int listener) {
    return ret_int(accept4(listener, NULL, NULL, SOCK_CLOEXEC));
}

static inline int op_close(int fd) {
    return ret_int(close(fd));
}

static inline int op_shutdown_write(int fd) {
    return ret_int(shutdown(fd, SHUT_WR));
}

static inline ssize_t op_write(int fd, const void *buf, size_t len) {
    return ret_size(send(fd, buf, len, MSG_NOSIGNAL));
}

static inline ssize_t op_read(int fd, void *buf, size_t len) {
    return ret_size(read(fd, buf, len));
}

static inline ssize_t op_write_all(int fd, const void *buf, size_t len) {
    size_t done = 0;
    while (done < len) {
        ssize_t n = send(fd, (const char *)buf + done, len - done, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return n < 0 ? neg_errno() : -EPIPE;
        done += (size_t)n;
    }
    return (ssize_t)done;
}

static inline ssize_t op_read_exact(int fd, void *buf, size_t len) {
    size_t done = 0;
    while (done < len) {
        ssize_t n = read(fd, (char *)buf + done, len - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return neg_errno();
        if (n == 0)
            break;
        done += (size_t)n;
    }
    return (ssize_t)done;
}

static inline ssize_t op_writev(int fd, const struct iovec *iov, int count) {
    struct msghdr msg = {.msg_iov = (struct iovec *)iov, .msg_iovlen = (size_t)count};
    return ret_size(sendmsg(fd, &msg, MSG_NOSIGNAL));
}

static inline ssize_t op_sendto(int fd, const void *buf, size_t len, const bench_addr *to) {
    return ret_size(
        sendto(fd, buf, len, MSG_NOSIGNAL, (const struct sockaddr *)&to->storage, to->len));
}

static inline ssize_t op_recvfrom(int fd, void *buf, size_t len, bench_addr *from) {
    from->len = sizeof from->storage;
    return ret_size(recvfrom(fd, buf, len, 0, (struct sockaddr *)&from->storage, &from->len));
}

static inline const struct sockaddr *op_sockaddr(const bench_addr *addr, socklen_t *len) {
    *len = addr->len;
    return (const struct sockaddr *)&addr->storage;
}

static inline int op_sendmmsg(int fd, struct mmsghdr *msgs, unsigned count) {
    return ret_int(sendmmsg(fd, msgs, count, MSG_NOSIGNAL));
}

static inline int op_recvmmsg(int fd, struct mmsghdr *msgs, unsigned count) {
    return ret_int(recvmmsg(fd, msgs, count, MSG_CMSG_CLOEXEC, NULL));
}

typedef struct epoll_event bench_event;

/* sendfile(2) takes no MSG_NOSIGNAL, so a careful C server ignores SIGPIPE
 * for the whole process, once, before anything else. */
static inline void op_program_setup(void) {
    signal(SIGPIPE, SIG_IGN);
}

static inline int op_epoll_create(void) {
    return ret_int(epoll_create1(EPOLL_CLOEXEC));
}

/* Watches fd for EPOLLIN (level-triggered), with fd itself as the data. */
static inline int op_epoll_add_in(int epfd, int fd) {
    struct epoll_event ev = {.events = EPOLLIN, .data.u64 = (uint64_t)fd};
    return ret_int(epoll_ctl(epfd, EPOLL_CTL_ADD, fd, &ev));
}

static inline int op_epoll_wait(int epfd, bench_event *events, int max, int timeout_ms) {
    return ret_int(epoll_wait(epfd, events, max, timeout_ms));
}

static inline int op_event_fd(const bench_event *ev) {
    return (int)ev->data.u64;
}

static inline int op_accept_nonblock(int listener) {
    return ret_int(accept4(listener, NULL, NULL, SOCK_CLOEXEC | SOCK_NONBLOCK));
}

/* read(2) from a file. */
static inline ssize_t op_file_read(int fd, void *buf, size_t len) {
    return ret_size(read(fd, buf, len));
}

/* All `count` bytes of `file` from *offset onto the socket, sendfile after
 * sendfile, retrying EINTR; *offset advances. Returns the count, fewer if
 * the file ends first, or -errno. */
static inline ssize_t op_sendfile_all(int sock, int file, uint64_t *offset, size_t count) {
    off_t at = (off_t)*offset;
    size_t done = 0;
    while (done < count) {
        ssize_t n = sendfile(sock, file, &at, count - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            if (n < 0)
                return neg_errno();
            break;
        }
        done += (size_t)n;
    }
    *offset = (uint64_t)at;
    return (ssize_t)done;
}

/* UDP segmentation offload (include/uapi/linux/udp.h; older C libraries
 * lack the names). */
#ifndef UDP_SEGMENT
#define UDP_SEGMENT 103
#endif
#ifndef UDP_GRO
#define UDP_GRO 104
#endif

/* What an offloaded send and receive keep per socket: here, the socket. */
typedef int bench_offload;

static inline int op_offload_init(bench_offload *offload, int fd) {
    *offload = fd;
    return 0;
}

static inline int op_set_udp_gro(int fd) {
    int on = 1;
    return ret_int(setsockopt(fd, IPPROTO_UDP, UDP_GRO, &on, sizeof on));
}

/* One sendmsg of len bytes as datagrams of `segment` bytes: a UDP_SEGMENT
 * control message, a u16 (len stays within the kernel's limits here). */
static inline ssize_t op_send_segments(bench_offload *offload, const void *buf, size_t len,
                                       size_t segment, const bench_addr *to) {
    union {
        char buf[CMSG_SPACE(sizeof(uint16_t))];
        struct cmsghdr align;
    } control;
    uint16_t size = (uint16_t)segment;
    struct iovec iov = {(void *)buf, len};
    struct msghdr msg = {.msg_name = (void *)&to->storage,
                         .msg_namelen = to->len,
                         .msg_iov = &iov,
                         .msg_iovlen = 1,
                         .msg_control = control.buf,
                         .msg_controllen = sizeof control.buf};
    struct cmsghdr *c = CMSG_FIRSTHDR(&msg);
    memset(&control, 0, sizeof control);
    c->cmsg_level = IPPROTO_UDP;
    c->cmsg_type = UDP_SEGMENT;
    c->cmsg_len = CMSG_LEN(sizeof size);
    memcpy(CMSG_DATA(c), &size, sizeof size);
    return ret_size(sendmsg(*offload, &msg, MSG_NOSIGNAL));
}

/* One recvmsg of a coalesced run, with its segment size from the UDP_GRO
 * control message (an int), or the length when nothing was coalesced; a
 * cut run or cut control data is an error, never a short run. */
static inline ssize_t op_recv_segments(bench_offload *offload, void *buf, size_t len,
                                       bench_addr *from, size_t *segment) {
    union {
        char buf[CMSG_SPACE(sizeof(int))];
        struct cmsghdr align;
    } control;
    struct iovec iov = {buf, len};
    struct msghdr msg = {.msg_name = &from->storage,
                         .msg_namelen = sizeof from->storage,
                         .msg_iov = &iov,
                         .msg_iovlen = 1,
                         .msg_control = control.buf,
                         .msg_controllen = sizeof control.buf};
    ssize_t n = recvmsg(*offload, &msg, MSG_CMSG_CLOEXEC);
    if (n < 0)
        return neg_errno();
    if (msg.msg_flags & (MSG_TRUNC | MSG_CTRUNC))
        return -EMSGSIZE;
    from->len = msg.msg_namelen;
    *segment = (size_t)n;
    for (struct cmsghdr *c = CMSG_FIRSTHDR(&msg); c != NULL; c = CMSG_NXTHDR(&msg, c)) {
        int value;
        if (c->cmsg_level == IPPROTO_UDP && c->cmsg_type == UDP_GRO &&
            c->cmsg_len == CMSG_LEN(sizeof value)) {
            memcpy(&value, CMSG_DATA(c), sizeof value);
            *segment = (size_t)value;
            break;
        }
    }
    return n;
}

#endif
