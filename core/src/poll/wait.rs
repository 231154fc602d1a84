//! Waiting against a [`Deadline`]: [`wait_ready`] for one descriptor, and
//! the rounds of `poll(2)` that the time-out calls share.

use core::time::Duration;

use super::deadline::Deadline;
use super::{PollFd, PollFlags};
use crate::errno::{Errno, Result};
use crate::fd::RawFd;
use crate::sys;

/// Waits until `fd` reports one of `events` (or an error or hang-up),
/// retrying `EINTR` against a deadline fixed at the call: `timeout` from
/// now, `None` for ever (see [the convention](crate::poll#time-outs)).
///
/// Returns the events reported; errors: `ETIMEDOUT` when the time passes,
/// `EBADF` at once for a negative `fd` (such as an error code stored in it
/// by mistake), which `poll(2)` would skip and wait out the time-out (or,
/// with none, never return); `POLLNVAL` in the result for a descriptor that
/// is not open.
///
/// # References
///
/// [`poll(2)`](https://man7.org/linux/man-pages/man2/poll.2.html)
#[doc(alias("sc_wait_ready", "poll"))]
#[inline]
pub fn wait_ready(fd: RawFd, events: PollFlags, timeout: Option<Duration>) -> Result<PollFlags> {
    wait_until(fd, events, Deadline::after(timeout))
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
        let mut entry = [PollFd::new(fd, events)];
        match poll_until(&mut entry, deadline) {
            Ok(0) => return Err(Errno::ETIMEDOUT),
            Ok(_) => return Ok(entry[0].revents()),
            Err(Errno::EINTR) => continue,
            Err(e) => return Err(e),
        }
    }
}

/// `poll` until an entry is ready or the deadline passes (then 0), in as
/// many rounds as a deadline past `INT_MAX` milliseconds needs. `EINTR`
/// is returned, for the caller to retry or not. Each round either ends
/// the loop or waits toward the deadline, so the loop ends.
#[inline(never)]
pub(crate) fn poll_until(fds: &mut [PollFd], deadline: Deadline) -> Result<usize> {
    loop {
        let millis = deadline.remaining();
        match sys::poll(fds, millis)? {
            0 if millis != 0 => continue,
            ready => return Ok(ready),
        }
    }
}
