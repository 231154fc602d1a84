//! TCP Fast Open (`server` feature): the listener's queue length
//! (`TCP_FASTOPEN`) and the client's deferred connect
//! (`TCP_FASTOPEN_CONNECT`); the other client side is `sc_sendto` with
//! `SC_MSG_FASTOPEN`. Each needs its bit of `net.ipv4.tcp_fastopen` in the
//! socket's network namespace: 1 for clients, 2 for servers.

use core::ffi::c_int;

use sockcore::options::{TCP_FASTOPEN, TCP_FASTOPEN_CONNECT};

use super::convert;

/// `setsockopt(IPPROTO_TCP, TCP_FASTOPEN)`: lets this listener accept data
/// in the SYN, with up to `queue_len` such connections waiting to be
/// accepted (Linux 3.7; before or after `sc_listen`); 0 turns it off. The
/// kernel caps the length at `net.core.somaxconn`.
///
/// Returns 0, or `-EINVAL` for a negative `queue_len`, `-ENOPROTOOPT` when
/// `fd` is not TCP, or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_set_fastopen(fd: c_int, queue_len: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { convert::set_count(fd, TCP_FASTOPEN, queue_len) }
}

/// `getsockopt(IPPROTO_TCP, TCP_FASTOPEN)`.
///
/// Returns the Fast Open queue length (0: off), or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_get_fastopen(fd: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { convert::get_count(fd, TCP_FASTOPEN) }
}

/// `setsockopt(IPPROTO_TCP, TCP_FASTOPEN_CONNECT)`, before `sc_connect`
/// (Linux 4.11): with a Fast Open cookie cached for the address,
/// `sc_connect` returns at once and the first `sc_write` carries its data in
/// the SYN; without one, `sc_connect` is an ordinary handshake that also
/// asks for a cookie.
///
/// Returns 0, or `-EOPNOTSUPP` (the client bit of `net.ipv4.tcp_fastopen`
/// off, or a Unix socket), `-EINVAL` (already connected), or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_set_fastopen_connect(fd: c_int, on: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { convert::set_switch(fd, TCP_FASTOPEN_CONNECT, on) }
}

/// `getsockopt(IPPROTO_TCP, TCP_FASTOPEN_CONNECT)`.
///
/// Returns 1 (on), 0 (off) or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_get_fastopen_connect(fd: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { convert::get_switch(fd, TCP_FASTOPEN_CONNECT) }
}
