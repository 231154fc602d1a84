/*
 * bad_input.c: bad input through the C ABI, each case asserting the exact
 * return (case_harness.h). tests/bad_input.rs builds it against both
 * libraries and runs it; tests/sanitizers.rs and tests/valgrind.rs run it
 * under ASan+UBSan and memcheck.
 *
 * It runs with SIGPIPE at its default action, as C programs do, so the
 * EPIPE case also proves that sends never raise the signal.
 */
#define _GNU_SOURCE /* struct mmsghdr */

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

#include "case_harness.h"

static void null_pointers(int fd, int udp)
{
    uint8_t ip[16] = {127, 0, 0, 1};
    char buf[16] = "x";
    struct sockaddr_in sin;
    sc_addr addr;

    memset(&sin, 0, sizeof sin);
    sin.sin_family = AF_INET;
    MUST(sc_addr_parse(&addr, "127.0.0.1:9"));

    CASE(sc_addr_parse(NULL, "127.0.0.1:80"), -EFAULT);
    CASE(sc_addr_parse(&addr, NULL), -EFAULT);
    CASE(sc_addr_format(NULL, buf, sizeof buf), -EFAULT);
    CASE(sc_addr_format(&addr, NULL, 16), -EFAULT);
    CASE(sc_addr_from_sockaddr(NULL, (struct sockaddr *)&sin, sizeof sin), -EFAULT);
    CASE(sc_addr_from_sockaddr(&addr, NULL, sizeof sin), -EFAULT);
    CASE(sc_addr_sockaddr(NULL) == NULL, 1);
    CASE(sc_addr_len(NULL), -EFAULT);
    CASE(sc_addr_family(NULL), -EFAULT);
    CASE(sc_addr_port(NULL), -EFAULT);
    CASE(sc_addr_equal(NULL, &addr), -EFAULT);
    CASE(sc_addr_equal(&addr, NULL), -EFAULT);
    CASE(sc_addr_ipv4(NULL, ip, 80), -EFAULT);
    CASE(sc_addr_ipv4(&addr, NULL, 80), -EFAULT);
    CASE(sc_addr_ipv6(NULL, ip, 80, 0), -EFAULT);
    CASE(sc_addr_ipv6(&addr, NULL, 80, 0), -EFAULT);
    CASE(sc_addr_unix(NULL, "/x"), -EFAULT);
    CASE(sc_addr_unix(&addr, NULL), -EFAULT);
    CASE(sc_addr_unix_abstract(NULL, "x", 1), -EFAULT);
    CASE(sc_addr_unix_abstract(&addr, NULL, 1), -EFAULT);
    CASE(sc_addr_unix_abstract(&addr, NULL, 0), -EFAULT);
    CASE(sc_addr_set_port(NULL, 80), -EFAULT);
    /* Every failure above left the address as it was. */
    CASE(sc_addr_port(&addr), 9);
    CASE(sc_socketpair(AF_UNIX, SOCK_STREAM, 0, NULL), -EFAULT);
    CASE(sc_bind(udp, NULL), -EFAULT);
    CASE(sc_connect(udp, NULL), -EFAULT);
    CASE(sc_connect_timeout(udp, NULL, 100), -EFAULT);
    CASE(sc_local_addr(fd, NULL), -EFAULT);
    CASE(sc_peer_addr(fd, NULL), -EFAULT);
    CASE(sc_read(fd, NULL, 1), -EFAULT);
    CASE(sc_read(fd, NULL, 0), -EFAULT);
    CASE(sc_write(fd, NULL, 1), -EFAULT);
    CASE(sc_send(fd, NULL, 1, 0), -EFAULT);
    CASE(sc_recv(fd, NULL, 1, 0), -EFAULT);
    CASE(sc_peek(fd, NULL, 1), -EFAULT);
    CASE(sc_sendto(udp, buf, 1, 0, NULL), -EFAULT);
    CASE(sc_sendto(udp, NULL, 1, 0, &addr), -EFAULT);
    CASE(sc_recvfrom(udp, NULL, 1, 0, &addr), -EFAULT);
    CASE(sc_readv(fd, NULL, 1), -EFAULT);
    CASE(sc_writev(fd, NULL, 1), -EFAULT);
    CASE(sc_write_all(fd, NULL, 1), -EFAULT);
    CASE(sc_read_exact(fd, NULL, 1), -EFAULT);
    CASE(sc_listen_on(NULL, 1), -EFAULT);
    CASE(sc_dial(NULL, 100), -EFAULT);
}

static void bad_descriptors(void)
{
    char buf[4] = "x";
    sc_addr addr;
    int pipefd[2], closed;

    MUST(sc_addr_parse(&addr, "127.0.0.1:0"));
    CASE(sc_read(-1, buf, 1), -EBADF);
    CASE(sc_write(-1, buf, 1), -EBADF);
    CASE(sc_send(INT_MAX, buf, 1, 0), -EBADF);
    CASE(sc_bind(-1, &addr), -EBADF);
    CASE(sc_listen(-1, 1), -EBADF);
    CASE(sc_accept(-1, NULL, 0), -EBADF);
    CASE(sc_connect(-1, &addr), -EBADF);
    CASE(sc_shutdown(-1, SHUT_RDWR), -EBADF);
    CASE(sc_set_nonblocking(-1, 1), -EBADF);
    CASE(sc_set_cloexec(-1, 0), -EBADF);
    CASE(sc_dup(-1), -EBADF);
    CASE(sc_connect_timeout(-1, &addr, 100), -EBADF);
    CASE(sc_local_addr(-1, &addr), -EBADF);
    CASE(sc_close(-1), -EBADF);

    closed = MUST(sc_socket(AF_INET, SOCK_DGRAM, 0));
    MUST(sc_close(closed));
    CASE(sc_close(closed), -EBADF);
    CASE(sc_dup(closed), -EBADF);
    CASE(sc_sendto(closed, buf, 1, 0, &addr), -EBADF);

    if (pipe(pipefd) < 0) {
        printf("setup: pipe failed\n");
        _exit(2);
    }
    CASE(sc_write(pipefd[1], buf, 1), -ENOTSOCK);
    CASE(sc_listen(pipefd[0], 1), -ENOTSOCK);
    CASE(sc_peer_addr(pipefd[0], &addr), -ENOTSOCK);
    close(pipefd[0]);
    close(pipefd[1]);
}

/* A negative descriptor, such as an error code stored in fd by mistake:
 * the calls that poll it refuse it at once, where poll(2) would skip it and
 * wait out the 10 s time-out (or, with none, never return). sc_poll keeps
 * poll(2)'s contract and ignores such an entry. */
static void negative_descriptors(int fd)
{
    char buf[4] = "x";
    struct pollfd entries[2];
    sc_addr peer;

    MUST(sc_addr_parse(&peer, "127.0.0.1:9"));
    CASE(sc_read_timeout(-EMFILE, buf, 1, 10000), -EBADF);
    CASE(sc_read_timeout(-1, buf, 1, 10000), -EBADF);
    CASE(sc_write_timeout(-1, buf, 1, 10000), -EBADF);
    CASE(sc_accept_timeout(-EMFILE, &peer, 0, 10000), -EBADF);
    CASE(sc_addr_port(&peer), 9);
    CASE(sc_accept_timeout(INT_MIN, NULL, 0, 10000), -EBADF);
    CASE(sc_wait_ready(-EMFILE, POLLIN, 10000), -EBADF);
    CASE(sc_wait_ready(-1, POLLOUT, 0), -EBADF);
    CASE(sc_close(-EMFILE), -EBADF);
    CASE(sc_close(INT_MIN), -EBADF);

    entries[0].fd = -EMFILE;
    entries[0].events = POLLIN;
    entries[0].revents = POLLIN;
    entries[1].fd = fd;
    entries[1].events = POLLOUT;
    entries[1].revents = 0;
    CASE(sc_poll(entries, 2, 0), 1);
    CASE(entries[0].revents, 0);
    CASE(entries[1].revents, POLLOUT);
}

