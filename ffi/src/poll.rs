//! Readiness: `sc_poll` over the caller's `struct pollfd` array, and
//! `sc_wait_ready` for one descriptor with a deadline signals cannot
//! stretch.

use core::ffi::{c_int, c_short};

use libc::{nfds_t, pollfd};
use sockcore::{poll, Errno, PollFd, PollFlags};

use crate::args::int_return;

/// The events `sc_wait_ready` waits for; the others are only reported.
const WAITABLE: PollFlags = PollFlags::IN
    .union(PollFlags::PRI)
    .union(PollFlags::OUT)
    .union(PollFlags::RDHUP);

/// `poll(2)`: waits until one of the `nfds` entries of `fds` is ready or
/// `timeout_ms` passes (negative: for ever; 0: check without waiting), and
/// sets each entry's `revents`. One call: a signal ends it with `-EINTR`.
/// With `nfds` 0, `fds` may be NULL (a plain sleep).
///
/// Returns how many entries have events (0 on time-out), or `-EFAULT` for
/// a NULL `fds` with `nfds` above 0, `-EINVAL` for `nfds` over `INT_MAX` or
/// the process's descriptor limit, `-EINTR`, `-ENOMEM`.
///
/// # Safety
///
/// `fds` must be NULL or writable for `nfds` entries.
#[no_mangle]
pub unsafe extern "C" fn sc_poll(fds: *mut pollfd, nfds: nfds_t, timeout_ms: c_int) -> c_int {
    let ready = (|| {
        let count = usize::try_from(nfds)
            .ok()
            .filter(|&count| count <= c_int::MAX as usize)
            .ok_or(Errno::EINVAL)?;
        let entries: &mut [PollFd] = if count == 0 {
            &mut []
        } else if fds.is_null() {
            return Err(Errno::EFAULT);
        } else {
            // SAFETY: PollFd has pollfd's layout (asserted in the core); the
            // array is writable and exclusive for count entries (the
            // caller's promise), and count * 8 bytes fits isize.
            unsafe { core::slice::from_raw_parts_mut(fds.cast::<PollFd>(), count) }
        };
        poll::poll(entries, timeout_ms)
    })();
    // At most nfds, which is at most INT_MAX.
    int_return(ready.map(|ready| ready as c_int))
}

/// Waits until `fd` reports one of `events` (`POLLIN`, `POLLPRI`,
/// `POLLOUT`, `POLLRDHUP`), or an error or hang-up, with `poll(2)`; `EINTR`
/// is retried against a fixed deadline `timeout_ms` from the call
/// (negative: for ever).
///
/// Returns the events that happened (`revents`, which may be `POLLERR`,
/// `POLLHUP` or `POLLNVAL` alone), or `-ETIMEDOUT` when the time passes,
/// `-EINVAL` for bits in `events` other than those four, `-ENOMEM`.
#[no_mangle]
pub extern "C" fn sc_wait_ready(fd: c_int, events: c_short, timeout_ms: c_int) -> c_int {
    let waited = PollFlags::from_bits(events)
        .filter(|events| WAITABLE.contains(*events))
        .ok_or(Errno::EINVAL)
        .and_then(|events| poll::wait_ready(fd, events, timeout_ms));
    // Every POLL* bit is below 0x8000, so revents is never negative.
    int_return(waited.map(|revents| c_int::from(revents.bits())))
}
