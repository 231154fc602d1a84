//! Ancillary data (control messages) in caller memory: how much space they
//! need, a buffer aligned for them, a builder for sending, a parser for
//! what arrives, and [`ReceivedControl`](received::ReceivedControl), which
//! owns received descriptors.
//!
//! The typed kinds modern UDP needs (segmentation, packet info, TOS and
//! ECN, hop limits, timestamps, error-queue entries, original destination,
//! drop counts) have one table (`kinds.rs`): the space functions below, the
//! builder's `push_*` methods and the decoder behind
//! [`ControlMessage`](decode::ControlMessage) all read it.
//!
//! ```
//! use std::net::{IpAddr, Ipv4Addr};
//!
//! use sockcore::{cmsg_space_for_all_received, cmsg_space_for_packet_info_v4, cmsg_space_for_tos};
//! use sockcore::{CmsgBuffer, CmsgBuilder, Domain, Ecn, IoSlice, IoSliceMut, MsgFlags};
//! use sockcore::{SockFlags, Socket, SocketAddr, Tos, Type};
//!
//! let server = Socket::new(Domain::IPV4, Type::DGRAM, SockFlags::empty())?;
//! server.set_recv_packet_info(true)?;
//! server.set_recv_tos(true)?;
//! server.bind(&SocketAddr::v4([127, 0, 0, 1], 0))?;
//! let to = server.local_addr()?;
//!
//! // The client marks its datagram ECT(0).
//! let client = Socket::new(Domain::IPV4, Type::DGRAM, SockFlags::empty())?;
//! let mut space = CmsgBuffer::<{ cmsg_space_for_tos() }>::new();
//! let mut builder = CmsgBuilder::new(&mut space);
//! builder.push_tos_for(&to, Tos::new(0, Ecn::Ect0))?;
//! client.send_msg(&[IoSlice::new(b"hi")], builder.as_bytes(), Some(&to), MsgFlags::empty())?;
//!
//! // The server reads where it was sent and how it was marked...
//! let mut data = [0u8; 16];
//! let mut control = CmsgBuffer::<{ cmsg_space_for_all_received() }>::new();
//! let msg = server.recv_msg(&mut [IoSliceMut::new(&mut data)], &mut control, MsgFlags::empty())?;
//! let messages = msg.control.messages();
//! assert_eq!(messages.tos().map(Tos::ecn), Some(Ecn::Ect0));
//! let info = messages.packet_info().expect("IP_PKTINFO");
//! assert_eq!(info.local, IpAddr::V4(Ipv4Addr::LOCALHOST));
//!
//! // ...and replies from that address.
//! let mut space = CmsgBuffer::<{ cmsg_space_for_packet_info_v4() }>::new();
//! let mut reply = CmsgBuilder::new(&mut space);
//! reply.push_source(info.local, 0)?;
//! server.send_msg(&[IoSlice::new(b"ok")], reply.as_bytes(), Some(&msg.addr), MsgFlags::empty())?;
//! # Ok::<(), sockcore::Errno>(())
//! ```
//!
//! The layout is the kernel's: each message is a `struct cmsghdr`, then its
//! data, then padding up to the alignment of `size_t`. The sizes come from
//! the `libc` crate's `cmsghdr` for the target, so they are right on glibc
//! and musl, 32- and 64-bit alike.
//!
//! ```
//! use sockcore::{cmsg_space_for_fds, CmsgBuffer, CmsgBuilder};
//!
//! // Room for two descriptors, computed at compile time.
//! let mut space = CmsgBuffer::<{ cmsg_space_for_fds(2) }>::new();
//! let mut builder = CmsgBuilder::new(&mut space);
//! builder.push_fds(&[0, 1])?;
//! assert_eq!(builder.as_bytes().len(), cmsg_space_for_fds(2));
//! # Ok::<(), sockcore::Errno>(())
//! ```

pub(crate) mod buffer;
pub(crate) mod builder;
mod builder_typed;
pub(crate) mod decode;
pub(crate) mod extended_error;
mod finders;
mod kinds;
pub(crate) mod parse;
pub(crate) mod received;
pub(crate) mod values;

use core::mem::size_of;

use crate::fd::RawFd;
use kinds::Layout;

/// The most descriptors the kernel accepts in one `SCM_RIGHTS` message
/// (`SCM_MAX_FD`); one more is `EINVAL`.
pub const SCM_MAX_FD: usize = 253;

/// Control messages start and end on this boundary: the size of `size_t`
/// (the kernel's `CMSG_ALIGN` uses `long`, the same width on Linux).
const CMSG_ALIGNMENT: usize = size_of::<usize>();

/// Bytes of a `struct cmsghdr` for this target.
const HEADER_SIZE: usize = size_of::<libc::cmsghdr>();

/// Where the data of a message starts, from the start of its header
/// (`CMSG_DATA(cmsg) - cmsg`).
const DATA_OFFSET: usize = cmsg_align(HEADER_SIZE);

/// `CMSG_ALIGN`: `len` rounded up to the control-message alignment,
/// saturating instead of overflowing.
const fn cmsg_align(len: usize) -> usize {
    len.saturating_add(CMSG_ALIGNMENT - 1) & !(CMSG_ALIGNMENT - 1)
}

/// `CMSG_SPACE(data_len)`: the bytes one control message with `data_len`
/// bytes of data takes in a buffer, padding included. Sum these to size a
/// buffer for several messages.
#[inline]
pub const fn cmsg_space(data_len: usize) -> usize {
    cmsg_align(data_len).saturating_add(DATA_OFFSET)
}

