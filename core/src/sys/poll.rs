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
// time_t and c_long are 32 bits wide on 32-bit ARM (the casts widen there)
// and 64 on the 64-bit targets (where they are no-ops).
#[allow(clippy::unnecessary_cast)]
#[inline]
pub(crate) fn monotonic_ms() -> i64 {
    let mut ts: libc::timespec = super::zeroed();
    // SAFETY: ts is a valid, writable timespec; CLOCK_MONOTONIC always exists.
    unsafe { libc::clock_gettime(libc::CLOCK_MONOTONIC, &mut ts) };
    (ts.tv_sec as i64)
        .saturating_mul(1000)
        .saturating_add(ts.tv_nsec as i64 / 1_000_000)
}