static void bad_lengths(int fd, int udp)
{
    char buf[16] = "x";
    size_t too_long = (size_t)SSIZE_MAX + 1;
    struct iovec iov = {buf, 1};
    struct sockaddr_storage ss;
    sc_addr addr;

    memset(&ss, 0, sizeof ss);
    MUST(sc_addr_parse(&addr, "127.0.0.1:9"));
    CASE(sc_read(fd, buf, too_long), -EINVAL);
    CASE(sc_write(fd, buf, SIZE_MAX), -EINVAL);
    CASE(sc_send(fd, buf, too_long, 0), -EINVAL);
    CASE(sc_recv(fd, buf, too_long, 0), -EINVAL);
    CASE(sc_peek(fd, buf, too_long), -EINVAL);
    CASE(sc_sendto(udp, buf, too_long, 0, &addr), -EINVAL);
    CASE(sc_recvfrom(udp, buf, too_long, 0, NULL), -EINVAL);
    CASE(sc_write_all(fd, buf, too_long), -EINVAL);
    CASE(sc_read_exact(fd, buf, too_long), -EINVAL);
    CASE(sc_addr_format(&addr, buf, too_long), -EINVAL);
    CASE(sc_addr_unix_abstract(&addr, buf, too_long), -EINVAL);
    CASE(sc_strerror_r(EPIPE, buf, SIZE_MAX), -EINVAL);
    CASE(sc_readv(fd, &iov, -1), -EINVAL);
    CASE(sc_readv(fd, &iov, SC_IOV_MAX + 1), -EINVAL);
    CASE(sc_writev(fd, &iov, -1), -EINVAL);
    CASE(sc_writev(fd, &iov, SC_IOV_MAX + 1), -EINVAL);

    ss.ss_family = AF_INET;
    CASE(sc_addr_from_sockaddr(&addr, (struct sockaddr *)&ss, sizeof ss + 1), -EINVAL);
    CASE(sc_addr_from_sockaddr(&addr, (struct sockaddr *)&ss, 4), -EINVAL);
    CASE(sc_addr_from_sockaddr(&addr, (struct sockaddr *)&ss, 1), -EINVAL);
    ss.ss_family = AF_INET6;
    CASE(sc_addr_from_sockaddr(&addr, (struct sockaddr *)&ss, sizeof(struct sockaddr_in)),
         -EINVAL);
}

/* An sc_addr whose length claims more than its storage, as hand-filled or
 * uninitialised memory might: every reader refuses it. */
static void corrupt_addr(int udp)
{
    char buf[SC_ADDR_STRLEN] = "x";
    sc_addr addr;

    MUST(sc_addr_parse(&addr, "127.0.0.1:9"));
    addr.len = sizeof addr.storage + 1;
    CASE(sc_addr_len(&addr), -EINVAL);
    CASE(sc_addr_family(&addr), -EINVAL);
    CASE(sc_addr_port(&addr), -EINVAL);
    CASE(sc_addr_format(&addr, buf, sizeof buf), -EINVAL);
    CASE(sc_addr_set_port(&addr, 80), -EINVAL);
    CASE(sc_addr_equal(&addr, &addr), -EINVAL);
    CASE(addr.len, sizeof addr.storage + 1);
    CASE(sc_bind(udp, &addr), -EINVAL);
    CASE(sc_connect(udp, &addr), -EINVAL);
    CASE(sc_sendto(udp, buf, 1, 0, &addr), -EINVAL);
}

static void unknown_flags(int fd, int udp, int listener)
{
    char buf[4] = "x";
    int fds[2] = {-1, -1};
    sc_addr addr;

    MUST(sc_addr_parse(&addr, "127.0.0.1:9"));
    CASE(sc_socket(AF_INET, SOCK_STREAM, 1), -EINVAL);
    CASE(sc_socket(AF_INET, SOCK_STREAM, SOCK_CLOEXEC), -EINVAL);
    CASE(sc_socketpair(AF_UNIX, SOCK_STREAM, 0x2, fds), -EINVAL);
    CASE(fds[0] == -1 && fds[1] == -1, 1);
    CASE(sc_accept(listener, NULL, SC_NONBLOCK | 0x1), -EINVAL);
    CASE(sc_send(fd, buf, 1, 0x200), -EINVAL);
    CASE(sc_recv(fd, buf, 1, 0x10), -EINVAL);
    CASE(sc_sendto(udp, buf, 1, INT_MIN, &addr), -EINVAL);
    CASE(sc_recvfrom(udp, buf, 1, 0x400 | SC_MSG_DONTWAIT, NULL), -EINVAL);
    CASE(sc_shutdown(fd, 3), -EINVAL);
    CASE(sc_shutdown(fd, -1), -EINVAL);
}

static void malformed_addresses(void)
{
    char long_path[6 + 108 + 1], long_name[6 + 108 + 1];
    sc_addr addr;

    /* One byte over sun_path: 109 with the slash, 109 with the leading NUL. */
    memcpy(long_path, "unix:/", 6);
    memset(long_path + 6, 'p', 108);
    long_path[sizeof long_path - 1] = '\0';
    memcpy(long_name, "unix:@", 6);
    memset(long_name + 6, 'n', 108);
    long_name[sizeof long_name - 1] = '\0';

    CASE(sc_addr_parse(&addr, ""), -EINVAL);
    CASE(sc_addr_parse(&addr, "127.0.0.1"), -EINVAL);
    CASE(sc_addr_parse(&addr, "127.0.0.1:"), -EINVAL);
    CASE(sc_addr_parse(&addr, "127.0.0.1:65536"), -EINVAL);
    CASE(sc_addr_parse(&addr, "127.0.0.1:-1"), -EINVAL);
    CASE(sc_addr_parse(&addr, "256.0.0.1:80"), -EINVAL);
    CASE(sc_addr_parse(&addr, "127.0.0.01:80"), -EINVAL);
    CASE(sc_addr_parse(&addr, "127.0.0:80"), -EINVAL);
    CASE(sc_addr_parse(&addr, " 127.0.0.1:80"), -EINVAL);
    CASE(sc_addr_parse(&addr, "127.0.0.1:80 "), -EINVAL);
    CASE(sc_addr_parse(&addr, "localhost:80"), -EINVAL);
    CASE(sc_addr_parse(&addr, "[::1]"), -EINVAL);
    CASE(sc_addr_parse(&addr, "::1:80"), -EINVAL);
    CASE(sc_addr_parse(&addr, "[::1:80"), -EINVAL);
    CASE(sc_addr_parse(&addr, "[::g]:80"), -EINVAL);
    CASE(sc_addr_parse(&addr, "[fe80::1%sockcore0]:80"), -ENODEV);
    CASE(sc_addr_parse(&addr, "[fe80::1%eth0/1]:80"), -EINVAL);
    CASE(sc_addr_parse(&addr, "udp:127.0.0.1:80"), -EINVAL);
    CASE(sc_addr_parse(&addr, "unix:\\x4"), -EINVAL);
    CASE(sc_addr_parse(&addr, "unix:\\xzz"), -EINVAL);
    CASE(sc_addr_parse(&addr, "unix:\\"), -EINVAL);
    CASE(sc_addr_parse(&addr, "unix:/a\\x00b"), -EINVAL);
    CASE(sc_addr_parse(&addr, "unix:/\xff"), -EINVAL);
    CASE(sc_addr_parse(&addr, long_path), -ENAMETOOLONG);
    CASE(sc_addr_parse(&addr, long_name), -ENAMETOOLONG);
    CASE(sc_addr_unix(&addr, long_path + 5), -ENAMETOOLONG);
    CASE(sc_addr_unix_abstract(&addr, long_name + 6, 108), -ENAMETOOLONG);
    CASE(sc_addr_unix(&addr, ""), -EINVAL);
    CASE(sc_listen_on("nonsense", 1), -EINVAL);
    CASE(sc_listen_on(long_path, 1), -ENAMETOOLONG);
    CASE(sc_dial("127.0.0.1", 100), -EINVAL);
    CASE(sc_dial(long_name, 100), -ENAMETOOLONG);
}

static void small_format_buffers(void)
{
    char buf[SC_ADDR_STRLEN], path[5 + 4 * 108 + 1];
    sc_addr v4, v6, full;
    int i;

    /* A 108-byte path of control bytes: the longest text there is. */
    memcpy(path, "unix:", 5);
    for (i = 0; i < 108; i++)
        memcpy(path + 5 + 4 * i, "\\x01", 4);
    path[sizeof path - 1] = '\0';
    MUST(sc_addr_parse(&v4, "127.0.0.1:80"));
    MUST(sc_addr_parse(&v6, "[ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff%4294967295]:65535"));
    MUST(sc_addr_parse(&full, path));

    CASE(sc_addr_format(&v4, buf, 0), -ENOSPC);
    CASE(sc_addr_format(&v4, buf, 1), -ENOSPC);
    buf[0] = 'x';
    CASE(sc_addr_format(&v4, buf, 12), -ENOSPC);
    CASE(buf[0] == '\0', 1);
    CASE(sc_addr_format(&v4, buf, 13), 12);
    CASE(sc_addr_format(&v6, buf, 58), -ENOSPC);
    CASE(sc_addr_format(&v6, buf, 59), 58);
    CASE(sc_addr_format(&full, buf, SC_ADDR_STRLEN - 1), -ENOSPC);
    CASE(sc_addr_format(&full, buf, SC_ADDR_STRLEN), SC_ADDR_STRLEN - 1);
    CASE(strcmp(buf, path), 0);
}

