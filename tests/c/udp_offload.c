/*
 * udp_offload.c: UDP segmentation offload through the C ABI, each case an
 * exact result (case_harness.h): 64 MiB checksummed through
 * sc_udp_offload_send and sc_udp_offload_recv over IPv4 and IPv6 (4 MiB
 * under valgrind) and 8 MiB through the stateless sc_send_segments and
 * sc_recv_segments; a short last segment; 200 datagrams in one call; the
 * fallback to sendmmsg turned on (SC_UDP_OFFLOAD_NO_GSO) and forced by the
 * kernel (SO_NO_CHECK), with the datagrams on the wire identical; runs into
 * a buffer too small; a sc_recvmmsg batch whose every message has its own
 * control buffer and so its own segment size; and the options.
 */
#define _GNU_SOURCE /* struct mmsghdr, SO_RCVBUFFORCE */

#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/uio.h>

#include "case_harness.h"

enum {
    MIB = 1 << 20,
    SEGMENT = 1200,
    WAIT_MS = 2000,
    /* How long a receiver waits before it counts nothing more coming. */
    QUIET_MS = 200,
    /* 200 datagrams of 1,200 bytes and one of 17: four offloaded calls. */
    FALLBACK_LEN = 240017,
    MAX_DATAGRAMS = 512,
};

static unsigned char out[MIB], in[SC_UDP_GRO_BUFFER];

/* The first len bytes of the stream for seed: xorshift, a word at a time. */
static void fill(unsigned char *buf, size_t len, uint64_t seed)
{
    uint64_t state = seed * 0x9e3779b97f4a7c15u | 1;
    size_t i;

    for (i = 0; i < len; i++) {
        if (i % 8 == 0) {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
        }
        buf[i] = (unsigned char)(state >> (8 * (i % 8)));
    }
}

/* The 64-bit FNV-1a checksum sum, with len bytes more. */
static uint64_t fnv(uint64_t sum, const unsigned char *bytes, size_t len)
{
    size_t i;

    for (i = 0; i < len; i++)
        sum = (sum ^ bytes[i]) * 0x100000001b3u;
    return sum;
}

#define FNV_START 0xcbf29ce484222325u

/* A UDP socket bound to text, with UDP_GRO as gro says and a receive buffer
 * that holds a test's worth of datagrams; *bound gets its address. */
static int receiver(const char *text, int gro, sc_addr *bound)
{
    int buffer = 16 * MIB, fd;

    MUST(sc_addr_parse(bound, text));
    fd = (int)MUST(sc_socket(sc_addr_family(bound), SOCK_DGRAM, 0));
    MUST(sc_bind(fd, bound));
    MUST(sc_local_addr(fd, bound));
    MUST(sc_set_udp_gro(fd, gro));
    MUST(sc_setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &buffer, sizeof buffer));
    return fd;
}

/* A socket to send to `to` from. */
static int sender(const sc_addr *to)
{
    return (int)MUST(sc_socket(sc_addr_family(to), SOCK_DGRAM, 0));
}

/* total bytes in 1 MiB calls of SEGMENT-byte datagrams from a sender to a
 * receiver with UDP_GRO, each MiB received before the next goes: through
 * an sc_udp_offload each, or through the stateless calls. */
