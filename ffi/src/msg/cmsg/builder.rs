//! `sc_cmsg_builder`: control messages for `sc_sendmsg`, written one after
//! another into the caller's buffer in the kernel's layout, each kind at
//! the exact size the kernel takes.
//!
//! ```c
//! union { struct cmsghdr align; char buf[SC_CMSG_SPACE_PKTINFO_V4 + SC_CMSG_SPACE_TOS]; } space;
//! sc_cmsg_builder b;
//! sc_cmsg_builder_init(&b, space.buf, sizeof space.buf);
//! sc_cmsg_add_source(&b, &local, 0);
//! sc_cmsg_add_tos(&b, &peer, 0x02);            // ECT(0)
//! msg.msg_control = b.buf;
//! msg.msg_controllen = b.len;
//! ```

use core::ffi::{c_int, c_uint, c_void};
use core::net::IpAddr;

use libc::size_t;
use sockcore::{AddrKind, CmsgBuilder, Errno, SocketAddr, TimestampingFlags, Tos};

use crate::addr::value::sc_addr;
use crate::args::{self, unit_return};

/// Control messages being written into a caller's buffer: set up with
/// `sc_cmsg_builder_init`, appended to with `sc_cmsg_add_*`, then sent with
/// `msg.msg_control = b.buf` and `msg.msg_controllen = b.len`. The fields
/// are public so that C can allocate one; only the calls change them.
#[allow(non_camel_case_types)] // C's spelling: this is the header's name.
#[repr(C)]
pub struct sc_cmsg_builder {
    /// The buffer, aligned as a `struct cmsghdr`.
    pub buf: *mut c_void,
    /// Its size in bytes.
    pub capacity: size_t,
    /// Bytes of whole messages written so far.
    pub len: size_t,
}

/// Sets `*b` up to append control messages to the `capacity` bytes at
/// `buf` (aligned as a `struct cmsghdr`: a union with one does it).
///
/// Returns 0, or `-EFAULT` for a NULL `b` (or a NULL `buf` with a
/// capacity), `-EINVAL` for a capacity over `SSIZE_MAX`. `*b` is unchanged
/// on error.
///
/// # Safety
///
/// `b` must be NULL or writable; `buf` NULL or writable for `capacity`
/// bytes for as long as `b` is used.
#[no_mangle]
pub unsafe extern "C" fn sc_cmsg_builder_init(
    b: *mut sc_cmsg_builder,
    buf: *mut c_void,
    capacity: size_t,
) -> c_int {
    // SAFETY: the caller's promise about b.
    let result = unsafe { args::out_ref(b) }.and_then(|b| {
        let mut fresh = sc_cmsg_builder {
            buf,
            capacity,
            len: 0,
        };
        // The same checks as every later call's, on the values to be stored.
        // SAFETY: fresh is a local; the caller's promise about buf.
        unsafe { args::cmsg_builder(&mut fresh) }?;
        *b = fresh;
        Ok(())
    });
    unit_return(result)
}