static void wrong_state(int udp, int listener)
{
    char buf[4] = "x", text[SC_ADDR_STRLEN];
    sc_addr addr, bound;
    int pair[2], tcp, refused;

    MUST(sc_addr_parse(&addr, "unix:@sockcore-bad-input"));
    CASE(sc_addr_port(&addr), -EAFNOSUPPORT);
    CASE(sc_listen(udp, 1), -EOPNOTSUPP);
    CASE(sc_socket(12345, SOCK_STREAM, 0), -EAFNOSUPPORT);
    CASE(sc_socketpair(AF_INET, SOCK_STREAM, 0, pair), -EOPNOTSUPP);

    tcp = MUST(sc_socket(AF_INET, SOCK_STREAM, 0));
    CASE(sc_accept(tcp, NULL, 0), -EINVAL);
    CASE(sc_peer_addr(tcp, &addr), -ENOTCONN);
    CASE(sc_shutdown(tcp, SHUT_WR), -ENOTCONN);
    MUST(sc_close(tcp));

    /* A bound socket that does not listen holds a port nobody accepts on. */
    refused = MUST(sc_socket(AF_INET, SOCK_STREAM, 0));
    MUST(sc_addr_parse(&bound, "127.0.0.1:0"));
    MUST(sc_bind(refused, &bound));
    MUST(sc_local_addr(refused, &bound));
    MUST(sc_addr_format(&bound, text, sizeof text));
    CASE(sc_dial(text, 1000), -ECONNREFUSED);
    MUST(sc_close(refused));

    CASE(sc_dial("unix:/nonexistent/sockcore.sock", 1000), -ENOENT);
    CASE(sc_set_nonblocking(listener, 1), 0);
    CASE(sc_accept(listener, NULL, 0), -EAGAIN);

    MUST(sc_socketpair(AF_UNIX, SOCK_STREAM, 0, pair));
    MUST(sc_close(pair[1]));
    CASE(sc_write(pair[0], buf, 1), -EPIPE);
    CASE(sc_write_all(pair[0], buf, 1), -EPIPE);
    CASE(sc_read(pair[0], buf, 1), 0);
    MUST(sc_close(pair[0]));
}

/* An address of the wrong family for the socket: the kernel's own code,
 * passed through unchanged. */
static void wrong_family(int udp)
{
    char buf[4] = "x";
    sc_addr v4, v6, path;
    int tcp4, tcp6, udp6, unix_stream;

    MUST(sc_addr_parse(&v4, "127.0.0.1:9"));
    MUST(sc_addr_parse(&v6, "[::1]:9"));
    MUST(sc_addr_parse(&path, "unix:/nonexistent/sockcore-bad-input"));
    tcp4 = MUST(sc_socket(AF_INET, SOCK_STREAM, 0));
    tcp6 = MUST(sc_socket(AF_INET6, SOCK_STREAM, 0));
    udp6 = MUST(sc_socket(AF_INET6, SOCK_DGRAM, 0));
    unix_stream = MUST(sc_socket(AF_UNIX, SOCK_STREAM, 0));

    /* An IPv4 socket reads the family once the length is enough. */
    CASE(sc_connect(tcp4, &v6), -EAFNOSUPPORT);
    CASE(sc_bind(tcp4, &v6), -EAFNOSUPPORT);
    CASE(sc_sendto(udp, buf, 1, 0, &v6), -EAFNOSUPPORT);
    CASE(sc_connect(tcp4, &path), -EAFNOSUPPORT);
    /* An IPv6 socket finds a sockaddr_in too short. */
    CASE(sc_connect(tcp6, &v4), -EINVAL);
    CASE(sc_bind(tcp6, &v4), -EINVAL);
    CASE(sc_sendto(udp6, buf, 1, 0, &path), -EINVAL);
    /* A Unix socket takes only AF_UNIX. */
    CASE(sc_connect(unix_stream, &v4), -EINVAL);
    CASE(sc_bind(unix_stream, &v6), -EINVAL);
    /* The failures left the sockets as they were. */
    CASE(sc_peer_addr(tcp4, &v4), -ENOTCONN);
    CASE(sc_addr_family(&v4), AF_INET);

    MUST(sc_close(unix_stream));
    MUST(sc_close(udp6));
    MUST(sc_close(tcp6));
    MUST(sc_close(tcp4));
}

/* Buffer counts at and past their limits, and vectors that do not add up. */
static void vector_limits(int fd, int peer, int udp)
{
    static struct iovec many[SC_IOV_MAX + 1];
    struct mmsghdr batch[2];
    char buf[16] = "x", control[64];
    struct iovec holes[2] = {{buf, 1}, {NULL, 1}};
    struct iovec huge[2] = {{buf, 1}, {buf, (size_t)-1}};
    struct msghdr msg;
    struct cmsghdr *cmsg;
    int i, closed;

    for (i = 0; i <= SC_IOV_MAX; i++) {
        many[i].iov_base = buf;
        many[i].iov_len = 0;
    }
    CASE(sc_readv(fd, many, INT_MAX), -EINVAL);
    CASE(sc_writev(fd, many, INT_MIN), -EINVAL);
    /* A NULL buffer of non-zero length, or a total over SSIZE_MAX: refused
     * before any system call, so nothing is sent and readv does not block. */
    CASE(sc_writev(fd, holes, 2), -EFAULT);
    CASE(sc_recv(peer, buf, sizeof buf, SC_MSG_DONTWAIT), -EAGAIN);
    CASE(sc_readv(fd, holes, 2), -EFAULT);
    CASE(sc_writev(fd, huge, 2), -EINVAL);
    CASE(sc_readv(fd, huge, 2), -EINVAL);
    /* Zero-length buffers up to the limit are fine. */
    CASE(sc_writev(fd, many, SC_IOV_MAX), 0);

    memset(&msg, 0, sizeof msg);
    msg.msg_iov = many;
    /* A message header is checked as sc_readv and sc_writev check theirs,
     * before any system call; sc_sendmmsg and sc_recvmmsg check each one. */
    msg.msg_iovlen = SC_IOV_MAX + 1;
    CASE(sc_sendmsg(fd, &msg, 0), -EINVAL);
    CASE(sc_recvmsg(fd, &msg, SC_MSG_DONTWAIT), -EINVAL);
    msg.msg_iovlen = SC_IOV_MAX;
    CASE(sc_sendmsg(fd, &msg, 0), 0);
    msg.msg_iov = holes;
    msg.msg_iovlen = 2;
    CASE(sc_sendmsg(fd, &msg, 0), -EFAULT);
    CASE(sc_recvmsg(fd, &msg, SC_MSG_DONTWAIT), -EFAULT);
    msg.msg_iov = huge;
    CASE(sc_sendmsg(fd, &msg, 0), -EINVAL);
    CASE(sc_recvmsg(fd, &msg, SC_MSG_DONTWAIT), -EINVAL);
    CASE(sc_recv(peer, buf, sizeof buf, SC_MSG_DONTWAIT), -EAGAIN);
    msg.msg_iov = NULL;
    msg.msg_iovlen = 1;
    CASE(sc_sendmsg(fd, &msg, 0), -EFAULT);
    CASE(sc_recvmsg(fd, &msg, SC_MSG_DONTWAIT), -EFAULT);
    /* No buffers need no array: control data alone (an error-queue entry)
     * is read so. */
    msg.msg_iovlen = 0;
    if (!known_gap("SOCKCORE_QEMU", "sc_recvmsg with no buffers",
                   "qemu-user answers a recvmsg with no buffers with 0 without making the call"))
        CASE(sc_recvmsg(fd, &msg, SC_MSG_DONTWAIT), -EAGAIN);
    msg.msg_iov = many;
    msg.msg_iovlen = 1;
    many[0].iov_len = 1;
    msg.msg_control = NULL;
    msg.msg_controllen = sizeof control;
    CASE(sc_sendmsg(fd, &msg, 0), -EFAULT);
    CASE(sc_recvmsg(fd, &msg, SC_MSG_DONTWAIT), -EFAULT);
    /* A control length past INT_MAX: the kernel's sendmsg would answer
     * an undocumented -ENOBUFS. */
    msg.msg_control = control;
    msg.msg_controllen = (socklen_t)INT_MAX + 1u;
    CASE(sc_sendmsg(fd, &msg, 0), -EINVAL);
    CASE(sc_recvmsg(fd, &msg, SC_MSG_DONTWAIT), -EINVAL);
    msg.msg_controllen = (socklen_t)-1;
    CASE(sc_sendmsg(fd, &msg, 0), -EINVAL);
    memset(batch, 0, sizeof batch);
    batch[0].msg_hdr = msg;
    batch[0].msg_hdr.msg_controllen = 0;
    batch[1].msg_hdr = msg;
    CASE(sc_sendmmsg(fd, batch, 2, 0), -EINVAL);
    CASE(sc_recvmmsg(fd, batch, 2, SC_MSG_DONTWAIT, 0), -EINVAL);
    CASE(sc_recv(peer, buf, sizeof buf, SC_MSG_DONTWAIT), -EAGAIN);

    /* A control message claiming more than its buffer holds. */
    memset(control, 0, sizeof control);
    msg.msg_control = control;
    msg.msg_controllen = CMSG_SPACE(sizeof(int));
    cmsg = CMSG_FIRSTHDR(&msg);
    cmsg->cmsg_level = SOL_SOCKET;
    cmsg->cmsg_type = SCM_RIGHTS;
    cmsg->cmsg_len = CMSG_LEN(sizeof(int)) + 64;
    if (!known_gap("SOCKCORE_QEMU", "a control message longer than its buffer",
                   "qemu-user converts control messages itself, drops this one and sends"))
        CASE(sc_sendmsg(fd, &msg, 0), -EINVAL);
    /* A descriptor to pass that is not open. */
    closed = MUST(sc_socket(AF_UNIX, SOCK_DGRAM, 0));
    MUST(sc_close(closed));
    cmsg->cmsg_len = CMSG_LEN(sizeof(int));
    memcpy(CMSG_DATA(cmsg), &closed, sizeof closed);
    CASE(sc_sendmsg(fd, &msg, 0), -EBADF);

    /* A name too short for any address, and one of the wrong family. */
    memset(&msg, 0, sizeof msg);
    memset(control, 0, sizeof control);
    msg.msg_iov = many;
    msg.msg_iovlen = 1;
    msg.msg_name = control;
    msg.msg_namelen = 1;
    CASE(sc_sendmsg(udp, &msg, 0), -EINVAL);
    ((struct sockaddr *)control)->sa_family = AF_INET6;
    msg.msg_namelen = sizeof(struct sockaddr_in6);
    CASE(sc_sendmsg(udp, &msg, 0), -EAFNOSUPPORT);
    many[0].iov_len = 0;
}

