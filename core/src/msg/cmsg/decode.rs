//! [`ControlMessage`]: what one control message decodes to, and the
//! decoders of the typed kinds (the [table](super::kinds) says which
//! decoder reads which level and type).
//!
//! Every read is of bytes at any alignment (musl's `cmsghdr` is aligned to
//! 4 only; on 32-bit ARM a message's data starts 12 bytes in, so an 8-byte
//! field is never aligned), and a message is decoded only when its data has
//! exactly its kind's size: shorter is [`ControlMessage::Truncated`],
//! longer (or a value out of range) is passed through as
//! [`ControlMessage::Other`].

use core::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use super::extended_error::ExtendedError;
use super::kinds::{self, Decoder};
use super::parse::Fds;
use super::values::{PacketInfo, Timestamp, Timestamping, Tos};
use crate::addr::SocketAddr;
use crate::bytes::array;
use crate::msg::credentials::Credentials;
use crate::uapi::{KernelLong, OLD_TIMESPEC_SIZE, TIMESPEC64_SIZE};

/// One received control message, decoded when this crate knows its type and
/// passed through unchanged when it does not: nothing is dropped.
///
/// More kinds may be added: match with a wildcard arm.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub enum ControlMessage<'a> {
    /// `SOL_SOCKET`/`SCM_RIGHTS`: descriptors. Through
    /// [`ReceivedControl`](crate::ReceivedControl) they are owned by it and
    /// listed here until taken or closed.
    Rights(Fds<'a>),
    /// `SOL_SOCKET`/`SCM_CREDENTIALS`: the sender's pid, uid and gid (sent
    /// when the receiver has `SO_PASSCRED` on).
    Credentials(Credentials),
    /// `SOL_UDP`/`UDP_GRO`: the segment size of a coalesced run of
    /// datagrams (an `int`, 1 to 65535).
    GroSegment(u16),
    /// `IPPROTO_IP`/`IP_PKTINFO` or `IPPROTO_IPV6`/`IPV6_PKTINFO`: where the
    /// datagram was sent and the interface it came in by.
    PacketInfo(PacketInfo),
    /// `IPPROTO_IP`/`IP_TOS` (one byte) or `IPPROTO_IPV6`/`IPV6_TCLASS` (an
    /// `int`, 0 to 255): the datagram's TOS or traffic-class byte.
    Tos(Tos),
    /// `IPPROTO_IP`/`IP_TTL` (1 to 255) or `IPPROTO_IPV6`/`IPV6_HOPLIMIT` (0
    /// to 255), `int`s: the TTL or hop limit the datagram arrived with.
    HopLimit(u8),
    /// `SOL_SOCKET`/`SCM_TIMESTAMPNS` or `SCM_TIMESTAMP` (microseconds, made
    /// nanoseconds), in the 64-bit or the old form: the receive time.
    Timestamp(Timestamp),
    /// `SOL_SOCKET`/`SCM_TIMESTAMPING`, in either form: receive stamps, or
    /// beside an [`ExtendedError`] on the error queue, a transmit stamp.
    Timestamping(Timestamping),
    /// `IPPROTO_IP`/`IP_RECVERR` or `IPPROTO_IPV6`/`IPV6_RECVERR`: an
    /// error-queue entry.
    ExtendedError(ExtendedError),
    /// `IPPROTO_IP`/`IP_ORIGDSTADDR` or `IPPROTO_IPV6`/`IPV6_ORIGDSTADDR`:
    /// the address and port the datagram was sent to.
    OriginalDestination(SocketAddr),
    /// `SOL_SOCKET`/`SO_RXQ_OVFL`: datagrams this socket has dropped so far
    /// for want of buffer space (cumulative; the kernel sends no message
    /// while it is 0).
    DropCount(u32),
    /// A message of one of the kinds above whose data is shorter than the
    /// kind's: the kernel cut it to fit the control buffer and set
    /// `MSG_CTRUNC`. Never decoded: a cut value is not a value.
    Truncated {
        /// The kind it would have been.
        kind: CmsgKind,
        /// `cmsg_level`.
        level: i32,
        /// `cmsg_type`.
        ty: i32,
        /// The bytes that arrived.
        data: &'a [u8],
    },
    /// Any other message, a credentials message too short for a `ucred`,
    /// or a typed kind whose data is longer than its type or whose value
    /// is out of range: its level, type and data, as the kernel wrote them.
    Other {
        /// `cmsg_level`, such as `SOL_SOCKET` or `IPPROTO_IP`.
        level: i32,
        /// `cmsg_type`, such as `SCM_TIMESTAMP` or `IP_PKTINFO`.
        ty: i32,
        /// The data after the header, without the trailing padding.
        data: &'a [u8],
    },
}