/// Runs `push` on a builder over the room left in `*b`'s buffer, and counts
/// what it wrote: the part every `sc_cmsg_add_*` shares.
///
/// # Safety
///
/// As for [`args::cmsg_builder`].
#[inline(never)]
unsafe fn append(
    b: *mut sc_cmsg_builder,
    push: &mut dyn FnMut(&mut CmsgBuilder<'_>) -> Result<(), Errno>,
) -> c_int {
    // SAFETY: the caller's promise.
    let result = unsafe { args::cmsg_builder(b) }.and_then(|(b, room)| {
        let mut builder = CmsgBuilder::new(room);
        push(&mut builder)?;
        // Within the capacity, which does not overflow.
        b.len = b.len.saturating_add(builder.len());
        Ok(())
    });
    unit_return(result)
}

/// The address of a caller's `sc_addr` as an IP address (its port is not
/// used): `-EFAULT` for NULL, `-EINVAL` for a malformed one,
/// `-EAFNOSUPPORT` for another family.
///
/// # Safety
///
/// As for [`args::addr`].
unsafe fn ip_of(addr: *const sc_addr) -> Result<IpAddr, Errno> {
    // SAFETY: the caller's promise.
    match unsafe { args::addr(addr) }?.kind() {
        AddrKind::V4(v4) => Ok(IpAddr::V4(*v4.ip())),
        AddrKind::V6(v6) => Ok(IpAddr::V6(*v6.ip())),
        _ => Err(Errno::EAFNOSUPPORT),
    }
}

/// A per-destination byte (a TOS, a TTL): the shared part of
/// `sc_cmsg_add_tos` and `sc_cmsg_add_ttl`, which checks `to` and `value`
/// (`-EINVAL` outside 0..=255) and appends with `push`.
///
/// # Safety
///
/// As for [`append`] and [`args::addr`].
#[inline(never)]
unsafe fn append_for(
    b: *mut sc_cmsg_builder,
    to: *const sc_addr,
    value: c_int,
    push: fn(&mut CmsgBuilder<'_>, &SocketAddr, u8) -> Result<(), Errno>,
) -> c_int {
    // SAFETY: the caller's promises about b and to.
    unsafe {
        append(b, &mut |builder| {
            let byte = u8::try_from(value).map_err(|_| Errno::EINVAL)?;
            push(builder, args::addr(to)?, byte)
        })
    }
}

/// Appends `SOL_UDP`/`UDP_SEGMENT` (a `u16`: the kernel refuses any other
/// size): `sc_sendmsg` then sends its data as datagrams of `segment` bytes,
/// the last one possibly shorter (Linux 4.18).
///
/// Returns 0, or `-EFAULT` (NULL `b`), `-EINVAL` (`segment` 0, which would
/// send one unsegmented datagram), `-ENOSPC` (less than
/// `SC_CMSG_SPACE_UDP_SEGMENT` bytes left: nothing is appended).
///
/// # Safety
///
/// `b` must be NULL or set up by `sc_cmsg_builder_init`, its buffer still
/// writable.
#[no_mangle]
pub unsafe extern "C" fn sc_cmsg_add_udp_segment(b: *mut sc_cmsg_builder, segment: u16) -> c_int {
    // SAFETY: the caller's promise about b.
    unsafe { append(b, &mut |builder| builder.push_udp_segment(segment)) }
}

/// Appends the source address of the datagram: `IP_PKTINFO` (with
/// `ipi_spec_dst = local`) for an IPv4 `local`, `IPV6_PKTINFO` for an IPv6
/// one (IPv4-mapped included, for a dual-stack socket); `ifindex` 0 lets
/// routing pick the interface. A server bound to `0.0.0.0` or `::` replies
/// from the address a request reached by passing the `local` that
/// `sc_cmsg_get_packet_info` gave for it. The port of `local` is not used.
/// An address the host does not have fails at send time (`-ENETUNREACH`
/// for IPv4, `-EINVAL` for IPv6), as does an unknown `ifindex`
/// (`-ENODEV`).
///
/// Returns 0, or `-EFAULT` (NULL `b` or `local`), `-EINVAL` (a malformed
/// `sc_addr`), `-EAFNOSUPPORT` (not IPv4 or IPv6), `-ENOSPC` (less than
/// `SC_CMSG_SPACE_PKTINFO_V4` or `_V6` bytes left).
///
/// # Safety
///
/// As for `sc_cmsg_add_udp_segment`; `local` NULL or an initialised
/// `sc_addr`.
#[no_mangle]
pub unsafe extern "C" fn sc_cmsg_add_source(
    b: *mut sc_cmsg_builder,
    local: *const sc_addr,
    ifindex: u32,
) -> c_int {
    // SAFETY: the caller's promises about b and local.
    unsafe {
        append(b, &mut |builder| {
            builder.push_source(ip_of(local)?, ifindex)
        })
    }
}

/// Appends the whole TOS / traffic-class byte, DSCP in the high six bits
/// and ECN in the low two (0 Not-ECT, 1 ECT(1), 2 ECT(0), 3 CE), for a
/// datagram to `to`: `IP_TOS` for an IPv4 or IPv4-mapped `to` (the kernel
/// ignores `IPV6_TCLASS` for those), `IPV6_TCLASS` otherwise. It replaces
/// the byte `sc_set_tos`/`sc_set_tclass` gave the socket for this datagram,
/// DSCP included: pass both parts.
///
/// Returns 0, or `-EFAULT` (NULL `b` or `to`), `-EINVAL` (`tos` outside
/// 0..255, a malformed `to`), `-EAFNOSUPPORT` (`to` not IPv4 or IPv6),
/// `-ENOSPC` (less than `SC_CMSG_SPACE_TOS` bytes left).
///
/// # Safety
///
/// As for `sc_cmsg_add_udp_segment`; `to` NULL or an initialised `sc_addr`.
#[no_mangle]
pub unsafe extern "C" fn sc_cmsg_add_tos(
    b: *mut sc_cmsg_builder,
    to: *const sc_addr,
    tos: c_int,
) -> c_int {
    // SAFETY: the caller's promises about b and to.
    unsafe {
        append_for(b, to, tos, |builder, to, tos| {
            builder.push_tos_for(to, Tos(tos))
        })
    }
}

/// Appends the TTL (`IP_TTL`, for an IPv4 or IPv4-mapped `to`) or hop limit
/// (`IPV6_HOPLIMIT`) of a datagram to `to`. The kernel refuses an IPv4 TTL
/// of 0 when sending (`-EINVAL`).
///
/// Returns 0, or `-EFAULT` (NULL `b` or `to`), `-EINVAL` (`ttl` outside
/// 0..255, a malformed `to`), `-EAFNOSUPPORT`, `-ENOSPC` (less than
/// `SC_CMSG_SPACE_TTL` bytes left).
///
/// # Safety
///
/// As for `sc_cmsg_add_tos`.
#[no_mangle]
pub unsafe extern "C" fn sc_cmsg_add_ttl(
    b: *mut sc_cmsg_builder,
    to: *const sc_addr,
    ttl: c_int,
) -> c_int {
    // SAFETY: the caller's promises about b and to.
    unsafe {
        append_for(b, to, ttl, |builder, to, ttl| {
            builder.push_hop_limit_for(to, ttl)
        })
    }
}

/// Appends `IPV6_DONTFRAG` (IPv6 sockets): with `on` non-zero this datagram
/// is never fragmented; one larger than the path MTU fails with
/// `-EMSGSIZE`.
///
/// Returns 0, or `-EFAULT` (NULL `b`), `-ENOSPC` (less than
/// `SC_CMSG_SPACE_DONTFRAG` bytes left).
///
/// # Safety
///
/// As for `sc_cmsg_add_udp_segment`.
#[no_mangle]
pub unsafe extern "C" fn sc_cmsg_add_dontfrag(b: *mut sc_cmsg_builder, on: c_int) -> c_int {
    // SAFETY: the caller's promise about b.
    unsafe { append(b, &mut |builder| builder.push_dontfrag(on != 0)) }
}

/// Appends a request for transmit timestamps of this datagram
/// (`SO_TIMESTAMPING`, Linux 4.7): `flags` of `SC_TIMESTAMPING_TX_SOFTWARE`,
/// `_TX_HARDWARE`, `_TX_SCHED`, `_TX_ACK`. The stamps arrive on the error
/// queue; the reporting flags (`SC_TIMESTAMPING_SOFTWARE`, `_OPT_ID`,
/// `_OPT_TSONLY`, ...) must be set on the socket with `sc_set_timestamping`.
///
/// Returns 0, or `-EFAULT` (NULL `b`), `-EINVAL` (other flags), `-ENOSPC`
/// (less than `SC_CMSG_SPACE_TX_TIMESTAMP` bytes left).
///
/// # Safety
///
/// As for `sc_cmsg_add_udp_segment`.
#[no_mangle]
pub unsafe extern "C" fn sc_cmsg_add_tx_timestamp(b: *mut sc_cmsg_builder, flags: c_uint) -> c_int {
    let flags = TimestampingFlags::from_bits(flags).ok_or(Errno::EINVAL);
    // SAFETY: the caller's promise about b.
    unsafe { append(b, &mut |builder| builder.push_tx_timestamp(flags?)) }
}

/// Appends any control message: `level`, `type` and the `len` bytes at
/// `data`, copied as they are.
///
/// Returns 0, or `-EFAULT` (NULL `b`, or NULL `data` with `len` > 0),
/// `-EINVAL` (`len` over `SSIZE_MAX`), `-ENOSPC` (less than
/// `CMSG_SPACE(len)` bytes left).
///
/// # Safety
///
/// As for `sc_cmsg_add_udp_segment`; `data` NULL or readable for `len`
/// bytes.
#[no_mangle]
pub unsafe extern "C" fn sc_cmsg_add(
    b: *mut sc_cmsg_builder,
    level: c_int,
    r#type: c_int,
    data: *const c_void,
    len: size_t,
) -> c_int {
    // SAFETY: the caller's promises about b and data.
    unsafe {
        append(b, &mut |builder| {
            let bytes = if len == 0 {
                &[][..]
            } else {
                args::buf(data, len)?
            };
            builder.push(level, r#type, bytes)
        })
    }
}
