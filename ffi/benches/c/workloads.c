/*
 * The benchmark's workloads in C, written once over the op_ calls of an
 * implementation header: the driver compiles this file twice, with
 * -DBENCH_OPS='"ops_libc.h"' (the raw-libc reference) and with
 * -DBENCH_OPS='"ops_sockcore.h"' (sockcore's C ABI), so the two programs
 * differ only in the calls.
 *
 *   usage: PROGRAM WORKLOAD COUNT
 *
 * prints one report line (harness.h). The workloads and their COUNT:
 *   pingpong-tcp, pingpong-unix  64-byte round trips
 *   bulk-write, bulk-writev      64 KiB chunks (one send, or 4 x 16 KiB sendmsg)
 *   churn                        connect/accept/close cycles
 *   udp-sendto, udp-mmsg         64-byte datagrams (udp-mmsg: a multiple of 32)
 *   udp1200-sendto, udp1200-mmsg 1200-byte datagrams, the same ways
 *   udp1200-gso                  1200-byte datagrams, 54 per sendmsg with
 *                                UDP_SEGMENT, received with recvmmsg x 32
 *                                (a multiple of 864: 54 and 32 both divide it)
 *   udp1200-gso-gro              the same sends, received with UDP_GRO on:
 *                                one recvmsg per coalesced run (a multiple of 54)
 *   epoll-echo                   64-byte messages (a multiple of 1,000): 1,000
 *                                TCP clients on one thread, an epoll echo
 *                                server on another
 *   file-sendfile                64 KiB chunks of the file BENCH_FILE names, to
 *                                a TCP peer with one whole-transfer sendfile
 *   file-readwrite               the same bytes with a read(2) from the file
 *                                and a send per 64 KiB chunk
 */
#include BENCH_OPS

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include "harness.h"

enum {
    MESSAGE = 64,
    /* A datagram of the bulk UDP rows: what a QUIC packet is sized to. */
    DATAGRAM_1200 = 1200,
    /* Datagrams of 1200 bytes per offloaded send: 54 x 1200 = 64,800, the
     * most under the 65,507-byte payload limit (64 segments would pass it). */
    GSO_SEGMENTS = 54,
    CHUNK = 64 * 1024,
    SLICES = 4,
    BATCH = 32,
    /* How long a blocked call may wait before the run fails. */
    STALL_MS = 5000,
    /* How long a UDP receiver waits for a datagram before it counts the
     * rest of the run as lost: a safety net, since its receive buffer holds
     * a whole run. */
    DRAIN_MS = 200,
    /* Receive-buffer bytes one datagram of MESSAGE bytes takes: its skb's
     * truesize, 832 on Linux 6.18 x86-64 (SO_MEMINFO's rmem_alloc over the
     * datagrams queued), rounded up for other kernels' layouts. The Rust
     * workloads use the same (workload.rs). */
    RECEIVE_BYTES_PER_DATAGRAM = 1024,
    /* The same for a 1200-byte datagram: 2,304 here, one queued alone
     * (a coalesced run of 54 takes 65,632, about 1,216 each). */
    RECEIVE_BYTES_PER_DATAGRAM_1200 = 2560,
    /* The epoll echo's clients, all connected for the whole run. */
    CLIENTS = 1000,
    /* Events one epoll_wait may return: a quarter of the clients, so a
     * round takes several waits, as a busy server's does. */
    EVENTS = 256,
};

static int check_fd(const char *what, int fd) {
    if (fd < 0)
        fail(what, fd);
    return fd;
}

static void check_zero(const char *what, long long ret) {
    if (ret != 0)
        fail(what, ret);
}

static void check_len(const char *what, long long ret, long long want) {
    if (ret != want)
        fail(what, ret);
}

static void close_both(int a, int b) {
    check_zero("close", op_close(a));
    check_zero("close", op_close(b));
}