/// The typed kinds of received control messages, one for each typed
/// variant of [`ControlMessage`]: what the finders of
/// [`Cmsgs`](crate::Cmsgs) look for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum CmsgKind {
    /// [`ControlMessage::GroSegment`].
    GroSegment,
    /// [`ControlMessage::PacketInfo`].
    PacketInfo,
    /// [`ControlMessage::Tos`].
    Tos,
    /// [`ControlMessage::HopLimit`].
    HopLimit,
    /// [`ControlMessage::Timestamp`].
    Timestamp,
    /// [`ControlMessage::Timestamping`].
    Timestamping,
    /// [`ControlMessage::ExtendedError`].
    ExtendedError,
    /// [`ControlMessage::OriginalDestination`].
    OriginalDestination,
    /// [`ControlMessage::DropCount`].
    DropCount,
}

impl ControlMessage<'_> {
    /// The typed kind of this message, or of the message it was before the
    /// kernel cut it; `None` for descriptors, credentials and others.
    pub fn kind(&self) -> Option<CmsgKind> {
        Some(match self {
            ControlMessage::GroSegment(_) => CmsgKind::GroSegment,
            ControlMessage::PacketInfo(_) => CmsgKind::PacketInfo,
            ControlMessage::Tos(_) => CmsgKind::Tos,
            ControlMessage::HopLimit(_) => CmsgKind::HopLimit,
            ControlMessage::Timestamp(_) => CmsgKind::Timestamp,
            ControlMessage::Timestamping(_) => CmsgKind::Timestamping,
            ControlMessage::ExtendedError(_) => CmsgKind::ExtendedError,
            ControlMessage::OriginalDestination(_) => CmsgKind::OriginalDestination,
            ControlMessage::DropCount(_) => CmsgKind::DropCount,
            ControlMessage::Truncated { kind, .. } => *kind,
            ControlMessage::Rights(_)
            | ControlMessage::Credentials(_)
            | ControlMessage::Other { .. } => return None,
        })
    }
}

/// What the message at `level`/`ty` with `data` is.
pub(super) fn decode(level: i32, ty: i32, data: &[u8]) -> ControlMessage<'_> {
    let other = ControlMessage::Other { level, ty, data };
    match (level, ty) {
        (libc::SOL_SOCKET, libc::SCM_RIGHTS) => return ControlMessage::Rights(Fds::new(data)),
        (libc::SOL_SOCKET, libc::SCM_CREDENTIALS) => {
            return Credentials::from_ne_bytes(data).map_or(other, ControlMessage::Credentials)
        }
        _ => {}
    }
    match kinds::find(level, ty) {
        Some(row) => decode_kind(row, level, ty, data),
        None => other,
    }
}

