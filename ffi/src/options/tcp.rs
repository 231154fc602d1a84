//! Typed `IPPROTO_TCP` options: Nagle, keep-alive timing and the user
//! time-out. Each may also return the errors listed for `sc_getsockopt`
//! (`-ENOPROTOOPT` or `-EOPNOTSUPP` on a socket that is not TCP).

use core::ffi::c_int;

use sockcore::options::{TCP_KEEPCNT, TCP_KEEPIDLE, TCP_KEEPINTVL, TCP_NODELAY, TCP_USER_TIMEOUT};

use super::convert;

/// `setsockopt(IPPROTO_TCP, TCP_NODELAY)`: send small writes at once
/// instead of waiting to coalesce them (Nagle's algorithm off).
///
/// Returns 0 or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_set_nodelay(fd: c_int, on: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { convert::set_switch(fd, TCP_NODELAY, on) }
}

/// `getsockopt(IPPROTO_TCP, TCP_NODELAY)`.
///
/// Returns 1 (on), 0 (off) or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_get_nodelay(fd: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { convert::get_switch(fd, TCP_NODELAY) }
}

/// `setsockopt(IPPROTO_TCP, TCP_KEEPIDLE)`: how many seconds a connection
/// stays idle before the first keep-alive probe (with `sc_set_keepalive`
/// on).
///
/// Returns 0, or `-EINVAL` outside 1 to 32767, or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_set_keepalive_idle(fd: c_int, secs: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { convert::set_count(fd, TCP_KEEPIDLE, secs) }
}

/// `getsockopt(IPPROTO_TCP, TCP_KEEPIDLE)`.
///
/// Returns the idle time in seconds, or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_get_keepalive_idle(fd: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { convert::get_count(fd, TCP_KEEPIDLE) }
}

/// `setsockopt(IPPROTO_TCP, TCP_KEEPINTVL)`: the seconds between
/// keep-alive probes.
///
/// Returns 0, or `-EINVAL` outside 1 to 32767, or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_set_keepalive_interval(fd: c_int, secs: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { convert::set_count(fd, TCP_KEEPINTVL, secs) }
}

/// `getsockopt(IPPROTO_TCP, TCP_KEEPINTVL)`.
///
/// Returns the interval in seconds, or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_get_keepalive_interval(fd: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { convert::get_count(fd, TCP_KEEPINTVL) }
}

/// `setsockopt(IPPROTO_TCP, TCP_KEEPCNT)`: how many unanswered probes end
/// the connection (`-ETIMEDOUT`).
///
/// Returns 0, or `-EINVAL` outside 1 to 127, or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_set_keepalive_count(fd: c_int, probes: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { convert::set_count(fd, TCP_KEEPCNT, probes) }
}

/// `getsockopt(IPPROTO_TCP, TCP_KEEPCNT)`.
///
/// Returns the probe count, or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_get_keepalive_count(fd: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { convert::get_count(fd, TCP_KEEPCNT) }
}

/// `setsockopt(IPPROTO_TCP, TCP_USER_TIMEOUT)`: how many milliseconds sent
/// data may stay unacknowledged before the connection is dropped with
/// `-ETIMEDOUT`; 0 restores the system default.
///
/// Returns 0, or `-EINVAL` for a negative `timeout_ms`, or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_set_user_timeout(fd: c_int, timeout_ms: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { convert::set_count(fd, TCP_USER_TIMEOUT, timeout_ms) }
}

/// `getsockopt(IPPROTO_TCP, TCP_USER_TIMEOUT)`.
///
/// Returns the time-out in milliseconds (0 for the system default), or
/// `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_get_user_timeout(fd: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { convert::get_count(fd, TCP_USER_TIMEOUT) }
}
