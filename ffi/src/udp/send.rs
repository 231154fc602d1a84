//! Sending a buffer as equal datagrams: `sc_send_segments`, and on an
//! `sc_udp_offload`, `sc_udp_offload_send` and `sc_udp_offload_sendmsg`.

use core::ffi::{c_int, c_void};

use libc::{size_t, ssize_t};
use sockcore::udp::UdpOffload;
use sockcore::Errno;

use super::state::{encode, sc_udp_offload};
use crate::addr::value::sc_addr;
use crate::args::{self, size_return};

/// `sendmsg(2)` with `UDP_SEGMENT`: sends `len` bytes at `buf` as datagrams
/// of `segment` bytes (the last one may be shorter) to `*to` (NULL on a
/// connected socket), with `flags | MSG_NOSIGNAL`. One system call carries
/// at most `SC_UDP_MAX_SEGMENTS` datagrams and `SC_UDP_MAX_PAYLOAD` bytes,
/// so a longer buffer takes several (54 datagrams of 1,200 bytes each).
/// Where the kernel refuses offload (`EIO` from a device that cannot
/// segment, `EINVAL` from a socket with UDP checksums off) the same
/// datagrams go as `sendmmsg` batches. `EMSGSIZE` (a segment over the path
/// MTU) is returned, never fallen back from: the datagrams would be
/// fragmented. `flags`: `SC_MSG_DONTWAIT`, `SC_MSG_CONFIRM`,
/// `SC_MSG_DONTROUTE`, `SC_MSG_NOSIGNAL`. The socket option `UDP_SEGMENT`
/// is left alone.
///
/// It checks that `fd` is a UDP socket on every call (one `getsockopt`
/// more), and a refusal is not remembered: each call tries offload first.
/// A loop should keep an `sc_udp_offload` and call `sc_udp_offload_send`.
///
/// Returns the bytes sent: `len`, or fewer (whole datagrams) when a system
/// call after the first failed or a non-blocking socket filled: send the
/// rest from `buf` plus the return. Errors, with nothing sent: `-EFAULT`
/// for a NULL `buf`, `-EINVAL` for `len` 0 (the kernel would send an empty
/// datagram) or over `SSIZE_MAX`, `segment` 0 (it would send one
/// unsegmented datagram) or over `SC_UDP_MAX_PAYLOAD`, other `flags`, a
/// malformed `*to`; `-EAFNOSUPPORT` for a `*to` that is not IPv4 or IPv6;
/// `-ENOPROTOOPT` for a socket that is not UDP (a TCP socket would stream
/// the bytes); then `-EMSGSIZE`, and the errors of `sc_sendto` (`-EAGAIN`,
/// `-EINTR`, `-EDESTADDRREQ`, `-ECONNREFUSED`, ...).
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns; `buf` NULL or readable for
/// `len` bytes; `to` NULL or an initialised `sc_addr`.
#[no_mangle]
pub unsafe extern "C" fn sc_send_segments(
    fd: c_int,
    buf: *const c_void,
    len: size_t,
    segment: size_t,
    flags: c_int,
    to: *const sc_addr,
) -> ssize_t {
    // SAFETY: the caller's promises about fd, buf and to.
    size_return(unsafe {
        args::buf(buf, len).and_then(|buf| {
            let flags = args::msg_flags(flags)?;
            let to = args::addr_opt(to)?;
            args::socket(fd).send_segments(buf, segment, flags, to)
        })
    })
}

/// `sc_send_segments` on `u`'s socket, without the socket check; a kernel
/// refusal of offload is remembered in `*u` (`sc_udp_offload_gso` then
/// says `SC_GSO_REFUSED`), and later calls go straight to `sendmmsg`
/// batches. When the batches fail with the very error the offloaded call
/// got, and nothing went, the error was not about offload (such as a bad
/// control message), and `*u` keeps its state.
///
/// Returns and errors as `sc_send_segments`, and `-EFAULT` for a NULL `u`,
/// `-EINVAL` for a `u` never set up.
///
/// # Safety
///
/// `u` must be NULL or point at an `sc_udp_offload`; `buf` and `to` as for
/// `sc_send_segments`.
#[no_mangle]
pub unsafe extern "C" fn sc_udp_offload_send(
    u: *mut sc_udp_offload,
    buf: *const c_void,
    len: size_t,
    segment: size_t,
    flags: c_int,
    to: *const sc_addr,
) -> ssize_t {
    // SAFETY: the caller's promises, passed on.
    unsafe { sc_udp_offload_sendmsg(u, buf, len, segment, core::ptr::null(), 0, flags, to) }
}

/// `sc_udp_offload_send` with `controllen` bytes of control messages at
/// `control` (built with `CMSG_*` or the library's builder: a source
/// address, a traffic class with ECN, a hop limit) attached to every
/// system call: offloaded, the kernel copies them into each datagram; in a
/// `sendmmsg` batch every datagram carries them.
///
/// Returns and errors as `sc_udp_offload_send`, and `-EFAULT` for a NULL
/// `control` with `controllen` > 0, `-EINVAL` for `controllen` over
/// `SC_UDP_OFFLOAD_CONTROL_MAX` or a `UDP_SEGMENT` message in `control`.
///
/// # Safety
///
/// As for `sc_udp_offload_send`; `control` NULL or readable for
/// `controllen` bytes.
#[no_mangle]
#[allow(clippy::too_many_arguments)] // sendmsg's and the offload's, in C's order
pub unsafe extern "C" fn sc_udp_offload_sendmsg(
    u: *mut sc_udp_offload,
    buf: *const c_void,
    len: size_t,
    segment: size_t,
    control: *const c_void,
    controllen: size_t,
    flags: c_int,
    to: *const sc_addr,
) -> ssize_t {
    // SAFETY: the caller's promises about u, buf, control and to.
    size_return(unsafe { offload_send(u, buf, len, segment, control, controllen, flags, to) })
}

/// The send behind the offload calls, as a `Result`, out of line: both
/// exports share it.
///
/// # Safety
///
/// As for `sc_udp_offload_sendmsg`.
#[inline(never)]
#[allow(clippy::too_many_arguments)]
unsafe fn offload_send(
    u: *mut sc_udp_offload,
    buf: *const c_void,
    len: size_t,
    segment: size_t,
    control: *const c_void,
    controllen: size_t,
    flags: c_int,
    to: *const sc_addr,
) -> Result<usize, Errno> {
    // SAFETY: the caller's promises.
    let (u, gso) = unsafe { args::udp_offload(u) }?;
    // SAFETY: the caller's promises.
    let buf = unsafe { args::buf(buf, len) }?;
    // SAFETY: the caller's promises.
    let control = unsafe { args::array(control.cast::<u8>(), controllen, usize::MAX) }?;
    let flags = args::msg_flags(flags)?;
    // SAFETY: the caller's promises.
    let to = unsafe { args::addr_opt(to) }?;
    // SAFETY: u was set up for a descriptor the caller owns.
    let socket = unsafe { args::socket(u.fd) };
    let mut offload = UdpOffload::from_state(&socket, gso);
    let sent = offload.send_with_control(buf, segment, control, flags, to);
    u.state = encode(offload.gso());
    sent
}
