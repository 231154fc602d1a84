/*
 * What every C implementation of the benchmark shares: the clock, the
 * report line the driver parses, the allocation counter, failing loudly,
 * and running a workload's two ends on two threads released together.
 */
#ifndef BENCH_HARNESS_H
#define BENCH_HARNESS_H

#include <stdint.h>

/* One measurement, printed as the single line the driver reads (compare/report.rs). */
struct report {
    uint64_t ops;     /* operations completed (round trips, 64 KiB chunks, cycles, datagrams) */
    uint64_t bytes;   /* payload bytes received, both ends together */
    uint64_t lost;    /* datagrams sent but never received */
    uint64_t nanos;     /* time the measured loop took */
    uint64_t cpu_nanos; /* CPU time both threads used meanwhile */
    int64_t allocs;     /* heap allocations during the loop; -1 without the counter */
};

/* Nanoseconds on CLOCK_MONOTONIC. */
uint64_t now_nanos(void);

/* Prints `what` and the error (a -errno return, or a wrong count) and exits. */
_Noreturn void fail(const char *what, long long ret);

/* Socket options every implementation sets up the same way, outside the
 * measured loop: time-outs so that a stuck peer fails the run instead of
 * hanging it, and TCP_NODELAY for request/response traffic. */
void set_timeouts(int fd, int millis);
void set_nodelay(int fd);

/* A receive buffer of at least `bytes` (up to the kernel's INT_MAX cap), so
 * that a UDP receiver can queue a whole run: SO_RCVBUFFORCE, which root may
 * set past net.core.rmem_max; without CAP_NET_ADMIN, SO_RCVBUF, which the
 * kernel caps at rmem_max (the report's `lost` then shows the cost). */
void set_receive_buffer(int fd, uint64_t bytes);

/* When the measured loop ran, the CPU time and the heap allocations both
 * threads used meanwhile (-1 allocations when the LD_PRELOAD counter,
 * alloc_counter.c, is not loaded). */
struct timing {
    uint64_t start;
    uint64_t end;
    uint64_t cpu_nanos;
    int64_t allocs;
};

/* The two ends of a workload: `peer` runs on a second thread, `body` on this
 * one; both are released together, and `body` is what is timed. A NULL
 * `peer` runs `body` alone. */
void run_pair(void *(*peer)(void *), void *peer_arg, void (*body)(void *), void *body_arg,
              struct timing *t);

/* The report of a run timed by `t` that ended at `end` (t->end, unless the
 * workload knows better). */
struct report timed_report(const struct timing *t, uint64_t end, uint64_t ops, uint64_t bytes,
                           uint64_t lost);

void print_report(const struct report *r);

#endif
