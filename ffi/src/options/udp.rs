//! Typed `SOL_UDP` options: segmentation offload for every send
//! (`UDP_SEGMENT`), and coalesced receives (`UDP_GRO`). Each may also
//! return the errors listed for `sc_getsockopt` (`-ENOPROTOOPT` on a TCP
//! socket, `-EOPNOTSUPP` on a Unix one).

use core::ffi::c_int;

use sockcore::options::{UDP_GRO, UDP_SEGMENT};

use super::convert;

/// `setsockopt(SOL_UDP, UDP_GRO)`: with `on` non-zero, the kernel delivers
/// runs of datagrams from one sender coalesced, each with its segment size
/// (receive them with `sc_recv_segments` into `SC_UDP_GRO_BUFFER` bytes).
/// Turn it off only when nothing is queued: runs queued while it was on
/// are then read as one datagram each, with no segment size and no sign of
/// it. Linux 5.0.
///
/// Returns 0, or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_set_udp_gro(fd: c_int, on: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { convert::set_switch(fd, UDP_GRO, on) }
}

/// `getsockopt(SOL_UDP, UDP_GRO)`.
///
/// Returns 1 (on), 0 (off), or `-errno` (`-ENOPROTOOPT` on kernels before
/// 5.12, which can only set it).
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_get_udp_gro(fd: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { convert::get_switch(fd, UDP_GRO) }
}

/// `setsockopt(SOL_UDP, UDP_SEGMENT)`: every later send on the socket that
/// carries no `UDP_SEGMENT` control message, `sc_sendto` included, is cut
/// into datagrams of `size` bytes (0: none, the default). Each send is then
/// bound by `SC_UDP_MAX_SEGMENTS` and `SC_UDP_MAX_PAYLOAD` without being
/// split for them: `sc_send_segments` splits, and leaves this option alone.
/// Linux 4.18.
///
/// Returns 0, or `-EINVAL` outside 0 to 65535, or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_set_udp_segment(fd: c_int, size: c_int) -> c_int {
    // SAFETY: the caller's promise about fd. The kernel refuses a size
    // over 65535 with EINVAL itself.
    unsafe { convert::set_count(fd, UDP_SEGMENT, size) }
}

/// `getsockopt(SOL_UDP, UDP_SEGMENT)`: the segment size in effect (0:
/// none).
///
/// Returns the size, or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_get_udp_segment(fd: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { convert::get_count(fd, UDP_SEGMENT) }
}
