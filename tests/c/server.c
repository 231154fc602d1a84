/*
 * server.c: the server calls through the C ABI, each case an exact return
 * (case_harness.h): epoll (the data round trip, the three modes, EXCLUSIVE,
 * time-outs, -EINTR even under SA_RESTART), sc_get_tcp_info on a live
 * connection and its size rules, TCP Fast Open in a network namespace this
 * program creates (net.ipv4.tcp_fastopen=3 there), and sc_send_file /
 * sc_send_file_all with a file larger than the socket buffers and a moving
 * offset. SIGPIPE stays at its default action throughout, as in any C
 * program: a send_file that raised it would kill the table. Descriptors are
 * counted at the start and the end.
 *
 * Run as root (the namespace). Under qemu-user (SOCKCORE_QEMU=1) the
 * TCP_INFO values are skipped: qemu answers TCP_INFO with 4 bytes.
 */
#define _GNU_SOURCE

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <net/if.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/wait.h>

#include "case_harness.h"

#define LONG_MS 5000
/* More than a loopback connection's buffers hold, not a multiple of a page. */
#define LARGE (8 * 1024 * 1024 + 12345)
#define MIB (1024 * 1024)

static unsigned char pattern_byte(uint64_t i)
{
    return (unsigned char)((i * 131 + 7) & 255);
}

/* A connected TCP pair over 127.0.0.1: *client dialled, *server accepted. */
static void tcp_pair(int *client, int *server)
{
    sc_addr addr;
    int listener = (int)MUST(sc_listen_on("127.0.0.1:0", 4));

    MUST(sc_local_addr(listener, &addr));
    *client = (int)MUST(sc_socket(AF_INET, SOCK_STREAM, 0));
    MUST(sc_connect(*client, &addr));
    *server = (int)MUST(sc_accept(listener, NULL, 0));
    MUST(sc_close(listener));
}

/* --- epoll --- */

static void epoll_round_trip(void)
{
    struct epoll_event events[4];
    int epfd, fds[2], marker = 0;
    char byte;

    printf("epoll: add, modify, delete, wait\n");
    epfd = (int)MUST(sc_epoll_create());
    CHECK(fcntl(epfd, F_GETFD) & FD_CLOEXEC);
    MUST(sc_socketpair(AF_UNIX, SOCK_STREAM, SC_NONBLOCK, fds));
    CASE(sc_epoll_add(epfd, fds[1], SC_EPOLLIN, 7), 0);
    CASE(sc_epoll_wait(epfd, events, 4, 0), 0);
    CASE(sc_write(fds[0], "x", 1), 1);
    CASE(sc_epoll_wait(epfd, events, 4, LONG_MS), 1);
    CASE(events[0].events, SC_EPOLLIN);
    CASE(events[0].data.u64 == 7, 1);

    /* All 64 bits of the data survive the target's struct epoll_event. */
    CASE(sc_epoll_modify(epfd, fds[1], SC_EPOLLOUT, UINT64_MAX), 0);
    CASE(sc_epoll_wait(epfd, events, 4, LONG_MS), 1);
    CASE(events[0].events, SC_EPOLLOUT);
    CASE(events[0].data.u64 == UINT64_MAX, 1);
    /* And a pointer. */
    CASE(sc_epoll_modify(epfd, fds[1], SC_EPOLLIN, (uint64_t)(uintptr_t)&marker), 0);
    CASE(sc_epoll_wait(epfd, events, 4, LONG_MS), 1);
    CASE((int *)(uintptr_t)events[0].data.u64 == &marker, 1);

    CASE(sc_epoll_delete(epfd, fds[1]), 0);
    CASE(sc_epoll_wait(epfd, events, 4, 0), 0);
    CASE(sc_epoll_delete(epfd, fds[1]), -ENOENT);
    CASE(sc_read(fds[1], &byte, 1), 1);
    sc_close(fds[0]);
    sc_close(fds[1]);
    sc_close(epfd);
}

