//! Typed options that turn on received control messages: packet info, TOS
//! and traffic class, TTL and hop limit, the error queue, the original
//! destination, the drop count and timestamps. Each message is then read
//! from what `sc_recvmsg` received with an `sc_cmsg_get_*` reader, in
//! control space sized with `SC_CMSG_SPACE_RECV_ALL` (or the kind's own
//! `SC_CMSG_SPACE_*`). Each call may also return the errors listed for
//! `sc_getsockopt` (`-ENOPROTOOPT` for an IPv4 option on an IPv6 socket and
//! the reverse).

use core::ffi::{c_int, c_uint};

use sockcore::options::{
    IPV6_RECVERR, IPV6_RECVHOPLIMIT, IPV6_RECVORIGDSTADDR, IPV6_RECVPKTINFO, IPV6_RECVTCLASS,
    IP_PKTINFO, IP_RECVERR, IP_RECVORIGDSTADDR, IP_RECVTOS, IP_RECVTTL, SO_RXQ_OVFL,
    SO_TIMESTAMPING_OLD,
};
use sockcore::{Errno, TimestampingFlags};

use super::convert::{self, switch, switch_return};
use crate::args::{self, unit_return};

/// `setsockopt(IPPROTO_IP, IP_PKTINFO)`: with `on` non-zero, each IPv4 datagram received carries
/// where it was sent and the interface it came in by: read them with `sc_cmsg_get_packet_info`, and
/// reply from that address with `sc_cmsg_add_source` (a server bound to `0.0.0.0`).
///
/// Returns 0 or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_set_recv_pktinfo(fd: c_int, on: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { convert::set_switch(fd, IP_PKTINFO, on) }
}

/// `getsockopt(IPPROTO_IP, IP_PKTINFO)`.
///
/// Returns 1 (on), 0 (off) or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_get_recv_pktinfo(fd: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { convert::get_switch(fd, IP_PKTINFO) }
}

/// `setsockopt(IPPROTO_IPV6, IPV6_RECVPKTINFO)`: with `on` non-zero, as `sc_set_recv_pktinfo`, for
/// IPv6 datagrams (and IPv4 ones on a dual-stack socket, IPv4-mapped).
///
/// Returns 0 or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_set_recv_pktinfo_v6(fd: c_int, on: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { convert::set_switch(fd, IPV6_RECVPKTINFO, on) }
}

/// `getsockopt(IPPROTO_IPV6, IPV6_RECVPKTINFO)`.
///
/// Returns 1 (on), 0 (off) or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_get_recv_pktinfo_v6(fd: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { convert::get_switch(fd, IPV6_RECVPKTINFO) }
}

/// `setsockopt(IPPROTO_IP, IP_RECVTOS)`: with `on` non-zero, each IPv4 datagram carries its TOS
/// byte, DSCP and ECN: read it with `sc_cmsg_get_tos`.
///
/// Returns 0 or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_set_recv_tos(fd: c_int, on: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { convert::set_switch(fd, IP_RECVTOS, on) }
}

/// `getsockopt(IPPROTO_IP, IP_RECVTOS)`.
///
/// Returns 1 (on), 0 (off) or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_get_recv_tos(fd: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { convert::get_switch(fd, IP_RECVTOS) }
}

/// `setsockopt(IPPROTO_IPV6, IPV6_RECVTCLASS)`: with `on` non-zero, each IPv6 datagram carries its
/// traffic class: read it with `sc_cmsg_get_tos`.
///
/// Returns 0 or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_set_recv_tclass(fd: c_int, on: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { convert::set_switch(fd, IPV6_RECVTCLASS, on) }
}

/// `getsockopt(IPPROTO_IPV6, IPV6_RECVTCLASS)`.
///
/// Returns 1 (on), 0 (off) or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_get_recv_tclass(fd: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { convert::get_switch(fd, IPV6_RECVTCLASS) }
}

/// `setsockopt(IPPROTO_IP, IP_RECVTTL)`: with `on` non-zero, each IPv4 datagram carries the TTL it
/// arrived with: read it with `sc_cmsg_get_ttl`.
///
/// Returns 0 or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_set_recv_ttl(fd: c_int, on: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { convert::set_switch(fd, IP_RECVTTL, on) }
}