static void bulk(const char *text, size_t total, int stateless)
{
    sc_addr to, from;
    sc_udp_offload tx_state, rx_state;
    uint64_t sent_sum = FNV_START, got_sum = FNV_START;
    size_t call, datagrams = 0, runs = 0, wrong = 0, segment;
    int rx = receiver(text, 1, &to), tx = sender(&to);

    MUST(sc_udp_offload_init(&tx_state, tx, 0));
    MUST(sc_udp_offload_init(&rx_state, rx, 0));
    CASE(sc_udp_offload_gso(&tx_state), SC_GSO_UNTRIED);
    for (call = 0; call < total / MIB; call++) {
        size_t done = 0;
        ssize_t n;

        fill(out, MIB, call + 1);
        sent_sum = fnv(sent_sum, out, MIB);
        n = stateless ? sc_send_segments(tx, out, MIB, SEGMENT, 0, &to)
                      : sc_udp_offload_send(&tx_state, out, MIB, SEGMENT, 0, &to);
        if (n != MIB) {
            expect("a 1 MiB send", n, MIB);
            break;
        }
        /* Each pass takes at least one byte or ends the loop. */
        while (done < MIB) {
            const void *data;
            size_t len, offset;
            sc_segments it;

            if (sc_wait_ready(rx, POLLIN, WAIT_MS) < 0)
                break;
            n = stateless ? sc_recv_segments(rx, in, sizeof in, 0, &from, &segment)
                          : sc_udp_offload_recv(&rx_state, in, sizeof in, 0, &from, &segment);
            if (n <= 0 || (size_t)n > MIB - done) {
                expect("a run", n, SEGMENT);
                break;
            }
            wrong += segment != SEGMENT || sc_addr_port(&from) <= 0;
            wrong += memcmp(in, out + done, (size_t)n) != 0;
            MUST(sc_segments_init(&it, in, (size_t)n, segment));
            while (sc_segments_next(&it, &data, &len) == 1) {
                offset = done + (size_t)((const unsigned char *)data - in);
                /* Only a call's last datagram may be shorter. */
                wrong += len != SEGMENT && offset + len != MIB;
                datagrams++;
            }
            got_sum = fnv(got_sum, in, (size_t)n);
            done += (size_t)n;
            runs++;
        }
        if (done != MIB) {
            expect("bytes of a 1 MiB call received", (long)done, MIB);
            break;
        }
    }
    CASE(wrong, 0);
    CASE(datagrams, total / MIB * ((MIB + SEGMENT - 1) / SEGMENT));
    CHECK(runs < datagrams / 10);
    CHECK(got_sum == sent_sum);
    if (!stateless) {
        CASE(sc_udp_offload_gso(&tx_state), SC_GSO_OFFLOADED);
        /* With no sender asked for: the run and its segment size alone. */
        CASE(sc_udp_offload_send(&tx_state, out, 3 * SEGMENT, SEGMENT, 0, &to), 3 * SEGMENT);
        CHECK(sc_wait_ready(rx, POLLIN, WAIT_MS) > 0);
        segment = 0;
        CASE(sc_udp_offload_recv(&rx_state, in, sizeof in, 0, NULL, &segment), 3 * SEGMENT);
        CASE(segment, SEGMENT);
        CHECK(memcmp(in, out, 3 * SEGMENT) == 0);
    }
    printf("%zu MiB over %s (%s): %zu datagrams in %zu receives, checksum %016llx\n",
           total / MIB, text, stateless ? "sc_send_segments" : "sc_udp_offload_send", datagrams,
           runs, (unsigned long long)got_sum);
    sc_close(tx);
    sc_close(rx);
}

/* What a receiver without UDP_GRO got, datagram by datagram. */
struct wire {
    size_t count, bytes;
    size_t lens[MAX_DATAGRAMS];
    uint64_t sum;
};

/* Every datagram queued on rx until none comes for QUIET_MS. */
static void drain(int rx, struct wire *w)
{
    memset(w, 0, sizeof *w);
    w->sum = FNV_START;
    while (w->count < MAX_DATAGRAMS && sc_wait_ready(rx, POLLIN, QUIET_MS) > 0) {
        ssize_t n = sc_recv(rx, in, sizeof in, SC_MSG_DONTWAIT);

        if (n < 0)
            break;
        w->lens[w->count++] = (size_t)n;
        w->bytes += (size_t)n;
        w->sum = fnv(w->sum, in, (size_t)n);
    }
}

/* FALLBACK_LEN bytes of SEGMENT-byte datagrams, sent as `how` says: the
 * datagrams a fresh receiver got, and the sender's state after. */
static int send_and_drain(int how, struct wire *w)
{
    enum { SEND_OFFLOADED, SEND_NO_GSO, SEND_NO_CHECK };
    sc_addr to;
    sc_udp_offload state;
    int rx = receiver("127.0.0.1:0", 0, &to), tx = sender(&to), on = 1, gso;

    if (how == SEND_NO_CHECK)
        MUST(sc_setsockopt(tx, SOL_SOCKET, SO_NO_CHECK, &on, sizeof on));
    MUST(sc_udp_offload_init(&state, tx, how == SEND_NO_GSO ? SC_UDP_OFFLOAD_NO_GSO : 0));
    fill(out, FALLBACK_LEN, 99);
    CASE(sc_udp_offload_send(&state, out, FALLBACK_LEN, SEGMENT, 0, &to), FALLBACK_LEN);
    gso = sc_udp_offload_gso(&state);
    drain(rx, w);
    sc_close(tx);
    sc_close(rx);
    return gso;
}

