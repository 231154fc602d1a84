/*
 * small_server_libc: small_server.c's twin on the C library alone, as a
 * careful C programmer would write it: the same address texts for IPv4
 * (a.b.c.d:port), IPv6 ([v6]:port) and Unix paths (unix:/path), parsed with
 * inet_pton and strtoul; the same system calls (socket with SOCK_CLOEXEC,
 * SO_REUSEADDR, bind, listen, accept4, read, send with MSG_NOSIGNAL,
 * close). tests/size.rs measures sockcore's cost as small_server's size
 * over this one's.
 */
#define _GNU_SOURCE

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

union address {
    struct sockaddr any;
    struct sockaddr_in v4;
    struct sockaddr_in6 v6;
    struct sockaddr_un un;
};

/* Parses text into *out; returns its length, or 0 for bad text. */
static socklen_t parse(const char *text, union address *out)
{
    const char *colon;
    char host[INET6_ADDRSTRLEN];
    unsigned long port;
    size_t len;
    char *end;

    memset(out, 0, sizeof *out);
    if (strncmp(text, "unix:", 5) == 0) {
        len = strlen(text + 5);
        if (len >= sizeof out->un.sun_path)
            return 0;
        out->un.sun_family = AF_UNIX;
        memcpy(out->un.sun_path, text + 5, len);
        return (socklen_t)(offsetof(struct sockaddr_un, sun_path) + len + 1);
    }
    colon = strrchr(text, ':');
    if (colon == NULL || colon[1] == '\0')
        return 0;
    port = strtoul(colon + 1, &end, 10);
    if (*end != '\0' || port > 65535)
        return 0;
    if (text[0] == '[') {
        len = (size_t)(colon - text);
        if (len < 3 || len - 2 >= sizeof host || colon[-1] != ']')
            return 0;
        memcpy(host, text + 1, len - 2);
        host[len - 2] = '\0';
        out->v6.sin6_family = AF_INET6;
        out->v6.sin6_port = htons((unsigned short)port);
        return inet_pton(AF_INET6, host, &out->v6.sin6_addr) == 1 ? sizeof out->v6 : 0;
    }
    len = (size_t)(colon - text);
    if (len >= sizeof host)
        return 0;
    memcpy(host, text, len);
    host[len] = '\0';
    out->v4.sin_family = AF_INET;
    out->v4.sin_port = htons((unsigned short)port);
    return inet_pton(AF_INET, host, &out->v4.sin_addr) == 1 ? sizeof out->v4 : 0;
}

static int listen_on(const char *text, int backlog)
{
    union address address;
    socklen_t len = parse(text, &address);
    int fd, on = 1;

    if (len == 0)
        return -1;
    fd = socket(address.any.sa_family, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return -1;
    if ((address.any.sa_family != AF_UNIX &&
         setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on) < 0) ||
        bind(fd, &address.any, len) < 0 || listen(fd, backlog) < 0) {
        close(fd);
        return -1;
    }
    return fd;
}

int main(int argc, char **argv)
{
    char buf[4096];
    ssize_t n;
    int listener, conn;

    if (argc != 2)
        return 2;
    listener = listen_on(argv[1], 1);
    if (listener < 0)
        return 1;
    if (write(STDOUT_FILENO, "listening\n", 10) != 10)
        return 1;
    conn = accept4(listener, NULL, NULL, SOCK_CLOEXEC);
    if (conn < 0)
        return 1;
    while ((n = read(conn, buf, sizeof buf)) > 0)
        if (send(conn, buf, (size_t)n, MSG_NOSIGNAL) != n)
            return 1;
    close(conn);
    close(listener);
    return n < 0;
}