static void epoll_modes(void)
{
    struct epoll_event events[4];
    int epfd, fds[2];

    printf("epoll: level-triggered, edge-triggered, one-shot, exclusive\n");
    epfd = (int)MUST(sc_epoll_create());
    MUST(sc_socketpair(AF_UNIX, SOCK_STREAM, SC_NONBLOCK, fds));

    CASE(sc_epoll_add(epfd, fds[1], SC_EPOLLIN, 1), 0);
    CASE(sc_write(fds[0], "1", 1), 1);
    CASE(sc_epoll_wait(epfd, events, 4, 0), 1);
    CASE(sc_epoll_wait(epfd, events, 4, 0), 1); /* unread: again */

    CASE(sc_epoll_modify(epfd, fds[1], SC_EPOLLIN | SC_EPOLLET, 2), 0);
    CASE(sc_epoll_wait(epfd, events, 4, 0), 1); /* modify re-evaluates */
    CASE(sc_epoll_wait(epfd, events, 4, 0), 0); /* one report per edge */
    CASE(sc_write(fds[0], "2", 1), 1);
    CASE(sc_epoll_wait(epfd, events, 4, 0), 1);

    CASE(sc_epoll_modify(epfd, fds[1], SC_EPOLLIN | SC_EPOLLONESHOT, 3), 0);
    CASE(sc_epoll_wait(epfd, events, 4, 0), 1);
    CASE(sc_write(fds[0], "3", 1), 1);
    CASE(sc_epoll_wait(epfd, events, 4, 0), 0); /* disarmed */
    CASE(sc_epoll_modify(epfd, fds[1], SC_EPOLLIN | SC_EPOLLONESHOT, 4), 0);
    CASE(sc_epoll_wait(epfd, events, 4, 0), 1);
    CASE(events[0].data.u64 == 4, 1);
    CASE(sc_epoll_delete(epfd, fds[1]), 0);

    CASE(sc_epoll_add(epfd, fds[1], SC_EPOLLIN | SC_EPOLLEXCLUSIVE, 5), 0);
    CASE(sc_epoll_modify(epfd, fds[1], SC_EPOLLIN, 5), -EINVAL);
    CASE(sc_epoll_wait(epfd, events, 4, 0), 1);
    CASE(sc_epoll_delete(epfd, fds[1]), 0);

    /* A hang-up is reported though nothing was asked. */
    CASE(sc_epoll_add(epfd, fds[1], 0, 6), 0);
    sc_close(fds[0]);
    CASE(sc_epoll_wait(epfd, events, 4, LONG_MS), 1);
    CASE((events[0].events & SC_EPOLLHUP) != 0, 1);
    sc_close(fds[1]);
    sc_close(epfd);
}

static void on_alarm(int signal)
{
    (void)signal;
}

static void epoll_wait_limits(void)
{
    struct epoll_event events[2];
    struct sigaction action;
    struct itimerval in_50ms;
    int epfd;

    printf("epoll: the most events, time-outs, EINTR\n");
    CASE(SC_EPOLL_MAX_EVENTS, sizeof(struct epoll_event) == 12 ? 178956970 : 134217727);
    CASE(SC_EPOLL_MAX_EVENTS, (int)(INT_MAX / sizeof(struct epoll_event)));
    epfd = (int)MUST(sc_epoll_create());
    CASE(sc_epoll_wait(epfd, events, 2, 20), 0);

    /* A signal ends the wait, even with SA_RESTART (signal(7)). */
    memset(&action, 0, sizeof action);
    action.sa_handler = on_alarm;
    action.sa_flags = SA_RESTART;
    sigemptyset(&action.sa_mask);
    MUST(sigaction(SIGALRM, &action, NULL));
    memset(&in_50ms, 0, sizeof in_50ms);
    in_50ms.it_value.tv_usec = 50000;
    MUST(setitimer(ITIMER_REAL, &in_50ms, NULL));
    CASE(sc_epoll_wait(epfd, events, 2, -1), -EINTR);
    sc_close(epfd);
}

/* --- TCP_INFO --- */

