//! The typed finders on [`Cmsgs`]: the first message of a kind, by value.
//!
//! Each returns `None` when its kind is absent **or was cut short** by the
//! kernel: no finder ever returns a value read from a truncated message.
//! Tell the two apart with the receive's `MsgFlags::CTRUNC` (or
//! [`Cmsgs::has_truncated`]); [`Cmsgs::first`] gives the message itself,
//! cut or not.

use super::decode::{decode_kind, CmsgKind, ControlMessage};
use super::extended_error::ExtendedError;
use super::kinds;
use super::parse::Cmsgs;
use super::values::{PacketInfo, Timestamp, Timestamping, Tos};
use crate::addr::SocketAddr;

impl<'a> Cmsgs<'a> {
    /// The first message of `kind`, whole
    /// or [`Truncated`](ControlMessage::Truncated).
    pub fn first(&self, kind: CmsgKind) -> Option<ControlMessage<'a>> {
        // Only a message of one of the kind's levels and types can decode
        // to it: the others are skipped without being decoded.
        self.undecoded().find_map(|(level, ty, data)| {
            let row = kinds::find(level, ty).filter(|row| row.kind == kind)?;
            let message = decode_kind(row, level, ty, data);
            (message.kind() == Some(kind)).then_some(message)
        })
    }

    /// Whether a typed message was cut short (the kernel then also set
    /// `MSG_CTRUNC`).
    pub fn has_truncated(&self) -> bool {
        self.clone()
            .any(|message| matches!(message, ControlMessage::Truncated { .. }))
    }

    /// The segment size of a coalesced run (`UDP_GRO`).
    pub fn gro_segment(&self) -> Option<u16> {
        match self.first(CmsgKind::GroSegment)? {
            ControlMessage::GroSegment(segment) => Some(segment),
            _ => None,
        }
    }

    /// Where the datagram was sent and the interface it came in by
    /// (`IP_PKTINFO` or `IPV6_PKTINFO`).
    pub fn packet_info(&self) -> Option<PacketInfo> {
        match self.first(CmsgKind::PacketInfo)? {
            ControlMessage::PacketInfo(info) => Some(info),
            _ => None,
        }
    }

    /// The TOS or traffic-class byte (`IP_TOS` or `IPV6_TCLASS`).
    pub fn tos(&self) -> Option<Tos> {
        match self.first(CmsgKind::Tos)? {
            ControlMessage::Tos(tos) => Some(tos),
            _ => None,
        }
    }

    /// The TTL or hop limit (`IP_TTL` or `IPV6_HOPLIMIT`).
    pub fn hop_limit(&self) -> Option<u8> {
        match self.first(CmsgKind::HopLimit)? {
            ControlMessage::HopLimit(hops) => Some(hops),
            _ => None,
        }
    }

    /// The receive time (`SCM_TIMESTAMPNS` or `SCM_TIMESTAMP`).
    pub fn timestamp(&self) -> Option<Timestamp> {
        match self.first(CmsgKind::Timestamp)? {
            ControlMessage::Timestamp(stamp) => Some(stamp),
            _ => None,
        }
    }

    /// The `SO_TIMESTAMPING` stamps (`SCM_TIMESTAMPING`).
    pub fn timestamping(&self) -> Option<Timestamping> {
        match self.first(CmsgKind::Timestamping)? {
            ControlMessage::Timestamping(stamps) => Some(stamps),
            _ => None,
        }
    }

    /// The error-queue entry (`IP_RECVERR` or `IPV6_RECVERR`).
    pub fn extended_error(&self) -> Option<ExtendedError> {
        match self.first(CmsgKind::ExtendedError)? {
            ControlMessage::ExtendedError(error) => Some(error),
            _ => None,
        }
    }

    /// The address and port the datagram was sent to (`IP_ORIGDSTADDR` or
    /// `IPV6_ORIGDSTADDR`).
    pub fn original_destination(&self) -> Option<SocketAddr> {
        match self.first(CmsgKind::OriginalDestination)? {
            ControlMessage::OriginalDestination(addr) => Some(addr),
            _ => None,
        }
    }

    /// Datagrams the socket has dropped so far (`SO_RXQ_OVFL`; no message
    /// arrives while the count is 0).
    pub fn drop_count(&self) -> Option<u32> {
        match self.first(CmsgKind::DropCount)? {
            ControlMessage::DropCount(drops) => Some(drops),
            _ => None,
        }
    }
}
