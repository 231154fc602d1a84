//! Socket options: raw `sc_getsockopt`/`sc_setsockopt` for any option, and
//! the typed calls about the socket itself (`SO_REUSEADDR`, `SO_ERROR`,
//! `SO_DOMAIN`, `SO_TYPE`, `SO_ACCEPTCONN`). The other typed options live
//! in `options_*.rs`, one level each.
//!
//! Typed setters return 0 or `-errno`; typed getters return the value
//! (`>= 0`: 1 or 0 for a switch) or `-errno`. A switch is on for any
//! non-zero `on`. Every one of them may also return `-EBADF`, `-ENOTSOCK`,
//! and `-ENOPROTOOPT` for an option the socket's protocol lacks (such as a
//! TCP option on a UDP socket); those are not repeated below.

use core::ffi::{c_int, c_void};

use libc::{size_t, socklen_t};

#[cfg(feature = "options")]
use crate::args::int_return;
use crate::args::{self, unit_return};
#[cfg(feature = "options")]
use crate::int_options;
#[cfg(feature = "options")]
use crate::option_values::switch_return;

/// `getsockopt(2)`: copies the value of option `name` at `level`
/// (`SOL_SOCKET`, `IPPROTO_TCP`, …) into `value`, which holds `*len` bytes;
/// on return `*len` is the length the kernel wrote.
///
/// Returns 0, or `-EFAULT` for a NULL `value` or `len`, `-ENOPROTOOPT` (no
/// such option at that level), `-EINVAL` (a length the option rejects),
/// `-EBADF`, `-ENOTSOCK`. `*len` is unchanged on error.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns; `len` NULL or a valid
/// `socklen_t`; `value` NULL or writable for `*len` bytes.
#[no_mangle]
pub unsafe extern "C" fn sc_getsockopt(
    fd: c_int,
    level: c_int,
    name: c_int,
    value: *mut c_void,
    len: *mut socklen_t,
) -> c_int {
    // SAFETY: NULL or a valid socklen_t (the caller's promise).
    let Some(len) = (unsafe { len.as_mut() }) else {
        return -libc::EFAULT;
    };
    // SAFETY: the caller's promise about value and *len.
    let value = unsafe { args::buf_mut(value, *len as size_t) };
    let written = value.and_then(|value| {
        // SAFETY: the caller's promise about fd.
        unsafe { args::socket(fd) }.option_raw(level, name, value)
    });
    unit_return(written.map(|written| {
        // At most the *len the caller gave, so it fits.
        *len = written as socklen_t;
    }))
}

/// `setsockopt(2)`: sets option `name` at `level` from the `len` bytes at
/// `value`.
///
/// Returns 0, or `-EFAULT` for a NULL `value`, `-ENOPROTOOPT` (no such
/// option at that level), `-EINVAL` (a value or length the option rejects),
/// `-EPERM` (a privileged option), `-EBADF`, `-ENOTSOCK`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns; `value` NULL or readable for
/// `len` bytes.
#[no_mangle]
pub unsafe extern "C" fn sc_setsockopt(
    fd: c_int,
    level: c_int,
    name: c_int,
    value: *const c_void,
    len: socklen_t,
) -> c_int {
    // SAFETY: the caller's promises about fd and value.
    unit_return(unsafe {
        args::buf(value, len as size_t)
            .and_then(|value| args::socket(fd).set_option_raw(level, name, value))
    })
}

/// `setsockopt(SOL_SOCKET, SO_REUSEADDR)`: allow binding an address that
/// still has connections in TIME_WAIT.
///
/// Returns 0 or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[cfg(feature = "options")]
#[no_mangle]
pub unsafe extern "C" fn sc_set_reuseaddr(fd: c_int, on: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { int_options::set_switch(fd, libc::SOL_SOCKET, libc::SO_REUSEADDR, on) }
}

/// `getsockopt(SOL_SOCKET, SO_REUSEADDR)`.
///
/// Returns 1 (on), 0 (off) or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[cfg(feature = "options")]
#[no_mangle]
pub unsafe extern "C" fn sc_get_reuseaddr(fd: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { int_options::get_switch(fd, libc::SOL_SOCKET, libc::SO_REUSEADDR) }
}

/// `getsockopt(SOL_SOCKET, SO_ERROR)`: takes the pending error of `fd` and
/// clears it, such as the outcome of a non-blocking `sc_connect`.
///
/// Returns 0 when no error was pending, the pending error as a positive
/// number (`ECONNREFUSED`, as `SO_ERROR` gives it) when one was, or
/// `-errno` when the call itself fails (`-EBADF`, `-ENOTSOCK`).
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[cfg(feature = "options")]
#[no_mangle]
pub unsafe extern "C" fn sc_take_error(fd: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    let pending = unsafe { args::socket(fd) }.take_error();
    int_return(pending.map(|pending| pending.map_or(0, |errno| errno.raw())))
}

/// `getsockopt(SOL_SOCKET, SO_DOMAIN)`: the socket's domain.
///
/// Returns `AF_INET`, `AF_INET6`, `AF_UNIX`, … or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[cfg(feature = "options")]
#[no_mangle]
pub unsafe extern "C" fn sc_socket_domain(fd: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    int_return(unsafe { args::socket(fd) }.domain().map(|domain| domain.0))
}

/// `getsockopt(SOL_SOCKET, SO_TYPE)`: the socket's type.
///
/// Returns `SOCK_STREAM`, `SOCK_DGRAM`, `SOCK_SEQPACKET`, … or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[cfg(feature = "options")]
#[no_mangle]
pub unsafe extern "C" fn sc_socket_type(fd: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    int_return(unsafe { args::socket(fd) }.socket_type().map(|ty| ty.0))
}

/// `getsockopt(SOL_SOCKET, SO_ACCEPTCONN)`: whether `fd` is listening.
///
/// Returns 1 (listening), 0 (not) or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[cfg(feature = "options")]
#[no_mangle]
pub unsafe extern "C" fn sc_is_listening(fd: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    switch_return(unsafe { args::socket(fd) }.is_listening())
}
