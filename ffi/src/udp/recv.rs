//! Receiving a coalesced run with its segment size: `sc_recv_segments`,
//! and on an `sc_udp_offload`, `sc_udp_offload_recv`.

use core::ffi::{c_int, c_void};

use libc::{size_t, ssize_t};
use sockcore::udp::{GsoStatus, UdpOffload};
use sockcore::{Errno, SocketAddr, SocketFd};

use super::state::sc_udp_offload;
use crate::addr::value::sc_addr;
use crate::args::{self, size_return};

/// `recvmsg(2)` of one coalesced run (with `sc_set_udp_gro` on) or one
/// datagram into `buf`, with its segment size in `*segment` (every datagram
/// of the run has that length but the last, which may be shorter; for a
/// datagram that was not coalesced, its length: 0 for an empty one) and its
/// sender in `*from` (`from` may be NULL). Walk the run's datagrams with
/// `sc_segments_init` and `sc_segments_next`.
///
/// Give `SC_UDP_GRO_BUFFER` bytes: a run longer than `len` is `-EMSGSIZE`
/// (`buf` holds its first `len` bytes; the rest is gone), never a silent
/// loss, unless `flags` has `SC_MSG_TRUNC`, which returns the run's full
/// length (more than `len`). `flags`: `SC_MSG_DONTWAIT`, `SC_MSG_PEEK`,
/// `SC_MSG_TRUNC`.
///
/// It checks that `fd` is a UDP socket on every call (one `getsockopt`
/// more); a loop should keep an `sc_udp_offload` and call
/// `sc_udp_offload_recv`. For several runs in one `sc_recvmmsg`, give every
/// message a control buffer of its own, `SC_CMSG_SPACE_UDP_GRO` bytes at
/// least, and read each run's segment size with `sc_cmsg_get_udp_gro`:
/// without one the kernel drops the segment size and sets `MSG_CTRUNC`.
///
/// Returns the bytes of the run, or `-EFAULT` for a NULL `buf` or
/// `segment`, `-EINVAL` for `len` 0 or over `SSIZE_MAX` or other `flags`,
/// `-ENOPROTOOPT` for a socket that is not UDP (nothing is received),
/// `-EMSGSIZE`, `-ENOBUFS` (the segment size was cut off the control data:
/// not with this call's own control space), and the errors of
/// `sc_recvfrom` (`-EAGAIN`, `-EINTR`, `-ECONNREFUSED`, ...). `*from` and
/// `*segment` are unchanged on error.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns; `buf` NULL or writable for
/// `len` bytes; `from` and `segment` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn sc_recv_segments(
    fd: c_int,
    buf: *mut c_void,
    len: size_t,
    flags: c_int,
    from: *mut sc_addr,
    segment: *mut size_t,
) -> ssize_t {
    // SAFETY: the caller's promises, passed on.
    size_return(unsafe { receive(&args::socket(fd), None, buf, len, flags, from, segment) })
}

/// `sc_recv_segments` on `u`'s socket, without the socket check.
///
/// Returns and errors as `sc_recv_segments`, and `-EFAULT` for a NULL `u`,
/// `-EINVAL` for a `u` never set up.
///
/// # Safety
///
/// `u` must be NULL or point at an `sc_udp_offload`; `buf`, `from` and
/// `segment` as for `sc_recv_segments`.
#[no_mangle]
pub unsafe extern "C" fn sc_udp_offload_recv(
    u: *mut sc_udp_offload,
    buf: *mut c_void,
    len: size_t,
    flags: c_int,
    from: *mut sc_addr,
    segment: *mut size_t,
) -> ssize_t {
    // SAFETY: the caller's promise about u.
    let offload = unsafe { args::udp_offload(u) };
    size_return(offload.and_then(|(u, gso)| {
        // SAFETY: u was set up for a descriptor the caller owns, and the
        // caller's promises about the rest.
        unsafe {
            receive(
                &args::socket(u.fd),
                Some(gso),
                buf,
                len,
                flags,
                from,
                segment,
            )
        }
    }))
}

/// The receive both calls share: with `gso`, on an `sc_udp_offload`'s
/// socket; without, checking the socket first.
///
/// # Safety
///
/// As for `sc_recv_segments`.
#[inline(never)]
#[allow(clippy::too_many_arguments)]
unsafe fn receive(
    socket: &SocketFd,
    gso: Option<GsoStatus>,
    buf: *mut c_void,
    len: size_t,
    flags: c_int,
    from: *mut sc_addr,
    segment: *mut size_t,
) -> Result<usize, Errno> {
    // SAFETY: the caller's promises.
    let buf = unsafe { args::buf_mut(buf, len) }?;
    // SAFETY: the caller's promises.
    let segment = unsafe { args::out_ref(segment) }?;
    // SAFETY: the caller's promises.
    let from = unsafe { args::addr_out_opt(from) };
    let flags = args::msg_flags(flags)?;
    let Some(gso) = gso else {
        let run = socket.recv_segments(buf, flags)?;
        *segment = run.segment;
        if let Some(from) = from {
            *from = run.addr;
        }
        return Ok(run.len);
    };
    // The loop's call: the sender straight into a local address, copied
    // out only on success (`*from` is unchanged on error), and not asked
    // of the kernel at all when `from` is NULL.
    let mut sender = SocketAddr::empty();
    let size = UdpOffload::from_state(socket, gso).recv_from_into(
        buf,
        flags,
        from.is_some().then_some(&mut sender),
    )?;
    *segment = size.segment;
    if let Some(from) = from {
        *from = sender;
    }
    Ok(size.len)
}