/* Lengths that are negative numbers in disguise (size_t -1) or past
 * SSIZE_MAX, and negative values where only some are meaningful. */
static void negative_and_huge(int fd, int udp, int tcp)
{
    char buf[SC_IFNAMSIZ] = "x";
    struct sockaddr_in sin;
    sc_addr addr;

    memset(&sin, 0, sizeof sin);
    sin.sin_family = AF_INET;
    MUST(sc_addr_parse(&addr, "127.0.0.1:9"));
    CASE(sc_read(fd, buf, (size_t)-1), -EINVAL);
    CASE(sc_recv(fd, buf, (size_t)-1, 0), -EINVAL);
    CASE(sc_peek(fd, buf, (size_t)-1), -EINVAL);
    CASE(sc_read_exact(fd, buf, (size_t)-1), -EINVAL);
    CASE(sc_write_all(fd, buf, (size_t)-1), -EINVAL);
    CASE(sc_send(fd, buf, (size_t)-1, 0), -EINVAL);
    CASE(sc_sendto(udp, buf, (size_t)-1, 0, &addr), -EINVAL);
    CASE(sc_recvfrom(udp, buf, (size_t)-1, 0, &addr), -EINVAL);
    CASE(sc_read_timeout(fd, buf, (size_t)SSIZE_MAX + 1, 0), -EINVAL);
    CASE(sc_write_timeout(fd, buf, (size_t)-1, 0), -EINVAL);
    CASE(sc_get_bindtodevice(udp, buf, (size_t)-1), -EINVAL);
    CASE(sc_addr_format(&addr, buf, (size_t)-1), -EINVAL);
    CASE(sc_addr_from_sockaddr(&addr, (struct sockaddr *)&sin, (socklen_t)-1), -EINVAL);
    /* Length 0 is no address at all, which is not an error. */
    CASE(sc_addr_from_sockaddr(&addr, (struct sockaddr *)&sin, 0), 0);
    CASE(sc_addr_family(&addr), AF_UNSPEC);

    CASE(sc_socket(-1, SOCK_STREAM, 0), -EAFNOSUPPORT);
    CASE(sc_socket(AF_INET, -1, 0), -EINVAL);
    CASE(sc_socket(AF_INET, SOCK_STREAM, -1), -EINVAL);
    CASE(sc_accept(tcp, NULL, -1), -EINVAL);
    CASE(sc_shutdown(fd, INT_MAX), -EINVAL);
    CASE(sc_set_rcvbuf(tcp, INT_MIN), -EINVAL);
    CASE(sc_set_sndbuf(tcp, -1), -EINVAL);
    CASE(sc_set_rcvtimeo(tcp, INT_MIN), -EINVAL);
    CASE(sc_set_linger(tcp, 1, INT_MIN), -EINVAL);
    CASE(sc_set_user_timeout(tcp, INT_MIN), -EINVAL);
    CASE(sc_set_keepalive_interval(tcp, 0), -EINVAL);
    CASE(sc_set_keepalive_interval(tcp, 32768), -EINVAL);
    CASE(sc_set_keepalive_count(tcp, 128), -EINVAL);
    CASE(sc_set_ttl(udp, 0), -EINVAL);
    CASE(sc_set_ttl(udp, INT_MAX), -EINVAL);
    CASE(sc_set_tos(udp, -1), -EINVAL);
    CASE(sc_set_multicast_ttl_v4(udp, 256), -EINVAL);
    CASE(sc_set_multicast_ttl_v4(udp, -1), -EINVAL);
    CASE(sc_wait_ready(fd, -1, 0), -EINVAL);
}

/* The calls that came with messages, options and time-outs: NULLs, bad
 * descriptors, and options on sockets that do not have them. */
