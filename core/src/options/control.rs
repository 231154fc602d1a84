//! The options that turn on received control messages, on [`SocketFd`]:
//! packet info, TOS and traffic class, TTL and hop limit, the error queue,
//! the original destination, the drop count and timestamps. Each message
//! they bring is read with a finder of [`Cmsgs`](crate::Cmsgs) on the
//! control data of [`recv_msg`](SocketFd::recv_msg), sized with
//! [`cmsg_space_for_all_received`](crate::cmsg_space_for_all_received) or
//! the kind's own `cmsg_space_for_*`.

use super::table::{
    IPV6_RECVERR, IPV6_RECVHOPLIMIT, IPV6_RECVORIGDSTADDR, IPV6_RECVPKTINFO, IPV6_RECVTCLASS,
    IP_PKTINFO, IP_RECVERR, IP_RECVORIGDSTADDR, IP_RECVTOS, IP_RECVTTL, SO_RXQ_OVFL,
    SO_TIMESTAMPING_NEW, SO_TIMESTAMPING_OLD, SO_TIMESTAMPNS_NEW, SO_TIMESTAMPNS_OLD,
};
use crate::errno::{Errno, Result};
use crate::flags::TimestampingFlags;
use crate::socket::SocketFd;

impl SocketFd {
    /// `setsockopt(IPPROTO_IP, IP_PKTINFO)`: each IPv4 datagram received
    /// carries where it was sent and the interface it came in by
    /// ([`Cmsgs::packet_info`](crate::Cmsgs::packet_info)), so a server
    /// bound to `0.0.0.0` can reply from the address it was reached at
    /// ([`CmsgBuilder::push_source`](crate::CmsgBuilder::push_source)).
    #[inline]
    pub fn set_recv_packet_info(&self, on: bool) -> Result<()> {
        self.set_option(IP_PKTINFO, on)
    }

    /// `getsockopt(IPPROTO_IP, IP_PKTINFO)`.
    #[inline]
    pub fn recv_packet_info(&self) -> Result<bool> {
        self.option(IP_PKTINFO)
    }

    /// `setsockopt(IPPROTO_IPV6, IPV6_RECVPKTINFO)`: as
    /// [`set_recv_packet_info`](Self::set_recv_packet_info), for IPv6
    /// datagrams (and IPv4 ones on a dual-stack socket, IPv4-mapped).
    #[inline]
    pub fn set_recv_packet_info_v6(&self, on: bool) -> Result<()> {
        self.set_option(IPV6_RECVPKTINFO, on)
    }

    /// `getsockopt(IPPROTO_IPV6, IPV6_RECVPKTINFO)`.
    #[inline]
    pub fn recv_packet_info_v6(&self) -> Result<bool> {
        self.option(IPV6_RECVPKTINFO)
    }

    /// `setsockopt(IPPROTO_IP, IP_RECVTOS)`: each IPv4 datagram carries
    /// its TOS byte, DSCP and ECN ([`Cmsgs::tos`](crate::Cmsgs::tos)).
    #[inline]
    pub fn set_recv_tos(&self, on: bool) -> Result<()> {
        self.set_option(IP_RECVTOS, on)
    }

    /// `getsockopt(IPPROTO_IP, IP_RECVTOS)`.
    #[inline]
    pub fn recv_tos(&self) -> Result<bool> {
        self.option(IP_RECVTOS)
    }

    /// `setsockopt(IPPROTO_IPV6, IPV6_RECVTCLASS)`: each IPv6 datagram
    /// carries its traffic class ([`Cmsgs::tos`](crate::Cmsgs::tos)).
    #[inline]
    pub fn set_recv_tclass_v6(&self, on: bool) -> Result<()> {
        self.set_option(IPV6_RECVTCLASS, on)
    }

    /// `getsockopt(IPPROTO_IPV6, IPV6_RECVTCLASS)`.
    #[inline]
    pub fn recv_tclass_v6(&self) -> Result<bool> {
        self.option(IPV6_RECVTCLASS)
    }

    /// `setsockopt(IPPROTO_IP, IP_RECVTTL)`: each IPv4 datagram carries
    /// the TTL it arrived with ([`Cmsgs::hop_limit`](crate::Cmsgs::hop_limit)).
    #[inline]
    pub fn set_recv_ttl(&self, on: bool) -> Result<()> {
        self.set_option(IP_RECVTTL, on)
    }

