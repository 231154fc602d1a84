//! The values typed control messages carry: the TOS byte and its ECN bits,
//! timestamps, and where a datagram was addressed.

use core::net::IpAddr;
use core::time::Duration;

/// The ECN field (RFC 3168): the two low bits of the IPv4 TOS and IPv6
/// traffic-class byte.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum Ecn {
    /// `00`: the sender does not do ECN.
    NotEct = 0b00,
    /// `01`: ECN-capable transport, codepoint 1 (L4S).
    Ect1 = 0b01,
    /// `10`: ECN-capable transport, codepoint 0 (classic ECN).
    Ect0 = 0b10,
    /// `11`: congestion experienced, set by a router (or, on UDP, by a
    /// sender: the kernel accepts it).
    Ce = 0b11,
}

impl Ecn {
    /// The ECN bits of a TOS or traffic-class byte.
    #[inline]
    pub const fn from_tos(byte: u8) -> Ecn {
        match byte & 0b11 {
            0b00 => Ecn::NotEct,
            0b01 => Ecn::Ect1,
            0b10 => Ecn::Ect0,
            _ => Ecn::Ce,
        }
    }
}

/// The whole IPv4 TOS / IPv6 traffic-class byte: the DSCP in the six high
/// bits, [`Ecn`] in the two low ones.
///
/// A per-packet value ([`CmsgBuilder::push_tos_for`](crate::CmsgBuilder::push_tos_for))
/// replaces the whole byte the socket would send
/// ([`SocketFd::set_tos`](crate::SocketFd::set_tos)), DSCP included: a
/// program that marks its traffic with a DSCP and sets ECN per packet builds
/// each value with both, `Tos::new(dscp, ecn)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
#[repr(transparent)]
pub struct Tos(pub u8);

impl Tos {
    /// The byte for `dscp` (its two high bits ignored) and `ecn`.
    #[inline]
    pub const fn new(dscp: u8, ecn: Ecn) -> Tos {
        Tos(((dscp & 0x3f) << 2) | ecn as u8)
    }

    /// The DSCP: the six high bits.
    #[inline]
    pub const fn dscp(self) -> u8 {
        self.0 >> 2
    }

    /// The ECN bits.
    #[inline]
    pub const fn ecn(self) -> Ecn {
        Ecn::from_tos(self.0)
    }

    /// The same byte with other ECN bits.
    #[inline]
    pub const fn with_ecn(self, ecn: Ecn) -> Tos {
        Tos((self.0 & !0b11) | ecn as u8)
    }
}

/// A `CLOCK_REALTIME` instant as the kernel stamped it: seconds and
/// nanoseconds since the Unix epoch (`nsec` below one billion).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp {
    /// Whole seconds since the epoch (negative before it).
    pub sec: i64,
    /// Nanoseconds past `sec`, 0 to 999,999,999.
    pub nsec: u32,
}

impl Timestamp {
    /// Nanoseconds since the epoch.
    #[inline]
    pub const fn as_nanos(self) -> i128 {
        self.sec as i128 * 1_000_000_000 + self.nsec as i128
    }

    /// The time since the epoch, or `None` for an instant before it.
    #[inline]
    pub fn since_epoch(self) -> Option<Duration> {
        let secs = u64::try_from(self.sec).ok()?;
        Duration::from_secs(secs).checked_add(Duration::from_nanos(u64::from(self.nsec)))
    }
}

/// What an `SCM_TIMESTAMPING` message reports: the software stamp and the
/// raw hardware stamp, each `None` when the kernel left it all-zero (not
/// recorded, or not asked for in the reporting flags).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Timestamping {
    /// `ts[0]`: the stack's stamp (`SOFTWARE` reporting).
    pub software: Option<Timestamp>,
    /// `ts[2]`: the network card's stamp (`RAW_HARDWARE` reporting).
    /// (`ts[1]` is unused by Linux.)
    pub hardware: Option<Timestamp>,
}

/// Where a datagram was addressed, and which interface it came in by:
/// `IP_PKTINFO` or `IPV6_PKTINFO` as received.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct PacketInfo {
    /// The address the datagram was sent to (`ipi_addr`, `ipi6_addr`): on a
    /// dual-stack socket an IPv4 datagram's, through `IPV6_PKTINFO`, is
    /// IPv4-mapped.
    pub destination: IpAddr,
    /// The local address to reply from
    /// ([`CmsgBuilder::push_source`](crate::CmsgBuilder::push_source)):
    /// `ipi_spec_dst` for IPv4 (the destination itself for unicast), the
    /// destination for IPv6.
    pub local: IpAddr,
    /// The interface index the datagram arrived on.
    pub ifindex: u32,
}
