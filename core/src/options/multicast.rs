//! Multicast options on [`SocketFd`]: group membership, loopback, hop
//! limit and outgoing interface, for IPv4 and IPv6.
//!
//! Interfaces are given by index (see [`interface_index`](crate::interface_index));
//! 0 lets the kernel choose by its routing table.

use core::net::{Ipv4Addr, Ipv6Addr};

use super::table::{
    IPV6_ADD_MEMBERSHIP, IPV6_DROP_MEMBERSHIP, IPV6_MULTICAST_HOPS, IPV6_MULTICAST_IF,
    IPV6_MULTICAST_LOOP, IP_ADD_MEMBERSHIP, IP_DROP_MEMBERSHIP, IP_MULTICAST_IF, IP_MULTICAST_LOOP,
    IP_MULTICAST_TTL,
};
use crate::errno::Result;
use crate::socket::SocketFd;

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
        self.set_option(IP_ADD_MEMBERSHIP, (group, ifindex))
    }

    /// `setsockopt(IPPROTO_IP, IP_DROP_MEMBERSHIP)`: leaves a group joined
    /// with [`join_multicast_v4`](Self::join_multicast_v4).
    ///
    /// Errors: `EADDRNOTAVAIL` (not a member), `ENODEV`.
    #[inline]
    pub fn leave_multicast_v4(&self, group: Ipv4Addr, ifindex: u32) -> Result<()> {
        self.set_option(IP_DROP_MEMBERSHIP, (group, ifindex))
    }

    /// `setsockopt(IPPROTO_IP, IP_MULTICAST_LOOP)`: whether this host's own
    /// members of a group receive what this socket sends to it (on by
    /// default).
    #[inline]
    pub fn set_multicast_loop_v4(&self, on: bool) -> Result<()> {
        self.set_option(IP_MULTICAST_LOOP, on)
    }

    /// `getsockopt(IPPROTO_IP, IP_MULTICAST_LOOP)`.
    #[inline]
    pub fn multicast_loop_v4(&self) -> Result<bool> {
        self.option(IP_MULTICAST_LOOP)
    }

    /// `setsockopt(IPPROTO_IP, IP_MULTICAST_TTL)`: the time-to-live of
    /// outgoing multicast packets (1 by default: this link only).
    ///
    /// Errors: `EINVAL` above 255.
    #[inline]
    pub fn set_multicast_ttl_v4(&self, ttl: u32) -> Result<()> {
        self.set_option(IP_MULTICAST_TTL, ttl)
    }

    /// `getsockopt(IPPROTO_IP, IP_MULTICAST_TTL)`.
    #[inline]
    pub fn multicast_ttl_v4(&self) -> Result<u32> {
        self.option(IP_MULTICAST_TTL)
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
        self.set_option(IP_MULTICAST_IF, ifindex)
    }

    /// `setsockopt(IPPROTO_IPV6, IPV6_ADD_MEMBERSHIP)` (`IPV6_JOIN_GROUP`):
    /// joins the IPv6 multicast `group` on interface `ifindex`.
    ///
    /// Errors: `EINVAL` (not a multicast address), `EADDRINUSE` (already a
    /// member), `ENODEV` (no such interface, or no route with `ifindex` 0).
    #[inline]
    pub fn join_multicast_v6(&self, group: Ipv6Addr, ifindex: u32) -> Result<()> {
        self.set_option(IPV6_ADD_MEMBERSHIP, (group, ifindex))
    }

    /// `setsockopt(IPPROTO_IPV6, IPV6_DROP_MEMBERSHIP)` (`IPV6_LEAVE_GROUP`).
    ///
    /// Errors: `EADDRNOTAVAIL` (not a member), `ENODEV`.
    #[inline]
    pub fn leave_multicast_v6(&self, group: Ipv6Addr, ifindex: u32) -> Result<()> {
        self.set_option(IPV6_DROP_MEMBERSHIP, (group, ifindex))
    }

    /// `setsockopt(IPPROTO_IPV6, IPV6_MULTICAST_LOOP)`: as
    /// [`set_multicast_loop_v4`](Self::set_multicast_loop_v4), for IPv6.
    #[inline]
    pub fn set_multicast_loop_v6(&self, on: bool) -> Result<()> {
        self.set_option(IPV6_MULTICAST_LOOP, on)
    }

    /// `getsockopt(IPPROTO_IPV6, IPV6_MULTICAST_LOOP)`.
    #[inline]
    pub fn multicast_loop_v6(&self) -> Result<bool> {
        self.option(IPV6_MULTICAST_LOOP)
    }

    /// `setsockopt(IPPROTO_IPV6, IPV6_MULTICAST_HOPS)`: the hop limit of
    /// outgoing multicast packets (1 by default).
    ///
    /// Errors: `EINVAL` above 255.
    #[inline]
    pub fn set_multicast_hops_v6(&self, hops: u32) -> Result<()> {
        self.set_option(IPV6_MULTICAST_HOPS, hops)
    }

    /// `getsockopt(IPPROTO_IPV6, IPV6_MULTICAST_HOPS)`.
    #[inline]
    pub fn multicast_hops_v6(&self) -> Result<u32> {
        self.option(IPV6_MULTICAST_HOPS)
    }

    /// `setsockopt(IPPROTO_IPV6, IPV6_MULTICAST_IF)`: send multicast out of
    /// interface `ifindex` (0: by routing).
    ///
    /// Errors: `ENODEV` for no such interface, `EINVAL` when the socket is
    /// bound to another device.
    #[inline]
    pub fn set_multicast_if_v6(&self, ifindex: u32) -> Result<()> {
        self.set_option(IPV6_MULTICAST_IF, ifindex)
    }

    /// `getsockopt(IPPROTO_IPV6, IPV6_MULTICAST_IF)`: the interface index
    /// set, 0 for none.
    #[inline]
    pub fn multicast_if_v6(&self) -> Result<u32> {
        self.option(IPV6_MULTICAST_IF)
    }
}
