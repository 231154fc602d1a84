/*
 * example.h: what the examples share. Each step's return goes through
 * check(), which on failure prints the step with sc_strerror's message and
 * the errno's name, and exits with status 1: the liburing-style convention
 * (>= 0 success, -errno failure) leaves nothing else to handle.
 */
#ifndef SOCKCORE_EXAMPLE_H
#define SOCKCORE_EXAMPLE_H

#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "sockcore.h"

/* Prints "who: step failed: message (ENAME)" and exits with status 1. */
static inline void fail(const char *who, const char *step, long err)
{
    fprintf(stderr, "%s: %s failed: %s (%s)\n", who, step, sc_strerror((int)err),
            sc_errname((int)err));
    exit(1);
}

/* Returns ret when it is a success (>= 0); fails the program otherwise. */
static inline long check(const char *who, const char *step, long ret)
{
    if (ret < 0)
        fail(who, step, ret);
    return ret;
}

/* The address as text, in a caller's buffer of SC_ADDR_STRLEN bytes. */
static inline const char *addr_text(const char *who, const sc_addr *addr,
                                    char text[SC_ADDR_STRLEN])
{
    check(who, "sc_addr_format", sc_addr_format(addr, text, SC_ADDR_STRLEN));
    return text;
}

/* The system's name for a domain, for printing the steps. */
static inline const char *domain_name(int domain)
{
    switch (domain) {
    case AF_INET:
        return "AF_INET";
    case AF_INET6:
        return "AF_INET6";
    case AF_UNIX:
        return "AF_UNIX";
    default:
        return "AF_?";
    }
}

/* A count from the command line (1 to 1000000), or -1 when absent. */
static inline long count_arg(const char *who, int argc, char **argv, int index)
{
    char *end;
    long count;

    if (argc <= index)
        return -1;
    count = strtol(argv[index], &end, 10);
    if (*end != '\0' || count < 1 || count > 1000000) {
        fprintf(stderr, "%s: not a count from 1 to 1000000: %s\n", who, argv[index]);
        exit(2);
    }
    return count;
}

/* Fails the program unless the echo matches the message byte for byte. */
static inline void check_echo(const char *who, const char *echo, size_t got,
                              const char *message, size_t len)
{
    if (got != len || memcmp(echo, message, len) != 0) {
        fprintf(stderr, "%s: the echo differs from the message\n", who);
        exit(1);
    }
}

/* main() of the examples with two modes:
 *     PROGRAM server ADDRESS [COUNT]
 *     PROGRAM client ADDRESS MESSAGE */
static inline int server_or_client(int argc, char **argv, int (*server)(const char *, long),
                                   int (*client)(const char *, const char *), const char *usage)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    if (argc >= 3 && argc <= 4 && strcmp(argv[1], "server") == 0)
        return server(argv[2], count_arg("server", argc, argv, 3));
    if (argc == 4 && strcmp(argv[1], "client") == 0)
        return client(argv[2], argv[3]);
    fputs(usage, stderr);
    return 2;
}

/* Removes the socket file of a path address; abstract names leave none. */
static inline void remove_socket_file(const char *who, const sc_addr *addr)
{
    /* sc_addr mixes with C's own types: here, a struct sockaddr_un. */
    const struct sockaddr_un *sun = (const struct sockaddr_un *)sc_addr_sockaddr(addr);
    size_t offset = offsetof(struct sockaddr_un, sun_path), len;
    char path[sizeof sun->sun_path + 1];

    if (sc_addr_family(addr) != AF_UNIX || (size_t)sc_addr_len(addr) <= offset ||
        sun->sun_path[0] == '\0')
        return;
    len = (size_t)sc_addr_len(addr) - offset;
    /* A path that fills sun_path has no NUL: the length says where it ends. */
    memcpy(path, sun->sun_path, len);
    path[len] = '\0';
    if (unlink(path) < 0)
        fail(who, "unlink", -errno);
    printf("%s: unlink(%s)\n", who, path);
}

#endif /* SOCKCORE_EXAMPLE_H */
