//! Multicast: group membership, loopback, hop limit and outgoing interface,
//! for IPv4 (`IPPROTO_IP`) and IPv6 (`IPPROTO_IPV6`). Each may also return
//! the errors listed for `sc_getsockopt`.
//!
//! Interfaces are given by index (`sc_interface_index` finds one by name)
//! or, where the kernel's struct takes one, by an address of the interface
//! as an `sc_addr`; 0 and `0.0.0.0` let the kernel choose by its routing
//! table.

use core::ffi::{c_int, c_uint};

use sockcore::options::{
    IPV6_MULTICAST_HOPS, IPV6_MULTICAST_IF, IPV6_MULTICAST_LOOP, IP_MULTICAST_ALL,
    IP_MULTICAST_LOOP, IP_MULTICAST_TTL,
};
use sockcore::{AddrKind, Errno, SocketFd};

use super::convert;
use crate::addr::value::sc_addr;
use crate::args::{self, unit_return};

/// Which membership call to make.
#[derive(Clone, Copy)]
enum Membership {
    Join,
    Leave,
}

/// Joins or leaves the group in `group` (its port, flow info and scope id
/// are ignored), by the group's family.
fn change_membership(
    socket: &SocketFd,
    group: &sockcore::SocketAddr,
    ifindex: c_uint,
    change: Membership,
) -> Result<(), Errno> {
    match (group.kind(), change) {
        (AddrKind::V4(group), Membership::Join) => socket.join_multicast_v4(*group.ip(), ifindex),
        (AddrKind::V4(group), Membership::Leave) => socket.leave_multicast_v4(*group.ip(), ifindex),
        (AddrKind::V6(group), Membership::Join) => socket.join_multicast_v6(*group.ip(), ifindex),
        (AddrKind::V6(group), Membership::Leave) => socket.leave_multicast_v6(*group.ip(), ifindex),
        _ => Err(Errno::EAFNOSUPPORT),
    }
}

/// Joins or leaves the IPv4 group in `*group` on the interface with the
/// address in `*interface`, from the source in `*source` only if `source`
/// is not NULL, as a C return. Out of line: one copy for the four calls by
/// interface address.
///
/// # Safety
///
/// As for `args::socket` and `args::addr`.
#[inline(never)]
unsafe fn change_membership_by_addr(
    fd: c_int,
    group: *const sc_addr,
    source: Option<*const sc_addr>,
    interface: *const sc_addr,
    change: Membership,
) -> c_int {
    // SAFETY: the caller's promises; the checks in the documented order.
    let addrs = unsafe {
        args::ipv4(group).and_then(|group| {
            let source = source.map(|source| args::ipv4(source)).transpose()?;
            Ok((group, source, args::ipv4(interface)?))
        })
    };
    // SAFETY: the caller's promise about fd.
    let socket = unsafe { args::socket(fd) };
    unit_return(addrs.and_then(|addrs| match (addrs, change) {
        ((group, None, interface), Membership::Join) => {
            socket.join_multicast_v4_by_addr(group, interface)
        }
        ((group, None, interface), Membership::Leave) => {
            socket.leave_multicast_v4_by_addr(group, interface)
        }
        ((group, Some(source), interface), Membership::Join) => {
            socket.join_source_multicast_v4(group, source, interface)
        }
        ((group, Some(source), interface), Membership::Leave) => {
            socket.leave_source_multicast_v4(group, source, interface)
        }
    }))
}

/// `setsockopt(IPPROTO_IP, IP_ADD_MEMBERSHIP)` (with an `ip_mreqn`) or
/// `setsockopt(IPPROTO_IPV6, IPV6_ADD_MEMBERSHIP)`, by the family of
/// `*group`: joins that multicast group on interface `ifindex`. The group
/// is an `sc_addr` such as one `sc_addr_parse` makes of `"239.1.2.3:0"` or
/// `"[ff02::1:2]:0"`; its port is ignored.
///
/// Returns 0, or `-EFAULT` for a NULL `group`, `-EAFNOSUPPORT` for a group
/// that is neither IPv4 nor IPv6, `-EINVAL` (not a multicast address),
/// `-EADDRINUSE` (already a member there), `-ENODEV` (no such interface, or
/// no route for the group with `ifindex` 0), `-ENOBUFS` (too many
/// memberships), or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns; `group` NULL or an
/// initialised `sc_addr`.
#[no_mangle]
pub unsafe extern "C" fn sc_join_multicast(
    fd: c_int,
    group: *const sc_addr,
    ifindex: c_uint,
) -> c_int {
    // SAFETY: the caller's promises about fd and group.
    unit_return(unsafe {
        args::addr(group).and_then(|group| {
            change_membership(&args::socket(fd), group, ifindex, Membership::Join)
        })
    })
}

