/*
 * tcp_info: a snapshot of a live TCP connection (sc_get_tcp_info), printed
 * field by field.
 *
 *     tcp_info             make a loopback connection, send 1 MiB over it,
 *                          and print both ends' snapshots
 *     tcp_info ADDRESS     connect to ADDRESS (an echo server such as
 *                          tcp_server), send a line, read the echo, and print
 *                          the client's snapshot
 *
 * sc_tcp_info is sockcore's own struct, the same on every C library: the
 * fields every kernel fills, and those newer kernels add, each with its
 * SC_TCPI_HAVE_* bit in `valid`; a field the running kernel lacks is
 * printed as "not reported by this kernel".
 */
#define _POSIX_C_SOURCE 200809L

#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#include "example.h"
#include "sockcore.h"

#define WHO "tcp_info"
#define MIB (1024 * 1024)

/* The names of the TCP states (include/net/tcp_states.h). */
static const char *state_name(unsigned state)
{
    static const char *const names[] = {
        "?",         "ESTABLISHED", "SYN_SENT",   "SYN_RECV", "FIN_WAIT1", "FIN_WAIT2",
        "TIME_WAIT", "CLOSE",       "CLOSE_WAIT", "LAST_ACK", "LISTEN",    "CLOSING",
    };
    return state < sizeof names / sizeof names[0] ? names[state] : "?";
}

/* A 64-bit field, or why it is missing. */
static void print_u64(const char *end, const char *name, uint64_t value, int present)
{
    if (present)
        printf("%s: %s %llu\n", end, name, (unsigned long long)value);
    else
        printf("%s: %s: not reported by this kernel\n", end, name);
}

static void print_snapshot(const char *end, int fd)
{
    sc_tcp_info info;

    check(WHO, "sc_get_tcp_info", sc_get_tcp_info(fd, &info, sizeof info));
    printf("%s: the kernel filled %u bytes of struct tcp_info\n", end, info.kernel_len);
    printf("%s: state %s\n", end, state_name(info.state));
    printf("%s: options%s%s%s%s%s\n", end,
           info.options & SC_TCPI_OPT_TIMESTAMPS ? " timestamps" : "",
           info.options & SC_TCPI_OPT_SACK ? " sack" : "",
           info.options & SC_TCPI_OPT_WSCALE ? " wscale" : "",
           info.options & SC_TCPI_OPT_ECN ? " ecn" : "",
           info.options & SC_TCPI_OPT_SYN_DATA ? " syn_data" : "");
    printf("%s: wscale snd %u rcv %u\n", end, info.snd_wscale, info.rcv_wscale);
    printf("%s: rtt_us %u rttvar_us %u rto_us %u\n", end, info.rtt_us, info.rttvar_us,
           info.rto_us);
    printf("%s: snd_cwnd %u snd_mss %u rcv_mss %u pmtu %u\n", end, info.snd_cwnd, info.snd_mss,
           info.rcv_mss, info.pmtu);
    printf("%s: retransmits %u total_retrans %u unacked %u lost %u\n", end, info.retransmits,
           info.total_retrans, info.unacked, info.lost);
    print_u64(end, "bytes_acked", info.bytes_acked, info.valid & SC_TCPI_HAVE_BYTES_ACKED);
    print_u64(end, "bytes_received", info.bytes_received, info.valid & SC_TCPI_HAVE_BYTES_ACKED);
    print_u64(end, "bytes_sent", info.bytes_sent, info.valid & SC_TCPI_HAVE_BYTES_SENT);
    print_u64(end, "bytes_retrans", info.bytes_retrans, info.valid & SC_TCPI_HAVE_BYTES_SENT);
    print_u64(end, "segs_out", info.segs_out, info.valid & SC_TCPI_HAVE_SEGS);
    print_u64(end, "min_rtt_us", info.min_rtt_us, info.valid & SC_TCPI_HAVE_MIN_RTT);
    print_u64(end, "pacing_rate", info.pacing_rate, info.valid & SC_TCPI_HAVE_PACING_RATE);
    print_u64(end, "delivery_rate", info.delivery_rate, info.valid & SC_TCPI_HAVE_DELIVERY_RATE);
    print_u64(end, "snd_wnd", info.snd_wnd, info.valid & SC_TCPI_HAVE_SND_WND);
}

