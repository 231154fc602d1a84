//! Running a workload's two ends on two threads released together, timing
//! one of them and counting the heap allocations both make meanwhile: the
//! Rust counterpart of `run_pair` in `c/harness.c`.

use std::sync::Barrier;
use std::thread;
use std::time::{Duration, Instant};

use crate::alloc_count::allocations;

/// When the measured end ran, and the CPU time and heap allocations both
/// ends used meanwhile.
pub struct Timing {
    pub start: Instant,
    pub end: Instant,
    pub cpu: Duration,
    pub allocs: u64,
}

/// Runs `peer` on a second thread and `body` on this one, both released
/// together; `body` is what is timed. Returns the timing and both results.
pub fn run_pair<P: Send, B>(
    peer: impl FnOnce() -> P + Send,
    body: impl FnOnce() -> B,
) -> (Timing, P, B) {
    let barrier = Barrier::new(2);
    thread::scope(|scope| {
        let peer = scope.spawn(|| {
            barrier.wait();
            peer()
        });
        barrier.wait();
        let (timing, body) = timed(body);
        let peer = peer.join().expect("the peer thread panicked");
        (timing, peer, body)
    })
}

/// Runs `body` alone on this thread, timed.
pub fn timed<B>(body: impl FnOnce() -> B) -> (Timing, B) {
    let before = allocations();
    let cpu = process_cpu_time();
    let start = Instant::now();
    let result = body();
    let end = Instant::now();
    let cpu = process_cpu_time().saturating_sub(cpu);
    let allocs = allocations() - before;
    (
        Timing {
            start,
            end,
            cpu,
            allocs,
        },
        result,
    )
}

/// CPU time used so far by all threads of this process.
fn process_cpu_time() -> Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: ts is a live timespec for the kernel to fill.
    unsafe { libc::clock_gettime(libc::CLOCK_PROCESS_CPUTIME_ID, &mut ts) };
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}