/// `setsockopt(IPPROTO_IP, IP_DROP_MEMBERSHIP)` or
/// `setsockopt(IPPROTO_IPV6, IPV6_DROP_MEMBERSHIP)`, by the family of
/// `*group`: leaves a group joined with `sc_join_multicast`.
///
/// Returns 0, or `-EFAULT` for a NULL `group`, `-EAFNOSUPPORT` for a group
/// that is neither IPv4 nor IPv6, `-EADDRNOTAVAIL` (not a member),
/// `-ENODEV`, or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns; `group` NULL or an
/// initialised `sc_addr`.
#[no_mangle]
pub unsafe extern "C" fn sc_leave_multicast(
    fd: c_int,
    group: *const sc_addr,
    ifindex: c_uint,
) -> c_int {
    // SAFETY: the caller's promises about fd and group.
    unit_return(unsafe {
        args::addr(group).and_then(|group| {
            change_membership(&args::socket(fd), group, ifindex, Membership::Leave)
        })
    })
}

/// `setsockopt(IPPROTO_IP, IP_ADD_MEMBERSHIP)` with an `ip_mreq`: joins
/// the IPv4 multicast group in `*group` on the interface that has the
/// address in `*interface` (`0.0.0.0`: by routing). The same membership as
/// `sc_join_multicast`, named by address; ports are ignored.
///
/// Returns 0, or `-EFAULT` for a NULL `group` or `interface`,
/// `-EAFNOSUPPORT` when either is not IPv4, `-EINVAL` (not a multicast
/// address), `-EADDRINUSE` (already a member there), `-ENODEV` (no
/// interface has that address), or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns; `group` and `interface` NULL
/// or initialised `sc_addr`s.
#[no_mangle]
pub unsafe extern "C" fn sc_join_multicast_by_addr(
    fd: c_int,
    group: *const sc_addr,
    interface: *const sc_addr,
) -> c_int {
    // SAFETY: the caller's promises about fd, group and interface.
    unsafe { change_membership_by_addr(fd, group, None, interface, Membership::Join) }
}

/// `setsockopt(IPPROTO_IP, IP_DROP_MEMBERSHIP)` with an `ip_mreq`: leaves a
/// group joined with `sc_join_multicast_by_addr`.
///
/// Returns 0, or `-EFAULT` for a NULL `group` or `interface`,
/// `-EAFNOSUPPORT` when either is not IPv4, `-EADDRNOTAVAIL` (not a
/// member), `-ENODEV`, or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns; `group` and `interface` NULL
/// or initialised `sc_addr`s.
#[no_mangle]
pub unsafe extern "C" fn sc_leave_multicast_by_addr(
    fd: c_int,
    group: *const sc_addr,
    interface: *const sc_addr,
) -> c_int {
    // SAFETY: the caller's promises about fd, group and interface.
    unsafe { change_membership_by_addr(fd, group, None, interface, Membership::Leave) }
}

/// `setsockopt(IPPROTO_IP, IP_ADD_SOURCE_MEMBERSHIP)` with an
/// `ip_mreq_source`: joins the IPv4 multicast group in `*group` for
/// datagrams from the address in `*source` only (source-specific
/// multicast), on the interface that has the address in `*interface`
/// (`0.0.0.0`: by routing). Call it again for each further source; ports
/// are ignored.
///
/// Returns 0, or `-EFAULT` for a NULL `group`, `source` or `interface`,
/// `-EAFNOSUPPORT` when one is not IPv4, `-EINVAL` (not a multicast group),
/// `-EADDRNOTAVAIL` (that source is joined already), `-ENODEV` (no such
/// interface), `-ENOBUFS` (too many sources), or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns; `group`, `source` and
/// `interface` NULL or initialised `sc_addr`s.
#[no_mangle]
pub unsafe extern "C" fn sc_join_source_multicast(
    fd: c_int,
    group: *const sc_addr,
    source: *const sc_addr,
    interface: *const sc_addr,
) -> c_int {
    // SAFETY: the caller's promises about fd and the addresses.
    unsafe { change_membership_by_addr(fd, group, Some(source), interface, Membership::Join) }
}

/// `setsockopt(IPPROTO_IP, IP_DROP_SOURCE_MEMBERSHIP)`: stops receiving the
/// group in `*group` from the source in `*source`; leaving the last source
/// leaves the group.
///
/// Returns 0, or `-EFAULT` for a NULL `group`, `source` or `interface`,
/// `-EAFNOSUPPORT` when one is not IPv4, `-EADDRNOTAVAIL` (not joined from
/// that source), `-EINVAL`, `-ENODEV`, or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns; `group`, `source` and
/// `interface` NULL or initialised `sc_addr`s.
#[no_mangle]
pub unsafe extern "C" fn sc_leave_source_multicast(
    fd: c_int,
    group: *const sc_addr,
    source: *const sc_addr,
    interface: *const sc_addr,
) -> c_int {
    // SAFETY: the caller's promises about fd and the addresses.
    unsafe { change_membership_by_addr(fd, group, Some(source), interface, Membership::Leave) }
}
/// `setsockopt(IPPROTO_IP, IP_MULTICAST_ALL)`: whether `fd`, bound to a
/// wildcard address, receives the datagrams of every group any socket on
/// the host joined for its port (on, the default), or only of the groups
/// it joined itself (off).
///
/// Returns 0 or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_set_multicast_all_v4(fd: c_int, on: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { convert::set_switch(fd, IP_MULTICAST_ALL, on) }
}

