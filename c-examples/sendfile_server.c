/*
 * sendfile_server: serves a file with sendfile(2) (sc_send_file_all), from
 * the offset each client asks for; and the client that fetches it and
 * checksums what arrived.
 *
 *     sendfile_server serve ADDRESS FILE [CLIENTS]
 *     sendfile_server fetch ADDRESS OFFSET
 *
 * serve listens on ADDRESS, prints "listening on ADDRESS", and for each
 * client reads one request line, "GET <offset>\n", and sends FILE from that
 * offset to its end, in the kernel: no copy through this program, the
 * offset in a uint64_t that sc_send_file_all moves (the file's own
 * position never does), SIGPIPE never raised even when a client leaves
 * early (this program keeps SIGPIPE's default action, which would kill
 * it). An offset past the end gets "ERR\n". With CLIENTS, it exits after
 * that many and prints the totals.
 *
 * fetch sends the request, reads to the end of the stream, and prints the
 * byte count and the 64-bit FNV-1a checksum of what it received.
 */
#define _POSIX_C_SOURCE 200809L

#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "example.h"
#include "sockcore.h"

#define WHO "sendfile_server"
/* The longest request line: "GET " and 20 digits and a newline. */
#define REQUEST_MAX 32
/* What one sc_send_file_all call is asked for: a size_t on every target,
 * 32-bit ones included, while files may be larger. */
#define PIECE (1UL << 30)

/* Reads the request line, "GET <offset>\n"; returns 0 and the offset, or
 * -EINVAL for anything else. */
static int read_request(int conn, uint64_t *offset)
{
    char line[REQUEST_MAX + 1], *end;
    size_t len = 0;
    ssize_t n;

    while (len == 0 || line[len - 1] != '\n') {
        if (len == REQUEST_MAX)
            return -EINVAL;
        n = sc_read(conn, line + len, REQUEST_MAX - len);
        if (n <= 0)
            return n == 0 ? -EINVAL : (int)n;
        len += (size_t)n;
    }
    line[len - 1] = '\0';
    if (strncmp(line, "GET ", 4) != 0 || line[4] < '0' || line[4] > '9')
        return -EINVAL;
    *offset = strtoull(line + 4, &end, 10);
    return *end == '\0' ? 0 : -EINVAL;
}

/* One client: its request, then the file from its offset. Returns the
 * bytes sent, or -errno when the client failed (the server goes on). */
static long long serve_one(int conn, int file, uint64_t size)
{
    uint64_t offset = 0, at;
    ssize_t sent = 1;
    int ret = read_request(conn, &offset);

    if (ret == 0 && offset > size)
        ret = -EINVAL;
    if (ret < 0) {
        sc_write_all(conn, "ERR\n", 4);
        return ret;
    }
    /* sc_send_file_all moves `at` past what it sent, and stops early only
     * at the end of the file (if it shrank meanwhile) or on an error. */
    at = offset;
    while (at < size && sent > 0) {
        sent = sc_send_file_all(conn, file, &at, size - at < PIECE ? (size_t)(size - at) : PIECE);
        if (sent < 0)
            return sent;
    }
    printf(WHO ": sent %llu bytes from offset %llu with sc_send_file_all\n",
           (unsigned long long)(at - offset), (unsigned long long)offset);
    return (long long)(at - offset);
}

static int serve(const char *address, const char *path, long clients)
{
    char text[SC_ADDR_STRLEN];
    unsigned long long total = 0;
    long served = 0, failed = 0;
    long long sent;
    struct stat st;
    sc_addr addr;
    int listener, file, conn;

    file = open(path, O_RDONLY | O_CLOEXEC);
    if (file < 0 || fstat(file, &st) < 0)
        fail(WHO, path, -errno);
    listener = (int)check(WHO, "sc_listen_on", sc_listen_on(address, 64));
    check(WHO, "sc_local_addr", sc_local_addr(listener, &addr));
    printf(WHO ": listening on %s\n", addr_text(WHO, &addr, text));
    while (clients < 0 || served + failed < clients) {
        conn = sc_accept(listener, NULL, 0);
        if (conn == -ECONNABORTED || conn == -EINTR)
            continue;
        check(WHO, "sc_accept", conn);
        sent = serve_one(conn, file, (uint64_t)st.st_size);
        if (sent < 0) {
            fprintf(stderr, WHO ": a client failed: %s (%s)\n", sc_strerror((int)sent),
                    sc_errname((int)sent));
            failed++;
        } else {
            check(WHO, "sc_shutdown", sc_shutdown(conn, SHUT_WR));
            served++;
            total += (unsigned long long)sent;
        }
        check(WHO, "sc_close", sc_close(conn));
    }
    check(WHO, "sc_close", sc_close(listener));
    close(file);
    printf(WHO ": served %ld clients, sent %llu bytes, %ld failed\n", served, total, failed);
    return failed ? 1 : 0;
}

static int fetch(const char *address, const char *offset)
{
    static char buf[64 * 1024];
    char request[REQUEST_MAX + 1];
    unsigned long long received = 0, sum = 0xcbf29ce484222325ULL; /* FNV-1a 64 */
    ssize_t n, i;
    int fd, len;

    len = snprintf(request, sizeof request, "GET %s\n", offset);
    if (len < 0 || len > REQUEST_MAX) {
        fprintf(stderr, WHO ": the offset is too long\n");
        return 2;
    }
    fd = (int)check(WHO, "sc_dial", sc_dial(address, 5000));
    check(WHO, "sc_write_all", sc_write_all(fd, request, (size_t)len));
    while ((n = check(WHO, "sc_read", sc_read(fd, buf, sizeof buf))) > 0) {
        for (i = 0; i < n; i++)
            sum = (sum ^ (unsigned char)buf[i]) * 0x100000001b3ULL;
        received += (unsigned long long)n;
    }
    check(WHO, "sc_close", sc_close(fd));
    printf(WHO ": received %llu bytes, fnv1a64 0x%016llx\n", received, sum);
    return 0;
}

int main(int argc, char **argv)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    if ((argc == 4 || argc == 5) && strcmp(argv[1], "serve") == 0)
        return serve(argv[2], argv[3], count_arg(WHO, argc, argv, 4));
    if (argc == 4 && strcmp(argv[1], "fetch") == 0)
        return fetch(argv[2], argv[3]);
    fprintf(stderr, "usage: sendfile_server serve ADDRESS FILE [CLIENTS]\n"
                    "       sendfile_server fetch ADDRESS OFFSET\n");
    return 2;
}
