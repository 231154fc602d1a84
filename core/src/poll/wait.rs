//! [`wait_ready`]: waiting for one descriptor against a deadline on the
//! monotonic clock, which the time-out calls share.

use super::{PollFd, PollFlags};
use crate::errno::{Errno, Result};
use crate::fd::RawFd;
use crate::sys;

/// Waits until `fd` reports one of `events` (or an error or hang-up), retrying
/// `EINTR` against a fixed deadline. `timeout_ms < 0` waits for ever.
///
/// Returns the events reported; errors: `ETIMEDOUT` when the time passes,
/// `EBADF` at once for a negative `fd` (such as an error code stored in it
/// by mistake), which `poll(2)` would skip and wait out the time-out (or,
/// with none, never return); `POLLNVAL` in the result for a descriptor that
/// is not open.
#[inline]
pub fn wait_ready(fd: RawFd, events: PollFlags, timeout_ms: i32) -> Result<PollFlags> {
    wait_until(fd, events, Deadline::after(timeout_ms))
}

/// [`wait_ready`] against a deadline already running. Out of line: every
/// time-out call shares this one copy of the loop, and so the check of a
/// negative descriptor.
#[inline(never)]
pub(crate) fn wait_until(fd: RawFd, events: PollFlags, deadline: Deadline) -> Result<PollFlags> {
    if fd < 0 {
        return Err(Errno::EBADF);
    }
    loop {
        let remaining = deadline.remaining();
        let mut entry = [PollFd::new(fd, events)];
        match sys::poll(&mut entry, remaining) {
            Ok(0) if remaining == 0 => return Err(Errno::ETIMEDOUT),
            Ok(0) => continue,
            Ok(_) => return Ok(entry[0].revents()),
            Err(Errno::EINTR) => continue,
            Err(e) => return Err(e),
        }
    }
}

/// A point on the monotonic clock that a wait must not pass, or none (wait
/// for ever). Signals and retries do not move it, so they cannot stretch
/// a time-out.
#[derive(Clone, Copy)]
pub(crate) struct Deadline(Option<i64>);

impl Deadline {
    /// `timeout_ms` from now; none for a negative time-out. Out of line,
    /// as is everything about the clock here: the time-out calls are not on
    /// a hot path, and inlined copies of the clock arithmetic cost about a
    /// hundred bytes each.
    #[inline(never)]
    pub(crate) fn after(timeout_ms: i32) -> Deadline {
        // The clock reads whole milliseconds, rounded down, here and in
        // `remaining`: now + timeout could pass up to 1 ms early, so a
        // positive time-out gets one more (a zero one still checks at once).
        let at_least = i64::from(timeout_ms) + i64::from(timeout_ms > 0);
        Deadline((timeout_ms >= 0).then(|| now_ms().saturating_add(at_least)))
    }

    /// What is left, as a `poll` time-out: `-1` for none, 0 once passed.
    #[inline(never)]
    pub(crate) fn remaining(self) -> i32 {
        match self.0 {
            None => -1,
            Some(at) => {
                let left = at.saturating_sub(now_ms()).max(0);
                i32::try_from(left).unwrap_or(i32::MAX)
            }
        }
    }
}

/// The monotonic clock in milliseconds, one copy for [`Deadline`].
#[inline(never)]
fn now_ms() -> i64 {
    sys::monotonic_ms()
}
