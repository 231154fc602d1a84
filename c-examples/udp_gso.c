/*
 * udp_gso: a bulk UDP sender and receiver with segmentation offload. The
 * sender hands the kernel up to 64 datagrams per system call (GSO,
 * UDP_SEGMENT); the receiver gets them back as coalesced runs of up to
 * 64 KiB, one system call each (GRO, UDP_GRO).
 *
 *     udp_gso recv ADDRESS MIB
 *     udp_gso send ADDRESS MIB [SEGMENT] [--no-gso]
 *
 * The receiver binds ADDRESS, turns UDP_GRO on, prints "listening on
 * ADDRESS", and receives MIB mebibytes of datagram runs, walking the
 * datagrams of each with sc_segments_next; it prints the bytes, the
 * datagrams, how many receives they took, the rate while in the receive
 * calls and a checksum of every byte in order. It stops early when nothing arrives for 2 s (datagrams
 * can be lost: it says how many bytes are missing).
 *
 * The sender sends MIB calls of 1 MiB each, as datagrams of SEGMENT bytes
 * (default 1200; the last of each call is shorter), and prints the rate
 * while in the send calls, the same checksum, and whether offload was used: "yes", "no (refused by
 * the kernel)" when the kernel refused UDP_SEGMENT and the datagrams went
 * as sendmmsg batches, or "no (turned off)" with --no-gso.
 */
#define _GNU_SOURCE /* SO_RCVBUFFORCE */

#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>

#include "example.h"
#include "sockcore.h"

#define MIB (1024 * 1024)
#define QUIET_MS 2000

static unsigned char buf[MIB];

/* The 64-bit FNV-1a checksum sum, with len bytes more. */
static uint64_t fnv(uint64_t sum, const unsigned char *bytes, size_t len)
{
    size_t i;

    for (i = 0; i < len; i++)
        sum = (sum ^ bytes[i]) * 0x100000001b3u;
    return sum;
}

#define FNV_START 0xcbf29ce484222325u

static double now(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Megabytes (10^6 bytes) a second. */
static double rate(size_t bytes, double seconds)
{
    return seconds > 0 ? (double)bytes / seconds / 1e6 : 0;
}

static int receive(const char *text, long mib)
{
    sc_addr addr, from;
    sc_udp_offload rx;
    char shown[SC_ADDR_STRLEN];
    size_t want = (size_t)mib * MIB, got = 0, datagrams = 0, receives = 0;
    uint64_t sum = FNV_START;
    double busy = 0, start;
    /* Room to queue everything while this process is slow: a run of 64 KiB
     * takes about 66 KiB of the kernel's buffer. As root, past rmem_max. */
    int fd, room = mib > 256 ? 512 * MIB : (int)(2 * want);

    check("recv", "sc_addr_parse", sc_addr_parse(&addr, text));
    fd = (int)check("recv", "sc_socket", sc_socket(sc_addr_family(&addr), SOCK_DGRAM, 0));
    check("recv", "sc_bind", sc_bind(fd, &addr));
    check("recv", "sc_set_udp_gro", sc_set_udp_gro(fd, 1));
    if (sc_setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &room, sizeof room) < 0)
        check("recv", "sc_set_rcvbuf", sc_set_rcvbuf(fd, room));
    check("recv", "sc_udp_offload_init", sc_udp_offload_init(&rx, fd, 0));
    check("recv", "sc_local_addr", sc_local_addr(fd, &addr));
    printf("listening on %s\n", addr_text("recv", &addr, shown));

    /* Every pass takes a run or ends the loop. */
    while (got < want && sc_wait_ready(fd, POLLIN, QUIET_MS) > 0) {
        static unsigned char run[SC_UDP_GRO_BUFFER];
        size_t segment, len;
        const void *datagram;
        sc_segments it;
        ssize_t n;

        start = now();
        n = check("recv", "sc_udp_offload_recv",
                  sc_udp_offload_recv(&rx, run, sizeof run, 0, &from, &segment));
        busy += now() - start;
        sum = fnv(sum, run, (size_t)n);
        got += (size_t)n;
        receives++;
        check("recv", "sc_segments_init", sc_segments_init(&it, run, (size_t)n, segment));
        while (sc_segments_next(&it, &datagram, &len) == 1)
            datagrams++;
    }
    printf("recv: %zu bytes, %zu datagrams in %zu receives (%.1f datagrams per receive), "
           "%.1f MB/s in the receive calls\n",
           got, datagrams, receives, receives ? (double)datagrams / (double)receives : 0.0,
           rate(got, busy));
    if (got < want)
        printf("recv: %zu bytes missing: nothing arrived for %d ms\n", want - got, QUIET_MS);
    printf("recv: checksum %016llx\n", (unsigned long long)sum);
    check("recv", "sc_close", sc_close(fd));
    return got == want ? 0 : 1;
}