/// `getsockopt(IPPROTO_IP, IP_MULTICAST_ALL).
///
/// Returns 1 (on), 0 (off) or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_get_multicast_all_v4(fd: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { convert::get_switch(fd, IP_MULTICAST_ALL) }
}

/// `setsockopt(IPPROTO_IP, IP_MULTICAST_LOOP)`: whether this host's own
/// members of a group receive what `fd` sends to it (on by default).
///
/// Returns 0 or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_set_multicast_loop_v4(fd: c_int, on: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { convert::set_switch(fd, IP_MULTICAST_LOOP, on) }
}

/// `getsockopt(IPPROTO_IP, IP_MULTICAST_LOOP)`.
///
/// Returns 1 (on), 0 (off) or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_get_multicast_loop_v4(fd: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { convert::get_switch(fd, IP_MULTICAST_LOOP) }
}

/// `setsockopt(IPPROTO_IP, IP_MULTICAST_TTL)`: the time-to-live of outgoing
/// multicast packets (1 by default: this link only).
///
/// Returns 0, or `-EINVAL` for a negative `ttl` or one above 255, or
/// `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_set_multicast_ttl_v4(fd: c_int, ttl: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { convert::set_count(fd, IP_MULTICAST_TTL, ttl) }
}

/// `getsockopt(IPPROTO_IP, IP_MULTICAST_TTL)`.
///
/// Returns the TTL, or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_get_multicast_ttl_v4(fd: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { convert::get_count(fd, IP_MULTICAST_TTL) }
}

/// `setsockopt(IPPROTO_IP, IP_MULTICAST_IF)` with an `ip_mreqn`: send
/// multicast out of interface `ifindex` (0: by routing). The kernel's
/// getter answers with an address rather than an index, so there is no
/// typed getter: use `sc_getsockopt` for it.
///
/// Returns 0, or `-EADDRNOTAVAIL` (no such interface), or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_set_multicast_if_v4(fd: c_int, ifindex: c_uint) -> c_int {
    // SAFETY: the caller's promise about fd.
    unit_return(unsafe { args::socket(fd) }.set_multicast_if_v4(ifindex))
}

/// `setsockopt(IPPROTO_IPV6, IPV6_MULTICAST_LOOP)`: as
/// `sc_set_multicast_loop_v4`, for IPv6.
///
/// Returns 0 or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_set_multicast_loop_v6(fd: c_int, on: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { convert::set_switch(fd, IPV6_MULTICAST_LOOP, on) }
}

/// `getsockopt(IPPROTO_IPV6, IPV6_MULTICAST_LOOP)`.
///
/// Returns 1 (on), 0 (off) or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_get_multicast_loop_v6(fd: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { convert::get_switch(fd, IPV6_MULTICAST_LOOP) }
}

/// `setsockopt(IPPROTO_IPV6, IPV6_MULTICAST_HOPS)`: the hop limit of
/// outgoing multicast packets (1 by default).
///
/// Returns 0, or `-EINVAL` for a negative `hops` or one above 255, or
/// `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_set_multicast_hops_v6(fd: c_int, hops: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { convert::set_count(fd, IPV6_MULTICAST_HOPS, hops) }
}

/// `getsockopt(IPPROTO_IPV6, IPV6_MULTICAST_HOPS)`.
///
/// Returns the hop limit, or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_get_multicast_hops_v6(fd: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { convert::get_count(fd, IPV6_MULTICAST_HOPS) }
}

/// `setsockopt(IPPROTO_IPV6, IPV6_MULTICAST_IF)`: send multicast out of
/// interface `ifindex` (0: by routing).
///
/// Returns 0, or `-ENODEV` (no such interface), `-EINVAL` (the socket is
/// bound to another device), or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_set_multicast_if_v6(fd: c_int, ifindex: c_uint) -> c_int {
    // An index past INT_MAX names no interface: saturated, the kernel
    // answers ENODEV for it as for any other unknown index.
    // SAFETY: the caller's promise about fd.
    unsafe {
        convert::set_count(
            fd,
            IPV6_MULTICAST_IF,
            c_int::try_from(ifindex).unwrap_or(c_int::MAX),
        )
    }
}

/// `getsockopt(IPPROTO_IPV6, IPV6_MULTICAST_IF)`.
///
/// Returns the interface index set (0 for none), or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_get_multicast_if_v6(fd: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { convert::get_count(fd, IPV6_MULTICAST_IF) }
}