static void fallback_identical(void)
{
    static struct wire offloaded, refused;

    CASE(send_and_drain(0, &offloaded), SC_GSO_OFFLOADED);
    CASE(offloaded.count, 201);
    CASE(offloaded.lens[200], 17);
    /* Turned off, then refused by the kernel (EINVAL: checksums off). */
    CASE(send_and_drain(1, &refused), SC_GSO_REFUSED);
    CHECK(memcmp(&refused, &offloaded, sizeof refused) == 0);
    CASE(send_and_drain(2, &refused), SC_GSO_REFUSED);
    CHECK(memcmp(&refused, &offloaded, sizeof refused) == 0);
}

static void short_last_and_many(void)
{
    static struct wire w;
    sc_addr to;
    size_t segment, len, count = 0, i;
    const void *data;
    sc_segments it;
    int rx = receiver("[::1]:0", 0, &to), tx = sender(&to);

    fill(out, 20000, 5);
    /* 200 datagrams of 100 bytes: four system calls of 64, 64, 64, 8. */
    CASE(sc_send_segments(tx, out, 20000, 100, 0, &to), 20000);
    drain(rx, &w);
    CASE(w.count, 200);
    for (i = 0; i < w.count; i++)
        count += w.lens[i] == 100;
    CASE(count, 200);
    CHECK(w.sum == fnv(FNV_START, out, 20000));
    /* 10 datagrams of 1,200 and one of 1 byte. */
    CASE(sc_send_segments(tx, out, 12001, SEGMENT, 0, &to), 12001);
    drain(rx, &w);
    CASE(w.count, 11);
    CASE(w.lens[10], 1);
    sc_close(rx);

    /* The same as one coalesced run. */
    rx = receiver("[::1]:0", 1, &to);
    CASE(sc_send_segments(tx, out, 12001, SEGMENT, 0, &to), 12001);
    CASE(sc_wait_ready(rx, POLLIN, WAIT_MS), POLLIN);
    CASE(sc_recv_segments(rx, in, sizeof in, 0, NULL, &segment), 12001);
    CASE(segment, SEGMENT);
    CHECK(memcmp(in, out, 12001) == 0);
    CASE(sc_segments_init(&it, in, 12001, segment), 0);
    count = 0;
    while (sc_segments_next(&it, &data, &len) == 1)
        count++;
    CASE(count, 11);
    CASE(len, 1);
    CHECK(data == in + 12000);
    CASE(sc_segments_next(&it, &data, &len), 0);
    sc_close(rx);
    sc_close(tx);
}

static void small_buffers(void)
{
    sc_addr to;
    size_t segment = 0;
    int rx = receiver("127.0.0.1:0", 1, &to), tx = sender(&to), i;

    for (i = 0; i < 3; i++) {
        fill(out + i * 64800, 64800, (uint64_t)i + 10);
        CASE(sc_send_segments(tx, out + i * 64800, 64800, SEGMENT, 0, &to), 64800);
    }
    /* Cut: the start in the buffer, the rest gone, and said so. */
    CASE(sc_recv_segments(rx, in, 16384, 0, NULL, &segment), -EMSGSIZE);
    CASE(segment, 0);
    CHECK(memcmp(in, out, 16384) == 0);
    CASE(sc_recv_segments(rx, in, sizeof in, 0, NULL, &segment), 64800);
    CHECK(memcmp(in, out + 64800, 64800) == 0);
    /* With SC_MSG_TRUNC, the caller's choice: the whole length. */
    CASE(sc_recv_segments(rx, in, 16384, SC_MSG_TRUNC, NULL, &segment), 64800);
    CASE(segment, SEGMENT);
    CASE(sc_wait_ready(rx, POLLIN, 50), -ETIMEDOUT);
    sc_close(rx);
    sc_close(tx);
}

/* The segment size in a message's UDP_GRO control message, through the
 * typed reader; 0 when there is none. */
static size_t gro_segment(struct msghdr *msg)
{
    size_t segment = 0;

    return sc_cmsg_get_udp_gro(msg, &segment) == 0 ? segment : 0;
}