/* Moves `len` bytes from the non-blocking `from` to `to`, which reads them
 * as they arrive: one thread, waiting with sc_poll for whichever end can
 * go on. */
static void pump(int from, int to, size_t len)
{
    static char out[64 * 1024], in[64 * 1024];
    size_t sent = 0, received = 0;
    struct pollfd ends[2];
    ssize_t n;

    memset(out, 'x', sizeof out);
    while (received < len) {
        ends[0].fd = sent < len ? from : -1; /* a negative fd is skipped */
        ends[0].events = POLLOUT;
        ends[1].fd = to;
        ends[1].events = POLLIN;
        check(WHO, "sc_poll", sc_poll(ends, 2, 5000));
        if (ends[0].revents & POLLOUT) {
            size_t chunk = len - sent < sizeof out ? len - sent : sizeof out;
            n = sc_write(from, out, chunk);
            if (n != -EAGAIN)
                sent += (size_t)check(WHO, "sc_write", n);
        }
        if (ends[1].revents & POLLIN) {
            n = check(WHO, "sc_read", sc_read(to, in, sizeof in));
            if (n == 0) {
                fprintf(stderr, WHO ": the stream ended early\n");
                exit(1);
            }
            received += (size_t)n;
        }
    }
}

/* A loopback connection carrying 1 MiB one way and one byte back, so that
 * the sender has every acknowledgement by the time it looks. */
static int loopback(void)
{
    sc_addr addr;
    int listener, client, server;
    char byte;

    listener = (int)check(WHO, "sc_listen_on", sc_listen_on("127.0.0.1:0", 1));
    check(WHO, "sc_local_addr", sc_local_addr(listener, &addr));
    client = (int)check(WHO, "sc_socket", sc_socket(AF_INET, SOCK_STREAM, 0));
    check(WHO, "sc_connect", sc_connect(client, &addr));
    server = (int)check(WHO, "sc_accept", sc_accept(listener, NULL, 0));
    check(WHO, "sc_set_nonblocking", sc_set_nonblocking(client, 1));
    pump(client, server, MIB);
    check(WHO, "sc_write", sc_write(server, "!", 1));
    check(WHO, "sc_wait_ready", sc_wait_ready(client, POLLIN, 5000));
    check(WHO, "sc_read", sc_read(client, &byte, 1));
    printf(WHO ": sent 1048576 bytes over 127.0.0.1 and read a 1-byte reply\n");
    print_snapshot("client", client);
    print_snapshot("server", server);
    check(WHO, "sc_close", sc_close(server));
    check(WHO, "sc_close", sc_close(client));
    return (int)check(WHO, "sc_close", sc_close(listener));
}

/* One line to an echo server at `address`, and the client's snapshot. */
static int remote(const char *address)
{
    static const char line[] = "how is this connection doing?\n";
    char echo[sizeof line];
    int fd = (int)check(WHO, "sc_dial", sc_dial(address, 5000));

    check(WHO, "sc_write_all", sc_write_all(fd, line, sizeof line - 1));
    check(WHO, "sc_read_exact", sc_read_exact(fd, echo, sizeof line - 1));
    check_echo(WHO, echo, sizeof line - 1, line, sizeof line - 1);
    printf(WHO ": %s echoed %zu bytes\n", address, sizeof line - 1);
    print_snapshot("client", fd);
    return (int)check(WHO, "sc_close", sc_close(fd));
}

int main(int argc, char **argv)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    if (argc == 1)
        return loopback();
    if (argc == 2)
        return remote(argv[1]);
    fprintf(stderr, "usage: tcp_info [ADDRESS]\n");
    return 2;
}