/* A connected TCP pair over 127.0.0.1, both ends with TCP_NODELAY. */
static void tcp_pair(int *client, int *server) {
    bench_addr addr;
    int listener = check_fd("tcp listener", op_tcp_listener(&addr));
    *client = check_fd("socket", op_socket(AF_INET, SOCK_STREAM));
    check_zero("connect", op_connect(*client, &addr));
    *server = check_fd("accept", op_accept(listener));
    check_zero("close listener", op_close(listener));
    set_nodelay(*client);
    set_nodelay(*server);
    set_timeouts(*client, STALL_MS);
    set_timeouts(*server, STALL_MS);
}

static void unix_pair(int *a, int *b) {
    int fds[2];
    check_zero("socketpair", op_unix_pair(fds));
    *a = fds[0];
    *b = fds[1];
    set_timeouts(*a, STALL_MS);
    set_timeouts(*b, STALL_MS);
}

struct pingpong {
    int fd;
    uint64_t count;
};

static void *echo(void *arg) {
    const struct pingpong *p = arg;
    unsigned char buf[MESSAGE];
    for (uint64_t i = 0; i < p->count; i++) {
        check_len("echo read_exact", op_read_exact(p->fd, buf, MESSAGE), MESSAGE);
        check_len("echo write_all", op_write_all(p->fd, buf, MESSAGE), MESSAGE);
    }
    return NULL;
}

static void ping(void *arg) {
    const struct pingpong *p = arg;
    unsigned char message[MESSAGE] = {1};
    unsigned char reply[MESSAGE];
    for (uint64_t i = 0; i < p->count; i++) {
        check_len("ping write_all", op_write_all(p->fd, message, MESSAGE), MESSAGE);
        check_len("ping read_exact", op_read_exact(p->fd, reply, MESSAGE), MESSAGE);
    }
}

static void pingpong(int client, int server, uint64_t count, struct report *r) {
    struct pingpong server_end = {server, count}, client_end = {client, count};
    struct timing t;
    run_pair(echo, &server_end, ping, &client_end, &t);
    *r = timed_report(&t, t.end, count, 2 * MESSAGE * count, 0);
    close_both(client, server);
}

struct bulk {
    int fd;
    uint64_t chunks;
    int vectored;
    uint64_t received;
};

/* Page-aligned, as the Rust workloads' buffers are (rust_workloads.rs): the
 * kernel's copies in and out run at a speed that depends on alignment, which
 * must not differ between the implementations compared. */
#define PAGE_ALIGNED __attribute__((aligned(4096)))
static unsigned char outgoing[CHUNK] PAGE_ALIGNED;
static unsigned char incoming[CHUNK] PAGE_ALIGNED;

static void *bulk_send(void *arg) {
    const struct bulk *b = arg;
    enum { SLICE = CHUNK / SLICES };
    struct iovec iov[SLICES];
    for (int i = 0; i < SLICES; i++)
        iov[i] = (struct iovec){outgoing + i * SLICE, SLICE};
    for (uint64_t i = 0; i < b->chunks; i++) {
        ssize_t n = b->vectored ? op_writev(b->fd, iov, SLICES) : op_write(b->fd, outgoing, CHUNK);
        check_len("bulk send", n, CHUNK);
    }
    check_zero("shutdown", op_shutdown_write(b->fd));
    return NULL;
}

static void bulk_receive(void *arg) {
    struct bulk *b = arg;
    /* Every read moves at least one byte or ends the loop, so it runs at
     * most chunks * CHUNK times. */
    for (;;) {
        ssize_t n = op_read(b->fd, incoming, CHUNK);
        if (n < 0)
            fail("bulk read", n);
        if (n == 0)
            break;
        b->received += (uint64_t)n;
    }
}