static void tcp_info_live(void)
{
    static unsigned char data[MIB];
    unsigned char bigger[sizeof(sc_tcp_info) + 8];
    sc_tcp_info info, before;
    int client, server;
    char reply;

    printf("sc_get_tcp_info on a live connection\n");
    tcp_pair(&client, &server);
    memset(data, 7, sizeof data);
    /* 1 MiB over the loopback buffers: a non-blocking client, the server
     * reading as it goes. */
    MUST(sc_set_nonblocking(client, 1));
    {
        size_t sent = 0, received = 0;
        static unsigned char sink[64 * 1024];
        while (received < sizeof data) {
            ssize_t n;
            if (sent < sizeof data) {
                n = sc_write(client, data + sent, sizeof data - sent);
                if (n > 0)
                    sent += (size_t)n;
                else if (n != -EAGAIN)
                    MUST(n);
            }
            n = sc_recv(server, sink, sizeof sink, SC_MSG_DONTWAIT);
            if (n > 0)
                received += (size_t)n;
            else if (n != -EAGAIN)
                MUST(n == 0 ? -EPIPE : n);
            else if (sent == sizeof data)
                MUST(sc_wait_ready(server, POLLIN, LONG_MS));
        }
    }
    MUST(sc_set_nonblocking(client, 0));
    CASE(sc_write(server, "!", 1), 1);
    CASE(sc_read_exact(client, &reply, 1), 1);

    CASE(sc_get_tcp_info(client, &info, sizeof info), 0);
    if (!known_gap("SOCKCORE_QEMU", "TCP_INFO values", "qemu-user answers TCP_INFO with 4 bytes")) {
        printf("      (the kernel filled %u bytes; valid %#x)\n", info.kernel_len, info.valid);
        CHECK(info.kernel_len >= 104);
        CASE(info.state, 1); /* TCP_ESTABLISHED */
        CASE(info.options & (SC_TCPI_OPT_TIMESTAMPS | SC_TCPI_OPT_SACK | SC_TCPI_OPT_WSCALE),
             SC_TCPI_OPT_TIMESTAMPS | SC_TCPI_OPT_SACK | SC_TCPI_OPT_WSCALE);
        CHECK(info.rtt_us > 0 && info.rtt_us < 1000000);
        CHECK(info.snd_cwnd >= 1);
        CASE(info.unacked, 0); /* the reply acknowledged everything */
        /* Every field this header knows, on a kernel of 5.4 or later. */
        if (info.kernel_len >= 232)
            CASE(info.valid, 0xff);
        CASE(info.valid & SC_TCPI_HAVE_BYTES_ACKED, SC_TCPI_HAVE_BYTES_ACKED);
        CASE(info.bytes_acked == (uint64_t)MIB + 1, 1); /* the SYN counts */
        CASE(info.bytes_received == 1, 1);
        CHECK(info.delivery_rate > 0);
        CASE(sc_get_tcp_info(server, &info, sizeof info), 0);
        CASE(info.bytes_received == (uint64_t)MIB, 1);

        /* A caller's struct from a newer header: the library fills what it
         * knows and zeroes the rest. */
        memset(bigger, 0xaa, sizeof bigger);
        CASE(sc_get_tcp_info(client, (sc_tcp_info *)(void *)bigger, sizeof bigger), 0);
        CASE(bigger[sizeof(sc_tcp_info)] | bigger[sizeof bigger - 1], 0);
        CASE(bigger[8], 1); /* state */
    }
    CASE(sc_get_tcp_info(client, &info, SC_TCP_INFO_MIN_SIZE), 0);
    CASE(info.state, 1);

    /* Refused: *info unchanged. */
    memset(&before, 0x5a, sizeof before);
    info = before;
    CASE(sc_get_tcp_info(client, &info, SC_TCP_INFO_MIN_SIZE - 1), -EINVAL);
    CASE(memcmp(&info, &before, sizeof info), 0);
    CASE(sc_get_tcp_info(client, NULL, sizeof info), -EFAULT);

    /* A listener and an unconnected socket answer. */
    {
        int listener = (int)MUST(sc_listen_on("[::1]:0", 1));
        int fresh = (int)MUST(sc_socket(AF_INET, SOCK_STREAM, 0));
        CASE(sc_get_tcp_info(listener, &info, sizeof info), 0);
        CASE(info.state, 10); /* TCP_LISTEN */
        CASE(sc_get_tcp_info(fresh, &info, sizeof info), 0);
        CASE(info.state, 7); /* TCP_CLOSE */
        sc_close(listener);
        sc_close(fresh);
    }
    sc_close(client);
    sc_close(server);
}

/* --- TCP Fast Open --- */

