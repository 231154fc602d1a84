//! Typed `IPPROTO_TCP` options: Nagle and corking, keep-alive timing, the
//! user time-out, quick acknowledgements, the unsent low-water mark, the
//! congestion control algorithm and the segment size. Each may also return
//! the errors listed for `sc_getsockopt` (`-ENOPROTOOPT` or `-EOPNOTSUPP`
//! on a socket that is not TCP).

use core::ffi::{c_char, c_int};

use libc::size_t;
use sockcore::options::{
    TCP_CORK, TCP_KEEPCNT, TCP_KEEPIDLE, TCP_KEEPINTVL, TCP_MAXSEG, TCP_NODELAY, TCP_NOTSENT_LOWAT,
    TCP_QUICKACK, TCP_USER_TIMEOUT,
};
use sockcore::{SocketFd, TCP_CA_NAME_MAX};

use super::convert;

/// Bytes of a congestion control algorithm's name buffer, NUL included
/// (`TCP_CA_NAME_MAX`): enough for `sc_get_congestion`.
pub const SC_TCP_CA_NAME_MAX: usize = 16;

const _: () = assert!(SC_TCP_CA_NAME_MAX == TCP_CA_NAME_MAX);

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

/// `setsockopt(IPPROTO_TCP, TCP_CORK)`: hold back partial segments while
/// on, so that pieces written separately leave in full segments; turning it
/// off sends what is held (so does a 200 ms ceiling).
///
/// Returns 0 or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_set_cork(fd: c_int, on: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { convert::set_switch(fd, TCP_CORK, on) }
}

/// `getsockopt(IPPROTO_TCP, TCP_CORK)`.
///
/// Returns 1 (on), 0 (off) or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_get_cork(fd: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { convert::get_switch(fd, TCP_CORK) }
}

/// `setsockopt(IPPROTO_TCP, TCP_QUICKACK)`: acknowledge received data at
/// once (on) rather than delay it (off). Not permanent: the kernel returns
/// to delaying by its own rules.
///
/// Returns 0 or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_set_quickack(fd: c_int, on: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { convert::set_switch(fd, TCP_QUICKACK, on) }
}

/// `getsockopt(IPPROTO_TCP, TCP_QUICKACK)`.
///
/// Returns 1 (on), 0 (off) or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_get_quickack(fd: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { convert::get_switch(fd, TCP_QUICKACK) }
}

/// `setsockopt(IPPROTO_TCP, TCP_NOTSENT_LOWAT)`: `fd` reports writable
/// only while fewer than `bytes` written bytes are unsent; 0 returns to
/// `net.ipv4.tcp_notsent_lowat`.
///
/// Returns 0, or `-EINVAL` for a negative `bytes`, or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_set_notsent_lowat(fd: c_int, bytes: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { convert::set_count(fd, TCP_NOTSENT_LOWAT, bytes) }
}

/// `getsockopt(IPPROTO_TCP, TCP_NOTSENT_LOWAT)`.
///
/// Returns the low-water mark in bytes (0 until set), or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_get_notsent_lowat(fd: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { convert::get_count(fd, TCP_NOTSENT_LOWAT) }
}

/// `setsockopt(IPPROTO_TCP, TCP_MAXSEG)`: the largest segment the
/// connection may send; set before `sc_connect` (or `sc_listen`), it lowers
/// the MSS the connection announces and uses.
///
/// Returns 0, or `-EINVAL` for `bytes` outside 88 to 32767 (0 is taken: no
/// limit), or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_set_maxseg(fd: c_int, bytes: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { convert::set_count(fd, TCP_MAXSEG, bytes) }
}

/// `getsockopt(IPPROTO_TCP, TCP_MAXSEG)`.
///
/// Returns the segment size in bytes (on a connected socket the one in use;
/// before, the value set or the default of 536), or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_get_maxseg(fd: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { convert::get_count(fd, TCP_MAXSEG) }
}

/// `setsockopt(IPPROTO_TCP, TCP_CONGESTION)`: the congestion control
/// algorithm of `fd`, by name (`"cubic"`, `"reno"`, `"bbr"`;
/// `/proc/sys/net/ipv4/tcp_available_congestion_control` lists what the
/// kernel has).
///
/// Returns 0, or `-EFAULT` for a NULL `name`, `-EINVAL` for a name of
/// `SC_TCP_CA_NAME_MAX` bytes or more, `-ENOENT` (the kernel has no such
/// algorithm), `-EPERM` (one not in
/// `net.ipv4.tcp_allowed_congestion_control`, without `CAP_NET_ADMIN`), or
/// `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns; `name` NULL or
/// NUL-terminated.
#[no_mangle]
pub unsafe extern "C" fn sc_set_congestion(fd: c_int, name: *const c_char) -> c_int {
    // SAFETY: the caller's promises about fd and name.
    unsafe { convert::set_name(fd, name, SocketFd::set_congestion) }
}

/// `getsockopt(IPPROTO_TCP, TCP_CONGESTION)`: the name of `fd`'s congestion
/// control algorithm, NUL-terminated, into `buf`; `SC_TCP_CA_NAME_MAX`
/// bytes always suffice.
///
/// Returns the name's length without the NUL, or `-EFAULT` for a NULL
/// `buf`, `-EINVAL` for `len` over `SSIZE_MAX`, `-ENOSPC` when the name
/// and its NUL do not fit `len` bytes, or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns; `buf` NULL or writable for
/// `len` bytes.
#[no_mangle]
pub unsafe extern "C" fn sc_get_congestion(fd: c_int, buf: *mut c_char, len: size_t) -> c_int {
    // SAFETY: the caller's promises about fd and buf.
    unsafe { convert::get_name(fd, buf, len, SocketFd::congestion) }
}
