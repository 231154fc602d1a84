//! Typed `IPPROTO_IP` and `IPPROTO_IPV6` unicast options: hop limits,
//! traffic class, dual-stack binding, and binding an address the host
//! lacks, any address, or an address without a port. Each may also return the errors
//! listed for `sc_getsockopt` (`-ENOPROTOOPT` for an IPv4 option on an IPv6
//! socket and the reverse).

use core::ffi::c_int;

use sockcore::options::{
    IPV6_TCLASS, IPV6_UNICAST_HOPS, IPV6_V6ONLY, IP_BIND_ADDRESS_NO_PORT, IP_FREEBIND, IP_TOS,
    IP_TRANSPARENT, IP_TTL,
};

use super::convert;

/// `setsockopt(IPPROTO_IP, IP_TTL)`: the time-to-live of outgoing IPv4
/// unicast packets.
///
/// Returns 0, or `-EINVAL` outside 1 to 255, or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_set_ttl(fd: c_int, ttl: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { convert::set_count(fd, IP_TTL, ttl) }
}

/// `getsockopt(IPPROTO_IP, IP_TTL)`: the value in effect (the system's
/// default, usually 64, until set).
///
/// Returns the TTL, or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_get_ttl(fd: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { convert::get_count(fd, IP_TTL) }
}

/// `setsockopt(IPPROTO_IPV6, IPV6_UNICAST_HOPS)`: the hop limit of outgoing
/// IPv6 unicast packets.
///
/// Returns 0, or `-EINVAL` for a negative `hops` or one above 255, or
/// `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_set_unicast_hops(fd: c_int, hops: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { convert::set_count(fd, IPV6_UNICAST_HOPS, hops) }
}

/// `getsockopt(IPPROTO_IPV6, IPV6_UNICAST_HOPS)`: the value in effect.
///
/// Returns the hop limit, or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_get_unicast_hops(fd: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { convert::get_count(fd, IPV6_UNICAST_HOPS) }
}

/// `setsockopt(IPPROTO_IP, IP_TOS)`: the type-of-service byte (DSCP and ECN
/// bits) of outgoing IPv4 packets.
///
/// Returns 0, or `-EINVAL` outside 0 to 255, or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_set_tos(fd: c_int, tos: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { convert::set_byte(fd, IP_TOS, tos) }
}

/// `getsockopt(IPPROTO_IP, IP_TOS)`.
///
/// Returns the TOS byte, or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_get_tos(fd: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { convert::get_byte(fd, IP_TOS) }
}

/// `setsockopt(IPPROTO_IPV6, IPV6_TCLASS)`: the traffic class byte of
/// outgoing IPv6 packets.
///
/// Returns 0, or `-EINVAL` outside 0 to 255, or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_set_tclass(fd: c_int, tclass: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { convert::set_byte(fd, IPV6_TCLASS, tclass) }
}

/// `getsockopt(IPPROTO_IPV6, IPV6_TCLASS)`.
///
/// Returns the traffic class byte, or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_get_tclass(fd: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { convert::get_byte(fd, IPV6_TCLASS) }
}

/// `setsockopt(IPPROTO_IPV6, IPV6_V6ONLY)`: an IPv6 socket bound to `::`
/// takes only IPv6 traffic (on) or IPv4-mapped traffic too (off, Linux's
/// default). Set it before `sc_bind`.
///
/// Returns 0, or `-EINVAL` after `sc_bind`, or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_set_v6only(fd: c_int, on: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { convert::set_switch(fd, IPV6_V6ONLY, on) }
}

/// `getsockopt(IPPROTO_IPV6, IPV6_V6ONLY)`.
///
/// Returns 1 (on), 0 (off) or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_get_v6only(fd: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { convert::get_switch(fd, IPV6_V6ONLY) }
}

/// `setsockopt(IPPROTO_IP, IP_FREEBIND)`: `sc_bind` accepts an address this
/// host does not have (yet); without it that is `-EADDRNOTAVAIL`. For IPv4
/// and IPv6 sockets.
///
/// Returns 0 or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_set_freebind(fd: c_int, on: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { convert::set_switch(fd, IP_FREEBIND, on) }
}

/// `getsockopt(IPPROTO_IP, IP_FREEBIND)`.
///
/// Returns 1 (on), 0 (off) or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_get_freebind(fd: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { convert::get_switch(fd, IP_FREEBIND) }
}

/// `setsockopt(IPPROTO_IP, IP_TRANSPARENT)`: `fd` may bind any address and
/// receive traffic for addresses not its own, as a transparent proxy does.
/// For IPv4 and IPv6 sockets; setting it needs `CAP_NET_ADMIN` or
/// `CAP_NET_RAW` (`-EPERM`).
///
/// Returns 0 or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_set_transparent(fd: c_int, on: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { convert::set_switch(fd, IP_TRANSPARENT, on) }
}

/// `getsockopt(IPPROTO_IP, IP_TRANSPARENT)`.
///
/// Returns 1 (on), 0 (off) or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_get_transparent(fd: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { convert::get_switch(fd, IP_TRANSPARENT) }
}

/// `setsockopt(IPPROTO_IP, IP_BIND_ADDRESS_NO_PORT)`: an `sc_bind` to an
/// address with port 0 takes the address now and leaves the port to
/// `sc_connect`, which picks one free for that destination. For IPv4 and
/// IPv6 sockets.
///
/// Returns 0 or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_set_bind_address_no_port(fd: c_int, on: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { convert::set_switch(fd, IP_BIND_ADDRESS_NO_PORT, on) }
}

/// `getsockopt(IPPROTO_IP, IP_BIND_ADDRESS_NO_PORT)`.
///
/// Returns 1 (on), 0 (off) or `-errno`.
///
/// # Safety
///
/// `fd` must be a descriptor the caller owns.
#[no_mangle]
pub unsafe extern "C" fn sc_get_bind_address_no_port(fd: c_int) -> c_int {
    // SAFETY: the caller's promise about fd.
    unsafe { convert::get_switch(fd, IP_BIND_ADDRESS_NO_PORT) }
}