static void newer_calls(int fd, int udp, int listener)
{
    char buf[SC_IFNAMSIZ + 8] = "x";
    struct pollfd entry;
    socklen_t len = sizeof(int);
    int value = 0, on = 0, seconds = 0, unix_stream, tcp6, closed, pipefd[2];
    sc_addr group6;

    MUST(sc_addr_parse(&group6, "[ff02::1:2]:0"));
    unix_stream = MUST(sc_socket(AF_UNIX, SOCK_STREAM, 0));
    tcp6 = MUST(sc_socket(AF_INET6, SOCK_STREAM, 0));
    closed = MUST(sc_socket(AF_INET, SOCK_DGRAM, 0));
    MUST(sc_close(closed));

    CASE(sc_read_timeout(fd, NULL, 1, 0), -EFAULT);
    CASE(sc_write_timeout(fd, NULL, 1, 0), -EFAULT);
    CASE(sc_accept_timeout(listener, NULL, INT_MIN, 0), -EINVAL);
    CASE(sc_accept_timeout(closed, NULL, 0, 0), -EBADF);
    CASE(sc_read_timeout(closed, buf, 1, 0), -EBADF);
    CASE(sc_send_fds(fd, "x", 1, NULL, 0), 1);
    CASE(sc_recv_fds(fd, NULL, 0, 0, NULL, NULL, NULL), -EFAULT);
    CASE(sc_peer_credentials(fd, NULL), -EFAULT);
    CASE(sc_sendmmsg(fd, NULL, 0, 0), -EFAULT);
    CASE(sc_recvmmsg(fd, NULL, 0, 0, 0), -EFAULT);
    CASE(sc_poll(NULL, 0, 0), 0);
    CASE(sc_poll(NULL, 2, 0), -EFAULT);
    entry.fd = closed;
    entry.events = POLLIN;
    entry.revents = 0;
    CASE(sc_poll(&entry, 1, 0), 1);
    CASE(entry.revents, POLLNVAL);
    CASE(sc_wait_ready(closed, POLLIN, 0), POLLNVAL);

    CASE(sc_getsockopt(fd, SOL_SOCKET, SO_TYPE, &value, NULL), -EFAULT);
    CASE(sc_getsockopt(fd, SOL_SOCKET, -1, &value, &len), -ENOPROTOOPT);
    CASE(len, sizeof(int));
    CASE(sc_setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &value, 2), -EINVAL);
    CASE(sc_setsockopt(closed, SOL_SOCKET, SO_RCVBUF, &value, sizeof value), -EBADF);
    CASE(sc_get_linger(fd, NULL, NULL), -EFAULT);
    CASE(sc_get_linger(closed, &on, &seconds), -EBADF);
    CASE(sc_get_rcvbuf(-1), -EBADF);
    CASE(sc_set_bindtodevice(udp, "lo-but-far-too-long"), -EINVAL);
    CASE(sc_interface_index("lo-but-far-too-long"), -EINVAL);
    CASE(sc_join_multicast(udp, &group6, 0), -ENOPROTOOPT);
    CASE(sc_join_multicast(closed, &group6, 0), -EBADF);

    /* Options of another protocol than the socket's: Linux sets with
     * -ENOPROTOOPT and gets with -EOPNOTSUPP (Unix sockets: both). */
    CASE(sc_set_nodelay(unix_stream, 1), -EOPNOTSUPP);
    CASE(sc_get_ttl(unix_stream), -EOPNOTSUPP);
    CASE(sc_set_v6only(udp, 1), -ENOPROTOOPT);
    CASE(sc_set_multicast_loop_v6(udp, 1), -ENOPROTOOPT);
    CASE(sc_get_unicast_hops(udp), -EOPNOTSUPP);
    CASE(sc_get_keepalive_idle(udp), -EOPNOTSUPP);

    if (pipe(pipefd) < 0) {
        printf("setup: pipe failed\n");
        _exit(2);
    }
    CASE(sc_getsockopt(pipefd[0], SOL_SOCKET, SO_TYPE, &value, &len), -ENOTSOCK);
    CASE(sc_set_keepalive(pipefd[1], 1), -ENOTSOCK);
    CASE(sc_socket_type(pipefd[0]), -ENOTSOCK);
    CASE(sc_send_fds(pipefd[1], "x", 1, pipefd, 1), -ENOTSOCK);
    close(pipefd[0]);
    close(pipefd[1]);
    MUST(sc_close(tcp6));
    MUST(sc_close(unix_stream));
}

/* The server calls (epoll, TCP_INFO, Fast Open, sendfile): every bad
 * argument gets its code, no output is touched on error, and no
 * descriptor is left open. */
