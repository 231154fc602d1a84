//! Typed path MTU options: the discovery mode, don't-fragment, and the MTU
//! known for a connected socket's path. ICMP messages reporting a smaller
//! MTU reach the error queue (`sc_set_recverr`) as an `EMSGSIZE` entry
//! whose `ee_info` is the new MTU. Each call may also return the errors
//! listed for `sc_getsockopt`.

use core::ffi::c_int;

use sockcore::options::{IPV6_DONTFRAG, IPV6_MTU, IPV6_MTU_DISCOVER, IP_MTU, IP_MTU_DISCOVER};

use super::convert;

/// `setsockopt(IPPROTO_IP, IP_MTU_DISCOVER)`: how IPv4 datagrams meet the
/// path MTU, one of the system's `IP_PMTUDISC_*` modes: `_DONT` (never set
/// DF), `_WANT` (the default: set DF, fragment past the MTU learned), `_DO`
/// (always DF: `-EMSGSIZE` past the MTU learned), `_PROBE` (DF, ignoring
/// the MTU learned), `_INTERFACE`, `_OMIT`.
///
/// Returns 0, or `-EINVAL` for a mode outside 0 to 5, or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_set_mtu_discover(fd: c_int, mode: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { convert::set_count(fd, IP_MTU_DISCOVER, mode) }
}

/// `getsockopt(IPPROTO_IP, IP_MTU_DISCOVER)`.
///
/// Returns the mode or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_get_mtu_discover(fd: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { convert::get_count(fd, IP_MTU_DISCOVER) }
}

/// `setsockopt(IPPROTO_IPV6, IPV6_MTU_DISCOVER)`: as `sc_set_mtu_discover`,
/// for IPv6, with the system's `IPV6_PMTUDISC_*` modes (the same numbers).
///
/// Returns 0, or `-EINVAL` for a mode outside 0 to 5, or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_set_mtu_discover_v6(fd: c_int, mode: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { convert::set_count(fd, IPV6_MTU_DISCOVER, mode) }
}

/// `getsockopt(IPPROTO_IPV6, IPV6_MTU_DISCOVER)`.
///
/// Returns the mode or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_get_mtu_discover_v6(fd: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { convert::get_count(fd, IPV6_MTU_DISCOVER) }
}

/// `setsockopt(IPPROTO_IPV6, IPV6_DONTFRAG)`: with `on` non-zero, the
/// socket never fragments what it sends: a datagram larger than the path
/// MTU fails with `-EMSGSIZE` (off by default). `sc_cmsg_add_dontfrag` says
/// the same for one datagram.
///
/// Returns 0 or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_set_dontfrag(fd: c_int, on: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { convert::set_switch(fd, IPV6_DONTFRAG, on) }
}

/// `getsockopt(IPPROTO_IPV6, IPV6_DONTFRAG)`.
///
/// Returns 1 (on), 0 (off) or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_get_dontfrag(fd: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { convert::get_switch(fd, IPV6_DONTFRAG) }
}

/// `getsockopt(IPPROTO_IP, IP_MTU)`: the MTU known for the path of a
/// connected IPv4 socket (65535 over loopback). Read only.
///
/// Returns the MTU, or `-ENOTCONN` on an unconnected socket, or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_get_mtu(fd: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { convert::get_count(fd, IP_MTU) }
}

/// `getsockopt(IPPROTO_IPV6, IPV6_MTU)`: the MTU known for the path of a
/// connected IPv6 socket (65536 over loopback).
///
/// Returns the MTU, or `-ENOTCONN` on an unconnected socket, or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_get_mtu_v6(fd: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { convert::get_count(fd, IPV6_MTU) }
}
