//! Multicast options on [`SocketFd`]: group membership, loopback, hop
//! limit and outgoing interface, for IPv4 and IPv6.
//!
//! Interfaces are given by index (see [`interface_index`](crate::interface_index));
//! 0 lets the kernel choose by its routing table.

use core::net::{Ipv4Addr, Ipv6Addr};

use crate::errno::Result;
use crate::socket::SocketFd;
use crate::sys;

/// An `ip_mreqn` for `group` on interface `ifindex`.
fn mreqn(group: Ipv4Addr, ifindex: u32) -> libc::ip_mreqn {
    libc::ip_mreqn {
        imr_multiaddr: libc::in_addr {
            s_addr: u32::from(group).to_be(),
        },
        imr_address: libc::in_addr {
            s_addr: u32::from(Ipv4Addr::UNSPECIFIED).to_be(),
        },
        imr_ifindex: libc::c_int::try_from(ifindex).unwrap_or(libc::c_int::MAX),
    }
}

/// An `ipv6_mreq` for `group` on interface `ifindex`.
fn mreq6(group: Ipv6Addr, ifindex: u32) -> libc::ipv6_mreq {
    // SAFETY: all-zero is a valid ipv6_mreq (bytes and an integer).
    let mut mreq: libc::ipv6_mreq = unsafe { core::mem::zeroed() };
    mreq.ipv6mr_multiaddr.s6_addr = group.octets();
    mreq.ipv6mr_interface = ifindex as _;
    mreq
}

impl SocketFd {
    /// `setsockopt(IPPROTO_IP, IP_ADD_MEMBERSHIP)` with an `ip_mreqn`: joins
    /// the IPv4 multicast `group` on interface `ifindex`.
    ///
    /// Errors: `EINVAL` (not a multicast address), `EADDRINUSE` (already a
    /// member there), `ENODEV` (no such interface, or no route for the group
    /// with `ifindex` 0), `ENOBUFS` (too many memberships:
    /// `net.ipv4.igmp_max_memberships`).
    #[inline]
    pub fn join_multicast_v4(&self, group: Ipv4Addr, ifindex: u32) -> Result<()> {
        let mreq = mreqn(group, ifindex);
        sys::setsockopt(
            self.as_raw_fd(),
            libc::IPPROTO_IP,
            libc::IP_ADD_MEMBERSHIP,
            &mreq,
        )
    }

    /// `setsockopt(IPPROTO_IP, IP_DROP_MEMBERSHIP)`: leaves a group joined
    /// with [`join_multicast_v4`](Self::join_multicast_v4).
    ///
    /// Errors: `EADDRNOTAVAIL` (not a member), `ENODEV`.
    #[inline]
    pub fn leave_multicast_v4(&self, group: Ipv4Addr, ifindex: u32) -> Result<()> {
        let mreq = mreqn(group, ifindex);
        sys::setsockopt(
            self.as_raw_fd(),
            libc::IPPROTO_IP,
            libc::IP_DROP_MEMBERSHIP,
            &mreq,
        )
    }

    /// `setsockopt(IPPROTO_IP, IP_MULTICAST_LOOP)`: whether this host's own
    /// members of a group receive what this socket sends to it (on by
    /// default).
    #[inline]
    pub fn set_multicast_loop_v4(&self, on: bool) -> Result<()> {
        self.set_flag_option(libc::IPPROTO_IP, libc::IP_MULTICAST_LOOP, on)
    }

    /// `getsockopt(IPPROTO_IP, IP_MULTICAST_LOOP)`.
    #[inline]
    pub fn multicast_loop_v4(&self) -> Result<bool> {
        self.flag_option(libc::IPPROTO_IP, libc::IP_MULTICAST_LOOP)
    }

    /// `setsockopt(IPPROTO_IP, IP_MULTICAST_TTL)`: the time-to-live of
    /// outgoing multicast packets (1 by default: this link only).
    ///
    /// Errors: `EINVAL` above 255.
    #[inline]
    pub fn set_multicast_ttl_v4(&self, ttl: u32) -> Result<()> {
        let ttl = libc::c_int::try_from(ttl).unwrap_or(libc::c_int::MAX);
        self.set_int_option(libc::IPPROTO_IP, libc::IP_MULTICAST_TTL, ttl)
    }

    /// `getsockopt(IPPROTO_IP, IP_MULTICAST_TTL)`.
    #[inline]
    pub fn multicast_ttl_v4(&self) -> Result<u32> {
        let ttl = self.int_option(libc::IPPROTO_IP, libc::IP_MULTICAST_TTL)?;
        Ok(u32::try_from(ttl).unwrap_or(0))
    }