/// `getsockopt(IPPROTO_IP, IP_RECVTTL)`.
///
/// Returns 1 (on), 0 (off) or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_get_recv_ttl(fd: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { convert::get_switch(fd, IP_RECVTTL) }
}

/// `setsockopt(IPPROTO_IPV6, IPV6_RECVHOPLIMIT)`: with `on` non-zero, each IPv6 datagram carries
/// the hop limit it arrived with: read it with `sc_cmsg_get_ttl`.
///
/// Returns 0 or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_set_recv_hoplimit(fd: c_int, on: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { convert::set_switch(fd, IPV6_RECVHOPLIMIT, on) }
}

/// `getsockopt(IPPROTO_IPV6, IPV6_RECVHOPLIMIT)`.
///
/// Returns 1 (on), 0 (off) or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_get_recv_hoplimit(fd: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { convert::get_switch(fd, IPV6_RECVHOPLIMIT) }
}

/// `setsockopt(IPPROTO_IP, IP_RECVERR)`: with `on` non-zero, ICMP errors about what this socket
/// sent (a port unreachable, a path MTU) and local errors are queued on its error queue, which poll
/// reports as `POLLERR`: read an entry with `sc_recvmsg` and `SC_MSG_ERRQUEUE` (its data is the
/// datagram that caused it) and `sc_cmsg_get_extended_err`.
///
/// Mind the trap: with this on, an ICMP error also makes the next ordinary receive on an
/// unconnected socket fail with the error's code (`-ECONNREFUSED` for a closed port), even with a
/// datagram queued, unless the error queue was read first (a connected socket's does so with or
/// without this option). Read the queue whenever poll reports `POLLERR`.
///
/// Returns 0 or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_set_recverr(fd: c_int, on: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { convert::set_switch(fd, IP_RECVERR, on) }
}

/// `getsockopt(IPPROTO_IP, IP_RECVERR)`.
///
/// Returns 1 (on), 0 (off) or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_get_recverr(fd: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { convert::get_switch(fd, IP_RECVERR) }
}

/// `setsockopt(IPPROTO_IPV6, IPV6_RECVERR)`: with `on` non-zero, as `sc_set_recverr`, for ICMPv6,
/// with the same trap: the next ordinary receive fails until the queue is read.
///
/// Returns 0 or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_set_recverr_v6(fd: c_int, on: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { convert::set_switch(fd, IPV6_RECVERR, on) }
}

/// `getsockopt(IPPROTO_IPV6, IPV6_RECVERR)`.
///
/// Returns 1 (on), 0 (off) or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_get_recverr_v6(fd: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { convert::get_switch(fd, IPV6_RECVERR) }
}

/// `setsockopt(IPPROTO_IP, IP_RECVORIGDSTADDR)`: with `on` non-zero, each IPv4 datagram carries the
/// address and port it was sent to: read them with `sc_cmsg_get_origdstaddr`.
///
/// Returns 0 or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_set_recv_origdstaddr(fd: c_int, on: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { convert::set_switch(fd, IP_RECVORIGDSTADDR, on) }
}

/// `getsockopt(IPPROTO_IP, IP_RECVORIGDSTADDR)`.
///
/// Returns 1 (on), 0 (off) or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_get_recv_origdstaddr(fd: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { convert::get_switch(fd, IP_RECVORIGDSTADDR) }
}

/// `setsockopt(IPPROTO_IPV6, IPV6_RECVORIGDSTADDR)`: with `on` non-zero, as
/// `sc_set_recv_origdstaddr`, for IPv6 datagrams (a dual-stack socket needs the IPv4 option too for
/// IPv4 ones).
///
/// Returns 0 or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_set_recv_origdstaddr_v6(fd: c_int, on: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { convert::set_switch(fd, IPV6_RECVORIGDSTADDR, on) }
}