/* ip link set lo up. */
static int loopback_up(void)
{
    struct ifreq request;
    int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    int ret;

    if (fd < 0)
        return -errno;
    memset(&request, 0, sizeof request);
    strcpy(request.ifr_name, "lo");
    ret = ioctl(fd, SIOCGIFFLAGS, &request);
    request.ifr_flags |= IFF_UP;
    if (ret == 0)
        ret = ioctl(fd, SIOCSIFFLAGS, &request);
    ret = ret < 0 ? -errno : 0;
    close(fd);
    return ret;
}

static int write_sysctl(const char *path, const char *value)
{
    int fd = open(path, O_WRONLY | O_CLOEXEC);
    ssize_t n;

    if (fd < 0)
        return -errno;
    n = write(fd, value, strlen(value));
    close(fd);
    return n == (ssize_t)strlen(value) ? 0 : -EIO;
}

/* A TcpExt counter of this program's network namespace. */
static long tcp_ext(const char *name)
{
    static char names[8192], values[8192];
    FILE *file = fopen("/proc/self/net/netstat", "r");
    long found = -1;

    if (file == NULL)
        return -1;
    while (fgets(names, sizeof names, file) && fgets(values, sizeof values, file)) {
        char *n_save, *v_save, *n, *v;
        if (strncmp(names, "TcpExt:", 7) != 0)
            continue;
        n = strtok_r(names, " \n", &n_save);
        v = strtok_r(values, " \n", &v_save);
        while (n != NULL && v != NULL) {
            if (strcmp(n, name) == 0)
                found = strtol(v, NULL, 10);
            n = strtok_r(NULL, " \n", &n_save);
            v = strtok_r(NULL, " \n", &v_save);
        }
    }
    fclose(file);
    return found;
}

/* One connection sending "hello": with sc_set_fastopen_connect, or with
 * sc_sendto and SC_MSG_FASTOPEN. Echoed back; returns 0 when it all
 * arrived, and the TCPI options of both ends in *client_options and
 * *server_options. */
static int fast_hello(int listener, const sc_addr *addr, int use_sendto,
                      unsigned char *client_options, unsigned char *server_options)
{
    sc_tcp_info info;
    char buf[5];
    int client = (int)MUST(sc_socket(AF_INET, SOCK_STREAM, 0)), server, ok;

    if (use_sendto) {
        CASE(sc_sendto(client, "hello", 5, SC_MSG_FASTOPEN, addr), 5);
    } else {
        CASE(sc_set_fastopen_connect(client, 1), 0);
        CASE(sc_get_fastopen_connect(client), 1);
        CASE(sc_connect(client, addr), 0);
        CASE(sc_write_all(client, "hello", 5), 5);
    }
    server = (int)MUST(sc_accept(listener, NULL, 0));
    ok = sc_read_exact(server, buf, 5) == 5 && memcmp(buf, "hello", 5) == 0 &&
         sc_write_all(server, buf, 5) == 5 && sc_read_exact(client, buf, 5) == 5;
    MUST(sc_get_tcp_info(client, &info, sizeof info));
    *client_options = info.options;
    MUST(sc_get_tcp_info(server, &info, sizeof info));
    *server_options = info.options;
    sc_close(client);
    sc_close(server);
    return ok ? 0 : -EIO;
}

