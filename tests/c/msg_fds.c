/*
 * msg_fds.c: descriptor passing and control messages through the C ABI,
 * edge cases first: zero descriptors, the kernel's maximum (253) in one
 * message and one more, control buffers too small (MSG_CTRUNC with no
 * descriptor leaked, counted in /proc/self/fd), credentials, MSG_TRUNC,
 * and bad input to sc_sendmsg, sc_recvmsg, sc_send_fds and sc_recv_fds.
 */
#define _GNU_SOURCE /* SCM_CREDENTIALS */

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/uio.h>

#include "case_harness.h"

/* Unknown to sockcore: MSG_PROXY, which no call here accepts. */
#define UNKNOWN_FLAG 0x200

/* Control space for the largest SCM_RIGHTS message, aligned for CMSG_*. */
union control {
    char buf[SC_CMSG_SPACE_MAX_FDS + SC_CMSG_SPACE_CREDS];
    struct cmsghdr align;
};

/* A connected Unix socket pair of type, into *a and *b. */
static void pair(int type, int *a, int *b)
{
    int fds[2];

    MUST(sc_socketpair(AF_UNIX, type, 0, fds));
    *a = fds[0];
    *b = fds[1];
}

/* A msghdr over one data buffer and a control buffer of len bytes. */
static struct msghdr header(struct iovec *iov, const char *data, size_t data_len, void *control,
                            size_t len)
{
    struct msghdr msg;

    memset(&msg, 0, sizeof msg);
    /* Sends only read it; receives pass writable buffers. */
    iov->iov_base = (void *)data;
    iov->iov_len = data_len;
    msg.msg_iov = iov;
    msg.msg_iovlen = 1;
    msg.msg_control = len > 0 ? control : NULL;
    msg.msg_controllen = len;
    return msg;
}

/* Builds one SCM_RIGHTS message with count copies of fd in control. */
static size_t rights(union control *control, int fd, size_t count)
{
    struct cmsghdr *cmsg = (struct cmsghdr *)control->buf;
    unsigned char *data = CMSG_DATA(cmsg);
    size_t i;

    memset(control, 0, sizeof *control);
    cmsg->cmsg_level = SOL_SOCKET;
    cmsg->cmsg_type = SCM_RIGHTS;
    cmsg->cmsg_len = CMSG_LEN(count * sizeof(int));
    for (i = 0; i < count; i++)
        memcpy(data + i * sizeof(int), &fd, sizeof fd);
    return CMSG_SPACE(count * sizeof(int));
}

/* Whether fd is open, close-on-exec, and the same file as original. */
static int same_file_cloexec(int fd, int original)
{
    struct stat a, b;

    if (fstat(fd, &a) < 0 || fstat(original, &b) < 0)
        return 0;
    return a.st_ino == b.st_ino && a.st_dev == b.st_dev && (fcntl(fd, F_GETFD) & FD_CLOEXEC);
}

static void zero_descriptors(void)
{
    int a, b, fds[4] = {-1, -1, -1, -1};
    int flags = -1;
    size_t nfds = 4;
    char buf[8];
    union control control;
    struct iovec iov;
    struct msghdr msg;

    pair(SOCK_STREAM, &a, &b);

    CASE(sc_send_fds(a, "z", 1, NULL, 0), 1);
    CASE(sc_recv_fds(b, buf, sizeof buf, 0, fds, &nfds, &flags), 1);
    CASE(nfds, 0);
    CASE(flags, 0);
    CASE(fds[0], -1);

    msg = header(&iov, "y", 1, NULL, 0);
    CASE(sc_sendmsg(a, &msg, 0), 1);
    msg = header(&iov, buf, sizeof buf, control.buf, sizeof control.buf);
    CASE(sc_recvmsg(b, &msg, 0), 1);
    CASE(msg.msg_controllen, 0);
    CASE(msg.msg_flags, 0);
    sc_close(a);
    sc_close(b);
}

static void one_descriptor_arrives_close_on_exec(void)
{
    int a, b, fd = -1, flags = -1;
    size_t nfds = 1;
    char buf[8];

    pair(SOCK_STREAM, &a, &b);

    CASE(sc_send_fds(a, "1", 1, &a, 1), 1);
    CASE(sc_recv_fds(b, buf, sizeof buf, 0, &fd, &nfds, &flags), 1);
    CASE(nfds, 1);
    CASE(flags, 0);
    CHECK(fd != a && same_file_cloexec(fd, a));
    sc_close(fd);
    sc_close(a);
    sc_close(b);
}

