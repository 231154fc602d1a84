//! `sc_wait_ready`: waiting for one descriptor against a deadline on the
//! monotonic clock, retrying `EINTR`.

use core::ffi::{c_int, c_short};

use sockcore::{poll, Errno, PollFlags};

use crate::args::{self, int_return};

/// The events `sc_wait_ready` waits for; the others are only reported.
const WAITABLE: PollFlags = PollFlags::IN
    .union(PollFlags::PRI)
    .union(PollFlags::OUT)
    .union(PollFlags::RDHUP);

/// Waits until `fd` reports one of `events` (`POLLIN`, `POLLPRI`,
/// `POLLOUT`, `POLLRDHUP`), or an error or hang-up, with `poll(2)`; `EINTR`
/// is retried against a fixed deadline `timeout_ms` from the call
/// (negative: for ever).
///
/// Returns the events that happened (`revents`, which may be `POLLERR`,
/// `POLLHUP` or `POLLNVAL` alone: `POLLNVAL` for a descriptor that is not
/// open), or `-ETIMEDOUT` when the time passes, `-EBADF` at once for a
/// negative `fd` (such as an error code stored in it by mistake, which
/// `poll(2)` would skip, waiting out the time-out or, with none, for ever),
/// `-EINVAL` for bits in `events` other than those four, `-ENOMEM`.
#[no_mangle]
pub extern "C" fn sc_wait_ready(fd: c_int, events: c_short, timeout_ms: c_int) -> c_int {
    let waited = PollFlags::from_bits(events)
        .filter(|events| WAITABLE.contains(*events))
        .ok_or(Errno::EINVAL)
        .and_then(|events| poll::wait_ready(fd, events, args::timeout(timeout_ms)));
    // Every POLL* bit is below 0x8000, so revents is never negative.
    int_return(waited.map(|revents| c_int::from(revents.bits())))
}
