//! `poll(2)`.

use super::cvt;
use crate::errno::Result;
use crate::poll::PollFd;

/// `poll(2)` over a caller array; returns how many entries have events.
#[inline]
pub(crate) fn poll(fds: &mut [PollFd], timeout_ms: i32) -> Result<usize> {
    // SAFETY: PollFd is layout-compatible with pollfd and the array is
    // writable for fds.len() entries.
    let ready = cvt(unsafe {
        libc::poll(
            fds.as_mut_ptr().cast(),
            fds.len() as libc::nfds_t,
            timeout_ms,
        )
    })?;
    Ok(ready as usize)
}

/// `clock_gettime(CLOCK_MONOTONIC)` in milliseconds, for time-out deadlines.
#[inline]
pub(crate) fn monotonic_ms() -> i64 {
    // SAFETY: an all-zero timespec is valid, and clock_gettime writes into it.
    let mut ts: libc::timespec = unsafe { core::mem::zeroed() };
    // SAFETY: ts is a valid, writable timespec; CLOCK_MONOTONIC always exists.
    unsafe { libc::clock_gettime(libc::CLOCK_MONOTONIC, &mut ts) };
    (ts.tv_sec as i64)
        .saturating_mul(1000)
        .saturating_add(ts.tv_nsec as i64 / 1_000_000)
}
