//! The server/client flow in one call each: `sc_listen_on` for a server, `sc_dial`
//! for a client.

use core::ffi::{c_char, c_int};

use sockcore::Socket;

use crate::args::{self, int_return};

/// A listening stream socket on the address in `text` (as `sc_addr_parse`
/// reads it): `socket(2)` + `SO_REUSEADDR` (IP only) + `bind(2)` +
/// `listen(2)`. A Unix path must not exist yet.
///
/// Returns the descriptor, or `-EFAULT` for a NULL `text`, `-EINVAL` /
/// `-ENAMETOOLONG` for text that does not parse, and the errors of
/// `sc_socket`, `sc_bind` and `sc_listen` (`-EADDRINUSE` for a Unix path
/// that exists). No descriptor is left open on error.
///
/// # Safety
///
/// `text` must be NULL or NUL-terminated.
#[no_mangle]
pub unsafe extern "C" fn sc_listen_on(text: *const c_char, backlog: c_int) -> c_int {
    // SAFETY: the caller's promise about text.
    let addr = unsafe { args::parse_addr(text) };
    int_return(
        addr.and_then(|addr| Socket::listen_on_addr(&addr, backlog))
            .map(Socket::into_raw_fd),
    )
}

/// A stream socket connected to the address in `text`, giving up after
/// `timeout_ms` milliseconds (negative: as long as the kernel tries): a
/// non-blocking `connect(2)`, `poll(2)` for the outcome, `SO_ERROR`. The
/// socket is returned blocking.
///
/// Returns the descriptor, or `-EFAULT` for a NULL `text`, `-EINVAL` /
/// `-ENAMETOOLONG` for text that does not parse, `-ETIMEDOUT`,
/// `-ECONNREFUSED`, `-ENETUNREACH`, `-EHOSTUNREACH`, `-EAGAIN` (a Unix
/// listener's backlog is full), `-ENOENT` (no such Unix path), and the
/// errors of `sc_socket`. No descriptor is left open on error.
///
/// # Safety
///
/// `text` must be NULL or NUL-terminated.
#[no_mangle]
pub unsafe extern "C" fn sc_dial(text: *const c_char, timeout_ms: c_int) -> c_int {
    // SAFETY: the caller's promise about text.
    let addr = unsafe { args::parse_addr(text) };
    int_return(
        addr.and_then(|addr| Socket::dial_addr(&addr, args::timeout(timeout_ms)))
            .map(Socket::into_raw_fd),
    )
}