    /// `setsockopt(IPPROTO_IP, IP_MULTICAST_IF)` with an `ip_mreqn`: send
    /// multicast out of interface `ifindex` (0: by routing).
    ///
    /// The kernel's getter answers with an interface address, not an index,
    /// so there is no matching getter here; use
    /// [`option_raw`](Self::option_raw) for that address.
    ///
    /// Errors: `EADDRNOTAVAIL` for no such interface.
    #[inline]
    pub fn set_multicast_if_v4(&self, ifindex: u32) -> Result<()> {
        let mreq = mreqn(Ipv4Addr::UNSPECIFIED, ifindex);
        sys::setsockopt(
            self.as_raw_fd(),
            libc::IPPROTO_IP,
            libc::IP_MULTICAST_IF,
            &mreq,
        )
    }

    /// `setsockopt(IPPROTO_IPV6, IPV6_ADD_MEMBERSHIP)` (`IPV6_JOIN_GROUP`):
    /// joins the IPv6 multicast `group` on interface `ifindex`.
    ///
    /// Errors: `EINVAL` (not a multicast address), `EADDRINUSE` (already a
    /// member), `ENODEV` (no such interface, or no route with `ifindex` 0).
    #[inline]
    pub fn join_multicast_v6(&self, group: Ipv6Addr, ifindex: u32) -> Result<()> {
        let mreq = mreq6(group, ifindex);
        let name = libc::IPV6_ADD_MEMBERSHIP;
        sys::setsockopt(self.as_raw_fd(), libc::IPPROTO_IPV6, name, &mreq)
    }

    /// `setsockopt(IPPROTO_IPV6, IPV6_DROP_MEMBERSHIP)` (`IPV6_LEAVE_GROUP`).
    ///
    /// Errors: `EADDRNOTAVAIL` (not a member), `ENODEV`.
    #[inline]
    pub fn leave_multicast_v6(&self, group: Ipv6Addr, ifindex: u32) -> Result<()> {
        let mreq = mreq6(group, ifindex);
        let name = libc::IPV6_DROP_MEMBERSHIP;
        sys::setsockopt(self.as_raw_fd(), libc::IPPROTO_IPV6, name, &mreq)
    }

    /// `setsockopt(IPPROTO_IPV6, IPV6_MULTICAST_LOOP)`: as
    /// [`set_multicast_loop_v4`](Self::set_multicast_loop_v4), for IPv6.
    #[inline]
    pub fn set_multicast_loop_v6(&self, on: bool) -> Result<()> {
        self.set_flag_option(libc::IPPROTO_IPV6, libc::IPV6_MULTICAST_LOOP, on)
    }

    /// `getsockopt(IPPROTO_IPV6, IPV6_MULTICAST_LOOP)`.
    #[inline]
    pub fn multicast_loop_v6(&self) -> Result<bool> {
        self.flag_option(libc::IPPROTO_IPV6, libc::IPV6_MULTICAST_LOOP)
    }

    /// `setsockopt(IPPROTO_IPV6, IPV6_MULTICAST_HOPS)`: the hop limit of
    /// outgoing multicast packets (1 by default).
    ///
    /// Errors: `EINVAL` above 255.
    #[inline]
    pub fn set_multicast_hops_v6(&self, hops: u32) -> Result<()> {
        let hops = libc::c_int::try_from(hops).unwrap_or(libc::c_int::MAX);
        self.set_int_option(libc::IPPROTO_IPV6, libc::IPV6_MULTICAST_HOPS, hops)
    }

    /// `getsockopt(IPPROTO_IPV6, IPV6_MULTICAST_HOPS)`.
    #[inline]
    pub fn multicast_hops_v6(&self) -> Result<u32> {
        let hops = self.int_option(libc::IPPROTO_IPV6, libc::IPV6_MULTICAST_HOPS)?;
        Ok(u32::try_from(hops).unwrap_or(0))
    }

    /// `setsockopt(IPPROTO_IPV6, IPV6_MULTICAST_IF)`: send multicast out of
    /// interface `ifindex` (0: by routing).
    ///
    /// Errors: `ENODEV` for no such interface, `EINVAL` when the socket is
    /// bound to another device.
    #[inline]
    pub fn set_multicast_if_v6(&self, ifindex: u32) -> Result<()> {
        let ifindex = libc::c_int::try_from(ifindex).unwrap_or(libc::c_int::MAX);
        self.set_int_option(libc::IPPROTO_IPV6, libc::IPV6_MULTICAST_IF, ifindex)
    }

    /// `getsockopt(IPPROTO_IPV6, IPV6_MULTICAST_IF)`: the interface index
    /// set, 0 for none.
    #[inline]
    pub fn multicast_if_v6(&self) -> Result<u32> {
        let ifindex = self.int_option(libc::IPPROTO_IPV6, libc::IPV6_MULTICAST_IF)?;
        Ok(u32::try_from(ifindex).unwrap_or(0))
    }
}
