/*
 * small_server: the smallest useful server on sockcore, as a small
 * embedded system would write it, for tests/size.rs to measure what
 * sockcore costs in a static program.
 *
 *     small_server ADDRESS
 *
 * Listens on ADDRESS (any text sc_listen_on takes), says "listening",
 * accepts one client, echoes what it sends until it closes, and exits 0.
 * small_server_libc.c does the same with the C library alone.
 */
#define _POSIX_C_SOURCE 200809L

#include <unistd.h>

#include "sockcore.h"

int main(int argc, char **argv)
{
    char buf[4096];
    ssize_t n;
    int listener, conn;

    if (argc != 2)
        return 2;
    listener = sc_listen_on(argv[1], 1);
    if (listener < 0)
        return 1;
    if (write(STDOUT_FILENO, "listening\n", 10) != 10)
        return 1;
    conn = sc_accept(listener, NULL, 0);
    if (conn < 0)
        return 1;
    while ((n = sc_read(conn, buf, sizeof buf)) > 0)
        if (sc_write(conn, buf, (size_t)n) != n)
            return 1;
    sc_close(conn);
    sc_close(listener);
    return n < 0;
}
