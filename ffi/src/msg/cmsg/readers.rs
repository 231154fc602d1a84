//! The `sc_cmsg_get_*` readers: the first control message of a kind in what
//! `sc_recvmsg` (or `sc_recvmmsg`) received, decoded into the caller's
//! variables.
//!
//! Each scans the `msg->msg_controllen` bytes at `msg->msg_control` with
//! sockcore's own walker (any alignment, never past the buffer, the same on
//! glibc and musl) and returns:
//!
//! - 0: found, and stored;
//! - `-ENOENT`: no message of the kind;
//! - `-ENOBUFS`: none, and `msg->msg_flags` has `MSG_CTRUNC`: it may have
//!   been cut off (give more control space: `SC_CMSG_SPACE_RECV_ALL`);
//! - `-EBADMSG`: present but cut short by the kernel to fit the buffer:
//!   nothing is read from it;
//! - `-EFAULT`: a NULL `msg` or output, or a NULL `msg_control` with a
//!   length.
//!
//! Outputs are unchanged unless 0 is returned.

use core::ffi::c_int;
use core::net::{IpAddr, SocketAddr as IpSocketAddr};

use libc::{msghdr, size_t};
use sockcore::{CmsgKind, Cmsgs, ControlMessage, Errno, SocketAddr};

use super::values::{sc_extended_err, sc_timestamp};
use crate::addr::value::sc_addr;
use crate::args::{self, unit_return};

/// The first message of `kind` in `msg`'s control data, whole; the errors
/// of the module docs otherwise.
///
/// # Safety
///
/// As for [`args::received_control`].
#[inline(never)]
unsafe fn first<'call>(msg: *const msghdr, kind: CmsgKind) -> Result<ControlMessage<'call>, Errno> {
    // SAFETY: the caller's promise.
    let (bytes, flags) = unsafe { args::received_control(msg) }?;
    match Cmsgs::new(bytes).first(kind) {
        Some(ControlMessage::Truncated { .. }) => Err(Errno::EBADMSG),
        Some(message) => Ok(message),
        None if flags & libc::MSG_CTRUNC != 0 => Err(Errno::ENOBUFS),
        None => Err(Errno::ENOENT),
    }
}

/// An IP address with port 0, as an `sc_addr` holds it: one copy of the
/// conversion for the packet info's two addresses.
#[inline(never)]
fn at_port_0(ip: IpAddr) -> SocketAddr {
    SocketAddr::from(IpSocketAddr::new(ip, 0))
}

/// Stores `value` in `*out` when it is found: the last step of most
/// readers. `-EFAULT` for a NULL `out`, checked before the search.
///
/// # Safety
///
/// As for [`args::out_ref`] and [`first`].
#[inline]
unsafe fn store<T>(
    msg: *const msghdr,
    out: *mut T,
    kind: CmsgKind,
    value: impl FnOnce(ControlMessage<'_>) -> Option<T>,
) -> c_int {
    // SAFETY: the caller's promises.
    let result = unsafe { args::out_ref(out) }.and_then(|out| {
        // SAFETY: the caller's promise about msg.
        let message = unsafe { first(msg, kind) }?;
        *out = value(message).ok_or(Errno::ENOENT)?;
        Ok(())
    });
    unit_return(result)
}

/// The segment size of a coalesced run of datagrams (`SOL_UDP`/`UDP_GRO`,
/// an `int`), into `*segment`.
///
/// Returns 0 (found and stored), or `-ENOENT` (none), `-ENOBUFS` (none,
/// and `msg->msg_flags` has `MSG_CTRUNC`: it may have been cut off),
/// `-EBADMSG` (cut short by the kernel: nothing is read from it), `-EFAULT`
/// (NULL `msg` or `segment`, or NULL `msg_control` with a length). The output is
/// unchanged unless 0 is returned.
///
/// # Safety
///
/// `msg` NULL or a `struct msghdr` a receive filled, its control buffer
/// readable; `segment` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn sc_cmsg_get_udp_gro(msg: *const msghdr, segment: *mut size_t) -> c_int {
    // SAFETY: the caller's promises.
    unsafe {
        store(
            msg,
            segment,
            CmsgKind::GroSegment,
            |message| match message {
                ControlMessage::GroSegment(size) => Some(size_t::from(size)),
                _ => None,
            },
        )
    }
}