static void bulk(uint64_t chunks, int vectored, struct report *r) {
    int sender, receiver;
    /* Written before use, as the Rust workloads' buffers are: untouched,
     * every page of a static buffer would be the kernel's one shared zero
     * page, a 4 KiB source that stays in cache where the others copy from
     * 64 KiB of their own (it made C's vectored bulk 2% faster pinned). */
    memset(outgoing, 1, sizeof outgoing);
    memset(incoming, 0, sizeof incoming);
    tcp_pair(&sender, &receiver);
    struct bulk send_end = {.fd = sender, .chunks = chunks, .vectored = vectored};
    struct bulk receive_end = {.fd = receiver};
    struct timing t;
    run_pair(bulk_send, &send_end, bulk_receive, &receive_end, &t);
    *r = timed_report(&t, t.end, chunks, receive_end.received, 0);
    close_both(sender, receiver);
}

struct churn {
    int listener;
    bench_addr addr;
    uint64_t count;
};

static void churn_cycles(void *arg) {
    const struct churn *c = arg;
    for (uint64_t i = 0; i < c->count; i++) {
        int client = check_fd("socket", op_socket(AF_INET, SOCK_STREAM));
        check_zero("connect", op_connect(client, &c->addr));
        int server = check_fd("accept", op_accept(c->listener));
        close_both(client, server);
    }
}

static void churn(uint64_t count, struct report *r) {
    struct churn c = {.count = count};
    c.listener = check_fd("tcp listener", op_tcp_listener(&c.addr));
    set_timeouts(c.listener, STALL_MS);
    struct timing t;
    run_pair(NULL, NULL, churn_cycles, &c, &t);
    *r = timed_report(&t, t.end, count, 0, 0);
    check_zero("close", op_close(c.listener));
}

struct udp_send {
    int fd;
    bench_addr to;
    uint64_t count;
    size_t size; /* bytes per datagram */
};

struct udp_receive {
    int fd;
    uint64_t count;
    uint64_t received;
    size_t size;
};

static void *send_each(void *arg) {
    struct udp_send *s = arg;
    unsigned char message[DATAGRAM_1200] = {1};
    for (uint64_t i = 0; i < s->count; i++)
        check_len("sendto", op_sendto(s->fd, message, s->size, &s->to), (long long)s->size);
    return NULL;
}

static void receive_each(void *arg) {
    struct udp_receive *r = arg;
    unsigned char buf[DATAGRAM_1200];
    bench_addr from;
    while (r->received < r->count) {
        ssize_t n = op_recvfrom(r->fd, buf, r->size, &from);
        if (n == -EAGAIN)
            break; /* the rest was lost */
        check_len("recvfrom", n, (long long)r->size);
        r->received++;
    }
}

static void *send_batches(void *arg) {
    struct udp_send *s = arg;
    unsigned char message[DATAGRAM_1200] = {1};
    struct iovec iov = {message, s->size};
    struct mmsghdr msgs[BATCH];
    socklen_t to_len;
    const struct sockaddr *to = op_sockaddr(&s->to, &to_len);
    for (int i = 0; i < BATCH; i++)
        msgs[i] = (struct mmsghdr){.msg_hdr = {.msg_name = (void *)to, .msg_namelen = to_len,
                                               .msg_iov = &iov, .msg_iovlen = 1}};
    for (uint64_t i = 0; i < s->count / BATCH; i++)
        check_len("sendmmsg", op_sendmmsg(s->fd, msgs, BATCH), BATCH);
    return NULL;
}

static void receive_batches(void *arg) {
    struct udp_receive *r = arg;
    unsigned char bufs[BATCH][DATAGRAM_1200];
    struct iovec iov[BATCH];
    struct sockaddr_storage from[BATCH];
    struct mmsghdr msgs[BATCH];
    for (int i = 0; i < BATCH; i++) {
        iov[i] = (struct iovec){bufs[i], r->size};
        msgs[i] = (struct mmsghdr){.msg_hdr = {.msg_name = &from[i], .msg_iov = &iov[i],
                                               .msg_iovlen = 1}};
    }
    while (r->received < r->count) {
        /* The kernel overwrote each length with the last sender's. */
        for (int i = 0; i < BATCH; i++)
            msgs[i].msg_hdr.msg_namelen = sizeof from[i];
        int n = op_recvmmsg(r->fd, msgs, BATCH);
        if (n == -EAGAIN)
            break; /* the rest was lost */
        if (n < 0)
            fail("recvmmsg", n);
        for (int i = 0; i < n; i++)
            check_len("recvmmsg datagram", msgs[i].msg_len, (long long)r->size);
        r->received += (uint64_t)n;
    }
}

