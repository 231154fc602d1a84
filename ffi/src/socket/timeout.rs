//! Connect, accept, read and write with a time-out: `poll(2)` for readiness, then
//! one non-blocking attempt, repeated until a deadline on the monotonic
//! clock. Signals (`EINTR`) neither end nor stretch the wait. The socket's
//! own blocking mode is left as it is.

use core::ffi::{c_int, c_void};

use libc::{size_t, ssize_t};
use sockcore::Socket;

use crate::addr::value::sc_addr;
use crate::args::{self, int_return, size_return, unit_return};

/// `sc_connect`, waiting at most `timeout_ms` milliseconds (negative: as
/// long as the kernel tries) for the connection, on a socket the caller
/// made and configured (options, `sc_bind`): a non-blocking `connect(2)`,
/// `poll(2)` for the outcome (retrying `EINTR` against a deadline fixed at
/// the call), then `SO_ERROR`. A blocking socket is made non-blocking for
/// the call and blocking again after it, whatever the outcome; a
/// non-blocking one stays so. A connection still in progress from an
/// earlier call (after `-EINTR` from `sc_connect`, or this call's
/// `-ETIMEDOUT`) is waited for the same way; after `-ETIMEDOUT` the kernel
/// goes on trying: close `fd`, or call again to wait more.
///
/// Returns 0, or `-EFAULT` for a NULL `addr`, `-EBADF` at once for a
/// negative `fd`, `-ETIMEDOUT`, `-ECONNREFUSED`, `-ENETUNREACH`,
/// `-EHOSTUNREACH`, `-EAGAIN` (a Unix listener's backlog is full),
/// `-ENOENT` (no such Unix path), and the errors of `sc_connect`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns; `addr` NULL or an initialised
/// `sc_addr`.
#[no_mangle]
pub unsafe extern "C" fn sc_connect_timeout(
    fd: c_int,
    addr: *const sc_addr,
    timeout_ms: c_int,
) -> c_int {
    // SAFETY: the caller's promises about fd and addr.
    unit_return(unsafe {
        args::addr(addr)
            .and_then(|addr| args::socket(fd).connect_within(addr, args::timeout(timeout_ms)))
    })
}

/// `sc_accept`, waiting at most `timeout_ms` milliseconds (negative: for
/// ever) for a connection: `poll(2)` for `POLLIN`, then `accept4(2)` with
/// `SOCK_CLOEXEC`. The peer's address goes to `*peer` unless `peer` is
/// NULL; `flags` is 0 or `SC_NONBLOCK`.
///
/// Make the listener non-blocking when other threads or processes accept
/// from it too: then a connection taken by someone else between the poll
/// and the accept sends this call back to waiting instead of blocking past
/// the deadline.
///
/// Returns the new descriptor, or `-ETIMEDOUT` when no connection came in
/// time, `-EBADF` at once for a negative `fd` (`poll(2)` would skip it and
/// wait out the time-out), and the errors of `sc_accept`. `*peer` is
/// unchanged on error.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns; `peer` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn sc_accept_timeout(
    fd: c_int,
    peer: *mut sc_addr,
    flags: c_int,
    timeout_ms: c_int,
) -> c_int {
    let accepted = args::sock_flags(flags).and_then(|flags| {
        // SAFETY: the caller's promise about fd.
        let (conn, addr) =
            unsafe { args::socket(fd) }.accept_within(flags, args::timeout(timeout_ms))?;
        // SAFETY: the caller's promise about peer.
        if let Some(peer) = unsafe { args::addr_out_opt(peer) } {
            *peer = addr;
        }
        Ok(conn)
    });
    int_return(accepted.map(Socket::into_raw_fd))
}

/// One read of up to `len` bytes from `fd` into `buf`, waiting at most
/// `timeout_ms` milliseconds (negative: for ever) for data: `poll(2)` for
/// `POLLIN`, then `recv(2)` with `MSG_DONTWAIT`, which cannot block even on
/// a blocking socket.
///
/// Returns the count read (0 at end of stream), or `-ETIMEDOUT` when
/// nothing arrived in time, `-EBADF` at once for a negative `fd`, and the
/// errors of `sc_read`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns; `buf` NULL or writable for
/// `len` bytes.
#[no_mangle]
pub unsafe extern "C" fn sc_read_timeout(
    fd: c_int,
    buf: *mut c_void,
    len: size_t,
    timeout_ms: c_int,
) -> ssize_t {
    // SAFETY: the caller's promises about fd and buf.
    size_return(unsafe {
        args::buf_mut(buf, len)
            .and_then(|buf| args::socket(fd).read_within(buf, args::timeout(timeout_ms)))
    })
}

/// One write of up to `len` bytes of `buf` on `fd`, waiting at most
/// `timeout_ms` milliseconds (negative: for ever) for room: `poll(2)` for
/// `POLLOUT`, then `send(2)` with `MSG_DONTWAIT | MSG_NOSIGNAL`. It may send
/// fewer than `len` bytes when the send buffer had less room.
///
/// Returns the count sent, or `-ETIMEDOUT` when no room came in time,
/// `-EBADF` at once for a negative `fd`, and the errors of `sc_write`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns; `buf` NULL or readable for
/// `len` bytes.
#[no_mangle]
pub unsafe extern "C" fn sc_write_timeout(
    fd: c_int,
    buf: *const c_void,
    len: size_t,
    timeout_ms: c_int,
) -> ssize_t {
    // SAFETY: the caller's promises about fd and buf.
    size_return(unsafe {
        args::buf(buf, len)
            .and_then(|buf| args::socket(fd).write_within(buf, args::timeout(timeout_ms)))
    })
}