/* sc_recv_fds's flags: SC_MSG_DONTWAIT, and SC_MSG_PEEK, with which each
 * peek gets its own copy of the descriptors; nothing else. */
static void receive_flags(void)
{
    int a, b, fd = -1, peeked = -1, flags = -1;
    size_t nfds = 1;
    char buf[8];

    pair(SOCK_STREAM, &a, &b);

    CASE(sc_recv_fds(b, buf, sizeof buf, SC_MSG_DONTWAIT, &fd, &nfds, &flags), -EAGAIN);
    CASE(nfds, 1);
    CASE(fd, -1);
    CASE(sc_recv_fds(b, buf, sizeof buf, SC_MSG_WAITALL, &fd, &nfds, &flags), -EINVAL);
    CASE(sc_recv_fds(b, buf, sizeof buf, SC_MSG_CMSG_CLOEXEC, &fd, &nfds, &flags), -EINVAL);
    CASE(sc_recv_fds(b, buf, sizeof buf, UNKNOWN_FLAG, &fd, &nfds, &flags), -EINVAL);

    CASE(sc_send_fds(a, "p", 1, &a, 1), 1);
    CASE(sc_recv_fds(b, buf, sizeof buf, SC_MSG_PEEK | SC_MSG_DONTWAIT, &peeked, &nfds, &flags),
         1);
    CASE(nfds, 1);
    CHECK(peeked != a && same_file_cloexec(peeked, a));
    /* The message is still queued, descriptor included. */
    CASE(sc_recv_fds(b, buf, sizeof buf, 0, &fd, &nfds, &flags), 1);
    CASE(nfds, 1);
    CHECK(fd != peeked && same_file_cloexec(fd, a));
    CASE(sc_recv_fds(b, buf, sizeof buf, SC_MSG_DONTWAIT, &fd, &nfds, &flags), -EAGAIN);
    sc_close(peeked);
    sc_close(fd);
    sc_close(a);
    sc_close(b);
}

static void the_most_descriptors_in_one_message(void)
{
    int a, b, flags = -1;
    int send[SC_SCM_MAX_FD + 1], got[SC_SCM_MAX_FD];
    int before, all_good = 1, count, fd;
    size_t i, nfds = SC_SCM_MAX_FD;
    char buf[8];
    union control control;
    struct iovec iov;
    struct msghdr msg;
    struct cmsghdr *cmsg;

    pair(SOCK_STREAM, &a, &b);
    before = open_fds();

    for (i = 0; i < SC_SCM_MAX_FD + 1; i++)
        send[i] = a;

    /* sc_send_fds and sc_recv_fds: 253 arrive, each its own descriptor. */
    CASE(sc_send_fds(a, "m", 1, send, SC_SCM_MAX_FD), 1);
    CASE(sc_recv_fds(b, buf, sizeof buf, 0, got, &nfds, &flags), 1);
    CASE(nfds, SC_SCM_MAX_FD);
    CASE(flags, 0);
    CASE(open_fds(), before + SC_SCM_MAX_FD);
    for (i = 0; i < nfds; i++) {
        all_good &= same_file_cloexec(got[i], a) && (i == 0 || got[i] != got[i - 1]);
        sc_close(got[i]);
    }
    CHECK(all_good);
    CASE(open_fds(), before);

    /* One more is refused before anything is sent. */
    CASE(sc_send_fds(a, "n", 1, send, SC_SCM_MAX_FD + 1), -EINVAL);
    msg = header(&iov, "n", 1, control.buf, rights(&control, a, SC_SCM_MAX_FD + 1));
    CASE(sc_sendmsg(a, &msg, 0), -EINVAL);
    CASE(sc_recv(b, buf, sizeof buf, SC_MSG_DONTWAIT), -EAGAIN);

    /* sc_sendmsg and sc_recvmsg with SC_CMSG_SPACE_MAX_FDS of control. */
    msg = header(&iov, "s", 1, control.buf, rights(&control, a, SC_SCM_MAX_FD));
    CASE(sc_sendmsg(a, &msg, 0), 1);
    msg = header(&iov, buf, sizeof buf, control.buf, SC_CMSG_SPACE_MAX_FDS);
    CASE(sc_recvmsg(b, &msg, 0), 1);
    CASE(msg.msg_flags, 0);
    cmsg = CMSG_FIRSTHDR(&msg);
    CHECK(cmsg != NULL && cmsg->cmsg_level == SOL_SOCKET && cmsg->cmsg_type == SCM_RIGHTS);
    count = cmsg == NULL ? 0 : (int)((cmsg->cmsg_len - CMSG_LEN(0)) / sizeof(int));
    CASE(count, SC_SCM_MAX_FD);
    CASE(open_fds(), before + SC_SCM_MAX_FD);
    for (i = 0; i < (size_t)count; i++) {
        memcpy(&fd, CMSG_DATA(cmsg) + i * sizeof(int), sizeof fd);
        sc_close(fd);
    }
    CASE(open_fds(), before);
    sc_close(a);
    sc_close(b);
}