    /// `getsockopt(IPPROTO_IP, IP_RECVTTL)`.
    #[inline]
    pub fn recv_ttl(&self) -> Result<bool> {
        self.option(IP_RECVTTL)
    }

    /// `setsockopt(IPPROTO_IPV6, IPV6_RECVHOPLIMIT)`: each IPv6 datagram
    /// carries the hop limit it arrived with
    /// ([`Cmsgs::hop_limit`](crate::Cmsgs::hop_limit)).
    #[inline]
    pub fn set_recv_hop_limit_v6(&self, on: bool) -> Result<()> {
        self.set_option(IPV6_RECVHOPLIMIT, on)
    }

    /// `getsockopt(IPPROTO_IPV6, IPV6_RECVHOPLIMIT)`.
    #[inline]
    pub fn recv_hop_limit_v6(&self) -> Result<bool> {
        self.option(IPV6_RECVHOPLIMIT)
    }

    /// `setsockopt(IPPROTO_IP, IP_RECVERR)`: ICMP errors about what this
    /// socket sent (a port unreachable, a path MTU) and local errors are
    /// queued on its error queue, which `poll` reports as `POLLERR`. Read
    /// an entry with [`recv_msg`](Self::recv_msg) and `MsgFlags::ERRQUEUE`:
    /// its payload is the datagram that caused it, and
    /// [`Cmsgs::extended_error`](crate::Cmsgs::extended_error) the error.
    ///
    /// Mind the trap: with this on, an ICMP error also makes the **next
    /// ordinary receive** on an unconnected socket fail with the error's
    /// code (`ECONNREFUSED` for a closed port), even with a datagram queued,
    /// unless the error queue was read first (a connected socket's does so
    /// with or without this option). Read the queue whenever `poll`
    /// reports `POLLERR`.
    #[inline]
    pub fn set_recv_errors(&self, on: bool) -> Result<()> {
        self.set_option(IP_RECVERR, on)
    }

    /// `getsockopt(IPPROTO_IP, IP_RECVERR)`.
    #[inline]
    pub fn recv_errors(&self) -> Result<bool> {
        self.option(IP_RECVERR)
    }

    /// `setsockopt(IPPROTO_IPV6, IPV6_RECVERR)`: as
    /// [`set_recv_errors`](Self::set_recv_errors), for ICMPv6 (the same
    /// trap: the next ordinary receive fails until the queue is read).
    #[inline]
    pub fn set_recv_errors_v6(&self, on: bool) -> Result<()> {
        self.set_option(IPV6_RECVERR, on)
    }

    /// `getsockopt(IPPROTO_IPV6, IPV6_RECVERR)`.
    #[inline]
    pub fn recv_errors_v6(&self) -> Result<bool> {
        self.option(IPV6_RECVERR)
    }

    /// `setsockopt(IPPROTO_IP, IP_RECVORIGDSTADDR)`: each IPv4 datagram
    /// carries the address and port it was sent to
    /// ([`Cmsgs::original_destination`](crate::Cmsgs::original_destination)):
    /// with `IP_TRANSPARENT` (TPROXY), the address before redirection.
    #[inline]
    pub fn set_recv_original_destination(&self, on: bool) -> Result<()> {
        self.set_option(IP_RECVORIGDSTADDR, on)
    }

    /// `getsockopt(IPPROTO_IP, IP_RECVORIGDSTADDR)`.
    #[inline]
    pub fn recv_original_destination(&self) -> Result<bool> {
        self.option(IP_RECVORIGDSTADDR)
    }

    /// `setsockopt(IPPROTO_IPV6, IPV6_RECVORIGDSTADDR)`: as
    /// [`set_recv_original_destination`](Self::set_recv_original_destination),
    /// for IPv6 datagrams (a dual-stack socket needs the IPv4 option too
    /// for IPv4 ones).
    #[inline]
    pub fn set_recv_original_destination_v6(&self, on: bool) -> Result<()> {
        self.set_option(IPV6_RECVORIGDSTADDR, on)
    }

    /// `getsockopt(IPPROTO_IPV6, IPV6_RECVORIGDSTADDR)`.
    #[inline]
    pub fn recv_original_destination_v6(&self) -> Result<bool> {
        self.option(IPV6_RECVORIGDSTADDR)
    }

    /// `setsockopt(SOL_SOCKET, SO_RXQ_OVFL)`: each datagram carries the
    /// count of datagrams the socket has dropped so far for want of
    /// receive buffer space ([`Cmsgs::drop_count`](crate::Cmsgs::drop_count)).
    /// The count is cumulative, and no message comes while it is 0.
    #[inline]
    pub fn set_recv_drop_count(&self, on: bool) -> Result<()> {
        self.set_option(SO_RXQ_OVFL, on)
    }

