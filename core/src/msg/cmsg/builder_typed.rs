//! The typed messages [`CmsgBuilder`] writes for sending: UDP segmentation,
//! the source address, TOS/ECN, hop limit, don't-fragment and a transmit
//! timestamp request. Each has the exact size the kernel takes (the
//! [table](super::kinds)); [`CmsgBuilder::push`] remains for anything else.

use core::mem::size_of;
use core::net::IpAddr;

use super::builder::CmsgBuilder;
use super::kinds::{
    Layout, DONTFRAG, HOP_LIMIT, PACKET_INFO_V4, PACKET_INFO_V6, TOS_SENT, TRAFFIC_CLASS, TTL,
    TX_TIMESTAMP, UDP_SEGMENT,
};
use super::values::Tos;
use crate::addr::{AddrKind, SocketAddr};
use crate::errno::{Errno, Result};
use crate::flags::TimestampingFlags;

impl CmsgBuilder<'_> {
    /// Appends `SOL_UDP`/`UDP_SEGMENT` (a `u16`: the kernel refuses any
    /// other size): the datagram sent is cut into datagrams of `segment`
    /// bytes by the kernel (or the network card), the last one possibly
    /// shorter (Linux 4.18).
    ///
    /// Errors: `EINVAL` for 0 (which would send one unsegmented datagram),
    /// `ENOSPC` with less than
    /// [`cmsg_space_for_udp_segment()`](crate::cmsg_space_for_udp_segment)
    /// bytes left.
    pub fn push_udp_segment(&mut self, segment: u16) -> Result<()> {
        if segment == 0 {
            return Err(Errno::EINVAL);
        }
        self.push_kind(UDP_SEGMENT, &segment.to_ne_bytes())
    }

    /// Appends the source address of this datagram: `IP_PKTINFO` with
    /// `ipi_spec_dst = local` for an IPv4 `local`, `IPV6_PKTINFO` for an
    /// IPv6 one (IPv4-mapped included, for a dual-stack socket). `ifindex`
    /// 0 lets routing pick the interface.
    ///
    /// A server bound to `0.0.0.0` or `::` replies from the address a
    /// request reached by passing the request's
    /// [`PacketInfo::local`](crate::PacketInfo::local) here. An address the
    /// host does not have fails at send time (`ENETUNREACH` for IPv4,
    /// `EINVAL` for IPv6), as does an unknown `ifindex` (`ENODEV`).
    ///
    /// Errors: `ENOSPC` with less than
    /// [`cmsg_space_for_packet_info_v4()`](crate::cmsg_space_for_packet_info_v4)
    /// (or `_v6`) bytes left.
    pub fn push_source(&mut self, local: IpAddr, ifindex: u32) -> Result<()> {
        match local {
            IpAddr::V4(ip) => {
                // struct in_pktinfo: ipi_ifindex (an int), ipi_spec_dst,
                // ipi_addr (ignored when sending).
                let index = i32::try_from(ifindex).unwrap_or(i32::MAX);
                let mut data = [0u8; PACKET_INFO_V4.size];
                write(&mut data, 0, &index.to_ne_bytes());
                write(&mut data, 4, &ip.octets());
                self.push_kind(PACKET_INFO_V4, &data)
            }
            IpAddr::V6(ip) => {
                // struct in6_pktinfo: ipi6_addr, ipi6_ifindex.
                let mut data = [0u8; PACKET_INFO_V6.size];
                write(&mut data, 0, &ip.octets());
                write(&mut data, 16, &ifindex.to_ne_bytes());
                self.push_kind(PACKET_INFO_V6, &data)
            }
        }
    }

    /// Appends the whole TOS / traffic-class byte, DSCP and ECN, for a
    /// datagram to `to`: `IP_TOS` for an IPv4 or IPv4-mapped `to` (the
    /// kernel ignores `IPV6_TCLASS` for those), `IPV6_TCLASS` for another
    /// IPv6 one; an `int` either way.
    ///
    /// It replaces the socket's own byte for this datagram, DSCP included
    /// (see [`Tos`]).
    ///
    /// Errors: `EAFNOSUPPORT` when `to` is not IPv4 or IPv6, `ENOSPC` with
    /// less than [`cmsg_space_for_tos()`](crate::cmsg_space_for_tos) bytes
    /// left.
    pub fn push_tos_for(&mut self, to: &SocketAddr, tos: Tos) -> Result<()> {
        let kind = if reaches_ipv4(to)? {
            TOS_SENT
        } else {
            TRAFFIC_CLASS
        };
        self.push_kind(kind, &i32::from(tos.0).to_ne_bytes())
    }

    /// Appends the TTL (`IP_TTL`, for an IPv4 or IPv4-mapped `to`) or hop
    /// limit (`IPV6_HOPLIMIT`) of a datagram to `to`, an `int`. The kernel
    /// refuses an IPv4 TTL of 0 at send time (`EINVAL`).
    ///
    /// Errors: `EAFNOSUPPORT` when `to` is not IPv4 or IPv6, `ENOSPC` with
    /// less than [`cmsg_space_for_hop_limit()`](crate::cmsg_space_for_hop_limit)
    /// bytes left.
    pub fn push_hop_limit_for(&mut self, to: &SocketAddr, hops: u8) -> Result<()> {
        let kind = if reaches_ipv4(to)? { TTL } else { HOP_LIMIT };
        self.push_kind(kind, &i32::from(hops).to_ne_bytes())
    }

    /// Appends `IPV6_DONTFRAG` (IPv6 sockets): with `on`, this datagram is
    /// never fragmented; one larger than the path MTU fails with `EMSGSIZE`.
    ///
    /// Errors: `ENOSPC` with less than
    /// [`cmsg_space_for_dontfrag()`](crate::cmsg_space_for_dontfrag) bytes left.
    pub fn push_dontfrag(&mut self, on: bool) -> Result<()> {
        self.push_kind(DONTFRAG, &i32::from(on).to_ne_bytes())
    }

    /// Appends `SO_TIMESTAMPING`: a request for transmit stamps of this
    /// datagram (Linux 4.7), `flags` within
    /// [`TimestampingFlags::TX_RECORD`]. The stamps arrive on the error
    /// queue; the reporting flags (`SOFTWARE`, `OPT_ID`, `OPT_TSONLY`, …)
    /// must be set on the socket with
    /// [`set_timestamping`](crate::SocketFd::set_timestamping).
    ///
    /// Errors: `EINVAL` for flags outside `TX_RECORD`, `ENOSPC` with less
    /// than [`cmsg_space_for_tx_timestamp()`](crate::cmsg_space_for_tx_timestamp)
    /// bytes left.
    pub fn push_tx_timestamp(&mut self, flags: TimestampingFlags) -> Result<()> {
        if !TimestampingFlags::TX_RECORD.contains(flags) {
            return Err(Errno::EINVAL);
        }
        self.push_kind(TX_TIMESTAMP, &flags.bits().to_ne_bytes())
    }

    /// Appends a message of `kind` with `data`, which has its size.
    fn push_kind(&mut self, kind: Layout, data: &[u8]) -> Result<()> {
        self.push(kind.level, kind.ty, data)
    }
}

