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

/// `clock_gettime(CLOCK_MONOTONIC)` in nanoseconds: the time since boot,
/// for time-out deadlines (u64 nanoseconds last 584 years).
#[inline]
pub(crate) fn monotonic_nanos() -> u64 {
    let mut ts: libc::timespec = super::zeroed();
    // SAFETY: ts is a valid, writable timespec; CLOCK_MONOTONIC always exists.
    unsafe { libc::clock_gettime(libc::CLOCK_MONOTONIC, &mut ts) };
    // Never negative; the fallbacks only satisfy the types.
    let secs = u64::try_from(ts.tv_sec).unwrap_or(0);
    let nanos = u64::try_from(ts.tv_nsec).unwrap_or(0);
    secs.saturating_mul(1_000_000_000).saturating_add(nanos)
}