static void fast_open(void)
{
    unsigned char client_options, server_options;
    sc_addr addr;
    int listener, client, unix_fds[2];
    int qemu = getenv("SOCKCORE_QEMU") != NULL && strcmp(getenv("SOCKCORE_QEMU"), "1") == 0;

    printf("TCP Fast Open, net.ipv4.tcp_fastopen=3 in this program's namespace\n");
    CASE(write_sysctl("/proc/sys/net/ipv4/tcp_fastopen", "3"), 0);
    listener = (int)MUST(sc_socket(AF_INET, SOCK_STREAM, 0));
    CASE(sc_set_fastopen(listener, 16), 0);
    CASE(sc_get_fastopen(listener), 16);
    MUST(sc_addr_parse(&addr, "127.0.0.1:0"));
    MUST(sc_bind(listener, &addr));
    MUST(sc_listen(listener, 16));
    MUST(sc_local_addr(listener, &addr));
    CASE(tcp_ext("TCPFastOpenActive") + tcp_ext("TCPFastOpenPassive"), 0);

    /* No cookie yet: an ordinary handshake fetches one. */
    CASE(fast_hello(listener, &addr, 0, &client_options, &server_options), 0);
    CASE(tcp_ext("TCPFastOpenCookieReqd"), 1);
    CASE(tcp_ext("TCPFastOpenActive"), 0);
    if (!qemu)
        CASE(client_options & SC_TCPI_OPT_SYN_DATA, 0);
    /* With it, the data travels in the SYN, both ways of asking. */
    CASE(fast_hello(listener, &addr, 0, &client_options, &server_options), 0);
    CASE(tcp_ext("TCPFastOpenActive"), 1);
    CASE(tcp_ext("TCPFastOpenPassive"), 1);
    if (!qemu) {
        CASE(client_options & SC_TCPI_OPT_SYN_DATA, SC_TCPI_OPT_SYN_DATA);
        CASE(server_options & SC_TCPI_OPT_SYN_DATA, SC_TCPI_OPT_SYN_DATA);
    }
    CASE(fast_hello(listener, &addr, 1, &client_options, &server_options), 0);
    CASE(tcp_ext("TCPFastOpenActive"), 2);
    CASE(tcp_ext("TCPFastOpenPassive"), 2);
    if (!qemu)
        CASE(client_options & SC_TCPI_OPT_SYN_DATA, SC_TCPI_OPT_SYN_DATA);

    /* Refused. */
    client = (int)MUST(sc_socket(AF_INET, SOCK_STREAM, 0));
    MUST(sc_connect(client, &addr));
    CASE(sc_set_fastopen_connect(client, 1), -EINVAL);
    CASE(sc_sendto(client, "x", 1, SC_MSG_FASTOPEN, &addr), -EISCONN);
    sc_close(client);
    sc_close((int)MUST(sc_accept(listener, NULL, 0)));
    CASE(sc_set_fastopen(listener, -1), -EINVAL);
    MUST(sc_socketpair(AF_UNIX, SOCK_STREAM, 0, unix_fds));
    CASE(sc_set_fastopen_connect(unix_fds[0], 1), -EOPNOTSUPP);
    sc_close(unix_fds[0]);
    sc_close(unix_fds[1]);
    sc_close(listener);
}

/* --- sendfile --- */

/* A file of LARGE pattern bytes, already unlinked. */
static int pattern_file(void)
{
    static unsigned char chunk[64 * 1024];
    char path[] = "/tmp/sockcore-server-XXXXXX";
    uint64_t done = 0;
    int fd = mkstemp(path);

    if (fd < 0) {
        printf("setup: mkstemp failed\n");
        exit(2);
    }
    unlink(path);
    while (done < LARGE) {
        size_t i, n = LARGE - done < sizeof chunk ? (size_t)(LARGE - done) : sizeof chunk;
        for (i = 0; i < n; i++)
            chunk[i] = pattern_byte(done + i);
        if (write(fd, chunk, n) != (ssize_t)n) {
            printf("setup: writing the file failed\n");
            exit(2);
        }
        done += n;
    }
    /* Back to the start, where sendfile must leave it. */
    if (lseek(fd, 0, SEEK_SET) != 0) {
        printf("setup: lseek failed\n");
        exit(2);
    }
    return fd;
}

/* Reads what is waiting on a non-blocking socket and checks it against the
 * pattern from *at on; returns -1 on a wrong byte. */
static int drain_and_check(int fd, uint64_t *at)
{
    static unsigned char buf[64 * 1024];
    ssize_t n, i;

    while ((n = sc_recv(fd, buf, sizeof buf, SC_MSG_DONTWAIT)) > 0) {
        for (i = 0; i < n; i++)
            if (buf[i] != pattern_byte(*at + (uint64_t)i))
                return -1;
        *at += (uint64_t)n;
    }
    return 0;
}

