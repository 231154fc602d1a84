/*
 * The workloads' calls through sockcore's C ABI (libsockcore.a), one sc_
 * function each, as a C program using the library writes them.
 */
#ifndef BENCH_OPS_SOCKCORE_H
#define BENCH_OPS_SOCKCORE_H

#define _GNU_SOURCE
#include <errno.h>
#include <sockcore.h>
#include <sys/socket.h>
#include <unistd.h>

#define IMPL_NAME "sockcore-c"

typedef sc_addr bench_addr;

static inline int op_local_addr(int fd, bench_addr *out) {
    return sc_local_addr(fd, out);
}

/* A TCP listener on 127.0.0.1 with SO_REUSEADDR; `*bound` gets its address. */
static inline int op_tcp_listener(bench_addr *bound) {
    int fd = sc_listen_on("127.0.0.1:0", 128);
    if (fd < 0)
        return fd;
    int ret = sc_local_addr(fd, bound);
    return ret < 0 ? ret : fd;
}

/* A UDP socket on 127.0.0.1; `*bound` gets its address. */
static inline int op_udp_bound(bench_addr *bound) {
    int fd = sc_socket(AF_INET, SOCK_DGRAM, 0);
    if (fd < 0)
        return fd;
    int ret = sc_addr_parse(bound, "127.0.0.1:0");
    if (ret == 0)
        ret = sc_bind(fd, bound);
    if (ret == 0)
        ret = sc_local_addr(fd, bound);
    return ret < 0 ? ret : fd;
}

static inline int op_socket(int domain, int type) {
    return sc_socket(domain, type, 0);
}

static inline int op_unix_pair(int fds[2]) {
    return sc_socketpair(AF_UNIX, SOCK_STREAM, 0, fds);
}

static inline int op_connect(int fd, const bench_addr *to) {
    return sc_connect(fd, to);
}

static inline int op_accept(int listener) {
    return sc_accept(listener, NULL, 0);
}

static inline int op_close(int fd) {
    return sc_close(fd);
}

static inline int op_shutdown_write(int fd) {
    return sc_shutdown(fd, SHUT_WR);
}

static inline ssize_t op_write(int fd, const void *buf, size_t len) {
    return sc_write(fd, buf, len);
}

static inline ssize_t op_read(int fd, void *buf, size_t len) {
    return sc_read(fd, buf, len);
}

static inline ssize_t op_write_all(int fd, const void *buf, size_t len) {
    return sc_write_all(fd, buf, len);
}

static inline ssize_t op_read_exact(int fd, void *buf, size_t len) {
    return sc_read_exact(fd, buf, len);
}

static inline ssize_t op_writev(int fd, const struct iovec *iov, int count) {
    return sc_writev(fd, iov, count);
}

static inline ssize_t op_sendto(int fd, const void *buf, size_t len, const bench_addr *to) {
    return sc_sendto(fd, buf, len, 0, to);
}

static inline ssize_t op_recvfrom(int fd, void *buf, size_t len, bench_addr *from) {
    return sc_recvfrom(fd, buf, len, 0, from);
}

static inline const struct sockaddr *op_sockaddr(const bench_addr *addr, socklen_t *len) {
    *len = (socklen_t)sc_addr_len(addr);
    return sc_addr_sockaddr(addr);
}

static inline int op_sendmmsg(int fd, struct mmsghdr *msgs, unsigned count) {
    return sc_sendmmsg(fd, msgs, count, 0);
}

static inline int op_recvmmsg(int fd, struct mmsghdr *msgs, unsigned count) {
    return sc_recvmmsg(fd, msgs, count, 0, -1);
}

typedef struct epoll_event bench_event;

/* Nothing: sockcore's sends, sc_send_file included, never raise SIGPIPE. */
static inline void op_program_setup(void) {
}

static inline int op_epoll_create(void) {
    return sc_epoll_create();
}

static inline int op_epoll_add_in(int epfd, int fd) {
    return sc_epoll_add(epfd, fd, SC_EPOLLIN, (uint64_t)fd);
}

static inline int op_epoll_wait(int epfd, bench_event *events, int max, int timeout_ms) {
    return sc_epoll_wait(epfd, events, max, timeout_ms);
}

static inline int op_event_fd(const bench_event *ev) {
    return (int)ev->data.u64;
}

static inline int op_accept_nonblock(int listener) {
    return sc_accept(listener, NULL, SC_NONBLOCK);
}

/* sockcore has no call for reading a file: read(2), as a C program using
 * the library writes it. */
static inline ssize_t op_file_read(int fd, void *buf, size_t len) {
    ssize_t n = read(fd, buf, len);
    return n < 0 ? -errno : n;
}

static inline ssize_t op_sendfile_all(int sock, int file, uint64_t *offset, size_t count) {
    return sc_send_file_all(sock, file, offset, count);
}

/* The offload state, set up once per socket (the socket check is there). */
typedef sc_udp_offload bench_offload;

static inline int op_offload_init(bench_offload *offload, int fd) {
    return sc_udp_offload_init(offload, fd, 0);
}

static inline int op_set_udp_gro(int fd) {
    return sc_set_udp_gro(fd, 1);
}

static inline ssize_t op_send_segments(bench_offload *offload, const void *buf, size_t len,
                                       size_t segment, const bench_addr *to) {
    return sc_udp_offload_send(offload, buf, len, segment, 0, to);
}

static inline ssize_t op_recv_segments(bench_offload *offload, void *buf, size_t len,
                                       bench_addr *from, size_t *segment) {
    return sc_udp_offload_recv(offload, buf, len, 0, from, segment);
}

#endif