    /// `getsockopt(SOL_SOCKET, SO_RXQ_OVFL)`.
    #[inline]
    pub fn recv_drop_count(&self) -> Result<bool> {
        self.option(SO_RXQ_OVFL)
    }

    /// `setsockopt(SOL_SOCKET, SO_TIMESTAMPNS_NEW)`: each datagram carries
    /// its `CLOCK_REALTIME` receive time in nanoseconds, with 64-bit seconds
    /// on every target ([`Cmsgs::timestamp`](crate::Cmsgs::timestamp)). On
    /// kernels before 5.1, which lack the option (`ENOPROTOOPT`), this sets
    /// `SO_TIMESTAMPNS_OLD`, whose seconds are 32-bit on 32-bit targets.
    ///
    /// The format of every stamp on a socket follows the last timestamp
    /// option set on it; this call and
    /// [`set_timestamping`](Self::set_timestamping) both ask for the 64-bit
    /// one.
    pub fn set_recv_timestamps(&self, on: bool) -> Result<()> {
        self.set_new_or_old(
            SO_TIMESTAMPNS_NEW.name(),
            SO_TIMESTAMPNS_OLD.name(),
            on.into(),
        )
    }

    /// Whether receive times are on, in either format: `getsockopt` of
    /// `SO_TIMESTAMPNS_NEW`, then of `SO_TIMESTAMPNS_OLD` when that says no
    /// (each reads 1 only while the socket's format is its own).
    pub fn recv_timestamps(&self) -> Result<bool> {
        match self.option(SO_TIMESTAMPNS_NEW) {
            Ok(true) => Ok(true),
            Ok(false) | Err(Errno::ENOPROTOOPT) => self.option(SO_TIMESTAMPNS_OLD),
            Err(errno) => Err(errno),
        }
    }

    /// `setsockopt(SOL_SOCKET, SO_TIMESTAMPING_NEW)`: what
    /// `SO_TIMESTAMPING` records and reports, 64-bit stamps (falling back
    /// to `SO_TIMESTAMPING_OLD` on kernels before 5.1).
    ///
    /// - Receive stamps: `RX_SOFTWARE | SOFTWARE`; each datagram then
    ///   carries [`Cmsgs::timestamping`](crate::Cmsgs::timestamping). The
    ///   kernel turns stamping on for the whole system through deferred
    ///   work, so the first datagrams after the first socket on the system
    ///   asks may arrive without a stamp.
    /// - Transmit stamps: `TX_SOFTWARE | SOFTWARE`; one entry per send (one
    ///   per offloaded run) arrives on the error queue, an `ENOMSG`
    ///   [`ExtendedError`](crate::ExtendedError) with origin
    ///   `Timestamping` beside the stamp. `OPT_ID` numbers the sends in its
    ///   `data`; `OPT_TSONLY` leaves the packet out of the entry.
    ///
    /// Errors: `EINVAL` for a combination the kernel refuses.
    pub fn set_timestamping(&self, flags: TimestampingFlags) -> Result<()> {
        // The kernel's flags fit in 18 bits.
        let value = libc::c_int::try_from(flags.bits()).unwrap_or(libc::c_int::MAX);
        let (new, old) = (SO_TIMESTAMPING_NEW.name(), SO_TIMESTAMPING_OLD.name());
        self.set_new_or_old(new, old, value)
    }

    /// `setsockopt(SOL_SOCKET, new)` with an `int`, or, on kernels before
    /// 5.1, which lack the 64-bit timestamp options (`ENOPROTOOPT`), of the
    /// old option `old`: the one copy of that rule for both timestamp
    /// setters.
    #[inline(never)]
    fn set_new_or_old(&self, new: i32, old: i32, value: libc::c_int) -> Result<()> {
        match self.set_int_option(libc::SOL_SOCKET, new, value) {
            Err(Errno::ENOPROTOOPT) => self.set_int_option(libc::SOL_SOCKET, old, value),
            done => done,
        }
    }

    /// `getsockopt(SOL_SOCKET, SO_TIMESTAMPING_OLD)`: the flags set, in
    /// either format (every kernel answers the old name with them).
    #[inline]
    pub fn timestamping(&self) -> Result<TimestampingFlags> {
        self.option(SO_TIMESTAMPING_OLD)
    }
}
