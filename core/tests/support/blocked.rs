//! Knowing that another thread is blocked in a system call, rather than
//! guessing with a sleep: its `/proc/thread-self` id, and the kernel
//! function it waits in (`/proc/self/task/<tid>/wchan`).

use std::time::{Duration, Instant};

/// How long a thread may take to reach the call.
const WITHIN: Duration = Duration::from_secs(5);

/// The calling thread's kernel id.
pub fn thread_id() -> libc::pid_t {
    // SAFETY: gettid has no preconditions.
    unsafe { libc::gettid() }
}

/// Returns once thread `tid` of this process waits in the kernel function
/// `wchan` (`do_epoll_wait`, …); fails the test after five seconds.
pub fn wait_until_blocked_in(tid: libc::pid_t, wchan: &str) {
    let path = format!("/proc/self/task/{tid}/wchan");
    let start = Instant::now();
    loop {
        let now = std::fs::read_to_string(&path).unwrap_or_default();
        if now == wchan {
            return;
        }
        assert!(
            start.elapsed() < WITHIN,
            "thread {tid} is not blocked in {wchan} (it is in {now:?})"
        );
        std::thread::yield_now();
    }
}
