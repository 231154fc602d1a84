//! Readiness: `sc_poll` over the caller's `struct pollfd` array,
//! `sc_wait_ready` (in `wait.rs`) for one descriptor with a deadline
//! signals cannot stretch, and epoll (in `epoll.rs`, with the `server`
//! feature).

pub mod wait;

#[cfg(feature = "server")]
pub mod epoll;

use core::ffi::c_int;

use libc::{nfds_t, pollfd};
use sockcore::poll;

use crate::args::{self, int_return};

/// `poll(2)`: waits until one of the `nfds` entries of `fds` is ready or
/// `timeout_ms` passes (negative: for ever; 0: check without waiting), and
/// sets each entry's `revents`. One call: a signal ends it with `-EINTR`.
/// With `nfds` 0, `fds` may be NULL (a plain sleep).
///
/// An entry with a negative `fd` is ignored (its `revents` is 0), as
/// `poll(2)` ignores it: that is the system call's contract, and the way to
/// leave a slot unused. So an error code stored in `fd` by mistake is
/// silently skipped here; `sc_wait_ready`, for one descriptor, refuses it
/// with `-EBADF`.
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
    // SAFETY: the caller's promise about fds.
    let entries = unsafe { args::poll_fds(fds, nfds) };
    let ready = entries.and_then(|entries| poll::poll(entries, args::timeout(timeout_ms)));
    // At most nfds, which is at most INT_MAX.
    int_return(ready.map(|ready| ready as c_int))
}