static void server_calls(int unix_stream, int udp)
{
    struct epoll_event events[2];
    sc_tcp_info info, pattern;
    char path[] = "/tmp/sockcore-bad-input-XXXXXX";
    uint64_t offset, unchanged = 0x1234;
    int fds_before = open_fds(), epfd, file, write_only, directory, pipefd[2], tcp, connected;
    sc_addr addr;

    epfd = (int)MUST(sc_epoll_create());
    file = mkstemp(path);
    if (file < 0 || write(file, "0123456789", 10) != 10 || pipe(pipefd) < 0) {
        printf("setup: temporary file or pipe failed\n");
        exit(2);
    }
    write_only = open(path, O_WRONLY | O_CLOEXEC);
    directory = open("/", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    unlink(path);
    tcp = (int)MUST(sc_listen_on("127.0.0.1:0", 1));
    MUST(sc_local_addr(tcp, &addr));
    connected = (int)MUST(sc_socket(AF_INET, SOCK_STREAM, 0));
    MUST(sc_connect(connected, &addr));

    /* epoll: bits the kernel would take silently are refused here. */
    CASE(sc_epoll_add(epfd, unix_stream, 0x00100000, 0), -EINVAL);
    CASE(sc_epoll_add(epfd, unix_stream, SC_EPOLLIN | 0x00100000, 0), -EINVAL);
    CASE(sc_epoll_modify(epfd, unix_stream, 0x00100000, 0), -EINVAL);
    CASE(sc_epoll_add(-1, unix_stream, SC_EPOLLIN, 0), -EBADF);
    CASE(sc_epoll_add(udp, unix_stream, SC_EPOLLIN, 0), -EINVAL);
    CASE(sc_epoll_add(epfd, -1, SC_EPOLLIN, 0), -EBADF);
    CASE(sc_epoll_add(epfd, epfd, SC_EPOLLIN, 0), -EINVAL);
    CASE(sc_epoll_add(epfd, file, SC_EPOLLIN, 0), -EPERM);
    CASE(sc_epoll_add(epfd, unix_stream, SC_EPOLLEXCLUSIVE | SC_EPOLLIN | SC_EPOLLRDHUP, 0), -EINVAL);
    CASE(sc_epoll_add(epfd, unix_stream, SC_EPOLLEXCLUSIVE | SC_EPOLLIN | SC_EPOLLONESHOT, 0), -EINVAL);
    CASE(sc_epoll_add(epfd, unix_stream, SC_EPOLLEXCLUSIVE | SC_EPOLLPRI, 0), -EINVAL);
    CASE(sc_epoll_modify(epfd, unix_stream, SC_EPOLLIN, 0), -ENOENT);
    CASE(sc_epoll_delete(epfd, unix_stream), -ENOENT);
    CASE(sc_epoll_add(epfd, unix_stream, SC_EPOLLIN, 0), 0);
    CASE(sc_epoll_add(epfd, unix_stream, SC_EPOLLIN, 0), -EEXIST);
    CASE(sc_epoll_modify(epfd, unix_stream, SC_EPOLLIN | SC_EPOLLEXCLUSIVE, 0), -EINVAL);
    CASE(sc_epoll_delete(epfd, -1), -EBADF);
    CASE(sc_epoll_delete(udp, unix_stream), -EINVAL);
    CASE(sc_epoll_wait(epfd, NULL, 4, 0), -EFAULT);
    CASE(sc_epoll_wait(epfd, events, 0, 0), -EINVAL);
    CASE(sc_epoll_wait(epfd, events, -1, 0), -EINVAL);
    CASE(sc_epoll_wait(epfd, events, INT_MIN, 0), -EINVAL);
    CASE(sc_epoll_wait(epfd, NULL, 0, 0), -EINVAL);
    CASE(sc_epoll_wait(epfd, events, SC_EPOLL_MAX_EVENTS + 1, 0), -EINVAL);
    CASE(sc_epoll_wait(-1, events, 2, -1), -EBADF); /* at once: no wait */
    CASE(sc_epoll_wait(udp, events, 2, 0), -EINVAL);

    /* TCP_INFO: *info unchanged on every error. */
    memset(&pattern, 0x5a, sizeof pattern);
    info = pattern;
    CASE(sc_get_tcp_info(connected, NULL, sizeof info), -EFAULT);
    CASE(sc_get_tcp_info(connected, &info, 0), -EINVAL);
    CASE(sc_get_tcp_info(connected, &info, SC_TCP_INFO_MIN_SIZE - 1), -EINVAL);
    CASE(sc_get_tcp_info(connected, &info, SIZE_MAX), -EINVAL);
    CASE(sc_get_tcp_info(udp, &info, sizeof info), -EOPNOTSUPP);
    CASE(sc_get_tcp_info(unix_stream, &info, sizeof info), -EOPNOTSUPP);
    CASE(sc_get_tcp_info(pipefd[0], &info, sizeof info), -ENOTSOCK);
    CASE(sc_get_tcp_info(-1, &info, sizeof info), -EBADF);
    CASE(memcmp(&info, &pattern, sizeof info), 0);

    /* Fast Open. */
    CASE(sc_set_fastopen(tcp, -1), -EINVAL);
    CASE(sc_set_fastopen(udp, 1), -ENOPROTOOPT);
    CASE(sc_set_fastopen_connect(unix_stream, 1), -EOPNOTSUPP);
    CASE(sc_set_fastopen_connect(connected, 1), -EINVAL);
    CASE(sc_sendto(connected, "x", 1, SC_MSG_FASTOPEN, &addr), -EISCONN);
    CASE(sc_get_fastopen(-1), -EBADF);

    /* sendfile: *offset unchanged on every error. */
    CASE(sc_send_file(connected, file, NULL, 1), -EFAULT);
    CASE(sc_send_file_all(connected, file, NULL, 1), -EFAULT);
    offset = (uint64_t)INT64_MAX + 1;
    CASE(sc_send_file(connected, file, &offset, 1), -EINVAL);
    CASE(sc_send_file_all(connected, file, &offset, 1), -EINVAL);
    CASE(offset == (uint64_t)INT64_MAX + 1, 1);
    offset = UINT64_MAX;
    CASE(sc_send_file(connected, file, &offset, 1), -EINVAL);
    CASE(offset == UINT64_MAX, 1);
    offset = unchanged;
    CASE(sc_send_file(connected, file, &offset, (size_t)SSIZE_MAX + 1), -EINVAL);
    CASE(sc_send_file_all(connected, file, &offset, SIZE_MAX), -EINVAL);
    CASE(sc_send_file(connected, -1, &offset, 1), -EBADF);
    CASE(sc_send_file(-1, file, &offset, 1), -EBADF);
    CASE(sc_send_file(connected, write_only, &offset, 1), -EBADF);
    CASE(sc_send_file_all(connected, write_only, &offset, 1), -EBADF);
    CASE(sc_send_file(connected, pipefd[0], &offset, 1), -ESPIPE);
    CASE(sc_send_file(connected, udp, &offset, 1), -ESPIPE);
    CASE(sc_send_file(connected, directory, &offset, 1), -EINVAL);
    CASE(offset == unchanged, 1);
    /* Past the end: nothing, and no error. */
    CASE(sc_send_file(connected, file, &offset, 1), 0);
    CASE(sc_send_file_all(connected, file, &offset, 1), 0);
    CASE(offset == unchanged, 1);

    sc_close(connected);
    sc_close(tcp);
    close(directory);
    close(write_only);
    close(file);
    close(pipefd[0]);
    close(pipefd[1]);
    sc_close(epfd);
    CASE(open_fds(), fds_before);
}

/* The UDP offload calls: NULLs, bad lengths, segments and flags, a state
 * never set up, sockets that are not UDP. Nothing may be sent: the UDP
 * receiver, the accepted TCP peer and the Unix peer get nothing. */
static void udp_offload_calls(int unix_stream, int listener)
{
    unsigned char buf[4000] = {1};
    union {
        char buf[SC_CMSG_SPACE_UDP_SEGMENT];
        struct cmsghdr align;
    } segment_message;
    sc_cmsg_builder holder;
    char long_control[SC_UDP_OFFLOAD_CONTROL_MAX + 1] = {0};
    sc_addr to, unix_addr, oversized, at;
    sc_udp_offload u, never, closed_state;
    sc_segments it;
    const void *data = NULL;
    size_t segment = 7, len = 0;
    int rx, tx, tcp, server, dgram[2];

    rx = MUST(sc_socket(AF_INET, SOCK_DGRAM, 0));
    MUST(sc_addr_parse(&to, "127.0.0.1:0"));
    MUST(sc_bind(rx, &to));
    MUST(sc_local_addr(rx, &to));
    tx = MUST(sc_socket(AF_INET, SOCK_DGRAM, 0));
    MUST(sc_addr_parse(&unix_addr, "unix:/tmp/sockcore-nobody"));
    oversized = to;
    oversized.len = sizeof oversized.storage + 1;
    MUST(sc_udp_offload_init(&u, tx, 0));
    memset(&never, 0, sizeof never);
    closed_state = u;
    closed_state.fd = -1;

    /* A control buffer holding a UDP_SEGMENT message of its own. */
    MUST(sc_cmsg_builder_init(&holder, segment_message.buf, sizeof segment_message.buf));
    MUST(sc_cmsg_add_udp_segment(&holder, 100));

    CASE(sc_send_segments(tx, NULL, 4000, 1200, 0, &to), -EFAULT);
    CASE(sc_send_segments(tx, buf, 0, 1200, 0, &to), -EINVAL);
    CASE(sc_send_segments(tx, buf, (size_t)-1, 1200, 0, &to), -EINVAL);
    CASE(sc_send_segments(tx, buf, 4000, 0, 0, &to), -EINVAL);
    CASE(sc_send_segments(tx, buf, 4000, SC_UDP_MAX_PAYLOAD + 1, 0, &to), -EINVAL);
    CASE(sc_send_segments(tx, buf, 4000, 1200, SC_MSG_MORE, &to), -EINVAL);
    CASE(sc_send_segments(tx, buf, 4000, 1200, SC_MSG_OOB, &to), -EINVAL);
    CASE(sc_send_segments(tx, buf, 4000, 1200, 0x40000000, &to), -EINVAL);
    CASE(sc_send_segments(tx, buf, 4000, 1200, 0, &oversized), -EINVAL);
    CASE(sc_send_segments(tx, buf, 4000, 1200, 0, &unix_addr), -EAFNOSUPPORT);
    CASE(sc_send_segments(tx, buf, 4000, 1200, 0, NULL), -EDESTADDRREQ);
    CASE(sc_send_segments(-1, buf, 4000, 1200, 0, &to), -EBADF);

    CASE(sc_udp_offload_send(NULL, buf, 4000, 1200, 0, &to), -EFAULT);
    CASE(sc_udp_offload_send(&never, buf, 4000, 1200, 0, &to), -EINVAL);
    CASE(sc_udp_offload_send(&closed_state, buf, 4000, 1200, 0, &to), -EINVAL);
    CASE(sc_udp_offload_send(&u, NULL, 4000, 1200, 0, &to), -EFAULT);
    CASE(sc_udp_offload_send(&u, buf, 0, 1200, 0, &to), -EINVAL);
    CASE(sc_udp_offload_send(&u, buf, 4000, 0, 0, &to), -EINVAL);
    CASE(sc_udp_offload_send(&u, buf, 4000, 65508, 0, &to), -EINVAL);
    CASE(sc_udp_offload_send(&u, buf, 4000, 1200, SC_MSG_PEEK, &to), -EINVAL);
    CASE(sc_udp_offload_send(&u, buf, 4000, 1200, 0, &unix_addr), -EAFNOSUPPORT);
    CASE(sc_udp_offload_sendmsg(&u, buf, 4000, 1200, NULL, 1, 0, &to), -EFAULT);
    CASE(sc_udp_offload_sendmsg(&u, buf, 4000, 1200, long_control, sizeof long_control, 0, &to),
         -EINVAL);
    CASE(sc_udp_offload_sendmsg(&u, buf, 4000, 1200, segment_message.buf, holder.len, 0, &to),
         -EINVAL);
    CASE(sc_udp_offload_gso(&u), SC_GSO_UNTRIED);

    CASE(sc_udp_offload_init(NULL, tx, 0), -EFAULT);
    CASE(sc_udp_offload_init(&u, tx, 2), -EINVAL);
    CASE(sc_udp_offload_init(&u, -1, 0), -EBADF);
    CASE(sc_udp_offload_init(&u, unix_stream, 0), -ENOPROTOOPT);
    CASE(sc_udp_offload_gso(NULL), -EFAULT);
    CASE(sc_udp_offload_gso(&never), -EINVAL);

    CASE(sc_recv_segments(rx, NULL, 100, 0, NULL, &segment), -EFAULT);
    CASE(sc_recv_segments(rx, buf, 0, 0, NULL, &segment), -EINVAL);
    CASE(sc_recv_segments(rx, buf, sizeof buf, 0, NULL, NULL), -EFAULT);
    CASE(sc_recv_segments(rx, buf, sizeof buf, SC_MSG_WAITALL, NULL, &segment), -EINVAL);
    CASE(sc_recv_segments(rx, buf, sizeof buf, SC_MSG_ERRQUEUE, NULL, &segment), -EINVAL);
    CASE(sc_recv_segments(unix_stream, buf, sizeof buf, 0, NULL, &segment), -ENOPROTOOPT);
    CASE(sc_recv_segments(rx, buf, sizeof buf, SC_MSG_DONTWAIT, NULL, &segment), -EAGAIN);
    CASE(sc_udp_offload_recv(NULL, buf, sizeof buf, 0, NULL, &segment), -EFAULT);
    CASE(sc_udp_offload_recv(&never, buf, sizeof buf, 0, NULL, &segment), -EINVAL);
    CASE(sc_udp_offload_recv(&u, buf, sizeof buf, 0, &at, NULL), -EFAULT);
    CASE(segment, 7);

    CASE(sc_segments_init(NULL, buf, 1, 1), -EFAULT);
    CASE(sc_segments_init(&it, NULL, 1, 1), -EFAULT);
    CASE(sc_segments_init(&it, buf, 1, 0), -EINVAL);
    CASE(sc_segments_init(&it, buf, (size_t)-1, 1), -EINVAL);
    CASE(sc_segments_init(&it, NULL, 0, 0), 0);
    CASE(sc_segments_next(&it, &data, &len), 0);
    CASE(sc_segments_next(NULL, &data, &len), -EFAULT);
    CASE(sc_segments_next(&it, NULL, &len), -EFAULT);
    CASE(sc_segments_next(&it, &data, NULL), -EFAULT);

    /* TCP would take UDP_SEGMENT and stream the bytes: refused. */
    MUST(sc_local_addr(listener, &at));
    tcp = MUST(sc_socket(AF_INET, SOCK_STREAM, 0));
    MUST(sc_connect(tcp, &at));
    server = MUST(sc_accept(listener, NULL, 0));
    CASE(sc_send_segments(tcp, buf, 4000, 1000, 0, NULL), -ENOPROTOOPT);
    CASE(sc_udp_offload_init(&u, tcp, SC_UDP_OFFLOAD_NO_GSO), -ENOPROTOOPT);
    CASE(sc_recv(server, buf, sizeof buf, SC_MSG_DONTWAIT), -EAGAIN);
    /* A Unix datagram socket would send one unsegmented datagram. */
    MUST(sc_socketpair(AF_UNIX, SOCK_DGRAM, 0, dgram));
    CASE(sc_send_segments(dgram[0], buf, 4000, 1000, 0, NULL), -ENOPROTOOPT);
    CASE(sc_recv(dgram[1], buf, sizeof buf, SC_MSG_DONTWAIT), -EAGAIN);
    /* The options are the kernel's to refuse. */
    CASE(sc_set_udp_gro(tcp, 1), -ENOPROTOOPT);
    CASE(sc_set_udp_segment(tcp, 1200), -ENOPROTOOPT);
    CASE(sc_set_udp_gro(unix_stream, 1), -EOPNOTSUPP);
    CASE(sc_get_udp_segment(unix_stream), -EOPNOTSUPP);
    CASE(sc_set_udp_segment(tx, -1), -EINVAL);
    CASE(sc_get_udp_gro(-1), -EBADF);

    CASE(sc_wait_ready(rx, POLLIN, 100), -ETIMEDOUT);
    sc_close(dgram[0]);
    sc_close(dgram[1]);
    sc_close(server);
    sc_close(tcp);
    sc_close(tx);
    sc_close(rx);
}

/* Typed control messages: the builder and every sc_cmsg_add_* (refused
 * calls append nothing), the readers (NULLs, nothing there, cut short,
 * outputs unchanged), and the new options' values. */
static void typed_control(int udp)
{
    union {
        struct cmsghdr align;
        unsigned char buf[64];
    } space;
    unsigned char payload[40] = {0};
    struct msghdr msg;
    sc_cmsg_builder b, unset;
    sc_addr v4, unix_addr, oversized, out_addr;
    sc_timestamp ts = {1, 2};
    sc_extended_err err;
    size_t segment = 9;
    uint32_t count = 7, ifindex = 5;
    uint8_t byte = 0x5a;

    MUST(sc_addr_parse(&v4, "127.0.0.1:9"));
    MUST(sc_addr_parse(&unix_addr, "unix:@sockcore-bad-input-typed"));
    oversized = v4;
    oversized.len = sizeof oversized.storage + 1;

    CASE(sc_cmsg_builder_init(NULL, space.buf, sizeof space.buf), -EFAULT);
    CASE(sc_cmsg_builder_init(&b, NULL, 16), -EFAULT);
    CASE(sc_cmsg_builder_init(&b, space.buf, (size_t)SSIZE_MAX + 1), -EINVAL);
    CASE(sc_cmsg_builder_init(&b, NULL, 0), 0);
    CASE(sc_cmsg_add_dontfrag(&b, 1), -ENOSPC);
    CASE(sc_cmsg_builder_init(&b, space.buf, sizeof space.buf), 0);
    CASE(sc_cmsg_add_udp_segment(NULL, 1200), -EFAULT);
    CASE(sc_cmsg_add_udp_segment(&b, 0), -EINVAL);
    CASE(sc_cmsg_add_source(NULL, &v4, 0), -EFAULT);
    CASE(sc_cmsg_add_source(&b, NULL, 0), -EFAULT);
    CASE(sc_cmsg_add_source(&b, &unix_addr, 0), -EAFNOSUPPORT);
    CASE(sc_cmsg_add_source(&b, &oversized, 0), -EINVAL);
    CASE(sc_cmsg_add_tos(&b, NULL, 2), -EFAULT);
    CASE(sc_cmsg_add_tos(&b, &v4, 256), -EINVAL);
    CASE(sc_cmsg_add_tos(&b, &v4, -1), -EINVAL);
    CASE(sc_cmsg_add_tos(&b, &unix_addr, 2), -EAFNOSUPPORT);
    CASE(sc_cmsg_add_ttl(&b, NULL, 9), -EFAULT);
    CASE(sc_cmsg_add_ttl(&b, &v4, 256), -EINVAL);
    CASE(sc_cmsg_add_ttl(&b, &oversized, 9), -EINVAL);
    CASE(sc_cmsg_add_ttl(&b, &unix_addr, 9), -EAFNOSUPPORT);
    CASE(sc_cmsg_add_dontfrag(NULL, 1), -EFAULT);
    CASE(sc_cmsg_add_tx_timestamp(NULL, SC_TIMESTAMPING_TX_SOFTWARE), -EFAULT);
    CASE(sc_cmsg_add_tx_timestamp(&b, SC_TIMESTAMPING_SOFTWARE), -EINVAL);
    CASE(sc_cmsg_add_tx_timestamp(&b, 1u << 31), -EINVAL);
    CASE(sc_cmsg_add(NULL, SOL_SOCKET, 1, payload, 1), -EFAULT);
    CASE(sc_cmsg_add(&b, SOL_SOCKET, 1, NULL, 1), -EFAULT);
    CASE(sc_cmsg_add(&b, SOL_SOCKET, 1, payload, (size_t)SSIZE_MAX + 1), -EINVAL);
    CASE(b.len, 0);
    /* A builder never set up: a length past its capacity. */
    unset = b;
    unset.len = unset.capacity + 1;
    CASE(sc_cmsg_add_dontfrag(&unset, 1), -EINVAL);
    unset = b;
    unset.buf = NULL;
    CASE(sc_cmsg_add_dontfrag(&unset, 1), -EFAULT);
    /* Full: -ENOSPC, and what was there stays. */
    CASE(sc_cmsg_add(&b, SOL_SOCKET, 1, payload, sizeof payload), 0);
    CASE(b.len, CMSG_SPACE(sizeof payload));
    CASE(sc_cmsg_add_source(&b, &v4, 0), -ENOSPC);
    CASE(sc_cmsg_add(&b, SOL_SOCKET, 1, payload, sizeof payload), -ENOSPC);
    CASE(b.len, CMSG_SPACE(sizeof payload));

    memset(&msg, 0, sizeof msg);
    CASE(sc_cmsg_get_udp_gro(NULL, &segment), -EFAULT);
    CASE(sc_cmsg_get_udp_gro(&msg, NULL), -EFAULT);
    CASE(sc_cmsg_get_packet_info(NULL, &out_addr, &out_addr, &ifindex), -EFAULT);
    CASE(sc_cmsg_get_tos(NULL, &byte), -EFAULT);
    CASE(sc_cmsg_get_tos(&msg, NULL), -EFAULT);
    CASE(sc_cmsg_get_ttl(&msg, NULL), -EFAULT);
    CASE(sc_cmsg_get_timestamp(&msg, NULL), -EFAULT);
    CASE(sc_cmsg_get_timestamping(NULL, &ts, &ts), -EFAULT);
    CASE(sc_cmsg_get_extended_err(&msg, NULL), -EFAULT);
    CASE(sc_cmsg_get_origdstaddr(&msg, NULL), -EFAULT);
    CASE(sc_cmsg_get_drop_count(&msg, NULL), -EFAULT);
    /* A NULL control buffer with a length. */
    msg.msg_controllen = 16;
    CASE(sc_cmsg_get_tos(&msg, &byte), -EFAULT);
    /* Nothing there; nothing there but cut off. */
    msg.msg_controllen = 0;
    CASE(sc_cmsg_get_tos(&msg, &byte), -ENOENT);
    CASE(sc_cmsg_get_packet_info(&msg, NULL, NULL, NULL), -ENOENT);
    msg.msg_flags = MSG_CTRUNC;
    CASE(sc_cmsg_get_ttl(&msg, &byte), -ENOBUFS);
    CASE(sc_cmsg_get_timestamping(&msg, NULL, NULL), -ENOBUFS);
    /* A message cut short: nothing is read, outputs stay. */
    MUST(sc_cmsg_builder_init(&b, space.buf, sizeof space.buf));
    MUST(sc_cmsg_add(&b, SOL_SOCKET, 40 /* SO_RXQ_OVFL: a uint32_t */, payload, 2));
    msg.msg_control = b.buf;
    msg.msg_controllen = b.len;
    CASE(sc_cmsg_get_drop_count(&msg, &count), -EBADMSG);
    CASE(count, 7);
    CASE(sc_cmsg_get_udp_gro(&msg, &segment), -ENOBUFS);
    CASE(segment, 9);
    CASE(sc_cmsg_get_timestamp(&msg, &ts), -ENOBUFS);
    CASE(ts.sec, 1);
    memset(&err, 0x5a, sizeof err);
    CASE(sc_cmsg_get_extended_err(&msg, &err), -ENOBUFS);
    CASE(err.ee_errno, 0x5a5a5a5a);
    CASE(byte, 0x5a);

    /* Options' values. */
    CASE(sc_set_mtu_discover(udp, -1), -EINVAL);
    CASE(sc_set_mtu_discover(udp, 6), -EINVAL);
    CASE(sc_set_mtu_discover_v6(udp, 2), -ENOPROTOOPT);
    CASE(sc_set_timestamping(udp, 1u << 31), -EINVAL);
    CASE(sc_set_recverr(-1, 1), -EBADF);
    CASE(sc_get_recv_timestamps(-1), -EBADF);
    if (!known_gap("SOCKCORE_QEMU", "sc_get_mtu of a bad descriptor",
                   "qemu-user answers IP_MTU with ENOPROTOOPT before it looks at the descriptor"))
        CASE(sc_get_mtu(-1), -EBADF);
}

static void zero_copy(int fd, int udp)
{
    sc_zerocopy_range ranges[2];
    int pipefd[2];

    CASE(sc_zerocopy_completions(udp, NULL, 1), -EFAULT);
    CASE(sc_zerocopy_completions(udp, NULL, 0), 0);
    CASE(sc_zerocopy_completions(-1, NULL, 0), 0); /* no system call at all */
    CASE(sc_zerocopy_completions(-1, ranges, 2), -EBADF);
    CASE(sc_zerocopy_completions(udp, ranges, (size_t)INT_MAX + 1), -EINVAL);
    CASE(sc_zerocopy_completions(udp, NULL, SIZE_MAX), -EFAULT);
    CASE(sc_zerocopy_completions(udp, ranges, SIZE_MAX), -EINVAL);
    CASE(sc_zerocopy_completions(udp, ranges, 2), 0); /* nothing waiting */
    MUST(pipe(pipefd));
    CASE(sc_zerocopy_completions(pipefd[0], ranges, 2), -ENOTSOCK);
    if (!known_gap("SOCKCORE_QEMU", "SO_ZEROCOPY of a bad descriptor",
                   "qemu-user answers SO_ZEROCOPY with ENOPROTOOPT before it looks at the "
                   "descriptor")) {
        CASE(sc_set_zerocopy(pipefd[0], 1), -ENOTSOCK);
        CASE(sc_set_zerocopy(-1, 1), -EBADF);
        CASE(sc_get_zerocopy(-1), -EBADF);
    }
    close(pipefd[0]);
    close(pipefd[1]);
    /* The flag is one sends accept; without SO_ZEROCOPY it does nothing. */
    CASE(sc_send(fd, "z", 1, SC_MSG_ZEROCOPY), 1);
    CASE(sc_send(fd, "z", 1, SC_MSG_ZEROCOPY | 0x200), -EINVAL);
}

static void error_text(void)
{
    expect_text("sc_strerror(-ECONNREFUSED)", sc_strerror(-ECONNREFUSED), "Connection refused");
    expect_text("sc_strerror(ECONNREFUSED)", sc_strerror(ECONNREFUSED), "Connection refused");
    expect_text("sc_errname(-EPIPE)", sc_errname(-EPIPE), "EPIPE");
    expect_text("sc_errname(EWOULDBLOCK)", sc_errname(EWOULDBLOCK), "EAGAIN");
    expect_text("sc_errname(0)", sc_errname(0), "EUNKNOWN");
    expect_text("sc_errname(INT_MIN)", sc_errname(INT_MIN), "EUNKNOWN");
    expect_text("sc_errname(4096)", sc_errname(4096), "EUNKNOWN");
    expect_text("sc_strerror(INT_MAX)", sc_strerror(INT_MAX), "Unknown error");
    expect_text("sc_strerror(-100000)", sc_strerror(-100000), "Unknown error");
    expect_text("sc_strerror(0)", sc_strerror(0), "Success");
}

/* Whether SC_STRERROR_LEN bytes hold the message of every code, and the
 * text agrees with sc_strerror's. */
static int fits_every_code(char buf[SC_STRERROR_LEN])
{
    int code, len;

    for (code = -4200; code <= 4200; code++) {
        len = sc_strerror_r(code, buf, SC_STRERROR_LEN);
        if (len < 0 || strncmp(buf, sc_strerror(code), strlen(sc_strerror(code))) != 0)
            return 0;
    }
    return sc_strerror_r(INT_MIN, buf, SC_STRERROR_LEN) > 0 &&
           sc_strerror_r(INT_MAX, buf, SC_STRERROR_LEN) > 0;
}

/* sc_strerror_r: the message in the caller's buffer, with the number of a
 * code Linux does not define; never a message cut short. */
static void error_text_in_a_buffer(void)
{
    char buf[SC_STRERROR_LEN];

    CASE(sc_strerror_r(-ECONNREFUSED, buf, sizeof buf), 18);
    expect_text("sc_strerror_r(-ECONNREFUSED, ...)", buf, "Connection refused");
    CASE(sc_strerror_r(4242, buf, sizeof buf), 18);
    expect_text("sc_strerror_r(4242, ...)", buf, "Unknown error 4242");
    CASE(sc_strerror_r(-4242, buf, sizeof buf), 18);
    expect_text("sc_strerror_r(-4242, ...)", buf, "Unknown error 4242");
    CASE(sc_strerror_r(INT_MIN, buf, sizeof buf), 24);
    expect_text("sc_strerror_r(INT_MIN, ...)", buf, "Unknown error 2147483648");
    CASE(sc_strerror_r(0, buf, sizeof buf), 7);
    expect_text("sc_strerror_r(0, ...)", buf, "Success");
    CASE(sc_strerror_r(EILSEQ, buf, sizeof buf), 49);
    CHECK(fits_every_code(buf));
    /* Exactly enough room, and one byte less: then "" rather than a part. */
    CASE(sc_strerror_r(EPIPE, buf, 12), 11);
    expect_text("sc_strerror_r(EPIPE, buf, 12)", buf, "Broken pipe");
    CASE(sc_strerror_r(EPIPE, buf, 11), -ENOSPC);
    expect_text("sc_strerror_r(EPIPE, buf, 11)", buf, "");
    CASE(sc_strerror_r(4242, buf, 18), -ENOSPC);
    CASE(buf[0], '\0');
    CASE(sc_strerror_r(EPIPE, buf, 0), -ENOSPC);
    CASE(sc_strerror_r(EPIPE, NULL, 16), -EFAULT);
    CASE(sc_strerror_r(EPIPE, buf, (size_t)SSIZE_MAX + 1), -EINVAL);
}

int main(void)
{
    int pair[2], udp, listener;

    setvbuf(stdout, NULL, _IOLBF, 0);
    MUST(sc_socketpair(AF_UNIX, SOCK_STREAM, 0, pair));
    udp = MUST(sc_socket(AF_INET, SOCK_DGRAM, 0));
    listener = MUST(sc_listen_on("127.0.0.1:0", 4));

    null_pointers(pair[0], udp);
    bad_descriptors();
    negative_descriptors(pair[0]);
    bad_lengths(pair[0], udp);
    corrupt_addr(udp);
    unknown_flags(pair[0], udp, listener);
    malformed_addresses();
    small_format_buffers();
    wrong_state(udp, listener);
    wrong_family(udp);
    vector_limits(pair[0], pair[1], udp);
    negative_and_huge(pair[0], udp, listener);
    newer_calls(pair[0], udp, listener);
    server_calls(pair[0], udp);
    udp_offload_calls(pair[0], listener);
    typed_control(udp);
    zero_copy(pair[0], udp);
    error_text();
    error_text_in_a_buffer();

    sc_close(listener);
    sc_close(udp);
    sc_close(pair[0]);
    sc_close(pair[1]);
    return summary();
}