/* GSO_SEGMENTS datagrams per send, each offloaded call one sendmsg with
 * UDP_SEGMENT; the offload state is set up before the loop, as a program
 * would once per socket. */
static void *send_offloaded(void *arg) {
    struct udp_send *s = arg;
    enum { RUN = GSO_SEGMENTS * DATAGRAM_1200 };
    bench_offload offload;
    check_zero("offload init", op_offload_init(&offload, s->fd));
    for (uint64_t i = 0; i < s->count / GSO_SEGMENTS; i++)
        check_len("send segments", op_send_segments(&offload, outgoing, RUN, DATAGRAM_1200, &s->to),
                  RUN);
    return NULL;
}

/* Coalesced runs, one receive each into 64 KiB, counted in datagrams. */
static void receive_runs(void *arg) {
    struct udp_receive *r = arg;
    bench_offload offload;
    bench_addr from;
    size_t segment;
    check_zero("offload init", op_offload_init(&offload, r->fd));
    while (r->received < r->count) {
        ssize_t n = op_recv_segments(&offload, incoming, CHUNK, &from, &segment);
        if (n == -EAGAIN)
            break; /* the rest was lost */
        if (n <= 0 || segment != DATAGRAM_1200 || n % DATAGRAM_1200 != 0)
            fail("recv segments", n);
        r->received += (uint64_t)n / DATAGRAM_1200;
    }
}

/* A UDP run: `send` pushes `count` datagrams from a second thread while
 * `receive` takes what arrives on this one, into a receive buffer that can
 * hold them all, so the sender outrunning the receiver loses nothing. The
 * run is timed by the receiver, from the release of both ends to the last
 * datagram received. */
static void udp(uint64_t count, size_t size, void *(*send)(void *), void (*receive)(void *),
                struct report *r) {
    struct udp_send s = {.count = count, .size = size};
    struct udp_receive receiver = {.count = count, .size = size};
    memset(outgoing, 1, sizeof outgoing);
    memset(incoming, 0, sizeof incoming);
    receiver.fd = check_fd("udp bind", op_udp_bound(&s.to));
    set_timeouts(receiver.fd, DRAIN_MS);
    set_receive_buffer(receiver.fd, count * (size == MESSAGE ? RECEIVE_BYTES_PER_DATAGRAM
                                                             : RECEIVE_BYTES_PER_DATAGRAM_1200));
    if (receive == receive_runs)
        check_zero("UDP_GRO", op_set_udp_gro(receiver.fd));
    s.fd = check_fd("udp socket", op_socket(AF_INET, SOCK_DGRAM));
    set_timeouts(s.fd, STALL_MS);
    struct timing t;
    run_pair(send, &s, receive, &receiver, &t);
    /* After a loss the receiver waited DRAIN_MS past the last datagram (a
     * little more: the time-out rounds up to the kernel's tick), and that
     * wait is not the library's. */
    uint64_t drain = (uint64_t)DRAIN_MS * 1000000u;
    uint64_t end = receiver.received == count || t.end - t.start < drain ? t.end : t.end - drain;
    *r = timed_report(&t, end, receiver.received, size * receiver.received,
                      count - receiver.received);
    close_both(s.fd, receiver.fd);
}

/* Descriptors for 1,000 clients, their server ends, and a margin. */
static void raise_nofile(void) {
    struct rlimit limit;
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < 4096) {
        limit.rlim_cur = limit.rlim_max < 4096 ? limit.rlim_max : 4096;
        setrlimit(RLIMIT_NOFILE, &limit);
    }
}

