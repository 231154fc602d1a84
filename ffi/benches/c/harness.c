#define _GNU_SOURCE
#include "harness.h"

#include <dlfcn.h>
#include <limits.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <time.h>

static uint64_t clock_nanos(clockid_t clock) {
    struct timespec ts;
    clock_gettime(clock, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

uint64_t now_nanos(void) {
    return clock_nanos(CLOCK_MONOTONIC);
}

typedef uint64_t (*counter_fn)(void);

/* The preloaded counter's query, looked up at run time so that the same
 * binary runs with or without it; NULL without it. */
static counter_fn alloc_counter(void) {
    return (counter_fn)dlsym(RTLD_DEFAULT, "bench_alloc_count");
}

_Noreturn void fail(const char *what, long long ret) {
    fprintf(stderr, "%s: returned %lld\n", what, ret);
    exit(1);
}

void set_timeouts(int fd, int millis) {
    struct timeval tv = {.tv_sec = millis / 1000, .tv_usec = (millis % 1000) * 1000};
    if (setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv) < 0 ||
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv) < 0)
        fail("setsockopt(SO_RCVTIMEO/SO_SNDTIMEO)", -1);
}

void set_nodelay(int fd) {
    int on = 1;
    if (setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on) < 0)
        fail("setsockopt(TCP_NODELAY)", -1);
}

void set_receive_buffer(int fd, uint64_t bytes) {
    /* The kernel doubles what it is given (socket(7): room for bookkeeping)
     * and holds the queued datagrams' truesize to the doubled size, which
     * SO_RCVBUF reads back; it takes at most INT_MAX / 2. */
    uint64_t half = bytes / 2 + bytes % 2;
    int value = half > INT_MAX / 2 ? INT_MAX / 2 : (int)half;
    if (setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &value, sizeof value) < 0 &&
        setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &value, sizeof value) < 0)
        fail("setsockopt(SO_RCVBUFFORCE/SO_RCVBUF)", -1);
}

struct start {
    pthread_barrier_t barrier;
    void *(*peer)(void *);
    void *peer_arg;
};

static void *start_peer(void *arg) {
    struct start *s = arg;
    pthread_barrier_wait(&s->barrier);
    return s->peer(s->peer_arg);
}

void run_pair(void *(*peer)(void *), void *peer_arg, void (*body)(void *), void *body_arg,
              struct timing *t) {
    counter_fn count = alloc_counter();
    struct start s = {.peer = peer, .peer_arg = peer_arg};
    pthread_t thread;
    if (peer) {
        if (pthread_barrier_init(&s.barrier, NULL, 2) != 0)
            fail("pthread_barrier_init", -1);
        if (pthread_create(&thread, NULL, start_peer, &s) != 0)
            fail("pthread_create", -1);
        pthread_barrier_wait(&s.barrier);
    }
    uint64_t before = count ? count() : 0;
    uint64_t cpu = clock_nanos(CLOCK_PROCESS_CPUTIME_ID);
    t->start = now_nanos();
    body(body_arg);
    t->end = now_nanos();
    t->cpu_nanos = clock_nanos(CLOCK_PROCESS_CPUTIME_ID) - cpu;
    t->allocs = count ? (int64_t)(count() - before) : -1;
    if (peer) {
        if (pthread_join(thread, NULL) != 0)
            fail("pthread_join", -1);
        pthread_barrier_destroy(&s.barrier);
    }
}

struct report timed_report(const struct timing *t, uint64_t end, uint64_t ops, uint64_t bytes,
                           uint64_t lost) {
    return (struct report){.ops = ops, .bytes = bytes, .lost = lost, .nanos = end - t->start,
                           .cpu_nanos = t->cpu_nanos, .allocs = t->allocs};
}

void print_report(const struct report *r) {
    printf("ops=%llu bytes=%llu lost=%llu nanos=%llu cpu_nanos=%llu allocs=%lld\n",
           (unsigned long long)r->ops, (unsigned long long)r->bytes, (unsigned long long)r->lost,
           (unsigned long long)r->nanos, (unsigned long long)r->cpu_nanos, (long long)r->allocs);
}
