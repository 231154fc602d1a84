/*
 * zerocopy_send.c: sends data with MSG_ZEROCOPY to a peer over loopback
 * and reuses each buffer only once the kernel says it is done with it.
 *
 *     zerocopy_send [ADDRESS [MIB]]     default 127.0.0.1:0 and 4 MiB
 *
 * The program listens on ADDRESS, connects to itself, and sends MIB
 * mebibytes from a few 64 KiB buffers in turn, non-blocking, with
 * SC_MSG_ZEROCOPY after sc_set_zerocopy. One poll loop does the rest:
 *
 *   - the sender writes while a buffer is free. A zero-copy send returns
 *     while the kernel may still read the buffer, so a buffer is refilled
 *     only after completions covered every send made from it;
 *   - completions raise POLLERR on the sender with no error pending
 *     (sc_take_error is 0): sc_zerocopy_completions reads them as ranges
 *     of send numbers (each zero-copy send that moved a byte takes the next
 *     number, from 0), printed with whether the kernel copied after all;
 *   - the receiving end reads and checks every byte.
 *
 * Over loopback the kernel always copies (and says so): zero-copy pays on
 * a real network device, for large sends. A kernel without SO_ZEROCOPY
 * (before Linux 4.14) gets plain sends.
 */
#include <poll.h>
#include <stdint.h>

#include "example.h"

#define SLOTS 4
#define SLOT_SIZE (64 * 1024)
#define WAIT_MS 5000

/* A buffer and the zero-copy sends made from it that have not completed:
 * numbers first..last, outstanding of them. Its sends are consecutive,
 * since a buffer is sent whole before the next one starts. */
struct slot {
    unsigned char bytes[SLOT_SIZE];
    size_t len;
    uint32_t first, last, outstanding;
};

static struct slot slots[SLOTS];

/* The byte at offset `at` of the stream, which the receiver checks. */
static unsigned char stream_byte(uint64_t at)
{
    return (unsigned char)(at ^ (at >> 8) ^ (at >> 16) ^ 0x5a);
}

/* Whether send n is in range r, across the wrap at 2^32. */
static int covers(const sc_zerocopy_range *r, uint32_t n)
{
    return (uint32_t)(n - r->first) <= (uint32_t)(r->last - r->first);
}

struct totals {
    uint32_t sends;     /* zero-copy sends made: numbers 0..sends-1 */
    uint64_t completed; /* sends the completions covered */
    unsigned ranges, copied;
};

/* Reads every completion waiting and frees what they cover. */
static void read_completions(int fd, struct totals *t)
{
    sc_zerocopy_range ranges[16];
    int stored, i, s;
    uint32_t n;

    while ((stored = (int)check("sender", "sc_zerocopy_completions",
                                sc_zerocopy_completions(fd, ranges, 16))) > 0) {
        for (i = 0; i < stored; i++) {
            const sc_zerocopy_range *r = &ranges[i];
            uint64_t len = (uint64_t)(uint32_t)(r->last - r->first) + 1;
            uint64_t freed = 0;

            printf("sender: completion: sends %u to %u, %s\n", (unsigned)r->first,
                   (unsigned)r->last, r->copied ? "copied by the kernel" : "zero-copy");
            /* Each send is covered exactly once, so the sends of a buffer
             * this range covers are that many fewer outstanding. */
            for (s = 0; s < SLOTS; s++) {
                struct slot *slot = &slots[s];

                for (n = slot->first; slot->outstanding > 0; n++) {
                    if (covers(r, n)) {
                        slot->outstanding--;
                        freed++;
                    }
                    if (n == slot->last)
                        break;
                }
            }
            if (freed != len) {
                fprintf(stderr, "sender: a completion for sends that were not waiting\n");
                exit(1);
            }
            t->completed += len;
            t->ranges++;
            t->copied += r->copied != 0;
        }
    }
}