/// What the message at `level`/`ty` with `data` is, given the row of the
/// kinds table it belongs to (`kinds::find(level, ty)`): the kind's value,
/// the kind cut short, or, longer than the kind or out of its range, the
/// message as it came.
pub(super) fn decode_kind<'a>(
    row: &kinds::Received,
    level: i32,
    ty: i32,
    data: &'a [u8],
) -> ControlMessage<'a> {
    let other = ControlMessage::Other { level, ty, data };
    if data.len() < row.layout.size {
        return ControlMessage::Truncated {
            kind: row.kind,
            level,
            ty,
            data,
        };
    }
    if data.len() > row.layout.size {
        return other;
    }
    decode_with(row.decoder, data).unwrap_or(other)
}

/// What `data`, of exactly its kind's size, decodes to; `None` for a value
/// out of its range.
fn decode_with(decoder: Decoder, data: &[u8]) -> Option<ControlMessage<'static>> {
    match decoder {
        Decoder::GroSegment => gro_segment(data),
        Decoder::PacketInfoV4 => packet_info_v4(data),
        Decoder::PacketInfoV6 => packet_info_v6(data),
        Decoder::Tos => tos(data),
        Decoder::TrafficClass => traffic_class(data),
        Decoder::Ttl => ttl(data),
        Decoder::HopLimit => hop_limit(data),
        Decoder::TimestampNsNew => stamp(data, NEW_FIELD, Fraction::Nanos),
        Decoder::TimestampNsOld => stamp(data, OLD_FIELD, Fraction::Nanos),
        Decoder::TimestampUsNew => stamp(data, NEW_FIELD, Fraction::Micros),
        Decoder::TimestampUsOld => stamp(data, OLD_FIELD, Fraction::Micros),
        Decoder::TimestampingNew => timestamping(data, TIMESPEC64_SIZE),
        Decoder::TimestampingOld => timestamping(data, OLD_TIMESPEC_SIZE),
        Decoder::ExtendedError => {
            ExtendedError::from_bytes(data).map(ControlMessage::ExtendedError)
        }
        Decoder::OriginalDestinationV4 => original_destination(data, libc::AF_INET),
        Decoder::OriginalDestinationV6 => original_destination(data, libc::AF_INET6),
        Decoder::DropCount => u32_at(data, 0).map(ControlMessage::DropCount),
    }
}

/// A native-endian `int` at `at`.
fn int_at(data: &[u8], at: usize) -> Option<i32> {
    array(data, at).map(i32::from_ne_bytes)
}

/// A native-endian `u32` at `at`.
fn u32_at(data: &[u8], at: usize) -> Option<u32> {
    array(data, at).map(u32::from_ne_bytes)
}

/// A signed native-endian integer of `width` bytes (4 or 8) at `at`.
fn signed_at(data: &[u8], at: usize, width: usize) -> Option<i64> {
    match width {
        4 => int_at(data, at).map(i64::from),
        8 => array(data, at).map(i64::from_ne_bytes),
        _ => None,
    }
}

/// How a stamp counts the fraction of its second.
#[derive(Clone, Copy)]
enum Fraction {
    /// Nanoseconds (`timespec`).
    Nanos,
    /// Microseconds (`timeval`).
    Micros,
}

impl Fraction {
    /// (units in a second, nanoseconds in a unit): no division at run
    /// time, which on 32-bit ARM would call a 64-bit division routine.
    const fn scale(self) -> (i64, i64) {
        match self {
            Fraction::Nanos => (1_000_000_000, 1),
            Fraction::Micros => (1_000_000, 1000),
        }
    }
}

/// A timestamp of two `width`-byte fields at `at`: seconds, then a
/// fraction of a second, which must be in range.
fn stamp_at(data: &[u8], at: usize, width: usize, fraction: Fraction) -> Option<Timestamp> {
    let (units, unit_nanos) = fraction.scale();
    let sec = signed_at(data, at, width)?;
    let part = signed_at(data, at.checked_add(width)?, width)?;
    if !(0..units).contains(&part) {
        return None;
    }
    Some(Timestamp {
        sec,
        nsec: u32::try_from(part.checked_mul(unit_nanos)?).ok()?,
    })
}

