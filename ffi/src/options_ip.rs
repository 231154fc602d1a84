//! Typed `IPPROTO_IP` and `IPPROTO_IPV6` unicast options: hop limits,
//! traffic class and dual-stack binding. Each may also return the errors
//! listed for `sc_getsockopt` (`-ENOPROTOOPT` for an IPv4 option on an IPv6
//! socket and the reverse).

use core::ffi::c_int;

use sockcore::Errno;

use crate::args::{self, int_return, unit_return};
use crate::option_values::{count, count_return, switch, switch_return};

/// A byte-sized value (TOS, traffic class): `EINVAL` outside 0 to 255.
fn byte(value: c_int) -> Result<u8, Errno> {
    u8::try_from(value).map_err(|_| Errno::EINVAL)
}

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
    unit_return(count(ttl).and_then(|ttl| unsafe { args::socket(fd) }.set_ttl(ttl)))
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
    count_return(unsafe { args::socket(fd) }.ttl())
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
    unit_return(count(hops).and_then(|hops| unsafe { args::socket(fd) }.set_unicast_hops_v6(hops)))
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
    count_return(unsafe { args::socket(fd) }.unicast_hops_v6())
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
    unit_return(byte(tos).and_then(|tos| unsafe { args::socket(fd) }.set_tos(tos)))
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
    int_return(unsafe { args::socket(fd) }.tos().map(c_int::from))
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
    unit_return(byte(tclass).and_then(|tclass| unsafe { args::socket(fd) }.set_tclass_v6(tclass)))
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
    int_return(unsafe { args::socket(fd) }.tclass_v6().map(c_int::from))
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
    unit_return(unsafe { args::socket(fd) }.set_only_v6(switch(on)))
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
    switch_return(unsafe { args::socket(fd) }.only_v6())
}
