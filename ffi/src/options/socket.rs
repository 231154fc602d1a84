//! Typed `SOL_SOCKET` options: address and port reuse, the pending error,
//! the socket's domain and type, whether it listens, keep-alive, linger,
//! buffer sizes and low-water mark, time-outs, broadcast, device binding
//! (by name and index), mark and priority, the incoming CPU, busy polling,
//! out-of-band data and zero-copy sends. Each may also
//! return the errors listed for `sc_getsockopt`. (The credentials options
//! live in `msg/credentials.rs`, with the messages they serve.)

use core::ffi::{c_char, c_int, c_uint};

use libc::size_t;
use sockcore::options::{
    SO_BINDTOIFINDEX, SO_BROADCAST, SO_BUSY_POLL, SO_INCOMING_CPU, SO_KEEPALIVE, SO_MARK,
    SO_OOBINLINE, SO_PRIORITY, SO_RCVBUF, SO_RCVLOWAT, SO_REUSEADDR, SO_REUSEPORT, SO_SNDBUF,
    SO_ZEROCOPY,
};
use sockcore::{SocketFd, IFNAMSIZ};

use super::convert::{self, optional_millis, optional_millis_return, switch, switch_return};
use crate::args::{self, int_return, unit_return};

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
    // SAFETY: the caller's promises about fd and name. The empty name
    // unbinds, as `None` does.
    unsafe { convert::set_name(fd, name, |socket, name| socket.set_bind_device(Some(name))) }
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
    // SAFETY: the caller's promises about fd and buf.
    unsafe { convert::get_name(fd, buf, len, SocketFd::bind_device) }
}

/// `setsockopt(SOL_SOCKET, SO_BINDTOIFINDEX)`: `fd` uses only the network
/// interface with index `ifindex` (`sc_interface_index` finds it by name);
/// 0 undoes it. The same binding as `sc_set_bindtodevice`, by index (Linux
/// 5.0); the index is not looked up, so one no interface has is kept.
///
/// Returns 0, or `-EPERM` (changing a binding without `CAP_NET_RAW`), or
/// `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_set_bindtoifindex(fd: c_int, ifindex: c_uint) -> c_int {
    // Past INT_MAX no interface exists: saturating keeps it so.
    let ifindex = c_int::try_from(ifindex).unwrap_or(c_int::MAX);
    // SAFETY: the caller's promise about fd.
    unsafe { convert::set_count(fd, SO_BINDTOIFINDEX, ifindex) }
}

/// `getsockopt(SOL_SOCKET, SO_BINDTOIFINDEX)`.
///
/// Returns the index of the interface `fd` is bound to (0 for none), or
/// `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_get_bindtoifindex(fd: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { convert::get_count(fd, SO_BINDTOIFINDEX) }
}

/// `setsockopt(SOL_SOCKET, SO_MARK)`: the mark of `fd`'s outgoing packets,
/// which firewall rules and routing policy can match; all 32 bits are the
/// caller's.
///
/// Returns 0, or `-EPERM` (without `CAP_NET_RAW` or `CAP_NET_ADMIN`), or
/// `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_set_mark(fd: c_int, mark: u32) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { convert::set_bits(fd, SO_MARK, mark) }
}

/// `getsockopt(SOL_SOCKET, SO_MARK)`: the mark into `*mark` (0 until set).
///
/// Returns 0, or `-EFAULT` for a NULL `mark`, or `-errno`. `*mark` is
/// unchanged on error.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns; `mark` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn sc_get_mark(fd: c_int, mark: *mut u32) -> c_int {
    // SAFETY: the caller's promises about fd and mark.
    unsafe { convert::get_bits(fd, SO_MARK, mark) }
}

/// `setsockopt(SOL_SOCKET, SO_PRIORITY)`: the queueing priority of `fd`'s
/// outgoing packets; 0 to 6 for anyone, higher with `CAP_NET_ADMIN`.
///
/// Returns 0, or `-EINVAL` for a negative `priority`, `-EPERM` (above 6
/// without `CAP_NET_ADMIN`), or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_set_priority(fd: c_int, priority: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { convert::set_count(fd, SO_PRIORITY, priority) }
}