/// The `int` at the start of `data`, if it lies in `range`.
fn int_in(data: &[u8], range: core::ops::RangeInclusive<i32>) -> Option<i32> {
    int_at(data, 0).filter(|value| range.contains(value))
}

fn gro_segment(data: &[u8]) -> Option<ControlMessage<'static>> {
    let segment = int_in(data, 1..=i32::from(u16::MAX))?;
    Some(ControlMessage::GroSegment(u16::try_from(segment).ok()?))
}

fn packet_info_v4(data: &[u8]) -> Option<ControlMessage<'static>> {
    // struct in_pktinfo: ipi_ifindex, ipi_spec_dst, ipi_addr.
    let ifindex = u32_at(data, 0)?;
    let local: [u8; 4] = array(data, 4)?;
    let destination: [u8; 4] = array(data, 8)?;
    Some(ControlMessage::PacketInfo(PacketInfo {
        destination: IpAddr::V4(Ipv4Addr::from(destination)),
        local: IpAddr::V4(Ipv4Addr::from(local)),
        ifindex,
    }))
}

fn packet_info_v6(data: &[u8]) -> Option<ControlMessage<'static>> {
    // struct in6_pktinfo: ipi6_addr, ipi6_ifindex.
    let destination = IpAddr::V6(Ipv6Addr::from(array::<16>(data, 0)?));
    Some(ControlMessage::PacketInfo(PacketInfo {
        destination,
        local: destination,
        ifindex: u32_at(data, 16)?,
    }))
}

fn tos(data: &[u8]) -> Option<ControlMessage<'static>> {
    let [byte] = array(data, 0)?;
    Some(ControlMessage::Tos(Tos(byte)))
}

fn traffic_class(data: &[u8]) -> Option<ControlMessage<'static>> {
    let class = int_in(data, 0..=255)?;
    Some(ControlMessage::Tos(Tos(u8::try_from(class).ok()?)))
}

fn ttl(data: &[u8]) -> Option<ControlMessage<'static>> {
    let ttl = int_in(data, 1..=255)?;
    Some(ControlMessage::HopLimit(u8::try_from(ttl).ok()?))
}

fn hop_limit(data: &[u8]) -> Option<ControlMessage<'static>> {
    let hops = int_in(data, 0..=255)?;
    Some(ControlMessage::HopLimit(u8::try_from(hops).ok()?))
}

/// The field width of the old stamps: a kernel `long`.
const OLD_FIELD: usize = core::mem::size_of::<KernelLong>();
/// The field width of the 64-bit stamps.
const NEW_FIELD: usize = TIMESPEC64_SIZE / 2;

/// A receive time: seconds and a fraction, each `width` bytes.
fn stamp(data: &[u8], width: usize, fraction: Fraction) -> Option<ControlMessage<'static>> {
    stamp_at(data, 0, width, fraction).map(ControlMessage::Timestamp)
}

/// The three stamps of `scm_timestamping`, each `stamp_size` bytes: `None`
/// for all-zero ones, and no value at all when one is out of range.
fn timestamping(data: &[u8], stamp_size: usize) -> Option<ControlMessage<'static>> {
    let field = stamp_size / 2;
    let stamp = |index: usize| -> Option<Option<Timestamp>> {
        let at = index.checked_mul(stamp_size)?;
        let zero = data.get(at..)?.get(..stamp_size)?.iter().all(|&b| b == 0);
        if zero {
            return Some(None);
        }
        stamp_at(data, at, field, Fraction::Nanos).map(Some)
    };
    Some(ControlMessage::Timestamping(Timestamping {
        software: stamp(0)?,
        hardware: stamp(2)?,
    }))
}

/// The address of `family` in `data`; another family is not the level's.
fn original_destination(data: &[u8], family: i32) -> Option<ControlMessage<'static>> {
    let addr = SocketAddr::from_inet_bytes(data).filter(|a| a.family() == family)?;
    Some(ControlMessage::OriginalDestination(addr))
}