static void a_control_buffer_too_small_leaks_nothing(void)
{
    int a, b, three[3], got[1] = {-1}, flags = -1;
    int before, slot;
    size_t nfds;
    char buf[8];
    union control control;
    struct iovec iov;
    struct msghdr msg;
    struct cmsghdr *cmsg;

    pair(SOCK_STREAM, &a, &b);
    before = open_fds();

    three[0] = three[1] = three[2] = a;

    /* Room for one of three (padded to two on 64-bit targets): those
     * that fit are closed, their slots -1. */
    CASE(sc_send_fds(a, "3", 1, three, 3), 1);
    msg = header(&iov, buf, sizeof buf, control.buf, SC_CMSG_SPACE_FDS(1));
    CASE(sc_recvmsg(b, &msg, 0), 1);
    CASE(msg.msg_flags & SC_MSG_CTRUNC, SC_MSG_CTRUNC);
    cmsg = CMSG_FIRSTHDR(&msg);
    CHECK(cmsg != NULL && cmsg->cmsg_type == SCM_RIGHTS);
    if (cmsg != NULL) {
        memcpy(&slot, CMSG_DATA(cmsg), sizeof slot);
        CASE(slot, -1);
    }
    CASE(open_fds(), before);

    /* No control buffer at all. */
    CASE(sc_send_fds(a, "3", 1, three, 3), 1);
    msg = header(&iov, buf, sizeof buf, NULL, 0);
    CASE(sc_recvmsg(b, &msg, 0), 1);
    CASE(msg.msg_flags & SC_MSG_CTRUNC, SC_MSG_CTRUNC);
    CASE(open_fds(), before);

    /* A buffer shorter than a header. */
    CASE(sc_send_fds(a, "3", 1, three, 3), 1);
    msg = header(&iov, buf, sizeof buf, control.buf, sizeof(struct cmsghdr) - 1);
    CASE(sc_recvmsg(b, &msg, 0), 1);
    CASE(msg.msg_flags & SC_MSG_CTRUNC, SC_MSG_CTRUNC);
    CASE(open_fds(), before);

    /* sc_recv_fds with room for one: none kept, all closed. */
    CASE(sc_send_fds(a, "3", 1, three, 3), 1);
    nfds = 1;
    CASE(sc_recv_fds(b, buf, sizeof buf, 0, got, &nfds, &flags), 1);
    CASE(nfds, 0);
    CASE(flags & SC_MSG_CTRUNC, SC_MSG_CTRUNC);
    CASE(got[0], -1);
    CASE(open_fds(), before);

    /* sc_recv_fds with no room (NULL array, capacity 0). */
    CASE(sc_send_fds(a, "3", 1, three, 3), 1);
    nfds = 0;
    CASE(sc_recv_fds(b, buf, sizeof buf, 0, NULL, &nfds, NULL), 1);
    CASE(nfds, 0);
    CASE(open_fds(), before);
    sc_close(a);
    sc_close(b);
}