static int send_all(const char *text, long mib, size_t segment, int flags)
{
    sc_addr to;
    sc_udp_offload tx;
    uint64_t sum = FNV_START;
    size_t i;
    long call;
    double busy = 0, start;
    int fd, gso;

    check("send", "sc_addr_parse", sc_addr_parse(&to, text));
    fd = (int)check("send", "sc_socket", sc_socket(sc_addr_family(&to), SOCK_DGRAM, 0));
    check("send", "sc_udp_offload_init", sc_udp_offload_init(&tx, fd, flags));
    for (i = 0; i < sizeof buf; i++)
        buf[i] = (unsigned char)(i * 7 + i / 251);
    for (call = 0; call < mib; call++) {
        /* The call's number in its first bytes: a lost or reordered call
         * changes the checksum. */
        ssize_t n;

        memcpy(buf, &call, sizeof call);
        start = now();
        n = check("send", "sc_udp_offload_send",
                  sc_udp_offload_send(&tx, buf, sizeof buf, segment, 0, &to));
        busy += now() - start;
        if ((size_t)n != sizeof buf) {
            fprintf(stderr, "send: %zd of %zu bytes went\n", n, sizeof buf);
            return 1;
        }
        sum = fnv(sum, buf, sizeof buf);
    }
    printf("send: %ld MiB as datagrams of %zu bytes, %.1f MB/s in the send calls\n", mib,
           segment, rate((size_t)mib * MIB, busy));
    printf("send: checksum %016llx\n", (unsigned long long)sum);
    gso = sc_udp_offload_gso(&tx);
    printf("send: offload: %s\n", gso == SC_GSO_OFFLOADED                ? "yes"
                                  : flags == SC_UDP_OFFLOAD_NO_GSO ? "no (turned off)"
                                                                   : "no (refused by the kernel)");
    check("send", "sc_close", sc_close(fd));
    return 0;
}

int main(int argc, char **argv)
{
    const char *usage = "usage: udp_gso recv ADDRESS MIB\n"
                        "       udp_gso send ADDRESS MIB [SEGMENT] [--no-gso]\n";
    int no_gso = argc > 4 && strcmp(argv[argc - 1], "--no-gso") == 0;
    long segment = 1200;

    setvbuf(stdout, NULL, _IOLBF, 0);
    if (argc == 4 && strcmp(argv[1], "recv") == 0)
        return receive(argv[2], count_arg("recv", argc, argv, 3));
    if (argc >= 4 && argc <= 6 && strcmp(argv[1], "send") == 0) {
        if (argc - no_gso == 5)
            segment = count_arg("send", argc, argv, 4);
        if (argc - no_gso > 5 || segment > SC_UDP_MAX_PAYLOAD) {
            fputs(usage, stderr);
            return 2;
        }
        return send_all(argv[2], count_arg("send", argc, argv, 3), (size_t)segment,
                        no_gso ? SC_UDP_OFFLOAD_NO_GSO : 0);
    }
    fputs(usage, stderr);
    return 2;
}
