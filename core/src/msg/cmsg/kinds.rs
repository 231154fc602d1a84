//! The one table of typed control messages: each kind's level and type,
//! the exact bytes of its data on this target, and for received kinds the
//! decoder. The space functions (`cmsg_space_for_*`), the typed builders
//! and the decoder all read it, so each fact about a kind is written here
//! once.
//!
//! Sizes are the kernel's, which are fixed per target: a received message
//! whose data is shorter than its kind's size was cut by the kernel to fit
//! the control buffer (`MSG_CTRUNC`) and is never decoded.

use core::mem::size_of;

use super::decode::CmsgKind;
use crate::uapi::{
    EXTENDED_ERR_SIZE, OLD_TIMESPEC_SIZE, SO_TIMESTAMPING_NEW, SO_TIMESTAMPING_OLD,
    SO_TIMESTAMPNS_NEW, SO_TIMESTAMPNS_OLD, SO_TIMESTAMP_NEW, SO_TIMESTAMP_OLD, TIMESPEC64_SIZE,
    TIMESTAMPING_STAMPS,
};

/// Where a kind of control message lives and how many bytes of data it has.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Layout {
    /// `cmsg_level`.
    pub(crate) level: i32,
    /// `cmsg_type`.
    pub(crate) ty: i32,
    /// The data's exact length: `cmsg_len` is `CMSG_LEN(size)`.
    pub(crate) size: usize,
}

const fn layout(level: i32, ty: i32, size: usize) -> Layout {
    Layout { level, ty, size }
}

const INT: usize = size_of::<libc::c_int>();

// Sent (and, where the kernel sends it back the same, received).

/// `SOL_UDP`/`UDP_SEGMENT`: a `u16`, never an `int` (the kernel answers a
/// 4-byte one with `EINVAL`, though the socket option is an `int`).
pub(crate) const UDP_SEGMENT: Layout = layout(libc::SOL_UDP, libc::UDP_SEGMENT, 2);
/// `IPPROTO_IP`/`IP_PKTINFO`: a `struct in_pktinfo`, both ways.
pub(crate) const PACKET_INFO_V4: Layout = layout(
    libc::IPPROTO_IP,
    libc::IP_PKTINFO,
    size_of::<libc::in_pktinfo>(),
);
/// `IPPROTO_IPV6`/`IPV6_PKTINFO`: a `struct in6_pktinfo`, both ways.
pub(crate) const PACKET_INFO_V6: Layout = layout(
    libc::IPPROTO_IPV6,
    libc::IPV6_PKTINFO,
    size_of::<libc::in6_pktinfo>(),
);
/// `IPPROTO_IP`/`IP_TOS` sent: an `int` (the kernel also takes one byte).
pub(crate) const TOS_SENT: Layout = layout(libc::IPPROTO_IP, libc::IP_TOS, INT);
/// `IPPROTO_IPV6`/`IPV6_TCLASS`: an `int`, both ways.
pub(crate) const TRAFFIC_CLASS: Layout = layout(libc::IPPROTO_IPV6, libc::IPV6_TCLASS, INT);
/// `IPPROTO_IP`/`IP_TTL`: an `int`, both ways.
pub(crate) const TTL: Layout = layout(libc::IPPROTO_IP, libc::IP_TTL, INT);
/// `IPPROTO_IPV6`/`IPV6_HOPLIMIT`: an `int`, both ways.
pub(crate) const HOP_LIMIT: Layout = layout(libc::IPPROTO_IPV6, libc::IPV6_HOPLIMIT, INT);
/// `IPPROTO_IPV6`/`IPV6_DONTFRAG`: an `int`.
pub(crate) const DONTFRAG: Layout = layout(libc::IPPROTO_IPV6, libc::IPV6_DONTFRAG, INT);
/// `SOL_SOCKET`/`SO_TIMESTAMPING`: a `u32` of recording flags. Every kernel
/// that takes it as a control message (4.7) takes the old number; the new
/// one only since 6.x.
pub(crate) const TX_TIMESTAMP: Layout = layout(libc::SOL_SOCKET, SO_TIMESTAMPING_OLD, 4);

// Received only.