struct echo_server {
    int epfd;
    uint64_t expected; /* bytes to echo before the server stops */
    uint64_t echoed;
};

/* The server: level-triggered epoll over non-blocking connections; one
 * read of what a ready connection has, and its echo. */
static void *epoll_serve(void *arg) {
    struct echo_server *s = arg;
    bench_event events[EVENTS];
    unsigned char buf[4096];
    while (s->echoed < s->expected) {
        int ready = op_epoll_wait(s->epfd, events, EVENTS, STALL_MS);
        if (ready == -EINTR)
            continue;
        if (ready <= 0)
            fail("epoll_wait", ready == 0 ? -ETIMEDOUT : ready);
        for (int i = 0; i < ready; i++) {
            int fd = op_event_fd(&events[i]);
            ssize_t n = op_read(fd, buf, sizeof buf);
            if (n == -EAGAIN)
                continue;
            if (n <= 0)
                fail("echo read", n == 0 ? -EPIPE : n);
            check_len("echo write_all", op_write_all(fd, buf, (size_t)n), n);
            s->echoed += (uint64_t)n;
        }
    }
    return NULL;
}

struct echo_clients {
    int fds[CLIENTS];
    uint64_t rounds;
};

/* The clients, on one thread: each round every client sends one message,
 * then every client reads its echo. */
static void echo_rounds(void *arg) {
    const struct echo_clients *c = arg;
    unsigned char message[MESSAGE] = {1};
    unsigned char reply[MESSAGE];
    for (uint64_t round = 0; round < c->rounds; round++) {
        for (int i = 0; i < CLIENTS; i++)
            check_len("client write", op_write(c->fds[i], message, MESSAGE), MESSAGE);
        for (int i = 0; i < CLIENTS; i++)
            check_len("client read_exact", op_read_exact(c->fds[i], reply, MESSAGE), MESSAGE);
    }
}

static void epoll_echo(uint64_t count, struct report *r) {
    static struct echo_clients clients;
    static int servers[CLIENTS];
    bench_addr addr;
    raise_nofile();
    int listener = check_fd("tcp listener", op_tcp_listener(&addr));
    int epfd = check_fd("epoll_create", op_epoll_create());
    for (int i = 0; i < CLIENTS; i++) {
        clients.fds[i] = check_fd("socket", op_socket(AF_INET, SOCK_STREAM));
        check_zero("connect", op_connect(clients.fds[i], &addr));
        servers[i] = check_fd("accept", op_accept_nonblock(listener));
        set_nodelay(clients.fds[i]);
        set_nodelay(servers[i]);
        set_timeouts(clients.fds[i], STALL_MS);
        check_zero("epoll add", op_epoll_add_in(epfd, servers[i]));
    }
    check_zero("close listener", op_close(listener));
    clients.rounds = count / CLIENTS;
    struct echo_server server = {.epfd = epfd, .expected = count * MESSAGE};
    struct timing t;
    run_pair(epoll_serve, &server, echo_rounds, &clients, &t);
    *r = timed_report(&t, t.end, count, 2 * MESSAGE * count, 0);
    for (int i = 0; i < CLIENTS; i++)
        close_both(clients.fds[i], servers[i]);
    check_zero("close", op_close(epfd));
}

struct file_send {
    int sock;
    int file;
    uint64_t bytes;
    int use_sendfile;
};

static void *file_send(void *arg) {
    const struct file_send *f = arg;
    if (f->use_sendfile) {
        uint64_t offset = 0;
        check_len("sendfile_all", op_sendfile_all(f->sock, f->file, &offset, f->bytes),
                  (long long)f->bytes);
    } else {
        for (uint64_t done = 0; done < f->bytes; done += CHUNK) {
            check_len("file read", op_file_read(f->file, outgoing, CHUNK), CHUNK);
            check_len("send", op_write_all(f->sock, outgoing, CHUNK), CHUNK);
        }
    }
    check_zero("shutdown", op_shutdown_write(f->sock));
    return NULL;
}

