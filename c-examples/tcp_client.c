/*
 * tcp_client: the client of the server/client flow, step by step, on the
 * sockcore C ABI.
 *
 *     tcp_client ADDRESS [MESSAGE]
 *
 * Creates a stream socket, connects to ADDRESS, writes MESSAGE, reads the
 * echo back and checks it byte for byte, then shuts down its writing half
 * and waits for the server to close. Exits non-zero, with sc_strerror's
 * message, on any error.
 */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#include "example.h"
#include "sockcore.h"

#define WHO "client"
#define MAX_MESSAGE 65536

int main(int argc, char **argv)
{
    static char echo[MAX_MESSAGE];
    char text[SC_ADDR_STRLEN];
    const char *message = "hello from the sockcore C client";
    sc_addr addr, local;
    size_t len;
    ssize_t n;
    char end;
    int fd, domain;

    setvbuf(stdout, NULL, _IOLBF, 0);
    if (argc < 2 || argc > 3) {
        fprintf(stderr, "usage: tcp_client ADDRESS [MESSAGE]\n");
        return 2;
    }
    if (argc == 3)
        message = argv[2];
    len = strlen(message);
    if (len == 0 || len > MAX_MESSAGE) {
        fprintf(stderr, WHO ": the message must be 1 to %d bytes\n", MAX_MESSAGE);
        return 2;
    }

    check(WHO, "sc_addr_parse", sc_addr_parse(&addr, argv[1]));
    domain = sc_addr_family(&addr);
    fd = (int)check(WHO, "sc_socket", sc_socket(domain, SOCK_STREAM, 0));
    printf(WHO ": sc_socket(%s, SOCK_STREAM, 0) = fd %d\n", domain_name(domain), fd);
    check(WHO, "sc_connect", sc_connect(fd, &addr));
    printf(WHO ": sc_connect(fd %d, %s)\n", fd, addr_text(WHO, &addr, text));
    check(WHO, "sc_local_addr", sc_local_addr(fd, &local));
    printf(WHO ": connected from %s\n", addr_text(WHO, &local, text));

    n = check(WHO, "sc_write_all", sc_write_all(fd, message, len));
    printf(WHO ": sc_write_all(fd %d, %zu bytes) = %zd\n", fd, len, n);
    n = check(WHO, "sc_read_exact", sc_read_exact(fd, echo, len));
    printf(WHO ": sc_read_exact(fd %d, %zu bytes) = %zd: \"%.*s\"\n", fd, len, n, (int)n, echo);
    check_echo(WHO, echo, (size_t)n, message, len);

    check(WHO, "sc_shutdown", sc_shutdown(fd, SHUT_WR));
    printf(WHO ": sc_shutdown(fd %d, SHUT_WR)\n", fd);
    n = check(WHO, "sc_read", sc_read(fd, &end, 1));
    if (n != 0) {
        fprintf(stderr, WHO ": the server sent more than the echo\n");
        return 1;
    }
    printf(WHO ": sc_read = 0: the server closed\n");
    check(WHO, "sc_close", sc_close(fd));
    printf(WHO ": sc_close(fd %d)\n", fd);
    return 0;
}