/// `SOL_UDP`/`UDP_GRO`: an `int`, the segment size of a coalesced run.
pub(crate) const GRO_SEGMENT: Layout = layout(libc::SOL_UDP, libc::UDP_GRO, INT);
/// `IPPROTO_IP`/`IP_TOS` received: one byte.
pub(crate) const TOS_RECEIVED: Layout = layout(libc::IPPROTO_IP, libc::IP_TOS, 1);
/// `SOL_SOCKET`/`SCM_TIMESTAMPNS_NEW`: a `struct __kernel_timespec`.
pub(crate) const TIMESTAMPNS_NEW: Layout =
    layout(libc::SOL_SOCKET, SO_TIMESTAMPNS_NEW, TIMESPEC64_SIZE);
/// `SOL_SOCKET`/`SCM_TIMESTAMPNS_OLD`: the kernel's old `timespec`.
pub(crate) const TIMESTAMPNS_OLD: Layout =
    layout(libc::SOL_SOCKET, SO_TIMESTAMPNS_OLD, OLD_TIMESPEC_SIZE);
/// `SOL_SOCKET`/`SCM_TIMESTAMP_NEW`: a `struct __kernel_sock_timeval`.
pub(crate) const TIMESTAMP_NEW: Layout =
    layout(libc::SOL_SOCKET, SO_TIMESTAMP_NEW, TIMESPEC64_SIZE);
/// `SOL_SOCKET`/`SCM_TIMESTAMP_OLD`: the kernel's old `timeval`.
pub(crate) const TIMESTAMP_OLD: Layout =
    layout(libc::SOL_SOCKET, SO_TIMESTAMP_OLD, OLD_TIMESPEC_SIZE);
/// `SOL_SOCKET`/`SCM_TIMESTAMPING_NEW`: a `struct scm_timestamping64`.
pub(crate) const TIMESTAMPING_NEW: Layout = layout(
    libc::SOL_SOCKET,
    SO_TIMESTAMPING_NEW,
    TIMESTAMPING_STAMPS * TIMESPEC64_SIZE,
);
/// `SOL_SOCKET`/`SCM_TIMESTAMPING_OLD`: a `struct scm_timestamping`.
pub(crate) const TIMESTAMPING_OLD: Layout = layout(
    libc::SOL_SOCKET,
    SO_TIMESTAMPING_OLD,
    TIMESTAMPING_STAMPS * OLD_TIMESPEC_SIZE,
);
/// `IPPROTO_IP`/`IP_RECVERR`: `sock_extended_err` and a `sockaddr_in`.
pub(crate) const EXTENDED_ERROR_V4: Layout = layout(
    libc::IPPROTO_IP,
    libc::IP_RECVERR,
    EXTENDED_ERR_SIZE + size_of::<libc::sockaddr_in>(),
);
/// `IPPROTO_IPV6`/`IPV6_RECVERR`: `sock_extended_err` and a `sockaddr_in6`.
pub(crate) const EXTENDED_ERROR_V6: Layout = layout(
    libc::IPPROTO_IPV6,
    libc::IPV6_RECVERR,
    EXTENDED_ERR_SIZE + size_of::<libc::sockaddr_in6>(),
);
/// `IPPROTO_IP`/`IP_ORIGDSTADDR`: a `sockaddr_in`.
pub(crate) const ORIGINAL_DESTINATION_V4: Layout = layout(
    libc::IPPROTO_IP,
    libc::IP_ORIGDSTADDR,
    size_of::<libc::sockaddr_in>(),
);
/// `IPPROTO_IPV6`/`IPV6_ORIGDSTADDR`: a `sockaddr_in6`.
pub(crate) const ORIGINAL_DESTINATION_V6: Layout = layout(
    libc::IPPROTO_IPV6,
    libc::IPV6_ORIGDSTADDR,
    size_of::<libc::sockaddr_in6>(),
);
/// `SOL_SOCKET`/`SO_RXQ_OVFL`: a `u32`, the socket's drop count.
pub(crate) const DROP_COUNT: Layout = layout(libc::SOL_SOCKET, libc::SO_RXQ_OVFL, 4);