/* `chunks` 64 KiB chunks of BENCH_FILE (in the page cache: the driver
 * wrote and read it) to a TCP peer on 127.0.0.1 that reads 64 KiB at a
 * time. */
static void file_transfer(uint64_t chunks, int use_sendfile, struct report *r) {
    const char *path = getenv("BENCH_FILE");
    struct stat st;
    uint64_t bytes = chunks * CHUNK;
    if (path == NULL)
        fail("BENCH_FILE is not set", -EINVAL);
    int file = open(path, O_RDONLY | O_CLOEXEC);
    if (file < 0)
        fail("open BENCH_FILE", -errno);
    if (fstat(file, &st) < 0 || (uint64_t)st.st_size < bytes)
        fail("BENCH_FILE is shorter than COUNT chunks", -EINVAL);
    int sender, receiver;
    tcp_pair(&sender, &receiver);
    struct file_send send_end = {sender, file, bytes, use_sendfile};
    struct bulk receive_end = {.fd = receiver};
    struct timing t;
    run_pair(file_send, &send_end, bulk_receive, &receive_end, &t);
    *r = timed_report(&t, t.end, chunks, receive_end.received, 0);
    close_both(sender, receiver);
    close(file);
}

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: %s WORKLOAD COUNT  (%s)\n", argv[0], IMPL_NAME);
        return 2;
    }
    op_program_setup();
    const char *workload = argv[1];
    uint64_t count = strtoull(argv[2], NULL, 10);
    struct report r;
    int a, b;
    if (strcmp(workload, "pingpong-tcp") == 0) {
        tcp_pair(&a, &b);
        pingpong(a, b, count, &r);
    } else if (strcmp(workload, "pingpong-unix") == 0) {
        unix_pair(&a, &b);
        pingpong(a, b, count, &r);
    } else if (strcmp(workload, "bulk-write") == 0) {
        bulk(count, 0, &r);
    } else if (strcmp(workload, "bulk-writev") == 0) {
        bulk(count, 1, &r);
    } else if (strcmp(workload, "churn") == 0) {
        churn(count, &r);
    } else if (strcmp(workload, "udp-sendto") == 0) {
        udp(count, MESSAGE, send_each, receive_each, &r);
    } else if (strcmp(workload, "udp-mmsg") == 0 && count % BATCH == 0) {
        udp(count, MESSAGE, send_batches, receive_batches, &r);
    } else if (strcmp(workload, "udp1200-sendto") == 0) {
        udp(count, DATAGRAM_1200, send_each, receive_each, &r);
    } else if (strcmp(workload, "udp1200-mmsg") == 0 && count % BATCH == 0) {
        udp(count, DATAGRAM_1200, send_batches, receive_batches, &r);
    } else if (strcmp(workload, "udp1200-gso") == 0 && count % (GSO_SEGMENTS * BATCH / 2) == 0) {
        udp(count, DATAGRAM_1200, send_offloaded, receive_batches, &r);
    } else if (strcmp(workload, "udp1200-gso-gro") == 0 && count % GSO_SEGMENTS == 0) {
        udp(count, DATAGRAM_1200, send_offloaded, receive_runs, &r);
    } else if (strcmp(workload, "epoll-echo") == 0 && count > 0 && count % CLIENTS == 0) {
        epoll_echo(count, &r);
    } else if (strcmp(workload, "file-sendfile") == 0) {
        memset(outgoing, 1, sizeof outgoing);
        file_transfer(count, 1, &r);
    } else if (strcmp(workload, "file-readwrite") == 0) {
        memset(outgoing, 1, sizeof outgoing);
        file_transfer(count, 0, &r);
    } else {
        fprintf(stderr, "%s: unknown workload or count: %s %s\n", IMPL_NAME, workload, argv[2]);
        return 2;
    }
    print_report(&r);
    return 0;
}
