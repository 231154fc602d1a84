/*
 * exec_handoff: a listening socket handed to a program started with exec,
 * the way a supervisor (inetd, systemd's socket activation) hands one to the
 * server it starts.
 *
 *     exec_handoff ADDRESS [CLIENTS]
 *
 * The launcher listens on ADDRESS and prints "listening on ADDRESS" with the
 * real port. Every descriptor sockcore makes is close-on-exec, so nothing
 * reaches a program by accident: the launcher makes a second descriptor for
 * the server with sc_dup and clears the flag on that one alone with
 * sc_set_cloexec(fd, 0). Then it execs this program again as the server,
 * naming the descriptor on its command line (--serve FD CLIENTS OWN). The
 * exec closes the launcher's own listener (the server shows that OWN is no
 * longer open) and keeps the one handed on, on which the server, once it
 * has checked that it is a listening stream socket, serves
 * CLIENTS clients (default 1), one after another, echoing what each sends
 * until it closes (tcp_client is a client for it), and exits.
 */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "example.h"
#include "sockcore.h"

/* Echoes everything one client sends until it closes. */
static void echo(int conn)
{
    char buf[4096];
    ssize_t n;

    while ((n = check("server", "sc_read", sc_read(conn, buf, sizeof buf))) > 0)
        check("server", "sc_write_all", sc_write_all(conn, buf, (size_t)n));
}

/* The exec'd server: serves clients on the inherited listener fd_text;
 * own_text is the launcher's own listener, which the exec closed. */
static int serve(const char *fd_text, long clients, const char *own_text)
{
    char text[SC_ADDR_STRLEN];
    sc_addr peer;
    char *end;
    long fd = strtol(fd_text, &end, 10);
    long i;

    if (*end != '\0' || fd < 0 || fd > 1000000) {
        fprintf(stderr, "server: not a descriptor: %s\n", fd_text);
        return 2;
    }
    /* A number from a command line is checked before it is trusted. */
    if (check("server", "sc_is_listening", sc_is_listening((int)fd)) != 1 ||
        check("server", "sc_socket_type", sc_socket_type((int)fd)) != SOCK_STREAM) {
        fprintf(stderr, "server: fd %ld is not a listening stream socket\n", fd);
        return 1;
    }
    printf("server: fd %ld, inherited across exec, is a listening stream socket\n", fd);
    printf("server: fd %s, the launcher's own listener, did not come along: %s\n", own_text,
           sc_errname(sc_socket_type(atoi(own_text))));
    for (i = 0; i < clients; i++) {
        int conn = (int)check("server", "sc_accept", sc_accept((int)fd, &peer, 0));

        printf("server: accepted %s on the inherited listener\n", addr_text("server", &peer, text));
        echo(conn);
        check("server", "sc_close", sc_close(conn));
    }
    printf("server: served %ld clients\n", clients);
    return sc_close((int)fd) < 0;
}

int main(int argc, char **argv)
{
    char text[SC_ADDR_STRLEN], fd_text[24], clients_text[24], own_text[24];
    char *server_argv[6];
    sc_addr addr;
    long clients;
    int listener, handed;

    setvbuf(stdout, NULL, _IOLBF, 0);
    if (argc == 5 && strcmp(argv[1], "--serve") == 0)
        return serve(argv[2], count_arg("server", argc, argv, 3), argv[4]);
    if (argc < 2 || argc > 3) {
        fputs("usage: exec_handoff ADDRESS [CLIENTS]\n", stderr);
        return 2;
    }
    clients = count_arg("launcher", argc, argv, 2);

    listener = (int)check("launcher", "sc_listen_on", sc_listen_on(argv[1], 16));
    check("launcher", "sc_local_addr", sc_local_addr(listener, &addr));
    printf("launcher: listening on %s\n", addr_text("launcher", &addr, text));

    handed = (int)check("launcher", "sc_dup", sc_dup(listener));
    check("launcher", "sc_set_cloexec", sc_set_cloexec(handed, 0));
    printf("launcher: fd %d stays close-on-exec; fd %d goes to the server\n", listener, handed);

    snprintf(fd_text, sizeof fd_text, "%d", handed);
    snprintf(clients_text, sizeof clients_text, "%ld", clients < 0 ? 1 : clients);
    snprintf(own_text, sizeof own_text, "%d", listener);
    server_argv[0] = argv[0];
    server_argv[1] = "--serve";
    server_argv[2] = fd_text;
    server_argv[3] = clients_text;
    server_argv[4] = own_text;
    server_argv[5] = NULL;
    execv(argv[0], server_argv);
    fail("launcher", "execv", -errno);
    return 1;
}