/// How a received kind's data decodes: one per decoder in `decode.rs`.
/// (An enum, not function pointers: a table of pointers would need a
/// relocation per row in the shared library, and writable memory.)
#[derive(Clone, Copy, Debug)]
pub(crate) enum Decoder {
    GroSegment,
    PacketInfoV4,
    PacketInfoV6,
    Tos,
    TrafficClass,
    Ttl,
    HopLimit,
    TimestampNsNew,
    TimestampNsOld,
    TimestampUsNew,
    TimestampUsOld,
    TimestampingNew,
    TimestampingOld,
    ExtendedError,
    OriginalDestinationV4,
    OriginalDestinationV6,
    DropCount,
}

/// A received kind: where it lives, what it is, and how its data (of
/// exactly `layout.size` bytes) decodes.
pub(crate) struct Received {
    pub(crate) layout: Layout,
    pub(crate) kind: CmsgKind,
    pub(crate) decoder: Decoder,
}

const fn received(layout: Layout, kind: CmsgKind, decoder: Decoder) -> Received {
    Received {
        layout,
        kind,
        decoder,
    }
}

/// Every kind the decoder knows, by level and type.
pub(crate) const RECEIVED: [Received; 18] = [
    received(GRO_SEGMENT, CmsgKind::GroSegment, Decoder::GroSegment),
    received(PACKET_INFO_V4, CmsgKind::PacketInfo, Decoder::PacketInfoV4),
    received(PACKET_INFO_V6, CmsgKind::PacketInfo, Decoder::PacketInfoV6),
    received(TOS_RECEIVED, CmsgKind::Tos, Decoder::Tos),
    received(TRAFFIC_CLASS, CmsgKind::Tos, Decoder::TrafficClass),
    received(TTL, CmsgKind::HopLimit, Decoder::Ttl),
    received(HOP_LIMIT, CmsgKind::HopLimit, Decoder::HopLimit),
    received(
        TIMESTAMPNS_NEW,
        CmsgKind::Timestamp,
        Decoder::TimestampNsNew,
    ),
    received(
        TIMESTAMPNS_OLD,
        CmsgKind::Timestamp,
        Decoder::TimestampNsOld,
    ),
    received(TIMESTAMP_NEW, CmsgKind::Timestamp, Decoder::TimestampUsNew),
    received(TIMESTAMP_OLD, CmsgKind::Timestamp, Decoder::TimestampUsOld),
    received(
        TIMESTAMPING_NEW,
        CmsgKind::Timestamping,
        Decoder::TimestampingNew,
    ),
    received(
        TIMESTAMPING_OLD,
        CmsgKind::Timestamping,
        Decoder::TimestampingOld,
    ),
    received(
        EXTENDED_ERROR_V4,
        CmsgKind::ExtendedError,
        Decoder::ExtendedError,
    ),
    received(
        EXTENDED_ERROR_V6,
        CmsgKind::ExtendedError,
        Decoder::ExtendedError,
    ),
    received(
        ORIGINAL_DESTINATION_V4,
        CmsgKind::OriginalDestination,
        Decoder::OriginalDestinationV4,
    ),
    received(
        ORIGINAL_DESTINATION_V6,
        CmsgKind::OriginalDestination,
        Decoder::OriginalDestinationV6,
    ),
    received(DROP_COUNT, CmsgKind::DropCount, Decoder::DropCount),
];

/// The kind of a received message at `level`/`ty`, if the table has it.
#[inline]
pub(crate) fn find(level: i32, ty: i32) -> Option<&'static Received> {
    RECEIVED
        .iter()
        .find(|row| row.layout.level == level && row.layout.ty == ty)
}

// The layouts the kernel has on every target this crate builds for; a
// new target where one differs fails to compile here.
const _: () = assert!(PACKET_INFO_V4.size == 12);
const _: () = assert!(PACKET_INFO_V6.size == 20);
const _: () = assert!(EXTENDED_ERROR_V4.size == 32);
const _: () = assert!(EXTENDED_ERROR_V6.size == 44);
// The space for a timestamp is the new form's: the old one is never larger.
const _: () = assert!(OLD_TIMESPEC_SIZE <= TIMESPEC64_SIZE);