/// `IP_PKTINFO` or `IPV6_PKTINFO` (turned on by `sc_set_recv_pktinfo` or
/// `sc_set_recv_pktinfo_v6`): the address the datagram was sent to into
/// `*destination`, the local address to reply from into `*local`
/// (`ipi_spec_dst` for IPv4, the destination for IPv6; pass it to
/// `sc_cmsg_add_source`), both with port 0, and the interface it came in by
/// into `*ifindex`. Each of the three may be NULL (not wanted).
///
/// Returns 0 (found and stored), or `-ENOENT` (none), `-ENOBUFS` (none,
/// and `msg->msg_flags` has `MSG_CTRUNC`: it may have been cut off),
/// `-EBADMSG` (cut short by the kernel: nothing is read from it), `-EFAULT`
/// (NULL `msg`, or NULL `msg_control` with a length). The outputs are
/// unchanged unless 0 is returned.
///
/// # Safety
///
/// As for `sc_cmsg_get_udp_gro`; each output NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn sc_cmsg_get_packet_info(
    msg: *const msghdr,
    destination: *mut sc_addr,
    local: *mut sc_addr,
    ifindex: *mut u32,
) -> c_int {
    // SAFETY: the caller's promise about msg.
    let result = unsafe { first(msg, CmsgKind::PacketInfo) }.and_then(|message| {
        let ControlMessage::PacketInfo(info) = message else {
            return Err(Errno::ENOENT);
        };
        // SAFETY: the caller's promises about the outputs.
        unsafe {
            if let Some(out) = args::addr_out_opt(destination) {
                *out = at_port_0(info.destination);
            }
            if let Some(out) = args::addr_out_opt(local) {
                *out = at_port_0(info.local);
            }
            if let Some(out) = args::out_opt(ifindex) {
                *out = info.ifindex;
            }
        }
        Ok(())
    });
    unit_return(result)
}

/// The TOS byte (`IP_TOS`) or traffic class (`IPV6_TCLASS`) the datagram
/// carried (turned on by `sc_set_recv_tos` or `sc_set_recv_tclass`): DSCP
/// in the high six bits, ECN in the low two (0 Not-ECT, 1 ECT(1), 2 ECT(0),
/// 3 CE), into `*tos`.
///
/// Returns 0 (found and stored), or `-ENOENT` (none), `-ENOBUFS` (none,
/// and `msg->msg_flags` has `MSG_CTRUNC`: it may have been cut off),
/// `-EBADMSG` (cut short by the kernel: nothing is read from it), `-EFAULT`
/// (NULL `msg` or `tos`, or NULL `msg_control` with a length). The output is
/// unchanged unless 0 is returned.
///
/// # Safety
///
/// As for `sc_cmsg_get_udp_gro`.
#[no_mangle]
pub unsafe extern "C" fn sc_cmsg_get_tos(msg: *const msghdr, tos: *mut u8) -> c_int {
    // SAFETY: the caller's promises.
    unsafe {
        store(msg, tos, CmsgKind::Tos, |message| match message {
            ControlMessage::Tos(byte) => Some(byte.0),
            _ => None,
        })
    }
}

/// The TTL (`IP_TTL`) or hop limit (`IPV6_HOPLIMIT`) the datagram arrived
/// with (turned on by `sc_set_recv_ttl` or `sc_set_recv_hoplimit`), into
/// `*ttl`.
///
/// Returns 0 (found and stored), or `-ENOENT` (none), `-ENOBUFS` (none,
/// and `msg->msg_flags` has `MSG_CTRUNC`: it may have been cut off),
/// `-EBADMSG` (cut short by the kernel: nothing is read from it), `-EFAULT`
/// (NULL `msg` or `ttl`, or NULL `msg_control` with a length). The output is
/// unchanged unless 0 is returned.
///
/// # Safety
///
/// As for `sc_cmsg_get_udp_gro`.
#[no_mangle]
pub unsafe extern "C" fn sc_cmsg_get_ttl(msg: *const msghdr, ttl: *mut u8) -> c_int {
    // SAFETY: the caller's promises.
    unsafe {
        store(msg, ttl, CmsgKind::HopLimit, |message| match message {
            ControlMessage::HopLimit(hops) => Some(hops),
            _ => None,
        })
    }
}

/// The receive time of `sc_set_recv_timestamps` (`SCM_TIMESTAMPNS`, in the
/// 64-bit or the old form; also `SCM_TIMESTAMP`, whose microseconds are
/// made nanoseconds), into `*ts`.
///
/// Returns 0 (found and stored), or `-ENOENT` (none), `-ENOBUFS` (none,
/// and `msg->msg_flags` has `MSG_CTRUNC`: it may have been cut off),
/// `-EBADMSG` (cut short by the kernel: nothing is read from it), `-EFAULT`
/// (NULL `msg` or `ts`, or NULL `msg_control` with a length). The output is
/// unchanged unless 0 is returned.
///
/// # Safety
///
/// As for `sc_cmsg_get_udp_gro`.
#[no_mangle]
pub unsafe extern "C" fn sc_cmsg_get_timestamp(msg: *const msghdr, ts: *mut sc_timestamp) -> c_int {
    // SAFETY: the caller's promises.
    unsafe {
        store(msg, ts, CmsgKind::Timestamp, |message| match message {
            ControlMessage::Timestamp(stamp) => Some(stamp.into()),
            _ => None,
        })
    }
}

