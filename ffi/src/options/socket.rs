//! Typed `SOL_SOCKET` options: address and port reuse, the pending error,
//! the socket's domain and type, whether it listens, keep-alive, linger,
//! buffer sizes, time-outs, broadcast and device binding. Each may also
//! return the errors listed for `sc_getsockopt`. (The credentials options
//! live in `msg/credentials.rs`, with the messages they serve.)

use core::ffi::{c_char, c_int};

use libc::size_t;
use sockcore::options::{
    SO_BROADCAST, SO_KEEPALIVE, SO_RCVBUF, SO_REUSEADDR, SO_REUSEPORT, SO_SNDBUF,
};
use sockcore::{Errno, IFNAMSIZ};

use super::convert::{self, optional_millis, optional_millis_return, switch, switch_return};
use crate::args::{self, int_return, unit_return, write_c_text};

/// Bytes of an interface name buffer, NUL included (`IFNAMSIZ`): enough for
/// `sc_get_bindtodevice`.
pub const SC_IFNAMSIZ: usize = 16;

const _: () = assert!(SC_IFNAMSIZ == IFNAMSIZ);

/// `setsockopt(SOL_SOCKET, SO_REUSEADDR)`: allow binding an address that
/// still has connections in TIME_WAIT.
///
/// Returns 0 or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_set_reuseaddr(fd: c_int, on: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { convert::set_switch(fd, SO_REUSEADDR, on) }
}

/// `getsockopt(SOL_SOCKET, SO_REUSEADDR)`.
///
/// Returns 1 (on), 0 (off) or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_get_reuseaddr(fd: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { convert::get_switch(fd, SO_REUSEADDR) }
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
#[no_mangle]
pub unsafe extern "C" fn sc_is_listening(fd: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    switch_return(unsafe { args::socket(fd) }.is_listening())
}

/// `setsockopt(SOL_SOCKET, SO_REUSEPORT)`: let several sockets of the same
/// user bind the same address and port; the kernel spreads connections or
/// datagrams over them.
///
/// Returns 0 or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_set_reuseport(fd: c_int, on: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { convert::set_switch(fd, SO_REUSEPORT, on) }
}

/// `getsockopt(SOL_SOCKET, SO_REUSEPORT)`.
///
/// Returns 1 (on), 0 (off) or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_get_reuseport(fd: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { convert::get_switch(fd, SO_REUSEPORT) }
}

/// `setsockopt(SOL_SOCKET, SO_KEEPALIVE)`: probe an idle connection so that
/// a vanished peer is noticed; the timing is `sc_set_keepalive_idle`,
/// `sc_set_keepalive_interval` and `sc_set_keepalive_count`.
///
/// Returns 0 or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_set_keepalive(fd: c_int, on: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { convert::set_switch(fd, SO_KEEPALIVE, on) }
}

/// `getsockopt(SOL_SOCKET, SO_KEEPALIVE)`.
///
/// Returns 1 (on), 0 (off) or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_get_keepalive(fd: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { convert::get_switch(fd, SO_KEEPALIVE) }
}

/// `setsockopt(SOL_SOCKET, SO_LINGER)`, as `struct linger`: with `on` 0
/// (the default) `close` returns at once while the kernel sends what is
/// queued, and `seconds` is ignored; with `on` non-zero `close` waits up to
/// `seconds` for the data to go, and `seconds` 0 resets the connection on
/// close (the peer sees `-ECONNRESET`).
///
/// Returns 0, or `-EINVAL` for a negative `seconds` with `on`, or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_set_linger(fd: c_int, on: c_int, seconds: c_int) -> c_int {
    let linger = if switch(on) {
        convert::seconds(seconds).map(Some)
    } else {
        Ok(None)
    };
    // SAFETY: the caller's promise about fd.
    unit_return(linger.and_then(|linger| unsafe { args::socket(fd) }.set_linger(linger)))
}

/// `getsockopt(SOL_SOCKET, SO_LINGER)`: `*on` becomes 1 or 0 and
/// `*seconds` the linger time, as `struct linger` holds them.
///
/// Returns 0, or `-EFAULT` for a NULL `on` or `seconds`, or `-errno`. Both
/// are unchanged on error.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns; `on` and `seconds` NULL or
/// writable.
#[no_mangle]
pub unsafe extern "C" fn sc_get_linger(fd: c_int, on: *mut c_int, seconds: *mut c_int) -> c_int {
    // SAFETY: the caller's promises about on and seconds.
    let outs = unsafe { args::out_ref(on).and_then(|on| Ok((on, args::out_ref(seconds)?))) };
    unit_return(outs.and_then(|(on, seconds)| {
        // SAFETY: the caller's promise about fd.
        let linger = unsafe { args::socket(fd) }.linger()?;
        *on = c_int::from(linger.is_some());
        let secs = linger.map_or(0, |d| d.as_secs());
        *seconds = c_int::try_from(secs).unwrap_or(c_int::MAX);
        Ok(())
    }))
}

/// `setsockopt(SOL_SOCKET, SO_RCVBUF)`: the receive buffer size to aim
/// for. The kernel doubles it (for its bookkeeping), caps it at
/// `net.core.rmem_max` and raises it to its minimum: `sc_get_rcvbuf` reads
/// the result.
///
/// Returns 0, or `-EINVAL` for a negative `bytes`, or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_set_rcvbuf(fd: c_int, bytes: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { convert::set_count(fd, SO_RCVBUF, bytes) }
}

/// `getsockopt(SOL_SOCKET, SO_RCVBUF)`: the receive buffer size in effect.
///
/// Returns the size in bytes, or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_get_rcvbuf(fd: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { convert::get_count(fd, SO_RCVBUF) }
}