// The values above are written with these sizes.
const _: () = assert!(UDP_SEGMENT.size == size_of::<u16>());
const _: () = assert!(TOS_SENT.size == size_of::<i32>() && TRAFFIC_CLASS.size == size_of::<i32>());
const _: () = assert!(TTL.size == size_of::<i32>() && HOP_LIMIT.size == size_of::<i32>());
const _: () = assert!(DONTFRAG.size == size_of::<i32>() && TX_TIMESTAMP.size == size_of::<u32>());

/// Whether a datagram to `to` travels as IPv4: an IPv4 address, or an
/// IPv4-mapped IPv6 one. Errors: `EAFNOSUPPORT` for other families.
fn reaches_ipv4(to: &SocketAddr) -> Result<bool> {
    match to.kind() {
        AddrKind::V4(_) => Ok(true),
        AddrKind::V6(v6) => Ok(v6.ip().to_ipv4_mapped().is_some()),
        _ => Err(Errno::EAFNOSUPPORT),
    }
}

/// Copies `src` into `dst` at `at`, within bounds, with no panic path.
fn write(dst: &mut [u8], at: usize, src: &[u8]) {
    let room = dst.get_mut(at..).unwrap_or_default();
    for (d, s) in room.iter_mut().zip(src) {
        *d = *s;
    }
}