/* Four runs of 40 datagrams, of four segment sizes, in one sc_recvmmsg. */
static void batch(int with_control)
{
    static const size_t segments[4] = {1200, 1000, 500, 1350};
    static unsigned char bufs[4][SC_UDP_GRO_BUFFER];
    union {
        char buf[SC_CMSG_SPACE_UDP_GRO];
        size_t align; /* as a struct cmsghdr (an array of unions holding
                       * one would be one of flexible array members) */
    } control[4];
    struct mmsghdr msgs[4];
    struct iovec iov[4];
    sc_addr to;
    int rx = receiver("127.0.0.1:0", 1, &to), tx = sender(&to), i;

    for (i = 0; i < 4; i++) {
        fill(out, 40 * segments[i], segments[i]);
        CASE(sc_send_segments(tx, out, 40 * segments[i], segments[i], 0, &to),
             40 * segments[i]);
        iov[i].iov_base = bufs[i];
        iov[i].iov_len = sizeof bufs[i];
        memset(&msgs[i], 0, sizeof msgs[i]);
        msgs[i].msg_hdr.msg_iov = &iov[i];
        msgs[i].msg_hdr.msg_iovlen = 1;
        if (with_control) {
            msgs[i].msg_hdr.msg_control = control[i].buf;
            msgs[i].msg_hdr.msg_controllen = sizeof control[i].buf;
        }
    }
    CASE(sc_recvmmsg(rx, msgs, 4, SC_MSG_DONTWAIT, -1), 4);
    for (i = 0; i < 4; i++) {
        const void *data;
        size_t len, count = 0;
        sc_segments it;

        CASE(msgs[i].msg_len, 40 * segments[i]);
        if (!with_control) {
            /* The kernel drops every run's segment size, and says so. */
            size_t segment = 0;

            CASE(msgs[i].msg_hdr.msg_flags & SC_MSG_CTRUNC, SC_MSG_CTRUNC);
            CASE(sc_cmsg_get_udp_gro(&msgs[i].msg_hdr, &segment), -ENOBUFS);
            continue;
        }
        CASE(msgs[i].msg_hdr.msg_flags, 0);
        CASE(gro_segment(&msgs[i].msg_hdr), segments[i]);
        CASE(sc_segments_init(&it, bufs[i], msgs[i].msg_len, gro_segment(&msgs[i].msg_hdr)), 0);
        while (sc_segments_next(&it, &data, &len) == 1)
            count += len == segments[i];
        CASE(count, 40);
    }
    sc_close(rx);
    sc_close(tx);
}

static void options(void)
{
    static struct wire w;
    sc_addr to;
    int rx = receiver("127.0.0.1:0", 0, &to), tx = sender(&to);

    CASE(sc_get_udp_gro(rx), 0);
    CASE(sc_set_udp_gro(rx, 7), 0);
    CASE(sc_get_udp_gro(rx), 1);
    CASE(sc_set_udp_gro(rx, 0), 0);
    CASE(sc_get_udp_segment(tx), 0);
    CASE(sc_set_udp_segment(tx, SEGMENT), 0);
    CASE(sc_get_udp_segment(tx), SEGMENT);
    /* Every plain send is now segmented by the kernel. */
    CASE(sc_sendto(tx, out, 12000, 0, &to), 12000);
    drain(rx, &w);
    CASE(w.count, 10);
    CASE(sc_set_udp_segment(tx, -1), -EINVAL);
    CASE(sc_set_udp_segment(tx, 65536), -EINVAL);
    CASE(sc_get_udp_segment(tx), SEGMENT);
    CASE(sc_set_udp_segment(tx, 0), 0);
    /* The offload calls never leave it set. */
    CASE(sc_send_segments(tx, out, 12000, SEGMENT, 0, &to), 12000);
    CASE(sc_get_udp_segment(tx), 0);
    sc_close(rx);
    sc_close(tx);
}

int main(void)
{
    size_t total = RUNNING_ON_VALGRIND ? 4 * (size_t)MIB : 64 * (size_t)MIB;

    setvbuf(stdout, NULL, _IOLBF, 0);
    if (RUNNING_ON_VALGRIND)
        printf("under valgrind: 4 MiB each way instead of 64\n");
    bulk("127.0.0.1:0", total, 0);
    bulk("[::1]:0", total, 0);
    bulk("127.0.0.1:0", total < 8 * (size_t)MIB ? total : 8 * (size_t)MIB, 1);
    fallback_identical();
    short_last_and_many();
    small_buffers();
    batch(1);
    batch(0);
    options();
    return summary();
}
