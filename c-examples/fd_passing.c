/*
 * fd_passing: a parent hands an open file and a connected TCP socket to a
 * child process over a Unix socket pair, with sc_send_fds and sc_recv_fds.
 *
 *     fd_passing [TEXT]
 *
 * The parent forks first, so the child inherits nothing but one end of the
 * pair. Then the parent writes TEXT (default: a greeting) to a temporary
 * file and unlinks it, so only the open descriptor still reaches the file;
 * opens a TCP connection to itself over loopback; and sends the file and
 * the accepted end of the connection to the child, closing its own copies.
 * The child receives both (close-on-exec, as sockcore always receives
 * them), reads the file, and answers over the socket; the parent prints
 * the answer and checks that it carries TEXT. Exit status 0 when all went
 * well.
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "example.h"
#include "sockcore.h"

#define TIMEOUT_MS 5000
#define MAX_TEXT 1024

/* What the parent sends along with the descriptors. */
static const char ENVELOPE[] = "a file and a socket";

/* The child's side: receive the two descriptors, use both, exit. */
static int child(int channel)
{
    char data[sizeof ENVELOPE], text[MAX_TEXT], reply[MAX_TEXT + 64];
    int fds[2], msg_flags, reply_len;
    size_t nfds = 2;
    ssize_t n, got = 0;

    n = check("child", "sc_recv_fds",
              sc_recv_fds(channel, data, sizeof data - 1, 0, fds, &nfds, &msg_flags));
    data[n] = '\0';
    printf("child: sc_recv_fds = %zd bytes (\"%s\") and %zu descriptors\n", n, data, nfds);
    if (nfds != 2 || (msg_flags & SC_MSG_CTRUNC) != 0) {
        fprintf(stderr, "child: expected 2 descriptors, got %zu (flags %#x)\n", nfds, msg_flags);
        return 1;
    }
    if ((fcntl(fds[0], F_GETFD) & FD_CLOEXEC) == 0 || (fcntl(fds[1], F_GETFD) & FD_CLOEXEC) == 0) {
        fprintf(stderr, "child: a received descriptor is not close-on-exec\n");
        return 1;
    }
    printf("child: file fd %d and socket fd %d, both close-on-exec\n", fds[0], fds[1]);

    /* The file: plain read(2), since it is not a socket. */
    while (got < MAX_TEXT - 1 && (n = read(fds[0], text + got, (size_t)(MAX_TEXT - 1 - got))) > 0)
        got += n;
    if (n < 0)
        fail("child", "read", -errno);
    text[got] = '\0';
    printf("child: read %zd bytes from the file: \"%s\"\n", got, text);
    close(fds[0]);

    /* The socket: sockcore's calls, as on any socket. */
    reply_len = snprintf(reply, sizeof reply, "the child read \"%s\"", text);
    check("child", "sc_write_all", sc_write_all(fds[1], reply, (size_t)reply_len));
    printf("child: sc_write_all(socket fd %d, %d bytes)\n", fds[1], reply_len);
    check("child", "sc_close", sc_close(fds[1]));
    return 0;
}

/* A temporary file holding text, already unlinked; returns its descriptor. */
static int temp_file_with(const char *text)
{
    const char *dir = getenv("TMPDIR");
    char path[4096];
    size_t len = strlen(text);
    ssize_t written;
    int fd;

    snprintf(path, sizeof path, "%s/fd_passing-XXXXXX", dir != NULL && *dir ? dir : "/tmp");
    if ((fd = mkstemp(path)) < 0)
        fail("parent", "mkstemp", -errno);
    written = write(fd, text, len);
    if (written != (ssize_t)len)
        fail("parent", "write", written < 0 ? -errno : -EIO);
    if (unlink(path) < 0 || lseek(fd, 0, SEEK_SET) < 0)
        fail("parent", "unlink or lseek", -errno);
    printf("parent: wrote %zu bytes to %s and unlinked it: fd %d is the only way in\n", len, path,
           fd);
    return fd;
}

/* A TCP connection to ourselves: returns the dialled end, stores the
 * accepted end in *accepted. */
static int loopback_connection(int *accepted)
{
    char text[SC_ADDR_STRLEN];
    sc_addr addr;
    int listener, dialled;

    listener = (int)check("parent", "sc_listen_on", sc_listen_on("127.0.0.1:0", 1));
    check("parent", "sc_local_addr", sc_local_addr(listener, &addr));
    addr_text("parent", &addr, text);
    dialled = (int)check("parent", "sc_dial", sc_dial(text, TIMEOUT_MS));
    *accepted = (int)check("parent", "sc_accept", sc_accept_timeout(listener, NULL, 0, TIMEOUT_MS));
    check("parent", "sc_close", sc_close(listener));
    printf("parent: connected fd %d to fd %d over %s\n", dialled, *accepted, text);
    return dialled;
}

/* The parent's side: send the descriptors, read the child's answer. */
static int parent(int channel, pid_t pid, const char *text)
{
    char answer[MAX_TEXT + 64];
    int fds[2], talk, status;
    ssize_t n, got = 0;

    fds[0] = temp_file_with(text);
    talk = loopback_connection(&fds[1]);
    n = check("parent", "sc_send_fds",
              sc_send_fds(channel, ENVELOPE, strlen(ENVELOPE), fds, 2));
    printf("parent: sc_send_fds(fd %d, file fd %d, socket fd %d) = %zd bytes\n", channel, fds[0],
           fds[1], n);
    /* The child has its own copies now; the connection stays open. */
    close(fds[0]);
    check("parent", "sc_close", sc_close(fds[1]));

    while (got < (ssize_t)sizeof answer - 1 &&
           (n = check("parent", "sc_read_timeout",
                      sc_read_timeout(talk, answer + got, sizeof answer - 1 - (size_t)got,
                                      TIMEOUT_MS))) > 0)
        got += n;
    answer[got] = '\0';
    printf("parent: the child answered over the socket: \"%s\"\n", answer);
    check("parent", "sc_close", sc_close(talk));

    if (waitpid(pid, &status, 0) != pid)
        fail("parent", "waitpid", -errno);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        fprintf(stderr, "parent: the child failed (status %#x)\n", status);
        return 1;
    }
    printf("parent: the child exited with status 0\n");
    if (strstr(answer, text) == NULL) {
        fprintf(stderr, "parent: the answer does not carry the file's text\n");
        return 1;
    }
    printf("parent: done\n");
    return 0;
}

int main(int argc, char **argv)
{
    const char *text = argc > 1 ? argv[1] : "hello from a file the child cannot name";
    int channel[2], status;
    pid_t pid;

    if (argc > 2 || strlen(text) >= MAX_TEXT) {
        fprintf(stderr, "usage: fd_passing [TEXT of under %d bytes]\n", MAX_TEXT);
        return 2;
    }
    setvbuf(stdout, NULL, _IOLBF, 0);
    check("parent", "sc_socketpair", sc_socketpair(AF_UNIX, SOCK_STREAM, 0, channel));
    printf("parent: sc_socketpair = fds %d and %d\n", channel[0], channel[1]);
    fflush(stdout);
    if ((pid = fork()) < 0)
        fail("parent", "fork", -errno);
    if (pid == 0) {
        check("child", "sc_close", sc_close(channel[0]));
        status = child(channel[1]);
        check("child", "sc_close", sc_close(channel[1]));
        exit(status);
    }
    check("parent", "sc_close", sc_close(channel[1]));
    status = parent(channel[0], pid, text);
    check("parent", "sc_close", sc_close(channel[0]));
    return status;
}