static void send_file_moving_offset(int file)
{
    uint64_t offset = 4097, checked = 4097, turns = 0;
    int client, server, eagain = 0, wrong = 0;
    ssize_t n;

    printf("sc_send_file and sc_send_file_all, non-blocking, the offset moving\n");
    tcp_pair(&client, &server);
    MUST(sc_set_nonblocking(client, 1));
    n = sc_send_file(client, file, &offset, LARGE);
    CHECK(n > 0 && n < LARGE - 4097);
    CASE(offset == 4097 + (uint64_t)n, 1);
    CASE(sc_send_file(client, file, &offset, LARGE), -EAGAIN);
    CASE(offset == 4097 + (uint64_t)n, 1);
    /* Alternate the two calls until the end; each turn moves bytes or
     * waits for room, so it ends. */
    while (offset < LARGE && turns++ < 100000) {
        n = turns % 2 ? sc_send_file(client, file, &offset, LARGE - offset)
                      : sc_send_file_all(client, file, &offset, LARGE - offset);
        if (n == -EAGAIN)
            eagain++;
        else if (n <= 0)
            MUST(n == 0 ? -EIO : n);
        wrong |= drain_and_check(server, &checked);
        if (n == -EAGAIN)
            MUST(sc_wait_ready(client, POLLOUT, LONG_MS));
    }
    CASE(offset == LARGE, 1);
    MUST(sc_shutdown(client, SHUT_WR));
    while (checked < LARGE && !wrong) {
        MUST(sc_wait_ready(server, POLLIN, LONG_MS));
        wrong |= drain_and_check(server, &checked);
    }
    CASE(wrong, 0);
    CASE(checked == LARGE, 1);
    CHECK(eagain > 0);
    /* At the end: nothing more. */
    CASE(sc_send_file(client, file, &offset, 100), 0);
    CASE(lseek(file, 0, SEEK_CUR), 0); /* the file's own position */
    sc_close(client);
    sc_close(server);
}

static void send_file_all_blocking(int file)
{
    uint64_t offset = 0;
    int client, server, status;
    pid_t reader;

    printf("sc_send_file_all, blocking, to a reader that checks every byte\n");
    tcp_pair(&client, &server);
    reader = fork();
    if (reader < 0) {
        printf("setup: fork failed\n");
        exit(2);
    }
    if (reader == 0) {
        uint64_t checked = 0;
        int ok = 1;
        sc_close(client);
        close(file);
        MUST(sc_set_nonblocking(server, 1));
        while (ok && checked < LARGE)
            ok = sc_wait_ready(server, POLLIN, LONG_MS) >= 0 &&
                 drain_and_check(server, &checked) == 0;
        sc_close(server);
        _exit(ok ? 0 : 1);
    }
    sc_close(server);
    CASE(sc_send_file_all(client, file, &offset, LARGE + 1000), LARGE);
    CASE(offset == LARGE, 1);
    CASE(waitpid(reader, &status, 0), reader);
    CASE(WIFEXITED(status) && WEXITSTATUS(status) == 0, 1);
    sc_close(client);
}

static void send_file_to_a_closed_peer(int file)
{
    sigset_t mask_before, mask_after, pending;
    uint64_t offset = 0;
    int fds[2];

    printf("sc_send_file to a closed peer, SIGPIPE at its default action\n");
    MUST(sc_socketpair(AF_UNIX, SOCK_STREAM, 0, fds));
    sc_close(fds[1]);
    sigprocmask(SIG_BLOCK, NULL, &mask_before);
    CASE(sc_send_file(fds[0], file, &offset, 10), -EPIPE);
    CASE(sc_send_file_all(fds[0], file, &offset, 10), -EPIPE);
    CASE(offset == 0, 1);
    sigprocmask(SIG_BLOCK, NULL, &mask_after);
    CASE(sigismember(&mask_after, SIGPIPE), sigismember(&mask_before, SIGPIPE));
    sigpending(&pending);
    CASE(sigismember(&pending, SIGPIPE), 0);
    sc_close(fds[0]);
}

int main(void)
{
    int fds_at_start, file;

    setvbuf(stdout, NULL, _IOLBF, 0);
    /* A network namespace of this program's own, for Fast Open's sysctl:
     * single-threaded, before anything else. */
    if (unshare(CLONE_NEWNET) < 0) {
        printf("setup: unshare(CLONE_NEWNET) failed: %s (run as root)\n", strerror(errno));
        return 2;
    }
    MUST(loopback_up());
    fds_at_start = open_fds();

    epoll_round_trip();
    epoll_modes();
    epoll_wait_limits();
    tcp_info_live();
    fast_open();
    file = pattern_file();
    send_file_moving_offset(file);
    send_file_all_blocking(file);
    send_file_to_a_closed_peer(file);
    close(file);

    CASE(open_fds(), fds_at_start);
    return summary();
}