/// The `SCM_TIMESTAMPING` stamps of `sc_set_timestamping` (receive stamps,
/// or a transmit stamp on the error queue): the software stamp into
/// `*software` and the raw hardware stamp into `*hardware`, each all-zero
/// when absent; either may be NULL (not wanted).
///
/// Returns 0 (found and stored), or `-ENOENT` (none), `-ENOBUFS` (none,
/// and `msg->msg_flags` has `MSG_CTRUNC`: it may have been cut off),
/// `-EBADMSG` (cut short by the kernel: nothing is read from it), `-EFAULT`
/// (NULL `msg`, or NULL `msg_control` with a length). The outputs are
/// unchanged unless 0 is returned.
///
/// # Safety
///
/// As for `sc_cmsg_get_udp_gro`; each output NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn sc_cmsg_get_timestamping(
    msg: *const msghdr,
    software: *mut sc_timestamp,
    hardware: *mut sc_timestamp,
) -> c_int {
    // SAFETY: the caller's promise about msg.
    let result = unsafe { first(msg, CmsgKind::Timestamping) }.and_then(|message| {
        let ControlMessage::Timestamping(stamps) = message else {
            return Err(Errno::ENOENT);
        };
        let zero = sc_timestamp { sec: 0, nsec: 0 };
        // SAFETY: the caller's promises about the outputs.
        unsafe {
            if let Some(out) = args::out_opt(software) {
                *out = stamps.software.map_or(zero, sc_timestamp::from);
            }
            if let Some(out) = args::out_opt(hardware) {
                *out = stamps.hardware.map_or(zero, sc_timestamp::from);
            }
        }
        Ok(())
    });
    unit_return(result)
}

/// The error-queue entry (`IP_RECVERR` or `IPV6_RECVERR`) of a receive with
/// `SC_MSG_ERRQUEUE`, into `*err` (see `sc_extended_err` for its fields).
///
/// Returns 0 (found and stored), or `-ENOENT` (none), `-ENOBUFS` (none,
/// and `msg->msg_flags` has `MSG_CTRUNC`: it may have been cut off),
/// `-EBADMSG` (cut short by the kernel: nothing is read from it), `-EFAULT`
/// (NULL `msg` or `err`, or NULL `msg_control` with a length). The output is
/// unchanged unless 0 is returned.
///
/// # Safety
///
/// As for `sc_cmsg_get_udp_gro`.
#[no_mangle]
pub unsafe extern "C" fn sc_cmsg_get_extended_err(
    msg: *const msghdr,
    err: *mut sc_extended_err,
) -> c_int {
    // SAFETY: the caller's promises.
    unsafe {
        store(msg, err, CmsgKind::ExtendedError, |message| match message {
            ControlMessage::ExtendedError(error) => Some(sc_extended_err::from(&error)),
            _ => None,
        })
    }
}

/// `IP_ORIGDSTADDR` or `IPV6_ORIGDSTADDR` (turned on by
/// `sc_set_recv_origdstaddr` or `_v6`): the address and port the datagram
/// was sent to, into `*dst`.
///
/// Returns 0 (found and stored), or `-ENOENT` (none), `-ENOBUFS` (none,
/// and `msg->msg_flags` has `MSG_CTRUNC`: it may have been cut off),
/// `-EBADMSG` (cut short by the kernel: nothing is read from it), `-EFAULT`
/// (NULL `msg` or `dst`, or NULL `msg_control` with a length). The output is
/// unchanged unless 0 is returned.
///
/// # Safety
///
/// As for `sc_cmsg_get_udp_gro`.
#[no_mangle]
pub unsafe extern "C" fn sc_cmsg_get_origdstaddr(msg: *const msghdr, dst: *mut sc_addr) -> c_int {
    // SAFETY: the caller's promises; sc_addr has SocketAddr's layout.
    unsafe {
        store(
            msg,
            dst.cast::<SocketAddr>(),
            CmsgKind::OriginalDestination,
            |message| match message {
                ControlMessage::OriginalDestination(addr) => Some(addr),
                _ => None,
            },
        )
    }
}

/// `SO_RXQ_OVFL` (turned on by `sc_set_rxq_ovfl`): how many datagrams the
/// socket has dropped so far for want of buffer space, into `*drops`. The
/// count is cumulative, and the kernel sends no message while it is 0: then
/// `-ENOENT`.
///
/// Returns 0 (found and stored), or `-ENOENT` (none), `-ENOBUFS` (none,
/// and `msg->msg_flags` has `MSG_CTRUNC`: it may have been cut off),
/// `-EBADMSG` (cut short by the kernel: nothing is read from it), `-EFAULT`
/// (NULL `msg` or `drops`, or NULL `msg_control` with a length). The output is
/// unchanged unless 0 is returned.
///
/// # Safety
///
/// As for `sc_cmsg_get_udp_gro`.
#[no_mangle]
pub unsafe extern "C" fn sc_cmsg_get_drop_count(msg: *const msghdr, drops: *mut u32) -> c_int {
    // SAFETY: the caller's promises.
    unsafe {
        store(msg, drops, CmsgKind::DropCount, |message| match message {
            ControlMessage::DropCount(count) => Some(count),
            _ => None,
        })
    }
}