/// `CMSG_LEN(data_len)`: the value of `cmsg_len` for a message with
/// `data_len` bytes of data (the header plus the data, without the trailing
/// padding).
#[inline]
pub const fn cmsg_len(data_len: usize) -> usize {
    DATA_OFFSET.saturating_add(data_len)
}

/// The space for one `SCM_RIGHTS` message carrying `count` descriptors.
#[inline]
pub const fn cmsg_space_for_fds(count: usize) -> usize {
    cmsg_space(count.saturating_mul(size_of::<RawFd>()))
}

/// The space for one `SCM_CREDENTIALS` message (a `struct ucred`).
#[inline]
pub const fn cmsg_space_for_creds() -> usize {
    cmsg_space(size_of::<libc::ucred>())
}

/// The space for one message of `kind`.
const fn space_for(kind: Layout) -> usize {
    cmsg_space(kind.size)
}

/// The space for one `UDP_SEGMENT` message
/// ([`CmsgBuilder::push_udp_segment`](crate::CmsgBuilder::push_udp_segment)).
#[inline]
pub const fn cmsg_space_for_udp_segment() -> usize {
    space_for(kinds::UDP_SEGMENT)
}

/// The space for one `UDP_GRO` message (the segment size of a coalesced
/// run).
#[inline]
pub const fn cmsg_space_for_gro_segment() -> usize {
    space_for(kinds::GRO_SEGMENT)
}

/// The space for one `IP_PKTINFO` message, sent or received.
#[inline]
pub const fn cmsg_space_for_packet_info_v4() -> usize {
    space_for(kinds::PACKET_INFO_V4)
}

/// The space for one `IPV6_PKTINFO` message, sent or received.
#[inline]
pub const fn cmsg_space_for_packet_info_v6() -> usize {
    space_for(kinds::PACKET_INFO_V6)
}

/// The space for one `IP_TOS` or `IPV6_TCLASS` message, sent (an `int`) or
/// received (one byte, or an `int`).
#[inline]
pub const fn cmsg_space_for_tos() -> usize {
    space_for(kinds::TOS_SENT)
}

/// The space for one `IP_TTL` or `IPV6_HOPLIMIT` message, sent or received.
#[inline]
pub const fn cmsg_space_for_hop_limit() -> usize {
    space_for(kinds::TTL)
}

/// The space for one `IPV6_DONTFRAG` message.
#[inline]
pub const fn cmsg_space_for_dontfrag() -> usize {
    space_for(kinds::DONTFRAG)
}

/// The space for one transmit timestamp request
/// ([`CmsgBuilder::push_tx_timestamp`](crate::CmsgBuilder::push_tx_timestamp)).
#[inline]
pub const fn cmsg_space_for_tx_timestamp() -> usize {
    space_for(kinds::TX_TIMESTAMP)
}

/// The space for one `SCM_TIMESTAMPNS` or `SCM_TIMESTAMP` message, in
/// either form.
#[inline]
pub const fn cmsg_space_for_timestamp() -> usize {
    space_for(kinds::TIMESTAMPNS_NEW)
}

/// The space for one `SCM_TIMESTAMPING` message, in either form.
#[inline]
pub const fn cmsg_space_for_timestamping() -> usize {
    space_for(kinds::TIMESTAMPING_NEW)
}

/// The space for one `IP_RECVERR` message (an error-queue entry).
#[inline]
pub const fn cmsg_space_for_extended_error_v4() -> usize {
    space_for(kinds::EXTENDED_ERROR_V4)
}

/// The space for one `IPV6_RECVERR` message (an error-queue entry).
#[inline]
pub const fn cmsg_space_for_extended_error_v6() -> usize {
    space_for(kinds::EXTENDED_ERROR_V6)
}

/// The space for one `IP_ORIGDSTADDR` message.
#[inline]
pub const fn cmsg_space_for_original_destination_v4() -> usize {
    space_for(kinds::ORIGINAL_DESTINATION_V4)
}

/// The space for one `IPV6_ORIGDSTADDR` message.
#[inline]
pub const fn cmsg_space_for_original_destination_v6() -> usize {
    space_for(kinds::ORIGINAL_DESTINATION_V6)
}

/// The space for one `SO_RXQ_OVFL` message.
#[inline]
pub const fn cmsg_space_for_drop_count() -> usize {
    space_for(kinds::DROP_COUNT)
}

/// The space for every typed kind a receive can bring at once, for both
/// families (a dual-stack socket gets IPv4 and IPv6 ones): a timestamp, the
/// timestamping stamps, a drop count, a GRO segment size, packet info, TOS
/// and traffic class, TTL and hop limit, original destinations and
/// error-queue entries. 504 bytes on 64-bit targets, 408 on 32-bit ARM;
/// the most the kernel writes for one datagram with everything on is 296
/// (x86_64).
#[inline]
pub const fn cmsg_space_for_all_received() -> usize {
    cmsg_space_for_timestamp()
        + cmsg_space_for_timestamping()
        + cmsg_space_for_drop_count()
        + cmsg_space_for_gro_segment()
        + cmsg_space_for_packet_info_v4()
        + cmsg_space_for_packet_info_v6()
        + space_for(kinds::TOS_RECEIVED)
        + space_for(kinds::TRAFFIC_CLASS)
        + space_for(kinds::TTL)
        + space_for(kinds::HOP_LIMIT)
        + cmsg_space_for_original_destination_v4()
        + cmsg_space_for_original_destination_v6()
        + cmsg_space_for_extended_error_v4()
        + cmsg_space_for_extended_error_v6()
}
