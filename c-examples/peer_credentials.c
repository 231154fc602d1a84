/*
 * peer_credentials: a Unix-socket server that admits only clients running
 * as its own user, checked with SO_PEERCRED through sc_peer_credentials.
 *
 *     peer_credentials server unix:/PATH|unix:@NAME [CLIENTS]
 *     peer_credentials client unix:/PATH|unix:@NAME [UID]
 *
 * The server prints "listening on ADDRESS" and, for each connection, asks
 * the kernel who connected: the uid is the one the client had when it
 * called connect, which the client cannot forge. A client with the
 * server's uid gets "welcome, uid U"; any other gets "refused: uid U is not
 * uid S" and is disconnected, and the server says so. With CLIENTS it
 * exits after that many (admitted or not) and removes its socket file.
 *
 * The client first switches to UID (group and user) when one is given,
 * which takes root, then connects and prints the server's answer. Its exit
 * status is 0 when admitted and 3 when refused.
 *
 * An abstract name suits a client with another uid: a socket file would
 * also need write permission for it.
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <sys/un.h>
#include <unistd.h>

#include "example.h"
#include "sockcore.h"

#define TIMEOUT_MS 5000
#define EXIT_REFUSED 3

/* Tells one connected client whether it may stay, and says so. */
static void admit_or_refuse(int fd)
{
    uid_t own = getuid();
    char answer[128];
    sc_ucred peer;
    int len;

    check("server", "sc_peer_credentials", sc_peer_credentials(fd, &peer));
    if (peer.uid == own) {
        printf("server: admitted pid %ld uid %lu gid %lu: the server's own uid\n", (long)peer.pid,
               (unsigned long)peer.uid, (unsigned long)peer.gid);
        len = snprintf(answer, sizeof answer, "welcome, uid %lu\n", (unsigned long)peer.uid);
    } else {
        printf("server: refused pid %ld uid %lu: only uid %lu may connect\n", (long)peer.pid,
               (unsigned long)peer.uid, (unsigned long)own);
        len = snprintf(answer, sizeof answer, "refused: uid %lu is not uid %lu\n",
                       (unsigned long)peer.uid, (unsigned long)own);
    }
    /* A client that has gone already does not stop the server. */
    if (sc_write_all(fd, answer, (size_t)len) < 0)
        printf("server: the client left before the answer\n");
}

static int server(const char *address, long limit)
{
    char text[SC_ADDR_STRLEN];
    long served = 0;
    sc_addr addr;
    int listener, fd;

    listener = (int)check("server", "sc_listen_on", sc_listen_on(address, 16));
    check("server", "sc_local_addr", sc_local_addr(listener, &addr));
    printf("server: uid %lu: listening on %s\n", (unsigned long)getuid(),
           addr_text("server", &addr, text));
    while (limit < 0 || served < limit) {
        fd = sc_accept(listener, NULL, 0);
        if (fd == -EINTR || fd == -ECONNABORTED)
            continue;
        check("server", "sc_accept", fd);
        admit_or_refuse(fd);
        check("server", "sc_close", sc_close(fd));
        served++;
    }
    check("server", "sc_close", sc_close(listener));
    remove_socket_file("server", &addr);
    printf("server: served %ld clients\n", served);
    return 0;
}

/* Becomes uid (and gid) `text`: the group first, while still allowed. */
static void become(const char *text)
{
    char *end;
    long id = strtol(text, &end, 10);

    if (*end != '\0' || id < 0 || id > 0x7fffffffL) {
        fprintf(stderr, "client: not a uid: %s\n", text);
        exit(2);
    }
    if (setgid((gid_t)id) < 0)
        fail("client", "setgid", -errno);
    if (setuid((uid_t)id) < 0)
        fail("client", "setuid", -errno);
    printf("client: now uid %lu gid %lu\n", (unsigned long)getuid(), (unsigned long)getgid());
}

static int client(const char *address, const char *uid)
{
    char answer[128];
    ssize_t n, got = 0;
    int fd;

    if (uid != NULL)
        become(uid);
    fd = (int)check("client", "sc_dial", sc_dial(address, TIMEOUT_MS));
    while (got < (ssize_t)sizeof answer - 1 &&
           (n = check("client", "sc_read_timeout",
                      sc_read_timeout(fd, answer + got, sizeof answer - 1 - (size_t)got,
                                      TIMEOUT_MS))) > 0)
        got += n;
    answer[got] = '\0';
    check("client", "sc_close", sc_close(fd));
    if (got == 0) {
        fprintf(stderr, "client: the server closed without answering\n");
        return 1;
    }
    printf("client: the server answered: %s", answer);
    if (strncmp(answer, "welcome", 7) == 0)
        return 0;
    printf("client: the server refused this uid\n");
    return EXIT_REFUSED;
}

int main(int argc, char **argv)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    if (argc >= 3 && argc <= 4 && strcmp(argv[1], "server") == 0)
        return server(argv[2], count_arg("server", argc, argv, 3));
    if (argc >= 3 && argc <= 4 && strcmp(argv[1], "client") == 0)
        return client(argv[2], argc == 4 ? argv[3] : NULL);
    fputs("usage: peer_credentials server unix:/PATH|unix:@NAME [CLIENTS]\n"
          "       peer_credentials client unix:/PATH|unix:@NAME [UID]\n",
          stderr);
    return 2;
}
