//! `sc_udp_offload`: one UDP socket's offload state, in the caller's memory.

use core::ffi::c_int;

use sockcore::udp::UdpOffload;

use super::state::{encode, sc_udp_offload};
use crate::args::{self, int_return, unit_return};

/// Checks once that `fd` is a UDP socket (one `getsockopt(SO_PROTOCOL)`)
/// and sets `*u` up for it. `flags`: 0, or `SC_UDP_OFFLOAD_NO_GSO` to send
/// every buffer as `sendmmsg` batches.
///
/// Returns 0, or `-EFAULT` for a NULL `u`, `-EINVAL` for other `flags`,
/// `-ENOPROTOOPT` for a socket that is not UDP (TCP, Unix, UDP-Lite: a TCP
/// socket would stream the bytes), `-EBADF`, `-ENOTSOCK`. `*u` is unchanged
/// on error.
///
/// # Safety
///
/// `u` must be NULL or writable; `fd` a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_udp_offload_init(
    u: *mut sc_udp_offload,
    fd: c_int,
    flags: c_int,
) -> c_int {
    // SAFETY: the caller's promise about u.
    let u = unsafe { args::out_ref(u) };
    unit_return(u.and_then(|u| {
        let gso = args::udp_offload_flags(flags)?;
        // SAFETY: the caller's promise about fd.
        let socket = unsafe { args::socket(fd) };
        UdpOffload::new(&socket)?;
        *u = sc_udp_offload {
            fd,
            state: encode(gso),
        };
        Ok(())
    }))
}

/// Whether offload is in use on `u`'s socket: `SC_GSO_UNTRIED` (nothing
/// sent yet), `SC_GSO_OFFLOADED` or `SC_GSO_REFUSED` (after the kernel
/// refused, or with `SC_UDP_OFFLOAD_NO_GSO`).
///
/// Returns one of those, or `-EFAULT` for a NULL `u`, `-EINVAL` for a `u`
/// never set up.
///
/// # Safety
///
/// `u` must be NULL or point at an `sc_udp_offload`.
#[no_mangle]
pub unsafe extern "C" fn sc_udp_offload_gso(u: *const sc_udp_offload) -> c_int {
    // SAFETY: the caller's promise about u.
    let status = unsafe { args::udp_offload_status(u) };
    int_return(status.map(|gso| encode(gso) - 1))
}