static void credentials_and_truncated_datagrams(void)
{
    int a, b, got[2], flags = -1;
    int before;
    size_t nfds = 2;
    char buf[16];
    union control control;
    struct iovec iov;
    struct msghdr msg;
    struct cmsghdr *cmsg;
    sc_ucred creds;

    pair(SOCK_DGRAM, &a, &b);
    before = open_fds();

    /* SO_PASSCRED: every message brings an sc_ucred. */
    CASE(sc_set_passcred(b, 1), 0);
    CASE(sc_send(a, "c", 1, 0), 1);
    msg = header(&iov, buf, sizeof buf, control.buf, SC_CMSG_SPACE_CREDS);
    CASE(sc_recvmsg(b, &msg, 0), 1);
    CASE(msg.msg_flags, 0);
    cmsg = CMSG_FIRSTHDR(&msg);
    CHECK(cmsg != NULL && cmsg->cmsg_level == SOL_SOCKET && cmsg->cmsg_type == SCM_CREDENTIALS);
    if (cmsg != NULL) {
        memcpy(&creds, CMSG_DATA(cmsg), sizeof creds);
        CASE(creds.pid, getpid());
        CASE(creds.uid, getuid());
        CASE(creds.gid, getgid());
    }

    /* Credentials take no room from sc_recv_fds's descriptors. */
    got[0] = got[1] = a;
    CASE(sc_send_fds(a, "d", 1, got, 2), 1);
    CASE(sc_recv_fds(b, buf, sizeof buf, 0, got, &nfds, &flags), 1);
    CASE(nfds, 2);
    CASE(flags, 0);
    sc_close(got[0]);
    sc_close(got[1]);
    CASE(open_fds(), before);

    /* A datagram longer than the buffer: cut, and MSG_TRUNC says so. */
    CASE(sc_set_passcred(b, 0), 0);
    CASE(sc_send(a, "0123456789", 10, 0), 10);
    msg = header(&iov, buf, 4, NULL, 0);
    CASE(sc_recvmsg(b, &msg, 0), 4);
    CASE(msg.msg_flags & SC_MSG_TRUNC, SC_MSG_TRUNC);
    CASE(sc_send(a, "0123456789", 10, 0), 10);
    msg = header(&iov, buf, 4, NULL, 0);
    CASE(sc_recvmsg(b, &msg, SC_MSG_TRUNC), 10);
    sc_close(a);
    sc_close(b);
}

static void bad_input(void)
{
    int a, b, fds[1] = {0}, flags = 0;
    size_t nfds = 1, huge = (size_t)SIZE_MAX;
    char buf[8];
    struct iovec iov;
    struct msghdr msg = header(&iov, "x", 1, NULL, 0);

    pair(SOCK_STREAM, &a, &b);

    CASE(sc_sendmsg(a, NULL, 0), -EFAULT);
    CASE(sc_recvmsg(b, NULL, 0), -EFAULT);
    CASE(sc_sendmsg(a, &msg, UNKNOWN_FLAG), -EINVAL);
    CASE(sc_recvmsg(b, &msg, UNKNOWN_FLAG), -EINVAL);
    CASE(sc_sendmsg(-1, &msg, 0), -EBADF);
    CASE(sc_send_fds(a, NULL, 1, fds, 1), -EFAULT);
    CASE(sc_send_fds(a, "x", 1, NULL, 1), -EFAULT);
    CASE(sc_send_fds(a, "x", SIZE_MAX, fds, 1), -EINVAL);
    CASE(sc_send_fds(a, "x", 1, fds, SIZE_MAX), -EINVAL);
    CASE(sc_recv_fds(b, buf, sizeof buf, 0, fds, NULL, &flags), -EFAULT);
    CASE(sc_recv_fds(b, NULL, 1, 0, fds, &nfds, &flags), -EFAULT);
    CASE(sc_recv_fds(b, buf, sizeof buf, 0, NULL, &nfds, &flags), -EFAULT);
    CASE(sc_recv_fds(b, buf, sizeof buf, 0, fds, &huge, &flags), -EINVAL);
    CASE(sc_recv_fds(b, buf, SIZE_MAX, 0, fds, &nfds, &flags), -EINVAL);
    /* Nothing was sent by the failed calls above. */
    CASE(sc_recv(b, buf, sizeof buf, SC_MSG_DONTWAIT), -EAGAIN);
    CASE(nfds, 1);
    sc_close(a);
    sc_close(b);
}

int main(void)
{
    int before;

    setvbuf(stdout, NULL, _IOLBF, 0);
    before = open_fds();
    zero_descriptors();
    one_descriptor_arrives_close_on_exec();
    receive_flags();
    if (!known_gap("SOCKCORE_MUSL64", "the most descriptors in one message",
                   "64-bit musl's sendmsg copies control data into 1024 bytes: ENOMEM"))
        the_most_descriptors_in_one_message();
    if (!known_gap("SOCKCORE_QEMU", "control buffers too small",
                   "qemu-user never sets MSG_CTRUNC and leaves the cut descriptors open"))
        a_control_buffer_too_small_leaks_nothing();
    credentials_and_truncated_datagrams();
    bad_input();
    CASE(open_fds(), before);
    printf("cmsg space: 1 fd %zu, %d fds %zu, credentials %zu\n", (size_t)SC_CMSG_SPACE_FDS(1),
           SC_SCM_MAX_FD, (size_t)SC_CMSG_SPACE_MAX_FDS, (size_t)SC_CMSG_SPACE_CREDS);
    return summary();
}