/// `getsockopt(SOL_SOCKET, SO_PRIORITY)`.
///
/// Returns the priority, or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_get_priority(fd: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { convert::get_count(fd, SO_PRIORITY) }
}

/// `setsockopt(SOL_SOCKET, SO_RCVLOWAT)`: a stream socket reports readable,
/// and a blocking receive waits, until at least `bytes` are queued (1 by
/// default).
///
/// Returns 0, or `-EINVAL` for a negative `bytes`, or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_set_rcvlowat(fd: c_int, bytes: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { convert::set_count(fd, SO_RCVLOWAT, bytes) }
}

/// `getsockopt(SOL_SOCKET, SO_RCVLOWAT)`.
///
/// Returns the low-water mark in bytes, or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_get_rcvlowat(fd: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { convert::get_count(fd, SO_RCVLOWAT) }
}

/// `setsockopt(SOL_SOCKET, SO_INCOMING_CPU)`: the CPU `fd`'s incoming
/// packets are expected on; among sockets sharing a port (`SO_REUSEPORT`)
/// the kernel hands a connection or datagram to the one whose CPU received
/// it.
///
/// Returns 0, or `-EINVAL` for a negative `cpu`, or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_set_incoming_cpu(fd: c_int, cpu: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { convert::set_count(fd, SO_INCOMING_CPU, cpu) }
}

/// `getsockopt(SOL_SOCKET, SO_INCOMING_CPU)`: into `*cpu`, the CPU that
/// handled `fd`'s last incoming packet (or the one set), or -1 before any.
///
/// Returns 0, or `-EFAULT` for a NULL `cpu`, or `-errno`. `*cpu` is
/// unchanged on error.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns; `cpu` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn sc_get_incoming_cpu(fd: c_int, cpu: *mut c_int) -> c_int {
    // SAFETY: the caller's promises about fd and cpu.
    unsafe { convert::get_cpu(fd, SO_INCOMING_CPU, cpu) }
}

/// `setsockopt(SOL_SOCKET, SO_BUSY_POLL)`: a blocking receive with nothing
/// queued first polls the device's queue for up to `usec` microseconds
/// before it sleeps; 0 turns it off.
///
/// Returns 0, or `-EINVAL` for a negative `usec`, `-EPERM` (raising it
/// without `CAP_NET_ADMIN`), `-ENOPROTOOPT` (a kernel without busy
/// polling), or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_set_busy_poll(fd: c_int, usec: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { convert::set_count(fd, SO_BUSY_POLL, usec) }
}

/// `getsockopt(SOL_SOCKET, SO_BUSY_POLL)`.
///
/// Returns the busy-poll time in microseconds, or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_get_busy_poll(fd: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { convert::get_count(fd, SO_BUSY_POLL) }
}

/// `setsockopt(SOL_SOCKET, SO_OOBINLINE)`: TCP urgent data (sent with
/// `MSG_OOB`) stays in the normal stream, where a plain read finds it.
///
/// Returns 0 or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_set_oobinline(fd: c_int, on: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { convert::set_switch(fd, SO_OOBINLINE, on) }
}

/// `getsockopt(SOL_SOCKET, SO_OOBINLINE)`.
///
/// Returns 1 (on), 0 (off) or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_get_oobinline(fd: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { convert::get_switch(fd, SO_OOBINLINE) }
}

/// `setsockopt(SOL_SOCKET, SO_ZEROCOPY)`: let sends with `SC_MSG_ZEROCOPY`
/// use the caller's pages instead of copying them (TCP: Linux 4.14; UDP:
/// 5.0); `sc_zerocopy_completions` then says when each buffer may be
/// reused.
///
/// Returns 0, or `-EOPNOTSUPP` (a Unix socket, or another family without
/// zero-copy sends), `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_set_zerocopy(fd: c_int, on: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { convert::set_switch(fd, SO_ZEROCOPY, on) }
}

/// `getsockopt(SOL_SOCKET, SO_ZEROCOPY)`.
///
/// Returns 1 (on), 0 (off) or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_get_zerocopy(fd: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { convert::get_switch(fd, SO_ZEROCOPY) }
}
