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

/// `clock_gettime(CLOCK_MONOTONIC)` in whole milliseconds, rounded down,
/// for time-out deadlines. The division is of the nanoseconds alone, which
/// fit 32 bits: 32-bit ARM divides 64-bit numbers with a library call.
#[inline]
pub(crate) fn monotonic_ms() -> u64 {
    let mut ts: libc::timespec = super::zeroed();
    // SAFETY: ts is a valid, writable timespec; CLOCK_MONOTONIC always exists.
    unsafe { libc::clock_gettime(libc::CLOCK_MONOTONIC, &mut ts) };
    // Never negative, and the nanoseconds under a billion; the fallbacks
    // only satisfy the types.
    let secs = u64::try_from(ts.tv_sec).unwrap_or(0);
    let nanos = u32::try_from(ts.tv_nsec).unwrap_or(0);
    secs.saturating_mul(1000)
        .saturating_add(u64::from(nanos / 1_000_000))
}