/// `getsockopt(IPPROTO_IPV6, IPV6_RECVORIGDSTADDR)`.
///
/// Returns 1 (on), 0 (off) or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_get_recv_origdstaddr_v6(fd: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { convert::get_switch(fd, IPV6_RECVORIGDSTADDR) }
}

/// `setsockopt(SOL_SOCKET, SO_RXQ_OVFL)`: with `on` non-zero, each datagram carries how many
/// datagrams the socket has dropped so far for want of buffer space: read it with
/// `sc_cmsg_get_drop_count`. The count is cumulative, and no message comes while it is 0.
///
/// Returns 0 or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_set_rxq_ovfl(fd: c_int, on: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { convert::set_switch(fd, SO_RXQ_OVFL, on) }
}

/// `getsockopt(SOL_SOCKET, SO_RXQ_OVFL)`.
///
/// Returns 1 (on), 0 (off) or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_get_rxq_ovfl(fd: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { convert::get_switch(fd, SO_RXQ_OVFL) }
}

/// `setsockopt(SOL_SOCKET, SO_TIMESTAMPNS_NEW)`: with `on` non-zero, each
/// datagram carries its `CLOCK_REALTIME` receive time in nanoseconds, with
/// 64-bit seconds on every target: read it with `sc_cmsg_get_timestamp`. On
/// kernels before 5.1, which lack that option, this sets
/// `SO_TIMESTAMPNS_OLD` (32-bit seconds on 32-bit targets). The format of
/// every stamp on a socket follows the last timestamp option set on it;
/// this call and `sc_set_timestamping` both ask for the 64-bit one.
///
/// Returns 0 or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_set_recv_timestamps(fd: c_int, on: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unit_return(unsafe { args::socket(fd) }.set_recv_timestamps(switch(on)))
}

/// Whether receive times are on, in either format (`getsockopt` of
/// `SO_TIMESTAMPNS_NEW`, then of `SO_TIMESTAMPNS_OLD`).
///
/// Returns 1 (on), 0 (off) or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_get_recv_timestamps(fd: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    switch_return(unsafe { args::socket(fd) }.recv_timestamps())
}

/// `setsockopt(SOL_SOCKET, SO_TIMESTAMPING_NEW)` (`SO_TIMESTAMPING_OLD` on
/// kernels before 5.1): what `SO_TIMESTAMPING` records and reports, a
/// combination of `SC_TIMESTAMPING_*` flags.
///
/// - Receive stamps: `SC_TIMESTAMPING_RX_SOFTWARE | SC_TIMESTAMPING_SOFTWARE`;
///   read them with `sc_cmsg_get_timestamping`. They may be missing for a
///   moment after the first socket on the system asks for them (the
///   kernel turns stamping on through deferred work).
/// - Transmit stamps: `SC_TIMESTAMPING_TX_SOFTWARE | SC_TIMESTAMPING_SOFTWARE`;
///   one entry per send arrives on the error queue (poll reports
///   `POLLERR`): `sc_recvmsg` with `SC_MSG_ERRQUEUE`, then
///   `sc_cmsg_get_timestamping` and `sc_cmsg_get_extended_err` (`ENOMSG`,
///   origin `SC_EE_ORIGIN_TIMESTAMPING`). `SC_TIMESTAMPING_OPT_ID` numbers
///   the sends in its `ee_data`; `SC_TIMESTAMPING_OPT_TSONLY` leaves the
///   packet out of the entry.
///
/// Returns 0, or `-EINVAL` for bits other than the `SC_TIMESTAMPING_*`
/// flags (or a combination the kernel refuses), or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_set_timestamping(fd: c_int, flags: c_uint) -> c_int {
    let flags = TimestampingFlags::from_bits(flags).ok_or(Errno::EINVAL);
    // SAFETY: the caller's promise about fd.
    unit_return(flags.and_then(|flags| unsafe { args::socket(fd) }.set_timestamping(flags)))
}

/// `getsockopt(SOL_SOCKET, SO_TIMESTAMPING_OLD)`: the `SC_TIMESTAMPING_*`
/// flags set, in either format.
///
/// Returns the flags or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_get_timestamping(fd: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { convert::get_count(fd, SO_TIMESTAMPING_OLD) }
}