/// `setsockopt(SOL_SOCKET, SO_SNDBUF)`: as `sc_set_rcvbuf`, for sending
/// (capped at `net.core.wmem_max`).
///
/// Returns 0, or `-EINVAL` for a negative `bytes`, or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_set_sndbuf(fd: c_int, bytes: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { convert::set_count(fd, SO_SNDBUF, bytes) }
}

/// `getsockopt(SOL_SOCKET, SO_SNDBUF)`: the send buffer size in effect.
///
/// Returns the size in bytes, or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_get_sndbuf(fd: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { convert::get_count(fd, SO_SNDBUF) }
}

/// `setsockopt(SOL_SOCKET, SO_RCVTIMEO)`: a blocking receive or accept on
/// `fd` gives up with `-EAGAIN` after `timeout_ms` milliseconds; 0 waits
/// for ever (the default). The kernel keeps it in clock ticks, so it reads
/// back rounded up to a tick.
///
/// Returns 0, or `-EINVAL` for a negative `timeout_ms`, or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_set_rcvtimeo(fd: c_int, timeout_ms: c_int) -> c_int {
    let timeout = optional_millis(timeout_ms);
    // SAFETY: the caller's promise about fd.
    unit_return(timeout.and_then(|timeout| unsafe { args::socket(fd) }.set_read_timeout(timeout)))
}

/// `getsockopt(SOL_SOCKET, SO_RCVTIMEO)`.
///
/// Returns the time-out in milliseconds (0 for none), or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_get_rcvtimeo(fd: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    optional_millis_return(unsafe { args::socket(fd) }.read_timeout())
}

/// `setsockopt(SOL_SOCKET, SO_SNDTIMEO)`: a blocking send on `fd` gives up
/// after `timeout_ms` milliseconds, with the count sent so far or
/// `-EAGAIN`; 0 waits for ever (the default).
///
/// Returns 0, or `-EINVAL` for a negative `timeout_ms`, or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_set_sndtimeo(fd: c_int, timeout_ms: c_int) -> c_int {
    let timeout = optional_millis(timeout_ms);
    // SAFETY: the caller's promise about fd.
    unit_return(timeout.and_then(|timeout| unsafe { args::socket(fd) }.set_write_timeout(timeout)))
}

/// `getsockopt(SOL_SOCKET, SO_SNDTIMEO)`.
///
/// Returns the time-out in milliseconds (0 for none), or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_get_sndtimeo(fd: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    optional_millis_return(unsafe { args::socket(fd) }.write_timeout())
}

/// `setsockopt(SOL_SOCKET, SO_BROADCAST)`: allow datagrams to broadcast
/// addresses (otherwise `-EACCES`).
///
/// Returns 0 or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_set_broadcast(fd: c_int, on: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { convert::set_switch(fd, SO_BROADCAST, on) }
}

/// `getsockopt(SOL_SOCKET, SO_BROADCAST)`.
///
/// Returns 1 (on), 0 (off) or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_get_broadcast(fd: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { convert::get_switch(fd, SO_BROADCAST) }
}

/// `setsockopt(SOL_SOCKET, SO_BINDTODEVICE)`: `fd` uses only the network
/// interface called `name` (such as `"lo"`); the empty name `""` undoes it.
///
/// Returns 0, or `-EFAULT` for a NULL `name`, `-EINVAL` for a name of
/// `SC_IFNAMSIZ` bytes or more, `-ENODEV` (no such interface), `-EPERM`
/// (without `CAP_NET_RAW`, unless the socket is unbound on Linux 5.7 or
/// newer), or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns; `name` NULL or
/// NUL-terminated.
#[no_mangle]
pub unsafe extern "C" fn sc_set_bindtodevice(fd: c_int, name: *const c_char) -> c_int {
    // SAFETY: the caller's promise about name.
    let name = unsafe { args::c_str(name) };
    unit_return(name.and_then(|name| {
        let device = (!name.is_empty()).then_some(name);
        // SAFETY: the caller's promise about fd.
        unsafe { args::socket(fd) }.set_bind_device(device)
    }))
}

/// `getsockopt(SOL_SOCKET, SO_BINDTODEVICE)`: the name of the interface
/// `fd` is bound to, NUL-terminated, into `buf`; `SC_IFNAMSIZ` bytes always
/// suffice.
///
/// Returns the name's length without the NUL (0, with `buf` holding `""`,
/// when the socket is bound to no interface), or `-EFAULT` for a NULL
/// `buf`, `-EINVAL` for `len` over `SSIZE_MAX`, `-ENOSPC` when the name
/// and its NUL do not fit `len` bytes, or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns; `buf` NULL or writable for
/// `len` bytes.
#[no_mangle]
pub unsafe extern "C" fn sc_get_bindtodevice(fd: c_int, buf: *mut c_char, len: size_t) -> c_int {
    // SAFETY: the caller's promise about buf.
    let buf = unsafe { args::buf_mut(buf.cast(), len) };
    let written = buf.and_then(|buf| {
        let mut name = [0u8; IFNAMSIZ];
        // SAFETY: the caller's promise about fd.
        let name_len = unsafe { args::socket(fd) }.bind_device(&mut name)?;
        let name = name.get(..name_len).unwrap_or_default();
        write_c_text(buf, |room| {
            let room = room.get_mut(..name.len()).ok_or(Errno::ENOSPC)?;
            room.copy_from_slice(name);
            Ok(name.len())
        })
    });
    // Below IFNAMSIZ, so it fits an int.
    int_return(written.map(|len| len as c_int))
}