int main(int argc, char **argv)
{
    const char *address = argc > 1 ? argv[1] : "127.0.0.1:0";
    long mib = count_arg("zerocopy_send", argc, argv, 2);
    uint64_t total = (uint64_t)(mib < 0 ? 4 : mib) * 1024 * 1024, sent = 0, received = 0;
    char text[SC_ADDR_STRLEN];
    static unsigned char in[SLOT_SIZE];
    struct totals t = {0, 0, 0, 0};
    int listener, sender, receiver, zerocopy, flags, round, cur = 0, said_pollerr = 0;
    size_t cur_off = 0;
    sc_addr bound;

    setvbuf(stdout, NULL, _IOLBF, 0);
    if (argc > 3) {
        fputs("usage: zerocopy_send [ADDRESS [MIB]]\n", stderr);
        return 2;
    }
    listener = (int)check("main", "sc_listen_on", sc_listen_on(address, 1));
    check("main", "sc_local_addr", sc_local_addr(listener, &bound));
    sender = (int)check("sender", "sc_dial", sc_dial(addr_text("main", &bound, text), WAIT_MS));
    receiver = (int)check("receiver", "sc_accept", sc_accept(listener, NULL, SC_NONBLOCK));
    check("sender", "sc_set_nonblocking", sc_set_nonblocking(sender, 1));
    printf("main: connected over %s\n", text);

    zerocopy = sc_set_zerocopy(sender, 1) == 0;
    flags = zerocopy ? SC_MSG_ZEROCOPY : 0;
    printf("sender: SO_ZEROCOPY %s\n", zerocopy ? "on" : "refused: plain sends");

    for (round = 0; received < total || t.completed < t.sends; round++) {
        struct pollfd fds[2];
        struct slot *slot = &slots[cur];
        /* A buffer is sent whole, and refilled once its sends completed. */
        int want_out = sent < total && (cur_off > 0 || slot->outstanding == 0);

        if (round == 1000000) {
            fprintf(stderr, "main: no end after %d rounds\n", round);
            return 1;
        }
        fds[0].fd = sender;
        fds[0].events = want_out ? POLLOUT : 0; /* POLLERR comes unasked */
        fds[1].fd = receiver;
        fds[1].events = received < total ? POLLIN : 0;
        if (check("main", "sc_poll", sc_poll(fds, 2, WAIT_MS)) == 0) {
            fprintf(stderr, "main: nothing happened for %d ms\n", WAIT_MS);
            return 1;
        }

        if (fds[0].revents & POLLERR) {
            int pending = sc_take_error(sender);

            if (pending != 0)
                fail("sender", "the connection", pending);
            if (!said_pollerr++)
                printf("sender: POLLERR with sc_take_error 0: completions are waiting\n");
            read_completions(sender, &t);
        }

        if (fds[0].revents & POLLOUT) {
            ssize_t n;

            if (cur_off == 0) {
                /* A free buffer: fill it with the stream's next bytes. */
                uint64_t left = total - sent;
                size_t i;

                slot->len = left < SLOT_SIZE ? (size_t)left : SLOT_SIZE;
                for (i = 0; i < slot->len; i++)
                    slot->bytes[i] = stream_byte(sent + i);
            }
            n = sc_send(sender, slot->bytes + cur_off, slot->len - cur_off, flags);
            if (n == -ENOBUFS && zerocopy) {
                /* Too many completions unread (net.core.optmem_max): read
                 * them; the loop sends again. A failed send takes no number. */
                read_completions(sender, &t);
            } else if (n != -EAGAIN) {
                check("sender", "sc_send", n);
                if (zerocopy) {
                    slot->last = t.sends++;
                    slot->outstanding++;
                    if (cur_off == 0)
                        slot->first = slot->last;
                }
                sent += (uint64_t)n;
                cur_off += (size_t)n;
                if (cur_off == slot->len) {
                    cur = (cur + 1) % SLOTS;
                    cur_off = 0;
                }
            }
        }

        if (fds[1].revents & (POLLIN | POLLHUP)) {
            ssize_t n = sc_read(receiver, in, sizeof in);
            ssize_t i;

            if (n != -EAGAIN && check("receiver", "sc_read", n) == 0) {
                fprintf(stderr, "receiver: the stream ended early\n");
                return 1;
            }
            for (i = 0; i < n; i++)
                if (in[i] != stream_byte(received + (uint64_t)i)) {
                    fprintf(stderr, "receiver: byte %llu differs\n",
                            (unsigned long long)(received + (uint64_t)i));
                    return 1;
                }
            if (n > 0)
                received += (uint64_t)n;
        }
    }

    printf("receiver: %llu bytes, every one as sent\n", (unsigned long long)received);
    if (zerocopy)
        printf("sender: %u zero-copy sends, each completed once, in %u ranges, %u of them "
               "copied%s\n",
               (unsigned)t.sends, t.ranges, t.copied,
               t.copied ? " (a plain send would have been cheaper)" : "");
    sc_close(sender);
    sc_close(receiver);
    sc_close(listener);
    return 0;
}
